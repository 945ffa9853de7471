//! Errors put into words at the edge: the store's, the command line's.

use super::Lang;

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
        E::Refused(r) => super::access::refused(lang, r),
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
        // A store error inside a write's own error (transparent, so not in the chain).
        if let Some(se) = wrapped_store_error(cause) {
            parts.push(store_error(lang, se));
            break;
        }
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

/// The store error a write's own error carries (an import's, an edit's, a repair's).
fn wrapped_store_error<'a>(
    cause: &'a (dyn std::error::Error + 'static),
) -> Option<&'a crate::store::StoreError> {
    use crate::store::{checks::RepairError, edit::EditError, import::ImportError};
    match (
        cause.downcast_ref::<ImportError>(),
        cause.downcast_ref::<EditError>(),
        cause.downcast_ref::<RepairError>(),
    ) {
        (Some(ImportError::Store(se)), _, _)
        | (_, Some(EditError::Store(se)), _)
        | (_, _, Some(RepairError::Store(se))) => Some(se),
        _ => None,
    }
}
