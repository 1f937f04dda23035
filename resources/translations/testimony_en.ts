<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>ActsPage</name>
        <message>
            <source>One entry for each act or session the witness describes. Pick the methods from the list and add anything else in the witness's words.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No acts yet. Press Add act for each act or session the witness describes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>During detention episode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Methods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How long</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How often</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who took part</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other methods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the witness's words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was demanded or said</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quote the words where the witness remembers them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who else saw or heard it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Injuries from this act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add act</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no details yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— none or not known —</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttachmentPreview</name>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttachmentsPage</name>
        <message>
            <source>Photos, documents and recordings are stored encrypted in the vault with their SHA-256, taken when they arrive. Originals can be deleted from this computer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attachments</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AttachmentsView</name>
        <message>
            <source>Add files to this testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep the original files?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The files will be stored encrypted in the vault. What should happen to the originals on this computer?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep originals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete originals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted originals cannot be brought back. Cancel adds nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from this draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove “%1” from this draft?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If no sealed version lists it, the file is deleted from the vault. A sealed version keeps its attachments. The removal is written in the audit log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” was removed and deleted from the vault.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” was removed from this draft; the sealed version keeps it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No microphone was found. Connect one and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save an unencrypted copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A copy was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save a copy…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from this draft…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For a file attached by mistake. A sealed version keeps its attachments.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What it shows, for the list of annexes: “Photo of bruises on the left arm, taken 12 June”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select an attachment to see it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(recording)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not yet known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No preview for this kind of file. Save a copy to open it in another program.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This image cannot be shown.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BodyMarksEditor</name>
        <message>
            <source>As reported by the witness — not a medical finding.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click on the figure where the witness shows an injury or pain. Drag a mark to move it; Delete removes the selected mark.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note for the selected mark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the witness says about this place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove mark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>front</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no note)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BodyOutline</name>
        <message>
            <source>Front</source>
            <extracomment>Width / height of one figure's box; the silhouette below is drawn in a 100 x 220 grid.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>R</source>
            <comment>the witness's right side, one letter</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>L</source>
            <comment>the witness's left side, one letter</comment>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <source>Change passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two new passphrases are not the same.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChoosePage</name>
        <message>
            <source>Sealed testimonies not yet sent. A testimony whose consent does not cover this organisation is kept back; the export says why.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every sealed testimony has already been sent. Nothing is waiting.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select &amp;none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This laptop signs the bundle with its own key, fingerprint %1. The organisation accepts it only once it has registered this laptop (Vault → This laptop's fingerprint…).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the enrolled organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundles go to %1 (fingerprint %2). Only that organisation can open them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 · interview of %2 · version %3 · record %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Will be withheld: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConsentBanner</name>
        <message>
            <source>The witness did not agree to their name appearing, so the statement is redacted. The full statement needs a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness was not asked whether their name may appear, so the statement is redacted. The full statement needs a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full statement with the witness's name, against their consent. Your reason is kept in the record's history when you save: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness did not agree to their name appearing. Why must this statement name them? The reason is kept in the record's history when you save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness was not asked whether their name may appear. Why must this statement name them? The reason is kept in the record's history when you save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full statement with the name</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConsentPage</name>
        <message>
            <source>Explain why the testimony is taken and how it may be used, then ask about each use separately. The witness may refuse any of them, take a break, or stop at any time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before the interview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness was told the purpose of the interview and how the testimony may be used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness was told they may stop, take a break or decline to answer at any time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness speaks freely, without pressure from anyone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the witness agrees to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use in legal proceedings (courts, prosecutors, international bodies)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their name may appear in the statement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Publication (reports, media)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audio recording of this interview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact later for follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One organisation per line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisations that may receive it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refusals and reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent is recorded (%s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent is not recorded yet. The testimony can be sealed only once the purpose was explained, the witness speaks freely, and they answered about legal proceedings and the use of their name.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CorroborationPane</name>
        <message>
            <source>Select an entry to see who names it.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n testimonies name this entry.</source>
            <translation>
                <numerusform>%n testimony names this entry.</numerusform>
                <numerusform>%n testimonies name this entry.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n independent witnesses.</source>
            <translation>
                <numerusform>%n independent witness.</numerusform>
                <numerusform>%n independent witnesses.</numerusform>
            </translation>
        </message>
        <message>
            <source>(no date)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no place)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(not named)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The start of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The end of the period is not a date. Write it as YYYY, YYYY-MM or YYYY-MM-DD, for example 2017, 2017-05 or 2017-05-18.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The start of the period (%1) is later than its end (%2). Correct one of the two dates.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Any place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testimonies that name it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Witness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Places</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Methods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timeline of acts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Perpetrators</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Perpetrators × methods (number of independent witnesses)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CreateVaultPage</name>
        <message>
            <source>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even you, can open the vault.</source>
            <extracomment>The weakest score (0–4) accepted for a new passphrase. Longest wait between two wrong passphrases, in seconds. How a page's message line looks: an error must read as one at a glance (GUI review D18).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating the vault…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create your vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testimonies are kept in an encrypted vault on this computer. Choose a passphrase of several words that you will remember. It cannot be recovered if it is forgotten.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault will be created in: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat it:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Show passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Generate a passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use four or more unrelated words.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passphrases are not the same.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DetentionPage</name>
        <message>
            <source>One episode for each period in custody or each place, in order. Approximate dates are fine: say how exactly the witness remembers them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No detention episodes yet. Press Add episode for each period in custody.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place of detention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind of detention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the arrest or abduction happened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transfers between places</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact with family and the outside</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Access to a lawyer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statements or documents signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Medical attention in custody</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description of the place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building, cell, floor: enough to find it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Held by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Police, military police, security service, unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How they were signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Under threat, without reading, without a lawyer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conditions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cell, food, water, sleep, light, toilet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Court</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detention</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add episode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>place not given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— not given —</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeviceDialog</name>
        <message>
            <source>This laptop's fingerprint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The organisation accepts bundles only from laptops it has registered. Give it the device key below, then read this fingerprint to it over the phone: it registers this laptop only if the fingerprint its program shows for the key is the same.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device key (not secret):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy the key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EditorHeader</name>
        <message>
            <source>Editing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved — the disk is full. Your text is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved — this version is sealed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved — the vault is locked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved — your text is kept; retrying.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save now (Ctrl+S). Drafts are also saved automatically a second after you stop typing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This version is sealed and cannot be changed. To correct or add something, start an amendment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amend…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealed · version %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amendment draft · version %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Recording %s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EffectsPage</name>
        <message>
            <source>Physical and psychological effects as the witness describes them, now and since. Mark on the outline where the witness shows injuries or pain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In the witness's words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Physical injuries and symptoms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Psychological effects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sleep, fear, memory, mood</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Medical treatment received or refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where on the body</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Injuries and effects</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EnrolPage</name>
        <message>
            <source>No organisation is enrolled on this laptop yet, so nothing can be sent. Enter the keys the organisation gave you (or run testimony-app enrol), then compare the fingerprint with the one the organisation reads out to you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Recipient (age1…):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt &amp;key (ed25519:…):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation &amp;name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As the witness named it in their consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the &amp;fingerprint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The organisation read out exactly this fingerprint, every character</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Enrol</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EntriesPane</name>
        <message>
            <source>Merge “%1” into “%2”? Every link of the first moves to the second. You can undo the merge later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge entries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search names, ranks, units…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All kinds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>People</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Places</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Units</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rank / unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testimonies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Merge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select two entries that are one person or place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo merge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Where to write the bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encrypted bundles (*.age)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preparing the statements and the records…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n bundle(s) in the outbox (handed-over testimonies) will be copied too.</source>
            <translation>
                <numerusform>%n bundle in the outbox (handed-over testimonies) will be copied too.</numerusform>
                <numerusform>%n bundles in the outbox (handed-over testimonies) will be copied too.</numerusform>
            </translation>
        </message>
        <message>
            <source>Writing the encrypted bundle: %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the bundle back to check it…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The export was cancelled; no bundle was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export to the organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Looking for testimonies to send…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The bundle is written under a temporary name, read back and checked, and only then given its name. Cancelling leaves nothing behind.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the redaction…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportResultPage</name>
        <message numerus="yes">
            <source>The bundle was written, read back and checked: %n testimony(ies), %1, in %2</source>
            <translation>
                <numerusform>The bundle was written, read back and checked: %n testimony, %1, in %2</numerusform>
                <numerusform>The bundle was written, read back and checked: %n testimonies, %1, in %2</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) from the outbox (handed-over testimonies) copied to %1; they stay in the outbox until the organisation's receipt names them.</source>
            <translation>
                <numerusform>%n bundle from the outbox (handed-over testimonies) copied to %1; it stays in the outbox until the organisation's receipt names it.</numerusform>
                <numerusform>%n bundles from the outbox (handed-over testimonies) copied to %1; they stay in the outbox until the organisation's receipt names them.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (record %2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (record %2): version %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (record %2): versions %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>statement in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>redacted: the witness's name may not appear</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n attachment(s)</source>
            <translation>
                <numerusform>%n attachment</numerusform>
                <numerusform>%n attachments</numerusform>
            </translation>
        </message>
        <message>
            <source>SHA-256 of the bundle (the organisation should get the same):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Withheld, and why:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GuideViewer</name>
        <message>
            <source>Interviewer's guide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language of the guide:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HandedOverPage</name>
        <message>
            <source>Received: the organisation's receipt names it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting in the outbox for the organisation's receipt</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>copied out %n time(s)</source>
            <translation>
                <numerusform>copied out %n time</numerusform>
                <numerusform>copied out %n times</numerusform>
            </translation>
        </message>
        <message>
            <source>Handed over — held only by the organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This testimony was sealed and handed over in high-risk mode. Its content, names and attachments are no longer on this laptop, and no passphrase can show them here: only the organisation can open its bundle. What this laptop keeps is below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pseudonym</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Content hash (SHA-256)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handed over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundle</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HandoverControl</name>
        <message>
            <source>Hand over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hand this testimony over to the organisation? Its bundle goes into the outbox, and its content, names and attachments are deleted from this laptop: you will no longer be able to read, print or amend it here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print or save the statement for the witness to sign first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handing over…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) handed over to the outbox</source>
            <translation>
                <numerusform>%n testimony handed over to the outbox</numerusform>
                <numerusform>%n testimonies handed over to the outbox</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <source>About Testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testimony %1: offline, encrypted documentation of torture and arbitrary detention.

The vault is encrypted with your passphrase. It does not protect a laptop that is left unlocked, asleep or hibernating: lock it (Ctrl+Shift+L) and shut the computer down before a checkpoint. Use full-disk encryption.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HighRiskDialog</name>
        <message>
            <source>High-risk mode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What it protects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If you may be stopped and made to type your passphrase: once a sealed testimony is handed over, its bundle waits in the outbox, encrypted so that only the organisation can open it, and everything readable of it is deleted from this laptop — text, names, attachments, search index and backups. The passphrase then opens nothing of it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What it costs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After the hand-over this laptop can no longer show, print or amend the testimony. Print or save the statement for the witness to sign before you hand it over. Only the pseudonym, the interview date and the content hash stay here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drafts stay readable until they are sealed, and a photo or paper copy of the statement is beyond the program's reach.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hand sealed testimonies over to the organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hand over by itself, this many hours after sealing:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0: as soon as the sealed testimony is closed. A testimony open in the window is never handed over by itself.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enrol the organisation first (Vault → Export to the organisation…): a hand-over encrypts to its key.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) handed over</source>
            <translation>
                <numerusform>%n testimony handed over</numerusform>
                <numerusform>%n testimonies handed over</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) in the outbox</source>
            <translation>
                <numerusform>%n bundle in the outbox</numerusform>
                <numerusform>%n bundles in the outbox</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IdleWarning</name>
        <message numerus="yes">
            <source>The vault locks in %n second(s): nothing was typed for a while. Press a key or move the mouse to keep it open.</source>
            <translation>
                <numerusform>The vault locks in %n second: nothing was typed for a while. Press a key or move the mouse to keep it open.</numerusform>
                <numerusform>The vault locks in %n seconds: nothing was typed for a while. Press a key or move the mouse to keep it open.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportRow</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Storing %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled; nothing was added.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InterviewPage</name>
        <message>
            <source>Where, when and with whom the interview took place, and anything that restricted it. Press Now at the start and at the end.</source>
            <extracomment>Fields of the testimony itself (not of ``interview``) that live on this page.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When and where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ended at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Town or village, address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Setting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Home, office, which room; could anyone overhear?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interpreter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name; leave empty if there was none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everyone present</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name and role, one person per line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interpreted into</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The language the interpreter spoke to the interviewer. Leave it empty if there was no interpreter; a written translation of the narrative is set on the Narrative page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restrictions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time limits, security forces nearby, fear, interruptions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How it was recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Written notes, audio recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interviewer's observations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demeanour, visible marks, breaks, inconsistencies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>People</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interviewer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interviewer's organisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language of the interview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conditions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About this record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A working title that does not name the witness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fictional record, for training or demonstration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— not given —</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>KeyboardHints</name>
        <message>
            <source>Caps Lock is on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard layout: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Typing: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latin letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cyrillic letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Armenian letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arabic letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Georgian letters</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LockTriggers</name>
        <message numerus="yes">
            <source>Locked after %n minute(s) without activity.</source>
            <translation>
                <numerusform>Locked after %n minute without activity.</numerusform>
                <numerusform>Locked after %n minutes without activity.</numerusform>
            </translation>
        </message>
        <message>
            <source>Locked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Locked because the computer went to sleep or the screen locked.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit without saving?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last changes to this testimony could not be saved. If you quit now they are lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit and lose them</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NarrativePage</name>
        <message>
            <source>The witness's own words, in the language spoken. Leave an empty line between paragraphs: the numbers in the margin are the paragraph numbers of the statement.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the translation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language of the written translation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The language of the translation typed beside the narrative; it need not be the interpreter's language.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Narrative</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— not given —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paragraphs: %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in the translation: %d</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>Fit &amp;width</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whole &amp;page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zoom in</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PerpetratorTable</name>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rank</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Position</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Involvement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Description</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Appearance, uniform, vehicle, what others called them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove person</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Choose the organisation's receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipts (*.txt *.receipt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the receipt's signature…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purge from this laptop</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete the content of %n testimony(ies) from this laptop? The organisation holds them. Only their ids and hashes stay here, and this cannot be undone.</source>
            <translation>
                <numerusform>Delete the content of %n testimony from this laptop? The organisation holds it. Only its id and hashes stay here, and this cannot be undone.</numerusform>
                <numerusform>Delete the content of %n testimonies from this laptop? The organisation holds them. Only their ids and hashes stay here, and this cannot be undone.</numerusform>
            </translation>
        </message>
        <message>
            <source>Purge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleting the content and writing a fresh backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (record %2)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;Purge %n testimony(ies) from this laptop…</source>
            <translation>
                <numerusform>&amp;Purge %n testimony from this laptop…</numerusform>
                <numerusform>&amp;Purge %n testimonies from this laptop…</numerusform>
            </translation>
        </message>
        <message>
            <source>No receipt has been checked yet.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n testimony(ies) deleted from this laptop.</source>
            <translation>
                <numerusform>%n testimony deleted from this laptop.</numerusform>
                <numerusform>%n testimonies deleted from this laptop.</numerusform>
            </translation>
        </message>
        <message>
            <source>A fresh encrypted backup replaced the older ones, which still held the content.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organisation's receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purging deletes the testimonies' text, names and attachments from this laptop and keeps only each record's id and the hashes that prove what the organisation received.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The receipt is genuine: the organisation confirms it received bundle %1 on %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>can be purged from this laptop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>purged: its content is no longer on this laptop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>KEPT on this laptop</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1, version(s) %2: %3</source>
            <translation>
                <numerusform>%1, version %2: %3</numerusform>
                <numerusform>%1, versions %2: %3</numerusform>
            </translation>
        </message>
        <message>
            <source>Its id and hashes stay, as proof of what was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What to do: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A copy of the database that a restore set aside was kept, because it holds something the vault does not: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What became of each testimony in the bundle:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Recorder</name>
        <message>
            <source>The recording could not be closed; the audio stored so far stays in the vault.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk is full, so the recording stopped. What was recorded until now is kept.</source>
            <extracomment>Samples per second recorded when the microphone allows it (see the module docstring).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The recording stopped because it could not be stored. What was recorded until now is kept.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecorderPanel</name>
        <message>
            <source>Stop recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record audio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sound is reaching the recorder. Check that the microphone is connected.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Recovery</name>
        <message>
            <source>Testimony stopped unexpectedly last time, while testimony %1 (record %2) was open. It was recovered as it was last saved, at %3; at most the last second or two of typing before the stop may be missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovered after an unexpected stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last changes could not be saved before the vault locked. They are kept in memory and will be saved when you unlock; do not close the program.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The changes kept at the lock (record %1) are saved now.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RedactionReviewDialog</name>
        <message>
            <source>Ticked: replaced by %1</source>
            <extracomment>Looks the review up again with other choices (runs on the task runner's thread).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 replaced; %2 doubtful kept as written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Translation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Act %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detention %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annex %1, file name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annex %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason for the amendment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Witness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Injuries and after-effects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interviewer's notes (sent in an export)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doubtful: also an ordinary word</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doubtful: beside another person's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doubtful: lower case, another spelling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doubtful: day and month of birth, no year</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doubtful: two capitals without dots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doubtful</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Initials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name in Arabic script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identifier</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Word you added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the redaction</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before the redacted file leaves the program, check what it hides. Ticked words are replaced. Doubtful words (for example a name that is also an ordinary word) are kept as the witness said them unless you tick them. Untick a word that was hidden by mistake.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In context</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide another &amp;word:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a nickname, a village, a relative's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Hide it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegistryView</name>
        <message>
            <source>Person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registry and corroboration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Corroboration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggestions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RepeatablePage</name>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove item %d and everything written in it?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>What the Istanbul Protocol checklist still misses. Select an item to go to its field. Nothing here stops you from saving; only consent is needed to seal.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review and seal</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to this field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still missing from the checklist: %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything the checklist asks for is recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the Istanbul Protocol checklist still misses in this sealed version. An amendment can add it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seal this version…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amend…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This version is sealed and can no longer be changed. To correct or add something, start an amendment: a new version, linked to this one, with the reason for the change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seal when the statement has been read back to the witness and they agree with it. A sealed version can no longer be changed; corrections become amendments with a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version %1 sealed %2 · SHA-256 %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version %1 — draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reason: %s</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SecretField</name>
        <message>
            <source>%s (hidden)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(not entered — press Show to type it)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Interface language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock after inactivity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault also locks with Ctrl+Shift+L, when the window is closed and when the computer goes to sleep. Shut the laptop down, not to sleep, before a checkpoint.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShellActions</name>
        <message>
            <source>&amp;Vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back to the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Seal…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Amend…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;tatement…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export to the organisation…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import &amp;receipt…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;High-risk mode…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Hand over…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Registry and corroboration…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggest registry &amp;links…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Check the vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New vault…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open vault…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interviewer's &amp;guide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock the vault now (Ctrl+Shift+L, from anywhere in the program)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Freeze this version for the statement; later changes become amendments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preview the witness statement as a PDF, then save it (Ctrl+P)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put the bundle in the outbox for the organisation and delete the testimony from this laptop (high-risk mode)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The guide for interviewers, in the interface language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This laptop's &amp;fingerprint…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatementDialog</name>
        <message>
            <source>Save the statement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The statement could not be made.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The statement was made but cannot be shown here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved and signed. SHA-256 of the file: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved. SHA-256 of the file: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Variant:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>V&amp;ersion:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full statement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Redacted, for sharing beyond the legal team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The redacted statement replaces the witness's name and identifiers, and the names marked sensitive, everywhere in the file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Making the statement…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;ttestation block</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adds a block where an authorised person (a notary, a court or consular official) attests that the witness declared the statement true and signed it in their presence. Leave it off unless the filing asks for it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sig&amp;n with this laptop's key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adds a digital signature that shows this laptop made the file; PDF readers and the organisation can check it. It does not replace the signatures on paper. Only a sealed version can be signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the redaction…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatementFacts</name>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
        <message>
            <source>Sealed version %1. SHA-256 of the sealed content:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version %1 is not sealed: it must not be signed or filed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DRAFT</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SuggestionsPane</name>
        <message>
            <source>Open a testimony to see suggested links.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mentions in testimony %1 and the entries they may refer to. Nothing is linked until you confirm.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>confirmed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>suggested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>linked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>score %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mention / entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind / score</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Confirm</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Link to &amp;new entry</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TestimonyEditor</name>
        <message>
            <source>Close without saving?</source>
            <extracomment>Record-level fields and the page that shows them.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The last changes could not be saved. If you close now they are lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close and lose them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alt+%d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness has not agreed to an audio recording. Record their answer on the Consent page first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The draft could not be saved, so the recording cannot start.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TestimonyListPage</name>
        <message>
            <source>Search names, places, words of the testimony… (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>any</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reveal names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show witnesses' full names until you turn this off or the vault locks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear filters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No testimonies yet.
Start one when the witness is ready (Ctrl+N).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show initials and pseudonyms again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All methods</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln testimony(ies) found</source>
            <translation>
                <numerusform>%Ln testimony found</numerusform>
                <numerusform>%Ln testimonies found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln handed-over testimony(ies) cannot be searched</source>
            <translation>
                <numerusform>%Ln handed-over testimony cannot be searched</numerusform>
                <numerusform>%Ln handed-over testimonies cannot be searched</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Loading the list: the newest %1 of %Ln testimony(ies) shown…</source>
            <translation>
                <numerusform>Loading the list: the newest %1 of %Ln testimony shown…</numerusform>
                <numerusform>Loading the list: the newest %1 of %Ln testimonies shown…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %Ln testimony(ies) shown</source>
            <translation>
                <numerusform>%1 of %Ln testimony shown</numerusform>
                <numerusform>%1 of %Ln testimonies shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln testimony(ies)</source>
            <translation>
                <numerusform>%Ln testimony</numerusform>
                <numerusform>%Ln testimonies</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TestimonyTableModel</name>
        <message>
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acknowledged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Handed over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Azerbaijani</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Russian</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Armenian</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Persian</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turkish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Georgian</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fictional testimony (demo data)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Witness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Methods</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Found in</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TriState</name>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not asked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UnlockPage</name>
        <message>
            <source>The vault's files are damaged and it cannot be opened as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To restore it: type the passphrase the backup was made with, then choose the backup file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening the vault…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock the vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type your passphrase to open the testimonies.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vault: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Show passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Restore from a backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo vault with fictional testimonies. Its passphrase is: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>You can try again in %n second(s).</source>
            <translation>
                <numerusform>You can try again in %n second.</numerusform>
                <numerusform>You can try again in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VaultAccess</name>
        <message>
            <source>The vault's key file was changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One copy of the vault's key file had been changed outside the program. The intact copy opened the vault and replaced the changed one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If you did not do this yourself, tell your organisation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk is full</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The disk is full, so the vault is open for reading only: you can read and print, but nothing can be saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Free some space, then lock the vault and unlock it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the passphrase the backup was made with first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a backup of the vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vault backups (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore the vault from this backup? Anything saved after the backup was made is not in it. The damaged files are kept aside, not deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This vault's history ends before entry %1, which it had already reached. Testimonies sealed since may be missing: its database was replaced by an older copy (a restore from an older backup, or someone else), or lost its last changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This vault's history differs from the one it had reached (entry %1). Its database was replaced by another copy: by a restore, or by someone else.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testimonies exported since then are with your organisation. If you did not restore a backup, tell your organisation before you export again. This warning stays until the next seal or export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault may have been replaced</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VaultChooser</name>
        <message>
            <source>Choose or create an empty folder for the new vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That folder already holds a vault. Use Open vault… to open it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That folder is not empty. Choose an empty folder, or create one in the dialog.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the folder of the vault to open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>There is no vault in that folder. A vault folder holds the files vault.keys and vault.db.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VaultMaintenance</name>
        <message>
            <source>Writing a backup…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup was written and verified, but %1 attachment file(s) are damaged or missing in the vault and are not in it. Check the vault (Vault menu) to see which.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An encrypted backup was written and verified:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the vault…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the vault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The vault is intact: %1 testimonies and %2 audit entries checked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The check found problems:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase was changed. Use the new one from now on: the vault has a new key, a fresh backup was written, and nothing in the vault's folder opens with the old passphrase any more.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersionBox</name>
        <message>
            <source>%1 (sealed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (draft)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VersionSteps</name>
        <message>
            <source>Seal</source>
            <extracomment>How many of the checklist's missing items the seal question lists before "and N more".</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The testimony cannot be sealed until the witness's consent is recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop the audio recording before sealing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seal this version?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Once sealed, this version can no longer be changed; corrections become amendments with a reason. Seal it now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealed as version %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sealed, but not backed up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The testimony is sealed, but no backup was made after it: %1 Free some space, then use Vault → Back up now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amend this testimony</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why is it amended? For example: the witness corrected a date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An amendment needs a reason: the sealed version stays, and the reason says why a new one was made. Write it in a few words.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amendment started: version %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Everything the checklist asks for is recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still missing from the checklist: %d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and %d more on the Review page.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VocabPicker</name>
        <message>
            <source>Type to search…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chosen: %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing chosen yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WitnessPage</name>
        <message>
            <source>Use a pseudonym when the name must not appear. Names stay hidden on screen until you press Show.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pseudonym</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nationality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Identity documents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passport or ID card number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Relation to the victim</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>If the witness is not the victim: mother, cellmate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Victim's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Names of others</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Co-detainees, relatives: names hidden in the redacted statement, one per line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact for follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role and situation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The witness is</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Situation now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Occupation and service</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Occupation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Military rank</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Military unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other names to hide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Witness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>female</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>male</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>— not given —</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>Something went wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong inside Testimony. A report without any testimony content was saved to:
{path}
What was saved in the vault is safe. If the window behaves oddly, close Testimony and open it again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>fields</name>
        <message>
            <source>Write the date as YYYY-MM-DD, for example 2017-05-21, or as YYYY-MM or YYYY when only the month or the year is known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a day of the calendar: check the day and the month.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” has no day, but the precision says “Exact day”: add the day, or choose “Month only” or “Year only”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” has no month, but the precision says “Month only”: add the month, or choose “Year only”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write the time as HH:MM on a 24-hour clock, for example 09:30 or 14:05.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>YYYY-MM-DD; YYYY-MM or YYYY when only that is known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HH:MM, 24-hour clock</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>sizes</name>
        <message>
            <source>B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>kB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>TB</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <source>Something went wrong; your work is saved.</source>
            <extracomment>How often, at most, a progress bar moves while the worker reports (an export: per MiB).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testimony</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
