"""The attachment list's table: its columns, and one row per attachment (name, kind,
description, size, when it was added, and the SHA-256 taken when it arrived)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from testimony_app.domain.model import AttachmentInfo
from testimony_app.ui.i18n import format_size
from testimony_app.ui.vocab_picker import term_label

#: Where a row keeps its attachment's id.
ID_ROLE = Qt.ItemDataRole.UserRole
COL_NAME, COL_KIND, COL_DESCRIPTION, COL_SIZE, COL_ADDED, COL_SHA256 = range(6)


def attachment_table(parent: QWidget) -> QTableWidget:
    """An empty table of the six columns: whole rows selected one at a time, nothing edited in
    place (a description is typed in the field below it)."""
    table = QTableWidget(0, 6, parent)
    table.setObjectName("attachmentsTable")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setMinimumHeight(130)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
    for col in (COL_KIND, COL_SIZE, COL_ADDED, COL_SHA256):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_rows(
    table: QTableWidget, items: Sequence[AttachmentInfo], lang: str, recording: str
) -> None:
    """One row per attachment, kinds in ``lang``; a recording still running (no SHA-256 yet)
    says ``recording`` in the hash column. Signals stay blocked while the rows change."""
    table.blockSignals(True)
    try:
        table.setRowCount(len(items))
        for row, info in enumerate(items):
            cells = [
                info.filename,
                term_label("attachment_kinds", info.kind, lang),
                info.description,
                format_size(info.size),
                info.added_at.replace("T", " ")[:16],
                (info.sha256[:16] + "…") if info.sha256 else recording,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, info.id)
                if col == COL_SHA256:
                    item.setToolTip(info.sha256)
                elif col in (COL_NAME, COL_DESCRIPTION):
                    item.setToolTip(text)
                if col == COL_SIZE:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, col, item)
    finally:
        table.blockSignals(False)
