//! The home screen: unfinished sessions to resume at the top, then the
//! guides; the selected one's details on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::block;
use super::prepare::PrepareState;
use std::path::PathBuf;

use crate::guide::{Conversation, Guide};
use crate::session::Timestamp;
use crate::tui::app::{Effect, Go, Severity, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::screens::Screen;
use crate::tui::theme::{Role, style};

/// A guide as the home screen lists it.
#[derive(Debug, Clone)]
pub struct GuideEntry {
    pub guide: Guide,
    /// "bundled" or the file's path.
    pub source: String,
    pub replaces_bundled: bool,
}

impl GuideEntry {
    /// The home screen's entry for a loaded guide; bundled guides show
    /// `bundled` (in the UI language) as their source.
    pub fn from_loaded(g: &crate::catalog::LoadedGuide, bundled: &str) -> GuideEntry {
        GuideEntry {
            guide: g.guide.clone(),
            source: match &g.source {
                crate::catalog::GuideSource::Bundled(_) => bundled.to_string(),
                crate::catalog::GuideSource::File(p) => p.display().to_string(),
            },
            replaces_bundled: g.replaces_bundled,
        }
    }
}

/// An unfinished session that can be resumed, as the home screen lists it.
#[derive(Debug, Clone)]
pub struct ResumeEntry {
    pub path: PathBuf,
    pub file_name: String,
    pub title: String,
    pub client: String,
    pub created: Timestamp,
    /// A rescue copy from a crash exists; resuming restores it.
    pub rescued: bool,
    /// The conversation has not started: resuming opens the preparation.
    pub preparing: bool,
}

/// What a row of the home list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Resume(usize),
    Guide(usize),
    /// A step of the opened trajectory: (guide index, step index).
    Step(usize, usize),
}

/// State of the home screen: the guides, the unfinished sessions, and
/// where the user is in their list.
#[derive(Debug, Clone)]
pub struct HomeState {
    pub guides: Vec<GuideEntry>,
    /// Guide files that failed to load (see `leidraad check`).
    pub broken_guides: usize,
    /// The unfinished sessions, newest first (filled in once listed).
    pub resumable: Vec<ResumeEntry>,
    /// Selected row (resumable sessions, then guides).
    pub selected: usize,
    /// The trajectory whose steps are shown.
    pub expanded: Option<usize>,
}

impl HomeState {
    /// The home screen with these guides and no sessions listed yet.
    pub fn new(guides: Vec<GuideEntry>, broken_guides: usize) -> HomeState {
        HomeState {
            guides,
            broken_guides,
            resumable: Vec::new(),
            selected: 0,
            expanded: None,
        }
    }

    /// The rows in display order: unfinished sessions, the conversations
    /// that belong to no trajectory, then the trajectories (an opened one
    /// shows its steps, whose conversations are started from there).
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = (0..self.resumable.len()).map(Row::Resume).collect();
        let in_trajectory = |id: &str| {
            self.guides.iter().any(|g| {
                g.guide
                    .as_trajectory()
                    .is_some_and(|t| t.steps.iter().any(|s| s.guide == id))
            })
        };
        for (g, entry) in self.guides.iter().enumerate() {
            if let Guide::Conversation(c) = &entry.guide
                && !in_trajectory(&c.id)
            {
                rows.push(Row::Guide(g));
            }
        }
        for (g, entry) in self.guides.iter().enumerate() {
            let Some(tr) = entry.guide.as_trajectory() else {
                continue;
            };
            rows.push(Row::Guide(g));
            if self.expanded == Some(g) {
                rows.extend((0..tr.steps.len()).map(|s| Row::Step(g, s)));
            }
        }
        rows
    }

    /// The newest list of unfinished sessions; the selection stays in it.
    pub fn set_resumable(&mut self, list: Vec<ResumeEntry>) {
        self.resumable = list;
        let rows = self.rows().len();
        self.selected = self.selected.min(rows.saturating_sub(1));
    }

    /// The conversation guide with this id.
    fn conversation(&self, id: &str) -> Option<&Conversation> {
        self.guides
            .iter()
            .find_map(|g| g.guide.as_conversation().filter(|c| c.id == id))
    }

    /// The id of the guide a trajectory's step holds.
    fn step_guide(&self, g: usize, s: usize) -> String {
        self.guides[g]
            .guide
            .as_trajectory()
            .and_then(|t| t.steps.get(s))
            .map(|st| st.guide.clone())
            .unwrap_or_default()
    }

    /// Handle a key on the home screen.
    pub fn on_action(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        _now: Timestamp,
    ) -> Update {
        let rows = self.rows();
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => {
                self.selected = (self.selected + 1).min(rows.len().saturating_sub(1))
            }
            Some(Action::Enter) => return self.enter(shell, rows.get(self.selected).copied()),
            Some(Action::Quit) => return Update::effects(vec![Effect::Quit]),
            _ => {}
        }
        Update::stay()
    }

    /// Enter on a row: resume a session, prepare a conversation, open or
    /// close a trajectory.
    fn enter(&mut self, shell: &mut Shell, row: Option<Row>) -> Update {
        let guide = match row {
            Some(Row::Resume(i)) => {
                shell.status = None;
                return Update::effects(vec![Effect::Resume(self.resumable[i].path.clone())]);
            }
            Some(Row::Guide(i)) => match &self.guides[i].guide {
                Guide::Conversation(c) => c.clone(),
                Guide::Trajectory(_) => {
                    self.expanded = if self.expanded == Some(i) {
                        None
                    } else {
                        Some(i)
                    };
                    return Update::stay();
                }
            },
            Some(Row::Step(g, s)) => {
                let id = self.step_guide(g, s);
                match self.conversation(&id) {
                    Some(c) => c.clone(),
                    None => {
                        shell.say(
                            (shell.texts().home.step_guide_missing)(&id),
                            Severity::Error,
                        );
                        return Update::stay();
                    }
                }
            }
            None => return Update::stay(),
        };
        shell.status = None;
        let prep = PrepareState::new(&guide, None, Vec::new());
        Update::go(Go::To(Screen::Prepare(Box::new(prep))))
    }

    /// Draw the home screen: the list on the left, the selected row's
    /// details on the right.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let [list_area, detail_area] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        let rows = self.rows();
        self.render_list(shell, &rows, frame, list_area);
        let mut detail = match rows.get(self.selected) {
            Some(Row::Guide(g)) => self.guide_detail(shell, *g),
            Some(Row::Step(g, s)) => {
                let id = self.step_guide(*g, *s);
                match self.guide_index(&id) {
                    Some(i) => self.guide_detail(shell, i),
                    None => Vec::new(),
                }
            }
            Some(Row::Resume(r)) => resume_detail(shell, &self.resumable[*r]),
            None => Vec::new(),
        };
        if self.broken_guides > 0 {
            detail.push(Line::raw(""));
            detail.push(Line::from(Span::styled(
                (shell.texts().home.broken_guides)(self.broken_guides),
                style(shell, Role::Warning),
            )));
        }
        frame.render_widget(
            Paragraph::new(detail)
                .wrap(Wrap { trim: false })
                .block(block(shell, "", false)),
            detail_area,
        );
    }

    /// The list of rows, under a heading per section.
    fn render_list(&self, shell: &Shell, rows: &[Row], frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let mut items = Vec::new();
        let mut selected_item = None;
        let mut last_section = None;
        for (i, row) in rows.iter().enumerate() {
            let section = match row {
                Row::Resume(_) => 0,
                Row::Guide(g) if self.guides[*g].guide.as_conversation().is_some() => 1,
                Row::Guide(_) | Row::Step(..) => 2,
            };
            if last_section != Some(section) {
                let heading = [t.home.resume, t.home.conversations, t.home.trajectories][section];
                items.push(ListItem::new(Line::from(Span::styled(
                    heading,
                    style(shell, Role::Title),
                ))));
                last_section = Some(section);
            }
            if i == self.selected {
                selected_item = Some(items.len());
            }
            items.push(ListItem::new(self.row_line(shell, *row)));
        }
        if rows.is_empty() {
            items.push(ListItem::new(t.home.no_guides));
        }
        let mut state = ListState::default().with_selected(selected_item);
        let list = List::new(items)
            .block(block(shell, format!(" {} ", t.common.app_name), true))
            .highlight_style(style(shell, Role::Selected));
        frame.render_stateful_widget(list, area, &mut state);
    }

    /// One row of the list.
    fn row_line(&self, shell: &Shell, row: Row) -> Line<'static> {
        let t = shell.texts();
        match row {
            Row::Resume(r) => {
                let e = &self.resumable[r];
                let when = e.created.format("%d-%m %H:%M");
                let client = if e.client.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", e.client)
                };
                let rescued = if e.rescued { t.home.rescued } else { "" };
                let preparing = if e.preparing { t.home.preparing } else { "" };
                // The marks come first: a long row is cut at its end.
                Line::raw(format!(
                    "  ▸ {rescued}{preparing}{}{client} ({when})",
                    e.title
                ))
            }
            Row::Guide(g) => {
                let entry = &self.guides[g];
                let mins = match &entry.guide {
                    Guide::Conversation(c) => format!("{} {}", c.minutes, t.common.minutes_short),
                    Guide::Trajectory(tr) => format!("{} {}", tr.steps.len(), t.home.steps_short),
                };
                let mark = if entry.replaces_bundled { " *" } else { "" };
                let open = match (&entry.guide, self.expanded == Some(g)) {
                    (Guide::Trajectory(_), true) => "▾ ",
                    (Guide::Trajectory(_), false) => "▸ ",
                    _ => "",
                };
                Line::raw(format!("  {open}{}{mark}  ({mins})", entry.guide.title()))
            }
            Row::Step(g, s) => match self.guides[g].guide.as_trajectory().map(|t| &t.steps[s]) {
                Some(st) => Line::raw(format!("      {}", step_line(shell, st, ""))),
                None => Line::raw(""),
            },
        }
    }

    /// The index of the conversation guide with this id.
    fn guide_index(&self, id: &str) -> Option<usize> {
        self.guides
            .iter()
            .position(|g| g.guide.as_conversation().is_some_and(|c| c.id == id))
    }

    fn guide_detail(&self, shell: &Shell, index: usize) -> Vec<Line<'static>> {
        let t = shell.texts();
        let entry = &self.guides[index];
        let mut lines = vec![Line::from(Span::styled(
            entry.guide.title().to_string(),
            style(shell, Role::Title),
        ))];
        match &entry.guide {
            Guide::Conversation(c) => {
                if !c.subtitle.is_empty() {
                    lines.push(Line::raw(c.subtitle.clone()));
                }
                let kind = format!(
                    "{} · {} {}",
                    t.home.conversation, c.minutes, t.common.minutes_short
                );
                intro(shell, &mut lines, kind, &c.summary, t.home.phases);
                for (i, p) in c.phases.iter().enumerate() {
                    let opt = if p.optional { t.home.optional_mark } else { "" };
                    lines.push(Line::raw(format!(
                        "{:>2}. {}{opt}  {} {}",
                        i + 1,
                        p.title,
                        p.minutes,
                        t.common.minutes_short
                    )));
                }
            }
            Guide::Trajectory(tr) => {
                let kind = format!(
                    "{} · {} {}",
                    t.home.trajectory,
                    tr.steps.len(),
                    t.home.steps_short
                );
                intro(shell, &mut lines, kind, &tr.summary, t.home.steps);
                for s in &tr.steps {
                    let opt = if s.optional { t.home.optional_mark } else { "" };
                    lines.push(Line::raw(step_line(shell, s, opt)));
                }
            }
        }
        lines.push(Line::raw(""));
        let source = if entry.replaces_bundled {
            format!("{} ({})", entry.source, t.home.replaces_bundled)
        } else {
            entry.source.clone()
        };
        lines.push(Line::from(Span::styled(source, style(shell, Role::Dim))));
        lines
    }
}

/// The details of an unfinished session.
fn resume_detail(shell: &Shell, e: &ResumeEntry) -> Vec<Line<'static>> {
    let t = shell.texts();
    let mut lines = vec![
        Line::from(Span::styled(e.title.clone(), style(shell, Role::Title))),
        Line::raw(e.client.clone()),
        Line::raw(e.created.format("%d-%m-%Y %H:%M").to_string()),
    ];
    if e.preparing {
        lines.push(Line::raw(t.home.preparing_detail));
    }
    let hint = if e.preparing {
        t.home.preparing_hint
    } else {
        t.home.resume_hint
    };
    lines.extend([
        Line::raw(""),
        Line::raw(hint),
        Line::from(Span::styled(e.file_name.clone(), style(shell, Role::Dim))),
    ]);
    lines
}

/// A guide's kind line (dimmed), its summary, and the heading of what
/// follows (phases or steps).
fn intro(
    shell: &Shell,
    lines: &mut Vec<Line<'static>>,
    kind: String,
    summary: &str,
    heading: &'static str,
) {
    lines.push(Line::from(Span::styled(kind, style(shell, Role::Dim))));
    lines.push(Line::raw(""));
    lines.extend(summary.trim().lines().map(|l| Line::raw(l.to_string())));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(heading, style(shell, Role::Title))));
}

/// "wk  4  Training, dagdeel 1 ×2" and a mark after it.
fn step_line(shell: &Shell, step: &crate::guide::Step, mark: &str) -> String {
    let times = if step.repeat > 1 {
        format!(" ×{}", step.repeat)
    } else {
        String::new()
    };
    format!(
        "{} {:>2}  {}{times}{mark}",
        shell.texts().home.week_short,
        step.week,
        step.title
    )
}
