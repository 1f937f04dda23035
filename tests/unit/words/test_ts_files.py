"""The window's Qt translation files hold only what the window says, all of it translated.

Errors, findings and the passphrase meter's advice are message codes in the gettext
catalogues (CONTRIBUTING.md, "Words"); ``resources/translations/build.sh`` runs lupdate with
``-no-obsolete`` so that their old English sentences do not linger in the ``.ts`` files, where a
translator would keep translating words nobody sees.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[3] / "resources" / "translations"


def _messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TRANSLATIONS / f"testimony_{lang}.ts").getroot()
    return [
        (ctx.findtext("name") or "", message.findtext("source") or "", message)
        for ctx in root.iter("context")
        for message in ctx.iter("message")
    ]


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_no_obsolete_or_vanished_entry(lang: str) -> None:
    stale = []
    for context, source, message in _messages(lang):
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("obsolete", "vanished"):
            stale.append((context, source))
    assert stale == []


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_entry_is_translated(lang: str) -> None:
    untranslated = []
    for context, source, message in _messages(lang):
        translation = message.find("translation")
        forms = [] if translation is None else [
            f.text or "" for f in translation.iter("numerusform")
        ] or [translation.text or ""]
        if translation is None or translation.get("type") == "unfinished" or not all(forms):
            untranslated.append((context, source))
    assert untranslated == []


def test_the_meter_and_the_errors_are_no_longer_window_texts() -> None:
    """The passphrase hints moved to the services catalogue (passphrase.*)."""
    for lang in ("az", "ru"):
        contexts = {context for context, _, _ in _messages(lang)}
        assert "passphrase_strength" not in contexts
        assert "errors" not in contexts
    assert len(_messages("az")) == len(_messages("ru")) > 500
