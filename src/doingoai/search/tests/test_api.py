import pytest
from django.test import Client

from doingoai.people.services import token_create

pytestmark = pytest.mark.django_db


def api(user):
    _, raw = token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_api_searches_what_the_token_s_person_may_see(draft_a, sent_b, sent_other, officer_a, province_officer):
    mine = api(officer_a).get("/api/v1/search", {"q": "vien tro wwf"}).json()
    assert mine["total"] == 1 and mine["hits"][0]["unit"]["code"] == 21361
    assert mine["hits"][0]["status"] == "draft" and mine["hits"][0]["period"] == "2026H1"
    theirs = api(province_officer).get("/api/v1/search", {"q": "WWF"}).json()
    assert [hit["unit"]["code"] for hit in theirs["hits"]] == [21439]


def test_filters_and_paging(sent_b, province_report, province_officer):
    client = api(province_officer)
    assert client.get("/api/v1/search", {"q": "WWF", "unit": "21439"}).json()["total"] == 1
    assert client.get("/api/v1/search", {"q": "WWF", "period": "2025"}).json()["hits"][0]["unit"]["code"] == 51
    assert client.get("/api/v1/search", {"q": "WWF", "section": "plans"}).json()["total"] == 0
    page = client.get("/api/v1/search", {"q": "WWF", "limit": 1, "offset": 1}).json()
    assert (page["total"], len(page["hits"]), page["offset"]) == (2, 1, 1)


def test_bad_input_answers_400_in_vietnamese(officer_a):
    client = api(officer_a)
    for params, message in [
        ({"q": ""}, "Hãy gõ từ cần tìm"),
        ({"q": "a"}, "quá ngắn"),
        ({"q": "WWF", "period": "2026H3"}, "Kỳ báo cáo không hợp lệ"),
        ({"q": "WWF", "section": "x"}, "Mục báo cáo không có trong danh mục"),
        ({"q": "WWF", "unit": "21439"}, "Không có đơn vị mã 21439 trong phạm vi"),
        ({"q": "WWF", "limit": 1000}, "từ 1 đến 100"),
    ]:
        response = client.get("/api/v1/search", params)
        assert response.status_code == 400 and message in response.json()["detail"], params


def test_without_a_token_it_answers_401(units):
    assert Client().get("/api/v1/search", {"q": "WWF"}).status_code == 401


def test_the_search_is_in_the_openapi_schema(units):
    assert "/api/v1/search" in Client().get("/api/v1/openapi.json").json()["paths"]
