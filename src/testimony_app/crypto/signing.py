"""Ed25519 device and organisation keys, with domain-separated signatures.

age encrypts a bundle but cannot say who made it: anyone holding the organisation's public
recipient can produce a file that decrypts (security.md §2.6). So every bundle manifest is
signed by the device key, and the organisation answers with a receipt signed by its own key.

Each signature covers ``context || 0x00 || message``. The context names what is being signed,
so a signature made over a manifest can never be presented as a receipt, or the reverse, even
if someone one day used one key for both (security.md §5 D6). The context strings contain no
NUL, so the split between context and message is unambiguous.

Public keys travel as text, ``ed25519:<standard base64 of the 32 raw bytes>``, and are parsed
strictly: exactly one spelling is accepted for each key, so a key can be compared as a string.
Each key also has a full hex key id (SHA-256 of the raw key) and a short fingerprint meant to
be read aloud over the phone when a device or an organisation is pinned.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from testimony_app.errors import UserFacingError

PUBLIC_KEY_PREFIX = "ed25519:"
KEY_BYTES = 32
SIGNATURE_BYTES = 64

# 32 bytes in standard base64 are 43 significant characters and one "=" of padding.
_PUBLIC_KEY_TEXT = re.compile(r"ed25519:[A-Za-z0-9+/]{43}=")
_SIGNATURE_TEXT = re.compile(r"[A-Za-z0-9+/]{86}==")

# Ed25519 points of small order, compared with the sign bit cleared (the list libsodium
# refuses). A small-order public key lets one signature verify for many messages, so such a
# key is never a real device's key. Non-canonical encodings (y >= p) are refused separately.
_P = 2**255 - 19
_SMALL_ORDER = frozenset(
    bytes.fromhex(h)
    for h in (
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    )
)
_BASE32_FINGERPRINT_CHARS = 20  # 100 bits: plenty against a second key made to look alike


class SignatureContext(enum.Enum):
    """What a signature is for; part of every signed message."""

    MANIFEST = "testimony-bundle-manifest/v1"
    RECEIPT = "testimony-bundle-receipt/v1"
    # The device key vouching for the laptop's statement-signing certificate (statement_keys).
    STATEMENT_KEY = "testimony-statement-key/v1"

    @property
    def prefix(self) -> bytes:
        """The bytes put before the message: the context label and one NUL."""
        return self.value.encode("ascii") + b"\x00"


def signed_message(context: SignatureContext, message: bytes) -> bytes:
    """The exact bytes an Ed25519 signature covers (also what a standalone verifier rebuilds)."""
    return context.prefix + message


class KeyFormatError(UserFacingError):
    """A key given as text or bytes is not a valid key in our format."""


class SignatureInvalid(UserFacingError):
    """A signature does not verify under the expected key and context."""


def _canonical_b64decode(text: str, expected_len: int) -> bytes:
    """Decode standard base64 that must be the one canonical spelling of ``expected_len`` bytes."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise KeyFormatError("key.not_base64") from None
    if len(raw) != expected_len or base64.b64encode(raw).decode("ascii") != text:
        raise KeyFormatError("key.bad_length")
    return raw


def _fingerprint(digest: bytes) -> str:
    chars = base64.b32encode(digest).decode("ascii")[:_BASE32_FINGERPRINT_CHARS]
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


class PublicKey:
    """An Ed25519 public key: a device's or an organisation's identity for signatures."""

    __slots__ = ("_key", "_raw")

    def __init__(self, raw: bytes) -> None:
        """Accept exactly 32 bytes that encode a canonical point of large order."""
        if not isinstance(raw, bytes) or len(raw) != KEY_BYTES:
            raise KeyFormatError("key.public_key_length")
        cleared = raw[:31] + bytes([raw[31] & 0x7F])
        if int.from_bytes(cleared, "little") >= _P or cleared in _SMALL_ORDER:
            raise KeyFormatError("key.public_key_unusable")
        try:
            self._key = Ed25519PublicKey.from_public_bytes(raw)
        except ValueError:
            raise KeyFormatError("key.public_key_unusable") from None
        self._raw = raw

    @classmethod
    def from_text(cls, text: str) -> PublicKey:
        """Parse ``ed25519:<base64>`` exactly: no whitespace, no other spelling."""
        if not isinstance(text, str) or _PUBLIC_KEY_TEXT.fullmatch(text) is None:
            raise KeyFormatError(
                "key.public_key_format"
            )
        return cls(_canonical_b64decode(text[len(PUBLIC_KEY_PREFIX) :], KEY_BYTES))

    @property
    def raw(self) -> bytes:
        """The 32 raw bytes."""
        return self._raw

    def to_text(self) -> str:
        """The one text form, ``ed25519:<base64>``, used in manifests, receipts and settings."""
        return PUBLIC_KEY_PREFIX + base64.b64encode(self._raw).decode("ascii")

    @property
    def key_id(self) -> str:
        """SHA-256 of the raw key in lower-case hex: the key's full, unambiguous name."""
        return hashlib.sha256(self._raw).hexdigest()

    @property
    def fingerprint(self) -> str:
        """The first 100 bits of the key id in base32, as five groups of four to read aloud.

        The base32 alphabet (A–Z, 2–7) has no 0/O or 1/I pairs to confuse on a bad phone line.
        """
        return _fingerprint(hashlib.sha256(self._raw).digest())

    def verify(self, context: SignatureContext, message: bytes, signature: bytes) -> None:
        """Raise :class:`SignatureInvalid` unless ``signature`` is valid for ``message``."""
        if not isinstance(signature, bytes) or len(signature) != SIGNATURE_BYTES:
            raise SignatureInvalid("signature.wrong_length")
        try:
            self._key.verify(signature, signed_message(context, message))
        except InvalidSignature:
            raise SignatureInvalid("signature.wrong_key") from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicKey) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)

    def __repr__(self) -> str:
        return f"PublicKey({self.fingerprint})"


class SigningKey:
    """An Ed25519 private key. The vault stores :meth:`private_bytes`; nothing else does."""

    __slots__ = ("_key", "_public")

    def __init__(self, key: Ed25519PrivateKey) -> None:
        """Wrap a ``cryptography`` key; use :meth:`generate` or :meth:`from_private_bytes`."""
        self._key = key
        self._public = PublicKey(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    @classmethod
    def generate(cls) -> SigningKey:
        """A fresh key from the operating system's random source."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, raw: bytes) -> SigningKey:
        """Load the 32-byte seed that :meth:`private_bytes` returned."""
        if not isinstance(raw, bytes) or len(raw) != KEY_BYTES:
            raise KeyFormatError("key.private_key_length")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def private_bytes(self) -> bytes:
        """The 32-byte seed. Secret: store it only inside the encrypted vault or a 0600 key file."""
        return self._key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())

    @property
    def public_key(self) -> PublicKey:
        """The matching public key."""
        return self._public

    def sign(self, context: SignatureContext, message: bytes) -> bytes:
        """A 64-byte signature over ``context || 0x00 || message``."""
        return self._key.sign(signed_message(context, message))

    def __repr__(self) -> str:
        return f"SigningKey(public={self._public.fingerprint})"


def signature_to_text(signature: bytes) -> str:
    """Standard base64 of a 64-byte signature (88 characters), the form stored in files."""
    if len(signature) != SIGNATURE_BYTES:
        raise ValueError("an Ed25519 signature is 64 bytes")
    return base64.b64encode(signature).decode("ascii")


def signature_from_text(text: str) -> bytes:
    """Parse the 88-character canonical base64 of a signature, and nothing else."""
    if not isinstance(text, str) or _SIGNATURE_TEXT.fullmatch(text) is None:
        raise SignatureInvalid("signature.not_88_characters")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureInvalid("signature.not_base64") from None
    if len(raw) != SIGNATURE_BYTES or base64.b64encode(raw).decode("ascii") != text:
        raise SignatureInvalid("signature.not_canonical")
    return raw
