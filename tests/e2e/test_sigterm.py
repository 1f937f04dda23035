"""SIGTERM (logout, shutdown) saves what was typed and locks the vault before the program ends.

A child process runs the real main window on a real vault with the termination handler that
``app.py`` installs: it unlocks through the unlock page, starts a testimony, and types an
Azerbaijani and Russian sentence into the narrative with the autosave a minute away, so that
only the ending can save it. The test sends SIGTERM (as a session manager does at logout) and
checks that the process ends by itself with status 0, that it locked the vault on the way, and
that the vault holds every character typed.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from testimony_app.services.vault import create_vault, unlock_vault
from testimony_app.ui.shell.session_controller import OPEN_RECORD

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PASSPHRASE = "çay-dəftər-körpü-ulduz-şam-bağ"
TEXT = "Məni gecə apardılar, gözlərimi bağladılar. Меня били дубинками."

_CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import testimony_app.ui  # the None/True reference guard, before Qt does anything
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit
    app = QApplication([])
    app.setQuitOnLastWindowClosed(True)
    from testimony_app.ui.i18n import UiPreferences
    from testimony_app.ui.main_window import MainWindow
    from testimony_app.ui.prompts import ScriptedPrompts
    from testimony_app.ui.shell.termination import install_termination_handler

    vault, passphrase, text, ui_ini = sys.argv[1:5]
    window = MainWindow(Path(vault), prompts=ScriptedPrompts(),
                        preferences=UiPreferences(Path(ui_ini)), watch_sleep=False)
    install_termination_handler(window.terminate, window)  # as app.py does
    window.locked.connect(lambda: print("LOCKED", flush=True))
    window.show()
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    state = {}

    def step():
        if window.pages.currentWidget() is window.list_page and "new" not in state:
            state["new"] = True
            window.commands.new.trigger()
        elif (window.pages.currentWidget() is window.editor and "typed" not in state
              and not window.editor.is_opening()):
            state["typed"] = True
            window.editor.set_autosave_interval(60_000)  # only the ending can save it
            window.editor.show_section("narrative")
            box = window.editor.findChild(QPlainTextEdit, "narrative.text")
            box.setFocus()
            for ch in text:
                QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch,
                                   Qt.KeyboardModifier.NoModifier)
            print("TYPED", window.current_record, window.editor.is_dirty(), flush=True)
            poll.stop()

    poll = QTimer(); poll.timeout.connect(step); poll.start(50)
    sys.exit(app.exec())
    """
)


def _reader(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line.strip())


def test_sigterm_saves_the_typing_and_locks_before_the_end(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    create_vault(vault, PASSPHRASE, kdf="test").lock()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    stderr = (tmp_path / "child.err").open("w")
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(vault), PASSPHRASE, TEXT, str(tmp_path / "ui.ini")],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        encoding="utf-8",
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True)
    reader.start()
    seen: list[str] = []
    record_id = None
    try:
        deadline = time.monotonic() + 60
        while record_id is None and time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert child.poll() is None, (tmp_path / "child.err").read_text()
                continue
            seen.append(line)
            word, *rest = line.split()
            if word == "TYPED":
                record_id, dirty = rest
                assert dirty == "True"  # nothing saved yet: only the ending can save it
        assert record_id, "the child never typed"
        child.send_signal(signal.SIGTERM)
        status = child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        stderr.close()
        reader.join(10)  # to the end of its output
        if child.stdout is not None:
            child.stdout.close()
    while not lines.empty():
        seen.append(lines.get())
    assert status == 0, (tmp_path / "child.err").read_text()  # it ended by itself, cleanly
    assert "LOCKED" in seen  # the window locked the vault on the way out

    session = unlock_vault(vault, PASSPHRASE)
    try:
        assert session.testimonies.get(record_id).narrative.text == TEXT
        assert not session.get_setting(OPEN_RECORD)  # a clean end: no "recovered" notice next
    finally:
        session.lock()
