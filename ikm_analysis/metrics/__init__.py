"""The metrics: every number a report shows, computed from the clean table by one function each.

Functions take the clean registry table (``registry.clean``) or the active units of one year
(:func:`active_units`), and return plain values or tables; nothing here reads a file or prints.
A report table shows what one of these functions returns, with small cells hidden
(:mod:`ikm_analysis.report.yearly_tables`).

Which units are active
    :func:`active_units`: the units active at the end of a year (registered by then, not closed).
    :func:`is_active`: the same as a mask. :func:`default_status_year`: the year the registry's
    ``status`` column describes. :func:`active_units_by_year`: how many were active, year by
    year. :func:`flows_by_year`: how many opened and closed.
Breakdowns
    :func:`active_units_by_category`, :func:`active_units_by_kecamatan`: active units per key in
    a year and the year before, with the change. :func:`active_units_by_category_and_kecamatan`:
    the cross table. :func:`active_units_by_year_and`: the units of each key year by year (the
    trend charts). :func:`count_units`: units and shares per key of any column.
Sentra, economy, headline
    :func:`sentra_by_kelurahan`: units, sentra members and whether there is a sentra, per
    kelurahan; :func:`sentra_coverage`: kelurahan with a sentra. :func:`economy_by_category`:
    workers, investment and production per category and in all. :func:`headline_figures`:
    the opening figures of a yearly report.
Concentration
    :func:`concentration_by_kecamatan`: how concentrated each kecamatan is on few categories
    (:func:`herfindahl_by_row`) and which category it specialises in
    (:func:`location_quotients`).
Change and published figures
    :func:`growth`, :func:`growth_between`: change and rates, never infinite.
    :func:`published_figure`, :func:`primary_series`, :func:`published_growth`,
    :func:`published_conflicts`: what the city and province published, every version kept;
    :func:`registry_beside_published`: the registry's value for the same year beside each.
Disclosure control
    :func:`suppress_small_counts`, :func:`suppress_small_cells`: hide cells of 1 or 2 units and
    the cells that would give them away; :func:`disclosed_cells`: the audit.

Example:
    >>> from ikm_analysis.report.inputs import load_report_registry
    >>> clean = load_report_registry(None).clean  # the bundled synthetic sample
    >>> headline_figures(clean, 2024)["active_units"]
    3823
    >>> active_units_by_category(clean, 2024).set_index("category_code").loc["pangan", "units"]
    np.int64(1589)
"""

from ikm_analysis.metrics.activity import (
    active_units,
    active_units_by_year,
    default_status_year,
    flows_by_year,
    is_active,
)
from ikm_analysis.metrics.breakdowns import (
    active_units_by_category,
    active_units_by_category_and_kecamatan,
    active_units_by_kecamatan,
    active_units_by_year_and,
    count_units,
)
from ikm_analysis.metrics.concentration import (
    concentration_by_kecamatan,
    herfindahl_by_row,
    location_quotients,
)
from ikm_analysis.metrics.disclosure import (
    SuppressedTable,
    disclosed_cells,
    suppress_small_cells,
    suppress_small_counts,
)
from ikm_analysis.metrics.economics import economy_by_category
from ikm_analysis.metrics.growth_rates import Growth, growth, growth_between
from ikm_analysis.metrics.headline import headline_figures
from ikm_analysis.metrics.published import (
    primary_series,
    published_conflicts,
    published_figure,
    published_growth,
)
from ikm_analysis.metrics.reconciliation import registry_beside_published
from ikm_analysis.metrics.sentra import sentra_by_kelurahan, sentra_coverage

__all__ = [
    "Growth",
    "SuppressedTable",
    "active_units",
    "active_units_by_category",
    "active_units_by_category_and_kecamatan",
    "active_units_by_kecamatan",
    "active_units_by_year",
    "active_units_by_year_and",
    "concentration_by_kecamatan",
    "count_units",
    "default_status_year",
    "disclosed_cells",
    "economy_by_category",
    "flows_by_year",
    "growth",
    "growth_between",
    "headline_figures",
    "herfindahl_by_row",
    "is_active",
    "location_quotients",
    "primary_series",
    "published_conflicts",
    "published_figure",
    "published_growth",
    "registry_beside_published",
    "sentra_by_kelurahan",
    "sentra_coverage",
    "suppress_small_cells",
    "suppress_small_counts",
]
