//! The answers of `find` and `search` over the index's entries, and over
//! files read meanwhile when the index could not be written.

use std::collections::HashSet;

use super::super::SessionQuery;
use super::super::index::{Found, Index, IndexError, Read};
use super::super::list::{Listed, SessionHeader};
use super::super::parts::{self, Part};
use super::super::search::{self, SearchHit};
use crate::session::Session;

/// What answers are drawn from: the index's entries with their row ids,
/// newest first, less the rows to leave out (files changed since they were
/// read), plus files read just now (when the index could not be written).
pub(in crate::store) struct Entries<'a> {
    pub all: &'a [(i64, Listed)],
    pub skip: &'a HashSet<i64>,
    pub read: &'a [Read],
}

/// Where an entry's text is.
#[derive(Clone, Copy)]
enum Source<'a> {
    /// In the index, row `id`.
    Row(i64),
    /// In this session, read just now (`None`: it does not parse).
    Read(Option<&'a Session>),
}

impl<'a> Entries<'a> {
    /// Every entry, newest first.
    fn iter(&self) -> Vec<(Source<'a>, &'a Listed)> {
        let rows = self
            .all
            .iter()
            .filter(|(id, _)| !self.skip.contains(id))
            .map(|(id, l)| (Source::Row(*id), l));
        if self.read.is_empty() {
            return rows.collect();
        }
        let read = self
            .read
            .iter()
            .map(|r| (Source::Read(r.session.as_ref()), &r.listed));
        let mut out: Vec<_> = rows.chain(read).collect();
        out.sort_by_cached_key(|(_, l)| std::cmp::Reverse(l.sort_key()));
        out
    }
}

/// The answer of `find` among `entries` (see [`super::super::query`]).
pub(in crate::store) fn find_in(
    index: &Index,
    entries: Entries,
    query: &SessionQuery,
) -> Result<Vec<Listed>, IndexError> {
    let said: Option<HashSet<i64>> = match query.words() {
        None | Some([]) => None,
        Some(words) => Some(index.said_files(words)?),
    };
    let damaged_too = !query.is_filtered();
    let keep = |source: Source, listed: &Listed| match listed {
        Listed::Damaged(_) => damaged_too,
        Listed::Session(h) => {
            let text = match (source, &said, query.words()) {
                (_, _, None) => true,
                (Source::Read(session), _, Some(_)) => {
                    session.is_some_and(|s| query.matches_text(s))
                }
                (Source::Row(_), None, Some(_)) => h.damage.is_none(),
                (Source::Row(id), Some(ids), Some(_)) => ids.contains(&id),
            };
            query.matches_header(h) && text
        }
    };
    Ok(entries
        .iter()
        .into_iter()
        .filter(|(source, listed)| keep(*source, listed))
        .map(|(_, listed)| listed.clone())
        .take(query.limit().unwrap_or(usize::MAX))
        .collect())
}

/// With a limit, how many parts the trigram index may name before a
/// needle counts as frequent: then the newest sessions are looked through
/// one by one instead (a frequent word fills a first screen at once).
const FEW_PARTS: usize = 2000;

/// How many of the newest sessions are looked through one by one for a
/// frequent (or short) needle before asking for all the others.
const PROBE: usize = 200;

/// The answer of `search` among `entries`, for `needles` (folded): a
/// session is a hit when it holds every one. A rare needle: the sessions
/// the trigram index names. With a limit, frequent ones: the newest
/// sessions one by one first, until the limit is reached. Needles of one
/// or two characters: session by session (among those the index names for
/// the other needles, if any).
pub(in crate::store) fn search_in(
    index: &Index,
    entries: Entries,
    query: &SessionQuery,
    needles: &[String],
) -> Result<Vec<SearchHit>, IndexError> {
    let limit = query.limit().unwrap_or(usize::MAX);
    let all = entries.iter();
    let mut candidates = all
        .into_iter()
        .filter_map(|(source, listed)| match listed {
            Listed::Session(h) if h.damage.is_none() && query.matches_header(h) => {
                Some((source, h))
            }
            Listed::Session(_) | Listed::Damaged(_) => None,
        })
        .peekable();
    let mut out = Vec::new();
    if needles.is_empty() {
        out.extend(candidates.take(limit).map(|(_, header)| SearchHit {
            header: header.clone(),
            parts: Vec::new(),
        }));
        return Ok(out);
    }
    let limited = limit != usize::MAX;
    let mut found = index.folded_parts(needles, limited.then_some(FEW_PARTS))?;
    if matches!(found, Found::TooShort | Found::TooMany) && limited {
        for _ in 0..PROBE {
            let Some((source, header)) = candidates.next() else {
                break;
            };
            out.extend(hit(header, all_parts(index, source)?, needles));
            if out.len() >= limit {
                return Ok(out);
            }
        }
        if matches!(found, Found::TooMany) {
            found = index.folded_parts(needles, None)?;
        }
    }
    for (source, header) in candidates {
        let parts = match (&mut found, source) {
            (Found::Parts(found), Source::Row(id)) => match found.remove(&id) {
                Some(parts) => parts,
                None => continue,
            },
            (Found::Files(files), Source::Row(id)) if !files.contains(&id) => continue,
            (Found::Files(_) | Found::TooShort | Found::TooMany, _)
            | (Found::Parts(_), Source::Read(_)) => all_parts(index, source)?,
        };
        out.extend(hit(header, parts, needles));
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

/// Every part of an entry's session.
fn all_parts(index: &Index, source: Source) -> Result<Vec<Part>, IndexError> {
    match source {
        Source::Row(id) => index.parts(id),
        Source::Read(session) => Ok(session.map(parts::parts).unwrap_or_default()),
    }
}

/// The hit for one session: its parts that contain one of `needles`
/// (folded); `None` unless every needle is in one of them. No needles: a
/// hit without parts.
pub(in crate::store) fn hit(
    header: &SessionHeader,
    parts: Vec<Part>,
    needles: &[String],
) -> Option<SearchHit> {
    let header = header.clone();
    if needles.is_empty() {
        return Some(SearchHit {
            header,
            parts: Vec::new(),
        });
    }
    let parts = search::matched_parts(parts, needles)?;
    (!parts.is_empty()).then_some(SearchHit { header, parts })
}
