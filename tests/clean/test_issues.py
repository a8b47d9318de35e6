import pandas as pd
import pytest

from ikm_analysis.clean.issues import REASON_CODES, CellIssues, describe_reason


def test_every_reason_has_both_languages():
    for code in REASON_CODES:
        assert describe_reason(code, "x", "id") != describe_reason(code, "x", "en")


def test_unknown_reason_codes_are_refused():
    with pytest.raises(KeyError):
        CellIssues.empty().add(pd.Series([True]), "status", "bad_code")


def test_add_and_extend_keep_order_and_rows():
    first = CellIssues.empty().add(pd.Series([True, False, True], index=[4, 5, 6]), "status",
                                   "unknown_status", detail=pd.Series(["a", "b", "c"],
                                                                      index=[4, 5, 6]))
    both = first.extend(CellIssues.empty().add(pd.Series([True], index=[4]), "", "total_row"))
    assert both.frame.values.tolist() == [
        [4, "status", "unknown_status", "a"], [6, "status", "unknown_status", "c"],
        [4, "", "total_row", ""],
    ]
    assert both.rows.tolist() == [4, 6]


def test_a_list_from_a_table_joins_lists_added_to_it():
    table = pd.DataFrame({"row": [9], "column": ["kelurahan"], "reason_code": ["missing_value"],
                          "detail": [""]})
    joined = CellIssues.from_frame(table).add(pd.Series([True], index=[2]), "status",
                                              "unknown_status", detail=pd.Series([None], index=[2]))
    assert joined.frame.values.tolist() == [[9, "kelurahan", "missing_value", ""],
                                            [2, "status", "unknown_status", ""]]
    assert CellIssues.from_frame(table.iloc[:0]).frame.empty
    assert list(CellIssues.empty().frame.columns) == ["row", "column", "reason_code", "detail"]
