"""The report writes itself: each section drafted from the period's records.

``report_compose(unit=, period=, request=, by=)`` creates the commune's report
for a period, or recomposes it. Sections that have records behind them
(delegations, agreements, conferences, NGO aid, information, consular affairs,
overseas Vietnamese, training, commendations) are written from the records of
the data window: counts and lists, an explicit zero in the customary phrasing
when nothing happened, and the comparison with the same period of the previous
year where both are known. The prose parts (situation, direction, difficulties,
causes, plans, recommendations...) start from the unit's last report, or from
a neutral paragraph when there is none.

Recomposing never overwrites what the officer wrote: an untouched section
(``text == generated_text``) takes the new draft; an edited one keeps its
text and is offered the new draft in ``proposed_text`` (the page shows both).

The words themselves are in ``drafting.py``.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from doingoai.lib.catalogues import INDICATORS_BY_CODE, STOCK
from doingoai.lib.countries import country_name
from doingoai.lib.periods import Period
from doingoai.people.models import User
from doingoai.people.services import organisation_for_unit
from doingoai.records.indicators import indicator_values, records_behind_indicators, records_of_window
from doingoai.reports.services.versions import report_snapshot
from doingoai.reports.services.workflow import report_reopen
from doingoai.units.models import Unit

from .drafting import (
    _SECTORS,
    SOURCE_RECORDS,
    Context,
    Records,
    Window,
    count_text,
    section_draft,
    unit_in_sentence,
)
from .models import IndicatorValue, Report, ReportEvent, ReportRequest, ReportSection
from .outlines import heading_text, items_for_unit, outline_items

ERROR_NOT_COMMUNE = "Chỉ xã, phường, đặc khu mới soạn báo cáo từ ghi chép."
ERROR_COMPOSE_LOCKED = "Báo cáo đã được duyệt hoặc đã gửi: không soạn lại được nữa."
ERROR_COMPOSE_PENDING = "Báo cáo đang chờ lãnh đạo duyệt: không soạn lại lúc này."
ERROR_COMPOSE_RACE = "Báo cáo kỳ này vừa được soạn ở nơi khác: hãy mở lại danh sách báo cáo."


class ComposeError(ValueError):
    """The report cannot be composed now; the message is for the officer."""


@dataclass
class Composed:
    report: Report
    created: bool
    refreshed: list[str] = field(default_factory=list)  # headings whose draft was replaced
    offered: list[str] = field(default_factory=list)  # headings edited by the officer, with a new draft to choose


# --- Periods, windows and the year before --------------------------------------------------------


def _year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def compose_window(*, period: Period, request: ReportRequest | None) -> Window:
    """The data window: the request's own when it states one, else Nghị định 09/2019's."""
    if request is not None and request.window_start and request.window_end:
        return request.window_start, request.window_end
    return period.window


def previous_values(*, unit: Unit, period: Period, window: Window) -> dict[str, int] | None:
    """The same period of last year: what a report of that period stated, else what the records of its window give.

    None when neither exists: no comparison is better than a comparison with silence.
    """
    last = period.same_period_last_year()
    stated = {}
    reports = sorted(
        Report.objects.filter(unit=unit, period=last.code).prefetch_related("indicators"),
        key=lambda r: (r.status in Report.Status.FINAL, r.updated_at),
    )
    if reports:
        stated = {v.indicator: v.value for v in reports[-1].indicators.all() if v.value is not None}
    earlier = (_year_earlier(window[0]), _year_earlier(window[1]))
    records = records_of_window(unit=unit, window=earlier)
    if records.any:
        return {**indicator_values(records), **stated}
    return stated or None


def previous_report(*, unit: Unit, period: Period, exclude: int | None = None) -> Report | None:
    """The unit's latest report before this period, approved ones first: the prose to start from."""
    end = period.window[1]
    candidates = []
    for report in Report.objects.filter(unit=unit).exclude(period="").exclude(pk=exclude).exclude(period=period.code):
        other = report.period_obj
        if other and other.window[1] <= end:
            candidates.append(report)
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.period_obj.window[1], r.status in Report.Status.FINAL, r.updated_at))


def receiver_name(*, unit: Unit, request: ReportRequest | None) -> str:
    """Who the report goes to: the request's issuer, else the province's receiving body."""
    if request is not None and request.issuer:
        return request.issuer
    return organisation_for_unit(unit=unit.province_unit).name


# --- Meta: the words around the body ----------------------------------------------------------


def _has_plans(items: list[dict]) -> bool:
    return any(item["code"] == "plans" for item in items)


def report_defaults(*, unit: Unit, period: Period, request: ReportRequest | None, items: list[dict]) -> dict:
    """Trích yếu, basis, closing, place and recipients of a new report."""
    body = f"Ủy ban nhân dân {unit_in_sentence(unit)}"
    subject = f"kết quả công tác đối ngoại {period.phrase}"
    if _has_plans(items):
        subject += f" và phương hướng, nhiệm vụ {period.next().phrase}"
    receiver = receiver_name(unit=unit, request=request)
    if request is not None:
        basis = f"{request.basis_sentence}, {body} báo cáo {subject} như sau:"
    else:
        basis = f"Thực hiện chế độ thông tin, báo cáo định kỳ về công tác đối ngoại, {body} báo cáo {subject} như sau:"
    closing = f"Trên đây là báo cáo {subject} của {body}. UBND {unit.level_word} kính báo cáo {receiver} theo dõi, tổng hợp./."
    recipients = [receiver]
    province_body = organisation_for_unit(unit=unit.province_unit).name
    if province_body != receiver:
        recipients.append(province_body)
    recipients += [f"CT, các PCT UBND {unit.level_word}", "Lưu: VT"]
    symbol = organisation_for_unit(unit=unit).symbol or "UBND"
    return {
        "summary": subject[0].upper() + subject[1:],
        "basis": basis,
        "closing": closing,
        "recipients": recipients,
        "issued_place": unit.name if unit.short_name.isdigit() else unit.short_name,
        "doc_symbol": f"BC-{symbol}".upper(),
    }


def annex_rows(records: Records) -> list[dict]:
    """The NGO-aid annex (lib/nd30/annex.py keys), frozen with the report like its text."""
    rows = []
    for p in records.ngo_running:
        received = p in records.ngo_received
        rows.append(
            {
                "donor": p.donor,
                "country": country_name(p.donor_country),
                "project": p.name,
                "sector": _SECTORS.get(p.sector, p.sector),
                "approval": p.approval_decision,
                "start": p.start_date.isoformat(),
                "end": p.end_date.isoformat() if p.end_date else None,
                "committed": p.total_value_vnd,
                "cash_vnd": p.cash_value_vnd if received else None,
                "in_kind": p.in_kind_items if received else "",
                "in_kind_vnd": p.in_kind_value_vnd if received else None,
                "beneficiaries": p.beneficiaries,
                "note": "" if received else "Tiếp nhận trước kỳ báo cáo, đang triển khai",
            }
        )
    return rows


def delegation_rows(records: Records) -> list[dict]:
    """The foreign delegations out and in, frozen with the report: the province lists them in its sums."""
    behind = records_behind_indicators(records)
    rows = []
    for direction, code in (("out", "delegations_out"), ("in", "delegations_in_foreign")):
        for d in behind[code]:
            rows.append(
                {
                    "direction": direction,
                    "partner": d.partner,
                    "country": country_name(d.country) if d.country else "",
                    "start": d.start_date.isoformat(),
                    "end": d.end_date.isoformat() if d.end_date else None,
                    "members": d.members_count,
                    "purpose": d.purpose,
                }
            )
    return rows


def evidence_of_records(records: list) -> str:
    if not records:
        return "Không có ghi chép trong kỳ."
    shown = "; ".join(str(r) for r in records[:10])
    more = f"; và {len(records) - 10} ghi chép khác" if len(records) > 10 else ""
    return f"{count_text(len(records), 'ghi chép')}: {shown}{more}"


def _indicators_from_records(
    *, report: Report, values: dict[str, int], sources: dict[str, list], window: Window, by
) -> None:
    """Indicator values from the records, explicit zeros kept; an officer's correction stays."""
    existing = {v.indicator: v for v in report.indicators.all()}
    fresh = []
    for code, value in values.items():
        indicator = INDICATORS_BY_CODE[code]
        as_of = None
        if indicator.kind == STOCK:
            rows = sources.get(code) or []
            as_of = rows[0].as_of_date if code == "foreigners_resident" and rows else window[1]
        wanted = (
            value,
            indicator.section,
            IndicatorValue.Source.RECORDS,
            evidence_of_records(sources.get(code) or []),
            as_of,
        )
        current = existing.get(code)
        if current is None:
            fresh.append(
                IndicatorValue(report=report, indicator=code, updated_by=by, **dict(zip(_FIELDS, wanted, strict=False)))
            )
        elif (
            current.source != IndicatorValue.Source.CORRECTION and tuple(getattr(current, f) for f in _FIELDS) != wanted
        ):
            for name, new in zip(_FIELDS, wanted, strict=False):
                setattr(current, name, new)
            current.updated_by = by
            current._history_user = by
            current.save()
    if fresh:
        bulk_create_with_history(fresh, IndicatorValue, default_user=by)


_FIELDS = ("value", "section", "source", "evidence", "as_of")


# --- The service --------------------------------------------------------------------------------


def compose_context(
    *, unit: Unit, period: Period, request: ReportRequest | None, exclude: int | None = None
) -> Context:
    window = compose_window(period=period, request=request)
    records = records_of_window(unit=unit, window=window)
    return Context(
        unit=unit,
        period=period,
        window=window,
        records=records,
        behind=records_behind_indicators(records),
        values=indicator_values(records),
        previous=previous_values(unit=unit, period=period, window=window),
        receiver=receiver_name(unit=unit, request=request),
        previous_report=previous_report(unit=unit, period=period, exclude=exclude),
    )


@transaction.atomic
def report_compose(
    *, unit: Unit, period: Period | str, request: ReportRequest | None = None, by: User | None = None
) -> Composed:
    """Compose the unit's report for ``period`` from its records, or recompose it.

    A new report gets its sections from the request's outline (else the
    default), each drafted from the records of the request's window (else the
    period's), and its indicator values from the same records. On an existing
    report, untouched sections take the new draft and edited ones are offered
    it (``proposed_text``); the officer chooses on the page.
    """
    if unit.is_province:
        raise ComposeError(ERROR_NOT_COMMUNE)
    period = Period.parse(period)
    report = (
        Report.objects.select_for_update().filter(unit=unit, period=period.code, origin=Report.Origin.COMPOSED).first()
    )
    if report is not None:
        if report.is_locked:
            raise ComposeError(ERROR_COMPOSE_LOCKED)
        if report.status == Report.Status.PENDING:
            raise ComposeError(ERROR_COMPOSE_PENDING)
        request = request or report.request
    outline = request.outline if request is not None else (report.outline if report else None)
    items = items_for_unit(outline_items(outline), unit=unit)
    ctx = compose_context(unit=unit, period=period, request=request, exclude=report.pk if report else None)

    if report is None:
        try:
            with transaction.atomic():  # a savepoint: another tab composing at the same moment
                created = _create(
                    unit=unit, period=period, request=request, outline=outline, items=items, ctx=ctx, by=by
                )
        except IntegrityError:
            raise ComposeError(ERROR_COMPOSE_RACE) from None
        composed = Composed(created, True)
    else:
        composed = _recompose(report=report, request=request, ctx=ctx, by=by)
    report = composed.report
    _indicators_from_records(report=report, values=ctx.values, sources=ctx.behind, window=ctx.window, by=by)
    meta = dict(report.meta or {})
    meta.pop("annex", None)
    if outline is not None and outline.ngo_annex:
        meta["annex"] = {"rows": annex_rows(ctx.records)}
    # What the province lists in its sums (donors and projects, delegations), frozen like the text.
    meta["named"] = {"ngo_projects": annex_rows(ctx.records), "delegations": delegation_rows(ctx.records)}
    meta["window"] = [ctx.window[0].isoformat(), ctx.window[1].isoformat()]
    meta["composed_at"] = timezone.now().isoformat(timespec="seconds")
    Report.objects.filter(pk=report.pk).update(meta=meta, version=report.version + 1, updated_at=timezone.now())
    report.meta, report.version = meta, report.version + 1

    report_snapshot(report=report, by=by, note="Soạn từ ghi chép" if composed.created else "Soạn lại từ ghi chép")
    comment = (
        ""
        if composed.created
        else f"Cập nhật {len(composed.refreshed)} mục; {len(composed.offered)} mục đã sửa có bản soạn mới để chọn."
    )
    event = ReportEvent(report=report, action=ReportEvent.Action.COMPOSED, by=by, comment=comment)
    event._history_user = by
    event.save()
    return composed


def _create(*, unit, period, request, outline, items, ctx, by) -> Report:
    defaults = report_defaults(unit=unit, period=period, request=request, items=items)
    report = Report(
        unit=unit,
        period=period.code,
        origin=Report.Origin.COMPOSED,
        status=Report.Status.DRAFT,
        request=request,
        outline=outline,
        created_by=by,
        **defaults,
    )
    report._history_user = by
    report.save()
    sections = []
    for position, item in enumerate(items, start=1):
        text, source = ("", "") if item.get("group") else section_draft(ctx, item["code"])
        sections.append(
            ReportSection(
                report=report,
                position=position,
                code=item["code"],
                heading=heading_text(item["heading"], period)[:500],
                level=item["level"],
                is_group=bool(item.get("group")),
                text=text,
                generated_text=text,
                draft_source=source,
            )
        )
    bulk_create_with_history(sections, ReportSection, default_user=by)
    return report


def _recompose(*, report: Report, request, ctx: Context, by) -> Composed:
    composed = Composed(report, False)
    if request is not None and report.request_id is None:
        report.request = request
        report.basis = report_defaults(
            unit=report.unit,
            period=ctx.period,
            request=request,
            items=[{"code": s.code} for s in report.sections.all()],
        )["basis"]
        report._history_user = by
        report.save(update_fields=["request", "basis", "updated_at"])
    report_reopen(report, by)
    for section in report.sections.all():
        if section.is_group:
            continue
        draft, source = section_draft(ctx, section.code)
        if source != SOURCE_RECORDS and section.generated_text:
            continue  # prose was a starting point once; it is the officer's now
        if draft == section.generated_text and not section.proposed_text:
            continue
        if not section.edited:
            section.text = section.generated_text = draft
            section.proposed_text = ""
            section.draft_source = source
            section.version += 1
            composed.refreshed.append(section.heading)
        elif draft != section.generated_text and draft != section.text:
            section.proposed_text = draft
            composed.offered.append(section.heading)
        else:
            section.generated_text = draft
            section.proposed_text = ""
        section._history_user = by
        section.save()
    return composed
