"""Facts: every catalogue indicator the text states, with its value and verbatim evidence.

A statement is read clause by clause. In a clause an indicator's subject
("đoàn ra", "người nước ngoài ... sinh sống") takes

* the number written against it: "130 người nước ngoài", "Đoàn trong nước:
  6 đoàn", "61 đoàn/571 lượt người", "trên 53 tỷ đồng";
* zero when the clause says nothing happened before it ("không tổ chức hoặc
  tiếp đón đoàn ra, đoàn vào" → two zeros), or answers it with "Không có";
* nothing otherwise: silence is not zero.

One fact per indicator: the one written in the indicator's own section wins,
then a number over a zero, then the first. When the NGO-aid section names its
aid items without counting them, the items are counted (and the people each
item helped summed), as a province would (gold README §10) — unless the
section defers its figures to an annex form.

Prose without the seeds' headings is read the same way, plus (see :mod:`prose`)
count frames, one-event frames and aid items named by their donor. Text outside
every section — all of it when the text has no heading — is read as one body.
A figure is the period's own: the month's before the year to date, a stock
("đang triển khai", "còn hiệu lực") for a stock indicator, and never a total of
several years, a future target or another territory's figure.
"""

import re
from dataclasses import dataclass

from ..catalogues import INDICATORS_BY_CODE
from .layout import Layout
from .lines import Line
from .normalise import flat, key
from .phrases import (
    APPROX_WORDS,
    NEGATIONS,
    NOT_ZERO_AFTER,
    SUBJECT_ANCHORS,
    ZERO_ANSWERS,
    compile_words,
    indicator_phrasings,
)
from .phrases import _compile as compile_phrase
from .prose import aid_items, counts_in, events_in, is_stock, item_value, oda_projects, sentence_marks, sentences
from .quantities import money

# Statements under these parts talk about the future or judge; they state no figure.
_SKIP_SECTIONS = ("plans", "recommendations")
_NO_ZEROS = ("difficulties", "causes")
# Where else an indicator is naturally written besides its catalogue section.
_HOMES = {
    "foreigners_resident": ("economic_diplomacy", "consular_affairs"),
    "fdi_projects": ("international_cooperation",),
    "oda_projects": ("international_cooperation",),
    "officials_trained": ("training",),
}
_NUMBER = r"(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_WORD_NUMBERS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
_CLAUSE_SPLIT = re.compile(r"(?<=[.;!?])\s+(?=\S)|(?<=;)(?=\S)|\s+(?:nhưng|tuy nhiên|song)\s+", re.IGNORECASE)
_ESTIMATE = re.compile(r"(?<!điều )\bước\b|\bdự kiến đến hết\b", re.IGNORECASE)
_MONEY = re.compile(_NUMBER + r"\s*(tỷ|tỉ|triệu|nghìn|ngàn)?\s*(đồng|đ|vnđ|vnd)(?![a-zà-ỹ])", re.IGNORECASE)
_DEFERRED = re.compile(r"\b(?:theo|tai)\s+(?:mau|phu luc|bieu(?: mau)?)\b|\bkem theo\)")
_DONOR = re.compile(
    r"(?:\b(?:[Tt]ổ chức|[Dd]ự án|[Qq]uỹ|[Cc]hương trình|[Hh]iệp hội)\s+[“\"]?(?:[A-ZĐ][\wÀ-ỹ]*)"
    r"|\b(?!UBND|HĐND|MTTQ|LHPN|THCS|THPT|PCPNN|TDP|BHYT|BHXH|TTHC|CCHC|NQ|TW|QĐ|UB)[A-Z]{3,}\b)"
)
_AID_VERB = re.compile(r"\b(?:ho tro|tai tro|vien tro|trien khai du an|trao tang|tang)\b")
_PEOPLE = re.compile(
    r"\bcho\s+" + _NUMBER + r"\s+(em|chau|nguoi|hoc sinh|ho|tre em|doi tuong|luot nguoi|ho gia dinh|benh nhan)\b"
)


@dataclass
class Candidate:
    indicator: str
    value: int | float
    section: str
    evidence: str
    estimate: bool
    home: bool
    explicit: bool
    order: int
    kind: str = "subject"  # subject | count | event | items
    cumulative: bool = False
    ytd: bool = False
    stock: bool = False
    rejected: bool = False  # the future, another territory, or a multi-year total of a flow


def _number(text: str) -> int | float | None:
    text = text.strip()
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    grouped = re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text)
    try:
        if grouped:
            value = float(text.replace(".", "").replace(",", "."))
        else:
            value = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(value) if value == int(value) else value


def _money(text_key: str) -> int | None:
    found = money(key(text_key))  # a key is its own key: text as written is read too
    return found[0].value if found else None


class _Matchers:
    def __init__(self) -> None:
        self.phrasings = indicator_phrasings()
        self.subjects = {code: [compile_phrase(s)[0] for s in p.subjects] for code, p in self.phrasings.items()}
        self.units = {code: compile_words(p.units) if p.units else None for code, p in self.phrasings.items()}
        self.requires = {code: compile_words(p.requires) if p.requires else None for code, p in self.phrasings.items()}
        self.excludes = {code: compile_words(p.excludes) if p.excludes else None for code, p in self.phrasings.items()}
        self.negation = re.compile(
            r"\b(?:" + "|".join(re.escape(key(n)).replace(r"\ ", r"\s+") for n in NEGATIONS) + r")\b"
        )
        self.not_zero = compile_words(NOT_ZERO_AFTER)
        self.approx = (
            r"(?:(?:" + "|".join(sorted((re.escape(key(w)) for w in APPROX_WORDS), key=len, reverse=True)) + r")\s+)?"
        )
        self.anchors = tuple(key(word) for word in SUBJECT_ANCHORS)
        self.zero_answer = re.compile(
            r"^[\s)\]]*(?:\([^)]{0,40}\))?[\s)]*[:\-–]\s*(?:"
            + "|".join(re.escape(key(z)) for z in ZERO_ANSWERS)
            + r")\b"
        )


_MATCHERS: _Matchers | None = None


def _matchers() -> _Matchers:
    global _MATCHERS
    if _MATCHERS is None:
        _MATCHERS = _Matchers()
    return _MATCHERS


def _value_for(code: str, k: str, start: int, end: int, m: _Matchers) -> tuple[int | float | None, bool]:
    """(value, explicit) for one subject found at k[start:end]; (None, False) when silent."""
    unit = m.units[code]
    unit_pattern = unit.pattern if unit else r"(?!)"
    before = k[:start]
    after = k[end:]
    words = r"(?:" + "|".join(_WORD_NUMBERS) + r")"
    # "cử 03 đoàn cán bộ ...": the subject itself carries the number
    inside = re.search(r"(?<![\d/.,])" + _NUMBER + r"(?![\d/])", k[start:end])
    if inside:
        value = _number(inside.group(1))
        if value is not None:
            return value, True
    # "130 người nước ngoài", "05 đoàn nước ngoài", "02 trường hợp công dân xuất cảnh ...", "hai đoàn"
    pre = re.search(
        r"(?:^|[\s(:,])(" + _NUMBER[1:-1] + "|" + words + r")\s+((?:" + unit_pattern + r")\s+(?:[a-z]+\s+){0,2})?$",
        before,
    )
    if pre and not pre.group(2) and unit and not unit.match(k[start:end]):
        pre = None  # "557 doanh nghiệp FDI" counts companies, not the FDI projects
    if pre:
        value = _number(pre.group(1))
        if value is not None:
            return value, True
    # "Đoàn trong nước: 6 đoàn", "đoàn ra là 02 đoàn", "Đoàn ra nước ngoài: 0 đoàn"
    post = re.match(
        r"^[^.;:\d]{0,45}?(?:\s*[:\-–]\s*|\s+(?:la|gom|co|dat|voi|tong so)\s+)"
        + m.approx
        + _NUMBER
        + r"\s*("
        + unit_pattern
        + r")?",
        after,
    )
    if not post and unit:
        # "(FDI) được tám dự án", "tiếp nhận được 12 khoản": a number with the indicator's own unit.
        post = re.match(
            r"^[^.;:\d]{0,30}?\s+(?:duoc|dat)\s+"
            + m.approx
            + r"("
            + _NUMBER[1:-1]
            + "|"
            + words
            + r")\s+("
            + unit_pattern
            + ")",
            after,
        )
    if (
        post
        and len(post.groups()) >= 2
        and post.groups()[-1] is None
        and not re.search(r"[:\-–]\s*$", after[: post.start(1)])
        and re.match(r"^\s+[a-z]", after[post.end(1) :])
    ):
        post = None  # "khoản viện trợ gồm 315 suất học bổng": a number of something else
    if post and re.match(r"^\s*(?:ty|ti|trieu|nghin|ngan|dong|vnd|vnđ|usd|%|đ\b)", after[post.end(1) :]):
        post = None  # an amount of money or a share, not a count
    if post:
        value = _number(post.group(1))
        if value is not None:
            return value, True
    # "Đoàn nước ngoài: Không có"
    window = after[:60]
    if m.zero_answer.match(re.sub(r"^[^:;.\d]{0,40}?(?=\s*[:\-–(])", "", window, count=1)):
        return 0, False
    # "không tổ chức hoặc tiếp đón đoàn ra, đoàn vào"
    negations = list(m.negation.finditer(before))
    if negations:
        last = negations[-1]
        between = before[last.end() :]
        if (
            len(between.split()) <= 14
            and not re.search(r"\d", between)
            and not m.not_zero.match(between.strip())
            and not re.search(r"\b(?:nhung|tuy nhien|song|ma con|ngoai ra)\b", between)
        ):
            return 0, False
    return None, False


def _clauses(statement: str) -> list[str]:
    parts = [p.strip(" -–+•\t") for p in _CLAUSE_SPLIT.split(statement)]
    return [p for p in parts if p]


def _statements(section, index: int) -> list[str]:
    """What a section says: its run-in heading with the rest, else its lines."""
    heading = section.heading
    title = re.sub(r"^\s*(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ]|\*+|[-+•])\s*[.)]?\s*", "", heading.text)
    statements: list[str] = []
    lines = list(section.lines)
    if heading.rest and lines:
        statements.append(f"{title} {lines.pop(0)}")
    elif lines and re.match(r"^(?:không|chưa)\b[^.]{0,25}\.?$", lines[0], re.IGNORECASE):
        # A section answered "Không có." under its heading: the heading is the subject.
        statements.append(f"{title.rstrip(':. ')}: {lines.pop(0)}")
    statements.extend(line.replace(" | ", ": ") for line in lines)
    return statements


def _scan(statement: str, section_code: str | None, also: list[str], order: int, text_key: str = "") -> list[Candidate]:
    """Candidates of one statement: its subjects (zeros, labels, "N subject") and its count frames.

    ``section_code`` is None for text outside every section: the figure then goes to
    its indicator's own section, and subjects meaningful under one topic only are off.
    """
    m = _matchers()
    found: list[Candidate] = []
    codes_here = {section_code, *also} if section_code else set()
    for sentence in sentences(statement) or [statement]:
        sentence_key = key(sentence)
        marks = _LazyMarks(sentence_key, sentence)
        for clause in _clauses(sentence):
            k = key(clause)
            estimate = bool(_ESTIMATE.search(clause))
            seen: set[str] = set()
            for count in counts_in(k, text_key or sentence_key):
                if count.indicator in seen:
                    continue
                if m.requires[count.indicator] and not m.requires[count.indicator].search(text_key or k):
                    continue
                seen.add(count.indicator)
                found.append(
                    _candidate(
                        count.indicator, count.value, section_code, also, clause, estimate, True, order, "count", marks
                    )
                )
            if not any(anchor in k for anchor in m.anchors):
                continue  # names no indicator (most clauses): skip the subject patterns
            for code, phrasing in m.phrasings.items():
                if code in seen:
                    continue
                if phrasing.sections and not codes_here & set(phrasing.sections):
                    continue
                if m.requires[code] and not m.requires[code].search(k):
                    continue
                if m.excludes[code] and m.excludes[code].search(k):
                    continue
                best: tuple[int | float, bool] | None = None
                for pattern in m.subjects[code]:
                    for match in pattern.finditer(k):
                        if phrasing.money:
                            amount = _money(k[match.start() :])
                            if amount is not None:
                                best = (amount, True)
                            continue
                        value, explicit = _value_for(code, k, match.start(), match.end(), m)
                        if value is None:
                            continue
                        if best is None or (explicit and not best[1]):
                            best = (value, explicit)
                    if best and best[1]:
                        break
                if best is None:
                    continue
                value, explicit = best
                if not explicit and section_code in _NO_ZEROS:
                    continue
                found.append(
                    _candidate(code, value, section_code, also, clause, estimate, explicit, order, "subject", marks)
                )
    return found


class _LazyMarks:
    """A sentence's marks, read only when it yields a candidate (most sentences yield none)."""

    def __init__(self, sentence_key: str, sentence: str) -> None:
        self._args = (sentence_key, sentence)
        self._marks = None

    def __getattr__(self, name: str):
        if self._marks is None:
            self._marks = sentence_marks(*self._args)
        return getattr(self._marks, name)


def _candidate(code, value, section_code, also, evidence, estimate, explicit, order, kind, marks) -> Candidate:
    home = INDICATORS_BY_CODE[code].section
    stock = is_stock(code)
    rejected = marks.future or marks.scope or (marks.cumulative and not (stock and marks.stock))
    if not explicit and value == 0:
        rejected = False  # "không phát sinh ..." is a zero whatever the sentence around it says
    return Candidate(
        indicator=code,
        value=value,
        section=section_code or home,
        evidence=evidence.strip().rstrip(";"),
        estimate=estimate,
        home=section_code is None or section_code == home or home in also or section_code in _HOMES.get(code, ()),
        explicit=explicit,
        order=order,
        kind=kind,
        cumulative=marks.cumulative,
        ytd=marks.ytd,
        stock=marks.stock,
        rejected=rejected,
    )


def _derived_ngo(section, order: int) -> list[Candidate]:
    """Aid items named but not counted in an NGO-aid section: count them, sum their people."""
    text = "\n".join(section.lines)
    if _DEFERRED.search(key(text)):
        return []
    items = [line for line in section.lines if line.strip()]
    donors: list[str] = []
    people: list[tuple[int, str]] = []
    for item in items:
        k = key(item)
        if not _AID_VERB.search(k):
            continue
        donor = _DONOR.search(item)
        if not donor:
            continue
        donors.append(_sentence_around(item, donor.start()))
        counts = [(_number(p.group(1)) or 0, p.start()) for p in _PEOPLE.finditer(k)]
        if counts:
            value, position = max(counts)
            people.append((int(value), _sentence_around(item, position)))
    out: list[Candidate] = []
    if donors:
        out.append(Candidate("ngo_projects", len(donors), section.code, " | ".join(donors), False, True, True, order))
    if people:
        out.append(
            Candidate(
                "ngo_beneficiaries",
                sum(v for v, _ in people),
                section.code,
                " | ".join(e for _, e in people),
                False,
                True,
                True,
                order,
            )
        )
    return out


def _sentence_around(text: str, position: int) -> str:
    start = max(text.rfind(". ", 0, position), text.rfind("; ", 0, position), text.rfind(": ", 0, position))
    start = 0 if start < 0 else start + 2
    ends = [
        i for i in (text.find(". ", position), text.find("; ", position), text.find(", cụ thể", position)) if i >= 0
    ]
    end = min(ends) if ends else len(text)
    return text[start:end].strip(" -.;")


def _orphans(lines: list[Line], layout: Layout, sections: list) -> list[str]:
    """Body text outside every section: all of it when the text has no heading."""
    covered: set[int] = set()
    for index, section in enumerate(sections):
        stop = sections[index + 1].heading.line if index + 1 < len(sections) else layout.body.stop
        covered.update(range(section.heading.line, stop))
    indices = [i for i in layout.body if i not in covered]
    if layout.closing is not None and not re.match(r"^tren day\b", key(lines[layout.closing].text.strip())):
        indices.append(layout.closing)  # a news item's last sentence ends with "./."
    texts = [flat(lines[i].text) for i in indices]
    return [t for t in texts if t]


def _text_level(statements: list[str], order: int, with_aid: bool, home: bool) -> list[Candidate]:
    """One-event frames and aid items of the whole text."""
    out: list[Candidate] = []
    all_sentences = [s for statement in statements for s in sentences(statement)]
    events: dict[str, str] = {}
    for sentence in all_sentences:
        for event in events_in(sentence):
            events.setdefault(event, sentence)
    for code, phrasing in indicator_phrasings().items():
        for event in phrasing.events:
            if event in events and event != "aid_item":
                out.append(_event(code, 1, events[event], order, home=home))
                break
    projects = oda_projects(all_sentences)
    if projects:
        out.append(_event("oda_projects", len(projects), projects[0], order, kind="items", home=home))
    if not with_aid:
        return out
    items, totals = aid_items(all_sentences)
    if items:
        evidence = " | ".join(item.donor for item in items)
        out.append(_event("ngo_projects", len(items), evidence, order, kind="items", home=home))
    values = [item_value(item) for item in items]
    summed = sum(v for v in values if v) if values and all(values) else None
    if totals:
        total, approximate = totals[0]
        if summed and (summed == total or (approximate and 0.85 * summed <= total <= summed * 1.15)):
            total = summed
        kind = "sum" if total == summed and len(items) > 1 else "items"
        out.append(_event("ngo_aid_value_vnd", total, "", order, kind=kind, home=home))
    elif summed:
        out.append(_event("ngo_aid_value_vnd", summed, "", order, kind="sum" if len(items) > 1 else "items", home=home))
    return out


def _event(code: str, value, evidence: str, order: int, kind: str = "event", home: bool = True) -> Candidate:
    return Candidate(code, value, INDICATORS_BY_CODE[code].section, evidence.strip(), False, home, True, order, kind)


def _rank(c: Candidate) -> tuple:
    if is_stock(c.indicator):
        marker = 2 if c.stock else (0 if c.ytd else 1)
    else:
        marker = 0 if c.ytd else 1
    # Derived section items, then what a sentence says, then the text's own aid items, events last;
    # the sum of several aid items beats one item's amount said near "trị giá".
    tier = {"derived": 4, "sum": 3, "subject": 2, "count": 2, "items": 1, "event": 0}[c.kind]
    return (c.home, tier, marker, c.explicit and c.value != 0, -c.order)


def extract_facts(lines: list[Line], layout: Layout, sections: list, meta: dict) -> list[dict]:
    candidates: list[Candidate] = []
    order = 0
    text_statements: list[str] = []
    orphans = _orphans(lines, layout, sections)
    text_key = key(" ".join([*orphans, *(line for section in sections for line in section.lines)]))
    for statement in orphans:
        order += 1
        candidates.extend(_scan(statement, None, [], order, text_key))
    text_statements.extend(orphans)
    has_ngo_section = any(s.code == "ngo_aid" or "ngo_aid" in s.also for s in sections)
    for index, section in enumerate(sections):
        if section.code in _SKIP_SECTIONS:
            continue
        statements = _statements(section, index)
        if section.code not in _NO_ZEROS:
            text_statements.extend(statements)
        for statement in statements:
            order += 1
            candidates.extend(_scan(statement, section.code, section.also, order, text_key))
        if section.code == "ngo_aid" or "ngo_aid" in section.also:
            explicit = {
                c.indicator for c in candidates if c.section == section.code and c.explicit and c.kind == "subject"
            }
            for derived in _derived_ngo(section, order):
                if derived.indicator not in explicit:
                    derived.kind = "derived"
                    candidates.append(derived)
    candidates.extend(_text_level(text_statements, order + 1, with_aid=not has_ngo_section, home=not sections))
    best: dict[str, Candidate] = {}
    for candidate in candidates:
        if candidate.rejected:
            continue
        current = best.get(candidate.indicator)
        if current is None or _rank(candidate) > _rank(current):
            best[candidate.indicator] = candidate
    facts = []
    for code in INDICATORS_BY_CODE:
        if code not in best:
            continue
        c = best[code]
        fact = {"indicator": code, "value": c.value, "section": c.section, "evidence": c.evidence}
        if c.estimate:
            fact["estimate"] = True
        facts.append(fact)
    return facts
