import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _by_hand(value, decimals, lang):
    """The formatter before Babel: Python's own grouping with the separators swapped."""
    thousands, mark = {"id": (".", ","), "en": (",", ".")}[lang]
    text = f"{round_half_up(value, decimals):,.{decimals}f}"
    return text.translate(str.maketrans({",": thousands, ".": mark}))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.integers(-10**15, 10**15),
                 st.floats(-1e15, 1e15, allow_nan=False, allow_infinity=False)),
       st.integers(0, 3), st.sampled_from(["id", "en"]))
def test_babel_places_the_separators_as_the_published_convention(value, decimals, lang):
    assert format_id_number(value, decimals, lang) == _by_hand(value, decimals, lang)


def test_where_babel_alone_would_differ_from_the_published_convention():
    from babel.numbers import format_decimal, format_percent

    # Babel rounds half-even; offices round half-up.
    assert format_decimal(0.25, format="#,##0.0", locale="id_ID") == "0,2"
    assert format_id_number(0.25, 1) == "0,3"
    # CLDR's Indonesian percent has no space before the sign; reports write "44,8 %".
    assert format_percent(0.448, format="#,##0.0%", locale="id_ID") == "44,8%"
    assert format_id_percent(44.8) == "44,8 %"


def test_the_percent_sign_follows_the_report_language():
    from ikm_analysis.i18n.formatting import with_percent_sign

    assert with_percent_sign("−0,1") == "−0,1 %"
    assert with_percent_sign("−0.1", "en") == "−0.1%"
    with pytest.raises(ValueError, match="unknown language"):
        with_percent_sign("1", "fr")
