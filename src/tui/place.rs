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
    Catalogue,
    /// Organisations and people with what they carry.
    People,
    /// The actions an organisation (piloted or as a partner) or a person carries.
    Carried {
        id: i64,
        person: bool,
    },
    /// Find anything: the actions of the whole region matching the words typed.
    Search,
    /// The budget at one level (`5`), only the lines of an envelope when given,
    /// read by level, funding source or year (`Tab`).
    Budget {
        level: crate::store::read::BudgetLevel,
        envelope: Option<i64>,
        by: BudgetBy,
    },
    /// *My actions*: what `who` pilots across every plan; `org`: their organisation's.
    Mine {
        who: Who,
        org: bool,
    },
    /// The actions of a territory's plans (or of the whole region) as a calendar.
    Timeline {
        territory: Option<i64>,
    },
}

/// How the budget view reads its amounts: by its rows' level, by funding source, by year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BudgetBy {
    #[default]
    Level,
    Source,
    Year,
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
