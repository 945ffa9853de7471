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
    /// *My actions*: what `who` pilots across every plan; `org`: their organisation's.
    Mine {
        who: Who,
        org: bool,
    },
}

/// Whose actions *My actions* shows: the user (by login, else as remembered), or a
/// person or an organisation (by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Me,
    Person(i64),
    Org(i64),
    /// The pilot of this action (its person if any, else its organisation).
    PilotOf(i64),
}
