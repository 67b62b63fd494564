"""The audience rule: the report's own unit sees how it was drafted; the level above only what was sent."""

import importlib

import pytest
from django.apps import apps
from django.http import Http404

from doingoai.reports.models import ReportEvent, ReportVersion
from doingoai.reports.services.access import ABOVE, OWN, report_audience, report_events_for
from doingoai.reports.services.versions import (
    get_version_for_user,
    get_version_to_restore,
    report_sends,
    report_version_compare,
    report_version_list,
    report_versions_for,
)
from doingoai.reports.services.workflow import TRANSITIONS_BY_ACTION, report_event, report_last_comment

from .factories import (
    BETWEEN_SENDS,
    FIRST_SENT,
    LEADER_COMMENTS,
    NEVER_SENT,
    PROVINCE_REASON,
    SECOND_SENT,
    returned_and_resent,
    section,
    submitted,
    write,
)

pytestmark = pytest.mark.django_db
Action = ReportEvent.Action


@pytest.fixture
def resent(commune_a, officer_a, leader_a, province_officer):
    return returned_and_resent(commune_a, officer_a, leader_a, province_officer)


def _texts(version: ReportVersion) -> str:
    return " ".join(s.get("text") or "" for s in version.content["sections"])


def test_the_reports_own_unit_is_its_audience_and_everyone_else_is_above(
    commune_a, officer_a, leader_a, officer_b, province_officer, administrator
):
    report = submitted(commune_a, officer_a, leader_a)
    assert report_audience(report, officer_a) == OWN and report_audience(report, leader_a) == OWN
    assert report_audience(report, province_officer) == ABOVE and report_audience(report, administrator) == ABOVE
    assert report_audience(report, officer_b) == ABOVE  # never let in, but were it, it would see only what was sent
    assert report_audience(report, None) == ABOVE


def test_the_send_step_keeps_what_it_sent_as_a_version_tied_to_its_event(commune_a, officer_a, leader_a):
    assert TRANSITIONS_BY_ACTION["send"].snapshot
    report = submitted(commune_a, officer_a, leader_a)
    send = report.events.get(action=Action.SUBMITTED)
    assert send.version.note == "Gửi tỉnh: số 01/BC-UBND" and send.version.created_by == officer_a
    assert _texts(send.version) == " ".join(s.text for s in report.sections.all())
    assert send.version.content["meta"]["doc_number"] == "01/BC-UBND"


def test_the_commune_sees_every_version_and_every_step(resent, officer_a, leader_a):
    every = set(resent.versions.values_list("number", flat=True))
    for person in (officer_a, leader_a):
        assert set(report_versions_for(report=resent, user=person).values_list("number", flat=True)) == every
        actions = list(report_events_for(report=resent, user=person).values_list("action", flat=True))
        assert {Action.COMPOSED, Action.SUBMITTED_FOR_APPROVAL, Action.RETURNED, Action.APPROVED} <= set(actions)
        assert actions.count(Action.SUBMITTED) == 2 and Action.REJECTED in actions


def test_the_province_sees_only_the_versions_sent_and_the_steps_of_sending_and_judging(resent, province_officer):
    sent = list(report_versions_for(report=resent, user=province_officer))
    assert [v.event.action for v in sent] == [Action.SUBMITTED, Action.SUBMITTED]
    assert SECOND_SENT in _texts(sent[0]) and FIRST_SENT in _texts(sent[1]) and SECOND_SENT not in _texts(sent[1])
    for version in sent:
        assert NEVER_SENT not in _texts(version) and BETWEEN_SENDS not in _texts(version)
    events = list(report_events_for(report=resent, user=province_officer))
    assert [e.action for e in events] == [Action.SUBMITTED, Action.REJECTED, Action.SUBMITTED]
    assert all(e.comment not in LEADER_COMMENTS for e in events)


def test_a_version_not_sent_is_not_found_by_the_province(resent, province_officer, officer_a):
    sent = set(report_versions_for(report=resent, user=province_officer).values_list("number", flat=True))
    hidden = set(resent.versions.values_list("number", flat=True)) - sent
    assert hidden
    for number in hidden:
        with pytest.raises(Http404):
            get_version_for_user(report=resent, user=province_officer, number=number)
        assert get_version_for_user(report=resent, user=officer_a, number=number).number == number
    for number in sent:
        assert get_version_for_user(report=resent, user=province_officer, number=number).number == number
    with pytest.raises(Http404):
        get_version_for_user(report=resent, user=officer_a, number=999)


def test_only_the_commune_has_versions_to_restore(resent, province_officer, officer_a, leader_a):
    sent = report_versions_for(report=resent, user=province_officer).first()
    with pytest.raises(Http404):
        get_version_to_restore(report=resent, user=province_officer, number=sent.number)
    for person in (officer_a, leader_a):
        assert get_version_to_restore(report=resent, user=person, number=sent.number) == sent


def test_each_send_knows_its_verdict_and_the_judged_send_before_it(resent, province_officer):
    first, second = report_sends(report=resent)
    assert (first.number, second.number) == (1, 2)
    assert first.before is None and first.verdict.action == Action.REJECTED
    assert first.verdict.comment == PROVINCE_REASON and first.verdict.by == province_officer
    assert second.before is first and second.verdict is None
    assert first.changes == []
    [change] = second.changes
    assert change.kind == "changed" and "<ins> Xã bổ sung số liệu đoàn vào theo yêu cầu của Sở.</ins>" in change.html


def test_the_province_compares_a_resend_with_the_send_it_returned(resent, province_officer):
    first, second = report_sends(report=resent)
    comparison = report_version_compare(report=resent, version=second.version, user=province_officer)
    assert (comparison.old, comparison.new, comparison.send) == (first.version, second.version, second)
    assert not comparison.against_current
    assert all(BETWEEN_SENDS not in c.html and NEVER_SENT not in c.html for c in comparison.changes)
    opening = report_version_compare(report=resent, version=first.version, user=province_officer)
    assert opening.old is None and opening.changes == []
    assert any(s["text"] == FIRST_SENT for s in opening.sections)


def test_the_commune_compares_a_version_with_the_current_text(resent, officer_a):
    first, _ = report_sends(report=resent)
    comparison = report_version_compare(report=resent, version=first.version, user=officer_a)
    assert comparison.against_current and comparison.old == first.version and comparison.send == first
    assert any("bổ sung số liệu" in c.html for c in comparison.changes)


def test_a_hidden_version_compared_for_the_province_is_not_found(resent, province_officer):
    hidden = resent.versions.filter(event__isnull=True).first()
    with pytest.raises(Http404):
        report_version_compare(report=resent, version=hidden, user=province_officer)


def test_the_version_list_marks_what_was_sent(resent, officer_a, province_officer):
    entries = report_version_list(report=resent, user=officer_a)
    assert [e.send.number for e in entries if e.send] == [2, 1]
    assert len(entries) > 2
    assert [e.send.number for e in report_version_list(report=resent, user=province_officer)] == [2, 1]


def test_the_last_comment_is_the_one_this_person_sees(commune_a, officer_a, leader_a, province_officer):
    from doingoai.reports.services.workflow import report_reject

    report = report_reject(report=submitted(commune_a, officer_a, leader_a), by=province_officer, reason="Thiếu")
    assert report_last_comment(report=report, user=officer_a).action == Action.REJECTED
    report_event(report, Action.RETURNED, leader_a, "Một lời của lãnh đạo")  # the commune's own, made later
    assert report_last_comment(report=report, user=officer_a).comment == "Một lời của lãnh đạo"
    assert report_last_comment(report=report, user=province_officer).comment == "Thiếu"


def test_a_reminder_is_the_provinces_own_act_and_it_sees_it(commune_a, officer_a, leader_a, province_officer):
    report = submitted(commune_a, officer_a, leader_a)
    report_event(report, Action.REMINDED, province_officer)
    actions = list(report_events_for(report=report, user=province_officer).values_list("action", flat=True))
    assert actions == [Action.SUBMITTED, Action.REMINDED]


def test_editing_after_a_return_never_rewrites_the_text_sent(commune_a, officer_a, leader_a, province_officer):
    from doingoai.reports.services.workflow import report_reject

    report = report_reject(report=submitted(commune_a, officer_a, leader_a), by=province_officer, reason="Thiếu")
    sent = report.events.get(action=Action.SUBMITTED).version
    kept = sent.content
    write(report, "situation", "Sửa sau khi tỉnh trả lại.", officer_a)
    write(report, "situation", "Sửa lần nữa.", officer_a)
    sent.refresh_from_db()
    assert sent.content == kept and section(report, "situation").text == "Sửa lần nữa."
    assert report_versions_for(report=report, user=province_officer).get() == sent


def test_the_migration_ties_each_past_send_to_the_text_it_sent(commune_a, officer_a, leader_a, province_officer):
    report = submitted(commune_a, officer_a, leader_a)
    send = report.events.get(action=Action.SUBMITTED)
    send.version.delete()  # a send made before sends kept a version
    approved = report.versions.order_by("-number").first()
    assert approved.note.startswith("Lãnh đạo duyệt") and approved.event.action == Action.APPROVED
    approved.event = None  # nor did approvals point at their step
    approved.save()
    assert not report_versions_for(report=report, user=province_officer).exists()
    migration = importlib.import_module("doingoai.reports.migrations.0004_version_event")
    migration.link_sends_to_versions(apps, None)
    migration.link_sends_to_versions(apps, None)  # running twice changes nothing
    assert list(report_versions_for(report=report, user=province_officer)) == [approved]
    assert report_sends(report=report)[0].version == approved
