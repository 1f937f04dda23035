"""What the program says below the window: messages as codes, their words in gettext catalogues.

Why codes: a sentence written in the code can only be translated by looking the English up,
which breaks the day someone improves the English, and can never work for a sentence built
with an f-string. So the layers below the window say *what* happened as a :class:`Message`, a
stable code with parameters (``Message("bundle.members_missing", count=3)``), and the words
for it, in English as in every other language, live in a catalogue that a translator edits.

The catalogues are gettext ``.po`` files compiled to ``.mo`` under
``resources/locale/<language>/LC_MESSAGES/``, one per layer (CONTRIBUTING.md, "Words"):

* ``domain``: ``domain/``, ``crypto/`` and ``errors.py`` (the checklist, registry reasons);
* ``services``: ``services/``, ``storage/`` and ``bundles/`` (errors, withheld reasons);
* ``reports``: ``reports/`` (the statement's fixed wording);
* ``cli``: the command line's own sentences.

The window's own labels stay in Qt's ``.ts`` files and vocabulary labels in their JSON files.
At run time the standard library's :mod:`gettext` reads the ``.mo`` files through
:mod:`importlib.resources`, so the editable install, the wheel and the frozen program all find
them the same way. A template is written with ``{name}`` placeholders; a message with a
``count`` parameter has plural forms (three in Russian).

A missing translation falls back to English, and a missing English text to the code itself:
the program never fails for want of a word, and ``tests/unit/words`` makes sure none is missing.
"""

from __future__ import annotations

import datetime as _dt
import functools
import gettext
import importlib.resources
import io
import os
import re
import string
import threading
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeAlias, runtime_checkable

from testimony_app.words import formats

LANGUAGES: tuple[str, ...] = ("en", "az", "ru")
"""The languages the program speaks; English is the fallback."""

DOMAINS: tuple[str, ...] = ("domain", "services", "reports", "cli")
"""The catalogues, one per layer (see the module docstring)."""

CODE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\Z")
"""What a message code looks like: dotted lower-case words, ``vault.wrong_passphrase``."""


@runtime_checkable
class Localizable(Protocol):
    """A parameter that knows its own words in each language (a vocabulary term, say)."""

    def localized(self, lang: str) -> str:
        """The value as a reader of ``lang`` should see it."""
        ...


class Size:
    """A byte count, shown in units a reader can picture (``1,5 MB``)."""

    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count

    def localized(self, lang: str) -> str:
        """``240 kB``, ``1,5 МБ``."""
        return formats.size(self.count, lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Size) and other.count == self.count

    def __hash__(self) -> int:
        return hash(("Size", self.count))

    def __repr__(self) -> str:
        return f"Size({self.count})"


class Percent:
    """A fraction shown as whole percent (``0.87`` → ``87%``, ``87 %`` in Russian)."""

    __slots__ = ("fraction",)

    def __init__(self, fraction: float) -> None:
        self.fraction = fraction

    def localized(self, lang: str) -> str:
        """The percentage in the reader's notation."""
        return formats.percent(self.fraction, lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Percent) and other.fraction == self.fraction

    def __hash__(self) -> int:
        return hash(("Percent", self.fraction))

    def __repr__(self) -> str:
        return f"Percent({self.fraction!r})"


class Verbatim:
    """A value shown exactly as written: an id, a file name, a year, a key's fingerprint.

    Plain ``str`` parameters are shown as written too; this exists for numbers that are not
    quantities (a year printed ``2 024`` in Russian would be wrong).
    """

    __slots__ = ("text",)

    def __init__(self, value: object) -> None:
        self.text = str(value)

    def localized(self, lang: str) -> str:
        """The value, untouched."""
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Verbatim) and other.text == self.text

    def __hash__(self) -> int:
        return hash(("Verbatim", self.text))

    def __repr__(self) -> str:
        return f"Verbatim({self.text!r})"


class Message:
    """What happened, as a stable code and its parameters; :func:`text` gives the words.

    Parameters are strings (shown as written), whole numbers (grouped for the reader, and the
    ``count`` parameter chooses the plural form), dates, other messages (rendered in the same
    language) or any :class:`Localizable`. Never put a passphrase, key or testimony text in a
    message that an error carries: errors are shown, and may be logged by code.
    """

    __slots__ = ("code", "params")

    code: str
    params: Mapping[str, object]

    def __init__(self, code: str, /, **params: Param) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", dict(params))

    def __reduce__(self) -> tuple[object, tuple[str, Mapping[str, object]]]:
        return (_rebuild, (self.code, self.params))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Message does not change")

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Message) and other.code == self.code and other.params == self.params
        )

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted((k, repr(v)) for k, v in self.params.items()))))

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Message({self.code!r}{args})"

    def __str__(self) -> str:
        """The English text: for logs of codes and for tests, never for a reader."""
        return text(self, "en")


Param: TypeAlias = "str | int | _dt.date | Message | Localizable"
"""What a message's parameter may be (see :class:`Message`)."""


def _rebuild(code: str, params: Mapping[str, Param]) -> Message:
    return Message(code, **params)


# -- the current language ---------------------------------------------------------------------

_current = "en"
_lock = threading.Lock()


def set_language(lang: str | None) -> str:
    """Make ``lang`` the language of :func:`text` when none is given; returns the one applied.

    The window sets it when the interviewer picks a language, the command line from
    ``--language`` or the environment. Unknown languages fall back to English.
    """
    global _current
    code = lang if lang in LANGUAGES else "en"
    with _lock:
        _current = code
    return code


def current_language() -> str:
    """The language :func:`text` uses by default."""
    return _current


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it: ``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` (the first one set); ``az_AZ.UTF-8`` → ``az``. English when
    none of them names a language we speak (``C`` and ``POSIX`` mean English)."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        for item in value.split(":"):
            code = item.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
            if code in LANGUAGES:
                return code
        return "en"
    return "en"


# -- catalogues --------------------------------------------------------------------------------


def _load(lang: str, domain: str) -> gettext.GNUTranslations | None:
    resource = importlib.resources.files("testimony_app.resources").joinpath(
        "locale", lang, "LC_MESSAGES", f"{domain}.mo"
    )
    try:
        data = resource.read_bytes()
    except (FileNotFoundError, OSError):
        return None
    return gettext.GNUTranslations(io.BytesIO(data))


@functools.cache
def catalogue(lang: str) -> gettext.NullTranslations:
    """Every catalogue of ``lang``, then every English one behind it (the fallback)."""
    first: gettext.NullTranslations | None = None
    for code in dict.fromkeys((lang, "en")):
        for domain in DOMAINS:
            loaded = _load(code, domain)
            if loaded is None:
                continue
            if first is None:
                first = loaded
            else:
                first.add_fallback(loaded)
    return first if first is not None else gettext.NullTranslations()


def template(code: str, lang: str, count: int | None = None) -> str | None:
    """The catalogue's text for ``code`` in ``lang`` (English if it lacks one), or ``None``."""
    cat = catalogue(lang if lang in LANGUAGES else "en")
    found = cat.gettext(code) if count is None else cat.ngettext(code, code, count)
    return None if found == code else found


class _Formatter(string.Formatter):
    """``str.format`` for catalogue texts: names only, no attribute or index lookups, so a
    translation cannot reach into a parameter's object."""

    def get_field(self, field_name: str, args: object, kwargs: Mapping[str, object]) -> object:
        if not field_name.isidentifier():
            raise KeyError(field_name)
        return kwargs[field_name], field_name


_FORMATTER = _Formatter()


def _value(value: object, lang: str) -> str:
    if isinstance(value, Message):
        return text(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return formats.integer(value, lang)
    if isinstance(value, _dt.datetime):
        return formats.date_time(value, lang)
    if isinstance(value, _dt.date):
        return formats.long_date(value, lang)
    if isinstance(value, Localizable):
        return value.localized(lang)
    return str(value)


def text(message: Message, lang: str | None = None) -> str:
    """The words for ``message`` in ``lang`` (default: :func:`current_language`)."""
    lang = lang or _current
    count = message.params.get("count")
    plural = count if isinstance(count, int) and not isinstance(count, bool) else None
    values = {k: _value(v, lang) for k, v in message.params.items()}
    for candidate in (lang, "en"):
        found = template(message.code, candidate, plural)
        if found is None:
            continue
        try:
            return _FORMATTER.vformat(found, (), values)
        except (KeyError, IndexError, ValueError, AttributeError):
            continue  # a damaged translation: the English one, rather than nothing
    return message.code


def texts(messages: Iterable[Message], lang: str | None = None) -> list[str]:
    """:func:`text` of each message."""
    return [text(m, lang) for m in messages]
