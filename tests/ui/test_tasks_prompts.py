"""The task runner (one background thread, callbacks on the GUI thread) and the prompts seam."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from testimony_app.errors import DiskFull, WrongPassphrase
from testimony_app.ui.prompts import QtPrompts, ScriptedPrompts, prompts_for
from testimony_app.ui.tasks import TaskRunner, error_sentence, show_error


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait_idle(5000)
    task_runner.shutdown()


def test_work_runs_off_the_gui_thread_and_results_come_back_on_it(runner: TaskRunner) -> None:
    gui = threading.get_ident()
    seen = []
    runner.submit(
        lambda: threading.get_ident(), lambda worker: seen.append((worker, threading.get_ident()))
    )
    assert runner.wait_idle()
    assert seen[0][0] != gui
    assert seen[0][1] == gui


def test_tasks_run_one_at_a_time_in_order(runner: TaskRunner) -> None:
    order: list[int] = []
    active: list[int] = []

    def job(n: int) -> int:
        active.append(n)
        assert len(active) == 1
        time.sleep(0.01)
        order.append(n)
        active.remove(n)
        return n

    for n in range(5):
        runner.submit(partial(job, n))
    assert runner.wait_idle()
    assert order == [0, 1, 2, 3, 4]


def test_busy_changes_once_per_burst(runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    for _ in range(3):
        runner.submit(lambda: time.sleep(0.01))
    assert runner.busy
    assert runner.wait_idle()
    assert states == [True, False]
    assert not runner.busy


@pytest.mark.slow
def test_the_gui_stays_responsive_while_a_slow_task_runs(runner: TaskRunner, qtbot: QtBot) -> None:
    done: list[bool] = []
    ran_on: list[threading.Thread] = []
    release = threading.Event()

    def slow() -> None:
        ran_on.append(threading.current_thread())
        release.wait(10)  # held until the GUI has turned: no race with the clock

    runner.submit(slow, lambda _: done.append(True))
    turned: list[bool] = []
    QTimer.singleShot(0, lambda: turned.append(True))
    qtbot.waitUntil(lambda: bool(turned), timeout=5000)  # the event loop turns meanwhile
    assert not done
    release.set()
    assert runner.wait_idle()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert ran_on
    assert ran_on[0] is not threading.main_thread()


def test_errors_go_to_on_error_or_to_a_plain_sentence(
    runner: TaskRunner, scripted_prompts: ScriptedPrompts
) -> None:
    caught: list[BaseException] = []
    runner.submit(lambda: (_ for _ in ()).throw(DiskFull()), on_error=caught.append)
    runner.submit(lambda: (_ for _ in ()).throw(WrongPassphrase()))
    runner.submit(lambda: (_ for _ in ()).throw(KeyError("Məhərrəmov")))
    assert runner.wait_idle()
    assert isinstance(caught[0], DiskFull)
    shown = scripted_prompts.texts("error")
    assert shown[0] == "The passphrase is not correct for this vault."
    assert shown[1] == "Something went wrong; your work is saved."
    assert "Məhərrəmov" not in " ".join(shown)


def test_callbacks_are_dropped_after_discard(runner: TaskRunner) -> None:
    seen: list[int] = []

    def slow_one() -> int:
        time.sleep(0.05)
        return 1

    runner.submit(slow_one, seen.append)
    runner.discard_callbacks()
    runner.submit(lambda: 2, seen.append)
    assert runner.wait_idle()
    assert seen == [2]


def test_error_sentence_never_shows_an_unexpected_message() -> None:
    assert error_sentence(RuntimeError("witness Nemət said …")) == (
        "Something went wrong; your work is saved."
    )
    assert error_sentence(WrongPassphrase()) == "The passphrase is not correct for this vault."


def test_error_sentence_speaks_the_interface_language(qtbot: QtBot) -> None:
    """A coded error is worded from the gettext catalogue of the language the window applies."""
    from testimony_app.errors import UserFacingError
    from testimony_app.ui.i18n import Translations

    try:
        Translations().apply("az")
        assert error_sentence(WrongPassphrase()) == "Bu seyf üçün parol düzgün deyil."
        assert error_sentence(DiskFull()).startswith("Disk doludur")
        # A plain UserFacingError carries its code too (no error is raised with a sentence now).
        assert error_sentence(UserFacingError("vault.locked")) == "Seyf kilidlidir."
        Translations().apply("ru")
        assert error_sentence(WrongPassphrase()) == (
            "Парольная фраза не подходит к этому хранилищу."
        )
    finally:
        Translations().apply("en")
    assert error_sentence(WrongPassphrase()) == "The passphrase is not correct for this vault."


def test_scripted_prompts_answer_in_order_and_record_everything() -> None:
    prompts = ScriptedPrompts().queue("confirm", True, False).queue("save_path", "/tmp/x.pdf")
    assert prompts.confirm(None, "T", "Seal?") is True
    assert prompts.confirm(None, "T", "Again?") is False
    assert prompts.save_path(None, "Save") == Path("/tmp/x.pdf")
    prompts.information(None, "T", "Done.")
    assert [s.kind for s in prompts.shown] == ["confirm", "confirm", "save_path", "information"]
    with pytest.raises(LookupError):
        prompts.ask_text(None, "T", "Why?")


def test_prompts_are_found_through_the_parent_chain(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    child = QWidget(top)
    scripted = ScriptedPrompts()
    top.prompts = scripted  # type: ignore[attr-defined]  # as the main window carries them
    assert prompts_for(child) is scripted
    lone = QWidget()
    qtbot.addWidget(lone)
    assert isinstance(prompts_for(lone), QtPrompts)


def test_show_error_uses_the_nearest_prompts(qtbot: QtBot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    scripted = ScriptedPrompts()
    top.prompts = scripted  # type: ignore[attr-defined]  # as the main window carries them
    show_error(QWidget(top), WrongPassphrase())
    assert scripted.texts("error") == ["The passphrase is not correct for this vault."]
