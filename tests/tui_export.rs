//! `w` and `c` write the copil's workbook and report of what is on screen into the
//! folder the program runs in (here a folder of the test's), never over a file
//! already there, and the footer says the path written.

mod tui_support;

use calamine::{Reader, Xlsx, open_workbook};
use jalon::i18n::Lang;
use jalon::tui::effects::Runner;
use tui_support::{App, region_store, today};

fn app_into(dir: &std::path::Path, lang: Lang) -> App {
    let mut app = App::new(lang, (100, 30));
    let runner = Runner::new(region_store(), today(), 30, "test".into(), lang)
        .exporting_into(dir.to_path_buf());
    app.loader = runner;
    app
}

fn notice(app: &App) -> String {
    app.model.notice.clone().map(|(_, t)| t).unwrap_or_default()
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_board_writes_the_region_s_workbook_and_the_selected_territory_s_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_into(dir.path(), Lang::Fr);
    app.char('w');
    let day = today();
    let book = dir.path().join(format!("jalon-region-{day}.xlsx"));
    assert!(book.exists(), "{:?} {}", files(dir.path()), notice(&app));
    assert!(
        notice(&app).contains(&book.display().to_string()),
        "{}",
        notice(&app)
    );
    let mut wb: Xlsx<_> = open_workbook(&book).unwrap();
    let names = wb.sheet_names();
    assert!(names.iter().any(|n| n.contains("Aisne")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("Oise")), "{names:?}");
    assert!(wb.worksheet_range(&names[0]).is_ok());

    // The first row of the board is the Aisne: its report.
    app.char('c');
    let report = dir.path().join(format!("copil-AISNE-{day}.html"));
    let html =
        std::fs::read_to_string(&report).unwrap_or_else(|_| panic!("{:?}", files(dir.path())));
    assert!(html.contains("Aisne") && html.contains("<html"), "{html}");
    assert!(!html.contains("Feuille de route CNR santé, Oise"));
    assert!(notice(&app).contains("copil-AISNE"), "{}", notice(&app));

    // Again: a new file beside it, the first one kept.
    std::fs::write(&report, "edited by hand").unwrap();
    app.char('c');
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "edited by hand");
    assert!(
        dir.path()
            .join(format!("copil-AISNE-{day}-2.html"))
            .exists()
    );
}

#[test]
fn a_plan_writes_its_own_workbook_and_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_into(dir.path(), Lang::En);
    // Board → Aisne → its first plan.
    app.key(ratatui::crossterm::event::KeyCode::Enter);
    app.key(ratatui::crossterm::event::KeyCode::Enter);
    let plan = app.model.top().crumb.clone();
    app.char('w').char('c');
    let day = today();
    let names = files(dir.path());
    assert_eq!(
        names,
        vec![
            format!("copil-{plan}-{day}.html"),
            format!("jalon-{plan}-{day}.xlsx")
        ],
        "{}",
        notice(&app)
    );
    let wb: Xlsx<_> = open_workbook(dir.path().join(&names[1])).unwrap();
    let sheets = wb.sheet_names();
    assert!(!sheets.iter().any(|n| n.contains("Oise")), "{sheets:?}");
    let html = std::fs::read_to_string(dir.path().join(&names[0])).unwrap();
    assert!(html.contains(&plan));
    assert!(notice(&app).starts_with("Written: "), "{}", notice(&app));
}

#[test]
fn the_lists_without_a_territory_or_plan_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_into(dir.path(), Lang::En);
    // The overdue list has no export keys.
    app.char('2').char('w').char('c');
    assert!(files(dir.path()).is_empty());
}

#[test]
fn an_unwritable_folder_is_said_in_the_footer() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("no-such-folder");
    let mut app = app_into(&gone, Lang::Fr);
    app.char('w');
    assert!(!gone.exists());
    let said = notice(&app);
    assert!(said.contains("no-such-folder"), "{said}");
}
