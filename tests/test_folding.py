import pandas as pd

from ikm_analysis.folding import fold_series, fold_text


def test_fold_text_removes_case_punctuation_and_spacing():
    assert fold_text("  KEL.  Sei-Gohong ") == "kel sei gohong"
    assert fold_text("Pétuk") == "petuk"
    assert fold_text(None) == ""
    assert fold_text(float("nan")) == ""


def test_fold_series_keeps_index_and_folds_missing_to_empty():
    folded = fold_series(pd.Series(["A.B", None, "a b"], index=[5, 6, 7]))
    assert folded.tolist() == ["a b", "", "a b"]
    assert folded.index.tolist() == [5, 6, 7]
