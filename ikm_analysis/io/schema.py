"""The canonical registry schema and the header variants offices use for each column.

A registry export may call the kelurahan column ``Kelurahan``, ``Kel.``, ``Desa/Kel`` or ``KEL``;
:func:`match_header` maps every such variant onto one canonical name. Headers are folded
(:func:`ikm_analysis.folding.fold_text`) and common abbreviations expanded (``jml`` -> ``jumlah``,
``tk`` -> ``tenaga kerja``, ``kel`` -> ``kelurahan``) before lookup. Money headers may state a unit,
``Nilai Investasi (Rp 000)`` or ``(juta Rp)``; the match then carries the scale to apply.

What does not belong here: reading files (:mod:`ikm_analysis.io.read`) and parsing cell values
(:mod:`ikm_analysis.clean.pipeline`).

Example:
    >>> match_header("Jml. TK")
    HeaderMatch(column='workers_count', scale=1.0, rank=1)
    >>> match_header("Nilai Investasi (Rp 000)")
    HeaderMatch(column='investment_rp', scale=1000.0, rank=1)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ikm_analysis.folding import fold_text


@dataclass(frozen=True)
class RegistryColumn:
    """One column of the canonical registry schema.

    Attributes:
        name: Canonical snake_case name.
        description: What the column holds, for documentation and error hints.
        aliases: Header variants, as people write them; folded and expanded before lookup.
        is_required: The file must have this column.
        is_personal: Personal data: kept out of every output except the quarantine file.
        is_money: Rupiah amount; its header may state a unit (``Rp 000``, ``juta``).
        is_coded: Values come from a short list (30 kelurahan, a few status words) and repeat
            over every row; a Parquet file's text column of this kind is read as categorical.
    """

    name: str
    description: str
    aliases: tuple[str, ...]
    is_required: bool = False
    is_personal: bool = False
    is_money: bool = False
    is_coded: bool = False


REGISTRY_COLUMNS: tuple[RegistryColumn, ...] = (
    RegistryColumn(
        "unit_id",
        "identifier of the business unit in the registry (registration number, NIB)",
        ("ID", "ID Unit", "ID Usaha", "ID IKM", "ID UMKM", "Kode Unit", "Kode Usaha", "Kode IKM",
         "No. Registrasi", "No. Reg", "Nomor Registrasi", "Nomor Induk", "NIB",
         "Nomor Induk Berusaha", "No. IKM", "No. ID", "No. Izin", "No. IUI", "No. TDI"),
    ),
    RegistryColumn(
        "business_name",
        "name of the business",
        ("Nama Usaha", "Nama Perusahaan", "Nama IKM", "Nama UMKM", "Nama Unit Usaha",
         "Nama Industri", "Perusahaan", "Usaha", "Nama Badan Usaha", "Nama Merek"),
        is_required=True,
    ),
    RegistryColumn(
        "owner_name",
        "owner's name (personal data)",
        ("Nama Pemilik", "Pemilik", "Nama Pengusaha", "Pengusaha", "Nama Pelaku Usaha",
         "Pelaku Usaha", "Penanggung Jawab", "Nama Penanggung Jawab"),
        is_personal=True,
    ),
    RegistryColumn(
        "owner_nik",
        "owner's NIK, the national identity number (personal data)",
        ("NIK", "NIK Pemilik", "No. KTP", "KTP", "No. NIK", "Nomor Induk Kependudukan"),
        is_personal=True,
    ),
    RegistryColumn(
        "phone",
        "telephone or WhatsApp number (personal data)",
        ("HP", "No. HP", "Telepon", "Telp", "No. Telp", "No. Telepon", "Telp/HP", "No. Telp/HP",
         "WA", "No. WA", "WhatsApp", "No. WhatsApp", "HP/WA", "No. HP/WA", "Kontak", "No. Kontak"),
        is_personal=True,
    ),
    RegistryColumn(
        "address",
        "street address (personal data)",
        ("Alamat", "Alamat Usaha", "Alamat Lengkap", "Alamat Pemilik", "Jalan"),
        is_personal=True,
    ),
    RegistryColumn(
        "kelurahan",
        "kelurahan of the business (one of the 30 in Kota Palangka Raya)",
        ("Kelurahan", "Kel.", "Desa", "Kel/Desa", "Desa/Kel", "Kelurahan/Desa", "Desa/Kelurahan",
         "Nama Kelurahan", "Lokasi Kelurahan"),
        is_required=True,
        is_coded=True,
    ),
    RegistryColumn(
        "kecamatan",
        "kecamatan of the business (derived from the kelurahan when absent)",
        ("Kecamatan", "Kec.", "Nama Kecamatan"),
        is_coded=True,
    ),
    RegistryColumn(
        "kbli_code",
        "KBLI 2020 code, 2 to 5 digits, section C (divisions 10-33)",
        ("KBLI", "Kode KBLI", "KBLI 2020", "Kode KBLI 2020", "No. KBLI"),
        is_coded=True,
    ),
    RegistryColumn(
        "category",
        "product category as the office names it (food, crafts, wood, clothing, ...)",
        ("Kategori", "Kategori Produk", "Kategori Usaha", "Kategori IKM", "Jenis Produk",
         "Kelompok", "Kelompok Produk", "Kelompok Industri", "Cabang Industri", "Jenis Industri",
         "Sektor", "Sektor Industri", "Komoditi", "Komoditas", "Produk", "Jenis Usaha",
         "Produk Utama", "Komoditi Produk"),
        is_coded=True,
    ),
    RegistryColumn(
        "year_registered",
        "year the unit was registered (a date is accepted; its year is used)",
        ("Tahun", "Tahun Terdaftar", "Tahun Daftar", "Tahun Registrasi", "Tahun Pendaftaran",
         "Tahun Berdiri", "Tahun Izin", "Tgl. Daftar", "Tanggal Daftar", "Tanggal Terdaftar",
         "Tanggal Registrasi", "Tanggal Pendaftaran", "Tanggal Izin"),
    ),
    RegistryColumn(
        "year_closed",
        "year the unit stopped operating, if it did",
        ("Tahun Tutup", "Tahun Berhenti", "Tahun Tidak Aktif", "Tahun Non Aktif", "Tanggal Tutup"),
    ),
    RegistryColumn(
        "status",
        "whether the unit is active (aktif) or not (tidak aktif, tutup)",
        ("Status", "Status Usaha", "Status Aktif", "Status Keaktifan", "Keaktifan"),
        is_coded=True,
    ),
    RegistryColumn(
        "workers_count",
        "number of workers (tenaga kerja)",
        ("TK", "Jml. TK", "Jumlah TK", "Tenaga Kerja", "Jumlah Tenaga Kerja", "Jumlah Pekerja",
         "Pekerja", "Jumlah Karyawan", "Karyawan"),
    ),
    RegistryColumn(
        "investment_rp",
        "investment value in rupiah (nilai investasi)",
        ("Investasi", "Nilai Investasi", "Jumlah Investasi"),
        is_money=True,
    ),
    RegistryColumn(
        "production_value_rp",
        "yearly production value in rupiah (nilai produksi)",
        ("Nilai Produksi", "Produksi", "Nilai Produksi per Tahun", "Nilai Produksi Pertahun",
         "Nilai Produksi Setahun", "Jumlah Nilai Produksi", "Nilai Produksi Tahunan"),
        is_money=True,
    ),
    RegistryColumn(
        "sentra_member",
        "whether the unit belongs to a sentra IKM (ya/tidak)",
        ("Sentra", "Anggota Sentra", "Sentra IKM", "Keanggotaan Sentra", "Anggota Sentra IKM",
         "Ikut Sentra", "Sentra (Ya/Tidak)"),
        is_coded=True,
    ),
)

COLUMNS_BY_NAME: dict[str, RegistryColumn] = {column.name: column for column in REGISTRY_COLUMNS}
PERSONAL_COLUMNS: tuple[str, ...] = tuple(c.name for c in REGISTRY_COLUMNS if c.is_personal)
REQUIRED_COLUMNS: tuple[str, ...] = tuple(c.name for c in REGISTRY_COLUMNS if c.is_required)
CODED_COLUMNS: tuple[str, ...] = tuple(c.name for c in REGISTRY_COLUMNS if c.is_coded)
#: Columns a report can do without, with what the package assumes when a file lacks them
#: (A35, A36 in docs/aqa/assumptions_caveats.md): a unit key is derived from what the file has;
#: a listed unit is active; without registration years only the export year can be reported.
OPTIONAL_WITH_ASSUMPTION: tuple[str, ...] = ("unit_id", "status", "year_registered")
#: At least one column of each group must be present.
REQUIRED_ONE_OF: tuple[tuple[str, ...], ...] = (("kbli_code", "category"),)

ABBREVIATIONS: dict[str, str] = {
    "jml": "jumlah",
    "jmlh": "jumlah",
    "tk": "tenaga kerja",
    "kel": "kelurahan",
    "kec": "kecamatan",
    "ds": "desa",
    "thn": "tahun",
    "th": "tahun",
    "tgl": "tanggal",
    "no": "nomor",
    "nmr": "nomor",
    "telp": "telepon",
    "tlp": "telepon",
}

#: Unit words a money header may carry, with the factor they imply.
_MONEY_SCALES: dict[str, float] = {"000": 1e3, "ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6}
_UNIT_WORDS: frozenset[str] = frozenset({"rp", "idr", "rupiah", "orang", "org"})


@dataclass(frozen=True)
class HeaderMatch:
    """A header recognised as a canonical column, with the factor its stated unit implies.

    Attributes:
        column: The canonical column.
        scale: Factor the header's unit implies (``Rp 000`` -> 1000).
        rank: Place of the matched name in the column's list of headers (lower is preferred).
    """

    column: str
    scale: float = 1.0
    rank: int = field(default=0, compare=False)


def normalise_header(text: object) -> str:
    """Fold a header and expand abbreviations, the form aliases are compared in.

    Args:
        text: The header cell as written.

    Returns:
        Lower-case words separated by single spaces.

    Example:
        >>> normalise_header("Jml. T.K")
        'jumlah t k'
        >>> normalise_header("Kel./Desa")
        'kelurahan desa'
    """
    return " ".join(ABBREVIATIONS.get(word, word) for word in fold_text(text).split())


_ALIAS_LOOKUP: dict[str, str] = {}
#: Folded alias -> its place in its column's list: of two columns meaning the same, the one
#: whose header comes first in the list is read (``Alamat Usaha`` before ``Alamat Pemilik``).
_ALIAS_RANK: dict[str, int] = {}
for _column in REGISTRY_COLUMNS:
    for _rank, _alias in enumerate((*_column.aliases, _column.name.replace("_", " "))):
        _key = normalise_header(_alias)
        if _ALIAS_LOOKUP.setdefault(_key, _column.name) != _column.name:  # pragma: no cover
            raise RuntimeError(f"header alias {_alias!r} is given for two columns")
        _ALIAS_RANK.setdefault(_key, _rank)


def match_header(text: object) -> HeaderMatch | None:
    """Recognise a header cell as a canonical column.

    Args:
        text: The header cell as written.

    Returns:
        The canonical column and the scale its unit words imply, or ``None`` when unknown.

    Example:
        >>> match_header("KEL.").column, match_header("Nomor urut") is None
        ('kelurahan', True)
    """
    words = normalise_header(text).split()
    scale = 1.0
    kept: list[str] = []
    for word in words:
        if word in _MONEY_SCALES:
            scale *= _MONEY_SCALES[word]
        elif word not in _UNIT_WORDS:
            kept.append(word)
    key = " ".join(kept)
    column = _ALIAS_LOOKUP.get(key)
    if column is None:
        return None
    if scale != 1.0 and not COLUMNS_BY_NAME[column].is_money:
        return None  # "Tenaga Kerja (ribu)" is not a layout this package understands
    return HeaderMatch(column, scale, _ALIAS_RANK[key])


def accepted_headers(column: str) -> str:
    """List the header names accepted for a column, for error messages.

    Args:
        column: Canonical column name.

    Returns:
        The aliases joined with commas.

    Example:
        >>> accepted_headers("kecamatan")
        'Kecamatan, Kec., Nama Kecamatan'
    """
    return ", ".join(COLUMNS_BY_NAME[column].aliases)
