<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>%1 · %2 (%3) · %4 problem(s), %5 photo(s) · %6</source>
        <translation>%1 · %2 (%3) · %4 problem(s), %5 photo(s) · %6</translation>
    </message>
    <message>
        <location line="+27"/>
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
    <name>InspectionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="+104"/>
        <source>Time</source>
        <extracomment>the status filter&apos;s values, in the combo box&apos;s order fill the lists this long after construction even if the window never paints (ms)</extracomment>
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
        <location line="+49"/>
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
        <location filename="../../inspector_app/ui/main_window.py" line="+87"/>
        <source>DEMO DATA</source>
        <extracomment>the user chose another language in the settings (the program rebuilds the window)</extracomment>
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
        <location line="+372"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="-370"/>
        <location line="+408"/>
        <source>About Inspector</source>
        <translation>About Inspector</translation>
    </message>
    <message>
        <location line="-389"/>
        <source>&amp;Inspection</source>
        <extracomment>actions that touch the data: off while locked</extracomment>
        <translation>&amp;Inspection</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Inspections</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+110"/>
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
        <location line="+72"/>
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
        <location line="+20"/>
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
    <name>PhotoPanel</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/photo_panel.py" line="+298"/>
        <source>Attach %n photo(s)</source>
        <translation>
            <numerusform>Attach %n photo</numerusform>
            <numerusform>Attach %n photos</numerusform>
        </translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Drop photos here, or paste with Ctrl+V</source>
        <extracomment>thumbnails decoded per event-loop turn (each is a small JPEG: well under 50 ms together)</extracomment>
        <translation>Drop photos here, or paste with Ctrl+V</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported for this inspection, not on an item</source>
        <translation>Imported for this inspection, not on an item</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add photos…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No inspection open</source>
        <translation>No inspection open</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose an item to see its photos</source>
        <translation>Choose an item to see its photos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Photos of %1 (%2)</source>
        <translation>Photos of %1 (%2)</translation>
    </message>
    <message>
        <location line="+25"/>
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
    <message>
        <location line="+44"/>
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
        <location line="+56"/>
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
        <location filename="../../inspector_app/ui/photo_viewer.py" line="+84"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This photo cannot be shown.</source>
        <translation>This photo cannot be shown.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
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
        <location line="+10"/>
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
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/welcome.py" line="+137"/>
        <location line="+1"/>
        <source>Welcome to Inspector</source>
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
        <location line="+16"/>
        <source>Command-centre recipient file</source>
        <translation>Command-centre recipient file</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The demo could not be made: %1</source>
        <translation>The demo could not be made: %1</translation>
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
