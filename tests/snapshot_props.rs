//! Properties of snapshots over generated datasets (256 cases each):
//! - export → import is the identity (pretty and compact, any scope, source and note);
//! - a share link decodes to the snapshot it was made from;
//! - every street's export, merged into the bare region tree, gives back that street's data
//!   (less observations without any figure, which carry nothing);
//! - merging with "take theirs" gives the incoming figures, and the merge's edit does the same;
//! - opening never panics: arbitrary text and bytes, JSON-like token soup, mutated snapshots,
//!   and arbitrary share links.
#![cfg(not(target_arch = "wasm32"))]
// Test code stops at the first broken expectation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use proptest::prelude::*;
use std::collections::HashSet;
use uew::edit::Field;
use uew::model::{
    CityWarning, ClosureEvent, Dataset, KeyGroups, LayoffEvent, Observation, Region, RegionKind,
    Scope, Signoff, SpecialDetermination, SpecialReason,
};
use uew::month::{Date, Month};
use uew::num::Pct;
use uew::plan::{Level, Plan};
use uew::snapshot::{diff, share, Resolution, Snapshot};

fn month(offset: i64) -> Month {
    Month::new(2020, 1).unwrap().plus(offset).unwrap()
}

fn date(offset: i64, day: u32) -> Date {
    let m = month(offset);
    Date::new(m.year(), m.month(), day).unwrap()
}

/// Names with markup, quotes, backslashes, CJK and any printable text; never blank.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[<>&\"'\\\\/a-z西兴街道 ]{0,12}",
        "\\PC{0,12}",
        Just("<script>alert(1)</script>".to_owned()),
    ]
    .prop_map(|s| format!("n{s}"))
}

fn pct() -> impl Strategy<Value = Option<Pct>> {
    prop::option::of((0i64..=1_000_000).prop_map(Pct::from_units))
}

fn count() -> impl Strategy<Value = Option<u64>> {
    prop::option::of(prop_oneof![0u64..100_000, 0u64..=1_000_000_000])
}

type ObsSpec = (
    usize,
    i64,
    Option<Pct>,
    Option<Pct>,
    Option<u64>,
    Option<u64>,
    [Option<u64>; 3],
);

fn obs_spec() -> impl Strategy<Value = ObsSpec> {
    (
        0usize..64,
        // Within two years, so no month is far from the rest (that is a warning).
        0i64..24,
        pct(),
        pct(),
        count(),
        count(),
        [count(), count(), count()],
    )
}

fn event_spec() -> impl Strategy<Value = (usize, String, String, i64, u32, u64, u64)> {
    (
        0usize..8,
        name(),
        prop_oneof![Just(String::new()), name()],
        0i64..24,
        1u32..=28,
        1u64..=1_000_000,
        0u64..=1_000_000,
    )
}

type DetSpec = (
    usize,
    bool,
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
);

fn det_spec() -> impl Strategy<Value = DetSpec> {
    (
        0usize..8,
        any::<bool>(),
        0i64..36,
        prop::option::of(0i64..3),
        prop::option::of(0i64..3),
        prop::option::of(0i64..12),
        prop_oneof![Just(String::new()), name()],
    )
}

/// A valid dataset: district `d`, 1–3 streets, 0–6 communities, observations with unique
/// (region, month) keys, events, city warnings, determinations, maybe a street's thresholds.
fn dataset() -> impl Strategy<Value = Dataset> {
    (
        (
            1usize..4,
            prop::collection::vec((0usize..3, name()), 0..7),
            name(),
        ),
        prop::collection::vec(obs_spec(), 0..40),
        prop::collection::vec(event_spec(), 0..6),
        prop::collection::vec(event_spec(), 0..6),
        prop::collection::vec((1u8..=3, 0i64..36, prop::option::of(0i64..6), name()), 0..3),
        prop::collection::vec(det_spec(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |((n_streets, comms, dname), obs, closures, layoffs, warnings, dets, own)| {
                let mut regions = vec![Region::new("d", RegionKind::District, &dname, None)];
                for s in 0..n_streets {
                    let r = Region::new(
                        &format!("s{s}"),
                        RegionKind::Street,
                        &format!("街道{s}"),
                        Some("d"),
                    );
                    regions.push(if s == 0 { r.with_en("Street <0>") } else { r });
                }
                for (i, (s, n)) in comms.iter().enumerate() {
                    let parent = format!("s{}", s % n_streets);
                    regions.push(Region::new(
                        &format!("c{i}"),
                        RegionKind::Community,
                        n,
                        Some(&parent),
                    ));
                }
                let ids: Vec<String> = regions.iter().map(|r| r.id.clone()).collect();
                let streets: Vec<String> = (0..n_streets).map(|s| format!("s{s}")).collect();
                let mut seen = HashSet::new();
                let observations = obs
                    .into_iter()
                    .filter_map(|(r, mo, reg, act, u, lf, kg)| {
                        let region = ids[r % ids.len()].clone();
                        if !seen.insert((region.clone(), mo)) {
                            return None;
                        }
                        let (u, lf) = match (u, lf) {
                            (Some(a), Some(b)) => (Some(a.min(b)), Some(a.max(b))),
                            other => other,
                        };
                        Some(Observation {
                            region,
                            month: month(mo),
                            registered_rate: reg,
                            actual_rate: act,
                            unemployed: u,
                            labour_force: lf,
                            key_groups: KeyGroups {
                                graduates: kg[0],
                                difficulty: kg[1],
                                migrant_workers: kg[2],
                            },
                        })
                    })
                    .collect();
                // Events belong to a street, or to the district (index 0 of `ids`).
                let event_street = |i: usize| ids[i % (n_streets + 1)].clone();
                let closures = closures
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, ent, ind, mo, day, n, _))| ClosureEvent {
                        id: format!("C-{i}"),
                        enterprise: ent,
                        industry: ind,
                        street: event_street(s),
                        date: date(mo, day),
                        unemployed: n,
                    })
                    .collect();
                let layoffs = layoffs
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, ent, ind, mo, day, w, l))| LayoffEvent {
                        id: format!("L-{i}"),
                        enterprise: ent,
                        industry: ind,
                        street: event_street(s),
                        date: date(mo, day),
                        workforce: w,
                        laid_off: l.min(w),
                    })
                    .collect();
                let city_warnings = warnings
                    .into_iter()
                    .map(|(l, from, len, note)| CityWarning {
                        level: Level::from_number(l).unwrap(),
                        from: month(from),
                        until: len.map(|k| month(from + k)),
                        note,
                    })
                    .collect();
                let signoff = |mo: i64, by: &str| Signoff {
                    date: date(mo, 10),
                    by: by.to_owned(),
                };
                let special_determinations = dets
                    .into_iter()
                    .enumerate()
                    .map(|(i, (s, district, mo, consent, approval, until, note))| {
                        SpecialDetermination {
                            id: format!("S-{i}"),
                            level: Level::L3,
                            reason: if district {
                                SpecialReason::MajorEpidemic
                            } else {
                                SpecialReason::SpecialCircumstances
                            },
                            scope: if district {
                                Scope::District
                            } else {
                                Scope::Street(streets[s % n_streets].clone())
                            },
                            note,
                            proposed: signoff(mo, "区失业应急办"),
                            hq_consent: consent.map(|k| signoff(mo + k, "指挥部")),
                            // Proposal ≤ consent ≤ approval: the other order is reported.
                            city_approval: approval
                                .map(|k| signoff(mo + consent.unwrap_or(0) + k, "市失业应急办")),
                            until: until.map(|k| month(mo + k)),
                        }
                    })
                    .collect();
                let mut street_thresholds = std::collections::BTreeMap::new();
                if own {
                    street_thresholds.insert("s0".to_owned(), Plan::binjiang_2020().thresholds);
                }
                Dataset {
                    regions,
                    observations,
                    closures,
                    layoffs,
                    city_warnings,
                    special_determinations,
                    street_thresholds,
                    indicator_values: Vec::new(),
                }
            },
        )
}

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        dataset(),
        prop::option::of(name()),
        prop::option::of(name()),
        any::<bool>(),
    )
        .prop_map(|(ds, source, note, street)| {
            let mut s = Snapshot::new(Plan::binjiang_2020(), ds, "2026-11-01T09:00:00+08:00");
            s.source = source;
            s.note = note;
            if street {
                s = s.for_street("s0").unwrap();
            }
            s
        })
}

/// A mutation of a text: delete, insert, replace or cut at a position (a fraction of it).
fn mutate(text: &str, kind: u8, at: f64, len: usize, insert: &str) -> String {
    let mut i = ((text.len() as f64) * at) as usize;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    let mut j = (i + len).min(text.len());
    while !text.is_char_boundary(j) {
        j -= 1;
    }
    match kind % 4 {
        0 => format!("{}{}", &text[..i], &text[j..]),
        1 => format!("{}{insert}{}", &text[..i], &text[i..]),
        2 => format!("{}{insert}{}", &text[..i], &text[j..]),
        _ => text[..i].to_owned(),
    }
}

proptest! {
    // 256 cases by default; PROPTEST_CASES=N runs longer (the fuzz run in docs/benchmarks.md).
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn export_then_import_is_the_identity(snap in snapshot()) {
        for text in [snap.to_json_pretty(), snap.to_json_compact()] {
            let opened = Snapshot::open(&text).unwrap();
            prop_assert_eq!(&opened.snapshot, &snap);
            prop_assert_eq!(opened.migrated_from, None);
            prop_assert!(opened.read_only.is_none());
            prop_assert!(opened.warnings.is_empty(), "{:?}", opened.warnings);
        }
    }

    #[test]
    fn share_link_round_trips(snap in snapshot()) {
        let link = share::encode(&snap).unwrap();
        prop_assert!(link.starts_with(share::PREFIX));
        prop_assert!(link.len() <= share::MAX_LINK_CHARS);
        prop_assert!(link.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        prop_assert_eq!(share::decode(&link).unwrap(), snap.clone());
        prop_assert_eq!(share::decode(&format!("https://example.org/app/#share={link}")).unwrap(), snap);
    }

    #[test]
    fn street_exports_merge_back(ds in dataset()) {
        let full = Snapshot::new(Plan::binjiang_2020(), ds, "2026-11-01T09:00:00+08:00");
        let mut district = Dataset { regions: full.dataset.regions.clone(), ..Dataset::default() };
        let streets: Vec<String> = full.dataset.streets().map(|r| r.id.clone()).collect();
        for s in &streets {
            let text = full.for_street(s).unwrap().to_json_compact();
            let part = Snapshot::open(&text).unwrap().snapshot;
            let plan = diff(&district, &part.dataset);
            prop_assert_eq!(plan.conflicts().count(), 0);
            let merged = plan.merge(&Default::default()).unwrap();
            if let Some(edit) = merged.edit.clone() {
                let mut by_edit = district.clone();
                edit.apply(&mut by_edit).unwrap();
                prop_assert_eq!(&by_edit, &merged.dataset);
            }
            district = merged.dataset;
        }
        let merged = Snapshot { dataset: district, ..full.clone() };
        for s in &streets {
            // An observation without any figure carries nothing and is not merged.
            let mut want = full.for_street(s).unwrap().dataset;
            want.observations.retain(|o| Field::ALL.iter().any(|f| f.get(o).is_some()));
            prop_assert_eq!(merged.for_street(s).unwrap().dataset, want);
        }
    }

    #[test]
    fn taking_theirs_gives_their_figures(a in dataset(), b in dataset()) {
        // The same region tree on both sides, so that only data differ.
        let b = Dataset { regions: a.regions.clone(), ..b };
        let region_ids: HashSet<&str> = a.regions.iter().map(|r| r.id.as_str()).collect();
        let b = Dataset {
            observations: b.observations.iter().filter(|o| region_ids.contains(o.region.as_str())).cloned().collect(),
            closures: Vec::new(),
            layoffs: Vec::new(),
            special_determinations: Vec::new(),
            ..b
        };
        let plan = diff(&a, &b);
        let merged = plan.merge(&plan.resolve_all(Resolution::TakeTheirs)).unwrap();
        for t in &b.observations {
            let got = merged.dataset.observation(&t.region, t.month);
            let has_figures = Field::ALL.iter().any(|f| f.get(t).is_some());
            if !has_figures {
                continue;
            }
            let got = got.unwrap();
            for f in Field::ALL {
                if f.get(t).is_some() {
                    prop_assert_eq!(f.get(got), f.get(t), "{} {} {:?}", t.region, t.month, f);
                }
            }
        }
        for o in &a.observations {
            if b.observation(&o.region, o.month).is_none() {
                prop_assert_eq!(merged.dataset.observation(&o.region, o.month), Some(o));
            }
        }
        if let Some(edit) = merged.edit {
            let mut by_edit = a.clone();
            edit.apply(&mut by_edit).unwrap();
            prop_assert_eq!(by_edit, merged.dataset);
        }
    }

    #[test]
    fn opening_arbitrary_text_never_panics(text in "\\PC{0,400}", bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = Snapshot::open(&text);
        let _ = Snapshot::from_json(&text);
        let _ = Snapshot::open(&String::from_utf8_lossy(&bytes));
        let _ = share::decode(&text);
    }

    #[test]
    fn opening_token_soup_never_panics(soup in "[\\[\\]{}\",:0-9a-z .\\\\-]{0,400}", version in 0u64..5) {
        let header = format!("{{\"format\":\"uew-snapshot\",\"schema_version\":{version},");
        let _ = Snapshot::open(&format!("{header}{soup}"));
        let _ = Snapshot::open(&format!("{header}\"dataset\":{{\"observations\":[{soup}"));
        let _ = Snapshot::open(&soup);
    }

    #[test]
    fn opening_mutated_snapshots_never_panics(
        snap in snapshot(),
        edits in prop::collection::vec((0u8..4, 0.0f64..1.0, 0usize..40, "[\\[\\]{}\",:0-9a-zN\\\\ -]{0,8}"), 1..4),
        pretty in any::<bool>(),
    ) {
        let mut text = if pretty { snap.to_json_pretty() } else { snap.to_json_compact() };
        for (kind, at, len, insert) in &edits {
            text = mutate(&text, *kind, *at, *len, insert);
        }
        if let Ok(opened) = Snapshot::open(&text) {
            // Whatever is accepted exports and reads back unchanged.
            let again = Snapshot::open(&opened.snapshot.to_json_pretty()).unwrap();
            prop_assert_eq!(again.snapshot, opened.snapshot);
        }
    }

    #[test]
    fn decoding_arbitrary_links_never_panics(body in "[A-Za-z0-9_-]{0,600}", snap in snapshot(), cut in 0usize..2000) {
        let _ = share::decode(&format!("{}{body}", share::PREFIX));
        let link = share::encode(&snap).unwrap();
        let mut end = cut.min(link.len());
        while !link.is_char_boundary(end) {
            end -= 1;
        }
        if end < link.len() {
            prop_assert!(share::decode(&link[..end]).is_err());
        }
    }
}
