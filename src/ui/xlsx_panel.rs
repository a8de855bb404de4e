//! Excel in, Excel out on the data page: import a workbook through the same preview → errors →
//! apply path as CSV (with a sheet picker and cell references), a filled-in street report
//! template through the street-snapshot merge, the template download and the .xlsx export.
//! Reading and writing workbooks happens in a worker (super::xlsx_worker); the preview and
//! the edit are made here from the cells it returns.

use super::download::download_bytes;
use super::i18n_ctx::I18n;
use super::persist::js_message;
use super::store::Store;
use super::xlsx_worker;
use crate::csv::{EventRow, ImportPreview, MonthlyRow};
use crate::i18n::{Lang, Msg};
use crate::snapshot::Resolution;
use crate::xlsx::{self, Book, CellError, TableKind};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What an import would do, ready to apply.
#[derive(Clone)]
enum Pending {
    Monthly(ImportPreview<MonthlyRow>),
    Events(ImportPreview<EventRow>),
    /// A street report: the merge's counts and conflicts.
    Report {
        added: usize,
        changed: usize,
        conflicts: Vec<String>,
    },
}

#[derive(Clone)]
struct Loaded {
    name: String,
    book: Book,
    sheet: Option<String>,
}

async fn file_bytes(input: &web_sys::HtmlInputElement) -> Result<(String, Vec<u8>), String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| "no file".to_owned())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_message(&e))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The preview of a loaded workbook against the current data, and its errors.
fn preview(store: Store, loaded: &Loaded) -> Result<(Pending, Vec<CellError>), String> {
    store.snap.with_untracked(|s| {
        if let Some(t) = xlsx::read_template(&loaded.book, s) {
            let t = t.map_err(|e| format!("{} / {}", e.message(Lang::Zh), e.message(Lang::En)))?;
            let plan = t.plan(&s.dataset);
            let sum = plan.summary();
            let conflicts = plan
                .conflicts()
                .map(|c| format!("{} / {}", c.key.label(Lang::Zh), c.key.label(Lang::En)))
                .collect();
            let p = Pending::Report {
                added: sum.observations.added + sum.closures.added + sum.layoffs.added,
                changed: sum.observations.changed + sum.closures.changed + sum.layoffs.changed,
                conflicts,
            };
            return Ok((p, t.errors));
        }
        let sheet = loaded.sheet.as_deref();
        let monthly_here = match sheet {
            Some(n) => loaded
                .book
                .sheet(n)
                .is_some_and(|s| xlsx::read::has_table(s, TableKind::Monthly)),
            None => loaded.book.find_table(TableKind::Monthly).is_some(),
        };
        let events_here = match sheet {
            Some(n) => loaded
                .book
                .sheet(n)
                .is_some_and(|s| xlsx::read::has_table(s, TableKind::Events)),
            None => loaded.book.find_table(TableKind::Events).is_some(),
        };
        if events_here && !monthly_here {
            let imp = loaded
                .book
                .import_events(&s.dataset, sheet)
                .map_err(|e| e.both())?;
            let errors = imp.errors();
            Ok((Pending::Events(imp.preview), errors))
        } else {
            let imp = loaded
                .book
                .import_monthly(&s.dataset, sheet)
                .map_err(|e| e.both())?;
            let errors = imp.errors();
            Ok((Pending::Monthly(imp.preview), errors))
        }
    })
}

#[component]
pub fn XlsxPanel() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let loaded = RwSignal::new(None::<Loaded>);
    let pending = RwSignal::new(None::<(Pending, Vec<CellError>)>);
    let skip_bad = RwSignal::new(false);
    let take_theirs = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let refresh = move || {
        let Some(l) = loaded.get_untracked() else {
            pending.set(None);
            return;
        };
        match preview(store, &l) {
            Ok(p) => {
                message.set(None);
                pending.set(Some(p));
            }
            Err(e) => {
                message.set(Some(e));
                pending.set(None);
            }
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let lang = i18n.lang();
            match file_bytes(&input).await {
                Ok((name, bytes)) => match xlsx_worker::read(&bytes).await {
                    Ok(book) => {
                        skip_bad.set(false);
                        take_theirs.set(false);
                        loaded.set(Some(Loaded {
                            name,
                            book,
                            sheet: None,
                        }));
                        refresh();
                    }
                    Err(f) => {
                        loaded.set(None);
                        pending.set(None);
                        message.set(Some(f.get(lang).to_owned()));
                    }
                },
                Err(e) => message.set(Some(e)),
            }
            busy.set(false);
            input.set_value("");
        });
    };
    let apply = move |_| {
        let lang = i18n.lang();
        let (Some((p, _)), Some(l)) = (pending.get_untracked(), loaded.get_untracked()) else {
            return;
        };
        let edit = match &p {
            Pending::Monthly(pr) => pr
                .to_edit(skip_bad.get_untracked())
                .map_err(|b| b.message(lang)),
            Pending::Events(pr) => pr
                .to_edit(skip_bad.get_untracked())
                .map_err(|b| b.message(lang)),
            Pending::Report { .. } => store.snap.with_untracked(|s| {
                let t = xlsx::read_template(&l.book, s)
                    .ok_or_else(|| "not a template".to_owned())?
                    .map_err(|e| e.message(lang))?;
                if !t.errors.is_empty() && !skip_bad.get_untracked() {
                    return Err(crate::csv::ImportBlocked {
                        errors: t.errors.len(),
                    }
                    .message(lang));
                }
                let plan = t.plan(&s.dataset);
                let r = if take_theirs.get_untracked() {
                    Resolution::TakeTheirs
                } else {
                    Resolution::KeepMine
                };
                let merged = plan
                    .merge(&plan.resolve_all(r))
                    .map_err(|e| e.message(lang))?;
                merged.edit.ok_or_else(|| "no edit".to_owned())
            }),
        };
        match edit {
            Ok(edit) => match store.apply(edit) {
                Ok(()) => {
                    pending.set(None);
                    loaded.set(None);
                    message.set(Some(Msg::ImportDone.text(lang).to_owned()));
                }
                Err(t) => message.set(Some(t.get(lang).to_owned())),
            },
            Err(m) => message.set(Some(m)),
        }
    };
    let export = move |_| {
        let lang = i18n.lang();
        let json = store.snap.with_untracked(|s| s.to_json_compact());
        busy.set(true);
        spawn_local(async move {
            match xlsx_worker::export(json, lang).await {
                Ok(bytes) => {
                    if let Err(e) = download_bytes("uew-data.xlsx", XLSX_MIME, &bytes) {
                        message.set(Some(e));
                    }
                }
                Err(f) => message.set(Some(f.get(lang).to_owned())),
            }
            busy.set(false);
        });
    };

    let streets = move || {
        store.snap.with(|s| {
            s.dataset
                .streets()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let street = RwSignal::new(String::new());
    let default_month = move || {
        store.snap.with_untracked(|s| {
            s.dataset
                .span()
                .and_then(|(_, to)| to.succ())
                .map(|m| m.to_string())
                .unwrap_or_default()
        })
    };
    let month = RwSignal::new(default_month());
    let download_template = move |_| {
        let lang = i18n.lang();
        let json = store.snap.with_untracked(|s| s.to_json_compact());
        let st = street.get_untracked();
        let st = if st.is_empty() {
            streets().first().map(|s| s.0.clone()).unwrap_or_default()
        } else {
            st
        };
        let m = month.get_untracked();
        busy.set(true);
        spawn_local(async move {
            match xlsx_worker::template(json, st.clone(), m.clone()).await {
                Ok(bytes) => {
                    let name = format!("{st}-{m}-report.xlsx");
                    if let Err(e) = download_bytes(&name, XLSX_MIME, &bytes) {
                        message.set(Some(e));
                    }
                }
                Err(f) => message.set(Some(f.get(lang).to_owned())),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="csv xlsx">
            <h2>{i18n.tr(Msg::XlsxTitle)}</h2>
            <div class="toolbar">
                <button type="button" id="export-xlsx" on:click=export prop:disabled=move || busy.get()>
                    {i18n.tr(Msg::ExportXlsx)}
                </button>
                <label class="file-button">
                    {i18n.tr(Msg::ImportXlsx)}
                    <input
                        type="file"
                        id="import-xlsx"
                        prop:disabled=move || store.read_only.get().is_some() || busy.get()
                        accept=".xlsx,.xlsm,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
                        on:change=pick
                    />
                </label>
            </div>
            <div class="toolbar">
                <label>
                    {i18n.tr(Msg::TemplateStreet)} " "
                    <select id="template-street" on:change=move |ev| street.set(event_target_value(&ev))>
                        {move || {
                            streets()
                                .into_iter()
                                .map(|(id, name)| view! { <option value=id.clone()>{name} " (" {id.clone()} ")"</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    {i18n.tr(Msg::TemplateMonth)} " "
                    <input
                        type="month"
                        id="template-month"
                        prop:value=move || month.get()
                        on:change=move |ev| month.set(event_target_value(&ev))
                    />
                </label>
                <button type="button" id="download-template" on:click=download_template prop:disabled=move || busy.get()>
                    {i18n.tr(Msg::DownloadTemplate)}
                </button>
            </div>
            <p class="muted small">{i18n.tr(Msg::XlsxHelp)}</p>
            {move || busy.get().then(|| view! { <p class="muted small" role="status">{i18n.t(Msg::XlsxLoading)}</p> })}
            {move || message.get().map(|m| view! { <p class="status-line" id="xlsx-message" role="status">{m}</p> })}
            {move || {
                let lang = i18n.lang();
                let l = loaded.get()?;
                let (p, errors) = pending.get()?;
                let sheets = l
                    .book
                    .sheets
                    .iter()
                    .map(|s| {
                        let label = if s.hidden {
                            format!("{} {}", s.name, Msg::XlsxHiddenSheet.text(lang))
                        } else {
                            s.name.clone()
                        };
                        let selected = l.sheet.as_deref() == Some(s.name.as_str());
                        view! { <option value=s.name.clone() selected=selected>{label}</option> }
                    })
                    .collect_view();
                let picker = (!matches!(p, Pending::Report { .. }))
                    .then(|| {
                        view! {
                            <label>
                                {Msg::XlsxSheet.text(lang)} " "
                                <select
                                    id="xlsx-sheet"
                                    on:change=move |ev| {
                                        let name = event_target_value(&ev);
                                        loaded.update(|l| if let Some(l) = l { l.sheet = Some(name) });
                                        refresh();
                                    }
                                >
                                    <option value="" selected=l.sheet.is_none()>"—"</option>
                                    {sheets}
                                </select>
                            </label>
                        }
                    });
                let (title, counts) = match &p {
                    Pending::Monthly(pr) => (Msg::ImportPreview.text(lang), (pr.to_add(), pr.to_change(), pr.unchanged())),
                    Pending::Events(pr) => (Msg::ImportPreview.text(lang), (pr.to_add(), pr.to_change(), pr.unchanged())),
                    Pending::Report { added, changed, .. } => (Msg::TemplatePreview.text(lang), (*added, *changed, 0)),
                };
                let conflicts = match &p {
                    Pending::Report { conflicts, .. } if !conflicts.is_empty() => {
                        let items = conflicts.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view();
                        Some(view! {
                            <div class="import-errors">
                                <strong>{Msg::TemplateConflicts.text(lang)}</strong>
                                <ul id="xlsx-conflicts">{items}</ul>
                                <label class="check">
                                    <input type="radio" name="xlsx-resolution" id="xlsx-keep-mine"
                                        prop:checked=move || !take_theirs.get()
                                        on:change=move |_| take_theirs.set(false)/>
                                    {Msg::TemplateKeepMine.text(lang)}
                                </label>
                                <label class="check">
                                    <input type="radio" name="xlsx-resolution" id="xlsx-take-theirs"
                                        prop:checked=move || take_theirs.get()
                                        on:change=move |_| take_theirs.set(true)/>
                                    {Msg::TemplateTakeTheirs.text(lang)}
                                </label>
                            </div>
                        })
                    }
                    _ => None,
                };
                let clean = errors.is_empty();
                let error_items = errors
                    .iter()
                    .map(|e| view! { <li>{e.message(lang)}</li> })
                    .collect_view();
                Some(view! {
                    <div class="import-preview" id="xlsx-preview">
                        <h3>{title} ": " {l.name.clone()}</h3>
                        {picker}
                        <p>
                            <span data-count="add">{counts.0}</span> " " {Msg::RowsAdd.text(lang)} " · "
                            <span data-count="change">{counts.1}</span> " " {Msg::RowsChange.text(lang)} " · "
                            <span data-count="same">{counts.2}</span> " " {Msg::RowsSame.text(lang)}
                        </p>
                        {conflicts}
                        {(!clean).then(|| view! {
                            <div class="import-errors" role="alert">
                                <ul id="xlsx-errors">{error_items}</ul>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        id="xlsx-skip-bad-rows"
                                        prop:checked=move || skip_bad.get()
                                        on:change=move |ev| skip_bad.set(event_target_checked(&ev))
                                    />
                                    {Msg::SkipBadRows.text(lang)}
                                </label>
                            </div>
                        })}
                        <button
                            type="button"
                            id="xlsx-apply"
                            prop:disabled=move || !clean && !skip_bad.get()
                            on:click=apply
                        >
                            {Msg::ImportApply.text(lang)}
                        </button>
                        <button type="button" on:click=move |_| { pending.set(None); loaded.set(None); }>
                            {Msg::Cancel.text(lang)}
                        </button>
                    </div>
                })
            }}
        </section>
    }
}
