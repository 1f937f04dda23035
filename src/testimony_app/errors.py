"""The errors a user can cause, kept apart from bugs.

A :class:`UserFacingError` carries one plain sentence that is safe to show: it never holds a
passphrase, key material, or testimony text. Everything else is a bug and is reported as such.
"""


class TestimonyError(Exception):
    """Base of every error this application raises on purpose."""


class UserFacingError(TestimonyError):
    """The environment or the user failed; the message is one sentence safe to display."""

    exit_code = 2


class WrongPassphrase(UserFacingError):
    """The passphrase does not open this vault."""

    def __init__(self, message: str = "The passphrase is not correct for this vault.") -> None:
        super().__init__(message)


class VaultNotFound(UserFacingError):
    """No vault exists at the given place."""


class VaultExists(UserFacingError):
    """A vault already exists where a new one was to be created."""


class VaultDamaged(UserFacingError):
    """The vault's files are damaged; restore from a backup."""


class VaultTooNew(UserFacingError):
    """The vault was written by a newer version of this program."""


class KeyFileDamaged(UserFacingError):
    """Both copies of the key file are unreadable."""


class UnsupportedLibrary(UserFacingError):
    """The installed SQLCipher is too old or not set up to protect the vault."""


class DiskFull(UserFacingError):
    """The disk is full; nothing was lost, but the last change was not saved."""

    def __init__(
        self,
        message: str = "The disk is full: the last change was not saved. "
        "Free some space and save again; your text is kept.",
    ) -> None:
        super().__init__(message)


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
