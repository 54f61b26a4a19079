//! The bundled guide library: the structure the seeds fix, pinned so that a
//! later edit of a guide file cannot silently break it.
//!
//! - seed 002 (Voor de Groep, verbetertraject): exactly five coaching moments
//!   within three months (13 weeks), the nu-meting optional, minimal header
//!   fields (sensitive personnel data);
//! - seed 003 (Actief Ouderschap, strategietraject): the partnership team
//!   chooses 3 to 6 topics, each assigned to a participant; the model of the
//!   5 partnerships is named but its parts are never made up;
//! - seed 004 (sSprong, professionele leergemeenschap): the 12-week schedule
//!   (training 1, 4, 7, 10; MT 2, 5, 8, 11; intervision 3, 6, 9, 12),
//!   intervision at most 60 minutes, MT at most 90 minutes;
//! - every guide: parses without warnings, phase minutes add up to `minutes`,
//!   one client field and a date field defaulting to today, a summary that
//!   names the seed talk it serves, every trajectory step names a guide.
//! - wording (issue 16 point 5): one form of address (u or je) in what a
//!   guide asks, the misspellings corrected then stay corrected, invitees
//!   are people and not instructions, the voortgangsgesprek keeps the seed's
//!   text on holding it more often and shorter and its "Vooraf", the
//!   ambitiegesprek's checklist keeps what goes with the preparation mail,
//!   and every header declares the durations chosen for the guide.

use chrono::NaiveDate;
use leidraad::bundled::BUNDLED;
use leidraad::catalog::Catalog;
use leidraad::guide::parse::parse_guide;
use leidraad::guide::{Conversation, FieldKind, Guide, Trajectory};
use leidraad::trajectory::{PlannedStep, schedule};

/// Every bundled guide file, parsed: (file name, raw text, guide).
fn library() -> Vec<(&'static str, &'static str, Guide)> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            let parsed = parse_guide(name, text)
                .unwrap_or_else(|errors| panic!("{name} does not parse: {errors:?}"));
            (*name, *text, parsed.guide)
        })
        .collect()
}

fn guide(id: &str) -> Guide {
    library()
        .into_iter()
        .map(|(_, _, g)| g)
        .find(|g| g.id() == id)
        .unwrap_or_else(|| panic!("no bundled guide with id {id}"))
}

fn conversation(id: &str) -> Conversation {
    guide(id)
        .as_conversation()
        .unwrap_or_else(|| panic!("{id} is not a conversation"))
        .clone()
}

fn trajectory(id: &str) -> Trajectory {
    guide(id)
        .as_trajectory()
        .unwrap_or_else(|| panic!("{id} is not a trajectory"))
        .clone()
}

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).expect("a valid date")
}

fn planned(trajectory_id: &str) -> Vec<PlannedStep> {
    schedule(&trajectory(trajectory_id), start())
}

/// The weeks at which the given guide is planned, in plan order.
fn weeks_of(plan: &[PlannedStep], guide_id: &str) -> Vec<u32> {
    plan.iter()
        .filter(|s| s.guide == guide_id)
        .map(|s| s.week)
        .collect()
}

/// The conversation guides that serve a seed talk, with the words their
/// summary must contain: the provider and programme, and the talk itself.
const SEED_TALKS: &[(&str, &str, &str)] = &[
    (
        "verbetertraject-klikgesprek",
        "Voor de Groep, verbetertraject",
        "klikgesprek",
    ),
    (
        "verbetertraject-nu-meting",
        "Voor de Groep, verbetertraject",
        "nu-meting",
    ),
    (
        "verbetertraject-co-teaching",
        "Voor de Groep, verbetertraject",
        "co-teaching",
    ),
    (
        "verbetertraject-nabespreking",
        "Voor de Groep, verbetertraject",
        "nabespreking",
    ),
    (
        "verbetertraject-tussenevaluatie",
        "Voor de Groep, verbetertraject",
        "tussenevaluatie",
    ),
    (
        "verbetertraject-driegesprek",
        "Voor de Groep, verbetertraject",
        "driegesprek",
    ),
    (
        "strategietraject-voorgesprek",
        "Actief Ouderschap, strategietraject",
        "voorgesprek",
    ),
    (
        "strategietraject-teamscan",
        "Actief Ouderschap, strategietraject",
        "scan met het team",
    ),
    (
        "strategietraject-ouderavond",
        "Actief Ouderschap, strategietraject",
        "wensen- en verwachtingenavond",
    ),
    (
        "strategietraject-partnerschapsteam",
        "Actief Ouderschap, strategietraject",
        "partnerschapsteam",
    ),
    (
        "strategietraject-afspraken-directie",
        "Actief Ouderschap, strategietraject",
        "afspraken met de directie",
    ),
    (
        "plg-projectvoorbereiding",
        "sSprong, professionele leergemeenschap",
        "projectvoorbereiding",
    ),
    (
        "plg-dagdeel-1",
        "sSprong, professionele leergemeenschap",
        "dagdeel 1",
    ),
    (
        "plg-dagdeel-2",
        "sSprong, professionele leergemeenschap",
        "dagdeel 2",
    ),
    (
        "plg-dagdeel-3",
        "sSprong, professionele leergemeenschap",
        "dagdeel 3",
    ),
    (
        "plg-dagdeel-4",
        "sSprong, professionele leergemeenschap",
        "dagdeel 4",
    ),
    (
        "plg-intervisie",
        "sSprong, professionele leergemeenschap",
        "intervisie",
    ),
    (
        "plg-mt-sessie",
        "sSprong, professionele leergemeenschap",
        "begeleiding MT",
    ),
    (
        "plg-voorstel-vervolgaanpak",
        "sSprong, professionele leergemeenschap",
        "voorstel vervolgaanpak",
    ),
];

// ---------------------------------------------------------------- every guide

#[test]
fn every_bundled_guide_parses_without_warnings() {
    for (name, text) in BUNDLED {
        match parse_guide(name, text) {
            Ok(parsed) => assert!(
                parsed.warnings.is_empty(),
                "{name}: unexpected warnings {:?}",
                parsed.warnings
            ),
            Err(errors) => panic!("{name}: {errors:?}"),
        }
    }
}

#[test]
fn the_bundled_catalog_loads_without_errors() {
    let catalog = Catalog::bundled();
    assert!(catalog.errors.is_empty(), "{:?}", catalog.errors);
    let warnings: Vec<_> = catalog.warnings().collect();
    assert!(warnings.is_empty(), "{warnings:?}");
    for (id, _, _) in SEED_TALKS {
        assert!(
            library().iter().any(|(_, _, g)| g.id() == *id),
            "missing guide {id}"
        );
    }
    assert!(catalog.guides.len() >= SEED_TALKS.len() + 3);
}

#[test]
fn file_names_match_ids() {
    for (name, _, g) in library() {
        assert_eq!(name, format!("{}.toml", g.id()), "file name of {}", g.id());
    }
}

#[test]
fn phase_minutes_add_up_to_the_planned_total() {
    for (name, _, g) in library() {
        if let Some(c) = g.as_conversation() {
            assert_eq!(
                c.phase_minutes(),
                c.minutes,
                "{name}: phases add up to {} but minutes = {}",
                c.phase_minutes(),
                c.minutes
            );
        }
    }
}

#[test]
fn every_conversation_has_one_client_field_and_a_date_defaulting_to_today() {
    for (name, _, g) in library() {
        let Some(c) = g.as_conversation() else {
            continue;
        };
        let clients = c.fields.iter().filter(|f| f.client).count();
        assert_eq!(clients, 1, "{name}: {clients} client fields");
        assert!(
            c.fields
                .iter()
                .any(|f| f.kind == FieldKind::Date && f.default.as_deref() == Some("today")),
            "{name}: no date field with default \"today\""
        );
    }
}

#[test]
fn every_summary_names_the_seed_talk_it_serves() {
    for (id, programme, talk) in SEED_TALKS {
        let summary = conversation(id).summary.to_lowercase();
        assert!(
            summary.contains(&programme.to_lowercase()),
            "{id}: summary does not name {programme:?}"
        );
        assert!(
            summary.contains(&talk.to_lowercase()),
            "{id}: summary does not name the talk {talk:?}"
        );
    }
}

#[test]
fn every_trajectory_step_names_an_existing_conversation_guide() {
    let lib = library();
    let mut trajectories = 0;
    for (name, _, g) in &lib {
        let Some(t) = g.as_trajectory() else {
            continue;
        };
        trajectories += 1;
        let mut last_week = 0;
        for step in &t.steps {
            assert!(
                lib.iter()
                    .any(|(_, _, o)| o.id() == step.guide && o.as_conversation().is_some()),
                "{name}: step guide {} is not a bundled conversation",
                step.guide
            );
            assert!(
                step.week >= last_week,
                "{name}: week decreases at {}",
                step.guide
            );
            last_week = step.week;
        }
    }
    assert!(trajectories >= 3);
}

#[test]
fn every_seed_talk_is_a_step_of_its_trajectory() {
    for (id, _, _) in SEED_TALKS {
        let trajectory_id = id.split('-').next().expect("an id prefix");
        assert!(
            trajectory(trajectory_id)
                .steps
                .iter()
                .any(|s| s.guide == *id),
            "{id} is not a step of {trajectory_id}"
        );
    }
}

// ------------------------------------------------- seed 002: verbetertraject

#[test]
fn verbetertraject_has_exactly_five_coaching_moments_within_three_months() {
    let plan = planned("verbetertraject");
    let co_teaching = weeks_of(&plan, "verbetertraject-co-teaching");
    let nabespreking = weeks_of(&plan, "verbetertraject-nabespreking");
    assert_eq!(
        co_teaching.len(),
        5,
        "co-teaching sessions: {co_teaching:?}"
    );
    assert_eq!(nabespreking.len(), 5, "nabesprekingen: {nabespreking:?}");
    // One coaching moment: the co-teaching on the prepared lesson, the class
    // visit with that lesson, the follow-up talk, in the same week.
    let mut moments = co_teaching.clone();
    moments.sort_unstable();
    moments.dedup();
    assert_eq!(moments.len(), 5, "five distinct weeks: {moments:?}");
    let mut nab = nabespreking.clone();
    nab.sort_unstable();
    assert_eq!(
        moments, nab,
        "co-teaching and nabespreking in the same weeks"
    );
    // The whole trajectory lies within three months (13 weeks).
    for s in &plan {
        assert!(
            s.week >= 1 && s.week <= 13,
            "{} in week {}",
            s.guide,
            s.week
        );
        assert!(
            s.date < start() + chrono::Days::new(13 * 7),
            "{} too late",
            s.guide
        );
    }
}

#[test]
fn verbetertraject_order_and_optional_nu_meting() {
    let plan = planned("verbetertraject");
    let week = |id: &str| weeks_of(&plan, id);
    let klik = week("verbetertraject-klikgesprek");
    let nu = week("verbetertraject-nu-meting");
    let moments = week("verbetertraject-nabespreking");
    let tussen = week("verbetertraject-tussenevaluatie");
    let drie = week("verbetertraject-driegesprek");
    assert_eq!(
        (klik.len(), nu.len(), tussen.len(), drie.len()),
        (1, 1, 1, 1)
    );
    assert!(klik[0] <= nu[0] && nu[0] <= moments[0]);
    // Halfway: after the first coaching moments, before the last.
    assert!(moments[0] < tussen[0] && tussen[0] < moments[4]);
    assert!(
        drie[0] > moments[4],
        "the driegesprek closes the trajectory"
    );
    for s in &plan {
        assert_eq!(
            s.optional,
            s.guide == "verbetertraject-nu-meting",
            "only the nu-meting is optional ({})",
            s.guide
        );
    }
}

#[test]
fn verbetertraject_asks_for_minimal_personnel_data() {
    for (id, _, _) in SEED_TALKS
        .iter()
        .filter(|t| t.0.starts_with("verbetertraject-"))
    {
        let c = conversation(id);
        let client = c.client_field().expect("a client field");
        assert_eq!(client.id, "leerkracht", "{id}: the client is the teacher");
        assert!(c.fields.len() <= 5, "{id}: more header fields than needed");
        assert!(
            c.fields.iter().all(|f| f.kind != FieldKind::Longtext),
            "{id}: a free-text header field invites more than is needed"
        );
    }
}

#[test]
fn verbetertraject_leaves_the_decision_to_the_leidinggevende() {
    let c = conversation("verbetertraject-driegesprek");
    assert!(c.participants.iter().any(|p| p.contains("leerkracht")));
    assert!(c.participants.iter().any(|p| p.contains("leidinggevende")));
    assert!(c.participants.iter().any(|p| p.contains("begeleider")));
    let text: String = c
        .phases
        .iter()
        .map(|p| p.guidance.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("is aan de leidinggevende"));
}

#[test]
fn nabespreking_ends_with_opbrengsten_and_rapportage() {
    let c = conversation("verbetertraject-nabespreking");
    let ids: Vec<&str> = c.phases.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(&ids[ids.len() - 2..], ["opbrengsten", "rapportage"]);
}

// ----------------------------------------------- seed 003: strategietraject

#[test]
fn partnerschapsteam_chooses_three_to_six_assigned_topics() {
    let c = conversation("strategietraject-partnerschapsteam");
    let topics = c
        .lists()
        .map(|(_, l)| l)
        .find(|l| l.id == "onderwerpen")
        .expect("a list of topics");
    assert_eq!(topics.min, Some(3));
    assert_eq!(topics.max, Some(6));
    assert!(
        topics.columns.iter().any(|c| c == "Toegewezen aan"),
        "a column for the participant a topic is assigned to: {:?}",
        topics.columns
    );
}

#[test]
fn afspraken_met_de_directie_carry_to_the_next_session() {
    let c = conversation("strategietraject-afspraken-directie");
    assert!(c.lists().any(|(_, l)| l.id == "afspraken" && l.carry));
}

#[test]
fn strategietraject_order_follows_the_seed() {
    let t = trajectory("strategietraject");
    let order: Vec<&str> = t.steps.iter().map(|s| s.guide.as_str()).collect();
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
}

/// Every text a facilitator sees in a conversation guide, line by line.
fn texts(c: &Conversation) -> Vec<String> {
    let mut all: Vec<&str> = vec![&c.title, &c.subtitle, &c.summary];
    all.extend(c.participants.iter().map(String::as_str));
    all.extend(c.materials.iter().map(String::as_str));
    all.extend(c.preparation.iter().map(String::as_str));
    for f in &c.fields {
        all.push(&f.label);
        all.extend(f.choices.iter().map(String::as_str));
    }
    for p in &c.phases {
        all.extend([p.title.as_str(), &p.goal, &p.guidance]);
        all.extend(p.all_questions().into_iter().map(|(_, q)| q));
        all.extend(p.groups.iter().map(|g| g.title.as_str()));
        for l in &p.lists {
            all.extend([l.label.as_str(), &l.hint]);
            all.extend(l.columns.iter().map(String::as_str));
        }
        for r in &p.ratings {
            all.push(&r.label);
            all.extend(r.scale.iter().map(String::as_str));
            all.extend(r.items.iter().map(String::as_str));
        }
    }
    all.extend(c.reminders.iter().map(|r| r.text.as_str()));
    all.iter()
        .flat_map(|t| t.lines())
        .map(|l| l.trim().to_lowercase())
        .collect()
}

#[test]
fn the_five_partnerships_are_named_never_listed() {
    // The seed names "het model van de 5 partnerschappen" without its parts:
    // no guide may make them up, as a numbered list, a rating or choices.
    let strategie = library()
        .into_iter()
        .filter(|(_, _, g)| g.id().starts_with("strategietraject"));
    let mut conversations = 0;
    for (name, _, g) in strategie {
        let Some(c) = g.as_conversation() else {
            continue;
        };
        conversations += 1;
        for l in texts(c) {
            let mut chars = l.chars();
            let numbered = chars.next().is_some_and(|c| c.is_ascii_digit())
                && chars.next().is_some_and(|c| c == '.' || c == ')');
            assert!(!numbered, "{name}: a numbered line {l:?}");
            for n in 1..=5 {
                for bad in [
                    format!("partnerschap {n}"),
                    format!("partnerschap{n}"),
                    format!("{n}e partnerschap"),
                ] {
                    assert!(!l.contains(&bad), "{name}: {l:?}");
                }
            }
            for bad in [
                "eerste partnerschap",
                "tweede partnerschap",
                "derde partnerschap",
                "vierde partnerschap",
                "vijfde partnerschap",
            ] {
                assert!(!l.contains(bad), "{name}: {l:?}");
            }
        }
        for p in &c.phases {
            for r in &p.ratings {
                assert!(
                    !(r.items.len() == 5 || r.label.to_lowercase().contains("partnerschap")),
                    "{name}: rating {} looks like the five partnerships",
                    r.id
                );
            }
        }
        for f in &c.fields {
            assert!(
                f.choices.len() != 5,
                "{name}: field {} has five choices",
                f.id
            );
        }
    }
    assert_eq!(conversations, 5);
}

// --------------------------------------------------------------- seed 004: plg

#[test]
fn plg_follows_the_twelve_week_schedule_exactly() {
    let plan = planned("plg");
    let training: Vec<u32> = (1..=4)
        .flat_map(|n| weeks_of(&plan, &format!("plg-dagdeel-{n}")))
        .collect();
    assert_eq!(training, [1, 4, 7, 10], "training");
    assert_eq!(weeks_of(&plan, "plg-mt-sessie"), [2, 5, 8, 11], "MT");
    assert_eq!(
        weeks_of(&plan, "plg-intervisie"),
        [3, 6, 9, 12],
        "intervisie"
    );
    for s in &plan {
        let expected = start() + chrono::Days::new(u64::from(s.week - 1) * 7);
        assert_eq!(s.date, expected, "{} in week {}", s.guide, s.week);
    }
    // Chronological: the plan never goes back in time.
    assert!(plan.windows(2).all(|w| w[0].date <= w[1].date));
    // Stap 1 before the first half-day (both in week 1), stap 3 after week 12.
    assert_eq!(
        plan.first().map(|s| s.guide.as_str()),
        Some("plg-projectvoorbereiding")
    );
    assert_eq!(plan[0].week, 1);
    let last = plan.last().expect("steps");
    assert_eq!(last.guide, "plg-voorstel-vervolgaanpak");
    assert!(last.week > 12);
    assert_eq!(plan.len(), 14);
}

#[test]
fn plg_intervision_at_most_an_hour_and_mt_at_most_ninety_minutes() {
    let intervisie = conversation("plg-intervisie");
    assert!(
        intervisie.minutes <= 60,
        "intervisie {}",
        intervisie.minutes
    );
    assert!(intervisie.phase_minutes() <= 60);
    let mt = conversation("plg-mt-sessie");
    assert!(mt.minutes <= 90, "MT {}", mt.minutes);
    assert!(mt.phase_minutes() <= 90);
}

#[test]
fn every_half_day_ends_with_a_personal_action_plan() {
    for n in 1..=4 {
        let c = conversation(&format!("plg-dagdeel-{n}"));
        let last = c.phases.last().expect("phases");
        let plan = last
            .lists
            .iter()
            .find(|l| l.id == "actieplan")
            .unwrap_or_else(|| panic!("dagdeel {n} does not end with the action plan"));
        assert_eq!(plan.columns, ["Doelstelling", "Wie", "Voor wanneer"]);
        assert!(plan.carry, "the action plan comes back in the intervision");
    }
    let intervisie = conversation("plg-intervisie");
    assert!(
        intervisie
            .lists()
            .any(|(_, l)| l.id == "actieplan" && l.carry)
    );
}

// ------------------------------------- wording (issue 16 point 5, regressions)

/// Words of the polite form of address (u) and of the familiar one (je,
/// and its plural jullie). Whole words only: "jeugd" or "uur" are neither.
const U_FORMS: &[&str] = &["u", "uw", "uzelf"];
const JE_FORMS: &[&str] = &["je", "jij", "jou", "jouw", "jezelf", "jullie"];

/// Names from the seeds that contain a form of address but are not one:
/// plg-dagdeel-1 says u, and its 'pak je regie'-stand keeps its name.
const NAMES_WITH_A_PRONOUN: &[&str] = &["pak je regie"];

/// The lower-case words of `text`, names with a pronoun left out.
fn words(text: &str) -> Vec<String> {
    let mut text = text.to_lowercase();
    for name in NAMES_WITH_A_PRONOUN {
        text = text.replace(name, " ");
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a conversation asks its participants: the phase titles, the helper
/// questions (grouped or not) and the rating labels. Goals, guidance and
/// the checklist speak to the facilitator and may address them otherwise
/// (the parents' evening asks the parents with u and tells its discussion
/// leader with je).
fn asked(c: &Conversation) -> Vec<&str> {
    let mut out = Vec::new();
    for p in &c.phases {
        out.push(p.title.as_str());
        out.extend(p.all_questions().into_iter().map(|(_, q)| q));
        out.extend(p.ratings.iter().map(|r| r.label.as_str()));
    }
    out
}

#[test]
fn no_guide_mixes_u_and_je_in_what_it_asks() {
    for (name, _, g) in library() {
        let Some(c) = g.as_conversation() else {
            continue;
        };
        let first = |forms: &[&str]| {
            asked(c)
                .into_iter()
                .find(|t| words(t).iter().any(|w| forms.contains(&w.as_str())))
        };
        if let (Some(u), Some(je)) = (first(U_FORMS), first(JE_FORMS)) {
            panic!("{name} says u in {u:?} and je in {je:?}: choose one form");
        }
    }
}

#[test]
fn the_words_check_finds_whole_words_only() {
    assert_eq!(
        words("Hoe ziet de jeugd het uur?"),
        ["hoe", "ziet", "de", "jeugd", "het", "uur"]
    );
    assert!(words("Wat wilt u ontwikkelen?").contains(&"u".to_owned()));
    assert!(words("collega's in jouw team").contains(&"jouw".to_owned()));
    assert!(!words("de 'pak je regie'-stand").contains(&"je".to_owned()));
}

/// Every text a guide shows (conversation or trajectory), lower case, line
/// by line; the header comments are not shown and may quote the seeds.
fn shown(g: &Guide) -> Vec<String> {
    match g {
        Guide::Conversation(c) => texts(c),
        Guide::Trajectory(t) => {
            let mut all = vec![t.title.as_str(), &t.subtitle, &t.summary];
            all.extend(t.steps.iter().map(|s| s.title.as_str()));
            all.iter()
                .flat_map(|t| t.lines())
                .map(|l| l.trim().to_lowercase())
                .collect()
        }
    }
}

#[test]
fn the_misspellings_corrected_in_issue_16_stay_corrected() {
    // (wrong, why): none may come back in any bundled guide.
    let wrong = [
        ("open staan", "openstaan is one word"),
        (
            "leerkracht aan de verbeterpunten",
            "begeleiding bij (het werken aan) de verbeterpunten",
        ),
        (
            "het aan je?",
            "'Hoe zien collega's het aan je?' is not idiomatic",
        ),
        ("(zie deel a)", "the seed says '(zie hieronder)'"),
    ];
    for (name, _, g) in library() {
        for line in shown(&g) {
            for (bad, why) in wrong {
                assert!(!line.contains(bad), "{name}: {line:?} ({why})");
            }
            // "naartoe" is one word; the voortgangsgesprek keeps the seed's
            // own question verbatim ("Waar moet de aandacht naar toe?"),
            // which tests/guides_seed_000_001.rs pins.
            if g.id() != "voortgangsgesprek" {
                assert!(!line.contains("naar toe"), "{name}: {line:?} (naartoe)");
            }
        }
    }
}

#[test]
fn participants_are_whom_to_invite_not_instructions() {
    for (name, _, g) in library() {
        let Some(c) = g.as_conversation() else {
            continue;
        };
        for p in &c.participants {
            assert!(
                !p.trim_end().ends_with('.'),
                "{name}: the invitee {p:?} reads as an instruction: it belongs in the preparation"
            );
        }
    }
}

#[test]
fn voortgangsgesprek_keeps_the_seeds_text_around_the_phases() {
    let c = conversation("voortgangsgesprek");
    for s in [
        // When to hold it, and that it may be held more often and shorter.
        "In alle gevallen is het interessant om even een ‘komma’ te zetten en naar boven te halen wat er nodig is voor een volgende stap.",
        "Een voortgangsgesprek kun je vaker inzetten en eventueel aanpassen naar een korter gesprek.",
        // "Vooraf": what the school and the consultant did beforehand.
        "Vooraf heeft de school stappen ondernomen om te werken aan hun ambities en ideaalplaatje.",
        "Als begeleider heb je dit proces gevolgd, feedback gegeven en hier samen op gereflecteerd.",
        "Mogelijk heb je diverse instrumenten ingezet die hierbij kunnen ondersteunen.",
    ] {
        assert!(
            c.summary.contains(s),
            "the summary lacks {s:?}:\n{}",
            c.summary
        );
    }
    let changes = "Als er belangrijke wisselingen zijn geweest, is dit hét moment om iemand aan te laten haken.";
    assert!(
        c.preparation.iter().any(|p| p == changes),
        "{:?}",
        c.preparation
    );
    assert!(
        c.participants.iter().all(|p| !p.contains("wisselingen")),
        "{:?}",
        c.participants
    );
}

#[test]
fn ambitiegesprek_sends_the_report_with_the_preparation_mail() {
    let c = conversation("ambitiegesprek");
    // The seed nests the questionnaire and the report of the last route talk
    // under the preparation mail: whatever says "mee" says with what.
    for part in [
        "voorbereidingsvragenlijst",
        "verslag van het laatste routegesprek",
    ] {
        let item = c
            .preparation
            .iter()
            .find(|p| p.contains(part))
            .unwrap_or_else(|| panic!("no checklist item with {part:?}"));
        assert!(
            item.contains("voorbereidingsmail"),
            "{item:?} does not say it goes with the preparation mail"
        );
    }
    assert!(
        c.preparation.iter().any(|p| p.starts_with(
            "Lees de doelen en resultaten nog eens goed door (zie verderop in deze leidraad)"
        )),
        "{:?}",
        c.preparation
    );
}

/// The header comment of a guide file, its lines joined by spaces.
fn header(text: &str) -> String {
    text.lines()
        .take_while(|l| !l.starts_with("format"))
        .filter_map(|l| l.strip_prefix('#'))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_conversation_header_declares_its_durations() {
    // The guides whose planned total the seed gives: their split over the
    // phases is what was chosen.
    let timed_by_the_seed = ["voortgangsgesprek", "plg-intervisie", "plg-mt-sessie"];
    for (name, text, g) in library() {
        let Some(c) = g.as_conversation() else {
            continue;
        };
        let header = header(text);
        assert!(
            header.contains(&format!("{} minuten", c.minutes))
                || (c.minutes == 90 && header.contains("anderhalf uur")),
            "{name}: the header does not name the {} minutes: {header}",
            c.minutes
        );
        if timed_by_the_seed.contains(&c.id.as_str()) {
            assert!(
                header.contains("verdeling over de fasen is een keuze"),
                "{name}: the header does not say the split over the phases is chosen: {header}"
            );
        } else {
            assert!(
                ["keuze", "afgeleid", "voorstel"]
                    .iter()
                    .any(|w| header.contains(w)),
                "{name}: the header does not say the duration is chosen: {header}"
            );
        }
    }
}
