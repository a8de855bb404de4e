//! A deterministic city-scale dataset for benchmarks: one district, 30 streets and 2 969
//! communities (3 000 regions) with counts every month for 240 months (2007-01 … 2026-12),
//! 10 000 enterprise events and one city warning. Rates random-walk between 1 % and 8 %, so
//! every level and "no warning" occur. No randomness crate: a fixed linear congruential
//! generator keeps every run identical.
//!
//! Also the three what-if scenarios a meeting might pose on the sample data
//! ([`meeting_scenarios`]), shared by the native and the browser benchmarks.

use crate::model::{
    CityWarning, ClosureEvent, Dataset, LayoffEvent, Observation, Region, RegionKind,
};
use crate::month::{Date, Month};
use crate::plan::Level;

pub const STREETS: usize = 30;
pub const REGIONS: usize = 3_000;
pub const MONTHS: usize = 240;
pub const EVENTS: usize = 10_000;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The first month of the data.
pub fn first_month() -> Month {
    Month::new(2007, 1).unwrap_or(Month::MIN)
}

/// District `d`, streets `s00`…`s29`, communities `c0000`…`c2968` (community `c` lies in street
/// `c % 30`); observations ordered by community, then month.
pub fn city_scale() -> Dataset {
    let mut rng = Lcg(42);
    let mut regions = vec![Region::new("d", RegionKind::District, "区", None)];
    for s in 0..STREETS {
        regions.push(Region::new(
            &format!("s{s:02}"),
            RegionKind::Street,
            "街道",
            Some("d"),
        ));
    }
    let communities = REGIONS - 1 - STREETS;
    for c in 0..communities {
        let street = format!("s{:02}", c % STREETS);
        regions.push(Region::new(
            &format!("c{c:04}"),
            RegionKind::Community,
            "社区",
            Some(&street),
        ));
    }
    let start = first_month();
    let months: Vec<Month> = (0..MONTHS as i64).filter_map(|t| start.plus(t)).collect();
    let mut observations = Vec::with_capacity(communities * MONTHS);
    for c in 0..communities {
        let id = format!("c{c:04}");
        let lf = 2_000 + rng.below(18_000);
        // A random walk of the rate in 0.01 pp, between 1 % and 8 %.
        let mut rate = 250 + rng.below(250);
        for (t, month) in months.iter().enumerate() {
            rate = (rate + rng.below(61)).saturating_sub(30).clamp(100, 800);
            let mut o = Observation::new(&id, *month);
            o.labour_force = Some(lf + t as u64 * 3);
            o.unemployed = Some(lf * rate / 10_000);
            observations.push(o);
        }
    }
    let date = |rng: &mut Lcg| {
        let m = months
            .get(rng.below(MONTHS as u64) as usize)
            .copied()
            .unwrap_or(start);
        Date::new(m.year(), m.month(), 1 + rng.below(28) as u32)
    };
    let mut closures = Vec::new();
    let mut layoffs = Vec::new();
    for i in 0..EVENTS {
        let street = format!("s{:02}", rng.below(STREETS as u64));
        let enterprise = format!("E{}", rng.below(4_000));
        let Some(d) = date(&mut rng) else { continue };
        if i % 2 == 0 {
            closures.push(ClosureEvent {
                id: format!("C{i}"),
                enterprise,
                industry: String::new(),
                street,
                date: d,
                unemployed: 10 + rng.below(1_500),
            });
        } else {
            let workforce = 50 + rng.below(3_000);
            layoffs.push(LayoffEvent {
                id: format!("L{i}"),
                enterprise,
                industry: String::new(),
                street,
                date: d,
                workforce,
                laid_off: rng.below(workforce * 6 / 10 + 1),
            });
        }
    }
    let city_warnings = match (Month::new(2020, 2), Month::new(2020, 6)) {
        (Some(from), until) => vec![CityWarning {
            level: Level::L3,
            from,
            until,
            note: String::new(),
        }],
        _ => Vec::new(),
    };
    Dataset {
        regions,
        observations,
        closures,
        layoffs,
        city_warnings,
        ..Dataset::default()
    }
}

/// [`city_scale`] as a snapshot under the Binjiang plan (what `uew city` prints).
pub fn city_snapshot() -> crate::snapshot::Snapshot {
    crate::snapshot::Snapshot::new(
        crate::plan::Plan::binjiang_2020(),
        city_scale(),
        "2026-12-01T00:00:00Z",
    )
}

/// A district with `streets` streets (`s00`, `s01`, …, named 街道00 …) of `per_street`
/// communities each (`s00c00`, …, named 社区00-00 …), counts every month for `months` months
/// up to 2026-10. Street `s03`'s rates climb to 7 % in the last three months, so its level
/// differs from the rest; every other community stays near 2 %. A workspace past the size where
/// the views list one parent's children at a time, yet small enough for a browser test.
pub fn large_district(
    streets: usize,
    per_street: usize,
    months: usize,
) -> crate::snapshot::Snapshot {
    let mut rng = Lcg(7);
    let mut regions =
        vec![Region::new("d", RegionKind::District, "大区", None).with_en("Big district")];
    let last = Month::new(2026, 10).unwrap_or(Month::MIN);
    let n = i64::try_from(months).unwrap_or(0);
    let all: Vec<Month> = (1 - n..=0).filter_map(|t| last.plus(t)).collect();
    let mut observations = Vec::new();
    for s in 0..streets {
        let sid = format!("s{s:02}");
        regions.push(
            Region::new(&sid, RegionKind::Street, &format!("街道{s:02}"), Some("d"))
                .with_en(&format!("Street {s:02}")),
        );
        for c in 0..per_street {
            let cid = format!("{sid}c{c:02}");
            regions.push(Region::new(
                &cid,
                RegionKind::Community,
                &format!("社区{s:02}-{c:02}"),
                Some(&sid),
            ));
            let lf = 2_000 + rng.below(3_000);
            for (t, month) in all.iter().enumerate() {
                let climbing = s == 3 && t + 3 >= all.len();
                let per_mille = if climbing { 70 } else { 18 + rng.below(5) };
                let mut o = Observation::new(&cid, *month);
                o.labour_force = Some(lf);
                o.unemployed = Some(lf * per_mille / 1_000);
                observations.push(o);
            }
        }
    }
    let data = Dataset {
        regions,
        observations,
        ..Dataset::default()
    };
    crate::snapshot::Snapshot::new(
        crate::plan::Plan::binjiang_2020(),
        data,
        "2026-12-01T00:00:00Z",
    )
}

/// Three scenarios a meeting might pose on the sample data (`crate::demo`), each with tweaks of
/// different kinds: a plant closing next month plus a layoff; +0.2 points a month for 6 months
/// plus a street's rates extended; the level-3 threshold at 5 % with a 6-month event window and a
/// changed past count.
pub fn meeting_scenarios() -> Vec<crate::scenario::Scenario> {
    use crate::edit::{CellEdit, Field, Value};
    use crate::model::Scope;
    use crate::num::Pct;
    use crate::rules::Series;
    use crate::scenario::{Delta, Scenario, Tweak};
    let (Some(oct), Some(nov), Some(dec)) = (
        Month::new(2026, 10),
        Month::new(2026, 11),
        Month::new(2026, 12),
    ) else {
        return Vec::new();
    };
    let pct = |hundredths: i64| Pct::from_units(hundredths * 100);
    let mut a = Scenario::new(1, "电子厂关停 · plant closes", "2026-11-27T09:00:00Z");
    a.tweaks = vec![
        Tweak::Closure {
            enterprise: "杭州某电子厂".into(),
            street: "xixing".into(),
            month: nov,
            unemployed: 6_000,
        },
        Tweak::Layoff {
            enterprise: "杭州某软件公司".into(),
            street: "changhe".into(),
            month: dec,
            workforce: 2_000,
            laid_off: 900,
        },
    ];
    let mut b = Scenario::new(2, "每月 +0.2 · +0.2 pp a month", "2026-11-27T09:00:00Z");
    b.tweaks = vec![
        Tweak::Trend {
            region: "binjiang".into(),
            series: Series::Registered,
            step: Delta::tenths(2),
            months: 6,
        },
        Tweak::ExtendRates {
            region: "xixing".into(),
            series: Series::Registered,
            from: None,
            values: vec![pct(320), pct(360), pct(410), pct(460)],
        },
    ];
    let mut c = Scenario::new(3, "三级阈值 5% · threshold 5 %", "2026-11-27T09:00:00Z");
    c.tweaks = vec![
        Tweak::Thresholds {
            scope: Scope::District,
            level: Level::L3,
            min_rate: Some(pct(500)),
            sustained_months: None,
            min_unemployed: None,
            min_share: None,
        },
        Tweak::EventWindow { months: 6 },
        Tweak::SetCells {
            cells: vec![CellEdit::new(
                "xixing-dongguan",
                oct,
                Field::Unemployed,
                Some(Value::Count(1_500)),
            )],
        },
    ];
    vec![a, b, c]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_stated_size_and_is_deterministic() {
        let a = city_scale();
        assert_eq!(a.regions.len(), REGIONS);
        assert_eq!(a.observations.len(), (REGIONS - 1 - STREETS) * MONTHS);
        assert_eq!(a.closures.len() + a.layoffs.len(), EVENTS);
        assert_eq!(a.observations[..1000], city_scale().observations[..1000]);
        assert!(a
            .observations
            .iter()
            .all(|o| { o.unemployed.unwrap() <= o.labour_force.unwrap() }));
    }

    #[test]
    fn the_large_district_has_its_size_and_one_street_warns() {
        use crate::model::Scope;
        let snap = large_district(30, 8, 96);
        assert_eq!(snap.dataset.regions.len(), 1 + 30 + 240);
        assert_eq!(snap.dataset.observations.len(), 240 * 96);
        assert_eq!(crate::snapshot::validate(&snap).len(), 0);
        let e = crate::rules::Engine::new(&snap.plan, &snap.dataset);
        let at = Month::new(2026, 10).unwrap();
        let level = |id: &str| e.evaluate(&Scope::Street(id.into()), at).effective.level();
        assert!(level("s03").is_some(), "s03 warns");
        assert_eq!(level("s04"), None);
        assert_eq!(city_snapshot().dataset.regions.len(), REGIONS);
    }

    #[test]
    fn the_meeting_scenarios_apply_to_the_sample() {
        let demo = crate::demo::snapshot();
        let list = meeting_scenarios();
        assert_eq!(list.len(), 3);
        for sc in &list {
            let (p, d) = sc.apply(&demo.plan, &demo.dataset).unwrap();
            assert!(
                d != demo.dataset || p != demo.plan,
                "{} changes something",
                sc.name
            );
        }
    }
}
