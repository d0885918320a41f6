# The draft conclusions' fixed phrases, in English (the reference catalogue: every other
# language has exactly these keys, and a test fails when one is missing).
# Register: UN documents (UN Editorial Manual). Variables are filled by src/compile/.
# Spaces at the start or end of a value are written as {" "} because Fluent trims them.

## Names of the languages, as "Original: English" prints them

language-en = English
language-fr = French
language-es = Spanish
language-ar = Arabic
language-ru = Russian
language-zh = Chinese

## Dates (src/i18n/dates.rs). $day, $year and $monthnum are Western digits; $month is a
## month name as it follows a day number.

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
# $day, $month (name), $monthnum (1–12), $year.
date = { $day } { $month } { $year }
date-weekday = { $weekday } { $date }
# A "range" that is one day.
date-alone = { $date }
# $day1, $day2, $month, $monthnum, $year.
date-range-same-month = { $day1 }–{ $day2 } { $month } { $year }
# $day1, $month1, $monthnum1, $day2, $month2, $monthnum2, $year.
date-range-same-year = { $day1 } { $month1 } – { $day2 } { $month2 } { $year }
date-range = { $date1 } – { $date2 }
# The same, inside a sentence ("The retreat was held in New York from 12 to 14 February 2018").
when-day = on { $date }
# $day1, $day2, $month, $monthnum, $year.
when-range-same-month = from { $day1 } to { $day2 } { $month } { $year }
# $day1, $month1, $monthnum1, $day2, $month2, $monthnum2, $year.
when-range-same-year = from { $day1 } { $month1 } to { $day2 } { $month2 } { $year }
when-range = from { $date1 } to { $date2 }

## Numbering: chapters I., subsections A., subparagraphs (a), paragraphs 1., annexes.

# $n: the chapter's number (1, 2 …); $roman: the same in Roman numerals (I, II …).
chapter-label = { $roman }.
# $n: the subsection's number; $letter: the same as a capital letter (A, B …).
section-label = { $letter }.
# $n: the subparagraph's number; $letter: the same as a small letter (a, b …).
item-label = ({ $letter })
para-number = { $n }.
# $n: the annex's number; $roman: the same in Roman numerals.
annex-label = Annex { $roman }
# How a chapter or an annex heading joins its label and title.
heading-chapter = { $label } { $title }
heading-annex = { $label } — { $title }
# Word's numbering format for subparagraphs (w:numFmt: lowerLetter, arabicAbjad …), not text.
docx-item-format = lowerLetter

## Lists and sentences

list-sep = {", "}
list-and = { $first } and { $last }
# The end of each item of a lettered series: "…;", "…; and", "….".
series-more = {";"}
series-penultimate = {"; and"}
series-last = {"."}
full-stop = {"."}

## Masthead

masthead-title = Draft conclusions of the { $title }
masthead-title-untitled = Draft conclusions
# Between the masthead title, the dates and the venue.
title-sep = {", "}
masthead-status = DRAFT — for consideration by the Principals
masthead-version = Version { $version } — compiled on { $date }
masthead-distribution = Distribution: { $distribution }
distribution-restricted = Restricted
distribution-limited = Limited
distribution-general = General
masthead-original = Original: { $language }
masthead-chatham = Held under the Chatham House Rule: the information may be used, but neither the identity nor the affiliation of any speaker is revealed.

## Front matter

key-messages = Key messages
decisions-required = Matters requiring decision by the Principals
see-paragraph = {" "}(see paragraph { $n })

## Chapters

chapter-introduction = Introduction
chapter-organization = Organization of the meeting
chapter-discussions = Summary of discussions and conclusions
chapter-submitted = Recommendations and decisions submitted to the Principals
chapter-work-plan = Work plan and action points
chapter-follow-up = Follow-up and next steps

## I. Introduction. $when is a when-… phrase above.

intro-held = The { $title }{ $has-group ->
        [yes] {" "}of the { $group }
       *[no] {""}
    } was held{ $has-venue ->
        [yes] {" "}in { $venue }
       *[no] {""}
    }{ $has-when ->
        [yes] {" "}{ $when }
       *[no] {""}
    }.
intro-co-chaired = {" "}It was co-chaired by { $names }.
intro-objectives = The objectives of the meeting were to:
intro-outcomes = The expected outcomes of the meeting were:

## II. Organization of the meeting

section-opening = Opening
section-attendance = Attendance
section-agenda = Agenda and methodology
section-roles = Moderators and rapporteurs
# Words that mark a session title as the opening session (any language's are recognised).
opening-words = opening, welcome
opening-held = The opening session, “{ $title }”, was held{ $has-date ->
        [yes] {" "}on { $date }
       *[no] {""}
    }{ $has-time ->
        [yes] {" "}at { $time }
       *[no] {""}
    }{ $has-moderators ->
        [yes] , moderated by { $moderators }
       *[no] {""}
    }{ $has-methodology ->
        [yes] {" "}({ $methodology })
       *[no] {""}
    }.
attendance = The meeting was attended by { $participants } { $participants ->
        [one] participant
       *[other] participants
    } from { $entities } { $entities ->
        [one] entity
       *[other] entities
    } (see annex II).
agenda-sessions = The meeting comprised { $sessions } working { $sessions ->
        [one] session
       *[other] sessions
    } over { $days } { $days ->
        [one] day
       *[other] days
    }. The agenda, with the methodology of each session, is reproduced in annex I.
roles-intro = The sessions were moderated and reported on as follows:
roles-item = { $title }: { $details }
roles-moderated = moderated by { $names }
roles-rapporteur = rapporteur { $names }
roles-sep = {"; "}

## III. Summary of discussions and conclusions. $text-lc is $text with its first letter in
## lower case (unless it is an acronym), for languages that continue a sentence with it.

unedited-notes-open = {"["}Unedited notes:{" "}
unedited-notes-close = {"]"}
# $text: the conclusion as written; $text-lc: the same, first letter in lower case.
concluded = The group concluded that { $text-lc }
proposed = The group proposed for decision by the Principals: { $text }
action-text = Action: { $text }
action-lead = lead: { $lead }
action-deadline = deadline: { $deadline }
action-details = {" "}({ $details })

## IV. Submitted to the Principals

invited = The Principals are invited to:
invited-endorse = endorse the recommendation “{ $text }”
invited-approve = approve the proposal “{ $text }”
invited-note = take note of the conclusion “{ $text }”

## V. Work plan

work-plan-intro = The group agreed on the following action points:
col-no = No.
col-action = Action
col-lead = Lead entity
col-deadline = Deadline
col-source = Source paragraph
col-status = Status
status-draft = draft
status-agreed = agreed
status-done = done
status-dropped = dropped
kind-recommendation = recommendation
kind-conclusion = conclusion
kind-decision = decision
kind-action = action

## VI. Follow-up

follow-up-principals = The co-chairs will submit the recommendations and proposals in section IV to the Principals for their consideration.
follow-up-actions = Lead entities will report on progress on the action points in section V to the group.

## Annexes

annex-agenda = Agenda
col-day = Day
col-time = Time
col-session = Session
col-methodology = Methodology
col-moderators = Moderators
annex-participants = Participants by entity
col-entity = Entity
col-participants = Participants
col-participants-count = Participants (number)
no-entity = (no entity)
annex-brackets = Bracketed text still under discussion
brackets-intro = These fields hold concurrent values that have not been resolved; they appear in square brackets in the text.
col-item = Item
col-field = Field
col-alternatives = Alternatives
conflict-session = Session “{ $title }”
conflict-outcome = Outcome “{ $text }”
conflict-event = Event
conflict-day = Day { $id }
field-start = start
field-end = end
field-title = title
field-kind = kind
field-lead = lead
field-deadline = deadline
field-status = status
field-key-message = key message
field-start_date = start date
field-end_date = end date
field-time_zone = time zone
field-language = language
field-date = date

## Chatham House mode: what a speaker tag (@name) becomes. "-start" at the start of a
## sentence.

chatham-one = a participant
chatham-one-start = A participant
chatham-many = participants
chatham-many-start = Participants
