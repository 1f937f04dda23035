"""Interface language: translators, locale-aware dates, and the one plaintext preference file.

The interface speaks English, Azerbaijani and Russian. Strings are marked with ``tr()`` (or
``QCoreApplication.translate``) and translated in Qt Linguist files under
``resources/translations`` (``build.sh`` compiles them). Switching language installs a new
``QTranslator``; Qt then sends every widget a ``LanguageChange`` event and each page re-reads
its texts, so no restart is needed.

Before the vault is unlocked the program must already know which language to speak, so the
choice is also kept in a small plaintext INI file in the user's config directory. That file
holds only the language code and the window geometry: no case data, no paths (a path to a
vault would tell a checkpoint officer where to look).
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from testimony_app import words
from testimony_app.paths import AppPaths, ensure_private_dir


@dataclass(frozen=True)
class Language:
    """One interface language."""

    code: str
    native_name: str
    locale_name: str


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "en_GB"),
    Language("az", "Azərbaycan", "az_AZ"),
    Language("ru", "Русский", "ru_RU"),
)
DEFAULT_LANGUAGE = "en"
_BY_CODE = {lang.code: lang for lang in LANGUAGES}


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for lupdate in ``context`` and return it unchanged, as Qt's does.

    PySide6's own ``QT_TRANSLATE_NOOP`` is typed as returning ``object``; this one says ``str``,
    so the tuples of sentences below it are checked as text. lupdate finds the calls by name.
    """
    del context  # read by lupdate only
    return source


def language(code: str | None) -> Language:
    """The language for ``code``, English when unknown."""
    return _BY_CODE.get(code or "", _BY_CODE[DEFAULT_LANGUAGE])


def translations_dir() -> Path:
    """Where the compiled ``.qm`` files live (inside the package resources)."""
    return Path(str(importlib.resources.files("testimony_app.resources") / "translations"))


_INSTALLED: list[QTranslator] = []  # translators are process-wide, so is this list


class Translations:
    """Installs and swaps the application's translators (process-wide, like Qt's own list)."""

    def __init__(self) -> None:
        self._installed = _INSTALLED
        self.code = DEFAULT_LANGUAGE

    def apply(self, code: str | None) -> str:
        """Switch the whole interface to ``code``; returns the code actually applied."""
        lang = language(code)
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(QLocale(lang.locale_name))
        ours = QTranslator()
        # English too: its file holds the plural forms ("1 testimony", "2 testimonies").
        if ours.load(f"testimony_{lang.code}", str(translations_dir())):
            self._installed.append(ours)
        if lang.code != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qt_base = QTranslator()
            # Qt's own buttons and dialogs (OK, Cancel, the file dialog…): Qt ships Russian
            # but not Azerbaijani. Our qt_<lang>.qm stands in for Azerbaijani, and fills the
            # Qt 6 texts Qt's Russian lacks; installed last, it is asked first.
            if qt_base.load(f"qtbase_{lang.code}", qt_dir):
                self._installed.append(qt_base)
            qt_ours = QTranslator()
            if qt_ours.load(f"qt_{lang.code}", str(translations_dir())):
                self._installed.append(qt_ours)
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        words.set_language(lang.code)  # what the layers below say (errors, reasons, checklist)
        self.code = lang.code
        return lang.code


def current_locale() -> QLocale:
    """The locale of the interface language (set by :meth:`Translations.apply`)."""
    return QLocale()


def format_date(iso: str, locale: QLocale | None = None) -> str:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) shown in the interface's locale.

    Partial dates stay partial: a witness who remembers only "March 2024" must not see a day
    invented for them. Anything unparseable is shown as written.
    """
    loc = locale or current_locale()
    text = iso.strip()
    parts = text.split("-")
    try:
        if len(parts) == 3:
            date = QDate(int(parts[0]), int(parts[1]), int(parts[2]))
            if date.isValid():
                return loc.toString(date, "d MMM yyyy")
        elif len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if 1 <= month <= 12:
                return f"{loc.standaloneMonthName(month)} {year}"
        elif len(parts) == 1 and len(text) == 4:
            return str(int(text))
    except ValueError:
        pass
    return text


def format_size(size: int, locale: QLocale | None = None) -> str:
    """A file size as people read it, in the interface's language: "4.9 kB", "4,9 KB", "4,9 КБ".

    Powers of 1000, like file managers. Qt's own ``formattedDataSize`` says "512 байты" in
    Russian, so the units are ours (translated in the ``sizes`` context) and only the number
    comes from the locale (its decimal comma).
    """
    loc = locale or current_locale()
    units = (
        QCoreApplication.translate("sizes", "B"),
        QCoreApplication.translate("sizes", "kB"),
        QCoreApplication.translate("sizes", "MB"),
        QCoreApplication.translate("sizes", "GB"),
        QCoreApplication.translate("sizes", "TB"),
    )
    value = float(max(0, size))
    for index, unit in enumerate(units):
        if value < 1000 or index == len(units) - 1:
            number = loc.toString(int(value)) if index == 0 else loc.toString(value, "f", 1)
            return f"{number}\u00a0{unit}"  # no line break between the number and its unit
        value /= 1000
    return str(size)  # pragma: no cover - the loop always returns


class UiPreferences:
    """The plaintext preferences read before unlocking: interface language and window geometry.

    Stored with ``QSettings`` in INI format at an explicit path, so tests (and portable
    installs) control where it goes, and nothing lands in the registry.
    """

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            path = AppPaths.default().config / "ui.ini"
        ensure_private_dir(path.parent)
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        """The interface language code."""
        value = self._settings.value("ui/language", DEFAULT_LANGUAGE)
        return language(str(value)).code

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("ui/language", language(code).code)
        self._settings.sync()

    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry, if any."""
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)
        self._settings.sync()
