<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az" sourcelanguage="en">
    <context>
        <name>ActsPage</name>
        <message>
            <source>One entry for each act or session the witness describes. Pick the methods from the list and add anything else in the witness's words.</source>
            <translation>Şahidin təsvir etdiyi hər əməl və ya seans üçün bir qeyd. Üsulları siyahıdan seçin, qalanını şahidin öz sözləri ilə əlavə edin.</translation>
        </message>
        <message>
            <source>No acts yet. Press Add act for each act or session the witness describes.</source>
            <translation>Hələ əməl yoxdur. Şahidin təsvir etdiyi hər əməl və ya seans üçün «Əməl əlavə et» düyməsini basın.</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Nə vaxt</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Harada</translation>
        </message>
        <message>
            <source>During detention episode</source>
            <translation>Hansı həbs dövründə</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Üsullar</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Nə baş verdi</translation>
        </message>
        <message>
            <source>How long</source>
            <translation>Nə qədər davam etdi</translation>
        </message>
        <message>
            <source>How often</source>
            <translation>Nə qədər tez-tez</translation>
        </message>
        <message>
            <source>Who took part</source>
            <translation>Kimlər iştirak etdi</translation>
        </message>
        <message>
            <source>Other methods</source>
            <translation>Digər üsullar</translation>
        </message>
        <message>
            <source>In the witness's words</source>
            <translation>Şahidin öz sözləri ilə</translation>
        </message>
        <message>
            <source>What was demanded or said</source>
            <translation>Nə tələb edildi və ya deyildi</translation>
        </message>
        <message>
            <source>Quote the words where the witness remembers them</source>
            <translation>Şahid xatırlayırsa, sözləri olduğu kimi yazın</translation>
        </message>
        <message>
            <source>Who else saw or heard it</source>
            <translation>Bunu başqa kim gördü və ya eşitdi</translation>
        </message>
        <message>
            <source>Injuries from this act</source>
            <translation>Bu əməldən alınan xəsarətlər</translation>
        </message>
        <message>
            <source>Acts</source>
            <translation>Əməllər</translation>
        </message>
        <message>
            <source>Add act</source>
            <translation>Əməl əlavə et</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Sil</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Yuxarı</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Aşağı</translation>
        </message>
        <message>
            <source>— none or not known —</source>
            <translation>— yoxdur və ya məlum deyil —</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPage</name>
        <message>
            <source>Photos, documents and recordings are stored encrypted in the vault with their SHA-256, taken when they arrive. Originals can be deleted from this computer.</source>
            <translation>Fotolar, sənədlər və yazılar seyfdə şifrələnmiş halda, daxil olduqları anda götürülmüş SHA-256 ilə birlikdə saxlanılır. Orijinallar bu kompüterdən silinə bilər.</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Qoşmalar</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsView</name>
        <message>
            <source>Add files to this testimony</source>
            <translation>Bu ifadəyə fayl əlavə et</translation>
        </message>
        <message>
            <source>Delete the originals?</source>
            <translation>Orijinallar silinsin?</translation>
        </message>
        <message>
            <source>After the files are stored encrypted in the vault, delete the originals from this computer? Deleted files cannot be brought back.</source>
            <translation>Fayllar seyfdə şifrələnmiş halda saxlanıldıqdan sonra orijinallar bu kompüterdən silinsin? Silinmiş faylları geri qaytarmaq mümkün deyil.</translation>
        </message>
        <message>
            <source>Delete the originals</source>
            <translation>Orijinalları sil</translation>
        </message>
        <message>
            <source>No microphone was found. Connect one and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio recording</source>
            <translation>Səs yazısı</translation>
        </message>
        <message>
            <source>Save an unencrypted copy</source>
            <translation>Şifrələnməmiş surəti saxla</translation>
        </message>
        <message>
            <source>A copy was saved.</source>
            <translation>Surət saxlanıldı.</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Fayl əlavə et…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ləğv et</translation>
        </message>
        <message>
            <source>Save a copy…</source>
            <translation>Surətini saxla…</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Ölçü</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Əlavə edilib</translation>
        </message>
        <message>
            <source>SHA-256</source>
            <translation>SHA-256</translation>
        </message>
        <message>
            <source>Select an attachment to see it here.</source>
            <translation>Burada görmək üçün qoşmanı seçin.</translation>
        </message>
        <message>
            <source>Storing %s</source>
            <translation>%s saxlanılır</translation>
        </message>
        <message>
            <source>Cancelled; nothing was added.</source>
            <translation>Ləğv edildi; heç nə əlavə olunmadı.</translation>
        </message>
        <message>
            <source>(recording)</source>
            <translation>(yazılır)</translation>
        </message>
        <message>
            <source>SHA-256: %s</source>
            <translation>SHA-256: %s</translation>
        </message>
        <message>
            <source>not yet known</source>
            <translation>hələ məlum deyil</translation>
        </message>
        <message>
            <source>No preview for this kind of file. Save a copy to open it in another program.</source>
            <translation>Bu növ fayl üçün önbaxış yoxdur. Başqa proqramda açmaq üçün surətini saxlayın.</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Açılır…</translation>
        </message>
        <message>
            <source>This image cannot be shown.</source>
            <translation>Bu şəkli göstərmək mümkün deyil.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Fasilə</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Oxut</translation>
        </message>
    </context>
    <context>
        <name>BodyMarksEditor</name>
        <message>
            <source>As reported by the witness — not a medical finding.</source>
            <translation>Şahidin dediyinə görə — tibbi rəy deyil.</translation>
        </message>
        <message>
            <source>Click on the figure where the witness shows an injury or pain. Drag a mark to move it; Delete removes the selected mark.</source>
            <translation>Şahidin xəsarət və ya ağrı göstərdiyi yerə fiqurun üzərində klikləyin. Nişanı köçürmək üçün sürüşdürün; Delete seçilmiş nişanı silir.</translation>
        </message>
        <message>
            <source>Note for the selected mark</source>
            <translation>Seçilmiş nişan üçün qeyd</translation>
        </message>
        <message>
            <source>What the witness says about this place</source>
            <translation>Şahid bu yer barədə nə deyir</translation>
        </message>
        <message>
            <source>Remove mark</source>
            <translation>Nişanı sil</translation>
        </message>
        <message>
            <source>front</source>
            <translation>ön</translation>
        </message>
        <message>
            <source>back</source>
            <translation>arxa</translation>
        </message>
        <message>
            <source>(no note)</source>
            <translation>(qeyd yoxdur)</translation>
        </message>
    </context>
    <context>
        <name>BodyOutline</name>
        <message>
            <source>Front</source>
            <extracomment>Width / height of one figure's box; the silhouette below is drawn in a 100 x 220 grid.</extracomment>
            <translation>Öndən</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Arxadan</translation>
        </message>
        <message>
            <source>R</source>
            <comment>the witness's right side, one letter</comment>
            <translation>Sağ</translation>
        </message>
        <message>
            <source>L</source>
            <comment>the witness's left side, one letter</comment>
            <translation>Sol</translation>
        </message>
        <message>
            <source>R</source>
            <translation type="vanished">Sağ</translation>
        </message>
        <message>
            <source>L</source>
            <translation type="vanished">Sol</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <source>Change passphrase</source>
            <translation>Parolu dəyiş</translation>
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation>&amp;İndiki parol:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;Yeni parol:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Təkrar yazın:</translation>
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation>İki yeni parol eyni deyil.</translation>
        </message>
    </context>
    <context>
        <name>ConsentPage</name>
        <message>
            <source>Explain why the testimony is taken and how it may be used, then ask about each use separately. The witness may refuse any of them, take a break, or stop at any time.</source>
            <translation>İfadənin nə üçün alındığını və necə istifadə oluna biləcəyini izah edin, sonra hər istifadə barədə ayrıca soruşun. Şahid istənilən birindən imtina edə, fasilə verə və ya istənilən vaxt dayana bilər.</translation>
        </message>
        <message>
            <source>Before the interview</source>
            <translation>Müsahibədən əvvəl</translation>
        </message>
        <message>
            <source>The witness was told the purpose of the interview and how the testimony may be used</source>
            <translation>Şahidə müsahibənin məqsədi və ifadənin necə istifadə oluna biləcəyi izah edildi</translation>
        </message>
        <message>
            <source>The witness speaks freely, without pressure from anyone</source>
            <translation>Şahid heç kimin təzyiqi olmadan, sərbəst danışır</translation>
        </message>
        <message>
            <source>What the witness agrees to</source>
            <translation>Şahid nəyə razıdır</translation>
        </message>
        <message>
            <source>Use in legal proceedings (courts, prosecutors, international bodies)</source>
            <translation>Hüquqi proseslərdə istifadə (məhkəmələr, prokurorluq, beynəlxalq qurumlar)</translation>
        </message>
        <message>
            <source>Their name may appear in the statement</source>
            <translation>Adı bəyanatda göstərilə bilər</translation>
        </message>
        <message>
            <source>Publication (reports, media)</source>
            <translation>Dərc (hesabatlar, media)</translation>
        </message>
        <message>
            <source>Audio recording of this interview</source>
            <translation>Bu müsahibənin səs yazısı</translation>
        </message>
        <message>
            <source>Contact later for follow-up</source>
            <translation>Sonradan əlaqə saxlamaq</translation>
        </message>
        <message>
            <source>One organisation per line</source>
            <translation>Hər sətirdə bir təşkilat</translation>
        </message>
        <message>
            <source>Organisations that may receive it</source>
            <translation>Onu ala biləcək təşkilatlar</translation>
        </message>
        <message>
            <source>Refusals and reasons</source>
            <translation>İmtinalar və səbəbləri</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Razılıq</translation>
        </message>
        <message>
            <source>Consent is recorded (%s).</source>
            <translation>Razılıq qeyd edilib (%s).</translation>
        </message>
        <message>
            <source>Consent is not recorded yet. The testimony can be sealed only once the purpose was explained, the witness speaks freely, and they answered about legal proceedings and the use of their name.</source>
            <translation>Razılıq hələ qeyd edilməyib. İfadə yalnız məqsəd izah edildikdən, şahid sərbəst danışdıqdan və hüquqi proseslər və adının istifadəsi barədə cavab verdikdən sonra möhürlənə bilər.</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultPage</name>
        <message>
            <source>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even you, can open the vault.</source>
            <extracomment>The weakest score (0–4) accepted for a new passphrase. Longest wait between two wrong passphrases, in seconds.</extracomment>
            <translation>Bu parolu yazın və noutbukdan ayrı saxlayın. Onsuz heç kim, hətta siz də, seyfi aça bilməz.</translation>
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation>Seyf yaradılır…</translation>
        </message>
        <message>
            <source>Create your vault</source>
            <translation>Seyfinizi yaradın</translation>
        </message>
        <message>
            <source>Testimonies are kept in an encrypted vault on this computer. Choose a passphrase of several words that you will remember. It cannot be recovered if it is forgotten.</source>
            <translation>İfadələr bu kompüterdə şifrələnmiş seyfdə saxlanılır. Yadda saxlaya biləcəyiniz bir neçə sözdən ibarət parol seçin. Unudulsa, onu bərpa etmək mümkün deyil.</translation>
        </message>
        <message>
            <source>The vault will be created in: %1</source>
            <translation>Seyf burada yaradılacaq: %1</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Parol:</translation>
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation>&amp;Təkrar yazın:</translation>
        </message>
        <message>
            <source>&amp;Show passphrase</source>
            <translation>Parolu &amp;göstər</translation>
        </message>
        <message>
            <source>&amp;Generate a passphrase</source>
            <translation>Parol &amp;yarat</translation>
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation>Seyfi ya&amp;rat</translation>
        </message>
        <message>
            <source>Use four or more unrelated words.</source>
            <translation>Bir-biri ilə əlaqəsi olmayan dörd və ya daha çox söz işlədin.</translation>
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation>İki parol eyni deyil.</translation>
        </message>
    </context>
    <context>
        <name>DetentionPage</name>
        <message>
            <source>One episode for each period in custody or each place, in order. Approximate dates are fine: say how exactly the witness remembers them.</source>
            <translation>Həbsdə keçən hər dövr və ya hər yer üçün ardıcıllıqla bir epizod. Təxmini tarixlər də olar: şahidin onları nə dərəcədə dəqiq xatırladığını göstərin.</translation>
        </message>
        <message>
            <source>No detention episodes yet. Press Add episode for each period in custody.</source>
            <translation>Hələ həbs epizodu yoxdur. Həbsdə keçən hər dövr üçün «Epizod əlavə et» düyməsini basın.</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Başlanğıc</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>Son</translation>
        </message>
        <message>
            <source>Place of detention</source>
            <translation>Saxlanma yeri</translation>
        </message>
        <message>
            <source>Kind of detention</source>
            <translation>Həbsin növü</translation>
        </message>
        <message>
            <source>How the arrest or abduction happened</source>
            <translation>Həbs və ya oğurlanma necə baş verdi</translation>
        </message>
        <message>
            <source>Transfers between places</source>
            <translation>Yerlər arasında köçürülmələr</translation>
        </message>
        <message>
            <source>Contact with family and the outside</source>
            <translation>Ailə və xarici aləmlə əlaqə</translation>
        </message>
        <message>
            <source>Access to a lawyer</source>
            <translation>Vəkilə çıxış</translation>
        </message>
        <message>
            <source>Statements or documents signed</source>
            <translation>İmzalanmış ifadələr və ya sənədlər</translation>
        </message>
        <message>
            <source>Medical attention in custody</source>
            <translation>Həbsdə tibbi yardım</translation>
        </message>
        <message>
            <source>Description of the place</source>
            <translation>Yerin təsviri</translation>
        </message>
        <message>
            <source>Building, cell, floor: enough to find it again</source>
            <translation>Bina, kamera, mərtəbə: yenidən tapmaq üçün kifayət qədər</translation>
        </message>
        <message>
            <source>Held by</source>
            <translation>Kim saxlayırdı</translation>
        </message>
        <message>
            <source>Police, military police, security service, unit</source>
            <translation>Polis, hərbi polis, təhlükəsizlik xidməti, hissə</translation>
        </message>
        <message>
            <source>How they were signed</source>
            <translation>Necə imzalandı</translation>
        </message>
        <message>
            <source>Under threat, without reading, without a lawyer</source>
            <translation>Hədə altında, oxumadan, vəkilsiz</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>Şərait</translation>
        </message>
        <message>
            <source>Cell, food, water, sleep, light, toilet</source>
            <translation>Kamera, yemək, su, yuxu, işıq, tualet</translation>
        </message>
        <message>
            <source>Court</source>
            <translation>Məhkəmə</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>İşin nömrəsi</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Qeydlər</translation>
        </message>
        <message>
            <source>Detention</source>
            <translation>Həbs</translation>
        </message>
        <message>
            <source>Add episode</source>
            <translation>Epizod əlavə et</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Sil</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Yuxarı</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Aşağı</translation>
        </message>
        <message>
            <source>place not given</source>
            <translation>yer göstərilməyib</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— göstərilməyib —</translation>
        </message>
    </context>
    <context>
        <name>EffectsPage</name>
        <message>
            <source>Physical and psychological effects as the witness describes them, now and since. Mark on the outline where the witness shows injuries or pain.</source>
            <translation>Fiziki və psixoloji nəticələr şahidin təsvir etdiyi kimi, indi və o vaxtdan bəri. Şahidin xəsarət və ya ağrı göstərdiyi yerləri fiqurda qeyd edin.</translation>
        </message>
        <message>
            <source>In the witness's words</source>
            <translation>Şahidin öz sözləri ilə</translation>
        </message>
        <message>
            <source>Physical injuries and symptoms</source>
            <translation>Fiziki xəsarətlər və əlamətlər</translation>
        </message>
        <message>
            <source>Psychological effects</source>
            <translation>Psixoloji nəticələr</translation>
        </message>
        <message>
            <source>Sleep, fear, memory, mood</source>
            <translation>Yuxu, qorxu, yaddaş, əhval</translation>
        </message>
        <message>
            <source>Medical treatment received or refused</source>
            <translation>Alınmış və ya verilməmiş tibbi müalicə</translation>
        </message>
        <message>
            <source>Where on the body</source>
            <translation>Bədənin harasında</translation>
        </message>
        <message>
            <source>Injuries and effects</source>
            <translation>Xəsarətlər və nəticələr</translation>
        </message>
    </context>
    <context>
        <name>InterviewPage</name>
        <message>
            <source>Where, when and with whom the interview took place, and anything that restricted it. Press Now at the start and at the end.</source>
            <extracomment>Fields of the testimony itself (not of ``interview``) that live on this page.</extracomment>
            <translation>Müsahibə harada, nə vaxt və kimlərlə keçdi, ona nə mane oldu. Əvvəldə və sonda «İndi» düyməsini basın.</translation>
        </message>
        <message>
            <source>When and where</source>
            <translation>Nə vaxt və harada</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Bu gün</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>İndi</translation>
        </message>
        <message>
            <source>Started at</source>
            <translation>Başladı</translation>
        </message>
        <message>
            <source>Ended at</source>
            <translation>Bitdi</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Yer</translation>
        </message>
        <message>
            <source>Town or village, address</source>
            <translation>Şəhər və ya kənd, ünvan</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>Şərait</translation>
        </message>
        <message>
            <source>Home, office, which room; could anyone overhear?</source>
            <translation>Ev, ofis, hansı otaq; kimsə eşidə bilərdimi?</translation>
        </message>
        <message>
            <source>Interpreter</source>
            <translation>Tərcüməçi</translation>
        </message>
        <message>
            <source>Name; leave empty if there was none</source>
            <translation>Ad; yox idisə, boş buraxın</translation>
        </message>
        <message>
            <source>Everyone present</source>
            <translation>İştirak edənlərin hamısı</translation>
        </message>
        <message>
            <source>Name and role, one person per line</source>
            <translation>Ad və rol, hər sətirdə bir nəfər</translation>
        </message>
        <message>
            <source>Restrictions</source>
            <translation>Məhdudiyyətlər</translation>
        </message>
        <message>
            <source>Time limits, security forces nearby, fear, interruptions</source>
            <translation>Vaxt məhdudiyyəti, yaxınlıqda güc strukturları, qorxu, fasilələr</translation>
        </message>
        <message>
            <source>How it was recorded</source>
            <translation>Necə qeydə alındı</translation>
        </message>
        <message>
            <source>Written notes, audio recording</source>
            <translation>Yazılı qeydlər, səs yazısı</translation>
        </message>
        <message>
            <source>Interviewer's observations</source>
            <translation>Müsahibəçinin müşahidələri</translation>
        </message>
        <message>
            <source>Demeanour, visible marks, breaks, inconsistencies</source>
            <translation>Davranış, görünən izlər, fasilələr, uyğunsuzluqlar</translation>
        </message>
        <message>
            <source>People</source>
            <translation>İnsanlar</translation>
        </message>
        <message>
            <source>Interviewer</source>
            <translation>Müsahibəçi</translation>
        </message>
        <message>
            <source>Interviewer's organisation</source>
            <translation>Müsahibəçinin təşkilatı</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>Language of the interview</source>
            <translation>Müsahibənin dili</translation>
        </message>
        <message>
            <source>Translated into</source>
            <translation>Tərcümə dili</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>Şərait</translation>
        </message>
        <message>
            <source>About this record</source>
            <translation>Bu qeyd haqqında</translation>
        </message>
        <message>
            <source>A working title that does not name the witness</source>
            <translation>Şahidin adını çəkməyən işçi başlıq</translation>
        </message>
        <message>
            <source>Working title</source>
            <translation>İşçi başlıq</translation>
        </message>
        <message>
            <source>Fictional record, for training or demonstration</source>
            <translation>Uydurma qeyd, təlim və ya nümayiş üçün</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>Müsahibə</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— göstərilməyib —</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>Locked after %n minute(s) without activity.</source>
            <translation>
                <numerusform>%n dəqiqə fəaliyyət olmadığı üçün kilidləndi.</numerusform>
                <numerusform>%n dəqiqə fəaliyyət olmadığı üçün kilidləndi.</numerusform>
            </translation>
        </message>
        <message>
            <source>Locked.</source>
            <translation>Kilidləndi.</translation>
        </message>
        <message>
            <source>Locked because the computer went to sleep or the screen locked.</source>
            <translation>Kompüter yuxu rejiminə keçdiyi və ya ekran kilidləndiyi üçün kilidləndi.</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>Ehtiyat nüsxədən bərpa</translation>
        </message>
        <message>
            <source>Type the passphrase the backup was made with first.</source>
            <translation>Əvvəlcə ehtiyat nüsxənin çıxarıldığı parolu yazın.</translation>
        </message>
        <message>
            <source>Choose a backup of the vault</source>
            <translation>Seyfin ehtiyat nüsxəsini seçin</translation>
        </message>
        <message>
            <source>Vault backups (*)</source>
            <translation>Seyfin ehtiyat nüsxələri (*)</translation>
        </message>
        <message>
            <source>Restore the vault from this backup? Anything saved after the backup was made is not in it. The damaged files are kept aside, not deleted.</source>
            <translation>Seyf bu ehtiyat nüsxədən bərpa edilsin? Nüsxə çıxarıldıqdan sonra saxlanılanlar onda yoxdur. Zədələnmiş fayllar silinmir, kənarda saxlanılır.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Bərpa et</translation>
        </message>
        <message>
            <source>Seal testimony</source>
            <translation>İfadəni möhürlə</translation>
        </message>
        <message>
            <source>The testimony could not be saved, so it was not sealed.</source>
            <translation>İfadəni saxlamaq mümkün olmadı, ona görə möhürlənmədi.</translation>
        </message>
        <message>
            <source>Sealing freezes this version for the statement. After sealing, changes are made as amendments, each with a reason. Seal now?</source>
            <translation>Möhürləmə bu versiyanı bəyanat üçün dondurur. Möhürləndikdən sonra dəyişikliklər yalnız düzəliş kimi, hər biri səbəbi ilə edilir. İndi möhürlənsin?</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>Möhürlə</translation>
        </message>
        <message>
            <source>Sealed as version %1.</source>
            <translation>%1-ci versiya kimi möhürləndi.</translation>
        </message>
        <message>
            <source>Amend testimony</source>
            <translation>İfadəyə düzəliş</translation>
        </message>
        <message>
            <source>Why is this sealed testimony being amended?</source>
            <translation>Bu möhürlənmiş ifadəyə nə üçün düzəliş edilir?</translation>
        </message>
        <message>
            <source>Amendment opened as version %1.</source>
            <translation>Düzəliş %1-ci versiya kimi açıldı.</translation>
        </message>
        <message>
            <source>Writing a backup…</source>
            <translation>Ehtiyat nüsxə yazılır…</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Ehtiyat nüsxə</translation>
        </message>
        <message>
            <source>An encrypted backup was written and verified:
%1</source>
            <translation>Şifrələnmiş ehtiyat nüsxə yazıldı və yoxlandı:
%1</translation>
        </message>
        <message>
            <source>Checking the vault…</source>
            <translation>Seyf yoxlanılır…</translation>
        </message>
        <message>
            <source>Check the vault</source>
            <translation>Seyfin yoxlanması</translation>
        </message>
        <message>
            <source>The vault is intact: %1 testimonies and %2 audit entries checked.</source>
            <translation>Seyf qaydasındadır: %1 ifadə və %2 audit qeydi yoxlandı.</translation>
        </message>
        <message>
            <source>The check found problems:</source>
            <translation>Yoxlama problemlər tapdı:</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>Parolu dəyiş</translation>
        </message>
        <message>
            <source>The passphrase was changed. Use the new one from now on.</source>
            <translation>Parol dəyişdirildi. Bundan sonra yenisini işlədin.</translation>
        </message>
        <message>
            <source>About Testimony</source>
            <translation>Testimony haqqında</translation>
        </message>
        <message>
            <source>Testimony %1: offline, encrypted documentation of torture and arbitrary detention.

The vault is encrypted with your passphrase. It does not protect a laptop that is left unlocked, asleep or hibernating: lock it (Ctrl+Shift+L) and shut the computer down before a checkpoint. Use full-disk encryption.</source>
            <translation>Testimony %1: işgəncə və özbaşına həbs hallarının internetsiz, şifrələnmiş sənədləşdirilməsi.

Seyf sizin parolunuzla şifrələnib. Kilidlənməmiş, yuxu və ya hibernasiya rejimində qalmış noutbuku qorumur: keçid məntəqəsindən əvvəl seyfi kilidləyin (Ctrl+Shift+L) və kompüteri söndürün. Bütün diskin şifrələnməsindən istifadə edin.</translation>
        </message>
        <message>
            <source>Testimony</source>
            <translation>Testimony</translation>
        </message>
        <message>
            <source>&amp;Vault</source>
            <translation>&amp;Seyf</translation>
        </message>
        <message>
            <source>&amp;Testimony</source>
            <translation>&amp;İfadə</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Kömək</translation>
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation>&amp;Yeni ifadə</translation>
        </message>
        <message>
            <source>&amp;Open testimony</source>
            <translation>İfadəni &amp;aç</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>A&amp;xtar…</translation>
        </message>
        <message>
            <source>&amp;Back to the list</source>
            <translation>Siyahıya &amp;qayıt</translation>
        </message>
        <message>
            <source>&amp;Seal…</source>
            <translation>&amp;Möhürlə…</translation>
        </message>
        <message>
            <source>&amp;Amend…</source>
            <translation>&amp;Düzəliş et…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Kilidlə</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Ehtiyat nüsxə çıxar</translation>
        </message>
        <message>
            <source>&amp;Check the vault</source>
            <translation>Seyfi &amp;yoxla</translation>
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation>&amp;Parolu dəyiş…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>Pa&amp;rametrlər…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>Çı&amp;xış</translation>
        </message>
        <message>
            <source>&amp;About Testimony</source>
            <translation>Testimony &amp;haqqında</translation>
        </message>
        <message>
            <source>Lock the vault now (Ctrl+Shift+L, from anywhere in the program)</source>
            <translation>Seyfi indi kilidlə (Ctrl+Shift+L, proqramın istənilən yerindən)</translation>
        </message>
        <message>
            <source>Freeze this version for the statement; later changes become amendments</source>
            <translation>Bu versiyanı bəyanat üçün dondur; sonrakı dəyişikliklər düzəliş olacaq</translation>
        </message>
    </context>
    <context>
        <name>NarrativePage</name>
        <message>
            <source>The witness's own words, in the language spoken. Leave an empty line between paragraphs: the numbers in the margin are the paragraph numbers of the statement.</source>
            <translation>Şahidin öz sözləri, danışdığı dildə. Abzaslar arasında boş sətir buraxın: kənardakı rəqəmlər bəyanatdakı abzas nömrələridir.</translation>
        </message>
        <message>
            <source>Show the translation</source>
            <translation>Tərcüməni göstər</translation>
        </message>
        <message>
            <source>Translated into</source>
            <translation>Tərcümə dili</translation>
        </message>
        <message>
            <source>Narrative</source>
            <translation>Şahidin danışığı</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— göstərilməyib —</translation>
        </message>
        <message>
            <source>Paragraphs: %d</source>
            <translation>Abzaslar: %d</translation>
        </message>
        <message>
            <source>in the translation: %d</source>
            <translation>tərcümədə: %d</translation>
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
            <translation>Ad</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rütbə</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Vəzifə</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Hissə</translation>
        </message>
        <message>
            <source>Involvement</source>
            <translation>İştirakı</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Təsvir</translation>
        </message>
        <message>
            <source>Appearance, uniform, vehicle, what others called them</source>
            <translation>Görünüş, forma, nəqliyyat, başqalarının onu necə çağırdığı</translation>
        </message>
        <message>
            <source>Add person</source>
            <translation>Şəxs əlavə et</translation>
        </message>
        <message>
            <source>Remove person</source>
            <translation>Şəxsi sil</translation>
        </message>
    </context>
    <context>
        <name>PlaceholderEditor</name>
        <message>
            <source>Back to the list</source>
            <translation>Siyahıya qayıt</translation>
        </message>
        <message>
            <source>The testimony editor is not available in this build.</source>
            <translation>İfadə redaktoru bu versiyada yoxdur.</translation>
        </message>
    </context>
    <context>
        <name>Recorder</name>
        <message>
            <source>The recording could not be closed; the audio stored so far stays in the vault.</source>
            <extracomment>Samples per second recorded when the microphone allows it (see the module docstring).</extracomment>
            <translation>Yazını bağlamaq mümkün olmadı; indiyədək saxlanılan səs seyfdə qalır.</translation>
        </message>
        <message>
            <source>The disk is full, so the recording stopped. What was recorded until now is kept.</source>
            <translation>Disk dolduğu üçün yazı dayandı. İndiyədək yazılanlar saxlanılıb.</translation>
        </message>
        <message>
            <source>The recording stopped because it could not be stored. What was recorded until now is kept.</source>
            <translation>Yazını saxlamaq mümkün olmadığı üçün dayandı. İndiyədək yazılanlar saxlanılıb.</translation>
        </message>
    </context>
    <context>
        <name>RecorderPanel</name>
        <message>
            <source>Stop recording</source>
            <translation>Yazını dayandır</translation>
        </message>
        <message>
            <source>Record audio</source>
            <translation>Səs yaz</translation>
        </message>
        <message>
            <source>● Recording</source>
            <translation>● Yazılır</translation>
        </message>
        <message>
            <source>No sound is reaching the recorder. Check that the microphone is connected.</source>
            <translation>Yazıcıya səs gəlmir. Mikrofonun qoşulduğunu yoxlayın.</translation>
        </message>
    </context>
    <context>
        <name>RepeatablePage</name>
        <message>
            <source>Remove</source>
            <translation>Sil</translation>
        </message>
        <message>
            <source>Remove item %d and everything written in it?</source>
            <translation>%d nömrəli bənd və orada yazılanların hamısı silinsin?</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>What the Istanbul Protocol checklist still misses. Select an item to go to its field. Nothing here stops you from saving; only consent is needed to seal.</source>
            <translation>İstanbul Protokolunun yoxlama siyahısında hələ çatışmayanlar. Sahəsinə keçmək üçün bəndi seçin. Bunlar saxlamağa mane olmur; möhürləmək üçün yalnız razılıq lazımdır.</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>Möhürlə</translation>
        </message>
        <message>
            <source>Review and seal</source>
            <translation>Yoxlama və möhürləmə</translation>
        </message>
        <message>
            <source>Go to this field</source>
            <translation>Bu sahəyə keç</translation>
        </message>
        <message>
            <source>Still missing from the checklist: %d</source>
            <translation>Yoxlama siyahısında hələ çatışmır: %d</translation>
        </message>
        <message>
            <source>Everything the checklist asks for is recorded.</source>
            <translation>Yoxlama siyahısının tələb etdiyi hər şey qeyd edilib.</translation>
        </message>
        <message>
            <source>Seal this version…</source>
            <translation>Bu versiyanı möhürlə…</translation>
        </message>
        <message>
            <source>Amend…</source>
            <translation>Düzəliş et…</translation>
        </message>
        <message>
            <source>This version is sealed and can no longer be changed. To correct or add something, start an amendment: a new version, linked to this one, with the reason for the change.</source>
            <translation>Bu versiya möhürlənib və artıq dəyişdirilə bilməz. Nəyisə düzəltmək və ya əlavə etmək üçün düzəlişə başlayın: buna bağlı, dəyişikliyin səbəbi göstərilmiş yeni versiya.</translation>
        </message>
        <message>
            <source>Seal when the statement has been read back to the witness and they agree with it. A sealed version can no longer be changed; corrections become amendments with a reason.</source>
            <translation>Bəyanat şahidə oxunduqdan və o razılaşdıqdan sonra möhürləyin. Möhürlənmiş versiya artıq dəyişdirilə bilməz; düzəlişlər səbəbi göstərilməklə edilir.</translation>
        </message>
        <message>
            <source>Version %1 sealed %2 · SHA-256 %3</source>
            <translation>Versiya %1 möhürlənib: %2 · SHA-256 %3</translation>
        </message>
        <message>
            <source>Version %1 — draft</source>
            <translation>Versiya %1 — qaralama</translation>
        </message>
        <message>
            <source>reason: %s</source>
            <translation>səbəb: %s</translation>
        </message>
    </context>
    <context>
        <name>SecretField</name>
        <message>
            <source>%s (hidden)</source>
            <translation>%s (gizlədilib)</translation>
        </message>
        <message>
            <source>(not entered — press Show to type it)</source>
            <translation>(daxil edilməyib — yazmaq üçün «Göstər» düyməsini basın)</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Gizlət</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Göstər</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Parametrlər</translation>
        </message>
        <message>
            <source>&amp;Interface language:</source>
            <translation>İnterfeys &amp;dili:</translation>
        </message>
        <message>
            <source>&amp;Lock after inactivity:</source>
            <translation>Fəaliyyət olmadıqda &amp;kilidlə:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> dəq</translation>
        </message>
        <message>
            <source>The vault also locks with Ctrl+Shift+L, when the window is closed and when the computer goes to sleep. Shut the laptop down, not to sleep, before a checkpoint.</source>
            <translation>Seyf həmçinin Ctrl+Shift+L ilə, pəncərə bağlananda və kompüter yuxu rejiminə keçəndə kilidlənir. Keçid məntəqəsindən əvvəl noutbuku yuxu rejiminə yox, tam söndürün.</translation>
        </message>
    </context>
    <context>
        <name>TestimonyEditor</name>
        <message>
            <source>Close without saving?</source>
            <extracomment>How long after a change the draft is saved, unless something saves it sooner. Record-level fields and the page that shows them.</extracomment>
            <translation>Saxlamadan bağlansın?</translation>
        </message>
        <message>
            <source>The last changes could not be saved. If you close now they are lost.</source>
            <translation>Son dəyişiklikləri saxlamaq mümkün olmadı. İndi bağlasanız, onlar itəcək.</translation>
        </message>
        <message>
            <source>Close and lose them</source>
            <translation>Bağla və onları itir</translation>
        </message>
        <message>
            <source>Seal</source>
            <translation>Möhürlə</translation>
        </message>
        <message>
            <source>The testimony cannot be sealed until the witness's consent is recorded.</source>
            <translation>Şahidin razılığı qeyd edilənə qədər ifadəni möhürləmək olmaz.</translation>
        </message>
        <message>
            <source>Stop the audio recording before sealing.</source>
            <translation>Möhürləmədən əvvəl səs yazısını dayandırın.</translation>
        </message>
        <message>
            <source>Seal this version?</source>
            <translation>Bu versiya möhürlənsin?</translation>
        </message>
        <message>
            <source>Once sealed, this version can no longer be changed; corrections become amendments with a reason. Seal it now?</source>
            <translation>Möhürləndikdən sonra bu versiya artıq dəyişdirilə bilməz; düzəlişlər səbəbi göstərilməklə edilir. İndi möhürlənsin?</translation>
        </message>
        <message>
            <source>Sealing…</source>
            <translation>Möhürlənir…</translation>
        </message>
        <message>
            <source>Sealed as version %d</source>
            <translation>%d-ci versiya kimi möhürləndi</translation>
        </message>
        <message>
            <source>Amend this testimony</source>
            <translation>Bu ifadəyə düzəliş</translation>
        </message>
        <message>
            <source>Why is it amended? For example: the witness corrected a date.</source>
            <translation>Düzəliş nə üçün edilir? Məsələn: şahid tarixi düzəltdi.</translation>
        </message>
        <message>
            <source>Amendment started: version %d</source>
            <translation>Düzəliş başladı: versiya %d</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Saxla</translation>
        </message>
        <message>
            <source>Save now (Ctrl+S). Drafts are also saved automatically every few seconds.</source>
            <translation>İndi saxla (Ctrl+S). Qaralamalar həm də bir neçə saniyədən bir avtomatik saxlanılır.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
        <message>
            <source>This version is sealed and cannot be changed. To correct or add something, start an amendment.</source>
            <translation>Bu versiya möhürlənib və dəyişdirilə bilməz. Nəyisə düzəltmək və ya əlavə etmək üçün düzəlişə başlayın.</translation>
        </message>
        <message>
            <source>Amend…</source>
            <translation>Düzəliş et…</translation>
        </message>
        <message>
            <source>Alt+%d</source>
            <translation>Alt+%d</translation>
        </message>
        <message>
            <source>Editing…</source>
            <translation>Redaktə edilir…</translation>
        </message>
        <message>
            <source>Not saved — the vault is locked.</source>
            <translation>Saxlanılmadı — seyf kilidlidir.</translation>
        </message>
        <message>
            <source>Not saved — the disk is full. Your text is kept.</source>
            <translation>Saxlanılmadı — disk doludur. Mətniniz itməyib.</translation>
        </message>
        <message>
            <source>Not saved — this version is sealed.</source>
            <translation>Saxlanılmadı — bu versiya möhürlənib.</translation>
        </message>
        <message>
            <source>Not saved — your text is kept; retrying.</source>
            <translation>Saxlanılmadı — mətniniz itməyib; yenidən cəhd edilir.</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Saxlanıldı %s</translation>
        </message>
        <message>
            <source>Sealed · version %d</source>
            <translation>Möhürlənib · versiya %d</translation>
        </message>
        <message>
            <source>Amendment draft · version %d</source>
            <translation>Düzəliş qaralaması · versiya %d</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Qaralama</translation>
        </message>
        <message>
            <source>The witness has not agreed to an audio recording. Record their answer on the Consent page first.</source>
            <translation>Şahid səs yazısına razılıq verməyib. Əvvəlcə onun cavabını «Razılıq» səhifəsində qeyd edin.</translation>
        </message>
        <message>
            <source>The draft could not be saved, so the recording cannot start.</source>
            <translation>Qaralamanı saxlamaq mümkün olmadı, ona görə yazı başlaya bilməz.</translation>
        </message>
        <message>
            <source>● Recording %s</source>
            <translation>● Yazılır %s</translation>
        </message>
    </context>
    <context>
        <name>TestimonyListPage</name>
        <message>
            <source>Search names, places, words of the testimony… (Ctrl+F)</source>
            <translation>Adlar, yerlər, ifadədəki sözlər üzrə axtar… (Ctrl+F)</translation>
        </message>
        <message>
            <source>Interview date:</source>
            <translation>Müsahibə tarixi:</translation>
        </message>
        <message>
            <source>any</source>
            <translation>istənilən</translation>
        </message>
        <message>
            <source>Reveal names</source>
            <translation>Adları göstər</translation>
        </message>
        <message>
            <source>Show witnesses' full names until you turn this off or the vault locks.</source>
            <translation>Şahidlərin tam adlarını bunu söndürənə və ya seyf kilidlənənə qədər göstər.</translation>
        </message>
        <message>
            <source>Clear filters</source>
            <translation>Filtrləri sıfırla</translation>
        </message>
        <message>
            <source>No testimonies yet.
Start one when the witness is ready (Ctrl+N).</source>
            <translation>Hələ ifadə yoxdur.
Şahid hazır olanda yenisinə başlayın (Ctrl+N).</translation>
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation>&amp;Yeni ifadə</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Bütün statuslar</translation>
        </message>
        <message>
            <source>All methods</source>
            <translation>Bütün üsullar</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) found</source>
            <translation>
                <numerusform>%n ifadə tapıldı</numerusform>
                <numerusform>%n ifadə tapıldı</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n testimony(ies) shown</source>
            <translation>
                <numerusform>%n ifadədən %1-i göstərilir</numerusform>
                <numerusform>%n ifadədən %1-i göstərilir</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies)</source>
            <translation>
                <numerusform>%n ifadə</numerusform>
                <numerusform>%n ifadə</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TestimonyTableModel</name>
        <message>
            <source>Draft</source>
            <translation>Qaralama</translation>
        </message>
        <message>
            <source>Sealed</source>
            <translation>Möhürlənib</translation>
        </message>
        <message>
            <source>Amended</source>
            <translation>Düzəliş edilib</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>İxrac edilib</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>Qəbul təsdiqlənib</translation>
        </message>
        <message>
            <source>Azerbaijani</source>
            <translation>Azərbaycan dili</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>Rus dili</translation>
        </message>
        <message>
            <source>English</source>
            <translation>İngilis dili</translation>
        </message>
        <message>
            <source>Armenian</source>
            <translation>Erməni dili</translation>
        </message>
        <message>
            <source>Persian</source>
            <translation>Fars dili</translation>
        </message>
        <message>
            <source>Turkish</source>
            <translation>Türk dili</translation>
        </message>
        <message>
            <source>Georgian</source>
            <translation>Gürcü dili</translation>
        </message>
        <message>
            <source>Fictional testimony (demo data)</source>
            <translation>Uydurma ifadə (nümayiş məlumatı)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Interview date</source>
            <translation>Müsahibə tarixi</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Yer</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Dil</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Şahid</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Üsullar</translation>
        </message>
        <message>
            <source>Found in</source>
            <translation>Tapıldığı yer</translation>
        </message>
    </context>
    <context>
        <name>TriState</name>
        <message>
            <source>Yes</source>
            <extracomment>The widest a form grows: long lines are hard to read and a calm page has air at its sides.</extracomment>
            <translation>Bəli</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Xeyr</translation>
        </message>
        <message>
            <source>Not asked</source>
            <translation>Soruşulmayıb</translation>
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>The vault's files are damaged and it cannot be opened as it is.</source>
            <translation>Seyfin faylları zədələnib və onu bu halda açmaq mümkün deyil.</translation>
        </message>
        <message>
            <source>You can restore it from a backup: type the passphrase the backup was made with, then choose the backup file.</source>
            <translation>Onu ehtiyat nüsxədən bərpa edə bilərsiniz: nüsxənin çıxarıldığı parolu yazın, sonra ehtiyat nüsxə faylını seçin.</translation>
        </message>
        <message>
            <source>Opening the vault…</source>
            <translation>Seyf açılır…</translation>
        </message>
        <message>
            <source>Unlock the vault</source>
            <translation>Seyfin kilidini açın</translation>
        </message>
        <message>
            <source>Type your passphrase to open the testimonies.</source>
            <translation>İfadələri açmaq üçün parolunuzu yazın.</translation>
        </message>
        <message>
            <source>Vault: %1</source>
            <translation>Seyf: %1</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Parol:</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>Kilidi &amp;aç</translation>
        </message>
        <message>
            <source>&amp;Restore from a backup…</source>
            <translation>Ehtiyat nüsxədən &amp;bərpa et…</translation>
        </message>
        <message>
            <source>Demo vault with fictional testimonies. Its passphrase is: %1</source>
            <translation>Uydurma ifadələrdən ibarət nümayiş seyfi. Parolu: %1</translation>
        </message>
        <message numerus="yes">
            <source>You can try again in %n second(s).</source>
            <translation>
                <numerusform>%n saniyədən sonra yenidən cəhd edə bilərsiniz.</numerusform>
                <numerusform>%n saniyədən sonra yenidən cəhd edə bilərsiniz.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VocabPicker</name>
        <message>
            <source>Type to search…</source>
            <translation>Axtarmaq üçün yazın…</translation>
        </message>
        <message>
            <source>Chosen: %s</source>
            <translation>Seçilib: %s</translation>
        </message>
        <message>
            <source>Nothing chosen yet.</source>
            <translation>Hələ heç nə seçilməyib.</translation>
        </message>
    </context>
    <context>
        <name>WitnessPage</name>
        <message>
            <source>Use a pseudonym when the name must not appear. Names stay hidden on screen until you press Show.</source>
            <translation>Ad görünməməlidirsə, ləqəb işlədin. «Göstər» düyməsini basana qədər adlar ekranda gizli qalır.</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Şəxsiyyət</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Tam adı</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>Ləqəb</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Doğum tarixi</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>Cins</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Vətəndaşlığı</translation>
        </message>
        <message>
            <source>Identity documents</source>
            <translation>Şəxsiyyət sənədləri</translation>
        </message>
        <message>
            <source>Passport or ID card number</source>
            <translation>Pasportun və ya şəxsiyyət vəsiqəsinin nömrəsi</translation>
        </message>
        <message>
            <source>Relation to the victim</source>
            <translation>Zərərçəkənə münasibəti</translation>
        </message>
        <message>
            <source>If the witness is not the victim: mother, cellmate…</source>
            <translation>Şahid zərərçəkən deyilsə: anası, kamera yoldaşı…</translation>
        </message>
        <message>
            <source>Victim's name</source>
            <translation>Zərərçəkənin adı</translation>
        </message>
        <message>
            <source>Names of others</source>
            <translation>Başqalarının adları</translation>
        </message>
        <message>
            <source>Co-detainees, relatives: names hidden in the redacted statement, one per line</source>
            <translation>Kamera yoldaşları, qohumlar: redaktə olunmuş bəyanatda gizlədilən adlar, hər sətirdə biri</translation>
        </message>
        <message>
            <source>Contact for follow-up</source>
            <translation>Sonrakı əlaqə üçün</translation>
        </message>
        <message>
            <source>Role and situation</source>
            <translation>Rolu və vəziyyəti</translation>
        </message>
        <message>
            <source>The witness is</source>
            <translation>Şahid</translation>
        </message>
        <message>
            <source>Situation now</source>
            <translation>Hazırkı vəziyyəti</translation>
        </message>
        <message>
            <source>Occupation and service</source>
            <translation>Peşəsi və xidməti</translation>
        </message>
        <message>
            <source>Occupation</source>
            <translation>Peşəsi</translation>
        </message>
        <message>
            <source>Military rank</source>
            <translation>Hərbi rütbəsi</translation>
        </message>
        <message>
            <source>Military unit</source>
            <translation>Hərbi hissə</translation>
        </message>
        <message>
            <source>Other names to hide</source>
            <translation>Gizlədiləcək digər adlar</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Şahid</translation>
        </message>
        <message>
            <source>female</source>
            <translation>qadın</translation>
        </message>
        <message>
            <source>male</source>
            <translation>kişi</translation>
        </message>
        <message>
            <source>other</source>
            <translation>digər</translation>
        </message>
        <message>
            <source>— not given —</source>
            <translation>— göstərilməyib —</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>The vault's key file has impossible settings and was not used.</source>
            <translation>Seyfin açar faylında mümkünsüz parametrlər var və o istifadə edilmədi.</translation>
        </message>
        <message>
            <source>The vault's key file is damaged.</source>
            <translation>Seyfin açar faylı zədələnib.</translation>
        </message>
        <message>
            <source>The vault's key file does not belong to this key and was not used.</source>
            <translation>Seyfin açar faylı bu açara aid deyil və istifadə edilmədi.</translation>
        </message>
        <message>
            <source>The vault's key file is missing.</source>
            <translation>Seyfin açar faylı yoxdur.</translation>
        </message>
        <message>
            <source>The vault's key file cannot be read.</source>
            <translation>Seyfin açar faylını oxumaq mümkün deyil.</translation>
        </message>
        <message>
            <source>The passphrase is not correct for this vault.</source>
            <translation>Bu seyf üçün parol düzgün deyil.</translation>
        </message>
        <message>
            <source>The disk is full: the last change was not saved. Free some space and save again; your text is kept.</source>
            <translation>Disk doludur: son dəyişiklik saxlanılmadı. Bir az yer boşaldın və yenidən saxlayın; mətniniz itməyib.</translation>
        </message>
        <message>
            <source>Statements can be made in English, Azerbaijani or Russian.</source>
            <translation>Bəyanatlar ingilis, Azərbaycan və ya rus dilində hazırlana bilər.</translation>
        </message>
        <message>
            <source>That version of the testimony does not exist.</source>
            <translation>İfadənin belə versiyası yoxdur.</translation>
        </message>
        <message>
            <source>Record the witness's consent (legal proceedings, use of name, informed of purpose, no coercion) before sealing.</source>
            <translation>Möhürləmədən əvvəl şahidin razılığını qeyd edin (hüquqi proses, adın istifadəsi, məqsəd barədə məlumatlandırma, məcburiyyətin olmaması).</translation>
        </message>
        <message>
            <source>The witness has not agreed to an audio recording.</source>
            <translation>Şahid səs yazısına razılıq verməyib.</translation>
        </message>
        <message>
            <source>Unknown key-derivation setting.</source>
            <translation>Naməlum açar törətmə parametri.</translation>
        </message>
        <message>
            <source>This recording is already finished.</source>
            <translation>Bu yazı artıq başa çatıb.</translation>
        </message>
        <message>
            <source>No testimony with that id is in this vault.</source>
            <translation>Bu seyfdə həmin identifikatorla ifadə yoxdur.</translation>
        </message>
        <message>
            <source>That attachment is not in this vault.</source>
            <translation>Bu qoşma bu seyfdə yoxdur.</translation>
        </message>
        <message>
            <source>This attachment is too large to open here; save a copy instead.</source>
            <translation>Bu qoşma burada açmaq üçün çox böyükdür; əvəzində surətini saxlayın.</translation>
        </message>
        <message>
            <source>The file to attach does not exist.</source>
            <translation>Qoşulacaq fayl yoxdur.</translation>
        </message>
        <message>
            <source>The file to attach cannot be read.</source>
            <translation>Qoşulacaq faylı oxumaq mümkün deyil.</translation>
        </message>
        <message>
            <source>The attachment in the vault is damaged; nothing was saved.</source>
            <translation>Seyfdəki qoşma zədələnib; heç nə saxlanılmadı.</translation>
        </message>
        <message>
            <source>Adding the attachment was cancelled.</source>
            <translation>Qoşmanın əlavə edilməsi ləğv edildi.</translation>
        </message>
        <message>
            <source>The vault is locked.</source>
            <translation>Seyf kilidlidir.</translation>
        </message>
        <message>
            <source>The vault database is damaged; restore it from a backup.</source>
            <translation>Seyfin verilənlər bazası zədələnib; onu ehtiyat nüsxədən bərpa edin.</translation>
        </message>
        <message>
            <source>The vault's database file is empty; restore it from a backup.</source>
            <translation>Seyfin verilənlər bazası faylı boşdur; onu ehtiyat nüsxədən bərpa edin.</translation>
        </message>
        <message>
            <source>The vault could not be written to the disk: the last change was not saved.</source>
            <translation>Seyfi diskə yazmaq mümkün olmadı: son dəyişiklik saxlanılmadı.</translation>
        </message>
        <message>
            <source>The vault's database file is missing; restore it from a backup.</source>
            <translation>Seyfin verilənlər bazası faylı yoxdur; onu ehtiyat nüsxədən bərpa edin.</translation>
        </message>
        <message>
            <source>An amendment needs a reason.</source>
            <translation>Düzəlişin səbəbi göstərilməlidir.</translation>
        </message>
        <message>
            <source>No testimony with that id and version is in this vault.</source>
            <translation>Bu seyfdə həmin identifikator və versiya ilə ifadə yoxdur.</translation>
        </message>
        <message>
            <source>This testimony is sealed; start an amendment to change it.</source>
            <translation>Bu ifadə möhürlənib; dəyişmək üçün düzəlişə başlayın.</translation>
        </message>
        <message>
            <source>This version is already sealed.</source>
            <translation>Bu versiya artıq möhürlənib.</translation>
        </message>
        <message>
            <source>This testimony already has an unsealed draft to edit.</source>
            <translation>Bu ifadənin redaktə üçün möhürlənməmiş qaralaması artıq var.</translation>
        </message>
        <message>
            <source>This vault was written by a newer version of Testimony; update the program to open it.</source>
            <translation>Bu seyf Testimony-nin daha yeni versiyası ilə yazılıb; onu açmaq üçün proqramı yeniləyin.</translation>
        </message>
        <message>
            <source>Both copies of the vault's key file are damaged; restore them from a backup.</source>
            <translation>Seyfin açar faylının hər iki nüsxəsi zədələnib; onları ehtiyat nüsxədən bərpa edin.</translation>
        </message>
        <message>
            <source>The vault's key files are missing; restore them from a backup.</source>
            <translation>Seyfin açar faylları yoxdur; onları ehtiyat nüsxədən bərpa edin.</translation>
        </message>
        <message>
            <source>The passphrase is empty.</source>
            <translation>Parol boşdur.</translation>
        </message>
        <message>
            <source>A vault, or other files, already exist at that location.</source>
            <translation>Həmin yerdə artıq seyf və ya başqa fayllar var.</translation>
        </message>
        <message>
            <source>There is no vault at that location.</source>
            <translation>Həmin yerdə seyf yoxdur.</translation>
        </message>
        <message>
            <source>That backup file does not exist.</source>
            <translation>Belə ehtiyat nüsxə faylı yoxdur.</translation>
        </message>
        <message>
            <source>The new passphrase is empty.</source>
            <translation>Yeni parol boşdur.</translation>
        </message>
        <message>
            <source>The key file and the database belong to different vaults.</source>
            <translation>Açar faylı və verilənlər bazası müxtəlif seyflərə aiddir.</translation>
        </message>
        <message>
            <source>That backup is damaged too; choose an older one.</source>
            <translation>Bu ehtiyat nüsxə də zədələnib; daha köhnəsini seçin.</translation>
        </message>
        <message>
            <source>The restored copy did not verify; nothing was changed.</source>
            <translation>Bərpa edilmiş nüsxə yoxlamadan keçmədi; heç nə dəyişdirilmədi.</translation>
        </message>
        <message>
            <source>The new backup did not verify; the vault itself is unchanged.</source>
            <translation>Yeni ehtiyat nüsxə yoxlamadan keçmədi; seyfin özü dəyişməyib.</translation>
        </message>
    </context>
    <context>
        <name>passphrase_strength</name>
        <message>
            <source>Strong.</source>
            <translation>Güclü.</translation>
        </message>
        <message>
            <source>Far too weak: use several random words.</source>
            <translation>Çox zəifdir: bir neçə təsadüfi söz işlədin.</translation>
        </message>
        <message>
            <source>Weak: a person with the laptop could guess it.</source>
            <translation>Zəifdir: noutbuku ələ keçirən onu tapa bilər.</translation>
        </message>
        <message>
            <source>Fair: add another word or two.</source>
            <translation>Orta: daha bir-iki söz əlavə edin.</translation>
        </message>
        <message>
            <source>Good.</source>
            <translation>Yaxşı.</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <source>Something went wrong; your work is saved.</source>
            <translation>Nəsə alınmadı; işiniz saxlanılıb.</translation>
        </message>
        <message>
            <source>Testimony</source>
            <translation>Testimony</translation>
        </message>
    </context>
</TS>
