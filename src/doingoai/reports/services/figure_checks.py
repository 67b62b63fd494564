"""Figures in the text against the records."""

import datetime as dt

from doingoai.records.indicators import record_indicators
from doingoai.reports.figures import figures_in_text, section_figure_warnings, section_indicators
from doingoai.reports.models import IndicatorValue, Report, ReportSection
from doingoai.reports.services.access import report_is_editable


def report_figure_warnings(report: Report) -> dict[int, list]:
    """For each section, the figures its text states that its indicators do not explain."""
    values = {v.indicator: v.value for v in report.indicators.all()}
    warnings = {}
    for section in report.sections.all():
        codes = section_indicators(section.code, section.also)
        if not codes or not section.text.strip():
            continue
        known = {f.value for f in figures_in_text(section.generated_text)}
        found = section_figure_warnings(text=section.text, values={c: values.get(c) for c in codes}, known=known)
        if found:
            warnings[section.pk] = found
    return warnings


def section_figure_warnings_for(section: ReportSection) -> list:
    return report_figure_warnings(section.report).get(section.pk, [])


def report_records_changed(report: Report) -> bool:
    """Whether the records now give other figures than those the draft was composed from."""
    window = (report.meta or {}).get("window")
    if not window or report.unit is None or not report_is_editable(report):
        return False
    live = record_indicators(
        unit=report.unit, window=(dt.date.fromisoformat(window[0]), dt.date.fromisoformat(window[1]))
    )
    stored = {v.indicator: v.value for v in report.indicators.all() if v.source == IndicatorValue.Source.RECORDS}
    return any(live.get(code) != value for code, value in stored.items())
