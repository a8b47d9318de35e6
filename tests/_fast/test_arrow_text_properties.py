"""The Arrow text kernels agree cell for cell with the per-cell Python functions."""

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ikm_analysis._fast import arrow_text
from ikm_analysis._fast.arrow_text import as_arrow_text, collapse_spaces, fold_arrow
from ikm_analysis.folding import fold_text

# Text with the hard cases over-represented: Unicode spaces, accents, ligatures, punctuation.
TRICKY = st.sampled_from(["\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\t", "\n", " ", "é",
                          "ﬁ", "ß", "²", "Å", "İ", ".", "-", "/", "Kel", "KEL", "9"])
CELLS = st.lists(st.one_of(st.none(), st.text(), st.lists(TRICKY).map("".join)), max_size=30)
#: Printable ASCII words and spaces only: cells that only their spaces can mark.
ASCII_CELLS = st.lists(
    st.one_of(st.none(), st.lists(st.sampled_from(["Kel", " ", "9", "."])).map("".join)),
    max_size=30)


def python_collapse(value):
    if value is None:
        return None
    return " ".join(value.split()) or None


@settings(max_examples=300)
@given(st.one_of(CELLS, ASCII_CELLS))
def test_collapse_spaces_equals_python_split_join(cells):
    text = as_arrow_text(pd.Series(cells, dtype=object))
    assert collapse_spaces(text).to_pylist() == [python_collapse(cell) for cell in cells]


@settings(max_examples=300)
@given(CELLS)
@example(["\U0001ccd6"])  # newer than Python 3.11's Unicode: Arrow's NFKD alone gave "a"
def test_fold_arrow_equals_fold_text(cells):
    text = as_arrow_text(pd.Series(cells, dtype="string"))
    assert fold_arrow(text).to_pylist() == [fold_text(cell) for cell in cells]


@pytest.fixture(params=["hashed", "straight"])
def route(request, monkeypatch):
    """Force one of the two routes, whatever the cells look like."""
    monkeypatch.setattr(arrow_text, "_is_repetitive", lambda text: request.param == "hashed")
    return request.param


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=CELLS)
def test_both_routes_collapse_and_fold_like_python(route, cells):
    whole = as_arrow_text(pd.Series(cells, dtype=object)).combine_chunks()
    half = len(cells) // 2  # two chunks, as two Parquet row groups give
    text = pa.chunked_array([whole.slice(0, half), whole.slice(half)], type=whole.type)
    assert collapse_spaces(text).to_pylist() == [python_collapse(cell) for cell in cells]
    assert fold_arrow(text).to_pylist() == [fold_text(cell) for cell in cells]


def test_route_follows_how_the_first_values_repeat():
    names = as_arrow_text(pd.Series([f"Usaha {i}" for i in range(100)], dtype="string"))
    places = as_arrow_text(pd.Series(["Menteng", "Pager"] * 50, dtype="string"))
    assert not arrow_text._is_repetitive(names.combine_chunks())
    assert arrow_text._is_repetitive(places.combine_chunks())
    assert pc.count_distinct(fold_arrow(places)).as_py() == 2


def test_mixed_cells_are_not_text():
    assert as_arrow_text(pd.Series(["a", 1.5], dtype=object)) is None
    assert as_arrow_text(pd.Series([1, 2])) is None


@settings(max_examples=300)
@given(st.one_of(CELLS, ASCII_CELLS), st.integers(0, 30),
       st.sampled_from([pa.string(), pa.large_string()]))
@example(["Kel  9", "Kel 9", "Kel 9 "], 1, pa.string())
def test_the_byte_scan_marks_every_cell_the_pattern_marks(cells, cut, text_type):
    whole = pa.array(cells, type=text_type)
    for part in (whole, whole.slice(min(cut, len(cells)))):  # a slice starts at an offset
        pattern = arrow_text.needs_collapse_pattern()
        by_pattern = pc.fill_null(pc.match_substring_regex(part, pattern), False).to_pylist()
        by_bytes = arrow_text._may_need_collapse(part).to_pylist()
        assert len(by_bytes) == len(part)
        assert all(scan for scan, pattern in zip(by_bytes, by_pattern, strict=True) if pattern)


@given(CELLS, st.integers(0, 30), st.sampled_from([pa.string(), pa.large_string()]))
def test_text_bytes_are_each_cells_utf8(cells, cut, text_type):
    part = pa.array(cells, type=text_type).slice(min(cut, len(cells)))
    offsets, data = arrow_text.text_bytes(part)
    assert len(offsets) == len(part) + 1
    for position, cell in enumerate(part.to_pylist()):
        written = data[offsets[position]:offsets[position + 1]].tobytes()
        assert written == ("" if cell is None else cell).encode()
