//! The timeline's keys: `4` shows the list on screen as a calendar (and back), `+`
//! `-` change the scale, `←` `→` move in time.

use crate::i18n::T;

use crate::tui::keymap::Command;
use crate::tui::model::{Body, Model, Place};
use crate::tui::msg::Effect;
use crate::tui::table::TableKind;
use crate::tui::theme::Role;
use crate::tui::timeline;

use super::nav::{push, relayout, reveal};

/// Whether a list's rows are actions with dates (filled by the load into the
/// screen's timeline): a plan's actions, the overdue list.
fn dated(kind: TableKind) -> bool {
    matches!(kind, TableKind::Actions | TableKind::Overdue)
}

/// `4`: the list on screen as a calendar, or back to the list. From an action's
/// detail, the calendar of the list it was opened from.
pub(super) fn toggle(m: &mut Model) -> Vec<Effect> {
    let n = m.stack.len();
    if matches!(m.top().place, Place::Action { .. })
        && n > 1
        && m.stack[n - 2].table().is_some_and(|t| dated(t.kind))
    {
        m.stack.pop();
        m.marks.clear();
        m.top_mut().timeline.shown = true;
        return reveal(m);
    }
    match (&m.top().body, m.top().place) {
        // A calendar of its own: back where it was opened.
        (_, Place::Timeline { .. }) if n > 1 => {
            m.stack.pop();
            m.marks.clear();
            return reveal(m);
        }
        // A list of territories or of plans: the calendar of their actions.
        (_, Place::Board) => return calendar_of(m, None),
        (_, Place::Territory { id }) => return calendar_of(m, Some(id)),
        (Body::Table(t), _) if dated(t.kind) => {
            let tl = &mut m.top_mut().timeline;
            tl.shown = !tl.shown;
            relayout(m);
        }
        _ => {
            m.notice = Some((Role::Muted, m.lang().t(T::TlNoActions).to_string()));
        }
    }
    vec![]
}

/// The calendar of the actions of a territory's plans, or of the region's.
fn calendar_of(m: &mut Model, territory: Option<i64>) -> Vec<Effect> {
    let crumb = m.lang().t(T::TlTimeline).to_string();
    push(m, Place::Timeline { territory }, crumb)
}

/// `+` `-` `←` `→` on the calendar.
pub(super) fn time_key(m: &mut Model, c: Command) {
    let today = m.settings.today;
    let width = m.size.0;
    let tl = &mut m.top_mut().timeline;
    if !tl.shown {
        return;
    }
    let (_, _, cols) = timeline::widths(tl, width);
    match c {
        Command::ZoomIn => tl.rescale(today, cols, tl.scale.finer()),
        Command::ZoomOut => tl.rescale(today, cols, tl.scale.coarser()),
        Command::Earlier => tl.scroll(today, cols, -1),
        Command::Later => tl.scroll(today, cols, 1),
        _ => {}
    }
}
