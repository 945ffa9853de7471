//! Who may change what with two real accounts on one database (issue 12, part
//! "access"): run only as root where `useradd` exists (the accounts are created and
//! removed by the test); skipped with a message otherwise. The login is the
//! account's own: no `JALON_LOGIN`.

use std::path::Path;
use std::process::{Command, Output};

/// An account made for the test, removed when dropped.
struct Account(String);

impl Account {
    fn new(name: String) -> Option<Account> {
        let ok = Command::new("useradd")
            .args(["-M", "-s", "/usr/sbin/nologin", &name])
            .status()
            .ok()?
            .success();
        ok.then_some(Account(name))
    }
}

impl Drop for Account {
    fn drop(&mut self) {
        let _ = Command::new("userdel").arg(&self.0).status();
    }
}

fn can_make_accounts() -> bool {
    let root = std::fs::metadata("/proc/self").map(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid() == 0
    });
    let tools = ["useradd", "userdel", "runuser"].iter().all(|t| {
        Command::new("sh")
            .args(["-c", &format!("command -v {t}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    root.unwrap_or(false) && tools
}

/// The binary on `db`, run as `account` (its own login: no `JALON_LOGIN`).
fn as_account(account: &Account, db: &Path, args: &[&str]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("jalon");
    Command::new("runuser")
        .args([
            "-u",
            &account.0,
            "--",
            "env",
            "-u",
            "JALON_LOGIN",
            "-u",
            "JALON_DB",
        ])
        .args(["LANG=C", "XDG_CONFIG_HOME=/nonexistent"])
        .arg(bin)
        .args(["--db", db.to_str().unwrap(), "--today", "2025-03-31"])
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn two_real_accounts_each_held_to_their_roles() {
    if !can_make_accounts() {
        println!("skipped: needs root, useradd, userdel and runuser to make two accounts");
        return;
    }
    let pid = std::process::id();
    let (Some(coord), Some(reader)) = (
        Account::new(format!("jacc{pid}c")),
        Account::new(format!("jacc{pid}r")),
    ) else {
        println!("skipped: useradd refused to make the test's accounts");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.sqlite3");
    // Shared by hand for this test (`jalon init --group` is another part's).
    let demo = Command::new(assert_cmd::cargo::cargo_bin("jalon"))
        .env("LANG", "C")
        .args(["--db", db.to_str().unwrap(), "demo"])
        .output()
        .unwrap();
    assert!(demo.status.success(), "{}", text(&demo));
    Command::new("chmod")
        .args(["0777", dir.path().to_str().unwrap()])
        .status()
        .unwrap();
    Command::new("sh")
        .args(["-c", &format!("chmod 0666 {}*", db.display())])
        .status()
        .unwrap();

    let first = as_account(&reader, &db, &["access", "grant", &coord.0, "coordinator"]);
    assert!(!first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains(&format!(
            "the first grant must make you ({}) a coordinator",
            reader.0
        )),
        "{}",
        text(&first)
    );
    let first = as_account(&coord, &db, &["access", "grant", &coord.0, "coordinator"]);
    assert!(first.status.success(), "{}", text(&first));
    let granted = as_account(&coord, &db, &["access", "grant", &reader.0, "reader"]);
    assert!(granted.status.success(), "{}", text(&granted));

    let meeting = [
        "meeting",
        "add",
        "--territory",
        "AIS",
        "--body",
        "copil",
        "--date",
        "2030-01-02",
        "--title",
        "Copil",
    ];
    let refused = as_account(&reader, &db, &meeting);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains(&format!("{} may not change the plans", reader.0)),
        "{}",
        text(&refused)
    );
    let done = as_account(&coord, &db, &meeting);
    assert!(done.status.success(), "{}", text(&done));
    let list = as_account(&reader, &db, &["access", "list"]);
    assert!(text(&list).contains(&reader.0), "{}", text(&list));
}
