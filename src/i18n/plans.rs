//! Plans of trajectories: what the app's timeline and the command line
//! share (states, dates, labels, errors), the calendar export, and the
//! `plan` and `plans` commands.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// Plans of trajectories.
#[derive(Debug)]
pub struct Plans {
    /// Monday to Sunday, short.
    pub weekdays: [&'static str; 7],
    /// How a date is written after its weekday (a chrono format).
    pub date_format: &'static str,
    /// Which repetition of a step: (this one, how many), from 1.
    pub repetition: fn(u32, u32) -> String,
    /// After the label of an optional step.
    pub optional: &'static str,
    pub state_done: &'static str,
    pub state_next: &'static str,
    pub state_overdue: &'static str,
    pub state_skipped: &'static str,
    pub state_later: &'static str,
    /// Before an overdue plan or step: seen without colour.
    pub overdue_marker: &'static str,
    pub finished: &'static str,
    pub archived: &'static str,
    /// The calendar's name in the calendar app.
    pub ics_name: &'static str,
    /// An event's description: the trajectory and the step's minutes.
    pub ics_description: fn(&str, Option<u32>) -> String,
    pub no_such_occurrence: &'static str,
    pub not_optional: &'static str,
    pub already_done: &'static str,
    pub out_of_range: &'static str,
    pub not_finished: fn(usize) -> String,
    /// A plan file is being changed elsewhere right now.
    pub busy: fn(&str) -> String,
    pub damage_invalid: fn(&str) -> String,
    /// A session names a plan file that is not there.
    pub plan_missing: fn(&str) -> String,
    /// The session was kept, the plan could not be brought up to date.
    pub record_failed: fn(&str) -> String,
    /// (file, why).
    pub read_failed: fn(&str, &str) -> String,
    pub save_failed: fn(&str) -> String,
    pub resolve_none: fn(&str, &str) -> String,
    pub resolve_ambiguous: fn(&str, &str) -> String,
    /// `leidraad plan`: (trajectory, client, start date).
    pub planned: fn(&str, &str, &str) -> String,
    pub plan_file: fn(&str) -> String,
    pub unknown_trajectory: fn(&str, &str) -> String,
    pub not_a_trajectory: fn(&str) -> String,
    pub bad_date: fn(&str) -> String,
    pub empty_client: &'static str,
    pub col_client: &'static str,
    pub col_trajectory: &'static str,
    pub col_next: &'static str,
    pub col_date: &'static str,
    pub col_status: &'static str,
    pub col_plan: &'static str,
    /// (held, total) of an active plan.
    pub progress: fn(usize, usize) -> String,
    /// (overdue steps) of an active plan.
    pub overdue_count: fn(usize) -> String,
    pub finished_hint: &'static str,
    pub no_plans: &'static str,
    pub archived_plan: fn(&str) -> String,
    pub not_finished_plan: fn(&str, usize) -> String,
    /// (file, events).
    pub ics_written: fn(&str, usize) -> String,
    pub ics_not_calendar: fn(&str) -> String,
    pub ics_is_folder: fn(&str) -> String,
    pub ics_failed: fn(&str, &str) -> String,
}

/// Nederlands.
pub const NL: Plans = Plans {
    weekdays: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    date_format: "%d-%m-%Y",
    repetition: |n, of| format!("{n} van {of}"),
    optional: "(optioneel)",
    state_done: "gehouden",
    state_next: "volgende",
    state_overdue: "te laat",
    state_skipped: "overgeslagen",
    state_later: "gepland",
    overdue_marker: "!",
    finished: "afgerond",
    archived: "gearchiveerd",
    ics_name: "leidraad: trajecten",
    ics_description: |trajectory, minutes| match minutes {
        Some(m) => format!("{trajectory}\n{m} minuten"),
        None => trajectory.to_string(),
    },
    no_such_occurrence: "deze stap staat niet in het plan",
    not_optional: "alleen een optionele stap kan worden overgeslagen",
    already_done: "deze stap is al gehouden; maak dat eerst ongedaan",
    out_of_range: "die datum ligt buiten de kalender",
    not_finished: |open| {
        if open == 1 {
            "het plan is nog niet afgerond: 1 stap is nog niet gehouden of overgeslagen".into()
        } else {
            format!(
                "het plan is nog niet afgerond: {open} stappen zijn nog niet gehouden of overgeslagen"
            )
        }
    },
    busy: |file| {
        format!(
            "{file} wordt op dit moment in een ander venster gewijzigd; probeer het zo opnieuw."
        )
    },
    damage_invalid: |why| format!("geen geldig planbestand: {why}"),
    plan_missing: |file| format!("het plan {file} bestaat niet (meer)"),
    record_failed: |why| {
        format!("Het gesprek is bewaard, maar het plan kon niet worden bijgewerkt: {why}")
    },
    read_failed: |file, why| format!("kan het plan {file} niet lezen: {why}"),
    save_failed: |why| {
        format!("het plan kon niet worden opgeslagen: {why}; het bestand is ongewijzigd")
    },
    resolve_none: |arg, dir| {
        format!(
            "geen plan '{arg}': geen bestand, en geen plan in {dir} begint ermee; zie `leidraad plans`"
        )
    },
    resolve_ambiguous: |arg, list| {
        format!("'{arg}' past bij meer dan één plan, typ meer van de naam: {list}")
    },
    planned: |trajectory, client, start| {
        format!("{trajectory} gepland voor {client}, vanaf {start}:")
    },
    plan_file: |file| format!("Planbestand: {file}"),
    unknown_trajectory: |id, ids| format!("geen traject met id {id}. Beschikbaar: {ids}"),
    not_a_trajectory: |id| {
        format!("{id} is een gesprek, geen traject: plan een traject (zie `leidraad guides`).")
    },
    bad_date: |text| {
        format!("'{text}' is geen datum: schrijf hem als dd-mm-jjjj (07-09-2026) of jjjj-mm-dd.")
    },
    empty_client: "geef de cliënt met --client (de school, de leerkracht of het team).",
    col_client: "CLIËNT",
    col_trajectory: "TRAJECT",
    col_next: "VOLGENDE STAP",
    col_date: "DATUM",
    col_status: "STATUS",
    col_plan: "PLAN",
    progress: |done, total| format!("{done} van {total} gehouden"),
    overdue_count: |n| {
        if n == 1 {
            "te laat: 1 stap".into()
        } else {
            format!("te laat: {n} stappen")
        }
    },
    finished_hint: "afgerond; archiveer met `leidraad plans --archive PLAN`",
    no_plans: "Geen plannen. Plan een traject met `leidraad plan TRAJECT --client NAAM --start DATUM`.",
    archived_plan: |file| format!("Gearchiveerd: {file}"),
    not_finished_plan: |file, open| {
        format!("{file} is nog niet afgerond ({open} stap(pen) open) en wordt niet gearchiveerd.")
    },
    ics_written: |file, n| {
        if n == 1 {
            format!("Geschreven: {file} (1 afspraak)")
        } else {
            format!("Geschreven: {file} ({n} afspraken)")
        }
    },
    ics_not_calendar: |file| {
        format!("{file} bestaat en is geen agendabestand (.ics); het wordt niet vervangen.")
    },
    ics_is_folder: |file| format!("{file} is een map; geef een bestandsnaam, zoals plannen.ics."),
    ics_failed: |file, why| format!("kan {file} niet schrijven: {why}"),
};

/// English.
pub const EN: Plans = Plans {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    date_format: "%Y-%m-%d",
    repetition: |n, of| format!("{n} of {of}"),
    optional: "(optional)",
    state_done: "held",
    state_next: "next",
    state_overdue: "overdue",
    state_skipped: "skipped",
    state_later: "planned",
    overdue_marker: "!",
    finished: "finished",
    archived: "archived",
    ics_name: "leidraad: trajectories",
    ics_description: |trajectory, minutes| match minutes {
        Some(m) => format!("{trajectory}\n{m} minutes"),
        None => trajectory.to_string(),
    },
    no_such_occurrence: "the plan has no such step",
    not_optional: "only an optional step can be skipped",
    already_done: "this step was held; undo that first",
    out_of_range: "that date is out of the calendar's range",
    not_finished: |open| {
        if open == 1 {
            "the plan is not finished: 1 step is neither held nor skipped".into()
        } else {
            format!("the plan is not finished: {open} steps are neither held nor skipped")
        }
    },
    busy: |file| format!("{file} is being changed in another window right now; try again."),
    damage_invalid: |why| format!("not a valid plan file: {why}"),
    plan_missing: |file| format!("the plan {file} is not there (any more)"),
    record_failed: |why| {
        format!("The conversation is saved, but the plan could not be updated: {why}")
    },
    read_failed: |file, why| format!("cannot read the plan {file}: {why}"),
    save_failed: |why| format!("the plan could not be saved: {why}; the file is unchanged"),
    resolve_none: |arg, dir| {
        format!(
            "no plan '{arg}': not a file, and no plan in {dir} starts with it; see `leidraad plans`"
        )
    },
    resolve_ambiguous: |arg, list| {
        format!("'{arg}' matches more than one plan, type more of the name: {list}")
    },
    planned: |trajectory, client, start| {
        format!("{trajectory} planned for {client}, from {start}:")
    },
    plan_file: |file| format!("Plan file: {file}"),
    unknown_trajectory: |id, ids| format!("no trajectory with id {id}. Available: {ids}"),
    not_a_trajectory: |id| {
        format!(
            "{id} is a conversation, not a trajectory: plan a trajectory (see `leidraad guides`)."
        )
    },
    bad_date: |text| {
        format!("'{text}' is not a date: write it as yyyy-mm-dd (2026-09-07) or dd-mm-yyyy.")
    },
    empty_client: "give the client with --client (the school, the teacher or the team).",
    col_client: "CLIENT",
    col_trajectory: "TRAJECTORY",
    col_next: "NEXT STEP",
    col_date: "DATE",
    col_status: "STATUS",
    col_plan: "PLAN",
    progress: |done, total| format!("{done} of {total} held"),
    overdue_count: |n| {
        if n == 1 {
            "overdue: 1 step".into()
        } else {
            format!("overdue: {n} steps")
        }
    },
    finished_hint: "finished; archive it with `leidraad plans --archive PLAN`",
    no_plans: "No plans. Plan a trajectory with `leidraad plan TRAJECTORY --client NAME --start DATE`.",
    archived_plan: |file| format!("Archived: {file}"),
    not_finished_plan: |file, open| {
        format!("{file} is not finished ({open} step(s) open) and is not archived.")
    },
    ics_written: |file, n| {
        if n == 1 {
            format!("Written: {file} (1 event)")
        } else {
            format!("Written: {file} ({n} events)")
        }
    },
    ics_not_calendar: |file| {
        format!("{file} exists and is not a calendar file (.ics); it is not replaced.")
    },
    ics_is_folder: |file| format!("{file} is a folder; give a file name, such as plans.ics."),
    ics_failed: |file, why| format!("cannot write {file}: {why}"),
};
