"""The report notebooks hold parameters, calls and figures: no logic, no stray outputs."""

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
spec = importlib.util.spec_from_file_location(
    "refresh_notebook_checks", ROOT / "scripts" / "refresh_notebook_checks.py")
refresh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(refresh)


def test_there_are_three_report_notebooks():
    assert [path.name for path in NOTEBOOKS] == [
        "kualitas_data_registri.ipynb", "laporan_tahunan_ikm.ipynb",
        "pertumbuhan_umkm_kalteng.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_code_defines_nothing_and_loops_over_nothing(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class|for|while)\b", cell.source, re.MULTILINE), (
                cell.id)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_has_the_cells_the_build_needs(path):
    notebook = nbformat.read(path, as_version=4)
    tags = [tag for cell in notebook.cells for tag in cell.metadata.get("tags", [])]
    assert tags.count("parameters") == tags.count("key-figures") == tags.count("provenance") == 1
    checked = [cell for cell in notebook.cells if refresh.is_checked(cell)]
    assert len(checked) == 1 and "key-figures" in checked[0].metadata["tags"]
    assert checked[0].outputs, "run scripts/refresh_notebook_checks.py"
    assert refresh.stray_outputs(notebook) == []
    assert notebook.metadata["kernelspec"]["name"] == "python3"
