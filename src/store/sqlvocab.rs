//! How domain values sit in SQLite columns: vocabularies as their codes, money as
//! integer cents.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::*;

macro_rules! sql_vocabulary {
    ($($t:ident),+) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }
        impl FromSql for $t {
            fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = v.as_str()?;
                $t::from_code(s).ok_or_else(|| {
                    FromSqlError::Other(
                        format!("unknown {} code {}", stringify!($t), crate::text::quote(s)).into(),
                    )
                })
            }
        }
    )+};
}

sql_vocabulary!(
    ActionStatus,
    PlanKind,
    PlanStatus,
    OrgKind,
    FundingSource,
    Weather,
    IndicatorKind,
    MeetingBody,
    NoteKind
);

impl ToSql for Money {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.0.into())
    }
}

impl FromSql for Money {
    fn column_result(v: ValueRef<'_>) -> FromSqlResult<Self> {
        v.as_i64().map(Money)
    }
}

/// Timestamps are stored as the interchange writes them (RFC 3339, UTC) and read
/// back whatever their year: the bounds are the writers' and `check`'s concern, so
/// that what an older Jalon stored stays readable.
pub fn decode_timestamp(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    crate::domain::model::timestamp::parse_any_year(s)
}
