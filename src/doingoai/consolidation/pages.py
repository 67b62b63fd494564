"""What the consolidation pages show, gathered here so that the views stay short (selectors).

A page is about a ``Selection``: a province for a period, the whole country for a
period, or one request; and whether merely submitted reports count. The table
groups the catalogue's indicators by area of work; each total opens onto the
units behind it and each unit's figure onto the sentence it came from.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from doingoai.consolidation.charts import Bar, Pair, bars_svg, paired_bars_svg, value_text
from doingoai.consolidation.forms import ACCEPTED_ONLY
from doingoai.consolidation.services.totals import (
    MISSING,
    Change,
    Consolidation,
    Figure,
    Total,
    consolidate,
)
from doingoai.lib.catalogues import INDICATORS_BY_CODE, SECTIONS, Indicator, Section, indicators_of
from doingoai.lib.periods import Period, recent_periods
from doingoai.lib.text import fold
from doingoai.lib.vn import format_number
from doingoai.people.models import User
from doingoai.reports.models import IndicatorValue, Report, ReportRequest
from doingoai.units.models import Unit

COMMUNES_WORD, PROVINCES_WORD = "xã, phường", "tỉnh, thành phố"
NOBODY_SAID = "Chưa có số liệu"


# --- What is looked at ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """A province (or the country, ``province=None``) for a period, or a request; which reports count."""

    province: Unit | None
    period: Period
    request: ReportRequest | None = None
    accepted_only: bool = False

    @property
    def is_country(self) -> bool:
        return self.province is None and self.request is None

    @property
    def title(self) -> str:
        if self.request is not None:
            return f"Tổng hợp số liệu — Công văn số {self.request.number}"
        place = "cả nước" if self.is_country else self.province.official_name
        return f"Tổng hợp số liệu {self.period.phrase} — {place}"

    @property
    def unit_word(self) -> str:
        return PROVINCES_WORD if self.is_country else COMMUNES_WORD

    def consolidate(self) -> Consolidation:
        return consolidate(
            province=self.province, period=self.period, request=self.request, accepted_only=self.accepted_only
        )

    # URLs keep the period and the filter, so that a drill-down shows what the table showed.
    def _query(self) -> str:
        params = {} if self.request is not None else {"ky": self.period.code}
        if self.accepted_only:
            params["bao_cao"] = ACCEPTED_ONLY
        return f"?{urlencode(params)}" if params else ""

    def _url(self, suffix: str, *args) -> str:
        if self.request is not None:
            return reverse(f"consolidation:request{suffix}", args=[self.request.pk, *args])
        if self.is_country:
            return reverse(f"consolidation:country{suffix}", args=list(args))
        return reverse(f"consolidation:province{suffix}", args=[self.province.code, *args])

    @property
    def url(self) -> str:
        return self._url("") + self._query()

    def indicator_url(self, code: str) -> str:
        return self._url("-indicator", code) + self._query()

    @property
    def xlsx_url(self) -> str:
        return self._url("-xlsx") + self._query()

    @property
    def xlsx_filename(self) -> str:
        """ "tong-hop-quang-ngai-2026H1.xlsx", "tong-hop-ca-nuoc-2025.xlsx", "tong-hop-cv-645-sngv-hcth.xlsx"."""
        if self.request is not None:
            name = f"cv-{self.request.number}"
        else:
            name = f"{'ca-nuoc' if self.is_country else self.province.short_name}-{self.period.code}"
        slug = "-".join("".join(c if c.isalnum() else " " for c in fold(name)).split())
        return f"tong-hop-{slug}.xlsx"

    def for_province(self, province: Unit) -> "Selection":
        """From the country down to one province, same period and filter."""
        return Selection(province=province, period=self.period, accepted_only=self.accepted_only)


def default_period(*, province: Unit | None, today: dt.date) -> Period:
    """The period of the province's latest request (the country: of any province's), else the current half."""
    requests = ReportRequest.objects.filter(entered_by_unit__isnull=True)
    if province is not None:
        requests = requests.filter(province=province)
    latest = requests.order_by("-date", "-id").values_list("period", flat=True).first()
    return Period.parse(latest) if latest else Period.containing(today, "half")


def period_options(*, province: Unit | None, today: dt.date) -> list[Period]:
    """What the picker offers: the usual halves and years, and the periods the province has asked for."""
    requests = ReportRequest.objects.filter(entered_by_unit__isnull=True)
    if province is not None:
        requests = requests.filter(province=province)
    asked = {Period.parse(code) for code in requests.values_list("period", flat=True).distinct()[:20]}
    return sorted({*recent_periods(today, 8), *asked}, key=lambda p: (p.window[1], p.kind != "year"), reverse=True)


# --- The table by area of work ------------------------------------------------------------------


def total_shown(total: Total) -> str:
    """ "3 đoàn", "850.000.000 đồng", "0 đoàn"; "Chưa có số liệu" when nobody gave a number."""
    if total.total is None:
        return NOBODY_SAID
    indicator = total.indicator
    if indicator.money:
        return f"{format_number(total.total)} đồng"
    return f"{format_number(total.total)} {indicator.unit}"


def counts_phrase(total: Total, word: str) -> str:
    """ "12/96 xã, phường có số liệu, 3 báo cáo không phát sinh, 81 không nêu"."""
    expected = len(total.figures)
    return (
        f"{format_number(total.with_activity)}/{format_number(expected)} {word} có số liệu, "
        f"{format_number(total.zero)} báo cáo không phát sinh, {format_number(total.not_reported)} không nêu"
    )


def change_shown(change: Change, indicator: Indicator) -> str:
    """The change and what it compares with: "tăng 1 (+50%) — cùng kỳ: 2 đoàn"."""
    if change.before is None:
        return change.phrase
    before = f"{format_number(change.before)} {'đồng' if indicator.money else indicator.unit}"
    return f"{change.phrase} — cùng kỳ: {before}"


@dataclass
class TotalRow:
    total: Total
    url: str
    word: str

    @property
    def indicator(self) -> Indicator:
        return self.total.indicator

    @property
    def shown(self) -> str:
        return total_shown(self.total)

    @property
    def counts(self) -> str:
        return counts_phrase(self.total, self.word)

    @property
    def change(self) -> str:
        return change_shown(self.total.change, self.indicator)

    @property
    def estimated(self) -> bool:
        return any(f.estimate for f in self.total.figures.values())


@dataclass
class Area:
    section: Section
    rows: list[TotalRow]
    chart: SafeString  # this period against the same period of last year, one pair per indicator


@dataclass
class UnitProgress:
    """The country's page: how far each province has come."""

    province: Unit
    expected: int
    counted: int
    url: str


@dataclass
class ConsolidationPage:
    selection: Selection
    consolidation: Consolidation
    areas: list[Area]
    provinces: list[UnitProgress] = field(default_factory=list)

    @property
    def completeness(self):
        return self.consolidation.completeness

    @property
    def not_counted(self) -> int:
        return self.completeness.expected - self.completeness.submitted


def consolidation_page(*, selection: Selection, consolidation: Consolidation) -> ConsolidationPage:
    word = selection.unit_word
    by_code = consolidation.by_code
    last_label = selection.period.same_period_last_year().label
    areas = []
    for section in SECTIONS:
        indicators = indicators_of(section.code)
        if not indicators:
            continue
        totals = [by_code[i.code] for i in indicators]
        chart = paired_bars_svg(
            chart_id=f"chart-area-{section.code}",
            title=f"{section.label}: {selection.period.label} so với {last_label}",
            desc=(
                "Mỗi chỉ tiêu hai cột: kỳ này ở trên, cùng kỳ năm trước ở dưới; "
                "mỗi chỉ tiêu vẽ theo thang riêng vì đơn vị tính khác nhau."
            ),
            pairs=[Pair(t.indicator.label, t.total, t.previous, _compared(t.change)) for t in totals],
            now_label=selection.period.label,
            before_label=last_label,
            units=[t.indicator.unit for t in totals],
            moneys=[t.indicator.money for t in totals],
            own_scale=True,
        )
        rows = [TotalRow(t, selection.indicator_url(t.indicator.code), word) for t in totals]
        areas.append(Area(section, rows, mark_safe(chart)))  # noqa: S308  (built by ElementTree, escaped)
    page = ConsolidationPage(selection, consolidation, areas)
    if selection.is_country:
        page.provinces = _province_progress(selection, consolidation)
    return page


def _province_progress(selection: Selection, consolidation: Consolidation) -> list[UnitProgress]:
    expected = dict(
        Unit.objects.filter(is_active=True)
        .exclude(level=Unit.Level.PROVINCE)
        .values_list("province_id")
        .annotate(n=Count("id"))
        .values_list("province_id", "n")
    )
    missing: dict[int, int] = {}
    for commune in consolidation.completeness.missing:
        missing[commune.province_id] = missing.get(commune.province_id, 0) + 1
    return [
        UnitProgress(
            province=p,
            expected=expected.get(p.pk, 0),
            counted=expected.get(p.pk, 0) - missing.get(p.pk, 0),
            url=selection.for_province(p).url,
        )
        for p in consolidation.units
    ]


# --- One indicator: each unit's figure and what it stands on -----------------------------------


@dataclass
class Evidence:
    """One stored value behind a figure: the sentence (read) or the records (composed), and where to see it."""

    value: IndicatorValue
    report_url: str  # empty when the person may not open the report
    document_url: str  # a read report's document, the sentence highlighted; empty otherwise

    @property
    def report(self) -> Report:
        return self.value.report

    @property
    def shown(self) -> str:
        return value_text(self.value.value, unit=self.indicator.unit, money=self.indicator.money)

    @property
    def indicator(self) -> Indicator:
        return INDICATORS_BY_CODE[self.value.indicator]

    @property
    def what(self) -> str:
        """ "Báo cáo 6 tháng đầu năm 2026 (soạn trên doingoai, tỉnh đã nhận)"."""
        report = self.report
        return f"Báo cáo {report.period_label} ({report.get_origin_display().lower()}, {report.get_status_display().lower()})"

    @property
    def is_read(self) -> bool:
        return self.report.origin == Report.Origin.INGESTED


@dataclass
class UnitFigure:
    unit: Unit
    figure: Figure
    before: Figure | None  # the same period of last year; None when not compared
    indicator: Indicator
    evidence: list[Evidence]
    counted: list[int]  # the unit's reports that count, even when silent on this indicator
    report_urls: list[str]  # those of them the person may open
    url: str = ""  # the country: the province's own drill-down
    is_province: bool = False  # the country's row: a province, whose communes' reports count

    @property
    def state(self) -> str:
        return self.figure.state

    @property
    def shown(self) -> str:
        return value_text(self.figure.value, unit=self.indicator.unit, money=self.indicator.money)

    @property
    def before_shown(self) -> str:
        if self.before is None:
            return ""
        return value_text(self.before.value, unit=self.indicator.unit, money=self.indicator.money)

    @property
    def change_of(self) -> Change:
        return Change(self.figure.value, self.before.value if self.before else None)

    @property
    def change(self) -> str:
        return self.change_of.phrase

    @property
    def silence(self) -> str:
        """Why a figure is missing: the report does not say, or no report counts yet."""
        if self.state != MISSING:
            return ""
        if self.is_province:
            return "Báo cáo của các xã không nêu chỉ tiêu này." if self.counted else "Chưa có báo cáo nào được tính."
        return "Báo cáo không nêu chỉ tiêu này." if self.counted else "Chưa có báo cáo được tính."

    @property
    def anchor(self) -> str:
        return f"u-{self.unit.code}"


@dataclass
class IndicatorPage:
    selection: Selection
    consolidation: Consolidation
    total: TotalRow
    rows: list[UnitFigure]
    chart_units: SafeString
    chart_last_year: SafeString

    @property
    def indicator(self) -> Indicator:
        return self.total.indicator

    @property
    def stated(self) -> list[UnitFigure]:
        """Units that gave a number, 0 included: largest first, then the zeros."""
        return [r for r in self.rows if r.state != MISSING]

    @property
    def silent(self) -> list[UnitFigure]:
        return [r for r in self.rows if r.state == MISSING]

    @property
    def section(self) -> Section:
        return next(s for s in SECTIONS if s.code == self.indicator.section)


def indicator_page(*, selection: Selection, consolidation: Consolidation, indicator: Indicator, user: User):
    total = consolidation.by_code[indicator.code]
    before = total.before  # the same period of last year, unit by unit (consolidate compares by default)
    values, opened = _values_behind(consolidation, indicator, user)
    rows = []
    for unit in consolidation.units:
        figure = total.figures[unit.pk]
        counted = consolidation.reports.get(unit.pk, [])
        row = UnitFigure(
            unit=unit,
            figure=figure,
            before=before.get(unit.pk),
            indicator=indicator,
            evidence=[] if selection.is_country else [values[r] for r in figure.reports if r in values],
            counted=counted,
            report_urls=[_report_url(r) for r in counted if r in opened],
            is_province=selection.is_country,
        )
        if selection.is_country:
            row.url = selection.for_province(unit).indicator_url(indicator.code)
        rows.append(row)
    rows.sort(key=lambda r: (r.figure.value is None, -(r.figure.value or 0), r.unit.name))
    word, label = selection.unit_word, indicator.label
    now, last = selection.period.label, selection.period.same_period_last_year().label
    chart_units = bars_svg(
        chart_id=f"chart-{indicator.code}-units",
        title=f"{label} theo {word}, {now}",
        desc=f"{counts_phrase(total, word)}. Tổng: {total_shown(total)}.",
        bars=[Bar(r.unit.name, r.figure.value, "ước" if r.figure.estimate else "") for r in rows],
        unit=indicator.unit,
        money=indicator.money,
        missing_word=word,
    )
    compared = [r for r in rows if r.figure.value is not None or (r.before and r.before.value is not None)]
    chart_last_year = paired_bars_svg(
        chart_id=f"chart-{indicator.code}-last-year",
        title=f"{label}: {now} so với {last}, theo {word}",
        desc=f"Chỉ các {word} có số liệu ở một trong hai kỳ. Tổng: {total.change.phrase}.",
        pairs=[
            Pair(r.unit.name, r.figure.value, r.before.value if r.before else None, _compared(r.change_of))
            for r in compared
        ],
        now_label=now,
        before_label=last,
        unit=indicator.unit,
        money=indicator.money,
    )
    return IndicatorPage(
        selection,
        consolidation,
        TotalRow(total, selection.indicator_url(indicator.code), word),
        rows,
        mark_safe(chart_units),  # noqa: S308  (built by ElementTree, escaped)
        mark_safe(chart_last_year),  # noqa: S308
    )


def _compared(change: Change) -> str:
    """A chart notes the change only where there is one to note: its bars already show what is missing."""
    return change.phrase if change.comparable else ""


def _values_behind(consolidation: Consolidation, indicator: Indicator, user: User):
    """Every stored value of ``indicator`` behind the figures, in one query, with the links ``user`` may follow.

    The same rows ``reports_behind`` gives unit by unit; the country's page needs none (it opens provinces).
    """
    if consolidation.scope is None and consolidation.request is None:
        return {}, set()
    from doingoai.ingest.services.scope import documents_visible_to
    from doingoai.reports.services.access import reports_visible_to

    ids = [r for ids in consolidation.reports.values() for r in ids]
    # only what the drill-down shows: a province's page loads a value and a report per commune
    reports = {r.pk: r for r in Report.objects.filter(pk__in=ids).only("id", "period", "origin", "status", "unit_id")}
    opened = set(reports_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    read = [pk for pk, r in reports.items() if r.origin == Report.Origin.INGESTED]
    documents = dict(
        documents_visible_to(user).filter(report_id__in=read).order_by("id").values_list("report_id", "pk")
    )
    values = {}
    shown = ("id", "report_id", "indicator", "value", "evidence", "source")
    for value in (
        IndicatorValue.objects.filter(report_id__in=ids, indicator=indicator.code)
        .only(*shown)
        .order_by("report__period")
    ):
        value.report = reports[value.report_id]
        report_url = _report_url(value.report_id) if value.report_id in opened else ""
        document = documents.get(value.report_id)
        document_url = reverse("ingest:document", args=[document]) + f"#ev-{indicator.code}" if document else ""
        values[value.report_id] = Evidence(value, report_url, document_url)
    return values, opened


def _report_url(report_id: int) -> str:
    return reverse("reports:detail", args=[report_id]) + "#chi-tieu"
