//! Pasting and keys that arrive in one burst: a paste is text for the field with
//! the focus, never a sequence of commands; where the terminal does not mark pastes,
//! a line break read together with typed characters is text too, never "save".

mod tui_support;

use jalon::i18n::Lang;
use jalon::store::edit;
use jalon::tui::Msg;
use jalon::tui::app::to_msgs;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::App;

fn on_plan(lang: Lang) -> App {
    App::open(lang, (80, 24), "FDR-AISNE")
}

fn a01(app: &App) -> jalon::domain::Action {
    edit::load_action(app.loader_store().conn(), "FDR-AISNE", "A01")
        .unwrap()
        .unwrap()
        .0
}

fn paste(app: &mut App, text: &str) {
    app.send(Msg::Paste(text.to_string()));
}

#[test]
fn a_paste_with_a_line_break_into_the_update_note_is_one_line_of_text() {
    let mut app = on_plan(Lang::Fr);
    let before = a01(&app);
    app.char('m').key(KeyCode::Tab).key(KeyCode::Tab);
    paste(&mut app, "Point copil\r\nDo\x1b[2J\x07");
    let q = app.model.quick().expect("the box stays open");
    assert_eq!(q.note, "Point copil Do[2J");
    assert_eq!(a01(&app), before, "nothing saved, nothing deleted");
    assert!(app.visible_keys().contains(&"A01".to_string()));
}

#[test]
fn a_paste_into_the_journal_note_keeps_its_lines() {
    let mut app = on_plan(Lang::Fr);
    app.char('N').text("Copil :");
    paste(&mut app, " ok\n- calendrier\tvalidé\n- budget");
    assert_eq!(
        app.model.note().unwrap().text(),
        "Copil : ok\n- calendrier validé\n- budget"
    );
}

#[test]
fn a_paste_goes_into_the_focused_field_of_the_form_and_of_a_list_box() {
    let mut app = on_plan(Lang::Fr);
    app.char('e');
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    paste(&mut app, "Guichet\nunique");
    assert_eq!(app.model.form().unwrap().title, "Guichet unique");
    // A field that takes no text (the status) leaves a paste alone, and says so.
    app.key(KeyCode::Tab);
    paste(&mut app, "Réalisée");
    assert_eq!(app.model.form().unwrap().title, "Guichet unique");
    assert!(
        app.model
            .notice
            .clone()
            .unwrap()
            .1
            .contains("Rien n'a été collé")
    );
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(app.model.form().is_none());

    app.char('J').char('a');
    paste(&mut app, "Comité\r\nde pilotage");
    let e = app.model.milestones().unwrap().entry.clone().unwrap();
    assert_eq!(e.title, "Comité de pilotage");
    // The list box's own keys are not run by a paste: still one entry being typed.
    paste(&mut app, "d-q");
    assert!(app.model.milestones().unwrap().entry.is_some());
}

#[test]
fn a_paste_with_no_field_open_does_nothing_and_says_so() {
    let mut app = on_plan(Lang::En);
    let keys = app.visible_keys();
    let before = a01(&app);
    paste(&mut app, "ou\nDo");
    assert_eq!(app.visible_keys(), keys, "no filter, no overdue-only");
    assert!(app.model.overlay.is_none(), "no box opened");
    assert_eq!(a01(&app), before);
    let notice = app.model.notice.clone().expect("the footer says so").1;
    assert!(notice.contains("Nothing was pasted"), "{notice}");
    // The list's filter, once open, takes a paste.
    app.char('/');
    paste(&mut app, "tabag\n");
    assert_eq!(app.visible_keys(), vec!["A02".to_string()]);
}

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn chars(s: &str) -> Vec<Event> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

#[test]
fn an_enter_read_with_typed_characters_is_marked_as_part_of_a_burst() {
    let mut burst = chars("copil");
    burst.push(key(KeyCode::Enter));
    burst.extend(chars("Do"));
    let msgs = to_msgs(burst);
    assert_eq!(msgs.len(), 8);
    assert!(matches!(msgs[5], Msg::BurstKey(k) if k.code == KeyCode::Enter));
    assert!(msgs.iter().filter(|m| matches!(m, Msg::Key(_))).count() == 7);
    // A key of its own stays a key; so does Enter after a move. An Enter that ends or
    // starts what was read with text is part of that text: a paste of `⏎Do` or
    // `copil⏎` saves nothing.
    assert!(matches!(to_msgs(vec![key(KeyCode::Enter)])[0], Msg::Key(_)));
    assert!(matches!(
        to_msgs(vec![key(KeyCode::Down), key(KeyCode::Enter)])[1],
        Msg::Key(_)
    ));
    let mut ends = chars("copil");
    ends.push(key(KeyCode::Enter));
    assert!(matches!(to_msgs(ends)[5], Msg::BurstKey(_)));
    let mut starts = vec![key(KeyCode::Enter)];
    starts.extend(chars("Do"));
    assert!(matches!(to_msgs(starts)[0], Msg::BurstKey(_)));
    let mut tabbed = chars("a");
    tabbed.push(key(KeyCode::Tab));
    tabbed.extend(chars("b"));
    assert!(matches!(to_msgs(tabbed)[1], Msg::Key(_)), "Tab moves on");
    let moved = to_msgs(vec![key(KeyCode::Down), key(KeyCode::Enter)]);
    assert!(matches!(moved[1], Msg::Key(_)));
    assert!(matches!(
        to_msgs(vec![Event::Paste("a\nb".into())])[0],
        Msg::Paste(ref t) if t == "a\nb"
    ));
}

#[test]
fn a_burst_with_a_line_break_in_a_box_does_not_save_nor_run_list_commands() {
    let mut app = on_plan(Lang::Fr);
    let before = a01(&app);
    app.char('m').key(KeyCode::Tab).key(KeyCode::Tab);
    let mut burst = chars("Point copil");
    burst.push(key(KeyCode::Enter));
    burst.extend(chars("Do"));
    for msg in to_msgs(burst) {
        app.send(msg);
    }
    assert_eq!(
        app.model.quick().expect("still open").note,
        "Point copil Do"
    );
    assert_eq!(a01(&app), before, "nothing saved");
    // Enter pressed on its own saves.
    app.key(KeyCode::Enter);
    assert!(app.model.quick().is_none());
    assert_eq!(a01(&app).journal.last().unwrap().text, "Point copil Do");
    // In the journal note, a burst's line break is a line break.
    app.char('N');
    let mut burst = chars("un");
    burst.push(key(KeyCode::Enter));
    burst.extend(chars("deux"));
    for msg in to_msgs(burst) {
        app.send(msg);
    }
    assert_eq!(app.model.note().unwrap().text(), "un\ndeux");
}

#[test]
fn typing_into_a_filled_number_field_replaces_it_as_a_spreadsheet_does() {
    let mut app = on_plan(Lang::Fr);
    app.char('m').key(KeyCode::Tab);
    assert_eq!(app.model.quick().unwrap().progress, "40");
    assert!(
        app.model.selection,
        "the focus arrived on a number: selected"
    );
    app.text("70");
    assert_eq!(app.model.quick().unwrap().progress, "70", "not 4070");
    app.char('5');
    assert_eq!(
        app.model.quick().unwrap().progress,
        "705",
        "then it types on"
    );
    // Back on the field: selected again; End keeps the content and types after it.
    app.key(KeyCode::Tab).key(KeyCode::BackTab);
    app.key(KeyCode::End).char('0');
    assert_eq!(app.model.quick().unwrap().progress, "7050");
    // Backspace on a selection empties the field.
    app.key(KeyCode::Tab)
        .key(KeyCode::BackTab)
        .key(KeyCode::Backspace);
    assert_eq!(app.model.quick().unwrap().progress, "");
    app.key(KeyCode::Esc).key(KeyCode::Esc);

    // The same in the form, and in a budget line's amounts (a list box's entry).
    app.char('e').key(KeyCode::Tab).key(KeyCode::Tab);
    app.text("55");
    assert_eq!(app.model.form().unwrap().progress, "55");
    app.key(KeyCode::Esc).key(KeyCode::Esc);
    app.char('L').key(KeyCode::Enter);
    for _ in 0..4 {
        app.key(KeyCode::Tab);
    }
    app.text("70");
    let e = app.model.budget().unwrap().entry.clone().unwrap();
    assert_eq!(e.texts[3], "70");
    // A paste replaces a selected number too.
    app.key(KeyCode::Tab).key(KeyCode::BackTab);
    paste(&mut app, "1 200");
    let e = app.model.budget().unwrap().entry.clone().unwrap();
    assert_eq!(e.texts[3], "1 200");
    // A text field is not selected: typing adds to it.
    app.key(KeyCode::BackTab).char('!');
    let e = app.model.budget().unwrap().entry.clone().unwrap();
    assert!(e.texts[2].ends_with('!'), "{:?}", e.texts);
}

#[test]
fn ctrl_u_is_documented_in_the_help_and_on_the_key_line_of_a_box() {
    let mut app = on_plan(Lang::Fr);
    let help: String = jalon::tui::help::lines(jalon::tui::keymap::Context::Plan, Lang::Fr, 30)
        .iter()
        .map(|l| l.iter().map(|s| s.text.as_str()).collect::<String>() + "\n")
        .collect();
    let line = help
        .lines()
        .find(|l| l.contains("Ctrl-U"))
        .unwrap_or_default();
    assert!(line.contains("effacer le champ"), "{help}");
    // On a field that takes text (the progress; the status is chosen, not typed).
    app.char('m').key(KeyCode::Tab);
    let screen = app.screen_text();
    let footer = screen.lines().rev().find(|l| !l.trim().is_empty()).unwrap();
    assert!(footer.contains("Ctrl-U effacer le champ"), "{footer}");
    // And it does what it says.
    app.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    assert_eq!(app.model.quick().unwrap().progress, "");
}

/// A paste while a box is open but its focus is on a choice (the update box opens
/// on the status) must not say that no field is open: it says this one takes no text.
#[test]
fn a_paste_on_a_choice_of_an_open_box_says_that_this_field_takes_no_text() {
    for (lang, says, not) in [
        (Lang::Fr, "ne prend pas de texte", "aucun champ ouvert"),
        (Lang::En, "takes no text", "no field is open"),
    ] {
        let mut app = on_plan(lang);
        let before = a01(&app);
        app.char('m');
        paste(&mut app, "Point copil\nDo");
        assert!(app.model.quick().is_some(), "the box stays open");
        assert_eq!(a01(&app), before, "nothing saved");
        let notice = app.model.notice.clone().expect("the footer says so").1;
        assert!(notice.contains(says) && !notice.contains(not), "{notice}");
    }
}

/// A 2 kB paste into a date refused on Enter: the field scrolls to its end and the
/// reason stays visible beside it (it was pushed past the box's edge: Enter seemed
/// to do nothing).
#[test]
fn a_long_paste_refused_on_enter_still_shows_why_beside_the_field() {
    let long: String = "lorem ipsum dolor sit amet ".repeat(80);
    for (lang, size) in [(Lang::Fr, (80, 24)), (Lang::En, (160, 48))] {
        let mut app = App::with_store(tui_support::region_store(), lang, size, Some("FDR-AISNE"));
        let before = a01(&app);
        app.char('e');
        for _ in 0..5 {
            app.key(KeyCode::Tab);
        }
        app.send(Msg::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
        paste(&mut app, &long);
        app.key(KeyCode::Enter);
        assert_eq!(a01(&app), before, "nothing saved");
        let f = app.model.form().expect("the form stays open");
        let why = f
            .error(jalon::tui::form::Id::Due)
            .expect("refused")
            .to_string();
        let screen = app.screen_text();
        let line = screen.lines().find(|l| l.contains("▶")).unwrap_or_default();
        assert!(line.contains(&format!("⚠ {why}")), "{line}\n{screen}");
        assert!(line.contains("amet ▏") || line.contains("amet▏"), "{line}");
    }
}

/// A paragraph pasted into the journal note is read whole: its long lines wrap in
/// the box instead of being cut at its right edge (or shown only by their end).
#[test]
fn a_long_paragraph_pasted_into_the_journal_note_wraps_and_is_read_whole() {
    let mut app = on_plan(Lang::Fr);
    app.char('N');
    let para = format!(
        "DEBUT {} MILIEU {} FIN\nDEUXIEME {} DERNIER",
        "mot ".repeat(20),
        "mot ".repeat(20),
        "mot ".repeat(20)
    );
    paste(&mut app, &para);
    let screen = app.screen_text();
    for word in ["DEBUT", "MILIEU", "FIN", "DEUXIEME", "DERNIER▏"] {
        assert!(screen.contains(word), "{word} hidden:\n{screen}");
    }
    assert!(!screen.contains("mot…"), "a line cut:\n{screen}");
}
