"""Reading the prose of news items and heading-less reports: counts, events, aid items, places.

Three readers, all driven by the declarations of :mod:`phrases`:

* :func:`count_candidates` — count frames ("đón|tiếp > N đoàn"): every number
  with its own noun, the verb before it and the words after it;
* :func:`event_candidates` — one-event frames: a visit received or made, a
  signing, a seminar held, a foreign order received; each counts 1;
* :func:`aid_items` — the aid items a text names by their donor ("do Tổ chức
  COV tài trợ"), counted, with their values summed, unless a total is given.

:func:`sentence_marks` says whether a sentence's figure is cumulative, year to
date, a stock, in the future or another territory's; :func:`foreign_spans` and
:func:`is_vietnamese_place` tell a foreign partner from a Vietnamese unit.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..catalogues import INDICATORS_BY_CODE, STOCK
from .normalise import UPPER, key
from .phrases import (
    CUMULATIVE_WORDS,
    EVENT_WORDS,
    FUTURE_WORDS,
    NOT_AID_MONEY_WORDS,
    ODA_LENDERS,
    OTHER_SCOPE_WORDS,
    STOCK_WORDS,
    YEAR_TO_DATE_WORDS,
    compile_words,
    indicator_phrasings,
)
from .quantities import money, numbers

# --- sentences and their marks ------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[^\s])|(?<=\.\))\s+|\n+")


def sentences(text: str) -> list[str]:
    """A statement cut at its full stops (a decimal comma or "TP." does not end one)."""
    parts: list[str] = []
    for piece in _SENTENCE.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if parts and re.search(r"\b(?:TP|Tp|tp|TT|Q|P|TS|ThS|PGS|GS|Ths|Tr|St|Mr|Ms|Dr|e\.V)\.$", parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
            continue
        parts.append(piece)
    return parts


def _alternation(words: tuple[str, ...]) -> re.Pattern:
    plain = tuple(w for w in words if not w.startswith("re:"))
    raw = [w[3:] for w in words if w.startswith("re:")]
    parts = []
    if plain:
        parts.append(compile_words(plain).pattern)
    parts.extend(raw)
    return re.compile("|".join(f"(?:{p})" for p in parts))


@lru_cache(maxsize=1)
def _marks() -> dict[str, re.Pattern]:
    return {
        "cumulative": _alternation(CUMULATIVE_WORDS),
        "ytd": _alternation(YEAR_TO_DATE_WORDS),
        "stock": _alternation(STOCK_WORDS),
        # on the lower-cased text, not the folded key: folded, "sẽ" is "Sê" of "Sê Kông"
        "future": re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in FUTURE_WORDS) + r")(?!\w)"),
        "scope": _alternation(OTHER_SCOPE_WORDS),
        "not_aid": _alternation(NOT_AID_MONEY_WORDS),
    }


def _folded_future(sentence_key: str) -> bool:
    return bool(compile_words(tuple(w for w in FUTURE_WORDS if " " in w)).search(sentence_key))


@dataclass(frozen=True)
class Marks:
    cumulative: bool
    ytd: bool
    stock: bool
    future: bool
    scope: bool


@lru_cache(maxsize=4096)
def sentence_marks(sentence_key: str, sentence: str | None = None) -> Marks:
    m = _marks()
    ytd = bool(m["ytd"].search(sentence_key))
    lowered = unicodedata.normalize("NFC", sentence).lower() if sentence is not None else None
    return Marks(
        cumulative=bool(m["cumulative"].search(sentence_key)),
        ytd=ytd,
        stock=bool(m["stock"].search(sentence_key)) and not ytd,
        future=bool(m["future"].search(lowered)) if lowered is not None else bool(_folded_future(sentence_key)),
        scope=bool(m["scope"].search(sentence_key)),
    )


# --- places: foreign or Vietnamese ---------------------------------------------------

# Country names a Vietnamese text uses besides CLDR's ("Lào", "Hoa Kỳ", "Úc").
_EXTRA_COUNTRIES = (
    "lao",
    "chdcnd lao",
    "hoa ky",
    "my",
    "uc",
    "australia",
    "han quoc",
    "trieu tien",
    "dai loan",
    "nhat ban",
    "trung quoc",
    "thai lan",
    "campuchia",
    "cuba",
    "cu ba",
    "phap",
    "duc",
    "anh",
    "nga",
    "bi",
    "singapore",
    "an do",
    "lien bang nga",
    "hungary",
    "ba lan",
    "sec",
    "y",
    "hy lap",
)
# A one-syllable name counts only in these frames: "(Lào)", "nước bạn Lào", "WVI/Mỹ", "Bắc Lào".
_SHORT_CONTEXT = re.compile(
    r"(?:\(\s*|/\s*|\b(?:nuoc|ban|vuong quoc|cong hoa|chdcnd|lien bang|bac|nam|trung|ha|thuong|"
    r"dan chu nhan dan|nhan dan|tham|sang|tai|den|cua)\s+)$"
)


@lru_cache(maxsize=1)
def _countries() -> tuple[re.Pattern, re.Pattern]:
    from ..countries import country_choices

    names = {key(name) for _, name in country_choices()} | set(_EXTRA_COUNTRIES)
    names.discard("viet nam")
    long = sorted((n for n in names if " " in n or len(n) > 5), key=len, reverse=True)
    short = sorted(n for n in names if " " not in n and len(n) <= 5)
    return (
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in long) + r")\b"),
        re.compile(r"\b(?:" + "|".join(re.escape(n) for n in short) + r")\b"),
    )


def foreign_spans(text: str) -> list[tuple[int, int]]:
    return list(_foreign_spans(text))


def clear_sentence_caches() -> None:
    """Sentences are read several times per document (counts, events, marks): cached per document."""
    sentence_marks.cache_clear()
    _foreign_spans.cache_clear()
    key.cache_clear()


@lru_cache(maxsize=4096)
def _foreign_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where a text names a foreign country (capitalised as a name; "Lào Cai" is Vietnamese)."""
    k = key(text)
    long, short = _countries()
    spans: list[tuple[int, int]] = []
    for match in long.finditer(k):
        if text[match.start()].isupper():
            spans.append((match.start(), match.end()))
    for match in short.finditer(k):
        start, end = match.start(), match.end()
        if not text[start].isupper():
            continue
        if any(s <= start < e for s, e in spans):
            continue
        if _SHORT_CONTEXT.search(k[:start]) and not re.match(r"^\s*cai\b", k[end:]):
            spans.append((start, end))  # "(Lào)", "nước bạn Lào", "Vương quốc Bỉ"; not "Lào Cai"
            continue
        if re.match(r"^\s+[A-ZĐ]", text[end:]):
            continue  # "Lào Cai", "Đức Phổ": part of a Vietnamese name
        if re.match(r"^\s*\)", k[end:]):
            spans.append((start, end))
    return tuple(sorted(spans))


_VN_LEVEL = re.compile(
    r"^(?:cua\s+)?(?:uy ban nhan dan|ubnd|chinh quyen|so \w+(?: \w+)?|lien hiep[\w ]{0,30}?)?\s*"
    r"(tinh|thanh pho|tp\.?|huyen|quan|thi xa|xa|phuong|thi tran)\s+((?:[\w-]+\s?){1,4})"
)
_VN_ABBREVIATIONS = ("tp. hcm", "tphcm", "tp.hcm", "tp hcm", "tp. ho chi minh", "br-vt", "tp.hn")


def is_vietnamese_place(phrase_key: str) -> bool:
    """Does a folded phrase begin with a Vietnamese unit ("tỉnh Lào Cai", "Tp. HCM", "huyện Yên Châu")?"""
    from .units import gazetteer

    phrase_key = phrase_key.strip(" ,:")
    if phrase_key.startswith(_VN_ABBREVIATIONS) or re.match(r"^(?:cua\s+)?(?:tp\.?\s*hcm|tphcm)", phrase_key):
        return True
    match = _VN_LEVEL.match(phrase_key)
    if not match:
        return False
    g = gazetteer()
    words = match.group(2).split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if name in g.provinces or name in g.legacy_provinces or name in g.districts or name in g.wards:
            return True
    return False


# --- count frames ----------------------------------------------------------------------


@dataclass(frozen=True)
class CountFrame:
    """``"before > N noun|noun < after|after < !not"`` compiled (see ``IndicatorPhrasing.counts``)."""

    indicator: str
    before: re.Pattern | None
    nouns: re.Pattern
    after: tuple[re.Pattern, ...]
    not_after: re.Pattern | None

    @property
    def weight(self) -> int:
        return 1 + (self.before is not None) + len(self.after)


def compile_count(indicator: str, frame: str) -> CountFrame:
    before = None
    if " > " in frame:
        left, frame = frame.split(" > ", 1)
        before = compile_words(tuple(a.strip() for a in left.split("|")))
    parts = [p.strip() for p in frame.split(" < ")]
    head = parts[0]
    if not head.startswith("N "):
        raise ValueError(f"count frame without N: {frame!r}")
    nouns = tuple(a.strip() for a in head[2:].split("|"))
    noun_pattern = re.compile(r"^\s*(?:\(\s*\d+\s*\)\s*)?(?:" + compile_words(nouns).pattern + r")")
    after: list[re.Pattern] = []
    negatives: list[str] = []
    for part in parts[1:]:
        alternatives = [a.strip() for a in part.split("|")]
        positive = tuple(a for a in alternatives if not a.startswith("!"))
        negatives.extend(a[1:] for a in alternatives if a.startswith("!"))
        if positive:
            after.append(compile_words(positive))
    not_after = compile_words(tuple(negatives)) if negatives else None
    return CountFrame(indicator, before, noun_pattern, tuple(after), not_after)


@lru_cache(maxsize=1)
def count_frames() -> tuple[CountFrame, ...]:
    frames = []
    for code, phrasing in indicator_phrasings().items():
        frames.extend(compile_count(code, text) for text in phrasing.counts)
    return tuple(frames)


@lru_cache(maxsize=1)
def _any_noun() -> re.Pattern:
    """Every frame's nouns at once: a number followed by none of them is no count."""
    return re.compile("|".join(f"(?:{frame.nouns.pattern})" for frame in count_frames()))


@lru_cache(maxsize=1)
def _contexts() -> dict[str, re.Pattern]:
    return {code: compile_words(p.context) for code, p in indicator_phrasings().items() if p.context}


@lru_cache(maxsize=1)
def _excludes() -> dict[str, re.Pattern]:
    return {code: compile_words(p.excludes) for code, p in indicator_phrasings().items() if p.excludes}


@dataclass
class Count:
    indicator: str
    value: float
    start: int  # in the clause key
    weight: int


def counts_in(clause_key: str, text_key: str) -> list[Count]:
    """Every number of a clause that a count frame reads, with the indicator it counts.

    One number counts for one indicator: the frame that matched most of its parts wins
    ("tổ chức 07 đoàn ... đi công tác ở nước ngoài" is a delegation out, not in).
    """
    contexts = _contexts()
    excludes = _excludes()
    found: list[Count] = []
    any_noun = _any_noun()
    for number in numbers(clause_key):
        tail = clause_key[number.end :]
        if not any_noun.match(tail) or re.match(r"^\s*(?:%|phan tram|/|-\d)", tail):
            continue
        best: Count | None = None
        for frame in count_frames():
            noun = frame.nouns.match(tail)
            if not noun:
                continue
            window = tail[noun.end() :]
            before = clause_key[: number.start]
            if frame.before is not None and not frame.before.search(before):
                continue
            if any(not pattern.search(window) for pattern in frame.after):
                continue
            if frame.not_after is not None and frame.not_after.search(window):
                continue
            if frame.indicator in contexts and not contexts[frame.indicator].search(text_key):
                continue
            if frame.indicator in excludes and excludes[frame.indicator].search(tail[: noun.end() + 12]):
                continue
            if best is None or frame.weight > best.weight:
                best = Count(frame.indicator, number.value, number.start, frame.weight)
        if best is not None:
            found.append(best)
    # "10 dự án và 8 phi dự án": one count of the same thing said in two parts
    merged: list[Count] = []
    for count in found:
        if merged and merged[-1].indicator == count.indicator:
            between = clause_key[merged[-1].start : count.start]
            if re.fullmatch(r"[\d.,]+\s+[\w ]{1,20}?\s+va\s+", between):
                merged[-1] = Count(count.indicator, merged[-1].value + count.value, merged[-1].start, count.weight)
                continue
        merged.append(count)
    return merged


# --- one-event frames -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _events() -> dict[str, re.Pattern]:
    return {name: compile_words(words) for name, words in EVENT_WORDS.items()}


def _negated(before_key: str) -> bool:
    return bool(re.search(r"\b(?:khong|chua)\b[^,.;]{0,30}$", before_key))


def _delegations(sentence: str, k: str):
    """(start, end) of each word that names a delegation ("Đoàn công tác", "Đại sứ Nhật Bản")."""
    e = _events()
    blocked = [(m.start(), m.end()) for m in e["not_delegation"].finditer(k)]
    for match in e["delegation"].finditer(k):
        if any(s <= match.start() < t for s, t in blocked):
            continue
        if re.search(r"\b(?:tai|den|o)\s+$", k[: match.start()]) or k[match.end() :].startswith(" quan viet nam"):
            continue  # "làm việc tại Đại sứ quán Việt Nam": a place visited, not a visitor
        yield match.start(), match.end()


@lru_cache(maxsize=1)
def _event_trigger() -> re.Pattern:
    return compile_words(
        tuple(w for name in ("delegation", "trip", "sign", "seminar", "award") for w in EVENT_WORDS[name])
    )


def events_in(sentence: str) -> set[str]:
    """The one-event frames a sentence states: visit_in, visit_out, visit_domestic, signing, seminar, award."""
    k = key(sentence)
    found: set[str] = set()
    if not _event_trigger().search(k):
        return found  # most sentences name no event: skip the frames
    e = _events()
    marks = sentence_marks(k, sentence)
    if marks.future:
        return found
    foreign = foreign_spans(sentence)
    visit = list(e["visit"].finditer(k))
    host = list(e["host"].finditer(k))
    for start, end in _delegations(sentence, k):
        if _negated(k[:start]):
            continue
        later_visit = next((v for v in visit if v.start() >= end), None)
        stop_word = re.search(r"\s(?:do|đã|sẽ|được|cùng)\s", sentence[end : end + 160])
        stop = end + stop_word.start() if stop_word else min(len(k), end + 140)
        if later_visit:
            stop = min(stop, later_visit.start())
        origin_key = k[end:stop]
        named = re.sub(r"^\s*(?:(?:cong tac|dai bieu|can bo|khach|cap cao|chinh quyen)\s*)+", "", origin_key)
        origin_vn = is_vietnamese_place(named)
        origin_foreign = any(end <= s < stop for s, _ in foreign) and "(viet nam)" not in origin_key
        if not origin_foreign and not named.strip():
            origin_foreign = any(s < start and start - s < 90 for s, _ in foreign)  # "Hoàng hậu Bỉ ... và Đoàn"
        has_verb = bool(visit) or any(h.end() <= start for h in host)
        if origin_vn:
            if any(s >= end for s, _ in foreign):
                found.add("visit_out")
        elif origin_foreign and has_verb:
            found.add("visit_in")
        elif (
            not foreign
            and re.match(
                r"^\s*(?:cong tac |dai bieu |can bo )?cua\s+(?:bo|ban|uy ban|van phong|trung uong|cuc|tong cuc)\b",
                origin_key,
            )
            and later_visit
        ):
            found.add("visit_domestic")
    for trip in e["trip"].finditer(k):
        if any(trip.end() <= s < trip.end() + 20 for s, _ in foreign) and re.search(r"\bcua doan\b", k[trip.end() :]):
            found.add("visit_out")
    for sign in e["sign"].finditer(k):
        window = k[sign.start() : sign.end() + 60]  # "ký kết nghĩa": the verb and the noun share "kết"
        if not e["agreement"].search(window) and not e["agreement"].search(k[max(0, sign.start() - 30) : sign.start()]):
            continue
        if _negated(k[: sign.start()]) or e["not_signing"].search(k[max(0, sign.start() - 40) : sign.end() + 80]):
            continue
        if re.search(r"\b\d+ nam ky\b", k):
            continue
        found.add("signing")
    for hold in e["hold"].finditer(k):
        window = k[hold.end() : hold.end() + 90]
        seminar = e["seminar"].search(window[:25])
        if not seminar or _negated(k[: hold.start()]):
            continue
        if re.search(r"\b(?:quoc te|co yeu to nuoc ngoai)\b", window[seminar.end() : seminar.end() + 60]):
            found.add("seminar")
    for verb in e["award_verb"].finditer(k):
        if sentence[verb.start() : verb.end()].lower() not in EVENT_WORDS["award_verb"]:
            continue  # "cá nhân" is not "nhận": the key folds their tones together
        award = e["award"].search(k[verb.end() : verb.end() + 40])
        if not award:
            continue
        recipient = re.search(r"\bcho\b", k[verb.end() : verb.end() + 120])
        recipient_at = verb.end() + recipient.start() if recipient else len(k)
        if re.match(r"^\s*cho\s+(?:nhieu|cac|nhung|mot so)\b", k[recipient_at:]):
            continue  # "cho nhiều cá nhân, tập thể": several awards, not counted
        if not recipient and re.search(r"\b(?:nhieu|cac|nhung|mot so)\s+(?:ca nhan|tap the)\b", k[: verb.start()]):
            continue  # "Nhiều cá nhân, tập thể … nhận huân chương": as many awards as receivers
        giver = any(s < recipient_at for s, _ in foreign)
        receiver_foreign = any(recipient_at <= s < recipient_at + 80 for s, _ in foreign)
        if giver and not receiver_foreign and not re.search(r"nha nuoc chxhcn viet nam|cua viet nam", k):
            found.add("award")
    return found


# --- aid items by donor ---------------------------------------------------------------

# A donor in its role: "do Tổ chức COV tài trợ", "của Tổ chức Agriterra", "từ Tổ chức Vòng tay Thái Bình".
_DONOR = re.compile(
    r"\b(?:do|của|từ)\s+(?:các\s+)?((?:[Tt]ổ chức|[Hh]iệp hội|[Qq]uỹ|Bộ Tư lệnh|Cơ quan Phát triển)\s+(?:quốc tế\s+)?"
    r"[^\s,.;:()“”\"]+(?:\s+[^\s,.;:()“”\"]+){0,5})"
)
_DONOR_END = re.compile(r"\s+(?:tai tro|vien tro|ho tro|thuc hien|trien khai|voi|cho|tai|nham|quyet dinh|va|la)\b.*$")
_DONOR_VERB = re.compile(r"\b(?:tai tro|vien tro)\b")


@dataclass
class AidItem:
    donor: str
    amounts: list[int]
    preferred: list[int]  # amounts said to be the aid itself ("vốn viện trợ"), over the project's total


def _donor_names(sentence: str) -> list[str]:
    """Donors named in their role, folded to their first three words ("Tổ chức COV" → "cov")."""
    names = []
    for match in _DONOR.finditer(sentence):
        words = match.group(1).split()
        skip = 3 if key(" ".join(words[:3])) in ("co quan phat", "bo tu lenh") else (1 if key(words[0]) == "quy" else 2)
        rest = words[skip:]
        if rest and key(rest[0]) == "quoc":
            rest = rest[2:]
        if not rest or not rest[0][:1].isupper():
            continue  # "tổ chức đoàn công tác": the verb, not a donor
        folded = _DONOR_END.sub("", key(" ".join(rest))).strip()
        if not folded or folded.startswith(("huu nghi", "phi chinh phu", "pcpnn")):
            continue
        if re.match(r"^(?:chinh phu|ngan hang|doanh nghiep|cong ty)", folded):
            continue
        names.append(" ".join(folded.split()[:3]))
    return names


_MONEY_HINT = re.compile(r"\b(?:ty|ti|trieu|nghin|ngan|dong|vnd)\b|\dd\b")


def aid_items(text_sentences: list[str]) -> tuple[list[AidItem], list[tuple[int, bool]]]:
    """(the aid items named by donor, the totals given without one: (amount, approximate))."""
    items: dict[str, AidItem] = {}
    totals: list[tuple[int, bool]] = []
    last: AidItem | None = None
    not_aid = _marks()["not_aid"]
    for sentence in text_sentences:
        k = key(sentence)
        aid = bool(_DONOR_VERB.search(k)) or "phi chinh phu" in k or "pcpnn" in k
        if not aid and last is None and not _MONEY_HINT.search(k):
            continue  # no donor, no amount, nothing to attach to: nothing to read
        marks = sentence_marks(k, sentence)
        if marks.scope or marks.cumulative:
            last = None
            continue
        donors = _donor_names(sentence) if aid else []
        amounts = []
        for amount in money(k):
            context = k[max(0, amount.start - 40) : amount.start]
            if not_aid.search(context):
                continue
            amounts.append((amount.value, amount.start, context))
        if donors:
            for name in donors:
                item = items.setdefault(name, AidItem(name, [], []))
            item = items[donors[-1]]
            _add_amounts(item, amounts)
            last = item
            continue
        if amounts and last is not None and not last.amounts and not aid:
            _add_amounts(last, amounts)
            continue
        if amounts and last is not None and re.match(r"^(?:trong do|dong thoi)\b", k):
            _add_amounts(last, amounts)
            continue
        if amounts and aid:
            value, start, context = amounts[0]
            approximate = bool(re.search(r"\b(?:hon|khoang|gan|tren|xap xi|uoc)\s*$", context))
            totals.append((value, approximate))
            last = None
    return list(items.values()), totals


def _add_amounts(item: AidItem, amounts: list[tuple[int, int, str]]) -> None:
    for value, _, context in amounts:
        if value in item.amounts:
            continue
        item.amounts.append(value)
        if re.search(r"\b(?:von vien tro|vien tro khong hoan lai|gia tri vien tro)\b[^,.;]{0,20}$", context):
            item.preferred.append(value)


def item_value(item: AidItem) -> int | None:
    if item.preferred:
        return item.preferred[0]
    return item.amounts[0] if item.amounts else None


@lru_cache(maxsize=1)
def _oda_lenders() -> re.Pattern:
    return compile_words(ODA_LENDERS)


_NAMED_PROJECT = re.compile(rf"(?<=[^\s.!?])\s+Dự án\s+([{UPPER}][\w-]*(?:\s+[\w-]+){{0,3}})")


def oda_projects(text_sentences: list[str]) -> list[str]:
    """Named projects ("… từ Dự án Giảm nghèo Khu vực Tây nguyên") of a text that names an ODA lender."""
    text_key = " ".join(key(s) for s in text_sentences)
    if not _oda_lenders().search(text_key) or "khong thuoc ho tro phat trien chinh thuc" in text_key:
        return []
    names: dict[str, str] = {}
    for sentence in text_sentences:
        for match in _NAMED_PROJECT.finditer(sentence):
            names.setdefault(key(match.group(1)), "Dự án " + match.group(1))
    return list(names.values())


def is_stock(indicator: str) -> bool:
    return INDICATORS_BY_CODE[indicator].kind == STOCK


__all__ = [
    "AidItem",
    "Count",
    "CountFrame",
    "Marks",
    "aid_items",
    "compile_count",
    "count_frames",
    "counts_in",
    "events_in",
    "foreign_spans",
    "is_stock",
    "is_vietnamese_place",
    "item_value",
    "sentence_marks",
    "sentences",
]
