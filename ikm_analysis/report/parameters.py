"""Check a report's parameters before any kernel starts.

papermill only warns about a parameter the notebook does not declare and lets the notebook fail
later on a bad value. A report build checks everything first, so a typo costs a second, not a
kernel start, and the message says what is allowed.

Example:
    >>> try:
    ...     check_parameters({"year": 2024, "yaer": 2023}, declared={"year", "lang"})
    ... except ReportParameterError as error:
    ...     print(error)
    unknown parameter 'yaer'; this notebook takes: lang, year
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.i18n import LANGS


def declared_parameters(notebook: str | Path) -> set[str]:
    """Names set in the notebook's cell tagged ``parameters``.

    Raises:
        ReportParameterError: The notebook has no such cell.
    """
    import papermill

    declared = papermill.inspect_notebook(str(notebook))
    if not declared:
        raise ReportParameterError(f"{notebook}: no cell tagged 'parameters'")
    return set(declared)


def check_registry_file(path: str | Path) -> Path:
    """The registry file exists, is a file and can be read.

    Raises:
        ReportParameterError: Naming the file and the problem.

    Example:
        >>> check_registry_file("tidak-ada.xlsx")
        Traceback (most recent call last):
        ...
        ikm_analysis.exceptions.ReportParameterError: registry_path: tidak-ada.xlsx does not exist
    """
    path = Path(path)
    if not path.exists():
        raise ReportParameterError(f"registry_path: {path} does not exist")
    if not path.is_file():
        raise ReportParameterError(f"registry_path: {path} is not a file")
    try:
        with path.open("rb") as stream:
            stream.read(1)
    except OSError as error:
        raise ReportParameterError(f"registry_path: {path} cannot be read ({error})") from None
    return path


def _check_int(name: str, value: object, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ReportParameterError(f"{name} must be a whole number >= {minimum}, not {value!r}")


def check_parameters(parameters: Mapping[str, object], declared: Collection[str],
                     years: tuple[int, int] | None = None) -> None:
    """Reject unknown names and values a report cannot run with.

    Args:
        parameters: Names and values to inject.
        declared: Names the notebook's parameters cell sets.
        years: First and last year the registry can report, when the notebook takes ``year``.

    Raises:
        ReportParameterError: Unknown name, unknown ``lang``, ``min_cell`` < 1, ``year`` outside
            ``years``, or an unreadable ``registry_path``.
    """
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise ReportParameterError(
            f"unknown parameter {names}; this notebook takes: {', '.join(sorted(declared))}")
    if "lang" in parameters and parameters["lang"] not in LANGS:
        raise ReportParameterError(f"lang must be one of {', '.join(LANGS)}, "
                                   f"not {parameters['lang']!r}")
    if "min_cell" in parameters:
        _check_int("min_cell", parameters["min_cell"], 1)
    if parameters.get("export_year") is not None:
        _check_int("export_year", parameters["export_year"], 1900)
    if parameters.get("registry_path") is not None:
        check_registry_file(parameters["registry_path"])
    if "year" in parameters:
        _check_int("year", parameters["year"], 1900)
        if years is not None and not years[0] <= parameters["year"] <= years[1]:
            raise ReportParameterError(
                f"year {parameters['year']} is outside the registry's years "
                f"{years[0]}–{years[1]}")
