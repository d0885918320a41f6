// A stock Hocuspocus server for the relay tests and the load benchmark, on 127.0.0.1.
//
// usage: node hocuspocus-server.mjs [--port N] [--token T] [--redis PORT] [--sqlite FILE]
//                                   [--name NAME] [--v3] [--quiet]
//   --port    0 (the default) takes a free port; the port is printed as `listening PORT`
//   --token   onAuthenticate refuses every other token (permission denied)
//   --readonly-token  this token is accepted too, for a read-only connection
//   --redis   @hocuspocus/extension-redis on the redis-server at 127.0.0.1:PORT, so several
//             instances share their documents
//   --sqlite  @hocuspocus/extension-sqlite persistence in FILE (instances may share it)
//   --debounce MS, --max-debounce MS  when documents are stored (200 and 1000 by default here,
//             so a restart in a test loses nothing to the wait; Hocuspocus's own defaults are
//             2000 and 10000, which the load benchmark uses)
//   --v3      the previous major version (@hocuspocus/server 3.x, installed as
//             hocuspocus-server-v3), to show the app speaks both
// Prints one line per event on stdout, for the tests to read:
//   `connected SOCKET DOCUMENT` when a document is open on a socket (so a test counts sockets),
//   `refused DOCUMENT` when a token was refused, `stored DOCUMENT` after persistence.
// NODE_PATH must reach the packages of tests/relay/servers (scripts/setup.sh relay).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name) => args.includes(`--${name}`);
// NODE_PATH is honoured by require, not by import: load the packages through it.
const { Server } = require(flag('v3') ? 'hocuspocus-server-v3' : '@hocuspocus/server');
const say = (line) => process.stdout.write(line + '\n');

const extensions = [];
if (opt('redis')) {
  const { Redis } = require('@hocuspocus/extension-redis');
  extensions.push(new Redis({ host: '127.0.0.1', port: Number(opt('redis')) }));
}
if (opt('sqlite')) {
  const { SQLite } = require('@hocuspocus/extension-sqlite');
  extensions.push(new SQLite({ database: opt('sqlite') }));
}
const token = opt('token');
const readonlyToken = opt('readonly-token');
const server = new Server({
  name: opt('name') ?? 'hocuspocus',
  port: Number(opt('port') ?? 0),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  debounce: Number(opt('debounce') ?? 200),
  maxDebounce: Number(opt('max-debounce') ?? 1000),
  extensions,
  async onAuthenticate({ token: given, documentName, connectionConfig }) {
    if (readonlyToken !== undefined && given === readonlyToken) {
      connectionConfig.readOnly = true;
      return;
    }
    if (token !== undefined && given !== token) {
      say(`refused ${documentName}`);
      throw new Error('not authorized');
    }
  },
  async connected({ socketId, documentName }) {
    if (!flag('quiet')) say(`connected ${socketId} ${documentName}`);
  },
  async afterStoreDocument({ documentName }) {
    if (!flag('quiet')) say(`stored ${documentName}`);
  },
});
await server.listen();
say(`listening ${server.address.port}`);
