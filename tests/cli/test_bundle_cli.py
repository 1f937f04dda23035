"""The bundle commands end to end, as an organisation's script or an interviewer would run them:
org-keygen → enrol → export → verify → import → receipt → acknowledge (and purge).

Every test here starts the command line as a child process many times over: all are slow.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from testimony_app.domain import interchange, model
from testimony_app.domain.model import Consent, Interview, Narrative, Witness

pytestmark = pytest.mark.slow

PASSPHRASE = "Tərtər-qırmızı-körpü-ёлка-7"


def _run(*args: object, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TESTIMONY_PASSPHRASE=PASSPHRASE)
    env.pop("TESTIMONY_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "testimony_app", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        env=env,
        input=stdin if stdin is not None else "",
        timeout=300,
    )


def _ok(*args: object) -> subprocess.CompletedProcess[str]:
    done = _run(*args)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done


def _refused(code: int, *args: object, words: str = "") -> str:
    done = _run(*args)
    assert done.returncode == code, (args, done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.strip().splitlines()
    if code == 2:
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith("testimony-app: ")
        assert lines[0].endswith(".")
    assert words in done.stderr + done.stdout, (done.stdout, done.stderr)
    return done.stderr


def _testimony(path: Path, name: str, *, legal: bool = True) -> Path:
    t = model.Testimony(
        title="Tərtər — ifadə",
        fictional=True,
        interview=Interview(
            date="2017-06-14", place="Bakı", interviewer="Gülnarə Əliyeva", language="az"
        ),
        consent=Consent(
            legal_proceedings=legal,
            name_may_appear=True,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
            organisations=["Hüquq Mərkəzi"],
        ),
        witness=Witness(name=name, pseudonym="Şahid-1"),
        narrative=Narrative(text="Məni Tərtərdə saxladılar; zirzəmidə döydülər."),
    )
    path.write_text(json.dumps(interchange.to_dict(t), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.skipif(
    subprocess.run(["which", "age"], capture_output=True).returncode != 0,
    reason="the age CLI is not installed",
)
def test_the_whole_cycle_from_the_command_line(tmp_path: Path) -> None:
    keys_dir = tmp_path / "org-keys"
    created = json.loads(_ok("org-keygen", "-o", keys_dir, "--json").stdout)
    identity, signing = Path(created["identity_file"]), Path(created["signing_key_file"])
    assert oct(identity.stat().st_mode & 0o777) == "0o600"
    assert oct(signing.stat().st_mode & 0o777) == "0o600"
    plain = _ok("org-keygen", "-o", tmp_path / "other-keys").stdout
    assert "Fingerprint (read it aloud" in plain
    _refused(2, "org-keygen", "-o", keys_dir, words="already exist")

    device, org_vault = tmp_path / "device", tmp_path / "org-vault"
    _ok("init", "--vault", device, "--kdf", "test")
    _ok("init", "--vault", org_vault, "--kdf", "test")
    rid = json.loads(
        _ok(
            "add", "--vault", device, _testimony(tmp_path / "t.json", "Nemət Məhərrəmov"), "--json"
        ).stdout
    )["id"]
    _ok("seal", "--vault", device, rid)
    withheld = json.loads(
        _ok(
            "add", "--vault", device, _testimony(tmp_path / "w.json", "X Y", legal=False), "--json"
        ).stdout
    )["id"]
    _ok("seal", "--vault", device, withheld)

    enrol = [
        "enrol",
        "--vault",
        device,
        "--recipient",
        created["recipient"],
        "--org-key",
        created["receipt_key"],
        "--name",
        "HÜQUQ MƏRKƏZİ",
    ]
    _refused(2, *enrol, words="confirm with --yes")
    _refused(2, "export", "--vault", device, "-o", tmp_path / "b.age", words="No organisation")
    shown = _ok(*enrol, "--yes").stdout
    assert created["fingerprint"] in shown
    # Two-way: the laptop shows its own fingerprint and key for the organisation to register.
    laptop = json.loads(_ok("device", "--vault", device, "--json").stdout)
    assert laptop["fingerprint"] in shown
    assert laptop["public_key"] in shown
    assert laptop["fingerprint"] in _ok("device", "--vault", device).stdout
    bad = [
        "enrol",
        "--vault",
        device,
        "--recipient",
        # Another last character (a checksum letter): "x" in place of an "x" changed nothing
        # and failed this test once in 32 runs.
        created["recipient"][:-1] + ("q" if created["recipient"][-1] != "q" else "p"),
        "--org-key",
        created["receipt_key"],
        "--yes",
    ]
    _refused(2, *bad, words="recipient")

    exported = json.loads(
        _ok("export", "--vault", device, "-o", tmp_path / "b.age", "--json").stdout
    )
    assert [r["record_id"] for r in exported["exported"]] == [rid]
    assert [w["record_id"] for w in exported["withheld"]] == [withheld]
    assert "legal proceedings" in exported["withheld"][0]["reason"]
    bundle = Path(exported["bundle"])
    assert str(bundle) not in _ok("list", "--vault", device, "--json").stdout
    _refused(2, "export", "--vault", device, "-o", tmp_path / "c.age", words="Nothing was exported")

    verified = _ok("verify", bundle, "--identity", identity)
    assert "All checks passed." in verified.stdout
    assert rid in verified.stdout
    report = json.loads(_ok("verify", bundle, "--identity", identity, "--json").stdout)
    assert report["ok"]
    assert report["device_fingerprint"] in verified.stdout

    # Not registered yet: refused with one sentence, and how to go on.
    refused = _run("import", "--vault", org_vault, bundle, "--identity", identity)
    assert refused.returncode == 2
    (line,) = refused.stderr.strip().splitlines()
    assert "has not registered" in line
    assert laptop["fingerprint"] in line
    assert f"devices add {laptop['public_key']}" in refused.stdout
    assert "--quarantine" in refused.stdout
    kept = json.loads(
        _ok(
            "import", "--vault", org_vault, bundle, "--identity", identity, "--quarantine",
            "--json",
        ).stdout
    )
    assert kept["versions"] == []
    assert kept["quarantined"]["fingerprint"] == laptop["fingerprint"]
    waiting = json.loads(_ok("quarantine", "list", "--vault", org_vault, "--json").stdout)
    assert [q["bundle_id"] for q in waiting] == [exported["bundle_id"]]
    assert laptop["public_key"] in _ok("quarantine", "list", "--vault", org_vault).stdout
    # The ceremony: the organisation compares the fingerprint and registers the laptop.
    register = ["devices", "add", "--vault", org_vault, laptop["public_key"], "--name", "Gülnarə"]
    _refused(2, *register, words="confirm with --yes")
    added = _ok(*register, "--yes").stdout
    assert laptop["fingerprint"] in added
    listed = json.loads(_ok("devices", "list", "--vault", org_vault, "--json").stdout)
    assert [(d["name"], d["status"]) for d in listed] == [("Gülnarə", "registered")]
    imported = json.loads(
        _ok(
            "quarantine", "import", "--vault", org_vault, "1", "--identity", identity, "--json"
        ).stdout
    )
    assert [v["outcome"] for v in imported["versions"]] == ["added"]
    assert json.loads(_ok("quarantine", "list", "--vault", org_vault, "--json").stdout) == []
    again = _ok("import", "--vault", org_vault, bundle, "--identity", identity)
    assert "Nothing changed" in again.stdout
    found = json.loads(_ok("search", "--vault", org_vault, "meherremov", "--json").stdout)
    assert [h["id"] for h in found] == [rid]
    pinned = _ok("verify", "--vault", org_vault, bundle, "--identity", identity)
    assert "registered here as Gülnarə" in pinned.stdout

    receipt = tmp_path / "receipt.txt"
    _ok(
        "receipt",
        "--vault",
        org_vault,
        bundle,
        "--identity",
        identity,
        "--signing-key",
        signing,
        "-o",
        receipt,
    )
    acked = _ok("acknowledge", "--vault", device, receipt, "--purge", "--yes")
    assert f"acknowledged {rid} v1" in acked.stdout
    assert "What became of each record:" in acked.stdout
    assert any(
        line.startswith(f"  {rid}") and ": purged." in line for line in acked.stdout.splitlines()
    ), acked.stdout
    replay = json.loads(_ok("acknowledge", "--vault", device, receipt, "--json").stdout)
    assert [(r["record_id"], r["state"]) for r in replay["records"]] == [(rid, "purged")]
    _refused(2, "show", "--vault", device, rid, words="deleted from this laptop")
    _ok("check", "--vault", device)
    _ok("check", "--vault", org_vault)


@dataclass(frozen=True)
class Exported:
    """A laptop vault that exported one bundle to an organisation, the organisation's empty
    vault, and the keys of that organisation and of another one."""

    root: Path
    device: Path
    org_vault: Path
    bundle: Path
    damaged: Path
    keys: dict[str, str]
    other_keys: dict[str, str]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """Built once for the bad-bundle scenarios below, which only read it (each one is refused
    and changes nothing), in a private HOME like every test's."""
    root = tmp_path_factory.mktemp("bad-bundles")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                     "XDG_STATE_HOME"):
            patch.setenv(name, str(root / "home" / name.lower()))
        keys = json.loads(_ok("org-keygen", "-o", root / "k", "--json").stdout)
        other = json.loads(_ok("org-keygen", "-o", root / "k2", "--json").stdout)
        device = root / "device"
        _ok("init", "--vault", device, "--kdf", "test")
        added = _ok("add", "--vault", device, _testimony(root / "t.json", "A B"), "--json")
        rid = json.loads(added.stdout)["id"]
        _ok("seal", "--vault", device, rid)
        _ok("enrol", "--vault", device, "--recipient", keys["recipient"], "--org-key",
            keys["receipt_key"], "--name", "Hüquq Mərkəzi", "--yes")
        done = _ok("export", "--vault", device, "-o", root / "b.age", "--json")
        bundle = Path(json.loads(done.stdout)["bundle"])
        damaged = root / "damaged.age"
        data = bytearray(bundle.read_bytes())
        data[len(data) // 2] ^= 0x01
        damaged.write_bytes(bytes(data))
        org_vault = root / "org-vault"
        _ok("init", "--vault", org_vault, "--kdf", "test")
        yield Exported(root, device, org_vault, bundle, damaged, keys, other)


def test_verify_of_a_damaged_bundle_fails_and_says_so(exported: Exported) -> None:
    done = _run("verify", exported.damaged, "--identity", exported.keys["identity_file"])
    assert done.returncode == 1
    assert "Verification failed:" in done.stdout
    assert "[FAIL]" in done.stdout
    assert "Traceback" not in done.stderr


def test_import_of_a_damaged_bundle_is_one_sentence(exported: Exported) -> None:
    _refused(2, "import", "--vault", exported.org_vault, exported.damaged, "--identity",
             exported.keys["identity_file"], words="damaged")


def test_import_with_another_organisations_identity_is_refused(exported: Exported) -> None:
    _refused(2, "import", "--vault", exported.org_vault, exported.bundle, "--identity",
             exported.other_keys["identity_file"], words="not encrypted to this organisation")


def test_import_with_an_unreadable_identity_file_is_refused(exported: Exported) -> None:
    _refused(2, "import", "--vault", exported.org_vault, exported.bundle, "--identity",
             exported.root / "missing.txt", words="cannot be read")


def test_a_forged_receipt_is_refused(exported: Exported, tmp_path: Path) -> None:
    forged = tmp_path / "forged.txt"
    forged.write_text("{}\n" + "A" * 86 + "==\n")
    _refused(2, "acknowledge", "--vault", exported.device, forged, words="not signed")


def test_a_receipt_for_a_bundle_not_imported_is_refused(
    exported: Exported, tmp_path: Path
) -> None:
    _refused(2, "receipt", "--vault", exported.org_vault, exported.bundle, "--identity",
             exported.keys["identity_file"], "--signing-key", exported.keys["signing_key_file"],
             "-o", tmp_path / "r.txt", words="has not been imported")
    assert not (tmp_path / "r.txt").exists()


def test_revoke_transfer_and_discard_from_the_command_line(tmp_path: Path) -> None:
    keys = json.loads(_ok("org-keygen", "-o", tmp_path / "k", "--json").stdout)
    identity = keys["identity_file"]
    org_vault = tmp_path / "org-vault"
    _ok("init", "--vault", org_vault, "--kdf", "test")
    laptops = {}
    for name in ("old", "new"):
        vault = tmp_path / name
        _ok("init", "--vault", vault, "--kdf", "test")
        _ok(
            "enrol", "--vault", vault, "--recipient", keys["recipient"], "--org-key",
            keys["receipt_key"], "--name", "Hüquq Mərkəzi", "--yes",
        )
        laptops[name] = json.loads(_ok("device", "--vault", vault, "--json").stdout)
        _ok("devices", "add", "--vault", org_vault, laptops[name]["public_key"], "--name",
            f"{name} laptop", "--yes")
    old = tmp_path / "old"
    rid = json.loads(
        _ok("add", "--vault", old, _testimony(tmp_path / "t.json", "A B"), "--json").stdout
    )["id"]
    _ok("seal", "--vault", old, rid)
    first = tmp_path / "first.age"
    _ok("export", "--vault", old, "-o", first)
    _ok("import", "--vault", org_vault, first, "--identity", identity)

    moved = _ok(
        "devices", "transfer", "--vault", org_vault, rid, "--to",
        laptops["new"]["fingerprint"].lower(), "--reason", "köhnə noutbuk itdi", "--yes",
    ).stdout
    assert "now belongs to new laptop" in moved
    _refused(
        2, "devices", "transfer", "--vault", org_vault, rid, "--to", "AAAA-BBBB", "--reason",
        "x", "--yes", words="fingerprint",
    )
    revoked = _ok(
        "devices", "revoke", "--vault", org_vault, laptops["old"]["fingerprint"], "--reason",
        "seized 2017-07-01", "--yes",
    ).stdout
    assert "refused from now on" in revoked
    listing = _ok("devices", "list", "--vault", org_vault).stdout
    assert "REVOKED" in listing
    assert "seized 2017-07-01" in listing

    second = tmp_path / "second.age"
    two = json.loads(
        _ok("add", "--vault", old, _testimony(tmp_path / "u.json", "C D"), "--json").stdout
    )["id"]
    _ok("seal", "--vault", old, two)
    _ok("export", "--vault", old, "-o", second)
    _refused(2, "import", "--vault", org_vault, second, "--identity", identity, words="revoked")
    _ok("import", "--vault", org_vault, second, "--identity", identity, "--quarantine")
    _refused(2, "quarantine", "discard", "--vault", org_vault, "1", words="--yes")
    gone = _ok("quarantine", "discard", "--vault", org_vault, "1", "--yes").stdout
    assert "Discarded" in gone
    assert "No bundle is waiting" in _ok("quarantine", "list", "--vault", org_vault).stdout
    everything = json.loads(
        _ok("quarantine", "list", "--all", "--vault", org_vault, "--json").stdout
    )
    assert [(q["state"], q["reason"]) for q in everything] == [("discarded", "revoked")]
    _ok("check", "--vault", org_vault)
