"""The interviewer's side: device key, enrolment, consent and export through the real age CLI."""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from testimony_app.domain import interchange
from testimony_app.domain.model import Status
from testimony_app.domain.redaction_review import Choice, DoubtfulUnreviewed, ReviewChoices
from testimony_app.errors import OperationCancelled, UserFacingError
from testimony_app.services.bundles import NothingToExport
from testimony_app.services.organisation import OrgKeygenResult, org_fingerprint
from testimony_app.services.vault import VaultSession, unlock_vault
from testimony_app.words import text
from testkit import bundle_support as S  # noqa: N812 (short: used on every other line)

pytestmark = pytest.mark.slow  # each test seals records and writes a real bundle (0.5-2 s)


WITNESS = "Nemət Məhərrəmov"


@pytest.fixture
def org(tmp_path: Path) -> OrgKeygenResult:
    """The organisation's keys (age identity and receipt key) in ``tmp_path/org-keys``."""
    return S.org_keys(tmp_path)


@pytest.fixture
def device(tmp_path: Path, org: OrgKeygenResult) -> Iterator[VaultSession]:
    """An interviewer's vault with the organisation enrolled."""
    session = S.new_vault(tmp_path / "device")
    S.enrol(session, org)
    yield session
    session.lock()


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


# -- device key and enrolment -----------------------------------------------------------------


def test_device_key_is_made_with_the_vault_and_kept_inside_it(tmp_path: Path) -> None:
    session = S.new_vault(tmp_path / "v")
    try:
        public = session.bundles.device_public_key()
        assert re.fullmatch(r"ed25519:[A-Za-z0-9+/]{43}=", public)
        secret = session.meta("device_signing_key")
        assert secret is not None
        assert session.meta("device_public_key") == public
    finally:
        session.lock()
    again = unlock_vault(tmp_path / "v", S.passphrase())
    try:
        assert again.bundles.device_public_key() == public  # stable across unlocks
    finally:
        again.lock()
    # Only inside the encrypted database: no file of the vault holds the key in the clear.
    for path in (tmp_path / "v").rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes()


def test_an_older_vault_gets_its_device_key_on_first_need(tmp_path: Path) -> None:
    session = S.new_vault(tmp_path / "v")
    try:
        session.bundles.vault.db.execute(
            "DELETE FROM meta WHERE key IN ('device_signing_key', 'device_public_key')"
        )
        assert session.meta("device_signing_key") is None
        first = session.bundles.device_public_key()
        assert session.bundles.device_public_key() == first
        assert session.meta("device_signing_key") is not None
    finally:
        session.lock()


def test_fingerprint_is_short_stable_and_changes_with_any_key(tmp_path: Path) -> None:
    keys = S.org_keys(tmp_path)
    other = S.org_keys(tmp_path / "b")
    fp = org_fingerprint([keys.recipient], keys.signing_public_key)
    assert fp == keys.fingerprint
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){4}", fp)
    both = [keys.recipient, other.recipient]
    assert org_fingerprint(both, keys.signing_public_key) == org_fingerprint(
        list(reversed(both)), keys.signing_public_key
    )
    assert org_fingerprint([other.recipient], keys.signing_public_key) != fp
    assert org_fingerprint([keys.recipient], other.signing_public_key) != fp


def test_enrolment_validates_and_needs_confirmation(tmp_path: Path, session: VaultSession) -> None:
    keys = S.org_keys(tmp_path)
    service = session.bundles
    typo = keys.recipient[:-1] + ("q" if keys.recipient[-1] != "q" else "p")
    bad = [
        ([typo], keys.signing_public_key, "checksum"),
        (["age1pq1" + "q" * 60], keys.signing_public_key, "Post-quantum"),
        ([keys.recipient.upper()], keys.signing_public_key, "lower case"),
        ([], keys.signing_public_key, "No organisation recipient"),
        ([keys.recipient], "ed25519:AAAA", "public key"),
        ([keys.recipient, "age1pq1" + "q" * 60], keys.signing_public_key, "mix"),
    ]
    for recipients, key, words in bad:
        with pytest.raises(UserFacingError) as caught:
            service.enrol(recipients, key, "Org", confirmed=True)
        S.one_sentence(str(caught.value))
        assert words in str(caught.value), str(caught.value)
    with pytest.raises(UserFacingError, match="not confirmed"):
        service.enrol([keys.recipient], keys.signing_public_key, "Org", confirmed=False)
    assert service.enrolment() is None
    enrolment = service.enrol(
        [keys.recipient], keys.signing_public_key, "  Org  X ", confirmed=True
    )
    assert enrolment.name == "Org X"
    assert enrolment.fingerprint == keys.fingerprint
    assert service.enrolment() == enrolment
    assert session.testimonies.history("")[-1].action == "organisation-enrolled"


def test_export_needs_an_enrolled_organisation_and_its_own_recipients(
    tmp_path: Path, session: VaultSession, org: OrgKeygenResult
) -> None:
    S.sealed(session, S.azerbaijani("a"))
    with pytest.raises(UserFacingError, match="No organisation is enrolled"):
        session.bundles.export(tmp_path / "b.age")
    S.enrol(session, org)
    stranger = S.org_keys(tmp_path / "stranger")
    with pytest.raises(UserFacingError, match="not one of the enrolled") as caught:
        session.bundles.export(tmp_path / "b.age", recipients=[stranger.recipient])
    S.one_sentence(str(caught.value))
    with pytest.raises(UserFacingError, match="checksum"):
        session.bundles.export(tmp_path / "b.age", recipients=[org.recipient[:-2] + "qq"])
    assert not (tmp_path / "b.age").exists()
    assert not list(tmp_path.glob(".tmp-*"))


# -- the round trip through standard tools (D1) ---------------------------------------------------


@S.needs_age
def test_bundle_opens_with_age_tar_sha256sum_and_the_reference_script(
    tmp_path: Path, device: VaultSession, org: OrgKeygenResult
) -> None:
    recording = tmp_path / "müsahibə.ogg"
    recording.write_bytes(hashlib.shake_256(b"audio").digest(3 * 1024 * 1024 + 17))
    rid = S.sealed(device, S.azerbaijani("a", organisations=[S.ORG_NAME]), recording)
    rid_ru = S.sealed(device, S.russian("r"))
    report = device.bundles.export(tmp_path / "out.age")
    assert {r.record_id for r in report.exported} == {rid, rid_ru}
    assert report.withheld == ()
    identity = org.paths[0]

    listing = subprocess.run(
        f"age -d -i '{identity}' '{report.path}' | tar -t",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    sha = hashlib.sha256(recording.read_bytes()).hexdigest()
    expected = {
        "manifest.json",
        "manifest.sig",
        "SHA256SUMS",
        "custody.json",
        f"records/{rid}/v1/record.json",
        f"records/{rid}/v1/statement.pdf",
        f"records/{rid}/v1/attachments/{sha}",
        f"records/{rid_ru}/v1/record.json",
        f"records/{rid_ru}/v1/statement.pdf",
    }
    assert set(listing) == expected
    assert listing[:3] == ["manifest.json", "manifest.sig", "SHA256SUMS"]

    out = S.extract(identity, report.path, tmp_path / "x")
    sums = subprocess.run(
        ["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=out, capture_output=True, text=True
    )
    assert sums.returncode == 0, sums.stdout + sums.stderr
    assert sums.stdout.count(": OK") == len(expected) - 3
    if S.VERIFIER.exists():
        checked = subprocess.run(
            [
                sys.executable,
                str(S.VERIFIER),
                str(out),
                "--device-key",
                device.bundles.device_public_key(),
            ],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr

    # A record whose witness allowed the name travels as the exact sealed bytes.
    record = (out / f"records/{rid}/v1/record.json").read_bytes()
    assert record == device.testimonies.content_bytes(rid, 1)
    sealed_hash = device.testimonies.info(rid).versions[0].content_sha256
    assert hashlib.sha256(record).hexdigest() == sealed_hash
    assert (out / f"records/{rid}/v1/attachments/{sha}").read_bytes() == recording.read_bytes()
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert manifest["device"]["id"] == device.meta("device_id")
    assert manifest["device"]["public_key"] == device.bundles.device_public_key()
    assert manifest["recipients"] == [org.recipient]
    assert {(r["id"], r["version"]) for r in manifest["records"]} == {(rid, 1), (rid_ru, 1)}
    custody = json.loads((out / "custody.json").read_bytes())
    # Each statement is in its interview's language.
    languages = {r["id"]: r["statement"]["language"] for r in custody["records"]}
    assert languages == {rid: "az", rid_ru: "ru"}
    assert _pdf_text((out / f"records/{rid}/v1/statement.pdf").read_bytes())
    assert {e["action"] for e in custody["entries"]} >= {"created", "sealed", "attachment-added"}
    assert all(
        set(e) == {"record_id", "seq", "at", "action", "version", "payload_sha256", "entry_hash"}
        for e in custody["entries"]
    )
    assert str(tmp_path) not in (out / "custody.json").read_text()


# -- consent -------------------------------------------------------------------------------------


@S.needs_age
def test_consent_is_enforced_and_names_are_stripped(
    tmp_path: Path, device: VaultSession, org: OrgKeygenResult
) -> None:
    allowed = S.sealed(device, S.azerbaijani("ok", organisations=["HUQUQ MERKEZI (Uydurma)"]))
    no_legal = S.sealed(device, S.azerbaijani("no", legal=False))
    other_org = S.sealed(device, S.azerbaijani("other", organisations=["Başqa Təşkilat"]))
    hidden = S.sealed(device, S.azerbaijani("hidden", name_may_appear=False))

    report = device.bundles.export(tmp_path / "out.age")

    assert {r.record_id for r in report.exported} == {allowed, hidden}
    reasons = {w.record_id: str(w.reason) for w in report.withheld}
    assert set(reasons) == {no_legal, other_org}
    assert reasons[no_legal] == "The witness did not consent to legal proceedings."
    assert "other organisations" in reasons[other_org]
    for reason in reasons.values():
        S.one_sentence(reason)
        assert WITNESS not in reason
    # Codes, with their words in the interviewer's language.
    codes = {w.record_id: w.reason for w in report.withheld}
    assert codes[no_legal].code == "export.consent_refused"
    assert codes[other_org].code == "export.consent_other_orgs"
    assert text(codes[no_legal], "ru") == "Свидетель не дал согласия на судебное разбирательство."
    assert text(codes[no_legal], "az") == "Şahid hüquqi prosesə razılıq verməyib."
    assert text(codes[other_org], "az").startswith("Şahidin razılığında ")
    assert next(r for r in report.exported if r.record_id == hidden).redacted

    out = S.extract(org.paths[0], report.path, tmp_path / "x")
    raw = (out / f"records/{hidden}/v1/record.json").read_bytes()
    for needle in (WITNESS, "Nemət", "Məhərrəmov", "AZE 1234567", "1234567", "+994 50 000 00 00"):
        assert needle.encode("utf-8") not in raw, needle
    doc = json.loads(raw)
    assert doc["witness"]["name"] == ""
    assert doc["witness"]["identifiers"] == ""
    assert doc["witness"]["contact"] == ""
    assert doc["witness"]["pseudonym"] == "Şahid-Ə7"
    assert doc["consent"]["name_may_appear"] is False
    interchange.from_dict(doc)  # still a valid interchange document
    # Nothing anywhere in the bundle names the hidden witness, except the allowed record.
    for path in out.rglob("*"):
        if path.is_file() and allowed not in str(path) and path.name != "statement.pdf":
            assert WITNESS.encode("utf-8") not in path.read_bytes(), path
    statement = _pdf_text((out / f"records/{hidden}/v1/statement.pdf").read_bytes())
    assert "Məhərrəmov" not in statement
    assert "Nemət" not in statement
    allowed_json = (out / f"records/{allowed}/v1/record.json").read_bytes()
    assert WITNESS.encode("utf-8") in allowed_json
    custody = json.loads((out / "custody.json").read_bytes())
    flags = {r["id"]: r["redacted"] for r in custody["records"]}
    assert flags == {allowed: False, hidden: True}
    # Withheld records were not marked, exported ones were.
    assert device.testimonies.info(no_legal).status is Status.SEALED
    assert device.testimonies.info(allowed).status is Status.EXPORTED


@S.needs_age
def test_the_plan_shown_before_an_export_is_what_the_export_does(
    tmp_path: Path, device: VaultSession
) -> None:
    allowed = S.sealed(device, S.azerbaijani("ok", organisations=["HUQUQ MERKEZI (Uydurma)"]))
    no_legal = S.sealed(device, S.azerbaijani("no", legal=False))
    other_org = S.sealed(device, S.azerbaijani("other", organisations=["Başqa Təşkilat"]))
    hidden = S.sealed(device, S.azerbaijani("hidden", name_may_appear=False))
    draft = device.testimonies.create(S.azerbaijani("draft"))  # not sealed: not a candidate

    plan = device.bundles.plan_export()
    assert plan.enrolment is not None
    assert plan.device_fingerprint == device.bundles.device_fingerprint()
    by_id = {c.record_id: c for c in plan.candidates}
    assert set(by_id) == {allowed, no_legal, other_org, hidden}
    assert draft not in by_id
    assert by_id[allowed].reason is None
    assert by_id[allowed].versions == (1,)
    assert by_id[hidden].reason is None
    assert by_id[hidden].redacted
    assert not by_id[allowed].redacted
    assert all(WITNESS not in c.label for c in plan.candidates)  # pseudonym or initials
    assert device.testimonies.info(no_legal).status is Status.SEALED  # planning changes nothing

    report = device.bundles.export(tmp_path / "out.age")
    assert {r.record_id for r in report.exported} == {
        c.record_id for c in plan.candidates if c.reason is None
    }
    assert {(w.record_id, w.reason) for w in report.withheld} == {
        (c.record_id, c.reason) for c in plan.candidates if c.reason is not None
    }
    assert {r.record_id: r.versions for r in report.exported} == {
        c.record_id: c.versions for c in plan.candidates if c.reason is None
    }
    # Sent now: the next plan says so by listing nothing new for them.
    again = {c.record_id: c for c in device.bundles.plan_export().candidates}
    assert allowed not in again
    assert hidden not in again


def test_no_plan_before_enrolment(tmp_path: Path) -> None:
    session = S.new_vault(tmp_path / "v")
    try:
        S.sealed(session, S.azerbaijani("a"))
        plan = session.bundles.plan_export()
        assert plan.enrolment is None
        assert plan.candidates == ()
    finally:
        session.lock()


def test_nothing_to_export_says_why_and_writes_nothing(
    tmp_path: Path, device: VaultSession
) -> None:
    with pytest.raises(NothingToExport) as empty:
        device.bundles.export(tmp_path / "out.age")
    S.one_sentence(str(empty.value))
    S.sealed(device, S.azerbaijani("n", legal=False))
    with pytest.raises(NothingToExport) as caught:
        device.bundles.export(tmp_path / "out.age")
    S.one_sentence(str(caught.value))
    assert len(caught.value.withheld) == 1
    assert not (tmp_path / "out.age").exists()
    assert not list(tmp_path.glob(".tmp-*"))


# -- bookkeeping ---------------------------------------------------------------------------------


def test_export_is_remembered_without_its_path(tmp_path: Path, device: VaultSession) -> None:
    rid = S.sealed(device, S.azerbaijani("a"))
    dest = tmp_path / "hidden-folder-name" / "secret-place.age"
    dest.parent.mkdir()
    report = device.bundles.export(dest)
    assert device.testimonies.info(rid).status is Status.EXPORTED
    entries = [e for e in device.testimonies.history(rid) if e.action == "exported"]
    assert [e.payload_sha256 for e in entries] == [report.sha256]
    assert device.meta("last_bundle_id") == report.bundle_id
    assert [e.bundle_id for e in device.bundles.exports()] == [report.bundle_id]
    db = device.bundles.vault.db
    for (table,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for row in db.query(f'SELECT * FROM "{table}"'):
            for value in row:
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                assert "secret-place" not in text, table
                assert "hidden-folder" not in text, table
    # The default export does not send it again; the next bundle chains to this one.
    with pytest.raises(NothingToExport):
        device.bundles.export(tmp_path / "again.age")
    second = device.bundles.export(tmp_path / "explicit.age", record_ids=[rid[:8]])
    assert second.exported[0].record_id == rid


def test_earlier_sealed_versions_never_sent_travel_with_the_newest(
    tmp_path: Path, device: VaultSession, org: OrgKeygenResult
) -> None:
    t = S.azerbaijani("v")
    rid = S.sealed(device, t)
    t.narrative.text += "\n\nDüzəliş: tarix 6 may idi."
    device.testimonies.amend(rid, t, "Tarix düzəldildi")
    report = device.bundles.export(tmp_path / "out.age")
    assert report.exported[0].versions == (1, 2)
    t.narrative.text += "\n\nİkinci düzəliş."
    device.testimonies.amend(rid, t, "Yenə")
    later = device.bundles.export(tmp_path / "later.age")
    assert later.exported[0].versions == (3,)


def test_cancelled_export_leaves_no_file_and_marks_nothing(
    tmp_path: Path, device: VaultSession
) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(hashlib.shake_256(b"x").digest(4 * 1024 * 1024))
    rid = S.sealed(device, S.azerbaijani("c"), big)
    out = tmp_path / "out"
    out.mkdir()
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(OperationCancelled):
        device.bundles.export(out / "b.age", cancelled=cancelled)
    assert list(out.iterdir()) == []
    assert device.testimonies.info(rid).status is Status.SEALED
    assert device.bundles.exports() == []


def test_export_to_a_folder_uses_a_neutral_name(tmp_path: Path, device: VaultSession) -> None:
    S.sealed(device, S.azerbaijani("n"))
    folder = tmp_path / "usb"
    folder.mkdir()
    report = device.bundles.export(folder)
    assert report.path.parent == folder
    assert re.fullmatch(r"[0-9a-f]{16}\.age", report.path.name)
    assert oct(report.path.stat().st_mode & 0o777) == "0o600"


def test_a_redacted_export_goes_through_the_redactor_and_the_stored_review(
    tmp_path: Path, device: VaultSession, org: OrgKeygenResult
) -> None:
    """The record JSON and the statement of a redacted export: initials, a phone number
    written another way and the date of birth in words are gone from both; the interviewer's
    review (a word hidden, a doubtful word hidden) applies to both, and the statement is the
    same bytes as the one saved from the window."""
    t = S.azerbaijani("review", name_may_appear=False)
    t.witness.contact = "+994 50 123 45 67"
    t.witness.date_of_birth = "1990-03-14"
    t.narrative.text = (
        "N. M. dedi ki, 0501234567 nömrəsinə zəng etsinlər. 14 mart 1990-cı ildə anadan "
        "olmuşam.\n\nMəni Kiçik adlı bir əsgər apardı. Nemət onda da susdu.")
    record_id = S.sealed(device, t)
    review = device.statements.review(record_id)
    doubtful = [h for h in review.hits if h.doubtful]
    assert [h.text for h in doubtful] == ["Nemət"]  # also a word ("blessing"), sentence start
    choices = ReviewChoices(hide=(doubtful[0].choice(),), hide_terms=("Kiçik",))
    saved = tmp_path / "redacted.pdf"
    device.statements.save(record_id, saved, language="az", redacted=True, review=choices)

    report = device.bundles.export(tmp_path / "out.age")
    out = S.extract(org.paths[0], report.path, tmp_path / "x")
    raw = (out / f"records/{record_id}/v1/record.json").read_text(encoding="utf-8")
    statement = (out / f"records/{record_id}/v1/statement.pdf").read_bytes()
    text = " ".join(_pdf_text(statement).split())
    for needle in ("N. M.", "0501234567", "14 mart 1990", "Kiçik", "Nemət onda"):
        assert needle not in raw, needle
        assert needle not in text, needle
    assert "[withheld] onda da susdu" in raw
    assert statement == saved.read_bytes()


def test_a_redacted_export_needs_a_decision_about_doubtful_words(
    tmp_path: Path, device: VaultSession, org: OrgKeygenResult
) -> None:
    """The window reviews before it exports; a script must give its review (stored with the
    version, as the window's) or say that doubtful words stay as written. Nothing is written
    or stored until every record that goes redacted has a decision."""
    t = S.azerbaijani("doubt", name_may_appear=False)
    t.narrative.text = "Nemət onda da susdu."  # "Nemət": the name, and a word ("blessing")
    doubtful_id = S.sealed(device, t)
    plain_id = S.sealed(device, S.azerbaijani("plain", name_may_appear=False))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DoubtfulUnreviewed) as refused:
        device.bundles.export(out)
    assert refused.value.count == 1
    assert refused.value.record == doubtful_id[:8]
    assert list(out.iterdir()) == []
    assert device.bundles.exports() == []
    assert not device.statements.reviewed(doubtful_id, 1)
    assert not device.statements.reviewed(plain_id, 1)

    # A review given with the export (a script's review file) is stored and applied.
    hide = ReviewChoices(hide=(Choice("Nemət"),))
    report = device.bundles.export(out / "a.age", record_ids=[doubtful_id],
                                   reviews={doubtful_id: hide})
    assert device.statements.stored_review(doubtful_id, 1) == hide
    x = S.extract(org.paths[0], report.path, tmp_path / "x")
    raw = (x / f"records/{doubtful_id}/v1/record.json").read_text(encoding="utf-8")
    assert "Nemət onda" not in raw

    # keep_doubtful: kept as written, and that decision is stored (the empty review).
    t2 = S.azerbaijani("doubt2", name_may_appear=False)
    t2.narrative.text = "Nemət onda da susdu."
    second = S.sealed(device, t2)
    report = device.bundles.export(out / "b.age", record_ids=[second], keep_doubtful=True)
    assert device.statements.reviewed(second, 1)
    assert device.statements.stored_review(second, 1) == ReviewChoices()
    x = S.extract(org.paths[0], report.path, tmp_path / "y")
    raw = (x / f"records/{second}/v1/record.json").read_text(encoding="utf-8")
    assert "Nemət onda" in raw
