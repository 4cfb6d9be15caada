import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads in tests go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted by their English msgids; tests about Korean say so explicitly."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def live_search(settings, tmp_path):
    """A real search index in a throw-away folder, kept current by the services (on commit)."""
    from oimarket.matching import analysis

    analysis.warm_up()
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
    settings.SEARCH_AUTO_INDEX = True
    return settings.SEARCH_INDEX_DIR
