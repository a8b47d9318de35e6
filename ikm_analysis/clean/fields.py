"""Every field of a raw registry parsed into its clean type, with an issue per unreadable cell.

:func:`parse_fields` reads the columns the file has (text, codes, years, numbers, status and
yes/no words) and places the regions; which values are allowed is
:mod:`ikm_analysis.clean.validation`'s business, checked afterwards.

Example:
    >>> from pathlib import Path
    >>> frame = pd.DataFrame({"status": ["aktif", "buka"], "kelurahan": ["Menteng"] * 2,
    ...                       "kbli_code": ["10792", "10792"]},
    ...                      index=pd.Index([3, 4], name="source_row"))
    >>> raw = RawRegistry(frame, Path("ikm.csv"))
    >>> typed, issues = parse_fields(raw, CleaningOptions(), clean_text(frame["kelurahan"]))
    >>> typed["status"].tolist(), issues.frame[["row", "reason_code"]].values.tolist()
    (['aktif', nan], [[4, 'unknown_status']])
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ikm_analysis._fast.codes import without_unused_categories
from ikm_analysis._fast.distinct import apply_distinct
from ikm_analysis.clean.categories import category_from_kbli, code_dtype, match_stated_categories
from ikm_analysis.clean.codes import STATUS_WORDS, YES_NO_WORDS
from ikm_analysis.clean.issues import CellIssues
from ikm_analysis.clean.numbers import NumberFormat, parse_id_numbers
from ikm_analysis.clean.options import CleaningOptions
from ikm_analysis.clean.regions import canonicalize_regions
from ikm_analysis.clean.text import clean_text
from ikm_analysis.clean.validation import CATEGORICAL_COLUMNS
from ikm_analysis.clean.years import parse_years, typed_integers
from ikm_analysis.folding import fold_series
from ikm_analysis.io.read import RawRegistry


def column_or_empty(raw: pd.DataFrame, name: str) -> pd.Series:
    """The raw column ``name``, or a column of missing cells when the file has none.

    Example:
        >>> column_or_empty(pd.DataFrame({"a": [1]}), "b").isna().tolist()
        [True]
    """
    if name in raw.columns:
        return raw[name]
    return pd.Series(pd.NA, index=raw.index, dtype=object)


def _map_words(
    values: pd.Series, words: dict[str, object], dtype: str
) -> tuple[pd.Series, pd.Series]:
    def on_distinct(distinct: pd.Series) -> tuple[pd.Series, pd.Series]:
        mapped = fold_series(distinct).map(words).astype(dtype)
        return mapped, (clean_text(distinct).notna() & mapped.isna()).astype(bool)

    return apply_distinct(values, on_distinct)  # a few status words over millions of rows


def _is_blank(values: pd.Series) -> pd.Series:
    """Empty or missing cells (spaces only count as empty), each distinct value checked once."""
    (is_blank,) = apply_distinct(values, lambda distinct: (clean_text(distinct).isna(),))
    return is_blank


def _parse_kbli_distinct(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    text = clean_text(values).str.replace(r"[.\s]", "", regex=True)
    invalid = text.notna() & ~text.str.fullmatch(r"\d{2,5}").fillna(False)
    code = text.where(~invalid)
    division = pd.to_numeric(code.str.slice(0, 2), errors="coerce").astype("Int64")
    return code.astype("category"), division, invalid.astype(bool)


def _parse_kbli(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    return apply_distinct(values, _parse_kbli_distinct)  # a few hundred codes, millions of rows


def _parse_numbers(
    raw: pd.DataFrame, name: str, scale: float, number_format: NumberFormat
) -> tuple[pd.Series, pd.Series]:
    parsed = parse_id_numbers(column_or_empty(raw, name), number_format)
    return (parsed.numbers if scale == 1 else parsed.numbers * scale), parsed.is_invalid


def parse_fields(
    raw: RawRegistry, options: CleaningOptions, business_name: pd.Series
) -> tuple[pd.DataFrame, CellIssues]:
    """Parse every field into its clean type, collecting an issue for each unreadable cell.

    Args:
        raw: The rows as read.
        options: Number format, accepted years, extra spellings.
        business_name: The name column already cleaned (:func:`clean_text`).

    Returns:
        The typed table (every column of the clean table but ``is_possible_duplicate``, indexed
        by source row) and the issues found while parsing.
    """
    frame = raw.frame
    issues = CellIssues.empty()
    if raw.total_rows:
        is_total = pd.Series(frame.index.isin(raw.total_rows), index=frame.index)
        issues = issues.add(is_total, "", "total_row")

    regions = canonicalize_regions(
        column_or_empty(frame, "kelurahan"),
        frame["kecamatan"] if "kecamatan" in frame.columns else None,
        options.region_aliases,
    )
    issues = issues.extend(regions.issues)

    kbli_code, kbli_division, kbli_invalid = _parse_kbli(column_or_empty(frame, "kbli_code"))
    issues = issues.add(kbli_invalid, "kbli_code", "invalid_kbli")
    stated = match_stated_categories(column_or_empty(frame, "category"), options.category_aliases)
    issues = issues.add(stated.is_unknown, "category", "unknown_category")
    from_kbli = category_from_kbli(kbli_division, options.kbli_category_map)
    nothing_given = kbli_code.isna() & ~kbli_invalid & _is_blank(column_or_empty(frame, "category"))
    issues = issues.add(nothing_given, "category", "missing_kbli_and_category")

    years, years_invalid = parse_years(column_or_empty(frame, "year_registered"))
    closed, closed_invalid = parse_years(column_or_empty(frame, "year_closed"))
    issues = issues.add(years_invalid, "year_registered", "invalid_year")
    issues = issues.add(closed_invalid, "year_closed", "invalid_year")

    status, status_unknown = _map_words(column_or_empty(frame, "status"), STATUS_WORDS, "category")
    issues = issues.add(status_unknown, "status", "unknown_status")
    sentra, sentra_unknown = _map_words(column_or_empty(frame, "sentra_member"), YES_NO_WORDS,
                                        "boolean")
    issues = issues.add(sentra_unknown, "sentra_member", "unknown_yes_no")

    workers_count = typed_integers(column_or_empty(frame, "workers_count"))
    if workers_count is None:  # written numbers: read them, refuse fractions
        workers, workers_invalid = _parse_numbers(frame, "workers_count", 1.0,
                                                  options.number_format)
        issues = issues.add(workers_invalid, "workers_count", "invalid_number")
        # numpy's remainder on the plain floats: the masked Float64 one is several times slower
        fractional = pd.Series(np.mod(workers.to_numpy("float64", na_value=np.nan), 1) != 0,
                               index=workers.index) & workers.notna()
        issues = issues.add(fractional, "workers_count", "not_integer")
        workers_count = workers.where(~fractional).round().astype("Int64")
    money = {}
    for name in ("investment_rp", "production_value_rp"):
        money[name], invalid = _parse_numbers(
            frame, name, raw.scales.get(name, 1.0), options.number_format
        )
        issues = issues.add(invalid, name, "invalid_number")

    # Both as codes over the same categories: filling and comparing then work on small codes.
    codes = code_dtype([*stated.category_code.cat.categories, *from_kbli.cat.categories])
    stated_code = stated.category_code.cat.set_categories(codes.categories)
    from_kbli = from_kbli.cat.set_categories(codes.categories)
    category_code = without_unused_categories(stated_code.fillna(from_kbli))
    typed = pd.DataFrame(
        {
            "source_row": frame.index.to_numpy(dtype="int64"),
            "unit_id": clean_text(column_or_empty(frame, "unit_id")),
            "business_name": business_name,
            **{name: regions.regions[name] for name in regions.regions.columns},
            "kbli_code": kbli_code,
            "kbli_division": kbli_division,
            "category_code": category_code,
            "category_source": without_unused_categories(pd.Series(pd.Categorical.from_codes(
                stated.category_code.notna().to_numpy().astype("int8"),
                pd.Index(["kbli", "stated"], dtype="string")), index=frame.index)),
            "is_category_kbli_mismatch": (
                stated_code.notna() & from_kbli.notna() & (stated_code != from_kbli)
            ).fillna(False).astype(bool),
            "year_registered": years,
            "year_closed": closed,
            "status": status,
            "workers_count": workers_count,
            "investment_rp": money["investment_rp"],
            "production_value_rp": money["production_value_rp"],
            "is_sentra_member": sentra,
        },
        index=frame.index,
        copy=False,  # the parsed columns are new already; copying them doubles the memory
    )
    for name in CATEGORICAL_COLUMNS:  # most arrive categorical from their distinct values
        if not isinstance(typed[name].dtype, pd.CategoricalDtype):
            typed[name] = typed[name].astype("category")
    return typed, issues


