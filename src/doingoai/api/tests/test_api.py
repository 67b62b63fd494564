import json

import pytest
from django.test import Client

from doingoai.lib import vn
from doingoai.people.services import token_create
from doingoai.records.models import Delegation
from doingoai.records.registry import RECORD_TYPES
from doingoai.records.tests.factories import delegation

pytestmark = pytest.mark.django_db


def api(user):
    _, raw = token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client, url, data, method="post"):
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def test_the_api_lists_all_3321_communes(officer_a):
    response = api(officer_a).get("/api/v1/units?level=commune&limit=5000")
    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 3321 and len(body["items"]) == 3321
    assert {"code", "name", "level", "province_code"} <= set(body["items"][0])


def test_units_are_searched_without_diacritics(officer_a):
    items = api(officer_a).get("/api/v1/units?q=duc pho").json()["items"]
    assert items[0]["name"] == "Phường Đức Phổ" and items[0]["province_name"] == "Quảng Ngãi"


def test_provinces_communes_and_old_addresses(officer_a):
    client = api(officer_a)
    assert client.get("/api/v1/units?level=province").json()["count"] == 34
    assert client.get("/api/v1/units/communes/21361").json()["name"] == "Xã Minh Long"
    assert client.get("/api/v1/units/provinces/51").json()["name"] == "Quảng Ngãi"
    resolved = client.get("/api/v1/units/resolve", {"address": "xã Bộc Nhiêu, huyện Định Hóa, Thái Nguyên"}).json()
    assert resolved["code"] == 5581
    assert client.get("/api/v1/units/communes/1").status_code == 404


def test_without_a_token_the_api_answers_401_in_vietnamese(units):
    response = Client().get("/api/v1/units")
    assert response.status_code == 401 and "Chưa xác thực" in response.json()["detail"]
    assert Client(HTTP_AUTHORIZATION="Bearer dng_wrong").get("/api/v1/units").status_code == 401


def test_the_openapi_schema_is_published(units):
    schema = Client().get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/units" in paths
    for record_type in RECORD_TYPES:
        assert f"/api/v1/records/{record_type.code}" in paths
        assert f"/api/v1/records/{record_type.code}/{{pk}}" in paths


def test_a_record_goes_through_create_read_update_delete(officer_a):
    client = api(officer_a)
    created = post(
        client,
        "/api/v1/records/delegations",
        {
            "direction": "in",
            "origin": "foreign",
            "partner": "KOICA",
            "country": "KR",
            "start_date": "2026-05-05",
            "members_count": 3,
        },
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert client.get(f"/api/v1/records/delegations/{pk}").json()["partner"] == "KOICA"
    assert client.get("/api/v1/records/delegations?period=2026H1").json()["count"] == 1
    assert client.get("/api/v1/records/delegations?period=2025").json()["count"] == 0
    patched = post(client, f"/api/v1/records/delegations/{pk}", {"members_count": "1.200"}, method="patch")
    assert patched.status_code == 200 and patched.json()["members_count"] == 1200
    assert patched.json()["partner"] == "KOICA"
    assert client.delete(f"/api/v1/records/delegations/{pk}").status_code == 204
    assert not Delegation.objects.exists()
    assert Delegation.history.filter(id=pk, history_user=officer_a).count() == 3


def test_bad_input_gets_vietnamese_errors_and_stores_nothing(officer_a):
    response = post(
        api(officer_a),
        "/api/v1/records/ngo-aid",
        {
            "name": "Nước sạch",
            "donor": "WVI",
            "donor_country": "US",
            "start_date": "31/02/2026",
            "cash_value_vnd": "1.5OO.000",
            "beneficiaries": -4,
        },
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["start_date"] == [vn.ERROR_DATE]
    assert errors["cash_value_vnd"] == [vn.ERROR_AMOUNT]
    assert errors["beneficiaries"] == [vn.ERROR_NEGATIVE]


def test_a_wrong_period_is_refused(officer_a):
    assert api(officer_a).get("/api/v1/records/delegations?period=2026H7").status_code == 404


def test_commune_b_token_gets_404_on_commune_a_records(officer_b, commune_a):
    record = delegation(commune_a)
    client = api(officer_b)
    assert client.get(f"/api/v1/records/delegations/{record.pk}").status_code == 404
    assert post(client, f"/api/v1/records/delegations/{record.pk}", {"partner": "X"}, method="put").status_code == 404
    assert post(client, f"/api/v1/records/delegations/{record.pk}", {"partner": "X"}, method="patch").status_code == 404
    assert client.delete(f"/api/v1/records/delegations/{record.pk}").status_code == 404
    assert client.get("/api/v1/records/delegations").json()["count"] == 0
    record.refresh_from_db()
    assert record.partner != "X"


@pytest.mark.parametrize("who", ["province_officer", "other_province_officer"])
def test_province_officers_get_404_on_commune_records(request, commune_a, who):
    record = delegation(commune_a)
    client = api(request.getfixturevalue(who))
    assert client.get("/api/v1/records/delegations").status_code == 404
    assert client.get(f"/api/v1/records/delegations/{record.pk}").status_code == 404


def test_the_session_works_for_the_api_with_csrf_on_writes(officer_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer_a)
    assert client.get("/api/v1/me").json()["username"] == officer_a.username
    response = post(client, "/api/v1/records/delegations", {"partner": "X"})
    assert response.status_code in (401, 403)
    assert not Delegation.objects.exists()
