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
            // My actions (helper "mine")
            CliNoSuchPilot => "aucune organisation, personne ni identifiant {wanted} dans la base {db} ; les codes connus sont {known}", "no organisation, person or login {wanted} in the database {db}; the known codes are {known}";
        }
    };
}
