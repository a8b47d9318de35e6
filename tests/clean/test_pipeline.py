from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ikm_analysis.clean.pipeline import CleaningOptions, clean_registry
from ikm_analysis.clean.text import clean_text
from ikm_analysis.clean.validation import validate_clean_registry
from ikm_analysis.clean.years import parse_years
from ikm_analysis.exceptions import InputFileError
from ikm_analysis.io.read import RawRegistry
from ikm_analysis.io.schema import PERSONAL_COLUMNS

OPTIONS = CleaningOptions(max_year=2024)
VALID = {
    "unit_id": "A1", "business_name": "Kue Acil", "owner_name": "CONTOH Siti",
    "owner_nik": "9900000000000001", "phone": "0800", "address": "Jl. Contoh",
    "kelurahan": "Menteng", "kecamatan": "Jekan Raya", "kbli_code": "10792", "category": "Makanan",
    "year_registered": "2021", "year_closed": None, "status": "aktif", "workers_count": "3",
    "investment_rp": "Rp 1.000.000", "production_value_rp": "2,5 juta", "sentra_member": "ya",
}


def raw_of(*rows, total_rows=(), scales=None):
    """A RawRegistry from dicts that override VALID; rows are numbered from 2."""
    frame = pd.DataFrame([{**VALID, **row} for row in rows], dtype=object)
    frame.index = pd.Index(range(2, len(rows) + 2), name="source_row")
    return RawRegistry(frame, Path("contoh.csv"), total_rows=total_rows, scales=scales or {})


def reasons(result):
    return sorted(zip(result.issues.frame["row"], result.issues.frame["column"],
                      result.issues.frame["reason_code"], strict=True))


def test_a_valid_row_is_typed_and_loses_its_personal_data():
    result = clean_registry(raw_of({}), OPTIONS)
    row = result.clean.iloc[0]
    assert result.issues.frame.empty
    assert (row["kelurahan_code"], row["kecamatan"], row["category_code"]) == (
        "62.71.03.1002", "Jekan Raya", "pangan")
    assert (row["workers_count"], row["investment_rp"], row["production_value_rp"]) == (
        3, 1_000_000, 2_500_000)
    assert row["is_sentra_member"] is True or row["is_sentra_member"] == True  # noqa: E712
    assert not set(PERSONAL_COLUMNS) & set(result.clean.columns)


@pytest.mark.parametrize(
    ("override", "column", "reason"),
    [
        pytest.param({"unit_id": " "}, "unit_id", "missing_value", id="empty-id"),
        pytest.param({"business_name": None}, "business_name", "missing_value", id="no-name"),
        pytest.param({"kelurahan": "Kalampangn"}, "kelurahan", "unknown_kelurahan", id="typo"),
        pytest.param({"kecamatan": "Pahandut"}, "kecamatan", "kelurahan_not_in_kecamatan",
                     id="wrong-kecamatan"),
        pytest.param({"kbli_code": "10A"}, "kbli_code", "invalid_kbli", id="kbli-letters"),
        pytest.param({"kbli_code": "47111", "category": None}, "kbli_code",
                     "kbli_not_manufacturing", id="kbli-retail"),
        pytest.param({"kbli_code": None, "category": None}, "category",
                     "missing_kbli_and_category", id="no-kbli-no-category"),
        pytest.param({"category": "Sepatu"}, "category", "unknown_category", id="category"),
        pytest.param({"year_registered": "kemarin"}, "year_registered", "invalid_year",
                     id="year-text"),
        pytest.param({"year_registered": "2031"}, "year_registered", "year_out_of_range",
                     id="year-future"),
        pytest.param({"year_registered": "1900"}, "year_registered", "year_out_of_range",
                     id="year-past"),
        pytest.param({"status": "buka"}, "status", "unknown_status", id="status"),
        pytest.param({"status": "tutup", "year_closed": "2019"}, "year_closed",
                     "closed_before_registered", id="closed-before"),
        pytest.param({"year_closed": "2022"}, "status", "active_but_closed", id="active-closed"),
        pytest.param({"workers_count": "2,5"}, "workers_count", "not_integer", id="half-worker"),
        pytest.param({"workers_count": "-1"}, "workers_count", "negative_value", id="neg-worker"),
        pytest.param({"investment_rp": "banyak"}, "investment_rp", "invalid_number", id="money"),
        pytest.param({"production_value_rp": "-5.000"}, "production_value_rp", "negative_value",
                     id="neg-money"),
        pytest.param({"sentra_member": "mungkin"}, "sentra_member", "unknown_yes_no", id="sentra"),
    ],
)
def test_each_bad_cell_quarantines_its_row_with_one_reason(override, column, reason):
    result = clean_registry(raw_of({}, override), OPTIONS)  # row 2 valid, row 3 bad
    assert reasons(result) == [(3, column, reason)]
    assert result.clean["source_row"].tolist() == [2]


def test_every_problem_of_a_row_is_reported_at_once():
    result = clean_registry(raw_of({"kelurahan": "Atlantis", "status": "?", "workers_count": "-2"}),
                            OPTIONS)
    assert reasons(result) == [(2, "kelurahan", "unknown_kelurahan"),
                               (2, "status", "unknown_status"),
                               (2, "workers_count", "negative_value")]
    assert result.rows_quarantined == 1


def test_duplicates_keep_the_first_row():
    result = clean_registry(
        raw_of({}, {}, {"business_name": "Lain"}, {"unit_id": "B2"}), OPTIONS
    )
    assert reasons(result) == [(3, "", "duplicate_row"), (4, "unit_id", "duplicate_unit_id")]
    assert result.issues.frame["detail"].tolist() == ["2", "2"]
    assert result.clean["unit_id"].tolist() == ["A1", "B2"]


def test_a_bad_first_occurrence_does_not_reject_a_good_repeat():
    result = clean_registry(raw_of({"kelurahan": "Atlantis"}, {}), OPTIONS)
    assert result.clean["source_row"].tolist() == [3]


def test_same_name_place_and_category_under_two_ids_is_flagged_not_dropped():
    result = clean_registry(raw_of({}, {"unit_id": "B2", "business_name": "KUE ACIL"},
                                   {"unit_id": "C3", "business_name": "Mebel", "category": "Mebel",
                                    "kbli_code": "31001"}), OPTIONS)
    assert result.clean["is_possible_duplicate"].tolist() == [True, True, False]


def test_possible_duplicates_are_among_the_clean_rows_only():
    # Names are hashed for every row while the rows are parsed; quarantined rows must not count.
    result = clean_registry(raw_of(
        {"unit_id": "A1", "business_name": "Mebel Jaya"},
        {"unit_id": "Q1", "business_name": "Kue Acil", "kelurahan": "Atlantis"},  # quarantined
        {"unit_id": "B2", "business_name": "kue  acil"},
        {"unit_id": "C3", "business_name": "MEBEL JAYA."},
        {"unit_id": "D4", "business_name": "Kue Acil", "year_registered": "kemarin"},  # quarantined
    ), OPTIONS)
    assert result.clean["unit_id"].tolist() == ["A1", "B2", "C3"]
    assert result.clean["is_possible_duplicate"].tolist() == [True, False, True]


def test_category_is_derived_from_kbli_and_disagreement_is_flagged():
    result = clean_registry(raw_of(
        {"category": None},                                   # derived: pangan
        {"unit_id": "B2", "category": "Kerajinan", "kbli_code": "16299"},  # stated wins, flagged
        {"unit_id": "C3", "category": "Mebel", "kbli_code": None},          # stated only
    ), OPTIONS)
    clean = result.clean
    assert clean["category_code"].tolist() == ["pangan", "kerajinan", "kayu"]
    assert clean["category_source"].tolist() == ["kbli", "stated", "stated"]
    assert clean["is_category_kbli_mismatch"].tolist() == [False, True, False]


def test_total_rows_are_quarantined_only_as_totals():
    result = clean_registry(raw_of({}, {"unit_id": None, "kelurahan": None}, total_rows=(3,)),
                            OPTIONS)
    assert reasons(result) == [(3, "", "total_row")]


def test_money_scale_from_the_header_is_applied():
    result = clean_registry(raw_of({"investment_rp": "15.000"}, scales={"investment_rp": 1e3}),
                            CleaningOptions(max_year=2024, number_format="id"))
    assert result.clean["investment_rp"].tolist() == [15_000_000]


def test_numbers_that_read_both_ways_stop_with_a_pointer_to_the_option():
    # "15.000" is fifteen thousand in Indonesian and fifteen in English: never guessed
    with pytest.raises(InputFileError, match="number-format") as error:
        clean_registry(raw_of({"investment_rp": "15.000"}), OPTIONS)
    assert "--number-format" in error.value.message("id")


def test_each_column_s_number_format_is_told_from_its_cells():
    raw = raw_of({"investment_rp": "1,500,000.50", "production_value_rp": "2.500.000"})
    clean = clean_registry(raw, OPTIONS).clean
    assert clean.loc[0, ["investment_rp", "production_value_rp"]].tolist() == [1500000.5, 2500000]


@pytest.mark.parametrize("amount", [float("inf"), 1e300, -1e16])
def test_an_implausible_amount_is_quarantined(amount):
    raw = raw_of({})
    frame = raw.frame.assign(investment_rp=pd.Series([amount], index=raw.frame.index))
    result = clean_registry(RawRegistry(frame, raw.path), OPTIONS)  # a typed column, as Parquet
    assert result.issues.frame["reason_code"].tolist() == ["amount_out_of_range"]


def test_english_number_format_option():
    options = CleaningOptions(max_year=2024, number_format="en")
    result = clean_registry(raw_of({"investment_rp": "1,500,000.00",
                                    "production_value_rp": None}), options)
    assert result.clean["investment_rp"].tolist() == [1_500_000]


def test_input_frame_is_not_modified():
    raw = raw_of({}, {"kelurahan": "Atlantis"})
    before = raw.frame.copy()
    clean_registry(raw, OPTIONS)
    pd.testing.assert_frame_equal(raw.frame, before)


def test_clean_text_and_parse_years():
    assert clean_text(pd.Series([" a  b ", "", None, 12.0])).tolist() == ["a b", pd.NA, pd.NA, "12"]
    years, invalid = parse_years(pd.Series([2021, 2021.0, "2021.0", "2020-05-01", "1/2/2019",
                                            pd.Timestamp("2018-03-04"), 2020.5, "20xx", "-"]))
    assert years.tolist()[:6] == [2021, 2021, 2021, 2020, 2019, 2018]
    assert invalid.tolist() == [False] * 6 + [True, True, False]


# --- the no-row-lost invariant, over arbitrary mixes of good and bad cells -----------------

CELL_CHOICES = {
    "unit_id": ["A1", "A2", "A3", "", None, 101.0],
    "business_name": ["Kue", "Mebel", "", None, "=CMD()"],
    "kelurahan": ["Menteng", "Kel. Pager", "Kelampangan", "Atlantis", "", None],
    "kecamatan": ["Jekan Raya", "Rakumpit", "Sebangau", "Pahandut", "Mars", None],
    "kbli_code": ["10792", "31.001", "47111", "1", "abc", None, 16299],
    "category": ["Makanan", "Mebel", "Sepatu", None, ""],
    "year_registered": ["2021", 2019, "17/08/2020", "2031", "kemarin", None, 1900],
    "year_closed": [None, None, "2022", "2010", "x"],
    "status": ["aktif", "Tutup", "buka", None],
    "workers_count": ["3", 0, "-1", "2,5", "banyak", None],
    "investment_rp": ["Rp 1.000.000", "1,5 juta", "-5", "12.5", None, 2500000.0],
    "sentra_member": ["ya", "tidak", "mungkin", None],
}


@st.composite
def raw_registries(draw):
    n_rows = draw(st.integers(min_value=0, max_value=25))
    rows = [{name: draw(st.sampled_from(choices)) for name, choices in CELL_CHOICES.items()}
            for _ in range(n_rows)]
    frame = pd.DataFrame(rows, columns=list(CELL_CHOICES), dtype=object)
    frame.index = pd.Index(range(5, 5 + n_rows), name="source_row")
    totals = tuple(draw(st.sets(st.sampled_from(list(frame.index)))) if n_rows else ())
    return RawRegistry(frame, Path("acak.csv"), total_rows=totals)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_registries())
def test_every_row_ends_up_clean_or_quarantined_exactly_once(raw):
    result = clean_registry(raw, OPTIONS)
    clean_rows = set(result.clean["source_row"])
    quarantined = set(result.issues.rows)
    assert clean_rows.isdisjoint(quarantined)
    assert clean_rows | quarantined == set(raw.frame.index)
    assert result.rows_clean + result.rows_quarantined == result.rows_in == len(raw.frame)
    validate_clean_registry(result.clean, max_year=2024)


def test_typed_whole_numbers_clean_like_the_same_numbers_written_out():
    rows = [{"unit_id": "A1", "workers_count": "3"}, {"unit_id": "B2", "workers_count": None},
            {"unit_id": "C3", "workers_count": "-2"}, {"unit_id": "D4", "workers_count": "0"}]
    written = raw_of(*rows)
    typed = raw_of(*rows)
    typed.frame["workers_count"] = pd.array([3, None, -2, 0], dtype="Int64")
    from_text, from_integers = clean_registry(written, OPTIONS), clean_registry(typed, OPTIONS)
    pd.testing.assert_frame_equal(from_integers.clean, from_text.clean)
    pd.testing.assert_frame_equal(from_integers.issues.frame, from_text.issues.frame)
    assert reasons(from_integers) == [(4, "workers_count", "negative_value")]
