//! Saving, locks and damaged files.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

pub mod fault;

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
    /// A damaged file with the place of the damage: `FILE:LINE:COLUMN:
    /// what is wrong`.
    pub damaged_at: fn(&str) -> String,
    /// What is wrong inside a damaged file, by kind, and where.
    pub fault: fault::Faults,
    pub damage_empty: &'static str,
    pub damage_not_text: &'static str,
    pub damage_truncated: &'static str,
    pub damage_unknown_format: fn(u32) -> String,
    pub damage_invalid: fn(&str) -> String,
    pub damage_unreadable: fn(&str) -> String,
    pub resolve_none: fn(&str, &str) -> String,
    pub resolve_ambiguous: fn(&str, &str) -> String,
    pub delete_damaged: fn(&str) -> String,
    // config (issue 16)
    /// The data folder could not be read to find a session: the folder,
    /// the reason.
    pub resolve_io: fn(&str, &str) -> String,
    /// A `*.toml` in the data folder that is no session file at all.
    pub damage_not_a_session: &'static str,
    /// A session whose line ends another program changed to CRLF.
    pub damage_line_ends: &'static str,
    /// A folder stands where the file should be.
    pub is_a_folder: &'static str,
    /// A part of the path is a file, not a folder.
    pub not_a_folder: &'static str,
    /// The folder is there, but no file can be made in it.
    pub cannot_create_here: &'static str,
    /// A step of a save failed for a reason without words of its own: the
    /// step, the system's reason.
    pub step_failed: fn(&str, &str) -> String,
    pub step_check: &'static str,
    pub step_create_temp: &'static str,
    pub step_write: &'static str,
    pub step_sync_file: &'static str,
    pub step_rename: &'static str,
    pub step_sync_folder: &'static str,
    /// The session could not be written as TOML (the reason).
    pub cannot_serialize: fn(&str) -> String,
    /// The written TOML did not read back as the session (the reason).
    pub not_read_back: fn(&str) -> String,
    /// A session file could not be read: the file, the reason.
    pub cannot_read: fn(&str, &str) -> String,
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
    damaged_at: |at| format!("{at}. Het bestand is beschadigd en blijft onaangeroerd."),
    fault: fault::NL,
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
    }, // config (issue 16)
    resolve_io: |dir, why| format!("kan de gegevensmap {dir} niet lezen: {why}"),
    damage_not_a_session: "dit is geen gespreksbestand van leidraad",
    damage_line_ends: "een ander programma heeft de regeleinden veranderd in CRLF (Windows); \
                       zet ze terug naar LF (Unix)",
    is_a_folder: "er staat een map waar het bestand hoort",
    not_a_folder: "een deel van het pad is een bestand, geen map",
    cannot_create_here: "in die map kan geen bestand worden gemaakt",
    step_failed: |step, why| format!("{step} lukte niet ({why})"),
    step_check: "het bekijken van het bestand op de schijf",
    step_create_temp: "het maken van het tijdelijke bestand",
    step_write: "het schrijven",
    step_sync_file: "het wegschrijven naar de schijf (fsync)",
    step_rename: "het hernoemen van het tijdelijke bestand",
    step_sync_folder: "het wegschrijven van de map (fsync)",
    cannot_serialize: |why| format!("het gesprek kan niet als TOML worden geschreven ({why})"),
    not_read_back: |why| {
        format!(
            "het gesprek leest niet terug zoals het geschreven is ({why}); er is niets geschreven"
        )
    },
    cannot_read: |file, why| format!("kan {file} niet lezen: {why}"),
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
    damaged_at: |at| format!("{at}. The file is damaged and is left as it is."),
    fault: fault::EN,
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
    }, // config (issue 16)
    resolve_io: |dir, why| format!("cannot read the data folder {dir}: {why}"),
    damage_not_a_session: "this is not a leidraad session file",
    damage_line_ends: "another program changed the line ends to CRLF (Windows); change them \
                       back to LF (Unix)",
    is_a_folder: "a folder stands where the file belongs",
    not_a_folder: "a part of the path is a file, not a folder",
    cannot_create_here: "no file can be made in that folder",
    step_failed: |step, why| format!("{step} failed ({why})"),
    step_check: "looking at the file on disk",
    step_create_temp: "making the temporary file",
    step_write: "writing",
    step_sync_file: "flushing to disk (fsync)",
    step_rename: "renaming the temporary file",
    step_sync_folder: "flushing the folder (fsync)",
    cannot_serialize: |why| format!("the session cannot be written as TOML ({why})"),
    not_read_back: |why| {
        format!("the session does not read back as written ({why}); nothing was written")
    },
    cannot_read: |file, why| format!("cannot read {file}: {why}"),
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
