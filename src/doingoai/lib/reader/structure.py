"""Headings of the body: which lines are titles, how they nest, where run-ins end.

A title line is numbered or lettered (I., 1., 1.1., a), đ), Phần thứ hai),
a markdown or bold line, or an all-capitals line. A numbered line that is a
full sentence (a task under "Phương hướng") is text, and so is a lettered or
dashed item that carries content unless its label is bold. A run-in heading
("3. Hội nghị quốc tế: Không có.") ends at the colon; the rest is its text.

Levels come from the order in which numbering styles first appear (I. → 1.
→ a)), so a document that skips or repeats a number still nests right.
"""

import re
from dataclasses import dataclass, field

from .lines import Line
from .normalise import UPPER, flat, key

_PART = re.compile(r"^(phan\s+(?:thu\s+\w+|[ivx]+|\d+))\b\s*[.:]?\s*", re.IGNORECASE)
_ROMAN = re.compile(r"^([IVX]{1,5})\s*(?:[.)]|\s[-–]\s)\s*(?=\S)")
_UPPER = re.compile(f"^([A-HĐ])\\s*[.)]\\s+(?=[{UPPER}])")
_ARABIC3 = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,2})(?!\d)\.?\s*(?=\S)")
_ARABIC2 = re.compile(r"^(\d{1,2}\.\d{1,2})(?![\d.,]\d)\.?\s*(?=[^\d\s])")
_ARABIC = re.compile(r"^(\d{1,2})\s*[.)](?![\d.]\d)\s*(?=\S)")
_LETTER = re.compile(r"^([a-zđ])\s*[.)]\s+(?=\S)")
_STAR = re.compile(r"^(\*+)\s*(?=\S)")
_DASH = re.compile(r"^([-–+•])\s*(?=\S)")

_NOT_TITLES = re.compile(
    r"^(?:bang|bieu|hinh|so do|phu luc|kinh gui|noi nhan|ghi chu|nguon|don vi tinh|dvt)\b|^\(|^\d+[/,]"
)
_TASK_VERBS = re.compile(
    r"^(?:tiep tuc|day manh|tang cuong|phoi hop|tranh thu|nang cao|thuc hien|trien khai|chi dao|de nghi|"
    r"quan tam|chu dong|duy tri|lam tot|ra soat|kien toan|hoan thien|giao|bo tri|tung buoc|nghien cuu|"
    r"tham muu|theo doi|kip thoi|thuong xuyen|phat huy|huy dong|to chuc tot|tap trung|dam bao|bao dam|"
    r"can co|co van ban|mo cac|xay dung ke hoach|uu tien|khuyen khich|tao dieu kien|don doc|ban hanh|"
    r"do |viec |nguon |can bo|doi ngu|mac du|trong nam|trong ky|hien nay|nhin chung)"
)
_HEADING_NOUNS = re.compile(
    r"^(?:cong tac|ve |tinh hinh|ket qua|danh gia|khó khan|kho khan|nguyen nhan|phuong huong|nhiem vu|"
    r"ke hoach|de xuat|kien nghi|linh vuc|doi ngoai|ngoai giao|hop tac|dac diem|boi canh|muc tieu|"
    r"giai phap|mot so|nhung|cac |thuc trang|chi tieu|hoat dong|quan ly|thong tin|van hoa)"
)
STYLE_ORDER = ("part", "upper", "roman", "arabic", "arabic2", "arabic3", "letter", "star", "dash", "plain")


@dataclass
class Heading:
    line: int  # index in the document's lines
    text: str  # as kept: numbering, trailing ":" or "." and typos stay
    style: str
    label: str | None
    rest: str | None = None  # a run-in heading's content after the colon
    level: int = 1
    parent: int | None = None  # index in the list of headings
    bold: bool = False
    md_level: int | None = None
    children: list[int] = field(default_factory=list)


def numbering(text: str) -> tuple[str, str | None, int]:
    """(style, label, where the title starts) of a line; style "plain" when unnumbered."""
    for style, pattern in (
        ("part", _PART),
        ("roman", _ROMAN),
        ("upper", _UPPER),
        ("arabic3", _ARABIC3),
        ("arabic2", _ARABIC2),
        ("arabic", _ARABIC),
        ("letter", _LETTER),
        ("star", _STAR),
        ("dash", _DASH),
    ):
        match = pattern.match(key(text) if style == "part" else text)
        if match:
            if style == "part":
                folded = key(match.group(1))
                return style, folded, match.end()
            return style, match.group(1), match.end()
    return "plain", None, 0


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 6 and sum(ch.isupper() for ch in letters) / len(letters) > 0.85


def _runin_split(text: str, title_start: int, line: Line) -> int | None:
    """Where a run-in heading's label ends (after its colon), or None for a standalone title."""
    depth = 0
    for index in range(title_start, len(text)):
        ch = text[index]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ":" and depth == 0:
            rest = text[index + 1 :].strip()
            if not rest or rest in ("./.", "."):
                return None
            return index + 1
    # A bold label followed by plain text without a colon ("**a) Đoàn ra** Trong năm ...").
    if line.bold_prefix and title_start < line.bold_prefix < len(text) - 3:
        label = text[: line.bold_prefix].rstrip()
        if label.endswith((".", ":")) or len(label.split()) <= 14:
            return line.bold_prefix
    return None


def _sentence_like(title: str) -> bool:
    k = key(title)
    words = k.split()
    ends = title.rstrip().endswith((".", ";")) and not title.rstrip().endswith("./.")
    verb = bool(_TASK_VERBS.match(k))
    if ends and (len(words) >= 12 or verb):
        return True
    if verb and len(words) >= 15 and not title.rstrip().endswith(":"):
        return True
    return len(words) > 70


@dataclass
class _Candidate:
    index: int
    style: str
    label: str | None
    title_start: int
    split: int | None
    heading: bool
    sentence: bool
    bold: bool


def _candidate(index: int, line: Line) -> _Candidate | None:
    text = flat(line.text)
    if not text or line.cell is not None:
        return None
    k = key(text)
    style, label, start = numbering(text)
    title = text if style == "part" else text[start:].strip()
    if not title or _NOT_TITLES.match(key(title)):
        return None
    if style in ("roman", "upper") and re.match(r"^[A-ZĐ]?\s*\d", title):
        return None  # "V.A 14/07/2013": a byline's initials and its date, not part V
    bold = bool(line.bold)
    split = _runin_split(text, start, line)
    label_text = text[:split] if split else text
    bold_label = bold or (split is not None and line.bold_prefix >= len(label_text.rstrip()) - 2)
    sentence = _sentence_like(title)
    words = len(key(label_text[start:]).split())
    heading = False
    if style == "plain":
        caps = _is_caps(title)
        heading = (
            split is None
            and (bold or line.md_level is not None or caps)
            and words <= 25
            and not title.endswith((".", ";", ","))
            and not re.match(r"^(?:tm|kt|tl|tuq)\s*\.", k)
            and (bold or caps or line.md_level is not None)
        )
        if heading and not caps and not bold and line.md_level is not None and len(title) < 3:
            heading = False
    elif style == "part":
        heading = words <= 20
    elif style == "dash":
        heading = bold and split is None and title.endswith(":") and words <= 14
    elif style == "star":
        heading = split is None and words <= 14 and not sentence
    elif split is not None:
        label_words = len(key(text[start:split]).split())
        label_ok = label_words <= 25 and ";" not in text[start:split] and not _sentence_like(text[start:split])
        if style == "letter":
            heading = label_ok and bold_label
        else:
            heading = label_ok and (bold_label or label_words <= 25) and not _TASK_VERBS.match(key(text[start:split]))
    else:
        heading = bold or not sentence
    if k.startswith(("kinh gui", "noi nhan")):
        heading = False
    return _Candidate(index, style, label, start, split, heading, sentence, bold or bold_label)


def _smooth(candidates: list[_Candidate]) -> None:
    """Numbered siblings that are mostly sentences are all text (a list of tasks)."""
    run: list[_Candidate] = []

    def flush() -> None:
        if len(run) >= 2:
            sentences = sum(c.sentence for c in run)
            if sentences * 2 > len(run) and not any(c.bold for c in run):
                for c in run:
                    c.heading = False
        run.clear()

    previous_style = None
    for c in candidates:
        if c.style in ("plain", "dash", "star", "part"):
            continue
        if c.style != previous_style:
            flush()
        run.append(c)
        previous_style = c.style
    flush()


def find_headings(lines: list[Line], body: range) -> list[Heading]:
    candidates = [c for i in body if (c := _candidate(i, lines[i])) is not None]
    # Smooth within runs of the same style only between two headings of a higher style.
    _smooth_by_parent(candidates)
    headings: list[Heading] = []
    stack: list[tuple[str, int]] = []  # (style, heading index)
    for c in candidates:
        if not c.heading:
            continue
        line = lines[c.index]
        text = flat(line.text)
        title = text[: c.split].strip() if c.split else text
        rest = text[c.split :].strip() if c.split else None
        style = c.style
        if style == "plain" and line.md_level is not None:
            style = f"md{line.md_level}"
        # Nest: a style seen before closes everything opened after it.
        position = next((i for i, (s, _) in enumerate(stack) if s == style), None)
        if position is not None:
            del stack[position:]
        elif style in ("part", "upper"):
            # A part ("Phần thứ hai", "B.") is never inside a numbered item.
            rank = STYLE_ORDER.index(style)
            while stack and (stack[-1][0] not in STYLE_ORDER or STYLE_ORDER.index(stack[-1][0]) > rank):
                stack.pop()
        parent = stack[-1][1] if stack else None
        heading = Heading(
            line=c.index,
            text=title,
            style=style,
            label=c.label,
            rest=rest or None,
            level=len(stack) + 1,
            parent=parent,
            bold=c.bold,
            md_level=line.md_level,
        )
        headings.append(heading)
        if parent is not None:
            headings[parent].children.append(len(headings) - 1)
        stack.append((style, len(headings) - 1))
    return headings


def _smooth_by_parent(candidates: list[_Candidate]) -> None:
    """Group numbered candidates by the headings above them, then smooth each group."""
    groups: dict[tuple, list[_Candidate]] = {}
    context: list[tuple[str, int]] = []
    for c in candidates:
        if not c.heading and not c.sentence:
            continue
        position = next((i for i, (s, _) in enumerate(context) if s == c.style), None)
        if position is not None:
            del context[position:]
        parent = tuple(context)
        groups.setdefault((parent, c.style), []).append(c)
        if c.heading:
            context.append((c.style, c.index))
    for (_, style), members in groups.items():
        if style in ("plain", "dash", "star", "part") or len(members) < 2:
            continue
        _smooth(members)
