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
            // Budget (`5` and `jalon budget`)
            BudgetHeading => "Budget au {day}", "Budget as of {day}";
            BudgetColName => "Nom", "Name";
            BudgetColLeftToCommit => "Reste à engager", "Left to commit";
            BudgetColLeftToPay => "Reste à payer", "Left to pay";
            BudgetColRate => "Exécution", "Paid rate";
            BudgetColGauge => "Payé / prévu", "Paid / planned";
            BudgetColAmount => "Montant", "Amount";
            BudgetColAllocated => "Attribué", "Allocated";
            BudgetNoYear => "sans année", "no year";
            BudgetLegend => "▲ au-dessus de ce qu'il devrait rester sous : prévu > dotation, engagé > prévu, payé > engagé. Exécution = payé / prévu.", "▲ above what it should stay under: planned > allocation, committed > planned, paid > committed. Paid rate = paid / planned.";
            BudgetAllEnvelopes => "Toutes les enveloppes", "All envelopes";
            BudgetView => "Budget", "Budget";
            BudgetEmpty => "Aucun montant ici.", "No money here.";
            BudgetByTree => "par niveau", "by level";
            BudgetBySource => "par source de financement", "by funding source";
            BudgetByYear => "par année", "by year";
            BudgetHintGo => "budget", "budget";
            BudgetDoGo => "Budget : enveloppes, territoires, plans, actions, lignes", "Budget: envelopes, territories, plans, actions, lines";
            BudgetHintBy => "source/année", "source/year";
            BudgetDoBy => "Montrer les montants par niveau, par source de financement, par année", "Show the amounts by level, by funding source, by year";
            BudgetColSource => "Source", "Source";
            BudgetColYear => "Année", "Year";
        }
    };
}
