//! §4.4: analysis reports — monthly or quarterly: generated from the data (`analysis_report`),
//! shown as a printable document with the charts, saved in the response record.

use super::{none_yet, outcome_view, section_head, Doc, Pb};
use crate::charts::dashboard::report_charts;
use crate::i18n::{Lang, Msg};
use crate::month::Month;
use crate::plan::Text;
use crate::response::{analysis_report, Action, Period, Report, ReportInput, Timestamp};
use crate::ui::derived::Focus;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::month_options;
use leptos::prelude::*;

/// The report for `period` in `lang`, with the projection sentence of the rate chart.
fn make(period: Period, now: Timestamp, lang: Lang) -> Option<Report> {
    let store = Store::get();
    let pb = Pb::get();
    let (_, last) = period.months()?;
    store.snap.with_untracked(|s| {
        let response = pb
            .resp
            .with_untracked(|r| r.as_ref().map(|r| r.id))
            .and_then(|id| s.response.response(id));
        // An exercise on a scenario reports on that scenario's data.
        let basis = response.and_then(|r| r.scenario.as_ref());
        let p = super::on_workspace_basis(basis, false).ok()?;
        let engine = p.engine();
        let (from, _) = p.dataset().span()?;
        let (_, notes) = report_charts(engine, from, last, lang);
        Some(analysis_report(
            &ReportInput {
                engine,
                period,
                forecast: notes.first().map(String::as_str),
                response,
                now,
            },
            lang,
        ))
    })
}

#[component]
pub fn ReportsSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let focus = Focus::get();
    let quarterly = RwSignal::new(false);
    let month = RwSignal::new(focus.at.get_untracked());
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let period = move || {
        month.get_untracked().map(|m| {
            if quarterly.get_untracked() {
                Period::quarter_of(m)
            } else {
                Period::Monthly { month: m }
            }
        })
    };
    let generate = move |_| {
        let lang = i18n.0.get_untracked();
        match period().and_then(|p| make(p, pb.clock.now_untracked(), lang)) {
            Some(r) => {
                pb.doc.set(Some(Doc::Report(Box::new(r))));
                super::focus_later("pb-print-area");
            }
            None => out.set(Some(Err(super::msg_text(Msg::NoDataYet)))),
        }
    };
    let save = move |()| {
        let lang = i18n.0.get_untracked();
        let Some(p) = period() else { return };
        let current = pb.doc.get_untracked();
        // The report on screen when it is of this period, else a fresh one.
        let report = match current {
            Some(Doc::Report(r)) if r.period == p && r.lang == lang.tag() => *r,
            _ => match make(p, pb.clock.now_untracked(), lang) {
                Some(r) => r,
                None => return out.set(Some(Err(super::msg_text(Msg::NoDataYet)))),
            },
        };
        pb.run(out, Msg::PbReportSaved, move |s, _, now, by| {
            s.apply(
                Action::SaveReport {
                    report: Box::new(report),
                },
                now,
                by,
            )
            .map_err(super::rerr)
        });
    };
    view! {
        <section id="pb-reports" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecReports, &["§4.4"])}
            <p class="muted">{i18n.tr(Msg::PbReportHelp)}</p>
            <div class="pb-row no-print">
                <label class="pb-field" for="pb-report-kind">
                    <span>{i18n.tr(Msg::PbReportKind)}</span>
                    <select
                        id="pb-report-kind"
                        prop:value=move || if quarterly.get() { "quarter" } else { "month" }
                        on:change=move |ev| quarterly.set(event_target_value(&ev) == "quarter")
                    >
                        <option value="month">{i18n.tr(Msg::PbMonthly)}</option>
                        <option value="quarter">{i18n.tr(Msg::PbQuarterly)}</option>
                    </select>
                </label>
                <label class="pb-field" for="pb-report-month">
                    <span>{i18n.tr(Msg::PbReportMonth)}</span>
                    <select
                        id="pb-report-month"
                        on:change=move |ev| month.set(Month::parse(&event_target_value(&ev)).ok())
                        prop:value=move || month.get().map(|m| m.to_string()).unwrap_or_default()
                    >
                        {move || month_options(focus.span.get())}
                    </select>
                </label>
                <button type="button" id="pb-report-generate" on:click=generate>{i18n.tr(Msg::PbGenerateReport)}</button>
                <Show when=move || pb.editable.get()>
                    {super::confirm_step("pb-report-save".into(), "pb-report-save", Msg::PbSaveReport, Msg::PbConfirmReport, true, Signal::from(false), super::says(Msg::PbConfirmReportText), Callback::new(save))}
                </Show>
            </div>
            {outcome_view(out)}
            {move || {
                let lang = i18n.lang();
                let Some(r) = pb.resp.get() else { return none_yet(lang) };
                if r.reports.is_empty() {
                    return view! { <p class="muted">{Msg::PbNoReports.text(lang)}</p> }.into_any();
                }
                let rid = r.id;
                view! {
                    <h3>{Msg::PbSavedReports.text(lang)}</h3>
                    <ul class="pb-saved-reports" id="pb-saved-reports">
                        {r.reports
                            .iter()
                            .map(|s| {
                                let id = s.id;
                                view! {
                                    <li data-id=id>
                                        {s.report.title.clone()} " · " {s.saved.at.format_cst()} " · " {s.saved.by.clone()} " "
                                        <button type="button" on:click=move |_| {
                                            pb.doc.set(Some(Doc::SavedReport { response: rid, id }));
                                            super::focus_later("pb-print-area");
                                        }>{Msg::PbPrintPreview.text(lang)}</button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}
