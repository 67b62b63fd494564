"""The drill-down: from a total to each commune's figure, to the sentence (or records) behind it, to the report."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from doingoai.consolidation.charts import SVG_NS
from doingoai.ingest.services.placing import document_confirm
from doingoai.ingest.services.uploads import batch_create, batch_run
from doingoai.ingest.tests.conftest import report_text
from doingoai.records.tests.factories import delegation
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import submitted
from doingoai.testing import client_for
from doingoai.units.models import Unit

from .factories import stated

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _drill(province, code="delegations_in_foreign", period="2026H1", **query):
    url = reverse("consolidation:province-indicator", args=[province.code, code]) + f"?ky={period}"
    return url + "".join(f"&{k}={v}" for k, v in query.items())


@pytest.fixture
def read_report(province_officer, commune_a):
    """Chị Lan uploaded Xã Minh Long's 2025 report (2 foreign delegations, 5 foreigners), read and confirmed."""
    batch = batch_run(batch=batch_create(files=[("minh-long.txt", report_text())], by=province_officer))
    document = batch.documents.get()
    document_confirm(document=document, by=province_officer)
    return document


def test_each_communes_figure_shows_its_state(province, commune_a, commune_b, province_officer):
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3})
    stated(commune_b, "2026H1", {"delegations_in_foreign": 0})
    response = client_for(province_officer).get(_drill(province))
    assert response.status_code == 200
    page = response.context["page"]
    assert [(r.unit, r.shown) for r in page.stated] == [(commune_a, "3 đoàn"), (commune_b, "0 (không phát sinh)")]
    assert len(page.silent) == Unit.objects.filter(province=province).count() - 2
    html = response.content.decode()
    assert '<span class="figure state-number">3 đoàn</span>' in html
    assert '<span class="figure state-zero">0 (không phát sinh)</span>' in html
    assert "không nêu</summary>" in html and "Chưa có báo cáo được tính." in html


def test_a_report_that_does_not_state_the_indicator_is_told_apart_from_no_report(
    province, commune_a, commune_b, province_officer
):
    report = stated(commune_a, "2026H1", {"delegations_out": 1})  # silent on delegations_in_foreign
    page = client_for(province_officer).get(_drill(province)).context["page"]
    row = next(r for r in page.silent if r.unit == commune_a)
    assert row.silence == "Báo cáo không nêu chỉ tiêu này."
    assert row.report_urls == [reverse("reports:detail", args=[report.pk]) + "#chi-tieu"]
    other = next(r for r in page.silent if r.unit == commune_b)
    assert other.silence == "Chưa có báo cáo được tính." and other.report_urls == []


def test_a_composed_figure_opens_onto_the_records_behind_it_and_the_report(
    province, commune_a, officer_a, leader_a, province_officer
):
    delegation(commune_a, partner="Tổ chức Tầm nhìn Thế giới (WVI)")
    delegation(commune_a, partner="Hue Help")
    report = submitted(commune_a, officer_a, leader_a)
    response = client_for(province_officer).get(_drill(province))
    row = next(r for r in response.context["page"].stated if r.unit == commune_a)
    assert row.figure.value == 2
    (evidence,) = row.evidence
    assert evidence.value.source == "records" and "2 ghi chép" in evidence.value.evidence
    assert evidence.report_url == reverse("reports:detail", args=[report.pk]) + "#chi-tieu"
    assert evidence.document_url == ""
    html = response.content.decode()
    assert "Hue Help" in html and f'href="{evidence.report_url}"' in html
    assert client_for(province_officer).get(evidence.report_url).status_code == 200


def test_a_read_figure_opens_onto_its_sentence_highlighted_in_the_document(
    province, commune_a, province_officer, read_report
):
    response = client_for(province_officer).get(_drill(province, period="2025"))
    row = next(r for r in response.context["page"].stated if r.unit == commune_a)
    (evidence,) = row.evidence
    assert evidence.is_read and "02 đoàn nước ngoài" in evidence.value.evidence
    wanted = reverse("ingest:document", args=[read_report.pk]) + "#ev-delegations_in_foreign"
    assert evidence.document_url == wanted
    assert f'href="{wanted}"' in response.content.decode()
    review = client_for(province_officer).get(wanted.split("#")[0]).content.decode()
    assert 'id="ev-delegations_in_foreign"' in review  # the anchor the link lands on, inside the highlighted <mark>


def test_a_figure_of_two_halves_shows_both_reports_behind_it(province, commune_a, province_officer):
    stated(commune_a, "2025H1", {"delegations_in_foreign": 1})
    stated(commune_a, "2025H2", {"delegations_in_foreign": 2})
    page = client_for(province_officer).get(_drill(province, period="2025")).context["page"]
    row = next(r for r in page.stated if r.unit == commune_a)
    assert row.figure.value == 3
    assert [e.value.report.period for e in row.evidence] == ["2025H1", "2025H2"]


def test_each_communes_figure_is_set_against_last_year(province, commune_a, province_officer):
    stated(commune_a, "2025H1", {"delegations_in_foreign": 2})
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3})
    page = client_for(province_officer).get(_drill(province)).context["page"]
    row = next(r for r in page.stated if r.unit == commune_a)
    assert (row.before_shown, row.change) == ("2 đoàn", "tăng 1 (+50%)")


def test_the_charts_show_the_communes_by_figure_and_against_last_year(province, commune_a, commune_b, province_officer):
    stated(commune_a, "2025H1", {"delegations_in_foreign": 1})
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3})
    stated(commune_b, "2026H1", {"delegations_in_foreign": 0})
    page = client_for(province_officer).get(_drill(province)).context["page"]
    units = ET.fromstring(str(page.chart_units))
    labels = [t.text for t in units.iter(f"{{{SVG_NS}}}text") if t.get("class") == "label"]
    assert labels[:2] == [commune_a.name, commune_b.name]
    assert labels[2].endswith("xã, phường không nêu")
    last_year = ET.fromstring(str(page.chart_last_year))
    rows = [g for g in last_year.findall(f"{{{SVG_NS}}}g") if g.get("class", "").startswith("row")]
    assert len(rows) == 2  # the communes with a figure in one period or the other


def test_htmx_gets_the_drill_down_alone(province, commune_a, province_officer):
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3})
    response = client_for(province_officer).get(_drill(province), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "autofocus" in html and "Mở trang riêng của chỉ tiêu này" in html
    full = client_for(province_officer).get(_drill(province)).content.decode()
    assert "<html" in full and "Mở trang riêng" not in full


def test_money_totals_are_in_dong(province, commune_a, province_officer):
    stated(commune_a, "2026H1", {"ngo_aid_value_vnd": 1_250_000_000})
    html = client_for(province_officer).get(_drill(province, "ngo_aid_value_vnd")).content.decode()
    assert "1.250.000.000 đồng" in html


def test_an_unknown_indicator_is_not_found(province, province_officer):
    assert client_for(province_officer).get(_drill(province, "no_such_thing")).status_code == 404


def test_it_hides_other_provinces_figures(province, commune_a, other_province_officer, officer_a):
    stated(commune_a, "2026H1", {"delegations_in_foreign": 3})
    for user in (other_province_officer, officer_a):
        assert client_for(user).get(_drill(province)).status_code == 404
        assert client_for(user).get(_drill(province), **HTMX).status_code == 404


def test_the_ministry_reads_the_sentence_even_where_it_may_not_open_the_document(
    province, commune_a, ministry_officer, read_report
):
    page = client_for(ministry_officer).get(_drill(province, period="2025")).context["page"]
    (evidence,) = next(r for r in page.stated if r.unit == commune_a).evidence
    assert "02 đoàn nước ngoài" in evidence.value.evidence
    assert evidence.document_url == ""  # the ingest screens are the province's
    assert evidence.report_url  # but the confirmed report reached a level above: the ministry opens it
    assert client_for(ministry_officer).get(evidence.report_url).status_code == 200


def test_a_province_never_links_to_a_report_it_may_not_open(province, commune_a, province_officer):
    draft = stated(commune_a, "2026H1", {"delegations_in_foreign": 9}, status=Report.Status.DRAFT)
    page = client_for(province_officer).get(_drill(province)).context["page"]
    assert all(r.unit != commune_a for r in page.stated)  # a draft does not count
    assert (
        reverse("reports:detail", args=[draft.pk])
        not in client_for(province_officer).get(_drill(province)).content.decode()
    )
