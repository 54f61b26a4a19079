//! The home screen: the guides, the unfinished sessions.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The home screen: the guides, the unfinished sessions.
#[derive(Debug)]
pub struct Home {
    pub no_guides: &'static str,
    pub phases: &'static str,
    pub steps: &'static str,
    pub trajectory: &'static str,
    pub conversation: &'static str,
    pub replaces_bundled: &'static str,
    pub broken_guides: fn(usize) -> String,
    pub resume: &'static str,
    pub conversations: &'static str,
    pub trajectories: &'static str,
    pub resume_hint: &'static str,
    pub steps_short: &'static str,
    pub optional_mark: &'static str,
    pub week_short: &'static str,
    pub step_guide_missing: fn(&str) -> String,
    pub rescued: &'static str,
    /// Before an unfinished session whose conversation has not started yet.
    pub preparing: &'static str,
    /// In the details of a session in preparation.
    pub preparing_detail: &'static str,
    /// What Enter does on a session in preparation.
    pub preparing_hint: &'static str,
    /// The heading of the newest finished sessions.
    pub recent: &'static str,
    /// What Enter does on a finished session.
    pub recent_hint: &'static str,
    /// How many files in the data folder are damaged, and where to see them.
    pub damaged: fn(usize) -> String,
    /// Esc on the home screen asks before the app closes.
    pub confirm_quit: &'static str,
}

/// Nederlands.
pub const NL: Home = Home {
    no_guides: "Geen leidraden gevonden.",
    phases: "Fasen",
    steps: "Stappen",
    trajectory: "traject",
    conversation: "gesprek",
    replaces_bundled: "vervangt de meegeleverde leidraad",
    broken_guides: |n| {
        if n == 1 {
            "1 leidraad kon niet worden geladen: zie `leidraad check`".to_string()
        } else {
            format!("{n} leidraden konden niet worden geladen: zie `leidraad check`")
        }
    },
    resume: "Verder met",
    conversations: "Gesprekken",
    trajectories: "Trajecten (Enter toont de stappen)",
    resume_hint: "Enter: verder met dit gesprek, met de klok zoals die was.",
    steps_short: "stappen",
    optional_mark: " (optioneel)",
    week_short: "wk",
    step_guide_missing: |a| {
        format!("De leidraad {a} van deze stap is niet geladen (zie `leidraad check`).")
    },
    rescued: "reddingskopie · ",
    preparing: "in voorbereiding · ",
    preparing_detail: "In voorbereiding: het gesprek is nog niet begonnen.",
    recent: "Recent",
    recent_hint: "Enter: bekijken (alleen lezen). h: alle gesprekken in de geschiedenis.",
    damaged: |n| {
        if n == 1 {
            "1 beschadigd bestand: h toont het".to_string()
        } else {
            format!("{n} beschadigde bestanden: h toont ze")
        }
    },
    preparing_hint: "Enter: verder met de voorbereiding en het formulier, zoals ze waren.",
    confirm_quit: "leidraad afsluiten?",
};

/// English.
pub const EN: Home = Home {
    no_guides: "No guides found.",
    phases: "Phases",
    steps: "Steps",
    trajectory: "trajectory",
    conversation: "conversation",
    replaces_bundled: "replaces the bundled guide",
    broken_guides: |n| {
        if n == 1 {
            "1 guide could not be loaded: see `leidraad check`".to_string()
        } else {
            format!("{n} guides could not be loaded: see `leidraad check`")
        }
    },
    resume: "Resume",
    conversations: "Conversations",
    trajectories: "Trajectories (Enter shows the steps)",
    resume_hint: "Enter: continue this conversation, with its clock as it was.",
    steps_short: "steps",
    optional_mark: " (optional)",
    week_short: "wk",
    step_guide_missing: |a| format!("This step's guide {a} is not loaded (see `leidraad check`)."),
    rescued: "rescue copy · ",
    preparing: "in preparation · ",
    preparing_detail: "In preparation: the conversation has not started.",
    recent: "Recent",
    recent_hint: "Enter: view (read-only). h: every conversation in the history.",
    damaged: |n| {
        if n == 1 {
            "1 damaged file: h shows it".to_string()
        } else {
            format!("{n} damaged files: h shows them")
        }
    },
    preparing_hint: "Enter: continue the preparation and the form as they were.",
    confirm_quit: "Quit leidraad?",
};
