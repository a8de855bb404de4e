//! The level table (§5.1): add, remove and move levels; name, short label, clause label and
//! colour of each; the criteria below each level (`criteria.rs`).
//!
//! Levels are numbered by position, 1 the most severe; adding, moving and removing them is
//! `plan::editing` (a level keeps its response and deadlines wherever it goes).

use super::{criteria, gone, group, section, Cx};
use crate::i18n::{Lang, Msg};
use crate::plan::editing::{add_level, remove_level, swap_levels};
use crate::plan::{default_label, Level, LevelSpec, Plan, Text, WarningColour};
use crate::ui::widgets::level_badge;
use leptos::prelude::*;

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
        let name = ed
            .plan
            .with(|p| spec(p, i).map(|s| s.name.get(lang).to_owned()));
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
                std::sync::Arc::new(move |p, v, _| {
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
        move |p, v, _| {
            spec_mut(p, i)?.colour = WarningColour::ALL.into_iter().find(|c| c.css_class() == v);
            Ok(())
        },
    ));
    let actions = vec![
        cx.button(id("up"), Msg::PeUp, i > 0, move |p| {
            swap_levels(p, i.saturating_sub(1))
        }),
        cx.button(id("down"), Msg::PeDown, i + 1 < n, move |p| {
            swap_levels(p, i)
        }),
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
