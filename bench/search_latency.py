"""Search latency benchmark on a throw-away SQLite database.

    .venv/bin/python bench/search_latency.py [--startups 10000] [--programs 400] [--queries 500]
                                             [--no-vectors] [--embed-limit N] [--no-http]
                                             [--profile]

Migrates a fresh database in a temporary directory, seeds the demo world, builds the search
index (`engine.rebuild`), then runs `--queries` mixed Korean and English queries (made
deterministically from the word lists below, about half Korean, some matching nothing):
- in-process: `engine.search` alone (hybrid, and lexical only), and the JSON API
  `/api/search?q=` through the Django test Client;
- over HTTP against `gunicorn -c config/gunicorn.py --workers 1` (OMP_NUM_THREADS=1):
  the page `/search/?q=` and the API, each in a fresh worker warmed up first (the first
  request loads Kiwi and the e5 model; warm-up requests are not counted);
- the baseline, in the same run: a plain ORM `icontains` (OR of the query's words) over the
  same texts, the first 20 rows of programs, challenges and startups;
- where a page's time goes, in-process: Kiwi, tantivy, e5 query embedding, numpy, database
  reads and snippets (`results_for`), facets, template (`--profile`: also cProfile's top).
Every query is run once per pass and the per-process query caches (Kiwi terms, e5 vectors)
are emptied before each pass, so no timing is a cache hit.

Vectors: embedding the whole corpus takes up to an hour, so the vector file is kept in
var/bench-cache/search-latency-dense-v1.npz and copied into the fresh index before the rebuild:
`seed_demo` is deterministic and vectors are keyed by passage hash, so only passages missing
from it are embedded (`--embed-limit N`: at most N per run; the cache fills over runs; the JSON
says how many documents have a vector). `--no-vectors`: lexical only, no embedding.
The last line printed is one JSON object with the figures.
"""

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA_DIR = tempfile.mkdtemp(prefix="oimarket-bench-")
CACHE = ROOT / "var" / "bench-cache" / "search-latency-dense-v1.npz"
ENV = {
    "OIMARKET_DATA_DIR": DATA_DIR,
    "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    "DEBUG": "0",
    "LOG_LEVEL": "ERROR",
    "OMP_NUM_THREADS": "1",
}
if "--no-vectors" in sys.argv:
    ENV["SEARCH_DENSE"] = "0"
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.template.backends.django import Template  # noqa: E402
from django.test import Client  # noqa: E402

from oimarket.accounts.enums import OrganizationKind  # noqa: E402
from oimarket.accounts.models import Organization  # noqa: E402
from oimarket.core.runtime import tune_web_process  # noqa: E402
from oimarket.matching import (  # noqa: E402
    analysis,
    dense,
    engine,
    glossary,
    lexical,
    selectors,
    storage,
)
from oimarket.matching import views as search_views  # noqa: E402
from oimarket.matching.documents import iter_documents  # noqa: E402
from oimarket.programs.selectors import challenges_public, programs_public  # noqa: E402

GOAL_SEARCH_MS, GOAL_PAGE_MS = 50, 150
BASELINE_ROWS = 20
WARMUP = 10

# What people on an open-innovation market type: technologies, products, problems (mostly
# from the demo world's vocabulary, so most queries find documents, some in the other
# language only), organization kinds, programs, regions; and a few that match nothing.
# fmt: off
KO_TOPICS = [
    "배터리 재활용", "폐배터리", "전고체 전해질", "배터리 화재", "배터리 상태 진단", "자율주행",
    "자율주행 셔틀", "라이다", "센서 퓨전", "전기차 충전", "충전 대기 시간", "차량 데이터",
    "스마트팩토리", "예지보전", "머신비전", "용접 품질", "설비 진동 분석", "공정 디지털 트윈",
    "디지털 트윈", "수소 연료전지", "수전해", "수소 충전", "태양광 발전량 예측", "가상발전소",
    "수요반응", "건물 에너지 관리", "재생에너지", "탄소중립", "탄소 배출량", "바이오 플라스틱",
    "폐플라스틱 선별", "수질 모니터링", "정수장", "누수 탐지", "녹조 예측", "하수처리장",
    "스마트팜", "수직농장", "대체육", "대체단백질", "콜드체인", "작물 생육", "물류 로봇",
    "라스트마일 배송", "경로 최적화", "풀필먼트", "반품 물류", "배차 플랫폼", "대체신용평가",
    "이상거래탐지", "마이데이터", "토큰증권", "보험 청구 자동화", "소상공인 대출", "AI 튜터",
    "적응형 학습", "수학 코스웨어", "VR 교육", "한국어 학습 앱", "제로트러스트", "OT 보안",
    "딥페이크 탐지", "양자내성암호", "침입탐지", "비대면 신원확인", "초소형 위성", "위성영상 분석",
    "UAM 부품", "드론 탐지", "안티드론", "열영상", "경계 감시", "스마트시티", "교량 균열 점검",
    "건설현장 안전", "도시 침수 예측", "구조물 모니터링", "스마트 가로등", "양식장", "수산물 선도",
    "선체 청소 로봇", "선박 배출가스", "수중 드론", "버추얼 휴먼", "웹툰 AI", "실시간 자막",
    "숏폼 편집", "메타버스", "XR 원격지원", "모션 캡처", "디지털 휴먼", "민원 챗봇", "ERP",
    "로우코드", "RPA", "정밀 가공", "세라믹 코팅", "탄소섬유 복합재", "나노 분말", "정전척",
    "AI 반도체", "NPU", "칩렛 패키징", "웨이퍼 검사", "팹리스", "신약 후보", "항체 발굴",
    "재활 치료 앱", "현장진단 키트", "디지털 바이오마커", "마이크로니들", "사족보행 로봇",
    "협동로봇", "피킹 로봇", "조리 로봇", "거대언어모델", "문서 자동화", "수요 예측",
    "AI 영상 분석", "불량 검사", "컴퓨터 비전", "이상탐지", "보행자 인지", "포트홀 탐지",
    "배전설비 고장", "충전기 원격 진단", "정비 매뉴얼 검색",
]
KO_CONTEXT = [
    "스타트업", "오픈이노베이션", "실증", "PoC", "공동 챌린지", "액셀러레이팅", "밋업",
    "테스트베드", "혁신조달", "시범구매", "수요기관", "수요기업", "대기업", "공공기관",
    "사업화 자금", "후속 R&D", "해외 실증", "전시회", "서울", "경기", "부산", "대전", "광주",
    "대구", "울산", "경남", "전남", "세종", "제주", "인천", "강원", "모집", "공모",
]
KO_MISSES = [
    "블록체인 게임", "우주 관광", "반려동물 보험", "패션 커머스", "부동산 중개", "웨딩 플래너",
    "골프 레슨", "뷰티 디바이스", "중고차 경매", "공유 오피스",
]
EN_TOPICS = [
    "battery recycling", "solid-state battery", "battery fire", "autonomous driving",
    "autonomous shuttle", "lidar", "sensor fusion", "EV charging", "smart factory",
    "predictive maintenance", "machine vision", "weld inspection", "digital twin",
    "hydrogen fuel cell", "electrolysis", "solar forecasting", "virtual power plant",
    "demand response", "energy management", "carbon accounting", "bioplastics",
    "plastic sorting", "water quality", "leak detection", "algal bloom", "smart farm",
    "vertical farm", "plant-based meat", "cold chain", "route optimization", "last-mile delivery",
    "fulfilment automation", "warehouse robots", "fraud detection", "credit scoring", "MyData",
    "insurance claims", "AI tutor", "adaptive learning", "VR training", "zero trust",
    "OT security", "deepfake detection", "post-quantum cryptography", "cubesat",
    "satellite imagery", "drone inspection", "counter-drone", "thermal imaging",
    "perimeter surveillance", "bridge inspection", "construction safety", "flood forecasting",
    "structural health monitoring", "aquaculture", "seafood freshness", "hull cleaning",
    "underwater drone", "virtual humans", "webtoon", "live captioning", "XR remote assistance",
    "motion capture", "chatbot", "low-code", "precision machining", "ceramic coating",
    "carbon fibre composites", "AI chips", "chiplet", "wafer inspection", "drug discovery",
    "antibody", "rehabilitation app", "point-of-care test", "microneedles", "legged robot",
    "cobot", "large language models", "anomaly detection", "computer vision",
    "demand forecasting", "pedestrian detection",
]
EN_CONTEXT = [
    "startup", "startups", "pilot", "PoC", "open innovation", "accelerator", "call",
    "public procurement", "testbed", "partners", "Busan", "Seoul", "Daejeon", "Korea",
]
EN_MISSES = [
    "wedding planner", "pet insurance", "golf lessons", "fashion marketplace", "crypto exchange",
    "real estate", "used cars", "coworking space",
]
# fmt: on


def make_queries(count: int, seed: int = 4) -> list[str]:
    """`count` distinct queries of 1 to 4 words, every other one Korean (mixed script too)."""
    rng = random.Random(seed)
    queries: dict[str, None] = {}
    while len(queries) < count:
        korean = len(queries) % 2 == 0
        topics, context, misses = (
            (KO_TOPICS, KO_CONTEXT, KO_MISSES) if korean else (EN_TOPICS, EN_CONTEXT, EN_MISSES)
        )
        roll = rng.random()
        if roll < 0.06:
            words = rng.choice(misses).split()
        elif roll < 0.50:
            words = rng.choice(topics).split()
        elif roll < 0.85:
            pair = [rng.choice(topics), rng.choice(context)]
            words = " ".join(pair[::-1] if rng.random() < 0.3 else pair).split()
        else:
            words = rng.choice(topics).split() + rng.choice(topics).split()
        queries.setdefault(" ".join(words[:4]), None)
    return list(queries)


def summarize(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered)}


def clear_query_caches() -> None:
    """Forget analyzed queries (terms and Kiwi tokens), renditions and query vectors, so a
    pass never hits an earlier one."""
    analysis.query_terms.cache_clear()
    analysis._query_tokens.cache_clear()
    glossary._rendition.cache_clear()
    dense.embed_query.cache_clear()


def time_queries(call, queries: list[str]) -> tuple[dict, list]:
    clear_query_caches()
    samples, results = [], []
    for q in queries:
        start = time.perf_counter()
        results.append(call(q))
        samples.append((time.perf_counter() - start) * 1000)
    return summarize(samples), results


def api_url(q: str) -> str:
    return "/api/search?" + urllib.parse.urlencode({"q": q})


def page_url(q: str) -> str:
    return "/search/?" + urllib.parse.urlencode({"q": q})


def client_get(client: Client, url_for):
    def call(q):
        response = client.get(url_for(q))
        assert response.status_code == 200, (q, response.status_code)
        return response.content

    return call


def baseline_search(q: str) -> int:
    """A plain `icontains` over the same texts: rows of every kind holding any word."""
    words = q.split()

    def any_word(*columns):
        cond = Q()
        for word in words:
            for column in columns:
                cond |= Q(**{f"{column}__icontains": word})
        return cond

    programs = programs_public().filter(
        any_word("title", "title_en", "summary", "summary_en", "body", "body_en")
    )
    challenges = challenges_public().filter(any_word("title", "title_en", "problem", "problem_en"))
    startups = Organization.objects.filter(kind=OrganizationKind.STARTUP, is_public=True).filter(
        any_word(
            "name",
            "name_en",
            "description",
            "description_en",
            "startup_profile__one_liner",
            "startup_profile__description",
            "startup_profile__technologies",
        )
    )
    return sum(len(list(qs[:BASELINE_ROWS])) for qs in (programs, challenges, startups))


# ---- index and vectors ----------------------------------------------------------------------


def cached_rows() -> int:
    if not CACHE.exists():
        return 0
    with np.load(CACHE, allow_pickle=False) as data:
        return len(data["ids"])


def save_cache(floor: int) -> None:
    """Copy the vector file to the cache, unless it holds fewer vectors than the cache (a
    smaller corpus must not shrink the issue-size cache)."""
    path = dense.dense_path()
    if not path.exists() or len(dense.current().ids) < floor:
        return
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    tmp = CACHE.with_suffix(".tmp")
    shutil.copyfile(path, tmp)
    os.replace(tmp, CACHE)


def embed_missing(docs, limit: int | None, floor: int) -> int:
    """Embed passages without a current vector (at most `limit`), saving the cache as it goes."""
    store = dense.current()
    todo = [d for d in docs if dense.needs_vector(store, d)]
    todo = todo[:limit] if limit is not None else todo
    start_s = time.perf_counter()
    for start in range(0, len(todo), engine.SAVE_EVERY):
        chunk = todo[start : start + engine.SAVE_EVERY]
        vectors = np.concatenate(
            [
                dense.embed_passages([d.passage for d in chunk[i : i + engine.EMBED_BATCH]])
                for i in range(0, len(chunk), engine.EMBED_BATCH)
            ]
        )
        with storage.write_lock():
            dense.apply(upsert=chunk, vectors=vectors)
        save_cache(floor)
        done, took = start + len(chunk), time.perf_counter() - start_s
        print(f"  embedded {done}/{len(todo)} ({done / took:.1f} passages/s)", flush=True)
    return len(todo)


def build_index(args) -> dict:
    vectors = not args.no_vectors
    floor = cached_rows() if vectors else 0
    if vectors and CACHE.exists():
        storage.index_dir().mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CACHE, dense.dense_path())
    start = time.perf_counter()
    engine.rebuild(vectors=False)  # lexical; prunes cached vectors to this corpus' documents
    lexical_s = time.perf_counter() - start
    embedded = current = 0
    if vectors:
        docs = list(iter_documents())
        missing = sum(dense.needs_vector(dense.current(), d) for d in docs)
        print(f"• {len(docs) - missing} of {len(docs)} documents have a cached vector")
        embedded = embed_missing(docs, args.embed_limit, floor)
        current = sum(not dense.needs_vector(dense.current(), d) for d in docs)
        if current < len(dense.current().ids):  # --embed-limit left some passages changed
            print(f"• {len(dense.current().ids) - current} vectors are of an older passage")
    return {
        "documents": lexical.num_docs(),
        "vectors": current if vectors else 0,
        "embedded": embedded,
        "lexical_s": lexical_s,
        "embed_s": time.perf_counter() - start - lexical_s,
    }


# ---- HTTP -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    cmd = [str(gunicorn), "config.wsgi:application", "-c", "config/gunicorn.py"]
    cmd += ["--bind", f"127.0.0.1:{port}", "--workers", "1"]
    env = {**os.environ, **ENV, "WEB_WORKERS": "1"}
    # The access log goes to stdout: keep it out of the report.
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/search/", timeout=5).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("gunicorn exited") from None
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("gunicorn did not answer within 30 s")


def http_get(base: str, url_for):
    def call(q):
        with urllib.request.urlopen(base + url_for(q), timeout=60) as response:
            assert response.status == 200, (q, response.status)
            return response.read()

    return call


def time_http(url_for, queries: list[str], warmup: list[str]) -> dict:
    """A fresh worker (empty query caches), warmed up with other queries, then timed."""
    port = free_port()
    proc = start_gunicorn(port)
    try:
        call = http_get(f"http://127.0.0.1:{port}", url_for)
        for q in warmup:
            call(q)
        samples = []
        for q in queries:
            start = time.perf_counter()
            call(q)
            samples.append((time.perf_counter() - start) * 1000)
        return summarize(samples)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# ---- where a page's time goes ---------------------------------------------------------------

# (label, owner, attribute): leaves of one `/search/` request, timed by wrapping them.
PARTS = [
    ("Kiwi query analysis (query_terms)", engine, "query_terms"),
    ("tantivy BM25 search", lexical, "search"),
    ("e5 query embedding", dense, "embed_query"),
    ("numpy cosine + top-k", dense.Store, "search"),
    ("tantivy fetch (stored hits)", lexical, "fetch"),
    ("tantivy facets (2 aggregations)", lexical, "count_by"),
    ("DB reads + snippets (results_for)", selectors, "results_for"),
    ("  of which Kiwi for snippets (highlight)", selectors, "highlight"),
    ("did-you-mean (pages without a keyword match)", engine, "did_you_mean"),
    ("search_page total", search_views, "search_page"),
    ("template rendering", Template, "render"),
]


class PartTimers:
    def __init__(self):
        self.current: dict[str, float] = {}
        self.samples: dict[str, list[float]] = {}
        self.originals = []
        self.snippet_texts: list[str] = []  # what Kiwi analyzed for snippets, in order

    def __enter__(self):
        for label, owner, attr in PARTS:
            original = getattr(owner, attr, None)
            if original is None:
                continue
            setattr(owner, attr, self._timed(label, original))
            self.samples[label] = []
            self.originals.append((owner, attr, original))
        return self

    def __exit__(self, *exc):
        for owner, attr, original in reversed(self.originals):
            setattr(owner, attr, original)

    def _timed(self, label, original):
        def timed(*args, **kwargs):
            if original is analysis.highlight:
                self.snippet_texts.append(args[0])
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.current[label] = (
                    self.current.get(label, 0.0) + (time.perf_counter() - start) * 1000
                )

        return timed

    def request_done(self) -> None:
        for label in self.samples:
            self.samples[label].append(self.current.get(label, 0.0))
        self.current = {}


def page_breakdown(queries: list[str], profile: bool) -> tuple[dict, dict, dict, str]:
    """The page in-process (test Client), with the time of each part per request."""
    client = Client()
    get = client_get(client, page_url)
    clear_query_caches()
    totals, profiler = [], cProfile.Profile() if profile else None
    with PartTimers() as timers:
        for q in queries:
            start = time.perf_counter()
            if profiler:
                profiler.enable()
            get(q)
            if profiler:
                profiler.disable()
            totals.append((time.perf_counter() - start) * 1000)
            timers.request_done()
    parts = {
        label: summarize(s) | {"mean": statistics.mean(s)} for label, s in timers.samples.items()
    }
    texts = timers.snippet_texts
    snippets = {"calls": len(texts), "repeats": len(texts) - len(set(texts))}
    top = ""
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(40)
        top = out.getvalue()
    return summarize(totals) | {"mean": statistics.mean(totals)}, parts, snippets, top


# ---- run and report -------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--startups", type=int, default=10_000)
    parser.add_argument("--programs", type=int, default=400)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--no-vectors", action="store_true", help="Lexical only (no e5).")
    parser.add_argument("--embed-limit", type=int, help="Embed at most N missing passages.")
    parser.add_argument("--no-http", action="store_true", help="Skip the gunicorn runs.")
    parser.add_argument("--profile", action="store_true", help="cProfile the in-process page.")
    args = parser.parse_args()
    try:
        run(args)
    finally:
        shutil.rmtree(DATA_DIR, ignore_errors=True)


def run(args) -> None:
    print(
        f"• Database and index in {DATA_DIR}; load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores (other work on the machine slows every figure)"
    )
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    start = time.perf_counter()
    call_command("seed_demo", startups=args.startups, programs=args.programs, verbosity=0)
    print(
        f"• Seeded {args.startups} startups, {args.programs} programs in "
        f"{time.perf_counter() - start:.1f} s"
    )
    index = build_index(args)
    print(
        f"• {index['documents']} documents indexed in {index['lexical_s']:.1f} s; "
        f"{index['vectors']} with a vector ({index['embedded']} embedded in "
        f"{index['embed_s']:.1f} s)"
    )
    queries = make_queries(args.queries)
    warmup = [q for q in make_queries(args.queries + 60, seed=5) if q not in set(queries)]
    warmup = warmup[:WARMUP]
    korean = sum(bool(analysis._HANGUL.search(q)) for q in queries)
    print(f"• {len(queries)} queries ({korean} with Korean), e.g. {', '.join(queries[:6])}")

    client = Client()
    for q in warmup:  # Kiwi and the e5 model load on first use, templates on first render
        client_get(client, page_url)(q)
        client_get(client, api_url)(q)
    tune_web_process()  # as gunicorn's workers do (config/gunicorn.py)
    limit = selectors.PER_PAGE + 1  # what the page asks of the engine
    figures = {}
    figures["search"], hits = time_queries(lambda q: engine.search(q=q, limit=limit), queries)
    figures["lexical"], lex_hits = time_queries(
        lambda q: engine.search(q=q, limit=limit, vectors=False), queries
    )
    figures["api"], _ = time_queries(client_get(client, api_url), queries)
    figures["page_inproc"], parts, snippets, top = page_breakdown(queries, args.profile)
    figures["baseline"], rows = time_queries(baseline_search, queries)
    http = {}
    if not args.no_http:
        http["page"] = time_http(page_url, queries, warmup)
        http["api"] = time_http(api_url, queries, warmup)
    found = {
        "search": sum(bool(h) for h in hits),
        "lexical": sum(bool(h) for h in lex_hits),
        "baseline": sum(bool(n) for n in rows),
    }
    report(args, index, queries, figures, http, parts, found)
    print(
        f"  snippets: Kiwi analyzed {snippets['calls']} texts, {snippets['repeats']} of them "
        "already analyzed for an earlier query of the pass (a per-text cache would skip those)"
    )
    if top:
        print("\ncProfile of the in-process page: top 25 by own time, top 40 cumulative\n" + top)
    print(json.dumps(result_json(index, queries, figures, http, found)))


def row(label: str, stats: dict, extra: str = "") -> str:
    return f"  {label:<44} {stats['median']:>9.1f} {stats['p95']:>9.1f}  {extra}"


def report(args, index, queries, figures, http, parts, found) -> None:
    n = len(queries)
    vec = "lexical only" if args.no_vectors else f"hybrid, {index['vectors']} vectors"
    print(f"\n{'':46} {'median ms':>9} {'p95 ms':>9}  queries with a result")
    print(f"in-process, {n} queries each, query caches emptied before each pass")
    print(row(f"engine.search ({vec})", figures["search"], f"{found['search']}/{n}"))
    lexical_row = row("engine.search, lexical only (vectors=False)", figures["lexical"])
    print(f"{lexical_row}{found['lexical']}/{n}")
    print(row("/api/search?q= (test Client)", figures["api"]))
    print(row("/search/?q= (test Client)", figures["page_inproc"]))
    if http:
        print("HTTP (gunicorn -c config/gunicorn.py, 1 worker, warmed up, urllib)")
        print(row("/search/?q=", http["page"]))
        print(row("/api/search?q=", http["api"]))
    print(f"baseline: ORM icontains, OR of the words, first {BASELINE_ROWS} rows of 3 kinds")
    print(row("programs + challenges + startups", figures["baseline"], f"{found['baseline']}/{n}"))
    page = http.get("page", figures["page_inproc"])
    print(
        f"\ngoals: search p95 {figures['search']['p95']:.1f} ms (< {GOAL_SEARCH_MS}: "
        f"{'met' if figures['search']['p95'] < GOAL_SEARCH_MS else 'MISSED'}), "
        f"page p95 {page['p95']:.1f} ms (< {GOAL_PAGE_MS}: "
        f"{'met' if page['p95'] < GOAL_PAGE_MS else 'MISSED'})"
    )
    total = figures["page_inproc"]["mean"]
    title = "where /search/ spends its time (in-process, ms per request)"
    print(f"\n{title:<58} {'median':>7} {'p95':>7} {'mean':>7}  share of mean")
    for label, stats in [*parts.items(), ("whole request", figures["page_inproc"])]:
        share = stats["mean"] / total * 100
        print(
            f"  {label:<56} {stats['median']:>7.1f} {stats['p95']:>7.1f} {stats['mean']:>7.1f}"
            f"  {share:5.1f} %"
        )


def result_json(index, queries, figures, http, found) -> dict:
    r1 = lambda x: round(x, 1)  # noqa: E731
    page = http.get("page", figures["page_inproc"])
    out = {
        "search_p95_ms": r1(figures["search"]["p95"]),
        "page_p95_ms": r1(page["p95"]),
        "baseline_p95_ms": r1(figures["baseline"]["p95"]),
        "search_median_ms": r1(figures["search"]["median"]),
        "page_median_ms": r1(page["median"]),
        "baseline_median_ms": r1(figures["baseline"]["median"]),
        "page_over": "http" if http else "test_client",
        "lexical_only_p95_ms": r1(figures["lexical"]["p95"]),
        "api_inprocess_p95_ms": r1(figures["api"]["p95"]),
        "page_inprocess_p95_ms": r1(figures["page_inproc"]["p95"]),
    }
    if http:
        out["api_http_p95_ms"] = r1(http["api"]["p95"])
    return out | {
        "queries": len(queries),
        "queries_found": found["search"],
        "baseline_found": found["baseline"],
        "documents": index["documents"],
        "vectors": index["vectors"],
    }


if __name__ == "__main__":
    main()
