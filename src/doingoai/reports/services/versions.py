"""Saved states of a report's text: keep, compare word by word, what changed since a look, and who sees which."""

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass
from functools import cached_property

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from doingoai.people.models import User
from doingoai.reports.models import Report, ReportEvent, ReportSeen, ReportVersion
from doingoai.reports.services.access import OWN, SEEN_ABOVE, report_audience
from doingoai.reports.services.contract import report_to_contract

NOTE_AUTOSAVE = "Tự động lưu khi sửa"
AUTOSAVE_SESSION = dt.timedelta(minutes=10)  # autosaves within one session share a version


def report_snapshot(
    *, report: Report, by: User | None = None, note: str = "", event: ReportEvent | None = None
) -> ReportVersion:
    """Keep the report's current text as a numbered version, to compare and restore later.

    ``event``: the workflow step that keeps it (a send: the version the level above receives).
    """
    last = report.versions.order_by("-number").values_list("number", flat=True).first() or 0
    content = report_to_contract(report)
    return ReportVersion.objects.create(
        report=report,
        number=last + 1,
        content={"meta": content["meta"], "sections": content["sections"]},
        note=note,
        created_by=by,
        event=event,
    )


def report_autosnapshot(*, report: Report, by: User | None) -> ReportVersion:
    """A version for an editing session: autosaves by one person within ten minutes share one.

    Every single save is also kept, section by section, in the section's history. A version
    kept by a workflow step (what was sent) is never rewritten.
    """
    latest = report.versions.order_by("-number").first()
    if (
        latest is not None
        and latest.event_id is None
        and latest.note == NOTE_AUTOSAVE
        and latest.created_by_id == (by.pk if by else None)
        and timezone.now() - latest.created_at < AUTOSAVE_SESSION
    ):
        content = report_to_contract(report)
        latest.content = {"meta": content["meta"], "sections": content["sections"]}
        latest.save(update_fields=["content"])
        return latest
    return report_snapshot(report=report, by=by, note=NOTE_AUTOSAVE)


@dataclass
class SectionChange:
    heading: str
    kind: str  # "changed", "added", "removed"
    html: SafeString  # the text with <ins>/<del> marks


def _keyed(sections: list[dict]) -> dict[tuple, dict]:
    keyed, seen = {}, {}
    for section in sections:
        key = (section.get("code"), section.get("heading"))
        seen[key] = seen.get(key, 0) + 1
        keyed[(*key, seen[key])] = section
    return keyed


def _words_diff(old: str, new: str) -> SafeString:
    # Words keep the space before them, so that added or rewritten sentences read as whole insertions.
    before, after = re.findall(r"\s*\S+|\s+", old), re.findall(r"\s*\S+|\s+", new)
    out = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(before[a1:a2])))
            continue
        if a2 > a1:
            out.append(f"<del>{html.escape(''.join(before[a1:a2]))}</del>")
        if b2 > b1:
            out.append(f"<ins>{html.escape(''.join(after[b1:b2]))}</ins>")
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 — every piece is escaped above


def report_diff(old: dict, new: dict) -> list[SectionChange]:
    """What changed from one saved state (``{"sections": [...]}``) to another, section by section."""
    before, after = _keyed(old.get("sections") or []), _keyed(new.get("sections") or [])
    changes = []
    for key, section in after.items():
        heading = section.get("heading") or ""
        if key not in before:
            changes.append(SectionChange(heading, "added", _words_diff("", section.get("text") or "")))
        elif (before[key].get("text") or "") != (section.get("text") or ""):
            changes.append(
                SectionChange(heading, "changed", _words_diff(before[key].get("text") or "", section.get("text") or ""))
            )
    for key, section in before.items():
        if key not in after:
            changes.append(
                SectionChange(section.get("heading") or "", "removed", _words_diff(section.get("text") or "", ""))
            )
    return changes


def report_current_content(report: Report) -> dict:
    return {"sections": report_to_contract(report)["sections"]}


def report_changes_seen(*, report: Report, user: User) -> tuple[list[SectionChange], dt.datetime | None]:
    """What changed since this person last looked (the leader's "what is new"), then remember this look.

    Returns the changes and when the person saw the earlier state; the same
    changes come back on a reload until the report changes again.
    """
    now_content = report_current_content(report)
    seen = ReportSeen.objects.filter(report=report, user=user).first()
    if seen is None:
        ReportSeen.objects.create(report=report, user=user, content=now_content)
        return [], None
    if seen.content != now_content:
        seen.before, seen.before_at = seen.content, seen.at
        seen.content, seen.at = now_content, timezone.now()
        seen.save()
    if seen.before is None:
        return [], None
    return report_diff(seen.before, seen.content), seen.before_at


# --- What each audience sees of the versions (services/access.py: report_audience) ---------------

ERROR_NO_VERSION = "Không có phiên bản này."


def report_versions_for(*, report: Report, user: User | None) -> QuerySet:
    """The versions this person sees, newest first: all of them for the report's own unit; for the
    level above only those kept by a step it sees, that is the versions sent to it."""
    versions = report.versions.select_related("created_by", "event__by").order_by("-number")
    if report_audience(report, user) == OWN:
        return versions
    return versions.filter(event__action__in=SEEN_ABOVE)


def get_version_for_user(*, report: Report, user: User | None, number: int) -> ReportVersion:
    """A version this person sees, or 404: for the province a version it was not sent does not exist."""
    version = report_versions_for(report=report, user=user).filter(number=number).first()
    if version is None:
        raise Http404(ERROR_NO_VERSION)
    return version


def get_version_to_restore(*, report: Report, user: User | None, number: int) -> ReportVersion:
    """A version to put back: only the report's own unit restores; for anyone else there is none (404)."""
    if report_audience(report, user) != OWN:
        raise Http404(ERROR_NO_VERSION)
    return get_version_for_user(report=report, user=user, number=number)


@dataclass
class Send:
    """One sending of the report to the level above, and what came of it."""

    number: int  # 1 for the first send, 2 for the report sent again after a return...
    version: ReportVersion  # the text sent
    event: ReportEvent  # the step of sending: when and by whom
    verdict: ReportEvent | None = None  # the level above accepting or returning it; None while it waits
    before: "Send | None" = None  # the send the level above last accepted or returned before this one

    @cached_property
    def changes(self) -> list[SectionChange]:
        """What this send changed from the one the level above last judged (nothing for a first send)."""
        return report_diff(self.before.version.content, self.version.content) if self.before else []


def report_sends(*, report: Report) -> list[Send]:
    """Every send of the report, in order, each with its verdict and the judged send before it."""
    sent = {v.event_id: v for v in report.versions.filter(event__action=ReportEvent.Action.SUBMITTED)}
    steps = report.events.filter(
        action__in=[ReportEvent.Action.SUBMITTED, ReportEvent.Action.ACCEPTED, ReportEvent.Action.REJECTED]
    ).select_related("by")
    sends: list[Send] = []
    judged = None
    for step in steps.order_by("at", "id"):
        if step.action == ReportEvent.Action.SUBMITTED:
            if step.pk in sent:
                sends.append(Send(len(sends) + 1, sent[step.pk], step, before=judged))
        elif sends and sends[-1].verdict is None:
            sends[-1].verdict = step
            judged = sends[-1]
    return sends


@dataclass
class VersionEntry:
    version: ReportVersion
    send: Send | None  # set when this version is a text sent to the level above


def report_version_list(*, report: Report, user: User | None) -> list[VersionEntry]:
    """The versions this person sees, newest first, each saying whether (and which time) it was sent."""
    sends = {send.version.pk: send for send in report_sends(report=report)}
    return [VersionEntry(v, sends.get(v.pk)) for v in report_versions_for(report=report, user=user)]


@dataclass
class Comparison:
    """What changed from ``old`` to ``new``, section by section.

    For the report's own unit: the version asked for (``old``) against the current
    text (``new`` None), as it may restore it. For the level above: what was sent
    (``new``) against the send it last accepted or returned (``old``; None for a
    first send, which then shows its text whole).
    """

    version: ReportVersion
    old: ReportVersion | None
    new: ReportVersion | None
    changes: list[SectionChange]
    send: Send | None = None

    @property
    def against_current(self) -> bool:
        return self.new is None

    @property
    def sections(self) -> list[dict]:
        """The text of the version asked for, to read when there is nothing to compare it with."""
        return [s for s in self.version.content.get("sections") or [] if (s.get("text") or "").strip()]


def report_version_compare(*, report: Report, version: ReportVersion, user: User | None) -> Comparison:
    """The comparison this person gets for ``version`` (fetched with ``get_version_for_user``)."""
    send = next((s for s in report_sends(report=report) if s.version.pk == version.pk), None)
    if report_audience(report, user) == OWN:
        return Comparison(version, version, None, report_diff(version.content, report_current_content(report)), send)
    if send is None:  # only what was sent reaches here; a caller that skipped the lookup gets nothing
        raise Http404(ERROR_NO_VERSION)
    return Comparison(version, send.before.version if send.before else None, version, send.changes, send)
