"""Width of a line of Times New Roman text, to size the ND30 rules.

The rule under the Tiêu ngữ is as long as the Tiêu ngữ (PL I §II.1.b) and the
rules under the issuing body and the trích yếu take 1/3–1/2 of their line
(§II.2.b, §II.5.b): the renderer needs the text width without a font file on
the server. Advance widths (1/1000 em) are those of Times New Roman, read from
Liberation Serif, its metric clone. A Vietnamese letter with marks is as wide as
its base letter; ơ and ư are a little wider for the horn.
"""

import unicodedata

_CHARS = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~đĐ–—…“”‘’"
_REGULAR = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722,
    722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333,
    278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, 500, 722, 500, 1000, 1000,
    444, 444, 333, 333,
)  # fmt: skip
_BOLD = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500,
    500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778,
    778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
    278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, 556, 722, 500, 1000, 1000,
    500, 500, 333, 333,
)  # fmt: skip
_WIDTHS = {False: dict(zip(_CHARS, _REGULAR, strict=False)), True: dict(zip(_CHARS, _BOLD, strict=False))}
PT_TO_MM = 25.4 / 72


def _char_width(ch: str, bold: bool) -> float:
    table = _WIDTHS[bold]
    if ch in table:
        return table[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed[0] in table:
        horn = 1.08 if "\u031b" in decomposed else 1.0  # ơ, ư and their toned forms
        return table[decomposed[0]] * horn
    return 500.0


def text_width_mm(text: str, *, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` set on one line, in millimetres.

    >>> round(text_width_mm("Độc lập - Tự do - Hạnh phúc", size_pt=14, bold=True))
    60
    """
    units = sum(_char_width(ch, bold) for ch in unicodedata.normalize("NFC", text))
    return units / 1000 * size_pt * PT_TO_MM
