"""A sheet as read from any file: rows of cells, their row numbers, merged ranges, read defects.

Every reader (text, workbook, web page) produces :class:`Sheet` objects; finding the header and
the records below it (:mod:`ikm_analysis.io.layout`) then works the same way for all of them.

Example:
    >>> sheet = Sheet("Data", [["Kel.", "Nama"], ["Menteng", "Kue"], [None, "Roti"]], [1, 2, 3],
    ...               merged=((2, 0, 3, 0),))
    >>> sheet.filled().rows[2]
    ['Menteng', 'Roti']
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class CellError:
    """A spreadsheet cell that holds an error (``#N/A``, ``#REF!``) or an unsaved formula.

    Attributes:
        text: What Excel shows (``#N/A``), or the formula without a saved value (``=F5+G5``).
        is_formula: True for a formula whose value was never saved.
    """

    text: str
    is_formula: bool = False

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Sheet:
    """The rows of one sheet (or of a text file), as read.

    Attributes:
        name: Sheet name; ``None`` for a text file.
        rows: Cells per row, left to right from column A (or the first field).
        row_numbers: The number of each row as Excel shows it (for text, the line it starts on).
        merged: Merged ranges as (first row, first column, last row, last column): rows as
            numbered in ``row_numbers``, columns from 0.
        hidden: Whether the sheet is hidden in the workbook.
        defects: Row number -> (reason code, detail) for rows the reader could not read whole
            (an unclosed quote).
        far_cells: Cells found far outside the table (a stray cell at ``XFD1048576``), not read.
        has_errors: Whether any cell is a :class:`CellError` (so that the others need no look).
    """

    name: str | None
    rows: list[list[object]]
    row_numbers: list[int]
    merged: tuple[tuple[int, int, int, int], ...] = ()
    hidden: bool = False
    defects: dict[int, tuple[str, str]] = field(default_factory=dict)
    far_cells: int = 0
    has_errors: bool = False

    def filled(self, from_row: int = 0) -> Sheet:
        """The sheet with merged ranges showing their value in each of their cells, as Excel does.

        Excel keeps a merged range's value in its first cell and shows it over the whole range;
        a reader sees the other cells as empty. Only ranges starting at or below ``from_row``
        are filled: a header merged over its sub-columns (``Tenaga Kerja`` over ``L``, ``P``)
        names them once.
        """
        if not self.merged:
            return self
        position = {number: index for index, number in enumerate(self.row_numbers)}
        rows = [list(row) for row in self.rows]
        for first_row, first_column, last_row, last_column in self.merged:
            if first_row not in position or first_row < from_row:
                continue
            top = rows[position[first_row]]
            value = top[first_column] if first_column < len(top) else None
            for number in range(first_row, last_row + 1):
                if number not in position:
                    continue
                row = rows[position[number]]
                if len(row) <= last_column:
                    row.extend([None] * (last_column + 1 - len(row)))
                for column in range(first_column, last_column + 1):
                    row[column] = value
        return replace(self, rows=rows)


def column_letter(position: int) -> str:
    """A column's letters as Excel shows them, from its position (0 -> ``A``, 27 -> ``AB``).

    Example:
        >>> column_letter(0), column_letter(27), column_letter(16383)
        ('A', 'AB', 'XFD')
    """
    letters, number = "", position + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
