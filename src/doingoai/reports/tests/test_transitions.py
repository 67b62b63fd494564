"""The whole transition table, walked: every step from every status, by every kind of person."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from doingoai.reports.models import Report, ReportEvent
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import AUTHOR, LEADER, READER, RECEIVER
from doingoai.reports.services.workflow import TRANSITIONS, report_approve, report_can, report_transition

from .factories import composed

pytestmark = pytest.mark.django_db

NAMES = ("officer_a", "leader_a", "officer_b", "province_officer", "other_province_officer")


def places(name: str, status: str) -> set[str]:
    """The places a member of the cast holds for a report of commune A in ``status``, as the rules say:
    the commune's own people write it and its leader approves; the province receives it and reads it
    once received; nobody else holds any place."""
    if name == "officer_a":
        return {AUTHOR, READER}
    if name == "leader_a":
        return {AUTHOR, LEADER, READER}
    if name == "province_officer":
        return {RECEIVER, READER} if status in Report.Status.RECEIVED else {RECEIVER}
    return set()


@pytest.fixture
def cast(request):
    return {name: request.getfixturevalue(name) for name in NAMES}


def _put(report: Report, status: str, origin: str) -> Report:
    Report.objects.filter(pk=report.pk).update(status=status, origin=origin, doc_number=None, issued_date=None)
    report.refresh_from_db()
    return report


def _take(step, report: Report, person) -> Report:
    if step.action == "approve":  # approval also fixes the number and the signature block
        return report_approve(report=report, by=person, date=dt.date(2026, 6, 16))
    return report_transition(report=report, action=step.action, by=person, comment="Cần sửa lại số liệu đoàn vào.")


S = Report.Status
COMPOSED, INGESTED = Report.Origin.COMPOSED, Report.Origin.INGESTED
AUTHORS = {"officer_a", "leader_a"}
# The rules, written out independently of the table: (origin, status) the step leaves from, and who takes it.
ALLOWED = {
    "submit": ({(COMPOSED, S.DRAFT), (COMPOSED, S.RETURNED), (COMPOSED, S.REJECTED)}, AUTHORS),
    "return": ({(COMPOSED, S.PENDING)}, {"leader_a"}),
    "approve": ({(COMPOSED, S.PENDING)}, {"leader_a"}),
    "send": ({(COMPOSED, S.APPROVED)}, AUTHORS),
    "accept": ({(COMPOSED, S.SUBMITTED)}, {"province_officer"}),
    "reject": ({(COMPOSED, S.SUBMITTED)}, {"province_officer"}),
    "reopen": ({(COMPOSED, S.REJECTED)}, AUTHORS),
    # A commune's own upload stays hidden from the province until the commune confirms it.
    "confirm": ({(INGESTED, S.READ)}, AUTHORS),
}


def test_the_table_has_exactly_the_steps_written_out_here():
    assert {t.action for t in TRANSITIONS} == set(ALLOWED)


def _outcome(step, status: str, origin: str, holds: set[str]):
    """What the table says should happen: None (allowed), PermissionDenied, or the refusal's message."""
    if step.actor not in holds:
        return PermissionDenied
    if status in step.done_in:
        return step.done
    if status not in step.sources or origin != step.origin:
        return step.refused
    return None


@pytest.mark.parametrize("step", TRANSITIONS, ids=lambda t: t.action)
def test_every_step_is_taken_exactly_where_the_table_allows_it(step, commune_a, officer_a, cast):
    report = composed(commune_a, by=officer_a)
    allowed = 0
    for origin in (Report.Origin.COMPOSED, Report.Origin.INGESTED):
        for status in Report.Status.values:
            for name, person in cast.items():
                report = _put(report, status, origin)
                expected = _outcome(step, status, origin, places(name, status))
                where = f"{step.action} from {status} ({origin}) by {name}"
                sources, takers = ALLOWED[step.action]
                assert (expected is None) == ((origin, status) in sources and name in takers), where
                assert report_can(report, person, step.action) == (expected is None), where
                if expected is None:
                    events = report.events.count()
                    done = _take(step, report, person)
                    assert done.status == step.target, where
                    assert done.events.count() == events + (1 if step.event else 0), where
                    if step.event:
                        assert done.events.filter(action=step.event, by=person).exists(), where
                    for stamp in step.stamps:
                        assert getattr(done, stamp), where
                    allowed += 1
                    continue
                raised = PermissionDenied if expected is PermissionDenied else ReportError
                with pytest.raises(raised) as refused:
                    _take(step, report, person)
                if raised is ReportError:
                    assert str(refused.value) == expected, where
                assert Report.objects.get(pk=report.pk).status == status, where
    assert allowed, f"{step.action} is allowed somewhere"


@pytest.mark.parametrize("step", [t for t in TRANSITIONS if t.comment], ids=lambda t: t.action)
def test_a_step_that_asks_for_a_reason_refuses_a_blank_one(step, commune_a, officer_a, cast):
    source = step.sources[0]
    report = _put(composed(commune_a, by=officer_a), source, step.origin)
    person = next(cast[name] for name in NAMES if step.actor in places(name, source))
    with pytest.raises(ReportError) as refused:
        report_transition(report=report, action=step.action, by=person, comment="   \n ")
    assert str(refused.value) == step.comment
    assert Report.objects.get(pk=report.pk).status == source
    assert not ReportEvent.objects.filter(report=report, action=step.event).exists()


def test_the_statuses_of_the_table_are_all_known_and_every_status_is_reachable():
    known = set(Report.Status.values)
    for step in TRANSITIONS:
        assert set(step.sources) | {step.target} | set(step.done_in) <= known, step.action
        assert step.event is None or step.event in ReportEvent.Action.values, step.action
    reachable = {Report.Status.DRAFT, Report.Status.READ} | {t.target for t in TRANSITIONS}
    assert reachable == known
