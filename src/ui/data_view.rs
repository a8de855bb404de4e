//! The monthly routine (§4.2): the entry grid, CSV import/export, closure and layoff events, the
//! regions, and undo/redo.

use super::csv_panel::CsvPanel;
use super::derived::region_name;
use super::dialog::{DialogSpec, Dialogs};
use super::events_panel::EventsPanel;
use super::grid::{this_month, EntryGrid};
use super::i18n_ctx::I18n;
use super::prefs;
use super::region_search::RegionSearch;
use super::regions_panel::RegionsPanel;
use super::store::{ReadOnly, Store};
use super::widgets::clause_tag;
use super::xlsx_panel::XlsxPanel;
use crate::edit::Field;
use crate::i18n::Msg;
use crate::model::{Region, RegionKind};
use crate::month::Month;
use leptos::prelude::*;
use std::rc::Rc;

const RECENT_MONTHS: usize = 24;

#[component]
pub fn DataView() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let field = RwSignal::new(Field::RegisteredRate);
    let recent = RwSignal::new(Some(RECENT_MONTHS));
    let error = RwSignal::new(None::<String>);
    // The entry month is pinned when the page opens: filling it adds no row (§4.2).
    // At least through the current month, as a clerk expects.
    let through =
        RwSignal::new(store.snap.with_untracked(|s| {
            crate::entry::entry_month(&s.dataset, this_month()).max(this_month())
        }));
    let street = RwSignal::new(prefs::load_grid_street().filter(|id| {
        store
            .snap
            .with_untracked(|s| s.dataset.streets().any(|r| &r.id == id))
    }));
    let last_row = Memo::new(move |_| {
        store.snap.with(|s| {
            crate::entry::grid_months(&s.dataset, through.get(), Some(0))
                .last()
                .copied()
        })
    });

    view! {
        <div class="data-view">
            <section class="entry">
                <h2>{i18n.tr(Msg::MonthlyData)} " " {clause_tag("§4.2")}</h2>
                <div class="toolbar no-print">
                    <label>
                        {i18n.tr(Msg::Figure)}
                        <select
                            id="field-select"
                            on:change=move |ev| {
                                if let Some(f) = Field::from_id(&event_target_value(&ev)) {
                                    field.set(f);
                                }
                            }
                            prop:value=move || field.get().id()
                        >
                            {move || {
                                let lang = i18n.lang();
                                Field::ALL
                                    .into_iter()
                                    .map(|f| view! { <option value=f.id()>{f.label(lang)}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                    <label>
                        {i18n.tr(Msg::GridStreet)}
                        <select
                            id="street-filter"
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                let v = (!v.is_empty()).then_some(v);
                                prefs::save_grid_street(v.as_deref());
                                street.set(v);
                            }
                            prop:value=move || street.get().unwrap_or_default()
                        >
                            <option value="">{i18n.tr(Msg::GridWholeDistrict)}</option>
                            {move || {
                                let lang = i18n.lang();
                                store
                                    .snap
                                    .with(|s| {
                                        s.dataset
                                            .streets()
                                            .map(|r| {
                                                view! {
                                                    <option value=r.id.clone() selected=street.get_untracked().as_deref() == Some(r.id.as_str())>
                                                        {region_name(r, lang)}
                                                    </option>
                                                }
                                            })
                                            .collect_view()
                                    })
                            }}
                        </select>
                    </label>
                    {move || {
                        store
                            .snap
                            .with(|s| crate::entry::streets_only(&s.dataset))
                            .then(|| view! { <RegionFind street through error/> })
                    }}
                    <button
                        type="button"
                        id="add-month"
                        prop:disabled=move || store.read_only.get().is_some()
                        on:click=move |_| {
                            if let Some(next) = last_row.get_untracked().and_then(|m| m.succ()) {
                                through.set(next);
                            }
                        }
                    >
                        "+ "
                        {i18n.tr(Msg::GridAddMonth)}
                        " "
                        {move || last_row.get().and_then(|m| m.succ()).map(|m| m.to_string())}
                    </button>
                    <label class="check">
                        <input
                            type="checkbox"
                            id="show-all-months"
                            prop:checked=move || recent.get().is_none()
                            on:change=move |ev| {
                                let all = event_target_checked(&ev);
                                recent.set(if all { None } else { Some(RECENT_MONTHS) });
                            }
                        />
                        {i18n.tr(Msg::ShowAllMonths)}
                    </label>
                    <span class="spacer"></span>
                    <button
                        type="button"
                        id="undo"
                        prop:disabled=move || !store.can_undo()
                        title=move || store.undo_label(i18n.lang()).unwrap_or_default()
                        on:click=move |_| store.undo()
                    >
                        "↶ " {i18n.tr(Msg::Undo)}
                    </button>
                    <button
                        type="button"
                        id="redo"
                        prop:disabled=move || !store.can_redo()
                        on:click=move |_| store.redo()
                    >
                        "↷ " {i18n.tr(Msg::Redo)}
                    </button>
                    <button
                        type="button"
                        id="reset-sample"
                        on:click=move |_| {
                            Dialogs::get().open(DialogSpec {
                                title: Msg::ResetToSample.both(),
                                message: Some(Msg::ConfirmReset.both()),
                                input: None,
                                validate: None,
                                ok: Msg::ResetToSample,
                                danger: true,
                                return_to: Some("#reset-sample".to_owned()),
                                on_ok: Rc::new(move |_| store.replace(crate::demo::snapshot(), true)),
                            })
                        }
                    >
                        {i18n.tr(Msg::ResetToSample)}
                    </button>
                </div>
                <p class="muted small">{i18n.tr(Msg::GridHelp)}</p>
                {move || {
                    store
                        .read_only
                        .get()
                        .map(|why| {
                            let lang = i18n.lang();
                            let more = matches!(why, ReadOnly::Shared)
                                .then(|| Msg::GridReadOnlyShared.text(lang));
                            view! {
                                <p class="note read-only-note" id="grid-read-only" role="note">
                                    <strong>{Msg::GridReadOnly.text(lang)}</strong>
                                    " "
                                    {more}
                                </p>
                            }
                        })
                }}
                {move || {
                    error
                        .get()
                        .map(|e| view! { <p class="error" role="alert" id="grid-error">{e}</p> })
                }}
                {move || {
                    (street.get().is_none() && store.snap.with(|s| crate::entry::streets_only(&s.dataset)))
                        .then(|| view! { <p class="muted small" id="grid-streets-only">{i18n.t(Msg::GridStreetsOnly)}</p> })
                }}
                <EntryGrid field recent through street error/>
            </section>
            <CsvPanel/>
            <XlsxPanel/>
            // A shared or unreadable workspace takes no entry anywhere on the page.
            <fieldset class="plain" prop:disabled=move || store.read_only.get().is_some()>
                <EventsPanel/>
                <RegionsPanel/>
            </fieldset>
        </div>
    }
}

/// The data page's region search: a community opens its street's grid at its column, a street
/// its own grid, the district the whole district's; the entry month's cell of that region takes
/// the focus.
#[component]
fn RegionFind(
    street: RwSignal<Option<String>>,
    through: RwSignal<Month>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = I18n::get();
    let found = Callback::new(move |r: Option<Region>| {
        let Some(r) = r else {
            error.set(Some(i18n.t(Msg::RegionNotFound).to_owned()));
            return;
        };
        error.set(None);
        let grid = match r.kind {
            RegionKind::District => None,
            RegionKind::Street => Some(r.id.clone()),
            RegionKind::Community => r.parent.clone(),
        };
        prefs::save_grid_street(grid.as_deref());
        street.set(grid);
        let month = through.get_untracked();
        request_animation_frame(move || super::grid::focus_cell(month, &r.id));
    });
    view! {
        <RegionSearch
            id="region-find"
            label=Msg::RegionFind
            hint=Msg::RegionFindHint
            streets_only=false
            found
        />
    }
}
