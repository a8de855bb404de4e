//! The audit trail: every level change, decision, approval, bulletin and measure update with
//! its time and who recorded it — append-only, shown as a timeline (oldest or newest first),
//! exported as CSV; it travels in the snapshot with the record.

use super::{none_yet, outcome_view, section_head, Pb};
use crate::i18n::Msg;
use crate::plan::Text;
use crate::ui::download::download_text;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use leptos::prelude::*;

#[component]
pub fn AuditSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let newest_first = RwSignal::new(true);
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let export = move |_| {
        let lang = i18n.0.get_untracked();
        let csv = store.snap.with_untracked(|s| s.response.audit_csv(lang));
        let name = format!(
            "audit-trail-{}.csv",
            pb.clock
                .now_untracked()
                .format_cst()
                .replace([' ', ':'], "-")
        );
        match download_text(&name, "text/csv;charset=utf-8", &csv) {
            Ok(()) => out.set(Some(Ok(Text {
                zh: format!("{}：{name}", Msg::PbExported.text(crate::i18n::Lang::Zh)),
                en: format!("{}: {name}", Msg::PbExported.text(crate::i18n::Lang::En)),
            }))),
            Err(e) => out.set(Some(Err(Text::new(&e, &e)))),
        }
    };
    view! {
        <section id="pb-audit" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecAudit, &[])}
            <p class="muted">{i18n.tr(Msg::PbAuditHelp)}</p>
            <div class="pb-row no-print">
                <label class="pb-field" for="pb-audit-order">
                    <span>{i18n.tr(Msg::PbOrder)}</span>
                    <select
                        id="pb-audit-order"
                        prop:value=move || if newest_first.get() { "newest" } else { "oldest" }
                        on:change=move |ev| newest_first.set(event_target_value(&ev) == "newest")
                    >
                        <option value="newest">{i18n.tr(Msg::PbNewestFirst)}</option>
                        <option value="oldest">{i18n.tr(Msg::PbOldestFirst)}</option>
                    </select>
                </label>
                <button type="button" id="pb-audit-export" on:click=export>{i18n.tr(Msg::PbExportCsv)}</button>
            </div>
            {outcome_view(out)}
            {move || {
                let lang = i18n.lang();
                let Some(id) = pb.resp.with(|r| r.as_ref().map(|r| r.id)) else { return none_yet(lang) };
                let mut entries: Vec<_> = store.snap.with(|s| {
                    s.response
                        .audit_of(id)
                        .into_iter()
                        .map(|e| (e.seq, e.at, e.by.clone(), e.event.describe(lang)))
                        .collect()
                });
                if newest_first.get() {
                    entries.reverse();
                }
                view! {
                    <ol class="pb-timeline" id="pb-audit-list" reversed=newest_first.get()>
                        {entries
                            .into_iter()
                            .map(|(seq, at, by, what)| view! {
                                <li data-seq=seq>
                                    <time class="num">{at.format_cst()}</time>
                                    <span class="pb-who">{by}</span>
                                    <span class="pb-what">{what}</span>
                                </li>
                            })
                            .collect_view()}
                    </ol>
                }
                .into_any()
            }}
        </section>
    }
}
