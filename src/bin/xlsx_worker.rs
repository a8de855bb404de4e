//! The workbook worker: a second wasm module, built by trunk as a web worker and fetched the
//! first time the page reads or writes a workbook, so that calamine and rust_xlsxwriter do not
//! weigh on the first download (docs/benchmarks.md has both sizes).
//!
//! Messages are arrays. In: `[id, "read", Uint8Array]`, `[id, "export", snapshot JSON, "zh"|"en"]`,
//! `[id, "template", snapshot JSON, street id, "YYYY-MM"]`. Out: `[id, true, cells]` for a
//! read (`Book::to_wire`), `[id, true, Uint8Array]` for a written workbook, `[id, false, message zh, message en]`
//! on failure. The page turns the cells into imports itself, with the same code as the CLI.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::run();
}

/// Natively there is nothing to run: the CLI reads and writes workbooks itself.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use uew::i18n::Lang;
    use uew::month::Month;
    use uew::snapshot::Snapshot;
    use uew::xlsx;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    pub fn run() {
        let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply_to = scope.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let msg = Array::from(&ev.data());
                let id = msg.get(0);
                let reply = match handle(&msg) {
                    Ok(v) => Array::of3(&id, &JsValue::TRUE, &v),
                    Err((zh, en)) => Array::of4(
                        &id,
                        &JsValue::FALSE,
                        &JsValue::from_str(&zh),
                        &JsValue::from_str(&en),
                    ),
                };
                let _ = reply_to.post_message(&reply);
            });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it.
        on_message.forget();
    }

    type Failure = (String, String);

    fn text(v: JsValue) -> String {
        v.as_string().unwrap_or_default()
    }

    fn snapshot(json: &str) -> Result<Snapshot, Failure> {
        Snapshot::from_json(json).map_err(|e| (e.to_string(), e.to_string()))
    }

    fn handle(msg: &Array) -> Result<JsValue, Failure> {
        match text(msg.get(1)).as_str() {
            "read" => {
                let bytes = Uint8Array::new(&msg.get(2)).to_vec();
                let book = xlsx::read_book(&bytes)
                    .map_err(|e| (e.message(Lang::Zh), e.message(Lang::En)))?;
                Ok(JsValue::from_str(&book.to_wire()))
            }
            "export" => {
                let snap = snapshot(&text(msg.get(2)))?;
                let lang = if text(msg.get(3)) == "en" {
                    Lang::En
                } else {
                    Lang::Zh
                };
                let bytes = xlsx::export_workbook(&snap, lang)
                    .map_err(|e| (e.message(Lang::Zh), e.message(Lang::En)))?;
                Ok(Uint8Array::from(bytes.as_slice()).into())
            }
            "template" => {
                let snap = snapshot(&text(msg.get(2)))?;
                let month =
                    Month::parse(&text(msg.get(4))).map_err(|e| (e.to_string(), e.to_string()))?;
                let bytes = xlsx::template(&snap, &text(msg.get(3)), month)
                    .map_err(|e| (e.message(Lang::Zh), e.message(Lang::En)))?;
                Ok(Uint8Array::from(bytes.as_slice()).into())
            }
            other => Err((
                format!("未知的请求“{other}”"),
                format!("unknown request '{other}'"),
            )),
        }
    }
}
