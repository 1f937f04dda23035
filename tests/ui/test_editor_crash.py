"""Killing the editor mid-sentence loses at most the last few seconds.

A child process opens the editor on a real vault, types a long Azerbaijani account one key at
a time (100 keys a second, as a fast typist), and is killed with SIGKILL: no clean-up, no
flush, as a crash or a dead battery. The vault is then unlocked again and must hold a prefix
of what was typed, missing no more than the autosave interval's worth of keys.
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
AUTOSAVE_MS = 1000

_CHILD = textwrap.dedent(
    """
    import sys
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

    vault, record_id, text, rate, interval = sys.argv[1:6]
    session = unlock_vault(Path(vault), "pass")
    editor = TestimonyEditor(lambda: session, TaskRunner(), ScriptedPrompts())
    editor.set_autosave_interval(int(interval))
    editor.resize(1000, 700)
    editor.show()
    editor.open_record(record_id)
    editor.show_section("narrative")
    box = editor.narrative.text
    box.setFocus()
    state = {"typed": 0}
    editor.record_changed.connect(
        lambda _rid: print("SAVED", len(box.toPlainText()), flush=True))

    def key():
        if state["typed"] >= len(text):
            return
        ch = text[state["typed"]]
        QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)
        state["typed"] += 1
        print("TYPED", state["typed"], flush=True)

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(1000 // int(rate))
    app.exec()
    """
)


def test_kill_while_typing_keeps_all_but_the_last_seconds(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    session = create_vault(vault, "pass", kdf="test")
    record_id = session.testimonies.create()
    session.lock()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    typed = saved = 0
    deadline = time.monotonic() + 60
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CHILD,
            str(vault),
            record_id,
            TEXT,
            str(KEYS_PER_SECOND),
            str(AUTOSAVE_MS),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            for line in child.stdout:
                kind, _, number = line.partition(" ")
                if kind == "TYPED":
                    typed = int(number)
                elif kind == "SAVED":
                    saved = int(number)
                # Kill in the middle of a sentence, some time after a few autosaves.
                if typed >= 450 or time.monotonic() > deadline:
                    child.send_signal(signal.SIGKILL)
                    break
        finally:
            child.kill()
            child.wait()
    assert typed >= 450, "the child did not type"
    assert saved > 0, "no autosave happened before the kill"

    reopened = unlock_vault(vault, "pass")
    try:
        survived = reopened.testimonies.get(record_id).narrative.text
    finally:
        reopened.lock()
    assert TEXT.startswith(survived)
    assert len(survived) >= saved
    lost = typed - len(survived)
    # At most one autosave interval of typing (plus a little scheduling slack) is lost.
    assert lost <= KEYS_PER_SECOND * (AUTOSAVE_MS / 1000) * 1.5, (typed, len(survived))
