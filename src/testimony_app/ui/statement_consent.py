"""What the Statement window says about the witness's consent to their name.

Consent governs the default (issue 14.3): when the witness said no to their name appearing,
or was not asked, the window opens on the redacted statement and this banner says why; the
full statement needs a reason (:meth:`ConsentBanner.ask_reason`), and while it is on screen the
banner repeats that reason, so nobody forgets whose consent they are overriding. The service
stores the reason with the version and in the audit log when the file is saved.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from testimony_app.ui.prompts import prompts_for


class ConsentBanner(QLabel):
    """A yellow banner above the preview; hidden while the name may appear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statementConsentBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c3c00; border: 1px solid #e0c36c;"
            " padding: 6px; }"
        )
        self._state: tuple[bool, bool | None, bool, str] = (False, None, True, "")
        self.hide()

    def show_for(self, known: bool, name_consent: bool | None, redacted: bool,
                 reason: str) -> None:
        """Say why the statement is redacted, or that the full one overrides the witness's
        answer and with what reason; hidden until the answer is ``known`` and when it is yes.
        """
        self._state = (known, name_consent, redacted, reason)
        if not known or name_consent is True:
            self.hide()
            return
        if redacted:
            text = (self.tr("The witness did not agree to their name appearing, so the "
                            "statement is redacted. The full statement needs a reason.")
                    if name_consent is False else
                    self.tr("The witness was not asked whether their name may appear, so the "
                            "statement is redacted. The full statement needs a reason."))
        else:
            text = self.tr("Full statement with the witness's name, against their consent. "
                           "Your reason is kept in the record's history when you save: %1"
                           ).replace("%1", reason)
        self.setText(text)
        self.show()

    def ask_reason(self, name_consent: bool | None) -> str:
        """Ask why the witness must be named although their consent does not allow it; the
        reason on one line, or "" when none was given."""
        if name_consent is False:
            question = self.tr(
                "The witness did not agree to their name appearing. Why must this statement "
                "name them? The reason is kept in the record's history when you save."
            )
        else:
            question = self.tr(
                "The witness was not asked whether their name may appear. Why must this "
                "statement name them? The reason is kept in the record's history when you save."
            )
        parent = self.window()
        answer = prompts_for(parent).ask_text(parent, self.tr("Full statement with the name"),
                                              question)
        return " ".join((answer or "").split())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_for(*self._state)
        super().changeEvent(event)
