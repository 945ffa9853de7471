//! The closed vocabularies of the domain, with the codes of the interchange format.

use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code used in files and in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

    };
}

vocabulary!(
    /// Where an action stands, as its pilot reports it.
    ActionStatus {
        Todo => "todo",
        InProgress => "in_progress",
        OnHold => "on_hold",
        Done => "done",
        Abandoned => "abandoned",
    }
);

impl ActionStatus {
    /// Done and abandoned actions are closed: never overdue, never due soon.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Abandoned)
    }
}

vocabulary!(PlanKind {
    CtsRoadmap => "cts_roadmap",
    Cpom => "cpom",
    PerformanceContract => "performance_contract",
    Other => "other",
});

vocabulary!(PlanStatus {
    Draft => "draft",
    Consultation => "consultation",
    Adopted => "adopted",
    InForce => "in_force",
    Closed => "closed",
});

vocabulary!(OrgKind {
    ArsHeadquarters => "ars_headquarters",
    ArsDelegation => "ars_delegation",
    HealthInsurance => "health_insurance",
    LocalAuthority => "local_authority",
    Hospital => "hospital",
    Ght => "ght",
    Cpts => "cpts",
    Urps => "urps",
    Association => "association",
    Education => "education",
    StateService => "state_service",
    Other => "other",
});

vocabulary!(FundingSource {
    Fir => "fir",
    HealthInsurance => "health_insurance",
    LocalAuthority => "local_authority",
    State => "state",
    Europe => "europe",
    OwnFunds => "own_funds",
    Other => "other",
});

vocabulary!(
    /// The pilot's own reading of how the action goes.
    Weather {
        Green => "green",
        Orange => "orange",
        Red => "red",
    }
);

vocabulary!(IndicatorKind {
    Output => "output",
    Outcome => "outcome",
    Impact => "impact",
});

vocabulary!(
    /// Who met: the territorial health council, a steering committee, or another body.
    MeetingBody {
        Cts => "cts",
        Copil => "copil",
        Other => "other",
    }
);

vocabulary!(
    /// What a journal entry is: a note (what happened), or a decision (what was
    /// decided, often at a meeting).
    NoteKind {
        Note => "note",
        Decision => "decision",
    }
);

// The enum comes from `vocabulary!`, which cannot mark a default variant.
#[allow(clippy::derivable_impls)]
impl Default for NoteKind {
    fn default() -> NoteKind {
        NoteKind::Note
    }
}

impl NoteKind {
    /// A note is what an entry is unless it says otherwise: files leave it out.
    pub fn is_note(&self) -> bool {
        *self == NoteKind::Note
    }
}
