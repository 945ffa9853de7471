//! The quick update's box, over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::{T, weather_label};
use crate::text::pad_right;

use super::{action_box_title, boxed, field_segs};
use crate::store::edit::Conflict;
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::detail::wrap;
use crate::tui::model::Model;
use crate::tui::quick::{Field, Quick};
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, q: &Quick, area: Rect, buf: &mut Buffer) {
    let title = action_box_title(m, T::TuiUpdateTitle, &q.plan, &q.original.code);
    boxed(m, &title, &lines(m, q), 72, area, buf);
}

fn lines(m: &Model, q: &Quick) -> Vec<Vec<Seg>> {
    let lang = m.lang();
    let today = m.settings.today;
    let mut out: Vec<Vec<Seg>> = vec![
        vec![Seg::new(q.original.title.clone(), Role::Title)],
        vec![],
    ];
    if let Some(conflicts) = &q.conflicts {
        out.extend(conflict_lines(m, conflicts));
        return out;
    }
    let field = |f: Field, label: T, value: String, extra: Option<String>| -> Vec<Seg> {
        let typed = matches!(f, Field::Progress | Field::Note | Field::Done);
        let mut segs = field_segs(q.field == f, lang.t(label), 12, value, typed);
        if let Some(e) = extra {
            segs.push(Seg::new(format!("  {e}"), Role::Muted));
        }
        if let Some((ef, msg)) = &q.error
            && *ef == f
        {
            segs.push(Seg::new(format!("  ⚠ {msg}"), Role::Error));
        }
        segs
    };
    out.push(field(
        Field::Status,
        T::TuiFieldStatus,
        q.status_text(lang),
        None,
    ));
    let pct = if q.progress.is_empty() {
        String::new()
    } else {
        format!("{} %", q.progress)
    };
    out.push(field(Field::Progress, T::TuiFieldProgress, pct, None));
    out.push(field(Field::Note, T::TuiFieldNote, q.note.clone(), None));
    let weather = q.weather.map(|w| weather_label(lang, w)).unwrap_or("—");
    out.push(field(
        Field::Weather,
        T::TuiFieldWeather,
        format!("◂ {weather} ▸"),
        None,
    ));
    // The done day is typed only when done; otherwise it says there is none.
    match q.done_text(lang, today) {
        Some(day) => out.push(field(Field::Done, T::TuiFieldDone, day, None)),
        None => out.push(vec![
            Seg::new(
                format!("  {}", pad_right(lang.t(T::TuiFieldDone), 12)),
                Role::Muted,
            ),
            Seg::new("—", Role::Muted),
        ]),
    }
    out.push(vec![]);
    if q.confirm_cancel {
        out.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if q.saving {
        out.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    } else if let Some((_, msg)) = &q.error
        && !matches!(q.field, Field::Progress | Field::Done)
    {
        out.push(vec![Seg::new(format!("⚠ {msg}"), Role::Error)]);
    } else {
        out.push(vec![]);
    }
    out.push(vec![Seg::new(hint_line(lang, Hints::Quick), Role::Muted)]);
    out
}

/// Who changed what since the form was opened, and the two ways out.
pub(super) fn conflict_lines(m: &Model, conflicts: &[Conflict]) -> Vec<Vec<Seg>> {
    let lang = m.lang();
    // The boxes are 72 to 76 cells wide, less on a narrow terminal.
    let width = usize::from(m.size.0.saturating_sub(8)).min(68);
    let mut out = vec![vec![Seg::new(lang.t(T::TuiConflictTitle), Role::Error)]];
    for c in conflicts {
        for ch in &c.changes {
            let when = chrono::DateTime::parse_from_rfc3339(&ch.at)
                .map(|d| {
                    d.with_timezone(&m.settings.utc_offset)
                        .format(lang.t(T::TuiConflictWhen))
                        .to_string()
                })
                .unwrap_or_else(|_| ch.at.clone());
            // Wrapped, not cut: which budget line, which amount, old → new.
            let said = crate::tui::history::describe(lang, &m.directory, ch);
            let head = vec![
                Seg::new(format!("  {} · {when}  ", ch.who), Role::Key),
                Seg::plain(said.line),
            ];
            out.extend(wrap(&head, width, 4));
            for d in said.details {
                out.extend(wrap(&[Seg::plain(format!("    {d}"))], width, 6));
            }
        }
    }
    out.push(vec![]);
    out.push(vec![Seg::new(
        hint_line(lang, Hints::Conflict),
        Role::Muted,
    )]);
    out
}
