<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="+729"/>
        <source>Assign the round</source>
        <translation>分配轮次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick the inspectors who share this round&apos;s points (evenly, each within few districts). A home district given keeps its inspector away from it.</source>
        <translation>勾选分担本轮点位的检查员（平均分配，每人尽量集中在少数几个区）。填写了所在区的检查员不会被派往本区。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Home district</source>
        <translation>所在区</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Home district of %1</source>
        <translation>%1 的所在区</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Tick at least one inspector.</source>
        <translation>请至少勾选一名检查员。</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <location filename="../../inspector_app/ui/board_page.py" line="+408"/>
        <source>All statuses</source>
        <extracomment>a task changed (task id, its new status)</extracomment>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n 项任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+12"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-11"/>
        <source>%n open</source>
        <translation>
            <numerusform>%n 项待整改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n reported fixed</source>
        <translation>
            <numerusform>%n 项已报整改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n 项已销号</numerusform>
        </translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Reported fixed</source>
        <translation>已报整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The unit reports the problem fixed. Note (optional):</source>
        <translation>责任单位报告问题已整改。备注（可选）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the task</source>
        <translation>销号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified and closed. Note (optional), e.g. how it was checked:</source>
        <translation>经核实销号。备注（可选），如核实方式：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reopen the task</source>
        <translation>重新打开任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the task go back to open?</source>
        <translation>为什么要重新打开此任务？</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1: now %2</source>
        <translation>%1：现为%2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 was changed meanwhile by %2 (now %3, %4)</source>
        <translation>%1 已由 %2 先行更改（现为%3，%4）</translation>
    </message>
</context>
<context>
    <name>BriefingPage</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="+815"/>
        <source>Day</source>
        <translation>日报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ISO week</source>
        <translation>周报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Month</source>
        <translation>月报</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Previous period (PageUp)</source>
        <translation>上一期（PageUp）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next period (PageDown)</source>
        <translation>下一期（PageDown）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current</source>
        <translation>本期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period holding today (Ctrl+Home)</source>
        <translation>回到包含今天的一期（Ctrl+Home）</translation>
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
        <translation>将当前通报保存为 PDF 文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the briefing shown as a Word document to edit in Word or WPS</source>
        <translation>将当前通报保存为 Word 文档，可在 Word 或 WPS 中修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the briefing shown as an Excel workbook</source>
        <translation>将当前通报保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Period:</source>
        <translation>通报期间：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Points inspected</source>
        <translation>检查点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deductions</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期未整改</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flag rule…</source>
        <translation>流动旗规则…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>By unit</source>
        <translation>按责任单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By district</source>
        <translation>按区县</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Double-click a problem (or press Enter) to see its photos.</source>
        <translation>双击某个问题（或按 Enter 键）查看其照片。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Most serious problems</source>
        <translation>突出问题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Covert rounds</source>
        <translation>暗访轮次</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>%1 (%2 to %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Computing the briefing of %1…</source>
        <translation>正在统计 %1 的通报…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Figures as of %1 (%2).</source>
        <translation>数据统计截至 %1（%2）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The briefing cannot be computed: %1</source>
        <translation>无法统计通报：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>共检查 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 against the previous period</source>
        <translation>较上期 %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>of %n task(s)</source>
        <translation>
            <numerusform>整改任务共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tasks of any period</source>
        <translation>含往期任务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none this period</source>
        <translation>本期空缺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Red flag: %1    Yellow flag: %2</source>
        <translation>流动红旗：%1&#x3000;&#x3000;流动黄旗：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Ranked: at least %n inspection(s) · red flag ≥ %1 · yellow flag &lt; %2</source>
        <translation>
            <numerusform>排名规则：检查不少于 %n 次 · 红旗线 ≥ %1 · 黄旗线 &lt; %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This problem has no photo.</source>
        <translation>该问题没有照片。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the briefing</source>
        <translation>保存通报</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The briefing was not saved: %1</source>
        <translation>通报未能保存：%1</translation>
    </message>
</context>
<context>
    <name>BundleTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/import_desk.py" line="+112"/>
        <source>Result</source>
        <extracomment>(kind, words found in the core&apos;s reason), first match wins; the core words its reasons for people, the desk sorts them into a few kinds it can say in the user&apos;s language</extracomment>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key id · no.</source>
        <translation>密钥标识 · 序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why refused</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already here</source>
        <translation>此前已导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已拒收</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder holds no bundle</source>
        <translation>文件夹里没有数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by a key not in the keyring</source>
        <translation>签名密钥未登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by a revoked key</source>
        <translation>签名密钥已吊销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its number was already used (a replay)</source>
        <translation>编号已被使用（重放）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clashes with what is already here</source>
        <translation>与已有数据冲突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted: needs the centre&apos;s passphrase</source>
        <translation>已加密：需要指挥中心口令</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted for another command centre</source>
        <translation>加密给了别的指挥中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by a newer version of Inspector</source>
        <translation>由更新版本的程序生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed after it was signed</source>
        <translation>签名后被改动过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or incomplete</source>
        <translation>文件损坏或不完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not an inspector bundle</source>
        <translation>不是检查数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is not well formed</source>
        <translation>数据包格式不正确</translation>
    </message>
</context>
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
    <name>CentreSettingsDialog</name>
    <message>
        <location filename="../../inspector_app/ui/centre_settings_dialog.py" line="+195"/>
        <source>Centre settings</source>
        <translation>指挥中心设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>recorded with every decision and task change</source>
        <translation>每项审核决定和任务变更都会记录此姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor&apos;s name</source>
        <translation>督查人员姓名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any IANA time zone name, such as Asia/Shanghai</source>
        <translation>任一标准时区名称，如 Asia/Shanghai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Working days to rectify</source>
        <translation>整改期限（工作日）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add holidays</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add adjusted working days</source>
        <translation>添加调休上班日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjusted working days (a Saturday or Sunday worked)</source>
        <translation>调休上班日（周六或周日上班）</translation>
    </message>
</context>
<context>
    <name>CentreSetupDialog</name>
    <message>
        <location filename="../../inspector_app/ui/welcome.py" line="+370"/>
        <source>Set up the command centre</source>
        <translation>设置指挥中心</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The command centre&apos;s identity is kept in the database, encrypted with the centre&apos;s passphrase. Every supervisor of this data folder unlocks it with that passphrase to open encrypted bundles.</source>
        <translation>指挥中心的加密身份已保存在数据库中，并用指挥中心口令加密。本数据文件夹的每位督查人员都用这个口令解锁它，以打开加密的数据包。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The command centre gets its own encryption identity: inspectors encrypt their bundles to it, so a lost USB stick reveals nothing. It is kept in the database, encrypted with the centre&apos;s passphrase.</source>
        <translation>指挥中心将拥有自己的加密身份：检查员把数据包加密给它，U 盘丢失也不会泄露内容。加密身份保存在数据库中，并用指挥中心口令加密。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>recorded with every decision you make</source>
        <translation>您做出的每项决定都会记录此姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+4"/>
        <source>The centre&apos;s passphrase</source>
        <translation>指挥中心口令</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>at least 8 characters; a sentence is best</source>
        <translation>至少 8 个字符；用一句话最好</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase again</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Days, weeks and months of the briefings are those of this time zone.</source>
        <translation>通报中的日、周、月均按此时区计算。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unlock and continue</source>
        <translation>解锁并继续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create the centre&apos;s identity</source>
        <translation>创建指挥中心加密身份</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The command centre is ready. Give this recipient to every inspector: they enter it in their settings, and from then on only this centre can open their bundles.</source>
        <translation>指挥中心已设置好。请把下面的接收方公钥交给每位检查员：他们在设置中填入后，其数据包只有本指挥中心能打开。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save to file…</source>
        <translation>保存为文件…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the command centre</source>
        <translation>进入指挥中心</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weak: add words or other kinds of characters</source>
        <translation>较弱：请加长，或加入其他类型的字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fair</source>
        <translation>中等</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter your own name: it is recorded with every decision.</source>
        <translation>请填写您本人的姓名：每项决定都会记录它。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a time zone name (such as Asia/Shanghai).</source>
        <translation>“%1”不是时区名称（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Wrong passphrase for the command centre&apos;s identity.</source>
        <translation>指挥中心口令错误。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the recipient</source>
        <translation>保存接收方公钥</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Command-centre recipient for Inspector</source>
        <translation>创文暗访检查的指挥中心接收方公钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>CentreWindow</name>
    <message>
        <location filename="../../inspector_app/ui/centre_window.py" line="+80"/>
        <source>Import</source>
        <extracomment>the sidebar&apos;s width (px): room for the longest page title in either language the user asked for the inspector&apos;s window (the program switches roles) bundles were imported: pages showing imported data may refresh</extracomment>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Briefing</source>
        <translation>通报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rounds</source>
        <translation>暗访轮次</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inspector — command centre (demo data)</source>
        <translation>创文暗访检查 — 指挥中心（演示数据）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspector — command centre</source>
        <translation>创文暗访检查 — 指挥中心</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;Centre</source>
        <translation>指挥中心(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import bundles…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import a folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centre settings…</source>
        <translation>指挥中心设置…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database…</source>
        <translation>数据库…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch to inspector</source>
        <translation>切换到检查员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>About Inspector</source>
        <translation>关于创文暗访检查</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Supervisor: %1 · time zone %2</source>
        <translation>督查人员：%1 · 时区 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Inspector %1</source>
        <translation>创文暗访检查 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command centre: import, review, rectification, briefings.</source>
        <translation>指挥中心：导入、审核、整改、通报。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
</context>
<context>
    <name>CentreWords</name>
    <message>
        <location filename="../../inspector_app/ui/centre_words.py" line="+38"/>
        <source>Public-service ads</source>
        <extracomment>(background, text) for each board status: the colour backs up a word, never replaces it review decisions: the text colour of their mark and word</extracomment>
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
        <translation>秩序</translation>
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
        <location line="+5"/>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported fixed</source>
        <translation>已报整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已销号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChartsView</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="-783"/>
        <source>Score rate</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score rate by district</source>
        <translation>各区县得分率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate by unit</source>
        <translation>各责任单位得分率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems found and rectified by unit</source>
        <translation>各责任单位发现问题与整改情况</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No briefing yet</source>
        <translation>尚无通报</translation>
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
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../inspector_app/ui/database_dialog.py" line="+45"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>empty: SQLite in the data folder</source>
        <translation>留空：使用数据文件夹中的 SQLite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: photos/ in the data folder</source>
        <translation>留空：使用数据文件夹中的 photos/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Database URL:</source>
        <translation>数据库地址：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos folder:</source>
        <translation>照片文件夹：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In use now: %1. Changes take effect when the program is started again; --database and INSPECTOR_DATABASE_URL, when given, still win.</source>
        <translation>当前使用：%1。更改在程序重新启动后生效；如指定了 --database 或 INSPECTOR_DATABASE_URL，仍以其为准。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Photos folder</source>
        <translation>照片文件夹</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No URL: the data folder&apos;s SQLite database is used.</source>
        <translation>未填写地址：使用数据文件夹中的 SQLite 数据库。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected: the schema is up to date.</source>
        <translation>已连接：数据库结构为最新。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: an empty database, made ready at the next start.</source>
        <translation>已连接：这是一个空数据库，下次启动时将完成初始化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected, but the schema is older: an administrator runs `inspector-app db upgrade`.</source>
        <translation>已连接，但数据库结构较旧：请管理员运行 `inspector-app db upgrade`。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected, but it was made by a newer version of Inspector.</source>
        <translation>已连接，但该数据库由更新版本的 Inspector 创建。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected, but it holds tables not made by Inspector.</source>
        <translation>已连接，但其中有非 Inspector 创建的表。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
</context>
<context>
    <name>DateListDialog</name>
    <message>
        <location filename="../../inspector_app/ui/centre_settings_dialog.py" line="-162"/>
        <source>One date a line as YYYY-MM-DD; lines starting with # are skipped.</source>
        <translation>每行一个日期，格式如 2026-10-01；以 # 开头的行会被忽略。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From file…</source>
        <translation>从文件读取…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Text files</source>
        <translation>文本文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A list of dates</source>
        <translation>日期列表</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 cannot be read as a text file of dates.</source>
        <translation>无法将 %1 作为日期文本文件读取。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not dates (YYYY-MM-DD), nothing was added:</source>
        <translation>以下各行不是日期（格式应如 2026-10-01），未添加任何日期：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no date to add.</source>
        <translation>没有可添加的日期。</translation>
    </message>
</context>
<context>
    <name>DateListEditor</name>
    <message>
        <location line="+18"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a list…</source>
        <translation>批量添加…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste dates or read them from a text file</source>
        <translation>粘贴日期，或从文本文件读取</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../inspector_app/ui/keyring_panel.py" line="+135"/>
        <source>Enroll an inspector&apos;s key</source>
        <translation>登记检查员密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. T01</source>
        <translation>例如 T01</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enroll</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Public key file</source>
        <translation>公钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector&apos;s name</source>
        <translation>检查员姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector code</source>
        <translation>检查员编号</translation>
    </message>
</context>
<context>
    <name>EvidencePhotos</name>
    <message>
        <location filename="../../inspector_app/ui/evidence_photos.py" line="+137"/>
        <source>Previous photo (←)</source>
        <extracomment>the longest side a preview is decoded to: sharp on a large screen, a fraction of a 12-megapixel original&apos;s decoding time (JPEG draft mode scales while decoding) what the worker hands back: the request&apos;s generation and the decoded preview, if any the inspection&apos;s start and end, named by the outside-the-time marker</extracomment>
        <translation>上一张照片（←）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next photo (→)</source>
        <translation>下一张照片（→）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom… (Z)</source>
        <translation>放大…（Z）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Photo %1 of %2</source>
        <translation>第 %1 张，共 %2 张</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This photo cannot be shown.</source>
        <translation>无法显示此照片。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (camera clock, zone unknown)</source>
        <translation>%1（相机时钟，时区未知）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no GPS</source>
        <translation>无 GPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken %1 · place %2</source>
        <translation>拍摄于 %1 · 位置 %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taken outside the inspection&apos;s time</source>
        <translation>拍摄时间不在本次检查时段内</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(inspection %1)</source>
        <translation>（检查时段 %1）</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Same photo as %n other finding(s): %1</source>
        <translation>
            <numerusform>与另外 %n 条问题使用同一张照片：%1</numerusform>
        </translation>
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
        <source>%1 · %2 (%3) · %4, %5 · %6</source>
        <translation>%1 · %2（%3）· %4，%5 · %6</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
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
    <name>FindingPanel</name>
    <message>
        <location filename="../../inspector_app/ui/review_page.py" line="+180"/>
        <source>severity %1</source>
        <translation>严重程度：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>count %1</source>
        <translation>数量 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−%1 points</source>
        <translation>扣 %1 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown inspector</source>
        <translation>未知检查员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspected %1 by %2 (key %3)</source>
        <translation>检查时间 %1，检查员 %2（密钥 %3）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepted by %1 on %2</source>
        <translation>%1 于 %2 采纳</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>task: %1</source>
        <translation>整改任务：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rejected by %1 on %2: %3</source>
        <translation>%1 于 %2 驳回：%3</translation>
    </message>
</context>
<context>
    <name>FlagRuleDialog</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="+29"/>
        <source>Flag rule</source>
        <translation>流动旗规则</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Units and districts with fewer inspections in the period are listed but not ranked. The best-ranked unit gets the red flag only at or above its line; the worst-ranked unit gets the yellow flag only below its line.</source>
        <translation>本期检查次数不足的单位和区县照常列出，但不参加排名。排名第一的单位得分率达到红旗线才获流动红旗；排名最后的单位得分率低于黄旗线才获流动黄旗。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Minimum inspections to be ranked:</source>
        <translation>参加排名的最少检查次数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red flag at or above:</source>
        <translation>红旗线（不低于）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yellow flag below:</source>
        <translation>黄旗线（低于）：</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>At least one inspection is needed to be ranked.</source>
        <translation>参加排名至少需要检查 1 次。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The yellow-flag line (%1) must not be above the red-flag line (%2): one unit could get both flags.</source>
        <translation>黄旗线（%1）不能高于红旗线（%2），否则同一单位可能同时获得红旗和黄旗。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The rule was not kept: %1</source>
        <translation>规则未保存：%1</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <location line="-473"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag</source>
        <translation>流动旗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspections</source>
        <translation>检查次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate</source>
        <translation>得分率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>较上期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ranked by score rate; equal rates share a rank</source>
        <translation>按得分率排名，得分率相同者名次并列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score rate against the previous period, in percentage points</source>
        <translation>得分率较上期的变化（百分点）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems found (rejected findings do not count)</source>
        <translation>发现问题数（审核未采纳的不计）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems accepted in review</source>
        <translation>审核确认的问题数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectified / rectification tasks of the period&apos;s problems</source>
        <translation>已整改数 / 本期问题的整改任务数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks past their deadline and not closed (of any period)</source>
        <translation>已过整改期限仍未销号的任务（含往期）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Red flag</source>
        <translation>红旗</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yellow flag</source>
        <translation>黄旗</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Not ranked: fewer than %n inspection(s)</source>
        <translation>
            <numerusform>不参加排名：检查少于 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not ranked: no item was answered</source>
        <translation>不参加排名：没有已作答的检查项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous period: %1</source>
        <translation>上期：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n pending review</source>
        <translation>
            <numerusform>%n 个待审核</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDesk</name>
    <message>
        <location filename="../../inspector_app/ui/import_desk.py" line="+133"/>
        <source>Drop bundles or a whole folder here</source>
        <extracomment>an import run ended having added something (other pages refresh their data) an import run ended (whatever its outcome)</extracomment>
        <translation>把数据包或整个文件夹拖到这里</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A USB stick&apos;s folder works too. Each bundle is checked (signature, contents, keyring) and imported whole, or not at all.</source>
        <translation>也可以直接拖入 U 盘里的文件夹。每个数据包都会核验（签名、内容、密钥登记），要么完整导入，要么一点也不导入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose bundles…</source>
        <translation>选择数据包…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops after the bundle being imported</source>
        <translation>导入完当前这个数据包后停止</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Bundles not received</source>
        <translation>未收到的数据包</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Bundles to import</source>
        <translation>要导入的数据包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspector bundles</source>
        <translation>检查数据包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A folder of bundles</source>
        <translation>存放数据包的文件夹</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Looking for bundles…</source>
        <translation>正在查找数据包…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrong passphrase. The command centre&apos;s passphrase:</source>
        <translation>口令错误。请输入指挥中心口令：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some bundles are encrypted. The command centre&apos;s passphrase:</source>
        <translation>部分数据包已加密。请输入指挥中心口令：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encrypted bundles</source>
        <translation>加密的数据包</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing imported: the encrypted bundles need the centre&apos;s passphrase.</source>
        <translation>未导入任何数据：加密的数据包需要指挥中心口令。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlocking the centre&apos;s identity…</source>
        <translation>正在解锁指挥中心加密身份…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Importing bundle %1 of %2…</source>
        <translation>正在导入第 %1 个，共 %2 个数据包…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stopped: %1 of %2 bundles handled; the rest were not touched.</source>
        <translation>已停止：处理了 %2 个中的 %1 个，其余未动。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The import stopped: %1</source>
        <translation>导入中断：%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Stopping after this bundle…</source>
        <translation>导入完这个数据包后停止…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No bundles imported yet in this session.</source>
        <translation>本次尚未导入数据包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 imported, %2 rejected, %3 already here</source>
        <translation>导入 %1 个，拒收 %2 个，此前已导入 %3 个</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Signed by %1 (%2), key %3, bundle no. %4.</source>
        <translation>签名人 %1（%2），密钥 %3，数据包序号 %4。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rejected: %1.</source>
        <translation>已拒收：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing from this bundle was imported: a bundle is imported whole or not at all.</source>
        <translation>此数据包的内容一概未导入：数据包要么完整导入，要么一点也不导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Detail: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Already imported earlier, byte for byte the same: nothing changed.</source>
        <translation>此前已导入过，内容完全相同：没有任何改动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported %1 inspection(s) with %2 new photo(s).</source>
        <translation>已导入 %1 条检查记录，新增照片 %2 张。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 inspection(s) were already here with the same content.</source>
        <translation>%1 条检查记录此前已有，内容相同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (%2): no. %3</source>
        <translation>%1（%2）：第 %3 号</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No inspector is enrolled yet: enroll their keys below.</source>
        <translation>还没有登记任何检查员：请在下方登记他们的密钥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None: every inspector&apos;s bundles have arrived in order.</source>
        <translation>没有：每位检查员的数据包都已按序收到。</translation>
    </message>
</context>
<context>
    <name>ImportPackageDialog</name>
    <message>
        <location filename="../../inspector_app/ui/package_dialogs.py" line="+199"/>
        <source>Import assignment package</source>
        <extracomment>a package was applied (its AppliedPackage)</extracomment>
        <translation>导入任务包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package from the command centre brings your round: the points to visit and their dates, and the point register. It is checked against the pinned command-centre key and applied completely or not at all.</source>
        <translation>创文指挥部发来的任务包里有您本轮的暗访任务：要去的点位、日期，以及点位名录。任务包先用已绑定的指挥部密钥核验，然后要么完整导入，要么一点也不导入。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passphrase of this laptop&apos;s key</source>
        <translation>本机密钥的口令</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package</source>
        <translation>任务包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Assignment package</source>
        <translation>任务包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assignment packages (*.package.age);;All files (*)</source>
        <translation>任务包 (*.package.age);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Enter the passphrase of this laptop&apos;s key.</source>
        <translation>请输入本机密钥的口令。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking and applying the package…</source>
        <translation>正在核验并导入任务包…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Package %1 was already applied here: nothing changed.</source>
        <translation>第 %1 号任务包此前已导入，本次未做任何改动。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package %1 applied.</source>
        <translation>第 %1 号任务包已导入。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Round “%1”: %n point(s) to visit</source>
        <translation>
            <numerusform>轮次“%1”：需检查 %n 个点位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Point register: %1 added, %2 updated</source>
        <translation>点位名录：新增 %1 个，更新 %2 个</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check-item catalogues added: %1</source>
        <translation>新增测评标准目录：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bundles are now encrypted for the command centre.</source>
        <translation>今后导出的数据包将加密发给创文指挥部。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command centre&apos;s new key %1 is pinned from now on.</source>
        <translation>已绑定创文指挥部的新密钥 %1，今后以它为准。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No command-centre key is pinned on this laptop yet. Pin the key first (Inspection ▸ Pin command-centre key…), after comparing its key id with the command centre. Nothing was changed.</source>
        <translation>本机尚未绑定创文指挥部的密钥。请先与指挥部核对密钥标识，再绑定密钥（检查 ▸ 绑定指挥部密钥…）。本次未做任何改动。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The package was refused; nothing was changed.</source>
        <translation>任务包被拒收，未做任何改动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Wrong passphrase. Try again.</source>
        <translation>口令错误，请重试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package was not imported; nothing was changed.</source>
        <translation>任务包未导入，未做任何改动。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The package could not be imported: %1</source>
        <translation>任务包无法导入：%1</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../inspector_app/ui/main_window.py" line="+107"/>
        <source>Time</source>
        <extracomment>the status filter&apos;s values, in the combo box&apos;s order fill the lists this long after construction even if the window never paints (ms) the left pane&apos;s width while My round shows (px)</extracomment>
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
        <location line="+36"/>
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
    <name>KeyringModel</name>
    <message>
        <location filename="../../inspector_app/ui/keyring_panel.py" line="-69"/>
        <source>Inspector</source>
        <extracomment>the untrusted comment our own `.pub` files carry: &quot;… public key &lt;ID&gt; of &lt;name&gt; (&lt;code&gt;)&quot;</extracomment>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key id</source>
        <translation>密钥标识</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>吊销日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last bundle</source>
        <translation>最新编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not received</source>
        <translation>未收到</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Enrolled by %1</source>
        <translation>登记人：%1</translation>
    </message>
</context>
<context>
    <name>KeyringPanel</name>
    <message>
        <location line="+45"/>
        <source>Inspectors&apos; keys</source>
        <extracomment>the keyring changed (a key enrolled or revoked)</extracomment>
        <translation>检查员密钥</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enroll a key…</source>
        <translation>登记密钥…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The centre&apos;s encryption identity</source>
        <translation>指挥中心加密身份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspectors enter this recipient in their settings to encrypt bundles to you.</source>
        <translation>检查员在设置中填入此接收方公钥，数据包就会加密发给您。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save to file…</source>
        <translation>保存为文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export backup…</source>
        <translation>导出备份…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writes the identity encrypted with the centre&apos;s passphrase (age&apos;s own format), to keep somewhere safe.</source>
        <translation>写出用指挥中心口令加密的身份备份文件，请妥善保管。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>An inspector&apos;s public key</source>
        <translation>检查员公钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>公钥 (*.pub);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not enrolled: %1</source>
        <translation>未登记：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enrolled %1 (%2), key %3.</source>
        <translation>已登记 %1（%2），密钥 %3。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revoke a key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke the key of %1 (%2), %3?

Bundles signed with it will be refused from now on; what was already imported stays. A revoked key cannot be enrolled again: the inspector must make a new one.</source>
        <translation>要吊销 %1（%2）的密钥 %3 吗？

从现在起，用它签名的数据包都将被拒收；已导入的数据保留不变。吊销的密钥不能再次登记：检查员须生成新密钥。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Revoked the key of %1 (%2).</source>
        <translation>已吊销 %1（%2）的密钥。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no encryption identity yet</source>
        <translation>尚无加密身份</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recipient copied.</source>
        <translation>接收方公钥已复制。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the recipient</source>
        <translation>保存接收方公钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Command-centre recipient for Inspector</source>
        <translation>创文暗访检查的指挥中心接收方公钥</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recipient saved to %1.</source>
        <translation>接收方公钥已保存到 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back up the centre&apos;s identity</source>
        <translation>备份指挥中心加密身份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The centre&apos;s passphrase</source>
        <translation>指挥中心口令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The command centre&apos;s passphrase:</source>
        <translation>指挥中心口令：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing the backup…</source>
        <translation>正在写出备份…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup written to %1. It opens with the centre&apos;s passphrase.</source>
        <translation>备份已写到 %1，用指挥中心口令即可打开。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wrong passphrase for the command centre&apos;s identity.</source>
        <translation>指挥中心口令错误。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No backup written: %1</source>
        <translation>未写出备份：%1</translation>
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
        <location filename="../../inspector_app/ui/main_window.py" line="+89"/>
        <source>DEMO DATA</source>
        <extracomment>the user chose another language in the settings (the program rebuilds the window) the user asked for the other role&apos;s window (&quot;centre&quot;); the program switches</extracomment>
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
        <location line="+470"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="-468"/>
        <location line="+510"/>
        <source>About Inspector</source>
        <translation>关于创文暗访检查</translation>
    </message>
    <message>
        <location line="-508"/>
        <source>Inspections list</source>
        <translation>检查记录列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+121"/>
        <source>My round</source>
        <translation>我的暗访任务</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>Import package…</source>
        <translation>导入任务包…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pin command-centre key…</source>
        <translation>绑定指挥部密钥…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Inspection</source>
        <extracomment>actions that touch the data: off while locked</extracomment>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Switch to command centre</source>
        <translation>切换到指挥中心</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+45"/>
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location line="-43"/>
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
        <location line="+125"/>
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
        <location line="+125"/>
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
        <location line="+1"/>
        <source>Remove the selected photo from the item</source>
        <translation>从测评项目移除选中的照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected unplaced photo on the item</source>
        <translation>将选中的未归入照片归入测评项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View the selected photo</source>
        <translation>查看选中的照片</translation>
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
        <location line="+21"/>
        <location line="+2"/>
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
    <message>
        <location line="+1"/>
        <source>Command-centre key: %1</source>
        <translation>指挥部密钥：%1</translation>
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
    <name>MyRoundModel</name>
    <message>
        <location filename="../../inspector_app/ui/my_round.py" line="+128"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>点位类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>MyRoundPanel</name>
    <message>
        <location line="+149"/>
        <location line="+153"/>
        <source>Start inspection</source>
        <extracomment>an inspection to show in the checklist (started from an assignment, or its own) a message for the window&apos;s user (text, is it an error) the user asked to import a package / pin the centre&apos;s key</extracomment>
        <translation>开始检查</translation>
    </message>
    <message>
        <location line="-151"/>
        <location line="+14"/>
        <source>Import package…</source>
        <translation>导入任务包…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Pin command-centre key…</source>
        <translation>绑定指挥部密钥…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Command-centre key: none pinned yet</source>
        <translation>指挥部密钥：尚未绑定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command-centre key: %1</source>
        <translation>指挥部密钥：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No round yet</source>
        <translation>暂无暗访任务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command centre sends your round in a package written for this laptop. To receive it:</source>
        <translation>创文指挥部会把您的暗访任务做成专门发给本机的任务包。接收步骤：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1. Pin the command centre&apos;s key: choose its key file (centre.pub) and compare the key id with the command centre by phone or on paper.</source>
        <translation>1. 绑定指挥部密钥：选择指挥部给您的密钥文件（centre.pub），并通过电话或纸面与指挥部核对密钥标识。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2. Import the package file the command centre gave you.</source>
        <translation>2. 导入指挥部给您的任务包文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1. The command centre&apos;s key is pinned. ✓</source>
        <translation>1. 指挥部密钥已绑定。✓</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last day today</source>
        <translation>今天是最后一天</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>ended %n day(s) ago</source>
        <translation>
            <numerusform>已结束 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2 visited</source>
        <translation>已查 %1 / %2 个</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open inspection</source>
        <translation>打开检查记录</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="-155"/>
        <source>New round</source>
        <translation>新建轮次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Week 48 covert round</source>
        <translation>例如：第48周暗访</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>that many in every district</source>
        <translation>每个区各抽这么多</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all types (or codes or names, comma-separated)</source>
        <translation>全部类型（或填编号、名称，用逗号分隔）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all districts (or names, comma-separated)</source>
        <translation>全部区（或填区名，用逗号分隔）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>made and recorded if left empty</source>
        <translation>留空则自动生成并记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points per type</source>
        <translation>每类点位抽取数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Types</source>
        <translation>点位类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Districts</source>
        <translation>区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out points inspected in the last</source>
        <translation>排除近期检查过的点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Give the round a name.</source>
        <translation>请填写轮次名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The round ends before it starts: choose a later “To” date.</source>
        <translation>结束日期早于开始日期：请选择更晚的结束日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A round&apos;s window can be at most a year.</source>
        <translation>轮次的时间范围最长一年。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../inspector_app/ui/board_page.py" line="-552"/>
        <source>Required: say why</source>
        <translation>必填：请说明原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
</context>
<context>
    <name>PhotoPanel</name>
    <message numerus="yes">
        <location filename="../../inspector_app/ui/photo_panel.py" line="+446"/>
        <source>Attach %n photo(s)</source>
        <translation>
            <numerusform>添加 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location line="-121"/>
        <source>Drop photos here, or paste with Ctrl+V</source>
        <extracomment>thumbnails decoded per event-loop turn (each is a small JPEG: well under 50 ms together) what an unplaced tile carries when dragged onto the item: {&quot;sha256&quot;: [...]}</extracomment>
        <translation>将照片拖到这里，或按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported for this inspection, not on an item</source>
        <translation>已导入本次检查、尚未归入测评项目的照片</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put on this item</source>
        <translation>归入本项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected photos on this item (Enter), or drag them onto it</source>
        <translation>将选中的照片归入本测评项目（Enter），或把照片拖到本项目上</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected photos from this item (Delete)</source>
        <translation>从本测评项目移除选中的照片（删除键）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No inspection open</source>
        <translation>未打开检查</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose an item to see its photos</source>
        <translation>选择测评项目以查看其照片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Photos of %1 (%2)</source>
        <translation>%1 的照片（%2）</translation>
    </message>
    <message>
        <location line="+47"/>
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
    <message numerus="yes">
        <location line="+54"/>
        <source>Remove %n photo(s) from %1</source>
        <translation>
            <numerusform>从 %1 移除 %n 张照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s) removed from the item.</source>
        <translation>
            <numerusform>已从本项目移除 %n 张照片。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Put %n photo(s) on %1</source>
        <translation>
            <numerusform>将 %n 张照片归入 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s) put on the item.</source>
        <translation>
            <numerusform>已将 %n 张照片归入本项目。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Not done:</source>
        <translation>未完成：</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+79"/>
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
        <location filename="../../inspector_app/ui/photo_viewer.py" line="+170"/>
        <source>Photo</source>
        <extracomment>Pillow&apos;s raw byte order for the QImage format Qt paints without converting: the native-endian 0xAARRGGBB word of ARGB32 (little-endian machines: B, G, R, A in memory)</extracomment>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>This photo cannot be shown.</source>
        <translation>无法显示这张照片。</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>unknown</source>
        <extracomment>the full photo once decoded (null until then, and when it cannot be)</extracomment>
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
        <location line="+8"/>
        <source>Loading the full photo…</source>
        <translation>正在加载完整照片…</translation>
    </message>
    <message>
        <location line="+3"/>
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
    <message>
        <location line="+51"/>
        <source>Only the thumbnail can be shown.</source>
        <translation>只能显示缩略图。</translation>
    </message>
</context>
<context>
    <name>PinKeyDialog</name>
    <message>
        <location filename="../../inspector_app/ui/package_dialogs.py" line="-310"/>
        <source>Pin the command centre&apos;s key</source>
        <translation>绑定创文指挥部密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This laptop accepts assignment packages only from the command centre&apos;s key pinned here. Choose the key file the command centre gave you (centre.pub).</source>
        <translation>本机只接收由此处绑定的指挥部密钥签名的任务包。请选择指挥部给您的密钥文件（centre.pub）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Key id of the chosen file</source>
        <translation>所选文件的密钥标识</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call the command centre, or take the sheet it printed, and compare the key id group by group. Pin the key only if every group is the same: a wrong key would let someone else send you rounds.</source>
        <translation>请打电话给创文指挥部，或拿出指挥部打印的核对单，逐组核对密钥标识。每一组都一致才可绑定：绑错密钥，别人就能冒充指挥部给您派任务。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key ids match: pin</source>
        <translation>密钥标识一致，绑定</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No command-centre key is pinned on this laptop yet.</source>
        <translation>本机尚未绑定指挥部密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This key is already pinned on this laptop.</source>
        <translation>本机已绑定此密钥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned now: %1 (pinning another key replaces it)</source>
        <translation>当前绑定：%1（绑定新密钥会替换它）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The command centre&apos;s public key</source>
        <translation>创文指挥部的公钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>公钥 (*.pub);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file is not a command-centre key: %1</source>
        <translation>此文件不是指挥部密钥：%1</translation>
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
    <name>PointsModel</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="-619"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>编号</translation>
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
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>ProblemPhotosDialog</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="+428"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Photos: %1 · %2</source>
        <translation>照片：%1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the photos…</source>
        <translation>正在载入照片…</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>共 %n 张照片</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The photos cannot be shown: %1</source>
        <translation>无法显示照片：%1</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../inspector_app/ui/review_page.py" line="-148"/>
        <source>Reject finding</source>
        <extracomment>the review status filter&apos;s values, in the combo box&apos;s order (pending first: the work) the date filter&apos;s choices: (key, days back from today or None) reasons offered again in the rejection dialog, most recent first</extracomment>
        <translation>驳回问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why is it rejected? The reason is kept with the decision.</source>
        <translation>驳回理由是什么？理由将随审核结果一并保存。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>e.g. the photo does not show the problem</source>
        <translation>例如：照片不能证明问题</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location line="+202"/>
        <source>Accept (A)</source>
        <extracomment>a decision was saved (finding id, decision) a decision lost to another supervisor, said until the next decision is made (the queued decisions saved after it add their own news beside it)</extracomment>
        <translation>采纳（A）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject… (R)</source>
        <translation>驳回…（R）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>↑/↓ finding · ←/→ photo · Z zoom</source>
        <translation>↑/↓ 切换问题 · ←/→ 切换照片 · Z 放大</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>All decisions</source>
        <translation>全部审核状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All districts</source>
        <translation>全部城区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All point types</source>
        <translation>全部点位类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All inspectors</source>
        <translation>全部检查员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From … to …</source>
        <translation>自定日期范围</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The date range ends before it starts.</source>
        <translation>日期范围的结束早于开始。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 条问题</numerusform>
        </translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Accepted: %1</source>
        <translation>已采纳：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>task due %1</source>
        <translation>整改期限 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: %1</source>
        <translation>已驳回：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved: %1 was decided meanwhile by %2 (%3, %4)</source>
        <translation>未保存：%1 已由 %2 先行处理（%3，%4）</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Not saved: %1 changed meanwhile; it is shown as it now is</source>
        <translation>未保存：%1 已被他人更改，现显示其最新状态</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location filename="../../inspector_app/ui/review_models.py" line="+184"/>
        <source>Decision</source>
        <extracomment>rows per fetch: a screenful several times over, one query of a few tens of ms the number of problems the filter matches (-1 while it is being counted) a page arrived (the number of rows now loaded) a query failed: the message findings whose decision is being saved</extracomment>
        <translation>审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>城区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Inspector: %1</source>
        <translation>检查员：%1</translation>
    </message>
</context>
<context>
    <name>RoundWords</name>
    <message>
        <location filename="../../inspector_app/ui/my_round.py" line="-380"/>
        <source>to do</source>
        <extracomment>statuses still to be visited (their window matters)</extracomment>
        <translation>待查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="+101"/>
        <source>New round…</source>
        <translation>新建轮次…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assign…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write packages…</source>
        <translation>生成任务包…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+175"/>
        <source>Rounds</source>
        <translation>暗访轮次</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No round yet. “New round…” samples points from the register; then assign them to inspectors and write each inspector&apos;s package.</source>
        <translation>还没有暗访轮次。点“新建轮次…”从点位名录中抽取点位，再分配给检查员，并为每位检查员生成任务包。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Points (overdue first)</source>
        <translation>点位（逾期的排在前面）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>已检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 of %2 assigned</source>
        <translation>已分配 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 个点位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assigned %1</source>
        <translation>已分配 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspected %1</source>
        <translation>已检查 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received %1 (%2 complete)</source>
        <translation>已收到 %1（完成 %2）</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>逾期 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed %1</source>
        <translation>随机种子 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+83"/>
        <source>Sampling notes: %1</source>
        <translation>抽样说明：%1</translation>
    </message>
    <message numerus="yes">
        <location line="-4"/>
        <source>Round “%1” made: %n point(s) sampled.</source>
        <translation>
            <numerusform>已新建轮次“%1”：抽取 %n 个点位。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No inspector&apos;s key is enrolled: enrol the laptops&apos; keys first.</source>
        <translation>还没有登记任何检查员密钥：请先登记各台笔记本的密钥。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n point(s) assigned.</source>
        <translation>
            <numerusform>已分配 %n 个点位。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next: write each inspector&apos;s package.</source>
        <translation>下一步：为每位检查员生成任务包。</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%1: package %2 with %n point(s) → %3</source>
        <translation>
            <numerusform>%1：第 %2 号任务包，%n 个点位 → %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Packages written to %1:</source>
        <translation>任务包已写入 %1：</translation>
    </message>
</context>
<context>
    <name>RoundsTableModel</name>
    <message>
        <location filename="../../inspector_app/ui/briefing_page.py" line="-314"/>
        <source>Round / district</source>
        <translation>轮次 / 区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampled</source>
        <translation>抽取点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Points sampled for the round</source>
        <translation>本轮次抽取的点位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points whose inspection arrived here in a bundle</source>
        <translation>检查结果已随数据包导入指挥中心的点位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received of the points sampled</source>
        <translation>已收到点位占抽取点位的比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points not visited by the end of the round&apos;s window</source>
        <translation>轮次截止仍未检查的点位数</translation>
    </message>
</context>
<context>
    <name>SeriousTableModel</name>
    <message>
        <location line="-97"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deduction</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspector</source>
        <translation>检查员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Double-click to see the photos</source>
        <translation>双击查看照片</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This problem has no photo</source>
        <translation>该问题没有照片</translation>
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
    <name>TaskPanel</name>
    <message>
        <location filename="../../inspector_app/ui/board_page.py" line="+57"/>
        <source>Reported fixed… (F)</source>
        <extracomment>today in the command centre, as of the board&apos;s last load</extracomment>
        <translation>已报整改…（F）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reopen… (O)</source>
        <translation>重新打开…（O）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close… (C)</source>
        <translation>销号…（C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm closure</source>
        <translation>确认销号</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>History</source>
        <translation>整改记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>severity %1</source>
        <translation>严重程度：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspected %1</source>
        <translation>检查于 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>closed by %1 on %2</source>
        <translation>%1 于 %2 销号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>deadline %1 (%2)</source>
        <translation>期限 %1（%2）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Photos of the problem</source>
        <translation>问题照片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Before: problem, %1</source>
        <translation>整改前：发现问题，%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After: passed at re-inspection, %1</source>
        <translation>整改后：复查合格，%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>created: %1</source>
        <translation>创建：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>confirmed by a re-inspection</source>
        <translation>经复查确认</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location line="-280"/>
        <source>Status</source>
        <extracomment>the status filter&apos;s values, in the combo box&apos;s order</extracomment>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>剩余/逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>点位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Overdue · reported fixed</source>
        <translation>逾期 · 已报整改</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>passed: confirm?</source>
        <translation>合格，待销号</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../inspector_app/ui/welcome.py" line="-382"/>
        <location line="+1"/>
        <source>Welcome to Inspector</source>
        <extracomment>which window the program opens: &quot;inspector&quot; (the default) or &quot;centre&quot; the supervisor&apos;s own name: the actor of everything done in the centre&apos;s window offered in the time-zone box (any IANA name may be typed)</extracomment>
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
        <location line="+1"/>
        <source>Or set up as the command centre</source>
        <translation>或者设置为指挥中心</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For the supervisor who imports the inspectors&apos; bundles, reviews their findings and writes the briefings. The program can take the inspector&apos;s role as well later.</source>
        <translation>供督查人员使用：导入检查员的数据包、审核检查结果、编写通报。以后也可以再添加检查员角色。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set up as the command centre…</source>
        <translation>设置为指挥中心…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Command-centre recipient file</source>
        <translation>创文指挥部接收方公钥文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Making the key…</source>
        <translation>正在生成密钥…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The demo could not be made: %1</source>
        <translation>无法生成演示数据：%1</translation>
    </message>
</context>
<context>
    <name>WritePackagesDialog</name>
    <message>
        <location filename="../../inspector_app/ui/rounds_page.py" line="+246"/>
        <source>Write packages</source>
        <translation>生成任务包</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Round “%1”: a package for each of %n inspector(s):</source>
        <translation>
            <numerusform>轮次“%1”：为以下 %n 名检查员各生成一个任务包：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+20"/>
        <source>Folder for the packages (a USB stick)</source>
        <translation>任务包存放文件夹（U 盘）</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The command centre&apos;s passphrase:</source>
        <translation>指挥中心口令：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose the folder to write the packages to.</source>
        <translation>请选择存放任务包的文件夹。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the command centre&apos;s passphrase.</source>
        <translation>请输入指挥中心口令。</translation>
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
