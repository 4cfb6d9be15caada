"""Catalogue benchmark on a throw-away SQLite database.

    .venv/bin/python bench/catalogue.py [--startups 10000] [--programs 400] [--requests 200]

Migrates a fresh database in a temporary directory, seeds the demo world, then times
`/programs/` (list), a filtered list and a program's detail page, in-process with the Django
test Client and over HTTP against `gunicorn --workers 1`. The baseline is the list's work
done naively: every published program, unpaginated, related rows fetched one by one.
The last line printed is one JSON object with the headline figures (HTTP ones if measured).
"""

import argparse
import json
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA_DIR = tempfile.mkdtemp(prefix="oimarket-bench-")
ENV = {
    "OIMARKET_DATA_DIR": DATA_DIR,
    "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    "DEBUG": "0",
    "LOG_LEVEL": "ERROR",
}
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from oimarket.programs.models import Program  # noqa: E402

FILTERED = "/programs/?track=top_down&field=ai&status=open&sort=closing"


def summarize(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def time_calls(call, count: int, warmup: int = 5) -> dict:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return summarize(samples)


def client_get(client: Client, url: str):
    def call():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return call


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as ctx:
        call()
    return len(ctx.captured_queries)


def naive_list() -> int:
    """What a list view without select/prefetch and pagination would do for every row."""
    now = timezone.now()
    rows = 0
    for program in Program.objects.filter(status="published").order_by("closes_at"):
        _ = program.organization.display_name, program.organization.kind
        _ = [str(f) for f in program.fields.all()]
        _ = [str(r) for r in program.regions.all()]
        _ = [o.name for o in program.partners.all()]
        _ = program.challenges.count(), program.phase(now), program.days_left(now)
        rows += 1
    return rows


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    cmd = [str(gunicorn), "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    cmd += ["--workers", "1", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **ENV})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/programs/", timeout=5).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("gunicorn exited") from None
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not answer within 30 s")


def http_get(url: str):
    def call():
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.status == 200, (url, response.status)
            response.read()

    return call


def row(label: str, stats: dict, queries: int | str = "") -> str:
    return f"  {label:<34} {stats['median']:>9.1f} {stats['p95']:>9.1f} {queries!s:>8}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startups", type=int, default=10_000)
    parser.add_argument("--programs", type=int, default=400)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--no-http", action="store_true", help="Skip the gunicorn run.")
    args = parser.parse_args()
    try:
        run(args)
    finally:
        shutil.rmtree(DATA_DIR, ignore_errors=True)


def run(args) -> None:
    print(f"• Database in {DATA_DIR}")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    start = time.perf_counter()
    call_command("seed_demo", startups=args.startups, programs=args.programs, verbosity=0)
    seed_s = time.perf_counter() - start
    print(f"• Seeded {args.startups} startups and {args.programs} programs in {seed_s:.1f} s")
    # The first story program: the ministry's call, with the most challenges and partners.
    detail = Program.objects.order_by("id").first()
    urls = {
        "list /programs/": "/programs/",
        "filtered list": FILTERED,
        f"detail /programs/{detail.pk}/": f"/programs/{detail.pk}/",
    }
    client = Client()
    inproc = {
        label: time_calls(client_get(client, url), args.requests) for label, url in urls.items()
    }
    queries = {label: count_queries(client_get(client, url)) for label, url in urls.items()}
    rows = naive_list()
    naive = time_calls(naive_list, max(20, args.requests // 10), warmup=2)
    naive_queries = count_queries(naive_list)
    http = {}
    if not args.no_http:
        port = free_port()
        proc = start_gunicorn(port)
        try:
            base = f"http://127.0.0.1:{port}"
            http = {
                label: time_calls(http_get(base + url), args.requests)
                for label, url in urls.items()
            }
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    report(args, inproc, queries, http, naive, naive_queries, rows, seed_s)


def report(args, inproc, queries, http, naive, naive_queries, rows, seed_s) -> None:
    labels = list(inproc)
    print(f"\n{'':36} {'median ms':>9} {'p95 ms':>9} {'queries':>8}")
    print(f"in-process (django.test.Client), {args.requests} requests each")
    for label in labels:
        print(row(label, inproc[label], queries[label]))
    if http:
        print(f"HTTP (gunicorn, 1 worker, urllib), {args.requests} requests each")
        for label in labels:
            print(row(label, http[label]))
    print("baseline: naive list, no select/prefetch, no pagination")
    print(row(f"all {rows} published programs", naive, naive_queries))
    source = http or inproc
    list_stats, filtered, detail = (source[label] for label in labels)
    ratio = naive["median"] / inproc[labels[0]]["median"]
    print(f"\nnaive list / paginated list (in-process medians): {ratio:.1f}×")
    if http:
        ratio = naive["median"] / http[labels[0]]["median"]
        print(f"naive list (no rendering) / HTTP list (rendered, over the wire): {ratio:.1f}×")
    result = {
        "list_median_ms": round(list_stats["median"], 1),
        "list_p95_ms": round(list_stats["p95"], 1),
        "filtered_p95_ms": round(filtered["p95"], 1),
        "detail_p95_ms": round(detail["p95"], 1),
        "seed_s": round(seed_s, 1),
        "baseline_list_median_ms": round(naive["median"], 1),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
