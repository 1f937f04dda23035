"""``pdf --sign`` and ``verify-statement``, run as a user and a script run them: in a child
process, against a real vault, checked with poppler's ``pdfsig`` as well."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from testimony_app.domain import interchange

NAMED = ("--named", "--reason", "Məhkəmə üçün imzalanacaq nüsxə")
needs_pdfsig = pytest.mark.skipif(
    shutil.which("pdfsig") is None, reason="poppler-utils (pdfsig) is not installed"
)

pytestmark = pytest.mark.slow  # RSA keys, signing and pdfsig in child processes (15-160 s)


def _run(kit: ModuleType, home: Path, *args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TESTIMONY_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               TESTIMONY_PASSPHRASE=kit.PASSPHRASE, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "testimony_app", *map(str, args)], capture_output=True,
        text=True, encoding="utf-8", env=env, timeout=180, stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory, kit: ModuleType) -> dict[str, object]:
    """A vault with one sealed testimony and one draft, made through the command line.

    The sample witness did not agree to their name appearing, so the named statement is asked
    for with a reason (``NAMED``), as an interviewer would for a copy to be signed.
    """
    root = tmp_path_factory.mktemp("sign-cli")
    home, vault = root / "home", root / "vault"
    assert _run(kit, home, "init", "--vault", vault, "--kdf", "test").returncode == 0
    ids = []
    for tag in ("sealed", "draft"):
        doc = root / f"{tag}.json"
        doc.write_text(json.dumps(interchange.to_dict(kit.sample_testimony(tag)),
                                  ensure_ascii=False), encoding="utf-8")
        added = _run(kit, home, "add", doc, "--vault", vault)
        assert added.returncode == 0, added.stderr
        ids.append(added.stdout.strip())
    sealed = _run(kit, home, "seal", ids[0], "--vault", vault)
    assert sealed.returncode == 0, sealed.stderr
    return {"root": root, "home": home, "vault": vault, "sealed": ids[0], "draft": ids[1]}


@needs_pdfsig
def test_pdf_sign_then_verify_statement_and_pdfsig(
    scene: dict[str, object], kit: ModuleType
) -> None:
    root, home, vault = Path(str(scene["root"])), Path(str(scene["home"])), scene["vault"]
    out = root / "ifadə-imzalı.pdf"
    made = _run(kit, home, "pdf", scene["sealed"], "-o", out, "--language", "az", "--sign",
                *NAMED, "--vault", vault)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""  # no library warning leaks to the terminal
    assert "Signed by this laptop (device key " in made.stdout
    plain = root / "plain.pdf"
    assert _run(kit, home, "pdf", scene["sealed"], "-o", plain, "--language", "az", *NAMED,
                "--vault", vault).returncode == 0
    assert out.read_bytes().startswith(plain.read_bytes())
    assert f"first {plain.stat().st_size} bytes" in made.stdout

    # The organisation, without a vault: checks pass, the fingerprint is printed to compare.
    checked = _run(kit, home, "verify-statement", out)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stderr == ""
    assert "[ok  ] it covers the whole file" in checked.stdout
    assert "not checked against a vault" in checked.stdout
    assert checked.stdout.rstrip().endswith("All checks passed.")
    report = json.loads(_run(kit, home, "verify-statement", out, "--json").stdout)
    assert report["ok"] is True
    assert report["unsigned_length"] == plain.stat().st_size
    (signature,) = report["signatures"]
    assert signature["vouched"] is True
    assert signature["key"] == "RSA 3072"
    assert signature["device_fingerprint"] in made.stdout
    assert signature["device_fingerprint"] in checked.stdout
    # With the laptop's own vault: its own device.
    own = _run(kit, home, "verify-statement", out, "--vault", vault)
    assert own.returncode == 0
    assert "this vault's own device" in own.stdout

    said = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True).stdout
    assert "Signature Validation: Signature is Valid." in said
    assert "Total document signed" in said
    assert f"Testimony device {signature['device_fingerprint']}" in said


def test_verify_statement_fails_with_exit_1_on_a_changed_file(
    scene: dict[str, object], kit: ModuleType
) -> None:
    root, home, vault = Path(str(scene["root"])), Path(str(scene["home"])), scene["vault"]
    out = root / "to-change.pdf"
    assert _run(kit, home, "pdf", scene["sealed"], "-o", out, "--sign", *NAMED,
                "--vault", vault).returncode == 0
    out.write_bytes(out.read_bytes() + b"% a note added later\n")
    checked = _run(kit, home, "verify-statement", out)
    assert checked.returncode == 1
    assert "does not cover the whole file" in checked.stdout
    assert checked.stdout.rstrip().endswith("Verification failed.")
    unsigned = root / "unsigned.pdf"
    assert _run(kit, home, "pdf", scene["sealed"], "-o", unsigned, *NAMED, "--vault",
                vault).returncode == 0
    assert _run(kit, home, "verify-statement", unsigned).returncode == 1


def test_a_draft_is_not_signed_and_nothing_is_written(
    scene: dict[str, object], kit: ModuleType
) -> None:
    root, home, vault = Path(str(scene["root"])), Path(str(scene["home"])), scene["vault"]
    out = root / "draft-signed.pdf"
    refused = _run(kit, home, "pdf", scene["draft"], "-o", out, "--sign", *NAMED,
                   "--vault", vault)
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "testimony-app: Only a sealed version can be signed: seal the testimony first."
    )
    assert not out.exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".") and "draft" in p.name]


def test_verify_statement_on_a_file_that_is_not_a_pdf_says_so_in_one_sentence(
    scene: dict[str, object], kit: ModuleType
) -> None:
    root, home = Path(str(scene["root"])), Path(str(scene["home"]))
    junk = root / "junk.pdf"
    junk.write_bytes("Bu PDF deyil: şəkil".encode())
    refused = _run(kit, home, "verify-statement", junk)
    assert refused.returncode == 2
    assert refused.stderr.strip() == "testimony-app: The file is not a PDF."
    missing = _run(kit, home, "verify-statement", root / "yoxdur.pdf")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "testimony-app: The statement file does not exist."
