"""Editing a draft: sections (autosave, optimistic locking), the words around the body, figures, restoring a version."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from doingoai.lib.catalogues import INDICATORS_BY_CODE, SECTIONS_BY_CODE
from doingoai.people.models import User
from doingoai.reports.models import IndicatorValue, Report, ReportEvent, ReportSection, ReportVersion
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import require_author, require_editable
from doingoai.reports.services.versions import report_autosnapshot, report_snapshot
from doingoai.reports.services.workflow import report_event, report_reopen

ERROR_CONFLICT = (
    "Mục này vừa được lưu ở nơi khác (một thẻ khác hoặc một người khác) nên bản của bạn chưa ghi đè lên. "
    "Hai bản được hiện bên dưới: hãy chọn giữ bản nào."
)


ERROR_STALE_REPORT = "Báo cáo vừa được sửa ở nơi khác: hãy tải lại trang để xem bản mới nhất trước khi lưu."
ERROR_CHOICE = "Lựa chọn không hợp lệ."
ERROR_NO_PROPOSAL = "Mục này không có bản soạn mới để chọn."
ERROR_INDICATOR = "Chỉ tiêu không có trong danh mục."


class SectionConflict(ReportError):
    """Two editors saved one section: nothing is overwritten; both texts go back to the page."""

    def __init__(self, section: "ReportSection", mine: str):
        super().__init__(ERROR_CONFLICT)
        self.section = section
        self.mine = mine


def report_touch(report: Report) -> None:
    """Every saved change moves the report's version on (optimistic locking of the whole report)."""
    Report.objects.filter(pk=report.pk).update(version=F("version") + 1, updated_at=timezone.now())
    report.refresh_from_db(fields=["version", "updated_at"])


def report_section_save(*, section: ReportSection, text: str, version: int, by: User) -> ReportSection:
    """Save one section's text if nobody saved it since ``version``; otherwise raise SectionConflict.

    Saving the same text twice (a retry after the connection dropped) is not a conflict.
    """
    text = text.replace("\r\n", "\n").rstrip()
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=section.report_id)
        require_author(report, by)
        require_editable(report)
        current = ReportSection.objects.select_for_update().get(pk=section.pk)
        if current.text == text:
            return current
        if current.version != version:
            raise SectionConflict(current, text)
        current.text = text
        current.version += 1
        current._history_user = by
        current.save()
        report_reopen(report, by)
        report_touch(report)
        report_autosnapshot(report=report, by=by)
    return current


def report_section_choose(*, section: ReportSection, choice: str, by: User) -> ReportSection:
    """After recomposing: take the new draft ("proposed") or keep the officer's text ("mine")."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=section.report_id)
        require_author(report, by)
        require_editable(report)
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
        report_reopen(report, by)
        report_touch(report)
        report_autosnapshot(report=report, by=by)
    return current


def report_meta_save(
    *, report: Report, by: User, version: int, summary: str, basis: str, closing: str, recipients: list[str]
) -> Report:
    """The words around the body: trích yếu, the "Thực hiện Công văn" sentence, the closing, Nơi nhận."""
    with transaction.atomic():
        current = Report.objects.select_for_update().get(pk=report.pk)
        require_author(current, by)
        require_editable(current)
        if current.version != version:
            raise ReportError(ERROR_STALE_REPORT)
        report_reopen(current, by)
        current.summary = summary.strip()[:400]
        current.basis = basis.strip()
        current.closing = closing.strip()
        current.recipients = [
            line.strip().lstrip("-").strip().rstrip(";.").strip()
            for line in recipients
            if line.strip().lstrip("-").strip()
        ]
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
        require_author(current, by)
        require_editable(current)
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
        report_reopen(current, by)
        report_touch(current)
    return item


@transaction.atomic
def report_version_restore(*, report: Report, version: ReportVersion, by: User) -> Report:
    """Put a saved version's text back; the text it replaces is kept as a version first."""
    current = Report.objects.select_for_update().get(pk=report.pk)
    require_author(current, by)
    require_editable(current)
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
    report_reopen(current, by)
    report_touch(current)
    report_snapshot(report=current, by=by, note=f"Khôi phục phiên bản {version.number}")
    report_event(current, ReportEvent.Action.RESTORED, by, f"Phiên bản {version.number}")
    return current
