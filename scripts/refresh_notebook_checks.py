"""Store the outputs of the nbval-checked cells in the report notebooks, and clear all others.

nbval (``pytest --nbval-lax``) reruns each notebook with its default parameters (the bundled
synthetic sample) and compares the cells marked ``# NBVAL_CHECK_OUTPUT`` with the outputs stored
in the file: the key figures. Run this after a deliberate change to those figures, review the diff,
and commit it; an unexplained diff is a regression.

Usage:
    python scripts/refresh_notebook_checks.py [--check]

``--check`` exits 1 when a cell other than a checked one carries outputs or an execution count.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import nbformat
import papermill

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MARK = "# NBVAL_CHECK_OUTPUT"


def is_checked(cell: nbformat.NotebookNode) -> bool:
    """Whether nbval compares this cell's output."""
    return cell.cell_type == "code" and cell.source.lstrip().startswith(MARK)


def stray_outputs(notebook: nbformat.NotebookNode) -> list[str]:
    """Ids of code cells that carry outputs or counts they should not."""
    return [cell.id for cell in notebook.cells if cell.cell_type == "code"
            and not is_checked(cell) and (cell.execution_count is not None or cell.outputs)]


def refresh(path: Path) -> None:
    """Execute ``path`` with its defaults and keep only the checked cells' outputs."""
    source = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as folder:
        executed_path = Path(folder) / path.name
        papermill.execute_notebook(str(path), str(executed_path), kernel_name="python3",
                                   language="python", progress_bar=False, cwd=str(path.parent))
        executed = nbformat.read(executed_path, as_version=4)
    by_id = {cell.id: cell for cell in executed.cells}
    for cell in source.cells:
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        cell.outputs = []
        if is_checked(cell):
            cell.execution_count = by_id[cell.id].execution_count  # nbval needs a run cell
            for output in by_id[cell.id].outputs:
                output.pop("execution_count", None)
                cell.outputs.append(output)
    nbformat.write(source, path)


def main() -> int:
    """Refresh every notebook, or with ``--check`` only report stray outputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
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
