//! The partners box.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::i18n::T;

use super::{action_box_title, boxed, field_segs};
use crate::tui::boxhints::{Hints, hint_line};
use crate::tui::lookup;
use crate::tui::model::Model;
use crate::tui::partners::Partners;
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, p: &Partners, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let dir = &m.directory;
    let mut lines: Vec<Vec<Seg>> =
        vec![vec![Seg::new(p.action.title.clone(), Role::Title)], vec![]];
    if let Some(e) = &p.entry {
        let mut org = field_segs(
            e.focus == 0,
            lang.t(T::TuiFieldPartner),
            14,
            e.organisation.clone(),
            true,
        );
        let n = lookup::organisations(&e.organisation, Some(&p.plan), dir).len();
        match (
            &e.error,
            lookup::organisation_picked(&e.organisation, e.pick, Some(&p.plan), dir),
        ) {
            (Some(err), _) => org.push(Seg::new(format!("  ⚠ {err}"), Role::Error)),
            (None, Some(code)) => org.push(Seg::new(
                format!(
                    "  → {}{}",
                    lookup::choice_of(e.pick, n),
                    dir.org_name(&code)
                ),
                Role::Muted,
            )),
            (None, None) if !e.organisation.trim().is_empty() => org.push(Seg::new(
                format!("  {}", lang.t(T::TuiNoSuchOrgCreate)),
                Role::DueSoon,
            )),
            _ => {}
        }
        lines.push(org);
        lines.push(field_segs(
            e.focus == 1,
            lang.t(T::TuiFieldRole),
            14,
            e.role.clone(),
            true,
        ));
        lines.push(vec![]);
        lines.push(vec![Seg::new(
            hint_line(lang, Hints::EntryWithChoice),
            Role::Muted,
        )]);
    } else {
        if p.action.partners.is_empty() {
            lines.push(vec![Seg::new(lang.t(T::TuiNoPartners), Role::Muted)]);
        }
        for (i, pa) in p.action.partners.iter().enumerate() {
            let on = i == p.selected;
            let role = pa
                .role
                .as_deref()
                .map(|r| format!(" — {r}"))
                .unwrap_or_default();
            lines.push(vec![
                Seg::new(if on { "▶ " } else { "  " }, Role::Key),
                Seg::new(
                    format!("{}{role}", dir.org_name(&pa.organisation)),
                    if on { Role::Bar } else { Role::Normal },
                ),
            ]);
        }
        lines.push(vec![]);
        if p.confirm_remove {
            lines.push(vec![Seg::new(
                lang.t(T::TuiConfirmRemovePartner),
                Role::Error,
            )]);
        }
        lines.push(vec![Seg::new(hint_line(lang, Hints::Budget), Role::Muted)]);
    }
    let title = action_box_title(m, T::TuiPartnersTitle, &p.plan, &p.action.code);
    boxed(m, &title, &lines, 76, area, buf);
}
