"""First run: the page that creates the vault with a passphrase chosen (twice) or generated.

It only collects the passphrase; the main window creates the vault (Argon2) on the task
runner and reports back with :meth:`CreateVaultPage.set_busy` and
:meth:`CreateVaultPage.show_error` (:mod:`~testimony_app.ui.vault_pages`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from testimony_app.ui.keyboard_state import KeyboardHints, KeyboardProbe
from testimony_app.ui.passphrase import (
    MIN_STRENGTH,
    PassphraseEdit,
    StrengthFn,
    StrengthMeter,
    translate_hint,
)
from testimony_app.ui.vault_pages import VaultCard, set_message

GenerateFn = Callable[[], str]


class CreateVaultPage(VaultCard):
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
