"""The report's way: officer → leader → the level above, as one table of transitions.

Every step is a row of ``TRANSITIONS`` (action, from, to, who, whether a comment
is required, the event it leaves) and ``report_transition`` is the one function
that applies a row: lock the report, check who acts, check the status, set the
new status and its stamps, record the event, and keep a version tied to it if the
row says so. The version kept at "send" is what the level above receives: it sees
no other (services/access.py).
A new step (the province's synthesis sent to the ministry, say) is one more row.

>>> send = TRANSITIONS_BY_ACTION["send"]
>>> [str(status) for status in send.sources], str(send.target), send.actor
(['approved'], 'submitted', 'author')
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from doingoai.lib.vn import ERROR_DATE, format_date, parse_date, parse_int
from doingoai.people.models import User
from doingoai.people.services import issuing_organisation
from doingoai.reports.models import NumberRegister, Report, ReportEvent
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import (
    AUTHOR,
    LEADER,
    READER,
    RECEIVER,
    is_actor,
    report_events_for,
    require_actor,
)
from doingoai.reports.services.versions import report_snapshot
from doingoai.units.models import Unit

ERROR_ALREADY_PENDING = "Báo cáo đã gửi lãnh đạo duyệt và đang chờ: không cần gửi lại."
ERROR_CANNOT_SUBMIT = "Báo cáo đã được duyệt hoặc đã gửi tỉnh: không gửi duyệt lại được."
ERROR_NOT_PENDING = "Báo cáo chưa được gửi lãnh đạo duyệt (hoặc đã được duyệt)."
ERROR_ALREADY_APPROVED = "Báo cáo đã được duyệt rồi."
ERROR_NO_POSITION = (
    "Tài khoản lãnh đạo chưa có chức vụ (Chủ tịch, Phó Chủ tịch, Giám đốc hoặc Phó Giám đốc): "
    "chưa lập được khối chữ ký."
)
ERROR_COMMENT_REQUIRED = "Hãy ghi một dòng lý do trả lại để cán bộ biết cần sửa gì."
ERROR_REASON_REQUIRED = "Hãy ghi lý do trả lại báo cáo để xã biết cần sửa gì."
ERROR_DATE_FUTURE = "Ngày ban hành không được sau ngày hôm nay."
ERROR_DATE_BEFORE_PERIOD = "Ngày ban hành không thể trước ngày bắt đầu kỳ báo cáo ({date})."
ERROR_NUMBER_INVALID = "Số văn bản không hợp lệ: hãy gõ số thứ tự, ví dụ 05 hoặc 297."
ERROR_NUMBER_TAKEN = "Số {number} năm {year} đã dùng cho một báo cáo khác của đơn vị: hãy kiểm tra lại sổ văn bản."
ERROR_NOT_APPROVED = "Báo cáo chưa được lãnh đạo duyệt: chưa gửi tỉnh được."
ERROR_ALREADY_SENT = "Báo cáo đã được gửi tỉnh rồi."
ERROR_NOT_SUBMITTED = "Báo cáo này không ở trạng thái chờ tỉnh nhận."
ERROR_NOT_RETURNED = "Báo cáo không ở trạng thái bị tỉnh trả lại."
ERROR_NOT_READ = "Báo cáo này không phải bản đọc từ tệp đang chờ xác nhận."

COMMENT_MAX = 500

Status, Origin, Action = Report.Status, Report.Origin, ReportEvent.Action


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    actor: str  # AUTHOR, LEADER, RECEIVER or READER, relative to the report's unit (services/access.py)
    event: str | None  # the ReportEvent it leaves; None for a silent step
    refused: str  # the message when the report is in none of ``sources``
    comment: str = ""  # when set, a comment is required and this is the message without one
    done_in: tuple[str, ...] = ()  # statuses in which this step has already been taken...
    done: str = ""  # ...and the message that says so
    stamps: tuple[str, ...] = ()  # fields set to now (``*_at``) or to the person (``*_by``)
    snapshot: str = ""  # keep the text as a version with this note ({number}: the document's number)
    origin: str = Origin.COMPOSED


# fmt: off
TRANSITIONS: tuple[Transition, ...] = (
    Transition("submit", Status.EDITABLE, Status.PENDING, AUTHOR, Action.SUBMITTED_FOR_APPROVAL, ERROR_CANNOT_SUBMIT,
               done_in=(Status.PENDING,), done=ERROR_ALREADY_PENDING, snapshot="Gửi lãnh đạo duyệt"),
    Transition("return", (Status.PENDING,), Status.RETURNED, LEADER, Action.RETURNED, ERROR_NOT_PENDING,
               comment=ERROR_COMMENT_REQUIRED),
    Transition("approve", (Status.PENDING,), Status.APPROVED, LEADER, Action.APPROVED, ERROR_NOT_PENDING,
               done_in=Status.LOCKED, done=ERROR_ALREADY_APPROVED, stamps=("approved_by", "approved_at"),
               snapshot="Lãnh đạo duyệt: số {number}"),
    Transition("send", (Status.APPROVED,), Status.SUBMITTED, AUTHOR, Action.SUBMITTED, ERROR_NOT_APPROVED,
               done_in=Status.COUNTED, done=ERROR_ALREADY_SENT, stamps=("submitted_at",),
               snapshot="Gửi tỉnh: số {number}"),
    Transition("accept", (Status.SUBMITTED,), Status.ACCEPTED, RECEIVER, Action.ACCEPTED, ERROR_NOT_SUBMITTED,
               stamps=("confirmed_by", "confirmed_at")),
    Transition("reject", (Status.SUBMITTED,), Status.REJECTED, RECEIVER, Action.REJECTED, ERROR_NOT_SUBMITTED,
               comment=ERROR_REASON_REQUIRED),
    # A report the level above returned becomes a draft again at its first change.
    Transition("reopen", (Status.REJECTED,), Status.DRAFT, AUTHOR, None, ERROR_NOT_RETURNED),
    # What was read from a file counts once someone who may see it has checked it.
    Transition("confirm", (Status.READ,), Status.CONFIRMED, READER, Action.CONFIRMED, ERROR_NOT_READ,
               stamps=("confirmed_by", "confirmed_at"), origin=Origin.INGESTED),
)
# fmt: on
TRANSITIONS_BY_ACTION = {t.action: t for t in TRANSITIONS}


def report_can(report: Report, user: User | None, action: str) -> bool:
    """Whether ``user`` may take the step ``action`` now (the page shows its button only then)."""
    step = TRANSITIONS_BY_ACTION[action]
    return report.status in step.sources and report.origin == step.origin and is_actor(step.actor, report, user)


def report_event(report: Report, action: str, by: User | None, comment: str = "") -> ReportEvent:
    event = ReportEvent(report=report, action=action, by=by, comment=comment)
    event._history_user = by
    event.save()
    return event


def report_transition(
    *,
    report: Report,
    action: str,
    by: User | None,
    comment: str = "",
    prepare: Callable[[Report], str] | None = None,
) -> Report:
    """Take one step of ``TRANSITIONS`` and return the report as it now stands.

    ``prepare`` runs once every check has passed, inside the same transaction,
    before the status changes (approval fixes the number and the signature
    block there); what it returns becomes the event's comment.
    """
    step = TRANSITIONS_BY_ACTION[action]
    comment = " ".join((comment or "").split())[:COMMENT_MAX]
    with transaction.atomic():
        report = Report.objects.select_for_update(of=("self",)).select_related("unit__province").get(pk=report.pk)
        require_actor(step.actor, report, by)
        if report.status in step.done_in:
            raise ReportError(step.done)
        if report.status not in step.sources or report.origin != step.origin:
            raise ReportError(step.refused)
        if step.comment and not comment:
            raise ReportError(step.comment)
        if prepare is not None:
            comment = prepare(report) or comment
        report.status = step.target
        now = timezone.now()
        for stamp in step.stamps:
            setattr(report, stamp, now if stamp.endswith("_at") else by)
        report.version += 1
        report._history_user = by
        report.save()
        event = report_event(report, step.event, by, comment) if step.event else None
        if step.snapshot:
            report_snapshot(report=report, by=by, note=step.snapshot.format(number=report.number_text), event=event)
    return report


def report_reopen(report: Report, by: User | None) -> None:
    """Inside an edit: a report the province returned becomes a draft again; the province no longer sees it."""
    if report.status in TRANSITIONS_BY_ACTION["reopen"].sources:
        reopened = report_transition(report=report, action="reopen", by=by)
        report.status, report.version = reopened.status, reopened.version


def report_submit_for_approval(*, report: Report, by: User) -> Report:
    """The officer sends the draft to the leader."""
    return report_transition(report=report, action="submit", by=by)


def report_return(*, report: Report, by: User, comment: str) -> Report:
    """The leader sends the draft back with a one-line reason."""
    return report_transition(report=report, action="return", by=by, comment=comment)


def report_approve(*, report: Report, by: User, number=None, date=None) -> Report:
    """The leader approves: signature block from his position, number from the register
    (or typed), date (today or typed), and the report is locked — text and figures frozen."""

    def fix_number_and_signature(current: Report) -> str:
        authority, title = signature_of(by)
        day = _issued_date(date, current)
        typed = _typed_number(number) if number not in (None, "") else None
        assigned = number_register_next(unit=current.unit, year=day.year, typed=typed, exclude=current.pk)
        # The symbol is written IN HOA (PL I §II.3.c), whatever case the office registered ("SNgV").
        symbol = (current.doc_symbol or f"BC-{issuing_organisation(unit=current.unit).symbol}").upper()
        current.fix_number(number=assigned, symbol=symbol, date=day)
        current.signer_name = by.full_name or by.username
        current.signer_title = title
        current.signer_authority = authority
        return f"Số {current.number_text}, ngày {format_date(day)}"

    return report_transition(report=report, action="approve", by=by, prepare=fix_number_and_signature)


def report_send(*, report: Report, by: User) -> Report:
    """One click: the approved report goes to the province."""
    return report_transition(report=report, action="send", by=by)


def report_accept(*, report: Report, by: User) -> Report:
    return report_transition(report=report, action="accept", by=by)


def reports_accept(*, reports: list[Report], by: User) -> tuple[list[Report], list[tuple[Report, str]]]:
    """Accept several at once; each refusal comes back with its reason, the others go through."""
    accepted, refused = [], []
    for report in reports:
        try:
            accepted.append(report_accept(report=report, by=by))
        except (ReportError, PermissionDenied) as error:
            refused.append((report, str(error)))
    return accepted, refused


def report_reject(*, report: Report, by: User, reason: str) -> Report:
    return report_transition(report=report, action="reject", by=by, comment=reason)


def report_last_comment(*, report: Report, user: User | None) -> ReportEvent | None:
    """The latest "returned" or "rejected" event this person sees, to show what to fix."""
    returns = report_events_for(report=report, user=user).filter(action__in=[Action.RETURNED, Action.REJECTED])
    return returns.order_by("-at", "-id").first()


# --- Approval: the signature block, the number and the date -------------------------------------


def signature_of(user: User) -> tuple[str, str]:
    """(authority, title) of the signature block from the leader's position (Nghị định 30, Điều 13.2).

    An UBND decides as a collective: the Chủ tịch signs "TM. ỦY BAN NHÂN DÂN /
    CHỦ TỊCH"; a Phó Chủ tịch signs for him: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
    PHÓ CHỦ TỊCH". A Sở has one head: the Giám đốc signs "GIÁM ĐỐC", a Phó Giám
    đốc "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC".
    """
    signatures = {
        User.Position.CHAIR: ("TM", "Chủ tịch"),
        User.Position.VICE_CHAIR: ("KT", "Phó Chủ tịch"),
        User.Position.DIRECTOR: ("", "Giám đốc"),
        User.Position.DEPUTY_DIRECTOR: ("KT", "Phó Giám đốc"),
    }
    if user.position not in signatures:
        raise ReportError(ERROR_NO_POSITION)
    return signatures[user.position]


def _typed_number(value) -> int:
    text = str(value).strip().split("/", 1)[0].strip()
    try:
        number = parse_int(text)
    except ValueError:
        raise ReportError(ERROR_NUMBER_INVALID) from None
    if number <= 0:
        raise ReportError(ERROR_NUMBER_INVALID)
    return number


def _number_taken(*, unit: Unit, year: int, number: int, exclude: int) -> bool:
    """A number once issued stays used, even by a report the province returned since."""
    return Report.objects.filter(unit=unit, doc_number=number, issued_date__year=year).exclude(pk=exclude).exists()


def number_register_next(*, unit: Unit, year: int, typed: int | None = None, exclude: int | None = None) -> int:
    """The next number of the unit's register for ``year`` (it restarts each 1 January, Điều 15.1),
    or the number the office's own register gave (``typed``), which moves the register on."""
    register, _ = NumberRegister.objects.get_or_create(unit=unit, year=year)
    register = NumberRegister.objects.select_for_update().get(pk=register.pk)
    if typed is not None:
        if _number_taken(unit=unit, year=year, number=typed, exclude=exclude):
            raise ReportError(ERROR_NUMBER_TAKEN.format(number=f"{typed:02d}", year=year))
        number = typed
    else:
        number = register.last_number + 1
        while _number_taken(unit=unit, year=year, number=number, exclude=exclude):
            number += 1
    if number > register.last_number:
        register.last_number = number
        register.save(update_fields=["last_number"])
    return number


def _issued_date(value, report: Report) -> dt.date:
    if value in (None, ""):
        return timezone.localdate()
    try:
        day = parse_date(value)
    except ValueError:
        raise ReportError(ERROR_DATE) from None
    if day > timezone.localdate():
        raise ReportError(ERROR_DATE_FUTURE)
    period = report.period_obj
    if period and day < period.window[0]:
        raise ReportError(ERROR_DATE_BEFORE_PERIOD.format(date=format_date(period.window[0])))
    return day
