//! Values put into words for people, by language: amounts of money, and the
//! typography of numbers and lists in files people open (CSV). The domain
//! keeps the arithmetic and the parsing (`domain::money`); the language is this
//! side's business, so the domain never depends on the catalogue.

use crate::domain::Money;
use crate::i18n::Lang;

impl Money {
    /// `1 234 567,89 €` in French, `€1,234,567.89` in English.
    pub fn format(self, lang: Lang) -> String {
        let abs = self.0.unsigned_abs();
        let (e, c) = (abs / 100, abs % 100);
        let sign = if self.0 < 0 { "-" } else { "" };
        match lang {
            Lang::Fr => format!("{sign}{},{c:02} €", group(e, ' ')),
            Lang::En => format!("{sign}€{}.{c:02}", group(e, ',')),
        }
    }

    /// Whole euros, for tight table columns: `1 234 568 €` / `€1,234,568`.
    pub fn format_euros(self, lang: Lang) -> String {
        let rounded = self.0.saturating_add(if self.0 < 0 { -50 } else { 50 }) / 100;
        let abs = rounded.unsigned_abs();
        let sign = if rounded < 0 { "-" } else { "" };
        match lang {
            Lang::Fr => format!("{sign}{} €", group(abs, ' ')),
            Lang::En => format!("{sign}€{}", group(abs, ',')),
        }
    }

    /// Whole euros when the amount is whole, to the cent otherwise: `12 500 €`,
    /// `12 500,50 €`. Exact, yet short in a table.
    pub fn format_tidy(self, lang: Lang) -> String {
        if self.0 % 100 == 0 {
            self.format_euros(lang)
        } else {
            self.format(lang)
        }
    }

    /// Compact form for narrow columns: `380 k€`, `1,2 M€` / `€380k`, `€1.2M`.
    pub fn format_compact(self, lang: Lang) -> String {
        let euros = self.0 as f64 / 100.0; // display only, never summed
        // Thousands and units have no decimal point: written in one go (a list
        // writes three amounts per row).
        if euros.abs() < 1_000_000.0 {
            let (value, unit) = if euros.abs() >= 1_000.0 {
                (euros / 1_000.0, "k")
            } else {
                (euros, "")
            };
            return match lang {
                Lang::Fr => format!("{value:.0} {unit}€"),
                Lang::En => format!("€{value:.0}{unit}"),
            };
        }
        let (value, unit) = if euros.abs() >= 1_000_000.0 {
            (format!("{:.1}", euros / 1_000_000.0), "M")
        } else if euros.abs() >= 1_000.0 {
            (format!("{:.0}", euros / 1_000.0), "k")
        } else {
            (format!("{euros:.0}"), "")
        };
        match lang {
            Lang::Fr => format!("{} {unit}€", value.replace('.', ",")),
            Lang::En => format!("€{value}{unit}"),
        }
    }
}

impl crate::domain::Sums {
    /// Paid / planned to a tenth: `42,5 %` / `42.5%`; `—` when nothing is planned.
    pub fn format_rate(self, lang: Lang) -> String {
        match self.rate_permille() {
            None => "—".into(),
            Some(r) => {
                let (i, d) = (r / 10, r % 10);
                match lang {
                    Lang::Fr => format!("{i},{d} %"),
                    Lang::En => format!("{i}.{d}%"),
                }
            }
        }
    }
}

/// A count as people read it: `100 000` in French, `100,000` in English.
pub fn count(lang: Lang, n: u64) -> String {
    match lang {
        Lang::Fr => group(n, ' '),
        Lang::En => group(n, ','),
    }
}

fn group(mut n: u64, sep: char) -> String {
    let mut groups = Vec::new();
    loop {
        if n < 1000 {
            groups.push(format!("{n}"));
            break;
        }
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// How a spreadsheet of the language separates the fields of a CSV line: `;` in
/// French (where `,` is the decimal mark), `,` in English.
pub fn csv_delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Fr => b';',
        Lang::En => b',',
    }
}

/// The decimal mark of plain numbers (CSV amounts): `,` in French, `.` in English.
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Fr => ',',
        Lang::En => '.',
    }
}

/// Between names listed in one cell: `;` reads well in French and cannot be taken
/// for the comma that organisation names contain ("ARS, délégation…").
pub fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " ; ",
        Lang::En => "; ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_amounts_keep_their_cents_only_when_they_have_some() {
        assert_eq!(Money(1_250_050).format_tidy(Lang::En), "€12,500.50");
        assert_eq!(Money(1_250_000).format_tidy(Lang::En), "€12,500");
        assert_eq!(Money(5).format_tidy(Lang::Fr), "0,05 €");
        assert_eq!(Money(-1_250_050).format_tidy(Lang::Fr), "-12 500,50 €");
    }

    #[test]
    fn formats_by_locale() {
        let m = Money(123456789);
        assert_eq!(m.format(Lang::Fr), "1 234 567,89 €");
        assert_eq!(m.format(Lang::En), "€1,234,567.89");
        assert_eq!(Money(5).format(Lang::Fr), "0,05 €");
        assert_eq!(Money(-100000).format(Lang::En), "-€1,000.00");
        assert_eq!(m.to_decimal(), "1234567.89");
        assert_eq!(Money(260000000).to_decimal(), "2600000");
        assert_eq!(Money(50).to_decimal(), "0.50");
        assert_eq!(Money(38_000_000).format_compact(Lang::Fr), "380 k€");
        assert_eq!(Money(260_000_000).format_compact(Lang::En), "€2.6M");
    }

    #[test]
    fn sums_never_overflow() {
        let big = Money(i64::MAX - 1);
        assert_eq!(big + Money(5), Money(i64::MAX));
        assert_eq!([big, big].into_iter().sum::<Money>(), Money(i64::MAX));
        assert_eq!(Money(i64::MIN + 1) - Money(5), Money(i64::MIN));
        assert_eq!(
            Money(i64::MAX).format_euros(Lang::En),
            "€92,233,720,368,547,758"
        );
    }

    #[test]
    fn spreadsheet_typography_by_language() {
        assert_eq!(csv_delimiter(Lang::Fr), b';');
        assert_eq!(csv_delimiter(Lang::En), b',');
        assert_eq!(decimal_mark(Lang::Fr), ',');
        assert_eq!(decimal_mark(Lang::En), '.');
        assert_eq!(list_separator(Lang::Fr), " ; ");
        assert_eq!(list_separator(Lang::En), "; ");
    }
}
