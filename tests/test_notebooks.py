"""The notebooks hold parameters, calls and figures: no logic, no stray outputs."""

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
REPORT_NOTEBOOKS = [path for path in NOTEBOOKS if not path.name.startswith("00_")]
spec = importlib.util.spec_from_file_location(
    "notebook_outputs", ROOT / "scripts" / "notebook_outputs.py")
outputs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(outputs)


def test_an_exploration_notebook_and_three_report_notebooks():
    assert [path.name for path in NOTEBOOKS] == [
        "00_mulai_di_sini.ipynb", "kualitas_data_registri.ipynb", "laporan_tahunan_ikm.ipynb",
        "pertumbuhan_umkm_kalteng.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_committed_notebooks_are_stripped_but_for_the_checked_cells(path):
    notebook = nbformat.read(path, as_version=4)
    assert outputs.stray_outputs(notebook) == []
    checked = [cell for cell in notebook.cells if outputs.is_checked(cell)]
    assert checked and all(cell.outputs for cell in checked), "run notebook_outputs.py refresh"
    assert nbformat.writes(outputs.strip(nbformat.read(path, as_version=4))) + "\n" == (
        path.read_text(encoding="utf-8")), "run scripts/notebook_outputs.py strip"


def test_the_stripper_removes_what_a_run_in_jupyterlab_adds():
    path = ROOT / "notebooks" / "00_mulai_di_sini.ipynb"
    committed = path.read_text(encoding="utf-8")
    run = nbformat.read(path, as_version=4)
    run.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    for number, cell in enumerate(run.cells):
        if cell.cell_type == "code":
            cell.execution_count = number + 5
            cell.metadata["execution"] = {"iopub.status.busy": "2026-12-01T10:00:00"}
            if not outputs.is_checked(cell):
                cell.outputs = [nbformat.v4.new_output("stream", text="keluaran")]
    assert nbformat.writes(outputs.strip(run)) + "\n" == committed


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_code_defines_nothing_and_loops_over_nothing(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class|for|while)\b", cell.source, re.MULTILINE), (
                cell.id)


@pytest.mark.parametrize("path", REPORT_NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_has_the_cells_the_build_needs(path):
    notebook = nbformat.read(path, as_version=4)
    tags = [tag for cell in notebook.cells for tag in cell.metadata.get("tags", [])]
    assert tags.count("parameters") == tags.count("key-figures") == tags.count("provenance") == 1
    assert tags.count("tables") == 1 and "tables" in notebook.cells[-1].metadata["tags"]
    checked = [cell for cell in notebook.cells if outputs.is_checked(cell)]
    assert len(checked) == 1 and "key-figures" in checked[0].metadata["tags"]
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_the_git_filter_strips_what_it_reads(tmp_path):
    import subprocess
    import sys

    path = ROOT / "notebooks" / "00_mulai_di_sini.ipynb"
    run = nbformat.read(path, as_version=4)
    run.cells[1].outputs = [nbformat.v4.new_output("stream", text="keluaran")]
    run.cells[1].execution_count = 3
    stripped = subprocess.run([sys.executable, str(ROOT / "scripts" / "notebook_outputs.py"),
                               "filter"], input=nbformat.writes(run), capture_output=True,
                              text=True, check=True).stdout
    assert stripped == path.read_text(encoding="utf-8")


def test_make_lab_passes_server_options_and_runs_as_root():
    import os
    import subprocess

    dry_run = subprocess.run(["make", "-n", "lab", "LAB_ARGS=--port 8899 --no-browser"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
    (command,) = [line for line in dry_run.splitlines() if "jupyter lab" in line]
    assert command.endswith("--port 8899 --no-browser")
    assert ("--allow-root" in command) == (os.geteuid() == 0)


def test_jupyterlab_saves_a_committed_notebook_as_committed_and_others_as_they_are(tmp_path):
    import types

    source = (ROOT / "scripts" / "lab_config.py").read_text()
    namespace = {"get_config": lambda: types.SimpleNamespace(
        FileContentsManager=types.SimpleNamespace()), "__file__": str(ROOT / "scripts" / "x")}
    exec(compile(source, "lab_config.py", "exec"), namespace)
    hook = namespace["strip_committed_notebooks"]
    path = ROOT / "notebooks" / "00_mulai_di_sini.ipynb"
    run = nbformat.read(path, as_version=4)
    run.cells[1].outputs = [nbformat.v4.new_output("stream", text="keluaran")]
    run.cells[1].execution_count = 9
    for folder, name, expect_stripped in ((ROOT / "notebooks", path.name, True),
                                          (ROOT / "notebooks", "punya_saya.ipynb", False)):
        model = {"type": "notebook", "content": nbformat.from_dict(run)}
        hook(model, name, types.SimpleNamespace(root_dir=str(folder)))
        saved = nbformat.writes(nbformat.from_dict(model["content"])) + "\n"
        assert (saved == path.read_text(encoding="utf-8")) == expect_stripped
