//! The runtime's answers about plans: a plan written (new, or one change
//! from the timeline), a step marked done by a finished talk, a calendar
//! file, the talks that can be attached to a step.

use super::{App, Effect, Go, Msg, Severity, Update};
use crate::plan::PlanEdit;
use crate::tui::screens::Screen;
use crate::tui::screens::timeline::TimelineState;

impl App {
    /// The answers about plans.
    pub(super) fn on_plan_answer(&mut self, msg: Msg) -> Vec<Effect> {
        let t = self.texts();
        match msg {
            Msg::PlanSaved(entry, edit) => {
                self.home.plan_changed(&entry);
                let said = match (&mut self.screen, &edit) {
                    // The plan was just made: its timeline.
                    (Screen::PlanForm(_), None) => {
                        let timeline = TimelineState::new(*entry, &self.home.guides);
                        self.screen = Screen::Timeline(Box::new(timeline));
                        None
                    }
                    (Screen::Timeline(tl), Some(edit)) => {
                        tl.set_entry(*entry);
                        Some(tl.said(edit, &self.shell))
                    }
                    _ => None,
                };
                if let Some(said) = said {
                    self.say(said, Severity::Info);
                }
                // An archived plan leaves the list: back home.
                if matches!(edit, Some(PlanEdit::Archive { .. }))
                    && matches!(self.screen, Screen::Timeline(_))
                {
                    return self.apply(Update::go(Go::Home));
                }
            }
            Msg::PlanRecorded(entry, key) => {
                let label = entry.plan.label(key, t);
                self.home.plan_changed(&entry);
                if let Screen::Timeline(tl) = &mut self.screen {
                    tl.set_entry(*entry);
                }
                self.say((t.timeline.recorded)(&label), Severity::Info);
            }
            Msg::PlanFailed(why) => self.say(why, Severity::Error),
            Msg::CalendarWritten(path, events) => self.say(
                (t.plans.ics_written)(&path.display().to_string(), events),
                Severity::Info,
            ),
            Msg::Attachable(talks) => {
                if let Screen::Timeline(tl) = &mut self.screen {
                    tl.attachable(&mut self.shell, talks);
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
