"""House-style charts and maps."""

import itertools

import pandas as pd
import pytest

from ikm_analysis.reference import load_kabupaten_kota, load_kelurahan
from ikm_analysis.report.charts import (
    DPI,
    WIDTH,
    bar_chart,
    figure_html,
    figure_png,
    figure_svg,
    line_chart,
    registry_source,
    trend_chart,
    wrap_text,
)
from ikm_analysis.report.maps import (
    category_map,
    choropleth,
    city_locator_map,
    class_breaks,
    inset_extent,
    load_boundaries,
    sentra_map,
    units_map,
)


def test_bar_chart_prints_values_in_the_report_language_and_x_for_hidden():
    figure = bar_chart(pd.Series({"Pangan": 1589, "Kayu": pd.NA}), "t", "Unit", "id").figure
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert labels == ["x", "1.589"]


def test_line_chart_labels_points():
    figure = line_chart(pd.Series({2020: 64087, 2021: 92799}), "t", "Unit", "en").figure
    assert [text.get_text() for text in figure.axes[0].texts] == ["64,087", "92,799"]


def test_png_is_the_same_every_time():
    figure = bar_chart(pd.Series({"a": 3}), "t", "v")
    first = figure_png(figure)
    assert first == figure_png(bar_chart(pd.Series({"a": 3}), "t", "v"))
    assert b"tIME" not in first  # no timestamp chunk


def test_boundaries_cover_the_reference_regions_exactly():
    assert {b.code for b in load_boundaries("kelurahan")} == set(
        load_kelurahan()["kelurahan_code"])
    assert {b.code for b in load_boundaries("kabupaten_kota")} == set(
        load_kabupaten_kota()["kabkota_code_kemendagri"])
    with pytest.raises(ValueError, match="unknown level"):
        load_boundaries("desa")


def test_choropleth_refuses_codes_not_on_the_map():
    with pytest.raises(ValueError, match="not on this map"):
        choropleth(load_boundaries("kelurahan"), {"62.71.99.9999": 3}, "t", "v")


def test_choropleth_marks_hidden_regions_in_the_legend():
    boundaries = load_boundaries("kelurahan")
    values = {b.code: 10 for b in boundaries} | {boundaries[0].code: pd.NA}
    figure = choropleth(boundaries, values, "t", "v", hidden_label="disembunyikan")
    legend = figure.figure.axes[0].get_legend()
    assert [text.get_text() for text in legend.get_texts()][-1] == "disembunyikan"


def test_category_map_needs_a_class_for_every_region():
    boundaries = load_boundaries("kabupaten_kota")
    with pytest.raises(ValueError, match="without a class"):
        category_map(boundaries, {"62.71": "kota"}, {"kota": "red"}, "t")


def test_report_maps_have_legends_in_the_report_language():
    has_sentra = pd.Series({b.code: i % 4 != 0 for i, b in enumerate(
        load_boundaries("kelurahan"))})
    legends = [axes.get_legend() for axes in sentra_map(has_sentra, 2024, "en").figure.axes
               if axes.get_legend() is not None]
    assert [" ".join(t.get_text().split()) for t in legends[0].get_texts()] == [
        "has an IKM centre", "no centre yet"]  # wrapped to fit beside the map
    locator = city_locator_map("id").figure.axes[0].get_legend()
    assert locator.get_texts()[0].get_text() == "Kota Palangka Raya"


def test_boundary_credit_in_both_languages():
    from ikm_analysis.report.maps import boundary_credit

    assert boundary_credit("id").startswith("Batas administrasi: cahyadsn/wilayah_boundaries (MIT)")
    assert "(MIT)" in boundary_credit("en") and "Kemendagri/BIG" in boundary_credit("en")
    with pytest.raises(ValueError, match="unknown language"):
        boundary_credit("jv")


def test_charts_and_maps_leave_matplotlib_settings_alone():
    import matplotlib as mpl

    from ikm_analysis.report.maps import city_locator_map

    before = dict(mpl.rcParams)
    figure_png(bar_chart(pd.Series({"a": 3, "b": 5}), "t", "v"))
    figure_png(line_chart(pd.Series({2020: 1, 2021: 2}), "t", "v"))
    figure_png(city_locator_map("en"))
    after = dict(mpl.rcParams)
    assert {key for key in before if before[key] != after[key]} == set()


def test_png_is_at_print_resolution():
    from PIL import Image

    png = figure_png(bar_chart(pd.Series({"a": 3}), "t", "v"))
    image = Image.open(__import__("io").BytesIO(png))
    assert image.size[0] == WIDTH * DPI and DPI >= 200


def _first_difference(one: bytes, other: bytes) -> str:
    """Where two renderings part, with the text around it (an SVG differed once, 2026-12-02)."""
    shorter = min(len(one), len(other))
    at = next((i for i in range(shorter) if one[i] != other[i]), shorter)
    start = max(at - 120, 0)
    return f"byte {at}: {one[start:at + 40]!r} != {other[start:at + 40]!r}"


def test_svg_is_the_same_bytes_every_time_and_carries_no_date():
    def chart():
        return units_map(pd.Series({b.code: i for i, b in enumerate(load_boundaries("kelurahan"))}),
                         2024, "id")

    first = chart()
    svg = figure_svg(first)
    again, rebuilt = figure_svg(first), figure_svg(chart())
    assert svg == again, _first_difference(svg, again)  # rendered again
    assert svg == rebuilt, _first_difference(svg, rebuilt)  # built again
    assert b"<dc:date>" not in svg and b"<svg" in svg
    assert b'd="M 182.130784' not in svg  # coordinates rounded to 0.01 pt


def test_figure_html_has_alt_text_width_and_source_line():
    chart = bar_chart(pd.Series({"Pangan": 1589, "Kayu": 499}), 'Unit "aktif"', "v", "id")
    page = figure_html(chart, registry_source("r<1>.csv", "id"))
    assert page.startswith('<figure class="ikm-figure"><img alt="Diagram batang: Unit &quot;aktif')
    assert 'width="480"' in page and "data:image/svg+xml;base64," in page
    assert "<figcaption>Sumber: registri IKM Kota Palangka Raya (r&lt;1&gt;.csv)" in page


def test_registry_source_adds_the_boundary_credit_for_maps():
    assert registry_source("a.csv", "en", boundaries=True).endswith(
        "Boundaries: cahyadsn/wilayah_boundaries (MIT), simplified from the Kemendagri/BIG "
        "administrative boundary data.")


def test_long_titles_wrap_instead_of_being_cut():
    title = "Unit IKM aktif menurut kategori produk dan kecamatan, akhir tahun 2024"
    assert wrap_text(title, WIDTH - 0.2).replace("\n", " ") == title
    assert all(len(line) <= 39 for line in wrap_text(title, WIDTH - 0.2).splitlines())
    figure = bar_chart(pd.Series({"a": 3}), title, "v").figure
    assert figure._suptitle.get_text() == wrap_text(title, WIDTH - 0.2)
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    assert figure._suptitle.get_window_extent(renderer).x1 <= figure.bbox.x1


PHONE_FIGURE_PX = 390 - 2 * 12  # a 390 px phone, the page's narrow-screen margins (page.py)


def _every_kind_of_figure():
    boundaries = load_boundaries("kelurahan")
    units = pd.Series({b.code: 10 * i for i, b in enumerate(boundaries)}
                      | {boundaries[5].code: pd.NA})
    trend = pd.DataFrame({2020: [4, 5], 2021: [6, pd.NA]},
                         index=["a", "Metal, machinery, chemicals, electronics and transport"])
    return {
        "bar": bar_chart(pd.Series({"Metal, machinery, chemicals, electronics": 350, "b": 5}),
                         "Active IKM units by category, end of 2024", "Active units", "en"),
        "line": line_chart(pd.Series({year: 1845 + 220 * (year - 2015)
                                      for year in range(2015, 2025)}), "t", "v", "en", 2024),
        "trend": trend_chart(trend, "t", "v", "en", "Points not drawn: hidden (< 3 units)"),
        "units map": units_map(units, 2024, "en", 3),
        "sentra map": sentra_map(pd.Series({b.code: i % 4 != 0
                                            for i, b in enumerate(boundaries)}), 2024, "en"),
        "province map": city_locator_map("en"),
    }


def _drawn_texts(figure):
    """(text, size in points, left, top, right, bottom in pixels) of every text as drawn."""
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from ikm_analysis.report.charts import house_style

    renderer = FigureCanvasAgg(figure).get_renderer()
    drawn = []

    def draw_text(gc, x, y, s, prop, angle, ismath=False, mtext=None):
        # (x, y): the start of the baseline, y counted down from the top (Agg flips y)
        width, height, descent = renderer.get_text_width_height_descent(s, prop, ismath)
        if round(angle) % 180 == 90:  # an axis label read upwards
            box = (x - height + descent, y - width, x + descent, y)
        else:
            box = (x, y - height + descent, x + width, y + descent)
        drawn.append((s, prop.get_size_in_points(), *box))

    renderer.draw_text = draw_text
    with mpl.rc_context(house_style()):
        figure.draw(renderer)
    return drawn, renderer.width, renderer.height


@pytest.mark.parametrize("kind", ["bar", "line", "trend", "units map", "sentra map",
                                  "province map"])
def test_figure_text_is_legible_on_a_phone_and_inside_the_figure(kind):
    figure = _every_kind_of_figure()[kind].figure
    drawn, width, height = _drawn_texts(figure)
    smallest = min(size for _text, size, *_box in drawn)
    # shown PHONE_FIGURE_PX wide, its smallest text is 11 CSS pixels or more
    assert smallest * 96 / 72 * PHONE_FIGURE_PX / (figure.get_figwidth() * 96) >= 11, smallest
    outside = [text for text, _size, left, top, right, bottom in drawn
               if left < -1 or top < -1 or right > width + 1 or bottom > height + 1]
    assert outside == []


def test_trend_chart_leaves_hidden_points_out_and_says_so():
    chart = trend_chart(pd.DataFrame({2020: [4, 5], 2021: [6, pd.NA]}, index=["a", "b"]),
                        "t", "v", "en", "Points not drawn: hidden")
    lines = chart.figure.axes[0].get_lines()
    assert list(lines[0].get_ydata()) == [4.0, 6.0]
    assert str(lines[1].get_ydata()[1]) == "nan"
    assert "Points not drawn: hidden" in [t.get_text() for t in chart.figure.axes[0].texts]
    assert "Values hidden (small cells): 1." in chart.description
    with pytest.raises(ValueError, match="at most"):
        trend_chart(pd.DataFrame({2020: range(8)}), "t", "v")


@pytest.mark.parametrize(("values", "expected"), [
    pytest.param([0, 3, 8, 12, 40, 55, 120, 310, 770], [(3, 10), (11, 50), (51, 150), (151, 770)],
                 id="quantiles-rounded"),
    pytest.param([0, pd.NA, 0], [], id="nothing-positive"),
    pytest.param([7, 7, 7], [(7, 7)], id="one-value"),
])
def test_class_breaks_cover_the_positive_values(values, expected):
    assert class_breaks(pd.Series(values, dtype="Float64"), 4) == expected


def test_class_breaks_are_contiguous_and_ordered():
    breaks = class_breaks(pd.Series(range(1, 500, 7)))
    assert all(low <= high for low, high in breaks)
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(breaks))


def test_units_map_numbers_every_kelurahan_and_enlarges_the_centre():
    boundaries = load_boundaries("kelurahan")
    values = {b.code: 10 * i for i, b in enumerate(boundaries)} | {boundaries[5].code: pd.NA}
    chart = units_map(pd.Series(values), 2024, "id", 3)
    main, zoom, legend, key = chart.figure.axes
    numbers = {t.get_text() for t in main.texts} | {t.get_text() for t in zoom.texts}
    assert numbers == {str(n) for n in range(1, 31)}
    assert "1  Pahandut" in [t.get_text() for t in key.texts]
    assert "Kec. Jekan Raya" in [t.get_text() for t in key.texts]
    english_key = units_map(pd.Series(values), 2024, "en", 3).figure.axes[3]
    assert "Kecamatan Jekan Raya" in [t.get_text() for t in english_key.texts]
    assert not any(t.get_text().startswith("Kec. ") for t in english_key.texts)
    labels = [t.get_text() for t in legend.get_legend().get_texts()]
    assert labels[0] == "0 unit" and " ".join(labels[-1].split()) == "disembunyikan (< 3 unit)"
    west, _south, east, _north = inset_extent(boundaries)
    assert zoom.get_xlim() == (west, east) and 113.85 < west < east < 114.1
    faces = {patch.get_facecolor()[:3] for patch in main.patches[:30]}
    assert len(faces) >= 5  # classes, zero and hidden told apart
    assert "Terbanyak: Bukit Sua (290), Gaung Baru (280), Pager (270)" in chart.description


def test_every_kelurahan_label_point_is_inside_it():
    from matplotlib.path import Path as DrawingPath

    for boundary in load_boundaries("kelurahan"):
        point = boundary.label_point()
        assert boundary.path.contains_point(point) or any(
            DrawingPath(ring).contains_point(point)
            for ring in boundary.path.to_polygons(closed_only=False)), boundary.name


def test_a_chart_left_as_a_cells_value_shows_without_a_caption():
    chart = bar_chart(pd.Series({"a": 3}), "t", "v")
    assert chart._repr_html_().startswith('<figure class="ikm-figure"><img alt="Diagram batang')
    assert "<figcaption>" not in chart._repr_html_()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_province_map_names_the_city_as_the_reports_do(lang):
    description = city_locator_map(lang).description
    assert "Kota Palangka Raya" in description and "Palangkaraya" not in description


def test_figure_text_is_text_with_a_sans_serif_for_viewers_without_dejavu():
    from ikm_analysis.report.charts import SVG_FONT_FAMILY, bar_chart, figure_svg

    svg = figure_svg(bar_chart(pd.Series({"Kerajinan": 651, "Lainnya": 231}),
                               "Unit per kategori", "Unit aktif", "id")).decode("utf-8")
    assert ">Kerajinan</text>" in svg and ">651</text>" in svg
    assert "<use " not in svg  # no letter drawn as an outline
    assert svg.count("font-family") == svg.count(SVG_FONT_FAMILY) > 0
    assert SVG_FONT_FAMILY.endswith("sans-serif")


def test_svg_ids_are_numbered_and_every_reference_finds_its_id():
    import re

    for chart in (line_chart(pd.Series({2020: 1, 2021: 2}), "t", "v"), city_locator_map("en")):
        svg = figure_svg(chart).decode()
        ids = set(re.findall(r'id="([^"]+)"', svg))
        references = set(re.findall(r'(?:url\(#|href="#)([^")]+)', svg))
        assert references and references <= ids
        assert not re.search(r"[pmh][0-9a-f]{10}", svg)  # no hash of float coordinates left
