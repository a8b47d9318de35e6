"""What a chart or map shows, in words: the ``alt`` text of every report figure.

Each description is written from the data the chart draws: its kind and title, then the largest
values (and the smallest, the first and last year, the largest rise), in the report language with
the report's number formats. Hidden cells (``pd.NA``) are never named with a value, only counted,
as the chart shows them (``x``, a gap, grey hatching); no description computes anything a table
does not show.

Example:
    >>> import pandas as pd
    >>> describe_bar_chart(pd.Series({"Pangan": 1589, "Kayu": pd.NA, "Logam": 350}),
    ...                    "Unit per kategori", "id")
    'Diagram batang: Unit per kategori. Terbanyak: Pangan (1.589), Logam (350). Nilai \
disembunyikan (sel kecil): 1.'
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ikm_analysis.i18n import text
from ikm_analysis.report.display import format_value

#: How many of the largest values a description names.
TOP = 3
#: The catalogue key of the word for a map's regions.
REGION_WORDS = {"kelurahan": "desc_regions_kelurahan", "kabkota": "desc_regions_kabkota"}


def _shown(values: pd.Series) -> pd.Series:
    """The values that are not hidden, largest first (ties in the given order)."""
    kept = values.astype("Float64").dropna().astype(float)
    return kept.iloc[pd.Series(-kept.to_numpy()).argsort(kind="stable").to_numpy()]


def _listing(values: pd.Series, lang: str) -> str:
    return ", ".join(f"{label} ({format_value(value, lang)})" for label, value in values.items())


def _hidden(count: int, lang: str) -> list[str]:
    return [text("desc_hidden", lang, count=format_value(count, lang))] if count else []


def describe_bar_chart(values: pd.Series, title: str, lang: str = "id", top: int = TOP) -> str:
    """A bar chart: its title, the ``top`` largest values and, when more, the smallest.

    Args:
        values: The numbers drawn, indexed by label; ``pd.NA`` where hidden.
        title: The chart's title.
        lang: ``"id"`` or ``"en"``.
        top: How many of the largest values to name.

    Example:
        >>> describe_bar_chart(pd.Series({"a": 5, "b": 9, "c": 1, "d": 7, "e": 3}), "T", "en")
        'Bar chart: T. Largest: b (9), d (7), a (5). Smallest: c (1).'
    """
    shown = _shown(values)
    sentences = [text("desc_bar", lang, title=title.rstrip("."))]
    if len(shown):
        sentences.append(text("desc_largest", lang, values=_listing(shown.iloc[:top], lang)))
    if len(shown) > top:
        sentences.append(text("desc_smallest", lang, values=_listing(shown.iloc[-1:], lang)))
    return " ".join(sentences + _hidden(int(values.isna().sum()), lang))


def describe_line_chart(values: pd.Series, title: str, lang: str = "id") -> str:
    """A line over years: first and last value, and the highest with its year.

    Example:
        >>> describe_line_chart(pd.Series({2020: 64087, 2021: 92799, 2022: 90000}), "UMKM", "id")
        'Diagram garis: UMKM, 2020–2022. Dari 64.087 (2020) menjadi 90.000 (2022); tertinggi \
92.799 (2021).'
    """
    sentences = [text("desc_line", lang, title=title.rstrip("."),
                      years=_year_span(list(values.index)))]
    shown = values.astype("Float64").dropna().astype(float)
    if len(shown):
        peak = _shown(shown)
        sentences.append(text(
            "desc_line_values", lang, first=format_value(shown.iloc[0], lang),
            first_year=shown.index[0], last=format_value(shown.iloc[-1], lang),
            last_year=shown.index[-1], peak=format_value(peak.iloc[0], lang),
            peak_year=peak.index[0]))
    return " ".join(sentences + _hidden(int(values.isna().sum()), lang))


def _year_span(years: list) -> str:
    if not years:
        return "–"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def describe_trend_chart(values: pd.DataFrame, title: str, lang: str = "id",
                         top: int = TOP) -> str:
    """Lines by label over years: the largest in the last year, the largest rise over the span.

    Args:
        values: One row per label, one column per year; ``pd.NA`` where hidden.
        title: The chart's title.
        lang: ``"id"`` or ``"en"``.
        top: How many of the largest values to name.

    Example:
        >>> trend = pd.DataFrame({2020: [10, 4, pd.NA], 2024: [12, 9, 5]},
        ...                      index=["Pangan", "Kayu", "Logam"])
        >>> describe_trend_chart(trend, "Unit", "en")
        'Line chart: Unit, 2020–2024, one line each for 3 groups. In 2024 largest: Pangan (12), \
Kayu (9), Logam (5). Largest rise since 2020: Kayu (+5). Values hidden (small cells): 1.'
    """
    years = list(values.columns)
    sentences = [text("desc_trend", lang, title=title.rstrip("."), years=_year_span(years),
                      count=format_value(len(values), lang))]
    if years:
        last = _shown(values[years[-1]])
        if len(last):
            sentences.append(text("desc_trend_last", lang, year=years[-1],
                                  values=_listing(last.iloc[:top], lang)))
        change = (values[years[-1]].astype("Float64") - values[years[0]].astype("Float64"))
        rises = _shown(change)
        if len(years) > 1 and len(rises) and rises.iloc[0] > 0:
            sentences.append(text(
                "desc_trend_rise", lang, year=years[0], label=rises.index[0],
                change=format_value(rises.iloc[0], lang, kind="signed")))
    return " ".join(sentences + _hidden(int(values.isna().to_numpy().sum()), lang))


def describe_choropleth(values: Mapping[str, object] | pd.Series, names: Mapping[str, str],
                        title: str, classes: int, lang: str = "id", top: int = TOP,
                        regions: str = "kelurahan") -> str:
    """A map shaded by value: how many regions in how many classes, the range, the largest.

    Args:
        values: Value per region code; ``pd.NA`` or missing where hidden.
        names: Name per region code, for every region on the map.
        title: The map's title.
        classes: How many colour classes the map uses.
        lang: ``"id"`` or ``"en"``.
        top: How many of the largest values to name.
        regions: ``"kelurahan"`` or ``"kabkota"``: the word for the regions.

    Example:
        >>> describe_choropleth({"1": 40, "2": pd.NA, "3": 7}, {"1": "A", "2": "B", "3": "C"},
        ...                     "Unit", 2, "en")
        'Map by kelurahan: Unit. 3 kelurahan in 2 colour classes, from 7 to 40. Largest: A (40), \
C (7). 1 kelurahan grey and hatched: value hidden.'
    """
    series = pd.Series({code: values.get(code, pd.NA) for code in names}, dtype="Float64")
    shown = _shown(series)
    shown.index = [names[code] for code in shown.index]
    word = text(REGION_WORDS[regions], lang)
    sentences = [text("desc_map", lang, title=title.rstrip("."), regions=word)]
    if len(shown):
        sentences.append(text(
            "desc_map_classes", lang, count=format_value(len(names), lang), regions=word,
            classes=format_value(classes, lang), low=format_value(shown.iloc[-1], lang),
            high=format_value(shown.iloc[0], lang)))
        sentences.append(text("desc_largest", lang, values=_listing(shown.iloc[:top], lang)))
    hidden = int(series.isna().sum())
    if hidden:
        sentences.append(text("desc_map_hidden", lang, count=format_value(hidden, lang),
                              regions=word))
    return " ".join(sentences)


def describe_category_map(classes: Mapping[str, str], names: Mapping[str, str], title: str,
                          lang: str = "id", regions: str = "kelurahan",
                          list_up_to: int = 10) -> str:
    """A map coloured by class: how many regions in each class, naming them when few.

    Args:
        classes: Class label per region code.
        names: Name per region code.
        title: The map's title.
        lang: ``"id"`` or ``"en"``.
        regions: ``"kelurahan"`` or ``"kabkota"``: the word for the regions.
        list_up_to: Name the regions of a class with at most this many.

    Example:
        >>> describe_category_map({"1": "kota", "2": "lain", "3": "lain"},
        ...                       {"1": "Palangka Raya", "2": "Kapuas", "3": "Katingan"},
        ...                       "Letak", "id", "kabkota")
        'Peta kabupaten/kota: Letak. Kota: 1 kabupaten/kota (Palangka Raya); lain: 2 \
kabupaten/kota (Kapuas, Katingan).'
    """
    word = text(REGION_WORDS[regions], lang)
    parts = []
    for label in dict.fromkeys(classes.values()):
        members = [names[code] for code, member_class in classes.items() if member_class == label]
        listed = f" ({', '.join(members)})" if len(members) <= list_up_to else ""
        parts.append(f"{label}: {format_value(len(members), lang)} {word}{listed}")
    counts = "; ".join(parts)
    counts = counts[:1].upper() + counts[1:]  # a sentence of its own, after the title's
    return f"{text('desc_map', lang, title=title.rstrip('.'), regions=word)} {counts}."
