import subprocess
import sys
from pathlib import Path

import pytest

from ikm_analysis.metrics.published import (
    load_published_figures,
    primary_series,
    published_conflicts,
    published_figure,
    published_growth,
)
from ikm_analysis.reference import bundled_dir

ROOT = Path(__file__).resolve().parents[2]


def test_primary_series_the_reports_must_reproduce():
    umkm = primary_series("jumlah_umkm", "62")
    assert (umkm[2020], umkm[2021]) == (64087, 92799)
    change = published_growth("jumlah_umkm", "62", 2020, 2021)
    assert change.absolute == 28712
    assert f"{change.percent:.1f}" == "44.8"
    assert published_figure("jumlah_unit_usaha_industri", "62.71", 2022).value == 4133
    active = published_figure("jumlah_ikm", "62.71", 2024)
    assert (active.value, active.qualifier) == (3800, "lower_bound")
    assert published_figure("jumlah_sentra_ikm_terpadu_kelurahan", "62.71", 2022).value == 23
    assert published_figure("jumlah_kelurahan", "62.71", 2025).value == 30


def test_conflicting_2021_versions_are_all_kept_and_listed():
    conflicts = published_conflicts("jumlah_umkm", "62")
    in_2021 = conflicts[conflicts["year"] == 2021]
    assert set(in_2021["primary_value"]) == {92799}
    assert set(in_2021["value"]) == {71406, 75278, 11191, 64087}
    in_2020 = conflicts[conflicts["year"] == 2020]
    assert in_2020[["primary_value", "value"]].values.tolist() == [[64087, 64067]]


def test_a_year_without_a_trusted_version_has_no_primary():
    # 2022: the only version's printed total contradicts its own components
    assert 2022 not in primary_series("jumlah_umkm", "62").index
    with pytest.raises(KeyError, match="years with one: \\[2019, 2020, 2021\\]"):
        published_figure("jumlah_umkm", "62", 2022)


def test_exactly_one_primary_per_dated_group_with_a_trusted_version():
    figures = load_published_figures()
    dated = figures[figures["year"].notna()]
    primaries = dated.groupby(["indicator", "region_code", "year"])["is_primary"].sum()
    assert primaries.max() == 1
    assert (figures.loc[figures["year"].isna(), "is_primary"] == False).all()  # noqa: E712


def test_every_source_row_survives_in_the_tidy_table():
    import pandas as pd

    source = pd.read_csv(ROOT / "data/reference/published_figures.csv", dtype="string")
    tidy = load_published_figures()
    pairs = set(zip(tidy["indicator"], tidy["value"].astype(float), strict=True))
    missing = [(i, v) for i, v in zip(source["indicator"], source["value"].astype(float),
                                      strict=True) if (i, v) not in pairs]
    assert missing == []
    assert len(tidy) == len(source) + 2  # two versions stated inside source texts


def test_regions_carry_kemendagri_codes_only():
    figures = load_published_figures()
    assert figures["region_code"].str.fullmatch(r"ID|62(\.\d{2}){0,2}").all()
    jekan = figures[figures["region"] == "Jekan Raya"]
    assert set(jekan["region_code"]) == {"62.71.03"}  # BPS would say 6271012


def test_the_committed_table_is_what_the_build_script_makes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_published_figures.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout
    assert (bundled_dir("published") / "published_figures.csv").is_file()
