//! The first screen of an empty database: load the demo, import a file, or start
//! empty, one key each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::T;
use crate::text::width;

use super::put_segs;
use crate::tui::detail::wrap;
use crate::tui::keymap::{self, Command};
use crate::tui::model::{Model, Welcome, WelcomeMode};
use crate::tui::table::Seg;
use crate::tui::theme::Role;

pub fn render(m: &Model, w: &Welcome, area: Rect, buf: &mut Buffer) {
    let lang = m.lang();
    let box_w = area.width.saturating_sub(4).min(76);
    let x = area.x + (area.width - box_w) / 2;
    let max_x = x + box_w;
    let mut lines: Vec<Vec<Seg>> = vec![
        vec![Seg::new(lang.t(T::TuiWelcomeTitle), Role::Accent)],
        vec![],
        vec![Seg::plain(format!(
            "{} {} {}",
            lang.t(T::TuiWelcomeEmpty1),
            m.settings.db_label,
            lang.t(T::TuiWelcomeEmpty2)
        ))],
        vec![],
    ];
    for c in [
        Command::LoadDemo,
        Command::ImportFile,
        Command::StartEmpty,
        Command::Quit,
    ] {
        let refused = m.settings.read_only && matches!(c, Command::LoadDemo | Command::ImportFile);
        let mut line = vec![
            Seg::new(
                format!("  {}   ", m.keys.main_key_label(lang, c)),
                Role::Key,
            ),
            Seg::new(
                lang.t(keymap::describe(c)),
                if refused { Role::Muted } else { Role::Normal },
            ),
        ];
        if refused {
            line.push(Seg::new(
                format!(" ({})", lang.t(T::TuiReadOnly)),
                Role::Muted,
            ));
        }
        lines.push(line);
    }
    if let WelcomeMode::Prompt(text) = &w.mode {
        lines.push(vec![]);
        lines.push(vec![Seg::new(lang.t(T::TuiImportPrompt), Role::Title)]);
        lines.push(vec![
            Seg::plain(format!("  {text}")),
            Seg::new(" ", Role::Bar),
        ]);
    }
    if let Some((role, text)) = &w.message {
        lines.push(vec![]);
        lines.extend(wrap(&[Seg::new(text.clone(), *role)], box_w as usize, 2));
    }
    let height = lines.len() as u16;
    let top = area.y + area.height.saturating_sub(height) / 3;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.y + area.height {
            break;
        }
        // The input line keeps its end in view when the path is long.
        let line_w: usize = line.iter().map(|s| width(&s.text)).sum();
        let skip = line_w.saturating_sub(box_w as usize);
        if skip > 0 && line.len() == 2 && line[1].role == Role::Bar {
            let text: String = line[0].text.chars().skip(skip + 1).collect();
            let segs = [Seg::plain(format!("…{text}")), line[1].clone()];
            put_segs(buf, &m.theme, x, y, max_x, &segs, Style::new());
            continue;
        }
        put_segs(buf, &m.theme, x, y, max_x, line, Style::new());
    }
}
