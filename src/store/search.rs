//! What [`SessionStore::search`](super::SessionStore::search) answers: per
//! session the parts its text was found in, each with a snippet of context
//! and where the matches are in it.

use std::ops::Range;

use super::SessionHeader;
use super::fold::fold_mapped;
use super::parts::{COLUMN_SEPARATOR, Part, PartKind};

/// About how many characters of context a snippet has.
const SNIPPET_CHARS: usize = 80;

/// One session a search found.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The session, as [`SessionStore::list`](super::SessionStore::list)
    /// gives it.
    pub header: SessionHeader,
    /// The parts of it that matched, in reading order.
    pub parts: Vec<MatchedPart>,
}

impl SearchHit {
    /// Whether some of the matches are in private notes (the history marks
    /// such hits).
    pub fn in_private_notes(&self) -> bool {
        self.parts
            .iter()
            .any(|p| matches!(p.kind, HitKind::PrivateNote { .. }))
    }
}

/// One part of a session in which the text was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedPart {
    /// Where in the session it is.
    pub kind: HitKind,
    /// The text around the first match (about 80 characters, whole words,
    /// on one line, `…` where it was cut).
    pub snippet: String,
    /// The byte ranges of the matches in `snippet`, in order, for
    /// highlighting.
    pub ranges: Vec<Range<usize>>,
}

/// Where in a session a match is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitKind {
    /// A header field, by its label.
    Field { label: String },
    /// A phase's notes (`phase` counts from 0; `title` is the phase's).
    Notes { phase: usize, title: String },
    /// A phase's private note: never in a report, marked in the history.
    PrivateNote { phase: usize, title: String },
    /// An item of a phase's list (all its columns), by the list's label.
    Item { phase: usize, list: String },
    /// A rated item of a phase's rating (`item: step`), by its label.
    Rating { phase: usize, label: String },
    /// An item carried in from an earlier session, by its list's label.
    Carried { list: String },
}

impl HitKind {
    fn of(kind: PartKind) -> Option<HitKind> {
        Some(match kind {
            // The client is a header field too; found once, there.
            PartKind::Client => return None,
            PartKind::Field { label } => HitKind::Field { label },
            PartKind::Notes { phase, title } => HitKind::Notes { phase, title },
            PartKind::PrivateNote { phase, title } => HitKind::PrivateNote { phase, title },
            PartKind::Item { phase, list } => HitKind::Item { phase, list },
            PartKind::Rating { phase, label } => HitKind::Rating { phase, label },
            PartKind::Carried { list } => HitKind::Carried { list },
        })
    }
}

/// The parts among `parts` whose folded text contains `needle` (folded),
/// each with its snippet.
pub(super) fn matched_parts(parts: Vec<Part>, needle: &str) -> Vec<MatchedPart> {
    parts
        .into_iter()
        .filter_map(|p| {
            let kind = HitKind::of(p.kind)?;
            let (snippet, ranges) = snippet(&p.text, needle)?;
            Some(MatchedPart {
                kind,
                snippet,
                ranges,
            })
        })
        .collect()
}

/// The snippet of `text` around the first match of `needle` (folded) and
/// the matches in it; `None` without a match.
pub(super) fn snippet(text: &str, needle: &str) -> Option<(String, Vec<Range<usize>>)> {
    let line = one_line(text);
    let matches = find_all(&line, needle);
    let first = matches.first()?.clone();
    let (start, end) = window(&line, first);
    let cut_before = start > 0;
    let cut_after = end < line.len();
    let mut out = String::new();
    if cut_before {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&line[start..end]);
    if cut_after {
        out.push('…');
    }
    let ranges = matches
        .into_iter()
        .filter(|r| r.start >= start && r.end <= end)
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    Some((out, ranges))
}

/// `text` on one line: line breaks and tabs as spaces, list columns as
/// ` · ` (empty ones left out).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for column in text.split(COLUMN_SEPARATOR).filter(|c| !c.is_empty()) {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.extend(column.chars().map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c => c,
        }));
    }
    out
}

/// The byte ranges in `text` whose folded form is `needle`, in order, not
/// overlapping.
fn find_all(text: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    let (folded, origin) = fold_mapped(text);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = folded.get(from..).and_then(|rest| rest.find(needle)) {
        let (s, e) = (from + at, from + at + needle.len());
        let start = origin[s];
        let last = origin[e - 1];
        let last_end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        let end = origin[e].max(last_end);
        if out.last().is_none_or(|r: &Range<usize>| r.end <= start) {
            out.push(start..end);
        }
        from = e;
    }
    out
}

/// The bytes of `line` to show around `first`: about a third of the room
/// before it, the rest after, widened to whole words.
fn window(line: &str, first: Range<usize>) -> (usize, usize) {
    let chars_before = line[..first.start].chars().count();
    let match_chars = line[first.clone()].chars().count();
    let room = SNIPPET_CHARS.saturating_sub(match_chars);
    let before = (room / 3).min(chars_before);
    let after = room - before;
    let mut start = line[..first.start]
        .char_indices()
        .rev()
        .nth(before.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if before == 0 {
        start = first.start;
    }
    let mut end = line[first.end..]
        .char_indices()
        .nth(after)
        .map_or(line.len(), |(i, _)| first.end + i);
    // Whole words: start after a space (moving forward, never past the
    // match), end before one (moving back, never before the match).
    if start > 0 && !line[..start].ends_with(' ') {
        start = line[start..first.start]
            .find(' ')
            .map_or(first.start, |i| start + i + 1);
    }
    if end < line.len() && !line[end..].starts_with(' ') {
        end = line[first.end..end]
            .rfind(' ')
            .map_or(first.end, |i| first.end + i);
    }
    let trimmed_start =
        start + (line[start..first.start].len() - line[start..first.start].trim_start().len());
    (trimmed_start, end.max(first.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_shown_whole_with_its_match() {
        let (s, r) = snippet("Één ideeën\nvoor later", "ideeen").unwrap();
        assert_eq!(s, "Één ideeën voor later");
        assert_eq!(r.len(), 1);
        assert_eq!(&s[r[0].clone()], "ideeën");
    }

    #[test]
    fn a_long_text_is_cut_at_words_around_the_first_match() {
        let text = "woord ".repeat(30) + "de Leerlijn rekenen " + &"verder ".repeat(30);
        let (s, r) = snippet(&text, "leerlijn").unwrap();
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 2, "{s}");
        assert!(
            !s.contains("…ord") && !s.contains(" verd…"),
            "whole words: {s}"
        );
        assert_eq!(&s[r[0].clone()], "Leerlijn");
    }

    #[test]
    fn every_match_in_the_snippet_is_marked_and_columns_are_joined() {
        let text = format!("Een{COLUMN_SEPARATOR}één{COLUMN_SEPARATOR}EEN");
        let (s, r) = snippet(&text, "een").unwrap();
        assert_eq!(s, "Een · één · EEN");
        let marked: Vec<&str> = r.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(marked, ["Een", "één", "EEN"]);
        assert!(snippet("niets", "een").is_none());
    }
}
