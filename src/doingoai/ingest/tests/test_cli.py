import json

import pytest
from click.testing import CliRunner

from doingoai.cli import main
from doingoai.ingest.models import Correction, Document
from doingoai.ingest.services.placing import fact_correct
from doingoai.lib.reader.errors import ERROR_CORRUPT_DOCX
from doingoai.reports.models import Report

from .conftest import corrupt_docx, report_text


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_json_prints_one_contract_per_seed(seeds_dir):
    seeds = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    result = run("ingest", *seeds, "--json")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    contracts = [json.loads(line) for line in lines]
    assert [c["source"] for c in contracts] == [p.rsplit("/", 1)[1] for p in seeds]
    assert all({"source", "meta", "sections", "facts"} <= set(c) for c in contracts)
    assert contracts[2]["meta"]["ward_code"] == 11140


def test_a_single_file_prints_one_object(tmp_path):
    path = tmp_path / "minh-long.txt"
    path.write_bytes(report_text())
    result = run("ingest", str(path))
    assert result.exit_code == 0 and json.loads(result.stdout)["meta"]["ward_code"] == 21361


def test_an_unreadable_file_is_reported_on_stderr_and_the_others_still_print(tmp_path):
    (tmp_path / "a.txt").write_bytes(report_text())
    (tmp_path / "hong.docx").write_bytes(corrupt_docx())
    (tmp_path / "b.txt").write_bytes(report_text(name="Đức Phổ", level="phường"))
    result = run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "hong.docx"), str(tmp_path / "b.txt"), "--json")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    assert f"hong.docx: {ERROR_CORRUPT_DOCX}" in result.stderr


@pytest.mark.django_db
def test_save_stores_reports_keeps_the_unassigned_and_reports_period_differences(tmp_path, commune_a, province_officer):
    folder = tmp_path / "luu-tru"
    folder.mkdir()
    (folder / "minh-long.txt").write_bytes(report_text(year=2024))
    (folder / "khong-ky.txt").write_bytes(
        b"\n".join(
            line for line in report_text(name="Đức Phổ", level="phường").split(b"\n") if "năm 20".encode() not in line
        )
    )
    (folder / "huyen.txt").write_bytes(report_text(name="Định Hóa", level="huyện", province="Thái Nguyên"))
    (folder / "hong.docx").write_bytes(corrupt_docx())
    result = run("ingest", str(folder), "--save", "--period", "2025")
    assert result.exit_code == 1  # one file could not be read
    assert f"hong.docx: {ERROR_CORRUPT_DOCX}" in result.stderr
    out = result.stdout
    assert "Đã đọc\tminh-long.txt\tXã Minh Long, năm 2024" in out
    assert "Văn bản ghi Năm 2024, khác kỳ đã chọn (Năm 2025): đã lưu theo kỳ của văn bản." in out
    assert "Đã đọc\tkhong-ky.txt\tPhường Đức Phổ, năm 2025" in out
    assert "Chưa xác định đơn vị hoặc kỳ\thuyen.txt\tCHƯA GÁN ĐƠN VỊ, năm 2025" in out
    assert "Đã đọc 3/4 tệp; 1 văn bản chờ cán bộ gán đơn vị, kỳ" in out
    # An archive import counts at once: placed reports are confirmed; the unplaced one waits for an officer.
    reports = Report.objects.filter(origin=Report.Origin.INGESTED)
    assert sorted((r.unit.name if r.unit else "", r.period, r.status) for r in reports) == [
        ("", "2025", Report.Status.READ),
        ("Phường Đức Phổ", "2025", Report.Status.CONFIRMED),
        ("Xã Minh Long", "2024", Report.Status.CONFIRMED),
    ]
    assert "báo cáo #" in out and "\tđã xác nhận" in out
    huyen = Document.objects.get(original_name="huyen.txt")
    assert huyen.owner_unit.name == "Thái Nguyên"  # its province's officers will place it
    assert not run("ingest", str(folder / "minh-long.txt"), "--save", "--period", "nam-ngoai").exit_code == 0


@pytest.mark.django_db
def test_save_for_an_account_puts_the_documents_in_its_scope(tmp_path, officer_a):
    (tmp_path / "a.txt").write_bytes(report_text())
    result = run("ingest", str(tmp_path / "a.txt"), "--save", "--by", "hoa")
    assert result.exit_code == 0
    document = Document.objects.get()
    assert document.owner_unit == officer_a.unit and document.uploaded_by == officer_a
    assert run("ingest", str(tmp_path / "a.txt"), "--save", "--by", "khong-co").exit_code == 1


@pytest.mark.django_db
def test_save_with_review_leaves_the_reports_for_an_officer_to_confirm(tmp_path, officer_a):
    (tmp_path / "a.txt").write_bytes(report_text())
    assert run("ingest", str(tmp_path / "a.txt"), "--save", "--review", "--period", "2025").exit_code == 0
    assert Report.objects.get().status == Report.Status.READ


@pytest.mark.django_db
def test_corrections_are_exported_as_json_lines(tmp_path, province_officer):
    (tmp_path / "a.txt").write_bytes(report_text())
    run("ingest", str(tmp_path / "a.txt"), "--save", "--review", "--by", "lan")
    fact_correct(document=Document.objects.get(), indicator="foreigners_resident", value=7, by=province_officer)
    out = tmp_path / "corrections.jsonl"
    result = run("ingest", "corrections", "--out", str(out))
    assert result.exit_code == 0 and "Đã xuất 1 lần sửa." in result.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["new"] == 7 and Correction.objects.count() == 1
