import pytest

from ikm_analysis.i18n.formatting import format_id_number, format_id_percent, round_half_up


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (92799, 0, "id", "92.799"),
        (64087, 0, "id", "64.087"),
        (28712, 0, "en", "28,712"),
        (1500000.5, 2, "id", "1.500.000,50"),
        (-1234.5, 1, "id", "-1.234,5"),
        (0, 0, "id", "0"),
        (999, 0, "id", "999"),
    ],
)
def test_format_id_number(value, decimals, lang, expected):
    assert format_id_number(value, decimals=decimals, lang=lang) == expected


def test_percent_in_both_languages():
    growth = (92799 - 64087) / 64087 * 100
    assert format_id_percent(growth) == "44,8 %"
    assert format_id_percent(growth, lang="en") == "44.8%"


@pytest.mark.parametrize(("value", "expected"), [(44.75, "44.8"), (0.05, "0.1"), (2.25, "2.3")])
def test_rounding_is_half_up_on_the_written_decimal(value, expected):
    assert str(round_half_up(value, 1)) == expected


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_values_are_refused(value):
    with pytest.raises(ValueError):
        format_id_number(value)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        format_id_number(1, lang="fr")
