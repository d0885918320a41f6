# Les textes de la fenêtre en français (mêmes clés que en.ftl). Espace insécable ({"\u00A0"})
# avant « : » et à l'intérieur des guillemets, comme dans les documents de l'ONU.

## index.html, main.ts

app-name = Rapporteur
topbar-all-events = Toutes les réunions
topbar-board = Tableau des résultats
topbar-board-title = Tableau des résultats (Alt+B)
topbar-draft = Projet
topbar-agenda = Ordre du jour
topbar-participants = Participants
topbar-search = Rechercher
topbar-search-keys = Ctrl K
topbar-event-nav = Réunion
topbar-collaborate = Collaborer
topbar-collaborate-title = Collaborer (Ctrl+Maj+L)
overview-co-chairs = Coprésidence{"\u00A0"}: { $names }
overview-hint = Choisissez une séance dans l'ordre du jour{"\u00A0"}: ↑/↓ pour se déplacer, Entrée pour ouvrir.
error-bar = { $message } ({ $code })

## Choix de la langue

language-label = Langue
language-system = Langue du système ({ $language })

## views/start.ts

start-no-events = Aucune réunion pour l'instant.
start-recent-events = Réunions récentes
start-untitled-event = Réunion sans titre
start-rows = { $count ->
        [one] { $count } ligne de l'ordre du jour
       *[other] { $count } lignes de l'ordre du jour
    }
start-lead = Notes, résultats et projets de conclusions des réunions dont vous êtes rapporteur.
start-open-sample = Ouvrir la réunion d'exemple

## views/failure.ts

failure-title = Rapporteur ne peut pas ouvrir sa base de données
failure-file = Fichier de la base de données{"\u00A0"}:{" "}
failure-what-to-do = Que faire
failure-code = Code d'erreur{"\u00A0"}: { $code }. Fermez cette fenêtre lorsque vous avez terminé.

## views/sidebar.ts

sidebar-untitled = Sans titre
sidebar-moderators = Animation{"\u00A0"}: { $names }
sidebar-label = Ordre du jour
sidebar-hint = ↑/↓ pour se déplacer, Entrée pour ouvrir
sidebar-day = Jour { $n }
sidebar-now = Maintenant
sidebar-row-label = { $ref } { $time } { $title }

## views/session.ts

session-untitled = Séance sans titre
session-loading = Chargement…
session-capture-placeholder = RECOMMANDATION{"\u00A0"}: … · CONCLUSION{"\u00A0"}: … · DÉCISION{"\u00A0"}: … · MESURE{"\u00A0"}: …
session-outcomes-label = Résultats de cette séance
session-ref = Séance { $ref }
session-moderators = Animation{"\u00A0"}:{" "}
session-methodology = Méthode de travail
session-notes = Notes
session-capture-hint-start = Saisir la ligne ou la sélection{"\u00A0"}:{" "}
session-capture-hint-end = {" "}— ou commencez une ligne par RECOMMANDATION{"\u00A0"}: CONCLUSION{"\u00A0"}: DÉCISION{"\u00A0"}: MESURE{"\u00A0"}: et appuyez sur Entrée. @ complète les intervenants.
session-summary = Résumé
session-capture-title = Saisir un résultat
session-capture-input-hint = Commencez par un préfixe et appuyez sur Entrée. Alt+R, Alt+C, Alt+D, Alt+A en insèrent un.
session-capturing = Saisie de la { $kind }…
session-captured = Saisi comme { $kind }{"\u00A0"}: { $text }
session-not-captured = Non saisi
session-source-gone = Le passage d'origine ne figure plus dans ces notes.
session-notes-placeholder = Saisissez les notes de cette séance (Markdown). @FAO désigne un intervenant.
session-summary-placeholder = Le résumé qui figurera dans le projet de conclusions.
session-nothing-to-capture = Rien à saisir sur cette ligne.
session-load-failed = Impossible de charger cette séance
session-running = · en cours, encore { $left }
session-starts-in = · commence dans { $time }
session-ended = · terminée
session-kind-conflict = Type en conflit
session-show-source = Afficher l'origine de «{"\u00A0"}{ $text }{"\u00A0"}» dans les notes
session-source = Origine
session-edit = Modifier
kind-recommendation = Recommandation
kind-conclusion = Conclusion
kind-decision = Décision
kind-action = Mesure
kind-recommendation-lc = recommandation
kind-conclusion-lc = conclusion
kind-decision-lc = décision
kind-action-lc = mesure

## capture/prefix.ts

capture-prefixes-recommendation = RECOMMANDATION, RECO
capture-prefixes-conclusion = CONCLUSION
capture-prefixes-decision = DÉCISION
capture-prefixes-action = MESURE, ACTION

## agenda/model.ts

minutes = { $m } min
hours-minutes = { $h } h { $m } min

## editor/saver.ts

save-idle = Aucune modification
save-saving = Enregistrement…
save-saved = Enregistré
save-error = Pas encore enregistré — nouvel essai ({ $message })

## views/outcome-panel.ts, outcomes/model.ts

panel-gone = Le résultat { $id } n'existe plus (fusionné ou supprimé{"\u00A0"}?).
panel-deadline-placeholder = 2018-04-30 ou «{"\u00A0"}avril 2018{"\u00A0"}»
panel-save = Enregistrer
panel-nothing-changed = Aucune modification
panel-text-empty = Le texte ne peut pas être vide
panel-saving = Enregistrement…
panel-saved = Enregistré
panel-not-saved = Non enregistré
panel-kind = Type
panel-text = Texte
panel-lead = Entité responsable
panel-deadline = Échéance
panel-status = État
panel-confidential = {" "}Confidentiel (exclu du projet)
panel-key-message = {" "}Message clef
panel-close = Fermer
panel-keys = Ctrl+Entrée enregistre · Échap ferme
panel-title = Modifier le résultat
panel-session = Séance { $ref } · { $title }
panel-removed = Ce résultat a été fusionné ou supprimé ailleurs
outcome-kind-recommendation = Recommandation
outcome-kind-conclusion = Conclusion
outcome-kind-decision = Décision
outcome-kind-action = Mesure à prendre
status-draft = Projet
status-agreed = Convenu
status-done = Achevé
status-dropped = Abandonné
field-kind = Type
field-lead = Entité responsable
field-deadline = Échéance
field-status = État
field-confidential = Confidentiel
field-key-message = Message clef
value-yes = Oui
value-no = Non
value-none = (aucune)
move-gone = Ce résultat n'existe plus.
move-first = Déjà le premier de sa séance.
move-last = Déjà le dernier de sa séance.

## views/board.ts

board-all = Tous
board-outcomes = Résultats
board-merge = Fusionner la sélection
board-merge-count = Fusionner la sélection ({ $count })
board-title = Tableau des résultats
board-filter-kind = Type
board-filter-session = Séance
board-filter-status = État
board-in-conflict = En conflit
board-keys = ↑/↓ se déplacer · Espace sélectionne pour fusionner (le premier sélectionné est conservé) · Entrée modifie · Alt+↑/↓ réordonne · S montre l'origine · Alt+B ou Échap revient à la séance
board-merged = { $count } résultats fusionnés en un seul.
board-moved-up = Déplacé vers le haut.
board-moved-down = Déplacé vers le bas.
board-not-from-notes = Ce résultat n'a pas été saisi depuis les notes (origine{"\u00A0"}: { $source }).
board-source-unknown = inconnue
board-select = Sélectionner pour fusionner
board-lead = Responsable{"\u00A0"}: { $lead }
board-due = Échéance{"\u00A0"}: { $deadline }
board-confidential = Confidentiel
board-key-message = Message clef
board-card-label = { $kind }{"\u00A0"}: { $text }
board-source = Origine
board-edit = Modifier
board-no-match = Aucun résultat ne correspond à ces filtres.
board-empty = Aucun résultat pour l'instant{"\u00A0"}: saisissez-les dans les notes d'une séance.
board-count = { $shown } sur { $total }
board-count-conflicts = { $shown } sur { $total } · { $conflicts } en conflit

## views/conflict.ts

conflict-keep-both-hint = Garder les deux{"\u00A0"}: un résultat par valeur{"\u00A0"}; la copie suit celui-ci dans le tableau.
conflict-group = { $field } en conflit
conflict-keep-label = Garder { $value } comme { $field }
conflict-keep-this = Garder celle-ci
conflict-title = { $field }{"\u00A0"}:{" "}
conflict-two-values = deux personnes ont saisi des valeurs différentes
conflict-keep-both = Garder les deux

## views/draft.ts, draft/model.ts

draft-frame-title = Aperçu du projet de conclusions
draft-export-progress = Exportation en cours
draft-export-pdf = Exporter en PDF
draft-export = Exporter en { $format }
draft-print = Imprimer…
draft-refresh = Actualiser
draft-title = Projet de conclusions
draft-attribution = Attribution
draft-export-and-print = Exporter et imprimer
draft-compiling = Compilation…
draft-pdf-needs-office = L'exportation en PDF nécessite LibreOffice (soffice), qui n'est pas installé. Utilisez Imprimer… et choisissez «{"\u00A0"}Imprimer dans un fichier{"\u00A0"}».
draft-compiled = Compilé avec attribution { $attribution }.
draft-compile-failed = Impossible de compiler le projet.
draft-report-title = Rapport de compilation
draft-warnings = Avertissements
draft-open-session = Ouvrir la séance
draft-show-paragraph = Afficher le paragraphe
draft-paragraph-missing = Le paragraphe { $id } ne figure pas dans l'aperçu.
draft-dialog-failed = La boîte d'enregistrement n'a pas pu s'ouvrir.
draft-export-cancelled = Exportation annulée.
draft-exporting = Exportation en { $format } vers { $path }…
draft-saved = { $format } enregistré dans { $path } ({ $size }).
draft-export-failed = Échec de l'exportation{"\u00A0"}: { $message }
draft-nothing-to-print = Rien à imprimer pour l'instant.
draft-print-unavailable = L'impression n'est pas disponible ici{"\u00A0"}; exportez en HTML ou DOCX et imprimez ce fichier.
attribution-named = Nominative
attribution-named-hint = Intervenants désignés par leur nom
attribution-entity = Par entité
attribution-entity-hint = Intervenants désignés par leur entité («{"\u00A0"}La FAO a noté…{"\u00A0"}»)
attribution-none = Aucune
attribution-none-hint = Règle de Chatham House{"\u00A0"}: personne n'est nommé
attribution-named-lc = nominative
attribution-entity-lc = par entité
attribution-none-lc = anonyme
warning-session-without-summary = Sans résumé
warning-unedited-notes = Notes non révisées
warning-unresolved-conflict = Conflit
warning-leftover-name = Nom resté dans le texte
warning-dangling-reference = Renvoi rompu
warning-unknown-speaker = Intervenant inconnu
report-no-warnings = Aucun avertissement.
report-warnings = { $count ->
        [one] { $count } avertissement à examiner avant diffusion.
       *[other] { $count } avertissements à examiner avant diffusion.
    }
report-paragraphs = Paragraphes numérotés
report-warnings-count = Avertissements
report-conflicts = Conflits non résolus
report-confidential = Éléments confidentiels exclus
export-filter-docx = Document Word
export-filter-md = Markdown
export-filter-html = Page Web
export-filter-pdf = PDF
bytes = { $n } o
kilobytes = { $n } Ko
megabytes = { $n } Mo

## views/agenda-edit.ts

agenda-rows = Lignes de l'ordre du jour
agenda-title = Ordre du jour
agenda-hint = Sélectionnez une ligne pour la modifier. Alt+↑/↓ déplace la ligne sélectionnée, y compris vers le jour précédent ou suivant.
agenda-not-changed = Non modifié{"\u00A0"}: { $message }
agenda-row-removed = Ligne supprimée.
agenda-saved = Enregistré.
agenda-moved-up = Déplacée vers le haut.
agenda-moved-down = Déplacée vers le bas.
agenda-already-first = C'est déjà la première ligne.
agenda-already-last = C'est déjà la dernière ligne.
agenda-session-added = Séance ajoutée.
agenda-new-session = Nouvelle séance
agenda-day = Jour { $n }
agenda-untitled = Sans titre
agenda-conflict-badge = conflit
agenda-add-session = + Ajouter une séance à ce jour
agenda-conflicting-values = Valeurs en conflit pour { $field }
agenda-conflict-keep = Conflit — en garder une{"\u00A0"}:
agenda-keep-value = Garder «{"\u00A0"}{ $value }{"\u00A0"}»
agenda-select-row = Sélectionnez une ligne pour la modifier.
agenda-kind-working = Séance de travail
agenda-kind-logistics = Logistique (pause, repas, inscription)
agenda-click-again = Cliquez de nouveau pour supprimer
agenda-remove-row = Supprimer cette ligne
agenda-row = Ligne { $ref }
agenda-field-title = Titre
agenda-field-start = Début (HH:MM)
agenda-field-end = Fin (HH:MM)
agenda-field-kind = Type
agenda-field-day = Jour
agenda-field-methodology = Méthode de travail
agenda-field-moderators = Animation
agenda-field-rapporteurs = Rapporteurs
agenda-field-description = Description
agenda-move-up = Monter
agenda-move-down = Descendre

## views/import.ts, import/model.ts

import-not-agenda = { $path }{"\u00A0"}: ce n'est pas un ordre du jour (utilisez { $extensions })
import-drop-one = déposez un seul ordre du jour à la fois ({ $count } fichiers déposés)
import-paste-placeholder = Jour 1 – lundi 12 février 2018
    09:00 – 10:30	Séance d'ouverture
    10:30 – 11:00	Pause café
import-format-auto = Détecter
import-format-text = Texte
import-format-csv = CSV
import-format-ics = Calendrier (ICS)
import-create = Créer la réunion
import-choose = Importer un ordre du jour…
import-clear = Effacer
import-from-docx = Depuis { $file } (les documents Word sont affichés tels quels{"\u00A0"}; corrigez-les dans Word).
import-from-file = Depuis { $file }{"\u00A0"}; corrigez-le dans la zone de texte.
import-rows-here = Les lignes de l'ordre du jour s'afficheront ici.
import-go-to-line = Aller à la ligne { $line }
import-rows-label = Lignes de l'ordre du jour
import-col-day = Jour
import-col-time = Heure
import-col-title = Titre
import-col-meta = Méthode · animation
import-title-placeholder = Titre de la réunion
import-dialog-filter = Ordre du jour
import-heading = Importer un ordre du jour
import-help = Choisissez un fichier (CSV, ICS, DOCX ou texte), déposez-en un sur la fenêtre, ou collez l'ordre du jour ci-dessous. Les lignes s'affichent au fil de la saisie.
import-text-label = Texte de l'ordre du jour
import-read-as = Lire comme{" "}
import-event-title = Titre de la réunion{" "}
import-fix-problem = Rien ne peut encore être créé{"\u00A0"}: corrigez le problème ci-dessous.
import-day = Jour { $n }
import-untitled = Sans titre
import-moderators = Animation{"\u00A0"}: { $names }
import-summary = { $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    } ({ $sessions ->
        [one] { $sessions } séance
       *[other] { $sessions } séances
    }) sur { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }, lues comme { $format }.
import-read-text = texte
import-read-csv = CSV
import-read-ics = calendrier (ICS)
import-read-docx = Word (DOCX)

## views/participants.ts

people-name = Nom
people-entity = Entité
people-handle = Identifiant
people-role = Rôle
people-handle-placeholder = d'après le nom
people-add-label = Ajouter un participant
people-add = Ajouter
people-title = Participants
people-hint = Personnes et entités qui prennent la parole. Tapez @ suivi de l'identifiant dans les notes pour les désigner.
people-not-changed = Non modifié{"\u00A0"}: { $message }
people-added = { $name } ajouté(e).
people-count = { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    }
people-actions = Actions
people-field-of = { $field } de { $name }
people-someone = participant
people-saved = Enregistré.
people-remove-label = Retirer { $name }
people-removed = { $name } retiré(e).
people-remove = Retirer

## views/search.ts, search/model.ts

search-placeholder = Rechercher dans les notes, résumés et résultats
search-results = Résultats
search-type = Tapez pour rechercher dans cette réunion.
search-label = Rechercher
search-keys = ↑/↓ choisir · Entrée ouvrir · Échap fermer
search-type-word = Tapez un mot à rechercher.
search-count = { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
search-nothing = Rien trouvé pour «{"\u00A0"}{ $query }{"\u00A0"}».
search-failed = La recherche a échoué.
search-session = Séance
search-session-ref = Séance { $ref }
search-notes = Notes
search-summary = Résumé
search-outcome = Résultat
search-untitled = Séance sans titre

## views/collab.ts, views/collab-status.ts, collab/model.ts

collab-your-name = Votre nom
collab-name-hint = Affiché aux autres à côté de votre curseur.
collab-people = Personnes présentes
collab-who = Qui est là
collab-in-session = dans { $ref } { $title }
collab-not-in-session = dans aucune séance
collab-stop-sharing = Arrêter le partage
collab-stop-hosting = Arrêter l'hébergement
collab-leave = Quitter
collab-stop-syncing = Arrêter la synchronisation
collab-host = Héberger cette réunion
collab-host-hint = Les autres participants dans la salle se joignent avec l'adresse et le code affichés ici.
collab-open-event-first = Ouvrez d'abord une réunion pour l'héberger.
collab-address = Adresse de l'hôte
collab-join-code = Code d'accès
collab-no-host = Aucun hôte annoncé sur ce réseau (le Wi-Fi des lieux de réunion le bloque souvent). Tapez l'adresse affichée par l'hôte.
collab-hosts-here = Hôtes sur ce réseau{"\u00A0"}:
collab-looking = Recherche d'hôtes sur ce réseau…
collab-look-failed = Impossible de rechercher des hôtes ({ $message }). Tapez l'adresse affichée par l'hôte.
collab-search-again = Chercher à nouveau
collab-join-title = Rejoindre un hôte
collab-join = Rejoindre
collab-relay-url = URL du relais
collab-token = Jeton (facultatif)
collab-relay = Synchroniser par le relais
collab-relay-title = Synchroniser par un relais
collab-export-bundle = Exporter un paquet…
collab-import-bundle = Importer un paquet…
collab-wrote = { $path } écrit ({ $docs } documents).
collab-imported = { $changes } nouvelles modifications de { $device } ({ $id }){"\u00A0"}; { $changed } documents sur { $docs } modifiés.
collab-a-device = un appareil
collab-title = Collaborer
collab-close = Fermer le panneau Collaborer (Échap)
collab-bundles = Paquets
collab-bundles-hint = Pour une clé USB ou un courriel en l'absence de réseau. Importer deux fois ne change rien.
collab-last-refused = Dernier refus{"\u00A0"}: { $reason }
collab-qr-alt = Code QR de { $text }
collab-join-addresses = Les autres se joignent avec l'une de ces adresses
collab-join-address = Les autres se joignent avec cette adresse
collab-and-code = et ce code d'accès
collab-code-label = Code d'accès { $code }
collab-unannounced = Non annoncé sur ce réseau ({ $reason }){"\u00A0"}: les autres tapent l'adresse.
collab-announced = Annoncé sur ce réseau{"\u00A0"}: les autres le trouvent dans leur formulaire Rejoindre.
collab-no-one = Personne ne s'est encore joint.
collab-peers = Pairs
collab-the-relay = Le relais
collab-host-peer = Hôte{" "}
collab-device-peer = Appareil{" "}
collab-just-now = à l'instant
collab-seconds-ago = il y a { $n } s
collab-minutes-ago = il y a { $n } min
collab-hours-ago = il y a { $n } h
collab-unknown-device = appareil inconnu
collab-peers-connected = { $n ->
        [one] { $n } pair connecté
       *[other] { $n } pairs connectés
    }
collab-stopped = Arrêté. L'erreur est indiquée ci-dessous.
collab-not-sharing-hint = Pas de partage. Hébergez cette réunion, rejoignez un hôte ou synchronisez par un relais.
collab-retry = {" "}— { $error }{"\u00A0"}; nouvel essai dans { $seconds } s
collab-hosting = Hébergement de cette réunion · { $peers }
collab-connected-to = Connecté à { $target }
collab-not-connected = Non connecté à { $target }{ $retry }
collab-connecting = Connexion à { $target }…
collab-relay-unavailable = Relais { $target } indisponible{ $retry }
collab-syncing-relay = Synchronisation par le relais { $target }
collab-not-sharing = Pas de partage.
collab-changes = { $n ->
        [one] { $n } modification
       *[other] { $n } modifications
    }
collab-not-synced = pas encore synchronisé
collab-last-synced = dernière synchronisation { $ago }
collab-connected = Connecté
collab-disconnected-because = Déconnecté ({ $error })
collab-disconnected = Déconnecté
collab-on-the-way = { $changes } en cours d'envoi
collab-waiting = { $changes } en attente, envoyées à son retour
collab-badge-stopped = Synchronisation arrêtée
collab-badge-relay-offline = Relais hors ligne
collab-badge-relay = Relais
collab-badge-reconnecting-waiting = Reconnexion · { $n } en attente
collab-badge-reconnecting = Reconnexion
collab-badge-live = En direct · { $n }

## presence/model.ts

presence-default-name = Rapporteur { $tag }
presence-here = { $count ->
        [one] { $names } est là
       *[other] { $names } sont là
    }
presence-and = { $first } et { $last }
