"""Process tuning for web workers."""

import gc


def tune_web_process() -> None:
    """Move everything loaded at start-up out of the garbage collector's sight.

    Django and the app leave hundreds of thousands of long-lived objects; without this, the
    collector walks them again and again and a request now and then pauses for 100 ms or more.
    A higher first threshold makes young collections rarer too.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(7000, 10, 10)
