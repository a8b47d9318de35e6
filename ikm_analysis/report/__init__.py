"""Stage 4, reporting: what the notebooks show, and the build that runs them.

A report notebook reads its registry (``inputs``), checks its parameters (``parameters``, as
``ikm-report build`` does), calls :mod:`ikm_analysis.metrics` and shows the results through the
table builders (``yearly_tables``, ``quality_tables``, ``published_tables``; ``table`` is the
shared type, ``display`` the formatting), charts and maps (``charts``, ``maps``), prose
(``text``), the provenance block (``provenance``), the key figures (``key_figures``) and the
tables to download as XLSX and CSV (``downloads``).
``build`` runs the notebooks with papermill for the reports listed in ``kinds``, makes each page
one page of the site (``page``, ``site_index``), and ``pdf`` prints each to an A4 PDF with the
print stylesheet ``print.css``.
"""
