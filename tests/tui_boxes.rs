//! The boxes' behaviour through `update` alone: a model built in memory, messages
//! in, the effects asked for out. No database and no terminal: what a box does is
//! said by the effects it asks the event loop to run.

use chrono::{FixedOffset, NaiveDate};
use jalon::domain::Action;
use jalon::i18n::{Lang, T};
use jalon::store::edit::{Conflict, Edit, RefStep, Saved, SavedAction, Seen};
use jalon::store::journal::Change;
use jalon::tui::effect::BoxKind;
use jalon::tui::keymap::{self, Context};
use jalon::tui::model::{Body, Place, Screen, WelcomeMode};
use jalon::tui::msg::{SaveFailure, SaveKind};
use jalon::tui::overlay::Overlay;
use jalon::tui::theme::{Role, Theme};
use jalon::tui::{Effect, Model, Msg, Settings, update};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const ACTION_ID: i64 = 7;
const PLAN: &str = "FDR-AISNE";
const LANG: Lang = Lang::En;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).expect("a valid day")
}

fn settings(read_only: bool) -> Settings {
    Settings {
        lang: LANG,
        today: today(),
        today_overridden: true,
        due_soon_days: 30,
        db_label: "~/jalon.sqlite3".into(),
        read_only,
        utc_offset: FixedOffset::east_opt(0).expect("UTC"),
    }
}

/// The board, and above it the detail of action 7 (its data need not be loaded:
/// the keys act on the place).
fn on_action(read_only: bool) -> Model {
    let mut m = Model::new(settings(read_only), Theme::default(), (100, 30));
    m.stack = vec![
        Screen::new(Place::Board, "Board"),
        Screen::new(Place::Action { id: ACTION_ID }, "A01"),
    ];
    m
}

fn action(title: &str) -> Action {
    serde_json::from_value(serde_json::json!({
        "code": "A01",
        "title": title,
        "status": "in_progress",
        "progress": 40,
    }))
    .expect("a valid action")
}

fn seen(version: i64) -> Seen {
    Seen {
        version,
        change_id: version * 10,
    }
}

fn key(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// A key as the keymap writes it, pressed (with Ctrl when the key has it).
fn press(m: &mut Model, k: jalon::tui::key::Key) -> Vec<Effect> {
    let mods = if k.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    update(m, Msg::Key(KeyEvent::new(k.code, mods)))
}

fn typed(m: &mut Model, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| key(m, KeyCode::Char(c)))
        .collect()
}

/// The effects that are not the draft kept on disk.
fn work(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| {
            !matches!(
                e,
                Effect::KeepDraft(_) | Effect::StopEditing | Effect::StillEditing
            )
        })
        .collect()
}

/// The box of `kind` opened on action 7, as the loop answers `Effect::Open`.
fn opened(kind: BoxKind) -> Model {
    let mut m = on_action(false);
    let effects = update(
        &mut m,
        Msg::Opened(
            kind,
            Some((PLAN.into(), action("Open a health centre"), seen(1))),
        ),
    );
    assert!(effects.is_empty(), "opening asks nothing: {effects:?}");
    m
}

/// The update box with `note` typed in its note field (two Tabs from the status).
fn quick_with_note(note: &str) -> Model {
    let mut m = opened(BoxKind::Quick);
    key(&mut m, KeyCode::Tab);
    key(&mut m, KeyCode::Tab);
    typed(&mut m, note);
    m
}

fn conflict(by: &str) -> Conflict {
    Conflict {
        key: format!("{PLAN}/A01"),
        changes: vec![Change {
            id: 1,
            at: "2026-03-02T09:00:00Z".into(),
            who: by.into(),
            origin: "edit".into(),
            entity: "action".into(),
            entity_key: format!("{PLAN}/A01"),
            field: Some("title".into()),
            old: Some("Open a health centre".into()),
            new: Some("Open two health centres".into()),
            save: None,
            who_name: None,
        }],
        current: action("Open two health centres"),
        current_seen: seen(2),
    }
}

fn saved(after: Action, version: i64) -> Saved {
    Saved {
        actions: vec![SavedAction {
            plan: PLAN.into(),
            before: Some(action("Open a health centre")),
            after,
            seen: seen(version),
            deleted: false,
        }],
    }
}

fn notice(m: &Model) -> Option<&str> {
    m.notice.as_ref().map(|(_, text)| text.as_str())
}

#[test]
fn m_on_an_action_asks_to_open_the_update_box() {
    let mut m = on_action(false);
    let effects = key(&mut m, KeyCode::Char('m'));
    assert_eq!(effects, vec![Effect::Open(BoxKind::Quick, ACTION_ID)]);
    assert!(m.overlay.is_none(), "the box opens once the action is read");
    let m = opened(BoxKind::Quick);
    let q = m.quick().expect("the update box");
    assert_eq!((q.plan.as_str(), q.seen), (PLAN, seen(1)));
}

#[test]
fn typing_a_note_then_enter_asks_one_save_with_the_note() {
    let mut m = quick_with_note("Met the mayor");
    let effects = work(key(&mut m, KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::Save {
            edits: vec![Edit {
                plan: PLAN.into(),
                action: action("Open a health centre"),
                seen: Some(seen(1)),
            }],
            note: Some(jalon::tui::effect::NewNote::note("Met the mayor")),
        }]
    );
    let q = m.quick().expect("open until the save comes back");
    assert!(q.saving, "the box waits for its save");
    assert!(
        work(key(&mut m, KeyCode::Enter)).is_empty(),
        "a second Enter while saving asks nothing more"
    );
}

#[test]
fn esc_twice_closes_a_box_with_typing_without_saving() {
    let mut m = quick_with_note("draft");
    assert!(work(key(&mut m, KeyCode::Esc)).is_empty());
    assert!(m.quick().is_some(), "the first Esc asks");
    let effects = key(&mut m, KeyCode::Esc);
    assert!(m.overlay.is_none(), "the second Esc closes");
    assert_eq!(
        effects,
        vec![Effect::KeepDraft(None), Effect::StopEditing],
        "nothing saved; only the draft and the presence row go"
    );
}

#[test]
fn esc_once_closes_a_box_with_nothing_typed() {
    let mut m = opened(BoxKind::Quick);
    assert_eq!(key(&mut m, KeyCode::Esc), vec![Effect::StopEditing]);
    assert!(m.overlay.is_none());
}

#[test]
fn a_key_in_a_box_never_reaches_the_list_commands() {
    let mut m = quick_with_note("q?");
    assert!(!m.quit, "q typed in the note does not quit");
    assert!(m.help.is_none(), "? typed in the note opens no help");
    assert_eq!(m.quick().map(|q| q.note.as_str()), Some("q?"));
    let effects = work(typed(&mut m, "m"));
    assert!(
        effects.is_empty(),
        "m in the box opens nothing: {effects:?}"
    );
    // Closed, the same key is a command again.
    key(&mut m, KeyCode::Esc);
    key(&mut m, KeyCode::Esc);
    key(&mut m, KeyCode::Char('q'));
    assert!(m.quit);
}

#[test]
fn undo_in_a_box_that_has_no_use_for_it_says_to_close_it_first() {
    let mut m = opened(BoxKind::Quick);
    let before = m.overlay.clone();
    let effects = key(&mut m, KeyCode::Char('u'));
    assert!(effects.is_empty());
    assert_eq!(m.overlay, before, "the box is as it was");
    assert_eq!(notice(&m), Some(LANG.t(T::TuiCloseBoxToUndo)));
}

#[test]
fn the_draft_kept_on_disk_is_the_box_itself() {
    let mut m = opened(BoxKind::Quick);
    key(&mut m, KeyCode::Tab);
    key(&mut m, KeyCode::Tab);
    let effects = key(&mut m, KeyCode::Char('x'));
    let [Effect::KeepDraft(Some(bytes))] = effects.as_slice() else {
        panic!("a draft once something is typed: {effects:?}");
    };
    let draft: Overlay = serde_json::from_slice(bytes).expect("the draft reads back");
    assert_eq!(Some(&draft), m.overlay.as_ref());
    let text = String::from_utf8(bytes.clone()).expect("JSON text");
    assert!(text.starts_with(r#"{"box":"update""#), "{text}");
}

#[test]
fn a_save_of_the_update_box_closes_it_and_reloads_the_screen() {
    let mut m = quick_with_note("done");
    key(&mut m, KeyCode::Enter);
    let effects = update(
        &mut m,
        Msg::Saved {
            kind: SaveKind::Save,
            result: Ok(saved(action("Open a health centre"), 2)),
        },
    );
    assert!(m.overlay.is_none());
    assert_eq!(
        work(effects),
        vec![Effect::Load(Place::Action { id: ACTION_ID })]
    );
    assert_eq!(m.undo.len(), 1, "the save is the step u undoes");
    assert!(notice(&m).is_some_and(|n| n.starts_with(LANG.t(T::TuiSaved))));
}

#[test]
fn a_conflict_on_the_update_box_shows_it_and_r_saves_onto_their_version() {
    let mut m = quick_with_note("Met the mayor");
    key(&mut m, KeyCode::Enter);
    let effects = update(
        &mut m,
        Msg::Saved {
            kind: SaveKind::Save,
            result: Err(SaveFailure::Conflict(vec![conflict("Claire")])),
        },
    );
    assert!(work(effects).is_empty());
    let q = m.quick().expect("still open");
    assert!(!q.saving && q.conflicts.is_some(), "shown in the box");
    assert_eq!(q.note, "Met the mayor", "the typing stays");
    let effects = work(key(&mut m, KeyCode::Char('r')));
    let [Effect::Save { edits, note }] = effects.as_slice() else {
        panic!("r saves again: {effects:?}");
    };
    assert_eq!(edits[0].seen, Some(seen(2)), "onto their version");
    assert_eq!(edits[0].action.title, "Open two health centres");
    assert_eq!(
        note.as_ref().map(|n| n.text.as_str()),
        Some("Met the mayor")
    );
}

#[test]
fn a_conflict_on_a_list_box_rebases_it_and_keeps_the_typing() {
    let mut m = opened(BoxKind::Milestones);
    key(&mut m, KeyCode::Char('a'));
    typed(&mut m, "Sign the lease");
    key(&mut m, KeyCode::Tab);
    typed(&mut m, "30/06/2026");
    let effects = work(key(&mut m, KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::Save { .. }]),
        "{effects:?}"
    );
    update(
        &mut m,
        Msg::Saved {
            kind: SaveKind::Save,
            result: Err(SaveFailure::Conflict(vec![conflict("Claire")])),
        },
    );
    let b = m.milestones().expect("still open");
    assert!(!b.saving, "unblocked");
    assert_eq!(b.action.title, "Open two health centres", "their version");
    assert_eq!(b.seen, seen(2));
    let entry = b.entry.as_ref().expect("the entry typed stays");
    assert_eq!(entry.title, "Sign the lease");
    assert!(
        notice(&m).is_some_and(|n| n.contains("Claire")),
        "who is said"
    );
}

#[test]
fn a_list_box_stays_open_after_its_save_and_reloads_when_closed() {
    let mut m = opened(BoxKind::Milestones);
    let after = action("Open a health centre");
    let effects = update(
        &mut m,
        Msg::Saved {
            kind: SaveKind::Save,
            result: Ok(saved(after, 5)),
        },
    );
    assert_eq!(
        work(effects),
        vec![Effect::Load(Place::Action { id: ACTION_ID })]
    );
    assert_eq!(m.milestones().map(|b| b.seen), Some(seen(5)), "refreshed");
    let effects = key(&mut m, KeyCode::Esc);
    assert!(m.overlay.is_none());
    assert_eq!(
        effects,
        vec![
            Effect::Load(Place::Action { id: ACTION_ID }),
            Effect::StopEditing
        ]
    );
}

#[test]
fn a_refused_save_unblocks_the_box_and_says_why_next_to_the_field() {
    let mut m = quick_with_note("x");
    key(&mut m, KeyCode::Enter);
    update(
        &mut m,
        Msg::Saved {
            kind: SaveKind::Save,
            result: Err(SaveFailure::Store("database is locked".into())),
        },
    );
    let q = m.quick().expect("still open");
    assert!(!q.saving, "may be typed in again");
    assert_eq!(
        q.error.as_ref().map(|e| e.1.as_str()),
        Some("database is locked")
    );
    assert_eq!(notice(&m), Some("database is locked"));
    typed(&mut m, "y");
    assert_eq!(m.quick().map(|q| q.note.as_str()), Some("xy"));
}

#[test]
fn a_failed_read_unblocks_the_box_waiting_for_it() {
    let mut m = quick_with_note("x");
    key(&mut m, KeyCode::Enter);
    update(&mut m, Msg::Failed("disk full".into()));
    assert_eq!(m.quick().map(|q| q.saving), Some(false));
    assert_eq!(m.notice, Some((Role::Error, "disk full".into())));
}

#[test]
fn delete_waits_for_its_key_and_any_other_keeps_the_action() {
    let mut m = opened(BoxKind::Delete);
    assert!(m.confirm_delete().is_some());
    assert_eq!(key(&mut m, KeyCode::Char('n')), vec![Effect::StopEditing]);
    assert!(m.overlay.is_none());
    assert_eq!(notice(&m), Some(LANG.t(T::TuiDeleteKept)));
    let mut m = opened(BoxKind::Delete);
    assert_eq!(
        work(key(&mut m, KeyCode::Char('y'))),
        vec![Effect::Delete {
            plan: PLAN.into(),
            code: "A01".into(),
            seen: seen(1),
        }]
    );
}

/// A model at the place of each context, read-only or not.
fn at(ctx: Context, read_only: bool) -> Model {
    let mut m = on_action(read_only);
    let place = match ctx {
        Context::Welcome => Place::Welcome,
        Context::Board => Place::Board,
        Context::Territory => Place::Territory { id: 1 },
        Context::Plan => Place::Plan {
            id: 2,
            territory_id: 1,
        },
        Context::Overdue => Place::Overdue,
        Context::Detail | Context::Help => Place::Action { id: ACTION_ID },
        Context::Catalogue => Place::Catalogue,
        Context::Budget => jalon::tui::place::Place::Budget {
            level: jalon::store::read::BudgetLevel::Territories,
            envelope: None,
            by: Default::default(),
        },
        Context::Mine => Place::Mine {
            who: jalon::tui::place::Who::Me,
            org: false,
        },
        // A plan's list as a calendar.
        Context::Timeline => Place::Plan {
            id: 2,
            territory_id: 1,
        },
    };
    m.stack = vec![Screen::new(place, "here")];
    if ctx == Context::Timeline {
        m.top_mut().timeline.shown = true;
    }
    m
}

const CONTEXTS: [Context; 10] = [
    Context::Welcome,
    Context::Board,
    Context::Territory,
    Context::Plan,
    Context::Overdue,
    Context::Detail,
    Context::Catalogue,
    Context::Budget,
    Context::Mine,
    Context::Timeline,
];

fn welcome_message(m: &Model) -> Option<&str> {
    match &m.top().body {
        Body::Welcome(w) => w.message.as_ref().map(|(_, t)| t.as_str()),
        _ => None,
    }
}

#[test]
fn read_only_refuses_every_writing_command_with_one_message() {
    let mut refused = 0;
    for ctx in CONTEXTS {
        for &c in keymap::commands(ctx) {
            let Some(k) = keymap::keys(c).first() else {
                continue;
            };
            let mut m = at(ctx, true);
            let effects = press(&mut m, *k);
            let said = notice(&m) == Some(LANG.t(T::TuiReadOnlyEdit))
                || welcome_message(&m) == Some(LANG.t(T::TuiReadOnlyRefused));
            if c.writes() {
                refused += 1;
                assert!(said, "{ctx:?} {c:?}: refused and said so");
                assert!(effects.is_empty(), "{ctx:?} {c:?}: asks nothing");
                assert!(m.overlay.is_none(), "{ctx:?} {c:?}: opens nothing");
                let w = matches!(&m.top().body, Body::Welcome(w) if w.mode != WelcomeMode::Menu);
                assert!(!w, "{ctx:?} {c:?}: no prompt opened");
            } else {
                assert!(!said, "{ctx:?} {c:?} reads: not refused");
                // A command said not to write asks nothing that writes or opens a
                // box to write in (the directory box refuses its own writing keys).
                // (A workbook or report written to a file reads the database only.)
                let reads = |e: &Effect| {
                    matches!(
                        e,
                        Effect::Load(_)
                            | Effect::LoadDirectory
                            | Effect::Start { .. }
                            | Effect::Export { .. }
                    )
                };
                assert!(effects.iter().all(reads), "{ctx:?} {c:?}: {effects:?}");
                assert!(
                    m.overlay.is_none() || m.directory_box().is_some(),
                    "{ctx:?} {c:?} opened a box"
                );
            }
        }
    }
    assert!(refused >= 10, "the writing commands were tried: {refused}");
    // Ctrl-R (redo) is read before the lists' keys: refused too.
    let mut m = at(Context::Detail, true);
    let effects = update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    );
    assert!(effects.is_empty());
    assert_eq!(notice(&m), Some(LANG.t(T::TuiReadOnlyEdit)));
}

#[test]
fn writing_commands_are_not_refused_when_the_database_is_writable() {
    for ctx in CONTEXTS {
        for &c in keymap::commands(ctx).iter().filter(|c| c.writes()) {
            let Some(k) = keymap::keys(c).first() else {
                continue;
            };
            let mut m = at(ctx, false);
            press(&mut m, *k);
            assert_ne!(
                notice(&m),
                Some(LANG.t(T::TuiReadOnlyEdit)),
                "{ctx:?} {c:?}"
            );
            assert_ne!(
                welcome_message(&m),
                Some(LANG.t(T::TuiReadOnlyRefused)),
                "{ctx:?} {c:?}"
            );
        }
    }
}

#[test]
fn the_directory_box_opens_read_only_but_refuses_its_writing_keys() {
    let mut m = at(Context::Board, true);
    let k = keymap::keys(keymap::Command::Directory)[0];
    press(&mut m, k);
    assert!(m.directory_box().is_some(), "its contacts are readable");
    assert!(key(&mut m, KeyCode::Char('a')).is_empty());
    assert_eq!(notice(&m), Some(LANG.t(T::TuiReadOnlyEdit)));
    assert!(
        m.directory_box().is_some_and(|d| d.entry.is_none()),
        "no entry opened"
    );
}

#[test]
fn a_key_redraws_and_the_idle_tick_does_not() {
    let mut m = opened(BoxKind::Quick);
    m.dirty = false;
    assert_eq!(
        update(&mut m, Msg::Tick),
        vec![Effect::CheckVersion, Effect::StillEditing]
    );
    update(&mut m, Msg::Version(3));
    assert!(!m.dirty, "asking for changes draws nothing");
    key(&mut m, KeyCode::Tab);
    assert!(m.dirty, "a key in a box redraws");
    m.dirty = false;
    update(&mut m, Msg::Failed("disk full".into()));
    assert!(m.dirty, "an answer redraws");
}

#[test]
fn the_filter_is_typed_through_the_field_editor() {
    let mut m = at(Context::Plan, false);
    let slash = keymap::keys(keymap::Command::Filter)[0];
    press(&mut m, slash);
    typed(&mut m, "abc");
    key(&mut m, KeyCode::Backspace);
    let filter = |m: &Model| m.top().table().map(|t| t.list.filter.clone());
    assert_eq!(filter(&m).as_deref(), Some("ab"));
    update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    assert_eq!(filter(&m).as_deref(), Some(""), "Ctrl-U empties it");
    typed(&mut m, "q");
    assert!(!m.quit, "q is typed, not a command");
    key(&mut m, KeyCode::Enter);
    assert_eq!(filter(&m).as_deref(), Some("q"), "Enter keeps the filter");
    assert!(m.top().table().is_some_and(|t| !t.list.editing));
}

#[test]
fn the_path_prompt_is_typed_through_the_field_editor() {
    let mut m = at(Context::Welcome, false);
    let import = keymap::keys(keymap::Command::ImportFile)[0];
    press(&mut m, import);
    typed(&mut m, "plan.jsonx");
    key(&mut m, KeyCode::Backspace);
    assert_eq!(
        key(&mut m, KeyCode::Enter),
        vec![Effect::Import("plan.json".into())]
    );
}

/// The partners box with an entry whose organisation is not in the directory, and
/// the directory's entry box opened over it by `Ctrl-N`.
fn new_partner_asked() -> Model {
    let mut m = opened(BoxKind::Partners);
    key(&mut m, KeyCode::Char('a'));
    typed(&mut m, "CPTS Nord");
    let effects = update(
        &mut m,
        Msg::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
    );
    assert!(work(effects).is_empty(), "nothing written yet");
    let d = m.directory_box().expect("the directory's entry box");
    assert!(d.asked_by.is_some(), "over the partners box");
    let entry = d.entry.as_ref().expect("an entry, prefilled");
    assert_eq!(entry.texts[0], "CPTS Nord");
    m
}

#[test]
fn a_directory_entry_asked_by_a_field_names_it_once_saved() {
    let mut m = new_partner_asked();
    let effects = work(key(&mut m, KeyCode::Enter));
    let [Effect::SaveDirectory { item, new: true }] = effects.as_slice() else {
        panic!("Enter saves the entry: {effects:?}");
    };
    let code = item.code().to_string();
    let effects = update(
        &mut m,
        Msg::DirectorySaved(Ok(RefStep::Entry {
            before: None,
            after: (**item).clone(),
        })),
    );
    assert_eq!(
        work(effects),
        vec![
            Effect::LoadDirectory,
            Effect::Load(Place::Action { id: ACTION_ID })
        ]
    );
    let p = m.partners().expect("back to the partners box");
    let entry = p.entry.as_ref().expect("its entry, still open");
    assert_eq!(entry.organisation, code, "the field names the new entry");
    assert_eq!(m.undo.len(), 1, "the entry is the step u undoes");
}

#[test]
fn a_directory_entry_abandoned_gives_back_the_box_that_asked() {
    let mut m = new_partner_asked();
    let effects = work(key(&mut m, KeyCode::Esc));
    assert!(effects.is_empty(), "nothing created: {effects:?}");
    let p = m.partners().expect("back to the partners box");
    let entry = p.entry.as_ref().expect("its entry");
    assert_eq!(entry.organisation, "CPTS Nord", "as it was typed");
}
