"""Unreadable input gives a clear Vietnamese message, never a traceback."""

import io
import zipfile

import pytest

import doingoai.lib.reader as reader
from doingoai.lib.reader import ReaderError, errors, ingest_paths, read_bytes, read_file
from doingoai.lib.reader.readers import docx as docx_reader

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _message(data: bytes, name: str) -> str:
    with pytest.raises(ReaderError) as caught:
        read_bytes(data, name)
    return str(caught.value)


def _blank_pdf() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (400, 560), 255).save(buffer, "PDF", resolution=50)
    return buffer.getvalue()


def test_an_empty_file_says_it_is_empty(tmp_path):
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    with pytest.raises(ReaderError, match="Tệp rỗng"):
        read_file(empty)
    assert _message(b"   \n", "x.txt") == errors.ERROR_EMPTY


def test_a_corrupt_docx_says_so():
    assert _message(b"PK\x03\x04 this is not a zip at all", "hong.docx") == errors.ERROR_CORRUPT_DOCX
    assert _message(b"just some text pretending", "hong.docx") == errors.ERROR_CORRUPT_DOCX


def test_a_password_protected_docx_asks_to_remove_the_password():
    data = OLE + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    assert _message(data, "matkhau.docx") == errors.ERROR_ENCRYPTED_DOCX


def test_a_zip_bomb_posing_as_docx_is_refused(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b"0" * (4 * 1024 * 1024) + b"</a>")
    assert _message(buffer.getvalue(), "bom.docx") == errors.ERROR_ZIP_BOMB


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    big = tmp_path / "lon.txt"
    big.write_bytes(b"a" * 2000)
    with pytest.raises(ReaderError, match="Tệp quá lớn"):
        read_file(big)
    with pytest.raises(ReaderError, match="Tệp quá lớn"):
        read_bytes(b"a" * 2000, "lon.txt")


def test_a_corrupt_pdf_says_so():
    assert _message(b"%PDF-1.7\n garbage garbage", "hong.pdf") == errors.ERROR_CORRUPT_PDF
    assert _message(b"not a pdf at all", "hong.pdf") == errors.ERROR_CORRUPT_PDF


def test_a_scanned_pdf_without_tesseract_names_the_package_to_install(monkeypatch):
    import shutil

    real_which = shutil.which
    monkeypatch.setattr(
        shutil, "which", lambda name, *a, **k: None if name == "tesseract" else real_which(name, *a, **k)
    )
    assert _message(_blank_pdf(), "quet.pdf") == errors.ERROR_NO_TESSERACT
    assert "tesseract-ocr-vie" in errors.ERROR_NO_TESSERACT


def test_a_doc_without_libreoffice_names_the_package_to_install(monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    assert _message(OLE + b"\x00" * 2048, "cu.doc") == errors.ERROR_NO_LIBREOFFICE


def test_an_unknown_kind_of_file_lists_the_kinds_it_reads():
    assert "docx" in _message(b"\x01\x02\x03 binary", "bang.xlsx")


def test_ingest_keeps_going_after_a_bad_file(tmp_path):
    good = tmp_path / "tot.txt"
    good.write_text("BÁO CÁO\nCông tác đối ngoại năm 2025\nI. Đặc điểm tình hình\nỔn định.\n", encoding="utf-8")
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"broken")
    results = list(ingest_paths([bad, tmp_path / "khong-co.txt", good]))
    assert [type(r).__name__ for _, r in results] == ["ReaderError", "ReaderError", "dict"]
    assert results[2][1]["sections"][0]["code"] == "situation"
