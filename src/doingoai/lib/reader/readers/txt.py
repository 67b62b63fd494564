"""Plain text and Markdown: lines as written; markdown is undone in normalise."""

from ..errors import ERROR_ENCODING, ERROR_NO_TEXT, ReaderError
from ..lines import Line, RawDocument

SUFFIXES = (".txt", ".md", ".markdown", ".text")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1258", errors="replace")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:4096]) // 50):
        raise ReaderError(ERROR_ENCODING)
    return text


def read(data: bytes, *, name: str) -> RawDocument:
    text = decode(data)
    if "\x00" in text[:4096]:
        raise ReaderError(ERROR_ENCODING, source=name)
    lines: list[Line] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        if not raw.strip():
            blank = True
            continue
        lines.append(Line(text=raw.rstrip(), blank_before=blank))
        blank = False
    if not lines:
        raise ReaderError(ERROR_NO_TEXT, source=name)
    return RawDocument(lines=lines, kind="md" if name.lower().endswith((".md", ".markdown")) else "txt")
