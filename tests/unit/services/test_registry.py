"""The registry on a real vault: suggestions, links, merge and undo, corroboration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app.domain import model
from testimony_app.domain.demo import demo_testimonies
from testimony_app.domain.model import Act, Consent, Perpetrator, Witness
from testimony_app.errors import UserFacingError
from testimony_app.services.vault import VaultSession, create_vault
from testimony_app.storage import audit

PW = "registry test passphrase"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[VaultSession]:
    s = create_vault(tmp_path / "vault", PW, kdf="test")
    yield s
    s.lock()


def _testimony(witness: str, perp: str, rank: str, date: str, methods: list[str],
               *, place: str = "Q-903 hərbi hissəsi, Tərtər", consent_name: bool = True,
               pseudonym: str = "") -> model.Testimony:
    return model.Testimony(
        title="t", fictional=True,
        witness=Witness(name=witness, pseudonym=pseudonym),
        consent=Consent(legal_proceedings=True, name_may_appear=consent_name,
                        informed_of_purpose=True, no_coercion_confirmed=True),
        acts=[Act(date=date, place=place, methods=methods,
                  description=f"{perp} beat me.",
                  perpetrators=[Perpetrator(name=perp, rank=rank, unit="Q-903")])],
    )


def _person_suggestion(vault: VaultSession, record_id: str) -> list[str]:
    for found in vault.registry.suggestions(record_id):
        if found.mention.path == "acts[0].perpetrators[0]":
            return [s.entry_id for s in found.suggestions]
    raise AssertionError("no perpetrator mention")


def test_suggest_link_confirm_and_corroborate_across_scripts(vault: VaultSession) -> None:
    az = vault.testimonies.create(_testimony("Orxan Səfərli", "Elçin Həsənov", "kapitan",
                                             "2017-05-18", ["falanga"]))
    ru = vault.testimonies.create(_testimony("Кирилл Абасов", "Гасанов", "капитан",
                                             "2017-05-21", ["falanga", "electric_shock"],
                                             place="Часть Q-903, подвал"))
    en = vault.testimonies.create(_testimony("Kirill Abasov", "Capt. Hasanov", "",
                                             "2017-05-23", ["electric_shock"],
                                             place="Unit Q-903, basement"))
    first = vault.registry.link(az, "acts[0].perpetrators[0]", new_entry=True)
    entry = first.entry_id
    assert first.status == "confirmed"
    # The Russian and English forms are suggested, not linked.
    assert _person_suggestion(vault, ru) == [entry]
    assert _person_suggestion(vault, en) == [entry]
    assert vault.registry.corroborate(entry).independent_witnesses == 1
    suggested = vault.registry.link(ru, "acts[0].perpetrators[0]", entry, status="suggested")
    assert vault.registry.corroborate(entry).independent_witnesses == 1  # not yet confirmed
    vault.registry.confirm(suggested.id)
    vault.registry.link(en, "acts[0].perpetrators[0]", entry)
    result = vault.registry.corroborate(entry)
    # Кирилл Абасов and Kirill Abasov are one witness interviewed twice.
    assert len(result.items) == 3
    assert result.independent_witnesses == 2
    assert result.matrix["Elçin Həsənov"]["falanga"] == 2
    assert result.matrix["Elçin Həsənov"]["electric_shock"] == 1
    assert {i.record_id for i in result.items} == {az, ru, en}
    assert all(len(i.content_sha256) == 64 for i in result.items)
    # Filters: a date range and a place.
    may21 = vault.registry.corroborate(entry, date_from="2017-05-20", date_to="2017-05-22")
    assert [i.record_id for i in may21.items] == [ru]
    basement = vault.registry.corroborate(entry, place="basement")
    assert [i.record_id for i in basement.items] == [en]
    # Every change is in the audit chain, and the chain still verifies.
    actions = [e.action for e in audit.entries(vault._vault.db)]
    assert "registry-entry-created" in actions
    assert "registry-link-suggested" in actions
    assert actions.count("registry-link-confirmed") == 3
    assert vault.check().ok


def test_rejected_entry_is_not_suggested_again(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "Elçin Həsənov", "kapitan", "2017-05-18", []))
    b = vault.testimonies.create(_testimony("C D", "Гасанов", "капитан", "2017-05-19", []))
    entry = vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True).entry_id
    link = vault.registry.link(b, "acts[0].perpetrators[0]", entry, status="suggested")
    vault.registry.reject(link.id)
    assert _person_suggestion(vault, b) == []
    vault.registry.unlink(link.id)
    assert _person_suggestion(vault, b) == [entry]


def test_hard_negative_is_never_a_strong_suggestion(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "Rauf Məmmədov", "", "2017-05-18", []))
    b = vault.testimonies.create(_testimony("C D", "Rauf Məhəmmədov", "", "2017-05-19", []))
    vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True)
    (found,) = (s for s in vault.registry.suggestions(b) if s.mention.kind == "person")
    # At most a weak suggestion for a person to reject, never a strong one.
    assert all(s.score < 0.8 for s in found.suggestions)


def test_merge_and_undo_restore_every_link(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "Elçin Həsənov", "kapitan", "2017-05-18",
                                            ["falanga"]))
    b = vault.testimonies.create(_testimony("C D", "Гасанов Э.", "капитан", "2017-05-19",
                                            ["falanga"]))
    one = vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True).entry_id
    two = vault.registry.link(b, "acts[0].perpetrators[0]", new_entry=True).entry_id
    assert vault.registry.corroborate(one).independent_witnesses == 1
    merge = vault.registry.merge(two, one)
    assert {e.id for e in vault.registry.list_entries()} == {one}
    assert vault.registry.corroborate(one).independent_witnesses == 2
    with pytest.raises(UserFacingError, match="merged"):
        vault.registry.merge(two, one)
    undone = vault.registry.undo_merge(merge.id)
    assert undone.undone_at
    assert {e.id for e in vault.registry.list_entries()} == {one, two}
    assert [link.record_id for link in vault.registry.show(two).links] == [b]
    assert vault.registry.corroborate(one).independent_witnesses == 1
    with pytest.raises(UserFacingError, match="already undone"):
        vault.registry.undo_merge(merge.id)
    actions = [e.action for e in audit.entries(vault._vault.db)]
    assert "registry-merged" in actions
    assert "registry-merge-undone" in actions
    assert vault.check().ok


def test_demo_testimonies_corroborate_unit_q903(vault: VaultSession) -> None:
    ids = {t.witness.name: vault.testimonies.create(t) for t in demo_testimonies()}
    az = ids["Orxan Vüqar oğlu Səfərli"]
    ru = ids["Кирилл Тимурович Абасов"]
    unit = vault.registry.link(az, "acts[0].perpetrators[0].unit", new_entry=True).entry_id
    captain = vault.registry.link(az, "acts[0].perpetrators[0]", new_entry=True).entry_id
    places = {s.mention.path: s for s in vault.registry.suggestions(ru)}
    # The unnamed "капитан" of the Russian testimony is a lead (capped score), not a match.
    lead = places["acts[0].perpetrators[0]"].suggestions
    assert [s.entry_id for s in lead] == [captain]
    assert lead[0].score <= 0.7
    vault.registry.link(ru, "acts[0].perpetrators[0]", captain)
    result = vault.registry.corroborate(captain)
    assert result.independent_witnesses == 2
    assert unit in {e.id for e in vault.registry.list_entries("unit")}


def test_user_errors_are_one_sentence(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "X Y", "", "2017-05-18", []))
    with pytest.raises(UserFacingError, match="nothing to link"):
        vault.registry.link(a, "acts[9].perpetrators[0]", new_entry=True)
    with pytest.raises(UserFacingError, match="not both"):
        vault.registry.link(a, "acts[0].perpetrators[0]")
    with pytest.raises(UserFacingError, match="No registry entry"):
        vault.registry.corroborate("ffffffff")
    place = vault.registry.create_entry("place", "Q-903")
    with pytest.raises(UserFacingError, match="person"):
        vault.registry.link(a, "acts[0].perpetrators[0]", place.id)
