"""The JSON interchange format: testimony dataclasses to plain dicts and back.

``to_dict`` gives the document ``show --json`` prints and bundles carry; ``from_dict`` accepts
it back, checking types field by field so that a bad import gives one clear sentence naming
the field, never a traceback. Unknown keys are refused rather than silently dropped: a field
that vanishes on import is a field lost from the evidence.

``canonical_bytes`` is the exact byte string whose SHA-256 identifies a sealed version.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
import unicodedata
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from testimony_app.domain import model
from testimony_app.errors import InvalidRecord

FORMAT = "testimony/v1"
T = TypeVar("T")


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
    """The canonical bytes of an interchange document already turned into a dict."""
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8"
    )


def from_dict(doc: object) -> model.Testimony:
    """Build a testimony from an interchange document, or raise :class:`InvalidRecord`.

    ``narrative`` may be a plain string (the witness's words) or an object with ``text``,
    ``translation`` and ``translation_language``.
    """
    if not isinstance(doc, dict):
        raise InvalidRecord("A testimony document must be a JSON object.")
    data = dict(doc)
    fmt = data.pop("format", FORMAT)
    if fmt != FORMAT:
        raise InvalidRecord(f"This document is in format {fmt!r}; this program reads {FORMAT!r}.")
    if isinstance(data.get("narrative"), str):
        data["narrative"] = {"text": data["narrative"]}
    return _build(model.Testimony, data, "")


def loads(text: str | bytes) -> model.Testimony:
    """Parse JSON text into a testimony."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InvalidRecord(
            f"The file is not valid JSON (line {getattr(exc, 'lineno', '?')})."
        ) from None
    return from_dict(doc)


def _build(cls: type[T], data: object, where: str) -> T:
    if not isinstance(data, dict):
        raise InvalidRecord(f"{where or 'The document'} must be an object.")
    hints = get_type_hints(cls, vars(model))
    known = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidRecord(f"Unknown field {_path(where, unknown[0])!r} in the document.")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        kwargs[name] = _convert(hints[name], value, _path(where, name))
    return cls(**kwargs)


def _path(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _convert(hint: Any, value: object, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = get_args(hint)
        if value is None and type(None) in options:
            return None
        inner = [o for o in options if o is not type(None)]
        return _convert(inner[0], value, where)
    if origin is list:
        if not isinstance(value, list):
            raise InvalidRecord(f"Field {where!r} must be a list.")
        (item,) = get_args(hint)
        return [_convert(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if dataclasses.is_dataclass(hint):
        return _build(typing.cast(type, hint), value, where)
    if hint is bool:
        if not isinstance(value, bool):
            raise InvalidRecord(f"Field {where!r} must be true or false.")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidRecord(f"Field {where!r} must be a whole number.")
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidRecord(f"Field {where!r} must be a number.")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise InvalidRecord(f"Field {where!r} must be text.")
        return unicodedata.normalize("NFC", value)
    raise InvalidRecord(f"Field {where!r} has a type this program cannot read.")
