//! The checks a `jalon/1` document must pass beyond its shape: valid and unique
//! codes, references that resolve (in the file or in the database), and the rules
//! the format states (progress 0–100, `done_on` exactly when done). Pure: the
//! database is seen only through a lookup of the codes it already holds.

use std::collections::HashMap;

use super::bounds::quote;
use super::model::*;
use super::rules::{self, DoneDayProblem};
use super::{Money, is_valid_code};

/// Something wrong (or worth a warning) in a document, and where: a JSON path such
/// as `plans[2].actions[5].due`, or `line 3, column 7` when the file is not JSON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", display_issue(location, message))]
pub struct Issue {
    pub location: String,
    pub message: String,
}

fn display_issue(location: &str, message: &str) -> String {
    if location.is_empty() {
        message.to_string()
    } else {
        format!("{location}: {message}")
    }
}

impl Issue {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            location: location.into(),
            message: message.into(),
        }
    }
}

/// The kinds of entity a document refers to by code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    Theme,
    Territory,
    Organisation,
    Person,
    Envelope,
    Catalogue,
    /// Meetings and plans are referred to by code too (a decision's meeting, a
    /// meeting's plan).
    Plan,
    Meeting,
}

impl RefKind {
    pub fn noun(self) -> &'static str {
        match self {
            RefKind::Theme => "theme",
            RefKind::Territory => "territory",
            RefKind::Organisation => "organisation",
            RefKind::Person => "person",
            RefKind::Envelope => "envelope",
            RefKind::Catalogue => "catalogue item",
            RefKind::Plan => "plan",
            RefKind::Meeting => "meeting",
        }
    }
}

/// Checks `doc`; `in_database(kind, code)` says whether the database already holds
/// that code. Returns the warnings (things worth a look that the format allows), or
/// the first error in the order of the file.
pub fn validate(
    doc: &Document,
    in_database: &dyn Fn(RefKind, &str) -> bool,
) -> Result<Vec<Issue>, Issue> {
    let mut warnings = Vec::new();
    let mut file = FileCodes::default();

    if let Some(r) = &doc.region {
        check_code("region.code", &r.code)?;
    }
    codes(
        &mut file.themes,
        "themes",
        doc.themes.iter().map(|t| &t.code),
    )?;
    codes(
        &mut file.territories,
        "territories",
        doc.territories.iter().map(|t| &t.code),
    )?;
    codes(
        &mut file.organisations,
        "organisations",
        doc.organisations.iter().map(|o| &o.code),
    )?;
    codes(
        &mut file.people,
        "people",
        doc.people.iter().map(|p| &p.code),
    )?;
    codes(
        &mut file.envelopes,
        "envelopes",
        doc.envelopes.iter().map(|e| &e.code),
    )?;
    codes(
        &mut file.catalogue,
        "catalogue",
        doc.catalogue.iter().map(|c| &c.code),
    )?;
    let mut plans = HashMap::new();
    codes(&mut plans, "plans", doc.plans.iter().map(|p| &p.code))?;
    codes(
        &mut file.meetings,
        "meetings",
        doc.meetings.iter().map(|m| &m.code),
    )?;
    file.plans = plans.keys().copied().collect();
    super::values::check_values(doc)?;

    let refs = Refs {
        file: &file,
        in_database,
    };
    for (i, t) in doc.territories.iter().enumerate() {
        for (k, d) in t.departments.iter().enumerate() {
            // Departments are stored comma-separated: what could not come back the
            // same is refused rather than silently changed.
            if d.is_empty() || d.contains(',') || d.trim() != d {
                return Err(Issue::new(
                    format!("territories[{i}].departments[{k}]"),
                    format!(
                        "{} is not a department: write each department as its own \
                         non-empty item, such as \"02\", without commas or surrounding spaces",
                        quote(d)
                    ),
                ));
            }
        }
    }
    for (i, o) in doc.organisations.iter().enumerate() {
        refs.opt(RefKind::Territory, &o.territory, || {
            format!("organisations[{i}].territory")
        })?;
    }
    for (i, p) in doc.people.iter().enumerate() {
        refs.opt(RefKind::Organisation, &p.organisation, || {
            format!("people[{i}].organisation")
        })?;
    }
    for (i, c) in doc.catalogue.iter().enumerate() {
        refs.opt(RefKind::Theme, &c.theme, || format!("catalogue[{i}].theme"))?;
    }
    for (pi, p) in doc.plans.iter().enumerate() {
        refs.one(RefKind::Territory, &p.territory, || {
            format!("plans[{pi}].territory")
        })?;
        refs.opt(RefKind::Envelope, &p.envelope, || {
            format!("plans[{pi}].envelope")
        })?;
        if let (Some(start), Some(end)) = (p.start, p.end)
            && end < start
        {
            warnings.push(Issue::new(
                format!("plans[{pi}].end"),
                format!("the plan ends ({end}) before it starts ({start})"),
            ));
        }
        let mut actions = HashMap::new();
        codes(
            &mut actions,
            &format!("plans[{pi}].actions"),
            p.actions.iter().map(|a| &a.code),
        )?;
        for (ai, a) in p.actions.iter().enumerate() {
            let at = |field: &str| format!("plans[{pi}].actions[{ai}].{field}");
            check_action(a, &refs, &at, &mut warnings)?;
        }
    }
    for (i, m) in doc.meetings.iter().enumerate() {
        refs.one(RefKind::Territory, &m.territory, || {
            format!("meetings[{i}].territory")
        })?;
        refs.opt(RefKind::Plan, &m.plan, || format!("meetings[{i}].plan"))?;
    }
    Ok(warnings)
}

fn check_action(
    a: &Action,
    refs: &Refs<'_>,
    at: &dyn Fn(&str) -> String,
    warnings: &mut Vec<Issue>,
) -> Result<(), Issue> {
    refs.opt(RefKind::Catalogue, &a.catalogue, || at("catalogue"))?;
    refs.opt(RefKind::Theme, &a.theme, || at("theme"))?;
    if let Some(p) = a.progress
        && p > 100
    {
        return Err(Issue::new(
            at("progress"),
            format!("{p} is out of range: a progress is a whole number from 0 to 100"),
        ));
    }
    if let Some(pilot) = &a.pilot {
        refs.one(RefKind::Organisation, &pilot.organisation, || {
            at("pilot.organisation")
        })?;
        refs.opt(RefKind::Person, &pilot.person, || at("pilot.person"))?;
    }
    for (k, j) in a.journal.iter().enumerate() {
        refs.opt(RefKind::Meeting, &j.meeting, || {
            at(&format!("journal[{k}].meeting"))
        })?;
    }
    for (k, p) in a.partners.iter().enumerate() {
        refs.one(RefKind::Organisation, &p.organisation, || {
            at(&format!("partners[{k}].organisation"))
        })?;
    }
    match rules::done_day_problem(a.status, a.done_on) {
        Some(DoneDayProblem::Missing) => {
            return Err(Issue::new(
                at("done_on"),
                "missing: the status is \"done\", so done_on must give the day it was done",
            ));
        }
        Some(DoneDayProblem::NotDone) => {
            return Err(Issue::new(
                at("done_on"),
                format!(
                    "only a \"done\" action has a done_on, and this one is {:?}: \
                     remove done_on or set the status to \"done\"",
                    a.status.code()
                ),
            ));
        }
        None => {}
    }
    if let (Some(start), Some(due)) = (a.start, a.due)
        && due < start
    {
        warnings.push(Issue::new(
            at("due"),
            format!("the action is due ({due}) before it starts ({start})"),
        ));
    }
    let (mut planned, mut committed, mut paid) = (Some(0i64), Some(0i64), Some(0i64));
    for (k, b) in a.budget.iter().enumerate() {
        refs.opt(RefKind::Envelope, &b.envelope, || {
            at(&format!("budget[{k}].envelope"))
        })?;
        refs.opt(RefKind::Organisation, &b.funder, || {
            at(&format!("budget[{k}].funder"))
        })?;
        let add = |sum: Option<i64>, m: Option<Money>| sum?.checked_add(m.map_or(0, Money::cents));
        planned = add(planned, Some(b.planned));
        committed = add(committed, b.committed);
        paid = add(paid, b.paid);
    }
    if planned.is_none() || committed.is_none() || paid.is_none() {
        return Err(Issue::new(
            at("budget"),
            "the budget lines add up to more than this program can count; check the amounts",
        ));
    }
    for (k, ind) in a.indicators.iter().enumerate() {
        for (field, v) in [("baseline", &ind.baseline), ("target", &ind.target)] {
            if let Some(v) = v {
                check_decimal(v, || at(&format!("indicators[{k}].{field}")))?;
            }
        }
        for (n, v) in ind.values.iter().enumerate() {
            check_decimal(&v.value, || {
                at(&format!("indicators[{k}].values[{n}].value"))
            })?;
        }
    }
    Ok(())
}

#[derive(Default)]
struct FileCodes<'a> {
    themes: HashMap<&'a str, usize>,
    territories: HashMap<&'a str, usize>,
    organisations: HashMap<&'a str, usize>,
    people: HashMap<&'a str, usize>,
    envelopes: HashMap<&'a str, usize>,
    catalogue: HashMap<&'a str, usize>,
    plans: std::collections::HashSet<&'a str>,
    meetings: HashMap<&'a str, usize>,
}

struct Refs<'a> {
    file: &'a FileCodes<'a>,
    in_database: &'a dyn Fn(RefKind, &str) -> bool,
}

impl Refs<'_> {
    fn exists(&self, kind: RefKind, code: &str) -> bool {
        let f = self.file;
        let in_file = match kind {
            RefKind::Theme => &f.themes,
            RefKind::Territory => &f.territories,
            RefKind::Organisation => &f.organisations,
            RefKind::Person => &f.people,
            RefKind::Envelope => &f.envelopes,
            RefKind::Catalogue => &f.catalogue,
            RefKind::Meeting => &f.meetings,
            RefKind::Plan => return f.plans.contains(code) || (self.in_database)(kind, code),
        };
        in_file.contains_key(code) || (self.in_database)(kind, code)
    }

    fn one(&self, kind: RefKind, code: &str, path: impl Fn() -> String) -> Result<(), Issue> {
        if self.exists(kind, code) {
            Ok(())
        } else {
            Err(Issue::new(
                path(),
                format!(
                    "{} {} does not exist (not in the file, not in the database)",
                    kind.noun(),
                    quote(code)
                ),
            ))
        }
    }

    fn opt(
        &self,
        kind: RefKind,
        code: &Option<String>,
        path: impl Fn() -> String,
    ) -> Result<(), Issue> {
        match code {
            Some(c) => self.one(kind, c, path),
            None => Ok(()),
        }
    }
}

fn check_code(path: &str, code: &str) -> Result<(), Issue> {
    if is_valid_code(code) {
        Ok(())
    } else {
        Err(Issue::new(
            path,
            format!(
                "{} is not a valid code: use 1 to 40 letters (without accents), digits, \
                 \"-\", \"_\" or \".\", and no spaces",
                quote(code)
            ),
        ))
    }
}

/// Checks every code of one list, and that none is used twice.
fn codes<'a>(
    seen: &mut HashMap<&'a str, usize>,
    list: &str,
    items: impl Iterator<Item = &'a String>,
) -> Result<(), Issue> {
    for (i, code) in items.enumerate() {
        let path = format!("{list}[{i}].code");
        check_code(&path, code)?;
        if let Some(first) = seen.insert(code, i) {
            return Err(Issue::new(
                path,
                format!(
                    "the code {} is already used by {list}[{first}]",
                    quote(code)
                ),
            ));
        }
    }
    Ok(())
}

/// Indicator values are decimal strings: `12`, `-3.5`, `0.25`.
fn check_decimal(v: &str, path: impl Fn() -> String) -> Result<(), Issue> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if all_digits(int) && frac.is_none_or(all_digits) {
        return Ok(());
    }
    let hint = if v.contains(',') {
        format!(", such as {}", quote(&v.replacen(',', ".", 1)))
    } else {
        String::new()
    };
    Err(Issue::new(
        path(),
        format!(
            "{} is not a decimal number: write digits with a dot for decimals{hint}",
            quote(v)
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(json: &str) -> Document {
        serde_json::from_str(json).unwrap()
    }

    fn nothing_in_db(_: RefKind, _: &str) -> bool {
        false
    }

    fn base() -> serde_json::Value {
        serde_json::json!({
            "format": "jalon/1",
            "themes": [{ "code": "ACCES", "label": "Accès" }],
            "territories": [{ "code": "AISNE", "name": "Aisne", "departments": ["02"] }],
            "organisations": [{ "code": "ARS-DD02", "name": "ARS DD02", "territory": "AISNE" }],
            "plans": [{
                "code": "FDR", "territory": "AISNE", "kind": "cts_roadmap", "title": "FdR",
                "actions": [
                    { "code": "A01", "title": "One", "status": "todo",
                      "pilot": { "organisation": "ARS-DD02" } },
                    { "code": "A02", "title": "Two", "status": "done", "done_on": "2024-01-01" }
                ]
            }]
        })
    }

    fn check(v: serde_json::Value) -> Result<Vec<Issue>, Issue> {
        validate(&doc(&v.to_string()), &nothing_in_db)
    }

    #[test]
    fn a_sound_document_passes() {
        assert_eq!(check(base()), Ok(vec![]));
    }

    #[test]
    fn duplicate_codes_name_both_positions() {
        let mut v = base();
        v["plans"][0]["actions"][1]["code"] = "A01".into();
        assert_eq!(
            check(v),
            Err(Issue::new(
                "plans[0].actions[1].code",
                "the code \"A01\" is already used by plans[0].actions[0]"
            ))
        );
        let mut v = base();
        v["themes"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({ "code": "ACCES", "label": "again" }));
        assert_eq!(check(v).unwrap_err().location, "themes[1].code".to_string());
    }

    #[test]
    fn same_action_code_in_two_plans_is_fine() {
        let mut v = base();
        let mut p2 = v["plans"][0].clone();
        p2["code"] = "FDR2".into();
        v["plans"].as_array_mut().unwrap().push(p2);
        assert!(check(v).is_ok());
    }

    #[test]
    fn invalid_codes_are_refused() {
        let mut v = base();
        v["plans"][0]["actions"][0]["code"] = "A 01".into();
        let e = check(v).unwrap_err();
        assert_eq!(e.location, "plans[0].actions[0].code");
        assert!(e.message.starts_with("\"A 01\" is not a valid code"));
    }

    #[test]
    fn references_resolve_in_file_or_database() {
        let mut v = base();
        v["plans"][0]["actions"][0]["partners"] =
            serde_json::json!([{ "organisation": "CPAM-99" }]);
        let d = doc(&v.to_string());
        assert_eq!(
            validate(&d, &nothing_in_db),
            Err(Issue::new(
                "plans[0].actions[0].partners[0].organisation",
                "organisation \"CPAM-99\" does not exist (not in the file, not in the database)"
            ))
        );
        let db = |k: RefKind, c: &str| k == RefKind::Organisation && c == "CPAM-99";
        assert!(validate(&d, &db).is_ok());
    }

    #[test]
    fn progress_and_done_on_rules() {
        let mut v = base();
        v["plans"][0]["actions"][0]["progress"] = 101.into();
        assert_eq!(
            check(v).unwrap_err(),
            Issue::new(
                "plans[0].actions[0].progress",
                "101 is out of range: a progress is a whole number from 0 to 100"
            )
        );
        let mut v = base();
        v["plans"][0]["actions"][1]
            .as_object_mut()
            .unwrap()
            .remove("done_on");
        let e = check(v).unwrap_err();
        assert_eq!(e.location, "plans[0].actions[1].done_on");
        assert!(e.message.starts_with("missing"));
        let mut v = base();
        v["plans"][0]["actions"][0]["done_on"] = "2024-01-01".into();
        let e = check(v).unwrap_err();
        assert_eq!(e.location, "plans[0].actions[0].done_on");
        assert!(e.message.contains("\"todo\""), "{}", e.message);
    }

    #[test]
    fn due_before_start_is_only_a_warning() {
        let mut v = base();
        v["plans"][0]["actions"][0]["start"] = "2024-06-01".into();
        v["plans"][0]["actions"][0]["due"] = "2024-01-01".into();
        let w = check(v).unwrap();
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].location, "plans[0].actions[0].due");
    }

    #[test]
    fn departments_and_indicator_values() {
        let mut v = base();
        v["territories"][0]["departments"] = serde_json::json!(["02", "59,62"]);
        assert_eq!(
            check(v).unwrap_err().location,
            "territories[0].departments[1]"
        );
        let mut v = base();
        v["plans"][0]["actions"][0]["indicators"] = serde_json::json!([
            { "label": "x", "baseline": "-1.5", "values": [{ "on": "2024-01-01", "value": "12,5" }] }
        ]);
        assert_eq!(
            check(v).unwrap_err(),
            Issue::new(
                "plans[0].actions[0].indicators[0].values[0].value",
                "\"12,5\" is not a decimal number: write digits with a dot for decimals, such as \"12.5\""
            )
        );
    }

    #[test]
    fn budget_amounts_are_bounded() {
        // Each amount is bounded (10¹¹ €), so that sums fit: what is made in
        // memory is held to the same bound as what is read from a file.
        let mut d = doc(&base().to_string());
        let big = Money(i64::MAX / 2);
        d.plans[0].actions[0].budget = vec![BudgetLine {
            source: crate::domain::FundingSource::Fir,
            envelope: None,
            funder: None,
            year: None,
            label: None,
            planned: big,
            committed: None,
            paid: None,
        }];
        assert_eq!(
            validate(&d, &nothing_in_db).unwrap_err().location,
            "plans[0].actions[0].budget[0].planned"
        );
    }
}
