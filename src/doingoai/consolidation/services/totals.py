"""The sums: every catalogue indicator over a province's communes (or the country's provinces) for a period.

Each unit's figure comes from its report of the period that counts: a composed
report the province has received (submitted or accepted, or accepted only), or
a report read from a document and confirmed. A unit with no such report for the
period itself may still count through shorter reports that cover its window
exactly (the two halves of a year): flows add up over them; a stock is taken
from the last one, at the window's cut-off. Nothing is precomputed: every total
is summed from the stored indicator values when it is asked for.

Every figure keeps one of three states: a number, an explicit zero, or not
reported. Silence is never summed as zero: a total of nothing reported is None.

>>> Change(now=12, before=8).phrase, Change(now=3, before=None).phrase
('tăng 4 (+50%)', 'không so sánh được')
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.utils import timezone

from doingoai.lib.catalogues import INDICATORS, STOCK, Indicator
from doingoai.lib.periods import Period
from doingoai.lib.vn import format_number
from doingoai.reports.models import IndicatorValue, Report, ReportRequest
from doingoai.units.models import Unit
from doingoai.units.services import merged_into

NUMBER, ZERO, MISSING = "number", "zero", "missing"
STATE_LABELS = {NUMBER: "Có số liệu", ZERO: "Báo cáo không phát sinh (0)", MISSING: "Không nêu"}


class Figure(NamedTuple):
    """One unit's value of one indicator, and the reports it stands on (a named tuple: a page makes
    thousands, and a frozen dataclass costs several times more to build)."""

    value: int | None  # None: not reported
    reports: tuple[int, ...] = ()  # the report ids behind it (several when shorter periods add up)
    estimate: bool = False  # "ước đến hết kỳ"

    @property
    def state(self) -> str:
        if self.value is None:
            return MISSING
        return ZERO if self.value == 0 else NUMBER


NOT_REPORTED = Figure(None)


@dataclass(frozen=True)
class Change:
    """This period against the same period of last year."""

    now: int | None
    before: int | None

    @property
    def comparable(self) -> bool:
        return self.now is not None and self.before is not None

    @property
    def delta(self) -> int | None:
        return self.now - self.before if self.comparable else None

    @property
    def percent(self) -> float | None:
        return round(100 * self.delta / self.before, 1) if self.comparable and self.before else None

    @property
    def phrase(self) -> str:
        if not self.comparable:
            return "không so sánh được"
        if self.delta == 0:
            return "không đổi"
        word = "tăng" if self.delta > 0 else "giảm"
        amount = f"{word} {format_number(abs(self.delta))}"
        if self.percent is None:
            return amount
        shown = format_number(abs(self.percent), 0 if float(self.percent).is_integer() else 1)
        return f"{amount} ({'+' if self.delta > 0 else '-'}{shown}%)"


@dataclass
class Total:
    indicator: Indicator
    figures: dict[int, Figure]  # by unit id, one for every unit expected
    previous: int | None = None  # the same period of last year, over the same units
    before: dict[int, Figure] = field(default_factory=dict)  # each unit's figure then (when compared)

    @property
    def reported(self) -> int:
        """Units that gave a number, 0 included."""
        return sum(1 for f in self.figures.values() if f.value is not None)

    @property
    def zero(self) -> int:
        return sum(1 for f in self.figures.values() if f.value == 0)

    @property
    def not_reported(self) -> int:
        return len(self.figures) - self.reported

    @property
    def total(self) -> int | None:
        values = [f.value for f in self.figures.values() if f.value is not None]
        return sum(values) if values else None

    @property
    def change(self) -> Change:
        return Change(self.total, self.previous)

    @property
    def with_activity(self) -> int:
        """Units that reported more than zero ("12/96 xã, phường có hoạt động ...")."""
        return sum(1 for f in self.figures.values() if f.value)


@dataclass
class Completeness:
    expected: int
    submitted: int  # units whose figures count (received, or read and confirmed)
    accepted: int  # of those, reports the level above has accepted
    late: int  # not counted yet, and the deadline has passed
    missing: list[Unit] = field(default_factory=list)  # the units not counted yet


@dataclass
class Consolidation:
    scope: Unit | None  # the province; None for the whole country
    period: Period
    request: ReportRequest | None
    accepted_only: bool
    units: list[Unit]  # expected: the province's communes, or the country's provinces
    totals: list[Total]
    completeness: Completeness
    reports: dict[int, list[int]]  # by unit id: the report ids that count for it
    deadline: dt.date | None = None

    @property
    def by_code(self) -> dict[str, Total]:
        return {t.indicator.code: t for t in self.totals}

    def to_json(self) -> dict:
        """The shape the CLI and the API print (see README, "Tổng hợp")."""
        code_of = {u.pk: u.code for u in self.units}
        scope = {"code": self.scope.code, "name": self.scope.name} if self.scope else {"code": None, "name": "Việt Nam"}
        return {
            ("province" if self.scope else "country"): scope,
            "period": self.period.code,
            "period_label": self.period.label,
            "request": self.request.number if self.request else None,
            "accepted_only": self.accepted_only,
            "completeness": {
                ("communes" if self.scope else "provinces"): self.completeness.expected,
                "submitted": self.completeness.submitted,
                "accepted": self.completeness.accepted,
                "late": self.completeness.late,
                "missing": [u.code for u in self.completeness.missing],
            },
            "indicators": {
                t.indicator.code: {
                    "label": t.indicator.label,
                    "unit": t.indicator.unit,
                    "kind": t.indicator.kind,
                    "total": t.total,
                    "reported": t.reported,
                    "zero": t.zero,
                    "not_reported": t.not_reported,
                    "previous": t.previous,
                    "change": t.change.phrase,
                    "by_unit": {
                        str(code_of[unit_id]): f.value for unit_id, f in t.figures.items() if f.value is not None
                    },
                }
                for t in self.totals
            },
        }


def counted_statuses(*, accepted_only: bool) -> tuple[str, ...]:
    """Reports whose figures count: received by the level above (or accepted only), or read and confirmed."""
    if accepted_only:
        return (Report.Status.ACCEPTED, Report.Status.CONFIRMED)
    return Report.Status.COUNTED


def consolidate(
    *,
    province: Unit | None,
    period: Period | str,
    request: ReportRequest | None = None,
    accepted_only: bool = False,
    compare: bool = True,
    today: dt.date | None = None,
) -> Consolidation:
    """Every catalogue indicator summed over the province's communes (``province=None``: over the country,
    a figure per province) for ``period``, or for a request (its communes, its period and its deadline)."""
    period = Period.parse(request.period if request is not None else period)
    today = today or timezone.localdate()
    communes = _expected_communes(province=province, request=request)
    scope = _Scope(province=province, communes=communes, accepted_only=accepted_only)
    periods = [period, *([period.same_period_last_year()] if compare else [])]
    reports = _counted_reports(scope, periods)
    chosen = _one_report_per_unit_and_period(reports)

    now_values, counted = _figures(scope, reports, chosen, period)
    before_values = _figures(scope, reports, chosen, periods[1])[0] if compare else {}

    units = list(Unit.objects.filter(level=Unit.Level.PROVINCE).order_by("name")) if province is None else communes
    by_unit = _group(counted, scope.shown_as)  # the reports behind each shown unit: a commune, or a province

    totals = []
    for indicator in INDICATORS:
        figures = {u.pk: now_values.get(u.pk, {}).get(indicator.code, NOT_REPORTED) for u in units}
        previous, before = None, {}
        if compare:
            before = {u.pk: before_values.get(u.pk, {}).get(indicator.code, NOT_REPORTED) for u in units}
            stated = [figure.value for figure in before.values() if figure.value is not None]
            previous = sum(stated) if stated else None
        totals.append(Total(indicator, figures, previous, before))

    deadline = request.deadline if request is not None else _deadline_of(province=province, period=period)
    status_of = {report.id: report.status for report in reports}
    completeness = _completeness(
        communes=communes, counted=counted, status_of=status_of, deadline=deadline, today=today
    )
    return Consolidation(province, period, request, accepted_only, units, totals, completeness, by_unit, deadline)


def _expected_communes(*, province: Unit | None, request: ReportRequest | None) -> list[Unit]:
    """The communes a consolidation expects: those the request went to, else every commune of today."""
    if request is not None:
        communes = request.communes.filter(is_active=True)
    else:
        communes = Unit.objects.filter(is_active=True).exclude(level=Unit.Level.PROVINCE)
        if province is not None:
            communes = communes.filter(province=province)
    return list(communes.only("id", "code", "name", "short_name", "level", "province_id").order_by("name"))


class _Scope:
    """Whose reports count and for whom: the expected communes, and the unit each commune's reports count for
    (a commune merged away counts for the unit it became)."""

    def __init__(self, *, province, communes, accepted_only):
        self.province = province
        self.counts_for = {c.pk: c.pk for c in communes} | merged_into(communes)
        self.statuses = counted_statuses(accepted_only=accepted_only)
        # the unit a figure is shown for: the commune, or for the country its province
        self.shown_as = {c.pk: (c.province_id if province is None else c.pk) for c in communes}

    def reports(self):
        """The counted reports of the communes in scope (and of those merged into them), as a queryset filter."""
        reports = Report.objects.filter(status__in=self.statuses)
        if self.province is not None:
            return reports.filter(unit_id__in=list(self.counts_for))
        return reports.filter(unit__province__isnull=False)


@dataclass(frozen=True)
class _Counted:
    id: int
    unit_id: int  # the unit the report counts for (its successor, for a commune merged away)
    own_unit_id: int
    period: str
    origin: str
    status: str


def _counted_reports(scope: _Scope, periods: list[Period]) -> list[_Counted]:
    """The reports that count, of the periods and of the shorter periods that tile them: one small query."""
    wanted = {p.code for period in periods for p in (period, *(q for tiling in period.tilings() for q in tiling))}
    rows = scope.reports().filter(period__in=wanted).values_list("id", "unit_id", "period", "origin", "status")
    return [
        _Counted(report_id, scope.counts_for[unit_id], unit_id, period, origin, status)
        for report_id, unit_id, period, origin, status in rows
        if unit_id in scope.counts_for
    ]


def _figures(scope: _Scope, reports: list[_Counted], chosen: dict[tuple[int, str], int], period: Period):
    """Each shown unit's figures for ``period`` ({unit: {code: Figure}}), and the reports counted per commune.

    A commune's period is covered by its own report or by the shorter reports that
    tile it: the database sums those, commune by commune then per shown unit, in
    one query per shape (one report, two halves, four quarters). Only a commune
    merged into another is combined here, from its few stored values.
    """
    counted: dict[int, list[int]] = {}
    counts_for = scope.counts_for  # a commune → the unit its reports count for (itself, or its successor)
    per_own_unit: dict[int, list[int]] = {}
    code, tilings = period.code, [tuple(part.code for part in tiling) for tiling in period.tilings()]
    for own_unit in {r.own_unit_id for r in reports}:
        parts = _covering(chosen, own_unit, code, tilings)
        if parts:
            per_own_unit[own_unit] = parts
            counted.setdefault(counts_for[own_unit], []).extend(parts)
    reports_of = {unit: tuple(ids) for unit, ids in _group(counted, scope.shown_as).items()}
    values: dict[int, dict[str, Figure]] = {}

    def add(shown: int, code: str, total: int, estimate: bool) -> None:
        existing = values.setdefault(shown, {}).get(code)
        if existing is None:
            values[shown][code] = Figure(total, reports_of.get(shown, ()), estimate)
        else:
            values[shown][code] = Figure(existing.value + total, existing.reports, existing.estimate or estimate)

    shapes: dict[int, list[list[int]]] = {}
    merged: dict[int, list[int]] = {}
    for own, parts in per_own_unit.items():
        if counts_for[own] == own:
            shapes.setdefault(len(parts), []).append(parts)
        else:
            merged[own] = parts
    by_province = scope.province is None
    for size, members in shapes.items():
        for start in range(0, len(members), _COMMUNES_PER_QUERY):
            chunk = members[start : start + _COMMUNES_PER_QUERY]
            if size == 1:
                sums = _sums_in_database([parts[0] for parts in chunk], codes=None, parts=1, by_province=by_province)
            else:  # flows add up over the parts (each must state it), a stock is the last part's
                flows = _sums_in_database(
                    [i for p in chunk for i in p], codes=FLOWS, parts=size, by_province=by_province
                )
                stocks = _sums_in_database([p[-1] for p in chunk], codes=STOCKS, parts=1, by_province=by_province)
                sums = [*flows, *stocks]
            for shown, code, total, estimate in sums:
                add(shown, code, int(total), bool(estimate))

    rows: dict[int, dict[str, tuple]] = {}
    wanted = [i for parts in merged.values() for i in parts]
    for report_id, code, value, estimate in IndicatorValue.objects.filter(report_id__in=wanted).values_list(
        "report_id", "indicator", "value", "estimate"
    ):
        rows.setdefault(report_id, {})[code] = (value, estimate)
    for own, parts in merged.items():
        shown = scope.shown_as[counts_for[own]]
        for code, figure in _combine([rows.get(i, {}) for i in parts], parts).items():
            add(shown, code, figure.value, figure.estimate)
    return values, counted


FLOWS = tuple(i.code for i in INDICATORS if i.kind != STOCK)
STOCKS = tuple(i.code for i in INDICATORS if i.kind == STOCK)
_COMMUNES_PER_QUERY = 4000  # four parts each: 16,000 parameters, under SQLite's 32,766


def _sums_in_database(report_ids: list[int], *, codes, parts: int, by_province: bool) -> list[tuple]:
    """(commune or province, indicator, sum, any estimate) over ``report_ids``: per commune, an indicator
    counts only where each of its ``parts`` reports states it; then, for the country, per province."""
    if not report_ids:
        return []
    value_table, report_table = IndicatorValue._meta.db_table, Report._meta.db_table
    unit_table = Unit._meta.db_table
    marks = ", ".join(["%s"] * len(report_ids))
    where, params = f"r.id IN ({marks})", list(report_ids)
    if codes is not None:
        where += f" AND v.indicator IN ({', '.join(['%s'] * len(codes))})"
        params += list(codes)
    shown = "u.province_id" if by_province else "r.unit_id"
    joins = f"FROM {report_table} r JOIN {value_table} v ON v.report_id = r.id " + (
        f"JOIN {unit_table} u ON u.id = r.unit_id " if by_province else ""
    )
    estimate = "MAX(CASE WHEN v.estimate AND v.value IS NOT NULL THEN 1 ELSE 0 END)"
    if parts == 1:  # one report per commune: a stated row is a stated figure
        sql = (
            f"SELECT {shown}, v.indicator, SUM(v.value), {estimate} {joins} WHERE {where} "
            f"GROUP BY {shown}, v.indicator HAVING COUNT(v.value) > 0"
        )
    else:
        sql = (
            f"SELECT {shown} AS shown, v.indicator AS code, SUM(v.value) AS total, {estimate} AS estimate "
            f"{joins} WHERE {where} GROUP BY {shown}, v.indicator, r.unit_id HAVING COUNT(v.value) = %s"
        )
        params.append(parts)
        if by_province:
            sql = f"SELECT shown, code, SUM(total), MAX(estimate) FROM ({sql}) t GROUP BY shown, code"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _one_report_per_unit_and_period(reports: list[_Counted]) -> dict[tuple[int, str], int]:
    """(commune, period) → the report that counts: the composed one before one read from a document."""
    chosen: dict[tuple[int, str], tuple[bool, int]] = {}
    composed = str(Report.Origin.COMPOSED)  # a plain str: an enum member's lookup costs per report
    for report in reports:
        key = (report.own_unit_id, report.period)
        rank = (report.origin == composed, report.id)
        if key not in chosen or rank > chosen[key]:
            chosen[key] = rank
    return {key: report_id for key, (_, report_id) in chosen.items()}


def _covering(chosen: dict[tuple[int, str], int], unit_id: int, code: str, tilings: list[tuple[str, ...]]) -> list[int]:
    """The reports that cover the period ``code`` for a commune: its own, else those of a tiling."""
    if (unit_id, code) in chosen:
        return [chosen[(unit_id, code)]]
    for tiling in tilings:
        if all((unit_id, part) in chosen for part in tiling):
            return [chosen[(unit_id, part)] for part in tiling]
    return []


def _combine(parts: list[dict[str, tuple]], report_ids: list[int]) -> dict[str, Figure]:
    """One commune's figures from its reports in time order ({code: (value, estimate)} each): flows add up
    (all must state it), a stock is the last."""
    figures = {}
    for indicator in INDICATORS:
        stated = [part.get(indicator.code) for part in parts]
        if indicator.kind == STOCK:
            stated = stated[-1:]
        if any(item is None or item[0] is None for item in stated):
            continue  # one part silent: the whole is not reported
        figures[indicator.code] = Figure(
            value=sum(value for value, _ in stated),
            reports=tuple(report_ids),
            estimate=any(estimate for _, estimate in stated),
        )
    return figures


def _group(reports: dict[int, list[int]], into: dict[int, int]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = {}
    for unit_id, ids in reports.items():
        grouped.setdefault(into[unit_id], []).extend(ids)
    return grouped


def _deadline_of(*, province: Unit | None, period: Period) -> dt.date | None:
    """Without a request named: the province's latest request for the period gives the deadline."""
    if province is None:
        return None
    return (
        ReportRequest.objects.filter(province=province, period=period.code, entered_by_unit__isnull=True)
        .order_by("-date", "-id")
        .values_list("deadline", flat=True)
        .first()
    )


def _completeness(*, communes, counted, status_of, deadline, today) -> Completeness:
    accepted = sum(1 for ids in counted.values() if all(status_of.get(i) == Report.Status.ACCEPTED for i in ids))
    missing = [c for c in communes if c.pk not in counted]
    late = len(missing) if deadline is not None and today > deadline else 0
    return Completeness(len(communes), len(counted), accepted, late, missing)


# --- Scope and lookups ------------------------------------------------------------------------------

ERROR_UNKNOWN_PROVINCE = "Không tìm thấy tỉnh, thành phố «{value}»: hãy gõ tên (ví dụ Quảng Ngãi) hoặc mã (ví dụ 51)."
ERROR_UNKNOWN_REQUEST = "Tỉnh {province} không có văn bản đề nghị báo cáo số «{number}»."
ERROR_NOT_ALLOWED = "Tài khoản này không xem được số liệu tổng hợp của {scope}."


def province_lookup(value: str | int) -> Unit | None:
    """A province by its code (51) or its name, with or without diacritics ("Quảng Ngãi", "quang ngai")."""
    from doingoai.lib.text import fold

    text = str(value).strip()
    provinces = Unit.objects.filter(level=Unit.Level.PROVINCE)
    if text.isdigit():
        return provinces.filter(code=int(text)).first()
    wanted = fold(text).removeprefix("tinh ").removeprefix("thanh pho ")
    for unit in provinces:
        if fold(unit.short_name) == wanted or fold(unit.name) == fold(text):
            return unit
    return None


def request_lookup(*, province: Unit, number: str) -> ReportRequest | None:
    """A province's own request by its number ("645/SNgV-HCTH", spaces and case aside)."""
    wanted = "".join(number.split()).lower()
    for candidate in ReportRequest.objects.filter(province=province, entered_by_unit__isnull=True):
        if "".join(candidate.number.split()).lower() == wanted:
            return candidate
    return None


def consolidation_scope(*, user, province: Unit | None) -> bool:
    """Whether ``user`` may see the sums of ``province`` (None: the whole country).

    A province's people see their own province only; the ministry sees every
    province and the country; a commune sees no consolidation at all.
    """
    if not user.is_authenticated:
        return False
    if user.is_ministry_user or user.is_superuser:
        return True
    return province is not None and user.is_province_user and user.province.pk == province.pk


def reports_behind(*, consolidation: Consolidation, indicator: str, unit: Unit) -> list[IndicatorValue]:
    """The stored values (with their evidence sentence or records) behind one unit's figure, oldest first.

    For the country, a province's figure opens onto its communes' values.
    """
    ids = consolidation.reports.get(unit.pk, [])
    return list(
        IndicatorValue.objects.filter(report_id__in=ids, indicator=indicator)
        .select_related("report__unit")
        .order_by("report__period", "report__unit__name")
    )
