//! The answer on the projector: the level in the shown scenario next to the baseline's for the
//! same scope and month, each criterion side by side, and the scenario's full evidence.

use super::state::Page;
use crate::explain;
use crate::i18n::{Lang, Msg};
use crate::month::Month;
use crate::rules::{Evaluation, Status};
use crate::ui::dashboard::{closure_card, layoff_card, rate_card, status_card};
use crate::ui::derived::scope_name;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::{clause_tag, status_badge};
use leptos::prelude::*;

/// How a criterion moved from the baseline to the scenario.
fn movement(base: &Status, hyp: &Status, lang: Lang) -> &'static str {
    let sev = |s: &Status| s.level().map_or(0, |l| l.severity());
    match (sev(hyp).cmp(&sev(base)), lang) {
        (std::cmp::Ordering::Greater, Lang::Zh) => "↑ 升高",
        (std::cmp::Ordering::Greater, Lang::En) => "↑ higher",
        (std::cmp::Ordering::Less, Lang::Zh) => "↓ 降低",
        (std::cmp::Ordering::Less, Lang::En) => "↓ lower",
        (_, Lang::Zh) if base != hyp => "≠ 不同",
        (_, Lang::En) if base != hyp => "≠ differs",
        (_, Lang::Zh) => "= 不变",
        (_, Lang::En) => "= same",
    }
}

fn criteria_rows(base: &Evaluation, hyp: &Evaluation, lang: Lang) -> impl IntoView {
    let rows = [
        (Msg::ScEffective, &base.effective, &hyp.effective, "§5.1"),
        (
            Msg::RateCol,
            &base.rate.status,
            &hyp.rate.status,
            "§5.1-Lx-a",
        ),
        (
            Msg::ClosuresCol,
            &base.closures.status,
            &hyp.closures.status,
            "§5.1-Lx-b",
        ),
        (
            Msg::LayoffsCol,
            &base.layoffs.status,
            &hyp.layoffs.status,
            "§5.1-Lx-c",
        ),
    ];
    let body = rows
        .into_iter()
        .map(|(label, b, h, clause)| {
            let changed = b != h;
            view! {
                <tr class=if changed { "changed" } else { "" }>
                    <th scope="row">{label.text(lang)} " " {clause_tag(clause)}</th>
                    <td>{status_badge(b, lang)}</td>
                    <td>{status_badge(h, lang)}</td>
                    <td class="move">{movement(b, h, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="side-by-side" id="scenario-criteria">
            <thead>
                <tr>
                    <th scope="col">{Msg::ScCriterion.text(lang)}</th>
                    <th scope="col">{Msg::ScBaseline.text(lang)}</th>
                    <th scope="col" class="exercise-col">{Msg::ScThisScenario.text(lang)}</th>
                    <th scope="col">{Msg::ScChange.text(lang)}</th>
                </tr>
            </thead>
            <tbody>{body}</tbody>
        </table>
    }
}

/// The baseline's level, large, with who decided it.
/// A month after the real data's last is a projection: the baseline has no data there, and says
/// so instead of showing "insufficient data" as its answer.
fn answer_col(base: &Evaluation, last_data: Option<Month>, lang: Lang) -> impl IntoView {
    let projected = last_data.filter(|l| base.month > *l);
    view! {
        <div class="answer-col">
            <div class="muted">{Msg::ScBaseline.text(lang)}</div>
            {match projected {
                Some(l) => view! {
                    <div class="answer-badge" id="baseline-level" data-projection="true">
                        <span class="projection-badge">{Msg::ScProjectionMonth.text(lang)}</span>
                    </div>
                    <div class="muted">{Msg::ScDataUntil.text(lang)} " " {l.to_string()}</div>
                }
                .into_any(),
                None => view! {
                    <div class="answer-badge" id="baseline-level">{status_badge(&base.effective, lang)}</div>
                    <div class="muted">{explain::decider(base.decided_by, lang)}</div>
                }
                .into_any(),
            }}
        </div>
    }
}

#[component]
pub fn ScenarioResult() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let page = Page::get();
    view! {
        <section class="scenario-result" aria-live="polite" aria-labelledby="scenario-result-h">
            {move || {
                let lang = i18n.lang();
                let Some(base) = page.baseline.get() else {
                    return view! { <p class="empty">{Msg::NoDataYet.text(lang)}</p> }.into_any();
                };
                let scope = store.snap.with(|s| scope_name(&s.dataset, &base.scope, lang));
                let head = format!("{scope} · {}", base.month);
                let last_data = store.snap.with(|s| s.dataset.span().map(|s| s.1));
                match page.scenario.get() {
                    None => {
                        // The baseline itself: the real data, no exercise mark.
                        view! {
                            <h2 id="scenario-result-h">{Msg::ScBaseline.text(lang)} " — " {head}</h2>
                            <div class="answer">{answer_col(&base, last_data, lang)}</div>
                        }
                        .into_any()
                    }
                    Some(hyp) => view! {
                        <h2 id="scenario-result-h">{Msg::ScAnswer.text(lang)} " — " {head}</h2>
                        <div class="answer">
                            {answer_col(&base, last_data, lang)}
                            <div class="answer-arrow" aria-hidden="true">"→"</div>
                            <div class="answer-col exercise-col">
                                <div class="muted">{Msg::ScThisScenario.text(lang)} " · " {crate::scenario::EXERCISE_MARK.get(lang).to_owned()}</div>
                                <div class="answer-badge" id="scenario-level">{status_badge(&hyp.effective, lang)}</div>
                                <div class="muted">{explain::decider(hyp.decided_by, lang)}</div>
                            </div>
                        </div>
                        {criteria_rows(&base, &hyp, lang)}
                        <details class="scenario-evidence">
                            <summary>{Msg::ScEvidence.text(lang)}</summary>
                            {status_card(&hyp, lang)}
                            <div class="criteria">
                                {rate_card(&hyp.rate, lang)}
                                {closure_card(&hyp.closures, lang)}
                                {layoff_card(&hyp.layoffs, lang)}
                            </div>
                        </details>
                    }
                    .into_any(),
                }
            }}
        </section>
    }
}
