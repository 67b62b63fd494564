"""Vietnamese text helpers shared by search, forms and the reader."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def strip_marks(text: str) -> str:
    """Diacritics gone and đ→d, case and spacing kept.

    >>> strip_marks("Phường Đức Phổ")
    'Phuong Duc Pho'
    """
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Lower-case, strip diacritics and map đ→d, for matching typed text.

    >>> fold("Phường Đức Phổ")
    'phuong duc pho'
    """
    return _SPACES.sub(" ", strip_marks(text).lower()).strip()


def squash(text: str) -> str:
    """Collapse whitespace and trim, keeping diacritics (NFC)."""
    return _SPACES.sub(" ", nfc(text)).strip()


def choice_lookup(text: str, choices) -> str | None:
    """The code of a (code, label) choice typed as its code or its label, with or without diacritics.

    >>> choice_lookup("doan ra", [("out", "Đoàn ra"), ("in", "Đoàn vào")])
    'out'
    """
    wanted = fold(str(text))
    for code, label in choices:
        if wanted in (fold(str(code)), fold(str(label))):
            return code
    return None
