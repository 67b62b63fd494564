import pytest
from django.urls import reverse

from doingoai.audit.services import audit_entries
from doingoai.testing import client_for

NEW = {"direction": "in", "origin": "foreign", "partner": "KOICA", "country": "KR", "start_date": "05/05/2026"}

pytestmark = pytest.mark.django_db


def test_every_change_is_recorded_with_who_and_what(client_a, officer_a, leader_a):
    client_a.post(reverse("records:create", args=["delegations"]), NEW)
    from doingoai.records.models import Delegation

    record = Delegation.objects.get()
    client_a.post(reverse("records:edit", args=["delegations", record.pk]), {**NEW, "partner": "KOICA Việt Nam"})
    client_a.post(reverse("records:delete", args=["delegations", record.pk]))
    entries = [e for e in audit_entries(user=leader_a) if e.kind == "Đoàn ra, đoàn vào"]
    assert [e.action for e in entries] == ["Xóa", "Sửa", "Tạo mới"]
    assert {e.who for e in entries} == {"Nguyễn Thị Hoa"}
    change = entries[1].changes[0]
    assert (change.field, change.old, change.new) == ("Cơ quan, tổ chức", "KOICA", "KOICA Việt Nam")


def test_the_leader_reads_the_log_page_and_the_officer_cannot(client_a, leader_a):
    client_a.post(reverse("records:create", args=["delegations"]), NEW)
    page = client_for(leader_a).get(reverse("audit:log")).content.decode()
    assert "KOICA" in page and "Nguyễn Thị Hoa" in page
    assert client_a.get(reverse("audit:log")).status_code == 404


def test_it_hides_other_communes_history(client_a, leader_b):
    client_a.post(reverse("records:create", args=["delegations"]), NEW)
    assert not [e for e in audit_entries(user=leader_b) if "KOICA" in e.subject]
    assert "KOICA" not in client_for(leader_b).get(reverse("audit:log")).content.decode()


def test_the_administrator_sees_the_whole_province_and_nothing_else(client_a, administrator, other_province_officer):
    client_a.post(reverse("records:create", args=["delegations"]), NEW)
    assert [e for e in audit_entries(user=administrator) if "KOICA" in e.subject]
    assert audit_entries(user=other_province_officer) == []


def test_account_changes_are_audited_without_passwords(officer_a, administrator):
    officer_a.full_name = "Nguyễn Thị Hoà"
    officer_a._history_user = administrator
    officer_a.save()
    entries = [e for e in audit_entries(user=administrator) if e.kind == "Tài khoản" and e.action == "Sửa"]
    assert entries and entries[0].who == "Phạm Văn Minh"
    assert all(
        "password" not in c.field.lower() and "mật khẩu" not in c.field.lower() for e in entries for c in e.changes
    )
