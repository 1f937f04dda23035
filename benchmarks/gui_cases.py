"""The window: how long the event loop stalls while work runs, and how soon it is shown."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import corpus
from benchmarks.cases import PASSPHRASE, Settings
from benchmarks.laptop_bundles import random_file
from benchmarks.results import Result, Target, median_result
from testimony_app.services.vault import create_vault


def gui_stall(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """The longest the GUI event loop is blocked during an export and a 20,000-row filter."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from testimony_app.domain.model import Status, TestimonySummary
    from testimony_app.services import organisation
    from testimony_app.ui.tasks import TaskRunner
    from testimony_app.ui.testimony_table import TestimonyFilterProxy, TestimonyTableModel

    app = QApplication.instance() or QApplication([])
    clock = QElapsedTimer()
    clock.start()
    worst = [0.0]
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0] - 5)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()

    # 1. An export running on the worker thread while the event loop turns.
    size = max(settings.export_mb // 4, 8) * 1024 * 1024
    recording = work / "recording.bin"
    random_file(recording, size)
    keys = organisation.org_keygen(work / "org")
    device = create_vault(work / "device", PASSPHRASE, kdf="test")
    device.bundles.enrol([keys.recipient], keys.signing_public_key, "Benchmark Org", confirmed=True)
    record_id = device.testimonies.create(corpus.testimony(settings.seed, 2))
    device.testimonies.add_attachment(record_id, recording)
    device.testimonies.seal(record_id, backup=False)
    runner = TaskRunner()
    done = [False]
    runner.submit(
        lambda: device.bundles.export(work / "gui.age", keep_doubtful=True),
        lambda _: done.__setitem__(0, True),
        lambda _: done.__setitem__(0, True),
    )
    last[0] = clock.elapsed()
    worst[0] = 0.0
    while not done[0]:
        app.processEvents()
        QCoreApplication.sendPostedEvents()
        time.sleep(0.001)
    export_stall = worst[0]
    runner.shutdown()
    device.lock()
    # 2. Filtering and sorting the list of 20,000 testimonies (runs on the GUI thread).
    rows = [
        TestimonySummary(
            id=f"{i:08d}-0000-4000-8000-000000000000",
            status=Status.SEALED,
            version=1,
            interview_date=f"20{17 + i % 8}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            place=corpus.PLACES["az"][i % 6],
            language=corpus.LANGS[i % 3],
            witness_label=f"W-{i:05d}",
            witness_name="",
            title="",
            methods=(corpus.METHODS[i % len(corpus.METHODS)],),
            updated_at="",
            fictional=True,
        )
        for i in range(20_000)
    ]
    model = TestimonyTableModel()
    proxy = TestimonyFilterProxy()
    proxy.setSourceModel(model)
    model.set_summaries(rows)
    filter_worst = 0.0
    for method in ("falanga", "beating", None, "electric_shock"):
        start = time.perf_counter()
        proxy.set_filters(method=method, date_from="2018-01-01")
        proxy.sort(1)
        app.processEvents()
        filter_worst = max(filter_worst, (time.perf_counter() - start) * 1000)
    # 3. Typing and autosaving in the editor while a backup holds the database.
    def reset() -> None:
        last[0] = clock.elapsed()
        worst[0] = 0.0

    autosave_stall, blocked, backup_s = _autosave_during_backup(settings, work, app, reset, worst)
    timer.stop()
    log(f"gui stall: export {export_stall:.0f} ms, 20,000-row filter+sort {filter_worst:.0f} ms")
    log(
        f"gui stall: autosave during a {backup_s:.2f} s backup {autosave_stall:.0f} ms"
        f" (a save on the GUI thread would block {blocked:.0f} ms)"
    )
    return [
        Result(
            "gui_stall_ms",
            max(export_stall, filter_worst),
            "ms",
            None,
            None,
            target=Target("value", 50),
            note="export on the worker; filter and sort of 20,000 rows",
            extra={"export_ms": export_stall, "filter_sort_ms": filter_worst},
        ),
        Result(
            "gui_stall_autosave_backup_ms",
            autosave_stall,
            "ms",
            "the same save on the GUI thread",
            blocked,
            target=Target("value", 50),
            note=f"typing and autosaving during a {backup_s:.1f} s backup",
        ),
    ]


def _autosave_during_backup(
    settings: Settings,
    work: Path,
    app: object,
    reset: Callable[[], None],
    worst: list[float],
) -> tuple[float, float, float]:
    """Worst event-loop gap while typing (one key every 10 ms, a flush every 200 ms) into the
    real editor as a backup runs on the worker; the time one save made on the GUI thread waits
    for the same backup (how the editor saved before); and the backup's duration."""
    import threading

    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from testimony_app.ui.editor import TestimonyEditor
    from testimony_app.ui.prompts import ScriptedPrompts
    from testimony_app.ui.tasks import TaskRunner

    assert isinstance(app, QApplication)
    vault = create_vault(work / "autosave", PASSPHRASE, kdf="test")
    size = max(settings.records // 4, 200)  # a database big enough for a backup to take a while
    for start in range(0, size, 1000):
        chunk = range(start, min(size, start + 1000))
        vault.testimonies.create_many([corpus.testimony(settings.seed, k) for k in chunk])
    record_id = vault.testimonies.create()

    def pump(until: Callable[[], bool]) -> None:
        while not until():
            app.processEvents()
            QCoreApplication.sendPostedEvents()
            time.sleep(0.001)

    # Before: the editor saved on the GUI thread, so a save waited for the database lock.
    backup = threading.Thread(target=vault.backup)
    started = time.perf_counter()
    backup.start()
    time.sleep(0.05)  # the backup has the lock (it holds it for the whole page copy)
    start = time.perf_counter()
    vault.testimonies.save_draft(record_id, corpus.testimony(settings.seed, size + 1))
    blocked = (time.perf_counter() - start) * 1000
    backup.join()
    backup_s = time.perf_counter() - started

    # Now: the same backup on the worker, typing and saves in the window meanwhile.
    runner = TaskRunner()
    editor = TestimonyEditor(lambda: vault, runner, ScriptedPrompts())
    editor.resize(1000, 700)
    editor.show()
    opened = [False]
    editor.opened.connect(lambda _rid: opened.__setitem__(0, True))
    editor.open_record(record_id)
    pump(lambda: opened[0])
    editor.show_section("narrative")
    box = editor.narrative.text
    box.setFocus()
    failures: list[str] = []
    editor.saver.failed.connect(lambda _rid, exc: failures.append(type(exc).__name__))
    text = "Məni gecə apardılar. Меня били. " * 40
    done = [False]
    runner.submit(
        vault.backup,
        lambda _: done.__setitem__(0, True),
        lambda _: done.__setitem__(0, True),
    )
    typed = 0
    next_key = next_flush = time.perf_counter()
    reset()  # measured from here: the event loop turns while the worker backs up
    while not done[0] and typed < len(text):
        now = time.perf_counter()
        if now >= next_key:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                box,
                Qt.Key.Key_unknown,
                text[typed],
                Qt.KeyboardModifier.NoModifier,
            )
            typed += 1
            next_key = now + 0.01
        if now >= next_flush:
            editor.flush()  # queued behind the backup; the window goes on
            next_flush = now + 0.2
        app.processEvents()
        QCoreApplication.sendPostedEvents()
        time.sleep(0.001)
    stall = worst[0]
    pump(lambda: done[0])
    settled = editor.save_and_wait(120_000)
    stored = vault.testimonies.get(record_id).narrative.text
    assert settled, f"the last save did not finish: {failures}"
    # A benchmark that loses text is worse than none: the vault holds what the window shows.
    shown = box.toPlainText()
    differs = next((i for i, (a, b) in enumerate(zip(stored, shown, strict=False)) if a != b), -1)
    assert stored == shown, f"the autosave lost text: {len(stored)}/{len(shown)} at {differs}"
    assert text[:typed] in stored, "the typing did not reach the vault"
    runner.shutdown()
    editor.deleteLater()
    vault.lock()
    return stall, blocked, backup_s




_STARTUP_PROBE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Shown(QObject):
    # The first paint of a top-level window: the moment a person sees it. The program's
    # window then builds its second stage (the list, the editor): that moment is printed too.
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.isWindow()):
            print(repr(time.time()), flush=True)
            QApplication.instance().removeEventFilter(self)
            window = watched.window()

            def built():
                if getattr(window, "pages_built", True):
                    print(repr(time.time()), flush=True)
                    QApplication.instance().quit()
                else:
                    QTimer.singleShot(5, built)

            QTimer.singleShot(0, built)
        return False

_filter = Shown()
_original = QApplication.__init__
def _init(self, *args, **kwargs):
    _original(self, *args, **kwargs)
    self.installEventFilter(_filter)
QApplication.__init__ = _init
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QLabel, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Unlock"))
    window.resize(1000, 700)
    window.show()
    app.exec()
else:
    from testimony_app import app
    sys.exit(app.run(["--vault", sys.argv[2]]))
"""


def startup(settings: Settings, work: Path, log: Callable[[str], None]) -> list[Result]:
    """From starting the program to its window's first paint (the unlock page of a vault),
    against a bare PySide6 program that shows an empty window, each in a fresh process, five
    times in turn. The clock starts before the process is created, so the interpreter's own
    start and every import count."""
    import os
    import subprocess
    import sys

    vault = work / "startup-vault"
    create_vault(vault, PASSPHRASE, kdf="test").lock()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not env.get("DISPLAY") else "xcb")
    env["XDG_CONFIG_HOME"] = str(work / "config")  # no settings of the person running it
    env["XDG_DATA_HOME"] = str(work / "data")
    # An installed program runs from bytecode compiled at installation (pip, the frozen build).
    # A checkout run with PYTHONDONTWRITEBYTECODE compiles ~300 modules from source at every
    # start, a second at load 8: the cache goes to the case's own folder, not the tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")

    complete: list[float] = []  # the program's second stage built

    def once(kind: str) -> float:
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", _STARTUP_PROBE, kind, str(vault)],
            env=env, capture_output=True, text=True, timeout=120, check=True,
        ).stdout.split()
        if kind == "app":
            complete.append(float(out[1]) - start)
        return float(out[0]) - start

    # The first starts read libraries from disk and write the bytecode; the ones timed are warm.
    once("bare")
    once("app")
    ours, base = [], []
    for _ in range(5):
        ours.append(once("app"))
        base.append(once("bare"))
    result = median_result(
        "startup_to_window", ours, "ms", "bare PySide6 window, same platform", base,
        scale=1000, target=Target("value", 1000),
        note=f"platform {env['QT_QPA_PLATFORM']}; list and editor built (the window's second"
        f" stage) {statistics.median(complete[1:]) * 1000:.0f} ms after the start",
    )
    log(f"startup: window painted {result.value:.0f} ms after the start"
        f" (bare PySide6 {result.baseline_value:.0f} ms), platform {env['QT_QPA_PLATFORM']}")
    return [result]
