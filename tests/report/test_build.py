"""Planning builds, normalising notebooks, swapping folders (no kernel started here)."""

from pathlib import Path

import nbformat
import pytest

from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.report.build import (
    _swap_in,
    normalise_notebook,
    plan_reports,
    write_index,
)


def test_plan_lists_yearly_reports_then_the_companions(tmp_path):
    jobs = plan_reports(None, years=None, out_root=tmp_path)
    assert [job.label for job in jobs] == [
        "2020", "2021", "2022", "2023", "2024", "umkm_kalteng", "kualitas_data"]
    assert jobs[0].parameters == {"lang": "id", "registry_path": None, "export_year": 2024,
                                  "year": 2020, "min_cell": 3, "number_format": None}
    assert jobs[-2].parameters == {"lang": "id"}


def test_english_reports_go_to_their_own_folder(tmp_path):
    jobs = plan_reports(None, years=[2024], lang="en", out_root=tmp_path,
                        kinds=["tahunan"])
    assert jobs[0].folder == tmp_path / "en" / "2024"
    assert jobs[0].label == "en/2024"


@pytest.mark.parametrize(("arguments", "message"), [
    pytest.param({"years": [2031]}, "outside the registry's years", id="year"),
    pytest.param({"years": [2024], "lang": "jv"}, "unknown language", id="lang"),
    pytest.param({"years": [2024], "min_cell": 0}, "min_cell", id="min-cell"),
    pytest.param({"kinds": ["bulanan"]}, "unknown report", id="kind"),
    pytest.param({"years": [2024], "number_format": "de"}, "number_format must be",
                 id="number-format"),
])
def test_bad_requests_fail_before_any_kernel(tmp_path, arguments, message):
    with pytest.raises(ReportParameterError, match=message):
        plan_reports(None, out_root=tmp_path, **arguments)


def test_a_missing_registry_fails_before_reading(tmp_path):
    with pytest.raises(ReportParameterError, match="does not exist"):
        plan_reports(tmp_path / "tidak-ada.xlsx", years=[2024], out_root=tmp_path)


def test_normalise_drops_times_and_fixes_the_injected_cell_id():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("year = 2024", metadata={"tags": ["injected-parameters"],
                                                           "papermill": {"duration": 0.1}})])
    notebook.metadata["papermill"] = {"start_time": "t", "end_time": "t", "duration": 1.0,
                                      "input_path": "/tmp/x", "output_path": "/tmp/y",
                                      "parameters": {"year": 2024}}
    normalise_notebook(notebook)
    assert dict(notebook.metadata["papermill"]) == {"parameters": {"year": 2024}}
    assert notebook.cells[0].id == "injected-parameters"
    assert "papermill" not in notebook.cells[0].metadata
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_swap_replaces_the_old_report_whole(tmp_path):
    target = tmp_path / "2024"
    target.mkdir()
    (target / "old.html").write_text("old")
    built = tmp_path / "new"
    built.mkdir()
    (built / "laporan.html").write_text("new")
    _swap_in(built, target)
    assert sorted(path.name for path in target.iterdir()) == ["laporan.html"]
    assert not built.exists()
    assert [path.name for path in tmp_path.iterdir()] == ["2024"]


def test_index_links_reports_but_not_failed_or_temporary_folders(tmp_path):
    for relative in ("2024/laporan_ikm_2024.html", "failed/2023/x.html", ".build-1/y.html"):
        Path(tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("<html></html>")
    (tmp_path / "2024" / "key_figures.json").write_text('{"title": "Laporan IKM 2024"}')
    index = write_index(tmp_path).read_text()
    assert '<a href="2024/laporan_ikm_2024.html">Laporan IKM 2024</a>' in index
    assert "failed" not in index and ".build" not in index
