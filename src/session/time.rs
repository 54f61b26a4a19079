//! The time operations: starting, moving between phases, pausing,
//! correcting, leaving, finishing and reopening, all as visits and pauses
//! at the `now` the caller gives.

use super::{ClosedGap, Correction, Interval, Session, Status, Timestamp};

impl Session {
    /// The conversation starts at `now` (the header form is done): the clock
    /// runs on the current phase. Does nothing when already started.
    pub fn start(&mut self, now: Timestamp) {
        if self.started.is_some() || self.status == Status::Finished {
            return;
        }
        self.started = Some(now);
        self.open_visit(now);
    }

    /// Whether the clock is running: started, not finished, not paused, and
    /// a visit is open.
    pub fn is_running(&self) -> bool {
        self.open_visit_phase().is_some()
    }

    /// Whether the timer is paused (a pause is open).
    pub fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|p| p.end.is_none())
    }

    /// Show phase `phase` from `now` on: the open visit ends, the new phase
    /// gets a visit unless the timer is paused (or the conversation has not
    /// started or is finished). Any order, revisits allowed; an index out of
    /// range is ignored.
    pub fn go_to(&mut self, phase: usize, now: Timestamp) {
        if phase >= self.phases.len() {
            return;
        }
        self.close_visits(now);
        self.current = phase;
        self.open_visit(now);
    }

    /// Pause the timer at `now`: the open visit ends and a pause opens.
    /// Ignored when not started, finished or already paused.
    pub fn pause(&mut self, now: Timestamp) {
        if self.started.is_none() || self.status == Status::Finished || self.is_paused() {
            return;
        }
        self.close_visits(now);
        self.pauses.push(Interval {
            start: now,
            end: None,
        });
    }

    /// Resume the timer at `now`: the pause ends and the current phase gets
    /// a visit. Ignored when not paused.
    pub fn resume(&mut self, now: Timestamp) {
        if !self.is_paused() {
            return;
        }
        self.close_pauses(now);
        self.open_visit(now);
    }

    /// Pause when running, resume when paused (the `t` key).
    pub fn toggle_pause(&mut self, now: Timestamp) {
        if self.is_paused() {
            self.resume(now);
        } else {
            self.pause(now);
        }
    }

    /// Correct the current phase's clock by `seconds` (the `+`/`-` keys:
    /// ±60). A removal is limited so that the phase's elapsed time never goes
    /// below zero; a correction that would change nothing is not recorded.
    pub fn adjust_current(&mut self, seconds: i64, now: Timestamp) {
        if self.current >= self.phases.len() {
            return;
        }
        let elapsed = crate::timer::phase_elapsed(self, self.current, now);
        let seconds = seconds.max(-elapsed);
        if seconds == 0 {
            return;
        }
        self.phases[self.current]
            .corrections
            .push(Correction { at: now, seconds });
    }

    /// Leave the conversation at `now` without finishing it (the `q` key):
    /// the open visit ends, the session stays in progress and resumable, an
    /// open pause stays open. The time until the session is resumed is not
    /// counted.
    pub fn leave(&mut self, now: Timestamp) {
        self.close_visits(now);
    }

    /// Finish the conversation at `now`: the open visit or pause ends, the
    /// status becomes finished.
    pub fn finish(&mut self, now: Timestamp) {
        if self.status == Status::Finished {
            return;
        }
        self.close_visits(now);
        self.close_pauses(now);
        self.status = Status::Finished;
        self.finished = Some(now);
    }

    /// Record that the session is being written at `now` (for crash recovery,
    /// see [`Session::resume_after`]).
    pub fn mark_saved(&mut self, now: Timestamp) {
        self.saved = Some(now);
    }

    /// Take in that the app which had this session open still ran its
    /// clock at `at` (the time of the lock file it left, set once a minute
    /// while nothing was saved): the time it was down counts from there
    /// when that is after the last save, within the open visit and not
    /// after `now` (see [`Session::closed_gap`]).
    pub fn seen_running(&mut self, at: Timestamp, now: Timestamp) {
        let Some((phase, v)) = self.open_visit_phase() else {
            return;
        };
        let visit_start = self.phases[phase].visits[v].start;
        let at = at.min(now);
        if self.status != Status::Finished
            && at >= visit_start
            && self.saved.is_none_or(|saved| at > saved)
        {
            self.saved = Some(at);
        }
    }

    /// The time the app was down, when the file still has a visit open (the
    /// app stopped without closing it: a crash, a kill, a closed window, a
    /// power cut): from the last save (or the visit's start, when the file
    /// has no save after it) to `now`. None when no visit is open, when the
    /// session is finished, or when `now` is not after that moment.
    pub fn closed_gap(&self, now: Timestamp) -> Option<ClosedGap> {
        if self.status == Status::Finished {
            return None;
        }
        let (phase, v) = self.open_visit_phase()?;
        let visit = &self.phases[phase].visits[v];
        let from = match self.saved {
            Some(saved) if saved >= visit.start => saved,
            _ => visit.start,
        };
        (now > from).then_some(ClosedGap {
            phase,
            from,
            to: now,
        })
    }

    /// Reopen a session at `now` (resume from the home screen or after a
    /// crash). A visit still open in the file goes on: the conversation went
    /// on while the app was down (see [`Session::closed_gap`] and
    /// [`Session::uncount`] for when the facilitator says it did not). An
    /// open pause stays open (the session reopens paused). Then, if the
    /// conversation is started, not finished, not paused and no visit is
    /// open (it was left with `q`), a visit opens on the current phase at
    /// `now`.
    pub fn reopen(&mut self, now: Timestamp) {
        if self.status == Status::Finished {
            return;
        }
        if self.current >= self.phases.len() {
            self.current = 0;
        }
        if self.open_visit_phase().is_none() && self.may_run() {
            self.open_visit(now);
        }
    }

    /// Take the time of `gap` out of the phase's clock: the visit that ran
    /// through it ends at its start and the phase's clock goes on from its
    /// end. Returns whether a visit was found to cut.
    pub fn uncount(&mut self, gap: &ClosedGap) -> bool {
        let Some(record) = self.phases.get_mut(gap.phase) else {
            return false;
        };
        let Some(v) = record
            .visits
            .iter()
            .position(|v| v.start <= gap.from && v.end.is_none_or(|e| e >= gap.to))
        else {
            return false;
        };
        let end = record.visits[v].end.replace(gap.from);
        record.visits.insert(v + 1, Interval { start: gap.to, end });
        true
    }

    fn may_run(&self) -> bool {
        self.started.is_some() && self.status == Status::InProgress && !self.is_paused()
    }

    /// The (phase, visit) indexes of the open visit, if any.
    fn open_visit_phase(&self) -> Option<(usize, usize)> {
        self.phases.iter().enumerate().find_map(|(p, r)| {
            r.visits
                .iter()
                .position(|v| v.end.is_none())
                .map(|v| (p, v))
        })
    }

    fn open_visit(&mut self, now: Timestamp) {
        if self.open_visit_phase().is_some() || !self.may_run() {
            return;
        }
        if let Some(record) = self.phases.get_mut(self.current) {
            record.visits.push(Interval {
                start: now,
                end: None,
            });
        }
    }

    fn close_visits(&mut self, now: Timestamp) {
        for v in self.phases.iter_mut().flat_map(|p| p.visits.iter_mut()) {
            if v.end.is_none() {
                v.end = Some(now);
            }
        }
    }

    fn close_pauses(&mut self, now: Timestamp) {
        for p in self.pauses.iter_mut() {
            if p.end.is_none() {
                p.end = Some(now);
            }
        }
    }
}
