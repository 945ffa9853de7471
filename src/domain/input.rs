//! What people type in forms, read leniently and checked strictly: dates as
//! `31/12/2025`, `2025-12-31` or relative to today (`+2w`, `+3m`, `-10d`, `eom`,
//! `today`), progress as `40` or `40 %`.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::bounds::date_in_range;

/// Why a typed date is refused; the interface words each through the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error("empty date")]
    Empty,
    /// Not in any form a date is written in.
    #[error("not a date: write 31/12/2025, 2025-12-31, +2w, +3m or eom")]
    NotADate,
    /// Written as a date, but that day does not exist (`31/02/2026`).
    #[error("this day does not exist in the calendar")]
    NoSuchDay,
    /// A real day outside the years every reader accepts (1900–2199).
    #[error("out of range: years go from 1900 to 2199")]
    OutOfRange,
    /// A relative date with an unknown unit (`+2x`).
    #[error("unknown unit: write +10d, +2w, +3m or +1y")]
    BadUnit,
}

/// A date typed by a person. Relative forms count from `today`: `+10d`/`+10j`
/// (days), `+2w`/`+2s` (weeks), `+3m` (months), `+1y`/`+1a` (years), `eom`/`fdm`
/// (end of this month), `today`/`auj`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let d = parse_any_date(input, today)?;
    if date_in_range(d) {
        Ok(d)
    } else {
        Err(DateInputError::OutOfRange)
    }
}

fn parse_any_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateInputError> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Err(DateInputError::Empty);
    }
    match s.as_str() {
        "today" | "auj" | "aujourd'hui" => return Ok(today),
        "eom" | "fdm" => return Ok(end_of_month(today)),
        _ => {}
    }
    if let Some(rest) = s
        .strip_prefix('+')
        .map(|r| (1, r))
        .or_else(|| s.strip_prefix('-').map(|r| (-1, r)))
    {
        let (sign, rest) = rest;
        let unit_at = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (n, unit) = rest.split_at(unit_at);
        // Too many digits for a count is as far out of the calendar as it gets.
        let n: u32 = match n.parse() {
            Ok(n) => n,
            Err(_) if !n.is_empty() => return Err(DateInputError::OutOfRange),
            Err(_) => return Err(DateInputError::NotADate),
        };
        let shifted = match unit.trim() {
            "" | "d" | "j" => shift_days(today, sign, u64::from(n)),
            "w" | "s" => shift_days(today, sign, u64::from(n) * 7),
            "m" => shift_months(today, sign, n),
            "y" | "a" => shift_months(today, sign, n.saturating_mul(12)),
            _ => return Err(DateInputError::BadUnit),
        };
        return shifted.ok_or(DateInputError::OutOfRange);
    }
    let parts: Vec<&str> = s.split(['/', '.', '-']).collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let (d, m, y) = (
            parts[0].parse::<u32>(),
            parts[1].parse::<u32>(),
            parts[2].parse::<i32>(),
        );
        // `2025-12-31` is year first; `31/12/2025` and `31.12.25` day first.
        let (d, m, y, year_digits) = if parts[0].len() == 4 {
            (
                parts[2].parse::<u32>(),
                parts[1].parse::<u32>(),
                parts[0].parse::<i32>(),
                4,
            )
        } else {
            (d, m, y, parts[2].len())
        };
        if let (Ok(d), Ok(m), Ok(mut y)) = (d, m, y) {
            if year_digits == 2 {
                y += 2000;
            }
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return Err(DateInputError::NotADate);
            }
            return NaiveDate::from_ymd_opt(y, m, d).ok_or(DateInputError::NoSuchDay);
        }
        // A year too long for a number is out of any calendar.
        return Err(DateInputError::OutOfRange);
    }
    Err(DateInputError::NotADate)
}

fn shift_days(d: NaiveDate, sign: i32, n: u64) -> Option<NaiveDate> {
    if sign > 0 {
        d.checked_add_days(Days::new(n))
    } else {
        d.checked_sub_days(Days::new(n))
    }
}

fn shift_months(d: NaiveDate, sign: i32, n: u32) -> Option<NaiveDate> {
    if sign > 0 {
        d.checked_add_months(Months::new(n))
    } else {
        d.checked_sub_months(Months::new(n))
    }
}

pub fn end_of_month(d: NaiveDate) -> NaiveDate {
    let first_next = if d.month() == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1)
    };
    first_next.and_then(|f| f.pred_opt()).unwrap_or(d)
}

/// Progress in percent, 0–100: `40`, `40%`, `40 %`.
pub fn parse_progress(input: &str) -> Result<u8, String> {
    let s = input.trim().trim_end_matches('%').trim();
    match s.parse::<u32>() {
        Ok(n) if n <= 100 => Ok(n as u8),
        Ok(_) => Err(format!("{input:?}: progress goes from 0 to 100")),
        Err(_) => Err(format!("{input:?} is not a percentage")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn absolute_dates() {
        let t = d("2026-11-22");
        assert_eq!(parse_date("31/12/2025", t), Ok(d("2025-12-31")));
        assert_eq!(parse_date("2025-12-31", t), Ok(d("2025-12-31")));
        assert_eq!(parse_date(" 1/2/26 ", t), Ok(d("2026-02-01")));
        assert_eq!(parse_date("30/02/2025", t), Err(DateInputError::NoSuchDay));
        assert_eq!(parse_date("2024-02-30", t), Err(DateInputError::NoSuchDay));
        assert_eq!(parse_date("31/13/2025", t), Err(DateInputError::NotADate));
        assert_eq!(parse_date("demain", t), Err(DateInputError::NotADate));
        assert_eq!(parse_date("", t), Err(DateInputError::Empty));
        assert_eq!(parse_date("1/1/1899", t), Err(DateInputError::OutOfRange));
    }

    #[test]
    fn relative_dates() {
        let t = d("2026-01-31");
        assert_eq!(parse_date("+2w", t), Ok(d("2026-02-14")));
        assert_eq!(parse_date("+2s", t), Ok(d("2026-02-14")));
        assert_eq!(
            parse_date("+1m", t),
            Ok(d("2026-02-28")),
            "clamped to the month's end"
        );
        assert_eq!(parse_date("+10", t), Ok(d("2026-02-10")));
        assert_eq!(parse_date("-1d", t), Ok(d("2026-01-30")));
        assert_eq!(parse_date("+1y", t), Ok(d("2027-01-31")));
        assert_eq!(parse_date("eom", d("2024-02-10")), Ok(d("2024-02-29")));
        assert_eq!(parse_date("EOM", d("2026-12-03")), Ok(d("2026-12-31")));
        assert_eq!(parse_date("today", t), Ok(t));
        assert_eq!(parse_date("+2x", t), Err(DateInputError::BadUnit));
        assert_eq!(
            parse_date("+99999999999d", t),
            Err(DateInputError::OutOfRange)
        );
    }

    #[test]
    fn progress() {
        assert_eq!(parse_progress("40"), Ok(40));
        assert_eq!(parse_progress("40 %"), Ok(40));
        assert_eq!(parse_progress("100%"), Ok(100));
        assert!(parse_progress("101").is_err());
        assert!(parse_progress("-1").is_err());
        assert!(parse_progress("abc").is_err());
    }
}
