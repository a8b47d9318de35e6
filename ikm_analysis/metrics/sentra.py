"""Coverage of the integrated IKM centres (*sentra IKM terpadu*) over the 30 kelurahan.

The city counts one sentra per kelurahan (23 of 30 in its 2022 statement). From a registry, a
kelurahan has a sentra when the office's list says so (``sentra_kelurahan_codes``) or, without
such a list, when at least one of its units is a sentra member.

Example:
    >>> coverage = SentraCoverage(kelurahan_total=30, kelurahan_with_sentra=23)
    >>> coverage.kelurahan_without_sentra, round(coverage.share_percent, 1)
    (7, 76.7)
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import pandas as pd

from ikm_analysis.reference import load_kelurahan


@dataclass(frozen=True)
class SentraCoverage:
    """How many kelurahan have a sentra, and how many members the sentra have.

    Attributes:
        kelurahan_total: Kelurahan counted.
        kelurahan_with_sentra: Kelurahan with a sentra.
        members_total: Sentra member units (``None`` for published counts without members).
        members_median: Median members per sentra (``None`` without members or sentra).
    """

    kelurahan_total: int
    kelurahan_with_sentra: int
    members_total: int | None = None
    members_median: float | None = None

    def __post_init__(self) -> None:
        """Reject impossible counts."""
        if not 0 <= self.kelurahan_with_sentra <= self.kelurahan_total:
            raise ValueError(f"{self.kelurahan_with_sentra} kelurahan with a sentra out of "
                             f"{self.kelurahan_total} is impossible")

    @property
    def kelurahan_without_sentra(self) -> int:
        """Kelurahan without a sentra."""
        return self.kelurahan_total - self.kelurahan_with_sentra

    @property
    def share_percent(self) -> float | None:
        """Percentage of kelurahan with a sentra; ``None`` when there is no kelurahan."""
        if self.kelurahan_total == 0:
            return None
        return self.kelurahan_with_sentra / self.kelurahan_total * 100

    @property
    def members_per_sentra(self) -> float | None:
        """Mean members per sentra; ``None`` without members or without sentra."""
        if self.members_total is None or self.kelurahan_with_sentra == 0:
            return None
        return self.members_total / self.kelurahan_with_sentra


def sentra_by_kelurahan(
    units: pd.DataFrame,
    sentra_kelurahan_codes: Collection[str] | None = None,
    kelurahan: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Units, sentra members and whether there is a sentra, for every kelurahan.

    Args:
        units: A units table with ``kelurahan_code`` and ``is_sentra_member`` (e.g. the active
            units of a year).
        sentra_kelurahan_codes: Kelurahan the office lists as having a sentra; when ``None``, a
            kelurahan has one if any of its units is a member.
        kelurahan: The kelurahan to list; the 30 of Kota Palangka Raya by default.

    Returns:
        Columns ``kelurahan_code``, ``kelurahan``, ``kecamatan_code``, ``kecamatan``, ``units``,
        ``sentra_members`` (int64) and ``has_sentra`` (bool), in reference order.

    Raises:
        ValueError: A listed sentra kelurahan is not a known kelurahan.

    Example:
        >>> import pandas as pd
        >>> units = pd.DataFrame({"kelurahan_code": ["62.71.01.1001", "62.71.01.1001"],
        ...                       "is_sentra_member": pd.array([True, False], dtype="boolean")})
        >>> table = sentra_by_kelurahan(units)
        >>> table.loc[0, ["units", "sentra_members"]].tolist(), bool(table.loc[0, "has_sentra"])
        ([2, 1], True)
        >>> int(table["has_sentra"].sum())
        1
    """
    table = (load_kelurahan() if kelurahan is None else kelurahan).copy()
    codes = table["kelurahan_code"]
    member = units["is_sentra_member"].fillna(False).astype(bool)
    table["units"] = units["kelurahan_code"].value_counts().reindex(codes, fill_value=0).to_numpy()
    table["sentra_members"] = (units.loc[member, "kelurahan_code"].value_counts()
                               .reindex(codes, fill_value=0).to_numpy())
    table[["units", "sentra_members"]] = table[["units", "sentra_members"]].astype("int64")
    if sentra_kelurahan_codes is None:
        table["has_sentra"] = table["sentra_members"] > 0
    else:
        unknown = set(sentra_kelurahan_codes) - set(codes)
        if unknown:
            raise ValueError(f"sentra listed for unknown kelurahan codes {sorted(unknown)}")
        table["has_sentra"] = codes.isin(list(sentra_kelurahan_codes)).to_numpy()
    return table.reset_index(drop=True)


def sentra_coverage(by_kelurahan: pd.DataFrame) -> SentraCoverage:
    """Summarise a :func:`sentra_by_kelurahan` table.

    Members are counted in kelurahan that have a sentra only.

    Args:
        by_kelurahan: The per-kelurahan table.

    Returns:
        The coverage with member counts.

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame({"has_sentra": [True, True, False],
        ...                       "sentra_members": [4, 10, 0]})
        >>> coverage = sentra_coverage(table)
        >>> coverage.kelurahan_with_sentra, coverage.members_per_sentra, coverage.members_median
        (2, 7.0, 7.0)
    """
    with_sentra = by_kelurahan[by_kelurahan["has_sentra"]]
    members = with_sentra["sentra_members"]
    return SentraCoverage(
        kelurahan_total=len(by_kelurahan),
        kelurahan_with_sentra=len(with_sentra),
        members_total=int(members.sum()),
        members_median=float(members.median()) if len(members) else None,
    )
