//! The home screen: unfinished sessions to resume at the top, the newest
//! finished ones, then the guides; the selected row's details on the right
//! (`home/view.rs` draws it). `h` opens the history.

mod plans;
mod view;

use std::path::PathBuf;

use chrono::NaiveDate;

use super::plan_form::PlanFormState;
use super::prepare::PrepareState;
use super::timeline::TimelineState;
use crate::guide::{Conversation, Guide};
use crate::session::Timestamp;
use crate::store::PlanEntry;
use crate::tui::app::{Confirm, Effect, Go, Overlay, Severity, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::screens::Screen;

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
    /// When the conversation started; a preparation's, when it was made.
    pub when: Timestamp,
    /// A rescue copy from a crash exists; resuming restores it.
    pub rescued: bool,
    /// The conversation has not started: resuming opens the preparation.
    pub preparing: bool,
}

/// A finished session, as the home screen's "Recent" lists it.
#[derive(Debug, Clone)]
pub struct RecentEntry {
    pub path: PathBuf,
    pub file_name: String,
    pub title: String,
    pub client: String,
    /// When the conversation started.
    pub started: Timestamp,
}

/// What the home screen shows of the data folder, read off the UI thread.
#[derive(Debug, Clone, Default)]
pub struct HomeLists {
    /// The unfinished sessions, newest first.
    pub resumable: Vec<ResumeEntry>,
    /// The newest finished sessions (at most [`RECENT`]), newest first.
    pub recent: Vec<RecentEntry>,
    /// Files in the data folder that cannot be read as a session.
    pub damaged: usize,
    /// The plans that are not archived.
    pub plans: Vec<PlanEntry>,
    /// Plan files that cannot be read as a plan.
    pub damaged_plans: usize,
}

/// How many finished sessions "Recent" lists (the history has them all).
pub const RECENT: usize = 5;

/// What a row of the home list is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Resume(usize),
    /// A finished session: Enter shows it.
    Recent(usize),
    Guide(usize),
    /// A step of the opened trajectory: (guide index, step index).
    Step(usize, usize),
    /// A plan (its index in the plans, overdue ones first): Enter shows its
    /// timeline.
    Plan(usize),
    /// Under an opened trajectory: plan it for a client.
    PlanNew(usize),
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
    /// The newest finished sessions.
    pub recent: Vec<RecentEntry>,
    /// Damaged files in the data folder (the history shows them).
    pub damaged: usize,
    /// The plans that are not archived, overdue ones first (see
    /// [`crate::plan::Overview::rank`]).
    pub plans: Vec<PlanEntry>,
    /// Damaged plan files (`leidraad plans` shows them).
    pub damaged_plans: usize,
    /// The day the plans' states are shown for.
    pub today: NaiveDate,
    /// Selected row (resumable sessions, then guides).
    pub selected: usize,
    /// The trajectory whose steps are shown.
    pub expanded: Option<usize>,
    /// The user has moved in the list: when the lists change (they come in
    /// from the store after the first frame, and again after every visit
    /// elsewhere), the same row stays selected, wherever it moved to.
    pub moved: bool,
}

impl HomeState {
    /// The home screen with these guides and no sessions listed yet.
    pub fn new(guides: Vec<GuideEntry>, broken_guides: usize) -> HomeState {
        HomeState {
            guides,
            broken_guides,
            resumable: Vec::new(),
            recent: Vec::new(),
            damaged: 0,
            plans: Vec::new(),
            damaged_plans: 0,
            today: chrono::Local::now().date_naive(),
            selected: 0,
            expanded: None,
            moved: false,
        }
    }

    /// The rows in display order: unfinished sessions, the conversations
    /// that belong to no trajectory, then the trajectories (an opened one
    /// shows its steps, whose conversations are started from there).
    pub fn rows(&self) -> Vec<Row> {
        let mut rows: Vec<Row> = (0..self.resumable.len()).map(Row::Resume).collect();
        rows.extend((0..self.recent.len()).map(Row::Recent));
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
        // The trajectories: the plans first (overdue ones on top), then
        // each trajectory, an opened one with its steps.
        rows.extend((0..self.plans.len()).map(Row::Plan));
        for (g, entry) in self.guides.iter().enumerate() {
            let Some(tr) = entry.guide.as_trajectory() else {
                continue;
            };
            rows.push(Row::Guide(g));
            if self.expanded == Some(g) {
                rows.push(Row::PlanNew(g));
                rows.extend((0..tr.steps.len()).map(|s| Row::Step(g, s)));
            }
        }
        rows
    }

    /// The plans in the order the home screen shows them on `today`.
    fn sort_plans(&mut self) {
        let today = self.today;
        self.plans.sort_by_key(|e| e.plan.overview(today).rank());
    }

    /// The day changed (a tick): the plans' states and order with it.
    pub fn set_today(&mut self, today: NaiveDate) {
        if today != self.today {
            self.today = today;
            self.sort_plans();
        }
    }

    /// A plan as it is now (written by the timeline, or by a finished
    /// talk): in the list in its place, or out of it once archived.
    pub fn plan_changed(&mut self, entry: &PlanEntry) {
        self.plans.retain(|e| e.path != entry.path);
        if !entry.plan.is_archived() {
            self.plans.push(entry.clone());
        }
        self.sort_plans();
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
    }

    /// The newest lists of sessions; the selected row stays selected once
    /// the user moved to it, else the top row is.
    pub fn set_lists(&mut self, lists: HomeLists) {
        let before = self.rows().get(self.selected).map(|r| self.key(*r));
        self.resumable = lists.resumable;
        self.recent = lists.recent;
        self.damaged = lists.damaged;
        self.plans = lists.plans;
        self.damaged_plans = lists.damaged_plans;
        self.sort_plans();
        let rows = self.rows();
        self.selected = match before.filter(|_| self.moved) {
            Some(key) => rows
                .iter()
                .position(|r| self.key(*r) == key)
                .unwrap_or(self.selected),
            None => 0,
        };
        let rows = self.rows().len();
        self.selected = self.selected.min(rows.saturating_sub(1));
    }

    /// What a row stands for, whatever its place.
    fn key(&self, row: Row) -> (u8, PathBuf, usize, usize) {
        match row {
            Row::Resume(i) => (0, self.resumable[i].path.clone(), 0, 0),
            Row::Recent(i) => (1, self.recent[i].path.clone(), 0, 0),
            Row::Guide(g) => (2, PathBuf::new(), g, 0),
            Row::Step(g, s) => (3, PathBuf::new(), g, s + 1),
            Row::PlanNew(g) => (3, PathBuf::new(), g, 0),
            Row::Plan(i) => (4, self.plans[i].path.clone(), 0, 0),
        }
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
            Some(Action::Up) => {
                self.moved = true;
                self.selected = self.selected.saturating_sub(1)
            }
            Some(Action::Down) => {
                self.moved = true;
                self.selected = (self.selected + 1).min(rows.len().saturating_sub(1))
            }
            Some(Action::Enter) => return self.enter(shell, rows.get(self.selected).copied()),
            Some(Action::History) => {
                shell.status = None;
                return Update::then(
                    vec![Effect::ListHistory],
                    Go::To(Screen::History(Box::default())),
                );
            }
            Some(Action::Quit) => return Update::effects(vec![Effect::Quit]),
            // Esc means "back" everywhere else: here it asks first.
            Some(Action::Back) => shell.overlay = Some(Overlay::Confirm(Confirm::QuitApp)),
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
            Some(Row::Recent(i)) => {
                shell.status = None;
                return Update::effects(vec![Effect::View(self.recent[i].path.clone())]);
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
            Some(Row::Plan(i)) => {
                shell.status = None;
                let timeline = TimelineState::new(self.plans[i].clone(), &self.guides);
                return Update::go(Go::To(Screen::Timeline(Box::new(timeline))));
            }
            Some(Row::PlanNew(g)) => {
                let Some(tr) = self.guides[g].guide.as_trajectory() else {
                    return Update::stay();
                };
                shell.status = None;
                let active = self
                    .plans
                    .iter()
                    .filter(|e| e.plan.trajectory.id == tr.id && !e.plan.is_archived())
                    .map(|e| (e.plan.client.clone(), e.plan.start))
                    .collect();
                let form = PlanFormState::new(tr.clone(), self.today, active, shell.texts());
                return Update::go(Go::To(Screen::PlanForm(Box::new(form))));
            }
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
}
