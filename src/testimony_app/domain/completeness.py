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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from testimony_app.domain import vocabularies
from testimony_app.domain.model import (
    Act,
    AttachmentInfo,
    DatePrecision,
    DetentionEpisode,
    Testimony,
    WitnessRole,
    WitnessStatus,
)

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
    """One thing the record still lacks, with a message in each interface language.

    ``field`` is a dotted path into the model (``detentions[0].place``) that the editor turns
    into a link to the widget; ``code`` names the kind of gap and is stable across versions.
    """

    code: str
    section: str
    field: str
    messages: Mapping[str, str] = dataclasses.field(hash=False)

    def message(self, lang: str = "en") -> str:
        """The message in ``lang``, falling back to English."""
        return self.messages.get(lang) or self.messages["en"]


# code: (section, en, az, ru). Placeholders: {n} item number, {p} person number, {src}/{dst}.
_TEXTS: dict[str, tuple[str, str, str, str]] = {
    # --- consent (Istanbul Protocol ¶208; PHR informed consent) ---
    "consent_purpose": (
        "consent",
        "Confirm that the purpose of the interview, how the testimony will be used and its "
        "possible consequences were explained.",
        "Müsahibənin məqsədinin, ifadədən necə istifadə ediləcəyinin və mümkün nəticələrinin "
        "izah edildiyini təsdiqləyin.",
        "Подтвердите, что свидетелю разъяснили цель интервью, как будут использованы показания "
        "и возможные последствия.",
    ),
    "consent_right_to_stop": (
        "consent",
        "Tell the witness that they may stop, take a break or decline to answer at any time, "
        "and confirm it here.",
        "Şahidə istənilən vaxt dayandıra, fasilə verə və ya cavab verməkdən imtina edə "
        "biləcəyini deyin və bunu burada təsdiqləyin.",
        "Скажите свидетелю, что он(а) может в любой момент прекратить опрос, сделать перерыв "
        "или отказаться отвечать, и подтвердите это здесь.",
    ),
    "consent_no_coercion": (
        "consent",
        "Confirm that the witness speaks freely and nobody forced them to give this testimony.",
        "Şahidin sərbəst danışdığını və onu bu ifadəni verməyə heç kimin məcbur etmədiyini "
        "təsdiqləyin.",
        "Подтвердите, что свидетель говорит добровольно и никто не принуждал его давать эти "
        "показания.",
    ),
    "consent_legal_proceedings": (
        "consent",
        "Ask whether the testimony may be used in legal proceedings.",
        "İfadədən hüquqi proseslərdə istifadə oluna biləcəyini soruşun.",
        "Спросите, можно ли использовать показания в судебных и иных правовых процедурах.",
    ),
    "consent_name_use": (
        "consent",
        "Ask whether the witness’s name may appear, or only a pseudonym.",
        "Şahidin adının göstərilə biləcəyini, yoxsa yalnız şərti addan istifadə ediləcəyini "
        "soruşun.",
        "Спросите, можно ли указывать имя свидетеля или только псевдоним.",
    ),
    "consent_publication": (
        "consent",
        "Ask whether the testimony may be published (reports, media).",
        "İfadənin dərc edilə biləcəyini (hesabatlar, media) soruşun.",
        "Спросите, можно ли публиковать показания (доклады, СМИ).",
    ),
    "consent_organisations": (
        "consent",
        "Name the organisations the witness agreed may receive the testimony.",
        "Şahidin ifadəni almasına razılıq verdiyi təşkilatların adlarını yazın.",
        "Укажите организации, которым свидетель согласился передать показания.",
    ),
    "consent_audio": (
        "consent",
        "An audio recording is attached: ask whether the witness agrees that it is kept.",
        "Səs yazısı əlavə olunub: şahidin onun saxlanılmasına razı olub-olmadığını soruşun.",
        "Приложена аудиозапись: спросите, согласен ли свидетель на её хранение.",
    ),
    "consent_audio_refused": (
        "consent",
        "The witness did not agree to keep audio, but an audio recording is attached: remove "
        "it or correct the consent.",
        "Şahid səs yazısının saxlanılmasına razı olmayıb, lakin səs yazısı əlavə olunub: onu "
        "silin və ya razılığı düzəldin.",
        "Свидетель не согласился на хранение аудио, но аудиозапись приложена: удалите её или "
        "исправьте согласие.",
    ),
    "consent_follow_up": (
        "consent",
        "Contact details are recorded: ask whether the witness may be contacted again.",
        "Əlaqə məlumatları qeyd olunub: şahidlə sonradan əlaqə saxlamağın mümkün olub-olmadığını "
        "soruşun.",
        "Контакты записаны: спросите, можно ли связаться со свидетелем позже.",
    ),
    "consent_refusal_reason": (
        "consent",
        "The witness declined part of the consent: note what was refused and why, in their words.",
        "Şahid razılığın bir hissəsindən imtina edib: nədən və niyə imtina etdiyini onun öz "
        "sözləri ilə qeyd edin.",
        "Свидетель отказался от части согласия: запишите его словами, от чего и почему.",
    ),
    "consent_date": (
        "consent",
        "Record when the consent was given.",
        "Razılığın nə vaxt verildiyini qeyd edin.",
        "Укажите, когда было дано согласие.",
    ),
    # --- interview (¶200(a); Annex IV §I–II) ---
    "interview_date": (
        "interview",
        "Enter the date of the interview.",
        "Müsahibənin tarixini daxil edin.",
        "Укажите дату интервью.",
    ),
    "interview_date_format": (
        "interview",
        "Write the interview date as YYYY-MM-DD.",
        "Müsahibənin tarixini İİİİ-AA-GG şəklində yazın.",
        "Запишите дату интервью в виде ГГГГ-ММ-ДД.",
    ),
    "interview_start_time": (
        "interview",
        "Enter the time the interview started.",
        "Müsahibənin başlama vaxtını daxil edin.",
        "Укажите время начала интервью.",
    ),
    "interview_end_time": (
        "interview",
        "Enter the time the interview ended.",
        "Müsahibənin bitmə vaxtını daxil edin.",
        "Укажите время окончания интервью.",
    ),
    "interview_place": (
        "interview",
        "Enter where the interview took place.",
        "Müsahibənin harada keçirildiyini daxil edin.",
        "Укажите, где проходило интервью.",
    ),
    "interview_setting": (
        "interview",
        "Describe the setting: the kind of place, the room, and whether you could speak privately.",
        "Şəraiti təsvir edin: yerin növü, otaq və təkbətək danışmağın mümkün olub-olmadığı.",
        "Опишите обстановку: что это за место и помещение, можно ли было говорить без посторонних.",
    ),
    "interview_interviewer": (
        "interview",
        "Enter the interviewer’s name.",
        "Müsahibəni aparan şəxsin adını daxil edin.",
        "Укажите имя интервьюера.",
    ),
    "interview_organisation": (
        "interview",
        "Enter the interviewer’s organisation.",
        "Müsahibəni aparan şəxsin təşkilatını daxil edin.",
        "Укажите организацию интервьюера.",
    ),
    "interview_language": (
        "interview",
        "Enter the language the witness spoke.",
        "Şahidin danışdığı dili daxil edin.",
        "Укажите язык, на котором говорил свидетель.",
    ),
    "interview_interpreter": (
        "interview",
        "The interview was interpreted ({src} → {dst}): enter the interpreter’s name.",
        "Müsahibə tərcüməçi vasitəsilə aparılıb ({src} → {dst}): tərcüməçinin adını daxil edin.",
        "Интервью шло через переводчика ({src} → {dst}): укажите имя переводчика.",
    ),
    "interview_persons_present": (
        "interview",
        "List everyone present during the interview, with their role.",
        "Müsahibə zamanı orada olan hər kəsi və onların rolunu qeyd edin.",
        "Перечислите всех, кто присутствовал на интервью, и их роль.",
    ),
    "interview_restrictions": (
        "interview",
        "Note any restrictions on the interview (time, others present, fear), or write “none”.",
        "Müsahibə zamanı olan məhdudiyyətləri (vaxt, kənar şəxslərin olması, qorxu) qeyd edin "
        "və ya «yoxdur» yazın.",
        "Укажите ограничения интервью (время, присутствие посторонних, страх) или напишите «нет».",
    ),
    "interview_recording": (
        "interview",
        "Say how the interview was recorded (written notes, audio).",
        "Müsahibənin necə qeydə alındığını yazın (yazılı qeydlər, səs yazısı).",
        "Укажите, как фиксировалось интервью (записи, аудио).",
    ),
    # --- witness (Annex IV §I, §IV) ---
    "witness_identity": (
        "witness",
        "Enter the witness’s name or a pseudonym.",
        "Şahidin adını və ya şərti adını daxil edin.",
        "Укажите имя свидетеля или псевдоним.",
    ),
    "witness_pseudonym": (
        "witness",
        "The witness’s name may not appear: give a pseudonym for the statement.",
        "Şahidin adı göstərilə bilməz: ifadə üçün şərti ad verin.",
        "Имя свидетеля указывать нельзя: задайте псевдоним для заявления.",
    ),
    "witness_role": (
        "witness",
        "Choose how the witness relates to the events.",
        "Şahidin hadisələrlə əlaqəsini seçin.",
        "Выберите, как свидетель связан с событиями.",
    ),
    "witness_date_of_birth": (
        "witness",
        "Enter the witness’s date or year of birth.",
        "Şahidin doğum tarixini və ya ilini daxil edin.",
        "Укажите дату или год рождения свидетеля.",
    ),
    "witness_victim_name": (
        "witness",
        "Enter the name of the person this testimony is about.",
        "İfadənin aid olduğu şəxsin adını daxil edin.",
        "Укажите имя человека, о котором даются показания.",
    ),
    "witness_relation": (
        "witness",
        "Say how the witness is related to that person.",
        "Şahidin həmin şəxslə qohumluğunu yazın.",
        "Укажите, кем свидетель приходится этому человеку.",
    ),
    "witness_contact": (
        "witness",
        "The witness agreed to be contacted again: record how to reach them safely.",
        "Şahid sonradan əlaqə saxlanılmasına razıdır: onunla necə təhlükəsiz əlaqə saxlamağı "
        "qeyd edin.",
        "Свидетель согласился на связь: запишите, как безопасно с ним связаться.",
    ),
    # --- narrative (¶221; PHR Module 3) ---
    "narrative_text": (
        "narrative",
        "Write down the account in the witness’s own words.",
        "Şahidin danışdıqlarını onun öz sözləri ilə yazın.",
        "Запишите рассказ свидетеля его собственными словами.",
    ),
    "narrative_translation_language": (
        "narrative",
        "Say which language the translation is in.",
        "Tərcümənin hansı dildə olduğunu göstərin.",
        "Укажите язык перевода.",
    ),
    # --- detentions (Annex IV §V.1–3; safeguards) ---
    "detentions_none": (
        "detentions",
        "Add at least one period in custody, with its dates and place.",
        "Ən azı bir saxlanılma dövrünü tarixləri və yeri ilə əlavə edin.",
        "Добавьте хотя бы один период содержания под стражей с датами и местом.",
    ),
    "detention_start": (
        "detentions",
        "Detention {n}: enter when it began, or mark the date as unknown.",
        "Saxlanılma №{n}: nə vaxt başladığını daxil edin və ya tarixi «məlum deyil» kimi qeyd "
        "edin.",
        "Содержание под стражей №{n}: укажите, когда оно началось, или отметьте, что дата "
        "неизвестна.",
    ),
    "detention_start_format": (
        "detentions",
        "Detention {n}: write the start date as YYYY-MM-DD, or as YYYY-MM or YYYY with the "
        "matching precision.",
        "Saxlanılma №{n}: başlama tarixini İİİİ-AA-GG, ya da uyğun dəqiqliklə İİİİ-AA və ya İİİİ "
        "şəklində yazın.",
        "Содержание под стражей №{n}: запишите дату начала как ГГГГ-ММ-ДД либо как ГГГГ-ММ или "
        "ГГГГ с соответствующей точностью.",
    ),
    "detention_end": (
        "detentions",
        "Detention {n}: enter when it ended, or mark the date as unknown.",
        "Saxlanılma №{n}: nə vaxt bitdiyini daxil edin və ya tarixi «məlum deyil» kimi qeyd edin.",
        "Содержание под стражей №{n}: укажите, когда оно закончилось, или отметьте, что дата "
        "неизвестна.",
    ),
    "detention_end_format": (
        "detentions",
        "Detention {n}: write the end date as YYYY-MM-DD, or as YYYY-MM or YYYY with the "
        "matching precision.",
        "Saxlanılma №{n}: bitmə tarixini İİİİ-AA-GG, ya da uyğun dəqiqliklə İİİİ-AA və ya İİİİ "
        "şəklində yazın.",
        "Содержание под стражей №{n}: запишите дату окончания как ГГГГ-ММ-ДД либо как ГГГГ-ММ "
        "или ГГГГ с соответствующей точностью.",
    ),
    "detention_dates_order": (
        "detentions",
        "Detention {n}: the end date is earlier than the start date.",
        "Saxlanılma №{n}: bitmə tarixi başlama tarixindən əvvəldir.",
        "Содержание под стражей №{n}: дата окончания раньше даты начала.",
    ),
    "detention_place": (
        "detentions",
        "Detention {n}: enter where the person was held.",
        "Saxlanılma №{n}: şəxsin harada saxlanıldığını daxil edin.",
        "Содержание под стражей №{n}: укажите, где содержался человек.",
    ),
    "detention_authority": (
        "detentions",
        "Detention {n}: say which authority held the person.",
        "Saxlanılma №{n}: şəxsi hansı orqanın saxladığını yazın.",
        "Содержание под стражей №{n}: укажите, какой орган удерживал человека.",
    ),
    "detention_type": (
        "detentions",
        "Detention {n}: choose the kind of detention, or “unknown”.",
        "Saxlanılma №{n}: saxlanılmanın növünü seçin və ya «məlum deyil» seçin.",
        "Содержание под стражей №{n}: выберите вид содержания или «неизвестно».",
    ),
    "detention_arrest": (
        "detentions",
        "Detention {n}: describe how the arrest happened.",
        "Saxlanılma №{n}: tutulmanın necə baş verdiyini təsvir edin.",
        "Содержание под стражей №{n}: опишите, как произошло задержание.",
    ),
    "detention_outside_contact": (
        "detentions",
        "Detention {n}: record whether the family was told and what contact was allowed.",
        "Saxlanılma №{n}: ailəyə xəbər verilib-verilmədiyini və hansı əlaqəyə icazə verildiyini "
        "qeyd edin.",
        "Содержание под стражей №{n}: укажите, уведомили ли семью и какая связь была разрешена.",
    ),
    "detention_legal_counsel": (
        "detentions",
        "Detention {n}: record whether a lawyer was allowed, and when.",
        "Saxlanılma №{n}: vəkilə icazə verilib-verilmədiyini və nə vaxt verildiyini qeyd edin.",
        "Содержание под стражей №{n}: укажите, допускали ли адвоката и когда.",
    ),
    "detention_statements": (
        "detentions",
        "Detention {n}: record whether anything was signed, or that nothing was.",
        "Saxlanılma №{n}: nəyinsə imzalanıb-imzalanmadığını qeyd edin.",
        "Содержание под стражей №{n}: укажите, подписывалось ли что-нибудь.",
    ),
    "detention_how_signed": (
        "detentions",
        "Detention {n}: describe how the statement was signed: who was present, whether it was "
        "read, what was said.",
        "Saxlanılma №{n}: ifadənin necə imzalandığını təsvir edin: kim orada idi, mətn "
        "oxunubmu, nə deyildi.",
        "Содержание под стражей №{n}: опишите, как подписывались показания: кто присутствовал, "
        "дали ли прочитать, что при этом говорили.",
    ),
    "detention_medical": (
        "detentions",
        "Detention {n}: record whether medical care was asked for or given.",
        "Saxlanılma №{n}: tibbi yardım istənilib-istənilmədiyini və göstərilib-göstərilmədiyini "
        "qeyd edin.",
        "Содержание под стражей №{n}: укажите, просили ли медицинскую помощь и оказывалась ли она.",
    ),
    "detention_conditions": (
        "detentions",
        "Detention {n}: describe the place and the conditions (cell, light, food, sleep).",
        "Saxlanılma №{n}: yeri və şəraiti təsvir edin (kamera, işıq, yemək, yuxu).",
        "Содержание под стражей №{n}: опишите место и условия (камера, свет, еда, сон).",
    ),
    # --- acts (Annex IV §V.4; IP ch. III (a)–(j)) ---
    "acts_none": (
        "acts",
        "Add at least one act of ill-treatment, with its date, place and methods.",
        "Ən azı bir pis rəftar halını tarixi, yeri və üsulları ilə əlavə edin.",
        "Добавьте хотя бы один эпизод жестокого обращения с датой, местом и методами.",
    ),
    "act_date": (
        "acts",
        "Act {n}: enter when it happened, or mark the date as unknown.",
        "Hal №{n}: nə vaxt baş verdiyini daxil edin və ya tarixi «məlum deyil» kimi qeyd edin.",
        "Эпизод №{n}: укажите, когда это произошло, или отметьте, что дата неизвестна.",
    ),
    "act_date_format": (
        "acts",
        "Act {n}: write the date as YYYY-MM-DD, or as YYYY-MM or YYYY with the matching precision.",
        "Hal №{n}: tarixi İİİİ-AA-GG, ya da uyğun dəqiqliklə İİİİ-AA və ya İİİİ şəklində yazın.",
        "Эпизод №{n}: запишите дату как ГГГГ-ММ-ДД либо как ГГГГ-ММ или ГГГГ с соответствующей "
        "точностью.",
    ),
    "act_place": (
        "acts",
        "Act {n}: enter where it happened.",
        "Hal №{n}: harada baş verdiyini daxil edin.",
        "Эпизод №{n}: укажите, где это произошло.",
    ),
    "act_episode": (
        "acts",
        "Act {n}: say during which detention it happened.",
        "Hal №{n}: hansı saxlanılma dövründə baş verdiyini göstərin.",
        "Эпизод №{n}: укажите, в какой период содержания это произошло.",
    ),
    "act_episode_invalid": (
        "acts",
        "Act {n}: it refers to a detention that is not in the record.",
        "Hal №{n}: qeyddə olmayan saxlanılma dövrünə istinad edir.",
        "Эпизод №{n}: ссылается на период содержания, которого нет в записи.",
    ),
    "act_methods": (
        "acts",
        "Act {n}: choose the methods used, or describe them in your own words.",
        "Hal №{n}: tətbiq olunan üsulları seçin və ya öz sözlərinizlə təsvir edin.",
        "Эпизод №{n}: выберите применённые методы или опишите их своими словами.",
    ),
    "act_perpetrators": (
        "acts",
        "Act {n}: describe who did it: names, ranks, units, appearance.",
        "Hal №{n}: bunu kimin etdiyini təsvir edin: adlar, rütbələr, hərbi hissələr, görünüş.",
        "Эпизод №{n}: опишите, кто это делал: имена, звания, подразделения, внешность.",
    ),
    "act_perpetrator_description": (
        "acts",
        "Act {n}, person {p}: add a name, rank, unit or description.",
        "Hal №{n}, şəxs №{p}: ad, rütbə, hərbi hissə və ya təsvir əlavə edin.",
        "Эпизод №{n}, лицо №{p}: добавьте имя, звание, подразделение или описание.",
    ),
    "act_demands": (
        "acts",
        "Act {n}: record what was demanded or said, or write “nothing”.",
        "Hal №{n}: nə tələb edildiyini və ya deyildiyini qeyd edin, ya da «heç nə» yazın.",
        "Эпизод №{n}: запишите, что требовали или говорили, или напишите «ничего».",
    ),
    "act_duration": (
        "acts",
        "Act {n}: say how long it lasted, or write “unknown”.",
        "Hal №{n}: nə qədər davam etdiyini yazın və ya «məlum deyil» yazın.",
        "Эпизод №{n}: укажите, сколько это длилось, или напишите «неизвестно».",
    ),
    "act_injuries": (
        "acts",
        "Act {n}: record the injuries it caused, or write “none”.",
        "Hal №{n}: vurulan xəsarətləri qeyd edin və ya «yoxdur» yazın.",
        "Эпизод №{n}: запишите полученные травмы или напишите «нет».",
    ),
    # --- effects (Annex IV §VI, §VIII) ---
    "effects_physical": (
        "effects",
        "Describe the physical after-effects in the witness’s own words, or write “none”.",
        "Fiziki fəsadları şahidin öz sözləri ilə təsvir edin və ya «yoxdur» yazın.",
        "Опишите физические последствия словами свидетеля или напишите «нет».",
    ),
    "effects_body": (
        "effects",
        "Describe the condition of the body when it was returned and who returned it; attach a "
        "death certificate or autopsy report if the family has one.",
        "Cənazənin hansı vəziyyətdə və kim tərəfindən qaytarıldığını təsvir edin; ailədə ölüm "
        "haqqında şəhadətnamə və ya yarılma rəyi varsa, əlavə edin.",
        "Опишите, в каком состоянии было тело, когда его вернули, и кто его вернул; приложите "
        "свидетельство о смерти или заключение вскрытия, если они есть у семьи.",
    ),
    "effects_psychological": (
        "effects",
        "Describe the psychological after-effects (sleep, fear, memory), or write “none”.",
        "Psixoloji fəsadları təsvir edin (yuxu, qorxu, yaddaş) və ya «yoxdur» yazın.",
        "Опишите психологические последствия (сон, страх, память) или напишите «нет».",
    ),
    "effects_treatment": (
        "effects",
        "Record any medical treatment received since, or write “none”.",
        "O vaxtdan bəri alınan müalicəni qeyd edin və ya «yoxdur» yazın.",
        "Укажите лечение, полученное с тех пор, или напишите «нет».",
    ),
    # --- attachments (chain of custody) ---
    "attachment_sha256": (
        "attachments",
        "Attachment {n} has no SHA-256 fingerprint: add the file again so that its integrity "
        "can be shown.",
        "Əlavə №{n} üçün SHA-256 barmaq izi yoxdur: bütövlüyünü sübut etmək üçün faylı yenidən "
        "əlavə edin.",
        "У приложения №{n} нет отпечатка SHA-256: добавьте файл заново, чтобы можно было "
        "доказать его целостность.",
    ),
    "attachment_description": (
        "attachments",
        "Attachment {n}: describe it for the list of annexes.",
        "Əlavə №{n}: əlavələr siyahısı üçün onu təsvir edin.",
        "Приложение №{n}: опишите его для перечня приложений.",
    ),
    # --- closing (Annex IV §XIV–XV; PHR Module 3) ---
    "closing_observations": (
        "closing",
        "Add your observations as interviewer: demeanour, visible marks, inconsistencies and "
        "how they were explained.",
        "Müsahibəni aparan kimi müşahidələrinizi əlavə edin: şahidin davranışı, görünən izlər, "
        "uyğunsuzluqlar və onların izahı.",
        "Добавьте свои наблюдения интервьюера: поведение свидетеля, видимые следы, "
        "несоответствия и их объяснение.",
    ),
}

_LANGS = ("en", "az", "ru")

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


def _item(code: str, field_path: str, **values: object) -> MissingItem:
    section, *texts = _TEXTS[code]
    messages = {}
    for lang, text in zip(_LANGS, texts, strict=True):
        # Language codes in a message are shown as names in the reader's language.
        localized = {
            k: vocabularies.label("languages", str(v), lang) if k in ("src", "dst") else v
            for k, v in values.items()
        }
        messages[lang] = text.format(**localized)
    return MissingItem(code, section, field_path, MappingProxyType(messages))


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
        yield _item("consent_purpose", "consent.informed_of_purpose")
    if not c.informed_of_right_to_stop:
        yield _item("consent_right_to_stop", "consent.informed_of_right_to_stop")
    if not c.no_coercion_confirmed:
        yield _item("consent_no_coercion", "consent.no_coercion_confirmed")
    if c.legal_proceedings is None:
        yield _item("consent_legal_proceedings", "consent.legal_proceedings")
    if c.name_may_appear is None:
        yield _item("consent_name_use", "consent.name_may_appear")
    if c.publication is None:
        yield _item("consent_publication", "consent.publication")
    if not c.organisations and (c.legal_proceedings or c.publication):
        yield _item("consent_organisations", "consent.organisations")
    audio = [i for i, a in enumerate(t.attachments) if _has_audio(a)]
    if audio and c.audio_recording is None:
        yield _item("consent_audio", "consent.audio_recording")
    if audio and c.audio_recording is False:
        yield _item("consent_audio_refused", f"attachments[{audio[0]}]")
    if c.follow_up_contact is None and not _blank(t.witness.contact):
        yield _item("consent_follow_up", "consent.follow_up_contact")
    scopes = (c.legal_proceedings, c.publication, c.name_may_appear, c.audio_recording)
    if False in scopes and _blank(c.refusals):
        yield _item("consent_refusal_reason", "consent.refusals")
    if _blank(c.recorded_at):
        yield _item("consent_date", "consent.recorded_at")


def _interview(t: Testimony) -> Iterator[MissingItem]:
    iv = t.interview
    if _blank(iv.date):
        yield _item("interview_date", "interview.date")
    elif not _date_ok(iv.date, DatePrecision.DAY.value):
        yield _item("interview_date_format", "interview.date")
    if _blank(iv.start_time):
        yield _item("interview_start_time", "interview.start_time")
    if _blank(iv.end_time):
        yield _item("interview_end_time", "interview.end_time")
    if _blank(iv.place):
        yield _item("interview_place", "interview.place")
    if _blank(iv.setting):
        yield _item("interview_setting", "interview.setting")
    if _blank(iv.interviewer):
        yield _item("interview_interviewer", "interview.interviewer")
    if _blank(iv.interviewer_organisation):
        yield _item("interview_organisation", "interview.interviewer_organisation")
    if _blank(iv.language):
        yield _item("interview_language", "interview.language")
    interpreted = not _blank(iv.translation_language) and (
        iv.translation_language.strip().casefold() != iv.language.strip().casefold()
    )
    if interpreted and _blank(iv.interpreter):
        yield _item(
            "interview_interpreter",
            "interview.interpreter",
            src=iv.language.strip() or "?",
            dst=iv.translation_language.strip(),
        )
    if not any(p.strip() for p in iv.persons_present):
        yield _item("interview_persons_present", "interview.persons_present")
    if _blank(iv.restrictions):
        yield _item("interview_restrictions", "interview.restrictions")
    if _blank(iv.recording):
        yield _item("interview_recording", "interview.recording")


def _witness(t: Testimony) -> Iterator[MissingItem]:
    w = t.witness
    if _blank(w.name) and _blank(w.pseudonym):
        yield _item("witness_identity", "witness.name")
    elif t.consent.name_may_appear is False and _blank(w.pseudonym):
        yield _item("witness_pseudonym", "witness.pseudonym")
    if w.role not in set(WitnessRole):
        yield _item("witness_role", "witness.role")
        return
    if _asked_as(t) in _FIRST_HAND and _blank(w.date_of_birth):
        yield _item("witness_date_of_birth", "witness.date_of_birth")
    if w.role in (WitnessRole.RELATIVE, WitnessRole.OTHER_WITNESS) and _blank(w.victim_name):
        yield _item("witness_victim_name", "witness.victim_name")
    if w.role == WitnessRole.RELATIVE and _blank(w.relation_to_victim):
        yield _item("witness_relation", "witness.relation_to_victim")
    if t.consent.follow_up_contact and _blank(w.contact):
        yield _item("witness_contact", "witness.contact")


def _narrative(t: Testimony) -> Iterator[MissingItem]:
    n = t.narrative
    if _blank(n.text):
        yield _item("narrative_text", "narrative.text")
    if not _blank(n.translation) and _blank(n.translation_language):
        yield _item("narrative_translation_language", "narrative.translation_language")


def _detentions(t: Testimony) -> Iterator[MissingItem]:
    role = _asked_as(t)
    if role == WitnessRole.OTHER_WITNESS:
        # A bystander saw something; a detention of their own is not part of their account.
        if not t.detentions:
            return
    elif not t.detentions:
        yield _item("detentions_none", "detentions")
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
        d.start_date, d.start_precision, "detention_start", f"{at}.start_date", n
    )
    still_held = last and t.witness.status_now == WitnessStatus.IMPRISONED
    if not still_held:
        yield from _date_items(d.end_date, d.end_precision, "detention_end", f"{at}.end_date", n)
    if _ends_before_start(d.start_date, d.end_date):
        yield _item("detention_dates_order", f"{at}.end_date", n=n)
    if _blank(d.place):
        yield _item("detention_place", f"{at}.place", n=n)
    if _blank(d.authority):
        yield _item("detention_authority", f"{at}.authority", n=n)
    if _blank(d.detention_type):
        yield _item("detention_type", f"{at}.detention_type", n=n)
    if i == 0 and _blank(d.arrest_circumstances):
        yield _item("detention_arrest", f"{at}.arrest_circumstances", n=n)
    if not d.outside_contact:
        yield _item("detention_outside_contact", f"{at}.outside_contact", n=n)
    if not d.legal_counsel:
        yield _item("detention_legal_counsel", f"{at}.legal_counsel", n=n)
    if inside:
        if not d.statements_signed:
            yield _item("detention_statements", f"{at}.statements_signed", n=n)
        elif set(d.statements_signed) - _SIGNED_NOT and _blank(d.how_signed):
            yield _item("detention_how_signed", f"{at}.how_signed", n=n)
        if not d.medical_attention:
            yield _item("detention_medical", f"{at}.medical_attention", n=n)
        if _blank(d.conditions):
            yield _item("detention_conditions", f"{at}.conditions", n=n)


def _acts(t: Testimony) -> Iterator[MissingItem]:
    role = _asked_as(t)
    if not t.acts:
        if role in _FIRST_HAND:
            yield _item("acts_none", "acts")
        return
    for i, act in enumerate(t.acts):
        yield from _act(t, i, act, role)


def _act(t: Testimony, i: int, act: Act, role: str) -> Iterator[MissingItem]:
    at = f"acts[{i}]"
    n = i + 1
    yield from _date_items(act.date, act.date_precision, "act_date", f"{at}.date", n)
    if _blank(act.place):
        yield _item("act_place", f"{at}.place", n=n)
    if act.episode is None:
        # With one detention the link is obvious; the statement can only mix them up with two.
        if len(t.detentions) > 1:
            yield _item("act_episode", f"{at}.episode", n=n)
    elif not 0 <= act.episode < len(t.detentions):
        yield _item("act_episode_invalid", f"{at}.episode", n=n)
    if not [m for m in act.methods if m.strip()] and _blank(act.methods_other):
        yield _item("act_methods", f"{at}.methods", n=n)
    if role != WitnessRole.RELATIVE:
        if not act.perpetrators:
            yield _item("act_perpetrators", f"{at}.perpetrators", n=n)
        for j, p in enumerate(act.perpetrators):
            if all(_blank(s) for s in (p.name, p.rank, p.position, p.unit, p.description)):
                yield _item(
                    "act_perpetrator_description",
                    f"{at}.perpetrators[{j}].description",
                    n=n,
                    p=j + 1,
                )
    if role in _FIRST_HAND and _blank(act.demands):
        yield _item("act_demands", f"{at}.demands", n=n)
    if role == WitnessRole.VICTIM:
        if _blank(act.duration):
            yield _item("act_duration", f"{at}.duration", n=n)
        if _blank(act.injuries):
            yield _item("act_injuries", f"{at}.injuries", n=n)


def _effects(t: Testimony) -> Iterator[MissingItem]:
    e = t.effects
    role = _asked_as(t)
    if role in _FIRST_HAND:
        if _blank(e.physical):
            yield _item("effects_physical", "effects.physical")
        if _blank(e.psychological):
            yield _item("effects_psychological", "effects.psychological")
        if role == WitnessRole.VICTIM and _blank(e.medical_treatment):
            yield _item("effects_treatment", "effects.medical_treatment")
    elif (
        role == WitnessRole.RELATIVE
        and t.witness.status_now == WitnessStatus.DECEASED
        and _blank(e.physical)
    ):
        yield _item("effects_body", "effects.physical")


def _attachments(t: Testimony) -> Iterator[MissingItem]:
    for i, a in enumerate(t.attachments):
        if _blank(a.sha256):
            yield _item("attachment_sha256", f"attachments[{i}].sha256", n=i + 1)
        if _blank(a.description):
            yield _item("attachment_description", f"attachments[{i}].description", n=i + 1)


def _closing(t: Testimony) -> Iterator[MissingItem]:
    if _blank(t.interviewer_notes):
        yield _item("closing_observations", "interviewer_notes")


def _date_items(
    value: str, precision: str, code: str, field_path: str, n: int
) -> Iterator[MissingItem]:
    """A missing date is fine once marked unknown; a present one must match its precision."""
    if _blank(value):
        if precision != DatePrecision.UNKNOWN:
            yield _item(code, field_path, n=n)
    elif not _date_ok(value, precision):
        yield _item(f"{code}_format", field_path, n=n)


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
