"""Maps of Kota Palangka Raya by kelurahan and of Kalimantan Tengah by kabupaten/kota.

A city map (:func:`units_map`, :func:`sentra_map`) numbers every kelurahan, with a key of the
numbers by kecamatan under the map, draws the kecamatan outlines over the kelurahan, and shows the
city centre, where the kelurahan are smallest, enlarged in an inset. Values are shaded in a few
classes (:func:`class_breaks`) with contrast between them; a kelurahan without units is white, a
hidden one grey and hatched. Each map function returns a :class:`~ikm_analysis.report.charts.Chart`
with its description (:mod:`ikm_analysis.report.descriptions`).

The boundaries are the bundled GeoJSON files in ``data/reference/geo/`` (simplified Kemendagri/BIG
polygons compiled by cahyadsn/wilayah_boundaries, MIT; see its PROVENANCE.md), keyed by
Kemendagri code like the rest of the package. They are drawn with plain matplotlib, so no GIS
library is needed.

Example:
    >>> kelurahan = load_boundaries("kelurahan")
    >>> len(kelurahan), kelurahan[0].code, kelurahan[0].name
    (30, '62.71.01.1001', 'Pahandut')
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

import numpy as np
import pandas as pd
from matplotlib import colormaps, patheffects
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch, Rectangle
from matplotlib.path import Path as DrawingPath

from ikm_analysis.i18n import text
from ikm_analysis.reference import bundled_dir, load_kelurahan
from ikm_analysis.report import descriptions
from ikm_analysis.report.charts import (
    ACCENT,
    EDGE_COLOUR,
    HIDDEN_COLOUR,
    MUTED,
    SEQUENTIAL_CMAP,
    TEXT_SIZE,
    WIDTH,
    Chart,
    in_house_style,
    wrap_text,
)
from ikm_analysis.report.display import format_value

#: Kelurahan smaller than this share of the city's area are labelled in the city-centre inset.
INSET_AREA_SHARE = 0.012
#: Colour classes of a shaded map (fewer when the values do not need them).
CLASSES = 5
ZERO_COLOUR = "#ffffff"
OUTLINE_COLOUR = "#1b1f24"
#: Kelurahan borders: mid grey, seen on white, on the lightest and on the darkest class alike.
BORDER_COLOUR = "#8c959f"
#: A kelurahan with a sentra: a mid teal, so the black kecamatan outlines and numbers show on it.
SENTRA_COLOUR = "#4f9da3"
HATCH = "///"

BOUNDARY_FILES = {
    "kelurahan": "palangkaraya_kelurahan.geojson",
    "kecamatan": "palangkaraya_kecamatan.geojson",
    "kabupaten_kota": "kalteng_kabkota.geojson",
}

def boundary_credit(lang: str = "id") -> str:
    """The boundary files' credit line in the report language.

    Example:
        >>> boundary_credit("en")[:40]
        'Boundaries: cahyadsn/wilayah_boundaries '
    """
    return text("map_boundary_credit", lang)


@dataclass(frozen=True)
class Boundary:
    """One region's outline.

    Attributes:
        code: Kemendagri code (``62.71.01.1001``, ``62.71``).
        name: Name as in the boundary file.
        path: The outline as a matplotlib path (all parts and holes), longitude/latitude.
    """

    code: str
    name: str
    path: DrawingPath

    @property
    def area(self) -> float:
        """The area in square degrees (holes subtracted), for comparing regions' sizes."""
        total = 0.0
        for ring in self.path.to_polygons(closed_only=False):
            x, y = ring[:, 0], ring[:, 1]
            total += 0.5 * float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))
        return abs(total)

    def label_point(self, grid: int = 30) -> tuple[float, float]:
        """A point well inside the region's largest part: where its number is printed.

        The grid point farthest from the outline (an approximate pole of inaccessibility), so a
        label never falls outside a curved or narrow region as a centroid can.
        """
        rings = self.path.to_polygons(closed_only=False)
        ring = max(rings, key=lambda points: np.ptp(points[:, 0]) * np.ptp(points[:, 1]))
        (west, south), (east, north) = ring.min(axis=0), ring.max(axis=0)
        xs, ys = np.meshgrid(np.linspace(west, east, grid), np.linspace(south, north, grid))
        points = np.column_stack([xs.ravel(), ys.ravel()])
        points = points[DrawingPath(ring).contains_points(points)]
        if not len(points):
            return float(ring[:, 0].mean()), float(ring[:, 1].mean())
        start, end = ring[:-1], ring[1:]
        segment = end - start
        length = np.maximum((segment ** 2).sum(axis=1), 1e-18)
        along = ((points[:, None, :] - start[None]) * segment[None]).sum(axis=2) / length
        nearest = start[None] + np.clip(along, 0, 1)[..., None] * segment[None]
        distance = np.sqrt(((points[:, None, :] - nearest) ** 2).sum(axis=2)).min(axis=1)
        best = points[int(np.argmax(distance))]
        return float(best[0]), float(best[1])


def _ring_path(rings: list[list[list[float]]]) -> tuple[np.ndarray, np.ndarray]:
    vertices, codes = [], []
    for ring in rings:
        points = np.asarray(ring, dtype=float)
        vertices.append(points)
        ring_codes = np.full(len(points), DrawingPath.LINETO, dtype=np.uint8)
        ring_codes[0] = DrawingPath.MOVETO
        ring_codes[-1] = DrawingPath.CLOSEPOLY
        codes.append(ring_codes)
    return np.concatenate(vertices), np.concatenate(codes)


def _feature_path(geometry: dict) -> DrawingPath:
    if geometry["type"] == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"unsupported geometry {geometry['type']!r}")
    parts = [_ring_path(polygon) for polygon in polygons]
    return DrawingPath(np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))


@cache
@cache
def load_boundaries(level: str) -> tuple[Boundary, ...]:
    """The bundled outlines of one level, in file order (read once per process).

    Args:
        level: ``"kelurahan"`` (30, Palangka Raya), ``"kecamatan"`` (5) or ``"kabupaten_kota"``
            (14, Kalimantan Tengah).

    Raises:
        ValueError: Unknown level.
    """
    if level not in BOUNDARY_FILES:
        raise ValueError(f"unknown level {level!r}; use one of {sorted(BOUNDARY_FILES)}")
    path = bundled_dir("reference") / "geo" / BOUNDARY_FILES[level]
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    return tuple(Boundary(f["properties"]["kode"], f["properties"]["nama"],
                          _feature_path(f["geometry"])) for f in features)



def _nice(value: float) -> float:
    """``value`` rounded to a step of half its power of ten (37 -> 35, 212 -> 200)."""
    if value <= 0:
        return 0.0
    step = 10 ** math.floor(math.log10(value)) / 2
    return max(step, round(value / step) * step)


def class_breaks(values: pd.Series | Mapping[str, object], classes: int = CLASSES
                 ) -> list[tuple[int, int]]:
    """Classes of whole numbers for shading a map: ``(low, high)`` each, both included.

    Class limits are the quantiles of the positive values, rounded to a step of half a power of
    ten, so each class holds about as many regions and its limits read easily. Zero and hidden
    values get no class (the map shows them apart); fewer classes when the values are few.

    Args:
        values: The values shown; missing (hidden) and zero values are left out.
        classes: Most classes to make.

    Returns:
        Classes from the lowest, covering the smallest to the largest positive value.

    Example:
        >>> class_breaks(pd.Series([0, 3, 8, 12, 40, 55, 120, 310, 770, pd.NA]), 4)
        [(3, 10), (11, 50), (51, 150), (151, 770)]
        >>> class_breaks(pd.Series([5, 5]))
        [(5, 5)]
    """
    numbers = pd.Series(values, dtype="Float64").dropna().astype(float)
    positive = np.sort(numbers[numbers > 0].to_numpy())
    if not len(positive):
        return []
    low, high = math.ceil(positive[0]), math.floor(positive[-1])
    cuts = {int(_nice(float(np.quantile(positive, step / classes))))
            for step in range(1, classes)}
    uppers = [cut for cut in sorted(cuts) if low <= cut < high] + [high]
    lows = [low] + [upper + 1 for upper in uppers[:-1]]
    return list(zip(lows, uppers, strict=True))


def _class_label(low: int, high: int, lang: str) -> str:
    return format_value(low, lang) if low == high else (
        f"{format_value(low, lang)}–{format_value(high, lang)}")


def class_colours(count: int) -> list[str]:
    """``count`` colours from light to dark, none near white, each told from the next.

    Example:
        >>> class_colours(3)
        ['#d0edb3', '#37acc3', '#243c98']
    """
    cmap = colormaps[SEQUENTIAL_CMAP]
    positions = [0.8] if count == 1 else np.linspace(0.22, 0.85, count)
    return [to_hex(cmap(float(position))) for position in positions]


@dataclass(frozen=True)
class Shading:
    """How a map colours its regions: a face colour and hatching per region, and the legend."""

    faces: dict[str, tuple[str, str | None]]
    legend: list[tuple[str, str, str | None]]  # label, colour, hatch
    legend_title: str | None = None


def _extent(boundaries: tuple[Boundary, ...]) -> tuple[float, float, float, float]:
    vertices = np.concatenate([b.path.vertices for b in boundaries])
    (west, south), (east, north) = vertices.min(axis=0), vertices.max(axis=0)
    return float(west), float(south), float(east), float(north)


def _stretch(south: float, north: float) -> float:
    return 1 / math.cos(math.radians((south + north) / 2))


def _frame(axes, extent: tuple[float, float, float, float]) -> None:
    west, south, east, north = extent
    axes.set_aspect(_stretch(south, north))
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_xticks([])
    axes.set_yticks([])
    axes.grid(False)


def _overlaps(boundary: Boundary, extent: tuple[float, float, float, float] | None) -> bool:
    if extent is None:
        return True
    (west, south), (east, north) = boundary.path.vertices.min(0), boundary.path.vertices.max(0)
    return west < extent[2] and east > extent[0] and south < extent[3] and north > extent[1]


def _draw(axes, boundaries, shading: Shading, outlines: tuple[Boundary, ...],
          edge_width: float, extent: tuple[float, float, float, float] | None = None) -> None:
    """Regions and outlines; with ``extent``, only those reaching into it (a smaller SVG).

    Added as plain artists, not with ``add_patch``: that works out the data limits from every
    curve of every boundary (a fifth of drawing a map), which :func:`_frame` then replaces with
    the map's own extent anyway.
    """
    boundaries = [b for b in boundaries if _overlaps(b, extent)]
    outlines = tuple(b for b in outlines if _overlaps(b, extent))
    for boundary in boundaries:
        colour, hatch = shading.faces[boundary.code]
        axes.add_artist(PathPatch(boundary.path, facecolor=colour, edgecolor=BORDER_COLOUR,
                                  linewidth=edge_width, hatch=hatch))
    for outline in outlines:
        axes.add_artist(PathPatch(outline.path, facecolor="none", edgecolor=OUTLINE_COLOUR,
                                  linewidth=edge_width * 3))


def _number(axes, point: tuple[float, float], number: int) -> None:
    axes.annotate(str(number), point, ha="center", va="center", fontsize=TEXT_SIZE - 0.5,
                  fontweight="bold", color="#000000", annotation_clip=True,
                  path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])


def inset_extent(boundaries: tuple[Boundary, ...], share: float = INSET_AREA_SHARE
                 ) -> tuple[float, float, float, float] | None:
    """The part of the map the inset enlarges: around the regions smaller than ``share``.

    Example:
        >>> [round(edge, 2) for edge in inset_extent(load_boundaries("kelurahan"))]
        [113.85, -2.29, 114.06, -2.11]
    """
    total = sum(boundary.area for boundary in boundaries)
    small = tuple(b for b in boundaries if b.area < share * total)
    if not small:
        return None
    west, south, east, north = _extent(small)
    margin = 0.04 * max(east - west, north - south)
    return west - margin, south - margin, east + margin, north + margin


def _legend(axes, shading: Shading, lang_title: str | None, location: str,
            width_in: float = WIDTH) -> None:
    """The colour legend; labels wrap to fit ``width_in`` inches with their swatches."""
    handles = [Patch(facecolor=colour, edgecolor=EDGE_COLOUR, hatch=hatch,
                     label=wrap_text(label, width_in - 0.5, TEXT_SIZE))
               for label, colour, hatch in shading.legend]
    axes.legend(handles=handles, loc=location, frameon=False, fontsize=TEXT_SIZE,
                title=lang_title, title_fontsize=TEXT_SIZE, alignment="left")


def _key_lines(boundaries: tuple[Boundary, ...], lang: str = "id") -> list[tuple[str, bool]]:
    kecamatan = dict(zip(load_kelurahan()["kelurahan_code"], load_kelurahan()["kecamatan"],
                         strict=True))
    lines: list[tuple[str, bool]] = []
    current = None
    for number, boundary in enumerate(boundaries, start=1):
        group = kecamatan.get(boundary.code)
        if group is not None and group != current:
            lines.append((text("map_key_kecamatan", lang, kecamatan=group), True))
            current = group
        lines.append((f"{number}  {boundary.name}", False))
    return lines


def _columns(lines: list[tuple[str, bool]], count: int) -> list[list[tuple[str, bool]]]:
    """Lines flowed into ``count`` columns; a heading never ends a column."""
    per_column = -(-len(lines) // count)
    columns: list[list[tuple[str, bool]]] = [[]]
    for line in lines:
        if len(columns[-1]) >= per_column or (
                line[1] and len(columns[-1]) >= per_column - 1 and len(columns) < count):
            columns.append([])
        columns[-1].append(line)
    return columns


@cache
def _label_points(boundaries: tuple[Boundary, ...]) -> dict[str, tuple[float, float]]:
    """Where each region's number goes; worked out once per set of outlines (two maps a report)."""
    return {b.code: b.label_point() for b in boundaries}


def _city_figure(boundaries: tuple[Boundary, ...], shading: Shading, title: str, lang: str
                 ) -> Figure:
    """The city map: numbered kelurahan, kecamatan outlines, the centre enlarged, a key below."""
    outlines = load_boundaries("kecamatan")
    extent, inset = _extent(boundaries), inset_extent(boundaries)
    points = _label_points(boundaries)
    total = sum(b.area for b in boundaries)
    small = {b.code for b in boundaries if b.area < INSET_AREA_SHARE * total}
    key = _columns(_key_lines(boundaries, lang), 2)  # three would not fit at this text size
    key_height = 0.22 * max(len(column) for column in key) + 0.5
    map_width = 0.6 * WIDTH
    side_width = WIDTH - map_width
    west, south, east, north = extent
    map_height = map_width * (north - south) * _stretch(south, north) / (east - west)
    title_text = wrap_text(title, WIDTH - 0.2)
    figure = Figure(figsize=(WIDTH, map_height + key_height + 0.3 * (title_text.count("\n") + 1)
                             + 0.25), layout="constrained")
    figure.suptitle(title_text, x=0.01, ha="left")
    grid = figure.add_gridspec(2, 2, width_ratios=[map_width, side_width],
                               height_ratios=[map_height, key_height])
    main = figure.add_subplot(grid[0, 0])
    side = grid[0, 1].subgridspec(2, 1, height_ratios=[1, 1])
    zoom, legend, key_axes = (figure.add_subplot(side[0]), figure.add_subplot(side[1]),
                              figure.add_subplot(grid[1, :]))
    _draw(main, boundaries, shading, outlines, 0.4)
    _frame(main, extent)
    main.set_axis_off()
    numbers = {b.code: number for number, b in enumerate(boundaries, start=1)}
    for boundary in boundaries:
        if boundary.code not in small or inset is None:
            _number(main, points[boundary.code], numbers[boundary.code])
    if inset is not None:
        i_west, i_south, i_east, i_north = inset
        main.add_patch(Rectangle((i_west, i_south), i_east - i_west, i_north - i_south,
                                 fill=False, edgecolor=ACCENT, linewidth=1.5))
        _draw(zoom, boundaries, shading, outlines, 0.6, inset)
        _frame(zoom, inset)
        for spine in zoom.spines.values():
            spine.set(visible=True, edgecolor=ACCENT, linewidth=1.5)
        zoom.set_title(wrap_text(text("map_inset", lang), side_width - 0.1, TEXT_SIZE),
                       fontsize=TEXT_SIZE, fontweight="normal", loc="left")
        for boundary in boundaries:
            x, y = points[boundary.code]
            if i_west < x < i_east and i_south < y < i_north:
                _number(zoom, (x, y), numbers[boundary.code])
    else:
        zoom.set_axis_off()
    legend.set_axis_off()
    _legend(legend, shading, shading.legend_title, "upper left", side_width)
    key_axes.set_axis_off()
    key_axes.set_title(text("map_key", lang), fontsize=TEXT_SIZE, loc="left")
    for index, column in enumerate(key):
        for row, (line, is_heading) in enumerate(column):
            key_axes.text(index / len(key), 1 - (row + 0.5) / max(len(c) for c in key), line,
                          transform=key_axes.transAxes, fontsize=TEXT_SIZE, va="center",
                          fontweight="bold" if is_heading else "normal")
    return figure


def _plain_figure(boundaries: tuple[Boundary, ...], shading: Shading, title: str) -> Figure:
    west, south, east, north = _extent(boundaries)
    title_text = wrap_text(title, WIDTH - 0.2)
    height = ((WIDTH - 0.3) * (north - south) * _stretch(south, north) / (east - west)
              + 0.3 * (title_text.count("\n") + 1) + 0.8)
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    figure.suptitle(title_text, x=0.01, ha="left")
    axes = figure.add_subplot()
    _draw(axes, boundaries, shading, (), 0.5)
    _frame(axes, (west, south, east, north))
    axes.set_axis_off()
    _legend(axes, shading, shading.legend_title, "lower left")
    return figure


def _check_codes(boundaries: tuple[Boundary, ...], codes) -> None:
    unknown = sorted(set(codes) - {b.code for b in boundaries})
    if unknown:
        raise ValueError(f"codes not on this map: {unknown}")


@in_house_style
def choropleth(boundaries: tuple[Boundary, ...], values: Mapping[str, object] | pd.Series,
               title: str, legend_label: str, lang: str = "id", hidden_label: str | None = None,
               city: bool = False, classes: int = CLASSES) -> Chart:
    """Shade each region by the class of its value; hidden regions are grey and hatched.

    Args:
        boundaries: Outlines from :func:`load_boundaries`.
        values: Value per region code; missing or ``pd.NA`` means hidden or unknown.
        title: Map title.
        legend_label: Title of the legend (what the values are).
        lang: Language of the legend's numbers and the description.
        hidden_label: Legend text for grey regions (no legend entry when ``None``).
        city: Draw as a city map (kelurahan numbered with a key, kecamatan outlines, inset).
        classes: Most colour classes (:func:`class_breaks`).

    Raises:
        ValueError: ``values`` names a code that is not on the map.
    """
    values = pd.Series(values, dtype="Float64")
    _check_codes(boundaries, values.index)
    breaks = class_breaks(values, classes)
    colours = class_colours(len(breaks))
    faces: dict[str, tuple[str, str | None]] = {}
    for boundary in boundaries:
        value = values.get(boundary.code, pd.NA)
        if pd.isna(value):
            faces[boundary.code] = (HIDDEN_COLOUR, HATCH)
        elif value <= 0:
            faces[boundary.code] = (ZERO_COLOUR, None)
        else:
            index = next(i for i, (_, high) in enumerate(breaks) if value <= high)
            faces[boundary.code] = (colours[index], None)
    legend = [(_class_label(low, high, lang), colour, None)
              for (low, high), colour in zip(breaks, colours, strict=True)]
    used = {face for face, _ in faces.values()}
    if ZERO_COLOUR in used:
        legend.insert(0, (text("map_zero", lang), ZERO_COLOUR, None))
    if hidden_label is not None and HIDDEN_COLOUR in used:
        legend.append((hidden_label, HIDDEN_COLOUR, HATCH))
    shading = Shading(faces, legend, wrap_text(legend_label, 1.8, TEXT_SIZE))
    figure = (_city_figure(boundaries, shading, title, lang) if city
              else _plain_figure(boundaries, shading, title))
    names = {b.code: b.name for b in boundaries}
    regions = "kelurahan" if city else "kabkota"
    return Chart(figure, descriptions.describe_choropleth(values, names, title, len(breaks),
                                                         lang, regions=regions))


@in_house_style
def category_map(boundaries: tuple[Boundary, ...], classes: Mapping[str, str],
                 colours: Mapping[str, str], title: str, lang: str = "id",
                 city: bool = False) -> Chart:
    """Colour each region by its class (e.g. with or without a sentra), with a legend.

    Args:
        boundaries: Outlines from :func:`load_boundaries`.
        classes: Class label per region code; every region must have one.
        colours: Colour per class label, in legend order.
        title: Map title.
        lang: Language of the description.
        city: Draw as a city map (kelurahan numbered with a key, kecamatan outlines, inset).

    Raises:
        ValueError: A region has no class, or a class has no colour.
    """
    missing = [b.code for b in boundaries if b.code not in classes]
    if missing:
        raise ValueError(f"regions without a class: {missing}")
    uncoloured = sorted(set(classes.values()) - set(colours))
    if uncoloured:
        raise ValueError(f"classes without a colour: {uncoloured}")
    faces = {b.code: (colours[classes[b.code]], None) for b in boundaries}
    legend = [(label, colour, None) for label, colour in colours.items()
              if label in set(classes.values())]
    shading = Shading(faces, legend)
    figure = (_city_figure(boundaries, shading, title, lang) if city
              else _plain_figure(boundaries, shading, title))
    names = {b.code: b.name for b in boundaries}
    ordered = {b.code: classes[b.code] for b in boundaries}
    return Chart(figure, descriptions.describe_category_map(
        ordered, names, title, lang, "kelurahan" if city else "kabkota"))


def units_map(units: pd.Series, year: int, lang: str = "id", min_cell: int = 3) -> Chart:
    """Kelurahan of Palangka Raya shaded by their active units; hidden ones grey and hatched.

    Args:
        units: Active units per kelurahan code, ``pd.NA`` where hidden
            (``kelurahan_table(...).by_key("units")``).
        year: The report year (title).
        lang: ``"id"`` or ``"en"``.
        min_cell: The small-cell threshold (the legend's note on hidden kelurahan).
    """
    return choropleth(load_boundaries("kelurahan"), units, text("chart_map_units", lang,
                                                                year=year),
                      text("chart_units", lang), lang,
                      hidden_label=text("map_hidden", lang, min_cell=min_cell), city=True)


def sentra_map(has_sentra: pd.Series, year: int, lang: str = "id") -> Chart:
    """Kelurahan of Palangka Raya coloured by whether they have a sentra.

    Args:
        has_sentra: Truthy per kelurahan code.
        year: The report year (title).
        lang: ``"id"`` or ``"en"``.
    """
    with_sentra, without = text("map_with_sentra", lang), text("map_without_sentra", lang)
    classes = {code: with_sentra if flag else without for code, flag in has_sentra.items()}
    return category_map(load_boundaries("kelurahan"), classes,
                        {with_sentra: SENTRA_COLOUR, without: MUTED},
                        text("chart_map_sentra", lang, year=year), lang, city=True)


def city_locator_map(lang: str = "id") -> Chart:
    """The kabupaten/kota of Kalimantan Tengah with Kota Palangka Raya (62.71) highlighted."""
    city, others = text("map_city", lang), text("map_other_regions", lang)
    # The outlines carry Kemendagri's spelling (Kota Palangkaraya); the reports use the city's own.
    boundaries = tuple(replace(b, name=city) if b.code == "62.71" else b
                       for b in load_boundaries("kabupaten_kota"))
    classes = {b.code: city if b.code == "62.71" else others for b in boundaries}
    return category_map(boundaries, classes, {city: ACCENT, others: MUTED},
                        text("chart_province_map", lang), lang)
