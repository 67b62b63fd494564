"""What each person sees first: the commune's period at a glance, the province's communes."""

from dataclasses import dataclass

from django.db.models import Count, Q

from doingoai.lib.periods import HALF, Period, recent_periods
from doingoai.lib.vn import today
from doingoai.people.models import User
from doingoai.records.registry import RecordType
from doingoai.records.services import record_counts
from doingoai.reports.models import Report
from doingoai.units.models import Unit


@dataclass
class Area:
    record_type: RecordType
    count: int


@dataclass
class CommuneDashboard:
    period: Period
    periods: list[Period]
    areas: list[Area]
    next_step: str
    next_url_code: str | None

    @property
    def empty_areas(self) -> list[Area]:
        return [a for a in self.areas if a.count == 0]

    @property
    def total(self) -> int:
        return sum(a.count for a in self.areas)


def dashboard_for_commune(*, unit: Unit, period: Period | None = None) -> CommuneDashboard:
    """Records by area for the period, what is still empty, and the one next step."""
    period = period or Period.containing(today(), HALF)
    periods = recent_periods(today())
    if period not in periods:
        periods = [period, *periods]
    areas = [Area(t, n) for t, n in record_counts(unit=unit, period=period)]
    start, end = period.window
    if not any(a.count for a in areas):
        next_step = (
            f"Chưa có ghi chép nào trong {period.phrase}. Khi có đoàn ra, đoàn vào hay một hoạt động đối ngoại, "
            "hãy ghi lại ngay: báo cáo sẽ tự soạn từ các ghi chép."
        )
        code = "delegations"
    elif today() <= end:
        next_step = (
            f"Kỳ {period.phrase} kết thúc ngày {end:%d/%m/%Y}. Hãy ghi thêm những hoạt động còn thiếu; "
            "mục nào không phát sinh, báo cáo sẽ ghi rõ là không phát sinh."
        )
        code = next((a.record_type.code for a in areas if a.count == 0), None)
    else:
        next_step = f"Kỳ {period.phrase} đã khép lại: hãy rà soát các ghi chép trước khi soạn báo cáo."
        code = None
    return CommuneDashboard(period, periods, areas, next_step, code)


def communes_of_province(*, province: Unit) -> list[tuple[Unit, int]]:
    """Each commune of the province with how many accounts it has: who can start reporting."""
    communes = (
        Unit.objects.filter(province=province, is_active=True)
        .annotate(accounts=Count("organisations__members", filter=Q(organisations__members__is_active=True)))
        .order_by("name")
    )
    return [(c, c.accounts) for c in communes]


@dataclass
class ProvinceSent:
    province: Unit
    report: Report | None  # the province's own report for the period, once sent up


def provinces_for_ministry(*, period: Period) -> list[ProvinceSent]:
    """Every province with the report it has sent up for ``period`` (the ministry sees nothing before that)."""
    sent = {
        r.unit_id: r
        for r in Report.objects.filter(
            unit__level=Unit.Level.PROVINCE, period=period.code, status__in=Report.Status.RECEIVED
        ).order_by("origin")
    }
    return [ProvinceSent(p, sent.get(p.pk)) for p in Unit.objects.filter(level=Unit.Level.PROVINCE).order_by("name")]


def role_of(user: User) -> str:
    if user.is_commune_user:
        return "commune"
    if user.is_ministry_user:
        return "ministry"
    if user.is_administrator:
        return "administrator"
    if user.is_province_user:
        return "province"
    return "none"
