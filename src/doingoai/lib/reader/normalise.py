"""Normalisation: what every reader's lines go through before anything reads them.

* NFC, no-break and zero-width spaces, markdown and escape leftovers
  (``**``, ``\\*``, ``#``) — the text keeps its words exactly, so evidence
  and headings stay verbatim;
* a matching key (:func:`key`) that is lower-case, diacritic-free and has
  the same length as the text, so a pattern found in the key is a span of
  the original; old and new tone placement (``hoà``/``hòa``) meet there;
* :func:`unify_tones` for comparing names as written (new placement);
* lines broken mid-sentence by a page break joined, and a heading glued to
  the previous sentence (``...như sau:1. Đánh giá``) split off.
"""

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from .lines import Line, RawDocument

# --- the matching key ----------------------------------------------------


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    if len(low) != 1:
        low = base
    if low in "\t\n\r\x0b\x0c\u00a0\u2002\u2003\u2009\u202f":
        return " "
    return low


_FOLD_TABLE = {cp: _fold_char(chr(cp)) for cp in range(0x20, 0x250)}
_FOLD_TABLE.update({cp: _fold_char(chr(cp)) for cp in range(0x1E00, 0x1F00)})
_FOLD_TABLE.update({ord(ch): " " for ch in "\t\n\r\u00a0\u2002\u2003\u2009\u202f"})
_FOLD_TABLE.update({ord("\u2013"): "-", ord("\u2014"): "-", ord("\u201c"): '"', ord("\u201d"): '"'})


@lru_cache(maxsize=1 << 15)
def key(text: str) -> str:
    """Lower-case, diacritics gone, đ→d; the same length as ``text`` (NFC input).

    >>> key("Hoà Bình, THUỶ")
    'hoa binh, thuy'
    """
    return text.translate(_FOLD_TABLE)


# --- tone placement ---------------------------------------------------------

# Old style puts the tone on the second vowel of an open "oa/oe/uy" syllable
# (hoà, thuỷ); the new style on the first (hòa, thủy). Closed syllables
# (hoàng, thuyền) are written the same in both.
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "A": "ÀÁẢÃẠ",
    "E": "ÈÉẺẼẸ",
    "Y": "ỲÝỶỸỴ",
}
_TONE_ON = {"o": "òóỏõọ", "u": "ùúủũụ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ"}
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _build_tone_map() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for first, second in _PAIRS:
        for upper_first in (False, True):
            for upper_second in (False, True):
                f = first.upper() if upper_first else first
                s = second.upper() if upper_second else second
                for tone in range(5):
                    old = f + _TONED[s][tone]
                    new = _TONE_ON[f][tone] + s
                    mapping[old] = new
    return mapping


_TONE_MAP = _build_tone_map()
_OLD_TONE = re.compile(
    r"(?<![qQ])(" + "|".join(sorted(map(re.escape, _TONE_MAP), key=len, reverse=True)) + r")(?![^\W\d_])"
)


def unify_tones(text: str) -> str:
    """Old tone placement to the new one, in open syllables only.

    >>> unify_tones("Thanh Hoá, thuỷ lợi, hoàng, quý")
    'Thanh Hóa, thủy lợi, hoàng, quý'
    """
    return _OLD_TONE.sub(lambda m: _TONE_MAP[m.group(1)], unicodedata.normalize("NFC", text))


# --- markdown ---------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u202f\u3000"), " ")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_EMPHASIS_OPEN = re.compile(r"(?:^|(?<=[\s(\[\"“]))(\*{1,3}|_{2,3})(?=[^\s*])")
_EMPHASIS_CLOSE = re.compile(r"(?<=[^\s*])(\*{1,3}|_{2,3})(?=$|[\s).,:;!?\]\"”])")
_MD_LIST_STAR = re.compile(r"^\*\s+(?=\S)")
_PROTECT = "\x00"


def _strip_markdown(text: str) -> tuple[str, int | None, bool, int]:
    """(text, markdown heading level, fully bold, bold prefix length) of one line."""
    level = None
    match = _MD_HEADING.match(text)
    if match:
        level = len(match.group(1))
        text = text[match.end() :]
        text = re.sub(r"\s+#+\s*$", "", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(lambda m: _PROTECT if m.group(1) == "*" else m.group(1), text)
    stripped = text.strip()
    bold_all = False
    prefix = 0
    if "**" in stripped or "__" in stripped:
        inner = stripped.strip("*_ ")
        segments = re.split(r"\*\*|__", stripped)
        if stripped.startswith(("**", "__", "***")) and stripped.endswith(("**", "__")):
            bold_all = "**" not in inner or all(not s.strip() or i % 2 for i, s in enumerate(segments))
        elif stripped.startswith(("**", "***", "__")):
            prefix = len(_clean_emphasis(segments[1] if len(segments) > 1 else "").strip())
    if "*" in text or "__" in text:
        text = _clean_emphasis(text)
    text = text.replace(_PROTECT, "*")
    return text, level, bold_all, prefix


def _clean_emphasis(text: str) -> str:
    star_bullet = _MD_LIST_STAR.match(text.lstrip())
    lead = ""
    if star_bullet:  # "* item" is a list bullet, not emphasis: keep it
        text = text.lstrip()
        lead, text = text[: star_bullet.end()], text[star_bullet.end() :]
    text = text.replace("**", "").replace("__", "")
    text = _EMPHASIS_OPEN.sub("", text)
    text = _EMPHASIS_CLOSE.sub("", text)
    return lead + text


# --- per line ---------------------------------------------------------------

_INNER_GAP = re.compile(r"(?<=\S) {4,}(?=\S)")
_TABS = re.compile(r"[ ]*\t[\t ]*")


def clean_text(text: str) -> str:
    """NFC, odd spaces gone, wide inner gaps as one tab, ends trimmed."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES)
    text = _INNER_GAP.sub("\t", text)
    text = _TABS.sub("\t", text)
    return text.strip(" \t\r\n")


_WHITESPACE = re.compile(r"\s+")


def flat(text: str) -> str:
    """One line of prose: tabs and runs of spaces as one space."""
    return _WHITESPACE.sub(" ", text).strip()


def _clean_line(line: Line, *, markdown: bool) -> Line | None:
    text = line.text
    md_level = line.md_level
    bold = line.bold
    prefix = line.bold_prefix
    if markdown and any(ch in text for ch in "*#_\\"):
        text, md_level, md_bold, md_prefix = _strip_markdown(text)
        if md_bold:
            bold = True
        elif md_prefix and not bold:
            prefix = md_prefix
    text = clean_text(text)
    # A web page's table borders: a lone "|" line, or one hanging at either end ("… này./. |").
    text = re.sub(r"^\|\s+|\s+\|$", "", text).strip() if text != "|" else ""
    if not text or re.fullmatch(r"[-_=*.·•~]{3,}", text):
        return None  # empty, or a drawn rule ("-----")
    if line.numbering and line.numbering != "-":
        text = f"{line.numbering} {text}"
        prefix = prefix + len(line.numbering) + 1 if prefix else 0
    elif line.numbering == "-":
        text = f"- {text}"
    return replace(line, text=text, md_level=md_level, bold=bold, bold_prefix=prefix)


# --- joining and splitting ----------------------------------------------------

_VN_LETTERS = [chr(cp) for cp in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x1B1), *range(0x1EA0, 0x1EFA))]
UPPER = "".join(ch for ch in _VN_LETTERS if ch.isupper())  # for regex classes: [{UPPER}]
LOWER = "".join(ch for ch in _VN_LETTERS if ch.islower())

_END_PUNCT = tuple('.:;!?…)]”"»/')
_LIST_START = re.compile(r"^(?:[-+•*–]\s|[a-zđ]\s?[.)]\s|\d{1,3}[.)](?!\d)|[IVX]+[.)]\s)")
_LOWER_START = re.compile(f"^[{LOWER}]")
_GLUED = re.compile(f"(?<=[:.;])(?=(?:[IVX]{{1,4}}|\\d{{1,2}}|[a-zđ])[.)]\\s+[{UPPER}])")


def _joinable(previous: Line, line: Line, *, geometric: bool) -> bool:
    if previous.cell != line.cell:
        return False
    prev_text = previous.text
    if "\t" in prev_text or "\t" in line.text or _LIST_START.match(line.text):
        return False
    if geometric:
        if prev_text.endswith("./.") or re.match(r"^(?:TM|KT|TL|TUQ|Q)\s*\.", line.text):
            return False  # the closing sentence's end, a signature's "TM."
        right = previous.extra.get("x1_rel")
        if right is None:
            return False
        if right < 0.9:
            # A long word ("Champasak") wraps early: the line still ends mid-sentence when the next
            # line's first word could not have fitted in the space left.
            # A line of prose is never left without its full stop: a long line ending mid-sentence
            # (not a numbered or bold heading) goes on in the next one.
            if (
                right < 0.8
                or len(prev_text) < 60
                or prev_text.endswith(_END_PUNCT)
                or _LIST_START.match(prev_text)
                or previous.bold
                or previous.numbering
            ):
                return False
        # Only prose lines that start at the left margin: the header's right column is not a paragraph.
        if previous.extra.get("x0", 0) > 0.35 or line.extra.get("x0", 0) > 0.35:
            return False
        if line.blank_before and line.page == previous.page:
            return False
        return not prev_text.endswith((":",)) or _LOWER_START.match(line.text) is not None
    if prev_text.endswith(_END_PUNCT) or len(prev_text) < 30:
        return False
    return bool(_LOWER_START.match(line.text)) and not line.text[:1] in '("“'


def _split_glued(line: Line) -> list[Line]:
    text = line.text
    cuts = [m.start() for m in _GLUED.finditer(text) if m.start() > 20]
    if not cuts:
        return [line]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    out = []
    for index, piece in enumerate(pieces):
        piece = piece.strip()
        if piece:
            out.append(
                replace(
                    line,
                    text=piece,
                    bold_prefix=0,
                    numbering=None,
                    blank_before=line.blank_before if index == 0 else False,
                )
            )
    return out


def normalise(document: RawDocument) -> list[Line]:
    """Clean every line, split glued headings, join lines a page or a wrap broke."""
    markdown = document.kind in ("txt", "md")
    geometric = document.kind in ("pdf", "ocr")
    cleaned: list[Line] = []
    for raw in document.lines:
        line = _clean_line(raw, markdown=markdown)
        if line is None:
            continue
        cleaned.extend(_split_glued(line))
    joined: list[Line] = []
    for line in cleaned:
        if joined and _joinable(joined[-1], line, geometric=geometric):
            previous = joined[-1]
            extra = dict(previous.extra)
            if "x1_rel" in line.extra:
                extra["x1_rel"] = line.extra["x1_rel"]
            joined[-1] = replace(
                previous,
                text=f"{previous.text} {line.text}",
                bold=bool(previous.bold and line.bold) if previous.bold is not None else None,
                extra=extra,
            )
            continue
        joined.append(line)
    return joined
