//! Seeing who is editing (issue 12, part "presence"): the words for others'
//! presence rows, on the action rows of every list, in the action's detail and in
//! the notice line of a box.

use chrono::FixedOffset;

use crate::i18n::T;
use crate::store::presence::Editor;

use super::model::Settings;
use super::place::Place;
use super::table::{Row, Seg, TableKind, columns};
use super::theme::Role;

/// `10:02`: when the row started, in the session's offset (that of the journal's
/// times).
fn since(offset: FixedOffset, e: &Editor) -> String {
    chrono::DateTime::from_timestamp(e.since, 0)
        .map(|t| t.with_timezone(&offset).format("%H:%M").to_string())
        .unwrap_or_default()
}

/// The person's first name (the login when the directory has no name): enough to
/// tell colleagues apart where the title has little room.
fn first_name(e: &Editor) -> &str {
    e.who().split_whitespace().next().unwrap_or(e.who())
}

/// "Marie Martin has been editing this action since 10:02" (one sentence per person).
pub fn notice(s: &Settings, editors: &[Editor]) -> String {
    editors
        .iter()
        .map(|e| {
            s.lang.fill(
                T::PresenceNotice,
                &[("who", &e.who()), ("since", &since(s.utc_offset, e))],
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The detail's line: "✎ Marie Martin has been editing this action since 10:02".
pub fn detail_line(s: &Settings, e: &Editor) -> Vec<Seg> {
    vec![Seg::new(
        s.lang.fill(
            T::PresenceDetail,
            &[("who", &e.who()), ("since", &since(s.utc_offset, e))],
        ),
        Role::DueSoon,
    )]
}

/// Puts "✎ Marie · " before the title of each row leading to an action someone
/// else is editing (its milestones' rows too). The first name only, wide screen or
/// not: the title column is often narrow (the overdue list's is some 30 cells at
/// 160 columns), and the code and the title's first words must stay in view; the
/// full name and since when are in the detail and on opening a box.
pub fn mark_rows(s: &Settings, kind: TableKind, rows: &mut [Row], editors: &[Editor]) {
    if editors.is_empty() {
        return;
    }
    let Some(title) = columns(kind).iter().position(|c| c.title == T::ColTitle) else {
        return;
    };
    for row in rows.iter_mut() {
        let Some((Place::Action { id }, _)) = row.open else {
            continue;
        };
        let names: Vec<&str> = editors
            .iter()
            .filter(|e| e.action_id == id)
            .map(first_name)
            .collect();
        if names.is_empty() {
            continue;
        }
        let mark = s.lang.fill(T::PresenceMark, &[("who", &names.join(", "))]);
        if let Some(cell) = row.cells.get_mut(title) {
            cell.text = format!("{mark} · {}", cell.text);
            if let Some(wide) = &mut cell.wide {
                *wide = format!("{mark} · {wide}");
            }
        }
    }
}
