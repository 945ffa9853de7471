//! The `jalon/1` JSON format and the CSV export: domain in, bytes out.
//!
//! Reading a file is two steps: `parse_document` checks that the bytes are UTF-8
//! JSON of the right shape (each error with the JSON path where it is), and
//! `validate` checks what the shape cannot say (codes, duplicates, references,
//! the format's rules). The import runs both; references there also count the codes
//! already in the database.

pub mod copil;
pub mod csv_actions;
pub mod csvout;
pub mod demo;
pub mod jsonout;
pub mod mail;
pub mod sheet;
pub mod xlsx;

use std::fmt::Write as _;

use serde::Deserialize;

use crate::domain::bounds::quote;
use crate::domain::model::FORMAT;
use crate::domain::validate::{self, RefKind};
use crate::domain::{Document, validate::Issue};

/// What is wrong with a file, and where: `location` is a JSON path such as
/// `plans[2].actions[5].due`, or `line 3, column 7` when the file is not JSON, or
/// empty when the whole file is concerned.
pub type InterchangeError = Issue;

/// Parses and checks the shape of a `jalon/1` file (not yet its references).
pub fn parse_document(bytes: &[u8]) -> Result<Document, InterchangeError> {
    // Editors on Windows often save UTF-8 with a byte-order mark; it carries nothing.
    let (bytes, skipped) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Issue::new(
            "",
            "the file is empty: a jalon/1 file is one JSON object such as {\"format\": \"jalon/1\", …}",
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.valid_up_to();
            let (line, column) = line_column(&bytes[..offset]);
            return Err(Issue::new(
                format!("line {line}, column {column}"),
                format!(
                    "the file is not UTF-8 text (bad byte at offset {}); save it as UTF-8",
                    offset + skipped
                ),
            ));
        }
    };
    if !text.trim_start().starts_with('{') {
        return Err(not_an_object(text));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<Document, _> = serde_path_to_error::deserialize(&mut de);
    let doc = match parsed {
        Ok(doc) => doc,
        Err(e) => {
            let syntax = !e.inner().is_data();
            // A file of another format fails on its first unknown field: say why first.
            if !syntax && let Some(wrong) = wrong_format(text) {
                return Err(wrong);
            }
            return Err(if syntax {
                syntax_issue(e.inner())
            } else {
                shape_issue(e.path(), e.inner())
            });
        }
    };
    de.end().map_err(|e| syntax_issue(&e))?;
    if doc.format != FORMAT {
        return Err(unknown_format(&doc.format));
    }
    Ok(doc)
}

/// The checks beyond the shape, for a file read on its own; the import runs the
/// same checks with the database's codes as well.
pub fn validate(
    doc: &Document,
    in_database: &dyn Fn(RefKind, &str) -> bool,
) -> Result<Vec<Issue>, InterchangeError> {
    validate::validate(doc, in_database)
}

/// 1-based line and column (in characters) of the end of `before`.
fn line_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

fn not_an_object(text: &str) -> Issue {
    match serde_json::from_str::<serde_json::Value>(text) {
        Err(e) => syntax_issue(&e),
        Ok(v) => {
            let what = match v {
                serde_json::Value::Array(_) => "a list ([…])",
                serde_json::Value::String(_) => "a string",
                serde_json::Value::Number(_) => "a number",
                serde_json::Value::Bool(_) => "true or false",
                serde_json::Value::Null => "null",
                serde_json::Value::Object(_) => "an object",
            };
            Issue::new(
                "",
                format!(
                    "the file holds {what}, not an object: a jalon/1 file is one JSON object \
                     such as {{\"format\": \"jalon/1\", …}}"
                ),
            )
        }
    }
}

/// Only the `format` key, every other one skipped.
#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
}

fn wrong_format(text: &str) -> Option<Issue> {
    let head: Head = serde_json::from_str(text).ok()?;
    match head.format {
        None => Some(Issue::new(
            "format",
            "missing: a jalon/1 file says which format it follows, as \"format\": \"jalon/1\"",
        )),
        Some(serde_json::Value::String(s)) if s == FORMAT => None,
        Some(serde_json::Value::String(s)) => Some(unknown_format(&s)),
        Some(other) => Some(unknown_format(&other.to_string())),
    }
}

fn unknown_format(found: &str) -> Issue {
    Issue::new(
        "format",
        format!(
            "unknown format {}, this program reads {FORMAT}",
            quote(found)
        ),
    )
}

/// serde_json ends its messages with the position; the location says it already.
fn bare_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    s.strip_suffix(&suffix).map(str::to_string).unwrap_or(s)
}

fn syntax_issue(e: &serde_json::Error) -> Issue {
    let location = format!("line {}, column {}", e.line(), e.column());
    let message = if e.is_eof() {
        "the file ends too early: a value, a closing quote, } or ] is missing (was the file cut short?)"
            .to_string()
    } else {
        let m = bare_message(e);
        let m = match m.as_str() {
            "trailing characters" => {
                "there is more after the end of the object: a jalon/1 file is one JSON object"
                    .to_string()
            }
            "trailing comma" => "a comma before } or ] is not allowed in JSON".to_string(),
            "key must be a string" => "keys must be in double quotes".to_string(),
            _ => m,
        };
        format!("not valid JSON: {m}")
    };
    Issue::new(location, message)
}

fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => {
                let _ = write!(s, "[{index}]");
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(key);
            }
            Segment::Unknown => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push('?');
            }
        }
    }
    s
}

/// serde's messages, said for people who write these files by hand.
fn shape_issue(path: &serde_path_to_error::Path, e: &serde_json::Error) -> Issue {
    let mut location = json_path(path);
    let raw = bare_message(e);
    let message = if let Some(rest) = raw.strip_prefix("unknown field ") {
        let (name, accepted) = names(rest);
        let name = name.unwrap_or_default();
        // The path ends with the unknown key itself; the object is where it stands.
        if let Some(parent) = location.strip_suffix(&name) {
            location = parent.trim_end_matches('.').to_string();
        }
        let mut m = format!("unknown field {}", quote(&name));
        if let Some(close) = closest(&name, &accepted) {
            let _ = write!(m, "; did you mean {}?", quote(close));
        }
        if !accepted.is_empty() {
            let _ = write!(m, " (accepted fields: {})", accepted.join(", "));
        }
        m
    } else if let Some(rest) = raw.strip_prefix("unknown variant ") {
        let (value, accepted) = names(rest);
        format!(
            "unknown value {}; accepted values: {}",
            quote(&value.unwrap_or_default()),
            accepted.join(", ")
        )
    } else if let Some(rest) = raw.strip_prefix("missing field ") {
        let (name, _) = names(rest);
        format!(
            "missing field {}, which is required",
            quote(&name.unwrap_or_default())
        )
    } else if let Some(rest) = raw.strip_prefix("duplicate field ") {
        let (name, _) = names(rest);
        format!("the key {} appears twice", quote(&name.unwrap_or_default()))
    } else if let Some(rest) = raw.strip_prefix("invalid type: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => {
                format!(
                    "expected {}, found {}",
                    expected_text(expected),
                    found_text(found)
                )
            }
            None => raw.clone(),
        }
    } else if let Some(rest) = raw.strip_prefix("invalid value: ") {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!(
                "{} is out of range: expected {}",
                found_text(found),
                expected_text(expected)
            ),
            None => raw.clone(),
        }
    } else {
        // Messages of our own deserializers quote their values short already; a
        // stray long value in serde's own wording is cut here.
        cut_message(&raw)
    };
    if location.is_empty() {
        location = "(top level)".to_string();
    }
    Issue::new(location, message)
}

/// A message cut to a readable length, for texts that may quote a whole value.
fn cut_message(m: &str) -> String {
    const MAX: usize = 300;
    if m.chars().count() <= MAX {
        m.to_string()
    } else {
        let cut: String = m.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// The back-quoted names in a serde message: the first one, then the others.
fn names(s: &str) -> (Option<String>, Vec<String>) {
    let mut all = s
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect::<Vec<_>>()
        .into_iter();
    (all.next(), all.collect())
}

/// The accepted name nearest to a typo, when it is near enough to be the intent.
fn closest<'a>(typo: &str, accepted: &'a [String]) -> Option<&'a String> {
    accepted
        .iter()
        .map(|a| (edit_distance(typo, a), a))
        .filter(|(d, a)| *d <= 2 && *d < a.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn expected_text(expected: &str) -> String {
    match expected {
        "u8" => "a whole number from 0 to 100".to_string(),
        "i32" | "i64" | "u32" | "u64" => "a whole number".to_string(),
        "a sequence" => "a list ([…])".to_string(),
        e if e.starts_with("struct ") => "an object ({…})".to_string(),
        e if e.starts_with("a string") => "a string".to_string(),
        e => e.to_string(),
    }
}

fn found_text(found: &str) -> String {
    let quoted = || found.split('`').nth(1).unwrap_or(found).to_string();
    if found.starts_with("integer ") || found.starts_with("floating point ") {
        format!("the number {}", quoted())
    } else if found.starts_with("boolean ") {
        quoted()
    } else if let Some(s) = found.strip_prefix("string ") {
        format!("the string {}", quote(s.trim_matches('"')))
    } else {
        match found {
            "sequence" => "a list".to_string(),
            "map" => "an object".to_string(),
            "unit value" | "null" => "null".to_string(),
            f => f.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> Issue {
        parse_document(json.as_bytes()).unwrap_err()
    }

    const MINIMAL: &str = r#"{"format": "jalon/1"}"#;

    #[test]
    fn minimal_document() {
        let d = parse_document(MINIMAL.as_bytes()).unwrap();
        assert!(d.plans.is_empty());
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), MINIMAL.as_bytes()].concat();
        assert!(parse_document(&with_bom).is_ok());
    }

    #[test]
    fn empty_and_not_json() {
        assert_eq!(err("").location, "");
        assert!(err("  \n").message.starts_with("the file is empty"));
        let e = err("hello");
        assert_eq!(e.location, "line 1, column 1");
        assert!(e.message.starts_with("not valid JSON"), "{}", e.message);
        let e = err("[1, 2]");
        assert!(
            e.message.starts_with("the file holds a list"),
            "{}",
            e.message
        );
    }

    #[test]
    fn truncated_file_says_it_ends_too_early() {
        let e = err("{\"format\": \"jalon/1\",\n \"themes\": [");
        assert_eq!(e.location, "line 2, column 12");
        assert!(e.message.starts_with("the file ends too early"));
    }

    #[test]
    fn invalid_utf8_gives_offset_and_line() {
        let mut b =
            b"{\"format\": \"jalon/1\",\n \"region\": {\"code\": \"HDF\", \"name\": \"R".to_vec();
        b.push(0xE9);
        b.extend_from_slice(b"gion\"}}");
        let e = parse_document(&b).unwrap_err();
        assert_eq!(e.location, "line 2, column 38");
        assert!(e.message.contains("offset 59"), "{}", e.message);
    }

    #[test]
    fn unknown_fields_name_the_object_and_suggest() {
        let e = err(r#"{"format": "jalon/1", "plan": []}"#);
        assert_eq!(e.location, "(top level)");
        assert!(
            e.message
                .starts_with("unknown field \"plan\"; did you mean \"plans\"?"),
            "{}",
            e.message
        );
        let e = err(
            r#"{"format": "jalon/1", "plans": [{"code": "P", "territory": "T", "kind": "cpom",
            "title": "x", "actions": [{"code": "A", "title": "a", "status": "todo"},
            {"code": "B", "title": "b", "status": "todo", "dueo": "2024-01-01"}]}]}"#,
        );
        assert_eq!(e.location, "plans[0].actions[1]");
        assert!(
            e.message
                .starts_with("unknown field \"dueo\"; did you mean \"due\"?")
        );
    }

    #[test]
    fn format_is_checked_first() {
        let e = err(r#"{"format": "jalon/2", "whatever": 1}"#);
        assert_eq!(
            e,
            Issue::new(
                "format",
                "unknown format \"jalon/2\", this program reads jalon/1"
            )
        );
        let e = err(r#"{"format": "jalon/2"}"#);
        assert_eq!(e.location, "format");
        let e = err(r#"{"themes": []}"#);
        assert_eq!(e.location, "format");
        assert!(e.message.starts_with("missing"));
    }

    #[test]
    fn vocabularies_list_what_is_accepted() {
        let e = err(
            r#"{"format": "jalon/1", "plans": [{"code": "P", "territory": "T", "kind": "roadmap", "title": "x"}]}"#,
        );
        assert_eq!(e.location, "plans[0].kind");
        assert_eq!(
            e.message,
            "unknown value \"roadmap\"; accepted values: cts_roadmap, cpom, performance_contract, other"
        );
    }

    #[test]
    fn wrong_types_are_said_plainly() {
        let e = err(
            r#"{"format": "jalon/1", "plans": [{"code": "P", "territory": "T", "kind": "cpom", "title": "x",
            "actions": [{"code": "A", "title": "a", "status": "todo", "progress": "40"}]}]}"#,
        );
        assert_eq!(e.location, "plans[0].actions[0].progress");
        assert_eq!(
            e.message,
            "expected a whole number from 0 to 100, found the string \"40\""
        );
        let e = err(
            r#"{"format": "jalon/1", "plans": [{"code": "P", "territory": "T", "kind": "cpom", "title": "x",
            "actions": [{"code": "A", "title": "a", "status": "todo", "progress": 300}]}]}"#,
        );
        assert_eq!(
            e.message,
            "the number 300 is out of range: expected a whole number from 0 to 100"
        );
        let e = err(r#"{"format": "jalon/1", "themes": [{"code": "A"}]}"#);
        assert_eq!(e.location, "themes[0]");
        assert_eq!(e.message, "missing field \"label\", which is required");
    }

    #[test]
    fn trailing_content_is_refused() {
        let e = err("{\"format\": \"jalon/1\"} {}");
        assert!(e.message.contains("more after the end"), "{}", e.message);
    }

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("dueo", "due"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
