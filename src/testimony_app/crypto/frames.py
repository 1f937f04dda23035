"""Authenticated frames for attachment files kept beside the vault database.

Attachments used to live inside SQLCipher as 1 MiB BLOB chunks. With ``cipher_memory_security``
on, SQLCipher locks and wipes every allocation, and a GiB cost 3.4–4.1 s of CPU to read and
7.5–9.7 s to write (docs/performance.md); AES-256-GCM on this machine does a GiB in 0.15 s.
So attachment bytes now go to files of frames, each sealed with AES-256-GCM under a key that
belongs to that one file and is kept only in the encrypted database:

* a file starts with :data:`MAGIC` and the file's 16-byte random name; both are the
  associated data of every frame, so a frame cannot be moved into another file;
* frame ``i`` is sealed with the nonce ``i`` (12 bytes, big-endian): with one random key per
  file, a nonce is never used twice, and frames cannot be reordered, dropped or repeated
  without failing authentication;
* where the content ends is known from the size the database records, never from the file,
  so a truncated file is noticed and random padding after the last frame is ignored;
* the padding (Padmé: at most ~12 %, usually a few %) hides the exact size of a recording,
  which would otherwise tell its length to whoever holds the laptop.

Deleting a file's row from the database deletes its key: what a purge leaves on a disk that
cannot be overwritten reliably (SSD, flash) is ciphertext without a key.
"""

from __future__ import annotations

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"TSTMBLB1"
NAME_BYTES = 16
KEY_BYTES = 32
TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + NAME_BYTES
LENGTH = struct.Struct("<I")
MAX_FRAME_PLAINTEXT = 16 * 1024 * 1024


class FrameDamaged(Exception):
    """A frame failed authentication or its framing is impossible (the file was altered)."""


def new_key() -> bytes:
    """A fresh random AES-256 key for one file."""
    return os.urandom(KEY_BYTES)


def header(name: bytes) -> bytes:
    """The bytes a file starts with; also every frame's associated data."""
    if len(name) != NAME_BYTES:
        raise ValueError("a file name is 16 bytes")
    return MAGIC + name


class FrameCipher:
    """Seals and opens the frames of one file."""

    def __init__(self, key: bytes, name: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("a file key is 32 bytes")
        self._aead = AESGCM(key)
        self._ad = header(name)

    def seal(self, index: int, data: bytes | bytearray | memoryview) -> bytes:
        """Frame ``index`` (0, 1, 2, …) of ``data``: length prefix, ciphertext and tag."""
        if len(data) > MAX_FRAME_PLAINTEXT:
            raise ValueError("frame too large")
        sealed = self._aead.encrypt(index.to_bytes(12, "big"), data, self._ad)
        return LENGTH.pack(len(sealed)) + sealed

    def seal_into(self, index: int, data: bytes | bytearray | memoryview, out: memoryview) -> None:
        """Frame ``index`` of ``data`` written into ``out``, which must be exactly
        :func:`frame_size` bytes: no new buffer per frame, and no copy to prefix the length."""
        if len(data) > MAX_FRAME_PLAINTEXT:
            raise ValueError("frame too large")
        LENGTH.pack_into(out, 0, len(data) + TAG_BYTES)
        self._aead.encrypt_into(index.to_bytes(12, "big"), data, self._ad, out[LENGTH.size :])

    def open(self, index: int, sealed: bytes | memoryview) -> bytes:
        """The plaintext of frame ``index``; :class:`FrameDamaged` if it is not authentic."""
        try:
            return self._aead.decrypt(index.to_bytes(12, "big"), sealed, self._ad)
        except InvalidTag:
            raise FrameDamaged(f"frame {index} failed authentication") from None


def frame_size(plaintext_bytes: int) -> int:
    """The bytes a frame of ``plaintext_bytes`` takes in the file: length prefix and tag."""
    return LENGTH.size + plaintext_bytes + TAG_BYTES


def frame_length(prefix: bytes) -> int:
    """The sealed length announced by a frame's 4-byte prefix, checked for sanity."""
    length = int(LENGTH.unpack(prefix)[0])
    if length < TAG_BYTES or length > MAX_FRAME_PLAINTEXT + TAG_BYTES:
        raise FrameDamaged("impossible frame length")
    return length


def padded_size(size: int) -> int:
    """Padmé (Nikitin et al., 2019): round ``size`` up, leaking O(log log size) bits of it."""
    if size < 2:
        return size
    exponent = size.bit_length() - 1
    mantissa_bits = exponent.bit_length()
    low = exponent - mantissa_bits
    mask = (1 << low) - 1
    return (size + mask) & ~mask


def padding(count: int) -> bytes:
    """``count`` bytes indistinguishable from ciphertext (AES-CTR under a throw-away key)."""
    if count <= 0:
        return b""
    encryptor = Cipher(algorithms.AES(os.urandom(32)), modes.CTR(os.urandom(16))).encryptor()
    return encryptor.update(bytes(count)) + encryptor.finalize()
