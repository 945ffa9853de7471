//! The `7` catalogue view's state: the region's catalogue items (rows) against the
//! territories (columns), a selected cell, the columns scrolled when they do not
//! all fit, and the choice of an action when a cell holds several. No drawing, no
//! database: the rows are made once per load, the layout is computed from widths.

use crate::domain::ActionStatus;
use crate::i18n::{Lang, T, status_label};
use crate::store::read::{CatalogueGrid, GridAction, GridItem};
use crate::text::{fold, width};

use super::place::Place;
use super::table::{Cell, Row, SortKey, Table, TableKind, Tone};
use super::theme::Role;

/// The view: the items as a list (filter, selection, scroll as every list), the
/// grid they come from, and where the cursor is across.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueView {
    pub table: Table,
    /// The items not taken up first, then by code; `table.rows[i]` is `items[i]`.
    pub grid: CatalogueGrid,
    /// The selected territory (index into `grid.territories`).
    pub column: usize,
    /// The first territory shown.
    pub first: usize,
    /// The cell's actions offered to choose from (the index of the selected one).
    pub choice: Option<usize>,
}

impl Default for CatalogueView {
    fn default() -> Self {
        CatalogueView {
            table: Table::new(TableKind::Catalogue, T::CatEmpty),
            grid: CatalogueGrid::default(),
            column: 0,
            first: 0,
            choice: None,
        }
    }
}

/// How a status reads in a cell: a mark (the meaning without colour) and a colour.
pub fn status_mark(s: ActionStatus) -> (&'static str, Role) {
    match s {
        ActionStatus::Todo => ("○", Role::Normal),
        ActionStatus::InProgress => ("◐", Role::Accent),
        ActionStatus::OnHold => ("‖", Role::DueSoon),
        ActionStatus::Done => ("✓", Role::Done),
        ActionStatus::Abandoned => ("✗", Role::Muted),
    }
}

/// A cell of no action.
pub const NONE_MARK: &str = "·";
/// At the left of an item taken up by no territory.
pub const UNTAKEN_MARK: &str = "∅";

/// A cell as drawn, `w` cells at most: each action's mark, or the first one's and
/// how many more (`✓+3`).
pub fn cell_text(actions: &[GridAction], w: usize) -> (String, Role) {
    let Some(first) = actions.first() else {
        return (NONE_MARK.to_string(), Role::Muted);
    };
    let (mark, role) = status_mark(first.status);
    // Each mark is one cell wide.
    if actions.len() <= w {
        let all: String = actions.iter().map(|a| status_mark(a.status).0).collect();
        return (all, role);
    }
    (format!("{mark}+{}", actions.len() - 1), role)
}

/// Where things go across the screen, for a body `inner` cells wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Across {
    pub code: usize,
    pub title: usize,
    /// Each territory column's width.
    pub cell: usize,
    /// Territories shown at once.
    pub shown: usize,
    /// Names rather than codes above the columns.
    pub names: bool,
}

/// The title keeps at least this many cells before the territories scroll.
const TITLE_MIN: usize = 20;
/// A territory's name is cut at this many cells.
const NAME_MAX: usize = 14;

pub fn across(grid: &CatalogueGrid, natural_code: usize, inner: usize) -> Across {
    let code = natural_code.clamp(4, 10);
    let n = grid.territories.len();
    let by_code = grid
        .territories
        .iter()
        .map(|t| width(&t.code))
        .max()
        .unwrap_or(0)
        .max(3);
    let by_name = grid
        .territories
        .iter()
        .map(|t| width(&t.name).min(NAME_MAX))
        .max()
        .unwrap_or(0)
        .max(by_code);
    let left = code + 1 + TITLE_MIN;
    let fits = |w: usize| left + n * (w + 1) <= inner;
    // Names when all of them fit with a title of some length.
    let names = n > 0 && fits(by_name) && inner >= left + 20 + n * (by_name + 1);
    let cell = if names { by_name } else { by_code };
    let shown = (inner.saturating_sub(left) / (cell + 1))
        .clamp(1, n.max(1))
        .min(n);
    let title = inner.saturating_sub(code + 1 + shown * (cell + 1));
    Across {
        code,
        title,
        cell,
        shown,
        names,
    }
}

impl CatalogueView {
    /// New data: the selected item and territory stay selected when they still exist.
    pub fn set(&mut self, mut grid: CatalogueGrid, lang: Lang, page: usize) {
        let territory = self
            .grid
            .territories
            .get(self.column)
            .map(|t| t.code.clone());
        // Items nobody took up first: visible at once.
        grid.items.sort_by_key(|i| !i.untaken());
        let rows = grid
            .items
            .iter()
            .map(|i| item_row(i, &grid, lang))
            .collect();
        self.column = territory
            .and_then(|c| grid.territories.iter().position(|t| t.code == c))
            .unwrap_or(0);
        self.grid = grid;
        self.choice = None;
        self.table.set_rows(lang, rows, None, page);
    }

    pub fn item(&self) -> Option<&GridItem> {
        self.table
            .visible
            .get(self.table.list.selected)
            .and_then(|i| self.grid.items.get(*i))
    }

    /// The actions of the selected cell.
    pub fn cell(&self) -> &[GridAction] {
        self.item()
            .and_then(|i| i.cells.get(self.column))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Moves the cursor across by `delta` territories, scrolling the columns so that
    /// it stays on screen (`shown` of them at once).
    pub fn move_column(&mut self, delta: isize, shown: usize) {
        let n = self.grid.territories.len();
        self.column = self
            .column
            .saturating_add_signed(delta)
            .min(n.saturating_sub(1));
        self.fit(shown);
    }

    /// Keeps the selected territory among the `shown` columns on screen.
    pub fn fit(&mut self, shown: usize) {
        let n = self.grid.territories.len();
        let shown = shown.max(1);
        if self.column < self.first {
            self.first = self.column;
        } else if self.column >= self.first + shown {
            self.first = self.column + 1 - shown;
        }
        self.first = self.first.min(n.saturating_sub(shown));
    }

    /// Where `Enter` leads: the cell's one action, or `None` with the choice opened
    /// when it holds several (and nothing when it holds none).
    pub fn open(&mut self) -> Option<(Place, String)> {
        match self.cell() {
            [] => None,
            [one] => Some(target(one)),
            _ => {
                self.choice = Some(0);
                None
            }
        }
    }

    /// The action chosen among several.
    pub fn chosen(&self) -> Option<(Place, String)> {
        self.choice.and_then(|i| self.cell().get(i)).map(target)
    }

    pub fn move_choice(&mut self, delta: isize) {
        let n = self.cell().len();
        if let Some(i) = &mut self.choice {
            *i = i.saturating_add_signed(delta).min(n.saturating_sub(1));
        }
    }
}

fn target(a: &GridAction) -> (Place, String) {
    (
        Place::Action { id: a.id },
        format!("{}/{}", a.plan, a.action),
    )
}

/// The selected cell said in words: `AIS · Aisne: FDR-AIS/A01 ✓ Done`.
pub fn cell_words(v: &CatalogueView, lang: Lang) -> Vec<(String, Role)> {
    let (Some(item), Some(t)) = (v.item(), v.grid.territories.get(v.column)) else {
        return vec![];
    };
    let mut out = vec![(
        format!(
            "{} × {} · {}{}",
            item.code,
            t.code,
            t.name,
            lang.t(T::Colon)
        ),
        Role::Title,
    )];
    let cell = v.cell();
    if cell.is_empty() {
        out.push((lang.t(T::CatCellEmpty).to_string(), Role::Muted));
    }
    for (i, a) in cell.iter().enumerate() {
        let (mark, role) = status_mark(a.status);
        let sep = if i == 0 { "" } else { " · " };
        out.push((format!("{sep}{}/{} ", a.plan, a.action), Role::Normal));
        out.push((format!("{mark} {}", status_label(lang, a.status)), role));
    }
    out
}

fn item_row(item: &GridItem, grid: &CatalogueGrid, lang: Lang) -> Row {
    let taken: Vec<&str> = grid
        .territories
        .iter()
        .zip(&item.cells)
        .filter(|(_, c)| !c.is_empty())
        .map(|(t, _)| t.code.as_str())
        .collect();
    let theme = item.theme.clone().unwrap_or_default();
    let untaken = if taken.is_empty() {
        lang.t(T::CatTakenByNone)
    } else {
        ""
    };
    Row {
        key: item.code.clone(),
        open: None,
        cells: vec![
            Cell::plain(&item.code),
            Cell::plain(&item.title),
            Cell::plain(&theme),
        ],
        tone: Tone::Normal,
        hay: fold(&format!(
            "{} {} {theme} {} {untaken}",
            item.code,
            item.title,
            taken.join(" ")
        )),
        sort: vec![
            SortKey::text(&item.code),
            SortKey::text(&item.title),
            SortKey::text(&theme),
        ],
        flagged: taken.is_empty(),
        facets: Default::default(),
    }
}

/// What the marks of the grid mean, for the `?` help.
pub fn legend_lines(lang: Lang, key_width: usize) -> Vec<Vec<super::table::Seg>> {
    use super::table::Seg;
    let mut out = vec![vec![], vec![Seg::new(lang.t(T::CatHelpGrid), Role::Accent)]];
    for s in ActionStatus::ALL {
        let (mark, role) = status_mark(*s);
        out.push(vec![
            Seg::new(crate::text::pad_right(mark, key_width), role),
            Seg::plain(status_label(lang, *s)),
        ]);
    }
    out.push(vec![
        Seg::new(crate::text::pad_right(NONE_MARK, key_width), Role::Muted),
        Seg::plain(lang.t(T::CatCellEmpty)),
    ]);
    out.push(vec![
        Seg::new(
            crate::text::pad_right(UNTAKEN_MARK, key_width),
            Role::DueSoon,
        ),
        Seg::plain(lang.t(T::CatTakenByNone)),
    ]);
    out
}

/// The legend on one line, above the grid.
pub fn legend(lang: Lang) -> Vec<(String, Role)> {
    let mut out: Vec<(String, Role)> = ActionStatus::ALL
        .iter()
        .map(|s| {
            let (mark, role) = status_mark(*s);
            (format!("{mark} {} ", status_label(lang, *s)), role)
        })
        .collect();
    out.push((lang.t(T::CatUntakenShort).to_string(), Role::DueSoon));
    out
}
