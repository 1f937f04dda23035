"""PDF signatures on statements (PAdES B-B), made and read with pyHanko. Nothing else uses it.

Signing appends an **incremental update** to the statement: a signature field, its invisible
widget and the CMS signature (``ETSI.CAdES.detached``, SHA-256, RSA PKCS#1 v1.5). The statement
as built stays byte for byte at the start of the file, so its SHA-256 (printed by ``pdf``,
listed in bundles) still checks with ``head -c N | sha256sum``. Three choices keep a PDF/A-1b
statement PDF/A-1b after signing (checked with Apache PDFBox Preflight):

* the document information and the XMP metadata are **left as they are**: pyHanko would
  otherwise rewrite Producer and ModDate in one of them or replace the XMP packet, and PDF/A
  requires the two to agree;
* the invisible widget has an empty appearance stream (PDF/A wants every widget to have one)
  and the Print flag;
* nothing else: no visible stamp (it would need a font, and a Helvetica pyHanko did not embed
  is what PDF/A forbids).

Reading returns, for each signature, what pyHanko's validator says about the bytes (intact,
cryptographically valid, how much of the file it covers, what changed after it) and the
signer's certificate. The signature value itself (the ``/Contents`` hex string) is the one part
of a signed PDF that no digest covers, and a CMS envelope has unsigned parts (extra
certificates, unsigned attributes, the list of digest algorithms, padding). A verifier that
only asks "does the signature check" would let bytes there change unnoticed, so a signature is
also held to the exact envelope Testimony writes: the hex string is the upper-case hex of one
DER encoding followed only by zeros, with one signer, one certificate (the signer's), no
unsigned attributes and no revocation data. With RSA PKCS#1 v1.5, which is deterministic, a
signed statement then has exactly one possible encoding: any changed byte is found.

Whose certificate that is, is not decided here: the device key's attestation is checked in
``crypto/statement_keys.py`` and the organisation's pin in ``services``. Trust in the
certificate is deliberately not pyHanko's question (it is self-signed; the trust root given
to the validator is the certificate itself).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from asn1crypto import cms
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.utils import CryptographyDeprecationWarning

# pyHanko imports cryptography's DSA module, which warns on import since cryptography 47. The
# warning is about DSA keys, which Testimony never makes or accepts; keep it off the CLI's stderr.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", category=CryptographyDeprecationWarning)
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.writer import BasePdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.signers.pdf_signer import PdfSigningSession
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

from testimony_app.errors import UserFacingError
from testimony_app.words import Message, Verbatim

FIELD_NAME = "Testimony device signature"
_CMS_ROOM = 2048
MAX_SIGNED_PDF_BYTES = 512 * 1024 * 1024

_LATER_CHANGES = {
    ModificationLevel.NONE: Message("statement.later_none"),
    ModificationLevel.LTA_UPDATES: Message("statement.later_archival"),
    ModificationLevel.FORM_FILLING: Message("statement.later_form_fields"),
    ModificationLevel.ANNOTATIONS: Message("statement.later_annotations"),
    ModificationLevel.OTHER: Message("statement.later_other"),
}
_UNKNOWN = Message("statement.later_unknown")
# What a later revision may add without making an earlier signature doubtful: more signatures.
_SIGNATURES_ONLY = ModificationLevel.FORM_FILLING


class SigningFailed(UserFacingError):
    """pyHanko could not sign the statement (it is left unsigned and nothing is written)."""


class UnreadablePdf(UserFacingError):
    """The file is not a PDF whose signatures can be read."""


@dataclass(frozen=True)
class SignatureReading:
    """One signature in a PDF, as the validator saw it.

    ``intact``: the signed bytes hash to the digest the signature covers. ``valid``: the
    signature itself checks under the certificate's key. ``whole_file``: the signed bytes are
    the whole file, nothing was appended. ``later_changes``: for a signature that is not the
    last, what the later revisions changed (``statement.later_none``, ``…_form_fields``,
    ``…_other``, ...). ``problem``: why a signature could not be checked at all, else None.
    ``envelope_problem``: what in its unsigned bytes Testimony would not write, else None.
    """

    field_name: str
    revision: int
    intact: bool
    valid: bool
    whole_file: bool
    later_changes: Message
    later_changes_acceptable: bool
    signed_at_claimed: str
    certificate_der: bytes
    mechanism: str
    digest_algorithm: str
    problem: Message | None = None
    envelope_problem: Message | None = None

    @property
    def sound(self) -> bool:
        """Intact, valid, and in the exact envelope Testimony writes."""
        return (
            self.intact and self.valid and self.problem is None and self.envelope_problem is None
        )


@dataclass(frozen=True)
class PdfSignatures:
    """Every signature in a file, oldest first, and where the unsigned statement ends."""

    size: int
    signatures: tuple[SignatureReading, ...]
    unsigned_length: int | None


class _MetadataKeepingWriter(IncrementalPdfFileWriter):
    """An incremental writer that leaves the Info dictionary and the XMP packet untouched."""

    def _update_meta(self) -> None:
        return None


class _ClaimedTimeSigner(signers.PdfSigner):
    """A PdfSigner that takes the signing time from the vault's clock, in UTC.

    pyHanko would read the system clock in the local time zone, and write it into the
    signature dictionary (``/M``): where the laptop was set to would travel with the PDF.
    """

    def __init__(
        self, meta: signers.PdfSignatureMetadata, signer: signers.Signer, when: datetime
    ) -> None:
        super().__init__(meta, signer)
        self._when = when

    def init_signing_session(
        self, pdf_out: BasePdfFileWriter, existing_fields_only: bool = False
    ) -> PdfSigningSession:
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._when
        return session


def _field_names(handler: IncrementalPdfFileWriter | PdfFileReader) -> set[str]:
    return {name for name, _value, _ref in fields.enumerate_sig_fields(handler)}


def _next_field_name(taken: set[str]) -> str:
    if FIELD_NAME not in taken:
        return FIELD_NAME
    n = 2
    while f"{FIELD_NAME} {n}" in taken:
        n += 1
    return f"{FIELD_NAME} {n}"


def _give_empty_appearance(writer: IncrementalPdfFileWriter, name: str) -> None:
    """PDF/A wants an appearance stream on every widget, even an invisible one."""
    for field_name, _value, ref in fields.enumerate_sig_fields(writer, with_name=name):
        if field_name != name:
            continue
        widget = ref.get_object()
        appearance = generic.StreamObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
                generic.pdf_name("/BBox"): generic.ArrayObject(
                    [generic.NumberObject(0)] * 4  # type: ignore[no-untyped-call]
                ),
            },
            stream_data=b"",
        )
        widget[generic.pdf_name("/AP")] = generic.DictionaryObject(  # type: ignore[no-untyped-call]
            {generic.pdf_name("/N"): writer.add_object(appearance)}
        )
        writer.update_container(widget)


def sign_pdf(
    pdf: bytes,
    *,
    private_key_der: bytes,
    certificate_der: bytes,
    signed_at: datetime,
    reason: str,
) -> bytes:
    """``pdf`` followed by an incremental update carrying a PAdES signature over all of it.

    ``private_key_der`` is PKCS#8, ``certificate_der`` the signer's X.509 certificate (both
    from the vault); ``signed_at`` is the laptop's claimed time (written in UTC). The returned
    bytes always start with ``pdf`` unchanged.
    """
    try:
        certificate = asn1_x509.Certificate.load(certificate_der)
        key = asn1_keys.PrivateKeyInfo.load(private_key_der)
        signer = signers.SimpleSigner(
            signing_cert=certificate,
            signing_key=key,
            # The signer's certificate is embedded once, and nothing else (see the envelope).
            cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
        )
        writer = _MetadataKeepingWriter(io.BytesIO(pdf), strict=True)
        name = _next_field_name(_field_names(writer))
        fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name=name))
        _give_empty_appearance(writer, name)
        meta = signers.PdfSignatureMetadata(
            field_name=name,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason,
        )
        out = io.BytesIO()
        # Room for the CMS: the certificate, a 3072-bit signature and the signed attributes
        # take under 1 KB beyond the certificate. Saying so spares pyHanko a dry-run signature
        # to measure it (an RSA private-key load and a signature, a second on an old laptop).
        _ClaimedTimeSigner(meta, signer, signed_at.astimezone(UTC)).sign_pdf(
            writer,
            output=out,
            existing_fields_only=True,
            bytes_reserved=2 * (len(certificate_der) + _CMS_ROOM),  # hex digits
        )
    except (PdfError, ValueError, TypeError, KeyError) as exc:
        raise SigningFailed(
            "statement.signing_failed"
        ) from exc
    signed = out.getvalue()
    if not signed.startswith(pdf):
        raise SigningFailed("statement.signing_failed")
    return signed


def _unsigned_length(reader: PdfFileReader, data: bytes, revision: int) -> int | None:
    """Where the revision before ``revision`` ends: after its ``%%EOF`` and end of line."""
    if revision <= 0:
        return None
    info = reader.xrefs.get_xref_container_info(revision - 1)
    eof = data.find(b"%%EOF", info.end_location)
    if eof < 0:
        return None
    end = eof + len(b"%%EOF")
    if data[end : end + 2] == b"\r\n":
        return end + 2
    if data[end : end + 1] in (b"\n", b"\r"):
        return end + 1
    return end


def _der(tag: int, body: bytes) -> bytes:
    """One DER element: the tag, the minimal length, the body."""
    n = len(body)
    if n < 0x80:
        return bytes([tag, n]) + body
    size = (n.bit_length() + 7) // 8
    return bytes([tag, 0x80 | size]) + n.to_bytes(size, "big") + body


def _canonical_der(message: cms.ContentInfo) -> bytes:
    """The DER the CMS message must have: each field re-encoded, the frames rebuilt minimal.

    (asn1crypto's ``dump(force=True)`` on the whole message gives the same bytes but takes a
    second; field by field it takes milliseconds.)
    """
    signed_data = message["content"]
    fields = b"".join(
        signed_data[name].dump(force=True)
        for name in (
            "version", "digest_algorithms", "encap_content_info", "certificates", "crls",
            "signer_infos",
        )
        if signed_data[name].dump()
    )
    content_type = message["content_type"].dump(force=True)
    return _der(0x30, content_type + _der(0xA0, _der(0x30, fields)))


def _envelope_problem(embedded: EmbeddedPdfSignature, data: bytes) -> Message | None:
    """Why the signature's unsigned bytes are not exactly what Testimony writes, or None."""
    byte_range = [int(n) for n in embedded.byte_range]
    if len(byte_range) != 4 or byte_range[0] != 0:
        return Message("statement.envelope_byte_range")
    start, end = byte_range[1], byte_range[2]
    message = cms.ContentInfo.load(embedded.pkcs7_content)
    der = message.dump()
    if der != _canonical_der(message):
        return Message("statement.envelope_not_der")
    gap = data[start:end]
    padding = len(gap) - 2 - 2 * len(der)
    if padding < 0 or gap != b"<" + der.hex().upper().encode("ascii") + b"0" * padding + b">":
        return Message("statement.envelope_other_bytes")
    signed_data = embedded.signed_data
    infos = list(signed_data["signer_infos"])
    certificates = list(signed_data["certificates"] or [])
    if len(infos) != 1 or signed_data["version"].native != "v1":
        return Message("statement.envelope_signers")
    info = infos[0]
    if info["version"].native != "v1" or info["unsigned_attrs"].native:
        return Message("statement.envelope_unsigned_additions")
    if [a["algorithm"].native for a in signed_data["digest_algorithms"]] != [
        info["digest_algorithm"]["algorithm"].native
    ]:
        return Message("statement.envelope_digest_algorithms")
    if signed_data["crls"].native:
        return Message("statement.envelope_revocation_data")
    if len(certificates) != 1 or certificates[0].chosen.dump() != embedded.signer_cert.dump():
        return Message("statement.envelope_other_certificates")
    content = signed_data["encap_content_info"]
    if content["content_type"].native != "data" or content["content"].native is not None:
        return Message("statement.envelope_not_detached")
    return None


def _read_one(
    embedded: EmbeddedPdfSignature, data: bytes, is_last: bool
) -> SignatureReading:
    name = str(embedded.field_name)
    try:
        certificate = embedded.signer_cert
    except (ValueError, KeyError, SignatureValidationError):
        return SignatureReading(
            name, embedded.signed_revision, False, False, False, _UNKNOWN, False, "", b"", "", "",
            problem=Message("statement.no_signer_certificate"),
        )
    context = ValidationContext(trust_roots=[certificate], allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except (SignatureValidationError, PdfError, ValueError, KeyError) as exc:
        return SignatureReading(
            name, embedded.signed_revision, False, False, False, _UNKNOWN, False, "",
            certificate.dump(), "", "",
            problem=Message("statement.signature_uncheckable", detail=Verbatim(exc)),
        )
    level = status.modification_level
    other = _LATER_CHANGES[ModificationLevel.OTHER]
    later = _LATER_CHANGES.get(level, other) if level is not None else _UNKNOWN
    whole = status.coverage is not None and status.coverage.name == "ENTIRE_FILE"
    acceptable = whole if is_last else (
        level is not None and level <= _SIGNATURES_ONLY and bool(status.docmdp_ok)
    )
    claimed = status.signer_reported_dt
    return SignatureReading(
        field_name=name,
        revision=embedded.signed_revision,
        intact=bool(status.intact),
        valid=bool(status.valid),
        whole_file=whole,
        later_changes=later,
        later_changes_acceptable=acceptable,
        signed_at_claimed=(
            claimed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if claimed else ""
        ),
        certificate_der=certificate.dump(),
        mechanism=str(status.pkcs7_signature_mechanism),
        digest_algorithm=str(status.md_algorithm),
        envelope_problem=_envelope_problem(embedded, data),
    )


def _read(data: bytes) -> PdfSignatures:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = sorted(reader.embedded_signatures, key=lambda s: s.signed_revision)
        readings = tuple(
            _read_one(sig, data, i == len(embedded) - 1) for i, sig in enumerate(embedded)
        )
        unsigned = (
            _unsigned_length(reader, data, embedded[0].signed_revision) if embedded else None
        )
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise UnreadablePdf("statement.signatures_unreadable") from exc
    return PdfSignatures(size=len(data), signatures=readings, unsigned_length=unsigned)


def read_signatures(data: bytes) -> PdfSignatures:
    """Every signature in a PDF, checked against the bytes (not against any trust list).

    A file with so much appended after its last ``%%EOF`` that the PDF's end cannot be found
    is read up to that ``%%EOF``, and its last signature reported as not covering the file.
    """
    if len(data) > MAX_SIGNED_PDF_BYTES:
        raise UnreadablePdf("statement.file_too_large")
    if not data.startswith(b"%PDF-"):
        raise UnreadablePdf("statement.not_a_pdf")
    try:
        return _read(data)
    except UnreadablePdf:
        eof = data.rfind(b"%%EOF")
        if eof < 0 or eof + len(b"%%EOF\n") >= len(data):
            raise
        found = _read(data[: eof + len(b"%%EOF\n")])
    if not found.signatures:
        raise UnreadablePdf("statement.signatures_unreadable")
    last = replace(
        found.signatures[-1],
        whole_file=False,
        later_changes=Message("statement.later_after_end"),
        later_changes_acceptable=False,
    )
    return replace(found, size=len(data), signatures=(*found.signatures[:-1], last))
