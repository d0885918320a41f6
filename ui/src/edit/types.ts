/** Shapes the core sends for participants and the error screen (`rapporteur::model`, `boot.rs`). */

export type { Participant } from '../agenda/types';

/** Why the app started without its database (`src-tauri/src/boot.rs`). */
export interface StartupFailure {
  code: string;
  message: string;
  path: string;
  advice: string;
}
