"""Archival PDF (PDF/A-1b) for sealed statements.

A sealed statement may be read in twenty years by a court archive that accepts only PDF/A,
so it carries what ISO 19005-1 level B asks for: XMP metadata that identifies the file as
PDF/A-1b and repeats the document information, an sRGB output intent with its ICC profile
(so "the colour of this grey" means the same thing everywhere), every font embedded, an end
of line before every ``endstream``, and dates that are true: the creation date is the moment
the version was sealed, not a made-up one. Drafts stay plain PDF (their watermark is
transparent, which PDF/A-1 forbids, and a draft is not for filing).

Nothing here reads a clock: the same sealed version and options give the same bytes.

The ICC profile is ``resources/color/sRGB.icc`` from the Debian package icc-profiles-free
(zlib licence; ``LICENSE-icc-profiles-free.txt`` beside it).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
    PDFZCompress,
)
from reportlab.pdfgen.canvas import Canvas

OUTPUT_CONDITION = "sRGB IEC61966-2.1"
_LENGTH = re.compile(rb"/Length\s+(\d+)\b")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf]) ?\r?\n")


@dataclass(frozen=True)
class DocumentInfo:
    """What the document information dictionary and the XMP both say (they must agree)."""

    title: str
    author: str
    subject: str
    keywords: str
    creator: str = "Testimony"
    producer: str = "Testimony"
    lang: str = "en"


@dataclass(frozen=True)
class _Stamp:
    """ReportLab's TimeStamp, for a given moment instead of now or 2000-01-01."""

    YMDhms: tuple[int, int, int, int, int, int]
    dhh: int
    dmm: int


def seal_time(value: str) -> datetime | None:
    """The seal time as an aware datetime (UTC when the stored time has no zone)."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _offset(moment: datetime) -> tuple[int, int, str]:
    delta = moment.utcoffset() or timedelta(0)
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return (hours if minutes >= 0 else -hours), mins, f"{sign}{hours:02d}:{mins:02d}"


def _xmp_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + _offset(moment)[2]


def xmp_packet(info: DocumentInfo, created: datetime) -> bytes:
    """The XMP metadata: PDF/A-1b identification and the document information again."""
    when = _xmp_date(created)
    creator = (f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq>"
               "</dc:creator>" if info.author else "")
    text = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
        "</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "<dc:format>application/pdf</dc:format>\n"
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li>'
        "</rdf:Alt></dc:title>\n"
        f"{creator}\n"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}'
        "</rdf:li></rdf:Alt></dc:description>\n"
        f"<dc:language><rdf:Bag><rdf:li>{escape(info.lang)}</rdf:li></rdf:Bag></dc:language>\n"
        "</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"<xmp:CreateDate>{when}</xmp:CreateDate>\n<xmp:ModifyDate>{when}</xmp:ModifyDate>\n"
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate>\n"
        f"<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>\n"
        "</rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"<pdf:Producer>{escape(info.producer)}</pdf:Producer>\n"
        f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n</x:xmpmeta>\n"
        + " " * 512 + '\n<?xpacket end="r"?>'
    )
    return text.encode("utf-8")


class _Info(PDFInfo):  # type: ignore[misc]
    """The document information dictionary, with no empty entries (an empty Author would
    have to be matched by an empty creator in the XMP) and no Trapped key."""

    def __init__(self, info: DocumentInfo, stamp: _Stamp | None) -> None:
        super().__init__()
        self._values = info
        self._stamp = stamp

    def digest(self, md5object: object) -> None:
        """The file identifier is set by :func:`finish`, not from these values."""

    def format(self, document: object) -> bytes:
        from reportlab.pdfbase.pdfdoc import PDFDate

        v = self._values
        entries: dict[str, object] = {}
        for key, value in (("Title", v.title), ("Author", v.author), ("Subject", v.subject),
                           ("Keywords", v.keywords), ("Creator", v.creator),
                           ("Producer", v.producer)):
            if value:
                entries[key] = PDFString(value)
        stamp = self._stamp or document._timeStamp  # type: ignore[attr-defined]
        entries["CreationDate"] = entries["ModDate"] = PDFDate(ts=stamp)
        return bytes(PDFDictionary(entries).format(document))


class _Catalog(PDFCatalog):  # type: ignore[misc]
    """The document catalogue, with the two entries PDF/A adds: Metadata, OutputIntents."""

    __NoDefault__ = (*PDFCatalog.__NoDefault__, "OutputIntents")
    __Refs__ = __NoDefault__


def _icc_profile() -> bytes:
    return (importlib.resources.files("testimony_app.resources") / "color" / "sRGB.icc") \
        .read_bytes()


def finish(canv: Canvas, info: DocumentInfo, *, identity: str, sealed_at: str,
           archival: bool) -> None:
    """Set what the file says about itself, just before it is written.

    ``identity`` names the statement (record, version, content hash, options): the file
    identifier is derived from it, so it is the same on every build and differs between
    statements (ReportLab's own mixes in a date that ``SOURCE_DATE_EPOCH`` can change).
    With ``archival``, the file becomes PDF/A-1b; ``sealed_at`` is its creation date.
    """
    doc = canv._doc
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32].upper()
    doc._ID = f"\n[<{digest}><{digest}>]\n".encode("ascii")
    created = seal_time(sealed_at) if archival else None
    stamp = None
    if created is not None:
        hours, minutes, _ = _offset(created)
        stamp = _Stamp((created.year, created.month, created.day, created.hour,
                        created.minute, created.second), hours, minutes)
    doc.info = _Info(info, stamp)
    if not archival:
        return
    moment = created or datetime(2000, 1, 1, tzinfo=UTC)
    catalog = _Catalog()
    catalog.__dict__.update(doc.Catalog.__dict__)
    metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"),
                                        "Subtype": PDFName("XML")}),
                         xmp_packet(info, moment))  # never compressed: filters stay None
    catalog.Metadata = metadata
    profile = PDFStream(PDFDictionary({"N": 3}), _icc_profile(), filters=[PDFZCompress])
    intent = PDFDictionary({
        "Type": PDFName("OutputIntent"),
        "S": PDFName("GTS_PDFA1"),
        "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
        "Info": PDFString(OUTPUT_CONDITION),
        "RegistryName": PDFString("http://www.color.org"),
        "DestOutputProfile": doc.Reference(profile),
    })
    catalog.OutputIntents = PDFArray([intent])
    doc.Catalog = doc._catalog = catalog


def _eol_before_endstream(chunk: bytes) -> bytes:
    """One object, with an end of line between its stream's data and ``endstream``."""
    keyword = chunk.rfind(b"endstream")
    if keyword <= 0:
        return chunk
    data_at = chunk.find(b"\nstream\n")
    length = _LENGTH.search(chunk, 0, data_at) if data_at > 0 else None
    if length is not None:
        data_end = data_at + len(b"\nstream\n") + int(length.group(1))
        if data_end == keyword:
            return chunk[:keyword] + b"\n" + chunk[keyword:]
        if chunk[data_end:data_end + 1] in (b"\n", b"\r"):
            return chunk
    # No direct /Length to go by: judge by the byte before the keyword.
    if chunk[keyword - 1:keyword] in (b"\n", b"\r"):
        return chunk
    return chunk[:keyword] + b"\n" + chunk[keyword:]


def end_streams_with_eol(pdf: bytes) -> bytes:
    """``pdf`` with an end of line before every ``endstream`` (ISO 19005-1 §6.1.7).

    ReportLab writes a stream's data straight up to the keyword. Adding the line end after
    the data leaves every ``/Length`` right; the object offsets move, so the cross-reference
    table is written again. Where the data ends is read from ``/Length``: binary data may
    itself end in a line-end byte, which is not the end of line the standard asks for.
    """
    xref_at = pdf.rindex(b"\nxref\n") + 1
    start = xref_at + len(b"xref\n")
    header_end = pdf.index(b"\n", start) + 1
    first, count = (int(x) for x in pdf[start:header_end].split())
    entries = _XREF_ENTRY.findall(pdf, header_end)[:count]
    offsets = sorted((int(off), num) for num, (off, _gen, kind) in
                     enumerate(entries, first) if kind == b"n")
    body = [pdf[: offsets[0][0]] if offsets else pdf[:xref_at]]
    new_offsets: dict[int, int] = {}
    position = len(body[0])
    for i, (offset, number) in enumerate(offsets):
        end = offsets[i + 1][0] if i + 1 < len(offsets) else xref_at
        chunk = _eol_before_endstream(pdf[offset:end])
        new_offsets[number] = position
        body.append(chunk)
        position += len(chunk)
    lines = [f"xref\n{first} {count}\n".encode("ascii")]
    for number, (off, gen, kind) in enumerate(entries, first):
        if kind == b"n":
            off = f"{new_offsets[number]:010d}".encode("ascii")
        lines.append(off + b" " + gen + b" " + kind + b" \n")
    trailer_at = pdf.index(b"trailer", header_end)
    trailer = pdf[trailer_at:pdf.rindex(b"startxref")]
    tail = f"startxref\n{position}\n%%EOF\n".encode("ascii")
    return b"".join([*body, *lines, trailer, tail])
