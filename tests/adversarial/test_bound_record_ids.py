"""Record ids bound to the device that made them: the pre-claim attack fails (issue 13).

Before, a registered but seized laptop B could read a record id off laptop A's printed
statement and send a made-up first version under it *before* A exported: B then owned the
record at the organisation and A's genuine versions were kept aside. A record made now has an
id derived from A's device key and a salt only A's manifests carry (crypto/record_ids.py), so
B's version is kept aside as "id not bound", A's genuine version becomes current and its
receipt lets A's laptop purge. Records made before (version-4 ids) keep the first-come rule.

Real vaults, real age bundles signed by real device keys, the real receipt and purge; the
attacker's bundles are valid in every byte, only the id's proof is missing or false.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from testimony_app import words
from testimony_app.cli.import_report import import_lines
from testimony_app.crypto.chain import sha256_hex
from testimony_app.crypto.record_ids import is_bound_format, new_record_id, proves
from testimony_app.domain import interchange
from testimony_app.errors import RecordNotFound
from testimony_app.services import organisation
from testkit import bundle_support as S  # noqa: N812
from testkit.forgery import (
    FORGED,
    GENUINE,
    Cli,
    Device,
    Forgery,
    Scene,
    forged_bundle,
    garbage_for,
    make_scene,
)


@pytest.fixture
def scene(tmp_path: Path) -> Iterator[Scene]:
    made = make_scene(tmp_path)
    yield made
    made.laptop.session.lock()
    made.org_vault.lock()


@pytest.fixture
def legacy_scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Scene]:
    with monkeypatch.context() as patch:
        S.legacy_record_ids(patch)
        made = make_scene(tmp_path)
    yield made
    made.laptop.session.lock()
    made.org_vault.lock()


def _salt(device: Device, record_id: str) -> str:
    return device.session._vault.records.id_salt(record_id)


def _pre_claim(scene: Scene, attacker: Device, *, redacted: bool, salt: str = "") -> Path:
    """B's made-up version 1 under A's record id, sent before A's first export."""
    fake = garbage_for(scene.record_id, name_may_appear=not redacted)
    claimed = scene.sealed_sha256 if redacted else sha256_hex(fake)
    return forged_bundle(
        scene.root / f"pre-claim-{secrets.token_hex(4)}.age",
        scene.org.recipient,
        attacker.key,
        attacker.device_id,
        [Forgery(scene.record_id, 1, fake, claimed, redacted, salt)],
    )


@pytest.mark.parametrize(
    "redacted",
    [pytest.param(True, marks=pytest.mark.slow), False],
    ids=["claims-the-sealed-hash", "honest-hash"],
)
def test_a_seized_laptop_cannot_pre_claim_a_bound_record(scene: Scene, redacted: bool) -> None:
    laptop = scene.laptop
    assert is_bound_format(scene.record_id)
    assert proves(scene.record_id, laptop.key.public_key, _salt(laptop, scene.record_id))
    seized = scene.attacker("seized", registered=True)

    forged = _pre_claim(scene, seized, redacted=redacted)
    # ``verify`` says so before anything is imported.
    (checked,) = organisation.verify(forged, scene.org.paths[0]).records
    assert (checked.record_id, checked.id_binding) == (scene.record_id, "not proven")
    report = scene.org_import(forged)
    (first,) = report.versions
    assert (first.outcome, first.kept) == ("kept aside", "id not bound")
    assert any("made by another device" in str(w) for w in report.warnings), report.warnings
    with pytest.raises(RecordNotFound):
        scene.org_vault.testimonies.info(scene.record_id)

    # A's genuine version arrives later and becomes current, complete, checked by its hash.
    genuine = laptop.session.bundles.export(scene.root / "genuine.age")
    (checked,) = organisation.verify(genuine.path, scene.org.paths[0]).records
    assert checked.id_binding == "proven"
    (outcome,) = scene.org_import(genuine.path).versions
    assert (outcome.outcome, outcome.redacted) == ("added", False)
    org = scene.org_vault
    assert GENUINE in org.testimonies.get(scene.record_id).narrative.text
    assert org.testimonies.info(scene.record_id).versions[0].content_sha256 == (
        scene.sealed_sha256
    )
    # The organisation keeps the salt that proved the id with the record.
    assert org._vault.records.id_salt(scene.record_id) == _salt(laptop, scene.record_id)
    # The receipt acknowledges it, and the laptop may now forget it: the organisation holds it.
    ack = laptop.session.bundles.acknowledge(scene.receipt(genuine.path, "receipt.txt"))
    assert ack.acknowledged == ((scene.record_id, 1),)
    laptop.session.bundles.purge([scene.record_id])
    assert laptop.session.bundles.is_purged(scene.record_id)
    assert GENUINE in org.testimonies.get(scene.record_id).narrative.text

    # The forgery stays kept aside, listed with the device that sent it, never current.
    (kept,) = org.bundles.organisation.conflicts()
    assert (kept.record_id, kept.version, kept.kind) == (scene.record_id, 1, "id not bound")
    assert kept.fingerprint == seized.key.public_key.fingerprint
    assert kept.device_name == "seized (seized)"
    assert FORGED.encode() in org.bundles.organisation.conflict_content(
        scene.record_id, 1, kept.incoming_sha256
    )
    assert org.check().ok
    seized.session.lock()


@pytest.mark.slow
@pytest.mark.parametrize("forged", ["random", "the genuine salt", "its own record's salt"])
def test_a_forged_salt_proves_nothing(scene: Scene, forged: str) -> None:
    """B sends a salt: made up, copied from A (say from a leaked manifest), or one that
    proves B's own record: none derives A's id under B's key."""
    seized = scene.attacker("seized", registered=True)
    if forged == "random":
        salt = secrets.token_hex(16)
    elif forged == "the genuine salt":
        salt = _salt(scene.laptop, scene.record_id)
    else:
        own = seized.session.testimonies.create(S.russian("b"))
        salt = _salt(seized, own)
        assert proves(own, seized.key.public_key, salt)
    report = scene.org_import(_pre_claim(scene, seized, redacted=False, salt=salt))
    assert [(v.outcome, v.kept) for v in report.versions] == [("kept aside", "id not bound")]
    genuine = scene.laptop.session.bundles.export(scene.root / "genuine.age")
    assert [v.outcome for v in scene.org_import(genuine.path).versions] == ["added"]
    seized.session.lock()


@pytest.mark.slow
@S.needs_age
def test_a_device_proves_its_own_new_records(scene: Scene) -> None:
    """The rule does not get in the honest laptop's way: B's own records go in as B's."""
    other = scene.attacker("colleague", registered=True)
    rid = S.sealed(other.session, S.english("c"))
    assert rid != scene.record_id
    bundle = other.session.bundles.export(scene.root / "colleague.age")
    assert [(v.record_id, v.outcome) for v in scene.org_import(bundle.path).versions] == [
        (rid, "added")
    ]
    evidence = scene.org_vault.bundles.organisation.bundle_evidence(bundle.bundle_id)
    assert evidence is not None
    (entry,) = json.loads(evidence[0])["records"]
    assert (entry["id"], entry["id_salt"]) == (rid, _salt(other, rid))

    # The standalone verifier (docs/verify_bundle.py) recomputes the proof without the program.
    def verifier(bundle_path: Path, name: str) -> str:
        folder = S.extract(scene.org.paths[0], bundle_path, scene.root / name)
        done = subprocess.run(
            [sys.executable, str(S.VERIFIER), str(folder)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "ids      1 bound to this device, 0 made before ids were bound\n" in verifier(
        bundle.path, "honest"
    )
    forged = verifier(_pre_claim(scene, other, redacted=False), "forged")
    assert f"NOT this device's (kept aside on import): {scene.record_id}" in forged
    other.session.lock()


@pytest.mark.slow
def test_a_legacy_id_still_follows_first_come(legacy_scene: Scene) -> None:
    """A record made before ids were bound proves nothing: the first device to send it owns it
    (the residual risk SECURITY.md names), and the genuine version is kept aside."""
    scene = legacy_scene
    assert not is_bound_format(scene.record_id)
    assert _salt(scene.laptop, scene.record_id) == ""
    seized = scene.attacker("seized", registered=True)
    (first,) = scene.org_import(_pre_claim(scene, seized, redacted=True)).versions
    assert (first.outcome, first.redacted) == ("added", True)
    genuine = scene.laptop.session.bundles.export(scene.root / "genuine.age")
    (checked,) = organisation.verify(genuine.path, scene.org.paths[0]).records
    assert checked.id_binding == "legacy"
    (outcome,) = scene.org_import(genuine.path).versions
    evidence = scene.org_vault.bundles.organisation.bundle_evidence(genuine.bundle_id)
    assert evidence is not None
    (entry,) = json.loads(evidence[0])["records"]
    assert "id_salt" not in entry  # as in every bundle made before
    assert (outcome.outcome, outcome.kept) == ("kept aside", "another device")
    ack = scene.laptop.session.bundles.acknowledge(scene.receipt(genuine.path, "r.txt"))
    assert ack.acknowledged == ()
    seized.session.lock()


@pytest.mark.slow
def test_a_transferred_record_follows_the_transfer_not_the_proof(scene: Scene) -> None:
    """A record given to a new laptop takes that laptop's versions, which prove nothing (its
    key did not make the id); the creating laptop's later versions are then another device's."""
    laptop = scene.laptop
    first = laptop.session.bundles.export(scene.root / "first.age")
    scene.org_import(first.path)
    successor = scene.attacker("new-laptop", registered=True)
    content = garbage_for(scene.record_id, name_may_appear=True)
    amendment = forged_bundle(
        scene.root / "amend.age",
        scene.org.recipient,
        successor.key,
        successor.device_id,
        [Forgery(scene.record_id, 2, content, sha256_hex(content), False)],
    )
    before = scene.org_import(amendment).versions
    assert [(v.outcome, v.kept) for v in before] == [("kept aside", "id not bound")]
    scene.org_vault.bundles.organisation.transfer_record(
        scene.record_id,
        successor.session.bundles.device_public_key(),
        "the old laptop was lost",
        confirmed=True,
    )
    assert [v.outcome for v in scene.org_import(amendment).versions] == ["added"]
    t = laptop.session.testimonies.get(scene.record_id)
    laptop.session.testimonies.amend(scene.record_id, t, "late")
    late = laptop.session.bundles.export(scene.root / "late.age")
    after = [(v.version, v.outcome, v.kept) for v in scene.org_import(late.path).versions]
    assert after == [(2, "kept aside", "another device")]
    successor.session.lock()


@pytest.mark.slow
def test_a_record_from_json_gets_a_new_id_bound_to_the_laptop_that_stores_it(
    scene: Scene, tmp_path: Path
) -> None:
    """The interchange document of A's record, added on B (a copy, or an attacker's try):
    B's vault gives it a new id bound to B, so it can never land in A's record; attachments
    follow the new id into the bundle and the organisation's vault."""
    doc = interchange.to_dict(scene.laptop.session.testimonies.get(scene.record_id))
    assert doc["id"] == scene.record_id
    other = scene.attacker("colleague", registered=True)
    copy = other.session.testimonies.create(interchange.from_dict(doc))
    assert copy != scene.record_id
    assert proves(copy, other.key.public_key, _salt(other, copy))
    assert other.session.testimonies.get(copy).id == copy
    photo = tmp_path / "şəkil.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(64))
    other.session.testimonies.add_attachment(copy, photo)
    other.session.testimonies.seal(copy, backup=False)
    bundle = other.session.bundles.export(scene.root / "copy.age")
    assert [(v.record_id, v.outcome) for v in scene.org_import(bundle.path).versions] == [
        (copy, "added")
    ]
    (held,) = scene.org_vault.testimonies.attachments(copy)
    assert held.sha256 == sha256_hex(photo.read_bytes())
    with pytest.raises(RecordNotFound):
        scene.org_vault.testimonies.info(scene.record_id)
    other.session.lock()


@pytest.mark.slow
def test_an_id_of_the_bound_format_made_up_without_any_key_is_kept_aside(scene: Scene) -> None:
    """A version-8 id nobody's laptop made (the attacker derived it from a key of their own
    choosing): the signer does not prove it, so it is never current."""
    seized = scene.attacker("seized", registered=True)
    made_up, salt = new_record_id(scene.laptop.key.public_key)  # as if A had made it
    content = garbage_for(made_up, name_may_appear=True)
    bundle = forged_bundle(
        scene.root / "made-up.age",
        scene.org.recipient,
        seized.key,
        seized.device_id,
        [Forgery(made_up, 1, content, sha256_hex(content), False, salt)],
    )
    (outcome,) = scene.org_import(bundle).versions
    assert (outcome.outcome, outcome.kept) == ("kept aside", "id not bound")
    seized.session.lock()


@pytest.mark.slow
def test_cli_kept_aside_lists_the_pre_claim_in_every_language(tmp_path: Path) -> None:
    """``kept-aside`` as the organisation runs it: record, version, why, device, when, hash;
    ``--json`` for scripts; the same rows in Azerbaijani and Russian."""
    scene = make_scene(tmp_path)
    seized = scene.attacker("seized", registered=True)
    bundle = _pre_claim(scene, seized, redacted=True)
    report = scene.org_import(bundle)
    # What import itself said of the version: kept aside, and why, in the reader's words.
    (line,) = [line for line in import_lines(report) if scene.record_id in line]
    assert line.endswith(": id not bound"), line
    previous = words.current_language()
    words.set_language("az")
    try:
        (line,) = [line for line in import_lines(report) if scene.record_id in line]
        assert line.endswith(": identifikator bağlı deyil"), line
    finally:
        words.set_language(previous)
    fake = garbage_for(scene.record_id, name_may_appear=False)
    seized.session.lock()
    scene.laptop.session.lock()
    scene.org_vault.lock()

    cli = Cli(tmp_path)
    org = tmp_path / "org-vault"
    (row,) = cli.json("kept-aside", "--vault", org)
    assert (row["record_id"], row["version"], row["kind"]) == (scene.record_id, 1, "id not bound")
    assert row["incoming_sha256"] == sha256_hex(fake)
    assert row["fingerprint"] == seized.key.public_key.fingerprint
    assert row["device_name"] == "seized (seized)"
    assert row["detected_at"]
    english = cli.ok("kept-aside", "--vault", org)
    assert f"Record {scene.record_id}, version 1: id not bound to this device" in english
    assert sha256_hex(fake) in english
    assert seized.key.public_key.fingerprint in english
    assert "1 version kept aside." in english
    azerbaijani = cli.ok("--language", "az", "kept-aside", "--vault", org)
    assert f"Qeyd {scene.record_id}, versiya 1: identifikator bu cihaza bağlı deyil" in (
        azerbaijani
    )
    russian = cli.ok("--language", "ru", "kept-aside", "--vault", org)
    assert "идентификатор не привязан к этому устройству" in russian
    assert "1 версия отложена." in russian
    assert cli.json("kept-aside", "--vault", org, "--record", "0" * 8) == []
    identity = scene.org.paths[0]
    (record,) = cli.json("verify", "--vault", org, bundle, "--identity", identity)["records"]
    assert record["id_binding"] == "not proven"
    said = cli.ok("--language", "az", "verify", "--vault", org, bundle, "--identity", identity)
    assert "identifikatorunu başqa cihaz yaradıb" in said
    assert "Отложенных версий нет." in cli.ok(
        "--language", "ru", "kept-aside", "--vault", org, "--record", "0" * 8
    )
