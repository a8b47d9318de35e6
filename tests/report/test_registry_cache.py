"""The registry cache: one read and clean per build, the same registry as a fresh read."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import ikm_analysis.report.inputs as inputs
from ikm_analysis.report import registry_cache
from ikm_analysis.report.inputs import load_report_registry, read_report_registry
from ikm_analysis.report.registry_cache import (
    CACHE_ENV,
    cached_report_registry,
    registry_facts,
    registry_key,
)


@pytest.fixture
def registry_csv(tmp_path):
    path = tmp_path / "ikm.csv"
    path.write_text("ID,Nama Usaha,Kelurahan,KBLI,Tahun,Status\n"
                    "A1,Kue Ibu,Menteng,10792,2021,aktif\n"
                    "A2,Rotan Indah,Tidak Ada,16299,2022,aktif\n"
                    "A3,Batik Benang,Langkai,13134,2019,aktif\n", encoding="utf-8")
    return path


def _forbid_reading(monkeypatch):
    def read(*args, **kwargs):
        raise AssertionError("the file was read again")

    monkeypatch.setattr(inputs, "read_report_registry", read)


def test_a_cached_registry_is_the_registry_a_fresh_read_gives(registry_csv, tmp_path,
                                                               monkeypatch):
    fresh = read_report_registry(registry_csv, 2024)
    cached_report_registry(registry_csv, 2024, folder=tmp_path / "cache")
    _forbid_reading(monkeypatch)
    again = cached_report_registry(registry_csv, 2024, folder=tmp_path / "cache")
    pd.testing.assert_frame_equal(again.clean, fresh.clean)
    pd.testing.assert_frame_equal(again.processed.quarantine, fresh.processed.quarantine)
    assert (again.path, again.export_year, again.status_year, again.row_counts()) == (
        fresh.path, fresh.export_year, fresh.status_year, fresh.row_counts())


def test_the_kernels_find_the_cache_in_the_environment(registry_csv, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    first = load_report_registry(registry_csv, 2024)
    assert len(list((tmp_path / "cache").iterdir())) == 1
    _forbid_reading(monkeypatch)
    assert load_report_registry(registry_csv, 2024).clean.equals(first.clean)


def test_without_a_cache_folder_the_file_is_read_each_time(registry_csv, monkeypatch):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    calls = []
    monkeypatch.setattr(inputs, "read_report_registry",
                        lambda *args: calls.append(args) or "registry")
    load_report_registry(registry_csv, 2024)
    load_report_registry(registry_csv, 2024)
    assert len(calls) == 2


@pytest.mark.parametrize("change", ["export_year", "number_format", "lang", "sheet"])
def test_every_cleaning_option_has_its_own_key(registry_csv, change):
    base = {"export_year": 2024, "number_format": None, "lang": "id", "sheet": None}
    other = base | {change: {"export_year": 2023, "number_format": "id", "lang": "en",
                             "sheet": "IKM"}[change]}
    assert registry_key(registry_csv, **base)[1] != registry_key(registry_csv, **other)[1]


def test_a_changed_file_gets_a_new_entry_and_the_old_one_goes(registry_csv, tmp_path):
    cache = tmp_path / "cache"
    before = cached_report_registry(registry_csv, 2024, folder=cache)
    with registry_csv.open("a", encoding="utf-8") as stream:
        stream.write("A4,Meubel Jaya,Menteng,16101,2020,aktif\n")
    after = cached_report_registry(registry_csv, 2024, folder=cache)
    assert len(after.clean) == len(before.clean) + 1
    entries = [entry.name for entry in cache.iterdir()]
    assert entries == [registry_key(registry_csv, 2024)[1]]


def test_entries_of_other_files_are_kept(registry_csv, tmp_path):
    cache = tmp_path / "cache"
    other = tmp_path / "lain.csv"
    other.write_bytes(registry_csv.read_bytes())
    cached_report_registry(registry_csv, 2024, folder=cache)
    cached_report_registry(other, 2024, folder=cache)
    assert len(list(cache.iterdir())) == 2


def test_facts_are_read_without_the_rows(registry_csv, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    facts = registry_facts(registry_csv, 2024, folder=cache)
    assert (facts.export_year, facts.data_years) == (2024, (2019, 2021))  # no status date
    _forbid_reading(monkeypatch)
    monkeypatch.setattr(registry_cache.pickle, "load", lambda stream: pytest.fail("unpickled"))
    assert registry_facts(registry_csv, 2024, folder=cache) == facts
    entry = cache / registry_key(registry_csv, 2024)[1]
    assert json.loads((entry / "facts.json").read_text())["file"] == str(registry_csv.resolve())


def test_a_damaged_entry_is_read_again_from_the_file(registry_csv, tmp_path, caplog):
    cache = tmp_path / "cache"
    first = cached_report_registry(registry_csv, 2024, folder=cache)
    entry = cache / registry_key(registry_csv, 2024)[1] / "registry.pickle"
    entry.write_bytes(b"not a pickle")
    again = cached_report_registry(registry_csv, 2024, folder=cache)
    assert again.clean.equals(first.clean)
    assert "unreadable" in caplog.text and "ikm.csv" in caplog.text


def test_a_cache_that_cannot_be_written_does_not_stop_the_reading(registry_csv, tmp_path,
                                                                   caplog):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be")
    registry = cached_report_registry(registry_csv, 2024, folder=blocked)
    assert len(registry.clean) == 2
    assert "cannot be written" in caplog.text
