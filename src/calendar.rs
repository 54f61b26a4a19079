//! The open steps of plans as an iCalendar file, for Outlook, Google
//! Calendar and Apple Calendar.
//!
//! One all-day event per open occurrence (neither done nor skipped) of
//! every active plan: "Klikgesprek · Sanne de Vries", with the trajectory
//! and the step's minutes in the description. Each event's UID is made of
//! the plan file's name, the step and the repetition, and its SEQUENCE
//! grows with the time of the export, so importing a newer export again
//! updates the events instead of adding them twice; a step skipped since
//! is sent as cancelled. A step held stays where it was imported. The text
//! is made by the `icalendar` crate ([`calendar`], pure); [`write`] puts
//! it in a file as safely as a session (0600, temp file, rename).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use crate::i18n::Texts;
use crate::plan::{Occurrence, Plan};
use crate::store::fs::{RealFs, write_atomic};

/// What every iCalendar file starts with.
const BEGIN: &str = "BEGIN:VCALENDAR";

/// The UID of an occurrence's event: stable across exports.
pub fn event_uid(plan_file: &str, o: &Occurrence) -> String {
    let stem = plan_file.strip_suffix(".toml").unwrap_or(plan_file);
    format!("{stem}.step{}.{}@leidraad", o.step + 1, o.repeat + 1)
}

/// The calendar of the open occurrences of `plans` (each with its file
/// name) that are not archived, stamped `now`; `minutes` gives a
/// conversation guide's planned minutes by its id (None: left out of the
/// description). Returns the text and the number of events.
pub fn calendar(
    plans: &[(&str, &Plan)],
    minutes: impl Fn(&str) -> Option<u32>,
    t: &Texts,
    now: DateTime<Utc>,
) -> (String, usize) {
    let mut cal = Calendar::new();
    cal.name(t.plans.ics_name);
    // A published calendar (not an invitation): importing it again updates
    // its events by UID, the newer SEQUENCE winning.
    cal.append_property(("METHOD", "PUBLISH"));
    let mut events = 0;
    for (file, plan) in plans.iter().filter(|(_, p)| !p.is_archived()) {
        for o in plan.occurrences() {
            if o.is_open() {
                cal.push(event(file, plan, o, &minutes, t, now));
                events += 1;
            } else if o.skipped {
                // Skipped since an earlier export: it goes from the
                // calendar it was imported into.
                let mut cancelled = event(file, plan, o, &minutes, t, now);
                cancelled.status(EventStatus::Cancelled);
                cal.push(cancelled.done());
            }
        }
    }
    (cal.done().to_string(), events)
}

/// The revision of every event in an export made at `now`: the minutes
/// since 1970, so a newer export always counts as the newer version.
fn sequence(now: DateTime<Utc>) -> u32 {
    u32::try_from(now.timestamp() / 60).unwrap_or(u32::MAX)
}

fn event(
    file: &str,
    plan: &Plan,
    o: &Occurrence,
    minutes: &impl Fn(&str) -> Option<u32>,
    t: &Texts,
    now: DateTime<Utc>,
) -> Event {
    let step = plan.trajectory.steps.get(o.step);
    let mut summary = plan.label(o.key(), t);
    if step.is_some_and(|s| s.optional) {
        summary = format!("{summary} {}", t.plans.optional);
    }
    if !plan.client.is_empty() {
        summary = format!("{summary} · {}", plan.client);
    }
    let guide_minutes = step.and_then(|s| minutes(&s.guide));
    let end = o.date.checked_add_days(Days::new(1)).unwrap_or(o.date);
    Event::new()
        .uid(&event_uid(file, o))
        .timestamp(now)
        .summary(&summary)
        .description(&(t.plans.ics_description)(
            &plan.trajectory.title,
            guide_minutes,
        ))
        .starts(o.date)
        .ends(end)
        .sequence(sequence(now))
        .add_property("TRANSP", "TRANSPARENT")
        .done()
}

/// Why the calendar file was not written; what was there is unchanged.
#[derive(Debug)]
pub enum CalendarError {
    /// The name given is a folder.
    IsFolder(PathBuf),
    /// Something that is not an iCalendar file has that name: it is not
    /// replaced.
    NotCalendar(PathBuf),
    /// Writing failed.
    Io { path: PathBuf, error: io::Error },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::IsFolder(p) => write!(f, "{} is a folder", p.display()),
            CalendarError::NotCalendar(p) => {
                write!(f, "{} exists and is not an iCalendar file", p.display())
            }
            CalendarError::Io { path, error } => {
                write!(f, "cannot write {}: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for CalendarError {}

impl CalendarError {
    /// In the user's language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            CalendarError::IsFolder(p) => (t.plans.ics_is_folder)(&p.display().to_string()),
            CalendarError::NotCalendar(p) => (t.plans.ics_not_calendar)(&p.display().to_string()),
            CalendarError::Io { path, error } => (t.plans.ics_failed)(
                &path.display().to_string(),
                &crate::store::io_reason(Some(error.kind()), &error.to_string(), t),
            ),
        }
    }
}

/// Write the calendar `text` to `path`: 0600 whatever the umask, through a
/// temporary file in the same folder and a rename. An earlier export
/// there is replaced (importing it again updates the events); anything
/// else with that name is left alone. A symlink is replaced, not followed.
pub fn write(path: &Path, text: &str) -> Result<(), CalendarError> {
    match path.symlink_metadata() {
        Ok(meta) if meta.is_dir() => return Err(CalendarError::IsFolder(path.to_path_buf())),
        Ok(_) if !is_calendar(path) => {
            return Err(CalendarError::NotCalendar(path.to_path_buf()));
        }
        Ok(_) | Err(_) => {}
    }
    write_atomic(&RealFs, path, text.as_bytes(), &mut || {}).map_err(|e| CalendarError::Io {
        path: path.to_path_buf(),
        error: e.error,
    })
}

/// Whether the file at `path` is an iCalendar file (it starts so) or
/// empty: nothing is lost by replacing it.
fn is_calendar(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = Vec::with_capacity(BEGIN.len());
    std::fs::File::open(path)
        .and_then(|f| f.take(BEGIN.len() as u64).read_to_end(&mut head))
        .is_ok_and(|n| n == 0 || head == BEGIN.as_bytes())
}

#[cfg(test)]
mod tests;
