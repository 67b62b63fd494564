"""PDF through LibreOffice: one document, two at once, and a clear message without it."""

import io
from concurrent.futures import ThreadPoolExecutor

import pdfplumber
import pytest

from doingoai.lib.nd30 import PdfError, render_docx, render_pdf
from doingoai.lib.nd30.pdf import ERROR_MISSING

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
