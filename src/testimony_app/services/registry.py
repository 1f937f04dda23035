"""Use cases of the registry: suggesting, confirming and merging, and corroboration.

The rule that matters most lives here: the program only *suggests*. A link becomes evidence
when a person confirms it, a merge happens only when a person asks for it, and every merge
can be undone. Corroboration reads only confirmed links.

Suggestions are built from one read of the registry (entries plus the mentions already
confirmed for them, stored beside each link) and never parse other testimonies, so they stay
fast in an organisation's vault of many thousands of records. That read is kept as a
:class:`~testimony_app.domain.matching.CandidateIndex` until the registry changes (the
editor's autosaves leave it alone), and the index scores a mention only against the entries
that could reach the threshold.
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from pathlib import Path

from testimony_app import gc_pause, reports
from testimony_app.crypto.chain import sha256_hex
from testimony_app.domain import interchange, matching
from testimony_app.domain.matching import (
    Candidate,
    CandidateIndex,
    CorroboratingAct,
    Corroboration,
    CorroborationItem,
    Entry,
    EntryDetail,
    Link,
    Mention,
    MentionSuggestions,
    Merge,
)
from testimony_app.domain.model import Testimony
from testimony_app.domain.redaction_review import EMPTY, DoubtfulUnreviewed, Hit, ReviewChoices
from testimony_app.domain.transliteration import skeleton
from testimony_app.errors import UserFacingError, os_reason
from testimony_app.paths import atomic_write
from testimony_app.storage.registry import RegistryNotFound, RegistryStore
from testimony_app.storage.vault import OpenVault

__all__ = ["RegistryNotFound", "RegistryService"]

_REPORT_REVIEW = "report_review"  # kept with the entry (version 0) in disclosure_decisions


class RegistryService:
    """People, places and units across the testimonies of one unlocked vault."""

    def __init__(self, vault: OpenVault) -> None:
        self._vault = vault
        self._records = vault.records
        self._store = RegistryStore(vault.db, vault.now)
        self._index: tuple[int, CandidateIndex] | None = None

    # -- entries ---------------------------------------------------------------------------

    def resolve(self, entry_id: str) -> str:
        """A full entry id from a full id or a unique prefix."""
        return self._store.resolve(entry_id)

    def create_entry(
        self, kind: str, display_name: str, *, rank: str = "", unit: str = "", notes: str = ""
    ) -> Entry:
        """A new person, place or unit."""
        return self._store.create_entry(kind, display_name, rank=rank, unit=unit, notes=notes)

    def list_entries(self, kind: str | None = None) -> builtins.list[Entry]:
        """Live entries (not merged away), optionally of one kind."""
        return [e for e in self._store.entries() if kind is None or e.kind == kind]

    def show(self, entry_id: str) -> EntryDetail:
        """An entry with all its links and the merges it took part in."""
        entry = self._store.entry(self.resolve(entry_id))
        merges = tuple(m for m in self._store.merges() if entry.id in (m.source_id, m.target_id))
        return EntryDetail(entry, tuple(self._store.links_of_entry(entry.id)), merges)

    def testimony_counts(self) -> dict[str, int]:
        """For every live entry, how many testimonies a person confirmed it in.

        One grouped read, however large the registry: the entry list shows this number for
        every row, and one :meth:`show` per entry took seconds in an organisation's vault.
        It equals the distinct records among an entry's confirmed links in :meth:`show`.
        """
        return self._store.testimony_counts()

    # -- mentions and suggestions ------------------------------------------------------------

    def mentions(self, record_id: str) -> builtins.list[Mention]:
        """The linkable mentions of a record's newest version."""
        return matching.mentions(self._records.get(self._records.resolve(record_id)))

    def _candidates(self) -> builtins.list[Candidate]:
        confirmed = self._store.confirmed_mentions()
        found: builtins.list[Candidate] = []
        for e in self._store.entries():
            seen = confirmed.get(e.id, [])
            found.append(
                Candidate(
                    entry_id=e.id,
                    kind=e.kind,
                    name=e.display_name,
                    rank=e.rank,
                    unit=e.unit,
                    aliases=tuple(sorted({m.text for m in seen if m.text} - {e.display_name})),
                    places=tuple(sorted({m.place for m in seen if m.place})),
                    dates=tuple(sorted({d for m in seen for d in m.dates})),
                )
            )
        return found

    def forget(self) -> None:
        """Drop the cached candidates (names from testimonies) when the vault locks."""
        self._index = None

    def candidate_index(self) -> CandidateIndex:
        """Every live entry as a match candidate, rebuilt only after the registry changed.

        Saving a testimony does not rebuild it: candidates come from the registry's own
        tables (entries and the mentions confirmed for them), never from the records.
        """
        token = self._store.change_token()  # before the read: a write during it rebuilds
        cached = self._index
        if cached is not None and token is not None and cached[0] == token:
            return cached[1]
        index = CandidateIndex(self._candidates())
        self._index = None if token is None else (token, index)
        return index

    def suggestions(
        self, record_id: str, *, threshold: float = matching.SHOW, limit: int = 5
    ) -> builtins.list[MentionSuggestions]:
        """For every mention in a record: its links and the entries it may refer to.

        An entry a person already rejected for a mention is not suggested for it again, and
        nothing is suggested for a mention that already has a confirmed link.
        """
        record_id = self._records.resolve(record_id)
        testimony = self._records.get(record_id)
        return self.suggestions_for(record_id, testimony, threshold=threshold, limit=limit)

    def suggestions_for(
        self,
        record_id: str,
        testimony: Testimony,
        *,
        threshold: float = matching.SHOW,
        limit: int = 5,
    ) -> builtins.list[MentionSuggestions]:
        """As :meth:`suggestions`, for a testimony already in hand (the editor's draft)."""
        by_path: dict[str, builtins.list[Link]] = defaultdict(list)
        for link in self._store.links_of_record(record_id):
            by_path[link.mention_path].append(link)
        index = self.candidate_index()
        result: builtins.list[MentionSuggestions] = []
        for mention in matching.mentions(testimony):
            links = tuple(by_path.get(mention.path, ()))
            if any(link.status == "confirmed" for link in links):
                result.append(MentionSuggestions(mention, links, ()))
                continue
            excluded = {link.entry_id for link in links if link.status == "rejected"}
            found = index.suggest(mention, threshold=threshold, limit=limit, exclude=excluded)
            result.append(MentionSuggestions(mention, links, tuple(found)))
        return result

    # -- links -----------------------------------------------------------------------------

    def link(
        self,
        record_id: str,
        mention_path: str,
        entry_id: str | None = None,
        *,
        new_entry: bool = False,
        status: str = "confirmed",
    ) -> Link:
        """Tie a mention to an entry, or to a new entry made from the mention.

        Called by a person choosing the entry, so the link is confirmed unless ``status``
        says it is only a suggestion to review later.
        """
        if (entry_id is None) == (not new_entry):
            raise UserFacingError("registry.entry_and_new")
        record_id = self._records.resolve(record_id)
        info = self._records.info(record_id)
        mention = matching.mention_at(self._records.get(record_id), mention_path)
        if mention is None:
            raise UserFacingError("registry.nothing_at_path", path=mention_path)
        if new_entry:
            name = mention.text or " ".join(p for p in (mention.rank, mention.unit) if p)
            entry = self._store.create_entry(
                mention.kind, name, rank=mention.rank, unit=mention.unit
            )
            entry_id = entry.id
        assert entry_id is not None
        return self._store.add_link(
            self.resolve(entry_id), record_id, info.current, mention, status
        )

    def confirm(self, link_id: int) -> Link:
        """A person says this mention is this entry."""
        return self._store.set_status(link_id, "confirmed")

    def reject(self, link_id: int) -> Link:
        """A person says this mention is not this entry (it will not be suggested again)."""
        return self._store.set_status(link_id, "rejected")

    def unlink(self, link_id: int) -> None:
        """Remove a link altogether."""
        self._store.remove_link(link_id)

    # -- merges ----------------------------------------------------------------------------

    def merge(self, source_id: str, target_id: str) -> Merge:
        """Fold ``source`` into ``target`` (a person decided they are one); undoable."""
        return self._store.merge(self.resolve(source_id), self.resolve(target_id))

    def undo_merge(self, merge_id: int) -> Merge:
        """Separate a merged entry again, with exactly the links it had."""
        return self._store.undo_merge(merge_id)

    def merges(self) -> builtins.list[Merge]:
        """Every merge, newest first."""
        return self._store.merges()

    # -- corroboration ---------------------------------------------------------------------

    @gc_pause.pausing
    def corroborate(
        self, entry_id: str, *, date_from: str = "", date_to: str = "", place: str = ""
    ) -> Corroboration:
        """Every testimony with a confirmed mention of the entry, with acts, dates, places
        and methods; the count of independent witnesses; a timeline by place; and the
        perpetrators × methods matrix (counting distinct witnesses per cell).

        The period is read as strictly as the GUI and the command line read it: a date that
        is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a start after the end, is refused
        rather than read as something else (``2017-5`` as the whole of 2017).
        """
        _check_period(date_from, date_to)
        date_from, date_to, place = date_from.strip(), date_to.strip(), place.strip()
        entry = self._store.entry(self.resolve(entry_id))
        links = self._store.links_of_entry(entry.id, ("confirmed",))
        by_record: dict[tuple[str, int], builtins.list[Link]] = defaultdict(list)
        for link in links:
            by_record[(link.record_id, link.version)].append(link)
        items: builtins.list[CorroborationItem] = []
        matrix_sets: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        # An entry with thousands of testimonies: each record is read and parsed once, all of
        # them and their links in two queries, and each linked entry's name looked up once
        # (docs/performance.md).
        entry_names: dict[str, str] = {}
        versions = self._records.versions_of(by_record)
        links_of = self._store.links_of_records(record_id for record_id, _ in by_record)
        for (record_id, version), record_links in sorted(by_record.items()):
            testimony, sealed, digest = versions[(record_id, version)]
            item = self._item(
                record_id, version, testimony, sealed, digest, record_links,
                date_from, date_to, place,
            )
            if item is None:
                continue
            items.append(item)
            labels = self._perpetrator_labels(
                record_id, entry_names, links_of.get(record_id, [])
            )
            for act in item.acts:
                source = testimony.acts[act.act_index]
                for j, perpetrator in enumerate(source.perpetrators):
                    path = f"acts[{act.act_index}].perpetrators[{j}]"
                    label = labels.get(path) or _perpetrator_text(
                        perpetrator.name, perpetrator.rank
                    )
                    for method in act.methods:
                        matrix_sets[label][method].add(item.witness_key)
        timeline = tuple(
            sorted(
                (a for i in items for a in i.acts),
                key=lambda a: (skeleton(a.place), a.date, a.record_id, a.act_index),
            )
        )
        matrix = {
            perp: {m: len(w) for m, w in sorted(methods.items())}
            for perp, methods in sorted(matrix_sets.items())
        }
        return Corroboration(
            entry=entry,
            items=tuple(items),
            independent_witnesses=len({i.witness_key for i in items}),
            timeline=timeline,
            matrix=matrix,
            date_from=date_from,
            date_to=date_to,
            place=place,
        )

    @gc_pause.pausing
    def _report_request(
        self, entry_id: str, language: str, redacted: bool, review: ReviewChoices | None,
        date_from: str, date_to: str, place: str,
    ) -> reports.CorroborationReportRequest:
        if language not in ("en", "az", "ru"):
            raise UserFacingError("registry.report_language")
        result = self.corroborate(entry_id, date_from=date_from, date_to=date_to, place=place)
        read = self._records.versions_of((i.record_id, i.version) for i in result.items)
        sources = tuple(read[(i.record_id, i.version)][0] for i in result.items)
        choices = EMPTY
        if redacted:
            choices = self.stored_report_review(result.entry.id) if review is None else review
        return reports.CorroborationReportRequest(
            corroboration=result, sources=sources, language=language, redacted=redacted,
            review=choices,
        )

    def stored_report_review(self, entry_id: str) -> ReviewChoices:
        """The interviewer's last review of this entry's redacted report (empty if none)."""
        body = self._vault.disclosures.latest(_REPORT_REVIEW, self.resolve(entry_id), 0)
        return ReviewChoices.from_json(body) if body else EMPTY

    def report_review(
        self,
        entry_id: str,
        *,
        language: str = "en",
        choices: ReviewChoices | None = None,
        date_from: str = "",
        date_to: str = "",
        place: str = "",
    ) -> tuple[Hit, ...]:
        """What the redacted report replaces and every doubtful word it keeps, with
        ``choices`` applied (the stored ones when ``None``)."""
        request = self._report_request(entry_id, language, True, choices, date_from, date_to,
                                       place)
        return tuple(reports.corroboration_hits(request))

    def report(
        self,
        entry_id: str,
        dest: Path | None = None,
        *,
        language: str = "en",
        redacted: bool = False,
        review: ReviewChoices | None = None,
        date_from: str = "",
        date_to: str = "",
        place: str = "",
        keep_doubtful: bool = False,
    ) -> bytes:
        """The corroboration report (PDF) for an entry, as bytes; with ``dest``, also written
        there atomically (0600). The redacted variant respects each witness's consent and
        applies ``review`` (then stored, with its hash in the audit log) or the stored one;
        with none stored, doubtful words must be decided first
        (:class:`~testimony_app.services.statements.DoubtfulUnreviewed` unless
        ``keep_doubtful``, which is stored as the decision)."""
        request = self._report_request(entry_id, language, redacted, review, date_from,
                                       date_to, place)
        entry = request.corroboration.entry.id
        if redacted and review is None and self._vault.disclosures.latest(
                _REPORT_REVIEW, entry, 0) is None:
            doubtful = sum(1 for h in reports.corroboration_hits(request)
                           if h.doubtful and not h.replaced)
            if doubtful and not keep_doubtful:
                raise DoubtfulUnreviewed("redaction.doubtful_unreviewed", count=doubtful,
                                         record=entry[:8])
            if doubtful:
                review = EMPTY
        if redacted and review is not None:
            self._vault.disclosures.append(_REPORT_REVIEW, entry, 0, review.to_json(),
                                           unless_same=True)
        pdf = reports.build_corroboration_report(request)
        if dest is not None:
            try:
                atomic_write(dest, pdf)
            except OSError as exc:
                raise UserFacingError(
                    "registry.report_write_failed", reason=os_reason(exc)
                ) from None
        return pdf

    def _perpetrator_labels(
        self,
        record_id: str,
        entry_names: dict[str, str] | None = None,
        links: builtins.list[Link] | None = None,
    ) -> dict[str, str]:
        """Each confirmed person mention's path and its entry's name (looked up once per
        entry in ``entry_names`` when the caller keeps one across records); ``links`` are
        the record's links when the caller has read them already."""
        known = {} if entry_names is None else entry_names
        names: dict[str, str] = {}
        if links is None:
            links = self._store.links_of_record(record_id)
        for link in links:
            if link.status == "confirmed" and link.mention.kind == "person":
                if link.entry_id not in known:
                    known[link.entry_id] = self._store.entry(link.entry_id).display_name
                names[link.mention_path] = known[link.entry_id]
        return names

    def _item(
        self,
        record_id: str,
        version: int,
        testimony: Testimony,
        sealed: bool,
        sealed_digest: str,
        links: builtins.list[Link],
        date_from: str,
        date_to: str,
        place: str,
    ) -> CorroborationItem | None:
        digest = sealed_digest or sha256_hex(interchange.canonical_bytes(testimony))
        indices: set[int] = set()
        for link in links:
            indices.update(_acts_for_path(testimony, link.mention_path))
        acts = [
            CorroboratingAct(
                record_id,
                i,
                a.date,
                a.place,
                tuple(a.methods),
                tuple(_perpetrator_text(p.name, p.rank) for p in a.perpetrators),
            )
            for i, a in enumerate(testimony.acts)
            if i in indices and _passes(a.date, a.place, date_from, date_to, place)
        ]
        if (date_from or date_to or place) and not acts:
            return None
        excerpt = next(
            (
                testimony.acts[a.act_index].description
                for a in acts
                if testimony.acts[a.act_index].description
            ),
            "",
        )
        if not excerpt:
            excerpt = next(iter(testimony.narrative.paragraphs), "")
        w = testimony.witness
        return CorroborationItem(
            record_id=record_id,
            version=version,
            content_sha256=digest,
            sealed=sealed,
            witness_key=matching.witness_key(w.name, w.pseudonym, record_id),
            witness_label=w.display_name(),
            witness_name=w.name,
            name_may_appear=testimony.consent.name_may_appear is True,
            mention_paths=tuple(link.mention_path for link in links),
            mention_texts=tuple(
                link.mention.text
                or " ".join(x for x in (link.mention.rank, link.mention.unit) if x)
                for link in links
            ),
            interview_date=testimony.interview.date,
            acts=tuple(acts),
            excerpt=excerpt,
        )


def _perpetrator_text(name: str, rank: str) -> str:
    return " ".join(p for p in (rank.strip(), name.strip()) if p) or matching.NOT_NAMED


def _acts_for_path(t: Testimony, path: str) -> set[int]:
    """The acts a mention belongs to: its own act, the acts of its detention episode, or
    (for a co-detainee or a whole-record mention) every act of the testimony."""
    if path.startswith("acts["):
        return {int(path[5 : path.index("]")])}
    if path.startswith("detentions["):
        episode = int(path[11 : path.index("]")])
        own = {i for i, a in enumerate(t.acts) if a.episode == episode}
        if own:
            return own
        where = t.detentions[episode].place if episode < len(t.detentions) else ""
        return {
            i
            for i, a in enumerate(t.acts)
            if where and matching.place_similarity(where, a.place) >= 0.5
        }
    return set(range(len(t.acts)))


def _check_period(date_from: str, date_to: str) -> None:
    problems = matching.date_filter_problems(date_from, date_to)
    if "from_invalid" in problems or "to_invalid" in problems:
        raise UserFacingError(
            "registry.write_dates_period_yyyy"
        )
    if problems:
        raise UserFacingError("registry.start_period_comes_after")


def _passes(date: str, act_place: str, date_from: str, date_to: str, place: str) -> bool:
    if date_from.strip() or date_to.strip():
        # The act's own date is read leniently (as the record gives it); the period was
        # checked strictly by :func:`_check_period`.
        span = matching.date_range(date)
        low = matching.filter_date_range(date_from) if date_from.strip() else None
        high = matching.filter_date_range(date_to) if date_to.strip() else None
        if span is None:
            return False
        if low and span[1] < low[0]:
            return False
        if high and span[0] > high[1]:
            return False
    if place:
        return matching.place_similarity(place, act_place) >= 0.5 or (
            skeleton(place) in skeleton(act_place)
        )
    return True
