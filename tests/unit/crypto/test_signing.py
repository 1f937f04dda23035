"""Ed25519 keys with domain separation (security.md §4.6, §5 D6)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from testimony_app.crypto.signing import (
    KeyFormatError,
    PublicKey,
    SignatureContext,
    SignatureInvalid,
    SigningKey,
    signature_from_text,
    signature_to_text,
    signed_message,
)

MESSAGE = b'{"bundle_id":"x"}'


def test_sign_and_verify_round_trip() -> None:
    key = SigningKey.generate()
    for context in SignatureContext:
        signature = key.sign(context, MESSAGE)
        assert len(signature) == 64
        key.public_key.verify(context, MESSAGE, signature)


def test_contexts_are_separated() -> None:
    """A manifest signature never verifies as a receipt, nor the reverse."""
    key = SigningKey.generate()
    manifest_sig = key.sign(SignatureContext.MANIFEST, MESSAGE)
    receipt_sig = key.sign(SignatureContext.RECEIPT, MESSAGE)
    with pytest.raises(SignatureInvalid):
        key.public_key.verify(SignatureContext.RECEIPT, MESSAGE, manifest_sig)
    with pytest.raises(SignatureInvalid):
        key.public_key.verify(SignatureContext.MANIFEST, MESSAGE, receipt_sig)


def test_signed_bytes_are_label_nul_message() -> None:
    """The exact construction, checked with the raw primitive (what verify_bundle.py does)."""
    key = SigningKey.generate()
    signature = key.sign(SignatureContext.MANIFEST, MESSAGE)
    raw = Ed25519PublicKey.from_public_bytes(key.public_key.raw)
    raw.verify(signature, b"testimony-bundle-manifest/v1\x00" + MESSAGE)
    assert signed_message(SignatureContext.RECEIPT, b"m") == b"testimony-bundle-receipt/v1\x00m"
    assert all(b"\x00" not in c.value.encode() for c in SignatureContext)


def test_wrong_key_message_or_signature() -> None:
    key, other = SigningKey.generate(), SigningKey.generate()
    signature = key.sign(SignatureContext.MANIFEST, MESSAGE)
    with pytest.raises(SignatureInvalid):
        other.public_key.verify(SignatureContext.MANIFEST, MESSAGE, signature)
    with pytest.raises(SignatureInvalid):
        key.public_key.verify(SignatureContext.MANIFEST, MESSAGE + b" ", signature)
    flipped = bytes([signature[0] ^ 1]) + signature[1:]
    with pytest.raises(SignatureInvalid):
        key.public_key.verify(SignatureContext.MANIFEST, MESSAGE, flipped)
    with pytest.raises(SignatureInvalid, match="length"):
        key.public_key.verify(SignatureContext.MANIFEST, MESSAGE, signature[:63])


def test_private_bytes_round_trip_and_repr() -> None:
    key = SigningKey.generate()
    seed = key.private_bytes()
    assert len(seed) == 32
    again = SigningKey.from_private_bytes(seed)
    assert again.public_key == key.public_key
    assert seed.hex() not in repr(key)
    assert base64.b64encode(seed).decode() not in repr(key)
    assert key.public_key.fingerprint in repr(key)
    with pytest.raises(KeyFormatError):
        SigningKey.from_private_bytes(seed[:31])


def test_public_key_text_is_strict_and_unique() -> None:
    key = SigningKey.generate().public_key
    text = key.to_text()
    assert re.fullmatch(r"ed25519:[A-Za-z0-9+/]{43}=", text)
    assert PublicKey.from_text(text) == key
    assert hash(PublicKey.from_text(text)) == hash(key)
    b64 = text.removeprefix("ed25519:")
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".index(b64[42])
    sloppy = b64[:42] + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[last ^ 1]
    bad = [
        text + "\n",
        " " + text,
        text.upper(),
        "Ed25519:" + b64,
        "ed25519:" + b64.rstrip("="),
        "ed25519:" + b64 + "=",
        "ed25519:" + base64.urlsafe_b64encode(key.raw).decode(),
        "ed25519:" + sloppy + "=",  # non-zero unused bits: same bytes, other spelling
        "ssh-ed25519 " + b64,
        "",
    ]
    for candidate in bad:
        if candidate == text:
            continue
        with pytest.raises(KeyFormatError):
            PublicKey.from_text(candidate)


@pytest.mark.parametrize(
    "raw_hex",
    [
        "00" * 32,
        "01" + "00" * 31,
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "0100000000000000000000000000000000000000000000000000000000000080",
    ],
)
def test_small_order_and_non_canonical_keys_refused(raw_hex: str) -> None:
    with pytest.raises(KeyFormatError):
        PublicKey(bytes.fromhex(raw_hex))


def test_key_id_and_fingerprint() -> None:
    key = SigningKey.generate().public_key
    assert key.key_id == hashlib.sha256(key.raw).hexdigest()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}", key.fingerprint)
    expected = base64.b32encode(hashlib.sha256(key.raw).digest()).decode()[:20]
    assert key.fingerprint.replace("-", "") == expected
    fingerprints = {SigningKey.generate().public_key.fingerprint for _ in range(200)}
    assert len(fingerprints) == 200


def test_signature_text() -> None:
    signature = SigningKey.generate().sign(SignatureContext.RECEIPT, MESSAGE)
    text = signature_to_text(signature)
    assert len(text) == 88
    assert signature_from_text(text) == signature
    for bad in (text + "\n", text[:-2], text.replace("+", "-"), " " * 88, ""):
        if bad == text:
            continue
        with pytest.raises(SignatureInvalid):
            signature_from_text(bad)
    with pytest.raises(ValueError, match="64 bytes"):
        signature_to_text(signature[:10])


def test_errors_are_user_facing_sentences() -> None:
    from testimony_app.errors import UserFacingError

    with pytest.raises(UserFacingError) as caught:
        PublicKey.from_text("nope")
    assert str(caught.value).endswith(".")
