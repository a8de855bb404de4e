//! What the user must know about their data, with a way out each time: the sample label, save
//! failures (quota, storage disabled), unreadable stored data, another tab's newer data, the
//! backup reminder, and one-line notices.

use super::download::download_text;
use super::i18n_ctx::I18n;
use super::persist::{self, SaveError};
use super::store::{now_iso, ReadOnly, SaveStatus, Store};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// Days without an exported snapshot before the reminder shows (browsers may clear site data).
const EXPORT_REMINDER_DAYS: f64 = 7.0;

/// `binjiang-district-2026-10-snapshot.json`: district, scope, latest month.
pub fn snapshot_file_name(store: Store) -> String {
    store.snap.with_untracked(|s| {
        let district = s
            .dataset
            .district()
            .map(|d| d.id.clone())
            .unwrap_or_else(|| "workspace".into());
        let month = s
            .dataset
            .span()
            .map(|(_, b)| b.to_string())
            .unwrap_or_else(|| now_iso().chars().take(10).collect());
        format!("{district}-{month}-snapshot.json")
    })
}

/// Downloads the workspace as a snapshot file and records the export.
pub fn export_snapshot(store: Store) -> Result<(), String> {
    let text = store.snap.with_untracked(|s| {
        let mut s = s.clone();
        s.created = now_iso();
        s.to_json_pretty()
    });
    download_text(&snapshot_file_name(store), "application/json", &text)?;
    store.note_export();
    Ok(())
}

fn reload_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// "saved 13:20" in the header.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    view! {
        <span
            class="save-indicator"
            id="save-state"
            role="status"
            aria-live="polite"
            data-busy=move || store.busy.get().then_some("true")
        >
            {move || {
                let lang = i18n.lang();
                if !store.loaded.get() {
                    return ().into_any();
                }
                match store.save.get() {
                    SaveStatus::Saved { at } => {
                        let time = local_time(&at);
                        view! {
                            <span class="saved" data-state="saved">
                                "✔ " {Msg::Saved.text(lang)} " " {time}
                            </span>
                        }
                            .into_any()
                    }
                    SaveStatus::Failed(_) => view! {
                        <span class="unsaved" data-state="failed">"⚠ " {Msg::NotSaved.text(lang)}</span>
                    }
                        .into_any(),
                    SaveStatus::NotSaving => view! {
                        <span class="unsaved" data-state="read-only">{Msg::ReadOnlyShort.text(lang)}</span>
                    }
                        .into_any(),
                }
            }}
        </span>
    }
}

fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn days_since(iso: &str) -> Option<f64> {
    let then = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso)).get_time();
    if then.is_nan() {
        return None;
    }
    Some((js_sys::Date::now() - then) / 86_400_000.0)
}

fn export_button(store: Store, lang: Lang, error: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="export-now"
            on:click=move |_| {
                if let Err(e) = export_snapshot(store) {
                    error.set(Some(e));
                }
            }
        >
            {Msg::ExportSnapshot.text(lang)}
        </button>
    }
}

#[component]
pub fn Banners() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let error = RwSignal::new(None::<String>);
    view! {
        // Failures and notices stay in view under the header; the sample label and the
        // reminder scroll with the page.
        <div class="banners sticky no-print">
            {move || {
                let lang = i18n.lang();
                store.read_only.get().map(|why| match why {
                    ReadOnly::CorruptStorage { error: why } => view! {
                        <div class="banner danger" role="alert" id="banner-corrupt">
                            <strong>{Msg::CorruptTitle.text(lang)}</strong> " " {why} " "
                            {Msg::CorruptBody.text(lang)}
                            <button
                                type="button"
                                on:click=move |_| {
                                    if let Some(raw) = persist::raw_snapshot() {
                                        let _ = download_text("stored-data.txt", "text/plain", &raw);
                                    }
                                }
                            >
                                {Msg::DownloadStored.text(lang)}
                            </button>
                            <button
                                type="button"
                                on:click=move |_| store.replace(crate::demo::snapshot(), true)
                            >
                                {Msg::ReplaceWithSample.text(lang)}
                            </button>
                        </div>
                    }
                    .into_any(),
                    ReadOnly::Shared => view! {
                        <div class="banner shared" role="status" id="banner-shared">
                            <strong>{Msg::SharedTitle.text(lang)}</strong> " " {Msg::SharedBody.text(lang)}
                            <button type="button" id="save-my-copy" on:click=move |_| store.save_as_my_copy()>
                                {Msg::SaveAsMyCopy.text(lang)}
                            </button>
                            <button type="button" id="back-to-mine" on:click=move |_| store.back_to_stored()>
                                {Msg::BackToMine.text(lang)}
                            </button>
                        </div>
                    }
                    .into_any(),
                    ReadOnly::NewerVersion { message } => view! {
                        <div class="banner danger" role="alert" id="banner-newer">
                            {message.get(lang).to_owned()}
                            <button type="button" on:click=move |_| store.back_to_stored()>
                                {Msg::BackToMine.text(lang)}
                            </button>
                        </div>
                    }
                    .into_any(),
                })
            }}
            {move || {
                let lang = i18n.lang();
                match store.save.get() {
                    SaveStatus::Failed(SaveError::NewerElsewhere(_)) => Some(
                        view! {
                            <div class="banner danger" role="alert" id="banner-conflict">
                                <strong>{Msg::ConflictTitle.text(lang)}</strong> " "
                                {Msg::ConflictBody.text(lang)}
                                <button type="button" on:click=move |_| store.reload_from_storage()>
                                    {Msg::LoadTheirs.text(lang)}
                                </button>
                                <button type="button" on:click=move |_| store.force_save()>
                                    {Msg::KeepMine.text(lang)}
                                </button>
                                {export_button(store, lang, error)}
                            </div>
                        }
                            .into_any(),
                    ),
                    SaveStatus::Failed(e @ (SaveError::Blocked | SaveError::Closed)) => {
                        let (id, text) = if e == SaveError::Blocked {
                            ("banner-storage-blocked", Msg::StorageBlocked)
                        } else {
                            ("banner-storage-closed", Msg::StorageTakenOver)
                        };
                        Some(
                            view! {
                                <div class="banner danger" role="alert" id=id>
                                    {text.text(lang)} " "
                                    <Show when=move || store.loaded.get()>
                                        {export_button(store, lang, error)}
                                    </Show>
                                    <button type="button" id="reload-page" on:click=move |_| reload_page()>
                                        {Msg::ReloadPage.text(lang)}
                                    </button>
                                </div>
                            }
                                .into_any(),
                        )
                    }
                    SaveStatus::Failed(e) => {
                        let detail = match e {
                            SaveError::Unavailable(m) | SaveError::Write(m) => m,
                            _ => String::new(),
                        };
                        Some(
                            view! {
                                <div class="banner danger" role="alert" id="banner-save-failed">
                                    <strong>{Msg::SaveFailedTitle.text(lang)}</strong> " " {detail} " "
                                    {Msg::SaveFailedBody.text(lang)}
                                    {export_button(store, lang, error)}
                                    <button type="button" id="save-retry" on:click=move |_| store.persist()>
                                        {Msg::TryAgain.text(lang)}
                                    </button>
                                </div>
                            }
                                .into_any(),
                        )
                    }
                    _ => None,
                }
            }}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <div class="banner danger" role="alert">
                                {e} <button type="button" on:click=move |_| error.set(None)>"×"</button>
                            </div>
                        }
                    })
            }}
            {move || {
                let lang = i18n.lang();
                store
                    .notice
                    .get()
                    .map(|n| {
                        view! {
                            <div class="banner info notice" role="status" id="notice">
                                {n.get(lang).to_owned()}
                                <Show when=move || store.can_undo()>
                                    <button type="button" id="notice-undo" on:click=move |_| store.undo()>
                                        "↶ " {Msg::Undo.text(lang)}
                                    </button>
                                </Show>
                                <button
                                    type="button"
                                    aria-label=Msg::Dismiss.text(lang)
                                    on:click=move |_| store.notice.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
        <div class="banners no-print">
            {move || {
                let lang = i18n.lang();
                (store.loaded.get() && store.is_sample.get()).then(|| {
                    view! {
                        <div class="banner sample" id="banner-sample">
                            <strong>{Msg::SampleData.text(lang)}</strong> " " {Msg::SampleBody.text(lang)}
                            <button
                                type="button"
                                id="start-empty"
                                on:click=move |_| store.replace(super::store::empty_workspace(), false)
                            >
                                {Msg::StartEmpty.text(lang)}
                            </button>
                        </div>
                    }
                })
            }}
            {move || {
                let lang = i18n.lang();
                let due = store.loaded.get()
                    && !store.is_sample.get()
                    && store.read_only.get().is_none()
                    && store
                        .last_export
                        .get()
                        .and_then(|t| days_since(&t))
                        .is_none_or(|d| d >= EXPORT_REMINDER_DAYS);
                due.then(|| {
                    view! {
                        <div class="banner info" id="banner-export-reminder">
                            {Msg::ExportReminder.text(lang)} {export_button(store, lang, error)}
                        </div>
                    }
                })
            }}
            {move || outliers_banner(store, i18n.lang())}
        </div>
    }
}

/// Months with data years away from the rest (see `Dataset::extent`): every timeline, chart and
/// table leaves them out, and says so here.
fn outliers_banner(store: Store, lang: Lang) -> Option<impl IntoView> {
    let extent = store.snap.with(|s| s.dataset.extent())?;
    if extent.outliers.is_empty() {
        return None;
    }
    let months: Vec<String> = extent
        .outliers
        .iter()
        .take(5)
        .map(|m| m.to_string())
        .collect();
    let more = extent.outliers.len().saturating_sub(months.len());
    let list = if more > 0 {
        format!("{} (+{more})", months.join(", "))
    } else {
        months.join(", ")
    };
    let text = match lang {
        Lang::Zh => format!(
            "时间轴、图表和表格只显示 {} – {}；以下有数据的月份远离其余数据（可能是年份输入错误），未计入：{list}",
            extent.first, extent.last
        ),
        Lang::En => format!(
            "Timelines, charts and tables show {} – {} only; these months with data lie years away from the rest (a typo'd year?) and are left out: {list}",
            extent.first, extent.last
        ),
    };
    Some(view! { <div class="banner warn" role="status" id="banner-outliers">{text}</div> })
}
