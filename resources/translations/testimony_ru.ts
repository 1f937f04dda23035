<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
    <context>
        <name>ActsPage</name>
        <message>
            <source>One entry for each act or session the witness describes. Pick the methods from the list and add anything else in the witness's words.</source>
            <translation>Одна запись на каждое действие или эпизод, о котором рассказывает свидетель. Выберите методы из списка, остальное добавьте словами свидетеля.</translation>
        </message>
        <message>
            <source>No acts yet. Press Add act for each act or session the witness describes.</source>
            <translation>Действий пока нет. Нажмите «Добавить действие» для каждого действия или эпизода, о котором рассказывает свидетель.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Где</translation>
        </message>
        <message>
            <source>During detention episode</source>
            <translation>Во время эпизода задержания</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Методы</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Что произошло</translation>
        </message>
        <message>
            <source>How long</source>
            <translation>Как долго</translation>
        </message>
        <message>
            <source>How often</source>
            <translation>Как часто</translation>
        </message>
        <message>
            <source>Who took part</source>
            <translation>Кто участвовал</translation>
        </message>
        <message>
            <source>Other methods</source>
            <translation>Другие методы</translation>
        </message>
        <message>
            <source>In the witness's words</source>
            <translation>Словами свидетеля</translation>
        </message>
        <message>
            <source>What was demanded or said</source>
            <translation>Что требовали или говорили</translation>
        </message>
        <message>
            <source>Quote the words where the witness remembers them</source>
            <translation>Приведите слова дословно, если свидетель их помнит</translation>
        </message>
        <message>
            <source>Who else saw or heard it</source>
            <translation>Кто ещё это видел или слышал</translation>
        </message>
        <message>
            <source>Injuries from this act</source>
            <translation>Травмы от этого действия</translation>
        </message>
        <message>
            <source>Acts</source>
            <translation>Действия</translation>
        </message>
        <message>
            <source>Add act</source>
            <translation>Добавить действие</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Выше</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Ниже</translation>
        </message>
        <message>
            <source>no details yet</source>
            <translation>подробностей пока нет</translation>
        </message>
        <message>
            <source>— none or not known —</source>
            <translation>— нет или неизвестно —</translation>
        </message>
    </context>
    <context>
        <name>AttachmentPreview</name>
        <message>
            <source>Pause</source>
            <translation>Пауза</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Воспроизвести</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPage</name>
        <message>
            <source>Photos, documents and recordings are stored encrypted in the vault with their SHA-256, taken when they arrive. Originals can be deleted from this computer.</source>
            <translation>Фотографии, документы и записи хранятся в хранилище в зашифрованном виде вместе с их SHA-256, вычисленным при поступлении. Оригиналы можно удалить с этого компьютера.</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Вложения</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsView</name>
        <message>
            <source>Add files to this testimony</source>
            <translation>Добавить файлы к этому свидетельству</translation>
        </message>
        <message>
            <source>Keep the original files?</source>
            <translation>Оставить исходные файлы?</translation>
        </message>
        <message>
            <source>The files will be stored encrypted in the vault. What should happen to the originals on this computer?</source>
            <translation>Файлы будут сохранены в хранилище в зашифрованном виде. Что сделать с исходными файлами на этом компьютере?</translation>
        </message>
        <message>
            <source>Keep originals</source>
            <translation>Оставить исходные</translation>
        </message>
        <message>
            <source>Delete originals</source>
            <translation>Удалить исходные</translation>
        </message>
        <message>
            <source>Deleted originals cannot be brought back. Cancel adds nothing.</source>
            <translation>Удалённые исходные файлы нельзя вернуть. «Отмена» ничего не добавляет.</translation>
        </message>
        <message>
            <source>Remove from this draft</source>
            <translation>Убрать из этого черновика</translation>
        </message>
        <message>
            <source>Remove “%1” from this draft?</source>
            <translation>Убрать «%1» из этого черновика?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Убрать</translation>
        </message>
        <message>
            <source>If no sealed version lists it, the file is deleted from the vault. A sealed version keeps its attachments. The removal is written in the audit log.</source>
            <translation>Если ни одна запечатанная версия его не содержит, файл удаляется из хранилища. Запечатанная версия сохраняет свои вложения. Удаление записывается в журнал.</translation>
        </message>
        <message>
            <source>“%1” was removed and deleted from the vault.</source>
            <translation>«%1» убрано и удалено из хранилища.</translation>
        </message>
        <message>
            <source>“%1” was removed from this draft; the sealed version keeps it.</source>
            <translation>«%1» убрано из этого черновика; запечатанная версия его сохраняет.</translation>
        </message>
        <message>
            <source>No microphone was found. Connect one and try again.</source>
            <translation>Микрофон не найден. Подключите микрофон и повторите попытку.</translation>
        </message>
        <message>
            <source>Audio recording</source>
            <translation>Аудиозапись</translation>
        </message>
        <message>
            <source>Save an unencrypted copy</source>
            <translation>Сохранить незашифрованную копию</translation>
        </message>
        <message>
            <source>A copy was saved.</source>
            <translation>Копия сохранена.</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Добавить файлы…</translation>
        </message>
        <message>
            <source>Save a copy…</source>
            <translation>Сохранить копию…</translation>
        </message>
        <message>
            <source>Remove from this draft…</source>
            <translation>Убрать из этого черновика…</translation>
        </message>
        <message>
            <source>For a file attached by mistake. A sealed version keeps its attachments.</source>
            <translation>Для файла, добавленного по ошибке. Запечатанная версия сохраняет свои вложения.</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Описание:</translation>
        </message>
        <message>
            <source>What it shows, for the list of annexes: “Photo of bruises on the left arm, taken 12 June”</source>
            <translation>Что на нём, для списка приложений: «Фото синяков на левой руке, снято 12 июня»</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Тип:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Тип</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Добавлено</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Select an attachment to see it here.</source>
            <translation>Выберите вложение, чтобы увидеть его здесь.</translation>
        </message>
        <message>
            <source>(recording)</source>
            <translation>(идёт запись)</translation>
        </message>
        <message>
            <source>SHA-256: %s</source>
            <translation>SHA-256: %s</translation>
        </message>
        <message>
            <source>not yet known</source>
            <translation>пока неизвестно</translation>
        </message>
        <message>
            <source>No preview for this kind of file. Save a copy to open it in another program.</source>
            <translation>Для файлов этого типа нет предпросмотра. Сохраните копию, чтобы открыть её в другой программе.</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Открывается…</translation>
        </message>
        <message>
            <source>This image cannot be shown.</source>
            <translation>Это изображение не удаётся показать.</translation>
        </message>
    </context>
    <context>
        <name>BodyMarksEditor</name>
        <message>
            <source>As reported by the witness — not a medical finding.</source>
            <translation>Со слов свидетеля — не медицинское заключение.</translation>
        </message>
        <message>
            <source>Click on the figure where the witness shows an injury or pain. Drag a mark to move it; Delete removes the selected mark.</source>
            <translation>Щёлкните по фигуре там, где свидетель показывает травму или боль. Перетащите отметку, чтобы переместить её; Delete удаляет выбранную отметку.</translation>
        </message>
        <message>
            <source>Note for the selected mark</source>
            <translation>Примечание к выбранной отметке</translation>
        </message>
        <message>
            <source>What the witness says about this place</source>
            <translation>Что свидетель говорит об этом месте</translation>
        </message>
        <message>
            <source>Remove mark</source>
            <translation>Удалить отметку</translation>
        </message>
        <message>
            <source>front</source>
            <translation>спереди</translation>
        </message>
        <message>
            <source>back</source>
            <translation>сзади</translation>
        </message>
        <message>
            <source>(no note)</source>
            <translation>(без примечания)</translation>
        </message>
    </context>
    <context>
        <name>BodyOutline</name>
        <message>
            <source>Front</source>
            <extracomment>Width / height of one figure's box; the silhouette below is drawn in a 100 x 220 grid.</extracomment>
            <translation>Спереди</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Сзади</translation>
        </message>
        <message>
            <source>R</source>
            <comment>the witness's right side, one letter</comment>
            <translation>П</translation>
        </message>
        <message>
            <source>L</source>
            <comment>the witness's left side, one letter</comment>
            <translation>Л</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <source>Change passphrase</source>
            <translation>Смена парольной фразы</translation>
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation>&amp;Текущая парольная фраза:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;Новая парольная фраза:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Повторите её:</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>Две новые парольные фразы не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>ChoosePage</name>
        <message>
            <source>Sealed testimonies not yet sent. A testimony whose consent does not cover this organisation is kept back; the export says why.</source>
            <translation>Запечатанные свидетельства, которые ещё не отправлены. Свидетельство, согласие на которое не распространяется на эту организацию, не отправляется; экспорт сообщит причину.</translation>
        </message>
        <message>
            <source>Every sealed testimony has already been sent. Nothing is waiting.</source>
            <translation>Все запечатанные свидетельства уже отправлены. Ничего не ожидает отправки.</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>Выбрать &amp;все</translation>
        </message>
        <message>
            <source>Select &amp;none</source>
            <translation>Сн&amp;ять выбор</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>&amp;Экспортировать…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>This laptop signs the bundle with its own key, fingerprint %1. The organisation accepts it only once it has registered this laptop (Vault → This laptop's fingerprint…).</source>
            <translation>Этот ноутбук подписывает пакет своим ключом, отпечаток %1. Организация примет пакет, только когда зарегистрирует этот ноутбук (Хранилище → Отпечаток этого ноутбука…).</translation>
        </message>
        <message>
            <source>the enrolled organisation</source>
            <translation>зарегистрированная организация</translation>
        </message>
        <message>
            <source>Bundles go to %1 (fingerprint %2). Only that organisation can open them.</source>
            <translation>Получатель пакетов: %1 (отпечаток %2). Открыть их может только эта организация.</translation>
        </message>
        <message>
            <source>%1 · interview of %2 · version %3 · record %4</source>
            <translation>%1 · интервью от %2 · версия %3 · запись %4</translation>
        </message>
        <message>
            <source>Will be withheld: %1</source>
            <translation>Не будет отправлено: %1</translation>
        </message>
    </context>
    <context>
        <name>ConsentBanner</name>
        <message>
            <source>The witness did not agree to their name appearing, so the statement is redacted. The full statement needs a reason.</source>
            <translation>Свидетель не согласился, чтобы его имя было указано, поэтому в показаниях оно скрыто. Для полных показаний нужна причина.</translation>
        </message>
        <message>
            <source>The witness was not asked whether their name may appear, so the statement is redacted. The full statement needs a reason.</source>
            <translation>Свидетеля не спросили, можно ли указывать его имя, поэтому в показаниях оно скрыто. Для полных показаний нужна причина.</translation>
        </message>
        <message>
            <source>Full statement with the witness's name, against their consent. Your reason is kept in the record's history when you save: %1</source>
            <translation>Полные показания с именем свидетеля, вопреки его согласию. При сохранении ваша причина записывается в историю записи: %1</translation>
        </message>
        <message>
            <source>The witness did not agree to their name appearing. Why must this statement name them? The reason is kept in the record's history when you save.</source>
            <translation>Свидетель не согласился, чтобы его имя было указано. Почему в этих показаниях должно стоять его имя? При сохранении причина записывается в историю записи.</translation>
        </message>
        <message>
            <source>The witness was not asked whether their name may appear. Why must this statement name them? The reason is kept in the record's history when you save.</source>
            <translation>Свидетеля не спросили, можно ли указывать его имя. Почему в этих показаниях должно стоять его имя? При сохранении причина записывается в историю записи.</translation>
        </message>
        <message>
            <source>Full statement with the name</source>
            <translation>Полные показания с именем</translation>
        </message>
    </context>
    <context>
        <name>ConsentPage</name>
        <message>
            <source>Explain why the testimony is taken and how it may be used, then ask about each use separately. The witness may refuse any of them, take a break, or stop at any time.</source>
            <translation>Объясните, зачем записываются показания и как они могут быть использованы, затем спросите о каждом виде использования отдельно. Свидетель может отказаться от любого из них, сделать перерыв или остановиться в любой момент.</translation>
        </message>
        <message>
            <source>Before the interview</source>
            <translation>Перед интервью</translation>
        </message>
        <message>
            <source>The witness was told the purpose of the interview and how the testimony may be used</source>
            <translation>Свидетелю объяснили цель интервью и то, как могут быть использованы его показания</translation>
        </message>
        <message>
            <source>The witness was told they may stop, take a break or decline to answer at any time</source>
            <translation>Свидетелю объяснили, что он(а) может в любой момент прекратить интервью, сделать перерыв или не отвечать на вопрос</translation>
        </message>
        <message>
            <source>The witness speaks freely, without pressure from anyone</source>
            <translation>Свидетель говорит свободно, без чьего-либо давления</translation>
        </message>
        <message>
            <source>What the witness agrees to</source>
            <translation>На что свидетель соглашается</translation>
        </message>
        <message>
            <source>Use in legal proceedings (courts, prosecutors, international bodies)</source>
            <translation>Использование в судебных разбирательствах (суды, прокуратура, международные органы)</translation>
        </message>
        <message>
            <source>Their name may appear in the statement</source>
            <translation>Имя может быть указано в заявлении</translation>
        </message>
        <message>
            <source>Publication (reports, media)</source>
            <translation>Публикация (доклады, СМИ)</translation>
        </message>
        <message>
            <source>Audio recording of this interview</source>
            <translation>Аудиозапись этого интервью</translation>
        </message>
        <message>
            <source>Contact later for follow-up</source>
            <translation>Связаться позже для уточнений</translation>
        </message>
        <message>
            <source>One organisation per line</source>
            <translation>Одна организация в строке</translation>
        </message>
        <message>
            <source>Organisations that may receive it</source>
            <translation>Организации, которые могут его получить</translation>
        </message>
        <message>
            <source>Refusals and reasons</source>
            <translation>Отказы и их причины</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Согласие</translation>
        </message>
        <message>
            <source>Consent is recorded (%s).</source>
            <translation>Согласие зафиксировано (%s).</translation>
        </message>
        <message>
            <source>Consent is not recorded yet. The testimony can be sealed only once the purpose was explained, the witness speaks freely, and they answered about legal proceedings and the use of their name.</source>
            <translation>Согласие ещё не зафиксировано. Свидетельство можно запечатать, только когда цель объяснена, свидетель говорит свободно и ответил насчёт судебного разбирательства и использования своего имени.</translation>
        </message>
    </context>
    <context>
        <name>CorroborationPane</name>
        <message>
            <source>Select an entry to see who names it.</source>
            <translation>Выберите запись, чтобы увидеть, в каких свидетельствах она упоминается.</translation>
        </message>
        <message numerus="yes">
            <source>%n testimonies name this entry.</source>
            <translation>
                <numerusform>Упоминается в %n свидетельстве.</numerusform>
                <numerusform>Упоминается в %n свидетельствах.</numerusform>
                <numerusform>Упоминается в %n свидетельствах.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n independent witnesses.</source>
            <translation>
                <numerusform>%n независимый свидетель.</numerusform>
                <numerusform>%n независимых свидетеля.</numerusform>
                <numerusform>%n независимых свидетелей.</numerusform>
            </translation>
        </message>
        <message>
            <source>(no date)</source>
            <translation>(дата не указана)</translation>
        </message>
        <message>
            <source>(no place)</source>
            <translation>(место не указано)</translation>
        </message>
        <message>
            <source>(not named)</source>
            <translation>(не назван)</translation>
        </message>
        <message>
            <source>The start of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18.</source>
            <translation>Начало периода — не дата. Укажите его как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД, например 2017, 2017-05 или 2017-05-18.</translation>
        </message>
        <message>
            <source>The end of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18.</source>
            <translation>Конец периода — не дата. Укажите его как ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД, например 2017, 2017-05 или 2017-05-18.</translation>
        </message>
        <message>
            <source>The start of the period (%1) is later than its end (%2). Correct one of the two dates.</source>
            <translation>Начало периода (%1) позже его конца (%2). Исправьте одну из двух дат.</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>&amp;С</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>&amp;По</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>&amp;Место</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD</source>
            <translation>Год, месяц или день: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
        </message>
        <message>
            <source>Any place</source>
            <translation>Любое место</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>Пр&amp;именить</translation>
        </message>
        <message>
            <source>Testimonies that name it</source>
            <translation>Свидетельства, в которых она упоминается</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Свидетель</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Запись</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Даты</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Места</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Методы</translation>
        </message>
        <message>
            <source>Timeline of acts</source>
            <translation>Хронология действий</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Perpetrators</source>
            <translation>Исполнители</translation>
        </message>
        <message>
            <source>Perpetrators × methods (number of independent witnesses)</source>
            <translation>Исполнители × методы (число независимых свидетелей)</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultPage</name>
        <message>
            <source>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even you, can open the vault.</source>
            <extracomment>The weakest score (0–4) accepted for a new passphrase. Longest wait between two wrong passphrases, in seconds. How a page's message line looks: an error must read as one at a glance (GUI review D18).</extracomment>
            <translation>Запишите эту парольную фразу и храните её отдельно от ноутбука. Без неё никто, даже вы, не сможет открыть хранилище.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>Создание хранилища…</translation>
        </message>
        <message>
            <source>Create your vault</source>
            <translation>Создайте хранилище</translation>
        </message>
        <message>
            <source>Testimonies are kept in an encrypted vault on this computer. Choose a passphrase of several words that you will remember. It cannot be recovered if it is forgotten.</source>
            <translation>Свидетельства хранятся в зашифрованном хранилище на этом компьютере. Выберите парольную фразу из нескольких слов, которую вы запомните. Если её забыть, восстановить её невозможно.</translation>
        </message>
        <message>
            <source>The vault will be created in: %1</source>
            <translation>Хранилище будет создано здесь: %1</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Парольная фраза:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Повторите её:</translation>
        </message>
        <message>
            <source>&amp;Show passphrase</source>
            <translation>&amp;Показать парольную фразу</translation>
        </message>
        <message>
            <source>&amp;Generate a passphrase</source>
            <translation>&amp;Сгенерировать парольную фразу</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>Созд&amp;ать хранилище</translation>
        </message>
        <message>
            <source>Use four or more unrelated words.</source>
            <translation>Используйте четыре или больше не связанных между собой слов.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>Парольные фразы не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>DetentionPage</name>
        <message>
            <source>One episode for each period in custody or each place, in order. Approximate dates are fine: say how exactly the witness remembers them.</source>
            <translation>Один эпизод на каждый период содержания под стражей или каждое место, по порядку. Приблизительные даты допустимы: укажите, насколько точно свидетель их помнит.</translation>
        </message>
        <message>
            <source>No detention episodes yet. Press Add episode for each period in custody.</source>
            <translation>Эпизодов задержания пока нет. Нажмите «Добавить эпизод» для каждого периода содержания под стражей.</translation>
        </message>
        <message>
            <source>From</source>
            <translation>С</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>По</translation>
        </message>
        <message>
            <source>Place of detention</source>
            <translation>Место содержания</translation>
        </message>
        <message>
            <source>Kind of detention</source>
            <translation>Вид задержания</translation>
        </message>
        <message>
            <source>How the arrest or abduction happened</source>
            <translation>Как произошли арест или похищение</translation>
        </message>
        <message>
            <source>Transfers between places</source>
            <translation>Перемещения между местами</translation>
        </message>
        <message>
            <source>Contact with family and the outside</source>
            <translation>Связь с семьёй и внешним миром</translation>
        </message>
        <message>
            <source>Access to a lawyer</source>
            <translation>Доступ к адвокату</translation>
        </message>
        <message>
            <source>Statements or documents signed</source>
            <translation>Подписанные показания или документы</translation>
        </message>
        <message>
            <source>Medical attention in custody</source>
            <translation>Медицинская помощь под стражей</translation>
        </message>
        <message>
            <source>Description of the place</source>
            <translation>Описание места</translation>
        </message>
        <message>
            <source>Building, cell, floor: enough to find it again</source>
            <translation>Здание, камера, этаж: достаточно, чтобы найти его снова</translation>
        </message>
        <message>
            <source>Held by</source>
            <translation>Кем удерживался</translation>
        </message>
        <message>
            <source>Police, military police, security service, unit</source>
            <translation>Полиция, военная полиция, служба безопасности, часть</translation>
        </message>
        <message>
            <source>How they were signed</source>
            <translation>Как они были подписаны</translation>
        </message>
        <message>
            <source>Under threat, without reading, without a lawyer</source>
            <translation>Под угрозой, не читая, без адвоката</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>Условия</translation>
        </message>
        <message>
            <source>Cell, food, water, sleep, light, toilet</source>
            <translation>Камера, еда, вода, сон, свет, туалет</translation>
        </message>
        <message>
            <source>Court</source>
            <translation>Суд</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>Номер дела</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Заметки</translation>
        </message>
        <message>
            <source>Detention</source>
            <translation>Задержание</translation>
        </message>
        <message>
            <source>Add episode</source>
            <translation>Добавить эпизод</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Выше</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Ниже</translation>
        </message>
        <message>
            <source>place not given</source>
            <translation>место не указано</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— не указано —</translation>
        </message>
    </context>
    <context>
        <name>DeviceDialog</name>
        <message>
            <source>This laptop's fingerprint</source>
            <translation>Отпечаток этого ноутбука</translation>
        </message>
        <message>
            <source>The organisation accepts bundles only from laptops it has registered. Give it the device key below, then read this fingerprint to it over the phone: it registers this laptop only if the fingerprint its program shows for the key is the same.</source>
            <translation>Организация принимает пакеты только с ноутбуков, которые она зарегистрировала. Передайте ей ключ устройства ниже, затем продиктуйте ей этот отпечаток по телефону: она регистрирует ноутбук, только если её программа показывает для этого ключа тот же отпечаток.</translation>
        </message>
        <message>
            <source>Device key (not secret):</source>
            <translation>Ключ устройства (не секретный):</translation>
        </message>
        <message>
            <source>&amp;Copy the key</source>
            <translation>&amp;Скопировать ключ</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>EditorHeader</name>
        <message>
            <source>Editing…</source>
            <translation>Редактирование…</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Открывается…</translation>
        </message>
        <message>
            <source>Sealing…</source>
            <translation>Запечатывание…</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Сохранено %s</translation>
        </message>
        <message>
            <source>Not saved — the disk is full. Your text is kept.</source>
            <translation>Не сохранено — диск заполнен. Ваш текст не потерян.</translation>
        </message>
        <message>
            <source>Not saved — this version is sealed.</source>
            <translation>Не сохранено — эта версия запечатана.</translation>
        </message>
        <message>
            <source>Not saved — the vault is locked.</source>
            <translation>Не сохранено — хранилище заблокировано.</translation>
        </message>
        <message>
            <source>Not saved — your text is kept; retrying.</source>
            <translation>Не сохранено — ваш текст не потерян; повторная попытка.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Save now (Ctrl+S). Drafts are also saved automatically a second after you stop typing.</source>
            <translation>Сохранить сейчас (Ctrl+S). Черновики также сохраняются сами через секунду после того, как вы перестали печатать.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>This version is sealed and cannot be changed. To correct or add something, start an amendment.</source>
            <translation>Эта версия запечатана и не может быть изменена. Чтобы исправить или дополнить что-то, начните поправку.</translation>
        </message>
        <message>
            <source>Amend…</source>
            <translation>Внести поправку…</translation>
        </message>
        <message>
            <source>Sealed · version %d</source>
            <translation>Запечатано · версия %d</translation>
        </message>
        <message>
            <source>Amendment draft · version %d</source>
            <translation>Черновик поправки · версия %d</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Черновик</translation>
        </message>
        <message>
            <source>● Recording %s</source>
            <translation>● Идёт запись %s</translation>
        </message>
    </context>
    <context>
        <name>EffectsPage</name>
        <message>
            <source>Physical and psychological effects as the witness describes them, now and since. Mark on the outline where the witness shows injuries or pain.</source>
            <translation>Физические и психологические последствия так, как их описывает свидетель, — сейчас и с тех пор. Отметьте на фигуре места, где свидетель показывает травмы или боль.</translation>
        </message>
        <message>
            <source>In the witness's words</source>
            <translation>Словами свидетеля</translation>
        </message>
        <message>
            <source>Physical injuries and symptoms</source>
            <translation>Физические травмы и симптомы</translation>
        </message>
        <message>
            <source>Psychological effects</source>
            <translation>Психологические последствия</translation>
        </message>
        <message>
            <source>Sleep, fear, memory, mood</source>
            <translation>Сон, страх, память, настроение</translation>
        </message>
        <message>
            <source>Medical treatment received or refused</source>
            <translation>Полученное или отказанное лечение</translation>
        </message>
        <message>
            <source>Where on the body</source>
            <translation>Где на теле</translation>
        </message>
        <message>
            <source>Injuries and effects</source>
            <translation>Травмы и последствия</translation>
        </message>
    </context>
    <context>
        <name>EnrolPage</name>
        <message>
            <source>No organisation is enrolled on this laptop yet, so nothing can be sent. Enter the keys the organisation gave you (or run testimony-app enrol), then compare the fingerprint with the one the organisation reads out to you.</source>
            <translation>На этом ноутбуке ещё не зарегистрирована ни одна организация, поэтому отправить ничего нельзя. Введите ключи, которые дала вам организация (или выполните testimony-app enrol), затем сравните отпечаток с тем, который продиктует вам организация.</translation>
        </message>
        <message>
            <source>&amp;Recipient (age1…):</source>
            <translation>&amp;Получатель (age1…):</translation>
        </message>
        <message>
            <source>Receipt &amp;key (ed25519:…):</source>
            <translation>&amp;Ключ квитанций (ed25519:…):</translation>
        </message>
        <message>
            <source>Organisation &amp;name:</source>
            <translation>&amp;Название организации:</translation>
        </message>
        <message>
            <source>As the witness named it in their consent</source>
            <translation>Так, как свидетель назвал её в согласии</translation>
        </message>
        <message>
            <source>Show the &amp;fingerprint</source>
            <translation>Показать &amp;отпечаток</translation>
        </message>
        <message>
            <source>The organisation read out exactly this fingerprint, every character</source>
            <translation>Организация продиктовала именно этот отпечаток, до последнего символа</translation>
        </message>
        <message>
            <source>&amp;Enrol</source>
            <translation>&amp;Зарегистрировать</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>EntriesPane</name>
        <message>
            <source>Merge “%1” into “%2”? Every link of the first moves to the second. You can undo the merge later.</source>
            <translation>Объединить запись «%1» с записью «%2»? Все связи первой перейдут ко второй. Объединение можно будет отменить.</translation>
        </message>
        <message>
            <source>Merge entries</source>
            <translation>Объединение записей</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>Объединить</translation>
        </message>
        <message>
            <source>Search names, ranks, units…</source>
            <translation>Поиск по именам, званиям, подразделениям…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Все виды</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Лица</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Места</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Подразделения</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Вид</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя / название</translation>
        </message>
        <message>
            <source>Rank / unit</source>
            <translation>Звание / подразделение</translation>
        </message>
        <message>
            <source>Testimonies</source>
            <translation>Свидетельства</translation>
        </message>
        <message>
            <source>&amp;Merge…</source>
            <translation>&amp;Объединить…</translation>
        </message>
        <message>
            <source>Select two entries that are one person or place</source>
            <translation>Выберите две записи об одном и том же лице или месте</translation>
        </message>
        <message>
            <source>&amp;Undo merge</source>
            <translation>О&amp;тменить объединение</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Where to write the bundle</source>
            <translation>Куда записать пакет</translation>
        </message>
        <message>
            <source>Encrypted bundles (*.age)</source>
            <translation>Зашифрованные пакеты (*.age)</translation>
        </message>
        <message>
            <source>Preparing the statements and the records…</source>
            <translation>Подготовка заявлений и записей…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) in the outbox (handed-over testimonies) will be copied too.</source>
            <translation>
                <numerusform>%n пакет из исходящих (переданные свидетельства) тоже будет скопирован.</numerusform>
                <numerusform>%n пакета из исходящих (переданные свидетельства) тоже будут скопированы.</numerusform>
                <numerusform>%n пакетов из исходящих (переданные свидетельства) тоже будут скопированы.</numerusform>
            </translation>
        </message>
        <message>
            <source>Writing the encrypted bundle: %1 of %2</source>
            <translation>Запись зашифрованного пакета: %1 из %2</translation>
        </message>
        <message>
            <source>Reading the bundle back to check it…</source>
            <translation>Пакет считывается обратно для проверки…</translation>
        </message>
        <message>
            <source>The export was cancelled; no bundle was written.</source>
            <translation>Экспорт отменён; пакет не записан.</translation>
        </message>
        <message>
            <source>Export to the organisation</source>
            <translation>Экспорт в организацию</translation>
        </message>
        <message>
            <source>Looking for testimonies to send…</source>
            <translation>Поиск свидетельств для отправки…</translation>
        </message>
        <message>
            <source>The bundle is written under a temporary name, read back and checked, and only then given its name. Cancelling leaves nothing behind.</source>
            <translation>Пакет записывается под временным именем, считывается обратно и проверяется, и только после этого получает своё имя. При отмене ничего не остаётся.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Checking the redaction…</source>
            <translation>Проверка скрытия данных…</translation>
        </message>
    </context>
    <context>
        <name>ExportResultPage</name>
        <message numerus="yes">
            <source>The bundle was written, read back and checked: %n testimony(ies), %1, in %2</source>
            <translation>
                <numerusform>Пакет записан, считан обратно и проверен: %n свидетельство, %1, в %2</numerusform>
                <numerusform>Пакет записан, считан обратно и проверен: %n свидетельства, %1, в %2</numerusform>
                <numerusform>Пакет записан, считан обратно и проверен: %n свидетельств, %1, в %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) from the outbox (handed-over testimonies) copied to %1; they stay in the outbox until the organisation's receipt names them.</source>
            <translation>
                <numerusform>%n пакет из исходящих (переданные свидетельства) скопирован в %1; он остаётся в исходящих, пока его не назовёт квитанция организации.</numerusform>
                <numerusform>%n пакета из исходящих (переданные свидетельства) скопированы в %1; они остаются в исходящих, пока их не назовёт квитанция организации.</numerusform>
                <numerusform>%n пакетов из исходящих (переданные свидетельства) скопированы в %1; они остаются в исходящих, пока их не назовёт квитанция организации.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (record %2): %3</source>
            <translation>%1 (запись %2): %3</translation>
        </message>
        <message>
            <source>%1 (record %2): version %3</source>
            <translation>%1 (запись %2): версия %3</translation>
        </message>
        <message>
            <source>%1 (record %2): versions %3</source>
            <translation>%1 (запись %2): версии %3</translation>
        </message>
        <message>
            <source>statement in %1</source>
            <translation>заявление на языке: %1</translation>
        </message>
        <message>
            <source>redacted: the witness's name may not appear</source>
            <translation>обезличено: имя свидетеля не может быть указано</translation>
        </message>
        <message numerus="yes">
            <source>%n attachment(s)</source>
            <translation>
                <numerusform>%n вложение</numerusform>
                <numerusform>%n вложения</numerusform>
                <numerusform>%n вложений</numerusform>
            </translation>
        </message>
        <message>
            <source>SHA-256 of the bundle (the organisation should get the same):</source>
            <translation>SHA-256 пакета (у организации должно получиться то же самое):</translation>
        </message>
        <message>
            <source>Exported:</source>
            <translation>Экспортировано:</translation>
        </message>
        <message>
            <source>Withheld, and why:</source>
            <translation>Не отправлено, и почему:</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>GuideViewer</name>
        <message>
            <source>Interviewer's guide</source>
            <translation>Руководство для интервьюера</translation>
        </message>
        <message>
            <source>&amp;Language of the guide:</source>
            <translation>&amp;Язык руководства:</translation>
        </message>
    </context>
    <context>
        <name>HandedOverPage</name>
        <message>
            <source>Received: the organisation's receipt names it.</source>
            <translation>Получено: квитанция организации его называет.</translation>
        </message>
        <message>
            <source>Waiting in the outbox for the organisation's receipt</source>
            <translation>Ждёт в исходящих квитанции организации</translation>
        </message>
        <message numerus="yes">
            <source>copied out %n time(s)</source>
            <translation>
                <numerusform>скопирован %n раз</numerusform>
                <numerusform>скопирован %n раза</numerusform>
                <numerusform>скопирован %n раз</numerusform>
            </translation>
        </message>
        <message>
            <source>Handed over — held only by the organisation</source>
            <translation>Передано — хранится только у организации</translation>
        </message>
        <message>
            <source>This testimony was sealed and handed over in high-risk mode. Its content, names and attachments are no longer on this laptop, and no passphrase can show them here: only the organisation can open its bundle. What this laptop keeps is below.</source>
            <translation>Это свидетельство запечатано и передано в режиме высокого риска. Его текста, имён и вложений на этом компьютере больше нет, и никакой пароль не покажет их здесь: открыть пакет может только организация. Ниже — то, что остаётся на этом компьютере.</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>Псевдоним</translation>
        </message>
        <message>
            <source>Interview date</source>
            <translation>Дата интервью</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Версия</translation>
        </message>
        <message>
            <source>Content hash (SHA-256)</source>
            <translation>Хеш содержимого (SHA-256)</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Передано</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>Назад к списку</translation>
        </message>
    </context>
    <context>
        <name>HandoverControl</name>
        <message>
            <source>Hand over</source>
            <translation>Передать</translation>
        </message>
        <message>
            <source>Hand this testimony over to the organisation? Its bundle goes into the outbox, and its content, names and attachments are deleted from this laptop: you will no longer be able to read, print or amend it here.</source>
            <translation>Передать это свидетельство организации? Его пакет попадёт в исходящие, а текст, имена и вложения будут удалены с этого компьютера: здесь его больше нельзя будет прочитать, напечатать или исправить.</translation>
        </message>
        <message>
            <source>Print or save the statement for the witness to sign first.</source>
            <translation>Сначала напечатайте или сохраните заявление, чтобы свидетель его подписал.</translation>
        </message>
        <message>
            <source>Handing over…</source>
            <translation>Передача…</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) handed over to the outbox</source>
            <translation>
                <numerusform>%n свидетельство передано в исходящие</numerusform>
                <numerusform>%n свидетельства переданы в исходящие</numerusform>
                <numerusform>%n свидетельств передано в исходящие</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>About Testimony</source>
            <translation>О программе Testimony</translation>
        </message>
        <message>
            <source>Testimony %1: offline, encrypted documentation of torture and arbitrary detention.

The vault is encrypted with your passphrase. It does not protect a laptop that is left unlocked, asleep or hibernating: lock it (Ctrl+Shift+L) and shut the computer down before a checkpoint. Use full-disk encryption.</source>
            <translation>Testimony %1: автономное зашифрованное документирование пыток и произвольных задержаний.

Хранилище зашифровано вашей парольной фразой. Оно не защищает ноутбук, оставленный незаблокированным, в спящем режиме или в гибернации: перед блокпостом заблокируйте хранилище (Ctrl+Shift+L) и выключите компьютер. Используйте шифрование всего диска.</translation>
        </message>
    </context>
    <context>
        <name>HighRiskDialog</name>
        <message>
            <source>High-risk mode</source>
            <translation>Режим высокого риска</translation>
        </message>
        <message>
            <source>What it protects</source>
            <translation>Что он защищает</translation>
        </message>
        <message>
            <source>If you may be stopped and made to type your passphrase: once a sealed testimony is handed over, its bundle waits in the outbox, encrypted so that only the organisation can open it, and everything readable of it is deleted from this laptop — text, names, attachments, search index and backups. The passphrase then opens nothing of it.</source>
            <translation>Если вас могут остановить и заставить ввести пароль: после передачи запечатанного свидетельства его пакет ждёт в исходящих, зашифрованный так, что открыть его может только организация, а всё читаемое удаляется с этого компьютера — текст, имена, вложения, поисковый индекс и резервные копии. Пароль больше ничего из него не открывает.</translation>
        </message>
        <message>
            <source>What it costs</source>
            <translation>Чего это стоит</translation>
        </message>
        <message>
            <source>After the hand-over this laptop can no longer show, print or amend the testimony. Print or save the statement for the witness to sign before you hand it over. Only the pseudonym, the interview date and the content hash stay here.</source>
            <translation>После передачи этот компьютер больше не может показать, напечатать или исправить свидетельство. Напечатайте или сохраните заявление для подписи свидетеля до передачи. Здесь остаются только псевдоним, дата интервью и хеш содержимого.</translation>
        </message>
        <message>
            <source>Drafts stay readable until they are sealed, and a photo or paper copy of the statement is beyond the program's reach.</source>
            <translation>Черновики остаются читаемыми, пока не запечатаны, а фотография или бумажная копия заявления программе неподвластны.</translation>
        </message>
        <message>
            <source>Hand sealed testimonies over to the organisation</source>
            <translation>Передавать запечатанные свидетельства организации</translation>
        </message>
        <message>
            <source>Hand over by itself, this many hours after sealing:</source>
            <translation>Передавать автоматически через столько часов после запечатывания:</translation>
        </message>
        <message>
            <source> h</source>
            <translation> ч</translation>
        </message>
        <message>
            <source>0: as soon as the sealed testimony is closed. A testimony open in the window is never handed over by itself.</source>
            <translation>0: как только запечатанное свидетельство закрыто. Свидетельство, открытое в окне, никогда не передаётся автоматически.</translation>
        </message>
        <message>
            <source>Enrol the organisation first (Vault → Export to the organisation…): a hand-over encrypts to its key.</source>
            <translation>Сначала зарегистрируйте организацию (Хранилище → Экспорт в организацию…): передача шифруется её ключом.</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) handed over</source>
            <translation>
                <numerusform>%n свидетельство передано</numerusform>
                <numerusform>%n свидетельства передано</numerusform>
                <numerusform>%n свидетельств передано</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) in the outbox</source>
            <translation>
                <numerusform>%n пакет в исходящих</numerusform>
                <numerusform>%n пакета в исходящих</numerusform>
                <numerusform>%n пакетов в исходящих</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message numerus="yes">
            <source>The vault locks in %n second(s): nothing was typed for a while. Press a key or move the mouse to keep it open.</source>
            <translation>
                <numerusform>Хранилище заблокируется через %n секунду: какое-то время ничего не вводилось. Нажмите любую клавишу или сдвиньте мышь, чтобы оставить его открытым.</numerusform>
                <numerusform>Хранилище заблокируется через %n секунды: какое-то время ничего не вводилось. Нажмите любую клавишу или сдвиньте мышь, чтобы оставить его открытым.</numerusform>
                <numerusform>Хранилище заблокируется через %n секунд: какое-то время ничего не вводилось. Нажмите любую клавишу или сдвиньте мышь, чтобы оставить его открытым.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportRow</name>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Storing %s</source>
            <translation>Сохраняется %s</translation>
        </message>
        <message>
            <source>Cancelled; nothing was added.</source>
            <translation>Отменено; ничего не добавлено.</translation>
        </message>
    </context>
    <context>
        <name>InterviewPage</name>
        <message>
            <source>Where, when and with whom the interview took place, and anything that restricted it. Press Now at the start and at the end.</source>
            <extracomment>Fields of the testimony itself (not of ``interview``) that live on this page.</extracomment>
            <translation>Где, когда и с кем проходило интервью и что его ограничивало. Нажмите «Сейчас» в начале и в конце.</translation>
        </message>
        <message>
            <source>When and where</source>
            <translation>Когда и где</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Сегодня</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Дата</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>Сейчас</translation>
        </message>
        <message>
            <source>Started at</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Ended at</source>
            <translation>Окончание</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Town or village, address</source>
            <translation>Город или село, адрес</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Обстановка</translation>
        </message>
        <message>
            <source>Home, office, which room; could anyone overhear?</source>
            <translation>Дом, офис, какая комната; мог ли кто-то подслушать?</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>Переводчик</translation>
        </message>
        <message>
            <source>Name; leave empty if there was none</source>
            <translation>Имя; оставьте пустым, если его не было</translation>
        </message>
        <message>
            <source>Everyone present</source>
            <translation>Все присутствующие</translation>
        </message>
        <message>
            <source>Name and role, one person per line</source>
            <translation>Имя и роль, по одному человеку в строке</translation>
        </message>
        <message>
            <source>Interpreted into</source>
            <translation>Язык устного перевода</translation>
        </message>
        <message>
            <source>The language the interpreter spoke to the interviewer. Leave it empty if there was no interpreter; a written translation of the narrative is set on the Narrative page.</source>
            <translation>Язык, на котором переводчик говорил с интервьюером. Оставьте пустым, если переводчика не было; письменный перевод рассказа указывается на странице «Рассказ».</translation>
        </message>
        <message>
            <source>Restrictions</source>
            <translation>Ограничения</translation>
        </message>
        <message>
            <source>Time limits, security forces nearby, fear, interruptions</source>
            <translation>Ограничения по времени, силовики поблизости, страх, перерывы</translation>
        </message>
        <message>
            <source>How it was recorded</source>
            <translation>Как велась запись</translation>
        </message>
        <message>
            <source>Written notes, audio recording</source>
            <translation>Письменные заметки, аудиозапись</translation>
        </message>
        <message>
            <source>Interviewer's observations</source>
            <translation>Наблюдения интервьюера</translation>
        </message>
        <message>
            <source>Demeanour, visible marks, breaks, inconsistencies</source>
            <translation>Поведение, видимые следы, перерывы, несоответствия</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Люди</translation>
        </message>
        <message>
            <source>Interviewer</source>
            <translation>Интервьюер</translation>
        </message>
        <message>
            <source>Interviewer's organisation</source>
            <translation>Организация интервьюера</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Language of the interview</source>
            <translation>Язык интервью</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>Условия</translation>
        </message>
        <message>
            <source>About this record</source>
            <translation>Об этой записи</translation>
        </message>
        <message>
            <source>A working title that does not name the witness</source>
            <translation>Рабочее название, не называющее свидетеля</translation>
        </message>
        <message>
            <source>Working title</source>
            <translation>Рабочее название</translation>
        </message>
        <message>
            <source>Fictional record, for training or demonstration</source>
            <translation>Вымышленная запись, для обучения или демонстрации</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>Интервью</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— не указано —</translation>
        </message>
    </context>
    <context>
        <name>KeyboardHints</name>
        <message>
            <source>Caps Lock is on</source>
            <translation>Включён Caps Lock</translation>
        </message>
        <message>
            <source>Keyboard layout: %1</source>
            <translation>Раскладка клавиатуры: %1</translation>
        </message>
        <message>
            <source>Typing: %1</source>
            <translation>Ввод: %1</translation>
        </message>
        <message>
            <source>Latin letters</source>
            <translation>латиница</translation>
        </message>
        <message>
            <source>Cyrillic letters</source>
            <translation>кириллица</translation>
        </message>
        <message>
            <source>Armenian letters</source>
            <translation>армянские буквы</translation>
        </message>
        <message>
            <source>Arabic letters</source>
            <translation>арабские буквы</translation>
        </message>
        <message>
            <source>Georgian letters</source>
            <translation>грузинские буквы</translation>
        </message>
    </context>
    <context>
        <name>LockTriggers</name>
        <message numerus="yes">
            <source>Locked after %n minute(s) without activity.</source>
            <translation>
                <numerusform>Заблокировано после %n минуты бездействия.</numerusform>
                <numerusform>Заблокировано после %n минут бездействия.</numerusform>
                <numerusform>Заблокировано после %n минут бездействия.</numerusform>
            </translation>
        </message>
        <message>
            <source>Locked.</source>
            <translation>Заблокировано.</translation>
        </message>
        <message>
            <source>Locked because the computer went to sleep or the screen locked.</source>
            <translation>Заблокировано: компьютер перешёл в спящий режим или экран был заблокирован.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Quit without saving?</source>
            <translation>Выйти без сохранения?</translation>
        </message>
        <message>
            <source>The last changes to this testimony could not be saved. If you quit now they are lost.</source>
            <translation>Последние изменения в этом свидетельстве не удалось сохранить. Если выйти сейчас, они будут потеряны.</translation>
        </message>
        <message>
            <source>Quit and lose them</source>
            <translation>Выйти и потерять их</translation>
        </message>
        <message>
            <source>Testimony</source>
            <translation>Testimony</translation>
        </message>
    </context>
    <context>
        <name>NarrativePage</name>
        <message>
            <source>The witness's own words, in the language spoken. Leave an empty line between paragraphs: the numbers in the margin are the paragraph numbers of the statement.</source>
            <translation>Собственные слова свидетеля на языке, на котором он говорил. Оставляйте пустую строку между абзацами: числа на полях — номера абзацев заявления.</translation>
        </message>
        <message>
            <source>Show the translation</source>
            <translation>Показать перевод</translation>
        </message>
        <message>
            <source>Language of the written translation</source>
            <translation>Язык письменного перевода</translation>
        </message>
        <message>
            <source>The language of the translation typed beside the narrative; it need not be the interpreter's language.</source>
            <translation>Язык перевода, набранного рядом с рассказом; он может не совпадать с языком переводчика.</translation>
        </message>
        <message>
            <source>Narrative</source>
            <translation>Рассказ</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— не указано —</translation>
        </message>
        <message>
            <source>Paragraphs: %d</source>
            <translation>Абзацев: %d</translation>
        </message>
        <message>
            <source>in the translation: %d</source>
            <translation>в переводе: %d</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>Fit &amp;width</source>
            <translation>По &amp;ширине</translation>
        </message>
        <message>
            <source>Whole &amp;page</source>
            <translation>&amp;Страница целиком</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Уменьшить</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Увеличить</translation>
        </message>
    </context>
    <context>
        <name>PerpetratorTable</name>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Звание</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <source>Involvement</source>
            <translation>Участие</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Описание</translation>
        </message>
        <message>
            <source>Appearance, uniform, vehicle, what others called them</source>
            <translation>Внешность, форма, транспорт, как его называли другие</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>Добавить человека</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Удалить человека</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Choose the organisation's receipt</source>
            <translation>Выберите квитанцию организации</translation>
        </message>
        <message>
            <source>Receipts (*.txt *.receipt);;All files (*)</source>
            <translation>Квитанции (*.txt *.receipt);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Checking the receipt's signature…</source>
            <translation>Проверка подписи квитанции…</translation>
        </message>
        <message>
            <source>Purge from this laptop</source>
            <translation>Удаление с этого ноутбука</translation>
        </message>
        <message numerus="yes">
            <source>Delete the content of %n testimony(ies) from this laptop? The organisation holds them. Only their ids and hashes stay here, and this cannot be undone.</source>
            <translation>
                <numerusform>Удалить с этого ноутбука содержимое %n свидетельства? Оно есть у организации. Здесь останутся только его идентификатор и хеши, и отменить это нельзя.</numerusform>
                <numerusform>Удалить с этого ноутбука содержимое %n свидетельств? Они есть у организации. Здесь останутся только их идентификаторы и хеши, и отменить это нельзя.</numerusform>
                <numerusform>Удалить с этого ноутбука содержимое %n свидетельств? Они есть у организации. Здесь останутся только их идентификаторы и хеши, и отменить это нельзя.</numerusform>
            </translation>
        </message>
        <message>
            <source>Purge</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Deleting the content and writing a fresh backup…</source>
            <translation>Удаление содержимого и запись новой резервной копии…</translation>
        </message>
        <message>
            <source>%1 (record %2)</source>
            <translation>%1 (запись %2)</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Purge %n testimony(ies) from this laptop…</source>
            <translation>
                <numerusform>&amp;Удалить %n свидетельство с этого ноутбука…</numerusform>
                <numerusform>&amp;Удалить %n свидетельства с этого ноутбука…</numerusform>
                <numerusform>&amp;Удалить %n свидетельств с этого ноутбука…</numerusform>
            </translation>
        </message>
        <message>
            <source>No receipt has been checked yet.</source>
            <translation>Квитанция ещё не проверена.</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) deleted from this laptop.</source>
            <translation>
                <numerusform>С этого ноутбука удалено %n свидетельство.</numerusform>
                <numerusform>С этого ноутбука удалено %n свидетельства.</numerusform>
                <numerusform>С этого ноутбука удалено %n свидетельств.</numerusform>
            </translation>
        </message>
        <message>
            <source>A fresh encrypted backup replaced the older ones, which still held the content.</source>
            <translation>Новая зашифрованная резервная копия заменила прежние, в которых это содержимое ещё было.</translation>
        </message>
        <message>
            <source>Organisation's receipt</source>
            <translation>Квитанция организации</translation>
        </message>
        <message>
            <source>Purging deletes the testimonies' text, names and attachments from this laptop and keeps only each record's id and the hashes that prove what the organisation received.</source>
            <translation>Удаление стирает с этого ноутбука текст свидетельств, имена и вложения и оставляет только идентификатор каждой записи и хеши, доказывающие, что именно получила организация.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>The receipt is genuine: the organisation confirms it received bundle %1 on %2.</source>
            <translation>Квитанция подлинная: организация подтверждает, что получила пакет %1 (%2).</translation>
        </message>
        <message>
            <source>can be purged from this laptop</source>
            <translation>можно удалить с этого ноутбука</translation>
        </message>
        <message>
            <source>purged: its content is no longer on this laptop</source>
            <translation>удалено: содержимого больше нет на этом ноутбуке</translation>
        </message>
        <message>
            <source>KEPT on this laptop</source>
            <translation>ОСТАЁТСЯ на этом ноутбуке</translation>
        </message>
        <message numerus="yes">
            <source>%1, version(s) %2: %3</source>
            <translation>
                <numerusform>%1, версия %2: %3</numerusform>
                <numerusform>%1, версии %2: %3</numerusform>
                <numerusform>%1, версии %2: %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Its id and hashes stay, as proof of what was sent.</source>
            <translation>Его идентификатор и хеши остаются как доказательство того, что было отправлено.</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>Что делать: %1</translation>
        </message>
        <message>
            <source>A copy of the database that a restore set aside was kept, because it holds something the vault does not: %1</source>
            <translation>Копия базы, отложенная при восстановлении, сохранена: в ней есть то, чего нет в самом хранилище: %1</translation>
        </message>
        <message>
            <source>What became of each testimony in the bundle:</source>
            <translation>Что стало с каждым свидетельством из пакета:</translation>
        </message>
    </context>
    <context>
        <name>Recorder</name>
        <message>
            <source>The recording could not be closed; the audio stored so far stays in the vault.</source>
            <translation>Запись не удалось закрыть; уже сохранённый звук остаётся в хранилище.</translation>
        </message>
        <message>
            <source>The disk is full, so the recording stopped. What was recorded until now is kept.</source>
            <extracomment>Samples per second recorded when the microphone allows it (see the module docstring).</extracomment>
            <translation>Диск заполнен, поэтому запись остановлена. Всё записанное до этого сохранено.</translation>
        </message>
        <message>
            <source>The recording stopped because it could not be stored. What was recorded until now is kept.</source>
            <translation>Запись остановлена, так как её не удалось сохранить. Всё записанное до этого сохранено.</translation>
        </message>
    </context>
    <context>
        <name>RecorderPanel</name>
        <message>
            <source>Stop recording</source>
            <translation>Остановить запись</translation>
        </message>
        <message>
            <source>Record audio</source>
            <translation>Записать звук</translation>
        </message>
        <message>
            <source>● Recording</source>
            <translation>● Идёт запись</translation>
        </message>
        <message>
            <source>No sound is reaching the recorder. Check that the microphone is connected.</source>
            <translation>Звук не поступает на запись. Проверьте, подключён ли микрофон.</translation>
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>Testimony stopped unexpectedly last time, while testimony %1 (record %2) was open. It was recovered as it was last saved, at %3; at most the last second or two of typing before the stop may be missing.</source>
            <translation>В прошлый раз Testimony неожиданно остановилась, когда было открыто свидетельство %1 (запись %2). Оно восстановлено в том виде, в каком было сохранено в последний раз, в %3; не хватать может не более последней секунды-двух набранного текста.</translation>
        </message>
        <message>
            <source>Recovered after an unexpected stop</source>
            <translation>Восстановлено после неожиданной остановки</translation>
        </message>
        <message>
            <source>Open it</source>
            <translation>Открыть</translation>
        </message>
        <message>
            <source>The last changes could not be saved before the vault locked. They are kept in memory and will be saved when you unlock; do not close the program.</source>
            <translation>Последние изменения не удалось сохранить до блокировки хранилища. Они хранятся в памяти и будут сохранены, когда вы разблокируете его; не закрывайте программу.</translation>
        </message>
        <message>
            <source>The changes kept at the lock (record %1) are saved now.</source>
            <translation>Изменения, сохранённые в памяти при блокировке (запись %1), теперь записаны.</translation>
        </message>
    </context>
    <context>
        <name>RedactionReviewDialog</name>
        <message>
            <source>Ticked: replaced by %1</source>
            <extracomment>Looks the review up again with other choices (runs on the task runner's thread).</extracomment>
            <translation>Отмечено: заменяется на «%1»</translation>
        </message>
        <message>
            <source>%1 replaced; %2 doubtful kept as written.</source>
            <translation>Заменено: %1; сомнительных оставлено как написано: %2.</translation>
        </message>
        <message>
            <source>Translation</source>
            <translation>Перевод</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Показания</translation>
        </message>
        <message>
            <source>Act %1</source>
            <translation>Действие %1</translation>
        </message>
        <message>
            <source>Detention %1</source>
            <translation>Задержание %1</translation>
        </message>
        <message>
            <source>Annex %1, file name</source>
            <translation>Приложение %1, имя файла</translation>
        </message>
        <message>
            <source>Annex %1</source>
            <translation>Приложение %1</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Заголовок</translation>
        </message>
        <message>
            <source>Reason for the amendment</source>
            <translation>Причина исправления</translation>
        </message>
        <message>
            <source>Document properties</source>
            <translation>Свойства документа</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>Интервью</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Свидетель</translation>
        </message>
        <message>
            <source>Injuries and after-effects</source>
            <translation>Травмы и последствия</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Согласие</translation>
        </message>
        <message>
            <source>Interviewer's notes (sent in an export)</source>
            <translation>Заметки интервьюера (отправляются при экспорте)</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Метки</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Отчёт</translation>
        </message>
        <message>
            <source>Doubtful: also an ordinary word</source>
            <translation>Сомнительно: это и обычное слово</translation>
        </message>
        <message>
            <source>Doubtful: beside another person's name</source>
            <translation>Сомнительно: рядом с именем другого человека</translation>
        </message>
        <message>
            <source>Doubtful: lower case, another spelling</source>
            <translation>Сомнительно: строчными, другое написание</translation>
        </message>
        <message>
            <source>Doubtful: day and month of birth, no year</source>
            <translation>Сомнительно: день и месяц рождения без года</translation>
        </message>
        <message>
            <source>Doubtful: two capitals without dots</source>
            <translation>Сомнительно: две заглавные буквы без точек</translation>
        </message>
        <message>
            <source>Doubtful</source>
            <translation>Сомнительно</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Initials</source>
            <translation>Инициалы</translation>
        </message>
        <message>
            <source>Name in Arabic script</source>
            <translation>Имя арабским письмом</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>Номер телефона</translation>
        </message>
        <message>
            <source>E-mail address</source>
            <translation>Адрес электронной почты</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Номер документа</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Word you added</source>
            <translation>Добавленное вами слово</translation>
        </message>
        <message>
            <source>Check the redaction</source>
            <translation>Проверьте скрытие данных</translation>
        </message>
        <message>
            <source>Before the redacted file leaves the program, check what it hides. Ticked words are replaced. Doubtful words (for example a name that is also an ordinary word) are kept as the witness said them unless you tick them. Untick a word that was hidden by mistake.</source>
            <translation>Прежде чем файл со скрытыми данными покинет программу, проверьте, что в нём скрыто. Отмеченные слова заменяются. Сомнительные слова (например, имя, которое является и обычным словом) остаются так, как их сказал свидетель, если вы их не отметите. Снимите отметку со слова, скрытого по ошибке.</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Скрыть</translation>
        </message>
        <message>
            <source>In context</source>
            <translation>В тексте</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Где</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Hide another &amp;word:</source>
            <translation>Скрыть ещё одно &amp;слово:</translation>
        </message>
        <message>
            <source>a nickname, a village, a relative's name</source>
            <translation>прозвище, село, имя родственника</translation>
        </message>
        <message>
            <source>&amp;Hide it</source>
            <translation>&amp;Скрыть</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Продолжить</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
    </context>
    <context>
        <name>RegistryView</name>
        <message>
            <source>Person</source>
            <translation>Лицо</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Подразделение</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>Выполняется…</translation>
        </message>
        <message>
            <source>Registry and corroboration</source>
            <translation>Реестр и подтверждающие свидетельства</translation>
        </message>
        <message>
            <source>Corroboration</source>
            <translation>Подтверждающие свидетельства</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Предложения</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
    </context>
    <context>
        <name>RepeatablePage</name>
        <message>
            <source>Remove</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Remove item %d and everything written in it?</source>
            <translation>Удалить пункт %d и всё, что в нём написано?</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>What the Istanbul Protocol checklist still misses. Select an item to go to its field. Nothing here stops you from saving; only consent is needed to seal.</source>
            <translation>Чего ещё не хватает по контрольному списку Стамбульского протокола. Выберите пункт, чтобы перейти к его полю. Это не мешает сохранению; для запечатывания нужно только согласие.</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>Запечатать</translation>
        </message>
        <message>
            <source>Review and seal</source>
            <translation>Проверка и запечатывание</translation>
        </message>
        <message>
            <source>Go to this field</source>
            <translation>Перейти к этому полю</translation>
        </message>
        <message>
            <source>Still missing from the checklist: %d</source>
            <translation>Ещё не хватает по списку: %d</translation>
        </message>
        <message>
            <source>Everything the checklist asks for is recorded.</source>
            <translation>Всё, что требует контрольный список, записано.</translation>
        </message>
        <message>
            <source>What the Istanbul Protocol checklist still misses in this sealed version. An amendment can add it.</source>
            <translation>Чего ещё не хватает по списку Стамбульского протокола в этой запечатанной версии. Это можно добавить поправкой.</translation>
        </message>
        <message>
            <source>Seal this version…</source>
            <translation>Запечатать эту версию…</translation>
        </message>
        <message>
            <source>Amend…</source>
            <translation>Внести поправку…</translation>
        </message>
        <message>
            <source>This version is sealed and can no longer be changed. To correct or add something, start an amendment: a new version, linked to this one, with the reason for the change.</source>
            <translation>Эта версия запечатана и больше не может быть изменена. Чтобы исправить или дополнить что-то, начните поправку: новую версию, связанную с этой, с указанием причины изменения.</translation>
        </message>
        <message>
            <source>Seal when the statement has been read back to the witness and they agree with it. A sealed version can no longer be changed; corrections become amendments with a reason.</source>
            <translation>Запечатывайте, когда заявление зачитано свидетелю и он с ним согласен. Запечатанную версию изменить нельзя; исправления вносятся поправками с указанием причины.</translation>
        </message>
        <message>
            <source>Version %1 sealed %2 · SHA-256 %3</source>
            <translation>Версия %1 запечатана %2 · SHA-256 %3</translation>
        </message>
        <message>
            <source>Version %1 — draft</source>
            <translation>Версия %1 — черновик</translation>
        </message>
        <message>
            <source>reason: %s</source>
            <translation>причина: %s</translation>
        </message>
    </context>
    <context>
        <name>SecretField</name>
        <message>
            <source>%s (hidden)</source>
            <translation>%s (скрыто)</translation>
        </message>
        <message>
            <source>(not entered — press Show to type it)</source>
            <translation>(не введено — нажмите «Показать», чтобы ввести)</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Скрыть</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Показать</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>&amp;Interface language:</source>
            <translation>&amp;Язык интерфейса:</translation>
        </message>
        <message>
            <source>&amp;Lock after inactivity:</source>
            <translation>&amp;Блокировать после бездействия:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>The vault also locks with Ctrl+Shift+L, when the window is closed and when the computer goes to sleep. Shut the laptop down, not to sleep, before a checkpoint.</source>
            <translation>Хранилище также блокируется по Ctrl+Shift+L, при закрытии окна и при переходе компьютера в спящий режим. Перед блокпостом выключайте ноутбук полностью, а не переводите в сон.</translation>
        </message>
    </context>
    <context>
        <name>ShellActions</name>
        <message>
            <source>&amp;Vault</source>
            <translation>&amp;Хранилище</translation>
        </message>
        <message>
            <source>&amp;Testimony</source>
            <translation>&amp;Свидетельство</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation>&amp;Новое свидетельство</translation>
        </message>
        <message>
            <source>&amp;Open testimony</source>
            <translation>&amp;Открыть свидетельство</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Найти…</translation>
        </message>
        <message>
            <source>&amp;Back to the list</source>
            <translation>&amp;Вернуться к списку</translation>
        </message>
        <message>
            <source>&amp;Seal…</source>
            <translation>&amp;Запечатать…</translation>
        </message>
        <message>
            <source>&amp;Amend…</source>
            <translation>&amp;Внести поправку…</translation>
        </message>
        <message>
            <source>S&amp;tatement…</source>
            <translation>За&amp;явление…</translation>
        </message>
        <message>
            <source>&amp;Export to the organisation…</source>
            <translation>&amp;Экспорт в организацию…</translation>
        </message>
        <message>
            <source>Import &amp;receipt…</source>
            <translation>Импорт &amp;квитанции…</translation>
        </message>
        <message>
            <source>&amp;High-risk mode…</source>
            <translation>Режим &amp;высокого риска…</translation>
        </message>
        <message>
            <source>&amp;Hand over…</source>
            <translation>&amp;Передать…</translation>
        </message>
        <message>
            <source>Registry and corroboration…</source>
            <translation>Реестр и подтверждающие свидетельства…</translation>
        </message>
        <message>
            <source>Suggest registry &amp;links…</source>
            <translation>Предложить &amp;связи с реестром…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>За&amp;блокировать</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>Создать &amp;резервную копию</translation>
        </message>
        <message>
            <source>&amp;Check the vault</source>
            <translation>&amp;Проверить хранилище</translation>
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation>Сменить п&amp;арольную фразу…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;About Testimony</source>
            <translation>&amp;О программе Testimony</translation>
        </message>
        <message>
            <source>&amp;New vault…</source>
            <translation>&amp;Новое хранилище…</translation>
        </message>
        <message>
            <source>&amp;Open vault…</source>
            <translation>&amp;Открыть хранилище…</translation>
        </message>
        <message>
            <source>Interviewer's &amp;guide</source>
            <translation>&amp;Руководство для интервьюера</translation>
        </message>
        <message>
            <source>Lock the vault now (Ctrl+Shift+L, from anywhere in the program)</source>
            <translation>Заблокировать хранилище сейчас (Ctrl+Shift+L, из любого места программы)</translation>
        </message>
        <message>
            <source>Freeze this version for the statement; later changes become amendments</source>
            <translation>Закрепить эту версию для заявления; дальнейшие изменения станут поправками</translation>
        </message>
        <message>
            <source>Preview the witness statement as a PDF, then save it (Ctrl+P)</source>
            <translation>Просмотреть заявление свидетеля в виде PDF, затем сохранить его (Ctrl+P)</translation>
        </message>
        <message>
            <source>Put the bundle in the outbox for the organisation and delete the testimony from this laptop (high-risk mode)</source>
            <translation>Положить пакет в исходящие для организации и удалить свидетельство с этого компьютера (режим высокого риска)</translation>
        </message>
        <message>
            <source>The guide for interviewers, in the interface language</source>
            <translation>Руководство для интервьюеров на языке интерфейса</translation>
        </message>
        <message>
            <source>This laptop's &amp;fingerprint…</source>
            <translation>&amp;Отпечаток этого ноутбука…</translation>
        </message>
    </context>
    <context>
        <name>StatementDialog</name>
        <message>
            <source>Save the statement</source>
            <translation>Сохранить заявление</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Документы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Сохранение…</translation>
        </message>
        <message>
            <source>The statement could not be made.</source>
            <translation>Не удалось составить заявление.</translation>
        </message>
        <message>
            <source>The statement was made but cannot be shown here.</source>
            <translation>Заявление составлено, но показать его здесь не удаётся.</translation>
        </message>
        <message>
            <source>Saved. SHA-256 of the file: %1</source>
            <translation>Сохранено. SHA-256 файла: %1</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>Заявление</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>&amp;Variant:</source>
            <translation>&amp;Вариант:</translation>
        </message>
        <message>
            <source>V&amp;ersion:</source>
            <translation>В&amp;ерсия:</translation>
        </message>
        <message>
            <source>Full statement</source>
            <translation>Полное заявление</translation>
        </message>
        <message>
            <source>Redacted, for sharing beyond the legal team</source>
            <translation>Обезличенное, для передачи вне юридической команды</translation>
        </message>
        <message>
            <source>The redacted statement replaces the witness's name and identifiers, and the names marked sensitive, everywhere in the file.</source>
            <translation>В обезличенном заявлении имя и идентификационные данные свидетеля, а также имена, отмеченные как чувствительные, заменены во всём файле.</translation>
        </message>
        <message>
            <source>Making the statement…</source>
            <translation>Составление заявления…</translation>
        </message>
        <message>
            <source>&amp;Save…</source>
            <translation>&amp;Сохранить…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Saved and signed. SHA-256 of the file: %1</source>
            <translation>Сохранено и подписано. SHA-256 файла: %1</translation>
        </message>
        <message>
            <source>A&amp;ttestation block</source>
            <translation>&amp;Блок удостоверения</translation>
        </message>
        <message>
            <source>Adds a block where an authorised person (a notary, a court or consular official) attests that the witness declared the statement true and signed it in their presence. Leave it off unless the filing asks for it.</source>
            <translation>Добавляет блок, в котором уполномоченное лицо (нотариус, сотрудник суда или консульства) удостоверяет, что свидетель заявил о достоверности показаний и подписал их в его присутствии. Не включайте, если этого не требует подаваемый документ.</translation>
        </message>
        <message>
            <source>Sig&amp;n with this laptop's key</source>
            <translation>По&amp;дписать ключом этого ноутбука</translation>
        </message>
        <message>
            <source>Adds a digital signature that shows this laptop made the file; PDF readers and the organisation can check it. It does not replace the signatures on paper. Only a sealed version can be signed.</source>
            <translation>Добавляет цифровую подпись, которая показывает, что файл создан этим ноутбуком; программы для чтения PDF и организация могут её проверить. Она не заменяет подписи на бумаге. Подписать можно только запечатанную версию.</translation>
        </message>
        <message>
            <source>Checking the redaction…</source>
            <translation>Проверка скрытия данных…</translation>
        </message>
    </context>
    <context>
        <name>StatementFacts</name>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n страница</numerusform>
                <numerusform>%n страницы</numerusform>
                <numerusform>%n страниц</numerusform>
            </translation>
        </message>
        <message>
            <source>Sealed version %1. SHA-256 of the sealed content:</source>
            <translation>Запечатанная версия %1. SHA-256 запечатанного содержимого:</translation>
        </message>
        <message>
            <source>Version %1 is not sealed: it must not be signed or filed.</source>
            <translation>Версия %1 не запечатана: её нельзя подписывать или подавать в суд.</translation>
        </message>
        <message>
            <source>DRAFT</source>
            <translation>ЧЕРНОВИК</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsPane</name>
        <message>
            <source>Open a testimony to see suggested links.</source>
            <translation>Откройте свидетельство, чтобы увидеть предлагаемые связи.</translation>
        </message>
        <message>
            <source>Mentions in testimony %1 and the entries they may refer to. Nothing is linked until you confirm.</source>
            <translation>Упоминания в свидетельстве %1 и записи, к которым они могут относиться. Пока вы не подтвердите, ничего не связывается.</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>подтверждена</translation>
        </message>
        <message>
            <source>suggested</source>
            <translation>предложена</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>отклонена</translation>
        </message>
        <message>
            <source>linked</source>
            <translation>связано</translation>
        </message>
        <message>
            <source>score %1</source>
            <translation>оценка %1</translation>
        </message>
        <message>
            <source>Mention / entry</source>
            <translation>Упоминание / запись</translation>
        </message>
        <message>
            <source>Kind / score</source>
            <translation>Вид / оценка</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Основания</translation>
        </message>
        <message>
            <source>&amp;Confirm</source>
            <translation>&amp;Подтвердить</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>Отк&amp;лонить</translation>
        </message>
        <message>
            <source>Link to &amp;new entry</source>
            <translation>Связать с &amp;новой записью</translation>
        </message>
    </context>
    <context>
        <name>TestimonyEditor</name>
        <message>
            <source>Close without saving?</source>
            <extracomment>Record-level fields and the page that shows them.</extracomment>
            <translation>Закрыть без сохранения?</translation>
        </message>
        <message>
            <source>The last changes could not be saved. If you close now they are lost.</source>
            <translation>Последние изменения не удалось сохранить. Если закрыть сейчас, они будут потеряны.</translation>
        </message>
        <message>
            <source>Close and lose them</source>
            <translation>Закрыть и потерять их</translation>
        </message>
        <message>
            <source>Alt+%d</source>
            <translation>Alt+%d</translation>
        </message>
        <message>
            <source>The witness has not agreed to an audio recording. Record their answer on the Consent page first.</source>
            <translation>Свидетель не дал согласия на аудиозапись. Сначала зафиксируйте его ответ на странице «Согласие».</translation>
        </message>
        <message>
            <source>The draft could not be saved, so the recording cannot start.</source>
            <translation>Черновик не удалось сохранить, поэтому запись не может начаться.</translation>
        </message>
    </context>
    <context>
        <name>TestimonyListPage</name>
        <message>
            <source>Search names, places, words of the testimony… (Ctrl+F)</source>
            <translation>Поиск по именам, местам, словам свидетельства… (Ctrl+F)</translation>
        </message>
        <message>
            <source>Interview date:</source>
            <translation>Дата интервью:</translation>
        </message>
        <message>
            <source>any</source>
            <translation>любая</translation>
        </message>
        <message>
            <source>Reveal names</source>
            <translation>Показать имена</translation>
        </message>
        <message>
            <source>Show witnesses' full names until you turn this off or the vault locks.</source>
            <translation>Показывать полные имена свидетелей, пока вы не отключите это или хранилище не заблокируется.</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>Сбросить фильтры</translation>
        </message>
        <message>
            <source>No testimonies yet.
Start one when the witness is ready (Ctrl+N).</source>
            <translation>Свидетельств пока нет.
Начните новое, когда свидетель будет готов (Ctrl+N).</translation>
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation>&amp;Новое свидетельство</translation>
        </message>
        <message>
            <source>Hide names</source>
            <translation>Скрыть имена</translation>
        </message>
        <message>
            <source>Show initials and pseudonyms again.</source>
            <translation>Снова показывать инициалы и псевдонимы.</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message>
            <source>All methods</source>
            <translation>Все методы</translation>
        </message>
        <message numerus="yes">
            <source>%Ln testimony(ies) found</source>
            <translation>
                <numerusform>Найдено %Ln свидетельство</numerusform>
                <numerusform>Найдено %Ln свидетельства</numerusform>
                <numerusform>Найдено %Ln свидетельств</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln handed-over testimony(ies) cannot be searched</source>
            <translation>
                <numerusform>в %Ln переданном свидетельстве искать нельзя</numerusform>
                <numerusform>в %Ln переданных свидетельствах искать нельзя</numerusform>
                <numerusform>в %Ln переданных свидетельствах искать нельзя</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Loading the list: the newest %1 of %Ln testimony(ies) shown…</source>
            <translation>
                <numerusform>Список загружается: показаны %1 самых новых из %Ln свидетельства…</numerusform>
                <numerusform>Список загружается: показаны %1 самых новых из %Ln свидетельств…</numerusform>
                <numerusform>Список загружается: показаны %1 самых новых из %Ln свидетельств…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln testimony(ies) shown</source>
            <translation>
                <numerusform>Показано %1 из %Ln свидетельства</numerusform>
                <numerusform>Показано %1 из %Ln свидетельств</numerusform>
                <numerusform>Показано %1 из %Ln свидетельств</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln testimony(ies)</source>
            <translation>
                <numerusform>%Ln свидетельство</numerusform>
                <numerusform>%Ln свидетельства</numerusform>
                <numerusform>%Ln свидетельств</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TestimonyTableModel</name>
        <message>
            <source>Draft</source>
            <translation>Черновик</translation>
        </message>
        <message>
            <source>Sealed</source>
            <translation>Запечатано</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>С поправками</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Экспортировано</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>Получение подтверждено</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Передано</translation>
        </message>
        <message>
            <source>Azerbaijani</source>
            <translation>Азербайджанский</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>Русский</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Английский</translation>
        </message>
        <message>
            <source>Armenian</source>
            <translation>Армянский</translation>
        </message>
        <message>
            <source>Persian</source>
            <translation>Персидский</translation>
        </message>
        <message>
            <source>Turkish</source>
            <translation>Турецкий</translation>
        </message>
        <message>
            <source>Georgian</source>
            <translation>Грузинский</translation>
        </message>
        <message>
            <source>Fictional testimony (demo data)</source>
            <translation>Вымышленное свидетельство (демонстрационные данные)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Interview date</source>
            <translation>Дата интервью</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Место</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Свидетель</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Методы</translation>
        </message>
        <message>
            <source>Found in</source>
            <translation>Найдено в</translation>
        </message>
    </context>
    <context>
        <name>TriState</name>
        <message>
            <source>Yes</source>
            <translation>Да</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Нет</translation>
        </message>
        <message>
            <source>Not asked</source>
            <translation>Не спрашивали</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>The vault's files are damaged and it cannot be opened as it is.</source>
            <translation>Файлы хранилища повреждены, и открыть его в таком виде нельзя.</translation>
        </message>
        <message>
            <source>To restore it: type the passphrase the backup was made with, then choose the backup file.</source>
            <translation>Чтобы восстановить: введите парольную фразу, с которой была сделана копия, затем выберите файл копии.</translation>
        </message>
        <message>
            <source>Opening the vault…</source>
            <translation>Открытие хранилища…</translation>
        </message>
        <message>
            <source>Unlock the vault</source>
            <translation>Разблокируйте хранилище</translation>
        </message>
        <message>
            <source>Type your passphrase to open the testimonies.</source>
            <translation>Введите парольную фразу, чтобы открыть свидетельства.</translation>
        </message>
        <message>
            <source>Vault: %1</source>
            <translation>Хранилище: %1</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Парольная фраза:</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Разблокировать</translation>
        </message>
        <message>
            <source>&amp;Show passphrase</source>
            <translation>&amp;Показать парольную фразу</translation>
        </message>
        <message>
            <source>&amp;Restore from a backup…</source>
            <translation>&amp;Восстановить из резервной копии…</translation>
        </message>
        <message>
            <source>Demo vault with fictional testimonies. Its passphrase is: %1</source>
            <translation>Демонстрационное хранилище с вымышленными свидетельствами. Парольная фраза: %1</translation>
        </message>
        <message numerus="yes">
            <source>You can try again in %n second(s).</source>
            <translation>
                <numerusform>Повторить попытку можно через %n секунду.</numerusform>
                <numerusform>Повторить попытку можно через %n секунды.</numerusform>
                <numerusform>Повторить попытку можно через %n секунд.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VaultAccess</name>
        <message>
            <source>The vault's key file was changed</source>
            <translation>Файл ключа хранилища изменён</translation>
        </message>
        <message>
            <source>One copy of the vault's key file had been changed outside the program. The intact copy opened the vault and replaced the changed one.</source>
            <translation>Одна копия файла ключа хранилища была изменена вне программы. Хранилище открыла нетронутая копия и заменила изменённую.</translation>
        </message>
        <message>
            <source>If you did not do this yourself, tell your organisation.</source>
            <translation>Если вы не делали этого сами, сообщите организации.</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>Диск заполнен</translation>
        </message>
        <message>
            <source>The disk is full, so the vault is open for reading only: you can read and print, but nothing can be saved.</source>
            <translation>Диск заполнен, поэтому хранилище открыто только для чтения: читать и печатать можно, но сохранить ничего нельзя.</translation>
        </message>
        <message>
            <source>Free some space, then lock the vault and unlock it again.</source>
            <translation>Освободите место, затем заблокируйте хранилище и откройте его снова.</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>Восстановление из резервной копии</translation>
        </message>
        <message>
            <source>Type the passphrase the backup was made with first.</source>
            <translation>Сначала введите парольную фразу, с которой была сделана резервная копия.</translation>
        </message>
        <message>
            <source>Choose a backup of the vault</source>
            <translation>Выберите резервную копию хранилища</translation>
        </message>
        <message>
            <source>Vault backups (*)</source>
            <translation>Резервные копии хранилища (*)</translation>
        </message>
        <message>
            <source>Restore the vault from this backup? Anything saved after the backup was made is not in it. The damaged files are kept aside, not deleted.</source>
            <translation>Восстановить хранилище из этой резервной копии? Того, что было сохранено после её создания, в ней нет. Повреждённые файлы не удаляются, а откладываются в сторону.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Восстановить</translation>
        </message>
        <message>
            <source>This vault's history ends before entry %1, which it had already reached. Testimonies sealed since may be missing: its database was replaced by an older copy (a restore from an older backup, or someone else), or lost its last changes.</source>
            <translation>История этого хранилища обрывается до записи %1, до которой оно уже доходило. Свидетельства, запечатанные с тех пор, могут отсутствовать: база заменена более старой копией (восстановлением из старой резервной копии или кем-то другим) или потеряла последние изменения.</translation>
        </message>
        <message>
            <source>This vault's history differs from the one it had reached (entry %1). Its database was replaced by another copy: by a restore, or by someone else.</source>
            <translation>История этого хранилища отличается от той, до которой оно доходило (запись %1). База заменена другой копией: восстановлением или кем-то другим.</translation>
        </message>
        <message>
            <source>Testimonies exported since then are with your organisation. If you did not restore a backup, tell your organisation before you export again. This warning stays until the next seal or export.</source>
            <translation>Свидетельства, экспортированные с тех пор, находятся у вашей организации. Если вы не восстанавливали резервную копию, сообщите организации до следующего экспорта. Предупреждение остаётся до следующего запечатывания или экспорта.</translation>
        </message>
        <message>
            <source>The vault may have been replaced</source>
            <translation>Хранилище, возможно, подменено</translation>
        </message>
    </context>
    <context>
        <name>VaultChooser</name>
        <message>
            <source>Choose or create an empty folder for the new vault</source>
            <translation>Выберите или создайте пустую папку для нового хранилища</translation>
        </message>
        <message>
            <source>New vault</source>
            <translation>Новое хранилище</translation>
        </message>
        <message>
            <source>That folder already holds a vault. Use Open vault… to open it.</source>
            <translation>В этой папке уже есть хранилище. Откройте его через «Открыть хранилище…».</translation>
        </message>
        <message>
            <source>That folder is not empty. Choose an empty folder, or create one in the dialog.</source>
            <translation>Эта папка не пуста. Выберите пустую папку или создайте её в окне выбора.</translation>
        </message>
        <message>
            <source>Choose the folder of the vault to open</source>
            <translation>Выберите папку хранилища, которое нужно открыть</translation>
        </message>
        <message>
            <source>Open vault</source>
            <translation>Открыть хранилище</translation>
        </message>
        <message>
            <source>There is no vault in that folder. A vault folder holds the files vault.keys and vault.db.</source>
            <translation>В этой папке нет хранилища. В папке хранилища лежат файлы vault.keys и vault.db.</translation>
        </message>
    </context>
    <context>
        <name>VaultMaintenance</name>
        <message>
            <source>Writing a backup…</source>
            <translation>Запись резервной копии…</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Резервная копия</translation>
        </message>
        <message>
            <source>The backup was written and verified, but %1 attachment file(s) are damaged or missing in the vault and are not in it. Check the vault (Vault menu) to see which.</source>
            <translation>Резервная копия записана и проверена, но в ней нет вложений (файлов: %1), повреждённых или отсутствующих в хранилище. Чтобы узнать, каких именно, проверьте хранилище (меню «Хранилище»).</translation>
        </message>
        <message>
            <source>An encrypted backup was written and verified:
%1</source>
            <translation>Зашифрованная резервная копия записана и проверена:
%1</translation>
        </message>
        <message>
            <source>Checking the vault…</source>
            <translation>Проверка хранилища…</translation>
        </message>
        <message>
            <source>Check the vault</source>
            <translation>Проверка хранилища</translation>
        </message>
        <message>
            <source>The vault is intact: %1 testimonies and %2 audit entries checked.</source>
            <translation>Хранилище в порядке: проверено свидетельств — %1, записей журнала — %2.</translation>
        </message>
        <message>
            <source>The check found problems:</source>
            <translation>Проверка выявила проблемы:</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>Смена парольной фразы</translation>
        </message>
        <message>
            <source>The passphrase was changed. Use the new one from now on: the vault has a new key, a fresh backup was written, and nothing in the vault's folder opens with the old passphrase any more.</source>
            <translation>Парольная фраза изменена. Теперь пользуйтесь новой: у хранилища новый ключ, записана свежая резервная копия, и в папке хранилища больше ничего не открывается старой фразой.</translation>
        </message>
    </context>
    <context>
        <name>VersionBox</name>
        <message>
            <source>%1 (sealed)</source>
            <translation>%1 (запечатана)</translation>
        </message>
        <message>
            <source>%1 (draft)</source>
            <translation>%1 (черновик)</translation>
        </message>
    </context>
    <context>
        <name>VersionSteps</name>
        <message>
            <source>Seal</source>
            <extracomment>How many of the checklist's missing items the seal question lists before "and N more".</extracomment>
            <translation>Запечатать</translation>
        </message>
        <message>
            <source>The testimony cannot be sealed until the witness's consent is recorded.</source>
            <translation>Свидетельство нельзя запечатать, пока не зафиксировано согласие свидетеля.</translation>
        </message>
        <message>
            <source>Stop the audio recording before sealing.</source>
            <translation>Остановите аудиозапись перед запечатыванием.</translation>
        </message>
        <message>
            <source>Seal this version?</source>
            <translation>Запечатать эту версию?</translation>
        </message>
        <message>
            <source>Once sealed, this version can no longer be changed; corrections become amendments with a reason. Seal it now?</source>
            <translation>После запечатывания эту версию нельзя будет изменить; исправления вносятся поправками с указанием причины. Запечатать сейчас?</translation>
        </message>
        <message>
            <source>Sealed as version %d</source>
            <translation>Запечатано как версия %d</translation>
        </message>
        <message>
            <source>Sealed, but not backed up</source>
            <translation>Запечатано, но резервная копия не создана</translation>
        </message>
        <message>
            <source>The testimony is sealed, but no backup was made after it: %1 Free some space, then use Vault → Back up now.</source>
            <translation>Свидетельство запечатано, но резервная копия после этого не создана: %1 Освободите место и выберите Хранилище → Создать резервную копию.</translation>
        </message>
        <message>
            <source>Amend this testimony</source>
            <translation>Поправка к свидетельству</translation>
        </message>
        <message>
            <source>Why is it amended? For example: the witness corrected a date.</source>
            <translation>Почему вносится поправка? Например: свидетель уточнил дату.</translation>
        </message>
        <message>
            <source>An amendment needs a reason: the sealed version stays, and the reason says why a new one was made. Write it in a few words.</source>
            <translation>Для поправки нужна причина: запечатанная версия остаётся, а причина объясняет, зачем создана новая. Напишите её в нескольких словах.</translation>
        </message>
        <message>
            <source>Amendment started: version %d</source>
            <translation>Поправка начата: версия %d</translation>
        </message>
        <message>
            <source>Everything the checklist asks for is recorded.</source>
            <translation>Всё, что требует контрольный список, записано.</translation>
        </message>
        <message>
            <source>Still missing from the checklist: %d</source>
            <translation>Ещё не хватает по списку: %d</translation>
        </message>
        <message>
            <source>… and %d more on the Review page.</source>
            <translation>… и ещё %d на странице «Проверка и запечатывание».</translation>
        </message>
    </context>
    <context>
        <name>VocabPicker</name>
        <message>
            <source>Type to search…</source>
            <translation>Начните вводить для поиска…</translation>
        </message>
        <message>
            <source>Chosen: %s</source>
            <translation>Выбрано: %s</translation>
        </message>
        <message>
            <source>Nothing chosen yet.</source>
            <translation>Пока ничего не выбрано.</translation>
        </message>
    </context>
    <context>
        <name>WitnessPage</name>
        <message>
            <source>Use a pseudonym when the name must not appear. Names stay hidden on screen until you press Show.</source>
            <translation>Используйте псевдоним, если имя не должно появляться. Имена скрыты на экране, пока вы не нажмёте «Показать».</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Личность</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Полное имя</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>Псевдоним</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Дата рождения</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Пол</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Гражданство</translation>
        </message>
        <message>
            <source>Identity documents</source>
            <translation>Документы, удостоверяющие личность</translation>
        </message>
        <message>
            <source>Passport or ID card number</source>
            <translation>Номер паспорта или удостоверения личности</translation>
        </message>
        <message>
            <source>Relation to the victim</source>
            <translation>Отношение к пострадавшему</translation>
        </message>
        <message>
            <source>If the witness is not the victim: mother, cellmate…</source>
            <translation>Если свидетель не пострадавший: мать, сокамерник…</translation>
        </message>
        <message>
            <source>Victim's name</source>
            <translation>Имя пострадавшего</translation>
        </message>
        <message>
            <source>Names of others</source>
            <translation>Имена других людей</translation>
        </message>
        <message>
            <source>Co-detainees, relatives: names hidden in the redacted statement, one per line</source>
            <translation>Сокамерники, родственники: имена, скрываемые в обезличенном заявлении, по одному в строке</translation>
        </message>
        <message>
            <source>Contact for follow-up</source>
            <translation>Контакт для связи</translation>
        </message>
        <message>
            <source>Role and situation</source>
            <translation>Роль и положение</translation>
        </message>
        <message>
            <source>The witness is</source>
            <translation>Свидетель —</translation>
        </message>
        <message>
            <source>Situation now</source>
            <translation>Положение сейчас</translation>
        </message>
        <message>
            <source>Occupation and service</source>
            <translation>Род занятий и служба</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Род занятий</translation>
        </message>
        <message>
            <source>Military rank</source>
            <translation>Воинское звание</translation>
        </message>
        <message>
            <source>Military unit</source>
            <translation>Воинская часть</translation>
        </message>
        <message>
            <source>Other names to hide</source>
            <translation>Другие имена для скрытия</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Свидетель</translation>
        </message>
        <message>
            <source>female</source>
            <translation>женский</translation>
        </message>
        <message>
            <source>male</source>
            <translation>мужской</translation>
        </message>
        <message>
            <source>other</source>
            <translation>другой</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— не указано —</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>Something went wrong</source>
            <translation>Что-то пошло не так</translation>
        </message>
        <message>
            <source>Something went wrong inside Testimony. A report without any testimony content was saved to:
{path}
What was saved in the vault is safe. If the window behaves oddly, close Testimony and open it again.</source>
            <translation>Внутри программы Testimony произошла ошибка. Отчёт без какого-либо содержания показаний сохранён в файл:
{path}
То, что сохранено в хранилище, в безопасности. Если окно ведёт себя странно, закройте Testimony и откройте снова.</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>Write the date as YYYY-MM-DD, for example 2017-05-21, or as YYYY-MM or YYYY when only the month or the year is known.</source>
            <translation>Запишите дату как ГГГГ-ММ-ДД, например 2017-05-21, или как ГГГГ-ММ или ГГГГ, если известен только месяц или год.</translation>
        </message>
        <message>
            <source>%1 is not a day of the calendar: check the day and the month.</source>
            <translation>%1 — такого дня нет в календаре: проверьте день и месяц.</translation>
        </message>
        <message>
            <source>“%1” has no day, but the precision says “Exact day”: add the day, or choose “Month only” or “Year only”.</source>
            <translation>В «%1» нет дня, а точность указана «Точная дата»: добавьте день или выберите «Только месяц» или «Только год».</translation>
        </message>
        <message>
            <source>“%1” has no month, but the precision says “Month only”: add the month, or choose “Year only”.</source>
            <translation>В «%1» нет месяца, а точность указана «Только месяц»: добавьте месяц или выберите «Только год».</translation>
        </message>
        <message>
            <source>Write the time as HH:MM on a 24-hour clock, for example 09:30 or 14:05.</source>
            <translation>Запишите время как ЧЧ:ММ в 24-часовом формате, например 09:30 или 14:05.</translation>
        </message>
        <message>
            <source>YYYY-MM-DD; YYYY-MM or YYYY when only that is known</source>
            <translation>ГГГГ-ММ-ДД; ГГГГ-ММ или ГГГГ, если известно только это</translation>
        </message>
        <message>
            <source>HH:MM, 24-hour clock</source>
            <translation>ЧЧ:ММ, 24-часовой формат</translation>
        </message>
    </context>
    <context>
        <name>sizes</name>
        <message>
            <source>B</source>
            <translation>Б</translation>
        </message>
        <message>
            <source>kB</source>
            <translation>КБ</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>МБ</translation>
        </message>
        <message>
            <source>GB</source>
            <translation>ГБ</translation>
        </message>
        <message>
            <source>TB</source>
            <translation>ТБ</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <source>Something went wrong; your work is saved.</source>
            <extracomment>How often, at most, a progress bar moves while the worker reports (an export: per MiB).</extracomment>
            <translation>Что-то пошло не так; ваша работа сохранена.</translation>
        </message>
        <message>
            <source>Testimony</source>
            <translation>Testimony</translation>
        </message>
    </context>
</TS>
