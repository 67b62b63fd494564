"""Ingest test helpers: a small report in the seeds' style, bad files built on the spot, the seeds folder."""

import io
import os
import zipfile

import pytest

REPORT = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{level_upper} {name_upper}\tĐộc lập - Tự do - Hạnh phúc
Số: 15/BC-UBND\t{name}, ngày 10 tháng 12 năm {year}

BÁO CÁO
Kết quả công tác đối ngoại {period}

Thực hiện Công văn số 1070/SNV-HCTH ngày 11/11/{year} của Sở Ngoại vụ tỉnh {province} về việc báo cáo công tác đối ngoại {period}, UBND {level} {name} báo cáo như sau:

I. ĐẶC ĐIỂM TÌNH HÌNH
{level_title} {name} là đơn vị miền núi của tỉnh {province}.

II. KẾT QUẢ CÔNG TÁC ĐỐI NGOẠI
1. Công tác đoàn ra, đoàn vào
Trong {period}, {level} tiếp đón {delegations:02d} đoàn nước ngoài đến làm việc. Không có đoàn ra.
2. Công tác hội nghị, hội thảo quốc tế
Xã không tổ chức hội nghị, hội thảo quốc tế.
3. Công tác lãnh sự và bảo hộ công dân
Trên địa bàn có {residents} người nước ngoài đang sinh sống và làm việc.

III. KHÓ KHĂN, VƯỚNG MẮC
Cán bộ làm công tác đối ngoại kiêm nhiệm.

IV. PHƯƠNG HƯỚNG NHIỆM VỤ
Tiếp tục quản lý tốt hoạt động đối ngoại.

Nơi nhận:\tTM. ỦY BAN NHÂN DÂN
- Sở Ngoại vụ;\tCHỦ TỊCH
- Lưu: VT.
\tĐinh Văn Tâm
"""


def report_text(
    *, name="Minh Long", level="xã", province="Quảng Ngãi", year=2025, period=None, delegations=2, residents=5
):
    """A short commune report the reader reads whole: Xã Minh Long, năm 2025, 2 foreign delegations, 5 residents."""
    return REPORT.format(
        name=name,
        name_upper=name.upper(),
        level=level,
        level_upper=level.upper(),
        level_title=level.capitalize(),
        province=province,
        year=year,
        period=period or f"năm {year}",
        delegations=delegations,
        residents=residents,
    ).encode()


def zip_bytes(members: dict[str, bytes], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bomb() -> bytes:
    """A .docx whose document.xml inflates 1,000 times: 16 MB of spaces from a few kilobytes."""
    body = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
    return zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": body + b" " * (16 << 20)})


def corrupt_docx() -> bytes:
    return b"PK\x03\x04" + os.urandom(2048)


def encrypted_docx() -> bytes:
    """What Word saves for a password-protected .docx: an OLE container holding "EncryptedPackage"."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512


def blank_pdf() -> bytes:
    """A one-page PDF with no text layer: a scan that needs OCR."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def no_tesseract(monkeypatch):
    """As on a server without tesseract-ocr installed."""
    from doingoai.lib.reader.readers import ocr

    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
