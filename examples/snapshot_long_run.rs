//! The long property run of `Snapshot::open` (`docs/benchmarks.md`), outside CI: COUNT
//! generated snapshots, most of them mutated — values swapped for hostile ones (months and
//! dates beyond every limit, numbers beyond the integer limits, lists for objects, wrong
//! types), bytes cut, inserted and replaced, invalid UTF-8 — each opened as an imported file
//! would be. Whatever is accepted must export and read back unchanged. Bounded by the count,
//! not by time; it reports the slowest single open so that a near-hang shows.
//!
//! ```sh
//! /usr/bin/time -v cargo run --profile bench --example snapshot_long_run -- 1000000 1
//! ```
//!
//! Case `i` of seed `s` is generated from `(s, i)` alone, so a failing case is rerun by its
//! number (`-- 1 s i`, one case starting at `i`); a panic prints the case before the process
//! ends.
// A driver, not a pure core: it stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::cell::Cell;
use std::time::{Duration, Instant};
use uew::model::{CityWarning, Dataset, Scope, Signoff, SpecialDetermination, SpecialReason};
use uew::month::{Date, Month};
use uew::plan::{Level, Plan};
use uew::snapshot::{Snapshot, SnapshotError};

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, case: u64) -> Rng {
        let mut r = Rng(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Values a hand-edited or damaged file may hold where any value belongs.
const HOSTILE_VALUES: &[&str] = &[
    "\"9999-12\"",
    "\"2205-06\"",
    "\"1989-12\"",
    "\"2101-01\"",
    "\"0000-01\"",
    "\"2026-13\"",
    "\"2026-02-30\"",
    "\"9999-12-31\"",
    "\"2026-1\"",
    "-1",
    "0",
    "1e400",
    "-0.0",
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775807",
    "1000000001",
    "\"100.0001\"",
    "\"-0.1\"",
    "\"NaN\"",
    "\"Infinity\"",
    "\"1e3\"",
    "[]",
    "[1]",
    "[[[[[[]]]]]]",
    "{}",
    "{\"a\":[]}",
    "null",
    "true",
    "\"\"",
    "\" \"",
    "\"\\ud800\"",
    "\"<script>alert(1)</script>\"",
    "\"西兴街道\"",
    "\"binjiang\"",
    "\"xixing\"",
    "\"street\"",
    "\"3\"",
    "\"4\"",
];

/// Fragments inserted at any byte.
const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "{",
    "}",
    "\"",
    ",",
    ":",
    "\\",
    "\\u",
    "null",
    "[[[[[[[[[[[[[[[[[[[[",
    "}}}}",
    "\"x\":1,",
    "\"month\":\"9999-12\",",
    "\u{feff}",
    "\u{0}",
    "𝄞",
    "0000000000000000000000",
];

/// A small dataset from the sample's rows: a random selection, months moved by up to decades
/// either way (beyond the plausible span, too), references left dangling at times.
fn dataset(rng: &mut Rng, demo: &Dataset) -> Dataset {
    let shift = |rng: &mut Rng, m: Month| -> Month {
        if rng.chance(4) {
            let by = rng.below(2_400) as i64 - 1_200;
            m.plus(by).unwrap_or(m)
        } else {
            m
        }
    };
    let mut ds = Dataset {
        regions: demo.regions.clone(),
        ..Dataset::default()
    };
    if rng.chance(10) {
        let cut = rng.below(ds.regions.len());
        ds.regions.truncate(cut);
    }
    for _ in 0..rng.below(40) {
        let mut o = rng.pick(&demo.observations).clone();
        o.month = shift(rng, o.month);
        ds.observations.push(o);
    }
    for _ in 0..rng.below(4) {
        let mut e = rng.pick(&demo.closures).clone();
        e.id = format!("C-{}", rng.below(1_000));
        let m = shift(rng, e.date.month());
        e.date = Date::new(m.year(), m.month(), e.date.day()).unwrap_or(e.date);
        ds.closures.push(e);
    }
    for _ in 0..rng.below(4) {
        let mut e = rng.pick(&demo.layoffs).clone();
        e.id = format!("L-{}", rng.below(1_000));
        if rng.chance(8) {
            e.laid_off = e.workforce.saturating_add(1);
        }
        ds.layoffs.push(e);
    }
    let last = demo.span().map_or(Month::MIN, |(_, l)| l);
    for _ in 0..rng.below(3) {
        let from = shift(rng, last);
        ds.city_warnings.push(CityWarning {
            level: *rng.pick(&[Level::L1, Level::L2, Level::L3]),
            from,
            until: rng.chance(2).then(|| shift(rng, from)),
            note: String::new(),
        });
    }
    for i in 0..rng.below(3) {
        let day = |rng: &mut Rng| {
            let m = shift(rng, last);
            Signoff {
                date: Date::new(m.year(), m.month(), 1 + rng.below(28) as u32).unwrap_or(Date::MIN),
                by: "办".into(),
            }
        };
        ds.special_determinations.push(SpecialDetermination {
            id: format!("S-{i}"),
            level: Level::L3,
            reason: SpecialReason::SpecialCircumstances,
            scope: Scope::District,
            note: String::new(),
            proposed: day(rng),
            hq_consent: rng.chance(2).then(|| day(rng)),
            city_approval: rng.chance(2).then(|| day(rng)),
            until: None,
        });
    }
    ds
}

/// The byte index of a random value in `text` (just after a `:`), with its end.
fn some_value(rng: &mut Rng, text: &str) -> Option<(usize, usize)> {
    let colons: Vec<usize> = text.match_indices("\":").map(|(i, _)| i + 2).collect();
    let start = *colons.get(rng.below(colons.len()))?;
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let mut end = i;
    let (mut depth, mut in_str, mut esc) = (0i32, false, false);
    while end < bytes.len() {
        let b = bytes[end];
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_str = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth == 0 => break,
                b']' | b'}' => depth -= 1,
                b',' if depth == 0 => break,
                _ => {}
            }
        }
        end += 1;
    }
    Some((i, end))
}

fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One to four mutations, or none (one case in eight stays valid).
fn mutate(rng: &mut Rng, mut text: String) -> String {
    if rng.chance(8) {
        return text;
    }
    for _ in 0..1 + rng.below(4) {
        match rng.below(5) {
            // A value replaced by a hostile one (the most telling class: it reaches the rules).
            0 | 1 => {
                if let Some((a, b)) = some_value(rng, &text) {
                    let v = *rng.pick(HOSTILE_VALUES);
                    text.replace_range(a..b, v);
                }
            }
            2 => {
                let at = boundary(&text, rng.below(text.len() + 1));
                let f = *rng.pick(FRAGMENTS);
                text.insert_str(at, f);
            }
            3 => {
                let a = boundary(&text, rng.below(text.len() + 1));
                let b = boundary(&text, a + rng.below(40));
                text.replace_range(a..b, "");
            }
            _ => {
                let at = boundary(&text, rng.below(text.len() + 1));
                text.truncate(at);
            }
        }
    }
    text
}

thread_local! {
    static CASE: Cell<u64> = const { Cell::new(0) };
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let first: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let case = CASE.with(Cell::get);
        eprintln!("PANIC in case {case} of seed {seed}: rerun with `-- 1 {seed} {case}`");
        hook(info);
    }));

    let demo = uew::demo::dataset();
    let plan = Plan::binjiang_2020();
    let (mut accepted, mut refused, mut invalid_utf8) = (0u64, 0u64, 0u64);
    let mut kinds = std::collections::BTreeMap::<&str, u64>::new();
    let (mut bytes, mut longest_text) = (0usize, 0usize);
    let mut slowest = (Duration::ZERO, 0u64);
    let start = Instant::now();
    for case in first..first + count {
        CASE.with(|c| c.set(case));
        let mut rng = Rng::new(seed, case);
        let ds = dataset(&mut rng, &demo);
        let mut snap = Snapshot::new(plan.clone(), ds, "2026-11-01T09:00:00+08:00");
        if rng.chance(6) {
            snap = snap.for_street("xixing").unwrap_or(snap);
        }
        // Mostly as links and the CLI's compact files carry them; some with the plan written out.
        let text = if rng.chance(30) {
            snap.to_json_pretty()
        } else {
            snap.to_json_compact()
        };
        let mut text = mutate(&mut rng, text);
        if rng.chance(16) {
            // Invalid UTF-8 arrives as the browser's and the CLI's lossy decoding gives it.
            let mut raw = text.into_bytes();
            let at = rng.below(raw.len() + 1);
            raw.insert(at, 0xff);
            text = String::from_utf8_lossy(&raw).into_owned();
            invalid_utf8 += 1;
        }
        bytes += text.len();
        longest_text = longest_text.max(text.len());

        let t0 = Instant::now();
        let opened = Snapshot::open(&text);
        let took = t0.elapsed();
        if took > slowest.0 {
            slowest = (took, case);
        }
        match opened {
            Ok(o) => {
                accepted += 1;
                let again = Snapshot::open(&o.snapshot.to_json_pretty()).unwrap_or_else(|e| {
                    panic!("case {case}: an accepted snapshot does not read back: {e}")
                });
                assert_eq!(
                    again.snapshot, o.snapshot,
                    "case {case}: changed on reading back"
                );
            }
            Err(e) => {
                refused += 1;
                let kind = match e {
                    SnapshotError::Invalid { .. } => "invalid (parse, shape, type)",
                    SnapshotError::Problems { .. } => "problems (validation)",
                    SnapshotError::NotASnapshot { .. } => "not a snapshot",
                    SnapshotError::UnsupportedVersion { .. } => "unsupported version",
                    SnapshotError::NewerUnreadable { .. } => "newer, unreadable",
                    SnapshotError::TooLarge { .. } => "too large",
                    SnapshotError::TooDeep { .. } => "too deep",
                    SnapshotError::StringTooLong { .. } => "string too long",
                };
                *kinds.entry(kind).or_default() += 1;
                assert!(!e.message(uew::i18n::Lang::En).is_empty());
            }
        }
        if (case + 1 - first).is_multiple_of(100_000) {
            eprintln!(
                "{} cases, {:.0} s",
                case + 1 - first,
                start.elapsed().as_secs_f64()
            );
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("cases: {count} (seed {seed}), no panic");
    println!("accepted: {accepted} (each exported and read back unchanged)");
    println!("refused: {refused}");
    for (k, n) in &kinds {
        println!("  {k}: {n}");
    }
    println!("with invalid UTF-8 (lossy): {invalid_utf8}");
    println!(
        "text: {:.1} MB in all, longest {} bytes",
        bytes as f64 / 1e6,
        longest_text
    );
    println!(
        "time: {secs:.1} s, {:.1} µs per case on average; slowest open {:.2} ms (case {})",
        secs * 1e6 / count.max(1) as f64,
        slowest.0.as_secs_f64() * 1e3,
        slowest.1
    );
}
