//! The Plan view: the plan officials work under, clause by clause, in warning colours, with
//! "what does my unit do at level N?" filtering and a printable layout.

use super::app::PlanCtx;
use super::i18n_ctx::I18n;
use super::widgets::{clause_tag, level_badge, para_text, short_text};
use crate::i18n::{level_name, Lang, Msg};
use crate::num::group_thousands;
use crate::plan::{Clause, ExtraCriterion, Level, LevelSpec, Plan};
use leptos::prelude::*;

const SECTIONS: [(&str, Msg); 10] = [
    ("sec-levels", Msg::SecLevels),
    ("sec-parameters", Msg::SecParameters),
    ("sec-hq", Msg::SecHq),
    ("sec-reporting", Msg::SecReporting),
    ("sec-bulletin", Msg::SecBulletin),
    ("sec-measures", Msg::SecMeasures),
    ("sec-end", Msg::SecEnd),
    ("sec-duties", Msg::SecDuties),
    ("sec-monitoring", Msg::SecMonitoring),
    ("sec-scope", Msg::SecScope),
];

#[component]
pub fn PlanView() -> impl IntoView {
    let i18n = I18n::get();
    let plan = expect_context::<PlanCtx>().0;
    let unit_filter = RwSignal::new(String::new());
    let level_filter = RwSignal::new(String::new());

    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    view! {
        <article class="plan-view">
            {move || {
                let lang = i18n.lang();
                plan.with(|p| {
                    let p = p.plan();
                    view! {
                        <header class="page-head">
                            <h1>{p.title.get(lang).to_owned()}</h1>
                            <p class="muted">
                                {p.issuer.get(lang).to_owned()} " · " {Msg::PlanIssued.text(lang)} " "
                                {p.issued.clone()}
                            </p>
                            <button type="button" class="no-print" on:click=print>
                                {Msg::PrintPage.text(lang)}
                            </button>
                        </header>
                        <nav class="toc no-print" aria-label=Msg::PlanContents.text(lang)>
                            {SECTIONS
                                .iter()
                                .map(|(id, m)| {
                                    let id = *id;
                                    let jump = move |e: leptos::ev::MouseEvent| {
                                        e.prevent_default();
                                        scroll_to(id);
                                    };
                                    view! {
                                        <a href=format!("#/plan/{id}") on:click=jump>
                                            {m.text(lang)}
                                        </a>
                                    }
                                })
                                .collect_view()}
                        </nav>
                        {levels_section(p, lang)}
                        {parameters_section(p, lang)}
                        {hq_section(p, lang)}
                        {reporting_section(p, lang)}
                        {bulletin_section(p, lang)}
                    }
                })
            }}
            <super::plan_editor::PlanEditor/>
            <super::plan_file::PlanFile/>
            <MeasuresSection unit_filter level_filter/>
            {move || {
                let lang = i18n.lang();
                plan.with(|p| {
                    let p = p.plan();
                    view! {
                        {end_section(p, lang)}
                        {duties_section(p, lang)}
                        {monitoring_section(p, lang)}
                        {scope_section(p, lang)}
                    }
                })
            }}
        </article>
    }
}

/// Scrolls to a section without touching the hash (the hash is the route).
fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}

fn section_head(id: &'static str, m: Msg, clause: &str, lang: Lang) -> impl IntoView {
    view! {
        <h2 id=id tabindex="-1">
            {m.text(lang)} " " {clause_tag(clause)}
        </h2>
    }
}

/// A criterion cell: threshold, unit, clause label and the plan's own text; "—" where the
/// level lacks the criterion.
fn criterion_cell(
    kind: &'static str,
    got: Option<(String, String, &Clause)>,
    lang: Lang,
) -> impl IntoView {
    match got {
        Some((threshold, unit, clause)) => view! {
            <td data-criterion=kind>
                <strong class="threshold">{threshold}</strong>
                <div>{unit}</div>
                {clause_tag(&clause.id)}
                <div class="criterion-text">{short_text(&clause.text, lang)}</div>
            </td>
        }
        .into_any(),
        None => view! { <td data-criterion=kind class="muted">"—"</td> }.into_any(),
    }
}

/// The criteria beyond the pooled three, one line each.
fn extra_cell(p: &Plan, s: &LevelSpec, lang: Lang) -> impl IntoView {
    let items = s
        .extra
        .iter()
        .map(|x| {
            let threshold = match x {
                ExtraCriterion::SingleClosure(c) => {
                    format!(
                        "≥ {} {}",
                        group_thousands(c.min_unemployed),
                        Msg::PeopleUnit.text(lang)
                    )
                }
                ExtraCriterion::SingleLayoff(c) => {
                    let floor = c.min_workforce.map_or(String::new(), |w| {
                        format!(" · {} ≥ {}", Msg::Workforce.text(lang), group_thousands(w))
                    });
                    format!(
                        "≥ {} {}{floor}",
                        group_thousands(c.min_laid_off),
                        Msg::PeopleUnit.text(lang)
                    )
                }
                ExtraCriterion::Indicator(c) => {
                    let (name, unit) = p
                        .indicator(&c.indicator)
                        .map(|d| (d.name.get(lang).to_owned(), d.unit.get(lang).to_owned()))
                        .unwrap_or_else(|| (c.indicator.clone(), String::new()));
                    format!(
                        "{name} {} {} {unit} · {} {} {}",
                        c.comparison.symbol(),
                        c.threshold,
                        Msg::SustainedMonths.text(lang),
                        c.sustained_months,
                        Msg::MonthsUnit.text(lang)
                    )
                }
            };
            view! {
                <li data-criterion-kind=x.kind_name().en>
                    <strong>{x.kind_name().get(lang).to_owned()}</strong> " " {threshold} " "
                    {clause_tag(&x.clause().id)}
                    <div class="criterion-text">{short_text(&x.clause().text, lang)}</div>
                </li>
            }
        })
        .collect_view();
    view! { <td data-criterion="other"><ul class="plain">{items}</ul></td> }
}

fn levels_section(p: &Plan, lang: Lang) -> impl IntoView {
    let has_extra = p.thresholds.levels.iter().any(|s| !s.extra.is_empty());
    let rows = p
        .thresholds
        .levels
        .iter()
        .map(|s| {
            let n = s.level.number();
            let rate = s.rate.as_ref().map(|r| {
                (
                    format!("{} {} %", r.comparison.symbol(), r.min_rate),
                    format!(
                        "{} {} {}",
                        Msg::SustainedMonths.text(lang),
                        r.sustained_months,
                        Msg::MonthsUnit.text(lang)
                    ),
                    &r.clause,
                )
            });
            let closures = s.closures.as_ref().map(|c| {
                (
                    format!("≥ {}", group_thousands(c.min_unemployed)),
                    Msg::PeopleUnit.text(lang).to_owned(),
                    &c.clause,
                )
            });
            let layoffs = s.layoffs.as_ref().map(|c| {
                (
                    format!("≥ {} %", c.min_share),
                    Msg::OfWorkforce.text(lang).to_owned(),
                    &c.clause,
                )
            });
            view! {
                <tr class=format!("level-row level-{n}") data-level=n>
                    <th scope="row">
                        {level_badge(s.level, lang)}
                        <div class="level-name">{s.name.get(lang).to_owned()}</div>
                        {clause_tag(&s.clause)}
                    </th>
                    {criterion_cell("a", rate, lang)}
                    {criterion_cell("b", closures, lang)}
                    {criterion_cell("c", layoffs, lang)}
                    {has_extra.then(|| extra_cell(p, s, lang))}
                </tr>
            }
        })
        .collect_view();
    let source = p
        .source
        .as_ref()
        .map(|t| view! { <p class="muted plan-source">{t.get(lang).to_owned()}</p> });
    view! {
        <section aria-labelledby="sec-levels">
            {section_head("sec-levels", Msg::SecLevels, "§5.1", lang)}
            {source}
            <p>{Msg::AnyOneSuffices.text(lang)}</p>
            <table class="level-table">
                <thead>
                    <tr>
                        <th scope="col">{Msg::LevelCol.text(lang)}</th>
                        <th scope="col">{Msg::RateCol.text(lang)} " (a)"</th>
                        <th scope="col">{Msg::ClosuresCol.text(lang)} " (b)"</th>
                        <th scope="col">{Msg::LayoffsCol.text(lang)} " (c)"</th>
                        {has_extra.then(|| view! { <th scope="col">{Msg::OtherCriteriaCol.text(lang)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{Msg::SpecialDetermination.text(lang)} " " {clause_tag(&p.special_determination.id)}</h3>
            {para_text(&p.special_determination.text, lang)}
        </section>
    }
}

fn parameters_section(p: &Plan, lang: Lang) -> impl IntoView {
    let rows = p
        .parameters
        .notes()
        .into_iter()
        .map(|n| {
            view! {
                <tr>
                    <th scope="row">
                        {n.name.get(lang).to_owned()} <div class="muted">
                            {Msg::OpenPoint.text(lang)} " " {n.open_point} " · " {clause_tag(n.clause)}
                        </div>
                    </th>
                    <td>{n.value.get(lang).to_owned()}</td>
                    <td class="muted">{n.reason.get(lang).to_owned()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="sec-parameters">
            {section_head("sec-parameters", Msg::SecParameters, "PLAN.md", lang)}
            <table class="param-table">
                <thead>
                    <tr>
                        <th scope="col">{Msg::ParamName.text(lang)}</th>
                        <th scope="col">{Msg::ParamValue.text(lang)}</th>
                        <th scope="col">{Msg::ParamReason.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

fn hq_section(p: &Plan, lang: Lang) -> impl IntoView {
    let hq = &p.hq;
    let deputies = hq
        .deputies
        .iter()
        .map(|d| d.get(lang).to_owned())
        .collect::<Vec<_>>()
        .join(lang_sep(lang));
    let rows = p
        .levels()
        .into_iter()
        .map(|l| {
            let commander = if l == Level::L1 {
                &hq.commander_level1
            } else {
                &hq.commander
            };
            let members_note = if l == Level::L1 {
                Msg::PrincipalLeadersAtL1.text(lang).to_owned()
            } else {
                hq.members_rule.text.get(lang).to_owned()
            };
            view! {
                <tr data-level=l.number()>
                    <th scope="row">{level_badge(l, lang)}</th>
                    <td class="commander">{short_text(commander, lang)}</td>
                    <td>{deputies.clone()}</td>
                    <td class="muted">{members_note}</td>
                </tr>
            }
        })
        .collect_view();
    let members = hq
        .members
        .iter()
        .filter_map(|id| p.unit(id))
        .map(|u| view! { <li>{short_text(&u.name, lang)}</li> })
        .collect_view();
    view! {
        <section aria-labelledby="sec-hq">
            {section_head("sec-hq", Msg::SecHq, "§3.1", lang)}
            <h3>{Msg::HqSetup.text(lang)}</h3>
            {para_text(&hq.setup.text, lang)}
            <table>
                <thead>
                    <tr>
                        <th scope="col">{Msg::LevelCol.text(lang)}</th>
                        <th scope="col">{Msg::Commander.text(lang)}</th>
                        <th scope="col">{Msg::Deputies.text(lang)}</th>
                        <th scope="col">{Msg::Members.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{Msg::Members.text(lang)}</h3>
            <ul class="chips">{members}</ul>
            <h3>{Msg::HqOffice.text(lang)} " " {clause_tag(&hq.office.id)}</h3>
            {para_text(&hq.office.text, lang)}
        </section>
    }
}

fn reporting_section(p: &Plan, lang: Lang) -> impl IntoView {
    let rows = p
        .deadlines
        .iter()
        .map(|d| {
            let levels = if d.levels.is_empty() {
                Msg::AllLevels.text(lang).to_owned()
            } else {
                d.levels
                    .iter()
                    .map(|l| level_name(*l, lang))
                    .collect::<Vec<_>>()
                    .join(lang_sep(lang))
            };
            let within = if d.hours == 0 {
                Msg::Simultaneous.text(lang).to_owned()
            } else {
                format!("{} {}", d.hours, Msg::Hours.text(lang))
            };
            view! {
                <tr data-deadline=d.id.clone()>
                    <td>{clause_tag(&d.clause)}</td>
                    <td>{levels}</td>
                    <td>{short_text(&d.task, lang)}</td>
                    <td>{short_text(&d.by, lang)}</td>
                    <td>{short_text(&d.to, lang)}</td>
                    <td class="num">
                        <strong>{within}</strong>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="sec-reporting">
            {section_head("sec-reporting", Msg::SecReporting, "§5.2 §5.3", lang)}
            <table>
                <thead>
                    <tr>
                        <th scope="col">{Msg::ClauseLabel.text(lang)}</th>
                        <th scope="col">{Msg::LevelCol.text(lang)}</th>
                        <th scope="col">{Msg::DeadlineTask.text(lang)}</th>
                        <th scope="col">{Msg::DeadlineBy.text(lang)}</th>
                        <th scope="col">{Msg::DeadlineTo.text(lang)}</th>
                        <th scope="col">{Msg::DeadlineWithin.text(lang)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{clause_tag(&p.reporting.id)}</h3>
            {para_text(&p.reporting.text, lang)}
            <h3>{clause_tag(&p.first_response.id)}</h3>
            {para_text(&p.first_response.text, lang)}
        </section>
    }
}

fn bulletin_section(p: &Plan, lang: Lang) -> impl IntoView {
    let fields = p
        .bulletin_fields
        .iter()
        .map(|f| view! { <li data-field=f.id.clone()>{short_text(&f.name, lang)}</li> })
        .collect_view();
    view! {
        <section aria-labelledby="sec-bulletin">
            {section_head("sec-bulletin", Msg::SecBulletin, &p.bulletin.id, lang)}
            {para_text(&p.bulletin.text, lang)}
            <h3>{Msg::BulletinFields.text(lang)}</h3>
            <ol class="chips">{fields}</ol>
        </section>
    }
}

/// §6 measures with the unit and level filters ("what does my unit do at level 2?").
#[component]
fn MeasuresSection(unit_filter: RwSignal<String>, level_filter: RwSignal<String>) -> impl IntoView {
    let i18n = I18n::get();
    let plan = expect_context::<PlanCtx>().0;

    view! {
        <section aria-labelledby="sec-measures" class="measures">
            {move || {
                let lang = i18n.lang();
                view! { {section_head("sec-measures", Msg::SecMeasures, "§6", lang)} }
            }}
            <div class="filters no-print">
                <label>
                    {i18n.tr(Msg::FilterUnit)}
                    <select
                        id="unit-filter"
                        on:change=move |ev| unit_filter.set(event_target_value(&ev))
                        prop:value=move || unit_filter.get()
                    >
                        <option value="">{i18n.tr(Msg::AllUnits)}</option>
                        {move || {
                            let lang = i18n.lang();
                            plan.with(|p| {
                    let p = p.plan();
                                p.units
                                    .iter()
                                    .filter(|u| !p.measures_of_unit(&u.id).is_empty())
                                    .map(|u| {
                                        view! {
                                            <option value=u.id.clone()>
                                                {u.name.get(lang).to_owned()}
                                            </option>
                                        }
                                    })
                                    .collect_view()
                            })
                        }}
                    </select>
                </label>
                <label>
                    {i18n.tr(Msg::FilterLevel)}
                    <select
                        id="level-filter"
                        on:change=move |ev| level_filter.set(event_target_value(&ev))
                        prop:value=move || level_filter.get()
                    >
                        <option value="">{i18n.tr(Msg::AllLevels)}</option>
                        {move || {
                            let lang = i18n.lang();
                            plan.with(|p| p.plan().levels())
                                .into_iter()
                                .map(|l| {
                                    view! {
                                        <option value=l.number().to_string()>
                                            {level_name(l, lang)}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
            </div>
            {move || {
                let lang = i18n.lang();
                let unit = unit_filter.get();
                let level = level_filter
                    .get()
                    .parse::<u8>()
                    .ok()
                    .and_then(Level::from_number);
                plan.with(|p| measures_body(p.plan(), lang, &unit, level))
            }}
        </section>
    }
}

fn measures_body(p: &Plan, lang: Lang, unit: &str, level: Option<Level>) -> impl IntoView {
    let duty = (!unit.is_empty())
        .then(|| {
            p.duties
                .iter()
                .find(|d| d.units.iter().any(|u| u == unit))
                .map(|d| {
                    view! {
                        <div class="unit-duty">
                            <h3>{Msg::SecDuties.text(lang)} " " {clause_tag(&d.clause)}</h3>
                            {para_text(&d.text, lang)}
                        </div>
                    }
                })
        })
        .flatten();
    let mut shown = 0usize;
    let blocks = p
        .responses
        .iter()
        .filter(|r| level.is_none_or(|l| l == r.level))
        .map(|r| {
            let measures: Vec<_> = r
                .measures
                .iter()
                .filter(|m| unit.is_empty() || m.units.iter().any(|u| u == unit))
                .collect();
            shown += measures.len();
            let n = r.level.number();
            let list = if measures.is_empty() {
                view! { <p class="muted">{Msg::NoMeasuresForFilter.text(lang)}</p> }.into_any()
            } else {
                measures
                    .into_iter()
                    .map(|m| {
                        let chips = m
                            .units
                            .iter()
                            .filter_map(|id| p.unit(id))
                            .map(|u| {
                                let hit = u.id == unit;
                                view! {
                                    <li class:hit=hit data-unit=u.id.clone()>
                                        {u.name.get(lang).to_owned()}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <article class="measure" data-clause=m.clause.clone() data-units=m.units.join(" ")>
                                <h4>{clause_tag(&m.clause)} " " {short_text(&m.title, lang)}</h4>
                                {para_text(&m.text, lang)}
                                <div class="units-line">
                                    <span class="muted">{Msg::ResponsibleUnits.text(lang)} ": "</span>
                                    <ul class="chips">{chips}</ul>
                                </div>
                            </article>
                        }
                    })
                    .collect_view()
                    .into_any()
            };
            let may_add = (!r.may_add.is_empty()).then(|| {
                let names = r
                    .may_add
                    .iter()
                    .map(|l| level_name(*l, lang))
                    .collect::<Vec<_>>()
                    .join(lang_sep(lang));
                view! {
                    <p class="may-add">
                        <strong>{Msg::MayAdd.text(lang)} ": " {names} " " {Msg::PackageOf.text(lang)}</strong>
                        " " {clause_tag(&r.may_add_clause.id)} " "
                        {short_text(&r.may_add_clause.text, lang)}
                    </p>
                }
            });
            view! {
                <div class=format!("response level-{n}") data-level=n>
                    <h3>{level_badge(r.level, lang)} " " {clause_tag(&r.clause)}</h3>
                    <details class="procedure">
                        <summary>
                            {Msg::StartProcedure.text(lang)} " · " {Msg::ControlPolicy.text(lang)}
                        </summary>
                        <h4>{Msg::StartProcedure.text(lang)} " " {clause_tag(&r.start_procedure.id)}</h4>
                        {para_text(&r.start_procedure.text, lang)}
                        <h4>{Msg::ControlPolicy.text(lang)} " " {clause_tag(&r.control_policy.id)}</h4>
                        {para_text(&r.control_policy.text, lang)}
                    </details>
                    <h4>{Msg::EmergencyMeasures.text(lang)}</h4>
                    {list}
                    {may_add}
                </div>
            }
        })
        .collect_view();
    view! {
        {duty}
        <p class="muted" id="measure-count" data-count=shown>
            {shown} " " {Msg::MeasuresShown.text(lang)}
        </p>
        {blocks}
    }
}

fn end_section(p: &Plan, lang: Lang) -> impl IntoView {
    let steps = p
        .end_steps
        .iter()
        .map(|c| view! { <li>{clause_tag(&c.id)} {para_text(&c.text, lang)}</li> })
        .collect_view();
    view! {
        <section aria-labelledby="sec-end">
            {section_head("sec-end", Msg::SecEnd, "§7", lang)}
            <ol class="steps">{steps}</ol>
        </section>
    }
}

fn duties_section(p: &Plan, lang: Lang) -> impl IntoView {
    let items = p
        .duties
        .iter()
        .map(|d| {
            let names = d
                .units
                .iter()
                .filter_map(|id| p.unit(id))
                .map(|u| u.name.get(lang).to_owned())
                .collect::<Vec<_>>()
                .join(lang_sep(lang));
            view! {
                <li>
                    <h4>{clause_tag(&d.clause)} " " {names}</h4>
                    {para_text(&d.text, lang)}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="sec-duties">
            {section_head("sec-duties", Msg::SecDuties, "§3.2", lang)}
            <ol class="duties">{items}</ol>
            <h3>{Msg::StreetDuties.text(lang)} " " {clause_tag(&p.street_duties.id)}</h3>
            {para_text(&p.street_duties.text, lang)}
        </section>
    }
}

fn clause_list(items: &[crate::plan::Clause], lang: Lang) -> impl IntoView {
    items
        .iter()
        .map(|c| {
            view! {
                <div class="clause-block">
                    {clause_tag(&c.id)}
                    {para_text(&c.text, lang)}
                </div>
            }
        })
        .collect_view()
}

fn monitoring_section(p: &Plan, lang: Lang) -> impl IntoView {
    view! {
        <section aria-labelledby="sec-monitoring">
            {section_head("sec-monitoring", Msg::SecMonitoring, "§4", lang)}
            {clause_list(&p.monitoring, lang)}
        </section>
    }
}

fn scope_section(p: &Plan, lang: Lang) -> impl IntoView {
    view! {
        <section aria-labelledby="sec-scope">
            {section_head("sec-scope", Msg::SecScope, "§1 §2", lang)}
            {clause_list(std::slice::from_ref(&p.scope), lang)}
            {clause_list(&p.principles, lang)}
            <h2>{Msg::SecRequirements.text(lang)} " " {clause_tag("§8 §9")}</h2>
            {clause_list(&p.requirements, lang)}
            {clause_list(&p.supplementary, lang)}
        </section>
    }
}

fn lang_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "、",
        Lang::En => "; ",
    }
}
