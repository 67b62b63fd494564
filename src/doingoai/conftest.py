"""The named cast of the tests (shared/examples-to-follow.md §10).

Commune A is Xã Minh Long, commune B Phường Đức Phổ, both in Quảng Ngãi;
the other province is Thái Nguyên. Every person has PASSWORD.
"""

import os

import pytest

from doingoai.testing import client_for, make_user  # noqa: F401  (re-exported for fixtures)

# Django is imported inside the fixtures: the plain-Python suites (lib/reader,
# lib/nd30) also run with `-p no:django`.


@pytest.fixture(autouse=True)
def _media_in_tmp(request, tmp_path):
    """Uploads go to a temporary folder; nothing to do for the plain-Python suites."""
    if not request.config.pluginmanager.hasplugin("django"):
        return
    request.getfixturevalue("settings").MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seeds_dir():
    """The five real reports of shared/seeds (data, not a system package: skipped where absent)."""
    from pathlib import Path

    shared = Path(os.environ.get("DOINGOAI_SHARED_DIR") or Path(__file__).resolve().parents[2] / ".." / "shared")
    seeds = shared / "seeds"
    if not sorted(seeds.glob("*.txt")):
        pytest.skip(f"the shared seeds are not at {seeds} (set DOINGOAI_SHARED_DIR)")
    return seeds


@pytest.fixture
def units(db):
    from doingoai.units.services import units_ensure_loaded

    units_ensure_loaded()


def _unit(code, province=False):
    from doingoai.units.services import unit_by_code

    return unit_by_code(code=code, province=province)


@pytest.fixture
def commune_a(units):
    return _unit(21361)  # Xã Minh Long


@pytest.fixture
def commune_b(units):
    return _unit(21439)  # Phường Đức Phổ


@pytest.fixture
def province(units):
    return _unit(51, province=True)  # Quảng Ngãi


@pytest.fixture
def other_province(units):
    return _unit(19, province=True)  # Thái Nguyên


@pytest.fixture
def officer_a(commune_a):
    return make_user("hoa", commune_a, "commune_officer", full_name="Nguyễn Thị Hoa")


@pytest.fixture
def officer_b(commune_b):
    return make_user("thu", commune_b, "commune_officer", full_name="Phạm Thị Thu")


@pytest.fixture
def leader_a(commune_a):
    return make_user("trung", commune_a, "commune_leader", full_name="Đinh Văn Trung", position="pho_chu_tich")


@pytest.fixture
def leader_b(commune_b):
    return make_user("sang", commune_b, "commune_leader", full_name="Trần Ngọc Sang", position="chu_tich")


@pytest.fixture
def province_officer(province):
    return make_user("lan", province, "province_officer", full_name="Lê Thị Lan")


@pytest.fixture
def other_province_officer(other_province):
    return make_user("binh", other_province, "province_officer", full_name="Hoàng Văn Bình")


@pytest.fixture
def province_leader(province):
    return make_user("hung", province, "province_leader", full_name="Nguyễn Văn Hùng", position="giam_doc")


@pytest.fixture
def ministry_officer(units):
    return make_user("bng", None, "ministry_officer", full_name="Trần Thị Ngoại")


@pytest.fixture
def administrator(province):
    return make_user("minh", province, "administrator", full_name="Phạm Văn Minh")


@pytest.fixture
def client_a(officer_a):
    return client_for(officer_a)


@pytest.fixture
def client_b(officer_b):
    return client_for(officer_b)
