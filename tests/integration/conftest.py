"""Fixtures shared by the integration tests: one small report set, built once per test session.

``built`` is read-only for the tests: a test that needs to change reports copies the folder.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from report_set import QUARANTINED_NIK, QUARANTINED_OWNER, build

from ikm_analysis.sample.synthetic import SampleSpec, generate_sample_registry


@pytest.fixture(scope="session")
def registry_file(tmp_path_factory) -> Path:
    """300 synthetic units (small cells guaranteed) plus one quarantined row with fake PII."""
    registry = generate_sample_registry(SampleSpec.scaled(300, seed=7))
    bad = registry.iloc[[0]].copy()
    bad["No. Registrasi"], bad["Kelurahan"] = "SIN-2024-9999", "Kelurahan Tidak Ada"
    bad["Nama Pemilik"], bad["NIK"] = QUARANTINED_OWNER, QUARANTINED_NIK
    path = tmp_path_factory.mktemp("registry") / "registri_uji.csv"
    pd.concat([registry, bad]).to_csv(path, index=False)
    return path


@pytest.fixture(scope="session")
def built(registry_file, tmp_path_factory) -> Path:
    """The three reports of ``YEAR``, built once for every integration test (do not modify)."""
    out = tmp_path_factory.mktemp("reports")
    results = build(registry_file, out)
    assert [result.error for result in results] == [None, None, None]
    return out
