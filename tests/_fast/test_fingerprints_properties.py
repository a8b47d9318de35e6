"""Repeats found through fingerprints are exactly the repeats a plain comparison finds."""

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import ikm_analysis._fast.repeats as repeats_module
from ikm_analysis._fast.fingerprints import MAX_WIDTH, text_fingerprints
from ikm_analysis._fast.repeats import earlier_repeats

#: Registration-number shaped text, so that repeats, shared prefixes and padding all occur.
IDS = st.text(alphabet="SIN-0129 ", max_size=12)
ANY_TEXT = st.one_of(IDS, st.text(max_size=4), st.text(alphabet="ab", min_size=60, max_size=70))


def expected_repeats(cells: list[str]) -> tuple[list[int], list[int]]:
    first_seen: dict[str, int] = {}
    repeats, firsts = [], []
    for position, cell in enumerate(cells):
        if cell in first_seen:
            repeats.append(position)
            firsts.append(first_seen[cell])
        else:
            first_seen[cell] = position
    return repeats, firsts


def chunked(cells: list[str], cut: int) -> pd.Series:
    """The cells as an Arrow-backed column split into two chunks at ``cut``."""
    cut = min(cut, len(cells))
    array = pa.chunked_array([pa.array(cells[:cut], pa.large_string()),
                              pa.array(cells[cut:], pa.large_string())])
    return pd.Series(pd.arrays.ArrowExtensionArray(array)).astype("string[pyarrow]")


@given(st.lists(ANY_TEXT, max_size=40), st.sampled_from([object, "string"]))
@example(["A", "A "], "string")  # pad to the same bytes; the length keeps them apart
@example(["ab" * 40, "ab" * 40], "string")  # longer than MAX_WIDTH: the hash-table route
@example(["é", "e", "é"], object)  # non-ASCII: the hash-table route
def test_earlier_repeats_equal_a_plain_comparison(cells, dtype):
    repeats, firsts = earlier_repeats(pd.Series(cells, dtype=dtype))
    assert (repeats.tolist(), firsts.tolist()) == expected_repeats(cells)


@given(st.lists(IDS, max_size=40))
def test_even_fingerprints_that_all_collide_give_exact_repeats(cells):
    def colliding(values):
        return np.zeros(len(values), dtype=np.uint64)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(repeats_module, "text_fingerprints", colliding)
        repeats, firsts = earlier_repeats(pd.Series(cells, dtype="string"))
    assert (repeats.tolist(), firsts.tolist()) == expected_repeats(cells)


@given(st.lists(IDS, min_size=1, max_size=40), st.integers(0, 40))
def test_equal_cells_get_equal_fingerprints_whatever_the_chunks(cells, cut):
    whole = text_fingerprints(pd.Series(cells, dtype="string"))
    split = text_fingerprints(chunked(cells, cut))
    assert whole.tolist() == split.tolist()
    for left in range(len(cells)):
        for right in range(len(cells)):
            if cells[left] == cells[right]:
                assert whole[left] == whole[right]


def test_cells_differing_in_one_word_never_share_a_fingerprint():
    cells = [f"SIN-2005-{number:07d}" for number in range(20_000)]
    assert len(set(text_fingerprints(pd.Series(cells, dtype="string")).tolist())) == len(cells)


@pytest.mark.parametrize(
    "values",
    [
        pd.Series(["A1", None], dtype="string"),
        pd.Series(["A1", "Ñ"], dtype="string"),
        pd.Series(["A1", "x" * (MAX_WIDTH + 1)], dtype="string"),
        pd.Series([1, 2]),
    ],
    ids=["missing", "non-ASCII", "too long", "not text"],
)
def test_fingerprints_are_not_made_where_they_do_not_apply(values):
    assert text_fingerprints(values) is None


def test_empty_columns_and_empty_cells():
    assert text_fingerprints(pd.Series([], dtype="string")).tolist() == []
    assert text_fingerprints(pd.Series(["", ""], dtype="string")).tolist() == [0, 0]
    assert [a.tolist() for a in earlier_repeats(pd.Series(["", ""], dtype="string"))] == [[1], [0]]


def test_a_missing_cell_is_refused():
    with pytest.raises(ValueError, match="missing"):
        earlier_repeats(pd.Series(["A1", None], dtype="string"))
