//! The event loop: keys and resizes in, effects run against the store, a frame drawn
//! only when the model says something changed, each frame one synchronized update.

use std::collections::VecDeque;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::{
    execute,
    terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate},
};

use crate::context::Context;
use crate::store::{OpenMode, Store};

use super::effects::Runner;
use super::model::{Model, Settings};
use super::mouse::Clicks;
use super::msg::{Effect, Msg};
use super::terminal::{Guard, Signals, Term};
use super::theme::{Theme, no_color_requested};
use super::{update, view};

/// How often to look for changes written by others (`PRAGMA data_version`).
const TICK: Duration = Duration::from_secs(1);
/// The longest wait for a key, so that a termination signal (or a terminal gone
/// without one) is seen quickly.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);
/// The most events read before they are handled (a huge paste without bracketed
/// paste support still gets drawn now and then).
const MAX_BATCH: usize = 4096;
/// The exit code when the terminal is found gone: that of a hang-up (128 + SIGHUP).
const DEAD_TERMINAL: u8 = 129;

pub fn run(ctx: &Context, target: Option<&str>, mine: bool) -> anyhow::Result<ExitCode> {
    // Everything that can fail before the terminal is taken fails here, readably.
    let mode = if ctx.read_only {
        OpenMode::ReadOnly
    } else {
        OpenMode::Create
    };
    let store = Store::open(&ctx.db, mode)?;
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let settings = Settings {
        lang: ctx.lang,
        today: ctx.today,
        today_overridden: ctx.today_overridden,
        due_soon_days: ctx.config.due_soon_days,
        db_label: super::db_label(store.path(), home.as_deref()),
        read_only: store.is_read_only(),
        utc_offset: *chrono::Local::now().offset(),
    };
    let theme = Theme::new(
        &ctx.config.colours,
        !no_color_requested(std::env::var_os("NO_COLOR")),
    );
    let mut loader = Runner::new(
        store,
        ctx.today,
        ctx.config.due_soon_days,
        ctx.who.clone(),
        ctx.lang,
    )
    .remembering(ctx.config.me.clone(), crate::config::default_config_path())
    .keeping_drafts_in(crate::config::drafts_dir());
    let signals = Signals::register().context("cannot watch for termination signals")?;

    let mut guard = Guard::enter(ctx.config.mouse).context("cannot set up the terminal")?;
    let term = &mut guard.terminal;
    let size = term.size()?;
    let mut model = Model::new(settings, theme, (size.width, size.height));
    // What the `[keys]` section could not use was said at start (`main`).
    model.keys = super::keybind::from_config(&ctx.config.keys, ctx.lang).0;
    model.mouse = ctx.config.mouse;
    // The first frame goes out before the first query.
    draw(term, &mut model)?;
    run_effects(
        &mut model,
        &mut loader,
        vec![Effect::Start {
            target: target.map(String::from),
        }],
    );
    if mine {
        dispatch(&mut model, &mut loader, Msg::GoMine);
    }

    let mut next_tick = Instant::now() + TICK;
    let mut clicks = Clicks::default();
    // What waits for the interface to be idle (the rest of a long list).
    let mut later: Vec<Effect> = Vec::new();
    loop {
        if model.dirty {
            draw(term, &mut model)?;
        }
        if model.quit {
            break;
        }
        if !later.is_empty() && !event::poll(Duration::ZERO).unwrap_or(true) {
            let effects = std::mem::take(&mut later);
            later = run_later(&mut model, &mut loader, effects);
            continue;
        }
        if let Some(sig) = signals.caught() {
            drop(guard);
            return Ok(ExitCode::from(128u8.saturating_add(sig as u8)));
        }
        let wait = next_tick
            .saturating_duration_since(Instant::now())
            .min(SIGNAL_CHECK);
        // Every event already waiting is read before any is handled, and before
        // the next frame: keys read together are a burst (a paste the terminal did
        // not mark as one), whose line breaks are text, not "save".
        let mut events = Vec::new();
        let mut ready = match event::poll(wait) {
            Ok(r) => r,
            Err(_) => return Ok(dead_terminal(guard)),
        };
        while ready && events.len() < MAX_BATCH {
            match event::read() {
                Ok(e) => events.push(e),
                Err(_) => return Ok(dead_terminal(guard)),
            }
            ready = event::poll(Duration::ZERO).unwrap_or(false);
        }
        if !ctx.config.mouse {
            // Mouse turned off: what a terminal sends unasked (capture left on by
            // another program) is not taken as clicks either.
            events.retain(|e| !matches!(e, Event::Mouse(_)));
        }
        if events.is_empty() && super::terminal::gone() {
            return Ok(dead_terminal(guard));
        }
        for msg in to_msgs_at(events, &mut clicks, Instant::now()) {
            let effects = update(&mut model, msg);
            if effects.iter().any(Effect::is_slow) {
                draw(term, &mut model)?;
            }
            later.extend(run_effects_now(&mut model, &mut loader, effects));
        }
        if Instant::now() >= next_tick {
            next_tick = Instant::now() + TICK;
            let effects = update(&mut model, Msg::Tick);
            later.extend(run_effects_now(&mut model, &mut loader, effects));
        }
    }
    drop(guard);
    Ok(ExitCode::SUCCESS)
}

/// The terminal went away without a signal (its input hung up, a read failed):
/// what was typed is already kept as a draft; give back what can be given back and
/// end as a hang-up does.
fn dead_terminal(guard: Guard) -> ExitCode {
    drop(guard);
    ExitCode::from(DEAD_TERMINAL)
}

/// The events read in one go, as messages. A paste marked by the terminal is one
/// text. An Enter read together with typed characters is the line break of text
/// arriving in one burst (a paste where bracketed paste is not supported), before,
/// inside or after the text: `Msg::BurstKey`, which a box takes as text and never
/// as "save", so that nothing of it is run as commands. A box's Enter saves only
/// when it is a key of its own; Tab and the other keys stay keys.
pub fn to_msgs(events: Vec<Event>) -> Vec<Msg> {
    to_msgs_at(events, &mut Clicks::default(), Instant::now())
}

/// As `to_msgs`, clicks counted against the ones before (`clicks`, kept by the
/// loop) and stamped at `at`: the time of a double click stays out of `update`.
pub fn to_msgs_at(events: Vec<Event>, clicks: &mut Clicks, at: Instant) -> Vec<Msg> {
    let keys: Vec<Option<KeyEvent>> = events
        .iter()
        .map(|e| match e {
            Event::Key(k) if k.kind != KeyEventKind::Release => Some(*k),
            _ => None,
        })
        .collect();
    let typed = keys.iter().flatten().any(|k| {
        matches!(k.code, KeyCode::Char(_))
            && !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    });
    events
        .into_iter()
        .filter_map(|e| match e {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let breaks = k.code == KeyCode::Enter && k.modifiers.is_empty();
                if breaks && typed {
                    Some(Msg::BurstKey(k))
                } else {
                    Some(Msg::Key(k))
                }
            }
            Event::Paste(text) => Some(Msg::Paste(text)),
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            Event::Mouse(e) => clicks.stamp(e, at).map(Msg::Mouse),
            _ => None,
        })
        .collect()
}

/// Feeds a message to `update`, then runs what it asks for.
pub fn dispatch(model: &mut Model, loader: &mut Runner, msg: Msg) {
    let effects = update(model, msg);
    run_effects(model, loader, effects);
}

/// Runs effects, feeding their answers back to `update`, until nothing is left to do
/// (the effects for later included: tests and scripts see the whole answer).
pub fn run_effects(model: &mut Model, loader: &mut Runner, effects: Vec<Effect>) {
    let mut later = run_effects_now(model, loader, effects);
    while !later.is_empty() {
        later = run_later(model, loader, later);
    }
}

/// Runs the effects left for later that still matter (the rest of a list still on
/// screen), with what their answers lead to; gives back what is left for later.
pub fn run_later(model: &mut Model, loader: &mut Runner, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue: VecDeque<Msg> = VecDeque::new();
    for e in effects {
        let wanted = match &e {
            Effect::LoadRest(place) => model.top().place == *place,
            _ => true,
        };
        if wanted {
            queue.extend(loader.run(e));
        }
    }
    settle(model, loader, queue)
}

/// Runs effects as `run_effects` does, but gives back those for later
/// (`Effect::is_later`) instead of running them: the program runs them once the
/// frame is drawn and no key is waiting.
pub fn run_effects_now(
    model: &mut Model,
    loader: &mut Runner,
    effects: Vec<Effect>,
) -> Vec<Effect> {
    let (later, now): (Vec<Effect>, Vec<Effect>) = effects.into_iter().partition(Effect::is_later);
    let mut queue: VecDeque<Msg> = VecDeque::new();
    for e in now {
        queue.extend(loader.run(e));
    }
    let mut later = later;
    later.extend(settle(model, loader, queue));
    later
}

/// Feeds answers to `update` and runs what it asks for, until nothing is left but
/// the effects for later, which it gives back.
fn settle(model: &mut Model, loader: &mut Runner, mut queue: VecDeque<Msg>) -> Vec<Effect> {
    let mut later = Vec::new();
    while let Some(msg) = queue.pop_front() {
        for effect in update(model, msg) {
            if effect.is_later() {
                later.push(effect);
            } else {
                queue.extend(loader.run(effect));
            }
        }
    }
    later
}

fn draw(term: &mut Term, model: &mut Model) -> anyhow::Result<()> {
    // One synchronized update per frame: the terminal shows it whole, never half.
    execute!(term.backend_mut(), BeginSynchronizedUpdate)?;
    let result = term.draw(|f| view(model, f)).map(|_| ());
    execute!(term.backend_mut(), EndSynchronizedUpdate)?;
    term.backend_mut().flush()?;
    result?;
    model.dirty = false;
    Ok(())
}
