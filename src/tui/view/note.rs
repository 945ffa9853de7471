//! The journal note box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::domain::NoteKind;
use crate::i18n::{T, meeting_body_label};

use super::{action_box_title, boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::detail::wrap;
use crate::tui::model::Model;
use crate::tui::note::{KIND, MEETING, Note, TEXT};
use crate::tui::table::Seg;
use crate::tui::theme::Role;

/// The box's width at most, in cells.
const WIDTH: u16 = 76;

pub fn render(m: &Model, n: &Note, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let mut lines: Vec<Vec<Seg>> =
        vec![vec![Seg::new(n.action.title.clone(), Role::Title)], vec![]];
    if n.choosing {
        lines.extend(choices(m, n));
    }
    // Each line wrapped to the box (a pasted paragraph is read whole, not cut at
    // the edge); the last rows that fit, the one being typed at the bottom.
    let inner = (super::box_width(WIDTH, area.width)
        .min(area.width.saturating_sub(2))
        .max(30)
        - 4) as usize;
    let mut rows: Vec<Vec<Seg>> = vec![];
    for (i, l) in n.lines.iter().enumerate() {
        let cursor = if i + 1 == n.lines.len() && n.focus == TEXT {
            "▏"
        } else {
            ""
        };
        rows.extend(wrap(
            &[Seg::new(format!("{l}{cursor}"), Role::Normal)],
            inner,
            0,
        ));
    }
    let room = area.height.saturating_sub(if n.choosing { 13 } else { 10 }) as usize;
    let start = rows.len().saturating_sub(room.max(1));
    lines.extend(rows.into_iter().skip(start));
    lines.push(vec![]);
    if n.confirm_cancel {
        lines.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if n.saving {
        lines.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    }
    let hints = if n.choosing {
        Hints::Decision
    } else {
        Hints::Note
    };
    lines.push(vec![Seg::new(hint_line(lang, hints), Role::Muted)]);
    let what = if n.choosing {
        T::MtgDecisionTitle
    } else {
        T::TuiNoteTitle
    };
    let title = action_box_title(m, what, &n.plan, &n.action.code);
    boxed(m, &title, &lines, WIDTH, area, buf);
}

/// A decision's kind and meeting, as chosen, then a line before the text.
fn choices(m: &Model, n: &Note) -> Vec<Vec<Seg>> {
    let lang = m.lang();
    let kind = match n.kind {
        NoteKind::Decision => lang.t(T::MtgDecision),
        NoteKind::Note => lang.t(T::MtgNoteWord),
    };
    let meeting = match n.chosen() {
        Some(mt) => format!(
            "{} · {}, {}",
            meeting_body_label(lang, mt.body),
            mt.title,
            lang.date(mt.date)
        ),
        None => lang.t(T::MtgNoMeeting).to_string(),
    };
    vec![
        field_segs(
            n.focus == KIND,
            lang.t(T::MtgFieldKind),
            10,
            format!("◂ {kind} ▸"),
            false,
        ),
        field_segs(
            n.focus == MEETING,
            lang.t(T::MtgFieldMeeting),
            10,
            format!("◂ {meeting} ▸"),
            false,
        ),
        field_segs(
            n.focus == TEXT,
            lang.t(T::MtgFieldText),
            10,
            String::new(),
            false,
        ),
    ]
}
