"""Memory-allocator settings for the processes that handle national-scale registries.

At ten million rows every temporary column is tens of megabytes. By default glibc serves such
blocks from fresh ``mmap`` pages and unmaps them on free, and pyarrow's own pool (mimalloc) hands
freed pages back too; the kernel then zeroes every page again the next time it is touched (a
``perf`` profile of a national-scale run showed the kernel's page zeroing dominating). With
the settings here glibc keeps freed memory for reuse and Arrow allocates through glibc as well,
so one heap serves both. How much that gives depends on how dear fresh pages are on the machine;
the README's Performance section has the measurements.

The cost: memory freed inside the process is kept for reuse rather than handed back to the system
until the process ends. That suits a process that reads a registry, builds a report and exits,
which is what the package starts itself. Two ways to apply them:

* :data:`LARGE_TABLE_ENVIRONMENT`, read by glibc and pyarrow when a process starts: the report
  kernels get it in their kernel spec, the ``make lab`` kernel too, and a script of your own can
  be started with ``env $(python -m ikm_analysis._fast.allocator) python script.py``;
* :func:`use_large_table_allocator`, for a process already running: ``ikm-report`` calls it
  before it reads a registry. It sets the same two glibc parameters with ``mallopt`` and makes
  the system allocator pyarrow's default pool.

Importing the package changes nothing. Other C libraries than glibc (macOS, musl) have no
``mallopt`` of this kind and ignore the ``MALLOC_`` variables, harmlessly.

Example:
    >>> sorted(LARGE_TABLE_ENVIRONMENT)
    ['ARROW_DEFAULT_MEMORY_POOL', 'MALLOC_MMAP_MAX_', 'MALLOC_TRIM_THRESHOLD_']
    >>> large_table_environment({"ARROW_DEFAULT_MEMORY_POOL": "jemalloc"})[
    ...     "ARROW_DEFAULT_MEMORY_POOL"]  # a setting you made yourself wins
    'jemalloc'
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Mapping

#: Free memory at the top of the heap is handed back only above this size: never, in practice.
_TRIM_THRESHOLD_BYTES = 2**40

#: Environment of a process started for a large registry (read by glibc and pyarrow at start).
LARGE_TABLE_ENVIRONMENT: dict[str, str] = {
    "MALLOC_MMAP_MAX_": "0",  # large blocks come from the heap, so freed ones are reused
    "MALLOC_TRIM_THRESHOLD_": str(_TRIM_THRESHOLD_BYTES),
    "ARROW_DEFAULT_MEMORY_POOL": "system",  # Arrow shares that heap instead of its own
}

# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_MAX = -4


def large_table_settings(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The allocator settings alone, a value ``base`` sets already kept as it is.

    Args:
        base: The environment the settings go into; ``os.environ`` when ``None``.

    Returns:
        One entry per name of :data:`LARGE_TABLE_ENVIRONMENT`.
    """
    base = os.environ if base is None else base
    return {name: base.get(name, value) for name, value in LARGE_TABLE_ENVIRONMENT.items()}


def large_table_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment for a child process with the allocator settings added.

    Args:
        base: The environment to extend; ``os.environ`` when ``None``. A variable it sets
            already is kept as it is.

    Returns:
        A new dict.
    """
    base = os.environ if base is None else base
    return {**base, **large_table_settings(base)}


def use_large_table_allocator(environ: Mapping[str, str] | None = None) -> list[str]:
    """Apply the settings to this running process, each unless its variable is set already.

    A variable of :data:`LARGE_TABLE_ENVIRONMENT` that is set means the process started with a
    setting (ours or yours), which this leaves alone.

    Args:
        environ: The environment the process started with; ``os.environ`` when ``None``.

    Returns:
        What was changed: ``"glibc"`` (``mallopt``) and ``"arrow"`` (the default pool).
    """
    environ = os.environ if environ is None else environ
    changed = []
    if sys.platform.startswith("linux") and not (
            {"MALLOC_MMAP_MAX_", "MALLOC_TRIM_THRESHOLD_"} & set(environ)):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        mallopt = getattr(libc, "mallopt", None)
        # int -1 is the largest size_t: glibc never hands the top of the heap back.
        if mallopt is not None and mallopt(_M_TRIM_THRESHOLD, -1) and mallopt(_M_MMAP_MAX, 0):
            changed.append("glibc")
    if "ARROW_DEFAULT_MEMORY_POOL" not in environ:
        import pyarrow as pa

        pa.set_memory_pool(pa.system_memory_pool())
        changed.append("arrow")
    return changed


def main() -> None:
    """Print the settings as ``NAME=value`` lines.

    For ``env $(python -m ikm_analysis._fast.allocator) python script.py``.
    """
    for name, value in LARGE_TABLE_ENVIRONMENT.items():
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
