"""The country's consolidation, for the ministry: one row per province, each opening onto that province."""

import pytest
from django.urls import reverse

from doingoai.testing import client_for
from doingoai.units.models import Unit

from .factories import stated

pytestmark = pytest.mark.django_db


def _country(**query):
    from urllib.parse import urlencode

    return reverse("consolidation:country") + (f"?{urlencode(query)}" if query else "")


def _country_drill(code="delegations_out", period="2026H1"):
    return reverse("consolidation:country-indicator", args=[code]) + f"?ky={period}"


@pytest.fixture
def thai_nguyen_commune(other_province):
    return Unit.objects.filter(province=other_province).order_by("code").first()


def test_the_ministry_sees_every_provinces_sums(
    province, other_province, commune_a, thai_nguyen_commune, ministry_officer
):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    stated(thai_nguyen_commune, "2026H1", {"delegations_out": 5})
    response = client_for(ministry_officer).get(_country(ky="2026H1"))
    assert response.status_code == 200
    page = response.context["page"]
    total = page.consolidation.by_code["delegations_out"]
    assert total.total == 7
    n = Unit.objects.filter(level=Unit.Level.PROVINCE).count()
    html = response.content.decode()
    assert f"2/{n} tỉnh, thành phố có số liệu, 0 báo cáo không phát sinh, {n - 2} không nêu" in html
    assert "Tổng hợp số liệu 6 tháng đầu năm 2026 — cả nước" in html


def test_each_province_shows_how_many_of_its_communes_are_counted(province, commune_a, ministry_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    page = client_for(ministry_officer).get(_country(ky="2026H1")).context["page"]
    row = next(p for p in page.provinces if p.province == province)
    assert (row.counted, row.expected) == (1, Unit.objects.filter(province=province, is_active=True).count())
    assert row.url == reverse("consolidation:province", args=[province.code]) + "?ky=2026H1"


def test_a_provinces_figure_opens_onto_that_provinces_consolidation(province, commune_a, ministry_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    response = client_for(ministry_officer).get(_country_drill())
    row = next(r for r in response.context["page"].stated if r.unit == province)
    assert row.shown == "2 đoàn" and row.evidence == []
    wanted = reverse("consolidation:province-indicator", args=[province.code, "delegations_out"]) + "?ky=2026H1"
    assert row.url == wanted and f'href="{wanted}"' in response.content.decode()
    province_page = client_for(ministry_officer).get(wanted).context["page"]
    assert next(r for r in province_page.stated if r.unit == commune_a).figure.value == 2


def test_the_filter_follows_the_drill_down(province, commune_a, ministry_officer):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    page = client_for(ministry_officer).get(_country(ky="2026H1", bao_cao="da-nhan")).context["page"]
    assert page.consolidation.by_code["delegations_out"].total is None  # submitted, not accepted
    assert page.provinces[0].url.endswith("bao_cao=da-nhan")


def test_a_silent_province_says_why(province, commune_a, ministry_officer, other_province):
    stated(commune_a, "2026H1", {"delegations_in_foreign": 1})
    page = client_for(ministry_officer).get(_country_drill()).context["page"]
    silence = {r.unit: r.silence for r in page.silent}
    assert silence[province] == "Báo cáo của các xã không nêu chỉ tiêu này."
    assert silence[other_province] == "Chưa có báo cáo nào được tính."


def test_it_hides_the_country_from_a_province_and_a_commune(units, province_officer, province_leader, officer_a):
    for user in (province_officer, province_leader, officer_a):
        client = client_for(user)
        for url in (_country(ky="2026H1"), _country_drill(), reverse("consolidation:country-xlsx")):
            assert client.get(url).status_code == 404, (user, url)


def test_an_unknown_period_is_a_clear_vietnamese_error(units, ministry_officer):
    response = client_for(ministry_officer).get(_country(ky="năm ngoái"))
    assert response.status_code == 400
    assert "Không có kỳ báo cáo «năm ngoái»" in response.content.decode()
