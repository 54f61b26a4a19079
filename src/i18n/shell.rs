//! What the screens share: the status line, the save-elsewhere prompt,
//! the read-only view, and what is said on the way out.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// What the screens share: the status line, the save-elsewhere prompt,
/// the read-only view, and what is said on the way out.
#[derive(Debug)]
pub struct Shell {
    pub open_failed: fn(&str) -> String,
    pub saved_again: &'static str,
    /// `Ctrl-S`: the session is on disk.
    pub saved_now: &'static str,
    pub saved_as: fn(&str) -> String,
    /// Work off the UI thread (listing, looking up open items, a copy
    /// elsewhere) failed unexpectedly.
    pub work_failed: fn(&str) -> String,
    pub view_title: &'static str,
    pub view_read_only: &'static str,
    pub exit_saved_elsewhere: fn(&str) -> String,
    pub exit_not_saved: fn(&str) -> String,
    pub elsewhere_title: &'static str,
    pub elsewhere_text: &'static str,
    pub saved_elsewhere: fn(&str) -> String,
    pub exit_rescued: fn(&str) -> String,
    /// In the read-only view's title when the private notes are hidden.
    pub view_private_hidden: &'static str,
    /// Before the read-only view's find box.
    pub view_find: &'static str,
    /// The find box found nothing.
    pub view_not_found: &'static str,
    pub export_title: &'static str,
    pub export_format: &'static str,
    pub export_timing: &'static str,
    pub export_questions: &'static str,
    pub export_private: &'static str,
    pub export_folder: &'static str,
    /// The keys, at the foot of the export dialog.
    pub export_keys: &'static str,
    /// Where the report was written.
    pub exported: fn(&str) -> String,
    // hostile (issue 15)
    /// At the start: the newest emergency copy (where), and how many
    /// there are.
    pub copies_waiting: fn(&str, usize) -> String,
    /// Once, when the file system does not fsync folders.
    pub folder_sync_note: &'static str,
}

/// Nederlands.
pub const NL: Shell = Shell {
    open_failed: |a| {
        format!("Kon het gesprek niet opslaan: {a}. Je notities blijven bewaard in het geheugen.")
    },
    saved_again: "Weer opgeslagen.",
    saved_now: "Bewaard.",
    saved_as: |a| format!("Bewaard als {a}: het bestand was door een ander programma gewijzigd."),
    work_failed: |a| format!("Er ging iets mis op de achtergrond ({a}); de notities zijn veilig."),
    view_title: "alleen lezen",
    view_read_only: "Al open in een ander venster: hier alleen lezen. r opent het opnieuw.",
    exit_saved_elsewhere: |path| {
        format!("De gegevensmap kon niet worden beschreven. Je notities staan veilig in {path}")
    },
    exit_not_saved: |why| format!("Je laatste wijzigingen konden nergens worden bewaard: {why}"),
    elsewhere_title: "Elders bewaren",
    elsewhere_text: "Een kopie van dit gesprek wordt bewaard in de map hieronder (Enter). De app blijft ook in de datamap proberen.",
    saved_elsewhere: |a| format!("Kopie bewaard: {a}"),
    exit_rescued: |path| {
        format!(
            "leidraad is onverwacht gestopt. Je notities zijn gered in {path}; de volgende start biedt ze aan."
        )
    },
    view_private_hidden: "eigen notities verborgen (o)",
    view_find: "Zoeken",
    view_not_found: "niet gevonden",
    export_title: "Verslag maken",
    export_format: "Vorm",
    export_timing: "met tijden en status",
    export_questions: "met de besproken hulpvragen",
    export_private: "met eigen notities (niet voor de school)",
    export_folder: "Map",
    export_keys: "↑↓ kiezen · Spatie aan/uit · Enter maken · Esc annuleren",
    exported: |p| format!("Verslag bewaard: {p}"),
    // hostile (issue 15)
    copies_waiting: |path, n| {
        if n == 1 {
            format!(
                "Er staat een noodkopie van je notities in {path}; hervat de sessie om hem terug te zetten"
            )
        } else {
            format!(
                "Er staan {n} noodkopieën; de nieuwste: {path}. Hervatten zet ze terug; leidraad sessions toont ze"
            )
        }
    },
    folder_sync_note: "Bewaard. Dit bestandssysteem bevestigt het wegschrijven van de map niet; bij stroomuitval direct na het bewaren kan de laatste versie ontbreken.",
};

/// English.
pub const EN: Shell = Shell {
    open_failed: |a| format!("Could not save the conversation: {a}. Your notes stay in memory."),
    saved_again: "Saved again.",
    saved_now: "Saved.",
    saved_as: |a| format!("Saved as {a}: the file had been changed by another program."),
    work_failed: |a| format!("Something went wrong in the background ({a}); the notes are safe."),
    view_title: "read-only",
    view_read_only: "Already open in another window: read-only here. r opens it again.",
    exit_saved_elsewhere: |path| {
        format!("The data folder could not be written. Your notes are safe in {path}")
    },
    exit_not_saved: |why| format!("Your last changes could not be saved anywhere: {why}"),
    elsewhere_title: "Save elsewhere",
    elsewhere_text: "A copy of this conversation is saved in the folder below (Enter). The app keeps trying the data folder too.",
    saved_elsewhere: |a| format!("Copy saved: {a}"),
    exit_rescued: |path| {
        format!(
            "leidraad stopped unexpectedly. Your notes were rescued to {path}; the next start offers them."
        )
    },
    view_private_hidden: "private notes hidden (o)",
    view_find: "Find",
    view_not_found: "not found",
    export_title: "Write a report",
    export_format: "Format",
    export_timing: "with times and status",
    export_questions: "with the questions asked",
    export_private: "with private notes (not for the school)",
    export_folder: "Folder",
    export_keys: "↑↓ choose · Space on/off · Enter write · Esc cancel",
    exported: |p| format!("Report saved: {p}"),
    // hostile (issue 15)
    copies_waiting: |path, n| {
        if n == 1 {
            format!(
                "An emergency copy of your notes is in {path}; resume the session to take it back"
            )
        } else {
            format!(
                "There are {n} emergency copies; the newest: {path}. Resuming takes them back; leidraad sessions lists them"
            )
        }
    },
    folder_sync_note: "Saved. This file system does not confirm writing the folder; after a power cut right after a save the last version may be missing.",
};
