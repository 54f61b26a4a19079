//! Styles by role, so `NO_COLOR` (or `colors = false`) turns every colour off
//! in one place. Without colour, states stay visible through text markers.

use ratatui::style::{Color, Modifier, Style};

use super::app::Shell;

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Border,
    Focus,
    Key,
    Dim,
    Info,
    Warning,
    Error,
    Selected,
    /// A phase clock under 80% of its budget.
    Ok,
    /// A phase clock at 80% of its budget or more.
    Near,
    /// A phase clock over its budget.
    Over,
    Paused,
    Banner,
}

/// The style for a role, honouring the app's colour setting.
pub fn style(shell: &Shell, role: Role) -> Style {
    if !shell.settings.colors {
        return match role {
            Role::Title | Role::Focus | Role::Key | Role::Over | Role::Paused | Role::Banner => {
                Style::default().add_modifier(Modifier::BOLD)
            }
            Role::Selected => Style::default().add_modifier(Modifier::REVERSED),
            Role::Error | Role::Warning => Style::default().add_modifier(Modifier::BOLD),
            _ => Style::default(),
        };
    }
    match role {
        Role::Title => Style::default()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD),
        Role::Border => Style::default().fg(Color::DarkGray),
        Role::Focus => Style::default().fg(Color::Cyan),
        Role::Key => Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Role::Dim => Style::default().fg(Color::Gray),
        Role::Info => Style::default().fg(Color::Green),
        Role::Warning => Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Role::Error => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        Role::Selected => Style::default().add_modifier(Modifier::REVERSED),
        Role::Ok => Style::default().fg(Color::Green),
        Role::Near => Style::default()
            .fg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Role::Over => Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        Role::Paused => Style::default()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Role::Banner => Style::default()
            .fg(Color::Black)
            .bg(Color::Magenta)
            .add_modifier(Modifier::BOLD),
    }
}
