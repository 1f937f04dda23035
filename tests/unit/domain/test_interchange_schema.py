"""The published JSON Schema and format description agree with the program.

A legal organisation validates files with ``docs/testimony.schema.json`` and reads
``docs/interchange-format.md`` without ever running our code, so both must describe exactly
what ``interchange.from_dict`` accepts: the same fields, the same strictness, every code.
Requires the ``jsonschema`` package (a dev dependency).
"""

from __future__ import annotations

import dataclasses
import json
import typing
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from testimony_app.domain import interchange, model
from testimony_app.domain.demo import demo_testimonies
from testimony_app.domain.vocabularies import VOCABULARY_NAMES, vocabulary
from testimony_app.errors import InvalidRecord

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_PATH = ROOT / "docs" / "testimony.schema.json"
DOC_PATH = ROOT / "docs" / "interchange-format.md"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_demo_file_validates(validator: jsonschema.Draft202012Validator) -> None:
    folder = ROOT / "resources" / "demo"
    files = sorted(folder.glob("*.json"))
    assert len(files) >= 7
    for path in files:
        errors = [e.message for e in validator.iter_errors(json.loads(path.read_text("utf-8")))]
        assert errors == [], f"{path.name}: {errors}"


def test_every_exported_demo_validates(validator: jsonschema.Draft202012Validator) -> None:
    for t in demo_testimonies():
        validator.validate(json.loads(interchange.canonical_bytes(t)))


def _model_fields(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _check_object(schema: dict[str, Any], node: dict[str, Any], cls: type, where: str) -> None:
    """The schema object for ``cls`` lists exactly its fields, and forbids any other."""
    assert node.get("additionalProperties") is False, f"{where} allows unknown fields"
    props = node["properties"]
    fields = {f.name for f in dataclasses.fields(cls)}
    assert set(props) - {"format"} == fields, f"{where}: schema and model differ"
    for name, hint in _model_fields(cls).items():
        prop = props[name]
        args = typing.get_args(hint)
        inner = args[0] if typing.get_origin(hint) is list else hint
        if dataclasses.is_dataclass(inner):
            ref = prop["items"]["$ref"] if "items" in prop else None
            ref = ref or prop.get("$ref")
            if ref is None:  # narrative: text or object
                ref = next(o["$ref"] for o in prop["oneOf"] if "$ref" in o)
            target = schema["$defs"][ref.split("/")[-1]]
            _check_object(schema, target, typing.cast(type, inner), f"{where}.{name}")


def test_the_schema_lists_exactly_the_model_fields(schema: dict[str, Any]) -> None:
    _check_object(schema, schema, model.Testimony, "testimony")


VALID: list[Any] = [
    {},
    {"format": "testimony/v1"},
    {"narrative": "Only the text."},
    {"narrative": {"text": "x", "translation": "y", "translation_language": "en"}},
    {"consent": {"publication": None, "legal_proceedings": True}},
    {"acts": [{"episode": None}, {"episode": 0, "methods": ["falanga", "free words"]}]},
    {"effects": {"body_marks": [{"side": "front", "x": 0, "y": 0.5}]}},
    {"attachments": [{"size": 0, "sha256": "ab"}]},
    {"witness": {"role": "journalist"}},  # unknown codes are the checklist's business
    {"detentions": [{"start_date": "sometime in spring"}]},
]

INVALID: list[Any] = [
    [],
    "text",
    {"format": "testimony/v2"},
    {"unknown": 1},
    {"interview": {"room": "5"}},
    {"interview": "today"},
    {"title": None},
    {"title": 5},
    {"fictional": "true"},
    {"consent": {"publication": "yes"}},
    {"consent": {"informed_of_purpose": None}},
    {"tags": "demo"},
    {"tags": [1]},
    {"narrative": 5},
    {"narrative": {"text": "x", "language": "az"}},
    {"acts": [{"episode": "0"}]},
    {"acts": [{"episode": True}]},
    {"acts": [{"perpetrators": [{"nickname": "Q"}]}]},
    {"effects": {"body_marks": [{"x": "0.5"}]}},
    {"effects": {"body_marks": [{"y": False}]}},
    {"attachments": [{"size": 1.5}]},
    {"detentions": {"place": "x"}},
]


@pytest.mark.parametrize("doc", VALID, ids=[json.dumps(d)[:40] for d in VALID])
def test_schema_and_program_both_accept(
    doc: Any, validator: jsonschema.Draft202012Validator
) -> None:
    interchange.from_dict(doc)
    validator.validate(doc)


@pytest.mark.parametrize("doc", INVALID, ids=[json.dumps(d)[:40] for d in INVALID])
def test_schema_and_program_both_refuse(
    doc: Any, validator: jsonschema.Draft202012Validator
) -> None:
    with pytest.raises(InvalidRecord):
        interchange.from_dict(doc)
    assert not validator.is_valid(doc)


# --- the human description -------------------------------------------------------------


def _all_field_names(cls: type) -> set[str]:
    names: set[str] = set()
    for name, hint in _model_fields(cls).items():
        names.add(name)
        inner = typing.get_args(hint)[0] if typing.get_origin(hint) is list else hint
        if dataclasses.is_dataclass(inner):
            names |= _all_field_names(typing.cast(type, inner))
    return names


def test_the_format_description_names_every_field() -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    missing = sorted(n for n in _all_field_names(model.Testimony) if f"`{n}`" not in text)
    assert missing == []


@pytest.mark.parametrize("name", VOCABULARY_NAMES)
def test_the_format_description_lists_every_vocabulary_code(name: str) -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    assert f"`{name}`" in text
    for term in vocabulary(name).terms:
        row = f"| `{term.code}` | {term.label('en')} | {term.label('az')} | {term.label('ru')} |"
        assert row in text, f"{name}.{term.code} is missing or out of date in the description"


def test_the_example_in_the_description_is_a_valid_document(
    validator: jsonschema.Draft202012Validator,
) -> None:
    text = DOC_PATH.read_text(encoding="utf-8")
    block = text.split("## Example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    doc = json.loads(block)
    validator.validate(doc)
    t = interchange.from_dict(doc)
    assert t.fictional
    assert t.title.startswith("[FICTIONAL]")
