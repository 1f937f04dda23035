"""What readers saw before the words moved into catalogues, they still see (issue 17).

``tests/data/words_before/*.json`` holds the completeness review, the statement labels and the
registry reasons as the code rendered them before (``make_snapshots.py`` there, run once on
that code). These tests render the same things with today's code, in English, Azerbaijani and
Russian, and compare. Where the new code deliberately writes something differently (a number
in the reader's notation), the difference is named here, not hidden.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from testimony_app.domain.completeness import missing_items

ROOT = Path(__file__).resolve().parents[3]
BEFORE = ROOT / "tests" / "data" / "words_before"
LANGS = ("en", "az", "ru")


def _before(name: str) -> Any:
    return json.loads((BEFORE / f"{name}.json").read_text(encoding="utf-8"))


def _completeness_tests() -> ModuleType:
    name = "snapshot_completeness_tests"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, ROOT / "tests" / "unit" / "domain" / "test_completeness.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_the_completeness_review_reads_as_before() -> None:
    records = _completeness_tests()._assorted_records()
    now = [
        {"record": index, "code": item.code, "section": item.section, "field": item.field,
         **{lang: item.message(lang) for lang in LANGS}}
        for index, record in enumerate(records)
        for item in missing_items(record)
    ]
    before = _before("completeness")
    assert len(now) == len(before) == 298
    for old, new in zip(before, now, strict=True):
        assert new == old


def _reason_now_as_before(text: str, lang: str) -> str:
    """Percentages are now written as the reader writes them: CLDR puts a no-break space
    before the percent sign in Russian (``87 %``), which the old code did not."""
    return text.replace("\u00a0%", "%") if lang == "ru" else text


def test_the_registry_reasons_read_as_before() -> None:
    from testimony_app.domain.matching import REASON_CODES, Reason

    before = _before("reasons")
    compared = 0
    for key, old in before.items():
        code, _, raw = key.partition("@")
        if (raw == "None") == (code in ("name_alike", "description_alike")):
            continue  # a value only where the reason has one
        reason = Reason(code, None if raw == "None" else float(raw))
        assert reason.describe() == old["en_cli"], key  # the command line's English
        for lang in LANGS:
            now = reason.describe(lang)
            assert _reason_now_as_before(now, lang) == old[lang], (key, lang)
        compared += 1
    assert {k.partition("@")[0] for k in before} == set(REASON_CODES)
    assert compared == len(REASON_CODES) + 2  # two values of each of the two valued reasons
    assert Reason("name_alike", 0.87).describe("ru") == "имя похоже на 87\u00a0%"


def _sample(template: str) -> dict[str, str]:
    """``<name>`` for each placeholder, as ``make_snapshots.py`` filled them."""
    import string

    names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    return {n: f"<{n}>" for n in names}


# Where a count is now a number choosing a plural form (it was filled as ``<count>`` before).
_COUNTED = {"cr_footer", "cr_method_count"}


def test_the_statement_labels_read_as_before() -> None:
    from babel.messages.pofile import read_po

    from testimony_app.reports.witness_truth import WITNESS_TRUTH
    from testimony_app.words import Message, text

    before = _before("labels")
    with (ROOT / "resources/locale/en/LC_MESSAGES/reports.po").open("rb") as fh:
        english = {
            str(m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in read_po(fh)
        }
    compared = 0
    for key, old in before.items():
        if key.startswith("witness_truth."):
            code = key.partition(".")[2]
            assert WITNESS_TRUTH[code] == (old["own_name"], old["text"]), key
            continue
        for lang in LANGS:
            if key in _COUNTED:
                values: dict[str, str | int] = {
                    k: v for k, v in _sample(old["en"]).items() if k != "count"
                }
                for k in ("entry", "method"):
                    values.setdefault(k, f"<{k}>")
                now = text(Message(f"pdf.{key}", **values, count=5), lang)
                assert now == old[lang].replace("<count>", "5"), (key, lang)
            else:
                template = english[f"pdf.{key}"]
                assert isinstance(template, str)
                values = dict(_sample(template))
                assert text(Message(f"pdf.{key}", **values), lang) == old[lang], (key, lang)
        compared += 1
    assert compared == 207
    assert len(WITNESS_TRUTH) == len(before) - compared
    # The count now chooses the form: one testimony, and Russian's genitive after the colon.
    footer = Message("pdf.cr_footer", entry="E-1", count=1)
    assert text(footer, "en").endswith("· 1 testimony")
    assert text(footer, "ru").endswith("показаний: 1")
