"""The organisation's keys: age X25519 identities to open bundles, Ed25519 to sign receipts.

A legal organisation has two secrets:

* an **age identity** (``AGE-SECRET-KEY-1…``), whose public half (``age1…``) every device
  encrypts bundles to. It is written in exactly the file format ``age-keygen`` produces, so
  the organisation can open a bundle with the ``age`` command alone (``age -d -i FILE``);
* an **Ed25519 signing key** for receipts, in a second file of our own, one-key-per-line
  format (``age`` would refuse unknown lines in an identity file, hence the separate file).

Both files are private (0600) and written atomically; an existing file is never overwritten,
because losing the organisation's identity means losing every bundle encrypted to it.

Recipients typed or pasted into a device's settings are checked here, strictly: Bech32 with
a valid checksum (a mistyped character is caught before anything is encrypted to a key nobody
holds), the ``age`` prefix, 32 bytes of key, lower case only. Post-quantum ``age1pq1…``
recipients are refused for now: our age implementation (:mod:`.age_stream`), like pyrage
1.4.0 before it, encrypts to X25519 only, and age forbids mixing them with classic ones in one
file (security.md §1.3, §5 D10).

Keys are generated and parsed with ``cryptography``'s X25519 and the Bech32 below, which is
all an age X25519 key is; pyrage, which did this before, is now only a test dependency, and
the tests pin that both read and write the same keys (``tests/unit/bundles/test_age_native.py``).
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from testimony_app.crypto.signing import KeyFormatError, PublicKey, SigningKey
from testimony_app.errors import UserFacingError
from testimony_app.paths import atomic_write

IDENTITY_FILE_NAME = "org-identity.txt"
SIGNING_KEY_FILE_NAME = "org-signing.key"
SIGNING_KEY_LINE_PREFIX = "TESTIMONY-ED25519-SECRET-KEY-1:"
MAX_RECIPIENTS = 16
MAX_KEY_FILE_BYTES = 64 * 1024
_MAX_RECIPIENT_CHARS = 4096  # a post-quantum recipient is ~2 KB; anything longer is garbage

_IDENTITY_HRP = "age-secret-key-"
_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_VALUES = {c: i for i, c in enumerate(_BECH32_CHARSET)}
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_SIGNING_KEY_LINE = re.compile(re.escape(SIGNING_KEY_LINE_PREFIX) + r"([A-Za-z0-9+/]{43}=)")
_FINGERPRINT_LABEL = "testimony-organisation/v1"


class InvalidRecipient(UserFacingError):
    """An organisation recipient given to a device is not a usable age X25519 recipient."""


class OrganisationKeyError(UserFacingError):
    """An organisation key file is missing, malformed, or would overwrite an existing one."""


# --- Bech32 (BIP 173), as age uses it for recipients and identities ----------------------


def _polymod(values: Iterable[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, gen in enumerate(_BECH32_GENERATOR):
            if (top >> i) & 1:
                check ^= gen
    return check


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: Iterable[int], from_bits: int, to_bits: int, pad: bool) -> bytes:
    acc = 0
    bits = 0
    out = bytearray()
    max_value = (1 << to_bits) - 1
    for value in data:
        acc = (acc << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((acc >> bits) & max_value)
    if pad:
        if bits:
            out.append((acc << (to_bits - bits)) & max_value)
    elif bits >= from_bits or (acc << (to_bits - bits)) & max_value:
        raise ValueError("non-zero or excess padding bits")
    return bytes(out)


def bech32_encode(hrp: str, data: bytes) -> str:
    """Encode ``data`` as lower-case Bech32 (not Bech32m) under ``hrp``."""
    values = list(_convert_bits(data, 8, 5, pad=True))
    polymod = _polymod([*_hrp_expand(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32_CHARSET[v] for v in values + checksum)


def bech32_decode(text: str) -> tuple[str, bytes]:
    """Split and check a lower-case Bech32 string; raise ``ValueError`` if anything is off."""
    if text != text.lower():
        raise ValueError("mixed or upper case")
    sep = text.rfind("1")
    if sep < 1 or sep + 7 > len(text):
        raise ValueError("no separator or data too short")
    hrp, data_part = text[:sep], text[sep + 1 :]
    if any(ord(c) < 33 or ord(c) > 126 for c in hrp):
        raise ValueError("bad human-readable part")
    try:
        values = [_BECH32_VALUES[c] for c in data_part]
    except KeyError:
        raise ValueError("character outside the Bech32 alphabet") from None
    if _polymod([*_hrp_expand(hrp), *values]) != 1:
        raise ValueError("checksum")
    return hrp, _convert_bits(values[:-6], 5, 8, pad=False)


# --- Recipients ----------------------------------------------------------------------------


def _is_post_quantum(text: str) -> bool:
    return text.lower().startswith("age1pq1")


def parse_recipient(text: str) -> str:
    """Return ``text`` if it is a valid ``age1…`` X25519 recipient, else raise.

    The messages say what to do ("check for a typing error") without repeating the key.
    """
    if not isinstance(text, str) or not text:
        raise InvalidRecipient("org_key.recipient_empty")
    if len(text) > _MAX_RECIPIENT_CHARS or not text.isascii():
        raise InvalidRecipient("org_key.recipient_not_age")
    if _is_post_quantum(text):
        raise InvalidRecipient(
            "org_key.post_quantum"
        )
    if text != text.lower():
        raise InvalidRecipient("org_key.recipient_not_lower_case")
    if not text.startswith("age1"):
        raise InvalidRecipient("org_key.recipient_not_age1")
    try:
        hrp, key = bech32_decode(text)
    except ValueError:
        raise InvalidRecipient(
            "org_key.recipient_checksum"
        ) from None
    if hrp != "age" or len(key) != 32:
        raise InvalidRecipient("org_key.recipient_not_x25519")
    if key == bytes(32):
        raise InvalidRecipient("org_key.recipient_unusable")
    try:
        X25519PublicKey.from_public_bytes(key)
    except ValueError:
        raise InvalidRecipient("org_key.recipient_unusable_age") from None
    return text


def parse_recipients(texts: Sequence[str]) -> tuple[str, ...]:
    """Validate the set of recipients a bundle is encrypted to (order kept, no repeats)."""
    items = list(texts)
    if not items:
        raise InvalidRecipient("org_key.no_recipient")
    if len(items) > MAX_RECIPIENTS:
        raise InvalidRecipient("org_key.too_many_recipients", count=MAX_RECIPIENTS)
    kinds = {_is_post_quantum(t) for t in items if isinstance(t, str)}
    if len(kinds) > 1:
        raise InvalidRecipient(
            "org_key.mixed_recipients"
        )
    parsed = tuple(parse_recipient(t) for t in items)
    if len(set(parsed)) != len(parsed):
        raise InvalidRecipient("org_key.recipient_twice")
    return parsed


# --- Identities ----------------------------------------------------------------------------


class AgeIdentity:
    """An age X25519 identity. Its ``repr`` shows the public recipient only."""

    __slots__ = ("_key", "_recipient")

    def __init__(self, key: X25519PrivateKey) -> None:
        """Wrap an X25519 private key; use :meth:`generate` or :meth:`from_secret`."""
        self._key = key
        self._recipient = bech32_encode("age", key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> AgeIdentity:
        """A fresh identity from the operating system's random source."""
        return cls(X25519PrivateKey.generate())

    @classmethod
    def from_secret(cls, secret: str) -> AgeIdentity:
        """Parse an ``AGE-SECRET-KEY-1…`` string (the message never echoes it).

        Upper case, as ``age-keygen`` writes it (Bech32 is one case throughout), checksum
        verified, 32 bytes.
        """
        if not isinstance(secret, str) or not secret.startswith("AGE-SECRET-KEY-1"):
            raise OrganisationKeyError("org_key.identity_not_secret_key")
        try:
            if secret != secret.upper():
                raise ValueError("mixed case")
            hrp, raw = bech32_decode(secret.lower())
            if hrp != _IDENTITY_HRP or len(raw) != 32:
                raise ValueError("not an X25519 identity")
            return cls(X25519PrivateKey.from_private_bytes(raw))
        except ValueError:
            raise OrganisationKeyError("org_key.identity_damaged") from None

    @property
    def recipient(self) -> str:
        """The public ``age1…`` recipient that devices encrypt to."""
        return self._recipient

    def secret_text(self) -> str:
        """The ``AGE-SECRET-KEY-1…`` line. Secret: only for writing the 0600 identity file."""
        return bech32_encode(_IDENTITY_HRP, self.secret_bytes()).upper()

    def secret_bytes(self) -> bytes:
        """The raw 32-byte X25519 scalar. Secret: only for :mod:`.age_io` to unwrap file keys."""
        return self._key.private_bytes_raw()

    def __repr__(self) -> str:
        return f"AgeIdentity({self._recipient})"


class OrganisationKeys:
    """Everything secret an organisation holds: the age identity and the receipt signing key."""

    __slots__ = ("age", "signing")

    def __init__(self, age: AgeIdentity, signing: SigningKey) -> None:
        """Pair an age identity with an Ed25519 signing key."""
        self.age = age
        self.signing = signing

    @classmethod
    def generate(cls) -> OrganisationKeys:
        """Fresh keys for a new organisation."""
        return cls(AgeIdentity.generate(), SigningKey.generate())

    @property
    def recipient(self) -> str:
        """What devices encrypt bundles to."""
        return self.age.recipient

    @property
    def signing_public_key(self) -> PublicKey:
        """What devices pin to check receipts."""
        return self.signing.public_key

    def __repr__(self) -> str:
        return f"OrganisationKeys({self.recipient}, {self.signing.public_key.fingerprint})"


def _timestamp(created_at: datetime | None) -> str:
    moment = created_at if created_at is not None else datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def age_identity_file_text(identity: AgeIdentity, created_at: datetime | None = None) -> str:
    """The identity file exactly as ``age-keygen`` writes it, so ``age -d -i`` reads it."""
    return (
        f"# created: {_timestamp(created_at)}\n"
        f"# public key: {identity.recipient}\n"
        f"{identity.secret_text()}\n"
    )


def signing_key_file_text(key: SigningKey, created_at: datetime | None = None) -> str:
    """Our Ed25519 key file: comments, then one ``TESTIMONY-ED25519-SECRET-KEY-1:`` line."""
    public = key.public_key
    secret = base64.b64encode(key.private_bytes()).decode("ascii")
    return (
        "# Testimony organisation receipt-signing key (Ed25519). Secret: keep it like the "
        "age identity.\n"
        f"# created: {_timestamp(created_at)}\n"
        f"# public key: {public.to_text()}\n"
        f"# fingerprint: {public.fingerprint}\n"
        f"{SIGNING_KEY_LINE_PREFIX}{secret}\n"
    )


def write_organisation_keys(
    directory: Path, keys: OrganisationKeys, *, created_at: datetime | None = None
) -> tuple[Path, Path]:
    """Write ``org-identity.txt`` and ``org-signing.key`` (0600, atomically) into ``directory``.

    Refuses if either file exists, before writing anything.
    """
    identity_path = directory / IDENTITY_FILE_NAME
    signing_path = directory / SIGNING_KEY_FILE_NAME
    if not directory.is_dir():
        raise OrganisationKeyError("org_key.folder_missing")
    if identity_path.exists() or signing_path.exists():
        raise OrganisationKeyError(
            "org_key.files_exist"
        )
    atomic_write(signing_path, signing_key_file_text(keys.signing, created_at).encode("ascii"))
    atomic_write(identity_path, age_identity_file_text(keys.age, created_at).encode("ascii"))
    return identity_path, signing_path


def _read_key_file(path: Path) -> list[str]:
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_KEY_FILE_BYTES + 1)
    except OSError:
        raise OrganisationKeyError("org_key.file_unreadable") from None
    if len(data) > MAX_KEY_FILE_BYTES:
        raise OrganisationKeyError("org_key.file_too_large")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise OrganisationKeyError("org_key.file_not_text") from None
    return text.replace("\r\n", "\n").split("\n")


def load_age_identities(path: Path) -> tuple[AgeIdentity, ...]:
    """Read an age identity file (``age-keygen`` format; several identities allowed).

    A ``# public key:`` comment that matches none of the identities means the file was
    edited or mixed up, and is refused rather than trusted.
    """
    identities: list[AgeIdentity] = []
    announced: list[str] = []
    for line in _read_key_file(path):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if stripped.startswith("# public key:"):
                announced.append(stripped.removeprefix("# public key:").strip())
            continue
        identities.append(AgeIdentity.from_secret(stripped))
    if not identities:
        raise OrganisationKeyError("org_key.identity_file_empty")
    recipients = {i.recipient for i in identities}
    if any(a not in recipients for a in announced):
        raise OrganisationKeyError(
            "org_key.identity_comment_mismatch"
        )
    return tuple(identities)


def load_signing_key(path: Path) -> SigningKey:
    """Read our Ed25519 key file; the ``# public key:`` comment, if present, must match."""
    key: SigningKey | None = None
    announced: str | None = None
    for line in _read_key_file(path):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if stripped.startswith("# public key:"):
                announced = stripped.removeprefix("# public key:").strip()
            continue
        match = _SIGNING_KEY_LINE.fullmatch(stripped)
        if match is None or key is not None:
            raise OrganisationKeyError("org_key.signing_file_malformed")
        raw = base64.b64decode(match.group(1), validate=True)
        try:
            key = SigningKey.from_private_bytes(raw)
        except KeyFormatError:
            raise OrganisationKeyError("org_key.signing_file_malformed") from None
    if key is None:
        raise OrganisationKeyError("org_key.signing_file_empty")
    if announced is not None and announced != key.public_key.to_text():
        raise OrganisationKeyError(
            "org_key.signing_comment_mismatch"
        )
    return key


def file_is_private(path: Path) -> bool:
    """True if no one but the owner can read ``path`` (always true where modes do not exist)."""
    if os.name != "posix":
        return True
    return (path.stat().st_mode & 0o077) == 0


def org_fingerprint(recipients: Sequence[str], signing_public_key: str) -> str:
    """A short string that commits to an organisation's recipients and receipt key.

    Read aloud over the phone when a laptop enrols the organisation: five groups of four
    base32 characters (no 0/O or 1/I to confuse), 100 bits of SHA-256 over a canonical text,
    so a substituted key shows as a different string. The organisation's *name* is left out:
    it is typed on each laptop and may be spelt differently without being a different key.
    """
    lines = [_FINGERPRINT_LABEL]
    lines += [f"recipient {r}" for r in sorted(recipients)]
    lines.append(f"receipt-key {signing_public_key}")
    digest = hashlib.sha256(("\n".join(lines) + "\n").encode("ascii")).digest()
    chars = base64.b32encode(digest).decode("ascii")[:20]
    return "-".join(chars[i : i + 4] for i in range(0, 20, 4))
