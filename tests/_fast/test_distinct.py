import pandas as pd

from ikm_analysis._fast.distinct import map_distinct


def test_function_runs_once_per_distinct_value():
    calls = []

    def record(value):
        calls.append(value)
        return len(value)

    values = pd.Series(["aa", "b", "aa", None, "b", float("nan")], index=list("uvwxyz"))
    result = map_distinct(values, record, missing=-1, dtype="Int64")
    assert result.tolist() == [2, 1, 2, -1, 1, -1]
    assert result.index.tolist() == list("uvwxyz")
    assert sorted(calls) == ["aa", "b"]


def test_empty_column():
    assert map_distinct(pd.Series([], dtype=object), str, missing="", dtype="string").empty
