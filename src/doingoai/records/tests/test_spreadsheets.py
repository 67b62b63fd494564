import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from doingoai.lib import vn
from doingoai.lib.spreadsheets import ERROR_BROKEN, ERROR_TOO_BIG
from doingoai.records.models import Delegation, NgoAidProject
from doingoai.records.registry import record_type
from doingoai.records.spreadsheets import spreadsheet_export, spreadsheet_import, spreadsheet_template

from .factories import delegation

pytestmark = pytest.mark.django_db


def filled_template(code, rows) -> bytes:
    workbook = load_workbook(io.BytesIO(spreadsheet_template(record_type(code))))
    sheet = workbook.worksheets[0]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


DELEGATION_ROW = [
    "Đoàn vào",
    "Nước ngoài",
    "KOICA",
    "Hàn Quốc",
    "05/05/2026",
    None,
    "03",
    "Ông Kim",
    "Khảo sát",
    "",
    "",
]


def test_the_template_has_the_registers_columns_and_a_guide():
    workbook = load_workbook(io.BytesIO(spreadsheet_template(record_type("delegations"))))
    header = [c.value for c in workbook.worksheets[0][1]]
    assert header[:5] == [
        "Loại đoàn *",
        "Đoàn nước ngoài hay trong nước *",
        "Cơ quan, tổ chức *",
        "Quốc gia",
        "Ngày bắt đầu *",
    ]
    assert workbook.sheetnames == ["Đoàn ra, đoàn vào", "Hướng dẫn"]


def test_a_filled_template_imports_every_row(commune_a, officer_a):
    data = filled_template(
        "delegations",
        [
            DELEGATION_ROW,
            ["Đoàn ra", "Nước ngoài", "Huyện Phu Vông", "Lào", "14/04/2026", "15/04/2026", 6, "", "", "", ""],
        ],
    )
    result = spreadsheet_import(record_type=record_type("delegations"), data=data, unit=commune_a, by=officer_a)
    assert result.ok, result.errors
    assert result.imported == 2
    assert sorted(Delegation.objects.values_list("country", flat=True)) == ["KR", "LA"]
    assert Delegation.objects.filter(created_by=officer_a).count() == 2


def test_one_bad_row_imports_nothing_and_names_each_error(commune_a, officer_a):
    bad = ["Đoàn vào", "Nước ngoài", "WVI", "Hoa Kỳ", "31/02/2026", None, "-2", "", "", "", ""]
    data = filled_template("delegations", [DELEGATION_ROW, bad, ["Đoàn bay", *DELEGATION_ROW[1:]]])
    result = spreadsheet_import(record_type=record_type("delegations"), data=data, unit=commune_a, by=officer_a)
    assert not result.ok and result.imported == 0
    messages = {(row, message) for row, _, message in result.errors}
    assert (3, vn.ERROR_DATE) in messages
    assert (3, vn.ERROR_NEGATIVE) in messages
    assert any(row == 4 and "Đoàn bay" in message for row, message in messages)
    assert not Delegation.objects.exists()


def test_money_typed_in_words_imports(commune_a, officer_a):
    row = ["Nước sạch", "WVI", "Hoa Kỳ", "Y tế", "01/02/2026", "", "1,2 tỷ", "", "15 triệu", "320", "", ""]
    result = spreadsheet_import(
        record_type=record_type("ngo-aid"), data=filled_template("ngo-aid", [row]), unit=commune_a, by=officer_a
    )
    assert result.ok, result.errors
    assert NgoAidProject.objects.get().total_value_vnd == 1_215_000_000


def test_a_broken_file_gets_a_clear_message_and_stores_nothing(commune_a, officer_a):
    for data in (b"this is not excel", b"PK\x03\x04broken zip", b""):
        result = spreadsheet_import(record_type=record_type("delegations"), data=data, unit=commune_a, by=officer_a)
        assert result.errors == [(None, "", ERROR_BROKEN)]
    assert not Delegation.objects.exists()


def test_a_zip_bomb_posing_as_excel_is_refused_before_opening(commune_a, officer_a):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (80 * 1024 * 1024))
    result = spreadsheet_import(
        record_type=record_type("delegations"), data=buffer.getvalue(), unit=commune_a, by=officer_a
    )
    assert "quá lớn" in result.errors[0][2]


def test_missing_required_columns_are_named(commune_a, officer_a):
    workbook = Workbook()
    workbook.active.append(["Cơ quan, tổ chức", "Quốc gia"])
    workbook.active.append(["KOICA", "Hàn Quốc"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = spreadsheet_import(
        record_type=record_type("delegations"), data=buffer.getvalue(), unit=commune_a, by=officer_a
    )
    assert "Ngày bắt đầu" in result.errors[0][2]


def test_the_export_reads_back_into_the_import(commune_a, commune_b, officer_b):
    delegation(commune_a, partner="WVI", members_count=1234)
    data = spreadsheet_export(record_type=record_type("delegations"), records=Delegation.objects.all())
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["A2"].value == "Đoàn vào" and sheet["D2"].value == "Hoa Kỳ" and sheet["E2"].value == "12/03/2026"
    result = spreadsheet_import(record_type=record_type("delegations"), data=data, unit=commune_b, by=officer_b)
    assert result.ok and Delegation.objects.get(unit=commune_b).members_count == 1234


def test_the_import_page_lists_row_errors(client_a):
    bad = ["Đoàn vào", "Nước ngoài", "WVI", "Hoa Kỳ", "hôm qua", None, "", "", "", "", ""]
    upload = SimpleUploadedFile("doan.xlsx", filled_template("delegations", [bad]))
    response = client_a.post(reverse("records:import", args=["delegations"]), {"file": upload})
    page = response.content.decode()
    assert vn.ERROR_DATE in page and "Chưa nhập dòng nào" in page
    assert not Delegation.objects.exists()


def test_the_template_and_export_download(client_a, commune_a):
    delegation(commune_a)
    for name in ("template", "export"):
        response = client_a.get(reverse(f"records:{name}", args=["delegations"]) + "?ky=2026H1")
        assert response.status_code == 200
        assert load_workbook(io.BytesIO(response.content)).worksheets[0].max_row >= 1


def test_an_oversized_sheet_is_refused(commune_a, officer_a, monkeypatch):
    monkeypatch.setattr("doingoai.lib.spreadsheets.MAX_ROWS", 2)
    data = filled_template("delegations", [DELEGATION_ROW] * 3)
    result = spreadsheet_import(record_type=record_type("delegations"), data=data, unit=commune_a, by=officer_a)
    assert result.errors[0][2] == ERROR_TOO_BIG.format(mb=10, rows=2)


def test_two_clashing_rows_import_nothing(commune_a, officer_a):
    from doingoai.records.models import ForeignResidentCount
    from doingoai.records.spreadsheets import ERROR_DUPLICATE_ROWS

    rows = [["01/06/2026", "Hàn Quốc", 12, ""], ["01/06/2026", "Hàn Quốc", 14, ""]]
    result = spreadsheet_import(
        record_type=record_type("foreign-residents"),
        data=filled_template("foreign-residents", rows),
        unit=commune_a,
        by=officer_a,
    )
    assert result.errors == [(None, "", ERROR_DUPLICATE_ROWS)]
    assert not ForeignResidentCount.objects.exists()
