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


def test_units_come_from_vietnamadminunits_with_its_codes(units):
    from doingoai.lib.adminunits import current_wards

    wards = {w.code: w.name for w in current_wards()}
    communes = dict(Unit.objects.exclude(level="tinh").values_list("code", "name"))
    assert communes == wards
    # Codes on which vietnam-provinces, the old source, differed (Cửa Nam was 73, Kim Liên 226).
    assert Unit.objects.get(code=82, level="phuong").name == "Phường Cửa Nam"
    assert Unit.objects.get(code=229).name == "Phường Kim Liên"
    assert Unit.objects.get(code=226).name == "Phường Văn Miếu - Quốc Tử Giám"


def test_the_level_comes_from_the_official_name_where_the_package_type_column_disagrees(units):
    assert Unit.objects.get(code=10543).level == Unit.Level.WARD  # Phường Việt Hòa, typed "Xã" in the package
    assert Unit.objects.get(code=11848).level == Unit.Level.COMMUNE  # Xã Vĩnh Hòa, typed "Phường"


def test_old_addresses_resolve_to_the_units_the_converter_names(units):
    assert unit_resolve(address="phường Văn Miếu, quận Đống Đa, Hà Nội").name == "Phường Văn Miếu - Quốc Tử Giám"
    assert unit_resolve(address="Phường Kim Liên, Hà Nội").code == 229


def test_a_commune_loaded_under_an_old_code_keeps_its_row_and_takes_the_new_code(units):
    """Databases loaded from vietnam-provinces: two communes swapped codes, one was spelt the old way."""
    van_mieu, kim_lien = Unit.objects.get(code=226), Unit.objects.get(code=229)
    Unit.objects.filter(pk=van_mieu.pk).update(code=196)
    Unit.objects.filter(pk=kim_lien.pk).update(code=226)
    Unit.objects.filter(code=20137).update(code=20152, name="Xã Chân Mây – Lăng Cô")
    Unit.objects.filter(code=2143).update(name="Xã Văn Lăng")  # a spelling that is another commune's name
    result = units_sync()
    assert (result.recoded, result.created, result.updated) == (3, 0, 4)
    assert Unit.objects.get(pk=van_mieu.pk).code == 226 and Unit.objects.get(pk=kim_lien.pk).code == 229
    assert Unit.objects.get(code=20137).name == "Xã Chân Mây - Lăng Cô"
    assert Unit.objects.get(code=2143).name == "Xã Văn Lang" and Unit.objects.get(code=5665).name == "Xã Văn Lăng"
    change = Unit.history.filter(id=kim_lien.pk).latest()
    assert (change.code, change.history_type, change.history_change_reason) == (229, "~", "vietnamadminunits 1.0.4")
    assert units_sync().updated == 0


def test_a_commune_the_package_no_longer_lists_is_kept_inactive(units):
    gone = Unit.objects.create(
        code=99001,
        level="xa",
        name="Xã Đã Sáp Nhập",
        short_name="Đã Sáp Nhập",
        province=Unit.objects.get(level="tinh", code=51),
    )
    units_sync()
    gone.refresh_from_db()
    assert not gone.is_active and Unit.history.filter(id=gone.pk).latest().is_active is False
    assert not unit_search(query="da sap nhap")
