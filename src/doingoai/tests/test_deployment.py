"""What an administrator relies on: settings from the environment, SQLite in WAL, migrate with units.

That the install carries no GPL package is test_licences.py.
"""

import os
import subprocess
import sys

DOINGOAI = [sys.executable, "-m", "doingoai.cli"]


def run(args, **env):
    environment = {**os.environ, **env}
    for inherited in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(inherited, None)
    return subprocess.run(DOINGOAI + args, capture_output=True, text=True, env=environment, timeout=300)


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run(
        ["manage", "check", "--deploy", "--fail-level", "WARNING"],
        DOINGOAI_HTTPS="true",
        DOINGOAI_SECRET_KEY="x" * 20 + "-Kj3#pQ9!vZ2$wL8@nR5^tY7&uI1*oP4(aS6)dF0",
        DOINGOAI_ALLOWED_HOSTS="doingoai.quangngai.gov.vn",
        DOINGOAI_DATA_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_migrate_prepares_an_empty_sqlite_database_in_wal_mode_with_units(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = {"DATABASE_URL": str(database), "DOINGOAI_DATA_DIR": str(tmp_path)}
    result = run(["migrate"], **env)
    assert result.returncode == 0, result.stderr
    probe = (
        "from django.db import connection; from doingoai.units.models import Unit; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); mode = c.fetchone()[0]; c.execute('PRAGMA busy_timeout'); "
        "print(mode, c.fetchone()[0], Unit.objects.exclude(level='tinh').count())"
    )
    result = run(["manage", "shell", "-c", probe], **env)
    mode, timeout, communes = result.stdout.split()[-3:]
    assert mode == "wal" and int(timeout) >= 5000 and communes == "3321"
