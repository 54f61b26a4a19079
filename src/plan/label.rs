//! What an occurrence is called, and dates as the user reads and types
//! them.

use chrono::{Datelike, NaiveDate};

use super::{OccurrenceKey, Plan};
use crate::i18n::Texts;

impl Plan {
    /// What an occurrence is called: the step's title, and for a step that
    /// repeats which repetition it is, before a colon in the title when it
    /// has one ("Begeleidingsmoment 3 van 5: online co-teaching") and after
    /// it otherwise ("Intervisie 2 van 4"). Empty for an unknown key.
    pub fn label(&self, key: OccurrenceKey, t: &Texts) -> String {
        let Some(step) = self.trajectory.steps.get(key.step) else {
            return String::new();
        };
        if step.repeat <= 1 {
            return step.title.clone();
        }
        let which = (t.plans.repetition)(key.repeat.saturating_add(1), step.repeat);
        match step.title.split_once(": ") {
            Some((head, rest)) => format!("{head} {which}: {rest}"),
            None => format!("{} {which}", step.title),
        }
    }

    /// The heading of a talk held for `key`: the label, the trajectory and
    /// the client ("Begeleidingsmoment 3 van 5: online co-teaching ·
    /// Verbetertraject · Sanne de Vries"), for the preparation and the
    /// conversation.
    pub fn heading(&self, key: OccurrenceKey, t: &Texts) -> String {
        let mut parts = vec![self.label(key, t), self.trajectory.title.clone()];
        if !self.client.is_empty() {
            parts.push(self.client.clone());
        }
        parts.join(" · ")
    }
}

/// A date with its weekday as the user reads it: "ma 07-09-2026" in
/// Dutch, "Mon 2026-09-07" in English.
pub fn format_date(date: NaiveDate, t: &Texts) -> String {
    let day = date.weekday().num_days_from_monday() as usize;
    let weekday = t.plans.weekdays.get(day).copied().unwrap_or_default();
    format!("{weekday} {}", date.format(t.plans.date_format))
}

/// A date as typed: ISO (`2026-09-07`) or Dutch (`7-9-2026`,
/// `07-09-2026`); surrounding spaces are ignored, `/` and `.` may stand
/// for `-`. None when it is no date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim().replace(['/', '.'], "-");
    let parts: Vec<&str> = text.split('-').collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if ![a, b, c].iter().all(|s| digits(s)) {
        return None;
    }
    let (y, m, d) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (a, b, c),
        (1..=2, 1..=2, 4) => (c, b, a),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}
