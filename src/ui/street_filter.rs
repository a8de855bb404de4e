//! Finding a street among many: a search field, "warnings only" and pages, above the streets'
//! cards. The filter lives in [`Focus`], so the streets' small charts show the same streets.

use super::derived::Focus;
use super::i18n_ctx::I18n;
use crate::i18n::Msg;
use leptos::prelude::*;

/// From this many streets on, the cards get a search field and a warnings-only switch.
pub const FILTER_FROM: usize = 7;

#[component]
pub fn StreetFilter() -> impl IntoView {
    let i18n = I18n::get();
    let focus = Focus::get();
    // Where the page stands: (page from 0, pages, streets matching).
    let at = move || {
        let total = focus.filtered_streets.with(Vec::len);
        let pages = total.div_ceil(crate::listing::PAGE).max(1);
        (focus.street_page.get().min(pages - 1), pages, total)
    };
    let turn = move |d: isize| {
        let now = untrack(at).0;
        focus.street_page.set(now.saturating_add_signed(d));
    };
    move || {
        (focus.streets.with(Vec::len) >= FILTER_FROM).then(|| view! {
            <div class="street-filter no-print" role="search">
                <label>
                    {i18n.tr(Msg::StreetFind)}
                    <input
                        type="search"
                        id="street-search"
                        placeholder=i18n.tr(Msg::StreetFindHint)
                        prop:value=move || focus.street_query.get()
                        on:input=move |ev| {
                            focus.street_query.set(event_target_value(&ev));
                            focus.street_page.set(0);
                        }
                    />
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        id="street-warned"
                        prop:checked=move || focus.warned_only.get()
                        on:change=move |ev| {
                            focus.warned_only.set(event_target_checked(&ev));
                            focus.street_page.set(0);
                        }
                    />
                    {i18n.tr(Msg::WarnedOnly)}
                </label>
                <span class="pager">
                    <button
                        type="button"
                        id="street-prev"
                        disabled=move || at().0 == 0
                        on:click=move |_| turn(-1)
                    >
                        {i18n.tr(Msg::PagePrev)}
                    </button>
                    <span id="street-page" aria-live="polite">
                        {move || {
                            let (page, pages, total) = at();
                            let page = page + 1;
                            crate::tr!(
                                i18n.lang(),
                                "第 {page}/{pages} 页 · {total} 个街道",
                                "Page {page} of {pages} · {total} streets"
                            )
                        }}
                    </span>
                    <button
                        type="button"
                        id="street-next"
                        disabled=move || {
                            let (page, pages, _) = at();
                            page + 1 >= pages
                        }
                        on:click=move |_| turn(1)
                    >
                        {i18n.tr(Msg::PageNext)}
                    </button>
                </span>
            </div>
            {move || (at().2 == 0).then(|| view! { <p class="muted" id="street-none">{i18n.t(Msg::NoStreetMatches)}</p> })}
        })
    }
}
