"""A build worker's kernel is reused between reports and emptied before each."""

import os
import time

import nbformat
import papermill
import pytest

from ikm_analysis.report.build import KERNEL_NAME, _kernel_spec_dir
from ikm_analysis.report.warm_kernel import WarmKernel


@pytest.fixture
def kernel_spec(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(_kernel_spec_dir(tmp_path / "jupyter")))
    return KERNEL_NAME


def _notebook(path, *sources):
    path.write_text(nbformat.writes(nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in sources],
        metadata={"kernelspec": {"name": KERNEL_NAME, "language": "python",
                                "display_name": "Python 3"}})))
    return path


def _run(held, notebook, out, tmp_path):
    manager = held.ready(KERNEL_NAME, {"A": "1"}, tmp_path)
    try:
        return papermill.execute_notebook(str(notebook), str(out), kernel_name=KERNEL_NAME,
                                          language="python", progress_bar=False, km=manager)
    finally:
        held.after_report(keep=True)


def test_the_second_report_sees_a_fresh_kernel_in_the_same_process(kernel_spec, tmp_path):
    held = WarmKernel()
    try:
        notebook = _notebook(tmp_path / "a.ipynb", "left_over = 1", "import os\nos.getpid()")
        first = _run(held, notebook, tmp_path / "a_out.ipynb", tmp_path)
        manager = held.manager
        second = _run(held, _notebook(tmp_path / "b.ipynb",
                                      "'left_over' in globals()", "import os\nos.getpid()"),
                      tmp_path / "b_out.ipynb", tmp_path)
        assert held.manager is manager  # the same kernel process
        pid = first.cells[1].outputs[0]["data"]["text/plain"]
        assert second.cells[1].outputs[0]["data"]["text/plain"] == pid
        assert second.cells[0].outputs[0]["data"]["text/plain"] == "False"  # names are gone
        assert [cell.execution_count for cell in second.cells] == [1, 2]  # as a fresh kernel
    finally:
        held.discard()
    assert held.manager is None


def test_a_failed_report_or_other_settings_start_another_kernel(kernel_spec, tmp_path):
    held = WarmKernel()
    try:
        first = held.ready(KERNEL_NAME, {"A": "1"}, tmp_path)
        held.after_report(keep=False)  # the report failed
        assert held.manager is None
        second = held.ready(KERNEL_NAME, {"A": "1"}, tmp_path)
        assert second is not first
        third = held.ready(KERNEL_NAME, {"A": "2", "B": "3"}, tmp_path)
        assert third is not second
        held.after_report(keep=True)
        assert held.ready(KERNEL_NAME, {"B": "3", "A": "2"}, tmp_path) is third  # same settings
    finally:
        held.discard()


def test_no_kernel_is_left_running_after_a_build_worker_ends(kernel_spec, tmp_path):
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        kernel_pid = pool.submit(_start_kept_kernel, str(tmp_path)).result()
    with pytest.raises(ProcessLookupError):
        for _ in range(50):  # the worker's exit shuts its kernel down
            os.kill(kernel_pid, 0)
            time.sleep(0.1)


def _start_kept_kernel(folder):
    from pathlib import Path

    from ikm_analysis.report.warm_kernel import WORKER_KERNEL

    manager = WORKER_KERNEL.ready(KERNEL_NAME, {"A": "1"}, Path(folder))
    return manager.provisioner.pid


def test_a_ready_client_hears_the_kernel_and_has_nothing_left_over(kernel_spec, tmp_path):
    from queue import Empty

    from jupyter_core.utils import run_sync

    held = WarmKernel()
    try:
        manager = held.ready(KERNEL_NAME, {"A": "1"}, tmp_path)
        for _ in range(3):  # the first waits for the kernel to start, the others find it up
            client = manager.client()
            client.start_channels()
            run_sync(client.wait_for_ready)(timeout=60)
            with pytest.raises(Empty):  # the kernel_info request's reply was read
                run_sync(client.get_shell_msg)(timeout=0.1)
            outputs = []
            reply = run_sync(client.execute_interactive)("print('heard')", timeout=60,
                                                         output_hook=outputs.append)
            assert reply["content"]["status"] == "ok"
            assert [message["content"]["text"] for message in outputs
                    if message["msg_type"] == "stream"] == ["heard\n"]  # it was listening
            manager.close_clients()
    finally:
        held.discard()
