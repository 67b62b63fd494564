"""LibreOffice: a PDF, two at once, a clear message without it, and a re-saved .docx."""

import io
from concurrent.futures import ThreadPoolExecutor

import pdfplumber
import pytest

from doingoai.lib.nd30 import PdfError, check_docx, render_docx, render_pdf
from doingoai.lib.nd30.pdf import ERROR_MISSING, convert, font_warning
from doingoai.lib.nd30.readback import read_rendered

from .factories import minimal_report

pytestmark = pytest.mark.system


def _pages(pdf: bytes) -> list:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [(page.width, page.height, page.extract_text() or "") for page in document.pages]


def test_report_converts_to_an_a4_pdf_with_its_text(soffice):
    pages = _pages(render_pdf(render_docx(minimal_report())))
    width, height, text = pages[0]
    assert round(width) == 595 and round(height) == 842  # A4 in points
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "BÁO CÁO" in text


def test_two_conversions_run_at_once_each_with_its_own_profile(soffice):
    first = render_docx(minimal_report(doc_number="01/BC-UBND"))
    second = render_docx(minimal_report(doc_number="02/BC-UBND"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(render_pdf, [first, second]))
    assert [pdf[:5] for pdf in pdfs] == [b"%PDF-", b"%PDF-"]
    assert "Số: 01/BC-UBND" in _pages(pdfs[0])[0][2] and "Số: 02/BC-UBND" in _pages(pdfs[1])[0][2]


def test_missing_libreoffice_is_reported_in_vietnamese(monkeypatch):
    monkeypatch.setenv("DOINGOAI_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(PdfError) as raised:
        render_pdf(b"")
    assert str(raised.value) == ERROR_MISSING == "Chưa cài LibreOffice (gói libreoffice-writer): không xuất được PDF."


def test_document_saved_again_by_libreoffice_keeps_its_format_and_section_codes(soffice, gold_reports):
    report = next(iter(gold_reports.values()))
    saved = convert(render_docx(report), target="docx:MS Word 2007 XML", suffix="docx")
    assert check_docx(saved) == []
    back = read_rendered(saved)
    assert [s["code"] for s in back["sections"]] == [s["code"] for s in report["sections"]]


def test_font_warning_is_silent_when_fontconfig_cannot_be_asked(monkeypatch):
    monkeypatch.setattr("doingoai.lib.nd30.pdf.shutil.which", lambda name: None)
    assert font_warning() is None
