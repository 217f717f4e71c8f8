<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CameraImportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/camera_import_dialog.py" line="+66"/>
        <source>Import photos from a camera folder</source>
        <translation>从相机文件夹导入照片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The camera&apos;s folder (e.g. DCIM/100CANON)</source>
        <translation>相机的文件夹（如 DCIM/100CANON）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added to the camera&apos;s time: a camera 5 minutes behind needs +5.</source>
        <translation>加到相机时间上：相机慢 5 分钟就填 +5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goes to</source>
        <translation>归入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+55"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock offset</source>
        <translation>时钟偏差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera time zone</source>
        <translation>相机时区</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Camera folder</source>
        <translation>相机文件夹</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a folder that exists.</source>
        <translation>请选择一个存在的文件夹。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown time zone: use a name such as Asia/Shanghai.</source>
        <translation>未知时区：请使用 Asia/Shanghai 这样的名称。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the photos&apos; times…</source>
        <translation>正在读取照片的拍摄时间…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No capture time in the photo</source>
        <translation>照片中没有拍摄时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No inspection at that time</source>
        <translation>该时间没有检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a readable photo</source>
        <translation>无法读取的照片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken during %1, which is finalised</source>
        <translation>拍摄于“%1”检查期间，该检查已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not placed</source>
        <translation>未归入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 photo(s) will be placed, %2 cannot be placed. Nothing is stored yet.</source>
        <translation>%1 张照片将归入检查，%2 张无法归入。尚未保存任何内容。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 imported, %2 already there, %3 not placed, %4 refused.</source>
        <translation>已导入 %1 张，已存在 %2 张，未归入 %3 张，被拒绝 %4 张。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not placed:</source>
        <translation>未归入：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refused:</source>
        <translation>被拒绝：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview stopped. Nothing was stored.</source>
        <translation>预览已停止，未保存任何内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped. Photos attached before the stop stay attached.</source>
        <translation>已停止。停止前已添加的照片仍保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <location filename="../../inspector_app/ui/checklist.py" line="+186"/>
        <source>Item</source>
        <extracomment>internal id of a category row; item rows carry their category&apos;s row + 1</extracomment>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>测评内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Public-service ads</source>
        <translation>公益广告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sanitation</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>公共秩序</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not answered</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>missing %1 of %2</source>
        <translation>缺 %1 / %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>needed</source>
        <translation>需拍照</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <location line="+177"/>
        <source>↑/↓ move · 1 pass · 2 problem · 3 n.a. · 0 clear · +/− count · Enter note · P photo</source>
        <extracomment>photos on the item before the edit; a clear unplaces them, undo places them back a short message for the status bar (what a key did, or why it did nothing)</extracomment>
        <translation>↑/↓ 移动 · 1 合格 · 2 问题 · 3 不适用 · 0 清除 · +/− 数量 · Enter 备注 · P 照片</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Note — Enter saves, Esc cancels</source>
        <translation>备注 — Enter 保存，Esc 取消</translation>
    </message>
    <message>
        <location line="+66"/>
        <location line="+68"/>
        <source>This inspection is final and can no longer be changed.</source>
        <translation>此检查已完成，不能再修改。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Choose an item first (↑/↓).</source>
        <translation>请先选择一个测评项目（↑/↓）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Clear %1</source>
        <translation>清除 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 is judged pass/fail; it takes no count.</source>
        <translation>%1 只判合格/不合格，不计数量。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record a problem (2) before counting.</source>
        <translation>请先记录问题（2）再计数。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The count is at least 1; press 0 to clear the item.</source>
        <translation>数量至少为 1；按 0 清除该项目。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most %1 ads can be missing.</source>
        <translation>最多只能缺 %1 处公益广告。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: count %2</source>
        <translation>%1：数量 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Record a result (1, 2 or 3) before writing a note.</source>
        <translation>请先记录结果（1、2 或 3）再写备注。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note on %1:</source>
        <translation>%1 的备注：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: note</source>
        <translation>%1：备注</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No inspection open</source>
        <translation>未打开检查</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>score %1</source>
        <translation>得分率 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 answered</source>
        <translation>已检查 %1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 problems</source>
        <translation>%1 个问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−%1 points</source>
        <translation>扣 %1 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>final (read-only)</source>
        <translation>已完成（只读）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../inspector_app/ui/export_dialog.py" line="+79"/>
        <source>Export inspections</source>
        <translation>导出检查</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder or USB stick to write to</source>
        <translation>要写入的文件夹或U盘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removable drives…</source>
        <translation>移动存储设备…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encrypt for the command centre</source>
        <translation>为创文指挥部加密</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the command centre can open the bundle.</source>
        <translation>只有创文指挥部能打开该数据包。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No command-centre recipient is set, so the bundle is signed but not encrypted. Set the recipient in Settings to encrypt.</source>
        <translation>尚未设置创文指挥部的接收方公钥，数据包只签名、不加密。请在设置中填写接收方公钥以加密。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your signing passphrase</source>
        <translation>您的签名口令</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+135"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Destination</source>
        <translation>导出位置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspections to export</source>
        <translation>要导出的检查</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No finalised inspection to export.</source>
        <translation>没有可导出的已完成检查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>final</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 (%3) · %4 problem(s), %5 photo(s) · %6</source>
        <translation>%1 · %2（%3）· %4 个问题，%5 张照片 · %6</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Tick at least one inspection.</source>
        <translation>请至少勾选一条检查。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where to write the bundle.</source>
        <translation>请选择数据包的写入位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter your passphrase to sign the bundle.</source>
        <translation>请输入口令以签名数据包。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Exported %n bundle(s):</source>
        <translation>
            <numerusform>已导出 %n 个数据包：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>• %1 — %2 — %3, verified</source>
        <translation>• %1 — %2 — %3，已校验</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong passphrase. Try again.</source>
        <translation>口令错误，请重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="+104"/>
        <source>Time</source>
        <extracomment>the status filter&apos;s values, in the combo box&apos;s order fill the lists this long after construction even if the window never paints (ms)</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>点位类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="+142"/>
        <source>Locked. Enter the passphrase to continue.</source>
        <translation>已锁定。请输入口令继续。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Wrong passphrase.</source>
        <translation>口令错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase could not be checked: %1</source>
        <translation>无法核对口令：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="+87"/>
        <source>DEMO DATA</source>
        <extracomment>the user chose another language in the settings (the program rebuilds the window)</extracomment>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These are made-up inspections for trying the program.</source>
        <translation>这些是用于试用程序的虚构检查记录。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finalise</source>
        <translation>完成检查</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import photos from camera…</source>
        <translation>从相机导入照片…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach photos to item…</source>
        <translation>为测评项目添加照片…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste photo to item</source>
        <translation>粘贴照片到测评项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discreet mode</source>
        <translation>隐蔽模式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+372"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="-370"/>
        <location line="+408"/>
        <source>About Inspector</source>
        <translation>关于创文暗访检查</translation>
    </message>
    <message>
        <location line="-389"/>
        <source>&amp;Inspection</source>
        <extracomment>actions that touch the data: off while locked</extracomment>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Final</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message numerus="yes">
        <location line="+110"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n 条检查</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 / %2 answered</source>
        <translation>已检查 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>score %1</source>
        <translation>得分率 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+2"/>
        <location line="+72"/>
        <source>Inspector</source>
        <translation>创文暗访检查</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Inspector — demo data</source>
        <translation>创文暗访检查 — 演示数据</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Demo data: the passphrase is “demo”.</source>
        <translation>演示数据：口令为“demo”。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Previous / next item</source>
        <translation>上一项 / 下一项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: pass</source>
        <translation>结果：合格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: problem</source>
        <translation>结果：问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result: not applicable</source>
        <translation>结果：不适用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count up / down</source>
        <translation>数量加 / 减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the note</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a photo to the item</source>
        <translation>为测评项目添加照片</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector %1</source>
        <translation>创文暗访检查 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline field inspections for the civilized-city programme.</source>
        <translation>创建文明城市实地暗访检查（离线使用）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing key: %1</source>
        <translation>签名密钥：%1</translation>
    </message>
</context>
<context>
    <name>MissingDialog</name>
    <message>
        <location filename="../../inspector_app/ui/finalise.py" line="+44"/>
        <source>Cannot finalise yet</source>
        <translation>暂不能完成检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an entry to go to its item.</source>
        <translation>选择一条即可跳转到对应的测评项目。</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/photo_panel.py" line="+298"/>
        <source>Attach %n photo(s)</source>
        <translation>
            <numerusform>添加 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Drop photos here, or paste with Ctrl+V</source>
        <extracomment>thumbnails decoded per event-loop turn (each is a small JPEG: well under 50 ms together)</extracomment>
        <translation>将照片拖到这里，或按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported for this inspection, not on an item</source>
        <translation>已导入本次检查、尚未归入测评项目的照片</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No inspection open</source>
        <translation>未打开检查</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose an item to see its photos</source>
        <translation>选择测评项目以查看其照片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Photos of %1 (%2)</source>
        <translation>%1 的照片（%2）</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+15"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>GPS ✓</source>
        <translation>有定位 ✓</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no GPS</source>
        <translation>无定位</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Taken: %1</source>
        <translation>拍摄时间：%1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The pasted image could not be saved.</source>
        <translation>无法保存粘贴的图片。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Adding %1…</source>
        <translation>正在添加 %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>正在添加 %n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No photo was added: %1</source>
        <translation>未添加照片：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adding photos… %1 of %2</source>
        <translation>正在添加照片… %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>已添加 %n 张照片。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not added:</source>
        <translation>未添加：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stopped before the end.</source>
        <translation>未完成即已停止。</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../inspector_app/ui/photo_viewer.py" line="+84"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This photo cannot be shown.</source>
        <translation>无法显示这张照片。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taken: %1 · GPS: %2 · %3 × %4</source>
        <translation>拍摄时间：%1 · 定位：%2 · %3 × %4</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom out (−)</source>
        <translation>缩小（−）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit to the window (0)</source>
        <translation>适应窗口大小（0）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>100 %</source>
        <translation>原始大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PointHitModel</name>
    <message>
        <location filename="../../inspector_app/ui/point_picker.py" line="+62"/>
        <source>last visit %1</source>
        <translation>上次检查 %1</translation>
    </message>
</context>
<context>
    <name>PointPickerDialog</name>
    <message>
        <location line="+18"/>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code, name, district, type or pinyin initials (e.g. dgcsc)</source>
        <translation>编号、名称、区、点位类型或拼音首字母（如 dgcsc）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Covert visit</source>
        <translation>暗访</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 points</source>
        <translation>%1 个点位</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/settings_dialog.py" line="+58"/>
        <source>Settings</source>
        <extracomment>(code, name shown) — each name in its own language</extracomment>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start in discreet mode</source>
        <translation>启动时进入隐蔽模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discreet mode</source>
        <translation>隐蔽模式</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock when idle after</source>
        <translation>空闲多久后锁定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>age1… (exports stay unencrypted without it)</source>
        <translation>age1…（不填写则导出不加密）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Command-centre recipient</source>
        <translation>创文指挥部接收方公钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no key yet</source>
        <translation>尚无密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export public key…</source>
        <translation>导出公钥…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To use another data folder, start the program with --data-dir FOLDER or set the INSPECTOR_DATA_DIR environment variable.</source>
        <translation>如需使用其他数据文件夹，请用 --data-dir 文件夹 启动程序，或设置环境变量 INSPECTOR_DATA_DIR。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Command-centre recipient file</source>
        <translation>创文指挥部接收方公钥文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export public key</source>
        <translation>导出公钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Public key (*.pub)</source>
        <translation>公钥 (*.pub)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Public key written to %1</source>
        <translation>公钥已写入 %1</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/welcome.py" line="+137"/>
        <location line="+1"/>
        <source>Welcome to Inspector</source>
        <translation>欢迎使用创文暗访检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up as an inspector</source>
        <translation>设置为检查员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector code</source>
        <translation>检查员编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command-centre recipient (optional)</source>
        <translation>创文指挥部接收方公钥（可选）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>protects your signing key; at least 4 characters</source>
        <translation>用于保护签名密钥，至少 4 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>age1… — paste it, or load the file</source>
        <translation>age1… — 粘贴，或从文件读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create my key and start</source>
        <translation>创建密钥并开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or explore first</source>
        <translation>或者先体验一下</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opens a separate demo data folder with a small city, inspections and photos. Nothing in it mixes with your own work. The demo passphrase is “demo”.</source>
        <translation>打开一个单独的演示数据文件夹，内含一座小城市的点位、检查和照片，不会与您自己的工作混在一起。演示口令为“demo”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Explore with demo data</source>
        <translation>用演示数据体验</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Command-centre recipient file</source>
        <translation>创文指挥部接收方公钥文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The demo could not be made: %1</source>
        <translation>无法生成演示数据：%1</translation>
    </message>
</context>
<context>
    <name>finalise</name>
    <message>
        <location filename="../../inspector_app/ui/finalise.py" line="+53"/>
        <source>%1: a problem recorded without a photo</source>
        <translation>%1：记录了问题但没有照片</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 problem(s) need a photo before the inspection can be finalised.</source>
        <translation>还有 %1 个问题需要照片，之后才能完成检查。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot finalise yet</source>
        <translation>暂不能完成检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot finalise</source>
        <translation>无法完成检查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Inspection finalised</source>
        <translation>检查已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finalised. Not answered (they count neither way): %1</source>
        <translation>检查已完成。未检查的项目（不计入得分）：%1</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <location filename="../../inspector_app/ui/lock.py" line="-170"/>
        <source>Notes</source>
        <extracomment>settings kept with the data</extracomment>
        <translation>笔记</translation>
    </message>
</context>
</TS>
