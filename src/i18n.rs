//! Every user-facing string of the app, in Dutch and English.
//!
//! One table per area (a screen, the keys, the store, the reports, the
//! command line), each in a file of its own with a struct of one field per
//! string and two constants beside each other, `NL` and `EN`: a string
//! missing from either language is a compile error. Strings that take
//! values are `fn` pointers. [`Texts`] gathers the areas of one language
//! (`texts.home.resume`, `texts.keys.help`); add a string to the area that
//! shows it, in both constants.

pub mod cli;
pub mod clock;
pub mod common;
pub mod conversation;
pub mod history;
pub mod home;
pub mod keys;
pub mod plans;
pub mod prepare;
pub mod report;
pub mod shell;
pub mod store;
pub mod timeline;

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

/// All UI strings of one language, by area.
#[derive(Debug)]
pub struct Texts {
    /// The strings every screen and command shares.
    pub common: common::Common,
    /// The home screen: the guides, the unfinished sessions.
    pub home: home::Home,
    /// The history of past sessions, and what is done with one from there.
    pub history: history::History,
    /// The preparation screen and the header form.
    pub prepare: prepare::Prepare,
    /// The conversation screen and its summary.
    pub conversation: conversation::Conversation,
    /// The conversation's clock: the agreed end time, pauses, the time the
    /// app was down.
    pub clock: clock::Clock,
    /// What the screens share: the status line, the save-elsewhere
    /// prompt, the read-only view, and what is said on the way out.
    pub shell: shell::Shell,
    /// What the keys do, in the footer and the help overlay.
    pub keys: keys::Keys,
    /// Saving, locks and damaged files.
    pub store: store::Store,
    /// Reports (show, export) and their headings.
    pub report: report::Report,
    /// The command line.
    pub cli: cli::Cli,
    /// Plans of trajectories: the timeline, the calendar, `plan`/`plans`.
    pub plans: plans::Plans,
    /// Plans in the app: the home screen's rows, the plan form, the
    /// timeline.
    pub timeline: timeline::Timeline,
}

/// Nederlands.
pub static NL: Texts = Texts {
    common: common::NL,
    home: home::NL,
    history: history::NL,
    prepare: prepare::NL,
    conversation: conversation::NL,
    clock: clock::NL,
    shell: shell::NL,
    keys: keys::NL,
    store: store::NL,
    report: report::NL,
    cli: cli::NL,
    timeline: timeline::NL,
    plans: plans::NL,
};

/// English.
pub static EN: Texts = Texts {
    common: common::EN,
    home: home::EN,
    history: history::EN,
    prepare: prepare::EN,
    conversation: conversation::EN,
    clock: clock::EN,
    shell: shell::EN,
    keys: keys::EN,
    store: store::EN,
    report: report::EN,
    cli: cli::EN,
    timeline: timeline::EN,
    plans: plans::EN,
};
