"""Our own strict parser for the age v1 header, run before any key work on a bundle.

It was written as a pre-check in front of pyrage, which accepts headers the age specification
forbids (stanzas with a missing body or final line) and will run scrypt with any work factor it
is handed, which took ~40 s and gigabytes of memory for 2^23 (security.md §2.6). Our own age
implementation (:mod:`.age_stream`) has since replaced pyrage for decryption and parses
nothing itself: it works on the :class:`AgeHeader` returned here, so this grammar is the only
one a bundle meets. A bundle is always a binary file encrypted to X25519 recipients, so
everything else is refused here, in bounded time and memory and before any key is touched
(security.md §4.7 step 2):

* the version line is exactly ``age-encryption.org/v1``;
* ``X25519`` stanzas have exactly one argument, the canonical unpadded base64 of 32 bytes, and a
  body of exactly 32 bytes (one 43-character line);
* ``scrypt`` stanzas are refused outright, without reading their work factor;
* stanzas whose type is ``grease`` or ends in ``-grease`` are tolerated, grammar-checked and
  size-capped: rage adds such random stanzas on purpose so that readers do not ossify, and
  pyrage puts one in every file it writes, including the bundles it wrote for us;
* every other stanza type is refused (unless a caller asks for the specification's behaviour,
  which only the conformance tests do);
* ASCII armor is refused: bundles are binary;
* the header ends with ``--- `` and the canonical base64 of a 32-byte MAC, and is at most
  :data:`MAX_HEADER_BYTES` long with at most :data:`MAX_STANZAS` stanzas.

The MAC itself and the X25519 unwrapping are left to :mod:`.age_stream`: they need the key.
"""

from __future__ import annotations

import base64
import binascii
import enum
from dataclasses import dataclass

from testimony_app.errors import BundleRejected
from testimony_app.words import Message, Param

VERSION_LINE = b"age-encryption.org/v1"
MAX_HEADER_BYTES = 64 * 1024
MAX_STANZAS = 20
MAX_GREASE_BODY_BYTES = 1024
MAX_UNKNOWN_BODY_BYTES = 16 * 1024
_X25519_KEY_BYTES = 32
_MAC_BYTES = 32
_B64_ALPHABET = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_FULL_LINE = 64
_ARMOR_MARK = b"-----begin"  # PEM-style armor, in any case, anywhere near the start


class AgeFailure(enum.Enum):
    """Which step of opening an age file failed (the CCTV vector classes, plus our own)."""

    TOO_LARGE = "too large"
    HEADER = "header failure"
    NO_MATCH = "no match"
    HMAC = "HMAC failure"
    PAYLOAD = "payload failure"


class AgeRejected(BundleRejected):
    """The age layer of a bundle failed; ``failure`` says at which step."""

    def __init__(self, code: str, failure: AgeFailure, **params: Param) -> None:
        """Keep the message for the user and the failure class for callers and tests."""
        super().__init__(code, **params)
        self.failure = failure


def _header_error(code: str, **params: Param) -> AgeRejected:
    return AgeRejected(code, AgeFailure.HEADER, **params)


@dataclass(frozen=True)
class Stanza:
    """One recipient stanza: its type, its other arguments and its decoded body."""

    type: str
    args: tuple[str, ...]
    body: bytes


@dataclass(frozen=True)
class AgeHeader:
    """A header that passed the pre-check; ``length`` counts bytes up to the MAC line's newline."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    length: int

    @property
    def x25519_shares(self) -> tuple[bytes, ...]:
        """The ephemeral X25519 shares, one per recipient the file was encrypted to."""
        return tuple(base64.b64decode(s.args[0] + "=") for s in self.stanzas if s.type == "X25519")


def _canonical_b64(text: bytes, part: Message) -> bytes:
    """Decode unpadded standard base64, refusing any spelling but the canonical one.

    Non-canonical encodings (non-zero unused bits) are how the same header could be spelled two
    ways; age requires refusing them, and so do we.
    """
    if not _B64_ALPHABET.issuperset(text) or len(text) % 4 == 1:
        raise _header_error("bundle.header_bad_base64", part=part)
    padded = text + b"=" * (-len(text) % 4)
    try:
        raw = base64.b64decode(padded, validate=True)
    except (binascii.Error, ValueError):
        raise _header_error("bundle.header_bad_base64", part=part) from None
    if base64.b64encode(raw).rstrip(b"=") != text:
        raise _header_error("bundle.header_noncanonical_base64", part=part)
    return raw


def _is_grease(stanza_type: str) -> bool:
    return stanza_type == "grease" or stanza_type.endswith("-grease")


class _Lines:
    """Walks newline-terminated lines of a bounded buffer; a missing newline is an error."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.pos = 0

    def next(self) -> bytes:
        end = self._data.find(b"\n", self.pos)
        if end < 0:
            if len(self._data) >= MAX_HEADER_BYTES:
                raise _header_error("bundle.header_too_long")
            raise _header_error("bundle.header_incomplete")
        line = self._data[self.pos : end]
        self.pos = end + 1
        if self.pos > MAX_HEADER_BYTES:
            raise _header_error("bundle.header_too_long")
        return line

    def peek_startswith(self, prefix: bytes) -> bool:
        return self._data.startswith(prefix, self.pos)

    @property
    def at_end(self) -> bool:
        return self.pos >= len(self._data)


def _parse_args(line: bytes) -> tuple[str, ...]:
    parts = line[3:].split(b" ")
    for part in parts:
        # Arguments are one or more visible ASCII characters (VCHAR, 0x21-0x7E).
        if not part or any(c < 0x21 or c > 0x7E for c in part):
            raise _header_error("bundle.header_bad_stanza_line")
    return tuple(p.decode("ascii") for p in parts)


def _read_body(lines: _Lines, limit: int) -> bytes:
    """Read body lines: full 64-character lines, then exactly one shorter (maybe empty) line."""
    chunks: list[bytes] = []
    total = 0
    while True:
        line = lines.next()
        if not _B64_ALPHABET.issuperset(line):
            raise _header_error(
                "bundle.header_bad_stanza_body"
            )
        if len(line) > _FULL_LINE:
            raise _header_error("bundle.header_long_body_line")
        chunks.append(line)
        total += len(line)
        if total > limit * 4 // 3 + 4:
            raise _header_error("bundle.header_stanza_too_large")
        if len(line) < _FULL_LINE:
            break
    return _canonical_b64(b"".join(chunks), Message("bundle.part_stanza_body"))


def parse_header(data: bytes, *, allow_unknown_stanzas: bool = False) -> AgeHeader:
    """Check the age header at the start of ``data``; return it or raise :class:`AgeRejected`.

    ``data`` is the beginning of the file, at most :data:`MAX_HEADER_BYTES` are looked at, and
    the work is linear in that, so a hostile header costs microseconds. Payload bytes after
    the header are ignored here.

    ``allow_unknown_stanzas`` follows the specification (ignore well-formed stanzas of other
    types); it exists only to run the CCTV conformance vectors. Bundles never use it.
    """
    data = data[: MAX_HEADER_BYTES + 1]
    if not data:
        raise _header_error("bundle.file_empty")
    if _ARMOR_MARK in data[:1024].lower():
        raise _header_error("bundle.armored")
    lines = _Lines(data)
    version = lines.next() if b"\n" in data[:64] else b""
    if version != VERSION_LINE:
        if data.startswith(b"age-encryption.org/"):
            raise _header_error("bundle.age_version_unsupported")
        raise _header_error("bundle.not_age")

    stanzas: list[Stanza] = []
    while True:
        if lines.peek_startswith(b"--- "):
            break
        if lines.at_end:
            raise _header_error("bundle.header_incomplete")
        if not lines.peek_startswith(b"-> "):
            raise _header_error("bundle.header_bad_line")
        if len(stanzas) >= MAX_STANZAS:
            raise _header_error("bundle.header_too_many_recipients")
        args = _parse_args(lines.next())
        kind = args[0]
        if kind == "scrypt":
            # Refused before reading its work factor: a passphrase bundle is never ours, and
            # scrypt with an attacker's work factor is a denial of service (security.md §2.6).
            raise _header_error(
                "bundle.passphrase_encrypted"
            )
        if kind == "X25519":
            if len(args) != 2 or len(args[1]) != 43:
                raise _header_error("bundle.header_bad_x25519")
            _canonical_b64(args[1].encode("ascii"), Message("bundle.part_x25519_share"))
            body = _read_body(lines, _X25519_KEY_BYTES)
            if len(body) != _X25519_KEY_BYTES:
                raise _header_error("bundle.header_bad_x25519")
        elif _is_grease(kind):
            body = _read_body(lines, MAX_GREASE_BODY_BYTES)
        elif allow_unknown_stanzas:
            body = _read_body(lines, MAX_UNKNOWN_BODY_BYTES)
        else:
            raise _header_error(
                "bundle.header_recipient_type"
            )
        stanzas.append(Stanza(kind, args[1:], body))

    mac_line = lines.next()
    if not stanzas:
        raise _header_error("bundle.header_no_recipient")
    if len(mac_line) != 4 + 43:
        raise _header_error("bundle.header_bad_mac")
    mac = _canonical_b64(mac_line[4:], Message("bundle.part_mac"))
    if len(mac) != _MAC_BYTES:
        raise _header_error("bundle.header_bad_mac")
    if not allow_unknown_stanzas and not any(s.type == "X25519" for s in stanzas):
        raise _header_error("bundle.no_x25519_recipient")
    return AgeHeader(tuple(stanzas), mac, lines.pos)
