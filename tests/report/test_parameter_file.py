"""Build files (``ikm-report build -f``): what they may set, and the errors naming file and key."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from ikm_analysis.exceptions import ReportParameterError
from ikm_analysis.report.parameter_file import BUILD_KEYS, read_build_file


def _write(tmp_path, text, name="laporan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_set_with_paths_from_the_files_folder(tmp_path):
    path = _write(tmp_path, "registry: ekspor/ikm.xlsx\nyears: [2023, 2024]\n"
                            "first-year: 2020\nout: ../situs\nforce: true\n")
    [settings] = read_build_file(path)
    assert settings == {"registry": tmp_path / "ekspor/ikm.xlsx", "year": [2023, 2024],
                        "first_year": 2020, "out": tmp_path / "../situs", "force": True}


def test_builds_take_the_top_level_values_and_change_some(tmp_path):
    path = _write(tmp_path, "all: true\nlang: id\noffice: Dinas\n"
                            "builds:\n  - {}\n  - lang: en\n    reports: tahunan\n")
    sets = read_build_file(path)
    assert sets == [{"all": True, "lang": "id", "office": "Dinas"},
                    {"all": True, "lang": "en", "office": "Dinas", "reports": ["tahunan"]}]


def test_an_empty_file_sets_nothing(tmp_path):
    assert read_build_file(_write(tmp_path, "# nothing yet\n")) == [{}]


@pytest.mark.parametrize(("text", "words"), [
    ("yaer: 2024\n", ["laporan.yaml", "yaer", "first-year"]),
    ("year: dua ribu\n", ["laporan.yaml", "'dua ribu'", "year"]),
    ("min-cell: true\n", ["laporan.yaml", "True", "min-cell"]),
    ("year: [2024, x]\n", ["laporan.yaml", "year"]),
    ("lang: id\n  office: [\n", ["laporan.yaml", "baris 2"]),
    ("- 2024\n", ["laporan.yaml", "top"]),
    ("builds: []\n", ["laporan.yaml", "builds"]),
    ("builds:\n  - 2024\n", ["laporan.yaml", "builds[1]"]),
])
def test_mistakes_are_named_with_the_file_and_the_key(tmp_path, text, words):
    with pytest.raises(ReportParameterError) as raised:
        read_build_file(_write(tmp_path, text))
    message = raised.value.message("id")
    assert all(word in message for word in words), message


def test_a_missing_file_is_a_parameter_error(tmp_path):
    with pytest.raises(ReportParameterError) as raised:
        read_build_file(tmp_path / "tidak-ada.yaml")
    assert "tidak-ada.yaml: berkas parameter tidak dapat dibaca" in raised.value.message("id")


_VALUES = {"year": st.lists(st.integers(1990, 2100), min_size=1, max_size=3),
           "all": st.booleans(), "first_year": st.integers(1990, 2100),
           "export_year": st.integers(1990, 2100), "lang": st.sampled_from(["id", "en"]),
           "number_format": st.sampled_from(["auto", "id", "en"]),
           "office": st.text(min_size=1, max_size=20), "min_cell": st.integers(1, 10),
           "reports": st.lists(st.sampled_from(["tahunan", "kualitas_data"]), min_size=1),
           "jobs": st.integers(1, 4), "time_limit": st.floats(1, 1e4), "force": st.booleans()}


@given(st.fixed_dictionaries({}, optional=_VALUES), st.booleans())
def test_any_valid_settings_read_back_as_written(tmp_path_factory, settings, dashes):
    assert set(_VALUES) | {"registry", "out"} == set(BUILD_KEYS)
    folder = tmp_path_factory.mktemp("file")
    written = {(key.replace("_", "-") if dashes else key): value
               for key, value in settings.items()}
    path = _write(folder, yaml.safe_dump(written, allow_unicode=True))
    assert read_build_file(path) == [settings]
