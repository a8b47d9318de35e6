"""Build keys: equal parts give equal keys, any change another key."""

from __future__ import annotations

from ikm_analysis.report import freshness
from ikm_analysis.report.freshness import build_key, is_up_to_date, recorded_key


def test_the_key_depends_on_every_part_and_not_on_their_order():
    parts = {"notebook": "ab", "parameters": {"year": 2024, "lang": "id"}, "links": []}
    assert build_key(parts) == build_key(dict(reversed(parts.items())))
    assert build_key(parts) != build_key(parts | {"parameters": {"year": 2024, "lang": "en"}})
    assert build_key(parts) != build_key(parts | {"links": [("next", "../2025/x.html", 2025)]})


def test_the_code_fingerprint_changes_with_any_file_of_the_package(tmp_path, monkeypatch):
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "a.pyc").write_bytes(b"\0")
    before = freshness._tree_digest(tmp_path)
    (tmp_path / "__pycache__" / "a.pyc").write_bytes(b"\1")
    assert freshness._tree_digest(tmp_path) == before  # compiled files are not code
    (tmp_path / "b.po").write_text('msgid "x"\n')
    assert freshness._tree_digest(tmp_path) != before


def test_a_report_is_up_to_date_only_with_its_key_and_all_its_files(tmp_path):
    (tmp_path / "provenance.json").write_text('{"build": {"key": "k"}}')
    (tmp_path / "laporan.html").write_text("<html></html>")
    assert recorded_key(tmp_path) == "k"
    assert is_up_to_date(tmp_path, ("provenance.json", "laporan.html"), "k")
    assert not is_up_to_date(tmp_path, ("provenance.json", "laporan.pdf"), "k")
    (tmp_path / "provenance.json").write_text("{not json")
    assert recorded_key(tmp_path) is None
    assert not is_up_to_date(tmp_path, ("provenance.json",), "k")
