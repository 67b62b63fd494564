"""``doingoai render`` and ``doingoai check-format`` as plain functions and click commands."""

import json

import docx
from click.testing import CliRunner
from docx.shared import Mm

from doingoai.lib.nd30 import check_docx
from doingoai.lib.nd30.cli import check_command, render_command, render_report_file
from doingoai.lib.nd30.pdf import soffice_path

from .conftest import skip_or_fail
from .factories import minimal_report


def _report_file(tmp_path, report=None):
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report or minimal_report(), ensure_ascii=False), encoding="utf-8")
    return path


def test_render_report_file_writes_a_clean_docx(tmp_path):
    out = tmp_path / "out.docx"
    findings = render_report_file(_report_file(tmp_path), out)
    assert findings == [] and check_docx(out.read_bytes()) == []


def test_render_command_writes_the_docx_and_says_so(tmp_path):
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(render_command, [str(_report_file(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Đã ghi" in result.output and out.exists()


def test_render_command_takes_the_annex_from_the_json(tmp_path):
    report = minimal_report()
    report["annex"] = {"rows": [{"donor": "WWF", "cash_vnd": 0}]}
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(render_command, [str(_report_file(tmp_path, report)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).tables[-1].rows[2].cells[1].text == "WWF"


def test_render_command_with_pdf(tmp_path):
    if not soffice_path():
        skip_or_fail("LibreOffice (soffice) is not installed")
    out, pdf = tmp_path / "out.docx", tmp_path / "out.pdf"
    result = CliRunner().invoke(render_command, [str(_report_file(tmp_path)), "-o", str(out), "--pdf", str(pdf)])
    assert result.exit_code == 0, result.output
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_render_command_rejects_a_broken_json_file_in_vietnamese(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{ not json", encoding="utf-8")
    result = CliRunner().invoke(render_command, [str(path), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 1 and "Không đọc được tệp báo cáo JSON" in result.output


def test_check_command_exits_non_zero_on_errors(tmp_path):
    good = tmp_path / "good.docx"
    render_report_file(_report_file(tmp_path), good)
    assert CliRunner().invoke(check_command, [str(good)]).exit_code == 0
    document = docx.Document(str(good))
    document.sections[0].left_margin = Mm(20)
    bad = tmp_path / "bad.docx"
    document.save(str(bad))
    result = CliRunner().invoke(check_command, [str(bad)])
    assert result.exit_code == 1 and "[P4]" in result.output
