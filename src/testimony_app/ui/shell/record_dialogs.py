"""The dialogs the window opens about testimonies: statement, registry, export, receipt.

Each is opened for "the testimony in front of the user": the one open in the editor, else the
row selected in the list. What was typed is queued for saving first, so a dialog that reads the
vault (on the same serial runner) sees it. When a dialog changes statuses (exported,
acknowledged, purged), the list and the editor are refreshed; a purged testimony leaves the
editor at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot

from testimony_app.ui.device_dialog import DeviceDialog
from testimony_app.ui.export_dialog import ExportDialog
from testimony_app.ui.receipt_dialog import ReceiptDialog
from testimony_app.ui.registry import RegistryView
from testimony_app.ui.statement_dialog import StatementDialog
from testimony_app.ui.testimony_table import SUMMARY_ROLE

if TYPE_CHECKING:
    from testimony_app.ui.main_window import MainWindow


class RecordDialogs(QObject):
    """Opens the testimony dialogs of ``window`` and follows what they change."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def target(self) -> str | None:
        """The testimony a dialog is about: the open one, else the selected row."""
        w = self._window
        if w.in_editor():
            return w.current_record
        if w.in_list():
            return w.list_page.selected_id()
        return None

    def _save_typing(self) -> None:
        if self._window.in_editor():
            self._window.editor.flush()

    @Slot()
    def statement(self) -> None:
        """Preview the statement of the open (or selected) testimony, then save it."""
        w = self._window
        record_id = self.target()
        if w.is_locked or record_id is None:
            return
        language: str | None
        if w.in_editor():
            self._save_typing()  # the statement shows what was typed, not the last autosave
            language = w.editor.testimony().interview.language
        else:
            summary = w.list_page.table.currentIndex().data(SUMMARY_ROLE)
            language = getattr(summary, "language", None)
        dialog = StatementDialog(
            w.session,
            w.runner,
            record_id,
            ui_language=w.translations.code,
            interview_language=language,
            parent=w,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def registry(self, suggestions: bool = False) -> RegistryView | None:
        """Open (or raise) the non-modal registry and corroboration window."""
        w = self._window
        if w.is_locked:
            return None
        record_id = self.target()
        if record_id is not None:
            self._save_typing()  # suggestions read the stored record: store what was typed
        view = next((v for v in w.findChildren(RegistryView) if v.isVisible()), None)
        if view is None:
            view = RegistryView(
                w.session, w.runner, record_id, ui_language=w.translations.code, parent=w
            )
            view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        elif record_id is not None and record_id != view.record_id:
            view.set_record(record_id)
        if suggestions:
            view.show_suggestions()
        view.show()
        view.raise_()
        view.activateWindow()
        return view

    @Slot()
    def export(self) -> None:
        """Enrol the organisation if needed, then export sealed testimonies in a bundle."""
        w = self._window
        if w.is_locked:
            return
        self._save_typing()
        dialog = ExportDialog(w.session, w.runner, parent=w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(self.statuses_changed)
        dialog.open()

    @Slot()
    def import_receipt(self) -> None:
        """Check the organisation's receipt, then offer to purge what it holds."""
        w = self._window
        if w.is_locked:
            return
        dialog = ReceiptDialog(w.session, w.runner, parent=w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if not dialog.choose_receipt():
            dialog.deleteLater()
            return
        dialog.acknowledged.connect(self.statuses_changed)
        dialog.purged.connect(self._purged)
        dialog.open()

    @Slot()
    def device_fingerprint(self) -> None:
        """Show this laptop's fingerprint and key, for the organisation to register it."""
        w = self._window
        if w.is_locked:
            return
        dialog = DeviceDialog(w.session, w.runner, parent=w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot(int)
    def _purged(self, count: int) -> None:
        """Content left the laptop: the editor may not keep showing a purged testimony."""
        w = self._window
        if count and w.in_editor():
            w.editor.clear()
            w.back_to_list(reselect=False)
        else:
            self.statuses_changed()

    @Slot()
    def statuses_changed(self) -> None:
        """Statuses changed (exported, acknowledged, purged): show them in the list."""
        w = self._window
        if w.is_locked:
            return
        if w.in_editor() and w.current_record is not None:
            w.editor.open_record(w.current_record)
        w.list_page.refresh()
