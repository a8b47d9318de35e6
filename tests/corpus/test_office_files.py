"""Every office-style file of the corpus reads as its ground truth says: nothing lost, no crash.

For each case of ``office_files.CASES`` (fictional exports, each with what a careful person who
opened it in Excel would say): the records read are the records in the file, the clean rows are
its units, every row that is no unit is quarantined with a reason, the totals come out right,
and ``ikm-report validate`` gives the exit code a script can trust. An unusable file is refused
with exit 2 and a message naming the file, never a traceback.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from office_files import CASES, OfficeFile

from ikm_analysis.clean.options import CleaningOptions
from ikm_analysis.clean.registry import process_registry
from ikm_analysis.cli import main
from ikm_analysis.exceptions import InputFileError

USABLE = [case for case in CASES if case.truth.usable and case.truth.number_format != "ambiguous"]
REFUSED = [case for case in CASES if not case.truth.usable or case.truth.number_format ==
           "ambiguous"]
STATUS = {"aktif": "aktif", "tidak aktif": "tidak_aktif", "tutup": "tidak_aktif"}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return {case.name: case.write(folder) for case in CASES}


@pytest.fixture(scope="module")
def processed(written):
    results = {}
    for case in USABLE:
        try:
            results[case.name] = process_registry(written[case.name],
                                                  options=CleaningOptions(max_year=2024))
        except Exception as error:  # reported by each test of the case
            results[case.name] = error
    return results


def _result(processed, case):
    result = processed[case.name]
    if isinstance(result, Exception):
        message = result.message("en") if hasattr(result, "message") else repr(result)
        pytest.fail(f"{case.name}: {type(result).__name__}: {message}")
    return result


def _places(processed_registry, several: bool) -> set[tuple[str | None, int]]:
    """(sheet, row) of every quarantined row; the sheet only when several were read."""
    quarantine = processed_registry.quarantine
    return {(sheet if several and isinstance(sheet, str) else None, int(row))
            for sheet, row in zip(quarantine["source_sheet"], quarantine["source_row"],
                                  strict=True)}


@pytest.mark.parametrize("case", USABLE, ids=lambda case: case.name)
def test_every_record_is_read_and_every_non_unit_quarantined(case: OfficeFile, processed):
    result, truth = _result(processed, case), case.truth
    summary = result.summary()
    assert summary["rows_read"] == truth.records
    assert summary["rows_clean"] + summary["rows_quarantined"] == summary["rows_read"]
    several = len(truth.record_rows) > 1
    expected = {(note.sheet if several else None, note.row) for note in truth.defective_rows}
    assert _places(result, several) == expected
    assert summary["rows_clean"] == truth.units


@pytest.mark.parametrize("case", USABLE, ids=lambda case: case.name)
def test_totals_and_units_come_out_as_written(case: OfficeFile, processed):
    _assert_as_written(_result(processed, case).clean, case.truth.facts)


def _assert_as_written(clean: pd.DataFrame, facts: dict) -> None:
    """The clean table's totals, kecamatan counts and named units equal the truth's facts."""
    sums = {"workers_total": "workers_count", "investment_total_rp": "investment_rp",
            "production_total_rp": "production_value_rp"}
    for fact, column in sums.items():
        if fact in facts:
            assert float(clean[column].sum()) == pytest.approx(float(facts[fact]), rel=1e-9)
    if "kecamatan_counts" in facts:
        counts = clean["kecamatan"].astype(str).value_counts().to_dict()
        assert counts == {name: count for name, count in facts["kecamatan_counts"].items()
                          if count}
    for key, values in facts.items():
        if not (isinstance(key, tuple) and key[0] == "unit"):
            continue
        row = clean[clean["business_name"] == " ".join(key[1].split())]
        assert len(row) == 1, key
        row = row.iloc[0]
        for name, value in values.items():
            if value is None:
                assert row.get(name) is None or bool(pd.isna(row[name])), (key, name)
            elif name in ("kelurahan", "kecamatan", "kbli_code"):
                assert str(row[name]) == value, (key, name)
            elif name == "status":
                assert row["status"] == STATUS[value], (key, name)
            elif name in ("workers_count", "year_registered"):
                assert int(row[name]) == value, (key, name)
            elif name in ("investment_rp", "production_value_rp") and value is not None:
                assert math.isclose(float(row[name]), float(value)), (key, name)


@pytest.mark.parametrize("case", USABLE, ids=lambda case: case.name)
def test_validate_exits_0_or_1_and_writes_beside_the_input(case: OfficeFile, written, capsys):
    path = written[case.name]
    code = main(["validate", str(path), "--max-year", "2024"])
    expected = 0 if case.truth.units == case.truth.records else 1
    assert code == expected, capsys.readouterr().err
    assert (path.parent / f"{path.stem}_karantina.csv").is_file()


@pytest.mark.parametrize("case", REFUSED, ids=lambda case: case.name)
def test_an_unusable_file_is_refused_with_exit_2_and_a_message(case: OfficeFile, written,
                                                               capsys):
    path = written[case.name]
    with pytest.raises(InputFileError):
        process_registry(path, options=CleaningOptions(max_year=2024))
    assert main(["validate", str(path), "--max-year", "2024"]) == 2
    err = capsys.readouterr().err
    assert path.name in err and "Traceback" not in err
    if case.truth.number_format == "ambiguous":
        assert "--number-format" in err


AMBIGUOUS = [case for case in CASES if case.truth.number_format == "ambiguous"]


@pytest.mark.parametrize("case", AMBIGUOUS, ids=lambda case: case.name)
def test_an_ambiguous_file_reads_as_written_once_its_format_is_named(case: OfficeFile, written):
    result = process_registry(written[case.name],
                              options=CleaningOptions(max_year=2024, number_format="en"))
    assert result.summary()["rows_clean"] == case.truth.units
    assert "investment_total_rp" in case.truth.facts
    _assert_as_written(result.clean, case.truth.facts)
