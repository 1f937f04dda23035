"""Enrol the organisation from the window: its keys, the fingerprint read aloud, a person's tick.

Nothing is pinned until the fingerprint of exactly what was typed has been shown (computed and
checked by the services, on the worker) and the interviewer ticked that the organisation read
out the same one (security.md §5 D10). Typing over the keys afterwards hides the fingerprint
and clears the tick again. The command line does the same with ``testimony-app enrol``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.services.bundles import Enrolment
from testimony_app.ui.session_op import SessionOp
from testimony_app.ui.statement_dialog import monospace_font
from testimony_app.ui.tasks import error_sentence


class EnrolPage(QWidget):
    """The recipients, the receipt key and the name; the fingerprint; the confirmation.

    Signals:
        enrolled(object): the :class:`Enrolment` now pinned.
        close_requested(): Close was pressed.
    """

    enrolled = Signal(object)
    close_requested = Signal()

    def __init__(self, ops: SessionOp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolPage")
        self._ops = ops
        self._fingerprint_for: tuple[tuple[str, ...], str] | None = None
        self.enrol_intro = QLabel(self)
        self.enrol_intro.setObjectName("enrolIntro")
        self.enrol_intro.setWordWrap(True)
        self.enrol_recipients = QPlainTextEdit(self)
        self.enrol_recipients.setObjectName("enrolRecipients")
        self.enrol_recipients.setTabChangesFocus(True)
        self.enrol_recipients.setFixedHeight(self.fontMetrics().height() * 4)
        self.enrol_recipients.setFont(monospace_font())
        self.enrol_key = QLineEdit(self)
        self.enrol_key.setObjectName("enrolOrgKey")
        self.enrol_key.setFont(monospace_font())
        self.enrol_name = QLineEdit(self)
        self.enrol_name.setObjectName("enrolName")
        self.enrol_recipients_label = QLabel(self)
        self.enrol_key_label = QLabel(self)
        self.enrol_name_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.enrol_recipients_label, self.enrol_recipients)
        form.addRow(self.enrol_key_label, self.enrol_key)
        form.addRow(self.enrol_name_label, self.enrol_name)
        self.enrol_recipients_label.setBuddy(self.enrol_recipients)
        self.enrol_key_label.setBuddy(self.enrol_key)
        self.enrol_name_label.setBuddy(self.enrol_name)

        self.fingerprint_button = QPushButton(self)
        self.fingerprint_button.setObjectName("enrolShowFingerprint")
        self.fingerprint_button.setAutoDefault(False)
        self.fingerprint = QLabel(self)
        self.fingerprint.setObjectName("enrolFingerprint")
        big = QFont(monospace_font())
        big.setPointSizeF(max(big.pointSizeF(), 10.0) * 1.6)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_confirm = QCheckBox(self)
        self.enrol_confirm.setObjectName("enrolConfirmed")
        self.enrol_message = QLabel(self)
        self.enrol_message.setObjectName("enrolMessage")
        self.enrol_message.setWordWrap(True)
        self.enrol_message.setStyleSheet("color: #b71c1c;")
        self.enrol_button = QPushButton(self)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_close = QPushButton(self)
        self.enrol_close.setObjectName("enrolCloseButton")
        self.enrol_close.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.enrol_close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.enrol_intro)
        layout.addLayout(form)
        layout.addWidget(self.fingerprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.enrol_confirm)
        layout.addWidget(self.enrol_message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        for edit in (self.enrol_key, self.enrol_name):
            edit.textChanged.connect(self._inputs_changed)
        self.enrol_recipients.textChanged.connect(self._inputs_changed)
        self.fingerprint_button.clicked.connect(self.show_fingerprint)
        self.enrol_confirm.toggled.connect(self.update_buttons)
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_close.clicked.connect(self.close_requested)
        ops.pending_changed.connect(self.update_buttons)
        self.retranslate()

    def inputs(self) -> tuple[tuple[str, ...], str]:
        """The recipients (split on spaces, commas, semicolons) and the receipt key, as typed."""
        recipients = tuple(
            part for part in re.split(r"[\s,;]+", self.enrol_recipients.toPlainText()) if part
        )
        return recipients, self.enrol_key.text().strip()

    @Slot()
    def show_fingerprint(self) -> None:
        """Show the fingerprint of the recipients and key as typed (checked by the services)."""
        recipients, key = self.inputs()
        self.enrol_message.setText("")

        def shown(fingerprint: str) -> None:
            if (recipients, key) != self.inputs():
                return  # typed over meanwhile
            self._fingerprint_for = (recipients, key)
            self.fingerprint.setText(fingerprint)
            self.update_buttons()

        self._ops.submit(
            lambda s: s.bundles.enrolment_fingerprint(recipients, key), shown, self._refused
        )

    @Slot()
    def enrol(self) -> None:
        """Pin the organisation (only once the fingerprint was shown and confirmed)."""
        recipients, key = self.inputs()
        if self._fingerprint_for != (recipients, key) or not self.enrol_confirm.isChecked():
            return
        name = self.enrol_name.text()
        self._ops.submit(
            lambda s: s.bundles.enrol(recipients, key, name, confirmed=True),
            self._enrolled,
            self._refused,
        )

    def _enrolled(self, enrolment: Enrolment) -> None:
        self.enrolled.emit(enrolment)

    def _refused(self, exc: BaseException) -> None:
        self.enrol_message.setText(error_sentence(exc))

    @Slot()
    def _inputs_changed(self) -> None:
        if self._fingerprint_for is not None and self._fingerprint_for != self.inputs():
            self._fingerprint_for = None
        if self._fingerprint_for is None:
            self.fingerprint.setText("")
            self.enrol_confirm.setChecked(False)
        self.enrol_message.setText("")
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        """The fingerprint needs both keys; Enrol needs the fingerprint shown and ticked."""
        recipients, key = self.inputs()
        idle = not self._ops.busy
        shown = self._fingerprint_for is not None and self._fingerprint_for == (recipients, key)
        self.fingerprint_button.setEnabled(bool(recipients and key) and idle)
        self.enrol_confirm.setEnabled(shown)
        self.enrol_button.setEnabled(shown and self.enrol_confirm.isChecked() and idle)

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.enrol_intro.setText(
            self.tr(
                "No organisation is enrolled on this laptop yet, so nothing can be sent. Enter "
                "the keys the organisation gave you (or run testimony-app enrol), then compare "
                "the fingerprint with the one the organisation reads out to you."
            )
        )
        self.enrol_recipients_label.setText(self.tr("&Recipient (age1…):"))
        self.enrol_key_label.setText(self.tr("Receipt &key (ed25519:…):"))
        self.enrol_name_label.setText(self.tr("Organisation &name:"))
        self.enrol_name.setPlaceholderText(self.tr("As the witness named it in their consent"))
        self.fingerprint_button.setText(self.tr("Show the &fingerprint"))
        self.enrol_confirm.setText(
            self.tr("The organisation read out exactly this fingerprint, every character")
        )
        self.enrol_button.setText(self.tr("&Enrol"))
        self.enrol_close.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
