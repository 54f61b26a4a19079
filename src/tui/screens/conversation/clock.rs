//! The conversation's clock keys and questions: pausing, the `+`/`-`
//! corrections, the end time agreed at the table (`E`), the reminders on
//! each tick, and, after the app was down with the clock running, whether
//! that time counts for the phase that was open.

use super::ConvState;
use crate::i18n::Texts;
use crate::session::{ClosedGap, Status, Timestamp};
use crate::timer::{self, EndError};
use crate::tui::app::{Confirm, Effect, Overlay, Severity, Shell, Update};
use crate::tui::keymap::Action;
use crate::tui::overlay::PromptFor;

impl ConvState {
    /// Every second: reminders, banner expiry.
    pub fn on_tick(&mut self, shell: &mut Shell, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        if let Some((_, shown)) = &self.banner
            && now - *shown >= shell.settings.banner
        {
            self.banner = None;
        }
        if self.session.status == Status::InProgress {
            for i in timer::due_reminders(&self.session, now) {
                self.session.reminders_shown.push(i);
                let text = self.session.guide.reminders[i].text.clone();
                self.banner = Some((text, now));
                effects.push(Effect::Bell);
                shell.dirty = true;
            }
        }
        effects
    }

    /// A clock key: `t` pauses or goes on, `+`/`-` say the phase started a
    /// minute earlier or later, `E` asks for the end time. Saved at once.
    pub(super) fn on_clock(&mut self, shell: &mut Shell, action: Action, now: Timestamp) -> Update {
        match action {
            Action::Pause => self.session.toggle_pause(now),
            Action::PlusMinute => self.session.adjust_current(60, now),
            Action::MinusMinute => self.session.adjust_current(-60, now),
            Action::EndTime => {
                let agreed = self
                    .session
                    .agreed_end
                    .map(|end| end.format("%H:%M").to_string())
                    .unwrap_or_default();
                shell.overlay = Some(Overlay::proposing(PromptFor::EndTime, &agreed));
                return Update::stay();
            }
            _ => return Update::stay(),
        }
        self.save(shell)
    }

    /// The end time typed at `E`: agreed (everything on screen follows it),
    /// or, when nothing was typed, the planned end again. Something that is
    /// not a time, or a time that has passed, opens the prompt again with
    /// what was typed and says why.
    pub fn agree_end(&mut self, shell: &mut Shell, text: &str, now: Timestamp) -> Update {
        let t = &shell.texts().clock;
        match timer::parse_end(text, now) {
            Ok(end) => {
                self.session.agreed_end = end;
                let at = timer::end_at(&self.session, now)
                    .format("%H:%M")
                    .to_string();
                let said = match end {
                    Some(_) => (t.end_set)(&at),
                    None => (t.end_cleared)(&at),
                };
                shell.say(said, Severity::Info);
                self.save(shell)
            }
            Err(e) => {
                let why = match e {
                    EndError::Unreadable => (t.end_unreadable)(text.trim()),
                    EndError::Past => (t.end_past)(text.trim()),
                    EndError::TooFar => t.end_too_far.to_string(),
                };
                shell.say(why, Severity::Warning);
                shell.overlay = Some(Overlay::typing(PromptFor::EndTime, text));
                Update::stay()
            }
        }
    }

    /// Ask whether the time the app was down counts for the phase that
    /// was open (the clock runs through it until the answer is no).
    pub fn ask_gap(&mut self, shell: &mut Shell, gap: ClosedGap) {
        self.pending_gap = Some(gap);
        shell.overlay = Some(Overlay::Confirm(Confirm::CountGap));
    }

    /// The question after the app was down, as it reads.
    pub fn gap_question(&self, texts: &Texts) -> Option<String> {
        let gap = self.pending_gap.as_ref()?;
        let phase = &self.session.guide.phases.get(gap.phase)?.title;
        Some((texts.clock.gap_question)(
            &(texts.clock.length)(gap.secs()),
            phase,
        ))
    }

    /// The answer to [`ConvState::ask_gap`]: yes leaves the clock as it
    /// ran, no takes the time out of the phase's clock.
    pub(super) fn answer_gap(&mut self, shell: &mut Shell, count: bool) -> Update {
        let Some(gap) = self.pending_gap.take() else {
            return Update::stay();
        };
        let t = &shell.texts().clock;
        let phase = self
            .session
            .guide
            .phases
            .get(gap.phase)
            .map(|p| p.title.clone())
            .unwrap_or_default();
        if count {
            shell.say((t.gap_counted)(&phase), Severity::Info);
            return Update::stay();
        }
        self.session.uncount(&gap);
        shell.say((t.gap_not_counted)(&phase), Severity::Info);
        self.save(shell)
    }

    /// What a key does now, when the footer should say so: `t` goes on
    /// while paused.
    pub fn describe(&self, action: Action, texts: &'static Texts) -> Option<&'static str> {
        match action {
            Action::Pause if self.session.is_paused() => Some(texts.keys.resume_clock),
            _ => None,
        }
    }
}
