import pytest


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted by their English msgids, whatever the Korean catalogue says."""
    settings.LANGUAGE_CODE = "en"
