"""Signed statements (issue 15 item 6): made from real sealed versions in real vaults, checked by
poppler's ``pdfsig``, by pyHanko's own validator and by ``verify_statement``; changed,
extended and re-signed files are caught.

What ``pdfsig`` says about a statement the laptop signed, and what these tests hold it to:
"Signature Validation: Signature is Valid." and "Total document signed" (the digest and the
signature check, over the whole file), and "Certificate Validation: Certificate issuer is
unknown." — the certificate is self-signed, so no reader's trust list contains it; the
laptop is vouched for by its device key instead, which only ``verify-statement`` checks.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from testimony_app.crypto.statement_keys import vouching_device
from testimony_app.errors import VaultDamaged
from testimony_app.reports import signature
from testimony_app.services import organisation
from testimony_app.services.statement_signing import (
    DIFFERENT_KEY,
    NOT_CHECKED,
    NOT_REGISTERED,
    OWN_DEVICE,
    REGISTERED,
    NotSealed,
    verify_statement,
)
from testimony_app.services.vault import unlock_vault
from testkit import bundle_support as S  # noqa: N812 (S: used on every other line)

needs_pdfsig = pytest.mark.skipif(
    shutil.which("pdfsig") is None, reason="poppler-utils (pdfsig) is not installed"
)

pytestmark = pytest.mark.slow  # RSA statement keys, signed PDFs, three verifiers (1.5-11 s)


@pytest.fixture
def laptop(tmp_path: Path) -> Any:
    """An interviewer's vault with one sealed Azerbaijani testimony."""
    session = S.new_vault(tmp_path / "laptop")
    record_id = S.sealed(session, S.azerbaijani("imza"))
    yield session, record_id
    if session.is_open:
        session.lock()


def _pdfsig(path: Path) -> str:
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def _pyhanko_status(data: bytes) -> list[Any]:
    """pyHanko's own validator, run here directly (trust root: the signer's certificate)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    return [
        validate_pdf_signature(
            sig, ValidationContext(trust_roots=[sig.signer_cert], allow_fetching=False)
        )
        for sig in reader.embedded_signatures
    ]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _stranger_key(common_name: str) -> tuple[bytes, bytes]:
    """An RSA key and a self-signed certificate that no Testimony device vouched for."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime(2026, 1, 1, tzinfo=UTC))
        .not_valid_after(datetime(2036, 1, 1, tzinfo=UTC))
        .sign(key, hashes.SHA256())
    )
    return (
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        cert.public_bytes(serialization.Encoding.DER),
    )


# -- signing ------------------------------------------------------------------------------------


@needs_pdfsig
def test_a_signed_statement_keeps_the_unsigned_bytes_and_checks_with_three_verifiers(
    laptop: Any, tmp_path: Path
) -> None:
    session, record_id = laptop
    unsigned = session.statements.build(record_id, language="az")
    out = tmp_path / "imzalı.pdf"
    digest = session.statements.save(record_id, out, language="az", sign=True)
    signed = out.read_bytes()

    # The unsigned statement is exactly the beginning of the signed file.
    assert signed[: len(unsigned)] == unsigned
    assert len(signed) > len(unsigned)
    assert digest == hashlib.sha256(signed).hexdigest()
    assert out.stat().st_mode & 0o777 == 0o600

    # poppler: the signature and the digest check, over the whole file; the self-signed
    # certificate is (rightly) not trusted by poppler's empty trust store.
    said = _pdfsig(out)
    assert "Signature Validation: Signature is Valid." in said
    assert "Total document signed" in said
    assert "Signature Type: ETSI.CAdES.detached" in said
    assert "Signing Hash Algorithm: SHA-256" in said
    assert "Certificate issuer is unknown" in said
    fingerprint = session.bundles.device_fingerprint()
    assert f"Signer Certificate Common Name: Testimony device {fingerprint}" in said

    # pyHanko's validator.
    (status,) = _pyhanko_status(signed)
    assert status.intact
    assert status.valid
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.modification_level.name == "NONE"
    assert status.pkcs7_signature_mechanism == "sha256_rsa"

    # Ours, as the organisation runs it without a vault.
    report = verify_statement(out)
    assert report.ok, report.problems
    assert report.unsigned_length == len(unsigned)
    assert report.unsigned_sha256 == hashlib.sha256(unsigned).hexdigest()
    (check,) = report.signatures
    assert check.sound
    assert check.whole_file
    assert check.vouched
    assert check.key == "RSA 3072"
    assert check.device_id == session.bundles.device_id
    assert check.device_key == session.bundles.device_public_key()
    assert check.device_fingerprint == fingerprint
    assert check.registration == NOT_CHECKED
    # And with the laptop's own vault: its own device.
    assert session.statements.verify(out).signatures[0].registration == OWN_DEVICE


def test_a_redacted_statement_in_russian_signs_and_verifies(
    laptop: Any, tmp_path: Path
) -> None:
    session, record_id = laptop
    out = tmp_path / "redacted.pdf"
    session.statements.save(record_id, out, language="ru", redacted=True, sign=True)
    unsigned = session.statements.build(record_id, language="ru", redacted=True)
    assert out.read_bytes().startswith(unsigned)
    assert verify_statement(out).ok


def test_the_statement_key_is_made_once_kept_in_the_vault_and_survives_a_lock(
    laptop: Any, tmp_path: Path
) -> None:
    session, record_id = laptop
    assert session.meta("statement_certificate") is None  # not made until first needed
    first = verify_statement(
        _write(tmp_path / "1.pdf", session.statements.build(record_id, sign=True))
    )
    certificate = base64.b64decode(session.meta("statement_certificate") or "")
    assert first.signatures[0].certificate_sha256 == hashlib.sha256(certificate).hexdigest()
    assert vouching_device(certificate).device_id == session.bundles.device_id
    secret = base64.b64decode(session.meta("statement_signing_key") or "")
    path = session.path
    session.lock()
    # Neither the key nor the certificate is anywhere in the vault's files in the clear.
    for file in path.rglob("*"):
        if file.is_file():
            content = file.read_bytes()
            assert secret[-64:] not in content
            assert certificate[-64:] not in content
    again = unlock_vault(path, S.passphrase())
    try:
        second = verify_statement(
            _write(tmp_path / "2.pdf", again.statements.build(record_id, sign=True))
        )
    finally:
        again.lock()
    assert second.signatures[0].certificate_sha256 == first.signatures[0].certificate_sha256


def test_a_damaged_statement_key_is_reported_not_replaced(laptop: Any) -> None:
    session, record_id = laptop
    session.statements.build(record_id, sign=True)
    good = session.meta("statement_certificate")
    db = session.bundles.vault.db
    other = S.new_vault(session.path.parent / "other")
    try:
        other.statements.build(S.sealed(other, S.english("x")), sign=True)
        foreign = other.meta("statement_certificate")
    finally:
        other.lock()
    # A certificate another device vouched for, put in this vault: refused, not used.
    db.execute("UPDATE meta SET value = ? WHERE key = 'statement_certificate'", (foreign,))
    with pytest.raises(VaultDamaged):
        session.statements.build(record_id, sign=True)
    db.execute("UPDATE meta SET value = ? WHERE key = 'statement_certificate'", ("%%%",))
    with pytest.raises(VaultDamaged):
        session.statements.build(record_id, sign=True)
    db.execute("UPDATE meta SET value = ? WHERE key = 'statement_certificate'", (good,))
    assert session.statements.build(record_id, sign=True)


def test_a_draft_cannot_be_signed_and_nothing_is_written(tmp_path: Path) -> None:
    session = S.new_vault(tmp_path / "laptop")
    try:
        record_id = session.testimonies.create(S.english("qaralama"))
        out = tmp_path / "draft.pdf"
        with pytest.raises(NotSealed) as raised:
            session.statements.save(record_id, out, sign=True)
        S.one_sentence(str(raised.value))
        assert not out.exists()
        assert list(tmp_path.glob("*.pdf")) == []
        # An amendment's open draft after a sealed version: the draft cannot be signed, the
        # sealed version still can.
        session.testimonies.seal(record_id, backup=False)
        session.testimonies.begin_amendment(record_id, "Tarix düzəldildi")
        with pytest.raises(NotSealed):
            session.statements.build(record_id, sign=True)
        assert verify_statement(
            _write(out, session.statements.build(record_id, version=1, sign=True))
        ).ok
        assert session.meta("statement_certificate") is not None
    finally:
        session.lock()


@needs_pdfsig
def test_signing_twice_gives_files_that_both_verify(laptop: Any, tmp_path: Path) -> None:
    session, record_id = laptop
    unsigned = session.statements.build(record_id)
    one = _write(tmp_path / "one.pdf", session.statements.build(record_id, sign=True))
    two = _write(tmp_path / "two.pdf", session.statements.build(record_id, sign=True))
    for path in (one, two):
        assert path.read_bytes().startswith(unsigned)
        assert verify_statement(path).ok

    # A signed file signed again: two signatures, the first over its revision, the second
    # over the whole file; the only later change to the first is the second signature.
    key = session.bundles.vault.get_meta("statement_signing_key")
    cert = session.bundles.vault.get_meta("statement_certificate")
    assert key is not None
    assert cert is not None
    twice = _write(
        tmp_path / "twice.pdf",
        signature.sign_pdf(
            one.read_bytes(),
            private_key_der=base64.b64decode(key),
            certificate_der=base64.b64decode(cert),
            signed_at=datetime(2026, 12, 8, 9, 30, tzinfo=UTC),
            reason="Signed again",
        ),
    )
    report = verify_statement(twice)
    assert report.ok, report.problems
    assert report.unsigned_length == len(unsigned)
    first, second = report.signatures
    assert not first.whole_file
    assert first.later_changes.code == "statement.later_form_fields"
    assert second.whole_file
    assert second.signed_at_claimed == "2026-12-08T09:30:00Z"
    said = _pdfsig(twice)
    assert said.count("Signature Validation: Signature is Valid.") == 2
    assert "Not total document signed" in said
    assert "Total document signed" in said


# -- tampering ----------------------------------------------------------------------------------


@needs_pdfsig
@pytest.mark.parametrize(
    "where",
    ["content stream", "signature dictionary", "signature value", "padding", "hex letter case"],
)
def test_one_changed_byte_is_detected(
    laptop: Any, tmp_path: Path, where: str
) -> None:
    session, record_id = laptop
    unsigned = session.statements.build(record_id)
    signed = session.statements.build(record_id, sign=True)
    if where == "content stream":
        # A byte inside a compressed page stream of the unsigned statement: the file still
        # parses; only the digest can tell.
        start = unsigned.index(b"stream", len(unsigned) // 2) + 40
        offset = start
    elif where == "signature dictionary":
        offset = signed.index(b"/Reason (", len(unsigned)) + 12
    elif where == "signature value":
        # A decimal digit inside the CMS (in the signer's certificate): the flip ("4" <-> "5")
        # keeps the hex string valid, so only the checks can tell.
        start = signed.index(b"/Contents <", len(unsigned)) + 200
        offset = next(i for i in range(start, start + 400) if signed[i : i + 1] in b"0123456789")
    elif where == "padding":
        # The zeros reserved after the DER: no digest covers them, only the envelope check.
        offset = signed.index(b">", signed.index(b"/Contents <", len(unsigned))) - 3
    else:
        start = signed.index(b"/Contents <", len(unsigned)) + 11
        offset = next(i for i in range(start, start + 400) if signed[i : i + 1] in b"ABCDEF")
    mask = 0x20 if where == "hex letter case" else 0x01
    changed = _write(
        tmp_path / "changed.pdf",
        signed[:offset] + bytes([signed[offset] ^ mask]) + signed[offset + 1 :],
    )

    report = verify_statement(changed)
    assert not report.ok
    assert not report.signatures or not report.signatures[0].sound
    if where in ("padding", "hex letter case"):
        # The digest and the signature still check (pdfsig and pyHanko say valid): only the
        # envelope check sees that the file is not the one the laptop wrote.
        assert "Signature is Valid" in _pdfsig(changed)
        assert "Bytes outside the signed range were changed" in str(report.problems[0])
        return
    assert "Signature is Valid" not in _pdfsig(changed)
    statuses = _pyhanko_status(changed.read_bytes()) if where != "signature value" else []
    assert all(not (s.intact and s.valid) for s in statuses)


@needs_pdfsig
@pytest.mark.parametrize("appended", [b"\n", b"%% appended note\n", b"x" * 4096])
def test_bytes_appended_after_the_signature_are_detected(
    laptop: Any, tmp_path: Path, appended: bytes
) -> None:
    session, record_id = laptop
    signed = session.statements.build(record_id, sign=True)
    longer = _write(tmp_path / "longer.pdf", signed + appended)
    report = verify_statement(longer)
    assert not report.ok
    (check,) = report.signatures
    assert check.sound  # the signed bytes are intact ...
    assert not check.whole_file  # ... but they are not the whole file
    assert "does not cover the whole file" in str(report.problems[0])
    assert "Not total document signed" in _pdfsig(longer)


def test_an_incremental_update_that_changes_the_text_after_signing_is_detected(
    laptop: Any, tmp_path: Path
) -> None:
    """Someone edits the signed statement with a PDF tool (a new revision) and does not sign."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    session, record_id = laptop
    signed = session.statements.build(record_id, sign=True)
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 100 100 Td (Forged) Tj ET")
    page["/Contents"] = writer.add_object(stream)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]  # pyHanko leaves write() unannotated
    edited = _write(tmp_path / "edited.pdf", out.getvalue())
    report = verify_statement(edited)
    assert not report.ok
    assert not report.signatures[0].whole_file


# -- who signed ---------------------------------------------------------------------------------


@needs_pdfsig
def test_re_signing_with_a_key_no_device_vouched_for_is_detected(
    laptop: Any, tmp_path: Path
) -> None:
    session, record_id = laptop
    unsigned = session.statements.build(record_id)
    key, cert = _stranger_key("Testimony device AAAA-BBBB-CCCC-DDDD-EEEE")
    # The unsigned statement, signed by a stranger who copied the subject name.
    forged = _write(
        tmp_path / "forged.pdf",
        signature.sign_pdf(
            unsigned, private_key_der=key, certificate_der=cert,
            signed_at=datetime(2026, 12, 7, tzinfo=UTC), reason="forged",
        ),
    )
    # pdfsig cannot tell: the signature is mathematically valid. verify-statement can.
    assert "Signature is Valid" in _pdfsig(forged)
    report = verify_statement(forged)
    assert not report.ok
    assert not report.signatures[0].vouched
    assert "not vouched for by a Testimony device" in str(report.problems[0])

    # The laptop's signed file with the stranger's signature added on top.
    signed = session.statements.build(record_id, sign=True)
    on_top = _write(
        tmp_path / "on-top.pdf",
        signature.sign_pdf(
            signed, private_key_der=key, certificate_der=cert,
            signed_at=datetime(2026, 12, 7, tzinfo=UTC), reason="added",
        ),
    )
    report = verify_statement(on_top)
    assert not report.ok
    assert report.signatures[0].vouched
    assert not report.signatures[1].vouched


def test_re_signing_by_another_device_names_that_device_and_the_vault_refuses_it(
    laptop: Any, tmp_path: Path
) -> None:
    session, record_id = laptop
    org = S.org_keys(tmp_path)
    S.enrol(session, org)
    org_vault = S.new_vault(tmp_path / "org-vault")
    intruder = S.new_vault(tmp_path / "intruder")
    try:
        # The organisation registers the laptop, then imports its first bundle.
        S.register(org_vault, session)
        bundle = session.bundles.export(tmp_path / "b.age", [record_id]).path
        organisation.import_bundle(org_vault, bundle, org.paths[0])

        genuine = _write(tmp_path / "genuine.pdf", session.statements.build(record_id, sign=True))
        checked = org_vault.statements.verify(genuine)
        assert checked.ok, checked.problems
        assert checked.signatures[0].registration == REGISTERED
        assert checked.signatures[0].device_id == session.bundles.device_id

        # Another Testimony laptop signs the same unsigned bytes with its own vouched key.
        unsigned = genuine.read_bytes()[: checked.unsigned_length]
        key = intruder.bundles.vault
        intruder.statements.build(S.sealed(intruder, S.english("x")), sign=True)
        resigned = _write(
            tmp_path / "resigned.pdf",
            signature.sign_pdf(
                unsigned,
                private_key_der=base64.b64decode(key.get_meta("statement_signing_key") or ""),
                certificate_der=base64.b64decode(key.get_meta("statement_certificate") or ""),
                signed_at=datetime(2026, 12, 7, tzinfo=UTC),
                reason="re-signed",
            ),
        )
        alone = verify_statement(resigned)
        assert alone.ok  # a valid, vouched signature ...
        assert alone.signatures[0].device_id == intruder.bundles.device_id  # ... of another device
        assert alone.signatures[0].device_fingerprint != session.bundles.device_fingerprint()
        assert alone.unsigned_sha256 == checked.unsigned_sha256
        refused = org_vault.statements.verify(resigned)
        assert not refused.ok
        assert refused.signatures[0].registration == NOT_REGISTERED
        assert "is not registered in this vault" in str(refused.problems[0])
    finally:
        org_vault.lock()
        intruder.lock()


def test_a_device_registered_with_another_key_is_refused(laptop: Any, tmp_path: Path) -> None:
    """Someone made a key of their own under the laptop's device id: the pin tells."""
    session, record_id = laptop
    org = S.org_keys(tmp_path)
    S.enrol(session, org)
    org_vault = S.new_vault(tmp_path / "org-vault")
    twin = S.new_vault(tmp_path / "twin")
    try:
        S.register(org_vault, session)
        organisation.import_bundle(
            org_vault, session.bundles.export(tmp_path / "b.age", [record_id]).path, org.paths[0]
        )
        # A second vault that claims the laptop's device id (its own device key differs).
        twin.bundles.vault.set_meta("device_id", session.bundles.device_id)
        twin_record = S.sealed(twin, S.english("twin"))
        forged = _write(tmp_path / "twin.pdf", twin.statements.build(twin_record, sign=True))
        report = org_vault.statements.verify(forged)
        assert not report.ok
        assert report.signatures[0].registration == DIFFERENT_KEY
    finally:
        org_vault.lock()
        twin.lock()


def test_files_that_are_not_signed_statements_are_refused_in_one_sentence(
    laptop: Any, tmp_path: Path
) -> None:
    session, record_id = laptop
    plain = _write(tmp_path / "plain.pdf", session.statements.build(record_id))
    report = verify_statement(plain)
    assert not report.ok
    assert [str(p) for p in report.problems] == ["The file carries no signature."]
    for name, content in (("text.pdf", b"not a pdf at all"), ("cut.pdf", plain.read_bytes()[:900])):
        with pytest.raises(signature.UnreadablePdf) as raised:
            verify_statement(_write(tmp_path / name, content))
        S.one_sentence(str(raised.value))
    with pytest.raises(Exception, match="does not exist"):
        verify_statement(tmp_path / "missing.pdf")


# -- PDF/A ------------------------------------------------------------------------------------

_PREFLIGHT_JARS = ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging",
                   "javax.activation", "jaxb-api")


def _preflight_classpath() -> str | None:
    jars = [Path("/usr/share/java") / f"{name}.jar" for name in _PREFLIGHT_JARS]
    if shutil.which("java") is None or not all(jar.is_file() for jar in jars):
        return None
    return ":".join(map(str, jars))


def _preflight(path: Path) -> tuple[bool, set[str]]:
    """Apache PDFBox Preflight (PDF/A-1b): (valid, the error kinds, without offsets)."""
    classpath = _preflight_classpath()
    assert classpath is not None
    done = subprocess.run(
        ["java", "-cp", classpath, "org.apache.pdfbox.preflight.Validator_A1b", str(path)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    lines = done.stdout.splitlines()
    valid = any(" is a valid PDF/A-1b file" in line for line in lines)
    errors = {
        re.sub(r"(offset|page) \d+|COSObject\{\d+, \d+\}|length=\d+", "", line)
        for line in lines
        if re.match(r"^\d+(\.\d+)* : ", line)
    }
    return valid, errors


@pytest.mark.skipif(
    _preflight_classpath() is None, reason="Apache PDFBox Preflight (libpdfbox2-java) missing"
)
def test_signing_adds_no_pdfa_error(laptop: Any, tmp_path: Path) -> None:
    """The signature is an incremental update that keeps what PDF/A-1b asks of the statement:
    Info and XMP untouched, the widget with an appearance and the Print flag. Whatever
    Preflight says of the unsigned statement, it says of the signed one; once statements are
    PDF/A-1b, the signed ones are too."""
    session, record_id = laptop
    unsigned = _write(tmp_path / "unsigned.pdf", session.statements.build(record_id))
    signed = _write(tmp_path / "signed.pdf", session.statements.build(record_id, sign=True))
    unsigned_valid, unsigned_errors = _preflight(unsigned)
    signed_valid, signed_errors = _preflight(signed)
    assert signed_errors == unsigned_errors
    assert signed_valid == unsigned_valid


@needs_pdfsig
def test_a_signature_value_re_encoded_in_longer_der_is_detected(
    laptop: Any, tmp_path: Path
) -> None:
    """The same CMS with a long-form length (BER, not DER) in the unsigned gap: the digest and
    the signature still check, but it is not the file the laptop wrote."""
    session, record_id = laptop
    unsigned = session.statements.build(record_id)
    signed = session.statements.build(record_id, sign=True)
    start = signed.index(b"/Contents <", len(unsigned)) + len(b"/Contents <")
    end = signed.index(b">", start)
    raw = bytes.fromhex(signed[start:end].decode("ascii"))
    assert raw[:2] == b"\x30\x82"
    der = raw[: 4 + int.from_bytes(raw[2:4], "big")]  # the zeros after it are padding
    # The inner SignedData SEQUENCE: 30 82 LLLL -> 30 83 00 LLLL (same value, one byte longer).
    inner = der.index(b"\xa0\x82") + 4
    assert der[inner : inner + 2] == b"\x30\x82"
    ber = der[: inner + 1] + b"\x83\x00" + der[inner + 2 :]
    outer_fix = ber[:2] + (int.from_bytes(ber[2:4], "big") + 1).to_bytes(2, "big") + ber[4:]
    a0 = outer_fix.index(b"\xa0\x82")
    ber = (
        outer_fix[: a0 + 2]
        + (int.from_bytes(outer_fix[a0 + 2 : a0 + 4], "big") + 1).to_bytes(2, "big")
        + outer_fix[a0 + 4 :]
    )
    hex_value = ber.hex().upper().encode("ascii")
    hex_value += b"0" * (end - start - len(hex_value))
    changed = _write(tmp_path / "ber.pdf", signed[:start] + hex_value + signed[end:])
    assert len(changed.read_bytes()) == len(signed)
    report = verify_statement(changed)
    assert not report.ok
    assert "not in the one DER encoding" in " ".join(str(p) for p in report.signatures[0].problems)


def test_starting_the_program_does_not_load_pyhanko() -> None:
    """pyHanko and what it brings take seconds to import on an old laptop: only signing or
    checking a statement loads them, never opening the window or the command line."""
    code = (
        "import sys, testimony_app.cli, testimony_app.services.vault, testimony_app.app;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pyhanko', 'aiohttp',"
        " 'asn1crypto', 'pyhanko_certvalidator'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "[]"
