//! The dashboard: the effective level now with its reasons, each §5.1 criterion with value,
//! threshold, distance and evidence, the streets side by side, the level timeline, key groups.

use super::charts_view::ChartsPanel;
use super::derived::{region_name, scope_name, Focus};
use super::i18n_ctx::I18n;
use super::region_search::RegionSearch;
use super::store::Store;
use super::street_filter::{StreetFilter, FILTER_FROM};
use super::widgets::{clause_tag, level_colour, month_options, scope_options, status_badge};
use crate::explain;
use crate::i18n::{level_name, Lang, Msg};
use crate::model::{Region, Scope};
use crate::month::Month;
use crate::num::group_thousands;
use crate::plan::Level;
use crate::rules::{
    Check, ClosureEvidence, Evaluation, ExtraDetail, ExtraEvidence, LayoffEvidence, RateEvidence,
    RateSource, ThresholdsUsed, TransitionKind,
};
use leptos::prelude::*;

#[component]
pub fn Dashboard() -> impl IntoView {
    let i18n = I18n::get();
    let focus = Focus::get();
    view! {
        <div class="dashboard">
            <FocusBar/>
            {move || {
                let lang = i18n.lang();
                match focus.eval.get() {
                    None => view! { <p class="empty">{Msg::NoDataYet.text(lang)}</p> }.into_any(),
                    Some(e) => view! {
                        {status_card(&e, lang)}
                        <div class="criteria">
                            {rate_card(&e.rate, lang)}
                            {closure_card(&e.closures, lang)}
                            {layoff_card(&e.layoffs, lang)}
                            {(!e.other.is_empty()).then(|| other_card(&e.other, lang))}
                        </div>
                    }
                    .into_any(),
                }
            }}
            <StreetsTable/>
            <ChartsPanel/>
            <TimelineSection/>
            <KeyGroupsSection/>
        </div>
    }
}

/// Scope and month pickers; ←/→ buttons step the month.
#[component]
pub fn FocusBar() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let focus = Focus::get();
    let step = move |d: i64| {
        if let (Some(at), Some((a, b))) = (focus.at.get_untracked(), focus.span.get_untracked()) {
            if let Some(m) = at.plus(d) {
                if m >= a && m <= b {
                    focus.month.set(Some(m));
                }
            }
        }
    };
    view! {
        <div class="focus-bar no-print">
            <label>
                {i18n.tr(Msg::Scope)}
                <select
                    id="scope-select"
                    on:change=move |ev| {
                        focus.scope.set(Scope::from_text(&event_target_value(&ev)))
                    }
                    prop:value=move || focus.scope.get().to_string()
                >
                    {move || {
                        let lang = i18n.lang();
                        store.snap.with(|s| scope_options(&s.dataset, lang))
                    }}
                </select>
            </label>
            {move || {
                (store.snap.with(|s| s.dataset.streets().count()) >= FILTER_FROM).then(|| {
                    view! {
                        <RegionSearch
                            id="scope-find"
                            label=Msg::StreetFind
                            hint=Msg::StreetFindHint
                            streets_only=true
                            found=Callback::new(move |r: Option<Region>| {
                                if let Some(r) = r {
                                    focus.scope.set(Scope::Street(r.id));
                                }
                            })
                        />
                    }
                })
            }}
            <label>
                {i18n.tr(Msg::Month)}
                <span class="month-stepper">
                    <button type="button" aria-label=i18n.tr(Msg::PrevMonth) on:click=move |_| step(-1)>
                        "←"
                    </button>
                    <select
                        id="month-select"
                        aria-label=i18n.tr(Msg::Month)
                        on:change=move |ev| focus.month.set(Month::parse(&event_target_value(&ev)).ok())
                        prop:value=move || focus.at.get().map(|m| m.to_string()).unwrap_or_default()
                    >
                        {move || month_options(focus.span.get())}
                    </select>
                    <button type="button" aria-label=i18n.tr(Msg::NextMonth) on:click=move |_| step(1)>
                        "→"
                    </button>
                </span>
            </label>
        </div>
    }
}

pub(crate) fn status_card(e: &Evaluation, lang: Lang) -> impl IntoView {
    let store = Store::get();
    let scope = store
        .snap
        .with_untracked(|s| scope_name(&s.dataset, &e.scope, lang));
    let thresholds = match &e.thresholds {
        ThresholdsUsed::District => Msg::ThresholdsDistrict.text(lang).to_owned(),
        ThresholdsUsed::Street { .. } => Msg::ThresholdsStreetOwn.text(lang).to_owned(),
    };
    let clause = e
        .effective
        .level()
        .map(|l| format!("§5.1-L{}", l.number()))
        .unwrap_or_else(|| "§5.1".into());
    let special = e.special.as_ref().map(|s| {
        view! {
            <li>
                {clause_tag("§5.1-M")} " " {Msg::SpecialInForce.text(lang)} ": "
                {level_name(s.level, lang)} " (" {s.effective_from.to_string()} ")"
            </li>
        }
    });
    let pending = e
        .pending_special
        .iter()
        .map(|p| {
            let lacks = match (p.lacks_hq_consent, p.lacks_city_approval, lang) {
                (true, true, Lang::Zh) => "尚缺指挥部同意和市失业应急办批准",
                (true, true, Lang::En) => "lacks HQ consent and city approval",
                (true, false, Lang::Zh) => "尚缺指挥部同意",
                (true, false, Lang::En) => "lacks HQ consent",
                (false, _, Lang::Zh) => "尚缺市失业应急办批准",
                (false, _, Lang::En) => "lacks city approval",
            };
            view! {
                <li class="muted">
                    {clause_tag("§5.1-M")} " " {Msg::SpecialPending.text(lang)} ": "
                    {level_name(p.level, lang)} " — " {lacks}
                </li>
            }
        })
        .collect_view();
    let city = e.city.as_ref().map(|c| {
        view! {
            <li>
                {Msg::CityWarningInForce.text(lang)} ": " {level_name(c.level, lang)} " ("
                {c.from.to_string()} ")"
            </li>
        }
    });
    view! {
        <section class="status-card" aria-live="polite">
            <div class="status-main">
                <div class="muted">{scope} " · " {e.month.to_string()}</div>
                <div class="status-big" id="effective-level">{status_badge(&e.effective, lang)}</div>
                <div>{explain::decider(e.decided_by, lang)} " " {clause_tag(&clause)}</div>
            </div>
            <ul class="status-notes">
                <li>{Msg::IndicatorLevel.text(lang)} ": " {explain::status(&e.indicator, lang)}</li>
                <li class="muted">{thresholds}</li>
                {special}
                {pending}
                {city}
            </ul>
        </section>
    }
}

fn check_mark(c: Check, lang: Lang) -> impl IntoView {
    let (cls, text) = match (c, lang) {
        (Check::Met, Lang::Zh) => ("met", "✔ 达到"),
        (Check::Met, Lang::En) => ("met", "✔ met"),
        (Check::NotMet, Lang::Zh) => ("not-met", "✘ 未达到"),
        (Check::NotMet, Lang::En) => ("not-met", "✘ not met"),
        (Check::Unknown, Lang::Zh) => ("unknown", "? 数据不足"),
        (Check::Unknown, Lang::En) => ("unknown", "? insufficient data"),
    };
    view! { <span class=format!("check {cls}")>{text}</span> }
}

/// One level's check of a criterion, as a table row.
struct CheckRow {
    level: Level,
    threshold: String,
    /// The months the check looked at, where it has its own (the rate's sustained period).
    window: Option<String>,
    result: Check,
    clause: String,
}

fn checks_table(rows: Vec<CheckRow>, lang: Lang) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td>{level_name(r.level, lang)}</td>
                    <td class="num">{r.threshold}</td>
                    {r.window.map(|w| view! { <td class="num">{w}</td> })}
                    <td>{check_mark(r.result, lang)}</td>
                    <td>{clause_tag(&r.clause)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="compact">
            <tbody>{body}</tbody>
        </table>
    }
}

/// The distance to the next level, in words.
fn gap_line(text: Option<String>) -> impl IntoView {
    text.map(|t| view! { <p class="gap">{t}</p> })
}

pub(crate) fn rate_card(r: &RateEvidence, lang: Lang) -> impl IntoView {
    let checks = r
        .checks
        .iter()
        .map(|c| CheckRow {
            level: c.level,
            threshold: format!("{} {} %", c.comparison.symbol(), c.min_rate),
            window: Some(format!("{}–{}", c.window.from, c.window.to)),
            result: c.result,
            clause: c.clause.clone(),
        })
        .collect();
    let gap = gap_line(r.gap.as_ref().map(|g| explain::rate_gap(g, lang)));
    let series = r
        .series
        .iter()
        .map(|s| {
            let cells = s
                .months
                .iter()
                .map(|m| {
                    let value = m
                        .value
                        .map(|v| format!("{} %", v.approx(2)))
                        .unwrap_or_else(|| Msg::Missing.text(lang).to_owned());
                    let src = match &m.source {
                        Some(RateSource::Entered) => Msg::SourceEntered.text(lang).to_owned(),
                        Some(RateSource::Counts {
                            unemployed,
                            labour_force,
                        }) => format!(
                            "{} ÷ {}",
                            group_thousands(*unemployed),
                            group_thousands(*labour_force)
                        ),
                        Some(RateSource::Children {
                            unemployed,
                            labour_force,
                            children,
                        }) => format!(
                            "Σ{} {} ÷ {}",
                            children.len(),
                            group_thousands(*unemployed),
                            group_thousands(*labour_force)
                        ),
                        None => String::new(),
                    };
                    view! {
                        <tr class:missing=m.missing>
                            <td>{m.month.to_string()}</td>
                            <td class="num">{value}</td>
                            <td class="muted small">{src}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <details class="evidence">
                    <summary>{Msg::Evidence.text(lang)} ": " {explain::series(s.series, lang)}</summary>
                    <table class="compact">
                        <tbody>{cells}</tbody>
                    </table>
                </details>
            }
        })
        .collect_view();
    view! {
        <section class="criterion" data-criterion="a">
            <h3>{Msg::RateCol.text(lang)} " " {clause_tag("§5.1-a")}</h3>
            <div class="criterion-status">{status_badge(&r.status, lang)}</div>
            {gap}
            {checks_table(checks, lang)}
            {series}
        </section>
    }
}

/// The single-enterprise and own-indicator criteria: each check with the plan's own clause
/// label, and what met it.
pub(crate) fn other_card(o: &ExtraEvidence, lang: Lang) -> impl IntoView {
    let threshold = |d: &ExtraDetail| match d {
        ExtraDetail::SingleClosure { min_unemployed, .. } => {
            format!(
                "≥ {} {}",
                group_thousands(*min_unemployed),
                Msg::PeopleUnit.text(lang)
            )
        }
        ExtraDetail::SingleLayoff {
            min_laid_off,
            min_workforce,
            ..
        } => {
            let floor = min_workforce.map_or(String::new(), |w| {
                format!(" · {} ≥ {}", Msg::Workforce.text(lang), group_thousands(w))
            });
            format!(
                "≥ {} {}{floor}",
                group_thousands(*min_laid_off),
                Msg::PeopleUnit.text(lang)
            )
        }
        ExtraDetail::Indicator {
            indicator,
            comparison,
            threshold,
            ..
        } => format!("{indicator} {} {threshold}", comparison.symbol()),
    };
    let checks = o
        .checks
        .iter()
        .map(|c| CheckRow {
            level: c.level,
            threshold: threshold(&c.detail),
            window: None,
            result: c.result,
            clause: c.clause.clone(),
        })
        .collect();
    let met = o
        .checks
        .iter()
        .filter(|c| c.result == Check::Met)
        .map(|c| {
            let what = match &c.detail {
                ExtraDetail::SingleClosure { matching, .. } => matching
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {} · {}",
                            e.date,
                            e.enterprise,
                            group_thousands(e.unemployed)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                ExtraDetail::SingleLayoff { matching, .. } => matching
                    .iter()
                    .map(|e| {
                        format!(
                            "{} {} · {} / {}",
                            e.date,
                            e.enterprise,
                            group_thousands(e.laid_off),
                            group_thousands(e.workforce)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                ExtraDetail::Indicator { months, .. } => months
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {}",
                            m.month,
                            m.value.map_or("—".into(), |v| v.to_string())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            };
            view! {
                <li data-clause=c.clause.clone()>
                    {clause_tag(&c.clause)} " " {c.text.clone()} " — " {what}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="criterion" data-criterion="other">
            <h3>{Msg::OtherCriteriaCol.text(lang)}</h3>
            <div class="criterion-status">{status_badge(&o.status, lang)}</div>
            <ul class="plain evidence-met">{met}</ul>
            {checks_table(checks, lang)}
        </section>
    }
}

pub(crate) fn closure_card(c: &ClosureEvidence, lang: Lang) -> impl IntoView {
    let checks = c
        .checks
        .iter()
        .map(|k| CheckRow {
            level: k.level,
            threshold: format!("≥ {}", group_thousands(k.min_unemployed)),
            window: None,
            result: k.result,
            clause: k.clause.clone(),
        })
        .collect();
    let gap = gap_line(c.gap.as_ref().map(|g| explain::closure_gap(g, lang)));
    let events = c
        .events
        .iter()
        .map(|e| {
            view! {
                <tr>
                    <td>{e.date.to_string()}</td>
                    <td>{e.enterprise.clone()}</td>
                    <td class="num">{group_thousands(e.unemployed)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="criterion" data-criterion="b">
            <h3>{Msg::ClosuresCol.text(lang)} " " {clause_tag("§5.1-b")}</h3>
            <div class="criterion-status">{status_badge(&c.status, lang)}</div>
            <p class="figure">
                <strong>{group_thousands(c.total_unemployed)}</strong> " " {Msg::PeopleInWindow.text(lang)} " "
                {c.window.from.to_string()} "–" {c.window.to.to_string()} " · " {c.enterprises} " "
                {Msg::Enterprises.text(lang)}
            </p>
            {gap}
            {checks_table(checks, lang)}
            <details class="evidence">
                <summary>{Msg::Evidence.text(lang)} " (" {c.events.len()} ")"</summary>
                <table class="compact">
                    <tbody>{events}</tbody>
                </table>
            </details>
        </section>
    }
}

pub(crate) fn layoff_card(l: &LayoffEvidence, lang: Lang) -> impl IntoView {
    let checks = l
        .checks
        .iter()
        .map(|k| CheckRow {
            level: k.level,
            threshold: format!("≥ {} %", k.min_share),
            window: None,
            result: k.result,
            clause: k.clause.clone(),
        })
        .collect();
    let gap = gap_line(l.gap.as_ref().map(|g| explain::layoff_gap(g, lang)));
    let share = l
        .share
        .map(|s| format!("{} %", s.approx(2)))
        .unwrap_or_else(|| "—".into());
    let rows = l
        .counted
        .iter()
        .map(|e| (e, true))
        .chain(l.excluded.iter().map(|e| (e, false)))
        .map(|(e, counted)| {
            let note = if counted {
                String::new()
            } else {
                Msg::ExcludedArt41.text(lang).to_owned()
            };
            view! {
                <tr class:muted=!counted>
                    <td>{e.date.to_string()}</td>
                    <td>{e.enterprise.clone()}</td>
                    <td class="num">{group_thousands(e.laid_off)} " / " {group_thousands(e.workforce)}</td>
                    <td class="small">{note}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="criterion" data-criterion="c">
            <h3>{Msg::LayoffsCol.text(lang)} " " {clause_tag("§5.1-c")}</h3>
            <div class="criterion-status">{status_badge(&l.status, lang)}</div>
            <p class="figure">
                <strong>{share}</strong> " = " {group_thousands(l.total_laid_off)} " ÷ "
                {group_thousands(l.total_workforce)} " · " {l.enterprises.len()} " "
                {Msg::Enterprises.text(lang)}
            </p>
            {gap}
            {checks_table(checks, lang)}
            <details class="evidence">
                <summary>{Msg::Evidence.text(lang)} " (" {l.counted.len() + l.excluded.len()} ")"</summary>
                <table class="compact">
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </section>
    }
}

/// The streets' levels side by side (street levels never raise the district's: §9, open point 4).
#[component]
fn StreetsTable() -> impl IntoView {
    let i18n = I18n::get();
    let focus = Focus::get();
    view! {
        <section class="streets">
            <h2>{i18n.tr(Msg::StreetsSideBySide)}</h2>
            <p class="muted small">{i18n.tr(Msg::StreetsNote)}</p>
            <StreetFilter/>
            <div class="street-cards">
                {move || {
                    let lang = i18n.lang();
                    focus
                        .street_page_now()
                        .items
                        .into_iter()
                        .map(|(r, e)| {
                            let id = r.id.clone();
                            let rate = e
                                .rate
                                .series
                                .iter()
                                .find_map(|s| s.months.last().and_then(|m| m.value))
                                .map(|v| format!("{} %", v.approx(2)))
                                .unwrap_or_else(|| "—".into());
                            view! {
                                <button
                                    type="button"
                                    class="street-card"
                                    data-street=id.clone()
                                    on:click=move |_| focus.scope.set(Scope::Street(id.clone()))
                                >
                                    <span class="street-name">{region_name(&r, lang)}</span>
                                    {status_badge(&e.effective, lang)}
                                    <span class="muted small">{Msg::RateCol.text(lang)} " " {rate}</span>
                                </button>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </section>
    }
}

#[component]
fn TimelineSection() -> impl IntoView {
    let i18n = I18n::get();
    let focus = Focus::get();
    view! {
        <section class="timeline">
            <h2>{i18n.tr(Msg::LevelTimeline)}</h2>
            {move || {
                let lang = i18n.lang();
                let at = focus.at.get();
                focus
                    .timeline
                    .get()
                    .map(|t| {
                        let strip = t
                            .months
                            .iter()
                            .map(|m| {
                                let s = m.summary.effective;
                                let cls = match (s.level(), s.is_insufficient()) {
                                    (Some(l), _) => format!(
                                        "cell level-{} colour-{}",
                                        l.number(),
                                        level_colour(l).css_class()
                                    ),
                                    (None, true) => "cell unknown".to_owned(),
                                    (None, false) => "cell none".to_owned(),
                                };
                                let month = m.summary.month;
                                let title = format!("{month} · {}", explain::status(&s, lang));
                                let (first, last) = (t.from, t.to);
                                // One Tab stop for the strip (the current month); the arrow keys,
                                // Home and End move along it.
                                let key = move |ev: web_sys::KeyboardEvent| {
                                    let to = match ev.key().as_str() {
                                        "ArrowLeft" => month.pred(),
                                        "ArrowRight" => month.succ(),
                                        "Home" => Some(first),
                                        "End" => Some(last),
                                        _ => return,
                                    };
                                    ev.prevent_default();
                                    if let Some(m) = to.filter(|m| *m >= first && *m <= last) {
                                        focus.month.set(Some(m));
                                        request_animation_frame(|| {
                                            if let Some(el) = web_sys::window()
                                                .and_then(|w| w.document())
                                                .and_then(|d| d.query_selector(".level-strip button.current").ok().flatten())
                                                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                                            {
                                                let _ = el.focus();
                                            }
                                        });
                                    }
                                };
                                let current = Some(month) == at || (at.is_none() && month == last);
                                view! {
                                    <button
                                        type="button"
                                        class=cls
                                        class:current=Some(month) == at
                                        title=title.clone()
                                        aria-label=title
                                        aria-current=current.then_some("date")
                                        tabindex=if current { "0" } else { "-1" }
                                        on:click=move |_| focus.month.set(Some(month))
                                        on:keydown=key
                                    ></button>
                                }
                            })
                            .collect_view();
                        let transitions = t
                            .transitions
                            .iter()
                            .rev()
                            .map(|tr| {
                                let kind = match tr.kind {
                                    TransitionKind::Raised => Msg::TrRaised,
                                    TransitionKind::Escalated => Msg::TrEscalated,
                                    TransitionKind::DeEscalated => Msg::TrDeEscalated,
                                    TransitionKind::BackToNormal => Msg::TrBackToNormal,
                                };
                                let from = tr.from.map(|l| level_name(l, lang)).unwrap_or_else(|| "—".into());
                                let to = tr.to.map(|l| level_name(l, lang)).unwrap_or_else(|| "—".into());
                                view! {
                                    <li>
                                        <strong>{tr.month.to_string()}</strong> " " {kind.text(lang)} ": "
                                        {from} " → " {to}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <div class="level-strip" role="group" aria-label=Msg::LevelTimeline.text(lang)>
                                {strip}
                            </div>
                            <div class="strip-axis muted small">
                                <span>{t.from.to_string()}</span>
                                <span>{t.to.to_string()}</span>
                            </div>
                            <ul class="transitions">{transitions}</ul>
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn KeyGroupsSection() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let focus = Focus::get();
    view! {
        <section class="key-groups">
            <h2>{i18n.tr(Msg::KeyGroups)} " " {clause_tag("§4.1")}</h2>
            {move || {
                let lang = i18n.lang();
                let Some(m) = focus.at.get() else {
                    return ().into_any();
                };
                let scope = focus.scope.get();
                let p = store.engine();
                        let Some(region) = p.dataset().scope_region(&scope) else {
                            return ().into_any();
                        };
                        let k = p.engine().key_groups(&region.id, m);
                        let show = |v: Option<u64>| v.map(group_thousands).unwrap_or_else(|| "—".into());
                        view! {
                            <dl class="kg">
                                <div><dt>{Msg::Graduates.text(lang)}</dt><dd>{show(k.graduates)}</dd></div>
                                <div><dt>{Msg::Difficulty.text(lang)}</dt><dd>{show(k.difficulty)}</dd></div>
                                <div><dt>{Msg::Migrants.text(lang)}</dt><dd>{show(k.migrant_workers)}</dd></div>
                            </dl>
                            <p class="muted small">{region_name(region, lang)} " · " {m.to_string()}</p>
                        }
                        .into_any()
            }}
        </section>
    }
}
