//! `config.toml` end to end: with a broken one the real binary in tmux
//! still starts (with the defaults for what it could not use) and says what
//! is wrong on the home screen; the consultant's name fills the guide's
//! Begeleider field; the README's example is a file without a problem.
//! The tmux tests are skipped with a note when tmux is missing.

mod common;

use std::time::Duration;

use common::tmux::Tmux;

const S10: Duration = Duration::from_secs(10);

/// A server whose config folder holds `config` as config.toml.
fn with_config(config: &str) -> Option<Tmux> {
    let Some(t) = Tmux::new() else {
        eprintln!("tmux is missing: skipped");
        return None;
    };
    std::fs::create_dir_all(t.cfg_dir()).unwrap();
    std::fs::write(t.cfg_dir().join("config.toml"), config).unwrap();
    Some(t)
}

/// The screen with its lines joined, so a message wrapped in the detail
/// pane can be looked for whole: each row's right-hand pane, trimmed.
fn detail_text(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| l.rsplit_once('│').map(|(left, _)| left))
        .filter_map(|l| l.rsplit_once('│').map(|(_, right)| right.trim()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_wrong_key_and_type_are_shown_on_the_home_screen_and_the_app_runs() {
    let Some(mut t) = with_config("bel = true\nbell = \"ja\"\nconsultant = \"Anna\"\n") else {
        return;
    };
    t.start(&[]);
    t.wait_for("Gesprekken", S10);
    let screen = t.wait_for("standaardwaarde", S10);
    let text = detail_text(&screen);
    assert!(text.contains("config.toml:1:1"), "{screen}");
    assert!(text.contains("bedoel je `bell`?"), "{screen}");
    assert!(text.contains("config.toml:2:8"), "{screen}");
    assert!(text.contains("leidraad config --edit"), "{screen}");
    // The app works as ever: the guides are there, and q leaves.
    t.send_key("q");
    assert_eq!(t.wait_exit(S10), 0);
}

#[test]
fn a_syntax_error_is_shown_on_the_home_screen_and_the_app_runs() {
    let Some(mut t) = with_config("lang = \"nl\ndata_dir = \"/nergens\"\n") else {
        return;
    };
    t.start(&[]);
    t.wait_for("Gesprekken", S10);
    let screen = t.wait_for("standaardwaarde", S10);
    let text = detail_text(&screen);
    assert!(text.contains("config.toml:1:11"), "{screen}");
    assert!(text.contains("geen geldige TOML"), "{screen}");
    t.send_key("q");
    assert_eq!(t.wait_exit(S10), 0);
    // The file was left out whole: its data_dir did not count.
    assert!(!std::path::Path::new("/nergens").exists());
    assert!(t.data_dir().exists());
}

#[test]
fn a_good_config_says_nothing_on_the_home_screen() {
    let Some(mut t) = with_config("bell = true\nconsultant = \"Anna\"\n") else {
        return;
    };
    t.start(&[]);
    let screen = t.wait_for("Gesprekken", S10);
    assert!(!screen.contains("config.toml"), "{screen}");
    assert!(!screen.contains("standaardwaarde"), "{screen}");
    t.send_key("q");
    assert_eq!(t.wait_exit(S10), 0);
}

#[test]
fn the_consultants_name_fills_the_begeleider_field() {
    let Some(mut t) = with_config("consultant = \"Anna de Vries\"\n") else {
        return;
    };
    t.start(&["start", "voortgangsgesprek"]);
    t.wait_for("Voorbereiding", S10);
    t.send_key("Enter");
    let screen = t.wait_for("Begeleider", S10);
    let field = screen
        .lines()
        .skip_while(|l| !l.contains("Begeleider"))
        .nth(1)
        .unwrap_or_default();
    assert!(field.contains("Anna de Vries"), "{screen}");
    t.send_key("C-c");
    t.wait_exit(S10);
}

/// The example of the README's "Settings (config.toml)" section.
fn readme_example() -> String {
    let readme = include_str!("../README.md");
    let section = readme
        .split("## Settings (config.toml)")
        .nth(1)
        .expect("the README has the settings section");
    // Not a bare ```toml block: those are guides (tests/guide_format.rs).
    let block = section
        .split("```toml config.toml\n")
        .nth(1)
        .expect("an example");
    block.split("```").next().unwrap_or_default().to_string()
}

#[test]
fn the_readmes_example_sets_every_setting_without_a_problem() {
    let (file, problems) = leidraad::config::parse(&readme_example());
    assert_eq!(problems, Vec::new());
    let leidraad::config::ConfigFile {
        lang,
        data_dir,
        bell,
        colors,
        consultant,
        export_dir,
        export_format,
    } = file;
    assert!(lang.is_some() && data_dir.is_some() && bell.is_some() && colors.is_some());
    assert!(consultant.is_some() && export_dir.is_some() && export_format.is_some());
    for (key, _) in leidraad::config::KEYS {
        assert!(readme_example().contains(&format!("\n{key} = ")), "{key}");
    }
}
