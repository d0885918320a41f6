//! The Versions panel's commands: the versions and the lock, save, circulate, finalize,
//! reopen, compare (as a list of changes, or as the whole draft with the changes marked),
//! restore, and who writes from this window. Each one unpacks its arguments, calls one core
//! function (`rapporteur::review`) on the blocking pool and maps the error.
//! Keep the list in step with `build.rs` and `capabilities/default.json`.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::compile::{write_html, CompileOptions};
use rapporteur::host::Origin;
use rapporteur::review::compare::Comparison;
use rapporteur::review::restore::Restored;
use rapporteur::review::VersionInfo;
use rapporteur::store::Store;
use serde::Serialize;
use tauri::State;

type Res<T> = Result<T, AppError>;

/// What the panel and the read-only banner show.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewState {
    pub versions: Vec<VersionInfo>,
    /// When the event is final: the version it is locked on, when and by whom.
    pub final_lock: Option<String>,
    /// The earlier meetings this one follows (id and title).
    pub follows: Vec<(String, String)>,
}

/// Names who writes from this window (the "Your name" of the Collaborate panel).
fn named(s: &mut Store, author: Option<&str>) {
    if let Some(a) = author {
        s.set_author(a);
    }
}

#[tauri::command]
pub async fn review_state(state: State<'_, AppState>, event_id: String) -> Res<ReviewState> {
    state
        .with_store(move |s| {
            let titles = s.events()?;
            let follows = s
                .follows(&event_id)?
                .into_iter()
                .map(|id| {
                    let t = titles.iter().find(|e| e.id == id).map(|e| e.title.clone());
                    (id, t.unwrap_or_default())
                })
                .collect();
            Ok(ReviewState {
                versions: s.versions(&event_id)?,
                final_lock: s.final_lock(&event_id)?,
                follows,
            })
        })
        .await
}

#[tauri::command]
pub async fn set_author(state: State<'_, AppState>, name: String) -> Res<()> {
    state
        .with_store(move |s| {
            named(s, Some(&name));
            Ok(())
        })
        .await
}

#[tauri::command]
pub async fn save_version(
    state: State<'_, AppState>,
    event_id: String,
    name: String,
    author: Option<String>,
) -> Res<String> {
    let f = move |s: &mut Store| {
        named(s, author.as_deref());
        Ok(s.save_version(&event_id, &name, &Origin::Local)?)
    };
    state.with_store(f).await
}

#[tauri::command]
pub async fn circulate_version(
    state: State<'_, AppState>,
    event_id: String,
    to: String,
    author: Option<String>,
) -> Res<VersionInfo> {
    let f = move |s: &mut Store| {
        named(s, author.as_deref());
        Ok(s.circulate(&event_id, &to, &Origin::Local)?)
    };
    state.with_store(f).await
}

#[tauri::command]
pub async fn finalize_event(
    state: State<'_, AppState>,
    event_id: String,
    author: Option<String>,
) -> Res<VersionInfo> {
    let f = move |s: &mut Store| {
        named(s, author.as_deref());
        Ok(s.finalize(&event_id, &Origin::Local)?)
    };
    state.with_store(f).await
}

#[tauri::command]
pub async fn reopen_event(
    state: State<'_, AppState>,
    event_id: String,
    reason: String,
    author: Option<String>,
) -> Res<VersionInfo> {
    let f = move |s: &mut Store| {
        named(s, author.as_deref());
        Ok(s.reopen(&event_id, &reason, &Origin::Local)?)
    };
    state.with_store(f).await
}

fn options(s: &Store, attribution: &str) -> Res<CompileOptions> {
    let mut o = CompileOptions::new(s.host().now().date_naive());
    o.attribution = attribution.parse().map_err(AppError::bad_input)?;
    Ok(o)
}

/// The changes from version `from` to `to` (now when absent), with who wrote each.
#[tauri::command]
pub async fn compare_versions(
    state: State<'_, AppState>,
    event_id: String,
    from: String,
    to: Option<String>,
    attribution: String,
) -> Res<Comparison> {
    let f = move |s: &mut Store| {
        let o = options(s, &attribution)?;
        Ok(s.diff_versions(&event_id, &from, to.as_deref(), &o)?)
    };
    state.with_store(f).await
}

/// The later draft as a sanitised page with the changes since `from` marked (`<ins>`/`<del>`).
#[tauri::command]
pub async fn compare_html(
    state: State<'_, AppState>,
    event_id: String,
    from: String,
    to: Option<String>,
    attribution: String,
) -> Res<String> {
    let f = move |s: &mut Store| {
        let o = options(s, &attribution)?;
        let (compiled, _) = s.redline(&event_id, &from, to.as_deref(), &o)?;
        Ok(write_html(&compiled.document))
    };
    state.with_store(f).await
}

#[tauri::command]
pub async fn restore_version(
    state: State<'_, AppState>,
    event_id: String,
    version: String,
    session_id: Option<String>,
) -> Res<Restored> {
    let f = move |s: &mut Store| {
        Ok(s.restore(&event_id, &version, session_id.as_deref(), &Origin::Local)?)
    };
    state.with_store(f).await
}
