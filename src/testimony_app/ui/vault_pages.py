"""The pages shown before the vault is open: create it (first run) and unlock it.

They are pages of the main window, not separate windows, so that locking can replace whatever
was on screen in one step and the window is never blank-but-open behind a dialog. The pages do
no work themselves: they collect a passphrase and emit a signal; the main window runs the slow
call (Argon2, about a second) on the task runner and reports back with :meth:`set_busy`,
:meth:`UnlockPage.failed` and friends.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app import words
from testimony_app.ui.i18n import LANGUAGES
from testimony_app.ui.keyboard_state import KeyboardHints, KeyboardProbe
from testimony_app.ui.passphrase import PassphraseEdit, StrengthMeter
from testimony_app.words import Message

StrengthFn = Callable[[str], tuple[int, Message]]
GenerateFn = Callable[[], str]

#: The weakest score (0–4) accepted for a new passphrase.
MIN_STRENGTH = 2
#: Longest wait between two wrong passphrases, in seconds.
MAX_RETRY_DELAY = 30.0

#: How a page's message line looks: an error must read as one at a glance (GUI review D18).
MESSAGE_STYLES = {
    "error": "color: #b3261e; font-weight: bold;",
    "info": "",
}


def set_message(label: QLabel, text: str, kind: str = "info") -> None:
    """Show ``text`` in a page's message line, styled as an error or as plain information."""
    label.setText(text)
    label.setProperty("kind", kind if text else "")
    label.setStyleSheet(MESSAGE_STYLES.get(kind, "") if text else "")


def retry_delay(failures: int) -> float:
    """Seconds to wait after the ``failures``-th wrong passphrase: 1, 2, 4, 8 … up to 30."""
    if failures <= 0:
        return 0.0
    return min(MAX_RETRY_DELAY, float(2 ** (failures - 1)))


class LanguageSelector(QComboBox):
    """The interface language, offered on the first screens so a newcomer can read them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageSelector")
        for lang in LANGUAGES:
            self.addItem(lang.native_name, lang.code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def set_code(self, code: str) -> None:
        """Select ``code`` without emitting a change."""
        index = self.findData(code)
        if index >= 0:
            blocked = self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(blocked)

    def code(self) -> str:
        """The selected language code."""
        return str(self.currentData())


class _Card(QWidget):
    """A calm, centred column: the first screens hold a few fields and nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 24)
        top = QHBoxLayout()
        top.addStretch(1)
        self.language = LanguageSelector(self)
        top.addWidget(self.language)
        outer.addLayout(top)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.frame = QFrame(self)
        self.frame.setObjectName("card")
        self.frame.setMaximumWidth(560)
        self.frame.setMinimumWidth(420)
        row.addWidget(self.frame, 4)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.body = QVBoxLayout(self.frame)
        self.body.setSpacing(12)
        self.title = QLabel(self.frame)
        self.title.setObjectName("pageTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.body.addWidget(self.title)
        self.intro = QLabel(self.frame)
        self.intro.setWordWrap(True)
        self.body.addWidget(self.intro)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language."""

    def message_line(self, name: str) -> QLabel:
        """A wrapped message label that keeps two lines of room, so the page never jumps."""
        label = QLabel(self.frame)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setMinimumHeight(label.fontMetrics().lineSpacing() * 2 + 2)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label


class CreateVaultPage(_Card):
    """First run: choose a passphrase (twice), see its strength, or take a generated one.

    Signals:
        create_requested(str): the user confirmed a passphrase; create the vault with it.
    """

    create_requested = Signal(str)
    """The passphrase the new vault is to be created with."""

    def __init__(
        self,
        vault_path: Path,
        *,
        strength: StrengthFn,
        generate: GenerateFn,
        parent: QWidget | None = None,
        keyboard: KeyboardProbe | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("createPage")
        self._strength = strength
        self._generate = generate
        self._vault_path = vault_path
        self.intro.setObjectName("createIntro")

        self.location = QLabel(self.frame)
        self.location.setObjectName("vaultLocation")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.location)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.passphrase = PassphraseEdit(self.frame)
        self.passphrase.setObjectName("newPassphrase")
        self.confirm = PassphraseEdit(self.frame)
        self.confirm.setObjectName("confirmPassphrase")
        self.passphrase_label = QLabel(self.frame)
        self.confirm_label = QLabel(self.frame)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.confirm_label, self.confirm)
        self.hints = KeyboardHints(self.frame, keyboard)
        self.hints.watch(self.passphrase)
        self.hints.watch(self.confirm)
        form.addRow("", self.hints)
        self.body.addLayout(form)

        self.meter = StrengthMeter(self.frame)
        self.meter.setObjectName("strengthMeter")
        self.body.addWidget(self.meter)

        row = QHBoxLayout()
        self.show_box = QCheckBox(self.frame)
        self.show_box.setObjectName("showPassphrase")
        self.generate_button = QPushButton(self.frame)
        self.generate_button.setObjectName("generatePassphraseButton")
        row.addWidget(self.show_box)
        row.addStretch(1)
        row.addWidget(self.generate_button)
        self.body.addLayout(row)

        self.advice = QLabel(self.frame)
        self.advice.setObjectName("passphraseAdvice")
        self.advice.setWordWrap(True)
        self.body.addWidget(self.advice)

        self.message = self.message_line("createMessage")
        self.body.addWidget(self.message)

        self.progress = QProgressBar(self.frame)
        self.progress.setObjectName("createProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        self.body.addWidget(self.progress)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QPushButton(self.frame)
        self.create_button.setObjectName("createVaultButton")
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        buttons.addWidget(self.create_button)
        self.body.addLayout(buttons)

        self.passphrase.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self.passphrase.returnPressed.connect(self.confirm.setFocus)
        self.confirm.returnPressed.connect(self._submit)
        self.create_button.clicked.connect(self._submit)
        self.generate_button.clicked.connect(self.fill_generated)
        self.show_box.toggled.connect(self._reveal)
        self._busy = False
        self.retranslate()
        self._update()

    # -- public -----------------------------------------------------------------------------

    def set_vault_path(self, path: Path) -> None:
        """Show where the vault will live."""
        self._vault_path = path
        self.retranslate()

    def prefill(self, passphrase: str) -> None:
        """Put a known passphrase in both fields (the demo vault)."""
        self.passphrase.setText(passphrase)
        self.confirm.setText(passphrase)

    @Slot()
    def fill_generated(self) -> None:
        """Fill both fields with a generated passphrase and show it so it can be written down."""
        phrase = self._generate()
        self.passphrase.setText(phrase)
        self.confirm.setText(phrase)
        self.show_box.setChecked(True)
        self.advice.setText(
            self.tr(
                "Write this passphrase down and keep it apart from the laptop. "
                "Without it nobody, not even you, can open the vault."
            )
        )

    def can_create(self) -> bool:
        """True when both fields match and the passphrase is strong enough."""
        text = self.passphrase.text()
        return (
            not self._busy
            and bool(text)
            and text == self.confirm.text()
            and self.meter.score >= MIN_STRENGTH
        )

    def set_busy(self, busy: bool) -> None:
        """Disable the inputs and show progress while the vault is being created."""
        self._busy = busy
        for widget in (self.passphrase, self.confirm, self.generate_button, self.show_box):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            set_message(self.message, self.tr("Creating the vault…"))
        self._update_button()

    def show_error(self, sentence: str) -> None:
        """Show why creating failed."""
        self.set_busy(False)
        set_message(self.message, sentence, "error")

    def clear(self) -> None:
        """Forget both passphrases."""
        self.passphrase.wipe()
        self.confirm.wipe()
        self.show_box.setChecked(False)
        set_message(self.message, "")
        self.advice.setText("")

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Create your vault"))
        self.intro.setText(
            self.tr(
                "Testimonies are kept in an encrypted vault on this computer. "
                "Choose a passphrase of several words that you will remember. "
                "It cannot be recovered if it is forgotten."
            )
        )
        self.location.setText(
            self.tr("The vault will be created in: %1").replace("%1", str(self._vault_path))
        )
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase_label.setBuddy(self.passphrase)
        self.confirm_label.setText(self.tr("&Repeat it:"))
        self.confirm_label.setBuddy(self.confirm)
        self.show_box.setText(self.tr("&Show passphrase"))
        self.generate_button.setText(self.tr("&Generate a passphrase"))
        self.create_button.setText(self.tr("&Create vault"))
        self._update()

    # -- private ----------------------------------------------------------------------------

    @Slot()
    def _update(self) -> None:
        text = self.passphrase.text()
        if text:
            score, hint = self._strength(text)
            self.meter.set_strength(score, translate_hint(hint))
        else:
            self.meter.set_strength(0, self.tr("Use four or more unrelated words."))
        confirm = self.confirm.text()
        if confirm and confirm != text:
            set_message(self.message, self.tr("The two passphrases are not the same."), "error")
        elif not self._busy:
            set_message(self.message, "")
        self._update_button()

    def _update_button(self) -> None:
        self.create_button.setEnabled(self.can_create())

    @Slot(bool)
    def _reveal(self, on: bool) -> None:
        self.passphrase.set_revealed(on)
        self.confirm.set_revealed(on)

    @Slot()
    def _submit(self) -> None:
        if self.can_create():
            self.create_requested.emit(self.passphrase.text())


class UnlockPage(_Card):
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
                    "You can restore it from a backup: type the passphrase the backup was "
                    "made with, then choose the backup file."
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


def translate_hint(hint: Message) -> str:
    """The meter's advice in the interface language: a code of the services catalogue (the
    verdict, and the pattern zxcvbn saw), worded like the rest of what the program says."""
    return words.text(hint)
