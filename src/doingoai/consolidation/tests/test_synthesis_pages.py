"""The province's report in the browser's pages, the command line and the API, from each role's side.

A province's officers and leaders edit, submit, approve and send their own
province's report; a commune keeps exactly its rights; a province never edits a
commune's report; another province sees nothing.
"""

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from django.test import Client
from django.urls import reverse

from doingoai.cli import main
from doingoai.consolidation.services.synthesis import ERROR_NOT_AUTHOR, synthesis_compose
from doingoai.consolidation.services.totals import ERROR_UNKNOWN_PROVINCE
from doingoai.people.services import token_create
from doingoai.reports.models import Report
from doingoai.reports.services.workflow import report_approve, report_submit_for_approval
from doingoai.reports.tests.factories import a_request, composed, submitted
from doingoai.testing import client_for

from .factories import stated

pytestmark = pytest.mark.django_db
S = Report.Status
TODAY = dt.date(2026, 6, 20)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


@pytest.fixture
def lan(province_officer):
    return client_for(province_officer)


@pytest.fixture
def hung(province_leader):
    return client_for(province_leader)


def _report(province):
    return Report.objects.get(unit=province, origin=Report.Origin.COMPOSED)


def _section_url(report, code):
    return reverse("reports:section", args=[report.pk, report.sections.get(code=code).pk])


def test_the_officer_drafts_it_with_one_click_from_her_report_list(lan, province, commune_a):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    page = lan.get(reverse("reports:list"))
    assert page.status_code == 200 and "Soạn báo cáo tổng hợp" in page.content.decode()
    answer = lan.post(reverse("reports:synthesis"), {"period": "2026H1"})
    report = _report(province)
    assert answer.status_code == 302 and answer["Location"] == reverse("reports:detail", args=[report.pk])
    page = lan.get(answer["Location"]).content.decode()
    assert "Soạn lại từ báo cáo các xã" in page and "Gửi lãnh đạo duyệt" in page
    assert "tổ chức đoàn ra nước ngoài, tổng số 02 đoàn" in page
    assert report.meta["synthesis"]["reports"] == [Report.objects.get(unit=commune_a).pk]


def test_the_board_of_a_request_has_the_button_and_sums_its_communes(lan, province, commune_a, commune_b):
    asked = a_request(province, [commune_a])
    stated(commune_a, "2026H1", {"delegations_out": 1})
    stated(commune_b, "2026H1", {"delegations_out": 4})
    board = lan.get(reverse("reports:request", args=[asked.pk])).content.decode()
    assert "Soạn báo cáo tổng hợp" in board
    lan.post(reverse("reports:synthesis"), {"request": asked.pk})
    assert _report(province).indicators.get(indicator="delegations_out").value == 1


def test_a_period_is_asked_for_plainly(lan, province):
    answer = lan.post(reverse("reports:synthesis"), {"period": ""}, follow=True)
    assert "Hãy chọn kỳ báo cáo" in answer.content.decode()
    assert not Report.objects.filter(unit=province).exists()


def test_officer_edits_and_submits_the_leader_approves_the_officer_sends_the_ministry_accepts(
    lan, hung, province, province_officer, commune_a, ministry_officer
):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    report = synthesis_compose(province=province, period="2026H1", by=province_officer).report
    section = report.sections.get(code="delegations")
    saved = lan.post(_section_url(report, "delegations"), {"text": "Sở sửa đoạn này.", "version": section.version})
    assert saved.status_code == 302
    section.refresh_from_db()
    assert section.text == "Sở sửa đoạn này."
    lan.post(reverse("reports:indicator", args=[report.pk]), {"indicator": "delegations_out", "value": "3"})
    assert report.indicators.get(indicator="delegations_out").value == 3
    lan.post(reverse("reports:submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == S.PENDING

    review = hung.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Duyệt báo cáo" in review and "<strong>GIÁM ĐỐC</strong>" in review
    hung.post(reverse("reports:approve", args=[report.pk]), {"number": "12", "date": "19/06/2026"})
    report.refresh_from_db()
    assert (report.status, report.number_text, report.signer_title) == (S.APPROVED, "12/BC-SNGV", "Giám đốc")

    assert "Gửi Bộ Ngoại giao" in lan.get(reverse("reports:detail", args=[report.pk])).content.decode()
    lan.post(reverse("reports:send", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == S.SUBMITTED

    ministry = client_for(ministry_officer)
    assert ministry.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    ministry.post(reverse("reports:accept", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == S.ACCEPTED


def test_the_leader_returns_it_with_a_reason(lan, hung, province, province_officer):
    report = synthesis_compose(province=province, period="2026H1", by=province_officer).report
    lan.post(reverse("reports:submit", args=[report.pk]))
    hung.post(reverse("reports:return", args=[report.pk]), {"comment": "Bổ sung số liệu Lý Sơn"})
    report.refresh_from_db()
    assert report.status == S.RETURNED


def test_a_province_never_edits_a_communes_report(
    lan, hung, province, commune_a, officer_a, leader_a, province_officer
):
    draft = composed(commune_a, by=officer_a, period="2025")
    assert lan.post(_section_url(draft, "delegations"), {"text": "x", "version": 1}).status_code == 404
    sent = submitted(commune_a, officer_a, leader_a)
    section = sent.sections.get(code="delegations")
    refused = lan.post(
        _section_url(sent, "delegations"), {"text": "Tỉnh sửa", "version": section.version}, HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 403
    section.refresh_from_db()
    assert section.text != "Tỉnh sửa"
    lan.post(reverse("reports:indicator", args=[sent.pk]), {"indicator": "delegations_out", "value": "9"})
    hung.post(reverse("reports:approve", args=[sent.pk]), {})
    sent.refresh_from_db()
    assert sent.status == S.SUBMITTED and sent.indicators.get(indicator="delegations_out").value != 9


def test_a_commune_neither_sees_nor_touches_the_provinces_report(
    client_a, leader_a_client, province, province_officer, officer_a
):
    report = synthesis_compose(province=province, period="2026H1", by=province_officer).report
    for client in (client_a, leader_a_client):
        assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
        assert client.post(_section_url(report, "delegations"), {"text": "x", "version": 1}).status_code == 404
        assert client.post(reverse("reports:approve", args=[report.pk])).status_code == 404
        assert client.post(reverse("reports:synthesis"), {"period": "2026H1"}).status_code == 404
    # and keeps its own rights: its report is composed, edited and sent as before
    assert client_a.post(reverse("reports:compose"), {"period": "2026H1"}).status_code == 302


@pytest.fixture
def leader_a_client(leader_a):
    return client_for(leader_a)


def test_another_province_sees_nothing_of_it(province, province_officer, other_province_officer):
    report = synthesis_compose(province=province, period="2026H1", by=province_officer).report
    other = client_for(other_province_officer)
    assert other.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert other.post(_section_url(report, "delegations"), {"text": "x", "version": 1}).status_code == 404
    assert reverse("reports:detail", args=[report.pk]) not in other.get(reverse("reports:list")).content.decode()


def test_the_ministry_sees_it_only_once_sent(province, province_officer, province_leader, ministry_officer):
    report = synthesis_compose(province=province, period="2026H1", by=province_officer).report
    ministry = client_for(ministry_officer)
    assert ministry.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    report_submit_for_approval(report=report, by=province_officer)
    report_approve(report=report, by=province_leader)
    assert ministry.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert ministry.post(reverse("reports:synthesis"), {"period": "2026H1"}).status_code == 404


# --- The command line ------------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, ["synthesis", "compose", *args], catch_exceptions=False)


def test_the_cli_drafts_then_recomposes_and_writes_the_docx(tmp_path, province, commune_a):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    first = run("--province", "51", "--period", "2026H1")
    assert (
        first.exit_code == 0
        and "Đã soạn báo cáo tổng hợp 6 tháng đầu năm 2026 của Tỉnh Quảng Ngãi từ 1/" in first.stdout
    )
    out = tmp_path / "tong-hop.docx"
    again = run("--province", "quang ngai", "--period", "2026H1", "--json", "--docx", str(out))
    data = json.loads(again.stdout)
    assert again.exit_code == 0 and data["created"] is False and data["counted"] == 1
    assert data["contract"]["meta"]["unit_level"] == "tinh" and out.read_bytes().startswith(b"PK")


def test_the_cli_says_plainly_what_is_wrong(province):
    unknown = run("--province", "Atlantis", "--period", "2026H1")
    assert unknown.exit_code == 1 and ERROR_UNKNOWN_PROVINCE.format(value="Atlantis") in unknown.stderr
    wrong = run("--province", "51", "--period", "2026X9")
    assert wrong.exit_code != 0 and "Kỳ báo cáo không hợp lệ" in wrong.output
    neither = run("--province", "51")
    assert neither.exit_code == 1 and "Hãy ghi --period" in neither.stderr
    no_request = run("--province", "51", "--request", "1/XX")
    assert no_request.exit_code == 1 and "không có văn bản đề nghị báo cáo số «1/XX»" in no_request.stderr
    assert not Report.objects.filter(unit=province).exists()


def test_the_cli_takes_the_period_of_the_request(province, commune_a):
    a_request(province, [commune_a], number="645/SNgV-HCTH")
    result = run("--province", "Quảng Ngãi", "--request", "645/SNgV-HCTH", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["period"] == "2026H1"


# --- The API -------------------------------------------------------------------------------------------


def api(user):
    _, raw = token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client, **body):
    return client.post("/api/v1/synthesis", data=json.dumps(body), content_type="application/json")


def test_the_api_drafts_for_the_provinces_own_people(province, province_officer, province_leader, commune_a):
    stated(commune_a, "2026H1", {"ngo_aid_value_vnd": 850_000_000})
    created = post(api(province_officer), period="2026H1")
    assert created.status_code == 201
    data = created.json()
    assert data["unit_code"] == 51 and data["status"] == "draft"
    assert any("tổng giá trị 850.000.000 đồng" in s["text"] for s in data["sections"])
    again = post(api(province_leader), province="Quảng Ngãi", period="2026H1")
    assert again.status_code == 200 and again.json()["id"] == data["id"]


def test_the_api_is_scoped_and_its_errors_are_vietnamese(
    province, officer_a, other_province_officer, ministry_officer, province_officer
):
    for person in (officer_a, other_province_officer, ministry_officer):
        refused = post(api(person), province="51", period="2026H1")
        assert refused.status_code == 404
        assert refused.json()["detail"] == ERROR_NOT_AUTHOR.format(province=province.official_name)
    client = api(province_officer)
    assert post(client, province="Atlantis", period="2026H1").json()["detail"] == ERROR_UNKNOWN_PROVINCE.format(
        value="Atlantis"
    )
    wrong = post(client, period="2026X9")
    assert wrong.status_code == 400 and "Kỳ báo cáo không hợp lệ" in wrong.json()["detail"]
    assert post(client).status_code == 400
    assert "«1/XX»" in post(client, request_number="1/XX").json()["detail"]
    assert not Report.objects.filter(unit=province).exists()
