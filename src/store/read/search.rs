//! Find anything: every action of the region with the words it can be found by
//! (code, title, plan, territory, theme, pilot organisation and person, partners),
//! folded once (case and accents), kept in memory and searched without SQL.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::listing::ActionRow;
use crate::text::fold;

/// The region's actions as searched: built by one read, then searched at each key.
#[derive(Debug, Default)]
pub struct SearchIndex {
    entries: Vec<(ActionRow, String)>,
}

/// What a search found: the first `limit` actions, and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// Each action with the folded words it was found by.
    pub rows: Vec<(ActionRow, String)>,
    pub total: usize,
}

impl SearchIndex {
    /// Reads every action with its partners' codes and names.
    pub fn build(conn: &Connection, today: NaiveDate) -> rusqlite::Result<SearchIndex> {
        let mut partners: HashMap<i64, String> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT pa.action_id, o.code, o.name FROM partners pa \
             JOIN organisations o ON o.id = pa.organisation_id",
        )?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let words = partners.entry(r.get(0)?).or_default();
            words.push_str(&r.get::<_, String>(1)?);
            words.push(' ');
            words.push_str(&r.get::<_, String>(2)?);
            words.push('\u{1f}');
        }
        let rows = super::actions::all_actions(conn, today)?;
        let entries = rows
            .into_iter()
            .map(|a| {
                let hay = fold(
                    &[
                        a.plan.as_str(),
                        &a.territory,
                        &a.code,
                        &a.title,
                        a.theme.as_deref().unwrap_or(""),
                        a.theme_label.as_deref().unwrap_or(""),
                        a.pilot_org_code.as_deref().unwrap_or(""),
                        a.pilot_org.as_deref().unwrap_or(""),
                        a.pilot_person.as_deref().unwrap_or(""),
                        partners.get(&a.id).map(String::as_str).unwrap_or(""),
                    ]
                    .join("\u{1f}"),
                );
                (a, hay)
            })
            .collect();
        Ok(SearchIndex { entries })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The actions where every word of `query` appears (folded), in plan order; an
    /// empty query finds nothing.
    pub fn find(&self, query: &str, limit: usize) -> Found {
        let terms: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
        if terms.is_empty() {
            return Found::default();
        }
        let mut found = Found::default();
        for (a, hay) in &self.entries {
            if terms.iter().all(|t| hay.contains(t.as_str())) {
                found.total += 1;
                if found.rows.len() < limit {
                    found.rows.push((a.clone(), hay.clone()));
                }
            }
        }
        found
    }
}
