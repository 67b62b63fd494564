"""Versions, a version's changes, restore, events and figure warnings over the API, from each role:
the commune gets all of it, the province only what was sent (404 for the rest), strangers nothing."""

import datetime as dt
import json

import pytest

from doingoai.records.tests.factories import delegation
from doingoai.reports.models import Report, ReportEvent
from doingoai.reports.services.access import ERROR_LOCKED
from doingoai.reports.services.workflow import report_approve, report_reject, report_send, report_submit_for_approval
from doingoai.testing import client_for

from .factories import (
    BETWEEN_SENDS,
    FIRST_SENT,
    LEADER_COMMENTS,
    NEVER_SENT,
    PROVINCE_REASON,
    SECOND_SENT,
    composed,
    returned_and_resent,
    section,
    write,
)

pytestmark = pytest.mark.django_db
BASE = "/api/v1/reports"
COMMUNE = ["officer_a", "leader_a"]
STRANGERS = ["officer_b", "other_province_officer"]
Action = ReportEvent.Action


@pytest.fixture
def resent(commune_a, officer_a, leader_a, province_officer):
    return returned_and_resent(commune_a, officer_a, leader_a, province_officer)


@pytest.fixture
def numbers(resent):
    every = set(resent.versions.values_list("number", flat=True))
    sent = set(resent.versions.filter(event__action=Action.SUBMITTED).values_list("number", flat=True))
    assert len(sent) == 2 and every - sent
    return every, sent


def _never_for_the_province(body) -> None:
    text = json.dumps(body, ensure_ascii=False)
    for hidden in (NEVER_SENT, BETWEEN_SENDS, *LEADER_COMMENTS):
        assert hidden not in text, hidden


@pytest.mark.parametrize("who", COMMUNE)
def test_the_commune_gets_every_version_and_every_step(request, who, resent, numbers):
    client = client_for(request.getfixturevalue(who))
    listed = client.get(f"{BASE}/{resent.pk}/versions").json()
    assert {v["number"] for v in listed} == numbers[0]
    assert [v["send"] for v in listed if v["send"]] == [2, 1]
    for number in numbers[0]:
        body = client.get(f"{BASE}/{resent.pk}/versions/{number}").json()
        assert body["number"] == number and body["compared_from"] == number and body["compared_to"] is None
    actions = [e["action"] for e in client.get(f"{BASE}/{resent.pk}/events").json()]
    assert Action.SUBMITTED_FOR_APPROVAL in actions and Action.RETURNED in actions and Action.APPROVED in actions
    read = client.get(f"{BASE}/{resent.pk}").json()
    assert any(s["warnings"] for s in read["sections"])  # "03 đoàn" against records holding none


def test_the_province_gets_only_the_sends(province_officer, resent, numbers):
    client = client_for(province_officer)
    listed = client.get(f"{BASE}/{resent.pk}/versions").json()
    assert {v["number"] for v in listed} == numbers[1]
    assert [(v["send"], v["verdict"]) for v in listed] == [(2, None), (1, "rejected")]
    assert listed[1]["verdict_comment"] == PROVINCE_REASON
    _never_for_the_province(listed)


def test_a_version_not_sent_is_a_404_for_the_province(province_officer, resent, numbers):
    client = client_for(province_officer)
    for number in numbers[0] - numbers[1]:
        response = client.get(f"{BASE}/{resent.pk}/versions/{number}")
        assert response.status_code == 404 and response.json()["detail"] == "Không có phiên bản này."


def test_the_province_gets_the_resend_against_the_send_it_returned(province_officer, resent, numbers):
    client = client_for(province_officer)
    first, second = sorted(numbers[1])
    body = client.get(f"{BASE}/{resent.pk}/versions/{second}").json()
    assert (body["compared_from"], body["compared_to"], body["send"]) == (first, second, 2)
    [change] = body["changes"]
    assert change["kind"] == "changed" and "<ins> Xã bổ sung số liệu đoàn vào" in change["html"]
    assert any(s["text"] == SECOND_SENT for s in body["content"]["sections"])
    opening = client.get(f"{BASE}/{resent.pk}/versions/{first}").json()
    assert opening["compared_from"] is None and opening["changes"] == []
    assert any(s["text"] == FIRST_SENT for s in opening["content"]["sections"])
    _never_for_the_province([body, opening])


def test_the_province_gets_only_the_steps_of_sending_and_judging(province_officer, resent):
    events = client_for(province_officer).get(f"{BASE}/{resent.pk}/events").json()
    assert [e["action"] for e in events] == [Action.SUBMITTED, Action.REJECTED, Action.SUBMITTED]
    assert events[1]["comment"] == PROVINCE_REASON and events[1]["action_label"] == "Tỉnh trả lại"
    _never_for_the_province(events)


def test_the_province_reads_the_report_without_the_communes_figure_warnings(province_officer, resent):
    read = client_for(province_officer).get(f"{BASE}/{resent.pk}").json()
    assert read["status"] == "submitted" and all(s["warnings"] == [] for s in read["sections"])
    assert any(s["text"] == SECOND_SENT for s in read["sections"])


def test_a_draft_offered_by_recomposing_stays_the_communes(commune_a, officer_a, leader_a, province_officer):
    report = composed(commune_a, by=officer_a)
    write(report, "delegations", "Bản chị Hoa về đoàn vào.", officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    composed(commune_a, by=officer_a)  # recomposing offers a new draft beside her edit; she has not chosen
    assert section(report, "delegations").proposed_text
    report_submit_for_approval(report=report, by=officer_a)
    report_approve(report=report, by=leader_a, date=dt.date(2026, 6, 16))
    report_send(report=report, by=officer_a)
    mine = client_for(officer_a).get(f"{BASE}/{report.pk}").json()
    theirs = client_for(province_officer).get(f"{BASE}/{report.pk}").json()
    assert any(s["proposed_text"] for s in mine["sections"])
    assert all(s["proposed_text"] == "" for s in theirs["sections"])


@pytest.mark.parametrize("who", STRANGERS)
def test_other_communes_and_provinces_get_nothing(request, who, resent, numbers):
    client = client_for(request.getfixturevalue(who))
    for path in ("", "/versions", "/events"):
        assert client.get(f"{BASE}/{resent.pk}{path}").status_code == 404, path
    for number in numbers[0]:
        assert client.get(f"{BASE}/{resent.pk}/versions/{number}").status_code == 404
        assert client.post(f"{BASE}/{resent.pk}/versions/{number}/restore").status_code == 404


def test_the_province_restores_nothing(province_officer, resent, numbers):
    client = client_for(province_officer)
    kept = resent.versions.count()
    for number in numbers[0]:
        assert client.post(f"{BASE}/{resent.pk}/versions/{number}/restore").status_code == 404
    assert resent.versions.count() == kept


@pytest.mark.parametrize("who", COMMUNE)
def test_the_commune_restores_over_the_api(request, who, resent, numbers, province_officer):
    client = client_for(request.getfixturevalue(who))
    first = min(numbers[1])
    locked = client.post(f"{BASE}/{resent.pk}/versions/{first}/restore")
    assert locked.status_code == 400 and locked.json()["detail"] == ERROR_LOCKED
    report_reject(report=resent, by=province_officer, reason="Vẫn thiếu")
    restored = client.post(f"{BASE}/{resent.pk}/versions/{first}/restore")
    assert restored.status_code == 200 and restored.json()["status"] == Report.Status.DRAFT
    assert section(resent, "situation").text == FIRST_SENT
    assert client.post(f"{BASE}/{resent.pk}/versions/999/restore").status_code == 404
