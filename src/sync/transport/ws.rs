//! WebSockets to a relay, for both wires (y-websocket's socket per document and Hocuspocus's one
//! socket): connecting within a time limit, over TLS for `wss://` (see [`super::tls`]), with
//! frames capped at [`MAX_FRAME_BYTES`]; a reader task per socket that hands every binary frame
//! to the session, labelled; and errors that say what went wrong. A relay that answers the
//! upgrade with HTTP 401 or 403 (y-redis when its `yauth` token does not verify, a proxy that
//! checks tokens) refused us: that is final ([`NetError::Refused`]), not something to retry.

use super::relay::RelayTarget;
use super::{tls, NetError};
use crate::sync::MAX_FRAME_BYTES;
use futures_util::stream::SplitSink;
use futures_util::{SinkExt, StreamExt};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{self, Message as WsMessage};
use tokio_tungstenite::{Connector, MaybeTlsStream, WebSocketStream};

/// How long opening a WebSocket (TCP, TLS, upgrade) may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The sending half of a relay socket.
pub type Sink = SplitSink<WebSocketStream<MaybeTlsStream<TcpStream>>, WsMessage>;
/// What a socket's reader hands over: the socket's label and a frame (`None` when the relay
/// closed the socket).
pub type Incoming = (String, Result<Option<Vec<u8>>, NetError>);

/// Opens a WebSocket to `url` (`shown` in errors: the URL without its query, which may hold a
/// token) and starts its reader, which sends each binary frame to `tx` labelled `label`.
pub async fn open(
    target: &RelayTarget,
    url: &str,
    shown: &str,
    label: &str,
    tx: &mpsc::Sender<Incoming>,
) -> Result<Sink, NetError> {
    let config = WebSocketConfig::default()
        .max_message_size(Some(MAX_FRAME_BYTES))
        .max_frame_size(Some(MAX_FRAME_BYTES));
    // `wss://` uses the target's TLS configuration; `ws://` (no connector) stays plain.
    let connector = target.tls.clone().map(Connector::Rustls);
    let (ws, _) = tokio::time::timeout(
        CONNECT_TIMEOUT,
        tokio_tungstenite::connect_async_tls_with_config(url, Some(config), true, connector),
    )
    .await
    .map_err(|_| NetError::Timeout {
        addr: shown.to_string(),
        what: "connecting",
        secs: CONNECT_TIMEOUT.as_secs(),
    })?
    .map_err(|e| connect_error(target, shown, e))?;
    let (sink, mut stream) = ws.split();
    let (tx, label, shown) = (tx.clone(), label.to_string(), shown.to_string());
    tokio::spawn(async move {
        loop {
            let item = match stream.next().await {
                None | Some(Ok(WsMessage::Close(_))) => Ok(None),
                Some(Ok(WsMessage::Binary(b))) => Ok(Some(b.to_vec())),
                Some(Ok(_)) => continue,
                Some(Err(e)) => Err(ws_error(&shown, e)),
            };
            let stop = !matches!(item, Ok(Some(_)));
            if tx.send((label.clone(), item)).await.is_err() || stop {
                break;
            }
        }
    });
    Ok(sink)
}

/// Sends one binary frame.
pub async fn send(sink: &mut Sink, bytes: Vec<u8>, shown: &str) -> Result<(), NetError> {
    sink.send(WsMessage::Binary(bytes.into()))
        .await
        .map_err(|e| ws_error(shown, e))
}

fn ws_error(shown: &str, e: tungstenite::Error) -> NetError {
    NetError::WebSocket {
        addr: shown.to_string(),
        reason: e.to_string(),
    }
}

/// A failed connection attempt, read: TLS failures and refusals are final, the rest may pass.
fn connect_error(target: &RelayTarget, shown: &str, e: tungstenite::Error) -> NetError {
    if let Some(tls) = tls::handshake_error(&target.host(), &e) {
        return tls;
    }
    if let tungstenite::Error::Http(response) = &e {
        let status = response.status();
        if status.as_u16() == 401 || status.as_u16() == 403 {
            return NetError::Refused {
                addr: shown.to_string(),
                reason: format!(
                    "HTTP {} {} when opening the WebSocket: the relay did not accept the token",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                ),
            };
        }
    }
    ws_error(shown, e)
}
