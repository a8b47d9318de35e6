"""The messy XLSX twin of the synthetic registry: same units, written the way offices write.

Every unit of the synthetic registry appears once, in a spelling the cleaning must undo: title
rows above the header and a notes sheet before the data sheet, variant headers (``Kel.``,
``Jml. TK``, investment in thousands of rupiah), region names in capitals, with ``Kel.``/``Kec.``
prefixes or as published aliases, category aliases, Indonesian number formats (``Rp 31.000.000``,
``31,5 juta``), dates for years, varied status and yes/no words. Cleaning the twin gives back the
same clean table as cleaning the Parquet file.

Extra rows are mixed in, each with one known defect (unknown kelurahan, retail KBLI, a year out
of range, a copied row, ...), plus blank rows and a ``JUMLAH`` line; :class:`MessyWorkbook` lists
the reason each must be quarantined with, by sheet row, so tests can check every one.

Example:
    >>> from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry
    >>> registry = generate_sample_registry(SampleSpec.scaled(120))
    >>> rows = build_messy_rows(registry, seed=1)
    >>> len([fate for _, fate in rows if fate == "clean"])
    120
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ikm_analysis.reference import load_category_aliases, load_region_aliases
from ikm_analysis.sample.synthetic import SAMPLE_HEADERS, SYNTHETIC_LABEL, category_wording_codes

#: Messy headers, in sheet order: canonical column -> header as written.
MESSY_HEADERS: dict[str, str] = {
    "row_number": "No",
    "unit_id": "No. Reg",
    "business_name": "Nama Usaha",
    "owner_name": "Pemilik",
    "owner_nik": "NIK Pemilik",
    "phone": "HP/WA",
    "address": "Alamat Usaha",
    "kelurahan": "Kel.",
    "kecamatan": "Kec.",
    "kbli_code": "KBLI",
    "category": "Jenis Produk",
    "year_registered": "Thn. Daftar",
    "year_closed": "Tahun Tutup",
    "status": "Status Usaha",
    "workers_count": "Jml. TK",
    "investment_rp": "Nilai Investasi (Rp 000)",
    "production_value_rp": "Nilai Produksi",
    "sentra_member": "Sentra IKM",
}

TITLE_ROWS = (
    f"{SYNTHETIC_LABEL} - BUKAN DATA RESMI",
    "DAFTAR INDUSTRI KECIL MENENGAH KOTA PALANGKA RAYA (contoh sintetis)",
    "Keadaan s.d. Desember 2024",
)
HEADER_ROW = len(TITLE_ROWS) + 2  # one empty row between titles and header

#: Defects mixed in, with how many rows of each.
DEFECTS: dict[str, int] = {
    "unknown_kelurahan": 5, "kelurahan_not_in_kecamatan": 4, "kbli_not_manufacturing": 4,
    "year_out_of_range": 4, "negative_value": 4, "not_integer": 4, "invalid_number": 4,
    "unknown_status": 4, "active_but_closed": 4, "duplicate_row": 5, "duplicate_unit_id": 4,
    "missing_value": 4,
}

_STATUS_WORDS = {"Aktif": ("Aktif", "aktif", "AKTIF", "Masih Aktif", "A"),
                 "Tidak Aktif": ("Tidak Aktif", "tutup", "Non Aktif", "berhenti", "TA")}
_YES_NO_WORDS = {"Ya": ("Ya", "ya", "Anggota", "Y"), "Tidak": ("Tidak", "tdk", "Bukan", "T")}
_FIXED_TIME = (2024, 12, 31, 0, 0, 0)


@dataclass(frozen=True)
class MessyWorkbook:
    """What was written: the file and the fate expected for each sheet row.

    Attributes:
        path: The workbook.
        sheet: Name of the data sheet.
        expected: Sheet row number -> ``"clean"`` or the reason code it must be quarantined with
            (``total_row`` for the JUMLAH line).
    """

    path: Path
    sheet: str
    expected: dict[int, str]

    def counts(self) -> Counter[str]:
        """How many rows of each fate."""
        return Counter(self.expected.values())


def _pick(rng: np.random.Generator, options: tuple[str, ...] | list[str]) -> str:
    return str(options[int(rng.integers(len(options)))])


def _region(rng: np.random.Generator, name: str, level: str, aliases: dict[str, list[str]]
            ) -> str | None:
    prefix = "Kel." if level == "kelurahan" else "Kec."
    draw = rng.random()
    if draw < 0.1 and aliases.get(name):
        return _pick(rng, aliases[name])
    if draw < 0.25:
        return name.upper()
    if draw < 0.4:
        return f"{prefix} {name}"
    if draw < 0.5:
        return name.lower()
    if level == "kecamatan" and draw < 0.7:
        return None  # the cleaning derives it from the kelurahan
    return name


def _id_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _money(rng: np.random.Generator, rupiah: object) -> object:
    if pd.isna(rupiah):
        return None
    value = int(rupiah)
    draw = rng.random()
    if draw < 0.3:
        return f"Rp {_id_number(value)}"
    if draw < 0.5 and value % 100_000 == 0:
        millions = value / 1e6
        text = f"{millions:.0f}" if millions.is_integer() else f"{millions:.1f}".replace(".", ",")
        return f"{text} {_pick(rng, ('juta', 'jt'))}"
    if draw < 0.7:
        return _id_number(value)
    return value


def _year(rng: np.random.Generator, year: object) -> object:
    if pd.isna(year):
        return None
    draw = rng.random()
    if draw < 0.2:
        return dt.datetime(int(year), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
    if draw < 0.4:
        return str(int(year))
    return int(year)


def _messy_cells(rng: np.random.Generator, unit: pd.Series, category_aliases: dict[str, list[str]],
                 region_aliases: dict[str, list[str]]) -> dict[str, object]:
    investment = unit["investment_rp"]
    workers = unit["workers_count"]
    return {
        "unit_id": unit["unit_id"],
        "business_name": unit["business_name"],
        "owner_name": unit["owner_name"],
        "owner_nik": unit["owner_nik"],
        "phone": unit["phone"],
        "address": unit["address"],
        "kelurahan": _region(rng, unit["kelurahan"], "kelurahan", region_aliases),
        "kecamatan": _region(rng, unit["kecamatan"], "kecamatan", region_aliases),
        "kbli_code": (int(unit["kbli_code"]) if rng.random() < 0.2 else
                      f"{unit['kbli_code'][:2]}.{unit['kbli_code'][2:]}" if rng.random() < 0.1
                      else unit["kbli_code"]),
        "category": _pick(rng, category_aliases[unit["category"]]),
        "year_registered": _year(rng, unit["year_registered"]),
        "year_closed": _year(rng, unit["year_closed"]),
        "status": _pick(rng, _STATUS_WORDS[unit["status"]]),
        "workers_count": (None if pd.isna(workers) else
                          str(int(workers)) if rng.random() < 0.3 else int(workers)),
        "investment_rp": (None if pd.isna(investment) else
                          _id_number(int(investment) // 1000) if rng.random() < 0.5
                          else int(investment) // 1000),
        "production_value_rp": _money(rng, unit["production_value_rp"]),
        "sentra_member": _pick(rng, _YES_NO_WORDS[unit["sentra_member"]]),
    }


def _typo(rng: np.random.Generator, name: str, known: set[str]) -> str:
    for _ in range(50):
        position = int(rng.integers(1, len(name) - 1))
        typo = name[:position] + name[position + 1:]
        if re.sub(r"\W", "", typo.casefold()) not in known:
            return typo
    return name + "x"


def _defective(rng: np.random.Generator, defect: str, cells: dict[str, object], unit: pd.Series,
               serial: int, known_kelurahan: set[str], kecamatan: list[str]) -> dict[str, object]:
    cells = dict(cells)
    if defect not in ("duplicate_row", "duplicate_unit_id"):
        cells["unit_id"] = f"SIN-X-{serial:04d}"
    if defect == "unknown_kelurahan":
        cells["kelurahan"] = _typo(rng, str(unit["kelurahan"]), known_kelurahan)
    elif defect == "kelurahan_not_in_kecamatan":
        cells["kecamatan"] = _pick(rng, [k for k in kecamatan if k != unit["kecamatan"]])
    elif defect == "kbli_not_manufacturing":
        cells["kbli_code"] = "47111"
    elif defect == "year_out_of_range":
        cells["year_registered"], cells["year_closed"] = 2031, None
    elif defect == "negative_value":
        cells["investment_rp"] = "-5.000"
    elif defect == "not_integer":
        cells["workers_count"] = "2,5"
    elif defect == "invalid_number":
        cells["production_value_rp"] = "tiga juta"
    elif defect == "unknown_status":
        cells["status"] = "buka"
    elif defect == "active_but_closed":
        cells["status"], cells["year_closed"] = "Aktif", int(unit["year_registered"]) + 1
    elif defect == "duplicate_unit_id":
        cells["business_name"] = f"{unit['business_name']} Cabang"
    elif defect == "missing_value":
        cells["unit_id"] = None
    return cells


def _aliases() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    categories = load_category_aliases()
    by_code: dict[str, list[str]] = {}
    for alias, code in zip(categories["alias"], categories["category_code"], strict=True):
        by_code.setdefault(code, []).append(alias.title() if len(alias) > 3 else alias.upper())
    wording = {w: by_code[code] + [w] for w, code in category_wording_codes().items()}
    regions = load_region_aliases()
    by_name: dict[str, list[str]] = {}
    for alias, canonical in zip(regions["alias"], regions["canonical"], strict=True):
        by_name.setdefault(canonical, []).append(alias)
    return wording, by_name


def build_messy_rows(registry: pd.DataFrame, seed: int) -> list[tuple[list[object], str]]:
    """The data rows of the messy sheet, in order, each with its expected fate.

    Args:
        registry: A synthetic registry from
            :func:`~ikm_analysis.sample.synthetic.generate_sample_registry`.
        seed: Seed of the random choices of spelling and of the defective rows.

    Returns:
        ``(cells, fate)`` per row: cells in :data:`MESSY_HEADERS` order (the ``No`` column
        filled in), fate ``"clean"``, a reason code, ``"blank"`` or ``"total_row"``.
    """
    rng = np.random.default_rng(seed)
    units = registry.rename(columns={v: k for k, v in SAMPLE_HEADERS.items()})
    category_aliases, region_aliases = _aliases()
    known = {re.sub(r"\W", "", n.casefold()) for n in
             [*units["kelurahan"].unique(), *[a for v in region_aliases.values() for a in v]]}
    kecamatan = sorted(units["kecamatan"].unique())
    placed: list[tuple[float, dict[str, object] | None, str]] = []
    messy = [_messy_cells(rng, unit, category_aliases, region_aliases)
             for _, unit in units.iterrows()]
    placed.extend((float(i), cells, "clean") for i, cells in enumerate(messy))
    serial = 0
    for defect, count in DEFECTS.items():
        for _ in range(count):
            serial += 1
            source = int(rng.integers(len(units)))
            cells = _defective(rng, defect, messy[source], units.iloc[source], serial, known,
                               kecamatan)
            after = source + 0.5 if defect.startswith("duplicate") else rng.random() * len(units)
            placed.append((after, cells, defect))
    for _ in range(2):
        placed.append((rng.random() * len(units), None, "blank"))
    placed.sort(key=lambda item: item[0])
    rows: list[tuple[list[object], str]] = []
    number = 0
    for _, cells, fate in placed:
        if cells is None:
            rows.append(([None] * len(MESSY_HEADERS), fate))
            continue
        number += 1
        rows.append(([number, *(cells[c] for c in list(MESSY_HEADERS)[1:])], fate))
    workers_total = int(units["workers_count"].sum())
    total = ["JUMLAH", *[None] * (len(MESSY_HEADERS) - 1)]
    total[list(MESSY_HEADERS).index("workers_count")] = workers_total
    rows.append((total, "total_row"))
    return rows


def _normalise_zip(path: Path) -> None:
    """Rewrite the workbook with fixed timestamps, so the same content gives the same bytes."""
    stamp = "2024-12-31T00:00:00Z"
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" +
                              stamp.encode(), data)
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())


def write_messy_workbook(registry: pd.DataFrame, path: str | Path, seed: int) -> MessyWorkbook:
    """Write the messy twin of a synthetic registry.

    Args:
        registry: A synthetic registry.
        path: The ``.xlsx`` file to write.
        seed: Seed of the spelling choices and defects.

    Returns:
        The file, its data sheet and the expected fate of every non-blank row.
    """
    from openpyxl import Workbook  # imported here: only writers of the sample need it

    path = Path(path)
    rows = build_messy_rows(registry, seed)
    workbook = Workbook(write_only=True)
    notes = workbook.create_sheet("Keterangan")
    notes.append([f"{SYNTHETIC_LABEL}: registri ini dibuat oleh ikm_analysis.synthetic dengan "
                  "seed tetap. Nama, NIK, nomor HP dan alamat fiktif. Bukan data resmi."])
    notes.append(["SYNTHETIC DATA: generated with a fixed seed; every identity is fake."])
    sheet_name = "Data IKM"
    sheet = workbook.create_sheet(sheet_name)
    for title in TITLE_ROWS:
        sheet.append([title])
    sheet.append([])
    sheet.append(list(MESSY_HEADERS.values()))
    expected: dict[int, str] = {}
    for offset, (cells, fate) in enumerate(rows, start=HEADER_ROW + 1):
        sheet.append(cells)
        if fate != "blank":
            expected[offset] = fate
    workbook.properties.creator = "ikm_analysis.synthetic"
    workbook.save(path)
    _normalise_zip(path)
    return MessyWorkbook(path, sheet_name, expected)
