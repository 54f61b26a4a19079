//! Drawing the home screen: the list of sessions and guides on the left,
//! the selected row's details on the right.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::{HomeState, RecentEntry, ResumeEntry, Row};
use crate::guide::Guide;
use crate::tui::app::Shell;
use crate::tui::screens::block;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::{squeeze, truncate};
use crate::tui::widgets::window::list_window;
use crate::tui::widgets::wrap::hanging_text;

impl HomeState {
    /// Draw the home screen: the list on the left, the selected row's
    /// details on the right.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let [list_area, detail_area] =
            Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                .areas(area);
        let rows = self.rows();
        self.render_list(shell, &rows, frame, list_area);
        let width = usize::from(detail_area.width.saturating_sub(2));
        let mut detail = match rows.get(self.selected) {
            Some(Row::Guide(g)) => self.guide_detail(shell, *g, width),
            Some(Row::Step(g, s)) => {
                let id = self.step_guide(*g, *s);
                match self.guide_index(&id) {
                    Some(i) => self.guide_detail(shell, i, width),
                    None => Vec::new(),
                }
            }
            Some(Row::Resume(r)) => resume_detail(shell, &self.resumable[*r]),
            Some(Row::Recent(r)) => recent_detail(shell, &self.recent[*r]),
            Some(Row::Plan(i)) => self.plan_detail(shell, *i, width),
            Some(Row::PlanNew(g)) => {
                let mut lines = self.guide_detail(shell, *g, width);
                lines.insert(0, Line::raw(""));
                lines.insert(0, Line::raw(shell.texts().timeline.plan_new_hint));
                lines
            }
            None => Vec::new(),
        };
        if self.damaged_plans > 0 {
            detail.push(Line::raw(""));
            detail.push(Line::from(Span::styled(
                (shell.texts().timeline.damaged_plans)(self.damaged_plans),
                style(shell, Role::Warning),
            )));
        }
        if self.damaged > 0 {
            detail.push(Line::raw(""));
            detail.push(Line::from(Span::styled(
                (shell.texts().home.damaged)(self.damaged),
                style(shell, Role::Warning),
            )));
        }
        if self.broken_guides > 0 {
            detail.push(Line::raw(""));
            detail.push(Line::from(Span::styled(
                (shell.texts().home.broken_guides)(self.broken_guides),
                style(shell, Role::Warning),
            )));
        }
        // What of config.toml could not be used (the CLI says it on stderr).
        if !shell.settings.warnings.is_empty() {
            detail.push(Line::raw(""));
            let said = shell.settings.warnings.iter().map(String::as_str);
            let all = said.chain([shell.texts().cli.cfg_defaults_used]);
            detail.extend(all.map(|l| Line::styled(l.to_string(), style(shell, Role::Warning))));
        }
        frame.render_widget(
            Paragraph::new(detail)
                .wrap(Wrap { trim: false })
                .block(block(shell, "", false)),
            detail_area,
        );
    }

    /// The list of rows, under a heading per section. Only the items that
    /// can be on screen are built (a folder may hold thousands of
    /// unfinished sessions; see `widgets::window`).
    fn render_list(&self, shell: &Shell, rows: &[Row], frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let width = usize::from(area.width.saturating_sub(2));
        // The list's items: a heading (its section) or a row, and the
        // number of lines each takes.
        let mut entries: Vec<(Result<Row, usize>, usize)> = Vec::new();
        let mut selected_item = None;
        let mut last_section = None;
        for (i, row) in rows.iter().enumerate() {
            let section = match row {
                Row::Resume(_) => 0,
                Row::Recent(_) => 1,
                Row::Guide(g) if self.guides[*g].guide.as_conversation().is_some() => 2,
                Row::Guide(_) | Row::Step(..) | Row::Plan(_) | Row::PlanNew(_) => 3,
            };
            if last_section != Some(section) {
                entries.push((Err(section), 1));
                last_section = Some(section);
            }
            if i == self.selected {
                selected_item = Some(entries.len());
            }
            let height = match row {
                Row::Plan(p) => self.plan_lines(shell, *p, width).len(),
                _ => 1,
            };
            entries.push((Ok(*row), height));
        }
        let block = block(shell, format!(" {} ", t.common.app_name), true);
        let heights: Vec<usize> = entries.iter().map(|(_, h)| *h).collect();
        let window = list_window(
            &heights,
            selected_item,
            usize::from(block.inner(area).height),
        );
        let mut items: Vec<ListItem> = entries[window.clone()]
            .iter()
            .map(|(entry, _)| match entry {
                Err(section) => {
                    let h = &t.home;
                    let heading = [h.resume, h.recent, h.conversations, h.trajectories][*section];
                    ListItem::new(Line::from(Span::styled(
                        truncate(heading, width),
                        style(shell, Role::Title),
                    )))
                }
                Ok(Row::Plan(p)) => ListItem::new(self.plan_lines(shell, *p, width)),
                Ok(row) => ListItem::new(self.row_line(shell, *row, width)),
            })
            .collect();
        if rows.is_empty() {
            items.push(ListItem::new(truncate(t.home.no_guides, width)));
        }
        let selected_item = selected_item.map(|s| s - window.start);
        let mut state = ListState::default().with_selected(selected_item);
        let list = List::new(items)
            .block(block)
            .highlight_style(style(shell, Role::Selected));
        frame.render_stateful_widget(list, area, &mut state);
    }

    /// One row of the list, `width` columns at most: a long title (and
    /// client) is cut with "…", what comes after it keeps its place.
    fn row_line(&self, shell: &Shell, row: Row, width: usize) -> Line<'static> {
        let t = shell.texts();
        match row {
            Row::Resume(r) => {
                let e = &self.resumable[r];
                let format = format!("{} %H:%M", t.history.day_format);
                let when = e.when.format(&format);
                let client = if e.client.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", e.client)
                };
                let rescued = if e.rescued { t.home.rescued } else { "" };
                let preparing = if e.preparing { t.home.preparing } else { "" };
                // The marks come first, the date last.
                let head = format!("  ▸ {rescued}{preparing}");
                let body = format!("{}{client}", e.title);
                Line::raw(squeeze(&head, &body, &format!(" ({when})"), width))
            }
            Row::Recent(r) => {
                let e = &self.recent[r];
                let client = if e.client.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", e.client)
                };
                let when = e.started.format(t.history.day_format);
                let body = format!("{}{client}", e.title);
                Line::raw(squeeze(&format!("  {when}  "), &body, "", width))
            }
            Row::Guide(g) => {
                let entry = &self.guides[g];
                let mins = match &entry.guide {
                    Guide::Conversation(c) => format!("{} {}", c.minutes, t.common.minutes_short),
                    Guide::Trajectory(tr) => format!("{} {}", tr.steps.len(), t.home.steps_short),
                };
                let mark = if entry.replaces_bundled { " *" } else { "" };
                let open = match (&entry.guide, self.expanded == Some(g)) {
                    (Guide::Trajectory(_), true) => "▾ ",
                    (Guide::Trajectory(_), false) => "▸ ",
                    _ => "",
                };
                let tail = format!("{mark}  ({mins})");
                Line::raw(squeeze(
                    &format!("  {open}"),
                    entry.guide.title(),
                    &tail,
                    width,
                ))
            }
            Row::Step(g, s) => match self.guides[g].guide.as_trajectory().map(|t| &t.steps[s]) {
                Some(st) => {
                    let (head, title, tail) = step_parts(shell, st, "");
                    Line::raw(squeeze(&format!("      {head}"), &title, &tail, width))
                }
                None => Line::raw(""),
            },
            Row::Plan(i) => self.plan_lines(shell, i, width).remove(0),
            Row::PlanNew(_) => self.plan_new_line(shell, width),
        }
    }

    /// The index of the conversation guide with this id.
    fn guide_index(&self, id: &str) -> Option<usize> {
        self.guides
            .iter()
            .position(|g| g.guide.as_conversation().is_some_and(|c| c.id == id))
    }

    /// The details of a guide, `width` columns wide: its phases or steps
    /// wrap under the start of their title.
    fn guide_detail(&self, shell: &Shell, index: usize, width: usize) -> Vec<Line<'static>> {
        let t = shell.texts();
        let entry = &self.guides[index];
        let mut lines = vec![Line::from(Span::styled(
            entry.guide.title().to_string(),
            style(shell, Role::Title),
        ))];
        match &entry.guide {
            Guide::Conversation(c) => {
                if !c.subtitle.is_empty() {
                    lines.push(Line::raw(c.subtitle.clone()));
                }
                let kind = format!(
                    "{} · {} {}",
                    t.home.conversation, c.minutes, t.common.minutes_short
                );
                intro(shell, &mut lines, kind, &c.summary, t.home.phases);
                for (i, p) in c.phases.iter().enumerate() {
                    let opt = if p.optional { t.home.optional_mark } else { "" };
                    let text =
                        format!("{}{opt}  {} {}", p.title, p.minutes, t.common.minutes_short);
                    let lead = format!("{:>2}. ", i + 1);
                    lines.extend(hanging_text(&lead, &text, Style::default(), width));
                }
            }
            Guide::Trajectory(tr) => {
                let kind = format!(
                    "{} · {} {}",
                    t.home.trajectory,
                    tr.steps.len(),
                    t.home.steps_short
                );
                intro(shell, &mut lines, kind, &tr.summary, t.home.steps);
                for s in &tr.steps {
                    let opt = if s.optional { t.home.optional_mark } else { "" };
                    let (head, title, tail) = step_parts(shell, s, opt);
                    let text = format!("{title}{tail}");
                    lines.extend(hanging_text(&head, &text, Style::default(), width));
                }
            }
        }
        lines.push(Line::raw(""));
        let source = if entry.replaces_bundled {
            format!("{} ({})", entry.source, t.home.replaces_bundled)
        } else {
            entry.source.clone()
        };
        lines.push(Line::from(Span::styled(source, style(shell, Role::Dim))));
        lines
    }
}

/// The details of an unfinished session.
fn resume_detail(shell: &Shell, e: &ResumeEntry) -> Vec<Line<'static>> {
    let t = shell.texts();
    let mut lines = vec![
        Line::from(Span::styled(e.title.clone(), style(shell, Role::Title))),
        Line::raw(e.client.clone()),
        Line::raw(
            e.when
                .format(&format!("{} %H:%M", t.history.date_format))
                .to_string(),
        ),
    ];
    if e.preparing {
        lines.push(Line::raw(t.home.preparing_detail));
    }
    let hint = if e.preparing {
        t.home.preparing_hint
    } else {
        t.home.resume_hint
    };
    lines.extend([
        Line::raw(""),
        Line::raw(hint),
        Line::from(Span::styled(e.file_name.clone(), style(shell, Role::Dim))),
    ]);
    lines
}

/// The details of a finished session.
fn recent_detail(shell: &Shell, e: &RecentEntry) -> Vec<Line<'static>> {
    vec![
        Line::from(Span::styled(e.title.clone(), style(shell, Role::Title))),
        Line::raw(e.client.clone()),
        Line::raw(
            e.started
                .format(&format!("{} %H:%M", shell.texts().history.date_format))
                .to_string(),
        ),
        Line::raw(""),
        Line::raw(shell.texts().home.recent_hint),
        Line::from(Span::styled(e.file_name.clone(), style(shell, Role::Dim))),
    ]
}

/// A guide's kind line (dimmed), its summary, and the heading of what
/// follows (phases or steps).
fn intro(
    shell: &Shell,
    lines: &mut Vec<Line<'static>>,
    kind: String,
    summary: &str,
    heading: &'static str,
) {
    lines.push(Line::from(Span::styled(kind, style(shell, Role::Dim))));
    lines.push(Line::raw(""));
    lines.extend(summary.trim().lines().map(|l| Line::raw(l.to_string())));
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled(heading, style(shell, Role::Title))));
}

/// "wk  4  Training, dagdeel 1 ×2" and a mark after it, in three parts:
/// the week, the title, and the repeat with the mark (which stay whole
/// when the title is cut).
fn step_parts(shell: &Shell, step: &crate::guide::Step, mark: &str) -> (String, String, String) {
    let times = if step.repeat > 1 {
        format!(" ×{}", step.repeat)
    } else {
        String::new()
    };
    let week = format!("{} {:>2}  ", shell.texts().home.week_short, step.week);
    (week, step.title.clone(), format!("{times}{mark}"))
}
