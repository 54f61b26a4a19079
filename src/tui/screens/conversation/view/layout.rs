//! How the phase's side is shared out between the guide pane (goal,
//! guidance, helper questions), the notes and the lists pane: row by row,
//! in the order of what matters at the table.
//!
//! 1. Every pane is there: the notes with two rows (three while typing),
//!    the lists with two (one while every list is empty: its heading says
//!    "(0)"), the guide with its goal's first row.
//! 2. The pane in use: the focused list or rating in full (up to half the
//!    side); the questions in full when they have the focus.
//! 3. The helper questions, one row each (the heart of a phase), then in
//!    full (the first ones first, see `guide.rs`).
//! 4. The rest of the goal; then the notes up to a quarter of the side (a
//!    third while typing).
//! 5. The lists pane in full (up to 2/5 of the side); the rest of the
//!    guidance; whatever is left goes to the notes.

/// What the panes would like, in rows inside their borders.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Wants {
    /// The questions at one row each, with their headings (0: none).
    pub questions_min: u16,
    /// The questions in full.
    pub questions_full: u16,
    /// The goal's rows.
    pub goal: u16,
    /// The goal's and the guidance's rows.
    pub text: u16,
    /// The lists pane's rows (None: the phase has no lists pane).
    pub lists: Option<u16>,
    /// Whether the lists pane shows an item (a list item, a rated item, an
    /// open item of an earlier talk), not only headings.
    pub list_items: bool,
    /// Where the focus is.
    pub focus: InUse,
}

/// The pane in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum InUse {
    /// Typing in the notes (or the private note).
    Typing,
    /// The questions have the focus.
    Questions,
    /// A list, a rating or the carried items have the focus.
    Lists,
    /// Nothing that needs room (the notes or earlier notes, not typing).
    #[default]
    Nothing,
}

/// The heights of the three panes (borders included), and how the guide's
/// inside is shared between its text and its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Plan {
    pub guide: u16,
    pub notes: u16,
    pub lists: u16,
    /// The guide's rows for the goal and the guidance.
    pub text: u16,
    /// The guide's rows for the questions.
    pub questions: u16,
}

/// Rows handed out until none are left.
struct Rows(u16);

impl Rows {
    /// Up to `more` rows.
    fn take(&mut self, more: u16) -> u16 {
        let t = more.min(self.0);
        self.0 -= t;
        t
    }

    /// Rows for `have` until it reaches `want`.
    fn grow(&mut self, have: &mut u16, want: u16) {
        *have += self.take(want.saturating_sub(*have));
    }
}

/// Share `height` rows out (see the module documentation).
pub(super) fn plan(height: u16, wants: &Wants) -> Plan {
    let mut rows = Rows(height);
    let typing = wants.focus == InUse::Typing;
    let mut notes = rows.take(if typing { 5 } else { 4 });
    let mut guide_border = rows.take(2);
    let list_rows = wants.lists.unwrap_or(0);
    let mut lists = match wants.lists {
        Some(l) => rows.take(2 + if wants.list_items { l.clamp(1, 2) } else { 1 }),
        None => 0,
    };
    let mut text = rows.take(wants.text.min(1));
    let mut questions = 0;
    match wants.focus {
        InUse::Lists if wants.lists.is_some() => {
            rows.grow(&mut lists, (list_rows + 2).min(height / 2));
        }
        InUse::Questions => rows.grow(&mut questions, wants.questions_full),
        InUse::Lists | InUse::Typing | InUse::Nothing => {}
    }
    rows.grow(&mut questions, wants.questions_min);
    rows.grow(&mut questions, wants.questions_full);
    rows.grow(&mut text, wants.goal);
    rows.grow(&mut notes, if typing { height / 3 } else { height / 4 });
    if wants.lists.is_some() {
        rows.grow(&mut lists, (list_rows + 2).min(height * 2 / 5));
    }
    rows.grow(&mut text, wants.text);
    notes += rows.0;
    // A window too low for every border: the guide gives up its own.
    if guide_border < 2 {
        notes += guide_border;
        guide_border = 0;
    }
    Plan {
        guide: guide_border + text + questions,
        notes,
        lists,
        text,
        questions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Phase 1 of the voortgangsgesprek at 80x24: a goal of two rows, a
    /// guidance of two, four questions (one of them two rows), the open
    /// items of earlier talks.
    fn contracteren() -> Wants {
        Wants {
            questions_min: 5,
            questions_full: 6,
            goal: 2,
            text: 4,
            lists: Some(3),
            list_items: true,
            focus: InUse::Nothing,
        }
    }

    fn total(p: &Plan) -> u16 {
        p.guide + p.notes + p.lists
    }

    #[test]
    fn the_questions_come_first_and_every_row_is_used() {
        let p = plan(19, &contracteren());
        assert_eq!(
            (p.questions, p.text, p.notes, p.lists),
            (6, 2, 4, 5),
            "{p:?}"
        );
        assert_eq!(p.guide, 2 + p.text + p.questions);
        assert_eq!(total(&p), 19);
        // Typing: the notes get a row more, the guidance gives it.
        let typing = plan(
            19,
            &Wants {
                focus: InUse::Typing,
                ..contracteren()
            },
        );
        assert_eq!((typing.questions, typing.text, typing.notes), (6, 2, 5));
        assert_eq!(total(&typing), 19);
    }

    #[test]
    fn many_questions_get_what_is_left_and_a_focused_list_grows() {
        let many = Wants {
            questions_min: 17,
            questions_full: 24,
            goal: 2,
            text: 15,
            lists: Some(8),
            list_items: true,
            focus: InUse::Nothing,
        };
        let p = plan(19, &many);
        assert_eq!((p.notes, p.lists, p.text), (4, 4, 1), "{p:?}");
        assert_eq!(p.questions, 8);
        // A list in use gets its rows before the questions.
        let lists = plan(
            19,
            &Wants {
                focus: InUse::Lists,
                ..many
            },
        );
        assert_eq!((lists.lists, lists.questions), (9, 3), "{lists:?}");
        assert_eq!(total(&lists), 19);
        // At 120x40 every question and the whole goal fit (the questions
        // are wider there: fewer rows).
        let big = plan(
            35,
            &Wants {
                questions_full: 20,
                ..many
            },
        );
        assert_eq!((big.questions, big.text, big.notes), (20, 2, 7), "{big:?}");
        assert_eq!(total(&big), 35);
    }

    #[test]
    fn without_questions_or_lists_the_notes_take_the_rest() {
        let p = plan(
            19,
            &Wants {
                goal: 2,
                text: 6,
                ..Wants::default()
            },
        );
        assert_eq!((p.lists, p.questions, p.text), (0, 0, 6));
        assert_eq!(p.notes, 11);
        let none = plan(19, &Wants::default());
        assert_eq!((none.guide, none.notes), (2, 17));
    }

    #[test]
    fn empty_lists_keep_their_heading_only_when_rows_are_short() {
        let empty = Wants {
            lists: Some(2),
            list_items: false,
            ..contracteren()
        };
        let p = plan(16, &empty);
        assert_eq!((p.lists, p.questions), (3, 6), "{p:?}");
        // With room, the "(nothing yet)" row comes too.
        assert_eq!(plan(19, &empty).lists, 4);
    }

    #[test]
    fn a_low_window_keeps_the_notes() {
        let p = plan(5, &contracteren());
        assert_eq!((p.notes, p.guide), (5, 0), "{p:?}");
    }
}
