import pandas as pd

from ikm_analysis.clean.categories import category_from_kbli, match_stated_categories


def test_category_from_kbli_division():
    divisions = pd.Series([10, 13, 16, 20, 31, 32, 23, None], dtype="Int64")
    assert category_from_kbli(divisions).tolist() == [
        "pangan", "sandang", "kayu", "logam_mesin_kimia", "kayu", "kerajinan", "lainnya", pd.NA,
    ]


def test_custom_mapping_replaces_the_bundled_one():
    mapping = pd.DataFrame({"kbli_division": [16], "category_code": ["kerajinan"]})
    assert category_from_kbli(pd.Series([16], dtype="Int64"), mapping).tolist() == ["kerajinan"]


def test_stated_categories_match_codes_labels_and_aliases():
    stated = pd.Series(["pangan", "Makanan & Minuman", "Batik Benang Bintik", "MEBEL",
                        "Logam, Mesin, Kimia, Elektronika dan Alat Angkut", "Sepatu", None])
    matched = match_stated_categories(stated)
    assert matched.category_code.tolist() == [
        "pangan", "pangan", "sandang", "kayu", "logam_mesin_kimia", pd.NA, pd.NA,
    ]
    assert matched.is_unknown.tolist() == [False, False, False, False, False, True, False]
