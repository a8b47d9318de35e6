"""Build the tidy table of published figures from the copied source table.

Reads ``data/reference/published_figures.csv`` (copied unchanged from the shared reference folder,
one row per figure as its source printed it) and writes ``data/published/published_figures.csv``:
one row per figure and version, with a Kemendagri region code, an integer year, a qualifier, and
exactly one *primary* version per indicator, region and year.

Every judgement the tidy table needs is written below as data (``YEAR_OF_UNDATED``,
``EXTRA_VERSIONS``, ``PRIMARY_CHOICES``, ``QUALIFIERS``), with its reason. A group with more than
one version and no recorded choice stops the build: a new conflict must be decided by a person.

Run from the repository root::

    python scripts/build_published_figures.py          # rewrite the table
    python scripts/build_published_figures.py --check  # exit 1 if the table is out of date
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "reference" / "published_figures.csv"
TARGET = ROOT / "data" / "published" / "published_figures.csv"

COLUMNS = (
    "indicator", "region_level", "region_code", "region", "year", "period", "value", "unit",
    "qualifier", "is_primary", "source", "note",
)

KECAMATAN_CODES = {
    "Pahandut": "62.71.01", "Bukit Batu": "62.71.02", "Jekan Raya": "62.71.03",
    "Sabangau": "62.71.04", "Rakumpit": "62.71.05",
}

#: Undated figures: the year they describe, and why. Key: (indicator, region code, value).
YEAR_OF_UNDATED: dict[tuple[str, str, str], tuple[int, str]] = {
    ("jumlah_unit_usaha_industri", "62.71", "4133"): (
        2022, "statement published 2022 or later (cites Diskop Kalteng 2021 data); dated 2022"),
    ("jumlah_sentra_ikm_terpadu_kelurahan", "62.71", "23"): (
        2022, "same article as the 4,133 units; dated 2022"),
    ("jumlah_ikm_kawasan_temanggung_tilung", "62.71", "40"): (
        2022, "same article as the 4,133 units; dated 2022"),
}

#: Periods whose text names a year that is not the year described (left without a year).
UNDATED_PERIODS = frozenset({"pre-2019 (older BPS series)"})

#: Versions stated inside a source's text rather than as a row of their own.
EXTRA_VERSIONS: tuple[dict[str, str], ...] = (
    {
        "indicator": "jumlah_umkm", "region": "Kalimantan Tengah (62)", "year": "2020",
        "value": "64087", "unit": "unit usaha",
        "source": "https://fbeta.republika.co.id/amp/rglzjd457/"
                  "pemkot-palangka-raya-kembangkan-kawasan-industri-pengolahan-kayu",
        "note": '"Data Dinas Koperasi dan UKM Kalteng ... tahun 2021 mencapai 92.799 unit ... '
                'tahun sebelumnya 64.087": the base year of the primary 2020-2021 series',
    },
    {
        "indicator": "jumlah_umkm", "region": "Kalimantan Tengah (62)", "year": "2021",
        "value": "75278", "unit": "unit usaha",
        "source": "https://kalteng.antaranews.com/amp/berita/647217/"
                  "pertumbuhan-umkm-kalteng-tunjukkan-tren-positif (21 Jul 2023)",
        "note": "sum of the printed components 309 + 3,363 + 71,606; the printed total 11.191 "
                "does not match them",
    },
)

#: Qualifiers by (indicator, region code, year, value); "exact" otherwise.
QUALIFIERS: dict[tuple[str, str, str, str], str] = {
    ("jumlah_ikm", "62.71", "2024", "3800"): "lower_bound",
    ("jumlah_umkm", "62", "2021", "11191"): "as_printed_inconsistent",
    ("jumlah_umkm", "62", "2022", "121458"): "as_printed_inconsistent",
    ("jumlah_umkm", "62", "2021", "75278"): "sum_of_components",
    ("jumlah_umkm_akses_kur", "62", "2022", "36202"): "approximate",
    ("jumlah_ikm", "62", "2023", "9653"): "approximate",
    ("jumlah_unit_usaha_ikm", "ID", "2016", "4400000"): "approximate",
    ("jumlah_unit_usaha_ikm_makanan_minuman", "ID", "2020", "1860000"): "approximate",
    ("jumlah_unit_usaha_ikm_pangan", "ID", "2024", "1700000"): "approximate",
    ("jumlah_unit_usaha_ikm", "ID", "", "4500000"): "approximate",
    ("jumlah_penduduk", "62.71", "2020", "293500"): "approximate",
    ("jumlah_penduduk", "62", "2023", "2741100"): "approximate",
    ("jumlah_penduduk", "62.71", "2013", "244500"): "approximate",
}

#: The primary version where a group has several, and why. Key: (indicator, region code, year).
PRIMARY_CHOICES: dict[tuple[str, str, str], tuple[str, str]] = {
    ("jumlah_umkm", "62", "2020"): (
        "64087", "the series the city and province publish (Republika/Antara 2022, 64,087 -> "
                 "92,799); Tribun's 64,067 differs by 20 units"),
    ("jumlah_umkm", "62", "2021"): (
        "92799", "the series the city and province publish; other versions: 71,406 (Tribun, "
                 "Nov 2021), 75,278 (components, Jul 2023), 64,087 (as of 1 Jun 2021)"),
    ("jumlah_penduduk", "62.71", "2010"): ("220962", "census figure as quoted by Wikipedia"),
    ("jumlah_penduduk", "62.71", "2015"): ("253380", "Dukcapil table with kecamatan detail"),
    ("jumlah_penduduk", "62.71", "2017"): ("275667", "BPS-based figure on the city website"),
    ("jumlah_penduduk", "62.71", "2024"): (
        "315153", "Dukcapil Dec 2024, the series used for all 14 kabupaten/kota"),
    ("jumlah_koperasi", "62.71", "2016"): ("273", "only figure dated 2016"),
}


def _region(text: str) -> tuple[str, str, str]:
    """Level, Kemendagri code and name of a region as the source table writes it."""
    if text == "Indonesia":
        return "negara", "ID", "Indonesia"
    match = re.fullmatch(r"(.+?) \((\d{2}(?:\.\d{2})?)\)", text)
    if match:
        name, code = match.groups()
        level = "provinsi" if len(code) == 2 else "kabupaten_kota"
        return level, code, name.replace("Kota Palangkaraya", "Kota Palangka Raya")
    match = re.fullmatch(r"Kec\. (.+), Kota Palangka Raya", text)
    if match:
        return "kecamatan", KECAMATAN_CODES[match.group(1)], match.group(1)
    raise ValueError(f"unknown region {text!r}")


def _year(period: str) -> str:
    """The year a period describes: the last four-digit year it names."""
    if period in UNDATED_PERIODS:
        return ""
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", period)
    return years[-1] if years else ""


def _value(text: str) -> str:
    number = float(text)
    return str(int(number)) if number.is_integer() else repr(number)


def tidy_rows(source_rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Turn the source rows into tidy rows (see the module docstring)."""
    rows = []
    for raw in [*source_rows, *EXTRA_VERSIONS]:
        level, code, name = _region(raw["region"])
        value = _value(raw["value"])
        year, note = _year(raw["year"]), raw["note"]
        if not year and (raw["indicator"], code, value) in YEAR_OF_UNDATED:
            year_number, why = YEAR_OF_UNDATED[(raw["indicator"], code, value)]
            year, note = str(year_number), "; ".join(filter(None, [note, f"year: {why}"]))
        rows.append({
            "indicator": raw["indicator"], "region_level": level, "region_code": code,
            "region": name, "year": year, "period": raw["year"] if raw["year"] != year else "",
            "value": value, "unit": raw["unit"],
            "qualifier": QUALIFIERS.get((raw["indicator"], code, year, value), "exact"),
            "is_primary": "", "source": raw["source"], "note": note,
        })
    _mark_primary(rows)
    return sorted(rows, key=lambda r: (r["indicator"], r["region_code"], r["year"],
                                       r["is_primary"] != "true", r["value"], r["source"]))


def _mark_primary(rows: list[dict[str, str]]) -> None:
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault((row["indicator"], row["region_code"], row["year"]), []).append(row)
    for key, members in groups.items():
        candidates = [r for r in members if r["qualifier"] != "as_printed_inconsistent"]
        if not key[2] or not candidates:  # undated or self-contradictory: context, no series
            chosen = None
        elif len({r["value"] for r in candidates}) == 1:
            chosen = candidates[0]["value"]
        elif key in PRIMARY_CHOICES:
            chosen = PRIMARY_CHOICES[key][0]
        else:
            values = sorted({r["value"] for r in members})
            raise SystemExit(f"no primary version chosen for {key}: {values}; add PRIMARY_CHOICES")
        primary_marked = False
        for row in members:
            is_primary = row["value"] == chosen and row in candidates and not primary_marked
            row["is_primary"] = "true" if is_primary else "false"
            primary_marked = primary_marked or is_primary
            if is_primary and key in PRIMARY_CHOICES:
                row["note"] = "; ".join(filter(None, [row["note"],
                                                      f"primary: {PRIMARY_CHOICES[key][1]}"]))


def render(rows: list[dict[str, str]]) -> str:
    """The tidy table as CSV text (LF line ends, UTF-8)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def build() -> str:
    """Read the source table and return the tidy table's text."""
    with SOURCE.open(encoding="utf-8", newline="") as handle:
        return render(tidy_rows(list(csv.DictReader(handle))))


def main(argv: list[str] | None = None) -> int:
    """Write the tidy table, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is stale")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python scripts/build_published_figures.py")
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
