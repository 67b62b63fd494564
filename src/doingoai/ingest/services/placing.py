"""Placing, correcting and confirming what was read: every change is a Correction (training data)."""

from django.db import transaction

from doingoai.ingest.models import Correction, Document
from doingoai.ingest.services import IngestError
from doingoai.ingest.services.reading import supersede
from doingoai.ingest.services.scope import scope_unit, unit_in_scope
from doingoai.lib.catalogues import INDICATORS_BY_CODE, SECTIONS_BY_CODE
from doingoai.lib.periods import Period
from doingoai.lib.text import squash
from doingoai.people.models import User
from doingoai.reports.models import IndicatorValue, Report
from doingoai.reports.services.workflow import report_transition
from doingoai.units.models import Unit

ERROR_NOT_READ = "Văn bản này chưa đọc được nên không sửa, không xác nhận được."
ERROR_ALREADY_CONFIRMED = "Báo cáo đã được xác nhận: số liệu đã được tính, không sửa được nữa."
ERROR_CONFIRM_UNPLACED = "Chưa xác nhận được: hãy chọn đơn vị và kỳ báo cáo trước."
ERROR_UNIT_OUT_OF_SCOPE = "Đơn vị này ngoài phạm vi của bạn: chỉ chọn được {scope}."
ERROR_PLACE_TAKEN = "{unit} đã có báo cáo {period} đọc từ tệp và đã xác nhận: không gán thêm bản khác được."
ERROR_SECTION_CODE = "Mã mục không có trong danh mục."
ERROR_SECTION_MISSING = "Không tìm thấy mục này trong báo cáo."
ERROR_INDICATOR = "Chỉ tiêu không có trong danh mục."


def _editable_report(document: Document) -> Report:
    report = document.report
    if report is None:
        raise IngestError(ERROR_NOT_READ)
    if report.status != Report.Status.READ:
        raise IngestError(ERROR_ALREADY_CONFIRMED)
    return report


def _correction(
    *, document: Document, report: Report, field_: str, target: str, old, new, evidence: str, by
) -> Correction:
    correction = Correction(
        owner_unit=document.owner_unit,
        document=document,
        report=report,
        field=field_,
        target=target[:500],
        old_value=old,
        new_value=new,
        evidence=evidence,
        source_name=document.original_name,
        by=by,
    )
    correction._history_user = by
    correction.save()
    return correction


def _unit_value(unit: Unit | None) -> dict | None:
    return {"code": unit.code, "level": unit.level, "name": unit.name} if unit else None


def _scope_label(scope: Unit | None) -> str:
    if scope is None:
        return "đơn vị của bạn"
    return f"{scope.official_name} và các xã, phường, đặc khu của tỉnh" if scope.is_province else scope.name


@transaction.atomic
def document_place(*, document: Document, unit: Unit, period: Period, by: User | None) -> Report:
    """Say whose report a document is, and for which period (an unassigned one, or a correction).

    An unconfirmed report read earlier for the same unit and period gives way;
    a confirmed one refuses.
    """
    report = _editable_report(document)
    for scope in (document.owner_unit, scope_unit(by) if by is not None else None):
        if not unit_in_scope(unit=unit, scope=scope):
            raise IngestError(ERROR_UNIT_OUT_OF_SCOPE.format(scope=_scope_label(scope)))
    other = (
        Report.objects.select_for_update()
        .filter(unit=unit, period=period.code, origin=Report.Origin.INGESTED)
        .exclude(pk=report.pk)
        .first()
    )
    if other is not None:
        if other.status != Report.Status.READ:
            raise IngestError(ERROR_PLACE_TAKEN.format(unit=unit.name, period=period.phrase))
        supersede(report=other, by=by)
        other._history_user = by
        other.delete()
    meta = (document.contract or {}).get("meta") or {}
    if report.unit_id != unit.pk:
        evidence = ", ".join(str(meta[k]) for k in ("unit_name", "province") if meta.get(k))
        _correction(
            document=document,
            report=report,
            field_=Correction.Field.UNIT,
            target="unit",
            old=_unit_value(report.unit),
            new=_unit_value(unit),
            evidence=evidence,
            by=by,
        )
    if report.period != period.code:
        _correction(
            document=document,
            report=report,
            field_=Correction.Field.PERIOD,
            target="period",
            old=report.period or None,
            new=period.code,
            evidence=meta.get("summary") or "",
            by=by,
        )
    report.unit = unit
    report.period = period.code
    report._history_user = by
    report.save()
    document.outcome = Document.Outcome.READ
    document.message = ""
    document._history_user = by
    document.save()
    return report


@transaction.atomic
def section_recode(*, document: Document, position: int, code: str, by: User | None) -> None:
    """Give a section the canonical code it should have had."""
    report = _editable_report(document)
    if code not in SECTIONS_BY_CODE:
        raise IngestError(ERROR_SECTION_CODE)
    section = report.sections.filter(position=position).first()
    if section is None:
        raise IngestError(ERROR_SECTION_MISSING)
    if section.code == code:
        return
    _correction(
        document=document,
        report=report,
        field_=Correction.Field.SECTION_CODE,
        target=section.heading,
        old=section.code,
        new=code,
        evidence=section.text[:1000],
        by=by,
    )
    section.code = code
    section._history_user = by
    section.save()


@transaction.atomic
def fact_correct(
    *, document: Document, indicator: str, value: int | None, by: User | None, evidence: str = ""
) -> IndicatorValue:
    """Set an indicator's value as the document states it: a number, 0, or None for "not stated".

    A fact the reader missed is added (source: correction). The reader's own
    value stays in ``corrected_from``, and every change is a Correction.
    """
    report = _editable_report(document)
    if indicator not in INDICATORS_BY_CODE:
        raise IngestError(ERROR_INDICATOR)
    evidence = squash(evidence)
    current = report.indicators.filter(indicator=indicator).first()
    if current is None:
        current = IndicatorValue(
            report=report,
            indicator=indicator,
            value=value,
            section=INDICATORS_BY_CODE[indicator].section,
            evidence=evidence,
            source=IndicatorValue.Source.CORRECTION,
            updated_by=by,
        )
        current._history_user = by
        current.save()
        _correction(
            document=document,
            report=report,
            field_=Correction.Field.FACT_ADDED,
            target=indicator,
            old=None,
            new=value,
            evidence=evidence,
            by=by,
        )
        return current
    if current.value == value and (not evidence or evidence == current.evidence):
        return current
    _correction(
        document=document,
        report=report,
        field_=Correction.Field.FACT_VALUE,
        target=indicator,
        old=current.value,
        new=value,
        evidence=evidence or current.evidence,
        by=by,
    )
    if current.source != IndicatorValue.Source.CORRECTION:
        current.corrected_from = current.value  # what the reader read, kept once
    current.value = value
    current.source = IndicatorValue.Source.CORRECTION
    if evidence:
        current.evidence = evidence
    current.updated_by = by
    current._history_user = by
    current.save()
    return current


@transaction.atomic
def document_confirm(*, document: Document, by: User | None) -> Report:
    """The officer has checked what was read: the report is CONFIRMED and its figures count from now on."""
    report = _editable_report(document)
    if report.unit_id is None or not report.period:
        raise IngestError(ERROR_CONFIRM_UNPLACED)
    document.report = report_transition(report=report, action="confirm", by=by)
    return document.report
