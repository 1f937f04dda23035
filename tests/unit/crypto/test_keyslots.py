"""The key file: wrapping, checksum (damage) versus tag (wrong passphrase), strict parsing."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testimony_app.crypto import kdf, keyslots
from testimony_app.errors import KeyFileDamaged, WrongPassphrase

DEK = bytes(range(32))


@pytest.fixture(scope="module")
def slot() -> keyslots.KeySlot:
    return keyslots.new_slot("Açar-söz-ёж", DEK, kdf.test_params(), keyslots.new_vault_id())


def _reseal(doc: dict[str, object]) -> bytes:
    """Recompute the checksum, as an attacker who edits the file would."""
    doc = dict(doc)
    doc.pop("checksum", None)
    doc["checksum"] = hashlib.sha256(keyslots._canonical(doc)).hexdigest()
    return json.dumps(doc).encode("ascii")


def test_round_trip(slot: keyslots.KeySlot) -> None:
    data = keyslots.serialise(slot)
    parsed = keyslots.parse(data)
    assert parsed == slot
    assert bytes(keyslots.unwrap(parsed, "Açar-söz-ёж")) == DEK
    nfd = unicodedata.normalize("NFD", "Açar-söz-ёж")
    assert bytes(keyslots.unwrap(parsed, nfd)) == DEK


def test_wrong_passphrase(slot: keyslots.KeySlot) -> None:
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(slot, "Acar-soz-еж")


def test_file_holds_no_key_material_in_clear(slot: keyslots.KeySlot) -> None:
    data = keyslots.serialise(slot)
    assert DEK not in data
    assert DEK.hex().encode() not in data
    assert base64.b64encode(DEK) not in data


def test_edited_parameters_with_fixed_checksum_fail_the_tag(slot: keyslots.KeySlot) -> None:
    doc = json.loads(keyslots.serialise(slot))
    doc["kdf"]["iterations"] = 2  # still within bounds, checksum recomputed
    with pytest.raises(WrongPassphrase):  # the parameters are bound into the AEAD
        keyslots.unwrap(keyslots.parse(_reseal(doc)), "Açar-söz-ёж")


def test_swapped_vault_id_is_detected(slot: keyslots.KeySlot) -> None:
    doc = json.loads(keyslots.serialise(slot))
    doc["vault_id"] = keyslots.new_vault_id()
    with pytest.raises(WrongPassphrase):
        keyslots.unwrap(keyslots.parse(_reseal(doc)), "Açar-söz-ёж")


def test_mac_detects_an_edited_file(slot: keyslots.KeySlot) -> None:
    doc = json.loads(keyslots.serialise(slot))
    doc["mac"] = "00" * 32
    with pytest.raises(KeyFileDamaged, match="does not belong"):
        keyslots.unwrap(keyslots.parse(_reseal(doc)), "Açar-söz-ёж")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(format="testimony-keys/v0"),
        lambda d: d["kdf"].update(name="scrypt"),
        lambda d: d["kdf"].update(version=16),
        lambda d: d["wrap"].update(alg="aes-gcm"),
        lambda d: d["kdf"].update(memory_kib="65536"),
        lambda d: d["kdf"].update(iterations=True),
        lambda d: d["kdf"].update(salt="not base64!"),
        lambda d: d["wrap"].update(nonce=base64.b64encode(os.urandom(11)).decode()),
        lambda d: d["wrap"].update(ciphertext=base64.b64encode(os.urandom(47)).decode()),
        lambda d: d.update(mac="abcd"),
        lambda d: d.update(vault_id="not-a-uuid"),
        lambda d: d.pop("wrap"),
    ],
)
def test_malformed_but_checksummed_files_are_damage(
    slot: keyslots.KeySlot, mutate: Callable[[dict[str, Any]], object]
) -> None:
    doc = json.loads(keyslots.serialise(slot))
    mutate(doc)
    with pytest.raises(KeyFileDamaged):
        keyslots.parse(_reseal(doc))


def test_checksum_catches_a_flipped_byte(slot: keyslots.KeySlot) -> None:
    data = bytearray(keyslots.serialise(slot))
    for offset in range(0, len(data), 7):
        damaged = bytearray(data)
        damaged[offset] ^= 0xFF
        with pytest.raises(KeyFileDamaged):
            keyslots.parse(bytes(damaged))


def test_size_limits(slot: keyslots.KeySlot) -> None:
    with pytest.raises(KeyFileDamaged):
        keyslots.parse(b"")
    with pytest.raises(KeyFileDamaged):
        keyslots.parse(b" " * (keyslots.MAX_FILE_BYTES + 1))


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_parser_fuzz_raises_only_key_file_damaged(data: bytes) -> None:
    with pytest.raises(KeyFileDamaged):
        keyslots.parse(data)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=20))
def test_parser_fuzz_on_checksummed_json(value: object) -> None:
    doc = {"body": value} if not isinstance(value, dict) else value
    with pytest.raises(KeyFileDamaged):
        keyslots.parse(_reseal(doc))
