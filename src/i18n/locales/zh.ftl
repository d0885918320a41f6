# 结论草案中的固定用语（中文；键与 en.ftl 相同）。采用联合国文件的行文规范。

## 语文名称（“原文：英文”）

language-en = 英文
language-fr = 法文
language-es = 西班牙文
language-ar = 阿拉伯文
language-ru = 俄文
language-zh = 中文

## 日期（年月日均用阿拉伯数字）

month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
weekday-1 = 星期一
weekday-2 = 星期二
weekday-3 = 星期三
weekday-4 = 星期四
weekday-5 = 星期五
weekday-6 = 星期六
weekday-7 = 星期日
date = { $year }年{ $monthnum }月{ $day }日
date-weekday = { $date }（{ $weekday }）
date-alone = { $date }
date-range-same-month = { $year }年{ $monthnum }月{ $day1 }日至{ $day2 }日
date-range-same-year = { $year }年{ $monthnum1 }月{ $day1 }日至{ $monthnum2 }月{ $day2 }日
date-range = { $date1 }至{ $date2 }
when-day = 于{ $date }
when-range-same-month = 于{ $year }年{ $monthnum }月{ $day1 }日至{ $day2 }日
when-range-same-year = 于{ $year }年{ $monthnum1 }月{ $day1 }日至{ $monthnum2 }月{ $day2 }日
when-range = 于{ $date1 }至{ $date2 }

## 编号（章用中文数字，附件用中文数字）

chapter-label = { $n ->
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
        [9] 九
        [10] 十
       *[other] { $roman }
    }.
section-label = { $letter }.
item-label = ({ $letter })
para-number = { $n }.
annex-label = 附件{ $n ->
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
       *[other] { $roman }
    }
heading-chapter = { $label } { $title }
heading-annex = { $label }　{ $title }
docx-item-format = lowerLetter

## 列举和句子

list-sep = {"、"}
list-and = { $first }和{ $last }
series-more = {"；"}
series-penultimate = {"；"}
series-last = {"。"}
full-stop = {"。"}

## 文件抬头

masthead-title = { $title }结论草案
masthead-title-untitled = 结论草案
title-sep = {"，"}
masthead-status = 草案——供各首长审议
masthead-version = 第{ $version }版——{ $date }编写
masthead-distribution = 分发：{ $distribution }
distribution-restricted = 限制分发
distribution-limited = 有限分发
distribution-general = 一般分发
masthead-original = 原文：{ $language }
masthead-chatham = 本次会议按照查塔姆研究所规则举行：可使用会上获得的信息，但不得透露任何发言者的身份或所属单位。

## 前言部分

key-messages = 关键信息
decisions-required = 需由各首长作出决定的事项
see-paragraph = （见第{ $n }段）

## 各章标题

chapter-introduction = 导言
chapter-organization = 会议组织
chapter-discussions = 讨论摘要和结论
chapter-submitted = 提交各首长的建议和决定
chapter-work-plan = 工作计划和行动要点
chapter-follow-up = 后续行动和下一步工作

## 一. 导言

intro-held = { $title }{ $has-group ->
        [yes] （{ $group }）
       *[no] {""}
    }{ $has-when ->
        [yes] { $when }
       *[no] {""}
    }{ $has-venue ->
        [yes] 在{ $venue }
       *[no] {""}
    }举行。
intro-co-chaired = 会议由{ $names }共同主持。
intro-objectives = 会议的目标是：
intro-outcomes = 会议的预期成果是：

## 二. 会议组织

section-opening = 开幕
section-attendance = 出席情况
section-agenda = 议程和工作方法
section-roles = 主持人和报告员
opening-words = 开幕, 欢迎
opening-held = 开幕会议“{ $title }”{ $has-date ->
        [yes] 于{ $date }
       *[no] {""}
    }{ $has-time ->
        [yes] { $time }
       *[no] {""}
    }举行{ $has-moderators ->
        [yes] ，由{ $moderators }主持
       *[no] {""}
    }{ $has-methodology ->
        [yes] （{ $methodology }）
       *[no] {""}
    }。
attendance = 来自{ $entities }个实体的{ $participants }名与会者出席了会议（见附件二）。
agenda-sessions = 会议共举行{ $sessions }次工作会议，历时{ $days }天。议程及各次会议的工作方法载于附件一。
roles-intro = 各次会议的主持人和报告员如下：
roles-item = { $title }：{ $details }
roles-moderated = 主持人：{ $names }
roles-rapporteur = 报告员：{ $names }
roles-sep = {"；"}

## 三. 讨论摘要和结论

unedited-notes-open = {"["}未经编辑的笔记：
unedited-notes-close = {"]"}
concluded = 小组得出如下结论：{ $text }
proposed = 小组提议提请各首长作出决定：{ $text }
action-text = 行动：{ $text }
action-lead = 牵头实体：{ $lead }
action-deadline = 截止日期：{ $deadline }
action-details = （{ $details }）

## 四. 提交各首长的事项

invited = 请各首长：
invited-endorse = 核可建议“{ $text }”
invited-approve = 批准提议“{ $text }”
invited-note = 注意到结论“{ $text }”

## 五. 工作计划

work-plan-intro = 小组商定了以下行动要点：
col-no = 编号
col-action = 行动
col-lead = 牵头实体
col-deadline = 截止日期
col-source = 出处段落
col-status = 状态
status-draft = 草案
status-agreed = 已商定
status-done = 已完成
status-dropped = 已放弃
kind-recommendation = 建议
kind-conclusion = 结论
kind-decision = 决定
kind-action = 行动

## 六. 后续行动

follow-up-principals = 共同主席将把第四节所载建议和提议提交各首长审议。
follow-up-actions = 牵头实体将向小组报告第五节所列行动要点的进展情况。

## 附件

annex-agenda = 议程
col-day = 日期
col-time = 时间
col-session = 会议
col-methodology = 工作方法
col-moderators = 主持人
annex-participants = 按实体分列的与会者
col-entity = 实体
col-participants = 与会者
col-participants-count = 与会者（人数）
no-entity = （无实体）
annex-brackets = 仍在讨论中的方括号内案文
brackets-intro = 以下字段存在尚未解决的并行值；这些值在案文中以方括号标出。
col-item = 项目
col-field = 字段
col-alternatives = 备选案文
conflict-session = 会议“{ $title }”
conflict-outcome = 成果“{ $text }”
conflict-event = 会议活动
conflict-day = 日程日 { $id }
field-start = 开始时间
field-end = 结束时间
field-title = 标题
field-kind = 类别
field-lead = 牵头实体
field-deadline = 截止日期
field-status = 状态
field-key-message = 关键信息
field-start_date = 开始日期
field-end_date = 结束日期
field-time_zone = 时区
field-language = 语文
field-date = 日期

## 查塔姆研究所规则

chatham-one = 一名与会者
chatham-one-start = 一名与会者
chatham-many = 与会者
chatham-many-start = 与会者
