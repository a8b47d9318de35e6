"""A second core for work that lets go of the interpreter (Arrow kernels, numpy, pandas' groupby).

The report path runs on machines with two cores. Hashing ten million business names, or a grouped
median over them, runs in Arrow or numpy code that releases Python's interpreter lock, so a second
thread does it while the first parses other columns (A32 in ``docs/aqa/assumptions_caveats.md``).
Domain code asks for this by name; only this module starts threads.

Example:
    >>> with second_core() as beside:
    ...     later = beside(sum, [1, 2, 3])
    ...     now = max(1, 2)
    >>> now, later.result()
    (2, 6)
    >>> side_by_side(lambda: "first", lambda: "second")
    ('first', 'second')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

First = TypeVar("First")
Second = TypeVar("Second")


@contextmanager
def second_core() -> Iterator[Callable[..., Future[Any]]]:
    """A second thread, as a ``submit(func, *args)`` function giving futures.

    Jobs run one after the other in the order they were submitted, so a job may wait for the
    result of an earlier one. Leaving the block waits for every job.

    Yields:
        ``submit(func, *args, **kwargs) -> Future``.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ikm-second-core") as pool:
        yield pool.submit


def side_by_side(first: Callable[[], First], second: Callable[[], Second]
                 ) -> tuple[First, Second]:
    """Run ``second`` in a second thread while ``first`` runs here; both results, in order.

    An exception of either is raised here, ``first``'s before ``second``'s.

    Args:
        first: Work for this thread.
        second: Work for the second thread.

    Returns:
        ``(first(), second())``.
    """
    with second_core() as beside:
        later = beside(second)
        now = first()
        return now, later.result()
