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
"""

import re
from dataclasses import dataclass

from ..catalogues import INDICATORS_BY_CODE
from ..vn import parse_amount_vnd
from .layout import Layout
from .lines import Line
from .normalise import key
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


def _money(text: str) -> int | None:
    match = _MONEY.search(text)
    if not match:
        return None
    digits, multiplier = match.group(1), match.group(2) or ""
    try:
        return parse_amount_vnd(f"{digits} {multiplier}".strip())
    except ValueError:
        return None


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
        r"(?:^|[\s(:,])(" + _NUMBER[1:-1] + "|" + words + r")\s+(?:(?:" + unit_pattern + r")\s+(?:[a-z]+\s+){0,2})?$",
        before,
    )
    if pre:
        value = _number(pre.group(1))
        if value is not None:
            return value, True
    # "Đoàn trong nước: 6 đoàn", "đoàn ra là 02 đoàn", "Đoàn ra nước ngoài: 0 đoàn"
    post = re.match(
        r"^[^.;:\d]{0,30}?(?:\s*[:\-–]\s*|\s+(?:la|gom|co|dat|voi|tong so)\s+)"
        + m.approx
        + _NUMBER
        + r"\s*("
        + unit_pattern
        + r")?",
        after,
    )
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


def _scan(statement: str, section_code: str, also: list[str], order: int) -> list[Candidate]:
    m = _matchers()
    found: list[Candidate] = []
    codes_here = {section_code, *also}
    for clause in _clauses(statement):
        k = key(clause)
        if not any(anchor in k for anchor in m.anchors):
            continue  # names no indicator (most clauses): skip the subject patterns
        estimate = bool(_ESTIMATE.search(clause))
        for code, phrasing in m.phrasings.items():
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
                        amount = _money(clause[match.start() :])
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
            home = INDICATORS_BY_CODE[code].section
            found.append(
                Candidate(
                    indicator=code,
                    value=value,
                    section=section_code,
                    evidence=clause.strip().rstrip(";"),
                    estimate=estimate,
                    home=section_code == home or home in also or section_code in _HOMES.get(code, ()),
                    explicit=explicit,
                    order=order,
                )
            )
    return found


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


def extract_facts(lines: list[Line], layout: Layout, sections: list, meta: dict) -> list[dict]:
    candidates: list[Candidate] = []
    order = 0
    for index, section in enumerate(sections):
        if section.code in _SKIP_SECTIONS:
            continue
        for statement in _statements(section, index):
            order += 1
            candidates.extend(_scan(statement, section.code, section.also, order))
        if section.code == "ngo_aid" or "ngo_aid" in section.also:
            explicit = {c.indicator for c in candidates if c.section == section.code and c.explicit}
            for derived in _derived_ngo(section, order):
                if derived.indicator not in explicit:
                    candidates.append(derived)
    best: dict[str, Candidate] = {}
    for candidate in candidates:
        current = best.get(candidate.indicator)
        rank = (candidate.home, candidate.explicit and candidate.value != 0, -candidate.order)
        if current is None or rank > (current.home, current.explicit and current.value != 0, -current.order):
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
