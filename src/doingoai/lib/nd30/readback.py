"""Read a document this package rendered back into the JSON contract.

The proof that rendering loses nothing: section codes come from the hidden
bookmarks (``_dnNNh_<code>``) and the custom XML part, every other value from
the visible text — the header table, the "Thực hiện Công văn …" sentence, the
headings and paragraphs, "Nơi nhận" and the signature block. It reads only
this package's layout; arbitrary office files are the reader's business.
"""

import io
import json
import re
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree

from doingoai.lib.vn import parse_date

_BOOKMARK = re.compile(r"^_dn(?P<index>\d+)(?P<kind>[ht])_(?P<code>\w+)$")
_NUMBER = re.compile(r"^Số:\s*(?P<number>\d*)/(?P<symbol>\S+)$")
_DATE = re.compile(r"^(?P<place>[^,]+), ngày (?P<d>\d{2}) tháng (?P<m>\d{1,2}) năm (?P<y>\d{4})$")
_DRAFT_DATE = re.compile(r"^(?P<place>[^,]+), ngày\s+tháng")
_BASIS = re.compile(
    r"^Thực hiện Công văn số (?P<number>\S+)(?: ngày (?P<date>\d{1,2}/\d{1,2}/\d{4}))?(?: của (?P<issuer>.+?))?"
    r"(?: về việc .+)?, (?:Ủy ban nhân dân|UBND) .+ báo cáo như sau:$"
)
_TITLES = {"CHỦ TỊCH": "Chủ tịch", "PHÓ CHỦ TỊCH": "Phó Chủ tịch"}
_LEVELS = ("THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "ĐẶC KHU", "PHƯỜNG", "HUYỆN", "QUẬN", "TỈNH", "XÃ")


def _text(paragraph) -> str:
    return re.sub(r"\s+", " ", paragraph.text).strip()


def _bookmarks(paragraph) -> list[str]:
    return [b.get(qn("w:name")) for b in paragraph._p.iter(qn("w:bookmarkStart"))]


def _payload(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("customXml/item") and "Props" not in name:
                raw = archive.read(name)
                if b"urn:doingoai:report:1" in raw:
                    try:  # an editor may re-serialise the part (LibreOffice writes &quot;)
                        return json.loads(etree.fromstring(raw).text or "{}")
                    except (etree.XMLSyntaxError, json.JSONDecodeError):
                        return {}
    return {}


def _unit_name(lines: list[str]) -> str | None:
    """ "PHƯỜNG ĐỨC PHỔ" → "Phường Đức Phổ"."""
    name = lines[-1] if lines else ""
    for level in _LEVELS:
        if name.startswith(level + " "):
            rest = name[len(level) + 1 :]
            return f"{level.capitalize()} {' '.join(w if w.isdigit() else w.capitalize() for w in rest.split())}"
    return None


def read_rendered(docx_bytes: bytes) -> dict:
    """``{"source", "meta", "sections"}`` of a .docx made by ``render_docx``."""
    document = docx.Document(io.BytesIO(docx_bytes))
    payload = _payload(docx_bytes)
    header, closing = document.tables[0], None
    for table in document.tables[1:]:
        if table.rows and _text(table.rows[0].cells[0].paragraphs[0]).startswith("Nơi nhận"):
            closing = table
            break
    meta = _header_meta(header)
    paragraphs = document.paragraphs
    sections, summary, current = [], [], None
    in_title = False
    for paragraph in paragraphs:
        text = _text(paragraph)
        names = _bookmarks(paragraph)
        if text == "BÁO CÁO" and not sections and not summary:
            in_title = True
            continue
        if in_title:  # the trích yếu runs from "BÁO CÁO" to the (empty) rule paragraph
            if text:
                summary.append(text)
            else:
                in_title = False
            continue
        if "_dn_basis" in names:
            meta["request"] = _request(text)
            continue
        if "_dn_closing" in names:
            meta["closing"] = text
            break
        match = next((m for m in map(_BOOKMARK.match, names) if m), None)
        if match:
            position = int(match.group("index"))
            extra = payload.get("sections", [])[position] if position < len(payload.get("sections", [])) else {}
            current = {
                "code": match.group("code"),
                "heading": text if match.group("kind") == "h" else None,
                "lines": [],
            }
            if extra.get("also"):
                current["also"] = extra["also"]
            if match.group("kind") == "t":
                current["lines"].append(text)
            sections.append(current)
        elif current is not None and text:
            current["lines"].append(text)
    meta["summary"] = " ".join(summary) or None
    if closing is not None:
        meta.update(_closing_meta(closing))
    return {
        "source": payload.get("source"),
        "meta": meta,
        "sections": [
            {
                "code": s["code"],
                "heading": s["heading"],
                "text": "\n".join(s["lines"]),
                **({"also": s["also"]} if s.get("also") else {}),
            }
            for s in sections
        ],
    }


def _header_meta(table) -> dict:
    left, right = table.rows[0].cells
    number_cell, date_cell = table.rows[1].cells
    names = [_text(p) for p in left.paragraphs if _text(p) and all(r.bold for r in p.runs if r.text.strip())]
    meta: dict = {"unit_name": _unit_name(names), "doc_number": None, "issued_place": None, "issued_date": None}
    number = _NUMBER.match(_text(number_cell.paragraphs[0]))
    if number and number.group("number"):
        meta["doc_number"] = f"{number.group('number')}/{number.group('symbol')}"
    date_text = _text(date_cell.paragraphs[0])
    if match := _DATE.match(date_text):
        meta["issued_place"] = match.group("place")
        meta["issued_date"] = f"{match.group('y')}-{int(match.group('m')):02d}-{match.group('d')}"
    elif match := _DRAFT_DATE.match(date_text):
        meta["issued_place"] = match.group("place")
    return meta


def _request(text: str) -> dict | None:
    match = _BASIS.match(text)
    if not match:
        return None
    date = match.group("date")
    return {
        "number": match.group("number"),
        "date": parse_date(date).isoformat() if date else None,
        "issuer": match.group("issuer"),
    }


def _closing_meta(table) -> dict:
    left, right = table.rows[0].cells
    lines = [_text(p) for p in left.paragraphs if _text(p)][1:]
    recipients = [re.sub(r";$", "", line.removeprefix("- ").strip()) for line in lines]
    block = [_text(p) for p in right.paragraphs if _text(p)]
    authority_lines = [line for line in block if line == line.upper()]
    names = [line for line in block if line != line.upper()]
    authority = None
    for line in authority_lines:
        if prefix := re.match(r"^(TM|KT|Q|TL|TUQ)\.", line):
            authority = prefix.group(1)
    title = authority_lines[-1] if authority_lines else None
    if title and re.match(r"^(TM|KT|Q|TL|TUQ)\.", title):
        title = title.split(". ", 1)[1]
    return {
        "recipients": recipients,
        "signer": {
            "name": names[-1] if names else None,
            "title": _TITLES.get(title, title.capitalize() if title else None),
            "authority": authority,
        },
    }
