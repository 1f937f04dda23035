"""The editor's Attachments page: the hint above and :class:`AttachmentsView` below, and the
way a problem's field path (``attachments[2].description``) is shown to the user."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from testimony_app.domain.model import Testimony
from testimony_app.ui.attachments_view import AttachmentsView
from testimony_app.ui.editor_base import EditorPage, path_steps
from testimony_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from testimony_app.services.vault import VaultSession


class AttachmentsPage(EditorPage):
    """The editor page around :class:`AttachmentsView`."""

    section = "attachments"

    def __init__(
        self,
        session: Callable[[], VaultSession | None],
        runner: TaskRunner,
        record_id: Callable[[], str | None],
        before_recording: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.on_language(lambda: self.hint.setText(self.tr(
            "Photos, documents and recordings are stored encrypted in the vault with their "
            "SHA-256, taken when they arrive. Originals can be deleted from this computer."
        )))
        self.view = AttachmentsView(session, runner, record_id, before_recording, self.body)
        self.column.addWidget(self.view, 1)
        self.body.setMaximumWidth(1200)

    def title(self) -> str:
        """Navigator entry."""
        return self.tr("Attachments")

    def load(self, testimony: Testimony) -> None:
        """Show the record's attachments."""
        self.view.set_attachments(testimony.attachments)

    def store(self, testimony: Testimony) -> None:
        """The list the vault keeps (the service fills it in again on save)."""
        testimony.attachments = self.view.attachments()

    def set_read_only(self, read_only: bool) -> None:
        """Sealed: nothing added."""
        super().set_read_only(read_only)
        self.view.set_read_only(read_only)

    def set_language(self, lang: str) -> None:
        """Kinds in ``lang``."""
        super().set_language(lang)
        self.view.set_language(lang)

    def focus_field(self, path: str) -> bool:
        """``attachments[2]…`` selects the third attachment; otherwise the Add button."""
        steps = path_steps(path)
        index = steps[1] if len(steps) > 1 and isinstance(steps[1], int) else -1
        items = self.view.attachments()
        if 0 <= index < len(items):
            self.view.select(items[index].id)
            wanted = str(steps[2]) if len(steps) > 2 else ""
            target = {"description": self.view.description, "kind": self.view.kind}.get(
                wanted, self.view.table
            )
            self.show_widget(target if target.isEnabled() else self.view.table)
            return True
        self.show_widget(self.view.add_button)
        return True
