"""The board and consolidation pages under 50 concurrent logged-in users, as JSON, per database.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60]

Target (issue 9): p95 <= 300 ms, 0 errors, on loopback.

The national data set of bench/national.py goes into throw-away databases
(an SQLite file; a PostgreSQL database beside DATABASE_URL's when it is set).
The six provinces with the most communes each get a province officer and a
request for 2026H1 to all their communes. The app is served as in production
(``doingoai serve``: gunicorn, 2 × cores + 1 workers × 4 threads, static files collected),
and a bounded ``locust --headless`` run logs 50 officers in (over 25 seconds:
each login hashes a password) and, once all are in, measures for ``--seconds``
while they open, a few seconds apart as people click, the request's board, the
province's sums, the request's sums and one indicator's drill-down
(locustfile.py).
"""

import argparse
import csv
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import _common
import national

TARGET_P95_MS = 300
PROVINCES = 6
SPAWN_SECONDS = 25


def _accounts() -> list[dict]:
    """A province officer and a request for 2026H1 in each of the provinces with the most communes."""
    import datetime as dt

    from django.db.models import Count

    from doingoai.consolidation.services.requests import report_request_create
    from doingoai.people.models import Organisation, User
    from doingoai.people.services import organisation_for_unit
    from doingoai.units.models import Unit

    provinces = Unit.objects.filter(level=Unit.Level.PROVINCE).annotate(n=Count("communes")).order_by("-n")
    accounts = []
    for province in provinces[:PROVINCES]:
        password = secrets.token_urlsafe(12)
        officer = User.objects.create(
            username=f"bench.{province.code}",
            role="province_officer",
            organisation=organisation_for_unit(unit=province, kind=Organisation.Kind.FOREIGN_AFFAIRS_DEPARTMENT),
        )
        officer.set_password(password)
        officer.save()
        asked = report_request_create(
            by=officer,
            number=f"{province.code}/SNgV-HCTH",
            date=dt.date(2026, 6, 1),
            issuer=officer.organisation.name,
            subject="Báo cáo công tác đối ngoại 6 tháng đầu năm 2026",
            period="2026H1",
            deadline=dt.date(2026, 6, 20),
        )
        accounts.append(
            {
                "username": officer.username,
                "password": password,
                "province": province.name,
                "communes": province.n,
                "board": f"/reports/requests/{asked.pk}/",
                "sums": f"/consolidation/{province.code}/?ky=2026H1",
                "request_sums": f"/consolidation/requests/{asked.pk}/",
                "drill_down": f"/consolidation/{province.code}/delegations_out/?ky=2026H1",
            }
        )
    return accounts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def _stats(prefix: Path) -> dict:
    """locust's CSV: per page and in all, requests, failures and percentiles."""
    out = {}
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            out[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "p50_ms": float(row["50%"] or 0),
                "p95_ms": float(row["95%"] or 0),
                "max_ms": round(float(row["Max Response Time"] or 0), 1),
                "per_second": round(float(row["Requests/s"] or 0), 1),
            }
    failures = Path(f"{prefix}_failures.csv")
    if failures.exists():
        with open(failures, newline="") as handle:
            out["failures"] = [
                {"page": row["Name"], "error": row["Error"][:200], "count": int(row["Occurrences"])}
                for row in csv.DictReader(handle)
            ]
    return out


def _child(url: str, users: int, seconds: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="doingoai-bench-load-") as tmp:
        url = url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        _common.setup_django(url, Path(tmp), static=True)
        made = national.load_national(random.Random(seed))
        accounts = _accounts()
        info = _common.analyse()
        from django.db import connections

        connections.close_all()

        port = _free_port()
        env = {**os.environ, "DATABASE_URL": url, "DOINGOAI_DATA_DIR": tmp, "DOINGOAI_DEBUG": "false"}
        # A browser keeps its connection between clicks: longer than the users' pauses, so that the
        # server does not close one as the next request goes out on it (a reset, not a slow page).
        env["GUNICORN_CMD_ARGS"] = "--keep-alive 30"
        doingoai = [sys.executable, "-m", "doingoai.cli"]
        server = subprocess.Popen(
            [*doingoai, "serve", "--port", str(port), "--no-worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_for(f"http://127.0.0.1:{port}/healthz", server)
            prefix = Path(tmp) / "locust"
            locust = [sys.executable, "-m", "locust", "-f", str(Path(__file__).with_name("locustfile.py"))]
            # Logging in costs a password hash each (about 0.3 s of a core): the users arrive over
            # SPAWN_SECONDS, and the pages are measured once all are in (--reset-stats).
            locust += ["--headless", "--users", str(users), "--spawn-rate", f"{users / SPAWN_SECONDS:g}"]
            locust += ["--reset-stats", "--run-time", f"{seconds + SPAWN_SECONDS}s"]
            locust += ["--host", f"http://127.0.0.1:{port}", "--csv", str(prefix)]
            locust += ["--only-summary", "--loglevel", "WARNING"]
            done = subprocess.run(
                locust, env={**env, "LOAD_ACCOUNTS": json.dumps(accounts)}, capture_output=True, text=True
            )
            pages = _stats(prefix)
        finally:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        failures = pages.pop("failures", [])
        measured = {name: figures for name, figures in pages.items() if name not in ("login", "Aggregated")}
        ok = bool(measured) and all(f["failures"] == 0 and f["p95_ms"] <= TARGET_P95_MS for f in measured.values())
        ok = ok and done.returncode == 0  # locust exits 1 on any failed request, logins included
        return {
            **info,
            "data": made,
            "users": users,
            "seconds": seconds,
            "provinces": [f"{a['province']} ({a['communes']} xã, phường)" for a in accounts],
            "pages": pages,
            "failures": failures,
            "locust_exit": done.returncode,
            "ok": ok,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60, help="how long the users keep clicking")
    parser.add_argument("--seed", type=int, default=34)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.url, args.users, args.seconds, args.seed), ensure_ascii=False))
        return 0
    arguments = ["--users", str(args.users), "--seconds", str(args.seconds), "--seed", str(args.seed)]
    results = _common.on_every_database(__file__, arguments, "load")
    summary = {"benchmark": "load", "target_p95_ms": TARGET_P95_MS, **results}
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if all(result.get("ok") for result in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
