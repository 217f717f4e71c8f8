<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="+729"/>
        <source>Assign the round</source>
        <translation>Assign the round</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick the inspectors who share this round&apos;s points (evenly, each within few districts). A home district given keeps its inspector away from it.</source>
        <translation>Tick the inspectors who share this round&apos;s points (evenly, each within few districts). A home district given keeps its inspector away from it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Home district</source>
        <translation>Home district</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Home district of %1</source>
        <translation>Home district of %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Tick at least one inspector.</source>
        <translation>Tick at least one inspector.</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../inspector_app/ui/board_page.py" line="+408"/>
        <source>All statuses</source>
        <extracomment>a task changed (task id, its new status)</extracomment>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+12"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-11"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n reported fixed</source>
        <translation>
            <numerusform>%n reported fixed</numerusform>
            <numerusform>%n reported fixed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>%n closed</numerusform>
        </translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Reported fixed</source>
        <translation>Reported fixed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The unit reports the problem fixed. Note (optional):</source>
        <translation>The unit reports the problem fixed. Note (optional):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the task</source>
        <translation>Close the task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified and closed. Note (optional), e.g. how it was checked:</source>
        <translation>Verified and closed. Note (optional), e.g. how it was checked:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopen the task</source>
        <translation>Reopen the task</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the task go back to open?</source>
        <translation>Why does the task go back to open?</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1: now %2</source>
        <translation>%1: now %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 was changed meanwhile by %2 (now %3, %4)</source>
        <translation>%1 was changed meanwhile by %2 (now %3, %4)</translation>
    </message>
</context>
<context>
    <name>BriefingPage</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="+815"/>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ISO week</source>
        <translation>ISO week</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Previous period (PageUp)</source>
        <translation>Previous period (PageUp)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next period (PageDown)</source>
        <translation>Next period (PageDown)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period holding today (Ctrl+Home)</source>
        <translation>The period holding today (Ctrl+Home)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the briefing shown as a PDF document</source>
        <translation>Save the briefing shown as a PDF document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the briefing shown as a Word document to edit in Word or WPS</source>
        <translation>Save the briefing shown as a Word document to edit in Word or WPS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the briefing shown as an Excel workbook</source>
        <translation>Save the briefing shown as an Excel workbook</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Points inspected</source>
        <translation>Points inspected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending review</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deductions</source>
        <translation>Deductions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate</source>
        <translation>Score rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification rate</source>
        <translation>Rectification rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flag rule…</source>
        <translation>Flag rule…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>By unit</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By district</source>
        <translation>By district</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Double-click a problem (or press Enter) to see its photos.</source>
        <translation>Double-click a problem (or press Enter) to see its photos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Most serious problems</source>
        <translation>Most serious problems</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Covert rounds</source>
        <translation>Covert rounds</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 to %3)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Computing the briefing of %1…</source>
        <translation>Computing the briefing of %1…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Figures as of %1 (%2).</source>
        <translation>Figures as of %1 (%2).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The briefing cannot be computed: %1</source>
        <translation>The briefing cannot be computed: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 against the previous period</source>
        <translation>%1 against the previous period</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>of %n task(s)</source>
        <translation>
            <numerusform>of %n task</numerusform>
            <numerusform>of %n tasks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tasks of any period</source>
        <translation>tasks of any period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none this period</source>
        <translation>none this period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Red flag: %1    Yellow flag: %2</source>
        <translation>Red flag: %1    Yellow flag: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Ranked: at least %n inspection(s) · red flag ≥ %1 · yellow flag &lt; %2</source>
        <translation>
            <numerusform>Ranked: at least %n inspection · red flag ≥ %1 · yellow flag &lt; %2</numerusform>
            <numerusform>Ranked: at least %n inspections · red flag ≥ %1 · yellow flag &lt; %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This problem has no photo.</source>
        <translation>This problem has no photo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the briefing</source>
        <translation>Save the briefing</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The folder %1 does not exist.</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saving %1…</source>
        <translation>Saving %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The briefing was not saved: %1</source>
        <translation>The briefing was not saved: %1</translation>
    </message>
</context>
<context>
    <name>BundleTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/import_desk.py" line="+112"/>
        <source>Result</source>
        <extracomment>(kind, words found in the core&apos;s reason), first match wins; the core words its reasons for people, the desk sorts them into a few kinds it can say in the user&apos;s language</extracomment>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key id · no.</source>
        <translation>Key id · no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why refused</source>
        <translation>Why refused</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already here</source>
        <translation>Already here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File not found</source>
        <translation>File not found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder holds no bundle</source>
        <translation>The folder holds no bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by a key not in the keyring</source>
        <translation>Signed by a key not in the keyring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by a revoked key</source>
        <translation>Signed by a revoked key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its number was already used (a replay)</source>
        <translation>Its number was already used (a replay)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clashes with what is already here</source>
        <translation>Clashes with what is already here</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted: needs the centre&apos;s passphrase</source>
        <translation>Encrypted: needs the centre&apos;s passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted for another command centre</source>
        <translation>Encrypted for another command centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by a newer version of Inspector</source>
        <translation>Made by a newer version of Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed after it was signed</source>
        <translation>Changed after it was signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or incomplete</source>
        <translation>The file is damaged or incomplete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an inspector bundle</source>
        <translation>Not an inspector bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is not well formed</source>
        <translation>The bundle is not well formed</translation>
    </message>
</context>
<context>
    <name>CameraImportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/camera_import_dialog.py" line="+66"/>
        <source>Import photos from a camera folder</source>
        <translation>Import photos from a camera folder</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The camera&apos;s folder (e.g. DCIM/100CANON)</source>
        <translation>The camera&apos;s folder (e.g. DCIM/100CANON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to the camera&apos;s time: a camera 5 minutes behind needs +5.</source>
        <translation>Added to the camera&apos;s time: a camera 5 minutes behind needs +5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goes to</source>
        <translation>Goes to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock offset</source>
        <translation>Clock offset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera time zone</source>
        <translation>Camera time zone</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Camera folder</source>
        <translation>Camera folder</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a folder that exists.</source>
        <translation>Choose a folder that exists.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown time zone: use a name such as Asia/Shanghai.</source>
        <translation>Unknown time zone: use a name such as Asia/Shanghai.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the photos&apos; times…</source>
        <translation>Reading the photos&apos; times…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No capture time in the photo</source>
        <translation>No capture time in the photo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No inspection at that time</source>
        <translation>No inspection at that time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a readable photo</source>
        <translation>Not a readable photo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken during %1, which is finalised</source>
        <translation>Taken during %1, which is finalised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not placed</source>
        <translation>Not placed</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 photo(s) will be placed, %2 cannot be placed. Nothing is stored yet.</source>
        <translation>%1 photo(s) will be placed, %2 cannot be placed. Nothing is stored yet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 imported, %2 already there, %3 not placed, %4 refused.</source>
        <translation>%1 imported, %2 already there, %3 not placed, %4 refused.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not placed:</source>
        <translation>Not placed:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refused:</source>
        <translation>Refused:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview stopped. Nothing was stored.</source>
        <translation>Preview stopped. Nothing was stored.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped. Photos attached before the stop stay attached.</source>
        <translation>Stopped. Photos attached before the stop stay attached.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import failed: %1</source>
        <translation>The import failed: %1</translation>
    </message>
</context>
<context>
    <name>CentreSettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/centre_settings_dialog.py" line="+195"/>
        <source>Centre settings</source>
        <translation>Centre settings</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recorded with every decision and task change</source>
        <translation>recorded with every decision and task change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor&apos;s name</source>
        <translation>Supervisor&apos;s name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any IANA time zone name, such as Asia/Shanghai</source>
        <translation>Any IANA time zone name, such as Asia/Shanghai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working days to rectify</source>
        <translation>Working days to rectify</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add holidays</source>
        <translation>Add holidays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holidays</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add adjusted working days</source>
        <translation>Add adjusted working days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjusted working days (a Saturday or Sunday worked)</source>
        <translation>Adjusted working days (a Saturday or Sunday worked)</translation>
    </message>
</context>
<context>
    <name>CentreSetupDialog</name>
    <message>
        <location filename="../../inspector_app/ui/welcome.py" line="+370"/>
        <source>Set up the command centre</source>
        <translation>Set up the command centre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The command centre&apos;s identity is kept in the database, encrypted with the centre&apos;s passphrase. Every supervisor of this data folder unlocks it with that passphrase to open encrypted bundles.</source>
        <translation>The command centre&apos;s identity is kept in the database, encrypted with the centre&apos;s passphrase. Every supervisor of this data folder unlocks it with that passphrase to open encrypted bundles.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The command centre gets its own encryption identity: inspectors encrypt their bundles to it, so a lost USB stick reveals nothing. It is kept in the database, encrypted with the centre&apos;s passphrase.</source>
        <translation>The command centre gets its own encryption identity: inspectors encrypt their bundles to it, so a lost USB stick reveals nothing. It is kept in the database, encrypted with the centre&apos;s passphrase.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recorded with every decision you make</source>
        <translation>recorded with every decision you make</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>The centre&apos;s passphrase</source>
        <translation>The centre&apos;s passphrase</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>at least 8 characters; a sentence is best</source>
        <translation>at least 8 characters; a sentence is best</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Days, weeks and months of the briefings are those of this time zone.</source>
        <translation>Days, weeks and months of the briefings are those of this time zone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unlock and continue</source>
        <translation>Unlock and continue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the centre&apos;s identity</source>
        <translation>Create the centre&apos;s identity</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The command centre is ready. Give this recipient to every inspector: they enter it in their settings, and from then on only this centre can open their bundles.</source>
        <translation>The command centre is ready. Give this recipient to every inspector: they enter it in their settings, and from then on only this centre can open their bundles.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save to file…</source>
        <translation>Save to file…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the command centre</source>
        <translation>Open the command centre</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>too short</source>
        <translation>too short</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weak: add words or other kinds of characters</source>
        <translation>weak: add words or other kinds of characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong</source>
        <translation>strong</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter your own name: it is recorded with every decision.</source>
        <translation>Enter your own name: it is recorded with every decision.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>The passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a time zone name (such as Asia/Shanghai).</source>
        <translation>“%1” is not a time zone name (such as Asia/Shanghai).</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Wrong passphrase for the command centre&apos;s identity.</source>
        <translation>Wrong passphrase for the command centre&apos;s identity.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the recipient</source>
        <translation>Save the recipient</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Command-centre recipient for Inspector</source>
        <translation>Command-centre recipient for Inspector</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
</context>
<context>
    <name>CentreWindow</name>
    <message>
        <location filename="../../inspector_app/ui/centre_window.py" line="+80"/>
        <source>Import</source>
        <extracomment>the sidebar&apos;s width (px): room for the longest page title in either language the user asked for the inspector&apos;s window (the program switches roles) bundles were imported: pages showing imported data may refresh</extracomment>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspector — command centre (demo data)</source>
        <translation>Inspector — command centre (demo data)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspector — command centre</source>
        <translation>Inspector — command centre</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;Centre</source>
        <translation>&amp;Centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import bundles…</source>
        <translation>Import bundles…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a folder…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre settings…</source>
        <translation>Centre settings…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database…</source>
        <translation>Database…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch to inspector</source>
        <translation>Switch to inspector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>About Inspector</source>
        <translation>About Inspector</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Supervisor: %1 · time zone %2</source>
        <translation>Supervisor: %1 · time zone %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Inspector %1</source>
        <translation>Inspector %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command centre: import, review, rectification, briefings.</source>
        <translation>The command centre: import, review, rectification, briefings.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder: %1</source>
        <translation>Data folder: %1</translation>
    </message>
</context>
<context>
    <name>CentreWords</name>
    <message>
        <location filename="../../inspector_app/ui/centre_words.py" line="+38"/>
        <source>Public-service ads</source>
        <extracomment>(background, text) for each board status: the colour backs up a word, never replaces it review decisions: the text colour of their mark and word</extracomment>
        <translation>Public-service ads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sanitation</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported fixed</source>
        <translation>Reported fixed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="-783"/>
        <source>Score rate</source>
        <translation>Score rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score rate by district</source>
        <translation>Score rate by district</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate by unit</source>
        <translation>Score rate by unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems found and rectified by unit</source>
        <translation>Problems found and rectified by unit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems found</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rectified</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No briefing yet</source>
        <translation>No briefing yet</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/checklist.py" line="+186"/>
        <source>Item</source>
        <extracomment>internal id of a category row; item rows carry their category&apos;s row + 1</extracomment>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deduction</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Public-service ads</source>
        <translation>Public-service ads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sanitation</source>
        <translation>Sanitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>pass</source>
        <translation>pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>problem</source>
        <translation>problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not applicable</source>
        <translation>not applicable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing %1 of %2</source>
        <translation>missing %1 of %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>needed</source>
        <translation>needed</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location line="+177"/>
        <source>↑/↓ move · 1 pass · 2 problem · 3 n.a. · 0 clear · +/− count · Enter note · P photo</source>
        <extracomment>photos on the item before the edit; a clear unplaces them, undo places them back a short message for the status bar (what a key did, or why it did nothing)</extracomment>
        <translation>↑/↓ move · 1 pass · 2 problem · 3 n.a. · 0 clear · +/− count · Enter note · P photo</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Note — Enter saves, Esc cancels</source>
        <translation>Note — Enter saves, Esc cancels</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+68"/>
        <source>This inspection is final and can no longer be changed.</source>
        <translation>This inspection is final and can no longer be changed.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Choose an item first (↑/↓).</source>
        <translation>Choose an item first (↑/↓).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Clear %1</source>
        <translation>Clear %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is judged pass/fail; it takes no count.</source>
        <translation>%1 is judged pass/fail; it takes no count.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record a problem (2) before counting.</source>
        <translation>Record a problem (2) before counting.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The count is at least 1; press 0 to clear the item.</source>
        <translation>The count is at least 1; press 0 to clear the item.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most %1 ads can be missing.</source>
        <translation>At most %1 ads can be missing.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: count %2</source>
        <translation>%1: count %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record a result (1, 2 or 3) before writing a note.</source>
        <translation>Record a result (1, 2 or 3) before writing a note.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note on %1:</source>
        <translation>Note on %1:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: note</source>
        <translation>%1: note</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No inspection open</source>
        <translation>No inspection open</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 answered</source>
        <translation>%1 / %2 answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems</source>
        <translation>%1 problems</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−%1 points</source>
        <translation>−%1 points</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>final (read-only)</source>
        <translation>final (read-only)</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../inspector_app/ui/database_dialog.py" line="+45"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>empty: SQLite in the data folder</source>
        <translation>empty: SQLite in the data folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: photos/ in the data folder</source>
        <translation>empty: photos/ in the data folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database URL:</source>
        <translation>Database URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos folder:</source>
        <translation>Photos folder:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In use now: %1. Changes take effect when the program is started again; --database and INSPECTOR_DATABASE_URL, when given, still win.</source>
        <translation>In use now: %1. Changes take effect when the program is started again; --database and INSPECTOR_DATABASE_URL, when given, still win.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Photos folder</source>
        <translation>Photos folder</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No URL: the data folder&apos;s SQLite database is used.</source>
        <translation>No URL: the data folder&apos;s SQLite database is used.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected: the schema is up to date.</source>
        <translation>Connected: the schema is up to date.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: an empty database, made ready at the next start.</source>
        <translation>Connected: an empty database, made ready at the next start.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected, but the schema is older: an administrator runs `inspector-app db upgrade`.</source>
        <translation>Connected, but the schema is older: an administrator runs `inspector-app db upgrade`.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected, but it was made by a newer version of Inspector.</source>
        <translation>Connected, but it was made by a newer version of Inspector.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, but it holds tables not made by Inspector.</source>
        <translation>Connected, but it holds tables not made by Inspector.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot save: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
</context>
<context>
    <name>DateListDialog</name>
    <message>
        <location filename="../../inspector_app/ui/centre_settings_dialog.py" line="-162"/>
        <source>One date a line as YYYY-MM-DD; lines starting with # are skipped.</source>
        <translation>One date a line as YYYY-MM-DD; lines starting with # are skipped.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From file…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Text files</source>
        <translation>Text files</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of dates</source>
        <translation>A list of dates</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 cannot be read as a text file of dates.</source>
        <translation>%1 cannot be read as a text file of dates.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not dates (YYYY-MM-DD), nothing was added:</source>
        <translation>Not dates (YYYY-MM-DD), nothing was added:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no date to add.</source>
        <translation>There is no date to add.</translation>
    </message>
</context>
<context>
    <name>DateListEditor</name>
    <message>
        <location line="+18"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a list…</source>
        <translation>Add a list…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste dates or read them from a text file</source>
        <translation>Paste dates or read them from a text file</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../inspector_app/ui/keyring_panel.py" line="+135"/>
        <source>Enroll an inspector&apos;s key</source>
        <translation>Enroll an inspector&apos;s key</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. T01</source>
        <translation>e.g. T01</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Public key file</source>
        <translation>Public key file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector&apos;s name</source>
        <translation>Inspector&apos;s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector code</source>
        <translation>Inspector code</translation>
    </message>
</context>
<context>
    <name>EvidencePhotos</name>
    <message>
        <location filename="../../inspector_app/ui/evidence_photos.py" line="+137"/>
        <source>Previous photo (←)</source>
        <extracomment>the longest side a preview is decoded to: sharp on a large screen, a fraction of a 12-megapixel original&apos;s decoding time (JPEG draft mode scales while decoding) what the worker hands back: the request&apos;s generation and the decoded preview, if any the inspection&apos;s start and end, named by the outside-the-time marker</extracomment>
        <translation>Previous photo (←)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next photo (→)</source>
        <translation>Next photo (→)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom… (Z)</source>
        <translation>Zoom… (Z)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No photo</source>
        <translation>No photo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Photo %1 of %2</source>
        <translation>Photo %1 of %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This photo cannot be shown.</source>
        <translation>This photo cannot be shown.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (camera clock, zone unknown)</source>
        <translation>%1 (camera clock, zone unknown)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no GPS</source>
        <translation>no GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken %1 · place %2</source>
        <translation>Taken %1 · place %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taken outside the inspection&apos;s time</source>
        <translation>Taken outside the inspection&apos;s time</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(inspection %1)</source>
        <translation>(inspection %1)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Same photo as %n other finding(s): %1</source>
        <translation>
            <numerusform>Same photo as %n other finding: %1</numerusform>
            <numerusform>Same photo as %n other findings: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/export_dialog.py" line="+79"/>
        <source>Export inspections</source>
        <translation>Export inspections</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder or USB stick to write to</source>
        <translation>Folder or USB stick to write to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removable drives…</source>
        <translation>Removable drives…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encrypt for the command centre</source>
        <translation>Encrypt for the command centre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the command centre can open the bundle.</source>
        <translation>Only the command centre can open the bundle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No command-centre recipient is set, so the bundle is signed but not encrypted. Set the recipient in Settings to encrypt.</source>
        <translation>No command-centre recipient is set, so the bundle is signed but not encrypted. Set the recipient in Settings to encrypt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your signing passphrase</source>
        <translation>Your signing passphrase</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+135"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspections to export</source>
        <translation>Inspections to export</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No finalised inspection to export.</source>
        <translation>No finalised inspection to export.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exported</source>
        <translation>exported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 (%3) · %4, %5 · %6</source>
        <translation>%1 · %2 (%3) · %4, %5 · %6</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export to folder</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tick at least one inspection.</source>
        <translation>Tick at least one inspection.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to write the bundle.</source>
        <translation>Choose where to write the bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your passphrase to sign the bundle.</source>
        <translation>Enter your passphrase to sign the bundle.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Exported %n bundle(s):</source>
        <translation>
            <numerusform>Exported %n bundle:</numerusform>
            <numerusform>Exported %n bundles:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypted</source>
        <translation>encrypted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>signed</source>
        <translation>signed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• %1 — %2 — %3, verified</source>
        <translation>• %1 — %2 — %3, verified</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export cancelled: no file was written.</source>
        <translation>Export cancelled: no file was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong passphrase. Try again.</source>
        <translation>Wrong passphrase. Try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>FindingPanel</name>
    <message>
        <location filename="../../inspector_app/ui/review_page.py" line="+180"/>
        <source>severity %1</source>
        <translation>severity %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>count %1</source>
        <translation>count %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−%1 points</source>
        <translation>−%1 points</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown inspector</source>
        <translation>unknown inspector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspected %1 by %2 (key %3)</source>
        <translation>Inspected %1 by %2 (key %3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pending review</source>
        <translation>Pending review</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepted by %1 on %2</source>
        <translation>Accepted by %1 on %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>task: %1</source>
        <translation>task: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rejected by %1 on %2: %3</source>
        <translation>Rejected by %1 on %2: %3</translation>
    </message>
</context>
<context>
    <name>FlagRuleDialog</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="+29"/>
        <source>Flag rule</source>
        <translation>Flag rule</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Units and districts with fewer inspections in the period are listed but not ranked. The best-ranked unit gets the red flag only at or above its line; the worst-ranked unit gets the yellow flag only below its line.</source>
        <translation>Units and districts with fewer inspections in the period are listed but not ranked. The best-ranked unit gets the red flag only at or above its line; the worst-ranked unit gets the yellow flag only below its line.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Minimum inspections to be ranked:</source>
        <translation>Minimum inspections to be ranked:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flag at or above:</source>
        <translation>Red flag at or above:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yellow flag below:</source>
        <translation>Yellow flag below:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>At least one inspection is needed to be ranked.</source>
        <translation>At least one inspection is needed to be ranked.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The yellow-flag line (%1) must not be above the red-flag line (%2): one unit could get both flags.</source>
        <translation>The yellow-flag line (%1) must not be above the red-flag line (%2): one unit could get both flags.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rule was not kept: %1</source>
        <translation>The rule was not kept: %1</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location line="-473"/>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag</source>
        <translation>Flag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate</source>
        <translation>Score rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification rate</source>
        <translation>Rectification rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ranked by score rate; equal rates share a rank</source>
        <translation>Ranked by score rate; equal rates share a rank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate against the previous period, in percentage points</source>
        <translation>Score rate against the previous period, in percentage points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found (rejected findings do not count)</source>
        <translation>Problems found (rejected findings do not count)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems accepted in review</source>
        <translation>Problems accepted in review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified / rectification tasks of the period&apos;s problems</source>
        <translation>Rectified / rectification tasks of the period&apos;s problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks past their deadline and not closed (of any period)</source>
        <translation>Tasks past their deadline and not closed (of any period)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Red flag</source>
        <translation>Red flag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yellow flag</source>
        <translation>Yellow flag</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Not ranked: fewer than %n inspection(s)</source>
        <translation>
            <numerusform>Not ranked: fewer than %n inspection</numerusform>
            <numerusform>Not ranked: fewer than %n inspections</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not ranked: no item was answered</source>
        <translation>Not ranked: no item was answered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous period: %1</source>
        <translation>Previous period: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pending review</source>
        <translation>
            <numerusform>%n pending review</numerusform>
            <numerusform>%n pending review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDesk</name>
    <message>
        <location filename="../../inspector_app/ui/import_desk.py" line="+133"/>
        <source>Drop bundles or a whole folder here</source>
        <extracomment>an import run ended having added something (other pages refresh their data) an import run ended (whatever its outcome)</extracomment>
        <translation>Drop bundles or a whole folder here</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A USB stick&apos;s folder works too. Each bundle is checked (signature, contents, keyring) and imported whole, or not at all.</source>
        <translation>A USB stick&apos;s folder works too. Each bundle is checked (signature, contents, keyring) and imported whole, or not at all.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose bundles…</source>
        <translation>Choose bundles…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops after the bundle being imported</source>
        <translation>Stops after the bundle being imported</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear list</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Bundles not received</source>
        <translation>Bundles not received</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Bundles to import</source>
        <translation>Bundles to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspector bundles</source>
        <translation>Inspector bundles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files</source>
        <translation>All files</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A folder of bundles</source>
        <translation>A folder of bundles</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking for bundles…</source>
        <translation>Looking for bundles…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrong passphrase. The command centre&apos;s passphrase:</source>
        <translation>Wrong passphrase. The command centre&apos;s passphrase:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some bundles are encrypted. The command centre&apos;s passphrase:</source>
        <translation>Some bundles are encrypted. The command centre&apos;s passphrase:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted bundles</source>
        <translation>Encrypted bundles</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing imported: the encrypted bundles need the centre&apos;s passphrase.</source>
        <translation>Nothing imported: the encrypted bundles need the centre&apos;s passphrase.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlocking the centre&apos;s identity…</source>
        <translation>Unlocking the centre&apos;s identity…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Importing bundle %1 of %2…</source>
        <translation>Importing bundle %1 of %2…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped: %1 of %2 bundles handled; the rest were not touched.</source>
        <translation>Stopped: %1 of %2 bundles handled; the rest were not touched.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The import stopped: %1</source>
        <translation>The import stopped: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stopping after this bundle…</source>
        <translation>Stopping after this bundle…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No bundles imported yet in this session.</source>
        <translation>No bundles imported yet in this session.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 imported, %2 rejected, %3 already here</source>
        <translation>%1 imported, %2 rejected, %3 already here</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Signed by %1 (%2), key %3, bundle no. %4.</source>
        <translation>Signed by %1 (%2), key %3, bundle no. %4.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rejected: %1.</source>
        <translation>Rejected: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing from this bundle was imported: a bundle is imported whole or not at all.</source>
        <translation>Nothing from this bundle was imported: a bundle is imported whole or not at all.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detail: %1</source>
        <translation>Detail: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already imported earlier, byte for byte the same: nothing changed.</source>
        <translation>Already imported earlier, byte for byte the same: nothing changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 inspection(s) with %2 new photo(s).</source>
        <translation>Imported %1 inspection(s) with %2 new photo(s).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 inspection(s) were already here with the same content.</source>
        <translation>%1 inspection(s) were already here with the same content.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2): no. %3</source>
        <translation>%1 (%2): no. %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No inspector is enrolled yet: enroll their keys below.</source>
        <translation>No inspector is enrolled yet: enroll their keys below.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None: every inspector&apos;s bundles have arrived in order.</source>
        <translation>None: every inspector&apos;s bundles have arrived in order.</translation>
    </message>
</context>
<context>
    <name>ImportPackageDialog</name>
    <message>
        <location filename="../../inspector_app/ui/package_dialogs.py" line="+199"/>
        <source>Import assignment package</source>
        <extracomment>a package was applied (its AppliedPackage)</extracomment>
        <translation>Import assignment package</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package from the command centre brings your round: the points to visit and their dates, and the point register. It is checked against the pinned command-centre key and applied completely or not at all.</source>
        <translation>The package from the command centre brings your round: the points to visit and their dates, and the point register. It is checked against the pinned command-centre key and applied completely or not at all.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase of this laptop&apos;s key</source>
        <translation>The passphrase of this laptop&apos;s key</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package</source>
        <translation>Package</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Assignment package</source>
        <translation>Assignment package</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignment packages (*.package.age);;All files (*)</source>
        <translation>Assignment packages (*.package.age);;All files (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the passphrase of this laptop&apos;s key.</source>
        <translation>Enter the passphrase of this laptop&apos;s key.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking and applying the package…</source>
        <translation>Checking and applying the package…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Package %1 was already applied here: nothing changed.</source>
        <translation>Package %1 was already applied here: nothing changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package %1 applied.</source>
        <translation>Package %1 applied.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Round “%1”: %n point(s) to visit</source>
        <translation>
            <numerusform>Round “%1”: %n point to visit</numerusform>
            <numerusform>Round “%1”: %n points to visit</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Point register: %1 added, %2 updated</source>
        <translation>Point register: %1 added, %2 updated</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check-item catalogues added: %1</source>
        <translation>Check-item catalogues added: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bundles are now encrypted for the command centre.</source>
        <translation>Bundles are now encrypted for the command centre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command centre&apos;s new key %1 is pinned from now on.</source>
        <translation>The command centre&apos;s new key %1 is pinned from now on.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No command-centre key is pinned on this laptop yet. Pin the key first (Inspection ▸ Pin command-centre key…), after comparing its key id with the command centre. Nothing was changed.</source>
        <translation>No command-centre key is pinned on this laptop yet. Pin the key first (Inspection ▸ Pin command-centre key…), after comparing its key id with the command centre. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The package was refused; nothing was changed.</source>
        <translation>The package was refused; nothing was changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Wrong passphrase. Try again.</source>
        <translation>Wrong passphrase. Try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package was not imported; nothing was changed.</source>
        <translation>The package was not imported; nothing was changed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The package could not be imported: %1</source>
        <translation>The package could not be imported: %1</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="+107"/>
        <source>Time</source>
        <extracomment>the status filter&apos;s values, in the combo box&apos;s order fill the lists this long after construction even if the window never paints (ms) the left pane&apos;s width while My round shows (px)</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported</source>
        <translation>exported</translation>
    </message>
</context>
<context>
    <name>KeyringModel</name>
    <message>
        <location filename="../../inspector_app/ui/keyring_panel.py" line="-69"/>
        <source>Inspector</source>
        <extracomment>the untrusted comment our own `.pub` files carry: &quot;… public key &lt;ID&gt; of &lt;name&gt; (&lt;code&gt;)&quot;</extracomment>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key id</source>
        <translation>Key id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not received</source>
        <translation>Not received</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enrolled by %1</source>
        <translation>Enrolled by %1</translation>
    </message>
</context>
<context>
    <name>KeyringPanel</name>
    <message>
        <location line="+45"/>
        <source>Inspectors&apos; keys</source>
        <extracomment>the keyring changed (a key enrolled or revoked)</extracomment>
        <translation>Inspectors&apos; keys</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enroll a key…</source>
        <translation>Enroll a key…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The centre&apos;s encryption identity</source>
        <translation>The centre&apos;s encryption identity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspectors enter this recipient in their settings to encrypt bundles to you.</source>
        <translation>Inspectors enter this recipient in their settings to encrypt bundles to you.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to file…</source>
        <translation>Save to file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export backup…</source>
        <translation>Export backup…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes the identity encrypted with the centre&apos;s passphrase (age&apos;s own format), to keep somewhere safe.</source>
        <translation>Writes the identity encrypted with the centre&apos;s passphrase (age&apos;s own format), to keep somewhere safe.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>An inspector&apos;s public key</source>
        <translation>An inspector&apos;s public key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>Public keys (*.pub);;All files (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not enrolled: %1</source>
        <translation>Not enrolled: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolled %1 (%2), key %3.</source>
        <translation>Enrolled %1 (%2), key %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revoke a key</source>
        <translation>Revoke a key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke the key of %1 (%2), %3?

Bundles signed with it will be refused from now on; what was already imported stays. A revoked key cannot be enrolled again: the inspector must make a new one.</source>
        <translation>Revoke the key of %1 (%2), %3?

Bundles signed with it will be refused from now on; what was already imported stays. A revoked key cannot be enrolled again: the inspector must make a new one.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Revoked the key of %1 (%2).</source>
        <translation>Revoked the key of %1 (%2).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no encryption identity yet</source>
        <translation>no encryption identity yet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recipient copied.</source>
        <translation>Recipient copied.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the recipient</source>
        <translation>Save the recipient</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Command-centre recipient for Inspector</source>
        <translation>Command-centre recipient for Inspector</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient saved to %1.</source>
        <translation>Recipient saved to %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back up the centre&apos;s identity</source>
        <translation>Back up the centre&apos;s identity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The centre&apos;s passphrase</source>
        <translation>The centre&apos;s passphrase</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The command centre&apos;s passphrase:</source>
        <translation>The command centre&apos;s passphrase:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing the backup…</source>
        <translation>Writing the backup…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup written to %1. It opens with the centre&apos;s passphrase.</source>
        <translation>Backup written to %1. It opens with the centre&apos;s passphrase.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong passphrase for the command centre&apos;s identity.</source>
        <translation>Wrong passphrase for the command centre&apos;s identity.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup written: %1</source>
        <translation>No backup written: %1</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="+142"/>
        <source>Locked. Enter the passphrase to continue.</source>
        <translation>Locked. Enter the passphrase to continue.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase could not be checked: %1</source>
        <translation>The passphrase could not be checked: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="+89"/>
        <source>DEMO DATA</source>
        <extracomment>the user chose another language in the settings (the program rebuilds the window) the user asked for the other role&apos;s window (&quot;centre&quot;); the program switches</extracomment>
        <translation>DEMO DATA</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These are made-up inspections for trying the program.</source>
        <translation>These are made-up inspections for trying the program.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>New inspection</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finalise</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import photos from camera…</source>
        <translation>Import photos from camera…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach photos to item…</source>
        <translation>Attach photos to item…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste photo to item</source>
        <translation>Paste photo to item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discreet mode</source>
        <translation>Discreet mode</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh list</source>
        <translation>Refresh list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+470"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="-468"/>
        <location line="+510"/>
        <source>About Inspector</source>
        <translation>About Inspector</translation>
    </message>
    <message>
        <location line="-508"/>
        <source>Inspections list</source>
        <translation>Inspections list</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+121"/>
        <source>My round</source>
        <translation>My round</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Import package…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin command-centre key…</source>
        <translation>Pin command-centre key…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Inspection</source>
        <extracomment>actions that touch the data: off while locked</extracomment>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Switch to command centre</source>
        <translation>Switch to command centre</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+45"/>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message numerus="yes">
        <location line="+125"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 / %2 answered</source>
        <translation>%1 / %2 answered</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>score %1</source>
        <translation>score %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved %1</source>
        <translation>saved %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+2"/>
        <location line="+125"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Inspector — demo data</source>
        <translation>Inspector — demo data</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Demo data: the passphrase is “demo”.</source>
        <translation>Demo data: the passphrase is “demo”.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Previous / next item</source>
        <translation>Previous / next item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: pass</source>
        <translation>Result: pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: problem</source>
        <translation>Result: problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: not applicable</source>
        <translation>Result: not applicable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count up / down</source>
        <translation>Count up / down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the note</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a photo to the item</source>
        <translation>Attach a photo to the item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected photo from the item</source>
        <translation>Remove the selected photo from the item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected unplaced photo on the item</source>
        <translation>Put the selected unplaced photo on the item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View the selected photo</source>
        <translation>View the selected photo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+2"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector %1</source>
        <translation>Inspector %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline field inspections for the civilized-city programme.</source>
        <translation>Offline field inspections for the civilized-city programme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder: %1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing key: %1</source>
        <translation>Signing key: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command-centre key: %1</source>
        <translation>Command-centre key: %1</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalise.py" line="+44"/>
        <source>Cannot finalise yet</source>
        <translation>Cannot finalise yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an entry to go to its item.</source>
        <translation>Choose an entry to go to its item.</translation>
    </message>
</context>
<context>
    <name>MyRoundModel</name>
    <message>
        <location filename="../../inspector_app/ui/my_round.py" line="+128"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round</source>
        <translation>Round</translation>
    </message>
</context>
<context>
    <name>MyRoundPanel</name>
    <message>
        <location line="+149"/>
        <location line="+153"/>
        <source>Start inspection</source>
        <extracomment>an inspection to show in the checklist (started from an assignment, or its own) a message for the window&apos;s user (text, is it an error) the user asked to import a package / pin the centre&apos;s key</extracomment>
        <translation>Start inspection</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+14"/>
        <source>Import package…</source>
        <translation>Import package…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Pin command-centre key…</source>
        <translation>Pin command-centre key…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Command-centre key: none pinned yet</source>
        <translation>Command-centre key: none pinned yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command-centre key: %1</source>
        <translation>Command-centre key: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No round yet</source>
        <translation>No round yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command centre sends your round in a package written for this laptop. To receive it:</source>
        <translation>The command centre sends your round in a package written for this laptop. To receive it:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1. Pin the command centre&apos;s key: choose its key file (centre.pub) and compare the key id with the command centre by phone or on paper.</source>
        <translation>1. Pin the command centre&apos;s key: choose its key file (centre.pub) and compare the key id with the command centre by phone or on paper.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2. Import the package file the command centre gave you.</source>
        <translation>2. Import the package file the command centre gave you.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1. The command centre&apos;s key is pinned. ✓</source>
        <translation>1. The command centre&apos;s key is pinned. ✓</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last day today</source>
        <translation>last day today</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>ended %n day ago</numerusform>
            <numerusform>ended %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 visited</source>
        <translation>%1 of %2 visited</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open inspection</source>
        <translation>Open inspection</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="-155"/>
        <source>New round</source>
        <translation>New round</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Week 48 covert round</source>
        <translation>e.g. Week 48 covert round</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>that many in every district</source>
        <translation>that many in every district</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all types (or codes or names, comma-separated)</source>
        <translation>all types (or codes or names, comma-separated)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all districts (or names, comma-separated)</source>
        <translation>all districts (or names, comma-separated)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>made and recorded if left empty</source>
        <translation>made and recorded if left empty</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points per type</source>
        <translation>Points per type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Districts</source>
        <translation>Districts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out points inspected in the last</source>
        <translation>Leave out points inspected in the last</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Give the round a name.</source>
        <translation>Give the round a name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The round ends before it starts: choose a later “To” date.</source>
        <translation>The round ends before it starts: choose a later “To” date.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A round&apos;s window can be at most a year.</source>
        <translation>A round&apos;s window can be at most a year.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../inspector_app/ui/board_page.py" line="-552"/>
        <source>Required: say why</source>
        <translation>Required: say why</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/photo_panel.py" line="+446"/>
        <source>Attach %n photo(s)</source>
        <translation>
            <numerusform>Attach %n photo</numerusform>
            <numerusform>Attach %n photos</numerusform>
        </translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Drop photos here, or paste with Ctrl+V</source>
        <extracomment>thumbnails decoded per event-loop turn (each is a small JPEG: well under 50 ms together) what an unplaced tile carries when dragged onto the item: {&quot;sha256&quot;: [...]}</extracomment>
        <translation>Drop photos here, or paste with Ctrl+V</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported for this inspection, not on an item</source>
        <translation>Imported for this inspection, not on an item</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put on this item</source>
        <translation>Put on this item</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected photos on this item (Enter), or drag them onto it</source>
        <translation>Put the selected photos on this item (Enter), or drag them onto it</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected photos from this item (Delete)</source>
        <translation>Remove the selected photos from this item (Delete)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No inspection open</source>
        <translation>No inspection open</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose an item to see its photos</source>
        <translation>Choose an item to see its photos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Photos of %1 (%2)</source>
        <translation>Photos of %1 (%2)</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+15"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>GPS ✓</source>
        <translation>GPS ✓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no GPS</source>
        <translation>no GPS</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taken: %1</source>
        <translation>Taken: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>Remove %n photo(s) from %1</source>
        <translation>
            <numerusform>Remove %n photo from %1</numerusform>
            <numerusform>Remove %n photos from %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s) removed from the item.</source>
        <translation>
            <numerusform>%n photo removed from the item.</numerusform>
            <numerusform>%n photos removed from the item.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Put %n photo(s) on %1</source>
        <translation>
            <numerusform>Put %n photo on %1</numerusform>
            <numerusform>Put %n photos on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s) put on the item.</source>
        <translation>
            <numerusform>%n photo put on the item.</numerusform>
            <numerusform>%n photos put on the item.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not done:</source>
        <translation>Not done:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose photos</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The clipboard holds no image.</source>
        <translation>The clipboard holds no image.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pasted image could not be saved.</source>
        <translation>The pasted image could not be saved.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Adding %1…</source>
        <translation>Adding %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>Adding %n photo…</numerusform>
            <numerusform>Adding %n photos…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No photo was added: %1</source>
        <translation>No photo was added: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adding photos… %1 of %2</source>
        <translation>Adding photos… %1 of %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not added:</source>
        <translation>Not added:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped before the end.</source>
        <translation>Stopped before the end.</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../inspector_app/ui/photo_viewer.py" line="+170"/>
        <source>Photo</source>
        <extracomment>Pillow&apos;s raw byte order for the QImage format Qt paints without converting: the native-endian 0xAARRGGBB word of ARGB32 (little-endian machines: B, G, R, A in memory)</extracomment>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>This photo cannot be shown.</source>
        <translation>This photo cannot be shown.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>unknown</source>
        <extracomment>the full photo once decoded (null until then, and when it cannot be)</extracomment>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taken: %1 · GPS: %2 · %3 × %4</source>
        <translation>Taken: %1 · GPS: %2 · %3 × %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading the full photo…</source>
        <translation>Loading the full photo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom out (−)</source>
        <translation>Zoom out (−)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (+)</source>
        <translation>Zoom in (+)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit to the window (0)</source>
        <translation>Fit to the window (0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Only the thumbnail can be shown.</source>
        <translation>Only the thumbnail can be shown.</translation>
    </message>
</context>
<context>
    <name>PinKeyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/package_dialogs.py" line="-310"/>
        <source>Pin the command centre&apos;s key</source>
        <translation>Pin the command centre&apos;s key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This laptop accepts assignment packages only from the command centre&apos;s key pinned here. Choose the key file the command centre gave you (centre.pub).</source>
        <translation>This laptop accepts assignment packages only from the command centre&apos;s key pinned here. Choose the key file the command centre gave you (centre.pub).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Key id of the chosen file</source>
        <translation>Key id of the chosen file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call the command centre, or take the sheet it printed, and compare the key id group by group. Pin the key only if every group is the same: a wrong key would let someone else send you rounds.</source>
        <translation>Call the command centre, or take the sheet it printed, and compare the key id group by group. Pin the key only if every group is the same: a wrong key would let someone else send you rounds.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key ids match: pin</source>
        <translation>The key ids match: pin</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No command-centre key is pinned on this laptop yet.</source>
        <translation>No command-centre key is pinned on this laptop yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This key is already pinned on this laptop.</source>
        <translation>This key is already pinned on this laptop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned now: %1 (pinning another key replaces it)</source>
        <translation>Pinned now: %1 (pinning another key replaces it)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The command centre&apos;s public key</source>
        <translation>The command centre&apos;s public key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>Public keys (*.pub);;All files (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file is not a command-centre key: %1</source>
        <translation>This file is not a command-centre key: %1</translation>
    </message>
</context>
<context>
    <name>PointHitModel</name>
    <message>
        <location filename="../../inspector_app/ui/point_picker.py" line="+62"/>
        <source>last visit %1</source>
        <translation>last visit %1</translation>
    </message>
</context>
<context>
    <name>PointPickerDialog</name>
    <message>
        <location line="+18"/>
        <source>New inspection</source>
        <translation>New inspection</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code, name, district, type or pinyin initials (e.g. dgcsc)</source>
        <translation>Code, name, district, type or pinyin initials (e.g. dgcsc)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Covert visit</source>
        <translation>Covert visit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
</context>
<context>
    <name>PointsModel</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="-619"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not assigned</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
</context>
<context>
    <name>ProblemPhotosDialog</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="+428"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Photos: %1 · %2</source>
        <translation>Photos: %1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the photos…</source>
        <translation>Loading the photos…</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The photos cannot be shown: %1</source>
        <translation>The photos cannot be shown: %1</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../inspector_app/ui/review_page.py" line="-148"/>
        <source>Reject finding</source>
        <extracomment>the review status filter&apos;s values, in the combo box&apos;s order (pending first: the work) the date filter&apos;s choices: (key, days back from today or None) reasons offered again in the rejection dialog, most recent first</extracomment>
        <translation>Reject finding</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why is it rejected? The reason is kept with the decision.</source>
        <translation>Why is it rejected? The reason is kept with the decision.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. the photo does not show the problem</source>
        <translation>e.g. the photo does not show the problem</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location line="+202"/>
        <source>Accept (A)</source>
        <extracomment>a decision was saved (finding id, decision) a decision lost to another supervisor, said until the next decision is made (the queued decisions saved after it add their own news beside it)</extracomment>
        <translation>Accept (A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject… (R)</source>
        <translation>Reject… (R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↑/↓ finding · ←/→ photo · Z zoom</source>
        <translation>↑/↓ finding · ←/→ photo · Z zoom</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>All decisions</source>
        <translation>All decisions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All districts</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All point types</source>
        <translation>All point types</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All inspectors</source>
        <translation>All inspectors</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>From … to …</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The date range ends before it starts.</source>
        <translation>The date range ends before it starts.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>counting…</source>
        <translation>counting…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Accepted: %1</source>
        <translation>Accepted: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>task due %1</source>
        <translation>task due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved: %1 was decided meanwhile by %2 (%3, %4)</source>
        <translation>Not saved: %1 was decided meanwhile by %2 (%3, %4)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Not saved: %1 changed meanwhile; it is shown as it now is</source>
        <translation>Not saved: %1 changed meanwhile; it is shown as it now is</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location filename="../../inspector_app/ui/review_models.py" line="+184"/>
        <source>Decision</source>
        <extracomment>rows per fetch: a screenful several times over, one query of a few tens of ms the number of problems the filter matches (-1 while it is being counted) a page arrived (the number of rows now loaded) a query failed: the message findings whose decision is being saved</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deduction</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>saving</source>
        <translation>saving</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Inspector: %1</source>
        <translation>Inspector: %1</translation>
    </message>
</context>
<context>
    <name>RoundWords</name>
    <message>
        <location filename="../../inspector_app/ui/my_round.py" line="-380"/>
        <source>to do</source>
        <extracomment>statuses still to be visited (their window matters)</extracomment>
        <translation>to do</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported</source>
        <translation>exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>received</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="+101"/>
        <source>New round…</source>
        <translation>New round…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write packages…</source>
        <translation>Write packages…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+175"/>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No round yet. “New round…” samples points from the register; then assign them to inspectors and write each inspector&apos;s package.</source>
        <translation>No round yet. “New round…” samples points from the register; then assign them to inspectors and write each inspector&apos;s package.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Points (overdue first)</source>
        <translation>Points (overdue first)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>Inspected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 of %2 assigned</source>
        <translation>%1 of %2 assigned</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assigned %1</source>
        <translation>assigned %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspected %1</source>
        <translation>inspected %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported %1</source>
        <translation>exported %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received %1 (%2 complete)</source>
        <translation>received %1 (%2 complete)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed %1</source>
        <translation>seed %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+83"/>
        <source>Sampling notes: %1</source>
        <translation>Sampling notes: %1</translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <source>Round “%1” made: %n point(s) sampled.</source>
        <translation>
            <numerusform>Round “%1” made: %n point sampled.</numerusform>
            <numerusform>Round “%1” made: %n points sampled.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No inspector&apos;s key is enrolled: enrol the laptops&apos; keys first.</source>
        <translation>No inspector&apos;s key is enrolled: enrol the laptops&apos; keys first.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n point(s) assigned.</source>
        <translation>
            <numerusform>%n point assigned.</numerusform>
            <numerusform>%n points assigned.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next: write each inspector&apos;s package.</source>
        <translation>Next: write each inspector&apos;s package.</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1: package %2 with %n point(s) → %3</source>
        <translation>
            <numerusform>%1: package %2 with %n point → %3</numerusform>
            <numerusform>%1: package %2 with %n points → %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Packages written to %1:</source>
        <translation>Packages written to %1:</translation>
    </message>
</context>
<context>
    <name>RoundsTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="-314"/>
        <source>Round / district</source>
        <translation>Round / district</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampled</source>
        <translation>Sampled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Points sampled for the round</source>
        <translation>Points sampled for the round</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points whose inspection arrived here in a bundle</source>
        <translation>Points whose inspection arrived here in a bundle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received of the points sampled</source>
        <translation>Received of the points sampled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points not visited by the end of the round&apos;s window</source>
        <translation>Points not visited by the end of the round&apos;s window</translation>
    </message>
</context>
<context>
    <name>SeriousTableModel</name>
    <message>
        <location line="-97"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deduction</source>
        <translation>Deduction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected at</source>
        <translation>Inspected at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Double-click to see the photos</source>
        <translation>Double-click to see the photos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This problem has no photo</source>
        <translation>This problem has no photo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="+58"/>
        <source>Settings</source>
        <extracomment>(code, name shown) — each name in its own language</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start in discreet mode</source>
        <translation>Start in discreet mode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discreet mode</source>
        <translation>Discreet mode</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock when idle after</source>
        <translation>Lock when idle after</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>age1… (exports stay unencrypted without it)</source>
        <translation>age1… (exports stay unencrypted without it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Command-centre recipient</source>
        <translation>Command-centre recipient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no key yet</source>
        <translation>no key yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export public key…</source>
        <translation>Export public key…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To use another data folder, start the program with --data-dir FOLDER or set the INSPECTOR_DATA_DIR environment variable.</source>
        <translation>To use another data folder, start the program with --data-dir FOLDER or set the INSPECTOR_DATA_DIR environment variable.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Command-centre recipient file</source>
        <translation>Command-centre recipient file</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export public key</source>
        <translation>Export public key</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public key (*.pub)</source>
        <translation>Public key (*.pub)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Public key written to %1</source>
        <translation>Public key written to %1</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../inspector_app/ui/board_page.py" line="+57"/>
        <source>Reported fixed… (F)</source>
        <extracomment>today in the command centre, as of the board&apos;s last load</extracomment>
        <translation>Reported fixed… (F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen… (O)</source>
        <translation>Reopen… (O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close… (C)</source>
        <translation>Close… (C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm closure</source>
        <translation>Confirm closure</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>severity %1</source>
        <translation>severity %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspected %1</source>
        <translation>inspected %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>closed by %1 on %2</source>
        <translation>closed by %1 on %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deadline %1 (%2)</source>
        <translation>deadline %1 (%2)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Photos of the problem</source>
        <translation>Photos of the problem</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Before: problem, %1</source>
        <translation>Before: problem, %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After: passed at re-inspection, %1</source>
        <translation>After: passed at re-inspection, %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>created: %1</source>
        <translation>created: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>confirmed by a re-inspection</source>
        <translation>confirmed by a re-inspection</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location line="-280"/>
        <source>Status</source>
        <extracomment>the status filter&apos;s values, in the combo box&apos;s order</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-inspection</source>
        <translation>Re-inspection</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue · reported fixed</source>
        <translation>Overdue · reported fixed</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>passed: confirm?</source>
        <translation>passed: confirm?</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/welcome.py" line="-382"/>
        <location line="+1"/>
        <source>Welcome to Inspector</source>
        <extracomment>which window the program opens: &quot;inspector&quot; (the default) or &quot;centre&quot; the supervisor&apos;s own name: the actor of everything done in the centre&apos;s window offered in the time-zone box (any IANA name may be typed)</extracomment>
        <translation>Welcome to Inspector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up as an inspector</source>
        <translation>Set up as an inspector</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector code</source>
        <translation>Inspector code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command-centre recipient (optional)</source>
        <translation>Command-centre recipient (optional)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>protects your signing key; at least 4 characters</source>
        <translation>protects your signing key; at least 4 characters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age1… — paste it, or load the file</source>
        <translation>age1… — paste it, or load the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create my key and start</source>
        <translation>Create my key and start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or explore first</source>
        <translation>Or explore first</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opens a separate demo data folder with a small city, inspections and photos. Nothing in it mixes with your own work. The demo passphrase is “demo”.</source>
        <translation>Opens a separate demo data folder with a small city, inspections and photos. Nothing in it mixes with your own work. The demo passphrase is “demo”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explore with demo data</source>
        <translation>Explore with demo data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or set up as the command centre</source>
        <translation>Or set up as the command centre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For the supervisor who imports the inspectors&apos; bundles, reviews their findings and writes the briefings. The program can take the inspector&apos;s role as well later.</source>
        <translation>For the supervisor who imports the inspectors&apos; bundles, reviews their findings and writes the briefings. The program can take the inspector&apos;s role as well later.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set up as the command centre…</source>
        <translation>Set up as the command centre…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Command-centre recipient file</source>
        <translation>Command-centre recipient file</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Making the key…</source>
        <translation>Making the key…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The demo could not be made: %1</source>
        <translation>The demo could not be made: %1</translation>
    </message>
</context>
<context>
    <name>WritePackagesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="+246"/>
        <source>Write packages</source>
        <translation>Write packages</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Round “%1”: a package for each of %n inspector(s):</source>
        <translation>
            <numerusform>Round “%1”: a package for each of %n inspector(s):</numerusform>
            <numerusform>Round “%1”: a package for each of %n inspector(s):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+20"/>
        <source>Folder for the packages (a USB stick)</source>
        <translation>Folder for the packages (a USB stick)</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command centre&apos;s passphrase:</source>
        <translation>The command centre&apos;s passphrase:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose the folder to write the packages to.</source>
        <translation>Choose the folder to write the packages to.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder %1 does not exist.</source>
        <translation>The folder %1 does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the command centre&apos;s passphrase.</source>
        <translation>Type the command centre&apos;s passphrase.</translation>
    </message>
</context>
<context>
    <name>finalise</name>
    <message>
        <location filename="../../inspector_app/ui/finalise.py" line="+53"/>
        <source>%1: a problem recorded without a photo</source>
        <translation>%1: a problem recorded without a photo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 problem(s) need a photo before the inspection can be finalised.</source>
        <translation>%1 problem(s) need a photo before the inspection can be finalised.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot finalise yet</source>
        <translation>Cannot finalise yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot finalise</source>
        <translation>Cannot finalise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspection finalised</source>
        <translation>Inspection finalised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalised. Not answered (they count neither way): %1</source>
        <translation>Finalised. Not answered (they count neither way): %1</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="-170"/>
        <source>Notes</source>
        <extracomment>settings kept with the data</extracomment>
        <translation>Notes</translation>
    </message>
</context>
</TS>
