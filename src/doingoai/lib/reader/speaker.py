"""The unit a text in prose speaks for, when no letterhead says it.

A news item or a portal post names places; one of them is the unit doing the work.
Every mention of a Vietnamese unit is found and weighed by its role:

* the forms: "tỉnh Kon Tum", "UBND huyện Yên Châu", "Sở Ngoại vụ tỉnh Z", "xã Sơn Kim 2",
  a bare province name ("Quảng Nam tiếp nhận …", "Liên hiệp Hữu nghị Quảng Nam"), an
  abbreviation ("TPHCM", "BR-VT": the province, not a name to print);
* a name ends where the gazetteer's name ends, so the person after a title ("Chủ tịch
  UBND tỉnh Lào Cai Trịnh Xuân Trường") is never read as part of a place, and a name
  the gazetteer does not know ("tỉnh Sê Kông", "TP Sangju") is not Vietnamese;
* roles: the subject of a clause (+3, and +4 more in the lead), the host of a visit
  ("thăm và làm việc tại/với X"), a delegation's own unit ("Đoàn đại biểu tỉnh X"),
  "X (Việt Nam)" beside a foreign partner (+3 each), a body of the unit ("Sở …", "UBND",
  "Liên hiệp …": +1), the headline (+2); a province named only as a venue ("tại Hà Nội"),
  in a list ("các tỉnh: A, B, C"), as a citizen's home ("hộ khẩu thường trú tại"), as
  the address of a smaller unit ("xã Dân Hóa (Minh Hóa, Quảng Bình)") or beside a
  foreign country ("tỉnh Vân Nam, Trung Quốc") counts for nothing;
* unnamed units compete too: "UBND tỉnh", "toàn tỉnh", "trên địa bàn tỉnh", a bare
  "Sở Ngoại vụ" speak for a province the text does not name.

The level with the most weight wins; its best named unit gives the name (none when
the text never names it), and the province comes from the unit, its address, or for
an unnamed province from the districts and communes the text names.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..adminunits import resolve_address
from .normalise import UPPER, key
from .prose import foreign_spans, sentences
from .units import CENTRAL_CITIES, Place, gazetteer, province_by_name

# --- the names a text may use -----------------------------------------------------

_ALIASES = {  # a province's other spellings: key → (the gazetteer's key, its full name then)
    "thua thien hue": ("hue", "Tỉnh Thừa Thiên Huế"),
    "tt hue": ("hue", "Tỉnh Thừa Thiên Huế"),
    "dac lac": ("dak lak", None),
    "daklak": ("dak lak", None),
    "dac nong": ("dak nong", None),
    "daknong": ("dak nong", None),
    "kontum": ("kon tum", None),
    "sai gon": ("ho chi minh", None),
}
_ABBREVIATIONS = re.compile(r"\b(?:tp\s?\.?\s?hcm|tphcm|hcmc|br\s?-\s?vt|brvt|tp\s?\.?\s?hn)\b")
_ABBREVIATION_PROVINCE = {"hcm": "ho chi minh", "hcmc": "ho chi minh", "vt": "ba ria vung tau", "hn": "ha noi"}


def _norm(name_key: str) -> str:
    """ "thua thien - hue" → "thua thien hue"; "ba ria-vung tau" → "ba ria vung tau"."""
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", " ", name_key)).strip()


@dataclass(frozen=True)
class _Tables:
    provinces: dict[str, tuple[int, str]]  # name key → (today's code, full name then: "Tỉnh Quảng Nam")
    districts: dict[str, list[tuple[str, int]]]  # name key → [(full name "Huyện Nam Giang", today's province)]
    wards: dict[str, list[tuple[int, int, str]]]  # name key → [(ward code, province code, type)]
    bare: re.Pattern  # every province name, for bare mentions


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    g = gazetteer()
    provinces: dict[str, tuple[int, str]] = {}
    for short, code in g.legacy_provinces.items():
        provinces[_norm(short)] = (code, g.legacy_province_full.get(short) or g.province_names[code])
    for short, code in g.provinces.items():
        provinces.setdefault(_norm(short), (code, g.province_names[code]))
    for alias, (target, full) in _ALIASES.items():
        code, target_full = provinces[_norm(target)]
        provinces[alias] = (code, full or target_full)
    districts: dict[str, list[tuple[str, int]]] = {}
    for short, items in g.districts.items():
        for district, province in items:
            place = province_by_name(province)
            if place:
                districts.setdefault(_norm(short), []).append((district, place.province_code))
    wards = {_norm(short): items for short, items in g.wards.items()}
    # "Hồ Chí Minh" alone is the President (a school, a youth union); the city has its level word.
    names = sorted({n for n in provinces if (" " in n or len(n) > 3) and n != "ho chi minh"}, key=len, reverse=True)
    bare = re.compile(r"\b(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s*-?\s*") for n in names) + r")\b")
    return _Tables(provinces, districts, wards, bare)


# --- mentions -----------------------------------------------------------------------

_LEVEL_WORD = re.compile(r"\b(thi tran|thi xa|dac khu|thanh pho|tinh|huyen|quan|xa|phuong|tp)\b\.?\s*")
_LEVELS = {  # level word → (level code, label)
    "thi tran": ("xa", "Thị trấn"),
    "thi xa": ("huyen", "Thị xã"),
    "dac khu": ("xa", "Đặc khu"),
    "thanh pho": ("huyen", "Thành phố"),
    "tp": ("huyen", "Thành phố"),
    "tinh": ("tinh", "Tỉnh"),
    "huyen": ("huyen", "Huyện"),
    "quan": ("huyen", "Quận"),
    "xa": ("xa", "Xã"),
    "phuong": ("xa", "Phường"),
}
_LEVEL_SPELLING = {"thị trấn", "thị xã", "đặc khu", "thành phố", "tỉnh", "huyện", "quận", "xã", "phường", "tp"}
_NAME_RUN = re.compile(rf"[{UPPER}][\w'’]*(?:(?:[ \t]+|[ \t]*[-–][ \t]*)(?:[{UPPER}][\w'’]*|\d{{1,2}}\b)){{0,5}}")
_WORD = re.compile(r"[\w'’]+")
# Before a name, these make it not a unit: the newspaper, a border gate, a school.
_NOT_UNIT_BEFORE = re.compile(
    r"\b(?:bao|dai|tap chi|cong thong tin|dai hoc|hoc vien|truong|benh vien|cong ty|tap doan|khach san|san bay|"
    r"cang|cua khau|quoc te|khu kinh te|khu cong nghiep|song|nui|deo|cho|ngan hang|quy|nha hat|bao tang|"
    r"nha may|thuong hieu|cau lac bo|doi tuyen|giai)\s*$"
)
_ORGAN_HEAD = re.compile(
    r"^(?:so|lien hiep|hoi|cong an|bo doi bien phong|bo chi huy|bch|tinh uy|thanh uy|huyen uy|dang uy|"
    r"ubnd|uy ban|hdnd|hoi dong|mat tran|ban|van phong|chinh quyen|lanh dao|nhan dan|doan)\b"
)
_TITLE_HEAD = re.compile(
    r"^(?:pho |nguyen )?(?:chu tich|bi thu|giam doc|truong ban|tinh truong|thi truong|chanh van phong|"
    r"chi huy truong|dai dien|lanh dao|thuong truc|uy vien)\b"
)
_CONNECTORS = {"va", "cac", "to", "chuc", "huu", "nghi", "uy", "nhan", "dan", "thuong", "truc", "hiep", "thong", "tin"}
_CONNECTORS |= {"truyen", "vu", "ngoai", "ke", "hoach", "dau", "tu", "du", "lich", "cong", "noi", "lao", "dong"}
# A person after a title ("Phó Chủ tịch UBND tỉnh Đinh Văn Thu"): the unit is unnamed, not foreign.
_SURNAME = re.compile(
    r"^(?:nguyen|tran|le|pham|hoang|huynh|phan|vu|vo|dang|bui|do|ho|ngo|duong|ly|dinh|mai|trinh|dao|luong|"
    r"lam|ha|truong|cao|ta|quach|doan|chu|kieu|thai|la|tong|giang|lo|lu|nong|hua|vi|luu|khuat|trieu|van|"
    r"tang|diep|quan|phung|thach|au|kim|son|danh|y)\s+\S+"
)
_SOURCE_TAG = re.compile(rf"^\s*(?:\([^)]{{1,30}}\)\s*[-–:]?\s*|[{UPPER}][{UPPER}.\w]{{1,12}}\s*[-–:]\s*)")
# A leading adverbial of time, place, source or manner: "Ngày 29/7,", "Trong những năm qua,", "Tiếp đoàn,".
_ADVERBIAL = re.compile(
    r"^(?:ngay|sang|chieu|toi|trua|dem|hoi|hom|tinh|trong|tu|tai|o|theo|sau|truoc|nhan|vua qua|nam|thang|quy|"
    r"nhu vay|ben canh|ngoai ra|den nay|hien nay|hien|thoi gian|phat bieu|tiep|don|cung|qua|cu the|dac biet|"
    r"rieng|thua|nham|de|thuc hien|du|mac du|nho|ve|khi|luy ke|dong thoi|gan day|mới day|moi day|\d)"
    r"[^,;:]{0,70},\s*"
)
_SUBJECT_PREFIX = re.compile(
    r"^(?:(?:pho |nguyen )?(?:chu tich|bi thu|giam doc|dai dien|lanh dao)[\w ]{0,30}?\s)?"
    r"(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|tinh uy|thanh uy|huyen uy|dang uy|chinh quyen|"
    r"lanh dao|cong an|bo doi bien phong|bo chi huy quan su|nhan dan|so [\w ]{2,40}?|"
    r"lien hiep[\w ]{0,40}?|hoi [\w ]{2,30}?|thuong truc[\w ]{0,20}?)?\s*$"
)
_HAMLET = re.compile(
    rf"\b(?:[Bb]ản|[Tt]hôn|[Kk]hóm|[Ll]àng|[Ấấ]p|[Bb]uôn|[Tt]ổ dân phố)\s+[{UPPER}][^().;,]{{0,30}}\(\s*$"
)
_CAPTION = re.compile(r"\b[Ảả]nh\s*:|\([Ảả]nh\b|[Ảả]nh minh h[ọo]a|[Ảả]nh\s+[A-ZĐ]\S*\s+[A-ZĐ]\S*\s*$")
_HOST = re.compile(
    r"(?:tham|lam viec|hoi dam|hoi kien|chao|tiep|thong tin|gap go|gap)\s*(?:,\s*|va\s+)?(?:lam viec\s+|tham\s+)?"
    r"(?:tai|voi|cua)?\s*(?:lanh dao\s+)?(?:cap cao\s+)?(?:ubnd\s+|uy ban nhan dan\s+|chinh quyen\s+)?$"
)
_VISIT_DESTINATION = re.compile(r"\b(?:den|sang|toi)\s+(?:tham\s+)?$")
_DELEGATION = re.compile(
    r"\bdoan\s+(?:cong tac\s+|dai bieu\s+|can bo\s+|lanh dao\s+|dai bieu cap cao\s+|cap cao\s+|dai bieu cac so,? nganh\s+)?"
    r"(?:cap cao\s+)?(?:cua\s+)?$"
)
_VENUE = re.compile(r"\b(?:tai|o|tren dia ban|dia ban)\s+$")
_HOME = re.compile(r"(?:thuong tru|tam tru|que quan|que o|que|tru tai|cu tru|sinh song|dia chi)\b[^.;]{0,25}$")
_LIST_BEFORE = re.compile(
    r"\b(?:cac|nhung|nhieu|\d+|hai|ba|bon|nam)\s+(?:tinh|thanh pho|huyen|xa|dia phuong)[\w ,]{0,25}:?\s*$"
)
_VN_MARK = re.compile(r"^\s*\(\s*viet nam\s*\)")
_UNNAMED = re.compile(r"\b(tinh|huyen|xa|phuong)\b(?!\s+(?:hoi|uy|lo|ban|ly|doi)\b)")
_UNNAMED_NOT_BEFORE = re.compile(
    r"\b(?:cac|hai|2|3|4|5|6|7|8|9|ba|bon|nam|moi|nhung|giua|lien|(?<!doi )ngoai|nhieu|tung|thi|cap|trong)\s+$"
)


@dataclass
class Mention:
    level: str  # "tinh" | "huyen" | "xa"
    label: str  # "Tỉnh", "Huyện", "Thành phố", "Xã" …
    name: str  # as written: "Yên Châu"
    short: str  # its key
    provinces: tuple[int, ...]  # today's provinces it may lie in
    full: str | None = None  # a province's or district's full name then
    named: bool = True  # False for an abbreviation
    score: int = 1
    eligible: bool = True  # may be the unit (not a venue, list, address, home or foreign place)
    address: list[str] = field(default_factory=list)


def _lookup(level_word: str, run: str) -> tuple[str, str, str, str, tuple[int, ...], str | None] | None:
    """(level, label, name, short, provinces, full) of the longest known name at the run's start."""
    t = _tables()
    code, label = _LEVELS[level_word]
    words = list(_WORD.finditer(run))
    for size in range(min(len(words), 5), 0, -1):
        name = run[: words[size - 1].end()]
        short = _norm(key(name))
        if level_word == "tinh" or level_word in ("thanh pho", "tp") and short in CENTRAL_CITIES:
            if short in t.provinces:
                province, full = t.provinces[short]
                return "tinh", "Tỉnh" if level_word == "tinh" else "Thành phố", name, short, (province,), full
            if level_word == "tinh":
                continue
        if code == "huyen" and short in t.districts:
            items = t.districts[short]
            typed = [d for d in items if key(d[0]).startswith(level_word.replace("tp", "thanh pho"))] or items
            return "huyen", label, name, short, tuple(p for _, p in typed), typed[0][0] if len(typed) == 1 else None
        if code == "xa" and short in t.wards:
            return "xa", label, name, short, tuple(w[1] for w in t.wards[short]), None
    if code == "xa" and words and not words[0].group(0).isdigit():
        # A former commune today's list no longer has; its address may still place it.
        name = run[: words[min(len(words), 3) - 1].end()]
        return "xa", label, name, _norm(key(name)), (), None
    return None


def _bare_role(text: str, k: str, start: int) -> str | None:
    """What stands before a bare name: "organ", "plain", or None (part of another name)."""
    before = text[:start].rstrip()
    words = before.split()
    run: list[str] = []
    for word in reversed(words):
        clean = word.strip('("“')
        if clean and (clean[0].isupper() or key(clean) in _CONNECTORS):
            run.append(clean)
            if word != clean:
                break
            continue
        break
    if not run:
        return "plain"
    phrase = key(" ".join(reversed(run)))
    if _ORGAN_HEAD.match(phrase) or _TITLE_HEAD.match(phrase) or re.search(r"\b(?:so|tinh uy|thanh uy|ubnd)\b", phrase):
        return "organ"
    if len(run) == 1 and (before.endswith(run[0]) and (len(words) == 1 or words[-2][-1:] in ".:!?")):
        return "plain"  # the first word of a sentence
    return None


def _foreign_after(text: str, end: int, spans: list[tuple[int, int]]) -> bool:
    """ "tỉnh Vân Nam, Trung Quốc", "Vòng tay Thái Bình (Hoa Kỳ)": a foreign country follows."""
    tail = key(text[end : end + 40])
    match = re.match(r"^\s*(?:\(\s*|,\s*(?:nuoc\s+)?(?:chdcnd\s+)?|\s)", tail)
    if not match:
        return False
    at = end + match.end()
    return any(s == at or (s > end and s <= at + 2) for s, _ in spans)


def _clause_prefix(sentence: str, sk: str, start: int) -> str:
    """The key text before a mention in its clause, source tag and leading adverbials removed."""
    clause_start = max(sk.rfind(";", 0, start) + 1, 0)
    prefix = sentence[clause_start:start]
    tag = _SOURCE_TAG.match(prefix)
    if tag and clause_start == 0:
        prefix = prefix[tag.end() :]
    pk = key(prefix)
    while True:
        match = _ADVERBIAL.match(pk)
        if not match or not match.end():
            break
        pk = pk[match.end() :]
    return pk.lstrip(" -–")


def _roles(
    mention: Mention,
    sentence: str,
    sk: str,
    start: int,
    end: int,
    *,
    headline: bool,
    lead: int,
    bare: bool = False,
    caption: bool = False,
) -> None:
    hamlet = _HAMLET.search(sentence[:start])
    if hamlet:
        # "Bản Nhọt Lợt (xã Mỹ Lý, huyện Kỳ Sơn) vừa …": the village acts; its commune is the unit.
        close = sentence.find(")", end)
        start, end = hamlet.start(), (close + 1 if close >= 0 else end)
    prefix = _clause_prefix(sentence, sk, start)
    before = sk[max(0, start - 60) : start]
    after = sentence[end:]
    score = 1
    if headline:
        score += 2
    if lead:
        score += 1
    apposition = re.search(
        rf"[{UPPER}][\w'’]*\s*,\s*$", sentence[:start]
    )  # "Đồn Biên phòng Thanh Thủy, huyện Vị Xuyên"
    topic = prefix in ("tai ", "o ") and re.match(
        r"^\s*(?:\([^)]*\)\s*)?,\s*[a-zà-ỹđ]", after
    )  # "Tại tỉnh Kon Tum, hiện có …"
    if apposition or caption:
        pass
    elif topic or _SUBJECT_PREFIX.match(prefix) and re.match(r"^\s*(?:[a-zà-ỹđ]|[:(,–-]|$)", after):
        score += 3 + (4 if lead == 1 else 0)
    if _HOST.search(before) or _VISIT_DESTINATION.search(before) and mention.level == "tinh":
        score += 3
    elif _DELEGATION.search(before):
        score += 3
    elif _VENUE.search(before) and mention.level == "tinh" and bare:
        mention.eligible = False  # "tại Hà Nội": where it happened, not who did it
    if _VN_MARK.match(key(after)):
        score += 3
    if re.search(
        r"\b(?:so|ubnd|uy ban nhan dan|lien hiep|hoi|cong an|bien phong|tinh uy|thanh uy|huyen uy)\b[\w ]{0,40}$",
        before,
    ):
        score += 1
    mention.score = score


def _weight(sentence: str, sk: str, start: int, lead: int, *, subject: bool = True) -> int:
    """An unnamed unit's weight: as a named one's, without the roles a name brings."""
    weight = 1 + (1 if lead else 0)
    if subject and _SUBJECT_PREFIX.match(_clause_prefix(sentence, sk, start)):
        weight += 3 + (4 if lead == 1 else 0)
    return weight


def _address(text: str, end: int) -> tuple[list[str], int]:
    """ ", huyện Hương Sơn, tỉnh Hà Tĩnh" or " (Minh Hóa, Quảng Bình)" after a unit: the pieces, and where they end."""
    t = _tables()
    pieces: list[str] = []
    paren = re.match(r"^\s*\(([^()]{2,60})\)", text[end:])
    if paren:
        for piece in paren.group(1).split(","):
            piece = piece.strip()
            pk = _norm(key(piece))
            level = _LEVEL_WORD.match(pk)
            if level:
                pieces.append(piece)
            elif pk in t.districts:
                pieces.append(f"huyện {piece}")
            elif pk in t.provinces:
                pieces.append(f"tỉnh {piece}")
            else:
                return [], end
        return pieces, end + paren.end()
    position = end
    while True:
        match = re.match(r"^\s*,\s*", text[position:])
        if not match:
            break
        at = position + match.end()
        level = _LEVEL_WORD.match(key(text[at:]))
        if not level:
            break
        run = _NAME_RUN.match(text, at + level.end())
        if not run:
            break
        found = _lookup(level.group(1), run.group(0))
        if not found:
            break
        pieces.append(text[at : at + level.end()] + found[2])
        position = at + level.end() + len(found[2])
    return pieces, position


def mentions(texts: list[str], *, headline: bool) -> tuple[list[Mention], Counter]:
    """The Vietnamese units the texts name, weighed; and the unnamed units' weights by level."""
    t = _tables()
    found: list[Mention] = []
    unnamed: Counter = Counter()
    lead = 0
    for index, text in enumerate(texts):
        caption = bool(_CAPTION.search(text))  # a photo's caption is not the lead
        for sentence in sentences(text):
            sk = key(sentence)
            is_headline = headline and index == 0
            if not is_headline and not caption and len(sk.split()) >= 10 and lead < 3:
                lead += 1
            in_lead = lead if (not is_headline and not caption and lead and lead <= 2 and len(sk.split()) >= 10) else 0
            spans = foreign_spans(sentence)
            taken: list[tuple[int, int]] = []
            chain_end = -1
            # Level-word mentions: "tỉnh Kon Tum", "huyện Yên Châu", "TP. Hồ Chí Minh".
            for match in _LEVEL_WORD.finditer(sk):
                if match.start() < chain_end:
                    continue
                if match.group(1) == "tp" and not sentence[match.start()].isupper():
                    continue
                if sentence[match.start(1) : match.end(1)].lower() not in _LEVEL_SPELLING:
                    continue  # "tình hình", "tính đến", "vùng xa", "phương hướng", "quân đội"
                run = _NAME_RUN.match(sentence, match.end())
                organ_before = re.search(
                    r"\b(?:ubnd|uy ban nhan dan|hdnd|chu tich|cong an|lien hiep[\w ]{0,30}|so [\w ]{2,30}|"
                    r"bo doi bien phong|lanh dao|tinh uy|chinh quyen)\s+$",
                    sk[: match.start()],
                )
                level_word = match.group(1)
                found_name = _lookup(level_word, run.group(0)) if run else None
                if not found_name:
                    person = bool(run and organ_before and _SURNAME.match(key(run.group(0))))
                    if (level_word in ("tinh", "huyen") and not run) or (
                        level_word in ("tinh", "huyen", "xa", "phuong") and (person or not run and organ_before)
                    ):
                        if not _UNNAMED_NOT_BEFORE.search(sk[: match.start()]) and not re.match(
                            r"^\s*(?:hoi|uy|lo|ban|ly|doi|bac|nam)\b", sk[match.end() :]
                        ):
                            unnamed[_LEVELS[level_word][0]] += _weight(sentence, sk, match.start(), in_lead)
                    continue
                level, label, name, short, provinces, full = found_name
                start, end = match.start(), match.end() + len(name)
                taken.append((start, end))
                if _foreign_after(sentence, end, spans) or _HOME.search(sk[max(0, start - 40) : start]):
                    continue
                mention = Mention(level, label, name, short, provinces, full)
                _roles(mention, sentence, sk, start, end, headline=is_headline, lead=in_lead, caption=caption)
                if _LIST_BEFORE.search(sk[max(0, start - 40) : start]) and level != "xa":
                    mention.eligible = False
                    mention.score = 0
                mention.address, chain_end = _address(sentence, end)
                found.append(mention)
                # Namesakes strung after it: "huyện Phú Ninh và Tiên Phước", "huyện Mường Khương, Si Ma Cai".
                position = max(end, chain_end)
                while True:
                    joint = re.match(r"^\s*(?:,|va\b)\s*", sk[position:])
                    run = _NAME_RUN.match(sentence, position + joint.end()) if joint else None
                    sibling = _lookup(level_word, run.group(0)) if run else None
                    if not sibling or sibling[0] != level:
                        break
                    at = position + joint.end()
                    position = at + len(sibling[2])
                    taken.append((at, position))
                    found.append(Mention(*sibling[:5], sibling[5], score=mention.score, eligible=mention.eligible))
                chain_end = max(chain_end, position)
            # Bare province names: "Quảng Nam tiếp nhận …", "Liên hiệp Hữu nghị Quảng Nam".
            for match in t.bare.finditer(sk):
                start, end = match.start(), match.end()
                if any(s <= start < e for s, e in taken) or start < chain_end:
                    continue
                if not all(w[:1].isupper() for w in sentence[start:end].replace("-", " ").split()):
                    continue
                if re.match(rf"^\s*[{UPPER}]", sentence[end:]) and not re.match(r"^\s*[-–]", sentence[end:]):
                    role = _bare_role(sentence, sk, start)
                    if role != "organ":
                        continue  # part of a longer name
                else:
                    role = _bare_role(sentence, sk, start)
                if role is None or _NOT_UNIT_BEFORE.search(sk[:start]) or _foreign_after(sentence, end, spans):
                    continue
                if (
                    _HOME.search(sk[max(0, start - 40) : start])
                    or re.search(r"\(\s*$", sk[:start])
                    and re.match(r"^\s*,", sk[end:])
                ):
                    continue  # a home, or "(Bình Dương, Thăng Bình)": a commune's address
                short = _norm(sk[start:end])
                province, full = t.provinces[short]
                mention = Mention("tinh", "Tỉnh", sentence[start:end], short, (province,), full)
                _roles(
                    mention, sentence, sk, start, end, headline=is_headline, lead=in_lead, bare=True, caption=caption
                )
                found.append(mention)
            # Abbreviations: the province, not a name to print.
            for match in _ABBREVIATIONS.finditer(sk):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                tail = re.sub(r"[^a-z]", "", match.group(0))
                short = _ABBREVIATION_PROVINCE.get(tail[-4:] if tail.endswith("hcmc") else tail[-3:]) or (
                    _ABBREVIATION_PROVINCE.get(tail[-2:])
                )
                if not short or short not in t.provinces:
                    continue
                province, full = t.provinces[short]
                mention = Mention("tinh", "Tỉnh", sentence[match.start() : match.end()], short, (province,), full)
                mention.named = False
                _roles(
                    mention,
                    sentence,
                    sk,
                    match.start(),
                    match.end(),
                    headline=is_headline,
                    lead=in_lead,
                    bare=True,
                    caption=caption,
                )
                found.append(mention)
            # Lists of three provinces or more, and unnamed signals ("toàn tỉnh", "UBND tỉnh").
            _mark_lists(found, sentence)
            for match in re.finditer(
                r"\b(?:toan|tren dia ban|dia ban|cua|tai|khap)\s+(tinh|huyen|xa)\b(?!\s+(?:hoi|uy|lo|ban|ly|doi|bac|nam)\b)",
                sk,
            ):
                if re.match(rf"^\s*[{UPPER}]", sentence[match.end() :]):
                    continue
                if sentence[match.start(1) : match.end(1)].lower() not in _LEVEL_SPELLING:
                    continue
                subject = match.group(0).startswith("toan")
                unnamed[_LEVELS[match.group(1)][0]] += _weight(sentence, sk, match.start(), in_lead, subject=subject)
            for match in re.finditer(r"\b(?:so ngoai vu|lien hiep cac to chuc huu nghi|lien hiep huu nghi)\b", sk):
                if not re.match(rf"^\s*(?:tinh|thanh pho|tp)?\s*[{UPPER}]", sentence[match.end() :]):
                    unnamed["tinh"] += _weight(sentence, sk, match.start(), in_lead)
    return found, unnamed


def _mark_lists(found: list[Mention], sentence: str) -> None:
    """Province names strung by commas ("Hà Tĩnh, Nghệ An, Thanh Hoá, …") are a list, not the unit."""
    sk = key(sentence)
    names = [m for m in found if m.level == "tinh" and m.name in sentence]
    if len(names) < 3:
        return
    pattern = "|".join(re.escape(key(m.name)) for m in names)
    if re.search(rf"(?:(?:{pattern})\s*[,;]\s*(?:va\s+)?){{2,}}(?:{pattern})", sk):
        listed = set(re.findall(rf"(?:{pattern})", sk))
        for m in names:
            if key(m.name) in listed:
                m.score = 0
                m.eligible = False


# --- the unit ------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    unit_name: str | None
    unit_level: str
    province: Place | None
    ward_code: int | None


def _unit_key(m: Mention) -> tuple:
    return (m.level, m.provinces[0] if m.level == "tinh" else m.short)


def _province_of(candidates: list[Mention], hints: Counter) -> Place | None:
    g = gazetteer()
    codes: Counter = Counter()
    for m in candidates:
        for piece in m.address:
            level = _LEVEL_WORD.match(key(piece))
            if level and _LEVELS[level.group(1)][0] == "tinh":
                found = _lookup(level.group(1), piece[level.end() :])
                if found:
                    codes[found[4][0]] += 3
        if len(m.provinces) == 1:
            codes[m.provinces[0]] += 2
        else:
            for code in m.provinces:
                if hints.get(code):
                    codes[code] += 1
    if not codes:
        return None
    code = codes.most_common(1)[0][0]
    return Place(code, g.province_names[code])


def find_speaker(texts: list[str], *, headline: bool, legacy_first: bool) -> Speaker | None:
    """The unit a prose text speaks for; None when it names none and no unnamed unit speaks."""
    found, unnamed = mentions(texts, headline=headline)
    levels: Counter = Counter(unnamed)
    for m in found:
        if m.eligible:
            levels[m.level] += m.score
    if not levels or levels.most_common(1)[0][1] <= 0:
        return None
    order = {"tinh": 0, "huyen": 1, "xa": 2}
    level = max(levels, key=lambda lv: (levels[lv], -order[lv]))
    # Provinces the text places itself in: for choosing between namesakes.
    hints: Counter = Counter()
    for m in found:
        if len(m.provinces) == 1:
            hints[m.provinces[0]] += 1
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m in found:
        if m.level == level and m.eligible and m.score > 0:
            groups[_unit_key(m)].append(m)
    best = max(groups.values(), key=lambda ms: sum(m.score for m in ms), default=None)
    g = gazetteer()
    if best is None and level == "tinh":
        # "… tại xã Quảng Phước, huyện Quảng Điền, tỉnh Thừa Thiên Huế": named in an address only.
        named_in_addresses = set()
        for m in found:
            for piece in m.address:
                level_match = _LEVEL_WORD.match(key(piece))
                if level_match and level_match.group(1) in ("tinh", "thanh pho", "tp"):
                    found_name = _lookup(level_match.group(1), piece[level_match.end() :])
                    if found_name and found_name[0] == "tinh":
                        named_in_addresses.add((found_name[4][0], found_name[5]))
        if len(named_in_addresses) == 1:
            code, full = named_in_addresses.pop()
            full = full or g.province_names[code]
            name = full if re.match(r"^(?:Tỉnh|Thành phố)\s", full) else f"Tỉnh {full}"
            return Speaker(name, "tinh", Place(code, g.province_names[code]), None)
    if best is None:
        # An unnamed unit: its province from the places it names below it (not from venues).
        below = [m for m in found if m.level != "tinh" or m.eligible]
        place = _province_of([m for m in below if m.level != "tinh"] or [m for m in below if m.level == "tinh"], hints)
        return Speaker(None, level, place, None)
    named = [m for m in best if m.named]
    if level == "tinh":
        code = best[0].provinces[0]
        name = None
        if named:
            full = named[0].full or g.province_names[code]
            name = full if re.match(r"^(?:Tỉnh|Thành phố)\s", full) else f"Tỉnh {full}"
        return Speaker(name, "tinh", Place(code, g.province_names[code]), None)
    if level == "huyen":
        place = _province_of(best, hints)
        label, written = best[0].label, _title(best[0].name)
        full = next((m.full for m in best if m.full), None)
        return Speaker(full or f"{label} {written}", "huyen", place, None)
    # A commune: today's code, through its address when the name is old or shared.
    label, written = best[0].label, _title(best[0].name)
    ward_code, place = _ward(best, hints, legacy_first=legacy_first)
    level_code = {"Phường": "phuong", "Đặc khu": "dac_khu"}.get(label, "xa")
    return Speaker(f"{label} {written}", level_code, place, ward_code)


def _title(name: str) -> str:
    if any(ch.islower() for ch in name):
        return name
    return " ".join(w[:1] + w[1:].lower() for w in name.split())


def _ward(best: list[Mention], hints: Counter, *, legacy_first: bool) -> tuple[int | None, Place | None]:
    g = gazetteer()
    t = _tables()
    m = best[0]
    addresses = [pieces for pieces in (x.address for x in best) if pieces]
    address_provinces: Counter = Counter()
    for pieces in addresses:
        for piece in pieces:
            pk = _norm(key(piece))
            level = _LEVEL_WORD.match(pk)
            name = pk[level.end() :] if level else pk
            if level and _LEVELS[level.group(1)][0] == "huyen" and name in t.districts:
                for _, code in t.districts[name]:
                    address_provinces[code] += 1
            elif name in t.provinces:
                address_provinces[t.provinces[name][0]] += 1
    current = t.wards.get(m.short, [])
    typed = [w for w in current if w[2] == m.label.lower()] or current

    def today() -> tuple[int | None, Place | None]:
        if len(typed) == 1 and (not address_provinces or typed[0][1] in address_provinces):
            return typed[0][0], Place(typed[0][1], g.province_names[typed[0][1]])
        for source in (address_provinces, hints):
            hinted = [w for w in typed if source.get(w[1])]
            if hinted:
                w = max(hinted, key=lambda w: source[w[1]])
                return w[0], Place(w[1], g.province_names[w[1]])
        return None, None

    def legacy() -> tuple[int | None, Place | None]:
        for pieces in sorted(addresses, key=len, reverse=True):
            unit = resolve_address(", ".join([f"{m.label.lower()} {m.name}", *pieces]), legacy=True)
            if unit and unit.ward_code:
                return unit.ward_code, Place(unit.province_code, g.province_names.get(unit.province_code))
        return None, None

    for attempt in (legacy, today) if legacy_first else (today, legacy):
        code, place = attempt()
        if code:
            return code, place
    if address_provinces:
        code = address_provinces.most_common(1)[0][0]
        return None, Place(code, g.province_names[code])
    if len({w[1] for w in typed}) == 1:
        return None, Place(typed[0][1], g.province_names[typed[0][1]])
    return None, None


__all__ = ["Mention", "Speaker", "find_speaker", "mentions"]
