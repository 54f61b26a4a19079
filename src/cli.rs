//! The command line: clap definitions, plain stdout/stderr, exit codes.
//!
//! Exit status: 0 on success, 1 on an error (printed to stderr with what to
//! do), 2 on a usage error (clap's own).

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// leidraad: walk through a structured conversation, phase by phase.
#[derive(Debug, Parser)]
#[command(name = "leidraad", version, about, long_about = None)]
pub struct Cli {
    /// Folder for session files (default: the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Extra folder with guide files (repeatable).
    #[arg(long, global = true, value_name = "DIR")]
    pub guides_dir: Vec<PathBuf>,
    /// Language of the interface.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {}

/// Run the command line; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    run(cli)
}

fn run(cli: Cli) -> i32 {
    match cli.command {
        None => 0,
        Some(command) => match command {},
    }
}
