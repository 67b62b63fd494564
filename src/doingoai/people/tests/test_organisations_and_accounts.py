import pytest
from django.core.exceptions import ValidationError

from doingoai.people.models import Organisation, User
from doingoai.people.services import (
    ERROR_LEADER_POSITION,
    ERROR_ROLE_LEVEL,
    accounts_import,
    accounts_move,
    organisation_for_unit,
    province_set_receiver,
    token_authenticate,
    token_create,
    token_revoke,
    user_create,
)
from doingoai.units.models import Unit

pytestmark = pytest.mark.django_db


def test_a_commune_is_served_by_its_peoples_committee(commune_b):
    organisation = organisation_for_unit(unit=commune_b)
    assert organisation.kind == Organisation.Kind.COMMUNE_COMMITTEE
    assert organisation.name == "Ủy ban nhân dân phường Đức Phổ"
    assert organisation.header_name == "ỦY BAN NHÂN DÂN\nPHƯỜNG ĐỨC PHỔ"
    assert organisation.header_parent == ""
    assert organisation.symbol == "UBND"


def test_a_province_receives_through_its_foreign_affairs_department_with_its_parent_line(province):
    organisation = organisation_for_unit(unit=province)
    assert organisation.kind == Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT
    assert organisation.header_parent == "UBND TỈNH QUẢNG NGÃI"
    assert organisation.header_name == "SỞ NGOẠI VỤ"
    assert organisation.name == "Sở Ngoại vụ tỉnh Quảng Ngãi"


def test_a_province_without_a_department_receives_through_its_office(units):
    hai_phong = Unit.objects.get(level="tinh", code=31)
    province_set_receiver(province=hai_phong, receiver=Unit.Receiver.PROVINCIAL_OFFICE)
    organisation = organisation_for_unit(unit=hai_phong)
    assert organisation.kind == Organisation.Kind.PROVINCIAL_OFFICE
    assert organisation.header_parent == "UBND THÀNH PHỐ HẢI PHÒNG"
    assert organisation.name == "Văn phòng Ủy ban nhân dân thành phố Hải Phòng"


def test_a_commune_role_needs_a_commune_organisation(province, commune_a):
    with pytest.raises(ValidationError) as error:
        user_create(
            username="x1",
            password="Mat-khau-2026",
            organisation=organisation_for_unit(unit=province),
            role="commune_officer",
        )
    assert ERROR_ROLE_LEVEL in error.value.messages
    with pytest.raises(ValidationError) as error:
        user_create(
            username="x2",
            password="Mat-khau-2026",
            organisation=organisation_for_unit(unit=commune_a),
            role="commune_leader",
        )
    assert ERROR_LEADER_POSITION in error.value.messages


def test_weak_passwords_are_refused(commune_a):
    for weak in ("12345678901", "matkhaumatkhau", "abc1"):
        with pytest.raises(ValidationError):
            user_create(
                username="weak",
                password=weak,
                organisation=organisation_for_unit(unit=commune_a),
                role="commune_officer",
            )
    assert not User.objects.filter(username="weak").exists()


def _row(n, **values):
    base = {"username": f"user{n}", "full_name": "Người Thử", "role": "Cán bộ xã", "unit_code": "21361"}
    return (n, {**base, **values})


def test_accounts_import_creates_every_row_with_generated_passwords(commune_a, province):
    result = accounts_import(
        rows=[
            _row(2),
            _row(3, role="Lãnh đạo xã", position="Phó Chủ tịch"),
            _row(4, role="Cán bộ tỉnh", unit_code="51"),
        ]
    )
    assert result.ok, result.errors
    assert [a.username for a in result.created] == ["user2", "user3", "user4"]
    leader = User.objects.get(username="user3")
    assert leader.position == User.Position.VICE_CHAIR and leader.unit == commune_a
    assert User.objects.get(username="user4").organisation.kind == Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT
    assert leader.check_password(result.created[1].password)


def test_accounts_import_creates_nothing_when_one_row_is_wrong(commune_a):
    result = accounts_import(rows=[_row(2), _row(3, unit_code="99999"), _row(4, role="Giám đốc")])
    assert not result.ok
    assert [row for row, _ in result.errors] == [3, 4]
    assert not User.objects.filter(username__startswith="user").exists()


def test_accounts_import_refuses_units_outside_the_administrators_province(other_province, province):
    result = accounts_import(rows=[_row(2, unit_code="5581")], scope=province)
    assert not result.ok


def test_moving_accounts_when_communes_merge(officer_a, leader_a, commune_b):
    moved = accounts_move(source=officer_a.unit, target=commune_b)
    assert moved == 2
    officer_a.refresh_from_db()
    assert officer_a.unit == commune_b
    assert not Organisation.objects.get(unit__code=21361, kind="ubnd_xa").is_active


def test_a_token_authenticates_until_it_is_revoked(officer_a):
    token, raw = token_create(user=officer_a, name="phần mềm văn phòng")
    assert raw.startswith("dng_") and token.key_hash != raw
    assert token_authenticate(raw) == officer_a
    assert token_authenticate(raw + "x") is None
    token_revoke(token=token, by=officer_a)
    assert token_authenticate(raw) is None


def test_an_inactive_users_token_is_refused(officer_a):
    _, raw = token_create(user=officer_a)
    officer_a.is_active = False
    officer_a.save()
    assert token_authenticate(raw) is None
