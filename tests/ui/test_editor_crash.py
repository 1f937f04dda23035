"""Killing the editor mid-sentence loses at most the last two seconds.

A child process opens the editor on a real vault with its default autosave (one second after
the typing stops, every 1.5 s while it goes on), types a long Azerbaijani account one key at a
time (100 keys a second, as a fast typist, never pausing), and is killed with SIGKILL after
five seconds: no clean-up, no flush, as a crash or a dead battery. The vault is then unlocked
again and must hold a prefix of what was typed, missing no more than two seconds of typing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from testimony_app.services.vault import create_vault, unlock_vault

pytestmark = [pytest.mark.gui, pytest.mark.slow]

TEXT = (
    "Məni gecə saat ikidə apardılar. Şüşə qırıqları, çörək yox, su yox. Меня били дубинками. "
) * 40
KEYS_PER_SECOND = 100
TYPING_SECONDS = 5.0
MAX_LOST_SECONDS = 2.0

_CHILD = textwrap.dedent(
    """
    import sys, time
    import testimony_app.ui  # guards against the PySide6 6.12 None/True refcount bug
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from testimony_app.services.vault import unlock_vault
    from testimony_app.ui.editor import TestimonyEditor
    from testimony_app.ui.prompts import ScriptedPrompts
    from testimony_app.ui.tasks import TaskRunner

    vault, record_id, text, rate = sys.argv[1:5]
    session = unlock_vault(Path(vault), "pass")
    editor = TestimonyEditor(lambda: session, TaskRunner(), ScriptedPrompts())
    editor.resize(1000, 700)
    editor.show()
    box = editor.narrative.text
    state = {"typed": 0}
    # What reached the vault, as the saver reports it (the default delays).
    editor.saver.saved.connect(
        lambda _rid, t: print("SAVED", len(t.narrative.text), flush=True))

    def key():
        if state["typed"] >= len(text):
            return
        ch = text[state["typed"]]
        QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)
        state["typed"] += 1
        print("TYPED", state["typed"], time.monotonic(), flush=True)

    timer = QTimer()
    timer.timeout.connect(key)

    def start(_rid):
        editor.show_section("narrative")
        box.setFocus()
        timer.start(1000 // int(rate))

    editor.opened.connect(start)
    editor.open_record(record_id)
    app.exec()
    """
)


def test_kill_while_typing_loses_at_most_two_seconds(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    session = create_vault(vault, "pass", kdf="test")
    record_id = session.testimonies.create()
    session.lock()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    typed_at: dict[int, float] = {0: 0.0}
    saves = 0
    first = killed_at = None
    deadline = time.monotonic() + 60
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(vault), record_id, TEXT, str(KEYS_PER_SECOND)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            for line in child.stdout:
                kind, *rest = line.split()
                if kind == "TYPED":
                    at = float(rest[1])
                    typed_at[int(rest[0])] = at
                    first = first or at
                    # Kill in the middle of a sentence, after several autosaves.
                    if at - first >= TYPING_SECONDS:
                        child.send_signal(signal.SIGKILL)
                        killed_at = time.monotonic()
                        break
                elif kind == "SAVED":
                    saves += 1
                if time.monotonic() > deadline:
                    break
        finally:
            child.kill()
            child.wait()
            if child.stdout is not None:
                for line in child.stdout:  # keys typed between the last read and the kill
                    kind, *rest = line.split()
                    if kind == "TYPED":
                        typed_at[int(rest[0])] = float(rest[1])
    assert killed_at is not None, "the child did not type"
    assert saves >= 2, "the editor did not save while the typing went on"

    reopened = unlock_vault(vault, "pass")
    try:
        survived = reopened.testimonies.get(record_id).narrative.text
    finally:
        reopened.lock()
    typed = max(typed_at)
    assert TEXT[:typed].startswith(survived)  # exactly what was typed, nothing else
    lost_seconds = killed_at - typed_at[len(survived)]
    print(f"typed {typed} keys, {saves} saves, kept {len(survived)}, lost {lost_seconds:.2f} s")
    assert lost_seconds <= MAX_LOST_SECONDS, (typed, len(survived), lost_seconds)
