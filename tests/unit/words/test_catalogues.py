"""Every code the program can say has English, Azerbaijani and Russian words, and no sentence
is built outside a catalogue.

The codes are found by reading the source (``scripts/catalogues.py`` walks the syntax tree of
every module under ``src/testimony_app``: the first argument of each ``Message(...)`` and of
each call of a ``UserFacingError`` subclass, and each class's ``default_code``), never from a
list someone keeps. Models: Electrum's ``tests/test_i18n.py`` and TagStudio's
``tests/test_translations.py``, which check every translation's placeholders.

The walk takes a few seconds, so these tests are marked slow; ``make words`` (part of
``make check``) runs the same check from the command line.

No error is raised with an English sentence and no sentence is built with an f-string, ``%``
or ``.format`` or printed as a literal outside a catalogue: issue 17 converted the last of them,
and these tests (like ``make words``) fail on the first new one, naming where it is.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[3]



def _tool() -> ModuleType:
    if "catalogues_tool" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "catalogues_tool", ROOT / "scripts" / "catalogues.py"
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["catalogues_tool"] = module
        spec.loader.exec_module(module)
    return sys.modules["catalogues_tool"]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


@pytest.fixture(scope="module")
def found(tool: ModuleType) -> object:
    return tool.collect(tool.SRC)


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_every_code_has_words_in_every_language_and_every_placeholder(
    tool: ModuleType, found: object
) -> None:
    problems = tool.check(tool.LOCALE, tool.SRC, found)
    assert problems == [], "\n".join(problems)


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_the_walk_finds_the_codes_of_the_program(found: object) -> None:
    """The collector is not blind: it sees codes raised by default and by argument."""
    codes = found.codes()  # type: ignore[attr-defined]
    assert "vault.wrong_passphrase" in codes  # WrongPassphrase.default_code
    assert "disk.full" in codes


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_no_error_is_raised_with_a_sentence(found: object) -> None:
    legacy = found.legacy  # type: ignore[attr-defined]
    listing = "\n".join(map(str, legacy))
    assert not legacy, (
        f"{len(legacy)} errors raised with a sentence; raise a code instead "
        f"(CONTRIBUTING.md, 'Words'):\n{listing}"
    )


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_no_sentence_is_built_outside_a_catalogue(found: object) -> None:
    built = found.built  # type: ignore[attr-defined]
    listing = "\n".join(map(str, built))
    assert not built, (
        f"{len(built)} sentences built with f-strings or printed as literals; use a Message "
        f"(CONTRIBUTING.md, 'Words'):\n{listing}"
    )


# -- the test is not fooled: deliberately broken catalogues and sources --------------------------


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the catalogues to break."""
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "resources" / "locale", locale)
    return locale


@pytest.fixture
def small_src(tmp_path: Path) -> Path:
    """A small source tree to break: ``errors.py`` and the words package."""
    src = tmp_path / "testimony_app"
    (src / "services").mkdir(parents=True)
    shutil.copy(ROOT / "src" / "testimony_app" / "errors.py", src / "errors.py")
    shutil.copytree(ROOT / "src" / "testimony_app" / "words", src / "words")
    return src


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _po(locale: Path, lang: str, domain: str = "domain") -> Path:
    return locale / lang / "LC_MESSAGES" / f"{domain}.po"


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_a_missing_azerbaijani_text_fails(tool: ModuleType, copy: Path, found: object) -> None:
    locale = copy
    _edit(_po(locale, "az"), 'msgstr "Bu seyf üçün parol düzgün deyil."', 'msgstr ""')
    tool.compile_catalogues(locale)
    problems = tool.check(locale, tool.SRC, found)
    assert any(
        p.startswith("vault.wrong_passphrase (errors.py:") and p.endswith("): no az text")
        for p in problems
    ), problems


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_a_dropped_or_added_placeholder_fails(
    tool: ModuleType, copy: Path, found: object
) -> None:
    locale = copy
    # The English gains a placeholder that the translations and the code lack …
    _edit(
        _po(locale, "en"),
        'msgstr "The passphrase is not correct for this vault."',
        'msgstr "The passphrase is not correct for the vault {name}."',
    )
    # … and the Russian gains one of its own.
    _edit(
        _po(locale, "ru"),
        'msgstr "Парольная фраза не подходит к этому хранилищу."',
        'msgstr "Парольная фраза не подходит к хранилищу {vault}."',
    )
    tool.compile_catalogues(locale)
    problems = "\n".join(tool.check(locale, tool.SRC, found))
    assert "vault.wrong_passphrase: the az text drops {name}" in problems
    assert "vault.wrong_passphrase: the ru text drops {name} and adds {vault}" in problems
    assert "the English text wants {name} but a use passes {}" in problems


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_a_translation_that_is_not_a_template_fails(
    tool: ModuleType, copy: Path, found: object
) -> None:
    locale = copy
    _edit(
        _po(locale, "ru"),
        'msgstr "Парольная фраза не подходит к этому хранилищу."',
        'msgstr "Парольная фраза {не подходит."',
    )
    tool.compile_catalogues(locale)
    assert any("not a valid template" in p for p in tool.check(locale, tool.SRC, found))


def test_a_code_without_words_fails(tool: ModuleType, copy: Path, small_src: Path) -> None:
    locale, src = copy, small_src
    _edit(src / "errors.py", 'default_code = "disk.full"', 'default_code = "disk.is_full"')
    problems = tool.check(locale, src)
    for lang in ("en", "az", "ru"):
        assert any(p.startswith("disk.is_full (errors.py:") and p.endswith(f"no {lang} text")
                   for p in problems), lang
    assert "disk.full: in en/domain but no code uses it; run extract" in problems


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_a_stale_compiled_catalogue_fails(tool: ModuleType, copy: Path, found: object) -> None:
    locale = copy
    _edit(_po(locale, "az"), "Bu seyf üçün parol düzgün deyil.", "Parol bu seyfə uyğun deyil.")
    problems = tool.check(locale, tool.SRC, found)
    assert "az/domain: domain.mo is older than its .po; run compile" in problems


@pytest.mark.slow  # reads every module of the program (about 5 s here)
def test_a_fuzzy_translation_fails_and_is_not_compiled(
    tool: ModuleType, copy: Path, found: object
) -> None:
    locale = copy
    _edit(
        _po(locale, "en"),
        'msgstr "The passphrase is not correct for this vault."',
        'msgstr "That passphrase does not open this vault."',
    )
    tool.extract(locale, tool.SRC)  # the English changed under the translations: fuzzy
    tool.compile_catalogues(locale)
    problems = tool.check(locale, tool.SRC, found)
    assert "vault.wrong_passphrase: the az text is fuzzy (the English changed)" in problems
    assert "vault.wrong_passphrase: the ru text is fuzzy (the English changed)" in problems
    assert "#, fuzzy" in _po(locale, "ru").read_text(encoding="utf-8")


def test_sentences_built_in_the_code_are_found(tool: ModuleType, small_src: Path) -> None:
    src = small_src
    (src / "services" / "broken_words.py").write_text(
        "from testimony_app.errors import UserFacingError, VaultDamaged\n"
        "from testimony_app.words import Message\n\n"
        "def f(name: str, n: int) -> None:\n"
        "    print(f'Imported {n} records from {name}.')\n"
        "    print('The vault was checked.')\n"
        "    text = 'Kept %s of the records' % n\n"
        "    other = 'Found {} damaged pages'.format(n)\n"
        "    Message(f'bundle.{name}')\n"
        "    raise VaultDamaged(f'The vault {name} is damaged.')\n\n"
        "def g() -> None:\n"
        "    raise UserFacingError('The vault is damaged.')\n\n"
        "def fine(log: object, n: int) -> None:\n"
        "    log.info('checked %d pages of the vault', n)\n"  # logs: codes and numbers only
        "    raise ValueError(f'internal: {n} is not a valid page')\n",  # a bug, never shown
        encoding="utf-8",
    )
    found = tool.collect(src)
    built = [(f.line, f.kind) for f in found.built if f.path == "services/broken_words.py"]
    legacy = [(f.line, f.kind) for f in found.legacy if f.path == "services/broken_words.py"]
    assert built == [
        (5, "f-string sentence"),
        (6, "printed sentence"),
        (7, "%-formatted sentence"),
        (8, ".format sentence"),
    ]
    assert legacy == [
        (9, "Message f-string"),
        (10, "VaultDamaged f-string"),
        (13, "UserFacingError with a sentence"),
    ]
