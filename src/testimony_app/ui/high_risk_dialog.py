"""High-risk mode's one screen: what it protects, what it costs, on or off, and the delay.

An interviewer who may be stopped at a checkpoint and made to type the passphrase turns it on
(issue 20). The screen says, before anything is chosen, what the mode protects (a handed-over
testimony cannot be read from the laptop, even with the passphrase) and what it costs (the
laptop can no longer show or print it; only the organisation holds it). It needs an enrolled
organisation; without one, it says so and offers nothing to turn on. The setting is read and
written off the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.session_op import SessionOp, SessionProvider

if TYPE_CHECKING:
    from testimony_app.services.handover import HighRiskSetting
    from testimony_app.services.vault import VaultSession
    from testimony_app.ui.tasks import TaskRunner


def _read(session: VaultSession) -> tuple[HighRiskSetting, bool, int, int]:
    """The setting, whether an organisation is enrolled, handed-over and outbox counts."""
    service = session.handover
    return (
        service.setting(),
        session.bundles.enrolment() is not None,
        service.count_handed_over(),
        len(service.outbox_entries()),
    )


class HighRiskDialog(QDialog):
    """The setting screen. Emits :attr:`changed` with the new state once it is stored."""

    changed = Signal(bool)

    def __init__(
        self, session_provider: SessionProvider, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("highRiskDialog")
        self.setModal(True)
        self.setMinimumWidth(560)
        self.ops = SessionOp(self, session_provider, runner)
        self.protects_title = QLabel(self)
        self.protects = QLabel(self)
        self.costs_title = QLabel(self)
        self.costs = QLabel(self)
        self.limits = QLabel(self)
        for label in (self.protects, self.costs, self.limits):
            label.setWordWrap(True)
        for title in (self.protects_title, self.costs_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        self.protects.setObjectName("highRiskProtects")
        self.costs.setObjectName("highRiskCosts")
        self.enabled = QCheckBox(self)
        self.enabled.setObjectName("highRiskEnabled")
        self.delay_label = QLabel(self)
        self.delay = QSpinBox(self)
        self.delay.setObjectName("highRiskDelay")
        self.delay.setRange(0, 24)
        self.delay_label.setBuddy(self.delay)
        self.state = QLabel(self)
        self.state.setObjectName("highRiskState")
        self.state.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        delay_row = QHBoxLayout()
        delay_row.addWidget(self.delay_label)
        delay_row.addWidget(self.delay)
        delay_row.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.protects_title, self.protects, self.costs_title, self.costs,
                       self.limits):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.enabled)
        layout.addLayout(delay_row)
        layout.addWidget(self.state)
        layout.addWidget(self.buttons)
        self.enabled.toggled.connect(self.delay.setEnabled)
        self._enrolled = False
        self._set_busy(True)
        self.retranslate()
        self.ops.submit(_read, self._show)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("High-risk mode"))
        self.protects_title.setText(self.tr("What it protects"))
        self.protects.setText(self.tr(
            "If you may be stopped and made to type your passphrase: once a sealed testimony is"
            " handed over, its bundle waits in the outbox, encrypted so that only the"
            " organisation can open it, and everything readable of it is deleted from this"
            " laptop — text, names, attachments, search index and backups. The passphrase then"
            " opens nothing of it."
        ))
        self.costs_title.setText(self.tr("What it costs"))
        self.costs.setText(self.tr(
            "After the hand-over this laptop can no longer show, print or amend the testimony."
            " Print or save the statement for the witness to sign before you hand it over."
            " Only the pseudonym, the interview date and the content hash stay here."
        ))
        self.limits.setText(self.tr(
            "Drafts stay readable until they are sealed, and a photo or paper copy of the"
            " statement is beyond the program's reach."
        ))
        self.enabled.setText(self.tr("Hand sealed testimonies over to the organisation"))
        self.delay_label.setText(self.tr("Hand over by itself, this many hours after sealing:"))
        self.delay.setSuffix(self.tr(" h"))
        self.delay.setToolTip(self.tr(
            "0: as soon as the sealed testimony is closed. A testimony open in the window is"
            " never handed over by itself."
        ))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_busy(self, busy: bool) -> None:
        self.enabled.setEnabled(not busy and self._enrolled)
        self.delay.setEnabled(not busy and self._enrolled and self.enabled.isChecked())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not busy and self._enrolled)

    def _show(self, found: tuple[HighRiskSetting, bool, int, int]) -> None:
        setting, enrolled, handed, waiting = found
        self._enrolled = enrolled
        self.enabled.setChecked(setting.enabled)
        self.delay.setValue(setting.delay_hours)
        if not enrolled:
            self.state.setText(self.tr(
                "Enrol the organisation first (Vault → Export to the organisation…): a hand-over"
                " encrypts to its key."
            ))
        else:
            self.state.setText(
                self.tr("%n testimony(ies) handed over", "", handed)
                + " · "
                + self.tr("%n bundle(s) in the outbox", "", waiting)
            )
        self._set_busy(False)

    def _save(self) -> None:
        on, hours = self.enabled.isChecked(), self.delay.value()
        self._set_busy(True)

        def stored(_setting: object) -> None:
            self.changed.emit(on)
            self.accept()

        def failed(exc: BaseException) -> None:
            from testimony_app.ui.tasks import show_error

            self._set_busy(False)
            show_error(self, exc)

        self.ops.submit(lambda s: s.handover.set_mode(on, hours), stored, failed)

    def done(self, result: int) -> None:
        self.ops.close()
        super().done(result)
