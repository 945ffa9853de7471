//! Writing what the export keys ask for (`Effect::Export`): the copil's workbook or
//! report of a territory, a plan or the region, read and written as the command
//! line does (`jalon export --format xlsx`, `jalon report --format html`), into a
//! new file of the current folder, never over an existing one.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::i18n::{Lang, T};
use crate::interchange::{copil, xlsx};
use crate::store::read::{self, Filter};

use super::msg::ExportKind;

pub struct ExportAsk {
    pub kind: ExportKind,
    pub territory_id: Option<i64>,
    pub plan_id: Option<i64>,
    pub today: NaiveDate,
    pub due_soon_days: u32,
    pub lang: Lang,
}

/// Writes the file into `folder`; its path, or why not (in words for the footer).
pub fn write(conn: &Connection, ask: &ExportAsk, folder: &Path) -> Result<PathBuf, String> {
    let lang = ask.lang;
    let db = |e: rusqlite::Error| e.to_string();
    let code = |sql: &str, id: Option<i64>| -> Result<Option<String>, String> {
        match id {
            None => Ok(None),
            Some(id) => conn
                .query_row(sql, [id], |r| r.get::<_, String>(0))
                .optional()
                .map_err(db),
        }
    };
    let territory = code(
        "SELECT code FROM territories WHERE id = ?1",
        ask.territory_id,
    )?;
    let plan = code("SELECT code FROM plans WHERE id = ?1", ask.plan_id)?;
    let scope_name = plan.clone().or(territory.clone());
    let bytes = match ask.kind {
        ExportKind::Workbook => {
            let filter = Filter {
                territory: territory.clone(),
                plan: plan.clone(),
                ..Filter::default()
            };
            let wb = read::workbook(conn, ask.today, &filter).map_err(db)?;
            xlsx::to_bytes(&wb, lang).map_err(|e| e.to_string())?
        }
        ExportKind::Report => {
            let Some(t) = &territory else {
                return Err(lang.t(T::ExpNothingHere).to_string());
            };
            let scope = read::copil::scope(conn, t, plan.as_deref())
                .map_err(db)?
                .ok_or_else(|| lang.t(T::TuiGone).to_string())?;
            // Since the territory's last meeting, when there has been one.
            let period = read::copil::last_meeting(conn, &scope, None, ask.today)
                .map_err(db)?
                .map(crate::domain::copil::Period::SinceMeeting);
            let r = read::copil::report(conn, &scope, ask.today, ask.due_soon_days, period)
                .map_err(db)?;
            copil::html(&r, lang).into_bytes()
        }
    };
    let (stem, ext) = match ask.kind {
        ExportKind::Workbook => ("jalon", "xlsx"),
        ExportKind::Report => ("copil", "html"),
    };
    let scope_name = scope_name.unwrap_or_else(|| lang.t(T::ExpRegion).to_string());
    let path = free_name(
        folder,
        &format!("{stem}-{}-{}", file_part(&scope_name), ask.today),
        ext,
    );
    crate::outfile::write_atomically(&path, lang, |out: &mut dyn Write| {
        out.write_all(&bytes)?;
        Ok(())
    })
    .map_err(|e| format!("{e:#}"))?;
    Ok(path)
}

/// A code as part of a file name: letters, digits, `-` and `_`, nothing else.
fn file_part(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `stem.ext` in `folder`, or `stem-2.ext`, `stem-3.ext`… when taken: a file
/// written earlier (perhaps edited since) is never replaced.
fn free_name(folder: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = folder.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| folder.join(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_free_and_plain() {
        let dir = tempfile::tempdir().unwrap();
        let a = free_name(dir.path(), "copil-AIS-2026-12-02", "html");
        assert_eq!(a.file_name().unwrap(), "copil-AIS-2026-12-02.html");
        std::fs::write(&a, "x").unwrap();
        let b = free_name(dir.path(), "copil-AIS-2026-12-02", "html");
        assert_eq!(b.file_name().unwrap(), "copil-AIS-2026-12-02-2.html");
        assert_eq!(file_part("FDR/../AIS é"), "FDR____AIS__");
    }
}
