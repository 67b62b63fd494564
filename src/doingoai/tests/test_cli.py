import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from doingoai.cli import main
from doingoai.people.models import User

pytestmark = pytest.mark.django_db


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("migrate", "units", "demo", "token", "accounts", "serve", "worker", "manage"):
        assert command in result.output


def test_units_search_and_resolve(units):
    assert "21439" in run("units", "search", "duc", "pho").output
    result = run("units", "resolve", "xã Bộc Nhiêu, huyện Định Hóa, Thái Nguyên")
    assert result.exit_code == 0 and result.output.startswith("5581\tXã Trung Hội")
    assert run("units", "resolve", "xã Hư Cấu, huyện Không Có").exit_code == 1


def test_units_sync_reports_counts(units):
    assert "34 tỉnh, 3321 xã/phường/đặc khu" in run("units", "sync").output


def test_token_create_prints_a_working_token(officer_a):
    from doingoai.people.services import token_authenticate

    result = run("token", "create", "hoa")
    assert result.exit_code == 0
    assert token_authenticate(result.output.strip()) == officer_a
    assert run("token", "create", "khong-co-ai").exit_code == 1


def test_demo_loads_one_login_per_role_and_is_idempotent(units):
    first = run("demo")
    assert first.exit_code == 0, first.output
    roles = set(User.objects.values_list("role", flat=True))
    assert roles == {
        "commune_officer",
        "commune_leader",
        "province_officer",
        "province_leader",
        "administrator",
        "ministry_officer",
    }
    assert User.objects.get(username="lanhdao.sonv.quangngai").position == "giam_doc"
    assert User.objects.get(username="bng.tonghop").is_ministry_user
    count = User.objects.count()
    assert "bỏ qua" in run("demo", "--if-empty").output
    run("demo")
    assert User.objects.count() == count


def test_accounts_import_and_move(tmp_path, commune_a, commune_b):
    workbook = Workbook()
    workbook.active.append(["Tên đăng nhập", "Họ và tên", "Vai trò", "Mã đơn vị"])
    workbook.active.append(["moi1", "Người Mới", "Cán bộ xã", 21361])
    path = tmp_path / "accounts.xlsx"
    workbook.save(path)
    result = run("accounts", "import", str(path))
    assert result.exit_code == 0 and result.output.startswith("moi1\t")
    assert "Đã chuyển 1 tài khoản" in run("accounts", "move", "--from", "21361", "--to", "21439").output
    assert User.objects.get(username="moi1").unit == commune_b


def test_a_bad_accounts_file_fails_with_a_message(tmp_path, units):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"garbage")
    result = CliRunner().invoke(main, ["accounts", "import", str(path)])
    assert result.exit_code == 1 and "bị hỏng" in result.output
