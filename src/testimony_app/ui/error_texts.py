"""The sentences the services may show, listed so that ``pyside6-lupdate`` finds them.

A :class:`~testimony_app.errors.UserFacingError` carries an English sentence written below the
interface. :func:`testimony_app.ui.tasks.error_sentence` looks each one up in the ``errors``
translation context, and the passphrase meter looks its hints up in ``passphrase_strength``;
this module exists only to put those sentences in front of the translation tools. Regenerate
it when the services gain new sentences (``resources/translations/build.sh`` says how).
"""

from __future__ import annotations

from testimony_app.ui.i18n import QT_TRANSLATE_NOOP

ERROR_SENTENCES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("errors", "The vault's key file has impossible settings and was not used."),
    QT_TRANSLATE_NOOP("errors", "The vault's key file is damaged."),
    QT_TRANSLATE_NOOP(
        "errors", "The vault's key file does not belong to this key and was not used."
    ),
    QT_TRANSLATE_NOOP("errors", "The vault's key file is missing."),
    QT_TRANSLATE_NOOP("errors", "The vault's key file cannot be read."),
    QT_TRANSLATE_NOOP("errors", "The passphrase is not correct for this vault."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The disk is full: the last change was not saved. Free some space and save again; your text is kept.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "Statements can be made in English, Azerbaijani or Russian."),
    QT_TRANSLATE_NOOP("errors", "That version of the testimony does not exist."),
    QT_TRANSLATE_NOOP(
        "errors",
        "The witness did not agree to their name appearing, so a named statement needs a reason; make the redacted one instead.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "The reason is too long; say it in a few sentences."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Record the witness's consent (legal proceedings, use of name, informed of purpose, no coercion) before sealing.",  # noqa: E501 -- kept whole for lupdate
    ),
    QT_TRANSLATE_NOOP("errors", "The witness has not agreed to an audio recording."),
    QT_TRANSLATE_NOOP("errors", "Unknown key-derivation setting."),
    QT_TRANSLATE_NOOP("errors", "This recording is already finished."),
    QT_TRANSLATE_NOOP("errors", "No testimony with that id is in this vault."),
    QT_TRANSLATE_NOOP("errors", "That attachment is not in this vault."),
    QT_TRANSLATE_NOOP("errors", "This attachment is too large to open here; save a copy instead."),
    QT_TRANSLATE_NOOP("errors", "The file to attach does not exist."),
    QT_TRANSLATE_NOOP("errors", "The file to attach cannot be read."),
    QT_TRANSLATE_NOOP("errors", "The attachment in the vault is damaged; nothing was saved."),
    QT_TRANSLATE_NOOP("errors", "Adding the attachment was cancelled."),
    QT_TRANSLATE_NOOP("errors", "The vault is locked."),
    QT_TRANSLATE_NOOP("errors", "The vault database is damaged; restore it from a backup."),
    QT_TRANSLATE_NOOP("errors", "The vault's database file is empty; restore it from a backup."),
    QT_TRANSLATE_NOOP(
        "errors", "The vault could not be written to the disk: the last change was not saved."
    ),
    QT_TRANSLATE_NOOP("errors", "The vault's database file is missing; restore it from a backup."),
    QT_TRANSLATE_NOOP("errors", "An amendment needs a reason."),
    QT_TRANSLATE_NOOP(
        "errors",
        "Write the dates of the period as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017-05.",
    ),
    QT_TRANSLATE_NOOP("errors", "The start of the period comes after its end."),
    QT_TRANSLATE_NOOP("errors", "No testimony with that id and version is in this vault."),
    QT_TRANSLATE_NOOP("errors", "This testimony is sealed; start an amendment to change it."),
    QT_TRANSLATE_NOOP("errors", "This version is already sealed."),
    QT_TRANSLATE_NOOP("errors", "This testimony already has an unsealed draft to edit."),
    QT_TRANSLATE_NOOP(
        "errors",
        "This vault was written by a newer version of Testimony; update the program to open it.",
    ),
    QT_TRANSLATE_NOOP(
        "errors", "Both copies of the vault's key file are damaged; restore them from a backup."
    ),
    QT_TRANSLATE_NOOP("errors", "The vault's key files are missing; restore them from a backup."),
    QT_TRANSLATE_NOOP("errors", "The passphrase is empty."),
    QT_TRANSLATE_NOOP("errors", "A vault, or other files, already exist at that location."),
    QT_TRANSLATE_NOOP("errors", "There is no vault at that location."),
    QT_TRANSLATE_NOOP("errors", "That backup file does not exist."),
    QT_TRANSLATE_NOOP("errors", "The new passphrase is empty."),
    QT_TRANSLATE_NOOP("errors", "The key file and the database belong to different vaults."),
    QT_TRANSLATE_NOOP("errors", "That backup is damaged too; choose an older one."),
    QT_TRANSLATE_NOOP("errors", "The restored copy did not verify; nothing was changed."),
    QT_TRANSLATE_NOOP("errors", "The new backup did not verify; the vault itself is unchanged."),
    QT_TRANSLATE_NOOP("errors", "Only a sealed version can be signed: seal the testimony first."),
    QT_TRANSLATE_NOOP("errors", "The statement could not be signed; it was not saved."),
    QT_TRANSLATE_NOOP(
        "errors", "The vault's statement-signing key is damaged; restore a backup."
    ),
    QT_TRANSLATE_NOOP("errors", "The vault's device key is damaged; restore a backup."),
    QT_TRANSLATE_NOOP("errors", "The vault has no device id; restore a backup."),
    QT_TRANSLATE_NOOP("errors", "That kind of attachment is not in the list."),
    QT_TRANSLATE_NOOP(
        "errors", "This version is sealed; start an amendment to remove an attachment."
    ),
)

STRENGTH_HINTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("passphrase_strength", "Strong."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Far too weak: use several random words."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Weak: a person with the laptop could guess it."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Fair: add another word or two."),
    QT_TRANSLATE_NOOP("passphrase_strength", "Good."),
)
