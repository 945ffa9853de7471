//! The plan a sheet makes: each row matched to an action (by code, else by title
//! within the plan) and laid over it, its names matched to the directory (and
//! created when they match nothing, to go on); every problem of every row kept.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::sheet::{SheetOptions, Unmatched};
use super::sheet_names::{Found, Names};
use crate::domain::bounds::quote;
use crate::domain::sheet::{Field, Sheet, SheetIssue, SheetRow};
use crate::domain::*;
use crate::store::read::Filter;
use crate::text::normal;

/// The document to write, the names not matched, and each action's line.
pub(super) type Planned = (Document, Vec<Unmatched>, Vec<(String, usize)>);

pub(super) fn unmatched_issue(u: &Unmatched) -> SheetIssue {
    SheetIssue::new(
        Some(u.line),
        Some(&u.column),
        format!(
            "no {} {} in the directory: correct the name, add it to the directory, or import with --create-missing",
            u.kind,
            quote(&u.name)
        ),
    )
}

pub(super) enum Fail {
    Sql(rusqlite::Error),
    Sheet(Vec<SheetIssue>),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Fail {
        Fail::Sql(e)
    }
}

/// The directory as the sheet's names are matched against, plus what the sheet
/// creates.
pub(super) struct Directory {
    pub(super) themes: Names,
    pub(super) organisations: Names,
    pub(super) people: Names,
    /// Person code → organisation code.
    pub(super) person_org: Vec<(String, Option<String>)>,
}

/// The document to write: the plan with the sheet's actions laid over the
/// database's, and the organisations and people the sheet creates; the names not
/// matched; each action's line.
pub(super) fn plan_document(
    conn: &Connection,
    sheet: &Sheet,
    opts: &SheetOptions<'_>,
) -> Result<Planned, Fail> {
    let filter = Filter {
        plan: Some(opts.plan.to_string()),
        ..Filter::default()
    };
    let mut db = crate::store::export::export_document(conn, &filter)?;
    let Some(mut plan) = db.plans.pop() else {
        return Err(Fail::Sheet(vec![SheetIssue::new(
            None,
            None,
            format!("no plan {} in the database", quote(opts.plan)),
        )]));
    };
    let refs = crate::store::reference::load_references(conn)?;
    let territory = refs
        .territories
        .iter()
        .find(|(_, t)| t.code == plan.territory)
        .map(|(_, t)| t.clone());
    let mut dir = Directory {
        themes: Names::new(
            refs.themes
                .iter()
                .map(|(_, t)| (t.code.as_str(), t.label.as_str())),
        ),
        organisations: Names::new(
            refs.organisations
                .iter()
                .map(|(_, o)| (o.code.as_str(), o.name.as_str())),
        ),
        people: Names::new(
            refs.people
                .iter()
                .map(|(_, p)| (p.code.as_str(), p.name.as_str())),
        ),
        person_org: refs
            .people
            .iter()
            .map(|(_, p)| (p.code.clone(), p.organisation.clone()))
            .collect(),
    };
    let mut out = Document::empty();
    let mut errors = Vec::new();
    let mut unmatched = Vec::new();
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut actions: Vec<Action> = Vec::new();
    let existing = std::mem::take(&mut plan.actions);
    let mut made = 0usize;
    // Indexes, so that a sheet of thousands of rows stays linear: the plan's
    // actions by code and by title as compared, this import's by title and code.
    let by_code: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .map(|(i, a)| (a.code.as_str(), i))
        .collect();
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in existing.iter().enumerate() {
        by_title.entry(normal(&a.title)).or_default().push(i);
    }
    let mut new_by_title: HashMap<String, usize> = HashMap::new();
    let mut line_of: HashMap<String, usize> = HashMap::new();
    let sheet_codes: HashSet<&str> = sheet
        .rows
        .iter()
        .filter_map(|r| r.code.as_deref())
        .collect();
    for row in &sheet.rows {
        let mut ctx = RowCtx {
            sheet,
            row,
            errors: &mut errors,
        };
        if let (Some(t), Some(terr)) = (&row.territory, &territory)
            && t != &terr.code
            && normal(t) != normal(&terr.name)
            && normal(t) != normal(&terr.code)
        {
            ctx.err(
                Field::Territory,
                format!(
                    "the plan {} is the territory {} ({}), not {}: import each territory's rows into its own plan",
                    opts.plan,
                    terr.code,
                    terr.name,
                    quote(t)
                ),
            );
            continue;
        }
        // The action: by code, else by title within the plan; else a new one.
        let found = match &row.code {
            // The code as written; else the one code that differs only by case.
            Some(code) => by_code
                .get(code.as_str())
                .map(|&i| &existing[i])
                .or_else(|| {
                    let mut same = existing
                        .iter()
                        .filter(|a| a.code.eq_ignore_ascii_case(code));
                    match (same.next(), same.next()) {
                        (Some(a), None) => Some(a),
                        _ => None,
                    }
                }),
            None => {
                let title = normal(row.title.as_deref().unwrap_or_default());
                let same: Vec<&Action> = by_title
                    .get(&title)
                    .map(|is| is.iter().map(|&i| &existing[i]).collect())
                    .unwrap_or_default();
                if same.len() > 1 {
                    let codes: Vec<&str> = same.iter().map(|a| a.code.as_str()).collect();
                    ctx.err(
                        Field::Title,
                        format!(
                            "the title matches several actions of the plan ({}): give the code of the one meant",
                            codes.join(", ")
                        ),
                    );
                    continue;
                }
                // A new action of an earlier row is found too: said twice below.
                same.first()
                    .copied()
                    .or_else(|| new_by_title.get(&title).map(|&i| &actions[i]))
            }
        };
        let mut action = match found {
            Some(a) => a.clone(),
            None => {
                let code = match &row.code {
                    Some(c) if is_valid_code(c) => c.clone(),
                    Some(c) => {
                        ctx.err(
                            Field::Code,
                            format!(
                                "{} is not a valid code: use 1 to 40 letters (without accents), digits, \"-\", \"_\" or \".\", and no spaces",
                                quote(c)
                            ),
                        );
                        continue;
                    }
                    None => loop {
                        made += 1;
                        let c = format!("A{made:03}");
                        // Free in the plan, in this import, and among the sheet's own codes.
                        let taken = by_code.contains_key(c.as_str())
                            || line_of.contains_key(&c)
                            || sheet_codes.contains(c.as_str());
                        if !taken {
                            break c;
                        }
                    },
                };
                let Some(title) = row.title.clone() else {
                    ctx.err(
                        Field::Title,
                        "missing: a new action needs a title".to_string(),
                    );
                    continue;
                };
                Action::todo(code, title)
            }
        };
        if let Some(first) = line_of.get(&action.code) {
            let field = if row.code.is_some() {
                Field::Code
            } else {
                Field::Title
            };
            ctx.err(
                field,
                format!(
                    "the action {} is already on line {first}: one row per action",
                    action.code
                ),
            );
            continue;
        }
        let before = ctx.errors.len();
        ctx.overlay(
            &mut action,
            &mut dir,
            &mut out,
            &mut unmatched,
            opts,
            territory.as_ref(),
        );
        if ctx.errors.len() == before {
            lines.push((action.code.clone(), row.line));
            line_of.insert(action.code.clone(), row.line);
            if found.is_none() {
                new_by_title.insert(normal(&action.title), actions.len());
            }
            actions.push(action);
        }
    }
    if !errors.is_empty() {
        // The names matched by nothing are problems too, unless they may be created.
        if !opts.create_missing && !opts.dry_run {
            errors.extend(unmatched.iter().map(unmatched_issue));
        }
        return Err(Fail::Sheet(errors));
    }
    plan.actions = actions;
    out.plans.push(plan);
    Ok((out, unmatched, lines))
}

pub(super) struct RowCtx<'a> {
    pub(super) sheet: &'a Sheet,
    pub(super) row: &'a SheetRow,
    pub(super) errors: &'a mut Vec<SheetIssue>,
}

impl RowCtx<'_> {
    pub(super) fn err(&mut self, field: Field, message: String) {
        self.errors.push(SheetIssue::new(
            Some(self.row.line),
            Some(self.sheet.column(field)),
            message,
        ));
    }

    /// The code `name` stands for in `names`; an ambiguous name is an error, an
    /// unmatched one is listed (and created, with a made code, to go on).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn resolve(
        &mut self,
        field: Field,
        name: &str,
        kind: &'static str,
        dir: &mut Directory,
        out: &mut Document,
        unmatched: &mut Vec<Unmatched>,
        org: Option<&str>,
        territory: Option<&Territory>,
    ) -> Option<String> {
        let names = if kind == "person" {
            &mut dir.people
        } else {
            &mut dir.organisations
        };
        match names.find(name) {
            Found::One(code) => {
                // Created from an earlier row: listed there, listed here too.
                if let Some(u) = unmatched.iter().find(|u| u.code == code && u.kind == kind) {
                    let u = Unmatched {
                        line: self.row.line,
                        column: self.sheet.column(field).to_string(),
                        ..u.clone()
                    };
                    unmatched.push(u);
                }
                Some(code)
            }
            Found::Many(codes) => {
                self.err(
                    field,
                    format!(
                        "{} matches more than one {kind}: {}; write the code of the one meant",
                        quote(name),
                        codes.join(", ")
                    ),
                );
                None
            }
            Found::None => {
                let code = names.make_code(name, if kind == "person" { "PERSON" } else { "ORG" });
                names.add(&code, name);
                if kind == "person" {
                    dir.person_org.push((code.clone(), org.map(str::to_string)));
                    out.people.push(Person {
                        code: code.clone(),
                        name: name.to_string(),
                        organisation: org.map(str::to_string),
                        email: None,
                        phone: None,
                        login: None,
                    });
                } else {
                    out.organisations.push(Organisation {
                        code: code.clone(),
                        name: name.to_string(),
                        kind: None,
                        territory: territory.map(|t| t.code.clone()),
                    });
                }
                unmatched.push(Unmatched {
                    line: self.row.line,
                    column: self.sheet.column(field).to_string(),
                    name: name.to_string(),
                    kind,
                    code: code.clone(),
                });
                Some(code)
            }
        }
    }
}
