"""The record lifecycle: drafts, sealing, amendments, the triggers and the audit chain."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.domain import interchange
from testimony_app.domain.model import Status
from testimony_app.errors import ConsentMissing, InvalidRecord, RecordNotFound, RecordSealed
from testimony_app.services.vault import VaultSession
from testimony_app.storage import database

pytestmark = pytest.mark.slow  # each test seals, amends or checks a real vault (about 1 s)


def _db(session: VaultSession) -> database.Database:
    return session._vault.db


def test_draft_round_trips_every_field(session: VaultSession, kit: ModuleType) -> None:
    original = kit.sample_testimony("round")
    rid = session.testimonies.create(original)
    back = session.testimonies.get(rid)
    assert interchange.to_dict(back) == interchange.to_dict(original)
    assert back.narrative.paragraphs[1].startswith("Orada məni elektrik")
    assert back.interview.persons_present[2] == kit.ARMENIAN
    assert back.acts[0].perpetrators[1].name == "Капитан Щёкин"


def test_save_draft_writes_only_on_change(session: VaultSession, kit: ModuleType) -> None:
    t = kit.sample_testimony()
    rid = session.testimonies.create(t)
    entries = len(session.testimonies.history(rid))
    session.testimonies.save_draft(rid, session.testimonies.get(rid))
    assert len(session.testimonies.history(rid)) == entries  # unchanged: nothing written
    t.narrative.text += "\n\nƏlavə: ертə səhər."
    session.testimonies.save_draft(rid, t)
    history = session.testimonies.history(rid)
    assert [e.action for e in history] == ["created", "draft-saved"]
    assert history[-1].payload_sha256 == kit.content_hash(t)
    assert session.testimonies.get(rid).narrative.text.endswith("ертə səhər.")


def test_lifecycle_seal_amend_statuses(session: VaultSession, kit: ModuleType) -> None:
    service = session.testimonies
    rid = service.create(kit.sample_testimony("life"))
    assert service.info(rid).status is Status.DRAFT
    sealed = service.seal(rid, backup=False)
    assert sealed.number == 1
    assert sealed.content_sha256 == hashlib.sha256(service.content_bytes(rid, 1)).hexdigest()
    info = service.info(rid)
    assert (info.status, info.draft, info.current) == (Status.SEALED, False, 1)

    with pytest.raises(RecordSealed):
        service.save_draft(rid, kit.sample_testimony("changed"))
    with pytest.raises(RecordSealed):
        session._vault.records.seal(rid, service.get(rid))
    with pytest.raises(InvalidRecord):
        service.begin_amendment(rid, "   ")

    number = service.begin_amendment(rid, "Şahid tarixi düzəltdi")
    assert number == 2
    assert service.info(rid).status is Status.DRAFT
    with pytest.raises(RecordSealed):
        service.begin_amendment(rid, "again")
    corrected = service.get(rid)
    corrected.interview.date = "2017-06-15"
    service.save_draft(rid, corrected)
    v2 = service.seal(rid, backup=False)
    info = service.info(rid)
    assert info.status is Status.AMENDED
    assert [v.number for v in info.versions] == [1, 2]
    assert info.versions[1].reason == "Şahid tarixi düzəltdi"
    assert service.get(rid, 1).interview.date == "2017-06-14"  # the old version is untouched
    assert service.get(rid, 2).interview.date == "2017-06-15"
    assert v2.content_sha256 != sealed.content_sha256

    store = session._vault.records
    store.set_flags(rid, exported=True, action="exported", payload_sha256="0" * 64)
    assert service.info(rid).status is Status.EXPORTED
    store.set_flags(rid, acknowledged=True, action="acknowledged", payload_sha256="0" * 64)
    assert service.info(rid).status is Status.ACKNOWLEDGED
    actions = [e.action for e in service.history(rid)]
    assert actions == ["created", "sealed", "amendment-opened", "draft-saved", "sealed",
                       "exported", "acknowledged"]
    assert session.check().ok


def test_amend_in_one_call(session: VaultSession, kit: ModuleType) -> None:
    service = session.testimonies
    rid = service.create(kit.sample_testimony())
    service.seal(rid, backup=False)
    fixed = kit.sample_testimony("düzəliş")
    version = service.amend(rid, fixed, "Ad səhv yazılmışdı")
    assert version.number == 2
    assert service.info(rid).versions[1].reason == "Ad səhv yazılmışdı"
    assert service.get(rid).title.endswith("düzəliş")


def test_seal_requires_consent(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony(consent=False))
    with pytest.raises(ConsentMissing):
        session.testimonies.seal(rid, backup=False)
    assert session.testimonies.info(rid).status is Status.DRAFT


def test_sealed_rows_refuse_raw_sql(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    session.testimonies.seal(rid, backup=False)
    conn = _db(session).conn
    for sql in (
        "UPDATE versions SET content = '{}' WHERE record_id = ?",
        "UPDATE versions SET sealed = 0 WHERE record_id = ?",
        "DELETE FROM versions WHERE record_id = ?",
    ):
        with pytest.raises(database.IntegrityError, match="sealed version"):
            conn.execute(sql, (rid,))
    with pytest.raises(database.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit")
    with pytest.raises(database.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit SET at = 'x'")
    assert session.check().ok


def test_completed_attachment_hash_cannot_change(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    src = tmp_path / "şəkil.jpg"
    src.write_bytes(b"\xff\xd8" + b"x" * 1000)
    info = session.testimonies.add_attachment(rid, src)
    with pytest.raises(database.IntegrityError):
        _db(session).conn.execute("UPDATE attachments SET sha256 = 'x' WHERE id = ?", (info.id,))


def test_audit_chain_detects_an_edited_entry(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    session.testimonies.seal(rid, backup=False)
    assert session.check().ok
    conn = _db(session).conn
    conn.execute("DROP TRIGGER audit_append_only_update")
    conn.execute("UPDATE audit SET action = 'draft-saved' WHERE action = 'sealed'")
    problems = session.check().problems
    assert any("altered" in str(p) for p in problems), problems


def test_audit_chain_detects_a_removed_entry(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    session.testimonies.save_draft(rid, kit.sample_testimony("v2"))
    conn = _db(session).conn
    conn.execute("DROP TRIGGER audit_append_only_delete")
    conn.execute("DELETE FROM audit WHERE action = 'created'")
    problems = session.check().problems
    assert any("sequence" in str(p) or "link" in str(p) for p in problems), problems


def test_check_detects_an_edited_sealed_version(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    session.testimonies.seal(rid, backup=False)
    conn = _db(session).conn
    conn.execute("DROP TRIGGER versions_sealed_immutable")
    content = session.testimonies.content_bytes(rid, 1).decode().replace("Nemət", "Nemat")
    conn.execute("UPDATE versions SET content = ? WHERE record_id = ?", (content, rid))
    problems = session.check().problems
    assert any("no longer matches its hash" in str(p) for p in problems), problems


def test_list_and_summary(session: VaultSession, kit: ModuleType) -> None:
    a = kit.sample_testimony("a")
    b = kit.sample_testimony("b")
    b.interview.date = "2018-01-02"
    b.witness.pseudonym = ""
    ra = session.testimonies.create(a)
    rb = session.testimonies.create(b)
    rows = session.testimonies.list()
    assert [r.id for r in rows] == [rb, ra]  # newest interview first
    assert rows[0].witness_label == "N. M."  # initials when no pseudonym
    assert rows[1].witness_label == "Şahid-Ə7"
    assert rows[1].methods == ("electric_shock", "falanga")
    assert rows[1].fictional is True


def test_resolve_prefix_and_unknown(session: VaultSession, kit: ModuleType) -> None:
    rid = session.testimonies.create(kit.sample_testimony())
    assert session.testimonies.resolve(rid[:8]) == rid
    with pytest.raises(RecordNotFound):
        session.testimonies.resolve("ffff-no-such")
    with pytest.raises(RecordNotFound):
        session.testimonies.get("00000000-0000-0000-0000-000000000000")
