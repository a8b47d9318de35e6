"""Canonicalise kelurahan and kecamatan names of Kota Palangka Raya; never guess unknown names.

A name matches when, after folding (case, punctuation, spacing) and dropping a leading
administrative prefix (``Kel.``, ``Kelurahan``, ``Desa``, ``Kec.``, ``Kecamatan``), it equals a
canonical Kemendagri name or a recorded alias (``Sebangau`` -> ``Sabangau``, ``Kelampangan`` ->
``Kalampangan``). Anything else is reported as unknown, with the closest canonical name offered
as a suggestion in the message only.

Example:
    >>> matched = canonicalize_regions(pd.Series(["Kel. Kelampangan", "Menteng"]),
    ...                                pd.Series(["Sebangau", None]))
    >>> matched.regions[["kelurahan", "kecamatan"]].values.tolist()
    [['Kalampangan', 'Sabangau'], ['Menteng', 'Jekan Raya']]
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache, partial

import pandas as pd

from ikm_analysis._fast.distinct import DistinctRows, map_distinct
from ikm_analysis.clean.issues import CellIssues
from ikm_analysis.exceptions import ReferenceDataError
from ikm_analysis.folding import fold_text
from ikm_analysis.reference import load_kelurahan, load_region_aliases

_PREFIXES: dict[str, tuple[str, ...]] = {
    "kelurahan": ("kelurahan ", "kel ", "desa ", "ds "),
    "kecamatan": ("kecamatan ", "kec "),
}


def fold_region_name(text: object, level: str) -> str:
    """Fold a region name and drop a leading administrative prefix of its level.

    Args:
        text: The name as written.
        level: ``"kelurahan"`` or ``"kecamatan"``.

    Returns:
        The folded name.

    Example:
        >>> fold_region_name("KEL. Sei  Gohong", "kelurahan")
        'sei gohong'
    """
    folded = fold_text(text)
    for prefix in _PREFIXES[level]:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


def region_lookup(level: str, extra_aliases: pd.DataFrame | None = None) -> dict[str, str]:
    """Map every accepted folded spelling of a level's names to its Kemendagri code.

    Args:
        level: ``"kelurahan"`` or ``"kecamatan"``.
        extra_aliases: Optional user aliases with columns ``alias``, ``level`` and ``code``.

    Returns:
        Folded name -> Kemendagri code (a new dict; the bundled spellings are folded once).

    Raises:
        ReferenceDataError: When one spelling would point at two different places.

    Example:
        >>> region_lookup("kecamatan")["sebangau"]
        '62.71.04'
    """
    if extra_aliases is None:
        return dict(_bundled_lookup(level))
    return _lookup(level, extra_aliases)


@cache
def _bundled_lookup(level: str) -> dict[str, str]:
    return _lookup(level, None)


def _lookup(level: str, extra_aliases: pd.DataFrame | None) -> dict[str, str]:
    wilayah = load_kelurahan()
    if level == "kelurahan":
        names = dict(zip(wilayah["kelurahan"], wilayah["kelurahan_code"], strict=True))
    elif level == "kecamatan":
        names = dict(zip(wilayah["kecamatan"], wilayah["kecamatan_code"], strict=True))
    else:
        raise ValueError(f"unknown level {level!r}")
    aliases = load_region_aliases()
    if extra_aliases is not None:
        aliases = pd.concat([aliases, extra_aliases[["alias", "level", "code"]]], ignore_index=True)
    aliases = aliases[aliases["level"] == level]
    lookup: dict[str, str] = {}
    for name, code in [*names.items(), *zip(aliases["alias"], aliases["code"], strict=True)]:
        key = fold_region_name(name, level)
        if lookup.setdefault(key, code) != code:
            raise ReferenceDataError(
                f"{level} spelling {name!r} points at {lookup[key]} and {code}"
            )
    return lookup


def _fold_names(names: pd.Series, level: str) -> pd.Series:
    return map_distinct(names, partial(fold_region_name, level=level), missing="", dtype="string")


@dataclass(frozen=True)
class RegionMatch:
    """Result of :func:`canonicalize_regions`, aligned with the input.

    Attributes:
        regions: ``kelurahan_code``, ``kelurahan``, ``kecamatan_code``, ``kecamatan``
            (categorical); missing where the row could not be placed.
        issues: One row per problem (unknown name, kelurahan outside the stated kecamatan).
    """

    regions: pd.DataFrame
    issues: CellIssues


def _suggestions(names: pd.Series, level: str) -> pd.Series:
    """The closest canonical name of the level for each name (``""`` when none is close)."""
    canonical = load_kelurahan()[level].drop_duplicates().tolist()
    by_folded = {fold_text(name): name for name in canonical}

    def suggest(name: object) -> str:
        close = difflib.get_close_matches(fold_text(name), list(by_folded), n=1, cutoff=0.75)
        return by_folded[close[0]] if close else ""

    return map_distinct(names, suggest, missing="", dtype="string")


def canonicalize_regions(
    kelurahan: pd.Series,
    kecamatan: pd.Series | None = None,
    extra_aliases: pd.DataFrame | None = None,
) -> RegionMatch:
    """Resolve kelurahan (and, if given, kecamatan) names to canonical names and codes.

    The kecamatan is derived from the kelurahan; a stated kecamatan must agree with it. A row whose
    kelurahan is empty or unknown is not placed and gets an issue.

    Args:
        kelurahan: Kelurahan names as written.
        kecamatan: Kecamatan names as written, or ``None`` when the file has no such column.
        extra_aliases: Optional user aliases (columns ``alias``, ``level``, ``code``).

    Returns:
        The canonical regions and the issues found.

    Example:
        >>> match = canonicalize_regions(pd.Series(["Menteng", "Kalampangn"]))
        >>> match.regions["kelurahan"].tolist(), match.issues.frame["reason_code"].tolist()
        (['Menteng', <NA>], ['unknown_kelurahan'])
    """
    if kecamatan is not None:
        kecamatan = kecamatan.reindex(kelurahan.index)
    pairs = DistinctRows([kelurahan] if kecamatan is None else [kelurahan, kecamatan])
    if pairs.all_distinct:
        return _canonicalize_rows(kelurahan, kecamatan, extra_aliases)
    # A registry repeats 30 kelurahan over every row: resolve each distinct pair once, spread back.
    match = _canonicalize_rows(kelurahan.iloc[pairs.first],
                               None if kecamatan is None else kecamatan.iloc[pairs.first],
                               extra_aliases)
    issues = pairs.spread_long(match.issues.frame, "row", kelurahan.index[pairs.first],
                               kelurahan.index, group_by=["column", "reason_code"])
    return RegionMatch(pairs.spread(match.regions, kelurahan.index), CellIssues.from_frame(issues))


def _canonicalize_rows(
    kelurahan: pd.Series,
    kecamatan: pd.Series | None,
    extra_aliases: pd.DataFrame | None,
) -> RegionMatch:
    """:func:`canonicalize_regions` row by row (vectorised over rows, no sharing)."""
    wilayah = load_kelurahan().set_index("kelurahan_code")
    issues = CellIssues.empty()

    kel_folded = _fold_names(kelurahan, "kelurahan")
    kel_code = kel_folded.map(region_lookup("kelurahan", extra_aliases)).astype("string")
    issues = issues.add(kel_folded == "", "kelurahan", "missing_value")
    unknown = (kel_folded != "") & kel_code.isna()
    issues = issues.add(
        unknown, "kelurahan", "unknown_kelurahan",
        detail=_suggestions(kelurahan[unknown], "kelurahan"),
    )

    placed = wilayah.reindex(kel_code.fillna("").to_numpy())
    regions = pd.DataFrame(
        {
            "kelurahan_code": kel_code,
            "kelurahan": placed["kelurahan"].to_numpy(),
            "kecamatan_code": placed["kecamatan_code"].to_numpy(),
            "kecamatan": placed["kecamatan"].to_numpy(),
        },
        index=kelurahan.index,
    ).astype("string")

    if kecamatan is not None:
        kec_folded = _fold_names(kecamatan, "kecamatan")
        kec_code = kec_folded.map(region_lookup("kecamatan", extra_aliases)).astype("string")
        unknown_kec = (kec_folded != "") & kec_code.isna()
        issues = issues.add(
            unknown_kec, "kecamatan", "unknown_kecamatan",
            detail=_suggestions(kecamatan[unknown_kec], "kecamatan"),
        )
        conflict = kec_code.notna() & regions["kecamatan_code"].notna() & (
            kec_code != regions["kecamatan_code"]
        )
        issues = issues.add(
            conflict.fillna(False), "kecamatan", "kelurahan_not_in_kecamatan",
            detail=regions["kelurahan"] + " (Kec. " + regions["kecamatan"] + ")",
        )
    # Categorical, as in the clean table: 30 names repeated over millions of rows.
    return RegionMatch(regions.astype("category"), issues)
