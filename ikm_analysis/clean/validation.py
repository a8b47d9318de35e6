"""The pandera schema of the clean registry table, and the checks that route bad rows.

Rules about values (ranges, allowed codes, required fields, agreement between fields) live here
and only here. Each check's ``error`` is a reason code of :mod:`ikm_analysis.clean.issues`, so a
failure becomes a readable quarantine entry. Validation is lazy: every failure is reported at once.

Example:
    >>> schema = clean_registry_schema(max_year=2024)
    >>> schema.columns["year_registered"].checks[0].error
    'year_out_of_range'
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ikm_analysis._fast.repeats import occurs_once
from ikm_analysis.clean.codes import STATUS_VALUES
from ikm_analysis.clean.issues import REASONS, CellIssues
from ikm_analysis.clean.year_range import MIN_YEAR, resolve_max_year
from ikm_analysis.exceptions import DataValidationError
from ikm_analysis.reference import load_kelurahan, load_product_categories

if TYPE_CHECKING:
    import pandera.pandas as pa

# pandera is imported where a table is checked: a report kernel that reads a registry cleaned
# once for the whole build (ikm_analysis.report.registry_cache) checks nothing and needs none.

KBLI_MANUFACTURING_DIVISIONS = (10, 33)

#: Columns of the clean table that hold a few values over every row (30 kelurahan, six
#: categories, two statuses): categorical, so that a national registry keeps one small code per
#: row instead of the text, and counting by them needs no hashing.
CATEGORICAL_COLUMNS: tuple[str, ...] = (
    "source_sheet", "kelurahan_code", "kelurahan", "kecamatan_code", "kecamatan", "kbli_code",
    "category_code", "category_source", "status",
)

#: Schema column -> raw field an issue on it is reported against.
_FIELD_OF_COLUMN: dict[str, str] = {
    "kelurahan_code": "kelurahan",
    "kecamatan_code": "kecamatan",
    "kbli_division": "kbli_code",
    "category_code": "category",
    "category_source": "category",
}

#: Row-level rules between fields: reason code -> the field the issue is reported on.
CROSS_FIELD_RULES: dict[str, str] = {
    "closed_before_registered": "year_closed",
    "active_but_closed": "status",
}



def _place_occurs_once(frame: pd.DataFrame) -> pd.Series:
    """``True`` where a row's place in the file (sheet, row number) occurs once."""
    sheets = frame["source_sheet"]
    if sheets.isna().all() or (sheets == sheets.iloc[0]).all():  # one sheet: row numbers alone
        return occurs_once(frame["source_row"])
    return ~frame.duplicated(["source_sheet", "source_row"], keep=False)


@cache
def clean_registry_schema(
    min_year: int = MIN_YEAR, max_year: int | None = None, unique_unit_ids: bool = True,
    registration_years: bool = True,
) -> pa.DataFrameSchema:
    """Build the schema of the clean registry table.

    Args:
        min_year: Earliest acceptable registration or closing year.
        max_year: Latest acceptable year; the current calendar year when ``None``.
        unique_unit_ids: Require ``unit_id`` to be unique. Cleaning checks rows before it
            removes repeated units (keeping the first), so it asks without this rule.
        registration_years: Require a registration year on every row. A registry without a
            registration-year column has none at all (A37).

    Returns:
        A pandera schema; ``strict=True``, so no personal-data column can slip into the table.
    """
    import pandera.pandas as pa

    latest = resolve_max_year(max_year)
    kelurahan = load_kelurahan()
    in_years = pa.Check.in_range(min_year, latest, error="year_out_of_range")
    non_negative = pa.Check.ge(0, error="negative_value")

    def text(*checks: pa.Check, nullable: bool = False) -> pa.Column:
        return pa.Column("string", list(checks), nullable=nullable)

    def coded(*checks: pa.Check, nullable: bool = False) -> pa.Column:
        return pa.Column("category", list(checks), nullable=nullable)

    return pa.DataFrameSchema(
        {
            "source_row": pa.Column("int64"),
            "source_sheet": coded(nullable=True),
            "unit_id": text(),
            "business_name": text(),
            "kelurahan_code": coded(pa.Check.isin(kelurahan["kelurahan_code"].tolist())),
            "kelurahan": coded(pa.Check.isin(kelurahan["kelurahan"].tolist())),
            "kecamatan_code": coded(pa.Check.isin(kelurahan["kecamatan_code"].unique().tolist())),
            "kecamatan": coded(pa.Check.isin(kelurahan["kecamatan"].unique().tolist())),
            "kbli_code": coded(pa.Check.str_matches(r"^\d{2,5}$", error="invalid_kbli"),
                              nullable=True),
            "kbli_division": pa.Column(
                "Int64",
                pa.Check.in_range(*KBLI_MANUFACTURING_DIVISIONS, error="kbli_not_manufacturing"),
                nullable=True,
            ),
            "category_code": coded(
                pa.Check.isin(load_product_categories()["category_code"].tolist())
            ),
            "category_source": coded(pa.Check.isin(["stated", "kbli"])),
            "is_category_kbli_mismatch": pa.Column("bool"),
            "year_registered": pa.Column("Int64", in_years, nullable=not registration_years),
            "year_closed": pa.Column("Int64", in_years, nullable=True),
            "status": coded(pa.Check.isin(list(STATUS_VALUES), error="unknown_status")),
            "workers_count": pa.Column("Int64", non_negative, nullable=True),
            "investment_rp": pa.Column("Float64", non_negative, nullable=True),
            "production_value_rp": pa.Column("Float64", non_negative, nullable=True),
            "is_sentra_member": pa.Column("boolean", nullable=True),
            "is_possible_duplicate": pa.Column("bool", required=False),
        },
        checks=[
            pa.Check(_place_occurs_once, error="repeated_row_number"),
            pa.Check(
                lambda df: ~(df["year_closed"] < df["year_registered"]).fillna(False),
                error="closed_before_registered",
            ),
            pa.Check(
                lambda df: ~((df["status"] == "aktif") & df["year_closed"].notna()).fillna(False),
                error="active_but_closed",
            ),
        ],
        strict=True,
        ordered=True,
        unique=["unit_id"] if unique_unit_ids else None,
        name="clean_registry",
    )


def find_schema_failures(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Run the schema lazily and return every failure that belongs to a row.

    Args:
        frame: The table to check.
        schema: The schema to check it against.

    Returns:
        Columns ``index`` (row label), ``column``, ``check`` and ``failure_case``; empty when
        the table passes.

    Raises:
        DataValidationError: For failures that concern a whole column (wrong dtype, missing
            column): those are programming errors, not bad rows.
    """
    from pandera.errors import SchemaErrors

    try:
        # inplace: pandera otherwise starts with a deep copy of the table (a second copy in
        # memory). The schemas here never coerce, so nothing is written.
        schema.validate(frame, lazy=True, inplace=True)
    except SchemaErrors as errors:
        failures = errors.failure_cases
        whole_column = failures["index"].isna()
        if whole_column.any():
            raise DataValidationError(schema.name or "table", failures[whole_column]) from None
        return failures[["index", "column", "check", "failure_case"]].reset_index(drop=True)
    return pd.DataFrame(columns=["index", "column", "check", "failure_case"])


def find_row_failures(frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """The rows breaking a value rule of ``schema``: what :func:`find_schema_failures` finds.

    Each rule is the schema's own (its ``Check`` objects and nullability); they are run here one
    by one on the columns, without pandera's collection of failure reports, which costs ten times
    the checks themselves when many rows fail. Structure (columns, types, uniqueness) is not
    checked: :func:`validate_clean_registry` does that. Property-tested equal to
    :func:`find_schema_failures` in ``tests/clean/test_validation.py``.

    Returns:
        Columns ``index`` (row label), ``column``, ``check`` and ``failure_case``.
    """
    found: dict[str, list[object]] = {"index": [], "column": [], "check": [],
                                      "failure_case": []}

    def add(passed: pd.Series, column: str, check: str, values: pd.Series | None) -> None:
        # A check that ignores missing values returns fewer rows than it was given: the rows
        # it returned False for are the failures (no reindex onto the whole column).
        failing = passed.index[~passed.to_numpy(dtype=bool)]
        if len(failing):
            found["index"] += failing.tolist()
            found["column"] += [column] * len(failing)
            found["check"] += [check] * len(failing)
            found["failure_case"] += ([pd.NA] * len(failing) if values is None
                                      else values.loc[failing].tolist())

    for name, column in schema.columns.items():
        if name not in frame.columns:
            continue
        values = frame[name]
        if not column.nullable:
            add(values.notna(), name, "not_nullable", values)
        for check in column.checks:
            add(check(values).check_output, name, check.error or check.name, values)
    for check in schema.checks:
        passed = check(frame).check_output
        if isinstance(passed, pd.Series):
            add(passed, schema.name, check.error or check.name, None)
    if not found["index"]:
        return pd.DataFrame(columns=["index", "column", "check", "failure_case"])
    return pd.DataFrame(found)


def validate_clean_registry(
    frame: pd.DataFrame, max_year: int | None = None, *, values: bool = True,
    registration_years: bool = True,
) -> pd.DataFrame:
    """Check a clean registry table against its schema; raise on any failure.

    Args:
        frame: A table produced by :func:`ikm_analysis.clean.pipeline.clean_registry`.
        max_year: Latest acceptable year; the current calendar year when ``None``.
        values: Check every value too. With ``False`` only the table's shape is checked (its
            columns, their order and types): what cleaning does last, having checked every row
            before keeping it (a second pass over ten million rows costs seconds, A30).
        registration_years: Whether the registry has registration years (A37).

    Returns:
        The same table, unchanged.

    Raises:
        DataValidationError: Listing every failing check.

    Example:
        >>> table = pd.DataFrame({"source_row": [1], "owner_nik": ["0011"]})
        >>> validate_clean_registry(table, 2024, values=False)
        Traceback (most recent call last):
        ...
        ikm_analysis.exceptions.DataValidationError: ...
    """
    from pandera.config import ValidationDepth, config_context

    depth = ValidationDepth.SCHEMA_AND_DATA if values else ValidationDepth.SCHEMA_ONLY
    with config_context(validation_depth=depth):
        failures = find_schema_failures(frame, clean_registry_schema(
            MIN_YEAR, max_year, registration_years=registration_years))
    if len(failures):
        raise DataValidationError("clean_registry", failures)
    return frame


def rule_issues(
    typed: pd.DataFrame, issues: CellIssues, min_year: int, max_year: int,
    registration_years: bool = True,
) -> CellIssues:
    """Route rule failures to issues, skipping fields that already failed to parse."""
    failures = find_row_failures(
        typed, clean_registry_schema(min_year, max_year, unique_unit_ids=False,
                                     registration_years=registration_years)
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
