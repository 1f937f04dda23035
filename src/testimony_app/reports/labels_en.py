"""The statement's fixed wording in English (the reference: the other languages have the
same keys and placeholders; ``tests/unit/reports`` checks it)."""

from __future__ import annotations

EN: dict[str, str] = {
    "doc_title": "Witness statement",
    "record_id": "Record ID",
    "version": "Version",
    "sealed_on": "Sealed on",
    "not_sealed": "Not sealed: draft",
    "content_hash": "SHA-256 of the sealed content",
    "amended": "Amended version. Reason for the amendment:",
    "fictional_notice": "FICTIONAL RECORD: demonstration data, not evidence.",
    "redacted_notice": (
        "Redacted copy. The witness's name, identity documents, date of birth and contact "
        "details, and the other names marked as sensitive, have been removed or replaced by "
        "the pseudonym “{pseudonym}”."
    ),
    "redacted": "[redacted]",
    "witness_placeholder": "[witness]",
    "draft_watermark": "DRAFT",
    "draft_notice": "Draft: this version is not sealed. It must not be signed or filed.",
    "page_of": "Page {page} of {pages}",
    "footer_record": "Record {record} · version {version}",
    "initials": "Witness's initials",
    "interpreter_initials": "Interpreter's initials",
    "cont": "cont.",
    "amends": "Version corrected",
    "previous_version": "Version {version}, sealed on {sealed}; SHA-256 of its content:",
    "yes": "Yes",
    "no": "No",
    "not_asked": "Not asked",
    "none": "None",
    "hours_minutes": "{h} h {m} min",
    # Sections
    "s_interview": "Circumstances of the interview",
    "s_consent": "Consent of the witness",
    "s_witness": "Identification of the witness",
    "s_narrative": "Statement of the witness in their own words",
    "s_detention": "Detention history",
    "s_acts": "Acts of torture or ill-treatment described",
    "s_effects": "Injuries and after-effects",
    "s_annexes": "Annexes",
    "s_truth": "Statement of truth of the witness",
    "s_interpreter": "Interpreter's certificate",
    "s_interviewer": "Declaration of the interviewer",
    # Interview
    "f_date": "Date of the interview",
    "f_start": "Start time",
    "f_end": "End time",
    "f_duration": "Duration",
    "f_place": "Place",
    "f_setting": "Setting (room, conditions)",
    "f_interviewer": "Interviewer",
    "f_organisation": "Organisation",
    "f_interpreter": "Interpreter",
    "f_no_interpreter": "No interpreter",
    "f_language": "Language of the interview",
    "f_translation_language": "Language of the translation",
    "f_present": "Persons present",
    "f_restrictions": "Restrictions",
    "f_recording": "How the interview was recorded",
    # Consent (the scopes themselves are named by the consent_scopes vocabulary)
    "c_refusals": "Refusals and reasons",
    "c_recorded_at": "Consent recorded on",
    "c_no_coercion_yes": (
        "The witness confirmed that consent was given freely, without coercion by anyone, in "
        "particular by law-enforcement or judicial authorities."
    ),
    "c_no_coercion_no": (
        "The witness's confirmation that consent was given without coercion has not been "
        "recorded."
    ),
    "c_right_to_stop_yes": (
        "The witness was told that they could stop the interview, take a break or decline to "
        "answer a question at any time."
    ),
    "c_right_to_stop_no": (
        "It has not been recorded that the witness was told they could stop, take a break or "
        "decline to answer."
    ),
    # Witness
    "w_name": "Full name",
    "w_pseudonym": "Pseudonym",
    "w_dob": "Date of birth",
    "w_gender": "Gender",
    "w_nationality": "Nationality",
    "w_identifiers": "Identity documents and numbers",
    "w_contact": "Contact details",
    "w_role": "Relation to the events",
    "w_status": "Situation now",
    "w_occupation": "Occupation",
    "w_rank": "Military rank",
    "w_unit": "Military unit",
    "w_relation": "Relation to the victim",
    "w_victim": "Name of the victim",
    "w_victim_status": "Situation of the victim now",
    # Narrative
    "n_intro": (
        "The account below is set down in the words of the witness, in {language}, in "
        "numbered paragraphs."
    ),
    "n_intro_translation": (
        "The account below is set down in the words of the witness, in {language}, in "
        "numbered paragraphs, with a translation into {translation} numbered to match."
    ),
    "n_original": "Original ({language})",
    "n_translation": "Translation ({language})",
    "n_no": "No.",
    "n_empty": "No account recorded.",
    # Detention
    "d_episode": "Detention episode {n}",
    "d_from": "From",
    "d_to": "Until",
    "d_place": "Place of detention",
    "d_place_description": "Description of the place",
    "d_authority": "Authority",
    "d_type": "Type of detention",
    "d_arrest": "Circumstances of arrest",
    "d_transfers": "Transfers",
    "d_contact": "Contact with the outside world",
    "d_counsel": "Access to a lawyer",
    "d_signed": "Statements signed",
    "d_how_signed": "How they were signed",
    "d_medical": "Medical attention",
    "d_conditions": "Conditions",
    "d_court": "Court",
    "d_case": "Case number",
    "d_notes": "Notes",
    "d_none": "No detention recorded.",
    # Acts
    "a_summary": "Summary of the acts",
    "a_act": "Act {n}",
    "a_date": "Date",
    "a_place": "Place",
    "a_episode": "Detention episode",
    "a_methods": "Methods",
    "a_methods_other": "Other methods (as described)",
    "a_description": "Description",
    "a_duration": "Duration",
    "a_frequency": "Frequency",
    "a_perpetrators": "Alleged perpetrators",
    "a_demands": "What was demanded or said",
    "a_witnesses": "Witnesses present",
    "a_injuries": "Injuries",
    "a_none": "No acts recorded.",
    "p_name": "Name",
    "p_rank": "Rank",
    "p_position": "Position",
    "p_unit": "Unit",
    "p_description": "Description",
    "p_involvement": "Involvement",
    # Effects
    "e_physical": "Physical after-effects",
    "e_psychological": "Psychological after-effects",
    "e_treatment": "Medical treatment",
    "e_figure": "Figure 1. Body outline",
    "e_caption": "Places of injury as reported by the witness, not a medical finding.",
    "e_orientation": "On the front view the witness's right side is on the left of the figure.",
    "e_mark": "Mark",
    "e_side": "View",
    "e_note": "As described by the witness",
    "e_none": "No injuries or after-effects recorded.",
    "e_right": "R",
    "e_left": "L",
    # Annexes
    "x_intro": (
        "The files held with this record, numbered in the order of the documents' own dates "
        "where their description gives one, then in the order they entered the record. Each "
        "SHA-256 was computed when the file entered the vault; any copy can be checked against "
        "it with a standard SHA-256 tool."
    ),
    "x_no": "No.",
    "x_item": "Document",
    "x_date": "Date",
    "x_added_on": "added {date}",
    "x_size": "Size",
    "x_page": "Page",
    "x_bytes": "bytes",
    "x_none": "No annexes.",
    "x_see": "See annex {refs}.",
    # Closing
    "truth_text": (
        "I, {name}, believe that the facts stated in this statement, which consists of {pages} "
        "pages, are true. I made it freely, in my own words. It was read back to me in "
        "{language}, a language I understand, and I had the opportunity to correct it. I "
        "understand that it may be used in the legal proceedings to which I have consented, and "
        "that I may be asked to give evidence about it."
    ),
    "truth_oral": (
        "This declaration was translated orally to the witness into {language}; no written "
        "{language} text of it is printed here."
    ),
    "s_attestation": "Attestation",
    "attestation_text": (
        "I, the undersigned, attest that the witness, {name}, whose identity I verified from "
        "the document named below, appeared before me, declared that the contents of this "
        "statement of {pages} pages are true, and signed it in my presence."
    ),
    "interpreter_text": (
        "I, {interpreter}, certify that I interpreted faithfully and completely during this "
        "interview ({pair}), and that this statement was read back to the witness in "
        "{language} by {interpreter} before it was signed. The witness confirmed that it is "
        "accurate."
    ),
    "interviewer_text": (
        "I, {interviewer}{organisation}, declare that I conducted this interview on {date} at "
        "{place}; that this statement faithfully records what the witness told me, in the "
        "numbered paragraphs in the witness's own words; that I have added nothing to the "
        "account and left nothing out; and that the circumstances of the interview and any "
        "restrictions on it are stated in section 1. I am prepared to testify to these matters."
    ),
    "interviewer_org": ", of {organisation}",
    "sig_witness": "Witness",
    "sig_interviewer": "Interviewer",
    "sig_interpreter": "Interpreter",
    "sig_name": "Name",
    "sig_signature": "Signature",
    "sig_date": "Date",
    "sig_place": "Place",
    "sig_attesting": "Attesting official",
    "sig_position": "Position, authority",
    "sig_identity_seen": "Identity document seen",
    "sig_stamp": "Official stamp",
    # Corroboration report
    "cr_title": "Corroboration report",
    "cr_subtitle": "Annex: testimonies that corroborate one registry entry",
    "cr_entry": "Registry entry",
    "cr_entry_id": "Entry ID",
    "cr_kind": "Kind",
    "cr_kind_person": "Person",
    "cr_kind_place": "Place",
    "cr_kind_unit": "Unit",
    "cr_name": "Name",
    "cr_name_forms": "Name forms in the testimonies",
    "cr_rank": "Rank",
    "cr_unit": "Unit",
    "cr_s_summary": "Summary",
    "cr_testimonies": "Testimonies",
    "cr_independent": "Independent witnesses",
    "cr_independent_note": "Distinct witnesses: a witness interviewed more than once counts once.",
    "cr_date_range": "Dates of the acts",
    "cr_places": "Places",
    "cr_methods": "Methods",
    "cr_method_count": "{method} ({count})",
    "cr_filters": "Selection",
    "cr_filter_from": "from {date}",
    "cr_filter_to": "to {date}",
    "cr_filter_place": "place: {place}",
    "cr_set_hash": "SHA-256 of the list of cited versions",
    "cr_s_excerpts": "Corroborating testimonies",
    "cr_excerpts_intro": (
        "Each excerpt cites one version of a testimony in the vault by its record ID, "
        "version and the SHA-256 of its sealed content, so it can be checked against the "
        "full statement."
    ),
    "cr_excerpt": "Excerpt {number}",
    "cr_witness": "Witness",
    "cr_same_witness": "same witness as {refs}",
    "cr_interview": "Interview",
    "cr_acts": "Acts (date, place)",
    "cr_named_as": "Named in this testimony as",
    "cr_text": "Excerpt",
    "cr_not_sealed": "not sealed: draft version",
    "cr_none": "No confirmed testimony mentions this entry.",
    "cr_redacted_notice": (
        "Redacted copy. The names and identifying details of witnesses who did not "
        "consent to their name appearing, and the names marked as sensitive, have been "
        "removed or replaced by a pseudonym."
    ),
    "cr_s_timeline": "Timeline of acts",
    "cr_timeline_intro": (
        "Every act of the cited testimonies that concerns this entry, with its place, in date "
        "order (acts without a date last). E and W refer to the excerpts and witnesses "
        "numbered in section {section}."
    ),
    "cr_source": "Excerpt, witness",
    "cr_perpetrator": "Alleged perpetrator",
    "cr_no_acts": "The testimonies describe no act concerning this entry.",
    "cr_not_named": "(not named)",
    "cr_s_matrix": "Alleged perpetrators × methods",
    "cr_matrix_intro": (
        "Each cell counts the independent witnesses who describe that method used by that "
        "person; a witness interviewed more than once counts once. An empty cell means no "
        "cited testimony describes it."
    ),
    "cr_matrix_legend": "Methods in the columns",
    "cr_matrix_part": "Methods {first}–{last} of {total}",
    "cr_matrix_none": "The testimonies name no perpetrator of these acts.",
    "cr_footer": "Corroboration report · entry {entry} · {count} testimonies",
}
