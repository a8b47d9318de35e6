r"""Fictional registry exports as district offices send them, each with its ground truth.

Every case is an :class:`OfficeFile`: a name, the kind of bytes it really holds, a description of
what is tricky, a ``write(folder)`` function that writes the file deterministically, and a
:class:`Truth`: what a careful person who opened the file in Excel (or a text editor) would say
is in it. The truth is derived from the same layout that writes the file, never from the
package's reader, so it stays valid while the reader is rewritten.

All data are invented (DATA FIKTIF): owners are ``CONTOH <name>``, NIKs start with ``99``,
telephone numbers are ``0800-0000-xxxx``, business names are made up.

How to read a :class:`Truth`:

* Rows are numbered as Excel numbers them (sheet rows from 1) or, for text files, as a text
  editor numbers lines (a record that holds line breaks is numbered by the line it starts on;
  CR LF, LF and a lone CR each end a line). Parquet rows are record numbers from 1.
* Every non-blank row of a sheet (or every record of a text file) is exactly one of: a header row
  (``header_rows``), a record (``record_rows``) or a skipped row (``skipped_rows``: titles,
  column-number rows ``(1) (2) (3)``, repeated headers, group headings, page footers, signature
  blocks, Excel's ``sep=`` hint). Blank rows are in none of them.
* ``records`` counts the record rows of every sheet with registry data, total rows (``JUMLAH``)
  included. ``units`` counts the records that are real, distinct, valid business units.
  Every other record has at least one entry in ``defective_rows`` (a defect, a total row, or the
  second listing of a duplicate); ``records - units`` is the number of distinct rows there.
* ``cell_warnings`` are problems in cells of rows that *are* units (a NIK whose digits Excel
  lost): the row stays, the cell must be flagged.
* ``facts`` hold checkable values. Totals (``workers_total``, ``investment_total_rp``,
  ``production_total_rp``) are sums over the units only, in persons and rupiah (a header's
  ``(Rp 000)`` or ``(juta Rp)`` applied). ``kecamatan_counts`` and ``status_counts`` count units.
  Keys ``("unit", <business name>)`` hold values of one unit under canonical field names
  (``kelurahan`` and ``kecamatan`` spelled as in ``data/reference/palangka_raya_wilayah.csv``,
  ``kbli_code`` as text, ``status`` one of ``aktif``/``tidak aktif``/``tutup``,
  ``owner_nik: None`` where the digits cannot be known). Compare text after collapsing runs of
  whitespace (line breaks included) to one space. In the JSON manifest such a key is written
  ``"unit:<business name>"``.
* ``number_format`` is how amounts written as text are to be read: ``"id"`` (``1.500.000,50``),
  ``"en"`` (``1,500,000.50``), ``"ambiguous"`` (both readings fit and give different values: the
  truth states the right one, and a reader must infer it or ask, never pick silently), or
  ``"any"`` (no text amount where the readings differ: plain digits or number cells).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import struct
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

# --------------------------------------------------------------------------------------------
# Reference data and the pool of fictional units
# --------------------------------------------------------------------------------------------

#: The 30 kelurahan of Kota Palangka Raya and their kecamatan (data/reference, copied here so
#: that the corpus stands on its own).
WILAYAH: dict[str, str] = {
    "Pahandut": "Pahandut", "Panarung": "Pahandut", "Langkai": "Pahandut",
    "Tumbang Rungan": "Pahandut", "Pahandut Seberang": "Pahandut", "Tanjung Pinang": "Pahandut",
    "Marang": "Bukit Batu", "Tumbang Tahai": "Bukit Batu", "Banturung": "Bukit Batu",
    "Tangkiling": "Bukit Batu", "Sei Gohong": "Bukit Batu", "Kanarakan": "Bukit Batu",
    "Habaring Hurung": "Bukit Batu",
    "Palangka": "Jekan Raya", "Menteng": "Jekan Raya", "Bukit Tunggal": "Jekan Raya",
    "Petuk Katimpun": "Jekan Raya",
    "Bereng Bengkel": "Sabangau", "Kalampangan": "Sabangau", "Kereng Bangkirai": "Sabangau",
    "Kameloh Baru": "Sabangau", "Danau Tundai": "Sabangau", "Sabaru": "Sabangau",
    "Petuk Bukit": "Rakumpit", "Panjehang": "Rakumpit", "Petuk Barunai": "Rakumpit",
    "Mungku Baru": "Rakumpit", "Pager": "Rakumpit", "Gaung Baru": "Rakumpit",
    "Bukit Sua": "Rakumpit",
}
KELURAHAN_NAMES: tuple[str, ...] = tuple(WILAYAH)
KECAMATAN_NAMES: tuple[str, ...] = ("Pahandut", "Sabangau", "Jekan Raya", "Bukit Batu", "Rakumpit")

#: (KBLI 2020 code, product group as offices write it, stem of the business name).
PRODUCTS: tuple[tuple[str, str, str], ...] = (
    ("10792", "Makanan", "Kue Basah"),
    ("16299", "Kerajinan", "Anyaman Rotan"),
    ("10710", "Makanan", "Roti"),
    ("31001", "Mebel", "Mebel Ulin"),
    ("13134", "Sandang", "Batik Benang Bintik"),
    ("10799", "Makanan", "Keripik Kelakai"),
    ("25999", "Logam", "Las Besi"),
    ("14111", "Sandang", "Konveksi"),
    ("10213", "Makanan", "Kerupuk Ikan"),
    ("11040", "Minuman", "Minuman Jahe"),
    ("10392", "Makanan", "Tahu Tempe"),
)
SUFFIXES: tuple[str, ...] = (
    "Acil Ani", "Berkah Contoh", "Sumber Rasa", "Isen Mulang", "Mandiri Jaya", "Karya Bersama",
    "Cahaya Betang", "Kahayan Indah", "Harapan Baru", "Tambun Lestari", "Sejahtera Abadi",
    "Bintang Timur", "Rahayu Contoh", "Sabar Menanti", "Mekar Sari", "Citra Rasa",
    "Pelangi Kahayan", "Anugerah Contoh", "Dua Saudara", "Sinar Pagi",
)
GIVEN_NAMES: tuple[str, ...] = (
    "Siti", "Budi", "Ani", "Eko", "Dewi", "Rina", "Tono", "Yudi", "Wati", "Ari", "Lia", "Roni",
    "Edi", "Sari", "Joko", "Maya", "Agus", "Nur", "Fitri", "Hendra", "Yanti", "Bambang", "Rudi",
)
STREETS: tuple[str, ...] = (
    "Mawar", "Melati", "Anggrek", "Kenanga", "Flamboyan", "Cempaka", "Teratai", "Dahlia",
)
BULAN: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)
BULAN_SINGKAT: tuple[str, ...] = (
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
)
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class Unit:
    """One fictional business unit: the true values, before any office writes them down.

    Attributes:
        key: Position in the pool; every derived value depends on it only.
        unit_id: Registration number (or NIB) as the office writes it.
        business_name: Name of the business; unique within a file.
        owner_name: Owner (``CONTOH <name>``).
        owner_nik: 16-digit NIK starting with ``99``.
        phone: ``0800-0000-xxxx``.
        address: Street address of the business.
        kelurahan: Canonical kelurahan name.
        kbli_code: KBLI 2020 code (manufacturing, divisions 10-33).
        category: Product group as written in ``Jenis Produk``/``Komoditi``.
        registered_on: Registration date (its year is ``year_registered``).
        status: ``aktif``, ``tidak aktif`` or ``tutup``.
        year_closed: Year a closed unit stopped, else ``None``.
        workers_male: Male workers (the ``L`` column of two-row headers).
        workers_female: Female workers (the ``P`` column).
        investment_rp: Investment in rupiah, ``None`` when unknown.
        production_value_rp: Yearly production value in rupiah, ``None`` when unknown.
        sentra_member: Member of a sentra IKM.
    """

    key: int
    unit_id: str
    business_name: str
    owner_name: str
    owner_nik: str
    phone: str
    address: str
    kelurahan: str
    kbli_code: str
    category: str
    registered_on: dt.date
    status: str
    year_closed: int | None
    workers_male: int
    workers_female: int
    investment_rp: int | float | None
    production_value_rp: int | float | None
    sentra_member: bool

    @property
    def kecamatan(self) -> str:
        """Kecamatan of the unit's kelurahan."""
        return WILAYAH[self.kelurahan]

    @property
    def year_registered(self) -> int:
        """Year of registration."""
        return self.registered_on.year

    @property
    def workers_count(self) -> int:
        """All workers (L + P)."""
        return self.workers_male + self.workers_female

    @property
    def status_written(self) -> str:
        """The status word as offices type it (capitals vary)."""
        if self.status == "aktif":
            return ("Aktif", "aktif", "AKTIF")[self.key % 3]
        return {"tidak aktif": "Tidak Aktif", "tutup": "Tutup"}[self.status]

    @property
    def sentra_written(self) -> str:
        """``Ya`` or ``Tidak``."""
        return "Ya" if self.sentra_member else "Tidak"


def make_units(
    count: int, first: int, kelurahan: Sequence[str] | None = None,
    id_format: str = "IKM-{:04d}",
) -> list[Unit]:
    """Fictional units ``first`` .. ``first + count - 1`` of the pool.

    Args:
        count: Number of units.
        first: Pool position of the first unit; names are unique over 220 consecutive positions.
        kelurahan: Kelurahan to cycle through; all 30 by default.
        id_format: Format of the registration number, given the pool position.

    Returns:
        The units.

    Example:
        >>> unit = make_units(1, first=1)[0]
        >>> unit.business_name, unit.kelurahan, unit.kecamatan, unit.owner_nik
        ('Anyaman Rotan Acil Ani', 'Tumbang Tahai', 'Bukit Batu', '9971000000000001')
    """
    units = []
    for offset in range(count):
        key = first + offset
        kbli, category, stem = PRODUCTS[key % len(PRODUCTS)]
        suffix = SUFFIXES[(key // len(PRODUCTS)) % len(SUFFIXES)]
        if kelurahan is None:
            place = KELURAHAN_NAMES[(key * 7) % len(KELURAHAN_NAMES)]
        else:
            place = kelurahan[offset % len(kelurahan)]
        year = 2015 + (key * 3) % 10
        status = {7: "tutup", 4: "tidak aktif"}.get(key % 10, "aktif")
        investment = (3 + (key * 37) % 97) * 500_000 * (20 if key % 9 == 0 else 1)
        units.append(Unit(
            key=key,
            unit_id=id_format.format(key),
            business_name=f"{stem} {suffix}",
            owner_name=f"CONTOH {GIVEN_NAMES[key % len(GIVEN_NAMES)]}",
            owner_nik=f"9971{key:012d}",
            phone=f"0800-0000-{key % 10000:04d}",
            address=f"Jl. Contoh {STREETS[key % len(STREETS)]} No. {1 + key % 40}",
            kelurahan=place,
            kbli_code=kbli,
            category=category,
            registered_on=dt.date(year, 1 + (key * 5) % 12, 1 + (key * 11) % 28),
            status=status,
            year_closed=min(year + 2, 2024) if status == "tutup" else None,
            workers_male=1 + (key * 5) % 6,
            workers_female=(key * 3) % 5,
            investment_rp=investment,
            production_value_rp=investment * (2 + key % 4),
            sentra_member=key % 3 == 0,
        ))
    return units


def excel_serial(day: dt.date) -> int:
    """The serial number Excel stores for a date.

    Example:
        >>> excel_serial(dt.date(2024, 1, 1))
        45292
    """
    return (day - EXCEL_EPOCH).days


def id_number(value: float, decimals: int = 0) -> str:
    """A number in Indonesian format: ``.`` groups thousands, ``,`` marks decimals.

    Example:
        >>> id_number(1500000.5, 2), id_number(45000)
        ('1.500.000,50', '45.000')
    """
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def en_number(value: float, decimals: int = 0) -> str:
    """A number in English format: ``,`` groups thousands, ``.`` marks decimals.

    Example:
        >>> en_number(1500000.5, 2)
        '1,500,000.50'
    """
    return f"{value:,.{decimals}f}"


def rupiah(value: float) -> str:
    """An amount as typed in offices: ``Rp 15.000.000,-``."""
    return f"Rp {id_number(value)},-"


# --------------------------------------------------------------------------------------------
# Layout: the rows of one sheet or text file, each with its role
# --------------------------------------------------------------------------------------------

TITLE, HEADER, RECORD, BLANK, SKIP = "title", "header", "record", "blank", "skip"


class Raw(str):
    """Text written into a CSV line exactly as given: no quoting, no escaping."""

    __slots__ = ()


class Fmt(NamedTuple):
    """A workbook cell value with an Excel number format."""

    value: object
    number_format: str


@dataclass(eq=False)
class Row:
    """One row of a layout.

    Attributes:
        cells: Cell values, from the table's first column; or one :class:`Raw` line (text files).
        role: ``title``, ``header``, ``record``, ``blank`` or ``skip``.
        reason: Why a title or skipped row is not a record.
        unit: The unit a record lists (``None`` for total rows and unreadable records).
        defects: ``(header, reason)`` pairs that keep a record out of the clean table.
        warnings: ``(header, reason)`` pairs of cells to flag in a row that is a unit.
        copy_of: The earlier record this one lists again.
        copy_kind: ``exact`` (every cell equal) or ``same unit``.
    """

    cells: Sequence[object] | Raw
    role: str
    reason: str = ""
    unit: Unit | None = None
    defects: list[tuple[str | None, str]] = field(default_factory=list)
    warnings: list[tuple[str | None, str]] = field(default_factory=list)
    copy_of: Row | None = None
    copy_kind: str = ""


class Table:
    """The rows of one sheet (or one text file), numbered from ``first_row``.

    Args:
        sheet: Sheet name; ``None`` for text files and Parquet.
        first_row: Number of the first row (text renderers renumber by lines).
        first_column: Column of the first cell (1 = A).
    """

    def __init__(self, sheet: str | None = None, first_row: int = 1, first_column: int = 1):
        self.sheet = sheet
        self.first_row = first_row
        self.first_column = first_column
        self.rows: list[Row] = []
        self.numbers: list[int] | None = None
        self.finish: Callable[[Any], None] | None = None

    def add(self, role: str, cells: Sequence[object] | Raw, **details: Any) -> Row:
        """Append a row and return it."""
        row = Row(cells if isinstance(cells, Raw) else list(cells), role, **details)
        self.rows.append(row)
        return row

    def title(self, *cells: object, reason: str = "title above the table") -> Row:
        """Append a title line (skipped, not a record)."""
        return self.add(TITLE, cells, reason=reason)

    def header(self, cells: Sequence[object]) -> Row:
        """Append a header row."""
        return self.add(HEADER, cells)

    def record(self, cells: Sequence[object] | Raw, unit: Unit | None = None,
               defects: Iterable[tuple[str | None, str]] = (),
               warnings: Iterable[tuple[str | None, str]] = ()) -> Row:
        """Append a data record."""
        return self.add(RECORD, cells, unit=unit, defects=list(defects), warnings=list(warnings))

    def copy(self, original: Row, cells: Sequence[object] | None = None,
             kind: str = "exact") -> Row:
        """Append a record that lists ``original``'s unit again."""
        return self.add(RECORD, original.cells if cells is None else cells, unit=original.unit,
                        copy_of=original, copy_kind=kind)

    def total(self, cells: Sequence[object], label: str = "JUMLAH") -> Row:
        """Append a total row: a record a reader must account for, never a unit."""
        return self.record(cells, defects=[(None, f"total row ({label}): sums of the units "
                                                  "above, not a unit")])

    def blank(self, width: int = 0) -> Row:
        """Append a blank row."""
        return self.add(BLANK, [None] * width)

    def skip(self, cells: Sequence[object] | Raw, reason: str) -> Row:
        """Append a non-blank row that is neither header nor record."""
        return self.add(SKIP, cells, reason=reason)

    def row_numbers(self) -> list[int]:
        """Row number of every row, as Excel or a text editor shows it."""
        if self.numbers is not None:
            return self.numbers
        return list(range(self.first_row, self.first_row + len(self.rows)))

    def number_of(self, row: Row) -> int:
        """Row number of ``row``."""
        return self.row_numbers()[next(i for i, r in enumerate(self.rows) if r is row)]

    def records(self) -> list[Row]:
        """The record rows."""
        return [row for row in self.rows if row.role == RECORD]


Getter = Callable[[Unit, int], object]

#: Cell getters by short key; each takes the unit and its sequence number in the file.
GETTERS: dict[str, Getter] = {
    "seq": lambda u, n: n,
    "unit_id": lambda u, n: u.unit_id,
    "business_name": lambda u, n: u.business_name,
    "owner_name": lambda u, n: u.owner_name,
    "owner_nik": lambda u, n: u.owner_nik,
    "phone": lambda u, n: u.phone,
    "address": lambda u, n: u.address,
    "kelurahan": lambda u, n: u.kelurahan,
    "kecamatan": lambda u, n: u.kecamatan,
    "kbli_code": lambda u, n: u.kbli_code,
    "category": lambda u, n: u.category,
    "year_registered": lambda u, n: u.year_registered,
    "status": lambda u, n: u.status_written,
    "year_closed": lambda u, n: u.year_closed,
    "workers_count": lambda u, n: u.workers_count,
    "workers_male": lambda u, n: u.workers_male,
    "workers_female": lambda u, n: u.workers_female,
    "investment_rp": lambda u, n: u.investment_rp,
    "production_value_rp": lambda u, n: u.production_value_rp,
    "sentra_member": lambda u, n: u.sentra_written,
}

#: Canonical field a getter key fills (the L and P columns together give ``workers_count``).
FIELD_OF_KEY: dict[str, str] = {
    "workers_male": "workers_count", "workers_female": "workers_count",
}


def cells_of(unit: Unit, seq: int, keys: Sequence[str | Getter | None]) -> list[object]:
    """The cells of a unit's row: one per key (a GETTERS key, a getter, or ``None`` = empty)."""
    cells: list[object] = []
    for key in keys:
        if key is None:
            cells.append(None)
        elif callable(key):
            cells.append(key(unit, seq))
        else:
            cells.append(GETTERS[key](unit, seq))
    return cells


def fields_of(keys: Iterable[str | Getter | None]) -> set[str]:
    """Canonical fields a list of getter keys fills."""
    return {FIELD_OF_KEY.get(k, k) for k in keys if isinstance(k, str) and k != "seq"}


def add_units(table: Table, units: Sequence[Unit], keys: Sequence[str | Getter | None],
              first_seq: int = 1) -> list[Row]:
    """Append one clean record per unit."""
    return [table.record(cells_of(u, n, keys), u) for n, u in enumerate(units, first_seq)]


# --------------------------------------------------------------------------------------------
# Truth
# --------------------------------------------------------------------------------------------


class RowNote(NamedTuple):
    """A row with something to say about it."""

    sheet: str | None
    row: int
    header: str | None
    reason: str


class Duplicate(NamedTuple):
    """A record that lists again a unit listed earlier."""

    sheet: str | None
    row: int
    of_sheet: str | None
    of_row: int
    kind: str


@dataclass(frozen=True)
class Truth:
    """What a careful person would say is in the file (see the module docstring)."""

    records: int
    units: int
    defective_rows: tuple[RowNote, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    cell_warnings: tuple[RowNote, ...] = ()
    header_rows: dict[str | None, tuple[int, ...]] = field(default_factory=dict)
    record_rows: dict[str | None, tuple[int, ...]] = field(default_factory=dict)
    skipped_rows: tuple[RowNote, ...] = ()
    sheets_with_data: tuple[str, ...] = ()
    sheets_without_data: dict[str, str] = field(default_factory=dict)
    usable: bool = True
    refusal: str | None = None
    number_format: str = "any"
    facts: dict[Any, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def check(self) -> None:
        """Raise ``AssertionError`` when the truth contradicts itself."""
        bad = {(d.sheet, d.row) for d in self.defective_rows}
        assert self.records - self.units == len(bad), (self.records, self.units, len(bad))
        assert sum(map(len, self.record_rows.values())) == self.records
        assert self.usable == (self.refusal is None)
        assert self.number_format in ("id", "en", "ambiguous", "any")
        for sheet, row in bad:
            assert row in self.record_rows.get(sheet, ()), (sheet, row)

    def to_json(self) -> dict[str, Any]:
        """The truth as JSON-ready data (tuple fact keys become ``"unit:<name>"``)."""

        def sheet_rows(rows: Mapping[str | None, tuple[int, ...]]) -> list[dict[str, Any]]:
            return [{"sheet": sheet, "rows": list(numbers)} for sheet, numbers in rows.items()]

        return {
            "records": self.records,
            "units": self.units,
            "usable": self.usable,
            "refusal": self.refusal,
            "number_format": self.number_format,
            "defective_rows": [d._asdict() for d in self.defective_rows],
            "duplicates": [d._asdict() for d in self.duplicates],
            "cell_warnings": [d._asdict() for d in self.cell_warnings],
            "header_rows": sheet_rows(self.header_rows),
            "record_rows": sheet_rows(self.record_rows),
            "skipped_rows": [d._asdict() for d in self.skipped_rows],
            "sheets_with_data": list(self.sheets_with_data),
            "sheets_without_data": dict(self.sheets_without_data),
            "facts": {_fact_key(k): _json_value(v) for k, v in self.facts.items()},
            "notes": list(self.notes),
        }

    def summary(self) -> str:
        """The truth in one line, for the README."""
        if not self.usable:
            return f"unusable: {self.refusal}"
        text = f"{self.records} records, {self.units} units"
        if self.defective_rows:
            shown = sorted({(d.sheet or "", d.row, d.reason.split(":")[0].split(" (")[0])
                            for d in self.defective_rows})
            text += "; not units: " + ", ".join(
                f"{sheet + '!' if sheet else 'row '}{row} ({reason})"
                for sheet, row, reason in shown)
        if self.skipped_rows:
            text += f"; {len(self.skipped_rows)} other non-blank rows skipped"
        if self.cell_warnings:
            text += f"; {len(self.cell_warnings)} cell warnings"
        if self.sheets_without_data:
            text += "; skip sheets " + ", ".join(self.sheets_without_data)
        return text + f"; numbers: {self.number_format}"


def _fact_key(key: object) -> str:
    if isinstance(key, tuple):
        return ":".join(map(str, key))
    return str(key)


def _json_value(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    return value


#: Canonical fields given in per-unit facts, in this order, when the file has them.
UNIT_FACT_FIELDS: tuple[str, ...] = (
    "unit_id", "kelurahan", "kecamatan", "kbli_code", "category", "year_registered", "status",
    "workers_count", "investment_rp", "production_value_rp", "sentra_member", "owner_nik",
    "address",
)


def unit_facts(unit: Unit, fields: set[str]) -> dict[str, object]:
    """Values of one unit for the fields the file has (kecamatan always: it follows)."""
    present = fields | {"kelurahan", "kecamatan"}
    return {name: getattr(unit, name) for name in UNIT_FACT_FIELDS if name in present}


def _money_sum(values: Iterable[float | None]) -> float | int:
    total = sum(v for v in values if v is not None)
    return round(total, 2) if isinstance(total, float) and not total.is_integer() else int(total)


def totals(units: Sequence[Unit], fields: set[str]) -> dict[str, object]:
    """Totals and counts over the units, for the fields the file has."""
    facts: dict[str, object] = {}
    if "workers_count" in fields:
        facts["workers_total"] = sum(u.workers_count for u in units)
    if "investment_rp" in fields:
        facts["investment_total_rp"] = _money_sum(u.investment_rp for u in units)
    if "production_value_rp" in fields:
        facts["production_total_rp"] = _money_sum(u.production_value_rp for u in units)
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.kecamatan] = counts.get(unit.kecamatan, 0) + 1
    facts["kecamatan_counts"] = dict(sorted(counts.items()))
    if "status" in fields:
        statuses: dict[str, int] = {}
        for unit in units:
            statuses[unit.status] = statuses.get(unit.status, 0) + 1
        facts["status_counts"] = dict(sorted(statuses.items()))
    return facts


def build_truth(
    tables: Sequence[Table],
    fields: set[str],
    *,
    facts_for: Sequence[str] = (),
    overrides: Mapping[str, Mapping[str, object]] | None = None,
    facts: Mapping[Any, Any] | None = None,
    number_format: str = "any",
    sheets_without_data: Mapping[str, str] | None = None,
    notes: Sequence[str] = (),
) -> Truth:
    """Derive the truth from the layout that writes the file.

    Args:
        tables: The sheets (or the one text file) with data, in file order.
        fields: Canonical fields the file has columns for.
        facts_for: Business names of units to give per-unit facts for.
        overrides: Per-unit fact values that differ from the unit (a lost NIK is ``None``).
        facts: Further facts.
        number_format: ``id``, ``en``, ``ambiguous`` or ``any``.
        sheets_without_data: Sheets to skip, with the reason.
        notes: Remarks for the lead.

    Returns:
        The truth.
    """
    header_rows: dict[str | None, tuple[int, ...]] = {}
    record_rows: dict[str | None, tuple[int, ...]] = {}
    defective: list[RowNote] = []
    duplicates: list[Duplicate] = []
    warnings: list[RowNote] = []
    skipped: list[RowNote] = []
    units: list[Unit] = []
    for table in tables:
        sheet, headers, records = table.sheet, [], []
        for row, number in zip(table.rows, table.row_numbers(), strict=True):
            if row.role == HEADER:
                headers.append(number)
            elif row.role in (TITLE, SKIP):
                skipped.append(RowNote(sheet, number, None, row.reason))
            elif row.role == RECORD:
                records.append(number)
                defective += [RowNote(sheet, number, h, why) for h, why in row.defects]
                warnings += [RowNote(sheet, number, h, why) for h, why in row.warnings]
                if row.copy_of is not None:
                    original = table.number_of(row.copy_of)
                    duplicates.append(Duplicate(sheet, number, sheet, original, row.copy_kind))
                    what = ("exact copy of row" if row.copy_kind == "exact"
                            else "same unit as row")
                    defective.append(RowNote(sheet, number, None, f"{what} {original} "
                                             f"({row.copy_kind} duplicate)"))
                elif not row.defects:
                    assert row.unit is not None, "a clean record must list a unit"
                    units.append(row.unit)
        header_rows[sheet] = tuple(headers)
        record_rows[sheet] = tuple(records)
    all_facts: dict[Any, Any] = totals(units, fields)
    by_name = {u.business_name: u for u in units}
    assert len(by_name) == len(units), "business names must be unique among units"
    for name in facts_for:
        values = unit_facts(by_name[name], fields)
        values.update((overrides or {}).get(name, {}))
        all_facts[("unit", name)] = values
    all_facts.update(facts or {})
    truth = Truth(
        records=sum(map(len, record_rows.values())),
        units=len(units),
        defective_rows=tuple(defective),
        duplicates=tuple(duplicates),
        cell_warnings=tuple(warnings),
        header_rows=header_rows,
        record_rows=record_rows,
        skipped_rows=tuple(skipped),
        sheets_with_data=tuple(t.sheet for t in tables if t.sheet is not None and t.records()),
        sheets_without_data=dict(sheets_without_data or {}),
        number_format=number_format,
        facts=all_facts,
        notes=tuple(notes),
    )
    truth.check()
    return truth


def refusal_truth(refusal: str, notes: Sequence[str] = (),
                  header_rows: Mapping[str | None, tuple[int, ...]] | None = None) -> Truth:
    """The truth of a file that cannot be used at all."""
    truth = Truth(records=0, units=0, usable=False, refusal=refusal,
                  header_rows=dict(header_rows or {}), notes=tuple(notes))
    truth.check()
    return truth


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

FIXED_ZIP_TIME = (2024, 12, 31, 8, 0, 0)
FIXED_STAMP = "2024-12-31T08:00:00Z"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def csv_field(value: object, sep: str) -> str:
    """One CSV field: quoted (quotes doubled) when it holds the separator, a quote or a break."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    text = _plain(value)
    if any(mark in text for mark in (sep, '"', "\r", "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def render_text(table: Table, sep: str = ",", eol: str = "\r\n",
                width: int | None = None) -> str:
    """Write a layout as delimited text and number its rows by the line each starts on.

    Args:
        table: The layout; its ``numbers`` are set to the line numbers.
        sep: Field separator.
        eol: Line end.
        width: Pad every row with empty fields to this many (Excel pads to the used range).

    Returns:
        The text.
    """
    lines, numbers, line = [], [], 1
    for row in table.rows:
        if isinstance(row.cells, Raw):
            text = str(row.cells)
        else:
            cells = list(row.cells)
            if width is not None:
                cells += [None] * (width - len(cells))
            text = sep.join(csv_field(cell, sep) for cell in cells)
        numbers.append(line)
        line += len(_LINE_BREAK.findall(text)) + 1
        lines.append(text + eol)
    table.numbers = numbers
    return "".join(lines)


def _fix_core_stamps(xml: str) -> str:
    return re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                  rf"\g<1>{FIXED_STAMP}\g<3>", xml)


def write_zip(entries: Sequence[tuple[str, bytes, int]], path: Path) -> Path:
    """Write a ZIP archive with fixed timestamps: ``(name, data, compress_type)`` in order."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data, compression in entries:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = compression
            info.external_attr = 0o600 << 16
            archive.writestr(info, data)
    return path


def save_workbook(workbook: Workbook, path: Path,
                  edits: Mapping[str, Callable[[str], str]] | None = None) -> Path:
    """Save a workbook with fixed timestamps (so its bytes never change), editing parts.

    Args:
        workbook: The workbook.
        path: Where to write it.
        edits: Archive member -> function rewriting its XML (``xl/worksheets/sheet1.xml``).

    Returns:
        ``path``.
    """
    workbook.properties.creator = "ikm-analysis test corpus (DATA FIKTIF)"
    workbook.properties.lastModifiedBy = None
    workbook.properties.created = dt.datetime(2024, 12, 31, 8, 0, 0)
    buffer = io.BytesIO()
    workbook.save(buffer)
    changes = {"docProps/core.xml": _fix_core_stamps, **(edits or {})}
    entries = []
    with zipfile.ZipFile(buffer) as source:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in changes:
                data = changes[info.filename](data.decode("utf-8")).encode("utf-8")
            entries.append((info.filename, data, zipfile.ZIP_DEFLATED))
    return write_zip(entries, path)


def fill_sheet(sheet: Any, table: Table) -> None:
    """Write a layout's cells into an openpyxl worksheet (``Fmt`` cells get their format)."""
    for row, number in zip(table.rows, table.row_numbers(), strict=True):
        assert not isinstance(row.cells, Raw), "raw lines are for text files"
        for offset, value in enumerate(row.cells):
            if value is None:
                continue
            cell = sheet.cell(row=number, column=table.first_column + offset)
            if isinstance(value, Fmt):
                cell.value, cell.number_format = value.value, value.number_format
            else:
                cell.value = value
    if table.finish is not None:
        table.finish(sheet)


def workbook_of(tables: Sequence[Table], extra: Sequence[Table] = (),
                order: Sequence[str] | None = None) -> Workbook:
    """A workbook with one sheet per layout (``extra``: sheets without registry data).

    Args:
        tables: Sheets with registry data.
        extra: Other sheets (summaries, notes, lookup lists).
        order: Sheet names in the order they appear; ``extra`` first by default.

    Returns:
        The workbook.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    by_name = {t.sheet: t for t in (*extra, *tables)}
    for name in order or list(by_name):
        fill_sheet(workbook.create_sheet(str(name)), by_name[name])
    return workbook


def cached_values(values: Mapping[str, object]) -> Callable[[str], str]:
    """An edit giving formula cells the value Excel stored when it last calculated."""

    def edit(xml: str) -> str:
        for ref, value in values.items():
            xml, count = re.subn(rf'(<c r="{ref}"[^>]*>)<f>(.*?)</f><v\s*/>',
                                 rf"\g<1><f>\g<2></f><v>{_plain(value)}</v>", xml)
            assert count == 1, ref
        return xml

    return edit


def text_writer(data: bytes) -> Callable[[Path, str], Path]:
    """A writer of fixed bytes."""

    def write(folder: Path, name: str) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return write


def write_parquet(table: pa.Table, path: Path) -> Path:
    """Write a Parquet file (no pandas metadata; same bytes every time)."""
    pq.write_table(table, path, compression="snappy")
    return path


def html_table(table: Table, title: str) -> bytes:
    """An HTML table as web applications save it under a ``.xls`` name."""
    width = max(len(row.cells) for row in table.rows)
    out = [
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns="http://www.w3.org/TR/REC-html40">',
        '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        f"<title>{escape(title)}</title>",
        '<style>.teks{mso-number-format:"\\@";}</style></head><body>',
        '<table border="1">',
    ]
    for row in table.rows:
        if row.role == TITLE:
            out.append(f'<tr><td colspan="{width}"><b>{escape(str(row.cells[0]))}</b></td></tr>')
            continue
        tag = "th" if row.role == HEADER else "td"
        cells = []
        for value in row.cells:
            text = "" if value is None else escape(_plain(value))
            attrs = ' class="teks"' if isinstance(value, str) and value.isdigit() else ""
            cells.append(f"<{tag}{attrs}>{text}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</table>", "</body></html>", ""]
    return "\r\n".join(out).encode("utf-8")


def spreadsheetml(tables: Sequence[Table]) -> bytes:
    """An "XML Spreadsheet 2003" workbook (what many web applications save as ``.xls``)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?mso-application progid="Excel.Sheet"?>',
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
        ' <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">'
        f"<Author>DATA FIKTIF</Author><Created>{FIXED_STAMP}</Created></DocumentProperties>",
    ]
    for table in tables:
        out.append(f' <Worksheet ss:Name="{escape(str(table.sheet))}">')
        out.append("  <Table>")
        for row in table.rows:
            cells = []
            for value in row.cells:
                if value is None:
                    cells.append("<Cell/>")
                elif isinstance(value, (int, float)):
                    cells.append(f'<Cell><Data ss:Type="Number">{_plain(value)}</Data></Cell>')
                else:
                    cells.append(f'<Cell><Data ss:Type="String">{escape(str(value))}</Data></Cell>')
            out.append("   <Row>" + "".join(cells) + "</Row>")
        out.append("  </Table>")
        out.append(" </Worksheet>")
    out += ["</Workbook>", ""]
    return "\r\n".join(out).encode("utf-8")


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"'
)


def ods_workbook(tables: Sequence[Table], path: Path, filler_rows: int = 1048000) -> Path:
    """An OpenDocument spreadsheet, written as LibreOffice does: trailing rows repeated.

    Args:
        tables: Sheets, in order.
        path: Where to write.
        filler_rows: Empty rows LibreOffice declares below the data (one element, repeated).

    Returns:
        ``path``.
    """
    sheets = []
    for table in tables:
        rows = ['<table:table-column table:number-columns-repeated="1024"/>']
        for row in table.rows:
            cells = []
            for value in row.cells:
                if value is None:
                    cells.append("<table:table-cell/>")
                elif isinstance(value, (int, float)):
                    cells.append(f'<table:table-cell office:value-type="float" '
                                 f'office:value="{_plain(value)}"><text:p>{_plain(value)}'
                                 "</text:p></table:table-cell>")
                else:
                    cells.append('<table:table-cell office:value-type="string"><text:p>'
                                 f"{escape(str(value))}</text:p></table:table-cell>")
            used = len(row.cells)
            cells.append(f'<table:table-cell table:number-columns-repeated="{1024 - used}"/>')
            rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        if filler_rows:
            rows.append(f'<table:table-row table:number-rows-repeated="{filler_rows}">'
                        '<table:table-cell table:number-columns-repeated="1024"/>'
                        "</table:table-row>")
        sheets.append(f'<table:table table:name="{escape(str(table.sheet))}">'
                      + "".join(rows) + "</table:table>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               f"<office:document-content {_ODS_NS}><office:body><office:spreadsheet>"
               + "".join(sheets) + "</office:spreadsheet></office:body></office:document-content>")
    meta = ('<?xml version="1.0" encoding="UTF-8"?>'
            f"<office:document-meta {_ODS_NS}><office:meta>"
            f"<meta:creation-date>{FIXED_STAMP[:-1]}</meta:creation-date>"
            "<dc:title>DATA FIKTIF</dc:title></office:meta></office:document-meta>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.2" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    return write_zip([
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED),
        ("content.xml", content.encode(), zipfile.ZIP_DEFLATED),
        ("meta.xml", meta.encode(), zipfile.ZIP_DEFLATED),
        ("META-INF/manifest.xml", manifest.encode(), zipfile.ZIP_DEFLATED),
    ], path)


def _pseudo_random(size: int, seed: str) -> bytes:
    out, counter = bytearray(), 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def compound_file(streams: Sequence[tuple[str, bytes]]) -> bytes:
    """A minimal OLE2 compound file (version 3) holding streams of 4096 bytes or more.

    This is the container of password-protected Office files and of old binary ``.xls``.
    Streams that small would need the mini stream, which this writer does not implement.

    Args:
        streams: ``(name, data)`` in the order of their directory entries; names sorted as
            the format's red-black tree wants (shorter first), each data at least 4096 bytes.

    Returns:
        The file's bytes.
    """
    sector, end, free, fat_mark, no_stream = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_mark, end]  # sector 0: the FAT itself; sector 1: the directory
    starts, data_sectors = [], []
    for _, data in streams:
        assert len(data) >= 4096
        count = -(-len(data) // sector)
        first = len(fat)
        starts.append(first)
        fat += [first + i + 1 for i in range(count - 1)] + [end]
        data_sectors.append(data + b"\0" * (count * sector - len(data)))
    assert len(fat) <= sector // 4
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, no_stream,
                           right, child, b"\0" * 16, 0, 0, 0, start, size)

    directory = entry("Root Entry", 5, no_stream, 1 if streams else no_stream, end, 0)
    for index, ((name, data), start) in enumerate(zip(streams, starts, strict=True), start=1):
        right = index + 1 if index < len(streams) else no_stream
        directory += entry(name, 2, right, no_stream, start, len(data))
    while len(directory) < sector:
        directory += struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, no_stream, no_stream,
                                 no_stream, b"\0" * 16, 0, 0, 0, 0, 0)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII109I", bytes.fromhex("D0CF11E0A1B11AE1"), b"\0" * 16,
        0x3E, 3, 0xFFFE, 9, 6, b"\0" * 6, 0, 1, 1, 0, 4096, end, 0, end, 0,
        0, *([free] * 108),
    )
    return header + struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(data_sectors)


# --------------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficeFile:
    """One corpus file.

    Attributes:
        name: File name, with the extension the office used.
        kind: What the bytes really are: ``csv``, ``xlsx``, ``parquet``, ``html``,
            ``spreadsheetml``, ``ods``, ``cfb-encrypted``, ``zip-truncated`` or ``empty``.
        description: What is tricky about it.
        write: Writes the file into a folder and returns its path; same bytes every time.
        truth: The ground truth.
    """

    name: str
    kind: str
    description: str
    write: Callable[[Path], Path]
    truth: Truth


def _bytes_case(name: str, kind: str, description: str, data: bytes, truth: Truth) -> OfficeFile:
    write = text_writer(data)
    return OfficeFile(name, kind, description, lambda folder: write(folder, name), truth)


def _workbook_case(name: str, description: str, build: Callable[[Path], Path],
                   truth: Truth, kind: str = "xlsx") -> OfficeFile:
    return OfficeFile(name, kind, description, lambda folder: build(folder / name), truth)


# The standard column set most cases start from: (header as written, getter key).
REGISTRY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("No", "seq"), ("No. Registrasi", "unit_id"), ("Nama Usaha", "business_name"),
    ("Nama Pemilik", "owner_name"), ("NIK", "owner_nik"), ("Kelurahan", "kelurahan"),
    ("Kecamatan", "kecamatan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
    ("Status", "status"), ("Tenaga Kerja", "workers_count"),
    ("Nilai Investasi", "investment_rp"),
)


def _headers(columns: Sequence[tuple[str, object]]) -> list[str]:
    return [header for header, _ in columns]


def _keys(columns: Sequence[tuple[str, Any]]) -> list[Any]:
    return [key for _, key in columns]


def _with_money(columns: Sequence[tuple[str, Any]], write: Callable[[Any], object]
                ) -> list[tuple[str, Any]]:
    """Columns whose money getters pass through ``write`` (``None`` stays ``None``)."""

    def wrap(key: str) -> Getter:
        return lambda u, n: None if GETTERS[key](u, n) is None else write(GETTERS[key](u, n))

    return [(h, wrap(k) if k in ("investment_rp", "production_value_rp") else k)
            for h, k in columns]


def _fields(columns: Sequence[tuple[str, Any]]) -> set[str]:
    keys = [k for _, k in columns]
    fields = fields_of(keys)
    for header, key in columns:  # wrapped money getters keep their meaning by header
        if callable(key):
            if "Investasi" in header:
                fields.add("investment_rp")
            elif "Produksi" in header:
                fields.add("production_value_rp")
    return fields


# ---- 1. CSV with one unclosed quote -----------------------------------------------------------


def case_csv_unclosed_quote() -> OfficeFile:
    units = make_units(30, first=1)
    units[4] = replace(units[4], business_name="Kue Mama Ani", kbli_code="10792",
                       category="Makanan")
    table = Table()
    table.header(_headers(REGISTRY_COLUMNS))
    keys = _keys(REGISTRY_COLUMNS)
    for seq, unit in enumerate(units, 1):
        cells = cells_of(unit, seq, keys)
        if seq == 5:
            cells[2] = Raw('"Kue Mama Ani')
            table.record(cells, unit, defects=[("Nama Usaha", 'unclosed quote: the cell opens '
                                                "with \" and never closes")])
        else:
            table.record(cells, unit)
    text = render_text(table)
    truth = build_truth(
        [table], _fields(REGISTRY_COLUMNS),
        facts_for=[units[5].business_name, units[29].business_name, units[3].business_name],
        notes=["Record 5 (line 6) must be reported with its line number; records 6-30 must be "
               "read as the separate records they are, not swallowed into one cell. A parser "
               "that honours the quote reaches the end of the file inside one field."],
    )
    return _bytes_case(
        "csv_unclosed_quote.csv", "csv",
        'Comma CSV, CRLF, 30 records; record 5 (line 6) has `"Kue Mama Ani` with no closing '
        "quote.", text.encode("utf-8"), truth)


def case_csv_quotes_inside_fields() -> OfficeFile:
    units = make_units(12, first=31)
    units[2] = replace(units[2], business_name='Kue "Mama" Ani')
    units[6] = replace(units[6], business_name='Roti "Enak" Sekali', kbli_code="10710")
    columns = REGISTRY_COLUMNS[:4] + REGISTRY_COLUMNS[5:]
    table = Table()
    table.header(_headers(columns))
    for seq, unit in enumerate(units, 1):
        cells = cells_of(unit, seq, _keys(columns))
        if seq == 3:
            cells[2] = Raw(unit.business_name)  # quotes inside an unquoted field, as typed
        table.record(cells, unit)
    text = render_text(table)
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[2].business_name, units[6].business_name,
                                   units[3].business_name],
                        notes=["Line 4 holds quotes inside an unquoted field: they are part of "
                               "the name (Excel reads it so). Line 8 is quoted properly with "
                               "doubled quotes."])
    return _bytes_case(
        "csv_quotes_inside_fields.csv", "csv",
        'Quotes in the middle of an unquoted field (`Kue "Mama" Ani`) and a properly quoted '
        'field with doubled quotes (`"Roti ""Enak"" Sekali"`).', text.encode("utf-8"), truth)


# ---- 7. CSV dialects ----------------------------------------------------------------------------


_DIALECT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
    ("Nama Pemilik", "owner_name"), ("Kel.", "kelurahan"), ("Kec.", "kecamatan"),
    ("Kode KBLI", "kbli_code"), ("Jenis Produk", "category"), ("Thn. Daftar", "year_registered"),
    ("Status", "status"), ("Jml. TK", "workers_count"), ("Nilai Investasi (Rp)", "investment_rp"),
    ("Nilai Produksi (Rp)", "production_value_rp"), ("Anggota Sentra", "sentra_member"),
)


def _dialect_table(units: Sequence[Unit], money: Callable[[Any], object]) -> tuple[Table, set]:
    columns = _with_money(_DIALECT_COLUMNS, money)
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    return table, _fields(columns)


def case_csv_utf16_tab() -> OfficeFile:
    units = make_units(15, first=51)
    units[2] = replace(units[2], business_name="Kafé Sélera Contoh")
    units[8] = replace(units[8], business_name="Kerajinan “Purun” Contoh", kbli_code="16299",
                       category="Kerajinan")
    table, fields = _dialect_table(units, id_number)
    text = render_text(table, sep="\t")
    truth = build_truth([table], fields, number_format="id",
                        facts_for=[units[2].business_name, units[8].business_name,
                                   units[14].business_name])
    return _bytes_case(
        "csv_utf16_tab.txt", "csv",
        'Excel "Unicode Text": UTF-16 LE with BOM, tab separated, CRLF, saved as .txt; amounts '
        "as displayed (`15.000.000`); names with é and curly quotes.",
        b"\xff\xfe" + text.encode("utf-16-le"), truth)


def case_csv_cr_only() -> OfficeFile:
    units = make_units(12, first=66)
    table, fields = _dialect_table(units, lambda v: f"Rp {id_number(v)}")
    text = render_text(table, sep=";", eol="\r")
    truth = build_truth([table], fields, number_format="id",
                        facts_for=[units[0].business_name, units[11].business_name])
    return _bytes_case(
        "csv_cr_only.csv", "csv",
        'Old Mac "CSV (Macintosh)": CR-only line ends, semicolons, `Rp 15.000.000` amounts.',
        text.encode("ascii"), truth)


def case_csv_pipe() -> OfficeFile:
    units = make_units(14, first=78, id_format="99{:011d}")
    columns = (("NIB", "unit_id"), ("Nama Usaha", "business_name"), ("Kel.", "kelurahan"),
               ("Kec.", "kecamatan"), ("Kode KBLI", "kbli_code"),
               ("Thn. Daftar", "year_registered"), ("Status", "status"),
               ("Jml. TK", "workers_count"), ("Nilai Investasi", "investment_rp"),
               ("Nilai Produksi", "production_value_rp"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table, sep="|", eol="\n")
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[0].business_name, units[13].business_name])
    return _bytes_case(
        "csv_pipe.csv", "csv",
        "Web-application dump: `|` separated, LF line ends, 13-digit NIB as the id, plain "
        "digits.", text.encode("utf-8"), truth)


def case_csv_cell_linebreaks() -> OfficeFile:
    units = make_units(10, first=92)
    units[1] = replace(units[1], address=units[1].address + "\nRT 02 / RW 01")
    units[4] = replace(units[4], address=units[4].address + "\n(belakang pasar)")
    units[9] = replace(units[9], address=units[9].address + "\rRT 05")
    columns = (("No", "seq"), ("ID IKM", "unit_id"), ("Nama Usaha", "business_name"),
               ("Alamat", "address"), ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"),
               ("Tahun", "year_registered"), ("Status", "status"), ("Jml.\nTK", "workers_count"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table)
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[1].business_name, units[4].business_name,
                                   units[9].business_name, units[2].business_name],
                        notes=["Quoted cells hold line breaks (Alt+Enter in Excel): LF in the "
                               "header `Jml.\\nTK` and in two addresses, a lone CR in the last "
                               "address. They are 10 records, not more."])
    return _bytes_case(
        "csv_cell_linebreaks.csv", "csv",
        "CRLF file whose quoted cells hold line breaks: LF in a header and two addresses, a "
        "lone CR inside the last record's address.", text.encode("utf-8"), truth)


def case_csv_huge_cell() -> OfficeFile:
    units = make_units(10, first=103)
    note_piece = "catatan kunjungan lapangan, data fiktif; "
    huge = (note_piece * (2**20 // len(note_piece) + 1))[: 2**20]
    columns = (("No", "seq"), ("ID IKM", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Keterangan", lambda u, n: huge if n == 4 else "survei 2024"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table)
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[3].business_name, units[4].business_name],
                        notes=["Record 4 (line 5) has a 1 MiB Keterangan cell (quoted, with "
                               "commas). Keterangan is not a registry field; the record is a "
                               "normal unit. Python's csv module stops at 128 KiB by default."])
    return _bytes_case(
        "csv_huge_cell.csv", "csv",
        "One 1 MiB quoted cell (a pasted note) in an ignored `Keterangan` column.",
        text.encode("utf-8"), truth)


def case_csv_sep_hint() -> OfficeFile:
    units = make_units(10, first=113)
    table = Table()
    table.title(Raw("sep=;"), reason="Excel's separator hint `sep=;`, not data")
    columns = _with_money(_DIALECT_COLUMNS, id_number)
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table, sep=";")
    truth = build_truth([table], _fields(columns), number_format="id",
                        facts_for=[units[0].business_name, units[9].business_name])
    return _bytes_case(
        "csv_sep_hint.csv", "csv",
        "First line `sep=;` (Excel's separator hint), header on line 2, semicolons.",
        text.encode("utf-8"), truth)


def case_csv_cp1252() -> OfficeFile:
    units = make_units(10, first=123)
    units[0] = replace(units[0], business_name="Kafé Sélera Rasa")
    units[3] = replace(units[3], business_name="Roti Müller Contoh", kbli_code="10710",
                       category="Makanan")
    units[6] = replace(units[6], address="Jl. Contoh Mawar No. 12 – belakang masjid")
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Alamat", "address"), ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"),
               ("Tahun", "year_registered"), ("Status", "status"),
               ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi", lambda u, n: f"Rp\xa0{id_number(u.investment_rp)},-"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table, sep=";")
    truth = build_truth([table], _fields(columns) | {"investment_rp"}, number_format="id",
                        facts_for=[units[0].business_name, units[3].business_name,
                                   units[6].business_name])
    return _bytes_case(
        "csv_cp1252.csv", "csv",
        "Windows-1252 text (é, ü, an en dash, a no-break space after `Rp`), semicolons, "
        "`Rp 15.000.000,-` amounts.", text.encode("cp1252"), truth)


def case_csv_decimal_comma() -> OfficeFile:
    units = make_units(12, first=133)
    units = [replace(u, production_value_rp=u.production_value_rp + (0.5 if i % 2 else 0))
             for i, u in enumerate(units)]
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi (juta Rp)",
                lambda u, n: id_number(u.investment_rp / 1e6, 1 if u.investment_rp % 1e6 else 0)),
               ("Nilai Produksi (Rp)", lambda u, n: id_number(u.production_value_rp, 2)))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table, sep=";")
    truth = build_truth([table], _fields(columns), number_format="id",
                        facts_for=[units[0].business_name, units[1].business_name],
                        notes=["`Nilai Investasi (juta Rp)` holds millions with a decimal "
                               "comma (`12,5` = Rp 12.500.000); production has cents "
                               "(`1.250.000,50`)."])
    return _bytes_case(
        "csv_semicolon_decimal_comma.csv", "csv",
        "Semicolons with decimal commas: investment in millions (`12,5` juta), production "
        "with cents (`1.250.000,50`).", text.encode("utf-8"), truth)


def case_csv_title_block() -> OfficeFile:
    units = make_units(15, first=145)
    columns = (("No", "seq"), ("No. Registrasi", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("Kecamatan", "kecamatan"), ("", None),
               ("KBLI", "kbli_code"), ("Tahun", "year_registered"), ("Status", "status"),
               ("Tenaga Kerja", "workers_count"), ("Nilai Investasi", "investment_rp"))
    width = len(columns) + 3
    table = Table()
    table.title("DAFTAR INDUSTRI KECIL DAN MENENGAH KOTA PALANGKA RAYA")
    table.title("KEADAAN S.D. DESEMBER 2024 (DATA FIKTIF)")
    table.title("Dinas Perindustrian (contoh)")
    table.blank()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    table.total(["JUMLAH", None, None, None, None, None, None, None, None,
                 sum(u.workers_count for u in units), sum(u.investment_rp for u in units)])
    table.blank()
    table.skip(["Sumber: data fiktif untuk pengujian"], "source note below the table")
    text = render_text(table, width=width)
    truth = build_truth([table], _fields(columns), facts_for=[units[0].business_name],
                        facts={"jumlah_row_workers": sum(u.workers_count for u in units)},
                        notes=["Excel pads every line to the used range: titles and blank "
                               "lines are `text,,,,,,,`; an empty spacer column (empty header) "
                               "sits between Kecamatan and KBLI; three empty columns trail."])
    return _bytes_case(
        "csv_title_block_trailing_commas.csv", "csv",
        "Three title lines and a blank line above the header, an empty spacer column, "
        "trailing `,,,` on every line, a JUMLAH row and a source note below.",
        text.encode("utf-8"), truth)


def case_csv_combined_headers() -> OfficeFile:
    units = make_units(12, first=160)
    units = [replace(u, unit_id=f"99{u.key:011d}" if i % 3 == 0
                     else f"503/IKM/{u.year_registered}/{u.key:03d}")
             for i, u in enumerate(units)]
    columns = (("No", "seq"), ("NO. REGISTRASI / NIB", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan / Kecamatan", lambda u, n: f"{u.kelurahan} / {u.kecamatan}"),
               ("KBLI", "kbli_code"), ("Tahun", "year_registered"), ("Status", "status"),
               ("Tenaga Kerja", "workers_count"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table, sep=";")
    truth = build_truth([table], _fields(columns) | {"kelurahan", "kecamatan"},
                        facts_for=[units[0].business_name, units[1].business_name],
                        notes=["`NO. REGISTRASI / NIB` is the unit id (a registration number "
                               "or a 13-digit NIB, as written). `Kelurahan / Kecamatan` holds "
                               "both names, `Menteng / Jekan Raya`."])
    return _bytes_case(
        "csv_combined_headers.csv", "csv",
        "Combined headers: `NO. REGISTRASI / NIB` (either value) and `Kelurahan / Kecamatan` "
        "(`Menteng / Jekan Raya` in one cell).", text.encode("utf-8"), truth)


def case_csv_text_dates() -> OfficeFile:
    units = make_units(12, first=172)

    def written(u: Unit, n: int) -> str:
        d = u.registered_on
        styles = (
            f"{d.day} {BULAN[d.month - 1]} {d.year}",
            f"{BULAN[d.month - 1]} {d.year}",
            f"{d.year}/{d.month:02d}/{d.day:02d}",
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day:02d}-{d.month:02d}-{d.year}",
            f"{d.day} {BULAN_SINGKAT[d.month - 1]} {d.year}",
            f"{d.year}-{d.month:02d}-{d.day:02d}",
            f"{d.day}-{BULAN_SINGKAT[d.month - 1]}-{d.year % 100:02d}",
            f"{d.day} {BULAN[d.month - 1].upper()} {d.year}",
            f"Tahun {d.year}",
            f"{d.day}/{d.month}/{d.year}",
            f"{BULAN_SINGKAT[d.month - 1]}. {d.year}",
        )
        return styles[(n - 1) % len(styles)]

    columns = (("No", "seq"), ("ID IKM", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tgl. Daftar", written),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table)
    truth = build_truth([table], _fields(columns) | {"year_registered"},
                        facts_for=[u.business_name for u in units],
                        facts={"written_dates": [written(u, n) for n, u in enumerate(units, 1)]},
                        notes=["Dates are day-first where numeric; `17-Agu-21` has a two-digit "
                               "year (2021). Only the year is needed."])
    return _bytes_case(
        "csv_text_dates.csv", "csv",
        "`Tgl. Daftar` as Indonesian text: `17 Agustus 2021`, `Agustus 2021`, `2021/08/17`, "
        "`17/08/2021`, `17-Agu-21`, `Tahun 2021`, ...", text.encode("utf-8"), truth)


def case_csv_nik_scientific() -> OfficeFile:
    units = make_units(10, first=184)
    sci = {1, 4, 7}  # records whose NIK Excel showed as 9,971E+15 (General format) when saving

    def nik(u: Unit, n: int) -> str:
        if n in sci:
            mantissa, exponent = f"{float(u.owner_nik):.5E}".split("E")
            return f"{mantissa.rstrip('0').replace('.', ',')}E{exponent}"
        if n == 3:
            return "'" + u.owner_nik
        if n == 5:
            return " ".join(u.owner_nik[i:i + 4] for i in range(0, 16, 4))
        return u.owner_nik

    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Nama Pemilik", "owner_name"), ("NIK", nik), ("Kelurahan", "kelurahan"),
               ("KBLI", "kbli_code"), ("Tahun", "year_registered"), ("Status", "status"))
    table = Table()
    table.header(_headers(columns))
    for n, unit in enumerate(units, 1):
        warn = ([("NIK", "NIK shown in scientific notation (9,971E+15): its digits are lost "
                         "and cannot be recovered; not a duplicate key")] if n in sci else [])
        table.record(cells_of(unit, n, _keys(columns)), unit, warnings=warn)
    text = render_text(table, sep=";")
    lost = {units[n - 1].business_name: {"owner_nik": None} for n in sci}
    truth = build_truth([table], _fields(columns) | {"owner_nik"},
                        facts_for=[units[0].business_name, units[2].business_name,
                                   units[4].business_name],
                        overrides=lost,
                        notes=["Records 1, 4 and 7 carry the same text `9,971E+15` but are "
                               "three different units (different names and places): they are "
                               "not duplicates. `'9971...` (leading apostrophe) and "
                               "`9971 0000 0000 0188` (spaces) are the plain NIK."])
    return _bytes_case(
        "csv_nik_scientific.csv", "csv",
        "NIK as Excel showed it: `9,971E+15` (digits lost, three rows share it), with a "
        "leading apostrophe, with spaces.", text.encode("utf-8"), truth)


def case_csv_inf_money() -> OfficeFile:
    units = make_units(12, first=194)
    bad = {3: ("Nilai Investasi", "inf"), 6: ("Nilai Produksi", "1e300"),
           9: ("Nilai Investasi", "Infinity")}
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi", "investment_rp"), ("Nilai Produksi", "production_value_rp"))
    units[10] = replace(units[10], production_value_rp=None)
    table = Table()
    table.header(_headers(columns))
    for n, unit in enumerate(units, 1):
        cells = cells_of(unit, n, _keys(columns))
        if n == 11:
            cells[9] = "-"
        if n in bad:
            header, value = bad[n]
            cells[_headers(columns).index(header)] = value
            table.record(cells, unit, defects=[(header, f"{value!r} is not a finite amount")])
        else:
            table.record(cells, unit)
    text = render_text(table)
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[10].business_name, units[0].business_name],
                        notes=["`inf`, `1e300` and `Infinity` must be quarantined, never summed; "
                               "`-` (record 11) is an empty amount, not a defect."])
    return _bytes_case(
        "csv_inf_money.csv", "csv",
        "Money cells `inf`, `1e300`, `Infinity` (and a harmless `-`).",
        text.encode("utf-8"), truth)


# ---- 8. English-locale numbers ------------------------------------------------------------------


def case_csv_en_ambiguous() -> OfficeFile:
    units = [u for u in make_units(16, first=206) if u.key % 9][:12]
    units[0] = replace(units[0], investment_rp=45_000_000, production_value_rp=135_000_000)
    units[1] = replace(units[1], investment_rp=1_500_000, production_value_rp=6_000_000)
    units[2] = replace(units[2], investment_rp=500_000, production_value_rp=900_000)
    assert all(u.production_value_rp < 1e9 and u.investment_rp < 1e9 for u in units)

    def thousands(value: float) -> str:
        return en_number(value / 1000)

    columns = (("No", "seq"), ("ID IKM", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"),
               ("Tgl. Daftar", lambda u, n: f"{u.registered_on.month}/{u.registered_on.day}/"
                                            f"{u.year_registered}"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi (Rp 000)", lambda u, n: thousands(u.investment_rp)),
               ("Nilai Produksi (Rp 000)", lambda u, n: thousands(u.production_value_rp)))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table)

    def indonesian_reading(value: float) -> float:
        text_value = thousands(value)
        return float(text_value.replace(",", ".")) * 1000

    truth = build_truth(
        [table], _fields(columns) | {"year_registered"}, number_format="ambiguous",
        facts_for=[units[0].business_name, units[1].business_name, units[2].business_name],
        facts={"investment_total_rp_if_read_as_indonesian": round(
            sum(indonesian_reading(u.investment_rp) for u in units), 2)},
        notes=["Every amount is below a million thousand, so `45,000` fits both readings: "
               "English 45000 (x Rp 1000 = Rp 45.000.000, the truth) and Indonesian 45,0 "
               "(= Rp 45.000). The M/D/YYYY dates (`8/17/2021`) show an English-locale PC. A "
               "reader must infer English or stop and ask for --number-format; `500` reads "
               "the same either way."],
    )
    return _bytes_case(
        "csv_en_numbers_ambiguous.csv", "csv",
        "English-locale export, `Nilai Investasi (Rp 000)` = `45,000`, `1,500`: every amount "
        "fits both the English and the Indonesian reading.", text.encode("utf-8"), truth)


def case_csv_en_only() -> OfficeFile:
    units = make_units(10, first=222)
    units = [replace(u, investment_rp=u.investment_rp + (0.5 if i % 3 == 0 else 0),
                     production_value_rp=u.production_value_rp + (0.75 if i % 2 else 0))
             for i, u in enumerate(units)]
    columns = (("No", "seq"), ("ID IKM", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi (Rp)", lambda u, n: en_number(
                   u.investment_rp, 2 if n % 2 or u.investment_rp % 1 else 0)),
               ("Nilai Produksi (Rp)", lambda u, n: en_number(u.production_value_rp, 2)))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table)
    truth = build_truth([table], _fields(columns), number_format="en",
                        facts_for=[units[0].business_name, units[1].business_name])
    return _bytes_case(
        "csv_en_numbers_only_en.csv", "csv",
        "English separators that only the English reading fits: `1,500,000.50`, `2,250,000`.",
        text.encode("utf-8"), truth)


def case_csv_id_only() -> OfficeFile:
    units = make_units(10, first=232)
    units = [replace(u, production_value_rp=u.production_value_rp + (0.5 if i % 3 == 0 else 0))
             for i, u in enumerate(units)]
    styles: tuple[Callable[[float], str], ...] = (
        id_number, rupiah, lambda v: f"{id_number(v / 1e6, 2)} juta", lambda v: id_number(v, 2),
    )
    columns = (("No", "seq"), ("ID IKM", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi (Rp)", lambda u, n: styles[n % 4](u.investment_rp)),
               ("Nilai Produksi (Rp)", lambda u, n: id_number(u.production_value_rp, 2)))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table)
    truth = build_truth([table], _fields(columns), number_format="id",
                        facts_for=[units[0].business_name, units[1].business_name,
                                   units[2].business_name])
    return _bytes_case(
        "csv_id_numbers_only_id.csv", "csv",
        "Comma CSV with quoted Indonesian amounts only Indonesian reading fits: `1.500.000,50`, "
        "`2.250.000`, `Rp 15.000.000,-`, `12,50 juta`.", text.encode("utf-8"), truth)


def case_csv_float_codes() -> OfficeFile:
    units = make_units(10, first=242)
    columns = (("id_ikm", "unit_id"), ("nama_usaha", "business_name"),
               ("kelurahan", "kelurahan"), ("kbli", lambda u, n: f"{float(u.kbli_code)!r}"),
               ("tahun", lambda u, n: f"{float(u.year_registered)!r}"), ("status", "status"),
               ("tenaga_kerja", lambda u, n: f"{float(u.workers_count)!r}"),
               ("nilai_investasi", lambda u, n: f"{float(u.investment_rp)!r}"))
    table = Table()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    text = render_text(table, eol="\n")
    fields = {"unit_id", "business_name", "kelurahan", "kbli_code", "year_registered", "status",
              "workers_count", "investment_rp"}
    truth = build_truth([table], fields, number_format="en",
                        facts_for=[units[0].business_name, units[1].business_name],
                        notes=["A pandas dump: float columns written as `10710.0`, `2021.0`, "
                               "`3.0`, `15000000.0`. KBLI is 10710 (never 107100), the year "
                               "2021. A dot followed by one digit is a decimal point."])
    return _bytes_case(
        "csv_float_codes.csv", "csv",
        "Codes and counts dumped as floats: KBLI `10710.0`, year `2021.0`, workers `3.0`, "
        "money `15000000.0`.", text.encode("utf-8"), truth)


# ---- 4. Two-row headers (CSV) -------------------------------------------------------------------


_LP_COLUMNS: tuple[tuple[str | None, str | None, Any], ...] = (
    ("No", None, "seq"), ("Nama Usaha", None, "business_name"),
    ("Nama Pemilik", None, "owner_name"), ("Kelurahan", None, "kelurahan"),
    ("Kecamatan", None, "kecamatan"), ("KBLI", None, "kbli_code"),
    ("Tahun", None, "year_registered"), ("Status", None, "status"),
    ("Tenaga Kerja", "L", "workers_male"),
    (None, "P", lambda u, n: u.workers_female or "-"),
    ("Nilai Investasi (Rp)", None, "investment_rp"),
    ("Nilai Produksi (Rp)", None, "production_value_rp"),
)
_LP_FIELDS = fields_of(k for *_, k in _LP_COLUMNS) | {"workers_count"}


def _lp_table(table: Table, units: Sequence[Unit], money: Callable[[Any], object]) -> None:
    table.header([top for top, _, _ in _LP_COLUMNS])
    table.header([sub for _, sub, _ in _LP_COLUMNS])
    table.skip([f"({i})" for i in range(1, len(_LP_COLUMNS) + 1)],
               "column-number row (1) (2) (3) ... under the header")
    keys = [k for *_, k in _LP_COLUMNS]
    for n, unit in enumerate(units, 1):
        cells = cells_of(unit, n, keys)
        cells[-2:] = [money(v) for v in cells[-2:]]
        table.record(cells, unit)


def _lp_facts(units: Sequence[Unit]) -> dict[str, int]:
    return {"workers_male_total": sum(u.workers_male for u in units),
            "workers_female_total": sum(u.workers_female for u in units)}


def case_csv_two_row_header() -> OfficeFile:
    units = make_units(12, first=252)
    assert any(u.workers_female == 0 for u in units)
    table = Table()
    _lp_table(table, units, id_number)
    text = render_text(table, sep=";")
    no_women = next(u for u in units if u.workers_female == 0)
    truth = build_truth([table], _LP_FIELDS, number_format="id",
                        facts_for=[units[0].business_name, no_women.business_name],
                        facts=_lp_facts(units),
                        notes=["`Tenaga Kerja` spans L (laki-laki) and P (perempuan) on line 2; "
                               "workers = L + P; `-` in P means none. Line 3 numbers the "
                               "columns and is not a unit."])
    return _bytes_case(
        "csv_two_row_header.csv", "csv",
        "Two header lines (`Tenaga Kerja` over `L`;`P`) and a `(1);(2);...` column-number line.",
        text.encode("utf-8"), truth)


def case_csv_header_only() -> OfficeFile:
    text = ";".join(_headers(_DIALECT_COLUMNS)) + "\r\n"
    truth = refusal_truth("the file has a header row (line 1) but no data rows; nothing to "
                          "read", header_rows={None: (1,)})
    return _bytes_case("csv_header_only.csv", "csv",
                       "Header line only, no data rows.", text.encode("utf-8"), truth)


def case_empty_csv() -> OfficeFile:
    return _bytes_case("empty.csv", "empty", "A 0-byte file (failed export or upload).", b"",
                       refusal_truth("the file is empty (0 bytes); export it again"))


# ---- 2. Sheet per kecamatan ---------------------------------------------------------------------


_KEC_COLUMNS: tuple[tuple[str, str], ...] = (
    ("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
    ("Nama Pemilik", "owner_name"), ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"),
    ("Tahun", "year_registered"), ("Status", "status"), ("Tenaga Kerja", "workers_count"),
    ("Nilai Investasi", "investment_rp"),
)


def _kecamatan_sheets() -> tuple[list[Table], list[Unit]]:
    tables, everyone = [], []
    for index, kecamatan in enumerate(KECAMATAN_NAMES):
        places = [k for k, c in WILAYAH.items() if c == kecamatan]
        units = make_units(8, first=300 + 8 * index, kelurahan=places)
        table = Table(kecamatan)
        table.title(f"DATA IKM KECAMATAN {kecamatan.upper()} (DATA FIKTIF)")
        table.blank()
        table.header(_headers(_KEC_COLUMNS))
        add_units(table, units, _keys(_KEC_COLUMNS))
        tables.append(table)
        everyone += units
    return tables, everyone


def _rekap(tables: Sequence[Table]) -> Table:
    rekap = Table("REKAP")
    rekap.title("REKAPITULASI JUMLAH IKM PER KECAMATAN")
    rekap.blank()
    rekap.add(HEADER, ["No", "Kecamatan", "Jumlah IKM"])
    for n, table in enumerate(tables, 1):
        rekap.add(RECORD, [n, table.sheet, len(table.records())])
    rekap.add(RECORD, [None, "JUMLAH", sum(len(t.records()) for t in tables)])
    return rekap


def case_xlsx_sheet_per_kecamatan() -> OfficeFile:
    tables, units = _kecamatan_sheets()
    truth = build_truth(tables, _fields(_KEC_COLUMNS),
                        facts_for=[units[0].business_name, units[39].business_name],
                        notes=["Five data sheets named after the kecamatan, 8 units each; no "
                               "Kecamatan column (the sheet name and the kelurahan give it). "
                               "`No` restarts at 1 on every sheet."])
    return _workbook_case(
        "xlsx_sheet_per_kecamatan.xlsx",
        "One sheet per kecamatan (5 sheets x 8 units = 40), title row above each header.",
        lambda path: save_workbook(workbook_of(tables), path), truth)


def case_xlsx_rekap_first() -> OfficeFile:
    tables, units = _kecamatan_sheets()
    rekap = _rekap(tables)
    truth = build_truth(tables, _fields(_KEC_COLUMNS),
                        facts_for=[units[8].business_name],
                        sheets_without_data={"REKAP": "summary table (Kecamatan | Jumlah IKM), "
                                             "no registry header; its counts (8 each, 40 in "
                                             "all) agree with the data sheets"},
                        facts={"rekap_total": 40})
    return _workbook_case(
        "xlsx_rekap_then_kecamatan.xlsx",
        "A `REKAP` summary sheet (Kecamatan | Jumlah IKM) first, then the 5 kecamatan sheets.",
        lambda path: save_workbook(workbook_of(tables, [rekap]), path), truth)


def case_xlsx_rekap_only() -> OfficeFile:
    tables, _ = _kecamatan_sheets()
    rekap = _rekap(tables)
    truth = refusal_truth("the workbook holds only a summary per kecamatan (sheet REKAP: "
                          "Kecamatan | Jumlah IKM), not the list of units; ask the office for "
                          "the registry itself")
    return _workbook_case(
        "xlsx_rekap_only.xlsx", "Only the REKAP summary was sent, no registry sheet.",
        lambda path: save_workbook(workbook_of([], [rekap]), path), truth)


# ---- 3. No unit id ------------------------------------------------------------------------------


def case_xlsx_no_unit_id() -> OfficeFile:
    units = make_units(23, first=350)
    columns = (("No", "seq"), ("Nama Perusahaan", "business_name"), ("Nama Pemilik", "owner_name"),
               ("NIK", "owner_nik"), ("Alamat", "address"), ("Kelurahan", "kelurahan"),
               ("Kecamatan", "kecamatan"), ("Komoditi", "category"),
               ("Tenaga Kerja", "workers_count"), ("Nilai Investasi", "investment_rp"),
               ("Nilai Produksi", "production_value_rp"))
    table = Table("Data IKM 2024")
    table.title("DATA INDUSTRI KECIL MENENGAH KOTA PALANGKA RAYA TAHUN 2024")
    table.title("(DATA FIKTIF)")
    table.blank()
    table.header(_headers(columns))
    keys = _keys(columns)
    rows = []
    for n, unit in enumerate(units, 1):
        rows.append(table.record(cells_of(unit, n, keys), unit))
        if n == 15:
            table.copy(rows[6])  # row of No 7 pasted again, No included
    again = cells_of(units[2], 24, keys)
    again[4] = units[2].address.replace(" No. ", " ") + " RT 01"
    table.copy(rows[2], again, kind="same unit")
    truth = build_truth(
        [table], _fields(columns), facts_for=[units[2].business_name, units[6].business_name],
        notes=["No unit id: `No` is only the row sequence. Every row is a unit except the exact "
               "copy of No 7 and the second listing of No 3 (same Nama Perusahaan, Kelurahan "
               "and NIK; different No and address spelling; same numbers). No Tahun, no Status "
               "column; `Komoditi` is the product category."],
    )
    return _workbook_case(
        "xlsx_no_unit_id.xlsx",
        "The commonest office layout: `No`, `Nama Perusahaan`, ..., `Komoditi`, no id, no "
        "Tahun/Status; one exact duplicate row and one unit listed twice.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


# ---- 4. Two-row header (XLSX) -------------------------------------------------------------------


def case_xlsx_two_row_header() -> OfficeFile:
    units = make_units(15, first=380)
    table = Table("IKM 2024")
    table.title("DAFTAR IKM KOTA PALANGKA RAYA (DATA FIKTIF)")
    table.title("Keadaan Desember 2024")
    table.blank()
    _lp_table(table, units, lambda v: v)

    def finish(sheet: Any) -> None:
        for column in range(1, len(_LP_COLUMNS) + 1):
            letter = get_column_letter(column)
            if _LP_COLUMNS[column - 1][1] is None:
                sheet.merge_cells(f"{letter}4:{letter}5")
        sheet.merge_cells("I4:J4")

    table.finish = finish
    no_women = next(u for u in units if u.workers_female == 0)
    truth = build_truth([table], _LP_FIELDS, facts_for=[units[0].business_name,
                                                        no_women.business_name],
                        facts=_lp_facts(units),
                        notes=["Rows 4-5 are one header: `Tenaga Kerja` merged over I4:J4 with "
                               "`L` and `P` below; other headers merged down over rows 4-5. "
                               "Row 6 numbers the columns. Workers = L + P; `-` means none."])
    return _workbook_case(
        "xlsx_two_row_header_l_p.xlsx",
        "Merged two-row header (`Tenaga Kerja` over `L` | `P`), a `(1) (2) (3)` row below, "
        "title rows above.", lambda path: save_workbook(workbook_of([table]), path), truth)


# ---- 5. Merged kelurahan ------------------------------------------------------------------------


def case_xlsx_merged_kelurahan() -> OfficeFile:
    groups = ("Menteng", "Kalampangan", "Pahandut")
    units = []
    for index, place in enumerate(groups):
        units += make_units(6, first=400 + 6 * index, kelurahan=[place])
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("Kecamatan", "kecamatan"), ("KBLI", "kbli_code"),
               ("Tahun", "year_registered"), ("Status", "status"),
               ("Tenaga Kerja", "workers_count"), ("Nilai Investasi", "investment_rp"))
    table = Table("Registri")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))

    def finish(sheet: Any) -> None:
        for index in range(len(groups)):
            first, last = 2 + 6 * index, 7 + 6 * index
            sheet.merge_cells(f"D{first}:D{last}")
            sheet.merge_cells(f"E{first}:E{last}")

    table.finish = finish
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[0].business_name, units[5].business_name,
                                   units[11].business_name, units[17].business_name],
                        notes=["Kelurahan and Kecamatan are merged down over each group of 6 "
                               "rows (D2:D7, D8:D13, D14:D19): only the first cell of a range "
                               "holds the value, every row of the range belongs to it."])
    return _workbook_case(
        "xlsx_merged_kelurahan.xlsx",
        "Kelurahan (and Kecamatan) cells merged down over their 6 rows.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_group_headings() -> OfficeFile:
    groups = ("Menteng", "Panarung", "Kalampangan")
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Nama Pemilik", "owner_name"), ("KBLI", "kbli_code"),
               ("Tahun", "year_registered"), ("Status", "status"),
               ("Tenaga Kerja", "workers_count"), ("Nilai Investasi", "investment_rp"))
    table = Table("IKM per Kelurahan")
    table.title("DAFTAR IKM PER KELURAHAN (DATA FIKTIF)")
    table.blank()
    table.header(_headers(columns))
    heading_rows, everyone = [], []
    for index, place in enumerate(groups):
        units = make_units(5, first=420 + 5 * index, kelurahan=[place])
        everyone += units
        table.skip([f"KELURAHAN {place.upper()}"],
                   f"group heading: the rows below are in kelurahan {place}")
        heading_rows.append(len(table.rows))
        add_units(table, units, _keys(columns))
        table.total([None, f"Jumlah Kel. {place}", None, None, None, None, None,
                     sum(u.workers_count for u in units), sum(u.investment_rp for u in units)],
                    label=f"Jumlah Kel. {place}")
    table.total([None, "JUMLAH TOTAL", None, None, None, None, None,
                 sum(u.workers_count for u in everyone), sum(u.investment_rp for u in everyone)],
                label="JUMLAH TOTAL")

    def finish(sheet: Any) -> None:
        for position in heading_rows:
            sheet.merge_cells(f"A{position}:I{position}")

    table.finish = finish
    truth = build_truth([table], _fields(columns) | {"kelurahan"},
                        facts_for=[everyone[0].business_name, everyone[14].business_name],
                        notes=["No Kelurahan column: a merged heading row `KELURAHAN MENTENG` "
                               "gives the kelurahan of the rows below it, up to its `Jumlah Kel.` "
                               "subtotal. `No` restarts in every group."])
    return _workbook_case(
        "xlsx_group_heading_rows.xlsx",
        "Units grouped under merged heading rows `KELURAHAN X` (no Kelurahan column), with a "
        "subtotal per group and a grand total.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


# ---- 6. Workbook structure ----------------------------------------------------------------------


def case_xlsx_stale_dimension() -> OfficeFile:
    units = make_units(39, first=440)
    columns = (("No", "seq"), ("No. Registrasi", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("Kecamatan", "kecamatan"), ("KBLI", "kbli_code"),
               ("Tahun", "year_registered"), ("Status", "status"),
               ("Tenaga Kerja", "workers_count"), ("Nilai Investasi", "investment_rp"))
    table = Table("Data")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))

    def stale(xml: str) -> str:
        xml, count = re.subn(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:F20"/>', xml)
        assert count == 1
        return xml

    truth = build_truth([table], _fields(columns),
                        facts_for=[units[18].business_name, units[38].business_name],
                        notes=["The sheet XML says `<dimension ref=\"A1:F20\"/>` but data span "
                               "A1:J40: a reader that trusts it loses Tahun, Status, Tenaga "
                               "Kerja, Nilai Investasi and rows 21-40."])
    return _workbook_case(
        "xlsx_stale_dimension.xlsx",
        'Stale `<dimension ref="A1:F20"/>` while the data span A1:J40.',
        lambda path: save_workbook(workbook_of([table]), path,
                                   {"xl/worksheets/sheet1.xml": stale}), truth)


def case_xlsx_stray_far_cell() -> OfficeFile:
    units = make_units(12, first=480)
    columns = REGISTRY_COLUMNS
    table = Table("Registri")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    stray = Table("Registri", first_row=1048576, first_column=16384)
    stray.skip(["x"], "stray cell XFD1048576, far outside the table")

    def build(path: Path) -> Path:
        workbook = workbook_of([table])
        fill_sheet(workbook["Registri"], stray)
        return save_workbook(workbook, path)

    truth = build_truth([table], _fields(columns), facts_for=[units[11].business_name])
    truth = replace(truth, skipped_rows=(RowNote("Registri", 1048576, None, stray.rows[0].reason),),
                    notes=("A stray `x` in the far corner XFD1048576 makes the used range "
                           "A1:XFD1048576 (16384 x 1048576 cells) in a 6 KB file; a reader that "
                           "materialises the grid runs out of memory.",))
    truth.check()
    return _workbook_case("xlsx_stray_far_cell.xlsx",
                          "12 units in A1:L13 and a stray cell at XFD1048576 (the far corner).",
                          build, truth)


def case_xlsx_header_linebreaks() -> OfficeFile:
    units = make_units(12, first=492)
    columns = (("No", "seq"), ("No.\nRegistrasi", "unit_id"), ("Nama\nUsaha", "business_name"),
               (None, None), ("Kelurahan\u00a0", "kelurahan"), ("Kec. ", "kecamatan"),
               ("Kode\nKBLI", "kbli_code"), ("Tahun\nDaftar", "year_registered"),
               ("Status\nUsaha", "status"), ("Tenaga\nKerja\n(orang)", "workers_count"),
               ("Nilai Investasi\n(Rp)", "investment_rp"))
    table = Table("Data IKM", first_column=2)
    table.title("DATA IKM (DATA FIKTIF)")
    table.blank()
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[0].business_name, units[11].business_name],
                        notes=["The table starts at B3 (column A empty). Headers hold line "
                               "breaks (`Tenaga\\nKerja\\n(orang)`), a no-break space "
                               "(`Kelurahan\\u00a0`) and a trailing space; column E is an empty "
                               "spacer column with no header."])
    return _workbook_case(
        "xlsx_header_linebreaks_spacers.xlsx",
        "Table at B3; headers with line breaks, NBSP and trailing spaces; an empty spacer "
        "column.", lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_notes_sheet_first() -> OfficeFile:
    units = make_units(12, first=505)
    notes = Table("Keterangan")
    notes.add(TITLE, ["PETUNJUK PENGISIAN DATA IKM (DATA FIKTIF)"])
    notes.add(BLANK, [])
    notes.add(TITLE, ["Kolom", "Isi"])
    for column, meaning in (("Nama Usaha", "nama usaha sesuai izin"),
                            ("Kelurahan", "salah satu dari 30 kelurahan"),
                            ("KBLI", "kode KBLI 2020, 5 digit"),
                            ("Tahun", "tahun terdaftar"),
                            ("Status", "aktif / tidak aktif / tutup")):
        notes.add(TITLE, [column, meaning])
    columns = REGISTRY_COLUMNS
    table = Table("Data")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns), facts_for=[units[0].business_name],
                        sheets_without_data={"Keterangan": "filling instructions: a list of "
                                             "column names with their meaning, no registry "
                                             "table"})
    return _workbook_case(
        "xlsx_notes_sheet_first.xlsx",
        "A `Keterangan` sheet (instructions listing the column names down a column) before the "
        "data sheet.", lambda path: save_workbook(workbook_of([table], [notes]), path), truth)


def case_xlsx_hidden() -> OfficeFile:
    units = make_units(20, first=520)
    lookup = Table("ref")
    lookup.add(HEADER, ["Kelurahan", "Kecamatan", "Kode"])
    for code, (place, kecamatan) in enumerate(WILAYAH.items(), 1):
        lookup.add(RECORD, [place, kecamatan, code])
    columns = REGISTRY_COLUMNS
    table = Table("Registri")
    table.header(_headers(columns))
    rows = add_units(table, units, _keys(columns))
    hidden = [table.number_of(r) for r in rows if r.unit is not None and r.unit.status != "aktif"]

    def finish(sheet: Any) -> None:
        sheet.auto_filter.ref = f"A1:L{1 + len(units)}"
        for number in hidden:
            sheet.row_dimensions[number].hidden = True
        sheet.column_dimensions["E"].hidden = True
        sheet.protection.sheet = True
        sheet.protection.password = "contoh"

    table.finish = finish

    def build(path: Path) -> Path:
        workbook = workbook_of([table], [lookup, Table("Sheet3")], order=["ref", "Registri",
                                                                         "Sheet3"])
        workbook["ref"].sheet_state = "hidden"
        workbook.active = 1
        return save_workbook(workbook, path)

    truth = build_truth([table], _fields(columns),
                        facts_for=[rows[0].unit.business_name,
                                   next(r.unit.business_name for r in rows
                                        if table.number_of(r) == hidden[0])],
                        sheets_without_data={"ref": "hidden lookup list (Kelurahan | Kecamatan "
                                             "| Kode) behind the drop-downs, not units",
                                             "Sheet3": "empty"},
                        facts={"hidden_rows": hidden},
                        notes=["A filter (Status = aktif) hides rows "
                               f"{', '.join(map(str, hidden))}: they are still records. Column "
                               "E (NIK) is hidden; the sheet is protected (it can still be "
                               "read). The first sheet, `ref`, is hidden."])
    return _workbook_case(
        "xlsx_hidden_sheet_rows.xlsx",
        "A hidden lookup sheet first, rows hidden by an autofilter, a hidden NIK column, a "
        "protected sheet, an empty Sheet3.", build, truth)


# ---- Formulas, totals, errors -------------------------------------------------------------------


def _formula_layout(name: str) -> tuple[Table, list[Unit], dict[str, int]]:
    units = make_units(12, first=545)
    headers = ["No", "No. Reg", "Nama Usaha", "Kelurahan", "KBLI", "Tahun", "Status", "TK L",
               "TK P", "Jml. TK", "Nilai Investasi", "Nilai Produksi"]
    table = Table(name)
    table.title("DAFTAR IKM KOTA PALANGKA RAYA (DATA FIKTIF)")
    table.blank()
    table.header(headers)
    cached: dict[str, int] = {}
    first = 4
    for n, unit in enumerate(units, 1):
        row = first + n - 1
        table.record([n, unit.unit_id, unit.business_name, unit.kelurahan, unit.kbli_code,
                      unit.year_registered, unit.status_written, unit.workers_male,
                      unit.workers_female, f"=H{row}+I{row}", unit.investment_rp,
                      unit.production_value_rp], unit)
        cached[f"J{row}"] = unit.workers_count
    last = first + len(units) - 1
    total_row = last + 1
    sums = {"H": sum(u.workers_male for u in units), "I": sum(u.workers_female for u in units),
            "J": sum(u.workers_count for u in units), "K": sum(u.investment_rp for u in units),
            "L": sum(u.production_value_rp for u in units)}
    table.total(["JUMLAH", None, None, None, None, None, None,
                 *[f"=SUM({c}{first}:{c}{last})" for c in "HIJKL"]])
    cached.update({f"{c}{total_row}": v for c, v in sums.items()})
    table.blank()
    for line in ("Palangka Raya, 31 Desember 2024", "Kepala Bidang Perindustrian (contoh)"):
        table.skip([None] * 9 + [line], "signature block below the table")
    table.blank()
    table.blank()
    table.skip([None] * 9 + ["CONTOH Nama Pejabat"], "signature block below the table")
    table.skip([None] * 9 + ["NIP. 990000000000000001"], "signature block below the table")
    return table, units, cached


def case_xlsx_formulas_cached() -> OfficeFile:
    table, units, cached = _formula_layout("Data")
    fields = {"unit_id", "business_name", "kelurahan", "kbli_code", "year_registered", "status",
              "workers_count", "investment_rp", "production_value_rp"}
    truth = build_truth([table], fields, facts_for=[units[0].business_name],
                        facts={"jumlah_row_workers": sum(u.workers_count for u in units),
                               **_lp_facts(units)},
                        notes=["`Jml. TK` is `=H4+I4` (L + P) with the value Excel cached; the "
                               "JUMLAH row holds `=SUM(...)` formulas. A signature block sits "
                               "below the table (rows 18-23)."])
    return _workbook_case(
        "xlsx_formulas_cached.xlsx",
        "Formulas with cached values (`Jml. TK = L + P`), a JUMLAH row of `=SUM()`, a "
        "signature block below.",
        lambda path: save_workbook(workbook_of([table]), path,
                                   {"xl/worksheets/sheet1.xml": cached_values(cached)}), truth)


def case_xlsx_formulas_uncached() -> OfficeFile:
    table, units, _ = _formula_layout("Data")
    fields = {"unit_id", "business_name", "kelurahan", "kbli_code", "year_registered", "status",
              "workers_count", "investment_rp", "production_value_rp"}
    truth = build_truth([table], fields, facts_for=[units[0].business_name],
                        facts={"jumlah_row_workers": sum(u.workers_count for u in units)},
                        notes=["Written by a program, never opened in Excel: the formulas have "
                               "no cached values (a values-only reader sees empty cells). Excel "
                               "would show L + P. Acceptable: evaluate these simple formulas, "
                               "or use TK L + TK P, or flag the cells as not calculated; never "
                               "read them as 0 or blank silently."])
    return _workbook_case(
        "xlsx_formulas_no_cache.xlsx",
        "The same formulas with no cached values (file written by a script).",
        lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_cell_errors() -> OfficeFile:
    units = make_units(14, first=560)
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi", "investment_rp"), ("Nilai Produksi", "production_value_rp"),
               ("Keterangan", lambda u, n: "-"))
    errors = {3: ("Kelurahan", "#N/A"), 6: ("Nilai Investasi", "#REF!"),
              8: ("Nilai Produksi", "#DIV/0!"), 10: ("Tenaga Kerja", "#VALUE!")}
    headers = _headers(columns)
    table = Table("Data")
    table.header(headers)
    for n, unit in enumerate(units, 1):
        cells = cells_of(unit, n, _keys(columns))
        if n == 12:
            cells[-1] = "#NAME?"
        if n in errors:
            header, error = errors[n]
            cells[headers.index(header)] = error
            table.record(cells, unit, defects=[(header, f"cell error {error}")])
        else:
            table.record(cells, unit)
    truth = build_truth([table], _fields(columns), facts_for=[units[11].business_name],
                        notes=["Error cells (#N/A, #REF!, #DIV/0!, #VALUE!) in registry fields "
                               "make their rows defective; `#NAME?` in the ignored Keterangan "
                               "column (row 13) does not."])
    return _workbook_case(
        "xlsx_cell_errors.xlsx", "Error cells `#N/A`, `#REF!`, `#DIV/0!`, `#VALUE!`, `#NAME?`.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_numeric_codes() -> OfficeFile:
    units = make_units(10, first=575)
    numeric = range(1, 6)  # records 1-5: NIK and phone typed as numbers

    def nik(u: Unit, n: int) -> object:
        if n in numeric:
            return Fmt(float(f"{float(u.owner_nik):.14e}"), "0")  # Excel keeps 15 digits
        return u.owner_nik

    def phone(u: Unit, n: int) -> object:
        return int(u.phone.replace("-", "")) if n in numeric else u.phone

    columns = (("No", "seq"), ("No. Registrasi", lambda u, n: 1000 + u.key),
               ("Nama Usaha", "business_name"), ("NIK", nik), ("No. HP", phone),
               ("Kelurahan", "kelurahan"), ("KBLI", lambda u, n: None if n == 7
                                            else float(u.kbli_code)),
               ("Jenis Produk", "category"), ("Tahun", lambda u, n: float(u.year_registered)),
               ("Status", "status"), ("Tenaga Kerja", lambda u, n: float(u.workers_count)),
               ("Nilai Investasi", "investment_rp"))
    table = Table("Data")
    table.header(_headers(columns))
    units = [replace(u, unit_id=str(1000 + u.key)) for u in units]
    for n, unit in enumerate(units, 1):
        warn = []
        if n in numeric:
            warn = [("NIK", "NIK stored as a number: Excel keeps 15 digits, the 16th is lost"),
                    ("No. HP", "phone stored as a number: its leading 0 is lost")]
        table.record(cells_of(unit, n, _keys(columns)), unit, warnings=warn)
    fields = {"unit_id", "business_name", "owner_nik", "phone", "kelurahan", "kbli_code",
              "category", "year_registered", "status", "workers_count", "investment_rp"}
    lost = {units[n - 1].business_name: {"owner_nik": None} for n in numeric}
    no_kbli = {units[6].business_name: {"kbli_code": None}}
    truth = build_truth([table], fields,
                        facts_for=[units[0].business_name, units[6].business_name,
                                   units[9].business_name],
                        overrides={**lost, **no_kbli},
                        notes=["Codes as number cells: No. Registrasi 1575, KBLI 10710 (a "
                               "blank KBLI in row 8 makes pandas read the column as 10710.0), "
                               "Tahun 2021.0, Tenaga Kerja 3.0. Rows 2-6: NIK and phone typed "
                               "as numbers (16th digit and leading zero lost); rows 7-11 hold "
                               "them as text. Row 8 has no KBLI but a Jenis Produk."])
    return _workbook_case(
        "xlsx_numeric_codes.xlsx",
        "Id, KBLI, year and workers as number cells (`10710.0`), NIK and phone as numbers "
        "(digits lost).", lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_serial_dates() -> OfficeFile:
    units = make_units(12, first=590)
    units[0] = replace(units[0], registered_on=dt.date(2024, 1, 1))

    def registered(u: Unit, n: int) -> object:
        if n == 6:
            return Fmt(dt.datetime.combine(u.registered_on, dt.time()), "dd/mm/yyyy")
        if n == 9:
            return u.registered_on.strftime("%d/%m/%Y")
        return Fmt(excel_serial(u.registered_on), "0" if n % 2 else "General")

    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tgl. Daftar", registered),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"))
    table = Table("Data")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns) | {"year_registered"},
                        facts_for=[units[0].business_name, units[5].business_name,
                                   units[8].business_name, units[1].business_name],
                        notes=["`Tgl. Daftar` holds Excel serial numbers formatted as numbers "
                               "(45292 = 2024-01-01), except row 7 (a real date cell) and row "
                               "10 (text `dd/mm/yyyy`). 45292 is not a year."])
    return _workbook_case(
        "xlsx_serial_dates.xlsx",
        "Excel date serials (`45292` = 2024-01-01) in a date column formatted as number.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_money_scales() -> OfficeFile:
    units = make_units(12, first=605)
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"), ("Tenaga Kerja", "workers_count"),
               ("Nilai Investasi (Rp 000)", lambda u, n: u.investment_rp // 1000),
               ("Nilai Produksi (juta Rp)", lambda u, n: u.production_value_rp / 1e6))
    table = Table("Data")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[0].business_name, units[1].business_name],
                        notes=["Number cells in stated units: `(Rp 000)` thousands (15000 = "
                               "Rp 15.000.000), `(juta Rp)` millions with decimals (37.5 = "
                               "Rp 37.500.000)."])
    return _workbook_case(
        "xlsx_money_scales.xlsx",
        "Money as number cells in `(Rp 000)` and `(juta Rp)`: a 1000x error shows at once.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


# ---- 9. Two columns of one meaning --------------------------------------------------------------


def case_xlsx_two_addresses() -> OfficeFile:
    units = make_units(10, first=620)
    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Nama Pemilik", "owner_name"), ("Alamat Usaha", "address"),
               ("Alamat Pemilik", lambda u, n: f"Jl. Contoh Rumah {STREETS[(u.key + 3) % 8]} "
                                               f"No. {2 + u.key % 30}"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", "year_registered"),
               ("Status", "status"))
    table = Table("Data")
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[0].business_name, units[1].business_name],
                        notes=["`Alamat Usaha` is the business address (the unit's address); "
                               "`Alamat Pemilik` is the owner's home, another column of the same "
                               "kind. Neither may be dropped silently, and the file is not "
                               "unusable because both mean 'address'."])
    return _workbook_case(
        "xlsx_two_address_columns.xlsx", "`Alamat Usaha` and `Alamat Pemilik` side by side.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_tahun_and_tgl() -> OfficeFile:
    units = make_units(12, first=632)

    def year(u: Unit, n: int) -> object:
        if n == 4:
            return None
        if n == 8:
            return u.year_registered - 1
        return u.year_registered

    columns = (("No", "seq"), ("No. Reg", "unit_id"), ("Nama Usaha", "business_name"),
               ("Kelurahan", "kelurahan"), ("KBLI", "kbli_code"), ("Tahun", year),
               ("Tgl. Daftar", lambda u, n: Fmt(dt.datetime.combine(u.registered_on, dt.time()),
                                                "dd/mm/yyyy")),
               ("Status", "status"))
    table = Table("Data")
    table.header(_headers(columns))
    for n, unit in enumerate(units, 1):
        cells = cells_of(unit, n, _keys(columns))
        defects = []
        if n == 8:
            defects = [("Tahun", f"Tahun {unit.year_registered - 1} and Tgl. Daftar "
                                 f"{unit.registered_on:%d/%m/%Y} disagree")]
        table.record(cells, unit, defects=defects)
    truth = build_truth([table], _fields(columns) | {"year_registered"},
                        facts_for=[units[3].business_name, units[0].business_name],
                        notes=["`Tahun` and `Tgl. Daftar` both give the registration year and "
                               "agree except row 9 (a defect to report). Row 5 has no Tahun: the "
                               "date gives it."])
    return _workbook_case(
        "xlsx_tahun_and_tgl_daftar.xlsx",
        "`Tahun` and `Tgl. Daftar` both present: one row blank in Tahun, one disagreeing.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


def case_xlsx_repeated_header() -> OfficeFile:
    units = make_units(30, first=645)
    columns = REGISTRY_COLUMNS
    table = Table("Cetak")
    table.title("DAFTAR IKM KOTA PALANGKA RAYA (DATA FIKTIF)")
    table.title("Dicetak dari aplikasi, disalin ke Excel")
    table.blank()
    numbers = [f"({i})" for i in range(1, len(columns) + 1)]
    for page, chunk in enumerate((units[:12], units[12:24], units[24:]), 1):
        if page == 1:
            table.header(_headers(columns))
        else:
            table.blank()
            table.skip(_headers(columns), "header repeated at a page break (copied printout)")
        table.skip(numbers, "column-number row (1) (2) (3) ...")
        add_units(table, chunk, _keys(columns), first_seq=1 + 12 * (page - 1))
        table.skip([f"Halaman {page} dari 3"], "page footer")
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[12].business_name, units[29].business_name],
                        notes=["A printout pasted into Excel: the header and the column-number "
                               "row repeat on every page, each page ends with `Halaman n dari "
                               "3`. 30 records."])
    return _workbook_case(
        "xlsx_repeated_header_pages.xlsx",
        "Header and `(1) (2) ...` row repeated at every page break, page footers, 3 pages.",
        lambda path: save_workbook(workbook_of([table]), path), truth)


# ---- Files that are not what their name says, or not usable -------------------------------------


def case_xlsx_really_csv() -> OfficeFile:
    units = make_units(8, first=680)
    table, fields = _dialect_table(units, id_number)
    text = render_text(table, sep=";")
    truth = build_truth([table], fields, number_format="id",
                        facts_for=[units[0].business_name],
                        notes=["A semicolon CSV renamed to .xlsx (Excel opens it after a "
                               "warning). Read it as CSV, or refuse saying it is text, not a "
                               "workbook; never 'damaged workbook'."])
    return _bytes_case("xlsx_really_csv.xlsx", "csv",
                       "A semicolon CSV file renamed to `.xlsx`.", text.encode("utf-8"), truth)


def case_xlsx_encrypted() -> OfficeFile:
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
           'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
           'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
           'saltValue="Q09OVE9IIERBVEEgRklLVEk="/>'
           '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/'
           'keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" '
           'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
           'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
           'saltValue="RklLVElGIFNBTFQgMDAwMQ=="/></keyEncryptor></keyEncryptors></encryption>')
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode()
    info += b" " * (4096 - len(info))  # whitespace after the XML keeps it out of the mini stream
    package = struct.pack("<Q", 6000) + _pseudo_random(6000, "ikm-corpus-encrypted")
    data = compound_file([("EncryptionInfo", info), ("EncryptedPackage", package)])
    truth = refusal_truth(
        "the workbook is protected with a password (encrypted): remove the password in Excel "
        "(File > Info > Protect Workbook > Encrypt with Password, clear it), save and send it "
        "again; it is not damaged",
        notes=["An OLE2 compound file with EncryptionInfo and EncryptedPackage streams, as "
               "Excel writes password-protected workbooks; the ciphertext is random bytes, so "
               "no password opens it."])
    return _bytes_case("xlsx_encrypted.xlsx", "cfb-encrypted",
                       "Password-protected workbook (OLE2 container, not a ZIP).", data, truth)


def case_xlsx_truncated() -> OfficeFile:
    units = make_units(12, first=690)
    table = Table("Data")
    table.header(_headers(REGISTRY_COLUMNS))
    add_units(table, units, _keys(REGISTRY_COLUMNS))

    def build(path: Path) -> Path:
        save_workbook(workbook_of([table]), path)
        data = path.read_bytes()
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/worksheets/sheet1.xml")
        cut = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
        path.write_bytes(data[:cut])
        return path

    truth = refusal_truth("the workbook is damaged: the file ends in the middle (an interrupted "
                          "download or attachment); ask for it again",
                          notes=["A 12-unit workbook cut in the middle of its sheet XML; the "
                                 "ZIP central directory is gone."])
    return _workbook_case("xlsx_truncated.xlsx", "A workbook cut short in the middle of the sheet.",
                          build, truth, kind="zip-truncated")


def case_empty_xlsx() -> OfficeFile:
    return _bytes_case("empty.xlsx", "empty", "A 0-byte `.xlsx`.", b"",
                       refusal_truth("the file is empty (0 bytes), not a workbook; export it "
                                     "again"))


# ---- Other formats ------------------------------------------------------------------------------


def _parquet_base(units: Sequence[Unit]) -> dict[str, pa.Array]:
    return {
        "ID IKM": pa.array([u.unit_id for u in units], pa.string()),
        "Nama Usaha": pa.array([u.business_name for u in units], pa.string()),
        "Kelurahan": pa.array([u.kelurahan for u in units], pa.string()),
        "Kecamatan": pa.array([u.kecamatan for u in units], pa.string()),
        "KBLI": pa.array([u.kbli_code for u in units], pa.string()),
        "Tahun": pa.array([u.year_registered for u in units], pa.int16()),
        "Status": pa.array([u.status for u in units], pa.string()),
        "Tenaga Kerja": pa.array([u.workers_count for u in units], pa.int32()),
    }


def _parquet_table(units: Sequence[Unit]) -> Table:
    table = Table()
    for unit in units:
        table.record([], unit)
    return table


_PARQUET_FIELDS = {"unit_id", "business_name", "kelurahan", "kecamatan", "kbli_code",
                   "year_registered", "status", "workers_count"}


def case_parquet_decimal() -> OfficeFile:
    units = make_units(20, first=700)
    units[3] = replace(units[3], investment_rp=None)
    units[5] = replace(units[5], investment_rp=units[5].investment_rp + 0.5)
    columns = _parquet_base(units)
    money = pa.decimal128(18, 2)
    columns["Nilai Investasi"] = pa.array(
        [None if u.investment_rp is None else Decimal(str(u.investment_rp)) for u in units], money)
    columns["Nilai Produksi"] = pa.array([Decimal(u.production_value_rp) for u in units], money)
    data = pa.table(columns)
    fields = _PARQUET_FIELDS | {"investment_rp", "production_value_rp"}
    truth = build_truth([_parquet_table(units)], fields,
                        facts_for=[units[3].business_name, units[5].business_name],
                        notes=["Money columns are DECIMAL(18,2); record 4 has a null "
                               "investment (unknown, not a defect)."])
    return OfficeFile("parquet_decimal_money.parquet", "parquet",
                      "Parquet with DECIMAL(18,2) money columns and a null amount.",
                      lambda folder: write_parquet(data, folder / "parquet_decimal_money.parquet"),
                      truth)


def case_parquet_nested() -> OfficeFile:
    units = make_units(15, first=720)
    columns = _parquet_base(units)
    columns["Nilai Investasi"] = pa.array([u.investment_rp for u in units], pa.int64())
    columns["Produk"] = pa.array([[u.category, u.business_name.split()[0]] for u in units],
                                 pa.list_(pa.string()))
    columns["Lokasi"] = pa.array(
        [{"lat": -2.2 - u.key % 10 / 100, "lon": 113.9 + u.key % 10 / 100} for u in units],
        pa.struct([("lat", pa.float64()), ("lon", pa.float64())]))
    data = pa.table(columns)
    truth = build_truth([_parquet_table(units)], _PARQUET_FIELDS | {"investment_rp"},
                        facts_for=[units[0].business_name],
                        notes=["`Produk` is list<string> and `Lokasi` struct<lat, lon>: not "
                               "registry fields; ignore them (say so), never crash on them."])
    return OfficeFile("parquet_nested_column.parquet", "parquet",
                      "Parquet with a list column and a struct column.",
                      lambda folder: write_parquet(data, folder / "parquet_nested_column.parquet"),
                      truth)


def case_parquet_inf() -> OfficeFile:
    units = make_units(12, first=740)
    bad = {3: float("inf"), 6: 1e300, 9: float("-inf")}
    units[10] = replace(units[10], investment_rp=None)
    columns = _parquet_base(units)
    columns["Nilai Investasi"] = pa.array(
        [bad.get(n, None if u.investment_rp is None else float(u.investment_rp))
         for n, u in enumerate(units, 1)], pa.float64())
    data = pa.table(columns)
    table = Table()
    for n, unit in enumerate(units, 1):
        defects = [("Nilai Investasi", f"{bad[n]!r} is not a finite amount")] if n in bad else []
        table.record([], unit, defects=defects)
    truth = build_truth([table], _PARQUET_FIELDS | {"investment_rp"},
                        facts_for=[units[10].business_name, units[0].business_name],
                        notes=["Float money with inf, 1e300 and -inf (quarantine them) and a "
                               "null (record 11: unknown, fine)."])
    return OfficeFile("parquet_inf_money.parquet", "parquet",
                      "Parquet float money with `inf`, `1e300`, `-inf` and a null.",
                      lambda folder: write_parquet(data, folder / "parquet_inf_money.parquet"),
                      truth)


def case_xls_html() -> OfficeFile:
    units = make_units(10, first=760)
    table = Table()  # Excel names the one sheet after the file
    table.title("DATA IKM KOTA PALANGKA RAYA (DATA FIKTIF)")
    columns = _with_money(_DIALECT_COLUMNS, id_number)
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns), number_format="id",
                        facts_for=[units[0].business_name, units[9].business_name],
                        notes=["An HTML table saved with a .xls name (Excel opens it with a "
                               "warning; each <tr> is a row). A reader that does not read HTML "
                               "must say it is an HTML table, not an old binary workbook."])
    data = html_table(table, "Data IKM")
    return _bytes_case("xls_html_table.xls", "html",
                       "Web-application export: an HTML `<table>` saved as `.xls`.", data, truth)


def case_xls_spreadsheetml() -> OfficeFile:
    units = make_units(10, first=772)
    table = Table("Data IKM")
    columns = REGISTRY_COLUMNS
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    truth = build_truth([table], _fields(columns),
                        facts_for=[units[0].business_name],
                        notes=["XML Spreadsheet 2003 (SpreadsheetML) saved as .xls: XML text, "
                               "neither ZIP nor OLE2. Read it, or name the format when "
                               "refusing."])
    return _bytes_case("xls_spreadsheetml_2003.xls", "spreadsheetml",
                       "XML Spreadsheet 2003 saved as `.xls` (another web-app export).",
                       spreadsheetml([table]), truth)


def case_ods() -> OfficeFile:
    units = make_units(10, first=784)
    table = Table("Data IKM")
    columns = REGISTRY_COLUMNS
    table.header(_headers(columns))
    add_units(table, units, _keys(columns))
    empty = Table("Sheet2")
    truth = build_truth([table], _fields(columns), facts_for=[units[0].business_name],
                        sheets_without_data={"Sheet2": "empty"},
                        notes=["OpenDocument spreadsheet as LibreOffice writes it: below the "
                               "data one empty row repeated 1048000 times and 1024 columns per "
                               "row; do not expand them."])
    return _workbook_case("registri_libreoffice.ods",
                          "LibreOffice `.ods` with huge repeated empty rows/columns.",
                          lambda path: ods_workbook([table, empty], path), truth, kind="ods")


#: Every case, in the order of the README.
CASES: tuple[OfficeFile, ...] = (
    case_csv_unclosed_quote(),
    case_csv_quotes_inside_fields(),
    case_xlsx_sheet_per_kecamatan(),
    case_xlsx_rekap_first(),
    case_xlsx_rekap_only(),
    case_xlsx_no_unit_id(),
    case_xlsx_two_row_header(),
    case_csv_two_row_header(),
    case_xlsx_merged_kelurahan(),
    case_xlsx_group_headings(),
    case_xlsx_stale_dimension(),
    case_xlsx_stray_far_cell(),
    case_csv_utf16_tab(),
    case_csv_cr_only(),
    case_csv_pipe(),
    case_csv_cell_linebreaks(),
    case_csv_huge_cell(),
    case_csv_sep_hint(),
    case_csv_cp1252(),
    case_csv_decimal_comma(),
    case_csv_en_ambiguous(),
    case_csv_en_only(),
    case_csv_id_only(),
    case_csv_float_codes(),
    case_xlsx_two_addresses(),
    case_xlsx_tahun_and_tgl(),
    case_csv_combined_headers(),
    case_xlsx_serial_dates(),
    case_csv_text_dates(),
    case_xlsx_numeric_codes(),
    case_csv_nik_scientific(),
    case_parquet_decimal(),
    case_parquet_nested(),
    case_csv_inf_money(),
    case_parquet_inf(),
    case_xlsx_money_scales(),
    case_csv_title_block(),
    case_xlsx_header_linebreaks(),
    case_xlsx_notes_sheet_first(),
    case_xlsx_hidden(),
    case_xlsx_formulas_cached(),
    case_xlsx_formulas_uncached(),
    case_xlsx_cell_errors(),
    case_xlsx_repeated_header(),
    case_xls_html(),
    case_xls_spreadsheetml(),
    case_ods(),
    case_xlsx_really_csv(),
    case_xlsx_encrypted(),
    case_xlsx_truncated(),
    case_csv_header_only(),
    case_empty_csv(),
    case_empty_xlsx(),
)

assert len({case.name for case in CASES}) == len(CASES), "case names must be unique"


def case(name: str) -> OfficeFile:
    """The case with this file name."""
    return next(c for c in CASES if c.name == name)
