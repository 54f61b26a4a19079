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
    pub store_saved: &'static str,
    pub store_not_saved: &'static str,
    pub store_save_failed: fn(&str) -> String,
    pub store_disk_full: &'static str,
    pub store_no_permission: &'static str,
    pub store_read_only: &'static str,
    pub store_saved_as: fn(&str, &str) -> String,
    pub store_saved_elsewhere: fn(&str) -> String,
    pub store_locked: fn(&str) -> String,
    pub store_folder_readable: fn(&str, u32) -> String,
    pub store_damaged: fn(&str, &str) -> String,
    pub store_damage_empty: &'static str,
    pub store_damage_not_text: &'static str,
    pub store_damage_truncated: &'static str,
    pub store_damage_unknown_format: fn(u32) -> String,
    pub store_damage_invalid: fn(&str) -> String,
    pub store_damage_unreadable: fn(&str) -> String,
    pub store_rescue_found: fn(&str) -> String,
    pub store_resolve_none: fn(&str, &str) -> String,
    pub store_resolve_ambiguous: fn(&str, &str) -> String,
    pub store_delete_damaged: fn(&str) -> String,
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
    store_saved: "opgeslagen",
    store_not_saved: "nog niet opgeslagen",
    store_save_failed: |why| {
        format!(
            "Opslaan mislukt: {why}. Je tekst staat nog in het geheugen; opslaan wordt steeds opnieuw geprobeerd. Je kunt ook elders opslaan."
        )
    },
    store_disk_full: "de schijf is vol",
    store_no_permission: "geen schrijfrechten in de gegevensmap",
    store_read_only: "de gegevensmap is alleen-lezen",
    store_saved_as: |original, new| {
        format!(
            "{original} is door een ander programma gewijzigd en blijft zoals het is; dit gesprek staat nu in {new}."
        )
    },
    store_saved_elsewhere: |path| format!("Opgeslagen in {path}."),
    store_locked: |path| {
        format!(
            "{path} is al geopend in een ander venster. Sluit het daar, of bekijk het hier alleen-lezen."
        )
    },
    store_folder_readable: |dir, mode| {
        format!(
            "Andere gebruikers kunnen de gegevensmap {dir} lezen (rechten {mode:o}). Maak hem privé met: chmod 700 {dir}"
        )
    },
    store_damaged: |file, why| {
        format!("{file} is beschadigd ({why}); het bestand blijft onaangeroerd.")
    },
    store_damage_empty: "het bestand is leeg",
    store_damage_not_text: "het bestand is geen tekst",
    store_damage_truncated: "het bestand is afgebroken, het einde ontbreekt",
    store_damage_unknown_format: |v| {
        format!("gemaakt met een nieuwere leidraad (formaat {v}); werk leidraad bij")
    },
    store_damage_invalid: |why| format!("geen geldig gespreksbestand: {why}"),
    store_damage_unreadable: |why| format!("kan niet worden gelezen: {why}"),
    store_rescue_found: |file| {
        format!("Na een crash is een reservekopie van {file} gevonden. Herstellen?")
    },
    store_resolve_none: |arg, dir| {
        format!(
            "Geen gesprek '{arg}': geen bestand, en geen gesprek in {dir} begint zo. Zie `leidraad sessions`."
        )
    },
    store_resolve_ambiguous: |arg, list| {
        format!("'{arg}' past bij meer gesprekken; typ meer van de naam: {list}")
    },
    store_delete_damaged: |file| {
        format!(
            "{file} is beschadigd; leidraad verwijdert geen beschadigde bestanden. Verwijder het zelf als je het zeker weet."
        )
    },
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
    store_saved: "saved",
    store_not_saved: "not saved yet",
    store_save_failed: |why| {
        format!(
            "Saving failed: {why}. Your text is still in memory; saving is retried. You can also save elsewhere."
        )
    },
    store_disk_full: "the disk is full",
    store_no_permission: "no permission to write in the data folder",
    store_read_only: "the data folder is read-only",
    store_saved_as: |original, new| {
        format!(
            "{original} was changed by another program and is left as it is; this conversation is now in {new}."
        )
    },
    store_saved_elsewhere: |path| format!("Saved in {path}."),
    store_locked: |path| {
        format!(
            "{path} is already open in another window. Close it there, or view it here read-only."
        )
    },
    store_folder_readable: |dir, mode| {
        format!(
            "Other users can read the data folder {dir} (mode {mode:o}). Make it private with: chmod 700 {dir}"
        )
    },
    store_damaged: |file, why| format!("{file} is damaged ({why}); the file is left as it is."),
    store_damage_empty: "the file is empty",
    store_damage_not_text: "the file is not text",
    store_damage_truncated: "the file is cut short, its end is missing",
    store_damage_unknown_format: |v| {
        format!("made by a newer leidraad (format {v}); update leidraad")
    },
    store_damage_invalid: |why| format!("not a valid session file: {why}"),
    store_damage_unreadable: |why| format!("cannot be read: {why}"),
    store_rescue_found: |file| {
        format!("A rescue copy of {file} was found after a crash. Restore it?")
    },
    store_resolve_none: |arg, dir| {
        format!(
            "No session '{arg}': not a file, and no session in {dir} starts with it. See `leidraad sessions`."
        )
    },
    store_resolve_ambiguous: |arg, list| {
        format!("'{arg}' matches more than one session; type more of the name: {list}")
    },
    store_delete_damaged: |file| {
        format!(
            "{file} is damaged; leidraad does not delete damaged files. Remove it yourself if you are sure."
        )
    },
};
