// Starts the workbook worker (src/bin/xlsx_worker.rs). Requests that arrive while its wasm is
// still loading are kept and handed to it once it listens; if it cannot load (offline before
// it was ever fetched), each of them is answered with a failure instead of silence.
importScripts('./xlsx_worker.js');
const early = [];
self.onmessage = (e) => { early.push(e); };
wasm_bindgen('./xlsx_worker_bg.wasm').then(() => {
  for (const e of early) self.onmessage(e);
}).catch(() => {
  for (const e of early) {
    self.postMessage([e.data[0], false,
      '工作簿组件无法加载（需要联网一次）',
      'the workbook component could not load (it needs the network once)']);
  }
});
