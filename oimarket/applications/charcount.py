"""Characters counted as Korean application forms count them, the same on server and browser.

Every character counts, spaces and line breaks included (공백 포함). A line break is one
character whatever the browser sends (CRLF in a form post, LF in a textarea), and a Hangul
syllable is one character even when typed or pasted as decomposed jamo (NFD, e.g. from macOS):
the text is NFC-normalized first. Code points are counted, so an emoji is one character (as
long as it is a single code point). The browser does the same in `static/js/autosave.js`:

    [...value.replace(/\\r\\n/g, "\\n").normalize("NFC")].length
"""

import unicodedata


def normalize_text(value: str) -> str:
    """What is stored and counted: CRLF turned into LF, then NFC."""
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n"))


def char_count(value: str | None) -> int:
    return len(normalize_text(value or ""))
