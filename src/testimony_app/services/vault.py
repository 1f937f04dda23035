"""Opening, creating, locking and looking after a vault: the door to everything else.

This is the API the GUI and the command line call. It raises only
:class:`~testimony_app.errors.UserFacingError` subclasses for things a user can cause, each
carrying one sentence safe to show.

The services behind an unlocked vault (bundles, statements, the registry, hand-over, with
``cryptography.x509``, ReportLab's neighbours and the matching rules) are imported when a
session is made, not with this module: the window imports it to show the unlock page, and that
page must be up within a second of starting the program (issue 19, docs/performance.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from testimony_app.crypto import kdf
from testimony_app.domain.model import CheckReport
from testimony_app.errors import UserFacingError
from testimony_app.storage import vault as storage_vault
from testimony_app.storage import vault_lock
from testimony_app.storage.vault import VaultState
from testimony_app.words import Message

if TYPE_CHECKING:
    from testimony_app.services.bundles import BundleService
    from testimony_app.services.handover import HandoverService
    from testimony_app.services.registry import RegistryService
    from testimony_app.services.statements import StatementService
    from testimony_app.services.testimonies import TestimonyService

KdfChoice = Literal["calibrated", "test"]

__all__ = [
    "KdfChoice",
    "VaultSession",
    "VaultState",
    "create_vault",
    "generate_passphrase",
    "passphrase_strength",
    "passphrase_wait",
    "restore_backup",
    "unlock_vault",
    "vault_state",
]


class VaultSession:
    """An unlocked vault. Thread-safe: calls are serialised on the vault's connection lock."""

    def __init__(self, opened: storage_vault.OpenVault) -> None:
        from testimony_app.services.bundles import BundleService
        from testimony_app.services.handover import HandoverService
        from testimony_app.services.registry import RegistryService
        from testimony_app.services.statements import StatementService
        from testimony_app.services.testimonies import TestimonyService

        self._vault = opened
        self.path = opened.path
        self.testimonies: TestimonyService = TestimonyService(opened)
        self.statements: StatementService = StatementService(opened)
        self.bundles: BundleService = BundleService(opened)
        self.handover: HandoverService = HandoverService(opened, self.bundles)
        self.registry: RegistryService = RegistryService(opened)

    @property
    def is_open(self) -> bool:
        """False once locked."""
        return self._vault.is_open

    @property
    def vault_id(self) -> str:
        """The vault's random identifier (not secret, not personal)."""
        return self._vault.vault_id

    @property
    def history_warning(self) -> Message | None:
        """What is wrong if the database's history no longer holds what it had reached.

        Set at unlock when the vault's database looks replaced by an older or different copy,
        or lost the last changes of its WAL (security.md B5a): every seal and every export
        anchors the audit log's head in the key files. The GUI and the command line show it,
        and every check repeats it. It stays until the next seal or export anchors anew.
        """
        return self._vault.history_problem

    @property
    def key_file_warning(self) -> Message | None:
        """What happened if unlocking found one copy of the key file edited (and replaced it).

        Someone or something changed the key file; the intact copy opened the vault. Every
        check of this session repeats it.
        """
        return self._vault.key_problem

    @property
    def read_only(self) -> bool:
        """True when the disk was too full to open the vault for writing: reading works."""
        return self._vault.read_only

    @property
    def history_gap(self) -> tuple[str, int] | None:
        """The same finding for translation: ``("shorter" | "differs", entry number)``."""
        return self._vault.history_gap

    def lock(self) -> None:
        """Close the database and wipe the key; the session cannot be used afterwards."""
        from testimony_app.domain import matching

        self._vault.close()
        self.registry.forget()
        matching.clear_caches()

    def change_passphrase(self, old: str, new: str) -> None:
        """Give the vault a new key under a new passphrase; the old one stops working.

        The database (and any database a restore set aside) is re-encrypted under a new key,
        a fresh backup is written under it, and every older backup and key file is deleted, so
        nothing left in the vault opens with the old passphrase. Each step survives a crash:
        afterwards exactly one of the two passphrases works. Raises
        :class:`~testimony_app.storage.vault.PassphraseChangedWithoutBackup` if only the fresh
        backup failed (the new passphrase is then already the one that works).
        """
        self._vault.change_passphrase(old, new)

    def check(self) -> CheckReport:
        """Verify encryption pages, structure, the audit chain and every stored hash."""
        return self._vault.check()

    def backup(self) -> Path:
        """Write and verify a new encrypted backup; return where it is.

        Afterwards :attr:`backup_missing_files` says how many attachment files it could not
        hold because they are damaged or missing in the vault (0 when it is complete).
        """
        return self._vault.backup()

    @property
    def backup_missing_files(self) -> int:
        """Attachment files the last backup could not copy (damaged or missing)."""
        return self._vault.backup_missing_files

    def backups(self) -> list[Path]:
        """Existing backups, newest first."""
        return self._vault.backups()

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """A setting stored inside the encrypted vault."""
        return self._vault.get_setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting inside the encrypted vault."""
        self._vault.set_setting(key, value)

    def meta(self, key: str) -> str | None:
        """Vault metadata such as ``device_id``."""
        return self._vault.get_meta(key)


def vault_state(path: Path) -> VaultState:
    """Whether a vault is absent, ready to unlock, or visibly damaged at ``path``."""
    return storage_vault.state(path)


def _params(choice: KdfChoice) -> kdf.KdfParams:
    if choice == "test":
        return kdf.test_params()
    if choice == "calibrated":
        return kdf.calibrate()
    raise UserFacingError("vault.unknown_kdf")


def create_vault(path: Path, passphrase: str, *, kdf: KdfChoice = "calibrated") -> VaultSession:
    """Create a vault (calibrating Argon2id to about a second here) and open it."""
    from testimony_app.services.bundles import ensure_device_key

    opened = storage_vault.create(path, passphrase, _params(kdf))
    try:
        ensure_device_key(opened)
    except BaseException:
        opened.close()
        raise
    return VaultSession(opened)


def unlock_vault(path: Path, passphrase: str) -> VaultSession:
    """Unlock an existing vault (and finish a hand-over a crash interrupted)."""
    session = VaultSession(storage_vault.unlock(path, passphrase))
    try:
        session.handover.recover()
    except BaseException:
        session.lock()
        raise
    return session


def restore_backup(
    path: Path, backup: Path, passphrase: str, *, backup_passphrase: str | None = None
) -> None:
    """Replace the vault's database with a verified backup (the old file is kept aside).

    ``passphrase`` is the vault's current one, and the restored vault opens with it (a backup
    made under an older passphrase is re-encrypted; ``backup_passphrase`` opens such a backup).
    Refused while the vault is open in another window or program, and for another vault's
    backup. Safe against a crash at any point: the next unlock finishes or forgets it.
    """
    storage_vault.restore(path, backup, passphrase, backup_passphrase=backup_passphrase)


def passphrase_wait(path: Path) -> float:
    """Seconds the next unlock attempt of the vault at ``path`` will wait (wrong passphrases)."""
    return vault_lock.remaining_wait(path)


def list_backups(path: Path) -> list[Path]:
    """Backups of a vault, newest first, without unlocking it."""
    return storage_vault.list_backups(path)


def generate_passphrase(words: int = 7) -> str:
    """Random words joined by hyphens (see :mod:`testimony_app.services.passphrase`)."""
    from testimony_app.services import passphrase

    return passphrase.generate_passphrase(words)


def passphrase_strength(text: str) -> tuple[int, Message]:
    """A score from 0 (useless) to 4 (strong) and the advice for it (see
    :mod:`testimony_app.services.passphrase`, imported at the first keystroke: zxcvbn's
    dictionaries are not needed to unlock)."""
    from testimony_app.services import passphrase

    return passphrase.passphrase_strength(text)
