//! Small building blocks shared by the views.

use crate::i18n::{level_name, Lang, Msg};
use crate::plan::{Level, Text};
use leptos::prelude::*;

/// A level in its warning colour, always with its name in text (colour is never the only cue).
///
/// The label and colour are the workspace plan's ([`crate::plan::LevelSpec::label`] /
/// `colour`); a level the plan lacks, or a badge outside the app, uses the number's convention.
pub fn level_badge(level: Level, lang: Lang) -> impl IntoView {
    let from_plan = use_context::<crate::ui::app::PlanCtx>().and_then(|p| {
        p.0.with_untracked(|plan| {
            let spec = plan.plan().thresholds.spec(level)?;
            Some((spec.label(), spec.colour()))
        })
    });
    let (label, colour) = match from_plan {
        Some((label, colour)) => (label.get(lang).to_owned(), colour),
        None => (level_name(level, lang), level.colour()),
    };
    view! {
        <span
            class=format!("level-badge level-{} colour-{}", level.number(), colour.css_class())
            data-level=level.number()
        >
            {label}
            <span class="level-colour">{" · "}{colour.name().get(lang).to_owned()}</span>
        </span>
    }
}

/// The workspace plan's colour of a level (the number's convention outside the app).
pub fn level_colour(level: Level) -> crate::plan::WarningColour {
    use_context::<crate::ui::app::PlanCtx>().map_or(level.colour(), |p| {
        p.0.with_untracked(|plan| plan.plan().thresholds.colour(level))
    })
}

/// A clause id tag such as `§6.2-4`.
pub fn clause_tag(id: &str) -> impl IntoView {
    view! { <span class="clause" translate="no">{id.to_owned()}</span> }
}

/// A short plan text (a name or heading) in the current language; in English the Chinese
/// original is the tooltip.
pub fn short_text(t: &Text, lang: Lang) -> impl IntoView {
    let title = (lang == Lang::En).then(|| t.zh.clone());
    view! { <span title=title>{t.get(lang).to_owned()}</span> }
}

/// A paragraph of plan text; in English the verbatim Chinese original is one click away.
pub fn para_text(t: &Text, lang: Lang) -> impl IntoView {
    let body = t.get(lang).to_owned();
    let original = (lang == Lang::En).then(|| {
        let zh = t.zh.clone();
        view! {
            <details class="original">
                <summary>{Msg::OriginalText.text(lang)}</summary>
                <p lang="zh-CN">{zh}</p>
            </details>
        }
    });
    view! {
        <p>{body}</p>
        {original}
    }
}

/// An evaluation outcome as a badge: a level in its colour, "no warning", or "insufficient data"
/// (hatched, never mistaken for "no warning").
pub fn status_badge(s: &crate::rules::Status, lang: Lang) -> impl IntoView {
    use crate::rules::Status;
    let text = crate::explain::status(s, lang);
    let cls = match s {
        Status::Warning { level } => format!("level-badge level-{}", level.number()),
        Status::Normal => "level-badge level-none".to_owned(),
        Status::InsufficientData { .. } => "level-badge level-unknown".to_owned(),
    };
    let data = match s {
        Status::Warning { level } => level.number().to_string(),
        Status::Normal => "none".to_owned(),
        Status::InsufficientData { .. } => "insufficient".to_owned(),
    };
    view! { <span class=cls data-status=data>{text}</span> }
}

/// The `<option>`s of a month picker over `span`, newest first (one type for every picker, so
/// the view code is not repeated per page).
pub fn month_options(span: Option<(crate::month::Month, crate::month::Month)>) -> impl IntoView {
    month_options_at(span, None)
}

/// [`month_options`] with `at` selected, so the select shows the month in use even when the
/// options are drawn after its value was set.
pub fn month_options_at(
    span: Option<(crate::month::Month, crate::month::Month)>,
    at: Option<crate::month::Month>,
) -> impl IntoView {
    span.map(|(a, b)| {
        let months: Vec<crate::month::Month> = a.through(b).collect();
        months
            .into_iter()
            .rev()
            .map(|m| view! { <option value=m.to_string() selected=Some(m) == at>{m.to_string()}</option> })
            .collect_view()
    })
}

/// The `<option>`s of a scope picker: the district, then its streets (values as
/// [`crate::model::Scope::from_text`] reads them).
pub fn scope_options(data: &crate::model::Dataset, lang: Lang) -> impl IntoView {
    use super::derived::region_name;
    let district = data
        .district()
        .map(|d| region_name(d, lang))
        .unwrap_or_default();
    let streets: Vec<(String, String)> = data
        .streets()
        .map(|r| (r.id.clone(), format!("└ {}", region_name(r, lang))))
        .collect();
    view! {
        <option value="district">{district}</option>
        {streets
            .into_iter()
            .map(|(id, name)| view! { <option value=id>{name}</option> })
            .collect_view()}
    }
}
