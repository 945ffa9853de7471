//! What can go wrong with a database, said with its path and what to do; and how a
//! SQLite error becomes one of these.

use std::path::{Path, PathBuf};

use rusqlite::ffi::ErrorCode;

use super::busy_timeout_ms;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no database at {0}: create it with `jalon init` or load the demo with `jalon demo`")]
    Missing(PathBuf),
    #[error("{0} is not a Jalon database (SQLite says: file is not a database); check the path")]
    NotADatabase(PathBuf),
    #[error("the database {0} is damaged ({1}); restore a backup (`jalon backup` makes one)")]
    Corrupt(PathBuf, String),
    #[error(
        "the database {0} is busy: another program kept it locked for more than {1} ms; try again in a moment"
    )]
    Locked(PathBuf, u128),
    #[error("cannot open {0}: {1}")]
    CannotOpen(PathBuf, String),
    #[error("the database {0} is read-only here, so nothing can be written")]
    ReadOnly(PathBuf),
    #[error(
        "the database {0} was written by a newer Jalon (schema {1}, this program knows {2}); update Jalon"
    )]
    TooNew(PathBuf, usize, usize),
    #[error(
        "the database {0} needs an upgrade of its schema, which a command that only reads does not do: run `jalon init` once (without --read-only)"
    )]
    NeedsMigration(PathBuf),
    #[error("cannot write the backup into {0} ({1}); choose a folder you can write")]
    BackupFolder(PathBuf, String),
    #[error("database error on {0}: {1}")]
    Sqlite(PathBuf, rusqlite::Error),
    #[error(
        "{0} is not a Jalon database: it has tables {1}; check the path (Jalon leaves it untouched)"
    )]
    NotJalon(PathBuf, String),
    #[error(
        "{0} is an empty file, not yet a Jalon database: create it with `jalon init` or load the demo with `jalon demo`"
    )]
    Uninitialised(PathBuf),
    #[error(
        "{0} has schema version {1}, which no Jalon writes: it is not a Jalon database or it was damaged; check the path or restore a backup"
    )]
    BadVersion(PathBuf, i64),
    #[error(
        "{0} is a symbolic link to {1}, which does not exist: give the path of the database itself, or remove the link"
    )]
    DanglingLink(PathBuf, PathBuf),
    #[error("{0} is not a regular file ({1}): give the path of a Jalon database file")]
    NotAFile(PathBuf, &'static str),
    #[error(
        "cannot create `{name}` in {dir} ({why}): open with `--read-only` or ask for write access",
        name = .1, dir = .0.display(), why = .2
    )]
    FolderNotWritable(PathBuf, String, String),
    #[error(
        "{0} holds a text value that is not valid UTF-8 (column {1} of a row this command reads): it was damaged or written by another program; `jalon check` lists such rows"
    )]
    NotUtf8(PathBuf, usize),
    #[error(
        "JALON_BUSY_TIMEOUT_MS={0} is not a number of milliseconds from 0 to 600000: fix or unset it (the default is 5000)"
    )]
    BadBusyTimeout(String),
    /// A write the login's roles do not allow (issue 12, part "access").
    #[error("{} may not make this change: ask a coordinator for a role that allows it (jalon access list)", .0.login)]
    Refused(Box<super::access::Refused>),
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub(crate) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    if let rusqlite::Error::Utf8Error(i, _) = &e {
        return StoreError::NotUtf8(path, *i);
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase(path),
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(path, e.to_string()),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Locked(path, busy_timeout_ms())
        }
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::CannotOpen(path, e.to_string())
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(path),
        _ => StoreError::Sqlite(path, e),
    }
}
