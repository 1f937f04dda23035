"""Checks every statement test runs on what it built: the layout guard and Preflight.

The layout guard reads the PDF back the way a reader's tools do and asks what a court clerk
would notice, or a search would betray:

* no glyph outside the page frame: nothing drawn below the frame's foot (on the footer band,
  where it overprints the page number and the hash, or off the sheet, where it is invisible
  on paper but found by search and copy) or past its sides;
* nothing but the page furniture on the header and footer bands;
* no word drawn over another (a label longer than its cell, run up over its neighbour);
* the text layer holds each word of the narrative as often as the record does (a word
  printed twice is hidden text; a word missing is evidence lost);
* qpdf finds the file's structure sound, without a warning. Like Preflight, qpdf is a
  system package: ``scripts/install-system-deps.sh`` installs it (``make test`` and CI run
  that first, and stop if it fails); where it is missing, the guard leaves this check out
  and the qpdf tests are skipped saying why (``qpdf_missing``).

Positions come from pypdf (the origin of every text run, wherever it was drawn, even off the
page) and word boxes and words from poppler's ``pdftotext``, which reorders right-to-left
text as PDF readers do.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pypdf

from testimony_app.domain import interchange, vocabularies
from testimony_app.domain.model import Testimony
from testimony_app.reports import StatementRequest
from testimony_app.reports.layout import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H, PAGE_W
from testimony_app.reports.redaction import redact_testimony
from testimony_app.reports.witness_truth import WITNESS_TRUTH
from testimony_app.words import LANGUAGES, Message, Param
from testimony_app.words import text as _text_of

_LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale"


def label(key: str, lang: str, **values: Param) -> str:
    """The statement's wording ``pdf.<key>`` in ``lang``, as the program renders it."""
    return _text_of(Message(f"pdf.{key}", **values), lang)


def all_labels() -> dict[str, dict[str, str]]:
    """Every ``pdf.*`` template of the reports catalogue, per language, keyed without the
    prefix (a plural entry by its last form), read from the ``.po`` files translators edit."""
    from babel.messages.pofile import read_po

    out: dict[str, dict[str, str]] = {}
    for lang in LANGUAGES:
        path = _LOCALE / lang / "LC_MESSAGES" / "reports.po"
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        table: dict[str, str] = {}
        for entry in catalog:
            ident = entry.id[0] if isinstance(entry.id, tuple | list) else entry.id
            if not ident or not str(ident).startswith("pdf."):
                continue
            value = entry.string
            table[str(ident)[4:]] = str(value[-1] if isinstance(value, tuple | list) else value)
        out[lang] = table
    return out

# Joiners vanish (the record has them, the drawn glyphs do not); the direction marks an
# extractor inserts at the edges of a right-to-left run separate words.
_INVISIBLE: dict[int, str | None] = {
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad")),
    **dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
                             "\u2068\u2069"), " "),
}
_WORD = re.compile(r"\w+")
_BBOX = re.compile(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
                   r'yMax="([\d.-]+)">(.*?)</word>')
_TOLERANCE = 1.0
_LINE = 20.0  # points: taller than any line of the statement's text


def clean(text: str) -> str:
    """NFKC, without the bidi and joining controls that extractors add or drop, and without
    combining marks (Arabic vowel signs), which extractors may put before or after their
    letter."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def words(text: str) -> list[str]:
    """The words of ``text`` as a reader's search sees them."""
    return _WORD.findall(clean(text).casefold())


@dataclass(frozen=True)
class Run:
    """One run of text as drawn: page (from 1), origin, text, whether it is rotated."""

    page: int
    x: float
    y: float
    text: str
    rotated: bool


def runs(pdf: bytes) -> list[Run]:
    """Every text run of ``pdf`` with the origin it was drawn at."""
    out: list[Run] = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, 1):
        def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object,
                  number: int = number) -> None:
            if not text.strip():
                return
            a, b, c, d, e, f = cm
            x = tm[4] * a + tm[5] * c + e
            y = tm[4] * b + tm[5] * d + f
            rotated = abs(b) > 1e-6 or abs(tm[1]) > 1e-6
            out.append(Run(number, x, y, text.strip(), rotated))
        page.extract_text(visitor_text=visit)
    return out


def pdftotext(pdf: bytes, *args: str) -> str:
    """poppler's text of ``pdf`` (UTF-8)."""
    return subprocess.run(["pdftotext", *args, "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


def word_boxes(pdf: bytes) -> list[tuple[int, float, float, float, float, str]]:
    """(page, xMin, yMin, xMax, yMax, word) for every word poppler finds (y from the top)."""
    html = pdftotext(pdf, "-bbox")
    out = []
    for number, page in enumerate(html.split("<page ")[1:], 1):
        for m in _BBOX.finditer(page):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            out.append((number, x0, y0, x1, y1, unescape(m.group(5))))
    return out


def furniture_texts(request: StatementRequest, pages: int, interpreter: bool) -> list[str]:
    """Everything the header and footer of a statement may print."""
    lang = request.language
    t = all_labels()[lang]
    texts = [f"{t['doc_title']} · {t['record_id']} {request.record_id}",
             t["fictional_notice"].split(":")[0], t["redacted"], t["draft_watermark"],
             label("footer_record", lang, record=request.record_id, version=request.version),
             f"SHA-256: {request.content_sha256 or '—'}", t["initials"],
             t["interpreter_initials"] if interpreter else t["initials"]]
    flags = (t["fictional_notice"].split(":")[0], t["redacted"], t["draft_watermark"])
    texts += [" · ".join(f for i, f in enumerate(flags) if mask >> i & 1) for mask in range(8)]
    texts += [label("page_of", lang, page=p, pages=pages) for p in range(1, pages + 1)]
    return texts


def check_layout(pdf: bytes, request: StatementRequest, interpreter: bool) -> list[str]:
    """What is wrong with where the statement's text was drawn ([] when nothing)."""
    problems: list[str] = []
    found = runs(pdf)
    pages = max((r.page for r in found), default=0)
    allowed = " | ".join(furniture_texts(request, pages, interpreter))
    frame_top = PAGE_H - MARGIN_TOP
    for r in found:
        if r.rotated:  # the watermark of a draft, drawn across the page
            if r.text not in allowed:
                problems.append(f"page {r.page}: rotated text {r.text[:40]!r}")
            continue
        if not (0 <= r.x <= PAGE_W and 0 <= r.y <= PAGE_H):
            problems.append(f"page {r.page}: off the sheet at ({r.x:.0f}, {r.y:.0f}): "
                            f"{r.text[:40]!r}")
        elif (r.y < MARGIN_BOTTOM or r.y > frame_top) and r.text not in allowed:
            band = "footer" if r.y < MARGIN_BOTTOM else "header"
            problems.append(f"page {r.page}: on the {band} band at y={r.y:.0f}: "
                            f"{r.text[:40]!r}")
    watermark = label("draft_watermark", request.language)
    boxes = word_boxes(pdf)
    # The watermark of a draft is drawn across the page, over the text, on purpose.
    problems += overprinted([b for b in boxes
                             if not (b[5] in watermark and b[4] - b[2] > 2 * _LINE)])
    for page, x0, y0, x1, y1, word in boxes:
        if word == watermark or word in watermark:
            continue
        if x0 < MARGIN_X - _TOLERANCE or x1 > PAGE_W - MARGIN_X + _TOLERANCE:
            problems.append(f"page {page}: past the side of the frame ({x0:.0f}–{x1:.0f}): "
                            f"{word!r}")
        if y0 < 0 or y1 > PAGE_H:
            problems.append(f"page {page}: off the sheet: {word!r}")
    return problems


def overprinted(boxes: list[tuple[int, float, float, float, float, str]]) -> list[str]:
    """Words drawn over one another: boxes that overlap by more than a point across and by
    more than half the lower box's height (lines of Arabic script, whose fonts are tall,
    touch their neighbours' boxes without overprinting them)."""
    problems: list[str] = []
    by_page: dict[int, list[tuple[int, float, float, float, float, str]]] = {}
    for box in boxes:
        by_page.setdefault(box[0], []).append(box)
    for page, found in sorted(by_page.items()):
        found.sort(key=lambda b: b[2])
        for i, a in enumerate(found):
            for b in found[i + 1:]:
                if b[2] >= a[4]:
                    break
                across = min(a[3], b[3]) - max(a[1], b[1])
                down = min(a[4], b[4]) - max(a[2], b[2])
                if across > _TOLERANCE and down > 0.5 * min(a[4] - a[2], b[4] - b[2]):
                    problems.append(f"page {page}: {a[5]!r} and {b[5]!r} overprint at "
                                    f"({a[1]:.0f}, {a[2]:.0f})")
    return problems


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def check_words(pdf: bytes, testimony: Testimony, request: StatementRequest) -> list[str]:
    """Narrative words the text layer holds a different number of times than the record.

    A word that also occurs elsewhere in what the statement prints (another field, a
    label, the furniture) must occur at least as often as in the narrative; a word that
    occurs only in the narrative exactly as often.
    """
    narrative = [testimony.narrative.text, testimony.narrative.translation]
    expected = Counter(w for text in narrative for w in words(text))
    doc = interchange.to_dict(testimony)
    doc.pop("narrative", None)
    others: list[str] = list(_strings(doc))
    others += [v for table in all_labels().values() for v in table.values()]
    others += [text for _name, text in WITNESS_TRUTH.values()]
    for name in vocabularies.VOCABULARY_NAMES:
        vocab = vocabularies.vocabulary(name)
        others += [term.label(lang) for term in vocab.terms for lang in ("en", "az", "ru")]
    others += [request.record_id, request.content_sha256, request.sealed_at,
               request.amendment_reason, "page", "sha", "256"]
    elsewhere = {w for text in others for w in words(text)}
    actual = Counter(words(pdftotext(pdf, "-nodiag")))  # not the watermark of a draft
    problems = []
    for word, count in sorted(expected.items()):
        got = actual[word]
        if got < count or (word not in elsewhere and got != count):
            problems.append(f"{word!r}: {got} in the PDF, {count} in the narrative")
    return problems


def guard(pdf: bytes, testimony: Testimony, request: StatementRequest) -> None:
    """Fail with every layout and word problem of a statement built for a test."""
    problems = check_layout(pdf, request, bool(testimony.interview.interpreter))
    if request.redacted:  # the words to find are those of the redacted record
        lang = request.language
        pseudonym = testimony.witness.pseudonym or label("witness_placeholder", lang)
        testimony = redact_testimony(testimony, pseudonym, label("redacted", lang))
    problems += check_words(pdf, testimony, request)
    if not qpdf_missing():
        problems += qpdf_check(pdf)
    assert problems == [], "\n".join(problems[:40])


# --------------------------------------------------------------------------- qpdf


def qpdf_missing() -> str:
    """Why ``qpdf --check`` cannot run here ("" when it can)."""
    if shutil.which("qpdf") is None:
        return "no qpdf (scripts/install-system-deps.sh installs it)"
    return ""


def qpdf_check(pdf: bytes) -> list[str]:
    """What ``qpdf --check`` says is wrong with ``pdf``: its errors and warnings ([] when
    it finds the structure, cross-reference table and every stream sound)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "statement.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True,
                              timeout=120)
    said = (done.stdout + done.stderr).replace(str(path), "statement.pdf")
    if done.returncode == 0 and "warning" not in said.lower():
        return []
    return [f"qpdf --check (exit {done.returncode}): {line}"
            for line in said.splitlines() if line.strip()]


# --------------------------------------------------------------------------- Preflight

PREFLIGHT_JARS = ("preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging",
                  "javax.activation", "jaxb-api")
_JAVA_DIR = Path("/usr/share/java")


def preflight_missing() -> str:
    """Why Preflight cannot run here ("" when it can)."""
    if shutil.which("java") is None:
        return "no Java runtime (scripts/install-system-deps.sh installs default-jre-headless)"
    absent = [j for j in PREFLIGHT_JARS if not (_JAVA_DIR / f"{j}.jar").is_file()]
    if absent:
        return f"PDFBox Preflight jars missing: {', '.join(absent)} (libpdfbox2-java)"
    return ""


def preflight(pdf: bytes) -> str:
    """Apache PDFBox Preflight's verdict on ``pdf`` as PDF/A-1b (its stdout)."""
    classpath = ":".join(str(_JAVA_DIR / f"{j}.jar") for j in PREFLIGHT_JARS)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "statement.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            ["java", f"-Dpdfbox.fontcache={tmp}", "-Djava.awt.headless=true", "-cp", classpath,
             "org.apache.pdfbox.preflight.Validator_A1b", str(path)],
            capture_output=True, text=True, timeout=300, env={"HOME": tmp, "PATH": "/usr/bin:/bin"},
        )
    return done.stdout


def built(testimony: Testimony, request: StatementRequest) -> bytes:
    """``build_statement``, then the layout guard on what it built."""
    from testimony_app.reports import build_statement

    pdf = build_statement(testimony, request)
    guard(pdf, testimony, request)
    return pdf
