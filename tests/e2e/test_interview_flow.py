"""One interview, end to end, through the real window and the real encrypted vault.

Driven by action names (KeePassXC ``TestGui`` style) and checked by reopening the vault through
the service layer: first run creates the vault; a testimony is written in Azerbaijani (and a
little Russian) across the sections and autosaved; the window is closed; every field is found
again in the vault; the testimony is sealed and amended; locking wipes every widget; unlocking
brings the list back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from testimony_app.domain.model import Status
from testimony_app.services.vault import VaultSession, unlock_vault
from testimony_app.ui.prompts import ScriptedPrompts
from testkit.qt import OpenWindow, Trigger, TypeText

if TYPE_CHECKING:  # a class named Test* imported here would be collected as a test
    from testimony_app.ui.editor import TestimonyEditor
    from testimony_app.ui.main_window import MainWindow

pytestmark = pytest.mark.e2e

PASSPHRASE = "Şuşa-qala-çinar-dəniz-külək-yol"
NARRATIVE = (
    "2020-ci il oktyabrın 14-də məni Tərtərdə hərbi polis saxladı. "
    "Gözlərimi bağladılar, saatlarla döydülər.\n\n"
    "Сказали подписать бумаги, которые я не читал."
)
AMENDMENT = "\n\nŞahid sonradan əlavə etdi: həbs gecə saat ikidə olub."


def find(root: QWidget, cls: type, name: str) -> Any:
    child: Any = root.findChild(cls, name)  # None when absent, whatever the stub says
    assert child is not None, name
    return child


def _session(window: MainWindow) -> VaultSession:
    session = window.session()
    assert session is not None, "the vault is locked"
    return session


def unlock(window: MainWindow, qtbot: QtBot, type_text: TypeText) -> None:
    page = window.unlock_page
    assert window.pages.currentWidget() is page
    page.passphrase.setText("")
    type_text(page.passphrase, PASSPHRASE)
    QTest.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=15000)
    assert window.runner.wait_idle()


def write_testimony(editor: TestimonyEditor, qtbot: QtBot, type_text: TypeText) -> None:
    """What an interviewer types, section by section, in interview order."""
    editor.show_section("consent")
    find(editor, QWidget, "consent.informed_of_purpose").setChecked(True)
    find(editor, QWidget, "consent.no_coercion_confirmed").setChecked(True)
    for attr, answer in (("legal_proceedings", "yes"), ("name_may_appear", "no")):
        QTest.mouseClick(
            find(editor, QWidget, f"consent.{attr}.{answer}"), Qt.MouseButton.LeftButton
        )
    type_text(find(editor, QPlainTextEdit, "consent.refusals"), "Adının dərc olunmasını istəmir.")

    editor.show_section("interview")
    type_text(find(editor, QLineEdit, "interview.date"), "2024-03-05")
    type_text(find(editor, QLineEdit, "interview.place"), "Bərdə, mətbəx")
    type_text(find(editor, QLineEdit, "interview.interviewer"), "Aygün Quliyeva")
    type_text(find(editor, QPlainTextEdit, "interview.persons_present"), "Rəşad, tərcüməçi")

    editor.show_section("witness")
    QTest.mouseClick(find(editor, QWidget, "witness.name.reveal"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QLineEdit, "witness.name.edit"), "Nemət Məhərrəmov")
    type_text(find(editor, QLineEdit, "witness.pseudonym"), "Ş-7")

    editor.show_section("detentions")
    QTest.mouseClick(find(editor, QPushButton, "detentions.add"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QLineEdit, "detentions.place"), "Tərtər hərbi polis idarəsi")
    type_text(find(editor, QLineEdit, "detentions.start_date"), "2020-10")

    editor.show_section("acts")
    QTest.mouseClick(find(editor, QPushButton, "acts.add"), Qt.MouseButton.LeftButton)
    type_text(find(editor, QPlainTextEdit, "acts.description"), "Dəyənəklə ayaqlarına vurdular.")
    type_text(find(editor, QLineEdit, "acts.methods_other"), "yuxusuz saxlama")

    editor.show_section("effects")
    type_text(find(editor, QPlainTextEdit, "effects.physical"), "Ayaqlarında çapıqlar qalıb.")

    # The narrative last, and no section change after it: only the autosave timer saves it.
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    box.setFocus()
    type_text(box, NARRATIVE)


@pytest.mark.slow
def test_an_interview_from_first_run_to_amendment(
    open_window: OpenWindow,
    qtbot: QtBot,
    tmp_path: Path,
    type_text: TypeText,
    trigger: Trigger,
    scripted_prompts: ScriptedPrompts,
) -> None:
    vault = tmp_path / "vault"

    # -- first run: create the vault ---------------------------------------------------------
    window = open_window(vault)
    assert window.pages.currentWidget() is window.create_page
    assert str(vault) in window.create_page.location.text()
    type_text(window.create_page.passphrase, PASSPHRASE)
    type_text(window.create_page.confirm, PASSPHRASE)
    QTest.keyClick(window.create_page.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.list_page, timeout=15000)

    # -- a new testimony, written across the sections, autosaved -----------------------------
    trigger(window, "actionNewTestimony")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.editor, timeout=10000)
    editor = window.editor
    qtbot.waitUntil(lambda: not editor.is_opening(), timeout=10000)  # read on the worker
    record_id = window.current_record
    assert record_id
    editor.set_autosave_interval(400)
    write_testimony(editor, qtbot, type_text)
    assert editor.is_dirty()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)  # the autosave timer fired
    assert "Məhərrəmov" not in window.windowTitle()
    assert window.windowTitle() == "Testimony"

    # -- close the window; the vault, reopened by the services, holds every field -----------
    window.close()
    session = unlock_vault(vault, PASSPHRASE)
    try:
        t = session.testimonies.get(record_id)
        assert t.consent.is_recorded
        assert t.consent.legal_proceedings is True
        assert t.consent.name_may_appear is False
        assert t.consent.refusals == "Adının dərc olunmasını istəmir."
        assert t.interview.date == "2024-03-05"
        assert t.interview.place == "Bərdə, mətbəx"
        assert t.interview.interviewer == "Aygün Quliyeva"
        assert t.interview.persons_present == ["Rəşad, tərcüməçi"]
        assert t.witness.name == "Nemət Məhərrəmov"
        assert t.witness.pseudonym == "Ş-7"
        assert t.detentions[0].place == "Tərtər hərbi polis idarəsi"
        assert t.detentions[0].start_date == "2020-10"
        assert t.acts[0].description == "Dəyənəklə ayaqlarına vurdular."
        assert t.acts[0].methods_other == "yuxusuz saxlama"
        assert t.effects.physical == "Ayaqlarında çapıqlar qalıb."
        assert t.narrative.text == NARRATIVE
        assert len(t.narrative.paragraphs) == 2
        assert session.testimonies.info(record_id).status == Status.DRAFT
    finally:
        session.lock()

    # -- reopen the window: unlock, the list hides the name, open, seal ----------------------
    window = open_window(vault)
    unlock(window, qtbot, type_text)
    page = window.list_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.proxy.index(0, 4).data() == "Ş-7"
    assert page.select_id(record_id)
    trigger(window, "actionOpenTestimony")
    editor = window.editor
    assert window.pages.currentWidget() is editor
    qtbot.waitUntil(lambda: not editor.is_opening(), timeout=10000)
    assert find(editor, QPlainTextEdit, "narrative.text").toPlainText() == NARRATIVE
    scripted_prompts.queue("confirm", True)
    trigger(window, "actionSeal")
    qtbot.waitUntil(editor.is_read_only, timeout=15000)
    assert window.runner.wait_idle()
    assert _session(window).testimonies.info(record_id).status == Status.SEALED
    assert find(window, type(window.commands.amend), "actionAmend").isEnabled()

    # -- amend, with a reason; the new text goes into a new draft version --------------------
    scripted_prompts.queue("ask_text", "Şahid həbsin saatını dəqiqləşdirdi")
    trigger(window, "actionAmend")
    qtbot.waitUntil(lambda: not editor.is_read_only(), timeout=10000)
    editor.show_section("narrative")
    box = find(editor, QPlainTextEdit, "narrative.text")
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_text(box, AMENDMENT)
    assert editor.save_and_wait()

    # -- lock: every widget, model and undo stack is empty; the session is closed -----------
    session = _session(window)
    trigger(window, "actionLock")
    assert window.pages.currentWidget() is window.unlock_page
    assert window.session() is None
    for line in editor.findChildren(QLineEdit):
        assert line.text() == "", line.objectName()
        assert not line.isUndoAvailable(), line.objectName()
    for text in editor.findChildren(QPlainTextEdit):
        assert text.toPlainText() == "", text.objectName()
        assert not text.document().isUndoAvailable(), text.objectName()
    for rich in editor.findChildren(QTextEdit):
        assert rich.toPlainText() == "", rich.objectName()
    assert page.model.rowCount() == 0
    assert page.search_box.text() == ""
    assert window.runner.wait_idle()
    assert not session.is_open
    for name in ("actionNewTestimony", "actionSeal", "actionBackup", "actionSettings"):
        assert not find(window, type(window.commands.new), name).isEnabled()

    # -- unlock again: the list is back --------------------------------------------------------
    unlock(window, qtbot, type_text)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    window.close()

    # -- and the vault holds the sealed version and the amendment ---------------------------
    session = unlock_vault(vault, PASSPHRASE)
    try:
        info = session.testimonies.info(record_id)
        assert len(info.versions) == 2
        assert info.versions[0].sealed
        assert info.draft
        assert info.versions[1].reason == "Şahid həbsin saatını dəqiqləşdirdi"
        assert session.testimonies.get(record_id, 1).narrative.text == NARRATIVE
        assert session.testimonies.get(record_id).narrative.text == NARRATIVE + AMENDMENT
    finally:
        session.lock()
