//! Keys rebound in the config file's `[keys]` section: what a key does, and what the
//! footer and the help say, follow; what cannot be used is said at start.

mod tui_support;

use std::process::Command;

use jalon::config::Config;
use jalon::i18n::Lang;
use jalon::tui::keybind;
use ratatui::crossterm::event::KeyCode;
use tui_support::App;

/// A plan's list, with the keys a config file gives.
fn on_plan_with(config: &str, lang: Lang) -> App {
    let mut app = App::with_store(
        tui_support::region_store(),
        lang,
        (120, 30),
        Some("FDR-AISNE"),
    );
    let (config, warnings) = Config::parse(config, "config.toml");
    assert!(warnings.is_empty(), "{warnings:?}");
    let (keys, warnings) = keybind::from_config(&config.keys, lang);
    assert!(warnings.is_empty(), "{warnings:?}");
    app.model.keys = keys;
    app
}

fn overdue_only(app: &App) -> bool {
    app.model.top().table().expect("a list").list.overdue_only
}

fn footer(app: &App) -> String {
    app.screen_text()
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_rebound_key_does_the_command_and_the_old_one_no_longer_does() {
    let mut app = on_plan_with("[keys]\noverdue_only = \"O\"\n", Lang::En);
    let all = app.visible_keys().len();
    app.char('o');
    assert!(!overdue_only(&app), "o no longer shows the overdue only");
    app.char('O');
    assert!(overdue_only(&app), "O does");
    assert!(app.visible_keys().len() < all);
    app.char('O');
    assert!(!overdue_only(&app));
    // Kept beside the new key when the list says so.
    let mut app = on_plan_with("[keys]\noverdue_only = [\"O\", \"o\"]\n", Lang::En);
    app.char('o');
    assert!(overdue_only(&app));
}

#[test]
fn the_footer_and_the_help_show_the_new_keys() {
    let mut app = on_plan_with("[keys]\noverdue_only = \"O\"\nquit = \"F10\"\n", Lang::En);
    let line = footer(&app);
    assert!(line.contains("O overdue"), "{line}");
    assert!(line.contains("F10 quit"), "{line}");
    assert!(!line.contains("o overdue"), "{line}");
    app.resize(120, 60).char('?');
    let help = app.screen_text();
    let said = |key: &str, what: &str| {
        help.lines().any(|l| {
            l.split(key)
                .nth(1)
                .is_some_and(|rest| rest.trim_start().starts_with(what))
        })
    };
    assert!(said(" O ", "Overdue only"), "{help}");
    assert!(said(" F10 ", "Quit"), "{help}");
    assert!(!said(" o ", "Overdue only"), "{help}");
    app.key(KeyCode::Esc);
    app.char('q');
    assert!(!app.model.quit, "q no longer quits");
    app.key(KeyCode::F(10));
    assert!(app.model.quit, "F10 does");
}

#[test]
fn mistakes_in_the_keys_are_said_at_start_in_the_chosen_language_and_the_rest_applies() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config").join("jalon");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "lang = \"fr\"\n[keys]\novredue_only = \"O\"\nsort_next = \"o\"\nquit = \"Hyper-q\"\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_jalon"))
        .args(["--db", dir.path().join("j.sqlite3").to_str().unwrap()])
        .args(["--today", tui_support::TODAY, "demo"])
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let file = config.join("config.toml").display().to_string();
    for said in [
        format!("{file} : keys.ovredue_only : commande inconnue"),
        format!("{file} : keys.sort_next : la touche o fait déjà overdue_only : elle lui reste"),
        format!(
            "{file} : keys.sort_next : aucune touche utilisable : ses touches par défaut restent : s"
        ),
        format!("{file} : keys.quit : `Hyper-q` n'est pas un nom de touche"),
    ] {
        assert!(stderr.contains(&said), "{said:?} not in:\n{stderr}");
    }
}

#[test]
fn a_box_says_to_close_it_first_for_the_undo_key_in_use() {
    let notice = |app: &App| app.model.notice.clone().map(|n| n.1).unwrap_or_default();
    // In the quick update, on the status (a field that takes no letters).
    let mut app = on_plan_with("", Lang::En);
    app.char('m').char('u');
    assert!(
        notice(&app).starts_with("Close the box first"),
        "{}",
        notice(&app)
    );
    let mut app = on_plan_with("[keys]\nundo = \"F5\"\n", Lang::En);
    app.char('m').key(KeyCode::F(5));
    assert!(
        notice(&app).starts_with("Close the box first"),
        "{}",
        notice(&app)
    );
}

#[test]
fn the_help_names_the_undo_key_in_use() {
    let mut app = on_plan_with("[keys]\nundo = \"z\"\n", Lang::En);
    app.resize(120, 60).char('?');
    let help = app.screen_text();
    assert!(
        help.contains("Delete the action (asks first; z undoes it)"),
        "{help}"
    );
    let mut app = on_plan_with("[keys]\nundo = \"z\"\n", Lang::Fr);
    app.resize(120, 60).char('?');
    let help = app.screen_text();
    assert!(
        help.contains("Supprimer l'action (confirmation demandée, annulable par z)"),
        "{help}"
    );
}

#[test]
fn the_notices_of_undo_and_redo_name_the_keys_in_use() {
    let mut app = on_plan_with("[keys]\nundo = \"z\"\nredo = \"Z\"\n", Lang::En);
    app.char('m').key(KeyCode::Left).key(KeyCode::Enter);
    app.char('z');
    let said = app.model.notice.clone().map(|n| n.1).unwrap_or_default();
    assert!(said.starts_with("Undone (Z redoes it): "), "{said}");
    app.char('Z');
    let said = app.model.notice.clone().map(|n| n.1).unwrap_or_default();
    assert!(said.starts_with("Redone (z undoes it): "), "{said}");
    // Nothing to paste into: the keys that open a field, as they are now.
    let mut app = on_plan_with("[keys]\nupdate = \"M\"\n", Lang::Fr);
    app.send(jalon::tui::Msg::Paste("texte".into()));
    let said = app.model.notice.clone().map(|n| n.1).unwrap_or_default();
    assert!(said.contains("(M, e, N ouvrent une saisie)"), "{said}");
}
