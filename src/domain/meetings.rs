//! Meetings (a CTS, a copil, another body) and the codes made for them. Pure: the
//! store says which codes are taken.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::is_valid_code;
use super::model::date;
use super::vocab::MeetingBody;

/// A meeting of a body about a territory, and maybe one of its plans; decisions in
/// the actions' journals name it by its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub code: String,
    pub territory: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    pub body: MeetingBody,
    #[serde(with = "date")]
    pub date: NaiveDate,
    pub title: String,
    /// Who attended, as free text ("ARS, CPAM, Conseil départemental…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendees: Option<String>,
}

/// The longest code a meeting's made code may take (the rule of every code).
const CODE_MAX: usize = 40;

/// The code made for a meeting: `COPIL-AISNE-2026-12-03`, then `-2`, `-3`… while
/// `taken` says the code is used. The territory's code is shortened if the whole
/// would be longer than a code may be, so the result is always a valid code.
pub fn meeting_code(
    body: MeetingBody,
    territory: &str,
    on: NaiveDate,
    taken: &dyn Fn(&str) -> bool,
) -> String {
    let body = body.code().to_ascii_uppercase();
    let day = on.format("%Y-%m-%d").to_string();
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        // BODY-…-YYYY-MM-DD-n: what is left for the territory.
        let room = CODE_MAX.saturating_sub(body.len() + day.len() + suffix.len() + 2);
        let territory: String = territory
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .take(room)
            .collect();
        let code = if territory.is_empty() {
            format!("{body}-{day}{suffix}")
        } else {
            format!("{body}-{territory}-{day}{suffix}")
        };
        debug_assert!(is_valid_code(&code), "{code}");
        if !taken(&code) {
            return code;
        }
    }
    unreachable!("the suffixes never run out")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a day")
    }

    #[test]
    fn codes_are_made_from_body_territory_and_day_with_a_suffix_when_taken() {
        let none = |_: &str| false;
        assert_eq!(
            meeting_code(MeetingBody::Copil, "AISNE", day("2026-12-03"), &none),
            "COPIL-AISNE-2026-12-03"
        );
        let taken = |c: &str| c == "CTS-AISNE-2026-12-03" || c == "CTS-AISNE-2026-12-03-2";
        assert_eq!(
            meeting_code(MeetingBody::Cts, "AISNE", day("2026-12-03"), &taken),
            "CTS-AISNE-2026-12-03-3"
        );
    }

    #[test]
    fn a_long_territory_code_is_shortened_to_keep_a_valid_code() {
        let long = "T".repeat(40);
        let code = meeting_code(MeetingBody::Other, &long, day("2026-01-31"), &|_| false);
        assert!(is_valid_code(&code), "{code}");
        assert!(code.starts_with("OTHER-TTT") && code.ends_with("-2026-01-31"));
    }
}
