//! Semantic roles mapped to the 16 named terminal colours plus bold, dim and reverse,
//! so that light and dark backgrounds both read well. Without colour (`NO_COLOR`), every
//! role keeps its modifiers, and every meaning also rides on a marker or a word.

use ratatui::style::{Color, Modifier, Style};

use crate::config::Colours;

/// What a piece of text means; the theme decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    #[default]
    Normal,
    /// The top bar.
    Bar,
    /// Section and column titles.
    Title,
    /// A key in the footer or the help.
    Key,
    /// Done and abandoned work, secondary text.
    Muted,
    /// A line that is overdue.
    Overdue,
    /// The cell that says how late.
    OverdueMark,
    /// Due soon, late start.
    DueSoon,
    /// Done (the ✓ mark).
    Done,
    /// The current place in the breadcrumb, headings of the detail view.
    Accent,
    /// Something went wrong.
    Error,
    /// Something went well.
    Success,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub colour: bool,
    overdue: Color,
    due_soon: Color,
    done: Color,
    accent: Color,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::new(&Colours::default(), true)
    }
}

/// `NO_COLOR` set to anything but the empty string turns colour off (no-color.org).
pub fn no_color_requested(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

fn named(name: Option<&str>, default: Color) -> Color {
    match name {
        Some("black") => Color::Black,
        Some("red") => Color::Red,
        Some("green") => Color::Green,
        Some("yellow") => Color::Yellow,
        Some("blue") => Color::Blue,
        Some("magenta") => Color::Magenta,
        Some("cyan") => Color::Cyan,
        Some("gray") => Color::Gray,
        Some("darkgray") => Color::DarkGray,
        Some("lightred") => Color::LightRed,
        Some("lightgreen") => Color::LightGreen,
        Some("lightyellow") => Color::LightYellow,
        Some("lightblue") => Color::LightBlue,
        Some("lightmagenta") => Color::LightMagenta,
        Some("lightcyan") => Color::LightCyan,
        Some("white") => Color::White,
        _ => default,
    }
}

impl Theme {
    /// The config's colour names (already checked by the config loader) over the
    /// defaults; `colour: false` for `NO_COLOR` and monochrome.
    pub fn new(colours: &Colours, colour: bool) -> Theme {
        Theme {
            colour,
            overdue: named(colours.overdue.as_deref(), Color::Red),
            due_soon: named(colours.due_soon.as_deref(), Color::Yellow),
            done: named(colours.done.as_deref(), Color::Green),
            accent: named(colours.accent.as_deref(), Color::Cyan),
        }
    }

    pub fn monochrome() -> Theme {
        Theme::new(&Colours::default(), false)
    }

    fn fg(&self, c: Color) -> Style {
        if self.colour {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn style(&self, role: Role) -> Style {
        let bold = Modifier::BOLD;
        match role {
            Role::Normal => Style::new(),
            Role::Bar => Style::new().add_modifier(Modifier::REVERSED),
            Role::Title => Style::new().add_modifier(bold),
            Role::Key => Style::new().add_modifier(bold),
            Role::Muted => Style::new().add_modifier(Modifier::DIM),
            Role::Overdue => self.fg(self.overdue),
            Role::OverdueMark => self.fg(self.overdue).add_modifier(bold),
            Role::DueSoon => self.fg(self.due_soon),
            Role::Done => self.fg(self.done),
            Role::Accent => self.fg(self.accent).add_modifier(bold),
            Role::Error => self.fg(self.overdue).add_modifier(bold),
            Role::Success => self.fg(self.done).add_modifier(bold),
        }
    }

    /// The highlighted row: reverse video works on every terminal, with or without
    /// colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_convention() {
        assert!(!no_color_requested(None));
        assert!(!no_color_requested(Some("".into())));
        assert!(no_color_requested(Some("1".into())));
    }

    #[test]
    fn monochrome_has_no_colour_but_keeps_modifiers() {
        let t = Theme::monochrome();
        for role in [Role::Overdue, Role::OverdueMark, Role::DueSoon, Role::Done] {
            assert_eq!(t.style(role).fg, None, "{role:?}");
        }
        assert!(
            t.style(Role::OverdueMark)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        let c = Theme::new(
            &Colours {
                overdue: Some("magenta".into()),
                ..Colours::default()
            },
            true,
        );
        assert_eq!(c.style(Role::Overdue).fg, Some(Color::Magenta));
    }
}
