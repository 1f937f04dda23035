"""Search reads its hits' texts from the index's content table and their list rows through the
versions' covering index: the same hits, in the same order, with the same scores, snippets and
list rows as before (issue 19).

The reference is the statement search() used before, run on the same vault: Azerbaijani,
Russian and English testimonies of the benchmark corpus, some of them edited (their index
rows replaced) so that the content table has gaps and rows out of insertion order.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import corpus
from testimony_app.domain import folding
from testimony_app.domain.model import Status
from testimony_app.services.vault import VaultSession
from testimony_app.storage.search import make_snippet

_OLD_TEXTS = (
    "SELECT rowid, record_id, original FROM search WHERE rowid IN (SELECT value FROM json_each(?))"
)


def _old_search(session: VaultSession, query: str, limit: int) -> list[tuple[str, float, str]]:
    db = session._vault.db  # the test reaches inside on purpose
    terms = folding.tokens(query)
    match = " ".join(f'"{t}"*' for t in terms)
    ranked = db.query(
        "SELECT rowid, bm25(search) AS score FROM search WHERE search MATCH ?"
        " ORDER BY score LIMIT ?",
        (match, limit),
    )
    texts = {
        r[0]: (r[1], r[2]) for r in db.query(_OLD_TEXTS, (json.dumps([r[0] for r in ranked]),))
    }
    return [
        (texts[rowid][0], -float(score), make_snippet(texts[rowid][1], terms))
        for rowid, score in ranked
    ]


@pytest.mark.slow
def test_hits_scores_snippets_and_list_rows_are_those_of_before(session: VaultSession) -> None:
    testimonies = list(corpus.corpus(20171, 90))
    ids = session.testimonies.create_many(testimonies)
    # Edited records get a new index row (a new rowid) and leave a gap where the old one was.
    for n in range(0, 90, 7):
        t = session.testimonies.get(ids[n])
        t.narrative.text += " Sonra onu yenidən sorğu-suala apardılar; следователь кричал."
        session.testimonies.save_draft(ids[n], t)
    for n in range(0, 90, 5):  # sealed ones too, so that the list rows' status varies
        session.testimonies.seal(ids[n], backup=False)
    queries = [*corpus.queries(20171, 60), "Məhərrəmov", "следователь", "sorğu", "kamer"]
    compared, statuses = 0, set[Status]()
    for query in queries:
        for limit in (20, 200):
            hits = session.testimonies.search(query, limit=limit)
            assert [(h.testimony_id, h.score, h.snippet) for h in hits] == _old_search(
                session, query, limit
            ), query
            # The list rows read through the covering index are the list's own.
            assert [h.summary for h in hits] == [
                session.testimonies.summary(h.testimony_id) for h in hits
            ]
            compared += len(hits)
            statuses.update(h.summary.status for h in hits)
    assert compared > 300  # the queries do find things: the comparison is not vacuous
    assert len(statuses) >= 2, statuses
