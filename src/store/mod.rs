//! SQLite storage: opening (migrations, WAL, permissions), reads for the reports
//! and the interface, and the change journal. Knows the domain, never the UI.

pub mod checks;
pub mod children;
pub mod edit;
pub mod export;
pub mod import;
pub mod journal;
pub mod read;
pub mod refedit;
pub mod reference;
mod sqlvocab;
pub mod tui_read;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, ffi::ErrorCode};
use rusqlite_migration::{M, Migrations};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/001_initial.sql")),
    M::up(include_str!("migrations/002_integral_totals.sql")),
];
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// How long a write waits for another program's write to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The busy timeout, which `JALON_BUSY_TIMEOUT_MS` may change (tests shorten it; a
/// slow shared server may want it longer).
fn busy_timeout() -> Duration {
    std::env::var("JALON_BUSY_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
        .unwrap_or(BUSY_TIMEOUT)
}

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
        "the database {0} needs an upgrade of its schema, which cannot be done read-only; open it once without --read-only"
    )]
    NeedsMigration(PathBuf),
    #[error("database error on {0}: {1}")]
    Sqlite(PathBuf, rusqlite::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file if needed and bring its schema up to date.
    Create,
    /// The file must exist; its schema is brought up to date.
    Existing,
    /// The file must exist; nothing is ever written.
    ReadOnly,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
}

impl Store {
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        let path = path.to_path_buf();
        let exists = path.exists();
        if !exists && mode != OpenMode::Create {
            return Err(StoreError::Missing(path));
        }
        if !exists {
            create_private_file(&path)?;
        }
        let flags = if mode == OpenMode::ReadOnly {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| classify(&path, e))?;
        let mut store = Store {
            conn,
            path,
            read_only: mode == OpenMode::ReadOnly,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// A private database in memory, with the real migrations: for tests and benches.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| classify(&path, e))?;
        let mut store = Store {
            conn,
            path,
            read_only: false,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        let path = self.path.clone();
        self.conn
            .busy_timeout(busy_timeout())
            .map_err(|e| classify(&path, e))?;
        // Reading the schema is the first real access: a file that is not a database
        // is found here.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .map_err(|e| classify(&path, e))?;
        if !self.read_only {
            let readonly_file = std::fs::metadata(&self.path)
                .map(|m| m.permissions().readonly())
                .unwrap_or(false);
            if readonly_file {
                self.read_only = true;
            } else {
                let _: String = self
                    .conn
                    .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                    .map_err(|e| classify(&path, e))?;
                self.conn
                    .execute_batch("PRAGMA synchronous = NORMAL;")
                    .map_err(|e| classify(&path, e))?;
            }
        }
        // Reading through a memory map spares a system call per page: the board and
        // the overdue list read thousands of pages at 100,000 actions.
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(|e| classify(&path, e))?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let current: usize = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(|e| classify(&path, e))? as usize;
        let latest = schema_version();
        if current > latest {
            return Err(StoreError::TooNew(path, current, latest));
        }
        if current == latest {
            return Ok(());
        }
        if self.read_only {
            return Err(StoreError::NeedsMigration(path));
        }
        MIGRATIONS.to_latest(&mut self.conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => classify(&path, err),
            other => StoreError::CannotOpen(path.clone(), other.to_string()),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Maps a SQLite error on this database to a message a person can act on.
    pub fn err(&self, e: rusqlite::Error) -> StoreError {
        classify(&self.path, e)
    }

    /// Reads through a memory map from now on: for a short command that reads much
    /// of the file once (a report, an export), it spares a system call per page.
    /// The interface does not use it, so that its resident memory stays its own.
    pub fn map_for_reading(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA mmap_size = 268435456;")
            .map_err(|e| self.err(e))
    }

    /// Changes each time another connection commits a write: the interface polls it
    /// on a slow tick to reload what is on screen.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM plans) + (SELECT count(*) FROM territories) \
                 + (SELECT count(*) FROM organisations) + (SELECT count(*) FROM themes)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(n == 0)
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`; an empty list means sound.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        for r in rows {
            let r = r.map_err(|e| self.err(e))?;
            if r != "ok" {
                out.push(r);
            }
        }
        let mut stmt = self
            .conn
            .prepare("PRAGMA foreign_key_check")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(format!(
                    "table {} row {} refers to a missing row of {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                    r.get::<_, String>(2)?
                ))
            })
            .map_err(|e| self.err(e))?;
        for r in rows {
            out.push(r.map_err(|e| self.err(e))?);
        }
        Ok(out)
    }

    /// A consistent copy of the database, taken while others may be writing to it.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(StoreError::CannotOpen(
                dest.to_path_buf(),
                "the file already exists; choose another name".into(),
            ));
        }
        create_private_file(dest)?;
        let mut out = Connection::open(dest).map_err(|e| classify(dest, e))?;
        let backup =
            rusqlite::backup::Backup::new(&self.conn, &mut out).map_err(|e| classify(dest, e))?;
        backup
            .run_to_completion(256, Duration::from_millis(10), None)
            .map_err(|e| classify(dest, e))?;
        Ok(())
    }
}

pub fn schema_version() -> usize {
    MIGRATION_LIST.len()
}

/// Creates an empty file readable and writable by its owner only (and its folder,
/// owner-only too, when it is missing): the plans name people.
fn create_private_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        {
            let mut b = std::fs::DirBuilder::new();
            b.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            b.create(dir)
                .map_err(|e| StoreError::CannotOpen(dir.to_path_buf(), e.to_string()))?;
        }
    }
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    o.open(path)
        .map(|_| ())
        .map_err(|e| StoreError::CannotOpen(path.to_path_buf(), e.to_string()))
}

pub(crate) fn classify(path: &Path, e: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase(path),
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(path, e.to_string()),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StoreError::Locked(path, busy_timeout().as_millis())
        }
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::CannotOpen(path, e.to_string())
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly(path),
        _ => StoreError::Sqlite(path, e),
    }
}

/// The login of the person running the program, for the change journal: from the
/// environment, else the account that owns the process (a bare `tmux` or `cron` may
/// have no `USER`).
pub fn current_login() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .or_else(account_name)
        .unwrap_or_else(|| "unknown".to_string())
}

/// The name of the account running this process, from `/etc/passwd`.
#[cfg(unix)]
fn account_name() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    login_of(&passwd, uid)
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// The login of `uid` in a passwd file (`name:x:uid:gid:…`).
fn login_of(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let id: u32 = f.nth(1)?.parse().ok()?;
        (id == uid && !name.is_empty()).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_login_is_found_by_uid_in_the_passwd_file() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\nmarie:x:1001:1001::/home/marie:/bin/sh\n";
        assert_eq!(login_of(passwd, 1001).as_deref(), Some("marie"));
        assert_eq!(login_of(passwd, 0).as_deref(), Some("root"));
        assert_eq!(login_of(passwd, 42), None);
    }

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn migration_count_matches() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
        let n = std::fs::read_dir(dir).unwrap().count();
        assert_eq!(
            n,
            schema_version(),
            "every file in migrations/ must be listed"
        );
    }
}
