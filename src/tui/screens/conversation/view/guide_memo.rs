//! The guide pane laid out once per phase on screen (issue 17 point 2):
//! typing into the notes changes nothing it shows, yet every key laid out
//! the goal, the guidance and every helper question again (wrapping them:
//! about a tenth of a key's time with 20 KB of notes). [`GuideMemo`] keeps
//! the pane with what it was laid out from and lays it out again only when
//! one of those changed.
//!
//! A debug build (every test) lays it out on every frame all the same and
//! checks that the pane kept is the pane laid out, so something the key
//! misses fails the tests instead of showing a stale pane.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::guide::GuidePane;
use crate::guide::Phase;
use crate::i18n::Lang;
use crate::tui::app::Shell;
use crate::tui::screens::conversation::{ConvState, Focus};

/// What the guide pane is laid out from.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    lang: Lang,
    colors: bool,
    width: usize,
    current: usize,
    /// The selected question, while the questions have the focus.
    selected: Option<usize>,
    asked: Vec<usize>,
    phase: Phase,
}

impl Key {
    /// Whether the pane would be laid out from the same now (field by
    /// field, without copying; every field is named, so a new one cannot
    /// be left out).
    fn same(&self, shell: &Shell, conv: &ConvState, width: usize) -> bool {
        let Key {
            lang,
            colors,
            width: was_width,
            current,
            selected,
            asked,
            phase,
        } = self;
        let s = &conv.session;
        let cur = conv.current();
        *lang == shell.settings.lang
            && *colors == shell.settings.colors
            && *was_width == width
            && *current == cur
            && *selected == selected_question(conv)
            && s.phases.get(cur).is_some_and(|r| r.asked == *asked)
            && s.guide.phases.get(cur) == Some(phase)
    }

    fn of(shell: &Shell, conv: &ConvState, width: usize) -> Key {
        let s = &conv.session;
        let cur = conv.current();
        Key {
            lang: shell.settings.lang,
            colors: shell.settings.colors,
            width,
            current: cur,
            selected: selected_question(conv),
            asked: s.phases[cur].asked.clone(),
            phase: s.guide.phases[cur].clone(),
        }
    }
}

/// The question the pane shows selected.
fn selected_question(conv: &ConvState) -> Option<usize> {
    (conv.focus == Focus::Questions).then_some(conv.row)
}

/// The guide pane as last laid out, with what it was laid out from.
#[derive(Default, Clone)]
pub struct GuideMemo {
    kept: RefCell<Option<(Key, Rc<GuidePane>)>>,
    laid_out: std::cell::Cell<usize>,
}

impl fmt::Debug for GuideMemo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GuideMemo")
            .field("kept", &self.kept.borrow().is_some())
            .field("laid_out", &self.laid_out.get())
            .finish()
    }
}

impl GuideMemo {
    /// The guide pane for the phase on screen, `width` columns inside its
    /// border: the one kept when nothing it is laid out from changed.
    pub(super) fn pane(&self, shell: &Shell, conv: &ConvState, width: usize) -> Rc<GuidePane> {
        let mut kept = self.kept.borrow_mut();
        if let Some((key, pane)) = kept.as_ref()
            && key.same(shell, conv, width)
        {
            if cfg!(debug_assertions) {
                assert_eq!(
                    **pane,
                    GuidePane::of(shell, conv, width),
                    "the guide pane kept differs from the pane laid out from the same"
                );
            }
            return Rc::clone(pane);
        }
        self.laid_out.set(self.laid_out.get() + 1);
        let pane = Rc::new(GuidePane::of(shell, conv, width));
        *kept = Some((Key::of(shell, conv, width), Rc::clone(&pane)));
        pane
    }

    /// How often the pane was laid out since the screen was opened (for
    /// tests of the work a key costs).
    pub fn laid_out(&self) -> usize {
        self.laid_out.get()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::i18n::Lang;
    use crate::session::Session;
    use crate::session::fixture::{at, guide};
    use crate::settings::Settings;
    use crate::tui::app::{App, Msg};
    use crate::tui::screens::conversation::{ConvState, Focus};
    use crate::tui::screens::{self, Screen};

    fn conv(app: &mut App) -> &mut ConvState {
        match &mut app.screen {
            Screen::Conversation(c) => c,
            _ => panic!("not on the conversation screen"),
        }
    }

    #[test]
    fn typing_lays_out_the_guide_pane_once_and_a_question_picked_again() {
        let mut app = App::new(Settings::new(Lang::Nl), Vec::new(), 0);
        let mut session = Session::new(&guide(), at(0));
        session.start(at(0));
        drop(app.update(
            Msg::Resumed {
                session: Box::new(session),
                file_name: "x.toml".into(),
            },
            at(0),
        ));
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        let mut draw = |app: &App| {
            terminal
                .draw(|f| screens::render(app, f, at(1)))
                .expect("a test backend draws");
        };
        draw(&app);
        let once = conv(&mut app).guide_pane.laid_out();
        for word in ["De ", "school ", "wil ", "meer."] {
            assert!(conv(&mut app).notes.type_text(word));
            draw(&app);
        }
        assert_eq!(
            conv(&mut app).guide_pane.laid_out(),
            once,
            "typing in the notes lays out no guide pane"
        );
        // The questions take the focus: one is shown selected.
        conv(&mut app).focus = Focus::Questions;
        draw(&app);
        assert_eq!(conv(&mut app).guide_pane.laid_out(), once + 1);
        // Marked asked: the pane shows it.
        conv(&mut app).session.phases[0].asked.push(0);
        draw(&app);
        assert_eq!(conv(&mut app).guide_pane.laid_out(), once + 2);
    }
}
