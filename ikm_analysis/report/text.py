"""Report prose built from the catalogue: headings, the opening paragraph, caveats, labels.

The words themselves are in :mod:`ikm_analysis.i18n`'s catalogues; this module puts them
together with numbers already formatted (``92.799``, ``44,8 %``). Notebooks switch language with
their ``lang`` parameter, so their visible text comes from here rather than from Markdown cells.

Example:
    >>> text("section_categories", "id")
    'Unit IKM menurut kategori produk'
    >>> text("section_categories", "en")
    'IKM units by product category'
    >>> category_labels("en")["sandang"]
    'Clothing and batik benang bintik'
"""

from __future__ import annotations

import html
from functools import cache

from ikm_analysis.i18n import LANGS, check_lang, text, texts
from ikm_analysis.reference import load_kecamatan, load_product_categories
from ikm_analysis.report.display import format_value

__all__ = [
    "LANGS",
    "bullet_list",
    "category_labels",
    "caveats",
    "check_lang",
    "heading",
    "headline_paragraph",
    "kecamatan_labels",
    "synthetic_banner_html",
    "text",
]


def caveats(lang: str = "id") -> list[str]:
    """The caveats of a yearly report in ``lang`` (the catalogue's ``caveat_`` texts, in order).

    Example:
        >>> caveats("en")[0][:27]
        'Active units are counted at'
    """
    return list(texts("caveat_", lang).values())


@cache
def _category_table() -> dict[str, tuple[str, str]]:
    table = load_product_categories().sort_values("display_order")
    return {code: (label_id, label_en) for code, label_id, label_en in zip(
        table["category_code"], table["label_id"], table["label_en"], strict=True)}


def category_labels(lang: str = "id") -> dict[str, str]:
    """Product category code -> label in ``lang``, in display order."""
    index = 0 if check_lang(lang) == "id" else 1
    return {code: pair[index] for code, pair in _category_table().items()}


def kecamatan_labels() -> dict[str, str]:
    """Kecamatan code -> name (the same in both languages).

    Example:
        >>> kecamatan_labels()["62.71.04"]
        'Sabangau'
    """
    table = load_kecamatan()
    return dict(zip(table["kecamatan_code"], table["kecamatan"], strict=True))


def headline_paragraph(figures: dict[str, object], lang: str = "id") -> str:
    """The report's opening paragraph from :func:`ikm_analysis.metrics.headline.headline_figures`.

    Example:
        >>> figures = {"year": 2024, "active_units": 3823, "active_units_previous": 3752,
        ...     "change": 71, "change_percent": 1.89, "change_unavailable_reason": None,
        ...     "opened": 121, "closed": 50, "kelurahan_with_units": 30, "kelurahan_total": 30,
        ...     "kelurahan_with_sentra": 23}
        >>> headline_paragraph(figures, "id")[:80]
        'Pada akhir 2024 tercatat 3.823 unit IKM aktif, naik 71 unit (1,9 %) dibanding ak'
    """
    check_lang(lang)
    year, change = figures["year"], figures["change"]
    number = {key: format_value(figures[key], lang) for key in (
        "active_units", "active_units_previous", "opened", "closed", "kelurahan_with_units",
        "kelurahan_total", "kelurahan_with_sentra")}
    size = text("headline_units", lang, count=format_value(abs(change), lang))
    if figures["change_percent"] is not None:
        size = text("headline_units_percent", lang, count=format_value(abs(change), lang),
                    percent=format_value(abs(figures["change_percent"]), lang, 1))
    direction = "headline_up" if change > 0 else "headline_down" if change < 0 else None
    moved = text(direction, lang, size=size) if direction else text("headline_unchanged", lang)
    paragraph = text("headline_first", lang, year=year, previous_year=year - 1, moved=moved,
                     active_units=number["active_units"],
                     active_units_previous=number["active_units_previous"])
    paragraph += text("headline_rest", lang, year=year, **{key: number[key] for key in (
        "opened", "closed", "kelurahan_with_units", "kelurahan_total", "kelurahan_with_sentra")})
    reason = figures.get("change_unavailable_reason")
    if reason:
        paragraph += " " + text("note_no_change", lang, reason=text(f"no_rate_{reason}", lang))
    return paragraph


def heading(key: str, lang: str = "id", level: int = 2, **values: object) -> str:
    """A Markdown heading from the catalogue.

    Example:
        >>> heading("section_quality", "en")
        '## Data quality'
    """
    return "#" * level + " " + text(key, lang, **values)


def synthetic_banner_html(is_synthetic: bool, lang: str = "id") -> str:
    """The red DATA SINTETIS banner, or an empty string for a real registry.

    Example:
        >>> synthetic_banner_html(True)[:40]
        '<div class="ikm-banner">DATA SINTETIS — '
        >>> synthetic_banner_html(False)
        ''
    """
    if not is_synthetic:
        return ""
    return f'<div class="ikm-banner">{html.escape(text("synthetic_banner", lang))}</div>'


def bullet_list(sentences: list[str]) -> str:
    """Sentences as a Markdown list.

    Example:
        >>> print(bullet_list(["a", "b"]))
        - a
        - b
    """
    return "\n".join(f"- {sentence}" for sentence in sentences)
