"""Record ids bound to a device key (crypto/record_ids.py): the layout and the proof."""

from __future__ import annotations

import hashlib
import uuid

import pytest

from testimony_app.crypto.record_ids import (
    DOMAIN_TAG,
    bound_record_id,
    is_bound_format,
    is_salt_text,
    new_record_id,
    proves,
)
from testimony_app.crypto.signing import SigningKey

KEY = SigningKey.from_private_bytes(bytes(range(32))).public_key
OTHER = SigningKey.from_private_bytes(bytes(range(1, 33))).public_key


def test_known_answer() -> None:
    """Fixed: a change of the tag, the order or the bits would orphan every id made."""
    assert KEY.to_text() == "ed25519:A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="
    assert bound_record_id(KEY, bytes(16)) == "611eca0b-7e08-8e88-b7d0-35ec2e92ad24"
    assert bound_record_id(KEY, bytes(range(16))) == "dfd18583-2a07-848f-b8a6-43b5f5ec12d6"


def test_the_122_free_bits_are_the_first_bits_of_the_hash() -> None:
    salt = bytes(range(100, 116))
    made = uuid.UUID(bound_record_id(KEY, salt))
    assert (made.version, made.variant) == (8, uuid.RFC_4122)
    digest = int.from_bytes(
        hashlib.sha256(b"testimony/record-id/v1\x00" + KEY.raw + salt).digest()[:16], "big"
    )
    kept = ~((0xF << 76) | (0x3 << 62)) & ((1 << 128) - 1)
    assert made.int & kept == digest & kept
    assert bin(kept).count("1") == 122
    assert DOMAIN_TAG == b"testimony/record-id/v1\x00"


def test_a_new_id_proves_under_its_key_only() -> None:
    record_id, salt = new_record_id(KEY)
    assert is_bound_format(record_id)
    assert is_salt_text(salt)
    assert proves(record_id, KEY, salt)
    assert not proves(record_id, OTHER, salt)
    other_salt = format(int(salt, 16) ^ 1, "032x")
    assert not proves(record_id, KEY, other_salt)
    # Another spelling of the same UUID proves nothing: ids are compared as written.
    assert not proves(record_id.upper(), KEY, salt)
    assert not proves("{" + record_id + "}", KEY, salt)
    assert new_record_id(KEY) != new_record_id(KEY)


@pytest.mark.parametrize(
    "salt", ["", "0" * 31, "0" * 33, "A" * 32, "g" * 32, " " + "0" * 31, "٠" * 32]
)
def test_a_malformed_salt_proves_nothing(salt: str) -> None:
    record_id = bound_record_id(KEY, bytes(16))
    assert not is_salt_text(salt)
    assert not proves(record_id, KEY, salt)


@pytest.mark.parametrize(
    ("record_id", "bound"),
    [
        ("611eca0b-7e08-8e88-b7d0-35ec2e92ad24", True),
        ("611ECA0B-7E08-8E88-B7D0-35EC2E92AD24", True),  # any spelling must be proven
        ("3b9e7d8f-529a-4d87-a53b-690f822ecf6f", False),  # version 4: legacy
        ("611eca0b-7e08-8e88-37d0-35ec2e92ad24", False),  # version 8 bits, other variant
        ("rec-1", False),
        ("", False),
    ],
)
def test_bound_format(record_id: str, bound: bool) -> None:
    assert is_bound_format(record_id) is bound
