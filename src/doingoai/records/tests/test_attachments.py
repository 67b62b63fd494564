import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from doingoai.records.forms import ERROR_FILE_TOO_BIG, ERROR_FILE_TYPE
from doingoai.records.models import Attachment

from .factories import delegation

pytestmark = pytest.mark.django_db


def upload(client, record, name="giay-moi.pdf", content=b"%PDF-1.4 invitation"):
    return client.post(
        reverse("records:attach", args=["delegations", record.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
        follow=True,
    )


def test_an_invitation_letter_is_attached_and_downloaded(client_a, commune_a):
    record = delegation(commune_a)
    upload(client_a, record)
    attachment = Attachment.objects.get()
    response = client_a.get(reverse("records:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 invitation"
    assert "giay-moi.pdf" in response["Content-Disposition"]


def test_a_record_is_created_with_its_attachment_in_one_step(client_a):
    data = {
        "direction": "in",
        "origin": "foreign",
        "partner": "WVI",
        "country": "US",
        "start_date": "12/03/2026",
        "file": SimpleUploadedFile("anh.jpg", b"\xff\xd8\xff photo", content_type="image/jpeg"),
    }
    client_a.post(reverse("records:create", args=["delegations"]), data)
    assert Attachment.objects.get().original_name == "anh.jpg"


def test_it_hides_other_communes_attachments(client_a, client_b, commune_a):
    record = delegation(commune_a)
    upload(client_a, record)
    attachment = Attachment.objects.get()
    assert client_b.get(reverse("records:attachment", args=[attachment.pk])).status_code == 404
    assert client_b.post(reverse("records:attachment-delete", args=[attachment.pk])).status_code == 404
    assert Attachment.objects.exists()


def test_a_program_is_refused_as_an_attachment(client_a, commune_a):
    response = upload(client_a, delegation(commune_a), name="virus.exe", content=b"MZ")
    assert ERROR_FILE_TYPE in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused(client_a, commune_a, settings):
    settings.UPLOAD_MAX_BYTES = 10
    response = upload(client_a, delegation(commune_a), content=b"x" * 11)
    assert ERROR_FILE_TOO_BIG.format(mb=0) in response.content.decode()
    assert not Attachment.objects.exists()


def test_deleting_an_attachment_removes_the_file(client_a, commune_a, django_capture_on_commit_callbacks):
    record = delegation(commune_a)
    upload(client_a, record)
    attachment = Attachment.objects.get()
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        client_a.post(reverse("records:attachment-delete", args=[attachment.pk]))
    assert not Attachment.objects.exists()
    assert not storage.exists(name)
