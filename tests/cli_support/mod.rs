//! Shared by the command-line tests: a database in a folder of its own, and the real
//! binary run on it with a fixed day, in a neutral locale and environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const TODAY: &str = "2025-03-31";

/// A database path in a temporary folder that lives as long as it.
pub struct Db {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// The binary on `db`, with `dir` as its home: no user config, no inherited
/// database, locale or busy timeout.
pub fn jalon_at(dir: &Path, db: &Path) -> Command {
    let mut c = Command::cargo_bin("jalon").unwrap();
    c.env_remove("JALON_DB")
        .env_remove("JALON_BUSY_TIMEOUT_MS")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .args(["--db", db.to_str().unwrap(), "--today", TODAY]);
    c
}

pub fn jalon(db: &Db) -> Command {
    jalon_at(db.dir.path(), &db.path)
}

/// A path for a database not yet created.
pub fn new_db(name: &str) -> Db {
    let dir = tempfile::tempdir().unwrap();
    Db {
        path: dir.path().join(name),
        dir,
    }
}

/// The demo loaded into a new database.
pub fn demo_db() -> Db {
    let db = new_db("demo.sqlite3");
    jalon(&db).arg("demo").assert().success();
    db
}

/// Standard output of a command that must succeed.
pub fn stdout(c: &mut Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

/// Standard error of a command that must fail.
pub fn stderr_failure(c: &mut Command) -> String {
    let out = c.assert().failure().get_output().stderr.clone();
    String::from_utf8(out).unwrap()
}
