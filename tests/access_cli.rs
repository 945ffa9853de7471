//! `jalon access grant|revoke|list` and the roles enforced on every command that
//! writes (issue 12, part "access"), with two or more identities on one account
//! through `JALON_LOGIN`.

mod cli_support;

use cli_support::{Db, demo_db, jalon, stderr_failure, stdout};

/// The binary acting as `login`.
fn as_login(db: &Db, login: &str) -> assert_cmd::Command {
    let mut c = jalon(db);
    c.env("JALON_LOGIN", login);
    c
}

/// A demo database where `alice` is the coordinator.
/// `jalon access grant ARGS…` as `by`, which must succeed.
fn grant(db: &Db, by: &str, args: &[&str]) {
    stdout(as_login(db, by).arg("access").arg("grant").args(args));
}

fn with_coordinator() -> Db {
    let db = demo_db();
    stdout(as_login(&db, "alice").args(["access", "grant", "alice", "coordinator"]));
    db
}

fn meeting_add(territory: &str, date: &str) -> Vec<String> {
    [
        "meeting",
        "add",
        "--territory",
        territory,
        "--body",
        "copil",
        "--date",
        date,
        "--title",
        "Copil",
    ]
    .map(String::from)
    .to_vec()
}

fn decision_add(action: &str) -> Vec<String> {
    ["decision", "add", action, "--text", "Poursuivre"]
        .map(String::from)
        .to_vec()
}

#[test]
fn with_no_role_recorded_everyone_may_write_and_the_list_says_so() {
    let db = demo_db();
    let list = stdout(as_login(&db, "bob").args(["access", "list"]));
    assert!(list.contains("No role recorded"), "{list}");
    stdout(as_login(&db, "bob").args(meeting_add("AIS", "2030-01-02")));
    stdout(as_login(&db, "carol").args(decision_add("FDR-OIS/A01")));
}

#[test]
fn the_first_grant_must_make_its_author_a_coordinator() {
    let db = demo_db();
    let err =
        stderr_failure(as_login(&db, "alice").args(["access", "grant", "bob", "coordinator"]));
    assert!(
        err.contains("the first grant must make you (alice) a coordinator"),
        "{err}"
    );
    let err = stderr_failure(as_login(&db, "alice").args(["access", "grant", "alice", "reader"]));
    assert!(err.contains("coordinator"), "{err}");
    // Nothing was written: still no role.
    let list = stdout(as_login(&db, "alice").args(["access", "list"]));
    assert!(list.contains("No role recorded"), "{list}");
    let said = stdout(as_login(&db, "alice").args(["access", "grant", "alice", "coordinator"]));
    assert!(said.contains("Role coordinator granted to alice"), "{said}");
    let json: serde_json::Value = serde_json::from_str(&stdout(
        as_login(&db, "alice").args(["access", "list", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(json[0]["login"], "alice");
    assert_eq!(json[0]["role"], "coordinator");
    assert_eq!(json[0]["granted_by"], "alice");
    // In French too.
    let err = stderr_failure(as_login(&new_demo(), "alice").args([
        "--lang",
        "fr",
        "access",
        "grant",
        "bob",
        "coordinator",
    ]));
    assert!(err.contains("le premier rôle accordé"), "{err}");
}

fn new_demo() -> Db {
    demo_db()
}

#[test]
fn only_a_coordinator_grants_and_the_last_one_cannot_be_revoked() {
    let db = with_coordinator();
    grant(
        &db,
        "alice",
        &["demo.ais", "delegation", "--territory", "AIS"],
    );
    let err = stderr_failure(as_login(&db, "demo.ais").args([
        "access",
        "grant",
        "demo.ais",
        "coordinator",
    ]));
    assert!(
        err.contains("demo.ais may not grant or revoke roles"),
        "{err}"
    );
    assert!(err.contains("the role coordinator"), "{err}");
    assert!(err.contains("delegation (territory AIS)"), "{err}");
    let err =
        stderr_failure(as_login(&db, "alice").args(["access", "revoke", "alice", "coordinator"]));
    assert!(
        err.contains("revoking the last coordinator is refused"),
        "{err}"
    );
    // Nothing half-written: alice is still the coordinator.
    let list = stdout(as_login(&db, "alice").args(["access", "list"]));
    assert!(
        list.lines()
            .any(|l| l.starts_with("alice") && l.contains("coordinator")),
        "{list}"
    );
    stdout(as_login(&db, "alice").args(["access", "grant", "carol", "coordinator"]));
    stdout(as_login(&db, "carol").args(["access", "revoke", "alice", "coordinator"]));
    let list = stdout(as_login(&db, "carol").args(["access", "list"]));
    assert!(!list.lines().any(|l| l.starts_with("alice")), "{list}");
    let err =
        stderr_failure(as_login(&db, "carol").args(["access", "revoke", "alice", "coordinator"]));
    assert!(err.contains("alice has no such grant"), "{err}");
}

#[test]
fn unknown_codes_are_refused_with_the_known_ones_and_an_unknown_login_is_warned() {
    let db = with_coordinator();
    let err = stderr_failure(as_login(&db, "alice").args([
        "access",
        "grant",
        "bob",
        "delegation",
        "--territory",
        "ZZZ",
    ]));
    assert!(
        err.contains("no territory ZZZ; the territories are: AIS, NHA, NME, OIS, PDC, SOM"),
        "{err}"
    );
    let err = stderr_failure(as_login(&db, "alice").args([
        "access",
        "grant",
        "bob",
        "pilot",
        "--organisation",
        "NOPE",
    ]));
    assert!(
        err.contains("no organisation NOPE; the organisations are: ABEJ, AGENCE-SC,"),
        "{err}"
    );
    let err = stderr_failure(as_login(&db, "alice").args(["access", "grant", "bob", "delegation"]));
    assert!(
        err.contains("the role delegation does not take this scope"),
        "{err}"
    );
    let list = stdout(as_login(&db, "alice").args(["access", "list"]));
    assert!(!list.contains("bob"), "{list}");
    let out = as_login(&db, "alice")
        .args(["access", "grant", "bob", "reader"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("no person in the directory has the login bob"),
        "{err}"
    );
}

#[test]
fn a_pilot_updates_their_own_actions_only_and_nothing_of_the_plans() {
    let db = with_coordinator();
    stdout(as_login(&db, "alice").args(["access", "grant", "demo.ais", "pilot"]));
    // FDR-AIS/A01 is piloted by demo.ais; A13 by demo.cpam02 of CPAM-02.
    stdout(as_login(&db, "demo.ais").args(decision_add("FDR-AIS/A01")));
    let err = stderr_failure(as_login(&db, "demo.ais").args(decision_add("FDR-AIS/A13")));
    assert!(
        err.contains("demo.ais may not update the action FDR-AIS/A13"),
        "{err}"
    );
    assert!(err.contains("delegation for the territory AIS"), "{err}");
    assert!(err.contains("--organisation CPAM-02"), "{err}");
    assert!(err.contains("(demo.ais's roles: pilot)"), "{err}");
    let err = stderr_failure(as_login(&db, "demo.ais").args(meeting_add("AIS", "2030-01-02")));
    assert!(
        err.contains("may not change the plans, actions or budget lines of the territory AIS"),
        "{err}"
    );
    // A pilot for an organisation: every action that organisation pilots.
    grant(
        &db,
        "alice",
        &["demo.ais", "pilot", "--organisation", "CPAM-02"],
    );
    stdout(as_login(&db, "demo.ais").args(decision_add("FDR-AIS/A13")));
}

#[test]
fn a_delegation_writes_its_territory_only_and_a_reader_nothing() {
    let db = with_coordinator();
    grant(&db, "alice", &["dora", "delegation", "--territory", "AIS"]);
    stdout(as_login(&db, "dora").args(meeting_add("AIS", "2030-01-02")));
    stdout(as_login(&db, "dora").args(decision_add("FDR-AIS/A13")));
    let err = stderr_failure(as_login(&db, "dora").args(meeting_add("OIS", "2030-01-02")));
    assert!(
        err.contains("that takes the role coordinator, or delegation for the territory OIS"),
        "{err}"
    );
    let err = stderr_failure(as_login(&db, "dora").args(decision_add("FDR-OIS/A01")));
    assert!(
        err.contains("may not update the action FDR-OIS/A01"),
        "{err}"
    );
    stdout(as_login(&db, "alice").args(["access", "grant", "rita", "reader"]));
    let err = stderr_failure(as_login(&db, "rita").args(decision_add("FDR-AIS/A01")));
    assert!(err.contains("(rita's roles: reader)"), "{err}");
    // Someone with no role at all, once roles exist, may change nothing either.
    let err = stderr_failure(as_login(&db, "zoe").args(meeting_add("AIS", "2030-01-03")));
    assert!(err.contains("(zoe's roles: none)"), "{err}");
}

#[test]
fn imports_and_repairs_take_a_coordinator() {
    let db = with_coordinator();
    let file = db.dir.path().join("export.json");
    let export = stdout(as_login(&db, "alice").args(["export"]));
    std::fs::write(&file, export).unwrap();
    grant(&db, "alice", &["dora", "delegation", "--territory", "AIS"]);
    let err = stderr_failure(as_login(&db, "dora").args(["import", file.to_str().unwrap()]));
    assert!(
        err.contains("dora may not import into the database, load the demo into it or repair it"),
        "{err}"
    );
    let err = stderr_failure(as_login(&db, "dora").args(["demo", "--force"]));
    assert!(err.contains("dora may not import"), "{err}");
    let err = stderr_failure(as_login(&db, "dora").args(["check", "--repair"]));
    assert!(err.contains("dora may not import"), "{err}");
    as_login(&db, "alice")
        .args(["import", file.to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn two_grants_at_once_are_both_written_whole() {
    let db = with_coordinator();
    let raw = |args: &[&str]| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("jalon"));
        c.env_remove("JALON_DB")
            .env("LANG", "C")
            .env("HOME", db.dir.path())
            .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
            .env("JALON_LOGIN", "alice")
            .args(["--db", db.path.to_str().unwrap()])
            .args(args);
        c
    };
    let mut a = raw(&["access", "grant", "bob", "reader"]);
    let mut b = raw(&[
        "access",
        "grant",
        "dora",
        "delegation",
        "--territory",
        "OIS",
    ]);
    let (mut a, mut b) = (a.spawn().unwrap(), b.spawn().unwrap());
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    let json: serde_json::Value = serde_json::from_str(&stdout(
        as_login(&db, "alice").args(["access", "list", "--format", "json"]),
    ))
    .unwrap();
    let logins: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, ["alice", "bob", "dora"]);
    assert_eq!(json[2]["territory"], "OIS");
}

#[test]
fn two_first_grants_at_once_make_exactly_one_coordinator() {
    let db = demo_db();
    let raw = |login: &str| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("jalon"));
        c.env_remove("JALON_DB")
            .env("LANG", "C")
            .env("HOME", db.dir.path())
            .env("XDG_CONFIG_HOME", db.dir.path().join("config"))
            .env("JALON_LOGIN", login)
            .args(["--db", db.path.to_str().unwrap()])
            .args(["access", "grant", login, "coordinator"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    };
    let (mut a, mut b) = (raw("ann").spawn().unwrap(), raw("ben").spawn().unwrap());
    let (a, b) = (a.wait().unwrap().success(), b.wait().unwrap().success());
    assert!(
        a != b,
        "exactly one of the two first grants is taken: {a} {b}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(
        as_login(&db, "ann").args(["access", "list", "--format", "json"]),
    ))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1, "{json}");
}

#[test]
fn in_french_roles_are_named_in_french_with_the_code_to_type() {
    let db = with_coordinator();
    grant(&db, "alice", &["dora", "delegation", "--territory", "AIS"]);
    let list = stdout(as_login(&db, "alice").args(["--lang", "fr", "access", "list"]));
    assert!(list.contains("coordinateur (`coordinator`)"), "{list}");
    assert!(list.contains("délégation (`delegation`)"), "{list}");
    let err = stderr_failure(
        as_login(&db, "dora")
            .args(["--lang", "fr"])
            .args(meeting_add("OIS", "2030-01-02")),
    );
    assert!(
        err.contains(
            "il faut le rôle coordinateur (`coordinator`), ou délégation (`delegation`) pour le territoire OIS"
        ),
        "{err}"
    );
    assert!(
        err.contains("(rôles de dora : délégation (`delegation`, territoire AIS))"),
        "{err}"
    );
    // English reads as it did.
    let list = stdout(as_login(&db, "alice").args(["access", "list"]));
    assert!(list.contains("dora   delegation"), "{list}");
}
