"""Write the office-file corpus and its manifest.

Usage::

    python tests/corpus/generate.py OUTDIR            # every file + OUTDIR/manifest.json
    python tests/corpus/generate.py OUTDIR --readme   # also rewrite tests/corpus/README.md

The same code and library versions always give the same bytes (``manifest.json`` lists each
file's SHA-256, so two runs can be compared with ``diff``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent

README_INTRO = """\
# Office-file corpus (DATA FIKTIF)

Fictional registry exports as district offices send them, each with the truth a careful person
would state after opening it in Excel. The truth never depends on the package's reader: it is
derived from the layout that writes the file. Cases and truths live in `office_files.py` (its
module docstring says how to read a truth: row numbering, records vs units, facts);
`generate.py OUTDIR` writes the files and `OUTDIR/manifest.json`; `status_today.py` runs
today's reader over them and writes `STATUS_TODAY.md`.

All data are invented: owners `CONTOH <name>`, NIKs starting with `99`, phones `0800-0000-xxxx`.

```python
import sys; sys.path.insert(0, "tests/corpus")
from office_files import CASES           # or: python tests/corpus/generate.py OUTDIR
for case in CASES:
    path = case.write(tmp_path)          # same bytes every time
    truth = case.truth                   # records, units, defective_rows, facts, ...
```

Rules the truths follow (details in `office_files.py`): rows are numbered as Excel shows them, or
by the line a record starts on in a text editor; every non-blank row is a header row, a record
or a skipped row (titles, `(1) (2) (3)` rows, repeated headers, footers, `sep=;`); every record
that is not a unit (defect, total row, second listing of a duplicate) has an entry in
`defective_rows`; `cell_warnings` flag cells of rows that stay units. Judgement calls: hidden
and filtered rows are records; `-` in a count means none; an error cell (`#REF!`) or a
non-finite amount in a registry field makes its row defective; `Tahun` disagreeing with
`Tgl. Daftar` is a defect; a header-only file is unusable; HTML/SpreadsheetML `.xls`, `.ods`
and a CSV named `.xlsx` are usable (read them, or refuse naming the real format).

Column "truth": records (data rows below the header, total rows included) and units (real,
distinct, valid units), the rows that are not units, and how text amounts are to be read
(`id`, `en`, `ambiguous` = both fit with different values, `any` = no difference).

| file | kind | what is tricky | truth |
|---|---|---|---|
"""


def load_office_files() -> ModuleType:
    """Import ``office_files`` from this folder (works as a script and under pytest)."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import office_files

    return office_files


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def generate(outdir: Path) -> dict[str, Any]:
    """Write every corpus file and the manifest into ``outdir``.

    Args:
        outdir: Target folder; created when missing.

    Returns:
        The manifest.
    """
    office_files = load_office_files()
    outdir.mkdir(parents=True, exist_ok=True)
    entries = []
    for case in office_files.CASES:
        path = case.write(outdir)
        assert path == outdir / case.name, (path, case.name)
        entries.append({
            "name": case.name,
            "kind": case.kind,
            "description": case.description,
            "size_bytes": path.stat().st_size,
            "sha256": _sha256(path),
            "truth": case.truth.to_json(),
        })
    manifest = {
        "about": "Fictional IKM registry exports (DATA FIKTIF) with their ground truth; see "
                 "tests/corpus/office_files.py for how to read a truth.",
        "files": entries,
    }
    text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
    (outdir / "manifest.json").write_text(text, encoding="utf-8")
    return manifest


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def readme(manifest: dict[str, Any]) -> str:
    """The README: an introduction and one table row per file."""
    office_files = load_office_files()
    lines = [README_INTRO]
    for case, entry in zip(office_files.CASES, manifest["files"], strict=True):
        size = entry["size_bytes"]
        shown = f"{size / 1024:.1f} KB" if size < 1 << 20 else f"{size / (1 << 20):.1f} MB"
        lines.append(f"| `{case.name}` | {case.kind}, {shown} | {_cell(case.description)} | "
                     f"{_cell(case.truth.summary())} |\n")
    return "".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, help="folder to write the corpus into")
    parser.add_argument("--readme", action="store_true",
                        help="also rewrite tests/corpus/README.md from the cases")
    args = parser.parse_args(argv)
    manifest = generate(args.outdir)
    if args.readme:
        (HERE / "README.md").write_text(readme(manifest), encoding="utf-8")
    print(f"{len(manifest['files'])} files and manifest.json written to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
