//! End-to-end harness: serves `dist/` on loopback under a sub-path, starts ChromeDriver with a
//! fresh headless Chromium profile, and offers the few helpers the e2e tests need.
//!
//! The server injects a same-origin probe script before the app's own scripts so that console
//! errors, uncaught exceptions and rejected promises are recorded from the very first moment.

#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};

/// The app is served from this sub-path to prove `dist/` works away from the root.
pub const PREFIX: &str = "/sub/app/";

const PROBE: &str = r#"(function(){
  window.__errors = [];
  var push = function(kind, args){
    try { window.__errors.push(kind + ': ' + Array.prototype.map.call(args, String).join(' ')); } catch (e) {}
  };
  var orig = console.error;
  console.error = function(){ push('console.error', arguments); return orig.apply(console, arguments); };
  window.addEventListener('error', function(e){ push('error', [e.message]); });
  window.addEventListener('unhandledrejection', function(e){ push('unhandledrejection', [e.reason]); });
})();"#;

/// Reads the app's IndexedDB records (`src/ui/persist.rs`) and puts the snapshot back together
/// as `src/snapshot/records.rs` joins it, then runs the function body `arguments[0]` over `s`
/// (the snapshot object), `text` (its JSON), `meta` (the meta record), `records` (key → stored
/// text) and `local` (localStorage, key → text). Opening never creates the database: a page
/// that has stored nothing yet answers `s`, `text` and `meta` as null.
const READ_STORED: &str = r#"
const done = arguments[arguments.length - 1];
const src = arguments[0];
const body = new Function('s', 'text', 'meta', 'records', 'local', src);
const local = {};
for (const k of Object.keys(localStorage).sort()) local[k] = localStorage.getItem(k);
const run = (records) => {
  let s = null, meta = null;
  // Records that do not parse (a damaged store) leave `s` null; `records` still has them.
  try {
    if (records.meta) {
      meta = JSON.parse(records.meta);
      s = Object.assign(JSON.parse(records.head), JSON.parse(records.plan));
      let obs = [];
      for (let i = 0; i < meta.hashes.length; i++) for (const o of JSON.parse(records['obs.' + i])) obs.push(o);
      s.dataset = Object.assign({observations: obs}, JSON.parse(records.dataset));
      s.scenarios = JSON.parse(records.scenarios);
      s.response = JSON.parse(records.response);
    }
  } catch (e) { s = null; }
  try {
    // The text only where the body reads it: a city's workspace is ≈ 54 MB of it.
    const text = s && src.includes('text') ? JSON.stringify(s) : null;
    done({v: body(s, text, meta, records, local)});
  } catch (e) { done({err: String(e && e.stack || e)}); }
};
const req = indexedDB.open('uew');
req.onupgradeneeded = () => req.transaction.abort();
req.onerror = (e) => { e.preventDefault(); run({}); };
req.onsuccess = () => {
  const db = req.result;
  if (!db.objectStoreNames.contains('records')) { db.close(); return run({}); }
  const tx = db.transaction('records', 'readonly');
  const st = tx.objectStore('records');
  const keys = st.getAllKeys(), vals = st.getAll();
  tx.oncomplete = () => {
    db.close();
    const r = {};
    keys.result.forEach((k, i) => { r[k] = vals.result[i]; });
    run(r);
  };
  tx.onerror = () => done({err: String(tx.error)});
};
"#;

/// Script served after the probe, before the app's own scripts (set by a test, cleared by
/// [`Harness::start`]): how a test puts the browser in a state the app meets on start-up.
pub static PRELUDE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

static PROFILE_SEQ: AtomicUsize = AtomicUsize::new(0);

pub struct Harness {
    pub client: Client,
    pub base: String,
    /// Where the browser saves downloads.
    pub downloads: PathBuf,
    offline: Arc<AtomicBool>,
    chromedriver: Child,
    profile: PathBuf,
    pub shots: PathBuf,
}

fn dist_dir() -> PathBuf {
    let dir = std::env::var("UEW_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no release build at {}: run `bash scripts/test.sh` (it builds dist/ first)",
        dir.display()
    );
    dir
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "webmanifest" => "application/json",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

/// A minimal static file server: GET only, one request per connection. While `offline` is set
/// it drops every connection unanswered, as an unreachable server would.
async fn serve(listener: TcpListener, root: Arc<PathBuf>, offline: Arc<AtomicBool>) {
    loop {
        let Ok((mut sock, _)) = listener.accept().await else {
            continue;
        };
        if offline.load(Ordering::SeqCst) {
            drop(sock);
            continue;
        }
        let root = root.clone();
        tokio::spawn(async move {
            let mut buf = Vec::with_capacity(2048);
            let mut chunk = [0u8; 1024];
            while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 65536 {
                match sock.read(&mut chunk).await {
                    Ok(0) | Err(_) => return,
                    Ok(n) => buf.extend_from_slice(chunk.get(..n).unwrap_or_default()),
                }
            }
            let head = String::from_utf8_lossy(&buf);
            let path = head
                .lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .unwrap_or("/")
                .split(['?', '#'])
                .next()
                .unwrap_or("/")
                .to_owned();
            let (status, ctype, body) = respond(&root, &path);
            let header = format!(
                "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = sock.write_all(header.as_bytes()).await;
            let _ = sock.write_all(&body).await;
            let _ = sock.shutdown().await;
        });
    }
}

fn respond(root: &Path, path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let Some(rel) = path.strip_prefix(PREFIX) else {
        return (
            "404 Not Found",
            "text/plain",
            b"outside the app's sub-path".to_vec(),
        );
    };
    if rel == "__e2e_probe.js" {
        let prelude = PRELUDE.lock().map(|p| p.clone()).unwrap_or_default();
        return (
            "200 OK",
            "text/javascript",
            format!("{PROBE}\n{prelude}").into_bytes(),
        );
    }
    if rel.contains("..") {
        return ("403 Forbidden", "text/plain", Vec::new());
    }
    let file = if rel.is_empty() {
        root.join("index.html")
    } else {
        root.join(rel)
    };
    match std::fs::read(&file) {
        Ok(bytes) if rel.is_empty() || rel == "index.html" => {
            // First in the page; the release build minifies it, leaving out the `<head>` tag.
            let mut html = String::from_utf8_lossy(&bytes).into_owned();
            let at = html
                .find("<head>")
                .map(|i| i + "<head>".len())
                .or_else(|| {
                    let i = html.find("<html")?;
                    Some(i + html.get(i..)?.find('>')? + 1)
                })
                .unwrap_or(0);
            html.insert_str(at, "<script src=\"__e2e_probe.js\"></script>");
            ("200 OK", content_type(&file), html.into_bytes())
        }
        Ok(bytes) => ("200 OK", content_type(&file), bytes),
        Err(_) => ("404 Not Found", "text/plain", Vec::new()),
    }
}

async fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap().port()
}

impl Harness {
    /// Serves dist/ and opens a fresh browser profile at 1280×800.
    pub async fn start() -> Harness {
        PRELUDE.lock().unwrap().clear();
        let root = Arc::new(dist_dir());
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let offline = Arc::new(AtomicBool::new(false));
        tokio::spawn(serve(listener, root, offline.clone()));

        let port = free_port().await;
        let chromedriver =
            Command::new(std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into()))
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .expect("chromedriver must be installed (scripts/setup.sh --test installs it)");

        let seq = PROFILE_SEQ.fetch_add(1, Ordering::SeqCst);
        let profile =
            std::env::temp_dir().join(format!("uew-e2e-profile-{}-{seq}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).unwrap();

        let downloads = profile.join("downloads");
        std::fs::create_dir_all(&downloads).unwrap();
        let caps = json!({
            "goog:chromeOptions": {
                "prefs": {
                    "download.default_directory": downloads.display().to_string(),
                    "download.prompt_for_download": false
                },
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=zh-CN",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let Value::Object(caps) = caps else {
            unreachable!()
        };

        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("could not start a ChromeDriver session: {e}"),
            }
        };
        let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        Harness {
            client,
            base: format!("http://{addr}{PREFIX}"),
            downloads,
            offline,
            chromedriver,
            profile,
            shots,
        }
    }

    /// Opens the app at a route such as `#/plan` and waits until it has rendered and read
    /// its storage.
    pub async fn open(&self, hash: &str) {
        self.client
            .goto(&format!("{}{}", self.base, hash))
            .await
            .unwrap();
        self.wait_for_css("header.topbar").await;
        self.wait_for_js("!document.querySelector('#loading-workspace')")
            .await;
    }

    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                return el;
            }
            assert!(Instant::now() < deadline, "timed out waiting for `{css}`");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until a JS expression is truthy.
    pub async fn wait_for_js(&self, expr: &str) {
        self.wait_for_js_within(expr, Duration::from_secs(20)).await;
    }

    /// [`Harness::wait_for_js`] with its own time limit (a city-sized workspace's import).
    pub async fn wait_for_js_within(&self, expr: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        loop {
            // A script error (an element mid re-render) counts as "not yet".
            let v = self
                .client
                .execute(&format!("return !!({expr});"), vec![])
                .await;
            if matches!(v, Ok(Value::Bool(true))) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for `{expr}`");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap()
    }

    /// The attribute `name` of the first element matching `css`, once there is one.
    pub async fn attr(&self, css: &str, name: &str) -> String {
        let el = self.wait_for_css(css).await;
        el.attr(name).await.unwrap().unwrap_or_default()
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for_css(css).await.text().await.unwrap()
    }

    /// Errors the page reported since it loaded (console.error, uncaught, unhandled rejection).
    pub async fn errors(&self) -> Vec<String> {
        let v = self
            .js("return window.__errors || ['probe missing'];")
            .await;
        serde_json::from_value(v).unwrap()
    }

    pub async fn assert_no_errors(&self) {
        let errors = self.errors().await;
        assert!(errors.is_empty(), "the page reported errors: {errors:#?}");
    }

    /// Saves a full-page screenshot under target/screenshots/.
    pub async fn screenshot(&self, name: &str) {
        // Grow the window to the page height so the whole page is captured.
        let h = self
            .js("return Math.min(document.documentElement.scrollHeight, 12000);")
            .await
            .as_u64()
            .unwrap_or(800) as u32;
        let _ = self.client.set_window_size(1280, h.max(800)).await;
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{name}.png")), png).unwrap();
        let _ = self.client.set_window_size(1280, 800).await;
    }

    /// Screenshots of the viewport with `css` in view at a phone's width (390 px) and a
    /// meeting room's (1366 px), in Chinese and in English: `<name>-<lang>-<width>.png`. The page
    /// is left in Chinese at 1280×800. A panel that the language switch redraws closed is opened
    /// again by clicking `reopen`.
    pub async fn screenshots_at_sizes(&self, name: &str, css: &str, reopen: Option<&str>) {
        for lang in ["en", "zh-CN"] {
            self.js(&format!(
                "document.querySelector(\".lang-switch button[lang='{lang}']\").click(); return true;"
            ))
            .await;
            self.wait_for_js(&format!("document.documentElement.lang === '{lang}'"))
                .await;
            if let Some(button) = reopen {
                self.js(&format!(
                    "if (!document.querySelector({css:?})) document.querySelector({button:?}).click(); return true;"
                ))
                .await;
                self.wait_for_css(css).await;
            }
            for (w, h) in [(390, 844), (1366, 768)] {
                let _ = self.client.set_window_size(w, h).await;
                self.js(&format!(
                    "document.querySelector({css:?}).scrollIntoView({{block: 'start'}}); return true;"
                ))
                .await;
                let png = self.client.screenshot().await.unwrap();
                std::fs::write(self.shots.join(format!("{name}-{lang}-{w}.png")), png).unwrap();
                // The page never scrolls sideways; wide tables scroll inside their box.
                let wide = self
                    .js("const d = document.documentElement;
                         if (d.scrollWidth <= d.clientWidth) return '';
                         const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement)
                             if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
                         const over = [...document.querySelectorAll('body *')]
                           .filter(e => e.getBoundingClientRect().right > d.clientWidth + 1 && !clipped(e))
                           .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'));
                         return d.scrollWidth + ' > ' + d.clientWidth + ': ' + over.slice(0, 8).join(' ');")
                    .await;
                assert_eq!(
                    wide,
                    serde_json::json!(""),
                    "{name} {lang} {w}: the page scrolls sideways"
                );
            }
        }
        let _ = self.client.set_window_size(1280, 800).await;
    }

    /// Prints the page as the browser would (print media, A4) to target/screenshots/<name>.pdf,
    /// renders its first page to <name>-print.png for looking at (where `pdftoppm` is at hand),
    /// and returns the PDF's text (`pdftotext`; empty where poppler-utils is missing).
    pub async fn print_pdf(&self, name: &str) -> String {
        let config = fantoccini::wd::PrintConfiguration::builder()
            .size(fantoccini::wd::PrintSize::A4)
            .background(true)
            .build()
            .unwrap();
        let pdf = self.client.print(config).await.unwrap();
        assert!(pdf.starts_with(b"%PDF"), "the print is a PDF");
        let path = self.shots.join(format!("{name}.pdf"));
        std::fs::write(&path, pdf).unwrap();
        let png = self.shots.join(format!("{name}-print"));
        let _ = std::process::Command::new("pdftoppm")
            .args(["-png", "-r", "60", "-singlefile", "-f", "1", "-l", "1"])
            .arg(&path)
            .arg(&png)
            .status();
        std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&path)
            .arg("-")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    /// Waits for a finished download whose name ends with `suffix` and returns its path.
    pub async fn wait_for_download(&self, suffix: &str) -> PathBuf {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(entries) = std::fs::read_dir(&self.downloads) {
                for e in entries.flatten() {
                    let name = e.file_name().to_string_lossy().to_string();
                    // Complete once it has content that stopped growing.
                    if name.ends_with(suffix) {
                        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
                        let first = size(&e.path());
                        tokio::time::sleep(Duration::from_millis(200)).await;
                        if first > 0 && size(&e.path()) == first {
                            return e.path();
                        }
                    }
                }
            }
            assert!(Instant::now() < deadline, "no download ending in {suffix}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Exports the workspace from the snapshots page and returns the downloaded file.
    pub async fn export_snapshot(&self) -> PathBuf {
        self.open("#/snapshots").await;
        self.wait_for_css("#export-snapshot")
            .await
            .click()
            .await
            .unwrap();
        self.wait_for_download("-snapshot.json").await
    }

    /// Chooses a file in the snapshots page's import picker (the preview follows).
    /// Waits until the app has read its storage and no save is waiting or running.
    pub async fn saves_settled(&self) {
        self.wait_for_js(
            "document.querySelector('#save-state') && !document.querySelector('#loading-workspace')
             && !document.querySelector('#save-state[data-busy]')",
        )
        .await;
    }

    /// Once saves have settled, runs `body` (a function body) over what is stored: `s` the
    /// snapshot object, `text` its JSON, `meta`, `records`, `local` (see [`READ_STORED`]).
    pub async fn stored(&self, body: &str) -> Value {
        self.saves_settled().await;
        self.stored_now(body).await
    }

    /// [`Harness::stored`] without waiting for the page.
    pub async fn stored_now(&self, body: &str) -> Value {
        let v = self
            .client
            .execute_async(READ_STORED, vec![json!(body)])
            .await
            .unwrap();
        if let Some(e) = v.get("err") {
            panic!("reading the stored workspace: {e}");
        }
        v.get("v").cloned().unwrap_or(Value::Null)
    }

    /// Waits until a JS expression over the stored workspace (`s`, `text`, `meta`) is truthy.
    pub async fn wait_for_stored(&self, expr: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let v = self
                .stored(&format!(
                    "try {{ return !!({expr}); }} catch (e) {{ return false; }}"
                ))
                .await;
            if v == Value::Bool(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for stored `{expr}`"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Everything the app keeps in the browser (localStorage and its IndexedDB records), as
    /// one comparable value.
    pub async fn all_stored(&self) -> Value {
        self.stored("return [local, records];").await
    }

    /// A browser that lost its data: localStorage cleared and the database deleted (the
    /// open page lets go of it when asked).
    pub async fn clear_storage(&self) {
        let v = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 localStorage.clear();
                 const r = indexedDB.deleteDatabase('uew');
                 r.onsuccess = () => done('deleted');
                 r.onerror = () => done('error: ' + r.error);",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(v, json!("deleted"));
    }

    /// Makes this page's IndexedDB writes fail as when the disk is full: every `put` throws a
    /// `QuotaExceededError` (`false` restores them). Other tabs are not affected.
    pub async fn refuse_writes(&self, refuse: bool) {
        self.js(&format!(
            "const P = IDBObjectStore.prototype;
             if (!P.__put) P.__put = P.put;
             P.put = {refuse} ? function () {{
               throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
             }} : P.__put;
             return true;"
        ))
        .await;
    }

    pub async fn import_file(&self, path: &Path) {
        self.open("#/snapshots").await;
        let input = self.wait_for_css("#import-snapshot").await;
        input.send_keys(path.to_str().unwrap()).await.unwrap();
    }

    /// Clicks an element as a person would: scrolled to the middle of the view first, where
    /// no sticky header or banner covers it.
    pub async fn click(&self, css: &str) {
        let el = self.wait_for_css(css).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'}); return true;",
                vec![serde_json::to_value(&el).unwrap()],
            )
            .await
            .unwrap();
        el.click().await.unwrap();
    }

    /// Types `keys` as a person does, into whatever has the focus (WebDriver key actions, so
    /// focus moves made by the page are followed). WebDriver's key codes work: Tab `\u{E004}`,
    /// Enter `\u{E007}`, Esc `\u{E00C}`, arrows `\u{E012}`–`\u{E015}`, F2 `\u{E032}`;
    /// Shift `\u{E008}` and Control `\u{E009}` stay down until `\u{E000}` (or the end).
    pub async fn type_keys(&self, keys: &str) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        const SHIFT: char = '\u{E008}';
        const CONTROL: char = '\u{E009}';
        const RELEASE: char = '\u{E000}';
        let mut seq = KeyActions::new("keyboard".into());
        let mut held: Vec<char> = Vec::new();
        for c in keys.chars() {
            match c {
                SHIFT | CONTROL => {
                    seq = seq.then(KeyAction::Down { value: c });
                    held.push(c);
                }
                RELEASE => {
                    for m in held.drain(..).rev() {
                        seq = seq.then(KeyAction::Up { value: m });
                    }
                }
                _ => {
                    seq = seq
                        .then(KeyAction::Down { value: c })
                        .then(KeyAction::Up { value: c });
                }
            }
        }
        for m in held.into_iter().rev() {
            seq = seq.then(KeyAction::Up { value: m });
        }
        self.client.perform_actions(seq).await.unwrap();
    }

    /// Makes the server unreachable (or reachable again).
    pub fn set_offline(&self, offline: bool) {
        self.offline.store(offline, Ordering::SeqCst);
    }

    pub async fn finish(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.chromedriver.kill().await;
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
