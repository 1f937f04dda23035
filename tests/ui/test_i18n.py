"""Qt's own texts, sizes and numbers in the interface's language (GUI review D8, D24)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from testimony_app.ui.i18n import Translations, format_size

pytestmark = pytest.mark.gui

Button = QDialogButtonBox.StandardButton


@pytest.fixture
def translations() -> Iterator[Translations]:
    applied = Translations()
    yield applied
    applied.apply("en")


@pytest.mark.parametrize(
    ("code", "ok", "cancel", "yes", "close", "copy"),
    [
        ("az", "OK", "Ləğv et", "&Bəli", "Bağla", "&Köçür"),
        ("ru", "OK", "Отмена", "&Да", "Закрыть", "&Копировать"),
        ("en", "OK", "Cancel", "&Yes", "Close", "&Copy"),
    ],
)
def test_qt_standard_buttons_and_menus_speak_the_interface_language(
    qtbot: Any, translations: Translations,
    code: str, ok: str, cancel: str, yes: str, close: str, copy: str,
) -> None:
    translations.apply(code)
    box = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Yes | Button.Close)
    qtbot.addWidget(box)
    assert box.button(Button.Ok).text() == ok
    assert box.button(Button.Cancel).text() == cancel
    assert box.button(Button.Yes).text() == yes
    assert box.button(Button.Close).text() == close
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert copy in [action.text().split("\t")[0] for action in menu.actions()]
    message = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Cancel).text() == cancel


def test_sizes_are_written_the_way_each_language_writes_them(
    translations: Translations,
) -> None:
    translations.apply("en")
    assert format_size(4900) == "4.9\u00a0kB"
    assert format_size(512) == "512\u00a0B"
    translations.apply("az")
    assert format_size(4900) == "4,9\u00a0KB"
    assert format_size(1_400_000) == "1,4\u00a0MB"
    translations.apply("ru")
    assert format_size(4900) == "4,9\u00a0КБ"
    assert format_size(3_200_000_000) == "3,2\u00a0ГБ"


@pytest.mark.parametrize(
    ("code", "look_in", "file_type"),
    [("az", "&Harada:", "Faylların &növü:"), ("ru", "&Перейти к:", "&Типы файлов:")],
)
def test_the_file_dialog_speaks_the_interface_language(
    qtbot: Any, translations: Translations, code: str, look_in: str, file_type: str
) -> None:
    """Qt 6's file dialog labels have mnemonics that Qt's own Russian does not translate."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    translations.apply(code)
    dialog = QFileDialog(None, "", "/")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == look_in
    assert labels["fileTypeLabel"] == file_type


@pytest.mark.parametrize(("code", "folder"), [("az", "Qovluq"), ("ru", "Папка"), ("en", "Folder")])
def test_the_file_dialog_names_a_folder_in_the_interface_language(
    qtbot: Any, translations: Translations, tmp_path: Any, code: str, folder: str
) -> None:
    """The file dialog's Kind column ("Folder") is Qt 6's QAbstractFileIconProvider text, which
    neither Qt's Russian nor any Azerbaijani translation of Qt has (seen at 1024×768 in az)."""
    from PySide6.QtWidgets import QFileSystemModel

    (tmp_path / "qovluq").mkdir()
    translations.apply(code)
    model = QFileSystemModel()
    with qtbot.waitSignal(model.directoryLoaded, timeout=10000):
        model.setRootPath(str(tmp_path))
    index = model.index(str(tmp_path / "qovluq"))
    assert index.isValid()
    assert model.type(index) == folder
