"""Reasons behind a suggestion are stable codes (translated by the GUI), and typed date
filters are read strictly."""

from __future__ import annotations

import pytest

from testimony_app.domain import matching
from testimony_app.domain.matching import Candidate, Mention, Reason, Suggestion


def test_person_reasons_are_codes_with_the_english_text_alongside() -> None:
    mention = Mention(
        "acts[0].perpetrators[0]",
        "person",
        "Гасанов Эльчин",
        rank="капитан",
        unit="часть Q-903",
        place="Q-903, Tərtər",
        dates=("2017-05-21",),
    )
    candidate = Candidate(
        "e1",
        "person",
        "Elçin Həsənov",
        rank="kapitan",
        unit="Q-903 saylı hərbi hissə",
        places=("Q-903 hərbi hissəsi, Tərtər",),
        dates=("2017-05-18",),
    )
    found = matching.score(mention, candidate)
    assert found.reason_codes == (
        "name_alike",
        "same_rank",
        "same_unit",
        "same_place",
        "dates_overlap",
    )
    name = found.factors[0]
    assert name.value is not None
    assert 0.85 <= name.value <= 1.0
    assert found.reasons[0] == f"name {name.value:.0%} alike"
    assert found.reasons[1:] == ("same rank", "same unit", "same place", "dates overlap")
    assert all(code in matching.REASON_CODES for code in found.reason_codes)


def test_disagreements_and_unnamed_mentions_have_their_own_codes() -> None:
    far = Mention("p", "person", "Elçin Həsənov", rank="mayor", unit="Q-903", dates=("2019-01-01",))
    candidate = Candidate(
        "e1", "person", "Elçin Həsənov", rank="kapitan", unit="N-1234", dates=("2017-05-18",)
    )
    assert matching.score(far, candidate).reason_codes == (
        "name_alike",
        "different_rank",
        "different_unit",
        "dates_far_apart",
    )
    unnamed = Mention("p", "person", "", rank="kapitan", unit="Q-903")
    same = Candidate("e2", "person", "X Y", rank="kapitan", unit="Q-903")
    assert matching.score(unnamed, same).reason_codes == ("no_name", "same_rank", "same_unit")
    assert matching.score(unnamed, candidate).reason_codes == ("rank_or_unit_differ",)
    place = Mention("p", "place", "Q-903 hərbi hissəsi", dates=("2017-05",))
    assert matching.score(place, candidate).reason_codes == ("different_kind",)
    site = Candidate("e3", "place", "Часть Q-903", dates=("2017-05-20",))
    found = matching.score(place, site)
    assert found.reason_codes == ("description_alike", "dates_overlap")
    assert found.reasons[0].startswith("description ")
    assert found.reasons[0].endswith("% alike")


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        (Reason("name_alike", 0.87), "name 87% alike"),
        (Reason("description_alike", 1.0), "description 100% alike"),
        (Reason("no_name"), "no name to compare"),
        (Reason("partial_name"), "only part of the name to compare"),
        (Reason("rank_or_unit_differ"), "rank or unit differ"),
        (Reason("something_new"), "something_new"),  # an unknown code is shown as itself
    ],
)
def test_reason_describes_itself_in_english(reason: Reason, text: str) -> None:
    assert reason.describe() == text


def test_every_code_has_an_english_text() -> None:
    for code in matching.REASON_CODES:
        assert Reason(code, 0.5).describe() != code
    assert Suggestion("e", 0.9, (Reason("same_rank"),)).reasons == ("same rank",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", ("2017-01-01", "2017-12-31")),
        ("2017-02", ("2017-02-01", "2017-02-28")),
        ("2016-02", ("2016-02-01", "2016-02-29")),
        ("2017-12", ("2017-12-01", "2017-12-31")),
        (" 2017-05-18 ", ("2017-05-18", "2017-05-18")),
    ],
)
def test_filter_dates_accept_years_months_and_days(text: str, expected: tuple[str, str]) -> None:
    import datetime

    found = matching.filter_date_range(text)
    assert found is not None
    low, high = (datetime.date.fromordinal(d).isoformat() for d in found)
    assert (low, high) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2017-5",
        "17",
        "2017-13",
        "2017-02-30",
        "2017-05-18 approx.",
        "0000",
        "2017/05",
        "２０１７",  # full-width digits: \d would take them, a filter must not
        "٢٠١٧-٠٥",  # Arabic-Indic digits
        "май 2017",
        "",
    ],
)
def test_filter_dates_refuse_anything_else(text: str) -> None:
    assert matching.filter_date_range(text) is None


@pytest.mark.parametrize(
    ("low", "high", "problems"),
    [
        ("", "", ()),
        ("2017", "", ()),
        ("", "2017-05", ()),
        ("2017-05-20", "2017-05", ()),  # a day inside the month that ends the period
        ("2017-05", "2017-05-01", ()),
        ("2017-06", "2017-05-31", ("from_after_to",)),
        ("2018", "2017-12-31", ("from_after_to",)),
        ("2017-5", "", ("from_invalid",)),
        ("", "2017-13", ("to_invalid",)),
        ("x", "y", ("from_invalid", "to_invalid")),
    ],
)
def test_date_filter_problems(low: str, high: str, problems: tuple[str, ...]) -> None:
    assert matching.date_filter_problems(low, high) == problems
