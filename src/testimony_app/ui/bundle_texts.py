"""How the bundle services' sentences appear in the window: marked for translation, and worded.

The services (export, receipts, purge) explain a withheld or kept record in one English
sentence; the window looks each one up in the ``errors`` translation context. Until those
sentences become codes (issue 17), they are listed here so that lupdate puts them in front of
the translators, and :func:`reason_text` turns the two that carry a name back into a
translated sentence.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

from testimony_app.ui.i18n import QT_TRANSLATE_NOOP

# The sentences the bundle services may show in the export and receipt dialogs, listed so that
# lupdate puts them in the "errors" context, where ``error_sentence`` looks them up.
SERVICE_SENTENCES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("errors", "The witness's consent to legal proceedings is not recorded."),
    QT_TRANSLATE_NOOP("errors", "The witness did not consent to legal proceedings."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The witness named the organisations that may receive it, and this laptop enrolled the organisation without its name.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "It has not been sealed yet."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Its content was deleted from this laptop after the organisation acknowledged it.",
    ),
    QT_TRANSLATE_NOOP("errors", "Nothing was exported: every testimony considered was withheld."),
    QT_TRANSLATE_NOOP("errors", "Nothing was exported: no sealed testimony is waiting to be sent."),
    QT_TRANSLATE_NOOP(
        "errors", "No organisation is enrolled on this laptop; enrol it before exporting."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "That recipient is not one of the enrolled organisation's keys; enrol it first.",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "The organisation was not enrolled: its fingerprint was not confirmed."
    ),
    QT_TRANSLATE_NOOP("errors", "The organisation's name is too long or has control characters."),
    QT_TRANSLATE_NOOP("errors", "The folder chosen for the bundle does not exist."),
    QT_TRANSLATE_NOOP(
        "errors", "A file with that name already exists; the bundle was not written."
    ),
    QT_TRANSLATE_NOOP("errors", "The disk is full: the bundle was not written."),
    QT_TRANSLATE_NOOP("errors", "The bundle cannot be created in that folder."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is empty."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not an age key."),
    QT_TRANSLATE_NOOP("errors", "An age recipient must be written in lower case."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient must start with 'age1'."),
    QT_TRANSLATE_NOOP(
        "errors", "An organisation recipient has a typing error (its checksum does not match)."
    ),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not an X25519 age key."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not a usable key."),
    QT_TRANSLATE_NOOP("errors", "An organisation recipient is not a usable age key."),
    QT_TRANSLATE_NOOP("errors", "No organisation recipient is configured; a bundle needs one."),
    QT_TRANSLATE_NOOP("errors", "The same organisation recipient is listed twice."),
    QT_TRANSLATE_NOOP(
        "errors", "A public key must be written as 'ed25519:' and 44 base64 characters."
    ),
    QT_TRANSLATE_NOOP("errors", "The key is not valid base64."),
    QT_TRANSLATE_NOOP("errors", "The key does not have the expected length or spelling."),
    QT_TRANSLATE_NOOP("errors", "The Ed25519 public key is not a usable key."),
    QT_TRANSLATE_NOOP("errors", "The receipt file cannot be read."),
    QT_TRANSLATE_NOOP("errors", "The receipt is too large to be a receipt."),
    QT_TRANSLATE_NOOP("errors", "The file is not a receipt (it should have exactly two lines)."),
    QT_TRANSLATE_NOOP("errors", "The receipt was not signed by the organisation's key."),
    QT_TRANSLATE_NOOP("errors", "The receipt is invalid: it is not valid JSON."),
    QT_TRANSLATE_NOOP("errors", "The receipt is invalid: it names no bundle."),
    QT_TRANSLATE_NOOP("errors", "The receipt is for a bundle this laptop did not export."),
    QT_TRANSLATE_NOOP("errors", "The receipt lists a record that this bundle did not carry."),
    QT_TRANSLATE_NOOP("errors", "The receipt is for a different bundle."),
    QT_TRANSLATE_NOOP("errors", "The receipt does not list the same records as the bundle."),
    QT_TRANSLATE_NOOP(
        "errors", "The receipt names a different organisation key than the one that signed it."
    ),
    QT_TRANSLATE_NOOP(
        "errors",
        "The content was deleted, but a fresh backup could not be written, so the older backups that still hold it were kept.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "its content was already deleted"),
    QT_TRANSLATE_NOOP("errors", "it has an unsealed draft"),
    QT_TRANSLATE_NOOP("errors", "the organisation has not acknowledged every sealed version of it"),
    QT_TRANSLATE_NOOP(
        "errors",
        "the organisation holds only a redacted copy of it, so this laptop holds the only complete one",  # noqa: E501 -- kept whole for lupdate
    ),
)

_OTHER_ORGANISATIONS = re.compile(r"The witness's consent names other organisations than (.+)\.")
_KEPT = re.compile(r"Kept: (.+)\.")


def reason_text(reason: str) -> str:
    """A withheld or kept reason from the services, in the interface language."""
    other = _OTHER_ORGANISATIONS.fullmatch(reason)
    if other:
        return QCoreApplication.translate(
            "ExportDialog", "The witness's consent names other organisations than %1."
        ).replace("%1", other.group(1))
    kept = _KEPT.fullmatch(reason)
    if kept:
        return QCoreApplication.translate("ReceiptDialog", "Kept: %1.").replace(
            "%1", QCoreApplication.translate("errors", kept.group(1))
        )
    return QCoreApplication.translate("errors", reason)


def human_size(size: int) -> str:
    """Bytes as the locale writes them (``QLocale.formattedDataSize``)."""
    return QLocale().formattedDataSize(size)


def short_id(record_id: str) -> str:
    """The first characters of a record id: enough to tell records apart, names nothing."""
    return record_id[:8]
