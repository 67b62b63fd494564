"""Read an existing foreign-affairs report into the JSON contract of shared/domain.md.

    >>> from doingoai.lib.reader import read_text
    >>> result = read_text("I. Đặc điểm tình hình\\nNăm 2025 ...", source="x.txt")
    >>> result["sections"][0]["code"]
    'situation'

Public API: :func:`read_file`, :func:`read_bytes`, :func:`read_text`,
:func:`ingest_paths` and :class:`ReaderError` (its ``str()`` is a message in
Vietnamese for the officer). Plain Python: no Django here.
"""

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .engine import document_to_contract
from .errors import ERROR_EMPTY, ERROR_NOT_FOUND, ERROR_TOO_LARGE, ReaderError
from .lines import Line, RawDocument
from .readers import read_raw

MAX_BYTES = 200 * 1024 * 1024

__all__ = [
    "MAX_BYTES",
    "ReaderError",
    "ingest_paths",
    "read_bytes",
    "read_file",
    "read_text",
]


def _too_large() -> ReaderError:
    return ReaderError(ERROR_TOO_LARGE.format(limit_mb=MAX_BYTES // (1024 * 1024)))


def read_bytes(data: bytes, filename: str) -> dict:
    """Read a file's bytes; ``filename`` gives the kind when the bytes do not."""
    if len(data) > MAX_BYTES:
        error = _too_large()
        error.source = filename
        raise error
    raw = read_raw(data, name=filename)
    return document_to_contract(raw, source=Path(filename).name)


def read_file(path: str | os.PathLike) -> dict:
    """Read a report from disk (.txt, .md, .docx, .doc, .pdf, scanned .pdf, .png, .jpg)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReaderError(ERROR_NOT_FOUND.format(path=path), source=str(path)) from None
    if size > MAX_BYTES:
        error = _too_large()
        error.source = path.name
        raise error
    if size == 0:
        raise ReaderError(ERROR_EMPTY, source=path.name)
    return read_bytes(path.read_bytes(), path.name)


def read_text(text: str, *, source: str = "text.txt") -> dict:
    """Read a report given as text (Markdown leftovers are fine)."""
    if not text or not text.strip():
        raise ReaderError(ERROR_EMPTY, source=source)
    lines: list[Line] = []
    blank = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            blank = True
            continue
        lines.append(Line(text=raw.rstrip(), blank_before=blank))
        blank = False
    return document_to_contract(RawDocument(lines=lines, kind="txt"), source=source)


def ingest_paths(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, dict | ReaderError]]:
    """Read each path in turn; a file that cannot be read yields its ReaderError and the rest go on."""
    for path in paths:
        path = Path(path)
        try:
            yield path, read_file(path)
        except ReaderError as error:
            yield path, error
        except (OSError, MemoryError) as error:
            yield path, ReaderError(f"Không đọc được tệp: {error.__class__.__name__}", source=str(path))
