//! Builders shared by the rules tests: a district `d` with streets `s1` and `s2`, each with
//! one community (`s1-c`, `s2-c`).
#![allow(dead_code)]

use uew::model::{
    CityWarning, ClosureEvent, Dataset, LayoffEvent, Observation, Region, RegionKind, Scope,
    Signoff, SpecialDetermination, SpecialReason,
};
use uew::month::{Date, Month};
use uew::num::Pct;
use uew::plan::{Level, Plan};
use uew::rules::{Engine, Evaluation, Status};

pub fn m(text: &str) -> Month {
    Month::parse(text).unwrap()
}

pub fn d(text: &str) -> Date {
    Date::parse(text).unwrap()
}

pub fn pct(text: &str) -> Pct {
    Pct::parse(text).unwrap()
}

pub fn plan() -> Plan {
    Plan::binjiang_2020()
}

pub fn street(id: &str) -> Scope {
    Scope::Street(id.to_owned())
}

pub fn base() -> Dataset {
    Dataset {
        regions: vec![
            Region::new("d", RegionKind::District, "区", None),
            Region::new("s1", RegionKind::Street, "一街道", Some("d")),
            Region::new("s2", RegionKind::Street, "二街道", Some("d")),
            Region::new("s1-c", RegionKind::Community, "一社区", Some("s1")),
            Region::new("s2-c", RegionKind::Community, "二社区", Some("s2")),
        ],
        ..Dataset::default()
    }
}

fn obs<'a>(data: &'a mut Dataset, region: &str, month: &str) -> &'a mut Observation {
    let month = m(month);
    let at = data
        .observations
        .iter()
        .position(|o| o.region == region && o.month == month);
    let at = match at {
        Some(i) => i,
        None => {
            data.observations.push(Observation::new(region, month));
            data.observations.len() - 1
        }
    };
    &mut data.observations[at]
}

/// Entered registered rates for consecutive months from `first`.
pub fn registered(data: &mut Dataset, region: &str, first: &str, rates: &[&str]) {
    for (i, r) in rates.iter().enumerate() {
        let month = m(first).plus(i as i64).unwrap().to_string();
        obs(data, region, &month).registered_rate = Some(pct(r));
    }
}

/// Entered actual rates for consecutive months from `first`.
pub fn actual(data: &mut Dataset, region: &str, first: &str, rates: &[&str]) {
    for (i, r) in rates.iter().enumerate() {
        let month = m(first).plus(i as i64).unwrap().to_string();
        obs(data, region, &month).actual_rate = Some(pct(r));
    }
}

pub fn counts(data: &mut Dataset, region: &str, month: &str, unemployed: u64, labour_force: u64) {
    let o = obs(data, region, month);
    o.unemployed = Some(unemployed);
    o.labour_force = Some(labour_force);
}

pub fn closure(data: &mut Dataset, enterprise: &str, street: &str, date: &str, unemployed: u64) {
    let id = format!("C{}", data.closures.len() + 1);
    data.closures.push(ClosureEvent {
        id,
        enterprise: enterprise.to_owned(),
        industry: String::new(),
        street: street.to_owned(),
        date: d(date),
        unemployed,
    });
}

pub fn layoff(
    data: &mut Dataset,
    enterprise: &str,
    street: &str,
    date: &str,
    workforce: u64,
    laid_off: u64,
) {
    let id = format!("L{}", data.layoffs.len() + 1);
    data.layoffs.push(LayoffEvent {
        id,
        enterprise: enterprise.to_owned(),
        industry: String::new(),
        street: street.to_owned(),
        date: d(date),
        workforce,
        laid_off,
    });
}

pub fn city(data: &mut Dataset, level: Level, from: &str, until: Option<&str>) {
    data.city_warnings.push(CityWarning {
        level,
        from: m(from),
        until: until.map(m),
        note: String::new(),
    });
}

/// A §5.1-M determination; `consent`/`approval` are dates or `None`.
pub fn special(
    data: &mut Dataset,
    scope: Scope,
    level: Level,
    consent: Option<&str>,
    approval: Option<&str>,
    until: Option<&str>,
) {
    let so = |date: &str, by: &str| Signoff {
        date: d(date),
        by: by.to_owned(),
    };
    data.special_determinations.push(SpecialDetermination {
        id: format!("S{}", data.special_determinations.len() + 1),
        level,
        reason: SpecialReason::SpecialCircumstances,
        scope,
        note: String::new(),
        proposed: so("2020-01-01", "office"),
        hq_consent: consent.map(|c| so(c, "hq")),
        city_approval: approval.map(|a| so(a, "city")),
        until: until.map(m),
    });
}

/// Evaluates with evidence and checks the streaming pass gives the same month.
pub fn eval(plan: &Plan, data: &Dataset, scope: &Scope, month: &str) -> Evaluation {
    let engine = Engine::new(plan, data);
    let month = m(month);
    let e = engine.evaluate(scope, month);
    let fast = engine.timeline(scope, month, month);
    assert_eq!(fast.months.len(), 1);
    assert_eq!(
        fast.months[0].summary,
        e.summary(),
        "streaming pass disagrees at {month}"
    );
    e
}

/// The effective status of the district.
pub fn district(plan: &Plan, data: &Dataset, month: &str) -> Status {
    eval(plan, data, &Scope::District, month).effective
}

pub fn warn(level: Level) -> Status {
    Status::Warning { level }
}

pub fn insufficient(at_least: Option<Level>, could_be: Level) -> Status {
    Status::InsufficientData { at_least, could_be }
}
