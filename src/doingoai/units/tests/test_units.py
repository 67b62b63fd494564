import pytest

from doingoai.units.models import Unit
from doingoai.units.services import unit_resolve, unit_search, units_sync

pytestmark = pytest.mark.django_db


def test_migrations_load_every_province_and_commune(units):
    assert Unit.objects.filter(level="tinh").count() == 34
    communes = Unit.objects.exclude(level="tinh")
    assert communes.count() == 3321
    assert communes.filter(level="xa").count() == 2621
    assert communes.filter(level="phuong").count() == 687
    assert communes.filter(level="dac_khu").count() == 13


def test_sync_is_idempotent(units):
    result = units_sync()
    assert (result.provinces, result.communes, result.created, result.updated) == (34, 3321, 0, 0)


def test_names_carry_no_doubled_spaces(units):
    assert not Unit.objects.filter(name__contains="  ").exists()


def test_search_without_diacritics_finds_duc_pho(units):
    results = unit_search(query="duc pho")
    assert results[0].name == "Phường Đức Phổ"
    assert results[0].code == 21439


def test_search_ranks_results_that_match_the_typed_diacritics_first(units):
    results = unit_search(query="Đức Phổ")
    assert results[0].name == "Phường Đức Phổ"
    typed = unit_search(query="Long", level="commune", limit=50)
    assert all("long" in u.name.lower() for u in typed[:5])


def test_search_can_be_limited_to_a_province(units, province):
    results = unit_search(query="minh", province=province, limit=50)
    assert results and all(u.province_id == province.pk for u in results)
    assert "Xã Minh Long" in [u.name for u in results]


def test_a_pre_2025_commune_resolves_to_its_current_unit(units):
    unit = unit_resolve(address="xã Bộc Nhiêu, huyện Định Hóa, Thái Nguyên")
    assert unit.code == 5581 and unit.name == "Xã Trung Hội"
    assert unit.province.name == "Thái Nguyên"


def test_a_current_name_resolves_directly(units):
    assert unit_resolve(address="Phường Đức Phổ, tỉnh Quảng Ngãi").code == 21439


def test_an_unknown_address_resolves_to_nothing(units):
    assert unit_resolve(address="xã Không Tồn Tại, huyện Hư Cấu, tỉnh Atlantis") is None


def test_a_province_has_official_names_and_a_receiver(units, province):
    assert province.official_name == "Tỉnh Quảng Ngãi"
    assert province.receiver == Unit.Receiver.FOREIGN_AFFAIRS_DEPARTMENT
    hai_phong = Unit.objects.get(level="tinh", code=31)
    assert hai_phong.official_name == "Thành phố Hải Phòng" and hai_phong.is_city


def test_the_search_page_answers_htmx_with_a_fragment(client_a):
    full = client_a.get("/units/?q=duc pho").content.decode()
    assert "<html" in full and "Phường Đức Phổ" in full
    fragment = client_a.get("/units/?q=duc pho", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and "21439" in fragment
