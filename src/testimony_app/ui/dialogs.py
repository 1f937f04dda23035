"""Settings and change-passphrase dialogs.

Both are opened with ``open()`` (window-modal, non-blocking), never ``exec()``: a nested event
loop would keep running under a lock, and tests can fill them in like any widget. The main
window closes every open dialog when it locks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.i18n import LANGUAGES
from testimony_app.ui.lock import MAX_LOCK_MINUTES, MIN_LOCK_MINUTES
from testimony_app.ui.passphrase import (
    MIN_STRENGTH,
    PassphraseEdit,
    StrengthFn,
    StrengthMeter,
    translate_hint,
)


class SettingsDialog(QDialog):
    """Interface language and auto-lock time; both are stored inside the encrypted vault.

    Signals:
        settings_chosen(str, int): language code and lock minutes, when OK is pressed.
    """

    settings_chosen = Signal(str, int)
    """The language code and the auto-lock minutes chosen."""

    def __init__(self, language: str, lock_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setModal(True)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        for lang in LANGUAGES:
            self.language_combo.addItem(lang.native_name, lang.code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.lock_spin = QSpinBox(self)
        self.lock_spin.setObjectName("lockMinutesSpin")
        self.lock_spin.setRange(MIN_LOCK_MINUTES, MAX_LOCK_MINUTES)
        self.lock_spin.setValue(min(max(lock_minutes, MIN_LOCK_MINUTES), MAX_LOCK_MINUTES))
        self.language_label = QLabel(self)
        self.lock_label = QLabel(self)
        self.lock_note = QLabel(self)
        self.lock_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("settingsButtons")
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.lock_label, self.lock_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lock_note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Interface language:"))
        self.language_label.setBuddy(self.language_combo)
        self.lock_label.setText(self.tr("&Lock after inactivity:"))
        self.lock_label.setBuddy(self.lock_spin)
        self.lock_spin.setSuffix(self.tr(" min"))
        self.lock_note.setText(
            self.tr(
                "The vault also locks with Ctrl+Shift+L, when the window is closed and "
                "when the computer goes to sleep. Shut the laptop down, not to sleep, "
                "before a checkpoint."
            )
        )

    @Slot()
    def _accept(self) -> None:
        self.settings_chosen.emit(str(self.language_combo.currentData()), self.lock_spin.value())
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ChangePassphraseDialog(QDialog):
    """Old passphrase, new one twice, with the strength meter.

    The dialog only collects; the main window runs the change (two Argon2 runs) on the task
    runner and calls :meth:`set_busy`, :meth:`show_error` or ``accept()``.

    Signals:
        change_requested(str, str): old and new passphrase.
    """

    change_requested = Signal(str, str)
    """The old and the new passphrase."""

    def __init__(self, strength: StrengthFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setModal(True)
        self.setMinimumWidth(460)
        self._strength: StrengthFn = strength
        self.old = PassphraseEdit(self)
        self.old.setObjectName("oldPassphrase")
        self.new = PassphraseEdit(self)
        self.new.setObjectName("newPassphrase")
        self.confirm = PassphraseEdit(self)
        self.confirm.setObjectName("confirmPassphrase")
        self.meter = StrengthMeter(self)
        self.meter.setObjectName("strengthMeter")
        self.message = QLabel(self)
        self.message.setObjectName("changeMessage")
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        self.old_label = QLabel(self)
        self.new_label = QLabel(self)
        self.confirm_label = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("changePassphraseButtons")
        form = QFormLayout()
        form.addRow(self.old_label, self.old)
        form.addRow(self.new_label, self.new)
        form.addRow(self.confirm_label, self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.meter)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.old, self.new, self.confirm):
            edit.textChanged.connect(self._update)
        self._busy = False
        self.retranslate()
        self._update()

    @property
    def ok_button(self) -> QWidget:
        """The OK button (for tests and focus)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def can_change(self) -> bool:
        """True when the old one is given, the new ones match and are strong enough."""
        new = self.new.text()
        return (
            not self._busy
            and bool(self.old.text())
            and bool(new)
            and new == self.confirm.text()
            and self.meter.score >= MIN_STRENGTH
        )

    def set_busy(self, busy: bool) -> None:
        """Block input while the passphrase is changed."""
        self._busy = busy
        for edit in (self.old, self.new, self.confirm):
            edit.setEnabled(not busy)
        self.progress.setVisible(busy)
        self._update()

    def show_error(self, sentence: str) -> None:
        """Say why the change failed and let the user try again."""
        self.set_busy(False)
        self.message.setText(sentence)
        self.old.wipe()
        self.old.setFocus()

    def done(self, result: int) -> None:
        """Wipe the three fields whatever the outcome."""
        for edit in (self.old, self.new, self.confirm):
            edit.wipe()
        super().done(result)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Change passphrase"))
        self.old_label.setText(self.tr("&Current passphrase:"))
        self.old_label.setBuddy(self.old)
        self.new_label.setText(self.tr("&New passphrase:"))
        self.new_label.setBuddy(self.new)
        self.confirm_label.setText(self.tr("&Repeat it:"))
        self.confirm_label.setBuddy(self.confirm)

    @Slot()
    def _update(self) -> None:
        new = self.new.text()
        if new:
            score, hint = self._strength(new)
            self.meter.set_strength(score, translate_hint(hint))
        else:
            self.meter.set_strength(0, "")
        if self.confirm.text() and self.confirm.text() != new:
            self.message.setText(self.tr("The two new passphrases are not the same."))
        elif not self._busy and self.message.text() == self.tr(
            "The two new passphrases are not the same."
        ):
            self.message.setText("")
        self.ok_button.setEnabled(self.can_change())

    @Slot()
    def _submit(self) -> None:
        if self.can_change():
            self.set_busy(True)
            self.change_requested.emit(self.old.text(), self.new.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
