"""Caps Lock and keyboard layout, shown beside a passphrase field that hides what is typed.

Why: interviewers switch between Azerbaijani, Russian and English layouts all day. A
passphrase typed in the wrong layout, or with Caps Lock on, fails as "not correct" and costs a
growing wait, in front of a witness (GUI review D18). A hidden field cannot show the mistake,
so the page says it: "Caps Lock is on", "Keyboard layout: Russian".

Qt has no portable way to ask either question, so :class:`KeyboardProbe` asks the system
where it can (X11 through XKB with ``libX11``, Windows through ``user32``, macOS through
CoreGraphics; the input method's locale on Windows and macOS) and answers ``None`` where it
cannot (Wayland, offscreen). :class:`KeyboardHints` then falls back on the key events
themselves: a capital letter typed without Shift means Caps Lock, and the last letter typed
tells the script (Latin, Cyrillic …). It shows the script only, never a character.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import unicodedata
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from testimony_app.log import get_logger

_log = get_logger("ui.keyboard_state")

POLL_MS = 400

# XKB, from <X11/XKBlib.h> and <X11/extensions/XKBstr.h>.
_XKB_USE_CORE_KBD = 0x0100
_XKB_GROUP_NAMES_MASK = 1 << 12


class _XkbStateRec(ctypes.Structure):
    _fields_ = [
        ("group", ctypes.c_ubyte),
        ("locked_group", ctypes.c_ubyte),
        ("base_group", ctypes.c_ushort),
        ("latched_group", ctypes.c_ushort),
        ("mods", ctypes.c_ubyte),
        ("base_mods", ctypes.c_ubyte),
        ("latched_mods", ctypes.c_ubyte),
        ("locked_mods", ctypes.c_ubyte),
        ("compat_state", ctypes.c_ubyte),
        ("grab_mods", ctypes.c_ubyte),
        ("compat_grab_mods", ctypes.c_ubyte),
        ("lookup_mods", ctypes.c_ubyte),
        ("compat_lookup_mods", ctypes.c_ubyte),
        ("ptr_buttons", ctypes.c_ushort),
    ]


class _XkbNamesRec(ctypes.Structure):
    _fields_ = [
        ("keycodes", ctypes.c_ulong),
        ("geometry", ctypes.c_ulong),
        ("symbols", ctypes.c_ulong),
        ("types", ctypes.c_ulong),
        ("compat", ctypes.c_ulong),
        ("vmods", ctypes.c_ulong * 16),
        ("indicators", ctypes.c_ulong * 32),
        ("groups", ctypes.c_ulong * 4),
    ]


class _XkbDescRec(ctypes.Structure):
    _fields_ = [
        ("dpy", ctypes.c_void_p),
        ("flags", ctypes.c_ushort),
        ("device_spec", ctypes.c_ushort),
        ("min_key_code", ctypes.c_ubyte),
        ("max_key_code", ctypes.c_ubyte),
        ("ctrls", ctypes.c_void_p),
        ("server", ctypes.c_void_p),
        ("map", ctypes.c_void_p),
        ("indicators", ctypes.c_void_p),
        ("names", ctypes.POINTER(_XkbNamesRec)),
        ("compat", ctypes.c_void_p),
        ("geom", ctypes.c_void_p),
    ]


class _X11:
    """A private connection to the X server, for XKB's lock state and group names only."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("X11")
        if not name:
            raise OSError("libX11 not found")
        lib = ctypes.CDLL(name)
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XkbGetIndicatorState.argtypes = [
            ctypes.c_void_p, ctypes.c_uint, ctypes.POINTER(ctypes.c_uint)
        ]
        lib.XkbGetState.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.POINTER(_XkbStateRec)]
        lib.XkbAllocKeyboard.restype = ctypes.POINTER(_XkbDescRec)
        lib.XkbGetNames.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.POINTER(_XkbDescRec)]
        lib.XGetAtomName.restype = ctypes.c_void_p
        lib.XGetAtomName.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XFree.argtypes = [ctypes.c_void_p]
        display = lib.XOpenDisplay(None)
        if not display:
            raise OSError("no X display")
        self._lib = lib
        self._display = display
        self._desc = lib.XkbAllocKeyboard()

    def caps_lock(self) -> bool:
        state = ctypes.c_uint(0)
        if self._lib.XkbGetIndicatorState(self._display, _XKB_USE_CORE_KBD, ctypes.byref(state)):
            raise OSError("XkbGetIndicatorState failed")
        return bool(state.value & 1)

    def layout(self) -> str | None:
        state = _XkbStateRec()
        if self._lib.XkbGetState(self._display, _XKB_USE_CORE_KBD, ctypes.byref(state)):
            return None
        if not self._desc or self._lib.XkbGetNames(
            self._display, _XKB_GROUP_NAMES_MASK, self._desc
        ):
            return None
        names = self._desc.contents.names
        if not names:
            return None
        atom = names.contents.groups[state.group & 3]
        if not atom:
            return None
        raw = self._lib.XGetAtomName(self._display, atom)
        if not raw:
            return None
        try:
            return ctypes.string_at(raw).decode("utf-8", "replace") or None
        finally:
            self._lib.XFree(raw)


class KeyboardProbe:
    """Asks the system for Caps Lock and the layout; ``None`` means "cannot tell here"."""

    def __init__(self) -> None:
        self._x11: _X11 | None = None
        self._x11_failed = False

    def _platform(self) -> str:
        return QGuiApplication.platformName() if QGuiApplication.instance() else ""

    def _xlib(self) -> _X11 | None:
        if self._x11 is None and not self._x11_failed:
            try:
                self._x11 = _X11()
            except (OSError, AttributeError):
                self._x11_failed = True
                _log.info("no XKB keyboard state; falling back on key events")
        return self._x11

    def caps_lock(self) -> bool | None:
        """Whether Caps Lock is on, if the system says."""
        platform = self._platform()
        try:
            if platform == "xcb":
                x11 = self._xlib()
                return x11.caps_lock() if x11 is not None else None
            if platform == "windows" and sys.platform == "win32":
                user32: Any = ctypes.windll.user32  # type: ignore[attr-defined]
                return bool(user32.GetKeyState(0x14) & 1)  # VK_CAPITAL
            if platform == "cocoa":
                quartz = ctypes.CDLL(
                    "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"
                )
                quartz.CGEventSourceFlagsState.restype = ctypes.c_uint64
                quartz.CGEventSourceFlagsState.argtypes = [ctypes.c_int32]
                return bool(quartz.CGEventSourceFlagsState(0) & 0x00010000)  # AlphaShift
        except (OSError, AttributeError, ValueError):
            return None
        return None

    def layout(self) -> str | None:
        """The keyboard layout's name, if the system says (``"Russian"``, ``"Azərbaycan"``)."""
        platform = self._platform()
        if platform == "xcb":
            x11 = self._xlib()
            try:
                return x11.layout() if x11 is not None else None
            except OSError:
                return None
        if platform in ("windows", "cocoa"):
            # There the input method follows the layout switch (WM_INPUTLANGCHANGE, TIS).
            method = QGuiApplication.inputMethod()
            locale = method.locale() if method is not None else None
            unknown = (QLocale.Language.AnyLanguage, QLocale.Language.C)
            if locale is not None and locale.language() not in unknown:
                return locale.nativeLanguageName() or None
        return None


def script_of(text: str) -> str:
    """The writing system of the last letter in ``text`` (``LATIN``, ``CYRILLIC``…), or ""."""
    for ch in reversed(text):
        if ch.isalpha():
            try:
                return unicodedata.name(ch).split(" ", 1)[0]
            except ValueError:
                return ""
    return ""


class KeyboardHints(QWidget):
    """Two quiet lines under a passphrase field: Caps Lock (a warning) and the layout.

    Watches the fields given to :meth:`watch`; shows something only while one of them has the
    keyboard focus. ``probe`` is injectable for tests.
    """

    def __init__(self, parent: QWidget | None = None, probe: KeyboardProbe | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardHints")
        self._probe = probe or KeyboardProbe()
        self._fields: list[QLineEdit] = []
        self._caps_from_keys: bool | None = None
        self._script = ""
        self.caps = QLabel(self)
        self.caps.setObjectName("capsLockWarning")
        self.caps.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.layout_label = QLabel(self)
        self.layout_label.setObjectName("keyboardLayout")
        self.layout_label.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caps)
        row.addStretch(1)
        row.addWidget(self.layout_label)
        # Room kept even when empty: the page must not jump when a hint appears.
        self.setMinimumHeight(self.fontMetrics().lineSpacing() + 4)
        self._timer = QTimer(self)
        self._timer.setObjectName("keyboardPoll")
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def watch(self, field: QLineEdit) -> None:
        """Follow ``field``'s focus and keys."""
        self._fields.append(field)
        field.installEventFilter(self)

    def caps_lock_on(self) -> bool:
        """What the Caps Lock line says now."""
        return self.caps.text() != ""

    def refresh(self) -> None:
        """Ask again (the timer does this while a watched field has the focus)."""
        self._fields = [f for f in self._fields if shiboken6.isValid(f)]
        focused = any(f.hasFocus() for f in self._fields)
        if not focused:
            self._timer.stop()
        caps = self._probe.caps_lock()
        if caps is None:
            caps = self._caps_from_keys
        self.caps.setText(self.tr("Caps Lock is on") if focused and caps else "")
        layout = self._probe.layout()
        if focused and layout:
            text = self.tr("Keyboard layout: %1").replace("%1", layout)
        elif focused and self._script:
            text = self.tr("Typing: %1").replace("%1", self._script_name(self._script))
        else:
            text = ""
        self.layout_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self._timer.start()
            self.refresh()
        elif kind == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self, self.refresh)  # once the focus has moved on
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self._learn(event)
            self.refresh()
        elif (
            kind == QEvent.Type.KeyRelease
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_CapsLock
        ):
            self.refresh()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _learn(self, event: QKeyEvent) -> None:
        """Caps Lock and the script, from the character a key press produced."""
        if event.key() == Qt.Key.Key_CapsLock:
            if self._caps_from_keys is not None:
                self._caps_from_keys = not self._caps_from_keys
            return
        text = event.text()
        if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._caps_from_keys = text.isupper() != shift
        self._script = script_of(text)

    def _script_name(self, script: str) -> str:
        names = {
            "LATIN": self.tr("Latin letters"),
            "CYRILLIC": self.tr("Cyrillic letters"),
            "ARMENIAN": self.tr("Armenian letters"),
            "ARABIC": self.tr("Arabic letters"),
            "GEORGIAN": self.tr("Georgian letters"),
        }
        return names.get(script, script.title())
