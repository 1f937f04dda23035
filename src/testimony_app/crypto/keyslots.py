"""The key file (``vault.keys`` and its copy ``vault.keys.bak``).

A random 32-byte database key (DEK) encrypts the SQLCipher database. The key file holds the DEK
wrapped with ChaCha20-Poly1305 under a key derived from the passphrase by Argon2id, together
with the Argon2id parameters and salt. Changing the passphrase replaces the DEK too (the
database is re-encrypted, see :mod:`testimony_app.storage.rekey`), so an old copy of this
file opens nothing the vault still holds.

Two checks, for two different failures:

* a SHA-256 ``checksum`` over the file's content tells *damage* (a flipped bit, a truncated
  write) apart from a wrong passphrase without any secret, so a damaged main copy falls back to
  the backup copy while a wrong passphrase never does;
* an HMAC under a key derived from the DEK (``mac``) proves that whoever wrote the file held the
  DEK: swapping in another vault's slot or editing the parameters is detected after unwrapping.

The file also carries the **history anchor**: the audit log's head (sequence number and hash)
when the vault last sealed a testimony or exported a bundle. SQLCipher cannot tell a database
file replaced by an older valid copy (security.md §2.2); the anchor, under the same DEK-keyed
MAC, lets the vault notice at unlock that its history is shorter than, or different from, what
it had already reached (security.md B5a). Replacing both files together is not detectable on
the laptop; the organisation's copy of each bundle's audit head is the defence there.

A passphrase change gives the vault a new DEK. The new file then names its **predecessor**:
the SHA-256 of the file it replaces and a tag under the *old* DEK's MAC key. Whoever held the
old passphrase can check the tag, so while the two copies differ (a crash between their
writes) the old passphrase is recognised as retired instead of opening the stale copy; and a
copy edited by someone without the key carries no valid tag, so it is reported as changed
instead of being taken for a newer passphrase. The field goes once the change is complete.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from testimony_app.crypto import kdf
from testimony_app.errors import KeyFileDamaged, WrongPassphrase

FORMAT = "testimony-keys/v1"
MAX_FILE_BYTES = 64 * 1024
NONCE_BYTES = 12
WRAPPED_BYTES = kdf.KEY_BYTES + 16
_AAD_PREFIX = b"testimony-keyslot/v1\x00"


@dataclass(frozen=True)
class Anchor:
    """The audit log's head at the last export: the log may grow past it, never lose it."""

    seq: int
    entry_hash: str


@dataclass(frozen=True)
class Predecessor:
    """The key file a passphrase change replaced: its digest and a tag under its DEK."""

    sha256: str
    tag: str


@dataclass(frozen=True)
class KeySlot:
    """The parsed content of a key file."""

    vault_id: str
    params: kdf.KdfParams
    nonce: bytes
    wrapped: bytes
    mac: bytes
    anchor: Anchor | None = None
    predecessor: Predecessor | None = None

    def _aad(self) -> bytes:
        return _AAD_PREFIX + self.vault_id.encode("ascii") + _params_bytes(self.params)


def _params_bytes(params: kdf.KdfParams) -> bytes:
    return (
        f"argon2id:{params.memory_kib}:{params.iterations}:{params.parallelism}:".encode("ascii")
        + params.salt
    )


def _mac_key(dek: bytes | bytearray) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"testimony-keyslot-mac"
    ).derive(bytes(dek))


def _body(slot: KeySlot) -> dict[str, Any]:
    body: dict[str, Any] = {
        "format": FORMAT,
        "vault_id": slot.vault_id,
        "kdf": {
            "name": "argon2id",
            "version": 19,
            "memory_kib": slot.params.memory_kib,
            "iterations": slot.params.iterations,
            "parallelism": slot.params.parallelism,
            "salt": base64.b64encode(slot.params.salt).decode("ascii"),
        },
        "wrap": {
            "alg": "chacha20poly1305",
            "nonce": base64.b64encode(slot.nonce).decode("ascii"),
            "ciphertext": base64.b64encode(slot.wrapped).decode("ascii"),
        },
        "mac": slot.mac.hex(),
    }
    if slot.anchor is not None:
        body["anchor"] = {"seq": slot.anchor.seq, "entry_hash": slot.anchor.entry_hash}
    if slot.predecessor is not None:
        body["predecessor"] = {"sha256": slot.predecessor.sha256, "tag": slot.predecessor.tag}
    return body


def _canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode("ascii")


def serialise(slot: KeySlot) -> bytes:
    """The file bytes: the body plus a checksum of it that needs no secret to verify."""
    body = _body(slot)
    doc = dict(body, checksum=hashlib.sha256(_canonical(body)).hexdigest())
    return json.dumps(doc, sort_keys=True, indent=1).encode("ascii") + b"\n"


def parse(data: bytes) -> KeySlot:
    """Parse and check a key file; raise :class:`KeyFileDamaged` for anything malformed.

    Every size and bound is checked here, before any key derivation can run.
    """
    damaged = KeyFileDamaged("vault.key_file_damaged")
    if not data or len(data) > MAX_FILE_BYTES:
        raise damaged
    try:
        doc = json.loads(data.decode("ascii"))
        checksum = doc.pop("checksum")
        if not isinstance(checksum, str) or not hmac.compare_digest(
            checksum, hashlib.sha256(_canonical(doc)).hexdigest()
        ):
            raise damaged
        if doc["format"] != FORMAT or doc["kdf"]["name"] != "argon2id":
            raise damaged
        k, w = doc["kdf"], doc["wrap"]
        if w["alg"] != "chacha20poly1305" or k["version"] != 19:
            raise damaged
        vault_id = str(uuid.UUID(hex=doc["vault_id"]).hex)
        params = kdf.KdfParams(
            memory_kib=_int(k["memory_kib"]),
            iterations=_int(k["iterations"]),
            parallelism=_int(k["parallelism"]),
            salt=base64.b64decode(k["salt"], validate=True),
        )
        slot = KeySlot(
            vault_id=vault_id,
            params=params,
            nonce=base64.b64decode(w["nonce"], validate=True),
            wrapped=base64.b64decode(w["ciphertext"], validate=True),
            mac=bytes.fromhex(doc["mac"]),
            anchor=_parse_anchor(doc["anchor"]) if "anchor" in doc else None,
            predecessor=(
                _parse_predecessor(doc["predecessor"]) if "predecessor" in doc else None
            ),
        )
    except KeyFileDamaged:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise damaged from None
    if len(slot.nonce) != NONCE_BYTES or len(slot.wrapped) != WRAPPED_BYTES or len(slot.mac) != 32:
        raise damaged
    params.check_bounds()
    return slot


def _parse_anchor(value: object) -> Anchor:
    if not isinstance(value, dict) or set(value) != {"seq", "entry_hash"}:
        raise TypeError
    seq, digest = _int(value["seq"]), value["entry_hash"]
    if seq < 1 or not isinstance(digest, str) or len(digest) != 64:
        raise ValueError
    if digest != bytes.fromhex(digest).hex():  # lowercase hex only
        raise ValueError
    return Anchor(seq, digest)


def _parse_predecessor(value: object) -> Predecessor:
    if not isinstance(value, dict) or set(value) != {"sha256", "tag"}:
        raise TypeError
    digest, tag = value["sha256"], value["tag"]
    for field in (digest, tag):
        if not isinstance(field, str) or len(field) != 64 or field != bytes.fromhex(field).hex():
            raise ValueError
    return Predecessor(digest, tag)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError
    return value


def _signed(slot: KeySlot, dek: bytes | bytearray) -> bytes:
    """The MAC of everything in ``slot`` but its own ``mac`` field."""
    unsigned = replace(slot, mac=bytes(32))
    return hmac.new(_mac_key(dek), _canonical(_body(unsigned)), hashlib.sha256).digest()


def signed_by(slot: KeySlot, dek: bytes | bytearray) -> bool:
    """Whether ``slot`` was written by someone holding ``dek`` (its MAC verifies)."""
    return hmac.compare_digest(_signed(slot, dek), slot.mac)


def with_anchor(slot: KeySlot, dek: bytes | bytearray, anchor: Anchor | None) -> KeySlot:
    """The same slot carrying ``anchor``, signed again; the slot must belong to ``dek``."""
    if not signed_by(slot, dek):
        raise KeyFileDamaged("vault.key_file_foreign")
    moved = replace(slot, anchor=anchor)
    return replace(moved, mac=_signed(moved, dek))


def without_predecessor(slot: KeySlot, dek: bytes | bytearray) -> KeySlot:
    """The same slot once a passphrase change is complete, signed again."""
    if not signed_by(slot, dek):
        raise KeyFileDamaged("vault.key_file_foreign")
    final = replace(slot, predecessor=None)
    return replace(final, mac=_signed(final, dek))


def digest(slot: KeySlot) -> str:
    """SHA-256 of a slot's canonical content (MAC included): what a successor names."""
    return hashlib.sha256(_canonical(_body(slot))).hexdigest()


def _succession_tag(slot: KeySlot, old_dek: bytes | bytearray) -> str:
    """The tag under the old DEK over the new slot, its own tag and MAC left out."""
    assert slot.predecessor is not None
    bare = replace(slot, mac=bytes(32), predecessor=Predecessor(slot.predecessor.sha256, ""))
    message = b"testimony-keyslot-successor/v1\x00" + _canonical(_body(bare))
    return hmac.new(_mac_key(old_dek), message, hashlib.sha256).hexdigest()


def succeeds(slot: KeySlot, old: KeySlot, old_dek: bytes | bytearray) -> bool:
    """Whether ``slot`` is the file a passphrase change made to replace ``old``.

    Only someone holding ``old``'s DEK (the old passphrase) can tell, and only someone who held
    it could have made the tag: an edited copy never passes for a successor.
    """
    if slot.predecessor is None or slot.predecessor.sha256 != digest(old):
        return False
    return hmac.compare_digest(_succession_tag(slot, old_dek), slot.predecessor.tag)


def successor(
    passphrase: str,
    dek: bytes | bytearray,
    params: kdf.KdfParams,
    old: KeySlot,
    old_dek: bytes | bytearray,
) -> KeySlot:
    """A new slot wrapping the new ``dek`` under ``passphrase``, naming ``old`` as replaced."""
    fresh = new_slot(passphrase, dek, params, old.vault_id, old.anchor)
    named = replace(fresh, predecessor=Predecessor(digest(old), ""))
    tagged = replace(named, predecessor=Predecessor(digest(old), _succession_tag(named, old_dek)))
    return replace(tagged, mac=_signed(tagged, dek))


def new_slot(
    passphrase: str,
    dek: bytes | bytearray,
    params: kdf.KdfParams,
    vault_id: str,
    anchor: Anchor | None = None,
) -> KeySlot:
    """Wrap ``dek`` under ``passphrase`` with ``params`` (which carry a fresh salt)."""
    kek = kdf.derive_key(passphrase, params)
    try:
        nonce = os.urandom(NONCE_BYTES)
        draft = KeySlot(vault_id, params, nonce, b"", b"")
        wrapped = ChaCha20Poly1305(bytes(kek)).encrypt(nonce, bytes(dek), draft._aad())
    finally:
        kdf.wipe(kek)
    unsigned = KeySlot(vault_id, params, nonce, wrapped, bytes(32), anchor)
    return replace(unsigned, mac=_signed(unsigned, dek))


def unwrap(slot: KeySlot, passphrase: str) -> bytearray:
    """Return the DEK, or raise :class:`WrongPassphrase` / :class:`KeyFileDamaged`."""
    kek = kdf.derive_key(passphrase, slot.params)
    try:
        dek = bytearray(ChaCha20Poly1305(bytes(kek)).decrypt(slot.nonce, slot.wrapped, slot._aad()))
    except InvalidTag:
        raise WrongPassphrase() from None
    finally:
        kdf.wipe(kek)
    if not hmac.compare_digest(_signed(slot, dek), slot.mac):
        kdf.wipe(dek)
        raise KeyFileDamaged("vault.key_file_foreign")
    return dek


def new_vault_id() -> str:
    """A random identifier binding the key file to its vault."""
    return uuid.uuid4().hex


def read_slot(path: Path) -> KeySlot:
    """Read and parse one key file copy."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileDamaged("vault.key_file_missing") from None
    except OSError:
        raise KeyFileDamaged("vault.key_file_unreadable") from None
    return parse(data)
