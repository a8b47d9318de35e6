"""Key figures of a report: shown by one notebook cell, read back from the executed notebook.

scrapbook, the usual tool, calls a pandas method removed in 2.0. Instead, the cell tagged
``key-figures`` prints the figures as sorted JSON text; nbval compares that text with the stored
output (a regression check on the numbers), and the build reads it back into the JSON sidecar.

Example:
    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("", metadata={"tags": [KEY_FIGURES_TAG]})
    >>> cell.outputs = [nbformat.v4.new_output(
    ...     "display_data", data={"text/plain": key_figures_text({"year": 2024})})]
    >>> read_key_figures(nbformat.v4.new_notebook(cells=[cell]))
    {'year': 2024}
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from ikm_analysis.i18n import text
from ikm_analysis.metrics.published import KALTENG, UMKM, published_conflicts, published_growth

if TYPE_CHECKING:
    from ikm_analysis.report.inputs import ReportRegistry

KEY_FIGURES_TAG = "key-figures"


def _plain(value: object) -> object:
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"a key figure is {value}; use None with a reason instead")
        return round(value, 6)
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def key_figures_text(figures: Mapping[str, object]) -> str:
    """Figures as sorted, indented JSON; floats rounded to 6 decimals (stable across platforms).

    Raises:
        ValueError: A figure is NaN or infinite.

    Example:
        >>> print(key_figures_text({"b": 2.0000000001, "a": None}))
        {
          "a": null,
          "b": 2.0
        }
    """
    return json.dumps(_plain(figures), indent=2, sort_keys=True, ensure_ascii=False)


def record_key_figures(figures: Mapping[str, object]) -> None:
    """Display the figures in a notebook cell (tag the cell ``key-figures``)."""
    from IPython.display import display

    display({"text/plain": key_figures_text(figures)}, raw=True)


def tagged_output(notebook: object, tag: str, mime_type: str) -> object:
    """What the first cell tagged ``tag`` of an executed notebook showed as ``mime_type``.

    The cell is found with papermill's own lookup, the one it uses for ``parameters``.

    Raises:
        ValueError: No cell has the tag, or it showed nothing of that type.

    Example:
        >>> import nbformat
        >>> cell = nbformat.v4.new_code_cell("", metadata={"tags": ["x"]})
        >>> cell.outputs = [nbformat.v4.new_output("display_data", data={"text/plain": "7"})]
        >>> tagged_output(nbformat.v4.new_notebook(cells=[cell]), "x", "text/plain")
        '7'
    """
    from papermill.utils import find_first_tagged_cell_index

    index = find_first_tagged_cell_index(notebook, tag)
    if index < 0:
        raise ValueError(f"no cell is tagged {tag!r}")
    for output in notebook.cells[index].get("outputs", []):
        if mime_type in output.get("data", {}):
            return output["data"][mime_type]
    raise ValueError(f"the cell tagged {tag!r} showed no {mime_type}")


def read_key_figures(notebook: object) -> dict[str, object]:
    """The figures shown by the cell tagged ``key-figures`` of an executed notebook.

    Raises:
        ValueError: No such cell, or it has no text output.
    """
    return json.loads(tagged_output(notebook, KEY_FIGURES_TAG, "text/plain"))


def yearly_key_figures(registry: ReportRegistry, headline: dict[str, object], lang: str = "id",
                       min_cell: int = 3) -> dict[str, object]:
    """The key figures of a yearly report: the headline figures, row counts and labels.

    Args:
        registry: The registry the report reads.
        headline: :func:`ikm_analysis.metrics.headline.headline_figures` of the report year.
        lang: ``"id"`` or ``"en"``.
        min_cell: Fewest units a shown cell stands for.

    Example:
        >>> from ikm_analysis.metrics import headline_figures
        >>> from ikm_analysis.report.inputs import load_report_registry
        >>> registry = load_report_registry(None)
        >>> figures = yearly_key_figures(registry, headline_figures(registry.clean, 2024))
        >>> figures["active_units"], figures["synthetic"], figures["rows"]["rows_clean"]
        (3823, True, 4133)
    """
    return {
        "title": text("yearly_title", lang, year=headline["year"]),
        "report": "laporan_tahunan",
        "lang": lang,
        "min_cell": min_cell,
        "registry_file": registry.path.name,
        "synthetic": registry.is_synthetic,
        "status_year": registry.status_year,
        "rows": registry.row_counts(),
        **headline,
    }


def quality_key_figures(registry: ReportRegistry, lang: str = "id") -> dict[str, object]:
    """Key figures of the data-quality report: row counts and quarantined rows per reason.

    Example:
        >>> from ikm_analysis.report.inputs import load_report_registry
        >>> figures = quality_key_figures(load_report_registry(None))
        >>> figures["rows"]["rows_read"], figures["rows"]["rows_quarantined"]
        (4184, 51)
    """
    summary = registry.processed.summary()
    return {
        "title": text("quality_title", lang, file=registry.path.name),
        "report": "kualitas_data_registri",
        "lang": lang,
        "registry_file": registry.path.name,
        "synthetic": registry.is_synthetic,
        "rows": registry.row_counts(),
        "quarantined_rows_by_reason": summary["quarantined_rows_by_reason"],
    }


def umkm_key_figures(lang: str = "id") -> dict[str, object]:
    """Key figures of the province growth report.

    Example:
        >>> figures = umkm_key_figures()
        >>> figures["umkm_2020"], figures["umkm_2021"], figures["change"], figures["change_percent"]
        (64087, 92799, 28712, 44.801598)
    """
    change = published_growth(UMKM, KALTENG, 2020, 2021)
    return {
        "title": text("growth_title", lang),
        "report": "pertumbuhan_umkm_kalteng",
        "lang": lang,
        "umkm_2020": int(change.base),
        "umkm_2021": int(change.current),
        "change": int(change.absolute),
        "change_percent": round(change.percent, 6),
        "other_versions": len(published_conflicts(UMKM, KALTENG)),
    }
