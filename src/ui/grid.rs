//! The month × region entry grid (§4.2): one figure (field) at a time, rows are months (oldest
//! first, as in a spreadsheet), columns are regions. Rows and cells are keyed by (month,
//! region), so an input element always stands for the same cell and a re-render never moves a
//! value; what a cell shows follows the store (commit, undo, redo, import, another tab).
//!
//! Keys work as in a spreadsheet: focusing a cell selects its text, so typing replaces it;
//! F2 or Enter edits in place; Enter commits and moves down, Tab along the month, arrows to the
//! neighbour; Esc puts back what is stored. The layout, the computed values and the moves are
//! pure (`crate::entry`); this view only wires them to the page.

use super::derived::region_name;
use super::i18n_ctx::I18n;
use super::store::Store;
use crate::edit::{CellEdit, Edit, Field, FieldKind};
use crate::entry::{self, CellIndex, Completeness, Move, Shown};
use crate::i18n::{Lang, Msg};
use crate::model::{Region, RegionKind};
use crate::month::Month;
use crate::paste::{self, GridLayout};
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// How the focused cell is being edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Typing replaced the selected text: arrows commit and move.
    Typing,
    /// F2 or Enter: ←/→ move the caret inside the text.
    InPlace,
}

/// What every cell of one grid shares.
#[derive(Clone, Copy)]
struct GridCtx {
    field: RwSignal<Field>,
    months: Memo<Vec<Month>>,
    regions: Memo<Vec<Region>>,
    shown: Memo<HashMap<(Month, String), Shown>>,
    /// The cell being edited, if any (only the focused cell can be).
    editing: StoredValue<Option<(Month, String, Mode)>>,
    read_only: Memo<bool>,
    error: RwSignal<Option<String>>,
    /// The scrolling box, its (scroll top, height) and a row's height: which rows are drawn.
    wrap: NodeRef<html::Div>,
    view_box: RwSignal<(f64, f64)>,
    row_px: RwSignal<f64>,
}

impl GridCtx {
    /// Whether the grid still exists. Removing the page blurs the focused cell after its
    /// reactive state is gone (components are type-erased in the wasm build, which changes
    /// the order); handlers then do nothing.
    fn alive(&self) -> bool {
        self.editing.try_with_value(|_| ()).is_some()
    }

    fn mode(&self, month: Month, region: &str) -> Option<Mode> {
        self.editing
            .try_with_value(|e| match e {
                Some((m, r, mode)) if *m == month && r == region => Some(*mode),
                _ => None,
            })
            .flatten()
    }

    fn stored_text(&self, month: Month, region: &str) -> String {
        self.shown.with_untracked(|s| {
            s.get(&(month, region.to_owned()))
                .map(|c| c.entered.clone())
                .unwrap_or_default()
        })
    }
}

pub fn cell_id(month: Month, region: &str) -> String {
    format!("cell-{month}-{region}")
}

fn cell_input(month: Month, region: &str) -> Option<web_sys::HtmlInputElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&cell_id(month, region))?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()
}

fn is_focused(el: &web_sys::HtmlInputElement) -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|a| js_sys::Object::is(&a, el))
}

pub(super) fn focus_cell(month: Month, region: &str) {
    if let Some(el) = cell_input(month, region) {
        let _ = el.focus();
        el.select();
    }
}

/// The current month by the browser's clock (where the grid starts when there is no data).
pub fn this_month() -> Month {
    let d = js_sys::Date::new_0();
    Month::new(d.get_full_year() as i32, d.get_month() + 1).unwrap_or(Month::MIN)
}

/// How many missing regions a completeness line names.
const NAMED_MISSING: usize = 8;

/// "2026-11: 3 of 4 communities entered; missing 星民社区 (labour force)".
fn describe(c: &Completeness, names: &HashMap<String, String>, lang: Lang) -> String {
    // A city's month lists thousands of communities: name the first few, count the rest.
    let mut missing: Vec<String> = c
        .missing
        .iter()
        .take(NAMED_MISSING)
        .map(|m| {
            let name = names.get(&m.region).cloned().unwrap_or(m.region.clone());
            let fields: Vec<&str> = m.fields.iter().map(|f| f.label(lang)).collect();
            let what = if fields.is_empty() {
                Msg::GridNothingEntered.text(lang).to_owned()
            } else {
                fields.join(", ")
            };
            match lang {
                Lang::Zh => format!("{name}（{what}）"),
                Lang::En => format!("{name} ({what})"),
            }
        })
        .collect();
    let more = c.missing.len().saturating_sub(NAMED_MISSING);
    if more > 0 {
        missing.push(tr!(lang, "等另 {more} 个", "and {more} more"));
    }
    let (m, done, total) = (c.month, c.entered, c.total);
    match (lang, c.is_complete()) {
        (Lang::Zh, true) => format!("{m}：{total} 个地区已全部录入"),
        (Lang::En, true) => format!("{m}: all {total} regions entered"),
        (Lang::Zh, false) => format!(
            "{m}：{total} 个地区已录入 {done} 个；缺 {}",
            missing.join("、")
        ),
        (Lang::En, false) => format!(
            "{m}: {done} of {total} regions entered; missing {}",
            missing.join(", ")
        ),
    }
}

#[component]
pub fn EntryGrid(
    /// The figure the grid edits.
    field: RwSignal<Field>,
    /// Show only the most recent months (`None`: all).
    recent: RwSignal<Option<usize>>,
    /// The last month shown even without data (the entry month, or one the user added).
    through: RwSignal<Month>,
    /// One street and its communities (`None`: the whole district).
    street: RwSignal<Option<String>>,
    /// Where a refused edit or paste is explained.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let months = Memo::new(move |_| {
        store
            .snap
            .with(|s| entry::grid_months(&s.dataset, through.get(), recent.get()))
    });
    let regions = Memo::new(move |_| {
        let street = street.get();
        store
            .snap
            .with(|s| entry::column_regions(&s.dataset, street.as_deref()))
    });
    // The regions whose figures are entered, below the columns shown (every community of the
    // district when the grid lists the streets only).
    let leaves = Memo::new(move |_| {
        store.snap.with(|s| {
            regions.with(|rs| {
                entry::leaf_regions(&s.dataset, rs)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Region>>()
            })
        })
    });

    // Only the rows in view are drawn in a large grid (`entry::drawn_rows`); the scroll
    // position starts at the bottom, where the grid opens.
    let wrap = NodeRef::<html::Div>::new();
    let view_box = RwSignal::new((f64::MAX, 600.0_f64));
    let row_px = RwSignal::new(ROW_PX);
    let drawn = move || {
        let (scroll, height) = view_box.get();
        let (n, cols) = (months.with(Vec::len), regions.with(Vec::len));
        entry::drawn_rows(n, cols, scroll, height, row_px.get())
    };
    let drawn_months = Memo::new(move |_| {
        let r = drawn();
        months.with(|ms| ms.get(r).map(<[Month]>::to_vec).unwrap_or_default())
    });

    let shown = Memo::new(move |_| {
        let f = field.get();
        let p = store.engine();
        let index = CellIndex::new(p.engine());
        let mut out = HashMap::new();
        drawn_months.with(|ms| {
            regions.with(|rs| {
                for m in ms {
                    for r in rs {
                        out.insert((*m, r.id.clone()), index.shown(&r.id, *m, f));
                    }
                }
            })
        });
        out
    });
    // Each drawn month's completeness, and the two latest months' (the lines above the grid).
    let completeness = Memo::new(move |_| {
        let p = store.engine();
        let index = CellIndex::new(p.engine());
        leaves.with(|ls| {
            let leaves: Vec<&Region> = ls.iter().collect();
            let latest: Vec<Month> = months.with(|ms| ms.iter().rev().take(2).copied().collect());
            drawn_months.with(|ms| {
                ms.iter()
                    .chain(latest.iter())
                    .map(|m| (*m, entry::completeness(&index, &leaves, *m)))
                    .collect::<HashMap<_, _>>()
            })
        })
    });
    let ctx = GridCtx {
        field,
        months,
        regions,
        shown,
        editing: StoredValue::new(None),
        read_only: Memo::new(move |_| store.read_only.get().is_some()),
        error,
        wrap,
        view_box,
        row_px,
    };

    // Open at the latest months: scroll the grid's box to its last row once it is drawn.
    Effect::new(move |_| {
        if let Some(el) = wrap.get() {
            request_animation_frame(move || {
                el.set_scroll_top(el.scroll_height());
                measure(ctx);
            });
        }
    });

    let names = move || {
        let lang = i18n.lang();
        leaves.with(|ls| {
            regions.with(|rs| {
                rs.iter()
                    .chain(ls.iter())
                    .map(|r| (r.id.clone(), region_name(r, lang)))
                    .collect::<HashMap<_, _>>()
            })
        })
    };
    let columns = move || regions.with(Vec::len) + 2;
    // A row standing for `rows` rows that are not drawn (none when there are none).
    let spacer = move |rows: usize| {
        (rows > 0).then(|| {
            let height = format!("{}px", rows as f64 * row_px.get());
            view! {
                <tr class="spacer" aria-hidden="true">
                    <td colspan=columns() style:height=height></td>
                </tr>
            }
        })
    };

    // One root element: the view is type-erased in the wasm build, and a component with a
    // single root unmounts cleanly when the route changes.
    view! {
        <div class="entry-grid-box">
        <ul class="completeness small" id="completeness" aria-live="polite">
            {move || {
                let lang = i18n.lang();
                let names = names();
                let list = completeness.get();
                // The entry month and the one before it always (what a clerk just did and does
                // next); older ones only while incomplete (at most five lines).
                let ms = months.get();
                let mut lines = Vec::new();
                for (i, m) in ms.iter().rev().enumerate() {
                    let Some(c) = list.get(m) else { continue };
                    if (i < 2 || !c.is_complete()) && lines.len() < 5 {
                        let cls = if c.is_complete() { "complete" } else { "incomplete" };
                        lines.push(view! {
                            <li class=cls data-month=m.to_string()>{describe(c, &names, lang)}</li>
                        });
                    }
                }
                lines.collect_view()
            }}
        </ul>
        <div
            class="grid-wrap"
            role="region"
            node_ref=wrap
            aria-label=i18n.tr(Msg::EntryGrid)
            tabindex="-1"
            on:scroll=move |_| measure(ctx)
        >
            <table
                class="grid"
                id="entry-grid"
                data-field=move || field.get().id()
                data-rows=move || months.with(Vec::len)
            >
                <thead>
                    <tr>
                        <th scope="col">{i18n.tr(Msg::Month)}</th>
                        <For each=move || regions.get() key=|r| r.id.clone() let:r>
                            <th scope="col" class=kind_class(r.kind) title=r.id.clone() data-region=r.id.clone()>
                                {
                                    let r = r.clone();
                                    move || region_name(&r, i18n.lang())
                                }
                            </th>
                        </For>
                        <th scope="col" class="complete-col">{i18n.tr(Msg::GridEntered)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || spacer(drawn().start)}
                    <For each=move || drawn_months.get() key=|m| *m let:m>
                        <tr data-month=m.to_string()>
                            <th scope="row" class="month">{m.to_string()}</th>
                            <For
                                each=move || regions.get()
                                key=|r| r.id.clone()
                                children=move |r: Region| {
                                    let cls = kind_class(r.kind);
                                    view! {
                                        <td class=cls>
                                            <GridCell month=m region=r ctx/>
                                        </td>
                                    }
                                }
                            />
                            <td class="complete-col">
                                {move || {
                                    completeness
                                        .with(|c| c.get(&m).map(|c| format!("{}/{}", c.entered, c.total)))
                                }}
                            </td>
                        </tr>
                    </For>
                    {move || spacer(months.with(Vec::len).saturating_sub(drawn().end))}
                </tbody>
            </table>
        </div>
        </div>
    }
}

/// A row's height before one is measured (an input row in the default font).
const ROW_PX: f64 = 30.0;

/// Reads the grid box's scroll position and a drawn row's height, so the drawn rows follow.
fn measure(ctx: GridCtx) {
    let Some(el) = ctx.wrap.get_untracked() else {
        return;
    };
    let row = el
        .query_selector("#entry-grid tbody tr[data-month]")
        .ok()
        .flatten()
        .map(|r| r.get_bounding_client_rect().height())
        .filter(|h| *h > 0.0);
    if let Some(h) = row {
        if (h - ctx.row_px.get_untracked()).abs() > 0.5 {
            ctx.row_px.set(h);
        }
    }
    let now = (f64::from(el.scroll_top()), f64::from(el.client_height()));
    if ctx.view_box.get_untracked() != now {
        ctx.view_box.set(now);
    }
}

/// Scrolls a row that is not drawn into the middle of the view, so its cells exist.
fn reveal(ctx: GridCtx, month: Month) {
    let Some(el) = ctx.wrap.get_untracked() else {
        return;
    };
    let Some(i) = ctx
        .months
        .with_untracked(|ms| ms.iter().position(|m| *m == month))
    else {
        return;
    };
    let row = ctx.row_px.get_untracked();
    let top = (i as f64 * row - f64::from(el.client_height()) / 2.0).max(0.0);
    el.set_scroll_top(top as i32);
    measure(ctx);
}

fn kind_class(kind: RegionKind) -> &'static str {
    match kind {
        RegionKind::District => "district",
        RegionKind::Street => "street",
        RegionKind::Community => "community",
    }
}

/// Applies what was typed into (region, month); `false` (and the reason shown) when refused.
fn commit(ctx: GridCtx, store: Store, lang: Lang, month: Month, region: &str, text: &str) -> bool {
    let f = ctx.field.get_untracked();
    let parsed = match f.parse(text) {
        Ok(v) => v,
        Err(e) => {
            let name = store.snap.with_untracked(|s| {
                s.dataset
                    .region(region)
                    .map(|r| region_name(r, lang))
                    .unwrap_or_else(|| region.to_owned())
            });
            ctx.error.set(Some(format!(
                "{name} · {month} · {}: {}",
                f.label(lang),
                e.message(lang)
            )));
            return false;
        }
    };
    let current = store
        .snap
        .with_untracked(|s| s.dataset.observation(region, month).and_then(|o| f.get(o)));
    if current == parsed {
        ctx.error.set(None);
        return true;
    }
    match store.apply(Edit::SetCell(CellEdit::new(region, month, f, parsed))) {
        Ok(()) => {
            ctx.error.set(None);
            true
        }
        Err(t) => {
            ctx.error.set(Some(t.get(lang).to_owned()));
            false
        }
    }
}

#[component]
fn GridCell(month: Month, region: Region, ctx: GridCtx) -> impl IntoView {
    let i18n = I18n::get();
    let store = Store::get();
    let id = region.id.clone();
    let key = (month, id.clone());
    let shown = Memo::new(move |_| ctx.shown.with(|s| s.get(&key).cloned().unwrap_or_default()));
    let input = NodeRef::<html::Input>::new();

    // The cell shows what is stored, except while it is being edited.
    {
        let id = id.clone();
        Effect::new(move |_| {
            let text = shown.with(|s| s.entered.clone());
            if let Some(el) = input.get() {
                if ctx.mode(month, &id).is_none() && el.value() != text {
                    el.set_value(&text);
                    if is_focused(&el) {
                        el.select();
                    }
                }
                let _ = el.set_attribute("aria-invalid", "false");
            }
        });
    }

    // Puts back what is stored and leaves editing.
    let revert = {
        let id = id.clone();
        move |el: &web_sys::HtmlInputElement| {
            ctx.editing.set_value(None);
            el.set_value(&ctx.stored_text(month, &id));
            let _ = el.set_attribute("aria-invalid", "false");
            el.select();
        }
    };
    // Commits the cell if it is being edited; `true` when what it shows is stored.
    let finish = {
        let id = id.clone();
        move |el: &web_sys::HtmlInputElement| -> bool {
            if ctx.mode(month, &id).is_none() {
                return true;
            }
            let ok = commit(ctx, store, i18n.lang(), month, &id, &el.value());
            if ok {
                ctx.editing.set_value(None);
                el.set_value(&ctx.stored_text(month, &id));
            }
            let _ = el.set_attribute("aria-invalid", if ok { "false" } else { "true" });
            ok
        }
    };
    let go = {
        let id = id.clone();
        move |mv: Move| -> bool {
            let ids: Vec<String> = ctx
                .regions
                .with_untracked(|rs| rs.iter().map(|r| r.id.clone()).collect());
            let to = ctx
                .months
                .with_untracked(|ms| entry::neighbour(ms, &ids, (month, &id), mv));
            match to {
                Some((m, r)) => {
                    if cell_input(m, &r).is_some() {
                        focus_cell(m, &r);
                    } else {
                        // A row outside the drawn ones: draw it, then focus it.
                        reveal(ctx, m);
                        request_animation_frame(move || focus_cell(m, &r));
                    }
                    true
                }
                None => false,
            }
        }
    };

    let on_keydown = {
        let id = id.clone();
        let revert = revert.clone();
        let finish = finish.clone();
        move |ev: web_sys::KeyboardEvent| {
            if !ctx.alive() {
                return;
            }
            let el = event_target::<web_sys::HtmlInputElement>(&ev);
            let key = ev.key();
            let mode = ctx.mode(month, &id);
            if ev.ctrl_key() || ev.meta_key() {
                let redo = match key.as_str() {
                    "z" | "Z" => ev.shift_key(),
                    "y" | "Y" => true,
                    _ => return,
                };
                ev.prevent_default();
                // First Ctrl+Z takes back the typing; the next ones the stored edits.
                let dirty = mode.is_some() && el.value() != ctx.stored_text(month, &id);
                revert(&el);
                if !dirty || redo {
                    if redo {
                        store.redo();
                    } else {
                        store.undo();
                    }
                }
                return;
            }
            let writable = !ctx.read_only.get_untracked();
            let mv = match key.as_str() {
                "Escape" => {
                    ev.prevent_default();
                    revert(&el);
                    return;
                }
                "F2" if writable => {
                    ev.prevent_default();
                    ctx.editing
                        .set_value(Some((month, id.clone(), Mode::InPlace)));
                    let end = el.value().encode_utf16().count() as u32;
                    let _ = el.set_selection_range(end, end);
                    return;
                }
                "Enter" if mode.is_none() && writable && !ev.shift_key() => {
                    ev.prevent_default();
                    ctx.editing
                        .set_value(Some((month, id.clone(), Mode::InPlace)));
                    let end = el.value().encode_utf16().count() as u32;
                    let _ = el.set_selection_range(end, end);
                    return;
                }
                "Enter" if ev.shift_key() => Move::Up,
                "Enter" | "ArrowDown" => Move::Down,
                "ArrowUp" => Move::Up,
                "Tab" if ev.shift_key() => Move::Prev,
                "Tab" => Move::Next,
                "ArrowLeft" if mode != Some(Mode::InPlace) => Move::Left,
                "ArrowRight" if mode != Some(Mode::InPlace) => Move::Right,
                _ => return,
            };
            if !finish(&el) {
                // Refused: stay in the cell with the text and the reason.
                ev.prevent_default();
                return;
            }
            // At the grid's edge Tab leaves the grid as usual; other keys stay put.
            if go(mv) || key != "Tab" {
                ev.prevent_default();
            }
        }
    };

    let on_paste = {
        let id = id.clone();
        move |ev: web_sys::ClipboardEvent| {
            if !ctx.alive() {
                return;
            }
            let text = ev
                .clipboard_data()
                .and_then(|d| d.get_data("text/plain").ok())
                .unwrap_or_default();
            if !(text.contains('\t') || text.trim_end().contains('\n')) {
                return;
            }
            ev.prevent_default();
            if ctx.read_only.get_untracked() {
                return;
            }
            let lang = i18n.lang();
            let ms = ctx.months.get_untracked();
            let ids: Vec<String> = ctx
                .regions
                .with_untracked(|rs| rs.iter().map(|r| r.id.clone()).collect());
            let (Some(row), Some(col)) = (
                ms.iter().position(|m| *m == month),
                ids.iter().position(|r| *r == id),
            ) else {
                return;
            };
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let layout = GridLayout::months_by_regions(&ms, &refs, ctx.field.get_untracked());
            let plan = store
                .snap
                .with_untracked(|s| paste::paste(&s.dataset, &layout, (row, col), &text));
            match plan {
                Ok(plan) => match store.apply(plan.edit) {
                    Ok(()) => ctx.error.set(None),
                    Err(t) => ctx.error.set(Some(t.get(lang).to_owned())),
                },
                Err(problems) => {
                    let list: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
                    ctx.error.set(Some(format!(
                        "{}{}",
                        Msg::PasteRefused.text(lang),
                        list.join("; ")
                    )));
                }
            }
        }
    };

    let label = {
        let region = region.clone();
        move || {
            let lang = i18n.lang();
            format!(
                "{} {month} {}",
                region_name(&region, lang),
                ctx.field.get().label(lang)
            )
        }
    };
    let inputmode = move || match ctx.field.get().kind() {
        FieldKind::Rate => "decimal",
        FieldKind::Count => "numeric",
    };
    let on_blur = {
        let id = id.clone();
        move |ev: web_sys::FocusEvent| {
            if !ctx.alive() {
                return;
            }
            let el = event_target::<web_sys::HtmlInputElement>(&ev);
            if ctx.mode(month, &id).is_some() && !finish(&el) {
                // Left with a refused value: the reason stays on screen, the cell shows
                // what is stored.
                ctx.editing.set_value(None);
                el.set_value(&ctx.stored_text(month, &id));
            }
        }
    };
    let on_input = {
        let id = id.clone();
        move |_| {
            if !ctx.alive() {
                return;
            }
            if ctx.mode(month, &id).is_none() {
                ctx.editing
                    .set_value(Some((month, id.clone(), Mode::Typing)));
            }
        }
    };

    // A click selects the whole value (typing replaces it); a second click places the caret.
    let on_mousedown = move |ev: web_sys::MouseEvent| {
        let el = event_target::<web_sys::HtmlInputElement>(&ev);
        if !is_focused(&el) {
            ev.prevent_default();
            let _ = el.focus();
        }
    };
    let on_focus =
        move |ev: web_sys::FocusEvent| event_target::<web_sys::HtmlInputElement>(&ev).select();

    view! {
        <input
            id=cell_id(month, &id)
            node_ref=input
            class="cell"
            inputmode=inputmode
            autocomplete="off"
            aria-label=label
            data-region=id.clone()
            data-month=month.to_string()
            prop:readOnly=move || ctx.read_only.get()
            placeholder=move || shown.with(|s| s.computed.clone())
            on:focus=on_focus
            on:mousedown=on_mousedown
            on:input=on_input
            on:keydown=on_keydown
            on:blur=on_blur
            on:paste=on_paste
        />
    }
}
