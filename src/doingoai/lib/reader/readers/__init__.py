"""One module per kind of file, all with the same small interface.

Each module has ``SUFFIXES`` and ``read(data: bytes, *, name: str) -> RawDocument``.
Adding a kind means copying one module and listing it in ``_MODULES``.
The kind is chosen by the file's own bytes first (a .doc that is really a
.docx is read as one), then by its suffix.
"""

from pathlib import PurePath

from ..errors import ERROR_EMPTY, ERROR_ENCRYPTED_DOCX, ERROR_UNSUPPORTED, ReaderError
from ..lines import RawDocument
from . import doc, docx, image, pdf, txt

_MODULES = (txt, docx, doc, pdf, image)
_BY_SUFFIX = {suffix: module for module in _MODULES for suffix in module.SUFFIXES}

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF = b"%PDF"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF8")


def sniff(data: bytes) -> str | None:
    """The kind the bytes themselves announce, or None for plain text and unknowns."""
    head = data[:16]
    if head.startswith(_ZIP):
        return "docx"
    if head.startswith(_OLE):
        return "doc"
    if _PDF in data[:1024]:
        return "pdf"
    if any(head.startswith(magic) for magic in _IMAGES):
        return "image"
    return None


def read_raw(data: bytes, *, name: str) -> RawDocument:
    if not data or not data.strip():
        raise ReaderError(ERROR_EMPTY, source=name)
    suffix = PurePath(name).suffix.lower()
    kind = sniff(data)
    if kind == "doc" and suffix in docx.SUFFIXES and b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00" in data[: 1 << 20]:
        # Word saves a password-protected .docx as an OLE container holding "EncryptedPackage".
        raise ReaderError(ERROR_ENCRYPTED_DOCX, source=name)
    if kind is None:
        module = _BY_SUFFIX.get(suffix)
        if module is None:
            if suffix:
                raise ReaderError(ERROR_UNSUPPORTED.format(suffix=suffix), source=name)
            module = txt
        # A binary suffix on bytes that do not carry it: the module raises its own "corrupt" message.
        return module.read(data, name=name)
    return {"docx": docx, "doc": doc, "pdf": pdf, "image": image}[kind].read(data, name=name)
