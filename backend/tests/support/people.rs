//! Citizens for the suites: signed in by a texted code read from their own outbox, and
//! verified with a valid ID number; distinct `n` give distinct phones and ID numbers.

use backend::Services;

pub const IP: &str = "203.0.113.9";

/// GB 11643: a valid 18-character number for person `n` (distinct for distinct n).
pub fn id_number(n: u32) -> String {
    let body = format!("110105{}0101{:03}", 1950 + n / 1000, n % 1000);
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .bytes()
        .zip(W)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{body}{check}")
}

pub fn phone(n: u32) -> String {
    format!("139{n:08}")
}

#[derive(Clone, Debug)]
pub struct Citizen {
    pub id: i64,
    pub phone: String,
}

/// Signs a citizen in by texted code. Reads the code from that phone's own outbox, so many
/// can sign in at once.
pub async fn signed_in_citizen(s: &Services, n: u32) -> Citizen {
    let phone = phone(n);
    s.accounts
        .send_code(&phone, &format!("send{n}"), IP)
        .await
        .unwrap();
    let text = s
        .accounts
        .outbox(&phone)
        .await
        .unwrap()
        .into_iter()
        .next()
        .expect("code texted");
    let code = text
        .body
        .split(|c: char| !c.is_ascii_digit())
        .find(|p| p.len() == 6)
        .expect("6-digit code")
        .to_owned();
    let signed = s.accounts.sign_in(&phone, &code, IP, None).await.unwrap();
    Citizen {
        id: signed.citizen_id,
        phone,
    }
}

/// A signed-in, real-name-verified citizen; distinct `n` give distinct phones and IDs.
pub async fn verified_citizen(s: &Services, n: u32) -> Citizen {
    let c = signed_in_citizen(s, n).await;
    let profile = s
        .accounts
        .verify_identity(c.id, "张三", &id_number(n), IP)
        .await
        .unwrap();
    assert!(profile.verified);
    c
}
