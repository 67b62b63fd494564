"""The ND30 sizes the renderer uses, declared once.

Every value is one choice inside the range Nghị định 30/2020, Phụ lục I allows
(shared/nd30-format.md); the comment cites the rule. The checker in
``check.py`` keeps its own table of the allowed *ranges* on purpose, so that a
wrong value here is caught there.
"""

from dataclasses import dataclass

FONT = "Times New Roman"  # PL I §I.4

# Page (PL I §I.1–3), in millimetres.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 20.0  # 20–25
MARGIN_BOTTOM_MM = 20.0  # 20–25
MARGIN_LEFT_MM = 30.0  # 30–35
MARGIN_RIGHT_MM = 15.0  # 15–20
HEADER_DISTANCE_MM = 10.0  # the page number sits in the top margin (PL I §I.7)
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165

# The header table (Mẫu 1.4: left = Ô 2 + Ô 3, right = Ô 1 + Ô 4). ND30 gives no widths.
HEADER_LEFT_MM = 62.0
HEADER_RIGHT_MM = TEXT_WIDTH_MM - HEADER_LEFT_MM
# The closing table: "Nơi nhận" left, signature right.
CLOSING_LEFT_MM = 80.0
CLOSING_RIGHT_MM = TEXT_WIDTH_MM - CLOSING_LEFT_MM
CELL_MARGIN_MM = 1.9  # Word's default left/right cell margin (108 twips)
TABLE_CELL_MARGIN_MM = 1.0  # the 14-column annex table needs its room

BODY_INDENT_MM = 10.0  # first-line indent 1 cm or 1.27 cm (PL I §II.6.e)
BODY_SPACE_BEFORE_PT = 6  # at least 6 pt between paragraphs (PL I §II.6.e)
BODY_LINE_SPACING = 1.15  # between single and 1.5 lines (PL I §II.6.e)
SIGNATURE_SPACE_PT = 72  # room for the signature and seal (Ô 7c, Ô 8)
DRAFT_BLANK = " " * 6  # a number or day left for the Văn thư to fill in (Điều 15.2)


@dataclass(frozen=True)
class Element:
    """How one element of the document is set: size in points, weight, slant."""

    size: float
    bold: bool = False
    italic: bool = False


# PL I §II and Mục V, element by element.
PARENT_BODY = Element(13)  # Ô 2 parent agency, IN HOA, not bold (§II.2.b)
ISSUER = Element(13, bold=True)  # Ô 2 issuing body, IN HOA, bold (§II.2.b)
NATIONAL_NAME = Element(13, bold=True)  # Quốc hiệu, 12–13, bold (§II.1.a)
MOTTO = Element(14, bold=True)  # Tiêu ngữ, 13–14, bold (§II.1.b)
NUMBER = Element(13)  # "Số: …/BC-UBND", size 13, upright (§II.3.c)
PLACE_DATE = Element(14, italic=True)  # 13–14, italic (§II.4.c)
DOC_TYPE = Element(14, bold=True)  # "BÁO CÁO", 13–14, bold (§II.5.b)
SUMMARY = Element(14, bold=True)  # trích yếu, 13–14, bold (§II.5.b)
BODY = Element(14)  # 13–14, upright (§II.6.e)
HEADING_1 = Element(14, bold=True)  # mục "I. …", IN HOA, bold (Mục V 6.b)
HEADING_2 = Element(14, bold=True)  # khoản "1. …" with a title, bold (Mục V 6.b)
HEADING_3 = Element(14)  # điểm "a) …", body size, not bold (§II.6.đ)
HEADING_FREE = Element(14, bold=True)  # an unnumbered sub-heading ("* Tồn tại, hạn chế:")
AUTHORITY = Element(14, bold=True)  # TM./KT. and position, IN HOA, bold (§II.7.đ)
SIGNER = Element(14, bold=True)  # signer's name, bold (§II.7.đ)
RECIPIENTS_LABEL = Element(12, bold=True, italic=True)  # "Nơi nhận:" (§II.9.d)
RECIPIENT = Element(11)  # "- Sở Ngoại vụ;" (§II.9.d)
PAGE_NUMBER = Element(14)  # 13–14, upright (§I.7)
ANNEX_LABEL = Element(14, bold=True)  # "Phụ lục" (§III.1.b)
ANNEX_TITLE = Element(14, bold=True)  # IN HOA (§III.1.b)
ANNEX_REF = Element(14, italic=True)  # "(Kèm theo …)" (§III.1.c)
TABLE = Element(11)  # annex table cells (ND30 sets no size for tables)
TABLE_HEAD = Element(11, bold=True)

# Share of the line a short rule takes: 1/3 to 1/2 (§II.2.b, §II.5.b).
SHORT_RULE_RATIO = 0.42
