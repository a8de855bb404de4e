//! The embedded sample (示例数据): Binjiang district, its three streets and eleven communities,
//! monthly from 2022-01 to 2026-10, generated deterministically.
//!
//! Counts are kept per community, so street and district rates are computed exactly from them.
//! The story, as the engine reads it under the Binjiang 2020 plan:
//! - 2022-04 … 2022-06: an epidemic special determination (§5.1-M, level 3), approved;
//! - 2023-05 … 2023-07: the district rate ≥ 4.5 % for two months and more → level 3
//!   (§5.1-L3-a); a city level-3 warning keeps level 3 through 2023-08;
//! - 2025-05: a large closure → level 3 (§5.1-L3-b); 2025-06 … 2025-07: a second one brings the
//!   3-month total past 10 000 → level 2 (§5.1-L2-b); 2025-08 … 2025-09: the rate keeps level 3;
//! - 2026: back to normal; a proposed special determination lacks the city's approval and so
//!   does not count.

use crate::model::{
    CityWarning, ClosureEvent, Dataset, KeyGroups, LayoffEvent, Observation, Region, RegionKind,
    Scope, Signoff, SpecialDetermination, SpecialReason,
};
use crate::month::{Date, Month};
use crate::plan::{Level, Plan};
use crate::snapshot::Snapshot;

/// The first and last month of the sample.
pub const FIRST: (i32, u32) = (2022, 1);
pub const LAST: (i32, u32) = (2026, 10);
/// The `created` stamp of the sample snapshot (fixed, so the sample file is reproducible).
pub const CREATED: &str = "2026-11-01T09:00:00+08:00";

/// (street id, zh, en, rate offset in 0.01 pp, communities: (id, zh, base labour force)).
type StreetSpec = (
    &'static str,
    &'static str,
    &'static str,
    i64,
    &'static [(&'static str, &'static str, u64)],
);

const STREETS: [StreetSpec; 3] = [
    (
        "xixing",
        "西兴街道",
        "Xixing Subdistrict",
        25,
        &[
            ("xixing-dongguan", "东冠社区", 26_500),
            ("xixing-guanhe", "官河社区", 22_800),
            ("xixing-xiangbin", "湘滨社区", 24_100),
            ("xixing-xingmin", "星民社区", 19_600),
        ],
    ),
    (
        "changhe",
        "长河街道",
        "Changhe Subdistrict",
        0,
        &[
            ("changhe-changhe", "长河社区", 27_300),
            ("changhe-shanyi", "山一社区", 21_900),
            ("changhe-tangziyan", "塘子堰社区", 18_700),
            ("changhe-jiangyi", "江一社区", 23_400),
        ],
    ),
    (
        "puyan",
        "浦沿街道",
        "Puyan Subdistrict",
        -25,
        &[
            ("puyan-puyan", "浦沿社区", 31_200),
            ("puyan-guanshan", "冠山社区", 25_600),
            ("puyan-xinpu", "新浦社区", 28_900),
        ],
    ),
];

/// The district's target rate per month, in 0.01 pp, 2022-01 first.
#[rustfmt::skip]
const PROFILE: [i64; 58] = [
    // 2022: an epidemic bump in spring.
    300, 305, 330, 360, 375, 350, 320, 310, 305, 300, 295, 300,
    // 2023: the level-3 episode (≥ 4.5 % from April to July).
    340, 385, 425, 475, 495, 485, 470, 410, 375, 350, 335, 320,
    // 2024: calm.
    315, 320, 325, 330, 335, 330, 340, 345, 335, 325, 320, 315,
    // 2025: closures in May and June, then the rate (≥ 4.5 % July to September).
    320, 330, 345, 360, 390, 420, 480, 490, 470, 410, 370, 340,
    // 2026: back to normal.
    325, 315, 310, 300, 295, 290, 285, 280, 275, 270,
];

/// A small deterministic generator (64-bit LCG, high bits out).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1).max(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

// The sample's months and dates are all valid; the fallbacks only satisfy the types.
fn month(y: i32, m: u32) -> Month {
    Month::new(y, m).unwrap_or(Month::MIN)
}

fn date(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap_or(Date::MIN)
}

fn signoff(y: i32, m: u32, d: u32, by: &str) -> Signoff {
    Signoff {
        date: date(y, m, d),
        by: by.to_owned(),
    }
}

fn regions() -> Vec<Region> {
    let mut out = vec![
        Region::new("binjiang", RegionKind::District, "滨江区", None).with_en("Binjiang District"),
    ];
    for (id, zh, en, _, communities) in STREETS {
        out.push(Region::new(id, RegionKind::Street, zh, Some("binjiang")).with_en(en));
        for (cid, czh, _) in communities {
            out.push(Region::new(cid, RegionKind::Community, czh, Some(id)));
        }
    }
    out
}

fn observations() -> Vec<Observation> {
    let mut rng = Lcg(20_201_123);
    let mut out = Vec::new();
    let first = month(FIRST.0, FIRST.1);
    for (t, m) in first.through(month(LAST.0, LAST.1)).enumerate() {
        let target = PROFILE.get(t).copied().unwrap_or(300);
        let t = i64::try_from(t).unwrap_or(0);
        for (_, _, _, offset, communities) in STREETS {
            for (k, (cid, _, base)) in communities.iter().enumerate() {
                // Labour force grows about 0.15 % a month; communities differ a little.
                let base = i64::try_from(*base).unwrap_or(20_000);
                let lf = base + base * 15 * t / 10_000 + rng.range(-120, 120);
                let k = i64::try_from(k).unwrap_or(0);
                let rate = target + offset + (k - 1) * 6 + rng.range(-12, 12); // 0.01 pp
                let unemployed = lf * rate / 10_000;
                let mut o = Observation::new(cid, m);
                o.unemployed = u64::try_from(unemployed).ok();
                o.labour_force = u64::try_from(lf).ok();
                // Graduates peak in July and August, after the academic year.
                let season = if matches!(m.month(), 7 | 8) { 22 } else { 11 };
                o.key_groups = KeyGroups {
                    graduates: u64::try_from(unemployed * season / 100).ok(),
                    difficulty: u64::try_from(unemployed * 8 / 100 + rng.range(0, 6)).ok(),
                    migrant_workers: u64::try_from(unemployed * 34 / 100 + rng.range(0, 20)).ok(),
                };
                out.push(o);
            }
        }
    }
    out
}

type Ymd = (i32, u32, u32);
type ClosureRow = (
    &'static str,
    Ymd,
    &'static str,
    &'static str,
    &'static str,
    u64,
);
type LayoffRow = (
    &'static str,
    Ymd,
    &'static str,
    &'static str,
    &'static str,
    u64,
    u64,
);

fn closures() -> Vec<ClosureEvent> {
    // (id, date, enterprise, industry, street, unemployed)
    let rows: [ClosureRow; 12] = [
        (
            "C-2022-01",
            (2022, 4, 12),
            "杭州江南纺织有限公司",
            "纺织服装",
            "changhe",
            420,
        ),
        (
            "C-2022-02",
            (2022, 9, 3),
            "滨江味道餐饮管理有限公司",
            "住宿餐饮",
            "xixing",
            160,
        ),
        (
            "C-2023-01",
            (2023, 3, 21),
            "杭州启明光电科技有限公司",
            "电子制造",
            "puyan",
            780,
        ),
        (
            "C-2023-02",
            (2023, 5, 9),
            "杭州华远物流有限公司",
            "交通运输",
            "xixing",
            530,
        ),
        (
            "C-2023-03",
            (2023, 11, 15),
            "浦沿建材市场经营部",
            "批发零售",
            "puyan",
            95,
        ),
        (
            "C-2024-01",
            (2024, 2, 27),
            "杭州云栖教育科技有限公司",
            "教育培训",
            "changhe",
            640,
        ),
        (
            "C-2024-02",
            (2024, 8, 6),
            "杭州星辰装饰工程有限公司",
            "建筑装饰",
            "xixing",
            310,
        ),
        (
            "C-2024-03",
            (2024, 12, 18),
            "杭州聚能电池有限公司",
            "电子制造",
            "puyan",
            870,
        ),
        (
            "C-2025-01",
            (2025, 5, 14),
            "杭州海晟电子制造有限公司",
            "电子制造",
            "xixing",
            6_200,
        ),
        (
            "C-2025-02",
            (2025, 6, 23),
            "杭州长兴精密机械有限公司",
            "装备制造",
            "changhe",
            4_300,
        ),
        (
            "C-2025-03",
            (2025, 12, 2),
            "滨江互联网小额贷款有限公司",
            "金融",
            "xixing",
            230,
        ),
        (
            "C-2026-01",
            (2026, 4, 16),
            "杭州绿源食品有限公司",
            "食品加工",
            "puyan",
            180,
        ),
    ];
    rows.iter()
        .map(|(id, (y, m, d), ent, ind, street, n)| ClosureEvent {
            id: (*id).to_owned(),
            enterprise: (*ent).to_owned(),
            industry: (*ind).to_owned(),
            street: (*street).to_owned(),
            date: date(*y, *m, *d),
            unemployed: *n,
        })
        .collect()
}

fn layoffs() -> Vec<LayoffEvent> {
    // (id, date, enterprise, industry, street, workforce, laid off)
    let rows: [LayoffRow; 14] = [
        (
            "L-2022-01",
            (2022, 5, 10),
            "杭州东信通信设备有限公司",
            "电子制造",
            "puyan",
            2_400,
            380,
        ),
        (
            "L-2022-02",
            (2022, 6, 2),
            "杭州滨和酒店管理有限公司",
            "住宿餐饮",
            "xixing",
            310,
            45,
        ),
        (
            "L-2022-03",
            (2022, 11, 8),
            "杭州安达文化传媒有限公司",
            "文化传媒",
            "changhe",
            150,
            12,
        ),
        (
            "L-2023-01",
            (2023, 4, 17),
            "杭州网云软件有限公司",
            "软件信息",
            "xixing",
            3_100,
            720,
        ),
        (
            "L-2023-02",
            (2023, 5, 25),
            "杭州新浦服装有限公司",
            "纺织服装",
            "puyan",
            860,
            240,
        ),
        (
            "L-2023-03",
            (2023, 6, 12),
            "杭州钱塘汽车零部件有限公司",
            "装备制造",
            "changhe",
            1_900,
            410,
        ),
        (
            "L-2023-04",
            (2023, 9, 5),
            "杭州冠山印务有限公司",
            "印刷",
            "puyan",
            120,
            14,
        ),
        (
            "L-2024-01",
            (2024, 3, 19),
            "杭州智联电商有限公司",
            "批发零售",
            "changhe",
            1_250,
            190,
        ),
        (
            "L-2024-02",
            (2024, 7, 30),
            "杭州官河物业服务有限公司",
            "物业服务",
            "xixing",
            540,
            60,
        ),
        (
            "L-2024-03",
            (2024, 10, 11),
            "杭州江一包装材料有限公司",
            "包装材料",
            "changhe",
            95,
            11,
        ),
        (
            "L-2025-01",
            (2025, 6, 4),
            "杭州湘滨电子有限公司",
            "电子制造",
            "xixing",
            2_800,
            650,
        ),
        (
            "L-2025-02",
            (2025, 7, 21),
            "杭州浦沿光伏科技有限公司",
            "电子制造",
            "puyan",
            1_600,
            420,
        ),
        (
            "L-2025-03",
            (2025, 10, 9),
            "杭州星民家政服务有限公司",
            "居民服务",
            "xixing",
            180,
            25,
        ),
        (
            "L-2026-01",
            (2026, 3, 6),
            "杭州山一机电设备有限公司",
            "装备制造",
            "changhe",
            720,
            80,
        ),
    ];
    rows.iter()
        .map(|(id, (y, m, d), ent, ind, street, wf, n)| LayoffEvent {
            id: (*id).to_owned(),
            enterprise: (*ent).to_owned(),
            industry: (*ind).to_owned(),
            street: (*street).to_owned(),
            date: date(*y, *m, *d),
            workforce: *wf,
            laid_off: *n,
        })
        .collect()
}

fn overrides() -> (Vec<CityWarning>, Vec<SpecialDetermination>) {
    let city = vec![CityWarning {
        level: Level::L3,
        from: month(2023, 6),
        until: Some(month(2023, 8)),
        note: "市失业应急办发布三级（较重）失业预警，涉及滨江区".to_owned(),
    }];
    let specials = vec![
        SpecialDetermination {
            id: "S-2022-01".to_owned(),
            level: Level::L3,
            reason: SpecialReason::MajorEpidemic,
            scope: Scope::District,
            note: "疫情影响，失业人员明显增加".to_owned(),
            proposed: signoff(2022, 4, 15, "区失业应急办"),
            hq_consent: Some(signoff(2022, 4, 20, "区失业应急指挥部")),
            city_approval: Some(signoff(2022, 4, 28, "市失业应急办")),
            until: Some(month(2022, 6)),
        },
        SpecialDetermination {
            id: "S-2026-01".to_owned(),
            level: Level::L3,
            reason: SpecialReason::SpecialCircumstances,
            scope: Scope::Street("xixing".to_owned()),
            note: "西兴街道拟认定三级预警（待市失业应急办批准）".to_owned(),
            proposed: signoff(2026, 9, 8, "区失业应急办"),
            hq_consent: Some(signoff(2026, 9, 15, "区失业应急指挥部")),
            city_approval: None,
            until: None,
        },
    ];
    (city, specials)
}

/// The sample dataset.
pub fn dataset() -> Dataset {
    let (city_warnings, special_determinations) = overrides();
    Dataset {
        regions: regions(),
        observations: observations(),
        closures: closures(),
        layoffs: layoffs(),
        city_warnings,
        special_determinations,
        street_thresholds: Default::default(),
        indicator_values: Vec::new(),
    }
}

/// The sample as a snapshot under the Binjiang 2020 plan.
pub fn snapshot() -> Snapshot {
    Snapshot::new(Plan::binjiang_2020(), dataset(), CREATED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_deterministic_and_complete() {
        let a = dataset();
        assert_eq!(a, dataset());
        assert_eq!(a.regions.len(), 1 + 3 + 11);
        assert_eq!(a.observations.len(), 58 * 11);
        assert_eq!(PROFILE.len(), 58);
    }
}
