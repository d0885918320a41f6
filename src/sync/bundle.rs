//! Offline exchange files (USB stick, e-mail): an event's documents, each as its full merged
//! state, verified end to end before anything is written.
//!
//! Layout (integers little-endian):
//!
//! ```text
//! "RAPPBNDL" · u16 version (1)
//! u32 header length · header JSON (≤ 1 MiB): format version, event id, exporting device id and
//!     name, created time, per-document state vectors (hex), sizes and SHA-256
//! u32 document count, then per document:
//!     u8 id length · id · u32 update length · update (yrs v1, full state) · SHA-256 of update
//! SHA-256 of everything above
//! ```
//!
//! Reading checks the file size against [`MAX_BUNDLE_BYTES`] before reading it, the whole-file
//! hash before parsing, and every length against what remains and its own cap before anything is
//! allocated; then every document hash, id and update decoding. Only then does import make one
//! `Store::apply_batch` — so a damaged, truncated or oversized bundle changes nothing.
//!
//! Import is idempotent and order-independent (updates are CRDT state; the log is unique on
//! hash). It reports **new changes**: for each document, the sum over clients of how far the
//! store's state vector advanced (Yjs clock ticks: about one per character typed or value
//! set), and 1 for a document whose state changed by deletions alone. A second import of the
//! same bundle reports 0.

use super::protocol::{check_doc_id, decode_state_vector};
use super::SyncError;
use crate::host::Origin;
use crate::store::{DocRef, Store, MAX_UPDATE_BYTES};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::Path;
use yrs::updates::decoder::Decode;
use yrs::StateVector;

pub const MAGIC: &[u8; 8] = b"RAPPBNDL";
pub const FORMAT_VERSION: u16 = 1;
/// The largest bundle file read.
pub const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;
/// The largest JSON header.
pub const MAX_HEADER_BYTES: usize = 1024 * 1024;
/// The largest document in a bundle (what the store accepts in one update).
pub const MAX_BUNDLE_DOC_BYTES: usize = MAX_UPDATE_BYTES;
/// The most documents in one bundle.
pub const MAX_BUNDLE_DOCS: usize = 10_000;

/// The JSON header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleHeader {
    pub format: u16,
    pub event_id: String,
    pub device_id: String,
    pub device_name: String,
    pub created: String,
    pub docs: Vec<BundleDocInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleDocInfo {
    pub id: String,
    /// The document's state vector at export (yrs v1, hex).
    pub state_vector: String,
    pub bytes: usize,
    pub sha256: String,
}

/// A decoded, verified bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub header: BundleHeader,
    /// (document id, full-state update), the event's own document first.
    pub docs: Vec<(String, Vec<u8>)>,
}

/// What an import did (the window receives it as JSON, camelCase).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub event_id: String,
    pub device_id: String,
    pub device_name: String,
    /// See the module docs for how changes are counted.
    pub new_changes: u64,
    pub docs_changed: usize,
    pub docs: usize,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new changes from {} ({}), {} of {} documents changed",
            self.new_changes, self.device_name, self.device_id, self.docs_changed, self.docs
        )
    }
}

/// Builds a bundle of every document of an event, each as its full state.
pub fn export_bundle(store: &mut Store, event_id: &str) -> Result<Bundle, SyncError> {
    let mut docs = Vec::new();
    let mut infos = Vec::new();
    for d in store.docs_of_event(event_id)? {
        let update = store.diff(&d.doc_id, &[0])?;
        infos.push(BundleDocInfo {
            id: d.doc_id.clone(),
            state_vector: hex::encode(store.state_vector(&d.doc_id)?),
            bytes: update.len(),
            sha256: hex::encode(Sha256::digest(&update)),
        });
        docs.push((d.doc_id, update));
    }
    if docs.is_empty() {
        return Err(crate::store::StoreError::NoEvent(event_id.into()).into());
    }
    let header = BundleHeader {
        format: FORMAT_VERSION,
        event_id: event_id.into(),
        device_id: store.device_id().into(),
        device_name: store.device_name()?,
        created: store.host().now().to_rfc3339(),
        docs: infos,
    };
    Ok(Bundle { header, docs })
}

/// The bytes of a bundle.
pub fn encode_bundle(b: &Bundle) -> Vec<u8> {
    let header = serde_json::to_vec(&b.header).expect("a header always serializes");
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&(b.docs.len() as u32).to_le_bytes());
    for (id, update) in &b.docs {
        out.push(id.len() as u8);
        out.extend_from_slice(id.as_bytes());
        out.extend_from_slice(&(update.len() as u32).to_le_bytes());
        out.extend_from_slice(update);
        out.extend_from_slice(&Sha256::digest(update));
    }
    let total = Sha256::digest(&out);
    out.extend_from_slice(&total);
    out
}

/// Writes a bundle atomically: a temporary file beside the target, synced, then renamed.
pub fn write_bundle(path: &Path, b: &Bundle) -> Result<(), SyncError> {
    let io = |source| SyncError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("bundle");
    let tmp = dir.join(format!(".{name}.{}.tmp", crate::doc::new_id()));
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&encode_bundle(b))?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads and verifies a bundle file (nothing is written anywhere).
pub fn read_bundle(path: &Path) -> Result<Bundle, SyncError> {
    let io = |source| SyncError::Io {
        path: path.to_path_buf(),
        source,
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let size = f.metadata().map_err(io)?.len();
    if size > MAX_BUNDLE_BYTES {
        return Err(SyncError::BundleTooLarge {
            path: path.into(),
            size,
            limit: MAX_BUNDLE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    f.take(MAX_BUNDLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    decode_bundle(&bytes, path)
}

/// Decodes and verifies bundle bytes; `path` only names the source in errors.
pub fn decode_bundle(bytes: &[u8], path: &Path) -> Result<Bundle, SyncError> {
    let bad = |reason: String| SyncError::BundleCorrupt {
        path: path.to_path_buf(),
        reason,
    };
    if bytes.len() as u64 > MAX_BUNDLE_BYTES {
        return Err(SyncError::BundleTooLarge {
            path: path.into(),
            size: bytes.len() as u64,
            limit: MAX_BUNDLE_BYTES,
        });
    }
    if bytes.len() < MAGIC.len() + 2 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(bad("it does not start with the bundle signature".into()));
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if version != FORMAT_VERSION {
        return Err(bad(format!(
            "format version {version}; this version of Rapporteur reads version {FORMAT_VERSION}"
        )));
    }
    if bytes.len() < 10 + 32 {
        return Err(bad("the file is truncated".into()));
    }
    let (body, total) = bytes.split_at(bytes.len() - 32);
    if Sha256::digest(body).as_slice() != total {
        return Err(bad(
            "the checksum does not match (the file is damaged or truncated)".into(),
        ));
    }
    let mut r = Reader {
        buf: body,
        pos: 10,
        path,
    };
    let header_len = r.u32()? as usize;
    if header_len > MAX_HEADER_BYTES {
        return Err(bad(format!("a header of {header_len} bytes")));
    }
    let header: BundleHeader = serde_json::from_slice(r.take(header_len)?)
        .map_err(|e| bad(format!("the header is not valid: {e}")))?;
    let count = r.u32()? as usize;
    if count > MAX_BUNDLE_DOCS || count != header.docs.len() {
        return Err(bad(format!(
            "{count} documents, the header lists {}",
            header.docs.len()
        )));
    }
    check_doc_id(&header.event_id).map_err(|e| bad(e.to_string()))?;
    let mut docs: Vec<(String, Vec<u8>)> = Vec::with_capacity(count);
    for info in &header.docs {
        let id_len = r.u8()? as usize;
        let id = std::str::from_utf8(r.take(id_len)?)
            .map_err(|_| bad("a document id is not UTF-8".into()))?
            .to_string();
        check_doc_id(&id).map_err(|e| bad(e.to_string()))?;
        if id != info.id || docs.iter().any(|(d, _)| *d == id) {
            return Err(bad(format!("document {id} is out of place or repeated")));
        }
        let len = r.u32()? as usize;
        if len > MAX_BUNDLE_DOC_BYTES || len != info.bytes {
            return Err(bad(format!("document {id} of {len} bytes")));
        }
        let update = r.take(len)?.to_vec();
        let hash = r.take(32)?;
        if Sha256::digest(&update).as_slice() != hash || hex::encode(hash) != info.sha256 {
            return Err(bad(format!("document {id} does not match its SHA-256")));
        }
        crate::doc::decode::update(&update)
            .map_err(|e| bad(format!("document {id} is not a valid update: {e}")))?;
        let sv = hex::decode(&info.state_vector)
            .map_err(|_| bad(format!("document {id}: state vector is not hex")))?;
        decode_state_vector(&sv).map_err(|e| bad(format!("document {id}: {e}")))?;
        docs.push((id, update));
    }
    if r.pos != body.len() {
        return Err(bad("unexpected bytes after the last document".into()));
    }
    Ok(Bundle { header, docs })
}

/// Reads, verifies and imports a bundle in one transaction.
pub fn import_bundle(store: &mut Store, path: &Path) -> Result<ImportReport, SyncError> {
    let b = read_bundle(path)?;
    import_verified(store, &b)
}

/// Imports an already verified bundle in one `apply_batch`.
pub fn import_verified(store: &mut Store, b: &Bundle) -> Result<ImportReport, SyncError> {
    let event = &b.header.event_id;
    let refs: Vec<DocRef> = b
        .docs
        .iter()
        .map(|(id, _)| DocRef {
            event_id: event.clone(),
            doc_id: id.clone(),
        })
        .collect();
    let mut before = Vec::with_capacity(refs.len());
    for d in &refs {
        before.push(sv_of(store, &d.doc_id)?);
    }
    let updates: Vec<(DocRef, Vec<u8>)> = refs
        .iter()
        .cloned()
        .zip(b.docs.iter().map(|(_, u)| u.clone()))
        .collect();
    let applied = store.apply_batch(&updates, &Origin::Bundle(b.header.device_id.clone()))?;
    let mut new_changes = 0u64;
    for ((d, was), a) in refs.iter().zip(&before).zip(&applied) {
        let now = sv_of(store, &d.doc_id)?;
        let ticks: u64 = now
            .iter()
            .map(|(c, clock)| u64::from(clock.saturating_sub(was.get(c))))
            .sum();
        new_changes += if ticks == 0 && a.changed { 1 } else { ticks };
    }
    Ok(ImportReport {
        event_id: event.clone(),
        device_id: b.header.device_id.clone(),
        device_name: b.header.device_name.clone(),
        new_changes,
        docs_changed: applied.iter().filter(|a| a.changed).count(),
        docs: b.docs.len(),
    })
}

fn sv_of(store: &mut Store, doc: &str) -> Result<StateVector, SyncError> {
    StateVector::decode_v1(&store.state_vector(doc)?)
        .map_err(|e| SyncError::malformed(format!("state vector of {doc}: {e}")))
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    path: &'a Path,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], SyncError> {
        if n > self.buf.len() - self.pos {
            return Err(SyncError::BundleCorrupt {
                path: self.path.to_path_buf(),
                reason: format!("a length of {n} bytes runs past the end of the file"),
            });
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, SyncError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, SyncError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}
