//! The page's side of the workbook worker (src/bin/xlsx_worker.rs): started the first time a
//! workbook is read or written, so its code is not part of the first download; requests are
//! numbered and answered by postMessage.

use js_sys::{Array, Function, Promise, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::xlsx::Book;

/// Starts the worker bin (public/xlsx_worker_loader.js; trunk writes the worker's own files
/// without a hash, so the names are known).
const LOADER: &str = "./xlsx_worker_loader.js";

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static WAITING: RefCell<HashMap<u32, (Function, Function)>> = RefCell::new(HashMap::new());
    static NEXT: Cell<u32> = const { Cell::new(1) };
}

/// A failure in both languages.
#[derive(Clone, Debug)]
pub struct Failure {
    pub zh: String,
    pub en: String,
}

impl Failure {
    fn same(text: String) -> Failure {
        Failure {
            zh: text.clone(),
            en: text,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

fn start() -> Result<web_sys::Worker, Failure> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        return Ok(w);
    }
    let w =
        web_sys::Worker::new(LOADER).map_err(|e| Failure::same(super::persist::js_message(&e)))?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        let reply = Array::from(&ev.data());
        let id = reply.get(0).as_f64().unwrap_or(0.0) as u32;
        if let Some((resolve, _)) = WAITING.with(|m| m.borrow_mut().remove(&id)) {
            let _ = resolve.call1(&JsValue::NULL, &reply);
        }
    });
    w.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // A worker that cannot load (offline before it was ever cached) fails every request.
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| {
        let all: Vec<(Function, Function)> =
            WAITING.with(|m| m.borrow_mut().drain().map(|(_, v)| v).collect());
        for (_, reject) in all {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str(
                    "工作簿组件无法加载（需要联网一次）/ the workbook component could not load (it needs the network once)",
                ),
            );
        }
        WORKER.with(|w| *w.borrow_mut() = None);
    });
    w.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    Ok(w)
}

async fn call(args: &[JsValue]) -> Result<JsValue, Failure> {
    let worker = start()?;
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let msg = Array::new();
    msg.push(&JsValue::from(id));
    for a in args {
        msg.push(a);
    }
    let promise = Promise::new(&mut |resolve, reject| {
        WAITING.with(|m| m.borrow_mut().insert(id, (resolve, reject)));
    });
    worker
        .post_message(&msg)
        .map_err(|e| Failure::same(super::persist::js_message(&e)))?;
    let reply = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| Failure::same(e.as_string().unwrap_or_default()))?;
    let reply = Array::from(&reply);
    if reply.get(1).is_truthy() {
        Ok(reply.get(2))
    } else {
        Err(Failure {
            zh: reply.get(2).as_string().unwrap_or_default(),
            en: reply.get(3).as_string().unwrap_or_default(),
        })
    }
}

/// Reads a workbook's cells in the worker.
pub async fn read(bytes: &[u8]) -> Result<Book, Failure> {
    let v = call(&[JsValue::from_str("read"), Uint8Array::from(bytes).into()]).await?;
    Book::from_wire(&v.as_string().unwrap_or_default())
        .ok_or_else(|| Failure::same("the workbook worker answered garbage".to_owned()))
}

/// The .xlsx export of a snapshot.
pub async fn export(snapshot_json: String, lang: Lang) -> Result<Vec<u8>, Failure> {
    let lang = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    let v = call(&[
        JsValue::from_str("export"),
        JsValue::from_str(&snapshot_json),
        JsValue::from_str(lang),
    ])
    .await?;
    Ok(Uint8Array::new(&v).to_vec())
}

/// The street's report template for a month.
pub async fn template(
    snapshot_json: String,
    street: String,
    month: String,
) -> Result<Vec<u8>, Failure> {
    let v = call(&[
        JsValue::from_str("template"),
        JsValue::from_str(&snapshot_json),
        JsValue::from_str(&street),
        JsValue::from_str(&month),
    ])
    .await?;
    Ok(Uint8Array::new(&v).to_vec())
}
