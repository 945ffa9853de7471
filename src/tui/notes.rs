//! The latest journal note of each row (*why it is late*): a column of its own when
//! the terminal has room for it, else a second line under each row. A leaf: the
//! model (page sizes) and the view (drawing) both ask it.

use super::table::{Table, TableKind, layout};

/// The column holding the note, in the lists that have one.
pub fn note_column(kind: TableKind) -> Option<usize> {
    match kind {
        TableKind::Overdue | TableKind::Mine => Some(super::table::columns(kind).len() - 1),
        _ => None,
    }
}

/// The note of one row, if it has one.
pub fn note_of(t: &Table, row: usize) -> Option<&str> {
    let col = note_column(t.kind)?;
    t.rows
        .get(row)
        .and_then(|r| r.cells.get(col))
        .map(|c| c.text.as_str())
        .filter(|s| !s.is_empty())
}

/// Whether each row takes two lines at this terminal width: the list has notes,
/// and their column gives way for lack of room.
pub fn two_lines(t: &Table, width: u16) -> bool {
    let Some(col) = note_column(t.kind) else {
        return false;
    };
    if !t
        .rows
        .iter()
        .any(|r| r.cells.get(col).is_some_and(|c| !c.text.is_empty()))
    {
        return false;
    }
    // One cell of margin on each side, as the view draws.
    let inner = width.saturating_sub(2) as usize;
    layout(t.columns(), &t.natural, inner)
        .get(col)
        .is_some_and(|w| *w == 0)
}

/// A note on one line: its lines joined, as the list shows it.
pub fn one_line(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}
