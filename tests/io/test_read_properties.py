"""A Parquet registry cleans exactly like the same rows held in memory as plain text.

Reading Parquet leaves the personal columns in the file and reads coded columns (kelurahan,
status, ...) as categorical; neither may change a clean row, a quarantine line or a blank count.
Small row groups make the deferred reads cross group boundaries.
"""

from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikm_analysis.clean.pipeline import CleaningOptions, clean_registry
from ikm_analysis.clean.quarantine import build_quarantine_table
from ikm_analysis.io.read import RawRegistry, read_registry

HEADERS = {"unit_id": "ID", "business_name": "Nama Usaha", "owner_name": "Nama Pemilik",
           "owner_nik": "NIK", "kelurahan": "Kelurahan", "kbli_code": "KBLI",
           "year_registered": "Tahun", "status": "Status"}
CELLS = {
    "unit_id": st.sampled_from(["A1", "A2", "A3", None]),  # repeats make duplicates
    "business_name": st.sampled_from(["Kue Ibu", "Mebel", None]),
    "owner_name": st.sampled_from(["CONTOH Siti", "CONTOH Budi", None]),
    "owner_nik": st.sampled_from(["9900000000000001", "9900000000000002", None]),
    "kelurahan": st.sampled_from(["Menteng", "KEL. PAGER", "Kalampangn", None]),
    "kbli_code": st.sampled_from(["10792", "31001", "47111", None]),
    "year_registered": st.sampled_from(["2021", "2019", "kemarin", None]),
    "status": st.sampled_from(["aktif", "tutup", "buka", None]),
}
PERSONAL = ("owner_name", "owner_nik")


@st.composite
def registries(draw):
    """Rows drawn from a few base rows, so that exact duplicates and rows differing only in
    personal data are common; some rows hold personal data only, some nothing at all."""
    bases = draw(st.lists(st.fixed_dictionaries(CELLS), min_size=1, max_size=4))
    rows = []
    for _ in range(draw(st.integers(1, 25))):
        row = dict(draw(st.sampled_from(bases)))
        kind = draw(st.sampled_from(["copy", "copy", "personal changed", "personal only",
                                     "blank"]))
        if kind == "personal changed":
            row.update({name: draw(CELLS[name]) for name in PERSONAL})
        elif kind in ("personal only", "blank"):
            row = {name: row[name] if kind == "personal only" and name in PERSONAL else None
                   for name in CELLS}
        rows.append(row)
    return rows


OPTIONS = CleaningOptions(max_year=2024)


def _in_memory(frame: pd.DataFrame, path: Path) -> RawRegistry:
    """The registry as a CSV reader would hold it: text cells, blank rows dropped and counted."""
    blank = frame.isna().all(axis=1)
    return RawRegistry(frame[~blank].astype(object), path, headers=dict(HEADERS),
                       blank_rows=int(blank.sum()))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=registries(), group_size=st.integers(1, 7))
def test_parquet_cleans_like_plain_text(tmp_path, rows, group_size):
    frame = pd.DataFrame(rows, columns=list(CELLS), dtype="string")
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="source_row")
    path = tmp_path / "ikm.parquet"
    frame.rename(columns=HEADERS).to_parquet(path, index=False, row_group_size=group_size)

    from_file = read_registry(path)
    expected = _in_memory(frame, path)
    assert set(from_file.deferred.columns) == {"owner_name", "owner_nik"}
    assert from_file.blank_rows == expected.blank_rows
    assert from_file.frame.index.equals(expected.frame.index)

    ours, theirs = clean_registry(from_file, OPTIONS), clean_registry(expected, OPTIONS)
    pd.testing.assert_frame_equal(ours.clean, theirs.clean)
    pd.testing.assert_frame_equal(build_quarantine_table(from_file, ours.issues),
                                  build_quarantine_table(expected, theirs.issues))
    assert ours.rows_clean + ours.rows_quarantined == len(frame) - from_file.blank_rows
