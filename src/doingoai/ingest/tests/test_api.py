import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from doingoai.ingest.models import Batch
from doingoai.ingest.services import placing, uploads
from doingoai.lib.reader.errors import ERROR_CORRUPT_DOCX
from doingoai.people.services import token_create

from .conftest import corrupt_docx, report_text, zip_bytes

pytestmark = pytest.mark.django_db


def api(user):
    _, raw = token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def send(client, name, data, **fields):
    return client.post("/api/v1/ingest/documents", {"file": SimpleUploadedFile(name, data), **fields})


def test_uploading_a_file_answers_with_the_contract_and_the_report(province_officer, commune_a):
    response = send(api(province_officer), "minh-long.txt", report_text(), period="2025")
    body = response.json()
    assert response.status_code == 201, body
    assert body["outcome"] == "read" and body["report_status"] == "read" and body["unit_code"] == 21361
    assert body["period"] == "2025" and body["report_id"]
    facts = {f["indicator"]: f["value"] for f in body["contract"]["facts"]}
    assert facts["delegations_in_foreign"] == 2 and body["contract"]["meta"]["unit_name"] == "Xã Minh Long"


def test_an_unreadable_file_answers_422_with_the_reason(province_officer):
    response = send(api(province_officer), "hong.docx", corrupt_docx())
    assert response.status_code == 422 and response.json()["message"] == ERROR_CORRUPT_DOCX


def test_a_zip_is_read_in_the_background_and_followed_by_its_batch(
    province_officer, django_capture_on_commit_callbacks
):
    client = api(province_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, "lo.zip", zip_bytes({"a.txt": report_text(), "b.docx": corrupt_docx()}))
    assert response.status_code == 202
    batch = client.get(f"/api/v1/ingest/batches/{response.json()['id']}").json()
    assert batch["status"] == "done" and batch["processed"] == 2
    assert [d["outcome"] for d in batch["documents"]] == ["read", "unreadable"]


def test_confirming_over_the_api(province_officer):
    client = api(province_officer)
    document = send(client, "minh-long.txt", report_text()).json()
    response = client.post(f"/api/v1/ingest/documents/{document['id']}/confirm")
    assert response.status_code == 200 and response.json()["report_status"] == "confirmed"
    again = client.post(f"/api/v1/ingest/documents/{document['id']}/confirm")
    assert again.status_code == 400 and again.json()["detail"] == placing.ERROR_ALREADY_CONFIRMED


def test_bad_periods_and_oversized_files_are_refused(province_officer, settings):
    client = api(province_officer)
    assert send(client, "a.txt", report_text(), period="nam-nay").status_code == 400
    settings.INGEST_UPLOAD_MAX_BYTES = 100
    response = send(client, "a.txt", report_text())
    assert response.status_code == 413 and response.json()["detail"] == uploads.ERROR_UPLOAD_TOO_BIG.format(mb=0)
    assert not Batch.objects.exists()


def test_it_hides_other_communes_documents_over_the_api(officer_a, officer_b, other_province_officer):
    document = send(api(officer_a), "minh-long.txt", report_text()).json()
    for other in (officer_b, other_province_officer):
        client = api(other)
        assert client.get(f"/api/v1/ingest/documents/{document['id']}").status_code == 404
        assert client.get(f"/api/v1/ingest/batches/{document['batch_id']}").status_code == 404
        assert client.post(f"/api/v1/ingest/documents/{document['id']}/confirm").status_code == 404
    assert api(officer_a).get(f"/api/v1/ingest/documents/{document['id']}").json()["unit_code"] == 21361


def test_the_ingest_routes_are_in_the_openapi_schema(units):
    paths = Client().get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/ingest/documents", "/api/v1/ingest/batches/{pk}", "/api/v1/ingest/documents/{pk}/confirm"} <= set(
        paths
    )
