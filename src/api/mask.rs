//! Masking by normalisation: instead of listing the encodings a secret might be shown in,
//! the text about to be printed is decoded, and every printed span whose decoded image holds
//! a secret is masked whole.
//!
//! The text is a tree of *views*: the printed bytes, then what one escape pass makes of them
//! (percent `%XX`, JSON `\"` `\\` `\/` `\n`… `\uXXXX` with surrogate pairs, HTML `&quot;`
//! `&#34;` `&#x22;` and the named ASCII references, all undone in one left-to-right pass),
//! and what base64 or base64url decoding makes of each run of base64 characters, each view
//! decoded again, up to [`MAX_DEPTH`] decodings nested. Every byte of a view remembers the
//! span of the printed text it came from, so a match in any view masks printed text. The
//! secrets are normalised the same way (each escape pass of a secret is a pattern too, so a
//! secret that itself holds `%41` or `\"` still meets its image), and a space may be shown
//! as `+` (form encoding). `SECURITY.md` says what this covers.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::borrow::Cow;

/// What a secret becomes. It is matched too, so masking masked text changes nothing: a short
/// secret that occurs inside the mark (`c`, `ted`) cannot chew it up.
pub const MARK: &str = "[redacted]";

/// Secrets shorter than this are masked as themselves in every view made by escape passes
/// (so `%73` is masked for the secret `s`), but their own escape passes are not patterns and
/// base64 views are not searched for them: a one-letter secret would otherwise mask every
/// base64-looking word, and the secret `%41` every `A`.
pub const MIN_DECODED_SECRET: usize = 8;

/// How many decodings, nested, are undone: an escape pass or a base64 decoding each count
/// one. Every composition of up to this many of the covered transformations is caught.
pub const MAX_DEPTH: usize = 4;

/// The shortest run of base64 characters that is decoded: the base64 of the shortest secret
/// searched for in base64 views.
const MIN_BASE64_RUN: usize = (MIN_DECODED_SECRET * 4).div_ceil(3);

/// Texts longer than this are looked at in overlapping windows (see `Masker::mask`).
const MIN_WINDOW: usize = 1 << 20;

/// How much longer than a secret its image is expected to be at most: each byte shown as
/// `\u005cu00XX` or `%25252525XX`, a few nested decodings deep.
const IMAGE_GROWTH: usize = 64;

const MIN_WINDOW_OVERLAP: usize = 4096;

/// A byte range of a window of the printed text (a window is far shorter than 4 GiB).
type Span = (u32, u32);

/// Bytes and, for each, the span of the printed text it decodes from (non-decreasing).
struct View {
    bytes: Vec<u8>,
    origin: Vec<Span>,
    /// Decoded from base64 somewhere up the tree: short secrets are not looked for here.
    in_base64: bool,
}

impl View {
    fn printed(text: &[u8]) -> View {
        View {
            bytes: text.to_vec(),
            origin: (0..text.len() as u32).map(|i| (i, i + 1)).collect(),
            in_base64: false,
        }
    }

    fn empty(capacity: usize, in_base64: bool) -> View {
        View {
            bytes: Vec::with_capacity(capacity),
            origin: Vec::with_capacity(capacity),
            in_base64,
        }
    }

    fn push(&mut self, byte: u8, span: Span) {
        self.bytes.push(byte);
        self.origin.push(span);
    }

    /// The printed span bytes `from..to` of this view come from.
    fn span(&self, from: usize, to: usize) -> Span {
        (self.origin[from].0, self.origin[to - 1].1)
    }
}

/// The patterns of a set of secrets, built once.
pub struct Masker {
    automaton: AhoCorasick,
    /// Per pattern: looked for in base64 views too (it comes from a long secret).
    long: Vec<bool>,
    /// Some pattern is long: base64 runs are worth decoding.
    any_long: bool,
    /// How much of a long text one window holds, and how much two windows share.
    window: usize,
    overlap: usize,
}

impl Masker {
    /// `None` when there is nothing to mask.
    pub fn new(secrets: &[&str]) -> Option<Masker> {
        let mut patterns: Vec<(Vec<u8>, bool)> = Vec::new();
        for secret in secrets.iter().filter(|s| !s.is_empty()) {
            let long = secret.len() >= MIN_DECODED_SECRET;
            for form in secret_forms(secret, long) {
                match patterns.iter_mut().find(|(p, _)| *p == form) {
                    Some((_, was_long)) => *was_long |= long,
                    None => patterns.push((form, long)),
                }
            }
        }
        if patterns.is_empty() {
            return None;
        }
        patterns.push((MARK.as_bytes().to_vec(), false));
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns.iter().map(|(p, _)| p))
            .expect("a few literal patterns always build");
        let long: Vec<bool> = patterns.iter().map(|(_, long)| *long).collect();
        let longest = patterns.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        let overlap = (IMAGE_GROWTH * longest).max(MIN_WINDOW_OVERLAP);
        Some(Masker {
            any_long: long.iter().any(|l| *l),
            automaton,
            long,
            window: (4 * overlap).max(MIN_WINDOW),
            overlap,
        })
    }

    /// `text` with every span whose decoded image holds a secret replaced by [`MARK`].
    ///
    /// A long text is looked at in windows that overlap by more than any image of a secret
    /// is expected to be long, so the memory the views take stays bounded.
    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut spans = Vec::new();
        let mut start = 0;
        loop {
            let end = ceil_boundary(text, (start + self.window).min(text.len()));
            let mut found = Vec::new();
            self.visit(&View::printed(&text.as_bytes()[start..end]), 0, &mut found);
            let global = |(from, to): Span| (start + from as usize, start + to as usize);
            spans.extend(found.into_iter().map(global));
            if end == text.len() {
                break;
            }
            start = floor_boundary(text, end - self.overlap);
        }
        if spans.is_empty() {
            return Cow::Borrowed(text);
        }
        Cow::Owned(splice(text, spans))
    }

    fn visit(&self, view: &View, depth: usize, spans: &mut Vec<Span>) {
        for found in self.automaton.find_overlapping_iter(&view.bytes[..]) {
            if !view.in_base64 || self.long[found.pattern().as_usize()] {
                spans.push(view.span(found.start(), found.end()));
            }
        }
        if depth == MAX_DEPTH {
            return;
        }
        if let Some(unescaped) = unescape(view) {
            self.visit(&unescaped, depth + 1, spans);
        }
        let runs = match self.any_long {
            true => base64_runs(&view.bytes),
            false => Vec::new(),
        };
        for offset in (0..4).filter(|_| !runs.is_empty()) {
            if let Some(decoded) = base64_view(view, &runs, offset) {
                self.visit(&decoded, depth + 1, spans);
            }
        }
    }
}

/// The secret, its escape passes when it is long, and each with spaces shown as `+`.
fn secret_forms(secret: &str, long: bool) -> Vec<Vec<u8>> {
    let mut forms = vec![secret.as_bytes().to_vec()];
    if long {
        let mut view = View::printed(secret.as_bytes());
        while forms.len() <= MAX_DEPTH {
            let Some(next) = unescape(&view) else { break };
            forms.push(next.bytes.clone());
            view = next;
        }
    }
    let plus: Vec<Vec<u8>> = forms
        .iter()
        .filter(|form| form.contains(&b' '))
        .map(|form| {
            form.iter()
                .map(|&b| if b == b' ' { b'+' } else { b })
                .collect()
        })
        .collect();
    forms.extend(plus);
    forms
}

/// Replaces each group of overlapping spans by one [`MARK`]. A span that touches a mark
/// already there swallows it, so a mark is never cut.
fn splice(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut spans = spans.into_iter().peekable();
    while let Some((start, mut end)) = spans.next() {
        while let Some(&(next_start, next_end)) = spans.peek() {
            if next_start >= end {
                break;
            }
            end = end.max(next_end);
            spans.next();
        }
        let start = floor_boundary(text, start.max(copied));
        let end = ceil_boundary(text, end);
        if start < copied || end <= start {
            continue;
        }
        out.push_str(&text[copied..start]);
        out.push_str(MARK);
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// One escape pass: every percent escape, JSON escape and HTML character reference undone,
/// left to right (what a pass produces is not decoded again in the same pass). `None` when
/// there was nothing to undo.
fn unescape(view: &View) -> Option<View> {
    let bytes = &view.bytes;
    let may_escape = |b: &u8| matches!(b, b'%' | b'\\' | b'&');
    let next = |from: usize| {
        bytes[from..]
            .iter()
            .position(may_escape)
            .map_or(bytes.len(), |i| from + i)
    };
    let mut at = bytes.iter().position(may_escape)?;
    let mut out = View::empty(bytes.len(), view.in_base64);
    let mut copied = 0;
    let mut changed = false;
    while at < bytes.len() {
        if let Some((length, decoded)) = escape_at(&bytes[at..]) {
            out.bytes.extend_from_slice(&bytes[copied..at]);
            out.origin.extend_from_slice(&view.origin[copied..at]);
            let span = view.span(at, at + length);
            let mut utf8 = [0; 4];
            let decoded: &[u8] = match decoded {
                Decoded::Byte(byte) => &[byte],
                Decoded::Char(c) => c.encode_utf8(&mut utf8).as_bytes(),
            };
            decoded.iter().for_each(|&byte| out.push(byte, span));
            at += length;
            copied = at;
            changed = true;
        } else {
            at += 1;
        }
        at = next(at);
    }
    if !changed {
        return None;
    }
    out.bytes.extend_from_slice(&bytes[copied..]);
    out.origin.extend_from_slice(&view.origin[copied..]);
    Some(out)
}

enum Decoded {
    Byte(u8),
    Char(char),
}

/// The escape `text` starts with: its length and what it stands for.
fn escape_at(text: &[u8]) -> Option<(usize, Decoded)> {
    match text.first()? {
        b'%' => Some((3, Decoded::Byte(hex_number(text.get(1..3)?)? as u8))),
        b'\\' => json_escape(text),
        b'&' => html_reference(text),
        _ => None,
    }
}

fn json_escape(text: &[u8]) -> Option<(usize, Decoded)> {
    let simple = match text.get(1)? {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        b'u' => {
            let unit = hex_number(text.get(2..6)?)?;
            if (0xD800..0xDC00).contains(&unit) && text.get(6..8) == Some(b"\\u") {
                let low = hex_number(text.get(8..12)?)?;
                let c = char::decode_utf16([unit as u16, low as u16]).next()?.ok()?;
                return Some((12, Decoded::Char(c)));
            }
            return Some((6, Decoded::Char(char::from_u32(unit)?)));
        }
        _ => return None,
    };
    Some((2, Decoded::Byte(simple)))
}

/// `&#34;` `&#x22;` (the `;` optional, as browsers accept) and the named references of
/// ASCII punctuation (`&quot;`, `&sol;`…, the `;` required).
fn html_reference(text: &[u8]) -> Option<(usize, Decoded)> {
    if text.get(1) == Some(&b'#') {
        let hex = matches!(text.get(2), Some(b'x' | b'X'));
        let digits_from = if hex { 3 } else { 2 };
        let digits = text[digits_from..]
            .iter()
            .take(8)
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 || digits == 8 {
            return None;
        }
        let number = std::str::from_utf8(&text[digits_from..digits_from + digits]).ok()?;
        let value = u32::from_str_radix(number, if hex { 16 } else { 10 }).ok()?;
        let end = digits_from + digits;
        let length = end + usize::from(text.get(end) == Some(&b';'));
        return Some((length, Decoded::Char(char::from_u32(value)?)));
    }
    let name_length = text[1..]
        .iter()
        .take(8)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if text.get(1 + name_length) != Some(&b';') {
        return None;
    }
    let c = named_reference(&text[1..1 + name_length])?;
    Some((name_length + 2, Decoded::Byte(c)))
}

fn named_reference(name: &[u8]) -> Option<u8> {
    const NAMED: &[(&[u8], u8)] = &[
        (b"quot", b'"'),
        (b"QUOT", b'"'),
        (b"amp", b'&'),
        (b"AMP", b'&'),
        (b"lt", b'<'),
        (b"LT", b'<'),
        (b"gt", b'>'),
        (b"GT", b'>'),
        (b"apos", b'\''),
        (b"sol", b'/'),
        (b"bsol", b'\\'),
        (b"plus", b'+'),
        (b"equals", b'='),
        (b"colon", b':'),
        (b"semi", b';'),
        (b"comma", b','),
        (b"period", b'.'),
        (b"excl", b'!'),
        (b"quest", b'?'),
        (b"num", b'#'),
        (b"dollar", b'$'),
        (b"percnt", b'%'),
        (b"lpar", b'('),
        (b"rpar", b')'),
        (b"ast", b'*'),
        (b"commat", b'@'),
        (b"lsqb", b'['),
        (b"rsqb", b']'),
        (b"lcub", b'{'),
        (b"rcub", b'}'),
        (b"lowbar", b'_'),
        (b"grave", b'`'),
        (b"verbar", b'|'),
        (b"Hat", b'^'),
        (b"tilde", b'~'),
        (b"hyphen", b'-'),
        (b"dash", b'-'),
    ];
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

fn hex_number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &digit| {
        Some(value * 16 + (digit as char).to_digit(16)?)
    })
}

/// The base64 value of each character of either alphabet (standard `+/`, URL-safe `-_`);
/// `NOT_BASE64` for the others.
const BASE64_VALUES: [u8; 256] = {
    let mut values = [NOT_BASE64; 256];
    let mut i = 0;
    while i < 26 {
        values[b'A' as usize + i] = i as u8;
        values[b'a' as usize + i] = 26 + i as u8;
        if i < 10 {
            values[b'0' as usize + i] = 52 + i as u8;
        }
        i += 1;
    }
    values[b'+' as usize] = 62;
    values[b'-' as usize] = 62;
    values[b'/' as usize] = 63;
    values[b'_' as usize] = 63;
    values
};

const NOT_BASE64: u8 = 0xFF;

fn is_base64(byte: &u8) -> bool {
    BASE64_VALUES[*byte as usize] != NOT_BASE64
}

/// Every run of at least [`MIN_BASE64_RUN`] base64 characters: where it starts, its length,
/// and its length with the `=` padding after it.
fn base64_runs(bytes: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut runs = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..].iter().take_while(|b| is_base64(b)).count();
        if run == 0 {
            at += 1;
            continue;
        }
        let padding = bytes[at + run..]
            .iter()
            .take(2)
            .take_while(|b| **b == b'=')
            .count();
        if run >= MIN_BASE64_RUN {
            runs.push((at, run, run + padding));
        }
        at += run + padding;
    }
    runs
}

/// The runs of `view`, decoded from `offset` characters into each (so base64 glued to other
/// letters is found too), base64 and base64url alike, padded or not. Each decoded byte
/// stands for its whole run and padding.
fn base64_view(view: &View, runs: &[(usize, usize, usize)], offset: usize) -> Option<View> {
    let mut out = View::empty(0, true);
    for &(at, run, padded) in runs
        .iter()
        .filter(|(_, run, _)| *run >= MIN_BASE64_RUN + offset)
    {
        let span = view.span(at, at + padded);
        let (mut bits, mut count) = (0u32, 0);
        for &c in &view.bytes[at + offset..at + run] {
            bits = (bits << 6 | u32::from(BASE64_VALUES[c as usize])) & 0xFFFF;
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8, span);
            }
        }
    }
    (!out.bytes.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_masked_across_their_windows() {
        let secret = "ab+c/d==tok+en/9z==";
        let masker = Masker::new(&[secret]).unwrap();
        assert_eq!(
            (masker.window, masker.overlap),
            (MIN_WINDOW, MIN_WINDOW_OVERLAP)
        );
        let images = [
            "YWIrYy9kPT10b2srZW4vOXo9PQ==",
            "ab%2Bc%2Fd%3D%3Dtok%2Ben%2F9z%3D%3D",
        ];
        let mut text = "lorem ipsum dolor "
            .repeat(4 * MIN_WINDOW / 18)
            .into_bytes();
        // Where window k ends (window k+1 starts `overlap` before it): one image across each.
        for k in 0..3 {
            let end = (k + 1) * MIN_WINDOW - k * MIN_WINDOW_OVERLAP;
            let image = images[k % 2].as_bytes();
            let at = end - image.len() / 2;
            text[at - 1] = b' ';
            text[at..at + image.len()].copy_from_slice(image);
            text[at + image.len()] = b' ';
        }
        let text = String::from_utf8(text).unwrap();
        let masked = masker.mask(&text);
        assert_eq!(masked.matches(MARK).count(), 3);
        assert!(images.iter().all(|image| !masked.contains(image)));
    }
}
