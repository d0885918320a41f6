//! The one error type that crosses to the window: `{code, message}`. The UI switches on `code`
//! (stable, snake_case); `message` is for people. Core errors map onto codes here and nowhere
//! else.

use rapporteur::store::StoreError;
use rapporteur::sync::transport::NetError;
use rapporteur::sync::SyncError;
use serde::Serialize;

/// An error as the window sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppError {
    pub code: &'static str,
    pub message: String,
}

impl AppError {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        AppError {
            code,
            message: message.into(),
        }
    }

    /// Input from the window that does not decode (base64, kind names).
    pub fn bad_input(message: impl Into<String>) -> Self {
        Self::new("bad_input", message)
    }

    /// A failure of the shell itself (a worker that panicked, a lost channel).
    pub fn internal(message: impl std::fmt::Display) -> Self {
        Self::new("internal", message.to_string())
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for AppError {}

impl From<&StoreError> for AppError {
    fn from(e: &StoreError) -> Self {
        let code = match e {
            StoreError::Sql { .. } => "database",
            StoreError::NewerSchema { .. } => "newer_schema",
            StoreError::Io { .. } => "io",
            StoreError::MalformedUpdate { .. } => "malformed_update",
            StoreError::UpdateTooLarge { .. } => "update_too_large",
            StoreError::NoEvent(_) => "no_event",
            StoreError::NoSession(_) => "no_session",
            StoreError::NoOutcome(_) => "no_outcome",
            StoreError::Ambiguous(_) => "ambiguous",
            StoreError::Edit(_) => "invalid_edit",
            StoreError::WrongEvent { .. } => "wrong_event",
            StoreError::Compaction(_) => "compaction",
            StoreError::Stopped => "stopped",
            StoreError::Final { .. } => "final",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::from(&e)
    }
}

impl From<rapporteur::review::Error> for AppError {
    fn from(e: rapporteur::review::Error) -> Self {
        use rapporteur::review::{Error, ReviewError as R};
        let code = match &e {
            Error::Store(s) => return AppError::from(s),
            Error::Review(r) => match r {
                R::NoVersion { .. } => "no_version",
                R::AmbiguousVersion { .. } => "ambiguous_version",
                R::NameTaken { .. } => "name_taken",
                R::BadName(_) => "bad_name",
                R::OtherEvent { .. } => "other_event",
                R::Unavailable { .. } => "version_unavailable",
                R::NotFinal => "not_final",
                R::AlreadyFinal(_) => "already_final",
                R::NoReason => "no_reason",
                R::Series(_) => "series",
            },
        };
        AppError::new(code, e.to_string())
    }
}

impl From<NetError> for AppError {
    fn from(e: NetError) -> Self {
        let code = match &e {
            NetError::CodeMismatch { .. } => "code_mismatch",
            NetError::BadCode(_) => "bad_code",
            NetError::Io { .. } | NetError::Timeout { .. } => "unreachable",
            NetError::BadUrl { .. } | NetError::BadProtocol(_) => "bad_url",
            NetError::Refused { .. } => "refused",
            NetError::Store(s) => return AppError::from(s),
            _ => "network",
        };
        AppError::new(code, e.to_string())
    }
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> Self {
        let code = match &e {
            SyncError::BundleCorrupt { .. } => "bundle_corrupt",
            SyncError::BundleTooLarge { .. } => "bundle_too_large",
            SyncError::Io { .. } => "io",
            SyncError::Store(s) => return AppError::from(s),
            _ => "sync",
        };
        AppError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() {
        let e = AppError::from(StoreError::NoSession("9.9".into()));
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "no_session");
        assert_eq!(v["message"], "no session 9.9");
        assert_eq!(v.as_object().unwrap().len(), 2);
    }

    #[test]
    fn network_and_bundle_errors_get_their_own_codes() {
        let e = AppError::from(NetError::CodeMismatch {
            addr: "10.0.0.2:7420".into(),
        });
        assert_eq!(e.code, "code_mismatch");
        assert!(e
            .message
            .starts_with("10.0.0.2:7420: the join code did not match"));
        assert_eq!(
            AppError::from(NetError::BadCode("x".into())).code,
            "bad_code"
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        let e = AppError::from(NetError::Io {
            addr: "h:1".into(),
            source: refused,
        });
        assert_eq!(e.code, "unreachable");
        let e = AppError::from(SyncError::BundleCorrupt {
            path: "x.rapp".into(),
            reason: "bad hash".into(),
        });
        assert_eq!(e.code, "bundle_corrupt");
        let e = AppError::from(NetError::Store(StoreError::NoEvent("e".into())));
        assert_eq!(e.code, "no_event");
    }
}
