"""The Istanbul Protocol completeness check: what an interviewer has not yet asked or written.

Why it exists: a statement that leaves out the interview's circumstances, the consent, the
safeguards in custody or the perpetrators' descriptions is weaker in court, and the gaps are
easy to miss after three hours with a distressed witness. The checklist in the Istanbul
Protocol (summarised in our ``reference/domain.md`` §4) is turned here into a list of
:class:`MissingItem`, in the order of the interview, each pointing at the field to fill.

Why it is lenient: a checklist that nags about things that do not apply teaches people to
ignore it. So the questions depend on who is speaking. A relative describing a death in custody
is not asked what the dead man signed or how long each beating lasted; a bystander is not asked
for a detention of their own. A free-text answer such as "unknown" or "none" always satisfies an
item, because the Protocol wants the question asked, not a particular answer.

The check never raises and never changes the testimony; it is safe on any draft.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from testimony_app import words
from testimony_app.domain.model import (
    Act,
    AttachmentInfo,
    DatePrecision,
    DetentionEpisode,
    Testimony,
    WitnessRole,
    WitnessStatus,
)
from testimony_app.domain.vocabularies import TermName
from testimony_app.words import Message

SECTIONS = (
    "consent",
    "interview",
    "witness",
    "narrative",
    "detentions",
    "acts",
    "effects",
    "attachments",
    "closing",
)
"""The editor's sections, in the order of the interview; every item names one of them."""


@dataclass(frozen=True)
class MissingItem:
    """One thing the record still lacks, with its message (words in each interface language).

    ``field`` is a dotted path into the model (``detentions[0].place``) that the editor turns
    into a link to the widget; ``code`` names the kind of gap and is stable across versions;
    ``text`` is the message, whose words are in the domain catalogue.
    """

    code: str
    section: str
    field: str
    text: Message = dataclasses.field(hash=False)

    def message(self, lang: str = "en") -> str:
        """The message in ``lang``, falling back to English."""
        return words.text(self.text, lang)


# code -> the editor section it belongs to. The words are in the domain catalogue as
# "checklist.<code>" (resources/locale/*/LC_MESSAGES/domain.po); placeholders: {n} item
# number, {p} person number, {src}/{dst} languages (shown as names in the reader's language).
_SECTION_OF: dict[str, str] = {
    "consent_purpose": "consent",
    "consent_right_to_stop": "consent",
    "consent_no_coercion": "consent",
    "consent_legal_proceedings": "consent",
    "consent_name_use": "consent",
    "consent_publication": "consent",
    "consent_organisations": "consent",
    "consent_audio": "consent",
    "consent_audio_refused": "consent",
    "consent_follow_up": "consent",
    "consent_refusal_reason": "consent",
    "consent_date": "consent",
    "interview_date": "interview",
    "interview_date_format": "interview",
    "interview_start_time": "interview",
    "interview_end_time": "interview",
    "interview_place": "interview",
    "interview_setting": "interview",
    "interview_interviewer": "interview",
    "interview_organisation": "interview",
    "interview_language": "interview",
    "interview_interpreter": "interview",
    "interview_persons_present": "interview",
    "interview_restrictions": "interview",
    "interview_recording": "interview",
    "witness_identity": "witness",
    "witness_pseudonym": "witness",
    "witness_role": "witness",
    "witness_date_of_birth": "witness",
    "witness_victim_name": "witness",
    "witness_relation": "witness",
    "witness_contact": "witness",
    "narrative_text": "narrative",
    "narrative_translation_language": "narrative",
    "detentions_none": "detentions",
    "detention_start": "detentions",
    "detention_start_format": "detentions",
    "detention_end": "detentions",
    "detention_end_format": "detentions",
    "detention_dates_order": "detentions",
    "detention_place": "detentions",
    "detention_authority": "detentions",
    "detention_type": "detentions",
    "detention_arrest": "detentions",
    "detention_outside_contact": "detentions",
    "detention_legal_counsel": "detentions",
    "detention_statements": "detentions",
    "detention_how_signed": "detentions",
    "detention_medical": "detentions",
    "detention_conditions": "detentions",
    "acts_none": "acts",
    "act_date": "acts",
    "act_date_format": "acts",
    "act_place": "acts",
    "act_episode": "acts",
    "act_episode_invalid": "acts",
    "act_methods": "acts",
    "act_perpetrators": "acts",
    "act_perpetrator_description": "acts",
    "act_demands": "acts",
    "act_duration": "acts",
    "act_injuries": "acts",
    "effects_physical": "effects",
    "effects_body": "effects",
    "effects_psychological": "effects",
    "effects_treatment": "effects",
    "attachment_sha256": "attachments",
    "attachment_description": "attachments",
    "closing_observations": "closing",
}

# Roles whose own custody the testimony is about, and who can speak to each session.
_FIRST_HAND = {WitnessRole.VICTIM.value, WitnessRole.CO_DETAINEE.value}
_SIGNED_NOT = {"refused_to_sign", "nothing_to_sign", "unknown"}
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


def missing_items(t: Testimony) -> list[MissingItem]:
    """Everything the record still lacks, in the order the interview asks it."""
    return [
        *_consent(t),
        *_interview(t),
        *_witness(t),
        *_narrative(t),
        *_detentions(t),
        *_acts(t),
        *_effects(t),
        *_attachments(t),
        *_closing(t),
    ]


def field_steps(path: str) -> tuple[str | int, ...]:
    """Split ``acts[2].perpetrators[0].name`` into ``("acts", 2, "perpetrators", 0, "name")``.

    The editor walks these steps to find the widget a :class:`MissingItem` points at; the
    tests walk them over the model to prove every path is real.
    """
    steps: list[str | int] = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise ValueError(f"{path!r} is not a field path.")
        steps.append(match.group(1))
        steps.extend(int(i) for i in re.findall(r"\[(\d+)\]", match.group(2)))
    return tuple(steps)


def _item(text: Message, field_path: str) -> MissingItem:
    code = text.code.removeprefix("checklist.")
    return MissingItem(code, _SECTION_OF[code], field_path, text)


def _asked_as(t: Testimony) -> str:
    """The role whose questions apply. Until the interviewer records a role (the statement
    prints none rather than guess), the questions are those for the person harmed: asking
    too much is safer than leaving out what a survivor must be asked."""
    return t.witness.role or WitnessRole.VICTIM.value


def _blank(text: str) -> bool:
    return not text.strip()


def _has_audio(a: AttachmentInfo) -> bool:
    return a.kind == "audio" or a.media_type.startswith("audio/")


def _consent(t: Testimony) -> Iterator[MissingItem]:
    c = t.consent
    if not c.informed_of_purpose:
        yield _item(Message("checklist.consent_purpose"), "consent.informed_of_purpose")
    if not c.informed_of_right_to_stop:
        yield _item(Message("checklist.consent_right_to_stop"), "consent.informed_of_right_to_stop")
    if not c.no_coercion_confirmed:
        yield _item(Message("checklist.consent_no_coercion"), "consent.no_coercion_confirmed")
    if c.legal_proceedings is None:
        yield _item(Message("checklist.consent_legal_proceedings"), "consent.legal_proceedings")
    if c.name_may_appear is None:
        yield _item(Message("checklist.consent_name_use"), "consent.name_may_appear")
    if c.publication is None:
        yield _item(Message("checklist.consent_publication"), "consent.publication")
    if not c.organisations and (c.legal_proceedings or c.publication):
        yield _item(Message("checklist.consent_organisations"), "consent.organisations")
    audio = [i for i, a in enumerate(t.attachments) if _has_audio(a)]
    if audio and c.audio_recording is None:
        yield _item(Message("checklist.consent_audio"), "consent.audio_recording")
    if audio and c.audio_recording is False:
        yield _item(Message("checklist.consent_audio_refused"), f"attachments[{audio[0]}]")
    if c.follow_up_contact is None and not _blank(t.witness.contact):
        yield _item(Message("checklist.consent_follow_up"), "consent.follow_up_contact")
    scopes = (c.legal_proceedings, c.publication, c.name_may_appear, c.audio_recording)
    if False in scopes and _blank(c.refusals):
        yield _item(Message("checklist.consent_refusal_reason"), "consent.refusals")
    if _blank(c.recorded_at):
        yield _item(Message("checklist.consent_date"), "consent.recorded_at")


def _interview(t: Testimony) -> Iterator[MissingItem]:
    iv = t.interview
    if _blank(iv.date):
        yield _item(Message("checklist.interview_date"), "interview.date")
    elif not _date_ok(iv.date, DatePrecision.DAY.value):
        yield _item(Message("checklist.interview_date_format"), "interview.date")
    if _blank(iv.start_time):
        yield _item(Message("checklist.interview_start_time"), "interview.start_time")
    if _blank(iv.end_time):
        yield _item(Message("checklist.interview_end_time"), "interview.end_time")
    if _blank(iv.place):
        yield _item(Message("checklist.interview_place"), "interview.place")
    if _blank(iv.setting):
        yield _item(Message("checklist.interview_setting"), "interview.setting")
    if _blank(iv.interviewer):
        yield _item(Message("checklist.interview_interviewer"), "interview.interviewer")
    if _blank(iv.interviewer_organisation):
        yield _item(
            Message("checklist.interview_organisation"), "interview.interviewer_organisation"
        )
    if _blank(iv.language):
        yield _item(Message("checklist.interview_language"), "interview.language")
    interpreted = not _blank(iv.translation_language) and (
        iv.translation_language.strip().casefold() != iv.language.strip().casefold()
    )
    if interpreted and _blank(iv.interpreter):
        # Language codes are shown as names in the reader's language.
        source = TermName("languages", iv.language.strip() or "?")
        target = TermName("languages", iv.translation_language.strip())
        yield _item(
            Message("checklist.interview_interpreter", src=source, dst=target),
            "interview.interpreter",
        )
    if not any(p.strip() for p in iv.persons_present):
        yield _item(Message("checklist.interview_persons_present"), "interview.persons_present")
    if _blank(iv.restrictions):
        yield _item(Message("checklist.interview_restrictions"), "interview.restrictions")
    if _blank(iv.recording):
        yield _item(Message("checklist.interview_recording"), "interview.recording")


def _witness(t: Testimony) -> Iterator[MissingItem]:
    w = t.witness
    if _blank(w.name) and _blank(w.pseudonym):
        yield _item(Message("checklist.witness_identity"), "witness.name")
    elif t.consent.name_may_appear is False and _blank(w.pseudonym):
        yield _item(Message("checklist.witness_pseudonym"), "witness.pseudonym")
    if w.role not in set(WitnessRole):
        yield _item(Message("checklist.witness_role"), "witness.role")
        return
    if _asked_as(t) in _FIRST_HAND and _blank(w.date_of_birth):
        yield _item(Message("checklist.witness_date_of_birth"), "witness.date_of_birth")
    if w.role in (WitnessRole.RELATIVE, WitnessRole.OTHER_WITNESS) and _blank(w.victim_name):
        yield _item(Message("checklist.witness_victim_name"), "witness.victim_name")
    if w.role == WitnessRole.RELATIVE and _blank(w.relation_to_victim):
        yield _item(Message("checklist.witness_relation"), "witness.relation_to_victim")
    if t.consent.follow_up_contact and _blank(w.contact):
        yield _item(Message("checklist.witness_contact"), "witness.contact")


def _narrative(t: Testimony) -> Iterator[MissingItem]:
    n = t.narrative
    if _blank(n.text):
        yield _item(Message("checklist.narrative_text"), "narrative.text")
    if not _blank(n.translation) and _blank(n.translation_language):
        yield _item(
            Message("checklist.narrative_translation_language"), "narrative.translation_language"
        )


def _detentions(t: Testimony) -> Iterator[MissingItem]:
    role = _asked_as(t)
    if role == WitnessRole.OTHER_WITNESS:
        # A bystander saw something; a detention of their own is not part of their account.
        if not t.detentions:
            return
    elif not t.detentions:
        yield _item(Message("checklist.detentions_none"), "detentions")
        return
    # A relative knows what the family was told and which lawyer they hired, not what was
    # signed or the cell conditions; asking would only invite guesses.
    inside = role in _FIRST_HAND
    last = len(t.detentions) - 1
    for i, d in enumerate(t.detentions):
        yield from _detention(t, i, d, inside=inside, last=i == last)


def _detention(
    t: Testimony, i: int, d: DetentionEpisode, *, inside: bool, last: bool
) -> Iterator[MissingItem]:
    at = f"detentions[{i}]"
    n = i + 1
    yield from _date_items(
        d.start_date,
        d.start_precision,
        Message("checklist.detention_start", n=n),
        Message("checklist.detention_start_format", n=n),
        f"{at}.start_date",
    )
    still_held = last and t.witness.status_now == WitnessStatus.IMPRISONED
    if not still_held:
        yield from _date_items(
            d.end_date,
            d.end_precision,
            Message("checklist.detention_end", n=n),
            Message("checklist.detention_end_format", n=n),
            f"{at}.end_date",
        )
    if _ends_before_start(d.start_date, d.end_date):
        yield _item(Message("checklist.detention_dates_order", n=n), f"{at}.end_date")
    if _blank(d.place):
        yield _item(Message("checklist.detention_place", n=n), f"{at}.place")
    if _blank(d.authority):
        yield _item(Message("checklist.detention_authority", n=n), f"{at}.authority")
    if _blank(d.detention_type):
        yield _item(Message("checklist.detention_type", n=n), f"{at}.detention_type")
    if i == 0 and _blank(d.arrest_circumstances):
        yield _item(Message("checklist.detention_arrest", n=n), f"{at}.arrest_circumstances")
    if not d.outside_contact:
        yield _item(Message("checklist.detention_outside_contact", n=n), f"{at}.outside_contact")
    if not d.legal_counsel:
        yield _item(Message("checklist.detention_legal_counsel", n=n), f"{at}.legal_counsel")
    if inside:
        if not d.statements_signed:
            yield _item(Message("checklist.detention_statements", n=n), f"{at}.statements_signed")
        elif set(d.statements_signed) - _SIGNED_NOT and _blank(d.how_signed):
            yield _item(Message("checklist.detention_how_signed", n=n), f"{at}.how_signed")
        if not d.medical_attention:
            yield _item(Message("checklist.detention_medical", n=n), f"{at}.medical_attention")
        if _blank(d.conditions):
            yield _item(Message("checklist.detention_conditions", n=n), f"{at}.conditions")


def _acts(t: Testimony) -> Iterator[MissingItem]:
    role = _asked_as(t)
    if not t.acts:
        if role in _FIRST_HAND:
            yield _item(Message("checklist.acts_none"), "acts")
        return
    for i, act in enumerate(t.acts):
        yield from _act(t, i, act, role)


def _act(t: Testimony, i: int, act: Act, role: str) -> Iterator[MissingItem]:
    at = f"acts[{i}]"
    n = i + 1
    yield from _date_items(
        act.date,
        act.date_precision,
        Message("checklist.act_date", n=n),
        Message("checklist.act_date_format", n=n),
        f"{at}.date",
    )
    if _blank(act.place):
        yield _item(Message("checklist.act_place", n=n), f"{at}.place")
    if act.episode is None:
        # With one detention the link is obvious; the statement can only mix them up with two.
        if len(t.detentions) > 1:
            yield _item(Message("checklist.act_episode", n=n), f"{at}.episode")
    elif not 0 <= act.episode < len(t.detentions):
        yield _item(Message("checklist.act_episode_invalid", n=n), f"{at}.episode")
    if not [m for m in act.methods if m.strip()] and _blank(act.methods_other):
        yield _item(Message("checklist.act_methods", n=n), f"{at}.methods")
    if role != WitnessRole.RELATIVE:
        if not act.perpetrators:
            yield _item(Message("checklist.act_perpetrators", n=n), f"{at}.perpetrators")
        for j, p in enumerate(act.perpetrators):
            if all(_blank(s) for s in (p.name, p.rank, p.position, p.unit, p.description)):
                yield _item(
                    Message("checklist.act_perpetrator_description", n=n, p=j + 1),
                    f"{at}.perpetrators[{j}].description",
                )
    if role in _FIRST_HAND and _blank(act.demands):
        yield _item(Message("checklist.act_demands", n=n), f"{at}.demands")
    if role == WitnessRole.VICTIM:
        if _blank(act.duration):
            yield _item(Message("checklist.act_duration", n=n), f"{at}.duration")
        if _blank(act.injuries):
            yield _item(Message("checklist.act_injuries", n=n), f"{at}.injuries")


def _effects(t: Testimony) -> Iterator[MissingItem]:
    e = t.effects
    role = _asked_as(t)
    if role in _FIRST_HAND:
        if _blank(e.physical):
            yield _item(Message("checklist.effects_physical"), "effects.physical")
        if _blank(e.psychological):
            yield _item(Message("checklist.effects_psychological"), "effects.psychological")
        if role == WitnessRole.VICTIM and _blank(e.medical_treatment):
            yield _item(Message("checklist.effects_treatment"), "effects.medical_treatment")
    elif (
        role == WitnessRole.RELATIVE
        and t.witness.status_now == WitnessStatus.DECEASED
        and _blank(e.physical)
    ):
        yield _item(Message("checklist.effects_body"), "effects.physical")


def _attachments(t: Testimony) -> Iterator[MissingItem]:
    for i, a in enumerate(t.attachments):
        if _blank(a.sha256):
            yield _item(Message("checklist.attachment_sha256", n=i + 1), f"attachments[{i}].sha256")
        if _blank(a.description):
            yield _item(
                Message("checklist.attachment_description", n=i + 1),
                f"attachments[{i}].description",
            )


def _closing(t: Testimony) -> Iterator[MissingItem]:
    if _blank(t.interviewer_notes):
        yield _item(Message("checklist.closing_observations"), "interviewer_notes")


def _date_items(
    value: str, precision: str, missing: Message, malformed: Message, field_path: str
) -> Iterator[MissingItem]:
    """A missing date is fine once marked unknown; a present one must match its precision."""
    if _blank(value):
        if precision != DatePrecision.UNKNOWN:
            yield _item(missing, field_path)
    elif not _date_ok(value, precision):
        yield _item(malformed, field_path)


def _date_ok(value: str, precision: str) -> bool:
    """``value`` is an ISO date at least as exact as ``precision`` claims."""
    parts = _date_parts(value)
    if parts is None:
        return False
    if precision == DatePrecision.DAY:
        return len(parts) == 3
    if precision == DatePrecision.MONTH:
        return len(parts) >= 2
    return True


def _date_parts(value: str) -> tuple[int, ...] | None:
    match = _DATE.match(value.strip())
    if match is None:
        return None
    parts = tuple(int(g) for g in match.groups() if g is not None)
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts


def _ends_before_start(start: str, end: str) -> bool:
    """True when ``end`` is surely before ``start``, comparing only what both dates state."""
    a, b = _date_parts(start), _date_parts(end)
    if a is None or b is None:
        return False
    common = min(len(a), len(b))
    return a[:common] > b[:common]
