//! Every user-facing string of the app, in Dutch and English.
//!
//! One struct with a field per string and two statics, [`NL`] and [`EN`]: a
//! string missing from either language is a compile error. Strings that take
//! values are `fn` pointers. The table is grouped by screen; add a string to
//! the group of the screen that shows it, in both statics.

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Nederlands (the default).
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The table of strings for this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// Parse a language code or locale such as "nl", "en_GB.UTF-8".
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("nl") {
            Some(Lang::Nl)
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from `LEIDRAAD_LANG`, then `LC_ALL`, `LC_MESSAGES`, `LANG`.
    pub fn from_env() -> Option<Lang> {
        ["LEIDRAAD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find_map(|v| Lang::from_code(&v))
    }
}

/// All UI strings of one language.
#[derive(Debug)]
pub struct Texts {
    // -- common --
    pub app_name: &'static str,
    pub minutes_short: &'static str,
    pub window_too_small: fn(u16, u16, u16, u16) -> String,

    // -- home --
    pub home_guides: &'static str,
    pub home_no_guides: &'static str,
    pub home_phases: &'static str,
    pub home_steps: &'static str,
    pub home_trajectory: &'static str,
    pub home_conversation: &'static str,
    pub home_replaces_bundled: &'static str,
    pub home_broken_guides: fn(usize) -> String,
    pub key_up_down: &'static str,
    pub key_quit: &'static str,
    pub key_help: &'static str,
    // -- cli (guides, check, sessions, ...) --

    // -- report (show, export, summary) --
    pub report_status: &'static str,
    pub report_finished: &'static str,
    pub report_in_progress: &'static str,
    pub report_date: &'static str,
    pub report_time: &'static str,
    /// "planned P min, actual A min".
    pub report_planned_actual: fn(i64, i64) -> String,
    pub report_agreements: &'static str,
    pub report_carried: &'static str,
    pub report_carried_done: &'static str,
    pub report_yes: &'static str,
    pub report_no: &'static str,
    pub report_phases: &'static str,
    pub report_phase: &'static str,
    pub report_planned: &'static str,
    pub report_actual: &'static str,
    pub report_total: &'static str,
    pub report_skipped: &'static str,
    pub report_rating_item: &'static str,
    pub report_rating_value: &'static str,
    pub report_not_rated: &'static str,
    pub report_questions_asked: &'static str,
    pub report_private_notes: &'static str,
    // -- store messages (saving, locks, damaged files) --
}

/// Nederlands.
pub static NL: Texts = Texts {
    // -- common --
    app_name: "leidraad",
    minutes_short: "min",
    window_too_small: |w, h, mw, mh| {
        format!("Maak het venster groter: {w}×{h}, minstens {mw}×{mh} nodig.")
    },

    // -- home --
    home_guides: "Leidraden",
    home_no_guides: "Geen leidraden gevonden.",
    home_phases: "Fasen",
    home_steps: "Stappen",
    home_trajectory: "traject",
    home_conversation: "gesprek",
    home_replaces_bundled: "vervangt de meegeleverde leidraad",
    home_broken_guides: |n| {
        if n == 1 {
            "1 leidraad kon niet worden geladen: zie `leidraad check`".to_string()
        } else {
            format!("{n} leidraden konden niet worden geladen: zie `leidraad check`")
        }
    },
    key_up_down: "↑↓ kiezen",
    key_quit: "q stoppen",
    key_help: "? hulp",
    // -- cli (guides, check, sessions, ...) --

    // -- report (show, export, summary) --
    report_status: "Status",
    report_finished: "afgerond",
    report_in_progress: "nog niet afgerond",
    report_date: "Datum",
    report_time: "Tijd",
    report_planned_actual: |p, a| format!("gepland {p} min, werkelijk {a} min"),
    report_agreements: "Afspraken",
    report_carried: "Afspraken uit eerdere gesprekken",
    report_carried_done: "Afgerond",
    report_yes: "ja",
    report_no: "nee",
    report_phases: "Verloop",
    report_phase: "Fase",
    report_planned: "Gepland",
    report_actual: "Werkelijk",
    report_total: "Totaal",
    report_skipped: "overgeslagen",
    report_rating_item: "Onderdeel",
    report_rating_value: "Beoordeling",
    report_not_rated: "–",
    report_questions_asked: "Besproken vragen",
    report_private_notes: "Persoonlijke notities (niet voor de school)",
    // -- store messages (saving, locks, damaged files) --
};

/// English.
pub static EN: Texts = Texts {
    // -- common --
    app_name: "leidraad",
    minutes_short: "min",
    window_too_small: |w, h, mw, mh| {
        format!("Make the window larger: {w}×{h}, at least {mw}×{mh} needed.")
    },

    // -- home --
    home_guides: "Guides",
    home_no_guides: "No guides found.",
    home_phases: "Phases",
    home_steps: "Steps",
    home_trajectory: "trajectory",
    home_conversation: "conversation",
    home_replaces_bundled: "replaces the bundled guide",
    home_broken_guides: |n| {
        if n == 1 {
            "1 guide could not be loaded: see `leidraad check`".to_string()
        } else {
            format!("{n} guides could not be loaded: see `leidraad check`")
        }
    },
    key_up_down: "↑↓ choose",
    key_quit: "q quit",
    key_help: "? help",
    // -- cli (guides, check, sessions, ...) --

    // -- report (show, export, summary) --
    report_status: "Status",
    report_finished: "finished",
    report_in_progress: "not finished yet",
    report_date: "Date",
    report_time: "Time",
    report_planned_actual: |p, a| format!("planned {p} min, actual {a} min"),
    report_agreements: "Agreements",
    report_carried: "Agreements from earlier conversations",
    report_carried_done: "Done",
    report_yes: "yes",
    report_no: "no",
    report_phases: "Course of the conversation",
    report_phase: "Phase",
    report_planned: "Planned",
    report_actual: "Actual",
    report_total: "Total",
    report_skipped: "skipped",
    report_rating_item: "Item",
    report_rating_value: "Rating",
    report_not_rated: "–",
    report_questions_asked: "Questions discussed",
    report_private_notes: "Private notes (not for the school)",
    // -- store messages (saving, locks, damaged files) --
};
