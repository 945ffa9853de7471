//! `jalon overdue --pilot CODE`: who the code names, as a filter of the report.

use anyhow::Result;

use super::Context;
use crate::i18n::T;
use crate::store::Store;
use crate::store::read::{Filter, mine};

/// Narrows `filter` to the pilot `wanted` names (an organisation or a person by
/// code, else a login); an unknown one is an error naming the known codes.
pub fn pilot_filter(ctx: &Context, store: &Store, wanted: &str, filter: &mut Filter) -> Result<()> {
    let conn = store.conn();
    let found = mine::find_pilot(conn, wanted).map_err(|e| store.err(e))?;
    match found {
        Some(p) if p.org => filter.pilot = Some(p.code),
        Some(p) => filter.pilot_person = Some(p.code),
        None => {
            let mut codes = Vec::new();
            for sql in [
                "SELECT code FROM organisations ORDER BY code",
                "SELECT code FROM people ORDER BY code",
            ] {
                let mut stmt = conn.prepare(sql).map_err(|e| store.err(e))?;
                let rows = stmt
                    .query_map([], |r| r.get::<_, String>(0))
                    .map_err(|e| store.err(e))?;
                for c in rows {
                    codes.push(c.map_err(|e| store.err(e))?);
                }
            }
            let known = if codes.is_empty() {
                ctx.lang.t(T::CliNoCodes).to_string()
            } else {
                let shown: Vec<String> = codes
                    .iter()
                    .take(30)
                    .map(|c| crate::text::escape(c).into_owned())
                    .collect();
                let more = if codes.len() > 30 { ", …" } else { "" };
                format!("{}{more}", shown.join(", "))
            };
            let (wanted, db) = (crate::text::quote(wanted), store.path().display());
            anyhow::bail!(ctx.lang.fill(
                T::CliNoSuchPilot,
                &[("wanted", &wanted), ("db", &db), ("known", &known)]
            ))
        }
    }
    Ok(())
}
