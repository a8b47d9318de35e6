import pandas as pd

from ikm_analysis.reference import (
    load_category_aliases,
    load_kabupaten_kota,
    load_kbli_category_map,
    load_kbli_divisions,
    load_kecamatan,
    load_kelurahan,
    load_product_categories,
    load_region_aliases,
    reference_dir,
)


def test_palangka_raya_has_30_kelurahan_in_5_kecamatan():
    kelurahan = load_kelurahan()
    assert len(kelurahan) == 30
    assert kelurahan["kelurahan_code"].is_unique
    counts = kelurahan.groupby("kecamatan", sort=False).size().to_dict()
    assert counts == {"Pahandut": 6, "Bukit Batu": 7, "Jekan Raya": 4, "Sabangau": 6,
                      "Rakumpit": 7}
    assert all(kel.startswith(kec + ".") for kel, kec in
               zip(kelurahan["kelurahan_code"], kelurahan["kecamatan_code"], strict=True))


def test_kecamatan_counts_agree_with_the_kelurahan_table():
    kecamatan = load_kecamatan().set_index("kecamatan")["kelurahan_count"]
    assert kecamatan.to_dict() == load_kelurahan().groupby("kecamatan").size().to_dict()


def test_kalimantan_tengah_keeps_both_code_systems():
    kabkota = load_kabupaten_kota()
    assert len(kabkota) == 14
    assert (kabkota["kind"] == "Kota").sum() == 1
    differing = kabkota["kabkota_code_kemendagri"].str.replace(".", "", regex=False) != (
        kabkota["kabkota_code_bps"]
    )
    assert differing.sum() == 8  # never compare the two systems


def test_every_kbli_division_maps_to_exactly_one_known_category():
    divisions = load_kbli_divisions()["kbli_division"].tolist()
    mapping = load_kbli_category_map()
    assert divisions == list(range(10, 34))
    assert sorted(mapping["kbli_division"].tolist()) == divisions
    assert set(mapping["category_code"]) == set(load_product_categories()["category_code"])


def test_six_product_categories_in_display_order():
    categories = load_product_categories()
    assert categories["category_code"].tolist() == [
        "pangan", "kerajinan", "kayu", "sandang", "logam_mesin_kimia", "lainnya",
    ]
    assert categories["label_id"].str.contains("batik benang bintik").any()


def test_aliases_point_at_real_codes_and_categories():
    kelurahan = load_kelurahan()
    codes = set(kelurahan["kelurahan_code"]) | set(kelurahan["kecamatan_code"]) | {"62.71"}
    assert set(load_region_aliases()["code"]) <= codes
    known = set(load_product_categories()["category_code"])
    assert set(load_category_aliases()["category_code"]) <= known


def test_loaders_return_fresh_copies():
    first = load_kelurahan()
    first.loc[0, "kelurahan"] = "Diubah"
    assert load_kelurahan().loc[0, "kelurahan"] == "Pahandut"


def test_provenance_and_licence_travel_with_the_data():
    folder = reference_dir()
    assert (folder / "PROVENANCE.md").is_file()
    assert (folder / "geo" / "LICENSE-cahyadsn-wilayah_boundaries.txt").is_file()
    geo = pd.read_json(folder / "geo" / "palangkaraya_kelurahan.geojson")
    assert len(geo["features"]) == 30
