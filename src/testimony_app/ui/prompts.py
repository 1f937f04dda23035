"""The seam between the interface and every modal question it asks.

Widgets never call ``QMessageBox`` or ``QFileDialog`` directly: they ask a :class:`Prompts`.
The application installs :class:`QtPrompts`; tests install :class:`ScriptedPrompts`, queue the
answers a user would give, and read back what was shown, so no test ever blocks on a modal
dialog and nobody patches ``QMessageBox`` (KeePassXC ``MessageBox::setNextAnswer``).

How a widget finds its prompts: :func:`prompts_for` walks up the parent chain to the first
widget with a ``prompts`` attribute (the main window has one) and otherwise falls back to the
process-wide default, which :func:`set_default_prompts` replaces.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


@runtime_checkable
class Prompts(Protocol):
    """Every modal question the interface may ask. Titles and texts are already translated."""

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        ok_label: str | None = None,
        destructive: bool = False,
        details: str = "",
    ) -> bool:
        """Ask yes or no; ``True`` means go ahead. The safe answer is the default button.

        ``destructive`` (or irreversible) makes Cancel the default; ``details`` is a second,
        smaller text under the question (what it would leave behind, for example).
        """
        ...

    def choose(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        options: Sequence[str],
        *,
        default: int = 0,
        details: str = "",
    ) -> int | None:
        """Ask for one of ``options`` (button labels); ``None`` if the user cancelled.

        Every option is an explicit answer; Cancel (and Escape) is always there besides them
        and always means "do nothing". ``default`` is the option Enter picks: the safe one.
        """
        ...

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user something that needs no answer."""
        ...

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user that something failed, in one plain sentence."""
        ...

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path | None = None, filters: str = ""
    ) -> Path | None:
        """Ask where to save a file; ``None`` if cancelled."""
        ...

    def open_paths(
        self,
        parent: QWidget | None,
        title: str,
        filters: str = "",
        *,
        multiple: bool = True,
        directory: Path | None = None,
    ) -> list[Path]:
        """Ask which files to open; an empty list if cancelled."""
        ...

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        *,
        password: bool = False,
    ) -> str | None:
        """Ask for a line of text; ``None`` if cancelled."""
        ...

    def choose_directory(
        self, parent: QWidget | None, title: str, directory: Path | None = None
    ) -> Path | None:
        """Ask for a folder (the dialog can create one); ``None`` if cancelled."""
        ...


class QtPrompts:
    """The real dialogs. Safe buttons are the default so a stray Enter never destroys."""

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        ok_label: str | None = None,
        destructive: bool = False,
        details: str = "",
    ) -> bool:
        """Show a question box; the default button is Cancel when the action is destructive."""
        box = QMessageBox(parent)
        box.setObjectName("confirmBox")
        box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setInformativeText(details)
        ok = box.addButton(QMessageBox.StandardButton.Ok)
        if ok_label:
            ok.setText(ok_label)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel if destructive else ok)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is ok

    def choose(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        options: Sequence[str],
        *,
        default: int = 0,
        details: str = "",
    ) -> int | None:
        """A question box with one button per option, and Cancel."""
        box = QMessageBox(parent)
        box.setObjectName("chooseBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setInformativeText(details)
        buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in options]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        if 0 <= default < len(buttons):
            box.setDefaultButton(buttons[default])
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return buttons.index(clicked) if clicked in buttons else None

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show an information box."""
        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Show a warning box (not "critical": the user did nothing wrong by reading it)."""
        QMessageBox.warning(parent, title, text)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path | None = None, filters: str = ""
    ) -> Path | None:
        """Qt's save dialog; remembers nothing between runs (paths leak)."""
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested or ""), filters)
        return Path(name) if name else None

    def open_paths(
        self,
        parent: QWidget | None,
        title: str,
        filters: str = "",
        *,
        multiple: bool = True,
        directory: Path | None = None,
    ) -> list[Path]:
        """Qt's open dialog."""
        start = str(directory or "")
        if multiple:
            names, _ = QFileDialog.getOpenFileNames(parent, title, start, filters)
            return [Path(n) for n in names]
        name, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
        return [Path(name)] if name else []

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        *,
        password: bool = False,
    ) -> str | None:
        """Qt's input dialog."""
        echo = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(parent, title, label, echo, text)
        return value if ok else None

    def choose_directory(
        self, parent: QWidget | None, title: str, directory: Path | None = None
    ) -> Path | None:
        """Qt's folder dialog."""
        name = QFileDialog.getExistingDirectory(
            parent, title, str(directory or ""), QFileDialog.Option.ShowDirsOnly
        )
        return Path(name) if name else None


@dataclass(frozen=True)
class Shown:
    """One prompt that a :class:`ScriptedPrompts` was asked to show."""

    kind: str
    title: str
    text: str


class ScriptedPrompts:
    """Answers queued by a test, in order; everything shown is recorded in :attr:`shown`.

    A question with no queued answer raises :class:`LookupError`, so a test that forgot to
    script a dialog fails loudly instead of hanging. ``information`` and ``error`` need no
    answer.
    """

    def __init__(self) -> None:
        self.shown: list[Shown] = []
        self._answers: dict[str, deque[Any]] = {}
        self.last_confirm: dict[str, Any] = {}
        self.last_choice: dict[str, Any] = {}

    def queue(self, kind: str, *answers: Any) -> ScriptedPrompts:
        """Queue answers for ``kind`` (``"confirm"``, ``"save_path"``, ``"open_paths"``, …)."""
        self._answers.setdefault(kind, deque()).extend(answers)
        return self

    def pending(self) -> dict[str, int]:
        """How many queued answers are still unused, per kind."""
        return {k: len(v) for k, v in self._answers.items() if v}

    def texts(self, kind: str | None = None) -> list[str]:
        """The texts shown so far, optionally only of one kind."""
        return [s.text for s in self.shown if kind is None or s.kind == kind]

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        ok_label: str | None = None,
        destructive: bool = False,
        details: str = "",
    ) -> bool:
        """The next queued ``confirm`` answer; records the labels and whether it was safe."""
        self.last_confirm = {"ok_label": ok_label, "destructive": destructive, "details": details}
        return bool(self._next("confirm", title, text))

    def choose(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        options: Sequence[str],
        *,
        default: int = 0,
        details: str = "",
    ) -> int | None:
        """The next queued answer: an option's index, or ``None`` for Cancel."""
        self.last_choice = {"options": list(options), "default": default, "details": details}
        answer = self._next("choose", title, text)
        return None if answer is None else int(answer)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record only."""
        self.shown.append(Shown("information", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Record only."""
        self.shown.append(Shown("error", title, text))

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path | None = None, filters: str = ""
    ) -> Path | None:
        """The next queued path (or ``None`` for cancel)."""
        answer = self._next("save_path", title, str(suggested or ""))
        return Path(answer) if answer is not None else None

    def open_paths(
        self,
        parent: QWidget | None,
        title: str,
        filters: str = "",
        *,
        multiple: bool = True,
        directory: Path | None = None,
    ) -> list[Path]:
        """The next queued list of paths."""
        answer = self._next("open_paths", title, filters)
        return [Path(p) for p in (answer or [])]

    def ask_text(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        text: str = "",
        *,
        password: bool = False,
    ) -> str | None:
        """The next queued text (or ``None`` for cancel)."""
        return self._next("ask_text", title, label)  # type: ignore[no-any-return]

    def choose_directory(
        self, parent: QWidget | None, title: str, directory: Path | None = None
    ) -> Path | None:
        """The next queued folder (or ``None`` for cancel)."""
        answer = self._next("choose_directory", title, str(directory or ""))
        return Path(answer) if answer is not None else None

    def _next(self, kind: str, title: str, text: str) -> Any:
        self.shown.append(Shown(kind, title, text))
        answers = self._answers.get(kind)
        if not answers:
            raise LookupError(f"no scripted answer for a {kind} prompt")
        return answers.popleft()


_default: Prompts | None = None


def default_prompts() -> Prompts:
    """The process-wide prompts: real dialogs unless a test installed scripted ones."""
    global _default
    if _default is None:
        _default = QtPrompts()
    return _default


def set_default_prompts(prompts: Prompts | None) -> None:
    """Replace the process-wide prompts (``None`` restores the real dialogs)."""
    global _default
    _default = prompts


def prompts_for(obj: QObject | None) -> Prompts:
    """The prompts of the nearest ancestor that has a ``prompts`` attribute, else the default."""
    node = obj
    while node is not None:
        found = getattr(node, "prompts", None)
        if isinstance(found, Prompts):
            return found
        node = node.parent()
    return default_prompts()
