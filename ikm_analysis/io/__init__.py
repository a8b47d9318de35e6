"""Stage 1, reading: registry files as offices export them, and writing tables safely.

``read.read_registry`` opens a CSV, XLSX or Parquet export (``csv_file``, ``excel_file``,
``parquet_file``), finds the header row (``headers``) and maps its headers onto the canonical
columns (``schema``), returning the rows as written (``raw.RawRegistry``); no value is parsed
here. ``write.write_table`` writes a table atomically, CSV cells defused against formulas.
"""
