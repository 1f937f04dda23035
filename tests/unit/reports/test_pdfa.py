"""Sealed statements are archival PDF/A-1b; drafts stay plain PDF with their watermark.

Apache PDFBox Preflight (Debian ``libpdfbox2-java``, run with a headless Java) is the judge;
``pdffonts`` (poppler) confirms that every declared font is embedded.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pypdf
import pytest

from testimony_app.domain import model
from testimony_app.reports import build_statement
from testkit.pdf_checks import guard, preflight, preflight_missing
from testkit.reports_samples import full_testimony, request_for, rtl_testimony

pytestmark = pytest.mark.slow  # PDFBox Preflight in a Java child process per statement (5-20 s)

SEALED_AT = "2026-03-16T12:00:00+04:00"


def _statement(lang: str = "en", script: str = "", **options: object) -> bytes:
    t = rtl_testimony(script, 6, translated=True) if script else full_testimony()
    request = request_for(t, language=lang, **options)
    pdf = build_statement(t, request)
    guard(pdf, t, request)
    return pdf


@pytest.mark.skipif(bool(preflight_missing()), reason=preflight_missing() or "ready")
@pytest.mark.parametrize(("lang", "script"), [("az", ""), ("ru", ""), ("en", ""), ("en", "fa"),
                                              ("ru", "ar")],
                         ids=["az", "ru", "en", "persian", "arabic"])
def test_preflight_says_sealed_statements_are_valid_pdfa_1b(lang: str, script: str) -> None:
    verdict = preflight(_statement(lang, script, attestation=True))
    assert "is a valid PDF/A-1b file" in verdict, verdict[:3000]


@pytest.mark.skipif(bool(preflight_missing()), reason=preflight_missing() or "ready")
def test_preflight_rejects_a_draft_which_is_not_archival() -> None:
    """The check can fail: a draft (transparent watermark, no PDF/A identification) is not
    PDF/A, and Preflight says so."""
    verdict = preflight(_statement("en", sealed=False))
    assert "is not a valid PDF/A-1b file" in verdict


def _pdffonts(pdf: bytes) -> list[list[str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True)
    rows = out.stdout.decode().splitlines()[2:]
    return [row.split() for row in rows if row.strip()]


@pytest.mark.parametrize("sealed", [True, False], ids=["sealed", "draft"])
def test_every_declared_font_is_embedded(sealed: bool) -> None:
    for pdf in (_statement("ru", sealed=sealed), _statement("en", "fa", sealed=sealed)):
        fonts = _pdffonts(pdf)
        assert fonts
        assert not any("Helvetica" in row[0] for row in fonts)
        # name type encoding emb sub uni id gen: every "emb" is yes.
        assert all(row[-5] == "yes" for row in fonts), fonts


def test_sealed_statement_identifies_itself_as_pdfa_with_the_seal_time() -> None:
    pdf = _statement("az")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root: Any = reader.trailer["/Root"]  # a dictionary; pypdf types it as any PdfObject
    xmp = root["/Metadata"].get_object()
    assert "/Filter" not in xmp
    packet = xmp.get_data().decode("utf-8")
    assert "<pdfaid:part>1</pdfaid:part>" in packet
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in packet
    assert "<xmp:CreateDate>2026-03-16T12:00:00+04:00</xmp:CreateDate>" in packet
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 3
    info = reader.metadata
    assert info is not None
    sealed = datetime(2026, 3, 16, 12, 0, tzinfo=timezone(timedelta(hours=4)))
    assert info.creation_date == sealed
    assert info.modification_date == sealed
    assert str(info.get("/CreationDate")).startswith("D:20260316")


def test_draft_stays_plain_pdf_with_a_transparent_watermark() -> None:
    pdf = _statement("en", sealed=False)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    root: Any = reader.trailer["/Root"]  # a dictionary; pypdf types it as any PdfObject
    assert "/Metadata" not in root
    assert "/OutputIntents" not in root
    resources: Any = reader.pages[0]["/Resources"]
    states = resources["/ExtGState"]
    assert any(float(s.get_object().get("/ca", 1)) < 1 for s in states.values())


def test_every_stream_ends_with_an_end_of_line() -> None:
    pdf = _statement("en", "fa")
    assert pdf.count(b"endstream") > 10
    assert re.search(rb"[^\r\n]endstream", pdf) is None
    # The cross-reference table still points at every object.
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) > 1
    offsets = re.findall(rb"(\d{10}) 00000 n", pdf)
    for offset in offsets:
        assert re.match(rb"\d+ 0 obj", pdf[int(offset):int(offset) + 20])


@pytest.mark.parametrize(("lang", "script"), [("ru", ""), ("ru", "ar"), ("az", "fa")])
def test_every_stream_has_its_end_of_line_after_the_data_its_length_counts(
        lang: str, script: str) -> None:
    """Page streams are binary: their data may itself end in a line-end byte, which counts
    in /Length and is not the end of line PDF/A asks for before ``endstream``."""
    pdf = _statement(lang, script)
    streams = list(re.finditer(rb"/Length (\d+)\b(?:(?!endobj).)*?\nstream\n", pdf, re.S))
    assert len(streams) > 10
    for match in streams:
        data_end = match.end() + int(match.group(1))
        assert pdf[data_end:data_end + 1] in (b"\n", b"\r")
        assert pdf[data_end:data_end + 20].lstrip(b"\r\n").startswith(b"endstream")


def test_the_same_sealed_version_gives_identical_bytes() -> None:
    first = _statement("ru", "fa")
    assert _statement("ru", "fa") == first
    assert _statement("ru", "fa", version=3) != first


def test_bytes_do_not_depend_on_source_date_epoch() -> None:
    """ReportLab reads SOURCE_DATE_EPOCH; the statement's dates and identifier must not."""
    here = Path(__file__).resolve().parents[2]  # tests/, where testkit is
    code = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
        "from testkit.reports_samples import full_testimony, request_for;"
        "from testimony_app.reports import build_statement;"
        "t = full_testimony();"
        "print(hashlib.sha256(build_statement(t, request_for(t))).hexdigest())"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    out = subprocess.run([sys.executable, "-c", code, str(here)], capture_output=True,
                         text=True, check=True, env=env).stdout.strip()
    t = full_testimony()
    assert out == hashlib.sha256(build_statement(t, request_for(t))).hexdigest()


def test_a_seal_time_without_a_zone_is_taken_as_utc() -> None:
    t = model.Testimony(id="zone")
    pdf = build_statement(t, request_for(t, sealed_at="2026-01-02T03:04:05"))
    info = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert info.creation_date == datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
