import pandas as pd
import pytest

from ikm_analysis.metrics.sentra import (
    SentraCoverage,
    sentra_by_kelurahan,
    sentra_coverage,
)

MENTENG, PALANGKA, PAGER = "62.71.03.1002", "62.71.03.1001", "62.71.05.1005"


def test_published_coverage_23_of_30():
    coverage = SentraCoverage(kelurahan_total=30, kelurahan_with_sentra=23)
    assert coverage.kelurahan_with_sentra == 23
    assert coverage.kelurahan_without_sentra == 7
    assert f"{coverage.share_percent:.1f}" == "76.7"
    assert coverage.members_per_sentra is None


def test_impossible_counts_are_rejected():
    with pytest.raises(ValueError, match="impossible"):
        SentraCoverage(30, 31)
    assert SentraCoverage(0, 0).share_percent is None


UNITS = pd.DataFrame({
    "kelurahan_code": [MENTENG, MENTENG, MENTENG, PALANGKA, PAGER],
    "is_sentra_member": pd.array([True, True, False, None, True], dtype="boolean"),
})


def test_sentra_from_the_registry_members():
    table = sentra_by_kelurahan(UNITS)
    assert len(table) == 30
    menteng = table.set_index("kelurahan_code").loc[MENTENG]
    assert (menteng["units"], menteng["sentra_members"], menteng["has_sentra"]) == (3, 2, True)
    assert table["units"].sum() == len(UNITS)
    coverage = sentra_coverage(table)
    assert (coverage.kelurahan_with_sentra, coverage.members_total) == (2, 3)
    assert coverage.members_per_sentra == 1.5 and coverage.members_median == 1.5


def test_sentra_from_the_office_list():
    table = sentra_by_kelurahan(UNITS, sentra_kelurahan_codes=[MENTENG, PALANGKA])
    coverage = sentra_coverage(table)
    # Pager's member is outside a listed sentra: not counted as a sentra member
    assert (coverage.kelurahan_with_sentra, coverage.members_total) == (2, 2)
    with pytest.raises(ValueError, match="unknown kelurahan"):
        sentra_by_kelurahan(UNITS, sentra_kelurahan_codes=["62.71.09.9999"])


def test_no_sentra_at_all():
    coverage = sentra_coverage(sentra_by_kelurahan(UNITS.iloc[3:4]))
    assert coverage.kelurahan_with_sentra == 0
    assert coverage.members_per_sentra is None and coverage.members_median is None
