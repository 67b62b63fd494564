"""The records behind each catalogue indicator, and the value they give: one declaration per indicator.

A report's figure, the records the leader sees next to it, the composer's
sentences and the check "the records now say otherwise" all come from here.

Flows count what is dated inside the window; stocks take a state: foreigners
resident at the latest count up to the window's last day, NGO projects running
at any time in the window. A register with no record gives 0 here: whether that
0 is reported is the report's decision, not the register's.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from doingoai.lib.catalogues import INDICATOR_CODES
from doingoai.lib.periods import Period
from doingoai.units.models import Unit

from . import models as rm

Window = tuple[dt.date, dt.date]


@dataclass
class Records:
    """The unit's records of one data window, loaded once for every indicator and every drafter."""

    delegations: list
    agreements_signed: list
    agreements_active: list  # signed earlier and still in force during the window
    conferences: list
    ngo_running: list
    ngo_received: list  # started (received) inside the window
    residents: list  # the latest count per nationality up to the window's end
    consular: list
    overseas: list
    information: list
    training: list
    commendations: list

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


def records_of_window(*, unit: Unit, window: Window) -> Records:
    start, end = window

    def dated(model, field_name, order):
        return list(model.objects.filter(unit=unit, **{f"{field_name}__range": (start, end)}).order_by(order, "id"))

    agreements_active = list(
        rm.InternationalAgreement.objects.filter(
            unit=unit, signed_date__lt=start, status=rm.InternationalAgreement.Status.IN_FORCE
        )
        .filter(Q(expiry_date__isnull=True) | Q(expiry_date__gte=start))
        .order_by("signed_date", "id")
    )
    ngo_running = list(
        rm.NgoAidProject.objects.filter(unit=unit, start_date__lte=end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        .order_by("start_date", "id")
    )
    last_count = (
        rm.ForeignResidentCount.objects.filter(unit=unit, as_of_date__lte=end)
        .order_by("-as_of_date")
        .values_list("as_of_date", flat=True)
        .first()
    )
    residents = (
        list(rm.ForeignResidentCount.objects.filter(unit=unit, as_of_date=last_count).order_by("-count", "country"))
        if last_count
        else []
    )
    return Records(
        delegations=dated(rm.Delegation, "start_date", "start_date"),
        agreements_signed=dated(rm.InternationalAgreement, "signed_date", "signed_date"),
        agreements_active=agreements_active,
        conferences=dated(rm.InternationalConference, "start_date", "start_date"),
        ngo_running=ngo_running,
        ngo_received=[p for p in ngo_running if start <= p.start_date <= end],
        residents=residents,
        consular=dated(rm.ConsularCase, "date", "date"),
        overseas=dated(rm.OverseasVietnameseContribution, "date", "date"),
        information=dated(rm.InformationActivity, "date", "date"),
        training=dated(rm.TrainingAttendance, "start_date", "start_date"),
        commendations=dated(rm.Commendation, "date", "date"),
    )


def _count(records: list) -> int:
    return len(records)


def _total(*fields: str) -> Callable[[list], int]:
    """The sum of ``fields`` over the records (a blank amount adds nothing)."""
    return lambda records: sum(getattr(r, f) or 0 for r in records for f in fields)


@dataclass(frozen=True)
class IndicatorSource:
    code: str
    behind: Callable[[Records], list]  # the records the figure stands on
    value: Callable[[list], int] = _count  # how they add up


INDICATOR_SOURCES: tuple[IndicatorSource, ...] = (
    IndicatorSource("delegations_out", lambda r: [x for x in r.delegations if x.direction == "out"]),
    IndicatorSource(
        "delegations_in_foreign", lambda r: [x for x in r.delegations if x.direction == "in" and x.origin == "foreign"]
    ),
    IndicatorSource(
        "delegations_in_domestic",
        lambda r: [x for x in r.delegations if x.direction == "in" and x.origin == "domestic"],
    ),
    IndicatorSource("agreements_signed", lambda r: r.agreements_signed),
    IndicatorSource("conferences_international", lambda r: r.conferences),
    IndicatorSource("ngo_projects", lambda r: r.ngo_running),
    IndicatorSource("ngo_aid_value_vnd", lambda r: r.ngo_received, _total("cash_value_vnd", "in_kind_value_vnd")),
    IndicatorSource("ngo_beneficiaries", lambda r: r.ngo_received, _total("beneficiaries")),
    IndicatorSource("foreigners_resident", lambda r: r.residents, _total("count")),
    IndicatorSource(
        "foreign_press_activities", lambda r: [x for x in r.information if x.foreign_press], _total("items_count")
    ),
    IndicatorSource("consular_cases", lambda r: [x for x in r.consular if x.kind != "illegal_exit"]),
    IndicatorSource(
        "illegal_exit_cases", lambda r: [x for x in r.consular if x.kind == "illegal_exit"], _total("people_count")
    ),
    IndicatorSource("officials_trained", lambda r: r.training, _total("officials_count")),
    IndicatorSource("commendations_received", lambda r: [x for x in r.commendations if x.kind == "received"]),
)
INDICATOR_SOURCES_BY_CODE = {s.code: s for s in INDICATOR_SOURCES}
# No register keeps FDI and ODA projects: a commune states them in its prose, the reader reads them.
NOT_FROM_RECORDS = ("fdi_projects", "oda_projects")

assert set(INDICATOR_SOURCES_BY_CODE) | set(NOT_FROM_RECORDS) == set(INDICATOR_CODES)


def records_behind_indicators(records: Records) -> dict[str, list]:
    """The records behind each indicator the records give (what the leader sees next to a figure)."""
    return {source.code: source.behind(records) for source in INDICATOR_SOURCES}


def indicator_values(records: Records) -> dict[str, int]:
    """Each indicator's value, from the same records ``records_behind_indicators`` shows."""
    return {
        code: INDICATOR_SOURCES_BY_CODE[code].value(behind)
        for code, behind in records_behind_indicators(records).items()
    }


def record_indicators(
    *, unit: Unit, period: Period | str | None = None, window: Window | None = None
) -> dict[str, int]:
    """The catalogue indicators the unit's records give for a period's data window (or ``window``)."""
    return indicator_values(records_of_window(unit=unit, window=window or Period.parse(period).window))
