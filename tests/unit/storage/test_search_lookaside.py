"""Search keeps its lookaside after a long session has filled the statement cache (issue 19).

With memory security on, every allocation SQLite makes outside the lookaside pool costs an
``mlock`` and an ``munlock``. FTS5's ``bm25()`` allocates a cursor for every matching row, so a
search depends on free slots in the pool; the statements a session keeps prepared (128 of
them after an import) used to hold every slot, and the same search then ran several times
slower on the session that had imported than on a fresh one. The counters are SQLite's own
(``sqlite3_db_status``), read through ctypes as ``storage.database`` configures the pool.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

import pytest

from testimony_app.domain import model
from testimony_app.services.vault import VaultSession
from testimony_app.storage import database

_LOOKASIDE_USED, _LOOKASIDE_HIT, _LOOKASIDE_MISS_FULL = 0, 4, 6

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and database.LOOKASIDE_CONFIGURED),
    reason="reads SQLite's counters through the Linux build's exported symbols",
)


def _status(conn: Any, op: int, *, reset: bool = False) -> tuple[int, int]:
    import sqlcipher3

    lib = ctypes.CDLL(sqlcipher3._sqlite3.__file__)
    lib.sqlite3_db_status.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
        ctypes.c_int,
    ]
    # The connection object's first field after the Python object header is its sqlite3*.
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    current, highest = ctypes.c_int(), ctypes.c_int()
    assert lib.sqlite3_db_status(handle, op, current, highest, int(reset)) == 0
    return current.value, highest.value


def _t(title: str, narrative: str) -> model.Testimony:
    t = model.Testimony(title=title)
    t.narrative.text = narrative
    return t


@pytest.mark.slow
def test_search_finds_free_lookaside_after_the_statement_cache_is_full(
    session: VaultSession,
) -> None:
    texts = [
        "Müstəntiq onu zirzəmidə döydü, kamerada saxladı.",
        "Следователь держал его в камере и бил дубинкой.",
        "The officer kept him in the cell and beat him.",
    ]
    session.testimonies.create_many(
        [_t(f"Kamera {i}", texts[i % 3] + f" Gün {i}.") for i in range(60)]
    )
    db = session._vault.db  # the test reaches inside on purpose
    # A long session prepares many statements (an import, the list, the registry); the
    # connection keeps the last 128 of them, each holding slots of the pool.
    for i in range(300):
        db.query(
            "SELECT count(*), max(v.number) FROM versions v JOIN records r"
            f" ON r.id = v.record_id WHERE r.rowid > {i} AND v.number >= {i % 5}"
        )
    used, _ = _status(db.conn, _LOOKASIDE_USED)
    assert used > 300  # the cached statements do hold slots: the test is not vacuous
    _status(db.conn, _LOOKASIDE_MISS_FULL, reset=True)
    _status(db.conn, _LOOKASIDE_HIT, reset=True)

    hits = session.testimonies.search("kamer", limit=20)

    assert len(hits) == 20
    assert _status(db.conn, _LOOKASIDE_HIT)[1] > 60  # one bm25 cursor per matching row
    assert _status(db.conn, _LOOKASIDE_MISS_FULL)[1] == 0


_LOCKED_CHILD = """
import secrets, sys
from pathlib import Path
from testimony_app.storage import database

def locked_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmLck:"):
            return int(line.split()[1])

database.check_library()
before = locked_kib()
db = database.connect(Path(sys.argv[1]), secrets.token_bytes(32), create=True)
opened = locked_kib()
db.close()
print(before, opened, locked_kib())
"""


def _can_lock(kib: int) -> bool:
    import os
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_MEMLOCK)
    return os.geteuid() == 0 or soft == resource.RLIM_INFINITY or soft >= kib * 1024


@pytest.mark.slow
def test_the_first_vault_connection_of_a_process_has_its_lookaside_locked(
    tmp_path: Path,
) -> None:
    """Memory security is process-wide and was first asked for by the vault's connection,
    after that connection had taken its lookaside block (and its key) unlocked; the library
    check now turns it on first. A fresh process, because this one turned it on long ago."""
    import subprocess

    block_kib = database.LOOKASIDE_SLOT_BYTES * database.LOOKASIDE_SLOTS // 1024
    if not _can_lock(4 * block_kib):
        pytest.skip("this account may not lock that much memory (RLIMIT_MEMLOCK)")
    out = subprocess.run(
        [sys.executable, "-c", _LOCKED_CHILD, str(tmp_path / "vault.db")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    before, opened, closed = (int(n) for n in out)
    assert opened - before >= block_kib  # the block (and the key with it) is locked
    assert closed <= before + 64  # and unlocked (after its wipe) when the connection closes
