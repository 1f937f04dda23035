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
            <source>no details yet</source>
            <translation>hələ təfərrüat yoxdur</translation>
        </message>
        <message>
            <source>— none or not known —</source>
            <translation>— yoxdur və ya məlum deyil —</translation>
        </message>
    </context>
    <context>
        <name>AttachmentPreview</name>
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
            <source>Keep the original files?</source>
            <translation>Orijinal fayllar saxlanılsın?</translation>
        </message>
        <message>
            <source>The files will be stored encrypted in the vault. What should happen to the originals on this computer?</source>
            <translation>Fayllar seyfdə şifrələnmiş halda saxlanılacaq. Bu kompüterdəki orijinallarla nə edilsin?</translation>
        </message>
        <message>
            <source>Keep originals</source>
            <translation>Orijinalları saxla</translation>
        </message>
        <message>
            <source>Delete originals</source>
            <translation>Orijinalları sil</translation>
        </message>
        <message>
            <source>Deleted originals cannot be brought back. Cancel adds nothing.</source>
            <translation>Silinmiş orijinalları geri qaytarmaq mümkün deyil. «Ləğv et» heç nə əlavə etmir.</translation>
        </message>
        <message>
            <source>Remove from this draft</source>
            <translation>Bu qaralamadan çıxar</translation>
        </message>
        <message>
            <source>Remove “%1” from this draft?</source>
            <translation>«%1» bu qaralamadan çıxarılsın?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Çıxar</translation>
        </message>
        <message>
            <source>If no sealed version lists it, the file is deleted from the vault. A sealed version keeps its attachments. The removal is written in the audit log.</source>
            <translation>Heç bir möhürlənmiş versiyada yoxdursa, fayl seyfdən silinir. Möhürlənmiş versiya öz qoşmalarını saxlayır. Çıxarılma audit jurnalına yazılır.</translation>
        </message>
        <message>
            <source>“%1” was removed and deleted from the vault.</source>
            <translation>«%1» çıxarıldı və seyfdən silindi.</translation>
        </message>
        <message>
            <source>“%1” was removed from this draft; the sealed version keeps it.</source>
            <translation>«%1» bu qaralamadan çıxarıldı; möhürlənmiş versiya onu saxlayır.</translation>
        </message>
        <message>
            <source>No microphone was found. Connect one and try again.</source>
            <translation>Mikrofon tapılmadı. Mikrofonu qoşub yenidən cəhd edin.</translation>
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
            <source>Save a copy…</source>
            <translation>Surətini saxla…</translation>
        </message>
        <message>
            <source>Remove from this draft…</source>
            <translation>Bu qaralamadan çıxar…</translation>
        </message>
        <message>
            <source>For a file attached by mistake. A sealed version keeps its attachments.</source>
            <translation>Səhvən əlavə edilmiş fayl üçün. Möhürlənmiş versiya öz qoşmalarını saxlayır.</translation>
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation>&amp;Təsvir:</translation>
        </message>
        <message>
            <source>What it shows, for the list of annexes: “Photo of bruises on the left arm, taken 12 June”</source>
            <translation>Əlavələr siyahısı üçün nəyi göstərdiyi: «Sol qoldakı göyərmələrin şəkli, 12 iyunda çəkilib»</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Növ:</translation>
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
            <source>Description</source>
            <translation>Təsvir</translation>
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
        <name>ChoosePage</name>
        <message>
            <source>Sealed testimonies not yet sent. A testimony whose consent does not cover this organisation is kept back; the export says why.</source>
            <translation>Hələ göndərilməmiş möhürlənmiş ifadələr. Razılığı bu təşkilatı əhatə etməyən ifadə göndərilmir; ixrac bunun səbəbini bildirir.</translation>
        </message>
        <message>
            <source>Every sealed testimony has already been sent. Nothing is waiting.</source>
            <translation>Bütün möhürlənmiş ifadələr artıq göndərilib. Gözləyən heç nə yoxdur.</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>&amp;Hamısını seç</translation>
        </message>
        <message>
            <source>Select &amp;none</source>
            <translation>&amp;Heç birini seçmə</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>İ&amp;xrac et…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
        <message>
            <source>This laptop signs the bundle with its own key, fingerprint %1. The organisation accepts it only once it has registered this laptop (Vault → This laptop's fingerprint…).</source>
            <translation>Bu noutbuk paketi öz açarı ilə imzalayır, barmaq izi %1. Təşkilat paketi yalnız bu noutbuku qeydiyyata aldıqdan sonra qəbul edir (Seyf → Bu noutbukun barmaq izi…).</translation>
        </message>
        <message>
            <source>the enrolled organisation</source>
            <translation>qeydiyyata alınmış təşkilat</translation>
        </message>
        <message>
            <source>Bundles go to %1 (fingerprint %2). Only that organisation can open them.</source>
            <translation>Paketlərin alıcısı: %1 (barmaq izi %2). Onları yalnız bu təşkilat aça bilər.</translation>
        </message>
        <message>
            <source>%1 · interview of %2 · version %3 · record %4</source>
            <translation>%1 · müsahibə: %2 · versiya %3 · qeyd %4</translation>
        </message>
        <message>
            <source>Will be withheld: %1</source>
            <translation>Göndərilməyəcək: %1</translation>
        </message>
    </context>
    <context>
        <name>ConsentBanner</name>
        <message>
            <source>The witness did not agree to their name appearing, so the statement is redacted. The full statement needs a reason.</source>
            <translation>Şahid adının göstərilməsinə razı olmayıb, ona görə ifadədə ad gizlədilib. Tam ifadə üçün səbəb göstərilməlidir.</translation>
        </message>
        <message>
            <source>The witness was not asked whether their name may appear, so the statement is redacted. The full statement needs a reason.</source>
            <translation>Şahiddən adının göstərilə biləcəyi soruşulmayıb, ona görə ifadədə ad gizlədilib. Tam ifadə üçün səbəb göstərilməlidir.</translation>
        </message>
        <message>
            <source>Full statement with the witness's name, against their consent. Your reason is kept in the record's history when you save: %1</source>
            <translation>Şahidin adı olan tam ifadə, onun razılığına zidd olaraq. Yadda saxladığınız zaman səbəbiniz qeydin tarixçəsində saxlanılır: %1</translation>
        </message>
        <message>
            <source>The witness did not agree to their name appearing. Why must this statement name them? The reason is kept in the record's history when you save.</source>
            <translation>Şahid adının göstərilməsinə razı olmayıb. Bu ifadədə onun adı niyə göstərilməlidir? Yadda saxladığınız zaman səbəb qeydin tarixçəsində saxlanılır.</translation>
        </message>
        <message>
            <source>The witness was not asked whether their name may appear. Why must this statement name them? The reason is kept in the record's history when you save.</source>
            <translation>Şahiddən adının göstərilə biləcəyi soruşulmayıb. Bu ifadədə onun adı niyə göstərilməlidir? Yadda saxladığınız zaman səbəb qeydin tarixçəsində saxlanılır.</translation>
        </message>
        <message>
            <source>Full statement with the name</source>
            <translation>Adı olan tam ifadə</translation>
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
            <source>The witness was told they may stop, take a break or decline to answer at any time</source>
            <translation>Şahidə istənilən vaxt dayandırmaq, fasilə vermək və ya suala cavab verməmək hüququ izah edildi</translation>
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
        <name>CorroborationPane</name>
        <message>
            <source>Select an entry to see who names it.</source>
            <translation>Kimlərin onun adını çəkdiyini görmək üçün qeyd seçin.</translation>
        </message>
        <message numerus="yes">
            <source>%n testimonies name this entry.</source>
            <translation>
                <numerusform>%n ifadədə adı çəkilir.</numerusform>
                <numerusform>%n ifadədə adı çəkilir.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n independent witnesses.</source>
            <translation>
                <numerusform>%n müstəqil şahid.</numerusform>
                <numerusform>%n müstəqil şahid.</numerusform>
            </translation>
        </message>
        <message>
            <source>(no date)</source>
            <translation>(tarix göstərilməyib)</translation>
        </message>
        <message>
            <source>(no place)</source>
            <translation>(yer göstərilməyib)</translation>
        </message>
        <message>
            <source>(not named)</source>
            <translation>(adı çəkilməyib)</translation>
        </message>
        <message>
            <source>The start of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18.</source>
            <translation>Dövrün başlanğıcı tarix deyil. Onu İİİİ, İİİİ-AA və ya İİİİ-AA-GG şəklində yazın, məsələn, 2017, 2017-05 və ya 2017-05-18.</translation>
        </message>
        <message>
            <source>The end of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18.</source>
            <translation>Dövrün sonu tarix deyil. Onu İİİİ, İİİİ-AA və ya İİİİ-AA-GG şəklində yazın, məsələn, 2017, 2017-05 və ya 2017-05-18.</translation>
        </message>
        <message>
            <source>The start of the period (%1) is later than its end (%2). Correct one of the two dates.</source>
            <translation>Dövrün başlanğıcı (%1) sonundan (%2) sonradır. Tarixlərdən birini düzəldin.</translation>
        </message>
        <message>
            <source>&amp;From</source>
            <translation>B&amp;aşlanğıc</translation>
        </message>
        <message>
            <source>&amp;To</source>
            <translation>&amp;Son</translation>
        </message>
        <message>
            <source>&amp;Place</source>
            <translation>&amp;Yer</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>İİİİ-AA-GG</translation>
        </message>
        <message>
            <source>A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD</source>
            <translation>İl, ay və ya gün: İİİİ, İİİİ-AA və ya İİİİ-AA-GG</translation>
        </message>
        <message>
            <source>Any place</source>
            <translation>İstənilən yer</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Tətbiq et</translation>
        </message>
        <message>
            <source>Testimonies that name it</source>
            <translation>Onun adını çəkən ifadələr</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Şahid</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Qeyd</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>Tarixlər</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Yerlər</translation>
        </message>
        <message>
            <source>Methods</source>
            <translation>Üsullar</translation>
        </message>
        <message>
            <source>Timeline of acts</source>
            <translation>Əməllərin xronologiyası</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Tarix</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Yer</translation>
        </message>
        <message>
            <source>Perpetrators</source>
            <translation>Törədənlər</translation>
        </message>
        <message>
            <source>Perpetrators × methods (number of independent witnesses)</source>
            <translation>Törədənlər × üsullar (müstəqil şahidlərin sayı)</translation>
        </message>
    </context>
    <context>
        <name>CreateVaultPage</name>
        <message>
            <source>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even you, can open the vault.</source>
            <extracomment>The weakest score (0–4) accepted for a new passphrase. Longest wait between two wrong passphrases, in seconds. How a page's message line looks: an error must read as one at a glance (GUI review D18).</extracomment>
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
        <name>DeviceDialog</name>
        <message>
            <source>This laptop's fingerprint</source>
            <translation>Bu noutbukun barmaq izi</translation>
        </message>
        <message>
            <source>The organisation accepts bundles only from laptops it has registered. Give it the device key below, then read this fingerprint to it over the phone: it registers this laptop only if the fingerprint its program shows for the key is the same.</source>
            <translation>Təşkilat paketləri yalnız qeydiyyata aldığı noutbuklardan qəbul edir. Aşağıdakı cihaz açarını ona verin, sonra bu barmaq izini telefonla ona oxuyun: təşkilat bu noutbuku yalnız onun proqramının həmin açar üçün göstərdiyi barmaq izi eyni olduqda qeydiyyata alır.</translation>
        </message>
        <message>
            <source>Device key (not secret):</source>
            <translation>Cihaz açarı (gizli deyil):</translation>
        </message>
        <message>
            <source>&amp;Copy the key</source>
            <translation>Açarı &amp;kopyala</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
    </context>
    <context>
        <name>EditorHeader</name>
        <message>
            <source>Editing…</source>
            <translation>Redaktə edilir…</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Açılır…</translation>
        </message>
        <message>
            <source>Sealing…</source>
            <translation>Möhürlənir…</translation>
        </message>
        <message>
            <source>Saved %s</source>
            <translation>Saxlanıldı %s</translation>
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
            <source>Not saved — the vault is locked.</source>
            <translation>Saxlanılmadı — seyf kilidlidir.</translation>
        </message>
        <message>
            <source>Not saved — your text is kept; retrying.</source>
            <translation>Saxlanılmadı — mətniniz itməyib; yenidən cəhd edilir.</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Saxla</translation>
        </message>
        <message>
            <source>Save now (Ctrl+S). Drafts are also saved automatically a second after you stop typing.</source>
            <translation>İndi saxla (Ctrl+S). Qaralamalar yazmağı dayandırdıqdan bir saniyə sonra özü də saxlanılır.</translation>
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
            <source>● Recording %s</source>
            <translation>● Yazılır %s</translation>
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
        <name>EnrolPage</name>
        <message>
            <source>No organisation is enrolled on this laptop yet, so nothing can be sent. Enter the keys the organisation gave you (or run testimony-app enrol), then compare the fingerprint with the one the organisation reads out to you.</source>
            <translation>Bu noutbukda hələ heç bir təşkilat qeydiyyata alınmayıb, ona görə heç nə göndərmək olmaz. Təşkilatın sizə verdiyi açarları daxil edin (və ya testimony-app enrol əmrini işə salın), sonra barmaq izini təşkilatın sizə oxuduğu ilə müqayisə edin.</translation>
        </message>
        <message>
            <source>&amp;Recipient (age1…):</source>
            <translation>&amp;Alıcı (age1…):</translation>
        </message>
        <message>
            <source>Receipt &amp;key (ed25519:…):</source>
            <translation>Qəbz &amp;açarı (ed25519:…):</translation>
        </message>
        <message>
            <source>Organisation &amp;name:</source>
            <translation>Təşkilatın a&amp;dı:</translation>
        </message>
        <message>
            <source>As the witness named it in their consent</source>
            <translation>Şahidin razılığında göstərildiyi kimi</translation>
        </message>
        <message>
            <source>Show the &amp;fingerprint</source>
            <translation>&amp;Barmaq izini göstər</translation>
        </message>
        <message>
            <source>The organisation read out exactly this fingerprint, every character</source>
            <translation>Təşkilat məhz bu barmaq izini, hər simvolu ilə oxudu</translation>
        </message>
        <message>
            <source>&amp;Enrol</source>
            <translation>&amp;Qeydiyyata al</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
    </context>
    <context>
        <name>EntriesPane</name>
        <message>
            <source>Merge “%1” into “%2”? Every link of the first moves to the second. You can undo the merge later.</source>
            <translation>«%1» qeydi «%2» qeydinə birləşdirilsin? Birincinin bütün əlaqələri ikinciyə keçəcək. Birləşdirməni sonra geri qaytarmaq olar.</translation>
        </message>
        <message>
            <source>Merge entries</source>
            <translation>Qeydlərin birləşdirilməsi</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>Birləşdir</translation>
        </message>
        <message>
            <source>Search names, ranks, units…</source>
            <translation>Adlar, rütbələr, hissələr üzrə axtar…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>Bütün növlər</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Şəxslər</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Yerlər</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>Hissələr</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Növ</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Rank / unit</source>
            <translation>Rütbə / hissə</translation>
        </message>
        <message>
            <source>Testimonies</source>
            <translation>İfadələr</translation>
        </message>
        <message>
            <source>&amp;Merge…</source>
            <translation>&amp;Birləşdir…</translation>
        </message>
        <message>
            <source>Select two entries that are one person or place</source>
            <translation>Eyni şəxsə və ya yerə aid iki qeyd seçin</translation>
        </message>
        <message>
            <source>&amp;Undo merge</source>
            <translation>Birləşdirməni &amp;geri qaytar</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Yenilə</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Where to write the bundle</source>
            <translation>Paket hara yazılsın</translation>
        </message>
        <message>
            <source>Encrypted bundles (*.age)</source>
            <translation>Şifrələnmiş paketlər (*.age)</translation>
        </message>
        <message>
            <source>Preparing the statements and the records…</source>
            <translation>Bəyanatlar və qeydlər hazırlanır…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Ləğv edilir…</translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) in the outbox (handed-over testimonies) will be copied too.</source>
            <translation>
                <numerusform>Göndərmə qutusundakı %n paket (təhvil verilmiş ifadələr) də köçürüləcək.</numerusform>
                <numerusform>Göndərmə qutusundakı %n paket (təhvil verilmiş ifadələr) də köçürüləcək.</numerusform>
            </translation>
        </message>
        <message>
            <source>Writing the encrypted bundle: %1 of %2</source>
            <translation>Şifrələnmiş paket yazılır: %1 / %2</translation>
        </message>
        <message>
            <source>Reading the bundle back to check it…</source>
            <translation>Yoxlamaq üçün paket geri oxunur…</translation>
        </message>
        <message>
            <source>The export was cancelled; no bundle was written.</source>
            <translation>İxrac ləğv edildi; heç bir paket yazılmadı.</translation>
        </message>
        <message>
            <source>Export to the organisation</source>
            <translation>Təşkilata ixrac</translation>
        </message>
        <message>
            <source>Looking for testimonies to send…</source>
            <translation>Göndəriləcək ifadələr axtarılır…</translation>
        </message>
        <message>
            <source>The bundle is written under a temporary name, read back and checked, and only then given its name. Cancelling leaves nothing behind.</source>
            <translation>Paket müvəqqəti adla yazılır, geri oxunur və yoxlanılır, yalnız bundan sonra ona öz adı verilir. Ləğv etdikdə heç nə qalmır.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Ləğv et</translation>
        </message>
        <message>
            <source>Checking the redaction…</source>
            <translation>Gizlətmə yoxlanılır…</translation>
        </message>
    </context>
    <context>
        <name>ExportResultPage</name>
        <message numerus="yes">
            <source>The bundle was written, read back and checked: %n testimony(ies), %1, in %2</source>
            <translation>
                <numerusform>Paket yazıldı, geri oxundu və yoxlandı: %n ifadə, %1, yeri: %2</numerusform>
                <numerusform>Paket yazıldı, geri oxundu və yoxlandı: %n ifadə, %1, yeri: %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) from the outbox (handed-over testimonies) copied to %1; they stay in the outbox until the organisation's receipt names them.</source>
            <translation>
                <numerusform>Göndərmə qutusundan %n paket (təhvil verilmiş ifadələr) %1 qovluğuna köçürüldü; təşkilatın qəbzi onu adlandırana qədər göndərmə qutusunda qalır.</numerusform>
                <numerusform>Göndərmə qutusundan %n paket (təhvil verilmiş ifadələr) %1 qovluğuna köçürüldü; təşkilatın qəbzi onları adlandırana qədər göndərmə qutusunda qalır.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (record %2): %3</source>
            <translation>%1 (qeyd %2): %3</translation>
        </message>
        <message>
            <source>%1 (record %2): version %3</source>
            <translation>%1 (qeyd %2): versiya %3</translation>
        </message>
        <message>
            <source>%1 (record %2): versions %3</source>
            <translation>%1 (qeyd %2): versiyalar %3</translation>
        </message>
        <message>
            <source>statement in %1</source>
            <translation>bəyanatın dili: %1</translation>
        </message>
        <message>
            <source>redacted: the witness's name may not appear</source>
            <translation>redaktə olunmuş: şahidin adı göstərilə bilməz</translation>
        </message>
        <message numerus="yes">
            <source>%n attachment(s)</source>
            <translation>
                <numerusform>%n qoşma</numerusform>
                <numerusform>%n qoşma</numerusform>
            </translation>
        </message>
        <message>
            <source>SHA-256 of the bundle (the organisation should get the same):</source>
            <translation>Paketin SHA-256 dəyəri (təşkilatda da eyni alınmalıdır):</translation>
        </message>
        <message>
            <source>Exported:</source>
            <translation>İxrac edildi:</translation>
        </message>
        <message>
            <source>Withheld, and why:</source>
            <translation>Göndərilmədi və səbəbi:</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
    </context>
    <context>
        <name>GuideViewer</name>
        <message>
            <source>Interviewer's guide</source>
            <translation>Müsahibə aparan üçün bələdçi</translation>
        </message>
        <message>
            <source>&amp;Language of the guide:</source>
            <translation>Bələdçinin &amp;dili:</translation>
        </message>
    </context>
    <context>
        <name>HandedOverPage</name>
        <message>
            <source>Received: the organisation's receipt names it.</source>
            <translation>Alındı: təşkilatın qəbzi onu adlandırır.</translation>
        </message>
        <message>
            <source>Waiting in the outbox for the organisation's receipt</source>
            <translation>Göndərmə qutusunda təşkilatın qəbzini gözləyir</translation>
        </message>
        <message numerus="yes">
            <source>copied out %n time(s)</source>
            <translation>
                <numerusform>%n dəfə köçürülüb</numerusform>
                <numerusform>%n dəfə köçürülüb</numerusform>
            </translation>
        </message>
        <message>
            <source>Handed over — held only by the organisation</source>
            <translation>Təhvil verilib — yalnız təşkilatda saxlanılır</translation>
        </message>
        <message>
            <source>This testimony was sealed and handed over in high-risk mode. Its content, names and attachments are no longer on this laptop, and no passphrase can show them here: only the organisation can open its bundle. What this laptop keeps is below.</source>
            <translation>Bu ifadə yüksək risk rejimində möhürlənib və təhvil verilib. Onun məzmunu, adları və əlavələri artıq bu kompüterdə yoxdur və heç bir parol onları burada göstərə bilməz: paketi yalnız təşkilat aça bilər. Bu kompüterin saxladıqları aşağıdadır.</translation>
        </message>
        <message>
            <source>Pseudonym</source>
            <translation>Ləqəb</translation>
        </message>
        <message>
            <source>Interview date</source>
            <translation>Müsahibə tarixi</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versiya</translation>
        </message>
        <message>
            <source>Content hash (SHA-256)</source>
            <translation>Məzmunun heşi (SHA-256)</translation>
        </message>
        <message>
            <source>Handed over</source>
            <translation>Təhvil verilib</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Paket</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>Siyahıya qayıt</translation>
        </message>
    </context>
    <context>
        <name>HandoverControl</name>
        <message>
            <source>Hand over</source>
            <translation>Təhvil ver</translation>
        </message>
        <message>
            <source>Hand this testimony over to the organisation? Its bundle goes into the outbox, and its content, names and attachments are deleted from this laptop: you will no longer be able to read, print or amend it here.</source>
            <translation>Bu ifadə təşkilata təhvil verilsin? Paketi göndərmə qutusuna keçir, məzmunu, adları və əlavələri bu kompüterdən silinir: onu burada artıq oxuya, çap edə və ya düzəldə bilməyəcəksiniz.</translation>
        </message>
        <message>
            <source>Print or save the statement for the witness to sign first.</source>
            <translation>Əvvəlcə şahidin imzalaması üçün ifadə sənədini çap edin və ya saxlayın.</translation>
        </message>
        <message>
            <source>Handing over…</source>
            <translation>Təhvil verilir…</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) handed over to the outbox</source>
            <translation>
                <numerusform>%n ifadə göndərmə qutusuna təhvil verildi</numerusform>
                <numerusform>%n ifadə göndərmə qutusuna təhvil verildi</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
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
    </context>
    <context>
        <name>HighRiskDialog</name>
        <message>
            <source>High-risk mode</source>
            <translation>Yüksək risk rejimi</translation>
        </message>
        <message>
            <source>What it protects</source>
            <translation>Nədən qoruyur</translation>
        </message>
        <message>
            <source>If you may be stopped and made to type your passphrase: once a sealed testimony is handed over, its bundle waits in the outbox, encrypted so that only the organisation can open it, and everything readable of it is deleted from this laptop — text, names, attachments, search index and backups. The passphrase then opens nothing of it.</source>
            <translation>Sizi saxlayıb parolu yazmağa məcbur edə bilərlərsə: möhürlənmiş ifadə təhvil verildikdən sonra onun paketi göndərmə qutusunda yalnız təşkilatın aça biləcəyi şəkildə şifrələnmiş halda gözləyir, oxuna bilən hər şey isə bu kompüterdən silinir — mətn, adlar, əlavələr, axtarış indeksi və ehtiyat nüsxələr. Bundan sonra parol ondan heç nə açmır.</translation>
        </message>
        <message>
            <source>What it costs</source>
            <translation>Bunun bədəli</translation>
        </message>
        <message>
            <source>After the hand-over this laptop can no longer show, print or amend the testimony. Print or save the statement for the witness to sign before you hand it over. Only the pseudonym, the interview date and the content hash stay here.</source>
            <translation>Təhvildən sonra bu kompüter ifadəni artıq göstərə, çap edə və ya düzəldə bilməz. Təhvil verməzdən əvvəl şahidin imzalaması üçün ifadə sənədini çap edin və ya saxlayın. Burada yalnız ləqəb, müsahibə tarixi və məzmunun heşi qalır.</translation>
        </message>
        <message>
            <source>Drafts stay readable until they are sealed, and a photo or paper copy of the statement is beyond the program's reach.</source>
            <translation>Qaralamalar möhürlənənədək oxuna bilir, ifadə sənədinin fotosu və ya kağız nüsxəsi isə proqramın əlçatanlığından kənardadır.</translation>
        </message>
        <message>
            <source>Hand sealed testimonies over to the organisation</source>
            <translation>Möhürlənmiş ifadələri təşkilata təhvil ver</translation>
        </message>
        <message>
            <source>Hand over by itself, this many hours after sealing:</source>
            <translation>Möhürləndikdən bu qədər saat sonra avtomatik təhvil ver:</translation>
        </message>
        <message>
            <source> h</source>
            <translation> saat</translation>
        </message>
        <message>
            <source>0: as soon as the sealed testimony is closed. A testimony open in the window is never handed over by itself.</source>
            <translation>0: möhürlənmiş ifadə bağlanan kimi. Pəncərədə açıq olan ifadə heç vaxt avtomatik təhvil verilmir.</translation>
        </message>
        <message>
            <source>Enrol the organisation first (Vault → Export to the organisation…): a hand-over encrypts to its key.</source>
            <translation>Əvvəlcə təşkilatı qeydiyyata alın (Seyf → Təşkilata ixrac et…): təhvil onun açarı ilə şifrələnir.</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) handed over</source>
            <translation>
                <numerusform>%n ifadə təhvil verilib</numerusform>
                <numerusform>%n ifadə təhvil verilib</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) in the outbox</source>
            <translation>
                <numerusform>göndərmə qutusunda %n paket</numerusform>
                <numerusform>göndərmə qutusunda %n paket</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message numerus="yes">
            <source>The vault locks in %n second(s): nothing was typed for a while. Press a key or move the mouse to keep it open.</source>
            <translation>
                <numerusform>Seyf %n saniyədən sonra kilidlənir: bir müddətdir heç nə yazılmayıb. Açıq saxlamaq üçün istənilən düyməni basın və ya siçanı tərpədin.</numerusform>
                <numerusform>Seyf %n saniyədən sonra kilidlənir: bir müddətdir heç nə yazılmayıb. Açıq saxlamaq üçün istənilən düyməni basın və ya siçanı tərpədin.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportRow</name>
        <message>
            <source>Cancel</source>
            <translation>Ləğv et</translation>
        </message>
        <message>
            <source>Storing %s</source>
            <translation>%s saxlanılır</translation>
        </message>
        <message>
            <source>Cancelled; nothing was added.</source>
            <translation>Ləğv edildi; heç nə əlavə olunmadı.</translation>
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
            <source>Interpreted into</source>
            <translation>Şifahi tərcümənin dili</translation>
        </message>
        <message>
            <source>The language the interpreter spoke to the interviewer. Leave it empty if there was no interpreter; a written translation of the narrative is set on the Narrative page.</source>
            <translation>Tərcüməçinin müsahibə aparana danışdığı dil. Tərcüməçi olmayıbsa, boş buraxın; şahidin danışığının yazılı tərcüməsi «Şahidin danışığı» səhifəsində göstərilir.</translation>
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
        <name>KeyboardHints</name>
        <message>
            <source>Caps Lock is on</source>
            <translation>Caps Lock yanılıdır</translation>
        </message>
        <message>
            <source>Keyboard layout: %1</source>
            <translation>Klaviatura düzümü: %1</translation>
        </message>
        <message>
            <source>Typing: %1</source>
            <translation>Yazılır: %1</translation>
        </message>
        <message>
            <source>Latin letters</source>
            <translation>latın hərfləri</translation>
        </message>
        <message>
            <source>Cyrillic letters</source>
            <translation>kiril hərfləri</translation>
        </message>
        <message>
            <source>Armenian letters</source>
            <translation>erməni hərfləri</translation>
        </message>
        <message>
            <source>Arabic letters</source>
            <translation>ərəb hərfləri</translation>
        </message>
        <message>
            <source>Georgian letters</source>
            <translation>gürcü hərfləri</translation>
        </message>
    </context>
    <context>
        <name>LockTriggers</name>
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
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Quit without saving?</source>
            <translation>Saxlamadan çıxılsın?</translation>
        </message>
        <message>
            <source>The last changes to this testimony could not be saved. If you quit now they are lost.</source>
            <translation>Bu ifadədəki son dəyişikliklər saxlanıla bilmədi. İndi çıxsanız, onlar itəcək.</translation>
        </message>
        <message>
            <source>Quit and lose them</source>
            <translation>Çıx və onları itir</translation>
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
            <translation>Şahidin öz sözləri, danışdığı dildə. Abzaslar arasında boş sətir buraxın: kənardakı rəqəmlər bəyanatdakı abzas nömrələridir.</translation>
        </message>
        <message>
            <source>Show the translation</source>
            <translation>Tərcüməni göstər</translation>
        </message>
        <message>
            <source>Language of the written translation</source>
            <translation>Yazılı tərcümənin dili</translation>
        </message>
        <message>
            <source>The language of the translation typed beside the narrative; it need not be the interpreter's language.</source>
            <translation>Şahidin danışığının yanında yazılan tərcümənin dili; tərcüməçinin dili ilə eyni olmaya bilər.</translation>
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
        <name>PdfPreview</name>
        <message>
            <source>Fit &amp;width</source>
            <translation>&amp;Enə sığdır</translation>
        </message>
        <message>
            <source>Whole &amp;page</source>
            <translation>Bütün &amp;səhifə</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Kiçilt</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Böyüt</translation>
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
        <name>ReceiptDialog</name>
        <message>
            <source>Choose the organisation's receipt</source>
            <translation>Təşkilatın qəbzini seçin</translation>
        </message>
        <message>
            <source>Receipts (*.txt *.receipt);;All files (*)</source>
            <translation>Qəbzlər (*.txt *.receipt);;Bütün fayllar (*)</translation>
        </message>
        <message>
            <source>Checking the receipt's signature…</source>
            <translation>Qəbzin imzası yoxlanılır…</translation>
        </message>
        <message>
            <source>Purge from this laptop</source>
            <translation>Bu noutbukdan silmək</translation>
        </message>
        <message numerus="yes">
            <source>Delete the content of %n testimony(ies) from this laptop? The organisation holds them. Only their ids and hashes stay here, and this cannot be undone.</source>
            <translation>
                <numerusform>%n ifadənin məzmunu bu noutbukdan silinsin? O, təşkilatdadır. Burada yalnız onun identifikatoru və həşləri qalır; bunu geri qaytarmaq olmaz.</numerusform>
                <numerusform>%n ifadənin məzmunu bu noutbukdan silinsin? Onlar təşkilatdadır. Burada yalnız identifikatorlar və həşlər qalır; bunu geri qaytarmaq olmaz.</numerusform>
            </translation>
        </message>
        <message>
            <source>Purge</source>
            <translation>Sil</translation>
        </message>
        <message>
            <source>Deleting the content and writing a fresh backup…</source>
            <translation>Məzmun silinir və yeni ehtiyat nüsxə yazılır…</translation>
        </message>
        <message>
            <source>%1 (record %2)</source>
            <translation>%1 (qeyd %2)</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Purge %n testimony(ies) from this laptop…</source>
            <translation>
                <numerusform>%n ifadəni bu noutbukdan &amp;sil…</numerusform>
                <numerusform>%n ifadəni bu noutbukdan &amp;sil…</numerusform>
            </translation>
        </message>
        <message>
            <source>No receipt has been checked yet.</source>
            <translation>Hələ heç bir qəbz yoxlanılmayıb.</translation>
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) deleted from this laptop.</source>
            <translation>
                <numerusform>Bu noutbukdan %n ifadə silindi.</numerusform>
                <numerusform>Bu noutbukdan %n ifadə silindi.</numerusform>
            </translation>
        </message>
        <message>
            <source>A fresh encrypted backup replaced the older ones, which still held the content.</source>
            <translation>Məzmunu hələ də saxlayan köhnə ehtiyat nüsxələri yeni şifrələnmiş ehtiyat nüsxə əvəz etdi.</translation>
        </message>
        <message>
            <source>Organisation's receipt</source>
            <translation>Təşkilatın qəbzi</translation>
        </message>
        <message>
            <source>Purging deletes the testimonies' text, names and attachments from this laptop and keeps only each record's id and the hashes that prove what the organisation received.</source>
            <translation>Silmə ifadələrin mətnini, adları və qoşmaları bu noutbukdan silir və yalnız hər qeydin identifikatorunu və təşkilatın nə aldığını sübut edən həşləri saxlayır.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
        <message>
            <source>The receipt is genuine: the organisation confirms it received bundle %1 on %2.</source>
            <translation>Qəbz həqiqidir: təşkilat %1 paketini %2 tarixində aldığını təsdiqləyir.</translation>
        </message>
        <message>
            <source>can be purged from this laptop</source>
            <translation>bu noutbukdan silinə bilər</translation>
        </message>
        <message>
            <source>purged: its content is no longer on this laptop</source>
            <translation>silindi: məzmunu artıq bu noutbukda deyil</translation>
        </message>
        <message>
            <source>KEPT on this laptop</source>
            <translation>bu noutbukda SAXLANILIR</translation>
        </message>
        <message numerus="yes">
            <source>%1, version(s) %2: %3</source>
            <translation>
                <numerusform>%1, versiya %2: %3</numerusform>
                <numerusform>%1, versiyalar %2: %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Its id and hashes stay, as proof of what was sent.</source>
            <translation>Onun identifikatoru və həşləri göndərilənin sübutu kimi qalır.</translation>
        </message>
        <message>
            <source>What to do: %1</source>
            <translation>Nə etməli: %1</translation>
        </message>
        <message>
            <source>A copy of the database that a restore set aside was kept, because it holds something the vault does not: %1</source>
            <translation>Bərpa zamanı kənara qoyulmuş verilənlər bazası nüsxəsi saxlanıldı, çünki onda seyfin özündə olmayan nəsə var: %1</translation>
        </message>
        <message>
            <source>What became of each testimony in the bundle:</source>
            <translation>Paketdəki hər ifadənin taleyi:</translation>
        </message>
    </context>
    <context>
        <name>Recorder</name>
        <message>
            <source>The recording could not be closed; the audio stored so far stays in the vault.</source>
            <translation>Yazını bağlamaq mümkün olmadı; indiyədək saxlanılan səs seyfdə qalır.</translation>
        </message>
        <message>
            <source>The disk is full, so the recording stopped. What was recorded until now is kept.</source>
            <extracomment>Samples per second recorded when the microphone allows it (see the module docstring).</extracomment>
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
        <name>Recovery</name>
        <message>
            <source>Testimony stopped unexpectedly last time, while testimony %1 (record %2) was open. It was recovered as it was last saved, at %3; at most the last second or two of typing before the stop may be missing.</source>
            <translation>Testimony son dəfə gözlənilmədən dayandı; o zaman %1 ifadəsi (qeyd %2) açıq idi. O, sonuncu dəfə saxlandığı kimi, %3 vəziyyətinə bərpa olundu; dayanmadan əvvəl yazılanların ən çoxu son bir-iki saniyəsi çatışmaya bilər.</translation>
        </message>
        <message>
            <source>Recovered after an unexpected stop</source>
            <translation>Gözlənilməz dayanmadan sonra bərpa olundu</translation>
        </message>
        <message>
            <source>Open it</source>
            <translation>Aç</translation>
        </message>
        <message>
            <source>The last changes could not be saved before the vault locked. They are kept in memory and will be saved when you unlock; do not close the program.</source>
            <translation>Son dəyişikliklər seyf kilidlənməzdən əvvəl saxlanıla bilmədi. Onlar yaddaşda saxlanılır və kilidi açdığınız zaman yazılacaq; proqramı bağlamayın.</translation>
        </message>
        <message>
            <source>The changes kept at the lock (record %1) are saved now.</source>
            <translation>Kilidlənmə zamanı saxlanılan dəyişikliklər (qeyd %1) indi yazıldı.</translation>
        </message>
    </context>
    <context>
        <name>RedactionReviewDialog</name>
        <message>
            <source>Ticked: replaced by %1</source>
            <extracomment>Looks the review up again with other choices (runs on the task runner's thread).</extracomment>
            <translation>İşarələnib: «%1» ilə əvəz olunur</translation>
        </message>
        <message>
            <source>%1 replaced; %2 doubtful kept as written.</source>
            <translation>%1 əvəz olunub; %2 şübhəli söz yazıldığı kimi saxlanılıb.</translation>
        </message>
        <message>
            <source>Translation</source>
            <translation>Tərcümə</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>İfadə</translation>
        </message>
        <message>
            <source>Act %1</source>
            <translation>Əməl %1</translation>
        </message>
        <message>
            <source>Detention %1</source>
            <translation>Həbs %1</translation>
        </message>
        <message>
            <source>Annex %1, file name</source>
            <translation>Əlavə %1, faylın adı</translation>
        </message>
        <message>
            <source>Annex %1</source>
            <translation>Əlavə %1</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Başlıq</translation>
        </message>
        <message>
            <source>Reason for the amendment</source>
            <translation>Düzəlişin səbəbi</translation>
        </message>
        <message>
            <source>Document properties</source>
            <translation>Sənədin xüsusiyyətləri</translation>
        </message>
        <message>
            <source>Interview</source>
            <translation>Müsahibə</translation>
        </message>
        <message>
            <source>Witness</source>
            <translation>Şahid</translation>
        </message>
        <message>
            <source>Injuries and after-effects</source>
            <translation>Xəsarətlər və nəticələri</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Razılıq</translation>
        </message>
        <message>
            <source>Interviewer's notes (sent in an export)</source>
            <translation>Müsahibəçinin qeydləri (ixracda göndərilir)</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>Etiketlər</translation>
        </message>
        <message>
            <source>Report</source>
            <translation>Hesabat</translation>
        </message>
        <message>
            <source>Doubtful: also an ordinary word</source>
            <translation>Şübhəli: həm də adi sözdür</translation>
        </message>
        <message>
            <source>Doubtful: beside another person's name</source>
            <translation>Şübhəli: başqa bir şəxsin adının yanında</translation>
        </message>
        <message>
            <source>Doubtful: lower case, another spelling</source>
            <translation>Şübhəli: kiçik hərflə, başqa yazılışda</translation>
        </message>
        <message>
            <source>Doubtful: day and month of birth, no year</source>
            <translation>Şübhəli: doğum günü və ayı, ili yoxdur</translation>
        </message>
        <message>
            <source>Doubtful: two capitals without dots</source>
            <translation>Şübhəli: nöqtəsiz iki böyük hərf</translation>
        </message>
        <message>
            <source>Doubtful</source>
            <translation>Şübhəli</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ad</translation>
        </message>
        <message>
            <source>Initials</source>
            <translation>İnisiallar</translation>
        </message>
        <message>
            <source>Name in Arabic script</source>
            <translation>Ərəb əlifbası ilə ad</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>Telefon nömrəsi</translation>
        </message>
        <message>
            <source>E-mail address</source>
            <translation>E-poçt ünvanı</translation>
        </message>
        <message>
            <source>Identifier</source>
            <translation>Sənəd nömrəsi</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Doğum tarixi</translation>
        </message>
        <message>
            <source>Word you added</source>
            <translation>Sizin əlavə etdiyiniz söz</translation>
        </message>
        <message>
            <source>Check the redaction</source>
            <translation>Gizlətməni yoxlayın</translation>
        </message>
        <message>
            <source>Before the redacted file leaves the program, check what it hides. Ticked words are replaced. Doubtful words (for example a name that is also an ordinary word) are kept as the witness said them unless you tick them. Untick a word that was hidden by mistake.</source>
            <translation>Gizlədilmiş fayl proqramdan çıxmazdan əvvəl nəyi gizlətdiyini yoxlayın. İşarələnmiş sözlər əvəz olunur. Şübhəli sözlər (məsələn, həm də adi söz olan ad) siz işarələməsəniz, şahidin dediyi kimi qalır. Səhvən gizlədilmiş sözün işarəsini götürün.</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Gizlət</translation>
        </message>
        <message>
            <source>In context</source>
            <translation>Mətndə</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Harada</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Nədir</translation>
        </message>
        <message>
            <source>Hide another &amp;word:</source>
            <translation>Başqa bir &amp;sözü gizlət:</translation>
        </message>
        <message>
            <source>a nickname, a village, a relative's name</source>
            <translation>ləqəb, kənd, qohumun adı</translation>
        </message>
        <message>
            <source>&amp;Hide it</source>
            <translation>&amp;Gizlət</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>&amp;Davam et</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>İmtina</translation>
        </message>
    </context>
    <context>
        <name>RegistryView</name>
        <message>
            <source>Person</source>
            <translation>Şəxs</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Yer</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Hissə</translation>
        </message>
        <message>
            <source>Working…</source>
            <translation>İşlənir…</translation>
        </message>
        <message>
            <source>Registry and corroboration</source>
            <translation>Reyestr və təsdiqedici ifadələr</translation>
        </message>
        <message>
            <source>Corroboration</source>
            <translation>Təsdiqedici ifadələr</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>Təkliflər</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
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
            <source>What the Istanbul Protocol checklist still misses in this sealed version. An amendment can add it.</source>
            <translation>Bu möhürlənmiş versiyada İstanbul Protokolunun yoxlama siyahısında hələ çatışmayanlar. Onları düzəlişlə əlavə etmək olar.</translation>
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
        <name>ShellActions</name>
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
            <source>S&amp;tatement…</source>
            <translation>&amp;Bəyanat…</translation>
        </message>
        <message>
            <source>&amp;Export to the organisation…</source>
            <translation>&amp;Təşkilata ixrac et…</translation>
        </message>
        <message>
            <source>Import &amp;receipt…</source>
            <translation>&amp;Qəbzi idxal et…</translation>
        </message>
        <message>
            <source>&amp;High-risk mode…</source>
            <translation>&amp;Yüksək risk rejimi…</translation>
        </message>
        <message>
            <source>&amp;Hand over…</source>
            <translation>&amp;Təhvil ver…</translation>
        </message>
        <message>
            <source>Registry and corroboration…</source>
            <translation>Reyestr və təsdiqedici ifadələr…</translation>
        </message>
        <message>
            <source>Suggest registry &amp;links…</source>
            <translation>&amp;Reyestr əlaqələrini təklif et…</translation>
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
            <source>&amp;New vault…</source>
            <translation>&amp;Yeni seyf…</translation>
        </message>
        <message>
            <source>&amp;Open vault…</source>
            <translation>Seyfi &amp;aç…</translation>
        </message>
        <message>
            <source>Interviewer's &amp;guide</source>
            <translation>Müsahibə aparan üçün &amp;bələdçi</translation>
        </message>
        <message>
            <source>Lock the vault now (Ctrl+Shift+L, from anywhere in the program)</source>
            <translation>Seyfi indi kilidlə (Ctrl+Shift+L, proqramın istənilən yerindən)</translation>
        </message>
        <message>
            <source>Freeze this version for the statement; later changes become amendments</source>
            <translation>Bu versiyanı bəyanat üçün dondur; sonrakı dəyişikliklər düzəliş olacaq</translation>
        </message>
        <message>
            <source>Preview the witness statement as a PDF, then save it (Ctrl+P)</source>
            <translation>Şahid bəyanatına PDF kimi baxın, sonra onu saxlayın (Ctrl+P)</translation>
        </message>
        <message>
            <source>Put the bundle in the outbox for the organisation and delete the testimony from this laptop (high-risk mode)</source>
            <translation>Paketi təşkilat üçün göndərmə qutusuna qoy və ifadəni bu kompüterdən sil (yüksək risk rejimi)</translation>
        </message>
        <message>
            <source>The guide for interviewers, in the interface language</source>
            <translation>Müsahibə aparanlar üçün bələdçi, interfeysin dilində</translation>
        </message>
        <message>
            <source>This laptop's &amp;fingerprint…</source>
            <translation>Bu noutbukun &amp;barmaq izi…</translation>
        </message>
    </context>
    <context>
        <name>StatementDialog</name>
        <message>
            <source>Save the statement</source>
            <translation>Bəyanatı saxla</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF sənədləri (*.pdf)</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Saxlanılır…</translation>
        </message>
        <message>
            <source>The statement could not be made.</source>
            <translation>Bəyanatı hazırlamaq mümkün olmadı.</translation>
        </message>
        <message>
            <source>The statement was made but cannot be shown here.</source>
            <translation>Bəyanat hazırlandı, lakin onu burada göstərmək mümkün deyil.</translation>
        </message>
        <message>
            <source>Saved. SHA-256 of the file: %1</source>
            <translation>Saxlanıldı. Faylın SHA-256 dəyəri: %1</translation>
        </message>
        <message>
            <source>Statement</source>
            <translation>Bəyanat</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Dil:</translation>
        </message>
        <message>
            <source>&amp;Variant:</source>
            <translation>&amp;Variant:</translation>
        </message>
        <message>
            <source>V&amp;ersion:</source>
            <translation>V&amp;ersiya:</translation>
        </message>
        <message>
            <source>Full statement</source>
            <translation>Tam bəyanat</translation>
        </message>
        <message>
            <source>Redacted, for sharing beyond the legal team</source>
            <translation>Redaktə olunmuş, hüquq komandasından kənarda paylaşmaq üçün</translation>
        </message>
        <message>
            <source>The redacted statement replaces the witness's name and identifiers, and the names marked sensitive, everywhere in the file.</source>
            <translation>Redaktə olunmuş bəyanatda şahidin adı və şəxsiyyət məlumatları, həmçinin həssas kimi qeyd edilmiş adlar faylın hər yerində əvəz olunur.</translation>
        </message>
        <message>
            <source>Making the statement…</source>
            <translation>Bəyanat hazırlanır…</translation>
        </message>
        <message>
            <source>&amp;Save…</source>
            <translation>&amp;Saxla…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Bağla</translation>
        </message>
        <message>
            <source>Saved and signed. SHA-256 of the file: %1</source>
            <translation>Saxlanıldı və imzalandı. Faylın SHA-256 dəyəri: %1</translation>
        </message>
        <message>
            <source>A&amp;ttestation block</source>
            <translation>&amp;Təsdiqləmə bloku</translation>
        </message>
        <message>
            <source>Adds a block where an authorised person (a notary, a court or consular official) attests that the witness declared the statement true and signed it in their presence. Leave it off unless the filing asks for it.</source>
            <translation>Səlahiyyətli şəxsin (notarius, məhkəmə və ya konsulluq əməkdaşı) şahidin ifadəni doğru elan etdiyini və onu öz yanında imzaladığını təsdiq etdiyi blok əlavə edir. Müraciət bunu tələb etmirsə, söndürülmüş saxlayın.</translation>
        </message>
        <message>
            <source>Sig&amp;n with this laptop's key</source>
            <translation>Bu noutbukun açarı ilə i&amp;mzala</translation>
        </message>
        <message>
            <source>Adds a digital signature that shows this laptop made the file; PDF readers and the organisation can check it. It does not replace the signatures on paper. Only a sealed version can be signed.</source>
            <translation>Faylı bu noutbukun hazırladığını göstərən rəqəmsal imza əlavə edir; PDF oxuyucuları və təşkilat onu yoxlaya bilər. Kağız üzərindəki imzaları əvəz etmir. Yalnız möhürlənmiş versiya imzalana bilər.</translation>
        </message>
        <message>
            <source>Checking the redaction…</source>
            <translation>Gizlətmə yoxlanılır…</translation>
        </message>
    </context>
    <context>
        <name>StatementFacts</name>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n səhifə</numerusform>
                <numerusform>%n səhifə</numerusform>
            </translation>
        </message>
        <message>
            <source>Sealed version %1. SHA-256 of the sealed content:</source>
            <translation>Möhürlənmiş versiya %1. Möhürlənmiş məzmunun SHA-256 dəyəri:</translation>
        </message>
        <message>
            <source>Version %1 is not sealed: it must not be signed or filed.</source>
            <translation>Versiya %1 möhürlənməyib: onu imzalamaq və ya məhkəməyə təqdim etmək olmaz.</translation>
        </message>
        <message>
            <source>DRAFT</source>
            <translation>QARALAMA</translation>
        </message>
    </context>
    <context>
        <name>SuggestionsPane</name>
        <message>
            <source>Open a testimony to see suggested links.</source>
            <translation>Təklif olunan əlaqələri görmək üçün ifadəni açın.</translation>
        </message>
        <message>
            <source>Mentions in testimony %1 and the entries they may refer to. Nothing is linked until you confirm.</source>
            <translation>%1 ifadəsində adı çəkilənlər və onların aid ola biləcəyi qeydlər. Siz təsdiqləməyincə heç nə əlaqələndirilmir.</translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>təsdiqlənib</translation>
        </message>
        <message>
            <source>suggested</source>
            <translation>təklif olunub</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rədd edilib</translation>
        </message>
        <message>
            <source>linked</source>
            <translation>əlaqələndirilib</translation>
        </message>
        <message>
            <source>score %1</source>
            <translation>bal %1</translation>
        </message>
        <message>
            <source>Mention / entry</source>
            <translation>Adı çəkilən / qeyd</translation>
        </message>
        <message>
            <source>Kind / score</source>
            <translation>Növ / bal</translation>
        </message>
        <message>
            <source>Reasons</source>
            <translation>Əsaslar</translation>
        </message>
        <message>
            <source>&amp;Confirm</source>
            <translation>&amp;Təsdiqlə</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>&amp;Rədd et</translation>
        </message>
        <message>
            <source>Link to &amp;new entry</source>
            <translation>&amp;Yeni qeydlə əlaqələndir</translation>
        </message>
    </context>
    <context>
        <name>TestimonyEditor</name>
        <message>
            <source>Close without saving?</source>
            <extracomment>Record-level fields and the page that shows them.</extracomment>
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
            <source>Alt+%d</source>
            <translation>Alt+%d</translation>
        </message>
        <message>
            <source>The witness has not agreed to an audio recording. Record their answer on the Consent page first.</source>
            <translation>Şahid səs yazısına razılıq verməyib. Əvvəlcə onun cavabını «Razılıq» səhifəsində qeyd edin.</translation>
        </message>
        <message>
            <source>The draft could not be saved, so the recording cannot start.</source>
            <translation>Qaralamanı saxlamaq mümkün olmadı, ona görə yazı başlaya bilməz.</translation>
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
            <source>Hide names</source>
            <translation>Adları gizlət</translation>
        </message>
        <message>
            <source>Show initials and pseudonyms again.</source>
            <translation>Yenidən inisialları və ləqəbləri göstər.</translation>
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
            <source>%Ln testimony(ies) found</source>
            <translation>
                <numerusform>%Ln ifadə tapıldı</numerusform>
                <numerusform>%Ln ifadə tapıldı</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln handed-over testimony(ies) cannot be searched</source>
            <translation>
                <numerusform>təhvil verilmiş %Ln ifadədə axtarış mümkün deyil</numerusform>
                <numerusform>təhvil verilmiş %Ln ifadədə axtarış mümkün deyil</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Loading the list: the newest %1 of %Ln testimony(ies) shown…</source>
            <translation>
                <numerusform>Siyahı yüklənir: %Ln ifadədən ən yeni %1-i göstərilir…</numerusform>
                <numerusform>Siyahı yüklənir: %Ln ifadədən ən yeni %1-i göstərilir…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln testimony(ies) shown</source>
            <translation>
                <numerusform>%Ln ifadədən %1-i göstərilir</numerusform>
                <numerusform>%Ln ifadədən %1-i göstərilir</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln testimony(ies)</source>
            <translation>
                <numerusform>%Ln ifadə</numerusform>
                <numerusform>%Ln ifadə</numerusform>
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
            <source>Handed over</source>
            <translation>Təhvil verilib</translation>
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
            <source>To restore it: type the passphrase the backup was made with, then choose the backup file.</source>
            <translation>Bərpa etmək üçün: nüsxənin çıxarıldığı parolu yazın, sonra ehtiyat nüsxə faylını seçin.</translation>
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
            <source>&amp;Show passphrase</source>
            <translation>Parolu &amp;göstər</translation>
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
        <name>VaultAccess</name>
        <message>
            <source>The vault's key file was changed</source>
            <translation>Seyfin açar faylı dəyişdirilib</translation>
        </message>
        <message>
            <source>One copy of the vault's key file had been changed outside the program. The intact copy opened the vault and replaced the changed one.</source>
            <translation>Seyfin açar faylının bir nüsxəsi proqramdan kənarda dəyişdirilmişdi. Seyfi toxunulmamış nüsxə açdı və dəyişdirilmiş nüsxəni əvəz etdi.</translation>
        </message>
        <message>
            <source>If you did not do this yourself, tell your organisation.</source>
            <translation>Bunu özünüz etməmisinizsə, təşkilatınıza xəbər verin.</translation>
        </message>
        <message>
            <source>The disk is full</source>
            <translation>Disk doludur</translation>
        </message>
        <message>
            <source>The disk is full, so the vault is open for reading only: you can read and print, but nothing can be saved.</source>
            <translation>Disk doludur, ona görə seyf yalnız oxumaq üçün açılıb: oxuya və çap edə bilərsiniz, amma heç nə yadda saxlanıla bilməz.</translation>
        </message>
        <message>
            <source>Free some space, then lock the vault and unlock it again.</source>
            <translation>Diskdə yer boşaldın, sonra seyfi kilidləyin və yenidən açın.</translation>
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
            <source>This vault's history ends before entry %1, which it had already reached. Testimonies sealed since may be missing: its database was replaced by an older copy (a restore from an older backup, or someone else), or lost its last changes.</source>
            <translation>Bu seyfin tarixçəsi artıq çatdığı %1 saylı qeyddən əvvəl bitir. O vaxtdan möhürlənmiş ifadələr itmiş ola bilər: verilənlər bazası köhnə nüsxə ilə əvəz olunub (köhnə ehtiyat nüsxədən bərpa və ya başqa biri tərəfindən) və ya son dəyişikliklərini itirib.</translation>
        </message>
        <message>
            <source>This vault's history differs from the one it had reached (entry %1). Its database was replaced by another copy: by a restore, or by someone else.</source>
            <translation>Bu seyfin tarixçəsi onun çatdığı tarixçədən fərqlidir (%1 saylı qeyd). Verilənlər bazası başqa nüsxə ilə əvəz olunub: bərpa ilə və ya başqa biri tərəfindən.</translation>
        </message>
        <message>
            <source>Testimonies exported since then are with your organisation. If you did not restore a backup, tell your organisation before you export again. This warning stays until the next seal or export.</source>
            <translation>O vaxtdan ixrac olunmuş ifadələr təşkilatınızdadır. Ehtiyat nüsxədən bərpa etməmisinizsə, yenidən ixrac etməzdən əvvəl təşkilatınıza xəbər verin. Bu xəbərdarlıq növbəti möhürləməyə və ya ixraca qədər qalır.</translation>
        </message>
        <message>
            <source>The vault may have been replaced</source>
            <translation>Seyf dəyişdirilmiş ola bilər</translation>
        </message>
    </context>
    <context>
        <name>VaultChooser</name>
        <message>
            <source>Choose or create an empty folder for the new vault</source>
            <translation>Yeni seyf üçün boş qovluq seçin və ya yaradın</translation>
        </message>
        <message>
            <source>New vault</source>
            <translation>Yeni seyf</translation>
        </message>
        <message>
            <source>That folder already holds a vault. Use Open vault… to open it.</source>
            <translation>Bu qovluqda artıq seyf var. Onu açmaq üçün «Seyfi aç…» seçin.</translation>
        </message>
        <message>
            <source>That folder is not empty. Choose an empty folder, or create one in the dialog.</source>
            <translation>Bu qovluq boş deyil. Boş qovluq seçin və ya pəncərədə yenisini yaradın.</translation>
        </message>
        <message>
            <source>Choose the folder of the vault to open</source>
            <translation>Açılacaq seyfin qovluğunu seçin</translation>
        </message>
        <message>
            <source>Open vault</source>
            <translation>Seyfi aç</translation>
        </message>
        <message>
            <source>There is no vault in that folder. A vault folder holds the files vault.keys and vault.db.</source>
            <translation>Bu qovluqda seyf yoxdur. Seyf qovluğunda vault.keys və vault.db faylları olur.</translation>
        </message>
    </context>
    <context>
        <name>VaultMaintenance</name>
        <message>
            <source>Writing a backup…</source>
            <translation>Ehtiyat nüsxə yazılır…</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>Ehtiyat nüsxə</translation>
        </message>
        <message>
            <source>The backup was written and verified, but %1 attachment file(s) are damaged or missing in the vault and are not in it. Check the vault (Vault menu) to see which.</source>
            <translation>Ehtiyat nüsxə yazıldı və yoxlandı, lakin seyfdə %1 əlavə faylı zədələnib və ya itib, ona görə də nüsxədə yoxdur. Hansı olduğunu görmək üçün seyfi yoxlayın («Seyf» menyusu).</translation>
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
            <source>The passphrase was changed. Use the new one from now on: the vault has a new key, a fresh backup was written, and nothing in the vault's folder opens with the old passphrase any more.</source>
            <translation>Parol dəyişdirildi. Bundan sonra yenisindən istifadə edin: seyfin yeni açarı var, təzə ehtiyat nüsxə yazıldı və seyfin qovluğunda köhnə parolla açılan heç nə qalmadı.</translation>
        </message>
    </context>
    <context>
        <name>VersionBox</name>
        <message>
            <source>%1 (sealed)</source>
            <translation>%1 (möhürlənib)</translation>
        </message>
        <message>
            <source>%1 (draft)</source>
            <translation>%1 (qaralama)</translation>
        </message>
    </context>
    <context>
        <name>VersionSteps</name>
        <message>
            <source>Seal</source>
            <extracomment>How many of the checklist's missing items the seal question lists before "and N more".</extracomment>
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
            <source>Sealed as version %d</source>
            <translation>%d-ci versiya kimi möhürləndi</translation>
        </message>
        <message>
            <source>Sealed, but not backed up</source>
            <translation>Möhürləndi, amma ehtiyat nüsxə çıxarılmadı</translation>
        </message>
        <message>
            <source>The testimony is sealed, but no backup was made after it: %1 Free some space, then use Vault → Back up now.</source>
            <translation>İfadə möhürləndi, amma ondan sonra ehtiyat nüsxə çıxarılmadı: %1 Diskdə yer boşaldın, sonra Seyf → Ehtiyat nüsxə çıxar əmrindən istifadə edin.</translation>
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
            <source>An amendment needs a reason: the sealed version stays, and the reason says why a new one was made. Write it in a few words.</source>
            <translation>Düzəlişin səbəbi olmalıdır: möhürlənmiş versiya qalır, səbəb isə yenisinin niyə yaradıldığını bildirir. Bunu bir neçə sözlə yazın.</translation>
        </message>
        <message>
            <source>Amendment started: version %d</source>
            <translation>Düzəliş başladı: versiya %d</translation>
        </message>
        <message>
            <source>Everything the checklist asks for is recorded.</source>
            <translation>Yoxlama siyahısının tələb etdiyi hər şey qeyd edilib.</translation>
        </message>
        <message>
            <source>Still missing from the checklist: %d</source>
            <translation>Yoxlama siyahısında hələ çatışmır: %d</translation>
        </message>
        <message>
            <source>… and %d more on the Review page.</source>
            <translation>… və «Yoxlama və möhürləmə» səhifəsində daha %d.</translation>
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
        <name>crash</name>
        <message>
            <source>Something went wrong</source>
            <translation>Nəsə alınmadı</translation>
        </message>
        <message>
            <source>Something went wrong inside Testimony. A report without any testimony content was saved to:
{path}
What was saved in the vault is safe. If the window behaves oddly, close Testimony and open it again.</source>
            <translation>Testimony proqramının daxilində xəta baş verdi. İfadələrin heç bir məzmunu olmayan hesabat bu fayla yazıldı:
{path}
Seyfdə saxlanılanlar təhlükəsizdir. Pəncərə qəribə davranarsa, Testimony-ni bağlayıb yenidən açın.</translation>
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>Write the date as YYYY-MM-DD, for example 2017-05-21, or as YYYY-MM or YYYY when only the month or the year is known.</source>
            <translation>Tarixi İİİİ-AA-GG kimi yazın, məsələn 2017-05-21; yalnız ay və ya il məlumdursa, İİİİ-AA və ya İİİİ kimi.</translation>
        </message>
        <message>
            <source>%1 is not a day of the calendar: check the day and the month.</source>
            <translation>%1 təqvimdə olan gün deyil: günü və ayı yoxlayın.</translation>
        </message>
        <message>
            <source>“%1” has no day, but the precision says “Exact day”: add the day, or choose “Month only” or “Year only”.</source>
            <translation>«%1» tarixində gün yoxdur, amma dəqiqlik «Dəqiq gün» göstərir: günü əlavə edin və ya «Yalnız ay» ya da «Yalnız il» seçin.</translation>
        </message>
        <message>
            <source>“%1” has no month, but the precision says “Month only”: add the month, or choose “Year only”.</source>
            <translation>«%1» tarixində ay yoxdur, amma dəqiqlik «Yalnız ay» göstərir: ayı əlavə edin və ya «Yalnız il» seçin.</translation>
        </message>
        <message>
            <source>Write the time as HH:MM on a 24-hour clock, for example 09:30 or 14:05.</source>
            <translation>Vaxtı 24 saatlıq formatda SS:DD kimi yazın, məsələn 09:30 və ya 14:05.</translation>
        </message>
        <message>
            <source>YYYY-MM-DD; YYYY-MM or YYYY when only that is known</source>
            <translation>İİİİ-AA-GG; yalnız o məlumdursa İİİİ-AA və ya İİİİ</translation>
        </message>
        <message>
            <source>HH:MM, 24-hour clock</source>
            <translation>SS:DD, 24 saatlıq format</translation>
        </message>
    </context>
    <context>
        <name>sizes</name>
        <message>
            <source>B</source>
            <translation>B</translation>
        </message>
        <message>
            <source>kB</source>
            <translation>KB</translation>
        </message>
        <message>
            <source>MB</source>
            <translation>MB</translation>
        </message>
        <message>
            <source>GB</source>
            <translation>GB</translation>
        </message>
        <message>
            <source>TB</source>
            <translation>TB</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <source>Something went wrong; your work is saved.</source>
            <extracomment>How often, at most, a progress bar moves while the worker reports (an export: per MiB).</extracomment>
            <translation>Nəsə alınmadı; işiniz saxlanılıb.</translation>
        </message>
        <message>
            <source>Testimony</source>
            <translation>Testimony</translation>
        </message>
    </context>
</TS>
