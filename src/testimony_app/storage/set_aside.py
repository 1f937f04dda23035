"""Whether a database a restore set aside holds testimony the live vault does not.

A restore never deletes the database it replaces; it keeps it as ``vault.db.damaged-<stamp>``.
A purge later removes older copies of what it purged, and used to delete those files without
looking (security review F-6: a window still open during a restore had saved a draft into the
set-aside file, and the next purge destroyed it). Before deleting one, the purge asks
:func:`holds_more`: anything in it that the live vault neither holds nor deliberately purged
keeps the file, and the person is told.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from testimony_app.errors import UserFacingError
from testimony_app.log import get_logger
from testimony_app.storage import database

log = get_logger("storage.set_aside")


def _contents(db: database.Database, *, live: bool) -> tuple[set[str], set[str]]:
    """SHA-256 of every version's content and of every stored attachment.

    For the live vault a purged version counts as held by its sealed hash, and a purged
    attachment by its hash: the organisation acknowledged them, and the purge meant them gone.
    """
    versions: set[str] = set()
    rows = db.query("SELECT content, content_sha256, purged FROM versions")
    for content, sealed_hash, purged in rows:
        if content:
            versions.add(hashlib.sha256(str(content).encode("utf-8")).hexdigest())
        elif live and purged and sealed_hash:
            versions.add(str(sealed_hash))
    condition = "complete = 1" if live else "complete = 1 AND purged = 0"
    files = {str(r[0]) for r in db.query(f"SELECT sha256 FROM attachments WHERE {condition}")}
    return versions, files


def holds_more(aside: Path, live: database.Database, dek: bytes | bytearray) -> bool:
    """True when ``aside`` holds a version or attachment ``live`` lacks, or cannot be read.

    A file that cannot be opened or read is kept: what it holds cannot be known, so it is
    treated as holding something.
    """
    try:
        other = database.connect(aside, dek)
    except (UserFacingError, OSError):
        log.warning("a set-aside database cannot be read; it is kept")
        return True
    try:
        their_versions, their_files = _contents(other, live=False)
        our_versions, our_files = _contents(live, live=True)
    except (UserFacingError, database.Error):
        # An old schema without these columns, or a damaged file: keep it.
        return True
    finally:
        other.close()
    return bool(their_versions - our_versions or their_files - our_files)
