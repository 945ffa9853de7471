//! The action form's box, over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::T;

use super::quick::conflict_lines;
use super::{action_box_title, boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::form::{FIELDS, Form, Id};
use crate::tui::model::Model;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, f: &Form, area: Rect, buf: &mut Buffer) {
    let title = action_box_title(m, T::TuiFormTitle, &f.plan, &f.original.code);
    boxed(m, &title, &lines(m, f), 76, area, buf);
}

/// The pilot or person typed matches no entry: that Ctrl-N creates it, or which
/// organisation the person already belongs to.
fn unknown(m: &Model, f: &Form, id: Id) -> Option<String> {
    let lang = m.lang();
    let dir = &m.directory;
    match id {
        Id::Organisation if !f.organisation.trim().is_empty() => f
            .organisation_match(dir)
            .is_none()
            .then(|| lang.t(T::TuiNoSuchOrgCreate).to_string()),
        Id::Person
            if !f.person.trim().is_empty()
                && f.organisation_match(dir).is_some()
                && f.person_match(dir).is_none() =>
        {
            Some(match f.person_elsewhere(dir) {
                Some(p) => format!(
                    "{} {}",
                    lang.t(T::TuiPersonOfOrg),
                    p.organisation.as_deref().unwrap_or_default()
                ),
                None => lang.t(T::TuiNoSuchPersonCreate).to_string(),
            })
        }
        _ => None,
    }
}

fn lines(m: &Model, f: &Form) -> Vec<Vec<Seg>> {
    let lang = m.lang();
    let today = m.settings.today;
    if let Some(conflicts) = &f.conflicts {
        return conflict_lines(m, conflicts);
    }
    let mut out = Vec::new();
    for (i, id) in FIELDS.iter().enumerate() {
        let typed = !id.is_choice();
        let mut segs = field_segs(
            i == f.focus,
            lang.t(id.label()),
            12,
            f.text(*id, lang),
            typed,
        );
        let hint = match id {
            Id::Organisation => f.organisation_match(&m.directory).map(|o| {
                let n = f.organisations(&m.directory).len();
                format!(
                    "→ {}{}",
                    crate::tui::lookup::choice_of(f.org_pick, n),
                    o.name
                )
            }),
            Id::Theme => f
                .theme
                .as_deref()
                .map(|t| format!("→ {}", m.directory.theme_label(t))),
            Id::Person => f.person_match(&m.directory).map(|p| {
                let n = f.people(&m.directory).len();
                format!(
                    "→ {}{}",
                    crate::tui::lookup::choice_of(f.person_pick, n),
                    p.name
                )
            }),
            Id::Origin => f
                .catalogue
                .as_deref()
                .and_then(|c| m.directory.catalogue.get(c))
                .map(|c| format!("→ {}", c.title)),
            _ => f.date_hint(*id, today, lang),
        };
        if let Some(h) = hint
            && f.error(*id).is_none()
        {
            segs.push(Seg::new(format!("  {h}"), Role::Muted));
        } else if f.error(*id).is_none()
            && let Some(w) = unknown(m, f, *id)
        {
            // Said while typing, as the budget and partner boxes do: not only once a
            // save was refused.
            segs.push(Seg::new(format!("  {w}"), Role::DueSoon));
        }
        if let Some(e) = f.error(*id) {
            segs.push(Seg::new(format!("  ⚠ {e}"), Role::Error));
        }
        out.push(segs);
    }
    out.push(vec![]);
    if f.confirm_cancel {
        out.push(vec![Seg::new(lang.t(T::TuiConfirmCancel), Role::Error)]);
    } else if f.saving {
        out.push(vec![Seg::new(lang.t(T::TuiSaving), Role::Muted)]);
    }
    out.push(vec![Seg::new(hint_line(lang, Hints::Form), Role::Muted)]);
    out
}
