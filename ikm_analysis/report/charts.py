r"""Charts in the house style: one look for every report, labels in the report language.

Every chart function returns a :class:`Chart`: the drawing (a :class:`matplotlib.figure.Figure`,
not pyplot, so nothing is drawn twice in a notebook) with a description written from the data it
draws (:mod:`ikm_analysis.report.descriptions`). :func:`show` displays it as an HTML ``<figure>``:
the chart as an SVG image (sharp on paper and on any screen) whose ``alt`` text is the
description, and a source line under it.

The SVG is the same bytes every time: no date, a fixed hash salt for matplotlib's ids, text drawn
as glyph outlines (no dependence on the reader's fonts). The house style is in force only while a
chart is built and rendered: matplotlib's global settings are left as the analyst has them.

Charts are 5 inches (480 CSS pixels) wide with text of 11 points or more: a 390-pixel phone
shows them about 366 pixels wide (the narrow-screen style of
:data:`ikm_analysis.report.page.PAGE_CSS`), so the smallest text still shows at 11 pixels or
more; titles wrap rather than being cut. On paper a figure prints 5 inches wide, text 12 points.

Example:
    >>> import pandas as pd
    >>> chart = bar_chart(pd.Series({"Pangan": 1589, "Kayu": 499}), "Unit", "Unit aktif")
    >>> chart.description
    'Diagram batang: Unit. Terbanyak: Pangan (1.589), Kayu (499).'
    >>> figure_svg(chart)[:5]
    b'<?xml'
"""

from __future__ import annotations

import base64
import functools
import html
import io
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import ParamSpec, TypeVar

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ikm_analysis.report import descriptions
from ikm_analysis.report.display import HIDDEN, format_value

P = ParamSpec("P")
R = TypeVar("R")

#: The report palette: a dark teal for the data, a red for emphasis, greys for context.
PRIMARY = "#1f6f78"
ACCENT = "#b42318"
MUTED = "#c9d1d9"
HIDDEN_COLOUR = "#d0d0d0"
EDGE_COLOUR = "#57606a"
SEQUENTIAL_CMAP = "YlGnBu"
#: Lines of a trend by key: the Okabe-Ito colours, told apart also with colour-blindness.
LINE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
LINE_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
#: Resolution of PNG renderings (review images, downloads): print quality.
DPI = 200
#: CSS pixels per inch: a figure shows at its width in inches times this.
CSS_PX_PER_INCH = 96
#: Width of every chart and map, in inches.
WIDTH = 5.0
TITLE_SIZE = 14
TEXT_SIZE = 12
#: The smallest text a figure has (point labels, notes), in points.
SMALL_TEXT_SIZE = TEXT_SIZE - 1

_RC = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "font.size": TEXT_SIZE,
    "axes.titleweight": "bold",
    "axes.titlesize": TITLE_SIZE,
    "axes.titlelocation": "left",
    "axes.labelsize": TEXT_SIZE,
    "xtick.labelsize": TEXT_SIZE,
    "ytick.labelsize": TEXT_SIZE,
    "legend.fontsize": TEXT_SIZE,
    "figure.titlesize": TITLE_SIZE,
    "figure.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    # Reproducible SVG: ids from this salt, not random. Text stays text (not a path per letter):
    # a third of the file, selectable, and drawn by the PDF renderer's fonts instead of as
    # thousands of outlines (the yearly PDF 2.7 s -> 1.8 s); see SVG_FONT_FAMILY for viewers
    # without DejaVu Sans.
    "svg.hashsalt": "ikm-analysis",
    "svg.fonttype": "none",
    "path.simplify": True,
}


@dataclass(frozen=True)
class Chart:
    """A chart or map ready to show: the drawing and what it shows in words.

    Attributes:
        figure: The matplotlib figure.
        description: What the chart shows and its largest values, in the report language
            (the image's ``alt`` text); hidden cells are never given away.
    """

    figure: Figure
    description: str

    def _repr_html_(self) -> str:
        """A chart left as a cell's last value shows in a notebook as its figure."""
        return figure_html(self)

    @property
    def width_px(self) -> int:
        """The width the chart shows at in a report, in CSS pixels."""
        return round(self.figure.get_figwidth() * CSS_PX_PER_INCH)


@cache
def house_style() -> dict[str, object]:
    """The matplotlib settings of every report chart: seaborn's whitegrid look and ours.

    The same settings ``sns.set_theme(style="whitegrid", context="notebook", ...)`` would make
    global; here they are only applied while a chart is built and rendered
    (:func:`in_house_style`), so an analyst's own plots keep their look.
    """
    import seaborn as sns
    from cycler import cycler

    return {**sns.plotting_context("notebook"),
            **sns.axes_style("whitegrid", rc={"font.family": "sans-serif"}),
            "axes.prop_cycle": cycler("color", [PRIMARY, ACCENT, "#6e7781"]), **_RC}


def in_house_style(draw: Callable[P, R]) -> Callable[P, R]:
    """Run ``draw`` with :func:`house_style` in force, restoring matplotlib's settings after."""

    @functools.wraps(draw)
    def styled(*args: P.args, **kwargs: P.kwargs) -> R:
        with mpl.rc_context(house_style()):
            return draw(*args, **kwargs)

    return styled


def number_formatter(lang: str = "id", decimals: int = 0) -> FuncFormatter:
    """Axis ticks as the report prints numbers (``3.823`` in Indonesian).

    Example:
        >>> number_formatter("id")(92799, 0)
        '92.799'
    """
    return FuncFormatter(lambda value, _position: format_value(value, lang, decimals))


def wrap_text(words: str, width_in: float, size: float = TITLE_SIZE) -> str:
    """``words`` broken into lines that fit ``width_in`` inches at ``size`` points.

    A line holds as many characters as fit at 0.62 em each (DejaVu Sans Bold's average width
    is about 0.6 em), so a title is wrapped, never cut off at the figure's edge.

    Example:
        >>> print(wrap_text("Unit IKM aktif menurut kategori produk, akhir 2024", 3.0))
        Unit IKM aktif menurut
        kategori produk, akhir
        2024
    """
    per_line = max(8, int(width_in * 72 / (size * 0.62)))
    return "\n".join(textwrap.wrap(words, per_line, break_long_words=False)) or words


def _new_figure(height: float, title: str, width: float = WIDTH
                ) -> tuple[Figure, mpl.axes.Axes]:
    figure = Figure(figsize=(width, height), layout="constrained")
    figure.suptitle(wrap_text(title, width - 0.2), x=0.01, ha="left")
    return figure, figure.add_subplot()


@in_house_style
def bar_chart(values: pd.Series, title: str, value_label: str, lang: str = "id") -> Chart:
    """Horizontal bars, one per label, largest first, with the value printed at each bar.

    Missing values (hidden cells) get no bar and the label ``x``.

    Args:
        values: Numbers indexed by the label to show.
        title: Chart title.
        value_label: Axis label of the values.
        lang: Language of number formats.
    """
    labels = [wrap_text(str(label), 2.3, TEXT_SIZE) for label in values.index]
    lines = sum(label.count("\n") + 1 for label in labels)
    title_lines = wrap_text(title, WIDTH - 0.2).count("\n") + 1
    figure, axes = _new_figure(0.3 * lines + 0.25 * len(values) + 0.3 * title_lines + 0.9, title)
    ordered = values.astype("Float64").sort_values(ascending=True, na_position="first")
    by_label = dict(zip(values.index, labels, strict=True))
    shown = ordered.fillna(0).astype(float)
    axes.barh([by_label[label] for label in ordered.index], shown.to_numpy(), color=PRIMARY)
    for position, value in enumerate(ordered.tolist()):
        label = HIDDEN if pd.isna(value) else format_value(value, lang)
        axes.annotate(label, (0 if pd.isna(value) else value, position), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=TEXT_SIZE)
    axes.set_xlabel(value_label)
    axes.xaxis.set_major_formatter(number_formatter(lang))
    axes.xaxis.set_major_locator(MaxNLocator(5, integer=True))
    axes.margins(x=0.15)
    axes.grid(axis="y", visible=False)
    return Chart(figure, descriptions.describe_bar_chart(values, title, lang))


@in_house_style
def line_chart(values: pd.Series, title: str, value_label: str, lang: str = "id",
               highlight: object = None) -> Chart:
    """A line over years with each point labelled; ``highlight`` marks one point in red.

    Args:
        values: Numbers indexed by year.
        title: Chart title.
        value_label: Axis label of the values.
        lang: Language of number formats.
        highlight: The index value (year) to emphasise, e.g. the report year.
    """
    title_lines = wrap_text(title, WIDTH - 0.2).count("\n") + 1
    figure, axes = _new_figure(3.6 + 0.3 * title_lines, title)
    years = [int(year) for year in values.index]
    numbers = values.astype(float).to_numpy()
    axes.plot(years, numbers, color=PRIMARY, marker="o")
    for index, (year, value) in enumerate(zip(years, numbers, strict=True)):
        colour = ACCENT if year == highlight else PRIMARY
        # Labels alternate above and below when there are many years, so they do not touch;
        # counted from the last year, which is the report year and always labelled above.
        above = len(years) <= 6 or (len(years) - 1 - index) % 2 == 0 or year == highlight
        offset = 8 if above else -(8 + SMALL_TEXT_SIZE * 1.2)
        axes.annotate(format_value(value, lang), (year, value), xytext=(0, offset),
                      textcoords="offset points", ha="center", fontsize=SMALL_TEXT_SIZE,
                      color=colour)
        if year == highlight:
            axes.plot([year], [value], marker="o", color=ACCENT, markersize=9)
    _year_ticks(axes, years)
    axes.set_ylabel(value_label)
    axes.yaxis.set_major_formatter(number_formatter(lang))
    axes.yaxis.set_major_locator(MaxNLocator(5, integer=True))
    axes.set_ylim(0, max(numbers) * 1.18 if len(numbers) else 1)
    return Chart(figure, descriptions.describe_line_chart(values, title, lang))


def _year_ticks(axes: mpl.axes.Axes, years: list[int]) -> None:
    step = 1 if len(years) <= 6 else 2
    shown = [year for year in years if (years[-1] - year) % step == 0]
    axes.set_xticks(shown, [str(year) for year in shown])
    if years:
        axes.set_xlim(years[0] - 0.5, years[-1] + 0.5)


@in_house_style
def trend_chart(values: pd.DataFrame, title: str, value_label: str, lang: str = "id",
                hidden_label: str | None = None) -> Chart:
    """One line per row of ``values`` over the years of its columns, with a legend below.

    Hidden cells (``pd.NA``) are not drawn: the line has a gap there, and ``hidden_label``
    says why under the chart. Nothing marks where a hidden value would be.

    Args:
        values: Numbers, one row per label to show, one column per year.
        title: Chart title.
        value_label: Axis label of the values.
        lang: Language of number formats.
        hidden_label: Note under the chart when a value is hidden (none when ``None``).

    Raises:
        ValueError: More rows than there are line colours.
    """
    if len(values) > len(LINE_COLOURS):
        raise ValueError(f"at most {len(LINE_COLOURS)} lines, got {len(values)}")
    title_lines = wrap_text(title, WIDTH - 0.2).count("\n") + 1
    legend_rows = -(-len(values) // 2)
    figure, axes = _new_figure(3.4 + 0.3 * title_lines + 0.45 * legend_rows, title)
    years = [int(year) for year in values.columns]
    numbers = values.astype("Float64").astype(float)  # hidden cells become NaN: a gap
    for index, (label, row) in enumerate(numbers.iterrows()):
        axes.plot(years, row.to_numpy(), color=LINE_COLOURS[index], marker=LINE_MARKERS[index],
                  markersize=5, linewidth=2,
                  label=wrap_text(str(label), (WIDTH - 1.2) / 2, TEXT_SIZE))
    _year_ticks(axes, years)
    axes.set_ylabel(value_label)
    axes.yaxis.set_major_formatter(number_formatter(lang))
    axes.yaxis.set_major_locator(MaxNLocator(5, integer=True))
    top = numbers.max().max()
    axes.set_ylim(0, top * 1.08 if pd.notna(top) and top > 0 else 1)
    figure.legend(loc="outside lower center", ncols=2, frameon=False, fontsize=TEXT_SIZE)
    if hidden_label is not None and values.isna().to_numpy().any():
        axes.annotate(hidden_label, (0, 1), xycoords="axes fraction", xytext=(0, 4),
                      textcoords="offset points", fontsize=SMALL_TEXT_SIZE, color=EDGE_COLOUR,
                      va="bottom")
    return Chart(figure, descriptions.describe_trend_chart(values, title, lang))


def _figure_of(chart: Chart | Figure) -> Figure:
    return chart.figure if isinstance(chart, Chart) else chart


def _save(figure: Figure, buffer: io.BytesIO, **options: object) -> None:
    """Save the figure, laid out by its first save and kept so for every later one.

    Constrained layout run again at each save starts from the last result and moves things by
    fractions of a point, which changes the SVG's clip ids; a layout frozen after the first save
    renders the same bytes every time. Laying out in the first save rather than beforehand
    draws each report figure once instead of twice (a third of a chart's time).
    """
    figure.savefig(buffer, **options)
    if figure.get_layout_engine() is not None:
        figure.set_layout_engine("none")


@in_house_style
def figure_png(chart: Chart | Figure, dpi: int = DPI) -> bytes:
    """The chart as PNG bytes at ``dpi``, without a timestamp or software stamp (reproducible).

    Example:
        >>> import pandas as pd
        >>> chart = line_chart(pd.Series({2020: 64087, 2021: 92799}), "UMKM", "Unit")
        >>> figure_png(chart) == figure_png(chart)
        True
    """
    buffer = io.BytesIO()
    _save(_figure_of(chart), buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


@in_house_style
def figure_svg(chart: Chart | Figure) -> bytes:
    """The chart as SVG bytes, the same every time: no date, ids from a fixed salt.

    Example:
        >>> import pandas as pd
        >>> chart = line_chart(pd.Series({2020: 64087, 2021: 92799}), "UMKM", "Unit")
        >>> figure_svg(chart) == figure_svg(chart), b"<dc:date>" in figure_svg(chart)
        (True, False)
    """
    buffer = io.BytesIO()
    _save(_figure_of(chart), buffer, format="svg", metadata={"Date": None})
    svg = _PATH_DATA.sub(_compact_path, buffer.getvalue().decode("utf-8"))
    return _numbered_ids(svg.replace(_MATPLOTLIB_FONT, SVG_FONT_FAMILY)).encode("utf-8")


#: The fonts an SVG figure asks for: DejaVu Sans (matplotlib's, which laid the text out), else
#: Verdana, whose letters are as wide, else any sans-serif; never the browser's default serif.
SVG_FONT_FAMILY = "font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', Arial, sans-serif"
_MATPLOTLIB_FONT = "font-family: 'DejaVu Sans'"


_PATH_DATA = re.compile(r' d="([^"]*)"')
_NUMBER = re.compile(r"-?\d+\.\d+")


#: The ids matplotlib gives clip paths, markers and hatches: a letter and 10 hex digits of a
#: hash of the shape with every digit of its coordinates.
_HASHED_ID = re.compile(r'(?<=id=")[pmh][0-9a-f]{10}(?=")')
#: Such an id where it is defined (``id="…"``) or used (``url(#…)``, ``href="#…"``).
_HASHED_ID_USE = re.compile(r'(?<=["#])[pmh][0-9a-f]{10}(?=[")])')


def _numbered_ids(svg: str) -> str:
    """The SVG with matplotlib's hashed ids numbered in order of appearance (``p1``, ``m2``, …).

    A hashed id changes when a clip box moves by a billionth of a point, which the drawing does
    not show but the bytes do; numbered ids keep two renderings of the same picture identical.

    Example:
        >>> _numbered_ids('<clipPath id="p0123456789"/><g clip-path="url(#p0123456789)"/>')
        '<clipPath id="p1"/><g clip-path="url(#p1)"/>'
    """
    names = {old: f"{old[0]}{number}"
             for number, old in enumerate(dict.fromkeys(_HASHED_ID.findall(svg)), start=1)}
    return _HASHED_ID_USE.sub(lambda match: names.get(match.group(), match.group()), svg)


def _compact_path(match: re.Match) -> str:
    """A path's coordinates to 0.01 point (a 300th of a millimetre), one space between parts.

    Matplotlib writes six decimals and a line per point, which makes a map three times larger
    than it needs to be.
    """
    rounded = _NUMBER.sub(lambda number: f"{float(number.group()):.2f}".rstrip("0").rstrip("."),
                          match.group(1))
    return ' d="' + " ".join(rounded.split()) + '"'


def figure_html(chart: Chart, source: str | None = None) -> str:
    """The chart as an HTML ``<figure>``: SVG image with the description as ``alt``, source line.

    Reports always give ``source``; without it (exploring in a notebook) there is no caption.

    The image is a data URI (the report stays one file) shown at the chart's width, or narrower
    on a narrow screen (``max-width: 100%`` in the report's style).

    Example:
        >>> import pandas as pd
        >>> chart = bar_chart(pd.Series({"a": 3}), "t", "v", "en")
        >>> print(figure_html(chart, "Source: x")[:72])
        <figure class="ikm-figure"><img alt="Bar chart: t. Largest: a (3)." widt
    """
    encoded = base64.b64encode(figure_svg(chart)).decode("ascii")
    caption = "" if source is None else f"<figcaption>{html.escape(source)}</figcaption>"
    return (f'<figure class="ikm-figure"><img alt="{html.escape(chart.description)}" '
            f'width="{chart.width_px}" src="data:image/svg+xml;base64,{encoded}">'
            f'{caption}</figure>')


def show(chart: Chart, source: str | None = None) -> None:
    """Display the chart in a notebook as a figure with its description and source line.

    Args:
        chart: What a chart or map function returned.
        source: The source line printed under the chart (e.g. :func:`registry_source`);
            every report chart has one, an exploring analyst may leave it out.
    """
    from IPython.display import display

    plain = chart.description if source is None else f"{chart.description}\n{source}"
    display({"text/html": figure_html(chart, source), "text/plain": plain}, raw=True)


def registry_source(file_name: str, lang: str = "id", boundaries: bool = False) -> str:
    """The source line of a chart drawn from the registry, with the map credit if asked.

    Example:
        >>> registry_source("registri.csv", "en")
        'Source: IKM registry of Kota Palangka Raya (registri.csv), processed with ikm_analysis.'
    """
    from ikm_analysis.i18n import text

    line = text("figure_source_registry", lang, file=file_name)
    return f"{line} {text('map_boundary_credit', lang)}" if boundaries else line
