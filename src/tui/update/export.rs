//! `w` writes the copil's workbook of what is on screen (the region from the board,
//! a territory, a plan), `c` the copil report of the territory or plan at hand (the
//! board's selected territory); the footer says the file written.

use crate::i18n::T;
use crate::tui::model::{Model, Place};
use crate::tui::msg::{Effect, ExportKind};
use crate::tui::theme::Role;

use super::nav::selected_target;

pub(super) fn export(m: &mut Model, kind: ExportKind) -> Vec<Effect> {
    let (territory_id, plan_id) = match (m.top().place, kind) {
        (Place::Plan { id, territory_id }, _) => (Some(territory_id), Some(id)),
        (Place::Territory { id }, _) => (Some(id), None),
        // The board: the whole region's workbook, the selected territory's report.
        (Place::Board, ExportKind::Workbook) => (None, None),
        (Place::Board, ExportKind::Report) => match selected_target(m) {
            Some((Place::Territory { id }, _)) => (Some(id), None),
            _ => return nothing_here(m),
        },
        _ => return nothing_here(m),
    };
    m.notice = Some((Role::Muted, m.lang().t(T::ExpWriting).to_string()));
    vec![Effect::Export {
        kind,
        territory_id,
        plan_id,
    }]
}

fn nothing_here(m: &mut Model) -> Vec<Effect> {
    m.notice = Some((Role::Error, m.lang().t(T::ExpNothingHere).to_string()));
    vec![]
}

pub(super) fn exported(m: &mut Model, result: Result<String, String>) -> Vec<Effect> {
    let lang = m.lang();
    m.notice = Some(match result {
        Ok(path) => (
            Role::Success,
            lang.fill(
                T::ExpWritten,
                &[("path", &crate::domain::chars::escape(&path))],
            ),
        ),
        Err(why) => (Role::Error, why),
    });
    vec![]
}
