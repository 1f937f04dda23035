"""Record ids bound to the device that created them (issue 13).

A record belongs, at the organisation, to the device that sent its first version. With ids
that any device may pick, a registered but seized laptop could read a record id off another
laptop's printed statement and send a made-up first version under it *before* the genuine
laptop exports: it would own the record, and the genuine versions would be kept aside.

So a record made by this version of the program gets an id that only its creating device can
claim. The id is an RFC 9562 UUID of version 8 (the "custom" layout) whose 122 free bits are
the first 122 bits of::

    SHA-256("testimony/record-id/v1" || 0x00 || device public key (32 bytes) || salt (16 bytes))

The 16-byte random salt is kept with the record and sent in the signed manifest's record entry;
anyone can recompute the hash, and a match proves the id was derived from that key. Another
device would need a second preimage of 122 bits under its own key to claim the id: about
2^122 hashes, out of reach. The salt makes two records of one device differ, and reveals
nothing about the testimony.

Ids made before (UUID version 4) are *legacy*: they prove nothing and keep the first-come rule.
Every id of version 8, in any spelling, is treated as bound: it must be proven, or it is kept
aside at the organisation.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import uuid

from testimony_app.crypto.signing import PublicKey

__all__ = [
    "DOMAIN_TAG",
    "SALT_BYTES",
    "bound_record_id",
    "is_bound_format",
    "is_salt_text",
    "new_record_id",
    "proves",
]

DOMAIN_TAG = b"testimony/record-id/v1\x00"
SALT_BYTES = 16
_SALT_TEXT = re.compile(r"[0-9a-f]{32}")


def bound_record_id(public_key: PublicKey, salt: bytes) -> str:
    """The record id that ``salt`` derives under ``public_key`` (lower-case, hyphenated).

    The version nibble and the two variant bits of the digest's first 128 bits are replaced
    by 8 and ``10``; the other 122 bits are the digest's, in order.
    """
    if len(salt) != SALT_BYTES:
        raise ValueError("a record id salt is 16 bytes")
    digest = hashlib.sha256(DOMAIN_TAG + public_key.raw + salt).digest()
    value = int.from_bytes(digest[:16], "big")
    value &= ~(0xF << 76)
    value |= 0x8 << 76
    value &= ~(0x3 << 62)
    value |= 0x2 << 62
    return str(uuid.UUID(int=value))


def new_record_id(public_key: PublicKey) -> tuple[str, str]:
    """A fresh id bound to ``public_key`` and its salt as 32 lower-case hex digits."""
    salt = secrets.token_bytes(SALT_BYTES)
    return bound_record_id(public_key, salt), salt.hex()


def is_bound_format(record_id: str) -> bool:
    """Whether ``record_id`` is an RFC 9562 UUID of version 8 (in any spelling): such an id
    must come with a salt that proves it, or it is not taken as current."""
    try:
        parsed = uuid.UUID(record_id)
    except (ValueError, TypeError, AttributeError):
        return False
    return parsed.variant == uuid.RFC_4122 and parsed.version == 8


def is_salt_text(text: object) -> bool:
    """Whether ``text`` is a salt as stored and sent: 32 lower-case hex digits."""
    return isinstance(text, str) and _SALT_TEXT.fullmatch(text) is not None


def proves(record_id: str, public_key: PublicKey, salt_text: str) -> bool:
    """Whether ``salt_text`` derives exactly ``record_id`` under ``public_key``.

    The comparison is with the canonical spelling, so an upper-case or braced copy of a
    device's id proves nothing for anyone.
    """
    if not is_salt_text(salt_text):
        return False
    return bound_record_id(public_key, bytes.fromhex(salt_text)) == record_id
