"""Where the search files live, and the lock that lets one writer at a time change them."""

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

LOCK_TIMEOUT_S = 600.0  # a rebuild of 10,000 documents holds the lock for well under this


def index_dir() -> Path:
    """`settings.SEARCH_INDEX_DIR`, by default `DATA_DIR / "search"`."""
    default = Path(settings.DATA_DIR) / "search"
    return Path(getattr(settings, "SEARCH_INDEX_DIR", None) or default)


def dense_enabled() -> bool:
    """`settings.SEARCH_DENSE` (default True): embed documents and use vectors in search."""
    return bool(getattr(settings, "SEARCH_DENSE", True))


class IndexLockTimeout(RuntimeError):
    pass


@contextmanager
def write_lock(*, timeout: float = LOCK_TIMEOUT_S):
    """Hold the search directory's writer lock (an flock, so across processes and threads).

    The index is written by the task worker and by `search_rebuild`; web processes only read.
    """
    directory = index_dir()
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory / "write.lock", os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IndexLockTimeout(f"search index busy for {timeout:.0f} s") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
