//! The level table (§5.1): add, remove and move levels; name, short label, clause label and
//! colour of each; the criteria below each level (`criteria.rs`).
//!
//! Levels are numbered by position, 1 the most severe. Moving or removing a level renumbers the
//! others, and the response of each level (§6), the deadlines' levels (§5.2) and the response
//! start level move with it, so a level keeps its measures wherever it goes.

use super::{criteria, gone, group, section, Cx};
use crate::i18n::{Lang, Msg};
use crate::plan::{default_label, presets, Clause, Level, LevelSpec, Plan, Text, WarningColour};
use crate::ui::widgets::level_badge;
use leptos::prelude::*;
use std::cmp::Reverse;

pub(super) fn spec(p: &Plan, i: usize) -> Option<&LevelSpec> {
    p.thresholds.levels.get(i)
}

pub(super) fn spec_mut(p: &mut Plan, i: usize) -> Result<&mut LevelSpec, Text> {
    p.thresholds.levels.get_mut(i).ok_or_else(gone)
}

pub(super) fn levels(cx: &Cx, p: &Plan) -> AnyView {
    let n = p.thresholds.levels.len();
    let mut out: Vec<AnyView> = (0..n).map(|i| level(cx, p, i, n)).collect();
    let add = cx.sub(Msg::PeLevels.both()).button(
        "pe-add-level".into(),
        Msg::PeAddLevel,
        n < usize::from(Level::MAX),
        add_level,
    );
    out.push(group("pb-actions", vec![add]));
    section("pe-levels", Msg::PeLevels.text(cx.lang), "§5.1", out)
}

fn level(cx: &Cx, p: &Plan, i: usize, n: usize) -> AnyView {
    let Some(s) = spec(p, i) else {
        return ().into_any();
    };
    let (level, num) = (s.level, s.level.number());
    let cx = cx.sub(s.label());
    let (ed, lang) = (cx.ed, cx.lang);
    let id = move |f: &str| format!("pe-l{num}-{f}");
    // The legend follows the name, label and colour as they are edited.
    let legend = move || {
        ed.rev.track();
        let p = ed.store.engine();
        let name = spec(p.plan(), i).map(|s| s.name.get(lang).to_owned());
        view! { {level_badge(level, lang)} " " {name} }
    };
    let labels: Vec<AnyView> = [(Lang::Zh, Msg::PeZh), (Lang::En, Msg::PeEn)]
        .into_iter()
        .map(|(l, m)| {
            let what = cx.what(
                &format!("{}（{}）", Msg::PeLabel.text(Lang::Zh), m.text(Lang::Zh)),
                &format!("{} ({})", Msg::PeLabel.text(Lang::En), m.text(Lang::En)),
            );
            let text = format!("{} · {}", Msg::PeLabel.text(lang), m.text(lang));
            let suffix = if l == Lang::Zh {
                "label-zh"
            } else {
                "label-en"
            };
            cx.field(
                id(suffix),
                text,
                what,
                std::sync::Arc::new(move |p| Some(spec(p, i)?.label().get(l).to_owned())),
                std::sync::Arc::new(move |p, v| {
                    let s = spec_mut(p, i)?;
                    let mut t = s.label();
                    match l {
                        Lang::Zh => t.zh = v.trim().to_owned(),
                        Lang::En => t.en = v.trim().to_owned(),
                    }
                    // The number's own label is not stored: it follows the number when the
                    // level moves.
                    s.label = (t != default_label(s.level)).then_some(t);
                    Ok(())
                }),
                false,
            )
        })
        .collect();
    let colours = std::iter::once((String::new(), Msg::PeByNumber.text(lang).to_owned()))
        .chain(
            WarningColour::ALL
                .into_iter()
                .map(|c| (c.css_class().to_owned(), c.name().get(lang).to_owned())),
        )
        .collect();
    let mut row: Vec<AnyView> = vec![cx.pair(
        &id("name"),
        Msg::PeName,
        move |p| Some(&spec(p, i)?.name),
        move |p| Some(&mut p.thresholds.levels.get_mut(i)?.name),
        false,
    )];
    row.extend(labels);
    row.push(cx.input(
        id("clause"),
        Msg::PeClause,
        move |p| Some(spec(p, i)?.clause.clone()),
        move |p, v, _| {
            spec_mut(p, i)?.clause = v.trim().to_owned();
            Ok(())
        },
    ));
    row.push(cx.select(
        id("colour"),
        Msg::PeColour,
        colours,
        move |p| {
            Some(
                spec(p, i)?
                    .colour
                    .map_or(String::new(), |c| c.css_class().to_owned()),
            )
        },
        move |p, v| {
            spec_mut(p, i)?.colour = WarningColour::ALL.into_iter().find(|c| c.css_class() == v);
            Ok(())
        },
    ));
    let actions = vec![
        cx.button(id("up"), Msg::PeUp, i > 0, move |p| {
            swap(p, i.saturating_sub(1))
        }),
        cx.button(id("down"), Msg::PeDown, i + 1 < n, move |p| swap(p, i)),
        cx.button(id("remove"), Msg::PeRemove, n > 1, move |p| {
            remove_level(p, i)
        }),
    ];
    let body = vec![
        group("pb-row", row),
        group("pb-actions", actions),
        criteria::criteria(&cx, p, i),
    ];
    view! {
        <fieldset class="pe-level">
            <legend>{legend}</legend>
            {body}
        </fieldset>
    }
    .into_any()
}

/// Renumbers every level of the plan by `map` (`None`: the level is gone), with what belongs
/// to a level: its row, its response, the packages that name it, the deadlines' levels and the
/// response start.
fn renumber(p: &mut Plan, map: impl Fn(Level) -> Option<Level>) {
    p.thresholds
        .levels
        .retain_mut(|s| map(s.level).map(|l| s.level = l).is_some());
    p.thresholds.levels.sort_by_key(|s| Reverse(s.level));
    p.responses
        .retain_mut(|r| map(r.level).map(|l| r.level = l).is_some());
    for r in &mut p.responses {
        r.may_add = r.may_add.iter().filter_map(|l| map(*l)).collect();
    }
    p.responses.sort_by_key(|r| Reverse(r.level));
    // A deadline of removed levels only would otherwise apply to every level.
    p.deadlines.retain_mut(|d| {
        let had = !d.levels.is_empty();
        d.levels = d.levels.iter().filter_map(|l| map(*l)).collect();
        !(had && d.levels.is_empty())
    });
    p.response_from = p.response_from.and_then(&map);
}

/// Swaps the levels in positions `i` and `i + 1`.
fn swap(p: &mut Plan, i: usize) -> Result<(), Text> {
    let a = spec(p, i).map(|s| s.level).ok_or_else(gone)?;
    let b = spec(p, i + 1).map(|s| s.level).ok_or_else(gone)?;
    renumber(p, |l| {
        Some(if l == a {
            b
        } else if l == b {
            a
        } else {
            l
        })
    });
    Ok(())
}

fn remove_level(p: &mut Plan, i: usize) -> Result<(), Text> {
    let gone_level = spec(p, i).map(|s| s.level).ok_or_else(gone)?;
    renumber(p, |l| match l.cmp(&gone_level) {
        std::cmp::Ordering::Equal => None,
        // Milder levels move up one.
        std::cmp::Ordering::Less => l.higher(),
        std::cmp::Ordering::Greater => Some(l),
    });
    Ok(())
}

/// A new mildest level. A level needs a criterion to be reached, so it starts with the rate
/// criterion of the level above under its own clause label (or 4.5 % for 2 months), to be
/// set by the user; and an empty response (§6) for its measures.
fn add_level(p: &mut Plan) -> Result<(), Text> {
    let n = p.thresholds.levels.len() + 1;
    let level = u8::try_from(n)
        .ok()
        .and_then(Level::from_number)
        .ok_or_else(|| {
            both!(
                ["最多 {} 个预警等级", Level::MAX],
                ["at most {} levels", Level::MAX]
            )
        })?;
    let mut s = presets::empty_level(level);
    let mut rate = p
        .thresholds
        .levels
        .last()
        .and_then(|s| s.rate.clone())
        .unwrap_or_else(criteria::default_rate);
    rate.clause = Clause {
        id: format!("L{n}-a"),
        text: Text::default(),
    };
    s.rate = Some(rate);
    p.thresholds.levels.push(s);
    if p.response(level).is_none() {
        p.responses.push(presets::empty_response(level));
    }
    Ok(())
}
