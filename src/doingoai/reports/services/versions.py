"""Saved states of a report's text: keep, compare word by word, and what changed since a look."""

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from doingoai.people.models import User
from doingoai.reports.models import Report, ReportSeen, ReportVersion
from doingoai.reports.services.contract import report_to_contract

NOTE_AUTOSAVE = "Tự động lưu khi sửa"
AUTOSAVE_SESSION = dt.timedelta(minutes=10)  # autosaves within one session share a version


def report_snapshot(*, report: Report, by: User | None = None, note: str = "") -> ReportVersion:
    """Keep the report's current text as a numbered version, to compare and restore later."""
    last = report.versions.order_by("-number").values_list("number", flat=True).first() or 0
    content = report_to_contract(report)
    return ReportVersion.objects.create(
        report=report,
        number=last + 1,
        content={"meta": content["meta"], "sections": content["sections"]},
        note=note,
        created_by=by,
    )


def report_autosnapshot(*, report: Report, by: User | None) -> ReportVersion:
    """A version for an editing session: autosaves by one person within ten minutes share one.

    Every single save is also kept, section by section, in the section's history.
    """
    latest = report.versions.order_by("-number").first()
    if (
        latest is not None
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
