"""The JSON interchange format: testimony dataclasses to plain dicts and back.

``to_dict`` gives the document ``show --json`` prints and bundles carry; ``from_dict`` accepts
it back, checking types field by field so that a bad import gives one clear sentence naming
the field, never a traceback. Unknown keys are refused rather than silently dropped: a field
that vanishes on import is a field lost from the evidence.

``canonical_bytes`` is the exact byte string whose SHA-256 identifies a sealed version.

Input is hostile until proven otherwise (a file handed to ``add``, a record in a bundle), so
every way JSON can go wrong ends in one sentence, never a crash (security review F-9 … F-12):
nesting too deep, a number too long to be one or not a number at all (``NaN``, ``Infinity``,
which would seal a record no statement or bundle could ever be made of), a field given twice
(JSON keeps the last silently: a field lost from the evidence), text that is not Unicode (a
lone surrogate), and size: a record's canonical form holds at most :data:`MAX_RECORD_BYTES`
(a 100 MB narrative took 1.3 GB of memory and its statement never finished).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import types
import typing
import unicodedata
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from testimony_app.domain import model
from testimony_app.errors import InvalidRecord
from testimony_app.words import Verbatim

FORMAT = "testimony/v1"
T = TypeVar("T")

#: The largest record, as canonical JSON: about two million Latin or one million Cyrillic
#: characters, several times the longest transcribed interview (a 200,000-character narrative
#: prints in about 3 s, a million in about 30 s).
MAX_RECORD_BYTES = 2 * 1024 * 1024
#: The largest document file accepted (indented JSON is larger than its canonical form).
MAX_DOCUMENT_BYTES = 4 * MAX_RECORD_BYTES
#: Digits in one JSON number: far beyond any date, count or index a testimony holds.
MAX_NUMBER_CHARS = 32


def to_dict(testimony: model.Testimony) -> dict[str, Any]:
    """The interchange document for ``testimony``."""
    doc: dict[str, Any] = {"format": FORMAT}
    doc.update(_plain(testimony))
    return doc


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copies (the hot path of every save).

    A field added after the format was frozen (``metadata={"omit_default": True}``) is left
    out while it holds its default, so that a document written before the field existed
    gives the same canonical bytes, and the same SHA-256, when it is read and written again.
    """
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is not None:
        return {name: _plain(getattr(value, name)) for name, f in fields.items()
                if not (f.metadata and f.metadata.get("omit_default")
                        and getattr(value, name) == f.default)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def canonical_bytes(testimony: model.Testimony) -> bytes:
    """Deterministic UTF-8 JSON of the record: sorted keys, no spaces, NFC text as stored."""
    return canonical_json(to_dict(testimony))


def canonical_json(doc: dict[str, Any]) -> bytes:
    """The canonical bytes of an interchange document already turned into a dict.

    Raises :class:`InvalidRecord` for a record larger than :data:`MAX_RECORD_BYTES`, or one
    holding text that cannot be written as UTF-8 or a number JSON does not have.
    """
    try:
        text = json.dumps(
            doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
        )
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRecord("record.lone_surrogate") from None
    except ValueError:
        raise InvalidRecord("record.not_finite") from None
    if len(data) > MAX_RECORD_BYTES:
        raise InvalidRecord("record.too_large")
    return data


def from_dict(doc: object) -> model.Testimony:
    """Build a testimony from an interchange document, or raise :class:`InvalidRecord`.

    ``narrative`` may be a plain string (the witness's words) or an object with ``text``,
    ``translation`` and ``translation_language``.
    """
    if not isinstance(doc, dict):
        raise InvalidRecord("record.not_json_object")
    data = dict(doc)
    fmt = data.pop("format", FORMAT)
    if fmt != FORMAT:
        raise InvalidRecord("record.other_format", found=repr(fmt), expected=FORMAT)
    if isinstance(data.get("narrative"), str):
        data["narrative"] = {"text": data["narrative"]}
    return _build(model.Testimony, data, "")


def loads(text: str | bytes) -> model.Testimony:
    """Parse JSON text into a testimony; every malformed input is one sentence."""
    return from_dict(parse_json(text))


def parse_json(text: str | bytes) -> object:
    """Strict JSON: bounded size, depth and numbers; no NaN, no duplicate field."""
    if len(text) > MAX_DOCUMENT_BYTES:
        raise InvalidRecord("record.document_too_large")
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_no_constant,
        )
    except InvalidRecord:
        raise
    except RecursionError:
        raise InvalidRecord("record.nested_too_deeply") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidRecord(
            "record.not_json", line=Verbatim(getattr(exc, "lineno", "?"))
        ) from None
    except ValueError:
        raise InvalidRecord("record.not_json_text") from None


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    doc = dict(pairs)  # in C: the hook runs for every object of every record read
    if len(doc) == len(pairs):
        return doc
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise InvalidRecord("record.duplicate_field", field=Verbatim(_shown(key)))
        seen.add(key)
    raise AssertionError("unreachable: fewer keys than pairs means a key came twice")


def _shown(key: str) -> str:
    """A field name safe to print (a lone surrogate cannot be written to a terminal)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")[:80]


def _parse_int(digits: str) -> int:
    if len(digits) > MAX_NUMBER_CHARS:
        raise InvalidRecord("record.number_too_long")
    return int(digits)


def _parse_float(digits: str) -> float:
    if len(digits) > MAX_NUMBER_CHARS:
        raise InvalidRecord("record.number_too_long")
    value = float(digits)
    if value != value or value in (float("inf"), float("-inf")):
        raise InvalidRecord("record.number_too_large")
    return value


def _no_constant(name: str) -> object:
    raise InvalidRecord("record.not_a_json_number", name=Verbatim(name))


#: Where a value sits, for the sentence that names it: ``""`` for the document itself, else
#: ``(parent, key)``. Kept as nested tuples and spelt out ("acts[0].place") only when a
#: sentence needs it (:func:`_text`): reading a record makes tens of thousands of them.
_Path: typing.TypeAlias = "str | tuple[_Path, str | int]"

#: A compiled reader of one field: ``(value, parent path, key) -> value``.
_Reader = typing.Callable[[object, _Path, "str | int"], Any]


def _build(cls: type[T], data: object, where: str) -> T:
    read = _reader(typing.cast(Any, cls))
    return typing.cast(T, read(data, "", where))


def _text(path: _Path) -> str:
    """The path spelt out: ``acts[0].place``."""
    if isinstance(path, str):
        return path
    parent, key = path
    return _at(_text(parent), key)


def _at(parent: str, key: str | int) -> str:
    """The path of ``key`` inside ``parent``: ``acts[0].place``."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _field(parent: _Path, key: str | int) -> str:
    """The path of ``key`` inside ``parent``, spelt out for a sentence."""
    return _at(_text(parent), key)


@functools.cache
def _reader(hint: Any) -> _Reader:
    """The reader for one annotation, made once per annotation.

    Resolving a class's annotations (``from __future__ import annotations`` makes them
    strings) compiles and evaluates each one, and the generic walk asked ``get_origin`` and
    ``is_dataclass`` of every value: done on every read, that was 90 % of parsing a record,
    which every seal, export, import and corroboration does (docs/performance.md). The
    model's classes never change while the program runs, so each annotation is looked at
    once and the reads that follow only check values.
    """
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = get_args(hint)
        nullable = type(None) in options
        inner = _reader(next(o for o in options if o is not type(None)))

        def read_optional(value: object, parent: _Path, key: str | int) -> Any:
            if value is None and nullable:
                return None
            return inner(value, parent, key)

        return read_optional
    if origin is list:
        (item,) = get_args(hint)
        read_item = _reader(item)

        def read_list(value: object, parent: _Path, key: str | int) -> Any:
            if not isinstance(value, list):
                raise InvalidRecord("record.field_not_list", field=_field(parent, key))
            if not value:
                return []
            where = (parent, key)
            return [read_item(v, where, i) for i, v in enumerate(value)]

        return read_list
    if dataclasses.is_dataclass(hint):
        return _dataclass_reader(typing.cast(type, hint))
    if hint is bool:

        def read_bool(value: object, parent: _Path, key: str | int) -> Any:
            if not isinstance(value, bool):
                raise InvalidRecord("record.field_not_bool", field=_field(parent, key))
            return value

        return read_bool
    if hint is int:

        def read_int(value: object, parent: _Path, key: str | int) -> Any:
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidRecord("record.field_not_int", field=_field(parent, key))
            return value

        return read_int
    if hint is float:

        def read_float(value: object, parent: _Path, key: str | int) -> Any:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidRecord("record.field_not_number", field=_field(parent, key))
            if not math.isfinite(value):
                raise InvalidRecord("record.field_not_finite", field=_field(parent, key))
            return float(value)

        return read_float
    if hint is str:
        return _read_str

    def unreadable(value: object, parent: _Path, key: str | int) -> Any:
        raise InvalidRecord("record.field_unreadable", field=_field(parent, key))

    return unreadable


def _read_str(value: object, parent: _Path, key: str | int) -> Any:
    """Text: Unicode that UTF-8 can hold, in NFC (what is sealed is what is compared)."""
    if not isinstance(value, str):
        raise InvalidRecord("record.field_not_text", field=_field(parent, key))
    if value.isascii():
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRecord("record.field_lone_surrogate", field=_field(parent, key)) from None
    return unicodedata.normalize("NFC", value)


def _dataclass_reader(cls: type) -> _Reader:
    hints = get_type_hints(cls, vars(model))
    names = [f.name for f in dataclasses.fields(cls)]
    known = frozenset(names)
    # Fields declared plain ``str``: most of a record's values, read inline when they are
    # ASCII (a call per value was a fifth of reading a record).
    text_fields = frozenset(name for name in names if hints[name] is str)
    # Filled on first use: a class's fields may name the class itself (recursion).
    readers: dict[str, _Reader] = {}

    def read_object(data: object, parent: _Path, key: str | int) -> Any:
        if not isinstance(data, dict):
            if key == "":
                raise InvalidRecord("record.not_json_object")
            raise InvalidRecord("record.field_not_object", field=_field(parent, key))
        where: _Path = (parent, key) if key != "" else parent
        if not known.issuperset(data):
            unknown = sorted(set(data) - known)
            raise InvalidRecord("record.unknown_field", field=_field(where, unknown[0]))
        if not readers:
            readers.update({name: _reader(hints[name]) for name in names})
        return cls(
            **{
                name: value
                if name in text_fields and type(value) is str and value.isascii()
                else readers[name](value, where, name)
                for name, value in data.items()
            }
        )

    return read_object
