"""The registry and corroboration window: a model and three panes in one non-modal dialog.

``model``: entry rows, the listing read on the worker, the entry table model;
``entries_pane``: search, kinds, merge and undo; ``corroboration_pane``: who names the
selected entry; ``suggestions_pane``: links suggested for the open testimony; ``window``: the
dialog that holds them and their one :class:`~testimony_app.ui.session_op.SessionOp`.
"""

from testimony_app.ui.registry.model import (
    ROW_ROLE,
    EntryRow,
    EntryTableModel,
    Listing,
    SuggestionRow,
    entry_search_key,
    load_listing,
)
from testimony_app.ui.registry.window import RegistryView

__all__ = [
    "ROW_ROLE",
    "EntryRow",
    "EntryTableModel",
    "Listing",
    "RegistryView",
    "SuggestionRow",
    "entry_search_key",
    "load_listing",
]
