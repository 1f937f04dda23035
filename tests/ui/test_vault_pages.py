"""The create and unlock pages on their own: strength, generated passphrase, growing waits."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from testimony_app.ui.create_vault_page import CreateVaultPage
from testimony_app.ui.keyboard_state import KeyboardProbe
from testimony_app.ui.unlock_page import UnlockPage, retry_delay
from testimony_app.words import Message
from testkit.qt import TypeText


def _strength(text: str) -> tuple[int, Message]:
    score = min(4, len(text) // 6)
    return score, [
        Message("passphrase.far_too_weak"),
        Message("passphrase.weak"),
        Message("passphrase.fair"),
        Message("passphrase.good"),
        Message("passphrase.strong"),
    ][score]


def _create_page(qtbot: QtBot, tmp_path: Path) -> CreateVaultPage:
    page = CreateVaultPage(
        tmp_path / "vault",
        strength=_strength,
        generate=lambda: "lamp-river-oak-salt-crane-mild-fig",
    )
    qtbot.addWidget(page)
    page.show()
    return page


def test_create_needs_two_equal_strong_enough_passphrases(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    page = _create_page(qtbot, tmp_path)
    assert str(tmp_path / "vault") in page.location.text()
    assert not page.create_button.isEnabled()
    type_text(page.passphrase, "Şəki gecəsi çox uzun idi")
    assert page.meter.score >= 2
    assert not page.create_button.isEnabled()
    type_text(page.confirm, "Şəki gecəsi çox uzun")
    assert "not the same" in page.message.text()
    type_text(page.confirm, " idi")
    assert page.message.text() == ""
    assert page.create_button.isEnabled()
    with qtbot.waitSignal(page.create_requested) as blocker:
        QTest.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["Şəki gecəsi çox uzun idi"]


def test_weak_passphrase_is_refused_with_a_hint(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    page = _create_page(qtbot, tmp_path)
    type_text(page.passphrase, "qwerty")
    type_text(page.confirm, "qwerty")
    assert page.meter.score < 2
    assert "Weak" in page.meter.hint.text()
    assert not page.create_button.isEnabled()


def test_generated_passphrase_fills_both_and_is_shown(qtbot: QtBot, tmp_path: Path) -> None:
    page = _create_page(qtbot, tmp_path)
    QTest.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    assert page.passphrase.text() == page.confirm.text() == "lamp-river-oak-salt-crane-mild-fig"
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert "Write this passphrase down" in page.advice.text()
    assert page.create_button.isEnabled()
    page.clear()
    assert page.passphrase.text() == page.confirm.text() == ""
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password


def test_busy_create_page_blocks_input(qtbot: QtBot, tmp_path: Path) -> None:
    page = _create_page(qtbot, tmp_path)
    page.fill_generated()
    page.set_busy(True)
    assert not page.passphrase.isEnabled()
    assert not page.create_button.isEnabled()
    assert page.progress.isVisible()
    page.show_error("A vault, or other files, already exist at that location.")
    assert page.passphrase.isEnabled()
    assert "already exist" in page.message.text()


def test_retry_delay_grows_and_is_capped() -> None:
    assert [retry_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]


@pytest.mark.slow
def test_wrong_passphrase_waits_a_growing_moment(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    page = UnlockPage(tmp_path / "vault")
    qtbot.addWidget(page)
    page.show()
    requests: list[str] = []
    page.unlock_requested.connect(requests.append)
    type_text(page.passphrase, "yanlış parol")
    QTest.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert requests == ["yanlış parol"]
    page.set_busy(True)
    assert not page.unlock_button.isEnabled()
    delays = []
    delays.append(
        page.failed("The passphrase is not correct for this vault.", wrong_passphrase=True)
    )
    assert page.waiting
    assert not page.passphrase.isEnabled()
    assert page.passphrase.text() == ""
    assert "not correct" in page.message.text()
    assert "1 second" in page.message.text()
    qtbot.waitUntil(lambda: not page.waiting, timeout=3000)
    assert page.passphrase.isEnabled()
    type_text(page.passphrase, "неверный")
    page.set_busy(True)
    delays.append(
        page.failed("The passphrase is not correct for this vault.", wrong_passphrase=True)
    )
    assert "2 second" in page.message.text()
    QTest.keyClick(page.passphrase, Qt.Key.Key_Return)  # ignored while waiting
    assert len(requests) == 1
    page._wait_timer.stop()
    page.set_busy(True)
    delays.append(
        page.failed("The passphrase is not correct for this vault.", wrong_passphrase=True)
    )
    assert delays == [1, 2, 4]
    assert page.failures == 3
    page.succeeded()
    assert page.failures == 0
    assert not page.waiting


def test_damaged_vault_offers_a_restore(qtbot: QtBot, tmp_path: Path, type_text: TypeText) -> None:
    page = UnlockPage(tmp_path / "vault")
    qtbot.addWidget(page)
    page.show()
    page.set_damaged(True, "The vault database is damaged; restore it from a backup.")
    assert page.damaged_box.isVisible()
    # The damage sentence already says to restore; the page adds how, without saying it twice.
    assert page.damaged_text.text() == (
        "The vault database is damaged; restore it from a backup. To restore it: type the "
        "passphrase the backup was made with, then choose the backup file."
    )
    type_text(page.passphrase, "köhnə parol")
    with qtbot.waitSignal(page.restore_requested) as blocker:
        QTest.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["köhnə parol"]


def test_demo_passphrase_is_shown_and_prefilled(qtbot: QtBot, tmp_path: Path) -> None:
    page = UnlockPage(Path("demo-vault"))
    qtbot.addWidget(page)
    page.show()
    page.set_demo_passphrase("demo-fictional-testimonies-only")
    assert page.demo_label.isVisible()
    assert "demo-fictional-testimonies-only" in page.demo_label.text()
    assert page.passphrase.text() == "demo-fictional-testimonies-only"
    assert page.unlock_button.isEnabled()


def _caps_said(page: UnlockPage | CreateVaultPage) -> bool:
    return page.hints.caps.text() == "Caps Lock is on"


class FakeKeyboard(KeyboardProbe):
    """What the system would say about Caps Lock and the layout (None: cannot tell)."""

    def __init__(self, caps: bool | None = None, layout: str | None = None) -> None:
        self.caps = caps
        self.name = layout

    def caps_lock(self) -> bool | None:
        return self.caps

    def layout(self) -> str | None:
        return self.name


def test_unlock_page_can_show_the_passphrase_and_hides_it_again(
    qtbot: QtBot, tmp_path: Path, type_text: TypeText
) -> None:
    page = UnlockPage(tmp_path / "vault", keyboard=FakeKeyboard())
    qtbot.addWidget(page)
    page.show()
    type_text(page.passphrase, "Gəncə qalası")
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password
    page.show_box.click()
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    page.failed("The passphrase is not correct for this vault.", wrong_passphrase=True)
    page._wait_timer.stop()
    page.succeeded()  # the vault opened: the next unlock starts hidden
    assert not page.show_box.isChecked()
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password
    page.show_box.setChecked(True)
    page.prepare()  # locked again
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password


def test_caps_lock_and_layout_from_the_system(qtbot: QtBot, tmp_path: Path) -> None:
    keyboard = FakeKeyboard(caps=True, layout="Russian")
    for page in (
        UnlockPage(tmp_path / "vault", keyboard=keyboard),
        CreateVaultPage(
            tmp_path / "v", strength=_strength, generate=lambda: "x", keyboard=keyboard
        ),
    ):
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        page.passphrase.setFocus()
        qtbot.waitUntil(page.passphrase.hasFocus)
        qtbot.waitUntil(partial(_caps_said, page))
        assert page.hints.layout_label.text() == "Keyboard layout: Russian"
        keyboard.caps, keyboard.name = False, "Azerbaijani"
        page.hints.refresh()
        assert page.hints.caps.text() == ""
        assert page.hints.layout_label.text() == "Keyboard layout: Azerbaijani"
        keyboard.caps, keyboard.name = True, "Russian"


def test_caps_lock_and_script_from_the_keys_where_the_system_cannot_tell(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page = UnlockPage(tmp_path / "vault", keyboard=FakeKeyboard())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.passphrase.setFocus()
    qtbot.waitUntil(page.passphrase.hasFocus)
    hints = page.hints
    assert hints.caps.text() == ""
    assert hints.layout_label.text() == ""
    # "ПАРОЛЬ" typed without Shift: Caps Lock is on, and the layout is Cyrillic.
    for ch in "ПАР":
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, page.passphrase, Qt.Key.Key_unknown, ch,
            Qt.KeyboardModifier.NoModifier,
        )
    assert hints.caps.text() == "Caps Lock is on"
    assert hints.layout_label.text() == "Typing: Cyrillic letters"
    assert "П" not in hints.layout_label.text() + hints.caps.text()  # never a character
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, page.passphrase, Qt.Key.Key_unknown, "ş",
        Qt.KeyboardModifier.NoModifier,
    )
    assert hints.caps.text() == ""
    assert hints.layout_label.text() == "Typing: Latin letters"
    QTest.sendKeyEvent(
        QTest.KeyAction.Click, page.passphrase, Qt.Key.Key_unknown, "Ə",
        Qt.KeyboardModifier.ShiftModifier,
    )
    assert hints.caps.text() == ""


def test_errors_look_like_errors(qtbot: QtBot, tmp_path: Path, type_text: TypeText) -> None:
    page = UnlockPage(tmp_path / "vault", keyboard=FakeKeyboard())
    qtbot.addWidget(page)
    page.show()
    page.set_reason("Locked.")
    assert page.message.property("kind") == "info"
    page.set_busy(True)
    page.failed("The passphrase is not correct for this vault.", wrong_passphrase=True)
    page._wait_timer.stop()
    assert page.message.property("kind") == "error"
    assert "#b3261e" in page.message.styleSheet()
    page.set_busy(True)
    page.failed("The vault is in use by another Testimony window.", wrong_passphrase=False)
    assert page.message.property("kind") == "error"

    create = _create_page(qtbot, tmp_path)
    height = create.message.height()
    type_text(create.passphrase, "Şəki gecəsi çox uzun idi")
    type_text(create.confirm, "Şəki")
    assert create.message.property("kind") == "error"
    assert create.message.height() == height, "the page jumps when the error appears"
