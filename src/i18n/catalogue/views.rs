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
            // Spreadsheet import (issue 11, item 5): `jalon import --format csv|xlsx`.
            SheetAtLineColumn => "ligne {line}, colonne {column}", "line {line}, column {column}";
            SheetAtLine => "ligne {line}", "line {line}";
            SheetPlanNeeded => "un tableau (csv, xlsx) s'importe dans un plan : donnez-le avec --plan CODE", "a spreadsheet (csv, xlsx) is imported into a plan: give it with --plan CODE";
            SheetOptionsNeedFormat => "--plan, --territory, --map, --sheet et --create-missing servent à importer un tableau : ajoutez --format csv ou --format xlsx", "--plan, --territory, --map, --sheet and --create-missing are for importing a spreadsheet: add --format csv or --format xlsx";
            SheetProblems => "{file} : {n} problème(s) dans le tableau, rien n'a été écrit :", "{file}: {n} problem(s) in the sheet, nothing was written:";
            SheetRowCreated => "ligne {line} : {code} créée ({title})", "line {line}: {code} created ({title})";
            SheetRowUpdated => "ligne {line} : {code} modifiée : {changes}", "line {line}: {code} changed: {changes}";
            SheetRowUnchanged => "ligne {line} : {code} inchangée", "line {line}: {code} unchanged";
            SheetSkippedTotal => "ligne {line} : ligne de total, passée", "line {line}: a total row, passed over";
            SheetSkippedHeader => "ligne {line} : l'en-tête répété, passé", "line {line}: the header again, passed over";
            SheetIgnoredColumns => "Colonnes non lues : {columns}", "Columns not read: {columns}";
            SheetUnmatchedNames => "Noms absents de l'annuaire (un import les refuse ; avec --create-missing ils sont créés sous le code indiqué) :", "Names not in the directory (an import refuses them; with --create-missing they are created with the code shown):";
            SheetCreatedNames => "Créés dans l'annuaire (--create-missing) :", "Created in the directory (--create-missing):";
            SheetUnmatchedLine => "  ligne {line}, colonne {column} : {kind} {name} → {code}", "  line {line}, column {column}: {kind} {name} → {code}";
            SheetCellError => "la cellule affiche l'erreur {error} : corrigez la formule dans le tableur", "the cell shows the error {error}: correct the formula in the spreadsheet";
            SheetFormula => "{value} est une formule, pas sa valeur : enregistrez le tableau avec ses valeurs", "{value} is a formula, not its value: save the spreadsheet with its values";
            SheetNotADate => "{value} n'est pas une date : écrivez-la 31/12/2025, 31/12/25 ou 2025-12-31", "{value} is not a date: write it as 31/12/2025, 31/12/25 or 2025-12-31";
            SheetNotAnAmount => "{value} n'est pas un montant : écrivez-le 12 500,50 € ou 12500.50", "{value} is not an amount: write it as 12 500,50 € or 12500.50";
            SheetNotAProgress => "{value} n'est pas un avancement : écrivez un pourcentage de 0 à 100, par exemple 40 % ou 0,4", "{value} is not a progress: write a percentage from 0 to 100, such as 40 % or 0,4";
            SheetUnknownStatus => "statut inconnu {value} : écrivez l'un de {accepted}", "unknown status {value}: write one of {accepted}";
            SheetUnknownWeather => "météo inconnue {value} : écrivez l'une de {accepted}", "unknown weather {value}: write one of {accepted}";
            SheetUnknownSource => "source de financement inconnue {value} : écrivez l'une de {accepted}", "unknown funding source {value}: write one of {accepted}";
            SheetBadCsv => "le CSV ne peut pas être lu ici : {why}", "the CSV cannot be read here: {why}";
            SheetNotXlsx => "ce n'est pas un classeur xlsx ({why}) : enregistrez le tableau en .xlsx, ou en CSV", "not an xlsx workbook ({why}): save the spreadsheet as .xlsx, or as CSV";
            SheetNoSuchSheet => "pas de feuille {name} dans le classeur ; ses feuilles sont {names}", "no sheet {name} in the workbook; its sheets are {names}";
            SheetNoSheet => "le classeur n'a aucune feuille", "the workbook has no sheet";
            SheetUnreadable => "la feuille {name} ne peut pas être lue : {why}", "the sheet {name} cannot be read: {why}";
            SheetBadMapping => "ce n'est pas un fichier de correspondance : {why} ; écrivez [columns] puis des lignes comme title = \"Libellé action\"", "not a mapping file: {why}; write [columns] then lines such as title = \"Libellé action\"";
            SheetMappingField => "champ inconnu {key} dans le fichier de correspondance ; les champs sont {fields}", "unknown field {key} in the mapping file; the fields are {fields}";
            SheetTwoColumns => "deux colonnes donnent le champ {field} : {first} et {second} ; renommez ou retirez l'une, ou dites laquelle avec --map", "two columns give the {field}: {first} and {second}; rename or remove one, or say which with --map";
            SheetNoHeader => "pas de ligne d'en-tête dans les {n} premières lignes : un en-tête nomme les colonnes, par exemple Code, Action, Pilote, Échéance, Statut (ou donnez un fichier de correspondance avec --map)", "no header row in the first {n} lines: a header names the columns, such as Code, Action, Pilote, Échéance, Statut (or give a mapping file with --map)";
            SheetNoKey => "la ligne n'a ni code ni intitulé : donnez le code de l'action ou son intitulé", "the row has neither a code nor a title: give the action's code or its title";
            SheetUnknownName => "{name} ({kind}) n'est pas dans l'annuaire : corrigez le nom, ajoutez-le à l'annuaire, ou importez avec --create-missing", "no {kind} {name} in the directory: correct the name, add it to the directory, or import with --create-missing";
            SheetNoPlan => "pas de plan {code} dans la base", "no plan {code} in the database";
            SheetOtherTerritory => "le plan {plan} est celui du territoire {code} ({name}), pas {value} : importez les lignes de chaque territoire dans son propre plan", "the plan {plan} is the territory {code} ({name}), not {value}: import each territory's rows into its own plan";
            SheetTitleTwice => "l'intitulé correspond à plusieurs actions du plan ({codes}) : donnez le code de celle voulue", "the title matches several actions of the plan ({codes}): give the code of the one meant";
            SheetTitleNeeded => "manquant : une nouvelle action a besoin d'un intitulé", "missing: a new action needs a title";
            SheetRowTwice => "l'action {code} est déjà à la ligne {line} : une ligne par action", "the action {code} is already on line {line}: one row per action";
            SheetAmbiguous => "{name} correspond à plus d'un(e) {kind} : {codes} ; écrivez le code de celui ou celle voulu(e)", "{name} matches more than one {kind}: {codes}; write the code of the one meant";
            SheetNoTheme => "pas de thème {name} dans l'annuaire : un tableau ne crée pas de thème ; ajoutez-le d'abord ou corrigez le nom", "no theme {name} in the directory: themes are not created from a sheet; add it first or correct the name";
            SheetDoneDay => "seule une action réalisée a un jour de réalisation, et celle-ci est {status} : videz la cellule ou mettez le statut à réalisé", "only a done action has a day it was done, and this one is {status}: clear the cell or set the status to done";
            SheetPersonNoOrg => "{name} n'appartient à aucune organisation et l'action n'a pas de pilote : remplissez aussi le pilote (organisation)", "{name} belongs to no organisation and the action has no pilot: fill in the pilot (organisation) too";
            SheetTooManyRows => "la feuille a plus de {max} lignes : découpez-la, un plan à la fois", "the sheet has more than {max} rows: split it, one plan at a time";
            SheetNameNeedsXlsx => "--sheet nomme une feuille d'un classeur xlsx : ajoutez --format xlsx, ou retirez --sheet pour un CSV", "--sheet names a sheet of an xlsx workbook: add --format xlsx, or leave --sheet out for a CSV";
            SheetManyLines => "l'action a {n} lignes budgétaires : le montant unique du tableau ne dit pas laquelle a changé ; modifiez-les dans Jalon", "the action has {n} budget lines: the sheet's one amount cannot say which line changed; change them in Jalon";
        }
    };
}
