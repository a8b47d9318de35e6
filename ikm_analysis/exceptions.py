"""Every error the package raises on purpose; all derive from :class:`IkmError`.

Each error is a key of the message catalogues (:mod:`ikm_analysis.i18n`, ``error_<key>``) with
the values its sentence names: ``error.message("id")`` is what the command line shows an office
(Indonesian by default), ``str(error)`` the same in English for a developer. Messages say what
failed, where (file, sheet, row as Excel numbers it, header as written) and what to do.
Programming errors are not wrapped here.

Example:
    >>> error = InputFileError("registri.xlsx", "not_found")
    >>> str(error)
    'registri.xlsx: file not found; check the path and the name'
    >>> error.message("id")
    'registri.xlsx: berkas tidak ditemukan; periksa folder dan nama berkasnya'
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


class IkmError(Exception):
    """Base class of the errors this package raises for bad input, parameters or reference data.

    Args:
        key: The message's key: ``error_<key>`` in the catalogues.
        **fields: The values the message names.
    """

    def __init__(self, key: str, **fields: object) -> None:
        self.key = key
        self.fields = fields
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        """The message in ``lang`` (``id`` or ``en``)."""
        from ikm_analysis.i18n import text  # imported here: the catalogues import this module

        return text(f"error_{self.key}", lang, **self.fields)


def _place(path: str | PathLike[str], sheet: str | None = None) -> str:
    name = Path(path).name
    return f"{name} [{sheet}]" if sheet else name


class InputFileError(IkmError):
    """An input file cannot be used at all (missing, empty, damaged, encrypted, no header).

    Args:
        path: The file concerned.
        problem: What is wrong, as a key of the catalogues (``input_<problem>``).
        sheet: The sheet concerned, if any.
        **fields: Values the problem's sentence names.
    """

    def __init__(self, path: str | PathLike[str], problem: str, sheet: str | None = None,
                 **fields: object) -> None:
        self.path = str(path)
        self.problem = problem
        self.sheet = sheet
        self.problem_fields = fields
        super().__init__("input_file", file=_place(path, sheet), problem=problem)

    def message(self, lang: str = "id") -> str:
        """The message in ``lang``: the file (and sheet), then what is wrong and what to do."""
        from ikm_analysis.i18n import text

        return text("error_input_file", lang, file=_place(self.path, self.sheet),
                    problem=text(f"input_{self.problem}", lang, **self.problem_fields))


class MissingColumnsError(InputFileError):
    """The header row was found but columns every registry needs are missing.

    Args:
        path: The file concerned.
        missing: Canonical names of the missing columns (``kbli_code/category`` for one of two).
        found: The headers found, as written.
        sheet: The sheet concerned, if any.
    """

    def __init__(self, path: str | PathLike[str], missing: Sequence[str],
                 found: Sequence[str] = (), sheet: str | None = None) -> None:
        self.missing = tuple(missing)
        self.found = tuple(found)
        super().__init__(path, "missing_columns", sheet)

    def message(self, lang: str = "id") -> str:
        """Which columns are missing, in the words offices use, and the headers that were found."""
        from ikm_analysis.i18n import text

        wanted = "; ".join(text(f"column_{name.replace('/', '_or_')}", lang)
                           for name in self.missing)
        found = ", ".join(f"'{header}'" for header in self.found) or "–"
        return text("error_input_file", lang, file=_place(self.path, self.sheet),
                    problem=text("input_missing_columns", lang, missing=wanted, found=found))


class ReferenceDataError(IkmError):
    """A bundled or user-supplied reference table is missing or inconsistent.

    Args:
        problem: What is wrong, in one sentence (reference data are the package's own files;
            their messages are for developers and stay in English).
    """

    def __init__(self, problem: str) -> None:
        self.problem = problem
        Exception.__init__(self, problem)
        self.key, self.fields = "reference", {"problem": problem}

    def message(self, lang: str = "id") -> str:
        """The sentence (the same in every language)."""
        return self.problem


class DataValidationError(IkmError):
    """A table failed its schema; ``failures`` lists every failing check (lazy validation).

    Args:
        table: Name of the table that failed.
        failures: One row per failure (column, check, failure case, index).
    """

    def __init__(self, table: str, failures: pd.DataFrame) -> None:
        self.table = table
        self.failures = failures
        text = (f"{table}: {len(failures)} schema check failure(s)\n"
                + failures.head(20).to_string(index=False))
        Exception.__init__(self, text)
        self.key, self.fields = "validation", {"text": text}

    def message(self, lang: str = "id") -> str:
        """The failures (a programming error: the same in every language)."""
        return str(self)


class ReportParameterError(IkmError, ValueError):
    """A report was asked for with parameters it cannot run with; raised before any kernel starts.

    Example:
        >>> str(ReportParameterError("unknown_parameter", names="'yaer'", declared="lang, year"))
        "unknown parameter 'yaer'; this notebook takes: lang, year"
    """


class UnknownLanguageError(ReportParameterError):
    """A language other than ``id`` and ``en`` was asked for (of a report, a text, a message).

    Example:
        >>> str(UnknownLanguageError("unknown_language", language="'fr'"))
        "unknown language 'fr'; use 'id' (Bahasa Indonesia) or 'en' (English)"
    """


class ReportPdfError(IkmError):
    """The PDF of a built report could not be made (WeasyPrint reported an error).

    Example:
        >>> str(ReportPdfError("pdf_render", file="laporan.html", errors="image not found"))
        'laporan.html: the PDF could not be made: image not found'
    """
