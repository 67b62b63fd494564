import datetime as dt
import re

import pytest

from doingoai.records.tests.factories import delegation
from doingoai.reports.compose import report_compose
from doingoai.reports.services import ReportError
from doingoai.reports.services.editing import (
    ERROR_NO_PROPOSAL,
    report_indicator_correct,
    report_section_choose,
    report_section_save,
)

from .factories import composed, section

pytestmark = pytest.mark.django_db


def test_recomposing_updates_the_sections_the_officer_did_not_touch(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    result = report_compose(unit=commune_a, period="2026H1", by=officer_a)
    assert not result.created and "Công tác đoàn ra, đoàn vào" in result.refreshed
    assert "đón tiếp 01 đoàn vào" in section(report, "delegations").text
    assert report.indicators.get(indicator="delegations_in_foreign").value == 1


def test_recomposing_keeps_the_officers_edit_and_offers_the_new_draft(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    mine = "Trong kỳ, xã không có đoàn nào. Câu chị Hoa tự viết."
    target = section(report, "delegations")
    report_section_save(section=target, text=mine, version=target.version, by=officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    result = report_compose(unit=commune_a, period="2026H1", by=officer_a)
    target.refresh_from_db()
    assert target.text == mine
    assert "đón tiếp 01 đoàn vào" in target.proposed_text
    assert result.offered == ["Công tác đoàn ra, đoàn vào"]


def test_the_officer_takes_the_new_draft(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "delegations")
    report_section_save(section=target, text="Bản của tôi.", version=target.version, by=officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    report_compose(unit=commune_a, period="2026H1", by=officer_a)
    chosen = report_section_choose(section=section(report, "delegations"), choice="proposed", by=officer_a)
    assert "đón tiếp 01 đoàn vào" in chosen.text and chosen.proposed_text == "" and not chosen.edited


def test_the_officer_keeps_her_text_and_is_not_asked_again(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "delegations")
    report_section_save(section=target, text="Bản của tôi.", version=target.version, by=officer_a)
    delegation(commune_a, start_date=dt.date(2026, 3, 12))
    report_compose(unit=commune_a, period="2026H1", by=officer_a)
    kept = report_section_choose(section=section(report, "delegations"), choice="mine", by=officer_a)
    assert kept.text == "Bản của tôi." and kept.proposed_text == ""
    result = report_compose(unit=commune_a, period="2026H1", by=officer_a)
    assert result.offered == [] and section(report, "delegations").text == "Bản của tôi."
    with pytest.raises(ReportError, match=re.escape(ERROR_NO_PROPOSAL)):
        report_section_choose(section=section(report, "delegations"), choice="mine", by=officer_a)


def test_prose_the_officer_rewrote_is_never_replaced(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    target = section(report, "situation")
    report_section_save(section=target, text="Tình hình do chị Hoa viết.", version=target.version, by=officer_a)
    result = report_compose(unit=commune_a, period="2026H1", by=officer_a)
    assert section(report, "situation").text == "Tình hình do chị Hoa viết." and result.offered == []


def test_an_officers_correction_of_a_figure_survives_recomposing(commune_a, officer_a):
    report = composed(commune_a, by=officer_a)
    report_indicator_correct(report=report, indicator="delegations_in_domestic", value=6, by=officer_a)
    report_compose(unit=commune_a, period="2026H1", by=officer_a)
    value = report.indicators.get(indicator="delegations_in_domestic")
    assert value.value == 6 and value.source == "correction" and value.corrected_from == 0
