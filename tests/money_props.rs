//! Money, by property: whatever the amount, what Jalon writes it reads back to the
//! cent, in files and in both languages.

use jalon::domain::Money;
use jalon::i18n::Lang;
use proptest::prelude::*;

proptest! {
    #[test]
    fn decimal_strings_round_trip(cents in 0i64..1_000_000_000_000) {
        let m = Money(cents);
        prop_assert_eq!(Money::parse_decimal(&m.to_decimal()), Ok(m));
        let json = serde_json::to_string(&m).unwrap();
        prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }

    #[test]
    fn formatted_amounts_read_back(cents in 0i64..1_000_000_000_000) {
        let m = Money(cents);
        for lang in [Lang::Fr, Lang::En] {
            let shown = m.format(lang);
            prop_assert_eq!(Money::parse_input(&shown), Ok(m), "{}", shown);
        }
    }

    #[test]
    fn french_format_shape(cents in 0i64..1_000_000_000_000) {
        let s = Money(cents).format(Lang::Fr);
        prop_assert!(s.ends_with(" €"));
        let number = s.trim_end_matches(" €");
        let (int, dec) = number.split_once(',').unwrap();
        prop_assert_eq!(dec.len(), 2);
        let groups: Vec<&str> = int.split(' ').collect();
        prop_assert!(!groups[0].is_empty() && groups[0].len() <= 3);
        prop_assert!(groups[1..].iter().all(|g| g.len() == 3));
    }

    #[test]
    fn typed_forms_agree(euros in 0i64..10_000_000, cents in 0i64..100) {
        let m = Money(euros * 100 + cents);
        let plain = format!("{euros}.{cents:02}");
        let french = format!("{euros},{cents:02}");
        prop_assert_eq!(Money::parse_input(&plain), Ok(m));
        prop_assert_eq!(Money::parse_input(&french), Ok(m));
        prop_assert_eq!(Money::parse_input(&format!("{french} €")), Ok(m));
    }

    #[test]
    fn sums_are_exact(xs in proptest::collection::vec(0i64..100_000_000, 0..200)) {
        let total: Money = xs.iter().map(|c| Money(*c)).sum();
        prop_assert_eq!(total.cents(), xs.iter().sum::<i64>());
    }

    #[test]
    fn garbage_never_panics(s in "\\PC{0,20}") {
        let _ = Money::parse_input(&s);
        let _ = Money::parse_decimal(&s);
    }
}

/// Two numbers pasted on two lines (`12⏎34`, a line break made a space in a one-line
/// field) must not become one amount (`1 234,00 €`): a space inside an amount only
/// groups thousands, three digits after it.
#[test]
fn a_space_inside_an_amount_only_groups_thousands() {
    for bad in ["12 34", "1 2 3", "40 00", "1 0000", "12 345 67,50"] {
        assert!(
            Money::parse_input(bad).is_err(),
            "{bad:?} read as an amount"
        );
    }
    for (good, cents) in [
        ("1 234", 123_400),
        ("12 345 678,90", 1_234_567_890),
        ("40 000 €", 4_000_000),
        (" 1\u{202f}000 ", 100_000),
        ("1\u{a0}000,5", 100_050),
        ("€ 40", 4_000),
    ] {
        assert_eq!(Money::parse_input(good), Ok(Money(cents)), "{good:?}");
    }
}
