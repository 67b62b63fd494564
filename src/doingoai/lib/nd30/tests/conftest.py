"""Shared fixtures: the seed gold reports and the system tools, skipped locally
when missing but failing on CI (``CI=true``), where they must be present."""

import json
import os

import pytest

from doingoai.lib.nd30.pdf import soffice_path
from doingoai.lib.nd30.shared import seed_gold_files, shared_dir


def skip_or_fail(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def gold_reports() -> dict[str, dict]:
    files = seed_gold_files()
    if not files:
        # Data, not a system package: skipped even when CI=true (see the reader's conftest).
        pytest.skip(f"no seed gold files under {shared_dir()} (set DOINGOAI_SHARED_DIR)")
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in files}


@pytest.fixture
def soffice() -> str:
    path = soffice_path()
    if not path:
        skip_or_fail("LibreOffice (soffice) is not installed")
    return path


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """Shadows the project-wide autouse fixture, which needs pytest-django's
    ``settings``: this suite is plain Python and runs with ``-p no:django``."""
    yield
