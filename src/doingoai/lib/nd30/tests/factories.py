"""Small builders for the tests: a report in the JSON contract, the text of a .docx."""

import io

import docx


def minimal_report(**meta) -> dict:
    """A small report in the JSON contract; keyword arguments override meta."""
    base = {
        "unit_name": "Xã Minh Long",
        "unit_level": "xa",
        "province": "Quảng Ngãi",
        "doc_number": "297/BC-UBND",
        "issued_place": "Minh Long",
        "issued_date": "2026-06-12",
        "period": {"kind": "half", "year": 2026, "index": 1},
        "request": {"number": "1070/SNV-HCTH", "date": "2026-06-01", "issuer": "Sở Ngoại vụ tỉnh Quảng Ngãi"},
        "signer": {"name": "Nguyễn Văn A", "title": "Chủ tịch", "authority": "TM"},
        "recipients": ["Sở Ngoại vụ", "Lưu: VT, VP."],
    }
    base.update(meta)
    return {
        "source": "test",
        "meta": base,
        "sections": [
            {"code": "situation", "heading": "I. Đặc điểm tình hình", "text": "Tình hình ổn định."},
            {"code": "delegations", "heading": "1. Công tác đoàn ra, đoàn vào", "text": "Không có đoàn ra."},
        ],
    }


def paragraphs_text(docx_bytes: bytes) -> list[str]:
    """Every paragraph of the body, the tables' cells included, in order."""
    document = docx.Document(io.BytesIO(docx_bytes))
    body = document.element.body
    out = []
    for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        text = "".join(t.text or "" for t in p.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        if text.strip():
            out.append(text)
    return out
