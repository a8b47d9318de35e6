from pathlib import Path

import pandas as pd
import pytest
from conftest import MESSY_PERSONAL_VALUES

from ikm_analysis.cli import main

GOOD_CSV = "ID,Nama Usaha,Kelurahan,KBLI,Tahun,Status\nA1,Kue,Menteng,10792,2021,aktif\n"


def test_clean_file_exits_0(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ikm.csv").write_text(GOOD_CSV, encoding="utf-8")
    assert main(["validate", "ikm.csv", "--max-year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "Baris dibaca              : 1" in out
    assert "Baris dikarantina         : 0" in out
    assert (tmp_path / "ikm_karantina.csv").is_file()  # written even when empty


def test_quarantined_rows_exit_1_and_files_are_written(messy_xlsx, tmp_path, capsys):
    quarantine, clean = tmp_path / "q.csv", tmp_path / "c.parquet"
    code = main(["validate", str(messy_xlsx), "--max-year", "2024", "--quarantine-file",
                 str(quarantine), "--clean-file", str(clean), "--lang", "en"])
    assert code == 1
    out = capsys.readouterr().out
    assert "Rows read                 : 16" in out
    assert "Rows clean                : 5" in out
    assert "Rows quarantined          : 11" in out
    table = pd.read_csv(quarantine, encoding="utf-8-sig", dtype=str)
    assert table["source_row"].nunique() == 11
    clean_table = pd.read_parquet(clean)
    assert len(clean_table) == 5
    for value in MESSY_PERSONAL_VALUES:
        assert value not in clean_table.astype(str).to_csv()


def test_unreadable_file_exits_2_without_traceback(tmp_path, capsys):
    (tmp_path / "ikm.csv").write_text("ID,Nama Usaha,Status\nA1,Kue,aktif\n", encoding="utf-8")
    assert main(["validate", str(tmp_path / "ikm.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Galat: ikm.csv: kolom yang wajib ada tidak ditemukan: Kelurahan")
    assert "'Nama Usaha'" in err and "Traceback" not in err
    assert main(["validate", str(tmp_path / "ikm.csv"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("Error: ikm.csv: required columns not found")


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "none.xlsx")]) == 2
    assert "berkas tidak ditemukan" in capsys.readouterr().err


def test_quarantine_goes_beside_the_input_and_never_onto_it(tmp_path, messy_xlsx, capsys):
    assert main(["validate", str(messy_xlsx), "--max-year", "2024"]) == 1
    assert (messy_xlsx.parent / f"{messy_xlsx.stem}_karantina.csv").is_file()
    before = messy_xlsx.read_bytes()
    for option in ("--clean-file", "--quarantine-file"):
        assert main(["validate", str(messy_xlsx), option, str(messy_xlsx)]) == 2
        assert f"{option} menunjuk berkas masukan itu sendiri" in capsys.readouterr().err
    assert messy_xlsx.read_bytes() == before


def test_an_error_inside_the_program_exits_3_with_a_log_and_no_traceback(tmp_path, capsys,
                                                                         monkeypatch):
    import ikm_analysis.clean.registry as registry

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(registry, "process_registry", broken)
    (tmp_path / "ikm.csv").write_text("ID,Nama Usaha,Kel.,KBLI\nA1,Kue,Menteng,10792\n")
    assert main(["validate", str(tmp_path / "ikm.csv")]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "kesalahan di dalam program" in err
    log = err.split(" ke ")[1].split(";")[0].strip()
    assert "ZeroDivisionError: a bug" in Path(log).read_text()


def test_outputs_are_byte_identical_across_runs(messy_xlsx, tmp_path):
    outputs = []
    for run in ("a", "b"):
        quarantine, clean = tmp_path / f"q_{run}.csv", tmp_path / f"c_{run}.csv"
        main(["validate", str(messy_xlsx), "--max-year", "2024", "--quarantine-file",
              str(quarantine), "--clean-file", str(clean)])
        outputs.append((quarantine.read_bytes(), clean.read_bytes()))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count(b"\n") == 12  # header + one line per problem


def test_sample_command_writes_both_files(tmp_path, capsys):
    assert main(["sample", "--out", str(tmp_path), "--seed", "5"]) == 0
    output = capsys.readouterr().out
    assert "4133 units (DATA SINTETIS)" in output and "51 to be quarantined" in output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "registri_ikm_sintetis.parquet", "registri_ikm_sintetis_berantakan.xlsx"]


@pytest.mark.parametrize(("arguments", "message"), [
    pytest.param(["--all", "--jobs", "-3"], "--jobs harus bilangan bulat 1 atau lebih", id="jobs"),
    pytest.param(["--year", "2024", "--first-year", "2020"], "--first-year hanya berlaku",
                 id="first-year-without-all"),
    pytest.param(["--all", "--first-year", "2030"], "tidak ada tahun laporan dari 2030",
                 id="first-year-after-the-data"),
    pytest.param(["--year", "2024", "--office", ""], "--office harus teks", id="office"),
    pytest.param(["--all", "--time-limit", "0"], "--time-limit harus lebih dari 0",
                 id="time-limit"),
    pytest.param([], "sebutkan --year TAHUN atau --all", id="neither-year-nor-all"),
])
def test_build_requests_that_make_no_sense_exit_2_before_any_kernel(tmp_path, capsys,
                                                                    monkeypatch, arguments,
                                                                    message):
    import ikm_analysis.report.build as build

    monkeypatch.setattr(build, "build_reports", lambda *a, **k: pytest.fail("a kernel ran"))
    assert main(["build", *arguments, "--out", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err


def test_build_year_builds_that_year_only_into_the_folder_given(tmp_path, capsys, monkeypatch):
    import ikm_analysis.report.build as build

    planned = []
    monkeypatch.setattr(build, "build_reports",
                        lambda jobs, **options: planned.extend(jobs) or [])
    assert main(["build", "--year", "2024", "--lang", "en", "--out", str(tmp_path)]) == 0
    assert [(job.kind, job.folder) for job in planned] == [("tahunan", tmp_path / "2024")]
    planned.clear()
    assert main(["build", "--year", "2024", "--reports", "tahunan", "kualitas_data",
                 "--out", str(tmp_path)]) == 0
    assert [job.kind for job in planned] == ["tahunan", "kualitas_data"]


def test_build_reads_a_parameter_file_and_the_command_line_wins(tmp_path, capsys, monkeypatch):
    import ikm_analysis.report.build as build

    runs = []
    monkeypatch.setattr(build, "build_reports",
                        lambda jobs, **options: runs.append((jobs, options)) or [])
    settings = tmp_path / "laporan.yaml"
    settings.write_text("year: [2023]\nmin-cell: 5\nout: situs\ntime-limit: 60\n"
                        "builds:\n  - lang: id\n  - lang: en\n", encoding="utf-8")
    cache = tmp_path / "cache"
    assert main(["build", "-f", str(settings), "--cache", str(cache)]) == 0
    assert [[(job.label, job.folder, job.parameters["min_cell"]) for job in jobs]
            for jobs, _ in runs] == [[("2023", tmp_path / "situs" / "2023", 5)],
                                     [("en/2023", tmp_path / "situs" / "2023", 5)]]
    assert [options["time_limit"] for _, options in runs] == [60.0, 60.0]
    assert runs[0][1]["cache_dir"] == cache
    runs.clear()
    assert main(["build", "-f", str(settings), "--year", "2024", "--min-cell", "3",
                 "--cache", str(cache)]) == 0
    assert [[(job.label, job.parameters["min_cell"]) for job in jobs] for jobs, _ in runs] == [
        [("2024", 3)], [("en/2024", 3)]]


def test_build_names_the_parameter_file_and_key_it_cannot_use(tmp_path, capsys):
    settings = tmp_path / "laporan.yaml"
    settings.write_text("all: true\nyaer: 2024\n", encoding="utf-8")
    assert main(["build", "-f", str(settings), "--out", str(tmp_path)]) == 2
    assert "laporan.yaml: kunci yaer tidak dikenal" in capsys.readouterr().err


def test_a_parameter_file_of_several_sets_writes_every_index_after_the_last(tmp_path,
                                                                         monkeypatch):
    import ikm_analysis.report.build as build

    monkeypatch.setattr(build, "build_reports", lambda jobs, **options: [])
    written = []
    monkeypatch.setattr(build, "write_index",
                        lambda out, lang: written.append((Path(out).name, lang)) or out)
    settings = tmp_path / "laporan.yaml"
    settings.write_text("year: 2024\nbuilds:\n  - {lang: id, out: situs}\n"
                        "  - {lang: en, out: situs/en}\n", encoding="utf-8")
    assert main(["build", "-f", str(settings), "--cache", str(tmp_path / "cache")]) == 0
    assert written == [("situs", "id"), ("en", "en"), ("situs", "id"), ("en", "en")]
