"""The statement's annexes: the record's attachments numbered A1, A2… in the order of the
documents' own dates, each referred to by the section it belongs to.

The numbers depend on the attachments alone, so every layout pass gives the same ones and the
body's "see annexes A2, A3" and the annex list at the end agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from testimony_app.domain.model import AttachmentInfo

# Which section refers to an annex of each kind; other kinds are referred to in the annex
# list only.
_KIND_SECTION = {
    "audio": "interview", "video": "interview",
    "photo": "effects", "medical_report": "effects", "drawing": "effects",
    "document": "detention", "court_decision": "detention", "death_certificate": "detention",
}


@dataclass
class Annex:
    """One attachment as an annex: its number (A1…), its key for page references, and the
    section that refers to it."""

    number: str
    key: str
    info: AttachmentInfo
    section: str


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")


def document_date(attachment: AttachmentInfo) -> str:
    """The document's own date, where its description gives one (``2021-03-05`` or, as
    Azerbaijani and Russian documents write it, ``05.03.2021``), as ``YYYY-MM-DD``; else
    "" (the date it entered the vault says nothing about the document)."""
    text = attachment.description
    found: list[tuple[int, str]] = []
    for m in _ISO_DATE.finditer(text):
        found.append((m.start(), f"{m.group(1)}-{m.group(2)}-{m.group(3)}"))
    for m in _DOTTED_DATE.finditer(text):
        found.append((m.start(), f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"))
    for _pos, value in sorted(found):
        month, day = int(value[5:7]), int(value[8:10])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return value
    return ""


def annexes_of(attachments: Sequence[AttachmentInfo]) -> list[Annex]:
    """Attachments as annexes A1, A2… in the order of the documents' own dates (ECtHR Rule
    47 asks for a chronological list of documents); a document whose date is not known
    follows those that have one, in the order it entered the record; ties keep the
    record's order."""
    dates = [document_date(a) for a in attachments]

    def key(i: int) -> tuple[int, str, str, int]:
        return (0 if dates[i] else 1, dates[i], attachments[i].added_at, i)

    out: list[Annex] = []
    for n, i in enumerate(sorted(range(len(attachments)), key=key), 1):
        a = attachments[i]
        out.append(Annex(f"A{n}", f"{i}:{a.id or a.sha256}", a, _KIND_SECTION.get(a.kind, "")))
    return out
