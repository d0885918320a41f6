//! The Collaborate panel's commands: host the event in the room, join a host, sync through a
//! relay, stop, read the status; export and import bundles at paths the native dialogs chose.
//! Each is one call into the core (`rapporteur::collab`, `rapporteur::sync::bundle`) on the
//! window's own store, so what peers send goes through the same write path and `Host`.

use crate::error::AppError;
use crate::state::AppState;
use rapporteur::collab::status::{HostInfo, LiveStatus};
use rapporteur::collab::Live;
use rapporteur::store::Store;
use rapporteur::sync::transport::address::DEFAULT_PORT;
use rapporteur::sync::transport::discover::{self, Found};
use serde::Serialize;
use std::path::PathBuf;
use tauri::State;

type Res<T> = Result<T, AppError>;

/// Hosts the event on `port` (default 7420; another free one if taken).
#[tauri::command]
pub async fn collab_host(
    state: State<'_, AppState>,
    live: State<'_, Live>,
    event_id: String,
    port: Option<u16>,
) -> Res<HostInfo> {
    let store = state.shared_store();
    Ok(live
        .host(store, event_id, port.unwrap_or(DEFAULT_PORT))
        .await?)
}

/// Joins the host at `address` with its join code; progress shows in the status.
#[tauri::command]
pub async fn collab_join(
    state: State<'_, AppState>,
    live: State<'_, Live>,
    address: String,
    code: String,
) -> Res<()> {
    Ok(live.join(state.shared_store(), &address, &code)?)
}

/// Syncs the event through a relay speaking `protocol` (`y-websocket` when absent); an
/// organisation's CA for a `wss://` relay comes from `RAPPORTEUR_RELAY_CA`, as for the CLI.
#[tauri::command]
pub async fn collab_relay(
    state: State<'_, AppState>,
    live: State<'_, Live>,
    url: String,
    protocol: Option<String>,
    token: Option<String>,
    event_id: String,
) -> Res<()> {
    let ca = std::env::var_os("RAPPORTEUR_RELAY_CA").map(PathBuf::from);
    let store = state.shared_store();
    let protocol = protocol.as_deref().unwrap_or("y-websocket");
    Ok(live.relay(
        store,
        &url,
        protocol,
        token.as_deref(),
        ca.as_deref(),
        event_id,
    )?)
}

#[tauri::command]
pub async fn collab_stop(live: State<'_, Live>) -> Res<()> {
    live.stop();
    Ok(())
}

/// The live status, with the changes each peer has yet to receive counted from the log.
#[tauri::command]
pub async fn collab_status(state: State<'_, AppState>, live: State<'_, Live>) -> Res<LiveStatus> {
    let status = live.status();
    state
        .with_store(move |s| Ok(rapporteur::collab::with_pending(status, s)?))
        .await
}

/// Hosts announced on this network (mDNS), looked for during 1.5 s.
#[tauri::command]
pub async fn collab_discover() -> Res<Vec<Found>> {
    let wait = std::time::Duration::from_millis(1500);
    tauri::async_runtime::spawn_blocking(move || discover::discover(wait))
        .await
        .map_err(AppError::internal)?
        .map_err(AppError::from)
}

/// What an export wrote.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleExported {
    pub path: String,
    pub docs: usize,
}

/// What an import merged (how many changes were new, and from which device), and the
/// sentence the CLI prints for it.
#[derive(Debug, Serialize)]
pub struct BundleImported {
    #[serde(flatten)]
    pub report: rapporteur::sync::ImportReport,
    pub summary: String,
}

#[tauri::command]
pub async fn bundle_export(
    state: State<'_, AppState>,
    event_id: String,
    path: String,
) -> Res<BundleExported> {
    let f = move |s: &mut Store| {
        let bundle = rapporteur::sync::export_bundle(s, &event_id)?;
        rapporteur::sync::write_bundle(&PathBuf::from(&path), &bundle)?;
        Ok(BundleExported {
            path,
            docs: bundle.docs.len(),
        })
    };
    state.with_store(f).await
}

#[tauri::command]
pub async fn bundle_import(state: State<'_, AppState>, path: String) -> Res<BundleImported> {
    let f = move |s: &mut Store| {
        let r = rapporteur::sync::import_bundle(s, &PathBuf::from(&path))?;
        Ok(BundleImported {
            summary: r.to_string(),
            report: r,
        })
    };
    state.with_store(f).await
}
