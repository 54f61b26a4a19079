//! A plan's timeline: every step and repetition in order with its planned
//! date and its state (held, next, overdue, skipped, later). From here a
//! step's talk is prepared (the client filled in, the session recording
//! the step it fulfils), a held one viewed, a date moved, an optional step
//! skipped, a talk held outside the plan attached, the calendar written,
//! and a finished plan archived. `timeline/view.rs` draws it.

mod view;

use chrono::NaiveDate;

use super::Screen;
use super::home::GuideEntry;
use super::prepare::PrepareState;
use crate::guide::{Conversation, FieldKind};
use crate::plan::{MoveScope, Occurrence, OccurrenceKey, Plan, PlanEdit, format_date, parse_date};
use crate::session::Timestamp;
use crate::store::PlanEntry;
use crate::tui::app::{Confirm, Effect, Go, Overlay, Severity, Shell, Update};
use crate::tui::keymap::{Action, Mode};
use crate::tui::msg::Attachable;
use crate::tui::overlay::{PickFor, Picker, PromptFor};

/// State of the timeline screen.
#[derive(Debug, Clone)]
pub struct TimelineState {
    pub entry: PlanEntry,
    /// The conversation guide of each step of the trajectory (None: not
    /// among the guides loaded).
    pub guides: Vec<Option<Conversation>>,
    /// The selected occurrence (its place in the timeline).
    pub selected: usize,
    /// A new date typed for a step, while the user chooses what moves
    /// along.
    pub moving: Option<(OccurrenceKey, NaiveDate)>,
    /// The talks the attach picker offers, for the step it is about.
    pub attach: Option<(OccurrenceKey, Vec<Attachable>)>,
}

impl TimelineState {
    /// The timeline of a plan, on its first open step (else its first).
    pub fn new(entry: PlanEntry, guides: &[GuideEntry]) -> TimelineState {
        let conversations = entry
            .plan
            .trajectory
            .steps
            .iter()
            .map(|step| {
                guides
                    .iter()
                    .find_map(|g| g.guide.as_conversation().filter(|c| c.id == step.guide))
                    .cloned()
            })
            .collect();
        let selected = entry
            .plan
            .occurrences()
            .iter()
            .position(Occurrence::is_open)
            .unwrap_or(0);
        TimelineState {
            entry,
            guides: conversations,
            selected,
            moving: None,
            attach: None,
        }
    }

    /// The key mode.
    pub fn mode(&self) -> Mode {
        Mode::Timeline
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.entry.plan
    }

    /// The selected occurrence.
    pub fn occurrence(&self) -> Option<&Occurrence> {
        self.plan().occurrences().get(self.selected)
    }

    /// The plan as it is now on disk, the same step selected.
    pub fn set_entry(&mut self, entry: PlanEntry) {
        let key = self.occurrence().map(Occurrence::key);
        self.entry = entry;
        if let Some(i) =
            key.and_then(|k| self.plan().occurrences().iter().position(|o| o.key() == k))
        {
            self.selected = i;
        }
        self.selected = self
            .selected
            .min(self.plan().occurrences().len().saturating_sub(1));
    }

    /// Whether a key does something on the selected step (the footer
    /// shows only those; the help lists every key).
    pub fn offers(&self, action: Action) -> bool {
        let o = self.occurrence();
        let held = o.is_some_and(|o| o.done.is_some());
        match action {
            Action::MoveDate | Action::Attach => o.is_some() && !held,
            Action::Skip => {
                !held && o.is_some_and(|o| self.plan().step(o.key()).is_some_and(|s| s.optional))
            }
            Action::Detach => held,
            Action::Archive => self.plan().is_finished(),
            _ => true,
        }
    }

    /// Handle a key on the timeline.
    pub fn on_key(&mut self, shell: &mut Shell, action: Option<Action>) -> Update {
        let n = self.plan().occurrences().len();
        let Some(o) = self.occurrence().cloned() else {
            return match action {
                Some(Action::Back) => Update::go(Go::Home),
                _ => Update::stay(),
            };
        };
        let t = shell.texts();
        match action {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Some(Action::Enter) => return self.open(shell, &o),
            Some(Action::MoveDate) if o.done.is_some() => {
                shell.say(t.plans.already_done, Severity::Info)
            }
            Some(Action::MoveDate) => {
                let date = o.date.format(t.plans.date_format).to_string();
                shell.overlay = Some(Overlay::proposing(PromptFor::MoveDate, &date));
            }
            Some(Action::Skip) => {
                let optional = self.plan().step(o.key()).is_some_and(|s| s.optional);
                if !optional {
                    shell.say(t.plans.not_optional, Severity::Info);
                } else if o.done.is_some() {
                    shell.say(t.plans.already_done, Severity::Info);
                } else {
                    return self.change(PlanEdit::Skip {
                        key: o.key(),
                        skipped: !o.skipped,
                    });
                }
            }
            Some(Action::Attach) => {
                self.attach = None;
                return Update::effects(vec![Effect::ListAttachable(self.plan().client.clone())]);
            }
            Some(Action::Detach) if o.done.is_some() => {
                return self.change(PlanEdit::Detach { key: o.key() });
            }
            Some(Action::Detach) => shell.say(t.timeline.not_done, Severity::Info),
            Some(Action::Calendar) => {
                let minutes = self
                    .plan()
                    .trajectory
                    .steps
                    .iter()
                    .zip(&self.guides)
                    .filter_map(|(s, g)| Some((s.guide.clone(), g.as_ref()?.minutes)))
                    .collect();
                return Update::effects(vec![Effect::PlanCalendar(
                    Box::new(self.entry.clone()),
                    minutes,
                )]);
            }
            Some(Action::Archive) if self.plan().is_finished() => {
                shell.overlay = Some(Overlay::Confirm(Confirm::ArchivePlan));
            }
            Some(Action::Archive) => {
                let open = self
                    .plan()
                    .occurrences()
                    .iter()
                    .filter(|o| o.is_open())
                    .count();
                shell.say((t.plans.not_finished)(open), Severity::Info);
            }
            Some(Action::Back) => return Update::go(Go::Home),
            _ => {}
        }
        Update::stay()
    }

    /// Enter: a held step's talk read-only, an open step's talk prepared.
    fn open(&mut self, shell: &mut Shell, o: &Occurrence) -> Update {
        let t = shell.texts();
        if let Some(done) = &o.done {
            shell.status = None;
            return Update::effects(vec![Effect::ViewNamed(done.session.clone())]);
        }
        if o.skipped {
            shell.say(t.timeline.skipped_hint, Severity::Info);
            return Update::stay();
        }
        let key = o.key();
        let Some(guide) = self.guides.get(key.step).cloned().flatten() else {
            let id = self
                .plan()
                .step(key)
                .map(|s| s.guide.clone())
                .unwrap_or_default();
            shell.say((t.timeline.guide_missing)(&id), Severity::Error);
            return Update::stay();
        };
        let client = self.plan().client.clone();
        let mut prep = PrepareState::new(&guide, Some(client.clone()), Vec::new());
        let mut reference = Plan::reference(&self.entry.file_name, key);
        reference.heading = self.plan().heading(key, t);
        prep.prep.plan = Some(reference);
        // A repeated step's number goes into the choice that counts them
        // (the co-teaching's "Begeleidingsmoment 1 … 5").
        let repeats = self.plan().step(key).map_or(1, |s| s.repeat);
        if let Some(field) = counting_choice(&guide, repeats) {
            prep.prep
                .prefill
                .insert(field, (key.repeat + 1).to_string());
        }
        shell.status = None;
        Update::then(
            vec![Effect::LookUpOpenItems(client)],
            Go::To(Screen::Prepare(Box::new(prep))),
        )
    }

    /// One change to the plan file, made off the UI thread.
    fn change(&self, edit: PlanEdit) -> Update {
        Update::effects(vec![Effect::ChangePlan(self.entry.path.clone(), edit)])
    }

    /// The new date typed for the selected step: then the question what
    /// moves along (or, typed wrong, the prompt again with why).
    pub fn typed_date(&mut self, shell: &mut Shell, text: &str) {
        let t = shell.texts();
        let Some(key) = self.occurrence().map(Occurrence::key) else {
            return;
        };
        let Some(date) = parse_date(text) else {
            shell.say((t.plans.bad_date)(text.trim()), Severity::Warning);
            shell.overlay = Some(Overlay::typing(PromptFor::MoveDate, text));
            return;
        };
        self.moving = Some((key, date));
        let options = vec![
            (t.timeline.move_this.to_string(), Some("this".to_string())),
            (t.timeline.move_later.to_string(), Some("later".to_string())),
        ];
        let picker = Picker::new(t.timeline.move_scope, options, None, PickFor::MoveScope);
        shell.overlay = Some(Overlay::Pick(Box::new(picker)));
    }

    /// What moves along was chosen: the move.
    pub fn move_scope(&mut self, value: Option<String>) -> Vec<Effect> {
        let Some((key, to)) = self.moving.take() else {
            return Vec::new();
        };
        let scope = match value.as_deref() {
            Some("later") => MoveScope::ThisAndLater,
            _ => MoveScope::This,
        };
        self.change(PlanEdit::Move { key, to, scope }).effects
    }

    /// The finished talks with the client: a picker to attach one to the
    /// selected step (or a message that there are none).
    pub fn attachable(&mut self, shell: &mut Shell, mut talks: Vec<Attachable>) {
        let t = shell.texts();
        let Some(key) = self.occurrence().map(Occurrence::key) else {
            return;
        };
        // A talk fulfils one step: those already in the plan are not
        // offered; talks held with the step's own guide come first.
        let attached: Vec<&str> = self
            .plan()
            .occurrences()
            .iter()
            .filter_map(|o| o.done.as_ref().map(|d| d.session.as_str()))
            .collect();
        talks.retain(|a| !attached.contains(&a.file_name.as_str()));
        if let Some(step) = self.plan().step(key) {
            let own = step.guide.clone();
            talks.sort_by_key(|a| a.guide_id != own);
        }
        if talks.is_empty() {
            shell.say(
                (t.timeline.attach_none)(&self.plan().client),
                Severity::Info,
            );
            return;
        }
        let options = talks
            .iter()
            .map(|a| {
                let date = format_date(a.held.date_naive(), t);
                (
                    (t.timeline.attach_option)(&date, &a.guide_title),
                    Some(a.file_name.clone()),
                )
            })
            .collect();
        let picker = Picker::new(t.timeline.attach_title, options, None, PickFor::Attach);
        self.attach = Some((key, talks));
        shell.overlay = Some(Overlay::Pick(Box::new(picker)));
    }

    /// A talk was chosen to attach.
    pub fn attach_chosen(&mut self, value: Option<String>) -> Vec<Effect> {
        let (Some((key, talks)), Some(name)) = (self.attach.take(), value) else {
            return Vec::new();
        };
        let Some(talk) = talks.into_iter().find(|a| a.file_name == name) else {
            return Vec::new();
        };
        self.change(PlanEdit::Attach {
            key,
            session: talk.file_name,
            held: talk.held,
        })
        .effects
    }

    /// Yes to archiving the finished plan.
    pub fn on_confirm(&mut self, confirm: Confirm, now: Timestamp) -> Update {
        match confirm {
            Confirm::ArchivePlan => self.change(PlanEdit::Archive { now }),
            _ => Update::stay(),
        }
    }

    /// What the status line says after a change was written.
    pub fn said(&self, edit: &PlanEdit, shell: &Shell) -> String {
        let t = shell.texts();
        let label = |key: OccurrenceKey| self.plan().label(key, t);
        match edit {
            PlanEdit::Move { to, .. } => (t.timeline.moved)(&format_date(*to, t)),
            PlanEdit::Skip { skipped: true, .. } => t.timeline.skipped.to_string(),
            PlanEdit::Skip { skipped: false, .. } => t.timeline.unskipped.to_string(),
            PlanEdit::Attach { key, .. } => (t.timeline.attached)(&label(*key)),
            PlanEdit::Detach { key } => (t.timeline.detached)(&label(*key)),
            PlanEdit::Archive { .. } => {
                (t.timeline.archived)(&self.plan().trajectory.title, &self.plan().client)
            }
        }
    }
}

/// The choice field of `guide` whose choices are the numbers 1 to
/// `repeats` (a step held `repeats` times counts them there), if any.
fn counting_choice(guide: &Conversation, repeats: u32) -> Option<String> {
    if repeats < 2 {
        return None;
    }
    let numbers: Vec<String> = (1..=repeats).map(|n| n.to_string()).collect();
    guide
        .fields
        .iter()
        .find(|f| f.kind == FieldKind::Choice && f.choices == numbers)
        .map(|f| f.id.clone())
}
