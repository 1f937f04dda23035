"""Attachments taken off a draft ("Remove from this draft") and described after they arrived.

A file attached by mistake must leave the laptop; a sealed version's attachments must stay
for its statement and bundles. Both are checked against the real vault: its rows, its
attachment files on disk, its audit chain, the sealed versions and the statement PDF.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from types import ModuleType

import pytest
from pypdf import PdfReader

from testimony_app.errors import RecordSealed, UserFacingError
from testimony_app.services.vault import VaultSession
from testimony_app.storage.blobs import BlobStore


@pytest.fixture
def record(session: VaultSession, kit: ModuleType) -> str:
    return session.testimonies.create(kit.sample_testimony())


def _attach(session: VaultSession, record: str, path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return session.testimonies.add_attachment(record, path).id


def _files(session: VaultSession) -> set[str]:
    folder = BlobStore.beside(session._vault.db.path).folder
    return {p.name for p in folder.rglob("*") if p.is_file()}


def _stored_draft(session: VaultSession, record: str) -> str:
    return str(
        session._vault.db.scalar(
            "SELECT v.content FROM versions v JOIN records r ON r.id = v.record_id"
            " AND v.number = r.current WHERE r.id = ?",
            (record,),
        )
    )


def test_an_attachment_only_the_draft_has_is_deleted_with_its_file(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    keep = _attach(session, record, tmp_path / "arayış.pdf", b"%PDF-1.4 " + os.urandom(4000))
    files_before = _files(session)
    wrong = _attach(session, record, tmp_path / "başqa şahid — чужой.jpg", os.urandom(9000))
    wrong_info = session.testimonies.attachment_info(wrong)
    added_files = _files(session) - files_before
    assert len(added_files) == 1
    session.testimonies.save_draft(record, session.testimonies.get(record))
    assert "başqa şahid" in _stored_draft(session, record)

    assert session.testimonies.remove_attachment(record, wrong) is True

    assert [a.id for a in session.testimonies.get(record).attachments] == [keep]
    assert _files(session) == files_before, "the file of the removed attachment is still there"
    with pytest.raises(UserFacingError):
        session.testimonies.attachment_info(wrong)
    assert "başqa şahid" not in _stored_draft(session, record)
    entry = session.testimonies.history(record)[-2]  # then the draft saved without it
    assert entry.action == "attachment-removed"
    assert entry.payload_sha256 == wrong_info.sha256
    assert session.check().ok
    with pytest.raises(UserFacingError):  # once only
        session.testimonies.remove_attachment(record, wrong)


def test_a_sealed_versions_attachment_stays_for_it_and_leaves_later_drafts(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    data = b"\xff\xd8\xff" + os.urandom(6000)
    photo = _attach(session, record, tmp_path / "zədə.jpg", data)
    session.testimonies.seal(record, backup=False)
    with pytest.raises(RecordSealed):
        session.testimonies.remove_attachment(record, photo)

    session.testimonies.begin_amendment(record, "Şəkil başqa şahidə aiddir")
    assert [a.id for a in session.testimonies.get(record).attachments] == [photo]
    files = _files(session)
    assert session.testimonies.remove_attachment(record, photo) is False

    assert session.testimonies.get(record).attachments == []
    assert [a.id for a in session.testimonies.get(record, 1).attachments] == [photo]
    assert session.testimonies.read_attachment(photo) == data  # version 1 still has it
    assert _files(session) == files
    session.testimonies.seal(record, backup=False)
    assert session.testimonies.get(record, 2).attachments == []
    session.testimonies.begin_amendment(record, "Tarix düzəldildi")
    assert session.testimonies.get(record).attachments == [], "a removed attachment came back"
    assert session.check().ok
    actions = [e.action for e in session.testimonies.history(record)]
    assert "attachment-removed" in actions


def test_an_attachment_of_another_record_is_not_removed(
    session: VaultSession, record: str, kit: ModuleType, tmp_path: Path
) -> None:
    other = session.testimonies.create(kit.sample_testimony("2"))
    photo = _attach(session, other, tmp_path / "a.png", os.urandom(100))
    with pytest.raises(UserFacingError):
        session.testimonies.remove_attachment(record, photo)
    assert [a.id for a in session.testimonies.get(other).attachments] == [photo]


def test_a_description_and_kind_reach_the_annex_list(
    session: VaultSession, record: str, tmp_path: Path
) -> None:
    photo = _attach(session, record, tmp_path / "IMG_0412.jpg", os.urandom(3000))
    session.testimonies.describe_attachment(
        photo, description="Sol qolda göyərmə, 2017-06-12", kind="medical_report"
    )
    listed = session.testimonies.get(record).attachments
    assert listed[0].description == "Sol qolda göyərmə, 2017-06-12"
    assert listed[0].kind == "medical_report"
    session.testimonies.seal(record, backup=False)
    pdf = session.statements.build(record, language="az")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Sol qolda göyərmə" in " ".join(text.split())
    with pytest.raises(UserFacingError):
        session.testimonies.describe_attachment(photo, description="x", kind="no-such-kind")
