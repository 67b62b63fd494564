"""What a person typed into the search box, and the hits shown in context.

Plain Python. A query is a list of terms that must all appear in a section:

    >>> [t.words for t in query_parse('vien tro "Thụy Sĩ" WWF')]
    [('vien',), ('tro',), ('thuy', 'si'), ('wwf',)]

A quoted group is a phrase (its words side by side); a word ending in ``*`` is
a prefix (``hoi*`` finds hội, hồi, hỏi…). Letters are matched without
diacritics, so "vien tro" finds "viện trợ" and "doan" finds "đoàn".

Highlighting works on the text as written: the text is folded character by
character, the terms are found in the folded copy, and the marks are put back
on the original, everything else HTML-escaped.

    >>> str(snippet_html("Tiếp nhận viện trợ của WWF <Thụy Sĩ>", query_parse("vien tro wwf")))
    'Tiếp nhận <mark>viện</mark> <mark>trợ</mark> của <mark>WWF</mark> &lt;Thụy Sĩ&gt;'
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from doingoai.lib.text import fold

ERROR_EMPTY = "Hãy gõ từ cần tìm, ví dụ: viện trợ WWF."
ERROR_SHORT = "Từ cần tìm quá ngắn: hãy gõ ít nhất 2 chữ cái."
ERROR_SHORT_PREFIX = "Trước dấu * cần ít nhất 2 chữ cái, ví dụ: hoi*."
ERROR_LONG = "Câu tìm quá dài: hãy gõ tối đa {terms} từ, {chars} ký tự."

MAX_TERMS = 12
MAX_CHARS = 200
MIN_CHARS = 2

SNIPPET_CHARS = 240  # one fragment of context; a phone shows it in four or five lines
BEFORE_CHARS = 70  # of it, before the first hit
MAX_FRAGMENTS = 2

_WORD = re.compile(r"[^\W_]+")
_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')
_SPACES = re.compile(r"\s+")


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Term:
    raw: str  # as typed, without quotes or "*": "Thụy Sĩ"
    words: tuple[str, ...]  # folded: ("thuy", "si")
    prefix: bool = False


def query_parse(text: str) -> list[Term]:
    """The terms of a query; QueryError when there is nothing to search, too little or too much."""
    text = unicodedata.normalize("NFC", text or "").strip()
    if len(text) > MAX_CHARS:
        raise QueryError(ERROR_LONG.format(terms=MAX_TERMS, chars=MAX_CHARS))
    terms: list[Term] = []
    for quoted, bare in _CHUNK.findall(text):
        raw = quoted if quoted else bare
        prefix = not quoted and raw.endswith("*")
        raw = raw.rstrip("*") if prefix else raw
        words = tuple(_WORD.findall(fold(raw)))
        if not words:
            continue
        if prefix and (len(words) != 1 or len(words[0]) < MIN_CHARS):
            # A prefix of one letter would match nearly every section; of several words, it is a phrase.
            if len(words) == 1:
                raise QueryError(ERROR_SHORT_PREFIX)
            prefix = False
        if (words, prefix) not in [(t.words, t.prefix) for t in terms]:
            terms.append(Term(raw=raw, words=words, prefix=prefix))
    if not terms:
        raise QueryError(ERROR_EMPTY)
    if len(terms) > MAX_TERMS:
        raise QueryError(ERROR_LONG.format(terms=MAX_TERMS, chars=MAX_CHARS))
    if sum(len(word) for term in terms for word in term.words) < MIN_CHARS:
        raise QueryError(ERROR_SHORT)
    return terms


def _pattern(term: Term) -> str:
    # Words side by side, whatever separates them ("1.250", "WWF-Việt Nam"), never inside another word.
    body = r"[\W_]+".join(re.escape(word) for word in term.words)
    return r"(?<![^\W_])" + body + (r"[^\W_]*" if term.prefix else r"(?![^\W_])")


class _FoldTable(dict):
    """str.translate table folding one character at a time (lib.text.fold), filled as characters are met."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        value = char if char.isspace() else fold(char)
        self[codepoint] = value
        return value


_FOLD = _FoldTable()


def _folded(text: str) -> tuple[str, list[int] | None]:
    """The folded text, and where each of its characters came from (None: the same places)."""
    folded = text.translate(_FOLD)
    if len(folded) == len(text):
        return folded, None
    index = []
    for position, char in enumerate(text):
        index.extend([position] * len(char.translate(_FOLD)))
    return folded, index


def hit_spans(text: str, terms: list[Term]) -> list[tuple[int, int, int]]:
    """(start, end, term number) of every hit in ``text``, in order, overlaps merged into the first."""
    folded, index = _folded(text)
    spans = []
    for number, term in enumerate(terms):
        for match in re.finditer(_pattern(term), folded):
            start, end = match.span()
            if index is not None:
                start, end = index[start], index[end - 1] + 1
                while end < len(text) and unicodedata.combining(text[end]):
                    end += 1
            spans.append((start, end, number))
    spans.sort()
    merged: list[tuple[int, int, int]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], span[1]), last[2])
        else:
            merged.append(span)
    return merged


def _marked(text: str, spans, start: int, end: int) -> str:
    """text[start:end] escaped, with the spans inside it in <mark>, whitespace collapsed."""
    out, cursor = [], start
    for span_start, span_end, _ in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        out.append(escape(text[cursor:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(escape(text[cursor:end]))
    return _SPACES.sub(" ", "".join(out))


def _window(text: str, spans, anchor: int) -> tuple[int, int]:
    """About SNIPPET_CHARS around the hit at ``anchor``, widened to whole words."""
    start = max(0, spans[anchor][0] - BEFORE_CHARS)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, min(start, end - SNIPPET_CHARS))
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 20 else start
    if end < len(text):
        space = text.find(" ", end)
        end = space if 0 <= space and space - end < 20 else end
    return start, end


def _best_windows(text: str, spans, wanted: int) -> list[tuple[int, int]]:
    """Up to MAX_FRAGMENTS windows: the one holding the most different terms, then one for the terms it missed."""
    windows: list[tuple[int, int]] = []
    missing = set(range(wanted))
    for _ in range(MAX_FRAGMENTS):
        best, best_score = None, (0, 0)
        for anchor, span in enumerate(spans):
            if span[2] not in missing:
                continue
            start, end = _window(text, spans, anchor)
            inside = [s for s in spans if s[0] >= start and s[1] <= end]
            score = (len({s[2] for s in inside} & missing), len(inside))
            if score > best_score:
                best, best_score = (start, end), score
        if best is None:
            break
        windows.append(best)
        missing -= {s[2] for s in spans if s[0] >= best[0] and s[1] <= best[1]}
        if not missing:
            break
    return sorted(windows)


def snippet_html(text: str, terms: list[Term]) -> SafeString:
    """The text around its hits (at most two fragments, "…" where cut), hits in <mark>, the rest escaped.

    A text without a hit (the heading matched) gives its beginning.
    """
    text = unicodedata.normalize("NFC", text or "").strip()
    spans = hit_spans(text, terms)
    if not spans:
        end = len(text) if len(text) <= SNIPPET_CHARS else (text.rfind(" ", 0, SNIPPET_CHARS) + 1 or SNIPPET_CHARS)
        cut = end < len(text)
        return mark_safe(_SPACES.sub(" ", escape(text[:end].rstrip())) + ("…" if cut else ""))
    pieces = []
    for start, end in _best_windows(text, spans, len(terms)):
        if start > 0:
            pieces.append("…")
        pieces.append(_marked(text, spans, start, end).strip())
        if end < len(text):
            pieces.append("…")
    joined = " ".join(pieces).replace("… …", "…")
    return mark_safe(joined)


def highlight_html(text: str, terms: list[Term]) -> SafeString:
    """The whole of a short text (a heading) with its hits in <mark>."""
    text = unicodedata.normalize("NFC", text or "").strip()
    return mark_safe(_marked(text, hit_spans(text, terms), 0, len(text)))


_MARK = re.compile(r"<mark>(.*?)</mark>", re.S)


def html_to_plain(html: SafeString, mark=lambda hit: f"[{hit}]") -> str:
    """A highlighted snippet as plain text for a terminal: hits through ``mark``, entities unescaped."""
    import html as html_lib

    return html_lib.unescape(_MARK.sub(lambda m: mark(m.group(1)), str(html)))
