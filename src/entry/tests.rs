#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use crate::edit::Field;
use crate::model::{Dataset, Observation, Scope};
use crate::month::Month;
use crate::rules::{Engine, Series};

fn m(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn sample() -> crate::snapshot::Snapshot {
    crate::demo::snapshot()
}

#[test]
fn a_street_clerk_sees_the_street_and_its_communities_only() {
    let s = sample();
    let all = column_regions(&s.dataset, None);
    assert_eq!(all[0].id, "binjiang");
    assert_eq!(all.len(), s.dataset.regions.len());
    let mine = column_regions(&s.dataset, Some("xixing"));
    let ids: Vec<&str> = mine.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids[0], "xixing");
    assert!(
        ids[1..].iter().all(|id| id.starts_with("xixing-")),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 1 + s.dataset.children("xixing").count());
    // The communities are the regions whose figures are entered.
    let leaves: Vec<&str> = leaf_regions(&s.dataset, &mine)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(leaves, ids[1..].to_vec());
    // An unknown street falls back to the whole district.
    assert_eq!(column_regions(&s.dataset, Some("nowhere")).len(), all.len());
}

#[test]
fn the_grid_opens_at_the_month_after_the_latest_data_and_filling_it_adds_no_row() {
    let mut s = sample();
    let entry = entry_month(&s.dataset, m("2030-01"));
    assert_eq!(entry, m("2026-11"));
    let before = grid_months(&s.dataset, entry, Some(24));
    assert_eq!(before.last(), Some(&m("2026-11")));
    assert_eq!(before.len(), 25);
    // A clerk fills the entry month: the rows stay exactly as they were.
    let mut o = Observation::new("xixing-dongguan", m("2026-11"));
    o.registered_rate = Some(crate::num::Pct::parse("3.1").unwrap());
    s.dataset.observations.push(o);
    assert_eq!(grid_months(&s.dataset, entry, Some(24)), before);
    // Data imported for a later month extends the grid to it.
    s.dataset
        .observations
        .push(Observation::new("xixing-dongguan", m("2027-02")));
    assert_eq!(
        grid_months(&s.dataset, entry, Some(24)).last(),
        Some(&m("2027-02"))
    );
    // With no data: twelve months up to today.
    let empty = Dataset::default();
    let rows = grid_months(&empty, entry_month(&empty, m("2026-11")), None);
    assert_eq!(rows.first(), Some(&m("2025-12")));
    assert_eq!(rows.len(), 12);
    // "Show all months" starts at the first month with data.
    assert_eq!(
        grid_months(&sample().dataset, entry, None).first(),
        Some(&m("2022-01"))
    );
}

#[test]
fn tab_moves_along_the_month_and_enter_down_the_region() {
    let months = [m("2026-10"), m("2026-11")];
    let regions: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let go = |at: (&str, &str), mv| neighbour(&months, &regions, (m(at.0), at.1), mv);
    assert_eq!(
        go(("2026-11", "a"), Move::Next),
        Some((m("2026-11"), "b".into()))
    );
    assert_eq!(
        go(("2026-10", "c"), Move::Next),
        Some((m("2026-11"), "a".into()))
    );
    assert_eq!(go(("2026-11", "c"), Move::Next), None);
    assert_eq!(
        go(("2026-11", "a"), Move::Prev),
        Some((m("2026-10"), "c".into()))
    );
    assert_eq!(go(("2026-10", "a"), Move::Prev), None);
    assert_eq!(
        go(("2026-10", "b"), Move::Down),
        Some((m("2026-11"), "b".into()))
    );
    assert_eq!(go(("2026-11", "b"), Move::Down), None);
    assert_eq!(go(("2026-10", "b"), Move::Up), None);
    assert_eq!(go(("2026-10", "a"), Move::Left), None);
    assert_eq!(go(("2026-10", "c"), Move::Right), None);
    assert_eq!(
        go(("2026-10", "b"), Move::Right),
        Some((m("2026-10"), "c".into()))
    );
    // A cell that is not in the grid goes nowhere.
    assert_eq!(go(("2020-01", "a"), Move::Next), None);
}

#[test]
fn street_and_district_cells_show_the_communities_sums_and_the_rules_rate() {
    let s = sample();
    let engine = Engine::new(&s.plan, &s.dataset);
    let index = CellIndex::new(&engine);
    let month = m("2026-10");
    let kids: Vec<&Observation> = s
        .dataset
        .children("xixing")
        .map(|c| s.dataset.observation(&c.id, month).unwrap())
        .collect();
    let lf: u64 = kids.iter().map(|o| o.labour_force.unwrap()).sum();
    let grads: u64 = kids.iter().map(|o| o.key_groups.graduates.unwrap()).sum();
    let street = index.shown("xixing", month, Field::LabourForce);
    assert_eq!(street.entered, "");
    assert_eq!(street.computed, lf.to_string());
    assert_eq!(
        index.shown("xixing", month, Field::Graduates).computed,
        grads.to_string()
    );
    // A community's own count is entered, not computed.
    let own = index.shown(&kids[0].region, month, Field::LabourForce);
    assert_eq!(own.entered, kids[0].labour_force.unwrap().to_string());
    assert_eq!(own.computed, "");
    // The greyed rate is the one the rules evaluate, for every region of the district.
    for r in &s.dataset.regions {
        let rules = engine.rate_series(&r.id, Series::Registered, month, month)[0]
            .map(|p| format!("≈{}", p.approx(2).trim_start_matches('≈')))
            .unwrap_or_default();
        assert_eq!(
            index.shown(&r.id, month, Field::RegisteredRate).computed,
            rules,
            "{}",
            r.id
        );
    }
    // The actual rate is never computed.
    assert_eq!(
        index.shown("binjiang", month, Field::ActualRate).computed,
        ""
    );
    let _ = Scope::District;
}

#[test]
fn a_street_sum_waits_for_every_community() {
    let mut s = sample();
    let month = m("2026-10");
    let first = s.dataset.children("xixing").next().unwrap().id.clone();
    s.dataset
        .observations
        .retain(|o| !(o.region == first && o.month == month));
    let engine = Engine::new(&s.plan, &s.dataset);
    let index = CellIndex::new(&engine);
    assert_eq!(
        index.shown("xixing", month, Field::LabourForce).computed,
        ""
    );
    assert_eq!(
        index
            .shown("binjiang", month, Field::RegisteredRate)
            .computed,
        ""
    );
}

#[test]
fn completeness_names_who_is_missing_what() {
    let mut s = sample();
    let month = m("2026-11");
    let cols = column_regions(&s.dataset, Some("xixing"));
    let regions = s.dataset.clone();
    let leaves = leaf_regions(&regions, &cols);
    let ids: Vec<String> = leaves.iter().map(|r| r.id.clone()).collect();
    let engine = Engine::new(&s.plan, &s.dataset);
    let index = CellIndex::new(&engine);
    let c = completeness(&index, &leaves, month);
    assert_eq!((c.entered, c.total), (0, ids.len()));
    assert!(!c.is_complete());

    // One rate, one full pair of counts, one unemployed only.
    let mut rate = Observation::new(&ids[0], month);
    rate.registered_rate = Some(crate::num::Pct::parse("3.1").unwrap());
    let mut pair = Observation::new(&ids[1], month);
    pair.unemployed = Some(800);
    pair.labour_force = Some(25_000);
    let mut half = Observation::new(&ids[2], month);
    half.unemployed = Some(700);
    s.dataset.observations.extend([rate, pair, half]);
    let engine = Engine::new(&s.plan, &s.dataset);
    let index = CellIndex::new(&engine);
    let c = completeness(&index, &leaves, month);
    assert_eq!(c.entered, 2);
    assert_eq!(
        c.missing[0],
        Missing {
            region: ids[2].clone(),
            fields: vec![Field::LabourForce]
        }
    );
    assert_eq!(c.missing.len(), ids.len() - 2);
    assert!(c.missing[1].fields.is_empty(), "nothing entered yet");
    // The sample's own months are complete.
    let engine = Engine::new(&s.plan, &s.dataset);
    let index = CellIndex::new(&engine);
    assert!(completeness(&index, &leaves, m("2026-10")).is_complete());
}

/// A district of `streets` streets with `per_street` communities each, counts in `months`.
fn large_district(streets: usize, per_street: usize, months: &[Month]) -> Dataset {
    use crate::model::{Region, RegionKind};
    let mut regions = vec![Region::new("d", RegionKind::District, "区", None)];
    let mut observations = Vec::new();
    for s in 0..streets {
        let sid = format!("s{s}");
        regions.push(Region::new(&sid, RegionKind::Street, &sid, Some("d")));
        for c in 0..per_street {
            let cid = format!("s{s}c{c}");
            regions.push(Region::new(&cid, RegionKind::Community, &cid, Some(&sid)));
            for m in months {
                let mut o = Observation::new(&cid, *m);
                o.labour_force = Some(1_000);
                o.unemployed = Some(30);
                observations.push(o);
            }
        }
    }
    Dataset {
        regions,
        observations,
        ..Dataset::default()
    }
}

#[test]
fn a_large_district_s_grid_lists_its_streets_and_a_street_its_communities() {
    let months = [m("2026-09"), m("2026-10")];
    let mut data = large_district(4, 40, &months);
    assert!(data.regions.len() > ALL_COLUMNS_UP_TO && streets_only(&data));
    // The district: itself and its four streets, no community.
    let top = column_regions(&data, None);
    let ids: Vec<&str> = top.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["d", "s0", "s1", "s2", "s3"]);
    // Completeness still counts every community of the district, not the streets.
    let leaves = leaf_regions(&data, &top);
    assert_eq!(leaves.len(), 160);
    assert!(leaves.iter().all(|r| r.id.contains('c')));
    // One street: itself and its forty communities.
    let one = column_regions(&data, Some("s2"));
    assert_eq!(one.len(), 41);
    assert_eq!(leaf_regions(&data, &one).len(), 40);
    // A region cut off from the district is never hidden.
    data.regions.push(crate::model::Region::new(
        "lost",
        crate::model::RegionKind::Community,
        "lost",
        Some("nowhere"),
    ));
    let top = column_regions(&data, None);
    assert_eq!(top.last().map(|r| r.id.as_str()), Some("lost"));
    assert_eq!(top.len(), 6);
    // At the sample's size the district's grid shows every region, as before.
    let s = sample();
    assert!(!streets_only(&s.dataset));
    assert_eq!(
        column_regions(&s.dataset, None).len(),
        s.dataset.regions.len()
    );
}

#[test]
fn a_large_grid_draws_the_rows_in_view_and_a_small_one_every_row() {
    // 240 months × 41 columns: windowed. 30 px rows, 600 px of view.
    let at = |scroll: f64| drawn_rows(240, 41, scroll, 600.0, 30.0);
    assert_eq!(at(0.0), 0..(21 + OVERSCAN));
    let mid = at(3_000.0); // row 100 at the top
    assert_eq!(mid, (100 - OVERSCAN)..(100 + 21 + OVERSCAN));
    // Scrolled to the bottom (and past it): the last rows, a full screen of them.
    for scroll in [240.0 * 30.0 - 600.0, 1e9] {
        let end = at(scroll);
        assert_eq!(end.end, 240);
        assert!(end.len() >= 21 + OVERSCAN, "{end:?}");
    }
    // Every drawn range is inside the rows and covers the visible ones.
    for step in 0..300 {
        let scroll = f64::from(step) * 25.0;
        let r = at(scroll);
        let top = ((scroll / 30.0) as usize).min(239);
        assert!(
            r.start <= top && r.end <= 240 && r.contains(&top),
            "{scroll}: {r:?}"
        );
    }
    // The sample's grid (25 months × 15 regions) and a zero row height draw everything.
    assert_eq!(drawn_rows(25, 15, 500.0, 600.0, 30.0), 0..25);
    assert_eq!(drawn_rows(240, 41, 500.0, 600.0, 0.0), 0..240);
    assert_eq!(drawn_rows(0, 41, 0.0, 600.0, 30.0), 0..0);
}
