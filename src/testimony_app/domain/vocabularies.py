"""Controlled vocabularies: the pick-lists of the editor, labelled in English, Azerbaijani, Russian.

Why controlled lists at all: a legal organisation comparing hundreds of testimonies needs
"falanga" to be the same word in every record, whatever language the interview was held in.
So the record stores a stable ASCII ``code`` and each screen or statement shows the label in
its own language. The lists are our own wording, inspired by the HURIDOCS Events Standard
Formats but not copied from them.

Why free text still works: a witness may describe something no list foresaw. The editor then
stores the witness's words in place of a code, and :meth:`Vocabulary.label` gives such a value
back unchanged, so nothing the witness said is ever hidden behind a missing translation.

The lists live as JSON in ``resources/vocabularies`` (packaged as
``testimony_app.resources``) so translators can correct a label without touching code. A file
that breaks the rules below is our bug, not the user's, and raises :class:`BugError`.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from testimony_app.errors import BugError

LANGUAGES = ("en", "az", "ru")
"""The languages every label exists in; ``en`` is the fallback."""

VOCABULARY_NAMES: tuple[str, ...] = (
    "methods",
    "detention_types",
    "outside_contact",
    "legal_counsel",
    "statements_signed",
    "medical_attention",
    "witness_roles",
    "witness_status",
    "date_precision",
    "body_sides",
    "consent_scopes",
    "languages",
    "perpetrator_involvement",
    "attachment_kinds",
    "genders",
)
"""Every vocabulary shipped; each is ``resources/vocabularies/<name>.json``."""

_FALLBACK = "en"
_CODE = re.compile(r"[a-z][a-z0-9_]*\Z")


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: a stable code and its label in each language."""

    code: str
    labels: Mapping[str, str] = field(hash=False)
    group: str = ""

    def label(self, lang: str) -> str:
        """The label in ``lang``, else the English one, else the code itself."""
        return self.labels.get(lang) or self.labels.get(_FALLBACK) or self.code


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of terms, in the order a pick-list should show them."""

    name: str
    terms: tuple[Term, ...]
    group_labels: Mapping[str, Mapping[str, str]] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    _index: Mapping[str, Term] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        """Index the terms by code once, so labelling a long list stays cheap."""
        object.__setattr__(self, "_index", MappingProxyType({t.code: t for t in self.terms}))

    def label(self, code: str, lang: str = "en") -> str:
        """The label of ``code`` in ``lang``.

        A value that is not one of our codes is text the user typed in place of a code; it is
        returned as it is rather than dropped or replaced by a placeholder.
        """
        term = self._index.get(code)
        return term.label(lang) if term is not None else code

    def codes(self) -> tuple[str, ...]:
        """Every code, in display order."""
        return tuple(t.code for t in self.terms)

    def get(self, code: str) -> Term | None:
        """The term with this code, or ``None`` for free text."""
        return self._index.get(code)

    def __contains__(self, code: object) -> bool:
        """``code in vocabulary`` tells a controlled value from free text."""
        return code in self._index

    def groups(self) -> tuple[str, ...]:
        """The groups in the order their first term appears (for grouped pick-lists)."""
        seen: dict[str, None] = {}
        for t in self.terms:
            seen.setdefault(t.group, None)
        return tuple(seen)

    def terms_in_group(self, group: str) -> tuple[Term, ...]:
        """The terms of one group, in display order."""
        return tuple(t for t in self.terms if t.group == group)

    def group_label(self, group: str, lang: str = "en") -> str:
        """The heading of ``group`` in ``lang``, else English, else the group code."""
        labels = self.group_labels.get(group, {})
        return labels.get(lang) or labels.get(_FALLBACK) or group


@functools.cache
def vocabulary(name: str) -> Vocabulary:
    """Load the vocabulary ``name`` from the packaged resources (once per process).

    Raises :class:`ValueError` for a name that is not in :data:`VOCABULARY_NAMES`, and
    :class:`BugError` if the packaged file is missing or malformed.
    """
    if name not in VOCABULARY_NAMES:
        raise ValueError(f"There is no vocabulary named {name!r}.")
    source = resources.files("testimony_app.resources") / "vocabularies" / f"{name}.json"
    try:
        doc = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BugError(f"The vocabulary file {name}.json cannot be read: {exc}") from exc
    return _parse(name, doc)


def label(name: str, code: str, lang: str = "en") -> str:
    """Shorthand for ``vocabulary(name).label(code, lang)``."""
    return vocabulary(name).label(code, lang)


@dataclass(frozen=True)
class TermName:
    """A vocabulary term as a message parameter: shown with its label in the reader's language
    (``TermName("languages", "az")``: "Azerbaijani", "Azərbaycan dili", "Азербайджанский")."""

    vocabulary: str
    code: str

    def localized(self, lang: str) -> str:
        """The term's label in ``lang`` (free text comes back as written)."""
        return label(self.vocabulary, self.code, lang)


def _parse(name: str, doc: Any) -> Vocabulary:
    """Check a vocabulary document strictly: a broken list must fail in tests, not on screen."""

    def fail(why: str) -> BugError:
        return BugError(f"Vocabulary {name}.json: {why}")

    if not isinstance(doc, dict) or doc.get("name") != name:
        raise fail("the top level must be an object whose 'name' is the file name.")
    if not isinstance(doc.get("version"), int) or isinstance(doc.get("version"), bool):
        raise fail("'version' must be a whole number.")
    unknown = set(doc) - {"name", "version", "groups", "terms"}
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r}.")
    groups_doc = doc.get("groups", {})
    if not isinstance(groups_doc, dict):
        raise fail("'groups' must be an object.")
    group_labels = {
        group: MappingProxyType(_labels(labels, f"group {group!r}", fail))
        for group, labels in groups_doc.items()
    }
    terms_doc = doc.get("terms")
    if not isinstance(terms_doc, list) or not terms_doc:
        raise fail("'terms' must be a non-empty list.")
    terms: list[Term] = []
    seen: set[str] = set()
    for i, item in enumerate(terms_doc):
        if not isinstance(item, dict) or set(item) - {"code", "group", "labels"}:
            raise fail(f"term {i} must be an object with code, group and labels only.")
        code = item.get("code")
        if not isinstance(code, str) or not _CODE.match(code):
            raise fail(f"term {i} has no snake_case ASCII code.")
        if code in seen:
            raise fail(f"code {code!r} appears twice.")
        seen.add(code)
        group = item.get("group", "")
        if not isinstance(group, str) or (group and group not in group_labels and groups_doc):
            raise fail(f"term {code!r} is in group {group!r}, which has no labels.")
        labels = _labels(item.get("labels"), f"term {code!r}", fail)
        terms.append(Term(code=code, labels=MappingProxyType(labels), group=group))
    return Vocabulary(name=name, terms=tuple(terms), group_labels=MappingProxyType(group_labels))


def _labels(value: object, what: str, fail: Callable[[str], BugError]) -> dict[str, str]:
    """Every language present and non-empty: a missing label would show as a bare code."""
    if not isinstance(value, dict):
        raise fail(f"{what} has no labels object.")
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise fail(f"{what} has no {lang!r} label.")
        out[lang] = text
    if set(value) - set(LANGUAGES):
        raise fail(f"{what} has a label in a language we do not ship.")
    return out
