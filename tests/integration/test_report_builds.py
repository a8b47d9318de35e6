"""Report builds end to end: papermill runs every notebook on a small fake registry.

One build of all three reports (and a second one for the determinism check) serves most tests;
each report takes a few seconds, two at a time.
"""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from ikm_analysis.cli import main
from ikm_analysis.metrics import active_units_by_category_and_kecamatan
from ikm_analysis.metrics.activity import active_units
from ikm_analysis.report.build import build_reports, notebooks_dir, plan_reports, run_job
from ikm_analysis.report.inputs import load_report_registry
from ikm_analysis.report.table import TOTAL
from ikm_analysis.report.yearly_tables import cross_table
from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry

YEAR = 2024
PERSONAL_HEADERS = ("Nama Pemilik", "NIK", "No. HP", "Alamat")
QUARANTINED_OWNER, QUARANTINED_NIK = "Pemilik Karantina Unik", "0099999999999999"


class _Tables(HTMLParser):
    """Cell texts of every <table id=...> in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = dict(attrs).get("id")
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self.tables[self._table].append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def html_tables(path: Path) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory) -> Path:
    """300 synthetic units (small cells guaranteed) plus one quarantined row with fake PII."""
    registry = generate_sample_registry(SampleSpec.scaled(300, seed=7))
    bad = registry.iloc[[0]].copy()
    bad["No. Registrasi"], bad["Kelurahan"] = "SIN-2024-9999", "Kelurahan Tidak Ada"
    bad["Nama Pemilik"], bad["NIK"] = QUARANTINED_OWNER, QUARANTINED_NIK
    path = tmp_path_factory.mktemp("registry") / "registri_uji.csv"
    pd.concat([registry, bad]).to_csv(path, index=False)
    return path


def _build(registry_file: Path, out: Path, **options) -> list:
    jobs = plan_reports(registry_file, years=[YEAR], export_year=2024, out_root=out, **options)
    return build_reports(jobs, workers=2, report=lambda line: None, cell_progress=False)


@pytest.fixture(scope="module")
def built(registry_file, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    results = _build(registry_file, out)
    assert [result.error for result in results] == [None, None, None]
    return out


def test_every_notebook_builds_html_notebook_key_figures_and_provenance(built):
    for folder, stem in ((str(YEAR), f"laporan_ikm_{YEAR}"),
                         ("umkm_kalteng", "pertumbuhan_umkm_kalteng"),
                         ("kualitas_data", "kualitas_data_registri")):
        names = sorted(path.name for path in (built / folder).iterdir())
        assert names == sorted([f"{stem}.html", f"{stem}.ipynb", "key_figures.json",
                                "provenance.json"])
    assert not list(built.glob(".build-*"))


def test_html_hides_code_and_shows_the_synthetic_banner(built):
    page = (built / str(YEAR) / f"laporan_ikm_{YEAR}.html").read_text(encoding="utf-8")
    assert "DATA SINTETIS" in page
    assert "load_report_registry" not in page  # no code cell input
    assert "Catatan analis" not in page  # analyst notes removed


class _Figures(HTMLParser):
    """(alt text, width, image source, caption) of every <figure> in a page, and bare images."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, str]] = []
        self.bare_images = 0
        self._in_figure = self._in_caption = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure":
            self._in_figure = True
            self.figures.append({"caption": ""})
        elif tag == "img" and self._in_figure:
            self.figures[-1].update(alt=attrs.get("alt", ""), width=attrs.get("width", ""),
                                    src=attrs.get("src", ""))
        elif tag == "img":
            self.bare_images += 1
        elif tag == "figcaption":
            self._in_caption = True

    def handle_endtag(self, tag):
        if tag == "figure":
            self._in_figure = False
        elif tag == "figcaption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.figures[-1]["caption"] += data


def test_every_chart_and_map_is_a_figure_with_a_description_and_source(built):
    parser = _Figures()
    page = (built / str(YEAR) / f"laporan_ikm_{YEAR}.html").read_text(encoding="utf-8")
    parser.feed(page)
    # total trend, categories, categories by year, kecamatan, kecamatan by year, two maps
    assert len(parser.figures) == 7 and parser.bare_images == 0
    assert "No description has been provided" not in page
    kinds = [figure["alt"].split(":")[0] for figure in parser.figures]
    assert kinds == ["Diagram garis", "Diagram batang", "Diagram garis", "Diagram batang",
                     "Diagram garis", "Peta kelurahan", "Peta kelurahan"]
    for figure in parser.figures:
        assert figure["src"].startswith("data:image/svg+xml;base64,")
        assert figure["width"] == "576"
        assert figure["caption"].startswith("Sumber: registri IKM Kota Palangka Raya (registri_uji")
        assert any(ch.isdigit() for ch in figure["alt"])  # written from the data
    assert all("Batas administrasi" in figure["caption"] for figure in parser.figures[5:])
    executed = nbformat.read(built / str(YEAR) / f"laporan_ikm_{YEAR}.ipynb", as_version=4)
    assert not [output for cell in executed.cells for output in cell.get("outputs", [])
                if "image/png" in output.get("data", {})]
    growth = _Figures()
    growth.feed((built / "umkm_kalteng" / "pertumbuhan_umkm_kalteng.html").read_text("utf-8"))
    assert len(growth.figures) == 2 and all(f["alt"] and f["caption"] for f in growth.figures)


def test_charts_reveal_no_hidden_cell(built, registry_file):
    """A hidden kelurahan is never named in a map's description; its count never shown."""
    from ikm_analysis.metrics import sentra_by_kelurahan
    from ikm_analysis.report.yearly_tables import ACTIVE_COLUMNS, kelurahan_table

    registry = load_report_registry(registry_file, export_year=2024)
    table = kelurahan_table(sentra_by_kelurahan(active_units(
        registry.clean, YEAR, registry.status_year, columns=ACTIVE_COLUMNS)), YEAR)
    hidden = table.text.iloc[:-1][table.values["units"].iloc[:-1].isna().to_numpy()]
    assert len(hidden), "fixture must have hidden kelurahan"
    parser = _Figures()
    parser.feed((built / str(YEAR) / f"laporan_ikm_{YEAR}.html").read_text(encoding="utf-8"))
    units_map = parser.figures[5]["alt"]
    assert "diarsir abu-abu" in units_map
    for name in hidden.iloc[:, 0]:
        assert f"{name} (" not in units_map


def test_key_figures_match_the_library(built, registry_file):
    figures = json.loads((built / str(YEAR) / "key_figures.json").read_text())
    registry = load_report_registry(registry_file, export_year=2024)
    assert figures["active_units"] == len(active_units(registry.clean, YEAR,
                                                        registry.status_year))
    rows = figures["rows"]
    assert rows["rows_read"] == rows["rows_clean"] + rows["rows_quarantined"] == 301
    growth = json.loads((built / "umkm_kalteng" / "key_figures.json").read_text())
    assert (growth["umkm_2020"], growth["umkm_2021"]) == (64087, 92799)


def test_no_personal_data_reaches_any_report(built, registry_file):
    frame = pd.read_csv(registry_file, dtype=str)
    personal = {value for header in PERSONAL_HEADERS for value in frame[header].dropna()}
    personal |= set(frame["Nama Usaha"].dropna())
    assert QUARANTINED_OWNER in personal and len(personal) > 1000
    for path in built.rglob("*"):
        if path.suffix in (".html", ".json", ".ipynb"):
            content = path.read_text(encoding="utf-8")
            leaked = [value for value in personal if value in content]
            assert leaked == [], f"{path.name} shows {leaked[:3]}"


def test_suppressed_cells_stay_suppressed_in_the_html(built, registry_file):
    registry = load_report_registry(registry_file, export_year=2024)
    expected = cross_table(active_units_by_category_and_kecamatan(
        active_units(registry.clean, YEAR, registry.status_year)))
    assert expected.values.isna().to_numpy().sum() > 0, "fixture must have small cells"
    rows = html_tables(built / str(YEAR) / f"laporan_ikm_{YEAR}.html")[
        "kategori-menurut-kecamatan"]
    shown = [row[1:] for row in rows[1:]]  # drop header row and label column
    for (key, values), cells in zip(expected.values.iterrows(), shown, strict=True):
        for value, cell in zip(values.tolist(), cells, strict=True):
            assert (cell == "x") == (value is pd.NA), (key, value, cell)
    assert expected.values.index[-1] == TOTAL


def test_two_builds_are_byte_identical(built, registry_file, tmp_path):
    again = tmp_path / "again"
    results = _build(registry_file, again)
    assert all(result.ok for result in results)
    first = sorted(path.relative_to(built) for path in built.rglob("*") if path.is_file())
    assert first == sorted(path.relative_to(again) for path in again.rglob("*")
                           if path.is_file())
    for relative in first:
        if relative.name == "provenance.json":
            one, two = (json.loads((root / relative).read_text()) for root in (built, again))
            one.pop("build"), two.pop("build")  # build time: the one field allowed to differ
            assert one == two
        else:
            assert (built / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_a_failed_build_keeps_the_last_good_report(built, registry_file, tmp_path):
    folder = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), folder)
    broken = nbformat.read(folder / "laporan_tahunan_ikm.ipynb", as_version=4)
    broken.cells.insert(4, nbformat.v4.new_code_cell("raise RuntimeError('rusak')"))
    nbformat.write(broken, folder / "laporan_tahunan_ikm.ipynb")
    good = built / str(YEAR) / f"laporan_ikm_{YEAR}.html"
    before = good.read_bytes()
    job = plan_reports(registry_file, years=[YEAR], export_year=2024, out_root=built,
                       kinds=["tahunan"], notebook_folder=folder)[0]
    result = run_job(job)
    assert not result.ok
    assert "rusak" in result.error
    assert good.read_bytes() == before
    assert result.failed_notebook == built / "failed" / str(YEAR) / f"laporan_ikm_{YEAR}.ipynb"
    assert "RuntimeError" in result.failed_notebook.read_text(encoding="utf-8")
    assert not list(built.glob(".build-*"))


def test_english_report(registry_file, tmp_path):
    results = _build(registry_file, tmp_path, lang="en", kinds=["tahunan"])
    assert results[0].ok, results[0].error
    page = results[0].html.read_text(encoding="utf-8")
    assert "IKM report, Kota Palangka Raya, 2024" in page
    assert "Active IKM units by category" in page or "IKM units by product category" in page
    assert results[0].html.parent == tmp_path / "en" / str(YEAR)
    assert "Boundaries: cahyadsn/wilayah_boundaries (MIT)" in page
    assert "Batas administrasi" not in page


def test_cli_refuses_a_year_outside_the_registry_without_starting_a_kernel(registry_file,
                                                                           tmp_path, capsys):
    code = main(["build", "--year", "2031", "--registry", str(registry_file),
                 "--out", str(tmp_path)])
    assert code == 2
    assert "di luar tahun registri" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
