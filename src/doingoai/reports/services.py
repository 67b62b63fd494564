"""Reports: scoping, and the JSON contract of shared/domain.md in and out.

The contract is the one shape every part speaks: the reader produces it, the
renderer consumes it, the API and the CLI exchange it.
"""

import datetime as dt
import difflib
import html
import re
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from doingoai.lib.catalogues import INDICATORS_BY_CODE, SECTIONS_BY_CODE
from doingoai.lib.periods import Period
from doingoai.lib.vn import ERROR_DATE, format_date, parse_date, parse_int
from doingoai.people.models import User
from doingoai.units.models import Unit

from .models import (
    IndicatorValue,
    NumberRegister,
    Outline,
    Report,
    ReportEvent,
    ReportRequest,
    ReportSection,
    ReportSeen,
    ReportVersion,
    RequestReminder,
)

ERROR_LOCKED = "Báo cáo đã được duyệt hoặc đã gửi: không sửa được nữa."
ERROR_PENDING = "Báo cáo đang chờ lãnh đạo duyệt: muốn sửa, hãy đề nghị lãnh đạo trả lại."
ERROR_CONFLICT = (
    "Mục này vừa được lưu ở nơi khác (một thẻ khác hoặc một người khác) nên bản của bạn chưa ghi đè lên. "
    "Hai bản được hiện bên dưới: hãy chọn giữ bản nào."
)
ERROR_STALE_REPORT = "Báo cáo vừa được sửa ở nơi khác: hãy tải lại trang để xem bản mới nhất trước khi lưu."
ERROR_NOT_COMMUNE_USER = "Chỉ cán bộ, lãnh đạo của xã mới sửa và gửi báo cáo của xã."
ERROR_ALREADY_PENDING = "Báo cáo đã gửi lãnh đạo duyệt và đang chờ: không cần gửi lại."
ERROR_CANNOT_SUBMIT = "Báo cáo đã được duyệt hoặc đã gửi tỉnh: không gửi duyệt lại được."
ERROR_NOT_LEADER = "Chỉ lãnh đạo UBND xã (Chủ tịch, Phó Chủ tịch) mới duyệt hoặc trả lại báo cáo."
ERROR_NOT_PENDING = "Báo cáo chưa được gửi lãnh đạo duyệt (hoặc đã được duyệt)."
ERROR_ALREADY_APPROVED = "Báo cáo đã được duyệt rồi."
ERROR_NO_POSITION = "Tài khoản lãnh đạo chưa có chức vụ (Chủ tịch hoặc Phó Chủ tịch): chưa lập được khối chữ ký."
ERROR_COMMENT_REQUIRED = "Hãy ghi một dòng lý do trả lại để cán bộ biết cần sửa gì."
ERROR_REASON_REQUIRED = "Hãy ghi lý do trả lại báo cáo để xã biết cần sửa gì."
ERROR_DATE_FUTURE = "Ngày ban hành không được sau ngày hôm nay."
ERROR_DATE_BEFORE_PERIOD = "Ngày ban hành không thể trước ngày bắt đầu kỳ báo cáo ({date})."
ERROR_NUMBER_INVALID = "Số văn bản không hợp lệ: hãy gõ số thứ tự, ví dụ 05 hoặc 297."
ERROR_NUMBER_TAKEN = "Số {number} năm {year} đã dùng cho một báo cáo khác của đơn vị: hãy kiểm tra lại sổ văn bản."
ERROR_NOT_APPROVED = "Báo cáo chưa được lãnh đạo duyệt: chưa gửi tỉnh được."
ERROR_ALREADY_SENT = "Báo cáo đã được gửi tỉnh rồi."
ERROR_NOT_PROVINCE = "Chỉ cán bộ tỉnh nhận báo cáo mới nhận hoặc trả lại báo cáo của xã."
ERROR_NOT_SUBMITTED = "Báo cáo này không ở trạng thái chờ tỉnh nhận."
ERROR_CHOICE = "Lựa chọn không hợp lệ."
ERROR_NO_PROPOSAL = "Mục này không có bản soạn mới để chọn."
ERROR_DEADLINE = "Hạn gửi không thể trước ngày ban hành văn bản."
ERROR_WINDOW = "Ngày cuối của khoảng số liệu phải sau ngày đầu."
ERROR_NO_COMMUNES = "Hãy chọn ít nhất một xã, phường nhận văn bản."
ERROR_FOREIGN_COMMUNE = "Chỉ gửi được cho các xã, phường của tỉnh mình."
ERROR_CANNOT_REQUEST = "Tài khoản này không nhập được văn bản đề nghị báo cáo."
ERROR_INDICATOR = "Chỉ tiêu không có trong danh mục."

NOTE_AUTOSAVE = "Tự động lưu khi sửa"
AUTOSAVE_SESSION = dt.timedelta(minutes=10)  # autosaves within one session share a version


class ReportError(ValueError):
    """A workflow step refused; the message is for the person, in Vietnamese."""


class SectionConflict(ReportError):
    """Two editors saved one section: nothing is overwritten; both texts go back to the page."""

    def __init__(self, section: "ReportSection", mine: str):
        super().__init__(ERROR_CONFLICT)
        self.section = section
        self.mine = mine


def reports_visible_to(user: User) -> QuerySet:
    """Reports a person may open.

    A commune's officers and leaders see all of their commune's reports. A
    province officer or administrator sees what the communes of the province
    have submitted (never a draft) and the province's own reports, including
    documents read from files for the province.
    """
    reports = Report.objects.select_related("unit__province", "request")
    if not user.is_authenticated:
        return reports.none()
    if user.is_commune_user:
        return reports.filter(unit=user.unit)
    province = user.province
    if (user.is_province_officer or user.is_administrator) and province is not None:
        from_communes = Q(unit__province=province, status__in=Report.VISIBLE_TO_PROVINCE)
        ingested_here = Q(origin=Report.Origin.INGESTED, created_by__organisation__unit=province)
        own = Q(unit=province)
        return reports.filter(from_communes | ingested_here | own)
    return reports.none()


def get_report_for_user(user: User, pk: int) -> Report:
    """A report the user may open, or 404: another commune's report does not exist for them."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise Http404("Không tìm thấy báo cáo.")
    return report


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def report_to_contract(report: Report) -> dict:
    """A stored report in the contract's shape (meta, sections, facts), as the renderer and the API take it."""
    period = report.period_obj
    unit = report.unit
    stored = {k: v for k, v in (report.meta or {}).items() if k != "annex"}
    meta = {
        **stored,
        "unit_name": unit.name if unit else report.meta.get("unit_name"),
        "unit_level": unit.level if unit else report.meta.get("unit_level"),
        "province": unit.province_unit.name if unit else report.meta.get("province"),
        "ward_code": unit.code if unit and not unit.is_province else None,
        "doc_number": report.number_text if report.doc_number is not None else None,
        "doc_symbol": report.doc_symbol or None,
        "issued_place": report.issued_place or None,
        "issued_date": _iso(report.issued_date),
        "period": period.to_contract() if period else None,
        "request": (
            {"number": report.request.number, "date": _iso(report.request.date), "issuer": report.request.issuer}
            if report.request_id
            else report.meta.get("request")
        ),
        "signer": {
            "name": report.signer_name or None,
            "title": report.signer_title or None,
            "authority": report.signer_authority or None,
        },
        "recipients": list(report.recipients or []),
        "summary": report.summary or None,
        "basis": report.basis or None,
        "closing": report.closing or None,
    }
    sections = [
        {"code": s.code, "heading": s.heading, "text": s.text, "level": s.level, **({"also": s.also} if s.also else {})}
        for s in report.sections.all()
    ]
    facts = []
    for value in report.indicators.all():
        fact = {
            "indicator": value.indicator,
            "value": value.value,
            "section": value.section or INDICATORS_BY_CODE[value.indicator].section,
            "evidence": value.evidence,
            "source": value.source,
        }
        if value.estimate:
            fact["estimate"] = True
        if value.as_of:
            fact["as_of"] = value.as_of.isoformat()
        facts.append(fact)
    contract = {"source": report.source_name or None, "meta": meta, "sections": sections, "facts": facts}
    if (report.meta or {}).get("annex"):
        contract["annex"] = report.meta["annex"]  # lib/nd30/cli reads a top-level "annex"
    return contract


def _date(text) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


def _doc_number(text: str | None) -> tuple[int | None, str]:
    """ "05/BC-UBND" → (5, "BC-UBND"); "/BC-UBND" → (None, "BC-UBND")."""
    if not text:
        return None, ""
    number, _, symbol = str(text).partition("/")
    return (int(number) if number.strip().isdigit() else None), symbol.strip()


@transaction.atomic
def report_replace_content(
    *, report: Report, data: dict, source: str = IndicatorValue.Source.TEXT, by: User | None = None
) -> Report:
    """Replace a report's meta, sections and facts with those of a contract dict.

    Used by the reader (a file read into an existing or new report) and by the
    CLI/API import. Unknown section codes become "other"; unknown indicators are
    dropped (they cannot be summed).
    """
    if report.is_locked:
        raise PermissionError(ERROR_LOCKED)
    meta = data.get("meta") or {}
    number, symbol = _doc_number(meta.get("doc_number"))
    signer = meta.get("signer") or {}
    report.summary = (meta.get("summary") or "")[:400]
    report.doc_number = number
    report.doc_symbol = symbol or (meta.get("doc_symbol") or "")
    report.issued_place = meta.get("issued_place") or ""
    report.issued_date = _date(meta.get("issued_date"))
    report.signer_name = signer.get("name") or ""
    report.signer_title = signer.get("title") or ""
    report.signer_authority = signer.get("authority") or ""
    report.recipients = list(meta.get("recipients") or [])
    report.basis = meta.get("basis") or report.basis
    report.closing = meta.get("closing") or report.closing
    known = {
        "unit_name",
        "unit_level",
        "province",
        "ward_code",
        "doc_number",
        "issued_place",
        "issued_date",
        "period",
        "signer",
        "recipients",
        "summary",
        "basis",
        "closing",
    }
    report.meta = {
        k: v for k, v in meta.items() if k not in known or k in ("unit_name", "unit_level", "province", "request")
    }
    report.source_name = data.get("source") or report.source_name
    report.version += 1
    report._history_user = by
    report.save()

    report.sections.all().delete()
    ReportSection.objects.bulk_create(
        ReportSection(
            report=report,
            position=position,
            code=section.get("code") if section.get("code") in SECTIONS_BY_CODE else "other",
            also=[c for c in section.get("also") or [] if c in SECTIONS_BY_CODE],
            heading=(section.get("heading") or "")[:500],
            level=int(section.get("level") or 1),
            text=section.get("text") or "",
        )
        for position, section in enumerate(data.get("sections") or [], start=1)
    )
    report.indicators.all().delete()
    seen = set()
    values = []
    for fact in data.get("facts") or []:
        code = fact.get("indicator")
        if code not in INDICATORS_BY_CODE or code in seen:
            continue
        seen.add(code)
        raw = fact.get("value")
        values.append(
            IndicatorValue(
                report=report,
                indicator=code,
                value=None if raw is None else int(round(float(raw))),
                section=fact.get("section") or "",
                evidence=fact.get("evidence") or "",
                source=fact.get("source") if fact.get("source") in IndicatorValue.Source.values else source,
                estimate=bool(fact.get("estimate")),
                as_of=_date(fact.get("as_of")),
                updated_by=by,
            )
        )
    IndicatorValue.objects.bulk_create(values)
    return report


def report_period_from_contract(data: dict) -> Period | None:
    period = (data.get("meta") or {}).get("period")
    if not period:
        return None
    try:
        return Period.from_contract(period)
    except (KeyError, TypeError, ValueError):
        return None


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


def unit_for_contract(data: dict) -> Unit | None:
    """The unit a document states: its current ward code, else its province for a province-level issuer."""
    from doingoai.units.services import unit_by_code, unit_resolve

    meta = data.get("meta") or {}
    if meta.get("ward_code"):
        return unit_by_code(code=int(meta["ward_code"]))
    if meta.get("unit_level") == "tinh" and meta.get("province"):
        return Unit.objects.filter(level="tinh", name=meta["province"]).first()
    if meta.get("unit_name") and meta.get("province") and meta.get("unit_level") in ("xa", "phuong", "dac_khu"):
        unit = unit_resolve(address=f"{meta['unit_name']}, {meta['province']}", legacy=False)
        # unit_resolve falls back to the province; a commune's document must not be filed under it.
        return unit if unit is not None and not unit.is_province else None
    return None


# --- Who may do what ------------------------------------------------------------------------------

EDITABLE = (Report.Status.DRAFT, Report.Status.RETURNED, Report.Status.REJECTED)


def report_is_editable(report: Report) -> bool:
    return report.origin == Report.Origin.COMPOSED and report.status in EDITABLE


def report_can_edit(report: Report, user: User) -> bool:
    """The commune's own officers and leaders edit a draft; nobody edits a locked or pending report."""
    return user.is_commune_user and report.unit_id == user.unit.pk and report_is_editable(report)


def _require_commune_user(report: Report, user: User | None) -> None:
    if user is None or not user.is_commune_user or report.unit_id != user.unit.pk:
        raise PermissionDenied(ERROR_NOT_COMMUNE_USER)


def _require_editable(report: Report) -> None:
    if report.is_locked:
        raise ReportError(ERROR_LOCKED)
    if report.status == Report.Status.PENDING:
        raise ReportError(ERROR_PENDING)


def _event(report: Report, action: str, by: User | None, comment: str = "") -> ReportEvent:
    event = ReportEvent(report=report, action=action, by=by, comment=comment)
    event._history_user = by
    event.save()
    return event


def _touch(report: Report) -> None:
    """Every saved change moves the report's version on (optimistic locking of the whole report)."""
    Report.objects.filter(pk=report.pk).update(version=F("version") + 1, updated_at=timezone.now())
    report.refresh_from_db(fields=["version", "updated_at"])


def _set_status(report: Report, status: str, by: User | None, **fields) -> None:
    report.status = status
    for name, value in fields.items():
        setattr(report, name, value)
    report.version += 1
    report._history_user = by
    report.save()


# --- Editing --------------------------------------------------------------------------------------


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


def report_section_save(*, section: ReportSection, text: str, version: int, by: User) -> ReportSection:
    """Save one section's text if nobody saved it since ``version``; otherwise raise SectionConflict.

    Saving the same text twice (a retry after the connection dropped) is not a conflict.
    """
    text = text.replace("\r\n", "\n").rstrip()
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=section.report_id)
        _require_commune_user(report, by)
        _require_editable(report)
        current = ReportSection.objects.select_for_update().get(pk=section.pk)
        if current.text == text:
            return current
        if current.version != version:
            raise SectionConflict(current, text)
        current.text = text
        current.version += 1
        current._history_user = by
        current.save()
        _reopen(report, by)
        _touch(report)
        report_autosnapshot(report=report, by=by)
    return current


def _reopen(report: Report, by: User | None) -> None:
    """A report the province returned becomes a draft again at its first change: the province no longer sees it."""
    if report.status == Report.Status.REJECTED:
        report.status = Report.Status.DRAFT
        report._history_user = by
        report.save(update_fields=["status", "updated_at"])


def report_section_choose(*, section: ReportSection, choice: str, by: User) -> ReportSection:
    """After recomposing: take the new draft ("proposed") or keep the officer's text ("mine")."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=section.report_id)
        _require_commune_user(report, by)
        _require_editable(report)
        current = ReportSection.objects.select_for_update().get(pk=section.pk)
        if not current.proposed_text:
            raise ReportError(ERROR_NO_PROPOSAL)
        if choice == "proposed":
            current.text = current.proposed_text
        elif choice != "mine":
            raise ReportError(ERROR_CHOICE)
        current.generated_text = current.proposed_text
        current.proposed_text = ""
        current.version += 1
        current._history_user = by
        current.save()
        _reopen(report, by)
        _touch(report)
        report_autosnapshot(report=report, by=by)
    return current


def report_meta_save(
    *, report: Report, by: User, version: int, summary: str, basis: str, closing: str, recipients: list[str]
) -> Report:
    """The words around the body: trích yếu, the "Thực hiện Công văn" sentence, the closing, Nơi nhận."""
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        _require_commune_user(current, by)
        _require_editable(current)
        if current.version != version:
            raise ReportError(ERROR_STALE_REPORT)
        current.summary = summary.strip()[:400]
        current.basis = basis.strip()
        current.closing = closing.strip()
        current.recipients = [
            line.strip().lstrip("-").strip().rstrip(";.").strip()
            for line in recipients
            if line.strip().lstrip("-").strip()
        ]
        if current.status == Report.Status.REJECTED:
            current.status = Report.Status.DRAFT
        current.version += 1
        current._history_user = by
        current.save()
        report_autosnapshot(report=current, by=by)
    return current


def report_indicator_correct(*, report: Report, indicator: str, value: int | None, by: User) -> IndicatorValue:
    """An officer's correction of a figure: kept apart from the records' value, which it remembers."""
    if indicator not in INDICATORS_BY_CODE:
        raise ReportError(ERROR_INDICATOR)
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        _require_commune_user(current, by)
        _require_editable(current)
        item, _ = IndicatorValue.objects.get_or_create(
            report=current, indicator=indicator, defaults={"section": INDICATORS_BY_CODE[indicator].section}
        )
        if item.source != IndicatorValue.Source.CORRECTION:
            item.corrected_from = item.value
        item.value = value
        item.source = IndicatorValue.Source.CORRECTION
        item.updated_by = by
        item._history_user = by
        item.save()
        _reopen(current, by)
        _touch(current)
    return item


# --- Versions: compare and restore ----------------------------------------------------------------


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


@transaction.atomic
def report_version_restore(*, report: Report, version: ReportVersion, by: User) -> Report:
    """Put a saved version's text back; the text it replaces is kept as a version first."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    _require_commune_user(current, by)
    _require_editable(current)
    report_snapshot(report=current, by=by, note=f"Trước khi khôi phục phiên bản {version.number}")
    wanted = version.content.get("sections") or []
    sections = list(current.sections.all())
    if [(s.code, s.heading) for s in sections] == [(w.get("code"), w.get("heading")) for w in wanted]:
        for section, old in zip(sections, wanted, strict=False):
            if section.text != (old.get("text") or ""):
                section.text = old.get("text") or ""
                section.version += 1
                section._history_user = by
                section.save()
    else:
        generated = {(s.code, s.heading): s.generated_text for s in sections}
        current.sections.all().delete()
        for position, old in enumerate(wanted, start=1):
            section = ReportSection(
                report=current,
                position=position,
                code=old.get("code") if old.get("code") in SECTIONS_BY_CODE else "other",
                heading=(old.get("heading") or "")[:500],
                level=int(old.get("level") or 1),
                is_group=not (old.get("text") or "").strip() and old.get("code") == "other",
                text=old.get("text") or "",
                generated_text=generated.get((old.get("code"), old.get("heading")), ""),
            )
            section._history_user = by
            section.save()
    _reopen(current, by)
    _touch(current)
    report_snapshot(report=current, by=by, note=f"Khôi phục phiên bản {version.number}")
    _event(current, ReportEvent.Action.RESTORED, by, f"Phiên bản {version.number}")
    return current


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


# --- Workflow: officer → leader → province -------------------------------------------------------


def report_submit_for_approval(*, report: Report, by: User) -> Report:
    """The officer sends the draft to the leader."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require_commune_user(report, by)
        if report.status == Report.Status.PENDING:
            raise ReportError(ERROR_ALREADY_PENDING)
        if report.status not in EDITABLE or report.origin != Report.Origin.COMPOSED:
            raise ReportError(ERROR_CANNOT_SUBMIT)
        _set_status(report, Report.Status.PENDING, by)
        report_snapshot(report=report, by=by, note="Gửi lãnh đạo duyệt")
        _event(report, ReportEvent.Action.SUBMITTED_FOR_APPROVAL, by)
    return report


def _require_leader(report: Report, by: User) -> None:
    if not by.is_leader or by.unit is None or by.unit.pk != report.unit_id:
        raise PermissionDenied(ERROR_NOT_LEADER)


def report_return(*, report: Report, by: User, comment: str) -> Report:
    """The leader sends the draft back with a one-line reason."""
    comment = " ".join((comment or "").split())[:300]
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require_leader(report, by)
        if report.status != Report.Status.PENDING:
            raise ReportError(ERROR_NOT_PENDING)
        if not comment:
            raise ReportError(ERROR_COMMENT_REQUIRED)
        _set_status(report, Report.Status.RETURNED, by)
        _event(report, ReportEvent.Action.RETURNED, by, comment)
    return report


def signature_of(user: User) -> tuple[str, str]:
    """(authority, title) of the signature block from the leader's position (Nghị định 30, Điều 13.2).

    An UBND decides as a collective: the Chủ tịch signs "TM. ỦY BAN NHÂN DÂN /
    CHỦ TỊCH"; a Phó Chủ tịch signs for him: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH /
    PHÓ CHỦ TỊCH".
    """
    if user.position == User.Position.CHAIR:
        return "TM", "Chủ tịch"
    if user.position == User.Position.VICE_CHAIR:
        return "KT", "Phó Chủ tịch"
    raise ReportError(ERROR_NO_POSITION)


def signature_lines(report: Report) -> list[str]:
    """The authority and position lines the document prints (IN HOA), for the page's preview."""
    lines = ["TM. ỦY BAN NHÂN DÂN"]
    if report.signer_authority == "KT":
        return [*lines, "KT. CHỦ TỊCH", (report.signer_title or "Phó Chủ tịch").upper()]
    return [*lines, (report.signer_title or "Chủ tịch").upper()]


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


def report_approve(*, report: Report, by: User, number=None, date=None) -> Report:
    """The leader approves: signature block from his position, number from the register
    (or typed), date (today or typed), and the report is locked — text and figures frozen."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require_leader(report, by)
        if report.status in Report.LOCKED:
            raise ReportError(ERROR_ALREADY_APPROVED)
        if report.status != Report.Status.PENDING:
            raise ReportError(ERROR_NOT_PENDING)
        authority, title = signature_of(by)
        day = _issued_date(date, report)
        typed = _typed_number(number) if number not in (None, "") else None
        assigned = number_register_next(unit=report.unit, year=day.year, typed=typed, exclude=report.pk)
        report.approve(by=by, number=assigned, symbol=report.doc_symbol or "BC-UBND", date=day)
        report.signer_name = by.full_name or by.username
        report.signer_title = title
        report.signer_authority = authority
        report.version += 1
        report._history_user = by
        report.save()
        report_snapshot(report=report, by=by, note=f"Lãnh đạo duyệt: số {report.number_text}")
        _event(report, ReportEvent.Action.APPROVED, by, f"Số {report.number_text}, ngày {format_date(day)}")
    return report


def report_send(*, report: Report, by: User) -> Report:
    """One click: the approved report goes to the province."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require_commune_user(report, by)
        if report.status in (Report.Status.SUBMITTED, Report.Status.ACCEPTED):
            raise ReportError(ERROR_ALREADY_SENT)
        if report.status != Report.Status.APPROVED:
            raise ReportError(ERROR_NOT_APPROVED)
        _set_status(report, Report.Status.SUBMITTED, by, submitted_at=timezone.now())
        _event(report, ReportEvent.Action.SUBMITTED, by)
    return report


def _require_province_officer(report: Report, by: User) -> None:
    if not (by.is_province_officer or by.is_administrator) or by.province is None or report.unit is None:
        raise PermissionDenied(ERROR_NOT_PROVINCE)
    if report.unit.province_unit.pk != by.province.pk:
        raise PermissionDenied(ERROR_NOT_PROVINCE)


def report_accept(*, report: Report, by: User) -> Report:
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require_province_officer(report, by)
        if report.status != Report.Status.SUBMITTED:
            raise ReportError(ERROR_NOT_SUBMITTED)
        _set_status(report, Report.Status.ACCEPTED, by, confirmed_by=by, confirmed_at=timezone.now())
        _event(report, ReportEvent.Action.ACCEPTED, by)
    return report


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
    reason = " ".join((reason or "").split())[:500]
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require_province_officer(report, by)
        if report.status != Report.Status.SUBMITTED:
            raise ReportError(ERROR_NOT_SUBMITTED)
        if not reason:
            raise ReportError(ERROR_REASON_REQUIRED)
        _set_status(report, Report.Status.REJECTED, by)
        _event(report, ReportEvent.Action.REJECTED, by, reason)
    return report


def report_last_comment(report: Report) -> ReportEvent | None:
    """The latest "returned" or "rejected" event, to show what to fix."""
    return (
        report.events.filter(action__in=[ReportEvent.Action.RETURNED, ReportEvent.Action.REJECTED])
        .order_by("-at", "-id")
        .first()
    )


# --- Requests from the province -----------------------------------------------------------------


def requests_visible_to(user: User) -> QuerySet:
    """A province officer sees the province's requests; a commune sees those sent to it or typed by it."""
    requests = ReportRequest.objects.select_related("province", "outline")
    if not user.is_authenticated:
        return requests.none()
    if user.is_commune_user:
        return requests.filter(Q(communes=user.unit) | Q(entered_by_unit=user.unit)).distinct()
    if (user.is_province_officer or user.is_administrator) and user.province is not None:
        return requests.filter(province=user.province, entered_by_unit__isnull=True)
    return requests.none()


def get_request_for_user(user: User, pk: int) -> ReportRequest:
    request = requests_visible_to(user).filter(pk=pk).first()
    if request is None:
        raise Http404("Không tìm thấy văn bản đề nghị báo cáo.")
    return request


def report_request_create(
    *,
    by: User,
    number: str,
    date: dt.date,
    issuer: str,
    subject: str,
    period: Period | str,
    deadline: dt.date,
    window_start: dt.date | None = None,
    window_end: dt.date | None = None,
    outline: Outline | None = None,
    communes: list[Unit] | None = None,
) -> ReportRequest:
    """A request for reports: issued by a province officer to its communes (all, or those chosen),
    or typed by a commune officer from the Công văn received (then it concerns that commune only)."""
    period = Period.parse(period)
    start, end = period.window
    window_start, window_end = window_start or start, window_end or end
    if deadline < date:
        raise ReportError(ERROR_DEADLINE)
    if window_end < window_start:
        raise ReportError(ERROR_WINDOW)
    if by.is_commune_user:
        province, entered_by, targets = by.unit.province_unit, by.unit, [by.unit]
    elif (by.is_province_officer or by.is_administrator) and by.province is not None:
        province, entered_by = by.province, None
        targets = (
            list(communes) if communes is not None else list(Unit.objects.filter(province=province, is_active=True))
        )
        if not targets:
            raise ReportError(ERROR_NO_COMMUNES)
        if any(unit.province_id != province.pk for unit in targets):
            raise ReportError(ERROR_FOREIGN_COMMUNE)
    else:
        raise PermissionDenied(ERROR_CANNOT_REQUEST)
    if outline is not None and outline.province_id not in (None, province.pk):
        outline = None
    with transaction.atomic():
        request = ReportRequest(
            province=province,
            entered_by_unit=entered_by,
            number=number.strip(),
            date=date,
            issuer=issuer.strip(),
            subject=subject.strip(),
            period=period.code,
            window_start=window_start,
            window_end=window_end,
            deadline=deadline,
            outline=outline,
            created_by=by,
        )
        request._history_user = by
        request.save()
        request.communes.set(targets)
    return request


def deadline_phrase(deadline: dt.date, today: dt.date | None = None) -> str:
    """ "còn 5 ngày", "hạn hôm nay", "quá hạn 2 ngày"."""
    days = (deadline - (today or timezone.localdate())).days
    if days > 0:
        return f"còn {days} ngày"
    if days == 0:
        return "hạn hôm nay"
    return f"quá hạn {-days} ngày"


def report_for_request(*, unit: Unit, request: ReportRequest) -> Report | None:
    """The commune's report answering a request: the composed one, else one read from a file."""
    reports = list(Report.objects.filter(unit=unit, period=request.period).order_by("origin"))
    composed = [r for r in reports if r.origin == Report.Origin.COMPOSED]
    return composed[0] if composed else (reports[0] if reports else None)


BOARD_STATES = {
    "not_started": "Chưa bắt đầu",
    "drafting": "Đang soạn",
    "pending": "Chờ lãnh đạo duyệt",
    "approved": "Đã duyệt, chưa gửi",
    "submitted": "Đã gửi, chờ tỉnh nhận",
    "accepted": "Tỉnh đã nhận",
    "rejected": "Tỉnh đã trả lại",
}
_STATE_OF = {
    Report.Status.DRAFT: "drafting",
    Report.Status.RETURNED: "drafting",
    Report.Status.READ: "drafting",
    Report.Status.PENDING: "pending",
    Report.Status.APPROVED: "approved",
    Report.Status.SUBMITTED: "submitted",
    Report.Status.CONFIRMED: "accepted",
    Report.Status.ACCEPTED: "accepted",
    Report.Status.REJECTED: "rejected",
}


@dataclass
class BoardRow:
    unit: Unit
    report: Report | None  # only when the province may open it
    state: str
    late: bool

    @property
    def label(self) -> str:
        return BOARD_STATES[self.state]


def request_board(*, request: ReportRequest, today: dt.date | None = None) -> list[BoardRow]:
    """Each commune the request went to: not started, drafting, pending, sent, accepted; and who is late.

    The province sees where a draft stands, never its content.
    """
    today = today or timezone.localdate()
    communes = list(request.communes.select_related("province").order_by("name"))
    reports: dict[int, Report] = {}
    for report in (
        Report.objects.filter(unit__in=communes, period=request.period).select_related("unit").order_by("-origin")
    ):
        if report.unit_id not in reports or report.origin == Report.Origin.COMPOSED:
            reports[report.unit_id] = report
    rows = []
    for unit in communes:
        report = reports.get(unit.pk)
        state = _STATE_OF.get(report.status, "drafting") if report else "not_started"
        late = today > request.deadline and state not in ("submitted", "accepted")
        rows.append(BoardRow(unit, report if report and report.counts_for_province else None, state, late))
    return rows


REMINDED = "Đã nhắc {n} xã, phường chưa gửi báo cáo."
NOBODY_TO_REMIND = "Không còn xã, phường nào phải nhắc: đều đã gửi, hoặc đã được nhắc hôm nay."


def request_remind(*, request: ReportRequest, by: User, today: dt.date | None = None) -> int:
    """Remind, with one click, every commune of the request that has not sent its report.

    A commune is reminded at most once a day; the reminder shows on its dashboard.
    Returns how many were reminded.
    """
    today = today or timezone.localdate()
    waiting = [
        row.unit for row in request_board(request=request, today=today) if row.state not in ("submitted", "accepted")
    ]
    already = set(RequestReminder.objects.filter(request=request, day=today).values_list("unit_id", flat=True))
    reminders = [
        RequestReminder(request=request, unit=unit, by=by, day=today) for unit in waiting if unit.pk not in already
    ]
    for reminder in reminders:
        reminder._history_user = by
        reminder.save()
    return len(reminders)


@dataclass
class CommuneRequest:
    request: ReportRequest
    report: Report | None
    phrase: str  # "còn 5 ngày"
    late: bool
    done: bool  # sent to the province
    reminded_at: dt.datetime | None = None  # the province's last reminder


def requests_for_commune(*, unit: Unit, today: dt.date | None = None, limit: int = 5) -> list[CommuneRequest]:
    """The dashboard's requests: newest deadlines first, with the days left and the report's state."""
    today = today or timezone.localdate()
    requests = (
        ReportRequest.objects.filter(Q(communes=unit) | Q(entered_by_unit=unit))
        .distinct()
        .order_by("-deadline", "-id")[:limit]
    )
    rows = []
    for request in requests:
        report = report_for_request(unit=unit, request=request)
        done = report is not None and report.status in (
            Report.Status.SUBMITTED,
            Report.Status.ACCEPTED,
            Report.Status.CONFIRMED,
        )
        reminder = None if done else request.reminders.filter(unit=unit).values_list("at", flat=True).first()
        rows.append(
            CommuneRequest(
                request,
                report,
                deadline_phrase(request.deadline, today),
                not done and today > request.deadline,
                done,
                reminder,
            )
        )
    return rows


# --- Outlines of a province ------------------------------------------------------------------------


def outlines_for(user: User) -> QuerySet:
    if user.province is None:
        return Outline.objects.none()
    return Outline.objects.filter(province=user.province).order_by("name")


def outline_save(*, by: User, name: str, items: list[dict], ngo_annex: bool, outline: Outline | None = None) -> Outline:
    """A province's own outline (which sections, their headings and order, the NGO annex table)."""
    from .outlines import outline_validate

    if not (by.is_province_officer or by.is_administrator) or by.province is None:
        raise PermissionDenied(ERROR_NOT_PROVINCE)
    cleaned = outline_validate(items)
    outline = outline or Outline(province=by.province, created_by=by)
    outline.name = name.strip()[:200] or "Đề cương"
    outline.items = cleaned
    outline.ngo_annex = ngo_annex
    outline._history_user = by
    outline.save()
    return outline


# --- Figures in the text against the records ------------------------------------------------------


def report_figure_warnings(report: Report) -> dict[int, list]:
    """For each section, the figures its text states that its indicators do not explain."""
    from .figures import figures_in_text, section_figure_warnings, section_indicators

    values = {v.indicator: v.value for v in report.indicators.all()}
    warnings = {}
    for section in report.sections.all():
        codes = section_indicators(section.code, section.also)
        if not codes or not section.text.strip():
            continue
        known = {f.value for f in figures_in_text(section.generated_text)}
        found = section_figure_warnings(text=section.text, values={c: values.get(c) for c in codes}, known=known)
        if found:
            warnings[section.pk] = found
    return warnings


def section_figure_warnings_for(section: ReportSection) -> list:
    return report_figure_warnings(section.report).get(section.pk, [])


def report_records_changed(report: Report) -> bool:
    """Whether the records now give other figures than those the draft was composed from."""
    from doingoai.records.services import record_indicators

    window = (report.meta or {}).get("window")
    if not window or report.unit is None or not report_is_editable(report):
        return False
    live = record_indicators(
        unit=report.unit, window=(dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1]))
    )
    stored = {v.indicator: v.value for v in report.indicators.all() if v.source == IndicatorValue.Source.RECORDS}
    return any(live.get(code) != value for code, value in stored.items())
