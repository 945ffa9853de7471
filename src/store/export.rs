//! Reading the database back as a `jalon/1` document. (To be written.)

use rusqlite::Connection;

use crate::domain::Document;

use super::read::Filter;

pub fn export_document(conn: &Connection, filter: &Filter) -> rusqlite::Result<Document> {
    let _ = (conn, filter);
    Ok(Document::empty())
}
