"""The headline figures of a yearly report, in one call and as plain JSON-ready values.

A report's opening section and its JSON sidecar show the same few numbers: active units and their
change against the previous year, units that opened and closed, kelurahan reached, sentra
coverage, and the workforce. :func:`headline_figures` computes them from the clean table with the
tested metric functions, so the notebook holds no arithmetic.

Example:
    >>> import pandas as pd
    >>> units = pd.DataFrame({
    ...     "kelurahan_code": ["62.71.03.1002"] * 3,
    ...     "year_registered": pd.array([2019, 2020, 2021], dtype="Int64"),
    ...     "year_closed": pd.array([None, None, None], dtype="Int64"),
    ...     "status": ["aktif"] * 3,
    ...     "is_sentra_member": pd.array([True, False, False], dtype="boolean"),
    ...     "workers_count": pd.array([2, 3, None], dtype="Int64")})
    >>> figures = headline_figures(units, 2021)
    >>> figures["active_units"], figures["change"], figures["change_percent"]
    (3, 1, 50.0)
"""

from __future__ import annotations

import pandas as pd

from ikm_analysis.metrics.activity import flows_by_year, is_active
from ikm_analysis.metrics.growth_rates import growth
from ikm_analysis.metrics.sentra import sentra_by_kelurahan, sentra_coverage


def headline_figures(units: pd.DataFrame, year: int, status_year: int | None = None
                     ) -> dict[str, object]:
    """Headline figures of ``year`` from a clean registry table.

    Args:
        units: The clean registry table (all years).
        year: The report year.
        status_year: Year the ``status`` column describes
            (see :mod:`ikm_analysis.metrics.activity`).

    Returns:
        A dict of plain ``int``/``float``/``str``/``None`` values: ``year``, ``active_units``,
        ``active_units_previous``, ``change``, ``change_percent`` (``None`` with
        ``change_unavailable_reason`` when the previous year had no unit), ``opened``,
        ``closed``, ``kelurahan_with_units``, ``kelurahan_total``, ``kelurahan_with_sentra``,
        ``kelurahan_without_sentra``, ``sentra_share_percent``, ``sentra_members``,
        ``workers_total``, ``workers_reported``.
    """
    flows = flows_by_year(units, [year], status_year).iloc[0]
    change = growth(int(flows["active_previous"]), int(flows["active"]))
    # Only the columns used below are filtered, not every column of the table.
    active = units[["kelurahan_code", "is_sentra_member", "workers_count"]][
        is_active(units, year, status_year)]
    by_kelurahan = sentra_by_kelurahan(active)
    coverage = sentra_coverage(by_kelurahan)
    workers = active["workers_count"]
    return {
        "year": int(year),
        "active_units": int(flows["active"]),
        "active_units_previous": int(flows["active_previous"]),
        "change": int(flows["active"] - flows["active_previous"]),
        "change_percent": change.percent,
        "change_unavailable_reason": change.unavailable_reason,
        "opened": int(flows["opened"]),
        "closed": int(flows["closed"]),
        "kelurahan_with_units": int((by_kelurahan["units"] > 0).sum()),
        "kelurahan_total": coverage.kelurahan_total,
        "kelurahan_with_sentra": coverage.kelurahan_with_sentra,
        "kelurahan_without_sentra": coverage.kelurahan_without_sentra,
        "sentra_share_percent": coverage.share_percent,
        "sentra_members": coverage.members_total,
        "workers_total": int(workers.sum()),
        "workers_reported": int(workers.count()),
    }
