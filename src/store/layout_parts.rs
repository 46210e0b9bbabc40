//! The stable layout of a large dossier, written on every core: its lists are laid out
//! in parts on threads of their own, then joined into the same bytes one thread writes.
//!
//! The file's top-level object is always unfolded, so each of its values is laid out
//! alone, knowing only its key (see [`layout::value_to_vec`]). A long list is cut into
//! runs of items; each run is laid out as a list of its own and, when it comes out
//! unfolded (an item a line), the runs are joined at their brackets. Anything that does
//! not come out so is laid out whole, as before.

use std::io;
use std::num::NonZero;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use super::layout;
use crate::model::Dossier;

/// Below this many questions, events and budget rows, one thread lays out the file: the
/// threads would cost more than they save.
const PARTS_FROM: usize = 2_000;
/// Items of a list laid out as one part: a few megabytes of questions.
const ITEMS_PER_PART: usize = 500;
/// How a value of the top-level object ends when it is an unfolded list.
const UNFOLDED_END: &[u8] = b"\n  ]";
const EMPTY_LIST: &[u8] = b"[]";

/// A file laid out, in pieces that are written one after the other.
#[derive(Debug)]
pub(super) struct LaidOut {
    /// The file, with an empty list where each of `lists` goes.
    skeleton: Vec<u8>,
    /// Where in the skeleton each list goes, in order, and the runs it is made of.
    lists: Vec<(usize, Vec<Vec<u8>>)>,
}

impl LaidOut {
    /// Its bytes, in pieces to be written one after the other.
    pub(super) fn pieces(&self) -> Vec<&[u8]> {
        let mut pieces = Vec::new();
        let mut copied = 0;
        for (at, runs) in &self.lists {
            pieces.push(self.skeleton.get(copied..*at).unwrap_or_default());
            push_joined(&mut pieces, runs);
            copied = at + EMPTY_LIST.len();
        }
        pieces.push(self.skeleton.get(copied..).unwrap_or_default());
        pieces
    }

    pub(super) fn into_vec(self) -> Vec<u8> {
        if self.lists.is_empty() {
            return self.skeleton;
        }
        let pieces = self.pieces();
        let mut file = Vec::with_capacity(pieces.iter().map(|piece| piece.len()).sum());
        for piece in pieces {
            file.extend_from_slice(piece);
        }
        file
    }
}

/// The dossier as the pieces of a file that are, one after the other, what
/// [`layout::to_vec_watched`] writes; laid out on every core when it is large. `watch`
/// is called on this thread with the bytes laid out so far by all of them; an error from
/// it stops every part.
pub(super) fn lay_out_watched(
    dossier: &Dossier,
    size: usize,
    watch: &mut dyn FnMut(usize) -> io::Result<()>,
) -> serde_json::Result<LaidOut> {
    let whole = |watch: &mut dyn FnMut(usize) -> io::Result<()>| {
        layout::to_vec_watched(dossier, size, watch).map(|skeleton| LaidOut {
            skeleton,
            lists: Vec::new(),
        })
    };
    let threads = std::thread::available_parallelism().map_or(1, NonZero::get);
    let rows: usize = dossier.budget_tables.iter().map(|table| table.rows.len()).sum();
    if threads < 2 || dossier.questions.len() + dossier.events.len() + rows < PARTS_FROM {
        return whole(watch);
    }
    let lists = [
        List::of("budget_tables", &dossier.budget_tables),
        List::of("questions", &dossier.questions),
        List::of("events", &dossier.events),
        List::of("indicators", &dossier.indicators),
        List::of("organisations", &dossier.organisations),
        List::of("sources", &dossier.sources),
    ];
    let skeleton = without_lists(dossier);
    let mut parts: Vec<Part<'_>> = vec![Box::new(|watch| layout::to_vec_watched(&skeleton, 0, watch))];
    let mut runs = Vec::new();
    for list in &lists {
        let first = parts.len();
        parts.extend(list.parts());
        runs.push(first..parts.len());
    }
    let mut laid_out = lay_out_on_threads(&parts, threads, watch)?.into_iter();
    let skeleton = laid_out.next().unwrap_or_default();
    let mut places = Vec::with_capacity(lists.len());
    for (list, run) in lists.iter().zip(runs) {
        let runs: Vec<Vec<u8>> = laid_out.by_ref().take(run.len()).collect();
        let runs = if joins(&runs) { runs } else { vec![list.whole()?] };
        // The skeleton does not have the list where it is looked for (left out when
        // empty, say): the file is laid out whole.
        let Some(at) = place_of(&skeleton, list.key) else {
            return whole(watch);
        };
        places.push((at, runs));
    }
    places.sort_by_key(|(at, _)| *at);
    Ok(LaidOut {
        skeleton,
        lists: places,
    })
}

/// Lays out a part, given the watch of its bytes.
type Part<'a> =
    Box<dyn Fn(&mut dyn FnMut(usize) -> io::Result<()>) -> serde_json::Result<Vec<u8>> + Sync + 'a>;

/// A list of the top-level object, and how to lay it out.
struct List<'a> {
    key: &'static str,
    parts: Box<dyn Fn() -> Vec<Part<'a>> + 'a>,
    whole: Box<dyn Fn() -> serde_json::Result<Vec<u8>> + 'a>,
}

impl<'a> List<'a> {
    fn of<T: Serialize + Sync>(key: &'static str, items: &'a [T]) -> List<'a> {
        List {
            key,
            parts: Box::new(move || {
                items
                    .chunks(ITEMS_PER_PART)
                    .map(|run| -> Part<'a> { Box::new(move |watch| layout::value_to_vec(run, key, watch)) })
                    .collect()
            }),
            whole: Box::new(move || layout::value_to_vec(items, key, &mut |_| Ok(()))),
        }
    }

    /// Its runs of items; none for an empty list.
    fn parts(&self) -> Vec<Part<'a>> {
        (self.parts)()
    }

    fn whole(&self) -> serde_json::Result<Vec<u8>> {
        (self.whole)()
    }
}

/// The dossier with its lists empty: all that is not in them.
fn without_lists(dossier: &Dossier) -> Dossier {
    Dossier {
        format: dossier.format,
        version: dossier.version,
        title: dossier.title.clone(),
        description: dossier.description.clone(),
        next_id: dossier.next_id,
        settings: dossier.settings.clone(),
        questions: Vec::new(),
        events: Vec::new(),
        budget_tables: Vec::new(),
        organisations: Vec::new(),
        indicators: Vec::new(),
        slides: dossier.slides.clone(),
        conflicts: dossier.conflicts.clone(),
        sources: Vec::new(),
    }
}

/// Lays out every part, this thread and `threads - 1` others each taking the next part
/// not yet taken; their bytes in the order of `parts`, or the error that stopped them.
fn lay_out_on_threads(
    parts: &[Part<'_>],
    threads: usize,
    watch: &mut dyn FnMut(usize) -> io::Result<()>,
) -> serde_json::Result<Vec<Vec<u8>>> {
    let next = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    // One more than the part that failed first; 0 while none has.
    let failed = AtomicUsize::new(0);
    let take_parts = |watch: &mut dyn FnMut(usize) -> io::Result<()>| {
        let mut laid_out = Vec::new();
        while failed.load(Ordering::Relaxed) == 0 {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(part) = parts.get(index) else {
                break;
            };
            let mut counted = 0;
            let mut result = part(&mut |bytes| {
                let total = written.fetch_add(bytes - counted, Ordering::Relaxed) + bytes - counted;
                counted = bytes;
                watch(total)
            });
            if let Ok(bytes) = &result {
                let rest = bytes.len().saturating_sub(counted);
                let total = written.fetch_add(rest, Ordering::Relaxed) + rest;
                // Between parts too, so that a cancel is seen however small the parts.
                if let Err(error) = watch(total) {
                    result = Err(serde_json::Error::io(error));
                }
            }
            if result.is_err() {
                // Only the first failure counts; the parts it stops fail after it.
                let _ = failed.compare_exchange(0, index + 1, Ordering::Relaxed, Ordering::Relaxed);
            }
            laid_out.push((index, result));
        }
        laid_out
    };
    let stop_beside = |_: usize| {
        if failed.load(Ordering::Relaxed) == 0 {
            Ok(())
        } else {
            Err(io::Error::other("stopped beside another part"))
        }
    };
    let mut laid_out = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads)
            .map(|_| scope.spawn(|| take_parts(&mut stop_beside.clone())))
            .collect();
        let mut laid_out = take_parts(watch);
        for other in others {
            // A part that panicked leaves its index out, which is found below.
            laid_out.extend(other.join().unwrap_or_default());
        }
        laid_out
    });
    if failed.load(Ordering::Relaxed) == 0 {
        // All of it laid out: said once more, as the other threads' parts are counted now.
        watch(written.load(Ordering::Relaxed)).map_err(serde_json::Error::io)?;
    }
    laid_out.sort_by_key(|(index, _)| *index);
    let first_failure = failed.load(Ordering::Relaxed).checked_sub(1);
    let mut bytes = Vec::with_capacity(parts.len());
    for (index, result) in laid_out {
        match result {
            Ok(part) if index == bytes.len() => bytes.push(part),
            Err(error) if Some(index) == first_failure => return Err(error),
            _ => {}
        }
    }
    if bytes.len() == parts.len() {
        Ok(bytes)
    } else {
        Err(serde_json::Error::io(io::Error::other(
            "a part of the file was not laid out",
        )))
    }
}

/// Whether runs of one list, each laid out as a list, join into the list: one does, and
/// more do when each came out unfolded.
fn joins(runs: &[Vec<u8>]) -> bool {
    let unfolded = |run: &Vec<u8>| run.starts_with(b"[\n") && run.ends_with(UNFOLDED_END);
    runs.len() == 1 || (runs.len() > 1 && runs.iter().all(unfolded))
}

/// Adds the list the runs make (see [`joins`]): the first without its end, the last
/// without its opening bracket, the others without either, a comma between them.
fn push_joined<'a>(pieces: &mut Vec<&'a [u8]>, runs: &'a [Vec<u8>]) {
    let last = runs.len().saturating_sub(1);
    for (index, run) in runs.iter().enumerate() {
        let from = usize::from(index > 0);
        let to = if index == last {
            run.len()
        } else {
            run.len().saturating_sub(UNFOLDED_END.len())
        };
        if index > 0 {
            pieces.push(b",");
        }
        pieces.push(run.get(from..to).unwrap_or_default());
    }
}

/// Where the value of `key` is in a file whose lists are empty: `None` when it is not an
/// empty list on a line of its own.
fn place_of(skeleton: &[u8], key: &str) -> Option<usize> {
    // Only the top-level object's keys are indented by two spaces.
    let line = format!("\n  \"{key}\": ");
    let at = memchr::memmem::find(skeleton, line.as_bytes())? + line.len();
    (skeleton.get(at..at + EMPTY_LIST.len()) == Some(EMPTY_LIST)).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Sizes, generate};

    fn large() -> Dossier {
        // Questions in two runs of items, the budget rows enough for the threads.
        let sizes = Sizes {
            questions: ITEMS_PER_PART + 120,
            budget_rows: PARTS_FROM,
            members: 12,
            indicators: 3,
        };
        let mut dossier = generate(sizes, 5);
        dossier
            .sources
            .push(crate::store::bundled().unwrap().sources.remove(0));
        dossier
    }

    #[test]
    fn a_large_dossier_is_laid_out_in_parts_into_the_bytes_one_thread_writes() {
        let dossier = large();
        let laid_out = lay_out_watched(&dossier, 0, &mut |_| Ok(())).unwrap();
        if std::thread::available_parallelism().map_or(1, NonZero::get) > 1 {
            assert_eq!(laid_out.lists.len(), 6, "every list is put in its place");
            let questions = laid_out.lists.iter().map(|(_, runs)| runs.len()).max();
            assert_eq!(questions, Some(2), "the questions come in two runs");
        }
        let one_thread = layout::to_vec(&dossier).unwrap();
        let pieces = laid_out.pieces();
        assert_eq!(pieces.concat(), one_thread);
        assert_eq!(laid_out.into_vec(), one_thread);
    }

    #[test]
    fn a_small_dossier_is_laid_out_by_one_thread() {
        let dossier = crate::store::bundled().unwrap();
        let laid_out = lay_out_watched(&dossier, 0, &mut |_| Ok(())).unwrap();
        assert!(laid_out.lists.is_empty());
        assert_eq!(laid_out.into_vec(), layout::to_vec(&dossier).unwrap());
    }

    #[test]
    fn the_watch_counts_the_bytes_of_every_part_and_its_error_stops_them_all() {
        let dossier = large();
        let size = layout::to_vec(&dossier).unwrap().len();
        let mut seen = Vec::new();
        lay_out_watched(&dossier, 0, &mut |written| {
            seen.push(written);
            Ok(())
        })
        .unwrap();
        assert!(seen.is_sorted(), "{seen:?}");
        // The parts hold the brackets where they are joined, and the empty lists of the
        // skeleton: a few bytes more than the file.
        let counted = seen.last().copied().unwrap_or_default();
        assert!(counted.abs_diff(size) < 100, "{counted} bytes counted of {size}");
        let mut calls = 0;
        let stopped = lay_out_watched(&dossier, 0, &mut |_| {
            calls += 1;
            Err(io::Error::other("cancelled by the test"))
        })
        .unwrap_err();
        assert_eq!(stopped.to_string(), "cancelled by the test");
        assert!(
            calls <= 1,
            "the first error stops this thread's parts: {calls} calls"
        );
    }

    #[test]
    fn runs_join_only_when_each_came_out_an_item_a_line() {
        let unfolded = |items: &str| format!("[\n    {items}\n  ]").into_bytes();
        let runs = vec![unfolded("1,\n    2"), unfolded("3"), unfolded("4,\n    5")];
        assert!(joins(&runs));
        let mut pieces = Vec::new();
        push_joined(&mut pieces, &runs);
        assert_eq!(
            String::from_utf8(pieces.concat()).unwrap(),
            "[\n    1,\n    2,\n    3,\n    4,\n    5\n  ]"
        );
        assert!(joins(&[b"[1, 2]".to_vec()]), "a single run is the list");
        assert!(!joins(&[unfolded("1"), b"[2]".to_vec()]), "a run on one line");
        assert!(!joins(&[]), "no runs: the list is laid out whole");
    }

    #[test]
    fn a_list_is_put_only_where_its_key_holds_an_empty_list_at_the_top() {
        let skeleton = b"{\n  \"title\": \"x\",\n  \"questions\": [],\n  \"events\": [1]\n}\n";
        let at = place_of(skeleton, "questions").unwrap();
        assert_eq!(&skeleton[at - 15..at + 2], b"  \"questions\": []");
        assert_eq!(place_of(skeleton, "events"), None, "not empty");
        assert_eq!(place_of(skeleton, "sources"), None, "not there");
        let nested = b"{\n  \"a\": {\n    \"questions\": []\n  }\n}\n";
        assert_eq!(place_of(nested, "questions"), None, "not at the top");
    }
}
