// Service worker: the app opens offline after the first visit.
// index.html is network-first (a new build is picked up at once when online); the hashed assets
// it names never change, so they are cache-first. Nothing else is fetched.
const CACHE = 'uew-v1';
// Trunk's content hashes are up to 16 hex digits: a hash with leading zeros is shorter.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
// The workbook worker is not in index.html (it loads on first use) and its names carry no hash:
// network-first, so a new build is picked up, and kept for offline use once fetched.
const WORKER = /\/xlsx_worker[^/]*\.(js|wasm)$/;

async function precache() {
  const cache = await caches.open(CACHE);
  const index = await fetch('./', { cache: 'no-cache' });
  const html = await index.clone().text();
  await cache.put('./', index);
  // Attribute values quoted or not (the release build minifies index.html).
  const assets = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']?\.?\/?([^"'\s>]+)/g)]
    .map((m) => './' + m[1])
    .filter((u) => !u.startsWith('./http') && !u.includes('__e2e'));
  await Promise.all(assets.map(async (u) => {
    try { const r = await fetch(u); if (r.ok) await cache.put(u, r); } catch (e) { /* next visit */ }
  }));
}

self.addEventListener('install', (e) => { e.waitUntil(precache().then(() => self.skipWaiting())); });
self.addEventListener('activate', (e) => { e.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (WORKER.test(url.pathname)) {
    e.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const fresh = await fetch(req);
        if (fresh.ok) await cache.put(req, fresh.clone());
        return fresh;
      } catch (err) {
        return (await cache.match(req, { ignoreSearch: true })) || Response.error();
      }
    })());
    return;
  }
  if (req.mode === 'navigate') {
    e.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const fresh = await fetch(req);
        if (fresh.ok) await cache.put('./', fresh.clone());
        return fresh;
      } catch (err) {
        return (await cache.match('./')) || Response.error();
      }
    })());
    return;
  }
  if (HASHED.test(url.pathname) || url.pathname.endsWith('.svg') || url.pathname.endsWith('.webmanifest')) {
    e.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      const fresh = await fetch(req);
      if (fresh.ok) await cache.put(req, fresh.clone());
      return fresh;
    })());
  }
});
