//! The layout of a dossier file: pretty JSON that diffs well. Keys keep the order of the
//! model's fields; a small object or list stays on one line; each budget row is one
//! line; every source text line is one line.
//!
//! The layout is written while serialising, in one pass: a container starts on one line
//! and is unfolded (a newline and indent before each item) as soon as its one-line form
//! grows past the width. Only the few bytes of the containers still on trial are ever
//! rewritten, so a large dossier costs little more than compact JSON.

use std::io;

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

/// The widest line a container is folded onto.
const WIDTH: usize = 100;
const INDENT: usize = 2;
/// A string fragment this long is wider than any line however it is counted; its
/// characters are not counted one by one.
const SURELY_WIDE: usize = 4 * (WIDTH + 1);

/// `value` as the text of a file in the stable layout.
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    to_vec_sized(value, 0)
}

/// As [`to_vec`], with room for `size` bytes from the start (the size of the file last
/// written, say), so that a large dossier is not copied as its buffer grows.
pub fn to_vec_sized<T: Serialize + ?Sized>(value: &T, size: usize) -> serde_json::Result<Vec<u8>> {
    to_vec_watched(value, size, &mut |_| Ok(()))
}

/// How many bytes are written between two calls of a watch.
const WATCH_EVERY: usize = 1 << 20;

/// As [`to_vec_sized`], calling `watch` with the bytes written so far after each
/// mebibyte; an error from it stops the writing with that error (to cancel it).
pub fn to_vec_watched<T: Serialize + ?Sized>(
    value: &T,
    size: usize,
    watch: &mut dyn FnMut(usize) -> io::Result<()>,
) -> serde_json::Result<Vec<u8>> {
    let mut out = render(value, Vec::with_capacity(size), None, watch)?;
    out.push(b'\n');
    Ok(out)
}

/// `value` laid out as the value of `key` in a file's top-level object (which is always
/// unfolded): the bytes that follow `"key": ` there. `watch` is called as in
/// [`to_vec_watched`], with the bytes of this value.
pub(super) fn value_to_vec<T: Serialize + ?Sized>(
    value: &T,
    key: &str,
    watch: &mut dyn FnMut(usize) -> io::Result<()>,
) -> serde_json::Result<Vec<u8>> {
    render(value, Vec::new(), Some(key), watch)
}

fn render<T: Serialize + ?Sized>(
    value: &T,
    mut out: Vec<u8>,
    top_level_key: Option<&str>,
    watch: &mut dyn FnMut(usize) -> io::Result<()>,
) -> serde_json::Result<Vec<u8>> {
    let mut layout = Layout::new(&mut out);
    if let Some(key) = top_level_key {
        layout.enter_top_level(key);
    }
    layout.watch = Some(watch);
    let mut serializer = serde_json::Serializer::with_formatter(io::sink(), layout);
    value.serialize(&mut serializer)?;
    drop(serializer);
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// Each item on a line of its own.
    Unfolded,
    /// On one line for as long as it fits.
    OnTrial,
    /// On one line whatever its width: inside a folded container, or always so (`cells`,
    /// each of the `rows`).
    OneLine,
}

/// A container being written.
#[derive(Debug)]
struct Open {
    close: u8,
    fold: Fold,
    depth: usize,
    /// Where its opening bracket is in the output.
    start: usize,
    /// Characters of one-line text written before its opening bracket.
    chars_before: usize,
    /// How many characters its one-line form may take.
    budget: usize,
    /// Its first item in `Layout::items` (while on trial).
    items_from: usize,
    entries: usize,
    /// Each of its items is written on one line (the budget's `rows`).
    one_line_items: bool,
}

/// An object key just written: its length and what it says of its value's layout.
#[derive(Clone, Copy, Debug)]
struct Key {
    len: usize,
    /// `cells`: always on one line.
    one_line: bool,
    /// `rows`: one row a line.
    one_line_items: bool,
}

impl Key {
    /// The key of this name (as written between its quotes).
    fn named(name: &[u8]) -> Key {
        Key {
            len: name.len(),
            one_line: name == b"cells",
            one_line_items: name == b"rows",
        }
    }
}

/// A line break put into an unfolded container, before the item at `at`.
#[derive(Clone, Copy, Debug)]
struct Break {
    /// Where the item (or the `, ` before it) starts.
    at: usize,
    first: bool,
    depth: usize,
}

impl Break {
    /// The bytes it takes away: the space of `, ` (the comma stays).
    fn removed(self) -> usize {
        if self.first { 0 } else { 2 }
    }

    fn start(self) -> usize {
        self.at - self.removed()
    }

    fn inserted(self) -> usize {
        usize::from(!self.first) + 1 + self.depth * INDENT
    }
}

/// A `serde_json` formatter that writes the stable layout into its own buffer (the
/// serializer's writer gets nothing), so that it can unfold what it wrote on one line.
struct Layout<'a> {
    out: &'a mut Vec<u8>,
    open: Vec<Open>,
    /// Where each item of the containers on trial starts, for unfolding them.
    items: Vec<usize>,
    /// Characters of one-line text written so far, while any container is on trial.
    chars: usize,
    on_trial: usize,
    key: Option<Key>,
    key_start: Option<usize>,
    breaks: Vec<Break>,
    scratch: Vec<u8>,
    watch: Option<&'a mut dyn FnMut(usize) -> io::Result<()>>,
    watched: usize,
}

impl<'a> Layout<'a> {
    fn new(out: &'a mut Vec<u8>) -> Layout<'a> {
        Layout {
            out,
            open: Vec::new(),
            items: Vec::new(),
            chars: 0,
            on_trial: 0,
            key: None,
            key_start: None,
            breaks: Vec::new(),
            scratch: Vec::new(),
            watch: None,
            watched: 0,
        }
    }

    /// As if the file's top-level object (unfolded) were open and `key` just written in it.
    fn enter_top_level(&mut self, key: &str) {
        self.open.push(Open {
            close: b'}',
            fold: Fold::Unfolded,
            depth: 0,
            start: 0,
            chars_before: 0,
            budget: WIDTH,
            items_from: 0,
            entries: 1,
            one_line_items: false,
        });
        self.key = Some(Key::named(key.as_bytes()));
    }

    fn counted(&mut self, chars: usize) {
        if self.on_trial > 0 {
            self.chars += chars;
        }
    }

    /// Writes a value that has no parts, counting its characters (its bytes: ASCII).
    fn atom(&mut self, write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> io::Result<()> {
        let before = self.out.len();
        write(self.out)?;
        self.counted(self.out.len() - before);
        self.settle();
        Ok(())
    }

    fn newline(&mut self, comma: bool, depth: usize) {
        if comma {
            self.out.push(b',');
        }
        self.out.push(b'\n');
        self.out.resize(self.out.len() + depth * INDENT, b' ');
    }

    fn begin(&mut self, open: u8, close: u8) {
        let key = self.key.take();
        let (depth, fold) = match self.open.last() {
            None if open == b'{' => (0, Fold::Unfolded),
            None => (0, Fold::OnTrial),
            Some(parent) => {
                let one_line = parent.one_line_items || key.is_some_and(|key| key.one_line);
                let fold = match parent.fold {
                    Fold::OneLine => Fold::OneLine,
                    _ if one_line => Fold::OneLine,
                    Fold::Unfolded | Fold::OnTrial => Fold::OnTrial,
                };
                (parent.depth + 1, fold)
            }
        };
        if fold == Fold::OnTrial {
            self.on_trial += 1;
        }
        let budget = WIDTH.saturating_sub(depth * INDENT + key.map_or(0, |key| key.len + 4));
        self.open.push(Open {
            close,
            fold,
            depth,
            start: self.out.len(),
            chars_before: self.chars,
            budget,
            items_from: self.items.len(),
            entries: 0,
            one_line_items: open == b'[' && key.is_some_and(|key| key.one_line_items),
        });
        self.out.push(open);
        self.counted(1);
    }

    /// Before an item of the innermost container.
    fn item(&mut self, first: bool) -> io::Result<()> {
        if self.out.len() >= self.watched + WATCH_EVERY
            && let Some(watch) = &mut self.watch
        {
            self.watched = self.out.len();
            watch(self.watched)?;
        }
        self.key = None;
        if !first {
            self.counted(2);
        }
        self.settle();
        let Some(open) = self.open.last_mut() else {
            return Ok(());
        };
        open.entries += 1;
        let (fold, depth) = (open.fold, open.depth);
        match fold {
            Fold::Unfolded => self.newline(!first, depth + 1),
            Fold::OnTrial | Fold::OneLine => {
                if !first {
                    self.out.extend_from_slice(b", ");
                }
                if fold == Fold::OnTrial {
                    self.items.push(self.out.len());
                }
            }
        }
        Ok(())
    }

    fn end(&mut self) {
        self.counted(1);
        self.settle();
        let Some(open) = self.open.pop() else {
            return;
        };
        if open.fold == Fold::OnTrial {
            self.on_trial -= 1;
        }
        self.items.truncate(open.items_from);
        if open.fold == Fold::Unfolded && open.entries > 0 {
            self.newline(false, open.depth);
        }
        self.out.push(open.close);
    }

    /// Unfolds the containers on trial that no longer fit on one line, and every one on
    /// trial around them: a container that does not fit its line leaves its container
    /// at least its own width too, and that one has its closing bracket still to come.
    fn settle(&mut self) {
        // Inside a key its start is still needed; a key is short.
        if self.on_trial == 0 || self.key_start.is_some() {
            return;
        }
        let chars = self.chars;
        let overflows = |open: &Open| open.fold == Fold::OnTrial && chars - open.chars_before > open.budget;
        let first = self.open.iter().position(|open| open.fold == Fold::OnTrial);
        let (Some(first), Some(last)) = (first, self.open.iter().rposition(overflows)) else {
            return;
        };
        self.breaks.clear();
        let mut index = first;
        while index <= last
            && let Some(open) = self.open.get(index)
        {
            let items_to = self
                .open
                .get(index + 1)
                .map_or(self.items.len(), |next| next.items_from);
            let depth = open.depth + 1;
            let starts = self.items.get(open.items_from..items_to).unwrap_or_default();
            self.breaks
                .extend(starts.iter().enumerate().map(|(n, &at)| Break {
                    at,
                    first: n == 0,
                    depth,
                }));
            if let Some(open) = self.open.get_mut(index) {
                open.fold = Fold::Unfolded;
            }
            self.on_trial -= 1;
            index += 1;
        }
        if index > first {
            self.unfold(first);
        }
    }

    /// Puts `breaks` into the output, and moves what points after them.
    fn unfold(&mut self, first: usize) {
        let Some(from) = self.breaks.first().map(|b| b.start()) else {
            return;
        };
        self.scratch.clear();
        self.scratch
            .extend_from_slice(self.out.get(from..).unwrap_or_default());
        self.out.truncate(from);
        let mut copied = from;
        for index in 0..self.breaks.len() {
            let Some(&b) = self.breaks.get(index) else {
                break;
            };
            let before = self
                .scratch
                .get(copied - from..b.start() - from)
                .unwrap_or_default();
            self.out.extend_from_slice(before);
            self.newline(!b.first, b.depth);
            copied = b.at;
        }
        self.out
            .extend_from_slice(self.scratch.get(copied - from..).unwrap_or_default());
        let breaks = &self.breaks;
        let moved = |at: usize| {
            at + breaks
                .iter()
                .take_while(|b| b.at <= at)
                .map(|b| b.inserted() - b.removed())
                .sum::<usize>()
        };
        let items_from = self
            .open
            .get(first)
            .map_or(self.items.len(), |open| open.items_from);
        for open in self.open.get_mut(first..).unwrap_or_default() {
            open.start = moved(open.start);
        }
        for at in self.items.get_mut(items_from..).unwrap_or_default() {
            *at = moved(*at);
        }
    }
}

/// Each method writes into `out` and ignores the serializer's writer.
impl Formatter for Layout<'_> {
    fn write_null<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_null(out))
    }

    fn write_bool<W: ?Sized + io::Write>(&mut self, _: &mut W, value: bool) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_bool(out, value))
    }

    fn write_i8<W: ?Sized + io::Write>(&mut self, _: &mut W, value: i8) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_i8(out, value))
    }

    fn write_i16<W: ?Sized + io::Write>(&mut self, _: &mut W, value: i16) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_i16(out, value))
    }

    fn write_i32<W: ?Sized + io::Write>(&mut self, _: &mut W, value: i32) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_i32(out, value))
    }

    fn write_i64<W: ?Sized + io::Write>(&mut self, _: &mut W, value: i64) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_i64(out, value))
    }

    fn write_i128<W: ?Sized + io::Write>(&mut self, _: &mut W, value: i128) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_i128(out, value))
    }

    fn write_u8<W: ?Sized + io::Write>(&mut self, _: &mut W, value: u8) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_u8(out, value))
    }

    fn write_u16<W: ?Sized + io::Write>(&mut self, _: &mut W, value: u16) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_u16(out, value))
    }

    fn write_u32<W: ?Sized + io::Write>(&mut self, _: &mut W, value: u32) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_u32(out, value))
    }

    fn write_u64<W: ?Sized + io::Write>(&mut self, _: &mut W, value: u64) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_u64(out, value))
    }

    fn write_u128<W: ?Sized + io::Write>(&mut self, _: &mut W, value: u128) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_u128(out, value))
    }

    fn write_f32<W: ?Sized + io::Write>(&mut self, _: &mut W, value: f32) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_f32(out, value))
    }

    fn write_f64<W: ?Sized + io::Write>(&mut self, _: &mut W, value: f64) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_f64(out, value))
    }

    fn write_number_str<W: ?Sized + io::Write>(&mut self, _: &mut W, value: &str) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_number_str(out, value))
    }

    fn write_raw_fragment<W: ?Sized + io::Write>(&mut self, _: &mut W, fragment: &str) -> io::Result<()> {
        self.atom(|out| CompactFormatter.write_raw_fragment(out, fragment))
    }

    fn begin_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.out.push(b'"');
        self.counted(1);
        Ok(())
    }

    fn end_string<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.out.push(b'"');
        self.counted(1);
        self.settle();
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, _: &mut W, fragment: &str) -> io::Result<()> {
        self.out.extend_from_slice(fragment.as_bytes());
        if self.on_trial > 0 {
            // Characters, not bytes, as the width of a line is seen.
            self.chars += if fragment.len() > SURELY_WIDE {
                fragment.len()
            } else {
                fragment.bytes().filter(|byte| byte & 0xC0 != 0x80).count()
            };
        }
        Ok(())
    }

    fn write_char_escape<W: ?Sized + io::Write>(&mut self, _: &mut W, escape: CharEscape) -> io::Result<()> {
        self.counted(1);
        CompactFormatter.write_char_escape(self.out, escape)
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.begin(b'[', b']');
        Ok(())
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.end();
        Ok(())
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W, first: bool) -> io::Result<()> {
        self.item(first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.begin(b'{', b'}');
        Ok(())
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.end();
        Ok(())
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, _: &mut W, first: bool) -> io::Result<()> {
        self.item(first)?;
        self.key_start = Some(self.out.len());
        Ok(())
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        if let Some(start) = self.key_start.take() {
            let name = self
                .out
                .get(start + 1..self.out.len().saturating_sub(1))
                .unwrap_or_default();
            self.key = Some(Key::named(name));
        }
        Ok(())
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.out.extend_from_slice(b": ");
        self.counted(2);
        Ok(())
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
