"""The desktop interface (PySide6). Importing it guards the process against a binding bug."""

from testimony_app.ui.qt_workarounds import immortalize_singletons

immortalize_singletons()
