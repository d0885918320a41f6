# العبارات الثابتة في مشروع الاستنتاجات باللغة العربية (المفاتيح نفسها الواردة في en.ftl).
# بأسلوب وثائق الأمم المتحدة: الأرقام الغربية، وأسماء الشهور المزدوجة (شباط/فبراير).

## أسماء اللغات («الأصل: بالإنكليزية»)

language-en = الإنكليزية
language-fr = الفرنسية
language-es = الإسبانية
language-ar = العربية
language-ru = الروسية
language-zh = الصينية

## التواريخ

month-1 = كانون الثاني/يناير
month-2 = شباط/فبراير
month-3 = آذار/مارس
month-4 = نيسان/أبريل
month-5 = أيار/مايو
month-6 = حزيران/يونيه
month-7 = تموز/يوليه
month-8 = آب/أغسطس
month-9 = أيلول/سبتمبر
month-10 = تشرين الأول/أكتوبر
month-11 = تشرين الثاني/نوفمبر
month-12 = كانون الأول/ديسمبر
weekday-1 = الاثنين
weekday-2 = الثلاثاء
weekday-3 = الأربعاء
weekday-4 = الخميس
weekday-5 = الجمعة
weekday-6 = السبت
weekday-7 = الأحد
date = { $day } { $month } { $year }
date-weekday = { $weekday }، { $date }
date-alone = { $date }
date-range-same-month = { $day1 }-{ $day2 } { $month } { $year }
date-range-same-year = { $day1 } { $month1 } - { $day2 } { $month2 } { $year }
date-range = { $date1 } - { $date2 }
when-day = في { $date }
when-range-same-month = في الفترة من { $day1 } إلى { $day2 } { $month } { $year }
when-range-same-year = في الفترة من { $day1 } { $month1 } إلى { $day2 } { $month2 } { $year }
when-range = في الفترة من { $date1 } إلى { $date2 }

## الترقيم: أولا، ألف، (أ)، 1 -، المرفق الأول

chapter-label = { $n ->
        [1] أولا
        [2] ثانيا
        [3] ثالثا
        [4] رابعا
        [5] خامسا
        [6] سادسا
        [7] سابعا
        [8] ثامنا
        [9] تاسعا
        [10] عاشرا
       *[other] { $n }
    } -
section-label = { $n ->
        [1] ألف
        [2] باء
        [3] جيم
        [4] دال
        [5] هاء
        [6] واو
        [7] زاي
        [8] حاء
        [9] طاء
        [10] ياء
        [11] كاف
        [12] لام
        [13] ميم
        [14] نون
        [15] سين
        [16] عين
        [17] فاء
        [18] صاد
        [19] قاف
        [20] راء
       *[other] { $n }
    } -
item-label = ({ $n ->
        [1] أ
        [2] ب
        [3] ج
        [4] د
        [5] هـ
        [6] و
        [7] ز
        [8] ح
        [9] ط
        [10] ي
        [11] ك
        [12] ل
        [13] م
        [14] ن
        [15] س
        [16] ع
        [17] ف
        [18] ص
        [19] ق
        [20] ر
        [21] ش
        [22] ت
        [23] ث
        [24] خ
        [25] ذ
        [26] ض
        [27] ظ
        [28] غ
       *[other] { $n }
    })
para-number = { $n } -
annex-label = المرفق { $n ->
        [1] الأول
        [2] الثاني
        [3] الثالث
        [4] الرابع
        [5] الخامس
       *[other] { $n }
    }
heading-chapter = { $label } { $title }
heading-annex = { $label } — { $title }
docx-item-format = arabicAbjad

## القوائم والجمل

list-sep = {"، "}
list-and = { $first } و{ $last }
series-more = {"؛"}
series-penultimate = {"؛"}
series-last = {"."}
full-stop = {"."}

## الترويسة

masthead-title = مشروع استنتاجات اجتماع «{ $title }»
masthead-title-untitled = مشروع استنتاجات
title-sep = {"، "}
masthead-status = مشروع - معروض على الرؤساء التنفيذيين للنظر فيه
masthead-version = الصيغة { $version } - أُعدت في { $date }
masthead-distribution = التوزيع: { $distribution }
distribution-restricted = مقيد
distribution-limited = محدود
distribution-general = عام
masthead-original = الأصل: ب{ $language }
masthead-chatham = عُقد الاجتماع وفقا لقاعدة تشاتام هاوس: يجوز استخدام المعلومات، دون الكشف عن هوية أي من المتكلمين أو انتمائه.

## الجزء التمهيدي

key-messages = الرسائل الرئيسية
decisions-required = المسائل التي تتطلب قرارا من الرؤساء التنفيذيين
see-paragraph = {" "}(انظر الفقرة { $n })

## الفصول

chapter-introduction = مقدمة
chapter-organization = تنظيم الاجتماع
chapter-discussions = موجز المناقشات والاستنتاجات
chapter-submitted = التوصيات والقرارات المقدمة إلى الرؤساء التنفيذيين
chapter-work-plan = خطة العمل والإجراءات
chapter-follow-up = المتابعة والخطوات التالية

## أولا - مقدمة

intro-held = عُقد اجتماع «{ $title }»{ $has-group ->
        [yes] {" "}({ $group })
       *[no] {""}
    }{ $has-venue ->
        [yes] {" "}في { $venue }
       *[no] {""}
    }{ $has-when ->
        [yes] {" "}{ $when }
       *[no] {""}
    }.
intro-co-chaired = {" "}وتولى رئاسته بالاشتراك { $names }.
intro-objectives = تمثلت أهداف الاجتماع فيما يلي:
intro-outcomes = تمثلت النتائج المتوقعة من الاجتماع فيما يلي:

## ثانيا - تنظيم الاجتماع

section-opening = الافتتاح
section-attendance = الحضور
section-agenda = جدول الأعمال وطريقة العمل
section-roles = مديرو الجلسات والمقررون
opening-words = افتتاح, ترحيب
opening-held = عُقدت الجلسة الافتتاحية «{ $title }»{ $has-date ->
        [yes] {" "}في { $date }
       *[no] {""}
    }{ $has-time ->
        [yes] {" "}الساعة { $time }
       *[no] {""}
    }{ $has-moderators ->
        [yes] ، وأدارها { $moderators }
       *[no] {""}
    }{ $has-methodology ->
        [yes] {" "}({ $methodology })
       *[no] {""}
    }.
attendance = حضر الاجتماع { $participants } { $participants ->
        [one] مشارك
        [two] مشاركان
        [few] مشاركين
        [many] مشاركا
       *[other] مشارك
    } من { $entities } { $entities ->
        [one] كيان
        [two] كيانين
        [few] كيانات
        [many] كيانا
       *[other] كيان
    } (انظر المرفق الثاني).
agenda-sessions = تألف الاجتماع من { $sessions } { $sessions ->
        [one] جلسة عمل
        [two] جلستي عمل
        [few] جلسات عمل
       *[other] جلسة عمل
    } على مدى { $days } { $days ->
        [one] يوم
        [two] يومين
        [few] أيام
        [many] يوما
       *[other] يوم
    }. ويرد جدول الأعمال، مع طريقة العمل في كل جلسة، في المرفق الأول.
roles-intro = تولى إدارة الجلسات وإعداد التقارير عنها من يلي:
roles-item = { $title }: { $details }
roles-moderated = إدارة الجلسة: { $names }
roles-rapporteur = المقرر: { $names }
roles-sep = {"؛ "}

## ثالثا - موجز المناقشات والاستنتاجات

unedited-notes-open = {"["}ملاحظات غير محررة:{" "}
unedited-notes-close = {"]"}
concluded = وخلص الفريق إلى ما يلي: { $text }
proposed = واقترح الفريق عرض ما يلي على الرؤساء التنفيذيين لاتخاذ قرار بشأنه: { $text }
action-text = إجراء: { $text }
action-lead = الكيان الرائد: { $lead }
action-deadline = الموعد النهائي: { $deadline }
action-details = {" "}({ $details })

## رابعا - المسائل المعروضة على الرؤساء التنفيذيين

invited = الرؤساء التنفيذيون مدعوون إلى ما يلي:
invited-endorse = تأييد التوصية «{ $text }»
invited-approve = الموافقة على الاقتراح «{ $text }»
invited-note = الإحاطة علما بالاستنتاج «{ $text }»

## خامسا - خطة العمل

work-plan-intro = اتفق الفريق على الإجراءات التالية:
col-no = الرقم
col-action = الإجراء
col-lead = الكيان الرائد
col-deadline = الموعد النهائي
col-source = الفقرة المصدر
col-status = الحالة
status-draft = مشروع
status-agreed = متفق عليه
status-done = منجز
status-dropped = ملغى
kind-recommendation = توصية
kind-conclusion = استنتاج
kind-decision = قرار
kind-action = إجراء

## سادسا - المتابعة

follow-up-principals = سيقدم الرئيسان المشاركان التوصيات والمقترحات الواردة في الفرع رابعا إلى الرؤساء التنفيذيين للنظر فيها.
follow-up-actions = ستقدم الكيانات الرائدة إلى الفريق تقارير عن التقدم المحرز في تنفيذ الإجراءات الواردة في الفرع خامسا.

## المرفقات

annex-agenda = جدول الأعمال
col-day = اليوم
col-time = الوقت
col-session = الجلسة
col-methodology = طريقة العمل
col-moderators = مديرو الجلسة
annex-participants = المشاركون حسب الكيان
col-entity = الكيان
col-participants = المشاركون
col-participants-count = المشاركون (العدد)
no-entity = (بدون كيان)
annex-brackets = نص بين معقوفتين لا يزال قيد المناقشة
brackets-intro = تتضمن هذه الحقول قيما متزامنة لم يُبتّ فيها بعد؛ وهي ترد بين معقوفتين في النص.
col-item = البند
col-field = الحقل
col-alternatives = البدائل
conflict-session = الجلسة «{ $title }»
conflict-outcome = النتيجة «{ $text }»
conflict-event = الاجتماع
conflict-day = اليوم { $id }
field-start = البداية
field-end = النهاية
field-title = العنوان
field-kind = النوع
field-lead = الكيان الرائد
field-deadline = الموعد النهائي
field-status = الحالة
field-key-message = رسالة رئيسية
field-start_date = تاريخ البدء
field-end_date = تاريخ الانتهاء
field-time_zone = المنطقة الزمنية
field-language = اللغة
field-date = التاريخ

## قاعدة تشاتام هاوس

chatham-one = أحد المشاركين
chatham-one-start = أحد المشاركين
chatham-many = المشاركون
chatham-many-start = المشاركون
