//! `jalon overdue` and `jalon board`: the reports, as text (80 columns), JSON or CSV.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{Value, json};

use super::{Context, report_width, to_stdout};
use crate::cli::{BoardArgs, BoardFormat, OverdueArgs, ReportFormat};
use crate::i18n::{Lang, T, status_label};
use crate::interchange::csvout;
use crate::store::read::{self, Board, Counters, OverdueItem, OverdueKind};
use crate::text::{escape, pad_left, pad_right, truncate, width};

pub fn overdue(ctx: &Context, args: &OverdueArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let mut filter = ctx.resolve_filter(&store, args.territory.as_deref(), args.plan.as_deref())?;
    if let Some(wanted) = &args.pilot {
        super::mine::pilot_filter(ctx, &store, wanted, &mut filter)?;
    }
    let items =
        read::overdue_for_report(store.conn(), ctx.today, &filter).map_err(|e| store.err(e))?;
    to_stdout(|out| {
        match args.format {
            ReportFormat::Json => {
                // One item a line: readable, greppable, and quick to write at 100,000.
                out.write_all(b"[")?;
                for (i, item) in items.iter().enumerate() {
                    out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                    crate::interchange::jsonout::to_writer(&mut *out, &overdue_json(item))?;
                }
                out.write_all(if items.is_empty() { b"]\n" } else { b"\n]\n" })?;
            }
            ReportFormat::Csv => write_overdue_csv(out, &items, ctx.lang)?,
            ReportFormat::Text => {
                out.write_all(overdue_text(&items, ctx, report_width()).as_bytes())?
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One overdue item as `jalon overdue --format json` writes it.
#[derive(serde::Serialize)]
pub struct OverdueJson<'a> {
    kind: &'static str,
    territory: &'a str,
    plan: &'a str,
    action: &'a str,
    title: &'a str,
    action_title: &'a str,
    due: String,
    days_late: i64,
    status: &'static str,
    pilot: PilotJson<'a>,
}

#[derive(serde::Serialize)]
struct PilotJson<'a> {
    organisation: Option<&'a str>,
    person: Option<&'a str>,
}

pub fn overdue_json(i: &OverdueItem) -> OverdueJson<'_> {
    OverdueJson {
        kind: match i.kind {
            OverdueKind::Action => "action",
            OverdueKind::Milestone => "milestone",
        },
        territory: &i.territory,
        plan: &i.plan,
        action: &i.action,
        title: &i.title,
        action_title: &i.action_title,
        due: i.due.to_string(),
        days_late: i.days_late,
        status: i.status.code(),
        pilot: PilotJson {
            organisation: i.pilot_org.as_deref(),
            person: i.pilot_person.as_deref(),
        },
    }
}

/// The overdue list as a spreadsheet: the export's words for the same columns
/// (`Code`, `Pilote`…), and its dates and cells (see `csvout`).
fn write_overdue_csv(out: &mut dyn Write, items: &[OverdueItem], lang: Lang) -> anyhow::Result<()> {
    let mut w = csvout::writer(out, lang)?;
    w.write_record(
        [
            T::ColKind,
            T::ColTerritory,
            T::ColPlan,
            T::ColCode,
            T::ColTitle,
            T::ColActionTitle,
            T::ColDue,
            T::ColDaysLate,
            T::ColStatus,
            T::ColPilot,
        ]
        .map(|t| lang.t(t)),
    )?;
    for i in items {
        let pilot = csvout::pilot(i.pilot_org.as_deref(), i.pilot_person.as_deref());
        w.write_record([
            csvout::text(kind_label(lang, i.kind)),
            csvout::text(&i.territory),
            csvout::text(&i.plan),
            csvout::text(&i.action),
            csvout::text(&i.title),
            csvout::text(&i.action_title),
            lang.date(i.due),
            i.days_late.to_string(),
            csvout::text(status_label(lang, i.status)),
            csvout::text(&pilot),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn kind_label(lang: Lang, k: OverdueKind) -> &'static str {
    lang.t(match k {
        OverdueKind::Action => T::KindAction,
        OverdueKind::Milestone => T::KindMilestone,
    })
}

/// The overdue list as text: cut to `width` cells (a terminal's), or not at all
/// (`None`, into a pipe or a file). Every value from the database is escaped.
pub fn overdue_text(items: &[OverdueItem], ctx: &Context, width_limit: Option<usize>) -> String {
    let lang = ctx.lang;
    if items.is_empty() {
        return format!("{} {}.\n", lang.t(T::NothingOverdue), lang.date(ctx.today));
    }
    let cut = |s: &str, room: usize| match width_limit {
        Some(_) => truncate(s, room),
        None => s.to_string(),
    };
    let limit = width_limit.unwrap_or(usize::MAX);
    let actions = items
        .iter()
        .filter(|i| i.kind == OverdueKind::Action)
        .count();
    let milestones = items.len() - actions;
    let heading = lang.fill(
        T::ReportOverdueHeading,
        &[
            ("day", &lang.date(ctx.today)),
            (
                "actions",
                &lang.count(actions as u64, T::TuiActionWord, T::TuiActionsWord),
            ),
            (
                "milestones",
                &lang.count(
                    milestones as u64,
                    T::ReportMilestoneWord,
                    T::ReportMilestonesWord,
                ),
            ),
        ],
    );
    let mut s = format!("{heading}\n\n");
    // Two lines an item, so that titles and pilots stay readable in 80 columns:
    // late, territory, code, due and pilot; then what is late.
    let code = |i: &OverdueItem| escape(&format!("{}/{}", i.plan, i.action)).into_owned();
    let code_w = items
        .iter()
        .map(|i| width(&code(i)))
        .max()
        .unwrap_or(0)
        .min(24);
    let terr_w = items
        .iter()
        .map(|i| width(&escape(&i.territory)))
        .max()
        .unwrap_or(0)
        .min(8);
    let late_w = items
        .iter()
        .map(|i| width(&lang.days(i.days_late)) + 2)
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(late_w + 2);
    for i in items {
        let pilot = match (&i.pilot_org, &i.pilot_person) {
            (Some(o), Some(p)) => format!("{o} ({p})"),
            (Some(o), None) => o.clone(),
            _ => "—".to_string(),
        };
        let head = format!(
            "{}  {}  {}  {}  ",
            pad_left(&format!("⚠ {}", lang.days(i.days_late)), late_w),
            pad_right(&escape(&i.territory), terr_w),
            pad_right(&code(i), code_w),
            lang.date(i.due),
        );
        let room = limit.saturating_sub(width(&head));
        s.push_str(&head);
        s.push_str(&cut(&escape(&pilot), room));
        s.push('\n');
        let what = match i.kind {
            OverdueKind::Action => i.title.clone(),
            OverdueKind::Milestone => format!("◆ {} — {}", i.title, i.action_title),
        };
        s.push_str(&indent);
        s.push_str(&cut(&escape(&what), limit.saturating_sub(indent.len())));
        s.push('\n');
    }
    if milestones > 0 {
        s.push_str(&format!("\n{}\n", lang.t(T::ReportMilestoneLegend)));
    }
    s
}

pub fn board(ctx: &Context, args: &BoardArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let b =
        read::board(store.conn(), ctx.today, ctx.config.due_soon_days).map_err(|e| store.err(e))?;
    to_stdout(|out| {
        match args.format {
            BoardFormat::Json => {
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &board_json(&b))?;
                writeln!(out)?;
            }
            BoardFormat::Text => {
                if b.rows.is_empty() {
                    writeln!(out, "{}", ctx.lang.t(T::EmptyDatabase))?;
                } else {
                    out.write_all(board_text(&b, ctx, report_width()).as_bytes())?;
                }
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

fn counters_json(c: &Counters) -> serde_json::Map<String, Value> {
    let by_status: serde_json::Map<String, Value> = crate::domain::ActionStatus::ALL
        .iter()
        .map(|s| (s.code().to_string(), json!(c.by_status.get(*s))))
        .collect();
    let v = json!({
        "plans": c.plans,
        "actions": c.actions,
        "by_status": by_status,
        "overdue_actions": c.overdue_actions,
        "overdue_milestones": c.overdue_milestones,
        "due_soon": c.due_soon,
        "late_starts": c.late_starts,
        "allocation": c.allocation.to_decimal(),
        "envelope_planned": c.envelope_planned.to_decimal(),
        "planned": c.planned.to_decimal(),
        "committed": c.committed.to_decimal(),
        "paid": c.paid.to_decimal(),
    });
    match v {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

pub fn board_json(b: &Board) -> Value {
    let territories: Vec<Value> = b
        .rows
        .iter()
        .map(|r| {
            let mut m = serde_json::Map::new();
            m.insert("territory".into(), json!(r.code));
            m.insert("name".into(), json!(r.name));
            m.extend(counters_json(&r.counters));
            Value::Object(m)
        })
        .collect();
    json!({
        "today": b.today.format("%Y-%m-%d").to_string(),
        "territories": territories,
        "total": Value::Object(counters_json(&b.total)),
    })
}

/// The board as text, every name from the database escaped; its rule is at most
/// `width_limit` cells (a terminal's) wide.
pub fn board_text(b: &Board, ctx: &Context, width_limit: Option<usize>) -> String {
    let lang = ctx.lang;
    let region = escape(b.region.as_ref().map(|r| r.name.as_str()).unwrap_or(""));
    let mut s = format!(
        "{} {} — {region}\n\n",
        lang.t(T::BoardAsOf),
        lang.date(b.today)
    );
    let horizon = ctx.config.due_soon_days;
    let heads: Vec<String> = [
        T::ReportHeadTerritory,
        T::ReportHeadPlans,
        T::ReportHeadActions,
        T::ReportHeadDone,
        T::ReportHeadLate,
        T::ReportHeadMilestonesLate,
        T::ReportHeadSoon,
        T::ReportHeadAllocation,
    ]
    .into_iter()
    .map(|h| lang.t(h).to_string())
    .collect();
    let row = |name: &str, c: &Counters| -> Vec<String> {
        let marker = if c.overdue_actions + c.overdue_milestones > 0 {
            "⚠ "
        } else {
            "  "
        };
        let budget = if c.allocation.cents() > 0 {
            let pct = (c.envelope_planned.cents() * 100 + c.allocation.cents() / 2)
                / c.allocation.cents();
            lang.fill(
                T::ReportShareOf,
                &[
                    ("share", &lang.percent(pct)),
                    ("amount", &c.allocation.format_compact(lang)),
                ],
            )
        } else {
            "—".to_string()
        };
        vec![
            format!("{marker}{}", escape(name)),
            c.plans.to_string(),
            c.actions.to_string(),
            lang.percent(c.done_percent()),
            c.overdue_actions.to_string(),
            c.overdue_milestones.to_string(),
            c.due_soon.to_string(),
            budget,
        ]
    };
    let mut rows: Vec<Vec<String>> = b.rows.iter().map(|r| row(&r.name, &r.counters)).collect();
    rows.push(row(lang.t(T::Total), &b.total));
    let right = [false, true, true, true, true, true, true, false];
    let mut heads = heads;
    heads[0] = format!("  {}", heads[0]);
    let mut table = crate::text::table(&heads, &rows, &right);
    // On a terminal too narrow for the table, the names give way first (down to 18
    // cells), so that the counts stay on screen; into a pipe nothing is cut.
    let widest = table.lines().map(width).max().unwrap_or(0);
    if let Some(w) = width_limit
        && widest > w
    {
        let name_w = rows.iter().map(|r| width(&r[0])).max().unwrap_or(0);
        let room = name_w.saturating_sub(widest - w).max(2 + 18);
        for r in &mut rows {
            r[0] = truncate(&r[0], room);
        }
        table = crate::text::table(&heads, &rows, &right);
    }
    // A rule above the total row.
    let mut lines: Vec<&str> = table.lines().collect();
    let total_line = lines.pop().unwrap_or_default().to_string();
    for l in &lines {
        s.push_str(l);
        s.push('\n');
    }
    let rule_w = lines
        .iter()
        .chain(std::iter::once(&total_line.as_str()))
        .map(|l| width(l))
        .max()
        .unwrap_or(0)
        .min(width_limit.unwrap_or(usize::MAX));
    s.push_str(&"─".repeat(rule_w));
    s.push('\n');
    s.push_str(&total_line);
    s.push('\n');
    s.push_str(&format!(
        "\n{}\n",
        lang.fill(T::ReportBoardLegend, &[("horizon", &horizon)])
    ));
    match width_limit {
        // A narrower terminal: each line cut at its edge rather than wrapped.
        Some(w) => s.lines().map(|l| truncate(l, w) + "\n").collect(),
        None => s,
    }
}
