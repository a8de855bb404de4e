//! Snapshots and sharing: export (whole district or one street), import by file or drop with a
//! full check and a preview (replace or merge, every conflict decided by the user, an automatic
//! backup restorable in one click), and server-free share links.

use super::banners::{export_snapshot, snapshot_file_name};
use super::csv_panel::read_file;
use super::derived::region_name;
use super::download::download_text;
use super::i18n_ctx::I18n;
use super::persist::{self, js_message};
use super::store::{now_iso, ReadOnly, Store};
use super::widgets::clause_tag;
use crate::i18n::{Lang, Msg};
use crate::snapshot::ProblemKind;
use crate::snapshot::{
    diff, share, Counts, ImportPlan, ItemKey, Opened, Resolution, Resolutions, Snapshot,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The steps of an import, shown while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Reading,
    /// Parsing and checking the text (its length in bytes).
    Checking(usize),
    /// Comparing with the workspace for the preview.
    Comparing,
}

impl Step {
    fn number(self) -> u8 {
        match self {
            Step::Reading => 1,
            Step::Checking(_) => 2,
            Step::Comparing => 3,
        }
    }

    fn text(self, lang: Lang) -> String {
        match self {
            Step::Reading => Msg::ImportReading.text(lang).to_owned(),
            Step::Checking(bytes) => {
                let mb = format!("{:.1}", bytes as f64 / 1_000_000.0);
                crate::tr!(
                    lang,
                    "正在检查 {mb} MB（大文件需数秒）…",
                    "Checking {mb} MB (a few seconds for a large file)…"
                )
            }
            Step::Comparing => Msg::ImportComparing.text(lang).to_owned(),
        }
    }
}

/// Lets the page draw (the progress line) and take a click before the next long step.
async fn paint() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

type LocalBoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;

/// A file read and checked, waiting for the user's decision.
#[derive(Clone)]
struct Pending {
    name: String,
    opened: Opened,
    plan: Option<ImportPlan>,
}

/// Far-from-data warnings listed openly in the import preview; the rest are counted.
const FAR_SHOWN: usize = 5;

#[component]
pub fn SnapshotsView() -> impl IntoView {
    let i18n = I18n::get();
    view! {
        <div class="snapshots-view">
            <h1>{i18n.tr(Msg::NavSnapshots)} " " {clause_tag("§4.4")}</h1>
            <ExportSection/>
            <ImportSection/>
            <ShareSection/>
        </div>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let street = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let export_street = move |_| {
        let id = street.get_untracked();
        let snap = store.snap.with_untracked(|s| s.for_street(&id));
        match snap {
            Some(mut s) => {
                s.created = now_iso();
                let base = snapshot_file_name(store);
                let name = base.replacen("-snapshot", &format!("-{id}-snapshot"), 1);
                if let Err(e) = download_text(&name, "application/json", &s.to_json_pretty()) {
                    message.set(Some(e));
                } else {
                    store.note_export();
                }
            }
            None => message.set(Some(Msg::Required.text(i18n.lang()).to_owned())),
        }
    };
    view! {
        <section>
            <h2>{i18n.tr(Msg::SnapExportTitle)}</h2>
            <p class="muted">{i18n.tr(Msg::SnapExportHelp)}</p>
            <div class="toolbar">
                <button
                    type="button"
                    id="export-snapshot"
                    on:click=move |_| {
                        if let Err(e) = export_snapshot(store) {
                            message.set(Some(e));
                        }
                    }
                >
                    {i18n.tr(Msg::ExportWhole)}
                </button>
                <StreetSelect value=street/>
                <button type="button" id="export-street" on:click=export_street>
                    {i18n.tr(Msg::ExportStreet)}
                </button>
            </div>
            {move || message.get().map(|m| view! { <p class="error" role="alert">{m}</p> })}
        </section>
    }
}

/// A street picker bound to `value` (a street id).
#[component]
fn StreetSelect(value: RwSignal<String>) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    view! {
        <select
            class="street-select"
            aria-label=i18n.tr(Msg::Street)
            prop:value=move || value.get()
            on:change=move |ev| value.set(event_target_value(&ev))
        >
            <option value="">{move || format!("— {} —", i18n.t(Msg::Street))}</option>
            {move || {
                let lang = i18n.lang();
                store
                    .snap
                    .with(|s| {
                        s.dataset
                            .streets()
                            .map(|r| view! { <option value=r.id.clone()>{region_name(r, lang)}</option> })
                            .collect_view()
                    })
            }}
        </select>
    }
}

fn counts_row(label: &str, c: &Counts) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{label.to_owned()}</th>
            <td class="num">{c.added}</td>
            <td class="num">{c.changed}</td>
            <td class="num">{c.identical}</td>
            <td class="num" class:conflict={c.conflicting > 0}>{c.conflicting}</td>
        </tr>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let pending = RwSignal::new(None::<Pending>);
    let choices = RwSignal::new(Resolutions::new());
    let message = RwSignal::new(None::<String>);
    let backup_rev = RwSignal::new(0u32);

    // Where a running import is (a large file takes seconds), and which import is the live
    // one: Cancel, or a newer import, makes the older one stop at its next step.
    let busy = RwSignal::new(None::<(String, Step)>);
    let run = StoredValue::new(0u32);

    // Shows a checked file's preview; nothing is touched until the user decides.
    let take_opened =
        move |name: String, opened: Result<Opened, crate::snapshot::SnapshotError>| {
            let lang = i18n.lang();
            match opened {
                Ok(opened) => {
                    let plan = opened.read_only.is_none().then(|| {
                        store
                            .snap
                            .with_untracked(|s| diff(&s.dataset, &opened.snapshot.dataset))
                    });
                    choices.set(Resolutions::new());
                    message.set(None);
                    pending.set(Some(Pending { name, opened, plan }));
                }
                Err(e) => {
                    pending.set(None);
                    message.set(Some(format!("{name}: {}", e.message(lang))));
                }
            }
        };
    // Read → check → compare, the page drawn between the steps so the progress line shows and
    // Cancel is taken; each step first asks whether this import is still the live one.
    let import = move |name: String, read: LocalBoxFuture<Result<String, String>>| {
        let me = run.get_value().wrapping_add(1);
        run.set_value(me);
        pending.set(None);
        message.set(None);
        busy.set(Some((name.clone(), Step::Reading)));
        spawn_local(async move {
            let live = move || run.try_get_value() == Some(me);
            let text = read.await;
            if !live() {
                return;
            }
            let text = match text {
                Ok(t) => t,
                Err(e) => {
                    busy.set(None);
                    message.set(Some(e));
                    return;
                }
            };
            busy.set(Some((name.clone(), Step::Checking(text.len()))));
            paint().await;
            if !live() {
                return;
            }
            let opened = Snapshot::open(&text);
            drop(text);
            busy.set(Some((name.clone(), Step::Comparing)));
            paint().await;
            if !live() {
                return;
            }
            take_opened(name, opened);
            busy.set(None);
        });
    };
    let cancel = move |_| {
        run.update_value(|r| *r = r.wrapping_add(1));
        busy.set(None);
        message.set(Some(i18n.t(Msg::ImportCancelled).to_owned()));
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let name = input
            .files()
            .and_then(|f| f.get(0))
            .map(|f| f.name())
            .unwrap_or_default();
        import(
            name,
            Box::pin(async move {
                let read = read_file(&input).await.map(|(_, text)| text);
                input.set_value("");
                read
            }),
        );
    };
    let drop_file = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        import(
            file.name(),
            Box::pin(async move {
                wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .map(|t| t.as_string().unwrap_or_default())
                    .map_err(|e| js_message(&e))
            }),
        );
    };
    let replace = move |_| {
        let lang = i18n.lang();
        let Some(p) = pending.get_untracked() else {
            return;
        };
        match store.import_replace(p.opened.snapshot, "import") {
            Ok(()) => {
                pending.set(None);
                backup_rev.update(|r| *r += 1);
                message.set(Some(Msg::ImportedReplaced.text(lang).to_owned()));
            }
            Err(e) => message.set(Some(e)),
        }
    };
    let merge = move |_| {
        let lang = i18n.lang();
        let Some(Pending {
            plan: Some(plan), ..
        }) = pending.get_untracked()
        else {
            return;
        };
        if !plan.is_based_on(&store.snap.with_untracked(|s| s.dataset.clone())) {
            message.set(Some(Msg::ImportStale.text(lang).to_owned()));
            return;
        }
        match plan.merge(&choices.get_untracked()) {
            Ok(merged) => {
                let mut snap = store.snap.get_untracked();
                snap.dataset = merged.dataset;
                match store.import_replace(snap, "merge") {
                    Ok(()) => {
                        pending.set(None);
                        backup_rev.update(|r| *r += 1);
                        message.set(Some(Msg::ImportedMerged.text(lang).to_owned()));
                    }
                    Err(e) => message.set(Some(e)),
                }
            }
            Err(e) => message.set(Some(e.message(lang))),
        }
    };
    let restore = move |_| {
        if let Err(t) = store.restore_backup() {
            message.set(Some(t.get(i18n.lang()).to_owned()));
        }
        backup_rev.update(|r| *r += 1);
    };

    view! {
        <section>
            <h2>{i18n.tr(Msg::SnapImportTitle)}</h2>
            <p class="muted">{i18n.tr(Msg::SnapImportHelp)}</p>
            <div
                class="drop-zone"
                id="drop-zone"
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=drop_file
            >
                <label class="file-button">
                    {i18n.tr(Msg::ChooseFile)}
                    <input type="file" id="import-snapshot" accept=".json,application/json" on:change=pick/>
                </label>
                <span class="muted">{i18n.tr(Msg::DropHere)}</span>
            </div>
            {move || {
                busy.get().map(|(name, step)| {
                    view! {
                        <div class="import-progress" id="import-progress" role="status">
                            <progress max="3" value=step.number()></progress>
                            <span id="import-step" data-step=step.number()>{name} " · " {step.text(i18n.lang())}</span>
                            <button type="button" id="import-cancel" on:click=cancel>{i18n.t(Msg::Cancel)}</button>
                        </div>
                    }
                })
            }}
            {move || message.get().map(|m| view! { <p class="status-line" id="snapshot-message" role="status">{m}</p> })}
            {move || {
                let lang = i18n.lang();
                pending
                    .get()
                    .map(|p| {
                        // The far months are listed openly below; the rest are folded here.
                        let others: Vec<String> = p
                            .opened
                            .warnings
                            .iter()
                            .filter(|w| !matches!(w.kind, ProblemKind::FarFromData { .. }))
                            .map(|w| w.message(lang))
                            .collect();
                        let n_others = others.len();
                        let warnings = others
                            .into_iter()
                            .map(|m| view! { <li>{m}</li> })
                            .collect_view();
                        // Months years away from the rest (a typo'd year) are shown openly,
                        // not folded with the other warnings: they are what to check first.
                        let far: Vec<String> = p
                            .opened
                            .warnings
                            .iter()
                            .filter(|w| matches!(w.kind, ProblemKind::FarFromData { .. }))
                            .map(|w| w.message(lang))
                            .collect();
                        let far = (!far.is_empty()).then(|| {
                            let more = far.len().saturating_sub(FAR_SHOWN);
                            let items = far
                                .into_iter()
                                .take(FAR_SHOWN)
                                .map(|m| view! { <li>{m}</li> })
                                .collect_view();
                            view! {
                                <div class="banner warn" role="alert" id="import-far-warning">
                                    <strong>{Msg::FarFromData.text(lang)}</strong>
                                    <ul>{items}</ul>
                                    {(more > 0).then(|| view! { <p class="muted">"+" {more}</p> })}
                                </div>
                            }
                        });
                        let migrated = p.opened.migrated_from.map(|v| {
                            view! { <p class="muted">{Msg::MigratedFrom.text(lang)} " " {v}</p> }
                        });
                        let body = match (&p.opened.read_only, &p.plan) {
                            (Some(why), _) => {
                                let snap = p.opened.snapshot.clone();
                                let text = why.text();
                                view! {
                                    <p class="error">{why.message(lang)}</p>
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            store
                                                .show_read_only(
                                                    snap.clone(),
                                                    ReadOnly::NewerVersion { message: text.clone() },
                                                )
                                        }
                                    >
                                        {Msg::OpenReadOnly.text(lang)}
                                    </button>
                                }
                                    .into_any()
                            }
                            (None, Some(plan)) => {
                                preview(plan, choices, lang, &p.opened.snapshot.dataset)
                                    .into_any()
                            }
                            (None, None) => ().into_any(),
                        };
                        let has_plan = p.plan.is_some() && p.opened.read_only.is_none();
                        view! {
                            <div class="import-preview" id="snapshot-preview">
                                <h3>{Msg::ImportPreview.text(lang)} ": " {p.name.clone()}</h3>
                                {migrated}
                                {far}
                                {(n_others > 0)
                                    .then(|| view! {
                                        <details class="warnings">
                                            <summary>{Msg::Warnings.text(lang)} " (" {n_others} ")"</summary>
                                            <ul>{warnings}</ul>
                                        </details>
                                    })}
                                {body}
                                {beside_note(&p.opened.snapshot, lang)}
                                <div class="toolbar">
                                    {has_plan
                                        .then(|| view! {
                                            <button type="button" id="snapshot-merge" on:click=merge>
                                                {Msg::Merge.text(lang)}
                                            </button>
                                            <button type="button" id="snapshot-replace" on:click=replace>
                                                {Msg::Replace.text(lang)}
                                            </button>
                                        })}
                                    <button type="button" on:click=move |_| pending.set(None)>
                                        {Msg::Cancel.text(lang)}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            <h3>{i18n.tr(Msg::BackupTitle)}</h3>
            {move || {
                backup_rev.track();
                store.snap.track();
                let lang = i18n.lang();
                match persist::read_backup() {
                    Some((_, meta)) => view! {
                        <p>
                            <button type="button" id="restore-backup" on:click=restore>
                                {Msg::RestoreBackup.text(lang)}
                            </button>
                            " " <span class="muted" id="backup-label">{backup_label(&meta.saved, &meta.reason, lang)}</span>
                        </p>
                    }
                        .into_any(),
                    None => view! { <p class="muted">{Msg::NoBackup.text(lang)}</p> }.into_any(),
                }
            }}
        </section>
    }
}

/// "2026-11-30 03:02（北京时间）· 合并前" rather than the stored UTC instant and reason key.
fn backup_label(saved: &str, reason: &str, lang: Lang) -> String {
    let when = crate::response::Timestamp::parse_rfc3339(saved)
        .map(|t| format!("{} {}", t.format_cst(), Msg::PbCst.text(lang)))
        .unwrap_or_else(|_| saved.to_owned());
    let why = match reason {
        "import" => Msg::BackupBeforeImport.text(lang).to_owned(),
        "merge" => Msg::BackupBeforeMerge.text(lang).to_owned(),
        "share" => Msg::BackupBeforeShare.text(lang).to_owned(),
        "restore" => Msg::BackupBeforeRestore.text(lang).to_owned(),
        other => other.to_owned(),
    };
    format!("{when} · {why}")
}

/// A region's name from either side (the id only when neither knows it).
fn region_named(
    id: &str,
    mine: &crate::model::Dataset,
    theirs: &crate::model::Dataset,
    lang: Lang,
) -> String {
    mine.region(id)
        .or_else(|| theirs.region(id))
        .map(|r| region_name(r, lang))
        .unwrap_or_else(|| id.to_owned())
}

/// An import item in people's words: the region's name and the month, the enterprise of an
/// event, rather than the ids the snapshot keys them by.
fn item_name(
    key: &ItemKey,
    mine: &crate::model::Dataset,
    theirs: &crate::model::Dataset,
    lang: Lang,
) -> String {
    let enterprise = |closure: bool, id: &str| {
        let find = |d: &crate::model::Dataset| {
            if closure {
                d.closures
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.enterprise.clone())
            } else {
                d.layoffs
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.enterprise.clone())
            }
        };
        find(mine).or_else(|| find(theirs))
    };
    match key {
        ItemKey::Region(id) => format!(
            "{} {}",
            Msg::RegionWord.text(lang),
            region_named(id, mine, theirs, lang)
        ),
        ItemKey::Observation { region, month } => {
            format!("{} {month}", region_named(region, mine, theirs, lang))
        }
        ItemKey::Closure(id) => match enterprise(true, id) {
            Some(e) => format!("{} · {e}", Msg::ScKindClosure.text(lang)),
            None => key.label(lang),
        },
        ItemKey::Layoff(id) => match enterprise(false, id) {
            Some(e) => format!("{} · {e}", Msg::ScKindLayoff.text(lang)),
            None => key.label(lang),
        },
        ItemKey::StreetThresholds(id) => format!(
            "{} · {}",
            region_named(id, mine, theirs, lang),
            Msg::OwnThresholds.text(lang)
        ),
        _ => key.label(lang),
    }
}

/// A snapshot field in people's words (a field of the monthly data by its label).
fn field_label(id: &str, lang: Lang) -> String {
    if let Some(f) = crate::edit::Field::from_id(id) {
        return f.label(lang).to_owned();
    }
    let m = match id {
        "name" | "name_en" => Msg::NameWord,
        "enterprise" => Msg::Enterprise,
        "industry" => Msg::Industry,
        "street" => Msg::Street,
        "date" => Msg::Date,
        "unemployed" => Msg::PeopleUnemployed,
        "workforce" => Msg::Workforce,
        "laid_off" => Msg::PeopleLaidOff,
        "scope" => Msg::Scope,
        "note" => Msg::PbNote,
        "level" => Msg::PbLevel,
        _ => return id.to_owned(),
    };
    let t = m.text(lang).to_owned();
    if id == "name_en" {
        format!("{t} (English)")
    } else {
        t
    }
}

/// The import preview: counts per kind, what replacing would remove, and every conflict with
/// its choice.
fn preview(
    plan: &ImportPlan,
    choices: RwSignal<Resolutions>,
    lang: Lang,
    incoming: &crate::model::Dataset,
) -> impl IntoView {
    let extent = incoming.extent();
    let store = Store::get();
    let s = plan.summary();
    let impact = plan.replace_impact();
    let rows = view! {
        {counts_row(Msg::RegionsTitle.text(lang), &s.regions)}
        {counts_row(Msg::MonthlyData.text(lang), &s.observations)}
        {counts_row(Msg::ClosuresCol.text(lang), &s.closures)}
        {counts_row(Msg::LayoffsCol.text(lang), &s.layoffs)}
    };
    // The main body of the incoming months, as every view will show it; far months are
    // counted apart (they are listed in the warning above), never stretching the range.
    let months = match extent {
        Some(e) if !e.outliers.is_empty() => {
            let n = e.outliers.len();
            match lang {
                Lang::Zh => format!("{} – {}（另有 {n} 个远离其余数据的月份）", e.first, e.last),
                Lang::En => format!(
                    "{} – {} (and {n} month(s) far from the rest)",
                    e.first, e.last
                ),
            }
        }
        Some(e) => format!("{} – {}", e.first, e.last),
        None => s
            .months
            .map(|(a, b)| format!("{a} – {b}"))
            .unwrap_or_default(),
    };
    let loses = impact.loses_anything().then(|| {
        view! {
            <p class="muted" id="replace-impact">
                {Msg::ReplaceLoses.text(lang)} {super::playbook::colon(lang)}
                {Msg::RegionsTitle.text(lang)} " " {impact.regions} " · "
                {Msg::MonthlyData.text(lang)} " " {impact.observations} " · "
                {Msg::ClosuresCol.text(lang)} " " {impact.closures} " · "
                {Msg::LayoffsCol.text(lang)} " " {impact.layoffs}
            </p>
        }
    });
    let conflicts: Vec<_> = plan.conflicts().cloned().collect();
    let keys: Vec<_> = conflicts.iter().map(|c| c.key.clone()).collect();
    let keys_all = StoredValue::new(keys.clone());
    let set_all = move |r: Resolution| {
        keys_all.with_value(|keys| {
            choices.update(|c| {
                for k in keys {
                    c.insert(k.clone(), r);
                }
            })
        })
    };
    let items = conflicts
        .into_iter()
        .map(|c| {
            let key = c.key.clone();
            let key2 = c.key.clone();
            let key3 = c.key.clone();
            let key4 = c.key.clone();
            // Which side is which, in the words of the choice beside it: "本地 870 ↔ 导入 880".
            let fields = c
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{}{}{} {} ↔ {} {}",
                        field_label(f.field, lang),
                        super::playbook::colon(lang),
                        Msg::SideMine.text(lang),
                        f.mine.clone().unwrap_or_else(|| "—".into()),
                        Msg::SideTheirs.text(lang),
                        f.theirs.clone().unwrap_or_else(|| "—".into())
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let name = store
                .snap
                .with_untracked(|s| item_name(&key, &s.dataset, incoming, lang));
            let data_key = key.label(Lang::En);
            view! {
                <li class="conflict" data-key=data_key>
                    <strong>{name}</strong> " " <span class="muted">{fields}</span>
                    <label class="check">
                        <input
                            type="radio"
                            name=format!("c-{}", key.label(Lang::En))
                            prop:checked=move || choices.with(|c| c.get(&key2) == Some(&Resolution::KeepMine))
                            on:change=move |_| choices.update(|c| { c.insert(key.clone(), Resolution::KeepMine); })
                        />
                        {Msg::ChoiceMine.text(lang)}
                    </label>
                    <label class="check">
                        <input
                            type="radio"
                            disabled=c.structural
                            name=format!("c-{}", key3.label(Lang::En))
                            prop:checked=move || choices.with(|c| c.get(&key3) == Some(&Resolution::TakeTheirs))
                            on:change=move |_| choices.update(|c| { c.insert(key4.clone(), Resolution::TakeTheirs); })
                        />
                        {Msg::ChoiceTheirs.text(lang)}
                    </label>
                </li>
            }
        })
        .collect_view();
    let n = keys.len();
    view! {
        <table class="compact counts">
            <thead>
                <tr>
                    <th></th>
                    // Right-aligned like the counts under them, so each heads its own column.
                    <th class="num">{Msg::Added.text(lang)}</th>
                    <th class="num">{Msg::Changed.text(lang)}</th>
                    <th class="num">{Msg::Identical.text(lang)}</th>
                    <th class="num">{Msg::Conflicting.text(lang)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="muted">{months}</p>
        {loses}
        {(n > 0)
            .then(|| view! {
                <div class="conflicts" id="conflicts">
                    <h4>{Msg::Conflicts.text(lang)} " (" {n} ")"</h4>
                    <button type="button" id="all-mine" on:click=move |_| set_all(Resolution::KeepMine)>
                        {Msg::AllKeepMine.text(lang)}
                    </button>
                    <button type="button" id="all-theirs" on:click=move |_| set_all(Resolution::TakeTheirs)>
                        {Msg::AllTakeTheirs.text(lang)}
                    </button>
                    <ul>{items}</ul>
                </div>
            })}
    }
}

/// Links longer than this are cut by many chat tools: the file is offered instead.
const SHARE_LINK_WARN_CHARS: usize = 2_000;

#[component]
fn ShareSection() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let street = RwSignal::new(String::new());
    let link = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(false);
    let base = || {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .map(|h| h.split('#').next().unwrap_or_default().to_owned())
            .unwrap_or_default()
    };
    let make = move |street_id: Option<String>| {
        let lang = i18n.lang();
        let encoded = store.snap.with_untracked(|s| match &street_id {
            None => Some(share::encode(s)),
            Some(id) => share::encode_street(s, id),
        });
        copied.set(false);
        link.set(Some(match encoded {
            Some(Ok(l)) => Ok(format!("{}#share={l}", base())),
            Some(Err(e)) => Err(e.message(lang)),
            None => Err(Msg::Required.text(lang).to_owned()),
        }));
    };
    let copy = move |_| {
        if let (Some(Ok(l)), Some(w)) = (link.get_untracked(), web_sys::window()) {
            let _ = w.navigator().clipboard().write_text(&l);
            copied.set(true);
        }
    };
    view! {
        <section>
            <h2>{i18n.tr(Msg::ShareTitle)}</h2>
            <p class="muted">{i18n.tr(Msg::ShareHelp)}</p>
            <div class="toolbar">
                <button type="button" id="make-link" on:click=move |_| make(None)>
                    {i18n.tr(Msg::MakeLink)}
                </button>
                <StreetSelect value=street/>
                <button type="button" id="make-street-link" on:click=move |_| make(Some(street.get_untracked()))>
                    {i18n.tr(Msg::MakeStreetLink)}
                </button>
            </div>
            {move || {
                let lang = i18n.lang();
                link.get()
                    .map(|l| match l {
                        Ok(url) => {
                            let chars = url.chars().count();
                            view! {
                                {(chars > SHARE_LINK_WARN_CHARS).then(|| view! {
                                    <div class="share-long" role="note" id="share-too-long">
                                        <p>{Msg::ShareLinkLong.text(lang)}</p>
                                        <button type="button" id="share-use-file" on:click=move |_| {
                                            if let Err(e) = export_snapshot(store) {
                                                link.set(Some(Err(e)));
                                            }
                                        }>
                                            {Msg::ExportWhole.text(lang)}
                                        </button>
                                    </div>
                                })}
                                <div class="share-link">
                                    <label for="share-link" class="pb-sr-only">{Msg::ShareLinkLabel.text(lang)}</label>
                                    <input id="share-link" readonly=true prop:value=url.clone() on:focus=move |ev| {
                                        event_target::<web_sys::HtmlInputElement>(&ev).select()
                                    }/>
                                    <button type="button" id="copy-link" on:click=copy>{Msg::CopyLink.text(lang)}</button>
                                    <span class="muted">{chars} " " {Msg::LinkChars.text(lang)}</span>
                                    {move || copied.get().then(|| view! { <span role="status">{Msg::Copied.text(lang)}</span> })}
                                </div>
                            }
                                .into_any()
                        }
                        Err(m) => view! { <p class="error" role="alert" id="share-error">{m}</p> }.into_any(),
                    })
            }}
        </section>
    }
}

/// What happens to the file's scenarios and response record: a merge keeps this workspace's,
/// a replace takes the file's (docs/snapshot.md).
fn beside_note(file: &crate::snapshot::Snapshot, lang: Lang) -> Option<impl IntoView> {
    let n = file.scenarios.len();
    let responses = file.response.responses().len();
    if n == 0 && responses == 0 {
        return None;
    }
    let text = match lang {
        Lang::Zh => format!(
            "此文件含 {n} 个推演、{responses} 次应急响应记录：“合并”只合并监测数据，保留本机的推演和响应记录；“替换”采用文件中的。"
        ),
        Lang::En => format!(
            "This file holds {n} scenario(s) and {responses} response record(s): \"merge\" merges the monitoring data only and keeps this workspace's scenarios and response record; \"replace\" takes the file's."
        ),
    };
    Some(view! { <p class="hint" id="snapshot-beside">{text}</p> })
}
