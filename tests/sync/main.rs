//! Sync between devices: bundles, the seeded multi-peer simulation, large documents, the room
//! and relays over real sockets (the reference y-websocket server, Hocuspocus instances on
//! Redis, a y-redis-like proxy, a plain Yjs client),
//! awareness, mDNS, the window's live-sync task and the three-rapporteurs scenario.

#[path = "../common/mod.rs"]
mod common;
#[path = "../net_support/mod.rs"]
mod net_support;

mod awareness;
mod bundle;
mod large;
mod live;
mod mdns;
mod net;
mod relay;
mod relay_hocuspocus;
mod relay_tls;
mod relay_yredis;
mod scenario;
mod sim;
