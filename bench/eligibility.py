"""Eligibility benchmark on a throw-away SQLite database.

    .venv/bin/python bench/eligibility.py [--startups 10000] [--programs 400] [--samples 200]

Seeds the demo world (every program has rules), then measures:
- all pairs: every startup against every program with the numpy engine, facts loading included;
- the baseline, in the same run: the per-pair Python check (the one the pages use, over facts
  loaded once, so no database work per pair) for every startup and program;
- "programs I can apply to" for one startup: the selector `programs_open_for` and the page
  `/programs/for-me/` (test Client), for `--samples` random startups.
Both engines must agree: the run checks every pair of a sample of programs.
The last line printed is one JSON object with the headline figures.
"""

import argparse
import json
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA_DIR = tempfile.mkdtemp(prefix="oimarket-bench-")
os.environ.update(
    {
        "OIMARKET_DATA_DIR": DATA_DIR,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
    }
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from oimarket.accounts.models import Membership, Organization  # noqa: E402
from oimarket.core.runtime import tune_web_process  # noqa: E402
from oimarket.programs.eligibility.check import check_compiled, compile_rules  # noqa: E402
from oimarket.programs.eligibility.facts import all_facts  # noqa: E402
from oimarket.programs.eligibility.selectors import open_programs_ranked  # noqa: E402
from oimarket.programs.eligibility.vector import build_matrix, check_all  # noqa: E402
from oimarket.programs.models import Field, Program  # noqa: E402


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def all_pairs_vector(programs, now):
    start = time.perf_counter()
    facts = all_facts()
    matrix = build_matrix(facts, list(Field.objects.values_list("code", flat=True)))
    verdicts = {
        p.pk: check_all(matrix, p.eligibility_rules.all(), deadline=p.closes_at, as_of=now)
        for p in programs
    }
    return time.perf_counter() - start, facts, verdicts


def all_pairs_baseline(programs, facts, now):
    start = time.perf_counter()
    verdicts = {}
    for p in programs:
        compiled = compile_rules(p.eligibility_rules.all(), deadline=p.closes_at, as_of=now)
        reference = timezone.localdate(p.closes_at)
        verdicts[p.pk] = [check_compiled(f, compiled, reference).status.value for f in facts]
    return time.perf_counter() - start, verdicts


def for_me(samples: int, rng: random.Random) -> tuple[list[float], list[float]]:
    startups = list(Organization.objects.filter(kind="startup").values_list("pk", flat=True))
    chosen = rng.sample(startups, samples)
    selector_ms, page_ms = [], []
    client = Client()
    tune_web_process()  # as gunicorn's workers do (config/gunicorn.py)
    for org_id in chosen:
        org = Organization.objects.get(pk=org_id)
        start = time.perf_counter()
        open_programs_ranked(org)
        selector_ms.append((time.perf_counter() - start) * 1000)
        client.force_login(Membership.objects.filter(organization_id=org_id).first().user)
        start = time.perf_counter()
        response = client.get("/programs/for-me/")
        page_ms.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return selector_ms, page_ms


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--startups", type=int, default=10_000)
    parser.add_argument("--programs", type=int, default=400)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["testserver"]
    try:
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        start = time.perf_counter()
        call_command("seed_demo", startups=args.startups, programs=args.programs, verbosity=0)
        print(
            f"• Seeded {args.startups} startups and {args.programs} programs in "
            f"{time.perf_counter() - start:.1f} s"
        )
        now = timezone.now()
        programs = list(Program.objects.prefetch_related("eligibility_rules").order_by("pk"))
        rules = sum(len(p.eligibility_rules.all()) for p in programs)
        vector_s, facts, vector = all_pairs_vector(programs, now)
        pairs, evaluations = len(programs) * len(facts), rules * len(facts)
        print(
            f"• {pairs:,} pairs, {evaluations:,} rule evaluations "
            f"({rules} rules over {len(programs)} programs)"
        )
        # "For me" first, as a web process would see it: not after the baseline's millions of
        # objects, whose garbage collection would land in its timings.
        selector_ms, page_ms = for_me(args.samples, random.Random(7))
        baseline_s, baseline = all_pairs_baseline(programs, facts, now)
        mismatches = sum(vector[p.pk].tolist() != baseline[p.pk] for p in programs)
    finally:
        shutil.rmtree(DATA_DIR, ignore_errors=True)

    print()
    print(f"{'':44}{'seconds':>10}")
    print(f"{'all pairs, numpy engine (facts included)':44}{vector_s:10.2f}")
    print(f"{'all pairs, per-pair Python check (baseline)':44}{baseline_s:10.2f}")
    print(f"{'speed-up':44}{baseline_s / vector_s:9.1f}×")
    print(f"programs whose verdicts differ between the two engines: {mismatches}")
    print()
    print(f"{'programs I can apply to, one startup':44}{'median ms':>10}{'p95 ms':>10}")
    print(
        f"{'  selector open_programs_ranked':44}{statistics.median(selector_ms):10.1f}"
        f"{p95(selector_ms):10.1f}"
    )
    print(
        f"{'  page /programs/for-me/ (test Client)':44}{statistics.median(page_ms):10.1f}"
        f"{p95(page_ms):10.1f}"
    )
    if mismatches:
        raise SystemExit("The engines disagree: the figures are not valid.")
    print(
        json.dumps(
            {
                "all_pairs_s": round(vector_s, 3),
                "for_me_p95_ms": round(p95(page_ms), 1),
                "baseline_all_pairs_s": round(baseline_s, 2),
                "for_me_selector_p95_ms": round(p95(selector_ms), 1),
                "rule_evaluations": evaluations,
            }
        )
    )


if __name__ == "__main__":
    main()
