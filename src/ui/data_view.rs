//! The monthly routine (§4.2): the entry grid, CSV import/export, closure and layoff events, the
//! regions, and undo/redo.

use super::csv_panel::CsvPanel;
use super::events_panel::EventsPanel;
use super::grid::EntryGrid;
use super::i18n_ctx::I18n;
use super::regions_panel::RegionsPanel;
use super::store::Store;
use super::widgets::clause_tag;
use crate::edit::Field;
use crate::i18n::Msg;
use leptos::prelude::*;

const RECENT_MONTHS: usize = 24;

#[component]
pub fn DataView() -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let field = RwSignal::new(Field::RegisteredRate);
    let recent = RwSignal::new(Some(RECENT_MONTHS));
    let error = RwSignal::new(None::<String>);

    view! {
        <div class="data-view">
            <section class="entry">
                <h2>{move || i18n.t(Msg::MonthlyData)} " " {clause_tag("§4.2")}</h2>
                <div class="toolbar no-print">
                    <label>
                        {move || i18n.t(Msg::Figure)}
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
                        {move || i18n.t(Msg::ShowAllMonths)}
                    </label>
                    <span class="spacer"></span>
                    <button
                        type="button"
                        id="undo"
                        prop:disabled=move || !store.can_undo()
                        title=move || store.undo_label(i18n.lang()).unwrap_or_default()
                        on:click=move |_| store.undo()
                    >
                        "↶ " {move || i18n.t(Msg::Undo)}
                    </button>
                    <button
                        type="button"
                        id="redo"
                        prop:disabled=move || !store.can_redo()
                        on:click=move |_| store.redo()
                    >
                        "↷ " {move || i18n.t(Msg::Redo)}
                    </button>
                    <button
                        type="button"
                        id="reset-sample"
                        on:click=move |_| {
                            let lang = i18n.lang();
                            if confirm(Msg::ConfirmReset.text(lang)) {
                                store.replace(crate::demo::snapshot(), true);
                            }
                        }
                    >
                        {move || i18n.t(Msg::ResetToSample)}
                    </button>
                </div>
                <p class="muted small">{move || i18n.t(Msg::GridHelp)}</p>
                {move || {
                    error
                        .get()
                        .map(|e| view! { <p class="error" role="alert" id="grid-error">{e}</p> })
                }}
                <EntryGrid field recent error/>
            </section>
            <CsvPanel/>
            <EventsPanel/>
            <RegionsPanel/>
        </div>
    }
}

/// The browser's confirm dialog (false when it cannot be shown).
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
