"""Official-document output of a report, laid out to Nghị định 30/2020/NĐ-CP.

``render_docx`` lays a report (shared/domain.md's JSON contract) out as .docx,
``render_pdf`` converts it through LibreOffice, ``check_docx`` measures any
.docx against the checklist of shared/nd30-format.md §10; ``fixed_parts`` and
``outline`` give the header, signature block and numbered headings as they will
print, for an on-screen preview.
"""

from .check import Finding, check_docx
from .fields import FixedParts, fixed_parts
from .outline import Heading, outline
from .pdf import PdfError, render_pdf
from .render import render_docx

__all__ = [
    "Finding",
    "FixedParts",
    "Heading",
    "PdfError",
    "check_docx",
    "fixed_parts",
    "outline",
    "render_docx",
    "render_pdf",
]
