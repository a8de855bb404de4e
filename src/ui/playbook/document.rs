//! The print area: one document at a time — a bulletin in the official layout (§5.4) or an
//! analysis report with its charts (§4.4). While a document is open, printing the page prints
//! that document alone on A4 (see the print styles of `.pb-print-area`).

use super::{Doc, Pb};
use crate::charts::dashboard::report_charts;
use crate::i18n::{level_name, Lang, Msg};
use crate::response::{Bulletin, BulletinFields, BulletinStatus, Report, Response};
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use leptos::prelude::*;

#[component]
pub fn PrintArea() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <Show when=move || pb.doc.with(Option::is_some)>
            <section class="pb-print-area" id="pb-print-area" tabindex="-1" aria-label=i18n.tr(Msg::PbPrintPreview)>
                <div class="pb-actions no-print">
                    <button type="button" class="pb-primary" id="pb-print" on:click=print>{i18n.tr(Msg::PrintPage)}</button>
                    <button type="button" id="pb-doc-close" on:click=move |_| pb.doc.set(None)>{i18n.tr(Msg::PbClose)}</button>
                    <span class="muted">{i18n.tr(Msg::PbPrintHelp)}</span>
                </div>
                {move || {
                    let lang = i18n.lang();
                    let doc = pb.doc.get()?;
                    let p = store.engine();
                    store.response(|st| {
                        Some(match doc {
                            Doc::Bulletin { response, id } => {
                                let r = st.response(response)?;
                                let b = r.bulletin(id)?;
                                bulletin_doc(r, b, p.plan(), lang).into_any()
                            }
                            Doc::SavedReport { response, id } => {
                                let r = st.response(response)?;
                                let saved = r.reports.iter().find(|x| x.id == id)?;
                                report_doc(&saved.report, true, &p).into_any()
                            }
                            Doc::Report(report) => report_doc(&report, false, &p).into_any(),
                        })
                    })
                }}
            </section>
        </Show>
    }
}

/// "〔2025〕1-1 号" / "No. 2025/1-1": the year of issue (or drafting), response and bulletin.
fn number(r: &Response, b: &Bulletin, lang: Lang) -> String {
    let at = b.issued.as_ref().map_or(b.drafted.at, |s| s.at);
    let year = at.cst_month().map(|m| m.year()).unwrap_or_default();
    match lang {
        Lang::Zh => format!("〔{year}〕{}-{} 号", r.id, b.id),
        Lang::En => format!("No. {year}/{}-{}", r.id, b.id),
    }
}

/// A bulletin in the official layout: mark, title, number and date, the seven fields, issuer.
fn bulletin_doc(r: &Response, b: &Bulletin, plan: &crate::plan::Plan, lang: Lang) -> impl IntoView {
    let status = b.status();
    let issued = b.issued.as_ref().map(|s| s.at);
    let not_issued = matches!(
        status,
        BulletinStatus::Draft | BulletinStatus::Approved | BulletinStatus::Withdrawn
    );
    let date = issued.unwrap_or(b.drafted.at).format_cst();
    let rows = BulletinFields::IDS
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let name = plan
                .bulletin_fields
                .iter()
                .find(|p| p.id == f)
                .map(|p| p.name.get(lang).to_owned())
                .unwrap_or_else(|| f.to_owned());
            let value = b
                .content
                .fields
                .get(f)
                .map(|t| t.get(lang).to_owned())
                .unwrap_or_default();
            view! {
                <div class="pb-doc-field" data-field=f>
                    <h3>{format!("{}. {name}", i + 1)}</h3>
                    <p>{value}</p>
                </div>
            }
        })
        .collect_view();
    let approval = b.approval.as_ref().map(|a| {
        view! { <p class="pb-doc-approval">{Msg::PbHqApproval.text(lang)} {super::colon(lang)} {a.by.clone()} " · " {a.at.format_cst()}</p> }
    });
    let cancelled = b.cancelled.as_ref().map(|c| {
        view! {
            <p class="pb-doc-cancelled">
                <strong>{Msg::PbCancelledAt.text(lang)} " " {c.at.format_cst()}</strong> " — " {c.reason.clone()}
            </p>
        }
    });
    let exercise = b.exercise || r.exercise;
    view! {
        <article class=format!("pb-doc pb-bulletin-doc level-{}", b.level.number()) id="pb-bulletin-doc" lang=lang.tag()>
            {exercise.then(|| view! { <div class="pb-doc-exercise">"EXERCISE · 推演"</div> })}
            {not_issued.then(|| view! { <div class="pb-doc-draft">{Msg::PbNotIssuedMark.text(lang)} " · " {status.name(lang)}</div> })}
            <header class="pb-doc-head">
                <div class="pb-doc-issuer-top">{b.content.fields.issuer.get(lang).to_owned()}</div>
                <h1 class="pb-doc-title">{b.headline(lang)}</h1>
                <div class="pb-doc-meta">
                    <span>{number(r, b, lang)}</span>
                    <span>{Msg::PbDocDate.text(lang)} {super::colon(lang)} {date.clone()} " " {Msg::PbCst.text(lang)}</span>
                </div>
                <div class="pb-doc-level">
                    <span class=format!("level-badge level-{}", b.level.number())>
                        {level_name(b.level, lang)} " · " {b.level.colour().name().get(lang).to_owned()}
                    </span>
                </div>
            </header>
            {cancelled}
            <div class="pb-doc-body">{rows}</div>
            <footer class="pb-doc-foot">
                {approval}
                <p class="pb-doc-sign">{b.content.fields.issuer.get(lang).to_owned()}</p>
                <p class="pb-doc-sign">{date}</p>
                <p class="pb-doc-clause">{crate::response::bulletin::cite(&plan.title, "§5.4").get(lang).to_owned()}</p>
            </footer>
        </article>
    }
}

/// An analysis report: its sections and tables, with the charts after the trend section.
fn report_doc(report: &Report, saved: bool, p: &crate::rules::Prepared) -> impl IntoView {
    let plan = p.plan();
    let lang = if report.lang == Lang::En.tag() {
        Lang::En
    } else {
        Lang::Zh
    };
    // The district's last two years up to the period's end.
    let charts = report.period.months().and_then(|(_, last)| {
        let (from, _) = p.dataset().span()?;
        let first = from.max(last.plus(-23).unwrap_or(from));
        Some(report_charts(p.engine(), first, last, lang).0)
    });
    let sections = report
        .sections
        .iter()
        .map(|sec| {
            let table = sec.table.as_ref().map(|t| {
                view! {
                    <table class="pb-table">
                        <thead>
                            <tr>{t.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr>
                        </thead>
                        <tbody>
                            {t.rows
                                .iter()
                                .map(|row| view! { <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr> })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            });
            let figs = (sec.id == "trend").then(|| {
                let figs = charts.clone().unwrap_or_default().into_iter().map(|(id, svg)| {
                    view! { <figure class="pb-doc-chart" data-chart=id><div class="chart-svg" inner_html=svg></div></figure> }
                }).collect_view();
                view! { <div class="pb-doc-charts">{figs}</div> }
            });
            view! {
                <section class="pb-doc-section" data-section=sec.id.clone()>
                    <h2>{sec.heading.clone()}</h2>
                    {sec.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    {table}
                    {figs}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="pb-doc pb-report-doc" id="pb-report-doc" lang=report.lang.clone() data-saved=saved.to_string()>
            <header class="pb-doc-head">
                <div class="pb-doc-issuer-top">{report.issuer.clone()}</div>
                <h1 class="pb-doc-title">{report.title.clone()}</h1>
                <div class="pb-doc-meta">
                    <span>{report.period.label(lang)}</span>
                    <span>{Msg::PbDocDate.text(lang)} {super::colon(lang)} {report.made.format_cst()} " " {Msg::PbCst.text(lang)}</span>
                </div>
            </header>
            {sections}
            <footer class="pb-doc-foot"><p class="pb-doc-clause">{crate::response::bulletin::cite(&plan.title, "§4.4").get(lang).to_owned()}</p></footer>
        </article>
    }
}
