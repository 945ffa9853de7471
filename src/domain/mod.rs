//! Plain types and rules: no IO, no SQL, no terminal.

pub mod bounds;
pub mod bulk;
pub mod chars;
pub mod copil;
pub mod input;
pub mod listing;
pub mod meetings;
pub mod model;
pub mod money;
pub mod remind;
pub mod rules;
pub mod sheet;
pub mod sums;
pub mod validate;
pub mod values;
pub mod vocab;
pub mod workbook;

pub use meetings::Meeting;
pub use model::*;
pub use money::{Money, MoneyError};
pub use sums::Sums;
pub use vocab::*;

/// Codes are case-sensitive, 1–40 letters, digits, `-`, `_`, `.`.
pub fn is_valid_code(code: &str) -> bool {
    (1..=40).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}
