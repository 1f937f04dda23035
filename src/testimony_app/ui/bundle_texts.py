"""Small wordings the bundle dialogs share: a size in the interface language, a short record id.

Why a record is withheld or kept comes from the services as a message code
(:class:`testimony_app.words.Message`); the dialogs show ``words.text(reason)``, in the
interface language, from the services catalogue.
"""

from __future__ import annotations

from testimony_app.ui.i18n import format_size


def human_size(size: int) -> str:
    """Bytes as the interface writes sizes everywhere else (:func:`ui.i18n.format_size`):
    "246,0 KB" in Azerbaijani, "246,0 КБ" in Russian. Qt's ``formattedDataSize`` gave the
    export's result "240,24 KiB" in every language, and "512 байты" in Russian."""
    return format_size(size)


def short_id(record_id: str) -> str:
    """The first characters of a record id: enough to tell records apart, names nothing."""
    return record_id[:8]
