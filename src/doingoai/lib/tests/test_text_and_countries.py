from doingoai.lib.countries import country_choices, country_lookup, country_name
from doingoai.lib.text import fold, squash


def test_fold_strips_diacritics_and_maps_d_with_stroke():
    assert fold("Phường Đức Phổ") == "phuong duc pho"
    assert fold("  Xã   Minh  Long ") == "xa minh long"


def test_squash_keeps_diacritics():
    assert squash("Phường  An  Nhơn") == "Phường An Nhơn"


def test_countries_carry_vietnamese_names():
    names = dict(country_choices())
    assert names["US"] == "Hoa Kỳ" and names["KR"] == "Hàn Quốc" and names["LA"] == "Lào"
    assert "VN" not in names and "EU" not in names
    assert len(names) > 190


def test_a_typed_country_is_found_by_name_alias_or_code():
    assert country_lookup("hoa ky") == "US"
    assert country_lookup("Úc") == "AU"
    assert country_lookup("jp") == "JP"
    assert country_lookup("Atlantis") is None
    assert country_name("JP") == "Nhật Bản"


def test_a_choice_is_found_by_code_or_label_with_or_without_diacritics():
    from doingoai.lib.text import choice_lookup

    choices = [("out", "Đoàn ra"), ("in", "Đoàn vào")]
    assert choice_lookup("Đoàn vào", choices) == "in"
    assert choice_lookup("doan ra", choices) == "out"
    assert choice_lookup("OUT", choices) == "out"
    assert choice_lookup("Đoàn bay", choices) is None
