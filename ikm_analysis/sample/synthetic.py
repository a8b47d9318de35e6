"""A synthetic IKM registry of Kota Palangka Raya, calibrated to the published figures.

Unit-level registries are not public. This module generates a **synthetic** one (DATA SINTETIS)
so that every command runs out of the box; real users point the same commands at their own
export. The same seed always gives the same registry, bit for bit.

Calibration targets (published; see ``data/published/``): about 4,133 units ever registered,
more than 3,800 active in 2024, all 30 kelurahan present, an integrated IKM centre (sentra) in
exactly 23 kelurahan, all six product categories present, report years 2020-2024. Everything
else (category mix, spread over the kecamatan, sizes, money values, closures) is an assumption,
listed in ``data/sample/README.md``; none of it is a published figure.

Identities are fake and cannot collide with real ones: owner names are built from syllables,
NIKs start with ``00`` (no province has that code), telephone numbers with ``+62 000`` (no such
prefix), addresses are on ``Jl. Sintetis``, and registration numbers start with ``SIN``.

Example:
    >>> registry = generate_sample_registry(SampleSpec.scaled(300))
    >>> len(registry), registry["Catatan"].unique().tolist()
    (300, ['DATA SINTETIS'])
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ikm_analysis.reference import load_kelurahan, load_product_categories
from ikm_analysis.sample.files import SAMPLE_EXPORT_YEAR

SYNTHETIC_LABEL = "DATA SINTETIS"

#: Headers of the generated export, as an office would write them.
SAMPLE_HEADERS: dict[str, str] = {
    "unit_id": "No. Registrasi",
    "business_name": "Nama Usaha",
    "owner_name": "Nama Pemilik",
    "owner_nik": "NIK",
    "phone": "No. HP",
    "address": "Alamat",
    "kelurahan": "Kelurahan",
    "kecamatan": "Kecamatan",
    "kbli_code": "Kode KBLI",
    "category": "Kategori Produk",
    "year_registered": "Tahun Terdaftar",
    "year_closed": "Tahun Tutup",
    "status": "Status",
    "workers_count": "Jumlah Tenaga Kerja",
    "investment_rp": "Nilai Investasi (Rp)",
    "production_value_rp": "Nilai Produksi per Tahun (Rp)",
    "sentra_member": "Anggota Sentra",
    "note": "Catatan",
}

#: Assumed category mix (not published).
CATEGORY_WEIGHTS: dict[str, float] = {
    "pangan": 0.42, "kerajinan": 0.17, "kayu": 0.13, "sandang": 0.13,
    "logam_mesin_kimia": 0.09, "lainnya": 0.06,
}

#: Category as the sample's office writes it (each is in ``ikm_category_aliases.csv``).
CATEGORY_WORDING: dict[str, str] = {
    "pangan": "Makanan dan Minuman", "kerajinan": "Kerajinan", "kayu": "Olahan Kayu",
    "sandang": "Sandang dan Batik Benang Bintik",
    "logam_mesin_kimia": "Logam, Mesin, Kimia, Elektronika dan Alat Angkut",
    "lainnya": "Lainnya",
}

#: KBLI codes drawn per category: five digits inside the category's divisions. Only the
#: division is used by the package; class-level meanings were not checked.
KBLI_POOLS: dict[str, tuple[str, ...]] = {
    "pangan": ("10710", "10750", "10792", "10799", "11040"),
    "kerajinan": ("32111", "32901", "32909"),
    "kayu": ("16101", "16220", "31001"),
    "sandang": ("13134", "13921", "14111", "14120"),
    "logam_mesin_kimia": ("20232", "25111", "25999", "28250", "33120"),
    "lainnya": ("17099", "18111", "23931"),
}

#: Share of crafts recorded under a rattan KBLI code (division 16): kept, flagged as a mismatch.
RATTAN_CRAFT_SHARE = 0.05
RATTAN_KBLI = "16299"

_NAME_WORDS: dict[str, tuple[str, ...]] = {
    "pangan": ("Kue", "Keripik", "Amplang", "Kerupuk", "Dodol", "Roti", "Sambal", "Minuman"),
    "kerajinan": ("Anyaman", "Manik", "Kerajinan", "Souvenir", "Tas Purun"),
    "kayu": ("Mebel", "Furnitur", "Ukiran", "Kusen"),
    "sandang": ("Batik Benang Bintik", "Konveksi", "Jahit", "Bordir"),
    "logam_mesin_kimia": ("Las", "Bengkel Las", "Sabun", "Teralis", "Pandai Besi"),
    "lainnya": ("Percetakan", "Gerabah", "Sablon", "Bata"),
}
_BRAND_WORDS = ("Sinar", "Jaya", "Maju", "Berkah", "Mandiri", "Lestari", "Sejahtera", "Makmur",
                "Indah", "Abadi", "Bersama", "Harapan", "Karya", "Sentosa", "Mulia", "Barokah")
_SYLLABLES = ("ra", "ha", "ni", "to", "bu", "sa", "li", "me", "ka", "du", "ri", "na", "wi", "yo",
              "ta", "ru", "se", "ma", "di", "lo", "ga", "pu", "ne", "ju")

#: Kecamatan weights: their share of residents (Dukcapil 2015, the only kecamatan-level figure).
KECAMATAN_WEIGHTS: dict[str, float] = {
    "62.71.01": 81156, "62.71.02": 11577, "62.71.03": 141353, "62.71.04": 16763,
    "62.71.05": 2531,
}


@dataclass(frozen=True)
class SampleSpec:
    """What the synthetic registry is calibrated to.

    Attributes:
        seed: Seed of the random generator; the same seed gives the same registry.
        units: Units ever registered (published: 4,133 industry business units).
        registrations: Units registered in each year 2020-2024; the rest registered 2005-2019.
        closed_units: Units closed with a known closing year (before 2025).
        closed_year_unknown: Units marked inactive without a closing year.
        sentra_kelurahan: Kelurahan with a sentra (published: 23 of 30).
        min_per_kelurahan: Units placed in every kelurahan before the rest is spread.
        first_year: First year units were registered.
        last_year: The year the export describes.
    """

    seed: int = 20241231
    units: int = 4133
    registrations: dict[int, int] = field(default_factory=lambda: {
        2020: 160, 2021: 175, 2022: 185, 2023: 150, 2024: 140})
    closed_units: int = 300
    closed_year_unknown: int = 10
    sentra_kelurahan: int = 23
    min_per_kelurahan: int = 10
    first_year: int = 2005
    last_year: int = SAMPLE_EXPORT_YEAR

    @classmethod
    def scaled(cls, units: int, seed: int = 20241231) -> SampleSpec:
        """The bundled sample's proportions at another size (for tests and benchmarks).

        Args:
            units: Units ever registered.
            seed: Seed of the generator.

        Returns:
            A spec with registrations and closures scaled by ``units / 4133``.

        Example:
            >>> SampleSpec.scaled(41330).registrations[2020], SampleSpec.scaled(41330).closed_units
            (1600, 3000)
        """
        base = cls()
        factor = units / base.units
        return cls(
            seed=seed, units=units,
            registrations={y: round(n * factor) for y, n in base.registrations.items()},
            closed_units=round(base.closed_units * factor),
            closed_year_unknown=max(1, round(base.closed_year_unknown * factor)),
            min_per_kelurahan=max(1, min(base.min_per_kelurahan, units // 90)),
        )


def _kelurahan_counts(rng: np.random.Generator, spec: SampleSpec,
                      kelurahan: pd.DataFrame) -> np.ndarray:
    weights = kelurahan["kecamatan_code"].map(KECAMATAN_WEIGHTS).to_numpy(dtype=float)
    within = rng.dirichlet(np.full(len(kelurahan), 2.0))
    by_kecamatan = pd.Series(within).groupby(kelurahan["kecamatan_code"].to_numpy()).transform(
        "sum").to_numpy()
    probabilities = weights / weights.sum() * within / by_kecamatan
    rest = spec.units - spec.min_per_kelurahan * len(kelurahan)
    if rest < 0 or sum(spec.registrations.values()) > spec.units:
        raise ValueError(f"{spec.units} units cannot meet the minimum per kelurahan and the "
                         "yearly registrations; use SampleSpec.scaled(units)")
    return spec.min_per_kelurahan + rng.multinomial(rest, probabilities / probabilities.sum())


def _registration_years(rng: np.random.Generator, spec: SampleSpec) -> np.ndarray:
    recent = sum(spec.registrations.values())
    early_years = np.arange(spec.first_year, min(spec.registrations))
    weights = np.arange(1, len(early_years) + 1, dtype=float)
    early = rng.multinomial(spec.units - recent, weights / weights.sum())
    years = np.concatenate([np.repeat(early_years, early),
                            *[np.full(n, year) for year, n in sorted(spec.registrations.items())]])
    return rng.permutation(years)


def _closures(rng: np.random.Generator, spec: SampleSpec, registered: np.ndarray
              ) -> tuple[np.ndarray, np.ndarray]:
    """Closing years (0 = open) and which units are inactive without a closing year."""
    n = len(registered)
    closed = np.zeros(n, dtype=np.int64)
    chosen = rng.choice(n, spec.closed_units, replace=False)
    earliest = np.maximum(registered[chosen], min(spec.registrations) - 4)
    closed[chosen] = rng.integers(earliest, spec.last_year + 1)
    open_units = np.flatnonzero((closed == 0) & (registered <= spec.last_year - 2))
    unknown = np.zeros(n, dtype=bool)
    unknown[rng.choice(open_units, spec.closed_year_unknown, replace=False)] = True
    return closed, unknown


def _sentra_members(rng: np.random.Generator, spec: SampleSpec, kelurahan_index: np.ndarray,
                    long_lived: np.ndarray, n_kelurahan: int) -> np.ndarray:
    with_sentra = np.sort(rng.choice(n_kelurahan, spec.sentra_kelurahan, replace=False))
    in_sentra_area = np.isin(kelurahan_index, with_sentra)
    member = in_sentra_area & (rng.random(len(kelurahan_index)) < 0.3)
    for k in with_sentra:  # at least three members active in every report year
        steady = np.flatnonzero((kelurahan_index == k) & long_lived)
        member[rng.choice(steady, min(3, len(steady)), replace=False)] = True
    return member


def _sizes(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    brackets = [(1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, 19), (20, 49)]
    chosen = rng.choice(len(brackets), n, p=[0.25, 0.25, 0.17, 0.11, 0.14, 0.06, 0.02])
    low = np.array([b[0] for b in brackets])[chosen]
    high = np.array([b[1] for b in brackets])[chosen]
    workers = rng.integers(low, high + 1)
    investment = 5e6 * workers ** 1.2 * rng.lognormal(0, 0.8, n)
    production = investment * rng.lognormal(1.0, 0.5, n)
    round_to = 100_000
    return (workers, np.maximum(np.round(investment / round_to), 1) * round_to,
            np.maximum(np.round(production / round_to), 1) * round_to)


def _fake_names(rng: np.random.Generator, n: int, vocabulary_size: int = 3000) -> pd.Series:
    """``n`` two-word names from a vocabulary of words made of syllables (no real list used)."""
    lengths = rng.integers(2, 4, vocabulary_size)
    syllables = rng.choice(_SYLLABLES, (vocabulary_size, 3))
    vocabulary = np.array(["".join(row[:k]).capitalize()
                           for row, k in zip(syllables, lengths, strict=True)])
    first = vocabulary[rng.integers(0, vocabulary_size, n)]
    last = vocabulary[rng.integers(0, vocabulary_size, n)]
    return pd.Series(first, dtype="string") + " " + pd.Series(last, dtype="string")


def _per_category(rng: np.random.Generator, category: np.ndarray,
                  pools: dict[str, tuple[str, ...]]) -> pd.Series:
    """For each unit, a value drawn from its category's pool."""
    drawn = np.empty(len(category), dtype=object)
    for code, pool in pools.items():
        in_category = category == code
        drawn[in_category] = rng.choice(pool, int(in_category.sum()))
    return pd.Series(drawn, dtype="string")


def _digits(rng: np.random.Generator, n: int, width: int) -> pd.Series:
    return pd.Series(rng.integers(0, 10**width, n)).astype("string").str.zfill(width)


def generate_sample_registry(spec: SampleSpec | None = None) -> pd.DataFrame:
    """Generate the synthetic registry export (personal-data columns included, all fake).

    Args:
        spec: Calibration; :class:`SampleSpec` defaults reproduce the bundled sample.

    Returns:
        One row per unit, columns named as in :data:`SAMPLE_HEADERS` (Indonesian office
        headers), sorted by registration year and number. Every row is valid.

    Raises:
        ValueError: A spec that cannot be met (e.g. fewer units than the kelurahan minimum).
    """
    spec = spec or SampleSpec()
    rng = np.random.default_rng(spec.seed)
    kelurahan = load_kelurahan()
    kelurahan_index = np.repeat(np.arange(len(kelurahan)),
                                _kelurahan_counts(rng, spec, kelurahan))
    n = spec.units
    codes = list(CATEGORY_WEIGHTS)
    category = np.array(codes)[rng.choice(len(codes), n, p=list(CATEGORY_WEIGHTS.values()))]
    category[rng.permutation(n)[: len(codes)]] = codes  # every category present
    registered = _registration_years(rng, spec)
    closed, unknown_closure = _closures(rng, spec, registered)
    long_lived = (registered < min(spec.registrations)) & (closed == 0) & ~unknown_closure
    member = _sentra_members(rng, spec, kelurahan_index, long_lived, len(kelurahan))
    workers, investment, production = _sizes(rng, n)
    kbli = _per_category(rng, category, KBLI_POOLS)
    rattan = (category == "kerajinan") & (rng.random(n) < RATTAN_CRAFT_SHARE)
    kbli[rattan] = RATTAN_KBLI
    frame = pd.DataFrame({
        "kelurahan": kelurahan["kelurahan"].to_numpy()[kelurahan_index],
        "kecamatan": kelurahan["kecamatan"].to_numpy()[kelurahan_index],
        "kbli_code": kbli,
        "category": pd.Series(category).map(CATEGORY_WORDING).astype("string"),
        "year_registered": pd.array(registered, dtype="Int64"),
        "year_closed": pd.array(closed, dtype="Int64"),
        "status": np.where((closed > 0) | unknown_closure, "Tidak Aktif", "Aktif"),
        "workers_count": pd.array(workers, dtype="Int64"),
        "investment_rp": pd.array(investment, dtype="Int64"),
        "production_value_rp": pd.array(production, dtype="Int64"),
        "sentra_member": np.where(member, "Ya", "Tidak"),
    })
    frame.loc[closed == 0, "year_closed"] = pd.NA
    frame.loc[rng.random(n) < 0.12, "investment_rp"] = pd.NA
    frame.loc[rng.random(n) < 0.18, "production_value_rp"] = pd.NA
    frame.loc[rng.random(n) < 0.03, "workers_count"] = pd.NA
    trade = _per_category(rng, category, _NAME_WORDS)  # "Kue ...", "Mebel ..."
    brand = pd.Series(rng.choice(_BRAND_WORDS, n), dtype="string")
    frame["business_name"] = (trade + " " + brand + " "
                              + _fake_names(rng, n).str.split(" ").str[0])
    frame["owner_name"] = _fake_names(rng, n)
    frame["owner_nik"] = "00" + _digits(rng, n, 14)
    frame["phone"] = "+62 000 " + _digits(rng, n, 8)
    frame["address"] = ("Jl. Sintetis " + pd.Series(rng.integers(1, 60, n)).astype("string")
                        + " No. " + pd.Series(rng.integers(1, 200, n)).astype("string"))
    frame["note"] = SYNTHETIC_LABEL
    frame = frame.sort_values(["year_registered", "kelurahan"], kind="stable", ignore_index=True)
    sequence = frame.groupby("year_registered").cumcount() + 1
    frame["unit_id"] = ("SIN-" + frame["year_registered"].astype("string") + "-"
                        + sequence.astype("string").str.zfill(4))
    return frame[list(SAMPLE_HEADERS)].rename(columns=SAMPLE_HEADERS)


def category_wording_codes() -> dict[str, str]:
    """Map each category wording the sample uses back to its code (for tests and docs).

    Example:
        >>> category_wording_codes()["Olahan Kayu"]
        'kayu'
    """
    known = set(load_product_categories()["category_code"])
    return {wording: code for code, wording in CATEGORY_WORDING.items() if code in known}
