"""Read the bundled reference tables (regions, KBLI, categories) as tidy, English-named frames.

The CSV files live in ``data/reference/`` of the repository (a wheel carries them as
``ikm_analysis/reference_data``); their provenance is in ``data/reference/PROVENANCE.md``. Each
loader checks the table's shape (30 kelurahan, 24 KBLI divisions, ...) and raises
:class:`~ikm_analysis.exceptions.ReferenceDataError` if a file was damaged. Every call returns a
fresh frame, so callers may modify what they get.

Kemendagri and BPS region codes are different code systems that collide once dots are stripped;
they are kept in separate, explicitly named columns and never compared.

Example:
    >>> kelurahan = load_kelurahan()
    >>> len(kelurahan), kelurahan["kecamatan"].nunique()
    (30, 5)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ikm_analysis.exceptions import ReferenceDataError

if TYPE_CHECKING:  # pandas is imported where a table is read: finding the folders needs none
    import pandas as pd

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(kind: str) -> Path:
    """Return the folder holding one kind of bundled data (``reference``, ``published``).

    Args:
        kind: The folder's name under ``data/`` of the repository.

    Returns:
        ``ikm_analysis/<kind>_data`` inside an installed wheel, else ``data/<kind>`` of the
        source checkout.

    Raises:
        ReferenceDataError: When neither folder exists.

    Example:
        >>> bundled_dir("published").name
        'published'
    """
    for candidate in (_PACKAGE_DIR / f"{kind}_data", _PACKAGE_DIR.parent / "data" / kind):
        if candidate.is_dir():
            return candidate
    raise ReferenceDataError(
        f"bundled data not found: expected ikm_analysis/{kind}_data or data/{kind}"
    )


def reference_dir() -> Path:
    """Return the folder holding the reference CSV files.

    Returns:
        ``ikm_analysis/reference_data`` inside an installed wheel, else ``data/reference`` of the
        source checkout.

    Raises:
        ReferenceDataError: When neither folder exists.

    Example:
        >>> (reference_dir() / "palangka_raya_wilayah.csv").is_file()
        True
    """
    return bundled_dir("reference")


@cache
def _read(name: str) -> pd.DataFrame:
    path = reference_dir() / name
    if not path.is_file():
        raise ReferenceDataError(f"reference table missing: {path}")
    import pandas as pd

    return pd.read_csv(path, dtype="string", keep_default_na=False, na_values=[""])


def _expect_rows(frame: pd.DataFrame, name: str, count: int) -> pd.DataFrame:
    if len(frame) != count:
        raise ReferenceDataError(f"{name}: expected {count} rows, found {len(frame)}")
    return frame


def load_kelurahan() -> pd.DataFrame:
    """The 30 kelurahan of Kota Palangka Raya with their kecamatan (Kemendagri codes).

    Returns:
        Columns ``kelurahan_code``, ``kelurahan``, ``kecamatan_code``, ``kecamatan``.

    Example:
        >>> load_kelurahan().iloc[0].tolist()
        ['62.71.01.1001', 'Pahandut', '62.71.01', 'Pahandut']
    """
    frame = _read("palangka_raya_wilayah.csv").rename(
        columns={"kode_kelurahan": "kelurahan_code", "kode_kecamatan": "kecamatan_code"}
    )[["kelurahan_code", "kelurahan", "kecamatan_code", "kecamatan"]]
    return _expect_rows(frame, "palangka_raya_wilayah.csv", 30).copy()


def load_kecamatan() -> pd.DataFrame:
    """The 5 kecamatan of Kota Palangka Raya.

    Returns:
        Columns ``kecamatan_code`` (Kemendagri), ``kecamatan``, ``kecamatan_code_bps`` (a different
        code system), ``kelurahan_count``, ``kecamatan_seat``.

    Example:
        >>> load_kecamatan()["kecamatan"].tolist()
        ['Pahandut', 'Bukit Batu', 'Jekan Raya', 'Sabangau', 'Rakumpit']
    """
    frame = _read("palangka_raya_kecamatan.csv").rename(
        columns={
            "kode_kecamatan": "kecamatan_code",
            "kode_kecamatan_bps": "kecamatan_code_bps",
            "jumlah_kelurahan": "kelurahan_count",
            "ibukota_kecamatan": "kecamatan_seat",
        }
    )
    frame["kelurahan_count"] = frame["kelurahan_count"].astype("Int64")
    return _expect_rows(frame, "palangka_raya_kecamatan.csv", 5).copy()


def load_kabupaten_kota() -> pd.DataFrame:
    """The 14 kabupaten/kota of Kalimantan Tengah with both code systems.

    Returns:
        Columns ``kabkota_code_kemendagri`` (``62.06``), ``kabkota_code_bps`` (``6209``),
        ``name``, ``kind`` (Kabupaten/Kota), ``name_kemendagri``, ``name_bps``.

    Example:
        >>> row = load_kabupaten_kota().set_index("name").loc["Katingan"]
        >>> row["kabkota_code_kemendagri"], row["kabkota_code_bps"]
        ('62.06', '6209')
    """
    frame = _read("kalteng_kabupaten_kota.csv").rename(
        columns={
            "kode_kemendagri": "kabkota_code_kemendagri",
            "kode_bps": "kabkota_code_bps",
            "nama": "name",
            "jenis": "kind",
            "nama_kemendagri": "name_kemendagri",
            "nama_bps": "name_bps",
        }
    )[["kabkota_code_kemendagri", "kabkota_code_bps", "name", "kind", "name_kemendagri",
       "name_bps"]]
    return _expect_rows(frame, "kalteng_kabupaten_kota.csv", 14).copy()


def load_kbli_divisions() -> pd.DataFrame:
    """KBLI 2020 divisions 10-33 (section C, industri pengolahan).

    Returns:
        Columns ``kbli_division`` (Int64), ``title_id``, ``title_en``.

    Example:
        >>> load_kbli_divisions().set_index("kbli_division").loc[10, "title_id"]
        'Industri Makanan'
    """
    import pandas as pd

    raw = _read("kbli2020_section_c_divisions.csv")
    frame = pd.DataFrame(
        {
            "kbli_division": raw["kode_golongan_pokok"].astype("Int64"),
            "title_id": raw["judul_kbli2020"],
            "title_en": raw["isic_rev4_title_en"],
        }
    )
    if frame["kbli_division"].tolist() != list(range(10, 34)):
        raise ReferenceDataError("kbli2020_section_c_divisions.csv: expected divisions 10 to 33")
    return frame


def load_product_categories() -> pd.DataFrame:
    """The six product categories of the package's own classification, in display order.

    Returns:
        Columns ``category_code``, ``label_id``, ``label_en``, ``display_order``.

    Example:
        >>> load_product_categories()["category_code"].tolist()
        ['pangan', 'kerajinan', 'kayu', 'sandang', 'logam_mesin_kimia', 'lainnya']
    """
    frame = _read("ikm_product_categories.csv").copy()
    frame["display_order"] = frame["display_order"].astype("Int64")
    return _expect_rows(frame.sort_values("display_order", ignore_index=True),
                        "ikm_product_categories.csv", 6)


def load_kbli_category_map() -> pd.DataFrame:
    """The package's own mapping of every KBLI division 10-33 to one product category.

    Returns:
        Columns ``kbli_division`` (Int64), ``category_code``, ``rationale``.

    Raises:
        ReferenceDataError: If a division is missing or repeated, or a category is unknown.

    Example:
        >>> load_kbli_category_map().set_index("kbli_division").loc[31, "category_code"]
        'kayu'
    """
    frame = _read("kbli_division_to_ikm_category.csv").copy()
    frame["kbli_division"] = frame["kbli_division"].astype("Int64")
    if sorted(frame["kbli_division"].tolist()) != list(range(10, 34)):
        raise ReferenceDataError(
            "kbli_division_to_ikm_category.csv: every division 10-33 must appear exactly once"
        )
    unknown = set(frame["category_code"]) - set(load_product_categories()["category_code"])
    if unknown:
        raise ReferenceDataError(f"kbli_division_to_ikm_category.csv: unknown categories {unknown}")
    return frame


def load_category_aliases() -> pd.DataFrame:
    """Category names as offices write them, mapped to category codes.

    Returns:
        Columns ``alias`` (folded text) and ``category_code``.

    Example:
        >>> load_category_aliases().set_index("alias").loc["mebel", "category_code"]
        'kayu'
    """
    return _read("ikm_category_aliases.csv").copy()


def load_region_aliases() -> pd.DataFrame:
    """Observed variant spellings of region names, with the canonical name and Kemendagri code.

    Returns:
        Columns ``alias``, ``canonical``, ``level`` (kota/kecamatan/kelurahan), ``code``.

    Example:
        >>> aliases = load_region_aliases().set_index("alias")
        >>> aliases.loc["Sebangau", ["canonical", "level"]].tolist()
        ['Sabangau', 'kecamatan']
    """
    return _read("wilayah_aliases.csv").rename(columns={"kode_kemendagri": "code"})[
        ["alias", "canonical", "level", "code"]
    ].copy()
