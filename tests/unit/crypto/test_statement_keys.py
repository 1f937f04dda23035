"""The statement-signing certificate and the device key's attestation inside it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from testimony_app.crypto import statement_keys as sk
from testimony_app.crypto.signing import (
    KeyFormatError,
    SignatureContext,
    SigningKey,
    signed_message,
)

DEVICE_ID = "6161f80b-c229-4190-a592-10eeb06ee3ea"
CREATED = datetime(2026, 12, 7, 9, 15, 42, 123456, tzinfo=UTC)


@pytest.fixture(scope="module")
def device() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture(scope="module")
def made(device: SigningKey) -> sk.StatementKey:
    return sk.make_statement_key(device, DEVICE_ID, CREATED)


def _cert(key: sk.StatementKey) -> x509.Certificate:
    return x509.load_der_x509_certificate(key.certificate_der)


def _private(key: sk.StatementKey) -> rsa.RSAPrivateKey:
    private = serialization.load_der_private_key(key.private_key_der, password=None)
    assert isinstance(private, rsa.RSAPrivateKey)
    return private


def _reissue(
    key: sk.StatementKey, attestation: bytes | None, *, critical: bool = False
) -> bytes:
    """The same key's certificate, self-signed again, with another attestation value."""
    old = _cert(key)
    builder = (
        x509.CertificateBuilder()
        .subject_name(old.subject)
        .issuer_name(old.issuer)
        .public_key(old.public_key())
        .serial_number(old.serial_number)
        .not_valid_before(old.not_valid_before_utc)
        .not_valid_after(old.not_valid_after_utc)
    )
    if attestation is not None:
        builder = builder.add_extension(
            x509.UnrecognizedExtension(sk.ATTESTATION_OID, attestation), critical=critical
        )
    cert = builder.sign(_private(key), hashes.SHA256())
    return cert.public_bytes(serialization.Encoding.DER)


def _attestation_value(key: sk.StatementKey) -> bytes:
    ext = _cert(key).extensions.get_extension_for_oid(sk.ATTESTATION_OID)
    assert isinstance(ext.value, x509.UnrecognizedExtension)
    return ext.value.value


@pytest.mark.slow
def test_the_certificate_is_what_pdf_readers_check_and_names_no_person(
    device: SigningKey, made: sk.StatementKey
) -> None:
    cert = _cert(made)
    public = cert.public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    assert public.key_size == 3072
    assert sk.describe_public_key(made.certificate_der) == "RSA 3072"
    assert cert.signature_hash_algorithm is not None
    assert cert.signature_hash_algorithm.name == "sha256"
    cert.verify_directly_issued_by(cert)  # self-signed
    common_name = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert common_name == f"Testimony device {device.public_key.fingerprint}"
    assert cert.subject == cert.issuer
    assert {a.oid for a in cert.subject} == {NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME}
    assert cert.not_valid_before_utc == CREATED.replace(microsecond=0)
    assert cert.not_valid_after_utc == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment
    assert not usage.value.key_cert_sign
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    assert not cert.extensions.get_extension_for_oid(sk.ATTESTATION_OID).critical


def test_the_device_key_vouches_for_the_certificate(
    device: SigningKey, made: sk.StatementKey
) -> None:
    attestation = sk.vouching_device(made.certificate_der)
    assert attestation.device_id == DEVICE_ID
    assert attestation.device_key == device.public_key
    sk.check_statement_key(made, device.public_key, DEVICE_ID)
    assert "BEGIN" not in repr(made)
    assert made.private_key_der.hex()[:32] not in repr(made)


@pytest.mark.slow
def test_the_attestation_is_an_ed25519_signature_under_its_own_context(
    device: SigningKey, made: sk.StatementKey
) -> None:
    device_id, key, signature = sk.decode_attestation(_attestation_value(made))
    spki = _cert(made).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    message = sk.attestation_message(device_id, spki)
    assert signed_message(SignatureContext.STATEMENT_KEY, message).startswith(
        b"testimony-statement-key/v1\x00" + DEVICE_ID.encode() + b"\x00"
    )
    key.verify(SignatureContext.STATEMENT_KEY, message, signature)
    # The same bytes signed as a bundle manifest do not vouch for anything.
    manifest_signature = device.sign(SignatureContext.MANIFEST, message)
    forged = sk.encode_attestation(device_id, key, manifest_signature)
    with pytest.raises(sk.CertificateNotVouched, match="does not match"):
        sk.vouching_device(_reissue(made, forged))


@pytest.mark.slow
def test_an_attestation_moved_to_another_key_is_refused(
    device: SigningKey, made: sk.StatementKey
) -> None:
    other = sk.make_statement_key(SigningKey.generate(), DEVICE_ID, CREATED)
    moved = _reissue(other, _attestation_value(made))
    with pytest.raises(sk.CertificateNotVouched, match="does not match"):
        sk.vouching_device(moved)
    # Nor does the other key pass for this device's when checked against the vault.
    with pytest.raises(sk.CertificateNotVouched, match="not made by this vault's device"):
        sk.check_statement_key(other, device.public_key, DEVICE_ID)
    with pytest.raises(sk.CertificateNotVouched, match="not made by this vault's device"):
        sk.check_statement_key(made, device.public_key, "another-device")
    mixed = sk.StatementKey(other.private_key_der, made.certificate_der)
    with pytest.raises(sk.CertificateNotVouched, match="does not match its certificate"):
        sk.check_statement_key(mixed, device.public_key, DEVICE_ID)


@pytest.mark.slow
def test_certificates_without_a_valid_attestation_are_refused(made: sk.StatementKey) -> None:
    with pytest.raises(sk.CertificateNotVouched, match="no attestation"):
        sk.vouching_device(_reissue(made, None))
    with pytest.raises(sk.CertificateNotVouched, match="malformed"):
        sk.vouching_device(_reissue(made, _attestation_value(made), critical=True))
    with pytest.raises(sk.CertificateNotVouched, match="cannot be read"):
        sk.vouching_device(b"\x30\x03\x02\x01\x01")
    with pytest.raises(sk.CertificateNotVouched, match="missing or too large"):
        sk.vouching_device(b"")
    # A certificate whose self-signature no longer checks (one byte of it changed).
    der = bytearray(made.certificate_der)
    der[-10] ^= 0x01
    with pytest.raises(sk.CertificateNotVouched):
        sk.vouching_device(bytes(der))


@pytest.mark.parametrize(
    "mutation",
    ["non-minimal length", "trailing byte", "version 2", "short key", "bad device id", "NUL id"],
)
def test_the_attestation_is_decoded_strictly(made: sk.StatementKey, mutation: str) -> None:
    value = _attestation_value(made)
    device_id, key, signature = sk.decode_attestation(value)
    assert sk.encode_attestation(device_id, key, signature) == value
    if mutation == "non-minimal length":
        # The INTEGER's length written in long form (0x81 0x01) instead of 0x01.
        body = value[3:] if value[1] == 0x81 else value[2:]
        body = b"\x02\x81\x01" + body[2:]
        bad = b"\x30\x81" + bytes([len(body)]) + body
    elif mutation == "trailing byte":
        bad = value + b"\x00"
    elif mutation == "version 2":
        bad = value.replace(b"\x02\x01\x01", b"\x02\x01\x02", 1)
    elif mutation == "short key":
        inner = (
            b"\x02\x01\x01" + b"\x0c" + bytes([len(device_id)]) + device_id.encode()
            + b"\x04\x1f" + key.raw[:31] + b"\x04\x40" + signature
        )
        bad = b"\x30\x81" + bytes([len(inner)]) + inner
    elif mutation == "bad device id":
        bad = sk.encode_attestation("../etc", key, signature)
    else:
        bad = sk.encode_attestation("a\x00b", key, signature)
    with pytest.raises(sk.CertificateNotVouched):
        sk.decode_attestation(bad)


def test_device_ids_are_checked_when_making_a_key(device: SigningKey) -> None:
    with pytest.raises(KeyFormatError):
        sk.make_statement_key(device, "bad id with spaces")
