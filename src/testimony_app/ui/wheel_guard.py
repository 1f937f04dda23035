"""No silent change: the mouse wheel scrolls the page, it never changes a field on its way.

Qt lets the wheel change a combo box, a spin box or a date field the moment the pointer passes
over it. On a long form that the interviewer scrolls with the wheel, "Language of the
interview" turned from Azerbaijani into Georgian, then Arabic, unnoticed, and would have gone
into the sealed statement like that (GUI review D4). So, for the whole application, in one
place:

* a combo box, spin box or date/time field that does not have the keyboard focus ignores the
  wheel, and the event goes on to its parent, so the page under the pointer still scrolls;
* these fields no longer take the focus from the wheel (``WheelFocus`` becomes
  ``StrongFocus``): a click or Tab gives them the focus, after which the wheel works on them
  as the user expects.

One application-wide event filter rather than a base class, so the fields of every window
and dialog are covered, including the ones other modules create with plain ``QComboBox``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


def _guarded_field(obj: QObject) -> QWidget | None:
    """The combo box or spin box ``obj`` belongs to (itself, or its line edit), if any."""
    if isinstance(obj, _GUARDED):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    # The line edit inside an editable combo or a spin box receives the wheel first.
    if isinstance(parent, _GUARDED) and isinstance(obj, QLineEdit):
        return parent
    return None


class WheelGuard(QObject):
    """The application-wide filter; install it once with :func:`install_wheel_guard`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, _GUARDED):
            # Polish reaches every widget once, before it is first shown: the one moment
            # to change the focus policy of fields created anywhere.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        field = _guarded_field(watched)
        if field is None or field.hasFocus():
            return False
        # Not for this field: ignored, so QApplication passes it on to the parent (the
        # scroll area), exactly as if the field were not under the pointer.
        event.ignore()
        return True


_installed: WheelGuard | None = None


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard on the application (once; later calls return the same guard)."""
    global _installed
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    if _installed is None:
        _installed = WheelGuard(app)
        _installed.setObjectName("wheelGuard")
        app.installEventFilter(_installed)
    return _installed
