"""PDF: the text layer through pdfplumber; a PDF without one is a scan and goes to OCR.

Words are grouped into visual lines by their baseline; a wide horizontal gap
(the two header columns, "Nơi nhận" beside the signature) becomes a tab, as
in a plain-text export. Bold comes from the font name.
"""

import io
import logging

from ..errors import (
    ERROR_CORRUPT_PDF,
    ERROR_ENCRYPTED_PDF,
    ERROR_NO_TEXT,
    ERROR_TOO_MANY_PAGES,
    ReaderError,
)
from ..lines import Line, RawDocument
from . import ocr

SUFFIXES = (".pdf",)
OCR_DPI = 200
MAX_OCR_PAGES = 200
MIN_TEXT_CHARS = 40  # fewer characters than this on every page: a scan

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return any(mark in name for mark in ("bold", "black", "heavy", ",b", "-b", "semibold"))


def _page_lines(page, number: int) -> list[Line]:
    words = page.extract_words(
        keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"], x_tolerance=1.5
    )
    if not words:
        return []
    words.sort(key=lambda w: (round(w["bottom"]), w["x0"]))
    rows: list[list[dict]] = []
    for word in words:
        if rows:
            last = rows[-1]
            size = max(1.0, float(last[0]["size"]))
            if abs(word["bottom"] - last[0]["bottom"]) <= size * 0.45:
                last.append(word)
                continue
        rows.append([word])
    width = float(page.width)
    height = float(page.height)
    lines: list[Line] = []
    previous_bottom = None
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = max(1.0, float(row[0]["size"]))
        text_parts = [row[0]["text"]]
        middle_x = float(page.width) / 2
        for left, right in zip(row, row[1:], strict=False):
            gap = right["x0"] - left["x1"]
            # Two columns side by side (header, "Nơi nhận" beside the signature): a wide gap,
            # or a narrower one that crosses the middle of the page.
            crosses = left["x1"] < middle_x <= right["x0"] + size and gap > 1.0 * size
            text_parts.append(("\t" if gap > 2.2 * size or crosses else " ") + right["text"])
        text = "".join(text_parts)
        top, bottom = row[0]["top"], row[0]["bottom"]
        # Running page numbers in the margins are not text of the report.
        if text.strip().isdigit() and (top < height * 0.08 or bottom > height * 0.92):
            continue
        x0, x1 = row[0]["x0"], row[-1]["x1"]
        middle = (x0 + x1) / 2
        align = None
        if abs(middle - width / 2) < width * 0.04 and x0 > width * 0.18:
            align = "center"
        elif x0 > width * 0.5:
            align = "right"
        inked = [w for w in row if w["text"].strip()]
        bold = bool(inked) and all(_is_bold(str(w.get("fontname", ""))) for w in inked)
        prefix = 0
        if not bold and inked and _is_bold(str(inked[0].get("fontname", ""))):
            for word in inked:
                if not _is_bold(str(word.get("fontname", ""))):
                    break
                prefix += len(word["text"]) + 1
        gap_before = previous_bottom is not None and top - previous_bottom > size * 1.1
        lines.append(
            Line(
                text=text,
                bold=bold,
                bold_prefix=max(0, prefix - 1),
                align=align,
                page=number,
                blank_before=gap_before,
                indent=x0,
                extra={"x0": x0 / width, "x1": x1},
            )
        )
        previous_bottom = bottom
    right = max((line.extra["x1"] for line in lines), default=1.0) or 1.0
    for line in lines:
        line.extra["x1_rel"] = line.extra["x1"] / right
    return lines


def _ocr_pdf(data: bytes, *, name: str) -> RawDocument:
    import pypdfium2

    ocr.check_tesseract()
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise ReaderError(ERROR_CORRUPT_PDF, source=name) from None
    try:
        if len(pdf) > MAX_OCR_PAGES:
            raise ReaderError(ERROR_TOO_MANY_PAGES.format(limit=MAX_OCR_PAGES), source=name)
        lines: list[Line] = []
        for index in range(len(pdf)):
            image = pdf[index].render(scale=OCR_DPI / 72, grayscale=True).to_pil()
            lines.extend(ocr.ocr_image(image, page=index + 1))
        pages = len(pdf)
    finally:
        pdf.close()
    if not lines:
        raise ReaderError(ERROR_NO_TEXT, source=name)
    return RawDocument(lines=lines, kind="ocr", pages=pages, ocr=True)


def read(data: bytes, *, name: str) -> RawDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if b"%PDF" not in data[:1024]:
        raise ReaderError(ERROR_CORRUPT_PDF, source=name)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            lines: list[Line] = []
            pages = len(pdf.pages)
            for number, page in enumerate(pdf.pages, start=1):
                lines.extend(_page_lines(page, number))
    except PDFPasswordIncorrect:
        raise ReaderError(ERROR_ENCRYPTED_PDF, source=name) from None
    except ReaderError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        if "password" in str(error).lower() or "encrypt" in type(error).__name__.lower():
            raise ReaderError(ERROR_ENCRYPTED_PDF, source=name) from None
        if isinstance(
            error,
            (
                PDFSyntaxError,
                ValueError,
                TypeError,
                KeyError,
                AttributeError,
                IndexError,
                OSError,
                AssertionError,
                RecursionError,
                EOFError,
            ),
        ):
            raise ReaderError(ERROR_CORRUPT_PDF, source=name) from None
        raise ReaderError(ERROR_CORRUPT_PDF, source=name) from None
    if sum(len(line.text.strip()) for line in lines) < MIN_TEXT_CHARS * max(1, pages) // 2:
        return _ocr_pdf(data, name=name)
    if not lines:
        raise ReaderError(ERROR_NO_TEXT, source=name)
    return RawDocument(lines=lines, kind="pdf", pages=pages)
