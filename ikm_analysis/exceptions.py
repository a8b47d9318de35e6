"""Every error the package raises on purpose; all derive from :class:`IkmError`.

Messages say what failed, where (file, row, column) and how to fix it, so the command line can
show them as they are, without a traceback. Programming errors are not wrapped here.

Example:
    >>> err = MissingColumnsError("registri.xlsx", ["kelurahan", "status"])
    >>> print(err)
    registri.xlsx: required columns not found: kelurahan, status
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class IkmError(Exception):
    """Base class of the errors this package raises for bad input or bad reference data."""


class InputFileError(IkmError):
    """An input file cannot be read at all (missing, unsupported, corrupt, no header row).

    Args:
        path: The file concerned.
        problem: What is wrong with it, in one sentence.
    """

    def __init__(self, path: str | PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class MissingColumnsError(InputFileError):
    """The header row was found but required columns are missing.

    Args:
        path: The file concerned.
        missing: Canonical names of the missing columns.
        hint: Optional extra sentence, e.g. the header names that are accepted.
    """

    def __init__(
        self, path: str | PathLike[str], missing: Sequence[str], hint: str = ""
    ) -> None:
        self.missing = tuple(missing)
        problem = "required columns not found: " + ", ".join(self.missing)
        super().__init__(path, problem + (f". {hint}" if hint else ""))


class ReferenceDataError(IkmError):
    """A bundled or user-supplied reference table is missing or inconsistent."""


class DataValidationError(IkmError):
    """A table failed its schema; ``failures`` lists every failing check (lazy validation).

    Args:
        table: Name of the table that failed.
        failures: One row per failure (column, check, failure case, index).
    """

    def __init__(self, table: str, failures: pd.DataFrame) -> None:
        self.table = table
        self.failures = failures
        super().__init__(
            f"{table}: {len(failures)} schema check failure(s)\n"
            + failures.head(20).to_string(index=False)
        )


class ReportParameterError(IkmError, ValueError):
    """A report was asked for with parameters it cannot run with; raised before any kernel starts.

    Example:
        >>> str(ReportParameterError("unknown parameter 'yaer'"))
        "unknown parameter 'yaer'"
    """


class UnknownLanguageError(ReportParameterError):
    """A language other than ``id`` and ``en`` was asked for (of a report, a text, a message)."""
