//! Past sessions through the index: [`SessionStore::find`],
//! [`SessionStore::search`], [`SessionStore::sync`] and the answers that do
//! not wait ([`SessionStore::find_indexed`], [`SessionStore::search_indexed`]).
//!
//! Every answer first brings the index up to date (`index::Index::diff`):
//! only files whose size or mtime changed are read. When the index cannot
//! be used (a read-only folder, another window writing it right now) the
//! answer comes from a folder scan instead (`scan.rs`); a damaged index is
//! deleted and rebuilt. Neither is ever an error for the caller.
//!
//! For the history, from a worker thread (never the UI thread):
//!
//! ```no_run
//! # use leidraad::store::{SessionQuery, SessionStore};
//! # let store = SessionStore::open("/tmp/x").unwrap();
//! let q = SessionQuery::all();
//! // At once (≤ 50 ms at 10,000 sessions): what the index has now.
//! let first = store.find_indexed(&q).unwrap();
//! // show first.answer; if first.pending > 0, say "still reading N files"
//! if first.pending > 0 {
//!     // The rest, newest files first, with progress (re-ask
//!     // find_indexed after a progress report to fill the screen).
//!     store.sync(&mut |p| eprintln!("{} of {}", p.done, p.total)).unwrap();
//! }
//! let all = store.find(&q).unwrap(); // complete
//! let hits = store.search(&SessionQuery::all().with_text("ideeen")).unwrap();
//! ```

use std::collections::HashSet;
use std::io;

mod answers;

use answers::{Entries, find_in, hit, search_in};

use super::index::{self, BATCH, Index, IndexError, Scanned};
use super::search::SearchHit;
use super::{Listed, Overview, SessionQuery, SessionStore, parts, scan};

/// How far [`SessionStore::sync`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Files read so far.
    pub done: usize,
    /// Files to read in all.
    pub total: usize,
}

/// An answer from the index as it is, without reading any session file.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial<T> {
    /// What the index has, for files unchanged since it read them.
    pub answer: T,
    /// Files that are new or changed since (not in `answer`): 0 means the
    /// answer is complete.
    pub pending: usize,
}

impl SessionStore {
    /// Bring the index up to date with the folder, newest files first,
    /// committing every few hundred files; `progress` after each batch.
    /// Returns whether the index is in use (`false`: it cannot be written
    /// here, and answers come from folder scans). Fails only when the
    /// folder cannot be read. Meanwhile [`find_indexed`](Self::find_indexed)
    /// answers with what is done; other calls of this store wait for it.
    pub fn sync(&self, progress: &mut dyn FnMut(Progress)) -> io::Result<bool> {
        Ok(self.with_index(progress, |_, _| Ok(())).is_some())
    }

    /// The sessions meeting `query` in which every word of its text is
    /// found case- and diacritics-insensitively ("een" finds "één",
    /// "ideeen" finds "ideeën"; a part in double quotes is one phrase), each
    /// anywhere in header fields, notes, private notes, list items, ratings
    /// and carried items; newest first, each with the parts that matched
    /// (one of the words). Words of one or two characters are looked for
    /// in every part (slower; only in the sessions the other words name,
    /// if any). Without text (or one without words): every session meeting
    /// the other conditions, without parts. Damaged files are never hits.
    pub fn search(&self, query: &SessionQuery) -> io::Result<Vec<SearchHit>> {
        let needles = query.folded_words();
        let answer = self.with_index(&mut |_| {}, |index, entries| {
            search_in(index, entries, query, &needles)
        });
        match answer {
            Some(hits) => Ok(hits),
            None => self.search_by_scan(query, &needles),
        }
    }

    /// [`find`](Self::find) from the index as it is: never reads a session
    /// file and never waits for a [`sync`](Self::sync); files new or
    /// changed since the index read them are left out and counted in
    /// [`Partial::pending`]. Answers from a folder scan (complete) when the
    /// index cannot be used.
    pub fn find_indexed(&self, query: &SessionQuery) -> io::Result<Partial<Vec<Listed>>> {
        match self.peek(|index, entries| find_in(index, entries, query))? {
            Some(p) => Ok(p),
            None => self
                .find(query)
                .map(|answer| Partial { answer, pending: 0 }),
        }
    }

    /// [`search`](Self::search) from the index as it is, as
    /// [`find_indexed`](Self::find_indexed) answers [`find`](Self::find).
    pub fn search_indexed(&self, query: &SessionQuery) -> io::Result<Partial<Vec<SearchHit>>> {
        let needles = query.folded_words();
        match self.peek(|index, entries| search_in(index, entries, query, &needles))? {
            Some(p) => Ok(p),
            None => self
                .search(query)
                .map(|answer| Partial { answer, pending: 0 }),
        }
    }

    /// What a start screen lists (see [`Overview`]), at most `finished`
    /// finished sessions: [`list`](Self::list) narrowed, but from an
    /// up-to-date index without reading every header into memory (only
    /// the unfinished sessions and the finished ones kept are built), so
    /// what it holds grows with the unfinished sessions, not the archive.
    /// Fails only when the folder cannot be read.
    pub fn overview(&self, finished: usize) -> io::Result<Overview> {
        let of_all = |index: &Index, entries: Entries| {
            find_in(index, entries, &SessionQuery::all()).map(|l| Overview::of(l, finished))
        };
        let synced = |index: &mut Index| index.overview(self.dir(), finished);
        match self.with_index_or(&mut |_| {}, synced, &of_all) {
            Some(overview) => Ok(overview),
            None => scan::find(self, &SessionQuery::all()).map(|l| Overview::of(l, finished)),
        }
    }

    /// How many entries the open index holds in memory (`None`: it is not
    /// open).
    #[cfg(test)]
    pub(super) fn entries_in_memory(&self) -> Option<usize> {
        let slot = self.inner.index.lock().unwrap_or_else(|e| e.into_inner());
        slot.as_ref().map(Index::entries_held)
    }

    /// The answer of [`find`](Self::find): from the index, or from a scan.
    pub(super) fn find_entries(&self, query: &SessionQuery) -> io::Result<Vec<Listed>> {
        let answer = self.with_index(&mut |_| {}, |index, entries| find_in(index, entries, query));
        match answer {
            Some(found) => Ok(found),
            None => scan::find(self, query),
        }
    }

    /// Run `answer` on an up-to-date index (syncing it first). `None`: the
    /// index cannot be used, answer from a scan. A broken index is deleted
    /// and built again once.
    fn with_index<T>(
        &self,
        progress: &mut dyn FnMut(Progress),
        answer: impl Fn(&Index, Entries) -> Result<T, IndexError>,
    ) -> Option<T> {
        let synced = |index: &mut Index| {
            let all = index.all_entries(self.dir())?;
            let skip = HashSet::new();
            let entries = Entries {
                all: &all,
                skip: &skip,
                read: &[],
            };
            answer(index, entries)
        };
        self.with_index_or(progress, synced, &answer)
    }

    /// [`with_index`](Self::with_index) with its own answer from the
    /// up-to-date index (`synced`), and `around` over the entries when the
    /// index cannot be written now.
    fn with_index_or<T>(
        &self,
        progress: &mut dyn FnMut(Progress),
        synced: impl Fn(&mut Index) -> Result<T, IndexError>,
        around: &impl Fn(&Index, Entries) -> Result<T, IndexError>,
    ) -> Option<T> {
        if !self.inner.use_index {
            return None;
        }
        let _one_sync = self.inner.syncing.lock().unwrap_or_else(|e| e.into_inner());
        for _attempt in 0..2 {
            match self.sync_and(progress, &synced) {
                Ok(t) => return Some(t),
                Err(IndexError::Broken) => self.reset_index(),
                Err(IndexError::Unavailable) => return self.read_around(around),
                Err(IndexError::Folder) => return None,
            }
        }
        None
    }

    fn sync_and<T>(
        &self,
        progress: &mut dyn FnMut(Progress),
        answer: &impl Fn(&mut Index) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        let files = index::scan_folder(self.dir()).map_err(|_| IndexError::Folder)?;
        let diff = self.on_index(|index| index.diff(files))?;
        self.on_index(|index| index.drop_rows(&diff.gone))?;
        let total = diff.stale.len();
        let mut done = 0;
        for batch in diff.stale.chunks(BATCH) {
            let read: Vec<index::Read> = batch
                .iter()
                .map(|s: &Scanned| index::read_file(self.dir(), s))
                .collect();
            self.on_index(|index| index.write_batch(&read))?;
            done += batch.len();
            progress(Progress { done, total });
        }
        self.on_index(answer)
    }

    /// The answer when the index cannot be written now (another window is
    /// writing it): what it has for unchanged files, and the files that
    /// changed read here and not written. `None` when it cannot be read
    /// either (answer from a scan).
    fn read_around<T>(
        &self,
        answer: &impl Fn(&Index, Entries) -> Result<T, IndexError>,
    ) -> Option<T> {
        let files = index::scan_folder(self.dir()).ok()?;
        self.on_connection(&self.inner.reader, |index| {
            let diff = index.diff(files)?;
            let read: Vec<index::Read> = diff
                .stale
                .iter()
                .map(|s| index::read_file(self.dir(), s))
                .collect();
            let all = index.all_entries(self.dir())?;
            let entries = Entries {
                all: &all,
                skip: &diff.outdated,
                read: &read,
            };
            answer(index, entries)
        })
        .ok()
    }

    /// Run `f` on the open index, opening it first if needed (or again, if
    /// another process replaced the file).
    fn on_index<T>(
        &self,
        f: impl FnOnce(&mut Index) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        self.on_connection(&self.inner.index, f)
    }

    /// [`on_index`](Self::on_index) on the connection in `slot` (the
    /// writer's, or the one the answers that do not wait read through, so
    /// they never wait for a batch being written).
    fn on_connection<T>(
        &self,
        slot: &std::sync::Mutex<Option<Index>>,
        f: impl FnOnce(&mut Index) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
        if slot.as_ref().is_some_and(|i| !i.is_current()) {
            *slot = None;
        }
        if slot.is_none() {
            *slot = Some(Index::open(&self.inner.index_file)?);
        }
        match slot.as_mut() {
            Some(index) => f(index),
            None => Err(IndexError::Unavailable),
        }
    }

    /// Close and delete the index, to build it again.
    fn reset_index(&self) {
        let mut slot = self.inner.index.lock().unwrap_or_else(|e| e.into_inner());
        *slot = None;
        *self.inner.reader.lock().unwrap_or_else(|e| e.into_inner()) = None;
        index::remove(&self.inner.index_file);
    }

    /// `answer` over the index's entries for unchanged files, without
    /// syncing; `None` when the index cannot be used.
    fn peek<T>(
        &self,
        answer: impl Fn(&Index, Entries) -> Result<T, IndexError>,
    ) -> io::Result<Option<Partial<T>>> {
        if !self.inner.use_index {
            return Ok(None);
        }
        let files = index::scan_folder(self.dir())?;
        let result = self.on_connection(&self.inner.reader, |index| {
            let diff = index.diff(files)?;
            let all = index.all_entries(self.dir())?;
            let entries = Entries {
                all: &all,
                skip: &diff.outdated,
                read: &[],
            };
            Ok(Partial {
                answer: answer(index, entries)?,
                pending: diff.stale.len(),
            })
        });
        match result {
            Ok(p) => Ok(Some(p)),
            Err(IndexError::Broken) => {
                self.reset_index();
                Ok(None)
            }
            Err(IndexError::Unavailable | IndexError::Folder) => Ok(None),
        }
    }

    /// [`search`](Self::search) by reading the folder.
    fn search_by_scan(
        &self,
        query: &SessionQuery,
        needles: &[String],
    ) -> io::Result<Vec<SearchHit>> {
        let mut out = Vec::new();
        let limit = query.limit().unwrap_or(usize::MAX);
        for listed in scan::find(self, &query.without_text())? {
            if out.len() >= limit {
                break;
            }
            let Listed::Session(header) = listed else {
                continue;
            };
            let Ok(session) = self.load(&header.path) else {
                continue;
            };
            if let Some(hit) = hit(&header, parts::parts(&session), needles) {
                out.push(hit);
            }
        }
        Ok(out)
    }
}
