"""The organisation's side: verify, import from several interviewers, merge, search."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app.services import organisation
from testimony_app.services.vault import VaultSession, unlock_vault
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)

pytestmark = pytest.mark.slow  # several devices export into one vault in each test (1.5-3 s)


@pytest.fixture
def org(tmp_path: Path) -> organisation.OrgKeygenResult:
    """The organisation's keys."""
    return S.org_keys(tmp_path)


@pytest.fixture
def org_vault(tmp_path: Path) -> Iterator[VaultSession]:
    """The organisation's own vault."""
    session = S.new_vault(tmp_path / "org-vault")
    yield session
    session.lock()


def _interviewer(
    root: Path,
    org: organisation.OrgKeygenResult,
    name: str,
    org_vault: VaultSession | None = None,
) -> VaultSession:
    """A laptop that enrolled the organisation (and that the organisation registered)."""
    session = S.new_vault(root / name)
    S.enrol(session, org)
    if org_vault is not None:
        S.register(org_vault, session, name)
    return session


def test_three_interviewers_into_one_vault_then_search_across_them(
    tmp_path: Path, org: organisation.OrgKeygenResult, org_vault: VaultSession
) -> None:
    makers = {"az": S.azerbaijani, "ru": S.russian, "en": S.english}
    devices: dict[str, VaultSession] = {}
    records: dict[str, str] = {}
    bundles: dict[str, Path] = {}
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8" + b"jpeg" * 50_000)
    try:
        for language, make in makers.items():
            device = devices[language] = _interviewer(
                tmp_path, org, f"laptop-{language}", org_vault
            )
            extra = (photo,) if language == "az" else ()
            records[language] = S.sealed(device, make(language), *extra)
            bundles[language] = device.bundles.export(tmp_path / f"{language}.age").path

        reports = {
            language: organisation.import_bundle(org_vault, bundles[language], org.paths[0])
            for language in makers
        }
        for language, report in reports.items():
            assert report.changed
            assert report.device_first_seen
            assert [(v.record_id, v.version, v.outcome) for v in report.versions] == [
                (records[language], 1, "added")
            ]
            assert report.device_id == devices[language].meta("device_id")
            assert report.device_fingerprint == devices[language].bundles.device_fingerprint()
            assert report.warnings == ()
        assert reports["az"].attachments_added == 1

        # Search across the three: each found by its own words, however typed.
        expectations = {
            "meherremov": "az",
            "Qırmızı divarlı": "az",
            "подвале": "ru",
            "ДУБИНКОЙ": "ru",
            "windowless storeroom": "en",
            "hughes": "en",
        }
        for query, language in expectations.items():
            hits = org_vault.testimonies.search(query)
            assert [h.testimony_id for h in hits] == [records[language]], query

        # Provenance: device, its key, bundle and interviewer, per version.
        for language, rid in records.items():
            (prov,) = org_vault.bundles.organisation.provenance(rid)
            assert prov.device_id == devices[language].meta("device_id")
            assert prov.device_fingerprint == devices[language].bundles.device_fingerprint()
            assert prov.bundle_id == reports[language].bundle_id
            assert prov.interviewer == org_vault.testimonies.get(rid).interview.interviewer
            assert not prov.redacted
            info = org_vault.testimonies.info(rid)
            assert info.versions[0].sealed
            assert info.versions[0].content_sha256 == (
                devices[language].testimonies.info(rid).versions[0].content_sha256
            )
            pdf = org_vault.bundles.organisation.imported_statement(rid, 1)
            assert pdf is not None
            assert pdf.startswith(b"%PDF")
        assert {
            p.interviewer
            for r in records.values()
            for p in org_vault.bundles.organisation.provenance(r)
        } == {"Gülnarə Əliyeva", "Ирина Ёлкина", "Jane Whitlock"}
        (attached,) = org_vault.testimonies.attachments(records["az"])
        assert attached.filename == "photo.jpg"
        assert org_vault.testimonies.read_attachment(attached.id) == photo.read_bytes()
        assert org_vault.check().ok, org_vault.check().problems

        # Re-importing any of them changes nothing, and says so.
        before = S.table_counts(org_vault)
        again = organisation.import_bundle(org_vault, bundles["az"], org.paths[0])
        assert not again.changed
        assert [v.outcome for v in again.versions] == ["unchanged"]
        assert again.attachments_added == 0
        assert again.attachments_already_held == 1
        assert not again.device_first_seen
        assert S.table_counts(org_vault) == before
    finally:
        for device in devices.values():
            device.lock()


def test_a_newer_version_adds_to_the_history(
    tmp_path: Path, org: organisation.OrgKeygenResult, org_vault: VaultSession
) -> None:
    device = _interviewer(tmp_path, org, "laptop", org_vault)
    try:
        photo = tmp_path / "photo.png"
        photo.write_bytes(b"\x89PNG" + b"p" * 10_000)
        t = S.english("v")
        rid = S.sealed(device, t, photo)
        first = device.bundles.export(tmp_path / "one.age")
        organisation.import_bundle(org_vault, first.path, org.paths[0])
        t.narrative.text += "\n\nCorrection: it was eleven days, in a hangar."
        device.testimonies.amend(rid, t, "Duration corrected")
        second = device.bundles.export(tmp_path / "two.age")
        report = organisation.import_bundle(org_vault, second.path, org.paths[0])
    finally:
        device.lock()
    assert [(v.version, v.outcome) for v in report.versions] == [(2, "added")]
    assert report.attachments_added == 0  # the same photo, already held
    assert report.attachments_already_held == 1
    assert report.warnings == ()  # chained to the bundle before it
    info = org_vault.testimonies.info(rid)
    assert [v.number for v in info.versions] == [1, 2]
    assert info.versions[1].reason == "Duration corrected"
    assert "hangar" in org_vault.testimonies.get(rid).narrative.text
    assert "hangar" not in org_vault.testimonies.get(rid, 1).narrative.text
    assert [h.testimony_id for h in org_vault.testimonies.search("hangar")] == [rid]
    assert [p.version for p in org_vault.bundles.organisation.provenance(rid)] == [1, 2]
    assert len(org_vault.testimonies.attachments(rid)) == 1
    assert org_vault.check().ok


def test_a_conflicting_version_is_kept_aside_and_flagged(
    tmp_path: Path, org: organisation.OrgKeygenResult, org_vault: VaultSession
) -> None:
    """A laptop restored from a copy amends the same record differently: same number,
    different content. The organisation keeps the first and flags the second."""
    device = _interviewer(tmp_path, org, "laptop", org_vault)
    t = S.english("c")
    rid = S.sealed(device, t)
    device.lock()
    shutil.copytree(tmp_path / "laptop", tmp_path / "laptop-copy")
    bundles = []
    for folder, words in (
        ("laptop", "Version A: a hangar."),
        ("laptop-copy", "Version B: a cellar."),
    ):
        session = unlock_vault(tmp_path / folder, S.passphrase())
        try:
            t.narrative.text = words
            session.testimonies.amend(rid, t, "amended")
            bundles.append(session.bundles.export(tmp_path / f"{folder}.age").path)
        finally:
            session.lock()

    first = organisation.import_bundle(org_vault, bundles[0], org.paths[0])
    assert [(v.version, v.outcome) for v in first.versions] == [(1, "added"), (2, "added")]
    second = organisation.import_bundle(org_vault, bundles[1], org.paths[0])
    assert [(v.version, v.outcome, v.kept) for v in second.versions] == [
        (1, "unchanged", ""),
        (2, "kept aside", "conflict"),
    ]
    assert second.changed
    assert any("(a fork)" in str(w) for w in second.warnings), second.warnings
    assert org_vault.testimonies.get(rid).narrative.text == "Version A: a hangar."
    (conflict,) = org_vault.bundles.organisation.conflicts()
    assert (conflict.record_id, conflict.version, conflict.kind) == (rid, 2, "conflict")
    assert conflict.existing_sha256 != conflict.incoming_sha256
    kept = org_vault.bundles.organisation.conflict_content(rid, 2, conflict.incoming_sha256)
    assert b"Version B: a cellar." in kept
    # Re-importing the conflicting bundle adds nothing more.
    before = S.table_counts(org_vault)
    again = organisation.import_bundle(org_vault, bundles[1], org.paths[0])
    assert not again.changed
    assert S.table_counts(org_vault) == before
    # The receipt for it names only what the vault holds with the device's hash.
    receipt = organisation.receipt(
        org_vault, bundles[1], org.paths[0], org.paths[1], tmp_path / "r.txt"
    )
    copy = unlock_vault(tmp_path / "laptop-copy", S.passphrase())
    try:
        ack = copy.bundles.acknowledge(receipt)
        assert ack.acknowledged == ((rid, 1),)
        assert ack.not_acknowledged == ((rid, 2),)
    finally:
        copy.lock()
    assert org_vault.check().ok


def test_verify_reports_device_records_and_checks(
    tmp_path: Path, org: organisation.OrgKeygenResult, org_vault: VaultSession
) -> None:
    device = _interviewer(tmp_path, org, "laptop")
    try:
        rid = S.sealed(device, S.azerbaijani("v", name_may_appear=False))
        bundle = device.bundles.export(tmp_path / "b.age")
        fingerprint = device.bundles.device_fingerprint()
        key = device.bundles.device_public_key()
        sealed_sha256 = device.testimonies.info(rid).versions[0].content_sha256
    finally:
        device.lock()
    report = organisation.verify(bundle.path, org.paths[0])
    assert report.ok, report.error
    assert report.bundle_id == bundle.bundle_id
    assert report.bundle_sha256 == bundle.sha256
    assert report.device_fingerprint == fingerprint
    assert not report.signer_pinned
    assert [(r.record_id, r.version, r.redacted) for r in report.records] == [(rid, 1, True)]
    assert all(c.status == "passed" for c in report.checks)
    assert len(report.checks) == 5
    # With the organisation's vault, an unregistered device does not pass.
    in_vault = org_vault.bundles.organisation.verify(bundle.path, org.paths[0])
    assert not in_vault.ok
    assert in_vault.pin_status == "not registered"
    S.one_sentence(in_vault.error)
    assert fingerprint in in_vault.error
    assert [c.status for c in in_vault.checks][-1] == "failed"
    org_vault.bundles.organisation.register_device(key, "laptop", confirmed=True)
    registered = org_vault.bundles.organisation.verify(bundle.path, org.paths[0])
    assert registered.ok
    assert registered.signer_pinned
    assert (registered.pin_status, registered.device_name) == ("registered", "laptop")
    organisation.import_bundle(org_vault, bundle.path, org.paths[0])
    # A redacted copy is stored as what it is: its own hash, the sealed one a claim.
    (prov,) = org_vault.bundles.organisation.provenance(rid)
    assert prov.redacted
    assert prov.source_sha256 == sealed_sha256
    held = org_vault.testimonies.info(rid).versions[0]
    assert held.content_sha256 != sealed_sha256
    assert org_vault.testimonies.get(rid).witness.name == ""
    assert org_vault.check().ok

    damaged = tmp_path / "damaged.age"
    data = bytearray(bundle.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    bad = organisation.verify(damaged, org.paths[0])
    assert not bad.ok
    S.one_sentence(bad.error)
    assert [c.status for c in bad.checks] == ["passed", "passed", "failed", "not run", "not run"]
