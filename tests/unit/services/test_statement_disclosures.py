"""Consent governs the named statement; the redaction review is stored and rebuilds the same
bytes; both decisions are in the audit log and go when the record is purged."""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType

import pypdf
import pytest
import sqlcipher3

from testimony_app.domain.redaction_review import Choice, DoubtfulUnreviewed, ReviewChoices
from testimony_app.services.statements import NamedStatementRefused
from testimony_app.services.vault import VaultSession, unlock_vault
from testimony_app.storage import audit

pytestmark = pytest.mark.slow  # each test seals a record and builds statements (1-2.5 s)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _sealed(session: VaultSession, kit: ModuleType, *, name_may_appear: bool | None) -> str:
    t = kit.sample_testimony("disclosure")
    t.witness.name = "Azad Məmmədov"
    t.witness.pseudonym = "Şahid-7"
    t.narrative.text = ("2019-cu ildə azad olundum. Onda Azad Məmmədov adımı çəkdilər.\n\n"
                        "Kiçik qardaşım gəldi.")
    t.consent.name_may_appear = name_may_appear
    record_id = session.testimonies.create(t)
    if name_may_appear is not None:  # "not asked" cannot be sealed: its draft is printed
        session.testimonies.seal(record_id, backup=False)
    return record_id


@pytest.mark.parametrize("consent", [False, None])
def test_named_statement_needs_a_reason_when_the_name_may_not_appear(
    session: VaultSession, kit: ModuleType, tmp_path: Path, consent: bool | None
) -> None:

    record_id = _sealed(session, kit, name_may_appear=consent)
    out = tmp_path / "named.pdf"
    with pytest.raises(NamedStatementRefused):
        session.statements.save(record_id, out, language="az")
    with pytest.raises(NamedStatementRefused):
        session.statements.save(record_id, out, language="az", named_reason="   ")
    assert not out.exists()
    before = len(audit.entries(session._vault.db, record_id))
    digest = session.statements.save(record_id, out, language="az",
                                     named_reason="Məhkəmə üçün imzalanacaq nüsxə")
    assert "Azad Məmmədov" in " ".join(page_texts(out.read_bytes()))
    entries = audit.entries(session._vault.db, record_id)
    assert [e.action for e in entries[before:]] == ["named-statement"]
    assert session._vault.disclosures.count("named_statement", record_id) == 1
    assert digest


def test_named_statement_with_consent_needs_no_reason(session: VaultSession,
                                                      kit: ModuleType, tmp_path: Path) -> None:
    record_id = _sealed(session, kit, name_may_appear=True)
    session.statements.save(record_id, tmp_path / "named.pdf")
    assert session._vault.disclosures.count("named_statement", record_id) == 0


def test_review_lists_replacements_and_doubtful_words(session: VaultSession,
                                                      kit: ModuleType) -> None:
    record_id = _sealed(session, kit, name_may_appear=False)
    review = session.statements.review(record_id, language="az")
    narrative = [h for h in review.hits if h.where == "narrative.text"]
    assert [(h.text, h.replaced, h.doubtful) for h in narrative] == [
        ("azad", False, True), ("Azad Məmmədov", True, False)]
    assert review.stored
    assert review.choices.empty


def test_stored_review_rebuilds_the_same_bytes(session: VaultSession, kit: ModuleType,
                                               tmp_path: Path) -> None:
    record_id = _sealed(session, kit, name_may_appear=False)
    plain = session.statements.build(record_id, redacted=True)
    choices = ReviewChoices(keep=(Choice("Azad Məmmədov", "narrative.text", 0),),
                            hide_terms=("Kiçik",))
    first = tmp_path / "first.pdf"
    session.statements.save(record_id, first, redacted=True, review=choices)
    text = " ".join(" ".join(page_texts(first.read_bytes())).split())
    assert "Azad Məmmədov adımı" in text  # kept: the interviewer said it was a false hit
    assert "Kiçik" not in text
    assert "[redacted] qardaşım" in text
    # Later builds (window, command line, bundle) apply the stored review: the same bytes.
    again = session.statements.build(record_id, redacted=True)
    assert again == first.read_bytes() != plain
    assert session.statements.stored_review(record_id, 1) == choices
    actions = [e.action for e in audit.entries(session._vault.db, record_id)]
    assert actions.count("redaction-review") == 1
    # Saving again with the same choices stores nothing new.
    session.statements.save(record_id, tmp_path / "second.pdf", redacted=True, review=choices)
    actions = [e.action for e in audit.entries(session._vault.db, record_id)]
    assert actions.count("redaction-review") == 1


def test_the_review_survives_locking(session: VaultSession, kit: ModuleType,
                                     vault_dir: Path) -> None:
    record_id = _sealed(session, kit, name_may_appear=False)
    choices = ReviewChoices(hide=(Choice("azad"),))
    session.statements.store_review(record_id, 1, choices)
    session.lock()
    again = unlock_vault(vault_dir, kit.PASSPHRASE)
    try:
        assert again.statements.stored_review(record_id, 1) == choices
        review = again.statements.review(record_id)
        assert all(h.replaced for h in review.hits if h.text == "azad")
    finally:
        again.lock()


def test_decisions_cannot_be_rewritten_only_purged(session: VaultSession,
                                                   kit: ModuleType) -> None:
    record_id = _sealed(session, kit, name_may_appear=False)
    session.statements.store_review(record_id, 1, ReviewChoices(hide_terms=("Kiçik",)))
    db = session._vault.db
    with pytest.raises(sqlcipher3.IntegrityError, match="can only be purged"):
        db.execute("UPDATE disclosure_decisions SET body = '{}'")
    with pytest.raises(sqlcipher3.IntegrityError, match="cannot be deleted"):
        db.execute("DELETE FROM disclosure_decisions")
    db.execute("UPDATE disclosure_decisions SET body = '', purged = 1")
    assert session.statements.stored_review(record_id, 1).empty


def test_doubtful_words_nobody_reviewed_stop_a_redacted_statement(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    """When in doubt the interviewer decides: "azad olundum" ("I was released") beside a
    witness named Azad is neither printed unseen nor hidden unseen."""
    record_id = _sealed(session, kit, name_may_appear=False)
    out = tmp_path / "redacted.pdf"
    with pytest.raises(DoubtfulUnreviewed) as refused:
        session.statements.save(record_id, out, language="az", redacted=True)
    assert refused.value.count == 1
    assert refused.value.record == record_id[:8]
    assert "1 doubtful word" in str(refused.value)
    assert not out.exists()
    assert not session.statements.reviewed(record_id, 1)
    # Keeping them as written is a decision, recorded like any review.
    before = [e.action for e in audit.entries(session._vault.db, record_id)]
    session.statements.save(record_id, out, language="az", redacted=True, keep_doubtful=True)
    text = " ".join(" ".join(page_texts(out.read_bytes())).split())
    assert "azad olundum" in text
    assert "Azad Məmmədov" not in text
    after = [e.action for e in audit.entries(session._vault.db, record_id)]
    assert after[len(before):] == ["redaction-review"]
    assert session.statements.reviewed(record_id, 1)
    # Once decided, the stored review applies without asking again.
    session.statements.save(record_id, tmp_path / "again.pdf", language="az", redacted=True)
    assert (tmp_path / "again.pdf").read_bytes() == out.read_bytes()


def test_a_review_given_with_the_statement_is_the_decision(
    session: VaultSession, kit: ModuleType, tmp_path: Path
) -> None:
    record_id = _sealed(session, kit, name_may_appear=False)
    out = tmp_path / "redacted.pdf"
    session.statements.save(record_id, out, language="az", redacted=True,
                            review=ReviewChoices(hide=(Choice("azad"),)))
    assert "azad olundum" not in " ".join(" ".join(page_texts(out.read_bytes())).split())
    assert session.statements.reviewed(record_id, 1)
