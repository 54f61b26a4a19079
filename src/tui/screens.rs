//! The screens, and the chrome they share: title line, footer with keys,
//! status line, help overlay, the "make the window larger" message.

mod chrome;
pub mod conversation;
pub mod form;
pub mod history;
pub mod home;
pub mod plan_form;
pub mod prepare;
mod rows;
pub mod summary;
pub mod timeline;
pub mod view;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Confirm, Effect, Shell, Update};
use super::keymap::{Action, Mode};
use super::theme::{Role, style};
use super::widgets::scroll::{Scroll, wrapped_rows};
use crate::session::Timestamp;
use conversation::ConvState;
use form::FormState;
use history::HistoryState;
use plan_form::PlanFormState;
use prepare::PrepareState;
use summary::SummaryState;
use timeline::TimelineState;
use view::ViewState;

/// The smallest terminal the screens are drawn in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the screens are drawn in.
pub const MIN_HEIGHT: u16 = 16;

/// Which screen is on show (for tests and for the chrome).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Home,
    Prepare,
    Form,
    Conversation,
    Summary,
    View,
    History,
    Timeline,
    PlanForm,
}

/// The screen on show, owning its state. The home screen's own state is
/// the root of the app ([`App::home`]): it outlives the other screens.
#[derive(Debug)]
pub enum Screen {
    Home,
    /// The preparation of a guide: purpose, invitees, checklist.
    Prepare(Box<PrepareState>),
    /// The header form filled in before the conversation starts.
    Form(Box<FormState>),
    /// The conversation, one phase at a time.
    Conversation(Box<ConvState>),
    /// The summary of a conversation (during it, or after finishing).
    Summary(Box<SummaryState>),
    /// A session shown read-only.
    View(Box<ViewState>),
    /// Every past session, filtered and searched.
    History(Box<HistoryState>),
    /// A plan's timeline.
    Timeline(Box<TimelineState>),
    /// Planning a trajectory for a client.
    PlanForm(Box<PlanFormState>),
}

impl Screen {
    /// Which screen this is.
    pub fn id(&self) -> ScreenId {
        match self {
            Screen::Home => ScreenId::Home,
            Screen::Prepare(_) => ScreenId::Prepare,
            Screen::Form(_) => ScreenId::Form,
            Screen::Conversation(_) => ScreenId::Conversation,
            Screen::Summary(_) => ScreenId::Summary,
            Screen::View(_) => ScreenId::View,
            Screen::History(_) => ScreenId::History,
            Screen::Timeline(_) => ScreenId::Timeline,
            Screen::PlanForm(_) => ScreenId::PlanForm,
        }
    }

    /// The key mode of the screen (no overlay on top).
    pub fn mode(&self) -> Mode {
        match self {
            Screen::Home => Mode::Home,
            Screen::Prepare(_) => Mode::Prepare,
            Screen::Form(f) => f.mode(),
            Screen::Conversation(c) => c.mode(),
            Screen::Summary(_) => Mode::Summary,
            Screen::View(v) => v.mode(),
            Screen::History(h) => h.mode(),
            Screen::Timeline(t) => t.mode(),
            Screen::PlanForm(f) => f.mode(),
        }
    }

    /// A key for the screen (the home screen's keys go to [`App::home`]).
    pub fn on_key(
        &mut self,
        shell: &mut Shell,
        action: Option<Action>,
        ev: KeyEvent,
        now: Timestamp,
    ) -> Update {
        match self {
            Screen::Home => Update::stay(),
            Screen::Prepare(p) => p.on_action(shell, action, now),
            Screen::Form(f) => f.on_key(shell, action, ev, now),
            Screen::Conversation(c) => c.on_key(shell, action, ev, now),
            Screen::Summary(s) => s.on_action(shell, action),
            Screen::View(v) => v.on_key(shell, action, ev),
            Screen::History(h) => h.on_key(shell, action, ev),
            Screen::Timeline(t) => t.on_key(shell, action),
            Screen::PlanForm(f) => f.on_key(shell, action, ev, now),
        }
    }

    /// A paste (bracketed) into whatever is being typed in.
    pub fn on_paste(&mut self, shell: &mut Shell, text: &str, now: Timestamp) -> Update {
        match self {
            Screen::Form(f) => f.on_paste(shell, text, now),
            Screen::Conversation(c) => c.on_paste(shell, text),
            Screen::History(h) => return h.on_paste(text),
            Screen::View(v) => v.on_paste(text),
            Screen::PlanForm(f) => f.on_paste(text),
            Screen::Home | Screen::Prepare(_) | Screen::Summary(_) | Screen::Timeline(_) => {}
        }
        Update::stay()
    }

    /// Plain characters typed in one burst while typing in the notes.
    pub fn on_typed(&mut self, shell: &mut Shell, text: &str) {
        if let Screen::Conversation(c) = self {
            c.on_typed(shell, text);
        }
    }

    /// A second passed: reminders and banners of the conversation.
    pub fn on_tick(&mut self, shell: &mut Shell, now: Timestamp) -> Vec<Effect> {
        match self.conv_mut() {
            Some(conv) => conv.on_tick(shell, now),
            None => Vec::new(),
        }
    }

    /// The user said yes to a question of this screen.
    pub fn on_confirm(&mut self, shell: &mut Shell, confirm: Confirm, now: Timestamp) -> Update {
        match self {
            Screen::Conversation(c) => c.on_confirm(shell, confirm, now),
            Screen::History(h) => h.on_confirm(confirm),
            Screen::View(v) => v.on_confirm(confirm),
            Screen::Form(f) => {
                f.on_confirm(shell, confirm, now);
                Update::stay()
            }
            Screen::Timeline(t) => t.on_confirm(confirm, now),
            Screen::Home if confirm == Confirm::QuitApp => Update::effects(vec![Effect::Quit]),
            Screen::Home | Screen::Prepare(_) | Screen::Summary(_) | Screen::PlanForm(_) => {
                Update::stay()
            }
        }
    }

    /// The user said no to a question of this screen.
    pub fn on_decline(&mut self, shell: &mut Shell, confirm: Confirm, now: Timestamp) -> Update {
        match self {
            Screen::Conversation(c) => c.on_decline(shell, confirm, now),
            Screen::Form(f) => {
                f.on_decline(shell, confirm, now);
                Update::stay()
            }
            Screen::Home
            | Screen::Prepare(_)
            | Screen::Summary(_)
            | Screen::History(_)
            | Screen::View(_)
            | Screen::Timeline(_)
            | Screen::PlanForm(_) => Update::stay(),
        }
    }

    /// The newest snapshot of the open session, as the effect that saves
    /// it: a preparation without a file yet is created.
    pub fn snapshot(&self) -> Option<Effect> {
        match self {
            Screen::Conversation(c) => Some(Effect::Save(Box::new(c.session.clone()))),
            Screen::Summary(s) => Some(Effect::Save(Box::new(s.conv.session.clone()))),
            Screen::Prepare(p) => p.snapshot(),
            Screen::Form(f) => f.snapshot(),
            Screen::Home
            | Screen::View(_)
            | Screen::History(_)
            | Screen::Timeline(_)
            | Screen::PlanForm(_) => None,
        }
    }

    /// The open session's file name, once it has a file.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            Screen::Prepare(p) => p.prep.file_name.as_deref(),
            Screen::Form(f) => f.prep.file_name.as_deref(),
            Screen::Conversation(c) => c.file_name.as_deref(),
            Screen::Summary(s) => s.conv.file_name.as_deref(),
            Screen::Home
            | Screen::View(_)
            | Screen::History(_)
            | Screen::Timeline(_)
            | Screen::PlanForm(_) => None,
        }
    }

    /// The open session's file is now called `name` (on the home screen
    /// nothing is open any more: the name is dropped).
    pub fn set_file_name(&mut self, name: String) {
        let slot = match self {
            Screen::Prepare(p) => &mut p.prep.file_name,
            Screen::Form(f) => &mut f.prep.file_name,
            Screen::Conversation(c) => &mut c.file_name,
            Screen::Summary(s) => &mut s.conv.file_name,
            Screen::Home
            | Screen::View(_)
            | Screen::History(_)
            | Screen::Timeline(_)
            | Screen::PlanForm(_) => return,
        };
        *slot = Some(name);
    }

    /// The conversation's state, in the conversation or its summary.
    pub fn conv_mut(&mut self) -> Option<&mut ConvState> {
        match self {
            Screen::Conversation(c) => Some(c),
            Screen::Summary(s) => Some(&mut s.conv),
            _ => None,
        }
    }

    /// Whether a key's action does something here (the footer leaves out
    /// `a` in a phase without lists; the help still lists every key).
    fn offers(&self, action: Action) -> bool {
        match self {
            Screen::Conversation(c) => c.offers(action),
            Screen::Prepare(p) => p.offers(action),
            Screen::Timeline(t) => t.offers(action),
            _ => true,
        }
    }

    /// What a key does now, when that is not what it does in general.
    fn describe(&self, action: Action, texts: &'static crate::i18n::Texts) -> Option<&'static str> {
        match self {
            Screen::Conversation(c) => c.describe(action, texts),
            Screen::PlanForm(f) => f.describe(action, texts),
            _ => None,
        }
    }

    /// Whether the footer may take two rows for this screen's keys.
    fn many_keys(&self) -> bool {
        matches!(
            self,
            Screen::History(_) | Screen::View(_) | Screen::Conversation(_) | Screen::Timeline(_)
        )
    }

    /// Whether a key mode is part of this screen (the help shows a
    /// section for each, see [`keymap::help_sections`]).
    pub fn has_mode(&self, mode: Mode) -> bool {
        match self {
            Screen::Conversation(c) => c.has_mode(mode),
            _ => mode == self.mode(),
        }
    }

    /// Draw a question of this screen over it.
    pub fn render_confirm(&self, shell: &Shell, confirm: Confirm, frame: &mut Frame, area: Rect) {
        match self {
            Screen::Conversation(c) => c.render_confirm(shell, confirm, frame, area),
            Screen::History(h) => h.render_confirm(shell, confirm, frame, area),
            Screen::View(v) => v.render_confirm(shell, confirm, frame, area),
            Screen::Form(f) => f.render_confirm(shell, confirm, frame, area),
            Screen::Home if confirm == Confirm::QuitApp => {
                let t = shell.texts();
                question(shell, frame, area, t.home.confirm_quit);
            }
            Screen::Timeline(_) if confirm == Confirm::ArchivePlan => {
                let t = shell.texts();
                question(shell, frame, area, t.timeline.confirm_archive);
            }
            Screen::Home
            | Screen::Prepare(_)
            | Screen::Summary(_)
            | Screen::Timeline(_)
            | Screen::PlanForm(_) => {}
        }
    }
}

/// Draw the whole app.
pub fn render(app: &App, frame: &mut Frame, now: Timestamp) {
    let shell = &app.shell;
    let area = frame.area();
    if too_small(area) {
        let text =
            (shell.texts().common.window_too_small)(area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
        return;
    }
    let Rows {
        body,
        status,
        footer,
        status_line,
        footer_rows,
    } = Rows::of(app, area);
    match &app.screen {
        Screen::Home => app.home.render(shell, frame, body),
        Screen::Prepare(p) => p.render(shell, frame, body),
        Screen::Form(f) => f.render(shell, frame, body),
        Screen::Conversation(c) => c.render(shell, frame, body, now),
        Screen::Summary(s) => s.render(shell, frame, body, now),
        Screen::View(v) => v.render(shell, frame, body),
        Screen::History(h) => h.render(shell, frame, body),
        Screen::Timeline(t) => t.render(shell, frame, body, now.date_naive()),
        Screen::PlanForm(f) => f.render(shell, frame, body),
    }
    if let Some(p) = status_line {
        frame.render_widget(p, status);
    }
    render_footer(shell, footer_rows, frame, footer);
    if let Some(overlay) = &shell.overlay {
        overlay.render(app, frame, body);
    }
}

/// A yes/no question in a small window, with the keys that answer it.
fn question(shell: &Shell, frame: &mut Frame, area: Rect, text: &str) {
    let t = shell.texts();
    let lines = vec![
        Line::raw(text.to_string()),
        Line::raw(""),
        Line::raw(t.conversation.confirm_keys),
    ];
    popup(shell, frame, area, t.conversation.confirm_title, lines);
}

/// A small bordered window in the middle of `area`, over what is below,
/// as high as its lines take wrapped.
pub fn popup(shell: &Shell, frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line>) {
    let width = area.width.saturating_sub(4).min(60);
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let rows = wrapped_rows(&paragraph, width.saturating_sub(2));
    let height = rows.saturating_add(2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(
        paragraph.block(block(shell, format!(" {title} "), true)),
        rect,
    );
}

/// A wrapped text in a focused pane that scrolls by wrapped rows (a long
/// note scrolls into view too) and stops at its end.
pub fn render_scrolling<'a>(
    shell: &Shell,
    frame: &mut Frame,
    area: Rect,
    title: impl Into<Line<'a>>,
    text: impl Into<ratatui::text::Text<'a>>,
    scroll: &Scroll,
) {
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: false });
    let offset = scroll.fit_paragraph(
        &paragraph,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    frame.render_widget(
        paragraph
            .block(block(shell, title, true))
            .scroll((offset, 0)),
        area,
    );
}

/// A bordered block with a title, styled for focus.
pub fn block<'a>(shell: &Shell, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let border = if focused { Role::Focus } else { Role::Border };
    // Without colour the focused pane still stands out: a thick border.
    let kind = if focused && !shell.settings.colors {
        BorderType::Thick
    } else {
        BorderType::Plain
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(style(shell, border))
        .title(title)
        .title_style(style(shell, Role::Title).add_modifier(if focused {
            Modifier::BOLD
        } else {
            Modifier::empty()
        }))
}

/// `mm:ss` (or `h:mm:ss`) for a number of seconds; negative with a minus.
pub fn clock(secs: i64) -> String {
    clock_in(secs, secs.unsigned_abs() >= 3600)
}

/// A conversation's total against its duration (`elapsed / planned`),
/// both always `h:mm:ss`: `0:12:00 / 1:30:00`, and `0:19:46 / 0:58:55`
/// after an end agreed within the hour (the form does not change in the
/// middle of a talk).
pub fn clock_pair(a: i64, b: i64) -> String {
    format!("{} / {}", clock_in(a, true), clock_in(b, true))
}

fn clock_in(secs: i64, hours: bool) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let s = secs.unsigned_abs();
    if hours {
        format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{sign}{}:{:02}", s / 60, s % 60)
    }
}

pub use chrome::fitting_footer;
use chrome::render_footer;
use rows::{Rows, too_small};
pub use rows::{render_ticking, ticking_areas, ticking_body};
