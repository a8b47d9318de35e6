"""End to end on the messy workbook: every expected fate, counts asserted, no row lost."""

from conftest import MESSY_PERSONAL_VALUES, MESSY_ROWS

from ikm_analysis.clean.pipeline import CleaningOptions
from ikm_analysis.clean.registry import process_registry

OPTIONS = CleaningOptions(max_year=2024)


def test_messy_workbook_counts(messy_xlsx):
    processed = process_registry(messy_xlsx, options=OPTIONS)
    summary = processed.summary()
    expected_clean = [row for row, _, fate in MESSY_ROWS if fate == "clean"]
    assert summary["rows_read"] == 16
    assert summary["blank_rows_skipped"] == 1
    assert summary["rows_clean"] == len(expected_clean) == 5
    assert summary["rows_quarantined"] == 11
    assert summary["rows_clean"] + summary["rows_quarantined"] == summary["rows_read"]
    assert processed.clean["source_row"].tolist() == expected_clean


def test_messy_workbook_each_bad_row_has_its_reason(messy_xlsx):
    quarantine = process_registry(messy_xlsx, options=OPTIONS).quarantine
    fates = {row: fate for row, _, fate in MESSY_ROWS if fate != "clean"}
    found = quarantine.groupby("source_row")["reason_code"].apply(set).to_dict()
    assert set(found) == set(fates)
    for row, fate in fates.items():
        assert found[row] == {fate}, row
    assert (quarantine["source_file"] == "registri_ikm_contoh.xlsx").all()
    # the quarantine names the header as written, so the officer can find the cell
    typo = quarantine[quarantine["source_row"] == 8].iloc[0]
    assert (typo["column"], typo["value"]) == ("Kel.", "Kalampangn")
    assert "Kalampangan" in typo["reason"]


def test_messy_workbook_clean_values(messy_xlsx):
    clean = process_registry(messy_xlsx, options=OPTIONS).clean.set_index("source_row")
    assert clean.loc[6, "investment_rp"] == 15_000_000
    assert clean.loc[6, "production_value_rp"] == 1_500_000
    assert clean.loc[7, "production_value_rp"] == 2_000_000_000  # "2 M" = 2 miliar
    assert clean.loc[7, ["kelurahan", "kecamatan"]].tolist() == ["Kalampangan", "Sabangau"]
    assert bool(clean.loc[7, "is_category_kbli_mismatch"])
    assert clean.loc[16, ["year_registered", "category_code", "kecamatan"]].tolist() == [
        2020, "kayu", "Bukit Batu"]
    assert clean.loc[17, ["status", "year_closed"]].tolist() == ["tidak_aktif", 2023]
    assert clean.loc[21, ["kelurahan", "kbli_code"]].tolist() == ["Sei Gohong", "31001"]


def test_clean_table_carries_no_personal_data(messy_xlsx):
    clean = process_registry(messy_xlsx, options=OPTIONS).clean
    text = clean.astype(str).to_csv()
    for value in MESSY_PERSONAL_VALUES:
        assert value not in text


def test_english_reasons(messy_xlsx):
    quarantine = process_registry(messy_xlsx, options=OPTIONS, lang="en").quarantine
    assert "did you mean 'Kalampangan'?" in " ".join(quarantine["reason"])


def test_bundled_example_export_matches_its_readme():
    from pathlib import Path

    example_dir = Path(__file__).resolve().parents[2] / "data" / "example"
    example = example_dir / "contoh_ekspor_registri_ikm.csv"
    processed = process_registry(example, options=OPTIONS)
    summary = processed.summary()
    assert (summary["rows_read"], summary["rows_clean"], summary["rows_quarantined"]) == (13, 8, 5)
    found = processed.quarantine.groupby("source_row")["reason_code"].apply(set).to_dict()
    assert found == {13: {"unknown_kelurahan"}, 14: {"duplicate_row"},
                     15: {"kbli_not_manufacturing"}, 16: {"unknown_status", "not_integer"},
                     17: {"total_row"}}
