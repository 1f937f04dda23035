"""SessionOp: vault calls off the GUI thread, counted, and dropped once the widget or vault is gone.

A real vault (cheap test KDF) and the real task runner; a plain widget stands for a dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from testimony_app.errors import RecordNotFound
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.tasks import TaskRunner

pytestmark = pytest.mark.slow  # real work on the task runner and the GUI thread (about 1 s each)


class Holder:
    """The window's session provider: the open session, or None after the lock."""

    def __init__(self, session: VaultSession) -> None:
        self.current: VaultSession | None = session

    def __call__(self) -> VaultSession | None:
        return self.current


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[VaultSession]:
    session = create_vault(tmp_path / "vault", "pass", kdf="test")
    yield session
    if session.is_open:
        session.lock()


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(5000)
    task_runner.shutdown()


def test_the_call_runs_on_the_worker_and_answers_on_the_gui_thread(
    qtbot: QtBot, vault: VaultSession, runner: TaskRunner
) -> None:
    owner = QWidget()
    ops = SessionOp(owner, Holder(vault), runner)
    counts: list[int] = []
    ops.pending_changed.connect(counts.append)
    seen: list[Any] = []
    gui = threading.get_ident()

    def work(session: VaultSession) -> tuple[int, str]:
        return threading.get_ident(), session.testimonies.create()

    assert ops.submit(work, seen.append)
    assert ops.busy
    assert runner.wait_idle()
    (worker, record_id), = seen
    assert worker != gui
    assert vault.testimonies.get(record_id) is not None
    assert counts == [1, 0]
    assert not ops.busy


def test_an_answer_after_the_owner_closed_is_dropped_and_not_counted(
    qtbot: QtBot, vault: VaultSession, runner: TaskRunner
) -> None:
    owner = QWidget()
    ops = SessionOp(owner, Holder(vault), runner)
    seen: list[object] = []
    ops.submit(lambda s: s.testimonies.create(), seen.append)
    ops.close()
    assert runner.wait_idle()
    assert seen == []
    assert ops.pending == 0
    assert not ops.submit(lambda s: s.testimonies.list(), seen.append)  # nothing runs


def test_an_answer_after_the_lock_is_dropped_even_an_error(
    qtbot: QtBot, vault: VaultSession, runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    owner = QWidget()
    holder = Holder(vault)
    ops = SessionOp(owner, holder, runner)
    seen: list[object] = []
    gate = threading.Event()

    def slow(session: VaultSession) -> None:
        gate.wait(5)
        raise RecordNotFound("No testimony with that id is in this vault.")

    ops.submit(slow, seen.append, seen.append)
    ops.submit(lambda s: s.testimonies.list(), seen.append)
    holder.current = None  # the window locked while both were queued
    gate.set()
    assert runner.wait_idle()
    assert seen == []
    assert scripted_prompts.shown == []
    assert ops.pending == 0
    assert not ops.submit(lambda s: s.testimonies.list(), seen.append)


def test_answers_discarded_by_the_runner_still_count_down(
    qtbot: QtBot, vault: VaultSession, runner: TaskRunner
) -> None:
    owner = QWidget()
    ops = SessionOp(owner, Holder(vault), runner)
    seen: list[object] = []
    ops.submit(lambda s: s.testimonies.list(), seen.append)
    runner.discard_callbacks()  # what the lock does
    assert runner.wait_idle()
    assert seen == []
    assert ops.pending == 0


def test_an_error_nobody_handles_is_said_in_one_sentence(
    qtbot: QtBot, vault: VaultSession, runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    owner = QWidget()
    ops = SessionOp(owner, Holder(vault), runner)
    ops.submit(lambda s: s.testimonies.get("00000000-0000-4000-8000-000000000000"))
    assert runner.wait_idle()
    (text,) = scripted_prompts.texts("error")
    assert "No testimony with that id" in text
    assert "Traceback" not in text


def test_a_deleted_owner_gets_nothing(
    qtbot: QtBot, vault: VaultSession, runner: TaskRunner
) -> None:
    owner = QWidget()
    ops = SessionOp(owner, Holder(vault), runner)
    seen: list[object] = []
    ops.submit(lambda s: s.testimonies.list(), seen.append)
    shiboken6.delete(owner)  # the dialog was destroyed with its SessionOp
    assert runner.wait_idle()
    assert seen == []
