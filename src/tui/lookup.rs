//! Finding an organisation or a person from a few letters typed: every word typed
//! must appear in the code or the name, accents and case aside. The best candidate
//! first; the others stay reachable (`←` `→` in the action form).

use crate::domain::{Organisation, Person};
use crate::store::read::Directory;
use crate::text::fold;

fn words(typed: &str) -> Vec<String> {
    fold(typed).split_whitespace().map(String::from).collect()
}

fn holds_all(words: &[String], code: &str, name: &str) -> bool {
    let hay = fold(&format!("{code} {name}"));
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// The organisations matching what was typed: an exact code alone, else those of the
/// plan's territory first (`cpam` in a Somme plan offers the CPAM of the Somme), then
/// the shortest names (the CPAM before the CPAM's partner association).
pub fn organisations<'a>(
    typed: &str,
    plan: Option<&str>,
    dir: &'a Directory,
) -> Vec<&'a Organisation> {
    let typed = typed.trim();
    if typed.is_empty() {
        return vec![];
    }
    if let Some(o) = dir.organisations.get(typed) {
        return vec![o];
    }
    let words = words(typed);
    let mut found: Vec<&Organisation> = dir
        .organisations
        .values()
        .filter(|o| holds_all(&words, &o.code, &o.name))
        .collect();
    let near = plan.and_then(|p| dir.plan_territories.get(p));
    let far = |o: &Organisation| near.is_none() || o.territory.as_ref() != near;
    found.sort_by(|a, b| (far(a), a.name.len(), &a.code).cmp(&(far(b), b.name.len(), &b.code)));
    found
}

/// The organisation meant: the `pick`th match (`←` `→`), or the best.
pub fn organisation_picked(
    typed: &str,
    pick: usize,
    plan: Option<&str>,
    dir: &Directory,
) -> Option<String> {
    let found = organisations(typed, plan, dir);
    found.get(pick).or(found.first()).map(|o| o.code.clone())
}

/// `←` (`left`) or `→` among `n` matches, round.
pub fn step(pick: &mut usize, n: usize, left: bool) {
    if n > 1 {
        *pick = (*pick + if left { n - 1 } else { 1 }) % n;
    }
}

/// `←→ 2/4 ` when several match: which one, and how to see the others (written
/// before the name, which a narrow screen cuts).
pub fn choice_of(pick: usize, n: usize) -> String {
    if n > 1 {
        format!("←→ {}/{n} ", pick.min(n - 1) + 1)
    } else {
        String::new()
    }
}

/// The best organisation's code for what was typed.
pub fn organisation_code(typed: &str, dir: &Directory) -> Option<String> {
    organisations(typed, None, dir)
        .first()
        .map(|o| o.code.clone())
}

/// The people matching what was typed, of `organisation` when one is given, by name.
pub fn people<'a>(typed: &str, organisation: Option<&str>, dir: &'a Directory) -> Vec<&'a Person> {
    let typed = typed.trim();
    if typed.is_empty() {
        return vec![];
    }
    let of_org = |p: &Person| organisation.is_none() || p.organisation.as_deref() == organisation;
    if let Some(p) = dir.people.get(typed)
        && of_org(p)
    {
        return vec![p];
    }
    let words = words(typed);
    let mut found: Vec<&Person> = dir
        .people
        .values()
        .filter(|p| of_org(p) && holds_all(&words, &p.code, &p.name))
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
    found
}
