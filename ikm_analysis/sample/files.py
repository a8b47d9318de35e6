"""The bundled synthetic sample: where its files are, and how to write them again.

``data/sample/`` holds the synthetic registry (DATA SINTETIS) as Parquet and its messy XLSX twin.
Both are written by :func:`write_sample_files` from
:class:`~ikm_analysis.sample.synthetic.SampleSpec`; ``ikm-report sample`` runs it. A test
regenerates them and checks the bytes are unchanged.

Example:
    >>> sample_paths().parquet.name
    'registri_ikm_sintetis.parquet'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ikm_analysis.sample.messy import MessyWorkbook
    from ikm_analysis.sample.synthetic import SampleSpec

PARQUET_NAME = "registri_ikm_sintetis.parquet"
WORKBOOK_NAME = "registri_ikm_sintetis_berantakan.xlsx"
#: The year the bundled sample's export describes (``SampleSpec().last_year``).
SAMPLE_EXPORT_YEAR = 2024
_REPOSITORY_SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
_BUNDLED_SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"  # inside an installed wheel


@dataclass(frozen=True)
class SamplePaths:
    """The two sample files."""

    parquet: Path
    workbook: Path


def sample_paths(directory: str | Path | None = None) -> SamplePaths:
    """Paths of the sample files in ``directory``.

    Args:
        directory: Folder holding the files; by default ``data/sample/`` of the source checkout,
            or the copy an installed wheel carries (``ikm_analysis/sample_data``).

    Returns:
        The Parquet and XLSX paths (they may not exist yet).
    """
    if directory is not None:
        folder = Path(directory)
    elif _REPOSITORY_SAMPLE.parent.is_dir() or not _BUNDLED_SAMPLE.is_dir():
        folder = _REPOSITORY_SAMPLE
    else:
        folder = _BUNDLED_SAMPLE
    return SamplePaths(folder / PARQUET_NAME, folder / WORKBOOK_NAME)


def sample_registry_path(messy: bool = False) -> Path:
    """The bundled synthetic registry (DATA SINTETIS): the Parquet file, or its messy XLSX twin.

    Example:
        >>> sample_registry_path().name, sample_registry_path(messy=True).suffix
        ('registri_ikm_sintetis.parquet', '.xlsx')
    """
    paths = sample_paths()
    return paths.workbook if messy else paths.parquet


def default_sample_dir() -> Path:
    """Where ``ikm-report sample`` writes by default (never inside an installed package).

    ``data/sample/`` of the checkout, or of the current folder when installed from a wheel.

    Example:
        >>> default_sample_dir().parts[-2:]
        ('data', 'sample')
    """
    return _REPOSITORY_SAMPLE if _REPOSITORY_SAMPLE.parent.is_dir() else (
        Path.cwd() / "data" / "sample")


def write_sample_files(directory: str | Path, spec: SampleSpec | None = None
                       ) -> tuple[SamplePaths, MessyWorkbook]:
    """Generate the synthetic registry and write it as Parquet and as a messy XLSX twin.

    The Parquet file's metadata carries the label ``DATA SINTETIS`` and the seed.

    Args:
        directory: Folder to write to (created if needed).
        spec: Calibration; the bundled sample's by default.

    Returns:
        The paths and the messy workbook's expected row fates.
    """
    import pyarrow as pa  # imported here: finding the sample's files needs none of this
    import pyarrow.parquet as pq

    from ikm_analysis.sample.messy import write_messy_workbook
    from ikm_analysis.sample.synthetic import (
        SYNTHETIC_LABEL,
        SampleSpec,
        generate_sample_registry,
    )

    spec = spec or SampleSpec()
    paths = sample_paths(directory)
    paths.parquet.parent.mkdir(parents=True, exist_ok=True)
    registry = generate_sample_registry(spec)
    table = pa.Table.from_pandas(registry, preserve_index=False)
    label = f"{SYNTHETIC_LABEL}: synthetic IKM registry, ikm_analysis.synthetic seed {spec.seed}"
    table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                           b"ikm_analysis.synthetic": label.encode()})
    pq.write_table(table, paths.parquet)
    workbook = write_messy_workbook(registry, paths.workbook, seed=spec.seed + 1)
    return paths, workbook
