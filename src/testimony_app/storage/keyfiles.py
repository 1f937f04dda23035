"""The vault's two key files: which copy to believe, and telling tampering from a wrong guess.

``vault.keys`` and ``vault.keys.bak`` are written one after the other with the same bytes, so
they differ only after a crash between the two writes, after damage, or after someone changed
one. Reading them follows three rules:

* a copy that cannot be parsed (checksum, bounds, truncation) is *damage*: the other copy is
  used and the damaged one repaired;
* when the copies differ and the passphrase does not open the first, the second is tried
  before saying "wrong passphrase" (security review F-4: a one-bit edit of ``vault.keys`` with
  its checksum recomputed locked the owner out although ``.bak`` was intact);
* a copy the passphrase does not open but the other does is either the *successor* made by an
  interrupted passphrase change, which proves itself with a tag under the old key (the old
  passphrase is then retired: "wrong passphrase", so exactly one passphrase ever works), or a
  copy someone *changed*, which is replaced by the intact one and reported.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from testimony_app.crypto import kdf, keyslots
from testimony_app.errors import KeyFileDamaged, VaultTooNew, WrongPassphrase
from testimony_app.log import get_logger
from testimony_app.paths import atomic_write

log = get_logger("storage.keyfiles")

KEYS_NAME = "vault.keys"
KEYS_BAK_NAME = "vault.keys.bak"


class KeyNotice(StrEnum):
    """What unlocking noticed about the key files, for the person to be told."""

    CHANGED = "changed"


@dataclass
class Unwrapped:
    """The database key, the key file it came from, and what was noticed on the way."""

    dek: bytearray
    slot: keyslots.KeySlot
    notice: KeyNotice | None = None


@dataclass(frozen=True)
class _Copy:
    path: Path
    data: bytes | None
    slot: keyslots.KeySlot | None
    damage: KeyFileDamaged | None


def _check_format(data: bytes) -> None:
    """Tell a key file from a newer program apart from a damaged one."""
    try:
        fmt = json.loads(data.decode("ascii")).get("format", "")
    except (ValueError, UnicodeDecodeError, AttributeError):
        return
    if isinstance(fmt, str) and fmt.startswith("testimony-keys/") and fmt != keyslots.FORMAT:
        raise VaultTooNew("vault.too_new")


def _read(path: Path) -> _Copy:
    try:
        with path.open("rb") as handle:
            data = handle.read(keyslots.MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return _Copy(path, None, None, KeyFileDamaged("vault.key_file_missing"))
    except OSError:
        return _Copy(path, None, None, KeyFileDamaged("vault.key_file_unreadable"))
    _check_format(data)
    try:
        return _Copy(path, data, keyslots.parse(data), None)
    except KeyFileDamaged as exc:
        return _Copy(path, data, None, exc)


def read_slot(path: Path) -> keyslots.KeySlot:
    """One copy, parsed; :class:`KeyFileDamaged` if it is missing or malformed."""
    copy = _read(path)
    if copy.slot is None:
        assert copy.damage is not None
        raise copy.damage
    return copy.slot


def unwrap_key(path: Path, passphrase: str) -> Unwrapped:
    """Unwrap the database key from the vault's key files (the module docstring's rules).

    Raises :class:`WrongPassphrase` (no file touched), :class:`KeyFileDamaged` when neither
    copy can be used, or :class:`VaultTooNew`. Repairs the other copy when the two differ.
    """
    main, bak = _read(path / KEYS_NAME), _read(path / KEYS_BAK_NAME)
    usable = [c for c in (main, bak) if c.slot is not None]
    if not usable:
        if not (path / KEYS_NAME).exists() and not (path / KEYS_BAK_NAME).exists():
            # Callers have seen a database here: missing key files are damage to repair
            # (restore falls back to a backup's key file), not an absent vault.
            raise KeyFileDamaged("vault.key_files_missing")
        raise KeyFileDamaged("vault.key_file_both_damaged")
    first = usable[0]
    second = usable[1] if len(usable) > 1 and usable[1].data != first.data else None
    other = bak if first is main else main
    try:
        result = _unwrap(first, passphrase)
    except KeyFileDamaged as damage:
        # The passphrase opened the file but its MAC does not match: someone edited a field
        # the wrap does not cover (the anchor). The other copy decides.
        if second is None:
            raise
        try:
            result = _unwrap(second, passphrase)
        except (WrongPassphrase, KeyFileDamaged):
            raise damage from None
        result.notice = KeyNotice.CHANGED
        _repair(second, first.path)
        return result
    except WrongPassphrase:
        if second is None:
            raise
        result = _second_opinion(first, second, passphrase)
        _repair(second, first.path)
        return result
    if other.data != first.data:
        if second is not None and not _explains(first, result.dek, second):
            result.notice = KeyNotice.CHANGED
        _repair(first, other.path)
    return result


def _unwrap(copy: _Copy, passphrase: str) -> Unwrapped:
    assert copy.slot is not None
    return Unwrapped(keyslots.unwrap(copy.slot, passphrase), copy.slot)


def _second_opinion(first: _Copy, second: _Copy, passphrase: str) -> Unwrapped:
    """The first copy refused the passphrase; the second, different copy may accept it."""
    assert first.slot is not None
    assert second.slot is not None
    try:
        dek = keyslots.unwrap(second.slot, passphrase)
    except KeyFileDamaged:
        raise WrongPassphrase() from None
    if keyslots.succeeds(first.slot, second.slot, dek) or keyslots.signed_by(first.slot, dek):
        # The first copy is a later one written by whoever held this key: a passphrase change
        # was interrupted between the two writes, and this passphrase is the one it retired.
        kdf.wipe(dek)
        raise WrongPassphrase()
    log.warning("one key file copy was changed; the intact copy is used")
    return Unwrapped(dek, second.slot, KeyNotice.CHANGED)


def _explains(good: _Copy, dek: bytearray, other: _Copy) -> bool:
    """Whether ``other`` is an honest older state of ``good`` (not an edited copy)."""
    assert good.slot is not None
    assert other.slot is not None
    if keyslots.signed_by(other.slot, dek):
        return True  # same key, an older anchor: a crash between the two writes
    predecessor = good.slot.predecessor
    return predecessor is not None and predecessor.sha256 == keyslots.digest(other.slot)


def _repair(good: _Copy, other: Path) -> None:
    assert good.data is not None
    try:
        atomic_write(other, good.data)
    except OSError:
        log.warning("could not repair the key file copy")


def write_pair(path: Path, slot: keyslots.KeySlot) -> None:
    """Write both copies, one after the other, each atomically (main copy first)."""
    data = keyslots.serialise(slot)
    atomic_write(path / KEYS_NAME, data)
    atomic_write(path / KEYS_BAK_NAME, data)


_VAULT_ID = re.compile(rb'"vault_id"\s*:\s*"([0-9a-f]{32})"')


def vault_ids_in(files: list[Path]) -> set[str]:
    """Vault ids readable in key files, even damaged ones (the id is not secret)."""
    found: set[str] = set()
    for file in files:
        try:
            data = file.read_bytes()[: keyslots.MAX_FILE_BYTES]
        except OSError:
            continue
        found.update(m.decode("ascii") for m in _VAULT_ID.findall(data))
    return found
