"""The statement's fixed wording in Azerbaijani (see :mod:`testimony_app.reports.labels`)."""

from __future__ import annotations

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
