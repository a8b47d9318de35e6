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


def read_key_figures(notebook: object) -> dict[str, object]:
    """The figures shown by the cell tagged ``key-figures`` of an executed notebook.

    Raises:
        ValueError: No such cell, or it has no text output.
    """
    for cell in notebook.cells:
        if KEY_FIGURES_TAG in cell.get("metadata", {}).get("tags", []):
            for output in cell.get("outputs", []):
                if "text/plain" in output.get("data", {}):
                    return json.loads(output["data"]["text/plain"])
            raise ValueError(f"the cell tagged {KEY_FIGURES_TAG!r} printed no figures")
    raise ValueError(f"no cell is tagged {KEY_FIGURES_TAG!r}")
