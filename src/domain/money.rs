//! Money as integer cents: parsing what people type and what files carry, and the
//! arithmetic. Never a float anywhere on the way. Putting an amount into words for
//! people, by language, is done outside the domain (`crate::present`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::bounds::{MAX_AMOUNT, quote};

/// An amount in euro cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("empty amount")]
    Empty,
    #[error("not an amount: {}", quote(.0))]
    Invalid(String),
    #[error("at most two decimals are allowed: {}", quote(.0))]
    TooManyDecimals(String),
    #[error("negative amounts are not allowed: {}", quote(.0))]
    Negative(String),
    #[error("amount too large: {}; an amount is at most 100000000000 (10¹¹ €)", quote(.0))]
    TooLarge(String),
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn cents(self) -> i64 {
        self.0
    }

    pub fn from_euros(euros: i64) -> Money {
        Money(euros.saturating_mul(100))
    }

    /// The strict form of the interchange format: `120000`, `120000.5`, `120000.50`.
    /// Digits, an optional dot and one or two decimals; nothing else.
    pub fn parse_decimal(s: &str) -> Result<Money, MoneyError> {
        if s.is_empty() {
            return Err(MoneyError::Empty);
        }
        if s.starts_with('-') {
            return Err(MoneyError::Negative(s.to_string()));
        }
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::Invalid(s.to_string()));
        }
        let frac = match frac {
            None => "",
            Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => {
                return Err(MoneyError::Invalid(s.to_string()));
            }
            Some(f) if f.len() > 2 => return Err(MoneyError::TooManyDecimals(s.to_string())),
            Some(f) => f,
        };
        combine(int, frac).ok_or_else(|| MoneyError::TooLarge(s.to_string()))
    }

    /// What people type: `1234.56`, `1 234,56`, `1234,5 €`, `€1,234.50`, `12,5k`.
    /// The last `,` or `.` followed by one or two digits is the decimal mark; any other
    /// separator must group thousands by three.
    pub fn parse_input(s: &str) -> Result<Money, MoneyError> {
        let original = s;
        if !spaces_group_thousands(s) {
            return Err(MoneyError::Invalid(original.to_string()));
        }
        let mut t: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '€')
            .collect();
        if t.is_empty() {
            return Err(MoneyError::Empty);
        }
        if t.starts_with('-') {
            return Err(MoneyError::Negative(original.to_string()));
        }
        let scale: i64 = match t.chars().last() {
            Some('k' | 'K') => 1_000,
            Some('m' | 'M') => 1_000_000,
            _ => 1,
        };
        if scale > 1 {
            t.pop();
        }
        let bad = || MoneyError::Invalid(original.to_string());
        if t.is_empty()
            || !t
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            return Err(bad());
        }
        let seps: Vec<(usize, char)> = t
            .char_indices()
            .filter(|(_, c)| !c.is_ascii_digit())
            .collect();
        let (int_part, frac_part) = match seps.last() {
            None => (t.clone(), String::new()),
            Some(&(pos, mark)) => {
                let after = &t[pos + 1..];
                let distinct = seps.iter().any(|(_, c)| *c != mark);
                let count_same = seps.iter().filter(|(_, c)| *c == mark).count();
                // A lone separator is the decimal mark unless exactly three digits follow
                // it (`12,500` and `1.234` group thousands); with a scale suffix (`12,5k`)
                // it is always decimal. Forms show the parsed amount before saving.
                // A group cannot follow a leading zero: `0,001` is a tenth of a cent,
                // refused below, never one euro.
                let leading_zero = t.starts_with('0');
                let is_decimal = distinct
                    || (count_same == 1 && (after.len() != 3 || scale > 1 || leading_zero));
                if is_decimal {
                    let frac = after.to_string();
                    let head = &t[..pos];
                    (check_groups(head).ok_or_else(bad)?, frac)
                } else {
                    (check_groups(&t).ok_or_else(bad)?, String::new())
                }
            }
        };
        if int_part.is_empty() {
            return Err(bad());
        }
        if scale == 1 && frac_part.len() > 2 {
            return Err(MoneyError::TooManyDecimals(original.to_string()));
        }
        if frac_part.is_empty() && seps.last().is_some_and(|(p, _)| *p == t.len() - 1) {
            return Err(bad());
        }
        // Scale: 12,5k = 12500; the fraction may then hold up to 2 + log10(scale) digits.
        let extra = match scale {
            1_000 => 3,
            1_000_000 => 6,
            _ => 0,
        };
        if frac_part.len() > 2 + extra {
            return Err(MoneyError::TooManyDecimals(original.to_string()));
        }
        let mut digits = int_part.clone();
        let mut frac = frac_part.clone();
        for _ in 0..extra {
            let c = if frac.is_empty() { '0' } else { frac.remove(0) };
            digits.push(c);
        }
        let digits = digits.trim_start_matches('0');
        let digits = if digits.is_empty() { "0" } else { digits };
        combine(digits, &frac).ok_or_else(|| MoneyError::TooLarge(original.to_string()))
    }

    /// `1234567.89` → `"1234567.89"`; whole euros drop the decimals (`"2600000"`).
    pub fn to_decimal(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (e, c) = (abs / 100, abs % 100);
        if c == 0 {
            format!("{sign}{e}")
        } else {
            format!("{sign}{e}.{c:02}")
        }
    }
}

/// Euros and cents as digits, within `MAX_AMOUNT`.
fn combine(int: &str, frac: &str) -> Option<Money> {
    let euros: i64 = int.parse().ok()?;
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    euros
        .checked_mul(100)?
        .checked_add(cents)
        .map(Money)
        .filter(|m| *m <= MAX_AMOUNT)
}

/// A space between digits only groups thousands: exactly three digits follow it
/// (`12 345` is twelve thousand; `12 34`, two numbers pasted on two lines, is not
/// one amount).
fn spaces_group_thousands(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    let space = |c: char| c.is_whitespace() || c == '\u{202f}';
    let mut i = 0;
    while i < chars.len() {
        if !space(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && space(chars[i]) {
            i += 1;
        }
        let digit_before = start > 0 && chars[start - 1].is_ascii_digit();
        let digits_after = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digit_before && digits_after > 0 && digits_after != 3 {
            return false;
        }
    }
    true
}

/// Removes thousands separators after checking they group by three.
fn check_groups(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split([',', '.']).collect();
    if parts.len() == 1 {
        return Some(s.to_string());
    }
    let first_ok = !parts[0].is_empty() && parts[0].len() <= 3;
    if !first_ok || parts[1..].iter().any(|p| p.len() != 3) {
        return None;
    }
    Some(parts.concat())
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal())
    }
}

// Amounts are bounded (`bounds::MAX_AMOUNT`), so that sums of them fit with room
// to spare; the arithmetic still never overflows: it saturates rather than panic
// in a reader or wrap to a wrong sign.
impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        *self = *self + o;
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_decimal())
    }
}

/// One sentence for an amount written as a JSON number (the path is said before it).
fn json_number(v: &str) -> String {
    let as_string = if v.starts_with('-') {
        String::new()
    } else {
        format!(", here {}", quote(v))
    };
    format!(
        "the amount {} is a JSON number, but amounts are decimal strings such as \"12500.50\" \
         (never negative){as_string}",
        quote(v).trim_matches('"')
    )
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an amount as a decimal string such as \"1234.50\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
                Money::parse_decimal(v).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
                Err(E::custom(json_number(&v.to_string())))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
                Err(E::custom(json_number(&v.to_string())))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
                Err(E::custom(json_number(&v.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_people_type() {
        for (s, c) in [
            ("1234.56", 123456),
            ("1 234,56", 123456),
            ("1234,5 €", 123450),
            ("€1,234,567.89", 123456789),
            ("1 234 567,89 €", 123456789),
            ("1.234.567,89", 123456789),
            ("12500", 1250000),
            ("12 500,50", 1250050),
            ("12,5k", 1250000),
            ("1,2M", 120000000),
            ("0,05", 5),
            ("1,234", 123400),
        ] {
            assert_eq!(Money::parse_input(s), Ok(Money(c)), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        for s in [
            "", "abc", "1,2,3", "12.345.6", "-5", "1,", "1..2", "1.2345", "k",
        ] {
            assert!(Money::parse_input(s).is_err(), "{s} should fail");
        }
        assert_eq!(Money::parse_input("1.234"), Ok(Money(123400)));
    }

    #[test]
    fn strict_decimal_for_files() {
        assert_eq!(Money::parse_decimal("120000"), Ok(Money(12_000_000)));
        assert_eq!(Money::parse_decimal("120000.5"), Ok(Money(12_000_050)));
        assert_eq!(Money::parse_decimal("120000.50"), Ok(Money(12_000_050)));
        assert!(matches!(
            Money::parse_decimal("1.234"),
            Err(MoneyError::TooManyDecimals(_))
        ));
        assert!(matches!(
            Money::parse_decimal("-1"),
            Err(MoneyError::Negative(_))
        ));
        assert!(Money::parse_decimal("1 234").is_err());
        assert!(Money::parse_decimal("1,5").is_err());
        assert!(Money::parse_decimal(".5").is_err());
        assert!(Money::parse_decimal("5.").is_err());
    }

    #[test]
    fn json_floats_are_refused() {
        let r: Result<Money, _> = serde_json::from_str("12.5");
        assert!(r.unwrap_err().to_string().contains("JSON number"));
        let r: Result<Money, _> = serde_json::from_str("-5");
        assert!(r.unwrap_err().to_string().contains("never negative"));
        let r: Result<Money, _> = serde_json::from_str("\"12.5\"");
        assert_eq!(r.unwrap(), Money(1250));
    }
}
