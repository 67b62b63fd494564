"""Zip archives that strangers send (a .zip of reports, an .xlsx): nothing in them is trusted unchecked.

A zip's directory declares each member's size, and a zip bomb may lie about it.
``GuardedZip`` checks what is declared before anything is extracted (how many
members, how big in all, encrypted or not), and reads a member at most one byte
past what it declared, so a member that outgrows its declaration is caught
before it fills the memory.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as z:
...     z.writestr("bc.txt", "Báo cáo")
>>> with GuardedZip(buffer.getvalue(), max_total=1024) as archive:
...     [archive.read(info).decode() for info in archive.members]
['Báo cáo']
"""

import io
import zipfile

CORRUPT, TOO_MANY, TOO_BIG, ENCRYPTED = "corrupt", "too_many", "too_big", "encrypted"
_BROKEN = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError)


class ZipRefused(ValueError):
    """The archive is refused; ``reason`` is CORRUPT, TOO_MANY, TOO_BIG or ENCRYPTED (callers word it)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class GuardedZip:
    """An archive opened from bytes, its declared sizes checked against the limits given."""

    def __init__(self, data: bytes, *, max_total: int, max_members: int | None = None, max_member: int | None = None):
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
            entries = self._archive.infolist()
        except _BROKEN:
            raise ZipRefused(CORRUPT) from None
        if max_members is not None and len(entries) > max_members:
            raise ZipRefused(TOO_MANY)
        self.members = [info for info in entries if not info.is_dir()]
        if sum(info.file_size for info in entries) > max_total:
            raise ZipRefused(TOO_BIG)
        if max_member is not None and any(info.file_size > max_member for info in self.members):
            raise ZipRefused(TOO_BIG)

    def __enter__(self) -> "GuardedZip":
        return self

    def __exit__(self, *exc) -> None:
        self._archive.close()

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """A member's bytes, refused if it is encrypted or holds more than its directory declared."""
        if info.flag_bits & 0x1:
            raise ZipRefused(ENCRYPTED)
        try:
            with self._archive.open(info) as handle:
                content = handle.read(info.file_size + 1)
        except _BROKEN:
            raise ZipRefused(CORRUPT) from None
        if len(content) > info.file_size:
            raise ZipRefused(TOO_BIG)
        return content

    def verify(self) -> None:
        """Read every member once (bounded), for archives a library will open again by itself."""
        for info in self.members:
            self.read(info)
