//! `jalon import --format csv|xlsx FILE --plan CODE [--territory CODE] [--map MAP.toml]
//! [--sheet NAME] [--dry-run] [--create-missing]`: today's spreadsheet of actions
//! into one plan, all or nothing; what each row created or changed, the lines
//! passed over and the names that matched nothing.

use std::path::Path;
use std::process::ExitCode;

use anyhow::anyhow;

use super::Context;
use super::import::{read_file, shown, summary_text};
use crate::cli::{ImportArgs, ImportFormat};
use crate::domain::sheet::{SheetIssue, Skipped};
use crate::i18n::{Lang, T};
use crate::interchange::sheet::{Mapping, SheetFormat, parse_mapping, read_sheet};
use crate::store::import::sheet::{RowChange, SheetError, SheetOptions, import_sheet};
use crate::text::escape;

pub fn run(ctx: &Context, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let lang = ctx.lang;
    let file = &args.file;
    let Some(plan) = &args.plan else {
        anyhow::bail!(lang.t(T::SheetPlanNeeded));
    };
    let format = match args.format {
        ImportFormat::Xlsx => SheetFormat::Xlsx,
        _ => SheetFormat::Csv,
    };
    if format == SheetFormat::Csv && args.sheet.is_some() {
        anyhow::bail!(lang.t(T::SheetNameNeedsXlsx));
    }
    let mapping = match &args.map {
        None => Mapping::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                anyhow!(lang.fill(
                    T::CliCannotReadFile,
                    &[("path", &escape(&path.display().to_string())), ("why", &e)]
                ))
            })?;
            parse_mapping(&text).map_err(|i| problems(lang, path, &[i]))?
        }
    };
    let sheet = {
        let bytes = read_file(file, lang)?;
        read_sheet(&bytes, format, args.sheet.as_deref(), &mapping)
            .map_err(|issues| problems(lang, file, &issues))?
    };
    // The plan must exist: the database is never created by a spreadsheet.
    let plan = {
        let store = ctx.open_existing()?;
        let filter = ctx.resolve_filter(&store, args.territory.as_deref(), Some(plan))?;
        filter.plan.unwrap_or_else(|| plan.clone())
    };
    let mut store = if args.dry_run {
        ctx.open_existing()?.copy_in_memory()?
    } else {
        ctx.open_for_writing()?
    };
    let opts = SheetOptions {
        plan: &plan,
        create_missing: args.create_missing,
        dry_run: args.dry_run,
        today: ctx.today,
        who: &ctx.who,
    };
    let outcome = import_sheet(&mut store, &sheet, &opts).map_err(|e| match e {
        SheetError::Invalid(issues) => problems(lang, file, &issues),
        SheetError::Store(e) => e.into(),
    })?;
    for w in &outcome.warnings {
        let message = crate::i18n::problem_text(lang, &w.message);
        let said = match location(lang, w) {
            Some(at) => lang.fill(T::ProblemAt, &[("location", &at), ("message", &message)]),
            None => message,
        };
        eprintln!("{}", lang.warning(&[&shown(file, lang), &escape(&said)]));
    }
    // Fields and values said as the interface's history says them.
    let dir = crate::store::read::directory(store.conn()).map_err(|e| store.err(e))?;
    let mut text = summary_text(&outcome.summary, file, &ctx.db, false, lang);
    text.push('\n');
    for r in &outcome.rows {
        let (line, code) = (r.line, escape(&r.code));
        let said = match &r.change {
            RowChange::Created => lang.fill(
                T::SheetRowCreated,
                &[
                    ("line", &line),
                    ("code", &code),
                    ("title", &escape(&r.title)),
                ],
            ),
            RowChange::Unchanged => {
                lang.fill(T::SheetRowUnchanged, &[("line", &line), ("code", &code)])
            }
            RowChange::Updated(fields) => {
                let changes: Vec<String> = fields
                    .iter()
                    .map(|(f, old, new)| {
                        let change = crate::store::journal::Change {
                            id: 0,
                            at: String::new(),
                            who: String::new(),
                            who_name: None,
                            origin: String::new(),
                            entity: "action".into(),
                            entity_key: String::new(),
                            field: Some(f.to_string()),
                            old: old.clone(),
                            new: new.clone(),
                            save: None,
                        };
                        escape(&crate::tui::history::describe(lang, &dir, &change).line)
                            .into_owned()
                    })
                    .collect();
                lang.fill(
                    T::SheetRowUpdated,
                    &[
                        ("line", &line),
                        ("code", &code),
                        ("changes", &changes.join("; ")),
                    ],
                )
            }
        };
        text.push_str(&said);
        text.push('\n');
    }
    for (line, why) in &sheet.skipped {
        let t = match why {
            Skipped::Total => T::SheetSkippedTotal,
            Skipped::Header => T::SheetSkippedHeader,
        };
        text.push_str(&lang.fill(t, &[("line", line)]));
        text.push('\n');
    }
    if !sheet.ignored.is_empty() {
        let cols: Vec<String> = sheet
            .ignored
            .iter()
            .map(|c| escape(c).into_owned())
            .collect();
        text.push_str(&lang.fill(T::SheetIgnoredColumns, &[("columns", &cols.join(", "))]));
        text.push('\n');
    }
    if !outcome.unmatched.is_empty() {
        text.push('\n');
        text.push_str(lang.t(if args.create_missing {
            T::SheetCreatedNames
        } else {
            T::SheetUnmatchedNames
        }));
        text.push('\n');
        for u in &outcome.unmatched {
            let kind = lang.t(if u.kind == "person" {
                T::ProblemKindPerson
            } else {
                T::ProblemKindOrganisation
            });
            text.push_str(&lang.fill(
                T::SheetUnmatchedLine,
                &[
                    ("line", &u.line),
                    ("column", &escape(&u.column)),
                    ("kind", &kind),
                    ("name", &crate::domain::chars::quote(&u.name)),
                    ("code", &u.code),
                ],
            ));
            text.push('\n');
        }
    }
    if args.dry_run {
        text.push('\n');
        text.push_str(lang.t(T::DryRunNothingWritten));
        text.push('\n');
    }
    super::to_stdout(|out| Ok(out.write_all(text.as_bytes())?))?;
    Ok(ExitCode::SUCCESS)
}

/// Where an issue of the sheet is: its line and column, in `lang`.
fn location(lang: Lang, i: &SheetIssue) -> Option<String> {
    match (i.line, &i.column) {
        (Some(line), Some(column)) if !column.is_empty() => Some(lang.fill(
            T::SheetAtLineColumn,
            &[("line", &line), ("column", &escape(column))],
        )),
        (Some(line), _) => Some(lang.fill(T::SheetAtLine, &[("line", &line)])),
        (None, _) => None,
    }
}

/// Every problem of the sheet, one a line, and that nothing was written.
fn problems(lang: Lang, file: &Path, issues: &[SheetIssue]) -> anyhow::Error {
    let mut lines = vec![lang.fill(
        T::SheetProblems,
        &[("file", &shown(file, lang)), ("n", &issues.len())],
    )];
    for i in issues {
        let message = crate::i18n::problem_text(lang, &i.message);
        lines.push(match location(lang, i) {
            Some(at) => format!(
                "  {}",
                lang.fill(T::ProblemAt, &[("location", &at), ("message", &message)])
            ),
            None => format!("  {message}"),
        });
    }
    anyhow!(lines.join("\n"))
}
