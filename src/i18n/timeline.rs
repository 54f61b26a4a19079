//! Plans in the app: the plans on the home screen, the form that plans a
//! trajectory for a client, and a plan's timeline (what the command line
//! shares with it is in `plans.rs`).
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// Plans in the app: the home screen's rows, the plan form, the timeline.
#[derive(Debug)]
pub struct Timeline {
    /// Under an opened trajectory: plan it for a client.
    pub plan_new: &'static str,
    /// What Enter does on that row.
    pub plan_new_hint: &'static str,
    /// What Enter does on a plan's row.
    pub plan_hint: &'static str,
    /// A plan with nothing left to hold.
    pub plan_finished: &'static str,
    /// Damaged plan files in the plans folder.
    pub damaged_plans: fn(usize) -> String,
    /// The plan form's title: (trajectory).
    pub form_title: fn(&str) -> String,
    pub form_client: &'static str,
    pub form_client_hint: &'static str,
    pub form_start: &'static str,
    pub form_start_hint: &'static str,
    pub form_no_client: &'static str,
    /// The client has an active plan of this trajectory: (client, its
    /// start date).
    pub form_duplicate: fn(&str, &str) -> String,
    /// Under the form: what the plan will hold, (steps, first date).
    pub form_preview: fn(usize, &str) -> String,
    /// A plan was made: (trajectory, client).
    pub planned: fn(&str, &str) -> String,
    /// The plans folder could not be opened: (why).
    pub no_plans_folder: fn(&str) -> String,
    /// The timeline's title: (trajectory, client, start date).
    pub title: fn(&str, &str, &str) -> String,
    /// When a plan started: (the start date).
    pub since: fn(&str) -> String,
    /// A held step: (the date it was held).
    pub held_on: fn(&str) -> String,
    pub open_hint: &'static str,
    pub done_hint: &'static str,
    pub skipped_hint: &'static str,
    /// A step whose guide is not among the guides: (guide id).
    pub guide_missing: fn(&str) -> String,
    /// Moving a step: the prompt's title and text (the step's label).
    pub move_title: &'static str,
    pub move_text: fn(&str) -> String,
    pub move_scope: &'static str,
    pub move_this: &'static str,
    pub move_later: &'static str,
    /// Moved: (new date).
    pub moved: fn(&str) -> String,
    pub skipped: &'static str,
    pub unskipped: &'static str,
    /// Attaching a finished session: the picker's title.
    pub attach_title: &'static str,
    /// Nothing to attach: (client).
    pub attach_none: fn(&str) -> String,
    /// An option of the picker: (date, guide).
    pub attach_option: fn(&str, &str) -> String,
    /// Attached: (step).
    pub attached: fn(&str) -> String,
    /// No longer done: (step).
    pub detached: fn(&str) -> String,
    pub not_done: &'static str,
    pub confirm_archive: &'static str,
    /// Archived: (trajectory, client).
    pub archived: fn(&str, &str) -> String,
    /// A finished session marked its step done: (step).
    pub recorded: fn(&str) -> String,
}

/// Nederlands.
pub const NL: Timeline = Timeline {
    plan_new: "+ Plannen voor een cliënt…",
    plan_new_hint: "Enter: kies de cliënt en de startdatum; elke stap krijgt zijn datum.",
    plan_hint: "Enter: de tijdlijn, met de volgende stap.",
    plan_finished: "afgerond",
    damaged_plans: |n| {
        if n == 1 {
            "1 planbestand is beschadigd: zie `leidraad plans`.".into()
        } else {
            format!("{n} planbestanden zijn beschadigd: zie `leidraad plans`.")
        }
    },
    form_title: |t| format!("Plannen · {t}"),
    form_client: "Cliënt",
    form_client_hint: "de school, de leerkracht of het team",
    form_start: "Startdatum",
    form_start_hint: "dd-mm-jjjj: week 1 van het traject",
    form_no_client: "Vul de cliënt in: de school, de leerkracht of het team.",
    form_duplicate: |client, start| {
        format!(
            "Voor {client} loopt dit traject al (vanaf {start}). Enter nog eens: toch een nieuw plan."
        )
    },
    form_preview: |n, first| format!("{n} gesprekken, het eerste op {first}."),
    planned: |t, c| format!("Gepland: {t} voor {c}."),
    no_plans_folder: |why| format!("De map voor plannen is niet te gebruiken: {why}"),
    title: |t, c, start| format!("{t} · {c} · vanaf {start}"),
    since: |d| format!("vanaf {d}"),
    held_on: |d| format!("gehouden {d}"),
    open_hint: "Enter: dit gesprek voorbereiden, met de cliënt ingevuld.",
    done_hint: "Enter: het gesprek bekijken (alleen lezen).",
    skipped_hint: "Overgeslagen: x plant de stap weer in.",
    guide_missing: |id| format!("De leidraad '{id}' van deze stap is er niet (meer)."),
    move_title: "Nieuwe datum",
    move_text: |l| format!("De nieuwe datum van {l} (dd-mm-jjjj)."),
    move_scope: "Wat schuift mee?",
    move_this: "Alleen deze stap",
    move_later: "Deze en alle latere stappen",
    moved: |d| format!("Verplaatst naar {d}."),
    skipped: "Overgeslagen.",
    unskipped: "Weer ingepland.",
    attach_title: "Welk gesprek hoort bij deze stap?",
    attach_none: |c| format!("Er is geen afgerond gesprek met {c} om te koppelen."),
    attach_option: |d, g| format!("{d} · {g}"),
    attached: |s| format!("Gekoppeld aan {s}."),
    detached: |s| format!("{s} staat weer open."),
    not_done: "Deze stap is nog niet gehouden.",
    confirm_archive: "Dit afgeronde plan archiveren? Het gaat van het startscherm; het bestand blijft.",
    archived: |t, c| format!("Gearchiveerd: {t} voor {c}."),
    recorded: |s| format!("In het plan afgevinkt: {s}."),
};

/// English.
pub const EN: Timeline = Timeline {
    plan_new: "+ Plan for a client…",
    plan_new_hint: "Enter: choose the client and the start date; every step gets its date.",
    plan_hint: "Enter: the timeline, with the next step.",
    plan_finished: "finished",
    damaged_plans: |n| {
        if n == 1 {
            "1 plan file is damaged: see `leidraad plans`.".into()
        } else {
            format!("{n} plan files are damaged: see `leidraad plans`.")
        }
    },
    form_title: |t| format!("Plan · {t}"),
    form_client: "Client",
    form_client_hint: "the school, the teacher or the team",
    form_start: "Start date",
    form_start_hint: "yyyy-mm-dd or dd-mm-yyyy: week 1 of the trajectory",
    form_no_client: "Fill in the client: the school, the teacher or the team.",
    form_duplicate: |client, start| {
        format!(
            "{client} already has this trajectory (from {start}). Enter again: a new plan all the same."
        )
    },
    form_preview: |n, first| format!("{n} talks, the first on {first}."),
    planned: |t, c| format!("Planned: {t} for {c}."),
    no_plans_folder: |why| format!("The plans folder cannot be used: {why}"),
    title: |t, c, start| format!("{t} · {c} · from {start}"),
    since: |d| format!("from {d}"),
    held_on: |d| format!("held {d}"),
    open_hint: "Enter: prepare this talk, the client filled in.",
    done_hint: "Enter: view the talk (read-only).",
    skipped_hint: "Skipped: x plans the step again.",
    guide_missing: |id| format!("The guide '{id}' of this step is not there (any more)."),
    move_title: "New date",
    move_text: |l| format!("The new date of {l} (yyyy-mm-dd or dd-mm-yyyy)."),
    move_scope: "What moves along?",
    move_this: "This step only",
    move_later: "This and every later step",
    moved: |d| format!("Moved to {d}."),
    skipped: "Skipped.",
    unskipped: "Planned again.",
    attach_title: "Which talk belongs to this step?",
    attach_none: |c| format!("There is no finished talk with {c} to attach."),
    attach_option: |d, g| format!("{d} · {g}"),
    attached: |s| format!("Attached to {s}."),
    detached: |s| format!("{s} is open again."),
    not_done: "This step has not been held yet.",
    confirm_archive: "Archive this finished plan? It leaves the home screen; the file stays.",
    archived: |t, c| format!("Archived: {t} for {c}."),
    recorded: |s| format!("Ticked off in the plan: {s}."),
};
