//! Meetings and decisions: `R` opens the meeting box on the territory or plan at
//! hand, the answers open the boxes, a recorded meeting is said in the footer.

use crate::domain::{Action, Meeting};
use crate::i18n::T;
use crate::store::edit::Seen;
use crate::tui::meeting::MeetingBox;
use crate::tui::model::{Model, Place};
use crate::tui::msg::Effect;
use crate::tui::note::Note;
use crate::tui::overlay::Overlay;
use crate::tui::theme::Role;

use super::nav::{mark_stale, selected_target};
use super::saved::{done, open_box};
use crate::store::edit::RefStep;
use crate::tui::msg::Step;

/// `R`: the territory (and plan) the screen is about, or the board's row.
pub(super) fn record_meeting(m: &mut Model) -> Vec<Effect> {
    let target = match m.top().place {
        Place::Plan { id, territory_id } => Some((territory_id, Some(id))),
        Place::Territory { id } => Some((id, None)),
        Place::Board => match selected_target(m) {
            Some((Place::Territory { id }, _)) => Some((id, None)),
            _ => None,
        },
        _ => None,
    };
    match target {
        Some((territory_id, plan_id)) => vec![Effect::NewMeeting {
            territory_id,
            plan_id,
        }],
        None => {
            m.notice = Some((Role::Error, m.lang().t(T::MtgNoTerritoryHere).to_string()));
            vec![]
        }
    }
}

pub(super) fn meeting_ready(
    m: &mut Model,
    territory: String,
    name: String,
    plan: Option<String>,
) -> Vec<Effect> {
    let (today, lang) = (m.settings.today, m.lang());
    m.overlay = Some(Overlay::Meeting(Box::new(MeetingBox::new(
        territory, name, plan, today, lang,
    ))));
    vec![]
}

pub(super) fn meeting_saved(m: &mut Model, result: Result<Meeting, String>) -> Vec<Effect> {
    match result {
        Ok(meeting) => {
            m.overlay = None;
            m.notice = Some((
                Role::Success,
                m.lang().fill(T::MtgSaved, &[("code", &meeting.code)]),
            ));
            // `u` undoes it as any change (refused once a decision names it).
            done(
                m,
                Step::Reference(Box::new(RefStep::Meeting {
                    before: None,
                    after: meeting,
                })),
            );
            mark_stale(m);
        }
        Err(e) => {
            if let Some(b) = open_box(&mut m.overlay) {
                b.refused(&e);
            }
            m.notice = Some((Role::Error, e));
        }
    }
    vec![]
}

pub(super) fn decision_opened(
    m: &mut Model,
    found: Option<(String, Action, Seen)>,
    meetings: Vec<Meeting>,
) -> Vec<Effect> {
    let Some((plan, action, seen)) = found else {
        m.notice = Some((Role::Error, m.lang().t(T::TuiGone).to_string()));
        return vec![];
    };
    m.overlay = Some(Overlay::Note(Box::new(Note::decision(
        plan, action, seen, meetings,
    ))));
    vec![]
}
