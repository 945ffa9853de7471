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
            // Catalogue (the `7` view, `jalon catalogue`, the region's reference data)
            CatColItem => "Élément du catalogue", "Catalogue item";
            CatLocalInitiatives => "Initiatives locales", "Local initiatives";
            CatTakenByNone => "repris par aucun territoire", "taken up by no territory";
            CatEmpty => "Le catalogue de la région est vide : ajoutez-en les éléments dans l'annuaire (A).", "The region's catalogue is empty: add its items in the directory (A).";
            CatView => "Catalogue", "Catalogue";
            CatCellEmpty => "aucune action de cet élément", "no action from this item";
            CatHelpGrid => "La grille du catalogue", "The catalogue grid";
            CatChoiceKeys => "↑↓ choisir · Entrée ouvrir · Échap fermer", "↑↓ choose · Enter open · Esc close";
            CatHintGo => "catalogue", "catalogue";
            CatHintColumn => "territoire", "territory";
            CatDoGo => "Le catalogue de la région contre les territoires", "The region's catalogue against the territories";
            CatDoLeft => "Territoire précédent (les colonnes défilent)", "Previous territory (the columns scroll)";
            CatDoRight => "Territoire suivant (les colonnes défilent)", "Next territory (the columns scroll)";
            CatUntakenShort => "∅ aucun territoire", "∅ no territory";
            CatDirThemes => "Thèmes", "Themes";
            CatDirEnvelopes => "Enveloppes", "Envelopes";
            CatDirCatalogue => "Catalogue", "Catalogue";
            CatFieldLabel => "Libellé", "Label";
            CatFieldAmount => "Montant", "Amount";
            CatFieldObjective => "Objectif", "Objective";
            CatNoSuchTheme => "aucun thème de ce nom ou code", "no theme of that name or code";
            CatSummary => "{items}, {territories}, {untaken} repris par aucun", "{items}, {territories}, {untaken} taken up by none";
            CatItemWord => "élément du catalogue", "catalogue item";
            CatItemsWord => "éléments du catalogue", "catalogue items";
            CatTerritoryWord => "territoire", "territory";
            CatTerritoriesWord => "territoires", "territories";
            // People and organisations (`6`, `jalon people`, find anything)
            PeopleColName => "Nom", "Name";
            PeopleColOrganisation => "Organisme", "Organisation";
            PeopleColPiloted => "Pilotées", "Piloted";
            PeopleColPartnered => "Parten.", "Partner";
            PeopleColOverdue => "Retard", "Overdue";
            PeopleColDueSoon => "À échoir", "Due soon";
            PeopleColEmail => "Courriel", "Email";
            PeopleColPhone => "Téléphone", "Phone";
            PeopleColLogin => "Identifiant", "Login";
            PeopleColKind => "Type", "Kind";
            PeopleKindOrganisation => "organisme", "organisation";
            PeopleKindPerson => "personne", "person";
            PeopleNoOrganisation => "(sans organisme)", "(no organisation)";
            PeopleView => "Personnes", "People";
            PeopleEmpty => "Aucun organisme ni personne : ajoutez-en dans l'annuaire (A).", "No organisation or person: add some in the directory (A).";
            PeopleEmptyActions => "Aucune action pilotée ni en partenariat.", "No action piloted or as a partner.";
            PeopleOrgWord => "organisme", "organisation";
            PeopleOrgsWord => "organismes", "organisations";
            PeoplePersonWord => "personne", "person";
            PeoplePersonsWord => "personnes", "people";
            PeopleHint => "personnes", "people";
            PeopleSearchEmpty => "Tapez des mots : code, intitulé, pilote, personne, partenaire, thème (sans accents ni majuscules).", "Type words: code, title, pilot, person, partner, theme (accents and case do not matter).";
            PeopleSearchNothing => "Aucune action ne contient tous ces mots.", "No action holds all these words.";
            PeopleSearchView => "Recherche", "Search";
            PeopleSearchFound => "{words} : {count}", "{words}: {count}";
            PeopleSearchFirst => "({shown} premières affichées)", "(first {shown} shown)";
            PeopleFindHint => "chercher", "find";
            PeopleFindDo => "Chercher dans toute la région (actions par code, intitulé, pilote, personne, partenaire, thème)", "Search the whole region (actions by code, title, pilot, person, partner, theme)";
            PeopleDo => "Personnes et organismes : ce que chacun porte", "People and organisations: what each carries";
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
            // Meetings and decisions (issue 11, item 3): `jalon meeting`, `jalon decision`, the meeting box, decisions in the journal.
            MtgBodyCts => "CTS", "CTS";
            MtgBodyCopil => "Copil", "Copil";
            MtgBodyOther => "Autre instance", "Other body";
            MtgDecision => "Décision", "Decision";
            MtgColDate => "Date", "Date";
            MtgColBody => "Instance", "Body";
            MtgColTitle => "Intitulé", "Title";
            MtgColPlan => "Plan", "Plan";
            MtgColDecisions => "Décisions", "Decisions";
            MtgNone => "Aucune réunion enregistrée.", "No meeting recorded.";
            MtgDecisionAdded => "Décision ajoutée au journal de {key}.", "Decision added to the journal of {key}.";
            MtgDecisionAddedAt => "Décision ajoutée au journal de {key} (réunion {meeting}).", "Decision added to the journal of {key} (meeting {meeting}).";
            MtgNoSuchMeeting => "aucune réunion {wanted} dans la base {db} ; les réunions du territoire {territory} sont {known}", "no meeting {wanted} in the database {db}; the meetings of the territory {territory} are {known}";
            MtgNoSuchAction => "aucune action {wanted} dans la base {db} : écrivez PLAN/ACTION, par exemple FDR-AIS/A01", "no action {wanted} in the database {db}: write PLAN/ACTION, such as FDR-AIS/A01";
            MtgRefused => "refusé, rien n'a été écrit", "refused, nothing was written";
            ProblemMeetingTitle => "est vide : une réunion a un intitulé, par exemple \"Copil de suivi\"", "is empty: a meeting needs a title, such as \"Copil de suivi\"";
            ProblemMeetingExists => "une réunion {code} existe déjà : donnez un autre code, ou aucun pour qu'il soit fait", "a meeting {code} already exists: give another code, or none to have one made";
            ProblemNoMeeting => "il n'y a pas de réunion {code}", "there is no meeting {code}";
            ProblemMeetingElsewhere => "la réunion {code} porte sur le territoire {territory}, pas sur {owner}, celui du plan {plan}", "the meeting {code} is about the territory {territory}, not {owner}, the territory of the plan {plan}";
            ProblemDecisionEmpty => "est vide : une décision dit ce qui a été décidé", "is empty: a decision says what was decided";
            ProblemMeetingNamed => "les entrées de journal de {actions} nomment cette réunion : elle est gardée", "the journal entries of {actions} name this meeting: it is kept";
            ProblemMeetingPlanElsewhere => "le plan {plan} n'est pas un plan du territoire {territory} : nommez l'un de ses plans, ou aucun", "the plan {plan} is not one of the territory {territory}'s plans: name one of its plans, or none";
            ProblemKindMeeting => "réunion", "meeting";
            ProblemKindPlan => "plan", "plan";
            MtgBoxTitle => "Nouvelle réunion", "New meeting";
            MtgEntityMeetings => "Réunions", "Meetings";
            MtgNoSuchMeetingCode => "aucune réunion {wanted} dans la base {db} (voir jalon meeting list)", "no meeting {wanted} in the database {db} (see jalon meeting list)";
            MtgFieldBody => "Instance", "Body";
            MtgFieldDate => "Date", "Date";
            MtgFieldAttendees => "Participants", "Attendees";
            MtgDecisionTitle => "Décision", "Decision";
            MtgNoteWord => "Note", "Note";
            MtgNoMeeting => "aucune réunion", "no meeting";
            MtgFieldKind => "Type", "Kind";
            MtgFieldMeeting => "Réunion", "Meeting";
            MtgFieldText => "Texte ↓", "Text ↓";
            MtgHintMeeting => "réunion", "meeting";
            MtgHintDecision => "décision", "decision";
            MtgDoMeeting => "Enregistrer une réunion (CTS, copil…) du territoire ou du plan", "Record a meeting (CTS, copil…) of the territory or plan";
            MtgDoDecision => "Ajouter une décision au journal de l'action, prise en réunion ou non", "Add a decision to the action's journal, taken at a meeting or not";
            MtgSaved => "Réunion enregistrée : {code}", "Meeting recorded: {code}";
            MtgNoTerritoryHere => "Choisissez un territoire ou un plan pour y enregistrer une réunion.", "Choose a territory or a plan to record a meeting of it.";
        }
    };
}
