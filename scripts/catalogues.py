"""The translators' tool for the gettext catalogues: extract, compile, check.

The program's messages below the window are codes (``Message("bundle.members_missing",
count=3)``, ``raise BundleRejected("bundle.manifest_missing")``); their words are in
``resources/locale/<lang>/LC_MESSAGES/<catalogue>.po``. English is a language like the others:
``en`` holds the English text of every code, and ``az`` and ``ru`` show it to the translator
as a comment (``#.``) above each entry.

Usage, from the repository root (``make words`` runs the first two)::

    .venv/bin/python scripts/catalogues.py extract   # new codes in, unused ones out (as #~)
    .venv/bin/python scripts/catalogues.py compile   # .po -> .mo (what the program reads)
    .venv/bin/python scripts/catalogues.py check     # what tests/unit/words checks

``extract`` finds the codes by reading the source (the same walk the test does, never a hand
list): the first argument of every ``Message(...)`` and of every call of a
``UserFacingError`` subclass, every ``default_code = "..."`` in such a class, and the code
argument of every function that passes one of its parameters on as a code (a report's
``say(code, **values)``), whose callers must then give a literal. A code
belongs to the catalogue of the lowest layer that uses it (``domain`` < ``reports`` <
``services`` < ``cli``). When the English text of a code changes, ``extract`` marks its
Azerbaijani and Russian entries fuzzy, and ``compile`` leaves fuzzy entries out (English
shows) until a translator confirms them.

Babel is used here only (a test and developer dependency); the program reads the ``.mo``
files with the standard library.
"""

# ruff: noqa: T201 -- a command-line tool: printing is its output

from __future__ import annotations

import argparse
import ast
import datetime
import io
import re
import string
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from babel.messages.catalog import Message as Entry

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "testimony_app"
LOCALE = ROOT / "resources" / "locale"

LANGUAGES = ("en", "az", "ru")
DOMAINS = ("domain", "reports", "services", "cli")  # lowest layer first
CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\Z")
PLURAL_FORMS = {"en": 2, "az": 2, "ru": 3}
BASE_ERROR = "UserFacingError"


def domain_of(relative: str) -> str | None:
    """The catalogue that owns codes first used in ``relative`` (a path under testimony_app/);
    ``None`` for the window, which only shows codes the layers below define."""
    top = relative.split("/")[0]
    if top in ("domain", "crypto", "errors.py", "words"):
        return "domain"
    if top == "reports":
        return "reports"
    if top in ("services", "storage", "bundles"):
        return "services"
    if top.startswith("cli") or top in ("app.py", "crash.py", "__main__.py", "paths.py", "log.py"):
        return "cli"
    return None


# -- reading the source --------------------------------------------------------------------------


@dataclass(frozen=True)
class Use:
    """A code the source uses, with the parameters passed where it is used."""

    code: str
    params: frozenset[str] | None  # None: passed with ``**``, not checkable
    path: str
    line: int


@dataclass(frozen=True)
class Finding:
    """A place where a reader would see words that no catalogue holds."""

    path: str
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.text}"


@dataclass
class Collection:
    """Everything the source says about messages."""

    uses: list[Use] = field(default_factory=list)
    legacy: list[Finding] = field(default_factory=list)
    """Errors still raised with an English sentence (or a sentence built at run time)."""
    built: list[Finding] = field(default_factory=list)
    """Sentences built with an f-string, ``%`` or ``.format``, or printed as literals."""

    def codes(self) -> dict[str, list[Use]]:
        """Each code with every use of it."""
        out: dict[str, list[Use]] = {}
        for use in self.uses:
            out.setdefault(use.code, []).append(use)
        return out

    def owner(self, code: str) -> str | None:
        """The catalogue a code belongs to: that of the lowest layer using it."""
        domains = [domain_of(u.path) for u in self.codes().get(code, [])]
        ranked = [d for d in DOMAINS if d in domains]
        return ranked[0] if ranked else None


_WORD = re.compile(r"[^\W\d_]{2,}")


def is_sentence(text: str) -> bool:
    """Words a person reads: two or more words of letters with a space between them (SQL and
    markup are not)."""
    if _TECHNICAL.match(text):
        return False
    return len(_WORD.findall(text)) >= 2 and re.search(r"[^\W\d_]\s+\S*[^\W\d_]", text) is not None


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _literal_text(node: ast.expr) -> str | None:
    """The literal words of a string expression (an f-string's fixed parts)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """Every class deriving from UserFacingError (by name, transitively)."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(
                    n for n in (_name(b) for b in node.bases) if n
                )
    errors = {BASE_ERROR}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in errors and parents & errors:
                errors.add(name)
                grew = True
    return errors


@dataclass(frozen=True)
class CodeCall:
    """Where a callable takes its message code, and which of its arguments are not message
    parameters (``withheld=`` of an error, ``field_path`` beside a code)."""

    position: int
    keyword: str
    others: frozenset[str] = frozenset()


def _params(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _code_argument(call: ast.Call, where: CodeCall) -> ast.expr | None:
    if len(call.args) > where.position:
        arg = call.args[where.position]
        return None if isinstance(arg, ast.Starred) else arg
    for keyword in call.keywords:
        if keyword.arg == where.keyword:
            return keyword.value
    return None


def _code_calls(trees: dict[str, ast.Module], errors: set[str]) -> dict[str, CodeCall]:
    """Every callable that takes a message code: ``Message``, the error classes, and (found
    by following the code) every function that passes one of its parameters on as a code,
    such as a report's ``say(code, **values)``. A code can only enter through a literal."""
    calls: dict[str, CodeCall] = {"Message": CodeCall(0, "code")}
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in errors:
                others: set[str] = set()
                for stmt in node.body:
                    if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
                        args = stmt.args
                        others = {a.arg for a in (*args.args[2:], *args.kwonlyargs)}
                calls[node.name] = CodeCall(0, "code", frozenset(others))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                functions.append(node)
    grew = True
    while grew:
        grew = False
        for function in functions:
            if function.name in calls or function.name.startswith("__"):
                continue  # an error's own __init__ is known by its class's name
            params = _params(function)
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                where = calls.get(_name(node.func) or "")
                arg = _code_argument(node, where) if where else None
                if isinstance(arg, ast.Name) and arg.id in params:
                    others = {a for a in params if a != arg.id}
                    others |= {a.arg for a in function.args.kwonlyargs}
                    calls[function.name] = CodeCall(params.index(arg.id), arg.id,
                                                    frozenset(others))
                    grew = True
                    break
    return calls


_LOGGING = frozenset({"debug", "info", "warning", "error", "exception", "critical", "log"})
_SINKS = frozenset({"print", "write", "_emit", "error", "exit"})
_HELP = frozenset({"help", "description", "epilog"})
# Text that is a language of its own, not words for a person: SQL, PDF and XML markup.
_TECHNICAL = re.compile(r"\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|WITH|ALTER|DROP)\b|\s*<|"
                        r"startxref")

EXEMPT: dict[str, str] = {
    "services/selftest.py": "the frozen build's self-test speaks to the build machine",
    "bundles/keys.py:# created": "age's identity-file comment lines, a file format",
    "bundles/keys.py:# Testimony organisation receipt-signing key": "a key file's header",
}
"""Findings that are not words for a reader: ``path`` or ``path:start of the text``."""


def exempt(finding: Finding) -> bool:
    """True for a finding on :data:`EXEMPT`."""
    for key in EXEMPT:
        path, _, start = key.partition(":")
        if finding.path == path and (not start or start in finding.text):
            return True
    return False


class _Walker(ast.NodeVisitor):
    def __init__(
        self, path: str, errors: set[str], calls: dict[str, CodeCall], out: Collection
    ) -> None:
        self.path, self.errors, self.calls, self.out = path, errors, calls, out
        self.exempt_depth = 0  # inside a log call or the raise of an internal exception
        self.reported: set[int] = set()  # nodes already reported as legacy error arguments
        self.functions: list[tuple[str, list[str]]] = []  # the enclosing functions

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.functions.append((node.name, _params(node)))
        self.generic_visit(node)
        self.functions.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815 -- ast.NodeVisitor's naming

    # what is exempt: internal exceptions (bugs, never shown) and log calls (codes only)
    def visit_Raise(self, node: ast.Raise) -> None:
        exc = node.exc
        internal = (
            isinstance(exc, ast.Call) and (_name(exc.func) or "") not in self.errors
        )
        if internal:
            self.exempt_depth += 1
        self.generic_visit(node)
        if internal:
            self.exempt_depth -= 1

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func) or ""
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        is_log = name in _LOGGING and receiver is not None and "log" in ast.unparse(receiver)
        # An internal exception made (not only raised) here: a bug's message, never shown.
        is_log = is_log or (name.endswith(("Error", "Exception")) and name not in self.errors)
        if name in self.calls:
            self._code_call(node, name)
        elif name in _SINKS and not is_log and self.exempt_depth == 0:
            for arg in node.args:  # f-strings are reported by visit_JoinedStr
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and is_sentence(arg.value)
                ):
                    self._built(arg, "printed sentence")
        if self.exempt_depth == 0:
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg in _HELP
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and is_sentence(value.value)
                ):
                    self._built(value, f"{keyword.arg} text")
        if is_log:
            self.exempt_depth += 1
        self.generic_visit(node)
        if is_log:
            self.exempt_depth -= 1

    def _code_call(self, node: ast.Call, name: str) -> None:
        where = self.calls[name]
        first = _code_argument(node, where)
        if first is None:
            return  # an error class's default code, collected from its class body
        mechanism = self.path == "errors.py" or self.path.startswith("words/")
        if mechanism and not isinstance(first, ast.Constant):
            return  # the mechanism itself passes codes through
        if isinstance(first, ast.Name) and self.functions:
            outer, params = self.functions[-1]
            if outer in self.calls and first.id in params:
                return  # passed through: the outer function's own callers give the literal
        params_passed: frozenset[str] | None = frozenset(
            k.arg for k in node.keywords
            if k.arg is not None and k.arg != where.keyword and k.arg not in where.others
        )
        if any(k.arg is None for k in node.keywords):
            params_passed = None
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            if CODE.match(first.value):
                self.out.uses.append(Use(first.value, params_passed, self.path, node.lineno))
            else:
                self.out.legacy.append(
                    Finding(self.path, node.lineno, f"{name} with a sentence", first.value)
                )
        else:
            kind = "f-string" if isinstance(first, ast.JoinedStr) else "built at run time"
            self.reported.add(id(first))
            self.out.legacy.append(
                Finding(self.path, node.lineno, f"{name} {kind}", ast.unparse(first)[:90])
            )

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        if node.name in self.errors:
            for stmt in node.body:
                target = (
                    stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                    else stmt.target if isinstance(stmt, ast.AnnAssign) else None
                )
                value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
                if (
                    isinstance(target, ast.Name)
                    and target.id == "default_code"
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and value.value
                ):
                    self.out.uses.append(Use(value.value, frozenset(), self.path, stmt.lineno))
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if self.exempt_depth == 0 and id(node) not in self.reported:
            text = _literal_text(node) or ""
            if is_sentence(text):
                self._built(node, "f-string sentence")
        # the parts of an f-string are expressions; nested f-strings are reported once
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                self.visit(value.value)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if (
            self.exempt_depth == 0
            and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, str)
            and is_sentence(node.left.value)
        ):
            self._built(node, "%-formatted sentence")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if (
            self.exempt_depth == 0
            and node.attr == "format"
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            and is_sentence(node.value.value)
        ):
            self._built(node, ".format sentence")
        self.generic_visit(node)

    def _built(self, node: ast.AST, kind: str) -> None:
        text = ast.unparse(node) if not isinstance(node, ast.Constant) else repr(node.value)
        self.out.built.append(Finding(self.path, getattr(node, "lineno", 0), kind, text[:90]))


def collect(src: Path = SRC) -> Collection:
    """Walk every module under ``src`` (the package) and collect its messages."""
    trees: dict[str, ast.Module] = {}
    for path in sorted(src.rglob("*.py")):
        relative = path.relative_to(src).as_posix()
        trees[relative] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    errors = _error_classes(trees)
    calls = _code_calls(trees, errors)
    out = Collection()
    for relative, tree in trees.items():
        _Walker(relative, errors, calls, out).visit(tree)
    out.built = [f for f in out.built if not exempt(f)]
    return out


# -- reading and writing catalogues ---------------------------------------------------------------


def po_path(locale: Path, lang: str, domain: str) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{domain}.po"


def read_catalogues(locale: Path = LOCALE) -> dict[tuple[str, str], Catalog]:
    """Every ``.po`` file, as Babel catalogues keyed by (language, catalogue)."""
    from babel.messages.pofile import read_po

    out: dict[tuple[str, str], Catalog] = {}
    for lang in LANGUAGES:
        for domain in DOMAINS:
            path = po_path(locale, lang, domain)
            if path.exists():
                with path.open("rb") as fh:
                    out[(lang, domain)] = read_po(fh, locale=lang, domain=domain)
    return out


def _new_catalogue(lang: str, domain: str) -> Catalog:
    from babel.messages.catalog import Catalog

    name = {"en": "English", "az": "Azerbaijani", "ru": "Russian"}[lang]
    source = (
        "# The English text of each code: the source that az and ru translate."
        if lang == "en"
        else "# Each entry shows the English text above it (#. en: ...); translate that."
    )
    return Catalog(
        locale=lang,
        domain=domain,
        header_comment=(
            f"# Testimony: the {domain} catalogue in {name}.\n{source}\n"
            "# Workflow and rules: CONTRIBUTING.md, \"Words\" (scripts/catalogues.py)."
        ),
        project="Testimony",
        version="1",
        msgid_bugs_address="",
        last_translator="Testimony translators",
        language_team=name,
        fuzzy=False,
    )


def write_po(catalog: Catalog, path: Path) -> None:
    """Write a catalogue in the repository's layout: sorted by code, no locations, unwrapped."""
    from babel.messages.pofile import write_po as babel_write_po

    buffer = io.BytesIO()
    babel_write_po(
        buffer, catalog, width=1000, no_location=True, sort_output=True, include_previous=False
    )
    data = buffer.getvalue()
    # Babel stamps the time of writing; the catalogues say nothing that changes by itself.
    data = re.sub(rb'"POT-Creation-Date: [^"]*\\n"\n', b"", data)
    data = re.sub(rb'"PO-Revision-Date: [^"]*\\n"\n', b"", data)
    data = re.sub(rb'"Generated-By: [^"]*\\n"\n', b"", data)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def entry_code(message: Entry) -> str:
    """The code of a catalogue entry (its msgid, or the singular msgid of a plural one)."""
    ident = message.id
    return str(ident[0] if isinstance(ident, tuple | list) else ident)


def forms(message: Entry) -> tuple[str, ...]:
    """The texts of a catalogue entry: one, or one per plural form."""
    value = message.string
    if isinstance(value, tuple | list):
        return tuple(str(v or "") for v in value)
    return (str(value or ""),)


def placeholders(text: str) -> set[str] | None:
    """The ``{name}`` fields of a template, or ``None`` when it is not a valid template."""
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return None
    if any(not n.isidentifier() for n in names):
        return None
    return names


def english_note(message: Entry) -> list[str]:
    """What az and ru show above an entry: the English text, plural forms labelled."""
    texts = forms(message)
    notes = list(message.user_comments)
    if len(texts) == 1:
        return [f"en: {texts[0]}", *notes]
    return [f"en (one): {texts[0]}", f"en (other): {texts[1]}", *notes]


# -- extract --------------------------------------------------------------------------------------


def extract(locale: Path = LOCALE, src: Path = SRC) -> list[str]:
    """Bring every ``.po`` file in line with the codes the source uses; returns what to do."""
    found = collect(src)
    codes = found.codes()
    plural = {c for c, uses in codes.items() if any(u.params and "count" in u.params for u in uses)}
    catalogues = read_catalogues(locale)
    todo: list[str] = []
    # Every entry, wherever it is now, so that a code moving between catalogues keeps its words.
    existing: dict[tuple[str, str], Entry] = {}
    for (lang, _domain), cat in catalogues.items():
        for message in cat:
            if message.id:
                key = entry_code(message)
                existing[(lang, key)] = message
    for domain in DOMAINS:
        owned = sorted(c for c in codes if found.owner(c) == domain)
        english: dict[str, Entry] = {}
        for lang in LANGUAGES:
            old = catalogues.get((lang, domain))
            cat = _new_catalogue(lang, domain)
            for code in owned:
                previous = existing.get((lang, code))
                n = PLURAL_FORMS[lang]
                if code in plural:
                    strings = tuple(forms(previous)) if previous is not None else ()
                    strings = (strings + ("",) * n)[:n]
                    cat.add((code, code), strings)
                else:
                    text = forms(previous)[0] if previous is not None else ""
                    cat.add(code, text)
                entry = cat[code]
                if previous is not None:
                    entry.user_comments = list(previous.user_comments)
                    entry.flags = set(previous.flags)
                if lang == "en":
                    english[code] = entry
                    if not all(forms(entry)):
                        todo.append(f"en/{domain}: write the English text of {code}")
                    continue
                note = english_note(english[code])
                before = " ".join(" ".join(getattr(previous, "auto_comments", ())).split())
                unwritten = re.fullmatch(r"en( \(one\))?:( en \(other\):)?", before)
                was_written = bool(before) and not unwritten
                if was_written and before != " ".join(" ".join(note).split()) and all(
                    forms(entry)
                ):
                    entry.flags.add("fuzzy")  # the English changed under a translation
                entry.auto_comments = note
                entry.user_comments = []
                if not all(forms(entry)) or "fuzzy" in entry.flags:
                    todo.append(f"{lang}/{domain}: translate {code}")
            if old is not None:
                for message in old:
                    key = entry_code(message)
                    if key and key not in codes and any(forms(message)):
                        cat.obsolete[key] = message
                for ident, message in old.obsolete.items():
                    if entry_code(message) not in codes:
                        cat.obsolete[ident] = message
            write_po(cat, po_path(locale, lang, domain))
    return todo


# -- compile --------------------------------------------------------------------------------------


_FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def _mo_bytes(cat: Catalog) -> bytes:
    """The compiled catalogue. Babel would stamp the time of compiling into the header; a
    fixed date keeps the same ``.po`` compiling to the same bytes."""
    from babel.messages.mofile import write_mo

    cat.creation_date = _FIXED_DATE
    cat.revision_date = _FIXED_DATE
    buffer = io.BytesIO()
    write_mo(buffer, cat, use_fuzzy=False)
    return buffer.getvalue()


def compile_catalogues(locale: Path = LOCALE) -> list[Path]:
    """Write each ``.mo`` beside its ``.po`` (fuzzy entries left out: English shows instead)."""
    written = []
    for (lang, domain), cat in read_catalogues(locale).items():
        buffer = io.BytesIO(_mo_bytes(cat))
        path = po_path(locale, lang, domain).with_suffix(".mo")
        if not path.exists() or path.read_bytes() != buffer.getvalue():
            path.write_bytes(buffer.getvalue())
            written.append(path)
    return written


def compiled(data: bytes) -> dict[object, str]:
    """The entries of a compiled catalogue as the standard library reads them, without the
    header (which names the Babel version that compiled it)."""
    import gettext

    translations = gettext.GNUTranslations(io.BytesIO(data))
    entries: dict[object, str] = dict(translations._catalog)  # type: ignore[attr-defined]
    entries.pop("", None)
    return entries


# -- check ----------------------------------------------------------------------------------------


def check(locale: Path = LOCALE, src: Path = SRC, found: Collection | None = None) -> list[str]:
    """Every problem of the catalogues against the source, one line each (empty: all good)."""
    found = found if found is not None else collect(src)
    codes = found.codes()
    catalogues = read_catalogues(locale)
    problems: list[str] = []
    entries: dict[tuple[str, str], tuple[str, Entry]] = {}
    for (lang, domain), cat in catalogues.items():
        expected = PLURAL_FORMS[lang]
        if cat.num_plurals != expected:
            problems.append(f"{lang}/{domain}: Plural-Forms has {cat.num_plurals} forms, "
                            f"{lang} needs {expected}")
        for message in cat:
            if not message.id:
                continue
            key = entry_code(message)
            if (lang, key) in entries:
                problems.append(f"{key}: in two {lang} catalogues ({entries[(lang, key)][0]}, "
                                f"{domain})")
            entries[(lang, key)] = (domain, message)
        mo = po_path(locale, lang, domain).with_suffix(".mo")
        if not mo.exists():
            problems.append(f"{lang}/{domain}: no compiled {mo.name}; run compile")
        else:
            if compiled(mo.read_bytes()) != compiled(_mo_bytes(cat)):
                problems.append(f"{lang}/{domain}: {mo.name} is older than its .po; run compile")
    for lang in LANGUAGES:
        for domain in DOMAINS:
            if (lang, domain) not in catalogues:
                problems.append(f"{lang}/{domain}: the catalogue is missing")
    for code, uses in sorted(codes.items()):
        owner = found.owner(code)
        where = f"{uses[0].path}:{uses[0].line}"
        if owner is None:
            en = entries.get(("en", code))
            if en is None:
                problems.append(f"{code} ({where}): no catalogue defines it")
            owner = en[0] if en else None
        wants_plural = any(u.params is not None and "count" in u.params for u in uses)
        passed = {frozenset(u.params) for u in uses if u.params is not None}
        english: set[str] | None = None
        for lang in LANGUAGES:
            hit = entries.get((lang, code))
            if hit is None:
                problems.append(f"{code} ({where}): no {lang} text")
                continue
            domain, message = hit
            if owner is not None and domain != owner:
                problems.append(f"{code}: in the {domain} catalogue, belongs in {owner}")
            texts = forms(message)
            if "fuzzy" in message.flags:
                problems.append(f"{code}: the {lang} text is fuzzy (the English changed)")
            if any(not t.strip() for t in texts):
                problems.append(f"{code} ({where}): no {lang} text")
                continue
            is_plural = isinstance(message.id, tuple)
            if wants_plural != is_plural:
                problems.append(
                    f"{code}: "
                    + ("passed a count but has no plural forms" if wants_plural
                       else "has plural forms but is never passed a count")
                    + f" ({lang})"
                )
            if is_plural and len(texts) != PLURAL_FORMS[lang]:
                problems.append(f"{code}: {len(texts)} {lang} plural forms, needs "
                                f"{PLURAL_FORMS[lang]}")
            for t in texts:
                names = placeholders(t)
                if names is None:
                    problems.append(f"{code}: the {lang} text is not a valid template: {t!r}")
                    continue
                if english is None and lang == "en":
                    english = names
                if english is not None and names != english:
                    dropped, added = english - names, names - english
                    problems.append(
                        f"{code}: the {lang} text "
                        + (f"drops {{{', '.join(sorted(dropped))}}}" if dropped else "")
                        + (" and " if dropped and added else "")
                        + (f"adds {{{', '.join(sorted(added))}}}" if added else "")
                        + f": {t!r}"
                    )
        if english is not None:
            for params in passed:
                if set(params) != english:
                    missing, extra = english - params, set(params) - english
                    problems.append(
                        f"{code} ({where}): the English text wants "
                        f"{{{', '.join(sorted(english))}}} but a use passes "
                        f"{{{', '.join(sorted(params))}}}"
                        + (f" (missing {', '.join(sorted(missing))})" if missing else "")
                        + (f" (unused {', '.join(sorted(extra))})" if extra else "")
                    )
    for (lang, key), (domain, _message) in sorted(entries.items()):
        if key not in codes:
            problems.append(f"{key}: in {lang}/{domain} but no code uses it; run extract")
    return problems


def _report(lines: Iterable[str], title: str) -> Iterator[str]:
    lines = list(lines)
    if lines:
        yield f"{title} ({len(lines)}):"
        yield from (f"  {line}" for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("action", choices=["extract", "compile", "check"])
    parser.add_argument(
        "--list", action="store_true", help="check: accepted as before; every sentence built "
        "outside a catalogue is always listed, and fails the check"
    )
    args = parser.parse_args(argv)
    if args.action == "extract":
        for line in extract():
            print(line)
        return 0
    if args.action == "compile":
        for path in compile_catalogues():
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    found = collect()
    problems = check(found=found)
    for line in _report(problems, "catalogue problems"):
        print(line)
    # Issue 17 converted every sentence: a new one fails the check, listed where it is.
    for line in _report(map(str, found.legacy), "errors raised with a sentence"):
        print(line)
    for line in _report(map(str, found.built), "sentences built or printed outside a catalogue"):
        print(line)
    print(
        f"catalogues: {len(found.codes())} codes, {len(problems)} problems; "
        f"{len(found.legacy)} errors raised with a sentence, {len(found.built)} sentences "
        "built outside a catalogue"
    )
    return 1 if problems or found.legacy or found.built else 0


if __name__ == "__main__":
    sys.exit(main())
