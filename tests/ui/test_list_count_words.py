"""The list's count in the interface's language, digits grouped as that language groups them.

An organisation's list holds 100,000 testimonies (issue 19): "100000 testimonies" is hard to
read at a glance and is not how Azerbaijani or Russian write the number. The counts use Qt's
``%Ln``, which formats with the default locale that ``Translations.apply`` sets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QLocale

from testimony_app.domain.model import Status
from testimony_app.ui.i18n import Translations
from testimony_app.ui.tasks import TaskRunner
from testimony_app.ui.testimony_list import TestimonyListPage as ListPage

if TYPE_CHECKING:
    from testimony_app.domain.model import TestimonySummary

pytestmark = pytest.mark.gui

COUNT = 12_345


@pytest.fixture
def page(qtbot: Any, runner: TaskRunner) -> ListPage:
    shown = ListPage(lambda: None, runner)  # no vault: the rows are set by the test
    qtbot.addWidget(shown)
    return shown


def _group(code: str) -> str:
    """The language's thousands separator, as Qt's locale data has it ("," "." or a space)."""
    separator = QLocale({"en": "en_GB", "az": "az_AZ", "ru": "ru_RU"}[code]).groupSeparator()
    assert separator  # every one of the three groups thousands
    return separator


def test_counts_group_their_digits_in_each_language(
    page: ListPage, summaries: Callable[[int], list[TestimonySummary]]
) -> None:
    rows = [r._replace(status=Status.SEALED) for r in summaries(COUNT)]
    page.set_summaries(rows)
    translations = Translations()
    try:
        for code, words in (
            ("en", "12{s}345 testimonies"),
            ("az", "12{s}345 ifadə"),
            ("ru", "12{s}345 свидетельств"),
        ):
            translations.apply(code)
            page.retranslate()
            assert page.count_label.text() == words.format(s=_group(code))
        assert _group("en") == ","
        translations.apply("ru")
        page.retranslate()
        page.model.set_filters(status=Status.DRAFT.value)  # nothing matches: 0 of 12 345
        page.retranslate()
        assert page.count_label.text() == f"Показано 0 из 12{_group('ru')}345 свидетельств"
    finally:
        translations.apply("en")
