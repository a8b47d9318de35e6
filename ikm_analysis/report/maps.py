"""Maps of Kota Palangka Raya by kelurahan and of Kalimantan Tengah by kabupaten/kota.

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
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as DrawingPath

from ikm_analysis.i18n import text
from ikm_analysis.reference import bundled_dir
from ikm_analysis.report.charts import (
    ACCENT,
    DPI,
    HIDDEN_COLOUR,
    MUTED,
    PRIMARY,
    SEQUENTIAL_CMAP,
    in_house_style,
    number_formatter,
)

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
def load_boundaries(level: str) -> tuple[Boundary, ...]:
    """The bundled outlines of one level, in file order.

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


def _map_axes(boundaries: tuple[Boundary, ...], title: str, width: float) -> tuple[Figure, object]:
    vertices = np.concatenate([b.path.vertices for b in boundaries])
    (west, south), (east, north) = vertices.min(axis=0), vertices.max(axis=0)
    stretch = 1 / math.cos(math.radians((south + north) / 2))
    height = width * (north - south) * stretch / (east - west) + 0.9
    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    axes.set_aspect(stretch)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_axis_off()
    axes.set_title(title)
    return figure, axes


@in_house_style
def choropleth(boundaries: tuple[Boundary, ...], values: Mapping[str, object] | pd.Series,
               title: str, legend_label: str, lang: str = "id", hidden_label: str | None = None,
               width: float = 7.0) -> Figure:
    """Shade each region by its value; regions without a value (hidden) are grey and hatched.

    Args:
        boundaries: Outlines from :func:`load_boundaries`.
        values: Value per region code; missing or ``pd.NA`` means hidden or unknown.
        title: Map title.
        legend_label: Label of the colour bar.
        lang: Language of the colour bar's numbers.
        hidden_label: Legend text for grey regions (no legend entry when ``None``).
        width: Figure width in inches.

    Raises:
        ValueError: ``values`` names a code that is not on the map.
    """
    values = pd.Series(values, dtype="Float64")
    unknown = sorted(set(values.index) - {b.code for b in boundaries})
    if unknown:
        raise ValueError(f"codes not on this map: {unknown}")
    figure, axes = _map_axes(boundaries, title, width)
    shown = values.dropna().astype(float)
    norm = Normalize(vmin=0, vmax=float(shown.max()) if len(shown) else 1.0)
    cmap = colormaps[SEQUENTIAL_CMAP]
    for boundary in boundaries:
        value = values.get(boundary.code, pd.NA)
        missing = pd.isna(value)
        axes.add_patch(PathPatch(
            boundary.path, facecolor=HIDDEN_COLOUR if missing else cmap(norm(float(value))),
            edgecolor="white", linewidth=0.6, hatch="///" if missing else None))
    bar = figure.colorbar(mappable=ScalarMappable(norm=norm, cmap=cmap), ax=axes, shrink=0.7,
                          format=number_formatter(lang))
    bar.set_label(legend_label)
    if hidden_label is not None and values.isna().any():
        axes.legend(handles=[Patch(facecolor=HIDDEN_COLOUR, hatch="///", label=hidden_label)],
                    loc="lower left", frameon=False, fontsize=8)
    return figure


@in_house_style
def category_map(boundaries: tuple[Boundary, ...], classes: Mapping[str, str],
                 colours: Mapping[str, str], title: str, width: float = 7.0) -> Figure:
    """Colour each region by its class (e.g. with or without a sentra), with a legend.

    Args:
        boundaries: Outlines from :func:`load_boundaries`.
        classes: Class label per region code; every region must have one.
        colours: Colour per class label, in legend order.
        title: Map title.
        width: Figure width in inches.

    Raises:
        ValueError: A region has no class, or a class has no colour.
    """
    missing = [b.code for b in boundaries if b.code not in classes]
    if missing:
        raise ValueError(f"regions without a class: {missing}")
    uncoloured = sorted(set(classes.values()) - set(colours))
    if uncoloured:
        raise ValueError(f"classes without a colour: {uncoloured}")
    figure, axes = _map_axes(boundaries, title, width)
    for boundary in boundaries:
        axes.add_patch(PathPatch(boundary.path, facecolor=colours[classes[boundary.code]],
                                 edgecolor="white", linewidth=0.6))
    axes.legend(handles=[Patch(facecolor=colour, label=label) for label, colour in colours.items()
                         if label in set(classes.values())],
                loc="lower left", frameon=False, fontsize=9)
    return figure


def sentra_map(has_sentra: pd.Series, year: int, lang: str = "id") -> Figure:
    """Kelurahan of Palangka Raya coloured by whether they have a sentra.

    Args:
        has_sentra: Truthy per kelurahan code.
        year: The report year (title).
        lang: ``"id"`` or ``"en"``.
    """
    with_sentra, without = text("map_with_sentra", lang), text("map_without_sentra", lang)
    classes = {code: with_sentra if flag else without for code, flag in has_sentra.items()}
    return category_map(load_boundaries("kelurahan"), classes,
                        {with_sentra: PRIMARY, without: MUTED},
                        text("chart_map_sentra", lang, year=year))


def city_locator_map(lang: str = "id") -> Figure:
    """The kabupaten/kota of Kalimantan Tengah with Kota Palangka Raya (62.71) highlighted."""
    city, others = text("map_city", lang), text("map_other_regions", lang)
    boundaries = load_boundaries("kabupaten_kota")
    classes = {b.code: city if b.code == "62.71" else others for b in boundaries}
    return category_map(boundaries, classes, {city: ACCENT, others: MUTED},
                        text("chart_province_map", lang))
