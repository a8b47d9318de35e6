"""Dropping style rules that cannot match a page: never one that could."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis._fast.css import without_unmatchable_rules

NAMES = ("a", "b", "jp-Cell", "ikm-figure")


def _rules(page: str) -> list[str]:
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    return [line for line in css.split("\n") if line]


def test_rules_for_absent_classes_go_and_the_rest_stay_in_order():
    page = ("<style>:root { --x: 1 } .a, .q { c: 1 } .q { c: 2 } p.a > span { c: 3 }"
            " @media print { .q { c: 4 } .a { c: 5 } } @page { size: A4 }"
            " .q:not(.a) { c: 6 } #q { c: 7 }</style><p class='a'><span>x</span></p>")
    assert _rules(without_unmatchable_rules(page)) == [
        ":root { --x: 1 }", ".a, .q { c: 1 }", "p.a > span { c: 3 }",
        "@media print {.a { c: 5 }}", "@page { size: A4 }", ".q:not(.a) { c: 6 }",
        "#q { c: 7 }"]


def test_a_page_without_style_is_unchanged():
    assert without_unmatchable_rules("<p class=\"a\">x</p>") == "<p class=\"a\">x</p>"


@given(st.sets(st.sampled_from(NAMES)),
       st.lists(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3), min_size=1,
                max_size=6))
def test_a_rule_stays_exactly_when_every_class_it_names_is_on_the_page(present, selectors):
    rules = [" ".join(f".{name}" for name in names) + f" {{ z-index: {number} }}"
             for number, names in enumerate(selectors)]
    page = (f"<style>{' '.join(rules)}</style>"
            f"<div class=\"{' '.join(sorted(present))}\">x</div>")
    kept = _rules(without_unmatchable_rules(page))
    assert kept == [rule for rule, names in zip(rules, selectors, strict=True)
                    if set(names) <= present]


def test_one_stylesheet_is_pruned_for_each_page_by_that_page_s_classes():
    style = "<style>.a { c: 1 } @media print { .b { c: 2 } }</style>"
    first = without_unmatchable_rules(style + "<p class='a'>x</p>")  # parsed here, kept
    second = without_unmatchable_rules(style + "<p class='b'>x</p>")
    assert _rules(first) == [".a { c: 1 }", "@media print {}"]
    assert _rules(second) == ["@media print {.b { c: 2 }}"]
