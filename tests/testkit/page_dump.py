"""Read every byte a passphrase unlocks: each page of an SQLCipher file decrypted, free or not.

A forensic dump for the hand-over test (issue 20): someone made to type the passphrase gives
the database key, and with it every page of ``vault.db``, its WAL, every backup and every
set-aside database, including free pages and stale WAL frames that no query returns. The
logical dump (every row of every table) is :func:`rows_text`. Nothing here is used by the
program; it decrypts with the documented SQLCipher 4 page layout (AES-256-CBC, the IV at the
end of each page, 16-byte salt at the start of the first page).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from testimony_app.storage import database

SALT = 16
IV = 16
WAL_HEADER = 32
WAL_FRAME_HEADER = 24


def _reserve(page_size: int) -> int:
    # IV + HMAC, rounded up to the AES block: SHA256 → 16 + 32 = 48; SHA512 → 16 + 64 = 80.
    return 48 if page_size == database.CIPHER_PAGE_SIZE else 80


def decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    """One page's plaintext (without the salt of page 1 and the reserved tail)."""
    reserve = _reserve(len(page))
    start = SALT if first else 0
    body = page[start : len(page) - reserve]
    iv = page[len(page) - reserve : len(page) - reserve + IV]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def _page_size_of(path: Path) -> int:
    size = path.stat().st_size
    for candidate in (database.CIPHER_PAGE_SIZE, 4096):
        if size % candidate == 0:
            return candidate
    return database.CIPHER_PAGE_SIZE


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    """Every page of a database file, decrypted."""
    data = path.read_bytes()
    page_size = _page_size_of(path)
    for offset in range(0, len(data) - page_size + 1, page_size):
        yield decrypt_page(data[offset : offset + page_size], key, offset == 0)


def wal_pages(
    path: Path, key: bytes, page_size: int = database.CIPHER_PAGE_SIZE
) -> Iterator[bytes]:
    """Every frame of a WAL file, decrypted (valid or stale, committed or not)."""
    data = path.read_bytes()
    offset = WAL_HEADER
    while offset + WAL_FRAME_HEADER + page_size <= len(data):
        page_number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + WAL_FRAME_HEADER : offset + WAL_FRAME_HEADER + page_size]
        yield decrypt_page(page, key, page_number == 1)
        offset += WAL_FRAME_HEADER + page_size


def plaintext_of(path: Path, key: bytes) -> bytes:
    """All decrypted pages of a database file and of its WAL, if any, concatenated."""
    parts = list(database_pages(path, key))
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > WAL_HEADER:
        parts += list(wal_pages(wal, key))
    return b"".join(parts)


def rows_text(path: Path, key: bytes | bytearray) -> str:
    """Every row of every table (FTS shadow tables included), as text: the logical dump."""
    db = database.connect(path, key)
    try:
        tables = [
            str(r[0])
            for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        lines = []
        for table in tables:
            for row in db.query(f'SELECT * FROM "{table}"'):
                lines.append(f"{table}: " + " | ".join(
                    v.hex() + " " + v.decode("utf-8", "replace") if isinstance(v, bytes)
                    else str(v) for v in row
                ))
        return "\n".join(lines)
    finally:
        db.close()
