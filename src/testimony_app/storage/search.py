"""What the full-text index holds for a record, and the snippets shown for a hit.

The index column ``body`` holds folded text (see :mod:`testimony_app.domain.folding`); the
unindexed column ``original`` keeps the record's text as typed, so a snippet can be cut from
it without parsing the record again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from testimony_app.domain import folding, interchange
from testimony_app.domain.model import Testimony

_SKIP_KEYS = ("format", "sha256", "id")
_WORD = re.compile(r"\w+", re.UNICODE)


def _all_text(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if value:
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _SKIP_KEYS:
                yield from _all_text(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_text(item)


def searchable_text(t: Testimony | dict[str, Any]) -> str:
    """Every piece of text in the record, one per line, as the search index sees it."""
    doc = t if isinstance(t, dict) else interchange.to_dict(t)
    return "\n".join(_all_text(doc))


def index_row(record_id: str, doc: dict[str, Any]) -> tuple[str, str, str]:
    """``(record_id, body, original)`` for the ``search`` table."""
    text = searchable_text(doc)
    return record_id, folding.index_text(text), text


def make_snippet(text: str, terms: list[str], width: int = 12) -> str:
    """A short excerpt around the first word matching any folded ``terms``, marked «…»."""
    # Every hit of a search gets a snippet, so this folds a few dozen lines and words per hit:
    # fold_both folds a second time only text that holds a ə.
    for line in text.split("\n"):
        folded_e, folded_a = folding.fold_both(line)
        if not any(t in folded_e or t in folded_a for t in terms):
            continue
        words = list(_WORD.finditer(line))
        for i, match in enumerate(words):
            word = match.group(0)
            forms = folding.fold_both(word)
            if any(f.startswith(t) for f in forms for t in terms):
                start = words[max(0, i - width)].start()
                end = words[min(len(words) - 1, i + width)].end()
                before, after = line[start : match.start()], line[match.end() : end]
                if before.endswith("«") and after.startswith("»"):
                    excerpt = before + word + after  # already in quotation marks
                else:
                    excerpt = before + "«" + word + "»" + after
                prefix = "…" if start > 0 else ""
                suffix = "…" if end < len(line) else ""
                return prefix + excerpt + suffix
    return text[:120]
