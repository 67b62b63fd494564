"""Metadata of a document in the official layout: who, number, where and when, for what.

Works on what any reader yields: the header's two columns may be table cells,
tab-separated fragments, or one flattened line ("PHƯỜNG KIM TRÀ Độc lập - Tự
do - Hạnh phúc"), so the motto is cut out of a fragment rather than expected
on its own line. Blank number or day in a draft → null.
"""

import datetime as dt
import re
from collections import Counter

from .layout import Layout, is_letterhead
from .lines import Line
from .normalise import UPPER, flat, key, unify_tones
from .period import date_line_year
from .speaker import find_speaker
from .units import is_central_city, resolve_commune, resolve_province

_WRAPPED_DATE = re.compile(r"\bngay\s*\d{0,2}\s*(?:thang\s*\d{0,2}\s*(?:nam)?)?$")
_GAP_BEFORE = re.compile(r"(?:^so\s*[:.]?|\bngay|\bthang)$")
_GAP_AFTER = re.compile(r"^(?:/|thang\b|nam\s+\d{4})")
_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc")
_DRAFT = re.compile(r"\bdu thao\b")
_NUMBER = re.compile(r"^so\s*[:.]?\s*")
_DATE_LINE = re.compile(
    r"ngay\s*(?P<d>\d{1,2})?\s*(?:thang\s*(?P<m>\d{1,2})?\s*nam\s*(?P<y>\d{4})|/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4}))"
)
_LEVELS = (
    ("dac khu", "dac_khu", "Đặc khu"),
    ("thi tran", "xa", "Thị trấn"),
    ("thi xa", "huyen", "Thị xã"),
    ("thanh pho", "tinh", "Thành phố"),
    ("tp.", "tinh", "Thành phố"),
    ("xa", "xa", "Xã"),
    ("phuong", "phuong", "Phường"),
    ("tinh", "tinh", "Tỉnh"),
    ("huyen", "huyen", "Huyện"),
    ("quan", "huyen", "Quận"),
)
_UBND = re.compile(r"^(?:uy ban nhan dan|ubnd)\b\s*")
_ORGAN = re.compile(
    r"^(?:so |phong |ban |van phong|hoi dong|cong an|bo chi huy|trung tam|chi cuc|cuc |ban chi dao|doan |"
    r"uy ban mat tran|mttq|dang uy|thuong truc)"
)
_UNIT_IN_TEXT = re.compile(
    r"(?:uy ban nhan dan|ubnd)\s+(dac khu|thi tran|thi xa|xa|phuong|tinh|thanh pho|huyen|quan)\s+"
)
_REQUEST_KINDS = ("cong van", "van ban", "cong dien", "thong bao", "huong dan", "phieu chuyen", "giay moi")
_CITATION = re.compile(
    r"\b(cong van|van ban|cong dien|thong bao|huong dan|phieu chuyen|ke hoach|quyet dinh|nghi dinh|chi thi|"
    r"nghi quyet|thong tu|luat|to trinh|giay moi|chuong trinh)\s+(?:so\s*:?\s*)(\S+)"
)
_CITED_DATE = re.compile(r"^[\s,]*ngay\s*(\d{1,2})\s*(?:/\s*(\d{1,2})\s*/\s*(\d{4})|thang\s*(\d{1,2})\s*nam\s*(\d{4}))")
_ISSUER_END = re.compile(
    r"\s+(?:ve viec|v/v|ve |nham |de |theo |yeu cau|quy dinh|huong dan|ban hanh|trien khai|phe duyet|va cong van|va van ban)|[,;(]|\.\s|\.$"
)
_AUTHORITY = re.compile(r"^(tm|kt|tl|tuq|q)\s*\.\s*(.*)$")
_RECIPIENTS = re.compile(r"^noi nhan\s*:?\s*")
_NAME = re.compile(f"^[{UPPER}][^\\s\\d]*(?:\\s+[{UPPER}][^\\s\\d]*){{1,5}}$")
_TITLE_WORDS = re.compile(
    r"^(?:pho\s+)?(?:chu tich|giam doc|truong phong|truong ban|chanh van phong|bi thu|chu nhiem|vien truong|"
    r"cuc truong|chi cuc truong|truong|thu truong|bo truong|tong giam doc|chanh thanh tra|giam doc so|"
    r"truong cong an|chi huy truong|chanh an|vien truong|hieu truong|can bo|cong chuc|nguoi ky|"
    r"trưởng)\b"
)
_NOT_NAME = re.compile(r"^(?:noi nhan|luu|nhu tren|tm|kt|tl|da ky|ky ten|dong dau|phu luc|danh sach|bieu)\b")


def _fragments(lines: list[Line], part: range) -> list[tuple[int, str]]:
    """(column, text) pieces of lines, tabs and table cells as columns."""
    out: list[tuple[int, str]] = []
    for index in part:
        line = lines[index]
        base = line.cell[2] if line.cell else 0
        pieces: list[str] = []
        for piece in re.split(r"\t|\s\|\s|^\|\s|\s\|$|^\|$", line.text):
            piece = flat(piece)
            if not piece:
                continue
            # A blank number or day leaves a wide gap, not a new column: "Số:      /BC-UBND".
            if pieces and (_GAP_BEFORE.search(key(pieces[-1])) or _GAP_AFTER.match(key(piece))):
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
        out.extend((base + offset, piece) for offset, piece in enumerate(pieces))
    # A date or motto a narrow column wrapped: "..., ngày 16 tháng 8" + "năm 2024".
    merged: list[tuple[int, str]] = []
    for column, piece in out:
        k = key(piece)
        # A web page that broke every line: "ỦY" + "BAN NHÂN DÂN", "Số:" + "09/2011/QĐ-UBND", "Quảng" + "Ngãi, ngày …".
        if merged and re.fullmatch(r"(?:[^\W\d_]+|so\s*:)", key(merged[-1][1])) and re.search(r"[^\W\d_]|\d", piece):
            if not (_MOTTO.search(key(merged[-1][1])) or _level(merged[-1][1])):
                merged[-1] = (merged[-1][0], f"{merged[-1][1]} {piece}")
                continue
        if merged and _WRAPPED_DATE.search(key(merged[-1][1])) and re.match(r"^(?:(?:nam|thang)\s+)?\d", k):
            merged[-1] = (merged[-1][0], f"{merged[-1][1]} {piece}")
            continue
        if k == "viet nam" and merged and key(merged[-1][1]).endswith("chu nghia"):
            merged[-1] = (merged[-1][0], f"{merged[-1][1]} {piece}")
            continue
        merged.append((column, piece))
    return merged


def _without_motto(text: str) -> str:
    k = key(text)
    pieces, last = [], 0
    for match in list(_MOTTO.finditer(k)) + list(_DRAFT.finditer(k)):
        pieces.append((match.start(), match.end()))
    if not pieces:
        return text
    out = []
    for start, end in sorted(pieces):
        out.append(text[last:start])
        last = max(last, end)
    out.append(text[last:])
    return flat(" ".join(out))


def _title_case(name: str) -> str:
    """ "LẠC PHƯỢNG" → "Lạc Phượng"; a name already in mixed case is kept."""
    name = flat(name)
    if any(ch.islower() for ch in name):
        return name
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


def _sentence_case(text: str) -> str:
    words = flat(text).lower().split()
    if not words:
        return ""
    if words[0] == "phó" and len(words) > 1:
        rest = " ".join(words[1:])
        return "Phó " + rest[:1].upper() + rest[1:]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _level(text: str) -> tuple[str, str, str, str] | None:
    """(level code, level word, name, key of level word) of "XÃ LẠC PHƯỢNG" / "tỉnh Lâm Đồng"."""
    k = key(text)
    for word, code, label in _LEVELS:
        if k.startswith(word + " ") or (word == "tp." and k.startswith("tp.")):
            name = text[len(word) :].strip(" .,:")
            name = re.split(r"\s*[,;(]", name)[0].strip()
            if not name or len(name.split()) > 6:
                return None
            if word in ("thanh pho", "tp.") and not is_central_city(name):
                code = "huyen"
            return code, label, _title_case(name), word
    return None


def _date(day: str | None, month: str | None, year: str | None) -> str | None:
    if not (day and month and year):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# --- header -------------------------------------------------------------------


def _header_fields(lines: list[Line], layout: Layout) -> dict:
    fragments = _fragments(lines, layout.header)
    number = place = date = None
    number_found = date_found = False
    organs: list[str] = []
    summary_vv: list[str] = []
    for column, text in fragments:
        k = key(text)
        if not number_found and _NUMBER.match(k):
            number_found = True
            value = _without_motto(text[_NUMBER.match(k).end() :])
            value = re.split(r"\s{2,}|\t", value)[0]
            compact = re.sub(r"\s+", "", value)
            match = re.match(r"^(\d[0-9A-Za-zĐđ.]*)((?:/[0-9A-Za-zĐđ&.\-]+)+)", compact)
            number = match.group(0).rstrip(".") if match else None
            rest_k = key(text)
            date_match = _DATE_LINE.search(rest_k)
            if date_match and not date_found:  # "Số: 09/CT-UBND   Thủ Dầu Một, ngày ..." on one line
                date_found = True
                place, date = _place_date(text, date_match)
            continue
        date_match = _DATE_LINE.search(k)
        if date_match and not date_found and len(k) < 90:
            date_found = True
            place, date = _place_date(text, date_match)
            continue
        if re.match(r"^(?:v/v|ve viec)\b", k):
            summary_vv.append(text)
            continue
        if summary_vv and column == 0 and not organs_after(k):
            summary_vv.append(text)
            continue
        cleaned = _without_motto(text)
        if not re.search(r"[^\W\d_]{2}", cleaned):
            continue  # a stray number or mark, not a body's name
        if cleaned and not is_letterhead(key(cleaned)) or (cleaned and _UBND.match(key(cleaned))):
            if re.search(r"[a-zà-ỹ]", cleaned) and not _UBND.match(key(cleaned)) and not _level(cleaned):
                continue  # lower-case prose in the header zone is not the issuing body
            organs.append(cleaned)
    return {
        "doc_number": number,
        "issued_place": place,
        "issued_date": date,
        "organs": organs,
        "summary_vv": " ".join(summary_vv) if summary_vv else None,
        "has_number_line": number_found,
        "has_date_line": date_found,
    }


def organs_after(k: str) -> bool:
    return bool(_UBND.match(k) or _ORGAN.match(k) or _MOTTO.search(k))


def _place_date(text: str, match: re.Match) -> tuple[str | None, str | None]:
    prefix = text[: match.start()]
    if "\t" in prefix:
        prefix = prefix.split("\t")[-1]
    if _NUMBER.match(key(prefix)):
        prefix = re.split(r"\s{2,}", prefix)[-1]
    place = prefix.strip(" ,.\t")
    place = re.sub(r"^(?:s[ốo]\s*:?\s*\S*\s+)", "", place, flags=re.IGNORECASE).strip(" ,")
    day = match.group("d")
    month = match.group("m") or match.group("m2")
    year = match.group("y") or match.group("y2")
    return (place or None), _date(day, month, year)


def _unit_from_organs(organs: list[str]) -> tuple[tuple | None, bool]:
    """((level code, level word, name, word key) of the UBND unit, issuer is a sub-body)."""
    for index, organ in enumerate(organs):
        k = key(organ)
        match = _UBND.match(k)
        if match:
            rest = organ[match.end() :].strip()
            following = organs[index + 1 :]
            unit = _level(rest) if rest else None
            if unit is None and following:
                unit = _level(following[0])
                following = following[1:]
            if unit is None:
                continue
            return unit, bool(following and not _level(following[0]))
    for organ in organs:
        unit = _level(organ)
        if unit:
            return unit, False
        k = key(organ)
        if _ORGAN.match(k):
            # "SỞ NGOẠI VỤ TỈNH X": a body of a province named inside it.
            match = re.search(r"\b(tinh|thanh pho)\s+", k)
            if match:
                unit = _level(organ[match.start() :])
                if unit:
                    return unit, True
    return None, False


def _unit_from_text(texts: list[tuple[str, int]]) -> tuple | None:
    """The unit a text names as reporting ("UBND xã Minh Long báo cáo ..."), weighted by where."""
    scores: Counter = Counter()
    found: dict[str, tuple] = {}
    for text, weight in texts:
        k = key(text)
        for match in _UNIT_IN_TEXT.finditer(k):
            before = k[max(0, match.start() - 14) : match.start()]
            if re.search(r"(?:van phong|gui|cua so|so ngoai vu|thuoc)\s*$", before):
                continue  # the requesting office, not the reporter
            words = text[match.start(1) :].split()
            level_words = len(match.group(1).split())
            name_words: list[str] = []
            for word in words[level_words:]:
                clean = word.strip(".,;:()/")
                if not clean or not clean[0].isupper():
                    break
                name_words.append(clean)
                if word != clean or len(name_words) == 4:
                    break
            if not name_words:
                continue
            unit = _level(" ".join(words[:level_words] + name_words))
            if unit is None:
                continue
            tail = k[match.end() :][len(" ".join(name_words)) + 1 :]
            score = weight + (3 if re.match(r"\s*(?:\./\.|kinh bao cao|bao cao|xin bao cao|tran trong)", tail) else 0)
            score += 1 if unit[0] in ("xa", "phuong", "dac_khu") else 0
            scores[unit[2]] += score
            found[unit[2]] = unit
    if not scores:
        return None
    return found[scores.most_common(1)[0][0]]


# --- summary and period ---------------------------------------------------------

_HALF = re.compile(r"\b(?:6|sau)\s+thang\s+(dau|cuoi)(?:\s+nam)?(?:\s+(\d{4}))?")
_HALF2 = re.compile(r"\bnua\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?")
_QUARTER = re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam|/)\s*(\d{4}))?")
_MONTH = re.compile(r"\bthang\s+(\d{1,2})\s*(?:nam\s+|/\s*)(\d{4})")
_YEAR = re.compile(r"\bnam\s+(\d{4})\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def find_period(text: str) -> dict | None:
    """The first period a title names: {"kind", "year", "index"}, None for a month or nothing.

    >>> find_period("Kết quả công tác đối ngoại 6 tháng đầu năm 2026 và phương hướng ...")
    {'kind': 'half', 'year': 2026, 'index': 1}
    """
    k = key(text)
    matches = []
    for kind, pattern in (("half", _HALF), ("half", _HALF2), ("quarter", _QUARTER), ("month", _MONTH), ("year", _YEAR)):
        match = pattern.search(k)
        if match:
            matches.append((match.start(), kind, match))
    if not matches:
        return None
    matches.sort(key=lambda m: m[0])
    start, kind, match = matches[0]
    if kind == "month":
        return None
    year_text = match.group(2) if kind in ("half", "quarter") else match.group(1)
    if not year_text:
        later = re.search(r"\b(?:nam\s+)?(\d{4})\b", k[match.end() :])
        if not later:
            return None
        year_text = later.group(1)
    year = int(year_text)
    if not 1990 <= year <= 2100:
        return None
    if kind == "half":
        return {"kind": "half", "year": year, "index": 1 if match.group(1) == "dau" else 2}
    if kind == "quarter":
        token = match.group(1)
        return {"kind": "quarter", "year": year, "index": _ROMAN.get(token) or int(token)}
    return {"kind": "year", "year": year, "index": None}


# --- request --------------------------------------------------------------------


def find_request(sentences: list[str]) -> dict:
    """The letter that asked for this report, from the "Thực hiện ..." sentence."""
    for sentence in sentences:
        k = key(sentence)
        if not re.match(r"^(?:thuc hien|theo|can cu|trien khai|tiep theo|phuc vu)", k):
            continue
        for match in _CITATION.finditer(k):
            if match.group(1) not in _REQUEST_KINDS:
                continue
            number = sentence[match.start(2) : match.end(2)].rstrip(".,;:")
            after_k = k[match.end() :]
            after = sentence[match.end() :]
            date = None
            date_match = _CITED_DATE.match(after_k)
            if date_match:
                day, m1, y1, m2, y2 = date_match.groups()
                date = _date(day, m1 or m2, y1 or y2)
                after_k, after = after_k[date_match.end() :], after[date_match.end() :]
            issuer = None
            issuer_match = re.match(r"^[\s,]*cua\s+", after_k)
            if issuer_match:
                rest_k = after_k[issuer_match.end() :]
                end = _ISSUER_END.search(rest_k)
                stop = end.start() if end else len(rest_k)
                issuer = after[issuer_match.end() : issuer_match.end() + stop].strip(" ,.")
            else:
                before = k[: match.start()]
                giver = re.search(r"cua\s+(.+?)\s+tai\s*$", before)
                if giver:
                    issuer = sentence[giver.start(1) : giver.end(1)].strip()
            return {"number": number or None, "date": date, "issuer": issuer or None}
    return {"number": None, "date": None, "issuer": None}


# --- signature and recipients ------------------------------------------------------


def _signature(lines: list[Line], layout: Layout) -> tuple[dict, list[str]]:
    fragments = _fragments(lines, layout.end)
    recipients: list[str] = []
    in_recipients = False
    authority = title = name = None
    after_title = body_next = False
    closing_seen = layout.closing is None
    recipient_column = None
    for column, text in fragments:
        k = key(text)
        if not closing_seen:
            closing_seen = True
            if layout.closing is not None and not _RECIPIENTS.match(k) and not _AUTHORITY.match(k):
                continue  # the closing sentence itself
        if _RECIPIENTS.match(k):
            in_recipients = True
            recipient_column = column
            rest = text[_RECIPIENTS.match(k).end() :].strip()
            if rest.startswith(("-", "+", "•")):
                recipients.append(_recipient(rest))
            continue
        if in_recipients and text.startswith(("-", "+", "•", "–")):
            item = _recipient(text)
            if item:
                recipients.append(item)
            continue
        if in_recipients and recipients and text[:1].islower() and column == recipient_column:
            recipients[-1] = _recipient(f"{recipients[-1]} {text}")  # a wrapped line of the list
            continue
        if (
            in_recipients
            and recipients
            and column == recipient_column
            and not (_AUTHORITY.match(k) or _TITLE_WORDS.match(k) or _looks_like_name(text) or "ky" in k[:8])
        ):
            in_recipients = False  # the list has ended (an annex follows)
        if name:
            continue
        match = _AUTHORITY.match(k)
        if match:
            authority = match.group(1).upper()  # the innermost one wins: "TM. UBND / KT. CHỦ TỊCH"
            title = None  # "KT. CHỦ TỊCH" names the principal; the signer's title is the next line
            after_title = False
            body_next = not match.group(2).strip()  # "TM." on its own line: the body's name follows
            continue
        if body_next:
            body_next = False
            if re.match(r"^(?:uy ban|ubnd|hoi dong|hdnd|so |ban |van phong|thuong truc)", k):
                continue  # "TM." / "ỦY BAN NHÂN DÂN": the body, not the signer's title
        if re.match(r"^\(?\s*(?:da ky|ky ten|ky,|ky va)", k):
            continue
        if title is None and _is_caps(text) and (_TITLE_WORDS.match(k) or authority) and len(k.split()) <= 6:
            title = _sentence_case(text)
            after_title = True
            continue
        if after_title and _is_caps(text) and len(k.split()) <= 8 and _TITLE_WORDS.match(k):
            continue  # a second title line ("PHÓ CHỦ TỊCH UBND TỈNH")
        if _looks_like_name(text) and (after_title or authority or (in_recipients or layout.closing is not None)):
            if (
                in_recipients
                and recipient_column is not None
                and column == recipient_column
                and not after_title
                and not text.strip()
            ):
                continue
            name = _title_case(text) if _is_caps(text) else flat(text)
    if not recipients:
        # "Nơi nhận" printed after its list (a cell read before the marker's cell): take the dash items.
        recipients = [
            _recipient(text)
            for _, text in fragments[1 if layout.closing is not None else 0 :]
            if text.startswith(("-", "+", "•", "–")) and _recipient(text)
        ]
    return {"name": name, "title": title, "authority": authority}, recipients


def _recipient(text: str) -> str:
    text = re.sub(r"^[-+•–]\s*", "", text).strip()
    if text.endswith(";"):
        text = text[:-1].rstrip()
    return text


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.9


def _looks_like_name(text: str) -> bool:
    text = flat(text).strip(" .")
    k = key(text)
    if _NOT_NAME.match(k) or _TITLE_WORDS.match(k) or any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    if _is_caps(text):
        return len(words) <= 5 and not re.search(r"\b(?:uy ban|ubnd|so|phong|ban|tinh|xa|phuong)\b", k)
    return bool(_NAME.match(text))


_BYLINE_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d\b|\b\d{1,2}:\d{2}\b")


def _is_byline(text: str) -> bool:
    """A date line or byline of a web page: "V.A 14/07/2013 14:41", "Cập nhật lúc 06:06, Thứ Sáu, 25/11/2022"."""
    return len(text.split()) <= 9 and bool(_BYLINE_DATE.search(text))


def _is_headline(texts: list[str]) -> bool:
    """A news item's first line is its headline: short, no full stop."""
    if not texts:
        return False
    first = texts[0].strip()
    return 3 <= len(first.split()) <= 30 and not first.endswith((".", ":", ";"))


# --- all together -----------------------------------------------------------------


def extract_meta(lines: list[Line], layout: Layout, sections: list) -> dict:
    header = _header_fields(lines, layout)
    unit, sub_body = _unit_from_organs(header["organs"])
    body_texts = [flat(lines[i].text) for i in layout.body]
    preamble = []
    first_heading = sections[0].heading.line if sections else layout.body.stop
    for i in layout.body:
        if i >= first_heading:
            break
        preamble.append(flat(lines[i].text))
    closing = [flat(lines[layout.closing].text)] if layout.closing is not None else []
    official = bool(header["organs"] or header["has_number_line"] or header["has_date_line"] or closing)
    if unit is None and official:
        unit = _unit_from_text([(t, 2) for t in preamble[:3]] + [(t, 3) for t in closing])
    summary = flat(" ".join(flat(lines[i].text) for i in layout.summary)) or header["summary_vv"]
    title_text = flat(lines[layout.title].text) if layout.title is not None else ""
    # A news item's capitalised headline is read as a summary by the layout; its year names the
    # event ("KHAI MẠC LỚP BỒI DƯỠNG … NĂM 2019"): only an official document's summary is its period.
    period = find_period(summary) if summary and (official or title_text) else None
    if period is None and not summary:
        for sentence in preamble[:2]:
            about = re.split(r"\bv[ềe] vi[ệe]c\b", sentence, maxsplit=1)
            if len(about) == 2:
                period = find_period(about[1])
                break
    request = find_request(preamble)
    signer, recipients = _signature(lines, layout)
    recipient_text = recipients
    all_texts = [
        *[flat(lines[i].text) for i in layout.header],
        summary or "",
        *preamble,
        *closing,
        *recipient_text,
        request.get("issuer") or "",
        *body_texts,
    ]
    unit_name = unit_level = province = None
    ward_code = None
    if unit is not None:
        level_code, level_label, name, word = unit
        unit_level = level_code
        if not sub_body:
            unit_name = f"{level_label} {name}"
        issued_year = int(header["issued_date"][:4]) if header["issued_date"] else None
        years = [y for y in (issued_year, period and period["year"]) if y]
        legacy_first = bool(years) and max(years) < 2025
        if level_code in ("xa", "phuong", "dac_khu"):
            ward_code, place = resolve_commune(
                level_word=level_label, name=name, texts=all_texts, legacy_first=legacy_first
            )
        else:
            place = (
                resolve_province(name=name, texts=all_texts)
                if level_code == "tinh"
                else resolve_province(name="", texts=all_texts)
            )
        province = place.province_name if place else None
    if unit is None:
        # Prose without a letterhead: the unit doing the work, hosting the visit, giving the figures.
        issued_year = int(header["issued_date"][:4]) if header["issued_date"] else None
        if official:
            texts = [title_text, *body_texts] if title_text else body_texts
        else:
            # A news item: every line, its date line and byline left out ("14:00 | 26/10/2019 GMT+7").
            texts = [t for t in (flat(line.text) for line in lines) if t and not _is_byline(t)]
            dated = date_line_year([flat(line.text) for line in lines])
            issued_year = issued_year or (dated[0] if dated else None)
        speaker = find_speaker(
            texts,
            headline=bool(title_text) or _is_headline(texts),
            legacy_first=bool(issued_year and issued_year < 2025),
        )
        if speaker is not None:
            unit_name, unit_level, ward_code = speaker.unit_name, speaker.unit_level, speaker.ward_code
            province = speaker.province.province_name if speaker.province else None
    meta = {
        "unit_name": unit_name,
        "unit_level": unit_level,
        "province": province,
        "ward_code": ward_code,
        "doc_number": header["doc_number"],
        "issued_place": header["issued_place"],
        "issued_date": header["issued_date"],
        "period": period,
        "request": request,
        "signer": signer,
        "recipients": recipients,
        "summary": summary or None,
        "doc_type": _sentence_case(title_text) if title_text else None,
    }
    return meta


__all__ = ["extract_meta", "find_period", "find_request", "unify_tones"]
