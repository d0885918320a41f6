//! The encrypted channel of the room: a Noise `XXpsk3` handshake keyed by the join code, then a
//! stream of length-prefixed frames inside ChaCha20-Poly1305 transport messages.
//!
//! On the socket every Noise message is `[u16 big-endian length][message]` (at most 65535
//! bytes, Noise's own limit). Inside the decrypted stream every frame is `[u32 big-endian
//! length][bytes]`, split over as many transport messages as it needs; a declared length over
//! [`MAX_FRAME_BYTES`] is refused before anything is buffered. An empty frame is a keep-alive.
//!
//! The only plaintext after the first two handshake messages is [`REFUSED`], which the host
//! sends when the third handshake message does not decrypt (a wrong join code), so the joiner
//! can say so instead of guessing from a closed socket.

use super::code::JoinCode;
use super::{NetError, HANDSHAKE_TIMEOUT};
use crate::sync::MAX_FRAME_BYTES;
use snow::{Builder, HandshakeState, StatelessTransportState};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::TcpStream;

/// The Noise protocol name.
pub const PATTERN: &str = "Noise_XXpsk3_25519_ChaChaPoly_BLAKE2s";
const PROLOGUE: &[u8] = b"rapporteur live sync v1";
const NOISE_MAX: usize = 65535;
const TAG: usize = 16;
/// The host's answer to a wrong join code, in plaintext (it reveals nothing).
pub const REFUSED: &[u8] = b"rapporteur: join code refused";

/// Reads frames from the decrypted stream.
pub struct SecureReader {
    rd: OwnedReadHalf,
    noise: Arc<StatelessTransportState>,
    nonce: u64,
    plain: Vec<u8>,
    addr: String,
}

/// Writes frames into the encrypted stream.
pub struct SecureWriter {
    wr: OwnedWriteHalf,
    noise: Arc<StatelessTransportState>,
    nonce: u64,
    addr: String,
}

fn noise_err(addr: &str) -> impl FnOnce(snow::Error) -> NetError + '_ {
    move |e| NetError::Noise {
        addr: addr.to_string(),
        reason: e.to_string(),
    }
}

fn builder<'a>(psk: &'a [u8; 32], private: &'a [u8], addr: &str) -> Result<Builder<'a>, NetError> {
    let params = PATTERN.parse().map_err(noise_err(addr))?;
    Builder::new(params)
        .local_private_key(private)
        .and_then(|b| b.psk(3, psk))
        .and_then(|b| b.prologue(PROLOGUE))
        .map_err(noise_err(addr))
}

async fn read_msg(rd: &mut OwnedReadHalf, addr: &str) -> Result<Vec<u8>, NetError> {
    let mut len = [0u8; 2];
    rd.read_exact(&mut len).await.map_err(NetError::io(addr))?;
    let mut msg = vec![0u8; u16::from_be_bytes(len) as usize];
    rd.read_exact(&mut msg).await.map_err(NetError::io(addr))?;
    Ok(msg)
}

async fn write_msg(wr: &mut OwnedWriteHalf, msg: &[u8], addr: &str) -> Result<(), NetError> {
    let len = u16::try_from(msg.len()).map_err(|_| NetError::Protocol {
        addr: addr.into(),
        reason: "Noise message over 65535 bytes".into(),
    })?;
    let mut buf = Vec::with_capacity(msg.len() + 2);
    buf.extend_from_slice(&len.to_be_bytes());
    buf.extend_from_slice(msg);
    wr.write_all(&buf).await.map_err(NetError::io(addr))
}

fn step_write(hs: &mut HandshakeState, addr: &str) -> Result<Vec<u8>, NetError> {
    let mut buf = vec![0u8; NOISE_MAX];
    let n = hs.write_message(&[], &mut buf).map_err(noise_err(addr))?;
    buf.truncate(n);
    Ok(buf)
}

fn split(
    hs: HandshakeState,
    stream: TcpStream,
    addr: &str,
) -> Result<(SecureReader, SecureWriter), NetError> {
    let noise = Arc::new(
        hs.into_stateless_transport_mode()
            .map_err(noise_err(addr))?,
    );
    let (rd, wr) = stream.into_split();
    Ok((
        SecureReader {
            rd,
            noise: noise.clone(),
            nonce: 0,
            plain: Vec::new(),
            addr: addr.into(),
        },
        SecureWriter {
            wr,
            noise,
            nonce: 0,
            addr: addr.into(),
        },
    ))
}

async fn timed<T>(
    addr: &str,
    fut: impl std::future::Future<Output = Result<T, NetError>>,
) -> Result<T, NetError> {
    tokio::time::timeout(HANDSHAKE_TIMEOUT, fut)
        .await
        .map_err(|_| NetError::Timeout {
            addr: addr.into(),
            what: "the secure handshake",
            secs: HANDSHAKE_TIMEOUT.as_secs(),
        })?
}

/// A fresh handshake keyed by the join code, with a new static key pair for this run.
fn handshake(
    code: &JoinCode,
    addr: &str,
    initiator: bool,
) -> Result<snow::HandshakeState, NetError> {
    let psk = code.psk();
    let params = PATTERN.parse().map_err(noise_err(addr))?;
    let keys = Builder::new(params)
        .generate_keypair()
        .map_err(noise_err(addr))?;
    let b = builder(&psk, &keys.private, addr)?;
    if initiator {
        b.build_initiator()
    } else {
        b.build_responder()
    }
    .map_err(noise_err(addr))
}

/// The joiner's side: `-> e`, `<- e, ee, s, es`, `-> s, se, psk`; then the host's first frame
/// proves it knew the code too.
pub async fn initiate(
    stream: TcpStream,
    code: &JoinCode,
    addr: &str,
) -> Result<(SecureReader, SecureWriter), NetError> {
    timed(addr, async {
        let mut hs = handshake(code, addr, true)?;
        let (mut rd, mut wr) = stream.into_split();
        write_msg(&mut wr, &step_write(&mut hs, addr)?, addr).await?;
        let m2 = read_msg(&mut rd, addr).await?;
        let mut scratch = vec![0u8; NOISE_MAX];
        hs.read_message(&m2, &mut scratch)
            .map_err(noise_err(addr))?;
        write_msg(&mut wr, &step_write(&mut hs, addr)?, addr).await?;
        let stream = rd.reunite(wr).map_err(|e| NetError::Task(e.to_string()))?;
        let (mut reader, writer) = split(hs, stream, addr)?;
        // The host's first frame (its hello) is the proof; a refusal or a frame that does not
        // decrypt means the codes differ.
        reader.fill_first().await?;
        Ok((reader, writer))
    })
    .await
}

/// The host's side. A wrong code is answered with [`REFUSED`] and reported as
/// [`NetError::CodeMismatch`].
pub async fn respond(
    stream: TcpStream,
    code: &JoinCode,
    addr: &str,
) -> Result<(SecureReader, SecureWriter), NetError> {
    timed(addr, async {
        let mut hs = handshake(code, addr, false)?;
        let (mut rd, mut wr) = stream.into_split();
        let mut scratch = vec![0u8; NOISE_MAX];
        let m1 = read_msg(&mut rd, addr).await?;
        hs.read_message(&m1, &mut scratch)
            .map_err(noise_err(addr))?;
        write_msg(&mut wr, &step_write(&mut hs, addr)?, addr).await?;
        let m3 = read_msg(&mut rd, addr).await?;
        if hs.read_message(&m3, &mut scratch).is_err() {
            let _ = write_msg(&mut wr, REFUSED, addr).await;
            let _ = wr.shutdown().await;
            return Err(NetError::CodeMismatch { addr: addr.into() });
        }
        let stream = rd.reunite(wr).map_err(|e| NetError::Task(e.to_string()))?;
        split(hs, stream, addr)
    })
    .await
}

impl SecureReader {
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// Reads and decrypts one Noise message into the plaintext buffer.
    async fn fill(&mut self) -> Result<(), NetError> {
        let msg = read_msg(&mut self.rd, &self.addr).await?;
        let mut out = vec![0u8; msg.len()];
        let n = self
            .noise
            .read_message(self.nonce, &msg, &mut out)
            .map_err(noise_err(&self.addr))?;
        self.nonce += 1;
        self.plain.extend_from_slice(&out[..n]);
        Ok(())
    }

    /// The first transport message, where a wrong code shows.
    async fn fill_first(&mut self) -> Result<(), NetError> {
        let msg = read_msg(&mut self.rd, &self.addr)
            .await
            .map_err(|_| NetError::CodeMismatch {
                addr: self.addr.clone(),
            })?;
        let mut out = vec![0u8; msg.len()];
        let n = match self.noise.read_message(self.nonce, &msg, &mut out) {
            Ok(n) => n,
            Err(_) => {
                return Err(NetError::CodeMismatch {
                    addr: self.addr.clone(),
                })
            }
        };
        self.nonce += 1;
        self.plain.extend_from_slice(&out[..n]);
        Ok(())
    }

    /// The next frame (empty for a keep-alive); `None` at a clean end of stream.
    pub async fn recv(&mut self) -> Result<Option<Vec<u8>>, NetError> {
        loop {
            if self.plain.len() >= 4 {
                let mut len = [0u8; 4];
                len.copy_from_slice(&self.plain[..4]);
                let len = u32::from_be_bytes(len) as usize;
                if len > MAX_FRAME_BYTES {
                    return Err(NetError::FrameTooLarge {
                        addr: self.addr.clone(),
                        size: len,
                        limit: MAX_FRAME_BYTES,
                    });
                }
                if self.plain.len() >= 4 + len {
                    let frame = self.plain[4..4 + len].to_vec();
                    self.plain.drain(..4 + len);
                    return Ok(Some(frame));
                }
            }
            match self.fill().await {
                Ok(()) => {}
                Err(NetError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::UnexpectedEof
                        && self.plain.is_empty() =>
                {
                    return Ok(None)
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl SecureWriter {
    /// Sends one frame (empty = keep-alive), encrypted.
    pub async fn send(&mut self, frame: &[u8]) -> Result<(), NetError> {
        if frame.len() > MAX_FRAME_BYTES {
            return Err(NetError::FrameTooLarge {
                addr: self.addr.clone(),
                size: frame.len(),
                limit: MAX_FRAME_BYTES,
            });
        }
        let mut plain = Vec::with_capacity(frame.len() + 4);
        plain.extend_from_slice(&(frame.len() as u32).to_be_bytes());
        plain.extend_from_slice(frame);
        let mut wire = Vec::with_capacity(plain.len() + plain.len() / 1000 + 64);
        let mut buf = vec![0u8; NOISE_MAX];
        for chunk in plain.chunks(NOISE_MAX - TAG) {
            let n = self
                .noise
                .write_message(self.nonce, chunk, &mut buf)
                .map_err(noise_err(&self.addr))?;
            self.nonce += 1;
            wire.extend_from_slice(&(n as u16).to_be_bytes());
            wire.extend_from_slice(&buf[..n]);
        }
        self.wr
            .write_all(&wire)
            .await
            .map_err(NetError::io(&self.addr))
    }
}
