"""Parameters are checked before any kernel starts."""

import pytest

from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.report.build import REPORT_KINDS, notebooks_dir
from ikm_analysis.report.parameters import check_parameters, declared_parameters

DECLARED = {"year", "registry_path", "lang", "min_cell", "export_year", "number_format",
            "office"}


@pytest.mark.parametrize(("parameters", "message"), [
    pytest.param({"yaer": 2024}, "unknown parameter 'yaer'", id="unknown-name"),
    pytest.param({"lang": "fr"}, "unknown language", id="unknown-lang"),
    pytest.param({"min_cell": 0}, "min_cell must be a whole number >= 1", id="min-cell-zero"),
    pytest.param({"min_cell": True}, "min_cell must be", id="min-cell-bool"),
    pytest.param({"year": 2031}, "outside the registry's years 2005–2024", id="year-too-late"),
    pytest.param({"year": "2024"}, "year must be a whole number", id="year-text"),
    pytest.param({"registry_path": "tidak-ada.csv"}, "does not exist", id="missing-file"),
])
def test_bad_parameters_are_refused(parameters, message):
    with pytest.raises(ReportParameterError, match=message):
        check_parameters(parameters, DECLARED, years=(2005, 2024))


def test_a_folder_is_not_a_registry(tmp_path):
    with pytest.raises(ReportParameterError, match="is not a file"):
        check_parameters({"registry_path": str(tmp_path)}, DECLARED)


def test_good_parameters_pass(tmp_path):
    registry = tmp_path / "ikm.csv"
    registry.write_text("x\n")
    check_parameters({"year": 2024, "registry_path": str(registry), "lang": "en",
                      "min_cell": 5, "export_year": 2024}, DECLARED, years=(2005, 2024))


def test_each_notebook_declares_what_the_build_passes():
    folder = notebooks_dir()
    assert declared_parameters(folder / REPORT_KINDS["tahunan"].notebook) == DECLARED
    assert declared_parameters(folder / REPORT_KINDS["umkm_kalteng"].notebook) == {"lang"}
    assert declared_parameters(folder / REPORT_KINDS["kualitas_data"].notebook) == {
        "registry_path", "lang", "export_year", "number_format", "office"}


@pytest.mark.parametrize("kind", sorted(REPORT_KINDS))
def test_declared_parameters_are_the_names_papermill_finds(kind):
    import papermill

    notebook = notebooks_dir() / REPORT_KINDS[kind].notebook
    assert declared_parameters(notebook) == set(papermill.inspect_notebook(str(notebook)))


def test_a_parameters_cell_with_a_magic_is_read_by_papermill(tmp_path):
    import nbformat

    cell = nbformat.v4.new_code_cell("%matplotlib inline\nyear = 2024\nlang = 'id'")
    cell.metadata["tags"] = ["parameters"]
    notebook = tmp_path / "magic.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell], metadata={
        "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}),
        notebook)
    assert declared_parameters(notebook) == {"year", "lang"}


def test_a_notebook_without_a_parameters_cell_is_refused(tmp_path):
    import nbformat

    notebook = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]),
                   notebook)
    with pytest.raises(ReportParameterError, match="no cell tagged 'parameters'"):
        declared_parameters(notebook)
