"""Turn a raw registry into the clean table: parse every cell, place regions, derive categories.

:func:`clean_registry` is pure: a :class:`~ikm_analysis.io.read.RawRegistry` in, a
:class:`CleaningResult` out; nothing is read or written. Every raw row ends up in exactly one of
two places: the clean table, or the issue list (and from there the quarantine file) with the
reason. Rows in = clean rows + quarantined rows, always; the function checks it before returning.

The clean table holds no personal data: owner name, NIK, phone and address are used to find
duplicates and then left behind (they remain only in the raw rows shown in the quarantine file).

Example:
    >>> from pathlib import Path
    >>> raw_frame = pd.DataFrame(
    ...     {"unit_id": ["A1", "A2"], "business_name": ["Kue Ibu", "Mebel Jaya"],
    ...      "kelurahan": ["Kel. Menteng", "Kelampangan"], "kbli_code": ["10792", "31001"],
    ...      "year_registered": ["2021", "2019"], "status": ["aktif", "tutup"],
    ...      "year_closed": [None, "2023"]},
    ...     index=pd.Index([3, 4], name="source_row"))
    >>> result = clean_registry(RawRegistry(raw_frame, Path("contoh.csv")),
    ...                         CleaningOptions(max_year=2024))
    >>> columns = ["unit_id", "kelurahan", "kecamatan", "category_code", "status"]
    >>> result.clean[columns].to_numpy().tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['A1', 'Menteng', 'Jekan Raya', 'pangan', 'aktif'],
     ['A2', 'Kalampangan', 'Sabangau', 'kayu', 'tidak_aktif']]
"""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ikm_analysis._fast.arrow_text import as_arrow_text, collapse_spaces, to_string_series
from ikm_analysis._fast.distinct import (
    apply_distinct,
    earlier_repeats,
    map_distinct,
    occurs_more_than_once,
    row_keys,
    without_unused_categories,
)
from ikm_analysis.clean.categories import category_from_kbli, code_dtype, match_stated_categories
from ikm_analysis.clean.codes import STATUS_WORDS, YES_NO_WORDS
from ikm_analysis.clean.issues import REASONS, CellIssues
from ikm_analysis.clean.numbers import NumberFormat, parse_id_numbers
from ikm_analysis.clean.regions import canonicalize_regions
from ikm_analysis.clean.validation import (
    CATEGORICAL_COLUMNS,
    CROSS_FIELD_RULES,
    MIN_YEAR,
    clean_registry_schema,
    find_schema_failures,
    resolve_max_year,
    validate_clean_registry,
)
from ikm_analysis.folding import fold_series
from ikm_analysis.io.read import RawRegistry, cell_as_written

#: Schema column -> raw field an issue on it is reported against.
_FIELD_OF_COLUMN: dict[str, str] = {
    "kelurahan_code": "kelurahan",
    "kecamatan_code": "kecamatan",
    "kbli_division": "kbli_code",
    "category_code": "category",
    "category_source": "category",
}


@dataclass(frozen=True)
class CleaningOptions:
    """Options of :func:`clean_registry`.

    Attributes:
        number_format: ``"id"`` (``1.500.000,00``) or ``"en"`` (``1,500,000.00``) for text cells.
        min_year: Earliest acceptable year.
        max_year: Latest acceptable year; the current calendar year when ``None``. Reports pass
            their own year so that results do not depend on the day they are built.
        region_aliases: Extra region spellings (``alias``, ``level``, ``code``) of your office.
        category_aliases: Category names (``alias``, ``category_code``) replacing the bundled ones.
        kbli_category_map: KBLI division -> category mapping replacing the bundled one.
    """

    number_format: NumberFormat = "id"
    min_year: int = MIN_YEAR
    max_year: int | None = None
    region_aliases: pd.DataFrame | None = None
    category_aliases: pd.DataFrame | None = None
    kbli_category_map: pd.DataFrame | None = None


@dataclass(frozen=True)
class CleaningResult:
    """Output of :func:`clean_registry`.

    Attributes:
        clean: Rows that passed every check, in the schema of
            :func:`ikm_analysis.clean.validation.clean_registry_schema`.
        issues: Every problem found, one per row and field; its rows are the quarantined rows.
        rows_in: Number of raw rows received.
    """

    clean: pd.DataFrame
    issues: CellIssues
    rows_in: int

    @property
    def rows_clean(self) -> int:
        """Number of rows in the clean table."""
        return len(self.clean)

    @property
    def rows_quarantined(self) -> int:
        """Number of distinct rows with at least one issue."""
        return len(self.issues.rows)


def _cell_text(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return " ".join(cell_as_written(value).split()) or pd.NA


def clean_text(values: pd.Series) -> pd.Series:
    """Strip and collapse spaces; empty cells become missing; whole floats lose their ``.0``.

    Args:
        values: A raw column.

    Returns:
        A ``string`` column.

    Example:
        >>> clean_text(pd.Series(["  Kue   Ibu ", "", 1001.0])).tolist()
        ['Kue Ibu', <NA>, '1001']
    """
    text = as_arrow_text(values)
    if text is not None:  # a column of text: one Arrow pass instead of a Python call per value
        return to_string_series(collapse_spaces(text), values.index)
    return map_distinct(values, _cell_text, missing=pd.NA, dtype="string")


_YEAR_PATTERNS = (
    re.compile(r"^(\d{4})(?:\.0+)?$"),
    re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$"),  # 17/08/2021
    re.compile(r"^(\d{4})-\d{1,2}-\d{1,2}(?:[ T].*)?$"),  # 2021-08-17
)


def _year_of(value: object) -> tuple[object, bool]:
    """(year or NA, is_invalid) for one distinct cell."""
    if isinstance(value, dt.date | dt.datetime):
        return value.year, False
    if isinstance(value, bool):
        return pd.NA, True
    if isinstance(value, int | np.integer):
        return int(value), False
    if isinstance(value, float | np.floating):
        return (int(value), False) if float(value).is_integer() else (pd.NA, True)
    text = str(value).strip()
    if text in {"", "-", "–", "—"}:
        return pd.NA, False
    for pattern in _YEAR_PATTERNS:
        match = pattern.match(text)
        if match:
            return int(match.group(1)), False
    return pd.NA, True


def parse_years(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Read years written as ``2021``, ``2021.0``, ``17/08/2021``, ``2021-08-17`` or a date cell.

    Args:
        values: A raw column.

    Returns:
        ``Int64`` years (missing where empty or invalid) and the mask of invalid cells.

    Example:
        >>> years, invalid = parse_years(pd.Series(["2021", "17/08/2019", "kemarin", None]))
        >>> years.tolist(), invalid.tolist()
        ([2021, 2019, <NA>, <NA>], [False, False, True, False])
    """
    typed = _typed_integers(values)
    if typed is not None:  # a typed column (Parquet): nothing to read
        return typed, pd.Series(False, index=values.index)
    years = map_distinct(values, lambda v: _year_of(v)[0], missing=pd.NA, dtype="Int64")
    invalid = map_distinct(values, lambda v: _year_of(v)[1], missing=False, dtype=bool)
    return years, invalid


def _column(raw: pd.DataFrame, name: str) -> pd.Series:
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
    parsed = parse_id_numbers(_column(raw, name), number_format)
    return (parsed.numbers if scale == 1 else parsed.numbers * scale), parsed.is_invalid


def _typed_integers(values: pd.Series) -> pd.Series | None:
    """A typed integer column (Parquet) as it is, as ``Int64``; ``None`` for any other column."""
    if not pd.api.types.is_integer_dtype(values.dtype):
        return None
    return values.astype("Int64").rename(None)


def _parse_fields(
    raw: RawRegistry, options: CleaningOptions, business_name: pd.Series
) -> tuple[pd.DataFrame, CellIssues]:
    """Parse every field into its clean type, collecting an issue for each unreadable cell.

    ``business_name`` is the name column already cleaned (:func:`clean_text`).
    """
    frame = raw.frame
    issues = CellIssues.empty()
    if raw.total_rows:
        is_total = pd.Series(frame.index.isin(raw.total_rows), index=frame.index)
        issues = issues.add(is_total, "", "total_row")

    regions = canonicalize_regions(
        _column(frame, "kelurahan"),
        frame["kecamatan"] if "kecamatan" in frame.columns else None,
        options.region_aliases,
    )
    issues = issues.extend(regions.issues)

    kbli_code, kbli_division, kbli_invalid = _parse_kbli(_column(frame, "kbli_code"))
    issues = issues.add(kbli_invalid, "kbli_code", "invalid_kbli")
    stated = match_stated_categories(_column(frame, "category"), options.category_aliases)
    issues = issues.add(stated.is_unknown, "category", "unknown_category")
    from_kbli = category_from_kbli(kbli_division, options.kbli_category_map)
    nothing_given = kbli_code.isna() & ~kbli_invalid & _is_blank(_column(frame, "category"))
    issues = issues.add(nothing_given, "category", "missing_kbli_and_category")

    years, years_invalid = parse_years(_column(frame, "year_registered"))
    closed, closed_invalid = parse_years(_column(frame, "year_closed"))
    issues = issues.add(years_invalid, "year_registered", "invalid_year")
    issues = issues.add(closed_invalid, "year_closed", "invalid_year")

    status, status_unknown = _map_words(_column(frame, "status"), STATUS_WORDS, "category")
    issues = issues.add(status_unknown, "status", "unknown_status")
    sentra, sentra_unknown = _map_words(_column(frame, "sentra_member"), YES_NO_WORDS, "boolean")
    issues = issues.add(sentra_unknown, "sentra_member", "unknown_yes_no")

    workers_count = _typed_integers(_column(frame, "workers_count"))
    if workers_count is None:  # written numbers: read them, refuse fractions
        workers, workers_invalid = _parse_numbers(frame, "workers_count", 1.0,
                                                  options.number_format)
        issues = issues.add(workers_invalid, "workers_count", "invalid_number")
        # numpy's remainder on the plain floats: the masked Float64 one costs 0.2 s at 10M rows
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
            "unit_id": clean_text(_column(frame, "unit_id")),
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
        copy=False,  # the parsed columns are new already; copying them costs GBs at 10M rows
    )
    for name in CATEGORICAL_COLUMNS:  # most arrive categorical from their distinct values
        if not isinstance(typed[name].dtype, pd.CategoricalDtype):
            typed[name] = typed[name].astype("category")
    return typed, issues


def _row_fingerprints(frame: pd.DataFrame) -> pd.Series:
    return pd.util.hash_pandas_object(frame.astype("string"), index=False)


def _duplicate_issues(typed: pd.DataFrame, raw: RawRegistry, is_candidate: np.ndarray
                      ) -> CellIssues:
    """Later rows repeating a unit_id of an earlier candidate row (first occurrence kept)."""
    unit_ids = typed["unit_id"][is_candidate & typed["unit_id"].notna().to_numpy()]
    repeats, firsts = earlier_repeats(unit_ids)
    if len(repeats) == 0:
        return CellIssues.empty()
    repeated_rows = unit_ids.index[repeats]
    first_of = pd.Series(unit_ids.index[firsts], index=repeated_rows)
    involved = repeated_rows.union(pd.Index(first_of.unique()))
    fingerprints = _row_fingerprints(raw.cells(involved))  # only rows compared, not the file
    is_exact = pd.Series(
        fingerprints.loc[repeated_rows].to_numpy() == fingerprints.loc[first_of].to_numpy(),
        index=repeated_rows,
    )
    detail = first_of.astype(str)
    return (
        CellIssues.empty()
        .add(is_exact, "", "duplicate_row", detail=detail)
        .add(~is_exact, "unit_id", "duplicate_unit_id", detail=detail)
    )


def _schema_issues(
    typed: pd.DataFrame, issues: CellIssues, min_year: int, max_year: int
) -> CellIssues:
    """Route rule failures to issues, skipping fields that already failed to parse."""
    failures = find_schema_failures(
        typed, clean_registry_schema(min_year, max_year, unique_unit_ids=False)
    )
    if failures.empty:
        return CellIssues.empty()
    failures = failures.assign(reason=failures["check"].replace({"not_nullable": "missing_value"}))
    unknown = sorted(set(failures["reason"]) - set(REASONS))
    if unknown:
        raise RuntimeError(f"schema checks without a reason code: {unknown}")  # a bug, not data
    failures["field"] = failures["column"].map(lambda c: _FIELD_OF_COLUMN.get(c, c))
    is_cross = failures["reason"].isin(list(CROSS_FIELD_RULES))
    failures.loc[is_cross, "field"] = failures.loc[is_cross, "reason"].map(CROSS_FIELD_RULES)
    already = set(zip(issues.frame["row"], issues.frame["column"], strict=True))
    keep = [(row, field) not in already
            for row, field in zip(failures["index"], failures["field"], strict=True)]
    failures = failures[keep].drop_duplicates(["index", "field", "reason"])
    detail = np.where(failures["reason"] == "year_out_of_range", f"{min_year}–{max_year}", "")
    result = CellIssues.empty()
    for (field, reason), group in failures.assign(detail=detail).groupby(["field", "reason"]):
        mask = pd.Series(True, index=pd.Index(group["index"].tolist()))
        result = result.add(mask, str(field), str(reason),
                            detail=pd.Series(group["detail"].to_numpy(), index=mask.index))
    return result


#: A missing derived value is only news when the fields it is derived from had no problem.
_DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "kelurahan": ("kelurahan",),
    "kecamatan": ("kelurahan", "kecamatan"),
    "category": ("category", "kbli_code"),
}


def _tidy_issues(issues: CellIssues, total_rows: tuple[int, ...]) -> CellIssues:
    """Drop consequential noise from the issue list.

    A total row is reported only as a total row, and an empty derived field (kelurahan code,
    category) is not reported again when a field it is derived from already has an issue.
    """
    frame = issues.frame
    if frame.empty:
        return issues
    is_total_row = frame["row"].isin(total_rows) & (frame["reason_code"] != "total_row")
    reasons: dict[tuple[object, str], set[str]] = {}
    for row, field, reason in zip(frame["row"], frame["column"], frame["reason_code"], strict=True):
        reasons.setdefault((row, field), set()).add(reason)

    def is_echo(row: object, field: str, reason: str) -> bool:
        if reason != "missing_value" or field not in _DERIVED_FROM:
            return False
        return any(
            reasons.get((row, source), set()) - ({"missing_value"} if source == field else set())
            for source in _DERIVED_FROM[field]
        )

    is_echo_issue = [
        is_echo(row, field, reason)
        for row, field, reason in zip(frame["row"], frame["column"], frame["reason_code"],
                                      strict=True)
    ]
    kept = frame[~is_total_row & ~pd.Series(is_echo_issue, index=frame.index)]
    return CellIssues(kept.drop_duplicates(["row", "column", "reason_code"], ignore_index=True))


def _folded_name_codes(names: pd.Series) -> np.ndarray:
    """A code per row, the same for names that fold alike (each spelling folded once)."""
    spelling, spellings = pd.factorize(names, use_na_sentinel=False)
    folded_codes, _ = pd.factorize(fold_series(pd.Series(spellings)), use_na_sentinel=False)
    return folded_codes[spelling]


def _name_place_keys(units: pd.DataFrame, folded_names: np.ndarray) -> np.ndarray:
    """A key per row, equal for rows with the same folded name, kelurahan and category.

    ``folded_names``: :func:`_folded_name_codes` of the rows' names.
    """
    return row_keys([units["kelurahan_code"], units["category_code"]], start=folded_names)


def _flag_possible_duplicates(clean: pd.DataFrame, keys: np.ndarray | None = None
                              ) -> pd.Series:
    """Same business name (folded), kelurahan and category under different unit_ids.

    ``keys``: :func:`_name_place_keys` of the clean rows, when already known.
    """
    if keys is None:
        keys = _name_place_keys(clean, _folded_name_codes(clean["business_name"]))
    return pd.Series(occurs_more_than_once(keys), index=clean.index)


def clean_registry(raw: RawRegistry, options: CleaningOptions | None = None) -> CleaningResult:
    """Parse, place, check and de-duplicate a raw registry; quarantine what fails, lose nothing.

    Args:
        raw: Rows as read by :func:`ikm_analysis.io.read.read_registry`.
        options: Parsing options; defaults when ``None``.

    Returns:
        The clean table and the issues of the quarantined rows.

    Raises:
        RuntimeError: If rows in != clean + quarantined (a bug, never expected).
    """
    options = options or CleaningOptions()
    max_year = resolve_max_year(options.max_year)
    business_name = clean_text(_column(raw.frame, "business_name"))
    with ThreadPoolExecutor(max_workers=1) as beside:
        # Hashing every name (for the possible-duplicate flag) runs beside the parsing: Arrow
        # lets go of the interpreter while it hashes, so a second core does it (A32).
        folded_names = beside.submit(_folded_name_codes, business_name)
        typed, issues = _parse_fields(raw, options, business_name)
        # Then the keys of the flag, while the rules are checked (one worker: jobs in order).
        name_place_keys = beside.submit(
            lambda: _name_place_keys(typed, folded_names.result()))
        issues = issues.extend(_schema_issues(typed, issues, options.min_year, max_year))
        issues = _tidy_issues(issues, raw.total_rows)
        issues = issues.extend(_duplicate_issues(typed, raw, ~typed.index.isin(issues.rows)))

        quarantined = typed.index.isin(issues.rows)
        clean = (typed.loc[~quarantined] if quarantined.any() else typed).reset_index(drop=True)
        if quarantined.any():  # categories are the values the clean rows hold, nothing more
            clean = clean.assign(**{name: without_unused_categories(clean[name])
                                    for name in CATEGORICAL_COLUMNS})
        keys = name_place_keys.result()
        clean["is_possible_duplicate"] = _flag_possible_duplicates(
            clean, keys[~quarantined] if quarantined.any() else keys)
    # Every row already passed every rule above (or was quarantined): what is left to check is
    # the table's shape (columns, order, types; no personal data), not each value a second time.
    validate_clean_registry(clean, max_year, values=False)

    result = CleaningResult(clean, issues, rows_in=len(raw.frame))
    if result.rows_clean + result.rows_quarantined != result.rows_in:
        raise RuntimeError(
            f"rows lost: {result.rows_in} in, {result.rows_clean} clean, "
            f"{result.rows_quarantined} quarantined"
        )
    return result
