"""Speed internals, behind one seam: what only makes the domain code faster.

Domain modules call these by name (``map_distinct``, ``second_core``, ``count_covering``...);
each gives what a plain pandas or Python formulation gives, property-tested against it in
``tests/_fast/`` and the tests of the module that uses it. Nothing here decides what a number
means: a reader following a figure never needs to open this package.

``arrow_text``, ``arrow_numbers``: whole-column text cleaning and number parsing in Arrow.
``distinct``: work once per distinct value or combination. ``repeats``, ``fingerprints``:
repeated values by sorting. ``codes``: counting categorical codes. ``spans``: activity counts
for many years at once. ``threads``: a second core. ``parquet_cells``: personal columns left in
the file. ``allocator``: memory-allocator settings for national-scale runs.
"""
