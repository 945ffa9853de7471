//! Editing, what leaves Jalon, values, history, pasting, the errors' words.
//!
//! One part of the one catalogue: each part hands its entries on to the next
//! (`words_keys!`), the last to `catalogue!` (in `i18n/mod.rs`), which makes of them all
//! the one `T` enum and its two tables.

macro_rules! words_editing {
    ($($done:tt)*) => {
        words_keys! {
            $($done)*
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
            TuiDoDirectory => "Annuaire : territoires, organisations, personnes, thèmes, enveloppes, catalogue ; ajouter, modifier", "Directory: territories, organisations, people, themes, envelopes, catalogue; add, edit";
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
            TuiUndoneSay => "Annulé ({redo} rétablit) :", "Undone ({redo} redoes it):";
            TuiRedoneSay => "Rétabli ({undo} annule) :", "Redone ({undo} undoes it):";
            TuiDeletedSay => "Supprimée ({undo} la rétablit) :", "Deleted ({undo} brings it back):";
            TuiSummaryDeleted => "supprimée", "deleted";
            TuiSummaryCreated => "créée", "created";
            TuiPersonOfOrg => "existe déjà, dans l'organisation", "already exists, in organisation";
            TuiPasteNowhere => "Rien n'a été collé : aucun champ ouvert ici ({update}, {edit}, {note} ouvrent une saisie).", "Nothing was pasted: no field is open here ({update}, {edit}, {note} open one).";

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
        }
    };
}
