"""The words of the fixed parts of a Báo cáo, from the report's ``meta``.

The renderer lays out the words it is given; where the source leaves a part
out, these functions supply what ND30 or the unit's standing makes certain:
the place from the unit's name (PL I §II.4.a), the collective signature form of
an UBND (Điều 13.2), the Văn thư's copy in "Nơi nhận" (PL I §II.9.d). Nothing
here guesses a number, a day or a name.
"""

import datetime as dt
import re
from dataclasses import dataclass

from doingoai.lib.periods import Period
from doingoai.lib.vn import format_date, format_long_date, parse_date

from .layout import DRAFT_BLANK

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # PL I §II.1.a
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # PL I §II.1.b: hyphens with spaces
DOC_TYPE = "BÁO CÁO"
DOC_TYPE_CODE = "BC"  # Phụ lục III
COLLECTIVE = "ỦY BAN NHÂN DÂN"
ERROR_NO_UNIT = "Thiếu tên đơn vị ban hành (meta.unit_name hoặc meta.issuer.name): không trình bày được văn bản."

# Level words of a unit name, longest first ("Thành phố" before "Thị").
_LEVEL_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")
_AUTHORITIES = ("TM", "KT", "Q", "TL", "TUQ")


@dataclass(frozen=True)
class Issuer:
    parent: str  # "" or "UBND TỈNH QUẢNG NGÃI" (Ô 2, not bold)
    lines: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "PHƯỜNG ĐỨC PHỔ") (Ô 2, bold)
    symbol: str  # "UBND", the body part of "BC-UBND"


def _text(value) -> str:
    return re.sub(r"\s+", " ", str(value)).strip() if value not in (None, "") else ""


def split_unit(unit_name: str) -> tuple[str, str]:
    """("Xã", "Minh Long") from "Xã Minh Long"; ("", name) when no level word leads."""
    name = _text(unit_name)
    for word in _LEVEL_WORDS:
        if name.lower().startswith(word.lower() + " "):
            return word, name[len(word) + 1 :].strip()
    return "", name


def _named_by_number(name: str) -> bool:
    return bool(re.fullmatch(r"\d+[A-Za-z]?", name))


def unit_in_sentence(unit_name: str) -> str:
    """ "xã Minh Long", "Phường 1" (generic noun capitalised when the name is a number, PL II §III.1)."""
    word, name = split_unit(unit_name)
    if not word:
        return name
    if _named_by_number(name) or (word == "Thành phố" and name == "Hồ Chí Minh"):
        return f"{word} {name}"
    return f"{word.lower()} {name}"


def place_of(meta: dict) -> str:
    """Ô 4 place: as the source writes it, else the unit's own name (PL I §II.4.a)."""
    if place := _text(meta.get("issued_place")):
        return place
    word, name = split_unit(meta.get("unit_name") or "")
    if word and (_named_by_number(name) or (word == "Thành phố" and name == "Hồ Chí Minh")):
        return f"{word} {name}"
    return name


def issuer_of(meta: dict) -> Issuer:
    given = meta.get("issuer") or {}
    symbol = _text(given.get("symbol")) or "UBND"
    if name := (given.get("name") or "").strip():
        lines = tuple(_text(line).upper() for line in name.splitlines() if _text(line))
        return Issuer(_text(given.get("parent")).upper(), lines, symbol)
    unit = _text(meta.get("unit_name"))
    if not unit:
        raise ValueError(ERROR_NO_UNIT)
    return Issuer(_text(given.get("parent")).upper(), (COLLECTIVE, unit.upper()), symbol)


def number_line(meta: dict, issuer: Issuer) -> str:
    """ "Số: 05/BC-UBND" (numbers below 10 take a 0, PL I §II.3.a), or the draft's
    "Số:      /BC-UBND" when no number was assigned yet (Điều 15.2)."""
    # The symbol prints IN HOA (PL I §II.3.c) whatever case the office registered it in ("SNgV").
    symbol = f"{DOC_TYPE_CODE}-{issuer.symbol}".upper()
    raw = _text(meta.get("doc_number"))
    if not raw:
        return f"Số:{DRAFT_BLANK}/{symbol}"
    number, _, given_symbol = raw.partition("/")
    number = number.strip()
    if number.isdigit():
        number = f"{int(number):02d}"
    return f"Số: {number}/{given_symbol.strip().replace(' ', '').upper() or symbol}"


def _draft_month_year(meta: dict) -> tuple[int | None, int | None]:
    """Month and year of a draft's blank-day date: given, else the request's
    (the report answers it; seeds 000 and 003 are dated the request's month),
    else the period's year."""
    month, year = meta.get("issued_month"), meta.get("issued_year")
    request_date = (meta.get("request") or {}).get("date")
    if request_date and (month is None or year is None):
        try:
            asked = parse_date(request_date)
        except ValueError:
            asked = None
        if asked:
            month = month if month is not None else asked.month
            year = year if year is not None else asked.year
    if year is None and meta.get("period"):
        year = meta["period"].get("year")
    return month, year


def date_line(meta: dict) -> str:
    """ "Đức Phổ, ngày 05 tháng 01 năm 2026" (PL I §II.4.b–c); a draft leaves the day blank."""
    place = place_of(meta)
    issued = meta.get("issued_date")
    if issued:
        when = format_long_date(parse_date(issued))
    else:
        month, year = _draft_month_year(meta)
        month_text = f" {month:02d} " if month and month <= 2 else f" {month} " if month else DRAFT_BLANK
        when = f"ngày{DRAFT_BLANK}tháng{month_text}năm {year or dt.date.today().year}"
    return f"{place}, {when}"


def period_of(meta: dict) -> Period | None:
    try:
        return Period.from_contract(meta["period"]) if meta.get("period") else None
    except (KeyError, TypeError, ValueError):
        return None


def _subject(meta: dict, *, plans: bool) -> str:
    """ "công tác đối ngoại năm 2025, phương hướng, nhiệm vụ năm 2026" (seed 000's trích yếu);
    the second half only when the report has a plans section."""
    period = period_of(meta)
    if period is None:
        return "công tác đối ngoại"
    subject = f"công tác đối ngoại {period.phrase}"
    return f"{subject}, phương hướng, nhiệm vụ {period.next().phrase}" if plans else subject


def summary_of(meta: dict, *, plans: bool = False) -> str:
    """The trích yếu (PL I §II.5): as given, else the subject and period of the report."""
    if summary := _text(meta.get("summary")):
        return summary
    subject = _subject(meta, plans=plans)
    return subject[0].upper() + subject[1:]


def unit_body(meta: dict, issuer: Issuer) -> str:
    """ "Ủy ban nhân dân phường Đức Phổ", the unit as the body text names it."""
    if meta.get("unit_name"):
        return f"Ủy ban nhân dân {unit_in_sentence(meta['unit_name'])}"
    return " ".join(issuer.lines).capitalize()


def basis_sentence(meta: dict, issuer: Issuer) -> str:
    """ "Thực hiện Công văn số … ngày … của …, Ủy ban nhân dân … báo cáo như sau:" or ""."""
    if basis := _text(meta.get("basis")):
        return basis
    request = meta.get("request") or {}
    number = _text(request.get("number"))
    if not number:
        return ""
    parts = [f"Thực hiện Công văn số {number}"]
    if request.get("date"):
        try:
            parts.append(f"ngày {format_date(parse_date(request['date']))}")
        except ValueError:
            pass
    if issuer_name := _text(request.get("issuer")):
        parts.append(f"của {issuer_name}")
    if subject := _text(request.get("subject")):
        parts.append(f"về việc {subject}")
    return " ".join(parts) + f", {unit_body(meta, issuer)} báo cáo như sau:"


def closing_sentence(meta: dict, issuer: Issuer, *, plans: bool = False) -> str:
    """ "Trên đây là báo cáo … ./." (the seeds' closing form)."""
    if closing := _text(meta.get("closing")):
        return closing
    return f"Trên đây là báo cáo {_subject(meta, plans=plans)} của {unit_body(meta, issuer)}./."


def recipients_of(meta: dict) -> list[str]:
    """The "Nơi nhận" lines, "- X;" each and "- Lưu: VT, … ." last (PL I §II.9.d).

    The Văn thư keeps the original, so a "Lưu:" line without "VT" gets it, and a
    list without a "Lưu:" line ends with "- Lưu: VT.". With a "Kính gửi" the
    list starts with "- Như trên;".
    """
    items = [_text(item).removeprefix("-").strip() for item in meta.get("recipients") or []]
    items = [item for item in items if item]
    if meta.get("addressees") and not (items and items[0].rstrip(";") == "Như trên"):
        items.insert(0, "Như trên")  # those under "Kính gửi" come first (PL I §II.9.b)
    keep = [item for item in items if re.match(r"^Lưu\s*:", item)]
    others = [item for item in items if item not in keep]
    if keep:
        last = keep[-1].rstrip(" ;.")
        archive = re.sub(r"^Lưu\s*:\s*", "", last)
        if not re.match(r"^VT\b", archive):
            archive = f"VT, {archive}" if archive else "VT"
        others += [f"Lưu: {k.rstrip(' ;.')}" for k in keep[:-1]]
        last = f"Lưu: {archive}."
    else:
        last = "Lưu: VT."
    lines = [f"- {item}" if item.endswith(";") else f"- {item};" for item in others]
    return [*lines, f"- {last}"]


def signature_lines(meta: dict, issuer: Issuer) -> tuple[list[str], str]:
    """Authority and position lines (IN HOA) and the signer's name (Ô 7a–7c).

    An UBND decides as a collective (Điều 13.2): the chairman signs
    "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", a vice-chairman
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". Where the source names
    no authority and no title, the chairman's form is used.
    """
    signer = meta.get("signer") or {}
    name = _text(signer.get("name"))
    title = _text(signer.get("title")).upper()
    authority = _text(signer.get("authority")).upper().rstrip(".")
    authority = authority if authority in _AUTHORITIES else ""
    collective = issuer.lines[0] if issuer.lines and issuer.lines[0].startswith(COLLECTIVE) else ""
    # The head's title: the chairman of a collective, else the signer's own without "PHÓ" (Giám đốc).
    head = "CHỦ TỊCH" if collective else (title.removeprefix("PHÓ ") if title else "THỦ TRƯỞNG")
    if not title:
        title = head
    if title.startswith("PHÓ ") and authority in ("", "TM"):
        authority = "KT"  # a deputy always signs for the head (Điều 13.1–2)
    if not authority:
        authority = "TM" if collective else ""
    lines: list[str] = []
    if collective:
        lines.append(f"TM. {collective}")
    if authority == "KT":
        lines += [f"KT. {head}", title]
    elif authority == "Q":
        lines.append(f"Q. {head}")
    elif authority in ("TL", "TUQ"):
        lines += [f"{authority}. {head}", title]
    elif authority == "TM" and not collective:
        lines += [f"TM. {' '.join(issuer.lines)}", title]
    else:
        lines.append(title)
    return lines, name


def annex_reference(meta: dict, issuer: Issuer) -> str:
    """ "(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân …)" (PL I §III.1.c)."""
    number = number_line(meta, issuer).removeprefix("Số:").strip()
    when = date_line(meta).split(", ", 1)[1]
    number = number if not number.startswith("/") else f"{DRAFT_BLANK}{number}"
    return f"(Kèm theo Báo cáo số {number} {when} của {unit_body(meta, issuer)})"


@dataclass(frozen=True)
class FixedParts:
    """The parts of the document around its body, as they will print (the on-screen preview shows them)."""

    issuer_parent: str
    issuer_lines: list[str]
    number_line: str
    date_line: str
    summary: str
    basis: str
    closing: str
    recipients: list[str]
    signature: list[str]
    signer: str


def fixed_parts(contract: dict) -> FixedParts:
    """Header, trích yếu, căn cứ, closing, Nơi nhận and signature block of a report in the contract's shape."""
    meta = contract["meta"]
    issuer = issuer_of(meta)
    plans = any(s.get("code") == "plans" for s in contract.get("sections") or [])
    signature, signer = signature_lines(meta, issuer)
    return FixedParts(
        issuer_parent=issuer.parent,
        issuer_lines=list(issuer.lines),
        number_line=number_line(meta, issuer),
        date_line=date_line(meta),
        summary=summary_of(meta, plans=plans),
        basis=basis_sentence(meta, issuer),
        closing=closing_sentence(meta, issuer, plans=plans),
        recipients=recipients_of(meta),
        signature=signature,
        signer=signer,
    )
