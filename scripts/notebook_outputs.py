"""Keep the notebooks' committed outputs to the nbval-checked cells: store, strip, check, filter.

nbval (``pytest --nbval-lax``) reruns each notebook in ``notebooks/`` with its default parameters
(the bundled synthetic sample) and compares the cells marked ``# NBVAL_CHECK_OUTPUT`` with the
outputs stored in the file: the key figures. Every other cell is committed without outputs, so a
notebook run and saved in JupyterLab does not dirty the repository. This script is the output
stripper (in the place of nbstripout, which cannot keep a checked cell's execution count, and
nbval needs it):

* ``refresh``: execute every notebook with papermill and store only the checked cells' outputs
  (after a deliberate change to those figures; review the diff);
* ``strip FILE...``: clear every output but the checked cells' and the run metadata JupyterLab
  adds (the pre-commit hook, ``.pre-commit-config.yaml``);
* ``check``: exit 1 when a committed notebook carries outputs outside the checked cells;
* ``filter``: ``strip`` from standard input to standard output, for git's clean filter
  (``make lab`` sets it up, so ``git status`` stays clean after Run All + Save).

Usage:
    python scripts/notebook_outputs.py refresh | check | strip FILE... | filter
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MARK = "# NBVAL_CHECK_OUTPUT"
#: What a stripped notebook's metadata keeps: the kernel and the language's name.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: Cell metadata JupyterLab and papermill add while running; never committed.
RUN_METADATA = ("execution", "papermill", "collapsed", "scrolled", "ExecuteTime")


def is_checked(cell: nbformat.NotebookNode) -> bool:
    """Whether nbval compares this cell's output."""
    return cell.cell_type == "code" and cell.source.lstrip().startswith(MARK)


def stray_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Ids of code cells that carry outputs or counts they should not."""
    return [cell.id for cell in notebook.cells if cell.cell_type == "code"
            and not is_checked(cell) and (cell.execution_count is not None or cell.outputs)]


def strip(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook as it is committed: outputs only in checked cells, counted 1, no run data."""
    notebook.metadata = nbformat.from_dict({
        **{key: value for key, value in notebook.metadata.items()
           if key not in ("kernelspec", "language_info", "papermill", "widgets")},
        "kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    for cell in notebook.cells:
        for key in RUN_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        if is_checked(cell) and cell.outputs:
            cell.execution_count = 1  # nbval compares a cell only if it has been run
            for output in cell.outputs:
                if output.output_type == "execute_result":
                    output.execution_count = 1
        else:
            cell.execution_count = None
            cell.outputs = []
    return notebook


def refresh(path: Path) -> None:
    """Execute ``path`` with its defaults and keep only the checked cells' outputs."""
    import papermill

    source = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        executed_path = Path(folder) / path.name
        papermill.execute_notebook(str(path), str(executed_path), kernel_name="python3",
                                   language="python", progress_bar=False, cwd=str(path.parent))
        executed = nbformat.read(executed_path, as_version=4)
    by_id = {cell.id: cell for cell in executed.cells}
    for cell in source.cells:
        if is_checked(cell):
            cell.outputs = by_id[cell.id].outputs
    nbformat.write(strip(source), path)


def main(argv: list[str] | None = None) -> int:
    """Run one of the commands; the exit code says whether anything was wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("refresh", help="re-run the notebooks and store the checked outputs")
    commands.add_parser("check", help="exit 1 when outputs are stored outside checked cells")
    strip_files = commands.add_parser("strip", help="strip the given notebooks in place")
    strip_files.add_argument("files", nargs="*", type=Path)
    commands.add_parser("filter", help="strip standard input to standard output (git filter)")
    args = parser.parse_args(argv)
    if args.command == "filter":
        notebook = nbformat.read(sys.stdin, as_version=4)
        nbformat.write(strip(notebook), sys.stdout)
        return 0
    if args.command == "strip":
        changed = []
        for path in args.files:
            before = path.read_text(encoding="utf-8")
            nbformat.write(strip(nbformat.read(path, as_version=4)), path)
            if path.read_text(encoding="utf-8") != before:
                changed.append(path)
                print(f"stripped {path}")
        return 1 if changed else 0  # pre-commit: a changed file means "stage it again"
    if args.command == "check":
        stray = {path.name: stray_outputs(nbformat.read(path, as_version=4)) for path in NOTEBOOKS}
        stray = {name: ids for name, ids in stray.items() if ids}
        for name, ids in stray.items():
            print(f"{name}: outputs outside the checked cells: {ids}")
        return 1 if stray else 0
    for path in NOTEBOOKS:
        refresh(path)
        print(f"refreshed {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
