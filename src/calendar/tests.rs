use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;

use chrono::{NaiveDate, TimeZone};
use icalendar::{Component, DatePerhapsTime};
use tempfile::TempDir;

use super::*;
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::plan::{OccurrenceKey, Plan};
use crate::session::fixture::at;

fn plan(id: &str, client: &str) -> Plan {
    let t = Catalog::bundled()
        .get(id)
        .and_then(|g| g.guide.as_trajectory())
        .expect("bundled trajectory")
        .clone();
    Plan::new(
        &t,
        client,
        NaiveDate::from_ymd_opt(2026, 9, 7).unwrap(),
        at(0),
    )
}

/// The planned minutes of the bundled conversation guides.
fn minutes(id: &str) -> Option<u32> {
    Catalog::bundled()
        .get(id)
        .and_then(|g| g.guide.as_conversation())
        .map(|c| c.minutes)
}

fn stamp(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, day, 8, 0, 0).unwrap()
}

fn parse(text: &str) -> Calendar {
    text.parse::<Calendar>()
        .expect("the export parses as iCalendar")
}

fn uids(cal: &Calendar) -> Vec<String> {
    cal.events()
        .map(|e| e.get_uid().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn one_all_day_event_per_open_step_of_every_active_plan() {
    let mut vt = plan("verbetertraject", "Sanne de Vries");
    let klik = OccurrenceKey { step: 0, repeat: 0 };
    vt.mark_done(klik, "klik.toml", at(60)).unwrap();
    vt.set_skipped(OccurrenceKey { step: 1, repeat: 0 }, true)
        .unwrap();
    let mut done = plan("strategietraject", "OBS De Vlinder");
    let keys: Vec<OccurrenceKey> = done.occurrences().iter().map(|o| o.key()).collect();
    for k in keys {
        done.mark_done(k, "s.toml", at(0)).unwrap();
    }
    done.archive(at(1)).unwrap();
    let plg = plan("plg", "De Regenboog");
    let plans = [("vt.toml", &vt), ("st.toml", &done), ("plg.toml", &plg)];

    let (text, n) = calendar(&plans, minutes, Lang::Nl.texts(), stamp(1));
    let cal = parse(&text);
    // 14 in the verbetertraject, less the two done or skipped; 14 in PLG.
    assert_eq!(n, 12 + 14);
    // And the skipped nu-meting, cancelled, so that it goes from a
    // calendar an earlier export was imported into.
    assert_eq!(cal.events().count(), n + 1);
    let all = uids(&cal);
    let unique: BTreeSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), n + 1, "every open step once");
    assert!(!all.iter().any(|u| u.starts_with("st.")), "archived plan");
    assert!(!all.contains(&"vt.step1.1@leidraad".to_string()), "done");
    let skipped = cal
        .events()
        .find(|e| e.get_uid() == Some("vt.step2.1@leidraad"))
        .expect("the skipped step");
    assert_eq!(
        skipped.get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    assert!(text.contains("METHOD:PUBLISH\r\n"), "{text}");

    let first = cal
        .events()
        .find(|e| e.get_uid() == Some("vt.step3.3@leidraad"))
        .expect("the third co-teaching moment");
    assert_eq!(
        first.get_summary(),
        Some("Begeleidingsmoment 3 van 5: online co-teaching · Sanne de Vries")
    );
    assert_eq!(first.get_description(), Some("Verbetertraject\n45 minuten"));
    let day = NaiveDate::from_ymd_opt(2026, 10, 19).unwrap();
    assert_eq!(first.get_start(), Some(DatePerhapsTime::Date(day)));
    assert_eq!(
        first.get_end(),
        Some(DatePerhapsTime::Date(day.succ_opt().unwrap()))
    );
    assert!(text.contains("DTSTART;VALUE=DATE:20261019\r\n"), "{text}");
}

#[test]
fn the_uids_stay_the_same_from_one_export_to_the_next() {
    let mut vt = plan("verbetertraject", "Sanne");
    let (before, _) = calendar(&[("vt.toml", &vt)], minutes, Lang::Nl.texts(), stamp(1));
    vt.move_date(
        OccurrenceKey { step: 5, repeat: 0 },
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        crate::plan::MoveScope::This,
    )
    .unwrap();
    let (after, _) = calendar(&[("vt.toml", &vt)], minutes, Lang::En.texts(), stamp(2));
    assert_ne!(before, after);
    let (a, b) = (parse(&before), parse(&after));
    assert_eq!(uids(&a), uids(&b));
    // The newer export is the newer revision of each event.
    let seq = |c: &Calendar| c.events().next().and_then(|e| e.get_sequence());
    assert!(seq(&b) > seq(&a), "{:?} {:?}", seq(&a), seq(&b));
    let moved = b
        .events()
        .find(|e| e.get_uid() == Some("vt.step6.1@leidraad"))
        .unwrap();
    assert_eq!(
        moved.get_start(),
        Some(DatePerhapsTime::Date(
            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
        ))
    );
    assert_eq!(moved.get_description(), Some("Verbetertraject\n60 minutes"));
}

#[test]
fn the_file_is_private_and_replaces_only_an_earlier_export() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("plannen.ics");
    let vt = plan("verbetertraject", "Sanne");
    let (text, _) = calendar(&[("vt.toml", &vt)], minutes, Lang::Nl.texts(), stamp(1));
    write(&path, &text).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    write(&path, &text).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "mijn aantekeningen").unwrap();
    assert!(matches!(
        write(&notes, &text),
        Err(CalendarError::NotCalendar(_))
    ));
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "mijn aantekeningen"
    );
    assert!(matches!(
        write(dir.path(), &text),
        Err(CalendarError::IsFolder(_))
    ));
    let missing = dir.path().join("nowhere").join("x.ics");
    let err = write(&missing, &text).unwrap_err();
    assert!(
        err.message(Lang::Nl.texts())
            .contains("de map bestaat niet")
    );

    // A symlink to an earlier export is replaced, its target left alone.
    let target = dir.path().join("target.ics");
    std::fs::write(&target, "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").unwrap();
    let link = dir.path().join("link.ics");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    write(&link, &text).unwrap();
    assert!(!link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    );
}
