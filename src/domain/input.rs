//! What people type in forms, read leniently and checked strictly: dates as
//! `31/12/2025`, `2025-12-31` or relative to today (`+2w`, `+3m`, `-10d`, `eom`,
//! `today`), progress as `40` or `40 %`.

use chrono::{Datelike, Days, Months, NaiveDate};

/// A date typed by a person. Relative forms count from `today`: `+10d`/`+10j`
/// (days), `+2w`/`+2s` (weeks), `+3m` (months), `+1y`/`+1a` (years), `eom`/`fdm`
/// (end of this month), `today`/`auj`.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Err("empty date".into());
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
        let n: u32 = n
            .parse()
            .map_err(|_| format!("{input:?}: expected a number after the sign, as in +2w"))?;
        let shifted = match unit.trim() {
            "" | "d" | "j" => shift_days(today, sign, u64::from(n)),
            "w" | "s" => shift_days(today, sign, u64::from(n) * 7),
            "m" => shift_months(today, sign, n),
            "y" | "a" => shift_months(today, sign, n.saturating_mul(12)),
            other => return Err(format!("{input:?}: unknown unit {other:?} (d, w, m, y)")),
        };
        return shifted.ok_or_else(|| format!("{input:?}: out of the calendar"));
    }
    if let Ok(d) = crate::domain::model::date::parse(&s) {
        return Ok(d);
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
        if let (Ok(d), Ok(m), Ok(mut y)) = (d, m, y) {
            if parts[2].len() == 2 {
                y += 2000;
            }
            return NaiveDate::from_ymd_opt(y, m, d)
                .ok_or_else(|| format!("{input:?} is not a real day"));
        }
    }
    Err(format!(
        "{input:?} is not a date: write 31/12/2025, 2025-12-31, +2w, +3m or eom"
    ))
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
        assert!(parse_date("30/02/2025", t).is_err());
        assert!(parse_date("2024-02-30", t).is_err());
        assert!(parse_date("demain", t).is_err());
        assert!(parse_date("", t).is_err());
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
        assert!(parse_date("+2x", t).is_err());
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
