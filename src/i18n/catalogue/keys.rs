//! Keys rebound, the boxes' key lines, texts once written inline, the problems of a file.
//!
//! One part of the one catalogue: each part hands its entries on to the next
//! (`words_views!`), the last to `catalogue!` (in `i18n/mod.rs`), which makes of them all
//! the one `T` enum and its two tables.

macro_rules! words_keys {
    ($($done:tt)*) => {
        words_views! {
            $($done)*
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

            // Writing a file (jalon export --out): texts once written inline by language.
            ExportCannotWrite => "{path} : impossible d'écrire", "{path}: cannot write";
            ExportCannotWriteWhy => "{path} : impossible d'écrire ({why})", "{path}: cannot write ({why})";
            ExportIsFolder => "{path} : c'est un dossier ; donnez le nom d'un fichier à l'intérieur", "{path}: this is a folder; give the name of a file inside it";
            ExportNotFileName => "{path} : ce n'est pas un nom de fichier", "{path}: not a file name";
            ExportCannotCreateIn => "{path} : impossible de créer un fichier dans {dir} ({why}) ; choisissez un dossier où vous pouvez écrire", "{path}: cannot create a file in {dir} ({why}); choose a folder you can write";

            // The config file's warnings, said once the language is decided (`i18n::config_warning`).
            CfgUnreadable => "{file} : lecture impossible ({why}) ; les valeurs par défaut s'appliquent", "{file}: cannot be read ({why}); using the defaults";
            CfgNotToml => "{file} : ce n'est pas du TOML valide ({why}) ; les valeurs par défaut s'appliquent", "{file}: not valid TOML ({why}); using the defaults";
            CfgUnknownLang => "{file} : clé `lang` : {value} n'est ni « fr » ni « en » ; ignorée", "{file}: key `lang`: {value} is neither \"fr\" nor \"en\"; ignored";
            CfgNotText => "{file} : clé `{key}` : {value} n'est pas une chaîne de caractères ; ignorée", "{file}: key `{key}`: {value} is not a string; ignored";
            CfgDueSoonDays => "{file} : clé `due_soon_days` : {value} n'est pas un nombre de jours entre 0 et 3650 ; la valeur {kept} s'applique", "{file}: key `due_soon_days`: {value} is not a number of days between 0 and 3650; using {kept}";
            CfgUnknownColourRole => "{file} : clé `{key}` : rôle de couleur inconnu (rôles connus : overdue, due_soon, done, accent) ; ignorée", "{file}: key `{key}`: unknown colour role (known: overdue, due_soon, done, accent); ignored";
            CfgUnknownColour => "{file} : clé `{key}` : {value} n'est pas l'un des 16 noms de couleur ({names}) ; ignorée", "{file}: key `{key}`: {value} is not one of the 16 colour names ({names}); ignored";
            CfgMouseNotBool => "{file} : clé `mouse` : {value} n'est ni true ni false ; la valeur {kept} s'applique", "{file}: key `mouse`: {value} is neither true nor false; using {kept}";
            CfgUnknownMailKey => "{file} : clé `{key}` : {value} n'est pas reconnu (seule clé connue : from = \"adresse@domaine.org\") ; ignorée", "{file}: key `{key}`: {value} is not known (known: from = \"address@domain.org\"); ignored";
            CfgNotSection => "{file} : clé `{key}` : {value} n'est pas une section ({hint}) ; ignorée", "{file}: key `{key}`: {value} is not a section ({hint}); ignored";
            CfgHintColours => "[{key}], puis un rôle = \"nom de couleur\" par ligne", "[{key}], then one role = \"colour name\" per line";
            CfgHintKeys => "[keys], puis un nom de commande = touche par ligne", "[keys], one command name = key per line";
            CfgHintMail => "[mail], puis from = \"adresse@domaine.org\"", "[mail], then from = \"address@domain.org\"";
            CfgUnknownKey => "{file} : clé `{key}` inconnue (clés connues : lang, due_soon_days, colours, keys, mouse, me, mail) ; ignorée", "{file}: unknown key `{key}` (known: lang, due_soon_days, colours, keys, mouse, me, mail); ignored";
            // Remembering who the user is (`me` in the config file) failed.
            TuiMineNotWritten => "{path} : écriture impossible ({why}) ; retenu pour cette session seulement.", "{path}: cannot be written ({why}); remembered for this session only.";
        }
    };
}
