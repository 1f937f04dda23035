"""The errors a user can cause, kept apart from bugs.

A :class:`UserFacingError` says what went wrong as a stable code and its parameters
(``UserFacingError("bundle.members_missing", count=3)``), never as a sentence: the words, in
English as in Azerbaijani and Russian, are in the gettext catalogues
(:mod:`testimony_app.words`), and the window or the command line shows them in the reader's
language. ``str(error)`` is the English text, for logs and tests.

What an error carries is safe to show: never a passphrase, key material or testimony text.
Everything else is a bug and is reported as such.

Write a new error as ``raise SomeError("area.what_happened", name=value)``, then add its text
to the catalogue of the layer that raises it (CONTRIBUTING.md, "Words");
``tests/unit/words`` fails until English, Azerbaijani and Russian all have it.
"""

from __future__ import annotations

import datetime as _dt
import errno
from typing import ClassVar

from testimony_app.words import CODE, Message, Param, text


class TestimonyError(Exception):
    """Base of every error this application raises on purpose."""


class UserFacingError(TestimonyError):
    """The environment or the user failed; :attr:`message` says what, safe to display.

    A subclass may name a ``default_code`` used when it is raised without one.
    """

    exit_code = 2
    default_code: ClassVar[str] = ""

    def __init__(self, code: str = "", /, **params: Param) -> None:
        code = code or self.default_code
        if not code:
            raise TypeError(f"{type(self).__name__} needs a message code")
        self.message = Message(code, **params)
        super().__init__(code)

    @property
    def code(self) -> str:
        """The stable code of what happened (``vault.wrong_passphrase``)."""
        return self.message.code

    @property
    def coded(self) -> bool:
        """False for an error still raised with an English sentence (before issue 17 is done);
        the window then looks the sentence up in its own ``errors`` translation context."""
        return CODE.match(self.message.code) is not None

    def text(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the program's current language)."""
        if not self.coded:
            return self.message.code
        return text(self.message, lang)

    def __str__(self) -> str:
        return self.text("en")


class WrongPassphrase(UserFacingError):
    """The passphrase does not open this vault."""

    default_code = "vault.wrong_passphrase"


class VaultNotFound(UserFacingError):
    """No vault exists at the given place."""


class VaultExists(UserFacingError):
    """A vault already exists where a new one was to be created."""


class VaultDamaged(UserFacingError):
    """The vault's files are damaged; restore from a backup.

    The command line exits 1 for damage, as ``check`` does for damage it finds, so a script
    tells a damaged vault (1) from a mistake of its own (2) whichever way the damage shows.
    """

    exit_code = 1


class VaultTooNew(UserFacingError):
    """The vault was written by a newer version of this program."""


class KeyFileDamaged(UserFacingError):
    """Both copies of the key file are unreadable."""

    exit_code = 1  # damage, as VaultDamaged


class VaultInUse(UserFacingError):
    """Another window or program has this vault open (one process per vault)."""

    default_code = "vault.in_use"


class PassphraseChangedWithoutBackup(UserFacingError):
    """The passphrase was changed, but the fresh backup under the new key could not be made."""

    exit_code = 3  # done, but not backed up (as a seal whose backup failed)


class OriginalChanged(UserFacingError):
    """``--delete-original`` refused: the file is no longer what was stored."""


class UnsupportedLibrary(UserFacingError):
    """The installed SQLCipher is too old or not set up to protect the vault."""


class DiskFull(UserFacingError):
    """The disk is full; nothing was lost, but the last change was not saved."""

    default_code = "disk.full"


class RecordNotFound(UserFacingError):
    """No testimony with that id."""


class RecordSealed(UserFacingError):
    """A sealed version cannot be changed; amend it instead."""


class InvalidRecord(UserFacingError):
    """A testimony document does not follow the interchange format."""


class ConsentMissing(UserFacingError):
    """An action needs consent that the witness has not given."""


class BundleRejected(UserFacingError):
    """A bundle failed verification and nothing was imported."""


class OperationCancelled(TestimonyError):
    """The user cancelled a long operation; nothing was changed."""


class BugError(TestimonyError):
    """We failed: an invariant of the program itself is broken."""


def os_reason(exc: OSError) -> Message:
    """Why the system refused a file, in the reader's words (the operating system's own
    ``strerror`` is English whatever the reader's language)."""
    number = exc.errno
    if number in (errno.EACCES, errno.EPERM):
        return Message("os.permission_denied")
    if number == errno.EROFS:
        return Message("os.read_only")
    if number in (errno.ENOSPC, errno.EDQUOT):
        return Message("os.disk_full")
    if number in (errno.ENOENT, errno.ENOTDIR):
        return Message("os.not_found")
    if number == errno.ENAMETOOLONG:
        return Message("os.name_too_long")
    if number == errno.EISDIR:
        return Message("os.is_folder")
    return Message("os.write_failed")


def stored_day(timestamp: str) -> _dt.date | str:
    """The day of a stored ISO timestamp, as a date the reader's language writes out
    (``15 March 2026``, ``15 марта 2026 г.``); the text as stored if it is not one."""
    try:
        return _dt.date.fromisoformat(timestamp[:10])
    except ValueError:
        return timestamp[:10]
