# Тексты окна на русском языке (те же ключи, что в en.ftl).

## index.html, main.ts

app-name = Rapporteur
topbar-all-events = Все совещания
topbar-board = Доска итогов
topbar-board-title = Доска итогов (Alt+B)
topbar-draft = Проект
topbar-agenda = Повестка дня
topbar-participants = Участники
topbar-search = Поиск
topbar-search-keys = Ctrl K
topbar-event-nav = Совещание
topbar-collaborate = Совместная работа
topbar-collaborate-title = Совместная работа (Ctrl+Shift+L)
overview-co-chairs = Сопредседатели: { $names }
overview-hint = Выберите заседание в повестке дня: ↑/↓ для перемещения, Enter для открытия.
error-bar = { $message } ({ $code })

## Выбор языка

language-label = Язык
language-system = Язык системы ({ $language })

## views/start.ts

start-no-events = Совещаний пока нет.
start-recent-events = Последние совещания
start-untitled-event = Совещание без названия
start-rows = { $count ->
        [one] { $count } строка повестки дня
        [few] { $count } строки повестки дня
        [many] { $count } строк повестки дня
       *[other] { $count } строки повестки дня
    }
start-lead = Записи, итоги и проекты выводов совещаний, на которых вы выступаете докладчиком.
start-open-sample = Открыть пример совещания

## views/failure.ts

failure-title = Rapporteur не может открыть свою базу данных
failure-file = Файл базы данных:{" "}
failure-what-to-do = Что делать
failure-code = Код ошибки: { $code }. Закройте это окно, когда закончите.

## views/sidebar.ts

sidebar-untitled = Без названия
sidebar-moderators = Модераторы: { $names }
sidebar-label = Повестка дня
sidebar-hint = ↑/↓ — перемещение, Enter — открыть
sidebar-day = День { $n }
sidebar-now = Сейчас
sidebar-row-label = { $ref } { $time } { $title }

## views/session.ts

session-untitled = Заседание без названия
session-loading = Загрузка…
session-capture-placeholder = РЕКОМЕНДАЦИЯ: … · ВЫВОД: … · РЕШЕНИЕ: … · МЕРА: …
session-outcomes-label = Итоги этого заседания
session-ref = Заседание { $ref }
session-moderators = Модераторы:{" "}
session-methodology = Методы работы
session-notes = Записи
session-capture-hint-start = Зафиксировать строку или выделенный текст:{" "}
session-capture-hint-end = {" "}— или начните строку с РЕКОМЕНДАЦИЯ: ВЫВОД: РЕШЕНИЕ: МЕРА: и нажмите Enter. @ подставляет выступающих.
session-summary = Краткое изложение
session-capture-title = Зафиксировать итог
session-capture-input-hint = Начните с префикса и нажмите Enter. Alt+R, Alt+C, Alt+D, Alt+A вставляют префикс.
session-capturing = Фиксируется { $kind }…
session-captured = Зафиксировано как { $kind }: { $text }
session-not-captured = Не зафиксировано
session-source-gone = Место, откуда это взято, больше не содержится в записях.
session-notes-placeholder = Введите записи этого заседания (Markdown). @FAO обозначает выступающего.
session-summary-placeholder = Краткое изложение, которое войдет в проект выводов.
session-nothing-to-capture = В этой строке нечего фиксировать.
session-load-failed = Не удалось загрузить это заседание
session-running = · идет, осталось { $left }
session-starts-in = · начнется через { $time }
session-ended = · завершено
session-kind-conflict = Вид в конфликте
session-show-source = Показать, откуда в записях взято «{ $text }»
session-source = Источник
session-edit = Изменить
kind-recommendation = Рекомендация
kind-conclusion = Вывод
kind-decision = Решение
kind-action = Мера
kind-recommendation-lc = рекомендация
kind-conclusion-lc = вывод
kind-decision-lc = решение
kind-action-lc = мера

## capture/prefix.ts

capture-prefixes-recommendation = РЕКОМЕНДАЦИЯ, РЕК
capture-prefixes-conclusion = ВЫВОД
capture-prefixes-decision = РЕШЕНИЕ
capture-prefixes-action = МЕРА, ДЕЙСТВИЕ

## agenda/model.ts

minutes = { $m } мин
hours-minutes = { $h } ч { $m } мин

## editor/saver.ts

save-idle = Изменений пока нет
save-saving = Сохранение…
save-saved = Сохранено
save-error = Еще не сохранено — повторная попытка ({ $message })

## views/outcome-panel.ts, outcomes/model.ts

panel-gone = Итога { $id } больше нет (объединен или удален?).
panel-deadline-placeholder = 2018-04-30 или «апрель 2018 года»
panel-save = Сохранить
panel-nothing-changed = Ничего не изменилось
panel-text-empty = Текст не может быть пустым
panel-saving = Сохранение…
panel-saved = Сохранено
panel-not-saved = Не сохранено
panel-kind = Вид
panel-text = Текст
panel-lead = Ответственная организация
panel-deadline = Срок
panel-status = Статус
panel-confidential = {" "}Конфиденциально (не включается в проект)
panel-key-message = {" "}Ключевое положение
panel-close = Закрыть
panel-keys = Ctrl+Enter — сохранить · Escape — закрыть
panel-title = Изменить итог
panel-session = Заседание { $ref } · { $title }
panel-removed = Этот итог был объединен или удален в другом месте
outcome-kind-recommendation = Рекомендация
outcome-kind-conclusion = Вывод
outcome-kind-decision = Решение
outcome-kind-action = Практическая мера
status-draft = Проект
status-agreed = Согласовано
status-done = Выполнено
status-dropped = Отменено
field-kind = Вид
field-lead = Ответственная организация
field-deadline = Срок
field-status = Статус
field-confidential = Конфиденциально
field-key-message = Ключевое положение
value-yes = Да
value-no = Нет
value-none = (нет)
move-gone = Этого итога больше нет.
move-first = Уже первый в своем заседании.
move-last = Уже последний в своем заседании.

## views/board.ts

board-all = Все
board-outcomes = Итоги
board-merge = Объединить выбранные
board-merge-count = Объединить выбранные ({ $count })
board-title = Доска итогов
board-filter-kind = Вид
board-filter-session = Заседание
board-filter-status = Статус
board-in-conflict = В конфликте
board-keys = ↑/↓ перемещение · Пробел выбирает для объединения (сохраняется первый выбранный) · Enter изменить · Alt+↑/↓ переставить · S показать источник · Alt+B или Escape вернуться к заседанию
board-merged = { $count } итогов объединены в один.
board-moved-up = Перемещено вверх.
board-moved-down = Перемещено вниз.
board-not-from-notes = Этот итог зафиксирован не из записей (источник: { $source }).
board-source-unknown = неизвестен
board-select = Выбрать для объединения
board-lead = Ответственный: { $lead }
board-due = Срок: { $deadline }
board-confidential = Конфиденциально
board-key-message = Ключевое положение
board-card-label = { $kind }: { $text }
board-source = Источник
board-edit = Изменить
board-no-match = Нет итогов, соответствующих этим фильтрам.
board-empty = Итогов пока нет: фиксируйте их в записях заседания.
board-count = { $shown } из { $total }
board-count-conflicts = { $shown } из { $total } · в конфликте: { $conflicts }

## views/conflict.ts

conflict-keep-both-hint = Оставить оба: по одному итогу на каждое значение; копия следует за этим итогом на доске.
conflict-group = { $field }: конфликт
conflict-keep-label = Оставить { $value } как { $field }
conflict-keep-this = Оставить это
conflict-title = { $field }:{" "}
conflict-two-values = два человека ввели разные значения
conflict-keep-both = Оставить оба

## views/draft.ts, draft/model.ts

draft-frame-title = Предварительный просмотр проекта выводов
draft-export-progress = Идет экспорт
draft-export-pdf = Экспорт в PDF
draft-export = Экспорт в { $format }
draft-print = Печать…
draft-refresh = Обновить
draft-title = Проект выводов
draft-attribution = Указание авторства
draft-export-and-print = Экспорт и печать
draft-compiling = Составление…
draft-pdf-needs-office = Для экспорта в PDF нужен LibreOffice (soffice), который не установлен. Используйте «Печать…» и выберите «Печать в файл».
draft-compiled = Составлено; авторство: { $attribution }.
draft-compile-failed = Не удалось составить проект.
draft-report-title = Отчет о составлении
draft-warnings = Предупреждения
draft-open-session = Открыть заседание
draft-show-paragraph = Показать пункт
draft-paragraph-missing = Пункта { $id } нет в предварительном просмотре.
draft-dialog-failed = Не удалось открыть окно сохранения.
draft-export-cancelled = Экспорт отменен.
draft-exporting = Экспорт в { $format }: { $path }…
draft-saved = { $format } сохранен: { $path } ({ $size }).
draft-export-failed = Экспорт не удался: { $message }
draft-nothing-to-print = Пока нечего печатать.
draft-print-unavailable = Печать здесь недоступна; экспортируйте в HTML или DOCX и распечатайте этот файл.
attribution-named = По именам
attribution-named-hint = Выступающие указываются по имени
attribution-entity = По организациям
attribution-entity-hint = Выступающие указываются по организации («ФАО отметила…»)
attribution-none = Без указания
attribution-none-hint = Правило Чатем-хауса: никто не называется
attribution-named-lc = по именам
attribution-entity-lc = по организациям
attribution-none-lc = без указания
warning-session-without-summary = Нет краткого изложения
warning-unedited-notes = Неотредактированные записи
warning-unresolved-conflict = Конфликт
warning-leftover-name = Имя осталось в тексте
warning-dangling-reference = Неверная ссылка
warning-unknown-speaker = Неизвестный выступающий
report-no-warnings = Предупреждений нет.
report-warnings = { $count ->
        [one] { $count } предупреждение, которое следует проверить до распространения.
        [few] { $count } предупреждения, которые следует проверить до распространения.
        [many] { $count } предупреждений, которые следует проверить до распространения.
       *[other] { $count } предупреждения, которые следует проверить до распространения.
    }
report-paragraphs = Нумерованные пункты
report-warnings-count = Предупреждения
report-conflicts = Неразрешенные конфликты
report-confidential = Исключенные конфиденциальные элементы
export-filter-docx = Документ Word
export-filter-md = Markdown
export-filter-html = Веб-страница
export-filter-pdf = PDF
bytes = { $n } Б
kilobytes = { $n } КБ
megabytes = { $n } МБ

## views/agenda-edit.ts

agenda-rows = Строки повестки дня
agenda-title = Повестка дня
agenda-hint = Выберите строку, чтобы изменить ее. Alt+↑/↓ перемещает выбранную строку, в том числе в предыдущий или следующий день.
agenda-not-changed = Не изменено: { $message }
agenda-row-removed = Строка удалена.
agenda-saved = Сохранено.
agenda-moved-up = Перемещено вверх.
agenda-moved-down = Перемещено вниз.
agenda-already-first = Это уже первая строка.
agenda-already-last = Это уже последняя строка.
agenda-session-added = Заседание добавлено.
agenda-new-session = Новое заседание
agenda-day = День { $n }
agenda-untitled = Без названия
agenda-conflict-badge = конфликт
agenda-add-session = + Добавить заседание в этот день
agenda-conflicting-values = Конфликтующие значения поля «{ $field }»
agenda-conflict-keep = Конфликт — оставьте одно значение:
agenda-keep-value = Оставить «{ $value }»
agenda-select-row = Выберите строку, чтобы изменить ее.
agenda-kind-working = Рабочее заседание
agenda-kind-logistics = Организационные вопросы (перерыв, обед, регистрация)
agenda-click-again = Нажмите еще раз, чтобы удалить
agenda-remove-row = Удалить эту строку
agenda-row = Строка { $ref }
agenda-field-title = Название
agenda-field-start = Начало (ЧЧ:ММ)
agenda-field-end = Окончание (ЧЧ:ММ)
agenda-field-kind = Вид
agenda-field-day = День
agenda-field-methodology = Методы работы
agenda-field-moderators = Модераторы
agenda-field-rapporteurs = Докладчики
agenda-field-description = Описание
agenda-move-up = Вверх
agenda-move-down = Вниз

## views/import.ts, import/model.ts

import-not-agenda = { $path }: это не файл повестки дня (используйте { $extensions })
import-drop-one = перетаскивайте по одному файлу повестки дня (перетащено: { $count })
import-paste-placeholder = День 1 – понедельник, 12 февраля 2018 года
    09:00 – 10:30	Открытие
    10:30 – 11:00	Перерыв на кофе
import-format-auto = Определить
import-format-text = Текст
import-format-csv = CSV
import-format-ics = Календарь (ICS)
import-create = Создать совещание
import-choose = Импортировать повестку дня…
import-clear = Очистить
import-from-docx = Из { $file } (документы Word показываются как есть; исправляйте их в Word).
import-from-file = Из { $file }; исправьте текст в поле.
import-rows-here = Здесь появятся строки повестки дня.
import-go-to-line = Перейти к строке { $line }
import-rows-label = Строки повестки дня
import-col-day = День
import-col-time = Время
import-col-title = Название
import-col-meta = Методы работы · модераторы
import-title-placeholder = Название совещания
import-dialog-filter = Повестка дня
import-heading = Импорт повестки дня
import-help = Выберите файл (CSV, ICS, DOCX или текст), перетащите его в окно или вставьте повестку дня ниже. Строки появляются по мере ввода.
import-text-label = Текст повестки дня
import-read-as = Читать как{" "}
import-event-title = Название совещания{" "}
import-fix-problem = Пока ничего нельзя создать: устраните проблему, указанную ниже.
import-day = День { $n }
import-untitled = Без названия
import-moderators = Модераторы: { $names }
import-summary = Строк: { $rows } (заседаний: { $sessions }), дней: { $days }; прочитано как { $format }.
import-read-text = текст
import-read-csv = CSV
import-read-ics = календарь (ICS)
import-read-docx = Word (DOCX)

## views/participants.ts

people-name = Имя
people-entity = Организация
people-handle = Тег
people-role = Роль
people-handle-placeholder = по имени
people-add-label = Добавить участника
people-add = Добавить
people-title = Участники
people-hint = Выступающие лица и организации. Чтобы отметить их в записях, введите @ и тег.
people-not-changed = Не изменено: { $message }
people-added = Добавлен(а): { $name }.
people-count = { $count ->
        [one] { $count } участник
        [few] { $count } участника
        [many] { $count } участников
       *[other] { $count } участника
    }
people-actions = Действия
people-field-of = { $field }: { $name }
people-someone = участник
people-saved = Сохранено.
people-remove-label = Удалить: { $name }
people-removed = Удален(а): { $name }.
people-remove = Удалить

## views/search.ts, search/model.ts

search-placeholder = Поиск в записях, кратких изложениях и итогах
search-results = Результаты
search-type = Введите текст для поиска по этому совещанию.
search-label = Поиск
search-keys = ↑/↓ выбрать · Enter открыть · Esc закрыть
search-type-word = Введите слово для поиска.
search-count = { $count ->
        [one] { $count } результат
        [few] { $count } результата
        [many] { $count } результатов
       *[other] { $count } результата
    }
search-nothing = По запросу «{ $query }» ничего не найдено.
search-failed = Поиск не удался.
search-session = Заседание
search-session-ref = Заседание { $ref }
search-notes = Записи
search-summary = Краткое изложение
search-outcome = Итог
search-untitled = Заседание без названия

## views/collab.ts, views/collab-status.ts, collab/model.ts

collab-your-name = Ваше имя
collab-name-hint = Показывается другим рядом с вашим курсором.
collab-people = Присутствующие
collab-who = Кто здесь
collab-in-session = в { $ref } { $title }
collab-not-in-session = не на заседании
collab-stop-sharing = Прекратить совместную работу
collab-stop-hosting = Прекратить размещение
collab-leave = Выйти
collab-stop-syncing = Прекратить синхронизацию
collab-host = Разместить это совещание
collab-host-hint = Другие участники в зале подключаются по указанным здесь адресу и коду.
collab-open-event-first = Сначала откройте совещание, чтобы разместить его.
collab-address = Адрес хоста
collab-join-code = Код подключения
collab-no-host = В этой сети нет объявленных хостов (Wi-Fi в местах проведения совещаний часто это блокирует). Введите адрес, который показывает хост.
collab-hosts-here = Хосты в этой сети:
collab-looking = Поиск хостов в этой сети…
collab-look-failed = Не удалось найти хосты ({ $message }). Введите адрес, который показывает хост.
collab-search-again = Искать снова
collab-join-title = Подключиться к хосту
collab-join = Подключиться
collab-relay-url = URL ретранслятора
collab-token = Токен (необязательно)
collab-relay = Синхронизировать через ретранслятор
collab-relay-title = Синхронизация через ретранслятор
collab-export-bundle = Экспортировать пакет…
collab-import-bundle = Импортировать пакет…
collab-wrote = Записан { $path } (документов: { $docs }).
collab-imported = Новых изменений: { $changes } от { $device } ({ $id }); изменено документов: { $changed } из { $docs }.
collab-a-device = устройства
collab-title = Совместная работа
collab-close = Закрыть панель совместной работы (Escape)
collab-bundles = Пакеты
collab-bundles-hint = Для USB-накопителя или электронной почты, когда нет сети. Повторный импорт ничего не меняет.
collab-last-refused = Последний отказ: { $reason }
collab-qr-alt = QR-код: { $text }
collab-join-addresses = Другие подключаются по одному из этих адресов
collab-join-address = Другие подключаются по этому адресу
collab-and-code = и с этим кодом
collab-code-label = Код подключения { $code }
collab-unannounced = Не объявлено в этой сети ({ $reason }): другие вводят адрес вручную.
collab-announced = Объявлено в этой сети: другие найдут его в форме подключения.
collab-no-one = Пока никто не подключился.
collab-peers = Узлы
collab-the-relay = Ретранслятор
collab-host-peer = Хост{" "}
collab-device-peer = Устройство{" "}
collab-just-now = только что
collab-seconds-ago = { $n } с назад
collab-minutes-ago = { $n } мин назад
collab-hours-ago = { $n } ч назад
collab-unknown-device = неизвестное устройство
collab-peers-connected = Подключено узлов: { $n }
collab-stopped = Остановлено. Ошибка показана ниже.
collab-not-sharing-hint = Совместная работа не ведется. Разместите это совещание, подключитесь к хосту или синхронизируйте через ретранслятор.
collab-retry = {" "}— { $error }; повтор через { $seconds } с
collab-hosting = Совещание размещено · { $peers }
collab-connected-to = Подключено к { $target }
collab-not-connected = Нет подключения к { $target }{ $retry }
collab-connecting = Подключение к { $target }…
collab-relay-unavailable = Ретранслятор { $target } недоступен{ $retry }
collab-syncing-relay = Синхронизация через ретранслятор { $target }
collab-not-sharing = Совместная работа не ведется.
collab-changes = Изменений: { $n }
collab-not-synced = еще не синхронизировано
collab-last-synced = последняя синхронизация { $ago }
collab-connected = Подключено
collab-disconnected-because = Отключено ({ $error })
collab-disconnected = Отключено
collab-on-the-way = { $changes } — отправляются
collab-waiting = { $changes } — ожидают отправки после восстановления связи
collab-badge-stopped = Синхронизация остановлена
collab-badge-relay-offline = Ретранслятор недоступен
collab-badge-relay = Ретранслятор
collab-badge-reconnecting-waiting = Переподключение · ожидают: { $n }
collab-badge-reconnecting = Переподключение
collab-badge-live = В сети · { $n }

## presence/model.ts

presence-default-name = Докладчик { $tag }
presence-here = { $count ->
        [one] { $names } здесь
       *[other] { $names } здесь
    }
presence-and = { $first } и { $last }
