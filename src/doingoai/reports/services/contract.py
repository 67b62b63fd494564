"""The JSON contract of shared/domain.md in and out.

The contract is the one shape every part speaks: the reader produces it, the
renderer consumes it, the API and the CLI exchange it.
"""

import datetime as dt

from django.db import transaction

from doingoai.lib.catalogues import INDICATORS_BY_CODE, SECTIONS_BY_CODE
from doingoai.lib.periods import Period
from doingoai.people.models import User
from doingoai.reports.models import IndicatorValue, Report, ReportSection
from doingoai.reports.services.access import ERROR_LOCKED
from doingoai.units.models import Unit


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def report_to_contract(report: Report) -> dict:
    """A stored report in the contract's shape (meta, sections, facts), as the renderer and the API take it."""
    period = report.period_obj
    unit = report.unit
    stored = {k: v for k, v in (report.meta or {}).items() if k != "annex"}
    meta = {
        **stored,
        "unit_name": unit.name if unit else report.meta.get("unit_name"),
        "unit_level": unit.level if unit else report.meta.get("unit_level"),
        "province": unit.province_unit.name if unit else report.meta.get("province"),
        "ward_code": unit.code if unit and not unit.is_province else None,
        "doc_number": report.number_text if report.doc_number is not None else None,
        "doc_symbol": report.doc_symbol or None,
        "issued_place": report.issued_place or None,
        "issued_date": _iso(report.issued_date),
        "period": period.to_contract() if period else None,
        "request": (
            {"number": report.request.number, "date": _iso(report.request.date), "issuer": report.request.issuer}
            if report.request_id
            else report.meta.get("request")
        ),
        "signer": {
            "name": report.signer_name or None,
            "title": report.signer_title or None,
            "authority": report.signer_authority or None,
        },
        "recipients": list(report.recipients or []),
        "summary": report.summary or None,
        "basis": report.basis or None,
        "closing": report.closing or None,
    }
    sections = [
        {"code": s.code, "heading": s.heading, "text": s.text, "level": s.level, **({"also": s.also} if s.also else {})}
        for s in report.sections.all()
    ]
    facts = []
    for value in report.indicators.all():
        fact = {
            "indicator": value.indicator,
            "value": value.value,
            "section": value.section or INDICATORS_BY_CODE[value.indicator].section,
            "evidence": value.evidence,
            "source": value.source,
        }
        if value.estimate:
            fact["estimate"] = True
        if value.as_of:
            fact["as_of"] = value.as_of.isoformat()
        facts.append(fact)
    contract = {"source": report.source_name or None, "meta": meta, "sections": sections, "facts": facts}
    if (report.meta or {}).get("annex"):
        contract["annex"] = report.meta["annex"]  # lib/nd30/cli reads a top-level "annex"
    return contract


def _date(text) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        return None


def _doc_number(text: str | None) -> tuple[int | None, str]:
    """ "05/BC-UBND" → (5, "BC-UBND"); "/BC-UBND" → (None, "BC-UBND")."""
    if not text:
        return None, ""
    number, _, symbol = str(text).partition("/")
    return (int(number) if number.strip().isdigit() else None), symbol.strip()


@transaction.atomic
def report_replace_content(
    *, report: Report, data: dict, source: str = IndicatorValue.Source.TEXT, by: User | None = None
) -> Report:
    """Replace a report's meta, sections and facts with those of a contract dict.

    Used by the reader (a file read into an existing or new report) and by the
    CLI/API import. Unknown section codes become "other"; unknown indicators are
    dropped (they cannot be summed).
    """
    if report.is_locked:
        raise PermissionError(ERROR_LOCKED)
    meta = data.get("meta") or {}
    number, symbol = _doc_number(meta.get("doc_number"))
    signer = meta.get("signer") or {}
    report.summary = (meta.get("summary") or "")[:400]
    report.doc_number = number
    report.doc_symbol = symbol or (meta.get("doc_symbol") or "")
    report.issued_place = meta.get("issued_place") or ""
    report.issued_date = _date(meta.get("issued_date"))
    report.signer_name = signer.get("name") or ""
    report.signer_title = signer.get("title") or ""
    report.signer_authority = signer.get("authority") or ""
    report.recipients = list(meta.get("recipients") or [])
    report.basis = meta.get("basis") or report.basis
    report.closing = meta.get("closing") or report.closing
    known = {
        "unit_name",
        "unit_level",
        "province",
        "ward_code",
        "doc_number",
        "issued_place",
        "issued_date",
        "period",
        "signer",
        "recipients",
        "summary",
        "basis",
        "closing",
    }
    report.meta = {
        k: v for k, v in meta.items() if k not in known or k in ("unit_name", "unit_level", "province", "request")
    }
    report.source_name = data.get("source") or report.source_name
    report.version += 1
    report._history_user = by
    report.save()

    report.sections.all().delete()
    ReportSection.objects.bulk_create(
        ReportSection(
            report=report,
            position=position,
            code=section.get("code") if section.get("code") in SECTIONS_BY_CODE else "other",
            also=[c for c in section.get("also") or [] if c in SECTIONS_BY_CODE],
            heading=(section.get("heading") or "")[:500],
            level=int(section.get("level") or 1),
            text=section.get("text") or "",
        )
        for position, section in enumerate(data.get("sections") or [], start=1)
    )
    report.indicators.all().delete()
    seen = set()
    values = []
    for fact in data.get("facts") or []:
        code = fact.get("indicator")
        if code not in INDICATORS_BY_CODE or code in seen:
            continue
        seen.add(code)
        raw = fact.get("value")
        values.append(
            IndicatorValue(
                report=report,
                indicator=code,
                value=None if raw is None else int(round(float(raw))),
                section=fact.get("section") or "",
                evidence=fact.get("evidence") or "",
                source=fact.get("source") if fact.get("source") in IndicatorValue.Source.values else source,
                estimate=bool(fact.get("estimate")),
                as_of=_date(fact.get("as_of")),
                updated_by=by,
            )
        )
    IndicatorValue.objects.bulk_create(values)
    return report


def report_period_from_contract(data: dict) -> Period | None:
    period = (data.get("meta") or {}).get("period")
    if not period:
        return None
    try:
        return Period.from_contract(period)
    except (KeyError, TypeError, ValueError):
        return None


def unit_for_contract(data: dict) -> Unit | None:
    """The unit a document states: its current ward code, else its province for a province-level issuer."""
    from doingoai.units.services import unit_by_code, unit_resolve

    meta = data.get("meta") or {}
    if meta.get("ward_code"):
        return unit_by_code(code=int(meta["ward_code"]))
    if meta.get("unit_level") == "tinh" and meta.get("province"):
        return Unit.objects.filter(level="tinh", name=meta["province"]).first()
    if meta.get("unit_name") and meta.get("province") and meta.get("unit_level") in ("xa", "phuong", "dac_khu"):
        unit = unit_resolve(address=f"{meta['unit_name']}, {meta['province']}", legacy=False)
        # unit_resolve falls back to the province; a commune's document must not be filed under it.
        return unit if unit is not None and not unit.is_province else None
    return None
