"""The page around a report: its language, links to the rest of the site, a table of contents.

nbconvert exports a notebook as a page of its own; :func:`finish_page` makes it one page of the
report site: ``<html lang>`` says the edition's language (screen readers and hyphenation follow
it), a bar of links leads to the index, the previous and next year and the other edition, and a
table of contents lists the report's sections (its ``h2`` and ``h3`` headings, which nbconvert
gives ids). The links are worked out by the build (:func:`site_links`), which knows which
reports exist or are being built, so no link points at a page that is not there.

Example:
    >>> page = ('<html lang="en"><body><h1 id="T">T</h1>'
    ...         '<h2 id="A">A<a class="anchor-link">¶</a></h2><h2 id="B">B</h2></body></html>')
    >>> finished = finish_page(page, "id", [SiteLink("index", "../index.html")])
    >>> finished.startswith('<html lang="id">'), 'href="#A"' in finished
    (True, True)
    >>> 'href="../index.html"' in finished
    True
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ikm_analysis.i18n import check_lang, text

#: Style of every report table and banner; printed once at the top of each report
#: (here, not in display, so the site index is written without importing pandas).
REPORT_CSS = """
.ikm-table { border-collapse: collapse; margin: 0.5em 0 1em 0; font-size: 0.95em; }
.ikm-table th, .ikm-table td { padding: 0.25em 0.7em; border-bottom: 1px solid #d0d7de; }
.ikm-table th, .jp-RenderedHTMLCommon table.ikm-table th { background: #f3f5f7; text-align: left; }
.ikm-table td { text-align: right; font-variant-numeric: tabular-nums; }
.ikm-table td:first-child, .ikm-table td.ikm-text { text-align: left; }
.ikm-table tr:last-child td { font-weight: 600; }
.ikm-table.ikm-list tr:last-child td { font-weight: normal; }
.ikm-banner { background: #b42318; color: #fff; padding: 0.8em 1em; font-weight: 700;
              border-radius: 4px; margin: 0.5em 0 1em 0; }
.ikm-note { color: #57606a; font-size: 0.9em; }
.ikm-figure { margin: 0.5em 0 1.5em 0; max-width: 100%; }
.ikm-figure img { max-width: 100%; height: auto; display: block; }
.ikm-figure figcaption { color: #57606a; font-size: 0.85em; margin-top: 0.3em; }
.ikm-provenance { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
.ikm-provenance th, .ikm-provenance td { text-align: left; padding: 0.2em 0.8em 0.2em 0;
                                         vertical-align: top; overflow-wrap: anywhere; }
.ikm-provenance th { font-weight: 600; color: #57606a; }
@media screen {  /* a table wider than a phone scrolls in its own box, not the whole page */
  .ikm-table { display: block; max-width: 100%; overflow-x: auto; }
}
"""


#: Style of the link bar and the table of contents (printed with the report's other styles).
PAGE_CSS = """
.ikm-site, .ikm-toc { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.ikm-site { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; padding: 0.5em 0;
            border-bottom: 1px solid #d0d7de; margin-bottom: 0.8em; font-size: 0.95em; }
.ikm-site a { color: #0b5cad; text-decoration: none; }
.ikm-site a:hover, .ikm-toc a:hover { text-decoration: underline; }
.ikm-toc { background: #f6f8fa; border-radius: 4px; padding: 0.6em 1em; margin: 0.8em 0 1.2em 0; }
.ikm-toc h2 { font-size: 1em; margin: 0 0 0.3em 0; }
.ikm-toc ol { margin: 0; padding-left: 1.4em; }
.ikm-toc ol ol { list-style: lower-alpha; }
.ikm-toc a { color: #0b5cad; text-decoration: none; }
@media print { .ikm-site { display: none; } }
/* A phone: 12 px page margins instead of the notebook template's 23 px, so a 480 px figure
   shows 366 px wide on a 390 px screen and its smallest text at 11 px or more; table labels
   keep a readable width (the table scrolls in its box) instead of a word per line. */
@media screen and (max-width: 600px) {
  body.jp-Notebook { margin: 0; padding: 8px; }
  body.jp-Notebook .jp-Cell { padding: 4px; }
  body.jp-Notebook .ikm-site { padding-left: 4px; padding-right: 4px; }  /* in line with them */
  .ikm-table th, .ikm-table td { padding: 0.25em 0.45em; }
  .ikm-table td.ikm-text { min-width: 10em; }
  .ikm-table td.ikm-long { min-width: 16em; }
}
"""


@dataclass(frozen=True)
class SiteLink:
    """One link of the bar at the top of a report.

    Attributes:
        role: ``index``, ``previous``, ``next`` or ``other_edition``.
        href: Relative to the report's page.
        year: The year of a ``previous`` or ``next`` report.
    """

    role: str
    href: str
    year: int | None = None


def site_links(page: Path, site_root: Path, *, previous: Path | None = None,
               next_page: Path | None = None, other_edition: Path | None = None
               ) -> list[SiteLink]:
    """The bar of links of the report at ``page``: paths in, relative links out.

    Args:
        page: The report's HTML file.
        site_root: The folder holding ``index.html``.
        previous: The yearly report of the year before, if it exists.
        next_page: The yearly report of the year after, if it exists.
        other_edition: The same report in the other language, if it exists.

    Example:
        >>> root = Path("reports")
        >>> links = site_links(root / "2024" / "a.html", root,
        ...                    previous=root / "2023" / "b.html",
        ...                    other_edition=root / "en" / "2024" / "c.html")
        >>> [(link.role, link.href, link.year) for link in links]
        [('index', '../index.html', None), ('previous', '../2023/b.html', 2023), \
('other_edition', '../en/2024/c.html', None)]
    """
    def relative(target: Path) -> str:
        return Path(os.path.relpath(target, page.parent)).as_posix()

    links = [SiteLink("index", relative(site_root / "index.html"))]
    for role, target in (("previous", previous), ("next", next_page)):
        if target is not None:
            links.append(SiteLink(role, relative(target), int(target.parent.name)))
    if other_edition is not None:
        links.append(SiteLink("other_edition", relative(other_edition)))
    return links


def site_nav_html(links: Sequence[SiteLink], lang: str) -> str:
    """The bar of links as HTML, in the page's language.

    Example:
        >>> print(site_nav_html([SiteLink("next", "../2025/x.html", 2025)], "id")[-52:])
        <a href="../2025/x.html" rel="next">2025 →</a></nav>
    """
    check_lang(lang)
    rel = {"previous": ' rel="prev"', "next": ' rel="next"'}
    items = []
    for link in links:
        label = text(f"nav_{link.role}", lang, year=link.year)
        hreflang = f' hreflang="{"id" if lang == "en" else "en"}"' if (
            link.role == "other_edition") else ""
        items.append(f'<a href="{html.escape(link.href)}"{rel.get(link.role, "")}{hreflang}>'
                     f"{html.escape(label)}</a>")
    return (f'<nav class="ikm-site" aria-label="{html.escape(text("nav_label", lang))}">'
            + "".join(items) + "</nav>")


class _Headings(HTMLParser):
    """The ``h2`` and ``h3`` headings of a page with an id: (level, id, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3") and dict(attrs).get("id"):
            self._open, self._text = (int(tag[1]), dict(attrs)["id"]), []
        elif tag == "a" and self._open is not None and "anchor-link" in (
                dict(attrs).get("class") or ""):
            self._skip += 1  # nbconvert's pilcrow link

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag in ("h2", "h3") and self._open is not None:
            self.found.append((*self._open, " ".join("".join(self._text).split())))
            self._open = None

    def handle_data(self, data):
        if self._open is not None and not self._skip:
            self._text.append(data)


def table_of_contents_html(page: str, lang: str) -> str:
    r"""A numbered table of contents of the page's ``h2`` sections and their ``h3`` parts.

    Returns:
        ``""`` when the page has fewer than two sections (nothing to find one's way in).

    Example:
        >>> page = '<h2 id="a">Satu</h2><h3 id="b">Satu-a</h3><h2 id="c">Dua</h2>'
        >>> toc = table_of_contents_html(page, "en")
        >>> print(toc[toc.index("<ol>"):].replace("<li>", "\n<li>"))
        <ol>
        <li><a href="#a">Satu</a><ol>
        <li><a href="#b">Satu-a</a></li></ol></li>
        <li><a href="#c">Dua</a></li></ol></nav>
    """
    check_lang(lang)
    parser = _Headings()
    parser.feed(page)
    headings = [heading for heading in parser.found if heading[1] != "ikm-toc-title"]
    if sum(level == 2 for level, _, _ in headings) < 2:
        return ""
    parts, in_sub = ["<ol>"], False
    for index, (level, anchor, label) in enumerate(headings):
        link = f'<a href="#{html.escape(anchor)}">{html.escape(label)}</a>'
        if level == 3 and index > 0:
            parts.append(("<ol>" if not in_sub else "") + f"<li>{link}</li>")
            in_sub = True
            continue
        if in_sub:
            parts.append("</ol></li>")
            in_sub = False
        elif index > 0:
            parts.append("</li>")
        parts.append(f"<li>{link}")
    parts.append("</ol></li></ol>" if in_sub else "</li></ol>")
    title = html.escape(text("toc_title", lang))
    return (f'<nav class="ikm-toc" aria-labelledby="ikm-toc-title">'
            f'<h2 id="ikm-toc-title">{title}</h2>{"".join(parts)}</nav>')


_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def finish_page(page: str, lang: str, links: Sequence[SiteLink]) -> str:
    """The exported page as one page of the site: its language, the link bar, the contents.

    Args:
        page: A whole HTML document as nbconvert exports it.
        lang: The edition's language.
        links: From :func:`site_links`.

    Raises:
        ValueError: The page has no ``<html>`` or ``<body>`` tag.
    """
    check_lang(lang)
    if not _HTML_TAG.search(page) or not _BODY_TAG.search(page):
        raise ValueError("not a whole HTML page: no <html> or <body> tag")
    page = _HTML_TAG.sub(f'<html lang="{lang}">', page, count=1)
    contents = table_of_contents_html(page, lang)
    if contents:
        heading = _FIRST_H1_END.search(page)
        if heading is None:  # no title: the contents open the page
            body = _BODY_TAG.search(page)
            page = page[:body.end()] + contents + page[body.end():]
        else:
            page = page[:heading.end()] + contents + page[heading.end():]
    body = _BODY_TAG.search(page)
    style = f"<style>{PAGE_CSS}</style>"
    return page[:body.end()] + style + site_nav_html(links, lang) + page[body.end():]
