import pandas as pd
import pytest

from ikm_analysis.clean.validation import (
    CATEGORICAL_COLUMNS,
    clean_registry_schema,
    find_schema_failures,
    validate_clean_registry,
)
from ikm_analysis.exceptions import DataValidationError


def clean_row(**override):
    row = {
        "source_row": 2, "source_sheet": None, "unit_id": "A1", "business_name": "Kue",
        "kelurahan_code": "62.71.03.1002",
        "kelurahan": "Menteng", "kecamatan_code": "62.71.03", "kecamatan": "Jekan Raya",
        "kbli_code": "10792", "kbli_division": 10, "category_code": "pangan",
        "category_source": "kbli", "is_category_kbli_mismatch": False, "year_registered": 2021,
        "year_closed": None, "status": "aktif", "workers_count": 3, "investment_rp": 1.0,
        "production_value_rp": None, "is_sentra_member": None,
    }
    row.update(override)
    frame = pd.DataFrame([row])
    dtypes = {"source_row": "int64", "kbli_division": "Int64", "year_registered": "Int64",
              "year_closed": "Int64", "workers_count": "Int64", "investment_rp": "Float64",
              "production_value_rp": "Float64", "is_sentra_member": "boolean",
              "is_category_kbli_mismatch": "bool"}
    dtypes.update(dict.fromkeys(CATEGORICAL_COLUMNS, "category"))
    return frame.astype({c: dtypes.get(c, "string") for c in frame.columns})


def test_a_clean_row_passes():
    frame = clean_row()
    assert validate_clean_registry(frame, max_year=2024) is frame


@pytest.mark.parametrize(
    ("override", "check"),
    [
        ({"workers_count": -1}, "negative_value"),
        ({"year_registered": 2030}, "year_out_of_range"),
        ({"kbli_division": 47}, "kbli_not_manufacturing"),
        ({"status": "tutup"}, "unknown_status"),
        ({"year_closed": 2020}, "closed_before_registered"),
    ],
)
def test_rule_failures_name_their_reason(override, check):
    failures = find_schema_failures(clean_row(**override), clean_registry_schema(max_year=2024))
    assert check in set(failures["check"])


def test_personal_data_columns_are_refused():
    frame = clean_row().assign(owner_nik=pd.Series(["9900000000000001"], dtype="string"))
    with pytest.raises(DataValidationError):
        validate_clean_registry(frame, max_year=2024)


def test_repeated_unit_ids_are_refused():
    frame = pd.concat([clean_row(), clean_row(source_row=3)], ignore_index=True)
    with pytest.raises(DataValidationError, match="clean_registry"):
        validate_clean_registry(frame, max_year=2024)


def test_repeated_row_numbers_are_refused_sorted_or_not():
    for rows in ([2, 2], [5, 3, 5]):
        frame = pd.concat([clean_row(source_row=r, unit_id=f"A{i}") for i, r in enumerate(rows)],
                          ignore_index=True)
        failures = find_schema_failures(frame, clean_registry_schema(max_year=2024))
        assert set(failures["check"]) == {"repeated_row_number"}
    unsorted = pd.concat([clean_row(source_row=5), clean_row(source_row=3, unit_id="A2")],
                         ignore_index=True)
    assert validate_clean_registry(unsorted, max_year=2024) is unsorted


def test_structure_check_refuses_columns_and_types_but_not_values():
    out_of_range = clean_row(year_registered=2030)
    assert validate_clean_registry(out_of_range, max_year=2024, values=False) is out_of_range
    with pytest.raises(DataValidationError):
        validate_clean_registry(out_of_range, max_year=2024)
    personal = clean_row().assign(owner_nik=pd.Series(["9900000000000001"], dtype="string"))
    wrong_type = clean_row().astype({"year_registered": "float64"})
    text_not_codes = clean_row().astype({"status": "string"})
    for frame in (personal, wrong_type, text_not_codes):
        with pytest.raises(DataValidationError):
            validate_clean_registry(frame, max_year=2024, values=False)


@pytest.mark.parametrize(
    "override", [{}, {"workers_count": -1, "year_closed": 2020}, {"unit_id": None}]
)
def test_checking_leaves_the_table_as_it_was(override):
    # Validation runs without pandera's defensive copy; it must still write nothing.
    frame = clean_row(**override)
    before = frame.copy(deep=True)
    find_schema_failures(frame, clean_registry_schema(max_year=2024))
    pd.testing.assert_frame_equal(frame, before)
    assert list(frame.dtypes) == list(before.dtypes)


def test_row_failures_found_directly_equal_pandera_s_on_the_messy_sample():
    from ikm_analysis.clean.fields import parse_fields
    from ikm_analysis.clean.options import CleaningOptions
    from ikm_analysis.clean.text import clean_text
    from ikm_analysis.clean.validation import find_row_failures
    from ikm_analysis.io.read import read_registry
    from ikm_analysis.sample.files import sample_registry_path

    raw = read_registry(sample_registry_path(messy=True))
    typed, _ = parse_fields(raw, CleaningOptions(max_year=2024),
                            clean_text(raw.frame["business_name"]))
    schema = clean_registry_schema(1945, 2024, unique_unit_ids=False)

    def pairs(failures):
        return sorted(set(zip(failures["index"].astype(int), failures["check"], strict=True)))

    direct, by_pandera = find_row_failures(typed, schema), find_schema_failures(typed, schema)
    assert len(direct) > 20
    assert pairs(direct) == pairs(by_pandera)
