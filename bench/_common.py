"""What the database benchmarks share: a throw-away database per vendor, Django set up on it, percentiles.

Each benchmark runs itself again as a child process per database (Django is set
up once per process): an SQLite file in a temporary folder, and, when
DATABASE_URL points to PostgreSQL, a database created beside it
(``<name>_bench_<what>``) and dropped afterwards. Your data is never touched.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit


def setup_django(url: str, data_dir: Path, *, static: bool = False) -> None:
    """Django on ``url``, migrated (the 34 provinces and 3,321 communes come with the migration)."""
    os.environ["DOINGOAI_DATA_DIR"] = str(data_dir)
    os.environ["DATABASE_URL"] = url
    os.environ["DOINGOAI_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ["DJANGO_SETTINGS_MODULE"] = "doingoai.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if static:
        call_command("collectstatic", interactive=False, verbosity=0)  # pages are measured as production serves them


def analyse() -> dict:
    """Fresh planner statistics after a bulk load, and the database's size."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            cursor.execute("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        else:
            cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    return {"vendor": connection.vendor, "database_mb": round(size / 1e6, 1)}


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {
        "runs": len(ordered),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(ordered[-1], 1),
    }


def timed(call, repeat: int) -> tuple[list[float], object]:
    """``call()`` once to warm up, then ``repeat`` times: the durations in ms and the last result."""
    result = call()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


def postgres_admin(url: str):
    """A connection to the server of DATABASE_URL, to create and drop the bench database."""
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    conninfo = dict(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
    )
    return psycopg.connect(**{k: v for k, v in conninfo.items() if v}, autocommit=True), config


def run_child(script: str, arguments: list[str], url: str) -> dict:
    """``script --child --url URL …``: its JSON, or the last line of its error."""
    command = [sys.executable, script, "--child", "--url", url, *arguments]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    return json.loads(done.stdout)


def on_every_database(script: str, arguments: list[str], what: str) -> dict:
    """The child's results on SQLite and, when DATABASE_URL is PostgreSQL, on a throw-away database beside it."""
    results = {"sqlite": run_child(script, arguments, "")}
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        admin, config = postgres_admin(url)
        name = f"{config['NAME']}_bench_{what}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            results["postgresql"] = run_child(script, arguments, urlsplit(url)._replace(path=f"/{name}").geturl())
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()
    return results
