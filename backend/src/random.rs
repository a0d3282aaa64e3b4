//! Unpredictable values from the operating system: session tokens, codes, form keys and
//! first passwords.

use aes_gcm::aead::OsRng;
use aes_gcm::aead::rand_core::RngCore;

/// `bytes` random bytes as lower-case hex.
pub fn token_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn u64() -> u64 {
    OsRng.next_u64()
}

pub fn u32() -> u32 {
    OsRng.next_u32()
}

/// A one-time key for a form, so that submitting it twice does a thing once.
pub fn form_key() -> String {
    token_hex(16)
}

/// A first password to hand over in person: 16 characters from an alphabet without
/// look-alikes (no 0/O, 1/l/I), about 90 bits.
pub fn password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..16)
        .map(|_| {
            // Rejection sampling keeps every character equally likely.
            loop {
                let b = (OsRng.next_u32() & 0xff) as usize;
                if b < 256 - 256 % ALPHABET.len() {
                    break char::from(ALPHABET[b % ALPHABET.len()]);
                }
            }
        })
        .collect()
}

/// Five random bytes, the 40 bits of a booking code.
pub fn bytes5() -> [u8; 5] {
    let mut buf = [0u8; 5];
    OsRng.fill_bytes(&mut buf);
    buf
}
