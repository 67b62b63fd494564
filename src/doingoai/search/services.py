"""Search across the reports a person may open, with or without diacritics.

    >>> results = report_search(user=lan, query="vien tro WWF", period="2026H1")  # doctest: +SKIP
    >>> results.total, str(results.hits[0].snippet)                              # doctest: +SKIP
    (3, '… tiếp nhận <mark>viện</mark> <mark>trợ</mark> của tổ chức <mark>WWF</mark> …')

A hit is one section of a report (its heading and text). Scoping is
``reports_visible_to``: a commune sees its own reports, drafts included; a
province officer what its communes sent and its own; nobody else's drafts ever.
Filters: the report's unit, its period, the section's code (a section that
also covers the code counts). The web page, the CLI, the API and the tests all
call :func:`report_search`; the command line run on the server may search
every report with :func:`sections_search`.
"""

import re
from dataclasses import dataclass

from django.db import connections
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.safestring import SafeString

from doingoai.lib.catalogues import SECTIONS_BY_CODE
from doingoai.lib.periods import Period
from doingoai.lib.text import fold
from doingoai.people.models import User
from doingoai.reports.models import Report, ReportSection
from doingoai.reports.services.access import reports_visible_to
from doingoai.units.models import Unit

from . import index
from .terms import QueryError, Term, highlight_html, html_to_plain, query_parse, snippet_html

ERROR_SECTION = "Mục báo cáo không có trong danh mục: {code}."
ERROR_UNIT_CODE = "Mã đơn vị không hợp lệ: hãy viết mã xã, phường (ví dụ 21361), hoặc tinh:51 cho báo cáo của tỉnh."
ERROR_UNIT = "Không có đơn vị mã {code} trong phạm vi tài khoản này được xem."
ERROR_UNIT_AMBIGUOUS = "Mã {code} vừa là mã một tỉnh vừa là mã một xã, phường: viết tinh:{code} để chọn tỉnh."
ERROR_LIMIT = "Số kết quả mỗi trang phải từ 1 đến {most}."
ERROR_VENDOR = "Tìm kiếm chưa hỗ trợ cơ sở dữ liệu {vendor}: hãy dùng SQLite hoặc PostgreSQL."

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
PROVINCE_PREFIX = "tinh:"


class SearchError(ValueError):
    """A search that cannot run; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class SearchHit:
    section: ReportSection  # with its report and unit loaded
    heading: SafeString  # the whole heading, hits in <mark>
    snippet: SafeString  # the text around the hits, hits in <mark>

    @property
    def report(self) -> Report:
        return self.section.report

    @property
    def period_label(self) -> str:
        period = self.report.period_obj
        return period.label if period else "Chưa rõ kỳ"

    @property
    def section_label(self) -> str:
        entry = SECTIONS_BY_CODE.get(self.section.code)
        return entry.label if entry else self.section.code

    @property
    def url(self) -> str:
        """The report as it prints, at this section."""
        return reverse("reports:detail", args=[self.report.pk]) + f"?xem=in#d-{self.section.pk}"


@dataclass(frozen=True)
class SearchResults:
    query: str
    terms: list[Term]
    total: int
    hits: list[SearchHit]
    limit: int
    offset: int
    ranked: bool = True  # False: too many hits to rank, the newest first

    @property
    def first(self) -> int:
        return self.offset + 1 if self.hits else 0

    @property
    def last(self) -> int:
        return self.offset + len(self.hits)

    @property
    def has_next(self) -> bool:
        return self.last < self.total

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def page(self) -> int:
        return self.offset // self.limit + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.limit))


def _period_code(period: Period | str | None) -> str | None:
    if period in (None, ""):
        return None
    try:
        return Period.parse(period).code
    except ValueError as error:
        raise SearchError(str(error)) from None


# What a hit shows (the rest of a report — its meta, its annex — stays in the database).
_HIT_FIELDS = (
    "heading",
    "text",
    "code",
    "report__period",
    "report__status",
    "report__origin",
    *(f"report__unit__{name}" for name in ("code", "name", "level", "is_city", "province")),
    *(f"report__unit__province__{name}" for name in ("code", "name", "level", "is_city")),
)
NARROW_MOST = 30  # units or provinces named to the full-text engine, at most


def _narrowing(visible: list[tuple[int, int | None, int | None]]) -> list[tuple[str, int]] | None:
    """The units, else the provinces, that hold every visible report (0: not yet placed in a unit).

    A commune's reports are one unit; a province officer's, one province (and
    any unit-less document it read). None: too many to name.
    """
    units = sorted({unit or 0 for _, unit, _ in visible})
    if len(units) <= NARROW_MOST:
        return [("u", unit) for unit in units]
    provinces = sorted({province or unit or 0 for _, unit, province in visible})
    return [("p", province) for province in provinces] if len(provinces) <= NARROW_MOST else None


def sections_search(
    *,
    reports: QuerySet | None,
    query: str,
    unit: Unit | None = None,
    period: Period | str | None = None,
    section: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> SearchResults:
    """The sections of ``reports`` (None: of every report) matching every term of ``query``, one page of them.

    The filters are tokens of the index (see index.py); ``reports`` is read
    once, its ids bound the hits.
    """
    try:
        terms = query_parse(query)
    except QueryError as error:
        raise SearchError(str(error)) from None
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchError(ERROR_LIMIT.format(most=MAX_LIMIT))
    if section and section not in SECTIONS_BY_CODE:
        raise SearchError(ERROR_SECTION.format(code=section))
    period_code = _period_code(period)
    vendor = connections[ReportSection.objects.db].vendor
    if vendor not in index.SUPPORTED:
        raise SearchError(ERROR_VENDOR.format(vendor=vendor))
    all_of = [("u", unit.pk)] if unit is not None else []
    all_of += [("k", period_code)] if period_code else []
    all_of += [("c", section)] if section else []
    report_ids, any_of = None, None
    if reports is not None:
        visible = list(reports.order_by().values_list("pk", "unit_id", "unit__province_id"))
        report_ids = [pk for pk, _, _ in visible]
        any_of = None if unit is not None else _narrowing(visible)
    found_ids = index.search_index_find(
        terms=terms, report_ids=report_ids, all_of=all_of, any_of=any_of, limit=limit, offset=max(0, offset)
    )
    ids = found_ids.ids
    found = ReportSection.objects.select_related("report__unit__province").only(*_HIT_FIELDS).in_bulk(ids)
    hits = [
        SearchHit(
            section=found[pk],
            heading=highlight_html(found[pk].heading, terms),
            snippet=snippet_html(found[pk].text, terms),
        )
        for pk in ids
        if pk in found  # deleted between the two queries
    ]
    return SearchResults(
        query=query,
        terms=terms,
        total=found_ids.total,
        hits=hits,
        limit=limit,
        offset=max(0, offset),
        ranked=found_ids.ranked,
    )


def report_search(
    *,
    user: User,
    query: str,
    unit: Unit | None = None,
    period: Period | str | None = None,
    section: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> SearchResults:
    """Search the reports ``user`` may open (``reports_visible_to``); SearchError with the reason otherwise."""
    return sections_search(
        reports=reports_visible_to(user),
        query=query,
        unit=unit,
        period=period,
        section=section,
        limit=limit,
        offset=offset,
    )


def _unit_in_scope(unit: Unit, user: User | None) -> bool:
    """Whether a filter may name ``unit``: the user's own commune or province (and its communes), or a unit
    of a report the user sees. Asked of the one or two units a code names, not as a subquery over every
    visible report (25 ms over a province's archive)."""
    if user is None:
        return True
    if user.is_authenticated and user.is_commune_user:
        if unit.pk == user.unit.pk:
            return True
    elif user.is_authenticated and user.province is not None:
        if unit.pk == user.province.pk or unit.province_id == user.province.pk:
            return True
    return reports_visible_to(user).filter(unit=unit).exists()


def search_unit_token(unit: Unit) -> str:
    """How a filter names a unit: "21361" for a commune, "tinh:51" for a province."""
    return f"{PROVINCE_PREFIX}{unit.code}" if unit.is_province else str(unit.code)


def search_unit_parse(*, code: str | int, user: User | None = None) -> Unit:
    """The unit a filter names ("21361", "tinh:51"), among those ``user`` may see (all for None).

    Province and commune codes may coincide (4 is Cao Bằng and Phường Ba Đình):
    a bare code is whichever the user may see, and ``tinh:`` settles the rest.
    """
    written = re.sub(r"\s+", "", fold(str(code)))
    match = re.fullmatch(r"(tinh:)?(\d{1,6})", written)
    if not match:
        raise SearchError(ERROR_UNIT_CODE)
    number = int(match.group(2))
    units = Unit.objects.filter(code=number).select_related("province").order_by("level", "pk")
    if match.group(1):
        units = units.filter(level=Unit.Level.PROVINCE)
    found = [unit for unit in units if _unit_in_scope(unit, user)][:2]
    if not found:
        raise SearchError(ERROR_UNIT.format(code=number))
    if len(found) > 1:
        raise SearchError(ERROR_UNIT_AMBIGUOUS.format(code=number))
    return found[0]


def search_filter_choices(*, user: User) -> tuple[list[Unit], list[Period]]:
    """The units whose reports ``user`` may see and the periods they report, to offer as filters
    (province first, newest first). Read from the units and an indexed column, not from the visible
    reports themselves: the page must stay fast over a country's archive."""
    if user.is_commune_user:
        scope = Unit.objects.filter(pk=user.unit.pk)
    elif user.is_province_user:
        scope = Unit.objects.filter(Q(pk=user.province.pk) | Q(province=user.province))
    elif user.is_ministry_user:
        scope = Unit.objects.all()
    else:
        return [], []
    offered = scope.filter(level=Unit.Level.PROVINCE) if user.is_ministry_user else scope  # a list of 34, not 3,355
    units = list(offered.filter(is_active=True).select_related("province"))
    units.sort(key=lambda unit: (not unit.is_province, unit.name))
    codes = Report.objects.filter(unit__in=scope).exclude(period="").order_by().values_list("period", flat=True)
    periods = []
    for code in codes.distinct():
        try:
            periods.append(Period.parse(code))
        except ValueError:
            continue
    periods.sort(key=lambda p: (p.window[1], p.kind == "year"), reverse=True)
    return units, periods


def search_results_as_dict(results: SearchResults) -> dict:
    """The JSON the API and ``doingoai search --json`` print."""
    return {
        "query": results.query,
        "total": results.total,
        "limit": results.limit,
        "offset": results.offset,
        "ranked": results.ranked,
        "hits": [
            {
                "report_id": hit.report.pk,
                "section_id": hit.section.pk,
                "unit": {
                    "code": hit.report.unit.code,
                    "name": hit.report.unit.name,
                    "level": hit.report.unit.level,
                    "province": hit.report.unit.province_unit.name,
                }
                if hit.report.unit_id
                else None,
                "period": hit.report.period or None,
                "period_label": hit.period_label,
                "status": hit.report.status,
                "status_label": hit.report.get_status_display(),
                "origin": hit.report.origin,
                "section": {"code": hit.section.code, "label": hit.section_label},
                "heading": str(html_to_plain(hit.heading, mark=lambda word: word)),
                "heading_html": str(hit.heading),
                "snippet": html_to_plain(hit.snippet, mark=lambda word: word),
                "snippet_html": str(hit.snippet),
                "url": hit.url,
            }
            for hit in results.hits
        ],
    }
