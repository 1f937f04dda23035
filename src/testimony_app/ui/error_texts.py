"""The passphrase meter's hints, listed so that ``pyside6-lupdate`` finds them.

``services.passphrase`` rates a passphrase with an English hint; the meter looks it up in the
``passphrase_strength`` translation context. (Errors no longer pass through here: they are
message codes with their words in the gettext catalogues, CONTRIBUTING.md "Words".)
"""

from __future__ import annotations

from testimony_app.ui.i18n import QT_TRANSLATE_NOOP

STRENGTH_HINTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("passphrase_strength", "Strong."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Far too weak: use several random words."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Weak: a person with the laptop could guess it."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Fair: add another word or two."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Good."),
)
