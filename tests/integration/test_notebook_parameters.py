"""A report notebook run by plain papermill checks its parameters as `ikm-report build` does."""

import os

import papermill
import pytest

from ikm_analysis.report.build import KERNEL_NAME, _kernel_spec_dir
from ikm_analysis.report.kinds import REPORT_KINDS, notebooks_dir


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """A kernel spec for this interpreter, as the build makes one."""
    folder = _kernel_spec_dir(tmp_path_factory.mktemp("jupyter"))
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(folder)
    yield KERNEL_NAME
    if old is None:
        os.environ.pop("JUPYTER_PATH")
    else:
        os.environ["JUPYTER_PATH"] = old


@pytest.mark.parametrize(("parameters", "message"), [
    pytest.param({"year": 1990}, "year 1990 is outside the registry's years", id="year-range"),
    pytest.param({"year": "abc"}, "year must be a whole number", id="year-text"),
    pytest.param({"lang": "fr"}, "unknown language 'fr'", id="lang"),
    pytest.param({"yaer": 2023}, "unknown parameter 'yaer'", id="unknown-name"),
    pytest.param({"min_cell": 0}, "min_cell must be a whole number >= 1", id="min-cell"),
])
def test_bad_parameters_stop_the_yearly_notebook_at_its_check_cell(kernel, tmp_path, parameters,
                                                                   message):
    notebook = notebooks_dir() / REPORT_KINDS["tahunan"].notebook
    with pytest.raises(papermill.PapermillExecutionError, match=message) as failure:
        papermill.execute_notebook(str(notebook), str(tmp_path / "out.ipynb"),
                                   parameters=parameters, kernel_name=kernel, language="python",
                                   progress_bar=False, cwd=str(notebook.parent))
    # the cell right after the parameters (and papermill's injected cell) is the one that stops
    assert failure.value.cell_index == 3


def test_every_report_declares_what_its_kind_says(kernel):
    for kind in REPORT_KINDS.values():
        declared = papermill.inspect_notebook(str(notebooks_dir() / kind.notebook))
        assert tuple(declared) == kind.parameters
        assert all(parameter["inferred_type_name"] != "None" for parameter in declared.values())
