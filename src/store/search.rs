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

/// One part of a session in which the text (one of its words) was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedPart {
    /// Where in the session it is.
    pub kind: HitKind,
    /// The text around the first match (about 80 characters, whole words,
    /// on one line, `…` where it was cut); with several words, around the
    /// first match of the word that shows the most of them.
    pub snippet: String,
    /// The byte ranges of the matches in `snippet`, of every word, in
    /// order, for highlighting.
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

/// The parts among `parts` whose folded text contains one of `needles`
/// (folded), each with its snippet; `None` unless every needle is found in
/// one of them (not necessarily the same).
pub(super) fn matched_parts(parts: Vec<Part>, needles: &[String]) -> Option<Vec<MatchedPart>> {
    let mut found = vec![false; needles.len()];
    let mut out = Vec::new();
    for p in parts {
        let Some(kind) = HitKind::of(p.kind) else {
            continue;
        };
        let Some(snippet) = snippet_of(&p.text, needles) else {
            continue;
        };
        for (any, here) in found.iter_mut().zip(&snippet.found) {
            *any |= *here;
        }
        out.push(MatchedPart {
            kind,
            snippet: snippet.text,
            ranges: snippet.ranges,
        });
    }
    found.iter().all(|f| *f).then_some(out)
}

/// A part's snippet and what was found in it.
struct Snippet {
    /// The text shown (see [`MatchedPart::snippet`]).
    text: String,
    /// The matches in `text`, of every needle, in order, not overlapping.
    ranges: Vec<Range<usize>>,
    /// Per needle, whether the part holds it (in the snippet or not).
    found: Vec<bool>,
}

/// The snippet of `text` around a match of `needles` (folded) and the
/// matches in it; `None` without a match. The snippet is around the first
/// match of the needle that brings the most needles into view (the first
/// match of all when that is a tie: always so for one needle).
fn snippet_of(text: &str, needles: &[String]) -> Option<Snippet> {
    let line = one_line(text);
    let (folded, origin) = fold_mapped(&line);
    let each: Vec<Vec<Range<usize>>> = needles
        .iter()
        .map(|n| find_all(&line, &folded, &origin, n))
        .collect();
    let matches = merged(each.iter().flatten().cloned().collect());
    let first = anchor(&line, &each, &matches)?;
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
    Some(Snippet {
        text: out,
        ranges,
        found: each.iter().map(|m| !m.is_empty()).collect(),
    })
}

/// The matches of several needles as one list: in order, overlapping ones
/// joined (adjacent ones stay apart, as one needle's are).
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            Some(_) | None => out.push(r),
        }
    }
    out
}

/// The match the snippet is cut around: of the first matches of each
/// needle (`each`, per needle), the one whose window shows the most
/// needles, the earliest of those; as the range of `matches` holding it.
fn anchor(
    line: &str,
    each: &[Vec<Range<usize>>],
    matches: &[Range<usize>],
) -> Option<Range<usize>> {
    let mut best: Option<(usize, Range<usize>)> = None;
    for first in each.iter().filter_map(|m| m.first()) {
        let Some(held) = matches
            .iter()
            .find(|r| r.start <= first.start && first.end <= r.end)
        else {
            continue;
        };
        let (start, end) = window(line, held.clone());
        let shown = each
            .iter()
            .filter(|m| m.iter().any(|r| r.start >= start && r.end <= end))
            .count();
        let better = best
            .as_ref()
            .is_none_or(|(most, at)| shown > *most || (shown == *most && held.start < at.start));
        if better {
            best = Some((shown, held.clone()));
        }
    }
    best.map(|(_, r)| r)
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
/// overlapping; `folded` and `origin` are `text` folded ([`fold_mapped`]).
fn find_all(text: &str, folded: &str, origin: &[usize], needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
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

    /// The snippet for one needle, and its matches.
    fn snippet(text: &str, needle: &str) -> Option<(String, Vec<Range<usize>>)> {
        snippet_of(text, &[needle.to_string()]).map(|s| (s.text, s.ranges))
    }

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

    fn needles(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    fn marked(snippet: &Snippet) -> Vec<&str> {
        snippet
            .ranges
            .iter()
            .map(|r| &snippet.text[r.clone()])
            .collect()
    }

    #[test]
    fn several_words_are_all_marked_and_the_snippet_shows_the_most_of_them() {
        let text = "Els ".to_string() + &"woord ".repeat(20) + "Fatima belt Els morgen";
        let s = snippet_of(&text, &needles(&["fatima", "els"])).unwrap();
        assert!(
            s.text.starts_with("…") && s.text.contains("Fatima belt Els"),
            "{}",
            s.text
        );
        assert_eq!(marked(&s), ["Fatima", "Els"]);
        assert_eq!(s.found, [true, true]);
        // A tie: around the first match, as for one word.
        let s = snippet_of("Els en Fatima", &needles(&["fatima", "els"])).unwrap();
        assert_eq!(s.text, "Els en Fatima");
        assert_eq!(marked(&s), ["Els", "Fatima"]);
        // One word missing from the part: found tells which.
        let s = snippet_of("Alleen Fatima", &needles(&["els", "fatima"])).unwrap();
        assert_eq!(s.found, [false, true]);
        assert!(snippet_of("niets", &needles(&["els", "fatima"])).is_none());
    }

    #[test]
    fn overlapping_matches_of_two_words_are_marked_as_one() {
        let s = snippet_of("Elsenoord", &needles(&["els", "lsen"])).unwrap();
        assert_eq!(marked(&s), ["Elsen"]);
        let s = snippet_of("eeee", &needles(&["ee"])).unwrap();
        assert_eq!(marked(&s), ["ee", "ee"], "one word's matches stay apart");
    }

    #[test]
    fn a_session_matches_when_each_word_is_in_one_of_its_parts() {
        let notes = |phase: usize, text: &str| Part {
            kind: PartKind::Notes {
                phase,
                title: format!("Fase {phase}"),
            },
            text: text.into(),
        };
        let client = Part {
            kind: PartKind::Client,
            text: "Anne".into(),
        };
        let parts = vec![
            client,
            notes(0, "Fatima"),
            notes(1, "iets"),
            notes(2, "Els"),
        ];
        let found = matched_parts(parts.clone(), &needles(&["els", "fatima"])).unwrap();
        let snippets: Vec<&str> = found.iter().map(|p| p.snippet.as_str()).collect();
        assert_eq!(
            snippets,
            ["Fatima", "Els"],
            "in reading order, only parts with a word"
        );
        assert!(matched_parts(parts.clone(), &needles(&["els", "fatima", "kees"])).is_none());
        // The client's part is not a hit's part (it is a field too).
        assert!(matched_parts(parts, &needles(&["anne"])).is_none());
    }
}
