"""JupyterLab settings for ``make lab``: the project's notebooks are saved as they are committed.

Run All + Save on one of the notebooks in ``notebooks/`` writes it without the outputs of the
cells nbval does not check (:func:`notebook_outputs.strip`), so the file on disk stays the
committed one and ``git status`` stays clean; the outputs remain on screen until the notebook is
closed. Notebooks of your own, anywhere else or under another name, are saved untouched.
"""

import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_outputs import NOTEBOOKS, strip

_COMMITTED = {path.resolve() for path in NOTEBOOKS}


def strip_committed_notebooks(model, path, contents_manager, **kwargs):
    """Jupyter's pre-save hook: strip a committed notebook's model before it is written."""
    if model.get("type") != "notebook" or model.get("content") is None:
        return
    if (Path(contents_manager.root_dir) / path).resolve() in _COMMITTED:
        model["content"] = strip(nbformat.from_dict(model["content"]))


c = get_config()  # noqa: F821 (provided by Jupyter when it reads this file)
c.FileContentsManager.pre_save_hook = strip_committed_notebooks
