# 窗口界面文字（中文；键与 en.ftl 相同）。

## index.html, main.ts

app-name = Rapporteur
topbar-all-events = 所有会议
topbar-board = 成果板
topbar-board-title = 成果板（Alt+B）
topbar-draft = 草案
topbar-agenda = 议程
topbar-participants = 与会者
topbar-search = 搜索
topbar-search-keys = Ctrl K
topbar-event-nav = 会议
topbar-collaborate = 协作
topbar-collaborate-title = 协作（Ctrl+Shift+L）
overview-co-chairs = 共同主席：{ $names }
overview-hint = 在议程中选择一次会议：↑/↓ 移动，Enter 打开。
error-bar = { $message }（{ $code }）

## 语言选择

language-label = 语言
language-system = 系统语言（{ $language }）

## views/start.ts

start-no-events = 尚无会议。
start-recent-events = 最近的会议
start-untitled-event = 无标题会议
start-rows = 议程共{ $count }行
start-lead = 为您担任报告员的会议记录笔记、成果和结论草案。
start-open-sample = 打开示例会议

## views/failure.ts

failure-title = Rapporteur 无法打开其数据库
failure-file = 数据库文件：
failure-what-to-do = 应采取的措施
failure-code = 错误代码：{ $code }。完成后请关闭此窗口。

## views/sidebar.ts

sidebar-untitled = 无标题
sidebar-moderators = 主持人：{ $names }
sidebar-label = 议程
sidebar-hint = ↑/↓ 移动，Enter 打开
sidebar-day = 第{ $n }天
sidebar-now = 现在
sidebar-row-label = { $ref } { $time } { $title }

## views/session.ts

session-untitled = 无标题会议
session-loading = 正在加载…
session-capture-placeholder = 建议：… · 结论：… · 决定：… · 行动：…
session-outcomes-label = 本次会议的成果
session-ref = 会议 { $ref }
session-moderators = 主持人：
session-methodology = 工作方法
session-notes = 笔记
session-capture-hint-start = 记录当前行或所选文字：
session-capture-hint-end = ——或在行首输入“建议：”“结论：”“决定：”“行动：”后按 Enter。输入 @ 可补全发言者。
session-summary = 摘要
session-capture-title = 记录成果
session-capture-input-hint = 以前缀开头并按 Enter。Alt+R、Alt+C、Alt+D、Alt+A 可插入前缀。
session-capturing = 正在记录{ $kind }…
session-captured = 已记录为{ $kind }：{ $text }
session-not-captured = 未记录
session-source-gone = 此内容的出处已不在这些笔记中。
session-notes-placeholder = 输入本次会议的笔记（Markdown）。@FAO 标记发言者。
session-summary-placeholder = 将纳入结论草案的摘要。
session-nothing-to-capture = 此行没有可记录的内容。
session-load-failed = 无法加载本次会议
session-running = · 进行中，还剩 { $left }
session-starts-in = · { $time }后开始
session-ended = · 已结束
session-kind-conflict = 类别冲突
session-show-source = 显示“{ $text }”在笔记中的出处
session-source = 出处
session-edit = 编辑
kind-recommendation = 建议
kind-conclusion = 结论
kind-decision = 决定
kind-action = 行动
kind-recommendation-lc = 建议
kind-conclusion-lc = 结论
kind-decision-lc = 决定
kind-action-lc = 行动

## capture/prefix.ts

capture-prefixes-recommendation = 建议
capture-prefixes-conclusion = 结论
capture-prefixes-decision = 决定
capture-prefixes-action = 行动

## agenda/model.ts

minutes = { $m } 分钟
hours-minutes = { $h } 小时 { $m } 分钟

## editor/saver.ts

save-idle = 尚无更改
save-saving = 正在保存…
save-saved = 已保存
save-error = 尚未保存——正在重试（{ $message }）

## views/outcome-panel.ts, outcomes/model.ts

panel-gone = 成果 { $id } 已不存在（已合并或删除？）。
panel-deadline-placeholder = 2018-04-30 或“2018年4月”
panel-save = 保存
panel-nothing-changed = 没有更改
panel-text-empty = 文本不能为空
panel-saving = 正在保存…
panel-saved = 已保存
panel-not-saved = 未保存
panel-kind = 类别
panel-text = 文本
panel-lead = 牵头实体
panel-deadline = 截止日期
panel-status = 状态
panel-confidential = {" "}机密（不纳入草案）
panel-key-message = {" "}关键信息
panel-close = 关闭
panel-keys = Ctrl+Enter 保存 · Escape 关闭
panel-title = 编辑成果
panel-session = 会议 { $ref } · { $title }
panel-removed = 此成果已在别处合并或删除
outcome-kind-recommendation = 建议
outcome-kind-conclusion = 结论
outcome-kind-decision = 决定
outcome-kind-action = 行动要点
status-draft = 草案
status-agreed = 已商定
status-done = 已完成
status-dropped = 已放弃
field-kind = 类别
field-lead = 牵头实体
field-deadline = 截止日期
field-status = 状态
field-confidential = 机密
field-key-message = 关键信息
value-yes = 是
value-no = 否
value-none = （无）
move-gone = 该成果已不存在。
move-first = 已是本次会议的第一项。
move-last = 已是本次会议的最后一项。

## views/board.ts

board-all = 全部
board-outcomes = 成果
board-merge = 合并所选
board-merge-count = 合并所选（{ $count }）
board-title = 成果板
board-filter-kind = 类别
board-filter-session = 会议
board-filter-status = 状态
board-in-conflict = 存在冲突
board-keys = ↑/↓ 移动 · 空格键选择要合并的项（保留第一个所选项）· Enter 编辑 · Alt+↑/↓ 调整顺序 · S 显示出处 · Alt+B 或 Escape 返回会议
board-merged = 已将 { $count } 项成果合并为一项。
board-moved-up = 已上移。
board-moved-down = 已下移。
board-not-from-notes = 此成果不是从笔记中记录的（出处：{ $source }）。
board-source-unknown = 未知
board-select = 选择以合并
board-lead = 牵头：{ $lead }
board-due = 截止：{ $deadline }
board-confidential = 机密
board-key-message = 关键信息
board-card-label = { $kind }：{ $text }
board-source = 出处
board-edit = 编辑
board-no-match = 没有符合这些筛选条件的成果。
board-empty = 尚无成果：请在会议笔记中记录。
board-count = { $total } 项中的 { $shown } 项
board-count-conflicts = { $total } 项中的 { $shown } 项 · { $conflicts } 项存在冲突

## views/conflict.ts

conflict-keep-both-hint = 两者都保留：每个值一项成果；副本在成果板上排在此项之后。
conflict-group = { $field }存在冲突
conflict-keep-label = 保留 { $value } 作为{ $field }
conflict-keep-this = 保留此值
conflict-title = { $field }：
conflict-two-values = 两人设置了不同的值
conflict-keep-both = 两者都保留

## views/draft.ts, draft/model.ts

draft-frame-title = 结论草案预览
draft-export-progress = 正在导出
draft-export-pdf = 导出 PDF
draft-export = 导出 { $format }
draft-print = 打印…
draft-refresh = 刷新
draft-title = 结论草案
draft-attribution = 发言归属
draft-export-and-print = 导出和打印
draft-compiling = 正在编写…
draft-pdf-needs-office = 导出 PDF 需要 LibreOffice（soffice），但尚未安装。请使用“打印…”并选择“打印到文件”。
draft-compiled = 已编写（发言归属：{ $attribution }）。
draft-compile-failed = 无法编写草案。
draft-report-title = 编写报告
draft-warnings = 警告
draft-open-session = 打开会议
draft-show-paragraph = 显示段落
draft-paragraph-missing = 预览中没有第 { $id } 段。
draft-dialog-failed = 无法打开保存对话框。
draft-export-cancelled = 已取消导出。
draft-exporting = 正在将 { $format } 导出到 { $path }…
draft-saved = 已将 { $format } 保存到 { $path }（{ $size }）。
draft-export-failed = 导出失败：{ $message }
draft-nothing-to-print = 尚无可打印的内容。
draft-print-unavailable = 此处无法打印；请导出 HTML 或 DOCX 后再打印。
attribution-named = 具名
attribution-named-hint = 按姓名列出发言者
attribution-entity = 按实体
attribution-entity-hint = 按所属实体列出发言者（“粮农组织指出……”）
attribution-none = 不具名
attribution-none-hint = 查塔姆研究所规则：不指名任何人
attribution-named-lc = 具名
attribution-entity-lc = 按实体
attribution-none-lc = 不具名
warning-session-without-summary = 无摘要
warning-unedited-notes = 未经编辑的笔记
warning-unresolved-conflict = 冲突
warning-leftover-name = 文中留有姓名
warning-dangling-reference = 无效引用
warning-unknown-speaker = 未知发言者
report-no-warnings = 没有警告。
report-warnings = 分发前有 { $count } 条警告需要查看。
report-paragraphs = 编号段落
report-warnings-count = 警告
report-conflicts = 未解决的冲突
report-confidential = 未纳入的机密项目
export-filter-docx = Word 文档
export-filter-md = Markdown
export-filter-html = 网页
export-filter-pdf = PDF
bytes = { $n } B
kilobytes = { $n } KB
megabytes = { $n } MB

## views/agenda-edit.ts

agenda-rows = 议程各行
agenda-title = 议程
agenda-hint = 选择一行进行编辑。Alt+↑/↓ 移动所选行，也可移至前一天或后一天。
agenda-not-changed = 未更改：{ $message }
agenda-row-removed = 已删除该行。
agenda-saved = 已保存。
agenda-moved-up = 已上移。
agenda-moved-down = 已下移。
agenda-already-first = 已是第一行。
agenda-already-last = 已是最后一行。
agenda-session-added = 已添加会议。
agenda-new-session = 新会议
agenda-day = 第{ $n }天
agenda-untitled = 无标题
agenda-conflict-badge = 冲突
agenda-add-session = + 在这一天添加会议
agenda-conflicting-values = { $field }的冲突值
agenda-conflict-keep = 冲突——保留一个：
agenda-keep-value = 保留“{ $value }”
agenda-select-row = 选择一行进行编辑。
agenda-kind-working = 工作会议
agenda-kind-logistics = 后勤安排（休息、用餐、报到）
agenda-click-again = 再次点击以删除
agenda-remove-row = 删除此行
agenda-row = 第 { $ref } 行
agenda-field-title = 标题
agenda-field-start = 开始（时:分）
agenda-field-end = 结束（时:分）
agenda-field-kind = 类别
agenda-field-day = 日期
agenda-field-methodology = 工作方法
agenda-field-moderators = 主持人
agenda-field-rapporteurs = 报告员
agenda-field-description = 说明
agenda-move-up = 上移
agenda-move-down = 下移

## views/import.ts, import/model.ts

import-not-agenda = { $path }：不是议程文件（请使用 { $extensions }）
import-drop-one = 一次只能拖放一个议程文件（拖放了 { $count } 个）
import-paste-placeholder = 第1天——2018年2月12日（星期一）
    09:00 – 10:30	开幕会议
    10:30 – 11:00	茶歇
import-format-auto = 自动识别
import-format-text = 文本
import-format-csv = CSV
import-format-ics = 日历（ICS）
import-create = 创建会议
import-choose = 导入议程…
import-clear = 清除
import-from-docx = 来自 { $file }（Word 文档按原样预览；请在 Word 中修改）。
import-from-file = 来自 { $file }；请在文本框中修改。
import-rows-here = 议程各行将显示在此处。
import-go-to-line = 转到第 { $line } 行
import-rows-label = 议程各行
import-col-day = 日期
import-col-time = 时间
import-col-title = 标题
import-col-meta = 工作方法 · 主持人
import-title-placeholder = 会议标题
import-dialog-filter = 议程
import-heading = 导入议程
import-help = 选择文件（CSV、ICS、DOCX 或文本），将文件拖放到窗口，或在下方粘贴议程。输入时即显示各行。
import-text-label = 议程文本
import-read-as = 读取为{" "}
import-event-title = 会议标题{" "}
import-fix-problem = 尚无法创建：请先解决下面的问题。
import-day = 第{ $n }天
import-untitled = 无标题
import-moderators = 主持人：{ $names }
import-summary = { $days }天共{ $rows }行（{ $sessions }次会议），按{ $format }读取。
import-read-text = 文本
import-read-csv = CSV
import-read-ics = 日历（ICS）
import-read-docx = Word（DOCX）

## views/participants.ts

people-name = 姓名
people-entity = 实体
people-handle = 标记名
people-role = 职责
people-handle-placeholder = 根据姓名生成
people-add-label = 添加与会者
people-add = 添加
people-title = 与会者
people-hint = 发言的个人和实体。在笔记中输入 @ 和标记名即可标记。
people-not-changed = 未更改：{ $message }
people-added = 已添加 { $name }。
people-count = { $count } 名与会者
people-actions = 操作
people-field-of = { $name }的{ $field }
people-someone = 与会者
people-saved = 已保存。
people-remove-label = 移除 { $name }
people-removed = 已移除 { $name }。
people-remove = 移除

## views/search.ts, search/model.ts

search-placeholder = 搜索笔记、摘要和成果
search-results = 结果
search-type = 输入内容以搜索本次会议。
search-label = 搜索
search-keys = ↑/↓ 选择 · Enter 打开 · Esc 关闭
search-type-word = 请输入要搜索的词。
search-count = { $count } 个结果
search-nothing = 未找到“{ $query }”。
search-failed = 搜索失败。
search-session = 会议
search-session-ref = 会议 { $ref }
search-notes = 笔记
search-summary = 摘要
search-outcome = 成果
search-untitled = 无标题会议

## views/collab.ts, views/collab-status.ts, collab/model.ts

collab-your-name = 您的姓名
collab-name-hint = 在您的光标旁向他人显示。
collab-people = 在场人员
collab-who = 谁在这里
collab-in-session = 在 { $ref } { $title }
collab-not-in-session = 未在会议中
collab-stop-sharing = 停止共享
collab-stop-hosting = 停止主持
collab-leave = 离开
collab-stop-syncing = 停止同步
collab-host = 主持本次会议
collab-host-hint = 会场中的其他人使用此处显示的地址和代码加入。
collab-open-event-first = 请先打开一次会议再主持。
collab-address = 主机地址
collab-join-code = 加入代码
collab-no-host = 此网络上没有已公布的主机（会场 Wi-Fi 常会阻止）。请输入主机显示的地址。
collab-hosts-here = 此网络上的主机：
collab-looking = 正在此网络上查找主机…
collab-look-failed = 无法查找主机（{ $message }）。请输入主机显示的地址。
collab-search-again = 再次查找
collab-join-title = 加入主机
collab-join = 加入
collab-relay-url = 中继 URL
collab-token = 令牌（可选）
collab-relay = 通过中继同步
collab-relay-title = 通过中继同步
collab-export-bundle = 导出数据包…
collab-import-bundle = 导入数据包…
collab-wrote = 已写入 { $path }（{ $docs } 个文档）。
collab-imported = 来自 { $device }（{ $id }）的 { $changes } 项新更改；{ $docs } 个文档中有 { $changed } 个已更改。
collab-a-device = 某设备
collab-title = 协作
collab-close = 关闭协作面板（Escape）
collab-bundles = 数据包
collab-bundles-hint = 无网络时用于 U 盘或电子邮件。重复导入不会有任何变化。
collab-last-refused = 最近一次拒绝：{ $reason }
collab-qr-alt = { $text } 的二维码
collab-join-addresses = 其他人使用以下地址之一加入
collab-join-address = 其他人使用此地址加入
collab-and-code = 以及此加入代码
collab-code-label = 加入代码 { $code }
collab-unannounced = 未在此网络上公布（{ $reason }）：其他人需输入地址。
collab-announced = 已在此网络上公布：其他人可在“加入”表单中找到。
collab-no-one = 尚无人加入。
collab-peers = 对等方
collab-the-relay = 中继
collab-host-peer = 主机{" "}
collab-device-peer = 设备{" "}
collab-just-now = 刚刚
collab-seconds-ago = { $n } 秒前
collab-minutes-ago = { $n } 分钟前
collab-hours-ago = { $n } 小时前
collab-unknown-device = 未知设备
collab-peers-connected = 已连接 { $n } 个对等方
collab-stopped = 已停止。错误显示在下方。
collab-not-sharing-hint = 未共享。可主持本次会议、加入主机或通过中继同步。
collab-retry = ——{ $error }；{ $seconds } 秒后重试
collab-hosting = 正在主持本次会议 · { $peers }
collab-connected-to = 已连接到 { $target }
collab-not-connected = 未连接到 { $target }{ $retry }
collab-connecting = 正在连接到 { $target }…
collab-relay-unavailable = 中继 { $target } 不可用{ $retry }
collab-syncing-relay = 正在通过中继 { $target } 同步
collab-not-sharing = 未共享。
collab-changes = { $n } 项更改
collab-not-synced = 尚未同步
collab-last-synced = 上次同步：{ $ago }
collab-connected = 已连接
collab-disconnected-because = 已断开（{ $error }）
collab-disconnected = 已断开
collab-on-the-way = { $changes }正在发送
collab-waiting = { $changes }等待中，恢复连接后发送
collab-badge-stopped = 同步已停止
collab-badge-relay-offline = 中继离线
collab-badge-relay = 中继
collab-badge-reconnecting-waiting = 正在重新连接 · { $n } 项等待中
collab-badge-reconnecting = 正在重新连接
collab-badge-live = 在线 · { $n }

## presence/model.ts

presence-default-name = 报告员 { $tag }
presence-here = { $names }在这里
presence-and = { $first }和{ $last }
