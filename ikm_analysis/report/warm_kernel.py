"""One kernel per build worker, kept between its reports and emptied before each.

Starting a kernel and importing the report's libraries is paid by every report of a build
before it does anything. A build worker therefore keeps the kernel it started and hands it to
papermill for its next report. Before each report the kernel is emptied as a fresh one would
be: IPython's ``reset`` drops every name the last notebook defined and starts the execution
count at 1 again, so the executed notebook is the one a fresh kernel gives (the tests check
the names and the count; the README says how the reports' bytes were compared). What stays
is what a report cannot see: imported modules and the caches of :mod:`ikm_analysis` (the map
outlines, the registry read from the build's cache).

A kernel that failed a report, or ran out of time, is shut down; the next report starts
another. The clients papermill gets for a kept kernel are ready as soon as one request has come
through (``PromptClient``), without jupyter_client's 0.2 s wait for silence before each report.
A kernel's own messages (start-up, shutdown) go to the log of the report it started with: it
inherits the build's standard error at start (:func:`ikm_analysis.report.build.run_job`).

Example:
    >>> held = WarmKernel()
    >>> held.manager is None
    True
"""

from __future__ import annotations

import atexit
import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Run in the kernel before every report, as a hidden request that counts no execution.
RESET_CODE = "get_ipython().reset(new_session=True)"


#: How long a client waits for the kernel's answer to one ``kernel_info`` request, in seconds,
#: before it asks again (the output channel may not have been listening yet).
ANSWER_WAIT_SECONDS = 1.0


def _manager_class() -> type:
    from queue import Empty

    from jupyter_client.asynchronous import AsyncKernelClient
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Type

    class PromptClient(AsyncKernelClient):
        """A client that is ready as soon as it has seen one request through, not 0.2 s later.

        jupyter_client's ``wait_for_ready`` asks for ``kernel_info`` until the kernel answers and
        one message has come on the output channel (so it is listening), then reads that channel
        until it has been silent for 0.2 s: 0.2 s lost before every report. Here the client is
        ready when the request's last message (its ``idle`` status) has come on the output
        channel: it listens, and nothing of that request is left to read. If that message does
        not come (the channel was not listening yet), the client asks again.
        """

        async def wait_for_ready(self, timeout: float | None = None) -> None:
            deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
            while time.monotonic() < deadline:
                request = self.kernel_info()
                answer_by = time.monotonic() + ANSWER_WAIT_SECONDS
                while (left := answer_by - time.monotonic()) > 0:
                    try:
                        message = await self.get_iopub_msg(timeout=left)
                    except Empty:
                        break
                    if (message["parent_header"].get("msg_id") == request
                            and message["msg_type"] == "status"
                            and message["content"]["execution_state"] == "idle"):
                        # the reply was sent before the idle status: it is there to read
                        self._handle_kernel_info_reply(
                            await self.reply_to(request, ANSWER_WAIT_SECONDS))
                        return
                if not await self.is_alive():
                    raise RuntimeError("Kernel died before replying to kernel_info")
            raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

        async def reply_to(self, request: str, timeout: float) -> dict:
            """The request's reply, read from the shell channel (earlier replies are skipped).

            Raises:
                queue.Empty: No message came for ``timeout`` seconds.
            """
            while True:
                message = await self.get_shell_msg(timeout=timeout)
                if message["parent_header"].get("msg_id") == request:
                    return message

    class ReusedKernelManager(AsyncKernelManager):
        """A kernel manager that remembers the clients it made, to close them after a report.

        nbclient opens a client for every notebook it runs and closes it only when it owns
        the kernel; here the worker does.
        """

        client_factory = Type(PromptClient, klass=AsyncKernelClient)

        def client(self, **kwargs: object) -> object:
            made = super().client(**kwargs)
            self.__dict__.setdefault("_made_clients", []).append(made)
            return made

        def close_clients(self) -> None:
            for made in self.__dict__.pop("_made_clients", []):
                made.stop_channels()

    return ReusedKernelManager


@dataclass
class WarmKernel:
    """The kernel a build worker keeps, and what it was started with.

    Attributes:
        manager: The running kernel's manager, or ``None`` before the first report.
        started_with: The kernel spec folder's settings and the working folder it started
            with; a report asking for others gets a new kernel.
    """

    manager: object | None = None
    started_with: tuple[dict[str, str], Path] | None = None
    _registered: bool = field(default=False, repr=False)

    def ready(self, kernel_name: str, env: dict[str, str], cwd: Path) -> object:
        """A running kernel, emptied for the next report; started here when there is none.

        Args:
            kernel_name: The kernel spec's name (found on ``JUPYTER_PATH``).
            env: What the spec puts in the kernel's environment: other values mean another
                kernel.
            cwd: The folder the notebooks run in.
        """
        from jupyter_core.utils import run_sync

        wanted = (dict(env), Path(cwd))
        if self.manager is not None and (self.started_with != wanted
                                         or not run_sync(self.manager.is_alive)()):
            self.discard()
        if self.manager is None:
            manager = _manager_class()(kernel_name=kernel_name)
            run_sync(manager.start_kernel)(cwd=str(cwd))
            self.manager, self.started_with = manager, wanted
            if not self._registered:
                atexit.register(self.discard)
                self._registered = True
        else:
            self._reset()
        return self.manager

    def _reset(self) -> None:
        """Empty the kernel with one request on the shell channel and wait for its reply.

        The kernel is known to be running, so no ``wait_for_ready``: it also waits for 0.2 s
        of silence on the output channel, which a silent request that needs no output does not.
        """
        from jupyter_core.utils import run_sync

        client = self.manager.client()
        try:
            client.start_channels()
            request = client.execute(RESET_CODE, silent=True, store_history=False)
            reply = run_sync(client.reply_to)(request, 60)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"the kernel could not be emptied: {reply['content']}")
        finally:
            self.manager.close_clients()

    def after_report(self, keep: bool) -> None:
        """Close the report's clients; shut the kernel down unless ``keep`` (it succeeded)."""
        if self.manager is None:
            return
        self.manager.close_clients()
        if not keep:
            self.discard()

    def discard(self) -> None:
        """Shut the kernel down now (a report failed or ran out of time, or the worker ends)."""
        from jupyter_core.utils import run_sync

        manager, self.manager, self.started_with = self.manager, None, None
        if manager is None:
            return
        manager.close_clients()
        with contextlib.suppress(Exception):  # already gone: nothing to stop
            run_sync(manager.shutdown_kernel)(now=True)
        run_sync(manager.cleanup_resources)()


#: The kernel of this process (a build worker), kept between the reports it builds.
WORKER_KERNEL = WarmKernel()
