"""The Help menu: the interviewer's guide inside the program, and About.

Why the guide is shown here and not in a browser: the program works offline and opens nothing
outside itself (a browser keeps history, may reach the network, and shows which guide was
read); the guide ships in the package in English, Azerbaijani and Russian and opens in the
interface language (:class:`~testimony_app.ui.guide_viewer.GuideViewer`). About says plainly
what the encryption does not protect.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from testimony_app import __version__
from testimony_app.ui.guide_viewer import GuideViewer
from testimony_app.ui.prompts import Prompts


class HelpMenu(QObject):
    """Opens the guide (one window, brought to the front) and the About box over ``window``."""

    def __init__(
        self, window: QWidget, prompts: Prompts, language: Callable[[], str]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._prompts = prompts
        self._language = language

    @Slot()
    def show_guide(self) -> GuideViewer:
        """The interviewer's guide, inside the program, in the interface language."""
        viewer = next(
            (v for v in self._window.findChildren(GuideViewer) if v.isVisible()), None
        )
        if viewer is None:
            viewer = GuideViewer(self._language(), self._window)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        else:
            viewer.show_language(self._language())
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()
        return viewer

    @Slot()
    def show_about(self) -> None:
        """Version and the honest limits of what the program protects."""
        self._prompts.information(
            self._window,
            self.tr("About Testimony"),
            self.tr(
                "Testimony %1: offline, encrypted documentation of torture and arbitrary "
                "detention.\n\nThe vault is encrypted with your passphrase. It does not protect "
                "a laptop that is left unlocked, asleep or hibernating: lock it (Ctrl+Shift+L) "
                "and shut the computer down before a checkpoint. Use full-disk encryption."
            ).replace("%1", __version__),
        )
