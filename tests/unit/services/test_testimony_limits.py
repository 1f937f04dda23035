"""The low findings of the security review on the testimony service: sizes, search limits,
a failed backup after a seal, and ``--delete-original`` on a file still being written."""

from __future__ import annotations

import os
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.errors import InvalidRecord
from testimony_app.services.testimonies import MAX_SEARCH_HITS, OriginalChanged
from testimony_app.services.vault import VaultSession


def test_a_draft_too_large_is_refused_and_the_last_save_kept(
    session: VaultSession, kit: ModuleType
) -> None:
    """F-12: a 100 MB narrative took 1.3 GB and its statement never finished."""
    t = kit.sample_testimony("size")
    rid = session.testimonies.create(t)
    huge = kit.sample_testimony("size")
    huge.narrative.text = "Məni döydülər. " * 200_000  # about 3.4 MB
    with pytest.raises(InvalidRecord) as info:
        session.testimonies.save_draft(rid, huge)
    assert "larger than 2 MiB" in str(info.value)
    assert session.testimonies.get(rid).narrative.text == t.narrative.text
    with pytest.raises(InvalidRecord):
        session.testimonies.create(huge)
    assert [r.id for r in session.testimonies.list()] == [rid]


def test_search_limit_is_kept_in_range(session: VaultSession, kit: ModuleType) -> None:
    """F-9: ``--limit 99999999999999999999`` overflowed SQLite's integer."""
    session.testimonies.create(kit.sample_testimony("axtarış"))
    for limit in (10**20, -(10**20), 0, MAX_SEARCH_HITS + 1):
        hits = session.testimonies.search("Tərtər", limit)
        assert len(hits) == 1


def test_a_failed_backup_after_a_seal_is_reported_not_hidden(
    session: VaultSession, kit: ModuleType
) -> None:
    """F-13: the seal stands, and the service says why no backup holds it."""
    rid = session.testimonies.create(kit.sample_testimony("backup"))
    (session.path / "backups").write_bytes(b"")  # a file where the folder must be
    version = session.testimonies.seal(rid)
    assert version.sealed
    problem = session.testimonies.backup_problem
    assert problem is not None
    assert str(problem).endswith(".")
    assert "\n" not in str(problem)
    assert session.testimonies.info(rid).versions[0].sealed
    (session.path / "backups").unlink()
    other = session.testimonies.create(kit.sample_testimony("backup 2"))
    session.testimonies.seal(other)
    assert session.testimonies.backup_problem is None
    assert len(session.backups()) == 1


def test_delete_original_refuses_a_file_that_grew_while_stored(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    """F-15: a recorder still writing the file; 10.5 MB were destroyed unstored."""
    rid = session.testimonies.create(kit.sample_testimony("qeyd"))
    source = tmp_path / "qeyd-запись.wav"
    first = os.urandom(3 * 1024 * 1024)
    source.write_bytes(first)
    more = os.urandom(500_000)
    grown = {"done": False}

    def recorder_writes_on(done: int, total: int) -> None:
        if not grown["done"]:
            with source.open("ab") as handle:  # the recorder appends while we read
                handle.write(more)
            grown["done"] = True

    with pytest.raises(OriginalChanged) as info:
        session.testimonies.add_attachment(
            rid, source, progress=recorder_writes_on, delete_original=True
        )
    assert "was not deleted" in str(info.value)
    assert source.read_bytes() == first + more  # nothing destroyed
    (stored,) = session.testimonies.attachments(rid)  # what was read is kept
    assert session.testimonies.read_attachment(stored.id) in (first, first + more)


def test_delete_original_deletes_an_unchanged_file(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    rid = session.testimonies.create(kit.sample_testimony("qeyd"))
    source = tmp_path / "şəkil.jpg"
    data = os.urandom(200_000)
    source.write_bytes(data)
    info = session.testimonies.add_attachment(rid, source, delete_original=True)
    assert not source.exists()
    assert session.testimonies.read_attachment(info.id) == data
