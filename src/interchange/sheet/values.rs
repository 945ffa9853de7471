//! A cell's value as people write it: dates (`31/12/2025`, `31/12/25`,
//! `2025-12-31`, a date cell, a serial day number), amounts (`12 500,50 €`,
//! `12500.50`), progress (`40 %`, `0,4`), statuses, weather and funding sources in
//! French or English. Each error is the domain's English, said by the catalogue.

use chrono::NaiveDate;

use super::read::Cell;
use crate::domain::bounds::{self, Lines, quote};
use crate::domain::{ActionStatus, FundingSource, Money, Weather};

type Res<T> = Result<Option<T>, String>;

/// A cell's text: a number as it reads (`12`, `12.5`), a date as `YYYY-MM-DD`.
pub fn raw(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(t) => Some(t.clone()),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
        Cell::Number(n) => Some(n.to_string()),
        Cell::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
        Cell::Error(e) => Some(e.clone()),
    }
}

/// A text value: refused when it is a formula's error, a formula written as text
/// (`=SUM(…)`, which would be stored and sent on as a formula), too long, or holds
/// a control character (a line break only in a comment).
pub fn text(cell: &Cell, lines: Lines) -> Res<String> {
    if let Cell::Error(e) = cell {
        return Err(format!(
            "the cell shows the error {e}: correct the formula in the spreadsheet"
        ));
    }
    let Some(s) = raw(cell) else { return Ok(None) };
    let s = s.trim().to_string();
    if s.is_empty() {
        return Ok(None);
    }
    if s.starts_with('=') {
        return Err(format!(
            "{} is a formula, not its value: save the spreadsheet with its values",
            quote(&s)
        ));
    }
    let max = match lines {
        Lines::One => bounds::MAX_LINE_CHARS,
        Lines::Many => bounds::MAX_TEXT_CHARS,
    };
    let n = s.chars().count();
    if n > max {
        return Err(format!(
            "is {n} characters long: at most {max} are kept here; shorten it"
        ));
    }
    if let Some(c) = bounds::forbidden_char(&s, lines) {
        return Err(format!(
            "holds the control character {}, which could rewrite a terminal or a report: remove it",
            bounds::char_name(c)
        ));
    }
    Ok(Some(s))
}

/// The day a spreadsheet's serial number stands for (1 is 1900-01-01, with
/// Excel's 1900 leap day counted: day 0 is 1899-12-30 for every later date).
pub fn serial_day(n: f64) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.floor() as u64))
}

const DATE_FORMS: &str = "31/12/2025, 31/12/25 or 2025-12-31";

/// A date: a date cell, a serial day number, or text as `31/12/2025`, `31/12/25`
/// (20xx), `31-12-2025`, `31.12.2025` or `2025-12-31` (a time after it ignored).
pub fn date(cell: &Cell) -> Res<NaiveDate> {
    let day = match cell {
        Cell::Empty => return Ok(None),
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => serial_day(*n),
        Cell::Error(_) => return text(cell, Lines::One).map(|_| None),
        Cell::Text(t) => text_date(t.trim()),
    };
    let shown = raw(cell).unwrap_or_default();
    match day {
        Some(d) if bounds::date_in_range(d) => Ok(Some(d)),
        Some(d) => Err(format!("{d} is out of range: {}", bounds::years_text())),
        None => Err(format!(
            "{} is not a date: write it as {DATE_FORMS}",
            quote(&shown)
        )),
    }
}

fn text_date(t: &str) -> Option<NaiveDate> {
    // "2025-12-31 00:00:00" or "2025-12-31T00:00:00": the day.
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    if t.len() >= 5 && t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        return serial_day(t.parse().ok()?);
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    if a.len() == 4 {
        return NaiveDate::from_ymd_opt(num(a)? as i32, num(b)?, num(c)?);
    }
    let year = match c.len() {
        4 => num(c)? as i32,
        2 => 2000 + num(c)? as i32,
        _ => return None,
    };
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, num(b)?, num(a)?)
}

/// An amount in euros: a number cell, or text such as `12 500,50 €`, `12500.50`,
/// `12 500 €` (any space, non-breaking ones included, groups thousands).
pub fn amount(cell: &Cell) -> Res<Money> {
    let m = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => {
            let cents = (n * 100.0).round();
            if !n.is_finite() || cents < 0.0 || cents > bounds::MAX_AMOUNT.cents() as f64 {
                None
            } else {
                Some(Money(cents as i64))
            }
        }
        Cell::Text(t) => {
            let t: String = t
                .chars()
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect();
            let t = t
                .trim()
                .trim_end_matches("EUR")
                .trim_end_matches("euros")
                .trim();
            Money::parse_input(t).ok()
        }
        Cell::Date(_) => None,
        Cell::Error(_) => return text(cell, Lines::One).map(|_| None),
    };
    match m {
        Some(m) if bounds::amount_in_range(m) => Ok(Some(m)),
        _ => Err(format!(
            "{} is not an amount: write it as 12 500,50 € or 12500.50",
            quote(&raw(cell).unwrap_or_default())
        )),
    }
}

/// A progress in percent: `40 %`, `40`, or a fraction `0,4` (a number cell up to 1
/// is a fraction, as a cell formatted as a percentage holds it).
pub fn progress(cell: &Cell) -> Res<u8> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) if *n <= 1.0 => Some(n * 100.0),
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let t = t.trim();
            let (t, percent) = match t.strip_suffix('%') {
                Some(rest) => (rest.trim(), true),
                None => (t, false),
            };
            let fraction = !percent && t.contains([',', '.']);
            t.replace(',', ".")
                .parse::<f64>()
                .ok()
                .map(|v| if fraction && v <= 1.0 { v * 100.0 } else { v })
        }
        Cell::Date(_) => None,
        Cell::Error(_) => return text(cell, Lines::One).map(|_| None),
    };
    match value.map(f64::round) {
        Some(v) if (0.0..=100.0).contains(&v) => Ok(Some(v as u8)),
        _ => Err(format!(
            "{} is not a progress: write a percentage from 0 to 100, such as 40 % or 0,4",
            quote(&raw(cell).unwrap_or_default())
        )),
    }
}

pub use crate::text::normal;

/// One of a closed list, written in French or English: `(words, value)` pairs.
fn word<T: Copy>(cell: &Cell, words: &[(&[&str], T)], what: &str, accepted: &str) -> Res<T> {
    let Some(t) = text(cell, Lines::One)? else {
        return Ok(None);
    };
    let n = normal(&t);
    words
        .iter()
        .find(|(ws, _)| ws.contains(&n.as_str()))
        .map(|(_, v)| Some(*v))
        .ok_or_else(|| format!("unknown {what} {}: write one of {accepted}", quote(&t)))
    // (the three messages, for the catalogue: "unknown status …", "unknown weather
    // …", "unknown funding source …")
}

/// The statuses as people write them. "Reporté" is on hold.
pub fn status(cell: &Cell) -> Res<ActionStatus> {
    use ActionStatus::*;
    word(
        cell,
        &[
            (
                &[
                    "a faire",
                    "non demarre",
                    "non demarree",
                    "pas demarre",
                    "pas commence",
                    "non commence",
                    "non commencee",
                    "a venir",
                    "a lancer",
                    "prevu",
                    "prevue",
                    "todo",
                    "to do",
                    "not started",
                    "planned",
                ],
                Todo,
            ),
            (
                &[
                    "en cours",
                    "demarre",
                    "demarree",
                    "commence",
                    "commencee",
                    "lance",
                    "lancee",
                    "in progress",
                    "in_progress",
                    "ongoing",
                    "started",
                ],
                InProgress,
            ),
            (
                &[
                    "suspendu",
                    "suspendue",
                    "en attente",
                    "en pause",
                    "reporte",
                    "reportee",
                    "gele",
                    "gelee",
                    "on hold",
                    "on_hold",
                    "paused",
                    "postponed",
                    "suspended",
                ],
                OnHold,
            ),
            (
                &[
                    "realise",
                    "realisee",
                    "termine",
                    "terminee",
                    "fait",
                    "faite",
                    "acheve",
                    "achevee",
                    "clos",
                    "close",
                    "cloture",
                    "cloturee",
                    "done",
                    "completed",
                    "finished",
                    "complete",
                ],
                Done,
            ),
            (
                &[
                    "abandonne",
                    "abandonnee",
                    "annule",
                    "annulee",
                    "abandoned",
                    "cancelled",
                    "canceled",
                    "dropped",
                ],
                Abandoned,
            ),
        ],
        "status",
        "À faire, En cours, Suspendu, Réalisé, Abandonné",
    )
}

pub fn weather(cell: &Cell) -> Res<Weather> {
    use Weather::*;
    word(
        cell,
        &[
            (&["vert", "verte", "green", "soleil", "ok"], Green),
            (
                &["orange", "jaune", "amber", "yellow", "nuageux", "vigilance"],
                Orange,
            ),
            (&["rouge", "red", "orage", "alerte"], Red),
        ],
        "weather",
        "Vert, Orange, Rouge",
    )
}

pub fn source(cell: &Cell) -> Res<FundingSource> {
    use FundingSource::*;
    word(
        cell,
        &[
            (&["fir", "fonds d intervention regional"], Fir),
            (
                &[
                    "assurance maladie",
                    "cpam",
                    "am",
                    "health insurance",
                    "health_insurance",
                ],
                HealthInsurance,
            ),
            (
                &[
                    "collectivite",
                    "collectivites",
                    "collectivite territoriale",
                    "conseil departemental",
                    "conseil regional",
                    "commune",
                    "local authority",
                    "local_authority",
                ],
                LocalAuthority,
            ),
            (&["etat", "state"], State),
            (&["europe", "feder", "fse", "ue"], Europe),
            (&["fonds propres", "own funds", "own_funds"], OwnFunds),
            (&["autre", "autres", "other"], Other),
        ],
        "funding source",
        "FIR, Assurance maladie, Collectivité, État, Europe, Fonds propres, Autre",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_as_people_write_them() {
        assert_eq!(date(&t("31/12/2025")), Ok(Some(day("2025-12-31"))));
        assert_eq!(date(&t("1/2/2025")), Ok(Some(day("2025-02-01"))));
        assert_eq!(date(&t("31/12/25")), Ok(Some(day("2025-12-31"))));
        assert_eq!(date(&t("2025-12-31")), Ok(Some(day("2025-12-31"))));
        assert_eq!(date(&t("2025-12-31 00:00:00")), Ok(Some(day("2025-12-31"))));
        assert_eq!(date(&Cell::Number(45_657.0)), Ok(Some(day("2024-12-31"))));
        assert_eq!(date(&t("45657")), Ok(Some(day("2024-12-31"))));
        assert_eq!(date(&Cell::Empty), Ok(None));
        let e = date(&t("31/02/2025")).unwrap_err();
        assert!(e.starts_with("\"31/02/2025\" is not a date"), "{e}");
        assert!(date(&t("fin juin")).is_err());
        assert!(date(&Cell::Number(-3.0)).is_err());
    }

    #[test]
    fn amounts_as_people_write_them() {
        let m = |s: &str| amount(&t(s)).unwrap().unwrap().cents();
        assert_eq!(m("12 500,50 €"), 1_250_050);
        assert_eq!(m("12\u{a0}500,50\u{a0}€"), 1_250_050);
        assert_eq!(m("12\u{202f}500 €"), 1_250_000);
        assert_eq!(m("12500.50"), 1_250_050);
        assert_eq!(m("12 500 EUR"), 1_250_000);
        assert_eq!(amount(&Cell::Number(12500.5)), Ok(Some(Money(1_250_050))));
        assert!(amount(&t("beaucoup")).is_err());
        assert!(amount(&Cell::Number(-1.0)).is_err());
    }

    #[test]
    fn progress_in_percent_or_fraction() {
        assert_eq!(progress(&t("40 %")), Ok(Some(40)));
        assert_eq!(progress(&t("40")), Ok(Some(40)));
        assert_eq!(progress(&t("0,4")), Ok(Some(40)));
        assert_eq!(progress(&Cell::Number(0.4)), Ok(Some(40)));
        assert_eq!(progress(&Cell::Number(1.0)), Ok(Some(100)));
        assert!(progress(&t("140 %")).is_err());
    }

    #[test]
    fn statuses_as_people_write_them() {
        let s = |x: &str| status(&t(x)).unwrap().unwrap();
        assert_eq!(s("En cours"), ActionStatus::InProgress);
        assert_eq!(s("Réalisée"), ActionStatus::Done);
        assert_eq!(s("TERMINÉ"), ActionStatus::Done);
        assert_eq!(s("Fait"), ActionStatus::Done);
        assert_eq!(s("A faire"), ActionStatus::Todo);
        assert_eq!(s("À faire"), ActionStatus::Todo);
        assert_eq!(s("Non démarré"), ActionStatus::Todo);
        assert_eq!(s("Abandonné"), ActionStatus::Abandoned);
        assert_eq!(s("Reporté"), ActionStatus::OnHold);
        assert_eq!(s("Suspendu"), ActionStatus::OnHold);
        let e = status(&t("Bientôt")).unwrap_err();
        assert!(e.starts_with("unknown status \"Bientôt\""), "{e}");
    }

    #[test]
    fn formulas_and_errors_are_refused() {
        assert!(text(&t("=SUM(A1:A3)"), Lines::One).is_err());
        assert!(text(&Cell::Error("#DIV/0!".into()), Lines::One).is_err());
        assert!(text(&t("a\u{1b}[31m"), Lines::One).is_err());
        assert_eq!(text(&Cell::Number(12.0), Lines::One), Ok(Some("12".into())));
    }
}
