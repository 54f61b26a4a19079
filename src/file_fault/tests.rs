//! Real broken session files and the fault each one names: its place
//! (columns in characters) and its kind, and the words for it in both
//! languages, never the parser's English.

use super::{At, Fault, FaultKind, kind_of};
use crate::i18n::Lang;
use crate::session::Session;
use crate::session::fixture::{guide, t0};
use crate::store::{DamageReason, session_text};

/// The text the store writes for a small session with a client.
fn good() -> String {
    let mut s = Session::new(&guide(), t0());
    s.client = "De Regenboog".into();
    session_text(&s).unwrap()
}

/// The 1-based line of the first line of `text` that starts with `start`.
fn line_of(text: &str, start: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(start))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no line starts with {start:?}"))
}

/// The reason the store gives for `good()` with `from` replaced by `to`.
fn damage(from: &str, to: &str) -> DamageReason {
    let text = good();
    assert!(text.contains(from), "{from:?} in the session text");
    let broken = text.replacen(from, to, 1);
    match crate::store::read_back(broken.as_bytes()) {
        Ok(_) => panic!("{to:?} still reads"),
        Err(reason) => reason,
    }
}

/// The fault of a file that is not a valid session.
fn fault(from: &str, to: &str) -> Fault {
    match damage(from, to) {
        DamageReason::Invalid(fault) => fault,
        other => panic!("{to:?}: {other:?}"),
    }
}

fn at(line: usize, column: usize) -> Option<At> {
    Some(At { line, column })
}

const CLIENT: &str = "client = \"De Regenboog\"";

#[test]
fn a_line_cut_inside_its_quotes_is_an_unclosed_text_at_the_end_of_the_line() {
    let line = line_of(&good(), "client = ");
    let f = fault(CLIENT, "client = \"De Regen");
    // `client = "De Regen` is 18 characters: the text runs to the line's end.
    assert_eq!(
        f,
        Fault {
            at: at(line, 19),
            kind: FaultKind::UnclosedText
        }
    );
}

#[test]
fn a_value_of_the_wrong_type_names_its_key_and_points_at_the_value() {
    let line = line_of(&good(), "current = ");
    let f = fault("current = 0", "current = \"twee\"");
    assert_eq!(
        f,
        Fault {
            at: at(line, 11),
            kind: FaultKind::WrongType(Some("current".into()))
        }
    );
    let f = fault(CLIENT, "client = 5");
    assert_eq!(f.kind, FaultKind::WrongType(Some("client".into())));
}

#[test]
fn a_missing_required_field_is_named() {
    let f = fault("status = \"in_progress\"\n", "");
    assert_eq!(
        f,
        Fault {
            at: at(1, 1),
            kind: FaultKind::MissingField("status".into())
        }
    );
}

#[test]
fn a_key_given_twice_is_named_at_its_second_place() {
    let line = line_of(&good(), "client = ");
    let f = fault(CLIENT, &format!("{CLIENT}\nclient = \"Het Anker\""));
    assert_eq!(
        f,
        Fault {
            at: at(line + 1, 1),
            kind: FaultKind::DuplicateKey(Some("client".into()))
        }
    );
}

#[test]
fn an_unknown_status_is_a_value_that_is_not_allowed() {
    let line = line_of(&good(), "status = ");
    let f = fault("status = \"in_progress\"", "status = \"???\"");
    assert_eq!(
        f,
        Fault {
            at: at(line, 10),
            kind: FaultKind::BadValue(Some("status".into()))
        }
    );
}

#[test]
fn columns_are_counted_in_characters_not_bytes() {
    let line = line_of(&good(), "client = ");
    // `client = "ëé"` is 14 characters and 16 bytes; the fault is after it.
    let f = fault(CLIENT, "client = \"ëé\" x");
    assert_eq!(
        f,
        Fault {
            at: at(line, 15),
            kind: FaultKind::BrokenLine
        }
    );
}

#[test]
fn broken_headers_numbers_and_dates_have_kinds_of_their_own() {
    let cases = [
        ("\n[[phases]]\n", "\n[[phases]\n", FaultKind::UnclosedHeader),
        ("current = 0", "current = 1.2.3", FaultKind::BadNumber),
        ("current = 0", "current = [1, 2", FaultKind::UnclosedList),
        (CLIENT, "client", FaultKind::MissingValue),
        (CLIENT, "client = De Regenboog", FaultKind::UnquotedValue),
        (
            "created = ",
            "created = 2026-11-2\nxcreated = ",
            FaultKind::BadDate,
        ),
    ];
    for (from, to, kind) in cases {
        let f = fault(from, to);
        assert_eq!(f.kind, kind, "{to:?}");
        assert!(f.at.is_some(), "{to:?} has a place");
    }
}

#[test]
fn a_session_that_breaks_its_own_rules_says_which_without_a_place() {
    let f = fault("current = 0", "current = 99");
    assert_eq!(f, Fault::whole(FaultKind::NoSuchPhase(99)));
    let nl = DamageReason::Invalid(f.clone()).message(Lang::Nl.texts());
    assert_eq!(
        nl,
        "geen geldig gespreksbestand: de huidige fase (100) bestaat niet"
    );
}

#[test]
fn binary_junk_is_not_text_before_it_is_toml() {
    let mut bytes = good().into_bytes();
    bytes[10] = 0xff;
    assert_eq!(
        crate::store::read_back(&bytes).err(),
        Some(DamageReason::NotText)
    );
}

#[test]
fn a_message_toml_has_no_kind_for_is_not_valid_toml_here() {
    assert_eq!(
        kind_of("a = = b", 4, "a brand-new complaint"),
        FaultKind::Syntax
    );
    // The TOML reads: a value's own parser refused it.
    assert_eq!(
        kind_of(
            "created = \"gisteren\"\n",
            10,
            "input contains invalid characters"
        ),
        FaultKind::BadValue(Some("created".into()))
    );
}

#[test]
fn the_words_are_the_users_language_and_never_the_parsers_english() {
    let line = line_of(&good(), "client = ");
    let cases = [
        (CLIENT, "client = \"De Regen"),
        (CLIENT, "client = \"De\" Regenboog"),
        (CLIENT, "client"),
        (CLIENT, "client = 5"),
        ("status = \"in_progress\"\n", ""),
        (CLIENT, "client = \"x\"\nclient = \"y\""),
        ("status = \"in_progress\"", "status = \"???\""),
        ("\n[[phases]]\n", "\n[[phases]\n"),
        ("current = 0", "current = 99"),
    ];
    for (from, to) in cases {
        let reason = damage(from, to);
        let nl = reason.message(Lang::Nl.texts());
        for english in [
            "expected",
            "unexpected",
            "invalid",
            "missing",
            "field",
            "key",
            "value",
        ] {
            assert!(!nl.contains(english), "{to:?}: {nl}");
        }
        let en = reason.message(Lang::En.texts());
        for parser in [
            "expected",
            "unexpected",
            "invalid",
            "newline",
            "variant",
            "usize",
        ] {
            assert!(!en.contains(parser), "{to:?}: {en}");
        }
    }
    let cut = damage(CLIENT, "client = \"De Regen");
    assert_eq!(
        cut.message(Lang::Nl.texts()),
        format!(
            "regel {line}, kolom 19: een tekst tussen aanhalingstekens die niet is afgesloten \
             of een teken bevat dat er niet in mag"
        )
    );
    assert_eq!(
        cut.message_in("kapot.toml", Lang::En.texts()),
        format!(
            "kapot.toml:{line}:19: a quoted text that is not closed or holds a character it \
             may not"
        )
    );
}

#[test]
fn every_fault_survives_its_stored_form() {
    let key = || Some("client".to_string());
    let kinds = [
        FaultKind::Syntax,
        FaultKind::BrokenLine,
        FaultKind::UnclosedText,
        FaultKind::UnclosedHeader,
        FaultKind::UnclosedList,
        FaultKind::MissingValue,
        FaultKind::UnquotedValue,
        FaultKind::BadNumber,
        FaultKind::BadDate,
        FaultKind::DuplicateKey(None),
        FaultKind::WrongType(key()),
        FaultKind::BadValue(key()),
        FaultKind::MissingField("status".into()),
        FaultKind::UnknownField("statu".into()),
        FaultKind::PhaseCount {
            records: 2,
            phases: 3,
        },
        FaultKind::PhaseMismatch {
            record: "a".into(),
            guide: "b".into(),
        },
        FaultKind::NoSuchPhase(7),
        FaultKind::GuideRules(vec!["expected 1 to 6 `columns`, found 0".into()]),
        FaultKind::PlanSteps("step 2 is skipped but not optional".into()),
    ];
    for kind in kinds {
        for f in [
            Fault::whole(kind.clone()),
            Fault {
                at: at(12, 5),
                kind: kind.clone(),
            },
        ] {
            let stored = serde_json::to_string(&f).unwrap();
            assert_eq!(
                serde_json::from_str::<Fault>(&stored).unwrap(),
                f,
                "{stored}"
            );
            let nl = f.message(Lang::Nl.texts());
            assert!(!nl.contains("expected") && !nl.contains("step"), "{nl}");
        }
    }
}
