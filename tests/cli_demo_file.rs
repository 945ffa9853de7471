//! The bundled demo file (`assets/demo/hdf.json`, the one `jalon demo` embeds) is
//! checked by the program's own rules: `jalon import --dry-run` accepts it without
//! a warning and counts what it holds. No second validator in another language.

mod cli_support;

use cli_support::*;

fn demo_file() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/hdf.json")
}

#[test]
fn the_demo_file_passes_a_dry_run_import_with_its_counts() {
    let db = new_db("demo-check.sqlite3");
    let out = jalon(&db)
        .args(["--lang", "en", "import", "--dry-run"])
        .arg(demo_file())
        .assert()
        .success();
    let output = out.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "no warning expected: {stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("Kind"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    let expected: Vec<Vec<&str>> = [
        ("Region", "1"),
        ("Themes", "7"),
        ("Territories", "6"),
        ("Organisations", "93"),
        ("People", "56"),
        ("Envelopes", "1"),
        ("Catalogue", "21"),
        ("Plans", "8"),
        ("Meetings", "1"),
        ("Actions", "75"),
    ]
    .iter()
    .map(|(kind, created)| vec![*kind, *created, "0", "0"])
    .collect();
    assert_eq!(rows, expected, "{stdout}");
    assert!(stdout.ends_with("(dry run: nothing written)\n"), "{stdout}");
    assert!(!db.path.exists(), "a dry run creates no database");
}

/// `jalon demo` loads that file (embedded in the binary): the same counts.
#[test]
fn jalon_demo_loads_the_same_counts() {
    let db = new_db("demo.sqlite3");
    let said = stdout(jalon(&db).args(["--lang", "en", "demo"]));
    assert!(said.contains(": 8 plans, 75 actions "), "{said}");
}
