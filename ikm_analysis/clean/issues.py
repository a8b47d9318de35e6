"""What can be wrong with a registry row, as stable reason codes with Indonesian and English text.

Parsers and checks report problems as :class:`CellIssues`: one row per problem, naming the row
(the source row number), the canonical field and a reason code. :func:`describe_reason` turns a
code into the sentence the quarantine file shows.

Example:
    >>> issues = CellIssues.empty().add(pd.Series([True, False], index=[7, 8]), "status",
    ...                                 "unknown_status")
    >>> issues.frame.values.tolist()
    [[7, 'status', 'unknown_status', '']]
    >>> describe_reason("unknown_status", "", lang="en")
    "unknown status (use 'aktif' or 'tidak aktif')"
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from ikm_analysis.i18n import catalogue, check_lang, text

if TYPE_CHECKING:
    from ikm_analysis.io.raw import RawRegistry

#: Every reason a row can be quarantined for. The sentence for each is ``reason_<code>`` in the
#: catalogues of :mod:`ikm_analysis.i18n`, where ``{detail}`` is filled in from the issue.
REASON_CODES: tuple[str, ...] = (
    "missing_value", "invalid_number", "not_integer", "negative_value", "invalid_year",
    "year_out_of_range", "closed_before_registered", "active_but_closed", "unknown_kelurahan",
    "unknown_kecamatan", "kelurahan_not_in_kecamatan", "invalid_kbli", "kbli_not_manufacturing",
    "unknown_category", "missing_kbli_and_category", "unknown_status", "unknown_yes_no",
    "duplicate_unit_id", "duplicate_unit_key", "duplicate_row", "total_row",
    "unclosed_quote", "unreadable_line", "cell_error", "formula_without_value",
    "columns_disagree", "amount_out_of_range",
)
#: Kept for code that looks reason codes up by membership.
REASONS = frozenset(REASON_CODES)


def describe_reason(reason_code: str, detail: str = "", lang: str = "id") -> str:
    """The sentence for a reason code in the report language.

    Args:
        reason_code: One of :data:`REASON_CODES`.
        detail: Extra text from the issue (a row number, a suggested name, ...).
        lang: ``"id"`` or ``"en"``.

    Returns:
        The message.

    Example:
        >>> describe_reason("unknown_kelurahan", "Kalampangan")
        "kelurahan tidak dikenal di Kota Palangka Raya (mungkin maksudnya 'Kalampangan'?)"
    """
    if not detail and f"reason_{reason_code}_short" in catalogue(check_lang(lang)):
        return text(f"reason_{reason_code}_short", lang)  # no "... on row" with no row
    hint = text("reason_suggestion", lang, detail=detail) if detail else ""
    return text(f"reason_{reason_code}", lang, detail=detail, detail_suggestion=hint)


ISSUE_COLUMNS = ("row", "column", "reason_code", "detail")


@dataclass(frozen=True)
class _Part:
    """Issues of one :meth:`CellIssues.add`: the rows, and one field and reason for all."""

    rows: list[object]
    column: str
    reason_code: str
    details: list[str]


def _issue_frame(rows: list[object], columns: list[str], reasons: list[str],
                 details: list[str]) -> pd.DataFrame:
    if not rows:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in ISSUE_COLUMNS})
    return pd.DataFrame({"row": rows, "column": columns, "reason_code": reasons,
                         "detail": details})


@dataclass(frozen=True)
class CellIssues:
    """An immutable list of problems: ``row``, ``column``, ``reason_code`` and ``detail``.

    ``column`` is the canonical field, or ``""`` for a problem with the whole row. A list is
    built by :meth:`add` and :meth:`extend`, which keep their parts; :attr:`frame` joins them
    into one table the first time it is asked for.
    """

    parts: tuple[_Part | pd.DataFrame, ...] = ()

    @classmethod
    def empty(cls) -> CellIssues:
        """A list with no problems."""
        return cls()

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> CellIssues:
        """A list holding the issues of a table with the columns of :data:`ISSUE_COLUMNS`."""
        return cls((frame[list(ISSUE_COLUMNS)],) if len(frame) else ())

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The issues as one table, in the order they were added."""
        if len(self.parts) == 1 and isinstance(self.parts[0], pd.DataFrame):
            return self.parts[0].reset_index(drop=True)
        rows: list[object] = []
        columns: list[str] = []
        reasons: list[str] = []
        details: list[str] = []
        for part in self.parts:
            if isinstance(part, pd.DataFrame):
                rows += part["row"].tolist()
                columns += part["column"].tolist()
                reasons += part["reason_code"].tolist()
                details += part["detail"].tolist()
            else:
                rows += part.rows
                columns += [part.column] * len(part.rows)
                reasons += [part.reason_code] * len(part.rows)
                details += part.details
        return _issue_frame(rows, columns, reasons, details)

    def add(
        self,
        mask: pd.Series,
        column: str,
        reason_code: str,
        detail: pd.Series | str | None = None,
    ) -> CellIssues:
        """Return a new list with one issue for each row where ``mask`` is true.

        Args:
            mask: Boolean series; its index labels name the rows.
            column: Canonical field, or ``""`` for the whole row.
            reason_code: A key of :data:`REASONS`.
            detail: Text per row (a series aligned with ``mask``) or the same text for all.

        Returns:
            The extended list.
        """
        if reason_code not in REASONS:
            raise KeyError(f"unknown reason code {reason_code!r}")
        rows = mask.index[mask.to_numpy(dtype=bool, na_value=False)]
        if len(rows) == 0:
            return self
        if isinstance(detail, pd.Series):
            details = ["" if pd.isna(value) else str(value)
                       for value in detail.reindex(rows).astype(object)]
        else:
            details = [detail or ""] * len(rows)
        return CellIssues((*self.parts, _Part(rows.tolist(), column, reason_code, details)))

    def extend(self, other: CellIssues) -> CellIssues:
        """Return a new list holding the issues of both lists."""
        return CellIssues((*self.parts, *other.parts)) if other.parts else self

    @property
    def rows(self) -> pd.Index:
        """The distinct row labels that have at least one issue."""
        return pd.Index(self.frame["row"].unique())


#: A missing derived value is only news when the fields it is derived from had no problem.
_DERIVED_FROM: dict[str, tuple[str, ...]] = {
    "kelurahan": ("kelurahan",),
    "kecamatan": ("kelurahan", "kecamatan"),
    "category": ("category", "kbli_code"),
}


#: Reasons found while reading a cell, before any parsing.
_READ_REASONS = frozenset({"cell_error", "formula_without_value"})


def tidy_issues(issues: CellIssues, total_rows: tuple[int, ...]) -> CellIssues:
    """Drop consequential noise from the issue list.

    A total row is reported only as a total row, a record cut short by an unclosed quote only
    as that, an error cell only as an error (not also as an empty value), and an empty derived
    field (kelurahan code, category) is not reported again when a field it is derived from
    already has an issue.
    """
    frame = issues.frame
    if frame.empty:
        return issues
    is_total_row = frame["row"].isin(total_rows) & (frame["reason_code"] != "total_row")
    cut_rows = frame.loc[frame["reason_code"] == "unclosed_quote", "row"]
    is_total_row |= frame["row"].isin(cut_rows) & (frame["reason_code"] != "unclosed_quote")
    reasons: dict[tuple[object, str], set[str]] = {}
    for row, field, reason in zip(frame["row"], frame["column"], frame["reason_code"], strict=True):
        reasons.setdefault((row, field), set()).add(reason)

    def is_echo(row: object, field: str, reason: str) -> bool:
        if reason not in _READ_REASONS and reasons.get((row, field), set()) & _READ_REASONS:
            return True  # the cell held an error: not also empty, unknown or invalid
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
    return CellIssues.from_frame(kept.drop_duplicates(["row", "column", "reason_code"],
                                                      ignore_index=True))


def read_issues(raw: RawRegistry) -> CellIssues:
    """The problems found while reading records (an unclosed quote, an error cell) as issues."""
    issues = CellIssues.empty()
    for issue in raw.read_issues:
        mask = pd.Series([True], index=pd.Index([issue.record]))
        issues = issues.add(mask, issue.field, issue.reason_code, detail=issue.detail)
    return issues
