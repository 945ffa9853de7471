//! Lists on screen: rows whose display strings are computed once per load, and the
//! filtering, sorting and selection over them. No drawing, no database.

use std::cmp::Ordering;

use crate::i18n::{Lang, T};
use crate::text::{fold, width};

use super::place::Place;

mod columns;
use super::theme::Role;
pub use columns::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    Board,
    Plans,
    Actions,
    Overdue,
    Catalogue,
    People,
    Carried,
    Budget,
    /// *My actions*: a pilot's open actions and milestones across every plan.
    Mine,
    /// *My actions* asking who the user is: the people to choose from.
    MinePick,
}

/// What a row is sorted by in one column. Missing values go last either way.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SortKey {
    Num(i64),
    Text(String),
    Missing,
}

impl SortKey {
    pub fn text(s: &str) -> SortKey {
        SortKey::Text(fold(s))
    }
    pub fn opt_num(n: Option<i64>) -> SortKey {
        n.map(SortKey::Num).unwrap_or(SortKey::Missing)
    }
}

/// How a whole row reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Normal,
    Overdue,
    Muted,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    /// A style of its own (the lateness marker), over the row's tone.
    pub role: Option<Role>,
    /// What a wide screen shows instead (a name rather than a code).
    pub wide: Option<String>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            role: None,
            wide: None,
        }
    }
    pub fn with(text: impl Into<String>, role: Role) -> Cell {
        Cell {
            text: text.into(),
            role: Some(role),
            wide: None,
        }
    }
    /// Shown instead on a wide screen.
    pub fn or_wide(mut self, text: impl Into<String>) -> Cell {
        self.wide = Some(text.into());
        self
    }
    /// The text shown on a screen wide or not.
    pub fn shown(&self, wide: bool) -> &str {
        match &self.wide {
            Some(w) if wide => w,
            _ => &self.text,
        }
    }
}

/// The values a list can be narrowed to from its selected row (`t`, `p`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Theme = 0,
    Pilot = 1,
    Territory = 2,
}

impl Facet {
    pub fn label(self) -> T {
        match self {
            Facet::Theme => T::TuiFacetTheme,
            Facet::Pilot => T::TuiFacetPilot,
            Facet::Territory => T::TuiFacetTerritory,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Identifies the row across reloads, to keep it selected.
    pub key: String,
    /// Where Enter leads, with the breadcrumb label of that place.
    pub open: Option<(Place, String)>,
    pub cells: Vec<Cell>,
    pub tone: Tone,
    /// Folded text the filter searches (cells plus names not shown).
    pub hay: String,
    pub sort: Vec<SortKey>,
    /// Kept by "overdue only": overdue itself, or holding overdue work.
    pub flagged: bool,
    /// Facet values as (key compared, label shown).
    pub facets: [Option<(String, String)>; 3],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: usize,
    pub descending: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListState {
    /// Index into `Table::visible`.
    pub selected: usize,
    /// First visible row, index into `Table::visible`.
    pub offset: usize,
    pub filter: String,
    /// The filter line has the keyboard.
    pub editing: bool,
    pub overdue_only: bool,
    pub sort: Option<Sort>,
    /// Narrowed to a theme, a pilot, a territory: (key, label).
    pub facets: [Option<(String, String)>; 3],
}

/// A piece of styled text, for summary lines and the detail view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub role: Role,
}

impl Seg {
    pub fn new(text: impl Into<String>, role: Role) -> Seg {
        Seg {
            text: text.into(),
            role,
        }
    }
    pub fn plain(text: impl Into<String>) -> Seg {
        Seg::new(text, Role::Normal)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub rows: Vec<Row>,
    /// The region's total under the board.
    pub total: Option<Row>,
    /// Each column's widest cell (title included), in cells.
    pub natural: Vec<usize>,
    /// The same on a wide screen (names rather than codes).
    pub natural_wide: Vec<usize>,
    /// The line above the table.
    pub summary: Vec<Seg>,
    /// Said when there are no rows at all.
    pub empty: T,
    pub list: ListState,
    /// Indices into `rows`, filtered and sorted.
    pub visible: Vec<usize>,
    /// A row just created, by the text of its first cell (its code): selected when
    /// the rows arrive.
    pub want: Option<String>,
    /// The list holds its first rows of this many, the rest being read.
    pub reading: Option<usize>,
}

impl Table {
    pub fn new(kind: TableKind, empty: T) -> Table {
        Table {
            kind,
            rows: vec![],
            total: None,
            natural: vec![0; columns(kind).len()],
            natural_wide: vec![0; columns(kind).len()],
            summary: vec![],
            reading: None,
            empty,
            list: ListState::default(),
            visible: vec![],
            want: None,
        }
    }

    pub fn columns(&self) -> &'static [Column] {
        columns(self.kind)
    }

    /// New data: the selected row stays selected (by key) when it still exists.
    pub fn set_rows(&mut self, lang: Lang, rows: Vec<Row>, total: Option<Row>, page: usize) {
        let wanted = self.want.take().and_then(|w| {
            rows.iter()
                .find(|r| r.cells.first().is_some_and(|c| c.text == w))
                .map(|r| r.key.clone())
        });
        let keep = wanted.or_else(|| self.selected_row().map(|r| r.key.clone()));
        // Both widths in one pass; a cell with no wide text measured once.
        let heads: Vec<usize> = self
            .columns()
            .iter()
            .map(|c| width(lang.t(c.title)))
            .collect();
        let (mut narrow, mut wide) = (heads.clone(), heads);
        for r in rows.iter().chain(total.iter()) {
            for (i, c) in r.cells.iter().enumerate().take(narrow.len()) {
                let w = width(&c.text);
                narrow[i] = narrow[i].max(w);
                wide[i] = wide[i].max(c.wide.as_deref().map_or(w, width));
            }
        }
        if rows.is_empty() && total.is_none() {
            // No cell to measure: the titles' column takes the room left, and
            // `widths` spreads the others (else the titles were packed together).
            for (i, c) in self.columns().iter().enumerate() {
                if c.flex {
                    (narrow[i], wide[i]) = (EMPTY_FLEX, EMPTY_FLEX);
                }
            }
        }
        (self.natural, self.natural_wide) = (narrow, wide);
        self.rows = rows;
        self.total = total;
        self.refilter(keep.as_deref(), page);
    }

    /// The columns' natural widths for a list `inner` cells wide.
    pub fn natural_at(&self, inner: usize) -> &[usize] {
        if is_wide(inner) {
            &self.natural_wide
        } else {
            &self.natural
        }
    }

    /// The columns' widths in a list `inner` cells wide (`0`: gave way). With no
    /// rows, the columns the titles leave room for, each capped one as wide as its
    /// cap while the titles' column keeps its least: laid out as with rows.
    pub fn widths(&self, inner: usize) -> Vec<usize> {
        let cols = self.columns();
        let mut widths = layout(cols, self.natural_at(inner), inner);
        if !(self.rows.is_empty() && self.total.is_none()) {
            return widths;
        }
        let Some(f) = cols.iter().position(|c| c.flex) else {
            return widths;
        };
        for (i, c) in cols.iter().enumerate() {
            if widths[i] > 0 && !c.flex && c.max > widths[i] {
                let spare = widths[f].saturating_sub(cols[f].min);
                let grow = (c.max - widths[i]).min(spare);
                widths[i] += grow;
                widths[f] -= grow;
            }
        }
        widths
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.visible
            .get(self.list.selected)
            .and_then(|i| self.rows.get(*i))
    }

    /// Applies filter, facets, overdue-only and sort; keeps `keep` selected if shown.
    pub fn refilter(&mut self, keep: Option<&str>, page: usize) {
        let terms: Vec<String> = fold(&self.list.filter)
            .split_whitespace()
            .map(String::from)
            .collect();
        let l = &self.list;
        let mut visible: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !l.overdue_only || r.flagged)
            .filter(|(_, r)| terms.iter().all(|t| r.hay.contains(t.as_str())))
            .filter(|(_, r)| {
                l.facets
                    .iter()
                    .zip(&r.facets)
                    .all(|(want, has)| match want {
                        None => true,
                        Some((k, _)) => has.as_ref().is_some_and(|(h, _)| h == k),
                    })
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(s) = l.sort {
            let rows = &self.rows;
            visible.sort_by(|a, b| {
                let (ka, kb) = (&rows[*a].sort[s.column], &rows[*b].sort[s.column]);
                match (ka, kb) {
                    (SortKey::Missing, SortKey::Missing) => Ordering::Equal,
                    (SortKey::Missing, _) => Ordering::Greater,
                    (_, SortKey::Missing) => Ordering::Less,
                    _ if s.descending => kb.cmp(ka),
                    _ => ka.cmp(kb),
                }
            });
        }
        self.visible = visible;
        let found = keep.and_then(|k| self.visible.iter().position(|i| self.rows[*i].key == k));
        self.list.selected = found.unwrap_or(self.list.selected);
        self.clamp(page);
    }

    /// Keeps the selection inside the list and on screen, scrolling as little as
    /// possible (so that a move redraws two rows, not the page).
    pub fn clamp(&mut self, page: usize) {
        let n = self.visible.len();
        let page = page.max(1);
        self.list.selected = self.list.selected.min(n.saturating_sub(1));
        let l = &mut self.list;
        if l.selected < l.offset {
            l.offset = l.selected;
        } else if l.selected >= l.offset + page {
            l.offset = l.selected + 1 - page;
        }
        l.offset = l.offset.min(n.saturating_sub(page));
    }

    pub fn select(&mut self, index: usize, page: usize) {
        self.list.selected = index;
        self.clamp(page);
    }

    pub fn move_by(&mut self, delta: isize, page: usize) {
        let to = self.list.selected.saturating_add_signed(delta);
        self.select(to, page);
    }

    /// Moves by a page, keeping the selected row at the same height on screen.
    pub fn page_by(&mut self, pages: isize, page: usize) {
        let delta = pages * page as isize;
        let n = self.visible.len();
        let max_offset = n.saturating_sub(page);
        self.list.offset = self
            .list
            .offset
            .saturating_add_signed(delta)
            .min(max_offset);
        self.move_by(delta, page);
    }
}

/// The natural width of the titles' column in a list with no rows: wider than any
/// terminal, so that it takes the room left over.
const EMPTY_FLEX: usize = 1000;

/// Which columns fit in `total` cells, and how wide: `0` for a column that gave way.
/// Capped columns (`max`) take their full width back when there is room to spare.
pub fn layout(cols: &[Column], natural: &[usize], total: usize) -> Vec<usize> {
    let wide = is_wide(total);
    // A wide screen shows names: a capped column (a pilot) may take more cells
    // before the title takes the rest.
    let cap = |c: &Column| if wide { c.max.max(WIDE_CAP) } else { c.max };
    let capped: Vec<usize> = cols
        .iter()
        .zip(natural)
        .map(|(c, w)| if c.max > 0 { (*w).min(cap(c)) } else { *w })
        .collect();
    let mut shown: Vec<bool> = cols.iter().map(|c| wide || !c.wide).collect();
    let fixed_of = |shown: &[bool]| -> (usize, usize) {
        let gaps = shown.iter().filter(|s| **s).count().saturating_sub(1);
        let fixed = cols
            .iter()
            .zip(&capped)
            .zip(shown)
            .filter(|((c, _), s)| **s && !c.flex)
            .map(|((_, w), _)| *w)
            .sum();
        (fixed, gaps)
    };
    let flex_min = cols
        .iter()
        .zip(natural)
        .find(|(c, _)| c.flex)
        .map(|(c, w)| (*w).min(c.min))
        .unwrap_or(0);
    loop {
        let (fixed, gaps) = fixed_of(&shown);
        if fixed + gaps + flex_min <= total {
            break;
        }
        // The least needed column gives way; on a tie, the rightmost.
        let drop = cols
            .iter()
            .enumerate()
            .filter(|(i, c)| shown[*i] && c.priority > 0)
            .max_by_key(|(i, c)| (c.priority, *i))
            .map(|(i, _)| i);
        match drop {
            Some(i) => shown[i] = false,
            None => break,
        }
    }
    let (fixed, gaps) = fixed_of(&shown);
    let room = total.saturating_sub(fixed + gaps);
    let mut widths: Vec<usize> = cols
        .iter()
        .zip(natural)
        .zip(&capped)
        .zip(&shown)
        .map(|(((c, w), cap), s)| match (*s, c.flex) {
            (false, _) => 0,
            (true, true) => (*w).min(room).max(1),
            (true, false) => *cap,
        })
        .collect();
    let flex_used: usize = cols
        .iter()
        .zip(&widths)
        .filter(|(c, _)| c.flex)
        .map(|(_, w)| *w)
        .sum();
    let mut spare = room.saturating_sub(flex_used);
    for (i, w) in widths.iter_mut().enumerate() {
        if shown[i] && !cols[i].flex && natural[i] > *w {
            let grow = (natural[i] - *w).min(spare);
            *w += grow;
            spare -= grow;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_drop_the_least_needed_columns_first() {
        let cols = columns(TableKind::Actions);
        let natural = [3, 40, 7, 8, 10, 4, 10, 7, 6];
        let wide = layout(cols, &natural, 200);
        assert!(wide.iter().all(|w| *w > 0), "{wide:?}");
        assert_eq!(wide[1], 40, "the title takes what it needs, no more");
        let narrow = layout(cols, &natural, 80);
        assert_eq!(narrow[8], 0, "budget gives way first");
        assert!(narrow[7] > 0 && narrow[0] > 0, "code and lateness stay");
        let used: usize =
            narrow.iter().sum::<usize>() + narrow.iter().filter(|w| **w > 0).count() - 1;
        assert!(used <= 80, "{narrow:?}");
        assert!(narrow[1] >= FLEX_MIN);
    }

    #[test]
    fn capped_columns_take_their_width_back_when_there_is_room() {
        let cols = columns(TableKind::Actions);
        // A pilot code of 15 cells, capped at 12.
        let natural = [3, 30, 7, 15, 10, 4, 10, 7, 6];
        assert_eq!(layout(cols, &natural, 200)[3], 15);
        assert_eq!(layout(cols, &natural, 80)[3], 12);
    }
}
