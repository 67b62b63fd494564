"""A national data set for the benchmarks: every commune of the 34 provinces reporting over ten half-years.

    .venv/bin/python bench/national.py        # load it into throw-away databases and say what was made

The consolidation and load benchmarks import ``load_national``. What it makes,
as the field does (../shared/domain.md): for each of the ten half-years
2021H2 … 2026H1, a report of nearly every one of the 3,321 communes (a few
never report), composed in doingoai or, for about one in eight, read from a
Word file and confirmed; about half the communes also report each quarter,
so a half-year is also covered by its two quarters. A composed report states
every catalogue indicator it can count (most of them zero, as a small commune's
half-year is), a report read from a document only what its text says. The last
half-year is still being received: some reports are drafts, most submitted,
some accepted. About 100,000 indicator values a half-year, a million in all.
"""

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import _common

HALVES = ("2021H2", "2022H1", "2022H2", "2023H1", "2023H2", "2024H1", "2024H2", "2025H1", "2025H2", "2026H1")
SILENT_SHARE = 0.03  # communes that send nothing in a half-year
QUARTERLY_SHARE = 0.5  # communes that also report each quarter
INGESTED_SHARE = 0.12  # reports read from a Word file and confirmed, not composed


def _quarters(half: str) -> tuple[str, str]:
    year, index = half[:4], int(half[-1])
    return (f"{year}Q{2 * index - 1}", f"{year}Q{2 * index}")


def _value(rng: random.Random, code: str) -> int:
    """A commune's half-year figure: mostly nothing happened (an explicit zero), sometimes a little."""
    if rng.random() < 0.6:
        return 0
    if code == "ngo_aid_value_vnd":
        return rng.randint(50, 5_000) * 1_000_000
    if code == "ngo_beneficiaries":
        return rng.randint(20, 2_000)
    if code == "foreigners_resident":
        return rng.randint(1, 300)
    return rng.randint(1, 12)


def load_national(rng: random.Random, halves: tuple[str, ...] = HALVES) -> dict:
    """Reports and their indicator values for every commune and half-year (and the quarters of some); counts."""
    from django.db import transaction

    from doingoai.lib.catalogues import INDICATORS
    from doingoai.records.indicators import NOT_FROM_RECORDS
    from doingoai.reports.models import IndicatorValue, Report
    from doingoai.units.models import Unit

    S, O = Report.Status, Report.Origin
    communes = list(Unit.objects.filter(is_active=True).exclude(level=Unit.Level.PROVINCE).only("id"))
    started = time.perf_counter()
    made = {"communes": len(communes), "reports": 0, "indicator_values": 0}
    for half in halves:
        last = half == halves[-1]
        plan = []
        for commune in communes:
            if rng.random() < SILENT_SHARE:
                continue
            periods = (half, *_quarters(half)) if rng.random() < QUARTERLY_SHARE else (half,)
            for period in periods:
                ingested = rng.random() < INGESTED_SHARE
                if ingested:
                    status = S.CONFIRMED
                elif last:
                    status = rng.choices((S.DRAFT, S.SUBMITTED, S.ACCEPTED), (1, 5, 4))[0]
                else:
                    status = S.ACCEPTED
                plan.append(Report(unit=commune, period=period, origin=O.INGESTED if ingested else O.COMPOSED,
                                   status=status, summary=f"Báo cáo công tác đối ngoại {period}"))  # fmt: skip
        with transaction.atomic():
            Report.objects.bulk_create(plan, batch_size=2000)
            values = []
            for report in plan:
                read = report.origin == O.INGESTED
                for indicator in INDICATORS:
                    if read and rng.random() < 0.5:
                        continue  # the text does not say
                    if not read and indicator.code in NOT_FROM_RECORDS:
                        value = None  # records do not count FDI/ODA projects: not stated
                    else:
                        value = _value(rng, indicator.code)
                    source = IndicatorValue.Source.TEXT if read else IndicatorValue.Source.RECORDS
                    values.append(IndicatorValue(report=report, indicator=indicator.code, value=value, source=source))
            IndicatorValue.objects.bulk_create(values, batch_size=5000)
        made["reports"] += len(plan)
        made["indicator_values"] += len(values)
    made["indicator_values_per_half_year"] = round(made["indicator_values"] / len(halves))
    made["load_s"] = round(time.perf_counter() - started, 1)
    return made


def _child(url: str, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="doingoai-bench-national-") as tmp:
        _common.setup_django(url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", Path(tmp))
        made = load_national(random.Random(seed))
        return {**made, **_common.analyse()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=34)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--url", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.url, args.seed), ensure_ascii=False))
        return 0
    results = _common.on_every_database(__file__, ["--seed", str(args.seed)], "national")
    print(json.dumps({"benchmark": "national data set", **results}, ensure_ascii=False, indent=1))
    return 0 if not any("error" in r for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
