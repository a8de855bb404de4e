//! CSV import and export of monthly data and events: a preview of what will change, row-numbered
//! errors, nothing imported while any row is bad unless the user chooses to skip bad rows.

use super::download::download_text;
use super::i18n_ctx::I18n;
use super::persist::js_message;
use super::store::Store;
use crate::csv::{self, EventRow, ImportPreview, MonthlyRow};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[derive(Clone)]
enum Pending {
    Monthly(String, ImportPreview<MonthlyRow>),
    Events(String, ImportPreview<EventRow>),
}

/// Reads the first file of a file input as text: UTF-8, or GB18030 when the bytes are not UTF-8
/// (Excel in Chinese often saves CSV in the system code page).
pub async fn read_file(input: &web_sys::HtmlInputElement) -> Result<(String, String), String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| "no file".to_owned())?;
    let name = file.name();
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_message(&e))?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    let decode = |label: &str, fatal: bool| -> Result<String, String> {
        let opts = web_sys::TextDecoderOptions::new();
        opts.set_fatal(fatal);
        let d = web_sys::TextDecoder::new_with_label_and_options(label, &opts)
            .map_err(|e| js_message(&e))?;
        d.decode_with_js_u8_array(&bytes)
            .map_err(|e| js_message(&e))
    };
    let text = decode("utf-8", true).or_else(|_| decode("gb18030", false))?;
    Ok((name, text))
}

#[component]
pub fn CsvPanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let pending = RwSignal::new(None::<Pending>);
    let skip_bad = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);

    let export_monthly = move |_| {
        let lang = i18n.lang();
        let text = store
            .snap
            .with_untracked(|s| csv::export_monthly(&s.dataset, lang));
        if let Err(e) = download_text("monthly-data.csv", "text/csv;charset=utf-8", &text) {
            message.set(Some(e));
        }
    };
    let export_events = move |_| {
        let text = store
            .snap
            .with_untracked(|s| csv::export_events(&s.dataset));
        if let Err(e) = download_text("events.csv", "text/csv;charset=utf-8", &text) {
            message.set(Some(e));
        }
    };
    let pick = move |ev: leptos::ev::Event, events: bool| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        spawn_local(async move {
            match read_file(&input).await {
                Ok((name, text)) => {
                    let p = store.snap.with_untracked(|s| {
                        if events {
                            Pending::Events(name, csv::import_events(&s.dataset, &text))
                        } else {
                            Pending::Monthly(name, csv::import_monthly(&s.dataset, &text))
                        }
                    });
                    skip_bad.set(false);
                    message.set(None);
                    pending.set(Some(p));
                }
                Err(e) => message.set(Some(e)),
            }
            // The same file can be picked again after a fix.
            input.set_value("");
        });
    };
    let apply = move |_| {
        let lang = i18n.lang();
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let edit = match &p {
            Pending::Monthly(_, pr) => pr.to_edit(skip_bad.get_untracked()),
            Pending::Events(_, pr) => pr.to_edit(skip_bad.get_untracked()),
        };
        match edit {
            Ok(edit) => match store.apply(edit) {
                Ok(()) => {
                    pending.set(None);
                    message.set(Some(Msg::ImportDone.text(lang).to_owned()));
                }
                Err(t) => message.set(Some(t.get(lang).to_owned())),
            },
            Err(blocked) => message.set(Some(blocked.message(lang))),
        }
    };

    view! {
        <section class="csv">
            <h2>{i18n.tr(Msg::CsvTitle)}</h2>
            <div class="toolbar">
                <button type="button" id="export-monthly-csv" on:click=export_monthly>
                    {i18n.tr(Msg::ExportMonthlyCsv)}
                </button>
                <button type="button" id="export-events-csv" on:click=export_events>
                    {i18n.tr(Msg::ExportEventsCsv)}
                </button>
                <label class="file-button">
                    {i18n.tr(Msg::ImportMonthlyCsv)}
                    <input
                        type="file"
                        id="import-monthly-csv"
                        prop:disabled=move || store.read_only.get().is_some()
                        accept=".csv,.tsv,.txt,text/csv"
                        on:change=move |ev| pick(ev, false)
                    />
                </label>
                <label class="file-button">
                    {i18n.tr(Msg::ImportEventsCsv)}
                    <input
                        type="file"
                        id="import-events-csv"
                        prop:disabled=move || store.read_only.get().is_some()
                        accept=".csv,.tsv,.txt,text/csv"
                        on:change=move |ev| pick(ev, true)
                    />
                </label>
            </div>
            <p class="muted small">{i18n.tr(Msg::CsvHelp)}</p>
            {move || message.get().map(|m| view! { <p class="status-line" id="csv-message" role="status">{m}</p> })}
            {move || {
                let lang = i18n.lang();
                pending
                    .get()
                    .map(|p| {
                        let (name, add, change, same, errors, ignored) = match &p {
                            Pending::Monthly(n, pr) => (n.clone(), pr.to_add(), pr.to_change(), pr.unchanged(), pr.errors.clone(), pr.ignored_columns.clone()),
                            Pending::Events(n, pr) => (n.clone(), pr.to_add(), pr.to_change(), pr.unchanged(), pr.errors.clone(), pr.ignored_columns.clone()),
                        };
                        let clean = errors.is_empty();
                        let error_items = errors
                            .iter()
                            .map(|e| view! { <li>{e.message(lang)}</li> })
                            .collect_view();
                        let ignored = (!ignored.is_empty())
                            .then(|| view! { <p class="muted small">{Msg::IgnoredColumns.text(lang)} ": " {ignored.join(", ")}</p> });
                        view! {
                            <div class="import-preview" id="import-preview">
                                <h3>{Msg::ImportPreview.text(lang)} ": " {name}</h3>
                                <p>
                                    <span data-count="add">{add}</span> " " {Msg::RowsAdd.text(lang)} " · "
                                    <span data-count="change">{change}</span> " " {Msg::RowsChange.text(lang)} " · "
                                    <span data-count="same">{same}</span> " " {Msg::RowsSame.text(lang)}
                                </p>
                                {ignored}
                                {(!clean)
                                    .then(|| {
                                        view! {
                                            <div class="import-errors" role="alert">
                                                <strong>{error_count(errors.len(), lang)}</strong>
                                                <ul id="import-errors">{error_items}</ul>
                                                <label class="check">
                                                    <input
                                                        type="checkbox"
                                                        id="skip-bad-rows"
                                                        prop:checked=move || skip_bad.get()
                                                        on:change=move |ev| skip_bad.set(event_target_checked(&ev))
                                                    />
                                                    {Msg::SkipBadRows.text(lang)}
                                                </label>
                                            </div>
                                        }
                                    })}
                                <button
                                    type="button"
                                    id="import-apply"
                                    prop:disabled=move || !clean && !skip_bad.get()
                                    on:click=apply
                                >
                                    {Msg::ImportApply.text(lang)}
                                </button>
                                <button type="button" on:click=move |_| pending.set(None)>
                                    {Msg::Cancel.text(lang)}
                                </button>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

fn error_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 处错误。默认不导入任何数据。"),
        Lang::En => format!("{n} error(s). By default nothing is imported."),
    }
}
