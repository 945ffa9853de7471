//! Every value of a document within the bounds every reader accepts: texts without
//! control characters, dates and timestamps within the years, amounts within the
//! largest amount. Run by `validate`, so by every import and every edit alike.

use chrono::NaiveDate;

use super::Money;
use super::bounds::{self, Lines, MAX_AMOUNT};
use super::model::*;
use super::validate::Issue;

type Res = Result<(), Issue>;

fn text(path: &dyn Fn() -> String, s: &str, lines: Lines) -> Res {
    let max = match lines {
        Lines::One => bounds::MAX_LINE_CHARS,
        Lines::Many => bounds::MAX_TEXT_CHARS,
    };
    let n = s.chars().count();
    if n > max {
        return Err(Issue::new(
            path(),
            format!("is {n} characters long: at most {max} are kept here; shorten it"),
        ));
    }
    match bounds::forbidden_char(s, lines) {
        None => Ok(()),
        Some(c) => {
            let allowed = match (lines, c) {
                (Lines::One, '\n' | '\t') => {
                    "; a line break or a tab is allowed only in notes, objectives and descriptions"
                }
                _ => "",
            };
            Err(Issue::new(
                path(),
                format!(
                    "holds the control character {}, which could rewrite a terminal or a \
                     report: remove it{allowed}",
                    bounds::char_name(c)
                ),
            ))
        }
    }
}

fn opt_text(path: &dyn Fn() -> String, s: &Option<String>, lines: Lines) -> Res {
    s.as_deref().map_or(Ok(()), |s| text(path, s, lines))
}

fn date(path: &dyn Fn() -> String, d: Option<NaiveDate>) -> Res {
    match d {
        Some(d) if !bounds::date_in_range(d) => Err(Issue::new(
            path(),
            format!("{d} is out of range: {}", bounds::years_text()),
        )),
        _ => Ok(()),
    }
}

fn amount(path: &dyn Fn() -> String, m: Option<Money>) -> Res {
    match m {
        Some(m) if !bounds::amount_in_range(m) => Err(Issue::new(
            path(),
            format!(
                "{m} is out of range: an amount goes from 0 to {}",
                MAX_AMOUNT.to_decimal()
            ),
        )),
        _ => Ok(()),
    }
}

/// The first value out of bounds, in the order of the file.
pub fn check_values(doc: &Document) -> Res {
    let one = Lines::One;
    if let Some(r) = &doc.region {
        text(&|| "region.name".into(), &r.name, one)?;
    }
    for (i, t) in doc.themes.iter().enumerate() {
        text(&|| format!("themes[{i}].label"), &t.label, one)?;
    }
    for (i, t) in doc.territories.iter().enumerate() {
        text(&|| format!("territories[{i}].name"), &t.name, one)?;
        for (k, d) in t.departments.iter().enumerate() {
            text(&|| format!("territories[{i}].departments[{k}]"), d, one)?;
        }
    }
    for (i, o) in doc.organisations.iter().enumerate() {
        text(&|| format!("organisations[{i}].name"), &o.name, one)?;
    }
    for (i, p) in doc.people.iter().enumerate() {
        let at = |f: &str| format!("people[{i}].{f}");
        text(&|| at("name"), &p.name, one)?;
        opt_text(&|| at("email"), &p.email, one)?;
        if let Some(e) = &p.email
            && !bounds::email_is_valid(e)
        {
            return Err(Issue::new(
                at("email"),
                format!(
                    "{} is not an email address: one address such as marie.martin@ars.sante.fr",
                    bounds::quote(e)
                ),
            ));
        }
        opt_text(&|| at("phone"), &p.phone, one)?;
        opt_text(&|| at("login"), &p.login, one)?;
    }
    for (i, e) in doc.envelopes.iter().enumerate() {
        text(&|| format!("envelopes[{i}].label"), &e.label, one)?;
        amount(&|| format!("envelopes[{i}].amount"), e.amount)?;
    }
    for (i, c) in doc.catalogue.iter().enumerate() {
        text(&|| format!("catalogue[{i}].title"), &c.title, one)?;
        opt_text(
            &|| format!("catalogue[{i}].description"),
            &c.description,
            Lines::Many,
        )?;
    }
    for (pi, p) in doc.plans.iter().enumerate() {
        let at = |f: &str| format!("plans[{pi}].{f}");
        text(&|| at("title"), &p.title, one)?;
        date(&|| at("start"), p.start)?;
        date(&|| at("end"), p.end)?;
        date(&|| at("signed_on"), p.signed_on)?;
        amount(&|| at("allocation"), p.allocation)?;
        for (ai, a) in p.actions.iter().enumerate() {
            action(a, &|f: &str| format!("plans[{pi}].actions[{ai}].{f}"))?;
        }
    }
    for (i, m) in doc.meetings.iter().enumerate() {
        let at = |f: &str| format!("meetings[{i}].{f}");
        date(&|| at("date"), Some(m.date))?;
        text(&|| at("title"), &m.title, one)?;
        if m.title.trim().is_empty() {
            return Err(Issue::new(
                at("title"),
                "is empty: a meeting needs a title, such as \"Copil de suivi\"",
            ));
        }
        opt_text(&|| at("attendees"), &m.attendees, Lines::Many)?;
    }
    Ok(())
}

fn action(a: &Action, at: &dyn Fn(&str) -> String) -> Res {
    let one = Lines::One;
    text(&|| at("title"), &a.title, one)?;
    opt_text(&|| at("objective"), &a.objective, Lines::Many)?;
    date(&|| at("start"), a.start)?;
    date(&|| at("due"), a.due)?;
    date(&|| at("done_on"), a.done_on)?;
    for (k, p) in a.partners.iter().enumerate() {
        opt_text(&|| at(&format!("partners[{k}].role")), &p.role, one)?;
    }
    for (k, m) in a.milestones.iter().enumerate() {
        let at = |f: &str| at(&format!("milestones[{k}].{f}"));
        text(&|| at("title"), &m.title, one)?;
        date(&|| at("due"), Some(m.due))?;
        date(&|| at("done_on"), m.done_on)?;
    }
    for (k, b) in a.budget.iter().enumerate() {
        let at = |f: &str| at(&format!("budget[{k}].{f}"));
        opt_text(&|| at("label"), &b.label, one)?;
        if let Some(y) = b.year
            && !bounds::year_in_range(y)
        {
            return Err(Issue::new(
                at("year"),
                format!("{y} is out of range: {}", bounds::years_text()),
            ));
        }
        amount(&|| at("planned"), Some(b.planned))?;
        amount(&|| at("committed"), b.committed)?;
        amount(&|| at("paid"), b.paid)?;
    }
    for (k, ind) in a.indicators.iter().enumerate() {
        let at = |f: &str| at(&format!("indicators[{k}].{f}"));
        text(&|| at("label"), &ind.label, one)?;
        opt_text(&|| at("unit"), &ind.unit, one)?;
        date(&|| at("target_date"), ind.target_date)?;
        for (n, v) in ind.values.iter().enumerate() {
            date(&|| at(&format!("values[{n}].on")), Some(v.on))?;
        }
    }
    for (k, j) in a.journal.iter().enumerate() {
        let at = |f: &str| at(&format!("journal[{k}].{f}"));
        date(&|| at("at"), Some(j.at.date_naive()))?;
        text(&|| at("author"), &j.author, one)?;
        text(&|| at("text"), &j.text, Lines::Many)?;
    }
    Ok(())
}
