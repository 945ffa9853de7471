//! Jalon: follow territorial health action plans from the terminal.

#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod domain;
pub mod i18n;
pub mod interchange;
pub mod outfile;
pub mod present;
pub mod store;
pub mod text;
pub mod tui;
