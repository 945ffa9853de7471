//! The views of the whole picture (my actions, timeline, budget, people, catalogue).
//!
//! One part of the one catalogue: each part hands its entries on to the next
//! (`catalogue!`), the last to `catalogue!` (in `i18n/mod.rs`), which makes of them all
//! the one `T` enum and its two tables.

macro_rules! words_views {
    ($($done:tt)*) => {
        catalogue! {
            $($done)*
            // (each view adds its block here)
            // Timeline (`4`): the list on screen as a calendar.
            TlTimeline => "Calendrier", "Timeline";
            TlMonthNames => "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec";
            TlQuarter => "T{q} {year}", "Q{q} {year}";
            TlScaleMonths => "mois", "months";
            TlScaleQuarters => "trim.", "qtrs";
            TlScaleYears => "ans", "years";
            TlStart => "début", "start";
            TlDue => "échéance", "due";
            TlDoneOn => "faite le", "done on";
            TlMilestoneWord => "jalon", "milestone";
            TlMilestonesWord => "jalons", "milestones";
            TlLegend => "█ prévu  ╳ en retard  ▸ non démarrée  ◆ jalon  ◈ jalon en retard  ░ faite  │ aujourd'hui", "█ planned  ╳ overdue  ▸ not started  ◆ milestone  ◈ late milestone  ░ done  │ today";
            TlHintTimeline => "calendrier", "timeline";
            TlHintZoom => "échelle", "scale";
            TlHintScroll => "défiler", "scroll";
            TlDoTimeline => "La liste en calendrier, ou de nouveau en liste", "The list as a timeline, or back to the list";
            TlDoZoomIn => "Échelle plus fine (années → trimestres → mois)", "Finer scale (years → quarters → months)";
            TlDoZoomOut => "Échelle plus large (mois → trimestres → années)", "Coarser scale (months → quarters → years)";
            TlDoEarlier => "Plus tôt dans le temps", "Earlier in time";
            TlDoLater => "Plus tard dans le temps", "Later in time";
            TlNoActions => "Pas d'actions dans cette liste : ouvrez un plan ou la liste des retards pour leur calendrier", "No actions in this list: open a plan or the overdue list for their timeline";
        }
    };
}
