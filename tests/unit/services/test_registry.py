"""The registry on a real vault: suggestions, links, merge and undo, corroboration."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.mark.slow
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


@pytest.mark.slow
def test_rejected_entry_is_not_suggested_again(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "Elçin Həsənov", "kapitan", "2017-05-18", []))
    b = vault.testimonies.create(_testimony("C D", "Гасанов", "капитан", "2017-05-19", []))
    entry = vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True).entry_id
    link = vault.registry.link(b, "acts[0].perpetrators[0]", entry, status="suggested")
    vault.registry.reject(link.id)
    assert _person_suggestion(vault, b) == []
    vault.registry.unlink(link.id)
    assert _person_suggestion(vault, b) == [entry]


@pytest.mark.slow
def test_hard_negative_is_never_a_strong_suggestion(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "Rauf Məmmədov", "", "2017-05-18", []))
    b = vault.testimonies.create(_testimony("C D", "Rauf Məhəmmədov", "", "2017-05-19", []))
    vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True)
    (found,) = (s for s in vault.registry.suggestions(b) if s.mention.kind == "person")
    # At most a weak suggestion for a person to reject, never a strong one.
    assert all(s.score < 0.8 for s in found.suggestions)


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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


# -- the entry list's numbers, in one read ----------------------------------------------------


def _counts_one_by_one(vault: VaultSession) -> dict[str, int]:
    """What the entry list showed before ``testimony_counts``: ``show`` per entry."""
    return {
        e.id: len({link.record_id for link in vault.registry.show(e.id).links
                   if link.status == "confirmed"})
        for e in vault.registry.list_entries()
    }


@pytest.mark.slow
def test_testimony_counts_equal_the_per_entry_count(
    vault: VaultSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def record(perps: list[str]) -> str:
        t = _testimony("A B", perps[0], "kapitan", "2017-05-18", ["falanga"])
        t.acts[0].perpetrators += [Perpetrator(name=p) for p in perps[1:]]
        t.sensitive_names = ["Elçin Həsənov"]
        return vault.testimonies.create(t)

    reg = vault.registry
    a = record(["Elçin Həsənov", "Rauf Məmmədov"])
    b = record(["Гасанов", "Рауф Мамедов"])
    c = record(["Hasanov", "Mammadov"])
    d = record(["Hüseynov", "X"])
    p0, p1 = "acts[0].perpetrators[0]", "acts[0].perpetrators[1]"
    hasanov = reg.link(a, p0, new_entry=True).entry_id
    reg.link(a, "sensitive_names[0]", hasanov)  # a second mention, the same record: one
    reg.link(b, p0, hasanov)
    reg.link(c, p0, hasanov, status="suggested")  # not counted until confirmed
    reg.reject(reg.link(d, p0, hasanov, status="suggested").id)
    mammadov = reg.link(a, p1, new_entry=True).entry_id
    reg.link(b, p1, mammadov)
    # A second entry for the same man, merged into the first: its links move, except the
    # one whose mention the target already has (it stays hidden with the merged entry).
    twin = reg.link(c, p1, new_entry=True).entry_id
    reg.link(b, p1, twin)
    reg.link(d, p1, twin)
    reg.merge(twin, mammadov)
    # A merge undone: both entries are back, each with its own links.
    huseynov = reg.link(d, p0, new_entry=True).entry_id
    other = reg.link(c, "acts[0].perpetrators[0].unit", new_entry=True).entry_id
    reg.link(d, "acts[0].perpetrators[0].unit", other)
    unit = reg.link(a, "acts[0].perpetrators[0].unit", new_entry=True).entry_id
    undone = reg.merge(other, unit)
    reg.undo_merge(undone.id)
    reg.reject(reg.link(b, "acts[0].perpetrators[0].unit", unit).id)
    empty = reg.create_entry("place", "Tərtər").id

    queries: list[str] = []
    db = vault._vault.db
    original = db.query

    def spy(sql: str, *args: Any) -> Any:
        queries.append(sql)
        return original(sql, *args)

    monkeypatch.setattr(db, "query", spy)
    counts = reg.testimony_counts()
    assert len(queries) == 1
    monkeypatch.undo()

    assert counts == _counts_one_by_one(vault)
    assert counts[hasanov] == 2
    assert counts[mammadov] == 4  # a, b, and the moved links of c and d
    assert counts[huseynov] == 1
    assert counts[other] == 2
    assert counts[unit] == 1
    assert counts[empty] == 0
    assert twin not in counts  # merged away: not a live entry


# -- the period, checked by the service itself -------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("date_from", "date_to", "words"),
    [
        ("2017-5", "", "YYYY-MM"),
        ("", "2017-13", "YYYY-MM"),
        ("2017-02-30", "", "YYYY-MM"),
        ("май 2017", "", "YYYY-MM"),
        ("２０１７", "", "YYYY-MM"),
        ("2018", "2017-12-31", "after its end"),
        ("2017-06", "2017-05-31", "after its end"),
    ],
)
def test_corroborate_refuses_a_period_it_cannot_read(
    vault: VaultSession, date_from: str, date_to: str, words: str
) -> None:
    a = vault.testimonies.create(_testimony("A B", "Elçin Həsənov", "kapitan", "2017-05-18", []))
    entry = vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True).entry_id
    for call in (vault.registry.corroborate, vault.registry.report):
        with pytest.raises(UserFacingError, match=words) as raised:
            call(entry, date_from=date_from, date_to=date_to)
        message = str(raised.value)
        assert message.endswith(".")
        assert message.count(". ") == 0  # one sentence
        assert all(typed not in message for typed in (date_from, date_to) if typed)


@pytest.mark.slow
def test_corroborate_reads_a_valid_period_as_the_gui_does(vault: VaultSession) -> None:
    a = vault.testimonies.create(_testimony("A B", "Elçin Həsənov", "kapitan", "2017-05-18", []))
    entry = vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True).entry_id
    for date_from, date_to, found in [
        ("2017", "2017-05", 1),
        (" 2017-05-18 ", "", 1),  # spaces around a date are no error
        ("", "2017-05-17", 0),
        ("2017-05-19", "2017-05-19", 0),
        ("2017-05", "2017-05", 1),
    ]:
        result = vault.registry.corroborate(entry, date_from=date_from, date_to=date_to)
        assert len(result.items) == found, (date_from, date_to)
        assert result.date_from == date_from.strip()


# -- a perpetrator with no name ---------------------------------------------------------------


@pytest.mark.slow
def test_an_unnamed_perpetrator_is_the_shared_token(vault: VaultSession) -> None:
    from testimony_app.domain.matching import NOT_NAMED

    t = _testimony("A B", "Elçin Həsənov", "kapitan", "2017-05-18", ["falanga"])
    t.acts[0].perpetrators.append(Perpetrator(name="", rank="", unit="Q-903"))
    a = vault.testimonies.create(t)
    entry = vault.registry.link(a, "acts[0].perpetrators[0]", new_entry=True).entry_id
    result = vault.registry.corroborate(entry)
    (act,) = result.timeline
    assert act.perpetrators == ("kapitan Elçin Həsənov", NOT_NAMED)
    assert result.matrix[NOT_NAMED] == {"falanga": 1}
    assert result.matrix["Elçin Həsənov"] == {"falanga": 1}
