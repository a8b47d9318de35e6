import pandas as pd
import pytest

from ikm_analysis.io.write import neutralise_formulas, write_table


@pytest.mark.parametrize("cell", ["=1+1", "+62 800", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise_formulas(pd.DataFrame({"v": [cell]}))["v"].iloc[0] == "'" + cell


def test_ordinary_cells_and_numbers_are_untouched():
    frame = pd.DataFrame({"v": ["Kue", None], "n": [-5, 3]})
    result = neutralise_formulas(frame)
    assert result["v"].tolist()[0] == "Kue"
    assert result["n"].tolist() == [-5, 3]
    assert frame["v"].iloc[0] == "Kue"  # input not modified


def test_write_csv_and_parquet(tmp_path):
    frame = pd.DataFrame({"a": ["=x", "y"], "b": [1, 2]})
    csv = write_table(frame, tmp_path / "out" / "t.csv")
    assert csv.read_text(encoding="utf-8-sig") == "a,b\n'=x,1\ny,2\n"
    parquet = write_table(frame, tmp_path / "t.parquet")
    pd.testing.assert_frame_equal(pd.read_parquet(parquet), frame, check_dtype=False)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "t.csv", "t.parquet"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "t.csv"
    target.write_text("good\n")

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", explode)
    with pytest.raises(OSError, match="disk full"):
        write_table(pd.DataFrame({"a": [1]}), target)
    assert target.read_text() == "good\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_other_suffixes_are_refused(tmp_path):
    with pytest.raises(ValueError, match=r"csv or \.parquet"):
        write_table(pd.DataFrame(), tmp_path / "t.xlsx")
