//! §5.4 bulletins as OASIS Common Alerting Protocol 1.2 messages, written by hand (no XML
//! crate ships in the wasm).
//!
//! Mappings (reasons in `docs/playbook.md`):
//! - `category` `Other`: none of CAP's specific categories is a labour-market hazard; `Safety`
//!   and `Security` would route the message to public-safety and law-enforcement channels.
//! - `severity`: level 1 (特别严重) `Extreme`, level 2 (严重) `Severe`, level 3 (较重) `Moderate`;
//!   `Minor` stays unused, as the plan has no level 4.
//! - `urgency` `Future` (action in the near future, not within the hour), `Past` on a Cancel;
//!   `certainty` `Observed` (a level is a determination from recorded data or an approved act);
//!   `responseType` `Execute` (the plan's measures, named in `instruction`), `AllClear` on a
//!   Cancel.
//! - Two `info` blocks, `zh-CN` then `en`; `effective` is the bulletin's start time.

use crate::i18n::Lang;
use crate::plan::Level;
use crate::response::bulletin::Bulletin;
use crate::response::error::ResponseError;
use crate::response::record::Response;
use crate::response::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The CAP 1.2 namespace.
pub const CAP_NAMESPACE: &str = "urn:oasis:names:tc:emergency:cap:1.2";

/// CAP `msgType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CapMsgType {
    Alert,
    Update,
    Cancel,
}

impl CapMsgType {
    pub fn as_str(self) -> &'static str {
        match self {
            CapMsgType::Alert => "Alert",
            CapMsgType::Update => "Update",
            CapMsgType::Cancel => "Cancel",
        }
    }
}

/// CAP `status`: real, or an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CapStatus {
    Actual,
    Exercise,
}

impl CapStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CapStatus::Actual => "Actual",
            CapStatus::Exercise => "Exercise",
        }
    }
}

/// A CAP identifier or sender: non-empty, without whitespace, `,`, `<` or `&` (CAP 1.2 §3.2.1).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CapId(String);

/// Why a text is not a CAP identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapIdError(pub String);

impl fmt::Display for CapIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a CAP identifier (non-empty, no spaces, ',', '<' or '&')",
            self.0
        )
    }
}

impl std::error::Error for CapIdError {}

impl CapId {
    pub fn new(text: &str) -> Result<CapId, CapIdError> {
        let ok = !text.is_empty()
            && !text
                .chars()
                .any(|c| c.is_whitespace() || matches!(c, ',' | '<' | '&') || c.is_control());
        if ok {
            Ok(CapId(text.to_owned()))
        } else {
            Err(CapIdError(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CapId {
    type Error = CapIdError;
    fn try_from(s: String) -> Result<CapId, CapIdError> {
        CapId::new(&s)
    }
}

impl From<CapId> for String {
    fn from(id: CapId) -> String {
        id.0
    }
}

impl fmt::Display for CapId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An earlier message this one refers to (CAP `references`: `sender,identifier,sent`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapReference {
    pub sender: CapId,
    pub identifier: CapId,
    pub sent: Timestamp,
}

/// The `alert` fields around a bulletin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapEnvelope {
    pub msg_type: CapMsgType,
    pub status: CapStatus,
    pub identifier: CapId,
    pub sender: CapId,
    pub sent: Timestamp,
    /// Earlier messages (for an Update or a Cancel); ignored for an Alert.
    pub references: Vec<CapReference>,
    /// CAP `note`: the reason of a Cancel; exercises get a note of their own.
    pub note: Option<String>,
}

/// CAP `severity` of a level.
pub fn severity(level: Level) -> &'static str {
    match level.number() {
        1 => "Extreme",
        2 => "Severe",
        3 => "Moderate",
        _ => "Minor",
    }
}

/// Escapes text for XML content and drops characters XML 1.0 does not allow.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            // A bare CR would be read back as LF; keep it as a reference.
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn element(out: &mut String, indent: &str, name: &str, text: &str) {
    out.push_str(indent);
    out.push('<');
    out.push_str(name);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

fn info(out: &mut String, bulletin: &Bulletin, env: &CapEnvelope, exercise: bool, lang: Lang) {
    let f = &bulletin.content.fields;
    let cancel = env.msg_type == CapMsgType::Cancel;
    let i = "    ";
    out.push_str("  <info>\n");
    element(out, i, "language", lang.tag());
    element(out, i, "category", "Other");
    element(
        out,
        i,
        "event",
        match lang {
            Lang::Zh => "失业预警",
            Lang::En => "Unemployment warning",
        },
    );
    element(
        out,
        i,
        "responseType",
        if cancel { "AllClear" } else { "Execute" },
    );
    element(out, i, "urgency", if cancel { "Past" } else { "Future" });
    element(out, i, "severity", severity(bulletin.level));
    element(out, i, "certainty", "Observed");
    element(out, i, "effective", &bulletin.content.start.rfc3339_cst());
    element(out, i, "senderName", f.issuer.get(lang));
    let mut headline = String::new();
    if exercise {
        headline.push_str(match lang {
            Lang::Zh => crate::response::bulletin::EXERCISE_MARK_ZH,
            Lang::En => crate::response::bulletin::EXERCISE_MARK_EN,
        });
    }
    if cancel {
        headline.push_str(match lang {
            Lang::Zh => "解除：",
            Lang::En => "CANCELLED: ",
        });
    }
    headline.push_str(bulletin.content.title.get(lang));
    element(out, i, "headline", &headline);
    let names: [(&str, &str, &str); 5] = [
        ("category", "指标类别", "Indicator category"),
        ("level", "预警级别", "Warning level"),
        ("start", "起始时间", "Start time"),
        ("scope", "可能影响范围", "Possible scope of impact"),
        ("items", "警示事项", "Warning items"),
    ];
    let description: Vec<String> = names
        .iter()
        .filter_map(|(id, zh, en)| {
            let text = f.get(id)?.get(lang);
            Some(match lang {
                Lang::Zh => format!("{zh}：{text}"),
                Lang::En => format!("{en}: {text}"),
            })
        })
        .collect();
    element(out, i, "description", &description.join("\n"));
    element(out, i, "instruction", f.measures.get(lang));
    out.push_str(i);
    out.push_str("<parameter>\n");
    element(out, "      ", "valueName", "warningLevel");
    element(out, "      ", "value", &bulletin.level.number().to_string());
    out.push_str(i);
    out.push_str("</parameter>\n");
    out.push_str(i);
    out.push_str("<area>\n");
    element(out, "      ", "areaDesc", bulletin.content.area.get(lang));
    out.push_str(i);
    out.push_str("</area>\n");
    out.push_str("  </info>\n");
}

/// A CAP 1.2 `alert` document for `bulletin`: scope `Public`, an `info` block in `zh-CN` and
/// one in `en`. An exercise bulletin always goes out with status `Exercise` and the exercise
/// mark in its headlines, whatever `env.status` says.
pub fn cap_xml(bulletin: &Bulletin, env: &CapEnvelope) -> String {
    let exercise = bulletin.exercise || env.status == CapStatus::Exercise;
    let status = if exercise {
        CapStatus::Exercise
    } else {
        CapStatus::Actual
    };
    let mut out = String::with_capacity(8192);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<alert xmlns=\"");
    out.push_str(CAP_NAMESPACE);
    out.push_str("\">\n");
    let i = "  ";
    element(&mut out, i, "identifier", env.identifier.as_str());
    element(&mut out, i, "sender", env.sender.as_str());
    element(&mut out, i, "sent", &env.sent.rfc3339_cst());
    element(&mut out, i, "status", status.as_str());
    element(&mut out, i, "msgType", env.msg_type.as_str());
    element(&mut out, i, "scope", "Public");
    let mut note: Vec<String> = Vec::new();
    if exercise {
        note.push("演练 / Exercise".to_owned());
    }
    if let Some(n) = env.note.as_deref().filter(|n| !n.trim().is_empty()) {
        note.push(n.trim().to_owned());
    }
    // A real warning issued while the latest data no longer supported its level says why.
    if let Some(e) = bulletin.earlier_basis.as_ref().filter(|_| !exercise) {
        note.push(format!(
            "{} / {}",
            e.describe(Lang::Zh),
            e.describe(Lang::En)
        ));
    }
    if !note.is_empty() {
        element(&mut out, i, "note", &note.join(" — "));
    }
    if env.msg_type != CapMsgType::Alert && !env.references.is_empty() {
        let refs: Vec<String> = env
            .references
            .iter()
            .map(|r| format!("{},{},{}", r.sender, r.identifier, r.sent.rfc3339_cst()))
            .collect();
        element(&mut out, i, "references", &refs.join(" "));
    }
    for lang in [Lang::Zh, Lang::En] {
        info(&mut out, bulletin, env, exercise, lang);
    }
    out.push_str("</alert>\n");
    out
}

/// The CAP identifier of a bulletin's message: stable, unique per sender (the activation time
/// keeps two responses with the same numbers apart).
pub fn identifier(response: &Response, bulletin_id: u32, msg_type: CapMsgType) -> CapId {
    let started = response.activation.recorded_at.format_cst();
    let digits: String = started.chars().filter(char::is_ascii_digit).collect();
    let plan: String = response
        .procedure
        .plan_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    let suffix = if msg_type == CapMsgType::Cancel {
        ".cancel"
    } else {
        ""
    };
    // Only ASCII letters, digits and `-_.` go in, so the text is always a valid identifier.
    CapId(format!(
        "uew.{plan}.{digits}.r{}.b{bulletin_id}{suffix}",
        response.id
    ))
}

/// The envelope of a bulletin's message: an `Alert` for a first issue, an `Update` for an
/// issued change (referring to every earlier issue in its chain), a `Cancel` for a cancelled
/// one (referring to the chain and to itself). Refused when the bulletin is not in that state.
pub fn cap_envelope(
    response: &Response,
    bulletin_id: u32,
    msg_type: CapMsgType,
    sender: &CapId,
) -> Result<CapEnvelope, ResponseError> {
    let b = response
        .bulletin(bulletin_id)
        .ok_or(ResponseError::UnknownBulletin { id: bulletin_id })?;
    let issued = b
        .issued
        .as_ref()
        .ok_or(ResponseError::BulletinNotIssued { id: bulletin_id })?;
    // Earlier issues in the chain, oldest first.
    let mut chain: Vec<&Bulletin> = Vec::new();
    let mut prev = b.supersedes;
    while let Some(id) = prev {
        match response.bulletin(id) {
            Some(p) if !chain.iter().any(|c| c.id == p.id) && p.id != b.id => {
                chain.push(p);
                prev = p.supersedes;
            }
            _ => break,
        }
    }
    chain.reverse();
    let reference = |x: &Bulletin| {
        x.issued.as_ref().map(|s| CapReference {
            sender: sender.clone(),
            identifier: identifier(
                response,
                x.id,
                if x.supersedes.is_some() {
                    CapMsgType::Update
                } else {
                    CapMsgType::Alert
                },
            ),
            sent: s.at,
        })
    };
    let mut references: Vec<CapReference> = chain.iter().filter_map(|x| reference(x)).collect();
    let (sent, note) = match msg_type {
        CapMsgType::Alert if b.supersedes.is_none() => (issued.at, None),
        CapMsgType::Update if b.supersedes.is_some() => (issued.at, None),
        CapMsgType::Cancel => {
            let c = b
                .cancelled
                .as_ref()
                .ok_or(ResponseError::BulletinNotIssued { id: bulletin_id })?;
            references.extend(reference(b));
            (c.at, Some(c.reason.clone()))
        }
        _ => return Err(ResponseError::BulletinNotIssued { id: bulletin_id }),
    };
    Ok(CapEnvelope {
        msg_type,
        status: if response.exercise || b.exercise {
            CapStatus::Exercise
        } else {
            CapStatus::Actual
        },
        identifier: identifier(response, bulletin_id, msg_type),
        sender: sender.clone(),
        sent,
        references,
        note,
    })
}
