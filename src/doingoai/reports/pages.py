"""What the report pages show, gathered in one place so that the views stay short (selectors)."""

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse

from doingoai.lib.catalogues import INDICATORS_BY_CODE
from doingoai.lib.nd30 import FixedParts, fixed_parts
from doingoai.lib.nd30 import outline as nd30_outline
from doingoai.lib.vn import format_date, format_number, format_vnd
from doingoai.people.models import User
from doingoai.records.indicators import records_behind_indicators, records_of_window
from doingoai.records.registry import RECORD_TYPES_BY_MODEL
from doingoai.reports.services import ReportError
from doingoai.reports.services.access import (
    OWN,
    is_leader,
    report_audience,
    report_can_edit,
    report_events_for,
    report_is_editable,
)
from doingoai.reports.services.figure_checks import report_figure_warnings, report_records_changed
from doingoai.reports.services.versions import Send, report_changes_seen, report_sends
from doingoai.reports.services.workflow import report_can, report_last_comment, signature_of

from .models import IndicatorValue, Report, ReportSection
from .rendering import report_render_contract


@dataclass
class SectionView:
    section: ReportSection
    label: str  # "1. Công tác đoàn ra, đoàn vào", numbered as the document will be
    warnings: list = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.section.text.splitlines() if line.strip()]

    @property
    def rows(self) -> int:
        return max(3, min(18, len(self.section.text) // 70 + self.section.text.count("\n") + 2))


@dataclass
class IndicatorView:
    value: IndicatorValue
    records: list  # the records behind it, while the report is a draft
    live: bool  # False once locked: the evidence kept at composing speaks then

    @property
    def links(self) -> list[tuple[str, str]]:
        """(what the record is, its page) for each record behind the figure."""
        links = []
        for record in self.records:
            record_type = RECORD_TYPES_BY_MODEL.get(type(record))
            url = reverse("records:edit", args=[record_type.code, record.pk]) if record_type else ""
            links.append((_record_label(record), url))
        return links

    @property
    def label(self) -> str:
        return INDICATORS_BY_CODE[self.value.indicator].label

    @property
    def shown(self) -> str:
        if self.value.value is None:
            return "Không nêu"
        indicator = INDICATORS_BY_CODE[self.value.indicator]
        return (
            format_vnd(self.value.value) if indicator.money else f"{format_number(self.value.value)} {indicator.unit}"
        )


def _record_label(record) -> str:
    day = getattr(record, record.period_field, None)
    return f"{format_date(day)} — {record}" if day else str(record)


def section_views(report: Report, warnings: dict[int, list] | None = None) -> list[SectionView]:
    sections = list(report.sections.all())
    headings = nd30_outline([{"heading": s.heading, "level": s.level} for s in sections])
    warnings = warnings or {}
    return [
        SectionView(s, heading.label if heading else s.heading, warnings.get(s.pk, []))
        for s, heading in zip(sections, headings, strict=False)
    ]


def document_of(report: Report) -> FixedParts:
    return fixed_parts(report_render_contract(report))


def indicator_views(report: Report, *, own: bool = True) -> list[IndicatorView]:
    """Each figure with what stands behind it: the unit's live records while it drafts; once locked,
    and always for the level above, the evidence kept with the figure that was sent."""
    values = list(report.indicators.all())
    sources: dict[str, list] = {}
    window = (report.meta or {}).get("window")
    live = own and (report_is_editable(report) or report.status == Report.Status.PENDING)
    if report.unit is not None and report.unit.is_province:
        live = False  # a province's figures are sums of its communes': their evidence says so, no records behind
    if live and window and report.unit is not None:
        start, end = (dt.date.fromisoformat(w) for w in window)
        sources = records_behind_indicators(records_of_window(unit=report.unit, window=(start, end)))
    return [IndicatorView(v, sources.get(v.indicator, []), live) for v in values]


@dataclass
class ReportPage:
    report: Report
    sections: list[SectionView]
    document: FixedParts
    indicators: list[IndicatorView]
    can_edit: bool
    can_submit: bool
    can_review: bool  # the leader, while the report waits for him
    can_send: bool
    can_judge: bool  # the province officer, while the report waits for the province
    records_changed: bool
    last_comment: object
    own: bool  # the report's own unit looks (services/access.py: report_audience); else the level above
    events: list = field(default_factory=list)  # the steps of its way this person sees
    changes: list = field(default_factory=list)
    changes_since: dt.datetime | None = None
    warnings_count: int = 0
    resent: Send | None = None  # for the level above: a report sent again after it judged an earlier send
    signature_preview: str = ""  # the block the leader's approval will print: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    send_label: str = "Gửi tỉnh"
    is_synthesis: bool = False  # the province's own report, drafted from its communes' reports


def signature_preview(report: Report, user: User) -> str:
    """The signature block ``user`` would sign this report with, as it will print (lib/nd30)."""
    try:
        authority, title = signature_of(user)
    except ReportError:
        return ""
    contract = report_render_contract(report)
    contract["meta"]["signer"] = {"name": user.full_name or user.username, "title": title, "authority": authority}
    return " / ".join(fixed_parts(contract).signature)


def report_page(*, report: Report, user: User) -> ReportPage:
    can_edit = report_can_edit(report, user)
    own = report_audience(report, user) == OWN
    # Figure warnings are the unit's drafting aid: never shown to the level above.
    drafting = report_is_editable(report) or report.status == Report.Status.PENDING
    warnings = report_figure_warnings(report) if own and drafting else {}
    leads = is_leader(report, user)
    province_report = report.unit is not None and report.unit.is_province
    changes, since = report_changes_seen(report=report, user=user) if leads else ([], None)
    events = list(report_events_for(report=report, user=user))
    sends = [] if own else report_sends(report=report)
    return ReportPage(
        report=report,
        sections=section_views(report, warnings),
        document=document_of(report),
        indicators=indicator_views(report, own=own),
        can_edit=can_edit,
        can_submit=can_edit,
        can_review=report_can(report, user, "approve"),
        can_send=report_can(report, user, "send"),
        can_judge=report_can(report, user, "accept"),
        records_changed=can_edit and report_records_changed(report),
        last_comment=report_last_comment(report=report, user=user) if report.status in Report.Status.EDITABLE else None,
        own=own,
        events=events,
        changes=changes,
        changes_since=since,
        warnings_count=sum(len(w) for w in warnings.values()),
        signature_preview=signature_preview(report, user) if report_can(report, user, "approve") else "",
        send_label="Gửi Bộ Ngoại giao" if province_report else "Gửi tỉnh",
        is_synthesis=province_report and report.origin == Report.Origin.COMPOSED,
        resent=sends[-1] if sends and sends[-1].before else None,
    )
