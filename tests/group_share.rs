//! `jalon init --group NAME`: a database file several accounts share, and
//! `jalon check` warning about the modes that would lock a member out.
#![cfg(unix)]

mod cli_support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use cli_support::jalon_at;

/// A group the test may give files to, other than the test's own group when it can
/// (any group for root; else one of the account's other groups).
fn a_group() -> (String, u32) {
    let groups = std::fs::read_to_string("/etc/group").unwrap_or_default();
    let own = std::fs::metadata("/proc/self")
        .map(|m| m.gid())
        .unwrap_or(0);
    let uid = std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .unwrap_or(1);
    let mine = std::process::Command::new("id")
        .arg("-G")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let mine: Vec<u32> = mine
        .split_whitespace()
        .filter_map(|g| g.parse().ok())
        .collect();
    let all: Vec<(String, u32)> = groups
        .lines()
        .filter_map(|l| {
            let mut f = l.split(':');
            let name = f.next()?.to_string();
            let gid = f.nth(1)?.parse().ok()?;
            Some((name, gid))
        })
        .collect();
    all.iter()
        .find(|(_, g)| *g != own && (uid == 0 || mine.contains(g)))
        .or_else(|| all.iter().find(|(_, g)| *g == own))
        .cloned()
        .expect("a group in /etc/group")
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn gid(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().gid()
}

#[test]
fn init_group_shares_the_file_its_companions_and_its_folder() {
    let (name, g) = a_group();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    let db = dir.join("jalon.sqlite3");
    let out = jalon_at(tmp.path(), &db)
        .args(["init", "--group", &name])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("done:"), "{out}");
    assert_eq!(mode(&db), 0o660, "{out}");
    assert_eq!(gid(&db), g);
    assert_eq!(mode(&dir) & 0o2070, 0o2070, "setgid and group rwx: {out}");
    assert_eq!(gid(&dir), g);
    // A write later, with a umask that would lock the group out of new files.
    let script = format!(
        "umask 077; exec \"$0\" {}",
        ["--db", db.to_str().unwrap(), "demo"].join(" ")
    );
    let status = std::process::Command::new("sh")
        .args(["-c", &script, env!("CARGO_BIN_EXE_jalon")])
        .env("HOME", tmp.path())
        .env("XDG_CONFIG_HOME", tmp.path().join("config"))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    // SQLite makes -wal and -shm afresh: they keep the file's mode and the group.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM actions", [], |r| r.get(0))
        .unwrap();
    assert!(n > 0);
    for c in ["-wal", "-shm"] {
        let p = dir.join(format!("jalon.sqlite3{c}"));
        assert_eq!(mode(&p), 0o660, "{}", p.display());
        assert_eq!(gid(&p), g, "{}", p.display());
    }
    assert_eq!(mode(&db), 0o660);
    drop(conn);
    // And check finds nothing that would lock a member out.
    let out = jalon_at(tmp.path(), &db).arg("check").assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!said.contains("chmod") && !said.contains("chgrp"), "{said}");
}

#[test]
fn an_unknown_group_is_refused_and_nothing_is_created() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("shared").join("jalon.sqlite3");
    let out = jalon_at(tmp.path(), &db)
        .args(["init", "--group", "no-such-group-jalon"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("no group no-such-group-jalon"), "{err}");
    assert!(err.contains("groupadd"), "{err}");
    assert!(!db.exists() && !db.parent().unwrap().exists());
}

#[test]
fn without_group_the_database_stays_owner_only_and_check_is_quiet() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("own").join("jalon.sqlite3");
    jalon_at(tmp.path(), &db).arg("init").assert().success();
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    let out = jalon_at(tmp.path(), &db).arg("check").assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!said.contains("chmod"), "{said}");
}

#[test]
fn a_folder_holding_other_files_is_left_alone_and_said_so() {
    let (name, _) = a_group();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("home");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(dir.join("notes.txt"), "private").unwrap();
    let db = dir.join("jalon.sqlite3");
    let out = jalon_at(tmp.path(), &db)
        .args(["init", "--group", &name])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert_eq!(mode(&db), 0o660);
    assert_eq!(mode(&dir), 0o755, "the folder is left as it was");
    assert!(said.contains("holds other files"), "{said}");
    // What is left to do is said, with the command that does it.
    assert!(
        said.contains(&format!("chmod g+s {}", dir.display())),
        "{said}"
    );
}

#[test]
fn check_names_each_mode_that_locks_a_member_out_and_its_fix() {
    let (name, _) = a_group();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    let db = dir.join("jalon.sqlite3");
    jalon_at(tmp.path(), &db)
        .args(["init", "--group", &name])
        .assert()
        .success();
    // Someone's chmod went too far: the file group-readable only, the folder
    // no longer setgid nor group-writable.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o750)).unwrap();
    let out = jalon_at(tmp.path(), &db).arg("check").assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let d = dir.display();
    assert!(
        said.contains(&format!("chmod g+rw {}", db.display())),
        "{said}"
    );
    assert!(said.contains(&format!("chmod g+s {d}")), "{said}");
    assert!(said.contains(&format!("chmod g+rwx {d}")), "{said}");
    // -wal and -shm follow the file's mode: no fix to run on them but the file's.
    assert!(!said.contains("-wal`"), "{said}");
    let shown = said.matches('⚠').count();
    assert!(
        said.contains(&format!("{shown} warning(s)")),
        "the count says them too: {said}"
    );
    // In French too.
    let out = jalon_at(tmp.path(), &db)
        .args(["--lang", "fr", "check"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(said.contains("n'est pas setgid"), "{said}");
}

#[test]
fn check_names_a_companion_left_behind_by_someones_chmod() {
    let (name, _) = a_group();
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("shared").join("jalon.sqlite3");
    jalon_at(tmp.path(), &db)
        .args(["init", "--group", &name])
        .assert()
        .success();
    // Someone has the file open (so its -shm stays), and that -shm lost the group's
    // rights (an empty -wal would have its mode put back by SQLite itself).
    let conn = rusqlite::Connection::open(&db).unwrap();
    let _: i64 = conn
        .query_row("SELECT count(*) FROM plans", [], |r| r.get(0))
        .unwrap();
    let wal = db.with_file_name("jalon.sqlite3-shm");
    std::fs::set_permissions(&wal, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = jalon_at(tmp.path(), &db).arg("check").assert().success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        said.contains(&format!("chmod g+rw {}", wal.display())),
        "{said}"
    );
    assert!(
        !said.contains(&format!("chmod g+rw {}`", db.display())),
        "{said}"
    );
    drop(conn);
}

#[test]
fn a_folder_already_shared_with_the_group_is_said_done() {
    let (name, gid) = a_group();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    // Prepared beforehand (by root, say): the group's, group-writable, setgid,
    // holding other files already.
    std::os::unix::fs::chown(&dir, None, Some(gid)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2770)).unwrap();
    std::fs::write(dir.join("other.sqlite3"), "").unwrap();
    let db = dir.join("jalon.sqlite3");
    let out = jalon_at(tmp.path(), &db)
        .args(["init", "--group", &name, "--lang", "en"])
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(!said.contains("not done"), "{said}");
    assert_eq!(mode(&dir), 0o2770);
}
