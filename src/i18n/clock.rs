//! The conversation's clock: the end time agreed at the table, what a
//! pause says about it, and the question after the app was down.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The conversation's clock: the agreed end time, pauses, the time the app
/// was down.
#[derive(Debug)]
pub struct Clock {
    /// Before the end time when it was agreed at the table.
    pub agreed_end: &'static str,
    /// In the title while paused: the end time does not move.
    pub paused_end_stays: fn(&str) -> String,
    /// The end-time prompt (`E`): its title and what to type.
    pub end_title: &'static str,
    pub end_text: &'static str,
    /// The end time was agreed (the time) and the phases to come rescaled.
    pub end_set: fn(&str) -> String,
    /// The agreed end time was taken away: the planned one counts again.
    pub end_cleared: fn(&str) -> String,
    /// What was typed is neither a time nor a number of minutes.
    pub end_unreadable: fn(&str) -> String,
    /// The time typed has passed already.
    pub end_past: fn(&str) -> String,
    /// Too many minutes (more than a day).
    pub end_too_far: &'static str,
    /// After the app was down with the clock running: how long, and for
    /// which phase the time would count.
    pub gap_question: fn(&str, &str) -> String,
    pub gap_title: &'static str,
    /// The answer no: the time was taken out of the phase's clock.
    pub gap_not_counted: fn(&str) -> String,
    /// The answer yes.
    pub gap_counted: fn(&str) -> String,
    /// A length of time in words: minutes, hours or days.
    pub length: fn(i64) -> String,
}

/// Nederlands.
pub const NL: Clock = Clock {
    agreed_end: "eindtijd",
    paused_end_stays: |a| format!("PAUZE · eindtijd blijft {a}"),
    end_title: "Eindtijd",
    end_text: "Hoeveel tijd hebben we? Typ de eindtijd (15:30) of de minuten die nog over zijn (45). Leeg: de geplande eindtijd.",
    end_set: |a| format!("Eindtijd {a}: de fasen die nog komen zijn daarop verdeeld."),
    end_cleared: |a| format!("Geen afgesproken eindtijd meer: het geplande einde {a} geldt."),
    end_unreadable: |a| {
        format!(
            "“{a}” is geen tijd: typ een eindtijd als 15:30 of de minuten die nog over zijn, als 45."
        )
    },
    end_past: |a| {
        format!("{a} is al voorbij: typ een latere eindtijd, of de minuten die nog over zijn.")
    },
    end_too_far: "Dat is meer dan een dag: typ een eindtijd als 15:30 of de minuten die nog over zijn.",
    gap_question: |length, phase| format!("De app was {length} dicht. Meetellen voor {phase}?"),
    gap_title: "De app was dicht",
    gap_not_counted: |a| format!("Niet meegeteld: de klok van {a} loopt vanaf nu verder."),
    gap_counted: |a| format!("Meegeteld voor {a}."),
    length: |secs| {
        let minutes = (secs + 30) / 60;
        match minutes {
            ..=1 => "1 minuut".to_string(),
            2..=119 => format!("{minutes} minuten"),
            120..=2879 => format!("{} uur", minutes / 60),
            _ => format!("{} dagen", minutes / 1440),
        }
    },
};

/// English.
pub const EN: Clock = Clock {
    agreed_end: "end time",
    paused_end_stays: |a| format!("PAUSED · the end stays {a}"),
    end_title: "End time",
    end_text: "How much time do we have? Type the end time (15:30) or the minutes left (45). Empty: the planned end.",
    end_set: |a| format!("End time {a}: the phases to come are shared out to fit it."),
    end_cleared: |a| format!("No agreed end time any more: the planned end {a} counts."),
    end_unreadable: |a| {
        format!("“{a}” is not a time: type an end time like 15:30 or the minutes left, like 45.")
    },
    end_past: |a| format!("{a} has passed already: type a later end time, or the minutes left."),
    end_too_far: "That is more than a day: type an end time like 15:30 or the minutes left.",
    gap_question: |length, phase| format!("The app was closed for {length}. Count it for {phase}?"),
    gap_title: "The app was closed",
    gap_not_counted: |a| format!("Not counted: the clock of {a} goes on from now."),
    gap_counted: |a| format!("Counted for {a}."),
    length: |secs| {
        let minutes = (secs + 30) / 60;
        match minutes {
            ..=1 => "1 minute".to_string(),
            2..=119 => format!("{minutes} minutes"),
            120..=2879 => format!("{} hours", minutes / 60),
            _ => format!("{} days", minutes / 1440),
        }
    },
};
