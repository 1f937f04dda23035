"""The interviewer's guide inside the program, from the package, in the interface's language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl

from testimony_app.ui.guide_viewer import GuideViewer, guide_text, slug

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("code", "title", "section"),
    [
        ("az", "müsahibə aparanlar üçün bələdçi", "Seyfinizi yaradın"),
        ("ru", "руководство для интервьюера", "Создание хранилища"),
        ("en", "a guide for interviewers", "Create your vault"),
    ],
)
def test_the_guide_opens_in_each_language(
    qtbot: Any, code: str, title: str, section: str
) -> None:
    viewer = GuideViewer(code)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.code == code
    assert title in viewer.browser.toPlainText()
    assert len(viewer.headings()) == 11  # the eleven numbered sections
    assert any(section in h for h in viewer.headings()), viewer.headings()
    assert "![" not in viewer.browser.toPlainText()  # pictures are left out


def test_sections_and_links_lead_inside_the_guide(qtbot: Any) -> None:
    viewer = GuideViewer("en")
    qtbot.addWidget(viewer)
    viewer.resize(700, 400)
    viewer.show()
    qtbot.waitExposed(viewer)
    bar = viewer.browser.verticalScrollBar()
    assert bar.value() == 0
    viewer.sections.setCurrentRow(8)  # "9. Before a checkpoint"
    qtbot.waitUntil(lambda: bar.value() > 0)
    checkpoint = bar.value()
    viewer.browser.anchorClicked.emit(QUrl("#1-before-you-start"))
    qtbot.waitUntil(lambda: bar.value() < checkpoint)

    viewer.browser.anchorClicked.emit(QUrl("guide-interviewer.ru.md"))
    assert viewer.code == "ru"
    assert "руководство" in viewer.browser.toPlainText()
    viewer.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert viewer.code == "ru"  # not followed, nothing else happened

    viewer.language.setCurrentIndex(viewer.language.findData("az"))
    assert viewer.code == "az"


def test_slugs_follow_github() -> None:
    assert slug("8. What the lock and the panic shortcut do, and what they do not") == (
        "8-what-the-lock-and-the-panic-shortcut-do-and-what-they-do-not"
    )
    assert slug("1. Başlamazdan əvvəl") == "1-başlamazdan-əvvəl"
    assert "#1-before-you-start" in guide_text("en")
