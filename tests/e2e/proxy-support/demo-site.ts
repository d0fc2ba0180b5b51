/**
 * The page the browser loads through the proxy: HTML, a stylesheet, a script that fetches JSON and
 * renders it, and a PNG image; every answer `no-store`, so each reload asks for everything again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkerboardPng } from './png-image';

export const SITE_PATHS = ['/', '/style.css', '/app.js', '/api/items.json', '/logo.png'] as const;

export const ITEMS = [
  { name: 'Tape deck', price: 129 },
  { name: 'Cassette C90', price: 4 },
  { name: 'Head cleaner', price: 11 },
];

function page(title: string): string {
  return `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/style.css" />
  </head>
  <body>
    <h1>${title}</h1>
    <img id="logo" src="/logo.png" width="96" height="96" alt="checkerboard" />
    <ul id="items"></ul>
    <p id="status">loading…</p>
    <script src="/app.js"></script>
  </body>
</html>
`;
}

const STYLE = `body { font-family: sans-serif; margin: 24px; background: #f6f1e7; color: #222; }
h1 { color: rgb(120, 40, 160); }
#items li { padding: 4px 0; font-size: 18px; }
#status { font-weight: bold; }
`;

const SCRIPT = `fetch('/api/items.json')
  .then((response) => response.json())
  .then((data) => {
    const list = document.getElementById('items');
    for (const item of data.items) {
      const li = document.createElement('li');
      li.textContent = item.name + ': ' + item.price + ' €';
      list.appendChild(li);
    }
    document.getElementById('status').textContent = 'loaded ' + data.items.length + ' items';
  });
`;

const LOGO = checkerboardPng(32, 8, [200, 60, 40], [250, 220, 120]);

/** A request handler serving the demo site titled `title`. */
export function demoSite(title: string) {
  const answers = new Map<string, { type: string; body: Buffer }>([
    ['/', { type: 'text/html; charset=utf-8', body: Buffer.from(page(title)) }],
    ['/style.css', { type: 'text/css', body: Buffer.from(STYLE) }],
    ['/app.js', { type: 'text/javascript', body: Buffer.from(SCRIPT) }],
    [
      '/api/items.json',
      { type: 'application/json', body: Buffer.from(JSON.stringify({ items: ITEMS })) },
    ],
    ['/logo.png', { type: 'image/png', body: LOGO }],
  ]);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const answer = answers.get(req.url ?? '');
    const body = answer?.body ?? Buffer.from('not found\n');
    res.writeHead(answer === undefined ? 404 : 200, {
      'content-type': answer?.type ?? 'text/plain',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(body);
  };
}
