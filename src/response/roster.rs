//! §3.1: the HQ of a response at its level, with the names and contacts the office fills in.

use crate::plan::{Level, Text};
use crate::response::procedure::HqTemplate;
use serde::{Deserialize, Serialize};

/// One seat of the HQ.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    /// The post as the plan names it.
    pub role: Text,
    /// The member unit, for member seats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub contact: String,
}

impl Seat {
    fn new(role: Text, unit: Option<String>) -> Seat {
        Seat {
            role,
            unit,
            name: String::new(),
            contact: String::new(),
        }
    }

    pub fn is_filled(&self) -> bool {
        !self.name.trim().is_empty()
    }
}

/// Which seat: `{"post": "commander"}`, `{"post": "deputy", "key": 0}`,
/// `{"post": "member", "key": "hrss"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    tag = "post",
    content = "key",
    rename_all = "kebab-case",
    try_from = "PostIn"
)]
pub enum Post {
    Commander,
    /// By position in the plan's list of deputies.
    Deputy(u32),
    /// By member unit id.
    Member(String),
}

/// The stored shape of a [`Post`], read as two plain entries: serde's adjacently tagged reader
/// would buffer the key whenever it came first.
#[derive(Deserialize)]
struct PostIn {
    post: String,
    #[serde(default)]
    key: Option<serde_json::Value>,
}

impl TryFrom<PostIn> for Post {
    type Error = String;

    fn try_from(p: PostIn) -> Result<Post, String> {
        match (p.post.as_str(), p.key) {
            ("commander", _) => Ok(Post::Commander),
            ("deputy", Some(k)) => k
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Post::Deputy)
                .ok_or_else(|| "a deputy's key is their position, a whole number".to_owned()),
            ("member", Some(serde_json::Value::String(id))) => Ok(Post::Member(id)),
            ("member", _) => Err("a member's key is the unit's id, as text".to_owned()),
            ("deputy", None) => Err("a deputy needs a key".to_owned()),
            (other, _) => Err(format!(
                "unknown post `{other}`, expected one of `commander`, `deputy`, `member`"
            )),
        }
    }
}

/// The HQ for one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roster {
    pub level: Level,
    /// The deputy district head in charge; the district head at level 1.
    pub commander: Seat,
    pub deputies: Vec<Seat>,
    /// One seat per member unit: its leader in charge, or at level 1 its principal leader.
    pub members: Vec<Seat>,
}

fn member_role(level: Level) -> Text {
    if level == Level::L1 {
        Text::new("主要负责人", "Principal leader")
    } else {
        Text::new("分管负责人", "Leader in charge")
    }
}

impl Roster {
    /// The empty HQ of `level`, as §3.1 composes it.
    pub fn for_level(hq: &HqTemplate, level: Level) -> Roster {
        let commander = if level == Level::L1 {
            hq.commander_level1.clone()
        } else {
            hq.commander.clone()
        };
        Roster {
            level,
            commander: Seat::new(commander, None),
            deputies: hq
                .deputies
                .iter()
                .map(|d| Seat::new(d.clone(), None))
                .collect(),
            members: hq
                .members
                .iter()
                .map(|u| Seat::new(member_role(level), Some(u.clone())))
                .collect(),
        }
    }

    /// Whether level 1 rules apply (district head commands, principal leaders are members).
    pub fn principal_leaders(&self) -> bool {
        self.level == Level::L1
    }

    pub fn seat(&self, post: &Post) -> Option<&Seat> {
        match post {
            Post::Commander => Some(&self.commander),
            Post::Deputy(i) => self.deputies.get(usize::try_from(*i).ok()?),
            Post::Member(unit) => self
                .members
                .iter()
                .find(|s| s.unit.as_deref() == Some(unit.as_str())),
        }
    }

    pub(crate) fn seat_mut(&mut self, post: &Post) -> Option<&mut Seat> {
        match post {
            Post::Commander => Some(&mut self.commander),
            Post::Deputy(i) => self.deputies.get_mut(usize::try_from(*i).ok()?),
            Post::Member(unit) => self
                .members
                .iter_mut()
                .find(|s| s.unit.as_deref() == Some(unit.as_str())),
        }
    }

    /// Every post, in order: commander, deputies, members.
    pub fn posts(&self) -> Vec<Post> {
        let mut out = vec![Post::Commander];
        out.extend((0u32..).zip(&self.deputies).map(|(i, _)| Post::Deputy(i)));
        out.extend(
            self.members
                .iter()
                .filter_map(|s| s.unit.clone())
                .map(Post::Member),
        );
        out
    }

    /// Posts without a name yet.
    pub fn unfilled(&self) -> Vec<Post> {
        self.posts()
            .into_iter()
            .filter(|p| self.seat(p).is_some_and(|s| !s.is_filled()))
            .collect()
    }

    /// The HQ of `next` after a level change: the people stay where §3.1 names the same post;
    /// crossing level 1 changes the commander (district head ↔ deputy head) and the members
    /// (principal leaders ↔ leaders in charge), so those seats start empty.
    pub fn carried_into(&self, hq: &HqTemplate, next: Level) -> Roster {
        let mut out = Roster::for_level(hq, next);
        let same_people = (self.level == Level::L1) == (next == Level::L1);
        for (seat, old) in out.deputies.iter_mut().zip(&self.deputies) {
            seat.name.clone_from(&old.name);
            seat.contact.clone_from(&old.contact);
        }
        if same_people {
            out.commander.name.clone_from(&self.commander.name);
            out.commander.contact.clone_from(&self.commander.contact);
            for seat in &mut out.members {
                if let Some(old) = self.members.iter().find(|o| o.unit == seat.unit) {
                    seat.name.clone_from(&old.name);
                    seat.contact.clone_from(&old.contact);
                }
            }
        }
        out
    }
}
