"""Numbers and tables as a report shows them: formatted text, hidden cells as ``x``, plain HTML.

A shown table is built in two steps: the values (with ``pd.NA`` where a cell is hidden or not
available) and then their text. Hidden cells print as ``x`` and values that do not exist (a median
from too few units, a change from zero) print as ``–``, so a reader can tell them apart.

Example:
    >>> values = pd.Series([92799, None, 5], dtype="Int64")
    >>> format_values(values, "id", hidden=pd.Series([False, False, True])).tolist()
    ['92.799', '–', 'x']
    >>> format_values(pd.Series([44.75]), "id", kind="percent").tolist()
    ['44,8']
    >>> format_values(pd.Series([-3, 4]), "en", kind="signed").tolist()
    ['−3', '+4']
"""

from __future__ import annotations

import html
import re

import pandas as pd

from ikm_analysis.i18n.formatting import format_id_number
from ikm_analysis.report.page import REPORT_CSS  # noqa: F401  (kept here for the notebooks)

HIDDEN = "x"
NOT_AVAILABLE = "–"
KINDS = ("number", "percent", "signed")



def format_value(value: object, lang: str = "id", decimals: int = 0, kind: str = "number") -> str:
    """One value as text: ``–`` when missing, else Indonesian or English digits.

    Args:
        value: A number or a missing value.
        lang: ``"id"`` or ``"en"``.
        decimals: Digits after the decimal separator.
        kind: ``"number"``, ``"percent"`` (one decimal by default, no sign) or ``"signed"``
            (a leading ``+`` or ``−``).

    Example:
        >>> format_value(1.5, "id", decimals=1), format_value(None), format_value(0, kind="signed")
        ('1,5', '–', '0')
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {KINDS}")
    if value is None or pd.isna(value):
        return NOT_AVAILABLE
    if kind == "percent" and decimals == 0:
        decimals = 1
    text = format_id_number(abs(value) if kind == "signed" else value, decimals, lang)
    if kind == "signed" and text.strip("0.,") != "":
        return ("+" if value > 0 else "−") + text
    return text


def format_values(values: pd.Series, lang: str = "id", decimals: int = 0, kind: str = "number",
                  hidden: pd.Series | None = None) -> pd.Series:
    """A column as text, with ``x`` where ``hidden`` is true.

    Args:
        values: Numbers (missing values print as ``–``).
        lang: ``"id"`` or ``"en"``.
        decimals: Digits after the decimal separator.
        kind: See :func:`format_value`.
        hidden: True where the cell is suppressed; aligned by position.

    Returns:
        A string Series with the index of ``values``.
    """
    texts = [format_value(value, lang, decimals, kind) for value in values.tolist()]
    if hidden is not None:
        texts = [HIDDEN if is_hidden else shown
                 for shown, is_hidden in zip(texts, hidden.tolist(), strict=True)]
    return pd.Series(texts, index=values.index, dtype=object)


def html_table(frame: pd.DataFrame, table_id: str, is_list: bool = False) -> str:
    """A table of texts as plain HTML (no index, escaped, a stable id for tests and links).

    Args:
        frame: Columns of text; the column names are the headers.
        table_id: The ``id`` attribute.
        is_list: True when the last row is not a total (no bold last row).

    Example:
        >>> html_table(pd.DataFrame({"A": ["<1>"]}), "t1").splitlines()[0]
        '<table id="t1" class="ikm-table">'
    """
    classes = "ikm-table ikm-list" if is_list else "ikm-table"
    lines = [f'<table id="{html.escape(table_id)}" class="{classes}">', "<thead><tr>"]
    lines += [f"<th>{html.escape(str(name))}</th>" for name in frame.columns]
    lines += ["</tr></thead>", "<tbody>"]
    opening = [_cell_start(frame.iloc[:, index]) for index in range(frame.shape[1])]
    for row in frame.itertuples(index=False):
        cells = "".join(f"{start}{html.escape(str(cell))}</td>"
                        for start, cell in zip(opening, row, strict=True))
        lines.append(f"<tr>{cells}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


_WORD = re.compile(r"[^\W\d_]{2,}")  # two letters or more: not x, not a number


def is_text_column(cells: pd.Series) -> bool:
    """Whether a column holds words (aligned left) rather than numbers (aligned right).

    A column is text when more than half of its cells hold a word; ``x``, ``–``, signs,
    separators and ``23 / 30 (76,7 %)`` are not words, and one cell saying ``lebih dari 3.800``
    among numbers leaves the column right-aligned.

    Example:
        >>> is_text_column(pd.Series(["Antara", "Republika"])), is_text_column(pd.Series(
        ...     ["4.133", "lebih dari 3.800", "x"]))
        (True, False)
    """
    return sum(bool(_WORD.search(str(cell))) for cell in cells) * 2 > len(cells)


#: A column of words with a cell this long is a column of sentences (notes, reasons).
LONG_TEXT = 80


def _cell_start(cells: pd.Series) -> str:
    """A column's ``<td>``: words aligned left, sentences also kept wider on a phone."""
    if not is_text_column(cells):
        return "<td>"
    if max((len(str(cell)) for cell in cells), default=0) >= LONG_TEXT:
        return '<td class="ikm-text ikm-long">'
    return '<td class="ikm-text">'


def note_html(sentence: str) -> str:
    """A note printed under a table.

    Example:
        >>> note_html("x = hidden")
        '<p class="ikm-note">x = hidden</p>'
    """
    return f'<p class="ikm-note">{html.escape(sentence)}</p>'
