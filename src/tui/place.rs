//! Where the user can be: a leaf type that the model, the effects and the tables
//! share without importing each other.

/// A place in the interface, with the ids its data is loaded by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Welcome,
    Board,
    Territory {
        id: i64,
    },
    Plan {
        id: i64,
        territory_id: i64,
    },
    Action {
        id: i64,
    },
    Overdue,
    /// The actions of a territory's plans (or of the whole region) as a calendar.
    Timeline {
        territory: Option<i64>,
    },
}
