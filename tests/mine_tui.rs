//! *My actions* (`3`, `p`, `Tab`, the question asked once) and the latest note
//! beside each late row: drawn at 80×24 and 160×48 in both languages, and driven
//! through `update` with the test region.

mod tui_support;

use std::path::Path;

use jalon::i18n::Lang;
use jalon::tui::Effect;
use jalon::tui::effects::Runner;
use jalon::tui::model::{Model, Place};
use jalon::tui::place::Who;
use jalon::tui::table::TableKind;
use jalon::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use tui_support::{App, region_store, settings, today};

const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (160, 48);

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, app.render());
}

/// The interface as the user of `login` runs it, remembering `me` in `config`.
fn as_user(
    lang: Lang,
    size: (u16, u16),
    login: &str,
    me: Option<&str>,
    config: Option<&Path>,
) -> App {
    let exports = tempfile::tempdir().unwrap();
    let mut app = App {
        model: Model::new(settings(lang), Theme::default(), size),
        loader: Runner::new(region_store(), today(), 30, login.into(), lang)
            .remembering(me.map(String::from), config.map(Path::to_path_buf))
            .exporting_into(exports.path().to_path_buf()),
        exports,
    };
    app.effects(vec![Effect::Start { target: None }]);
    app
}

/// `agent.exemple` (ARS-DD02) has `exemple` as login.
fn agent(lang: Lang, size: (u16, u16)) -> App {
    as_user(lang, size, "exemple", None, None)
}

fn rows(app: &App) -> Vec<String> {
    let t = app.model.top().table().expect("a list");
    t.visible
        .iter()
        .map(|i| format!("{} {}", t.rows[*i].cells[2].text, t.rows[*i].cells[3].text))
        .collect()
}

#[test]
fn snapshots_of_my_actions() {
    for (lang, l) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        for (size, s) in [(SMALL, "80x24"), (LARGE, "160x48")] {
            let mut app = agent(lang, size);
            app.char('3');
            snap(&format!("mine_{l}_{s}"), &app);
        }
    }
    let mut app = agent(Lang::Fr, SMALL);
    app.char('3').key(KeyCode::Tab);
    snap("mine_organisation_fr_80x24", &app);
    let mut app = as_user(Lang::En, SMALL, "nobody", None, None);
    app.char('3');
    snap("mine_who_are_you_en_80x24", &app);
}

#[test]
fn three_lists_what_the_login_pilots_overdue_first_across_plans() {
    let mut app = agent(Lang::En, SMALL);
    app.char('3');
    assert!(matches!(
        app.model.top().place,
        Place::Mine {
            who: Who::Me,
            org: false
        }
    ));
    assert_eq!(
        rows(&app),
        [
            "FDR-AISNE/A01 Ouverture du guichet",
            "FDR-AISNE/A01 Guichet unique d'installation des professionnels",
            "FDR-AISNE/A01 Bilan à un an",
        ],
        "the overdue milestone (2024-03-01) and action (2024-06-30) first, then by due date"
    );
    // Tab: the organisation's (ARS-DD02 pilots A01, A08; A05 is abandoned).
    app.key(KeyCode::Tab);
    let org = rows(&app);
    assert!(
        org.iter().any(|r| r.starts_with("FDR-AISNE/A08")),
        "{org:?}"
    );
    assert!(
        !org.iter().any(|r| r.starts_with("FDR-AISNE/A05")),
        "{org:?}"
    );
    assert!(app.screen_text().contains("ARS-DD02"));
    app.key(KeyCode::Tab);
    assert_eq!(rows(&app).len(), 3, "Tab again: the person's own");
    // From anywhere: `3` comes back to the same screen, not a second one.
    app.char('1').key(KeyCode::Enter).char('3');
    assert_eq!(app.model.stack.len(), 2);
}

#[test]
fn action_keys_work_on_the_rows() {
    let mut app = agent(Lang::En, SMALL);
    app.char('3').char('m');
    let quick = app.model.quick().expect("m opens the quick update");
    let _ = quick;
    app.key(KeyCode::Esc).char('e');
    assert!(app.model.form().is_some(), "e opens the form");
    app.key(KeyCode::Esc);
    app.key(KeyCode::Enter);
    assert!(matches!(app.model.top().place, Place::Action { id: 1 }));
}

#[test]
fn p_opens_the_pilot_of_the_row_from_a_plan_the_overdue_list_and_a_detail() {
    // Board → Aisne → FDR-AISNE, second row: A02, piloted by Marie Martin.
    let mut app = agent(Lang::En, SMALL);
    app.key(KeyCode::Enter)
        .key(KeyCode::Enter)
        .key(KeyCode::Down)
        .char('p');
    assert!(matches!(
        app.model.top().place,
        Place::Mine {
            who: Who::Person(2),
            org: false
        }
    ));
    assert_eq!(app.model.top().crumb, "m.martin");
    assert!(rows(&app).iter().all(|r| r.starts_with("FDR-AISNE/A02")));
    // A03 has an organisation and no person: the organisation's (CD-02).
    app.key(KeyCode::Esc).key(KeyCode::Down).char('p');
    assert!(matches!(
        app.model.top().place,
        Place::Mine {
            who: Who::Org(4),
            ..
        }
    ));
    // The overdue list, and an action's detail.
    app.char('2').char('p');
    assert!(matches!(app.model.top().place, Place::Mine { .. }));
    app.key(KeyCode::Esc).key(KeyCode::Enter).char('p');
    assert!(matches!(app.model.top().place, Place::Mine { .. }));
    assert!(app.model.top().table().is_some_and(|t| !t.rows.is_empty()));
}

#[test]
fn an_unknown_login_is_asked_once_and_remembered_in_the_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("jalon").join("config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "lang = \"en\"\n\n[keys]\nquit = \"Q\"\n").unwrap();
    let mut app = as_user(Lang::En, SMALL, "nobody", None, Some(&config));
    app.char('3');
    let t = app.model.top().table().unwrap();
    assert_eq!(t.kind, TableKind::MinePick);
    assert!(t.list.editing, "typed letters filter at once");
    app.text("mart");
    assert_eq!(app.model.top().table().unwrap().visible.len(), 1);
    app.key(KeyCode::Enter);
    let written = std::fs::read_to_string(&config).unwrap();
    assert_eq!(
        written,
        "me = \"m.martin\"\nlang = \"en\"\n\n[keys]\nquit = \"Q\"\n"
    );
    let notice = app.model.notice.clone().expect("says where").1;
    assert!(notice.contains(&config.display().to_string()), "{notice}");
    assert_eq!(app.model.top().table().unwrap().kind, TableKind::Mine);
    assert!(rows(&app).iter().all(|r| r.starts_with("FDR-AISNE/A02")));
    // Next time, the remembered person is used without asking.
    let (c, _) = jalon::config::Config::parse(&written, "t");
    let mut again = as_user(Lang::En, SMALL, "nobody", c.me.as_deref(), Some(&config));
    again.char('3');
    assert_eq!(again.model.top().table().unwrap().kind, TableKind::Mine);
    assert!(rows(&again).iter().all(|r| r.starts_with("FDR-AISNE/A02")));
}

#[test]
fn a_config_file_that_cannot_be_written_is_said_in_french() {
    let dir = tempfile::tempdir().unwrap();
    // A file stands where the config folder should be.
    let blocker = dir.path().join("jalon");
    std::fs::write(&blocker, "").unwrap();
    let config = blocker.join("config.toml");
    let mut app = as_user(Lang::Fr, SMALL, "nobody", None, Some(&config));
    app.char('3');
    app.text("mart");
    app.key(KeyCode::Enter);
    let notice = app.model.notice.clone().expect("says why").1;
    assert_eq!(
        notice,
        format!(
            "{} : écriture impossible (un fichier se trouve là où un dossier est attendu) ; retenu pour cette session seulement.",
            config.display()
        )
    );
    // Remembered for the session all the same.
    assert_eq!(app.model.top().table().unwrap().kind, TableKind::Mine);
}

#[test]
fn the_latest_note_says_why_under_the_row_or_in_a_column() {
    // At 80 columns: a second line under the late action.
    let mut app = agent(Lang::En, SMALL);
    app.char('2');
    let text = app.screen_text();
    assert!(
        text.contains("↳ Guichet ouvert deux jours par semaine"),
        "{text}"
    );
    // Wide: a column of its own, and no second line.
    let mut app = agent(Lang::En, LARGE);
    app.char('2');
    let text = app.screen_text();
    assert!(text.contains("Latest note"), "{text}");
    assert!(text.contains("Guichet ouvert deux jours"), "{text}");
    assert!(!text.contains('↳'), "{text}");
    // My actions too, and the selection stays on screen with two lines a row.
    let mut app = agent(Lang::Fr, SMALL);
    app.char('3');
    assert!(app.screen_text().contains("↳ Guichet ouvert"));
    assert_eq!(app.model.page_rows(), 9, "19 lines of rows, two lines each");
}

#[test]
fn a_milestone_does_not_repeat_the_note_its_listed_action_shows() {
    let mut app = agent(Lang::En, LARGE);
    app.char('3');
    let t = app.model.top().table().unwrap();
    let note = |title: &str| {
        let r = t.rows.iter().find(|r| r.cells[3].text == title).unwrap();
        r.cells[7].text.clone()
    };
    assert!(note("Guichet unique d'installation des professionnels").starts_with("Guichet ouvert"));
    assert_eq!(note("Ouverture du guichet"), "");
    assert_eq!(note("Bilan à un an"), "");
}

#[test]
fn a_cursor_move_leaves_the_note_lines_as_they_were() {
    let mut app = agent(Lang::En, SMALL);
    app.char('2');
    let before = app.render();
    app.key(KeyCode::Down);
    let after = app.render();
    let changed: Vec<u16> = (0..SMALL.1)
        .filter(|y| (0..SMALL.0).any(|x| before.buffer()[(x, *y)] != after.buffer()[(x, *y)]))
        .collect();
    // The two rows, and the footer's position: not the note under the first row.
    assert_eq!(changed, vec![4, 6, 23], "{after}");
}

/// `vide` (Paul Vide, URPS-ML) has a login and pilots nothing.
fn nobody_piloted(lang: Lang) -> App {
    let store = region_store();
    store
        .conn()
        .execute(
            "INSERT INTO people (id, code, name, organisation_id, login) \
             VALUES (3, 'p.vide', 'Paul Vide', 5, 'vide')",
            [],
        )
        .unwrap();
    let exports = tempfile::tempdir().unwrap();
    let mut app = App {
        model: Model::new(settings(lang), Theme::default(), SMALL),
        loader: Runner::new(store, today(), 30, "vide".into(), lang)
            .exporting_into(exports.path().to_path_buf()),
        exports,
    };
    app.effects(vec![Effect::Start { target: None }]);
    app.char('3');
    app
}

#[test]
fn with_nothing_piloted_the_column_titles_are_laid_out_as_with_rows() {
    for (lang, l) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
        let empty = nobody_piloted(lang);
        assert!(empty.model.top().table().unwrap().rows.is_empty());
        let mut full = agent(lang, SMALL);
        full.char('3');
        let head = |app: &App| {
            let line = app
                .screen_text()
                .lines()
                .nth(3)
                .unwrap_or_default()
                .to_string();
            let line = line.trim_matches(['"', ' ']).to_string();
            let titles: Vec<String> = line.split_whitespace().map(String::from).collect();
            (line.chars().count(), titles)
        };
        let ((empty_len, empty_titles), (full_len, full_titles)) = (head(&empty), head(&full));
        // The columns the rows show (with no note to put under a row, the note's
        // column may have room), spread over the width as with rows (not packed
        // to the left).
        assert!(
            empty_titles.starts_with(&full_titles),
            "{}",
            empty.screen_text()
        );
        assert!(empty_len + 8 >= full_len, "{}", empty.screen_text());
        snap(&format!("mine_empty_{l}_80x24"), &empty);
    }
}
