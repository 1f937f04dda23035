"""This laptop's fingerprint: the half of the enrolment the organisation needs from the laptop.

The organisation accepts bundles only from laptops it registered (security.md §5 D10): the
interviewer reads this fingerprint aloud over the phone and gives the organisation the device
key (written down, or copied into a message: the key is public, the fingerprint read aloud is
what makes it trustworthy); the organisation's program shows the fingerprint of the key it was
given, a person compares the two, and registers the laptop. The key is read off the GUI thread
(it lives in the vault).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.tasks import TaskRunner, show_error

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession

SessionProvider = Callable[[], "VaultSession | None"]


def device_identity(session: VaultSession) -> tuple[str, str]:
    """``(fingerprint, public key)`` of the laptop (worker thread)."""
    return session.bundles.device_fingerprint(), session.bundles.device_public_key()


class DeviceDialog(QDialog):
    """Shows the laptop's device fingerprint to read aloud and the key to hand over."""

    def __init__(
        self,
        session_provider: SessionProvider,
        runner: TaskRunner,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deviceDialog")
        self.setModal(True)
        self._closed = False
        self.explanation = QLabel(self)
        self.explanation.setObjectName("deviceExplanation")
        self.explanation.setWordWrap(True)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("deviceFingerprint")
        big = QFont("monospace")
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setPointSizeF(self.font().pointSizeF() * 1.6)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_caption = QLabel(self)
        self.key = QLineEdit(self)
        self.key.setObjectName("deviceKey")
        self.key.setReadOnly(True)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("deviceCopyKey")
        self.copy_button.setAutoDefault(False)
        self.copy_button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("deviceCloseButton")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.copy_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addSpacing(8)
        layout.addWidget(self.fingerprint)
        layout.addSpacing(8)
        layout.addWidget(self.key_caption)
        layout.addLayout(key_row)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy_key)
        self.close_button.clicked.connect(self.accept)
        self.resize(560, 300)
        self.retranslate()
        session = session_provider()
        if session is not None:
            runner.submit(lambda: device_identity(session), self._shown, self._failed)

    def _alive(self) -> bool:
        return shiboken6.isValid(self) and not self._closed

    def _shown(self, identity: tuple[str, str]) -> None:
        if not self._alive():
            return
        fingerprint, key = identity
        self.fingerprint.setText(fingerprint)
        self.key.setText(key)
        self.key.setCursorPosition(0)
        self.copy_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if self._alive():
            show_error(self, exc)

    def copy_key(self) -> None:
        """Put the (public) device key on the clipboard, to paste into a message."""
        if self.key.text():
            QGuiApplication.clipboard().setText(self.key.text())

    def done(self, result: int) -> None:
        """The lock closes every dialog."""
        self._closed = True
        super().done(result)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("This laptop's fingerprint"))
        self.explanation.setText(
            self.tr(
                "The organisation accepts bundles only from laptops it has registered. Give it "
                "the device key below, then read this fingerprint to it over the phone: it "
                "registers this laptop only if the fingerprint its program shows for the key "
                "is the same."
            )
        )
        self.key_caption.setText(self.tr("Device key (not secret):"))
        self.copy_button.setText(self.tr("&Copy the key"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
