//! The runner's reads of a place (a list, a view, an action) and the files the
//! export keys write.

use super::Runner;
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

    pub(super) fn load(&self, place: Place) -> Result<Msg, String> {
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
                    let now = (self.clock)();
                    let editing = crate::store::presence::others(conn, &self.who, None, now)?;
                    Ok(Data::Actions {
                        plan,
                        envelope_planned,
                        rows,
                        editing,
                    })
                }),
            Place::Action { id } => {
                read::action_detail(conn, id, today).map(|d| Data::Action(d.map(Box::new)))
            }
            Place::Overdue => read::overdue(conn, today, &Filter::default()).map(Data::Overdue),
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
                read::actions_of_carrier(conn, who, today).map(Data::Carried)
            }
            Place::Budget {
                level, envelope, ..
            } => crate::tui::budget_rows::load(conn, level, envelope),
            Place::Mine { who, org } => {
                crate::tui::mine_load::load(conn, today, who, org, &self.who, self.me.as_deref())
                    .map(|d| Data::Mine(Box::new(d)))
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
