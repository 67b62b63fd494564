"""Fixtures of the reports tests: a fixed today, and the request of the province."""

import datetime as dt

import pytest

TODAY = dt.date(2026, 6, 20)  # after the 2026H1 window (15/12/2025 → 14/06/2026)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    """Dates typed in the tests stay valid whatever the machine's clock says."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The cast's accounts are made with a cheap hasher here: these tests are about reports, not passwords."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def leader_a_client(leader_a):
    from doingoai.testing import client_for

    return client_for(leader_a)


@pytest.fixture
def province_client(province_officer):
    from doingoai.testing import client_for

    return client_for(province_officer)
