//! Seeing who is editing (issue 12, part "presence"): the words for others'
//! presence rows, in the plan's list and in the notice line of a box.

use crate::i18n::{Lang, T};
use crate::store::presence::Editor;

use super::table::Row;

/// `10:02`: when the row started, in the machine's local time.
fn since(e: &Editor) -> String {
    chrono::DateTime::from_timestamp(e.since, 0)
        .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
        .unwrap_or_default()
}

/// "Marie Martin edits it since 10:02" (one sentence per person).
pub fn notice(lang: Lang, editors: &[Editor]) -> String {
    editors
        .iter()
        .map(|e| {
            lang.fill(
                T::PresenceNotice,
                &[("who", &e.who()), ("since", &since(e))],
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// Puts "✎ Marie Martin since 10:02 · " before the title of each action row
/// someone else is editing (the title is the list's second column).
pub fn mark_rows(lang: Lang, rows: &mut [Row], editors: &[Editor]) {
    for row in rows.iter_mut() {
        let marks: Vec<String> = editors
            .iter()
            .filter(|e| row.key == format!("a{}", e.action_id))
            .map(|e| lang.fill(T::PresenceMark, &[("who", &e.who()), ("since", &since(e))]))
            .collect();
        if marks.is_empty() {
            continue;
        }
        if let Some(title) = row.cells.get_mut(1) {
            title.text = format!("{} · {}", marks.join(", "), title.text);
        }
    }
}
