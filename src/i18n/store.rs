//! Saving, locks and damaged files.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// Saving, locks and damaged files.
#[derive(Debug)]
pub struct Store {
    pub saved: &'static str,
    pub save_failed: fn(&str) -> String,
    pub disk_full: &'static str,
    pub no_permission: &'static str,
    pub read_only: &'static str,
    /// A save failed because the folder is not there (moved, deleted, a
    /// drive that was removed).
    pub folder_missing: &'static str,
    pub saved_as: fn(&str, &str) -> String,
    pub locked: fn(&str) -> String,
    pub folder_readable: fn(&str, u32) -> String,
    pub damaged: fn(&str, &str) -> String,
    pub damage_empty: &'static str,
    pub damage_not_text: &'static str,
    pub damage_truncated: &'static str,
    pub damage_unknown_format: fn(u32) -> String,
    pub damage_invalid: fn(&str) -> String,
    pub damage_unreadable: fn(&str) -> String,
    pub resolve_none: fn(&str, &str) -> String,
    pub resolve_ambiguous: fn(&str, &str) -> String,
    pub delete_damaged: fn(&str) -> String,
    // hostile input (issue 15)
    /// A `*.toml` that is not a regular file (the argument: what it is).
    pub damage_not_a_file: fn(&str) -> String,
    /// A file over the size limit: its size and the limit, in MB.
    pub damage_too_large: fn(u64, u64) -> String,
    pub kind_folder: &'static str,
    pub kind_fifo: &'static str,
    pub kind_socket: &'static str,
    pub kind_device: &'static str,
    pub kind_other: &'static str,
}

/// Nederlands.
pub const NL: Store = Store {
    saved: "opgeslagen",
    save_failed: |why| {
        format!(
            "Opslaan mislukt: {why}. Je tekst staat nog in het geheugen; opslaan wordt steeds opnieuw geprobeerd. Je kunt ook elders opslaan."
        )
    },
    disk_full: "de schijf is vol",
    no_permission: "geen schrijfrechten in de gegevensmap",
    read_only: "de gegevensmap is alleen-lezen",
    folder_missing: "de map bestaat niet (meer): verplaatst, verwijderd of een losgekoppelde schijf",
    saved_as: |original, new| {
        format!(
            "{original} is door een ander programma gewijzigd en blijft zoals het is; dit gesprek staat nu in {new}."
        )
    },
    locked: |path| {
        format!(
            "{path} is al geopend in een ander venster. Sluit het daar, of bekijk het hier alleen-lezen."
        )
    },
    folder_readable: |dir, mode| {
        format!(
            "Andere gebruikers kunnen de gegevensmap lezen (rechten {mode:o}). Maak hem privé met: chmod 700 {dir}"
        )
    },
    damaged: |file, why| format!("{file} is beschadigd ({why}); het bestand blijft onaangeroerd."),
    damage_empty: "het bestand is leeg",
    damage_not_text: "het bestand is geen tekst",
    damage_truncated: "het bestand is afgebroken, het einde ontbreekt",
    damage_unknown_format: |v| {
        format!("gemaakt met een nieuwere leidraad (formaat {v}); werk leidraad bij")
    },
    damage_invalid: |why| format!("geen geldig gespreksbestand: {why}"),
    damage_unreadable: |why| format!("kan niet worden gelezen: {why}"),
    resolve_none: |arg, dir| {
        format!(
            "Geen gesprek '{arg}': geen bestand, en geen gesprek in {dir} begint zo. Zie `leidraad sessions`."
        )
    },
    resolve_ambiguous: |arg, list| {
        format!("'{arg}' past bij meer gesprekken; typ meer van de naam: {list}")
    },
    delete_damaged: |file| {
        format!(
            "{file} is beschadigd; leidraad verwijdert geen beschadigde bestanden. Verwijder het zelf als je het zeker weet."
        )
    },
    // hostile input (issue 15)
    damage_not_a_file: |kind| format!("geen gewoon bestand maar {kind}; het wordt niet gelezen"),
    damage_too_large: |mb, limit| {
        format!("het bestand is te groot ({mb} MB; er wordt hoogstens {limit} MB gelezen)")
    },
    kind_folder: "een map",
    kind_fifo: "een FIFO (named pipe)",
    kind_socket: "een socket",
    kind_device: "een apparaat",
    kind_other: "iets anders",
};

/// English.
pub const EN: Store = Store {
    saved: "saved",
    save_failed: |why| {
        format!(
            "Saving failed: {why}. Your text is still in memory; saving is retried. You can also save elsewhere."
        )
    },
    disk_full: "the disk is full",
    no_permission: "no permission to write in the data folder",
    read_only: "the data folder is read-only",
    folder_missing: "the folder is not there (any more): moved, deleted or a disconnected drive",
    saved_as: |original, new| {
        format!(
            "{original} was changed by another program and is left as it is; this conversation is now in {new}."
        )
    },
    locked: |path| {
        format!(
            "{path} is already open in another window. Close it there, or view it here read-only."
        )
    },
    folder_readable: |dir, mode| {
        format!(
            "Other users can read the data folder (mode {mode:o}). Make it private with: chmod 700 {dir}"
        )
    },
    damaged: |file, why| format!("{file} is damaged ({why}); the file is left as it is."),
    damage_empty: "the file is empty",
    damage_not_text: "the file is not text",
    damage_truncated: "the file is cut short, its end is missing",
    damage_unknown_format: |v| format!("made by a newer leidraad (format {v}); update leidraad"),
    damage_invalid: |why| format!("not a valid session file: {why}"),
    damage_unreadable: |why| format!("cannot be read: {why}"),
    resolve_none: |arg, dir| {
        format!(
            "No session '{arg}': not a file, and no session in {dir} starts with it. See `leidraad sessions`."
        )
    },
    resolve_ambiguous: |arg, list| {
        format!("'{arg}' matches more than one session; type more of the name: {list}")
    },
    delete_damaged: |file| {
        format!(
            "{file} is damaged; leidraad does not delete damaged files. Remove it yourself if you are sure."
        )
    },
    // hostile input (issue 15)
    damage_not_a_file: |kind| format!("not a regular file but {kind}; it is not read"),
    damage_too_large: |mb, limit| {
        format!("the file is too large ({mb} MB; at most {limit} MB is read)")
    },
    kind_folder: "a folder",
    kind_fifo: "a FIFO (named pipe)",
    kind_socket: "a socket",
    kind_device: "a device",
    kind_other: "something else",
};
