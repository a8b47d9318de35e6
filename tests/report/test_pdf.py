"""The print stylesheet and the A4 PDF of a report page."""

import io
import os

import pytest
from pypdf import PdfReader

from ikm_analysis.exceptions import ReportPdfError
from ikm_analysis.report.pdf import print_css, render_messages, with_print_style, write_pdf

# Enough paragraphs and table rows for several A4 pages.
LONG_BODY = "".join(f"<h2>Bagian {n}</h2><p>{'Kalimat laporan. ' * 60}</p>" for n in range(8))
LONG_BODY += "<table>" + "".join(f"<tr><td>baris {n}</td></tr>" for n in range(80)) + "</table>"


def page(body: str = LONG_BODY, head: str = "") -> str:
    return f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">{head}</head>' \
           f'<body class="jp-Notebook">{body}</body></html>'


def pdf_of(tmp_path, html: str, name: str = "laporan") -> bytes:
    html_file = tmp_path / f"{name}.html"
    html_file.write_text(html, encoding="utf-8")
    return write_pdf(html_file).read_bytes()


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_the_print_style_goes_in_the_head_and_marks_only_a_synthetic_body():
    html = page(head="<script>var tag = '<body>';</script>")
    marked = with_print_style(html, synthetic=True)
    assert marked.count('<style id="ikm-print" media="print">') == 1
    assert marked.index("ikm-print") < marked.index("</head>")
    assert '<body data-ikm-synthetic class="jp-Notebook">' in marked
    assert "var tag = '<body>'" in marked  # a <body> inside the head is not the body
    assert "data-ikm-synthetic" not in with_print_style(html, synthetic=False).split("</style>")[1]
    with pytest.raises(ValueError, match="</head>"):
        with_print_style("<body>x</body>", synthetic=True)


def test_every_page_of_a_synthetic_report_says_data_sintetis_and_its_number(tmp_path):
    texts = page_texts(pdf_of(tmp_path, with_print_style(page(), synthetic=True)))
    assert len(texts) >= 3
    for number, text in enumerate(texts, 1):
        assert "DATA SINTETIS" in text
        assert f"{number} / {len(texts)}" in text


def test_a_report_of_a_real_registry_prints_without_the_mark(tmp_path):
    pdf = pdf_of(tmp_path, with_print_style(page(), synthetic=False))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 3
    for page_ in reader.pages:
        assert "DATA SINTETIS" not in page_.extract_text()
        assert [round(float(side)) for side in page_.mediabox[2:]] == [595, 842]  # A4 in pt


def test_the_pdf_is_byte_identical_when_made_twice(tmp_path):
    html = with_print_style(page(), synthetic=True)
    one, two = pdf_of(tmp_path, html, "satu"), pdf_of(tmp_path, html, "dua")
    assert one == two
    assert b"CreationDate" not in one and b"ModDate" not in one


def test_the_pdf_is_the_same_on_a_machine_without_harfbuzz_subset_at_another_time(
        tmp_path, monkeypatch):
    # Without HarfBuzz's subsetter WeasyPrint cuts fonts with fontTools, which stamps them with
    # the clock unless SOURCE_DATE_EPOCH is set: two renderings a second apart differed.
    from fontTools.misc import timeTools
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    clock = iter([1_700_000_000.0, 1_800_000_000.0])
    monkeypatch.setattr(timeTools, "time", type("Clock", (), {"time": staticmethod(
        lambda: next(clock))}))
    html = with_print_style(page(), synthetic=True)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    one = pdf_of(tmp_path, html, "satu")
    assert "SOURCE_DATE_EPOCH" not in os.environ  # removed after the rendering
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # a build date does not change it
    assert pdf_of(tmp_path, html, "dua") == one
    assert os.environ["SOURCE_DATE_EPOCH"] == "1764633600"  # and is put back


def test_weasyprint_knows_every_rule_of_the_print_stylesheet(tmp_path):
    html_file = tmp_path / "laporan.html"
    html_file.write_text(with_print_style(page(), synthetic=True), encoding="utf-8")
    _, records = render_messages(html_file)
    machine = "Using fontTools instead of HarfBuzz-Subset"  # about the machine, not the CSS
    assert [record.getMessage() for record in records
            if not record.getMessage().startswith(machine)] == []
    assert "@page" in print_css() and "break-inside: avoid" in print_css()


def test_an_image_that_cannot_be_loaded_is_an_error_not_a_quiet_gap(tmp_path):
    html = with_print_style(page('<img src="tidak_ada.png" alt="peta">'), synthetic=False)
    with pytest.raises(ReportPdfError, match=r"tidak_ada\.png"):
        pdf_of(tmp_path, html)
    assert not (tmp_path / "laporan.pdf").exists()


def test_a_page_without_the_print_style_is_refused(tmp_path):
    with pytest.raises(ReportPdfError, match="no print stylesheet"):
        pdf_of(tmp_path, page())


@pytest.mark.parametrize("space_mm", range(196, 225, 2))
def test_a_chart_keeps_its_source_line_on_its_page(tmp_path, space_mm):
    # Pushed down the first page, a chart either fits with its source line or moves whole (the
    # heights around where the line alone would go over, 208-210 mm here): its
    # source line alone at the top of the next page said nothing (seen in the 2024 PDF).
    import pandas as pd

    from ikm_analysis.report.charts import bar_chart, figure_html

    chart = bar_chart(pd.Series({"Kerajinan": 3}), "GAMBAR UJI", "unit", "id")
    html = with_print_style(page(f'<div style="height: {space_mm}mm"></div>' +
                                 figure_html(chart, "Sumber: uji")), synthetic=False)
    texts = page_texts(pdf_of(tmp_path, html))
    assert [n for n, text in enumerate(texts) if "GAMBAR UJI" in text] == [
        n for n, text in enumerate(texts) if "Sumber: uji" in text]
