"""The window's second stage: the pages and helpers that work on an open vault.

Why a stage apart: the list, the editor, the handed-over page, the record dialogs, the vault's
upkeep and the hand-over control, with the services they import (bundles, statements, the
registry, ``cryptography.x509``, the matching rules), were two thirds of the program's start.
None of them is needed to show the create or unlock page, so the window is painted first and
:func:`build_later_pages` runs in the next turn of the event loop (or at once, for tests and
scripts, and at the latest when a vault opens). Issue 19, docs/performance.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from testimony_app.ui.editor import TestimonyEditor
from testimony_app.ui.handed_over_page import HandedOverPage
from testimony_app.ui.shell.handover_control import HandoverControl
from testimony_app.ui.shell.maintenance import VaultMaintenance
from testimony_app.ui.shell.record_dialogs import RecordDialogs
from testimony_app.ui.shell.recovery import Recovery
from testimony_app.ui.testimony_list import TestimonyListPage

if TYPE_CHECKING:
    from testimony_app.ui.main_window import MainWindow


def build_later_pages(w: MainWindow) -> None:
    """Make the list, editor and handed-over pages (in the stack after create and unlock) and
    the helpers behind the Testimony and Vault menus, and wire them to ``w``."""
    w.list_page = TestimonyListPage(w.session, w.runner, language=w.translations.code)
    w.editor = TestimonyEditor(w.session, w.runner, parent=w.pages)
    w.editor.setObjectName("editor")
    w.editor.set_language(w.translations.code)
    w.handed_over_page = HandedOverPage(w.session, w.runner, parent=w.pages)
    for page in (w.list_page, w.editor, w.handed_over_page):
        w.pages.addWidget(page)

    w.recovery = Recovery(w)
    w.dialogs = RecordDialogs(w)
    w.handover = HandoverControl(w)
    w.maintenance = VaultMaintenance(
        w,
        w.sessions,
        w.runner,
        w.prompts,
        w.statusBar(),
        save_typing=w.editor.flush,
        current_settings=lambda: (w.translations.code, w.lock_minutes),
    )

    c = w.commands
    slots: list[tuple[QAction, Callable[[], object]]] = [
        (c.new, w.new_testimony),
        (c.open, w.open_selected),
        (c.find, w.find_in_list),
        (c.back, w.back),
        (c.seal, w.editor.seal),
        (c.amend, w.editor.amend),
        (c.statement, w.dialogs.statement),
        (c.export, w.dialogs.export),
        (c.registry, lambda: w.dialogs.registry()),
        (c.suggest_links, lambda: w.dialogs.registry(suggestions=True)),
        (c.import_receipt, w.dialogs.import_receipt),
        (c.device_fingerprint, w.dialogs.device_fingerprint),
        (c.high_risk, w.handover.open_setting),
        (c.hand_over, w.handover.hand_over),
        (c.backup, w.maintenance.backup),
        (c.check, w.maintenance.check),
        (c.change_passphrase, w.maintenance.change_passphrase),
        (c.settings, w.maintenance.open_settings),
    ]
    for action, slot in slots:
        action.triggered.connect(slot)

    w.list_page.open_requested.connect(w.open_record)
    w.list_page.new_requested.connect(c.new.trigger)
    w.editor.closed.connect(w.back_to_list)
    w.handed_over_page.back.connect(w.back_to_list)
    w.editor.record_changed.connect(w.record_changed)
    w.maintenance.settings_chosen.connect(w.apply_settings)
    selection = w.list_page.table.selectionModel()
    selection.selectionChanged.connect(w.refresh_actions)
    # The selected row is read from the current index too: its change alone must count.
    selection.currentChanged.connect(w.refresh_actions)
    w.list_page.proxy.modelReset.connect(w.refresh_actions)
