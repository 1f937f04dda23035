"""High-risk mode in the window (issue 20 items 1, 2 and 5): the setting's one screen, "Hand
over", a handed-over testimony in the list and in place of the editor, and the search count.

Set ``TESTIMONY_SCREENSHOTS=DIR`` to keep 1024×768 screenshots of the list and the page.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from testimony_app.domain.model import Status
from testimony_app.services.vault import unlock_vault
from testimony_app.ui.high_risk_dialog import HighRiskDialog
from testimony_app.ui.main_window import MainWindow
from testimony_app.ui.prompts import ScriptedPrompts
from testimony_app.ui.testimony_table import COL_STATUS, COL_WITNESS
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)
from testkit.qt import MakeWindow, TypeText

pytestmark = pytest.mark.slow  # the real window over a real vault, with bundles


def _vault(tmp_path: Path) -> tuple[Path, str, str]:
    """An enrolled laptop vault with two sealed testimonies, high-risk mode still off."""
    path = tmp_path / "vault"
    session = S.new_vault(path)
    S.enrol(session, S.org_keys(tmp_path))
    first = S.sealed(session, S.azerbaijani("one"))
    second = S.sealed(session, S.russian("two"))
    session.lock()
    return path, first, second


def _unlock(window: MainWindow, qtbot: QtBot, type_text: TypeText) -> None:
    type_text(window.unlock_page.passphrase, S.passphrase())
    QTest.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=20000)
    assert window.runner.wait_idle()


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _shot(window: MainWindow, name: str) -> None:
    folder = os.environ.get("TESTIMONY_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / name))


def test_high_risk_setting_hand_over_and_the_handed_over_page(
    make_window: MakeWindow,
    qtbot: QtBot,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    path, first, second = _vault(tmp_path)
    window = make_window(path)
    window.resize(1024, 768)
    _unlock(window, qtbot, type_text)
    hand_over = _action(window, "actionHandOver")
    assert not hand_over.isVisible()  # the mode is off

    # The one screen: what it protects and costs, then on, with a delay of 24 hours.
    _action(window, "actionHighRisk").trigger()
    dialog = window.findChild(HighRiskDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.enabled.isEnabled(), timeout=10000)
    assert "passphrase" in dialog.protects.text()
    assert "no longer show, print or amend" in dialog.costs.text()
    _shot(dialog, "high-risk-setting.png")  # type: ignore[arg-type]
    dialog.enabled.setChecked(True)
    dialog.delay.setValue(24)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: window.handover.enabled, timeout=10000)
    assert window.runner.wait_idle()
    assert hand_over.isVisible()

    # Hand over the first testimony from the editor, after one question.
    window.open_record(first)
    qtbot.waitUntil(lambda: not window.editor.is_opening(), timeout=10000)
    assert hand_over.isEnabled()
    scripted_prompts.queue("confirm", True)
    hand_over.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.handed_over_page,
                    timeout=30000)
    assert window.runner.wait_idle()
    page = window.handed_over_page
    qtbot.waitUntil(lambda: page.hash.text() != "", timeout=10000)
    assert "held only by the organisation" in page.title.text()
    assert page.pseudonym.text() == "Şahid-Ə7"
    assert page.date.text() == "2017-06-14"
    assert len(page.hash.text()) == 64
    assert "outbox" in page.bundle.text()
    _shot(window, "handed-over-page.png")

    # Back in the list: shown as handed over, by pseudonym; opening it shows the page again.
    page.back_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=10000)
    assert window.runner.wait_idle()
    model = window.list_page.model
    row = model.row_of(first)
    assert model.index(row, COL_STATUS).data() == "Handed over"
    assert model.index(row, COL_WITNESS).data() == "Şahid-Ə7"
    assert model.summary_at(model.row_of(second)).status is Status.SEALED
    _shot(window, "handed-over-list.png")
    window.open_record(first)
    assert window.pages.currentWidget() is window.handed_over_page
    assert not _action(window, "actionStatement").isEnabled()
    _action(window, "actionBackToList").trigger()  # Ctrl+W works here too
    assert window.pages.currentWidget() is window.list_page

    # Search says how many testimonies it cannot look into.
    window.list_page.search_box.setText("Tertere")
    window.list_page._search_now()
    assert window.runner.wait_idle()
    qtbot.waitUntil(lambda: "cannot be searched" in window.list_page.count_label.text(),
                    timeout=10000)
    assert "1 handed-over testimony" in window.list_page.count_label.text()
    _shot(window, "handed-over-search.png")
    window.lock()
    assert window.runner.wait_idle()  # the vault closes on the worker: wait before reopening
    session = unlock_vault(path, S.passphrase())
    try:
        assert session.testimonies.info(first).status is Status.HANDED_OVER
        assert session.handover.setting().delay_hours == 24
    finally:
        session.lock()
    # Nothing the window wrote (Qt's caches and settings under HOME and XDG, the vault, the
    # temporary folder of this test) holds the handed-over testimony's words in clear.
    words = ("Nemət Məhərrəmov", "Məhərrəmov", "AZE 1234567")
    roots = [tmp_path, Path(os.environ["HOME"])]
    found = [
        (str(p), w) for root in roots for p in root.rglob("*") if p.is_file()
        for w in words if w.encode() in p.read_bytes()
    ]
    assert found == []


def test_export_from_the_window_copies_the_outbox(
    make_window: MakeWindow,
    qtbot: QtBot,
    type_text: TypeText,
    scripted_prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    from testimony_app.ui.export_dialog import ExportDialog

    path, first, second = _vault(tmp_path)
    session = unlock_vault(path, S.passphrase())
    try:
        session.handover.set_mode(True, 0)
        session.handover.hand_over([first, second])
        (entry,) = session.handover.outbox_entries()
    finally:
        session.lock()
    window = make_window(path)
    _unlock(window, qtbot, type_text)
    stick = tmp_path / "stick"
    stick.mkdir()
    scripted_prompts.queue("save_path", stick / "bundle.age")
    _action(window, "actionExport").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_CHOOSE, timeout=20000)
    assert dialog.plan is not None
    assert dialog.plan.candidates == ()  # nothing else is waiting…
    assert "1 bundle in the outbox" in dialog.choose_page.message.text()
    assert dialog.choose_page.export_button.isEnabled()  # …but the outbox goes
    dialog.choose_page.export_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_DONE, timeout=30000)
    assert (stick / entry.file).read_bytes() == (path / "outbox" / entry.file).read_bytes()
    assert not (stick / "bundle.age").exists()
    assert "copied to" in dialog.result_page.done_summary.text()
    assert (path / "outbox" / entry.file).exists()  # until the receipt names it
