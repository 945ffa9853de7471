//! Two real accounts of one group share a database made with `jalon init --group`,
//! and a third account, not of the group, is kept out. Run only as root where
//! `useradd` exists: the test creates the accounts and the group and removes them;
//! elsewhere it says why it did nothing.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

const JALON: &str = env!("CARGO_BIN_EXE_jalon");

fn root_with_useradd() -> bool {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let tools = ["useradd", "userdel", "groupadd", "groupdel", "runuser"]
        .iter()
        .all(|t| {
            Command::new("sh")
                .args(["-c", &format!("command -v {t}")])
                .output()
                .is_ok_and(|o| o.status.success())
        });
    root && tools
}

/// The accounts and the group made for the test, removed when it ends.
struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for u in &self.users {
            let _ = Command::new("userdel").arg(u).output();
        }
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

fn make_accounts() -> Accounts {
    let tag = std::process::id() % 100_000;
    let group = format!("jgrp{tag}");
    let mut made = Accounts {
        group: group.clone(),
        users: Vec::new(),
    };
    let ok = Command::new("groupadd").arg(&group).status().unwrap();
    assert!(ok.success(), "groupadd {group}");
    for (who, in_group) in [("a", true), ("b", true), ("c", false)] {
        let name = format!("jg{tag}{who}");
        let mut c = Command::new("useradd");
        c.args(["-M", "-s", "/bin/sh"]);
        if in_group {
            c.args(["-G", &group]);
        }
        let ok = c.arg(&name).status().unwrap();
        assert!(ok.success(), "useradd {name}");
        made.users.push(name);
    }
    made
}

/// `jalon ARGS` run as `user`, with a umask that would lock a group out of any
/// file it creates.
fn as_user(user: &str, db: &Path, args: &str) -> Output {
    let script = format!(
        "umask 077; cd /; exec {JALON} --lang en --db '{}' {args}",
        db.display()
    );
    Command::new("runuser")
        .args(["-u", user, "--", "sh", "-c", &script])
        .env("HOME", "/nonexistent")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_DATA_HOME")
        .output()
        .unwrap()
}

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn two_accounts_of_a_group_share_the_file_and_a_third_is_kept_out() {
    if !root_with_useradd() {
        eprintln!("skipped: needs root and useradd/runuser to create real accounts");
        return;
    }
    let accounts = make_accounts();
    let (a, b, c) = (&accounts.users[0], &accounts.users[1], &accounts.users[2]);
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = tmp.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    let status = Command::new("chown")
        .args([a.as_str()])
        .arg(&dir)
        .status()
        .unwrap();
    assert!(status.success());
    let db = dir.join("hdf.sqlite3");

    let init = as_user(a, &db, &format!("init --group {}", accounts.group));
    assert!(init.status.success(), "{}", said(&init));
    let demo = as_user(a, &db, "demo");
    assert!(demo.status.success(), "{}", said(&demo));

    // The other member writes, under a umask of 077 too.
    let decision = as_user(b, &db, "decision add FDR-AIS/A02 --text 'Prolonger'");
    assert!(decision.status.success(), "{}", said(&decision));
    // And the first reads what the second wrote, signed with the second's login.
    let export = as_user(a, &db, "export --plan FDR-AIS");
    assert!(export.status.success(), "{}", said(&export));
    assert!(said(&export).contains("Prolonger"));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let who: String = conn
        .query_row(
            "SELECT who FROM changes ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(&who, b);
    drop(conn);
    let check = as_user(b, &db, "check");
    assert!(check.status.success(), "{}", said(&check));
    assert!(!said(&check).contains("chmod"), "{}", said(&check));

    // Someone not of the group cannot make a file for it: refused, nothing made.
    let elsewhere = tmp.path().join("elsewhere.sqlite3");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = as_user(c, &elsewhere, &format!("init --group {}", accounts.group));
    assert!(!out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("not a member"), "{}", said(&out));
    assert!(!elsewhere.exists());

    // Someone not of the group reads nothing.
    let out = as_user(c, &db, "board");
    assert!(!out.status.success(), "{}", said(&out));
    assert!(said(&out).contains("permission denied"), "{}", said(&out));
}
