"""The synthetic sample: calibration targets, fake identities, determinism, the messy twin."""

import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_analysis.clean.pipeline import CleaningOptions
from ikm_analysis.clean.registry import process_registry
from ikm_analysis.metrics.activity import active_units, active_units_by_year
from ikm_analysis.metrics.published import published_figure
from ikm_analysis.metrics.sentra import sentra_by_kelurahan, sentra_coverage
from ikm_analysis.sample.files import sample_paths, write_sample_files
from ikm_analysis.sample.synthetic import (
    SAMPLE_HEADERS,
    SYNTHETIC_LABEL,
    SampleSpec,
    generate_sample_registry,
)

REPORT_YEARS = range(2020, 2025)
OPTIONS = CleaningOptions(max_year=2024)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    return write_sample_files(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def from_parquet(written):
    paths, _ = written
    return process_registry(paths.parquet, options=OPTIONS)


@pytest.fixture(scope="module")
def from_workbook(written):
    paths, _ = written
    return process_registry(paths.workbook, options=OPTIONS)


def test_calibrated_to_the_published_figures(from_parquet):
    clean = from_parquet.clean
    assert from_parquet.cleaning.rows_quarantined == 0
    ever = published_figure("jumlah_unit_usaha_industri", "62.71", 2022).value
    assert len(clean) == ever == 4133
    active_2024 = active_units_by_year(clean, [2024]).iloc[0]
    floor = published_figure("jumlah_ikm", "62.71", 2024).value  # "lebih dari 3.800"
    assert floor < active_2024 <= floor * 1.03
    counts = active_units_by_year(clean, REPORT_YEARS)
    assert counts.is_monotonic_increasing  # the city reports growth
    sentra_target = published_figure("jumlah_sentra_ikm_terpadu_kelurahan", "62.71", 2022).value
    for year in REPORT_YEARS:
        active = active_units(clean, year)
        assert active["kelurahan_code"].nunique() == 30, year
        assert active["category_code"].nunique() == 6, year
        assert sentra_coverage(sentra_by_kelurahan(active)).kelurahan_with_sentra == sentra_target
    assert clean["year_registered"].max() == 2024
    assert clean["year_closed"].max() <= 2024


def test_assumed_mix_is_what_the_readme_says(from_parquet):
    shares = from_parquet.clean["category_code"].value_counts(normalize=True)
    assert shares.idxmax() == "pangan" and 0.38 < shares["pangan"] < 0.46
    by_kecamatan = from_parquet.clean["kecamatan"].value_counts()
    assert by_kecamatan.index[0] == "Jekan Raya" and by_kecamatan.index[-1] == "Rakumpit"


def test_identities_are_fake_and_labelled():
    registry = generate_sample_registry(SampleSpec.scaled(400))
    assert registry["NIK"].str.fullmatch(r"00\d{14}").all()  # no province has code 00
    assert registry["No. HP"].str.startswith("+62 000 ").all()
    assert registry["Alamat"].str.startswith("Jl. Sintetis ").all()
    assert registry["No. Registrasi"].str.fullmatch(r"SIN-\d{4}-\d{4}").all()
    assert registry["No. Registrasi"].is_unique
    assert (registry["Catatan"] == SYNTHETIC_LABEL).all()
    assert list(registry.columns) == list(SAMPLE_HEADERS.values())


def test_same_seed_same_registry_other_seed_other_registry():
    spec = SampleSpec.scaled(300)
    first, again = generate_sample_registry(spec), generate_sample_registry(spec)
    pd.testing.assert_frame_equal(first, again)
    other = generate_sample_registry(SampleSpec.scaled(300, seed=1))
    assert not first["Nama Pemilik"].equals(other["Nama Pemilik"])


def test_impossible_spec_is_refused():
    with pytest.raises(ValueError, match=r"SampleSpec\.scaled"):
        generate_sample_registry(SampleSpec(units=100, min_per_kelurahan=10))


def test_scaled_samples_keep_the_proportions():
    spec = SampleSpec.scaled(41330)
    assert spec.closed_units == 3000 and sum(spec.registrations.values()) == 8100
    registry = generate_sample_registry(SampleSpec.scaled(600))
    assert len(registry) == 600 and registry["Kelurahan"].nunique() == 30


def test_bundled_files_are_exactly_what_the_generator_writes(written):
    paths, _ = written
    bundled = sample_paths()
    assert bundled.parquet.read_bytes() == paths.parquet.read_bytes(), (
        "data/sample is stale: run `ikm-report sample`")
    assert bundled.workbook.read_bytes() == paths.workbook.read_bytes()


def test_parquet_metadata_says_synthetic(written):
    import pyarrow.parquet as pq

    metadata = pq.read_schema(written[0].parquet).metadata
    assert SYNTHETIC_LABEL.encode() in metadata[b"ikm_analysis.synthetic"]


def test_messy_twin_quarantines_exactly_the_defective_rows(written, from_workbook):
    _, workbook = written
    summary = from_workbook.summary()
    assert summary["rows_read"] == len(workbook.expected)
    assert summary["rows_read"] == summary["rows_clean"] + summary["rows_quarantined"]
    assert summary["blank_rows_skipped"] == 2 and summary["header_row"] == 5
    reasons = from_workbook.quarantine.groupby("source_row")["reason_code"].agg(set)
    clean_rows = set(from_workbook.clean["source_row"])
    for row, fate in workbook.expected.items():
        if fate == "clean":
            assert row in clean_rows, row
        else:
            assert fate in reasons.get(row, set()), (row, fate, reasons.get(row))
    assert workbook.counts()["clean"] == 4133


def test_messy_twin_cleans_to_the_same_table_as_the_parquet(from_parquet, from_workbook):
    def comparable(clean):
        # the same units, read from different places (a sheet's rows, a Parquet file's records)
        return clean.drop(columns=["source_row", "source_sheet"]).sort_values(
            "unit_id", ignore_index=True)

    pd.testing.assert_frame_equal(comparable(from_parquet.clean),
                                  comparable(from_workbook.clean))


def test_no_personal_data_reaches_the_clean_table(written, from_workbook):
    registry = pd.read_parquet(written[0].parquet)
    clean_text = from_workbook.clean.astype("string").to_csv()
    for column in ("Nama Pemilik", "NIK", "No. HP", "Alamat"):
        sample_values = registry[column].head(50)
        assert not any(v in clean_text for v in sample_values), column


@settings(max_examples=12, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(600, 3000))
def test_any_seed_and_size_meets_the_structural_targets(seed, units):
    registry = generate_sample_registry(SampleSpec.scaled(units, seed=seed))
    clean = process_registry_frame(registry)
    assert len(clean) == units  # every generated row is valid
    assert clean["unit_id"].is_unique
    assert (clean["year_closed"].isna() | (clean["year_closed"] >= clean["year_registered"])).all()
    for year in (2020, 2024):
        active = active_units(clean, year)
        assert active["kelurahan_code"].nunique() == 30
        assert sentra_coverage(sentra_by_kelurahan(active)).kelurahan_with_sentra == 23


def process_registry_frame(registry):
    """Clean a generated registry the way a user's Parquet export is cleaned."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.parquet"
        registry.to_parquet(path)
        processed = process_registry(path, options=OPTIONS)
    assert processed.cleaning.rows_quarantined == 0, processed.quarantine.head()
    return processed.clean
