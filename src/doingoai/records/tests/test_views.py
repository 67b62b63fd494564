import pytest
from django.urls import reverse

from doingoai.records.models import ERROR_END_BEFORE_START, Delegation
from doingoai.records.registry import RECORD_TYPES
from doingoai.testing import client_for

from .factories import delegation

pytestmark = pytest.mark.django_db

NEW = {
    "direction": "in",
    "origin": "foreign",
    "partner": "KOICA",
    "country": "KR",
    "start_date": "05/05/2026",
    "members_count": "3",
    "purpose": "Khảo sát trạm y tế",
}


def test_an_officer_records_a_delegation_and_sees_it_listed(client_a, officer_a):
    response = client_a.post(reverse("records:create", args=["delegations"]), NEW, follow=True)
    assert response.status_code == 200
    record = Delegation.objects.get()
    assert record.unit == officer_a.unit and record.created_by == officer_a
    assert "KOICA" in response.content.decode()
    assert "Hàn Quốc" in response.content.decode()


def test_a_wrong_form_shows_vietnamese_errors_and_keeps_what_was_typed(client_a):
    response = client_a.post(reverse("records:create", args=["delegations"]), {**NEW, "end_date": "01/05/2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert ERROR_END_BEFORE_START in page
    assert 'value="KOICA"' in page and 'value="05/05/2026"' in page
    assert not Delegation.objects.exists()


def test_every_register_has_a_working_list_and_form(client_a):
    for record_type in RECORD_TYPES:
        assert client_a.get(reverse("records:list", args=[record_type.code])).status_code == 200
        assert client_a.get(reverse("records:create", args=[record_type.code])).status_code == 200


def test_the_list_is_filtered_by_period(client_a, commune_a):
    delegation(commune_a, partner="Đoàn năm 2025", start_date="2025-07-01")
    delegation(commune_a, partner="Đoàn 2026", start_date="2026-03-12")
    url = reverse("records:list", args=["delegations"])
    assert "Đoàn 2026" in client_a.get(url + "?ky=2026H1").content.decode()
    assert "Đoàn năm 2025" not in client_a.get(url + "?ky=2026H1").content.decode()
    both = client_a.get(url + "?ky=tat-ca").content.decode()
    assert "Đoàn năm 2025" in both and "Đoàn 2026" in both


def test_editing_changes_the_record(client_a, commune_a):
    record = delegation(commune_a)
    url = reverse("records:edit", args=["delegations", record.pk])
    response = client_a.post(url, {**NEW, "partner": "WVI Việt Nam"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.partner == "WVI Việt Nam"


def test_deleting_asks_first_then_keeps_history(client_a, commune_a):
    record = delegation(commune_a)
    url = reverse("records:delete", args=["delegations", record.pk])
    assert client_a.get(url).status_code == 200
    assert Delegation.objects.exists()
    client_a.post(url)
    assert not Delegation.objects.exists()
    assert Delegation.history.filter(id=record.pk, history_type="-").exists()


@pytest.mark.parametrize("name", ["edit", "delete"])
def test_it_hides_other_communes_records(client_b, commune_a, name):
    record = delegation(commune_a)
    assert client_b.get(reverse(f"records:{name}", args=["delegations", record.pk])).status_code == 404
    assert client_b.post(reverse(f"records:{name}", args=["delegations", record.pk]), NEW).status_code == 404
    record.refresh_from_db()
    assert record.partner != "KOICA"


def test_another_communes_list_never_shows_a_record(client_b, commune_a):
    delegation(commune_a, partner="Bí mật của Minh Long")
    page = client_b.get(reverse("records:list", args=["delegations"]) + "?ky=tat-ca").content.decode()
    assert "Bí mật của Minh Long" not in page


@pytest.mark.parametrize("who", ["province_officer", "other_province_officer", "administrator"])
def test_province_people_never_see_commune_records(request, commune_a, who):
    client = client_for(request.getfixturevalue(who))
    record = delegation(commune_a)
    assert client.get(reverse("records:list", args=["delegations"])).status_code == 404
    assert client.get(reverse("records:edit", args=["delegations", record.pk])).status_code == 404
    assert client.get(reverse("records:export", args=["delegations"])).status_code == 404


def test_an_unknown_register_is_404(client_a):
    assert client_a.get("/records/bang-khong-co/").status_code == 404


def test_pages_need_a_login(client, commune_a):
    response = client.get(reverse("records:list", args=["delegations"]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_new_record_page_says_new_and_offers_an_attachment(client_a):
    page = client_a.get(reverse("records:create", args=["delegations"])).content.decode()
    assert "Ghi mới: đoàn ra, đoàn vào" in page and 'type="file"' in page
