"""The suggestion index is cached per vault state and never serves a stale registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app.domain import model
from testimony_app.domain.model import Act, Consent, Perpetrator, Witness
from testimony_app.services.vault import VaultSession, create_vault

pytestmark = pytest.mark.slow  # each test fills a registry through several sessions (0.5-1 s)

PW = "registry index test passphrase"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[VaultSession]:
    s = create_vault(tmp_path / "vault", PW, kdf="test")
    yield s
    s.lock()


def _testimony(perp: str) -> model.Testimony:
    return model.Testimony(
        title="t", fictional=True, witness=Witness(name="A B"),
        consent=Consent(legal_proceedings=True, informed_of_purpose=True,
                        no_coercion_confirmed=True),
        acts=[Act(date="2017-05-18", place="Q-903, Tərtər",
                  perpetrators=[Perpetrator(name=perp, rank="kapitan", unit="Q-903")])],
    )


def _person(vault: VaultSession, record_id: str) -> list[str]:
    (found,) = (s for s in vault.registry.suggestions(record_id)
                if s.mention.path == "acts[0].perpetrators[0]")
    return [s.entry_id for s in found.suggestions]


def test_index_is_reused_until_the_registry_changes(vault: VaultSession) -> None:
    record = vault.testimonies.create(_testimony("Гасанов Эльчин"))
    first = vault.registry.candidate_index()
    assert vault.registry.candidate_index() is first
    assert _person(vault, record) == []
    entry = vault.registry.create_entry("person", "Elçin Həsənov", rank="kapitan")
    assert vault.registry.candidate_index() is not first
    assert _person(vault, record) == [entry.id]
    other = vault.testimonies.create(_testimony("Elchin Hasanov"))
    link = vault.registry.link(other, "acts[0].perpetrators[0]", entry.id, status="suggested")
    vault.registry.reject(link.id)
    assert _person(vault, other) == []
    vault.registry.unlink(link.id)
    assert _person(vault, other) == [entry.id]


def test_no_other_session_can_write_behind_the_index(vault: VaultSession, tmp_path: Path) -> None:
    """The cached index trusts that only this session writes: a second one is refused."""
    from testimony_app.services.vault import unlock_vault
    from testimony_app.storage.vault_lock import VaultInUse

    vault.testimonies.create(_testimony("Гасанов Эльчин"))
    with pytest.raises(VaultInUse):
        unlock_vault(tmp_path / "vault", PW)


def test_saving_testimonies_keeps_the_index(vault: VaultSession) -> None:
    """The index depends on the registry alone: the editor's autosaves must not rebuild it."""
    draft = vault.testimonies.create(_testimony("Гасанов Эльчин"))
    entry = vault.registry.create_entry("person", "Elçin Həsənov", rank="kapitan")
    first = vault.registry.candidate_index()
    changed = _testimony("Elchin Hasanov")
    changed.consent.name_may_appear = False
    for n in range(3):
        changed.title = f"autosave {n}"
        vault.testimonies.save_draft(draft, changed)
        assert vault.registry.candidate_index() is first
    vault.testimonies.create(_testimony("Someone Else"))
    vault.testimonies.seal(draft, backup=False)
    assert vault.registry.candidate_index() is first
    # ... and what it serves is still right for the saved text.
    assert _person(vault, draft) == [entry.id]


def test_every_registry_write_rebuilds_the_index(vault: VaultSession) -> None:
    record = vault.testimonies.create(_testimony("Гасанов Эльчин"))
    other = vault.testimonies.create(_testimony("Elchin Hasanov"))
    a = vault.registry.create_entry("person", "Elçin Həsənov", rank="kapitan")
    b = vault.registry.create_entry("person", "Elchin Hasanov", rank="captain")
    seen = [vault.registry.candidate_index()]

    def rebuilt() -> None:
        index = vault.registry.candidate_index()
        assert all(index is not old for old in seen)
        assert vault.registry.candidate_index() is index
        seen.append(index)

    link = vault.registry.link(record, "acts[0].perpetrators[0]", a.id, status="suggested")
    rebuilt()
    vault.registry.confirm(link.id)
    rebuilt()
    vault.registry.link(other, "acts[0].perpetrators[0]", b.id)
    rebuilt()
    merge = vault.registry.merge(b.id, a.id)
    rebuilt()
    assert [e.id for e in vault.registry.list_entries()] == [a.id]
    vault.registry.undo_merge(merge.id)
    rebuilt()
    assert {e.id for e in vault.registry.list_entries()} == {a.id, b.id}
    vault.registry.reject(link.id)
    rebuilt()
    vault.registry.unlink(link.id)
    rebuilt()


def test_nothing_read_inside_a_transaction_is_cached(vault: VaultSession) -> None:
    """A write inside an open transaction may roll back and the counter with it; the next
    committed write would then reuse the number, so nothing read there may be kept."""
    first = vault.registry.candidate_index()
    db = vault._vault.db
    with db.transaction():
        inside = vault.registry.candidate_index()
        assert inside is not first
        assert vault.registry.candidate_index() is not inside
    after = vault.registry.candidate_index()
    assert after is not inside
    assert vault.registry.candidate_index() is after
