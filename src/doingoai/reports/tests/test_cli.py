import json

import pytest
from click.testing import CliRunner

from doingoai.cli import main
from doingoai.lib.nd30 import check_docx
from doingoai.reports.models import Report
from doingoai.reports.services.contract import report_to_contract

from .factories import composed

pytestmark = pytest.mark.django_db


def test_report_compose_creates_the_draft_and_says_what_it_did(commune_a):
    result = CliRunner().invoke(main, ["report", "compose", "--unit", "21361", "--period", "2026H1"])
    assert result.exit_code == 0, result.output
    report = Report.objects.get(unit=commune_a, period="2026H1")
    assert f"Đã soạn báo cáo #{report.pk}: Xã Minh Long, 6 tháng đầu năm 2026" in result.output
    again = CliRunner().invoke(main, ["report", "compose", "--unit", "21361", "--period", "2026H1"])
    assert "Đã soạn lại" in again.output


def test_report_compose_prints_the_contract_as_json(commune_a):
    result = CliRunner().invoke(main, ["report", "compose", "--unit", "21361", "--period", "2025", "--json"])
    data = json.loads(result.output)
    assert data["meta"]["unit_name"] == "Xã Minh Long" and data["meta"]["period"]["kind"] == "year"


def test_report_compose_refuses_a_wrong_unit_or_period(units):
    assert (
        "Không có xã, phường mã 1"
        in CliRunner().invoke(main, ["report", "compose", "--unit", "1", "--period", "2026H1"]).output
    )
    wrong = CliRunner().invoke(main, ["report", "compose", "--unit", "21361", "--period", "2026H9"])
    assert wrong.exit_code == 2 and "Kỳ báo cáo không hợp lệ" in wrong.output  # a usage error, as click reports them


def test_report_render_writes_a_docx_that_passes_the_checker(tmp_path, commune_a):
    composed(commune_a)
    out = tmp_path / "bao-cao.docx"
    result = CliRunner().invoke(main, ["report", "render", "--unit", "21361", "--period", "2026H1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi" in result.output and check_docx(out.read_bytes()) == []


def test_report_render_without_a_report_says_how_to_make_one(tmp_path, units):
    result = CliRunner().invoke(
        main, ["report", "render", "--unit", "21361", "--period", "2026H1", "-o", str(tmp_path / "x.docx")]
    )
    assert result.exit_code == 1 and "doingoai report compose --unit 21361 --period 2026H1" in result.output


def test_render_lays_out_a_json_contract(tmp_path, commune_a):
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report_to_contract(composed(commune_a)), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(main, ["render", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert check_docx(out.read_bytes()) == []
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    failed = CliRunner().invoke(main, ["render", str(broken), "-o", str(out)])
    assert failed.exit_code == 1 and "Không đọc được tệp báo cáo JSON" in failed.output


def test_the_demo_has_a_request_and_minh_longs_draft(units):
    from doingoai.demo import REQUEST_NUMBER, demo_load
    from doingoai.reports.models import ReportRequest

    demo_load()
    demo_load()
    request = ReportRequest.objects.get(number=REQUEST_NUMBER)
    report = Report.objects.get(unit__code=21361, period="2026H1")
    assert request.period == "2026H1" and report.request == request and report.status == Report.Status.DRAFT
    assert "annex" in report.meta and Report.objects.count() == 1
