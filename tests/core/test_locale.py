"""The Korean catalogue is complete, keeps its placeholders and is compiled."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
KO_PO = LOCALE / "ko" / "LC_MESSAGES" / "django.po"
KO_MO = KO_PO.with_suffix(".mo")

# A printf-style conversion as Python's % operator reads it: %s, %d, %(name)s, %%, %5.2f ...
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def translations(entries) -> dict:
    """(msgctxt, msgid) -> msgstr, or the tuple of plural forms for a plural entry."""
    table = {}
    for entry in entries:
        if not entry.msgid:  # the header
            continue
        key = (entry.msgctxt, entry.msgid)
        if entry.msgid_plural:
            table[key] = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
        else:
            table[key] = entry.msgstr
    return table


@pytest.fixture(scope="module")
def po():
    return polib.pofile(str(KO_PO))


def test_header(po):
    assert po.metadata["Language"] == "ko"
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    assert po.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"


def test_everything_is_translated(po):
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert po.percent_translated() == 100


def test_no_obsolete_entries(po):
    assert [e.msgid for e in po.obsolete_entries()] == []


def test_python_format_placeholders_are_kept(po):
    wrong = []
    for entry in po:
        if entry.obsolete or "python-format" not in entry.flags:
            continue
        expected = placeholders(entry.msgid)
        if entry.msgid_plural:
            # Korean has one form: it must serve both the singular and the plural msgid.
            expected |= placeholders(entry.msgid_plural)
            found = [placeholders(s) for s in entry.msgstr_plural.values()]
        else:
            found = [placeholders(entry.msgstr)]
        for got in found:
            if got != expected:
                wrong.append((entry.msgid, sorted(expected), sorted(got)))
    assert wrong == []


def test_leading_and_trailing_newlines_are_kept(po):
    wrong = []
    for entry in po.translated_entries():
        strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for s in strings:
            same_start = entry.msgid.startswith("\n") == s.startswith("\n")
            same_end = entry.msgid.endswith("\n") == s.endswith("\n")
            if not (same_start and same_end):
                wrong.append(entry.msgid)
    assert wrong == []


def test_compiled_catalogue_matches_the_po(po):
    assert KO_MO.exists(), "run: manage.py compilemessages -l ko -l en --ignore=.venv"
    compiled = translations(polib.mofile(str(KO_MO)))
    source = translations(e for e in po.translated_entries() if not e.obsolete)
    stale = sorted(
        str(key[1])
        for key in source.keys() | compiled.keys()
        if source.get(key) != compiled.get(key)
    )
    assert stale == [], "the .mo is older than the .po: run compilemessages"
