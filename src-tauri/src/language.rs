//! The window's language on this device: read (the choice stored in the core, else the
//! system's from `LC_ALL` / `LC_MESSAGES` / `LANG`, English for `C`) and set. One core call
//! each; the window applies the answer without a restart.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::i18n::Language;
use rapporteur::store::UiLanguage;
use tauri::State;

/// The language the window shows, and whether it was chosen or follows the system.
#[tauri::command]
pub async fn ui_language(state: State<'_, AppState>) -> Result<UiLanguage, AppError> {
    let system = Language::from_environment();
    state.with_store(move |s| Ok(s.ui_language(system)?)).await
}

/// Chooses the window's language on this device (`null`: follow the system again); returns
/// what the window shows now.
#[tauri::command]
pub async fn set_ui_language(
    state: State<'_, AppState>,
    language: Option<String>,
) -> Result<UiLanguage, AppError> {
    let chosen = language
        .map(|l| l.parse::<Language>().map_err(AppError::bad_input))
        .transpose()?;
    let system = Language::from_environment();
    state
        .with_store(move |s| {
            s.set_ui_language(chosen)?;
            Ok(s.ui_language(system)?)
        })
        .await
}
