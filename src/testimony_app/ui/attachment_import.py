"""Bringing files into a testimony: one after another, with progress and a Cancel that works.

Why apart from the list: importing hashes and encrypts a file of any size (a video of an
injury, a scan of many pages), so it runs on the task runner's thread for as long as it takes,
and the interviewer must see it move and be able to stop it. Progress arrives on the worker
thread and crosses to the GUI thread as a queued signal; Cancel sets a flag the service reads
about once per MiB, and a cancelled import leaves nothing in the vault (nor deletes the
original). A file is announced only if the testimony it was meant for is still the one shown.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from testimony_app.domain.model import AttachmentInfo
from testimony_app.errors import OperationCancelled
from testimony_app.ui.tasks import TaskRunner, show_error


class _Progress(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    moved = Signal(int, int)


class ImportRow(QWidget):
    """"Storing photo.jpg", a progress bar and Cancel, shown while files are imported.

    Signals:
        imported(object): one file is in the vault (its :class:`AttachmentInfo`).
        busy_changed(bool): importing started or ended (done, failed or cancelled).
    """

    imported = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        session: Callable[[], Any],
        runner: TaskRunner,
        record_id: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentImport")
        self._session = session
        self._runner = runner
        self._record_id = record_id
        self._cancel = threading.Event()
        self._busy = False
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("attachmentProgress")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelImportButton")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        self._show_busy(False)
        self.retranslate()

    @property
    def busy(self) -> bool:
        """Whether files are being imported now."""
        return self._busy

    def start(self, record_id: str, paths: list[Path], delete_originals: bool) -> None:
        """Import ``paths`` into ``record_id`` one by one (deleting each original if asked)."""
        self._cancel.clear()
        self._next(record_id, list(paths), delete_originals)

    def cancel(self) -> None:
        """Stop at the service's next check; what is half-stored is removed."""
        self._cancel.set()

    def retranslate(self) -> None:
        """Texts in the interface language."""
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a change of interface language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _next(self, record_id: str, paths: list[Path], delete: bool) -> None:
        session = self._session()
        if not paths or session is None:
            self._show_busy(False)
            return
        path = paths.pop(0)
        self._show_busy(True)
        self.bar.setValue(0)
        self.label.setText(self.tr("Storing %s") % path.name)
        bridge, cancel = self._progress, self._cancel

        def work() -> AttachmentInfo:
            info: AttachmentInfo = session.testimonies.add_attachment(
                record_id,
                path,
                progress=lambda done, total: bridge.moved.emit(done, total),
                cancelled=cancel.is_set,
                delete_original=delete,
            )
            return info

        def done(info: AttachmentInfo) -> None:
            if self._record_id() != record_id:
                self._show_busy(False)  # another testimony is shown: the rest waits for a click
                return
            self.imported.emit(info)
            self._next(record_id, paths, delete)

        def failed(exc: BaseException) -> None:
            self._show_busy(False)
            if isinstance(exc, OperationCancelled) or cancel.is_set():
                self.label.setText(self.tr("Cancelled; nothing was added."))
                self.label.setVisible(True)
                return
            show_error(self, exc)

        self._runner.submit(work, on_success=done, on_error=failed)

    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            # Per mille keeps the bar's range inside an int for files of many gigabytes.
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(done * 1000 / total))
        else:
            self.bar.setRange(0, 0)

    def _show_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.label, self.bar, self.cancel_button):
            widget.setVisible(busy)
        self.busy_changed.emit(busy)
