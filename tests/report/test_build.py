"""Planning builds, normalising notebooks, swapping folders (no kernel started here)."""

from pathlib import Path

import nbformat
import pytest

from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.report.build import (
    _html_exporter,
    _swap_in,
    export_html,
    normalise_notebook,
    plan_reports,
    write_index,
)


def test_plan_lists_yearly_reports_then_the_companions(tmp_path):
    jobs = plan_reports(None, years=None, out_root=tmp_path)
    assert [job.label for job in jobs] == [
        "2020", "2021", "2022", "2023", "2024", "umkm_kalteng", "kualitas_data"]
    assert jobs[0].parameters == {"lang": "id", "registry_path": None, "export_year": 2024,
                                  "year": 2020, "min_cell": 3, "number_format": None,
                                  "office": None}
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


def test_first_year_after_the_data_builds_nothing_and_is_refused(tmp_path):
    with pytest.raises(ReportParameterError, match="no report year from 2030"):
        plan_reports(None, first_year=2030, out_root=tmp_path)


def test_an_explicit_folder_is_written_into_as_given(tmp_path):
    jobs = plan_reports(None, years=[2024], lang="en", out_root=tmp_path, kinds=["tahunan"],
                        edition_folder=False)
    assert jobs[0].folder == tmp_path / "2024"


def test_pages_link_the_index_the_years_around_and_an_existing_other_edition(tmp_path):
    english = tmp_path / "en" / "2023" / "laporan_ikm_2023.html"
    english.parent.mkdir(parents=True)
    english.write_text("<html></html>")
    jobs = plan_reports(None, years=[2022, 2023], out_root=tmp_path, kinds=["tahunan"])
    links = {job.label: [(link.role, link.href) for link in job.links] for job in jobs}
    assert links["2022"] == [("index", "../index.html"),
                             ("next", "../2023/laporan_ikm_2023.html")]
    assert links["2023"] == [("index", "../index.html"),
                             ("previous", "../2022/laporan_ikm_2022.html"),
                             ("other_edition", "../en/2023/laporan_ikm_2023.html")]
    english_jobs = plan_reports(None, years=[2023], lang="en", out_root=tmp_path,
                                kinds=["tahunan"])
    assert [(link.role, link.href) for link in english_jobs[0].links] == [
        ("index", "../../index.html")]  # no Indonesian 2023 report exists or is planned


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


def test_index_keeps_the_editions_apart_with_titles_dates_and_the_banner(tmp_path):
    for root, title in ((tmp_path, "Laporan IKM 2024"), (tmp_path / "en", "IKM report 2024")):
        (root / "2024").mkdir(parents=True)
        (root / "2024" / "laporan_ikm_2024.html").write_text("<html></html>")
        (root / "2024" / "key_figures.json").write_text(
            f'{{"title": "{title}", "synthetic": true}}')
        (root / "2024" / "provenance.json").write_text(
            '{"build": {"finished_utc": "2026-12-02T03:00:00Z"}}')
    index = write_index(tmp_path).read_text()
    indonesian, english = index.split('id="edisi-id"')[1].split('id="edisi-en"')
    assert "Laporan IKM 2024" in indonesian and "IKM report 2024" not in indonesian
    assert '<a href="en/2024/laporan_ikm_2024.html" hreflang="en">IKM report 2024</a>' in english
    assert "dibangun 2026-12-02" in indonesian and "built 2026-12-02" in english
    assert "DATA SINTETIS" in index and '<html lang="id">' in index


def test_the_build_kernel_gets_the_registry_cache_as_an_absolute_path(tmp_path, monkeypatch):
    import json

    from ikm_analysis.report.build import _kernel_spec_dir
    from ikm_analysis.report.registry_cache import CACHE_ENV

    monkeypatch.chdir(tmp_path)
    spec = _kernel_spec_dir(tmp_path / "jupyter", Path("cache"))
    env = json.loads((spec / "kernels" / "python3" / "kernel.json").read_text())["env"]
    assert env[CACHE_ENV] == str(tmp_path / "cache")
    without = _kernel_spec_dir(tmp_path / "other")
    assert CACHE_ENV not in json.loads(
        (without / "kernels" / "python3" / "kernel.json").read_text())["env"]


def test_every_job_has_a_key_that_changes_with_what_its_report_is_made_from(tmp_path):
    def keys(**options):
        jobs = plan_reports(None, years=[2023, 2024], out_root=tmp_path, **options)
        return {job.label: job.key for job in jobs}

    base = keys()
    assert all(len(key) == 64 for key in base.values()) and base == keys()
    fewer = keys(min_cell=4)  # a yearly parameter: the yearly reports only
    assert {label for label in base if base[label] != fewer[label]} == {"2023", "2024"}
    office = keys(office="Dinas Koperasi")  # the registry reports, not the province report
    assert {label for label in base if base[label] != office[label]} == {
        "2023", "2024", "kualitas_data"}


def test_a_report_whose_key_and_files_are_in_place_is_not_run(tmp_path, monkeypatch):
    import ikm_analysis.report.build as build

    job = plan_reports(None, years=[2024], out_root=tmp_path, kinds=["umkm_kalteng"])[0]
    job.folder.mkdir(parents=True)
    for name in job.files:
        (job.folder / name).write_text("")
    (job.folder / "provenance.json").write_text(f'{{"build": {{"key": "{job.key}"}}}}')
    monkeypatch.setattr(build, "ProcessPoolExecutor", lambda **k: pytest.fail("a kernel ran"))
    lines = []
    [result] = build.build_reports([job], report=lines.append)
    assert result.ok and result.unchanged and result.html == job.page
    assert lines == [f"= [1/1] umkm_kalteng: {job.page} (tidak berubah)"]


def test_the_kept_exporter_gives_each_notebook_the_page_a_new_one_gives():
    def notebook(text):
        cells = [nbformat.v4.new_markdown_cell(f"# {text}"),
                 nbformat.v4.new_code_cell("x = 1", outputs=[nbformat.v4.new_output(
                     "display_data", {"text/html": f"<p>{text}</p>"})])]
        cells[1].metadata["tags"] = ["analyst-notes"] if text == "b" else []
        return nbformat.v4.new_notebook(cells=cells)

    notebooks = {text: notebook(text) for text in "ab"}  # made once: cell ids are random
    kept = [export_html(notebooks[text], text) for text in "aba"]
    _html_exporter.cache_clear()
    fresh = [export_html(notebooks[text], text) for text in "ab"]
    assert kept == [fresh[0], fresh[1], fresh[0]]
    assert "<p>a</p>" in kept[0] and "<p>b</p>" not in kept[1]  # the tag still hides a cell
