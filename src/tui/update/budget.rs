//! The budget view's own keys: `5` opens it (or comes back to it), `Tab` reads the
//! same amounts by level, by funding source, by year.

use crate::i18n::T;
use crate::store::read::BudgetLevel;
use crate::tui::model::{Model, Place};
use crate::tui::msg::Effect;
use crate::tui::place::BudgetBy;

use super::nav::{push, reveal};

/// The budget's top: the envelopes, the whole region's lines.
pub const TOP: Place = Place::Budget {
    level: BudgetLevel::Envelopes(None),
    envelope: None,
    by: BudgetBy::Level,
};

pub(super) fn go(m: &mut Model) -> Vec<Effect> {
    let top = m.stack.iter().position(|s| {
        matches!(
            s.place,
            Place::Budget {
                level: BudgetLevel::Envelopes(_),
                ..
            }
        )
    });
    if let Some(i) = top {
        // Back to its top, as `2` comes back to the overdue list.
        m.stack.truncate(i + 1);
        return reveal(m);
    }
    m.stack.truncate(1);
    let crumb = m.lang().t(T::BudgetView).to_string();
    push(m, TOP, crumb)
}

pub(super) fn next_by(m: &mut Model) -> Vec<Effect> {
    let Place::Budget {
        level,
        envelope,
        by,
    } = m.top().place
    else {
        return vec![];
    };
    let by = match by {
        BudgetBy::Level => BudgetBy::Source,
        BudgetBy::Source => BudgetBy::Year,
        BudgetBy::Year => BudgetBy::Level,
    };
    let place = Place::Budget {
        level,
        envelope,
        by,
    };
    let top = m.top_mut();
    top.place = place;
    // The rows on screen stay until the same amounts arrive read the other way.
    vec![Effect::Load(place)]
}
