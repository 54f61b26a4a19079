//! The command line: clap definitions, plain stdout/stderr, exit codes.
//!
//! Exit status: 0 on success, 1 on an error (printed to stderr with what to
//! do), 2 on a usage error (clap's own).

mod copies;
mod folders;
mod plans;
mod sessions;
mod widths;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
use unicode_width::UnicodeWidthStr;

use crate::catalog::{Catalog, GuideSource, LoadedGuide, read_guide_file};
use crate::guide::Guide;
use crate::guide::parse::{Diagnostic, Parsed, parse_guide_bytes};
use crate::i18n::{Lang, Texts};
use crate::paths;
use crate::report::{Format, PrivateNotes, ReportOptions};
use crate::trajectory::resolve_steps;

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
        guide: String,
        /// The client (school, teacher, team): fills in the client field.
        #[arg(long)]
        client: Option<String>,
    },
    /// Continue an unfinished session (the newest one if none is named).
    Resume {
        /// A session file, or a unique prefix of its name.
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
        /// Only sessions whose text contains this (case-insensitive).
        #[arg(long)]
        search: Option<String>,
    },
    /// A session as plain text.
    Show {
        /// A session file, or a unique prefix of its name.
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
        session: String,
        /// The report format.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write to this file, or into this folder under a name made from
        /// the date, the guide and the client (Markdown goes to standard
        /// output without it, a Word document into the current folder).
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
        session: String,
        /// Do not ask (for scripts).
        #[arg(long)]
        yes: bool,
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
    let lang = cli.lang.or_else(Lang::from_env).unwrap_or_default();
    let texts = lang.texts();
    let dirs = cli.guide_dirs();
    if let Some(why) = folders::refuse(&cli, texts) {
        return sessions::fail(why);
    }
    match &cli.command {
        None => sessions::run_tui(&cli, lang, sessions::StartArg::Home),
        Some(command) => match command {
            Command::Guides => guides(texts, &dirs),
            Command::Check { files } => check(texts, &dirs, files),
            Command::Start { guide, client } => sessions::run_tui(
                &cli,
                lang,
                sessions::StartArg::Guide {
                    id: guide.clone(),
                    client: client.clone(),
                },
            ),
            Command::Resume { session } => {
                sessions::run_tui(&cli, lang, sessions::StartArg::Resume(session.clone()))
            }
            Command::Sessions {
                client,
                guide,
                search,
            } => sessions::sessions(
                &cli,
                texts,
                sessions::SessionFilter {
                    client: client.as_deref(),
                    guide: guide.as_deref(),
                    search: search.as_deref(),
                },
            ),
            Command::Show { session, private } => sessions::show(&cli, texts, session, *private),
            Command::Export {
                session,
                format,
                output,
                force,
                timing,
                questions,
                private,
            } => sessions::export(
                &cli,
                texts,
                sessions::ExportArgs {
                    session,
                    format: (*format).into(),
                    out: output.as_ref(),
                    force: *force,
                    options: export_options(*timing, *questions, *private),
                },
            ),
            Command::Delete { session, yes } => sessions::delete(&cli, texts, session, *yes),
            Command::Plan {
                trajectory,
                client,
                start,
            } => plans::plan(
                &cli,
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
                plans::plans(&cli, texts, action)
            }
        },
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
        println!("{}", t.cli.no_guides);
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
        print!("{}", table(&rows));
    }
    if !catalog.errors.is_empty() {
        eprintln!("{}", (t.cli.broken_guides)(catalog.errors.len()));
        for e in &catalog.errors {
            eprintln!("{e}");
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

/// Rows as left-aligned columns two spaces apart (by display width).
fn table(rows: &[Vec<String>]) -> String {
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
    for row in rows {
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

/// `leidraad check [FILE...]`: every diagnostic on stderr, exit 1 on any error.
fn check(t: &Texts, dirs: &[PathBuf], files: &[PathBuf]) -> i32 {
    let (checked, errors, warnings) = if files.is_empty() {
        let catalog = Catalog::load(dirs);
        let warnings: Vec<Diagnostic> = catalog.warnings().cloned().collect();
        (catalog.guides.len(), catalog.errors, warnings)
    } else {
        check_files(dirs, files)
    };
    for w in &warnings {
        eprintln!("{}", w.as_warning());
    }
    for e in &errors {
        eprintln!("{e}");
    }
    if errors.is_empty() {
        println!("{}", (t.cli.check_ok)(checked, warnings.len()));
        0
    } else {
        eprintln!("{}", (t.cli.check_failed)(errors.len(), warnings.len()));
        1
    }
}

/// Check the named files; trajectories resolve against the named files'
/// conversations first, then the loaded guides. Returns (files, errors, warnings).
fn check_files(dirs: &[PathBuf], files: &[PathBuf]) -> (usize, Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut parsed: Vec<(String, Parsed)> = Vec::new();
    for path in files {
        let name = path.display().to_string();
        match read_guide_file(&name, path) {
            Ok(bytes) => match parse_guide_bytes(&name, &bytes) {
                Ok(p) => parsed.push((name, p)),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(e),
        }
    }
    let catalog = Catalog::load(dirs);
    let named: Vec<Guide> = parsed.iter().map(|(_, p)| p.guide.clone()).collect();
    let mut warnings = Vec::new();
    for (name, p) in &mut parsed {
        warnings.append(&mut p.warnings);
        if let Guide::Trajectory(tr) = &mut p.guide {
            let lookup = |id: &str| {
                named
                    .iter()
                    .find(|g| g.id() == id)
                    .or_else(|| catalog.get(id).map(|g| &g.guide))
            };
            errors.append(&mut resolve_steps(tr, name, &p.step_at, lookup));
        }
    }
    errors.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    (files.len(), errors, warnings)
}
