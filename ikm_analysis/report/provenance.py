"""Where a report came from: parameters, input files (SHA-256), row counts, versions, git commit.

The same record is shown in the report's provenance block and written to ``provenance.json`` by
the build, so a reader can check a published figure against the exact inputs. It holds nothing
that changes between two builds of the same inputs; the build adds its time under ``build``,
which is the one field a byte-for-byte comparison ignores.

Example:
    >>> record = collect_provenance({"year": 2024}, inputs=[], row_counts={"rows_read": 3})
    >>> sorted(record)
    ['git', 'inputs', 'parameters', 'row_counts', 'versions']
    >>> record["versions"]["ikm_analysis"] == __import__("ikm_analysis").__version__
    True
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import platform
import subprocess
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from ikm_analysis.i18n import check_lang, text
from ikm_analysis.reference import bundled_dir

#: Packages whose versions a report records.
RECORDED_PACKAGES = ("ikm-analysis", "pandas", "numpy", "pyarrow", "openpyxl", "pandera",
                     "matplotlib", "seaborn", "papermill", "nbconvert", "ipykernel")


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks.

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = path.write_bytes(b"abc")
        >>> file_sha256(path)[:16]
        'ba7816bf8f01cfea'
    """
    digest = hashlib.sha256()
    with Path(path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def bundled_inputs() -> list[Path]:
    """Every bundled reference and published-figure file a report may read, sorted.

    Example:
        >>> names = [path.name for path in bundled_inputs()]
        >>> "published_figures.csv" in names, "palangkaraya_kelurahan.geojson" in names
        (True, True)
    """
    files = [path for kind in ("reference", "published")
             for path in bundled_dir(kind).rglob("*") if path.is_file()
             and path.suffix in (".csv", ".geojson")]
    return sorted(files, key=lambda path: (path.parent.name, path.name))


def describe_input(path: Path, role: str) -> dict[str, object]:
    """One input file: its role, name, size and SHA-256.

    Bundled files are named with their folder (``published/published_figures.csv``); a registry
    by its name only, so no user's folder names end up in a report.
    """
    name = path.name if role == "registry" else f"{path.parent.name}/{path.name}"
    return {"role": role, "file": name, "bytes": path.stat().st_size, "sha256": file_sha256(path)}


def package_versions() -> dict[str, str]:
    """Python and the recorded packages' versions (``"not installed"`` when absent)."""
    versions = {"python": platform.python_version()}
    for name in RECORDED_PACKAGES:
        try:
            versions[name.replace("-", "_")] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name.replace("-", "_")] = "not installed"
    return versions


def git_state(folder: str | Path | None = None) -> dict[str, object]:
    """The commit of the checkout holding the package, and whether tracked files were changed.

    Returns:
        ``{"commit": <sha or None>, "changed_files": <bool or None>}``; ``None`` outside git
        (an installed wheel).
    """
    folder = Path(folder) if folder is not None else Path(__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "-C", str(folder), "rev-parse", "HEAD"],
                                capture_output=True, text=True, timeout=10, check=True)
        status = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "changed_files": None}
    return {"commit": commit.stdout.strip(), "changed_files": bool(status.stdout.strip())}


def collect_provenance(parameters: Mapping[str, object], inputs: Iterable[tuple[Path, str]],
                       row_counts: Mapping[str, int]) -> dict[str, object]:
    """The provenance record of one report.

    Args:
        parameters: The notebook's parameters as run.
        inputs: (file, role) of every input read; add :func:`bundled_inputs` as ``reference``.
        row_counts: Rows read, clean, quarantined...

    Returns:
        JSON-ready dict: ``parameters``, ``inputs``, ``row_counts``, ``versions``, ``git``.
    """
    return {
        "parameters": dict(parameters),
        "inputs": [describe_input(Path(path), role) for path, role in inputs],
        "row_counts": {key: int(value) for key, value in row_counts.items()},
        "versions": package_versions(),
        "git": git_state(),
    }


def report_provenance(parameters: Mapping[str, object], registry_path: Path | None = None,
                      row_counts: Mapping[str, int] | None = None) -> dict[str, object]:
    """The provenance of a report: the registry (if any) and every bundled file as inputs.

    Example:
        >>> record = report_provenance({"lang": "id"})
        >>> {item["role"] for item in record["inputs"]}
        {'reference'}
    """
    inputs = [] if registry_path is None else [(Path(registry_path), "registry")]
    inputs += [(path, "reference") for path in bundled_inputs()]
    return collect_provenance(parameters, inputs, row_counts or {})


def provenance_json(record: Mapping[str, object]) -> str:
    """The record as stable JSON text (sorted keys, two-space indent, UTF-8 as is).

    Example:
        >>> print(provenance_json({"b": 1, "a": "é"}), end="")
        {
          "a": "é",
          "b": 1
        }
    """
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def built_on() -> str:
    """Today's date in UTC (``YYYY-MM-DD``), or ``SOURCE_DATE_EPOCH``'s when that is set.

    ``SOURCE_DATE_EPOCH`` is the reproducible-builds convention: two builds given the same
    value print the same date.

    Example:
        >>> import os
        >>> os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
        >>> built_on()
        '2023-11-14'
        >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), tz=UTC) if epoch and epoch.isdigit()
              else datetime.now(tz=UTC))
    return moment.date().isoformat()


def provenance_summary(record: Mapping[str, object], lang: str, date: str
                       ) -> list[tuple[str, str]]:
    """What a reader needs of the record: (label, value) pairs in the report's language.

    Built on, the registry file and its export year, the office, the package version and the
    commit; the full record is the linked ``provenance.json``.

    Example:
        >>> record = {"parameters": {"export_year": 2024},
        ...           "inputs": [{"role": "registry", "file": "ikm.xlsx", "sha256": "ab" * 32}],
        ...           "versions": {"ikm_analysis": "0.4.0"},
        ...           "git": {"commit": "0123456789abcdef", "changed_files": False}}
        >>> for label, value in provenance_summary(record, "en", "2026-12-02"):
        ...     print(f"{label}: {value}")
        Built on: 2026-12-02
        Registry file: ikm.xlsx (SHA-256 abababababab…)
        Export year: 2024
        Office: not stated
        ikm-analysis version: 0.4.0
        Commit: 0123456789ab
    """
    parameters = dict(record.get("parameters", {}))
    rows = [(text("provenance_built_on", lang), date)]
    registry = [item for item in record.get("inputs", []) if item.get("role") == "registry"]
    if registry:
        rows.append((text("provenance_registry", lang),
                     f"{registry[0]['file']} (SHA-256 {str(registry[0]['sha256'])[:12]}…)"))
        if parameters.get("export_year") is not None:
            rows.append((text("provenance_export_year", lang), str(parameters["export_year"])))
        rows.append((text("provenance_office", lang),
                     str(parameters.get("office") or text("provenance_office_unknown", lang))))
    rows.append((text("provenance_version", lang),
                 str(record.get("versions", {}).get("ikm_analysis", "?"))))
    state = record.get("git", {})
    if state.get("commit"):
        commit = str(state["commit"])[:12]
        if state.get("changed_files"):
            commit += " " + text("provenance_changed_files", lang)
        rows.append((text("provenance_commit", lang), commit))
    return rows


def provenance_html(record: Mapping[str, object], lang: str | None = None,
                    date: str | None = None) -> str:
    """The short provenance block at the end of a report, linking the full record.

    Args:
        record: From :func:`report_provenance`.
        lang: The report's language; the record's ``lang`` parameter when ``None``.
        date: The build date; :func:`built_on` when ``None``.
    """
    lang = check_lang(lang or dict(record.get("parameters", {})).get("lang", "id"))
    rows = provenance_summary(record, lang, date or built_on())
    cells = "".join(f'<tr><th scope="row">{html.escape(label)}</th>'
                    f"<td>{html.escape(value)}</td></tr>" for label, value in rows)
    link = (f'<a href="provenance.json" type="application/json">'
            f'{html.escape(text("provenance_full_record", lang))}</a>')
    return (f'<table class="ikm-provenance">{cells}</table>'
            f'<p class="ikm-note">{html.escape(text("provenance_full_note", lang))} {link}</p>')


PROVENANCE_TAG = "provenance"


def show_provenance(record: Mapping[str, object]) -> None:
    """Display the record in a notebook: visible block plus the record itself for the build.

    Tag the cell ``provenance``; :func:`read_provenance` reads the record back.
    """
    from IPython.display import display

    display({"text/html": provenance_html(record), "application/json": dict(record),
             "text/plain": provenance_json(record)}, raw=True)


def read_provenance(notebook: object) -> dict[str, object]:
    """The record shown by the cell tagged ``provenance`` of an executed notebook.

    Raises:
        ValueError: No such cell, or it showed no record.

    Example:
        >>> import nbformat
        >>> cell = nbformat.v4.new_code_cell("", metadata={"tags": [PROVENANCE_TAG]})
        >>> cell.outputs = [nbformat.v4.new_output(
        ...     "display_data", data={"application/json": {"parameters": {"year": 2024}}})]
        >>> read_provenance(nbformat.v4.new_notebook(cells=[cell]))
        {'parameters': {'year': 2024}}
    """
    from ikm_analysis.report.key_figures import tagged_output

    return dict(tagged_output(notebook, PROVENANCE_TAG, "application/json"))
