import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from doingoai.people.models import ApiToken, User
from doingoai.testing import PASSWORD, client_for

pytestmark = pytest.mark.django_db


def test_the_login_page_works_over_plain_http(client, officer_a):
    assert client.get(reverse("login")).status_code == 200
    response = client.post(reverse("login"), {"username": "hoa", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"


def test_a_wrong_password_gets_a_vietnamese_message(client, officer_a):
    page = client.post(reverse("login"), {"username": "hoa", "password": "sai-mat-khau"}).content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page


def test_repeated_failures_lock_the_login(client, officer_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "hoa", "password": "sai-mat-khau"})
    response = client.post(reverse("login"), {"username": "hoa", "password": PASSWORD})
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()


def test_an_officer_creates_an_api_token_shown_once(client_a, officer_a):
    response = client_a.post(reverse("people:profile"), {"name": "văn phòng"})
    token = ApiToken.objects.get(user=officer_a)
    page = response.content.decode()
    assert "dng_" in page and token.hint in page
    assert token.hint in client_a.get(reverse("people:profile")).content.decode()
    assert "Mã mới" not in client_a.get(reverse("people:profile")).content.decode()


def test_a_token_is_revoked_only_by_its_owner(client_a, client_b, officer_a):
    client_a.post(reverse("people:profile"), {"name": "x"})
    token = ApiToken.objects.get(user=officer_a)
    assert client_b.post(reverse("people:token-revoke", args=[token.pk])).status_code == 404
    client_a.post(reverse("people:token-revoke", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def _sheet(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    workbook.active.append(["Tên đăng nhập", "Họ và tên", "Email", "Vai trò", "Mã đơn vị", "Chức vụ", "Mật khẩu"])
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("tai-khoan.xlsx", buffer.getvalue())


def test_the_administrator_creates_accounts_from_a_spreadsheet(administrator, commune_a):
    client = client_for(administrator)
    response = client.post(
        reverse("people:accounts-import"),
        {"file": _sheet([["hoa2", "Nguyễn Thị Hoa", "", "Cán bộ xã", 21361, "", ""]])},
    )
    assert "Đã tạo 1 tài khoản" in response.content.decode()
    assert User.objects.get(username="hoa2").unit == commune_a


def test_a_broken_accounts_file_creates_nothing(administrator):
    client = client_for(administrator)
    response = client.post(reverse("people:accounts-import"), {"file": SimpleUploadedFile("x.xlsx", b"garbage")})
    assert "bị hỏng" in response.content.decode()
    response = client.post(
        reverse("people:accounts-import"), {"file": _sheet([["a1", "", "", "Cán bộ xã", 5581, "", ""]])}
    )
    assert "Không tìm thấy đơn vị" in response.content.decode()
    assert not User.objects.filter(username="a1").exists()


def test_the_administrator_moves_accounts_within_the_province(administrator, officer_a, commune_b):
    client = client_for(administrator)
    client.post(reverse("people:accounts-move"), {"source": 21361, "target": 21439})
    officer_a.refresh_from_db()
    assert officer_a.unit == commune_b
    client.post(reverse("people:accounts-move"), {"source": 21439, "target": 5581})
    officer_a.refresh_from_db()
    assert officer_a.unit == commune_b


def test_the_administrator_marks_how_the_province_receives(administrator, province):
    client_for(administrator).post(reverse("people:receiver"), {"receiver": "van_phong_ubnd"})
    province.refresh_from_db()
    assert province.receiver == "van_phong_ubnd"


@pytest.mark.parametrize("name", ["people:accounts", "people:accounts-import", "people:accounts-template"])
def test_account_pages_are_for_administrators_only(client_a, province_officer, name):
    assert client_a.get(reverse(name)).status_code == 404
    assert client_for(province_officer).get(reverse(name)).status_code == 404
