"""The list of testimonies: newest interview first, then the newest update, every record once.

The order is made in Python since issue 19 (SQLite's sort cost more than the query); it must
stay the order ``ORDER BY interview_date DESC, updated_at DESC`` gave, for partial dates,
undated records and non-ASCII text alike.
"""

from __future__ import annotations

from pathlib import Path

from testimony_app.domain import model
from testimony_app.services.vault import create_vault


def _testimony(date: str, place: str) -> model.Testimony:
    return model.Testimony(
        title="[FICTIONAL] list order",
        fictional=True,
        interview=model.Interview(date=date, place=place),
        witness=model.Witness(pseudonym=f"W {place}"),
    )


def test_list_is_newest_interview_first_then_newest_update(tmp_path: Path) -> None:
    session = create_vault(tmp_path / "v", "correct horse battery staple", kdf="test")
    try:
        dates = ["2017-03", "2017-03-05", "", "2018", "2017-03-05", "2016-12-31", ""]
        places = ["Tərtər", "Гянджа", "Bərdə", "Ağdam", "Երևան", "بردع", "Goranboy"]
        ids = [session.testimonies.create(_testimony(d, p)) for d, p in zip(dates, places,
                                                                           strict=True)]
        session.testimonies.save_draft(ids[1], _testimony("2017-03-05", "Гянджа, подвал"))
        listed = session.testimonies.list()
        assert sorted(s.id for s in listed) == sorted(ids)
        expected = sorted(listed, key=lambda s: (s.interview_date, s.updated_at), reverse=True)
        assert [s.id for s in listed] == [s.id for s in expected]
        assert [s.interview_date for s in listed][:4] == ["2018", "2017-03-05", "2017-03-05",
                                                        "2017-03"]
        same_day = [s.updated_at for s in listed if s.interview_date == "2017-03-05"]
        assert same_day == sorted(same_day, reverse=True)  # the newest update first
        assert [s.interview_date for s in listed][-2:] == ["", ""]
        db = session._vault.db
        by_sql = db.query(
            "SELECT interview_date, updated_at FROM records"
            " ORDER BY interview_date DESC, updated_at DESC"
        )  # records saved in the same second tie, in any order, as they did before
        assert [(s.interview_date, s.updated_at) for s in listed] == by_sql
    finally:
        session.lock()
