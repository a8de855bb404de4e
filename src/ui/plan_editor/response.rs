//! What the plan says happens once a level is reached: the HQ's commanders and member units
//! (§3.1), the units and their duties (§3.2), the measures of each level with their
//! responsible units (§6), the reporting deadlines of each level (§5.2, §5.3) and the fields a
//! bulletin must contain (§5.4).

use super::{gone, group, section, small, tag, Cx};
use crate::i18n::{level_name, Lang, Msg};
use crate::plan::{BulletinField, Deadline, DeadlineStart, Duty, Level, Measure, Plan, Text, Unit};
use crate::ui::widgets::level_badge;
use leptos::prelude::*;

fn unit_options(p: &Plan, lang: Lang) -> Vec<(String, String)> {
    p.units
        .iter()
        .map(|u| (u.id.clone(), u.name.get(lang).to_owned()))
        .collect()
}

/// Unit ids chosen in a list box; an id the plan does not know is refused (a list box offers
/// only the plan's units).
fn known_units(p: &Plan, ids: Vec<String>) -> Result<Vec<String>, Text> {
    match ids.iter().find(|id| p.unit(id).is_none()) {
        Some(id) => Err(both!(["没有单位“{id}”"], ["there is no unit '{id}'"])),
        None => Ok(ids),
    }
}

/// A fresh id of the form `{prefix}-{n}` that `taken` does not hold.
fn fresh(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// Removes item `k` of `list`, refusing when it is gone.
fn remove_at<T>(list: &mut Vec<T>, k: usize) -> Result<(), Text> {
    if k >= list.len() {
        return Err(gone());
    }
    list.remove(k);
    Ok(())
}

/// `rows` with the add button below them.
fn with_add(mut rows: Vec<AnyView>, add: AnyView) -> Vec<AnyView> {
    rows.push(group("pb-actions", vec![add]));
    rows
}

fn item_cx(cx: &Cx, what: Msg, id: &str) -> Cx {
    cx.sub(both!(
        ["{} {id}", what.text(Lang::Zh)],
        ["{} {id}", what.text(Lang::En)]
    ))
}

pub(super) fn response(cx: &Cx, p: &Plan) -> AnyView {
    vec![
        hq(cx, p),
        units(cx, p),
        duties(cx, p),
        measures(cx, p),
        deadlines(cx, p),
        bulletin(cx, p),
    ]
    .into_any()
}

fn hq(cx: &Cx, p: &Plan) -> AnyView {
    let c = cx.sub(Msg::PeHq.both());
    let row = vec![
        c.pair(
            "pe-hq-commander-l1",
            Msg::PeCommanderL1,
            |p| Some(&p.hq.commander_level1),
            |p| Some(&mut p.hq.commander_level1),
            false,
        ),
        c.pair(
            "pe-hq-commander",
            Msg::PeCommander,
            |p| Some(&p.hq.commander),
            |p| Some(&mut p.hq.commander),
            false,
        ),
        c.multi(
            "pe-hq-members".into(),
            Msg::Members,
            unit_options(p, cx.lang),
            |p| Some(p.hq.members.clone()),
            |p, ids| {
                p.hq.members = known_units(p, ids)?;
                Ok(())
            },
        ),
    ];
    section(
        "pe-hq",
        Msg::PeHq.text(cx.lang),
        "§3.1",
        vec![group("pb-row", row)],
    )
}

fn units(cx: &Cx, p: &Plan) -> AnyView {
    let rows = p
        .units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let c = item_cx(cx, Msg::PeUnit, &u.id);
            group(
                "pb-row pe-item",
                vec![
                    tag(&u.id),
                    c.pair(
                        &format!("pe-unit{k}-name"),
                        Msg::PeName,
                        move |p| Some(&p.units.get(k)?.name),
                        move |p| Some(&mut p.units.get_mut(k)?.name),
                        false,
                    ),
                    c.button(
                        format!("pe-unit{k}-remove"),
                        Msg::PeRemove,
                        true,
                        move |p| remove_unit(p, k),
                    ),
                ],
            )
        })
        .collect();
    let add = cx
        .sub(Msg::PeUnits.both())
        .button("pe-add-unit".into(), Msg::PeAdd, true, |p| {
            let id = fresh("unit", |id| p.unit(id).is_some());
            p.units.push(Unit {
                id,
                name: Text::new("新单位", "New unit"),
            });
            Ok(())
        });
    section(
        "pe-units",
        Msg::PeUnits.text(cx.lang),
        "§3.1 §3.2",
        with_add(rows, add),
    )
}

/// A unit still named by the HQ, a duty or a measure stays: removing it would leave them
/// pointing at nothing.
fn remove_unit(p: &mut Plan, k: usize) -> Result<(), Text> {
    let id = p.units.get(k).map(|u| u.id.clone()).ok_or_else(gone)?;
    let used = p.hq.members.contains(&id)
        || p.duties.iter().any(|d| d.units.contains(&id))
        || !p.measures_of_unit(&id).is_empty();
    if used {
        return Err(both!(
            ["单位“{id}”仍是指挥部成员或职责、措施的责任单位，请先取消"],
            ["unit '{id}' is still an HQ member or named by a duty or measure; unselect it there first"]
        ));
    }
    remove_at(&mut p.units, k)
}

fn duties(cx: &Cx, p: &Plan) -> AnyView {
    let lang = cx.lang;
    let rows = p
        .duties
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let c = item_cx(cx, Msg::PeDuties, &d.clause);
            let pre = format!("pe-duty{k}");
            group(
                "pb-row pe-item",
                vec![
                    c.input(
                        format!("{pre}-clause"),
                        Msg::PeClause,
                        move |p| Some(p.duties.get(k)?.clause.clone()),
                        move |p, v, _| {
                            p.duties.get_mut(k).ok_or_else(gone)?.clause = v.trim().to_owned();
                            Ok(())
                        },
                    ),
                    c.multi(
                        format!("{pre}-units"),
                        Msg::PeUnits,
                        unit_options(p, lang),
                        move |p| Some(p.duties.get(k)?.units.clone()),
                        move |p, ids| {
                            let ids = known_units(p, ids)?;
                            p.duties.get_mut(k).ok_or_else(gone)?.units = ids;
                            Ok(())
                        },
                    ),
                    c.pair(
                        &format!("{pre}-text"),
                        Msg::PeText,
                        move |p| Some(&p.duties.get(k)?.text),
                        move |p| Some(&mut p.duties.get_mut(k)?.text),
                        true,
                    ),
                    c.button(format!("{pre}-remove"), Msg::PeRemove, true, move |p| {
                        remove_at(&mut p.duties, k)
                    }),
                ],
            )
        })
        .collect();
    let add = cx
        .sub(Msg::PeDuties.both())
        .button("pe-add-duty".into(), Msg::PeAdd, true, |p| {
            let clause = format!("§3.2-{}", p.duties.len() + 1);
            p.duties.push(Duty {
                clause,
                units: Vec::new(),
                text: Text::default(),
            });
            Ok(())
        });
    section(
        "pe-duties",
        Msg::PeDuties.text(lang),
        "§3.2",
        with_add(rows, add),
    )
}

fn measure_mut(p: &mut Plan, r: usize, k: usize) -> Result<&mut Measure, Text> {
    p.responses
        .get_mut(r)
        .and_then(|x| x.measures.get_mut(k))
        .ok_or_else(gone)
}

fn measure(p: &Plan, r: usize, k: usize) -> Option<&Measure> {
    p.responses.get(r)?.measures.get(k)
}

fn measures(cx: &Cx, p: &Plan) -> AnyView {
    let lang = cx.lang;
    let blocks = p
        .responses
        .iter()
        .enumerate()
        .map(|(r, resp)| {
            let level = resp.level;
            let num = level.number();
            let lc = cx.sub(both!(
                [
                    "{} · {}",
                    level_name(level, Lang::Zh),
                    Msg::SecMeasures.text(Lang::Zh)
                ],
                [
                    "{} · {}",
                    level_name(level, Lang::En),
                    Msg::SecMeasures.text(Lang::En)
                ]
            ));
            let items = resp
                .measures
                .iter()
                .enumerate()
                .map(|(k, m)| {
                    let c = lc.sub(both!(
                        ["{} {}", lc.item.zh, m.clause],
                        ["{} {}", lc.item.en, m.clause]
                    ));
                    let pre = format!("pe-l{num}-m{k}");
                    group(
                        "pb-row pe-item",
                        vec![
                            c.input(
                                format!("{pre}-clause"),
                                Msg::PeClause,
                                move |p| Some(measure(p, r, k)?.clause.clone()),
                                move |p, v, _| {
                                    measure_mut(p, r, k)?.clause = v.trim().to_owned();
                                    Ok(())
                                },
                            ),
                            c.pair(
                                &format!("{pre}-title"),
                                Msg::PeTitleField,
                                move |p| Some(&measure(p, r, k)?.title),
                                move |p| measure_mut(p, r, k).ok().map(|m| &mut m.title),
                                false,
                            ),
                            c.multi(
                                format!("{pre}-units"),
                                Msg::ResponsibleUnits,
                                unit_options(p, lang),
                                move |p| Some(measure(p, r, k)?.units.clone()),
                                move |p, ids| {
                                    let ids = known_units(p, ids)?;
                                    measure_mut(p, r, k)?.units = ids;
                                    Ok(())
                                },
                            ),
                            c.pair(
                                &format!("{pre}-text"),
                                Msg::PeText,
                                move |p| Some(&measure(p, r, k)?.text),
                                move |p| measure_mut(p, r, k).ok().map(|m| &mut m.text),
                                true,
                            ),
                            c.button(format!("{pre}-remove"), Msg::PeRemove, true, move |p| {
                                let resp = p.responses.get_mut(r).ok_or_else(gone)?;
                                remove_at(&mut resp.measures, k)
                            }),
                        ],
                    )
                })
                .collect();
            let add = lc.button(
                format!("pe-l{num}-add-measure"),
                Msg::PeAdd,
                true,
                move |p| {
                    let resp = p.responses.get_mut(r).ok_or_else(gone)?;
                    let clause = format!("{}-{}", resp.clause, resp.measures.len() + 1);
                    resp.measures.push(Measure {
                        clause,
                        title: Text::default(),
                        text: Text::default(),
                        units: Vec::new(),
                    });
                    Ok(())
                },
            );
            let mut body = vec![view! { <h4>{level_badge(level, lang)}</h4> }.into_any()];
            body.extend(with_add(items, add));
            group("pe-response", body)
        })
        .collect();
    section("pe-measures", Msg::SecMeasures.text(lang), "§6", blocks)
}

fn deadline(p: &Plan, k: usize) -> Option<&Deadline> {
    p.deadlines.get(k)
}

fn deadline_mut(p: &mut Plan, k: usize) -> Result<&mut Deadline, Text> {
    p.deadlines.get_mut(k).ok_or_else(gone)
}

fn deadlines(cx: &Cx, p: &Plan) -> AnyView {
    let lang = cx.lang;
    let levels: Vec<(String, String)> = p
        .levels()
        .into_iter()
        .map(|l| {
            (
                l.number().to_string(),
                p.thresholds.label(l).get(lang).to_owned(),
            )
        })
        .collect();
    let starts = vec![
        ("event".to_owned(), Msg::PeStartEvent.text(lang).to_owned()),
        ("level".to_owned(), Msg::PeStartLevel.text(lang).to_owned()),
    ];
    let rows = p
        .deadlines
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let c = item_cx(cx, Msg::SecReporting, &format!("{} {}", d.clause, d.id));
            let pre = format!("pe-dl{k}");
            let first = vec![
                c.input(
                    format!("{pre}-clause"),
                    Msg::PeClause,
                    move |p| Some(deadline(p, k)?.clause.clone()),
                    move |p, v, _| {
                        deadline_mut(p, k)?.clause = v.trim().to_owned();
                        Ok(())
                    },
                ),
                c.select(
                    format!("{pre}-start"),
                    Msg::PeStart,
                    starts.clone(),
                    move |p| {
                        let s = match deadline(p, k)?.start {
                            DeadlineStart::Event => "event",
                            DeadlineStart::LevelReached => "level",
                        };
                        Some(s.to_owned())
                    },
                    move |p, v, _| {
                        deadline_mut(p, k)?.start = if v == "event" {
                            DeadlineStart::Event
                        } else {
                            DeadlineStart::LevelReached
                        };
                        Ok(())
                    },
                ),
                c.multi(
                    format!("{pre}-levels"),
                    Msg::PeLevelsField,
                    levels.clone(),
                    move |p| {
                        let ls = &deadline(p, k)?.levels;
                        Some(ls.iter().map(|l| l.number().to_string()).collect())
                    },
                    move |p, v| {
                        let mut ls: Vec<Level> = v
                            .iter()
                            .filter_map(|n| n.parse().ok().and_then(Level::from_number))
                            .collect();
                        crate::sort::sort_by_key(&mut ls, |l| std::cmp::Reverse(*l));
                        deadline_mut(p, k)?.levels = ls;
                        Ok(())
                    },
                ),
                c.input(
                    format!("{pre}-hours"),
                    Msg::PeHours,
                    move |p| Some(deadline(p, k)?.hours.to_string()),
                    move |p, v, w| {
                        let h = small(v, w)?;
                        deadline_mut(p, k)?.hours = h;
                        Ok(())
                    },
                ),
                c.button(format!("{pre}-remove"), Msg::PeRemove, true, move |p| {
                    remove_at(&mut p.deadlines, k)
                }),
            ];
            let second = vec![
                c.pair(
                    &format!("{pre}-task"),
                    Msg::DeadlineTask,
                    move |p| Some(&deadline(p, k)?.task),
                    move |p| deadline_mut(p, k).ok().map(|d| &mut d.task),
                    false,
                ),
                c.pair(
                    &format!("{pre}-by"),
                    Msg::DeadlineBy,
                    move |p| Some(&deadline(p, k)?.by),
                    move |p| deadline_mut(p, k).ok().map(|d| &mut d.by),
                    false,
                ),
                c.pair(
                    &format!("{pre}-to"),
                    Msg::DeadlineTo,
                    move |p| Some(&deadline(p, k)?.to),
                    move |p| deadline_mut(p, k).ok().map(|d| &mut d.to),
                    false,
                ),
            ];
            group(
                "pe-item",
                vec![group("pb-row", first), group("pb-row", second)],
            )
        })
        .collect();
    let add =
        cx.sub(Msg::SecReporting.both())
            .button("pe-add-deadline".into(), Msg::PeAdd, true, |p| {
                let id = fresh("deadline", |id| p.deadlines.iter().any(|d| d.id == id));
                p.deadlines.push(Deadline {
                    id,
                    clause: "§5.2".to_owned(),
                    start: DeadlineStart::LevelReached,
                    levels: Vec::new(),
                    hours: 24,
                    task: Text::default(),
                    by: Text::default(),
                    to: Text::default(),
                });
                Ok(())
            });
    section(
        "pe-deadlines",
        Msg::SecReporting.text(lang),
        "§5.2 §5.3",
        with_add(rows, add),
    )
}

fn bulletin(cx: &Cx, p: &Plan) -> AnyView {
    let rows = p
        .bulletin_fields
        .iter()
        .enumerate()
        .map(|(k, f)| {
            let c = item_cx(cx, Msg::BulletinFields, &f.id);
            group(
                "pb-row pe-item",
                vec![
                    c.pair(
                        &format!("pe-bf{k}"),
                        Msg::PeName,
                        move |p| Some(&p.bulletin_fields.get(k)?.name),
                        move |p| Some(&mut p.bulletin_fields.get_mut(k)?.name),
                        false,
                    ),
                    c.button(format!("pe-bf{k}-remove"), Msg::PeRemove, true, move |p| {
                        remove_at(&mut p.bulletin_fields, k)
                    }),
                ],
            )
        })
        .collect();
    let add = cx.sub(Msg::BulletinFields.both()).button(
        "pe-add-bulletin-field".into(),
        Msg::PeAdd,
        true,
        |p| {
            let id = fresh("field", |id| p.bulletin_fields.iter().any(|f| f.id == id));
            p.bulletin_fields.push(BulletinField {
                id,
                name: Text::default(),
            });
            Ok(())
        },
    );
    section(
        "pe-bulletin",
        Msg::BulletinFields.text(cx.lang),
        "§5.4",
        with_add(rows, add),
    )
}
