"""A sheet's header row mapped onto the canonical columns, every column accounted for.

Offices write one header per column (``Kel.``, ``Jml TK``, ``Nilai Investasi (Rp 000)``), two
header rows (``Tenaga Kerja`` over ``L`` and ``P``), combined headers (``NO. REGISTRASI / NIB``,
``Kelurahan / Kecamatan``) and now and then two columns of one meaning (``Alamat Usaha`` and
``Alamat Pemilik``). :func:`plan_columns` decides, for every column, what it becomes:

* ``mapped``: a canonical column (the first of two columns of one meaning, by the order of the
  accepted names in :mod:`ikm_analysis.io.schema`);
* ``part``: one of the sub-columns that add up to a count (``L`` + ``P`` workers);
* ``second``: a second column of the registration year, used where the first is empty and
  checked against it (``Tahun`` and ``Tgl. Daftar``);
* ``split``: a combined column whose cells hold two fields (``Menteng / Jekan Raya``);
* ``personal``: personal data, used to find duplicates, never in the clean table (a ``mapped``
  kind, reported apart);
* ``duplicate``: another column of a meaning already read, not used;
* ``ignored``: a header the package does not know.

Example:
    >>> plan = plan_columns(["No", "Nama Usaha", "Kel.", "KBLI", "Tenaga Kerja L",
    ...                      "Tenaga Kerja P"], Path("ikm.xlsx"))
    >>> plan.positions["kelurahan"], plan.parts["workers_count"]
    (2, (4, 5))
    >>> [fate.fate for fate in plan.fates]
    ['ignored', 'mapped', 'mapped', 'mapped', 'part', 'part']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ikm_analysis.exceptions import MissingColumnsError
from ikm_analysis.folding import fold_text
from ikm_analysis.io.schema import (
    COLUMNS_BY_NAME,
    REQUIRED_COLUMNS,
    REQUIRED_ONE_OF,
    HeaderMatch,
    match_header,
)

#: The header is looked for among this many first rows of a sheet.
HEADER_SEARCH_ROWS = 30
#: A header row names at least this many canonical columns.
MIN_HEADER_MATCHES = 3
#: Sub-column headers that are parts of a count, and those that are its total.
PART_WORDS = frozenset({"l", "p", "lk", "pr", "laki laki", "laki", "perempuan", "pria", "wanita",
                        "male", "female"})
TOTAL_WORDS = frozenset({"jumlah", "jml", "total", "l p", "l+p", "jumlah l p"})
#: A count column may be written as parts; only it.
_COUNT_COLUMNS = ("workers_count",)
#: A second column of one meaning that is read and checked rather than dropped.
_SECOND_READ = ("year_registered",)


def is_blank(value: object) -> bool:
    """Whether a cell holds nothing (``None``, NaN, or text of spaces only).

    Example:
        >>> is_blank(" "), is_blank(0)
        (True, False)
    """
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, float) and value != value)


def header_text(value: object) -> str:
    r"""A header cell as one line of text: line breaks and no-break spaces become spaces.

    Example:
        >>> header_text("Tenaga\nKerja\u00a0 ")
        'Tenaga Kerja'
    """
    return " ".join(str(value).replace("\u00a0", " ").split()) if not is_blank(value) else ""


def _matches(text: str) -> list:
    """The canonical columns a header names: itself, or each side of a ``/`` it combines."""
    whole = match_header(text)
    if whole is not None:
        return [whole]
    if "/" in text:
        parts = [match_header(part) for part in text.split("/")]
        if parts and all(part is not None for part in parts):
            return parts
    return []


def header_score(cells: Sequence[object]) -> int:
    """How many distinct canonical columns a row's cells name (a header names at least 3).

    Example:
        >>> header_score(["ID", "Nama Usaha", "Kel.", "Catatan"])
        3
    """
    names = {match.column for cell in cells if not is_blank(cell)
             for match in _matches(header_text(cell))}
    return len(names)


@dataclass(frozen=True)
class ColumnFate:
    """What became of one column of the file.

    Attributes:
        position: The column's place from 0 (column A).
        header: The header as written (both rows of a two-row header).
        fate: ``mapped``, ``personal``, ``part``, ``second``, ``split``, ``duplicate``,
            ``ignored`` or ``nested`` (a Parquet column of lists or structures).
        field: The canonical column it became or belongs to (``None`` when ignored).
        detail: For ``duplicate``: the header that is read instead.
    """

    position: int
    header: str
    fate: str
    field: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class ColumnPlan:
    """What every column of a header becomes.

    Attributes:
        positions: Canonical column -> position of the column read for it.
        headers: Canonical column -> header as written.
        scales: Canonical column -> factor its header's unit implies.
        parts: Count column -> positions of the sub-columns that add up to it.
        seconds: Canonical column -> position of its second column (read where the first is
            empty, checked against it).
        splits: Position of a combined column -> the canonical columns its cells hold, in order.
        fates: One entry per non-blank header, left to right.
    """

    positions: dict[str, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    parts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    seconds: dict[str, int] = field(default_factory=dict)
    splits: dict[int, tuple[str, ...]] = field(default_factory=dict)
    fates: tuple[ColumnFate, ...] = ()

    @property
    def fields(self) -> set[str]:
        """Every canonical column the file has, whichever way it is written."""
        return {*self.positions, *self.parts, *(f for cols in self.splits.values() for f in cols)}

    @property
    def ignored(self) -> tuple[str, ...]:
        """Headers of the columns that are not read."""
        return tuple(fate.header for fate in self.fates if fate.fate in ("ignored", "nested"))


def _part_of(parent: str, child: str) -> tuple[str, str] | None:
    """(count column, ``part`` or ``total``) for a sub-column such as ``Tenaga Kerja`` / ``L``."""
    match = match_header(parent)
    if match is None or match.column not in _COUNT_COLUMNS:
        return None
    word = fold_text(child)
    if word in PART_WORDS:
        return match.column, "part"
    if word in TOTAL_WORDS:
        return match.column, "total"
    return None


def plan_columns(cells: Sequence[object], path: Path, sheet: str | None = None,
                 parents: Sequence[str] | None = None, given: frozenset[str] = frozenset()
                 ) -> ColumnPlan:
    """Decide what every column of a header row becomes.

    Args:
        cells: The header cells, left to right.
        path: The file (for messages).
        sheet: The sheet (for messages).
        parents: For a two-row header, the upper row's header over each column (``""`` where
            none); ``cells`` is then the lower row.
        given: Columns the sheet gives another way (the kelurahan of group heading rows).

    Returns:
        The plan.

    Raises:
        MissingColumnsError: A column every registry needs is absent (named in office words).
    """
    taken: dict[str, tuple[int, int]] = {}  # column -> (rank, position)
    candidates: list[tuple[int, str, object]] = []
    parts: dict[str, list[int]] = {}
    totals: dict[str, int] = {}
    splits: dict[int, tuple[str, ...]] = {}
    scales: dict[str, float] = {}
    written: dict[int, str] = {}
    fates: dict[int, ColumnFate] = {}
    for position, cell in enumerate(cells):
        parent = header_text(parents[position]) if parents and position < len(parents) else ""
        child = header_text(cell)
        if not parent and not child:
            continue
        text = f"{parent} {child}".strip() if parent and child and parent != child else (
            child or parent)
        written[position] = text
        part = _part_of(parent, child) if parent and child else None
        if part is None and not parent and " " in child:  # "Tenaga Kerja L", "TK (P)"
            head, _, last = child.rpartition(" ")
            part = _part_of(head, last.strip("()"))
        if part is not None:
            column, kind = part
            if kind == "part":
                parts.setdefault(column, []).append(position)
                fates[position] = ColumnFate(position, text, "part", column)
            else:
                totals[column] = position
            continue
        matches = _matches(text) or (_matches(child) if child else [])
        if not matches:
            fates[position] = ColumnFate(position, text, "ignored")
            continue
        if len({m.column for m in matches}) > 1:  # "Kelurahan / Kecamatan": two fields a cell
            splits[position] = tuple(m.column for m in matches)
            fates[position] = ColumnFate(position, text, "split", "/".join(splits[position]))
            continue
        candidates.append((position, text, matches[0]))
    for column, position in totals.items():  # a written total wins over adding the parts up
        candidates.append((position, written[position], HeaderMatch(column, 1.0, -1)))
    positions: dict[str, int] = {}
    seconds: dict[str, int] = {}
    for position, text, match in sorted(candidates, key=lambda c: (c[2].rank, c[0])):
        column = match.column
        if column in positions:
            first = written[positions[column]]
            if column in _SECOND_READ and column not in seconds:
                seconds[column] = position
                fates[position] = ColumnFate(position, text, "second", column, first)
            else:
                fates[position] = ColumnFate(position, text, "duplicate", column, first)
            continue
        positions[column] = position
        taken[column] = (match.rank, position)
        scales[column] = match.scale
        kind = "personal" if COLUMNS_BY_NAME[column].is_personal else "mapped"
        fates[position] = ColumnFate(position, text, kind, column)
    for column in list(parts):
        if column in positions:  # a total column is read; its parts are reported, not added
            for position in parts.pop(column):
                fates[position] = ColumnFate(position, written[position], "duplicate", column,
                                             written[positions[column]])
    plan = ColumnPlan(positions, {c: written[p] for c, p in positions.items()}, scales,
                      {c: tuple(p) for c, p in parts.items()}, seconds, splits,
                      tuple(fates[p] for p in sorted(fates)))
    for column, part_positions in plan.parts.items():
        plan.headers[column] = " + ".join(written[p] for p in part_positions)
    _check_required(plan, path, sheet, given)
    return plan


def _check_required(plan: ColumnPlan, path: Path, sheet: str | None, given: frozenset[str]
                    ) -> None:
    present = plan.fields | given
    missing = [name for name in REQUIRED_COLUMNS if name not in present]
    missing += ["/".join(group) for group in REQUIRED_ONE_OF
                if not any(name in present for name in group)]
    if missing:
        raise MissingColumnsError(path, missing, found=[f.header for f in plan.fates],
                                  sheet=sheet)
