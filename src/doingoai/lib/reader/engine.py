"""The pipeline: lines → layout → headings → codes → meta → facts → the JSON contract."""

from dataclasses import dataclass

from .classify import classify
from .facts import extract_facts
from .layout import Layout, find_layout
from .lines import Line, RawDocument
from .meta import extract_meta
from .normalise import flat, normalise
from .period import date_line_year, prose_period
from .prose import clear_sentence_caches
from .structure import Heading, find_headings


@dataclass
class Section:
    heading: Heading
    code: str
    also: list[str]
    lines: list[str]  # the content, one entry per line (run-in rest first)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _content(lines: list[Line], start: int, stop: int) -> list[str]:
    """Lines of prose; a table row becomes one line of cells joined by " | "."""
    out: list[str] = []
    row_key = None
    for line in lines[start:stop]:
        text = flat(line.text)
        if not text:
            continue
        if line.cell is not None:
            current = (line.cell[0], line.cell[1])
            if current == row_key and out:
                out[-1] = f"{out[-1]} | {text}"
                continue
            row_key = current
        else:
            row_key = None
        out.append(text)
    return out


def build_sections(lines: list[Line], layout: Layout) -> list[Section]:
    headings = find_headings(lines, layout.body)
    sections: list[Section] = []
    for index, heading in enumerate(headings):
        stop = headings[index + 1].line if index + 1 < len(headings) else layout.body.stop
        content = _content(lines, heading.line + 1, stop)
        if heading.rest:
            content.insert(0, heading.rest)
        sections.append(Section(heading, "other", [], content))
    coded = classify(headings, [s.text for s in sections])
    for section, result in zip(sections, coded, strict=False):
        section.code = result.code
        section.also = result.also
    return sections


def section_dict(section: Section) -> dict:
    data = {
        "code": section.code,
        "heading": section.heading.text,
        "text": section.text,
        "level": section.heading.level,
    }
    if section.also:
        data["also"] = section.also
    return data


def document_to_contract(raw: RawDocument, *, source: str) -> dict:
    clear_sentence_caches()  # per document: the figures never depend on another file's text
    lines = normalise(raw)
    layout = find_layout(lines)
    sections = build_sections(lines, layout)
    meta = extract_meta(lines, layout, sections)
    facts = extract_facts(lines, layout, sections, meta)
    if meta["period"] is None and not meta["doc_type"] and not meta["doc_number"]:
        # Prose: the period is the adverbial attached to the figures ("Năm 2012, tỉnh có …").
        texts = [flat(line.text) for line in lines]
        dated = (int(meta["issued_date"][:4]), int(meta["issued_date"][5:7])) if meta["issued_date"] else None
        meta["period"] = prose_period(texts, facts, dated or date_line_year(texts))
    return {
        "source": source,
        "meta": meta,
        "sections": [section_dict(s) for s in sections],
        "facts": facts,
    }
