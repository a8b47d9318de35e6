"""Small vocabularies of registry cells: status words and yes/no words, folded.

Lookup values with a published source (regions, KBLI, categories) are tables in
``data/reference/`` read by :mod:`ikm_analysis.reference`; the words below are how offices fill
in two columns and have no source beyond practice. A word not listed is an error, not a guess.

Example:
    >>> STATUS_WORDS["non aktif"], YES_NO_WORDS["ya"]
    ('tidak_aktif', True)
"""

from __future__ import annotations

#: Canonical status values of the clean table.
STATUS_VALUES: tuple[str, ...] = ("aktif", "tidak_aktif")

#: Folded status word -> canonical status.
STATUS_WORDS: dict[str, str] = {
    "aktif": "aktif",
    "a": "aktif",
    "masih aktif": "aktif",
    "beroperasi": "aktif",
    "masih beroperasi": "aktif",
    "berjalan": "aktif",
    "active": "aktif",
    "tidak aktif": "tidak_aktif",
    "tdk aktif": "tidak_aktif",
    "non aktif": "tidak_aktif",
    "nonaktif": "tidak_aktif",
    "ta": "tidak_aktif",
    "tutup": "tidak_aktif",
    "sudah tutup": "tidak_aktif",
    "berhenti": "tidak_aktif",
    "tidak beroperasi": "tidak_aktif",
    "inactive": "tidak_aktif",
    "closed": "tidak_aktif",
}

#: Folded yes/no word -> boolean (sentra membership).
YES_NO_WORDS: dict[str, bool] = {
    "ya": True,
    "y": True,
    "yes": True,
    "iya": True,
    "anggota": True,
    "1": True,
    "true": True,
    "tidak": False,
    "t": False,
    "tdk": False,
    "no": False,
    "n": False,
    "bukan": False,
    "bukan anggota": False,
    "0": False,
    "false": False,
}
