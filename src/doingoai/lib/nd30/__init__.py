"""Official-document output of a report, laid out to Nghị định 30/2020/NĐ-CP.

``render_docx`` lays a report (shared/domain.md's JSON contract) out as .docx,
``render_pdf`` converts it through LibreOffice, ``check_docx`` measures any
.docx against the checklist of shared/nd30-format.md §10.
"""

from .check import Finding, check_docx
from .pdf import PdfError, render_pdf
from .render import render_docx

__all__ = ["Finding", "PdfError", "check_docx", "render_docx", "render_pdf"]
