"""'Tổng hợp' in the navigation: where it leads each person."""

import pytest
from django.urls import reverse

from doingoai.testing import client_for

pytestmark = pytest.mark.django_db


def test_a_province_officer_lands_on_the_provinces_sums(province, province_officer, administrator):
    for user in (province_officer, administrator):
        response = client_for(user).get(reverse("consolidation:home"))
        assert response.status_code == 302
        assert response["Location"] == reverse("consolidation:province", args=[province.code])


def test_the_ministry_lands_on_the_country(units, ministry_officer):
    response = client_for(ministry_officer).get(reverse("consolidation:home"))
    assert response["Location"] == reverse("consolidation:country")


def test_a_commune_sees_no_consolidation(units, officer_a, leader_a):
    for user in (officer_a, leader_a):
        assert client_for(user).get(reverse("consolidation:home")).status_code == 404
