"""Whether a built report is still the report a rebuild would give, so a build can skip it.

Everything a report's files are made from goes into its *build key*, one SHA-256: the notebook,
its parameters and its links to other pages, the registry file's SHA-256, the package's code and
bundled data (:func:`code_fingerprint`), the versions of the packages that run and render it,
the commit the provenance block names, and the date the page says it was built on
(:func:`~ikm_analysis.report.provenance.built_on`; fixed by ``SOURCE_DATE_EPOCH``). A build
writes the key into the report's ``provenance.json`` (``"build": {"key": ...}``); a later build
that computes the same key, and finds every file of the report in place, leaves the report as it
is (``tidak berubah``). Any change to one of the parts changes the key of exactly the reports
made from it.

Example:
    >>> build_key({"notebook": "ab12", "parameters": {"year": 2024}}) == build_key(
    ...     {"parameters": {"year": 2024}, "notebook": "ab12"})
    True
    >>> build_key({"parameters": {"year": 2024}}) == build_key({"parameters": {"year": 2023}})
    False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]

#: Packages besides the recorded ones whose version changes a report's files (rendering).
RENDERING_PACKAGES = ("weasyprint", "nbformat", "nbclient", "jupyter_client", "babel",
                      "python-calamine", "mistune", "pydyf", "tinycss2", "fonttools")


def build_key(parts: Mapping[str, object]) -> str:
    """The SHA-256 of ``parts`` written as sorted JSON: equal parts give equal keys.

    Example:
        >>> len(build_key({"a": 1}))
        64
    """
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _tree_digest(folder: Path) -> list[tuple[str, str]]:
    """(relative path, SHA-256) of every file under ``folder`` except caches, sorted."""
    rows = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            rows.append((path.relative_to(folder).as_posix(),
                         hashlib.sha256(path.read_bytes()).hexdigest()))
    return rows


@cache
def code_fingerprint() -> str:
    """SHA-256 of the package's files and of the bundled reference and published data.

    Computed once per process; a change to any module, catalogue, stylesheet or data file
    changes it.

    Example:
        >>> len(code_fingerprint())
        64
    """
    from ikm_analysis.reference import bundled_dir

    parts = {"package": _tree_digest(_PACKAGE_DIR)}
    for kind in ("reference", "published"):
        folder = bundled_dir(kind)
        if not folder.is_relative_to(_PACKAGE_DIR):  # a checkout: data/ beside the package
            parts[kind] = _tree_digest(folder)
    return build_key(parts)


@cache
def environment_versions() -> dict[str, str]:
    """Versions of Python and of every package that runs or renders a report."""
    from ikm_analysis.report.provenance import package_versions

    versions = dict(package_versions())
    for name in RENDERING_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def recorded_key(folder: Path) -> str | None:
    """The build key written in ``folder/provenance.json``, or ``None`` (no report, no key).

    Example:
        >>> import tempfile
        >>> recorded_key(Path(tempfile.mkdtemp())) is None
        True
    """
    try:
        record = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    build = record.get("build") if isinstance(record, dict) else None
    key = build.get("key") if isinstance(build, dict) else None
    return key if isinstance(key, str) else None


def is_up_to_date(folder: Path, files: tuple[str, ...], key: str) -> bool:
    """Whether the report in ``folder`` was built with ``key`` and every one of ``files`` is there.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "provenance.json").write_text('{"build": {"key": "k1"}}')
        >>> is_up_to_date(folder, ("provenance.json",), "k1")
        True
        >>> is_up_to_date(folder, ("provenance.json", "laporan.html"), "k1")
        False
        >>> is_up_to_date(folder, ("provenance.json",), "k2")
        False
    """
    return recorded_key(folder) == key and all((folder / name).is_file() for name in files)
