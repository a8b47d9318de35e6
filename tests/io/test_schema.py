import pytest

from ikm_analysis.io.schema import (
    PERSONAL_COLUMNS,
    REGISTRY_COLUMNS,
    REQUIRED_COLUMNS,
    HeaderMatch,
    match_header,
)


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Kelurahan", "kelurahan"),
        ("Kel.", "kelurahan"),
        ("KEL", "kelurahan"),
        ("Kel/Desa", "kelurahan"),
        ("Desa / Kelurahan", "kelurahan"),
        ("Kec.", "kecamatan"),
        ("  kecamatan  ", "kecamatan"),
        ("Jml. TK", "workers_count"),
        ("Jumlah Tenaga Kerja (orang)", "workers_count"),
        ("TK", "workers_count"),
        ("Thn Daftar", "year_registered"),
        ("Tgl. Daftar", "year_registered"),
        ("No. Reg", "unit_id"),
        ("NIB", "unit_id"),
        ("No. KTP", "owner_nik"),
        ("No. HP/WA", "phone"),
        ("Kode KBLI", "kbli_code"),
        ("Jenis Produk", "category"),
        ("Anggota Sentra", "sentra_member"),
        ("unit_id", "unit_id"),
    ],
)
def test_header_variants_map_to_one_canonical_column(header, column):
    assert match_header(header) == HeaderMatch(column, 1.0)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Nilai Investasi (Rp)", HeaderMatch("investment_rp", 1.0)),
        ("Nilai Investasi (Rp 000)", HeaderMatch("investment_rp", 1e3)),
        ("Nilai Produksi (Ribu Rp)", HeaderMatch("production_value_rp", 1e3)),
        ("Nilai Produksi (Juta Rupiah)", HeaderMatch("production_value_rp", 1e6)),
    ],
)
def test_money_headers_carry_their_unit(header, expected):
    assert match_header(header) == expected


@pytest.mark.parametrize("header", ["No", "Nomor urut", "Keterangan", "", "Tenaga Kerja (ribu)"])
def test_unknown_headers_are_not_matched(header):
    assert match_header(header) is None


def test_schema_marks_personal_and_required_columns():
    assert set(PERSONAL_COLUMNS) == {"owner_name", "owner_nik", "phone", "address"}
    # a unit key, the status and the registration years are assumed when absent (A35-A37)
    assert set(REQUIRED_COLUMNS) == {"business_name", "kelurahan"}
    assert len({c.name for c in REGISTRY_COLUMNS}) == len(REGISTRY_COLUMNS)
