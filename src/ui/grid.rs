//! The month × region entry grid: one figure (field) at a time, rows are months (oldest first, as
//! in a spreadsheet), columns are regions (district, then each street followed by its
//! communities). Arrows, Enter and Tab move; Escape reverts; a block pasted from Excel fills
//! cells from the one it is pasted into. Every commit is one undoable edit.

use super::derived::region_name;
use super::i18n_ctx::I18n;
use super::store::Store;
use crate::edit::{CellEdit, Edit, Field, FieldKind};
use crate::i18n::{Lang, Msg};
use crate::model::{Dataset, Observation, Region, RegionKind};
use crate::month::Month;
use crate::num::Rate;
use crate::paste::{self, GridLayout};
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// Regions in column order: the district, then each street followed by its communities.
pub fn column_regions(data: &Dataset) -> Vec<Region> {
    let mut out = Vec::new();
    if let Some(d) = data.district() {
        out.push(d.clone());
        for s in data.children(&d.id) {
            out.push(s.clone());
            out.extend(data.children(&s.id).cloned());
        }
    }
    // Regions whose parent chain is broken still get a column, so no data is hidden.
    for r in &data.regions {
        if !out.iter().any(|o| o.id == r.id) {
            out.push(r.clone());
        }
    }
    out
}

/// The months the grid shows (a pasted block must fit in them): the last `recent` months with
/// data plus the next month to enter;
/// with no data yet, the twelve months up to `today`.
pub fn grid_months(data: &Dataset, recent: Option<usize>, today: Month) -> Vec<Month> {
    let year_ago = today.plus(-11).unwrap_or(today);
    let (first, next) = match data.span() {
        Some((first, last)) => (first.min(year_ago), last.succ().unwrap_or(last).max(today)),
        None => (year_ago, today),
    };
    let all: Vec<Month> = first.through(next).collect();
    match recent {
        Some(n) if all.len() > n + 1 => all.into_iter().rev().take(n + 1).rev().collect(),
        _ => all,
    }
}

/// The current month by the browser's clock (the grid's starting point when there is no data).
fn this_month() -> Month {
    let d = js_sys::Date::new_0();
    Month::new(d.get_full_year() as i32, d.get_month() + 1).unwrap_or(Month::MIN)
}

fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

fn focus_cell(row: usize, col: usize) {
    let id = cell_id(row, col);
    // After the edit re-renders the grid, focus the cell that now stands there.
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            let _ = el.focus();
            el.select();
        }
    });
}

/// A shown value: entered, or (greyed) computed from counts.
fn display(field: Field, o: Option<&Observation>) -> (String, String) {
    let entered = o.and_then(|o| field.get(o)).map(|v| v.to_string());
    let computed = if field == Field::RegisteredRate {
        o.and_then(|o| o.counts())
            .and_then(|(u, lf)| Rate::from_counts(u, lf))
            .map(|r| format!("≈{}", r.to_pct_rounded().approx(2).trim_start_matches('≈')))
    } else {
        None
    };
    (entered.unwrap_or_default(), computed.unwrap_or_default())
}

#[component]
pub fn EntryGrid(
    /// The figure the grid edits.
    field: RwSignal<Field>,
    /// Show only the most recent months (`None`: all).
    recent: RwSignal<Option<usize>>,
    /// Where a refused edit or paste is explained.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();

    let commit = move |region: String, month: Month, text: String| -> bool {
        let lang = i18n.lang();
        let f = field.get_untracked();
        let parsed = match f.parse(&text) {
            Ok(v) => v,
            Err(e) => {
                let name = store.snap.with_untracked(|s| {
                    s.dataset
                        .region(&region)
                        .map(|r| region_name(r, lang))
                        .unwrap_or_else(|| region.clone())
                });
                error.set(Some(format!(
                    "{name} · {month} · {}: {}",
                    f.label(lang),
                    e.message(lang)
                )));
                return false;
            }
        };
        let current = store
            .snap
            .with_untracked(|s| s.dataset.observation(&region, month).and_then(|o| f.get(o)));
        if current == parsed {
            return true;
        }
        match store.apply(Edit::SetCell(CellEdit::new(&region, month, f, parsed))) {
            Ok(()) => {
                error.set(None);
                true
            }
            Err(t) => {
                error.set(Some(t.get(lang).to_owned()));
                false
            }
        }
    };

    let paste =
        move |row: usize, col: usize, text: String, months: Vec<Month>, regions: Vec<Region>| {
            let lang = i18n.lang();
            let ids: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
            let layout = GridLayout::months_by_regions(&months, &ids, field.get_untracked());
            let plan = store
                .snap
                .with_untracked(|s| paste::paste(&s.dataset, &layout, (row, col), &text));
            match plan {
                Ok(plan) => match store.apply(plan.edit) {
                    Ok(()) => {
                        error.set(None);
                        focus_cell(row, col);
                    }
                    Err(t) => error.set(Some(t.get(lang).to_owned())),
                },
                Err(problems) => {
                    let head = match lang {
                        Lang::Zh => "粘贴未执行，以下单元格有误：",
                        Lang::En => "Nothing was pasted; these cells are wrong: ",
                    };
                    let list: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
                    error.set(Some(format!("{head}{}", list.join("; "))));
                }
            }
        };

    view! {
        <div class="grid-wrap" role="region" aria-label=move || i18n.t(Msg::EntryGrid) tabindex="-1">
            {move || {
                let lang = i18n.lang();
                let f = field.get();
                store
                    .snap
                    .with(|s| {
                        let regions = column_regions(&s.dataset);
                        let months = grid_months(&s.dataset, recent.get(), this_month());
                        let index: HashMap<(&str, Month), &Observation> = s
                            .dataset
                            .observations
                            .iter()
                            .map(|o| ((o.region.as_str(), o.month), o))
                            .collect();
                        let head = regions
                            .iter()
                            .map(|r| {
                                let cls = match r.kind {
                                    RegionKind::District => "district",
                                    RegionKind::Street => "street",
                                    RegionKind::Community => "community",
                                };
                                view! {
                                    <th scope="col" class=cls title=r.id.clone()>
                                        {region_name(r, lang)}
                                    </th>
                                }
                            })
                            .collect_view();
                        let rows = months
                            .iter()
                            .enumerate()
                            .map(|(ri, m)| {
                                let m = *m;
                                let cells = regions
                                    .iter()
                                    .enumerate()
                                    .map(|(ci, r)| {
                                        let (value, placeholder) = display(f, index.get(&(r.id.as_str(), m)).copied());
                                        let rid = r.id.clone();
                                        let rid2 = r.id.clone();
                                        let label = format!("{} {m} {}", region_name(r, lang), f.label(lang));
                                        let months_p = months.clone();
                                        let regions_p = regions.clone();
                                        let n_rows = months.len();
                                        let n_cols = regions.len();
                                        let inputmode = match f.kind() {
                                            FieldKind::Rate => "decimal",
                                            FieldKind::Count => "numeric",
                                        };
                                        view! {
                                            <td>
                                                <input
                                                    id=cell_id(ri, ci)
                                                    class="cell"
                                                    inputmode=inputmode
                                                    autocomplete="off"
                                                    aria-label=label
                                                    data-region=r.id.clone()
                                                    data-month=m.to_string()
                                                    value=value.clone()
                                                    placeholder=placeholder
                                                    on:change=move |ev| {
                                                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                                                        let ok = commit(rid.clone(), m, input.value());
                                                        let _ = input.set_attribute("aria-invalid", if ok { "false" } else { "true" });
                                                    }
                                                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                                                        let input = event_target::<web_sys::HtmlInputElement>(&ev);
                                                        let key = ev.key();
                                                        let len = input.value().chars().count() as u32;
                                                        let caret = input.selection_start().ok().flatten();
                                                        let target = match key.as_str() {
                                                            "ArrowUp" => ri.checked_sub(1).map(|r| (r, ci)),
                                                            "ArrowDown" => (ri + 1 < n_rows).then_some((ri + 1, ci)),
                                                            "Enter" if ev.shift_key() => ri.checked_sub(1).map(|r| (r, ci)),
                                                            "Enter" => (ri + 1 < n_rows).then_some((ri + 1, ci)),
                                                            "ArrowLeft" if caret == Some(0) => ci.checked_sub(1).map(|c| (ri, c)),
                                                            "ArrowRight" if caret == Some(len) => (ci + 1 < n_cols).then_some((ri, ci + 1)),
                                                            "Escape" => {
                                                                input.set_value(&value);
                                                                let _ = input.set_attribute("aria-invalid", "false");
                                                                None
                                                            }
                                                            _ => return,
                                                        };
                                                        if key == "Escape" {
                                                            return;
                                                        }
                                                        ev.prevent_default();
                                                        let ok = commit(rid2.clone(), m, input.value());
                                                        let _ = input.set_attribute("aria-invalid", if ok { "false" } else { "true" });
                                                        if let (true, Some((r, c))) = (ok, target) {
                                                            focus_cell(r, c);
                                                        }
                                                    }
                                                    on:paste=move |ev: web_sys::ClipboardEvent| {
                                                        let text = ev
                                                            .clipboard_data()
                                                            .and_then(|d| d.get_data("text/plain").ok())
                                                            .unwrap_or_default();
                                                        if text.contains('\t') || text.trim_end().contains('\n') {
                                                            ev.prevent_default();
                                                            paste(ri, ci, text, months_p.clone(), regions_p.clone());
                                                        }
                                                    }
                                                />
                                            </td>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row" class="month">{m.to_string()}</th>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <table class="grid" id="entry-grid" data-field=f.id()>
                                <thead>
                                    <tr>
                                        <th scope="col">{Msg::Month.text(lang)}</th>
                                        {head}
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        }
                    })
            }}
        </div>
    }
}
