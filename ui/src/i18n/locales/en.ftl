# The window's strings in English: the reference catalogue. Every other language has exactly
# these keys (catalog.test.ts fails otherwise). Keys are grouped by the file that shows them;
# "## file" comments name it. Spaces at either end of a value are written {" "}.

## index.html, main.ts: the top bar

app-name = Rapporteur
topbar-all-events = All events
topbar-board = Outcome board
topbar-board-title = Outcome board (Alt+B)
topbar-draft = Draft
topbar-agenda = Agenda
topbar-participants = Participants
topbar-search = Search
topbar-search-keys = Ctrl K
topbar-event-nav = Event
topbar-collaborate = Collaborate
topbar-collaborate-title = Collaborate (Ctrl+Shift+L)
overview-co-chairs = Co-chairs: { $names }
overview-hint = Choose a session in the agenda: ↑/↓ to move, Enter to open.
error-bar = { $message } ({ $code })

## Language switch (for the settings the second half adds)

language-label = Language
language-system = System language ({ $language })

## views/start.ts

start-no-events = No events yet.
start-recent-events = Recent events
start-untitled-event = Untitled event
start-rows = { $count ->
        [one] { $count } agenda row
       *[other] { $count } agenda rows
    }
start-lead = Notes, outcomes and draft conclusions for the meetings you report on.
start-open-sample = Open sample event

## views/failure.ts

failure-title = Rapporteur cannot open its database
failure-file = Database file:{" "}
failure-what-to-do = What to do
failure-code = Error code: { $code }. Close this window when you are done.

## views/sidebar.ts

sidebar-untitled = Untitled
sidebar-moderators = Moderators: { $names }
sidebar-label = Agenda
sidebar-hint = ↑/↓ to move, Enter to open
sidebar-day = Day { $n }
sidebar-now = Now
sidebar-row-label = { $ref } { $time } { $title }

## views/session.ts

session-untitled = Untitled session
session-loading = Loading…
session-capture-placeholder = REC: … · CONCL: … · DECISION: … · ACTION: …
session-outcomes-label = Outcomes of this session
session-ref = Session { $ref }
session-moderators = Moderators:{" "}
session-methodology = Methodology
session-notes = Notes
session-capture-hint-start = Capture the line or selection:{" "}
session-capture-hint-end = {" "}— or start a line with REC: CONCL: DECISION: ACTION: and press Enter. @ completes speakers.
session-summary = Summary
session-capture-title = Capture an outcome
session-capture-input-hint = Start with a prefix and press Enter. Alt+R, Alt+C, Alt+D, Alt+A insert one.
session-capturing = Capturing { $kind }…
session-captured = Captured as { $kind }: { $text }
session-not-captured = Not captured
session-source-gone = The place this came from is not in these notes any more.
session-notes-placeholder = Type the notes of this session (Markdown). @FAO tags a speaker.
session-summary-placeholder = The summary that goes into the draft conclusions.
session-nothing-to-capture = Nothing to capture on this line.
session-load-failed = Could not load this session
session-running = · running, { $left } left
session-starts-in = · starts in { $time }
session-ended = · ended
session-kind-conflict = Kind in conflict
session-show-source = Show where “{ $text }” came from in the notes
session-source = Source
session-edit = Edit
kind-recommendation = Recommendation
kind-conclusion = Conclusion
kind-decision = Decision
kind-action = Action
# Lower-case forms inside a sentence ("Captured as recommendation: …").
kind-recommendation-lc = recommendation
kind-conclusion-lc = conclusion
kind-decision-lc = decision
kind-action-lc = action

## capture/prefix.ts: the words that start a captured line, followed by a colon. The first is
## what Alt+R / C / D / A insert; every language's words are recognised whatever the window's
## language. Comma-separated, in capitals.

capture-prefixes-recommendation = REC, RECOMMENDATION
capture-prefixes-conclusion = CONCL, CONCLUSION
capture-prefixes-decision = DECISION
capture-prefixes-action = ACTION

## agenda/model.ts

minutes = { $m } min
hours-minutes = { $h } h { $m } min

## editor/saver.ts

save-idle = No changes yet
save-saving = Saving…
save-saved = Saved
save-error = Not saved yet — retrying ({ $message })

## views/outcome-panel.ts and outcomes/model.ts

panel-gone = The outcome { $id } is no longer there (merged or removed?).
panel-deadline-placeholder = 2018-04-30 or “April 2018”
panel-save = Save
panel-nothing-changed = Nothing changed
panel-text-empty = The text cannot be empty
panel-saving = Saving…
panel-saved = Saved
panel-not-saved = Not saved
panel-kind = Kind
panel-text = Text
panel-lead = Lead entity
panel-deadline = Deadline
panel-status = Status
panel-confidential = {" "}Confidential (left out of the draft)
panel-key-message = {" "}Key message
panel-close = Close
panel-keys = Ctrl+Enter saves · Escape closes
panel-title = Edit outcome
panel-session = Session { $ref } · { $title }
panel-removed = This outcome was merged or removed elsewhere
outcome-kind-recommendation = Recommendation
outcome-kind-conclusion = Conclusion
outcome-kind-decision = Decision
outcome-kind-action = Action point
status-draft = Draft
status-agreed = Agreed
status-done = Done
status-dropped = Dropped
field-kind = Kind
field-lead = Lead entity
field-deadline = Deadline
field-status = Status
field-confidential = Confidential
field-key-message = Key message
value-yes = Yes
value-no = No
value-none = (none)
move-gone = That outcome is gone.
move-first = Already first in its session.
move-last = Already last in its session.

## views/board.ts

board-all = All
board-outcomes = Outcomes
board-merge = Merge selected
board-merge-count = Merge selected ({ $count })
board-title = Outcome board
board-filter-kind = Kind
board-filter-session = Session
board-filter-status = Status
board-in-conflict = In conflict
board-keys = ↑/↓ move · Space selects for merging (the first selected is kept) · Enter edits · Alt+↑/↓ reorder · S shows the source · Alt+B or Escape back to the session
board-merged = Merged { $count } outcomes into one.
board-moved-up = Moved up.
board-moved-down = Moved down.
board-not-from-notes = This outcome was not captured from the notes (source: { $source }).
board-source-unknown = unknown
board-select = Select for merging
board-lead = Lead: { $lead }
board-due = Due: { $deadline }
board-confidential = Confidential
board-key-message = Key message
board-card-label = { $kind }: { $text }
board-source = Source
board-edit = Edit
board-no-match = No outcome matches these filters.
board-empty = No outcomes yet: capture them in a session’s notes.
board-count = { $shown } of { $total }
board-count-conflicts = { $shown } of { $total } · { $conflicts } in conflict

## views/conflict.ts

conflict-keep-both-hint = Keep both: one outcome per value; the copy follows this one on the board.
conflict-group = { $field } in conflict
conflict-keep-label = Keep { $value } as { $field }
conflict-keep-this = Keep this one
conflict-title = { $field }:{" "}
conflict-two-values = two people set different values
conflict-keep-both = Keep both

## views/draft.ts and draft/model.ts

draft-frame-title = Draft conclusions preview
draft-export-progress = Export in progress
draft-export-pdf = Export PDF
draft-export = Export { $format }
draft-print = Print…
draft-refresh = Refresh
draft-title = Draft conclusions
draft-attribution = Attribution
draft-export-and-print = Export and print
draft-compiling = Compiling…
draft-pdf-needs-office = PDF export needs LibreOffice (soffice), which is not installed. Use Print… and choose “Print to File” instead.
draft-compiled = Compiled with { $attribution } attribution.
draft-compile-failed = Could not compile the draft.
draft-report-title = Compile report
draft-warnings = Warnings
draft-open-session = Open the session
draft-show-paragraph = Show the paragraph
draft-paragraph-missing = Paragraph { $id } is not in the preview.
draft-dialog-failed = The save dialog could not open.
draft-export-cancelled = Export cancelled.
draft-exporting = Exporting { $format } to { $path }…
draft-saved = Saved { $format } to { $path } ({ $size }).
draft-export-failed = Export failed: { $message }
draft-nothing-to-print = Nothing to print yet.
draft-print-unavailable = Printing is not available here; export HTML or DOCX and print that.
attribution-named = Named
attribution-named-hint = Speakers by name
attribution-entity = Entity
attribution-entity-hint = Speakers by their entity (“FAO noted …”)
attribution-none = None
attribution-none-hint = Chatham House: nobody is named
# The attribution inside "Compiled with … attribution".
attribution-named-lc = named
attribution-entity-lc = entity
attribution-none-lc = no
warning-session-without-summary = No summary
warning-unedited-notes = Unedited notes
warning-unresolved-conflict = Conflict
warning-leftover-name = Name left in
warning-dangling-reference = Broken reference
warning-unknown-speaker = Unknown speaker
report-no-warnings = No warnings.
report-warnings = { $count ->
        [one] { $count } warning to look at before circulating.
       *[other] { $count } warnings to look at before circulating.
    }
report-paragraphs = Numbered paragraphs
report-warnings-count = Warnings
report-conflicts = Unresolved conflicts
report-confidential = Confidential items left out
export-filter-docx = Word document
export-filter-md = Markdown
export-filter-html = Web page
export-filter-pdf = PDF
bytes = { $n } B
kilobytes = { $n } KB
megabytes = { $n } MB

## views/agenda-edit.ts

agenda-rows = Agenda rows
agenda-title = Agenda
agenda-hint = Select a row to edit it. Alt+↑/↓ moves the selected row, also into the day before or after.
agenda-not-changed = Not changed: { $message }
agenda-row-removed = Row removed.
agenda-saved = Saved.
agenda-moved-up = Moved up.
agenda-moved-down = Moved down.
agenda-already-first = Already the first row.
agenda-already-last = Already the last row.
agenda-session-added = Session added.
agenda-new-session = New session
agenda-day = Day { $n }
agenda-untitled = Untitled
agenda-conflict-badge = conflict
agenda-add-session = + Add a session to this day
agenda-conflicting-values = Conflicting values of { $field }
agenda-conflict-keep = Conflict — keep one:
agenda-keep-value = Keep “{ $value }”
agenda-select-row = Select a row to edit it.
agenda-kind-working = Working session
agenda-kind-logistics = Logistics (break, meal, registration)
agenda-click-again = Click again to remove
agenda-remove-row = Remove this row
agenda-row = Row { $ref }
agenda-field-title = Title
agenda-field-start = Start (HH:MM)
agenda-field-end = End (HH:MM)
agenda-field-kind = Kind
agenda-field-day = Day
agenda-field-methodology = Methodology
agenda-field-moderators = Moderators
agenda-field-rapporteurs = Rapporteurs
agenda-field-description = Description
agenda-move-up = Move up
agenda-move-down = Move down

## views/import.ts and import/model.ts

import-not-agenda = { $path }: not an agenda file (use { $extensions })
import-drop-one = drop one agenda file at a time ({ $count } were dropped)
import-paste-placeholder = Day 1 – Monday 12 February 2018
    09:00 – 10:30	Opening session
    10:30 – 11:00	Coffee break
import-format-auto = Detect
import-format-text = Text
import-format-csv = CSV
import-format-ics = Calendar (ICS)
import-create = Create event
import-choose = Import agenda…
import-clear = Clear
import-from-docx = From { $file } (Word documents are previewed as they are; fix them in Word).
import-from-file = From { $file }; fix it in the box.
import-rows-here = The rows of the agenda will show here.
import-go-to-line = Go to line { $line }
import-rows-label = Agenda rows
import-col-day = Day
import-col-time = Time
import-col-title = Title
import-col-meta = Methodology · moderators
import-title-placeholder = Title of the event
import-dialog-filter = Agenda
import-heading = Import an agenda
import-help = Choose a file (CSV, ICS, DOCX or text), drop one on the window, or paste the agenda below. The rows show as you type.
import-text-label = Agenda text
import-read-as = Read as{" "}
import-event-title = Event title{" "}
import-fix-problem = Nothing can be created yet: fix the problem below.
import-day = Day { $n }
import-untitled = Untitled
import-moderators = Moderators: { $names }
import-summary = { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } ({ $sessions ->
        [one] { $sessions } session
       *[other] { $sessions } sessions
    }) on { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, read as { $format }.
import-read-text = text
import-read-csv = CSV
import-read-ics = calendar (ICS)
import-read-docx = Word (DOCX)

## views/participants.ts

people-name = Name
people-entity = Entity
people-handle = Handle
people-role = Role
people-handle-placeholder = from the name
people-add-label = Add a participant
people-add = Add
people-title = Participants
people-hint = People and entities who speak. Type @ and the handle in the notes to tag them.
people-not-changed = Not changed: { $message }
people-added = Added { $name }.
people-count = { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
people-actions = Actions
people-field-of = { $field } of { $name }
people-someone = participant
people-saved = Saved.
people-remove-label = Remove { $name }
people-removed = Removed { $name }.
people-remove = Remove

## views/search.ts and search/model.ts

search-placeholder = Search notes, summaries and outcomes
search-results = Results
search-type = Type to search this event.
search-label = Search
search-keys = ↑/↓ choose · Enter open · Esc close
search-type-word = Type a word to search for.
search-count = { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
search-nothing = Nothing found for “{ $query }”.
search-failed = Search failed.
search-session = Session
search-session-ref = Session { $ref }
search-notes = Notes
search-summary = Summary
search-outcome = Outcome
search-untitled = Untitled session

## views/collab.ts, views/collab-status.ts, collab/model.ts

collab-your-name = Your name
collab-name-hint = Shown to others next to your cursor.
collab-people = People here
collab-who = Who is here
collab-in-session = in { $ref } { $title }
collab-not-in-session = not in a session
collab-stop-sharing = Stop sharing
collab-stop-hosting = Stop hosting
collab-leave = Leave
collab-stop-syncing = Stop syncing
collab-host = Host this event
collab-host-hint = Others in the room join with the address and code shown here.
collab-open-event-first = Open an event first to host it.
collab-address = Host address
collab-join-code = Join code
collab-no-host = No host announced on this network (venue Wi-Fi often blocks this). Type the address the host shows.
collab-hosts-here = Hosts on this network:
collab-looking = Looking for hosts on this network…
collab-look-failed = Could not look for hosts ({ $message }). Type the address the host shows.
collab-search-again = Search again
collab-join-title = Join a host
collab-join = Join
collab-relay-url = Relay URL
collab-token = Token (optional)
collab-relay = Sync through relay
collab-relay-title = Sync through a relay
collab-export-bundle = Export bundle…
collab-import-bundle = Import bundle…
collab-wrote = Wrote { $path } ({ $docs } documents).
collab-imported = { $changes } new changes from { $device } ({ $id }); { $changed } of { $docs } documents changed.
collab-a-device = a device
collab-title = Collaborate
collab-close = Close the Collaborate panel (Escape)
collab-bundles = Bundles
collab-bundles-hint = For a USB stick or e-mail when there is no network. Importing twice changes nothing.
collab-last-refused = Last refused: { $reason }
collab-qr-alt = QR code of { $text }
collab-join-addresses = Others join with one of these addresses
collab-join-address = Others join with this address
collab-and-code = and this join code
collab-code-label = Join code { $code }
collab-unannounced = Not announced on this network ({ $reason }): others type the address.
collab-announced = Announced on this network: others find it in their Join form.
collab-no-one = No one has joined yet.
collab-peers = Peers
collab-the-relay = The relay
collab-host-peer = Host{" "}
collab-device-peer = Device{" "}
collab-just-now = just now
collab-seconds-ago = { $n } s ago
collab-minutes-ago = { $n } min ago
collab-hours-ago = { $n } h ago
collab-unknown-device = unknown device
collab-peers-connected = { $n ->
        [one] { $n } peer connected
       *[other] { $n } peers connected
    }
collab-stopped = Stopped. The error is shown below.
collab-not-sharing-hint = Not sharing. Host this event, join a host, or sync through a relay.
collab-retry = {" "}— { $error }; trying again in { $seconds } s
collab-hosting = Hosting this event · { $peers }
collab-connected-to = Connected to { $target }
collab-not-connected = Not connected to { $target }{ $retry }
collab-connecting = Connecting to { $target }…
collab-relay-unavailable = Relay { $target } unavailable{ $retry }
collab-syncing-relay = Syncing through the relay { $target }
collab-not-sharing = Not sharing.
collab-changes = { $n ->
        [one] { $n } change
       *[other] { $n } changes
    }
collab-not-synced = not synced yet
collab-last-synced = last synced { $ago }
collab-connected = Connected
collab-disconnected-because = Disconnected ({ $error })
collab-disconnected = Disconnected
collab-on-the-way = { $changes } on the way
collab-waiting = { $changes } waiting, sent when it is back
collab-badge-stopped = Sync stopped
collab-badge-relay-offline = Relay offline
collab-badge-relay = Relay
collab-badge-reconnecting-waiting = Reconnecting · { $n } waiting
collab-badge-reconnecting = Reconnecting
collab-badge-live = Live · { $n }

## presence/model.ts

presence-default-name = Rapporteur { $tag }
presence-here = { $count ->
        [one] { $names } is here
       *[other] { $names } are here
    }
presence-and = { $first } and { $last }
