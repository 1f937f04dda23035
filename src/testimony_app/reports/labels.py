"""The fixed wording of the statement in English, Azerbaijani and Russian.

The statement is filed with Azerbaijani courts, the ECtHR and Council of Europe bodies, so
the closing declarations use the wording those readers expect (a statement of truth, an
interpreter's certificate, an interviewer's declaration after Istanbul Protocol Annex IV §III)
rather than literal translations of the English. Russian forms that depend on the signer's
gender are written with the usual ``(а)`` so the text fits either.

Keep the three dictionaries with the same keys: ``tests/unit/reports`` checks it.
"""

from __future__ import annotations

LANGUAGES = ("en", "az", "ru")

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

AZ: dict[str, str] = {
    "doc_title": "Şahid ifadəsi",
    "record_id": "Qeydin identifikatoru",
    "version": "Versiya",
    "sealed_on": "Möhürlənmə tarixi",
    "not_sealed": "Möhürlənməyib: qaralama",
    "content_hash": "Möhürlənmiş məzmunun SHA-256 heşi",
    "amended": "Düzəliş edilmiş versiya. Düzəlişin səbəbi:",
    "fictional_notice": "UYDURMA QEYD: nümayiş məlumatlarıdır, sübut deyil.",
    "redacted_notice": (
        "Redaktə edilmiş nüsxə. Şahidin adı, şəxsiyyət sənədləri, doğum tarixi və əlaqə "
        "məlumatları, eləcə də həssas kimi qeyd olunmuş digər adlar silinib və ya "
        "“{pseudonym}” təxəllüsü ilə əvəz edilib."
    ),
    "redacted": "[gizlədilib]",
    "witness_placeholder": "[şahid]",
    "draft_watermark": "QARALAMA",
    "draft_notice": "Qaralama: bu versiya möhürlənməyib. Onu imzalamaq və ya təqdim etmək olmaz.",
    "page_of": "Səhifə {page} / {pages}",
    "footer_record": "Qeyd {record} · versiya {version}",
    "initials": "Şahidin parafı",
    "interpreter_initials": "Tərcüməçinin parafı",
    "cont": "davamı",
    "amends": "Düzəliş edilən versiya",
    "previous_version": (
        "{version} saylı versiya, möhürlənmə tarixi: {sealed}; məzmununun SHA-256 heşi:"
    ),
    "yes": "Bəli",
    "no": "Xeyr",
    "not_asked": "Soruşulmayıb",
    "none": "Yoxdur",
    "hours_minutes": "{h} saat {m} dəq.",
    "s_interview": "Müsahibənin şəraiti",
    "s_consent": "Şahidin razılığı",
    "s_witness": "Şahidin şəxsiyyəti",
    "s_narrative": "Şahidin öz sözləri ilə ifadəsi",
    "s_detention": "Həbsdə saxlanma tarixçəsi",
    "s_acts": "Təsvir edilən işgəncə və ya pis rəftar halları",
    "s_effects": "Xəsarətlər və onların nəticələri",
    "s_annexes": "Əlavələr",
    "s_truth": "Şahidin həqiqət barədə bəyanatı",
    "s_interpreter": "Tərcüməçinin təsdiqi",
    "s_interviewer": "Müsahibəni aparan şəxsin bəyanatı",
    "f_date": "Müsahibənin tarixi",
    "f_start": "Başlama vaxtı",
    "f_end": "Bitmə vaxtı",
    "f_duration": "Müddət",
    "f_place": "Yer",
    "f_setting": "Şərait (otaq, vəziyyət)",
    "f_interviewer": "Müsahibəni aparan şəxs",
    "f_organisation": "Təşkilat",
    "f_interpreter": "Tərcüməçi",
    "f_no_interpreter": "Tərcüməçi iştirak etməyib",
    "f_language": "Müsahibənin dili",
    "f_translation_language": "Tərcümə dili",
    "f_present": "İştirak edən şəxslər",
    "f_restrictions": "Məhdudiyyətlər",
    "f_recording": "Müsahibənin qeydə alınma üsulu",
    "c_refusals": "İmtinalar və onların səbəbləri",
    "c_recorded_at": "Razılığın qeydə alınma tarixi",
    "c_no_coercion_yes": (
        "Şahid razılığın heç kimin, o cümlədən hüquq-mühafizə və ya məhkəmə orqanlarının "
        "məcburiyyəti olmadan, könüllü verildiyini təsdiq etdi."
    ),
    "c_no_coercion_no": (
        "Şahidin razılığı məcburiyyət olmadan verdiyini təsdiq etməsi qeydə alınmayıb."
    ),
    "c_right_to_stop_yes": (
        "Şahidə izah edilib ki, istənilən vaxt müsahibəni dayandıra, fasilə verə və ya suala "
        "cavab verməkdən imtina edə bilər."
    ),
    "c_right_to_stop_no": (
        "Şahidə müsahibəni dayandıra, fasilə verə və ya cavab verməkdən imtina edə biləcəyinin "
        "izah edildiyi qeydə alınmayıb."
    ),
    "w_name": "Soyadı, adı",
    "w_pseudonym": "Təxəllüs",
    "w_dob": "Doğum tarixi",
    "w_gender": "Cinsi",
    "w_nationality": "Vətəndaşlığı",
    "w_identifiers": "Şəxsiyyət sənədləri və nömrələri",
    "w_contact": "Əlaqə məlumatları",
    "w_role": "Hadisələrə münasibəti",
    "w_status": "Hazırkı vəziyyəti",
    "w_occupation": "Peşəsi",
    "w_rank": "Hərbi rütbəsi",
    "w_unit": "Hərbi hissəsi",
    "w_relation": "Zərərçəkmişə münasibəti",
    "w_victim": "Zərərçəkmiş şəxsin adı",
    "w_victim_status": "Zərərçəkmişin hazırkı vəziyyəti",
    "n_intro": (
        "Aşağıdakı ifadə şahidin öz sözləri ilə, orijinal dildə ({language}), nömrələnmiş "
        "bəndlərlə yazılıb."
    ),
    "n_intro_translation": (
        "Aşağıdakı ifadə şahidin öz sözləri ilə, orijinal dildə ({language}), nömrələnmiş "
        "bəndlərlə yazılıb; tərcüməsi ({translation}) eyni nömrələrlə verilir."
    ),
    "n_original": "Orijinal ({language})",
    "n_translation": "Tərcümə ({language})",
    "n_no": "№",
    "n_empty": "İfadə qeydə alınmayıb.",
    "d_episode": "Həbsdə saxlanma epizodu {n}",
    "d_from": "Başlama tarixi",
    "d_to": "Bitmə tarixi",
    "d_place": "Saxlanma yeri",
    "d_place_description": "Yerin təsviri",
    "d_authority": "Orqan",
    "d_type": "Həbsin növü",
    "d_arrest": "Tutulmanın şəraiti",
    "d_transfers": "Başqa yerə köçürülmələr",
    "d_contact": "Xarici aləmlə əlaqə",
    "d_counsel": "Vəkilə çıxış",
    "d_signed": "İmzalanmış ifadələr",
    "d_how_signed": "Necə imzalanıb",
    "d_medical": "Tibbi yardım",
    "d_conditions": "Saxlanma şəraiti",
    "d_court": "Məhkəmə",
    "d_case": "İşin nömrəsi",
    "d_notes": "Qeydlər",
    "d_none": "Həbsdə saxlanma qeydə alınmayıb.",
    "a_summary": "Halların xülasəsi",
    "a_act": "Hal {n}",
    "a_date": "Tarix",
    "a_place": "Yer",
    "a_episode": "Həbsdə saxlanma epizodu",
    "a_methods": "Üsullar",
    "a_methods_other": "Digər üsullar (şahidin təsvirinə görə)",
    "a_description": "Təsvir",
    "a_duration": "Müddət",
    "a_frequency": "Tezlik",
    "a_perpetrators": "Törətdiyi iddia edilən şəxslər",
    "a_demands": "Nə tələb olunub və ya deyilib",
    "a_witnesses": "Orada olmuş şahidlər",
    "a_injuries": "Xəsarətlər",
    "a_none": "Heç bir hal qeydə alınmayıb.",
    "p_name": "Adı",
    "p_rank": "Rütbəsi",
    "p_position": "Vəzifəsi",
    "p_unit": "Bölməsi",
    "p_description": "Təsviri",
    "p_involvement": "İştirak forması",
    "e_physical": "Fiziki nəticələr",
    "e_psychological": "Psixoloji nəticələr",
    "e_treatment": "Tibbi müalicə",
    "e_figure": "Şəkil 1. Bədənin sxemi",
    "e_caption": "Xəsarətlərin yerləri şahidin dediyinə görə göstərilib, tibbi rəy deyil.",
    "e_orientation": "Öndən görünüşdə şahidin sağ tərəfi şəklin sol tərəfindədir.",
    "e_mark": "İşarə",
    "e_side": "Görünüş",
    "e_note": "Şahidin təsviri",
    "e_none": "Xəsarət və ya nəticə qeydə alınmayıb.",
    "e_right": "Sağ",
    "e_left": "Sol",
    "x_intro": (
        "Bu qeydlə birlikdə saxlanılan fayllar təsvirində tarix göstərilibsə sənədin öz "
        "tarixinə görə, sonra qeydə daxil olma ardıcıllığı ilə nömrələnib. Hər faylın SHA-256 "
        "heşi fayl anbara daxil olarkən hesablanıb; istənilən nüsxəni standart SHA-256 "
        "proqramı ilə yoxlamaq olar."
    ),
    "x_no": "№",
    "x_item": "Sənəd",
    "x_date": "Tarix",
    "x_added_on": "əlavə edilib: {date}",
    "x_size": "Ölçüsü",
    "x_page": "Səhifə",
    "x_bytes": "bayt",
    "x_none": "Əlavə yoxdur.",
    "x_see": "Bax: əlavə {refs}.",
    "truth_text": (
        "Mən, {name}, bəyan edirəm ki, {pages} səhifədən ibarət bu ifadədə göstərilən faktlar "
        "doğrudur. Bu ifadəni könüllü olaraq, öz sözlərimlə vermişəm. İfadə mənə başa düşdüyüm "
        "dildə ({language}) oxunub və mən ona düzəliş etmək imkanına malik olmuşam. Bu "
        "ifadənin razılıq verdiyim hüquqi proseslərdə istifadə oluna biləcəyini və onun barədə "
        "ifadə verməyim xahiş oluna biləcəyini başa düşürəm."
    ),
    "truth_oral": (
        "Bu bəyanat şahidə şifahi olaraq tərcümə edilib ({language}); onun yazılı mətni burada "
        "həmin dildə verilməyib."
    ),
    "s_attestation": "Təsdiqləmə",
    "attestation_text": (
        "Mən, aşağıda imza edən, təsdiq edirəm ki, şəxsiyyəti aşağıda göstərilən sənəd "
        "əsasında yoxlanılmış şahid {name} mənim qarşımda hazır olub, {pages} səhifədən ibarət "
        "bu ifadənin məzmununun doğru olduğunu bəyan edib və onu mənim iştirakımla imzalayıb."
    ),
    "interpreter_text": (
        "Mən, {interpreter}, təsdiq edirəm ki, bu müsahibə zamanı ({pair}) dəqiq və tam "
        "tərcümə etmişəm və bu ifadə imzalanmazdan əvvəl {interpreter} tərəfindən şahidə "
        "oxunub; oxunma dili: {language}. Şahid ifadənin düzgün olduğunu təsdiq edib."
    ),
    "interviewer_text": (
        "Mən, {interviewer}{organisation}, bəyan edirəm ki, bu müsahibəni {date} tarixində "
        "aparmışam (yer: {place}); bu ifadə şahidin mənə dediklərini düzgün əks etdirir, "
        "nömrələnmiş bəndlər şahidin öz sözləri ilə yazılıb; ifadəyə heç nə əlavə etməmişəm və "
        "ondan heç nə çıxarmamışam; müsahibənin şəraiti və ona dair məhdudiyyətlər 1-ci "
        "bölmədə göstərilib. Bu hallar barədə ifadə verməyə hazıram."
    ),
    "interviewer_org": " ({organisation})",
    "sig_witness": "Şahid",
    "sig_interviewer": "Müsahibəni aparan şəxs",
    "sig_interpreter": "Tərcüməçi",
    "sig_name": "Adı və soyadı",
    "sig_signature": "İmza",
    "sig_date": "Tarix",
    "sig_place": "Yer",
    "sig_attesting": "Təsdiq edən vəzifəli şəxs",
    "sig_position": "Vəzifəsi, səlahiyyəti",
    "sig_identity_seen": "Yoxlanılmış şəxsiyyət sənədi",
    "sig_stamp": "Möhür",
    # Corroboration report
    "cr_title": "Təsdiqedici ifadələr haqqında hesabat",
    "cr_subtitle": "Əlavə: reyestrin bir qeydini təsdiq edən ifadələr",
    "cr_entry": "Reyestr qeydi",
    "cr_entry_id": "Qeydin identifikatoru",
    "cr_kind": "Növ",
    "cr_kind_person": "Şəxs",
    "cr_kind_place": "Yer",
    "cr_kind_unit": "Hərbi hissə",
    "cr_name": "Ad",
    "cr_name_forms": "İfadələrdə adın formaları",
    "cr_rank": "Rütbə",
    "cr_unit": "Hərbi hissə",
    "cr_s_summary": "Xülasə",
    "cr_testimonies": "İfadələr",
    "cr_independent": "Müstəqil şahidlər",
    "cr_independent_note": "Fərqli şahidlər: bir neçə dəfə dindirilmiş şahid bir dəfə sayılır.",
    "cr_date_range": "Hərəkətlərin tarixləri",
    "cr_places": "Yerlər",
    "cr_methods": "Üsullar",
    "cr_method_count": "{method} ({count})",
    "cr_filters": "Seçim",
    "cr_filter_from": "{date} tarixindən",
    "cr_filter_to": "{date} tarixinədək",
    "cr_filter_place": "yer: {place}",
    "cr_set_hash": "İstinad edilən versiyaların siyahısının SHA-256 dəyəri",
    "cr_s_excerpts": "Təsdiqedici ifadələr",
    "cr_excerpts_intro": (
        "Hər çıxarış seyfdəki ifadənin bir versiyasına onun qeyd identifikatoru, "
        "versiyası və möhürlənmiş məzmununun SHA-256 dəyəri ilə istinad edir; onu tam "
        "ifadə ilə tutuşdurmaq olar."
    ),
    "cr_excerpt": "Çıxarış {number}",
    "cr_witness": "Şahid",
    "cr_same_witness": "{refs} ilə eyni şahid",
    "cr_interview": "Müsahibə",
    "cr_acts": "Hərəkətlər (tarix, yer)",
    "cr_named_as": "Bu ifadədə adı",
    "cr_text": "Çıxarış",
    "cr_not_sealed": "möhürlənməyib: qaralama versiya",
    "cr_none": "Bu qeydi təsdiqlənmiş heç bir ifadə qeyd etmir.",
    "cr_redacted_notice": (
        "Redaktə edilmiş nüsxə. Adının göstərilməsinə razılıq verməmiş şahidlərin adları "
        "və şəxsiyyətini müəyyən edən məlumatları, həmçinin həssas kimi qeyd edilmiş "
        "adlar silinmiş və ya təxəllüslə əvəz edilmişdir."
    ),
    "cr_s_timeline": "Əməllərin xronologiyası",
    "cr_timeline_intro": (
        "İstinad edilən ifadələrdə bu qeydə aid olan bütün əməllər yeri ilə birlikdə, tarix "
        "sırası ilə (tarixi olmayan əməllər sonda). E və W {section} nömrəli bölmədə "
        "nömrələnmiş çıxarışlar və şahidlərdir."
    ),
    "cr_source": "Çıxarış, şahid",
    "cr_perpetrator": "Törətdiyi iddia edilən şəxs",
    "cr_no_acts": "İfadələr bu qeydə aid heç bir əməli təsvir etmir.",
    "cr_not_named": "(adı çəkilməyib)",
    "cr_s_matrix": "Törətdiyi iddia edilən şəxslər × üsullar",
    "cr_matrix_intro": (
        "Hər xana həmin şəxsin həmin üsulu tətbiq etdiyini təsvir edən müstəqil şahidlərin "
        "sayıdır; bir neçə dəfə dindirilmiş şahid bir dəfə sayılır. Boş xana: istinad "
        "edilən ifadələrin heç biri bunu təsvir etmir."
    ),
    "cr_matrix_legend": "Sütunlardakı üsullar",
    "cr_matrix_part": "Üsullar: {first}–{last}, cəmi {total}",
    "cr_matrix_none": "İfadələr bu əməlləri törədənlərin adını çəkmir.",
    "cr_footer": "Təsdiqedici ifadələr haqqında hesabat · qeyd {entry} · {count} ifadə",
}

RU: dict[str, str] = {
    "doc_title": "Свидетельские показания",
    "record_id": "Идентификатор записи",
    "version": "Версия",
    "sealed_on": "Дата фиксации версии",
    "not_sealed": "Не зафиксировано: черновик",
    "content_hash": "SHA-256 зафиксированного содержания",
    "amended": "Исправленная версия. Причина исправления:",
    "fictional_notice": "ВЫМЫШЛЕННАЯ ЗАПИСЬ: демонстрационные данные, не доказательство.",
    "redacted_notice": (
        "Обезличенная копия. Имя свидетеля, данные документов, удостоверяющих личность, дата "
        "рождения и контактные данные, а также другие имена, отмеченные как конфиденциальные, "
        "удалены или заменены псевдонимом «{pseudonym}»."
    ),
    "redacted": "[скрыто]",
    "witness_placeholder": "[свидетель]",
    "draft_watermark": "ЧЕРНОВИК",
    "draft_notice": (
        "Черновик: эта версия не зафиксирована. Её нельзя подписывать или подавать."
    ),
    "page_of": "Страница {page} из {pages}",
    "footer_record": "Запись {record} · версия {version}",
    "initials": "Инициалы свидетеля",
    "interpreter_initials": "Инициалы переводчика",
    "cont": "прод.",
    "amends": "Исправляемая версия",
    "previous_version": "Версия {version}, запечатана {sealed}; SHA-256 её содержания:",
    "yes": "Да",
    "no": "Нет",
    "not_asked": "Вопрос не задавался",
    "none": "Нет",
    "hours_minutes": "{h} ч {m} мин",
    "s_interview": "Обстоятельства опроса",
    "s_consent": "Согласие свидетеля",
    "s_witness": "Сведения о свидетеле",
    "s_narrative": "Показания свидетеля его собственными словами",
    "s_detention": "История содержания под стражей",
    "s_acts": "Описанные случаи пыток или жестокого обращения",
    "s_effects": "Телесные повреждения и последствия",
    "s_annexes": "Приложения",
    "s_truth": "Заявление свидетеля о достоверности показаний",
    "s_interpreter": "Удостоверение переводчика",
    "s_interviewer": "Заявление лица, проводившего опрос",
    "f_date": "Дата опроса",
    "f_start": "Время начала",
    "f_end": "Время окончания",
    "f_duration": "Продолжительность",
    "f_place": "Место",
    "f_setting": "Обстановка (помещение, условия)",
    "f_interviewer": "Лицо, проводившее опрос",
    "f_organisation": "Организация",
    "f_interpreter": "Переводчик",
    "f_no_interpreter": "Без переводчика",
    "f_language": "Язык опроса",
    "f_translation_language": "Язык перевода",
    "f_present": "Присутствовавшие лица",
    "f_restrictions": "Ограничения",
    "f_recording": "Способ фиксации опроса",
    "c_refusals": "Отказы и их причины",
    "c_recorded_at": "Дата фиксации согласия",
    "c_no_coercion_yes": (
        "Свидетель подтвердил(а), что согласие дано добровольно, без принуждения со стороны "
        "кого-либо, в том числе правоохранительных или судебных органов."
    ),
    "c_no_coercion_no": (
        "Подтверждение свидетеля о том, что согласие дано без принуждения, не записано."
    ),
    "c_right_to_stop_yes": (
        "Свидетелю разъяснили, что он(а) может в любой момент прекратить опрос, сделать "
        "перерыв или отказаться отвечать на вопрос."
    ),
    "c_right_to_stop_no": (
        "Не записано, что свидетелю разъяснили право прекратить опрос, сделать перерыв или "
        "отказаться отвечать."
    ),
    "w_name": "Фамилия, имя, отчество",
    "w_pseudonym": "Псевдоним",
    "w_dob": "Дата рождения",
    "w_gender": "Пол",
    "w_nationality": "Гражданство",
    "w_identifiers": "Документы, удостоверяющие личность, и их номера",
    "w_contact": "Контактные данные",
    "w_role": "Отношение к событиям",
    "w_status": "Положение в настоящее время",
    "w_occupation": "Род занятий",
    "w_rank": "Воинское звание",
    "w_unit": "Воинская часть",
    "w_relation": "Отношение к потерпевшему",
    "w_victim": "Имя потерпевшего",
    "w_victim_status": "Положение пострадавшего сейчас",
    "n_intro": (
        "Ниже показания изложены словами свидетеля, на языке оригинала ({language}), "
        "пронумерованными пунктами."
    ),
    "n_intro_translation": (
        "Ниже показания изложены словами свидетеля, на языке оригинала ({language}), "
        "пронумерованными пунктами, с переводом ({translation}) под теми же номерами."
    ),
    "n_original": "Оригинал ({language})",
    "n_translation": "Перевод ({language})",
    "n_no": "№",
    "n_empty": "Показания не записаны.",
    "d_episode": "Эпизод содержания под стражей {n}",
    "d_from": "Начало",
    "d_to": "Окончание",
    "d_place": "Место содержания",
    "d_place_description": "Описание места",
    "d_authority": "Орган",
    "d_type": "Вид содержания под стражей",
    "d_arrest": "Обстоятельства задержания",
    "d_transfers": "Перемещения",
    "d_contact": "Связь с внешним миром",
    "d_counsel": "Доступ к адвокату",
    "d_signed": "Подписанные показания и документы",
    "d_how_signed": "Обстоятельства подписания",
    "d_medical": "Медицинская помощь",
    "d_conditions": "Условия содержания",
    "d_court": "Суд",
    "d_case": "Номер дела",
    "d_notes": "Примечания",
    "d_none": "Сведения о содержании под стражей не записаны.",
    "a_summary": "Сводка случаев",
    "a_act": "Случай {n}",
    "a_date": "Дата",
    "a_place": "Место",
    "a_episode": "Эпизод содержания под стражей",
    "a_methods": "Методы",
    "a_methods_other": "Иные методы (со слов свидетеля)",
    "a_description": "Описание",
    "a_duration": "Продолжительность",
    "a_frequency": "Частота",
    "a_perpetrators": "Предполагаемые исполнители",
    "a_demands": "Что требовали или говорили",
    "a_witnesses": "Присутствовавшие свидетели",
    "a_injuries": "Телесные повреждения",
    "a_none": "Случаи не записаны.",
    "p_name": "Имя",
    "p_rank": "Звание",
    "p_position": "Должность",
    "p_unit": "Подразделение",
    "p_description": "Приметы",
    "p_involvement": "Форма участия",
    "e_physical": "Физические последствия",
    "e_psychological": "Психологические последствия",
    "e_treatment": "Медицинская помощь и лечение",
    "e_figure": "Рисунок 1. Схема тела",
    "e_caption": (
        "Места телесных повреждений указаны со слов свидетеля и не являются медицинским "
        "заключением."
    ),
    "e_orientation": "На виде спереди правая сторона свидетеля находится слева на рисунке.",
    "e_mark": "Отметка",
    "e_side": "Вид",
    "e_note": "Со слов свидетеля",
    "e_none": "Телесные повреждения и последствия не записаны.",
    "e_right": "П",
    "e_left": "Л",
    "x_intro": (
        "Файлы, хранящиеся вместе с записью, пронумерованы по датам самих документов, если дата "
        "указана в описании, затем в порядке их добавления. SHA-256 каждого файла вычислен при "
        "его помещении в хранилище; любую копию можно сверить с ним стандартной программой "
        "SHA-256."
    ),
    "x_no": "№",
    "x_item": "Документ",
    "x_date": "Дата",
    "x_added_on": "добавлен {date}",
    "x_size": "Размер",
    "x_page": "Стр.",
    "x_bytes": "байт",
    "x_none": "Приложений нет.",
    "x_see": "См. приложение {refs}.",
    "truth_text": (
        "Я, {name}, заявляю, что факты, изложенные в настоящих показаниях на {pages} "
        "страницах, соответствуют действительности. Я дал(а) эти показания добровольно, своими "
        "словами. Они были зачитаны мне на понятном мне языке ({language}), и у меня была "
        "возможность внести в них исправления. Я понимаю, что они могут быть использованы в "
        "правовых процедурах, на которые я дал(а) согласие, и что меня могут попросить дать "
        "показания относительно их содержания."
    ),
    "truth_oral": (
        "Это заявление было переведено свидетелю устно ({language}); письменный текст на этом "
        "языке здесь не приводится."
    ),
    "s_attestation": "Удостоверение",
    "attestation_text": (
        "Я, нижеподписавшийся(аяся), удостоверяю, что свидетель {name}, личность которого(ой) я "
        "установил(а) по указанному ниже документу, явился(лась) ко мне, заявил(а), что "
        "содержание настоящих показаний на {pages} страницах соответствует действительности, и "
        "подписал(а) их в моём присутствии."
    ),
    "interpreter_text": (
        "Я, {interpreter}, удостоверяю, что во время настоящего опроса ({pair}) переводил(а) "
        "точно и полностью и что перед подписанием настоящие показания были зачитаны "
        "свидетелю мной, {interpreter}; язык прочтения: {language}. Свидетель подтвердил(а) их "
        "правильность."
    ),
    "interviewer_text": (
        "Я, {interviewer}{organisation}, заявляю, что провел(а) настоящий опрос {date} "
        "(место: {place}); что настоящий документ точно передаёт сказанное мне свидетелем, а "
        "пронумерованные пункты изложены собственными словами свидетеля; что я ничего не "
        "добавил(а) к показаниям и ничего из них не опустил(а); что обстоятельства опроса и "
        "любые ограничения при его проведении указаны в разделе 1. Я готов(а) дать показания "
        "относительно изложенного."
    ),
    "interviewer_org": " ({organisation})",
    "sig_witness": "Свидетель",
    "sig_interviewer": "Лицо, проводившее опрос",
    "sig_interpreter": "Переводчик",
    "sig_name": "Имя и фамилия",
    "sig_signature": "Подпись",
    "sig_date": "Дата",
    "sig_place": "Место",
    "sig_attesting": "Удостоверяющее должностное лицо",
    "sig_position": "Должность, полномочия",
    "sig_identity_seen": "Предъявленный документ",
    "sig_stamp": "Печать",
    # Corroboration report
    "cr_title": "Отчёт о подтверждающих показаниях",
    "cr_subtitle": "Приложение: показания, подтверждающие одну запись реестра",
    "cr_entry": "Запись реестра",
    "cr_entry_id": "Идентификатор записи",
    "cr_kind": "Вид",
    "cr_kind_person": "Лицо",
    "cr_kind_place": "Место",
    "cr_kind_unit": "Воинская часть",
    "cr_name": "Имя",
    "cr_name_forms": "Формы имени в показаниях",
    "cr_rank": "Звание",
    "cr_unit": "Воинская часть",
    "cr_s_summary": "Сводка",
    "cr_testimonies": "Показания",
    "cr_independent": "Независимые свидетели",
    "cr_independent_note": (
        "Разные свидетели: свидетель, опрошенный несколько раз, считается один раз."
    ),
    "cr_date_range": "Даты действий",
    "cr_places": "Места",
    "cr_methods": "Методы",
    "cr_method_count": "{method} ({count})",
    "cr_filters": "Отбор",
    "cr_filter_from": "с {date}",
    "cr_filter_to": "по {date}",
    "cr_filter_place": "место: {place}",
    "cr_set_hash": "SHA-256 списка цитируемых версий",
    "cr_s_excerpts": "Подтверждающие показания",
    "cr_excerpts_intro": (
        "Каждая выдержка ссылается на одну версию показаний в хранилище по идентификатору"
        " записи, номеру версии и SHA-256 её опечатанного содержания; её можно сверить с "
        "полным текстом."
    ),
    "cr_excerpt": "Выдержка {number}",
    "cr_witness": "Свидетель",
    "cr_same_witness": "тот же свидетель, что в {refs}",
    "cr_interview": "Опрос",
    "cr_acts": "Действия (дата, место)",
    "cr_named_as": "Назван(а) в показаниях как",
    "cr_text": "Выдержка",
    "cr_not_sealed": "не опечатано: черновая версия",
    "cr_none": "Ни одно подтверждённое показание не упоминает эту запись.",
    "cr_redacted_notice": (
        "Обезличенная копия. Имена и идентифицирующие данные свидетелей, не давших "
        "согласия на указание своего имени, а также имена, отмеченные как чувствительные,"
        " удалены или заменены псевдонимом."
    ),
    "cr_s_timeline": "Хронология действий",
    "cr_timeline_intro": (
        "Все действия из цитируемых показаний, касающиеся этой записи, с местом, в порядке "
        "дат (действия без даты — в конце). E и W — выдержки и свидетели, пронумерованные в "
        "разделе {section}."
    ),
    "cr_source": "Выдержка, свидетель",
    "cr_perpetrator": "Предполагаемый исполнитель",
    "cr_no_acts": "Показания не описывают действий, касающихся этой записи.",
    "cr_not_named": "(не назван)",
    "cr_s_matrix": "Предполагаемые исполнители × методы",
    "cr_matrix_intro": (
        "В каждой клетке — число независимых свидетелей, описывающих применение этого "
        "метода этим лицом; свидетель, опрошенный несколько раз, считается один раз. "
        "Пустая клетка: ни одно из цитируемых показаний этого не описывает."
    ),
    "cr_matrix_legend": "Методы в столбцах",
    "cr_matrix_part": "Методы {first}–{last} из {total}",
    "cr_matrix_none": "Показания не называют исполнителей этих действий.",
    "cr_footer": "Отчёт о подтверждающих показаниях · запись {entry} · показаний: {count}",
}

_ALL = {"en": EN, "az": AZ, "ru": RU}

#: The witness's statement of truth in languages the statement is not printed in, so that a
#: witness who spoke one of them signs a text they can read: language code → (the
#: language's own name, text with {name}, {pages}, {language}). Other languages get a line
#: saying the declaration was translated orally (``truth_oral``). These texts follow the
#: English one; have a native-speaking lawyer check a text before relying on it in court.
WITNESS_TRUTH: dict[str, tuple[str, str]] = {
    "fa": ("فارسی", (
        "اینجانب، {name}، اعلام می‌کنم که واقعیت‌های بیان‌شده در این اظهارنامه که {pages} صفحه "
        "است، درست است. این اظهارات را آزادانه و با کلمات خودم بیان کرده‌ام. متن آن به زبان "
        "{language}، که آن را می‌فهمم، برایم خوانده شد و فرصت داشتم آن را اصلاح کنم. می‌دانم که "
        "ممکن است در رسیدگی‌های حقوقی که به آن رضایت داده‌ام از آن استفاده شود و ممکن است از من "
        "خواسته شود درباره آن شهادت دهم."
    )),
    "ar": ("العربية", (
        "أنا، {name}، أُقرّ بأن الوقائع الواردة في هذه الإفادة، وعدد صفحاتها {pages}، صحيحة. "
        "أدليتُ بها بحرية وبكلماتي الخاصة. وقد قُرئت عليّ باللغة {language}، وهي لغة أفهمها، "
        "وأُتيحت لي فرصة تصحيحها. وأفهم أنه يجوز استخدامها في الإجراءات القانونية التي وافقتُ "
        "عليها، وأنه قد يُطلب مني الإدلاء بشهادتي بشأنها."
    )),
    "tr": ("Türkçe", (
        "Ben, {name}, {pages} sayfadan oluşan bu ifadede belirtilen olguların doğru olduğunu "
        "beyan ederim. Bu ifadeyi özgür irademle, kendi sözlerimle verdim. İfade bana "
        "anladığım bir dilde ({language}) okundu ve düzeltme imkânım oldu. Bu ifadenin onay "
        "verdiğim hukuki süreçlerde kullanılabileceğini ve bu konuda tanıklık etmem "
        "istenebileceğini anlıyorum."
    )),
    "uk": ("українська", (
        "Я, {name}, заявляю, що факти, викладені в цих показаннях на {pages} сторінках, "
        "відповідають дійсності. Я дав(ла) ці показання добровільно, своїми словами. Їх було "
        "зачитано мені зрозумілою мені мовою ({language}), і я мав(ла) можливість внести до "
        "них виправлення. Я розумію, що їх можуть використати в правових процедурах, на які я "
        "дав(ла) згоду, і що мене можуть попросити дати показання щодо їхнього змісту."
    )),
    "de": ("Deutsch", (
        "Ich, {name}, erkläre, dass die in dieser Aussage ({pages} Seiten) dargelegten "
        "Tatsachen wahr sind. Ich habe sie freiwillig und mit meinen eigenen Worten gemacht. "
        "Sie wurde mir in einer Sprache, die ich verstehe ({language}), vorgelesen, und ich "
        "hatte Gelegenheit, sie zu berichtigen. Mir ist bewusst, dass sie in den "
        "Rechtsverfahren verwendet werden kann, denen ich zugestimmt habe, und dass ich "
        "gebeten werden kann, dazu auszusagen."
    )),
    "fr": ("français", (
        "Je soussigné(e), {name}, déclare que les faits exposés dans la présente déclaration, "
        "qui comporte {pages} pages, sont exacts. Je l'ai faite librement, avec mes propres "
        "mots. Elle m'a été relue en {language}, langue que je comprends, et j'ai eu la "
        "possibilité de la corriger. Je comprends qu'elle peut être utilisée dans les "
        "procédures judiciaires auxquelles j'ai consenti et que je peux être appelé(e) à "
        "témoigner à son sujet."
    )),
}


def label(key: str, lang: str, **values: object) -> str:
    """The wording for ``key`` in ``lang`` (English if the language is unknown)."""
    table = _ALL.get(lang, EN)
    text = table.get(key, EN[key])
    return text.format(**values) if values else text


def all_labels() -> dict[str, dict[str, str]]:
    """Every language's table, for tests and glyph checks."""
    return {lang: dict(table) for lang, table in _ALL.items()}
