"""Resolving each distinct (kelurahan, kecamatan) pair once gives exactly the per-row result."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis.clean.regions import _canonicalize_rows, canonicalize_regions

# Known names, office spellings, misspellings, kecamatan that conflict, blanks.
KELURAHAN = st.sampled_from(["Menteng", "KEL. MENTENG", "Kelampangan", "Kalampangn", "Palangka",
                             "Tidak Ada", "", None, "  Pager ", "Bukit Tunggal"])
KECAMATAN = st.sampled_from(["Jekan Raya", "Pahandut", "Sebangau", "Rakumpit", "Kec. X", None])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(KELURAHAN, KECAMATAN), min_size=1, max_size=40), st.booleans())
def test_shared_resolution_equals_row_by_row(rows, with_kecamatan):
    index = pd.Index(range(5, 5 + len(rows)), name="source_row")
    kelurahan = pd.Series([row[0] for row in rows], index=index, dtype=object)
    kecamatan = (pd.Series([row[1] for row in rows], index=index, dtype=object)
                 if with_kecamatan else None)
    shared = canonicalize_regions(kelurahan, kecamatan)
    row_by_row = _canonicalize_rows(kelurahan, kecamatan, None)
    pd.testing.assert_frame_equal(shared.regions, row_by_row.regions)
    pd.testing.assert_frame_equal(shared.issues.frame.reset_index(drop=True),
                                  row_by_row.issues.frame.reset_index(drop=True))
