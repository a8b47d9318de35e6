"""Memory-allocator settings for the processes that handle national-scale registries.

At ten million rows every temporary column is tens of megabytes. By default glibc serves such
blocks from fresh ``mmap`` pages and unmaps them on free, and pyarrow's own pool (mimalloc) hands
freed pages back too; the kernel then zeroes every page again the next time it is touched. A
``perf`` profile of clean + validate at 10M rows spent 47 % of its time in the kernel zeroing
pages (``clear_page_erms``), a share that grows with the registry. With the settings here glibc
keeps freed memory for reuse and Arrow allocates through glibc as well, so one heap serves both:
at the time, clean + validate at 10M went from about 10.5 s to 7 s. The code has since learnt to
allocate far less, and the gain now depends on how dear fresh pages are on the machine: load +
clean + metrics at 10M took 4.9 s with the settings and 6.7 s without in alternating runs, while
the benchmark, run right after generating its registry, was no faster with them (README,
Performance).

The cost: memory freed inside the process is kept for reuse rather than handed back to the system
until the process ends. That suits a process that reads a registry, builds a report and exits,
which is what the package starts itself: report kernels (:data:`LARGE_TABLE_ENVIRONMENT` in their
kernel spec), the ``ikm-report`` command (on Linux it restarts itself with them once), the
``make lab`` kernel and the benchmark. Importing the package changes nothing. The settings are
read when a process starts (set later, from inside, they recovered only part of the time), so
for a script of your own: ``env $(python -m ikm_analysis._fast.allocator) python script.py``.
Other C libraries than glibc (macOS, musl) ignore the two ``MALLOC_`` settings, harmlessly.

Example:
    >>> sorted(LARGE_TABLE_ENVIRONMENT)
    ['ARROW_DEFAULT_MEMORY_POOL', 'MALLOC_MMAP_MAX_', 'MALLOC_TRIM_THRESHOLD_']
    >>> large_table_environment({"ARROW_DEFAULT_MEMORY_POOL": "jemalloc"})[
    ...     "ARROW_DEFAULT_MEMORY_POOL"]  # a setting you made yourself wins
    'jemalloc'
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Free memory at the top of the heap is handed back only above this size: never, in practice.
#: (Handing back even 2 GiB at a time left a third of the page zeroing in place at 10M rows.)
_TRIM_THRESHOLD_BYTES = 2**40

#: Environment of a process started for a large registry (read by glibc and pyarrow at start).
LARGE_TABLE_ENVIRONMENT: dict[str, str] = {
    "MALLOC_MMAP_MAX_": "0",  # large blocks come from the heap, so freed ones are reused
    "MALLOC_TRIM_THRESHOLD_": str(_TRIM_THRESHOLD_BYTES),
    "ARROW_DEFAULT_MEMORY_POOL": "system",  # Arrow shares that heap instead of its own
}


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


def has_large_table_environment(environ: Mapping[str, str] | None = None) -> bool:
    """Whether every setting is present (with our value or one of yours).

    Example:
        >>> has_large_table_environment({}), has_large_table_environment(LARGE_TABLE_ENVIRONMENT)
        (False, True)
    """
    environ = os.environ if environ is None else environ
    return all(name in environ for name in LARGE_TABLE_ENVIRONMENT)


def main() -> None:
    """Print the settings as ``NAME=value`` lines.

    For ``env $(python -m ikm_analysis._fast.allocator) python script.py``.
    """
    for name, value in LARGE_TABLE_ENVIRONMENT.items():
        print(f"{name}={value}")


if __name__ == "__main__":
    main()
