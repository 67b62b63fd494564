"""`doingoai consolidate` and /api/v1/consolidation: the same sums, scoped, with Vietnamese errors."""

import io
import json
import shutil

import pytest
from click.testing import CliRunner
from django.test import Client
from openpyxl import load_workbook

from doingoai.cli import main
from doingoai.consolidation.services.exports import NAMED_SHEET
from doingoai.consolidation.services.totals import ERROR_UNKNOWN_PROVINCE
from doingoai.people.services import token_create
from doingoai.reports.models import Report
from doingoai.reports.tests.factories import a_request
from doingoai.units.models import Unit

from .factories import stated

pytestmark = pytest.mark.django_db
QUANG_NGAI_2025 = ("000_fd45449a68619c34", "001_4af8c9c1ed778e54")  # Phường Đức Phổ and Xã Minh Long


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def api(user):
    _, raw = token_create(user=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_the_two_quang_ngai_seeds_of_2025_sum_to_their_facts(seeds_dir, tmp_path, province):
    folder = tmp_path / "luu-tru"
    folder.mkdir()
    for name in QUANG_NGAI_2025:
        shutil.copy(seeds_dir / f"{name}.txt", folder)
    assert run("ingest", str(folder), "--save", "--period", "2025").exit_code == 0
    result = run("consolidate", "--province", "Quảng Ngãi", "--period", "2025", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    communes = Unit.objects.filter(province=province, is_active=True).count()
    assert data["province"] == {"code": 51, "name": "Quảng Ngãi"}
    assert data["completeness"] == {
        "communes": communes,
        "submitted": 2,
        "accepted": 0,
        "late": 0,
        "missing": data["completeness"]["missing"],
    }
    # The sums of the two gold files' facts; every other commune is "not reported".
    gold = {}
    for name in QUANG_NGAI_2025:
        facts = json.loads((seeds_dir / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        for fact in facts["facts"]:
            gold.setdefault(fact["indicator"], {})[str(facts["meta"]["ward_code"])] = fact["value"]
    for code, item in data["indicators"].items():
        by_unit = gold.get(code, {})
        assert item["by_unit"] == by_unit, code
        assert item["total"] == (sum(by_unit.values()) if by_unit else None), code
        assert item["reported"] == len(by_unit) and item["not_reported"] == communes - len(by_unit), code
    out = data["indicators"]["delegations_out"]
    assert (out["total"], out["reported"], out["zero"]) == (0, 2, 2)
    assert out["by_unit"] == {"21439": 0, "21361": 0}


def test_the_cli_writes_the_workbook_and_names_unknown_provinces_plainly(tmp_path, province, commune_a):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    out = tmp_path / "tong-hop.xlsx"
    assert run("consolidate", "--province", "51", "--period", "2026H1", "--xlsx", str(out)).exit_code == 0
    assert "Tổng hợp" in load_workbook(out).sheetnames
    refused = run("consolidate", "--province", "Atlantis", "--period", "2026H1")
    assert refused.exit_code == 1 and ERROR_UNKNOWN_PROVINCE.format(value="Atlantis") in refused.stderr
    wrong = run("consolidate", "--province", "51", "--period", "2026X9")
    assert wrong.exit_code != 0 and "Kỳ báo cáo không hợp lệ" in wrong.output
    unknown = run("consolidate", "--province", "51", "--period", "2026H1", "--request", "1/XX")
    assert unknown.exit_code == 1 and "không có văn bản đề nghị báo cáo số «1/XX»" in unknown.stderr


def test_the_cli_reads_a_request_and_prints_a_readable_summary(province, commune_a, commune_b):
    a_request(province, [commune_a], number="645/SNgV-HCTH")
    stated(commune_a, "2026H1", {"delegations_out": 2})
    stated(commune_b, "2026H1", {"delegations_out": 5})
    result = run("consolidate", "--province", "51", "--period", "2026H1", "--request", "645/SNgV-HCTH")
    assert result.exit_code == 0
    assert "đã tính 1/1 đơn vị" in result.stdout
    assert "Đoàn ra: 2 (1 có số liệu, 0 báo cáo 0, 0 không nêu" in result.stdout


def test_the_api_gives_the_province_officer_his_province(province_officer, province, commune_a):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    response = api(province_officer).get("/api/v1/consolidation", {"period": "2026H1"})
    assert response.status_code == 200
    assert response.json()["indicators"]["delegations_out"]["by_unit"] == {"21361": 2}
    workbook = api(province_officer).get("/api/v1/consolidation/xlsx", {"period": "2026H1"})
    assert workbook.status_code == 200 and workbook["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_hides_other_provinces_figures_and_all_sums_from_communes(
    other_province_officer, officer_a, province_officer, ministry_officer, commune_a
):
    stated(commune_a, "2026H1", {"delegations_out": 2})
    assert (
        api(other_province_officer).get("/api/v1/consolidation", {"period": "2026H1", "province": "51"}).status_code
        == 404
    )
    assert api(officer_a).get("/api/v1/consolidation", {"period": "2026H1"}).status_code == 404
    assert api(province_officer).get("/api/v1/consolidation", {"period": "2026H1", "province": "19"}).status_code == 404
    country = api(ministry_officer).get("/api/v1/consolidation", {"period": "2026H1"})
    assert country.status_code == 200 and country.json()["indicators"]["delegations_out"]["by_unit"] == {"51": 2}


def test_the_api_refuses_an_unknown_period_or_province_in_vietnamese(province_officer):
    wrong = api(province_officer).get("/api/v1/consolidation", {"period": "nam-ngoai"})
    assert wrong.status_code == 400 and "Kỳ báo cáo không hợp lệ" in wrong.json()["detail"]
    unknown = api(province_officer).get("/api/v1/consolidation", {"period": "2026H1", "province": "Atlantis"})
    assert unknown.status_code == 400 and unknown.json()["detail"] == ERROR_UNKNOWN_PROVINCE.format(value="Atlantis")


def test_the_workbook_keeps_blank_for_silence_and_0_for_zero_and_lists_what_reports_named(
    province, commune_a, commune_b, province_officer
):
    stated(
        commune_a,
        "2026H1",
        {"delegations_out": 0, "ngo_projects": 1},
        meta={
            "named": {
                "ngo_projects": [
                    {"donor": "WVI", "country": "Hoa Kỳ", "project": "Nước sạch", "cash_vnd": 850_000_000}
                ],
                "delegations": [{"direction": "in", "partner": "KOICA", "country": "Hàn Quốc", "start": "2026-03-12"}],
            }
        },
    )
    stated(
        commune_b,
        "2026H1",
        {"ngo_projects": 2},
        status=Report.Status.CONFIRMED,
        origin=Report.Origin.INGESTED,
    )
    data = api(province_officer).get("/api/v1/consolidation/xlsx", {"period": "2026H1"}).content
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["Công tác đoàn ra, đoàn vào"]
    assert sheet.freeze_panes == "C2"
    rows = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Xã Minh Long"][2] == 0  # a reported zero
    assert rows["Phường Đức Phổ"][2] is None  # silence: a blank cell
    assert rows["Tổng cộng"][2] == 0
    named = [row for row in workbook[NAMED_SHEET].iter_rows(min_row=2, values_only=True)]
    read, project, visit = named  # units in name order: Phường Đức Phổ, then Xã Minh Long
    assert read[:2] == ("Phường Đức Phổ", "Viện trợ PCPNN") and "ngo_projects" in read[4]  # the sentence read
    assert project[:5] == ("Xã Minh Long", "Viện trợ PCPNN", "WVI", "Hoa Kỳ", "Nước sạch") and project[6] == 850_000_000
    assert visit[:3] == ("Xã Minh Long", "Đoàn vào", "KOICA") and visit[5] == "12/03/2026"


def test_units_merge_moves_the_accounts_and_sends_the_reports_to_the_successor(
    province, commune_a, commune_b, officer_b
):
    stated(commune_b, "2026H1", {"delegations_out": 4})
    result = run("units", "merge", "--from", str(commune_b.code), "--into", str(commune_a.code))
    assert result.exit_code == 0 and "chuyển 1 tài khoản" in result.stdout
    officer_b.refresh_from_db()
    assert officer_b.unit == commune_a
    data = json.loads(run("consolidate", "--province", "51", "--period", "2026H1", "--json").stdout)
    assert data["indicators"]["delegations_out"]["by_unit"] == {"21361": 4}
    assert run("units", "merge", "--from", "21361", "--into", "21361").exit_code == 1
