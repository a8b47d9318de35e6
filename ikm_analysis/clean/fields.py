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

import hashlib

import numpy as np
import pandas as pd

from ikm_analysis._fast.codes import without_unused_categories
from ikm_analysis._fast.distinct import apply_distinct, map_distinct
from ikm_analysis.clean.categories import category_from_kbli, code_dtype, match_stated_categories
from ikm_analysis.clean.codes import STATUS_WORDS, YES_NO_WORDS
from ikm_analysis.clean.issues import CellIssues
from ikm_analysis.clean.numbers import (
    infer_number_format,
    is_implausible,
    parse_id_numbers,
)
from ikm_analysis.clean.options import CleaningOptions
from ikm_analysis.clean.regions import canonicalize_regions
from ikm_analysis.clean.text import clean_text
from ikm_analysis.clean.validation import CATEGORICAL_COLUMNS
from ikm_analysis.clean.years import parse_years, typed_integers
from ikm_analysis.exceptions import InputFileError
from ikm_analysis.folding import fold_series
from ikm_analysis.i18n.formatting import format_id_number
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
    # "10710.0" is a number cell written out by a program: the code is 10710
    text = clean_text(values).str.replace(r"^(\d{2,5})\.0+$", r"\1", regex=True)
    text = text.str.replace(r"[.\s]", "", regex=True)
    invalid = text.notna() & ~text.str.fullmatch(r"\d{2,5}").fillna(False)
    code = text.where(~invalid)
    division = pd.to_numeric(code.str.slice(0, 2), errors="coerce").astype("Int64")
    return code.astype("category"), division, invalid.astype(bool)


def _parse_kbli(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    return apply_distinct(values, _parse_kbli_distinct)  # a few hundred codes, millions of rows


def _parse_in_its_format(raw: RawRegistry, column: str, options: CleaningOptions):
    """A number column read in the format asked for, else the one its cells show.

    (:func:`~ikm_analysis.clean.numbers.infer_number_format`; most registries are written the
    Indonesian way, so that reading is made first and kept when it is the right one.)

    Raises:
        InputFileError: Both readings fit every cell and give different values: the file must
            say which (``--number-format``).
    """
    values = column_or_empty(raw.frame, column)
    if options.number_format is not None:
        return parse_id_numbers(values, options.number_format)
    indonesian = parse_id_numbers(values, "id")
    if not indonesian.is_invalid.any() and pd.api.types.is_numeric_dtype(values):
        return indonesian
    guess = infer_number_format(values, indonesian)
    if guess.number_format == "ambiguous":
        text, as_id, as_en = guess.examples[0]
        name = column.split("@")[0]
        raise InputFileError(raw.path, "numbers_ambiguous", header=raw.headers.get(name, name),
                             example=text, as_id=format_id_number(as_id, 2),
                             as_en=format_id_number(as_en, 2))
    return indonesian if guess.number_format == "id" else parse_id_numbers(values, "en")


def _parse_numbers(raw: RawRegistry, name: str, options: CleaningOptions
                   ) -> tuple[pd.Series, pd.Series]:
    """A number column read in its format and scaled by its header's unit: values, invalid."""
    parts = raw.parts.get(name)
    columns = list(parts) if parts else [name]
    total, invalid = None, pd.Series(False, index=raw.frame.index)
    for column in columns:  # the sub-columns of a count (L + P) add up to it
        parsed = _parse_in_its_format(raw, column, options)
        total = parsed.numbers if total is None else total.add(parsed.numbers, fill_value=0)
        invalid |= parsed.is_invalid
    scale = raw.scales.get(name, 1.0)
    return (total if scale == 1 else total * scale), invalid


def _derived_unit_ids(raw: RawRegistry, business_name: pd.Series, kelurahan_code: pd.Series
                      ) -> pd.Series:
    """A stable key for a registry without unit numbers: name, kelurahan and owner, hashed.

    The business name (folded), the kelurahan's code and the owner's NIK (its digits; the
    owner's name, folded, when the file has no NIK) make the key ``U-`` + 12 hex digits. Two
    rows with the same three are the same unit; A35 says what this cannot tell apart.
    """
    owner = None
    if "owner_nik" in raw.columns:
        owner = raw.cells(raw.frame.index, ["owner_nik"])["owner_nik"].map(
            lambda cell: "".join(ch for ch in str(cell) if ch.isdigit()) if pd.notna(cell)
            else "")
    elif "owner_name" in raw.columns:
        owner = fold_series(raw.cells(raw.frame.index, ["owner_name"])["owner_name"])
    parts = [fold_series(business_name), kelurahan_code.astype(object).fillna("").astype(str),
             owner.astype(str) if owner is not None else pd.Series("", index=raw.frame.index)]
    joined = parts[0].astype(str) + "|" + parts[1] + "|" + parts[2].to_numpy()
    return map_distinct(joined, lambda key: "U-" + hashlib.sha1(key.encode()).hexdigest()[:12],
                        missing=pd.NA, dtype="string").where(business_name.notna())


def _sheet_codes(raw: RawRegistry) -> pd.Series:
    """The sheet of every row as a categorical over the sheets read (text categories)."""
    if raw.locations is None:  # one table (a CSV, a Parquet file, one sheet): one value
        names = pd.Index([] if raw.sheet is None else [raw.sheet], dtype="string")
        codes = np.full(len(raw.frame), -1 if raw.sheet is None else 0, dtype="int8")
        return pd.Series(pd.Categorical.from_codes(codes, names), index=raw.frame.index)
    sheets = raw.source_sheets()
    names = pd.Index(pd.unique(sheets.dropna()), dtype="string")
    return pd.Series(pd.Categorical(sheets, categories=names), index=sheets.index)


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
    issues = issues.add(years_invalid, "year_registered", "invalid_year")
    if "year_registered" in raw.seconds:  # Tahun and Tgl. Daftar: one fills, both must agree
        second, second_invalid = parse_years(frame[raw.seconds["year_registered"]])
        issues = issues.add(second_invalid & years.isna(), "year_registered", "invalid_year")
        disagree = (years.notna() & second.notna() & (years != second)).fillna(False)
        issues = issues.add(disagree, "year_registered", "columns_disagree",
                            detail=years.astype("string") + " / " + second.astype("string"))
        years = years.fillna(second)
    closed, closed_invalid = parse_years(column_or_empty(frame, "year_closed"))
    issues = issues.add(closed_invalid, "year_closed", "invalid_year")

    if "status" in raw.fields:
        status, status_unknown = _map_words(frame["status"], STATUS_WORDS, "category")
        issues = issues.add(status_unknown, "status", "unknown_status")
    else:  # a list of units without a status column lists the active ones (A36)
        status = pd.Series(pd.Categorical(["aktif"] * len(frame)), index=frame.index)
    sentra, sentra_unknown = _map_words(column_or_empty(frame, "sentra_member"), YES_NO_WORDS,
                                        "boolean")
    issues = issues.add(sentra_unknown, "sentra_member", "unknown_yes_no")

    workers_count = typed_integers(column_or_empty(frame, "workers_count"))
    if workers_count is None:  # written numbers: read them, refuse fractions
        workers, workers_invalid = _parse_numbers(raw, "workers_count", options)
        issues = issues.add(workers_invalid, "workers_count", "invalid_number")
        # numpy's remainder on the plain floats: the masked Float64 one is several times slower
        fractional = pd.Series(np.mod(workers.to_numpy("float64", na_value=np.nan), 1) != 0,
                               index=workers.index) & workers.notna()
        issues = issues.add(fractional, "workers_count", "not_integer")
        workers_count = workers.where(~fractional).round().astype("Int64")
    money = {}
    for name in ("investment_rp", "production_value_rp"):
        money[name], invalid = _parse_numbers(raw, name, options)
        issues = issues.add(invalid, name, "invalid_number")
        implausible = is_implausible(money[name])
        if implausible.any():
            issues = issues.add(implausible, name, "amount_out_of_range")
            money[name] = money[name].mask(implausible)

    # Both as codes over the same categories: filling and comparing then work on small codes.
    codes = code_dtype([*stated.category_code.cat.categories, *from_kbli.cat.categories])
    stated_code = stated.category_code.cat.set_categories(codes.categories)
    from_kbli = from_kbli.cat.set_categories(codes.categories)
    category_code = without_unused_categories(stated_code.fillna(from_kbli))
    typed = pd.DataFrame(
        {
            "source_row": raw.source_rows().to_numpy(dtype="int64"),
            "source_sheet": _sheet_codes(raw),
            "unit_id": (clean_text(frame["unit_id"]) if "unit_id" in raw.fields else
                        _derived_unit_ids(raw, business_name, regions.regions["kelurahan_code"])),
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


