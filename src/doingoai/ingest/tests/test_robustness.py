"""Bad files: each says what is wrong in Vietnamese, nothing is half stored, and the rest of the batch goes on."""

import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.ingest.models import Batch, Document
from doingoai.ingest.services import IngestError, reading, uploads
from doingoai.ingest.services.uploads import batch_create, batch_run
from doingoai.lib.reader import errors as reader_errors
from doingoai.reports.models import Report
from doingoai.testing import client_for

from .conftest import blank_pdf, corrupt_docx, docx_bomb, encrypted_docx, report_text, zip_bytes

pytestmark = pytest.mark.django_db


def read_with_a_good_file(user, name, data):
    """A bad file between two good ones: (bad document, the good ones' outcomes)."""
    files = [
        ("minh-long.txt", report_text()),
        (name, data),
        ("duc-pho.txt", report_text(name="Đức Phổ", level="phường")),
    ]
    batch = batch_run(batch=batch_create(files=files, by=user))
    first, bad, last = batch.documents.order_by("id")
    assert batch.status == Batch.Status.DONE and batch.processed == 3
    return bad, (first.outcome, last.outcome)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("hong.docx", corrupt_docx, reader_errors.ERROR_CORRUPT_DOCX),
        ("mat-khau.docx", encrypted_docx, reader_errors.ERROR_ENCRYPTED_DOCX),
        ("rong.docx", lambda: b"", reader_errors.ERROR_EMPTY),
        ("rong.txt", lambda: b"   \n", reader_errors.ERROR_EMPTY),
        ("bom.docx", docx_bomb, reader_errors.ERROR_ZIP_BOMB),
        ("bang-tinh.xlsx", lambda: b"x" * 10, reader_errors.ERROR_UNSUPPORTED.format(suffix=".xlsx")),
    ],
)
def test_a_bad_file_says_why_and_the_batch_goes_on(province_officer, name, make, message):
    bad, others = read_with_a_good_file(province_officer, name, make())
    assert bad.outcome == Document.Outcome.UNREADABLE and bad.message == message
    assert bad.report is None and bad.read_at is not None
    assert others == (Document.Outcome.READ, Document.Outcome.READ)
    assert Report.objects.count() == 2


def test_a_scan_without_tesseract_installed_says_what_to_install(province_officer, no_tesseract):
    bad, others = read_with_a_good_file(province_officer, "ban-quet.pdf", blank_pdf())
    assert bad.message == reader_errors.ERROR_NO_TESSERACT and others == ("read", "read")


def test_a_failure_while_storing_leaves_nothing_half_stored(province_officer, monkeypatch):
    real = reading.report_replace_content

    def fail_on_duc_pho(*, report, data, **kwargs):
        if data["source"] == "duc-pho.txt":
            real(report=report, data=data, **kwargs)  # sections and figures written…
            raise RuntimeError("disk full")  # …then the failure
        return real(report=report, data=data, **kwargs)

    monkeypatch.setattr(reading, "report_replace_content", fail_on_duc_pho)
    files = [("duc-pho.txt", report_text(name="Đức Phổ", level="phường")), ("minh-long.txt", report_text())]
    batch = batch_run(batch=batch_create(files=files, by=province_officer))
    failed, read = batch.documents.order_by("id")
    assert failed.outcome == Document.Outcome.UNREADABLE and failed.message == reading.ERROR_UNEXPECTED
    assert failed.contract == {} and failed.report is None
    assert read.outcome == Document.Outcome.READ
    assert list(Report.objects.values_list("unit__name", flat=True)) == ["Xã Minh Long"]


def test_a_zip_of_reports_becomes_one_document_per_file(province_officer):
    data = zip_bytes(
        {
            "bao-cao/minh-long.txt": report_text(),
            "bao-cao/hong.docx": corrupt_docx(),
            "__MACOSX/bao-cao/._minh-long.txt": b"junk",
            "bao-cao/~$minh-long.docx": b"lock",
        }
    )
    batch = batch_run(batch=batch_create(files=[("thang-12.zip", data)], by=province_officer))
    assert [(d.original_name, d.outcome) for d in batch.documents.order_by("id")] == [
        ("minh-long.txt", "read"),
        ("hong.docx", "unreadable"),
    ]


def test_a_zip_inside_a_zip_is_not_opened(province_officer):
    data = zip_bytes({"minh-long.txt": report_text(), "thang-11.zip": zip_bytes({"a.txt": report_text()})})
    batch = batch_run(batch=batch_create(files=[("thang-12.zip", data)], by=province_officer))
    inner = batch.documents.get(original_name="thang-11.zip")
    assert inner.outcome == Document.Outcome.UNREADABLE and inner.message == reading.ERROR_NESTED_ZIP


def test_a_windows_zip_keeps_vietnamese_file_names(province_officer):
    info = zipfile.ZipInfo("Báo cáo Minh Long.txt")
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info, report_text())
    batch = batch_create(files=[("a.zip", buffer.getvalue())], by=province_officer)
    assert batch.documents.get().original_name == "Báo cáo Minh Long.txt"


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({f"{i}.txt": b"x" for i in range(6)}, uploads.ERROR_ZIP_TOO_MANY.format(limit=5)),
        ({"bom.txt": b"\0" * (3 << 20)}, uploads.ERROR_ZIP_TOO_BIG.format(mb=2)),
        ({}, uploads.ERROR_ZIP_EMPTY),
    ],
)
def test_a_zip_bomb_or_an_oversized_zip_is_refused_before_extracting(province_officer, settings, members, message):
    settings.INGEST_ZIP_MAX_MEMBERS = 5
    settings.INGEST_ZIP_MAX_BYTES = 2 << 20
    with pytest.raises(IngestError) as refused:
        batch_create(files=[("nhieu-tep.zip", zip_bytes(members))], by=province_officer)
    assert str(refused.value) == message
    assert not Batch.objects.exists() and not Document.objects.exists()


def test_a_zip_member_that_outgrows_what_it_declares_is_cut_short(province_officer, settings):
    settings.INGEST_ZIP_MAX_BYTES = 2 << 20
    data = bytearray(zip_bytes({"a.txt": report_text(), "b.txt": b"\0" * (3 << 20)}))
    # Lie in both headers: declare b.txt as 1,000 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.rfind(signature)
        data[start + offset : start + offset + 4] = (1000).to_bytes(4, "little")
    with pytest.raises(IngestError):
        batch_create(files=[("noi-doi.zip", bytes(data))], by=province_officer)
    assert not Document.objects.exists()


def test_a_corrupt_or_encrypted_zip_is_refused(province_officer):
    with pytest.raises(IngestError) as refused:
        batch_create(files=[("hong.zip", b"PK\x03\x04" + b"\x00" * 100)], by=province_officer)
    assert str(refused.value) == uploads.ERROR_ZIP_CORRUPT
    encrypted = bytearray(zip_bytes({"a.txt": b"secret"}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # general purpose flag, bit 0: encrypted
        start = encrypted.find(signature)
        encrypted[start + offset] |= 0x1
    with pytest.raises(IngestError) as refused:
        batch_create(files=[("mat-khau.zip", bytes(encrypted))], by=province_officer)
    assert str(refused.value) == uploads.ERROR_ZIP_ENCRYPTED


def test_a_refused_zip_leaves_no_file_in_storage(province_officer, settings):
    settings.INGEST_ZIP_MAX_BYTES = 2 << 20
    good_then_bad = bytearray(zip_bytes({"a.txt": report_text(), "b.txt": b"\0" * (3 << 20)}))
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = good_then_bad.rfind(signature)
        good_then_bad[start + offset : start + offset + 4] = (1000).to_bytes(4, "little")
    with pytest.raises(IngestError):
        batch_create(files=[("x.zip", bytes(good_then_bad))], by=province_officer)
    stored = list((settings.MEDIA_ROOT / "ingest").rglob("*")) if (settings.MEDIA_ROOT / "ingest").exists() else []
    assert [p for p in stored if p.is_file()] == []


def test_a_200_mb_upload_is_refused_before_it_is_read(province_officer):
    client = client_for(province_officer)
    response = client.post(
        reverse("ingest:upload"),
        {"files": SimpleUploadedFile("lon.pdf", b"%PDF-1.4 small")},
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert uploads.ERROR_UPLOAD_TOO_BIG.format(mb=50) in response.content.decode()
    assert not Batch.objects.exists()


def test_an_upload_without_a_length_is_cut_off_at_the_limit(province_officer, settings):
    settings.INGEST_UPLOAD_MAX_BYTES = 2000
    response = client_for(province_officer).post(
        reverse("ingest:upload"), {"files": SimpleUploadedFile("vua.txt", b"x" * 30_000)}
    )
    assert response.status_code == 413 and uploads.ERROR_UPLOAD_TOO_BIG.format(mb=0) in response.content.decode()
    assert not Batch.objects.exists()


def test_a_zip_bomb_uploaded_on_the_page_is_refused_with_the_reason(province_officer, settings):
    settings.INGEST_ZIP_MAX_BYTES = 2 << 20
    bomb = zip_bytes({"bom.txt": b"\0" * (3 << 20)})
    response = client_for(province_officer).post(
        reverse("ingest:upload"), {"files": SimpleUploadedFile("bom.zip", bomb)}
    )
    assert response.status_code == 400 and uploads.ERROR_ZIP_TOO_BIG.format(mb=2) in response.content.decode()
    assert not Batch.objects.exists()


def test_an_empty_file_on_the_page_is_read_and_said_empty(province_officer, django_capture_on_commit_callbacks):
    client = client_for(province_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("ingest:upload"),
            {"files": [SimpleUploadedFile("rong.docx", b""), SimpleUploadedFile("minh-long.txt", report_text())]},
        )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert reader_errors.ERROR_EMPTY in page and "Xã Minh Long" in page
