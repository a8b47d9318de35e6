"""Product categories: read the category an office states, derive one from KBLI, compare them.

The mapping of KBLI divisions to the city's six product categories is this package's own choice
(``data/reference/kbli_division_to_ikm_category.csv``); no published mapping exists. Pass your own
tables to use another convention.

Example:
    >>> derived = category_from_kbli(pd.Series([10, 31, None], dtype="Int64"))
    >>> derived.tolist()
    ['pangan', 'kayu', <NA>]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ikm_analysis._fast.distinct import apply_distinct
from ikm_analysis.folding import fold_series, fold_text
from ikm_analysis.reference import (
    load_category_aliases,
    load_kbli_category_map,
    load_product_categories,
)


def category_from_kbli(
    kbli_division: pd.Series, mapping: pd.DataFrame | None = None
) -> pd.Series:
    """Derive the product category from the KBLI division (first two digits of the code).

    Args:
        kbli_division: Divisions as ``Int64``; missing stays missing.
        mapping: Columns ``kbli_division`` and ``category_code``; the bundled one by default.

    Returns:
        Category codes (categorical over the codes ``mapping`` can give), missing where the
        division is missing or not mapped.

    Example:
        >>> category_from_kbli(pd.Series([13, 32], dtype="Int64")).tolist()
        ['sandang', 'kerajinan']
    """
    table = load_kbli_category_map() if mapping is None else mapping
    lookup = dict(zip(table["kbli_division"].astype(int), table["category_code"], strict=True))
    dtype = code_dtype(lookup.values())
    (codes,) = apply_distinct(  # a few dozen divisions over millions of rows
        kbli_division, lambda distinct: (distinct.map(lookup).astype(dtype),))
    return codes


def code_dtype(codes: Iterable[str]) -> pd.CategoricalDtype:
    """A categorical dtype over the given category codes, sorted.

    Example:
        >>> code_dtype(["pangan", "kayu", "pangan"]).categories.tolist()
        ['kayu', 'pangan']
    """
    return pd.CategoricalDtype(pd.Index(sorted(set(codes)), dtype="string"))


@dataclass(frozen=True)
class StatedCategories:
    """Result of :func:`match_stated_categories`, aligned with the input.

    Attributes:
        category_code: Canonical code (categorical over the codes the tables can give),
            missing where empty or unknown.
        is_unknown: ``True`` where a non-empty value matched no category.
    """

    category_code: pd.Series
    is_unknown: pd.Series


def match_stated_categories(
    stated: pd.Series, aliases: pd.DataFrame | None = None
) -> StatedCategories:
    """Map category names as written (``Makanan``, ``Mebel``, ``Batik``) to category codes.

    A value matches a category code, its Indonesian or English label, or an alias, after folding.

    Args:
        stated: The category column as written.
        aliases: Columns ``alias`` and ``category_code``; the bundled table by default.

    Returns:
        The codes and a mask of unknown values.

    Example:
        >>> matched = match_stated_categories(pd.Series(["Makanan", "MEBEL", "Sepatu", ""]))
        >>> matched.category_code.tolist(), matched.is_unknown.tolist()
        (['pangan', 'kayu', <NA>, <NA>], [False, False, True, False])
    """
    categories = load_product_categories()
    alias_table = load_category_aliases() if aliases is None else aliases
    lookup: dict[str, str] = {}
    for column in ("category_code", "label_id", "label_en"):
        lookup.update({fold_text(v): c for v, c in zip(categories[column],
                                                        categories["category_code"], strict=True)})
    lookup.update({fold_text(a): c for a, c in zip(alias_table["alias"],
                                                    alias_table["category_code"], strict=True)})

    dtype = code_dtype(lookup.values())

    def on_distinct(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        folded = fold_series(distinct)
        codes = folded.map(lookup).astype(dtype)
        return codes, ((folded != "") & codes.isna()).astype(bool)

    codes, is_unknown = apply_distinct(stated, on_distinct)  # six categories, millions of rows
    return StatedCategories(codes, is_unknown)
