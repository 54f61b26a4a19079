//! The real binary in tmux: a trajectory planned for a client from the
//! home screen, its first talk held from the timeline and finished, and
//! the home screen showing it held with the next step.

mod common;

use std::time::Duration;

use common::tmux::Tmux;

const S5: Duration = Duration::from_secs(5);
const S10: Duration = Duration::from_secs(10);

#[test]
fn a_planned_trajectorys_first_talk_is_held_from_its_timeline() {
    let Some(mut t) = Tmux::new() else { return };
    t.start(&[]);
    t.wait_for("Trajecten", S10);
    // Gesprekken: Ambitiegesprek, Voortgangsgesprek; Trajecten: PLG,
    // Strategietraject, Verbetertraject.
    t.keys(&["Down", "Down", "Down", "Down", "Enter"]);
    t.wait_for("Plannen voor een cliënt", S5);
    t.keys(&["Down", "Enter"]);
    t.wait_for("Plannen · Verbetertraject", S5);
    t.send_text("Juf Sanne de Vries");
    // The start date: today, as it is filled in.
    t.keys(&["Enter", "Enter"]);
    let timeline = t.wait_for("Verbetertraject · Juf Sanne de Vries · vanaf", S10);
    assert!(timeline.contains("Klikgesprek  volgende"), "{timeline}");
    let plans = t.data_dir().join("plans");
    let files: Vec<_> = std::fs::read_dir(&plans).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one plan file");
    let plan_file = files[0].path();

    // The first talk from the timeline: the client filled in.
    t.send_key("Enter");
    t.wait_for(
        "Voorbereiding · Klikgesprek · Verbetertraject · Juf Sanne de Vries",
        S5,
    );
    t.send_key("Enter");
    let form = t.wait_for("Gegevens · Klikgesprek", S5);
    assert!(form.contains("Juf Sanne de Vries"), "{form}");
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    t.wait_for("Totaal", S5);
    t.send_text("Het klikte meteen.");
    t.send_key("Escape");
    t.send_key("f");
    t.wait_for("Zeker weten?", S5);
    t.send_key("j");
    t.wait_for("In het plan afgevinkt: Klikgesprek", S10);
    let session = t.wait_session(S5, |s| s.status == leidraad::session::Status::Finished);
    let session_file = t
        .only_session_file()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let reference = session.plan.expect("the session records its step");
    assert_eq!((reference.step, reference.repeat), (0, 0));

    // Home: the plan with its next step.
    t.send_key("Enter");
    let home = t.wait_for("Juf Sanne de Vries · Verbetertraject", S5);
    assert!(home.contains("Nu-meting"), "the next step:\n{home}");
    // Its timeline, the Klikgesprek held: the rows are the talk just held
    // (Recent), the two conversations, then the plan.
    for _ in 0..20 {
        t.send_key("Up");
    }
    t.keys(&["Down", "Down", "Down"]);
    t.send_key("Enter");
    // ("gehouden" alone is on the home screen too: "1 van 14 gehouden".)
    let timeline = t.wait_for("Klikgesprek  gehouden", S5);
    assert!(
        timeline.contains("✓") && timeline.contains("Klikgesprek  gehouden"),
        "{timeline}"
    );
    let text = std::fs::read_to_string(&plan_file).unwrap();
    assert!(
        text.contains(&session_file),
        "the plan names the session:\n{text}"
    );
    t.send_key("C-c");
    assert_eq!(t.wait_exit(S5), 0);
}
