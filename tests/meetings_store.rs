//! Meetings and decisions in the store: codes made, lists newest first, the last
//! meeting of a body, decisions journalled and undoable, refusals that write
//! nothing, and `jalon/1` carrying both (files without them unchanged).

use chrono::{NaiveDate, TimeZone, Utc};
use jalon::domain::*;
use jalon::store::edit::{self, EditError};
use jalon::store::export::export_document;
use jalon::store::import::{ImportError, import_document};
use jalon::store::journal::{self, Origin};
use jalon::store::meetings::{
    NewDecision, NewMeeting, add_decision, change_meeting, create_meeting, delete_meeting,
};
use jalon::store::read::Filter;
use jalon::store::read::meetings::{last_meeting, list};
use jalon::store::{OpenMode, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn demo() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("meetings.sqlite3");
    let mut store = Store::open(&path, OpenMode::Create).unwrap();
    let doc = jalon::commands::demo::demo_document(d("2025-03-31")).unwrap();
    import_document(&mut store, &doc, "loader", Origin::Demo, false).unwrap();
    // The demo's own meetings go: each test records its own.
    store
        .conn()
        .execute_batch("UPDATE notes SET meeting_id = NULL, kind = 'note'; DELETE FROM meetings;")
        .unwrap();
    (dir, store)
}

fn meeting(body: MeetingBody, territory: &str, on: &str, title: &str) -> NewMeeting {
    NewMeeting {
        code: None,
        territory: territory.into(),
        plan: None,
        body,
        date: d(on),
        title: title.into(),
        attendees: None,
    }
}

fn decision(plan: &str, action: &str, text: &str, meeting: Option<&str>) -> NewDecision {
    NewDecision {
        plan: plan.into(),
        action: action.into(),
        text: text.into(),
        meeting: meeting.map(str::to_string),
        author: "ana".into(),
        at: Utc.with_ymd_and_hms(2025, 4, 2, 10, 0, 0).unwrap(),
    }
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_meeting_gets_a_code_from_body_territory_and_day_numbered_when_taken() {
    let (_dir, mut store) = demo();
    let first = meeting(
        MeetingBody::Copil,
        "AIS",
        "2025-04-02",
        "Copil de printemps",
    );
    let a = create_meeting(&mut store, &first, "ana").unwrap();
    let b = create_meeting(&mut store, &first, "ana").unwrap();
    assert_eq!(a.code, "COPIL-AIS-2025-04-02");
    assert_eq!(b.code, "COPIL-AIS-2025-04-02-2");
    // Journalled as any creation.
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM changes WHERE entity = 'meeting' AND new = 'created' AND who = 'ana'"
        ),
        2
    );
    // A code given and taken is refused, and nothing is written.
    let mut taken = first.clone();
    taken.code = Some(a.code.clone());
    match create_meeting(&mut store, &taken, "ana") {
        Err(EditError::Invalid { path, message }) => {
            assert_eq!(path, "code");
            assert!(message.contains("already exists"), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 2);
}

#[test]
fn refusals_name_the_field_and_write_nothing() {
    let (_dir, mut store) = demo();
    let cases = [
        (
            meeting(MeetingBody::Cts, "AIS", "2025-04-02", "   "),
            "title",
            "is empty",
        ),
        (
            meeting(MeetingBody::Cts, "NOPE", "2025-04-02", "CTS"),
            "territory",
            "does not exist",
        ),
        (
            meeting(MeetingBody::Cts, "AIS", "2025-04-02", "CTS\u{1b}[2J"),
            "title",
            "control character",
        ),
        (
            NewMeeting {
                plan: Some("FDR-OIS".into()),
                ..meeting(MeetingBody::Cts, "AIS", "2025-04-02", "CTS")
            },
            "plan",
            "not one of the territory",
        ),
    ];
    for (m, field, why) in cases {
        match create_meeting(&mut store, &m, "ana") {
            Err(EditError::Invalid { path, message }) => {
                assert!(path.ends_with(field), "{path} for {m:?}");
                assert!(message.contains(why), "{message}");
            }
            other => panic!("expected a refusal for {m:?}, got {other:?}"),
        }
    }
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 0);
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM changes WHERE entity = 'meeting' AND who = 'ana'"
        ),
        0
    );
}

#[test]
fn lists_are_newest_first_and_the_last_meeting_is_of_the_body_asked() {
    let (_dir, mut store) = demo();
    for (body, on, title) in [
        (MeetingBody::Copil, "2025-01-15", "Copil d'hiver"),
        (MeetingBody::Cts, "2025-03-10", "CTS plénier"),
        (MeetingBody::Copil, "2025-02-20", "Copil intermédiaire"),
    ] {
        create_meeting(&mut store, &meeting(body, "AIS", on, title), "ana").unwrap();
    }
    create_meeting(
        &mut store,
        &meeting(MeetingBody::Copil, "OIS", "2025-03-30", "Copil Oise"),
        "ana",
    )
    .unwrap();
    let titles: Vec<String> = list(store.conn(), Some("AIS"), None)
        .unwrap()
        .into_iter()
        .map(|l| l.meeting.title)
        .collect();
    assert_eq!(
        titles,
        ["CTS plénier", "Copil intermédiaire", "Copil d'hiver"]
    );
    let last = |body| {
        last_meeting(store.conn(), "AIS", body)
            .unwrap()
            .map(|m| m.title)
    };
    assert_eq!(
        last(Some(MeetingBody::Copil)).as_deref(),
        Some("Copil intermédiaire")
    );
    assert_eq!(last(None).as_deref(), Some("CTS plénier"));
    assert_eq!(last(Some(MeetingBody::Other)), None);
    assert_eq!(last_meeting(store.conn(), "SOM", None).unwrap(), None);
}

#[test]
fn a_decision_is_journalled_with_its_meeting_shows_as_such_and_undoes() {
    let (_dir, mut store) = demo();
    let m = create_meeting(
        &mut store,
        &meeting(MeetingBody::Copil, "AIS", "2025-04-02", "Copil"),
        "ana",
    )
    .unwrap();
    let saved = add_decision(
        &mut store,
        &decision("FDR-AIS", "A02", "Prolonger d'un an", Some(&m.code)),
        "ana",
    )
    .unwrap();
    let (action, _) = edit::load_action(store.conn(), "FDR-AIS", "A02")
        .unwrap()
        .unwrap();
    let last = action.journal.last().unwrap();
    assert_eq!(last.kind, NoteKind::Decision);
    assert_eq!(last.meeting.as_deref(), Some(m.code.as_str()));
    assert_eq!(last.text, "Prolonger d'un an");
    let listed = list(store.conn(), Some("AIS"), None).unwrap();
    assert_eq!(listed[0].decisions, 1);
    // A meeting a decision names is kept.
    match delete_meeting(&mut store, &m.code, "ana") {
        Err(EditError::Invalid { message, .. }) => {
            assert!(message.contains("FDR-AIS/A02"), "{message}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // Undone like any save: the decision goes, then the meeting may go.
    let before = action.journal.len();
    edit::undo(&mut store, &saved, "ana").unwrap();
    let (action, _) = edit::load_action(store.conn(), "FDR-AIS", "A02")
        .unwrap()
        .unwrap();
    assert_eq!(action.journal.len(), before - 1);
    assert!(action.journal.iter().all(|j| j.kind == NoteKind::Note));
    delete_meeting(&mut store, &m.code, "ana").unwrap();
    assert_eq!(count(&store, "SELECT count(*) FROM meetings"), 0);
    let id: i64 = store
        .conn()
        .query_row(
            "SELECT entity_id FROM changes WHERE entity = 'meeting' AND entity_key = ?1",
            [&m.code],
            |r| r.get(0),
        )
        .unwrap();
    let history = journal::history(store.conn(), "meeting", id, 10).unwrap();
    assert_eq!(history[0].old.as_deref(), Some("removed"));
}

#[test]
fn a_decision_names_a_meeting_of_its_territory_or_none() {
    let (_dir, mut store) = demo();
    let oise = create_meeting(
        &mut store,
        &meeting(MeetingBody::Cts, "OIS", "2025-04-02", "CTS Oise"),
        "ana",
    )
    .unwrap();
    let journalled = count(&store, "SELECT count(*) FROM changes");
    for (m, why) in [
        (Some(oise.code.as_str()), "is about the territory"),
        (Some("NOPE"), "there is no meeting"),
    ] {
        match add_decision(&mut store, &decision("FDR-AIS", "A02", "x", m), "ana") {
            Err(EditError::Invalid { path, message }) => {
                assert_eq!(path, "meeting");
                assert!(message.contains(why), "{message}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }
    }
    assert!(matches!(
        add_decision(&mut store, &decision("FDR-AIS", "A02", "  ", None), "ana"),
        Err(EditError::Invalid { .. })
    ));
    assert_eq!(count(&store, "SELECT count(*) FROM changes"), journalled);
    // Without a meeting: a decision all the same.
    add_decision(
        &mut store,
        &decision("FDR-AIS", "A02", "Arrêter", None),
        "ana",
    )
    .unwrap();
    assert_eq!(
        count(
            &store,
            "SELECT count(*) FROM notes WHERE kind = 'decision' AND meeting_id IS NULL"
        ),
        1
    );
}

#[test]
fn a_meeting_changed_is_journalled_field_by_field() {
    let (_dir, mut store) = demo();
    let mut m = create_meeting(
        &mut store,
        &meeting(MeetingBody::Copil, "AIS", "2025-04-02", "Copil"),
        "ana",
    )
    .unwrap();
    m.title = "Copil de printemps".into();
    m.attendees = Some("ARS, CPAM".into());
    change_meeting(&mut store, &m, "ana").unwrap();
    let id: i64 = store
        .conn()
        .query_row("SELECT id FROM meetings WHERE code = ?1", [&m.code], |r| {
            r.get(0)
        })
        .unwrap();
    let fields: Vec<String> = journal::history(store.conn(), "meeting", id, 10)
        .unwrap()
        .into_iter()
        .filter_map(|c| c.field)
        .collect();
    assert_eq!(fields, ["attendees", "title"]);
}

fn export_all(store: &Store) -> Document {
    export_document(store.conn(), &Filter::default()).unwrap()
}

#[test]
fn meetings_and_decisions_travel_in_jalon_1_and_come_back_the_same() {
    let (_dir, mut store) = demo();
    let m = create_meeting(
        &mut store,
        &NewMeeting {
            plan: Some("FDR-AIS".into()),
            attendees: Some("ARS, CPAM, Conseil départemental".into()),
            ..meeting(MeetingBody::Copil, "AIS", "2025-04-02", "Copil")
        },
        "ana",
    )
    .unwrap();
    add_decision(
        &mut store,
        &decision("FDR-AIS", "A02", "Prolonger", Some(&m.code)),
        "ana",
    )
    .unwrap();
    // Another territory's meeting: in the full export, not in the plan's.
    create_meeting(
        &mut store,
        &meeting(MeetingBody::Cts, "OIS", "2025-04-03", "CTS Oise"),
        "ana",
    )
    .unwrap();
    let doc = export_all(&store);
    assert_eq!(doc.meetings.len(), 2);
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        json.contains("\"meetings\":[{\"code\":\"COPIL-AIS-2025-04-02\""),
        "{json}"
    );
    assert!(
        json.contains("\"kind\":\"decision\",\"meeting\":\"COPIL-AIS-2025-04-02\""),
        "{json}"
    );

    let dir = tempfile::tempdir().unwrap();
    let mut other = Store::open(&dir.path().join("b.sqlite3"), OpenMode::Create).unwrap();
    import_document(&mut other, &doc, "loader", Origin::Import, false).unwrap();
    assert_eq!(export_all(&other), doc);
    // Importing it again changes nothing.
    let again = import_document(&mut other, &doc, "loader", Origin::Import, false).unwrap();
    assert!(!again.changed_anything(), "{again:?}");

    // A document of the plan carries its meetings and imports on its own.
    let filtered = export_document(
        store.conn(),
        &Filter {
            plan: Some("FDR-AIS".into()),
            ..Filter::default()
        },
    )
    .unwrap();
    assert_eq!(filtered.meetings, vec![doc.meetings[0].clone()]);
    let dir2 = tempfile::tempdir().unwrap();
    let mut third = Store::open(&dir2.path().join("c.sqlite3"), OpenMode::Create).unwrap();
    import_document(&mut third, &filtered, "loader", Origin::Import, false).unwrap();
}

#[test]
fn an_unknown_meeting_in_a_journal_entry_is_refused_with_its_path() {
    let (_dir, mut store) = demo();
    let mut doc = export_all(&store);
    doc.meetings.clear();
    let action = &mut doc.plans[0].actions[1];
    action.journal.push(JournalEntry {
        at: Utc.with_ymd_and_hms(2025, 4, 2, 10, 0, 0).unwrap(),
        author: "ana".into(),
        text: "Décidé".into(),
        kind: NoteKind::Decision,
        meeting: Some("COPIL-NOPE".into()),
    });
    let n = action.journal.len() - 1;
    match import_document(&mut store, &doc, "loader", Origin::Import, false) {
        Err(ImportError::Invalid { path, message }) => {
            assert_eq!(path, format!("plans[0].actions[1].journal[{n}].meeting"));
            assert!(message.contains("COPIL-NOPE"), "{message}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn files_without_meetings_stay_valid_and_are_written_back_as_they_were() {
    for fixture in [
        "tests/data/everything.json",
        "tests/data/example-aisne.json",
    ] {
        let bytes = std::fs::read(fixture).unwrap();
        let doc = jalon::interchange::parse_document(&bytes).unwrap();
        assert!(doc.meetings.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("f.sqlite3"), OpenMode::Create).unwrap();
        import_document(&mut store, &doc, "loader", Origin::Import, false).unwrap();
        let back = serde_json::to_string(&export_all(&store)).unwrap();
        assert!(!back.contains("\"meetings\""), "{fixture}");
        assert!(!back.contains("\"kind\":\"note\""), "{fixture}");
        assert!(!back.contains("\"meeting\""), "{fixture}");
    }
}

#[test]
fn check_reads_every_meeting_and_the_journal_entries_kind_back() {
    let (_dir, mut store) = demo();
    create_meeting(
        &mut store,
        &meeting(MeetingBody::Copil, "AIS", "2025-04-02", "Copil"),
        "ana",
    )
    .unwrap();
    assert_eq!(
        jalon::store::checks::unreadable(store.conn()).unwrap(),
        vec![]
    );
    // As another program could leave them: a day that is not one, a title that
    // would drive a terminal.
    store
        .conn()
        .execute_batch(
            "UPDATE meetings SET on_date = '2025-02-30', title = 'a' || char(27) || '[2J', \
             attendees = 'b' || char(7);",
        )
        .unwrap();
    let found: Vec<(&str, &str)> = jalon::store::checks::unreadable(store.conn())
        .unwrap()
        .iter()
        .map(|u| (u.table, u.column))
        .collect();
    assert_eq!(
        found,
        [
            ("meetings", "on_date"),
            ("meetings", "title"),
            ("meetings", "attendees")
        ]
    );
}

#[test]
fn a_file_whose_decision_names_another_territory_s_meeting_is_refused_with_its_path() {
    let (_dir, mut store) = demo();
    let oise = create_meeting(
        &mut store,
        &meeting(MeetingBody::Cts, "OIS", "2025-04-02", "CTS Oise"),
        "ana",
    )
    .unwrap();
    let mut doc = export_all(&store);
    let plan = doc.plans.iter().position(|p| p.code == "FDR-AIS").unwrap();
    let action = &mut doc.plans[plan].actions[1];
    action.journal.push(JournalEntry {
        at: Utc.with_ymd_and_hms(2025, 4, 2, 10, 0, 0).unwrap(),
        author: "ana".into(),
        text: "Décidé".into(),
        kind: NoteKind::Decision,
        meeting: Some(oise.code.clone()),
    });
    let n = action.journal.len() - 1;
    let journalled = count(&store, "SELECT count(*) FROM changes");
    match import_document(&mut store, &doc, "loader", Origin::Import, false) {
        Err(ImportError::Invalid { path, message }) => {
            assert_eq!(
                path,
                format!("plans[{plan}].actions[1].journal[{n}].meeting")
            );
            assert!(
                message.contains("is about the territory \"OIS\""),
                "{message}"
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(count(&store, "SELECT count(*) FROM changes"), journalled);
}
