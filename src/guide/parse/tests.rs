use super::*;
use crate::guide::{FieldKind, ReminderAt};

const PHASE: &str = "[[phases]]\nid = \"a\"\ntitle = \"A\"\nminutes = 10\n";

fn conv(extra_top: &str, rest: &str) -> String {
    format!("format = 1\nid = \"g\"\ntitle = \"G\"\n{extra_top}{PHASE}{rest}")
}

fn errors(text: &str) -> Vec<String> {
    match parse_guide("t.toml", text) {
        Ok(_) => vec![],
        Err(e) => e.iter().map(|d| d.to_string()).collect(),
    }
}

#[test]
fn position_counts_lines_and_characters() {
    let text = "ab\nëé x\n";
    assert_eq!(position(text, 0), Position { line: 1, column: 1 });
    assert_eq!(position(text, 3), Position { line: 2, column: 1 });
    // "ëé " is 5 bytes, 3 characters.
    assert_eq!(position(text, 8), Position { line: 2, column: 4 });
    // Inside a multi-byte character and past the end: no panic.
    assert_eq!(position(text, 4), Position { line: 2, column: 1 });
    assert_eq!(position(text, 999).line, 3);
}

#[test]
fn diagnostic_display() {
    let d = Diagnostic::at("x.toml", Position { line: 3, column: 7 }, "bad");
    assert_eq!(d.to_string(), "x.toml:3:7: bad");
    assert_eq!(
        Diagnostic::whole_file("x.toml", "gone").to_string(),
        "x.toml: gone"
    );
}

#[test]
fn defaults_are_filled_in() {
    let p = parse_guide("t.toml", &conv("", "[[phases]]\nid = \"b\"\ntitle = \"B\"\nminutes = 5\n[[fields]]\nid = \"f\"\nlabel = \"F\"\n")).unwrap();
    let c = p.guide.as_conversation().unwrap();
    assert_eq!(c.minutes, 15);
    assert_eq!(c.language, "nl");
    assert_eq!(c.fields[0].kind, FieldKind::Text);
    assert!(p.warnings.is_empty());
    assert_eq!(p.id_at, Position { line: 2, column: 6 });
}

#[test]
fn minutes_differing_from_sum_is_a_warning() {
    let p = parse_guide("t.toml", &conv("minutes = 90\n", "")).unwrap();
    assert_eq!(p.guide.as_conversation().unwrap().minutes, 90);
    assert_eq!(
        p.warnings[0].to_string(),
        "t.toml:4:11: `minutes` is 90 but the phases add up to 10; the phase budgets are scaled to 90 on screen"
    );
}

#[test]
fn reminders_convert() {
    let p = parse_guide(
        "t.toml",
        &conv("", "[[reminders]]\nminutes_before_end = 5\ntext = \"x\"\n[[reminders]]\nminutes_after_start = 10\ntext = \"y\"\n"),
    )
    .unwrap();
    let c = p.guide.as_conversation().unwrap();
    assert_eq!(c.reminders[0].at, ReminderAt::MinutesBeforeEnd(5));
    assert_eq!(c.reminders[1].at, ReminderAt::MinutesAfterStart(10));
}

#[test]
fn not_utf8_points_at_the_bad_byte() {
    let mut bytes = b"format = 1\nid = \"g\xc3\xab".to_vec();
    bytes.push(0xff);
    let e = parse_guide_bytes("t.toml", &bytes).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "t.toml:2:9: the file is not valid UTF-8 text; save it as UTF-8"
    );
}

#[test]
fn empty_and_blank_files() {
    for text in ["", "  \n\n", "\u{feff}"] {
        assert_eq!(
            errors(text),
            vec!["t.toml:1:1: the file is empty; expected a guide starting with `format = 1`"]
        );
    }
}

#[test]
fn byte_order_mark_is_accepted() {
    assert!(parse_guide("t.toml", &format!("\u{feff}{}", conv("", ""))).is_ok());
}

#[test]
fn several_own_errors_are_reported_at_once() {
    let text = conv(
        "",
        "[[phases]]\nid = \"a\"\ntitle = \"B\"\nminutes = 0\nrevisit = \"z\"\n",
    );
    let e = errors(&text);
    assert_eq!(e.len(), 3, "{e:#?}");
    assert!(e[0].starts_with("t.toml:9:6: duplicate phase id `a`; it is already used on line 5"));
    assert!(e[1].starts_with("t.toml:11:11: phase minutes must be between 1 and 600"));
    assert!(e[2].starts_with("t.toml:12:11: `revisit` names the unknown phase `z`"));
}

#[test]
fn did_you_mean_only_for_near_misses() {
    assert_eq!(
        did_you_mean("minuten", &["minutes", "title"]),
        " (did you mean `minutes`?)"
    );
    assert_eq!(did_you_mean("xyz", &["minutes", "title"]), "");
}

#[test]
fn ids_follow_the_pattern() {
    use super::validate::valid_id;
    assert!(valid_id("a"));
    assert!(valid_id("0-plg-dagdeel-1"));
    for bad in ["", "-a", "A", "a_b", "a b", "é"] {
        assert!(!valid_id(bad), "{bad}");
    }
}

#[test]
fn trajectory_weeks_default_and_repeats() {
    let text = "format = 1\nkind = \"trajectory\"\nid = \"t\"\ntitle = \"T\"\n\
        [[steps]]\nguide = \"a\"\n\
        [[steps]]\nguide = \"b\"\nweek = 4\nrepeat = 3\n\
        [[steps]]\nguide = \"c\"\n";
    let p = parse_guide("t.toml", text).unwrap();
    let t = p.guide.as_trajectory().unwrap();
    let got: Vec<(u32, u32, Option<u32>)> = t
        .steps
        .iter()
        .map(|s| (s.week, s.repeat, s.every_weeks))
        .collect();
    assert_eq!(got, vec![(1, 1, None), (4, 3, Some(1)), (5, 1, None)]);
    assert_eq!(p.step_at.len(), 3);
    assert_eq!(p.step_at[1], Position { line: 8, column: 9 });
    assert_eq!(t.steps[0].title, "");
}

#[test]
fn every_weeks_without_repeat_is_a_warning() {
    let text = "format = 1\nkind = \"trajectory\"\nid = \"t\"\ntitle = \"T\"\n\
        [[steps]]\nguide = \"a\"\nevery_weeks = 2\n";
    let p = parse_guide("t.toml", text).unwrap();
    assert_eq!(
        p.warnings[0].to_string(),
        "t.toml:7:15: `every_weeks` has no effect without `repeat` > 1"
    );
    assert_eq!(p.guide.as_trajectory().unwrap().steps[0].every_weeks, None);
}

#[test]
fn duplicate_key_is_named() {
    assert_eq!(
        errors("format = 1\nid = \"g\"\ntitle = \"x\"\ntitle = \"y\"\n"),
        vec!["t.toml:4:1: duplicate key `title`: each key may appear only once in a table"]
    );
}

#[test]
fn head_values_of_the_wrong_type_are_named() {
    assert_eq!(
        errors("format = \"1\"\n"),
        ["t.toml:1:10: expected `format = 1` (a whole number), found string"]
    );
    assert_eq!(
        errors("format = 1\nkind = 2\n"),
        [
            "t.toml:2:8: expected `kind` to be the string \"conversation\" or \"trajectory\", found integer"
        ]
    );
}

#[test]
fn field_defaults_must_fit_their_kind() {
    let field = |body: &str| errors(&conv("", &format!("[[fields]]\n{body}")));
    assert_eq!(
        field("id = \"d\"\nlabel = \"D\"\nkind = \"date\"\ndefault = \"2025-02-30\"\n"),
        [
            "t.toml:12:11: invalid date default `2025-02-30`; expected \"today\" or a date like \"2025-09-01\""
        ]
    );
    assert_eq!(
        field(
            "id = \"c\"\nlabel = \"C\"\nkind = \"choice\"\nchoices = [\"a\", \"b\"]\ndefault = \"x\"\n"
        ),
        ["t.toml:13:11: default `x` is not one of the field's `choices`"]
    );
}

#[test]
fn two_problems_at_one_place_keep_the_order_they_were_found_in() {
    assert_eq!(
        errors(&conv(
            "",
            "[[fields]]\nid = \"Bad_Id\"\nlabel = \"C\"\nkind = \"choice\"\n"
        )),
        [
            "t.toml:9:6: invalid id `Bad_Id`; expected lower-case letters a-z, digits and hyphens, starting with a letter or digit",
            "t.toml:9:6: field `Bad_Id` has kind \"choice\" but no `choices`; expected `choices` with at least two options",
        ]
    );
}
