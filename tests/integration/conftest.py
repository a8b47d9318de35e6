"""Fixtures shared by the integration tests: one small report set, built once per test session.

``built`` is read-only for the tests: a test that needs to change reports copies the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock
from report_set import QUARANTINED_NIK, QUARANTINED_OWNER, build

from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry


def _shared_folder(tmp_path_factory) -> Path:
    """A folder every test process of this run shares, else this process's own.

    With pytest-xdist (``make test`` runs one process per core) each worker's base folder is in
    the run's, which is shared.
    """
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def registry_file(tmp_path_factory) -> Path:
    """300 synthetic units (small cells guaranteed) plus one quarantined row with fake PII."""
    path = _shared_folder(tmp_path_factory) / "shared-registry" / "registri_uji.csv"
    with FileLock(f"{path.parent}.lock"):
        if not path.exists():
            registry = generate_sample_registry(SampleSpec.scaled(300, seed=7))
            bad = registry.iloc[[0]].copy()
            bad["No. Registrasi"], bad["Kelurahan"] = "SIN-2024-9999", "Kelurahan Tidak Ada"
            bad["Nama Pemilik"], bad["NIK"] = QUARANTINED_OWNER, QUARANTINED_NIK
            path.parent.mkdir(exist_ok=True)
            written = path.with_suffix(".tmp")
            pd.concat([registry, bad]).to_csv(written, index=False)
            written.rename(path)
    return path


@pytest.fixture(scope="session")
def built(registry_file, tmp_path_factory) -> Path:
    """The three reports of ``YEAR``, built once for every integration test (do not modify).

    Built once per run even with several test processes: the first builds, the others wait for
    it and read the same folder.
    """
    out = _shared_folder(tmp_path_factory) / "shared-reports"
    done = out.with_name(f"{out.name}.built")  # beside it: the tests list the folder
    with FileLock(f"{out}.lock"):
        if not done.exists():
            out.mkdir(exist_ok=True)
            results = build(registry_file, out)
            assert [result.error for result in results] == [None, None, None]
            done.touch()
    return out
