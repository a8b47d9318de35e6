r"""What a file really holds, told from its first bytes, whatever its name says.

Offices send ``.xls`` files that are web pages, ``.xlsx`` files that are CSV text, password
protected workbooks and empty attachments. :func:`file_kind` looks at the bytes, so each is read
by the right reader or refused with the right reason.

Example:
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "registri.xlsx"
    >>> _ = path.write_text("ID;Nama Usaha\\nA1;Kue\\n", encoding="utf-8")
    >>> file_kind(path)
    'text'
"""

from __future__ import annotations

import zipfile
from pathlib import Path

#: The kinds :func:`file_kind` tells apart.
KINDS = ("empty", "xlsx", "ods", "zip", "xls", "encrypted", "parquet", "html", "spreadsheetml",
         "text", "binary")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAMPLE = 4096


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and b"opendocument.spreadsheet" in archive.read("mimetype"):
                return "ods"
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError):
        return "zip"  # a damaged archive: the workbook reader names the problem
    return "zip"


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without a byte-order mark
        return sample[1::2].count(b"\x00") > len(sample) // 3 or (
            sample[0::2].count(b"\x00") > len(sample) // 3)
    control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return control <= len(sample) // 100


def file_kind(path: str | Path) -> str:
    """The kind of bytes a file holds: one of :data:`KINDS`.

    ``xlsx`` covers every Office Open XML workbook (``.xlsx``, ``.xlsm``), ``xls`` an old binary
    workbook, ``encrypted`` an Office file protected with a password, ``zip`` an archive that
    is no workbook (or a damaged one), ``binary`` anything else that is not text.
    """
    path = Path(path)
    with path.open("rb") as stream:
        sample = stream.read(_SAMPLE)
    if not sample:
        return "empty"
    if sample.startswith(b"PK\x03\x04") or sample.startswith(b"PK\x05\x06"):
        return _zip_kind(path)
    if sample.startswith(_OLE):
        # An encrypted Office Open XML file is an OLE container with these stream names.
        encoded = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in encoded or b"EncryptedPackage" in encoded:
            return "encrypted"
        return "xls"
    if sample.startswith(b"PAR1"):
        return "parquet"
    if not _looks_like_text(sample):
        return "binary"
    head = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in sample.lower():
        return "spreadsheetml"
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) and (
            b"<table" in sample.lower() or b"<html" in sample.lower()):
        return "html"
    return "text"
