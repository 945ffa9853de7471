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
            TuiMineView => "Mes actions", "My actions";
            TuiHintMine => "mes actions", "my actions";
            TuiDoMine => "Mes actions : ce que je pilote dans tous les plans", "My actions: what I pilot across every plan";
            TuiHintPilotView => "son pilote", "its pilot";
            TuiDoPilotView => "Les actions de son pilote, dans tous les plans", "The actions of its pilot, across every plan";
            TuiHintMineToggle => "personne/organisation", "person/organisation";
            TuiDoMineToggle => "Basculer entre la personne et son organisation", "Switch between the person and their organisation";
            TuiEmptyMine => "Rien d'ouvert piloté ici.", "Nothing open piloted here.";
            TuiColNote => "Dernière note", "Latest note";
            TuiColPerson => "Personne", "Person";
            TuiColOrganisation => "Organisation", "Organisation";
            TuiColLogin => "Identifiant", "Login";
            TuiMinePick => "Qui êtes-vous ? Tapez pour filtrer, Entrée pour choisir (identifiant {login} inconnu)", "Who are you? Type to filter, Enter to choose (login {login} unknown)";
            TuiMineNobody => "Aucune personne dans l'annuaire : ajoutez-vous avec A.", "Nobody in the directory: add yourself with A.";
            TuiMineRemembered => "Retenu dans {path}", "Remembered in {path}";
            TuiMineNoOrg => "Cette personne n'a pas d'organisation.", "This person has no organisation.";
            TuiMineNoPilot => "Cette action n'a pas de pilote.", "This action has no pilot.";
            TuiMineOf => "pilotés par", "piloted by";
            TuiMineNoConfig => "Pas de dossier de configuration : retenu pour cette session seulement.", "No configuration folder: remembered for this session only.";
            CliNoSuchPilot => "aucune organisation, personne ni identifiant {wanted} dans la base {db} ; les codes connus sont {known}", "no organisation, person or login {wanted} in the database {db}; the known codes are {known}";
        }
    };
}
