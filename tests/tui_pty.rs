//! The real binary in a pseudo-terminal: what a person sees (bytes fed to a vt100
//! screen), and the terminal given back on quit and on termination signals.

mod pty_support;
mod tui_support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::Signal;
use pty_support::{Tty, demo_db as prepared_db, jalon, nz};

const COLS: u16 = 100;
const ROWS: u16 = 30;
const LEAVE_ALT_SCREEN: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";

/// `PLAN/ACTION` of the most overdue open action, and its days late.
fn most_overdue(db: &Path) -> (String, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT p.code || '/' || a.code, julianday(?1) - julianday(a.due) FROM actions a \
         JOIN plans p ON p.id = a.plan_id \
         WHERE a.status IN ('todo', 'in_progress', 'on_hold') AND a.due < ?1 \
         ORDER BY a.due LIMIT 1",
        [tui_support::TODAY],
        |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as i64)),
    )
    .unwrap()
}

/// FDR-NHA/A11 as `jalon export` writes it: what is in the file, whatever the screen said.
fn exported_a11(db: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_jalon"))
        .args(["--db", db.to_str().unwrap(), "export", "--plan", "FDR-NHA"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc["plans"][0]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "A11")
        .cloned()
        .expect("A11 exported")
}

/// Where the account whose data directory is `data` (`XDG_DATA_HOME`) keeps its
/// draft of the database at `db`.
fn draft_in(data: &Path, db: &Path) -> std::path::PathBuf {
    jalon::tui::drafts::draft_file(&data.join("jalon").join("drafts"), db)
}

/// The first line of the screen holding `text` (empty if none), with the no-break
/// spaces French typography may use read as plain spaces.
fn line_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_default()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// The `k/N` at the end of the footer: how many rows the list shows.
fn row_count(screen: &str) -> usize {
    let footer = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    let last = footer.split_whitespace().last().unwrap();
    last.split('/').nth(1).unwrap().parse().unwrap()
}

fn start(lang: &str, extra_env: &[(&str, &str)], args: &[&str]) -> Tty {
    Tty::on_demo(lang, COLS, ROWS, |cmd| {
        cmd.args(args).envs(extra_env.iter().copied());
    })
}

/// On a database that outlives this program (to see it again after a restart).
fn start_on(db: &Path, home: &Path, lang: &str, extra_env: &[(&str, &str)], args: &[&str]) -> Tty {
    let mut cmd = jalon(db, home, lang);
    cmd.args(args).envs(extra_env.iter().copied());
    Tty::spawn(cmd, COLS, ROWS)
}

fn assert_restored(t: &Tty) {
    assert!(
        t.raw.ends_with(LEAVE_ALT_SCREEN),
        "the last thing written leaves the alternate screen: {:?}",
        String::from_utf8_lossy(&t.raw[t.raw.len().saturating_sub(40)..])
    );
    assert!(
        t.raw.windows(SHOW_CURSOR.len()).any(|w| w == SHOW_CURSOR),
        "the cursor is shown again"
    );
    let s = t.parser.screen();
    assert!(!s.alternate_screen() && !s.hide_cursor());
}

#[test]
fn walk_to_a_plan_see_the_overdue_mark_filter_and_quit() {
    let mut t = start("fr", &[], &[]);
    t.wait_for("quitter");
    let s = t.screen();
    assert!(
        s.contains("Hauts-de-France") && s.contains("fixé par --today"),
        "{s}"
    );
    assert!(s.contains("Total région"), "{s}");
    // The first territory, then its first plan.
    t.send("\r");
    t.wait_for("Tableau de bord ›");
    t.send("\r");
    t.wait_for("Délai");
    let s = t.screen();
    let marked = |l: &str| {
        l.split("⚠ ").skip(1).any(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with(" j")
        })
    };
    let overdue = s.lines().find(|l| marked(l));
    assert!(overdue.is_some(), "an overdue row marked ⚠ n j:\n{s}");
    let all = row_count(&s);
    // Filter as you type, without the accent: fewer rows.
    t.send("/prevention");
    t.wait_for("/ prevention");
    let s = t.screen();
    assert!(row_count(&s) < all, "{s}");
    // Enter and q are keys of their own, as a person types them: read together,
    // an Enter with a letter would be text (a paste the terminal did not mark).
    t.send("\r");
    t.wait_gone("/ prevention");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_restored(&t);
}

#[test]
fn jalon_open_starts_on_the_action_and_speaks_english() {
    let dir = tempfile::tempdir().unwrap();
    let (code, late) = most_overdue(&prepared_db(dir.path()));
    let mut t = start("en", &[], &["open", &code]);
    t.wait_for("quit");
    let s = t.screen();
    let (plan, action) = code.split_once('/').unwrap();
    assert!(s.contains(&format!("{plan} › {action}")), "{s}");
    assert!(s.contains(&format!("⚠ {late} d late")), "{s}");
    // Escape goes back to the plan's list, loaded on the way.
    t.send("\x1b");
    t.wait_for("Time");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_restored(&t);
}

#[test]
fn resizing_redraws_at_the_new_size() {
    let mut t = start("fr", &[], &[]);
    t.wait_for("quitter");
    t.session.get_process_mut().set_window_size(50, 12).unwrap();
    t.parser.set_size(nz(12), nz(50));
    t.wait_for("Fenêtre trop petite");
    t.session
        .get_process_mut()
        .set_window_size(120, 30)
        .unwrap();
    t.parser.set_size(nz(30), nz(120));
    t.wait_for("Total région");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_restored(&t);
}

#[test]
fn no_color_writes_no_colour_at_all() {
    let mut t = start("fr", &[("NO_COLOR", "1")], &[]);
    t.wait_for("quitter");
    t.send("2");
    t.wait_for("Retards");
    assert!(t.screen().contains("⚠ "));
    t.send("q");
    t.wait_exit();
    let out = String::from_utf8_lossy(&t.raw);
    for sgr in ["\x1b[38;", "\x1b[48;", "\x1b[31m"] {
        assert!(!out.contains(sgr), "colour sequence {sgr:?} written");
    }
    assert!(
        out.contains("\x1b[7m"),
        "the selection is still in reverse video"
    );
    // With colour, the same screen does write colours.
    let mut t = start("fr", &[], &[]);
    t.wait_for("quitter");
    t.send("2q");
    t.wait_exit();
    let out = String::from_utf8_lossy(&t.raw);
    assert!(out.contains("\x1b[38;5;"), "overdue marks are coloured");
}

fn killed_by(signal: Signal, code: i32) {
    let mut t = start("fr", &[], &[]);
    t.wait_for("quitter");
    t.session.get_process_mut().signal(signal).unwrap();
    assert_eq!(t.wait_exit(), code);
    assert_restored(&t);
}

#[test]
fn sigterm_gives_the_terminal_back() {
    killed_by(Signal::SIGTERM, 143);
}

#[test]
fn sighup_gives_the_terminal_back() {
    killed_by(Signal::SIGHUP, 129);
}

/// A dropped SSH link or a closed tmux pane: the terminal disappears under the
/// program (SIGHUP, then end of input). The program must end, not spin on a dead
/// terminal. tmux plays the terminal here (`.ci/run` installs it).
#[test]
fn a_vanished_terminal_ends_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let socket = format!("jalon-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null"])
            .args(args)
            .status()
            .expect("tmux is needed for this test (apt-get install tmux)")
    };
    let marker = dir.path().join("pid");
    let cmd = format!(
        "echo $$ > {}; exec {} --db {} --today {}",
        marker.display(),
        env!("CARGO_BIN_EXE_jalon"),
        db.display(),
        tui_support::TODAY
    );
    assert!(
        tmux(&[
            "new-session",
            "-d",
            "-s",
            "gone",
            "-x",
            "80",
            "-y",
            "24",
            &cmd
        ])
        .success()
    );
    let end = Instant::now() + Duration::from_secs(10);
    let pid = loop {
        if let Ok(p) = std::fs::read_to_string(&marker)
            && let Ok(p) = p.trim().parse::<u32>()
        {
            break p;
        }
        assert!(Instant::now() < end, "the program did not start");
        std::thread::sleep(Duration::from_millis(50));
    };
    std::thread::sleep(Duration::from_millis(500));
    let _ = tmux(&["kill-server"]);
    let proc_dir = format!("/proc/{pid}");
    let end = Instant::now() + Duration::from_secs(5);
    while Path::new(&proc_dir).exists() {
        let state = std::fs::read_to_string(format!("{proc_dir}/stat")).unwrap_or_default();
        if state.contains(") Z ") {
            break; // ended, waiting to be reaped
        }
        assert!(
            Instant::now() < end,
            "still running after its terminal vanished: {state}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The pilot's path, end to end: open an action, set it done in a few keys, quit;
/// the next start shows it done.
#[test]
fn a_quick_status_update_is_there_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let mut t = start_on(&db, dir.path(), "fr", &[], &["open", "FDR-NHA"]);
    t.wait_for("quitter");
    // A11 is the overdue row of this plan: select it by filtering, then update.
    // The Enter that closes the filter is a key of its own, as a person types it.
    t.send("/A11");
    t.wait_for("filtre : 1/11");
    t.send("\r");
    t.wait_for("⚠ 27 j");
    t.send("m");
    t.wait_for("Mise à jour");
    // In progress → on hold → done, then Enter saves.
    t.send("\x1b[C");
    t.send("\x1b[C");
    t.wait_for("Réalisée ▸");
    t.send("\r");
    t.wait_for("Enregistré");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_restored(&t);

    let mut again = start_on(&db, dir.path(), "fr", &[], &["open", "FDR-NHA/A11"]);
    again.wait_for("quitter");
    let screen = again.screen();
    assert!(screen.contains("Réalisée"), "{screen}");
    again.send("q");
    again.wait_exit();
}

/// Delegation staff's path, end to end and in French: a new pilot (organisation and
/// person, found from a few letters) from the form, a milestone and a budget line from
/// their boxes, typed as people write them; after a restart, the action's detail shows
/// all three, and the file holds them.
#[test]
fn editing_a_pilot_a_milestone_and_a_budget_line_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    // What A11 holds before: the assertions at the end can only pass if saves happened.
    let before = exported_a11(&db);
    assert_eq!(before["pilot"]["organisation"], "GHT-HC");
    let (milestones, lines) = (
        before["milestones"].as_array().unwrap().len(),
        before["budget"].as_array().unwrap().len(),
    );
    assert!(!before.to_string().contains("Réunion des pilotes"));
    assert!(!before.to_string().contains("Sage-femme tabacologue"));

    let mut t = start_on(&db, dir.path(), "fr", &[], &["open", "FDR-NHA/A11"]);
    t.wait_for("CALENDRIER");
    assert!(
        line_with(&t.screen(), "Pilote").contains("GHT Hainaut-Cambrésis"),
        "{}",
        t.screen()
    );

    // The form: Tab down to the pilot, replace it with a few letters, then its person.
    t.send("e");
    t.wait_for("Modifier l'action — FDR-NHA/A11");
    t.send(&"\t".repeat(7));
    t.wait_for("▶ Pilote");
    t.send("\x15ch maub");
    t.wait_for("→ Centre hospitalier de Maubeuge");
    t.send("\t\x15cadre");
    t.wait_for("→ Cadre Démo CH Maubeuge");
    t.send("\r");
    t.wait_gone("Modifier l'action");
    t.wait_for("Enregistré : FDR-NHA/A11");
    assert!(
        line_with(&t.screen(), "Pilote").contains("Centre hospitalier de Maubeuge"),
        "{}",
        t.screen()
    );

    // A milestone: title, Tab, a French date; Enter saves at once.
    t.send("J");
    t.wait_for("Jalons — FDR-NHA/A11");
    t.send("a");
    t.send("Réunion des pilotes\t31/12/2027");
    t.wait_for("31/12/2027▏");
    t.send("\r");
    t.wait_for("Enregistré : FDR-NHA/A11 · Jalons");
    // Escape alone: sent together with the next key, a terminal reads Alt+key.
    t.send("\x1b");
    t.wait_gone("Jalons — FDR-NHA/A11");

    // A budget line: Tab to its label, then the planned amount typed the French way.
    t.send("L");
    t.wait_for("Budget — FDR-NHA/A11");
    t.send("a");
    t.wait_for("▶ Source");
    t.send("\t\t\tSage-femme tabacologue\t12 500,50");
    t.wait_for("→ 12 500,50 €");
    t.send("\r");
    t.wait_for("Enregistré : FDR-NHA/A11 · Budget");
    t.send("\x1b");
    t.wait_gone("Budget — FDR-NHA/A11");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    assert_restored(&t);

    let mut again = start_on(&db, dir.path(), "fr", &[], &["open", "FDR-NHA/A11"]);
    again.wait_for("CALENDRIER");
    // The whole frame, not only its first lines, before reading it (a busy machine
    // may deliver it in several reads).
    again.wait_for("Cadre Démo CH Maubeuge");
    let first = again.screen();
    assert!(
        line_with(&first, "Pilote").contains("Centre hospitalier de Maubeuge"),
        "{first}"
    );
    assert!(first.contains("Cadre Démo CH Maubeuge"), "{first}");
    assert!(
        line_with(&first, "Réunion des pilotes").contains("31/12/2027"),
        "{first}"
    );
    // The budget is below the first page.
    again.send("\x1b[6~");
    again.wait_for("INDICATEURS");
    let second = again.screen();
    let line = line_with(&second, "Sage-femme tabacologue");
    assert!(line.contains("12 500,50 €"), "{line:?} in:\n{second}");
    again.send("q");
    assert_eq!(again.wait_exit(), 0);

    // And in the file itself: one of each added, to the cent.
    let a11 = exported_a11(&db);
    assert_eq!(
        a11["pilot"],
        serde_json::json!({"organisation": "CH-MAUBEUGE", "person": "demo.chmaubeuge"})
    );
    let added_milestones: Vec<_> = a11["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["title"] == "Réunion des pilotes")
        .collect();
    assert_eq!(a11["milestones"].as_array().unwrap().len(), milestones + 1);
    assert_eq!(added_milestones.len(), 1, "{}", a11["milestones"]);
    assert_eq!(added_milestones[0]["due"], "2027-12-31");
    assert!(added_milestones[0].get("done_on").is_none());
    let added_lines: Vec<_> = a11["budget"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["label"] == "Sage-femme tabacologue")
        .collect();
    assert_eq!(a11["budget"].as_array().unwrap().len(), lines + 1);
    assert_eq!(added_lines.len(), 1, "{}", a11["budget"]);
    assert_eq!(added_lines[0]["planned"], "12500.50");
}

/// Never lose typing: the link drops (SIGHUP) while a note is being typed; the next
/// start offers it back, and Enter saves it.
#[test]
fn a_draft_survives_a_dropped_link_and_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let data = dir.path().join("data");
    let env = [("XDG_DATA_HOME", data.to_str().unwrap())];
    let mut t = start_on(&db, dir.path(), "en", &env, &["open", "FDR-NHA/A11"]);
    t.wait_for("quit");
    t.send("m");
    t.wait_for("Update");
    t.send("\t\t");
    t.send("Premier bilan envoy");
    t.wait_for("envoy");
    t.session.get_process_mut().signal(Signal::SIGHUP).unwrap();
    assert_eq!(t.wait_exit(), 129);
    let draft = draft_in(&data, &db);
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&draft)
            .expect("a draft on disk")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "readable by its owner only");
    }

    let mut again = start_on(&db, dir.path(), "en", &env, &[]);
    again.wait_for("recovered");
    assert!(
        again.screen().contains("Premier bilan envoy"),
        "{}",
        again.screen()
    );
    again.send("é");
    again.wait_for("envoyé");
    again.send("\r");
    again.wait_for("Saved");
    again.send("q");
    again.wait_exit();
    assert!(!Path::new(&draft).exists(), "the draft is gone once saved");
    assert!(
        exported_a11(&db)
            .to_string()
            .contains("Premier bilan envoyé")
    );
}

/// Two people on the same database, in two programs: both open the same action's
/// update; the first saves; the second is shown who changed what, not overwritten.
#[test]
fn two_programs_editing_the_same_action_see_the_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let mut alice = start_on(
        &db,
        dir.path(),
        "en",
        &[("USER", "alice")],
        &["open", "FDR-NHA/A11"],
    );
    let mut bob = start_on(
        &db,
        dir.path(),
        "en",
        &[("USER", "bob")],
        &["open", "FDR-NHA/A11"],
    );
    alice.wait_for("quit");
    bob.wait_for("quit");
    alice.send("m");
    alice.wait_for("Update");
    bob.send("m");
    bob.wait_for("Update");
    // Alice: in progress → on hold, saved.
    alice.send("\x1b[C");
    alice.wait_for("On hold ▸");
    alice.send("\r");
    alice.wait_for("Saved");
    // Bob: in progress → to do, saved after her: refused, and told why.
    bob.send("\x1b[D");
    bob.wait_for("To do ▸");
    bob.send("\r");
    bob.wait_for("Changed by someone else");
    let screen = bob.screen();
    assert!(
        // In the form's words, not the journal's codes.
        screen.contains("alice") && screen.contains("Status: In progress → On hold"),
        "{screen}"
    );
    // Bob drops his value: Alice's stands.
    bob.send("\x1b");
    bob.send("q");
    alice.send("q");
    bob.wait_exit();
    alice.wait_exit();
    assert_eq!(exported_a11(&db)["status"], "on_hold");
}

/// `pid` has ended (or is a zombie waiting to be reaped) within `bound`.
fn ends_within(pid: u32, bound: Duration) -> Result<(), String> {
    let proc_dir = format!("/proc/{pid}");
    let end = Instant::now() + bound;
    while Path::new(&proc_dir).exists() {
        let state = std::fs::read_to_string(format!("{proc_dir}/stat")).unwrap_or_default();
        if state.contains(") Z ") || state.is_empty() {
            return Ok(());
        }
        if Instant::now() >= end {
            return Err(state);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

/// Started as an administrator does through `su`: the program is not in the
/// terminal's session, so no SIGHUP reaches it when the terminal closes (its parent
/// is killed first). It must see the dead terminal itself and end, not spin.
#[test]
fn a_terminal_closed_without_a_hangup_signal_ends_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let marker = dir.path().join("pid");
    // setsid: a session of its own, without the terminal as controlling terminal;
    // `-w` keeps setsid itself waiting, as the parent that is killed first.
    let script = format!(
        "echo $$ > {}; exec {} --lang fr --db {} --today {} open FDR-NHA/A11",
        marker.display(),
        env!("CARGO_BIN_EXE_jalon"),
        db.display(),
        tui_support::TODAY
    );
    let mut cmd = Command::new("setsid");
    cmd.args(["-w", "sh", "-c", &script])
        .env("TERM", "xterm-256color")
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"));
    let mut t = Tty::spawn(cmd, COLS, ROWS);
    t.wait_for("quitter");
    let pid: u32 = std::fs::read_to_string(&marker)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // Something typed, so that a draft is on disk.
    t.send("m");
    t.wait_for("Mise à jour");
    t.send("\t\tbrouillon");
    t.wait_for("brouillon");
    // The parent dies first, then the terminal closes under the program.
    t.session.get_process_mut().kill(Signal::SIGKILL).unwrap();
    let _ = t.session.get_process().wait();
    drop(t);
    let ended = ends_within(pid, Duration::from_secs(10));
    if ended.is_err() {
        // Do not leave it spinning after the test.
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    assert_eq!(ended, Ok(()), "still running after its terminal closed");
    let draft = draft_in(&dir.path().join(".local/share"), &db);
    assert!(
        std::fs::read_to_string(&draft)
            .expect("the draft is kept")
            .contains("brouillon")
    );
}

/// Two accounts on one database type a note on the same action at once, and both
/// links drop: each gets their own typing back, kept in their own data directory,
/// and nothing is left beside the shared database.
#[test]
fn two_people_typing_on_one_action_each_get_their_own_draft_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let people = [("marie", "Relance de Marie"), ("paul", "Bilan de Paul")];
    let envs: Vec<(std::path::PathBuf, String)> = people
        .iter()
        .map(|(who, _)| {
            let data = dir.path().join(format!("data-{who}"));
            let s = data.to_str().unwrap().to_string();
            (data, s)
        })
        .collect();
    let mut ttys: Vec<Tty> = envs
        .iter()
        .map(|(_, d)| {
            start_on(
                &db,
                dir.path(),
                "en",
                &[("XDG_DATA_HOME", d)],
                &["open", "FDR-NHA/A11"],
            )
        })
        .collect();
    for (t, (_, text)) in ttys.iter_mut().zip(people.iter()) {
        t.wait_for("quit");
        t.send("m");
        t.wait_for("Update");
        t.send("\t\t");
        t.send(text);
        t.wait_for(text);
    }
    for t in ttys.iter_mut() {
        t.session.get_process_mut().signal(Signal::SIGHUP).unwrap();
        assert_eq!(t.wait_exit(), 129);
    }
    assert!(!Path::new(&format!("{}.draft.json", db.display())).exists());
    for ((data, d), (_, text)) in envs.iter().zip(people.iter()) {
        let draft = draft_in(data, &db);
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&draft), 0o600, "the draft is its owner's only");
            assert_eq!(mode(draft.parent().unwrap()), 0o700, "so is its folder");
        }
        let mut again = start_on(&db, dir.path(), "en", &[("XDG_DATA_HOME", d)], &[]);
        again.wait_for("recovered");
        let screen = again.screen();
        assert!(screen.contains(text), "{screen}");
        for (_, other) in people.iter().filter(|(_, o)| o != text) {
            assert!(!screen.contains(other), "not the other's typing: {screen}");
        }
        again
            .session
            .get_process_mut()
            .signal(Signal::SIGHUP)
            .unwrap();
        assert_eq!(again.wait_exit(), 129);
    }
}

/// A paste with a line break into the update box's note is text: nothing is saved
/// at the line break, and the rest is not run as commands (`D`, `o` would delete).
#[test]
fn a_paste_is_text_for_the_field_never_commands() {
    let mut t = start("fr", &[], &["open", "FDR-NHA/A11"]);
    t.wait_for("quitter");
    let before = exported_a11(&t.db());
    t.send("m");
    t.wait_for("Mise à jour");
    t.send("\t\t");
    // What a terminal sends for a paste once the program asked for bracketed paste.
    t.send("\x1b[200~Point copil\r\nDo\x1b[201~");
    t.wait_for("Point copil Do");
    assert!(
        t.screen().contains("Mise à jour"),
        "the box is still open:\n{}",
        t.screen()
    );
    t.send("\x1b");
    t.wait_for("Échap encore");
    t.send("\x1b");
    t.wait_gone("Point copil");
    t.send("q");
    t.wait_exit();
    assert!(
        t.raw.windows(8).any(|w| w == b"\x1b[?2004h"),
        "bracketed paste asked for"
    );
    let tail = &t.raw[t.raw.len().saturating_sub(200)..];
    assert!(
        tail.windows(8).any(|w| w == b"\x1b[?2004l"),
        "and given back on the way out"
    );
    assert_eq!(
        exported_a11(&t.db()),
        before,
        "nothing saved, nothing deleted"
    );
}

#[test]
fn keys_rebound_in_the_config_file_work_and_show_in_the_real_program() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepared_db(dir.path());
    let config = dir.path().join("config").join("jalon");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys]\noverdue_only = \"O\"\nquit = \"F10\"\n",
    )
    .unwrap();
    let mut t = start_on(&db, dir.path(), "en", &[], &[]);
    t.wait_for("F10 quit");
    assert!(t.screen().contains("O overdue"), "{}", t.screen());
    // The old keys do nothing any more (`o` would turn what `O` turns on off
    // again; `q` would have ended the program); the new ones do.
    assert!(!t.screen().contains("overdue only"), "{}", t.screen());
    t.send("o");
    t.send("q");
    t.send("O");
    t.wait_for("overdue only");
    t.send("\x1b[21~");
    assert_eq!(t.wait_exit(), 0);
    assert_restored(&t);
}
