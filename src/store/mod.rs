//! SQLite storage: opening (migrations, WAL, permissions), reads for the reports
//! and the interface, and the change journal. Knows the domain, never the UI.

pub mod access;
pub mod checks;
pub mod children;
pub mod edit;
mod error;
pub mod export;
mod files;
pub mod import;
pub mod journal;
pub mod locate;
mod login;
pub mod meetings;
pub mod presence;
pub mod read;
pub mod refedit;
pub mod reference;
pub mod share;
mod sqlvocab;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

pub(crate) use error::classify;
pub use error::{Result, StoreError};
pub use files::io_reason;
use files::{check_folder_writable, companion, create_private_file, file_kind, readonly_file};
pub use login::{LoginPerson, current_login, person_of_login};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("migrations/001_initial.sql")),
    M::up(include_str!("migrations/002_integral_totals.sql")),
    M::up(include_str!("migrations/003_change_saves.sql")),
    M::up(include_str!("migrations/004_budget_stats.sql")),
    M::up(include_str!("migrations/005_view_indexes.sql")),
    M::up(include_str!("migrations/006_meetings.sql")),
    M::up(include_str!("migrations/008_access.sql")),
    M::up(include_str!("migrations/009_presence.sql")),
    M::up(include_str!("migrations/010_action_plan_status.sql")),
];
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// How long a write waits for another program's write to finish before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The longest busy timeout `JALON_BUSY_TIMEOUT_MS` may ask for: ten minutes.
pub const BUSY_TIMEOUT_MAX_MS: u64 = 600_000;

/// The busy timeout, which `JALON_BUSY_TIMEOUT_MS` may change (tests shorten it; a
/// slow shared server may want it longer), from 0 to [`BUSY_TIMEOUT_MAX_MS`].
fn busy_timeout() -> std::result::Result<Duration, StoreError> {
    match std::env::var("JALON_BUSY_TIMEOUT_MS") {
        Err(std::env::VarError::NotPresent) => Ok(BUSY_TIMEOUT),
        // Set but empty (`JALON_BUSY_TIMEOUT_MS= jalon …`): says nothing, as if unset.
        Ok(v) if v.trim().is_empty() => Ok(BUSY_TIMEOUT),
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(ms) if ms <= BUSY_TIMEOUT_MAX_MS => Ok(Duration::from_millis(ms)),
            _ => Err(StoreError::BadBusyTimeout(crate::text::quote(&v))),
        },
        Err(std::env::VarError::NotUnicode(v)) => Err(StoreError::BadBusyTimeout(
            crate::text::quote(&v.to_string_lossy()),
        )),
    }
}

/// The busy timeout for messages, once `Store::open` has checked the setting.
fn busy_timeout_ms() -> u128 {
    busy_timeout().unwrap_or(BUSY_TIMEOUT).as_millis()
}

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
    /// Opens the database at `path`. Before anything is written (the journal switched
    /// to WAL, the schema created or upgraded), the file is recognised: a Jalon
    /// database of this schema or an older one, or an empty file for `Create`. Any
    /// other SQLite file is refused by name and left exactly as it was.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        let path = path.to_path_buf();
        busy_timeout()?;
        let exists = match std::fs::symlink_metadata(&path) {
            Err(_) => false,
            Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(&path) {
                Ok(_) => true,
                Err(_) => {
                    let target = std::fs::read_link(&path).unwrap_or_default();
                    return Err(StoreError::DanglingLink(path, target));
                }
            },
            Ok(_) => true,
        };
        if !exists && mode != OpenMode::Create {
            return Err(StoreError::Missing(path));
        }
        if exists && let Ok(m) = std::fs::metadata(&path) {
            let ft = m.file_type();
            if !ft.is_file() {
                return Err(StoreError::NotAFile(path, file_kind(&ft)));
            }
            // A file whose modes keep this account out (another's, or a group's
            // this account is not in) says so, rather than SQLite's "unable to open".
            if let Err(e) = std::fs::File::open(&path)
                && e.kind() == std::io::ErrorKind::PermissionDenied
            {
                return Err(StoreError::CannotOpen(path, io_reason(&e)));
            }
        }
        let writes = mode != OpenMode::ReadOnly;
        if writes && exists && !readonly_file(&path) {
            check_folder_writable(&path)?;
        }
        if !exists {
            create_private_file(&path)?;
        }
        // Recognise the file through a read-only connection: nothing, not even the
        // journal mode, changes before the file is known to be Jalon's.
        let read = |immutable: bool| -> Result<(Connection, usize)> {
            let conn = open_read_only(&path, immutable)?;
            conn.busy_timeout(busy_timeout()?)
                .map_err(|e| classify(&path, e))?;
            let version = recognise(&conn, &path)?;
            Ok((conn, version))
        };
        let (probe, version) = match read(false) {
            // A reader in a folder where SQLite cannot create the `-shm` of a WAL
            // database: with no `-shm` and no log, the file holds everything and no
            // writer is at work, so it is read as it stands.
            Err(StoreError::ReadOnly(_) | StoreError::CannotOpen(..))
                if !writes && !companion(&path, "-shm").exists() && {
                    let wal = std::fs::metadata(companion(&path, "-wal"));
                    wal.map(|m| m.len() == 0).unwrap_or(true)
                } =>
            {
                read(true)?
            }
            other => other?,
        };
        let latest = schema_version();
        if version > latest {
            return Err(StoreError::TooNew(path, version, latest));
        }
        if version == 0 && mode != OpenMode::Create {
            return Err(StoreError::Uninitialised(path));
        }
        if version < latest && mode == OpenMode::ReadOnly {
            return Err(StoreError::NeedsMigration(path));
        }
        let conn = if writes {
            drop(probe);
            Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| classify(&path, e))?
        } else {
            probe
        };
        let mut store = Store {
            conn,
            path,
            read_only: !writes,
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

    /// A copy of this database in memory, to try changes on (`import --dry-run`)
    /// without touching the file.
    pub fn copy_in_memory(&self) -> Result<Store> {
        let mut conn = Connection::open_in_memory().map_err(|e| self.err(e))?;
        rusqlite::backup::Backup::new(&self.conn, &mut conn)
            .and_then(|b| b.run_to_completion(1024, Duration::ZERO, None))
            .map_err(|e| self.err(e))?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(|e| self.err(e))?;
        Ok(Store {
            conn,
            path: self.path.clone(),
            read_only: false,
        })
    }

    fn configure(&mut self) -> Result<()> {
        let path = self.path.clone();
        self.conn
            .busy_timeout(busy_timeout()?)
            .map_err(|e| classify(&path, e))?;
        // Reading the schema is the first real access: a file that is not a database
        // is found here.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))
            .map_err(|e| classify(&path, e))?;
        if !self.read_only {
            if readonly_file(&self.path) {
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
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON;")
            .map_err(|e| classify(&path, e))?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        let current = recognise(&self.conn, &path)?;
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

    /// Readies the connection for one large transaction (an import): a larger page
    /// cache (fewer pages spilled to the journal and read back; the default is
    /// 2 MB), and statement journals in memory. Each statement whose triggers keep
    /// the budget sums copies the pages it changes into a statement journal, a
    /// temporary file otherwise: at 100,000 actions, 1.3 million page writes of a
    /// file thrown away at the end (2.6 s of system time).
    pub fn prepare_for_bulk_write(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;")
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
    /// The copy is written under a temporary name in the destination's folder and
    /// renamed only once complete: a failure (a full disk) leaves no file behind,
    /// so that the next try is not blocked.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if let Ok(meta) = std::fs::symlink_metadata(dest) {
            let why = if meta.is_dir() {
                "this is a folder; give the name of a new file inside it"
            } else {
                "the file already exists; choose another name"
            };
            return Err(StoreError::CannotOpen(dest.to_path_buf(), why.into()));
        }
        let name = dest
            .file_name()
            .ok_or_else(|| StoreError::CannotOpen(dest.to_path_buf(), "not a file name".into()))?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(name);
        tmp_name.push(format!(".{}.tmp", std::process::id()));
        let tmp = dest.with_file_name(tmp_name);
        let folder = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        // The temporary file is ours: a failure names the folder the user gave.
        create_private_file(&tmp).map_err(|e| match e {
            StoreError::CannotOpen(_, why) => StoreError::BackupFolder(folder.clone(), why),
            other => other,
        })?;
        let copied = (|| {
            let mut out = Connection::open(&tmp).map_err(|e| classify(dest, e))?;
            rusqlite::backup::Backup::new(&self.conn, &mut out)
                .and_then(|b| b.run_to_completion(256, Duration::from_millis(10), None))
                .map_err(|e| classify(dest, e))?;
            out.close().map_err(|(_, e)| classify(dest, e))?;
            std::fs::File::open(&tmp)
                .and_then(|f| f.sync_all())
                .map_err(|e| StoreError::BackupFolder(folder.clone(), io_reason(&e)))?;
            std::fs::rename(&tmp, dest)
                .map_err(|e| StoreError::BackupFolder(folder.clone(), io_reason(&e)))
        })();
        let _ = std::fs::remove_file(&tmp);
        let mut journal = tmp.as_os_str().to_owned();
        journal.push("-journal");
        let _ = std::fs::remove_file(journal);
        copied
    }
}

pub fn schema_version() -> usize {
    MIGRATION_LIST.len()
}

/// The schema version of a Jalon database (0 for an empty file), or why the file is
/// not one: a `user_version` no Jalon writes, or tables of another program.
fn recognise(conn: &Connection, path: &Path) -> Result<usize> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| classify(path, e))?;
    if version < 0 {
        return Err(StoreError::BadVersion(path.to_path_buf(), version));
    }
    if version == 0 {
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            )
            .map_err(|e| classify(path, e))?;
        let tables = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| classify(path, e))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(|e| classify(path, e))?;
        if !tables.is_empty() {
            return Err(StoreError::NotJalon(
                path.to_path_buf(),
                table_list(&tables),
            ));
        }
    }
    Ok(version as usize)
}

/// A read-only connection; `immutable` tells SQLite that nobody writes the file, so
/// that it needs no `-shm` beside it.
fn open_read_only(path: &Path, immutable: bool) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if !immutable {
        return Connection::open_with_flags(path, flags).map_err(|e| classify(path, e));
    }
    let mut uri = String::from("file:");
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'.' | b'-' | b'_' | b'~' => {
                uri.push(*b as char)
            }
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
        .map_err(|e| classify(path, e))
}

/// At most five table names, quoted safely, then how many more.
fn table_list(tables: &[String]) -> String {
    let mut shown: Vec<String> = tables
        .iter()
        .take(5)
        .map(|t| crate::text::escape(&crate::text::truncate(t, 40)).into_owned())
        .collect();
    if tables.len() > 5 {
        shown.push(format!("… ({} in all)", tables.len()));
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
