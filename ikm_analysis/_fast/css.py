r"""Style sheets of a page without the rules that cannot match it, for a faster PDF.

A report page carries the notebook template's 240 KB of JupyterLab CSS, nearly all of it for
classes the page does not have (code cells, menus, widgets). WeasyPrint matches every rule
against every element, which cost about a third of a yearly report's PDF. A rule is dropped
here only when *each* of its selectors names a class that no element of the page has: such a
selector can never match, so dropping it changes nothing on the page (the PDF of the sample
report is byte-identical with and without, tested). Selectors with a functional pseudo-class
(``:not(.x)`` matches *because* no ``.x`` is there), an escape or no class at all are kept, and
so are ``@font-face``, ``@page``, custom properties and every other at-rule; ``@media`` blocks
are pruned inside.

Example:
    >>> page = ('<style>.a { color: red } .b, p { margin: 0 } .c:not(.d) { x: y }'
    ...         ' .zz .a { z: 0 }</style><p class="a">x</p>')
    >>> without_unmatchable_rules(page)
    '<style>.a { color: red }\n.b, p { margin: 0 }\n.c:not(.d) { x: y }</style><p class="a">x</p>'
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["without_unmatchable_rules"]

_STYLE = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.DOTALL | re.IGNORECASE)
_CLASS_ATTRIBUTE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CLASS_IN_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][-_a-zA-Z0-9]*)")


def _page_classes(page: str) -> set[str]:
    classes: set[str] = set()
    for match in _CLASS_ATTRIBUTE.finditer(page):
        classes.update((match.group(1) or match.group(2) or "").split())
    return classes


def _may_match(selector: str, classes: set[str]) -> bool:
    if "(" in selector or "\\" in selector:
        return True
    return all(name in classes for name in _CLASS_IN_SELECTOR.findall(selector))


@lru_cache(maxsize=64)
def _rules(css: str) -> tuple[tuple[tuple[str, ...] | None, str, tuple | None], ...]:
    """The sheet's rules as ``(selectors, text, inner)``, parsed once per process.

    ``selectors`` is ``None`` for a rule that is always kept; ``inner`` holds the rules of an
    ``@media`` block (``text`` is then its prelude). Every report of a build carries the same
    template CSS, so a build worker parses it once, not once per report.
    """
    import tinycss2

    rules = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "qualified-rule":
            selectors = tuple(tinycss2.serialize(rule.prelude).split(","))
            rules.append((selectors, rule.serialize(), None))
        elif (rule.type == "at-rule" and rule.lower_at_keyword == "media"
              and rule.content is not None):
            rules.append((None, tinycss2.serialize(rule.prelude).strip(),
                          _rules(tinycss2.serialize(rule.content))))
        else:
            rules.append((None, rule.serialize(), None))
    return tuple(rules)


def _kept(rules: tuple, classes: set[str]) -> str:
    """The rules (from :func:`_rules`) that may match a page with ``classes``, as CSS text."""
    kept = []
    for selectors, text, inner in rules:
        if inner is not None:
            kept.append(f"@media {text} {{{_kept(inner, classes)}}}")
        elif selectors is None or any(_may_match(selector, classes) for selector in selectors):
            kept.append(text)
    return "\n".join(kept)


def without_unmatchable_rules(page: str) -> str:
    """The page with every ``<style>`` element's unmatchable rules dropped (see above)."""
    classes = _page_classes(page)
    return _STYLE.sub(lambda match: match.group(1) + _kept(_rules(match.group(2)), classes)
                      + match.group(3), page)
