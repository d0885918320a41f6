// A plain Yjs client of a Hocuspocus server, through the stock HocuspocusProvider (in Node, with
// the `ws` package as the WebSocket), for the relay tests.
//
// usage: node hocuspocus-client.mjs URL DOCUMENT [--token T] [--append PARAGRAPH]
//                                   [--wait-for TEXT] [--name NAME --expect OTHER]
// Opens DOCUMENT (`<event-id>/<doc-id>`), waits for the first sync; with --wait-for, until the
// root Y.Text `notes` contains TEXT; with --append, appends PARAGRAPH to `notes` as a new
// Markdown paragraph (as Rapporteur does) and waits until the server acknowledged it (the
// provider's unsynced changes back to 0); prints `notes` as JSON on stdout. With --name and
// --expect it also sets its awareness {user: {name: NAME}} and waits to see a client named
// OTHER, printing that client's state as JSON on a second line.
// Exit 4 when the server refuses the token, 3 on a time-out.
// NODE_PATH must reach the packages of tests/relay/servers (scripts/setup.sh relay).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Y = require('yjs');
const WebSocket = require('ws');
const { HocuspocusProvider, HocuspocusProviderWebsocket } = require('@hocuspocus/provider');

const args = process.argv.slice(2);
const [url, name] = args;
const opt = (flag) => {
  const i = args.indexOf(`--${flag}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!url || !name) {
  console.error('usage: node hocuspocus-client.mjs URL DOCUMENT [--token T] [--append P] [--wait-for TEXT] [--name N --expect M]');
  process.exit(2);
}
const timer = setTimeout(() => {
  console.error(`hocuspocus client: timed out; notes: ${JSON.stringify(doc.getText('notes').toString())}`);
  process.exit(3);
}, Number(process.env.CLIENT_TIMEOUT_MS ?? 20000));

const doc = new Y.Doc();
const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
const provider = new HocuspocusProvider({
  websocketProvider: socket,
  name,
  document: doc,
  token: opt('token') ?? null,
  onAuthenticationFailed: ({ reason }) => {
    console.error(`hocuspocus client: refused: ${reason}`);
    process.exit(4);
  },
});
provider.attach();
if (opt('name')) provider.setAwarenessField('user', { name: opt('name'), color: '#1f6f8b' });

const until = (check) =>
  new Promise((done) => {
    const test = () => {
      if (check()) {
        doc.off('update', test);
        provider.off('unsyncedChanges', test);
        provider.awareness?.off('change', test);
        done();
      }
    };
    doc.on('update', test);
    provider.on('unsyncedChanges', test);
    provider.awareness?.on('change', test);
    test();
  });

provider.on('synced', async () => {
  const notes = doc.getText('notes');
  const waitFor = opt('wait-for');
  if (waitFor) await until(() => notes.toString().includes(waitFor));
  const paragraph = opt('append');
  if (paragraph) {
    const cur = notes.toString();
    const sep = cur === '' || cur.endsWith('\n\n') ? '' : cur.endsWith('\n') ? '\n' : '\n\n';
    notes.insert(notes.length, sep + paragraph);
  }
  await until(() => !provider.hasUnsyncedChanges);
  process.stdout.write(JSON.stringify(notes.toString()) + '\n');
  const expect = opt('expect');
  if (expect) {
    let seen;
    await until(() => {
      for (const [id, state] of provider.awareness.getStates()) {
        if (id !== doc.clientID && state.user?.name === expect) seen = state;
      }
      return seen !== undefined;
    });
    process.stdout.write(JSON.stringify(seen) + '\n');
    // Renew our state so the other side sees it even if it connected late, then stay a moment.
    provider.setAwarenessField('user', { name: opt('name'), color: '#1f6f8b' });
    await new Promise((r) => setTimeout(r, 1500));
  }
  clearTimeout(timer);
  provider.destroy();
  socket.destroy();
  process.exit(0);
});
