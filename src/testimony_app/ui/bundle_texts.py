"""Small wordings the bundle dialogs share: a size in the interface language, a short record id.

Why a record is withheld or kept comes from the services as a message code
(:class:`testimony_app.words.Message`); the dialogs show ``words.text(reason)``, in the
interface language, from the services catalogue.
"""

from __future__ import annotations


def short_id(record_id: str) -> str:
    """The first characters of a record id: enough to tell records apart, names nothing."""
    return record_id[:8]
