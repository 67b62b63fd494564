"""Search over the API: the service behind the web page, scoped to the person the token belongs to."""

from ninja import Router, Schema

from doingoai.search.services import (
    DEFAULT_LIMIT,
    SearchError,
    report_search,
    search_results_as_dict,
    search_unit_parse,
)

from .schemas import ErrorOut

router = Router(tags=["Tìm kiếm"])


class HitUnitOut(Schema):
    code: int
    name: str
    level: str
    province: str


class HitSectionOut(Schema):
    code: str
    label: str


class HitOut(Schema):
    report_id: int
    section_id: int
    unit: HitUnitOut | None
    period: str | None
    period_label: str
    status: str
    status_label: str
    origin: str
    section: HitSectionOut
    heading: str
    heading_html: str  # hits in <mark>, the rest HTML-escaped
    snippet: str
    snippet_html: str
    url: str  # the report page, at the section


class SearchOut(Schema):
    query: str
    total: int
    limit: int
    offset: int
    ranked: bool  # False: too many hits to rank by relevance, the newest first
    hits: list[HitOut]


@router.get("", response={200: SearchOut, 400: ErrorOut})
def search(
    request,
    q: str = "",
    unit: str = "",
    period: str = "",
    section: str = "",
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
):
    """Sections of the reports this account may open that hold every word of ``q``, best first.

    With or without diacritics ("vien tro WWF"); "quoted words" side by side;
    ``hoi*`` any word starting so. ``unit``: a ward code (21361) or tinh:CODE;
    ``period``: 2025, 2026H1…; ``section``: a section code (ngo_aid…).
    """
    try:
        chosen = search_unit_parse(code=unit, user=request.user) if unit else None
        results = report_search(
            user=request.user,
            query=q,
            unit=chosen,
            period=period or None,
            section=section or None,
            limit=limit,
            offset=offset,
        )
    except SearchError as error:
        return 400, {"detail": str(error)}
    return 200, search_results_as_dict(results)
