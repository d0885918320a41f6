# Постоянные формулировки проекта выводов на русском языке (те же ключи, что в en.ftl).
# Стиль документов Организации Объединенных Наций.

## Названия языков («Язык оригинала: английский»)

language-en = английский
language-fr = французский
language-es = испанский
language-ar = арабский
language-ru = русский
language-zh = китайский

## Даты (месяцы в родительном падеже: «12 февраля»)

month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье
date = { $day } { $month } { $year } года
date-weekday = { $weekday }, { $date }
date-alone = { $date }
date-range-same-month = { $day1 }–{ $day2 } { $month } { $year } года
date-range-same-year = { $day1 } { $month1 } – { $day2 } { $month2 } { $year } года
date-range = { $date1 } – { $date2 }
when-day = { $date }
when-range-same-month = с { $day1 } по { $day2 } { $month } { $year } года
when-range-same-year = с { $day1 } { $month1 } по { $day2 } { $month2 } { $year } года
when-range = с { $date1 } по { $date2 }

## Нумерация

chapter-label = { $roman }.
section-label = { $letter }.
item-label = { $letter })
para-number = { $n }.
annex-label = Приложение { $roman }
heading-chapter = { $label } { $title }
heading-annex = { $label } — { $title }
docx-item-format = lowerLetter

## Перечни и предложения

list-sep = {", "}
list-and = { $first } и { $last }
series-more = {";"}
series-penultimate = {";"}
series-last = {"."}
full-stop = {"."}

## Шапка документа

masthead-title = Проект выводов совещания «{ $title }»
masthead-title-untitled = Проект выводов
title-sep = {", "}
masthead-status = ПРОЕКТ — для рассмотрения руководителями
masthead-version = Версия { $version } — подготовлена { $date }
masthead-distribution = Распространение: { $distribution }
distribution-restricted = для служебного пользования
distribution-limited = ограниченное
distribution-general = общее
masthead-original = Язык оригинала: { $language }
masthead-chatham = Совещание проводилось в соответствии с правилом Чатем-хауса: полученная информация может использоваться, но личность и принадлежность выступавших не раскрываются.

## Вводная часть

key-messages = Ключевые положения
decisions-required = Вопросы, требующие решения руководителей
see-paragraph = {" "}(см. пункт { $n })

## Главы

chapter-introduction = Введение
chapter-organization = Организация работы совещания
chapter-discussions = Краткое изложение обсуждений и выводы
chapter-submitted = Рекомендации и решения, представляемые руководителям
chapter-work-plan = План работы и практические меры
chapter-follow-up = Последующая деятельность и дальнейшие шаги

## I. Введение

intro-held = Совещание «{ $title }»{ $has-group ->
        [yes] {" "}({ $group })
       *[no] {""}
    } состоялось{ $has-venue ->
        [yes] {" "}в { $venue }
       *[no] {""}
    }{ $has-when ->
        [yes] {" "}{ $when }
       *[no] {""}
    }.
intro-co-chaired = {" "}Сопредседателями совещания были { $names }.
intro-objectives = Цели совещания заключались в следующем:
intro-outcomes = Ожидаемые итоги совещания:

## II. Организация работы совещания

section-opening = Открытие
section-attendance = Участники
section-agenda = Повестка дня и методы работы
section-roles = Модераторы и докладчики
opening-words = открытие, приветств
opening-held = Вступительное заседание «{ $title }» состоялось{ $has-date ->
        [yes] {" "}{ $date }
       *[no] {""}
    }{ $has-time ->
        [yes] {" "}в { $time }
       *[no] {""}
    }{ $has-moderators ->
        [yes] {"; "}модераторы: { $moderators }
       *[no] {""}
    }{ $has-methodology ->
        [yes] {" "}({ $methodology })
       *[no] {""}
    }.
attendance = В работе совещания приняли участие { $participants } { $participants ->
        [one] участник
        [few] участника
        [many] участников
       *[other] участника
    } от { $entities } { $entities ->
        [one] организации
       *[other] организаций
    } (см. приложение II).
agenda-sessions = Совещание включало { $sessions } { $sessions ->
        [one] рабочее заседание
        [few] рабочих заседания
        [many] рабочих заседаний
       *[other] рабочего заседания
    } в течение { $days } { $days ->
        [one] дня
       *[other] дней
    }. Повестка дня с указанием методов работы каждого заседания воспроизводится в приложении I.
roles-intro = Модераторы и докладчики заседаний:
roles-item = { $title }: { $details }
roles-moderated = модераторы: { $names }
roles-rapporteur = докладчик: { $names }
roles-sep = {"; "}

## III. Краткое изложение обсуждений и выводы

unedited-notes-open = {"["}Неотредактированные записи:{" "}
unedited-notes-close = {"]"}
concluded = Группа пришла к выводу о том, что { $text-lc }
proposed = Группа предложила представить на решение руководителей следующее: { $text }
action-text = Мера: { $text }
action-lead = ответственная организация: { $lead }
action-deadline = срок: { $deadline }
action-details = {" "}({ $details })

## IV. Вопросы, представляемые руководителям

invited = Руководителям предлагается:
invited-endorse = одобрить рекомендацию «{ $text }»
invited-approve = утвердить предложение «{ $text }»
invited-note = принять к сведению вывод «{ $text }»

## V. План работы

work-plan-intro = Группа согласовала следующие практические меры:
col-no = №
col-action = Мера
col-lead = Ответственная организация
col-deadline = Срок
col-source = Пункт
col-status = Статус
status-draft = проект
status-agreed = согласовано
status-done = выполнено
status-dropped = отменено
kind-recommendation = рекомендация
kind-conclusion = вывод
kind-decision = решение
kind-action = мера

## VI. Последующая деятельность

follow-up-principals = Сопредседатели представят рекомендации и предложения, содержащиеся в разделе IV, на рассмотрение руководителей.
follow-up-actions = Ответственные организации будут информировать Группу о ходе осуществления мер, указанных в разделе V.

## Приложения

annex-agenda = Повестка дня
col-day = День
col-time = Время
col-session = Заседание
col-methodology = Методы работы
col-moderators = Модераторы
annex-participants = Участники в разбивке по организациям
col-entity = Организация
col-participants = Участники
col-participants-count = Участники (число)
no-entity = (организация не указана)
annex-brackets = Формулировки в квадратных скобках, по которым продолжается обсуждение
brackets-intro = В этих полях содержатся параллельные значения, по которым не принято решение; в тексте они приводятся в квадратных скобках.
col-item = Элемент
col-field = Поле
col-alternatives = Варианты
conflict-session = Заседание «{ $title }»
conflict-outcome = Итог «{ $text }»
conflict-event = Совещание
conflict-day = День { $id }
field-start = начало
field-end = окончание
field-title = название
field-kind = вид
field-lead = ответственная организация
field-deadline = срок
field-status = статус
field-key-message = ключевое положение
field-start_date = дата начала
field-end_date = дата окончания
field-time_zone = часовой пояс
field-language = язык
field-date = дата

## Правило Чатем-хауса

chatham-one = один из участников
chatham-one-start = Один из участников
chatham-many = участники
chatham-many-start = Участники
