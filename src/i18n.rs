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
    pub home_no_guides: &'static str,
    pub home_phases: &'static str,
    pub home_steps: &'static str,
    pub home_trajectory: &'static str,
    pub home_conversation: &'static str,
    pub home_replaces_bundled: &'static str,
    pub home_broken_guides: fn(usize) -> String,
    // -- tui --
    pub home_resume: &'static str,
    pub home_conversations: &'static str,
    pub home_trajectories: &'static str,
    pub home_resume_hint: &'static str,
    pub home_steps_short: &'static str,
    pub optional_mark: &'static str,
    pub week_short: &'static str,
    pub step_guide_missing: fn(&str) -> String,
    pub prep_title: &'static str,
    pub prep_purpose: &'static str,
    pub prep_invite: &'static str,
    pub prep_bring: &'static str,
    pub prep_checklist: &'static str,
    pub form_title: &'static str,
    pub form_date_hint: &'static str,
    pub form_list_hint: &'static str,
    pub form_required: &'static str,
    pub form_bad_date: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub total: &'static str,
    pub planned_end: &'static str,
    pub at_this_pace: &'static str,
    pub left_for_rest: &'static str,
    pub planned_end_short: &'static str,
    pub at_this_pace_short: &'static str,
    pub left_for_rest_short: &'static str,
    pub phase: &'static str,
    pub phases: &'static str,
    pub paused: &'static str,
    pub near_budget: &'static str,
    pub over_budget: &'static str,
    pub skipped: &'static str,
    pub skipped_upper: &'static str,
    pub optional: &'static str,
    pub questions: &'static str,
    pub notes: &'static str,
    pub private_notes: &'static str,
    pub typing: &'static str,
    pub lists: &'static str,
    pub list_empty: &'static str,
    pub list_none: &'static str,
    pub list_too_few: fn(u32) -> String,
    pub list_too_many: fn(u32) -> String,
    pub not_rated: &'static str,
    pub carried_title: &'static str,
    pub revisit_notes: fn(&str) -> String,
    pub no_notes: &'static str,
    pub no_list_here: &'static str,
    pub not_optional: &'static str,
    pub item_add_title: fn(&str) -> String,
    pub item_edit_title: fn(&str) -> String,
    pub confirm_title: &'static str,
    pub confirm_finish: &'static str,
    pub confirm_remove: &'static str,
    pub confirm_keys: &'static str,
    pub finished_saved: &'static str,
    pub resume_gap_closed: &'static str,
    pub summary: &'static str,
    pub finished: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub unasked: &'static str,
    pub open_failed: fn(&str) -> String,
    pub save_failed: fn(&str) -> String,
    pub saved_again: &'static str,
    pub saved_as: fn(&str) -> String,
    /// A change the session refused (an item or question that is no
    /// longer there); the reason in English, for a bug report.
    pub change_refused: fn(&str) -> String,
    /// Work off the UI thread (listing, looking up open items, a copy
    /// elsewhere) failed unexpectedly.
    pub work_failed: fn(&str) -> String,
    pub help_title: &'static str,
    pub help_saving: &'static str,
    pub k_choose: &'static str,
    pub k_open: &'static str,
    pub k_help: &'static str,
    pub k_quit_app: &'static str,
    pub k_tick: &'static str,
    pub k_continue: &'static str,
    pub k_back: &'static str,
    pub k_next_field: &'static str,
    pub k_prev_field: &'static str,
    pub k_form_enter: &'static str,
    pub k_newline: &'static str,
    pub k_pick: &'static str,
    pub k_scroll_guide: &'static str,
    pub help_in_questions: &'static str,
    pub help_in_revisit: &'static str,
    pub help_in_list: &'static str,
    pub help_in_rating: &'static str,
    pub help_typing: &'static str,
    pub help_in_item_form: &'static str,
    pub help_more: &'static str,
    pub k_scroll_info: &'static str,
    pub prep_more: &'static str,
    pub k_clear: &'static str,
    pub k_reload: &'static str,
    pub view_title: &'static str,
    pub view_read_only: &'static str,
    pub exit_saved_elsewhere: fn(&str) -> String,
    pub exit_not_saved: fn(&str) -> String,
    pub k_focus: &'static str,
    pub k_next_phase: &'static str,
    pub k_prev_phase: &'static str,
    pub k_jump_phase: &'static str,
    pub k_add_item: &'static str,
    pub k_pause: &'static str,
    pub k_plus: &'static str,
    pub k_minus: &'static str,
    pub k_private: &'static str,
    pub k_skip: &'static str,
    pub k_summary: &'static str,
    pub k_finish: &'static str,
    pub k_quit_conv: &'static str,
    pub k_edit_notes: &'static str,
    /// Start typing in the focused notes pane (the notes or the private note).
    pub k_type_here: &'static str,
    /// The space bar's name in the footer and help.
    pub key_space: &'static str,
    pub k_mark_asked: &'static str,
    pub k_edit_item: &'static str,
    pub k_toggle_done: &'static str,
    pub k_remove_item: &'static str,
    pub k_rate: &'static str,
    pub k_stop_typing: &'static str,
    pub k_next_column: &'static str,
    pub k_save_item: &'static str,
    pub k_cancel: &'static str,
    pub k_yes: &'static str,
    pub k_no: &'static str,
    pub k_scroll: &'static str,
    pub k_close: &'static str,
    pub k_save: &'static str,
    pub k_ctrl_c: &'static str,
    pub k_save_elsewhere: &'static str,
    pub k_save_here: &'static str,
    pub elsewhere_title: &'static str,
    pub elsewhere_text: &'static str,
    pub saved_elsewhere: fn(&str) -> String,
    pub home_rescued: &'static str,
    /// Before an unfinished session whose conversation has not started yet.
    pub home_preparing: &'static str,
    /// In the details of a session in preparation.
    pub home_preparing_detail: &'static str,
    /// What Enter does on a session in preparation.
    pub home_preparing_hint: &'static str,

    // -- cli (guides, check, sessions, ...) --
    pub cli_col_id: &'static str,
    pub cli_col_kind: &'static str,
    pub cli_col_title: &'static str,
    pub cli_col_minutes: &'static str,
    pub cli_col_parts: &'static str,
    pub cli_col_source: &'static str,
    pub cli_conversation: &'static str,
    pub cli_trajectory: &'static str,
    pub cli_bundled: &'static str,
    pub cli_replaces_bundled: &'static str,
    pub cli_no_guides: &'static str,
    pub cli_broken_guides: fn(usize) -> String,
    pub cli_check_ok: fn(usize, usize) -> String,
    pub cli_check_failed: fn(usize, usize) -> String,
    pub cli_no_data_dir: &'static str,
    pub cli_data_dir_failed: fn(&str, &str) -> String,
    pub cli_needs_terminal: &'static str,
    pub cli_start_trajectory: fn(&str) -> String,
    pub cli_unknown_guide: fn(&str, &str) -> String,
    pub cli_nothing_to_resume: &'static str,
    pub cli_col_session: &'static str,
    pub cli_col_date: &'static str,
    pub cli_col_guide: &'static str,
    pub cli_col_client: &'static str,
    pub cli_col_status: &'static str,
    pub cli_in_progress: &'static str,
    /// The status of a session whose conversation has not started.
    pub cli_preparing: &'static str,
    pub cli_finished: &'static str,
    pub cli_damaged: fn(&str) -> String,
    pub cli_no_sessions: &'static str,
    pub cli_written: fn(&str) -> String,
    pub cli_delete_needs_yes: &'static str,
    pub cli_delete_ask: fn(&str) -> String,
    pub cli_delete_kept: &'static str,
    pub cli_deleted: fn(&str) -> String,

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
    pub store_saved: &'static str,
    pub store_not_saved: &'static str,
    pub store_save_failed: fn(&str) -> String,
    pub store_disk_full: &'static str,
    pub store_no_permission: &'static str,
    pub store_read_only: &'static str,
    /// A save failed because the folder is not there (moved, deleted, a
    /// drive that was removed).
    pub store_folder_missing: &'static str,
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
    // -- command line: sessions open in another window --
    pub cli_show_open_elsewhere: fn(&str) -> String,
    pub cli_delete_open_elsewhere: fn(&str) -> String,
    // -- after a panic (printed once the terminal is restored) --
    pub exit_rescued: fn(&str) -> String,
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
    // -- tui --
    home_resume: "Verder met",
    home_conversations: "Gesprekken",
    home_trajectories: "Trajecten (Enter toont de stappen)",
    home_resume_hint: "Enter: verder met dit gesprek, met de klok zoals die was.",
    home_steps_short: "stappen",
    optional_mark: " (optioneel)",
    week_short: "wk",
    step_guide_missing: |a| {
        format!("De leidraad {a} van deze stap is niet geladen (zie `leidraad check`).")
    },
    prep_title: "Voorbereiding",
    prep_purpose: "Doel",
    prep_invite: "Uitnodigen",
    prep_bring: "Meenemen",
    prep_checklist: "Voorbereiding afvinken",
    form_title: "Gegevens",
    form_date_hint: "dd-mm-jjjj",
    form_list_hint: "namen, gescheiden door komma's",
    form_required: "Vul dit veld in.",
    form_bad_date: "Geen geldige datum: schrijf dd-mm-jjjj, bijvoorbeeld 23-11-2026.",
    yes: "ja",
    no: "nee",
    total: "Totaal",
    planned_end: "gepland einde",
    at_this_pace: "bij dit tempo",
    left_for_rest: "over voor de rest",
    planned_end_short: "einde",
    at_this_pace_short: "tempo",
    left_for_rest_short: "rest",
    phase: "Fase",
    phases: "Fasen",
    paused: "PAUZE",
    near_budget: "bijna op",
    over_budget: "OVER",
    skipped: "overgeslagen",
    skipped_upper: "OVERGESLAGEN",
    optional: "optioneel",
    questions: "Hulpvragen",
    notes: "Notities",
    private_notes: "Eigen notitie (privé, niet in het verslag)",
    typing: "typen, Esc om te stoppen",
    lists: "Lijsten",
    list_empty: "(nog niets; a voegt toe)",
    list_none: "(niets)",
    list_too_few: |a| format!("minstens {a}!"),
    list_too_many: |a| format!("hoogstens {a}!"),
    not_rated: "—",
    carried_title: "Open punten uit eerdere gesprekken",
    revisit_notes: |a| format!("Notities uit {a}"),
    no_notes: "(geen notities)",
    no_list_here: "Deze fase heeft geen lijst.",
    not_optional: "Deze fase is niet optioneel en kan niet worden overgeslagen.",
    item_add_title: |a| format!("Nieuw: {a}"),
    item_edit_title: |a| format!("Wijzigen: {a}"),
    confirm_title: "Zeker weten?",
    confirm_finish: "Het gesprek afronden? Daarna zie je de samenvatting.",
    confirm_remove: "Dit punt verwijderen?",
    confirm_keys: "y of Enter: ja · n of Esc: nee",
    finished_saved: "Gesprek afgerond en bewaard.",
    resume_gap_closed: "De app was lang dicht: die tijd telt niet mee. Corrigeer de klok met + en -.",
    summary: "Samenvatting",
    finished: "afgerond",
    planned: "gepland",
    actual: "werkelijk",
    unasked: "Niet gestelde hulpvragen",
    open_failed: |a| {
        format!("Kon het gesprek niet opslaan: {a}. Je notities blijven bewaard in het geheugen.")
    },
    save_failed: |a| {
        format!(
            "Opslaan mislukt ({a}). Je notities staan nog in het geheugen; opnieuw proberen loopt."
        )
    },
    saved_again: "Weer opgeslagen.",
    saved_as: |a| format!("Bewaard als {a}: het bestand was door een ander programma gewijzigd."),
    change_refused: |a| format!("Dit lukte niet ({a}); de rest is bewaard."),
    work_failed: |a| format!("Er ging iets mis op de achtergrond ({a}); de notities zijn veilig."),
    help_title: "Toetsen",
    help_saving: "Alles wordt automatisch bewaard, binnen een seconde. Ctrl-S bewaart meteen.",
    k_choose: "kiezen",
    k_open: "openen",
    k_help: "hulp",
    k_quit_app: "stoppen",
    k_tick: "afvinken",
    k_continue: "verder",
    k_back: "terug",
    k_next_field: "volgend veld",
    k_prev_field: "vorig veld",
    k_form_enter: "volgende / beginnen",
    k_newline: "nieuwe regel",
    k_pick: "kiezen",
    k_scroll_guide: "uitleg scrollen",
    help_in_questions: "In de hulpvragen",
    help_in_revisit: "In de eerdere notities",
    help_in_list: "In een lijst",
    help_in_rating: "In een waardering",
    help_typing: "Tijdens het typen",
    help_in_item_form: "Bij het toevoegen of wijzigen van een punt",
    help_more: "meer: ↓",
    k_scroll_info: "tekst scrollen",
    prep_more: "meer: PgDn",
    k_clear: "keuze wissen",
    k_reload: "opnieuw openen",
    view_title: "alleen lezen",
    view_read_only: "Al open in een ander venster: hier alleen lezen. r opent het opnieuw.",
    exit_saved_elsewhere: |path| {
        format!("De gegevensmap kon niet worden beschreven. Je notities staan veilig in {path}")
    },
    exit_not_saved: |why| format!("Je laatste wijzigingen konden nergens worden bewaard: {why}"),
    k_focus: "ander deel",
    k_next_phase: "volgende fase",
    k_prev_phase: "vorige fase",
    k_jump_phase: "naar fase",
    k_add_item: "punt toevoegen",
    k_pause: "pauze",
    k_plus: "+1 minuut op de faseklok",
    k_minus: "-1 minuut op de faseklok",
    k_private: "eigen notitie (privé)",
    k_skip: "fase overslaan (optioneel)",
    k_summary: "samenvatting",
    k_finish: "afronden",
    k_quit_conv: "bewaren en naar start",
    k_edit_notes: "notities typen",
    k_type_here: "typen",
    key_space: "Spatie",
    k_mark_asked: "gesteld aan/uit",
    k_edit_item: "punt wijzigen",
    k_toggle_done: "gedaan aan/uit",
    k_remove_item: "punt verwijderen",
    k_rate: "waardering kiezen",
    k_stop_typing: "stoppen met typen",
    k_next_column: "volgende kolom",
    k_save_item: "punt bewaren",
    k_cancel: "annuleren",
    k_yes: "ja",
    k_no: "nee",
    k_scroll: "scrollen",
    k_close: "sluiten",
    k_save: "nu bewaren",
    k_ctrl_c: "bewaren en stoppen",
    k_save_elsewhere: "elders bewaren (als de datamap niet lukt)",
    k_save_here: "hier bewaren",
    elsewhere_title: "Elders bewaren",
    elsewhere_text: "Een kopie van dit gesprek wordt bewaard in de map hieronder (Enter). De app blijft ook in de datamap proberen.",
    saved_elsewhere: |a| format!("Kopie bewaard: {a}"),
    home_rescued: "reddingskopie · ",
    home_preparing: "in voorbereiding · ",
    home_preparing_detail: "In voorbereiding: het gesprek is nog niet begonnen.",
    home_preparing_hint: "Enter: verder met de voorbereiding en het formulier, zoals ze waren.",

    // -- cli (guides, check, sessions, ...) --
    cli_col_id: "ID",
    cli_col_kind: "SOORT",
    cli_col_title: "TITEL",
    cli_col_minutes: "MIN",
    cli_col_parts: "FASEN/STAPPEN",
    cli_col_source: "BRON",
    cli_conversation: "gesprek",
    cli_trajectory: "traject",
    cli_bundled: "meegeleverd",
    cli_replaces_bundled: "(vervangt de meegeleverde)",
    cli_no_guides: "Geen leidraden gevonden.",
    cli_broken_guides: |n| {
        if n == 1 {
            "1 fout in de leidraden (niet geladen):".to_string()
        } else {
            format!("{n} fouten in de leidraden (niet geladen):")
        }
    },
    cli_check_ok: |files, warnings| {
        format!("{files} leidraad-bestand(en) in orde, {warnings} waarschuwing(en).")
    },
    cli_check_failed: |errors, warnings| format!("{errors} fout(en), {warnings} waarschuwing(en)."),
    cli_no_data_dir: "Geen datamap gevonden: geef er een met --data-dir of LEIDRAAD_DATA_DIR.",
    cli_data_dir_failed: |a, b| {
        format!("kan de datamap {a} niet openen: {b}. Kies een andere met --data-dir.")
    },
    cli_needs_terminal: "leidraad heeft een terminal nodig; gebruik `leidraad sessions`, `show` of `export` in scripts.",
    cli_start_trajectory: |a| {
        format!(
            "{a} is een traject, geen gesprek: kies een gesprek uit het traject (zie `leidraad guides`)."
        )
    },
    cli_unknown_guide: |a, b| format!("geen leidraad met id {a}. Beschikbaar: {b}"),
    cli_nothing_to_resume: "er is geen onafgerond gesprek om te hervatten (zie `leidraad sessions`).",
    cli_col_session: "SESSIE",
    cli_col_date: "DATUM",
    cli_col_guide: "LEIDRAAD",
    cli_col_client: "KLANT",
    cli_col_status: "STATUS",
    cli_in_progress: "onafgerond",
    cli_preparing: "in voorbereiding",
    cli_finished: "afgerond",
    cli_damaged: |a| format!("BESCHADIGD: {a}"),
    cli_no_sessions: "Geen sessies.",
    cli_written: |a| format!("Geschreven: {a}"),
    cli_delete_needs_yes: "verwijderen vraagt om bevestiging; gebruik --yes in scripts.",
    cli_delete_ask: |a| format!("{a} en alles wat erbij hoort verwijderen? [j/N] "),
    cli_delete_kept: "Niets verwijderd.",
    cli_deleted: |a| format!("Verwijderd: {a}"),

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
    store_folder_missing: "de map bestaat niet (meer): verplaatst, verwijderd of een losgekoppelde schijf",
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
            "Andere gebruikers kunnen de gegevensmap lezen (rechten {mode:o}). Maak hem privé met: chmod 700 {dir}"
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
    cli_show_open_elsewhere: |file| {
        format!(
            "{file} is open in een ander venster; dit is de laatst opgeslagen versie. Er wordt niets veranderd."
        )
    },
    cli_delete_open_elsewhere: |file| {
        format!(
            "{file} is open in een ander venster en wordt niet verwijderd. Sluit het daar eerst."
        )
    },
    exit_rescued: |path| {
        format!(
            "leidraad is onverwacht gestopt. Je notities zijn gered in {path}; de volgende start biedt ze aan."
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
    // -- tui --
    home_resume: "Resume",
    home_conversations: "Conversations",
    home_trajectories: "Trajectories (Enter shows the steps)",
    home_resume_hint: "Enter: continue this conversation, with its clock as it was.",
    home_steps_short: "steps",
    optional_mark: " (optional)",
    week_short: "wk",
    step_guide_missing: |a| format!("This step's guide {a} is not loaded (see `leidraad check`)."),
    prep_title: "Preparation",
    prep_purpose: "Purpose",
    prep_invite: "Invite",
    prep_bring: "Bring",
    prep_checklist: "Preparation checklist",
    form_title: "Details",
    form_date_hint: "dd-mm-yyyy",
    form_list_hint: "names, separated by commas",
    form_required: "This field is required.",
    form_bad_date: "Not a valid date: write dd-mm-yyyy, for example 23-11-2026.",
    yes: "yes",
    no: "no",
    total: "Total",
    planned_end: "planned end",
    at_this_pace: "at this pace",
    left_for_rest: "left for the rest",
    planned_end_short: "end",
    at_this_pace_short: "pace",
    left_for_rest_short: "rest",
    phase: "Phase",
    phases: "Phases",
    paused: "PAUSED",
    near_budget: "nearly used",
    over_budget: "OVER",
    skipped: "skipped",
    skipped_upper: "SKIPPED",
    optional: "optional",
    questions: "Helper questions",
    notes: "Notes",
    private_notes: "Private note (not in the report)",
    typing: "typing, Esc to stop",
    lists: "Lists",
    list_empty: "(nothing yet; a adds)",
    list_none: "(nothing)",
    list_too_few: |a| format!("at least {a}!"),
    list_too_many: |a| format!("at most {a}!"),
    not_rated: "—",
    carried_title: "Open items from earlier conversations",
    revisit_notes: |a| format!("Notes from {a}"),
    no_notes: "(no notes)",
    no_list_here: "This phase has no list.",
    not_optional: "This phase is not optional and cannot be skipped.",
    item_add_title: |a| format!("New: {a}"),
    item_edit_title: |a| format!("Edit: {a}"),
    confirm_title: "Are you sure?",
    confirm_finish: "Finish the conversation? The summary follows.",
    confirm_remove: "Remove this item?",
    confirm_keys: "y or Enter: yes · n or Esc: no",
    finished_saved: "Conversation finished and saved.",
    resume_gap_closed: "The app was closed for a long time: that time is not counted. Correct the clock with + and -.",
    summary: "Summary",
    finished: "finished",
    planned: "planned",
    actual: "actual",
    unasked: "Questions not asked",
    open_failed: |a| format!("Could not save the conversation: {a}. Your notes stay in memory."),
    save_failed: |a| format!("Saving failed ({a}). Your notes are still in memory; retrying."),
    saved_again: "Saved again.",
    saved_as: |a| format!("Saved as {a}: the file had been changed by another program."),
    change_refused: |a| format!("That did not work ({a}); everything else is saved."),
    work_failed: |a| format!("Something went wrong in the background ({a}); the notes are safe."),
    help_title: "Keys",
    help_saving: "Everything is saved automatically, within a second. Ctrl-S saves at once.",
    k_choose: "choose",
    k_open: "open",
    k_help: "help",
    k_quit_app: "quit",
    k_tick: "tick",
    k_continue: "continue",
    k_back: "back",
    k_next_field: "next field",
    k_prev_field: "previous field",
    k_form_enter: "next / start",
    k_newline: "new line",
    k_pick: "choose",
    k_scroll_guide: "scroll the guidance",
    help_in_questions: "In the helper questions",
    help_in_revisit: "In the earlier notes",
    help_in_list: "In a list",
    help_in_rating: "In a rating",
    help_typing: "While typing",
    help_in_item_form: "Adding or changing an item",
    help_more: "more: ↓",
    k_scroll_info: "scroll the text",
    prep_more: "more: PgDn",
    k_clear: "clear the choice",
    k_reload: "open again",
    view_title: "read-only",
    view_read_only: "Already open in another window: read-only here. r opens it again.",
    exit_saved_elsewhere: |path| {
        format!("The data folder could not be written. Your notes are safe in {path}")
    },
    exit_not_saved: |why| format!("Your last changes could not be saved anywhere: {why}"),
    k_focus: "switch pane",
    k_next_phase: "next phase",
    k_prev_phase: "previous phase",
    k_jump_phase: "go to phase",
    k_add_item: "add item",
    k_pause: "pause",
    k_plus: "+1 minute on the phase clock",
    k_minus: "-1 minute on the phase clock",
    k_private: "private note",
    k_skip: "skip phase (optional)",
    k_summary: "summary",
    k_finish: "finish",
    k_quit_conv: "save and go home",
    k_edit_notes: "type notes",
    k_type_here: "type",
    key_space: "Space",
    k_mark_asked: "mark asked",
    k_edit_item: "edit item",
    k_toggle_done: "done on/off",
    k_remove_item: "remove item",
    k_rate: "choose rating",
    k_stop_typing: "stop typing",
    k_next_column: "next column",
    k_save_item: "save item",
    k_cancel: "cancel",
    k_yes: "yes",
    k_no: "no",
    k_scroll: "scroll",
    k_close: "close",
    k_save: "save now",
    k_ctrl_c: "save and quit",
    k_save_elsewhere: "save elsewhere (when the data folder fails)",
    k_save_here: "save here",
    elsewhere_title: "Save elsewhere",
    elsewhere_text: "A copy of this conversation is saved in the folder below (Enter). The app keeps trying the data folder too.",
    saved_elsewhere: |a| format!("Copy saved: {a}"),
    home_rescued: "rescue copy · ",
    home_preparing: "in preparation · ",
    home_preparing_detail: "In preparation: the conversation has not started.",
    home_preparing_hint: "Enter: continue the preparation and the form as they were.",

    // -- cli (guides, check, sessions, ...) --
    cli_col_id: "ID",
    cli_col_kind: "KIND",
    cli_col_title: "TITLE",
    cli_col_minutes: "MIN",
    cli_col_parts: "PHASES/STEPS",
    cli_col_source: "SOURCE",
    cli_conversation: "conversation",
    cli_trajectory: "trajectory",
    cli_bundled: "bundled",
    cli_replaces_bundled: "(replaces the bundled one)",
    cli_no_guides: "No guides found.",
    cli_broken_guides: |n| {
        if n == 1 {
            "1 error in the guides (not loaded):".to_string()
        } else {
            format!("{n} errors in the guides (not loaded):")
        }
    },
    cli_check_ok: |files, warnings| format!("{files} guide file(s) ok, {warnings} warning(s)."),
    cli_check_failed: |errors, warnings| format!("{errors} error(s), {warnings} warning(s)."),
    cli_no_data_dir: "No data folder found: give one with --data-dir or LEIDRAAD_DATA_DIR.",
    cli_data_dir_failed: |a, b| {
        format!("cannot open the data folder {a}: {b}. Choose another with --data-dir.")
    },
    cli_needs_terminal: "leidraad needs a terminal; use `leidraad sessions`, `show` or `export` in scripts.",
    cli_start_trajectory: |a| {
        format!(
            "{a} is a trajectory, not a conversation: choose one of its conversations (see `leidraad guides`)."
        )
    },
    cli_unknown_guide: |a, b| format!("no guide with id {a}. Available: {b}"),
    cli_nothing_to_resume: "there is no unfinished session to resume (see `leidraad sessions`).",
    cli_col_session: "SESSION",
    cli_col_date: "DATE",
    cli_col_guide: "GUIDE",
    cli_col_client: "CLIENT",
    cli_col_status: "STATUS",
    cli_in_progress: "in progress",
    cli_preparing: "in preparation",
    cli_finished: "finished",
    cli_damaged: |a| format!("DAMAGED: {a}"),
    cli_no_sessions: "No sessions.",
    cli_written: |a| format!("Written: {a}"),
    cli_delete_needs_yes: "deleting asks for confirmation; use --yes in scripts.",
    cli_delete_ask: |a| format!("Delete {a} and every file that belongs to it? [y/N] "),
    cli_delete_kept: "Nothing deleted.",
    cli_deleted: |a| format!("Deleted: {a}"),

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
    store_folder_missing: "the folder is not there (any more): moved, deleted or a disconnected drive",
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
            "Other users can read the data folder (mode {mode:o}). Make it private with: chmod 700 {dir}"
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
    cli_show_open_elsewhere: |file| {
        format!(
            "{file} is open in another window; this is its last saved version. Nothing is changed."
        )
    },
    cli_delete_open_elsewhere: |file| {
        format!("{file} is open in another window and is not deleted. Close it there first.")
    },
    exit_rescued: |path| {
        format!(
            "leidraad stopped unexpectedly. Your notes were rescued to {path}; the next start offers them."
        )
    },
};
