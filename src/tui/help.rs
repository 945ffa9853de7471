//! The `?` help: the keys of the current screen, from the keymap, and what the
//! markers mean.

use crate::i18n::{Lang, T};
use crate::text::pad_right;

use super::keymap::{self, Context, Keymap};
use super::table::Seg;
use super::theme::Role;

/// The help with the default keys (the mouse on).
pub fn lines(ctx: Context, lang: Lang, due_soon_days: u32) -> Vec<Vec<Seg>> {
    lines_with(&Keymap::default(), ctx, lang, due_soon_days)
}

/// The help with the keys in use.
pub fn lines_with(keys: &Keymap, ctx: Context, lang: Lang, due_soon_days: u32) -> Vec<Vec<Seg>> {
    lines_for(keys, ctx, lang, due_soon_days, None, true)
}

/// The help as the model has it: its keys, the login's rights, the mouse on or
/// off (what the view draws and what the help's scroll counts).
pub fn of_model(m: &super::model::Model) -> Vec<Vec<Seg>> {
    lines_for(
        &m.keys,
        m.top().context(),
        m.lang(),
        m.settings.due_soon_days,
        m.rights.as_ref(),
        m.mouse,
    )
}

/// The help with the keys in use, those the login's roles never allow greyed and
/// marked unavailable with the role they take.
pub fn lines_for(
    keys: &Keymap,
    ctx: Context,
    lang: Lang,
    due_soon_days: u32,
    rights: Option<&super::rights::Rights>,
    mouse: bool,
) -> Vec<Vec<Seg>> {
    let mut out = vec![];
    let cmds = keymap::commands(ctx);
    let key_width = cmds
        .iter()
        .map(|c| crate::text::width(&keys.keys_label(lang, *c)))
        .max()
        .unwrap_or(4)
        + 2;
    out.push(vec![Seg::new(lang.t(T::TuiHelpKeys), Role::Accent)]);
    for c in cmds {
        let key = pad_right(&keys.keys_label(lang, *c), key_width);
        match rights.filter(|r| !r.allows(*c)) {
            Some(r) => out.push(vec![
                Seg::new(key, Role::Muted),
                Seg::new(
                    format!("{} {}", r.needs_text(lang, *c), keys.describe(lang, *c)),
                    Role::Muted,
                ),
            ]),
            None => out.push(vec![
                Seg::new(key, Role::Key),
                Seg::plain(keys.describe(lang, *c)),
            ]),
        }
    }
    if ctx != Context::Welcome {
        out.push(vec![
            Seg::new(
                pad_right(&keymap::key_label(lang, keymap::RESERVED[0]), key_width),
                Role::Key,
            ),
            Seg::plain(lang.t(T::TuiDoQuit)),
        ]);
    }
    if !matches!(ctx, Context::Welcome | Context::Help) {
        out.push(vec![]);
        out.push(vec![Seg::new(lang.t(T::TuiHelpFields), Role::Accent)]);
        for (c, what) in super::boxkeys::FIELD_KEYS {
            let key = super::boxkeys::main_key_label(lang, c);
            out.push(vec![
                Seg::new(pad_right(&key, key_width), Role::Key),
                Seg::plain(lang.t(what)),
            ]);
        }
    }
    if matches!(
        ctx,
        Context::Board
            | Context::Territory
            | Context::Plan
            | Context::Overdue
            | Context::Catalogue
            | Context::Mine
    ) {
        out.push(vec![]);
        out.push(vec![Seg::new(lang.t(T::TuiHelpFilter), Role::Accent)]);
        out.push(vec![Seg::plain(lang.t(T::TuiHelpFilterText))]);
    }
    if ctx != Context::Welcome {
        out.push(vec![]);
        out.push(vec![Seg::new(lang.t(T::TuiHelpMarks), Role::Accent)]);
        let days = lang.days(i64::from(due_soon_days));
        let marks: [(&str, Role, String); 6] = [
            (
                "⚠ 12",
                Role::OverdueMark,
                lang.t(T::TuiMarkOverdue).to_string(),
            ),
            (
                "» J-5",
                Role::DueSoon,
                format!("{} {days}", lang.t(T::TuiMarkDueSoon)),
            ),
            ("▸", Role::DueSoon, lang.t(T::TuiMarkLateStart).to_string()),
            ("✓", Role::Done, lang.t(T::TuiMarkDone).to_string()),
            (
                "!",
                Role::OverdueMark,
                lang.t(T::TuiMarkOverBudget).to_string(),
            ),
            (
                &lang.fill(T::DaysLeft, &[("days", &45)]),
                Role::Normal,
                lang.t(T::TuiMarkDaysLeft).to_string(),
            ),
        ];
        for (mark, role, text) in marks {
            out.push(vec![
                Seg::new(pad_right(mark, key_width), role),
                Seg::plain(text),
            ]);
        }
    }
    if ctx == Context::Catalogue {
        out.extend(super::catalogue::legend_lines(lang, key_width));
    }
    if ctx != Context::Welcome {
        out.push(vec![]);
        out.push(vec![Seg::new(lang.t(T::TuiHelpMouse), Role::Accent)]);
        let said: &[T] = if mouse {
            &[
                T::TuiHelpMouseClick,
                T::TuiHelpMouseWheel,
                T::TuiHelpMouseTurnOff,
            ]
        } else {
            &[T::TuiHelpMouseOff]
        };
        for t in said {
            out.push(vec![Seg::plain(lang.t(*t))]);
        }
    }
    out.push(vec![]);
    out.push(vec![Seg::new(lang.t(T::TuiHelpClose), Role::Muted)]);
    out
}
