"""Check a report's parameters: before any kernel starts, and again inside the notebook.

papermill only warns about a parameter the notebook does not declare and lets the notebook fail
later on a bad value. ``ikm-report build`` checks everything first, so a typo costs a second,
not a kernel start, and the message says what is allowed. A notebook run by plain papermill or
in JupyterLab makes the same checks with the same function in the cell after its parameters
(:func:`check_notebook_parameters`), so ``papermill ... -p year abc`` stops at once with the
message the command line would give.

Example:
    >>> try:
    ...     check_parameters({"year": 2024, "yaer": 2023}, declared={"year", "lang"})
    ... except ReportParameterError as error:
    ...     print(error)
    unknown parameter 'yaer'; this notebook takes: lang, year
"""

from __future__ import annotations

import ast
import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.i18n import check_lang
from ikm_analysis.report.kinds import REPORT_KINDS


def declared_parameters(notebook: str | Path) -> set[str]:
    r"""Names set in the notebook's cell tagged ``parameters``.

    The names papermill's ``inspect_notebook`` finds, read with :mod:`ast` instead: the build
    checks parameters before anything else, and importing papermill for it cost most of a
    build whose reports are all unchanged. A cell that is not plain Python (an IPython magic)
    is left to papermill.

    Raises:
        ReportParameterError: The notebook has no such cell.

    Example:
        >>> import json, tempfile
        >>> cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "outputs": [],
        ...         "source": "from typing import Optional\nyear: int = 2024\nlang = 'id'"}
        >>> path = Path(tempfile.mkdtemp()) / "n.ipynb"
        >>> _ = path.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
        >>> sorted(declared_parameters(path))
        ['lang', 'year']
    """
    cells = json.loads(Path(notebook).read_text(encoding="utf-8")).get("cells", [])
    source = next(("".join(cell.get("source", "")) for cell in cells
                   if "parameters" in cell.get("metadata", {}).get("tags", [])), None)
    if source is None:
        raise ReportParameterError("no_parameters_cell", notebook=str(notebook))
    try:
        statements = ast.parse(source).body
    except SyntaxError:
        import papermill

        declared = set(papermill.inspect_notebook(str(notebook)))
    else:
        declared = _assigned_names(statements)
    if not declared:
        raise ReportParameterError("no_parameters_cell", notebook=str(notebook))
    return declared


def _assigned_names(statements: list[ast.stmt]) -> set[str]:
    """The names given a value by ``name = ...`` or ``name: type = ...`` statements."""
    names = set()
    for statement in statements:
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        else:
            continue
        names.update(target.id for target in targets if isinstance(target, ast.Name))
    return names


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
        raise ReportParameterError("registry_missing", path=str(path))
    if not path.is_file():
        raise ReportParameterError("registry_not_a_file", path=str(path))
    try:
        with path.open("rb") as stream:
            stream.read(1)
    except OSError as error:
        raise ReportParameterError("registry_unreadable", path=str(path),
                                   detail=str(error)) from None
    return path


def _check_int(name: str, value: object, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ReportParameterError("whole_number", name=name, minimum=minimum,
                                   value=repr(value))


def _check_path(name: str, value: object) -> None:
    if not isinstance(value, str | Path):
        raise ReportParameterError("path_expected", name=name, value=repr(value))
    check_registry_file(value)


def check_parameters(parameters: Mapping[str, object], declared: Collection[str],
                     years: tuple[int, int] | None = None) -> None:
    """Reject unknown names and values a report cannot run with.

    Args:
        parameters: Names and values to inject.
        declared: Names the notebook's parameters cell sets.
        years: First and last year the registry can report, when the notebook takes ``year``.

    Raises:
        ReportParameterError: Unknown name, ``min_cell`` < 1, ``year`` outside ``years``, or an
            unreadable ``registry_path``.
        UnknownLanguageError: ``lang`` is not ``id`` or ``en`` (a kind of the error above).
    """
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise ReportParameterError("unknown_parameter", names=names,
                                   declared=", ".join(sorted(declared)))
    if "lang" in parameters:
        check_lang(parameters["lang"])
    if "min_cell" in parameters:
        _check_int("min_cell", parameters["min_cell"], 1)
    if parameters.get("export_year") is not None:
        _check_int("export_year", parameters["export_year"], 1900)
    if parameters.get("registry_path") is not None:
        _check_path("registry_path", parameters["registry_path"])
    office = parameters.get("office")
    if office is not None and (not isinstance(office, str) or not 0 < len(office) <= 200):
        raise ReportParameterError("office", value=repr(office)[:60])
    if parameters.get("number_format") not in (None, "id", "en"):
        raise ReportParameterError("number_format", value=repr(parameters["number_format"]))
    if "year" in parameters:
        _check_int("year", parameters["year"], 1900)
        if years is not None and not years[0] <= parameters["year"] <= years[1]:
            raise ReportParameterError("year_outside", year=parameters["year"], first=years[0],
                                       last=years[1])


#: The comment papermill writes at the top of the cell it injects after the parameters cell.
_INJECTED_CELL_START = "# Parameters"


def _injected_names(history: Sequence[str]) -> list[str]:
    """Names assigned by the last cell papermill injected, from the kernel's input history."""
    for source in reversed(list(history)):
        if isinstance(source, str) and source.startswith(_INJECTED_CELL_START):
            tree = ast.parse(source)
            return [target.id for node in tree.body if isinstance(node, ast.Assign)
                    for target in node.targets if isinstance(target, ast.Name)]
    return []


def check_notebook_parameters(kind: str, namespace: Mapping[str, object]) -> dict[str, object]:
    r"""The checks of ``ikm-report build``, made inside a report notebook on its own parameters.

    Call it in the cell after the parameters cell with ``globals()``. Names papermill injected
    that the notebook does not declare are found in the kernel's input history (``In``), so an
    analyst's own variables in JupyterLab are never mistaken for parameters.

    Args:
        kind: Key of :data:`~ikm_analysis.report.kinds.REPORT_KINDS` (``"tahunan"``, ...).
        namespace: The notebook's global names.

    Returns:
        The parameters and their values, in declared order (for the provenance record).

    Raises:
        ReportParameterError: As :func:`check_parameters` would for the same values.

    Example:
        >>> namespace = {"lang": "fr", "In": ["", "# Parameters\nlang = 'fr'\n"]}
        >>> check_notebook_parameters("umkm_kalteng", namespace)
        Traceback (most recent call last):
        ...
        ikm_analysis.exceptions.UnknownLanguageError: unknown language 'fr'; ...
    """
    declared = REPORT_KINDS[kind].parameters
    missing = [name for name in declared if name not in namespace]
    if missing:
        raise ReportParameterError("run_parameters_cell", names=", ".join(missing))
    parameters = {name: namespace[name] for name in declared}
    injected = dict.fromkeys(_injected_names(namespace.get("In", ())))
    check_parameters(injected | parameters, declared)  # an injected name not declared is refused
    return parameters


def check_report_year(year: int, data_years: tuple[int, int]) -> None:
    """The year check of :func:`check_parameters`, once the registry's years are known.

    Example:
        >>> check_report_year(1990, (2015, 2024))
        Traceback (most recent call last):
        ...
        ikm_analysis.exceptions.ReportParameterError: year 1990 is outside the registry's ...
    """
    check_parameters({"year": year}, {"year"}, data_years)
