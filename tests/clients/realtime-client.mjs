// Two terminals on the hub's realtime feed, made with the official @supabase/realtime-js client:
// A listens to row changes (operations started, jobs created) and tracks its presence; B sees A's
// presence and A's broadcasts. Prints one JSON line per thing seen and exits once `changes` row
// changes arrived (code 2 after `timeoutMs`). The test drives the changes after the "ready" line.
// Usage: node realtime-client.mjs PORT APIKEY VSN CHANGES [TIMEOUT_MS]
import { RealtimeClient } from '@supabase/realtime-js';
import WebSocket from 'ws';

const [port, apikey, vsn, changes, timeoutMs = '20000'] = process.argv.slice(2);
const want = Number(changes);
const print = (o) => console.log(JSON.stringify(o));
const fail = (why) => { console.error(why); process.exit(1); };
setTimeout(() => { console.error(`timed out after ${seen} of ${want} changes`); process.exit(2); }, Number(timeoutMs));

const endpoint = `ws://127.0.0.1:${port}/realtime/v1`;
const options = { params: { apikey }, vsn, transport: WebSocket, heartbeatIntervalMs: 1000, logger: () => {} };
const a = new RealtimeClient(endpoint, options);
const b = new RealtimeClient(endpoint, options);

let seen = 0;
let subscribed = 0;
let sawPresence = false;
let sawBroadcast = false;
const maybeReady = () => { if (subscribed === 2 && sawPresence && sawBroadcast) print({ ready: true }); };

const shopA = a.channel('shop', { config: { presence: { key: 'terminal-a' } } })
  .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'operations', filter: 'status=eq.in_progress' }, (p) => {
    print({ change: p.eventType, table: p.table, id: p.new.id, status: p.new.status, old: p.old });
    if (++seen >= want) process.exit(0);
  })
  .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'jobs' }, (p) => {
    print({ change: p.eventType, table: p.table, job_number: p.new.job_number, quantity: p.new.quantity ?? null });
    if (++seen >= want) process.exit(0);
  });

const shopB = b.channel('shop', { config: { presence: { key: 'terminal-b' }, broadcast: { self: false } } })
  .on('presence', { event: 'sync' }, () => {
    const state = shopB.presenceState();
    if (!sawPresence && state['terminal-a']) {
      sawPresence = true;
      print({ presence: Object.keys(state).sort(), station: state['terminal-a'][0].station });
      shopA.send({ type: 'broadcast', event: 'andon', payload: { cell: 'Laser', colour: 'red' } });
    }
  })
  .on('broadcast', { event: 'andon' }, (m) => {
    if (sawBroadcast) return;
    sawBroadcast = true;
    print({ broadcast: m.event, payload: m.payload });
    maybeReady();
  });

shopA.subscribe((status, err) => {
  if (status === 'SUBSCRIBED') {
    subscribed++;
    print({ subscribed: 'a' });
    shopA.track({ station: 'Laser 1' });
    shopB.subscribe((s, e) => {
      if (s === 'SUBSCRIBED') { subscribed++; print({ subscribed: 'b' }); maybeReady(); }
      else if (s !== 'CLOSED') fail(`b: ${s} ${e?.message ?? ''}`);
    });
  } else if (status !== 'CLOSED') {
    fail(`a: ${status} ${err?.message ?? ''}`);
  }
});
