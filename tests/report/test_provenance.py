"""Provenance records and key figures."""

import hashlib
import math

import nbformat
import pytest

from ikm_analysis.report.key_figures import KEY_FIGURES_TAG, key_figures_text, read_key_figures
from ikm_analysis.report.provenance import (
    bundled_inputs,
    file_sha256,
    git_state,
    provenance_json,
    read_provenance,
    report_provenance,
)


def test_sha256_matches_hashlib(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"x" * (3 << 20))
    assert file_sha256(path) == hashlib.sha256(b"x" * (3 << 20)).hexdigest()


def test_report_provenance_names_the_registry_and_every_bundled_file(tmp_path):
    registry = tmp_path / "ikm.csv"
    registry.write_text("a\n")
    record = report_provenance({"year": 2024}, registry, {"rows_read": 1})
    files = [item["file"] for item in record["inputs"]]
    assert files[0] == "ikm.csv"  # name only: no user folders in a report
    assert str(tmp_path) not in provenance_json(record)
    assert len(files) == 1 + len(bundled_inputs())
    assert "published/published_figures.csv" in files
    assert record["row_counts"] == {"rows_read": 1}
    assert record["versions"]["pandas"].startswith("3.")


def test_git_state_outside_a_checkout_is_unknown(tmp_path):
    assert git_state(tmp_path) == {"commit": None, "changed_files": None}


def test_read_provenance_needs_the_tagged_cell():
    with pytest.raises(ValueError, match="no cell is tagged"):
        read_provenance(nbformat.v4.new_notebook())


def test_key_figures_round_trip_through_a_notebook_cell():
    figures = {"year": 2024, "change_percent": 44.80159782795263, "reason": None}
    cell = nbformat.v4.new_code_cell("", metadata={"tags": [KEY_FIGURES_TAG]})
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={"text/plain": key_figures_text(figures)})]
    assert read_key_figures(nbformat.v4.new_notebook(cells=[cell])) == {
        "year": 2024, "change_percent": 44.801598, "reason": None}


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_key_figures_refuse_nan_and_infinity(bad):
    with pytest.raises(ValueError, match="use None"):
        key_figures_text({"x": {"nested": [bad]}})


def test_a_key_figures_cell_without_output_is_an_error():
    cell = nbformat.v4.new_code_cell("", metadata={"tags": [KEY_FIGURES_TAG]})
    with pytest.raises(ValueError, match="showed no text"):
        read_key_figures(nbformat.v4.new_notebook(cells=[cell]))
