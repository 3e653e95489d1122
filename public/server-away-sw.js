/*
 * Navigations while the Next.js server is away (restarting, crashed). Without this, a click on a
 * link of an open screen lands on the browser's own "site can't be reached" page, and someone must
 * reload by hand once the server is back. Here a navigation that cannot reach the server gets a
 * short page in Bahasa Indonesia (and English) that asks the server again every 1.5 s and opens the
 * page that was asked for as soon as it answers. Nothing is cached; other requests are not touched.
 * Used as the app's service worker (/app-sw.js) and imported by the OPD one (/opd-sw.js).
 */
const SERVER_AWAY_RETRY_MS = 1500;

function serverAwayPage() {
  const html = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Server aplikasi tidak menjawab</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#0f172a;color:#f8fafc;font:16px/1.5 system-ui,sans-serif}
main{max-width:34rem;padding:1.5rem}h1{font-size:1.4rem;margin:0 0 .5rem}p{margin:.25rem 0}.en{color:#94a3b8;font-size:.9rem;margin-top:1rem}
button{margin-top:1rem;min-height:2.5rem;padding:0 1rem;border-radius:.375rem;border:1px solid #f8fafc;background:transparent;color:inherit;font:inherit;font-weight:600}
</style></head>
<body><main data-test="server-away-page">
<h1>Server aplikasi tidak menjawab</h1>
<p>Mungkin sedang dimulai ulang. Halaman ini akan terbuka sendiri begitu server kembali.</p>
<p data-test="server-away-tries">Mencoba lagi…</p>
<button type="button" id="now">Muat ulang sekarang</button>
<p class="en">The application server is not answering (it may be restarting). This page opens by itself as soon as it is back.</p>
</main>
<script>
(function () {
  var tries = 0;
  function check() {
    tries += 1;
    document.querySelector('[data-test="server-away-tries"]').textContent = 'Mencoba lagi… (' + tries + ')';
    fetch(location.href, { method: 'HEAD', cache: 'no-store', redirect: 'manual' }).then(
      function () { location.reload(); },
      function () { setTimeout(check, ${SERVER_AWAY_RETRY_MS}); }
    );
  }
  document.getElementById('now').addEventListener('click', function () { location.reload(); });
  setTimeout(check, ${SERVER_AWAY_RETRY_MS});
})();
</script></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '2' },
  });
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  event.respondWith(fetch(request).catch(() => serverAwayPage()));
});
