//! `jalon catalogue`: the region's catalogue items against the territories, and the
//! local initiatives (actions from no item) counted per territory.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use crate::cli::{CatalogueArgs, ReportFormat};
use crate::i18n::{Lang, T, status_label};
use crate::interchange::csvout;
use crate::store::read::{CatalogueGrid, catalogue_grid};

use super::{Context, to_stdout};

pub fn run(ctx: &Context, args: &CatalogueArgs) -> anyhow::Result<ExitCode> {
    let store = ctx.open_existing()?;
    let filter = ctx.resolve_filter(&store, args.territory.as_deref(), None)?;
    let grid =
        catalogue_grid(store.conn(), filter.territory.as_deref()).map_err(|e| store.err(e))?;
    to_stdout(|out| {
        match args.format {
            ReportFormat::Json => {
                crate::interchange::jsonout::to_writer_pretty(&mut *out, &json(&grid))?;
                out.write_all(b"\n")?;
            }
            ReportFormat::Csv => write_csv(out, &grid, ctx.lang)?,
            ReportFormat::Text => out.write_all(text(&grid, ctx.lang).as_bytes())?,
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

#[derive(serde::Serialize)]
struct GridJson<'a> {
    items: Vec<ItemJson<'a>>,
    local: BTreeMap<&'a str, u64>,
}

#[derive(serde::Serialize)]
struct ItemJson<'a> {
    code: &'a str,
    title: &'a str,
    theme: Option<&'a str>,
    /// Only the territories that took the item up.
    territories: BTreeMap<&'a str, Vec<ActionJson<'a>>>,
}

#[derive(serde::Serialize)]
struct ActionJson<'a> {
    plan: &'a str,
    action: &'a str,
    status: &'static str,
}

fn json(grid: &CatalogueGrid) -> GridJson<'_> {
    let items = grid
        .items
        .iter()
        .map(|item| ItemJson {
            code: &item.code,
            title: &item.title,
            theme: item.theme.as_deref(),
            territories: grid
                .territories
                .iter()
                .zip(&item.cells)
                .filter(|(_, cell)| !cell.is_empty())
                .map(|(t, cell)| {
                    let actions = cell
                        .iter()
                        .map(|a| ActionJson {
                            plan: &a.plan,
                            action: &a.action,
                            status: a.status.code(),
                        })
                        .collect();
                    (t.code.as_str(), actions)
                })
                .collect(),
        })
        .collect();
    let local = grid
        .territories
        .iter()
        .map(|t| (t.code.as_str(), t.local))
        .collect();
    GridJson { items, local }
}

/// One row per action made from an item, one per item no territory took up (its
/// territory empty), then one per territory's local initiatives (no item, their
/// count in the action column).
fn write_csv(out: &mut dyn Write, grid: &CatalogueGrid, lang: Lang) -> anyhow::Result<()> {
    let mut w = csvout::writer(out, lang)?;
    w.write_record(
        [
            T::CatColItem,
            T::ColTitle,
            T::ColTheme,
            T::ColTerritory,
            T::ColPlan,
            T::ColAction,
            T::ColStatus,
        ]
        .map(|t| lang.t(t)),
    )?;
    for item in &grid.items {
        let head = [
            csvout::text(&item.code),
            csvout::text(&item.title),
            csvout::text(item.theme.as_deref().unwrap_or("")),
        ];
        if item.untaken() {
            w.write_record(head.iter().cloned().chain([
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]))?;
        }
        for (t, cell) in grid.territories.iter().zip(&item.cells) {
            for a in cell {
                w.write_record(head.iter().cloned().chain([
                    csvout::text(&t.code),
                    csvout::text(&a.plan),
                    csvout::text(&a.action),
                    csvout::text(status_label(lang, a.status)),
                ]))?;
            }
        }
    }
    for t in &grid.territories {
        w.write_record([
            String::new(),
            csvout::text(lang.t(T::CatLocalInitiatives)),
            String::new(),
            csvout::text(&t.code),
            String::new(),
            t.local.to_string(),
            String::new(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Each item on a line, then each territory that took it up with its actions; the
/// items no territory took up said so; the local initiatives last.
fn text(grid: &CatalogueGrid, lang: Lang) -> String {
    let mut s = String::new();
    let untaken = grid.items.iter().filter(|i| i.untaken()).count();
    s.push_str(&lang.fill(
        T::CatSummary,
        &[
            (
                "items",
                &lang.count(grid.items.len() as u64, T::CatItemWord, T::CatItemsWord),
            ),
            (
                "territories",
                &lang.count(
                    grid.territories.len() as u64,
                    T::CatTerritoryWord,
                    T::CatTerritoriesWord,
                ),
            ),
            ("untaken", &untaken.to_string()),
        ],
    ));
    s.push('\n');
    let code_w = grid
        .territories
        .iter()
        .map(|t| crate::text::width(&t.code))
        .max()
        .unwrap_or(0);
    for item in &grid.items {
        s.push('\n');
        let theme = item
            .theme
            .as_deref()
            .map(|t| format!(" [{}]", crate::text::escape(t)))
            .unwrap_or_default();
        s.push_str(&format!(
            "{}  {}{theme}\n",
            crate::text::escape(&item.code),
            crate::text::escape(&item.title)
        ));
        if item.untaken() {
            s.push_str(&format!("    {}\n", lang.t(T::CatTakenByNone)));
        }
        for (t, cell) in grid.territories.iter().zip(&item.cells) {
            for a in cell {
                s.push_str(&format!(
                    "    {}  {}/{}  {}\n",
                    crate::text::pad_right(&crate::text::escape(&t.code), code_w),
                    crate::text::escape(&a.plan),
                    crate::text::escape(&a.action),
                    status_label(lang, a.status)
                ));
            }
        }
    }
    s.push('\n');
    s.push_str(lang.t(T::CatLocalInitiatives));
    s.push('\n');
    for t in &grid.territories {
        s.push_str(&format!(
            "    {}  {}\n",
            crate::text::pad_right(&crate::text::escape(&t.code), code_w),
            t.local
        ));
    }
    s
}
