import doctest
import io
import struct
import zipfile

import pytest

from doingoai.lib import zips
from doingoai.lib.zips import CORRUPT, ENCRYPTED, TOO_BIG, TOO_MANY, GuardedZip, ZipRefused


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _lying(data: bytes, declared: int) -> bytes:
    """The same archive, its one member's size declared smaller than it is (a zip bomb's trick)."""
    patched = bytearray(data)
    struct.pack_into("<I", patched, patched.find(b"PK\x01\x02") + 24, declared)
    struct.pack_into("<I", patched, patched.find(b"PK\x03\x04") + 22, declared)
    return bytes(patched)


def _refusal(data: bytes, **limits) -> str:
    with pytest.raises(ZipRefused) as refused:
        with GuardedZip(data, **{"max_total": 1 << 20, **limits}) as archive:
            archive.verify()
    return refused.value.reason


def test_the_docstring_example_holds():
    assert doctest.testmod(zips).failed == 0


def test_what_is_not_a_zip_is_refused_as_corrupt():
    for data in (b"", b"not a zip", b"PK\x03\x04broken"):
        assert _refusal(data) == CORRUPT


def test_too_many_members_and_too_much_declared_are_refused_before_reading():
    assert _refusal(_zip({f"{n}.txt": b"x" for n in range(5)}), max_members=4) == TOO_MANY
    assert _refusal(_zip({"big.xml": b"0" * 5000}), max_total=4000) == TOO_BIG
    assert _refusal(_zip({"a.txt": b"x", "big.xml": b"0" * 5000}), max_member=4000) == TOO_BIG


def test_a_member_that_holds_more_than_it_declares_is_refused():
    data = _lying(_zip({"xl/worksheets/sheet1.xml": b"0" * 2_000_000}), declared=100)
    assert _refusal(data) in (TOO_BIG, CORRUPT)


def test_an_encrypted_member_is_refused():
    data = bytearray(_zip({"secret.txt": b"x"}))
    for marker, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(marker) + offset
        struct.pack_into("<H", data, at, struct.unpack_from("<H", data, at)[0] | 0x1)
    assert _refusal(bytes(data)) == ENCRYPTED


def test_an_honest_archive_reads_member_by_member():
    with GuardedZip(_zip({"a.txt": b"mot", "b/c.txt": b"hai"}), max_total=100, max_members=2) as archive:
        assert {info.filename: archive.read(info) for info in archive.members} == {"a.txt": b"mot", "b/c.txt": b"hai"}
