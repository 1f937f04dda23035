"""Forged provenance at the organisation (issue 13, findings F-1 and F-2 of the December review).

Each test plays an attack end to end with real vaults, real age bundles signed by real device
keys, and the real receipt and purge, and asserts what must hold afterwards: the interviewer's
laptop never loses a testimony the organisation does not hold, and no device writes into
another device's records.

The attacker knows what every statement page and its PDF metadata show — a record's id, its
version and the SHA-256 of its sealed content — and the organisation's public recipient. In
the hardest variant the attacker also holds a laptop the organisation registered (a seized
one, or a colleague's).
"""

from __future__ import annotations

import json
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest

from testimony_app import words
from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange
from testimony_app.errors import BundleRejected
from testimony_app.services.vault import unlock_vault
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)
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
def scene(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Scene]:
    """The laptop's record has an id bound to its device, or, with ``indirect`` parameter
    ``"legacy"``, a version-4 id as records made before ids were bound have."""
    with monkeypatch.context() as patch:
        if getattr(request, "param", "bound") == "legacy":
            S.legacy_record_ids(patch)
        made = make_scene(tmp_path)
    yield made
    made.laptop.session.lock()
    made.org_vault.lock()


def _still_holds_the_genuine_text(scene: Scene) -> None:
    laptop = scene.laptop.session
    assert not laptop.bundles.is_purged(scene.record_id)
    assert GENUINE in laptop.testimonies.get(scene.record_id).narrative.text
    assert laptop.testimonies.info(scene.record_id).versions[0].content_sha256 == (
        scene.sealed_sha256
    )


# -- F-1: a forged "redacted" copy pre-empts the testimony, the laptop then purges it --------------


@pytest.mark.parametrize("scene", ["legacy"], indirect=True)
@pytest.mark.parametrize("registered", [True, False], ids=["registered", "new device"])
def test_forged_redacted_copy_never_leads_the_laptop_to_purge_the_genuine_record(
    scene: Scene, registered: bool
) -> None:
    """With a record made before ids were bound: first come, first owner. With a bound id
    (every record made now) the pre-claim fails: tests/adversarial/test_bound_record_ids.py."""
    attacker = scene.attacker("attacker", registered=registered)
    forged = forged_bundle(
        scene.root / "forged.age",
        scene.org.recipient,
        attacker.key,
        attacker.device_id,
        [Forgery(scene.record_id, 1, garbage_for(scene.record_id), scene.sealed_sha256, True)],
    )
    if registered:
        scene.org_import(forged)
    else:
        with pytest.raises(BundleRejected) as refused:
            scene.org_import(forged)
        S.one_sentence(str(refused.value))
        assert "not registered" in str(refused.value)
    attacker.session.lock()

    genuine = scene.laptop.session.bundles.export(scene.root / "genuine.age")
    report = scene.org_import(genuine.path)
    (outcome,) = report.versions
    assert outcome.outcome != "unchanged"
    if registered:
        # The record was first sent by the attacker's device: the genuine version is kept
        # aside, not taken as current, and not acknowledged.
        assert outcome.outcome == "kept aside"
        kept = scene.org_vault.bundles.organisation.conflict_content(
            scene.record_id, 1, scene.sealed_sha256
        )
        assert GENUINE.encode() in kept
    else:
        assert outcome.outcome == "added"
        assert GENUINE in scene.org_vault.testimonies.get(scene.record_id).narrative.text

    receipt = scene.receipt(genuine.path, "receipt.txt")
    laptop = scene.laptop.session
    ack = laptop.bundles.acknowledge(receipt)
    laptop.bundles.purge([scene.record_id])
    if registered:
        assert ack.acknowledged == ()
        assert ack.purgeable == ()
        _still_holds_the_genuine_text(scene)
        (fate,) = ack.records
        assert (fate.record_id, fate.state, fate.reason) == (
            scene.record_id,
            "kept",
            "not_in_receipt",
        )
        # The organisation's vault and check say nothing is wrong with their own data, and
        # the laptop's backups still hold the record (nothing was replaced).
        assert scene.org_vault.check().ok
        assert laptop.check().ok
    else:
        # The genuine content reached the organisation: that purge is the one it allows.
        assert ack.acknowledged == ((scene.record_id, 1),)
        assert laptop.bundles.is_purged(scene.record_id)


def test_a_redacted_copy_never_makes_the_complete_version_unchanged(scene: Scene) -> None:
    """Even from the record's own device: a redacted copy held is not the sealed content."""
    laptop = scene.laptop
    redacted = forged_bundle(
        scene.root / "redacted.age",
        scene.org.recipient,
        laptop.key,
        laptop.device_id,
        [
            Forgery(
                scene.record_id, 1, garbage_for(scene.record_id), scene.sealed_sha256, True,
                laptop.session._vault.records.id_salt(scene.record_id),
            )
        ],
    )
    (first,) = scene.org_import(redacted).versions
    assert first.outcome == "added"
    assert first.redacted
    held = scene.org_vault.testimonies.info(scene.record_id).versions[0]
    # Stored as what it is: its own hash, and the sealed hash only as the device's claim.
    assert held.content_sha256 == sha256_hex(garbage_for(scene.record_id))
    (prov,) = scene.org_vault.bundles.organisation.provenance(scene.record_id)
    assert prov.redacted
    assert prov.source_sha256 == scene.sealed_sha256

    genuine = laptop.session.bundles.export(scene.root / "genuine.age")
    (outcome,) = scene.org_import(genuine.path).versions
    assert outcome.outcome == "kept aside"
    ack = laptop.session.bundles.acknowledge(scene.receipt(genuine.path, "r.txt"))
    assert ack.acknowledged == ()
    laptop.session.bundles.purge([scene.record_id])
    _still_holds_the_genuine_text(scene)


def test_a_receipt_for_a_redacted_only_delivery_purges_nothing(scene: Scene) -> None:
    laptop = scene.laptop.session
    hidden = S.sealed(laptop, S.azerbaijani("h", name_may_appear=False), backup=True)
    bundle = laptop.bundles.export(scene.root / "b.age", record_ids=[hidden])
    (outcome,) = scene.org_import(bundle.path).versions
    assert (outcome.outcome, outcome.redacted) == ("added", True)
    receipt = scene.receipt(bundle.path, "r.txt")
    # The receipt acknowledges nothing complete; it names the redacted copy as such.
    body = json.loads(receipt.read_bytes().split(b"\n")[0])
    assert body["records"] == []
    assert [(r["id"], r["version"]) for r in body["redacted_copies"]] == [(hidden, 1)]

    ack = laptop.bundles.acknowledge(receipt)
    assert ack.acknowledged == ()
    assert ack.purgeable == ()
    (fate,) = ack.records
    assert (fate.record_id, fate.state, fate.reason) == (hidden, "kept", "redacted_only")
    assert fate.action is not None
    S.one_sentence(words.text(fate.why))
    S.one_sentence(words.text(fate.action))
    report = laptop.bundles.purge([hidden])
    assert report.purged == ()
    assert laptop.testimonies.get(hidden).witness.name == "Nemət Məhərrəmov"


# -- F-2: another device adds a version to a record it never made -------------------------------


@pytest.mark.parametrize("version", [2, 1], ids=["next version", "same version"])
def test_another_device_cannot_add_versions_to_a_record(scene: Scene, version: int) -> None:
    laptop = scene.laptop
    first = laptop.session.bundles.export(scene.root / "first.age")
    scene.org_import(first.path)
    attacker = scene.attacker("colleague", registered=True)
    fake = garbage_for(scene.record_id, name_may_appear=True)
    cross = forged_bundle(
        scene.root / "cross.age",
        scene.org.recipient,
        attacker.key,
        attacker.device_id,
        [Forgery(scene.record_id, version, fake, sha256_hex(fake), False)],
    )
    attacker.session.lock()
    report = scene.org_import(cross)
    (outcome,) = report.versions
    assert (outcome.outcome, outcome.kept) == ("kept aside", "id not bound")
    assert any("made by another device" in str(w) for w in report.warnings), report.warnings
    org = scene.org_vault
    info = org.testimonies.info(scene.record_id)
    assert [v.number for v in info.versions] == [1]
    assert GENUINE in org.testimonies.get(scene.record_id).narrative.text
    assert FORGED.encode() in org.bundles.organisation.conflict_content(
        scene.record_id, version, sha256_hex(fake)
    )

    # The genuine amendment from the record's own laptop still becomes current, and the
    # receipt for it names it.
    t = laptop.session.testimonies.get(scene.record_id)
    t.narrative.text += "\n\nƏlavə: ikinci gün də döydülər."
    laptop.session.testimonies.amend(scene.record_id, t, "əlavə")
    second = laptop.session.bundles.export(scene.root / "second.age")
    (genuine,) = scene.org_import(second.path).versions
    assert (genuine.version, genuine.outcome) == (2, "added")
    assert "ikinci gün" in org.testimonies.get(scene.record_id).narrative.text
    ack = laptop.session.bundles.acknowledge(scene.receipt(second.path, "r2.txt"))
    assert ack.acknowledged == ((scene.record_id, 2),)
    assert org.check().ok


def test_the_organisation_can_transfer_a_record_to_another_device(scene: Scene) -> None:
    """A record that moves to a new laptop (the old one was lost) needs an explicit transfer,
    recorded in the organisation's audit log; after it, the new laptop's versions are taken."""
    first = scene.laptop.session.bundles.export(scene.root / "first.age")
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
    assert [v.outcome for v in scene.org_import(amendment).versions] == ["kept aside"]
    org = scene.org_vault.bundles.organisation
    moved = org.transfer_record(
        scene.record_id,
        successor.session.bundles.device_public_key(),
        "old laptop lost on 2017-07-01",
        confirmed=True,
    )
    assert moved.device_fingerprint == successor.session.bundles.device_fingerprint()
    history = scene.org_vault.testimonies.history(scene.record_id)
    assert history[-1].action == "record-transferred"
    assert [v.outcome for v in scene.org_import(amendment).versions] == ["added"]
    assert [v.number for v in scene.org_vault.testimonies.info(scene.record_id).versions] == [
        1,
        2,
    ]
    # And the old laptop is no longer the owner.
    t = scene.laptop.session.testimonies.get(scene.record_id)
    scene.laptop.session.testimonies.amend(scene.record_id, t, "late")
    late = scene.laptop.session.bundles.export(scene.root / "late.age")
    assert [v.outcome for v in scene.org_import(late.path).versions] == ["kept aside"]
    successor.session.lock()
    assert str(uuid.UUID(scene.record_id)) == scene.record_id


# -- the same attacks through the command line, as the organisation and the laptop run it ---------


@dataclass
class CliScene:
    """The organisation and one interviewer's laptop, set up only with commands."""

    cli: Cli
    keys: dict[str, str]
    org: Path
    laptop: Path
    record_id: str
    sealed_sha256: str

    @property
    def identity(self) -> str:
        return self.keys["identity_file"]

    def laptop_device(self) -> dict[str, str]:
        return cast(dict[str, str], self.cli.json("device", "--vault", self.laptop))

    def attacker(self, name: str, *, registered: bool) -> Device:
        """A laptop enrolled with the organisation (its recipient is public); its key read
        the way someone holding that laptop and its passphrase can read it."""
        vault = self.cli.root / name
        self.cli.ok("init", "--vault", vault, "--kdf", "test")
        self.cli.ok(
            "enrol", "--vault", vault, "--recipient", self.keys["recipient"], "--org-key",
            self.keys["receipt_key"], "--name", "Hüquq Mərkəzi", "--yes",
        )
        if registered:
            key = self.cli.json("device", "--vault", vault)["public_key"]
            self.cli.ok("devices", "add", "--vault", self.org, key, "--name", name, "--yes")
        session = unlock_vault(vault, S.passphrase())
        try:
            return Device.of(session)
        finally:
            session.lock()

    def forge(self, attacker: Device, name: str, forgery: Forgery) -> Path:
        return forged_bundle(
            self.cli.root / name, self.keys["recipient"], attacker.key, attacker.device_id,
            [forgery],
        )

    def org_import(self, bundle: Path, *extra: str) -> Any:
        return self.cli.json("import", "--vault", self.org, bundle, "--identity", self.identity,
                             *extra)

    def receipt(self, bundle: Path, name: str) -> tuple[Path, dict[str, Any]]:
        out = self.cli.root / name
        self.cli.ok("receipt", "--vault", self.org, bundle, "--identity", self.identity,
                    "--signing-key", self.keys["signing_key_file"], "-o", out)
        return out, json.loads(out.read_bytes().split(b"\n")[0])

    def text_at_org(self) -> str:
        return str(self.cli.json("show", "--vault", self.org, self.record_id)["narrative"]["text"])

    def text_on_laptop(self) -> str:
        doc = self.cli.json("show", "--vault", self.laptop, self.record_id)
        return str(doc["narrative"]["text"])


@pytest.fixture
def cli_scene(tmp_path: Path) -> CliScene:
    return make_cli_scene(tmp_path)


@pytest.fixture
def legacy_cli_scene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliScene:
    """The same, with a record made before ids were bound (a version-4 id, no salt)."""
    return make_cli_scene(tmp_path, monkeypatch)


def make_cli_scene(tmp_path: Path, legacy: pytest.MonkeyPatch | None = None) -> CliScene:
    cli = Cli(tmp_path)
    keys = cli.json("org-keygen", "-o", tmp_path / "org-keys")
    org, laptop = tmp_path / "org-vault", tmp_path / "laptop"
    cli.ok("init", "--vault", org, "--kdf", "test")
    cli.ok("init", "--vault", laptop, "--kdf", "test")
    cli.ok("enrol", "--vault", laptop, "--recipient", keys["recipient"], "--org-key",
           keys["receipt_key"], "--name", "Hüquq Mərkəzi", "--yes")
    device = cli.json("device", "--vault", laptop)
    cli.ok("devices", "add", "--vault", org, device["public_key"], "--name", "Gülnarə", "--yes")
    document = tmp_path / "ifadə.json"
    document.write_text(
        json.dumps(interchange.to_dict(S.azerbaijani("a")), ensure_ascii=False), encoding="utf-8"
    )
    if legacy is None:
        rid = cli.json("add", "--vault", laptop, document)["id"]
    else:
        session = unlock_vault(laptop, S.passphrase())
        try:
            with legacy.context() as patch:
                S.legacy_record_ids(patch)
                rid = session.testimonies.create(S.azerbaijani("a"))
        finally:
            session.lock()
    sealed = cli.json("seal", "--vault", laptop, rid)
    assert GENUINE in str(cli.json("show", "--vault", laptop, rid)["narrative"]["text"])
    return CliScene(cli, keys, org, laptop, rid, sealed["content_sha256"])


@pytest.mark.slow
def test_cli_forged_copy_from_a_new_device_is_refused_and_the_genuine_one_is_what_is_held(
    cli_scene: CliScene,
) -> None:
    """F-1 as the finding was played: a new device key, garbage marked redacted, the genuine
    hash claimed. Refused at its signature; kept aside unopened if asked; even registered by
    mistake afterwards, it never replaces or pre-empts the genuine testimony, the receipt names
    the hash the organisation computed over the genuine content, and that is what the laptop
    may then delete."""
    s = cli_scene
    attacker = s.attacker("attacker", registered=False)
    forged = s.forge(
        attacker, "forged.age",
        Forgery(s.record_id, 1, garbage_for(s.record_id), s.sealed_sha256, True),
    )
    # A valid age file to the organisation, signed in every byte: only the key is foreign.
    plain = subprocess.run(["age", "-d", "-i", s.identity, str(forged)], capture_output=True)
    assert plain.returncode == 0
    assert plain.stdout
    said = s.cli.refused("import", "--vault", s.org, forged, "--identity", s.identity)
    assert "not registered" in said
    kept = s.org_import(forged, "--quarantine")
    assert kept["quarantined"]["records"] == 1
    assert s.cli.run("show", "--vault", s.org, s.record_id).returncode == 2  # nothing merged

    genuine = s.cli.root / "genuine.age"
    s.cli.ok("export", "--vault", s.laptop, "-o", genuine)
    (outcome,) = s.org_import(genuine)["versions"]
    assert (outcome["outcome"], outcome["redacted"]) == ("added", False)
    assert GENUINE in s.text_at_org()

    # A person registers the attacker's key anyway and imports the quarantined bundle.
    s.cli.ok("devices", "add", "--vault", s.org, attacker.key.public_key.to_text(), "--name",
             "by mistake", "--yes")
    late = s.cli.json("quarantine", "import", "--vault", s.org, "1", "--identity", s.identity)
    assert [v["outcome"] for v in late["versions"]] == ["kept aside"]
    assert GENUINE in s.text_at_org()
    assert FORGED not in s.text_at_org()

    receipt, body = s.receipt(genuine, "receipt.txt")
    genuine_bytes = interchange.canonical_bytes(
        interchange.from_dict(s.cli.json("show", "--vault", s.org, s.record_id))
    )
    assert [(r["id"], r["version"], r["content_sha256"]) for r in body["records"]] == [
        (s.record_id, 1, sha256_hex(genuine_bytes))
    ]
    assert sha256_hex(genuine_bytes) == s.sealed_sha256
    assert body["redacted_copies"] == []
    s.cli.ok("acknowledge", "--vault", s.laptop, receipt, "--purge", "--yes")
    assert "All checks passed" in s.cli.ok("check", "--vault", s.org)
    assert GENUINE in s.text_at_org()


@pytest.mark.slow
def test_cli_forged_copy_from_a_registered_device_never_purges_the_genuine_testimony(
    legacy_cli_scene: CliScene,
) -> None:
    """F-1 with a seized, registered laptop whose forgery arrives first: it is stored as a
    redacted copy under its own hash, the genuine bundle is kept aside (not "unchanged"), the
    receipt acknowledges nothing, and ``acknowledge --purge`` keeps the testimony. The
    organisation then transfers the record to its real laptop and the genuine version is
    acknowledged. A record made before ids were bound: a bound id cannot be pre-claimed
    (tests/adversarial/test_bound_record_ids.py)."""
    s = legacy_cli_scene
    attacker = s.attacker("seized", registered=True)
    forged = s.forge(
        attacker, "forged.age",
        Forgery(s.record_id, 1, garbage_for(s.record_id), s.sealed_sha256, True),
    )
    (first,) = s.org_import(forged)["versions"]
    assert (first["outcome"], first["redacted"]) == ("added", True)

    genuine = s.cli.root / "genuine.age"
    s.cli.ok("export", "--vault", s.laptop, "-o", genuine)
    (outcome,) = s.org_import(genuine)["versions"]
    assert outcome["outcome"] == "kept aside"
    receipt, body = s.receipt(genuine, "receipt.txt")
    assert body["records"] == []
    ack = s.cli.json("acknowledge", "--vault", s.laptop, receipt, "--purge", "--yes")
    assert ack["acknowledged"] == []
    (fate,) = ack["records"]
    assert (fate["state"], fate["reason"]) == ("kept", "not_in_receipt")
    assert GENUINE in s.text_on_laptop()
    assert "All checks passed" in s.cli.ok("check", "--vault", s.laptop)

    # What the organisation can do: revoke the seized laptop and give the record back to its
    # own laptop. Version 1 stays the forged copy's number (nothing sealed is overwritten; the
    # genuine version 1 stays kept aside, held, never lost), so the genuine content becomes
    # current through the interviewer's next version, and the laptop keeps version 1's text
    # because no receipt can acknowledge it.
    fingerprint = s.laptop_device()["fingerprint"]
    s.cli.ok("devices", "revoke", "--vault", s.org, attacker.key.public_key.to_text(),
             "--reason", "seized", "--yes")
    s.cli.ok("devices", "transfer", "--vault", s.org, s.record_id, "--to", fingerprint,
             "--reason", "forged copy from a seized laptop", "--yes")
    (again,) = s.org_import(genuine)["versions"]
    assert again["outcome"] == "kept aside"
    doc = s.cli.json("show", "--vault", s.laptop, s.record_id)
    doc["consent"]["name_may_appear"] = True
    amended = s.cli.root / "amended.json"
    amended.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    s.cli.ok("amend", "--vault", s.laptop, s.record_id, amended, "--reason", "forged v1 at org")
    second = s.cli.root / "second.age"
    s.cli.ok("export", "--vault", s.laptop, "-o", second)
    (v2,) = s.org_import(second)["versions"]
    assert (v2["version"], v2["outcome"]) == (2, "added")
    assert GENUINE in s.text_at_org()
    assert FORGED not in s.text_at_org()
    receipt, body = s.receipt(second, "receipt-2.txt")
    assert [(r["id"], r["version"]) for r in body["records"]] == [(s.record_id, 2)]
    ack = s.cli.json("acknowledge", "--vault", s.laptop, receipt, "--purge", "--yes")
    assert ack["records"][0]["state"] == "kept"
    assert GENUINE in s.text_on_laptop()


@pytest.mark.slow
def test_cli_a_registered_device_cannot_add_a_version_to_another_laptops_record(
    cli_scene: CliScene,
) -> None:
    """F-2: device B sends ``records/<A's id>/v2`` with honest hashes. Kept aside, never
    current; A's own amendment becomes v2 and is acknowledged."""
    s = cli_scene
    first = s.cli.root / "first.age"
    s.cli.ok("export", "--vault", s.laptop, "-o", first)
    s.org_import(first)
    colleague = s.attacker("colleague", registered=True)
    fake = garbage_for(s.record_id, name_may_appear=True)
    cross = s.forge(colleague, "cross.age", Forgery(s.record_id, 2, fake, sha256_hex(fake), False))
    report = s.org_import(cross)
    assert [(v["outcome"], v["kept"]) for v in report["versions"]] == [
        ("kept aside", "id not bound")
    ]
    assert any("made by another device" in w for w in report["warnings"])
    assert FORGED not in s.text_at_org()
    history = s.cli.json("show", "--vault", s.org, s.record_id, "--version", "1")
    assert GENUINE in history["narrative"]["text"]
    assert s.cli.run("show", "--vault", s.org, s.record_id, "--version", "2").returncode != 0

    doc = s.cli.json("show", "--vault", s.laptop, s.record_id)
    doc["narrative"]["text"] += "\n\nƏlavə: ikinci gün də döydülər."
    amended = s.cli.root / "amended.json"
    amended.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    s.cli.ok("amend", "--vault", s.laptop, s.record_id, amended, "--reason", "əlavə")
    second = s.cli.root / "second.age"
    s.cli.ok("export", "--vault", s.laptop, "-o", second)
    (v2,) = s.org_import(second)["versions"]
    assert (v2["version"], v2["outcome"]) == (2, "added")
    assert "ikinci gün" in s.text_at_org()
    receipt, _ = s.receipt(second, "r2.txt")
    ack = s.cli.json("acknowledge", "--vault", s.laptop, receipt)
    assert [tuple(a) for a in ack["acknowledged"]] == [(s.record_id, 2)]
