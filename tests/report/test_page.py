"""The page around a report: language, links, table of contents; the index page."""

from pathlib import Path

import pytest

from ikm_analysis.i18n import LANGS, catalogue
from ikm_analysis.report.kinds import REPORT_KINDS
from ikm_analysis.report.page import (
    SiteLink,
    finish_page,
    site_links,
    site_nav_html,
    table_of_contents_html,
)
from ikm_analysis.report.site_index import IndexEntry, index_entries, index_html

PAGE = ('<!DOCTYPE html>\n<html lang="en">\n<head></head>\n<body class="jp-Notebook">'
        '<div><h1 id="Judul">Judul<a class="anchor-link" href="#Judul">¶</a></h1></div>'
        '<div><h2 id="Satu">Satu &amp; dua<a class="anchor-link" href="#Satu">¶</a></h2></div>'
        '<div><h3 id="Satu-a">Satu-a</h3></div>'
        '<div><h2 id="Tiga">Tiga</h2></div></body>\n</html>')


def test_the_page_says_its_language_and_gets_links_and_contents():
    page = finish_page(PAGE, "id", [SiteLink("index", "../index.html")])
    assert page.count("<html") == 1 and '<html lang="id">' in page
    assert page.index('class="ikm-site"') < page.index("<h1")
    assert page.index("</h1>") < page.index('class="ikm-toc"') < page.index('id="Satu"')
    assert '<a href="#Satu">Satu &amp; dua</a>' in page  # escaped once, pilcrow left out
    assert "¶</a></li>" not in page


def test_contents_nest_subsections_and_skip_pages_with_one_section():
    toc = table_of_contents_html(PAGE, "id")
    assert toc.count("<ol>") == 2 and '<a href="#Satu-a">Satu-a</a>' in toc
    assert table_of_contents_html('<h2 id="a">A</h2>', "id") == ""


def test_links_are_relative_to_the_page(tmp_path):
    root = Path("reports")
    english = root / "en" / "umkm_kalteng" / "p.html"
    links = site_links(english, root, other_edition=root / "umkm_kalteng" / "p.html")
    assert [(link.role, link.href) for link in links] == [
        ("index", "../../index.html"), ("other_edition", "../../umkm_kalteng/p.html")]
    nav = site_nav_html(links, "en")
    assert 'hreflang="id">Bahasa Indonesia</a>' in nav and ">All reports</a>" in nav


@pytest.mark.parametrize("lang", LANGS)
def test_every_link_role_and_report_kind_has_its_words(lang):
    keys = set(catalogue(lang))
    assert {f"nav_{role}" for role in ("index", "previous", "next", "other_edition")} <= keys
    assert {f"index_desc_{kind}" for kind in REPORT_KINDS} <= keys
    assert {f"index_edition_{edition}" for edition in LANGS} <= keys


def test_a_page_without_body_is_refused():
    with pytest.raises(ValueError, match="not a whole HTML page"):
        finish_page("<p>x</p>", "id", [])


def test_index_entries_read_titles_dates_and_order_newest_year_first(tmp_path):
    for folder, stem in (("2023", "laporan_ikm_2023"), ("2024", "laporan_ikm_2024"),
                         ("kualitas_data", "kualitas_data_registri"), ("lain", "x")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{stem}.html").write_text("<html></html>")
    (tmp_path / "2024" / "provenance.json").write_text(
        '{"build": {"finished_utc": "2026-12-01T23:59:00Z"}}')
    entries = index_entries(tmp_path)
    assert [(entry.kind, entry.year, entry.built_on) for entry in entries] == [
        ("tahunan", 2024, "2026-12-01"), ("tahunan", 2023, None), ("kualitas_data", None, None)]


def test_an_empty_site_says_how_to_build_it():
    page = index_html({"id": [], "en": []}, "en")
    assert "No reports yet" in page and "DATA SINTETIS" not in page


def test_the_index_escapes_titles():
    entry = IndexEntry("2024/a.html", "<b>x</b>", "tahunan", 2024, None, False)
    assert "&lt;b&gt;x&lt;/b&gt;" in index_html({"id": [entry]}, "id")


def test_an_english_build_at_the_top_of_its_folder_is_listed_as_english(tmp_path):
    # ikm-report build --lang en --out DIR writes the English reports at the top of DIR
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "laporan_ikm_2024.html").write_text("<html></html>")
    (tmp_path / "2024" / "key_figures.json").write_text(
        '{"title": "IKM report, Kota Palangka Raya, 2024", "lang": "en", "synthetic": true}')
    (tmp_path / "2024" / "provenance.json").write_text('{"build": {"built_on": "2026-12-02"}}')
    entries = index_entries(tmp_path)
    assert [entry.lang for entry in entries] == ["en"]
    page = index_html({"id": entries, "en": []}, "id")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert 'id="edisi-en"' in page and 'id="edisi-id"' not in page
    assert "(built 2026-12-02)" in page and "dibangun" not in page
    assert "synthetic registry" in page and "Laporan" not in page


def test_an_index_of_both_editions_stays_in_the_language_asked_for():
    indonesian = IndexEntry("2024/a.html", "Laporan 2024", "tahunan", 2024, None, False, "id")
    english = IndexEntry("en/2024/a.html", "Report 2024", "tahunan", 2024, None, False, "en")
    page = index_html({"id": [indonesian], "en": [english]}, "id")
    assert '<html lang="id">' in page and 'id="edisi-id"' in page and 'id="edisi-en"' in page


def test_the_index_marks_which_reports_are_synthetic():
    synthetic = IndexEntry("2024/a.html", "Laporan 2024", "tahunan", 2024, None, True, "id")
    published = IndexEntry("umkm_kalteng/b.html", "UMKM", "umkm_kalteng", None, None, False, "id")
    page = index_html({"id": [synthetic, published]}, "id")
    assert "laporan yang bertanda DATA SINTETIS" in page and "laporan ini" not in page
    marked = [line for line in page.splitlines() if 'class="ikm-synthetic"' in line]
    assert len(marked) == 1 and "2024/a.html" in marked[0]
