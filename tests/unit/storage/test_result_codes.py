"""SQLite errors are recognised by their result code, never by the words of their message.

The real errors (a full disk, a damaged file, a read-only medium) are produced in
``test_database.py``, ``tests/adversarial/test_corruption.py`` and ``test_durability.py``;
here each code meets a misleading message, so a mapping by substring would fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from testimony_app.errors import DiskFull, UserFacingError, VaultDamaged
from testimony_app.storage.database import result_code, translate_errors


def _error(kind: type[sqlcipher.Error], code: int, message: str) -> sqlcipher.Error:
    exc = kind(message)
    exc.sqlite_errorcode = code  # as the library sets it
    return exc


def _translated(exc: sqlcipher.Error) -> BaseException:
    with pytest.raises(BaseException) as caught, translate_errors():
        raise exc
    return caught.value


@pytest.mark.parametrize(
    ("kind", "code", "message", "expected"),
    [
        (sqlcipher.OperationalError, 13, "out of pages", DiskFull),  # SQLITE_FULL
        (sqlcipher.DatabaseError, 13, "quota", DiskFull),
        (sqlcipher.DatabaseError, 11, "oops", VaultDamaged),  # SQLITE_CORRUPT
        (sqlcipher.DatabaseError, 26, "hmm", VaultDamaged),  # SQLITE_NOTADB
        (sqlcipher.OperationalError, 778, "write failed", UserFacingError),  # IOERR_WRITE
        (sqlcipher.OperationalError, 8, "cannot", UserFacingError),  # SQLITE_READONLY
        (sqlcipher.OperationalError, 1, "database or disk is full", sqlcipher.OperationalError),
        (sqlcipher.OperationalError, 5, "file is not a database", sqlcipher.OperationalError),
    ],
)
def test_the_code_decides_not_the_message(
    kind: type[sqlcipher.Error], code: int, message: str, expected: type[BaseException]
) -> None:
    got = _translated(_error(kind, code, message))
    assert type(got) is expected
    if expected is UserFacingError:
        assert str(got).startswith("The vault could not be written to the disk")


def test_a_constraint_is_not_turned_into_damage() -> None:
    exc = _error(sqlcipher.IntegrityError, 19, "UNIQUE constraint failed")
    assert _translated(exc) is exc


def test_a_real_error_carries_its_code(tmp_path: Path) -> None:
    notadb = tmp_path / "not-a-database"
    notadb.write_bytes(b"\x00" * 4096)
    conn = sqlcipher.connect(str(notadb))
    try:
        with pytest.raises(sqlcipher.DatabaseError) as caught:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    assert result_code(caught.value) == 26
    assert caught.value.sqlite_errorname == "SQLITE_NOTADB"
    assert isinstance(_translated(caught.value), VaultDamaged)
    assert result_code(ValueError("no code")) == 0
