"""The index page of the report site: every report built, with its title, description and date.

The index lists what is in the output folder, not what one build made: the Indonesian edition
and, when it was built, the English one (``en/``) each under their own heading, yearly reports
newest first, then the province and data-quality reports. Titles, the language and the
synthetic flag come from each report's ``key_figures.json``, the date from its
``provenance.json`` (the date its provenance block shows). A report is listed under the edition
of its own language, wherever its folder is (an English build written with ``--out`` sits at
the top of its folder), and an index of reports all in the other language is written in theirs.

Example:
    >>> entry = IndexEntry("2024/laporan_ikm_2024.html", "Laporan IKM 2024", "tahunan", 2024,
    ...                    "2026-12-02", False)
    >>> page = index_html({"id": [entry], "en": []}, "id")
    >>> '<a href="2024/laporan_ikm_2024.html">Laporan IKM 2024</a>' in page
    True
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from ikm_analysis.i18n import LANGS, check_lang, text
from ikm_analysis.report.kinds import REPORT_KINDS
from ikm_analysis.report.page import PAGE_CSS, REPORT_CSS

_INDEX_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60em;
       margin: 0 auto; padding: 1em; line-height: 1.45; color: #1f2328; }
.ikm-reports { list-style: none; padding: 0; }
.ikm-reports li { border-bottom: 1px solid #d0d7de; padding: 0.6em 0; }
.ikm-reports a { font-weight: 600; color: #0b5cad; }
.ikm-reports p { margin: 0.2em 0 0 0; }
.ikm-synthetic { color: #b42318; font-weight: 700; font-size: 0.85em; }
"""


@dataclass(frozen=True)
class IndexEntry:
    """One report on the index page.

    Attributes:
        href: Path of its HTML file relative to the index.
        title: Its title.
        kind: Key of :data:`ikm_analysis.report.kinds.REPORT_KINDS`.
        year: The report year of a yearly report.
        built_on: Date it was built (``YYYY-MM-DD``), or ``None`` when unknown.
        synthetic: Whether it was built from the synthetic sample.
        lang: The report's language, ``None`` when unknown (then the edition it is listed in).
    """

    href: str
    title: str
    kind: str
    year: int | None
    built_on: str | None
    synthetic: bool
    lang: str | None = None


def _kind_of(folder: str) -> tuple[str, int | None] | None:
    """The report kind (and year) of an output folder name, ``None`` for other folders."""
    for kind, spec in REPORT_KINDS.items():
        if spec.yearly and folder.isdigit():
            return kind, int(folder)
        if not spec.yearly and folder == spec.folder_name():
            return kind, None
    return None


def _json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def index_entries(edition_root: Path) -> list[IndexEntry]:
    """The reports of one edition folder, yearly ones newest first, then the others.

    Args:
        edition_root: ``reports/`` (Indonesian) or ``reports/en``.
    """
    entries = []
    if not edition_root.is_dir():
        return entries
    for folder in sorted(path for path in edition_root.iterdir() if path.is_dir()):
        kind = _kind_of(folder.name)
        if kind is None:
            continue
        page = REPORT_KINDS[kind[0]].page(edition_root, kind[1])
        if not page.is_file():
            continue
        figures = _json(folder / "key_figures.json")
        build = _json(folder / "provenance.json").get("build", {})
        finished = build.get("built_on") or build.get("finished_utc")
        entries.append(IndexEntry(
            page.relative_to(edition_root).as_posix(), str(figures.get("title", page.stem)),
            kind[0], kind[1], str(finished)[:10] if finished else None,
            bool(figures.get("synthetic", False)),
            figures["lang"] if figures.get("lang") in LANGS else None))
    order = list(REPORT_KINDS)
    return sorted(entries, key=lambda entry: (order.index(entry.kind), -(entry.year or 0)))


def _by_language(editions: dict[str, list[IndexEntry]]) -> dict[str, list[IndexEntry]]:
    """The entries regrouped by their own language, each edition's order kept."""
    grouped: dict[str, list[IndexEntry]] = {edition: [] for edition in LANGS}
    for edition in LANGS:
        for entry in editions.get(edition, []):
            grouped[entry.lang or edition].append(entry)
    return grouped


def index_html(editions: dict[str, list[IndexEntry]], lang: str = "id") -> str:
    """The index page.

    Args:
        editions: ``{"id": entries, "en": entries}``; hrefs relative to the index
            (English ones under ``en/``). An entry whose ``lang`` is known is listed under that
            edition, whichever list holds it.
        lang: The index page's language; the other one when every report is in the other.
    """
    check_lang(lang)
    editions = _by_language(editions)
    languages = {edition for edition, entries in editions.items() if entries}
    if len(languages) == 1 and lang not in languages:
        lang = languages.pop()
    title = html.escape(text("index_title", lang))
    parts = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{title}</title>",
             f"<style>{_INDEX_CSS}{REPORT_CSS}{PAGE_CSS}</style>", "</head>", "<body>",
             f"<h1>{title}</h1>"]
    if any(entry.synthetic for entries in editions.values() for entry in entries):
        parts.append(f'<div class="ikm-banner" role="note">'
                     f'{html.escape(text("index_synthetic_banner", lang))}</div>')
    intro = html.escape(text("index_intro", lang))
    parts.append(f"<p>{intro}</p>")
    if not any(editions.values()):
        empty = html.escape(text("index_empty", lang))
        parts.append(f"<p>{empty}</p>")
    for edition in ("id", "en"):
        entries = editions.get(edition, [])
        if not entries:
            continue
        hreflang = "" if edition == lang else f' hreflang="{edition}"'
        parts += [f'<h2 id="edisi-{edition}">{html.escape(text(f"index_edition_{edition}", lang))}'
                  "</h2>", f'<ul class="ikm-reports" lang="{edition}">']
        for entry in entries:
            built = ""
            if entry.built_on:
                when = html.escape(text("index_built", edition, date=entry.built_on))
                built = f' <span class="ikm-note">({when})</span>'

            description = html.escape(text(f"index_desc_{entry.kind}", edition))
            synthetic = ' <span class="ikm-synthetic">DATA SINTETIS</span>' if (
                entry.synthetic) else ""
            parts.append(f'<li><a href="{html.escape(entry.href)}"{hreflang}>'
                         f"{html.escape(entry.title)}</a>{synthetic}{built}"
                         f"<p>{description}</p></li>")
        parts.append("</ul>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
