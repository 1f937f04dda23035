"""A self-test that a frozen or installed build can run on the machine where it will be used.

Interviewers receive an installer, not a development setup, so the question "does this copy
of the program work here?" must be answerable without ``pip`` or pytest. ``run_self_test``
walks the real path once, end to end, with the real libraries: it creates a vault in a
private temporary directory, stores and seals a testimony written in Azerbaijani, checks the
vault, builds a statement PDF and (where the build has them) a bundle, then deletes
everything it made. A packaging mistake (a missing native library, font, word list or
vocabulary) shows up here as one plain sentence instead of a crash in front of a witness.

It imports no Qt: it must run on a machine with no display, in CI and from a terminal.
Nothing it writes survives it, and it never touches the user's own vault.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from testimony_app import __version__
from testimony_app.domain.model import Consent, Interview, Narrative, Testimony, Witness
from testimony_app.services.passphrase import generate_passphrase
from testimony_app.services.vault import VaultSession, create_vault

Report = Callable[[str], None]

# The words a witness might say, in the language most testimonies are given in: the text
# must survive storage, sealing, search folding and PDF shaping with its ə, ı, ğ, ş, ç, ö, ü.
AZERBAIJANI_NARRATIVE = (
    "Məni döydülər, işgəncə verdilər, yatmağa qoymadılar.\n\n"
    "Üç gün ərzində vəkilə və ailəmə zəng etməyə icazə vermədilər."
)

# A statement with embedded fonts is never this small; a PDF below it is an empty shell.
MIN_PDF_BYTES = 4096

# Native extension modules that the app loads lazily; a build that lacks one fails only when
# the user reaches the feature, so their presence is checked up front (located, not imported:
# each library has exactly one owning layer, and this is not it). Only what the program itself
# depends on belongs here: a test-only library (pyrage) is rightly absent from a frozen build.
NATIVE_MODULES = ("sqlcipher3", "argon2", "reportlab", "cryptography", "pyhanko")

# Runtime assets whose absence breaks a visible feature.
REQUIRED_RESOURCES = (
    ("wordlists", "bip39-english.txt"),  # generated passphrases
    ("fonts", "DejaVuSans.ttf"),  # statements in Latin, Cyrillic and Armenian
)


class SelfTestFailure(Exception):
    """One step of the self-test did not give the expected result."""


def run_self_test(report: Report = print) -> int:
    """Exercise vault, sealing, check, statement and bundle once; clean up; 0 if all passed.

    Args:
        report: receives one line per step (``print`` by default); on failure the last line
            is one sentence saying what failed.

    Returns:
        0 when every step passed, 1 otherwise.
    """
    report(f"Testimony {__version__} self-test")
    workdir = Path(tempfile.mkdtemp(prefix="testimony-selftest-"))
    workdir.chmod(0o700)  # mkdtemp already does this; say it where a reader looks for it
    session: VaultSession | None = None
    step = "checking the program's files"
    try:
        _check_resources(report)
        step = "checking the native libraries"
        _check_native_modules(report)

        step = "creating a vault"
        session = create_vault(workdir / "vault", generate_passphrase(), kdf="test")
        report("vault: created and unlocked")

        step = "storing and sealing a testimony"
        record_id = _store_and_seal(session)
        report("testimony: stored in Azerbaijani and sealed")

        step = "checking the vault"
        check = session.check()
        if not check.ok:
            raise SelfTestFailure("; ".join(str(p) for p in check.problems))
        report(f"check: {check.records} record(s), {check.audit_entries} audit entries, all sound")

        step = "building a statement"
        pdf = session.statements.build(record_id, language="az")
        _check_pdf(pdf)
        report(f"statement: PDF of {len(pdf):,} bytes with embedded fonts")

        step = "signing the statement"
        report(_signed_statement(session, record_id, pdf, workdir))

        step = "exporting and verifying a bundle"
        report(_bundle_round_trip(session, workdir))
    except Exception as exc:  # noqa: BLE001 — any failure, ours or a library's, is the answer
        report(f"Self-test FAILED while {step}: {_one_sentence(exc)}")
        return 1
    finally:
        if session is not None and session.is_open:
            session.lock()
        shutil.rmtree(workdir, ignore_errors=True)

    if workdir.exists():
        report("Self-test FAILED: its temporary files could not be deleted.")
        return 1
    report("cleanup: temporary vault deleted")
    report("Self-test passed.")
    return 0


def _signed_statement(session: VaultSession, record_id: str, pdf: bytes, workdir: Path) -> str:
    """Sign the statement (pyHanko, RSA) and check it as the organisation would."""
    signed = session.statements.build(record_id, language="az", sign=True)
    if not signed.startswith(pdf):
        raise SelfTestFailure("the signed statement does not start with the statement")
    path = workdir / "signed.pdf"
    path.write_bytes(signed)
    checked = session.statements.verify(path)
    if not checked.ok:
        raise SelfTestFailure("; ".join(str(p) for p in checked.problems))
    return f"signed statement: signature verified, {len(signed) - len(pdf):,} bytes appended"


def _check_resources(report: Report) -> None:
    """Fail when fonts, word lists or vocabularies were left out of the build."""
    root = resources.files("testimony_app.resources")
    for folder, name in REQUIRED_RESOURCES:
        if not (root / folder / name).is_file():
            raise SelfTestFailure(f"the file {folder}/{name} is missing from this build")
    vocabularies = [p.name for p in (root / "vocabularies").iterdir() if p.name.endswith(".json")]
    if not vocabularies:
        raise SelfTestFailure("the vocabularies are missing from this build")
    report(f"resources: fonts, word list and {len(vocabularies)} vocabularies present")


def _check_native_modules(report: Report) -> None:
    """Fail when a compiled library the app depends on is not shipped."""
    missing = [name for name in NATIVE_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        raise SelfTestFailure(f"these libraries are missing: {', '.join(missing)}")
    report(f"libraries: {', '.join(NATIVE_MODULES)} present")


def _store_and_seal(session: VaultSession) -> str:
    """Add a minimal but sealable testimony and seal it; return its id."""
    testimony = Testimony(
        title="Özünü yoxlama",
        fictional=True,
        interview=Interview(
            date="2024-03-12",
            place="Bakı",
            interviewer="Yoxlama",
            language="az",
        ),
        consent=Consent(
            legal_proceedings=True,
            name_may_appear=False,
            audio_recording=False,
            informed_of_purpose=True,
            no_coercion_confirmed=True,
            recorded_at="2024-03-12T10:00:00Z",
        ),
        witness=Witness(pseudonym="Şahid A"),
        narrative=Narrative(text=AZERBAIJANI_NARRATIVE),
    )
    record_id = session.testimonies.create(testimony)
    version = session.testimonies.seal(record_id)
    if not version.sealed or len(version.content_sha256) != 64:
        raise SelfTestFailure("the sealed version has no content hash")
    stored = session.testimonies.get(record_id, version.number)
    if stored.narrative.text != AZERBAIJANI_NARRATIVE:
        raise SelfTestFailure("the sealed text differs from the text that was stored")
    return record_id


def _check_pdf(pdf: bytes) -> None:
    """A complete PDF: header, end-of-file marker, plausible size, an embedded font."""
    if not pdf.startswith(b"%PDF-"):
        raise SelfTestFailure("the statement does not start like a PDF")
    if b"%%EOF" not in pdf[-1024:]:
        raise SelfTestFailure("the statement PDF is cut short")
    if len(pdf) < MIN_PDF_BYTES:
        raise SelfTestFailure(f"the statement PDF is too small ({len(pdf)} bytes)")
    if b"/FontFile2" not in pdf:
        raise SelfTestFailure("the statement PDF has no embedded font")


def _bundle_round_trip(session: VaultSession, workdir: Path) -> str:
    """Export a bundle to a fresh organisation identity and verify it; return one line.

    Makes an organisation identity in ``workdir``, enrols it, exports the sealed record and
    verifies the bundle as the organisation would (age, signature, every member's hash).
    """
    from testimony_app.services import organisation

    keys = organisation.org_keygen(workdir / "org")
    session.bundles.enrol(
        [keys.recipient], keys.signing_public_key, "Self-test organisation", confirmed=True
    )
    report = session.bundles.export(workdir)
    verified = organisation.verify(report.path, keys.paths[0])
    if not verified.ok:
        raise SelfTestFailure(f"the exported bundle did not verify ({verified.error})")
    if len(verified.records) != 1:
        raise SelfTestFailure("the exported bundle does not hold the sealed record")
    return f"bundle: {report.size:,} bytes exported, verified with the organisation's key"


def _one_sentence(exc: BaseException) -> str:
    """The exception as one short sentence, without a traceback."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if len(text) > 300:
        text = text[:297] + "..."
    return text if text.endswith((".", "!", "?")) else text + "."
