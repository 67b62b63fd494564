"""No input crashes the readers: either a contract or a ReaderError."""

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from doingoai.lib.reader import ReaderError, read_bytes, read_text

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VIETNAMESE = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậđèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            "ABCĐIVX0123456789 .,:;-/()*#\\\t\n"
        )
    ),
    max_size=400,
)


def _readable(data: bytes, name: str) -> None:
    try:
        result = read_bytes(data, name)
    except ReaderError as error:
        assert str(error)
        return
    assert set(result) >= {"source", "meta", "sections", "facts"}


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_as_txt_docx_or_pdf_give_a_contract_or_a_reader_error(data):
    for name in ("x.txt", "x.docx", "x.pdf"):
        _readable(data, name)


@FAST
@given(VIETNAMESE)
def test_any_vietnamese_looking_text_gives_a_contract(text):
    try:
        result = read_text(text)
    except ReaderError:
        assert not text.strip()
        return
    for fact in result["facts"]:
        assert fact["value"] >= 0


@FAST
@given(st.binary(max_size=1500), st.text(max_size=300))
def test_any_zip_posing_as_docx_gives_a_contract_or_a_reader_error(junk, text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", junk)
        archive.writestr(
            "word/styles.xml",
            f'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:t>{len(text)}</w:t></w:styles>',
        )
    _readable(buffer.getvalue(), "x.docx")


@FAST
@given(st.binary(max_size=1500))
def test_any_bytes_behind_a_pdf_header_give_a_contract_or_a_reader_error(junk):
    _readable(b"%PDF-1.4\n" + junk, "x.pdf")
