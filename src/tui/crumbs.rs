//! The breadcrumb's layout: the path from the board to here and the list's state
//! (filter, facets, sort), where each goes on the line. Computed from the model
//! alone, so that the view draws it and `update` finds what a click hit.

use crate::i18n::T;
use crate::text::width;

use super::model::Model;
use super::rows;
use super::table::{Facet, Seg};
use super::theme::Role;

/// The breadcrumb laid out for a line `total` cells wide.
pub struct Crumbs {
    /// The path, as drawn from the line's start.
    pub path: Vec<Seg>,
    /// Cells the path may use (it is cut there).
    pub room: usize,
    /// The list's state, drawn at the line's end.
    pub state: Vec<Seg>,
    /// Where each place of the path is: first cell, cell after its end, and its
    /// depth in the stack of screens.
    pub spots: Vec<(usize, usize, usize)>,
}

/// The list's state as said at the right of the breadcrumb.
fn state(m: &Model) -> Vec<Seg> {
    let lang = m.lang();
    let mut state: Vec<Seg> = vec![];
    if let Some(t) = m.top().table() {
        let l = &t.list;
        let mut add = |text: String, role: Role| {
            if !state.is_empty() {
                state.push(Seg::plain(" · "));
            }
            state.push(Seg::new(text, role));
        };
        // A list shown as a calendar says so (a calendar of its own has its crumb).
        let top = m.top();
        if top.timeline.shown && !matches!(top.place, crate::tui::model::Place::Timeline { .. }) {
            add(lang.t(T::TlTimeline).to_string(), Role::Accent);
        }
        if !l.filter.is_empty() && !l.editing {
            add(format!("/{}", l.filter), Role::Accent);
        }
        for f in [Facet::Theme, Facet::Pilot, Facet::Territory] {
            if let Some((_, label)) = &l.facets[f as usize] {
                let sep = rows::colon(lang);
                add(format!("{}{sep}{label}", lang.t(f.label())), Role::Accent);
            }
        }
        if l.overdue_only {
            add(
                format!("⚠ {}", lang.t(T::TuiOverdueOnly)),
                Role::OverdueMark,
            );
        }
        if let Some(s) = l.sort {
            let col = lang.t(t.columns()[s.column].title);
            let arrow = if s.descending { "▼" } else { "▲" };
            add(
                format!("{}{}{col} {arrow}", lang.t(T::TuiSorted), rows::colon(lang)),
                Role::Normal,
            );
        }
    }
    state
}

pub fn segs_width(segs: &[Seg]) -> usize {
    segs.iter().map(|s| width(&s.text)).sum()
}

/// The path from the board to here, its first `skip` places replaced by `…`, and
/// where each place shown starts and ends.
fn crumbs(names: &[&str], skip: usize) -> (Vec<Seg>, Vec<(usize, usize, usize)>) {
    let mut out = vec![Seg::plain(" ")];
    if skip > 0 {
        out.push(Seg::new("… › ", Role::Muted));
    }
    let mut spots = vec![];
    let n = names.len();
    for (i, name) in names.iter().enumerate().skip(skip) {
        if i > skip {
            out.push(Seg::new(" › ", Role::Muted));
        }
        let role = if i + 1 == n {
            Role::Accent
        } else {
            Role::Normal
        };
        let at = segs_width(&out);
        spots.push((at, at + width(name), i));
        out.push(Seg::new(*name, role));
    }
    (out, spots)
}

pub fn layout(m: &Model, total: usize) -> Crumbs {
    let state = state(m);
    let state_w: usize = segs_width(&state);
    let names: Vec<&str> = m.stack.iter().map(|s| s.crumb.as_str()).collect();
    let crumbs_w = segs_width(&crumbs(&names, 0).0);
    // Both whole when they fit; otherwise the path keeps at least three fifths (its
    // end: where the user is) and the list's state is cut at its end.
    let room = if crumbs_w + state_w + 2 <= total {
        crumbs_w
    } else {
        total
            .saturating_sub(state_w + 2)
            .max(crumbs_w.min(total * 3 / 5))
    };
    let (path, mut spots) = (0..names.len())
        .map(|skip| crumbs(&names, skip))
        .find(|c| segs_width(&c.0) <= room)
        .unwrap_or_else(|| crumbs(&names, names.len().saturating_sub(1)));
    // A place cut at the line's end is still there up to the cut.
    spots.retain(|s| s.0 < room);
    for s in &mut spots {
        s.1 = s.1.min(room);
    }
    Crumbs {
        path,
        room,
        state,
        spots,
    }
}

/// The depth in the stack of the place shown at cell `x` of the breadcrumb, if any.
pub fn hit(m: &Model, total: usize, x: usize) -> Option<usize> {
    layout(m, total)
        .spots
        .iter()
        .find(|(start, end, _)| (*start..*end).contains(&x))
        .map(|s| s.2)
}
