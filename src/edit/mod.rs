//! The one way the UI changes a [`Dataset`]: an [`Edit`] is validated as a whole and either
//! applied completely or refused with the dataset untouched. Applying returns the exact inverse,
//! so undo is applying it, and [`History`] keeps the two stacks.
//!
//! "Exact" means applying an edit and then its inverse gives a dataset equal (`==`) to the one
//! before, vector order included — the rules engine reads "the last observation of a region and
//! month", so order is data. An observation left with no figure is dropped rather than kept
//! empty (an empty one would still stretch [`Dataset::span`]).
//!
//! The dataset must change only through a [`History`] that owns it: after replacing the dataset
//! wholesale (reset, reload, another tab), call [`History::clear`]; a recorded step that no
//! longer fits is refused as [`EditError::Stale`], never applied half-way.

mod error;
mod value;

pub use error::{EditError, EventKind};
pub use value::{parse_count, Field, FieldKind, Value, ValueError, ValueProblem};

use crate::i18n::Lang;
use crate::model::{
    ClosureEvent, Dataset, EnterpriseEvent, LayoffEvent, Observation, Region, RegionKind, Scope,
    SpecialDetermination,
};
use crate::month::{Date, Month};
use crate::num::Pct;
use crate::plan::{Text, Thresholds};
use std::collections::{HashMap, HashSet, VecDeque};

/// Set (or, with `None`, clear) one figure of a region in a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellEdit {
    pub region: String,
    pub month: Month,
    pub field: Field,
    pub value: Option<Value>,
}

impl CellEdit {
    pub fn new(region: &str, month: Month, field: Field, value: Option<Value>) -> CellEdit {
        CellEdit {
            region: region.to_owned(),
            month,
            field,
            value,
        }
    }
}

/// One undoable step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Set or clear one cell.
    SetCell(CellEdit),
    /// Several cells at once (a paste, an import). Checked together, so a block may raise the
    /// labour force and the unemployed in either order; a later cell for the same field wins.
    SetCells(Vec<CellEdit>),
    /// The exact inverse of cell edits (positions in `Dataset::observations`).
    PatchObservations(ObsPatch),
    /// Adds a closure at position `at` (appended when `None`).
    AddClosure {
        event: ClosureEvent,
        at: Option<usize>,
    },
    /// Replaces the closure with the same id.
    UpdateClosure(ClosureEvent),
    RemoveClosure {
        id: String,
    },
    AddLayoff {
        event: LayoffEvent,
        at: Option<usize>,
    },
    UpdateLayoff(LayoffEvent),
    RemoveLayoff {
        id: String,
    },
    /// Adds a region at position `at` (appended when `None`).
    AddRegion {
        region: Region,
        at: Option<usize>,
    },
    /// Sets the Chinese name and the English one (`None` or blank: no English name).
    RenameRegion {
        id: String,
        name: String,
        name_en: Option<String>,
    },
    /// Removes a region with everything below it and all their data: observations, events, a
    /// street's own thresholds and §5.1-M determinations scoped to it. See [`removal_impact`].
    RemoveRegion {
        id: String,
    },
    /// The exact inverse of [`Edit::RemoveRegion`].
    RestoreRegion(Box<RegionRemoval>),
    /// Gives a street its own §5.1 level table (§9: streets write their own plans), replaces
    /// it, or (`None`) lets the street follow the district's plan again.
    SetStreetThresholds {
        street: String,
        thresholds: Option<Box<Thresholds>>,
    },
    /// Steps applied in order as one; each must be valid where it stands.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit; on success the dataset is changed and the exact inverse returned, on
    /// error the dataset is unchanged.
    pub fn apply(self, ds: &mut Dataset) -> Result<Edit, EditError> {
        match self {
            Edit::SetCell(c) => apply_cells(ds, vec![c]),
            Edit::SetCells(cells) => apply_cells(ds, cells),
            Edit::PatchObservations(p) => {
                apply_patch(&mut ds.observations, p).map(Edit::PatchObservations)
            }
            Edit::AddClosure { event, at } => add_event(ds, event, at),
            Edit::UpdateClosure(event) => update_event(ds, event),
            Edit::RemoveClosure { id } => remove_event::<ClosureEvent>(ds, id),
            Edit::AddLayoff { event, at } => add_event(ds, event, at),
            Edit::UpdateLayoff(event) => update_event(ds, event),
            Edit::RemoveLayoff { id } => remove_event::<LayoffEvent>(ds, id),
            Edit::AddRegion { region, at } => add_region(ds, region, at),
            Edit::RenameRegion { id, name, name_en } => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(EditError::EmptyRegionName { id });
                }
                let name_en = name_en
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty());
                let r = ds
                    .regions
                    .iter_mut()
                    .find(|r| r.id == id)
                    .ok_or_else(|| EditError::UnknownRegion { region: id.clone() })?;
                let old_name = std::mem::replace(&mut r.name, name);
                let old_en = std::mem::replace(&mut r.name_en, name_en);
                Ok(Edit::RenameRegion {
                    id,
                    name: old_name,
                    name_en: old_en,
                })
            }
            Edit::RemoveRegion { id } => remove_region(ds, &id),
            Edit::RestoreRegion(removal) => restore_region(ds, *removal),
            Edit::SetStreetThresholds { street, thresholds } => {
                if !ds.regions.iter().any(|r| r.id == street) {
                    return Err(EditError::UnknownRegion { region: street });
                }
                let old = match thresholds {
                    Some(t) => ds.street_thresholds.insert(street.clone(), *t),
                    None => ds.street_thresholds.remove(&street),
                };
                Ok(Edit::SetStreetThresholds {
                    street,
                    thresholds: old.map(Box::new),
                })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match e.apply(ds) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            // Undo what was done, latest first; these inverses fit by
                            // construction.
                            for inv in inverses.into_iter().rev() {
                                let _ = inv.apply(ds);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }

    /// Whether applying it changes nothing.
    pub fn is_noop(&self) -> bool {
        match self {
            Edit::SetCells(c) => c.is_empty(),
            Edit::PatchObservations(p) => p.remove.is_empty() && p.insert.is_empty(),
            Edit::Batch(b) => b.iter().all(Edit::is_noop),
            _ => false,
        }
    }

    /// A short description for the undo and redo buttons, in people's words: regions and
    /// events by their names in `ds` (the dataset the edit applies to), not their ids.
    pub fn describe(&self, ds: &Dataset) -> Text {
        let region = |id: &str| region_names(ds, id);
        let closure = |id: &str| enterprise_of::<ClosureEvent>(ds, id);
        let layoff = |id: &str| enterprise_of::<LayoffEvent>(ds, id);
        match self {
            Edit::SetCell(c) => {
                let (zh, en) = region(&c.region);
                Text {
                    zh: format!("编辑 {zh} {} {}", c.month, c.field.label(Lang::Zh)),
                    en: format!("edit {en} {} {}", c.month, c.field.label(Lang::En)),
                }
            }
            Edit::SetCells(c) => Text {
                zh: format!("编辑 {} 个单元格", c.len()),
                en: format!("edit {} cells", c.len()),
            },
            Edit::PatchObservations(_) => Text::new("编辑数据", "edit data"),
            Edit::AddClosure { event, .. } => Text {
                zh: format!("新增关停破产事件：{}", event.enterprise),
                en: format!("add closure: {}", event.enterprise),
            },
            Edit::UpdateClosure(e) => Text {
                zh: format!("修改关停破产事件：{}", e.enterprise),
                en: format!("change closure: {}", e.enterprise),
            },
            Edit::RemoveClosure { id } => Text {
                zh: format!("删除关停破产事件：{}", closure(id)),
                en: format!("remove closure: {}", closure(id)),
            },
            Edit::AddLayoff { event, .. } => Text {
                zh: format!("新增一次性裁员事件：{}", event.enterprise),
                en: format!("add layoff: {}", event.enterprise),
            },
            Edit::UpdateLayoff(e) => Text {
                zh: format!("修改一次性裁员事件：{}", e.enterprise),
                en: format!("change layoff: {}", e.enterprise),
            },
            Edit::RemoveLayoff { id } => Text {
                zh: format!("删除一次性裁员事件：{}", layoff(id)),
                en: format!("remove layoff: {}", layoff(id)),
            },
            Edit::AddRegion { region, .. } => Text {
                zh: format!("新增地区 {}", region.name),
                en: format!(
                    "add region {}",
                    region.name_en.as_deref().unwrap_or(&region.name)
                ),
            },
            Edit::RenameRegion { id, name, .. } => {
                let (zh, en) = region(id);
                Text {
                    zh: format!("重命名地区 {zh} → {name}"),
                    en: format!("rename region {en} → {name}"),
                }
            }
            Edit::SetStreetThresholds { street, thresholds } => {
                let (zh, en) = region(street);
                match (thresholds, ds.street_thresholds.contains_key(street)) {
                    (None, _) => Text {
                        zh: format!("{zh}改用区级分级标准"),
                        en: format!("{en} follows the district's levels"),
                    },
                    (Some(_), false) => Text {
                        zh: format!("{zh}建立自己的分级标准"),
                        en: format!("{en} gets its own levels"),
                    },
                    (Some(_), true) => Text {
                        zh: format!("修改{zh}的分级标准"),
                        en: format!("change {en}'s own levels"),
                    },
                }
            }
            Edit::RemoveRegion { id } => {
                let (zh, en) = region(id);
                Text {
                    zh: format!("删除地区 {zh}"),
                    en: format!("remove region {en}"),
                }
            }
            Edit::RestoreRegion(r) => {
                let named = r
                    .regions
                    .iter()
                    .find(|(_, g)| g.id == r.root)
                    .map(|(_, g)| {
                        (
                            g.name.clone(),
                            g.name_en
                                .clone()
                                .filter(|n| !n.is_empty())
                                .unwrap_or_else(|| g.name.clone()),
                        )
                    });
                let (zh, en) = named.unwrap_or_else(|| (r.root.clone(), r.root.clone()));
                Text {
                    zh: format!("恢复地区 {zh}"),
                    en: format!("restore region {en}"),
                }
            }
            Edit::Batch(b) => Text {
                zh: format!("{} 项修改", b.len()),
                en: format!("{} changes", b.len()),
            },
        }
    }
}

/// The enterprise of an event by its id (an unknown id is shown as it is).
fn enterprise_of<E: EnterpriseEvent>(ds: &Dataset, id: &str) -> String {
    E::list(ds)
        .iter()
        .find(|e| e.id() == id)
        .map_or_else(|| id.to_owned(), |e| e.enterprise().to_owned())
}

/// A region's Chinese and English names (the English falls back to the Chinese; an unknown
/// id is shown as it is).
fn region_names(ds: &Dataset, id: &str) -> (String, String) {
    match ds.region(id) {
        Some(r) => (
            r.name.clone(),
            r.name_en
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| r.name.clone()),
        ),
        None => (id.to_owned(), id.to_owned()),
    }
}

// ---------------------------------------------------------------------------------------------
// Cells

/// A change to `Dataset::observations` by position, recorded so that it can be reversed
/// exactly: first the `remove` positions (ascending, in the list as it is, each with the key
/// expected there) are taken out, then the `insert` items are put at their positions
/// (ascending, in the resulting list). Its inverse has the same shape.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObsPatch {
    remove: Vec<(usize, String, Month)>,
    insert: Vec<(usize, Observation)>,
}

impl ObsPatch {
    /// The positions it takes out (in the list before), with the region and month expected
    /// there.
    pub fn removed(&self) -> impl Iterator<Item = (usize, &str, Month)> {
        self.remove.iter().map(|(i, r, m)| (*i, r.as_str(), *m))
    }

    /// What it puts in, at positions in the list after.
    pub fn inserted(&self) -> impl Iterator<Item = (usize, &Observation)> {
        self.insert.iter().map(|(i, o)| (*i, o))
    }

    /// How many observations it takes out and puts in.
    pub fn changes(&self) -> usize {
        self.remove.len() + self.insert.len()
    }
}

fn check_value(c: &CellEdit) -> Result<(), EditError> {
    match (c.field.kind(), c.value) {
        (_, None) => Ok(()),
        (FieldKind::Rate, Some(Value::Rate(p))) => {
            if p < Pct::ZERO || p > Pct::HUNDRED {
                Err(EditError::RateOutOfRange {
                    region: c.region.clone(),
                    month: c.month,
                    field: c.field,
                    value: p,
                })
            } else {
                Ok(())
            }
        }
        (FieldKind::Count, Some(Value::Count(_))) => Ok(()),
        _ => Err(EditError::WrongValueKind {
            region: c.region.clone(),
            month: c.month,
            field: c.field,
        }),
    }
}

/// The cross-field rule of an observation: unemployed ≤ labour force.
pub fn check_observation(o: &Observation) -> Result<(), EditError> {
    match (o.unemployed, o.labour_force) {
        (Some(u), Some(lf)) if u > lf => Err(EditError::UnemployedAboveLabourForce {
            region: o.region.clone(),
            month: o.month,
            unemployed: u,
            labour_force: lf,
        }),
        _ => Ok(()),
    }
}

/// Positions of the last observation of each `(region, month)` key (the one that counts).
pub(crate) fn find_observations(obs: &[Observation], keys: &[(&str, Month)]) -> Vec<Option<usize>> {
    if keys.len() <= 4 {
        return keys
            .iter()
            .map(|(r, m)| obs.iter().rposition(|o| o.month == *m && o.region == *r))
            .collect();
    }
    let wanted: HashMap<(&str, Month), usize> =
        keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let mut found = vec![None; keys.len()];
    for (i, o) in obs.iter().enumerate() {
        if let Some(&k) = wanted.get(&(o.region.as_str(), o.month)) {
            if let Some(slot) = found.get_mut(k) {
                *slot = Some(i);
            }
        }
    }
    found
}

fn apply_cells(ds: &mut Dataset, cells: Vec<CellEdit>) -> Result<Edit, EditError> {
    if cells.is_empty() {
        return Ok(Edit::PatchObservations(ObsPatch::default()));
    }
    let region_ids: HashSet<&str> = ds.regions.iter().map(|r| r.id.as_str()).collect();
    for c in &cells {
        if !region_ids.contains(c.region.as_str()) {
            return Err(EditError::UnknownRegion {
                region: c.region.clone(),
            });
        }
        check_value(c)?;
    }
    // Cells grouped by observation key, keys in order of first appearance.
    let mut keys: Vec<(&str, Month)> = Vec::new();
    let mut groups: Vec<Vec<&CellEdit>> = Vec::new();
    let mut group_of: HashMap<(&str, Month), usize> = HashMap::new();
    for c in &cells {
        let key = (c.region.as_str(), c.month);
        let g = *group_of.entry(key).or_insert_with(|| {
            keys.push(key);
            groups.push(Vec::new());
            groups.len() - 1
        });
        if let Some(list) = groups.get_mut(g) {
            list.push(c);
        }
    }
    let found = find_observations(&ds.observations, &keys);

    let mut replaced: Vec<(usize, Observation)> = Vec::new();
    let mut dropped: Vec<usize> = Vec::new();
    let mut appended: Vec<Observation> = Vec::new();
    for ((key, group), at) in keys.iter().zip(&groups).zip(&found) {
        let old = at.and_then(|i| ds.observations.get(i));
        let mut new = old
            .cloned()
            .unwrap_or_else(|| Observation::new(key.0, key.1));
        for c in group {
            if !c.field.set(&mut new, c.value) {
                return Err(EditError::WrongValueKind {
                    region: c.region.clone(),
                    month: c.month,
                    field: c.field,
                });
            }
        }
        check_observation(&new)?;
        match (old, at) {
            (Some(o), _) if *o == new => {}
            (Some(_), Some(i)) if value::is_empty(&new) => dropped.push(*i),
            (Some(_), Some(i)) => replaced.push((*i, new)),
            _ if value::is_empty(&new) => {}
            _ => appended.push(new),
        }
    }

    crate::sort::sort(&mut dropped);
    crate::sort::sort_by_key(&mut replaced, |(i, _)| *i);
    let mut remove: Vec<usize> = dropped
        .iter()
        .chain(replaced.iter().map(|(i, _)| i))
        .copied()
        .collect();
    crate::sort::sort(&mut remove);
    let remove: Vec<(usize, String, Month)> = remove
        .into_iter()
        .filter_map(|i| {
            ds.observations
                .get(i)
                .map(|o| (i, o.region.clone(), o.month))
        })
        .collect();
    let base = ds.observations.len() - dropped.len();
    let mut insert: Vec<(usize, Observation)> = replaced
        .into_iter()
        .map(|(i, o)| (i - dropped.partition_point(|d| *d < i), o))
        .collect();
    insert.extend(appended.into_iter().enumerate().map(|(j, o)| (base + j, o)));
    apply_patch(&mut ds.observations, ObsPatch { remove, insert }).map(Edit::PatchObservations)
}

fn ascending(mut v: impl Iterator<Item = usize>) -> bool {
    let mut prev: Option<usize> = None;
    v.all(|i| {
        let ok = prev.is_none_or(|p| p < i);
        prev = Some(i);
        ok
    })
}

/// Applies a patch, returning its inverse; the list is unchanged when the patch does not fit.
fn apply_patch(obs: &mut Vec<Observation>, patch: ObsPatch) -> Result<ObsPatch, EditError> {
    let ObsPatch { remove, insert } = patch;
    if !ascending(remove.iter().map(|r| r.0)) || !ascending(insert.iter().map(|r| r.0)) {
        return Err(EditError::Stale);
    }
    for (i, region, month) in &remove {
        match obs.get(*i) {
            Some(o) if o.region == *region && o.month == *month => {}
            _ => return Err(EditError::Stale),
        }
    }
    let final_len = obs.len() - remove.len() + insert.len();
    if insert.last().is_some_and(|(i, _)| *i >= final_len) {
        return Err(EditError::Stale);
    }
    let inverse_remove: Vec<(usize, String, Month)> = insert
        .iter()
        .map(|(i, o)| (*i, o.region.clone(), o.month))
        .collect();
    let mut removed: Vec<(usize, Observation)> = Vec::with_capacity(remove.len());

    let same_places =
        remove.len() == insert.len() && remove.iter().zip(&insert).all(|(r, i)| r.0 == i.0);
    if same_places {
        // Values replaced in place: the common single-cell edit, O(1) after the lookup.
        for (i, o) in insert {
            if let Some(slot) = obs.get_mut(i) {
                removed.push((i, std::mem::replace(slot, o)));
            }
        }
    } else if remove.len() + insert.len() <= 32 {
        for (i, _, _) in remove.iter().rev() {
            removed.push((*i, obs.remove(*i)));
        }
        removed.reverse();
        for (i, o) in insert {
            obs.insert(i, o);
        }
    } else {
        // Many positions: rebuild in one pass rather than shift the list per item.
        let old = std::mem::take(obs);
        let mut kept = Vec::with_capacity(final_len);
        let mut to_remove = remove.iter().map(|r| r.0).peekable();
        for (i, o) in old.into_iter().enumerate() {
            if to_remove.peek() == Some(&i) {
                to_remove.next();
                removed.push((i, o));
            } else {
                kept.push(o);
            }
        }
        let mut kept = kept.into_iter();
        let mut insert = insert.into_iter().peekable();
        let mut out = Vec::with_capacity(final_len);
        for pos in 0..final_len {
            match insert.next_if(|(i, _)| *i == pos) {
                Some((_, o)) => out.push(o),
                None => out.extend(kept.next()),
            }
        }
        *obs = out;
    }
    Ok(ObsPatch {
        remove: inverse_remove,
        insert: removed,
    })
}

// ---------------------------------------------------------------------------------------------
// Events

/// Ids of regions, events: 1–64 letters (any script), digits, `-`, `_` or `.`, so that they
/// survive CSV and URLs unquoted.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= 64
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn check_event_street(
    ds: &Dataset,
    kind: EventKind,
    id: &str,
    street: &str,
) -> Result<(), EditError> {
    match ds.region(street) {
        Some(r) if matches!(r.kind, RegionKind::Street | RegionKind::District) => Ok(()),
        _ => Err(EditError::EventRegion {
            kind,
            id: id.to_owned(),
            street: street.to_owned(),
        }),
    }
}

/// Closures and layoffs as edits handle them: one path adds, replaces, removes and checks
/// either kind; what differs is said here.
pub trait EventEdit: EnterpriseEvent {
    const KIND: EventKind;
    /// The rules only this kind has, checked after the common ones.
    fn check_own(&self) -> Result<(), EditError>;
    /// The edit adding `event` at `at` (appended when `None`).
    fn add(event: Self, at: Option<usize>) -> Edit;
    /// The edit replacing the event with the same id.
    fn update(event: Self) -> Edit;
    fn remove(id: String) -> Edit;
}

impl EventEdit for ClosureEvent {
    const KIND: EventKind = EventKind::Closure;
    fn check_own(&self) -> Result<(), EditError> {
        Ok(())
    }
    fn add(event: Self, at: Option<usize>) -> Edit {
        Edit::AddClosure { event, at }
    }
    fn update(event: Self) -> Edit {
        Edit::UpdateClosure(event)
    }
    fn remove(id: String) -> Edit {
        Edit::RemoveClosure { id }
    }
}

impl EventEdit for LayoffEvent {
    const KIND: EventKind = EventKind::Layoff;
    fn check_own(&self) -> Result<(), EditError> {
        if self.workforce == 0 {
            return Err(EditError::ZeroWorkforce {
                id: self.id.clone(),
            });
        }
        if self.laid_off > self.workforce {
            return Err(EditError::LaidOffAboveWorkforce {
                id: self.id.clone(),
                laid_off: self.laid_off,
                workforce: self.workforce,
            });
        }
        Ok(())
    }
    fn add(event: Self, at: Option<usize>) -> Edit {
        Edit::AddLayoff { event, at }
    }
    fn update(event: Self) -> Edit {
        Edit::UpdateLayoff(event)
    }
    fn remove(id: String) -> Edit {
        Edit::RemoveLayoff { id }
    }
}

/// Validates an event against the dataset (not its id's uniqueness): a valid id, an
/// enterprise, a street (or the district) as its region, then the kind's own rules.
pub fn check_event<E: EventEdit>(ds: &Dataset, e: &E) -> Result<(), EditError> {
    let (kind, id) = (E::KIND, e.id());
    if !valid_id(id) {
        return Err(EditError::InvalidEventId {
            kind,
            id: id.to_owned(),
        });
    }
    if e.enterprise().trim().is_empty() {
        return Err(EditError::EmptyEnterprise {
            kind,
            id: id.to_owned(),
        });
    }
    check_event_street(ds, kind, id, e.street())?;
    e.check_own()
}

/// Validates a closure against the dataset (not its id's uniqueness).
pub fn check_closure(ds: &Dataset, e: &ClosureEvent) -> Result<(), EditError> {
    check_event(ds, e)
}

/// Validates a layoff against the dataset (not its id's uniqueness).
pub fn check_layoff(ds: &Dataset, e: &LayoffEvent) -> Result<(), EditError> {
    check_event(ds, e)
}

fn add_event<E: EventEdit>(
    ds: &mut Dataset,
    event: E,
    at: Option<usize>,
) -> Result<Edit, EditError> {
    check_event(ds, &event)?;
    let id = event.id().to_owned();
    if E::list(ds).iter().any(|e| e.id() == id) {
        return Err(EditError::DuplicateEvent { kind: E::KIND, id });
    }
    insert_at(E::list_mut(ds), at, event)?;
    Ok(E::remove(id))
}

fn update_event<E: EventEdit>(ds: &mut Dataset, event: E) -> Result<Edit, EditError> {
    check_event(ds, &event)?;
    let slot = E::list_mut(ds)
        .iter_mut()
        .find(|e| e.id() == event.id())
        .ok_or_else(|| EditError::UnknownEvent {
            kind: E::KIND,
            id: event.id().to_owned(),
        })?;
    Ok(E::update(std::mem::replace(slot, event)))
}

fn remove_event<E: EventEdit>(ds: &mut Dataset, id: String) -> Result<Edit, EditError> {
    let list = E::list_mut(ds);
    let at = list
        .iter()
        .position(|e| e.id() == id)
        .ok_or(EditError::UnknownEvent { kind: E::KIND, id })?;
    let event = list.remove(at);
    Ok(E::add(event, Some(at)))
}

/// A new event id in the style of the sample data, `C-2025-04` / `L-2025-04`: the prefix, the
/// year of the event and the smallest free number.
pub fn fresh_event_id(ds: &Dataset, kind: EventKind, date: Date) -> String {
    let prefix = match kind {
        EventKind::Closure => "C",
        EventKind::Layoff => "L",
    };
    let taken: HashSet<&str> = match kind {
        EventKind::Closure => ds.closures.iter().map(|e| e.id.as_str()).collect(),
        EventKind::Layoff => ds.layoffs.iter().map(|e| e.id.as_str()).collect(),
    };
    let year = date.month().year();
    (1u32..)
        .map(|n| format!("{prefix}-{year:04}-{n:02}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_default()
}

fn insert_at<T>(list: &mut Vec<T>, at: Option<usize>, item: T) -> Result<(), EditError> {
    match at {
        None => list.push(item),
        Some(i) if i <= list.len() => list.insert(i, item),
        Some(_) => return Err(EditError::Stale),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Regions

fn add_region(ds: &mut Dataset, region: Region, at: Option<usize>) -> Result<Edit, EditError> {
    let mut region = region;
    region.name = region.name.trim().to_owned();
    region.name_en = region
        .name_en
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if !valid_id(&region.id) {
        return Err(EditError::InvalidRegionId { id: region.id });
    }
    if ds.region(&region.id).is_some() {
        return Err(EditError::DuplicateRegion { id: region.id });
    }
    if region.name.is_empty() {
        return Err(EditError::EmptyRegionName { id: region.id });
    }
    let parent_kind = region
        .parent
        .as_deref()
        .and_then(|p| ds.region(p))
        .map(|p| p.kind);
    let parent_ok = match region.kind {
        RegionKind::District => region.parent.is_none(),
        RegionKind::Street => parent_kind == Some(RegionKind::District),
        RegionKind::Community => parent_kind == Some(RegionKind::Street),
    };
    if !parent_ok {
        return Err(EditError::BadParent {
            id: region.id,
            kind: region.kind,
            parent: region.parent,
        });
    }
    if region.kind == RegionKind::District && ds.district().is_some() {
        return Err(EditError::SecondDistrict { id: region.id });
    }
    let id = region.id.clone();
    insert_at(&mut ds.regions, at, region)?;
    Ok(Edit::RemoveRegion { id })
}

/// Everything a region's removal took away, with the positions it had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionRemoval {
    root: String,
    regions: Vec<(usize, Region)>,
    observations: Vec<(usize, Observation)>,
    closures: Vec<(usize, ClosureEvent)>,
    layoffs: Vec<(usize, LayoffEvent)>,
    determinations: Vec<(usize, SpecialDetermination)>,
    thresholds: Vec<(String, Thresholds)>,
}

impl RegionRemoval {
    /// The id of the region that was removed (its descendants went with it).
    pub fn root(&self) -> &str {
        &self.root
    }

    pub fn impact(&self) -> RemovalImpact {
        RemovalImpact {
            regions: self.regions.len(),
            observations: self.observations.len(),
            closures: self.closures.len(),
            layoffs: self.layoffs.len(),
            determinations: self.determinations.len(),
            own_thresholds: self.thresholds.len(),
        }
    }
}

/// What removing a region would take away, for the confirmation question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemovalImpact {
    /// The region and everything below it.
    pub regions: usize,
    pub observations: usize,
    pub closures: usize,
    pub layoffs: usize,
    /// §5.1-M determinations scoped to one of the regions.
    pub determinations: usize,
    /// Streets' own thresholds.
    pub own_thresholds: usize,
}

impl RemovalImpact {
    /// Whether anything besides the region itself (and empty sub-regions) would go.
    pub fn has_data(&self) -> bool {
        self.observations + self.closures + self.layoffs + self.determinations + self.own_thresholds
            > 0
    }

    /// "3 个地区、120 条月度数据、2 个事件将一并删除" style summary.
    pub fn message(&self, lang: Lang) -> String {
        let events = self.closures + self.layoffs;
        match lang {
            Lang::Zh => format!(
                "将删除 {} 个地区、{} 条月度数据、{} 个企业事件、{} 项特殊认定、{} 套街道自有阈值（可撤销）",
                self.regions, self.observations, events, self.determinations, self.own_thresholds
            ),
            Lang::En => format!(
                "This removes {} region(s), {} monthly record(s), {} enterprise event(s), {} special determination(s) and {} street threshold set(s) (can be undone)",
                self.regions, self.observations, events, self.determinations, self.own_thresholds
            ),
        }
    }
}

/// The region and all regions below it.
fn subtree(ds: &Dataset, id: &str) -> HashSet<String> {
    let mut set: HashSet<String> = HashSet::new();
    set.insert(id.to_owned());
    // Parent links may come in any order: repeat until nothing is added (depth ≤ 3 in practice).
    loop {
        let before = set.len();
        for r in &ds.regions {
            if r.parent.as_ref().is_some_and(|p| set.contains(p)) {
                set.insert(r.id.clone());
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

fn scoped_to(d: &SpecialDetermination, set: &HashSet<String>) -> bool {
    match &d.scope {
        Scope::District => false,
        Scope::Street(s) => set.contains(s),
    }
}

/// What [`Edit::RemoveRegion`] would take away, without changing anything.
pub fn removal_impact(ds: &Dataset, id: &str) -> Result<RemovalImpact, EditError> {
    if ds.region(id).is_none() {
        return Err(EditError::UnknownRegion {
            region: id.to_owned(),
        });
    }
    let set = subtree(ds, id);
    Ok(RemovalImpact {
        regions: ds.regions.iter().filter(|r| set.contains(&r.id)).count(),
        observations: ds
            .observations
            .iter()
            .filter(|o| set.contains(&o.region))
            .count(),
        closures: ds
            .closures
            .iter()
            .filter(|e| set.contains(&e.street))
            .count(),
        layoffs: ds
            .layoffs
            .iter()
            .filter(|e| set.contains(&e.street))
            .count(),
        determinations: ds
            .special_determinations
            .iter()
            .filter(|d| scoped_to(d, &set))
            .count(),
        own_thresholds: ds
            .street_thresholds
            .keys()
            .filter(|k| set.contains(*k))
            .count(),
    })
}

/// Takes the items `matches` picks out of `list`, with their positions.
fn take_where<T>(list: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    if !list.iter().any(&matches) {
        return Vec::new();
    }
    let old = std::mem::take(list);
    let mut taken = Vec::new();
    for (i, x) in old.into_iter().enumerate() {
        if matches(&x) {
            taken.push((i, x));
        } else {
            list.push(x);
        }
    }
    taken
}

fn remove_region(ds: &mut Dataset, id: &str) -> Result<Edit, EditError> {
    if ds.region(id).is_none() {
        return Err(EditError::UnknownRegion {
            region: id.to_owned(),
        });
    }
    let set = subtree(ds, id);
    let removal = RegionRemoval {
        root: id.to_owned(),
        regions: take_where(&mut ds.regions, |r| set.contains(&r.id)),
        observations: take_where(&mut ds.observations, |o| set.contains(&o.region)),
        closures: take_where(&mut ds.closures, |e| set.contains(&e.street)),
        layoffs: take_where(&mut ds.layoffs, |e| set.contains(&e.street)),
        determinations: take_where(&mut ds.special_determinations, |d| scoped_to(d, &set)),
        thresholds: {
            let keys: Vec<String> = ds
                .street_thresholds
                .keys()
                .filter(|k| set.contains(*k))
                .cloned()
                .collect();
            keys.into_iter()
                .filter_map(|k| ds.street_thresholds.remove(&k).map(|t| (k, t)))
                .collect()
        },
    };
    Ok(Edit::RestoreRegion(Box::new(removal)))
}

/// Whether `items` (ascending positions in the final list) can be put back into `list`.
fn fits<T, U>(list: &[T], items: &[(usize, U)]) -> bool {
    let mut prev: Option<usize> = None;
    items.iter().enumerate().all(|(j, (i, _))| {
        let ok = prev.is_none_or(|p| p < *i) && *i <= list.len() + j;
        prev = Some(*i);
        ok
    })
}

fn put_back<T>(list: &mut Vec<T>, items: Vec<(usize, T)>) {
    if items.is_empty() {
        return;
    }
    if items.len() <= 32 {
        for (i, x) in items {
            list.insert(i, x);
        }
        return;
    }
    let old = std::mem::take(list);
    let total = old.len() + items.len();
    let mut old = old.into_iter();
    let mut items = items.into_iter().peekable();
    for pos in 0..total {
        match items.next_if(|(i, _)| *i == pos) {
            Some((_, x)) => list.push(x),
            None => list.extend(old.next()),
        }
    }
}

fn restore_region(ds: &mut Dataset, r: RegionRemoval) -> Result<Edit, EditError> {
    let clash = r
        .regions
        .iter()
        .any(|(_, reg)| ds.region(&reg.id).is_some())
        || r.thresholds
            .iter()
            .any(|(k, _)| ds.street_thresholds.contains_key(k));
    if clash
        || !fits(&ds.regions, &r.regions)
        || !fits(&ds.observations, &r.observations)
        || !fits(&ds.closures, &r.closures)
        || !fits(&ds.layoffs, &r.layoffs)
        || !fits(&ds.special_determinations, &r.determinations)
    {
        return Err(EditError::Stale);
    }
    put_back(&mut ds.regions, r.regions);
    put_back(&mut ds.observations, r.observations);
    put_back(&mut ds.closures, r.closures);
    put_back(&mut ds.layoffs, r.layoffs);
    put_back(&mut ds.special_determinations, r.determinations);
    ds.street_thresholds.extend(r.thresholds);
    Ok(Edit::RemoveRegion { id: r.root })
}

// ---------------------------------------------------------------------------------------------
// History

#[derive(Clone, Debug)]
struct Step<E> {
    /// What applying `edit` does next (the inverse of what was done).
    edit: E,
    /// What the user did, for the buttons.
    label: Text,
}

/// Undo and redo stacks of steps, bounded (the oldest steps are forgotten). A step is what
/// undoing does next: for the dataset an [`Edit`] (its inverse); the workspace keeps its own
/// step type (a dataset edit or a previous plan) in the same stacks, so the plan and the data
/// are undone in the order they were changed.
#[derive(Clone, Debug)]
pub struct History<E = Edit> {
    undo: VecDeque<Step<E>>,
    redo: Vec<Step<E>>,
    limit: usize,
}

impl<E> Default for History<E> {
    fn default() -> Self {
        History::with_limit(History::<E>::DEFAULT_LIMIT)
    }
}

impl<E> History<E> {
    pub const DEFAULT_LIMIT: usize = 200;

    pub fn new() -> History<E> {
        History::default()
    }

    /// At most `limit` undoable steps (at least one).
    pub fn with_limit(limit: usize) -> History<E> {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Records a step already done, by what undoes it. New steps make the redo stack
    /// meaningless, so it is cleared.
    pub fn push(&mut self, inverse: E, label: Text) {
        self.redo.clear();
        self.push_undo(Step {
            edit: inverse,
            label,
        });
    }

    fn push_undo(&mut self, step: Step<E>) {
        self.undo.push_back(step);
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// Undoes the latest step with `apply` (which returns what redoes it); `Ok(None)` when
    /// there is none. A step that no longer fits is dropped (it never will).
    pub fn undo_with<Er>(
        &mut self,
        apply: impl FnOnce(E) -> Result<E, Er>,
    ) -> Result<Option<Text>, Er> {
        let Some(step) = self.undo.pop_back() else {
            return Ok(None);
        };
        let redo = apply(step.edit)?;
        self.redo.push(Step {
            edit: redo,
            label: step.label.clone(),
        });
        Ok(Some(step.label))
    }

    /// Redoes the latest undone step with `apply` (which returns what undoes it again).
    pub fn redo_with<Er>(
        &mut self,
        apply: impl FnOnce(E) -> Result<E, Er>,
    ) -> Result<Option<Text>, Er> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        let undo = apply(step.edit)?;
        let label = step.label.clone();
        self.push_undo(Step {
            edit: undo,
            label: step.label,
        });
        Ok(Some(label))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What [`History::undo`] would undo.
    pub fn undo_label(&self) -> Option<&Text> {
        self.undo.back().map(|s| &s.label)
    }

    /// What [`History::redo`] would redo.
    pub fn redo_label(&self) -> Option<&Text> {
        self.redo.last().map(|s| &s.label)
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Forgets every step: call after the dataset was replaced outside the history.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

impl History<Edit> {
    /// Applies `edit` and records it ("do"); a step that changes nothing is not recorded.
    pub fn apply(&mut self, ds: &mut Dataset, edit: Edit) -> Result<(), EditError> {
        let label = edit.describe(ds);
        let inverse = edit.apply(ds)?;
        self.record(inverse, label);
        Ok(())
    }

    /// Records a step already applied, by its inverse and description; a step that changed
    /// nothing is not recorded.
    pub fn record(&mut self, inverse: Edit, label: Text) {
        if !inverse.is_noop() {
            self.push(inverse, label);
        }
    }

    /// Undoes the latest step; `Ok(None)` when there is none. A step that no longer fits is
    /// dropped (it never will) and the dataset left unchanged.
    pub fn undo(&mut self, ds: &mut Dataset) -> Result<Option<Text>, EditError> {
        self.undo_with(|e| e.apply(ds))
    }

    /// Redoes the latest undone step; `Ok(None)` when there is none.
    pub fn redo(&mut self, ds: &mut Dataset) -> Result<Option<Text>, EditError> {
        self.redo_with(|e| e.apply(ds))
    }
}

#[cfg(test)]
pub(crate) mod tests;
