"""Every error that can be raised without arguments says so in the reader's language.

``scripts/catalogues.py`` finds codes in calls and ``default_code`` attributes, so an error
class whose ``__init__`` passes an English sentence as a default argument escaped it:
``VaultInUse`` and ``ContentPurged`` reached the window and the command line in English for an
Azerbaijani or Russian reader (seen in issue 17's trial run). This test builds every such error
the way the program raises it, from the classes themselves (not from a list), and reads its
words in each language.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import testimony_app
from testimony_app.errors import UserFacingError
from testimony_app.words import CODE

#: Modules that need Qt or start a program; no error class is defined only there.
_SKIP = ("testimony_app.ui", "testimony_app.app", "testimony_app.__main__")


def _error_classes() -> list[type[UserFacingError]]:
    for info in pkgutil.walk_packages(testimony_app.__path__, "testimony_app."):
        if not info.name.startswith(_SKIP):
            importlib.import_module(info.name)
    found: list[type[UserFacingError]] = []
    todo: list[type[UserFacingError]] = [UserFacingError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(set(found), key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _raised_bare(cls: type[UserFacingError]) -> bool:
    """True when ``cls()`` is how the program may raise it: no required parameter."""
    parameters = list(inspect.signature(cls).parameters.values())
    required = [
        p for p in parameters
        if p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    ]
    return not required and (cls.default_code != "" or cls.__init__ is not UserFacingError.__init__)


BARE = [cls for cls in _error_classes() if _raised_bare(cls)]


def test_the_walk_finds_the_errors_raised_without_arguments() -> None:
    names = {cls.__name__ for cls in BARE}
    # The two that were raised with an English default sentence, and two that always had a code.
    assert {"VaultInUse", "ContentPurged", "WrongPassphrase", "DiskFull"} <= names


@pytest.mark.parametrize("cls", BARE, ids=lambda c: c.__name__)
def test_an_error_raised_without_arguments_has_a_code_and_words_in_every_language(
    cls: type[UserFacingError],
) -> None:
    error = cls()
    assert error.coded, f"{cls.__name__} carries a sentence, not a code: {error.code!r}"
    assert CODE.match(error.code)
    english, azerbaijani, russian = (error.text(lang) for lang in ("en", "az", "ru"))
    for words in (english, azerbaijani, russian):
        assert words
        assert words != error.code
        assert "{" not in words
    assert azerbaijani != english
    assert russian != english
    assert any("\u0400" <= ch <= "\u04ff" for ch in russian)  # Cyrillic, not a copy


def test_vault_in_use_and_purged_content_read_as_written() -> None:
    from testimony_app.errors import VaultInUse
    from testimony_app.storage.records import ContentPurged

    assert VaultInUse().text("az") == (
        "Seyf başqa pəncərədə və ya proqramda açıqdır; əvvəlcə orada kilidləyin."
    )
    assert VaultInUse().text("ru") == (
        "Хранилище открыто в другом окне или программе; сначала заблокируйте его там."
    )
    assert str(VaultInUse()) == (
        "The vault is open in another window or program; lock it there first."
    )
    assert ContentPurged().text("az").startswith("Təşkilat bu ifadəni aldığını təsdiqlədikdən")
    assert "остались только его идентификатор и хеш" in ContentPurged().text("ru")
