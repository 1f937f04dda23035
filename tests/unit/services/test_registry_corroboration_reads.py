"""Corroboration reads its testimonies in a fixed number of queries (issue 19).

An entry at the organisation is named in thousands of testimonies; corroboration read each
record, its version list and its links with a query apiece. Now it reads them in one query
each, whatever their number, and the result is what the per-record reads gave: the linked
version's content (not the newest), the sealed hash of a sealed version, the canonical hash of
a draft.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange, model
from testimony_app.domain.model import Act, Consent, Perpetrator, Witness
from testimony_app.errors import RecordNotFound
from testimony_app.services.vault import VaultSession, create_vault

PW = "corroboration reads passphrase"
PATH = "acts[0].perpetrators[0]"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[VaultSession]:
    s = create_vault(tmp_path / "vault", PW, kdf="test")
    yield s
    s.lock()


def _testimony(witness: str, text: str = "Məmmədov vurdu.") -> model.Testimony:
    return model.Testimony(
        title="t",
        fictional=True,
        witness=Witness(name=witness),
        consent=Consent(
            legal_proceedings=True,
            name_may_appear=True,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
        ),
        acts=[
            Act(
                date="2017-03-02",
                place="Q-903 hərbi hissəsi, Tərtər",
                methods=["beating"],
                description=text,
                perpetrators=[Perpetrator(name="Elçin Məmmədov", rank="kapitan")],
            )
        ],
    )


def _linked(vault: VaultSession, witnesses: list[str]) -> tuple[str, list[str]]:
    ids = [vault.testimonies.create(_testimony(w)) for w in witnesses]
    entry = vault.registry.link(ids[0], PATH, new_entry=True).entry_id
    for record_id in ids[1:]:
        vault.registry.link(record_id, PATH, entry)
    return entry, ids


def _statements(vault: VaultSession, entry: str) -> int:
    seen: list[str] = []
    conn = vault._vault.db.conn
    conn.set_trace_callback(seen.append)
    try:
        vault.registry.corroborate(entry)
    finally:
        conn.set_trace_callback(None)
    return len(seen)


def test_the_queries_do_not_grow_with_the_testimonies(vault: VaultSession) -> None:
    few, _ = _linked(vault, ["Аяз Гасанов", "Leyla Əliyeva"])
    many, _ = _linked(vault, [f"Şahid {i}" for i in range(12)])
    assert len(vault.registry.corroborate(many).items) == 12
    assert _statements(vault, many) == _statements(vault, few)
    assert _statements(vault, many) < 12


@pytest.mark.slow  # two seals and an amendment
def test_sealed_draft_and_amended_versions_read_as_before(vault: VaultSession) -> None:
    entry, (sealed, draft, amended) = _linked(vault, ["Аяз Гасанов", "Leyla Əliyeva", "Rəşad"])
    vault.testimonies.seal(sealed, backup=False)
    vault.testimonies.seal(amended, backup=False)
    vault.testimonies.begin_amendment(amended, "düzəliş")
    vault.testimonies.amend(amended, _testimony("Rəşad", "Başqa mətn."), "düzəliş")
    found = {i.record_id: i for i in vault.registry.corroborate(entry).items}
    sealed_info = vault.testimonies.info(sealed)
    assert found[sealed].sealed
    assert found[sealed].content_sha256 == sealed_info.versions[0].content_sha256
    assert not found[draft].sealed
    draft_content = vault.testimonies.get(draft)
    assert found[draft].content_sha256 == sha256_hex(interchange.canonical_bytes(draft_content))
    # The link was made on the first version of the amended record: that version is cited.
    assert found[amended].version == 1
    assert found[amended].excerpt == "Məmmədov vurdu."
    assert found[amended].sealed


def test_batched_reads_match_the_single_ones(vault: VaultSession) -> None:
    _, ids = _linked(vault, ["Аяз Гасанов", "Leyla Əliyeva", "Rəşad"])
    records = vault._vault.records
    read = records.versions_of([(i, 1) for i in ids] + [(ids[0], 1)])  # a pair twice
    assert sorted(read) == sorted((i, 1) for i in ids)
    for record_id in ids:
        testimony, sealed, digest = read[(record_id, 1)]
        assert testimony == records.get(record_id, 1)
        assert (sealed, digest) == (False, "")
    with pytest.raises(RecordNotFound):
        records.versions_of([(ids[0], 1), (ids[1], 7)])
    store = vault.registry._store
    together = store.links_of_records([*ids, "no-such-record"])
    assert together == {i: store.links_of_record(i) for i in ids}
