"""The window says where a crash report is: once, from whichever thread the bug was on."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from testimony_app.ui.crash_notice import CrashNotice
from testimony_app.ui.i18n import Translations
from testimony_app.ui.prompts import ScriptedPrompts

pytestmark = pytest.mark.gui


def test_a_report_from_a_worker_thread_is_named_in_one_message(
    qtbot: Any, scripted_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notice = CrashNotice(window)
    first, second = tmp_path / "crash-1.txt", tmp_path / "crash-2.txt"
    worker = threading.Thread(target=notice.notify, args=(first,))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: scripted_prompts.texts("error") != [], timeout=5000)
    (text,) = scripted_prompts.texts("error")
    assert str(first) in text
    assert "without any testimony content" in text
    notice.notify(second)  # a bug that repeats writes reports, not a pile of dialogs
    qtbot.wait(100)
    assert scripted_prompts.texts("error") == [text]


@pytest.mark.parametrize(("code", "words"), [("az", "hesabat"), ("ru", "Отчёт")])
def test_the_notice_speaks_the_interface_language(
    qtbot: Any, scripted_prompts: ScriptedPrompts, tmp_path: Path, code: str, words: str
) -> None:
    translations = Translations()
    translations.apply(code)
    try:
        window = QWidget()
        qtbot.addWidget(window)
        CrashNotice(window).notify(tmp_path / "crash-1.txt")
        qtbot.waitUntil(lambda: scripted_prompts.texts("error") != [], timeout=5000)
        (text,) = scripted_prompts.texts("error")
        assert words in text
        assert str(tmp_path / "crash-1.txt") in text
    finally:
        translations.apply("en")
