use super::*;
use std::collections::HashSet;

fn plan() -> Plan {
    Plan::binjiang_2020()
}

/// Every `Text` reachable from a plan, each with where it was found.
fn texts(p: &Plan) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> =
        vec![("title".into(), &p.title), ("issuer".into(), &p.issuer)];
    out.push(("scope".into(), &p.scope.text));
    for c in &p.principles {
        out.push((format!("principle {}", c.id), &c.text));
    }
    out.push(("hq.setup".into(), &p.hq.setup.text));
    out.push(("hq.commander".into(), &p.hq.commander));
    out.push(("hq.commander_level1".into(), &p.hq.commander_level1));
    for (i, d) in p.hq.deputies.iter().enumerate() {
        out.push((format!("hq.deputy {i}"), d));
    }
    out.push(("hq.members_rule".into(), &p.hq.members_rule.text));
    out.push(("hq.office".into(), &p.hq.office.text));
    for u in &p.units {
        out.push((format!("unit {}", u.id), &u.name));
    }
    for d in &p.duties {
        out.push((format!("duty {}", d.clause), &d.text));
    }
    out.push(("street_duties".into(), &p.street_duties.text));
    for c in &p.monitoring {
        out.push((format!("monitoring {}", c.id), &c.text));
    }
    for s in &p.thresholds.levels {
        out.push((format!("level {}", s.clause), &s.name));
        out.push((
            s.rate.as_ref().unwrap().clause.id.clone(),
            &s.rate.as_ref().unwrap().clause.text,
        ));
        out.push((
            s.closures.as_ref().unwrap().clause.id.clone(),
            &s.closures.as_ref().unwrap().clause.text,
        ));
        out.push((
            s.layoffs.as_ref().unwrap().clause.id.clone(),
            &s.layoffs.as_ref().unwrap().clause.text,
        ));
    }
    out.push(("special".into(), &p.special_determination.text));
    for d in &p.deadlines {
        out.push((format!("deadline {} task", d.id), &d.task));
        out.push((format!("deadline {} by", d.id), &d.by));
        out.push((format!("deadline {} to", d.id), &d.to));
    }
    out.push(("reporting".into(), &p.reporting.text));
    out.push(("first_response".into(), &p.first_response.text));
    out.push(("bulletin".into(), &p.bulletin.text));
    for f in &p.bulletin_fields {
        out.push((format!("bulletin field {}", f.id), &f.name));
    }
    for r in &p.responses {
        out.push((r.start_procedure.id.clone(), &r.start_procedure.text));
        out.push((r.control_policy.id.clone(), &r.control_policy.text));
        for m in &r.measures {
            out.push((format!("{} title", m.clause), &m.title));
            out.push((format!("{} text", m.clause), &m.text));
        }
        out.push((
            format!("{} may_add_clause", r.clause),
            &r.may_add_clause.text,
        ));
    }
    for c in p
        .end_steps
        .iter()
        .chain(&p.requirements)
        .chain(&p.supplementary)
    {
        out.push((c.id.clone(), &c.text));
    }
    out
}

#[test]
fn thresholds_are_those_of_the_plan() {
    let p = plan();
    let expected = [
        (Level::L1, 65, 15_000, 600),
        (Level::L2, 55, 10_000, 500),
        (Level::L3, 45, 5_000, 400),
    ];
    assert_eq!(p.thresholds.levels.len(), 3);
    for (i, (level, rate, closures, layoffs)) in expected.into_iter().enumerate() {
        let s = &p.thresholds.levels[i];
        assert_eq!(s.level, level, "most severe first");
        assert_eq!(p.thresholds.spec(level), Some(s));
        let n = level.number();
        assert_eq!(s.clause, format!("§5.1-L{n}"));
        assert_eq!(s.rate.as_ref().unwrap().min_rate, Pct::tenths(rate));
        assert_eq!(s.rate.as_ref().unwrap().sustained_months, 2);
        assert_eq!(s.closures.as_ref().unwrap().min_unemployed, closures);
        assert_eq!(s.layoffs.as_ref().unwrap().min_share, Pct::tenths(layoffs));
        assert_eq!(s.rate.as_ref().unwrap().clause.id, format!("§5.1-L{n}-a"));
        assert_eq!(
            s.closures.as_ref().unwrap().clause.id,
            format!("§5.1-L{n}-b")
        );
        assert_eq!(
            s.layoffs.as_ref().unwrap().clause.id,
            format!("§5.1-L{n}-c")
        );
    }
    assert_eq!(
        p.thresholds.levels[0]
            .rate
            .as_ref()
            .unwrap()
            .min_rate
            .to_string(),
        "6.5"
    );
    assert_eq!(
        p.thresholds.levels[2]
            .layoffs
            .as_ref()
            .unwrap()
            .min_share
            .to_string(),
        "40"
    );
    assert_eq!(
        p.thresholds.levels[0].rate.as_ref().unwrap().clause.text.zh,
        "登记失业率（或区实际失业率）达到6.5%（含）以上，并持续2个月以上"
    );
    assert_eq!(
        p.thresholds.levels[1]
            .closures
            .as_ref()
            .unwrap()
            .clause
            .text
            .zh,
        "多个企业关停破产造成10000（含）人以上失业"
    );
    assert_eq!(
        p.thresholds.levels[2]
            .layoffs
            .as_ref()
            .unwrap()
            .clause
            .text
            .zh,
        "多个企业一次性裁员达到企业职工总数的40%（含）以上"
    );
}

#[test]
fn each_criterion_text_states_its_own_threshold() {
    // Guards against a number in the data drifting away from the clause text it cites.
    for s in &plan().thresholds.levels {
        let rate = format!("{}%（含）以上", s.rate.as_ref().unwrap().min_rate);
        assert!(
            s.rate.as_ref().unwrap().clause.text.zh.contains(&rate),
            "{}",
            s.clause
        );
        assert!(
            s.closures
                .as_ref()
                .unwrap()
                .clause
                .text
                .zh
                .contains(&s.closures.as_ref().unwrap().min_unemployed.to_string()),
            "{}",
            s.clause
        );
        let share = format!("{}%（含）以上", s.layoffs.as_ref().unwrap().min_share);
        assert!(
            s.layoffs.as_ref().unwrap().clause.text.zh.contains(&share),
            "{}",
            s.clause
        );
    }
}

#[test]
fn more_severe_levels_have_strictly_higher_thresholds() {
    let l = &plan().thresholds.levels;
    for w in l.windows(2) {
        assert!(w[0].level > w[1].level);
        assert!(w[0].rate.as_ref().unwrap().min_rate > w[1].rate.as_ref().unwrap().min_rate);
        assert!(
            w[0].closures.as_ref().unwrap().min_unemployed
                > w[1].closures.as_ref().unwrap().min_unemployed
        );
        assert!(
            w[0].layoffs.as_ref().unwrap().min_share > w[1].layoffs.as_ref().unwrap().min_share
        );
    }
}

#[test]
fn measures_are_numbered_in_sequence_per_level() {
    let p = plan();
    let counts = [(Level::L1, 8), (Level::L2, 8), (Level::L3, 10)];
    assert_eq!(p.responses.len(), 3);
    for (i, (level, count)) in counts.into_iter().enumerate() {
        let r = &p.responses[i];
        assert_eq!(r.level, level);
        assert_eq!(p.response(level), Some(r));
        let sec = format!("§6.{}", level.number());
        assert_eq!(r.clause, sec);
        assert_eq!(r.start_procedure.id, format!("{sec}-start"));
        assert_eq!(r.control_policy.id, format!("{sec}-control"));
        assert_eq!(r.measures.len(), count, "{sec}");
        for (k, m) in r.measures.iter().enumerate() {
            assert_eq!(m.clause, format!("{sec}-{}", k + 1));
            assert!(!m.units.is_empty(), "{} names its units", m.clause);
            assert_eq!(
                m.units[0], "hrss",
                "{}: 区人力社保局 leads every measure",
                m.clause
            );
        }
    }
}

#[test]
fn measure_texts_leave_out_the_responsibility_parenthesis() {
    for r in &plan().responses {
        for m in &r.measures {
            assert!(!m.text.zh.contains("责任单位"), "{}", m.clause);
            assert!(!m.title.zh.ends_with('。'), "{}", m.clause);
            assert!(!m.title.zh.is_empty() && m.title.zh.chars().count() < 20);
        }
    }
}

#[test]
fn packages_follow_the_plan() {
    let p = plan();
    let r1 = p.response(Level::L1).unwrap();
    assert_eq!(r1.may_add, vec![Level::L2, Level::L3]);
    assert_eq!(r1.may_add_clause.id, "§6.1-package");
    assert_eq!(
        r1.may_add_clause.text.zh,
        "如失业问题非常严重，可有针对性地选择二级和三级失业应急相关措施予以一揽子处置。"
    );
    let r2 = p.response(Level::L2).unwrap();
    assert_eq!(r2.may_add, vec![Level::L3]);
    assert_eq!(r2.may_add_clause.id, "§6.2-package");
    let r3 = p.response(Level::L3).unwrap();
    assert!(r3.may_add.is_empty());
    assert_eq!(r3.may_add_clause, Clause::default());
}

#[test]
fn measures_for_adds_the_lower_packages() {
    let p = plan();
    let all = p.measures_for(Level::L1, true);
    assert_eq!(all.len(), 26);
    assert_eq!(all[0].1.clause, "§6.1-1");
    assert_eq!(all[8], (Level::L2, &p.responses[1].measures[0]));
    assert_eq!(all[25].1.clause, "§6.3-10");
    assert!(all[16..].iter().all(|(l, _)| *l == Level::L3));
    assert_eq!(p.measures_for(Level::L1, false).len(), 8);
    assert_eq!(p.measures_for(Level::L2, true).len(), 18);
    assert_eq!(p.measures_for(Level::L3, true).len(), 10);
}

#[test]
fn every_referenced_unit_exists() {
    let p = plan();
    let known: HashSet<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
    let referenced = p
        .responses
        .iter()
        .flat_map(|r| r.measures.iter().flat_map(|m| m.units.iter()))
        .chain(p.duties.iter().flat_map(|d| d.units.iter()))
        .chain(p.hq.members.iter());
    for id in referenced {
        assert!(known.contains(id.as_str()), "unknown unit {id}");
        assert!(p.unit(id).is_some());
    }
}

#[test]
fn units_are_unique_slugs_and_all_used() {
    let p = plan();
    let mut seen = HashSet::new();
    for u in &p.units {
        assert!(seen.insert(u.id.as_str()), "duplicate unit {}", u.id);
        assert!(
            !u.id.is_empty() && u.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "slug {}",
            u.id
        );
        let used = p.hq.members.contains(&u.id)
            || p.duties.iter().any(|d| d.units.contains(&u.id))
            || !p.measures_of_unit(&u.id).is_empty();
        assert!(used, "unit {} is named nowhere", u.id);
    }
    assert_eq!(p.unit("finance").unwrap().name.zh, "区财政局");
    assert_eq!(p.unit("streets").unwrap().name.zh, "各街道办事处");
    assert_eq!(p.unit("hrss").unwrap().name.zh, "区人力社保局");
}

#[test]
fn hq_follows_the_plan() {
    let p = plan();
    let hq = &p.hq;
    assert_eq!(hq.setup.id, "§3.1");
    assert!(hq.setup.text.zh.starts_with("当本区发生三级以上失业预警"));
    assert_eq!(hq.commander.zh, "区政府分管人力社保工作的副区长");
    assert_eq!(hq.commander_level1.zh, "区长");
    assert_eq!(hq.deputies.len(), 2);
    assert_eq!(hq.members.len(), 22);
    assert_eq!(
        hq.members.first().map(String::as_str),
        Some("committee-office")
    );
    assert_eq!(hq.members.last().map(String::as_str), Some("streets"));
    let mut unique = HashSet::new();
    assert!(hq.members.iter().all(|m| unique.insert(m)));
    // Members appear in the order the member clause names them; the clause writes the
    // bracketed 信访局 without its 区 prefix.
    let rule = &hq.members_rule.text.zh;
    let mut last = 0;
    for m in &hq.members {
        let name = &p.unit(m).unwrap().name.zh;
        let short = name.strip_prefix('区').unwrap_or(name);
        let at = rule[last..]
            .find(name.as_str())
            .or_else(|| rule[last..].find(short))
            .unwrap_or_else(|| panic!("{m} ({name}) out of order in the member clause"));
        last += at;
    }
    assert!(hq.office.text.zh.contains("区失业应急办"));
}

#[test]
fn duties_are_the_fifteen_items() {
    let p = plan();
    assert_eq!(p.duties.len(), 15);
    for (i, d) in p.duties.iter().enumerate() {
        assert_eq!(d.clause, format!("§3.2-{}", i + 1));
        assert!(!d.units.is_empty());
    }
    assert_eq!(
        p.duties[13].units,
        [
            "disabled",
            "agriculture",
            "veterans",
            "youth-league",
            "women"
        ]
    );
    assert_eq!(p.duties[1].units, ["petitions"]);
    assert_eq!(p.duties[7].units, ["hrss"]);
}

#[test]
fn no_text_is_empty() {
    let p = plan();
    for (at, t) in texts(&p) {
        // The two documented blanks: a deadline with nothing to report, and level 3's
        // absent package clause.
        let optional = at.ends_with(" to") || at == "§6.3 may_add_clause";
        if optional && t.zh.is_empty() {
            assert!(t.en.is_empty(), "{at}: en without zh");
            continue;
        }
        assert!(!t.zh.trim().is_empty(), "{at}: empty zh");
        assert!(!t.en.trim().is_empty(), "{at}: empty en");
    }
    // The walk must have reached the deep items too.
    assert!(texts(&p).len() > 150);
}

#[test]
fn clause_ids_are_unique() {
    let p = plan();
    let mut ids: Vec<&str> = vec![p.scope.id.as_str(), p.hq.setup.id.as_str()];
    ids.extend(p.principles.iter().map(|c| c.id.as_str()));
    ids.extend(p.duties.iter().map(|d| d.clause.as_str()));
    ids.push(&p.street_duties.id);
    ids.extend(p.monitoring.iter().map(|c| c.id.as_str()));
    for s in &p.thresholds.levels {
        ids.extend([
            s.clause.as_str(),
            &s.rate.as_ref().unwrap().clause.id,
            &s.closures.as_ref().unwrap().clause.id,
            &s.layoffs.as_ref().unwrap().clause.id,
        ]);
    }
    ids.extend([
        p.special_determination.id.as_str(),
        &p.reporting.id,
        &p.first_response.id,
        &p.bulletin.id,
    ]);
    for r in &p.responses {
        ids.extend([
            r.clause.as_str(),
            &r.start_procedure.id,
            &r.control_policy.id,
        ]);
        ids.extend(r.measures.iter().map(|m| m.clause.as_str()));
        if !r.may_add_clause.id.is_empty() {
            ids.push(&r.may_add_clause.id);
        }
    }
    ids.extend(
        p.end_steps
            .iter()
            .chain(&p.requirements)
            .chain(&p.supplementary)
            .map(|c| c.id.as_str()),
    );
    let mut seen = HashSet::new();
    for id in &ids {
        assert!(id.starts_with('§'), "{id}");
        assert!(seen.insert(*id), "duplicate clause id {id}");
    }
    assert_eq!(p.principles.len(), 4);
    assert_eq!(p.monitoring.len(), 4);
    assert_eq!(p.end_steps.len(), 3);
    assert_eq!(p.requirements.len(), 3);
    assert_eq!(p.supplementary.len(), 5);
    assert_eq!(p.supplementary[4].id, "§9-5");
    assert!(p.supplementary[1].text.zh.contains("“以上”含本数"));
}

#[test]
fn measures_of_unit_finds_exactly_the_units_measures() {
    let p = plan();
    let finance = p.measures_of_unit("finance");
    assert!(!finance.is_empty());
    assert!(finance
        .iter()
        .all(|(_, m)| m.units.iter().any(|u| u == "finance")));
    let total = p
        .responses
        .iter()
        .flat_map(|r| &r.measures)
        .filter(|m| m.units.contains(&"finance".to_owned()))
        .count();
    assert_eq!(finance.len(), total);
    assert_eq!(p.measures_of_unit("market").len(), 1);
    assert!(p.measures_of_unit("police").is_empty());
    assert_eq!(p.measures_of_unit("hrss").len(), 26);
}

#[test]
fn serde_round_trip_is_lossless() {
    let p = plan();
    let json = serde_json::to_string(&p).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, p);
    // Exact percentages travel as decimal strings.
    assert!(json.contains("\"min_rate\":\"6.5\""));
}

#[test]
fn default_parameters() {
    let d = Parameters::default();
    assert_eq!(d.rate_series, RateSeriesRule::Either);
    assert_eq!(d.missing_month, MissingMonthRule::BreaksStreak);
    assert_eq!(d.event_window_months, 3);
    assert_eq!(d.closures_min_enterprises, 1);
    assert_eq!(d.layoffs_min_enterprises, 2);
    assert_eq!(d.layoff_ratio, LayoffRatioRule::PooledSum);
    assert!(d.art41.enabled);
    assert_eq!(d.art41.min_people, 20);
    assert_eq!(d.art41.min_share, Pct::tenths(100));
    assert_eq!(d.street_thresholds, StreetThresholdRule::InheritUnlessOwn);
    assert_eq!(d.combination, LevelCombination::HighestPerScope);
    assert_eq!(plan().parameters, d);
}

#[test]
fn bulletin_has_the_seven_fields() {
    let p = plan();
    assert_eq!(p.bulletin.id, "§5.4");
    let got: Vec<(&str, &str)> = p
        .bulletin_fields
        .iter()
        .map(|f| (f.id.as_str(), f.name.zh.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("category", "指标类别"),
            ("level", "预警级别"),
            ("start", "起始时间"),
            ("scope", "可能影响范围"),
            ("items", "警示事项"),
            ("measures", "应采取的措施"),
            ("issuer", "发布单位"),
        ]
    );
    for f in &p.bulletin_fields {
        assert!(p.bulletin.text.zh.contains(&f.name.zh), "{}", f.id);
    }
}

#[test]
fn deadlines_follow_5_2_and_5_3() {
    let p = plan();
    let got: Vec<(&str, &str, DeadlineStart, u32)> = p
        .deadlines
        .iter()
        .map(|d| (d.id.as_str(), d.clause.as_str(), d.start, d.hours))
        .collect();
    assert_eq!(
        got,
        [
            ("on-site", "§5.3", DeadlineStart::Event, 12),
            ("first-report", "§5.3", DeadlineStart::Event, 24),
            ("level-report-12", "§5.2", DeadlineStart::LevelReached, 48),
            ("level-report-3", "§5.2", DeadlineStart::LevelReached, 24),
            ("city-report", "§5.2", DeadlineStart::LevelReached, 0),
        ]
    );
    let ids = |level| -> Vec<&str> {
        p.deadlines_for(level)
            .into_iter()
            .map(|d| d.id.as_str())
            .collect()
    };
    assert_eq!(
        ids(Level::L1),
        ["on-site", "first-report", "level-report-12", "city-report"]
    );
    assert_eq!(ids(Level::L2), ids(Level::L1));
    assert_eq!(
        ids(Level::L3),
        ["on-site", "first-report", "level-report-3", "city-report"]
    );
    // Each hour count is the one the clause text states.
    for d in p.deadlines.iter().filter(|d| d.hours > 0) {
        let source = if d.clause == "§5.2" {
            &p.reporting
        } else {
            &p.first_response
        };
        assert!(
            source.text.zh.contains(&format!("{}小时内", d.hours)),
            "{}",
            d.id
        );
    }
    let city = p.deadlines.iter().find(|d| d.id == "city-report").unwrap();
    assert!(city.task.zh.contains("同时"));
    assert!(city.task.en.contains("same time"));
}

mod editing {
    use super::*;
    use crate::plan::check::{check, has_errors};
    use crate::plan::editing::{add_criterion, add_level, remove_level, swap_levels, NewCriterion};

    fn deadline_levels(p: &Plan, id: &str) -> Option<Vec<Level>> {
        p.deadlines
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.levels.clone())
    }

    #[test]
    fn a_new_level_is_the_mildest_with_a_criterion_its_own_label_and_a_response() {
        let mut p = plan();
        add_level(&mut p).unwrap();
        assert_eq!(p.levels(), vec![Level::L1, Level::L2, Level::L3, Level::L4]);
        let l4 = p.thresholds.spec(Level::L4).unwrap();
        let rate = l4.rate.as_ref().unwrap();
        assert_eq!(rate.clause.id, "L4-a");
        assert_eq!(
            rate.min_rate,
            Pct::tenths(45),
            "level 3's threshold to start from"
        );
        assert!(p.response(Level::L4).is_some());
        assert!(!has_errors(&check(&p)), "{:?}", check(&p));
        add_level(&mut p).unwrap();
        assert!(add_level(&mut p).is_err(), "at most five levels");
    }

    #[test]
    fn moving_a_level_takes_its_criteria_response_and_deadlines_along() {
        let mut p = plan();
        swap_levels(&mut p, 0).unwrap();
        let l1 = p.thresholds.spec(Level::L1).unwrap();
        assert_eq!(l1.rate.as_ref().unwrap().clause.id, "§5.1-L2-a");
        assert_eq!(
            p.thresholds.levels.first().map(|s| s.level),
            Some(Level::L1)
        );
        assert_eq!(p.response(Level::L1).unwrap().clause, "§6.2");
        assert_eq!(
            p.response(Level::L2).unwrap().may_add,
            vec![Level::L1, Level::L3]
        );
        let mut levels = deadline_levels(&p, "level-report-12").unwrap();
        levels.sort_by_key(|l| l.number());
        assert_eq!(levels, vec![Level::L1, Level::L2]);
        assert!(
            swap_levels(&mut p, 2).is_err(),
            "no level below the mildest"
        );
    }

    #[test]
    fn removing_a_level_moves_the_milder_ones_up_and_drops_what_was_only_its() {
        let mut p = plan();
        remove_level(&mut p, 1).unwrap();
        assert_eq!(p.levels(), vec![Level::L1, Level::L2]);
        let l2 = p.thresholds.spec(Level::L2).unwrap();
        assert_eq!(l2.rate.as_ref().unwrap().min_rate, Pct::tenths(45));
        assert_eq!(p.response(Level::L2).unwrap().clause, "§6.3");
        assert_eq!(p.responses.len(), 2);
        assert_eq!(
            deadline_levels(&p, "level-report-12"),
            Some(vec![Level::L1])
        );
        assert_eq!(deadline_levels(&p, "level-report-3"), Some(vec![Level::L2]));
        assert!(!has_errors(&check(&p)), "{:?}", check(&p));
    }

    #[test]
    fn a_criterion_is_added_under_a_fresh_label_once_per_pooled_kind() {
        let mut p = plan();
        assert!(add_criterion(&mut p, 0, NewCriterion::Rate).is_err());
        add_criterion(&mut p, 0, NewCriterion::SingleLayoff).unwrap();
        add_criterion(&mut p, 0, NewCriterion::SingleClosure).unwrap();
        let l1 = p.thresholds.spec(Level::L1).unwrap();
        let labels: Vec<&str> = l1.extra.iter().map(|x| x.clause().id.as_str()).collect();
        assert_eq!(labels, vec!["§5.1-L1-d", "§5.1-L1-e"]);
        assert!(
            add_criterion(&mut p, 0, NewCriterion::Indicator).is_err(),
            "no own indicator to compare"
        );
        assert!(add_criterion(&mut p, 9, NewCriterion::SingleLayoff).is_err());
        assert!(check(&p).is_empty(), "{:?}", check(&p));
    }
}

#[test]
fn a_level_and_the_statuses_built_of_it_stay_small() {
    use crate::rules::{MonthSummary, Status};
    use std::mem::size_of;
    // The streaming pass writes one summary per region and month (millions at city scale).
    assert_eq!(size_of::<Option<Level>>(), 1);
    assert_eq!(size_of::<Status>(), 2);
    assert!(
        size_of::<MonthSummary>() <= 20,
        "{}",
        size_of::<MonthSummary>()
    );
    // Numbers, severity and order agree.
    for n in 1..=Level::MAX {
        let l = Level::from_number(n).unwrap();
        assert_eq!(l.number(), n);
        assert_eq!(l.severity(), Level::MAX + 1 - n);
        assert_eq!(
            l.lower().map(Level::number),
            (n < Level::MAX).then_some(n + 1)
        );
    }
    assert!(Level::L1 > Level::L2 && Level::L4 > Level::L5);
    assert!(Some(Level::L5) > None);
    assert_eq!(Level::from_number(0), None);
    assert_eq!(Level::from_number(6), None);
}
