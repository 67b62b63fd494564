"""What every reader yields: text lines with the layout it knows.

A reader does not interpret the document; it only says what a person sees:
the words of one visual line or paragraph, whether they are bold, how they
are aligned, whether they sit in a table cell, on which page. Columns that a
file lays side by side without a table (tabs, or a wide gap in a PDF) are
kept as ``\\t`` inside ``text``.
"""

from dataclasses import dataclass, field, replace


@dataclass(slots=True)
class Line:
    text: str
    bold: bool | None = None  # None: the source does not know (plain text)
    bold_prefix: int = 0  # length of a leading bold run ("**a) Đoàn ra:** ...")
    italic: bool | None = None
    align: str | None = None  # "left", "center", "right", "justify"
    cell: tuple[int, int, int] | None = None  # (table, row, column) when inside a table
    page: int | None = None
    style: str | None = None  # Word paragraph style, when known
    numbering: str | None = None  # a Word list label the text itself lacks ("1.")
    md_level: int | None = None  # markdown "#" count
    blank_before: bool = False
    indent: float | None = None
    extra: dict = field(default_factory=dict)

    def with_text(self, text: str) -> "Line":
        return replace(self, text=text)


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: the lines in reading order and how they were got."""

    lines: list[Line]
    kind: str  # "txt", "md", "docx", "doc", "pdf", "ocr"
    pages: int | None = None
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)
