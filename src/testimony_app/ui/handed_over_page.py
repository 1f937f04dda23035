"""What the window shows in place of the editor for a handed-over testimony (issue 20).

A handed-over testimony is not an error and not a gap: it is a record the organisation holds
and this laptop no longer can. The page says so, and shows what the laptop kept — the
pseudonym, the interview date, the version and its content hash, when it was handed over,
and whether its bundle still waits in the outbox or the organisation's receipt has named it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from testimony_app.ui.session_op import SessionOp, SessionProvider

if TYPE_CHECKING:
    from testimony_app.services.handover import Handover, OutboxEntry
    from testimony_app.services.vault import VaultSession
    from testimony_app.ui.tasks import TaskRunner


def _read(session: VaultSession, record_id: str) -> tuple[Handover | None, OutboxEntry | None]:
    handover = session.handover.handover_of(record_id)
    entry = session.handover.outbox.entry(handover.bundle_id) if handover else None
    return handover, entry


class HandedOverPage(QWidget):
    """The page of one handed-over testimony. Emits :attr:`back` for "Back to the list"."""

    back = Signal()

    def __init__(
        self, session_provider: SessionProvider, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handedOverPage")
        self.ops = SessionOp(self, session_provider, runner)
        self.record_id: str | None = None
        self._handover: Handover | None = None
        self._entry: OutboxEntry | None = None
        self.title = QLabel(self)
        self.title.setObjectName("handedOverTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("handedOverExplanation")
        self.explanation.setWordWrap(True)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(box)
        self.pseudonym, self.date, self.version, self.hash, self.when, self.bundle = (
            QLabel(box) for _ in range(6)
        )
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.hash.setFont(mono)
        self.hash.setObjectName("handedOverHash")
        self.hash.setWordWrap(True)
        self.pseudonym.setObjectName("handedOverPseudonym")
        self.bundle.setObjectName("handedOverBundle")
        self.bundle.setWordWrap(True)
        self._captions = [QLabel(box) for _ in range(6)]
        for caption, value in zip(
            self._captions,
            (self.pseudonym, self.date, self.version, self.hash, self.when, self.bundle),
            strict=True,
        ):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, value)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("handedOverBack")
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.explanation)
        layout.addSpacing(12)
        layout.addWidget(box)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_record(self, record_id: str) -> None:
        """Show ``record_id`` (read on the worker)."""
        self.record_id = record_id
        self._handover, self._entry = None, None
        self._fill()
        self.ops.submit(lambda s: _read(s, record_id), lambda found: self._found(record_id, found))

    def clear(self) -> None:
        """Forget the record shown (the vault is locking)."""
        self.record_id = None
        self._handover, self._entry = None, None
        self._fill()

    def _found(
        self, record_id: str, found: tuple[Handover | None, OutboxEntry | None]
    ) -> None:
        if record_id != self.record_id:
            return
        self._handover, self._entry = found
        self._fill()

    def _fill(self) -> None:
        h, entry = self._handover, self._entry
        self.pseudonym.setText(h.pseudonym or "—" if h else "")
        self.date.setText(h.interview_date or "—" if h else "")
        self.version.setText(str(h.version) if h else "")
        self.hash.setText(h.content_sha256 if h else "")
        self.when.setText(h.handed_over_at.replace("T", " ").rstrip("Z") + " UTC" if h else "")
        if h is None:
            self.bundle.setText("")
        elif entry is not None and entry.released_at:
            self.bundle.setText(self.tr("Received: the organisation's receipt names it."))
        else:
            sent = entry.sent if entry else 0
            self.bundle.setText(
                self.tr("Waiting in the outbox for the organisation's receipt")
                + " · "
                + self.tr("copied out %n time(s)", "", sent)
            )

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.title.setText(self.tr("Handed over — held only by the organisation"))
        self.explanation.setText(self.tr(
            "This testimony was sealed and handed over in high-risk mode. Its content, names and"
            " attachments are no longer on this laptop, and no passphrase can show them here:"
            " only the organisation can open its bundle. What this laptop keeps is below."
        ))
        captions = (
            self.tr("Pseudonym"),
            self.tr("Interview date"),
            self.tr("Version"),
            self.tr("Content hash (SHA-256)"),
            self.tr("Handed over"),
            self.tr("Bundle"),
        )
        for label, text in zip(self._captions, captions, strict=True):
            label.setText(text)
        self.back_button.setText(self.tr("Back to the list"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
