from datetime import timedelta

import pytest
from django.utils import timezone

from oimarket.matching import analysis, engine


@pytest.fixture(scope="session")
def _kiwi_loaded():
    """Load Kiwi once for the tests of this package that search (3 to 8 s), not in a test."""
    analysis.warm_up()


@pytest.fixture
def search_index(settings, tmp_path, _kiwi_loaded):
    """A throw-away keyword index (no vectors); call `index()` after creating records."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.SEARCH_DENSE = False
    return settings.SEARCH_INDEX_DIR


def index() -> None:
    """What the task worker does after each save, for every record at once."""
    engine.rebuild(vectors=False)


def saved_before(search, minutes: int = 5):
    """Make a saved search older than the records the test creates next."""
    type(search).objects.filter(pk=search.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )
    search.refresh_from_db()
    return search
