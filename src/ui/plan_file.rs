//! The plan as a file (Plan page): its validation messages naming the item, its differences
//! from the preset it started from, choosing a preset (asked first), and exporting / importing
//! one plan as JSON. A preset or an imported plan replaces the workspace's plan through the
//! workspace's plan path: saved at once, one undo step, noted in a running response's trail.

use super::csv_panel::read_file;
use super::dialog::{DialogSpec, Dialogs};
use super::download::download_text;
use super::i18n_ctx::I18n;
use super::store::Store;
use crate::i18n::Msg;
use crate::plan::check::{check, PlanProblem, Severity};
use crate::plan::{presets, LevelSpec, Plan, Text};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// What differs between a plan and the preset of the same id, one line per item.
pub fn differences(plan: &Plan) -> Option<Vec<Text>> {
    let preset = Plan::preset(&plan.id)?;
    let mut out = Vec::new();
    let label = |s: &LevelSpec| s.label();
    for spec in &plan.thresholds.levels {
        match preset.thresholds.spec(spec.level) {
            None => out.push(Text {
                zh: format!("新增 {}", label(spec).zh),
                en: format!("{} added", label(spec).en),
            }),
            Some(p) if p != spec => {
                let mut what: Vec<String> = Vec::new();
                if p.rate != spec.rate {
                    what.push(Msg::RateCol.both().zh);
                }
                if p.closures != spec.closures {
                    what.push(Msg::ClosuresCol.both().zh);
                }
                if p.layoffs != spec.layoffs {
                    what.push(Msg::LayoffsCol.both().zh);
                }
                if p.extra != spec.extra {
                    what.push(Msg::OtherCriteriaCol.both().zh);
                }
                if p.name != spec.name || p.label != spec.label || p.colour != spec.colour {
                    what.push("名称或颜色".to_owned());
                }
                out.push(Text {
                    zh: format!("{} 已改：{}", label(spec).zh, what.join("、")),
                    en: format!("{} changed", label(spec).en),
                });
            }
            Some(_) => {}
        }
    }
    for p in &preset.thresholds.levels {
        if plan.thresholds.spec(p.level).is_none() {
            out.push(Text {
                zh: format!("删除 {}", label(p).zh),
                en: format!("{} removed", label(p).en),
            });
        }
    }
    if plan.parameters != preset.parameters {
        out.push(Text::new(
            "解释参数已改",
            "interpretation parameters changed",
        ));
    }
    if plan.response_from != preset.response_from
        || plan.responses != preset.responses
        || plan.hq != preset.hq
        || plan.deadlines != preset.deadlines
        || plan.bulletin_fields != preset.bulletin_fields
        || plan.units != preset.units
        || plan.duties != preset.duties
    {
        out.push(Text::new(
            "响应（指挥部、单位与职责、措施、时限或公告）已改",
            "response (HQ, units and duties, measures, deadlines or bulletin) changed",
        ));
    }
    if plan.indicators != preset.indicators {
        out.push(Text::new("自定指标已改", "own indicators changed"));
    }
    Some(out)
}

fn problem_list(problems: &[PlanProblem], zh: bool) -> impl IntoView {
    problems
        .iter()
        .map(|p| {
            let class = match p.severity {
                Severity::Error => "plan-problem error",
                Severity::Warning => "plan-problem warning",
            };
            view! { <li class=class>{p.line(zh)}</li> }
        })
        .collect_view()
}

#[component]
pub fn PlanFile() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let chosen = RwSignal::new(presets::BINJIANG_2020.to_owned());
    let outcome = RwSignal::new(None::<Text>);
    let rejected = RwSignal::new(Vec::<PlanProblem>::new());

    let use_plan = move |plan: Plan, label: Text| match store.use_plan(label, plan) {
        Ok(_) => outcome.set(Some(Msg::PlanReplaced.both())),
        Err(e) => outcome.set(Some(e)),
    };
    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match read_file(&input).await {
                Ok((_, text)) => text,
                Err(e) => {
                    outcome.set(Some(Text {
                        zh: e.clone(),
                        en: e,
                    }));
                    return;
                }
            };
            input.set_value("");
            match Plan::from_json(&text) {
                Err(t) => {
                    rejected.set(Vec::new());
                    outcome.set(Some(t));
                }
                Ok(plan) => {
                    let problems = check(&plan);
                    if crate::plan::check::has_errors(&problems) {
                        rejected.set(problems);
                        outcome.set(Some(Msg::PlanImportHasErrors.both()));
                    } else {
                        rejected.set(Vec::new());
                        let label = Text::new("导入预案", "plan imported");
                        use_plan(plan, label);
                    }
                }
            }
        });
    };

    view! {
        <section aria-labelledby="sec-plan-file" class="plan-file no-print">
            <h2 id="sec-plan-file">{i18n.tr(Msg::PlanFile)}</h2>
            {move || {
                let zh = i18n.lang() == crate::i18n::Lang::Zh;
                let problems = store.snap.with(|s| check(&s.plan));
                if problems.is_empty() {
                    view! { <p id="plan-problems" class="muted">{i18n.t(Msg::PlanNoProblems)}</p> }.into_any()
                } else {
                    view! { <ul id="plan-problems">{problem_list(&problems, zh)}</ul> }.into_any()
                }
            }}
            {move || {
                let lang = i18n.lang();
                let diff = store.snap.with(|s| differences(&s.plan));
                diff.map(|d| {
                    let items = if d.is_empty() {
                        view! { <li class="muted">{Msg::PlanSameAsPreset.text(lang)}</li> }.into_any()
                    } else {
                        d.iter().map(|t| view! { <li>{t.get(lang).to_owned()}</li> }).collect_view().into_any()
                    };
                    view! {
                        <h3>{Msg::PlanDifferences.text(lang)}</h3>
                        <ul id="plan-differences">{items}</ul>
                    }
                })
            }}
            <div class="plan-file-actions">
                <label>
                    {i18n.tr(Msg::PlanPreset)} " "
                    <select id="plan-preset" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {move || {
                            let lang = i18n.lang();
                            presets::ALL
                                .into_iter()
                                .map(|id| view! { <option value=id>{presets::name(id).get(lang).to_owned()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <button
                    type="button"
                    id="plan-use-preset"
                    on:click=move |_| {
                        let id = chosen.get_untracked();
                        Dialogs::get().open(DialogSpec {
                            title: Msg::PlanUsePreset.both(),
                            message: Some(Msg::PlanConfirmPreset.both()),
                            input: None,
                            validate: None,
                            ok: Msg::PlanUsePreset,
                            danger: true,
                            return_to: Some("#plan-use-preset".to_owned()),
                            on_ok: Rc::new(move |_| {
                                if let Some(p) = Plan::preset(&id) {
                                    let name = presets::name(&id);
                                    use_plan(p, both!(["采用预设：{}", name.zh], ["preset: {}", name.en]));
                                }
                            }),
                        })
                    }
                >
                    {i18n.tr(Msg::PlanUsePreset)}
                </button>
                <button
                    type="button"
                    id="plan-export"
                    on:click=move |_| {
                        let (id, text) = store.snap.with_untracked(|s| (s.plan.id.clone(), s.plan.to_json_pretty()));
                        if let Err(e) = download_text(&format!("uew-plan-{id}.json"), "application/json", &text) {
                            outcome.set(Some(Text { zh: e.clone(), en: e }));
                        }
                    }
                >
                    {i18n.tr(Msg::PlanExport)}
                </button>
                <label class="file-button">
                    {i18n.tr(Msg::PlanImport)} " "
                    <input type="file" id="plan-import" accept=".json,application/json" on:change=on_import/>
                </label>
            </div>
            {move || outcome.get().map(|t| view! { <p id="plan-file-outcome" role="status">{t.get(i18n.lang()).to_owned()}</p> })}
            {move || {
                let zh = i18n.lang() == crate::i18n::Lang::Zh;
                let r = rejected.get();
                (!r.is_empty()).then(|| view! { <ul id="plan-import-problems">{problem_list(&r, zh)}</ul> })
            }}
        </section>
    }
}
