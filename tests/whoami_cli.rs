//! `jalon whoami`: who Jalon takes you for, and the journal signing with the login
//! — two identities on one account (the login comes from `USER`).

mod cli_support;

use cli_support::{Db, jalon, new_db, stdout};

/// The Aisne example imported: `exemple.agent` (Agent Exemple, ARS-DD02) has the
/// login `exemple`.
fn aisne() -> Db {
    let db = new_db("shared.sqlite3");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/example-aisne.json");
    jalon(&db).args(["import", file]).assert().success();
    db
}

fn as_login(db: &Db, login: &str) -> assert_cmd::Command {
    let mut c = jalon(db);
    c.env("USER", login).env_remove("LOGNAME");
    c
}

#[test]
fn whoami_names_the_person_whose_login_it_is() {
    let db = aisne();
    let said = stdout(as_login(&db, "exemple").arg("whoami"));
    assert!(said.contains("exemple"), "{said}");
    assert!(said.contains("Agent Exemple"), "{said}");
    assert!(said.contains("exemple.agent"), "{said}");
    assert!(said.contains("ARS-DD02"), "{said}");
    let json = stdout(as_login(&db, "exemple").args(["whoami", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["login"], "exemple");
    assert_eq!(v["person"]["code"], "exemple.agent");
    assert_eq!(v["person"]["name"], "Agent Exemple");
    assert_eq!(v["person"]["organisation"]["code"], "ARS-DD02");
}

#[test]
fn whoami_says_when_no_person_has_the_login_and_how_to_set_it() {
    let db = aisne();
    let said = stdout(as_login(&db, "paul").arg("whoami"));
    assert!(said.contains("paul"), "{said}");
    assert!(said.contains("no person"), "{said}");
    assert!(
        said.contains("me = "),
        "the config's way, as My actions: {said}"
    );
    let said = stdout(as_login(&db, "paul").args(["--lang", "fr", "whoami"]));
    assert!(said.contains("aucune personne"), "{said}");
    let json = stdout(as_login(&db, "paul").args(["whoami", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["login"], "paul");
    assert!(v["person"].is_null(), "{v}");
}

#[test]
fn the_journal_signs_with_each_accounts_login() {
    let db = aisne();
    for login in ["exemple", "paul"] {
        as_login(&db, login)
            .args([
                "decision",
                "add",
                "FDR-AISNE/A02",
                "--text",
                &format!("Décision de {login}"),
            ])
            .assert()
            .success();
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        let who: String = conn
            .query_row(
                "SELECT who FROM changes ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(who, login);
        // The journal entry is signed with the login too, when no author is given.
        let author: String = conn
            .query_row(
                "SELECT author FROM notes ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(author, login);
    }
}
