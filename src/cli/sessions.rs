//! Session commands: the TUI (`leidraad`, `start`, `resume`) and `sessions`,
//! `show`, `export`, `delete`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::guide::Guide;
use crate::i18n::{Lang, Texts};
use crate::paths;
use crate::report::{self, Format, PrivateNotes, ReportOptions, Target, WriteError};
use crate::session::{Session, Status};
use crate::store::{DeleteError, Listed, SessionQuery, SessionStore, StaleTemps, file_name};
use crate::tui::{self, Start, TuiContext, app::GuideEntry};

use super::Cli;

/// Print a user error and return exit status 1.
pub fn fail(message: impl std::fmt::Display) -> i32 {
    // Not eprintln!: stderr may be a terminal that is gone.
    super::out::eprintln(&format!("leidraad: {message:#}"));
    1
}

/// The data folder, opened (created 0700 when missing).
pub fn open_store(cli: &Cli, t: &Texts) -> Result<SessionStore, String> {
    open_store_with(cli, t, StaleTemps::Remove)
}

/// [`open_store`], the stale temporary files removed now or later (the
/// TUI: by its first listing, off the UI thread).
fn open_store_with(cli: &Cli, t: &Texts, temps: StaleTemps) -> Result<SessionStore, String> {
    let Some(dir) = cli.config.data_dir.as_ref().map(|d| d.value.clone()) else {
        return Err(t.cli.no_data_dir.to_string());
    };
    let opened = SessionStore::open_at(&dir, paths::index_file(&dir), temps);
    opened.map_err(|e| (t.cli.data_dir_failed)(&dir.display().to_string(), &e.to_string()))
}

/// How `run_tui` should open.
pub enum StartArg {
    Home,
    Guide { id: String, client: Option<String> },
    Resume(Option<String>),
}

/// Start the TUI.
pub fn run_tui(cli: &Cli, lang: Lang, start: StartArg) -> i32 {
    let t = lang.texts();
    let catalog = Catalog::load(&cli.guide_dirs());
    let store = match open_store_with(cli, t, StaleTemps::Later) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let start = match start {
        StartArg::Home => Start::Home,
        StartArg::Guide { id, client } => match catalog.get(&id).map(|g| &g.guide) {
            Some(Guide::Conversation(c)) => Start::Guide {
                guide: Box::new(c.clone()),
                client,
            },
            Some(Guide::Trajectory(_)) => return fail((t.cli.start_trajectory)(&id)),
            None => return fail((t.cli.unknown_guide)(&id, &conversation_ids(&catalog))),
        },
        StartArg::Resume(arg) => match resume_path(&store, arg.as_deref(), t) {
            Ok(p) => Start::Resume(p),
            Err(e) => return fail(e),
        },
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return fail(t.cli.needs_terminal);
    }
    let guides = catalog
        .guides
        .iter()
        .map(|g| GuideEntry::from_loaded(g, t.cli.bundled))
        .collect();
    let ctx = TuiContext {
        settings: cli.config.settings(),
        guides,
        broken_guides: catalog.errors.len(),
        store,
        clock: crate::clock::from_env(),
        start,
    };
    match tui::run(ctx) {
        Ok(()) => 0,
        Err(e) => fail(format!("{e:#}")),
    }
}

fn conversation_ids(catalog: &Catalog) -> String {
    catalog
        .guides
        .iter()
        .filter(|g| g.guide.as_conversation().is_some())
        .map(|g| g.guide.id().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The session to resume: the named one, or the newest unfinished one.
fn resume_path(store: &SessionStore, arg: Option<&str>, t: &Texts) -> Result<PathBuf, String> {
    if let Some(arg) = arg {
        return store.resolve(arg).map_err(|e| e.message(t));
    }
    let unfinished = store
        .find(&SessionQuery::all().unfinished())
        .map_err(|e| e.to_string())?;
    unfinished
        .into_iter()
        .find_map(|l| match l {
            Listed::Session(h) => Some(h.path),
            Listed::Damaged(_) => None,
        })
        .ok_or_else(|| t.cli.nothing_to_resume.to_string())
}

/// Filters of `leidraad sessions`.
pub struct SessionFilter<'a> {
    pub client: Option<&'a str>,
    pub guide: Option<&'a str>,
    pub search: Option<&'a str>,
}

impl SessionFilter<'_> {
    /// The question these filters ask of the store.
    fn query(&self) -> SessionQuery {
        let mut query = SessionQuery::all();
        if let Some(part) = self.client {
            query = query.client_contains(part);
        }
        if let Some(id) = self.guide {
            query = query.guide(id);
        }
        if let Some(text) = self.search {
            query = query.with_text(text);
        }
        query
    }
}

/// `leidraad sessions`: a table of the sessions, newest first. With
/// `--search` the sessions are those the history's search finds (every
/// word, case and accents not counted, private notes too), so the command
/// line and the app find the same.
pub fn sessions(cli: &Cli, t: &Texts, filter: SessionFilter) -> i32 {
    let store = match open_store(cli, t) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let query = filter.query();
    let list = if filter.search.is_some() {
        store.search(&query).map(|hits| {
            hits.into_iter()
                .map(|hit| Listed::Session(hit.header))
                .collect()
        })
    } else {
        store.find(&query)
    };
    let list = match list {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let mut rows = vec![vec![
        t.cli.col_session.to_string(),
        t.cli.col_date.to_string(),
        t.cli.col_guide.to_string(),
        t.cli.col_client.to_string(),
        t.cli.col_status.to_string(),
    ]];
    for entry in list {
        match entry {
            Listed::Session(h) => {
                let status = match (&h.damage, h.status) {
                    // Its header reads, the rest does not: it cannot be
                    // shown or continued, and says so here already.
                    (Some(reason), _) => (t.cli.damaged)(&reason.message_in(&h.file_name, t)),
                    (None, Status::InProgress) if h.started.is_none() => {
                        t.cli.preparing.to_string()
                    }
                    (None, Status::InProgress) => t.cli.in_progress.to_string(),
                    (None, Status::Finished) => t.cli.finished.to_string(),
                };
                rows.push(vec![
                    h.file_name.clone(),
                    h.created.format("%Y-%m-%d %H:%M").to_string(),
                    h.guide_id.clone(),
                    h.client.clone(),
                    status,
                ]);
            }
            Listed::Damaged(d) => {
                rows.push(vec![
                    d.file_name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    (t.cli.damaged)(&d.reason.message_in(&d.file_name, t)),
                ]);
            }
        }
    }
    if rows.len() == 1 {
        super::out::println(t.cli.no_sessions);
    } else {
        super::out::print(&super::table(&super::widths::capped(&rows)));
    }
    super::copies::print_copies(t);
    0
}

/// The session a report is made of, loaded; on an error, the exit status.
/// Says on stderr when the session is open in another window.
fn load_for_report(cli: &Cli, t: &Texts, arg: &str) -> Result<Session, i32> {
    let store = open_store(cli, t).map_err(fail)?;
    let path = store.resolve(arg).map_err(|e| fail(e.message(t)))?;
    let session = store.load(&path).map_err(|e| fail(e.message(t)))?;
    // Open in a window: reading takes no lock and writes nothing, so the
    // report is the last saved version; say so on stderr (stdout stays
    // the report alone, for scripts).
    if store.is_locked(&path) {
        super::out::eprintln(&(t.cli.show_open_elsewhere)(&file_name(&path)));
    }
    Ok(session)
}

/// `leidraad show`: the complete report as plain text, the private notes
/// only with `--private`.
pub fn show(cli: &Cli, t: &Texts, arg: &str, private: bool) -> i32 {
    let session = match load_for_report(cli, t, arg) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let private = if private {
        PrivateNotes::Include
    } else {
        PrivateNotes::Omit
    };
    super::out::print(&report::plain(&session, t, private));
    0
}

/// What `leidraad export` writes, and where.
pub struct ExportArgs<'a> {
    pub session: &'a str,
    pub format: Format,
    pub out: Option<&'a PathBuf>,
    pub force: bool,
    pub options: ReportOptions,
}

/// `leidraad export`: Markdown on stdout, or a report written to a file
/// or into a folder (a Word report without `-o`: the current folder).
pub fn export(cli: &Cli, t: &Texts, args: ExportArgs) -> i32 {
    let session = match load_for_report(cli, t, args.session) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let target = match args.out {
        None if args.format == Format::Markdown => {
            super::out::print(&report::markdown(&session, t, &args.options));
            return 0;
        }
        None => Target::Folder(
            cli.config
                .export_dir
                .value
                .clone()
                .unwrap_or_else(|| PathBuf::from(".")),
        ),
        // A folder itself, or a name that ends in a slash; a symlink to a
        // folder is not taken as one (it would be followed).
        Some(path) if is_folder(path) => Target::Folder(path.clone()),
        Some(path) => Target::File {
            path: path.clone(),
            replace: args.force,
        },
    };
    match report::write(&session, t, &args.options, args.format, &target) {
        Ok(path) => {
            super::out::eprintln(&(t.cli.written)(&path.display().to_string()));
            0
        }
        Err(e @ WriteError::Exists(_)) => fail(format!("{} {}", e.message(t), t.cli.export_force)),
        Err(e) => fail(e.message(t)),
    }
}

/// Whether `-o` names a folder: one that is there (not through a
/// symlink), or a name that ends in `/`.
fn is_folder(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|m| m.is_dir())
        || path.as_os_str().to_string_lossy().ends_with('/')
}

/// `leidraad delete`: asks unless `--yes`.
pub fn delete(cli: &Cli, t: &Texts, arg: &str, yes: bool) -> i32 {
    let store = match open_store(cli, t) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let path = match store.resolve(arg) {
        Ok(p) => p,
        Err(e) => return fail(e.message(t)),
    };
    let name = file_name(&path);
    // Before asking: no point in a question that cannot be carried out.
    if store.is_locked(&path) {
        return fail((t.cli.delete_open_elsewhere)(&name));
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            return fail(t.cli.delete_needs_yes);
        }
        super::out::eprint(&(t.cli.delete_ask)(&name));
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(
            answer.trim().to_lowercase().as_str(),
            "y" | "j" | "ja" | "yes"
        ) {
            super::out::eprintln(t.cli.delete_kept);
            return 1;
        }
    }
    match store.delete(&path) {
        Ok(()) => {
            super::out::println(&(t.cli.deleted)(&name));
            0
        }
        Err(DeleteError::Locked(_)) => fail((t.cli.delete_open_elsewhere)(&name)),
        Err(e) => fail(e.message(t)),
    }
}
