# Phrases fixes du projet de conclusions, en français (mêmes clés que en.ftl).
# Typographie des documents de l'ONU : espace insécable ({"\u00A0"}) avant « : », « ; » et
# à l'intérieur des guillemets français.

## Noms des langues (« Original : anglais »)

language-en = anglais
language-fr = français
language-es = espagnol
language-ar = arabe
language-ru = russe
language-zh = chinois

## Dates

month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
date-weekday = { $weekday } { $date }
date-alone = { $date }
date-range-same-month = { $day1 ->
        [1] 1er
       *[other] { $day1 }
    } au { $day2 } { $month } { $year }
date-range-same-year = { $day1 ->
        [1] 1er
       *[other] { $day1 }
    } { $month1 } au { $day2 ->
        [1] 1er
       *[other] { $day2 }
    } { $month2 } { $year }
date-range = { $date1 } au { $date2 }
when-day = le { $date }
when-range-same-month = du { $day1 ->
        [1] 1er
       *[other] { $day1 }
    } au { $day2 } { $month } { $year }
when-range-same-year = du { $day1 ->
        [1] 1er
       *[other] { $day1 }
    } { $month1 } au { $day2 ->
        [1] 1er
       *[other] { $day2 }
    } { $month2 } { $year }
when-range = du { $date1 } au { $date2 }

## Numérotation

chapter-label = { $roman }.
section-label = { $letter }.
item-label = { $letter })
para-number = { $n }.
annex-label = Annexe { $roman }
heading-chapter = { $label } { $title }
heading-annex = { $label } — { $title }
docx-item-format = lowerLetter

## Listes et phrases

list-sep = {", "}
list-and = { $first } et { $last }
series-more = {"\u00A0;"}
series-penultimate = {"\u00A0;"}
series-last = {"."}
full-stop = {"."}

## En-tête

masthead-title = Projet de conclusions de la réunion «{"\u00A0"}{ $title }{"\u00A0"}»
masthead-title-untitled = Projet de conclusions
title-sep = {", "}
masthead-status = PROJET – pour examen par les chefs de secrétariat
masthead-version = Version { $version } – établie le { $date }
masthead-distribution = Distribution{"\u00A0"}: { $distribution }
distribution-restricted = restreinte
distribution-limited = limitée
distribution-general = générale
masthead-original = Original{"\u00A0"}: { $language }
masthead-chatham = Réunion tenue selon la règle de Chatham House{"\u00A0"}: les informations recueillies peuvent être utilisées, mais ni l'identité ni l'affiliation des intervenants ne peuvent être révélées.

## Pages liminaires

key-messages = Messages clefs
decisions-required = Questions appelant une décision des chefs de secrétariat
see-paragraph = {" "}(voir par. { $n })

## Chapitres

chapter-introduction = Introduction
chapter-organization = Organisation de la réunion
chapter-discussions = Résumé des débats et conclusions
chapter-submitted = Recommandations et décisions soumises aux chefs de secrétariat
chapter-work-plan = Plan de travail et mesures à prendre
chapter-follow-up = Suivi et prochaines étapes

## I. Introduction

intro-held = La réunion «{"\u00A0"}{ $title }{"\u00A0"}»{ $has-group ->
        [yes] {" "}({ $group })
       *[no] {""}
    } s'est tenue{ $has-venue ->
        [yes] {" "}à { $venue }
       *[no] {""}
    }{ $has-when ->
        [yes] {" "}{ $when }
       *[no] {""}
    }.
intro-co-chaired = {" "}Elle était coprésidée par { $names }.
intro-objectives = La réunion avait pour objectifs de{"\u00A0"}:
intro-outcomes = Les résultats attendus de la réunion étaient les suivants{"\u00A0"}:

## II. Organisation de la réunion

section-opening = Ouverture
section-attendance = Participation
section-agenda = Ordre du jour et méthodes de travail
section-roles = Animateurs et rapporteurs
opening-words = ouverture, bienvenue, accueil
opening-held = La séance d'ouverture, «{"\u00A0"}{ $title }{"\u00A0"}», s'est tenue{ $has-date ->
        [yes] {" "}le { $date }
       *[no] {""}
    }{ $has-time ->
        [yes] {" "}à { $time }
       *[no] {""}
    }{ $has-moderators ->
        [yes] , sous la conduite de { $moderators }
       *[no] {""}
    }{ $has-methodology ->
        [yes] {" "}({ $methodology })
       *[no] {""}
    }.
attendance = La réunion a rassemblé { $participants } { $participants ->
        [one] participant
       *[other] participants
    } de { $entities } { $entities ->
        [one] entité
       *[other] entités
    } (voir annexe II).
agenda-sessions = La réunion a comporté { $sessions } { $sessions ->
        [one] séance
       *[other] séances
    } de travail sur { $days } { $days ->
        [one] jour
       *[other] jours
    }. L'ordre du jour, assorti de la méthode de travail de chaque séance, est reproduit à l'annexe I.
roles-intro = Les animateurs et rapporteurs des séances étaient les suivants{"\u00A0"}:
roles-item = { $title }{"\u00A0"}: { $details }
roles-moderated = animation{"\u00A0"}: { $names }
roles-rapporteur = rapporteur{"\u00A0"}: { $names }
roles-sep = {"\u00A0; "}

## III. Résumé des débats et conclusions

unedited-notes-open = {"["}Notes non révisées{"\u00A0"}:{" "}
unedited-notes-close = {"]"}
concluded = Le Groupe a conclu ce qui suit{"\u00A0"}: { $text }
proposed = Le Groupe a proposé de soumettre à la décision des chefs de secrétariat ce qui suit{"\u00A0"}: { $text }
action-text = Mesure à prendre{"\u00A0"}: { $text }
action-lead = entité responsable{"\u00A0"}: { $lead }
action-deadline = échéance{"\u00A0"}: { $deadline }
action-details = {" "}({ $details })

## IV. Questions soumises aux chefs de secrétariat

invited = Les chefs de secrétariat sont invités à{"\u00A0"}:
invited-endorse = faire sienne la recommandation «{"\u00A0"}{ $text }{"\u00A0"}»
invited-approve = approuver la proposition «{"\u00A0"}{ $text }{"\u00A0"}»
invited-note = prendre note de la conclusion «{"\u00A0"}{ $text }{"\u00A0"}»

## V. Plan de travail

work-plan-intro = Le Groupe est convenu des mesures à prendre ci-après{"\u00A0"}:
col-no = No
col-action = Mesure
col-lead = Entité responsable
col-deadline = Échéance
col-source = Paragraphe d'origine
col-status = État
status-draft = en projet
status-agreed = convenue
status-done = achevée
status-dropped = abandonnée
kind-recommendation = recommandation
kind-conclusion = conclusion
kind-decision = décision
kind-action = mesure

## VI. Suivi

follow-up-principals = Les coprésidents soumettront les recommandations et propositions figurant à la section IV aux chefs de secrétariat pour examen.
follow-up-actions = Les entités responsables rendront compte au Groupe de l'état d'avancement des mesures figurant à la section V.

## Annexes

annex-agenda = Ordre du jour
col-day = Jour
col-time = Heure
col-session = Séance
col-methodology = Méthode de travail
col-moderators = Animateurs
annex-participants = Participants par entité
col-entity = Entité
col-participants = Participants
col-participants-count = Participants (nombre)
no-entity = (sans entité)
annex-brackets = Passages entre crochets encore en discussion
brackets-intro = Ces champs comportent des valeurs concurrentes qui n'ont pas été départagées{"\u00A0"}; elles figurent entre crochets dans le texte.
col-item = Élément
col-field = Champ
col-alternatives = Variantes
conflict-session = Séance «{"\u00A0"}{ $title }{"\u00A0"}»
conflict-outcome = Résultat «{"\u00A0"}{ $text }{"\u00A0"}»
conflict-event = Réunion
conflict-day = Jour { $id }
field-start = début
field-end = fin
field-title = titre
field-kind = type
field-lead = entité responsable
field-deadline = échéance
field-status = état
field-key-message = message clef
field-start_date = date de début
field-end_date = date de fin
field-time_zone = fuseau horaire
field-language = langue
field-date = date

## Règle de Chatham House

chatham-one = un participant
chatham-one-start = Un participant
chatham-many = des participants
chatham-many-start = Des participants
