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
    let many = Memo::new(move |_| focus.streets.with(Vec::len) >= FILTER_FROM);
    let page = focus.shown_streets;
    let turn = move |d: isize| {
        let now = page.with_untracked(|p| p.page);
        focus.street_page.set(now.saturating_add_signed(d));
    };
    view! {
        <Show when=move || many.get()>
            <div class="street-filter no-print" role="search">
                <label>
                    {move || i18n.t(Msg::StreetFind)}
                    <input
                        type="search"
                        id="street-search"
                        placeholder=move || i18n.t(Msg::StreetFindHint)
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
                    {move || i18n.t(Msg::WarnedOnly)}
                </label>
                <span class="pager">
                    <button
                        type="button"
                        id="street-prev"
                        disabled=move || page.with(|p| p.page == 0)
                        on:click=move |_| turn(-1)
                    >
                        {move || i18n.t(Msg::PagePrev)}
                    </button>
                    <span id="street-page" aria-live="polite">
                        {move || {
                            let (at, pages, total) = page.with(|p| (p.page + 1, p.pages, p.total));
                            crate::tr!(
                                i18n.lang(),
                                "第 {at}/{pages} 页 · {total} 个街道",
                                "Page {at} of {pages} · {total} streets"
                            )
                        }}
                    </span>
                    <button
                        type="button"
                        id="street-next"
                        disabled=move || page.with(|p| p.page + 1 >= p.pages)
                        on:click=move |_| turn(1)
                    >
                        {move || i18n.t(Msg::PageNext)}
                    </button>
                </span>
            </div>
            <Show when=move || page.with(|p| p.total == 0)>
                <p class="muted" id="street-none">{move || i18n.t(Msg::NoStreetMatches)}</p>
            </Show>
        </Show>
    }
}
