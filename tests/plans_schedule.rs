//! The schedules the seeds state, as a plan of each bundled trajectory
//! lays them out from a fixed start date (Monday 31 August 2026): seed
//! 004's 12-week table, seed 002's five coaching moments within three
//! months with the tussenevaluatie halfway and the driegesprek at the end,
//! and seed 003's order.

use chrono::{Days, Months, NaiveDate};
use leidraad::catalog::Catalog;
use leidraad::i18n::Lang;
use leidraad::plan::Plan;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 31).unwrap()
}

fn plan(id: &str) -> Plan {
    let t = Catalog::bundled()
        .get(id)
        .and_then(|g| g.guide.as_trajectory())
        .unwrap_or_else(|| panic!("bundled trajectory {id}"))
        .clone();
    let made = chrono::DateTime::parse_from_rfc3339("2026-08-24T10:00:00+02:00").unwrap();
    Plan::new(&t, "Klant", start(), made)
}

/// The 1-based week of a date counted from the start.
fn week(date: NaiveDate) -> i64 {
    date.signed_duration_since(start()).num_days() / 7 + 1
}

/// (guide id, date) of every occurrence, in timeline order.
fn timeline(p: &Plan) -> Vec<(String, NaiveDate)> {
    p.occurrences()
        .iter()
        .map(|o| (p.trajectory.steps[o.step].guide.clone(), o.date))
        .collect()
}

/// The weeks of the occurrences of one guide.
fn weeks_of(p: &Plan, guide: &str) -> Vec<i64> {
    timeline(p)
        .into_iter()
        .filter(|(g, _)| g.starts_with(guide))
        .map(|(_, d)| week(d))
        .collect()
}

#[test]
fn plg_follows_the_twelve_week_table_of_seed_004() {
    let p = plan("plg");
    assert_eq!(weeks_of(&p, "plg-dagdeel-"), [1, 4, 7, 10]);
    assert_eq!(weeks_of(&p, "plg-mt-sessie"), [2, 5, 8, 11]);
    assert_eq!(weeks_of(&p, "plg-intervisie"), [3, 6, 9, 12]);
    let t = timeline(&p);
    // Every planned date is a Monday from the start, one talk a week after
    // the preparation and the first half-day share week 1.
    assert_eq!(t[0], ("plg-projectvoorbereiding".into(), start()));
    assert_eq!(t[1], ("plg-dagdeel-1".into(), start()));
    let dagdeel_4 = t.iter().find(|(g, _)| g == "plg-dagdeel-4").unwrap();
    assert_eq!(dagdeel_4.1, NaiveDate::from_ymd_opt(2026, 11, 2).unwrap());
    let last = t.last().unwrap();
    assert_eq!(last.0, "plg-voorstel-vervolgaanpak");
    assert_eq!(week(last.1), 13);
    let labels: Vec<String> = p
        .occurrences()
        .iter()
        .map(|o| p.label(o.key(), Lang::Nl.texts()))
        .collect();
    assert_eq!(labels[2], "Begeleiding MT 1");
    assert_eq!(labels[12], "Intervisie 4");
}

#[test]
fn the_verbetertraject_has_five_moments_within_three_months_an_evaluation_halfway_and_ends_with_the_driegesprek()
 {
    let p = plan("verbetertraject");
    let t = timeline(&p);
    assert_eq!(t[0], ("verbetertraject-klikgesprek".into(), start()));
    assert_eq!(t[1].0, "verbetertraject-nu-meting");
    assert!(p.trajectory.steps[1].optional, "the nu-meting is optional");

    // A coaching moment is a co-teaching session and the visit with its
    // nabespreking, in the same week.
    let co: Vec<NaiveDate> = dates(&t, "verbetertraject-co-teaching");
    let nab: Vec<NaiveDate> = dates(&t, "verbetertraject-nabespreking");
    assert_eq!(co.len(), 5);
    assert_eq!(co, nab);
    let three_months = start().checked_add_months(Months::new(3)).unwrap();
    assert!(
        co.iter().all(|d| *d > start() && *d < three_months),
        "{co:?}"
    );
    assert!(co.windows(2).all(|w| w[0] < w[1]));

    let evaluation = dates(&t, "verbetertraject-tussenevaluatie");
    let drie = dates(&t, "verbetertraject-driegesprek");
    assert_eq!((evaluation.len(), drie.len()), (1, 1));
    let (evaluation, drie) = (evaluation[0], drie[0]);
    // Halfway: after the third moment, before the fourth, and in the middle
    // of the trajectory.
    assert!(co[2] <= evaluation && evaluation < co[3], "{evaluation}");
    let middle = start() + Days::new(drie.signed_duration_since(start()).num_days() as u64 / 2);
    assert!(
        evaluation.signed_duration_since(middle).num_days().abs() <= 7,
        "{evaluation} is not halfway to {drie}"
    );
    let pos = |g: &str| t.iter().position(|(x, _)| x == g).unwrap();
    assert!(
        pos("verbetertraject-tussenevaluatie") > 7,
        "after the third moment"
    );
    // The end: the last talk, after the fifth moment, within three months.
    assert_eq!(t.last().unwrap().0, "verbetertraject-driegesprek");
    assert!(co[4] < drie && drie <= three_months);
    assert_eq!(
        p.label(p.occurrences()[4].key(), Lang::Nl.texts()),
        "Begeleidingsmoment 2 van 5: online co-teaching"
    );
}

fn dates(t: &[(String, NaiveDate)], guide: &str) -> Vec<NaiveDate> {
    t.iter()
        .filter(|(g, _)| g == guide)
        .map(|(_, d)| *d)
        .collect()
}

#[test]
fn the_strategietraject_keeps_the_order_of_seed_003() {
    let p = plan("strategietraject");
    let t = timeline(&p);
    let order: Vec<&str> = t.iter().map(|(g, _)| g.as_str()).collect();
    assert_eq!(
        order,
        [
            "strategietraject-voorgesprek",
            "strategietraject-teamscan",
            "strategietraject-ouderavond",
            "strategietraject-partnerschapsteam",
            "strategietraject-afspraken-directie",
        ]
    );
    // The scan follows the voorgesprek in the same week; the rest come
    // later, one after another.
    assert_eq!(t[0].1, t[1].1);
    assert!(t.windows(2).skip(1).all(|w| w[0].1 < w[1].1), "{t:?}");
    let weeks: Vec<i64> = t.iter().map(|(_, d)| week(*d)).collect();
    assert_eq!(weeks, [1, 1, 5, 8, 9]);
}
