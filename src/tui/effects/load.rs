//! The runner's reads of a place (a list, a view, an action) and the files the
//! export keys write.

use super::Runner;
use crate::store::presence::{self, Editor};
use crate::store::read::Filter;
use crate::store::{locate, read};
use crate::tui::model::Place;
use crate::tui::msg::{Data, Msg};

impl Runner {
    /// The workbook or report asked for, written into the current folder.
    pub(super) fn export(&self, ask: crate::tui::export_run::ExportAsk) -> Result<String, String> {
        let folder = match &self.export_dir {
            Some(dir) => dir.clone(),
            None => std::env::current_dir().map_err(|e| crate::store::io_reason(&e))?,
        };
        crate::tui::export_run::write(self.store.conn(), &ask, &folder)
            .map(|p| p.display().to_string())
    }

    /// All of a place whose first rows came first (`Effect::LoadRest`).
    pub(super) fn load_all(&self, place: Place) -> Result<Msg, String> {
        match place {
            Place::Timeline { territory } => {
                read::actions_of_territory(self.store.conn(), territory, self.today)
                    .map(|rows| Msg::Loaded(place, Data::Timeline(rows)))
                    .map_err(|e| self.said(e))
            }
            other => self.load(other),
        }
    }

    /// Who else edits an action now (presence rows), to mark the rows of a list.
    pub(super) fn editing(&self) -> rusqlite::Result<Vec<Editor>> {
        self.editing_on(None)
    }

    /// The same, of one action when `id` is given.
    fn editing_on(&self, id: Option<i64>) -> rusqlite::Result<Vec<Editor>> {
        let editing = presence::others(self.store.conn(), &self.who, id, (self.clock)())?;
        self.presence_shown(&editing);
        Ok(editing)
    }

    pub(super) fn load(&self, place: Place) -> Result<Msg, String> {
        // Only the place read now may show presence rows.
        self.presence_shown(&[]);
        let conn = self.store.conn();
        let today = self.today;
        let data = match place {
            Place::Welcome | Place::Board => {
                read::board(conn, today, self.due_soon_days).map(Data::Board)
            }
            Place::Territory { id } => read::plans(conn, Some(id), today).and_then(|plans| {
                Ok(Data::Plans {
                    plans,
                    envelope_planned: locate::envelope_planned_by_plan(conn, id)?,
                })
            }),
            Place::Plan { id, territory_id } => read::plans(conn, Some(territory_id), today)
                .and_then(|plans| {
                    let plan = plans.into_iter().find(|p| p.id == id);
                    let rows = match plan {
                        Some(_) => read::actions_of_plan(conn, id, today)?,
                        None => vec![],
                    };
                    let envelope_planned = locate::envelope_planned_by_plan(conn, territory_id)?
                        .remove(&id)
                        .unwrap_or_default();
                    Ok(Data::Actions {
                        plan,
                        envelope_planned,
                        rows,
                        editing: self.editing()?,
                    })
                }),
            Place::Action { id } => read::action_detail(conn, id, today).and_then(|d| {
                Ok(Data::Action {
                    found: d.map(Box::new),
                    editing: self.editing_on(Some(id))?,
                })
            }),
            Place::Overdue => read::overdue(conn, today, &Filter::default()).and_then(|items| {
                Ok(Data::Overdue {
                    items,
                    editing: self.editing()?,
                })
            }),
            Place::Catalogue => read::catalogue_grid(conn, None).map(Data::Catalogue),
            // Answered by `find` (see `run`).
            Place::Search => return Err(String::new()),
            Place::People => {
                read::people_load(conn, today, self.due_soon_days, None).map(Data::People)
            }
            Place::Carried { id, person } => {
                let who = if person {
                    read::Carrier::Person(id)
                } else {
                    read::Carrier::Organisation(id)
                };
                read::actions_of_carrier(conn, who, today).and_then(|rows| {
                    Ok(Data::Carried {
                        rows,
                        editing: self.editing()?,
                    })
                })
            }
            Place::Budget {
                level, envelope, ..
            } => crate::tui::budget_rows::load(conn, level, envelope),
            Place::Mine { who, org } => {
                crate::tui::mine_load::load(conn, today, who, org, &self.who, self.me.as_deref())
                    .and_then(|d| {
                        Ok(Data::Mine {
                            data: Box::new(d),
                            editing: self.editing()?,
                        })
                    })
            }
            Place::Timeline { territory } => {
                read::first_actions_of_territory(conn, territory, today, super::FIRST_ROWS).map(
                    |(rows, total)| {
                        if rows.len() < total {
                            Data::TimelineFirst { rows, total }
                        } else {
                            Data::Timeline(rows)
                        }
                    },
                )
            }
        };
        data.map(|d| Msg::Loaded(place, d))
            .map_err(|e| self.said(e))
    }
}
