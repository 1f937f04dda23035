"""The file steps of a passphrase change that gives the vault a new database key.

A passphrase change re-encrypts the database under a fresh key, so that nothing left in the
vault opens with the old passphrase (security review F-3: the old key files in ``backups/``
still unwrapped the unchanged key of the live vault). The steps, and what a crash between any
two of them leaves:

1. :func:`prepare` writes ``.rekey-<name>``: a verified copy of the live database (and of each
   database a restore set aside) under the new key. A crash here leaves copies under a key no
   key file holds; :func:`settle` removes them at the next unlock. The old passphrase works.
2. The key files are rewritten to wrap the new key under the new passphrase, naming the old
   file as their predecessor (:mod:`testimony_app.crypto.keyslots`). This is the commit point:
   from the first write on, only the new passphrase works (:mod:`.keyfiles`).
3. :func:`settle` renames each ``.rekey-<name>`` over ``<name>``, having removed that
   database's WAL and shared memory (their content is already in the copy). It runs at once,
   and again at every unlock before the database is opened, so a crash after step 2 is
   finished there.
4. The open vault writes a fresh backup under the new key and deletes every other backup and
   every key file that opens with the old passphrase, then drops the predecessor mark
   (:meth:`~testimony_app.storage.vault.OpenVault.finish_passphrase_change`, also re-run at
   unlock while the mark is there).
"""

from __future__ import annotations

import os
from pathlib import Path

from testimony_app.errors import VaultDamaged
from testimony_app.log import get_logger
from testimony_app.paths import fsync_dir
from testimony_app.storage import database
from testimony_app.storage.vault_files import (
    companions,
    opens_with,
    unlink_quietly,
    verify_database_file,
)

log = get_logger("storage.rekey")

PREFIX = ".rekey-"


def _staged(path: Path, name: str) -> Path:
    return path / f"{PREFIX}{name}"


def prepare(
    path: Path,
    live: database.Database,
    dek: bytes | bytearray,
    new_dek: bytes | bytearray,
    set_aside: list[Path],
) -> None:
    """Write and verify re-encrypted copies; the caller holds ``live.lock`` throughout.

    A set-aside database that cannot be opened is left as it is (it is damaged, and nothing
    could read it after the change either way); every other one is re-encrypted so that a
    later purge can still see whether it holds anything the vault lacks.
    """
    discard(path)
    _copy(path, live, dek, new_dek)
    for aside in set_aside:
        try:
            source = database.connect(aside, dek)
        except VaultDamaged:
            log.warning("a set-aside database could not be opened to re-encrypt it")
            continue
        try:
            _copy(aside.parent, source, dek, new_dek)
        finally:
            source.close()
    fsync_dir(path)


def _copy(
    path: Path, source: database.Database, dek: bytes | bytearray, new_dek: bytes | bytearray
) -> None:
    final = _staged(path, source.path.name)
    tmp = final.with_name(final.name + ".tmp")
    try:
        database.rekeyed_copy(source, tmp, dek, new_dek)
        if verify_database_file(tmp, new_dek):
            raise VaultDamaged("vault.rekey_not_verified")
        os.replace(tmp, final)
    except BaseException:
        unlink_quietly(tmp, *companions(tmp))
        raise


def discard(path: Path) -> None:
    """Remove every re-encrypted copy (the change did not reach its commit point)."""
    for stray in path.glob(f"{PREFIX}*"):
        unlink_quietly(stray)


def settle(path: Path, dek: bytes | bytearray) -> None:
    """Swap in the copies a committed change made; remove the rest. Passphrase proven.

    A copy that opens with the key the key files hold now belongs to a committed change; one
    that does not was made by a change that never reached its commit point.
    """
    swapped = False
    for staged in sorted(path.glob(f"{PREFIX}*")):
        if staged.name.endswith((".tmp", "-wal", "-shm", "-journal")):
            unlink_quietly(staged)
            continue
        if not opens_with(staged, dek):
            unlink_quietly(staged)
            continue
        target = path / staged.name[len(PREFIX) :]
        unlink_quietly(*companions(target))
        os.replace(staged, target)
        swapped = True
    if swapped:
        fsync_dir(path)
