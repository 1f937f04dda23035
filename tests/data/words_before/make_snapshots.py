"""Write the texts the completeness review, the statement labels and the registry reasons
showed *before* issue 17 moved them into gettext catalogues (run once, at commit fa92bf6, on
the code of that time; kept for the record, not to be run again).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/data/words_before/make_snapshots.py

The snapshot tests (``tests/unit/words/test_snapshots.py``) render the same things with
today's code and compare, in English, Azerbaijani and Russian.
"""

from __future__ import annotations

import importlib.util
import json
import string
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def completeness() -> list[dict[str, str]]:
    tests = _load(ROOT / "tests/unit/domain/test_completeness.py", "snap_completeness")
    from testimony_app.domain.completeness import missing_items

    out = []
    for index, record in enumerate(tests._assorted_records()):
        for item in missing_items(record):
            out.append(
                {"record": index, "code": item.code, "section": item.section,
                 "field": item.field, **{lang: item.message(lang) for lang in ("en", "az", "ru")}}
            )
    return out


def sample_values(template: str) -> dict[str, str]:
    names = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    return {n: f"<{n}>" for n in names}


def labels() -> dict[str, dict[str, str]]:
    from testimony_app.reports.labels import WITNESS_TRUTH, all_labels, label

    tables = all_labels()
    out: dict[str, dict[str, str]] = {}
    for key in tables["en"]:
        out[key] = {}
        for lang in ("en", "az", "ru"):
            values = sample_values(tables[lang][key]) | sample_values(tables["en"][key])
            out[key][lang] = label(key, lang, **values) if values else label(key, lang)
    for code, (own, text) in WITNESS_TRUTH.items():
        out[f"witness_truth.{code}"] = {"own_name": own, "text": text}
    return out


def reasons() -> dict[str, dict[str, str]]:
    from PySide6.QtWidgets import QApplication

    from testimony_app.domain.matching import _REASON_TEXT, Reason
    from testimony_app.ui.i18n import Translations
    from testimony_app.ui.registry.suggestions_pane import SuggestionsPane

    app = QApplication.instance() or QApplication([])
    pane = SuggestionsPane.__new__(SuggestionsPane)
    out: dict[str, dict[str, str]] = {}
    for code in _REASON_TEXT:
        for value in (None, 0.87, 0.5):
            reason = Reason(code, value)
            key = f"{code}@{value}"
            out[key] = {"en_cli": reason.describe()}
            for lang in ("en", "az", "ru"):
                Translations().apply(lang)
                out[key][lang] = SuggestionsPane._reason_text(pane, reason)
    Translations().apply("en")
    del app
    return out


def main() -> None:
    for name, data in (("completeness", completeness()), ("labels", labels()),
                       ("reasons", reasons())):
        path = HERE / f"{name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(data)} entries")


if __name__ == "__main__":
    main()
