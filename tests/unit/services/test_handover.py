"""High-risk mode (issue 20): the setting, hand-over, the outbox and its release by a receipt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from testimony_app.domain.model import Status
from testimony_app.errors import UserFacingError
from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession
from testimony_app.storage.records import ContentPurged
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)

pytestmark = pytest.mark.slow  # each test writes a bundle (1-3 s)

AUDIO = "Səs-yazısı-Щёкин-".encode() * 4000


@pytest.fixture
def laptop(tmp_path: Path):  # type: ignore[no-untyped-def]
    org = S.org_keys(tmp_path)
    session = S.new_vault(tmp_path / "laptop")
    S.enrol(session, org)
    yield session, org
    if session.is_open:
        session.lock()


def _code(caught: pytest.ExceptionInfo[UserFacingError]) -> str:
    S.one_sentence(str(caught.value))
    return caught.value.code


def test_the_setting_needs_an_enrolled_organisation_and_a_delay_of_at_most_a_day(
    tmp_path: Path,
) -> None:
    session = S.new_vault(tmp_path / "alone")
    try:
        assert not session.handover.setting().enabled
        with pytest.raises(UserFacingError) as caught:
            session.handover.set_mode(True)
        assert _code(caught) == "handover.needs_enrolment"
        S.enrol(session, S.org_keys(tmp_path))
        with pytest.raises(UserFacingError) as caught:
            session.handover.set_mode(True, 25)
        assert _code(caught) == "handover.delay_out_of_range"
        assert session.handover.set_mode(True, 24).delay_hours == 24
        assert session.handover.setting().enabled
        session.handover.set_mode(False)
        assert session.handover.setting() == type(session.handover.setting())(False, 24)
        actions = [e.action for e in session.testimonies.history("")]
        assert actions[-2:] == ["high-risk-on", "high-risk-off"]
    finally:
        session.lock()


def test_hand_over_is_refused_with_one_sentence_and_changes_nothing(laptop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session, _ = laptop
    sealed = S.sealed(session, S.azerbaijani("sealed"))
    with pytest.raises(UserFacingError) as caught:
        session.handover.hand_over([sealed])
    assert _code(caught) == "handover.mode_off"
    session.handover.set_mode(True)
    draft = session.testimonies.create(S.english("draft"))
    refused = S.sealed(session, S.russian("no consent", legal=False))
    before = S.table_counts(session)
    for ids, code in (
        ([draft], "handover.not_sealed"),
        ([sealed, refused], "handover.no_consent"),
    ):
        with pytest.raises(UserFacingError) as caught:
            session.handover.hand_over(ids)
        assert _code(caught) == code
    assert S.table_counts(session) == before
    assert not list((session.path / "outbox").glob("*"))
    assert session.testimonies.get(sealed).witness.name == "Nemət Məhərrəmov"
    session.handover.hand_over([sealed])
    with pytest.raises(UserFacingError) as caught:
        session.handover.hand_over([sealed])
    assert _code(caught) == "handover.already"


def test_a_handed_over_record_keeps_only_its_id_hash_pseudonym_and_date(laptop, tmp_path) -> None:  # type: ignore[no-untyped-def]
    session, _ = laptop
    session.handover.set_mode(True)
    audio = tmp_path / "səs.ogg"
    audio.write_bytes(AUDIO)
    rid = S.sealed(session, S.azerbaijani("handed"), audio)
    kept = S.sealed(session, S.english("kept"))
    mention = session.registry.mentions(rid)[0]
    entry = session.registry.create_entry(mention.kind, "Entry-Q")
    session.registry.link(rid, mention.path, entry.id)
    digest = session.testimonies.info(rid).versions[-1].content_sha256
    assert session.testimonies.search("Tərtər")

    report = session.handover.hand_over([rid])

    assert [r.record_id for r in report.records] == [rid]
    summary = next(s for s in session.testimonies.list() if s.id == rid)
    assert summary.status is Status.HANDED_OVER
    assert (summary.witness_label, summary.interview_date) == ("Şahid-Ə7", "2017-06-14")
    assert (summary.witness_name, summary.title, summary.place, summary.methods) == ("", "", "", ())
    handover = session.handover.handover_of(rid)
    assert handover is not None
    assert (handover.version, handover.content_sha256) == (1, digest)
    assert handover.bundle_id == report.bundle_id
    with pytest.raises(ContentPurged):
        session.testimonies.get(rid)
    assert session.testimonies.attachments(rid) == []
    assert session.testimonies.search("Tərtər") == []
    assert session.handover.count_handed_over() == 1
    links = session.registry.show(entry.id).links
    assert [(link.record_id, link.mention.text) for link in links] == [(rid, "")]
    actions = [e.action for e in session.testimonies.history(rid)]
    assert actions[-2:] == ["exported", "handed-over"]
    assert session.check().ok
    assert session.testimonies.get(kept).witness.name == "Elnur Hasanli"
    assert session.handover.waiting() == [kept]


def test_records_fall_due_after_the_chosen_delay(laptop) -> None:  # type: ignore[no-untyped-def]
    session, _ = laptop
    rid = S.sealed(session, S.english("due"))
    S.sealed(session, S.russian("kept back", legal=False))  # never due: no consent to send
    assert session.handover.due() == []  # the mode is off
    session.handover.set_mode(True, 2)
    now = datetime.now(UTC)
    assert session.handover.due(now) == []
    assert session.handover.due(now + timedelta(hours=2, minutes=1)) == [rid]
    session.handover.set_mode(True, 0)
    assert session.handover.due() == [rid]
    session.handover.hand_over([rid])
    assert session.handover.due() == []
    with pytest.raises(UserFacingError) as caught:
        session.handover.hand_over_all_sealed()  # the one left cannot go
    assert _code(caught) == "handover.nothing_sealed"


def test_outbox_is_sent_to_sticks_and_leaves_only_when_a_receipt_names_it(  # type: ignore[no-untyped-def]
    laptop, tmp_path
) -> None:
    session, org = laptop
    session.handover.set_mode(True)
    rid = S.sealed(session, S.russian("cycle"))
    report = session.handover.hand_over([rid])
    entry = session.handover.outbox_entries()[0]
    inside = session.path / "outbox" / entry.file
    first, second = tmp_path / "stick-1", tmp_path / "stick-2"
    first.mkdir()
    second.mkdir()
    sent = session.handover.send_outbox(first)
    assert [(s.bundle_id, s.already_there) for s in sent] == [(report.bundle_id, False)]
    assert sent[0].path.read_bytes() == inside.read_bytes()
    assert oct(sent[0].path.stat().st_mode & 0o777) == "0o600"
    assert [s.already_there for s in session.handover.send_outbox(first)] == [True]
    session.handover.send_outbox(second)
    assert session.handover.outbox_entries()[0].sent == 3
    with pytest.raises(UserFacingError) as caught:
        session.handover.send_outbox(tmp_path / "no-such-stick")
    assert _code(caught) == "handover.no_folder"

    # The organisation imports the copy from the second stick as any bundle, and answers.
    org_vault: VaultSession = S.new_vault(tmp_path / "org")
    try:
        S.register(org_vault, session)
        organisation.import_bundle(org_vault, second / entry.file, org.paths[0])
        assert org_vault.testimonies.get(rid).witness.name == "Пётр Сидоренко"
        receipt = organisation.receipt(
            org_vault, second / entry.file, org.paths[0], org.paths[1], tmp_path / "receipt.txt"
        )
    finally:
        org_vault.lock()
    assert inside.exists()
    session.bundles.acknowledge(receipt)
    assert session.handover.outbox_entries() == []
    assert not inside.exists()
    assert session.testimonies.info(rid).status is Status.HANDED_OVER
    assert [e.action for e in session.testimonies.history("")][-1] == "outbox-released"


def test_a_witness_who_may_not_be_named_is_handed_over_redacted_after_the_doubtful_words(
    laptop: tuple[VaultSession, object],
) -> None:
    from testimony_app.domain.redaction_review import DoubtfulUnreviewed

    session, _ = laptop
    session.handover.set_mode(True)
    t = S.azerbaijani("unnamed", name_may_appear=False)
    t.narrative.text = "Nemət onda da susdu."  # "Nemət": the name, and a word ("blessing")
    rid = S.sealed(session, t)
    assert session.statements.review(rid, version=1).doubtful_kept
    before = S.table_counts(session)
    with pytest.raises(DoubtfulUnreviewed):
        session.handover.hand_over([rid])
    assert S.table_counts(session) == before
    report = session.handover.hand_over([rid], keep_doubtful=True)
    assert report.redacted == (rid,)
    assert session.testimonies.info(rid).status is Status.HANDED_OVER
