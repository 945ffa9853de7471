//! The one catalogue of user-facing text, in French and English.

use chrono::NaiveDate;

use crate::domain::{
    ActionStatus, FundingSource, IndicatorKind, OrgKind, PlanKind, PlanStatus, Weather,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// French when the locale says French (`LC_ALL`, then `LC_MESSAGES`, then `LANG`,
    /// the first one set wins, as in POSIX), English otherwise.
    pub fn from_env() -> Lang {
        Lang::from_locale_vars(|k| std::env::var(k).ok())
    }

    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    pub fn date(self, d: NaiveDate) -> String {
        match self {
            Lang::Fr => d.format("%d/%m/%Y").to_string(),
            Lang::En => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn opt_date(self, d: Option<NaiveDate>) -> String {
        d.map(|d| self.date(d)).unwrap_or_else(|| "—".to_string())
    }

    pub fn t(self, text: T) -> &'static str {
        match self {
            Lang::Fr => text.fr(),
            Lang::En => text.en(),
        }
    }

    /// Days as a short unit: `12 j` / `12 d`.
    pub fn days(self, n: i64) -> String {
        match self {
            Lang::Fr => format!("{n} j"),
            Lang::En => format!("{n} d"),
        }
    }

    pub fn percent(self, p: impl Into<i64>) -> String {
        let p: i64 = p.into();
        match self {
            Lang::Fr => format!("{p} %"),
            Lang::En => format!("{p}%"),
        }
    }

    /// A catalogue text with its `{name}` places filled with `values` (see [`fill`]).
    pub fn fill(self, text: T, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        fill(self.t(text), values)
    }

    /// `1 plan`, `2 plans`: a count with its noun. French writes the singular for
    /// zero (`0 action`), English the plural (`0 actions`).
    pub fn count(self, n: u64, one: T, many: T) -> String {
        let singular = match self {
            Lang::Fr => n <= 1,
            Lang::En => n == 1,
        };
        format!("{n} {}", self.t(if singular { one } else { many }))
    }
}

/// `template` with each `{name}` of `values` replaced, in one pass: a value is never
/// read as a place itself, and a brace that opens no known place stays as it is.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let place = after.find('}').and_then(|close| {
            let value = values.iter().find(|(name, _)| *name == &after[..close])?.1;
            Some((value, close))
        });
        match place {
            Some((value, close)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

macro_rules! catalogue {
    ($($key:ident => $fr:expr, $en:expr;)+) => {
        /// A piece of user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($key),+ }
        impl T {
            pub fn fr(self) -> &'static str { match self { $(T::$key => $fr),+ } }
            pub fn en(self) -> &'static str { match self { $(T::$key => $en),+ } }
        }
    };
}

catalogue! {
    // Vocabularies
    StatusTodo => "À faire", "To do";
    StatusInProgress => "En cours", "In progress";
    StatusOnHold => "Suspendue", "On hold";
    StatusDone => "Réalisée", "Done";
    StatusAbandoned => "Abandonnée", "Abandoned";
    PlanCtsRoadmap => "Feuille de route", "Roadmap";
    PlanCpom => "CPOM", "CPOM";
    PlanPerformance => "Contrat de performance", "Performance contract";
    PlanOther => "Autre plan", "Other plan";
    PlanDraft => "Brouillon", "Draft";
    PlanConsultation => "Concertation", "Consultation";
    PlanAdopted => "Adopté", "Adopted";
    PlanInForce => "En vigueur", "In force";
    PlanClosed => "Clos", "Closed";
    OrgArsHq => "ARS, siège", "ARS headquarters";
    OrgArsDd => "ARS, délégation", "ARS delegation";
    OrgHealthInsurance => "Assurance maladie", "Health insurance";
    OrgLocalAuthority => "Collectivité", "Local authority";
    OrgHospital => "Établissement de santé", "Hospital";
    OrgGht => "GHT", "Hospital group (GHT)";
    OrgCpts => "CPTS", "CPTS";
    OrgUrps => "URPS", "URPS";
    OrgAssociation => "Association", "Association";
    OrgEducation => "Enseignement", "Education";
    OrgState => "Services de l'État", "State service";
    OrgOther => "Autre", "Other";
    SourceFir => "FIR", "FIR";
    SourceHealthInsurance => "Assurance maladie", "Health insurance";
    SourceLocalAuthority => "Collectivité", "Local authority";
    SourceState => "État", "State";
    SourceEurope => "Europe", "Europe";
    SourceOwnFunds => "Fonds propres", "Own funds";
    SourceOther => "Autre", "Other";
    WeatherGreen => "vert", "green";
    WeatherOrange => "orange", "orange";
    WeatherRed => "rouge", "red";
    IndicatorOutput => "réalisation", "output";
    IndicatorOutcome => "résultat", "outcome";
    IndicatorImpact => "impact", "impact";

    // Reports (command line)
    ColTerritory => "Territoire", "Territory";
    ColPlan => "Plan", "Plan";
    ColPlans => "Plans", "Plans";
    ColAction => "Action", "Action";
    ColActions => "Actions", "Actions";
    ColCode => "Code", "Code";
    ColTitle => "Intitulé", "Title";
    ColTheme => "Thème", "Theme";
    ColStatus => "Statut", "Status";
    ColProgress => "Avancement", "Progress";
    ColPilot => "Pilote", "Pilot";
    ColPartners => "Partenaires", "Partners";
    ColStart => "Début", "Start";
    ColDue => "Échéance", "Due";
    ColDone => "Réalisée le", "Done on";
    ColOverdue => "En retard", "Overdue";
    ColDaysLate => "Jours de retard", "Days late";
    ColLate => "Retard", "Late";
    ColPlanned => "Prévu", "Planned";
    ColCommitted => "Engagé", "Committed";
    ColPaid => "Payé", "Paid";
    ColAllocation => "Dotation", "Allocation";
    ColDoneShare => "Réalisé", "Done";
    ColOverdueActions => "Actions en retard", "Overdue actions";
    ColOverdueMilestones => "Jalons en retard", "Overdue milestones";
    ColDueSoon => "Échéance proche", "Due soon";
    ColKind => "Type", "Kind";
    ColMilestone => "Jalon", "Milestone";
    Total => "Total région", "Region total";
    Yes => "oui", "yes";
    No => "non", "no";
    KindAction => "action", "action";
    KindMilestone => "jalon", "milestone";
    NothingOverdue => "Rien en retard au", "Nothing overdue as of";
    OverdueAsOf => "En retard au", "Overdue as of";
    BoardAsOf => "Tableau de bord au", "Board as of";
    DatabaseAt => "Base", "Database";
    EmptyDatabase => "La base est vide : chargez la démo (jalon demo) ou importez un fichier (jalon import FICHIER).", "The database is empty: load the demo (jalon demo) or import a file (jalon import FILE).";
    // Import and export (command line)
    ImportOf => "Import de", "Import of";
    ImportInto => "dans", "into";
    ColCreated => "Créés", "Created";
    ColUpdated => "Modifiés", "Updated";
    ColUnchanged => "Inchangés", "Unchanged";
    EntityRegion => "Région", "Region";
    EntityThemes => "Thèmes", "Themes";
    EntityTerritories => "Territoires", "Territories";
    EntityOrganisations => "Organisations", "Organisations";
    EntityPeople => "Personnes", "People";
    EntityEnvelopes => "Enveloppes", "Envelopes";
    EntityCatalogue => "Catalogue", "Catalogue";
    DryRunNothingWritten => "(essai : rien n'a été écrit)", "(dry run: nothing written)";
    NothingToImport => "Le fichier ne contient rien à importer.", "The file holds nothing to import.";
    WarningPrefix => "attention", "warning";

    // Interactive interface
    TuiBoard => "Tableau de bord", "Board";
    TuiOverdueView => "Retards", "Overdue";
    TuiWelcome => "Bienvenue", "Welcome";
    TuiHelp => "Aide", "Help";
    TuiTodaySet => "fixé par --today", "set by --today";
    TuiReadOnly => "lecture seule", "read-only";
    TuiColDone => "Réalisé", "Done";
    TuiColOverdueActions => "⚠ Actions", "⚠ Actions";
    TuiColOverdueMilestones => "⚠ Jalons", "⚠ Milest.";
    TuiColDueSoon => "À échoir", "Due soon";
    TuiOf => "de", "of";
    TuiPlannedWord => "prévu", "planned";
    TuiAllocationWord => "dotation", "allocation";
    TuiColPeriod => "Période", "Period";
    TuiColProgress => "Av.", "Prog.";
    TuiColLate => "Retard", "Late";
    TuiColDelay => "Délai", "Time";
    TuiColBudget => "Prévu", "Planned";
    TuiOverdueActionsWord => "actions en retard", "overdue actions";
    TuiOverdueMilestonesWord => "jalons en retard", "overdue milestones";
    TuiOverdueWord => "en retard", "overdue";
    TuiKindPerformanceShort => "Contrat perf.", "Perf. contract";
    TuiMilestoneShort => "jalon", "milest.";
    TuiOverdueActionWord => "action en retard", "overdue action";
    TuiOverdueMilestoneWord => "jalon en retard", "overdue milestone";
    TuiNothingOverdue => "Rien en retard", "Nothing overdue";
    TuiDueWithin => "à échéance sous", "due within";
    TuiPlansWord => "plans", "plans";
    TuiActionsWord => "actions", "actions";
    TuiPlanWord => "plan", "plan";
    TuiActionWord => "action", "action";
    TuiEmptyBoard => "Aucun territoire pour l'instant : A pour en ajouter, ou jalon import FICHIER.", "No territory yet: A to add one, or jalon import FILE.";
    TuiEmptyPlans => "Aucun plan dans ce territoire.", "No plan in this territory.";
    TuiEmptyActions => "Aucune action dans ce plan.", "No action in this plan.";
    TuiEmptyOverdue => "Rien en retard dans la région.", "Nothing overdue in the region.";
    TuiNoMatch => "Rien ne correspond : Échap efface le filtre.", "Nothing matches: Esc clears the filter.";
    TuiNotFound => "aucun territoire, plan ou action de ce code (PLAN/ACTION pour une action)", "no territory, plan or action has this code (PLAN/ACTION for an action)";
    TuiGone => "Ceci n'existe plus : quelqu'un l'a supprimé entre-temps.", "This no longer exists: someone removed it meanwhile.";
    TuiNoFacetValue => "Cette ligne n'a pas de valeur à retenir.", "This row has no value to narrow to.";
    TuiEndOfList => "Bout de la liste.", "End of the list.";
    TuiImported => "Chargé :", "Loaded:";
    TuiLoading => "Chargement en cours…", "Loading…";
    TuiReadOnlyRefused => "Base ouverte en lecture seule : rien ne peut y être écrit.", "The database is open read-only: nothing can be written.";
    TuiFacetTheme => "thème", "theme";
    TuiFacetPilot => "pilote", "pilot";
    TuiFacetTerritory => "territoire", "territory";
    TuiOverdueOnly => "retards seuls", "overdue only";
    TuiSorted => "tri", "sort";
    TuiTooSmall => "Fenêtre trop petite", "Window too small";
    TuiTooSmallNeed => "Il faut au moins", "It needs at least";
    TuiTooSmallWhat => "Agrandissez la fenêtre, ou q pour quitter.", "Enlarge the window, or press q to quit.";
    TuiKeyEnter => "Entrée", "Enter";
    TuiKeyEsc => "Échap", "Esc";
    TuiKeyHome => "Début", "Home";
    TuiKeyEnd => "Fin", "End";
    TuiKeySpace => "Espace", "Space";
    TuiKeyPageUp => "PgPréc", "PgUp";
    TuiKeyPageDown => "PgSuiv", "PgDn";
    TuiHintUp => "monter", "up";
    TuiHintDown => "défiler", "scroll";
    TuiHintPage => "page", "page";
    TuiHintTop => "début", "top";
    TuiHintBottom => "fin", "bottom";
    TuiHintOpen => "ouvrir", "open";
    TuiHintBack => "retour", "back";
    TuiHintQuit => "quitter", "quit";
    TuiHintHelp => "aide", "help";
    TuiHintFilter => "filtrer", "filter";
    TuiHintOverdueOnly => "retards", "overdue";
    TuiHintSort => "trier", "sort";
    TuiHintSortReverse => "inverser", "reverse";
    TuiHintOnlyTheme => "thème", "theme";
    TuiHintOnlyPilot => "pilote", "pilot";
    TuiHintOnlyTerritory => "territoire", "territory";
    TuiHintBoard => "tableau", "board";
    TuiHintOverdue => "retards", "overdue";
    TuiHintNext => "action suiv./préc.", "next/prev. action";
    TuiHintPrevious => "action précédente", "previous action";
    TuiHintDemo => "démo", "demo";
    TuiHintImport => "importer", "import";
    TuiHintEmpty => "base vide", "empty";
    TuiHintKeep => "garder", "keep";
    TuiHintClear => "effacer", "clear";
    TuiHintCancel => "annuler", "cancel";
    TuiDoUp => "Ligne précédente", "Previous line";
    TuiDoDown => "Ligne suivante", "Next line";
    TuiDoPageUp => "Page précédente", "Previous page";
    TuiDoPageDown => "Page suivante", "Next page";
    TuiDoTop => "Début de la liste", "Top of the list";
    TuiDoBottom => "Fin de la liste", "Bottom of the list";
    TuiDoOpen => "Ouvrir la ligne choisie", "Open the selected line";
    TuiDoBack => "Revenir en arrière (efface d'abord le filtre)", "Go back (clears the filter first)";
    TuiDoQuit => "Quitter", "Quit";
    TuiDoHelp => "Cette aide", "This help";
    TuiDoFilter => "Filtrer en tapant (sans tenir compte des accents ni des majuscules)", "Filter as you type (accents and case ignored)";
    TuiDoOverdueOnly => "Retards seuls / tout (bascule)", "Overdue only / everything (toggle)";
    TuiDoSort => "Trier par la colonne suivante (puis ordre initial)", "Sort by the next column (then the initial order)";
    TuiDoSortReverse => "Inverser le tri", "Reverse the sort";
    TuiDoOnlyTheme => "Seulement le thème de la ligne choisie (bascule)", "Only the theme of the selected line (toggle)";
    TuiDoOnlyPilot => "Seulement le pilote de la ligne choisie (bascule)", "Only the pilot of the selected line (toggle)";
    TuiDoOnlyTerritory => "Seulement le territoire de la ligne choisie (bascule)", "Only the territory of the selected line (toggle)";
    TuiDoBoard => "Tableau de bord de la région", "The region's board";
    TuiDoOverdue => "Tous les retards de la région", "Everything overdue in the region";
    TuiDoNext => "Action suivante de la liste", "Next action of the list";
    TuiDoPrevious => "Action précédente de la liste", "Previous action of the list";
    TuiDoDemo => "Charger la démo (données d'illustration)", "Load the demo (illustration data)";
    TuiDoImport => "Importer un fichier jalon/1", "Import a jalon/1 file";
    TuiDoEmpty => "Commencer avec une base vide", "Start with an empty database";
    TuiHelpKeys => "Touches", "Keys";
    TuiHelpFilter => "Filtre", "Filter";
    TuiHelpFilterText => "Chaque mot tapé doit se retrouver dans la ligne : « prev aisne ».", "Every word typed must appear in the line: \"prev aisne\".";
    TuiHelpMarks => "Repères", "Marks";
    TuiHelpClose => "Une touche pour fermer.", "Any key closes.";
    TuiMarkOverdue => "en retard, depuis tant de jours", "overdue, by this many days";
    TuiMarkDueSoon => "échéance proche : dans les", "due soon: within";
    TuiMarkLateStart => "démarrage en retard : début passé, toujours à faire", "late start: start date passed, still to do";
    TuiMarkDone => "réalisée", "done";
    TuiMarkOverBudget => "dotation dépassée par les lignes prévues sur son enveloppe", "allocation exceeded by the lines planned on its envelope";
    TuiMarkDaysLeft => "jours restants avant l'échéance", "days left before the due date";
    TuiWelcomeTitle => "Jalon : suivi des feuilles de route territoriales de santé", "Jalon: following territorial health action plans";
    TuiWelcomeEmpty1 => "La base", "The database";
    TuiWelcomeEmpty2 => "est vide. Pour commencer :", "is empty. To begin:";
    TuiImportPrompt => "Fichier à importer (jalon/1, JSON) :", "File to import (jalon/1, JSON):";
    TuiObjective => "Objectif", "Objective";
    TuiOrigin => "Origine", "Origin";
    TuiCatalogue => "Catalogue", "Catalogue";
    TuiLocalInitiative => "Initiative locale", "Local initiative";
    TuiWeather => "météo", "weather";
    TuiLateStart => "démarrage en retard", "late start";
    TuiCalendar => "Calendrier", "Calendar";
    TuiLateWord => "de retard", "late";
    TuiMilestones => "Jalons", "Milestones";
    TuiDoneOn => "réalisé le", "done on";
    TuiBudget => "Budget", "Budget";
    TuiNoBudget => "Aucune ligne budgétaire.", "No budget line.";
    TuiSource => "Source", "Source";
    TuiYear => "Année", "Year";
    TuiBudgetLine => "Objet · financeur", "What · funder";
    TuiTotal => "Total", "Total";
    TuiToCommit => "Reste à engager :", "Left to commit:";
    TuiToPay => "reste à payer :", "left to pay:";
    TuiIndicators => "Indicateurs", "Indicators";
    TuiBaseline => "départ", "baseline";
    TuiTarget => "cible", "target";
    TuiLatestValue => "dernière valeur", "latest value";
    TuiNoValue => "aucune valeur relevée", "no value recorded";
    TuiJournal => "Journal", "Journal";
    TuiNoNotes => "Aucune note.", "No note.";
    TuiLastChange => "Dernière modification", "Last change";
    TuiOriginImport => "import", "import";
    TuiOriginDemo => "démo", "demo";
    TuiOriginEdit => "modification", "edit";
    TuiOriginUndo => "annulation", "undo";
    TuiCreated => "création", "created";
    TuiRemoved => "suppression", "removed";

    // Editing: the pilot's quick update, undo and redo
    TuiHintUpdate => "màj", "update";
    TuiDoUpdate => "Statut (d réalisée), avancement, météo, note", "Status (d done), progress, weather, note";
    TuiHintUndo => "annuler", "undo";
    TuiDoUndo => "Annuler votre dernière modification", "Undo your last change";
    TuiHintRedo => "rétablir", "redo";
    TuiDoRedo => "Rétablir la modification annulée (aussi Ctrl-R)", "Redo the undone change (also Ctrl-R)";
    TuiUpdateTitle => "Mise à jour", "Update";
    TuiFieldStatus => "Statut", "Status";
    TuiFieldProgress => "Avancement", "Progress";
    TuiFieldNote => "Note", "Note";
    TuiConfirmCancel => "Échap encore pour abandonner ce qui a été saisi", "Esc again to drop what you typed";
    TuiConflictTitle => "Modifiée par quelqu'un d'autre depuis l'ouverture :", "Changed by someone else since you opened it:";
    TuiSaved => "Enregistré :", "Saved:";
    TuiNothingToUndo => "Rien à annuler dans cette session.", "Nothing to undo in this session.";
    TuiNothingToRedo => "Rien à rétablir.", "Nothing to redo.";
    TuiUndoRefused => "Annulation refusée : modifiée depuis par", "Undo refused: changed since by";
    TuiReadOnlyEdit => "Lecture seule : la base est ouverte sans écriture (--read-only ou fichier protégé), rien ne peut être modifié.", "Read-only: the database is open without writing (--read-only or a protected file); nothing can be changed.";
    TuiNoActionHere => "Choisissez d'abord une action.", "Choose an action first.";
    TuiNothingChanged => "Rien n'a changé.", "Nothing changed.";
    TuiSaving => "Enregistrement…", "Saving…";
    TuiDraftFound => "Saisie retrouvée (le programme s'était arrêté) : Entrée pour l'enregistrer, Échap pour l'abandonner.", "Typing recovered (the program had stopped): Enter to save it, Esc to drop it.";
    TuiHistory => "Historique des modifications", "Change history";
    TuiFieldTitle => "Intitulé", "Title";
    TuiFieldWeather => "Météo", "Weather";
    TuiFieldStart => "Début", "Start";
    TuiFieldDue => "Échéance", "Due";
    TuiFieldDone => "Réalisée le", "Done on";
    TuiFieldPilotOrg => "Pilote", "Pilot";
    TuiFieldPilotPerson => "Personne", "Person";
    TuiNeedTitle => "un intitulé est nécessaire", "a title is needed";
    TuiBadDate => "date : 31/12/2025, +2s, +3m, fdm", "a date: 31/12/2025, +2w, +3m, eom";
    TuiDueBeforeStart => "l'échéance précède le début", "due before the start";
    TuiDoneNeedsDate => "une action réalisée a une date de réalisation", "a done action has a done date";
    TuiDateNeedsDone => "seule une action réalisée a une date de réalisation", "only a done action has a done date";
    TuiNoSuchOrg => "aucune organisation ne correspond", "no organisation matches";
    TuiNoSuchPerson => "personne ne correspond dans cette organisation", "nobody matches in this organisation";
    TuiFormTitle => "Modifier l'action", "Edit the action";
    TuiHintEdit => "modifier", "edit";
    TuiDoEdit => "Modifier l'action : intitulé, statut, calendrier, pilote", "Edit the action: title, status, calendar, pilot";
    TuiHintMark => "marquer", "mark";
    TuiDoMark => "Marquer l'action choisie pour une modification groupée (bascule)", "Mark the chosen action for a bulk edit (toggle)";
    TuiHintBulk => "groupé", "bulk";
    TuiDoBulk => "Modifier ensemble les actions marquées : décaler les échéances, statut", "Edit the marked actions together: shift due dates, status";
    TuiBulkTitle => "Modification groupée", "Bulk edit";
    TuiBulkShift => "Décaler les échéances", "Shift due dates";
    TuiBulkShiftHint => "+2s, -10j, +1m (depuis chaque échéance) ou une date", "+2w, -10d, +1m (from each due date) or a date";
    TuiBulkUnchanged => "inchangé", "unchanged";
    TuiBulkConflict => "Rien n'a été modifié : des actions ont changé entre-temps, par", "Nothing changed: some actions were changed meanwhile, by";
    TuiHintMilestones => "jalons", "milestones";
    TuiDoMilestones => "Jalons de l'action : ajouter, modifier, marquer faits, retirer", "The action's milestones: add, edit, mark done, remove";
    TuiMilestonesTitle => "Jalons", "Milestones";
    TuiNoMilestones => "Aucun jalon.", "No milestone.";
    TuiConfirmRemove => "Retirer ce jalon ? o pour confirmer, une autre touche pour garder.", "Remove this milestone? y to confirm, any other key to keep it.";
    TuiFieldMilestone => "Jalon", "Milestone";
    TuiFieldSource => "Source", "Source";
    TuiFieldFunder => "Financeur", "Funder";
    TuiFieldYear => "Année", "Year";
    TuiFieldLabel => "Objet", "Label";
    TuiBadYear => "une année, comme 2025", "a year, such as 2025";
    TuiBadAmount => "montant : 12 500,50 ou 12,5k", "an amount: 12,500.50 or 12.5k";
    TuiNeedPlanned => "le montant prévu est nécessaire", "the planned amount is needed";
    TuiPaidAboveCommitted => "attention : payé au-dessus de l'engagé", "note: paid above committed";
    TuiCommittedAbovePlanned => "attention : engagé au-dessus du prévu", "note: committed above planned";
    TuiBudgetTitle => "Budget", "Budget";
    TuiConfirmRemoveLine => "Retirer cette ligne ? o pour confirmer, une autre touche pour garder.", "Remove this line? y to confirm, any other key to keep it.";
    TuiHintBudget => "budget", "budget";
    TuiDoBudget => "Lignes budgétaires de l'action : ajouter, modifier, retirer", "The action's budget lines: add, edit, remove";
    TuiHintNewAction => "nouvelle", "new";
    TuiDoNewAction => "Nouvelle action dans ce plan : du catalogue ou initiative locale", "New action in this plan: from the catalogue or a local initiative";
    TuiNewActionTitle => "Nouvelle action", "New action";
    TuiFieldOrigin => "Origine", "Origin";
    TuiFieldCode => "Code", "Code";
    TuiFieldTheme => "Thème", "Theme";
    TuiBadCode => "1 à 40 lettres, chiffres, - _ .", "1 to 40 letters, digits, - _ .";
    TuiCodeTaken => "ce code est déjà pris dans ce plan", "this code is already used in this plan";
    TuiHintPartners => "partenaires", "partners";
    TuiDoPartners => "Partenaires de l'action : ajouter, changer le rôle, retirer", "The action's partners: add, change the role, remove";
    TuiPartnersTitle => "Partenaires", "Partners";
    TuiFieldPartner => "Organisation", "Organisation";
    TuiFieldRole => "Rôle", "Role";
    TuiNoPartners => "Aucun partenaire.", "No partner.";
    TuiConfirmRemovePartner => "Retirer ce partenaire ? o pour confirmer, une autre touche pour garder.", "Remove this partner? y to confirm, any other key to keep it.";
    TuiFieldObjective => "Objectif", "Objective";
    TuiHintNote => "note", "note";
    TuiDoNote => "Écrire une note au journal de l'action (plusieurs lignes)", "Write a note in the action's journal (several lines)";
    TuiNoteTitle => "Note au journal", "Journal note";
    TuiHintDelete => "supprimer", "delete";
    TuiDeleteTitle => "Supprimer l'action ?", "Delete the action?";
    TuiDeleteKept => "Action gardée.", "Action kept.";
    TuiFieldEnd => "Fin", "End";
    TuiFieldEnvelope => "Enveloppe", "Envelope";
    TuiNewPlanTitle => "Nouveau plan", "New plan";
    TuiHintNewPlan => "nouveau plan", "new plan";
    TuiDoNewPlan => "Nouveau plan dans ce territoire (feuille de route, CPOM, contrat)", "New plan in this territory (roadmap, CPOM, contract)";
    TuiPlanCreated => "Plan créé :", "Plan created:";
    TuiPlanSaved => "Plan enregistré :", "Plan saved:";
    TuiEditPlanTitle => "Modifier le plan", "Edit the plan";
    TuiFieldSigned => "Signé le", "Signed on";
    TuiHintEditPlan => "modifier", "edit";
    TuiDoEditPlan => "Modifier le plan choisi : intitulé, statut, période, signature, enveloppe, dotation", "Edit the chosen plan: title, status, period, signing, envelope, allocation";
    TuiCodeFixed => "(fixe : d'autres s'y réfèrent)", "(fixed: others refer to it)";
    TuiFieldIndicator => "Indicateur", "Indicator";
    TuiFieldUnit => "Unité", "Unit";
    TuiFieldTargetDate => "Date cible", "Target date";
    TuiFieldValueDate => "Relevé le", "Measured on";
    TuiFieldValue => "Valeur", "Value";
    TuiNeedValue => "une valeur est nécessaire", "a value is needed";
    TuiIndicatorsTitle => "Indicateurs", "Indicators";
    TuiNoIndicators => "Aucun indicateur.", "No indicator.";
    TuiConfirmRemoveIndicator => "Retirer cet indicateur et ses valeurs ? o pour confirmer.", "Remove this indicator and its values? y to confirm.";
    TuiHintIndicators => "indicateurs", "indicators";
    TuiDoIndicators => "Indicateurs de l'action : ajouter, modifier, relever une valeur, retirer", "The action's indicators: add, edit, record a value, remove";
    TuiNoSuchOrgCreate => "inconnue, Ctrl-N la crée", "unknown, Ctrl-N creates it";
    TuiNoSuchPersonCreate => "inconnue, Ctrl-N la crée", "unknown, Ctrl-N creates them";
    TuiHintDirectory => "annuaire", "directory";
    TuiDoDirectory => "Annuaire : territoires, organisations, personnes ; ajouter, modifier", "Directory: territories, organisations, people; add, edit";
    TuiDirTitle => "Annuaire", "Directory";
    TuiDirTerritories => "Territoires", "Territories";
    TuiDirOrganisations => "Organisations", "Organisations";
    TuiDirPeople => "Personnes", "People";
    TuiDirEmpty => "Rien ici encore : a pour ajouter.", "Nothing here yet: a to add.";
    TuiDirNoMatch => "Rien ne correspond au filtre.", "Nothing matches the filter.";
    TuiDirNew => "Nouvelle entrée", "New entry";
    TuiDirSaved => "Enregistré dans l'annuaire :", "Saved in the directory:";
    TuiDirCodeProposed => "proposé :", "proposed:";
    TuiFieldName => "Nom", "Name";
    TuiFieldDepartments => "Départements", "Departments";
    TuiFieldKind => "Type", "Kind";
    TuiFieldTerritory => "Territoire", "Territory";
    TuiFieldOrganisation => "Organisation", "Organisation";
    TuiFieldEmail => "Courriel", "Email";
    TuiFieldPhone => "Téléphone", "Phone";
    TuiFieldLogin => "Identifiant", "Login";
    TuiNeedName => "un nom est nécessaire", "a name is needed";
    TuiDirCodeTaken => "ce code est déjà pris", "this code is already taken";
    TuiNoSuchTerritory => "aucun territoire ne correspond", "no territory matches";
    TuiBadProgress => "l'avancement est un nombre de 0 à 100", "progress is a number from 0 to 100";

    // What leaves Jalon (command line: reports and CSV)
    ColActionTitle => "Intitulé de l'action", "Action title";

    // Values: why a typed date or amount is refused (each short enough to stand
    // whole beside its field at 80 columns)
    ValDateNoSuchDay => "ce jour n'existe pas", "this day does not exist";
    ValDateOutOfRange => "années de 1900 à 2199", "years from 1900 to 2199";
    ValDateBadUnit => "unité : +10j, +2s, +3m, +1a", "unit: +10d, +2w, +3m, +1y";
    ValAmountNegative => "un montant ne peut pas être négatif", "an amount cannot be negative";
    ValAmountSubCent => "au plus deux décimales (centimes)", "at most two decimals (cents)";
    ValAmountTooLarge => "au plus 100 000 000 000 €", "at most €100,000,000,000";

    // History people can read, and smaller things (issue 8, sections 5 and 6)
    TuiOriginRedo => "rétablissement", "redo";
    TuiHistNote => "note", "note";
    TuiHistNotes => "notes", "notes";
    TuiHistBudgetLine => "Ligne budgétaire", "Budget line";
    TuiHistBudgetLineAdded => "Ligne budgétaire ajoutée", "Budget line added";
    TuiHistBudgetLineRemoved => "Ligne budgétaire retirée", "Budget line removed";
    TuiHistMilestoneAdded => "Jalon ajouté", "Milestone added";
    TuiHistMilestoneRemoved => "Jalon retiré", "Milestone removed";
    TuiHistPartner => "Partenaire", "Partner";
    TuiHistPartnerAdded => "Partenaire ajouté", "Partner added";
    TuiHistPartnerRemoved => "Partenaire retiré", "Partner removed";
    TuiHistIndicatorAdded => "Indicateur ajouté", "Indicator added";
    TuiHistIndicatorRemoved => "Indicateur retiré", "Indicator removed";
    TuiHistValues => "Relevés", "Values";
    TuiToday => "aujourd'hui", "today";
    TuiNothingDueWithin => "aucune échéance sous", "nothing due within";
    TuiFilterWord => "filtre", "filter";
    TuiEnvelopeOverfilled => "attention : les dotations sur l'enveloppe", "note: the allocations from envelope";
    TuiEnvelopeComesTo => "atteignent", "come to";
    TuiEnvelopeAbove => "pour un montant de", "above its amount of";
    TuiCloseBoxToUndo => "Fermez d'abord la boîte (Échap) pour annuler ou rétablir.", "Close the box first (Esc) to undo or redo.";

    // Pasting and stray keys (issue 8, part "tuiin").
    TuiFieldKeyClear => "effacer le champ", "clear the field";
    TuiFieldKeyCreate => "pilote, partenaire, financeur : l'ajouter à l'annuaire", "pilot, partner, funder: add it to the directory";
    TuiFieldKeySave => "enregistrer", "save";
    TuiFieldKeyNext => "champ suivant (un nombre arrive sélectionné : la frappe le remplace)", "next field (a number arrives selected: typing replaces it)";
    TuiHelpFields => "Dans un champ", "In a field";
    TuiUndoneSay => "Annulé (U rétablit) :", "Undone (U redoes it):";
    TuiRedoneSay => "Rétabli (u annule) :", "Redone (u undoes it):";
    TuiDeletedSay => "Supprimée (u la rétablit) :", "Deleted (u brings it back):";
    TuiSummaryDeleted => "supprimée", "deleted";
    TuiSummaryCreated => "créée", "created";
    TuiPersonOfOrg => "existe déjà, dans l'organisation", "already exists, in organisation";
    TuiPasteNowhere => "Rien n'a été collé : aucun champ ouvert ici (m, e, N ouvrent une saisie).", "Nothing was pasted: no field is open here (m, e, N open one).";

    // Walking the interface (issue 8, part "walktui").
    TuiPasteNotText => "Rien n'a été collé : ce champ ne prend pas de texte (Tab passe au suivant).", "Nothing was pasted: this field takes no text (Tab moves to the next).";
    TuiStepCreation => "création de", "creation of";
    TuiStepChange => "modification de", "change to";

    // Walking the command line (issue 8, part "walkcli").
    CliStandardInput => "l'entrée standard", "the standard input";

    // Polish after the interface walk (issue 8, part "polish").
    TuiCodeFixedSaved => "(fixe : il identifie la fiche)", "(fixed: it identifies the entry)";

    // The database's and the command line's error messages (issue 8, part "errfr").
    CliNeedsTerminal => "l'interface a besoin d'un terminal, et la sortie standard n'en est pas un ici : lancez `jalon` dans un terminal, ou utilisez `jalon board`, `jalon overdue` ou `jalon export` dans les scripts et les tubes", "the interface needs a terminal, and the standard output is not one here: run `jalon` in a terminal, or use `jalon board`, `jalon overdue` or `jalon export` in scripts and pipes";
    CliNoCodes => "aucun : la base est vide", "none: the database is empty";

    // Rebinding keys in the config file (issue 9, part "keys").
    KeysUnknownCommand => "commande inconnue (les noms des commandes sont dans le README, section « Keys ») ; ignorée", "unknown command (the command names are in the README, section \"Keys\"); ignored";
    KeysUnknownKey => "n'est pas un nom de touche (un caractère, Enter, Esc, Tab, Space, F1…F12, Ctrl-x) ; ignoré", "is not a key name (a character, Enter, Esc, Tab, Space, F1…F12, Ctrl-x); ignored";
    KeysReserved => "est réservée (Ctrl-C quitte, Ctrl-R rétablit) ; ignorée", "is reserved (Ctrl-C quits, Ctrl-R redoes); ignored";
    KeysNotKeys => "n'est ni une touche ni une liste de touches ; ignoré.", "is neither a key nor a list of keys; ignored.";
    KeysDefaultsKept => "aucune touche utilisable : ses touches par défaut restent :", "no usable key: its default keys stay:";
    KeysTheKey => "la touche", "the key";
    KeysAlreadyDoes => "fait déjà", "already does";
    KeysStays => "elle lui reste", "it stays with it";
    // The boxes' key lines, written from the boxes' keymap (issue 9, part "keys").
    BoxHintField => "champ", "field";
    BoxHintNextField => "champ", "next field";
    BoxHintChoose => "choisir", "choose";
    BoxHintChange => "changer", "change";
    BoxHintQuickDone => "réalisée", "done";
    BoxHintValidate => "valider", "save";
    BoxHintSave => "enregistrer", "save";
    BoxHintCancel => "annuler", "cancel";
    BoxHintApplyAll => "appliquer à toutes", "apply to all";
    BoxHintCreate => "créer", "create";
    BoxHintKind => "type", "kind";
    BoxHintAdd => "ajouter", "add";
    BoxHintEdit => "modifier", "edit";
    BoxHintMilestoneDone => "fait", "done";
    BoxHintRemove => "retirer", "remove";
    BoxHintClose => "fermer", "close";
    BoxHintValue => "valeur", "value";
    BoxHintNewLine => "nouvelle ligne", "new line";
    BoxHintDelete => "supprimer", "delete";
    BoxHintKeepAction => "toute autre touche garder l'action", "any other key keeps the action";
    BoxHintSection => "rubrique", "section";
    BoxHintFilter => "filtrer", "filter";
    BoxKeyDelete => "Suppr", "Del";
    BoxHintReapply => "réappliquer vos valeurs", "reapply your values";
    BoxHintDrop => "les abandonner", "drop them";
    TuiDoDeleteHead => "Supprimer l'action (confirmation demandée, annulable par", "Delete the action (asks first;";
    TuiDoDeleteTail => ")", " undoes it)";

    // One home for each word (issue 9, part "rules"): texts that were written inline
    // by language; `{name}` places are filled by `Lang::fill`.
    Colon => " : ", ": ";
    Quoted => "« {text} »", "“{text}”";
    DaysLeft => "J-{days}", "D-{days}";
    TuiConflictWhen => "%d/%m %H:%M", "%m-%d %H:%M";
    EditNotFound => "aucune action {key}", "no action {key}";
    CliDemoNotEmpty => "{db} n'est pas vide : la démonstration se mêlerait à vos données. Utilisez `jalon demo --force` pour la charger quand même, ou choisissez un autre fichier avec --db", "{db} is not empty: the demo would mix with your data. Use `jalon demo --force` to load it anyway, or choose another file with --db";
    CliDemoLoaded => "Démo chargée dans {path} : {plans} plans, {actions} actions (données d'illustration, dates placées autour du {day}).", "Demo loaded into {path}: {plans} plans, {actions} actions (illustration data, dates placed around {day}).";
    CliPlanNotInTerritory => "le plan {plan} appartient au territoire {owner}, pas {territory} : retirez --territory ou choisissez un autre plan", "the plan {plan} belongs to the territory {owner}, not {territory}: drop --territory or choose another plan";
    CliNoSuchTerritory => "aucun territoire {wanted} dans la base {db} ; les codes connus sont {known}", "no territory {wanted} in the database {db}; the known codes are {known}";
    CliNoSuchPlan => "aucun plan {wanted} dans la base {db} ; les codes connus sont {known}", "no plan {wanted} in the database {db}; the known codes are {known}";
    CliOpenedReadOnly => "{db} : ouvert avec --read-only, rien ne peut y être écrit", "{db}: opened with --read-only, so nothing can be written";
    CliImportTooLarge => "{what} dépasse 512 Mio, le plus que `jalon import` lit : découpez-le (un fichier par territoire ou par plan)", "{what} is larger than 512 MiB, the most `jalon import` reads: split it (one file per territory or plan)";
    CliCannotReadStdin => "impossible de lire l'entrée standard : {why}", "cannot read the standard input: {why}";
    CliNoSuchFile => "fichier introuvable", "no such file";
    CliPermissionDenied => "permission refusée", "permission denied";
    CliIsAFolder => "c'est un dossier, pas un fichier", "this is a directory, not a file";
    CliCannotReadFile => "{path} : impossible de lire le fichier : {why}", "{path}: cannot read the file: {why}";
    CliNotARegularFile => "{path} n'est pas un fichier ordinaire (un périphérique ou un tube nommé) : donnez un fichier jalon/1, ou `-` pour lire l'entrée standard", "{path} is not a regular file (a device or a named pipe): give a jalon/1 file, or `-` to read the standard input";
    CliFileProblem => "{file} : {problem}", "{file}: {problem}";
    ProblemAt => "{location} : {message}", "{location}: {message}";
    // The problems of a jalon/1 file as the domain words them in English (the
    // English side must be the domain's text: `problem_text` recognises it).
    ProblemOutOfRange => "{value} est hors limites : {why}", "{value} is out of range: {why}";
    ProblemYears => "les années vont de {min} à {max}", "years go from {min} to {max}";
    ProblemInUtc => "{why} (en UTC)", "{why} (in UTC)";
    ProblemProgress => "un avancement est un nombre entier de 0 à 100", "a progress is a whole number from 0 to 100";
    ProblemAmount => "un montant va de 0 à {max}", "an amount goes from 0 to {max}";
    ProblemNotDepartment => "{value} n'est pas un département : écrivez chaque département comme un élément non vide, par exemple \"02\", sans virgule ni espace autour", "{value} is not a department: write each department as its own non-empty item, such as \"02\", without commas or surrounding spaces";
    ProblemPlanEndsBeforeStart => "le plan finit ({end}) avant de commencer ({start})", "the plan ends ({end}) before it starts ({start})";
    ProblemDoneNeedsDay => "manquant : le statut est \"done\", done_on doit donc donner le jour de la réalisation", "missing: the status is \"done\", so done_on must give the day it was done";
    ProblemDayNeedsDone => "seule une action \"done\" a un done_on, et celle-ci est {status} : retirez done_on ou mettez le statut à \"done\"", "only a \"done\" action has a done_on, and this one is {status}: remove done_on or set the status to \"done\"";
    ProblemDueBeforeStart => "l'échéance de l'action ({due}) est avant son début ({start})", "the action is due ({due}) before it starts ({start})";
    ProblemBudgetTooLarge => "les lignes budgétaires font un total plus grand que ce que ce programme sait compter ; vérifiez les montants", "the budget lines add up to more than this program can count; check the amounts";
    ProblemNoSuch => "{kind} {code} n'existe pas (ni dans le fichier, ni dans la base)", "{kind} {code} does not exist (not in the file, not in the database)";
    ProblemKindTheme => "thème", "theme";
    ProblemKindTerritory => "territoire", "territory";
    ProblemKindOrganisation => "organisation", "organisation";
    ProblemKindPerson => "personne", "person";
    ProblemKindEnvelope => "enveloppe", "envelope";
    ProblemKindCatalogue => "élément du catalogue", "catalogue item";
    ProblemBadCode => "{code} n'est pas un code valide : utilisez 1 à 40 lettres (sans accents), chiffres, \"-\", \"_\" ou \".\", sans espace", "{code} is not a valid code: use 1 to 40 letters (without accents), digits, \"-\", \"_\" or \".\", and no spaces";
    ProblemCodeUsed => "le code {code} est déjà pris par {path}", "the code {code} is already used by {path}";
    ProblemNotDecimal => "{value} n'est pas un nombre décimal : écrivez des chiffres avec un point pour les décimales{hint}", "{value} is not a decimal number: write digits with a dot for decimals{hint}";
    ProblemSuchAs => ", par exemple {example}", ", such as {example}";
    ProblemTooLong => "fait {n} caractères : {max} au plus sont gardés ici ; raccourcissez-le", "is {n} characters long: at most {max} are kept here; shorten it";
    ProblemControlChar => "contient le caractère de contrôle {char}, qui pourrait réécrire un terminal ou un rapport : retirez-le{allowed}", "holds the control character {char}, which could rewrite a terminal or a report: remove it{allowed}";
    ProblemBreaksInNotesOnly => " ; un saut de ligne ou une tabulation n'est permis que dans les notes, objectifs et descriptions", "; a line break or a tab is allowed only in notes, objectives and descriptions";
    ProblemNotEmail => "{value} n'est pas une adresse e-mail : une seule adresse, par exemple marie.martin@ars.sante.fr", "{value} is not an email address: one address such as marie.martin@ars.sante.fr";
    ProblemNotADate => "{value} n'est pas une date sous la forme AAAA-MM-JJ", "{value} is not a date as YYYY-MM-DD";
    ProblemNoSuchDay => "{value} n'est pas un jour du calendrier", "{value} is not a real day of the calendar";
    ProblemActionExists => "une action {key} existe déjà", "an action {key} already exists";
    ProblemPlanExists => "un plan {code} existe déjà", "a plan {code} already exists";
    ProblemUndoMixed => "une création et une modification ne peuvent pas être annulées ensemble", "a creation and an edit cannot be undone together";
    ProblemNameNeeded => "un nom est nécessaire", "a name is needed";
    EditConflict => "modifié par quelqu'un d'autre depuis son ouverture", "changed by someone else since it was opened";
    CheckRepairReadOnly => "{db} : ouvert avec --read-only, --repair ne peut rien écrire", "{db}: opened with --read-only, so --repair cannot write";
    CheckRepaired => "Totaux reconstruits à partir des lignes : {fixed} corrigé(s).", "Totals rebuilt from the budget lines: {fixed} corrected.";
    CheckDamaged => "{path} : base endommagée ; restaurez une sauvegarde.", "{path}: the database is damaged; restore a backup.";
    CheckUnreadableOrWrong => "{path} : {unreadable} valeur(s) illisible(s), {wrong} total(aux) faux.", "{path}: {unreadable} unreadable value(s), {wrong} wrong total(s).";
    CheckRepairHint => "Les totaux se reconstruisent avec `jalon check --repair`.", "`jalon check --repair` rebuilds the totals.";
    CheckCorrectHint => "Corrigez ces valeurs (ou restaurez une sauvegarde).", "Correct these values (or restore a backup).";
    CheckSound => "{path} : intégrité vérifiée, {warnings} avertissement(s).", "{path}: integrity ok, {warnings} warning(s).";
    CheckUnreadable => "table {table}, ligne {row}, colonne {column} : illisible ({problem})", "table {table}, row {row}, column {column}: unreadable ({problem})";
    CheckDrift => "{what} : gardé {kept}, les lignes donnent {actual} (centimes)", "{what}: kept {kept}, the lines add up to {actual} (cents)";
    CheckBudgetLine => "ligne budgétaire {line}", "budget line {line}";
    CheckBudgetLineLabelled => "ligne budgétaire {line} « {label} »", "budget line {line} “{label}”";
    CheckPaidAboveCommitted => "{action}, {line} : payé {paid} au-dessus de l'engagé {committed}", "{action}, {line}: paid {paid} above committed {committed}";
    CheckCommittedAbovePlanned => "{action}, {line} : engagé {committed} au-dessus du prévu {planned}", "{action}, {line}: committed {committed} above planned {planned}";
    CheckDoneWithoutDate => "{action} : réalisée sans date de réalisation", "{action}: done without a done date";
    CheckDateWithoutDone => "{action} : date de réalisation sur une action non réalisée", "{action}: a done date on an action that is not done";
    CheckDueBeforeStart => "{action} : échéance avant le début", "{action}: due before its start";
    CheckAllocationsAboveEnvelope => "enveloppe {envelope} : dotations {allocated} au-dessus du montant {amount}", "envelope {envelope}: allocations {allocated} above its amount {amount}";
    CheckPlannedAboveAllocation => "plan {plan} : lignes prévues {planned} au-dessus de la dotation {allocation}", "plan {plan}: planned lines {planned} above its allocation {allocation}";
    ReportOverdueHeading => "En retard au {day} : {actions}, {milestones}", "Overdue as of {day}: {actions}, {milestones}";
    ReportMilestoneWord => "jalon", "milestone";
    ReportMilestonesWord => "jalons", "milestones";
    ReportMilestoneLegend => "◆ = jalon", "◆ = milestone";
    ReportHeadTerritory => "Territoire", "Territory";
    ReportHeadPlans => "Plans", "Plans";
    ReportHeadActions => "Actions", "Actions";
    ReportHeadDone => "Réal.", "Done";
    ReportHeadLate => "Retard", "Late";
    ReportHeadMilestonesLate => "Jalons", "Ms late";
    ReportHeadSoon => "Proches", "Soon";
    ReportHeadAllocation => "Dotation", "Allocation";
    ReportShareOf => "{share} de {amount}", "{share} of {amount}";
    ReportBoardLegend => "⚠ = travail en retard ; Retard = actions en retard ; Jalons = jalons en retard ;\nProches = échéance sous {horizon} jours ; Réal. = part des actions réalisées ;\nDotation = part de la dotation déjà prévue en lignes budgétaires.", "⚠ = overdue work; Late = overdue actions; Ms late = overdue milestones;\nSoon = due within {horizon} days; Done = share of actions done;\nAllocation = share of the allocation planned in budget lines.";
}

/// Why a typed date is refused, in words.
pub fn date_input_error(e: &crate::domain::input::DateInputError) -> T {
    use crate::domain::input::DateInputError as E;
    match e {
        E::Empty | E::NotADate => T::TuiBadDate,
        E::NoSuchDay => T::ValDateNoSuchDay,
        E::OutOfRange => T::ValDateOutOfRange,
        E::BadUnit => T::ValDateBadUnit,
    }
}

/// Why a typed amount is refused, in words.
pub fn amount_error(e: &crate::domain::MoneyError) -> T {
    use crate::domain::MoneyError as E;
    match e {
        E::Empty | E::Invalid(_) => T::TuiBadAmount,
        E::Negative(_) => T::ValAmountNegative,
        E::TooManyDecimals(_) => T::ValAmountSubCent,
        E::TooLarge(_) => T::ValAmountTooLarge,
    }
}

pub fn status_label(lang: Lang, s: ActionStatus) -> &'static str {
    lang.t(match s {
        ActionStatus::Todo => T::StatusTodo,
        ActionStatus::InProgress => T::StatusInProgress,
        ActionStatus::OnHold => T::StatusOnHold,
        ActionStatus::Done => T::StatusDone,
        ActionStatus::Abandoned => T::StatusAbandoned,
    })
}

pub fn plan_kind_label(lang: Lang, k: PlanKind) -> &'static str {
    lang.t(match k {
        PlanKind::CtsRoadmap => T::PlanCtsRoadmap,
        PlanKind::Cpom => T::PlanCpom,
        PlanKind::PerformanceContract => T::PlanPerformance,
        PlanKind::Other => T::PlanOther,
    })
}

pub fn plan_status_label(lang: Lang, s: PlanStatus) -> &'static str {
    lang.t(match s {
        PlanStatus::Draft => T::PlanDraft,
        PlanStatus::Consultation => T::PlanConsultation,
        PlanStatus::Adopted => T::PlanAdopted,
        PlanStatus::InForce => T::PlanInForce,
        PlanStatus::Closed => T::PlanClosed,
    })
}

pub fn org_kind_label(lang: Lang, k: OrgKind) -> &'static str {
    lang.t(match k {
        OrgKind::ArsHeadquarters => T::OrgArsHq,
        OrgKind::ArsDelegation => T::OrgArsDd,
        OrgKind::HealthInsurance => T::OrgHealthInsurance,
        OrgKind::LocalAuthority => T::OrgLocalAuthority,
        OrgKind::Hospital => T::OrgHospital,
        OrgKind::Ght => T::OrgGht,
        OrgKind::Cpts => T::OrgCpts,
        OrgKind::Urps => T::OrgUrps,
        OrgKind::Association => T::OrgAssociation,
        OrgKind::Education => T::OrgEducation,
        OrgKind::StateService => T::OrgState,
        OrgKind::Other => T::OrgOther,
    })
}

pub fn source_label(lang: Lang, s: FundingSource) -> &'static str {
    lang.t(match s {
        FundingSource::Fir => T::SourceFir,
        FundingSource::HealthInsurance => T::SourceHealthInsurance,
        FundingSource::LocalAuthority => T::SourceLocalAuthority,
        FundingSource::State => T::SourceState,
        FundingSource::Europe => T::SourceEurope,
        FundingSource::OwnFunds => T::SourceOwnFunds,
        FundingSource::Other => T::SourceOther,
    })
}

pub fn weather_label(lang: Lang, w: Weather) -> &'static str {
    lang.t(match w {
        Weather::Green => T::WeatherGreen,
        Weather::Orange => T::WeatherOrange,
        Weather::Red => T::WeatherRed,
    })
}

pub fn indicator_kind_label(lang: Lang, k: IndicatorKind) -> &'static str {
    lang.t(match k {
        IndicatorKind::Output => T::IndicatorOutput,
        IndicatorKind::Outcome => T::IndicatorOutcome,
        IndicatorKind::Impact => T::IndicatorImpact,
    })
}

// The database's error messages (issue 8, part "errfr"): `store` knows no language,
// so its errors are put into words here, at the edge.

/// A store error as the user reads it, in `lang`: the same content in both languages.
pub fn store_error(lang: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as E;
    let fr = lang == Lang::Fr;
    match e {
        E::Missing(p) => {
            let p = p.display();
            if fr {
                format!(
                    "aucune base en {p} : créez-la avec `jalon init` ou chargez la démonstration avec `jalon demo`"
                )
            } else {
                format!(
                    "no database at {p}: create it with `jalon init` or load the demo with `jalon demo`"
                )
            }
        }
        E::NotADatabase(p) => {
            let p = p.display();
            if fr {
                format!(
                    "{p} n'est pas une base Jalon (SQLite dit : ce fichier n'est pas une base de données) ; vérifiez le chemin"
                )
            } else {
                format!(
                    "{p} is not a Jalon database (SQLite says: file is not a database); check the path"
                )
            }
        }
        E::Corrupt(p, why) => {
            let p = p.display();
            if fr {
                format!(
                    "la base {p} est endommagée ({why}) ; restaurez une sauvegarde (`jalon backup` en fait une)"
                )
            } else {
                format!(
                    "the database {p} is damaged ({why}); restore a backup (`jalon backup` makes one)"
                )
            }
        }
        E::Locked(p, ms) => {
            let p = p.display();
            if fr {
                format!(
                    "la base {p} est occupée : un autre programme l'a gardée verrouillée plus de {ms} ms ; réessayez dans un instant"
                )
            } else {
                format!(
                    "the database {p} is busy: another program kept it locked for more than {ms} ms; try again in a moment"
                )
            }
        }
        E::CannotOpen(p, why) => {
            let why = reason(lang, why);
            let p = p.display();
            if fr {
                format!("impossible d'ouvrir {p} : {why}")
            } else {
                format!("cannot open {p}: {why}")
            }
        }
        E::ReadOnly(p) => {
            let p = p.display();
            if fr {
                format!("la base {p} est en lecture seule ici : rien ne peut y être écrit")
            } else {
                format!("the database {p} is read-only here, so nothing can be written")
            }
        }
        E::TooNew(p, found, known) => {
            let p = p.display();
            if fr {
                format!(
                    "la base {p} a été écrite par un Jalon plus récent (schéma {found}, ce programme connaît le {known}) ; mettez Jalon à jour"
                )
            } else {
                format!(
                    "the database {p} was written by a newer Jalon (schema {found}, this program knows {known}); update Jalon"
                )
            }
        }
        E::NeedsMigration(p) => {
            let p = p.display();
            if fr {
                format!(
                    "le schéma de la base {p} doit être mis à niveau, ce qu'une commande qui ne fait que lire ne fait pas : lancez une fois `jalon init` (sans --read-only)"
                )
            } else {
                format!(
                    "the database {p} needs an upgrade of its schema, which a command that only reads does not do: run `jalon init` once (without --read-only)"
                )
            }
        }
        E::BackupFolder(p, why) => {
            let why = reason(lang, why);
            let p = p.display();
            if fr {
                format!(
                    "impossible d'écrire la sauvegarde dans {p} ({why}) ; choisissez un dossier où vous pouvez écrire"
                )
            } else {
                format!("cannot write the backup into {p} ({why}); choose a folder you can write")
            }
        }
        E::Sqlite(p, err) => {
            let p = p.display();
            if fr {
                format!("erreur de la base sur {p} : {err}")
            } else {
                format!("database error on {p}: {err}")
            }
        }
        E::NotJalon(p, tables) => {
            let p = p.display();
            if fr {
                format!(
                    "{p} n'est pas une base Jalon : elle a les tables {tables} ; vérifiez le chemin (Jalon n'y touche pas)"
                )
            } else {
                format!(
                    "{p} is not a Jalon database: it has tables {tables}; check the path (Jalon leaves it untouched)"
                )
            }
        }
        E::Uninitialised(p) => {
            let p = p.display();
            if fr {
                format!(
                    "{p} est un fichier vide, pas encore une base Jalon : créez-la avec `jalon init` ou chargez la démonstration avec `jalon demo`"
                )
            } else {
                format!(
                    "{p} is an empty file, not yet a Jalon database: create it with `jalon init` or load the demo with `jalon demo`"
                )
            }
        }
        E::BadVersion(p, v) => {
            let p = p.display();
            if fr {
                format!(
                    "{p} a la version de schéma {v}, qu'aucun Jalon n'écrit : ce n'est pas une base Jalon ou elle a été endommagée ; vérifiez le chemin ou restaurez une sauvegarde"
                )
            } else {
                format!(
                    "{p} has schema version {v}, which no Jalon writes: it is not a Jalon database or it was damaged; check the path or restore a backup"
                )
            }
        }
        E::DanglingLink(p, target) => {
            let (p, target) = (p.display(), target.display());
            if fr {
                format!(
                    "{p} est un lien symbolique vers {target}, qui n'existe pas : donnez le chemin de la base elle-même, ou supprimez le lien"
                )
            } else {
                format!(
                    "{p} is a symbolic link to {target}, which does not exist: give the path of the database itself, or remove the link"
                )
            }
        }
        E::NotAFile(p, kind) => {
            let kind = reason(lang, kind);
            let p = p.display();
            if fr {
                format!(
                    "{p} n'est pas un fichier ordinaire ({kind}) : donnez le chemin d'un fichier de base Jalon"
                )
            } else {
                format!(
                    "{p} is not a regular file ({kind}): give the path of a Jalon database file"
                )
            }
        }
        E::FolderNotWritable(dir, name, why) => {
            let why = reason(lang, why);
            let dir = dir.display();
            if fr {
                format!(
                    "impossible de créer `{name}` dans {dir} ({why}) : ouvrez avec `--read-only` ou demandez le droit d'écrire"
                )
            } else {
                format!(
                    "cannot create `{name}` in {dir} ({why}): open with `--read-only` or ask for write access"
                )
            }
        }
        E::NotUtf8(p, col) => {
            let p = p.display();
            if fr {
                format!(
                    "{p} contient un texte qui n'est pas de l'UTF-8 valide (colonne {col} d'une ligne que cette commande lit) : il a été endommagé ou écrit par un autre programme ; `jalon check` liste ces lignes"
                )
            } else {
                format!(
                    "{p} holds a text value that is not valid UTF-8 (column {col} of a row this command reads): it was damaged or written by another program; `jalon check` lists such rows"
                )
            }
        }
        E::BadBusyTimeout(v) => {
            if fr {
                format!(
                    "JALON_BUSY_TIMEOUT_MS={v} n'est pas un nombre de millisecondes de 0 à 600000 : corrigez-le ou retirez-le (5000 par défaut)"
                )
            } else {
                format!(
                    "JALON_BUSY_TIMEOUT_MS={v} is not a number of milliseconds from 0 to 600000: fix or unset it (the default is 5000)"
                )
            }
        }
    }
}

/// Why `jalon check` cannot read a value back, in `lang`.
pub fn unreadable_problem(lang: Lang, p: &crate::store::checks::Problem) -> String {
    use crate::domain::bounds::{MAX_AMOUNT, MAX_YEAR, MIN_YEAR};
    use crate::store::checks::Problem as P;
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        P::WrongType(t) => format!("une valeur de type {t}"),
        P::NumberOutOfRange(v) => format!("{v} est hors limites"),
        P::DayOutOfRange(d) => {
            format!("{d} est hors limites : les années vont de {MIN_YEAR} à {MAX_YEAR}")
        }
        P::YearOutOfRange(y) => {
            format!("{y} est hors limites : les années vont de {MIN_YEAR} à {MAX_YEAR}")
        }
        P::AmountOutOfRange(m) => format!(
            "{m} est hors limites : un montant va de 0 à {}",
            MAX_AMOUNT.to_decimal()
        ),
        P::ProgressOutOfRange(v) => {
            format!("{v} est hors limites : un avancement va de 0 à 100")
        }
        P::NotADay(v) => format!("{v} n'est pas un jour sous la forme AAAA-MM-JJ"),
        P::ControlCharacter(c) => format!(
            "contient le caractère de contrôle {c}, que l'import refuse : son export ne pourrait pas être réimporté"
        ),
        P::Other(why) => why.clone(),
    }
}

/// A reason the store gives in words of its own (`store::io_reason`, the kinds of
/// file it refuses), in `lang`; any other text (the system's, SQLite's) as given.
pub fn reason(lang: Lang, why: &str) -> String {
    if lang == Lang::En {
        return why.to_string();
    }
    match why {
        "no such file or folder" => "fichier ou dossier introuvable",
        "permission denied" => "permission refusée",
        "read-only file system" => "système de fichiers en lecture seule",
        "a file is in the way where a folder is expected" => {
            "un fichier se trouve là où un dossier est attendu"
        }
        "the disk is full" => "le disque est plein",
        "the file already exists" => "le fichier existe déjà",
        "a character device" => "un périphérique caractère",
        "a block device" => "un périphérique bloc",
        "a named pipe" => "un tube nommé",
        "a socket" => "une socket",
        "a folder" => "un dossier",
        "not a file" => "pas un fichier",
        "not a file name" => "pas un nom de fichier",
        other => other,
    }
    .to_string()
}

/// A command-line failure that carries no language, in `lang`.
pub fn cli_error(lang: Lang, e: &crate::commands::CliError) -> String {
    use crate::commands::CliError as C;
    match (lang, e) {
        (Lang::Fr, C::StdoutIncomplete(why)) => format!(
            "impossible d'écrire sur la sortie standard ({}) : ce qu'elle a reçu est incomplet",
            reason(lang, why)
        ),
        (Lang::En, e) => e.to_string(),
    }
}

/// An error of the command line as the user reads it, in `lang`: each cause in turn
/// (`context: cause`), a store error put into words by [`store_error`].
pub fn error_text(lang: Lang, e: &anyhow::Error) -> String {
    let mut parts = Vec::new();
    for cause in e.chain() {
        if let Some(se) = cause.downcast_ref::<crate::store::StoreError>() {
            parts.push(store_error(lang, se));
            break;
        }
        if let Some(ce) = cause.downcast_ref::<crate::commands::CliError>() {
            parts.push(cli_error(lang, ce));
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join(": ")
}

/// The problems the domain words (in English) for a jalon/1 file or a value; the
/// English side of each is the domain's text, with `{name}` where a value goes.
const PROBLEMS: &[T] = &[
    // A text that wraps another comes before the one it wraps.
    T::ProblemInUtc,
    T::ProblemOutOfRange,
    T::ProblemYears,
    T::ProblemProgress,
    T::ProblemAmount,
    T::ProblemNotDepartment,
    T::ProblemPlanEndsBeforeStart,
    T::ProblemDoneNeedsDay,
    T::ProblemDayNeedsDone,
    T::ProblemDueBeforeStart,
    T::ProblemBudgetTooLarge,
    T::ProblemNoSuch,
    T::ProblemKindTheme,
    T::ProblemKindTerritory,
    T::ProblemKindOrganisation,
    T::ProblemKindPerson,
    T::ProblemKindEnvelope,
    T::ProblemKindCatalogue,
    T::ProblemBadCode,
    T::ProblemCodeUsed,
    T::ProblemNotDecimal,
    T::ProblemSuchAs,
    T::ProblemTooLong,
    T::ProblemControlChar,
    T::ProblemBreaksInNotesOnly,
    T::ProblemNotEmail,
    T::ProblemNotADate,
    T::ProblemNoSuchDay,
    T::ProblemActionExists,
    T::ProblemPlanExists,
    T::ProblemUndoMixed,
    T::ProblemNameNeeded,
];

/// Places whose value is itself words of the domain, put into words in turn; the
/// others (values, codes, paths, numbers) are kept as they are.
const WORDED_PLACES: &[&str] = &["why", "hint", "allowed", "kind"];

/// A problem of a jalon/1 file or of a value, as the domain words it (in English),
/// in `lang`: a text of [`PROBLEMS`] is recognised by its English side and said by
/// the other; any other text (serde's, the system's) as given.
pub fn problem_text(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    word_problem(lang, message).unwrap_or_else(|| message.to_string())
}

fn word_problem(lang: Lang, message: &str) -> Option<String> {
    PROBLEMS.iter().find_map(|t| {
        let values = unfill(t.en(), message, &|name, value| {
            // A worded place holds words of the domain (or nothing).
            !WORDED_PLACES.contains(&name)
                || value.is_empty()
                || word_problem(lang, value).is_some()
        })?;
        // Each worded place said in `lang` (accepted above, so it has words).
        let worded: Vec<(&str, String)> = values
            .into_iter()
            .map(|(name, value)| {
                let said = if WORDED_PLACES.contains(&name) {
                    word_problem(lang, value)
                } else {
                    None
                };
                (name, said.unwrap_or_else(|| value.to_string()))
            })
            .collect();
        let places: Vec<(&str, &dyn std::fmt::Display)> = worded
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        Some(lang.fill(*t, &places))
    })
}

/// The values of `template`'s `{name}` places in `text`, when `text` is `template`
/// filled and each value is accepted by `accept`; the first way that fits.
fn unfill<'a, 't>(
    template: &'t str,
    text: &'a str,
    accept: &dyn Fn(&str, &str) -> bool,
) -> Option<Vec<(&'t str, &'a str)>> {
    let Some(open) = template.find('{') else {
        return (template == text).then(Vec::new);
    };
    let text = text.strip_prefix(&template[..open])?;
    let close = open + template[open..].find('}')?;
    let name = &template[open + 1..close];
    let rest = &template[close + 1..];
    let next = rest.find('{').map_or(rest, |i| &rest[..i]);
    let ends: Vec<usize> = if next.is_empty() && rest.is_empty() {
        vec![text.len()]
    } else if next.is_empty() {
        (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect()
    } else {
        text.match_indices(next).map(|(i, _)| i).collect()
    };
    ends.into_iter().find_map(|end| {
        // The rest first: it fails fast on texts of another shape, before `accept`
        // (which may word the value) is asked.
        let mut values = unfill(rest, &text[end..], accept)?;
        let value = &text[..end];
        accept(name, value).then(|| {
            values.insert(0, (name, value));
            values
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_FR.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_MESSAGES", "fr_BE"), ("LANG", "C")])),
            Lang::Fr
        );
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", ""), ("LANG", "fr_FR")])),
            Lang::Fr
        );
    }

    #[test]
    fn every_reason_the_store_words_has_a_french_form() {
        use std::io::ErrorKind as K;
        for kind in [
            K::NotFound,
            K::PermissionDenied,
            K::ReadOnlyFilesystem,
            K::NotADirectory,
            K::StorageFull,
            K::AlreadyExists,
        ] {
            let en = crate::store::io_reason(&std::io::Error::from(kind));
            assert_ne!(reason(Lang::Fr, &en), en, "{kind:?}");
        }
    }

    #[test]
    fn dates_by_locale() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(Lang::Fr.date(d), "22/11/2026");
        assert_eq!(Lang::En.date(d), "2026-11-22");
    }
}
