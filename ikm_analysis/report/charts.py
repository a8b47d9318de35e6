r"""Charts in the house style: one look for every report, labels in the report language.

Charts are built on a :class:`matplotlib.figure.Figure` (not pyplot), so nothing is drawn twice
in a notebook, and shown with :func:`show`, which embeds a PNG rendered the same way every time
(fixed size and resolution, no timestamp), keeping reports byte-identical between builds. The
house style is in force only while a chart is built and rendered: matplotlib's global settings
are left as the analyst has them.

Example:
    >>> import pandas as pd
    >>> figure = bar_chart(pd.Series({"Pangan": 1589, "Kayu": 499}), "Unit", "Unit aktif")
    >>> figure_png(figure)[:4]
    b'\x89PNG'
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from functools import cache
from typing import ParamSpec, TypeVar

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ikm_analysis.report.display import HIDDEN, format_value

P = ParamSpec("P")
R = TypeVar("R")

#: The report palette: a dark teal for the data, a red for emphasis, greys for context.
PRIMARY = "#1f6f78"
ACCENT = "#b42318"
MUTED = "#c9d1d9"
HIDDEN_COLOUR = "#eeeeee"
SEQUENTIAL_CMAP = "YlGnBu"
DPI = 100

_RC = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "axes.titleweight": "bold",
    "axes.titlesize": 12,
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "svg.hashsalt": "ikm-analysis",
}


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


def _new_figure(width: float = 8.0, height: float = 4.5) -> tuple[Figure, mpl.axes.Axes]:
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    return figure, figure.add_subplot()


@in_house_style
def bar_chart(values: pd.Series, title: str, value_label: str, lang: str = "id") -> Figure:
    """Horizontal bars, one per label, largest first, with the value printed at each bar.

    Missing values (hidden cells) get no bar and the label ``x``.

    Args:
        values: Numbers indexed by the label to show.
        title: Chart title.
        value_label: Axis label of the values.
        lang: Language of number formats.
    """
    figure, axes = _new_figure(8.0, 0.45 * len(values) + 1.4)
    ordered = values.astype("Float64").sort_values(ascending=True, na_position="first")
    shown = ordered.fillna(0).astype(float)
    axes.barh([str(label) for label in ordered.index], shown.to_numpy(), color=PRIMARY)
    for position, value in enumerate(ordered.tolist()):
        label = HIDDEN if pd.isna(value) else format_value(value, lang)
        axes.annotate(label, (0 if pd.isna(value) else value, position), xytext=(4, 0),
                      textcoords="offset points", va="center", fontsize=9)
    axes.set_title(title)
    axes.set_xlabel(value_label)
    axes.xaxis.set_major_formatter(number_formatter(lang))
    axes.margins(x=0.12)
    axes.grid(axis="y", visible=False)
    return figure


@in_house_style
def line_chart(values: pd.Series, title: str, value_label: str, lang: str = "id",
               highlight: object = None) -> Figure:
    """A line over years with each point labelled; ``highlight`` marks one point in red.

    Args:
        values: Numbers indexed by year.
        title: Chart title.
        value_label: Axis label of the values.
        lang: Language of number formats.
        highlight: The index value (year) to emphasise, e.g. the report year.
    """
    figure, axes = _new_figure()
    years = [int(year) for year in values.index]
    numbers = values.astype(float).to_numpy()
    axes.plot(years, numbers, color=PRIMARY, marker="o")
    for year, value in zip(years, numbers, strict=True):
        colour = ACCENT if year == highlight else PRIMARY
        axes.annotate(format_value(value, lang), (year, value), xytext=(0, 7),
                      textcoords="offset points", ha="center", fontsize=9, color=colour)
        if year == highlight:
            axes.plot([year], [value], marker="o", color=ACCENT, markersize=9)
    axes.set_xticks(years, [str(year) for year in years])
    axes.set_title(title)
    axes.set_ylabel(value_label)
    axes.yaxis.set_major_formatter(number_formatter(lang))
    axes.set_ylim(0, max(numbers) * 1.15 if len(numbers) else 1)
    return figure


@in_house_style
def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, without a timestamp or software stamp (reproducible).

    Example:
        >>> import pandas as pd
        >>> chart = line_chart(pd.Series({2020: 64087, 2021: 92799}), "UMKM", "Unit")
        >>> figure_png(chart) == figure_png(chart)
        True
    """
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def show(figure: Figure) -> None:
    """Display the figure in a notebook as an embedded PNG."""
    from IPython.display import Image, display

    display(Image(data=figure_png(figure), format="png"))
