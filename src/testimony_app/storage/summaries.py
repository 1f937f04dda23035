"""The list of testimonies: one summary per record, read from the records' own columns.

The list view reads denormalised summary columns of ``records`` rather than parsing every
record's JSON. At the organisation's 100,000 testimonies every step here counts (issue 19,
docs/performance.md): the join order, the status worked out by SQLite, the summaries made in
C calls, no garbage collection while they are made, and the window's first screenful read on
its own before the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

from testimony_app import gc_pause
from testimony_app.domain.model import Status, TestimonySummary
from testimony_app.storage.database import Database

# A record's status, worked out by SQLite as the rows are read (the same rules as
# ``records._status``): one column instead of five for each of 100,000 rows. The words are
# ``Status`` values (``_STATUS_OF`` maps them back; tests/unit/storage/test_records_list.py).
_STATUS_SQL = (
    "CASE WHEN EXISTS (SELECT 1 FROM handovers h WHERE h.record_id = r.id) THEN 'handed_over'"
    " WHEN v.sealed = 0 THEN 'draft'"
    " WHEN r.acknowledged != 0 THEN 'acknowledged'"
    " WHEN r.exported != 0 THEN 'exported'"
    " WHEN r.current > 1 THEN 'amended'"
    " ELSE 'sealed' END"
)

#: TestimonySummary's fields, in its order (:func:`summaries_of` relies on it), for rows of
#: ``records r`` joined to their current version ``versions v``.
SUMMARY_COLUMNS = (
    "r.id, " + _STATUS_SQL + ", r.current, r.interview_date, r.place, r.language,"
    " r.witness_label, r.witness_name, r.title, r.methods, r.updated_at, r.fictional"
)

# Every record with its current version. The records are read in their table's order and
# each one's version looked up in the small covering index (it stays in the page cache).
# Left to itself SQLite did the opposite: it walked the index and looked each record up by
# id, and at 100,000 records (30 MB of rows, more than the page cache) almost every lookup
# read and decrypted a page again: 2.6 s instead of 0.3-0.4 s.
_EVERY_RECORD = (
    "FROM records r CROSS JOIN versions v INDEXED BY versions_sealed"
    " ON v.record_id = r.id AND v.number = r.current"
)

_UPDATED, _INTERVIEWED = itemgetter(10), itemgetter(3)  # both NOT NULL
_STATUS_OF = {s.value: s for s in Status}


def _undated(row: Any) -> bool:
    return not row[3]


def summaries_of(rows: Iterable[Any]) -> list[TestimonySummary]:
    """Summaries of rows of :data:`SUMMARY_COLUMNS`.

    Made with ``tuple.__new__`` from the row's values in field order, every step a C call:
    about 1 µs a row, where keyword construction of a frozen dataclass and a Python status
    function cost 3.4.
    """
    new, summary, status_of, split = tuple.__new__, TestimonySummary, _STATUS_OF, str.split
    return [
        new(
            summary,
            (
                row[0],
                status_of[row[1]],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                tuple(filter(None, split(row[9], ","))),  # "" → (), no empty codes
                row[10],
                bool(row[11]),
            ),
        )
        for row in rows
    ]


def summary_of(row: Any) -> TestimonySummary:
    """The summary of one row of :data:`SUMMARY_COLUMNS`."""
    return summaries_of((row,))[0]


def _let_go(rows: list[Any]) -> None:
    """Free the rows a slice at a time: freeing 100,000 in one go is a C loop that keeps every
    other thread, the window's included, waiting for Python's lock for 40-100 ms; between the
    slices the lock can pass (issue 19)."""
    while rows:
        del rows[-8192:]


def every_summary(db: Database) -> list[TestimonySummary]:
    """Every record, newest interview first (then the newest update).

    Sorted here, not by ``ORDER BY``: SQLite's sort of the rows (a temporary B-tree, its
    allocations through SQLCipher's wiping allocator) cost more than the query itself,
    14 against 6 ms for 2,000 testimonies. Python sorts the same rows, in the same code-point
    order (UTF-8 byte order), in two stable passes by one column each (a key of two columns
    made a tuple per row: 3x slower).
    """
    with gc_pause.paused():  # 300,000 new tuples: see gc_pause
        rows = db.query(f"SELECT {SUMMARY_COLUMNS} {_EVERY_RECORD}")
        rows.sort(key=_UPDATED, reverse=True)
        rows.sort(key=_INTERVIEWED, reverse=True)
        every = summaries_of(rows)
        _let_go(rows)  # before the collector runs again: it would walk 100,000 rows
    return every


def first_screen(db: Database, limit: int) -> tuple[list[TestimonySummary], int]:
    """The ``limit`` records the window's list shows first, and how many records there are.

    The window's first order is the interview date, newest first, with undated records
    before them (as its date column sorts), the newest update first among equals. At 100,000
    testimonies the whole list takes about half a second to read; these rows take one scan
    of the records' dates (40 ms), so the window shows them at once and the rest when it
    comes (``ui/list_loading.py``).
    """
    with db.lock:  # nothing is written between the rows and the count
        rows = db.query(
            f"SELECT {SUMMARY_COLUMNS} FROM (SELECT id FROM records"
            " ORDER BY interview_date != '', interview_date DESC, updated_at DESC"
            " LIMIT ?) AS first JOIN records r ON r.id = first.id JOIN versions v"
            " ON v.record_id = r.id AND v.number = r.current",
            (max(0, int(limit)),),
        )
        total = int(db.scalar("SELECT count(*) FROM records"))
    rows.sort(key=_UPDATED, reverse=True)
    rows.sort(key=_INTERVIEWED, reverse=True)
    rows.sort(key=_undated, reverse=True)
    return summaries_of(rows), total
