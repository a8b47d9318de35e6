"""The A4 PDF of a report, and the print stylesheet it shares with a browser's Print.

The print rules (A4 pages with margins, page numbers, DATA SINTETIS in the top margin of every
page of a synthetic report, headings kept with what follows, table rows never split) are kept in
one file, ``print.css`` beside this module. :func:`with_print_style` adds them to a report page
as ``<style media="print">`` and marks the ``<body>`` of a synthetic report; :func:`write_pdf`
renders that page with WeasyPrint into ``<stem>.pdf`` beside the HTML, so the PDF and a browser's
Print give the same pages.

The PDF is byte-identical between two builds of the same page: WeasyPrint writes no creation
date unless the page asks for one (``<meta name="dcterms.created">``, which reports have not) and
no random file identifier. On a machine without HarfBuzz's subsetter (Debian's
``libharfbuzz-subset0``) WeasyPrint cuts the fonts down with fontTools, which stamps each cut font
with the time of the rendering; the stamp is fixed at 1970-01-01 here (:func:`_fixed_font_date`),
so such a machine gives the same bytes too. WeasyPrint's warnings about the notebook template's
screen CSS (``@keyframes``, ``::-webkit-scrollbar``, …) and about the missing subsetter are not
printed; an error (an image or stylesheet it cannot load) raises
:class:`~ikm_analysis.exceptions.ReportPdfError`.

Example:
    >>> import tempfile
    >>> page = with_print_style("<html><head></head><body><h1>Laporan</h1></body></html>",
    ...                         synthetic=True)
    >>> "<body data-ikm-synthetic>" in page, 'media="print"' in page
    (True, True)
    >>> html_file = Path(tempfile.mkdtemp()) / "laporan.html"
    >>> _ = html_file.write_text(page, encoding="utf-8")
    >>> pdf = write_pdf(html_file)
    >>> pdf.name, pdf.read_bytes()[:5]
    ('laporan.pdf', b'%PDF-')
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path

from ikm_analysis._fast.css import without_unmatchable_rules
from ikm_analysis.exceptions import ReportPdfError

__all__ = ["PRINT_STYLE_ID", "print_css", "with_print_style", "write_pdf"]

#: The ``id`` of the print ``<style>`` element in a report page.
PRINT_STYLE_ID = "ikm-print"
SYNTHETIC_ATTRIBUTE = "data-ikm-synthetic"


@cache
def print_css() -> str:
    """The print stylesheet of every report (``print.css``).

    Example:
        >>> "size: A4" in print_css()
        True
    """
    return files("ikm_analysis.report").joinpath("print.css").read_text(encoding="utf-8")


def with_print_style(page: str, synthetic: bool) -> str:
    """A report page with the print stylesheet in its head and, if synthetic, its body marked.

    Args:
        page: A whole HTML page (from :func:`ikm_analysis.report.build.export_html`).
        synthetic: Whether the report was built from synthetic rows: its printed pages then say
            DATA SINTETIS in the top margin.

    Returns:
        The page; unchanged apart from one ``<style>`` element and the ``<body>`` attribute.

    Raises:
        ValueError: The page has no ``</head>`` or no ``<body>``.

    Example:
        >>> with_print_style("<head></head><body>x</body>", synthetic=False)[:37]
        '<head><style id="ikm-print" media="pr'
    """
    head, end, rest = page.partition("</head>")
    body = f"<body {SYNTHETIC_ATTRIBUTE}" if synthetic else "<body"
    rest, bodies = re.subn(r"<body(?=[\s>])", lambda _: body, rest, count=1)
    if not end or not bodies:
        raise ValueError("a report page needs a </head> and a <body> after it")
    style = f'<style id="{PRINT_STYLE_ID}" media="print">\n{print_css()}</style>\n'
    return head + style + end + rest


class _Collect(logging.Handler):
    """Keeps WeasyPrint's log records of one rendering."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


#: A link to a file beside the page (``href="provenance.json"``): WeasyPrint would write it into
#: the PDF as an absolute ``file://`` address of the build folder, which differs between builds
#: and means nothing to whoever receives the PDF, so the PDF keeps such text without its link.
_LOCAL_LINK = re.compile(r'\shref="(?!#|https?:|mailto:)[^"]*"')


#: The date fontTools stamps on every cut-down font (1970-01-01), whatever the build's date.
FONT_DATE_EPOCH = "0"


@contextmanager
def _fixed_font_date() -> Iterator[None]:
    """While rendering, fontTools stamps fonts with :data:`FONT_DATE_EPOCH`, not the clock.

    fontTools takes the stamp from ``SOURCE_DATE_EPOCH`` when that is set; it is set to
    :data:`FONT_DATE_EPOCH` for the rendering and put back as it was after, so the fonts of a PDF
    never depend on when, or with which build date, it was made.
    """
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FONT_DATE_EPOCH
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def render_messages(html_file: str | Path) -> tuple[bytes, list[logging.LogRecord]]:
    """Render a page to PDF bytes and return WeasyPrint's warnings and errors with them.

    Links within the page and to the web stay links; links to files beside it become text.

    Args:
        html_file: The page; images and links are resolved relative to its folder.

    Returns:
        The PDF and the log records (warnings and errors) of the rendering.
    """
    from weasyprint import HTML

    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    propagate = logger.propagate
    logger.addHandler(collect)
    logger.propagate = False  # the template's screen CSS gives a few hundred warnings
    try:
        page = _LOCAL_LINK.sub("", Path(html_file).read_text(encoding="utf-8"))
        page = without_unmatchable_rules(page)  # the same PDF, a third faster
        with _fixed_font_date():
            pdf = HTML(string=page, base_url=str(html_file), media_type="print").write_pdf()
    finally:
        logger.removeHandler(collect)
        logger.propagate = propagate
    return pdf, collect.records


def write_pdf(html_file: str | Path) -> Path:
    """Write the A4 PDF of a report page beside it (``<stem>.pdf``).

    Args:
        html_file: A page made by :func:`with_print_style`.

    Returns:
        The PDF file.

    Raises:
        ReportPdfError: WeasyPrint reported an error (an image or stylesheet it could not
            load), or the page lacks the print stylesheet.
    """
    html_file = Path(html_file)
    if f'id="{PRINT_STYLE_ID}"' not in html_file.read_text(encoding="utf-8"):
        raise ReportPdfError("no_print_style", file=str(html_file))
    pdf, records = render_messages(html_file)
    errors = [record.getMessage() for record in records if record.levelno >= logging.ERROR]
    if errors:
        raise ReportPdfError("pdf_render", file=str(html_file), errors="; ".join(errors))
    target = html_file.with_suffix(".pdf")
    target.write_bytes(pdf)
    return target
