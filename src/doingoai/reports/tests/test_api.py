import datetime as dt
import json

import pytest

from doingoai.api.reports import ERROR_COMMUNE_ONLY, ERROR_EXISTS
from doingoai.consolidation.services.requests import ERROR_DEADLINE
from doingoai.people.services import token_create
from doingoai.records.tests.factories import delegation
from doingoai.reports.models import Report, ReportRequest
from doingoai.reports.services.access import ERROR_NOT_LEADER
from doingoai.reports.services.editing import ERROR_CONFLICT
from doingoai.reports.services.workflow import ERROR_ALREADY_PENDING, ERROR_DATE_FUTURE, ERROR_REASON_REQUIRED
from doingoai.testing import client_for

from .factories import a_request, composed, section, submitted

pytestmark = pytest.mark.django_db
BASE = "/api/v1/reports"


def _post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def _put(client, url, data):
    return client.put(url, json.dumps(data), content_type="application/json")


def test_an_officer_creates_reads_and_lists_a_report(client_a, commune_a):
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    created = _post(client_a, BASE, {"period": "2026H1"})
    assert created.status_code == 201
    body = created.json()
    assert body["status"] == "draft" and body["unit_code"] == 21361 and body["period_label"] == "6 tháng đầu năm 2026"
    assert body["contract"]["meta"]["period"] == {"kind": "half", "year": 2026, "index": 1}
    delegations = next(s for s in body["sections"] if s["code"] == "delegations")
    assert "đón tiếp 01 đoàn vào" in delegations["text"] and delegations["version"] == 1
    assert client_a.get(f"{BASE}/{body['id']}").json()["id"] == body["id"]
    assert [r["id"] for r in client_a.get(BASE).json()] == [body["id"]]
    again = _post(client_a, BASE, {"period": "2026H1"})
    assert again.status_code == 409 and again.json()["detail"] == ERROR_EXISTS.format(pk=body["id"])


def test_it_hides_other_communes_reports(client_a, client_b, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    s = section(report, "situation")
    assert client_b.get(f"{BASE}/{report.pk}").status_code == 404
    assert client_b.get(BASE).json() == []
    for path in ("compose", "submit", "approve", "return", "send"):
        assert _post(client_b, f"{BASE}/{report.pk}/{path}").status_code == 404, path
    assert _put(client_b, f"{BASE}/{report.pk}/sections/{s.pk}", {"text": "x", "version": 1}).status_code == 404
    for path in ("docx", "pdf"):
        assert client_b.get(f"{BASE}/{report.pk}/{path}").status_code == 404


def test_province_officers_never_see_drafts_and_other_provinces_see_nothing(
    commune_a, officer_a, leader_a, province_officer, other_province_officer
):
    draft = composed(commune_a, by=officer_a, period="2025")
    sent = submitted(commune_a, officer_a, leader_a)
    province = client_for(province_officer)
    assert province.get(f"{BASE}/{draft.pk}").status_code == 404
    assert [r["id"] for r in province.get(BASE).json()] == [sent.pk]
    other = client_for(other_province_officer)
    assert other.get(f"{BASE}/{sent.pk}").status_code == 404 and other.get(BASE).json() == []
    assert _post(other, f"{BASE}/{sent.pk}/accept").status_code == 404


def test_a_section_update_checks_the_version_and_answers_409_with_the_current_text(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    s = section(report, "delegations")
    url = f"{BASE}/{report.pk}/sections/{s.pk}"
    saved = _put(client_a, url, {"text": "Trong kỳ, xã đón tiếp 03 đoàn vào.", "version": s.version})
    assert saved.status_code == 200 and saved.json()["version"] == s.version + 1
    assert "03 đoàn" in saved.json()["warnings"][0]
    stale = _put(client_a, url, {"text": "Bản cũ.", "version": s.version})
    assert stale.status_code == 409
    assert stale.json() == {
        "detail": ERROR_CONFLICT,
        "current_text": "Trong kỳ, xã đón tiếp 03 đoàn vào.",
        "current_version": s.version + 1,
    }


def test_the_workflow_over_the_api(client_a, commune_a, officer_a, leader_a, province_officer):
    report = composed(commune_a, by=officer_a)
    leader, province = client_for(leader_a), client_for(province_officer)
    assert _post(client_a, f"{BASE}/{report.pk}/submit").json()["status"] == "pending"
    assert _post(client_a, f"{BASE}/{report.pk}/submit").json()["detail"] == ERROR_ALREADY_PENDING
    refused = _post(client_a, f"{BASE}/{report.pk}/approve")
    assert refused.status_code == 403 and refused.json()["detail"] == ERROR_NOT_LEADER
    future = _post(leader, f"{BASE}/{report.pk}/approve", {"date": "2026-07-01"})
    assert future.status_code == 400 and future.json()["detail"] == ERROR_DATE_FUTURE
    done = _post(leader, f"{BASE}/{report.pk}/approve", {"number": "05", "date": "16/06/2026"}).json()
    assert done["status"] == "approved" and done["doc_number"] == "05/BC-UBND" and done["issued_date"] == "2026-06-16"
    assert _post(client_a, f"{BASE}/{report.pk}/send").json()["status"] == "submitted"
    assert _post(province, f"{BASE}/{report.pk}/reject", {"reason": ""}).json()["detail"] == ERROR_REASON_REQUIRED
    assert _post(province, f"{BASE}/{report.pk}/accept").json()["status"] == "accepted"


def test_the_leader_returns_over_the_api(client_a, commune_a, officer_a, leader_a):
    report = composed(commune_a, by=officer_a)
    _post(client_a, f"{BASE}/{report.pk}/submit")
    answer = _post(client_for(leader_a), f"{BASE}/{report.pk}/return", {"comment": "Thiếu số liệu"})
    assert answer.json()["status"] == "returned"


def test_recompose_over_the_api_keeps_edits(client_a, commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    s = section(report, "delegations")
    _put(client_a, f"{BASE}/{report.pk}/sections/{s.pk}", {"text": "Bản của tôi.", "version": s.version})
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    body = _post(client_a, f"{BASE}/{report.pk}/compose").json()
    target = next(x for x in body["sections"] if x["code"] == "delegations")
    assert target["text"] == "Bản của tôi." and "đón tiếp 01 đoàn vào" in target["proposed_text"]


def test_a_province_account_cannot_create_a_report(province_officer):
    answer = _post(client_for(province_officer), BASE, {"period": "2026H1"})
    assert answer.status_code == 403 and answer.json()["detail"] == ERROR_COMMUNE_ONLY


def test_the_docx_downloads_with_a_token(officer_a, commune_a):
    report = composed(commune_a, by=officer_a)
    _, raw = token_create(user=officer_a, name="test")
    from django.test import Client

    response = Client().get(f"{BASE}/{report.pk}/docx", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_the_pdf_answers_503_with_what_to_install_when_libreoffice_is_missing(
    client_a, commune_a, officer_a, monkeypatch
):
    report = composed(commune_a, by=officer_a)
    monkeypatch.setenv("DOINGOAI_SOFFICE", "/khong/co/soffice")
    answer = client_a.get(f"{BASE}/{report.pk}/pdf")
    assert answer.status_code == 503 and "libreoffice-writer" in answer.json()["detail"]


def test_province_officers_issue_and_list_requests(province_officer, commune_a, commune_b):
    province = client_for(province_officer)
    data = {
        "number": "1070/SNgV-HCTH",
        "date": "05/06/2026",
        "issuer": "Sở Ngoại vụ tỉnh Quảng Ngãi",
        "period": "2026H1",
        "deadline": "2026-06-25",
        "communes": [21361, 21439],
    }
    created = _post(province, "/api/v1/report-requests", data)
    assert created.status_code == 201 and sorted(created.json()["communes"]) == [21361, 21439]
    assert created.json()["window_start"] == "2025-12-15"
    assert [r["number"] for r in province.get("/api/v1/report-requests").json()] == ["1070/SNgV-HCTH"]
    wrong = _post(province, "/api/v1/report-requests", {**data, "deadline": "01/06/2026"})
    assert wrong.status_code == 400 and wrong.json()["detail"] == ERROR_DEADLINE


def test_requests_are_scoped_like_the_pages(client_a, client_b, commune_a, province, other_province_officer):
    request = a_request(province, [commune_a])
    assert [r["id"] for r in client_a.get("/api/v1/report-requests").json()] == [request.pk]
    assert client_b.get("/api/v1/report-requests").json() == []
    assert client_b.get(f"/api/v1/report-requests/{request.pk}").status_code == 404
    assert client_for(other_province_officer).get(f"/api/v1/report-requests/{request.pk}").status_code == 404
    assert ReportRequest.objects.count() == 1 and Report.objects.count() == 0


def test_the_province_reminds_late_communes_through_the_api(province_officer, province, officer_a, commune_a):
    from django.test import Client

    from doingoai.people.services import token_create

    from .factories import a_request

    request = a_request(province, [commune_a], by=province_officer)
    _, raw = token_create(user=province_officer)
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").post(f"/api/v1/report-requests/{request.pk}/remind")
    assert response.status_code == 200 and response.json() == {"reminded": 1}
    _, raw_a = token_create(user=officer_a)
    assert (
        Client(HTTP_AUTHORIZATION=f"Bearer {raw_a}").post(f"/api/v1/report-requests/{request.pk}/remind").status_code
        == 403
    )
