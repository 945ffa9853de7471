//! A spreadsheet of actions written into one plan: each row matched to an action
//! (by code, else by title within the plan), its names to the directory, laid
//! over the action as the database holds it, then written by the same upsert as
//! a `jalon/1` file: one transaction, all or nothing, every change journalled.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::TransactionBehavior;

use super::sheet_plan::{Fail, plan_document};
use super::{ImportSummary, write_document};
use crate::domain::sheet::{Field, Sheet, SheetIssue};
use crate::store::journal::{Journal, Origin};
use crate::store::{Store, StoreError, classify};

/// How to import: into which plan, and what may be created.
#[derive(Debug, Clone)]
pub struct SheetOptions<'a> {
    pub plan: &'a str,
    pub create_missing: bool,
    pub dry_run: bool,
    /// The day a done action without a day is taken to be done.
    pub today: NaiveDate,
    pub who: &'a str,
}

/// What a row did to its action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    Created,
    /// Each field changed, old → new, as the change journal writes it.
    Updated(Vec<(String, Option<String>, Option<String>)>),
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReport {
    pub line: usize,
    pub code: String,
    pub title: String,
    pub change: RowChange,
}

/// A name of the sheet that matched nothing in the directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched {
    pub line: usize,
    pub column: String,
    pub name: String,
    /// "organisation" or "person".
    pub kind: &'static str,
    /// The code it is (or would be) created with.
    pub code: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetOutcome {
    pub summary: ImportSummary,
    /// What is accepted yet deserves a look (a due day before the start), with
    /// its line when it is about a row.
    pub warnings: Vec<SheetIssue>,
    pub rows: Vec<RowReport>,
    pub unmatched: Vec<Unmatched>,
}

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{} problems in the sheet", .0.len())]
    Invalid(Vec<SheetIssue>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Imports `sheet` into the plan of `opts`; nothing is written on any problem,
/// nor on a dry run (which still says what would change).
pub fn import_sheet(
    store: &mut Store,
    sheet: &Sheet,
    opts: &SheetOptions<'_>,
) -> Result<SheetOutcome, SheetError> {
    let path = store.path().to_path_buf();
    if store.is_read_only() {
        return Err(StoreError::ReadOnly(path).into());
    }
    let sql = |e: rusqlite::Error| SheetError::Store(classify(&path, e));
    store.prepare_for_bulk_write()?;
    let tx = store
        .conn_mut()
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    crate::store::access::check(&tx, &path, opts.who, &crate::store::access::Write::Import)?;
    // Every problem, the cells' and the rows', in one list by line.
    let mut issues = sheet.problems.clone();
    let planned = match plan_document(&tx, sheet, opts) {
        Ok(p) => Some(p),
        Err(Fail::Sql(e)) => return Err(sql(e)),
        Err(Fail::Sheet(more)) => {
            issues.extend(more);
            None
        }
    };
    if let Some((_, unmatched, _)) = &planned
        && !opts.create_missing
        && !opts.dry_run
    {
        issues.extend(unmatched.iter().map(super::sheet_plan::unmatched_issue));
    }
    let (doc, unmatched, lines) = match planned {
        Some(p) if issues.is_empty() => p,
        _ => {
            issues.sort_by_key(|i| i.line);
            return Err(SheetError::Invalid(issues));
        }
    };
    let before: i64 = tx
        .query_row("SELECT coalesce(max(save), 0) FROM changes", [], |r| {
            r.get(0)
        })
        .map_err(sql)?;
    let journal = Journal::new(opts.who, Origin::Import);
    let summary = write_document(&tx, &journal, &doc).map_err(|f| {
        let e = super::ImportError::from_failure(f, &path);
        match e {
            super::ImportError::Invalid { path, message } => {
                SheetError::Invalid(vec![SheetIssue::new(
                    None,
                    None,
                    format!("{path}: {message}"),
                )])
            }
            super::ImportError::Store(e) => SheetError::Store(e),
        }
    })?;
    let mut rows =
        super::sheet_overlay::row_reports(&tx, before, opts.plan, &lines).map_err(sql)?;
    let titles: HashMap<&str, &str> = doc
        .plans
        .iter()
        .flat_map(|p| &p.actions)
        .map(|a| (a.code.as_str(), a.title.as_str()))
        .collect();
    for r in &mut rows {
        if let Some(t) = titles.get(r.code.as_str()) {
            r.title = (*t).to_string();
        }
    }
    if opts.dry_run {
        tx.rollback()
    } else {
        tx.commit()
    }
    .map_err(sql)?;
    let warnings = summary
        .warnings
        .iter()
        .map(|w| warning_of_row(w, sheet, &lines))
        .collect();
    Ok(SheetOutcome {
        warnings,
        summary,
        rows,
        unmatched,
    })
}

/// A warning of the document (`plans[0].actions[3].due: …`) said at the line of
/// its row and the column of its field.
fn warning_of_row(
    w: &crate::domain::validate::Issue,
    sheet: &Sheet,
    lines: &[(String, usize)],
) -> SheetIssue {
    let row = w
        .location
        .strip_prefix("plans[0].actions[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(i, field)| Some((lines.get(i.parse::<usize>().ok()?)?.1, field)));
    match row {
        Some((line, field)) => {
            let field = Field::from_key(field.trim_start_matches('.'));
            SheetIssue::new(
                Some(line),
                field.map(|f| sheet.column(f)),
                w.message.clone(),
            )
        }
        None => SheetIssue::new(None, None, w.message.clone()),
    }
}
