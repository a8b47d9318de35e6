import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.clean.regions import canonicalize_regions, fold_region_name, region_lookup
from ikm_analysis.exceptions import ReferenceDataError
from ikm_analysis.reference import load_kelurahan


def test_names_prefixes_and_aliases_resolve():
    kelurahan = pd.Series([
        "Menteng",            # canonical
        "KEL. MENTENG",       # prefix and case
        "Kelurahan Kelampangan",  # alias (published variant)
        "Desa Sungai Gohong",     # prefix + alias
        "petuk  ketimpun",    # alias with extra space
    ])
    match = canonicalize_regions(kelurahan)
    assert match.regions["kelurahan"].tolist() == [
        "Menteng", "Menteng", "Kalampangan", "Sei Gohong", "Petuk Katimpun",
    ]
    assert match.regions["kecamatan"].tolist() == [
        "Jekan Raya", "Jekan Raya", "Sabangau", "Bukit Batu", "Jekan Raya",
    ]
    assert match.issues.frame.empty


def test_unknown_names_are_reported_with_a_suggestion_not_guessed():
    match = canonicalize_regions(pd.Series(["Kalampangn", "Jakarta", ""], index=[7, 8, 9]))
    assert match.regions["kelurahan_code"].isna().all()
    issues = match.issues.frame.set_index("row")
    assert issues.loc[7, "reason_code"] == "unknown_kelurahan"
    assert issues.loc[7, "detail"] == "Kalampangan"
    assert issues.loc[8, "detail"] == ""
    assert issues.loc[9, "reason_code"] == "missing_value"


def test_stated_kecamatan_must_agree_with_the_kelurahan():
    match = canonicalize_regions(
        pd.Series(["Palangka", "Pahandut", "Kalampangan"]),
        pd.Series(["Pahandut", "Kec. Pahandut", "Sebangau"]),
    )
    issues = match.issues.frame
    assert issues["reason_code"].tolist() == ["kelurahan_not_in_kecamatan"]
    assert issues["row"].tolist() == [0]
    assert "Jekan Raya" in issues["detail"].iloc[0]


def test_unknown_kecamatan_is_reported():
    match = canonicalize_regions(pd.Series(["Menteng"]), pd.Series(["Bukit Batu Riau"]))
    assert match.issues.frame["reason_code"].tolist() == ["unknown_kecamatan"]


def test_pahandut_is_a_kelurahan_and_a_kecamatan():
    assert fold_region_name("Kec. Pahandut", "kecamatan") == "pahandut"
    assert region_lookup("kelurahan")["pahandut"] == "62.71.01.1001"
    assert region_lookup("kecamatan")["pahandut"] == "62.71.01"


def test_user_aliases_extend_the_lookup_and_conflicts_are_refused():
    extra = pd.DataFrame({"alias": ["Kereng"], "level": ["kelurahan"], "code": ["62.71.04.1003"]})
    match = canonicalize_regions(pd.Series(["Kereng"]), extra_aliases=extra)
    assert match.regions["kelurahan"].tolist() == ["Kereng Bangkirai"]
    clash = pd.DataFrame({"alias": ["Menteng"], "level": ["kelurahan"], "code": ["62.71.01.1001"]})
    with pytest.raises(ReferenceDataError, match="Menteng"):
        region_lookup("kelurahan", clash)


KELURAHAN = load_kelurahan()


@st.composite
def written_kelurahan(draw):
    """A canonical kelurahan written as people do: any case, extra spaces, a prefix."""
    index = draw(st.integers(min_value=0, max_value=len(KELURAHAN) - 1))
    name = KELURAHAN.loc[index, "kelurahan"]
    cased = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in name)
    spaced = cased.replace(" ", " " * draw(st.integers(min_value=1, max_value=3)))
    prefix = draw(st.sampled_from(["", "Kel. ", "KELURAHAN ", "Desa ", "kel ", "  "]))
    suffix = draw(st.sampled_from(["", " ", "."]))
    return index, prefix + spaced + suffix


@given(st.lists(written_kelurahan(), min_size=1, max_size=10))
def test_any_spelling_variant_of_a_canonical_name_resolves_to_it(written):
    match = canonicalize_regions(pd.Series([text for _, text in written]))
    expected = KELURAHAN.loc[[index for index, _ in written], "kelurahan_code"].tolist()
    assert match.regions["kelurahan_code"].tolist() == expected
    assert match.issues.frame.empty
