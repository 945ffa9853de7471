//! `jalon budget`: where the money stands, by envelope and by territory, with each
//! territory's figures by funding source and by year; as text, JSON or CSV.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use serde_json::{Map, Value, json};

use super::{Context, report_width, to_stdout};
use crate::cli::{BudgetArgs, ReportFormat};
use crate::domain::{FundingSource, Money, Sums};
use crate::i18n::{Lang, T};
use crate::interchange::csvout;
use crate::store::read::{self, BudgetGroup, BudgetLevel};
use crate::text::{escape, truncate};

/// The figures of the command, read once.
pub struct Report {
    pub today: chrono::NaiveDate,
    pub envelopes: Vec<BudgetGroup>,
    pub territories: Vec<BudgetGroup>,
}

impl Report {
    /// The region's (or the one territory's) total, as one more group.
    pub fn total(&self, lang: Lang) -> BudgetGroup {
        let any_allocation = self.territories.iter().any(|t| t.allocation.is_some());
        BudgetGroup {
            code: String::new(),
            name: lang.t(T::Total).to_string(),
            allocation: any_allocation.then(|| {
                self.territories
                    .iter()
                    .filter_map(|t| t.allocation)
                    .sum::<Money>()
            }),
            measured: any_allocation.then(|| {
                self.territories
                    .iter()
                    .filter_map(|t| t.measured)
                    .sum::<Money>()
            }),
            parts: self
                .territories
                .iter()
                .flat_map(|t| t.parts.iter().copied())
                .collect(),
            ..BudgetGroup::default()
        }
    }
}

pub fn run(ctx: &Context, args: &BudgetArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let filter = ctx.resolve_filter(&store, args.territory.as_deref(), None)?;
    let conn = store.conn();
    let mut territories =
        read::budget(conn, BudgetLevel::Territories, None).map_err(|e| store.err(e))?;
    territories.retain(|t| filter.territory.as_ref().is_none_or(|c| *c == t.code));
    let only = match &filter.territory {
        Some(_) => territories.first().map(|t| t.id),
        None => None,
    };
    let envelopes =
        read::budget(conn, BudgetLevel::Envelopes(only), None).map_err(|e| store.err(e))?;
    let report = Report {
        today: ctx.today,
        envelopes,
        territories,
    };
    to_stdout(|out| {
        match args.format {
            ReportFormat::Json => {
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &json_of(&report))?;
                writeln!(out)?;
            }
            ReportFormat::Csv => write_csv(out, &report, ctx.lang)?,
            ReportFormat::Text => {
                out.write_all(text(&report, ctx.lang, report_width()).as_bytes())?
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

fn sums_json(s: Sums) -> Value {
    json!({
        "planned": s.planned.to_decimal(),
        "committed": s.committed.to_decimal(),
        "paid": s.paid.to_decimal(),
    })
}

/// A year's key: the year, or `none` for lines that give none.
pub fn year_key(y: Option<i32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_else(|| "none".into())
}

fn group_json(g: &BudgetGroup, head: &[(&str, Value)]) -> Value {
    let s = g.sums();
    let mut m = Map::new();
    for (k, v) in head {
        m.insert((*k).into(), v.clone());
    }
    let by_source: Map<String, Value> = g
        .by_source()
        .into_iter()
        .map(|(k, v)| (k.code().to_string(), sums_json(v)))
        .collect();
    let by_year: Map<String, Value> = g
        .by_year()
        .into_iter()
        .map(|(k, v)| (year_key(k), sums_json(v)))
        .collect();
    let alloc = g.allocation.unwrap_or_default().to_decimal();
    for (k, v) in [
        ("allocation", json!(alloc)),
        ("planned", json!(s.planned.to_decimal())),
        ("committed", json!(s.committed.to_decimal())),
        ("paid", json!(s.paid.to_decimal())),
        ("left_to_commit", json!(s.left_to_commit().to_decimal())),
        ("left_to_pay", json!(s.left_to_pay().to_decimal())),
        ("by_source", Value::Object(by_source)),
        ("by_year", Value::Object(by_year)),
    ] {
        m.insert(k.into(), v);
    }
    Value::Object(m)
}

pub fn json_of(r: &Report) -> Value {
    let envelopes: Vec<Value> = r
        .envelopes
        .iter()
        .map(|e| {
            let s = e.sums();
            json!({
                "envelope": e.code,
                "label": e.name,
                "amount": e.allocation.map(Money::to_decimal),
                "allocated": e.allocated.unwrap_or_default().to_decimal(),
                "planned": s.planned.to_decimal(),
                "committed": s.committed.to_decimal(),
                "paid": s.paid.to_decimal(),
            })
        })
        .collect();
    let territories: Vec<Value> = r
        .territories
        .iter()
        .map(|t| group_json(t, &[("territory", json!(t.code)), ("name", json!(t.name))]))
        .collect();
    json!({
        "today": r.today.format("%Y-%m-%d").to_string(),
        "envelopes": envelopes,
        "territories": territories,
        "total": group_json(&r.total(Lang::En), &[]),
    })
}

/// One territory a line, then the total: the amounts as spreadsheets read them.
fn write_csv(out: &mut dyn Write, r: &Report, lang: Lang) -> anyhow::Result<()> {
    let mut w = csvout::writer(out, lang)?;
    w.write_record(
        [
            T::ColTerritory,
            T::BudgetColName,
            T::ColAllocation,
            T::ColPlanned,
            T::ColCommitted,
            T::ColPaid,
            T::BudgetColLeftToCommit,
            T::BudgetColLeftToPay,
        ]
        .map(|t| lang.t(t)),
    )?;
    let total = r.total(lang);
    for g in r.territories.iter().chain(std::iter::once(&total)) {
        let s = g.sums();
        w.write_record([
            csvout::text(&g.code),
            csvout::text(&g.name),
            g.allocation
                .map(|a| csvout::amount(a, lang))
                .unwrap_or_default(),
            csvout::amount(s.planned, lang),
            csvout::amount(s.committed, lang),
            csvout::amount(s.paid, lang),
            csvout::amount(s.left_to_commit(), lang),
            csvout::amount(s.left_to_pay(), lang),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// `▲` after an amount above the one it should stay under.
fn marked(m: Money, above: bool, lang: Lang) -> String {
    let s = m.format_tidy(lang);
    if above { format!("{s} ▲") } else { s }
}

/// Paid / planned as `42,5 %` / `42.5%`, or `—` when nothing is planned.
pub fn rate_text(s: Sums, lang: Lang) -> String {
    s.format_rate(lang)
}

/// The amounts of a group as the text table's cells, after its name.
fn amount_cells(g: &BudgetGroup, lang: Lang) -> Vec<String> {
    let s = g.sums();
    vec![
        g.allocation
            .map(|a| a.format_tidy(lang))
            .unwrap_or_else(|| "—".into()),
        marked(s.planned, g.above_allocation(), lang),
        marked(s.committed, s.committed_above_planned(), lang),
        marked(s.paid, s.paid_above_committed(), lang),
        s.left_to_commit().format_tidy(lang),
        s.left_to_pay().format_tidy(lang),
        rate_text(s, lang),
    ]
}

/// The report as text: the envelopes, the territories with the total, each
/// territory's sources and years; every line cut at `width_limit` (a terminal's).
pub fn text(r: &Report, lang: Lang, width_limit: Option<usize>) -> String {
    let mut s = format!(
        "{}\n\n",
        lang.fill(T::BudgetHeading, &[("day", &lang.date(r.today))])
    );
    let heads = |first: T| -> Vec<String> {
        [
            first,
            T::ColAllocation,
            T::ColPlanned,
            T::ColCommitted,
            T::ColPaid,
            T::BudgetColLeftToCommit,
            T::BudgetColLeftToPay,
            T::BudgetColRate,
        ]
        .map(|t| lang.t(t).to_string())
        .to_vec()
    };
    let right = [false, true, true, true, true, true, true, true];
    if !r.envelopes.is_empty() {
        let rows: Vec<Vec<String>> = r
            .envelopes
            .iter()
            .map(|e| {
                let sums = e.sums();
                let over = e
                    .allocation
                    .is_some_and(|a| sums.planned > a || e.allocated.is_some_and(|x| x > a));
                vec![
                    escape(&format!("{} {}", e.code, e.name)).into_owned(),
                    e.allocation
                        .map(|a| marked(a, over, lang))
                        .unwrap_or_else(|| "—".into()),
                    e.allocated.unwrap_or_default().format_tidy(lang),
                    sums.planned.format_tidy(lang),
                    sums.committed.format_tidy(lang),
                    sums.paid.format_tidy(lang),
                ]
            })
            .collect();
        let h: Vec<String> = [
            T::TuiFieldEnvelope,
            T::BudgetColAmount,
            T::BudgetColAllocated,
            T::ColPlanned,
            T::ColCommitted,
            T::ColPaid,
        ]
        .map(|t| lang.t(t).to_string())
        .to_vec();
        s.push_str(&crate::text::table(&h, &rows, &right[..6]));
        s.push('\n');
    }
    let total = r.total(lang);
    let mut rows: Vec<Vec<String>> = r
        .territories
        .iter()
        .map(|t| {
            let mut row = vec![escape(&t.name).into_owned()];
            row.extend(amount_cells(t, lang));
            row
        })
        .collect();
    let mut total_row = vec![total.name.clone()];
    total_row.extend(amount_cells(&total, lang));
    rows.push(total_row);
    s.push_str(&crate::text::table(&heads(T::ColTerritory), &rows, &right));
    // Each territory's money by source and by year, one line each.
    for t in r.territories.iter().chain(std::iter::once(&total)) {
        if t.parts.is_empty() {
            continue;
        }
        s.push('\n');
        s.push_str(&escape(&t.name));
        s.push('\n');
        let sources: BTreeMap<FundingSource, Sums> = t.by_source();
        for (k, v) in sources {
            s.push_str(&breakdown_line(crate::i18n::source_label(lang, k), v, lang));
        }
        for (k, v) in t.by_year() {
            let y = k
                .map(|y| y.to_string())
                .unwrap_or_else(|| lang.t(T::BudgetNoYear).to_string());
            s.push_str(&breakdown_line(&y, v, lang));
        }
    }
    s.push_str(&format!("\n{}\n", lang.t(T::BudgetLegend)));
    match width_limit {
        Some(w) => s.lines().map(|l| truncate(l, w) + "\n").collect(),
        None => s,
    }
}

fn breakdown_line(name: &str, v: Sums, lang: Lang) -> String {
    format!(
        "  {name}: {} {} · {} {} · {} {} · {}\n",
        lang.t(T::ColPlanned),
        v.planned.format_tidy(lang),
        lang.t(T::ColCommitted),
        marked(v.committed, v.committed_above_planned(), lang),
        lang.t(T::ColPaid),
        marked(v.paid, v.paid_above_committed(), lang),
        rate_text(v, lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_amounts_keep_their_sign_in_csv() {
        assert_eq!(csvout::amount(Money(-50), Lang::Fr), "-0,50");
        assert_eq!(csvout::amount(Money(-1234), Lang::En), "-12.34");
        assert_eq!(csvout::amount(Money(1234), Lang::En), "12.34");
    }

    #[test]
    fn the_rate_reads_to_a_tenth() {
        let s = Sums {
            planned: Money(300),
            committed: Money(0),
            paid: Money(100),
        };
        assert_eq!(rate_text(s, Lang::Fr), "33,3 %");
        assert_eq!(rate_text(s, Lang::En), "33.3%");
        assert_eq!(rate_text(Sums::default(), Lang::En), "—");
    }
}
