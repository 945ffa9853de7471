//! `jalon people`: who carries what — each organisation and its people with the
//! actions they pilot (open and closed), those an organisation is a partner of, and
//! how many open ones are overdue or due soon; as text, JSON or CSV.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::{Context, report_width, to_stdout};
use crate::cli::{PeopleArgs, ReportFormat};
use crate::i18n::{Lang, T};
use crate::interchange::csvout;
use crate::store::read::{self, Load, OrgLoad};
use crate::text::{escape, pad_left, pad_right, truncate, width};

pub fn run(ctx: &Context, args: &PeopleArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let filter = ctx.resolve_filter(&store, args.territory.as_deref(), None)?;
    let orgs = read::people_load(
        store.conn(),
        ctx.today,
        ctx.config.due_soon_days,
        filter.territory.as_deref(),
    )
    .map_err(|e| store.err(e))?;
    to_stdout(|out| {
        match args.format {
            ReportFormat::Json => {
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &people_json(&orgs))?;
                out.write_all(b"\n")?;
            }
            ReportFormat::Csv => write_csv(out, &orgs, ctx.lang)?,
            ReportFormat::Text => {
                out.write_all(people_text(&orgs, ctx.lang, report_width()).as_bytes())?
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON document: one object per organisation, its people inside.
pub fn people_json(orgs: &[OrgLoad]) -> Value {
    Value::Array(
        orgs.iter()
            .map(|o| {
                json!({
                    "organisation": o.code,
                    "name": o.name,
                    "piloted": o.load.piloted,
                    "partnered": o.load.partnered,
                    "overdue": o.load.overdue,
                    "due_soon": o.load.due_soon,
                    "people": o.people.iter().map(|p| json!({
                        "person": p.code,
                        "name": p.name,
                        "login": p.login,
                        "piloted": p.load.piloted,
                        "overdue": p.load.overdue,
                        "due_soon": p.load.due_soon,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

const HEADS: [T; 8] = [
    T::PeopleColOrganisation,
    T::PeopleColKind,
    T::ColCode,
    T::PeopleColName,
    T::PeopleColPiloted,
    T::PeopleColPartnered,
    T::ColOverdue,
    T::ColDueSoon,
];

/// One line per organisation, then one per person of it: (kind, code, name, load,
/// partnered shown).
fn lines(orgs: &[OrgLoad], lang: Lang) -> Vec<[String; 8]> {
    let mut out = Vec::new();
    let org_name = |o: &OrgLoad| {
        o.name
            .clone()
            .unwrap_or_else(|| lang.t(T::PeopleNoOrganisation).to_string())
    };
    let figures = |l: &Load, partner: bool| {
        [
            l.piloted.to_string(),
            if partner {
                l.partnered.to_string()
            } else {
                String::new()
            },
            l.overdue.to_string(),
            l.due_soon.to_string(),
        ]
    };
    for o in orgs {
        let code = o.code.clone().unwrap_or_default();
        if o.id.is_some() {
            let [a, b, c, d] = figures(&o.load, true);
            out.push([
                code.clone(),
                lang.t(T::PeopleKindOrganisation).to_string(),
                code.clone(),
                org_name(o),
                a,
                b,
                c,
                d,
            ]);
        }
        for p in &o.people {
            let [a, b, c, d] = figures(&p.load, false);
            out.push([
                code.clone(),
                lang.t(T::PeopleKindPerson).to_string(),
                p.code.clone(),
                p.name.clone(),
                a,
                b,
                c,
                d,
            ]);
        }
    }
    out
}

fn write_csv(out: &mut dyn Write, orgs: &[OrgLoad], lang: Lang) -> anyhow::Result<()> {
    let mut w = csvout::writer(out, lang)?;
    w.write_record(HEADS.map(|t| lang.t(t)))?;
    for l in lines(orgs, lang) {
        w.write_record(l.iter().map(|c| csvout::text(c)))?;
    }
    w.flush()?;
    Ok(())
}

/// An aligned table; persons indented under their organisation; names cut to the
/// terminal's width.
pub fn people_text(orgs: &[OrgLoad], lang: Lang, width_limit: Option<usize>) -> String {
    if orgs.is_empty() {
        return format!("{}\n", lang.t(T::PeopleEmpty));
    }
    let rows = lines(orgs, lang);
    let heads: Vec<&str> = HEADS[2..].iter().map(|t| lang.t(*t)).collect();
    let mut widths: Vec<usize> = heads.iter().map(|h| width(h)).collect();
    for r in &rows {
        let indent = if r[1] == lang.t(T::PeopleKindPerson) {
            2
        } else {
            0
        };
        widths[0] = widths[0].max(width(&r[2]) + indent);
        for (i, c) in r[3..].iter().enumerate() {
            widths[i + 1] = widths[i + 1].max(width(c));
        }
    }
    let fixed: usize = widths
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, w)| *w + 2)
        .sum();
    if let Some(limit) = width_limit {
        widths[1] = widths[1].min(limit.saturating_sub(fixed).max(12));
    }
    let line = |cells: [&str; 6]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let c = escape(c);
            if i < 2 {
                s.push_str(&pad_right(&truncate(&c, widths[i]), widths[i]));
            } else {
                s.push_str(&pad_left(&c, widths[i]));
            }
        }
        s.trim_end().to_string()
    };
    let mut s = line([heads[0], heads[1], heads[2], heads[3], heads[4], heads[5]]);
    s.push('\n');
    for r in &rows {
        let code = if r[1] == lang.t(T::PeopleKindPerson) {
            format!("  {}", r[2])
        } else {
            r[2].clone()
        };
        s.push_str(&line([&code, &r[3], &r[4], &r[5], &r[6], &r[7]]));
        s.push('\n');
    }
    s
}
