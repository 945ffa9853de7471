//! Reads *My actions* for the effect runner: who is meant (the login, else the
//! person remembered in the config), then their open work.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::store::read::mine::{self, MineData};

use super::place::Who;

/// The data of `Place::Mine { who, org }`; `login` is the user's, `me` the person
/// code remembered in the config file.
pub fn load(
    conn: &Connection,
    today: NaiveDate,
    who: Who,
    org: bool,
    login: &str,
    me: Option<&str>,
) -> rusqlite::Result<MineData> {
    let found = match who {
        Who::Me => match mine::person_by_login(conn, login)? {
            Some(p) => Some(p),
            None => match me {
                Some(code) => mine::find_pilot(conn, code)?.filter(|p| !p.org),
                None => None,
            },
        },
        Who::Person(id) => mine::pilot_by_id(conn, id, false)?,
        Who::Org(id) => mine::pilot_by_id(conn, id, true)?,
        Who::PilotOf(id) => mine::pilot_of_action(conn, id)?,
    };
    let Some(found) = found else {
        return Ok(MineData {
            people: mine::people(conn)?,
            login: login.to_string(),
            ..MineData::default()
        });
    };
    let mut data = MineData::default();
    let pilot = if org && !found.org {
        match found.org_id {
            Some(id) => match mine::pilot_by_id(conn, id, true)? {
                Some(o) => {
                    data.person = Some(found);
                    o
                }
                None => found,
            },
            None => {
                data.no_org = true;
                found
            }
        }
    } else {
        found
    };
    data.items = mine::items(conn, &pilot, today)?;
    data.pilot = Some(pilot);
    Ok(data)
}
