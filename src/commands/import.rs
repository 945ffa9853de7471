//! `jalon import FILE [--dry-run]`: read a `jalon/1` file into the database, all or
//! nothing, and say what was created, updated or left unchanged.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use anyhow::anyhow;

use super::Context;
use crate::i18n::{Lang, T};
use crate::interchange::parse_document;
use crate::store::Store;
use crate::store::import::{ImportError, ImportSummary, import_document};
use crate::store::journal::Origin;
use crate::text::escape;

pub fn run(ctx: &Context, args: &crate::cli::ImportArgs) -> anyhow::Result<ExitCode> {
    if args.format != crate::cli::ImportFormat::Json {
        return super::sheet_import::run(ctx, args);
    }
    let sheet_only = args.plan.is_some()
        || args.territory.is_some()
        || args.map.is_some()
        || args.sheet.is_some()
        || args.create_missing;
    if sheet_only {
        anyhow::bail!(ctx.lang.t(T::SheetOptionsNeedFormat));
    }
    let file = &args.file;
    let doc = {
        // The bytes go as soon as the document is built: big files, less memory.
        let bytes = read_file(file, ctx.lang)?;
        parse_document(&bytes).map_err(|e| {
            let at = (!e.location.is_empty()).then_some(e.location.as_str());
            problem(ctx.lang, file, at, &e.message)
        })?
    };
    // What can be judged from the file alone is judged before the database is
    // opened: a refused file creates nothing, not even an empty database.
    crate::domain::values::check_values(&doc)
        .map_err(|i| problem(ctx.lang, file, Some(&i.location), &i.message))?;
    // A dry run writes nothing to the file, not even its journal mode: it runs on a
    // copy in memory (an empty one when the database does not exist yet).
    let mut store = if args.dry_run && !ctx.db.exists() {
        Store::open_in_memory()?
    } else if args.dry_run {
        ctx.open_existing()?.copy_in_memory()?
    } else {
        ctx.open_for_writing()?
    };
    let summary = import_document(&mut store, &doc, &ctx.who, Origin::Import, args.dry_run)
        .map_err(|e| match e {
            ImportError::Invalid { path, message } => {
                problem(ctx.lang, file, Some(&path), &message)
            }
            ImportError::Store(e) => e.into(),
        })?;
    for w in &summary.warnings {
        let at = (!w.location.is_empty()).then_some(w.location.as_str());
        eprintln!(
            "{}",
            ctx.lang.warning(&[
                &shown(file, ctx.lang),
                &escape(&said(ctx.lang, at, &w.message))
            ])
        );
    }
    let text = summary_text(&summary, file, &ctx.db, args.dry_run, ctx.lang);
    super::to_stdout(|out| Ok(out.write_all(text.as_bytes())?))?;
    Ok(ExitCode::SUCCESS)
}

/// A problem of `file` at `location` (a JSON path such as `plans[0].actions[0].due`,
/// or a line and column), in `lang`.
fn problem(lang: Lang, file: &Path, location: Option<&str>, message: &str) -> anyhow::Error {
    let problem = said(lang, location, message);
    anyhow!(lang.fill(
        T::CliFileProblem,
        &[("file", &shown(file, lang)), ("problem", &problem)]
    ))
}

/// A problem or a warning where it is (`plans[0].actions[0].due: …`), in `lang`.
fn said(lang: Lang, location: Option<&str>, message: &str) -> String {
    let message = crate::i18n::problem_text(lang, message);
    match location {
        Some(at) => lang.fill(T::ProblemAt, &[("location", &at), ("message", &message)]),
        None => message,
    }
}

/// The largest file `import` reads (and the most it reads from standard input).
pub const MAX_IMPORT_BYTES: u64 = 512 * 1024 * 1024;

/// The bytes of `file`, a regular file or `-` for the standard input, at most
/// [`MAX_IMPORT_BYTES`]: a device (`/dev/zero`) or a named pipe, which could grow
/// or wait forever, is refused before anything is read from it.
pub(super) fn read_file(file: &Path, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let limit_msg = |what: &str| anyhow!(lang.fill(T::CliImportTooLarge, &[("what", &what)]));
    if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_IMPORT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| anyhow!(lang.fill(T::CliCannotReadStdin, &[("why", &e)])))?;
        if bytes.len() as u64 > MAX_IMPORT_BYTES {
            return Err(limit_msg(lang.t(T::CliStandardInput)));
        }
        return Ok(bytes);
    }
    let shown = escape(&file.display().to_string()).into_owned();
    let why = |e: std::io::Error| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => lang.t(T::CliNoSuchFile).to_string(),
            std::io::ErrorKind::PermissionDenied => lang.t(T::CliPermissionDenied).to_string(),
            std::io::ErrorKind::IsADirectory => lang.t(T::CliIsAFolder).to_string(),
            _ => e.to_string(),
        };
        anyhow!(lang.fill(T::CliCannotReadFile, &[("path", &shown), ("why", &why)]))
    };
    let meta = std::fs::metadata(file).map_err(why)?;
    if meta.is_dir() {
        return Err(why(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
    }
    if !meta.is_file() {
        anyhow::bail!(lang.fill(T::CliNotARegularFile, &[("path", &shown)]));
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(limit_msg(&shown));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .and_then(|f| f.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(why)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(limit_msg(&shown));
    }
    Ok(bytes)
}

fn kind_label(lang: Lang, kind: &str) -> &str {
    let t = match kind {
        "region" => T::EntityRegion,
        "themes" => T::EntityThemes,
        "territories" => T::EntityTerritories,
        "organisations" => T::EntityOrganisations,
        "people" => T::EntityPeople,
        "envelopes" => T::EntityEnvelopes,
        "catalogue" => T::EntityCatalogue,
        "plans" => T::ColPlans,
        "meetings" => T::MtgEntityMeetings,
        "actions" => T::ColActions,
        other => return other,
    };
    lang.t(t)
}

/// The file as a message names it: `-` is the standard input; a path is escaped.
pub(super) fn shown(file: &Path, lang: Lang) -> String {
    if file.as_os_str() == "-" {
        lang.t(T::CliStandardInput).to_string()
    } else {
        escape(&file.display().to_string()).into_owned()
    }
}

/// What the import did, per kind of entity, as an aligned table; kinds absent
/// from the file are left out.
pub fn summary_text(
    summary: &ImportSummary,
    file: &Path,
    db: &Path,
    dry_run: bool,
    lang: Lang,
) -> String {
    let mut s = format!(
        "{} {} {} {}\n\n",
        lang.t(T::ImportOf),
        shown(file, lang),
        lang.t(T::ImportInto),
        escape(&db.display().to_string())
    );
    let rows: Vec<Vec<String>> = summary
        .counts
        .iter()
        .filter(|(_, c, u, n)| c + u + n > 0)
        .map(|(kind, c, u, n)| {
            vec![
                kind_label(lang, kind).to_string(),
                c.to_string(),
                u.to_string(),
                n.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() {
        s.push_str(lang.t(T::NothingToImport));
        s.push('\n');
    } else {
        let header = [T::ColKind, T::ColCreated, T::ColUpdated, T::ColUnchanged]
            .map(|t| lang.t(t).to_string());
        s.push_str(&crate::text::table(
            &header,
            &rows,
            &[false, true, true, true],
        ));
    }
    if dry_run {
        s.push('\n');
        s.push_str(lang.t(T::DryRunNothingWritten));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_table_in_both_languages() {
        let summary = ImportSummary {
            counts: vec![
                ("region", 1, 0, 0),
                ("themes", 0, 0, 0),
                ("plans", 1, 0, 0),
                ("actions", 3, 12, 130),
            ],
            warnings: vec![],
        };
        let fr = summary_text(
            &summary,
            Path::new("a.json"),
            Path::new("db"),
            true,
            Lang::Fr,
        );
        assert_eq!(
            fr,
            "Import de a.json dans db\n\n\
             Type     Créés  Modifiés  Inchangés\n\
             Région       1         0          0\n\
             Plans        1         0          0\n\
             Actions      3        12        130\n\
             \n(essai : rien n'a été écrit)\n"
        );
        let en = summary_text(
            &summary,
            Path::new("a.json"),
            Path::new("db"),
            false,
            Lang::En,
        );
        assert!(
            en.starts_with("Import of a.json into db\n\nKind     Created  Updated  Unchanged\n")
        );
        assert!(!en.contains("dry run"));
    }
}
