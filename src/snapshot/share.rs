//! Share links: a snapshot in the URL fragment, which browsers never send to a server.
//!
//! Format: `v1.` + base64url (no padding) of the raw DEFLATE of the snapshot's compact JSON
//! ([`Snapshot::to_json_compact`]: the built-in plan by reference). Decoding checks the link
//! length before anything else, inflates with a cap on the output (a small link cannot expand
//! into a huge text), then opens the text as any file ([`Snapshot::open`]).

use super::{Opened, Snapshot, SnapshotError};
use crate::i18n::Lang;
use crate::plan::Text;
use std::fmt;

/// The version prefix of the payload.
pub const PREFIX: &str = "v1.";
/// The longest payload accepted or produced, in characters. Browsers accept far longer URLs,
/// but chat and mail clients cut or refuse them; past this a file is the way to share.
pub const MAX_LINK_CHARS: usize = 32_000;
/// The most a payload may inflate to.
pub const MAX_DECODED_BYTES: usize = 4 * 1024 * 1024;
/// DEFLATE level (0–10): the best ratio; the input is small.
const LEVEL: u8 = 9;

/// Why a link could not be made or read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The link would be (or is) longer than [`MAX_LINK_CHARS`].
    TooLong {
        chars: usize,
        max: usize,
    },
    /// The payload does not start with [`PREFIX`] (another version, or not a share link).
    UnknownVersion,
    /// A character outside base64url, or a cut payload.
    NotBase64 {
        at: usize,
    },
    /// The bytes are not DEFLATE data (a damaged or truncated link).
    Corrupt,
    /// It would inflate beyond [`MAX_DECODED_BYTES`].
    TooLargeDecoded {
        max: usize,
    },
    NotUtf8,
    /// The text inside is not a snapshot this build can read.
    Snapshot(SnapshotError),
}

impl ShareError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ShareError::TooLong { chars, max } => {
                tr!(lang, "数据太多，无法放入链接（需 {chars} 个字符，上限 {max}）：请改为导出快照文件发送", "too much data for a link ({chars} characters, at most {max}): export a snapshot and send the file instead")
            }
            ShareError::UnknownVersion => {
                tr!(
                    lang,
                    "不是本应用可识别的分享链接（应以 {PREFIX} 开头）",
                    "not a share link this app understands (expected it to start with {PREFIX})"
                )
            }
            ShareError::NotBase64 { at } => {
                tr!(
                    lang,
                    "链接已损坏（第 {at} 个字符无效）；请完整复制链接",
                    "the link is damaged (invalid character at position {at}); copy the whole link"
                )
            }
            ShareError::Corrupt => {
                tr!(
                    lang,
                    "链接已损坏或不完整；请完整复制链接",
                    "the link is damaged or incomplete; copy the whole link"
                )
            }
            ShareError::TooLargeDecoded { max } => {
                tr!(
                    lang,
                    ["链接解压后超过 {} MB，已拒绝", max / (1024 * 1024)],
                    [
                        "the link expands beyond {} MB and was refused",
                        max / (1024 * 1024)
                    ]
                )
            }
            ShareError::NotUtf8 => {
                tr!(
                    lang,
                    "链接内容不是文本；链接已损坏",
                    "the link does not hold text; it is damaged"
                )
            }
            ShareError::Snapshot(e) => e.message(lang),
        }
    }

    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ShareError {}

/// The payload for a snapshot, however long (for measuring).
pub fn encode_unbounded(snap: &Snapshot) -> String {
    let json = snap.to_json_compact();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), LEVEL);
    let mut out = String::with_capacity(PREFIX.len() + packed.len() * 4 / 3 + 4);
    out.push_str(PREFIX);
    base64url_encode(&packed, &mut out);
    out
}

/// The payload for the URL fragment: `v1.…`; [`ShareError::TooLong`] past [`MAX_LINK_CHARS`].
pub fn encode(snap: &Snapshot) -> Result<String, ShareError> {
    let link = encode_unbounded(snap);
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars: link.len(),
            max: MAX_LINK_CHARS,
        });
    }
    Ok(link)
}

/// The payload of one street's data ([`Snapshot::for_street`]); `None` for an unknown street.
pub fn encode_street(snap: &Snapshot, street_id: &str) -> Option<Result<String, ShareError>> {
    snap.for_street(street_id).map(|s| encode(&s))
}

/// The payload part of a link: what follows the last `#`, `=`, `/`, `?` or `&` (none of which
/// base64url uses), so a whole URL or a fragment such as `#share=v1.…` may be given.
fn payload(link: &str) -> &str {
    let t = link.trim();
    t.rsplit(['#', '=', '/', '?', '&']).next().unwrap_or(t)
}

/// The JSON text inside a link.
pub fn decode_text(link: &str) -> Result<String, ShareError> {
    if link.len() > MAX_LINK_CHARS + 2048 {
        return Err(ShareError::TooLong {
            chars: link.len(),
            max: MAX_LINK_CHARS,
        });
    }
    let p = payload(link);
    if p.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars: p.len(),
            max: MAX_LINK_CHARS,
        });
    }
    let body = p.strip_prefix(PREFIX).ok_or(ShareError::UnknownVersion)?;
    let packed = base64url_decode(body)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECODED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLargeDecoded {
                max: MAX_DECODED_BYTES,
            },
            _ => ShareError::Corrupt,
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::NotUtf8)
}

/// Opens a link as [`Snapshot::open`] opens a file (warnings, read-only for a newer version).
pub fn open(link: &str) -> Result<Opened, ShareError> {
    let text = decode_text(link)?;
    Snapshot::open(&text).map_err(ShareError::Snapshot)
}

/// The snapshot in a link. A link is always shown read-only until saved as the user's copy.
pub fn decode(link: &str) -> Result<Snapshot, ShareError> {
    open(link).map(|o| o.snapshot)
}

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5) without padding. Thirty lines here instead of a dependency.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8], out: &mut String) {
    let sym = |v: u32| char::from(ALPHABET.get((v & 63) as usize).copied().unwrap_or(b'A'));
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        if chunk.len() > 1 {
            out.push(sym(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(sym(n));
        }
    }
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(ShareError::NotBase64 { at: bytes.len() });
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for (k, chunk) in bytes.chunks(4).enumerate() {
        let mut n = 0u32;
        for (j, c) in chunk.iter().enumerate() {
            let v = value_of(*c).ok_or(ShareError::NotBase64 {
                at: PREFIX.len() + k * 4 + j + 1,
            })?;
            n |= v << (18 - 6 * j);
        }
        let [_, a, b, c] = n.to_be_bytes();
        out.push(a);
        if chunk.len() > 2 {
            out.push(b);
        }
        if chunk.len() > 3 {
            out.push(c);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_vectors() {
        // RFC 4648 §10, without padding, in the URL-safe alphabet.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut s = String::new();
            base64url_encode(plain.as_bytes(), &mut s);
            assert_eq!(s, coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        let mut s = String::new();
        base64url_encode(&[0xfb, 0xff, 0xfe], &mut s);
        assert_eq!(s, "-__-");
        assert_eq!(base64url_decode("-__-").unwrap(), [0xfb, 0xff, 0xfe]);
        assert_eq!(
            base64url_decode("Zm9v+"),
            Err(ShareError::NotBase64 { at: 5 })
        );
        assert!(matches!(
            base64url_decode("Zm9vY"),
            Err(ShareError::NotBase64 { .. })
        ));
        assert_eq!(
            base64url_decode("ab=c"),
            Err(ShareError::NotBase64 {
                at: PREFIX.len() + 3
            })
        );
    }

    #[test]
    fn payload_is_found_in_a_url() {
        assert_eq!(payload("https://x.example/app/#share=v1.abc"), "v1.abc");
        assert_eq!(payload("#v1.abc"), "v1.abc");
        assert_eq!(payload(" v1.abc "), "v1.abc");
    }

    #[test]
    fn inflation_is_capped() {
        let zeros = vec![0u8; MAX_DECODED_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, LEVEL);
        let mut link = PREFIX.to_owned();
        base64url_encode(&packed, &mut link);
        assert!(link.len() < MAX_LINK_CHARS, "{}", link.len());
        assert_eq!(
            decode_text(&link),
            Err(ShareError::TooLargeDecoded {
                max: MAX_DECODED_BYTES
            })
        );
    }
}
