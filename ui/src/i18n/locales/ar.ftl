# نصوص النافذة باللغة العربية (المفاتيح نفسها الواردة في en.ftl).

## index.html, main.ts

app-name = Rapporteur
topbar-all-events = جميع الاجتماعات
topbar-board = لوحة النتائج
topbar-board-title = لوحة النتائج (Alt+B)
topbar-draft = المشروع
topbar-agenda = جدول الأعمال
topbar-participants = المشاركون
topbar-search = بحث
topbar-search-keys = Ctrl K
topbar-event-nav = الاجتماع
topbar-collaborate = العمل المشترك
topbar-collaborate-title = العمل المشترك (Ctrl+Shift+L)
overview-co-chairs = الرئيسان المشاركان: { $names }
overview-hint = اختر جلسة من جدول الأعمال: ↑/↓ للتنقل، وEnter للفتح.
error-bar = { $message } ({ $code })

## اختيار اللغة

language-label = اللغة
language-system = لغة النظام ({ $language })

## views/start.ts

start-no-events = لا توجد اجتماعات بعد.
start-recent-events = الاجتماعات الأخيرة
start-untitled-event = اجتماع بلا عنوان
start-rows = { $count ->
        [zero] لا صفوف في جدول الأعمال
        [one] صف واحد في جدول الأعمال
        [two] صفان في جدول الأعمال
        [few] { $count } صفوف في جدول الأعمال
        [many] { $count } صفا في جدول الأعمال
       *[other] { $count } صف في جدول الأعمال
    }
start-lead = الملاحظات والنتائج ومشاريع الاستنتاجات للاجتماعات التي تتولى فيها مهمة المقرر.
start-open-sample = فتح الاجتماع النموذجي

## views/failure.ts

failure-title = لا يستطيع Rapporteur فتح قاعدة بياناته
failure-file = ملف قاعدة البيانات:{" "}
failure-what-to-do = ما العمل
failure-code = رمز الخطأ: { $code }. أغلق هذه النافذة عند الانتهاء.

## views/sidebar.ts

sidebar-untitled = بلا عنوان
sidebar-moderators = إدارة الجلسة: { $names }
sidebar-label = جدول الأعمال
sidebar-hint = ↑/↓ للتنقل، وEnter للفتح
sidebar-day = اليوم { $n }
sidebar-now = الآن
sidebar-row-label = { $ref } { $time } { $title }

## views/session.ts

session-untitled = جلسة بلا عنوان
session-loading = جارٍ التحميل…
session-capture-placeholder = توصية: … · استنتاج: … · قرار: … · إجراء: …
session-outcomes-label = نتائج هذه الجلسة
session-ref = الجلسة { $ref }
session-moderators = إدارة الجلسة:{" "}
session-methodology = طريقة العمل
session-notes = الملاحظات
session-capture-hint-start = تسجيل السطر أو النص المحدد:{" "}
session-capture-hint-end = {" "}— أو ابدأ السطر بـ توصية: استنتاج: قرار: إجراء: واضغط Enter. يكمل الرمز @ أسماء المتكلمين.
session-summary = الموجز
session-capture-title = تسجيل نتيجة
session-capture-input-hint = ابدأ ببادئة واضغط Enter. تُدرج Alt+R وAlt+C وAlt+D وAlt+A بادئة.
session-capturing = جارٍ تسجيل { $kind }…
session-captured = سُجّل بوصفه { $kind }: { $text }
session-not-captured = لم يُسجّل
session-source-gone = لم يعد الموضع الذي أُخذ منه هذا موجودا في الملاحظات.
session-notes-placeholder = اكتب ملاحظات هذه الجلسة (Markdown). يشير @FAO إلى متكلم.
session-summary-placeholder = الموجز الذي يُدرج في مشروع الاستنتاجات.
session-nothing-to-capture = لا شيء يُسجّل في هذا السطر.
session-load-failed = تعذر تحميل هذه الجلسة
session-running = · جارية، يتبقى { $left }
session-starts-in = · تبدأ بعد { $time }
session-ended = · انتهت
session-kind-conflict = النوع موضع تعارض
session-show-source = إظهار موضع «{ $text }» في الملاحظات
session-source = المصدر
session-edit = تعديل
kind-recommendation = توصية
kind-conclusion = استنتاج
kind-decision = قرار
kind-action = إجراء
kind-recommendation-lc = توصية
kind-conclusion-lc = استنتاج
kind-decision-lc = قرار
kind-action-lc = إجراء

## capture/prefix.ts

capture-prefixes-recommendation = توصية
capture-prefixes-conclusion = استنتاج
capture-prefixes-decision = قرار
capture-prefixes-action = إجراء

## agenda/model.ts

minutes = { $m } دقيقة
hours-minutes = { $h } س { $m } د

## editor/saver.ts

save-idle = لا تغييرات بعد
save-saving = جارٍ الحفظ…
save-saved = حُفظ
save-error = لم يُحفظ بعد — جارٍ إعادة المحاولة ({ $message })

## views/outcome-panel.ts, outcomes/model.ts

panel-gone = النتيجة { $id } لم تعد موجودة (دُمجت أو حُذفت؟).
panel-deadline-placeholder = 2018-04-30 أو «نيسان/أبريل 2018»
panel-save = حفظ
panel-nothing-changed = لم يتغير شيء
panel-text-empty = لا يجوز أن يكون النص فارغا
panel-saving = جارٍ الحفظ…
panel-saved = حُفظ
panel-not-saved = لم يُحفظ
panel-kind = النوع
panel-text = النص
panel-lead = الكيان الرائد
panel-deadline = الموعد النهائي
panel-status = الحالة
panel-confidential = {" "}سري (لا يُدرج في المشروع)
panel-key-message = {" "}رسالة رئيسية
panel-close = إغلاق
panel-keys = Ctrl+Enter للحفظ · Escape للإغلاق
panel-title = تعديل النتيجة
panel-session = الجلسة { $ref } · { $title }
panel-removed = دُمجت هذه النتيجة أو حُذفت في مكان آخر
outcome-kind-recommendation = توصية
outcome-kind-conclusion = استنتاج
outcome-kind-decision = قرار
outcome-kind-action = إجراء
status-draft = مشروع
status-agreed = متفق عليه
status-done = منجز
status-dropped = ملغى
field-kind = النوع
field-lead = الكيان الرائد
field-deadline = الموعد النهائي
field-status = الحالة
field-confidential = سري
field-key-message = رسالة رئيسية
value-yes = نعم
value-no = لا
value-none = (لا شيء)
move-gone = لم تعد تلك النتيجة موجودة.
move-first = هي الأولى في جلستها بالفعل.
move-last = هي الأخيرة في جلستها بالفعل.

## views/board.ts

board-all = الكل
board-outcomes = النتائج
board-merge = دمج المحدد
board-merge-count = دمج المحدد ({ $count })
board-title = لوحة النتائج
board-filter-kind = النوع
board-filter-session = الجلسة
board-filter-status = الحالة
board-in-conflict = موضع تعارض
board-keys = ↑/↓ للتنقل · المسافة لتحديد ما يُدمج (يُحتفظ بأول ما يُحدد) · Enter للتعديل · Alt+↑/↓ لإعادة الترتيب · S لإظهار المصدر · Alt+B أو Escape للعودة إلى الجلسة
board-merged = دُمجت { $count } نتائج في نتيجة واحدة.
board-moved-up = نُقلت إلى أعلى.
board-moved-down = نُقلت إلى أسفل.
board-not-from-notes = لم تُسجّل هذه النتيجة من الملاحظات (المصدر: { $source }).
board-source-unknown = غير معروف
board-select = تحديد للدمج
board-lead = الكيان الرائد: { $lead }
board-due = الموعد: { $deadline }
board-confidential = سري
board-key-message = رسالة رئيسية
board-card-label = { $kind }: { $text }
board-source = المصدر
board-edit = تعديل
board-no-match = لا توجد نتيجة تطابق عوامل التصفية هذه.
board-empty = لا توجد نتائج بعد: سجّلها في ملاحظات الجلسة.
board-count = { $shown } من { $total }
board-count-conflicts = { $shown } من { $total } · { $conflicts } موضع تعارض

## views/conflict.ts

conflict-keep-both-hint = الإبقاء على الاثنين: نتيجة لكل قيمة؛ وتأتي النسخة بعد هذه النتيجة في اللوحة.
conflict-group = { $field } موضع تعارض
conflict-keep-label = الإبقاء على { $value } قيمةً لـ { $field }
conflict-keep-this = الإبقاء على هذه
conflict-title = { $field }:{" "}
conflict-two-values = أدخل شخصان قيمتين مختلفتين
conflict-keep-both = الإبقاء على الاثنين

## views/draft.ts, draft/model.ts

draft-frame-title = معاينة مشروع الاستنتاجات
draft-export-progress = التصدير جارٍ
draft-export-pdf = تصدير PDF
draft-export = تصدير { $format }
draft-print = طباعة…
draft-refresh = تحديث
draft-title = مشروع الاستنتاجات
draft-attribution = نسبة الأقوال
draft-export-and-print = التصدير والطباعة
draft-compiling = جارٍ الإعداد…
draft-pdf-needs-office = يتطلب التصدير بصيغة PDF برنامج LibreOffice (soffice)، وهو غير مثبت. استخدم «طباعة…» واختر «الطباعة إلى ملف».
draft-compiled = أُعد المشروع مع نسبة الأقوال: { $attribution }.
draft-compile-failed = تعذر إعداد المشروع.
draft-report-title = تقرير الإعداد
draft-warnings = التنبيهات
draft-open-session = فتح الجلسة
draft-show-paragraph = إظهار الفقرة
draft-paragraph-missing = الفقرة { $id } غير موجودة في المعاينة.
draft-dialog-failed = تعذر فتح نافذة الحفظ.
draft-export-cancelled = أُلغي التصدير.
draft-exporting = جارٍ تصدير { $format } إلى { $path }…
draft-saved = حُفظ { $format } في { $path } ({ $size }).
draft-export-failed = فشل التصدير: { $message }
draft-nothing-to-print = لا شيء للطباعة بعد.
draft-print-unavailable = الطباعة غير متاحة هنا؛ صدّر بصيغة HTML أو DOCX واطبع الملف.
attribution-named = بالاسم
attribution-named-hint = المتكلمون بأسمائهم
attribution-entity = حسب الكيان
attribution-entity-hint = المتكلمون حسب كياناتهم («لاحظت الفاو …»)
attribution-none = بلا نسبة
attribution-none-hint = قاعدة تشاتام هاوس: لا يُذكر أحد بالاسم
attribution-named-lc = بالاسم
attribution-entity-lc = حسب الكيان
attribution-none-lc = بلا نسبة
warning-session-without-summary = لا موجز
warning-unedited-notes = ملاحظات غير محررة
warning-unresolved-conflict = تعارض
warning-leftover-name = اسم باقٍ في النص
warning-dangling-reference = إحالة معطلة
warning-unknown-speaker = متكلم غير معروف
report-no-warnings = لا توجد تنبيهات.
report-warnings = { $count ->
        [one] تنبيه واحد ينبغي النظر فيه قبل التعميم.
        [two] تنبيهان ينبغي النظر فيهما قبل التعميم.
        [few] { $count } تنبيهات ينبغي النظر فيها قبل التعميم.
        [many] { $count } تنبيها ينبغي النظر فيها قبل التعميم.
       *[other] { $count } تنبيه ينبغي النظر فيها قبل التعميم.
    }
report-paragraphs = الفقرات المرقمة
report-warnings-count = التنبيهات
report-conflicts = التعارضات غير المحسومة
report-confidential = البنود السرية المستبعدة
export-filter-docx = مستند Word
export-filter-md = Markdown
export-filter-html = صفحة ويب
export-filter-pdf = PDF
bytes = { $n } بايت
kilobytes = { $n } ك.بايت
megabytes = { $n } م.بايت

## views/agenda-edit.ts

agenda-rows = صفوف جدول الأعمال
agenda-title = جدول الأعمال
agenda-hint = حدد صفا لتعديله. تنقل Alt+↑/↓ الصف المحدد، بما في ذلك إلى اليوم السابق أو التالي.
agenda-not-changed = لم يتغير: { $message }
agenda-row-removed = حُذف الصف.
agenda-saved = حُفظ.
agenda-moved-up = نُقل إلى أعلى.
agenda-moved-down = نُقل إلى أسفل.
agenda-already-first = هذا هو الصف الأول بالفعل.
agenda-already-last = هذا هو الصف الأخير بالفعل.
agenda-session-added = أُضيفت جلسة.
agenda-new-session = جلسة جديدة
agenda-day = اليوم { $n }
agenda-untitled = بلا عنوان
agenda-conflict-badge = تعارض
agenda-add-session = + إضافة جلسة إلى هذا اليوم
agenda-conflicting-values = قيم متعارضة لـ { $field }
agenda-conflict-keep = تعارض — أبقِ على قيمة واحدة:
agenda-keep-value = الإبقاء على «{ $value }»
agenda-select-row = حدد صفا لتعديله.
agenda-kind-working = جلسة عمل
agenda-kind-logistics = ترتيبات لوجستية (استراحة، وجبة، تسجيل)
agenda-click-again = انقر مرة أخرى للحذف
agenda-remove-row = حذف هذا الصف
agenda-row = الصف { $ref }
agenda-field-title = العنوان
agenda-field-start = البداية (HH:MM)
agenda-field-end = النهاية (HH:MM)
agenda-field-kind = النوع
agenda-field-day = اليوم
agenda-field-methodology = طريقة العمل
agenda-field-moderators = إدارة الجلسة
agenda-field-rapporteurs = المقررون
agenda-field-description = الوصف
agenda-move-up = إلى أعلى
agenda-move-down = إلى أسفل

## views/import.ts, import/model.ts

import-not-agenda = { $path }: ليس ملف جدول أعمال (استخدم { $extensions })
import-drop-one = أفلت ملف جدول أعمال واحدا في كل مرة (أُفلت { $count })
import-paste-placeholder = اليوم 1 – الاثنين 12 شباط/فبراير 2018
    09:00 – 10:30	الجلسة الافتتاحية
    10:30 – 11:00	استراحة قهوة
import-format-auto = تحديد تلقائي
import-format-text = نص
import-format-csv = CSV
import-format-ics = تقويم (ICS)
import-create = إنشاء الاجتماع
import-choose = استيراد جدول أعمال…
import-clear = مسح
import-from-docx = من { $file } (تُعرض مستندات Word كما هي؛ صحّحها في Word).
import-from-file = من { $file }؛ صحّحه في المربع.
import-rows-here = ستظهر صفوف جدول الأعمال هنا.
import-go-to-line = الانتقال إلى السطر { $line }
import-rows-label = صفوف جدول الأعمال
import-col-day = اليوم
import-col-time = الوقت
import-col-title = العنوان
import-col-meta = طريقة العمل · إدارة الجلسة
import-title-placeholder = عنوان الاجتماع
import-dialog-filter = جدول أعمال
import-heading = استيراد جدول أعمال
import-help = اختر ملفا (CSV أو ICS أو DOCX أو نصا)، أو أفلت ملفا على النافذة، أو الصق جدول الأعمال أدناه. تظهر الصفوف أثناء الكتابة.
import-text-label = نص جدول الأعمال
import-read-as = القراءة بصيغة{" "}
import-event-title = عنوان الاجتماع{" "}
import-fix-problem = لا يمكن إنشاء شيء بعد: صحّح المشكلة أدناه.
import-day = اليوم { $n }
import-untitled = بلا عنوان
import-moderators = إدارة الجلسة: { $names }
import-summary = عدد الصفوف: { $rows } (عدد الجلسات: { $sessions })، على مدى { $days ->
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يوما
       *[other] { $days } يوم
    }، قُرئت بصيغة { $format }.
import-read-text = نص
import-read-csv = CSV
import-read-ics = تقويم (ICS)
import-read-docx = Word (DOCX)

## views/participants.ts

people-name = الاسم
people-entity = الكيان
people-handle = المعرّف
people-role = الدور
people-handle-placeholder = من الاسم
people-add-label = إضافة مشارك
people-add = إضافة
people-title = المشاركون
people-hint = الأشخاص والكيانات الذين يتكلمون. اكتب @ والمعرّف في الملاحظات للإشارة إليهم.
people-not-changed = لم يتغير: { $message }
people-added = أُضيف { $name }.
people-count = { $count ->
        [zero] لا مشاركين
        [one] مشارك واحد
        [two] مشاركان
        [few] { $count } مشاركين
        [many] { $count } مشاركا
       *[other] { $count } مشارك
    }
people-actions = الإجراءات
people-field-of = { $field } لـ { $name }
people-someone = مشارك
people-saved = حُفظ.
people-remove-label = إزالة { $name }
people-removed = أُزيل { $name }.
people-remove = إزالة

## views/search.ts, search/model.ts

search-placeholder = البحث في الملاحظات والموجزات والنتائج
search-results = النتائج
search-type = اكتب للبحث في هذا الاجتماع.
search-label = بحث
search-keys = ↑/↓ للاختيار · Enter للفتح · Esc للإغلاق
search-type-word = اكتب كلمة للبحث عنها.
search-count = { $count ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجة
       *[other] { $count } نتيجة
    }
search-nothing = لم يُعثر على شيء لـ «{ $query }».
search-failed = فشل البحث.
search-session = الجلسة
search-session-ref = الجلسة { $ref }
search-notes = الملاحظات
search-summary = الموجز
search-outcome = النتيجة
search-untitled = جلسة بلا عنوان

## views/collab.ts, views/collab-status.ts, collab/model.ts

collab-your-name = اسمك
collab-name-hint = يظهر للآخرين بجوار مؤشرك.
collab-people = الحاضرون
collab-who = من هنا
collab-in-session = في { $ref } { $title }
collab-not-in-session = ليس في جلسة
collab-stop-sharing = إيقاف المشاركة
collab-stop-hosting = إيقاف الاستضافة
collab-leave = مغادرة
collab-stop-syncing = إيقاف المزامنة
collab-host = استضافة هذا الاجتماع
collab-host-hint = ينضم الآخرون في القاعة باستخدام العنوان والرمز المعروضين هنا.
collab-open-event-first = افتح اجتماعا أولا لاستضافته.
collab-address = عنوان المضيف
collab-join-code = رمز الانضمام
collab-no-host = لا يوجد مضيف معلن على هذه الشبكة (كثيرا ما تحجب شبكة Wi-Fi في أماكن الاجتماعات ذلك). اكتب العنوان الذي يعرضه المضيف.
collab-hosts-here = المضيفون على هذه الشبكة:
collab-looking = جارٍ البحث عن مضيفين على هذه الشبكة…
collab-look-failed = تعذر البحث عن مضيفين ({ $message }). اكتب العنوان الذي يعرضه المضيف.
collab-search-again = البحث مرة أخرى
collab-join-title = الانضمام إلى مضيف
collab-join = انضمام
collab-relay-url = عنوان URL للمُرحِّل
collab-token = الرمز المميز (اختياري)
collab-relay = المزامنة عبر المُرحِّل
collab-relay-title = المزامنة عبر مُرحِّل
collab-export-bundle = تصدير حزمة…
collab-import-bundle = استيراد حزمة…
collab-wrote = كُتب { $path } (عدد المستندات: { $docs }).
collab-imported = عدد التغييرات الجديدة: { $changes } من { $device } ({ $id })؛ تغيّر { $changed } من أصل { $docs } مستندات.
collab-a-device = جهاز
collab-title = العمل المشترك
collab-close = إغلاق لوحة العمل المشترك (Escape)
collab-bundles = الحزم
collab-bundles-hint = لذاكرة USB أو البريد الإلكتروني عند انعدام الشبكة. الاستيراد مرتين لا يغير شيئا.
collab-last-refused = آخر رفض: { $reason }
collab-qr-alt = رمز QR لـ { $text }
collab-join-addresses = ينضم الآخرون باستخدام أحد هذه العناوين
collab-join-address = ينضم الآخرون باستخدام هذا العنوان
collab-and-code = وهذا الرمز
collab-code-label = رمز الانضمام { $code }
collab-unannounced = غير معلن على هذه الشبكة ({ $reason }): يكتب الآخرون العنوان.
collab-announced = معلن على هذه الشبكة: يجده الآخرون في نموذج الانضمام.
collab-no-one = لم ينضم أحد بعد.
collab-peers = الأجهزة النظيرة
collab-the-relay = المُرحِّل
collab-host-peer = المضيف{" "}
collab-device-peer = الجهاز{" "}
collab-just-now = الآن
collab-seconds-ago = قبل { $n } ث
collab-minutes-ago = قبل { $n } د
collab-hours-ago = قبل { $n } س
collab-unknown-device = جهاز غير معروف
collab-peers-connected = الأجهزة المتصلة: { $n }
collab-stopped = متوقف. يظهر الخطأ أدناه.
collab-not-sharing-hint = لا مشاركة. استضف هذا الاجتماع، أو انضم إلى مضيف، أو زامن عبر مُرحِّل.
collab-retry = {" "}— { $error }؛ إعادة المحاولة بعد { $seconds } ث
collab-hosting = استضافة هذا الاجتماع · { $peers }
collab-connected-to = متصل بـ { $target }
collab-not-connected = غير متصل بـ { $target }{ $retry }
collab-connecting = جارٍ الاتصال بـ { $target }…
collab-relay-unavailable = المُرحِّل { $target } غير متاح{ $retry }
collab-syncing-relay = المزامنة عبر المُرحِّل { $target }
collab-not-sharing = لا مشاركة.
collab-changes = عدد التغييرات: { $n }
collab-not-synced = لم تتم المزامنة بعد
collab-last-synced = آخر مزامنة { $ago }
collab-connected = متصل
collab-disconnected-because = غير متصل ({ $error })
collab-disconnected = غير متصل
collab-on-the-way = { $changes } قيد الإرسال
collab-waiting = { $changes } في الانتظار، تُرسل عند عودة الاتصال
collab-badge-stopped = توقفت المزامنة
collab-badge-relay-offline = المُرحِّل غير متصل
collab-badge-relay = المُرحِّل
collab-badge-reconnecting-waiting = إعادة الاتصال · { $n } في الانتظار
collab-badge-reconnecting = إعادة الاتصال
collab-badge-live = متصل · { $n }

## presence/model.ts

presence-default-name = مقرر { $tag }
presence-here = { $count ->
        [one] { $names } هنا
       *[other] { $names } هنا
    }
presence-and = { $first } و{ $last }
