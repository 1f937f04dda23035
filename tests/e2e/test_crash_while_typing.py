"""Killing the application mid-sentence loses at most the last two seconds.

A child process runs the real main window on a real vault: it unlocks through the unlock page,
starts a testimony with ``actionNewTestimony`` and types an Azerbaijani account into the
narrative, one key every 50 ms, with the editor's default autosave (one second after the typing
stops, every 1.5 s while it goes on). After about eight seconds it is killed with SIGKILL (no
flush, no lock: a crash or a dead battery). The vault, reopened through the services, must hold
a prefix of what was typed, missing no more than two seconds of typing.
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
TEXT = "Məni gecə saat ikidə apardılar, gözlərimi bağladılar və döydülər. " * 20
KEY_INTERVAL_MS = 50
RUN_SECONDS = 8.5
MAX_LOST_SECONDS = 2.0

_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import testimony_app.ui  # the None/True reference guard, before Qt does anything
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QPlainTextEdit
    app = QApplication([])
    from testimony_app.ui.i18n import UiPreferences
    from testimony_app.ui.main_window import MainWindow
    from testimony_app.ui.prompts import ScriptedPrompts

    vault, passphrase, text, ui_ini, interval = sys.argv[1:6]
    window = MainWindow(Path(vault), prompts=ScriptedPrompts(),
                        preferences=UiPreferences(Path(ui_ini)), watch_sleep=False)
    window.resize(1100, 760)
    window.show()
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    state = {"typed": 0, "box": None}

    def type_one():
        box = state["box"]
        if state["typed"] >= len(text):
            return
        ch = text[state["typed"]]
        QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)
        state["typed"] += 1
        print("TYPED", state["typed"], time.monotonic(), flush=True)

    def step():
        if window.pages.currentWidget() is window.list_page and "record" not in state:
            state["record"] = True
            window.findChild(type(window.commands.new), "actionNewTestimony").trigger()
        elif (window.pages.currentWidget() is window.editor and state["box"] is None
              and not window.editor.is_opening()):
            print("RECORD", window.current_record, flush=True)
            window.editor.show_section("narrative")
            box = window.editor.findChild(QPlainTextEdit, "narrative.text")
            box.setFocus()
            state["box"] = box
            typer.start()
            poll.stop()

    poll = QTimer(); poll.timeout.connect(step); poll.start(50)
    typer = QTimer(); typer.timeout.connect(type_one); typer.setInterval(int(interval))
    app.exec()
    """
)


def _reader(stream: IO[str], lines: queue.Queue[str]) -> None:
    for line in stream:
        lines.put(line.strip())


def test_sigkill_while_typing_loses_only_the_last_seconds(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    create_vault(vault, PASSPHRASE, kdf="test").lock()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1")
    stderr = (tmp_path / "child.err").open("w")
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(vault),
            PASSPHRASE,
            TEXT,
            str(tmp_path / "ui.ini"),
            str(KEY_INTERVAL_MS),
        ],
        stdout=subprocess.PIPE,
        stderr=stderr,
        text=True,
        encoding="utf-8",
        env=env,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
    record_id = None
    typed_at: dict[int, float] = {}
    first_key = None
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                assert child.poll() is None, (tmp_path / "child.err").read_text()
                continue
            word, *rest = line.split()
            if word == "RECORD":
                record_id = rest[0]
            elif word == "TYPED":
                count, at = int(rest[0]), float(rest[1])
                typed_at[count] = at
                first_key = first_key or at
                if at - first_key >= RUN_SECONDS:
                    break
        else:
            pytest.fail("the child never got to typing")
        os.kill(child.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
        stderr.close()
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    while not lines.empty():  # keys typed between the last read and the kill
        word, *rest = lines.get().split()
        if word == "TYPED":
            typed_at[int(rest[0])] = float(rest[1])
    typed = max(typed_at)
    assert record_id

    session = unlock_vault(vault, PASSPHRASE)
    try:
        saved = session.testimonies.get(record_id).narrative.text
        # The next start will say which testimony was open (tests/ui/test_recovery.py).
        assert session.get_setting(OPEN_RECORD) == record_id
    finally:
        session.lock()
    assert saved, "nothing was autosaved in eight seconds of typing"
    assert TEXT[:typed].startswith(saved)  # what survived is exactly what was typed
    lost_keys = typed - len(saved)
    lost_seconds = killed_at - typed_at[len(saved)]
    print(f"typed {typed} keys, saved {len(saved)}, lost {lost_keys} keys = {lost_seconds:.1f} s")
    assert lost_seconds <= MAX_LOST_SECONDS
