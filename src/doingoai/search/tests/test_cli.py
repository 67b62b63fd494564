import json

import pytest
from click.testing import CliRunner

from doingoai.cli import main
from doingoai.lib.catalogues import SECTIONS_BY_CODE

pytestmark = pytest.mark.django_db


def run(*args):
    return CliRunner().invoke(main, ["search", *args])


def test_it_searches_as_a_user_sees_with_hits_in_brackets(draft_a, sent_b, officer_a):
    result = run("vien", "tro", "WWF", "--user", "hoa")
    assert result.exit_code == 0, result.output
    assert "1 mục báo cáo có “vien tro WWF”." in result.output
    assert "Xã Minh Long (Quảng Ngãi) · 6 tháng đầu năm 2026 · Đang soạn" in result.output
    assert "[viện] [trợ] của Quỹ Quốc tế Bảo vệ Thiên nhiên ([WWF])" in result.output
    assert "Phường Đức Phổ" not in result.output


def test_without_a_user_it_searches_every_report(draft_a, sent_b, sent_other):
    data = json.loads(run("WWF", "--json").output)
    assert data["total"] == 3
    assert {hit["unit"]["code"] for hit in data["hits"]} == {21361, 21439, 5581}


def test_json_with_filters(sent_b, province_report, province_officer):
    result = run("WWF", "--user", "lan", "--unit", "tinh:51", "--period", "2025", "--section", "ngo_aid", "--json")
    data = json.loads(result.output)
    assert data["total"] == 1
    hit = data["hits"][0]
    assert hit["unit"]["name"] == "Quảng Ngãi" and hit["period_label"] == "Năm 2025"
    assert hit["section"] == {"code": "ngo_aid", "label": SECTIONS_BY_CODE["ngo_aid"].label}
    assert "<mark>WWF</mark>" in hit["snippet_html"] and "WVI, KOICA, WWF" in hit["snippet"]


def test_bad_input_fails_with_a_vietnamese_message(officer_a):
    assert "Hãy gõ từ cần tìm" in run("--user", "hoa").output
    assert run("a").exit_code == 1
    assert "Không có tài khoản ai_do" in run("WWF", "--user", "ai_do").output
    assert "Không có đơn vị mã 21439 trong phạm vi" in run("WWF", "--user", "hoa", "--unit", "21439").output
    assert "Mục báo cáo không có trong danh mục" in run("WWF", "--section", "x").output
    wrong = run("WWF", "--period", "2026H5")
    assert wrong.exit_code == 2 and "Kỳ báo cáo không hợp lệ" in wrong.output


def test_reindex_rebuilds_the_index(draft_a):
    from django.db import connection

    from doingoai.search import index

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {index.SQLITE_TABLE}")
        else:
            cursor.execute(f"DELETE FROM {index.PG_TABLE}")
    assert json.loads(run("WWF", "--json").output)["total"] == 0
    assert "Đã dựng lại chỉ mục tìm kiếm." in run("--reindex").output
    assert json.loads(run("WWF", "--json").output)["total"] == 1
