"""The locked window's page: a passphrase field, a plain sentence on failure, a growing wait
between wrong passphrases, and the offer to restore a backup when the vault is damaged.

It only collects the passphrase; the main window unlocks (Argon2) on the task runner and
reports back with :meth:`UnlockPage.failed` or :meth:`UnlockPage.succeeded`
(:mod:`~testimony_app.ui.vault_pages`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.keyboard_state import KeyboardHints, KeyboardProbe
from testimony_app.ui.passphrase import PassphraseEdit
from testimony_app.ui.vault_pages import VaultCard, set_message

#: Longest wait between two wrong passphrases, in seconds.
MAX_RETRY_DELAY = 30.0


def retry_delay(failures: int) -> float:
    """Seconds to wait after the ``failures``-th wrong passphrase: 1, 2, 4, 8 … up to 30."""
    if failures <= 0:
        return 0.0
    return min(MAX_RETRY_DELAY, float(2 ** (failures - 1)))


class UnlockPage(VaultCard):
    """The locked window: a passphrase field, a plain sentence on failure, a growing wait.

    Signals:
        unlock_requested(str): try this passphrase.
        restore_requested(str): the vault is damaged; restore a backup (with this passphrase).
    """

    unlock_requested = Signal(str)
    """The passphrase to try."""
    restore_requested = Signal(str)
    """Restore from a backup; the passphrase typed (possibly empty) is the backup's."""

    def __init__(
        self,
        vault_path: Path,
        parent: QWidget | None = None,
        keyboard: KeyboardProbe | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockPage")
        self._vault_path = vault_path
        self._failures = 0
        self._busy = False
        self._damaged = False
        self._wait_left = 0
        self._wait_sentence = ""
        self._demo_passphrase: str | None = None
        self._reason = ""
        self.intro.setObjectName("unlockIntro")

        self.location = QLabel(self.frame)
        self.location.setObjectName("vaultLocation")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.location)

        self.demo_label = QLabel(self.frame)
        self.demo_label.setObjectName("demoPassphraseLabel")
        self.demo_label.setWordWrap(True)
        self.demo_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_label.hide()
        self.body.addWidget(self.demo_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.passphrase = PassphraseEdit(self.frame)
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase_label = QLabel(self.frame)
        form.addRow(self.passphrase_label, self.passphrase)
        self.hints = KeyboardHints(self.frame, keyboard)
        self.hints.watch(self.passphrase)
        form.addRow("", self.hints)
        self.show_box = QCheckBox(self.frame)
        self.show_box.setObjectName("showUnlockPassphrase")
        self.show_box.toggled.connect(self.passphrase.set_revealed)
        form.addRow("", self.show_box)
        self.body.addLayout(form)

        self.message = self.message_line("unlockMessage")
        self.body.addWidget(self.message)

        self.progress = QProgressBar(self.frame)
        self.progress.setObjectName("unlockProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        self.body.addWidget(self.progress)

        self.damaged_box = QFrame(self.frame)
        self.damaged_box.setObjectName("damagedBox")
        damaged_layout = QVBoxLayout(self.damaged_box)
        damaged_layout.setContentsMargins(0, 0, 0, 0)
        self.damaged_text = QLabel(self.damaged_box)
        self.damaged_text.setObjectName("damagedText")
        self.damaged_text.setWordWrap(True)
        damaged_layout.addWidget(self.damaged_text)
        self.restore_button = QPushButton(self.damaged_box)
        self.restore_button.setObjectName("restoreBackupButton")
        damaged_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.damaged_box.hide()
        self.body.addWidget(self.damaged_box)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.frame)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.unlock_button)
        self.body.addLayout(buttons)

        self._wait_timer = QTimer(self)
        self._wait_timer.setObjectName("retryTimer")
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)

        self.passphrase.returnPressed.connect(self._submit)
        self.passphrase.textChanged.connect(self._update_button)
        self.unlock_button.clicked.connect(self._submit)
        self.restore_button.clicked.connect(self._restore)
        self.retranslate()
        self._update_button()

    # -- public -----------------------------------------------------------------------------

    @property
    def failures(self) -> int:
        """Wrong passphrases since the last success."""
        return self._failures

    @property
    def waiting(self) -> bool:
        """True while the page makes the user wait before the next try."""
        return self._wait_timer.isActive()

    def set_vault_path(self, path: Path) -> None:
        """Show which vault is to be unlocked."""
        self._vault_path = path
        self.retranslate()

    def set_demo_passphrase(self, passphrase: str | None) -> None:
        """Show (and prefill) the demo vault's passphrase: for the demo only."""
        self._demo_passphrase = passphrase
        self.retranslate()
        self.prepare()

    def set_reason(self, reason: str) -> None:
        """Say why the window is locked (idle, panic …); empty for the first unlock."""
        self._reason = reason
        set_message(self.message, reason)

    def set_damaged(self, damaged: bool, sentence: str = "") -> None:
        """Show or hide the "vault damaged, restore a backup" offer."""
        self._damaged = damaged
        self.damaged_box.setVisible(damaged)
        if damaged:
            self.damaged_text.setText(
                sentence
                or self.tr("The vault's files are damaged and it cannot be opened as it is.")
            )
            self.damaged_text.setText(
                self.damaged_text.text()
                + " "
                + self.tr(
                    "To restore it: type the passphrase the backup was made with, then "
                    "choose the backup file."
                )
            )
        self._update_button()

    def prepare(self) -> None:
        """Reset the field for a new attempt (hidden again) and give it the keyboard."""
        self.passphrase.wipe()
        self.show_box.setChecked(bool(self._demo_passphrase))
        if self._demo_passphrase:
            self.passphrase.setText(self._demo_passphrase)
        self.passphrase.setFocus()

    def set_busy(self, busy: bool) -> None:
        """Show the busy bar and block input while the passphrase is being checked."""
        self._busy = busy
        self.progress.setVisible(busy)
        self.passphrase.setEnabled(not busy and not self.waiting)
        self.restore_button.setEnabled(not busy)
        self.show_box.setEnabled(not busy)
        if busy:
            set_message(self.message, self.tr("Opening the vault…"))
        self._update_button()

    def failed(self, sentence: str, *, wrong_passphrase: bool) -> float:
        """Report a failed attempt; a wrong passphrase starts the growing wait. Returns it."""
        self.set_busy(False)
        self.passphrase.wipe()
        delay = 0.0
        if wrong_passphrase:
            self._failures += 1
            delay = retry_delay(self._failures)
            self._start_wait(int(delay), sentence)
        else:
            set_message(self.message, sentence, "error")
            self.passphrase.setFocus()
        return delay

    def succeeded(self) -> None:
        """Forget the failures and the typed passphrase."""
        self._failures = 0
        self._wait_timer.stop()
        self.set_busy(False)
        self.passphrase.wipe()
        self.show_box.setChecked(False)
        set_message(self.message, "")
        self._reason = ""

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Unlock the vault"))
        self.intro.setText(self.tr("Type your passphrase to open the testimonies."))
        self.location.setText(self.tr("Vault: %1").replace("%1", str(self._vault_path)))
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase_label.setBuddy(self.passphrase)
        self.unlock_button.setText(self.tr("&Unlock"))
        self.show_box.setText(self.tr("&Show passphrase"))
        self.restore_button.setText(self.tr("&Restore from a backup…"))
        if self._demo_passphrase:
            self.demo_label.setText(
                self.tr("Demo vault with fictional testimonies. Its passphrase is: %1").replace(
                    "%1", self._demo_passphrase
                )
            )
        self.demo_label.setVisible(bool(self._demo_passphrase))

    # -- private ----------------------------------------------------------------------------

    def _start_wait(self, seconds: int, sentence: str) -> None:
        self._wait_left = max(1, seconds)
        self._wait_sentence = sentence
        self.passphrase.setEnabled(False)
        self._wait_timer.start()
        self._show_wait()
        self._update_button()

    def _show_wait(self) -> None:
        set_message(
            self.message,
            self._wait_sentence
            + " "
            + self.tr("You can try again in %n second(s).", "", self._wait_left),
            "error",
        )

    @Slot()
    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left > 0:
            self._show_wait()
            return
        self._wait_timer.stop()
        set_message(self.message, self._wait_sentence, "error")
        self.passphrase.setEnabled(not self._busy)
        self._update_button()
        self.passphrase.setFocus()

    @Slot()
    def _update_button(self) -> None:
        self.unlock_button.setEnabled(
            not self._busy and not self.waiting and bool(self.passphrase.text())
        )

    @Slot()
    def _submit(self) -> None:
        if self._busy or self.waiting or not self.passphrase.text():
            return
        self.unlock_requested.emit(self.passphrase.text())

    @Slot()
    def _restore(self) -> None:
        if not self._busy:
            self.restore_requested.emit(self.passphrase.text())
