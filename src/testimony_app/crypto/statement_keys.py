"""The laptop's statement-signing key, and the device key's word for it.

A sealed statement can carry a PDF signature (PAdES, made in ``reports/signature.py``) that
Adobe Reader, poppler's ``pdfsig`` and the organisation's ``verify-statement`` check. Those
readers check RSA and ECDSA signatures, not Ed25519, so the device's Ed25519 key cannot sign
the PDF itself. Each vault therefore holds a second key, made on first need and kept only
inside the encrypted vault:

* an **RSA-3072** key (PKCS#1 v1.5 with SHA-256: checked by every PDF reader in use; ECDSA
  would do for the readers too, but pyHanko declares an ECDSA signature as a PDF 2.0
  extension and raises the catalogue's version to 2.0, which a PDF/A-1b statement should not
  claim);
* a **self-signed X.509 certificate** for it. The laptop is offline and has no certificate
  authority; what makes the certificate worth anything is the next point, so a PDF reader
  says "issuer unknown" and that is the honest answer;
* inside the certificate, the **attestation**: the device's Ed25519 key signs, under its own
  signature context (``SignatureContext.STATEMENT_KEY``, so the signature can never pass for a
  bundle manifest or a receipt), the device id and the certificate's public key. The
  organisation already trusts that device key from enrolment and from every bundle it
  received, so a statement signed with a vouched-for key is traceable to one registered
  laptop, and the attestation travels inside the PDF with the certificate.

The attestation is a non-critical X.509 extension (readers that do not know it ignore it),
under an OID made from a UUID (ITU-T X.667, arc 2.25: needs no registration), DER-encoded as::

    TestimonyDeviceAttestation ::= SEQUENCE {
        version    INTEGER (1),
        deviceId   UTF8String,                -- the vault's device id (ASCII)
        deviceKey  OCTET STRING (SIZE (32)),  -- the device's Ed25519 public key
        signature  OCTET STRING (SIZE (64)) } -- Ed25519 over the message below

    message = "testimony-statement-key/v1" || 0x00 || deviceId || 0x00 || SubjectPublicKeyInfo

The device id contains no NUL and the SubjectPublicKeyInfo (DER) comes last, so the message
splits one way only. Decoding is strict: one encoding is accepted for each value.

The certificate names no person: its common name is "Testimony device" and the device key's
fingerprint, which the organisation can read aloud and compare.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from testimony_app.crypto.signing import (
    KEY_BYTES,
    SIGNATURE_BYTES,
    KeyFormatError,
    PublicKey,
    SignatureContext,
    SignatureInvalid,
    SigningKey,
)
from testimony_app.errors import UserFacingError

#: The attestation extension: 2.25 + the integer of UUID 56603961-b298-44dd-a3d1-bfc08934a7a8.
ATTESTATION_OID = x509.ObjectIdentifier("2.25.114813231973673694233157794624024389544")
RSA_BITS = 3072
ATTESTATION_VERSION = 1
COMMON_NAME_PREFIX = "Testimony device "
# RFC 5280 §4.1.2.5: 99991231235959Z means "no well-defined expiration date". A statement
# must stay checkable for decades; the device key's revocation, not a date, ends trust.
NOT_AFTER = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
_DEVICE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_MAX_CERTIFICATE_BYTES = 16 * 1024

_SEQUENCE, _INTEGER, _UTF8STRING, _OCTET_STRING = 0x30, 0x02, 0x0C, 0x04


class CertificateNotVouched(UserFacingError):
    """A signing certificate carries no valid word from a Testimony device key."""


@dataclass(frozen=True)
class Attestation:
    """Which device vouched for a signing certificate."""

    device_id: str
    device_key: PublicKey


@dataclass(frozen=True)
class StatementKey:
    """The laptop's statement-signing key (PKCS#8 DER, secret) and its certificate (DER)."""

    private_key_der: bytes
    certificate_der: bytes

    def __repr__(self) -> str:
        return f"StatementKey(certificate={certificate_sha256(self.certificate_der)[:16]}…)"


# -- DER, just enough for the attestation ------------------------------------------------------


def _tlv(tag: int, value: bytes) -> bytes:
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return bytes([tag]) + length + value


def _read_tlv(data: bytes, pos: int) -> tuple[int, bytes, int]:
    """One tag, its value and the position after it; any non-minimal length is refused."""
    if pos + 2 > len(data):
        raise CertificateNotVouched("certificate.attestation_truncated")
    tag, first = data[pos], data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    elif first in (0x81, 0x82):
        size = first - 0x80
        if pos + size > len(data):
            raise CertificateNotVouched(
                "certificate.attestation_truncated"
            )
        length = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise CertificateNotVouched("certificate.attestation_malformed")
    if pos + length > len(data):
        raise CertificateNotVouched("certificate.attestation_truncated")
    return tag, data[pos : pos + length], pos + length


def encode_attestation(device_id: str, device_key: PublicKey, signature: bytes) -> bytes:
    """The DER of the attestation extension's value."""
    body = (
        _tlv(_INTEGER, bytes([ATTESTATION_VERSION]))
        + _tlv(_UTF8STRING, device_id.encode("ascii"))
        + _tlv(_OCTET_STRING, device_key.raw)
        + _tlv(_OCTET_STRING, signature)
    )
    return _tlv(_SEQUENCE, body)


def decode_attestation(data: bytes) -> tuple[str, PublicKey, bytes]:
    """(device id, device key, signature) from the extension's DER, parsed strictly."""
    tag, body, end = _read_tlv(data, 0)
    if tag != _SEQUENCE or end != len(data):
        raise CertificateNotVouched("certificate.attestation_malformed")
    fields: list[bytes] = []
    pos = 0
    for expected in (_INTEGER, _UTF8STRING, _OCTET_STRING, _OCTET_STRING):
        tag, value, pos = _read_tlv(body, pos)
        if tag != expected:
            raise CertificateNotVouched(
                "certificate.attestation_malformed"
            )
        fields.append(value)
    if pos != len(body):
        raise CertificateNotVouched("certificate.attestation_malformed")
    version, raw_id, raw_key, signature = fields
    if version != bytes([ATTESTATION_VERSION]):
        raise CertificateNotVouched(
            "certificate.attestation_version"
        )
    try:
        device_id = raw_id.decode("ascii")
    except UnicodeDecodeError:
        raise CertificateNotVouched("certificate.device_id_malformed") from None
    if _DEVICE_ID.fullmatch(device_id) is None:
        raise CertificateNotVouched("certificate.device_id_malformed")
    if len(raw_key) != KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        raise CertificateNotVouched("certificate.attestation_malformed")
    try:
        key = PublicKey(raw_key)
    except KeyFormatError:
        raise CertificateNotVouched("certificate.device_key_unusable") from None
    if encode_attestation(device_id, key, signature) != data:
        raise CertificateNotVouched("certificate.attestation_malformed")
    return device_id, key, signature


def attestation_message(device_id: str, subject_public_key_info: bytes) -> bytes:
    """What the device key signs (after the context): device id, NUL, the SPKI DER."""
    return device_id.encode("ascii") + b"\x00" + subject_public_key_info


# -- making and checking the key ---------------------------------------------------------------


def _spki(public_key: rsa.RSAPublicKey) -> bytes:
    return public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def make_statement_key(
    device_key: SigningKey, device_id: str, created: datetime | None = None
) -> StatementKey:
    """A new RSA-3072 key and its self-signed certificate, vouched for by ``device_key``.

    ``created`` (the laptop's clock, a claim) becomes the certificate's start of validity.
    Takes about a second on an old laptop (RSA key generation); called once per vault.
    """
    if _DEVICE_ID.fullmatch(device_id) is None:
        raise KeyFormatError("key.device_id_malformed")
    when = (created or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    spki = _spki(key.public_key())
    signature = device_key.sign(
        SignatureContext.STATEMENT_KEY, attestation_message(device_id, spki)
    )
    name = x509.Name(
        [
            x509.NameAttribute(
                NameOID.COMMON_NAME, COMMON_NAME_PREFIX + device_key.public_key.fingerprint
            ),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Testimony"),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(when)
        .not_valid_after(NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.UnrecognizedExtension(
                ATTESTATION_OID,
                encode_attestation(device_id, device_key.public_key, signature),
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    return StatementKey(
        private_key_der=key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
    )


def _load_certificate(der: bytes) -> x509.Certificate:
    if not isinstance(der, bytes) or not 0 < len(der) <= _MAX_CERTIFICATE_BYTES:
        raise CertificateNotVouched("certificate.missing_or_too_large")
    try:
        return x509.load_der_x509_certificate(der)
    except ValueError:
        raise CertificateNotVouched("certificate.unreadable") from None


def vouching_device(certificate_der: bytes) -> Attestation:
    """The device whose key vouched for this certificate; raise if none did.

    Checks the certificate's own signature (it is self-signed), then the attestation's
    Ed25519 signature over the device id and the certificate's public key. Says nothing about
    whether the organisation knows that device: the caller compares the key with the pinned one.
    """
    certificate = _load_certificate(certificate_der)
    try:
        certificate.verify_directly_issued_by(certificate)
    except (ValueError, TypeError, InvalidSignature):
        raise CertificateNotVouched(
            "certificate.not_self_signed"
        ) from None
    try:
        extension = certificate.extensions.get_extension_for_oid(ATTESTATION_OID)
    except x509.ExtensionNotFound:
        raise CertificateNotVouched(
            "certificate.no_attestation"
        ) from None
    except ValueError:
        raise CertificateNotVouched("certificate.unreadable") from None
    value = extension.value
    if extension.critical or not isinstance(value, x509.UnrecognizedExtension):
        raise CertificateNotVouched("certificate.attestation_malformed")
    device_id, device_key, signature = decode_attestation(value.value)
    spki = certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    try:
        device_key.verify(
            SignatureContext.STATEMENT_KEY, attestation_message(device_id, spki), signature
        )
    except SignatureInvalid:
        raise CertificateNotVouched(
            "certificate.attestation_mismatch"
        ) from None
    return Attestation(device_id=device_id, device_key=device_key)


def check_statement_key(key: StatementKey, device_key: PublicKey, device_id: str) -> None:
    """Raise unless the stored key, its certificate and this vault's device belong together."""
    attestation = vouching_device(key.certificate_der)
    if attestation.device_key != device_key or attestation.device_id != device_id:
        raise CertificateNotVouched(
            "certificate.not_this_device"
        )
    try:
        # Only "is this the certificate's key?" is asked here. OpenSSL's full RSA consistency
        # check costs most of a second, and the signer runs it anyway when it loads the key.
        private = serialization.load_der_private_key(
            key.private_key_der, password=None, unsafe_skip_rsa_key_validation=True
        )
    except (ValueError, TypeError):
        raise CertificateNotVouched("key.statement_key_unreadable") from None
    certificate = x509.load_der_x509_certificate(key.certificate_der)
    if not isinstance(private, rsa.RSAPrivateKey) or _spki(private.public_key()) != (
        certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    ):
        raise CertificateNotVouched(
            "key.statement_key_mismatch"
        )


def certificate_sha256(certificate_der: bytes) -> str:
    """SHA-256 of the certificate's DER, in hex: what ``pdfsig -dump`` and readers show."""
    return hashlib.sha256(certificate_der).hexdigest()


def describe_public_key(certificate_der: bytes) -> str:
    """The certificate key's kind and size, e.g. "RSA 3072" or "EC secp256r1"."""
    public = _load_certificate(certificate_der).public_key()
    if isinstance(public, rsa.RSAPublicKey):
        return f"RSA {public.key_size}"
    curve = getattr(public, "curve", None)
    if curve is not None:
        return f"EC {curve.name}"
    return type(public).__name__.removesuffix("PublicKey").removeprefix("_")
