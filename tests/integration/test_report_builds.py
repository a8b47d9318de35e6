"""Report builds end to end: papermill runs every notebook on a small fake registry.

One build of all three reports (``built``, tests/integration/conftest.py, shared with the browser
test) and a second one for the determinism check serve most tests; each report takes a few
seconds, two at a time.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest
from report_set import QUARANTINED_OWNER, REPORT_PAGES, YEAR, is_a4, pdf_pages
from report_set import build as _build

from ikm_analysis.cli import main
from ikm_analysis.io.write import FORMULA_PREFIXES
from ikm_analysis.metrics import active_units_by_category_and_kecamatan
from ikm_analysis.metrics.activity import active_units
from ikm_analysis.report.build import notebooks_dir, plan_reports, run_job, write_index
from ikm_analysis.report.display import format_value
from ikm_analysis.report.downloads import download_links_html
from ikm_analysis.report.inputs import load_report_registry
from ikm_analysis.report.table import TOTAL
from ikm_analysis.report.yearly_tables import cross_table

PERSONAL_HEADERS = ("Nama Pemilik", "NIK", "No. HP", "Alamat")
REPORTS = ((str(YEAR), f"laporan_ikm_{YEAR}"), ("umkm_kalteng", "pertumbuhan_umkm_kalteng"),
           ("kualitas_data", "kualitas_data_registri"))


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


def test_every_notebook_builds_html_pdf_notebook_key_figures_provenance_and_downloads(built):
    for folder, stem in REPORTS:
        names = sorted(path.name for path in (built / folder).iterdir())
        assert names == sorted([f"{stem}.html", f"{stem}.ipynb", f"{stem}.pdf",
                                "key_figures.json", "provenance.json", f"{stem}_tabel.xlsx",
                                f"{stem}_tabel_csv.zip"])
    assert not list(built.glob(".build-*"))


def _sheets(path: Path) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(path)
    return {sheet.title: [[(cell.value, cell.number_format) for cell in row]
                          for row in sheet.iter_rows()] for sheet in book}


def _as_printed(value: object, number_format: str) -> str:
    """A workbook cell as the report prints it (numbers through the report's formatter)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value[1:] if value.startswith("'") and value[1:].startswith(
            FORMULA_PREFIXES) else value  # defused as in the quarantine file
    digits = number_format.split(";")[0]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    if "#,##" not in digits:  # a year: printed without thousands separators
        return f"{value:.{decimals}f}".replace(".", ",")
    return format_value(value, "id", decimals, "signed" if digits.startswith("+") else "number")


@pytest.mark.parametrize("folder, stem", REPORTS, ids=[folder for folder, _ in REPORTS])
def test_the_workbook_has_a_sheet_per_html_table_with_its_texts(built, folder, stem):
    tables = {table_id: rows for table_id, rows in html_tables(built / folder / f"{stem}.html")
              .items() if table_id is not None}  # the provenance block is no data table
    sheets = _sheets(built / folder / f"{stem}_tabel.xlsx")
    assert len(sheets) == len(tables) >= 2
    for (table_id, rows), (name, cells) in zip(tables.items(), sheets.items(), strict=True):
        header, body = rows[0], rows[1:]
        assert [value for value, _ in cells[1]] == header, name
        shown = [[_as_printed(value, style) for value, style in row[:len(header)]]
                 for row in cells[2:2 + len(body)]]
        assert shown == body, (table_id, name)
        assert cells[2 + len(body)][0][0] is None  # a blank row, then notes and the source
        assert any(str(row[0][0]).startswith("Sumber:") for row in cells[3 + len(body):])
    numbers = [value for cells in sheets.values() for row in cells[2:] for value, _ in row
               if isinstance(value, (int, float))]
    assert numbers, "printed numbers are numeric cells"


def test_hidden_cells_are_x_in_the_workbook_and_the_csv(built):
    html = html_tables(built / str(YEAR) / f"laporan_ikm_{YEAR}.html")["kategori-menurut-kecamatan"]
    sheet = _sheets(built / str(YEAR) / f"laporan_ikm_{YEAR}_tabel.xlsx")["Kategori × kecamatan"]
    hidden = [(row, column) for row, cells in enumerate(html) for column, cell in enumerate(cells)
              if cell == "x"]
    assert hidden and all(sheet[1 + row][column][0] == "x" for row, column in hidden)
    with zipfile.ZipFile(built / str(YEAR) / f"laporan_ikm_{YEAR}_tabel_csv.zip") as archive:
        lines = archive.read("04_kategori_kecamatan.csv").decode("utf-8-sig").splitlines()
    assert all(lines[row].split(";")[column] == "x" for row, column in hidden)


def test_every_page_links_its_downloads(built):
    for folder, stem in REPORTS:
        page = (built / folder / f"{stem}.html").read_text(encoding="utf-8")
        assert page.count(download_links_html(stem)) == 1
        assert page.index(download_links_html(stem)) < page.index('<table class="ikm-provenance"')
        assert '"table_id"' not in page  # the cell with the tables record is left out


def test_every_pdf_is_a4_with_numbered_pages_and_data_sintetis_on_each(built):
    for stem in REPORT_PAGES:
        pages = pdf_pages(built / f"{stem}.pdf")
        assert pages, stem
        synthetic = json.loads((built / stem).with_name("key_figures.json").read_text()).get(
            "synthetic", False)
        assert synthetic == (not stem.startswith("umkm_kalteng")), stem
        for number, (width, height, text) in enumerate(pages, 1):
            assert is_a4(width, height), (stem, number, width, height)
            assert f"{number} / {len(pages)}" in text, (stem, number)
            assert ("DATA SINTETIS" in text) == synthetic, (stem, number)


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
        assert figure["width"] == "480"  # 5 inches: legible on a phone (charts.py)
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


def _download_texts(path: Path) -> str:
    if path.suffix == ".xlsx":
        return "\n".join(str(value) for sheet in _sheets(path).values() for row in sheet
                         for value, _ in row if value is not None)
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())


def test_no_personal_data_reaches_any_download(built, registry_file):
    frame = pd.read_csv(registry_file, dtype=str)
    personal = {value for header in PERSONAL_HEADERS for value in frame[header].dropna()}
    personal |= set(frame["Nama Usaha"].dropna())
    downloads = [path for path in built.rglob("*") if path.suffix in (".xlsx", ".zip")]
    assert len(downloads) == 6
    for path in downloads:
        content = _download_texts(path)
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
    """The shared build read the file in each kernel; this one reads the registry cache."""
    again = tmp_path / "again"
    results = _build(registry_file, again, cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    assert all(result.ok for result in results)
    def report_files(root):  # logs/ is the record of a run (times), not part of a report
        return sorted(path.relative_to(root) for path in root.rglob("*")
                      if path.is_file() and path.relative_to(root).parts[0] != "logs")

    first = report_files(built)
    assert first == report_files(again)
    assert {path.name for path in (again / "logs").iterdir()} == {
        "2024.log", "umkm_kalteng.log", "kualitas_data.log"}
    for relative in first:
        if relative.name == "provenance.json":
            one, two = (json.loads((root / relative).read_text()) for root in (built, again))
            one.pop("build"), two.pop("build")  # build time: the one field allowed to differ
            assert one == two
        else:
            assert (built / relative).read_bytes() == (again / relative).read_bytes(), relative


def test_a_failed_build_keeps_the_last_good_report(built, registry_file, tmp_path):
    built = shutil.copytree(built, tmp_path / "reports")  # the shared build stays as it is
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


def test_every_page_is_part_of_the_site(built, tmp_path):
    built = Path(shutil.copytree(built, tmp_path / "site"))  # the shared build stays as it is
    index = write_index(built).read_text(encoding="utf-8")
    for folder, stem in REPORTS:
        page = built / folder / f"{stem}.html"
        text = page.read_text(encoding="utf-8")
        assert text.count('<html lang="id">') == 1 and 'lang="en"' not in text.split(">", 2)[1]
        assert '<a href="../index.html">Semua laporan</a>' in text
        assert '<a href="provenance.json" type="application/json">' in text
        assert f'href="{folder}/{stem}.html"' in index
        anchors = set(re.findall(r'<a href="#([^"]+)"', text))
        assert anchors <= set(re.findall(r'\bid="([^"]+)"', text)), page.name
    yearly = (built / str(YEAR) / f"laporan_ikm_{YEAR}.html").read_text(encoding="utf-8")
    assert 'class="ikm-toc"' in yearly and '<a href="#Angka-utama">' in yearly


def test_pdfs_hold_no_address_of_the_build_folder(built):
    from pypdf import PdfReader

    for stem in REPORT_PAGES:
        reader = PdfReader(built / f"{stem}.pdf")
        uris = [annotation.get_object().get("/A", {}).get("/URI", "")
                for page in reader.pages for annotation in page.get("/Annots", [])]
        assert not [uri for uri in uris if str(uri).startswith("file:")], stem


def test_a_build_into_a_relative_folder_is_quiet_and_uses_the_build_kernel(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "ikm_analysis.cli", "build", "--year", "2024", "--reports",
         "umkm_kalteng", "--out", "laporan"], cwd=tmp_path, capture_output=True, text=True,
        timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("✔")]
    assert len(lines) == 1 and lines[0].endswith(" s)")
    assert (tmp_path / "laporan" / "umkm_kalteng" / "pertumbuhan_umkm_kalteng.html").is_file()


def _state(root: Path) -> dict[Path, tuple[int, bytes]]:
    return {path.relative_to(root): (path.stat().st_mtime_ns, path.read_bytes())
            for path in root.rglob("*") if path.is_file() and "logs" not in path.parts}


def test_a_build_rebuilds_exactly_the_reports_whose_inputs_changed(built, registry_file,
                                                                   tmp_path):
    site = Path(shutil.copytree(built, tmp_path / "site"))  # the shared build stays as it is
    cache = tmp_path / "cache"

    def rebuilt(registry, **options):
        results = _build(registry, site, cache_dir=cache, **options)
        assert all(result.ok for result in results), [result.error for result in results]
        return sorted(result.job.label for result in results if not result.unchanged)

    before = _state(site)
    assert rebuilt(registry_file) == []
    assert _state(site) == before  # not a byte nor a modification time changed
    assert rebuilt(registry_file, min_cell=4) == [str(YEAR)]  # a yearly parameter
    changed = tmp_path / "registri_uji.csv"
    changed.write_text(registry_file.read_text(encoding="utf-8").replace(
        "Kelurahan Tidak Ada", "Kelurahan Belum Ada"), encoding="utf-8")
    assert rebuilt(changed, min_cell=4) == [str(YEAR), "kualitas_data"]  # not the province's
    assert rebuilt(changed, min_cell=4, force=True, kinds=["umkm_kalteng"]) == ["umkm_kalteng"]
    assert rebuilt(changed, min_cell=4) == []


def test_a_report_over_its_time_limit_fails_and_keeps_the_last_good_one(built, registry_file,
                                                                        tmp_path):
    site = Path(shutil.copytree(built, tmp_path / "site"))
    job = plan_reports(registry_file, years=[YEAR], export_year=2024, out_root=site,
                       kinds=["umkm_kalteng"])[0]
    before = job.page.read_bytes()
    result = run_job(job, time_limit=0.2)
    assert not result.ok
    assert result.error == "ReportTimeLimitError: time limit of 0.2 s exceeded"
    assert job.page.read_bytes() == before
    assert "time limit of 0.2 s exceeded" in result.log.read_text(encoding="utf-8")
    assert not list(site.glob(".build-*"))


def test_each_report_has_a_log_of_its_kernel_output(built):
    log = (built / "logs" / f"{YEAR}.log").read_text(encoding="utf-8")
    assert "Executing Cell 1" in log and "Ending Cell" in log
    assert "laporan_tahunan_ikm.ipynb" in log


def test_dropping_unmatchable_style_rules_leaves_the_pdf_as_it_was(built, monkeypatch):
    from ikm_analysis.report import pdf

    page = built / str(YEAR) / f"laporan_ikm_{YEAR}.html"
    monkeypatch.setattr(pdf, "without_unmatchable_rules", lambda text: text)
    every_rule, _ = pdf.render_messages(page)
    assert every_rule == page.with_suffix(".pdf").read_bytes()
