//! The problems the domain words (in English) for a `jalon/1` file or a value, said
//! in the user's language.

use super::{Lang, T};

/// The problems the domain words (in English) for a jalon/1 file or a value; the
/// English side of each is the domain's text, with `{name}` where a value goes.
const PROBLEMS: &[T] = &[
    // A text that wraps another comes before the one it wraps.
    T::ProblemInUtc,
    T::ProblemOutOfRange,
    T::ProblemYears,
    T::ProblemProgress,
    T::ProblemAmount,
    T::ProblemNotDepartment,
    T::ProblemPlanEndsBeforeStart,
    T::ProblemDoneNeedsDay,
    T::ProblemDayNeedsDone,
    T::ProblemDueBeforeStart,
    T::ProblemBudgetTooLarge,
    T::ProblemNoSuch,
    T::ProblemKindTheme,
    T::ProblemKindTerritory,
    T::ProblemKindOrganisation,
    T::ProblemKindPerson,
    T::ProblemKindEnvelope,
    T::ProblemKindCatalogue,
    T::ProblemBadCode,
    T::ProblemCodeUsed,
    T::ProblemNotDecimal,
    T::ProblemSuchAs,
    T::ProblemTooLong,
    T::ProblemControlChar,
    T::ProblemBreaksInNotesOnly,
    T::ProblemNotEmail,
    T::ProblemNotADate,
    T::ProblemNoSuchDay,
    T::ProblemActionExists,
    T::ProblemPlanExists,
    T::ProblemUndoMixed,
    T::ProblemNameNeeded,
    // Spreadsheet import (issue 11, item 5).
    T::SheetCellError,
    T::SheetFormula,
    T::SheetNotADate,
    T::SheetNotAnAmount,
    T::SheetNotAProgress,
    T::SheetUnknownStatus,
    T::SheetUnknownWeather,
    T::SheetUnknownSource,
    T::SheetBadCsv,
    T::SheetNotXlsx,
    T::SheetNoSuchSheet,
    T::SheetNoSheet,
    T::SheetUnreadable,
    T::SheetBadMapping,
    T::SheetMappingField,
    T::SheetTwoColumns,
    T::SheetNoHeader,
    T::SheetNoKey,
    T::SheetUnknownName,
    T::SheetNoPlan,
    T::SheetOtherTerritory,
    T::SheetTitleTwice,
    T::SheetTitleNeeded,
    T::SheetRowTwice,
    T::SheetAmbiguous,
    T::SheetNoTheme,
    T::SheetDoneDay,
    T::SheetPersonNoOrg,
    T::SheetManyLines,
    T::SheetTooManyRows,
    // Meetings and decisions.
    T::ProblemMeetingTitle,
    T::ProblemMeetingExists,
    T::ProblemNoMeeting,
    T::ProblemMeetingElsewhere,
    T::ProblemDecisionEmpty,
    T::ProblemMeetingNamed,
    T::ProblemMeetingPlanElsewhere,
    T::ProblemKindMeeting,
    T::ProblemKindPlan,
];

/// Places whose value is itself words of the domain, put into words in turn; the
/// others (values, codes, paths, numbers) are kept as they are.
const WORDED_PLACES: &[&str] = &["why", "hint", "allowed", "kind"];

/// A problem of a jalon/1 file or of a value, as the domain words it (in English),
/// in `lang`: a text of [`PROBLEMS`] is recognised by its English side and said by
/// the other; any other text (serde's, the system's) as given.
pub fn problem_text(lang: Lang, message: &str) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    word_problem(lang, message).unwrap_or_else(|| message.to_string())
}

fn word_problem(lang: Lang, message: &str) -> Option<String> {
    PROBLEMS.iter().find_map(|t| {
        let values = unfill(t.en(), message, &|name, value| {
            // A worded place holds words of the domain (or nothing).
            !WORDED_PLACES.contains(&name)
                || value.is_empty()
                || word_problem(lang, value).is_some()
        })?;
        // Each worded place said in `lang` (accepted above, so it has words).
        let worded: Vec<(&str, String)> = values
            .into_iter()
            .map(|(name, value)| {
                let said = if WORDED_PLACES.contains(&name) {
                    word_problem(lang, value)
                } else {
                    None
                };
                (name, said.unwrap_or_else(|| value.to_string()))
            })
            .collect();
        let places: Vec<(&str, &dyn std::fmt::Display)> = worded
            .iter()
            .map(|(name, value)| (*name, value as &dyn std::fmt::Display))
            .collect();
        Some(lang.fill(*t, &places))
    })
}

/// The values of `template`'s `{name}` places in `text`, when `text` is `template`
/// filled and each value is accepted by `accept`; the first way that fits.
fn unfill<'a, 't>(
    template: &'t str,
    text: &'a str,
    accept: &dyn Fn(&str, &str) -> bool,
) -> Option<Vec<(&'t str, &'a str)>> {
    let Some(open) = template.find('{') else {
        return (template == text).then(Vec::new);
    };
    let text = text.strip_prefix(&template[..open])?;
    let close = open + template[open..].find('}')?;
    let name = &template[open + 1..close];
    let rest = &template[close + 1..];
    let next = rest.find('{').map_or(rest, |i| &rest[..i]);
    let ends: Vec<usize> = if next.is_empty() && rest.is_empty() {
        vec![text.len()]
    } else if next.is_empty() {
        (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .collect()
    } else {
        text.match_indices(next).map(|(i, _)| i).collect()
    };
    ends.into_iter().find_map(|end| {
        // The rest first: it fails fast on texts of another shape, before `accept`
        // (which may word the value) is asked.
        let mut values = unfill(rest, &text[end..], accept)?;
        let value = &text[..end];
        accept(name, value).then(|| {
            values.insert(0, (name, value));
            values
        })
    })
}
