"""Reports stated directly, for the sums: a unit, a period, a status and the values it gives."""

from doingoai.reports.models import IndicatorValue, Report


def stated(unit, period: str, values: dict, *, status=Report.Status.SUBMITTED, origin=Report.Origin.COMPOSED, **extra):
    """A report of ``unit`` for ``period`` in ``status`` stating ``values`` (None: the indicator is there, unstated)."""
    report = Report.objects.create(unit=unit, period=period, status=status, origin=origin, **extra)
    IndicatorValue.objects.bulk_create(
        IndicatorValue(report=report, indicator=code, value=value, evidence=f"{unit.name}: {code} = {value}")
        for code, value in values.items()
    )
    return report
