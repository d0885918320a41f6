# Los textos de la ventana en español (mismas claves que en.ftl).

## index.html, main.ts

app-name = Rapporteur
topbar-all-events = Todas las reuniones
topbar-board = Tablero de resultados
topbar-board-title = Tablero de resultados (Alt+B)
topbar-draft = Proyecto
topbar-agenda = Programa
topbar-participants = Participantes
topbar-search = Buscar
topbar-search-keys = Ctrl K
topbar-event-nav = Reunión
topbar-collaborate = Colaborar
topbar-collaborate-title = Colaborar (Ctrl+Mayús+L)
overview-co-chairs = Copresidencia: { $names }
overview-hint = Elija una sesión en el programa: ↑/↓ para desplazarse, Intro para abrirla.
error-bar = { $message } ({ $code })

## Selección del idioma

language-label = Idioma
language-system = Idioma del sistema ({ $language })

## views/start.ts

start-no-events = Todavía no hay reuniones.
start-recent-events = Reuniones recientes
start-untitled-event = Reunión sin título
start-rows = { $count ->
        [one] { $count } fila del programa
       *[other] { $count } filas del programa
    }
start-lead = Notas, resultados y proyectos de conclusiones de las reuniones de las que usted es relator.
start-open-sample = Abrir la reunión de ejemplo

## views/failure.ts

failure-title = Rapporteur no puede abrir su base de datos
failure-file = Archivo de la base de datos:{" "}
failure-what-to-do = Qué hacer
failure-code = Código de error: { $code }. Cierre esta ventana cuando haya terminado.

## views/sidebar.ts

sidebar-untitled = Sin título
sidebar-moderators = Moderación: { $names }
sidebar-label = Programa
sidebar-hint = ↑/↓ para desplazarse, Intro para abrir
sidebar-day = Día { $n }
sidebar-now = Ahora
sidebar-row-label = { $ref } { $time } { $title }

## views/session.ts

session-untitled = Sesión sin título
session-loading = Cargando…
session-capture-placeholder = RECOMENDACIÓN: … · CONCLUSIÓN: … · DECISIÓN: … · MEDIDA: …
session-outcomes-label = Resultados de esta sesión
session-ref = Sesión { $ref }
session-moderators = Moderación:{" "}
session-methodology = Metodología
session-notes = Notas
session-capture-hint-start = Registrar la línea o la selección:{" "}
session-capture-hint-end = {" "}— o empiece una línea con RECOMENDACIÓN: CONCLUSIÓN: DECISIÓN: MEDIDA: y pulse Intro. @ completa los oradores.
session-summary = Resumen
session-capture-title = Registrar un resultado
session-capture-input-hint = Empiece con un prefijo y pulse Intro. Alt+R, Alt+C, Alt+D, Alt+A insertan uno.
session-capturing = Registrando { $kind }…
session-captured = Registrado como { $kind }: { $text }
session-not-captured = No registrado
session-source-gone = El lugar de origen ya no figura en estas notas.
session-notes-placeholder = Escriba las notas de esta sesión (Markdown). @FAO designa a un orador.
session-summary-placeholder = El resumen que figurará en el proyecto de conclusiones.
session-nothing-to-capture = No hay nada que registrar en esta línea.
session-load-failed = No se pudo cargar esta sesión
session-running = · en curso, quedan { $left }
session-starts-in = · empieza dentro de { $time }
session-ended = · terminada
session-kind-conflict = Tipo en conflicto
session-show-source = Mostrar de dónde procede “{ $text }” en las notas
session-source = Origen
session-edit = Editar
kind-recommendation = Recomendación
kind-conclusion = Conclusión
kind-decision = Decisión
kind-action = Medida
kind-recommendation-lc = recomendación
kind-conclusion-lc = conclusión
kind-decision-lc = decisión
kind-action-lc = medida

## capture/prefix.ts

capture-prefixes-recommendation = RECOMENDACIÓN, RECOM
capture-prefixes-conclusion = CONCLUSIÓN
capture-prefixes-decision = DECISIÓN
capture-prefixes-action = MEDIDA, ACCIÓN

## agenda/model.ts

minutes = { $m } min
hours-minutes = { $h } h { $m } min

## editor/saver.ts

save-idle = Sin cambios todavía
save-saving = Guardando…
save-saved = Guardado
save-error = Aún no guardado — reintentando ({ $message })

## views/outcome-panel.ts, outcomes/model.ts

panel-gone = El resultado { $id } ya no existe (¿fusionado o eliminado?).
panel-deadline-placeholder = 2018-04-30 o “abril de 2018”
panel-save = Guardar
panel-nothing-changed = Nada ha cambiado
panel-text-empty = El texto no puede estar vacío
panel-saving = Guardando…
panel-saved = Guardado
panel-not-saved = No guardado
panel-kind = Tipo
panel-text = Texto
panel-lead = Entidad responsable
panel-deadline = Plazo
panel-status = Estado
panel-confidential = {" "}Confidencial (excluido del proyecto)
panel-key-message = {" "}Mensaje clave
panel-close = Cerrar
panel-keys = Ctrl+Intro guarda · Esc cierra
panel-title = Editar el resultado
panel-session = Sesión { $ref } · { $title }
panel-removed = Este resultado se fusionó o eliminó en otro lugar
outcome-kind-recommendation = Recomendación
outcome-kind-conclusion = Conclusión
outcome-kind-decision = Decisión
outcome-kind-action = Medida
status-draft = Borrador
status-agreed = Acordado
status-done = Cumplido
status-dropped = Abandonado
field-kind = Tipo
field-lead = Entidad responsable
field-deadline = Plazo
field-status = Estado
field-confidential = Confidencial
field-key-message = Mensaje clave
value-yes = Sí
value-no = No
value-none = (ninguno)
move-gone = Ese resultado ya no existe.
move-first = Ya es el primero de su sesión.
move-last = Ya es el último de su sesión.

## views/board.ts

board-all = Todos
board-outcomes = Resultados
board-merge = Fusionar la selección
board-merge-count = Fusionar la selección ({ $count })
board-title = Tablero de resultados
board-filter-kind = Tipo
board-filter-session = Sesión
board-filter-status = Estado
board-in-conflict = En conflicto
board-keys = ↑/↓ desplazarse · Espacio selecciona para fusionar (se conserva el primero seleccionado) · Intro edita · Alt+↑/↓ reordena · S muestra el origen · Alt+B o Esc vuelve a la sesión
board-merged = Se fusionaron { $count } resultados en uno.
board-moved-up = Subido.
board-moved-down = Bajado.
board-not-from-notes = Este resultado no se registró desde las notas (origen: { $source }).
board-source-unknown = desconocido
board-select = Seleccionar para fusionar
board-lead = Responsable: { $lead }
board-due = Plazo: { $deadline }
board-confidential = Confidencial
board-key-message = Mensaje clave
board-card-label = { $kind }: { $text }
board-source = Origen
board-edit = Editar
board-no-match = Ningún resultado coincide con estos filtros.
board-empty = Todavía no hay resultados: regístrelos en las notas de una sesión.
board-count = { $shown } de { $total }
board-count-conflicts = { $shown } de { $total } · { $conflicts } en conflicto

## views/conflict.ts

conflict-keep-both-hint = Conservar ambos: un resultado por valor; la copia sigue a este en el tablero.
conflict-group = { $field } en conflicto
conflict-keep-label = Conservar { $value } como { $field }
conflict-keep-this = Conservar este
conflict-title = { $field }:{" "}
conflict-two-values = dos personas introdujeron valores distintos
conflict-keep-both = Conservar ambos

## views/draft.ts, draft/model.ts

draft-frame-title = Vista previa del proyecto de conclusiones
draft-export-progress = Exportación en curso
draft-export-pdf = Exportar en PDF
draft-export = Exportar en { $format }
draft-print = Imprimir…
draft-refresh = Actualizar
draft-title = Proyecto de conclusiones
draft-attribution = Atribución
draft-export-and-print = Exportar e imprimir
draft-compiling = Compilando…
draft-pdf-needs-office = Para exportar en PDF se necesita LibreOffice (soffice), que no está instalado. Utilice Imprimir… y elija “Imprimir en archivo”.
draft-compiled = Compilado con atribución { $attribution }.
draft-compile-failed = No se pudo compilar el proyecto.
draft-report-title = Informe de compilación
draft-warnings = Advertencias
draft-open-session = Abrir la sesión
draft-show-paragraph = Mostrar el párrafo
draft-paragraph-missing = El párrafo { $id } no figura en la vista previa.
draft-dialog-failed = No se pudo abrir el cuadro de diálogo para guardar.
draft-export-cancelled = Exportación cancelada.
draft-exporting = Exportando en { $format } a { $path }…
draft-saved = { $format } guardado en { $path } ({ $size }).
draft-export-failed = Error de exportación: { $message }
draft-nothing-to-print = Todavía no hay nada que imprimir.
draft-print-unavailable = La impresión no está disponible aquí; exporte en HTML o DOCX e imprima ese archivo.
attribution-named = Nominal
attribution-named-hint = Oradores por su nombre
attribution-entity = Por entidad
attribution-entity-hint = Oradores por su entidad (“La FAO señaló …”)
attribution-none = Ninguna
attribution-none-hint = Regla de Chatham House: no se nombra a nadie
attribution-named-lc = nominal
attribution-entity-lc = por entidad
attribution-none-lc = anónima
warning-session-without-summary = Sin resumen
warning-unedited-notes = Notas sin revisar
warning-unresolved-conflict = Conflicto
warning-leftover-name = Nombre en el texto
warning-dangling-reference = Remisión rota
warning-unknown-speaker = Orador desconocido
report-no-warnings = No hay advertencias.
report-warnings = { $count ->
        [one] { $count } advertencia que revisar antes de la distribución.
       *[other] { $count } advertencias que revisar antes de la distribución.
    }
report-paragraphs = Párrafos numerados
report-warnings-count = Advertencias
report-conflicts = Conflictos sin resolver
report-confidential = Elementos confidenciales excluidos
export-filter-docx = Documento de Word
export-filter-md = Markdown
export-filter-html = Página web
export-filter-pdf = PDF
bytes = { $n } B
kilobytes = { $n } KB
megabytes = { $n } MB

## views/agenda-edit.ts

agenda-rows = Filas del programa
agenda-title = Programa
agenda-hint = Seleccione una fila para editarla. Alt+↑/↓ mueve la fila seleccionada, también al día anterior o siguiente.
agenda-not-changed = Sin cambios: { $message }
agenda-row-removed = Fila eliminada.
agenda-saved = Guardado.
agenda-moved-up = Subida.
agenda-moved-down = Bajada.
agenda-already-first = Ya es la primera fila.
agenda-already-last = Ya es la última fila.
agenda-session-added = Sesión añadida.
agenda-new-session = Nueva sesión
agenda-day = Día { $n }
agenda-untitled = Sin título
agenda-conflict-badge = conflicto
agenda-add-session = + Añadir una sesión a este día
agenda-conflicting-values = Valores en conflicto de { $field }
agenda-conflict-keep = Conflicto — conserve uno:
agenda-keep-value = Conservar “{ $value }”
agenda-select-row = Seleccione una fila para editarla.
agenda-kind-working = Sesión de trabajo
agenda-kind-logistics = Logística (pausa, comida, inscripción)
agenda-click-again = Vuelva a hacer clic para eliminar
agenda-remove-row = Eliminar esta fila
agenda-row = Fila { $ref }
agenda-field-title = Título
agenda-field-start = Inicio (HH:MM)
agenda-field-end = Fin (HH:MM)
agenda-field-kind = Tipo
agenda-field-day = Día
agenda-field-methodology = Metodología
agenda-field-moderators = Moderación
agenda-field-rapporteurs = Relatores
agenda-field-description = Descripción
agenda-move-up = Subir
agenda-move-down = Bajar

## views/import.ts, import/model.ts

import-not-agenda = { $path }: no es un programa (utilice { $extensions })
import-drop-one = suelte un solo programa a la vez (se soltaron { $count })
import-paste-placeholder = Día 1 – lunes 12 de febrero de 2018
    09:00 – 10:30	Sesión de apertura
    10:30 – 11:00	Pausa para el café
import-format-auto = Detectar
import-format-text = Texto
import-format-csv = CSV
import-format-ics = Calendario (ICS)
import-create = Crear la reunión
import-choose = Importar un programa…
import-clear = Borrar
import-from-docx = De { $file } (los documentos de Word se muestran tal cual; corríjalos en Word).
import-from-file = De { $file }; corríjalo en el cuadro.
import-rows-here = Aquí se mostrarán las filas del programa.
import-go-to-line = Ir a la línea { $line }
import-rows-label = Filas del programa
import-col-day = Día
import-col-time = Hora
import-col-title = Título
import-col-meta = Metodología · moderación
import-title-placeholder = Título de la reunión
import-dialog-filter = Programa
import-heading = Importar un programa
import-help = Elija un archivo (CSV, ICS, DOCX o texto), suéltelo en la ventana o pegue el programa abajo. Las filas aparecen mientras escribe.
import-text-label = Texto del programa
import-read-as = Leer como{" "}
import-event-title = Título de la reunión{" "}
import-fix-problem = Todavía no se puede crear nada: corrija el problema indicado abajo.
import-day = Día { $n }
import-untitled = Sin título
import-moderators = Moderación: { $names }
import-summary = { $rows ->
        [one] { $rows } fila
       *[other] { $rows } filas
    } ({ $sessions ->
        [one] { $sessions } sesión
       *[other] { $sessions } sesiones
    }) en { $days ->
        [one] { $days } día
       *[other] { $days } días
    }, leídas como { $format }.
import-read-text = texto
import-read-csv = CSV
import-read-ics = calendario (ICS)
import-read-docx = Word (DOCX)

## views/participants.ts

people-name = Nombre
people-entity = Entidad
people-handle = Identificador
people-role = Función
people-handle-placeholder = a partir del nombre
people-add-label = Añadir un participante
people-add = Añadir
people-title = Participantes
people-hint = Personas y entidades que hacen uso de la palabra. Escriba @ y el identificador en las notas para designarlas.
people-not-changed = Sin cambios: { $message }
people-added = Se añadió a { $name }.
people-count = { $count ->
        [one] { $count } participante
       *[other] { $count } participantes
    }
people-actions = Acciones
people-field-of = { $field } de { $name }
people-someone = participante
people-saved = Guardado.
people-remove-label = Quitar a { $name }
people-removed = Se quitó a { $name }.
people-remove = Quitar

## views/search.ts, search/model.ts

search-placeholder = Buscar en notas, resúmenes y resultados
search-results = Resultados
search-type = Escriba para buscar en esta reunión.
search-label = Buscar
search-keys = ↑/↓ elegir · Intro abrir · Esc cerrar
search-type-word = Escriba una palabra para buscar.
search-count = { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
search-nothing = No se encontró nada para “{ $query }”.
search-failed = La búsqueda falló.
search-session = Sesión
search-session-ref = Sesión { $ref }
search-notes = Notas
search-summary = Resumen
search-outcome = Resultado
search-untitled = Sesión sin título

## views/collab.ts, views/collab-status.ts, collab/model.ts

collab-your-name = Su nombre
collab-name-hint = Se muestra a los demás junto a su cursor.
collab-people = Personas presentes
collab-who = Quién está aquí
collab-in-session = en { $ref } { $title }
collab-not-in-session = en ninguna sesión
collab-stop-sharing = Dejar de compartir
collab-stop-hosting = Dejar de alojar
collab-leave = Salir
collab-stop-syncing = Dejar de sincronizar
collab-host = Alojar esta reunión
collab-host-hint = Los demás participantes en la sala se unen con la dirección y el código que se muestran aquí.
collab-open-event-first = Abra primero una reunión para alojarla.
collab-address = Dirección del anfitrión
collab-join-code = Código de acceso
collab-no-host = Ningún anfitrión anunciado en esta red (la Wi-Fi de los lugares de reunión suele bloquearlo). Escriba la dirección que muestra el anfitrión.
collab-hosts-here = Anfitriones en esta red:
collab-looking = Buscando anfitriones en esta red…
collab-look-failed = No se pudo buscar anfitriones ({ $message }). Escriba la dirección que muestra el anfitrión.
collab-search-again = Buscar de nuevo
collab-join-title = Unirse a un anfitrión
collab-join = Unirse
collab-relay-url = URL del repetidor
collab-token = Token (opcional)
collab-relay = Sincronizar mediante el repetidor
collab-relay-title = Sincronizar mediante un repetidor
collab-export-bundle = Exportar un paquete…
collab-import-bundle = Importar un paquete…
collab-wrote = Se escribió { $path } ({ $docs } documentos).
collab-imported = { $changes } cambios nuevos de { $device } ({ $id }); cambiaron { $changed } de { $docs } documentos.
collab-a-device = un dispositivo
collab-title = Colaborar
collab-close = Cerrar el panel Colaborar (Esc)
collab-bundles = Paquetes
collab-bundles-hint = Para una memoria USB o un correo electrónico cuando no hay red. Importar dos veces no cambia nada.
collab-last-refused = Último rechazo: { $reason }
collab-qr-alt = Código QR de { $text }
collab-join-addresses = Los demás se unen con una de estas direcciones
collab-join-address = Los demás se unen con esta dirección
collab-and-code = y este código de acceso
collab-code-label = Código de acceso { $code }
collab-unannounced = No anunciado en esta red ({ $reason }): los demás escriben la dirección.
collab-announced = Anunciado en esta red: los demás lo encuentran en su formulario Unirse.
collab-no-one = Todavía no se ha unido nadie.
collab-peers = Pares
collab-the-relay = El repetidor
collab-host-peer = Anfitrión{" "}
collab-device-peer = Dispositivo{" "}
collab-just-now = ahora mismo
collab-seconds-ago = hace { $n } s
collab-minutes-ago = hace { $n } min
collab-hours-ago = hace { $n } h
collab-unknown-device = dispositivo desconocido
collab-peers-connected = { $n ->
        [one] { $n } par conectado
       *[other] { $n } pares conectados
    }
collab-stopped = Detenido. El error se indica abajo.
collab-not-sharing-hint = No se comparte. Aloje esta reunión, únase a un anfitrión o sincronice mediante un repetidor.
collab-retry = {" "}— { $error }; nuevo intento dentro de { $seconds } s
collab-hosting = Alojando esta reunión · { $peers }
collab-connected-to = Conectado a { $target }
collab-not-connected = No conectado a { $target }{ $retry }
collab-connecting = Conectando con { $target }…
collab-relay-unavailable = Repetidor { $target } no disponible{ $retry }
collab-syncing-relay = Sincronizando mediante el repetidor { $target }
collab-not-sharing = No se comparte.
collab-changes = { $n ->
        [one] { $n } cambio
       *[other] { $n } cambios
    }
collab-not-synced = aún no sincronizado
collab-last-synced = última sincronización { $ago }
collab-connected = Conectado
collab-disconnected-because = Desconectado ({ $error })
collab-disconnected = Desconectado
collab-on-the-way = { $changes } en camino
collab-waiting = { $changes } en espera, se enviarán cuando vuelva
collab-badge-stopped = Sincronización detenida
collab-badge-relay-offline = Repetidor sin conexión
collab-badge-relay = Repetidor
collab-badge-reconnecting-waiting = Reconectando · { $n } en espera
collab-badge-reconnecting = Reconectando
collab-badge-live = En directo · { $n }

## presence/model.ts

presence-default-name = Relator { $tag }
presence-here = { $count ->
        [one] { $names } está aquí
       *[other] { $names } están aquí
    }
presence-and = { $first } y { $last }
