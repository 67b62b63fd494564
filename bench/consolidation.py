"""Consolidation speed on the national data set, as JSON, per database.

    .venv/bin/python bench/consolidation.py [--repeat 20]

Targets (issue 9): one province for one period <= 50 ms, the whole country
<= 500 ms, live from the stored indicator values (nothing precomputed).

The data set is bench/national.py's (34 provinces, 3,321 communes, ten
half-years, about 100,000 indicator values a half-year) in throw-away
databases. Measured with ``consolidate()`` — the function behind the page, the
CLI, the API and the Excel export — for the province with the most communes
and for the country, for the half-year still being received (2026H1) and the
year 2025 (its halves and quarters tile it), bare and compared with the same
period of last year. Each is printed with the limit: one bare SQL GROUP BY
summing the same stored values over the same units (``ratio`` =
consolidation / GROUP BY, medians).
"""

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

import _common
import national

TARGET_PROVINCE_MS = 50
TARGET_COUNTRY_MS = 500


def _group_by_ms(*, province, periods: list[str], repeat: int) -> dict:
    """The limit: the counted reports' values of ``periods`` summed per unit and indicator in one query."""
    from django.db import connection

    from doingoai.consolidation.services.totals import counted_statuses

    statuses = list(counted_statuses(accepted_only=False))
    unit = "u.province_id" if province is None else "r.unit_id"
    sql = (
        f"SELECT {unit}, v.indicator, SUM(v.value), COUNT(v.value) FROM reports_indicatorvalue v "
        "JOIN reports_report r ON r.id = v.report_id JOIN units_unit u ON u.id = r.unit_id "
        f"WHERE r.period IN ({', '.join(['%s'] * len(periods))}) AND r.status IN ({', '.join(['%s'] * len(statuses))}) "
        + ("AND u.province_id IS NOT NULL " if province is None else "AND u.province_id = %s ")
        + f"GROUP BY {unit}, v.indicator"
    )
    params = [*periods, *statuses, *([] if province is None else [province.pk])]

    def run():
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    samples, rows = _common.timed(run, repeat)
    return {**_common.percentiles(samples), "groups": len(rows)}


def _measure(repeat: int) -> dict:
    from django.db.models import Count

    from doingoai.consolidation.services.totals import consolidate
    from doingoai.lib.periods import Period
    from doingoai.units.models import Unit

    province = Unit.objects.filter(level=Unit.Level.PROVINCE).annotate(n=Count("communes")).order_by("-n").first()
    out = {"province": {"code": province.code, "name": province.name, "communes": province.n}}
    for scope, runs, target in (
        ("province", repeat, TARGET_PROVINCE_MS),
        ("country", max(5, repeat // 2), TARGET_COUNTRY_MS),
    ):
        unit = province if scope == "province" else None
        for code in ("2026H1", "2025"):
            period = Period.parse(code)
            for compare in (False, True):
                samples, result = _common.timed(
                    lambda p=period, c=compare, u=unit: consolidate(province=u, period=p, compare=c), runs
                )
                periods = [period, *(p for tiling in period.tilings() for p in tiling)]
                if compare:
                    last = period.same_period_last_year()
                    periods += [last, *(p for tiling in last.tilings() for p in tiling)]
                limit = _group_by_ms(province=unit, periods=[p.code for p in periods], repeat=runs)
                figures = _common.percentiles(samples)
                out[f"{scope}_{code}{'_compare' if compare else ''}"] = {
                    **figures,
                    "units": len(result.units),
                    "counted": result.completeness.submitted,
                    "group_by_p50_ms": limit["p50_ms"],
                    "ratio_to_group_by": round(figures["p50_ms"] / max(limit["p50_ms"], 0.01), 1),
                    "target_ms": target,
                    "ok": figures["p50_ms"] <= target,
                }
    out["ok"] = all(value["ok"] for value in out.values() if isinstance(value, dict) and "ok" in value)
    return out


def _child(url: str, repeat: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="doingoai-bench-consolidation-") as tmp:
        _common.setup_django(url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", Path(tmp))
        made = national.load_national(random.Random(seed))
        info = _common.analyse()
        return {**info, "data": made, **_measure(repeat)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed runs for a province (half for the country)")
    parser.add_argument("--seed", type=int, default=34)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.url, args.repeat, args.seed), ensure_ascii=False))
        return 0
    arguments = ["--repeat", str(args.repeat), "--seed", str(args.seed)]
    results = _common.on_every_database(__file__, arguments, "consolidation")
    summary = {
        "benchmark": "consolidation",
        "target_province_ms": TARGET_PROVINCE_MS,
        "target_country_ms": TARGET_COUNTRY_MS,
        **results,
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0 if all(result.get("ok") for result in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
