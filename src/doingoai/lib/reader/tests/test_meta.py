"""Metadata: unit, ward code, number, place and date, period, request, signer, recipients."""

from doingoai.lib.reader import read_text


def _meta(text: str) -> dict:
    return read_text(text, source="m.txt")["meta"]


REPORT = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG KIM TRÀ Độc lập - Tự do - Hạnh phúc
Số: {number}
Kim Trà, ngày {day} tháng 5 năm 2026
BÁO CÁO
Hoạt động công tác đối ngoại 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2026
Thực hiện Công văn số 1148/SNgV-VP, ngày 13/5/2026 của Sở Ngoại vụ về việc báo cáo, UBND phường Kim Trà báo cáo:
I. TÌNH HÌNH CHUNG
Ổn định.
Trên đây là báo cáo của UBND phường Kim Trà./.
Nơi nhận:
- Sở Ngoại vụ thành phố Huế; (để B/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Mai Văn Xuân
"""


def test_a_flattened_letterhead_gives_the_unit_its_level_province_and_ward_code():
    meta = _meta(REPORT.format(number="1732/BC-UBND", day="21"))
    assert (meta["unit_name"], meta["unit_level"], meta["province"], meta["ward_code"]) == (
        "Phường Kim Trà",
        "phuong",
        "Thành phố Huế",
        20017,
    )


def test_number_with_spaces_is_compacted_and_a_blank_number_or_day_is_null():
    assert _meta(REPORT.format(number="12 /BC-UBND", day="21"))["doc_number"] == "12/BC-UBND"
    meta = _meta(REPORT.format(number="      /BC-UBND", day="    "))
    assert meta["doc_number"] is None
    assert meta["issued_date"] is None
    assert meta["issued_place"] == "Kim Trà"


def test_place_date_period_and_request_are_read():
    meta = _meta(REPORT.format(number="1732/BC-UBND", day="21"))
    assert meta["issued_date"] == "2026-05-21"
    assert meta["period"] == {"kind": "half", "year": 2026, "index": 1}
    assert meta["request"] == {"number": "1148/SNgV-VP", "date": "2026-05-13", "issuer": "Sở Ngoại vụ"}


def test_the_innermost_authority_and_the_next_title_make_the_signer():
    meta = _meta(REPORT.format(number="1732/BC-UBND", day="21"))
    assert meta["signer"] == {"name": "Mai Văn Xuân", "title": "Phó Chủ tịch", "authority": "KT"}
    assert meta["recipients"] == ["Sở Ngoại vụ thành phố Huế; (để B/c)", "Lưu: VT."]


def test_a_pre_2025_commune_resolves_to_todays_unit_through_its_district():
    text = """Số: /BC-UBND
Bộc Nhiêu, ngày tháng 11 năm 2024
BÁO CÁO
Kết quả công tác đối ngoại năm 2024; phương hướng nhiệm vụ năm 2025
Thực hiện Công văn số 7253/UBND-VP, ngày 8/11/2024 của UBND huyện Định Hoá về việc báo cáo.
I. ĐẶC ĐIỂM TÌNH HÌNH
Bộc Nhiêu là xã nằm ở phía nam huyện Định Hóa, tỉnh Thái Nguyên.
Trên đây là Báo cáo của UBND xã Bộc Nhiêu./.
"""
    meta = _meta(text)
    assert (meta["unit_name"], meta["province"], meta["ward_code"]) == ("Xã Bộc Nhiêu", "Thái Nguyên", 5581)
    assert meta["request"]["issuer"] == "UBND huyện Định Hoá"


def test_a_merged_province_is_named_by_its_successor():
    text = """ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH DƯƠNG\tĐộc lập - Tự do - Hạnh phúc
Số: 09/2009/CT-UBND\tThủ Dầu Một, ngày 15  tháng 4  năm 2009
CHỈ THỊ
Về việc đẩy mạnh hoạt động khoa học và công nghệ cấp cơ sở
1. Tổ chức triển khai.
"""
    meta = _meta(text)
    assert (meta["unit_name"], meta["province"], meta["doc_number"], meta["issued_date"]) == (
        "Tỉnh Bình Dương",
        "Thành phố Hồ Chí Minh",
        "09/2009/CT-UBND",
        "2009-04-15",
    )
    assert meta["summary"] == "Về việc đẩy mạnh hoạt động khoa học và công nghệ cấp cơ sở"
