"""Helpers for tests: the cast's accounts, logged-in clients, system programs."""

import os
import shutil

import pytest

PASSWORD = "Kiem-tra-2026!"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_program(name: str) -> str:
    """The path of a system program; skipped locally when missing, a failure in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed"
        if IN_CI:
            pytest.fail(message + " (CI=true: system packages must be present)")
        pytest.skip(message)
    return path


def make_user(username, unit, role, **extra):
    from doingoai.people.models import Organisation, User
    from doingoai.people.services import ministry_organisation, organisation_for_unit

    if unit is None:  # the ministry: no unit below the nation
        organisation = ministry_organisation()
    else:
        kind = Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT if unit.is_province else None
        organisation = organisation_for_unit(unit=unit, kind=kind)
    user = User(username=username, organisation=organisation, role=role, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def client_for(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_page(playwright):
    """A page in Debian's chromium (no browser download: none can be fetched here)."""
    executable = require_program("chromium")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls
    # made by the test around it are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    return browser, browser.new_page(viewport={"width": 360, "height": 740}, locale="vi-VN")


def browser_login(page, base: str, username: str) -> None:
    """Log ``username`` in at the login page, as the next person at the same browser (cookies cleared)."""
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/")
