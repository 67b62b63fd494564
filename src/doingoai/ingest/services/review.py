"""What the review screen shows: the document's text, with the sentence behind each figure marked."""

from dataclasses import dataclass, field

from doingoai.ingest.models import Document
from doingoai.lib.text import fold, squash


@dataclass
class Span:
    text: str
    anchors: list[str] = field(default_factory=list)  # indicator codes whose evidence this is

    @property
    def anchor(self) -> str:
        return self.anchors[0] if self.anchors else ""

    @property
    def more_anchors(self) -> list[str]:
        return self.anchors[1:]


@dataclass
class TextLine:
    number: int
    spans: list[Span]


def _locate(line: str, evidence: str) -> tuple[int, int] | None:
    """Where ``evidence`` sits in ``line``: exactly, else ignoring case, diacritics and spacing (a prefix is enough)."""
    if not evidence:
        return None
    start = line.find(evidence)
    if start >= 0:
        return start, start + len(evidence)
    folded_line = fold(line)
    if len(folded_line) != len(line):  # positions would not map back: compare squashed text
        return None
    folded = fold(evidence)
    for probe in (folded, folded[:60]):
        if len(probe) < 12:
            continue
        start = folded_line.find(probe)
        if start >= 0:
            return start, (start + len(probe) if probe is folded else len(line))
    return None


def document_text_lines(*, document: Document) -> list[TextLine]:
    """The document's text line by line, each fact's evidence marked where it is found.

    A mark carries the indicator codes it proves (two facts often share one
    sentence: "không tổ chức hoặc tiếp đón đoàn ra, đoàn vào").
    """
    raw_lines = [squash(line) for line in (document.text or "").split("\n")]
    report = document.report
    facts = list(report.indicators.all()) if report is not None else []
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for fact in facts:
        for number, line in enumerate(raw_lines):
            found = _locate(line, squash(fact.evidence))
            if found:
                marks.setdefault(number, []).append((*found, fact.indicator))
                break
    lines = []
    for number, line in enumerate(raw_lines):
        spans: list[Span] = []
        cursor = 0
        merged: list[tuple[int, int, list[str]]] = []
        for start, end, code in sorted(marks.get(number, [])):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]), [*merged[-1][2], code])
            else:
                merged.append((start, end, [code]))
        for start, end, codes in merged:
            if start > cursor:
                spans.append(Span(line[cursor:start]))
            spans.append(Span(line[start:end], codes))
            cursor = end
        if cursor < len(line) or not spans:
            spans.append(Span(line[cursor:]))
        lines.append(TextLine(number + 1, spans))
    return lines
