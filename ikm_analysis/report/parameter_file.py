r"""Build settings from a YAML file: ``ikm-report build -f laporan.yaml``.

The keys are the long options of ``ikm-report build`` (``registry``, ``year``, ``all``,
``first-year``, ``export-year``, ``lang``, ``number-format``, ``office``, ``min-cell``,
``reports``, ``out``, ``jobs``, ``time-limit``, ``force``), written with ``-`` or ``_``. A list
under ``builds`` gives several report sets in one run, each taking the top-level values and
changing some (one set per language, say). Paths are relative to the file's folder. An option
given on the command line wins over the file.

Example:
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "laporan.yaml").write_text(
    ...     "registry: ekspor_2024.xlsx\nall: true\noffice: Dinas\n"
    ...     "builds:\n  - lang: id\n  - lang: en\n    min-cell: 5\n")
    >>> sets = read_build_file(folder / "laporan.yaml")
    >>> [(s["lang"], s.get("min_cell"), s["registry"].name) for s in sets]
    [('id', None, 'ekspor_2024.xlsx'), ('en', 5, 'ekspor_2024.xlsx')]
"""

from __future__ import annotations

from pathlib import Path

from ikm_analysis.exceptions import ReportParameterError

#: Each key a build file may set, with the type its value must have.
BUILD_KEYS: dict[str, tuple[type, ...]] = {
    "registry": (str,), "year": (int, list), "all": (bool,), "first_year": (int,),
    "export_year": (int,), "lang": (str,), "number_format": (str,), "office": (str,),
    "min_cell": (int,), "reports": (str, list), "out": (str,), "jobs": (int,),
    "time_limit": (int, float), "force": (bool,),
}
_PATH_KEYS = ("registry", "out")


def _settings(mapping: object, file: Path, where: str) -> dict[str, object]:
    """One mapping of the file, checked, keys with ``_``, paths from the file's folder."""
    if not isinstance(mapping, dict):
        raise ReportParameterError("build_file_shape", file=file.name, where=where)
    settings: dict[str, object] = {}
    for raw_key, value in mapping.items():
        key = str(raw_key).replace("-", "_")
        key = "year" if key == "years" else key
        if key not in BUILD_KEYS:
            raise ReportParameterError("build_file_key", file=file.name, name=raw_key,
                                       known=", ".join(k.replace("_", "-") for k in BUILD_KEYS))
        kinds = BUILD_KEYS[key]
        wrong_bool = isinstance(value, bool) and bool not in kinds
        if not isinstance(value, kinds) or wrong_bool:
            raise ReportParameterError("build_file_value", file=file.name, name=raw_key,
                                       value=repr(value))
        if key == "year":
            value = [value] if isinstance(value, int) else value
            if not all(isinstance(year, int) and not isinstance(year, bool) for year in value):
                raise ReportParameterError("build_file_value", file=file.name, name=raw_key,
                                           value=repr(value))
        if key == "reports":
            value = [value] if isinstance(value, str) else [str(name) for name in value]
        if key in _PATH_KEYS:
            value = file.parent / str(value)
        settings[key] = value
    return settings


def read_build_file(path: str | Path) -> list[dict[str, object]]:
    """The report sets a build file asks for: one mapping of settings per set.

    Args:
        path: The YAML file.

    Returns:
        One dict per set (keys as in :data:`BUILD_KEYS`; only those the file sets).

    Raises:
        ReportParameterError: The file cannot be read, is not YAML, or has an unknown key or a
            value of the wrong type (the message names the file and the key).
    """
    import yaml

    file = Path(path)
    try:
        content = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise ReportParameterError("build_file_unreadable", file=str(file),
                                   reason=error.strerror or str(error)) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        raise ReportParameterError("build_file_yaml", file=file.name, line=line) from error
    content = {} if content is None else content
    if not isinstance(content, dict):
        raise ReportParameterError("build_file_shape", file=file.name, where="top")
    builds = content.get("builds")
    shared = _settings({k: v for k, v in content.items() if k != "builds"}, file, "top")
    if builds is None:
        return [shared]
    if not isinstance(builds, list) or not builds:
        raise ReportParameterError("build_file_shape", file=file.name, where="builds")
    return [shared | _settings(item, file, f"builds[{number}]")
            for number, item in enumerate(builds, start=1)]
