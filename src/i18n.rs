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

    // -- store messages (saving, locks, damaged files) --
};
