# Frases fijas del proyecto de conclusiones, en español (mismas claves que en.ftl).
# Registro de los documentos de las Naciones Unidas.

## Nombres de los idiomas («Original: inglés»)

language-en = inglés
language-fr = francés
language-es = español
language-ar = árabe
language-ru = ruso
language-zh = chino

## Fechas

month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
date = { $day } de { $month } de { $year }
date-weekday = { $weekday } { $date }
date-alone = { $date }
date-range-same-month = { $day1 } a { $day2 } de { $month } de { $year }
date-range-same-year = { $day1 } de { $month1 } a { $day2 } de { $month2 } de { $year }
date-range = { $date1 } a { $date2 }
when-day = el { $date }
when-range-same-month = del { $day1 } al { $day2 } de { $month } de { $year }
when-range-same-year = del { $day1 } de { $month1 } al { $day2 } de { $month2 } de { $year }
when-range = del { $date1 } al { $date2 }

## Numeración

chapter-label = { $roman }.
section-label = { $letter }.
item-label = { $letter })
para-number = { $n }.
annex-label = Anexo { $roman }
heading-chapter = { $label } { $title }
heading-annex = { $label } — { $title }
docx-item-format = lowerLetter

## Listas y oraciones

list-sep = {", "}
list-and = { $first } y { $last }
series-more = {";"}
series-penultimate = {"; y"}
series-last = {"."}
full-stop = {"."}

## Encabezado

masthead-title = Proyecto de conclusiones de la reunión “{ $title }”
masthead-title-untitled = Proyecto de conclusiones
title-sep = {", "}
masthead-status = PROYECTO – para su examen por los jefes ejecutivos
masthead-version = Versión { $version } – preparada el { $date }
masthead-distribution = Distribución: { $distribution }
distribution-restricted = reservada
distribution-limited = limitada
distribution-general = general
masthead-original = Original: { $language }
masthead-chatham = Reunión celebrada con arreglo a la regla de Chatham House: la información puede utilizarse, pero no se revelan la identidad ni la afiliación de ninguno de los oradores.

## Parte preliminar

key-messages = Mensajes clave
decisions-required = Cuestiones que requieren una decisión de los jefes ejecutivos
see-paragraph = {" "}(véase el párr. { $n })

## Capítulos

chapter-introduction = Introducción
chapter-organization = Organización de la reunión
chapter-discussions = Resumen de los debates y conclusiones
chapter-submitted = Recomendaciones y decisiones presentadas a los jefes ejecutivos
chapter-work-plan = Plan de trabajo y medidas
chapter-follow-up = Seguimiento y próximos pasos

## I. Introducción

intro-held = La reunión “{ $title }”{ $has-group ->
        [yes] {" "}({ $group })
       *[no] {""}
    } se celebró{ $has-venue ->
        [yes] {" "}en { $venue }
       *[no] {""}
    }{ $has-when ->
        [yes] {" "}{ $when }
       *[no] {""}
    }.
intro-co-chaired = {" "}Estuvo copresidida por { $names }.
intro-objectives = Los objetivos de la reunión fueron los siguientes:
intro-outcomes = Los resultados previstos de la reunión fueron los siguientes:

## II. Organización de la reunión

section-opening = Apertura
section-attendance = Asistencia
section-agenda = Programa y metodología
section-roles = Moderadores y relatores
opening-words = apertura, bienvenida, inauguración
opening-held = La sesión de apertura, “{ $title }”, se celebró{ $has-date ->
        [yes] {" "}el { $date }
       *[no] {""}
    }{ $has-time ->
        [yes] {" "}a las { $time }
       *[no] {""}
    }{ $has-moderators ->
        [yes] , con la moderación de { $moderators }
       *[no] {""}
    }{ $has-methodology ->
        [yes] {" "}({ $methodology })
       *[no] {""}
    }.
attendance = Asistieron a la reunión { $participants } { $participants ->
        [one] participante
       *[other] participantes
    } de { $entities } { $entities ->
        [one] entidad
       *[other] entidades
    } (véase el anexo II).
agenda-sessions = La reunión constó de { $sessions } { $sessions ->
        [one] sesión
       *[other] sesiones
    } de trabajo en { $days } { $days ->
        [one] día
       *[other] días
    }. El programa, con la metodología de cada sesión, figura en el anexo I.
roles-intro = Las sesiones contaron con los moderadores y relatores siguientes:
roles-item = { $title }: { $details }
roles-moderated = moderación: { $names }
roles-rapporteur = relatoría: { $names }
roles-sep = {"; "}

## III. Resumen de los debates y conclusiones

unedited-notes-open = {"["}Notas sin revisar:{" "}
unedited-notes-close = {"]"}
concluded = El grupo concluyó que { $text-lc }
proposed = El grupo propuso lo siguiente para que los jefes ejecutivos adopten una decisión: { $text }
action-text = Medida: { $text }
action-lead = entidad responsable: { $lead }
action-deadline = plazo: { $deadline }
action-details = {" "}({ $details })

## IV. Cuestiones presentadas a los jefes ejecutivos

invited = Se invita a los jefes ejecutivos a:
invited-endorse = hacer suya la recomendación “{ $text }”
invited-approve = aprobar la propuesta “{ $text }”
invited-note = tomar nota de la conclusión “{ $text }”

## V. Plan de trabajo

work-plan-intro = El grupo acordó las medidas siguientes:
col-no = N.º
col-action = Medida
col-lead = Entidad responsable
col-deadline = Plazo
col-source = Párrafo de origen
col-status = Estado
status-draft = borrador
status-agreed = acordada
status-done = cumplida
status-dropped = abandonada
kind-recommendation = recomendación
kind-conclusion = conclusión
kind-decision = decisión
kind-action = medida

## VI. Seguimiento

follow-up-principals = Los copresidentes presentarán las recomendaciones y propuestas de la sección IV a los jefes ejecutivos para que las examinen.
follow-up-actions = Las entidades responsables informarán al grupo de los progresos realizados en las medidas de la sección V.

## Anexos

annex-agenda = Programa
col-day = Día
col-time = Hora
col-session = Sesión
col-methodology = Metodología
col-moderators = Moderadores
annex-participants = Participantes por entidad
col-entity = Entidad
col-participants = Participantes
col-participants-count = Participantes (número)
no-entity = (sin entidad)
annex-brackets = Texto entre corchetes aún en debate
brackets-intro = Estos campos contienen valores concurrentes que no se han resuelto; figuran entre corchetes en el texto.
col-item = Elemento
col-field = Campo
col-alternatives = Alternativas
conflict-session = Sesión “{ $title }”
conflict-outcome = Resultado “{ $text }”
conflict-event = Reunión
conflict-day = Día { $id }
field-start = inicio
field-end = fin
field-title = título
field-kind = tipo
field-lead = entidad responsable
field-deadline = plazo
field-status = estado
field-key-message = mensaje clave
field-start_date = fecha de inicio
field-end_date = fecha de finalización
field-time_zone = huso horario
field-language = idioma
field-date = fecha

## Regla de Chatham House

chatham-one = un participante
chatham-one-start = Un participante
chatham-many = los participantes
chatham-many-start = Los participantes
