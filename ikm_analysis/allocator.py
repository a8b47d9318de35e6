"""Memory-allocator settings for the processes that handle national-scale registries.

At ten million rows every temporary column is tens of megabytes. By default glibc serves such
blocks from fresh ``mmap`` pages and unmaps them on free, and pyarrow's own pool (mimalloc) hands
freed pages back too; the kernel then zeroes every page again the next time it is touched. A
``perf`` profile of clean + validate at 10M rows spent 47 % of its time in the kernel zeroing
pages (``clear_page_erms``), and that share grows with the registry: it is why the run took 13x
as long as at 1M instead of 10x. With the settings here glibc keeps freed memory for reuse and
Arrow allocates through glibc as well, so one heap serves both: clean + validate at 10M went from
10.5 s to 6.5 s and peak memory from 4.9 to 3.5 GiB (README, Performance).

The cost: memory freed inside the process is kept for reuse rather than handed back to the system
until the process ends. That suits a process that reads a registry, builds a report and exits,
which is what the package starts itself: report kernels (:data:`LARGE_TABLE_ENVIRONMENT` in their
kernel spec), the ``ikm-report`` command and the benchmark. Importing the package changes
nothing. The glibc settings are ignored by other C libraries (macOS, musl), harmlessly.

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
from collections.abc import Mapping

import pyarrow as pa

#: glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_MAX = -4
#: Free memory at the top of the heap is handed back only above this size: never, in practice.
#: (Handing back even 2 GiB at a time left a third of the page zeroing in place at 10M rows.)
_TRIM_THRESHOLD_BYTES = 2**40
_NEVER = -1  # mallopt's int: -1 means no limit

#: Environment of a process started for a large registry (read by glibc and pyarrow at start).
LARGE_TABLE_ENVIRONMENT: dict[str, str] = {
    "MALLOC_MMAP_MAX_": "0",  # large blocks come from the heap, so freed ones are reused
    "MALLOC_TRIM_THRESHOLD_": str(_TRIM_THRESHOLD_BYTES),
    "ARROW_DEFAULT_MEMORY_POOL": "system",  # Arrow shares that heap instead of its own
}


def large_table_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """An environment for a child process with the allocator settings added.

    Args:
        base: The environment to extend; ``os.environ`` when ``None``. A variable it sets
            already is kept as it is.

    Returns:
        A new dict.
    """
    base = os.environ if base is None else base
    return {**LARGE_TABLE_ENVIRONMENT, **base}


def use_large_table_allocator() -> bool:
    """Apply the same settings to the running process, from now on.

    For a process the package owns (the ``ikm-report`` command, a benchmark run), called before
    a registry is read. The Arrow pool is switched unless ``ARROW_DEFAULT_MEMORY_POOL`` names one.

    Returns:
        Whether glibc accepted its two settings (``False`` on other C libraries).
    """
    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        pa.set_memory_pool(pa.system_memory_pool())
    name = ctypes.util.find_library("c")
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError, TypeError):
        return False
    return bool(mallopt(_M_MMAP_MAX, 0)) and bool(mallopt(_M_TRIM_THRESHOLD, _NEVER))
