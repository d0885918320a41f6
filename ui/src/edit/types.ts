/** Shapes the core sends for participants and the error screen (`rapporteur::model`, `boot.rs`). */

export interface Participant {
  id: string;
  name: string;
  entity: string;
  handle: string;
  role: string;
}

/** Why the app started without its database (`src-tauri/src/boot.rs`). */
export interface StartupFailure {
  code: string;
  message: string;
  path: string;
  advice: string;
}
