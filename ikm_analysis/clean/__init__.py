"""Stage 2, cleaning: every cell parsed, placed and checked; every row clean or quarantined.

``registry.process_registry`` is the one call (file -> clean table, quarantine, counts). Its
steps: ``fields`` parses each column (``numbers``, ``years``, ``text``, ``regions``,
``categories``, ``codes``), ``validation`` holds every rule about values (a pandera schema),
``duplicates`` finds repeated units, ``issues`` names each problem, ``quarantine`` shows the
rejected rows as written, ``pipeline`` puts them together; ``options`` are the choices a user can
make.
"""
