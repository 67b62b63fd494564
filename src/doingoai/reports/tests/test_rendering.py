import datetime as dt
import io
import zipfile

import docx
import pytest

from doingoai.lib.nd30 import check_docx
from doingoai.lib.nd30.pdf import soffice_path
from doingoai.records.tests.factories import delegation, ngo_project
from doingoai.reports.models import Outline, RenderJob
from doingoai.reports.outlines import DEFAULT_ITEMS
from doingoai.reports.rendering import (
    ERROR_NOTHING_TO_RENDER,
    render_job_create,
    report_filename,
    report_render_contract,
    report_render_docx,
    report_render_pdf,
)
from doingoai.testing import IN_CI

from .factories import a_request, approved, composed, submitted

pytestmark = pytest.mark.django_db


def _lines(docx_bytes: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(docx_bytes))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return [line.strip() for line in lines if line.strip()]


def _busy_commune(unit):
    delegation(unit, start_date=dt.date(2026, 3, 12), members_count=4, head="Ông John Miller")
    delegation(
        unit,
        direction="out",
        partner="Huyện Phu Vông",
        country="LA",
        start_date=dt.date(2026, 4, 14),
        end_date=dt.date(2026, 4, 15),
    )
    ngo_project(unit, in_kind_items="Sách vở, bàn ghế")


def test_a_composed_report_renders_a_docx_that_passes_the_checker(commune_a, officer_a, province):
    _busy_commune(commune_a)
    report = composed(commune_a, by=officer_a, request=a_request(province, [commune_a]))
    docx_bytes = report_render_docx(report)
    assert check_docx(docx_bytes) == []
    lines = _lines(docx_bytes)
    assert "ỦY BAN NHÂN DÂN" in lines and "XÃ MINH LONG" in lines and "BÁO CÁO" in lines
    assert any(line.startswith("Thực hiện Công văn số 1070/SNgV-HCTH ngày 05/06/2026") for line in lines)
    assert "III. KẾT QUẢ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI 6 THÁNG ĐẦU NĂM 2026" in lines
    assert "1. Công tác đoàn ra, đoàn vào" in lines


def test_a_draft_renders_with_a_blank_number_and_day(commune_a, officer_a, frozen_today):
    report = composed(commune_a, by=officer_a)
    meta = report_render_contract(report)["meta"]
    assert meta["doc_number"] is None and meta["issued_date"] is None
    lines = _lines(report_render_docx(report))
    number = next(line for line in lines if line.startswith("Số:"))
    assert number.replace(" ", "").replace("\u00a0", "") == "Số:/BC-UBND"
    date = next(line for line in lines if line.startswith("Minh Long,"))
    assert date.split()[2] == "ngày" and date.split()[3] == "tháng" and date.endswith("tháng 6 năm 2026")


def test_an_approved_report_prints_its_number_date_and_the_vice_chairmans_signature(commune_a, officer_a, leader_a):
    report = approved(commune_a, officer_a, leader_a, number="05")
    docx_bytes = report_render_docx(report)
    assert check_docx(docx_bytes) == []
    lines = _lines(docx_bytes)
    assert "Số: 05/BC-UBND" in lines and "Minh Long, ngày 16 tháng 6 năm 2026" in lines
    signature = lines[lines.index("TM. ỦY BAN NHÂN DÂN") :][:4]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đinh Văn Trung"]
    assert report_filename(report, "docx") == "bao-cao-xa-minh-long-2026H1-so-05.docx"


def test_the_chairman_signs_for_the_committee_in_the_document(commune_b, officer_b, leader_b):
    lines = _lines(report_render_docx(approved(commune_b, officer_b, leader_b)))
    signature = lines[lines.index("TM. ỦY BAN NHÂN DÂN") :][:3]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Ngọc Sang"]
    assert "PHƯỜNG ĐỨC PHỔ" in lines and "Đức Phổ, ngày 16 tháng 6 năm 2026" in lines


def test_a_province_outline_with_the_ngo_annex_renders_it_and_passes_the_checker(commune_a, officer_a, province):
    _busy_commune(commune_a)
    outline = Outline.objects.create(
        province=province, name="Có phụ lục", ngo_annex=True, items=[dict(i) for i in DEFAULT_ITEMS]
    )
    report = composed(commune_a, by=officer_a, request=a_request(province, [commune_a], outline=outline))
    docx_bytes = report_render_docx(report)
    assert check_docx(docx_bytes) == []
    lines = _lines(docx_bytes)
    assert "Phụ lục" in lines and any("WVI (Hoa Kỳ)" in line for line in lines)


def test_rendering_many_reports_is_a_background_task_with_progress(
    commune_a,
    commune_b,
    officer_a,
    leader_a,
    officer_b,
    leader_b,
    province_officer,
    province,
    django_capture_on_commit_callbacks,
):
    request = a_request(province, [commune_a, commune_b])
    submitted(commune_a, officer_a, leader_a)
    submitted(commune_b, officer_b, leader_b)
    with django_capture_on_commit_callbacks(execute=True):
        job = render_job_create(by=province_officer, request=request)
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.percent) == (RenderJob.Status.DONE, 2, 2, 100)
    with zipfile.ZipFile(job.file.open("rb")) as archive:
        names = archive.namelist()
        assert sorted(names) == ["bao-cao-phuong-duc-pho-2026H1-so-01.docx", "bao-cao-xa-minh-long-2026H1-so-01.docx"]
        assert check_docx(archive.read(names[0])) == []


def test_drafts_are_never_rendered_for_the_province(commune_a, officer_a, province_officer, province):
    composed(commune_a, by=officer_a)
    with pytest.raises(ValueError, match=ERROR_NOTHING_TO_RENDER):
        render_job_create(by=province_officer, request=a_request(province, [commune_a]))


@pytest.mark.system
def test_the_pdf_comes_from_libreoffice(commune_a, officer_a):
    if not soffice_path():
        if IN_CI:
            pytest.fail("libreoffice is not installed (CI=true: system packages must be present)")
        pytest.skip("libreoffice is not installed")
    pdf = report_render_pdf(composed(commune_a, by=officer_a))
    assert pdf.startswith(b"%PDF")
