"""Canonical section codes for headings, by what the heading names and where it sits.

The rules (shared/seeds/gold/README.md §6–7), applied in order:

1. The phrasings of :mod:`phrases` are found in the heading's title, earliest
   first; a longer phrase hides a shorter one inside it ("thỏa thuận hợp tác
   quốc tế" is an agreement, not cooperation).
2. A heading that begins with a part of the report (difficulties, causes,
   plans, recommendations) or a frame (situation, assessment, direction)
   takes that code; the other names go to ``also``. A part under another
   part's heading keeps its own code, and a frame under a part takes the
   part ("Dự báo tình hình" under "Phương hướng" is plans).
3. A topic heading takes its narrowest topic, the others in ``also``; under a
   part heading it takes the part's code with the topic in ``also``.
4. A catch-all heading ("Các công tác khác") is coded from its content's
   first label; a heading that names nothing inherits its parent's code; at
   the top it is ``other`` (result containers such as "III. KẾT QUẢ ...").
"""

import functools
import re
from dataclasses import dataclass

from .normalise import flat, key
from .phrases import (
    BROAD_CODES,
    FRAME_CODES,
    LEAD_WORDS,
    PART_CODES,
    catch_all_patterns,
    container_patterns,
    section_phrases,
)
from .structure import Heading, numbering

_LEADS = re.compile(r"^(?:(?:" + "|".join(re.escape(key(w)) for w in LEAD_WORDS) + r")\s+)+")
_FRAMES = set(FRAME_CODES) | set(PART_CODES)


@dataclass
class Coded:
    code: str
    also: list[str]


def title_of(heading_text: str) -> str:
    """The heading's words without numbering, markers or trailing punctuation."""
    text = flat(heading_text)
    _, _, start = numbering(text)
    return text[start:].strip().rstrip(":.;").strip()


def topics(title: str) -> list[str]:
    """Section codes named in a title, in the order they are named."""
    return list(_topics(title))


@functools.lru_cache(maxsize=4096)
def _topics(title: str) -> tuple[str, ...]:
    # The same headings recur across an office's reports: each is matched against the phrases once.
    k = key(title)
    stripped = _LEADS.sub("", k)
    offset = len(k) - len(stripped)
    found: list[tuple[int, int, str]] = []
    for phrase in section_phrases():
        if phrase.anchored:
            for text, shift in ((k, 0), (stripped, offset)):
                match = phrase.pattern.match(text)
                if match:
                    found.append((match.start() + shift, match.end() + shift, phrase.code))
                    break
        else:
            for match in phrase.pattern.finditer(k):
                found.append((match.start(), match.end(), phrase.code))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    taken_until = -1
    for start, end, code in found:
        if start < taken_until:
            continue
        kept.append((start, end, code))
        taken_until = end
    codes: list[str] = []
    for _, _, code in kept:
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def is_catch_all(title: str) -> bool:
    k = key(title)
    return any(p.search(k) for p in catch_all_patterns())


def is_container(title: str) -> bool:
    k = _LEADS.sub("", key(title)) if not key(title).startswith("ket qua") else key(title)
    return any(p.match(k) for p in container_patterns())


def _content_label(text: str) -> str:
    """The first label of a section's content ("Ngoại giao kinh tế, văn hóa ...:")."""
    first = text.strip().split("\n", 1)[0]
    if ":" in first[:300]:
        return first[: first.index(":")]
    return first[:300]


def classify(headings: list[Heading], texts: list[str]) -> list[Coded]:
    """Codes for every heading; ``texts[i]`` is the content of ``headings[i]``."""
    coded: list[Coded] = []
    for index, heading in enumerate(headings):
        title = title_of(heading.text)
        parent = coded[heading.parent] if heading.parent is not None else None
        part_ancestor = None
        ancestor = heading.parent
        while ancestor is not None:
            if coded[ancestor].code in PART_CODES:
                part_ancestor = coded[ancestor].code
                break
            ancestor = headings[ancestor].parent
        found = topics(title)
        if not found and is_catch_all(title):
            found = [c for c in topics(_content_label(texts[index])) if c not in _FRAMES]
            if found:
                narrow = [c for c in found if c not in BROAD_CODES]
                main = found[0] if found[0] not in BROAD_CODES or not narrow else narrow[0]
                coded.append(Coded(main, [c for c in found if c != main]))
                continue
        if not found:
            if parent is not None:
                coded.append(Coded(parent.code, []))
            else:
                coded.append(Coded("other", []))
            continue
        parts = [c for c in found if c in _FRAMES]
        subjects = [c for c in found if c not in _FRAMES]
        if found[0] in _FRAMES:
            code = found[0]
            also = [c for c in found if c != code]
            if part_ancestor and code in FRAME_CODES:
                also = [code] + [c for c in also if c != part_ancestor]
                code = part_ancestor
            elif code in PART_CODES and not subjects and parent is not None and parent.code not in _FRAMES:
                if parent.code != "other":
                    also.append(parent.code)  # "* Tồn tại, hạn chế" under "Đối ngoại nhân dân"
            coded.append(Coded(code, also))
            continue
        narrow = [c for c in subjects if c not in BROAD_CODES]
        main = narrow[0] if narrow else subjects[0]
        also = [c for c in subjects if c != main] + [c for c in parts if c != main]
        if part_ancestor:
            also = [c for c in subjects] + [c for c in parts if c != part_ancestor]
            main = part_ancestor
        coded.append(Coded(main, list(dict.fromkeys(also))))
    return coded
