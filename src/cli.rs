//! The command line: clap definitions, plain stdout/stderr, exit codes.
//!
//! Exit status: 0 on success, 1 on an error (printed to stderr with what to
//! do), 2 on a usage error (clap's own).

mod check;
mod config;
mod copies;
mod folders;
pub mod help;
mod man;
mod out;
mod plans;
mod sessions;
mod shell;
mod usage;
mod usage_line;
mod widths;

use std::path::PathBuf;

use clap::{FromArgMatches, Parser, Subcommand};
use unicode_width::UnicodeWidthStr;

use crate::catalog::{Catalog, GuideSource, LoadedGuide};
use crate::config::{Config, Flags};
use crate::guide::Guide;
use crate::i18n::{Lang, Texts};
use crate::paths;
use crate::report::{Format, PrivateNotes, ReportOptions};

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
    /// The settings in force: the flags above, the environment and
    /// `config.toml` (resolved by `run`, not by clap).
    #[arg(skip)]
    pub config: Config,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Table of the available guides and where each comes from.
    Guides,
    /// Validate guide files (all loaded guides when none are named).
    Check {
        /// Guide files to check.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Go straight to the preparation of a conversation guide.
    Start {
        /// The guide's id (see `leidraad guides`).
        #[arg(add = shell::guides(true))]
        guide: String,
        /// The client (school, teacher, team): fills in the client field.
        #[arg(long)]
        client: Option<String>,
    },
    /// Continue an unfinished session (the newest one if none is named).
    Resume {
        /// A session file, or a unique prefix of its name.
        #[arg(add = shell::sessions())]
        session: Option<String>,
    },
    /// Table of the sessions, newest first.
    Sessions {
        /// Only sessions whose client contains this text.
        #[arg(long)]
        client: Option<String>,
        /// Only sessions held with this guide id.
        #[arg(long)]
        guide: Option<String>,
        /// Only sessions whose text holds all words of this ("a phrase" in
        /// quotes as one; case and accents do not count; private notes too).
        #[arg(long)]
        search: Option<String>,
    },
    /// A session as plain text.
    Show {
        /// A session file, or a unique prefix of its name.
        #[arg(add = shell::sessions())]
        session: String,
        /// Include the private notes.
        #[arg(long)]
        private: bool,
    },
    /// A session as a report for the school: Markdown or a Word document.
    /// What was said, without times, questions or private notes unless
    /// asked for.
    Export {
        /// A session file, or a unique prefix of its name.
        #[arg(add = shell::sessions())]
        session: String,
        /// The report format (default: `export_format` in config.toml, else md).
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to this file, or into this folder under a name made from
        /// the date, the guide and the client (Markdown goes to standard
        /// output without it, a Word document into `export_dir` of
        /// config.toml, else the current folder).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file given with -o when it exists.
        #[arg(long)]
        force: bool,
        /// Include status and the planned and actual minutes per phase.
        #[arg(long)]
        timing: bool,
        /// Include the questions marked asked.
        #[arg(long)]
        questions: bool,
        /// Include the private notes (they are left out by default).
        #[arg(long)]
        private: bool,
    },
    /// Plan a trajectory for a client from a start date: every step with
    /// its date, kept as a plan in the data folder.
    Plan {
        /// The trajectory's id (see `leidraad guides`).
        #[arg(add = shell::guides(false))]
        trajectory: String,
        /// The client (school, teacher, team).
        #[arg(long)]
        client: String,
        /// The start date, week 1: 2026-09-07 or 07-09-2026.
        #[arg(long, value_name = "DATE")]
        start: String,
    },
    /// The active plans: client, trajectory, the next step and its date,
    /// overdue ones first.
    Plans {
        /// Every plan with every step, its date and state, as JSON.
        #[arg(long, conflicts_with_all = ["ics", "archive"])]
        json: bool,
        /// Write the open steps of the active plans to this iCalendar file.
        #[arg(long, value_name = "FILE", conflicts_with = "archive")]
        ics: Option<PathBuf>,
        /// Archive a finished plan (its file name, or the start of it).
        #[arg(long, value_name = "PLAN")]
        archive: Option<String>,
    },
    /// Remove a session and every file that belongs to it.
    Delete {
        /// A session file, or a unique prefix of its name.
        #[arg(add = shell::sessions())]
        session: String,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
    },
    /// The settings in force and where each came from (option,
    /// environment, config.toml, default), and the folders and files in use.
    Config {
        /// Open config.toml in $VISUAL or $EDITOR (a commented template is
        /// made first when there is none).
        #[arg(long)]
        edit: bool,
    },
    /// A shell's completion script, for its start-up file: `source
    /// <(leidraad completions bash)`. Session names complete too.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: shell::ShellName,
    },
    /// The manual page (roff) on standard output, or with --dir a page for
    /// leidraad and for each command in that folder.
    Man {
        /// Write leidraad.1 and leidraad-COMMAND.1 into this folder.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Report formats of `leidraad export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown.
    Md,
    /// A Word document.
    Docx,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Docx => Format::Docx,
        }
    }
}

/// What `leidraad export` puts in besides what was said, by its flags.
fn export_options(timing: bool, questions: bool, private: bool) -> ReportOptions {
    ReportOptions {
        timing,
        questions,
        private: if private {
            PrivateNotes::Include
        } else {
            PrivateNotes::Omit
        },
        all_phases: false,
    }
}

/// Run the command line; returns the exit status. A shell asking for
/// completions (see `leidraad completions`) is answered first.
pub fn main() -> i32 {
    if let Some(status) = shell::complete_if_asked() {
        return status;
    }
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::language(&args);
    let parsed = help::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            match usage::say(&e, lang) {
                Some(said) => out::eprintln(&said),
                None => {
                    let _ = e.print();
                }
            }
            return e.exit_code();
        }
    };
    let lang = cli.lang;
    let status = run(cli);
    match out::write_failure() {
        // The command did not say everything it had to: not a success.
        Some(why) => {
            let t = cli_lang(lang).texts();
            out::eprintln(&format!("leidraad: {}", (t.cli.output_failed)(why)));
            status.max(1)
        }
        None => status,
    }
}

/// The language of a message after the command ran.
fn cli_lang(flag: Option<Lang>) -> Lang {
    Config::load(&Flags {
        lang: flag,
        data_dir: None,
    })
    .lang
    .value
}

fn run(mut cli: Cli) -> i32 {
    cli.config = Config::load(&Flags {
        lang: cli.lang,
        data_dir: cli.data_dir.clone(),
    });
    let lang = cli.config.lang.value;
    let quiet = matches!(
        cli.command,
        Some(Command::Config { .. } | Command::Completions { .. } | Command::Man { .. })
    );
    if !quiet {
        config::warn(&cli.config);
    }
    if let Some(why) = folders::refuse(&cli, lang.texts()) {
        return sessions::fail(why);
    }
    match &cli.command {
        None => sessions::run_tui(&cli, lang, sessions::StartArg::Home),
        Some(command) => dispatch(&cli, command),
    }
}

/// Carry out a command, with the settings in `cli.config`.
fn dispatch(cli: &Cli, command: &Command) -> i32 {
    let lang = cli.config.lang.value;
    let texts = lang.texts();
    let dirs = cli.guide_dirs();
    match command {
        Command::Guides => guides(texts, &dirs),
        Command::Check { files } => check::check(texts, &dirs, files),
        Command::Start { guide, client } => sessions::run_tui(
            cli,
            lang,
            sessions::StartArg::Guide {
                id: guide.clone(),
                client: client.clone(),
            },
        ),
        Command::Resume { session } => {
            sessions::run_tui(cli, lang, sessions::StartArg::Resume(session.clone()))
        }
        Command::Sessions {
            client,
            guide,
            search,
        } => sessions::sessions(
            cli,
            texts,
            sessions::SessionFilter {
                client: client.as_deref(),
                guide: guide.as_deref(),
                search: search.as_deref(),
            },
        ),
        Command::Show { session, private } => sessions::show(cli, texts, session, *private),
        Command::Export {
            session,
            format,
            output,
            force,
            timing,
            questions,
            private,
        } => sessions::export(
            cli,
            texts,
            sessions::ExportArgs {
                session,
                format: format.map_or(cli.config.export_format.value, Into::into),
                out: output.as_ref(),
                force: *force,
                options: export_options(*timing, *questions, *private),
            },
        ),
        Command::Delete { session, yes } => sessions::delete(cli, texts, session, *yes),
        Command::Plan {
            trajectory,
            client,
            start,
        } => plans::plan(
            cli,
            texts,
            plans::PlanArgs {
                trajectory,
                client,
                start,
            },
        ),
        Command::Plans { json, ics, archive } => {
            let action = match (json, ics, archive) {
                (_, _, Some(plan)) => plans::PlansAction::Archive(plan),
                (_, Some(file), None) => plans::PlansAction::Ics(file),
                (true, None, None) => plans::PlansAction::Json,
                (false, None, None) => plans::PlansAction::Table,
            };
            plans::plans(cli, texts, action)
        }
        Command::Config { edit: false } => config::show(cli),
        Command::Config { edit: true } => config::edit(&cli.config),
        Command::Completions { shell } => shell::completions(*shell),
        Command::Man { dir } => man::man(lang, dir.as_deref()),
    }
}

impl Cli {
    /// The user guide folders in load order.
    pub fn guide_dirs(&self) -> Vec<PathBuf> {
        paths::guide_dirs(&self.guides_dir)
    }
}

/// `leidraad guides`: the table on stdout, broken guides on stderr.
fn guides(t: &Texts, dirs: &[PathBuf]) -> i32 {
    let catalog = Catalog::load(dirs);
    if catalog.guides.is_empty() {
        out::println(t.cli.no_guides);
    } else {
        let mut rows = vec![
            [
                t.cli.col_id,
                t.cli.col_kind,
                t.cli.col_title,
                t.cli.col_minutes,
                t.cli.col_parts,
                t.cli.col_source,
            ]
            .map(str::to_string)
            .to_vec(),
        ];
        rows.extend(catalog.guides.iter().map(|g| guide_row(t, g)));
        out::print(&table(&rows));
    }
    if !catalog.errors.is_empty() {
        out::eprintln(&(t.cli.broken_guides)(catalog.errors.len()));
        for e in &catalog.errors {
            out::eprintln(&check::say(t, e, None, false));
        }
    }
    0
}

/// One row of the guides table.
fn guide_row(t: &Texts, g: &LoadedGuide) -> Vec<String> {
    let (kind, minutes, parts) = match &g.guide {
        Guide::Conversation(c) => (t.cli.conversation, c.minutes.to_string(), c.phases.len()),
        Guide::Trajectory(tr) => (t.cli.trajectory, "-".to_string(), tr.steps.len()),
    };
    let mut source = match &g.source {
        GuideSource::Bundled(_) => t.cli.bundled.to_string(),
        GuideSource::File(path) => path.display().to_string(),
    };
    if g.replaces_bundled {
        source = format!("{source} {}", t.cli.replaces_bundled);
    }
    vec![
        g.guide.id().to_string(),
        kind.to_string(),
        g.guide.title().to_string(),
        minutes,
        parts.to_string(),
        source,
    ]
}

/// Rows as left-aligned columns two spaces apart (by display width), each
/// cell on one line with what a terminal would act on made visible.
fn table(rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| out::visible_line(c).into_owned())
                .collect()
        })
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
