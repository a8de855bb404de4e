//! Import preview and merge: what an incoming dataset would change in the current one, and the
//! merged result once every conflict has a resolution.
//!
//! Items are matched by key: regions, events and determinations by id, observations by region
//! and month, streets' own thresholds by street, city warnings by equality. An incoming item is
//! - **added** when the current dataset has no item with its key;
//! - **identical** when merging it changes nothing (equal, or it only lacks figures that the
//!   current one has);
//! - **changed** when it only fills in what the current one lacks (a figure, an English name,
//!   an industry, a sign-off) and the result is consistent;
//! - **conflicting** when both sides have a different value for the same thing (or filling in
//!   would break unemployed ≤ labour force). A conflict is never settled silently: the caller
//!   passes a [`Resolution`] for each one.
//!
//! Merging returns the merged dataset, and also the [`Edit`] that turns the current dataset into
//! it when the merge only touches regions, observations and events (what [`Edit`] can express)
//! so that the UI can offer undo; otherwise the UI keeps the previous dataset as a backup.

use crate::edit::{CellEdit, Edit, EditError, EventEdit, Field};
use crate::i18n::Lang;
use crate::model::{
    ClosureEvent, Dataset, EnterpriseEvent, LayoffEvent, Observation, Region, RegionKind, Signoff,
    SpecialDetermination,
};
use crate::month::Month;
use crate::plan::{Text, Thresholds};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// What kind of item a key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Region,
    Observation,
    Closure,
    Layoff,
    CityWarning,
    Determination,
    StreetThresholds,
}

/// Identifies one item of a dataset across the two sides.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKey {
    Region(String),
    Observation {
        region: String,
        month: Month,
    },
    Closure(String),
    Layoff(String),
    /// Position in the incoming list (city warnings have no id).
    CityWarning(usize),
    Determination(String),
    StreetThresholds(String),
}

impl ItemKey {
    pub fn kind(&self) -> ItemKind {
        match self {
            ItemKey::Region(_) => ItemKind::Region,
            ItemKey::Observation { .. } => ItemKind::Observation,
            ItemKey::Closure(_) => ItemKind::Closure,
            ItemKey::Layoff(_) => ItemKind::Layoff,
            ItemKey::CityWarning(_) => ItemKind::CityWarning,
            ItemKey::Determination(_) => ItemKind::Determination,
            ItemKey::StreetThresholds(_) => ItemKind::StreetThresholds,
        }
    }

    /// A short name for lists: `xixing-dongguan 2025-05`, `closure C-2025-01`.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            ItemKey::Region(id) => {
                tr!(lang, "地区 {id}", "region {id}")
            }
            ItemKey::Observation { region, month } => format!("{region} {month}"),
            ItemKey::Closure(id) => {
                tr!(lang, "关停破产 {id}", "closure {id}")
            }
            ItemKey::Layoff(id) => {
                tr!(lang, "一次性裁员 {id}", "layoff {id}")
            }
            ItemKey::CityWarning(i) => {
                tr!(lang, ["市级预警 #{}", i + 1], ["city warning #{}", i + 1])
            }
            ItemKey::Determination(id) => {
                tr!(lang, "特殊认定 {id}", "special determination {id}")
            }
            ItemKey::StreetThresholds(id) => {
                tr!(lang, "街道自有标准 {id}", "own thresholds of {id}")
            }
        }
    }
}

/// How an incoming item relates to the current dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Added,
    Identical,
    Changed,
    Conflicting,
}

/// One field of an item on both sides (display texts; `None` where a side has no value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    /// Stable field name: `registered_rate`, `name`, `enterprise`, …
    pub field: &'static str,
    pub mine: Option<String>,
    pub theirs: Option<String>,
}

/// An incoming item that is not identical to the current one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemDiff {
    pub key: ItemKey,
    pub status: Status,
    /// Added: what it brings; changed: what it fills in; conflicting: what differs.
    pub fields: Vec<FieldDiff>,
    /// An added event that looks like one already there under another id (same enterprise,
    /// street and date): merging would count it twice.
    pub possible_duplicate_of: Option<String>,
    /// A conflicting region whose kind or parent differs: only "keep mine" is possible (the
    /// tree would break); use replace to take the other tree.
    pub structural: bool,
}

/// The choice for one conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// The current item stays as it is.
    KeepMine,
    /// The incoming values win where the incoming item has them (for an observation, the
    /// unemployed and labour-force counts are taken together).
    TakeTheirs,
}

/// A resolution per conflicting item.
pub type Resolutions = HashMap<ItemKey, Resolution>;

/// How many incoming items of one kind are in each state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub identical: usize,
    pub changed: usize,
    pub conflicting: usize,
}

impl Counts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Added => self.added += 1,
            Status::Identical => self.identical += 1,
            Status::Changed => self.changed += 1,
            Status::Conflicting => self.conflicting += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.added + self.identical + self.changed + self.conflicting
    }
}

/// The preview's numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub regions: Counts,
    pub observations: Counts,
    pub closures: Counts,
    pub layoffs: Counts,
    pub city_warnings: Counts,
    pub determinations: Counts,
    pub street_thresholds: Counts,
    /// Observations per region id.
    pub observations_by_region: BTreeMap<String, Counts>,
    /// Observations per month.
    pub observations_by_month: BTreeMap<Month, Counts>,
    /// First and last month of the incoming observations.
    pub months: Option<(Month, Month)>,
}

impl Summary {
    pub fn conflicts(&self) -> usize {
        [
            self.regions,
            self.observations,
            self.closures,
            self.layoffs,
            self.city_warnings,
            self.determinations,
            self.street_thresholds,
        ]
        .iter()
        .map(|c| c.conflicting)
        .sum()
    }
}

/// What replacing the current dataset would remove: items it has that the incoming lacks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReplaceImpact {
    pub regions: usize,
    pub observations: usize,
    pub closures: usize,
    pub layoffs: usize,
    pub city_warnings: usize,
    pub determinations: usize,
    pub street_thresholds: usize,
}

impl ReplaceImpact {
    pub fn loses_anything(&self) -> bool {
        self.regions
            + self.observations
            + self.closures
            + self.layoffs
            + self.city_warnings
            + self.determinations
            + self.street_thresholds
            > 0
    }
}

/// The result of a merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub dataset: Dataset,
    /// Turns the current dataset into `dataset` (for [`crate::edit::History`]), when the merge
    /// touches only regions, observations and events; `None` otherwise (keep a backup).
    pub edit: Option<Edit>,
}

/// Why a merge could not be made; the current dataset is untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// Conflicts without a resolution.
    Unresolved { keys: Vec<ItemKey> },
    /// "Take theirs" for a region whose kind or parent differs.
    CannotTakeTheirs { key: ItemKey },
    /// The merged data would be inconsistent (e.g. a second district).
    Edit(EditError),
}

impl MergeError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MergeError::Unresolved { keys } => {
                let shown: Vec<String> = keys.iter().take(5).map(|k| k.label(lang)).collect();
                let more = if keys.len() > shown.len() { "…" } else { "" };
                tr!(
                    lang,
                    [
                        "还有 {} 处冲突未选择处理方式（保留本地或采用导入）：{}{more}",
                        keys.len(),
                        shown.join("、")
                    ],
                    [
                        "{} conflict(s) have no choice yet (keep mine or take theirs): {}{more}",
                        keys.len(),
                        shown.join(", ")
                    ]
                )
            }
            MergeError::CannotTakeTheirs { key } => {
                tr!(lang, ["{}：两边的类型或上级地区不同，只能保留本地；如需采用导入的地区结构，请选择“替换”",
                        key.label(lang)], ["{}: its kind or parent differs, so only 'keep mine' is possible; to take the other tree, replace instead",
                        key.label(lang)])
            }
            MergeError::Edit(e) => e.message(lang),
        }
    }

    pub fn text(&self) -> Text {
        Text {
            zh: self.message(Lang::Zh),
            en: self.message(Lang::En),
        }
    }
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MergeError {}

/// The preview of importing `incoming` into `current`, and the means to carry it out.
#[derive(Clone, Debug)]
pub struct ImportPlan {
    base: Dataset,
    incoming: Dataset,
    items: Vec<ItemDiff>,
    summary: Summary,
    replace_impact: ReplaceImpact,
}

fn fd(field: &'static str, mine: Option<String>, theirs: Option<String>) -> FieldDiff {
    FieldDiff {
        field,
        mine,
        theirs,
    }
}

fn text_opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// Compares one field: a conflict when both differ, a fill when only theirs has a value.
struct Cmp {
    conflicts: Vec<FieldDiff>,
    fills: Vec<FieldDiff>,
}

impl Cmp {
    fn new() -> Cmp {
        Cmp {
            conflicts: Vec::new(),
            fills: Vec::new(),
        }
    }

    /// A field both sides must have: any difference conflicts.
    fn must<T: PartialEq + ToString>(&mut self, field: &'static str, mine: &T, theirs: &T) {
        if mine != theirs {
            self.conflicts
                .push(fd(field, Some(mine.to_string()), Some(theirs.to_string())));
        }
    }

    /// An optional field: theirs may fill a gap.
    fn opt<T: PartialEq + ToString>(
        &mut self,
        field: &'static str,
        mine: Option<&T>,
        theirs: Option<&T>,
    ) {
        match (mine, theirs) {
            (Some(m), Some(t)) if m != t => {
                self.conflicts
                    .push(fd(field, Some(m.to_string()), Some(t.to_string())))
            }
            (None, Some(t)) => self.fills.push(fd(field, None, Some(t.to_string()))),
            _ => {}
        }
    }

    /// A text where empty means "not given".
    fn text(&mut self, field: &'static str, mine: &str, theirs: &str) {
        self.opt(field, text_opt(mine).as_ref(), text_opt(theirs).as_ref());
    }

    fn status(&self) -> (Status, Vec<FieldDiff>) {
        if !self.conflicts.is_empty() {
            (Status::Conflicting, self.conflicts.clone())
        } else if !self.fills.is_empty() {
            (Status::Changed, self.fills.clone())
        } else {
            (Status::Identical, Vec::new())
        }
    }
}

fn signoff_text(s: &Signoff) -> String {
    format!("{} {}", s.date, s.by)
}

fn item(key: ItemKey, status: Status, fields: Vec<FieldDiff>) -> ItemDiff {
    ItemDiff {
        key,
        status,
        fields,
        possible_duplicate_of: None,
        structural: false,
    }
}

/// An observation's key: region id and month.
type ObsKey<'a> = (&'a str, Month);

/// The position of the last observation of each region and month.
fn last_positions(obs: &[Observation]) -> HashMap<ObsKey<'_>, usize> {
    let mut last = HashMap::with_capacity(obs.len());
    for (i, o) in obs.iter().enumerate() {
        last.insert((o.region.as_str(), o.month), i);
    }
    last
}

/// The keys in order of first appearance, each with the position of its last observation.
fn keys_in_order(obs: &[Observation]) -> Vec<(ObsKey<'_>, usize)> {
    use std::collections::hash_map::Entry;
    let mut slot: HashMap<ObsKey, usize> = HashMap::with_capacity(obs.len());
    let mut out: Vec<(ObsKey, usize)> = Vec::with_capacity(obs.len());
    for (i, o) in obs.iter().enumerate() {
        match slot.entry((o.region.as_str(), o.month)) {
            Entry::Occupied(e) => {
                if let Some(x) = out.get_mut(*e.get()) {
                    x.1 = i;
                }
            }
            Entry::Vacant(v) => {
                v.insert(out.len());
                out.push(((o.region.as_str(), o.month), i));
            }
        }
    }
    out
}

fn value_text(v: Option<crate::edit::Value>) -> Option<String> {
    v.map(|v| v.to_string())
}

/// The merged observation: `theirs` fills gaps, or (taking theirs) wins where it has values,
/// the two counts together.
fn merge_observation(mine: &Observation, theirs: &Observation, take_theirs: bool) -> Observation {
    let mut out = mine.clone();
    let pick = |m: Option<crate::edit::Value>, t: Option<crate::edit::Value>| {
        if take_theirs {
            t.or(m)
        } else {
            m.or(t)
        }
    };
    for f in Field::ALL {
        if matches!(f, Field::Unemployed | Field::LabourForce) {
            continue;
        }
        set_field(&mut out, f, pick(f.get(mine), f.get(theirs)));
    }
    let theirs_counts = theirs.unemployed.is_some() || theirs.labour_force.is_some();
    if take_theirs && theirs_counts {
        out.unemployed = theirs.unemployed;
        out.labour_force = theirs.labour_force;
    } else {
        out.unemployed = mine.unemployed.or(theirs.unemployed);
        out.labour_force = mine.labour_force.or(theirs.labour_force);
    }
    out
}

fn set_field(o: &mut Observation, f: Field, v: Option<crate::edit::Value>) {
    // Both sides hold values of the field's own kind, so the kind check cannot refuse.
    let _ = f.set(o, v);
}

fn consistent(o: &Observation) -> bool {
    !matches!((o.unemployed, o.labour_force), (Some(u), Some(lf)) if u > lf)
}

fn has_figures(o: &Observation) -> bool {
    Field::ALL.iter().any(|f| f.get(o).is_some())
}

fn diff_observation(mine: Option<&Observation>, theirs: &Observation) -> (Status, Vec<FieldDiff>) {
    if !has_figures(theirs) {
        return (Status::Identical, Vec::new());
    }
    let Some(mine) = mine else {
        let fields = Field::ALL
            .iter()
            .filter_map(|f| f.get(theirs).map(|v| fd(f.id(), None, Some(v.to_string()))))
            .collect();
        return (Status::Added, fields);
    };
    let mut c = Cmp::new();
    for f in Field::ALL {
        c.opt(f.id(), f.get(mine).as_ref(), f.get(theirs).as_ref());
    }
    let (status, fields) = c.status();
    if status == Status::Changed && !consistent(&merge_observation(mine, theirs, false)) {
        let pair = [Field::Unemployed, Field::LabourForce]
            .iter()
            .map(|f| fd(f.id(), value_text(f.get(mine)), value_text(f.get(theirs))))
            .collect();
        return (Status::Conflicting, pair);
    }
    (status, fields)
}

fn diff_region(mine: &Region, theirs: &Region) -> ItemDiff {
    let key = ItemKey::Region(theirs.id.clone());
    let mut c = Cmp::new();
    if mine.kind != theirs.kind {
        c.conflicts.push(fd(
            "kind",
            Some(kind_id(mine.kind).to_owned()),
            Some(kind_id(theirs.kind).to_owned()),
        ));
    }
    if mine.parent != theirs.parent {
        c.conflicts
            .push(fd("parent", mine.parent.clone(), theirs.parent.clone()));
    }
    let structural = !c.conflicts.is_empty();
    c.must("name", &mine.name, &theirs.name);
    c.opt("name_en", mine.name_en.as_ref(), theirs.name_en.as_ref());
    let (status, fields) = c.status();
    ItemDiff {
        structural,
        ..item(key, status, fields)
    }
}

fn kind_id(k: RegionKind) -> &'static str {
    match k {
        RegionKind::District => "district",
        RegionKind::Street => "street",
        RegionKind::Community => "community",
    }
}

/// Compares incoming events of one kind with mine by id; a new one that looks like one of
/// mine (same enterprise, street and date under another id) is flagged as a possible duplicate.
fn diff_events<E: EnterpriseEvent>(
    current: &[E],
    incoming: &[E],
    key: fn(String) -> ItemKey,
    cmp: fn(&E, &E) -> (Status, Vec<FieldDiff>),
    counts: &mut Counts,
    items: &mut Vec<ItemDiff>,
) {
    let mine: HashMap<&str, &E> = current.iter().map(|e| (e.id(), e)).collect();
    for e in incoming {
        let mut d = match mine.get(e.id()) {
            Some(m) => {
                let (st, f) = cmp(m, e);
                item(key(e.id().to_owned()), st, f)
            }
            None => item(key(e.id().to_owned()), Status::Added, Vec::new()),
        };
        if d.status == Status::Added {
            d.possible_duplicate_of = current
                .iter()
                .find(|m| {
                    same_enterprise(m.enterprise(), e.enterprise())
                        && m.street() == e.street()
                        && m.date() == e.date()
                })
                .map(|m| m.id().to_owned());
        }
        counts.add(d.status);
        if d.status != Status::Identical {
            items.push(d);
        }
    }
}

/// The edits that merge incoming events of one kind: a new one is added; a changed one takes
/// the side chosen for it, keeping an industry only one side has.
fn merge_events<E: EventEdit>(
    incoming: &Dataset,
    base: &Dataset,
    key: fn(String) -> ItemKey,
    steps: &mut Vec<Edit>,
    wants: &dyn Fn(&ItemKey) -> bool,
    take: &dyn Fn(&ItemKey) -> bool,
) {
    let base = E::list(base);
    for e in E::list(incoming) {
        let k = key(e.id().to_owned());
        if !wants(&k) {
            continue;
        }
        match base.iter().find(|m| m.id() == e.id()) {
            None => steps.push(E::add(e.clone(), None)),
            Some(m) => {
                let mut ev = if take(&k) { e.clone() } else { m.clone() };
                if ev.industry().is_empty() {
                    let known = if m.industry().is_empty() {
                        e.industry()
                    } else {
                        m.industry()
                    };
                    *ev.industry_mut() = known.to_owned();
                }
                steps.push(E::update(ev));
            }
        }
    }
}

fn diff_closure(mine: &ClosureEvent, theirs: &ClosureEvent) -> (Status, Vec<FieldDiff>) {
    let mut c = Cmp::new();
    c.must("enterprise", &mine.enterprise, &theirs.enterprise);
    c.text("industry", &mine.industry, &theirs.industry);
    c.must("street", &mine.street, &theirs.street);
    c.must("date", &mine.date, &theirs.date);
    c.must("unemployed", &mine.unemployed, &theirs.unemployed);
    c.status()
}

fn diff_layoff(mine: &LayoffEvent, theirs: &LayoffEvent) -> (Status, Vec<FieldDiff>) {
    let mut c = Cmp::new();
    c.must("enterprise", &mine.enterprise, &theirs.enterprise);
    c.text("industry", &mine.industry, &theirs.industry);
    c.must("street", &mine.street, &theirs.street);
    c.must("date", &mine.date, &theirs.date);
    c.must("workforce", &mine.workforce, &theirs.workforce);
    c.must("laid_off", &mine.laid_off, &theirs.laid_off);
    c.status()
}

fn diff_determination(
    mine: &SpecialDetermination,
    theirs: &SpecialDetermination,
) -> (Status, Vec<FieldDiff>) {
    let mut c = Cmp::new();
    c.must("level", &mine.level.number(), &theirs.level.number());
    c.must(
        "reason",
        &format!("{:?}", mine.reason),
        &format!("{:?}", theirs.reason),
    );
    c.must("scope", &mine.scope.to_string(), &theirs.scope.to_string());
    c.text("note", &mine.note, &theirs.note);
    c.must(
        "proposed",
        &signoff_text(&mine.proposed),
        &signoff_text(&theirs.proposed),
    );
    c.opt(
        "hq_consent",
        mine.hq_consent.as_ref().map(signoff_text).as_ref(),
        theirs.hq_consent.as_ref().map(signoff_text).as_ref(),
    );
    c.opt(
        "city_approval",
        mine.city_approval.as_ref().map(signoff_text).as_ref(),
        theirs.city_approval.as_ref().map(signoff_text).as_ref(),
    );
    c.opt("until", mine.until.as_ref(), theirs.until.as_ref());
    c.status()
}

fn same_enterprise(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// Compares `incoming` with `current`: the import preview.
pub fn diff(current: &Dataset, incoming: &Dataset) -> ImportPlan {
    let mut items = Vec::new();
    let mut s = Summary::default();

    // Regions.
    let mine_regions: HashMap<&str, &Region> =
        current.regions.iter().map(|r| (r.id.as_str(), r)).collect();
    for r in &incoming.regions {
        let d = match mine_regions.get(r.id.as_str()) {
            None => item(ItemKey::Region(r.id.clone()), Status::Added, Vec::new()),
            Some(m) => diff_region(m, r),
        };
        s.regions.add(d.status);
        if d.status != Status::Identical {
            items.push(d);
        }
    }

    // Observations.
    let mine_obs = last_positions(&current.observations);
    let mut matched = 0usize;
    // Rows usually come grouped by region: tally a run before looking its region up.
    let mut run: Option<(&str, Counts)> = None;
    let flush = |s: &mut Summary, run: Option<(&str, Counts)>| {
        if let Some((region, c)) = run {
            let slot = match s.observations_by_region.get_mut(region) {
                Some(slot) => slot,
                None => s
                    .observations_by_region
                    .entry(region.to_owned())
                    .or_default(),
            };
            slot.added += c.added;
            slot.identical += c.identical;
            slot.changed += c.changed;
            slot.conflicting += c.conflicting;
        }
    };
    for (key, ti) in keys_in_order(&incoming.observations) {
        let Some(t) = incoming.observations.get(ti) else {
            continue;
        };
        let m = mine_obs
            .get(&key)
            .and_then(|i| current.observations.get(*i));
        matched += usize::from(m.is_some());
        let (status, fields) = diff_observation(m, t);
        s.observations.add(status);
        match &mut run {
            Some((region, c)) if *region == key.0 => c.add(status),
            _ => {
                flush(&mut s, run.take());
                let mut c = Counts::default();
                c.add(status);
                run = Some((key.0, c));
            }
        }
        s.observations_by_month
            .entry(key.1)
            .or_default()
            .add(status);
        s.months = Some(match s.months {
            None => (key.1, key.1),
            Some((a, b)) => (a.min(key.1), b.max(key.1)),
        });
        if status != Status::Identical {
            items.push(item(
                ItemKey::Observation {
                    region: key.0.to_owned(),
                    month: key.1,
                },
                status,
                fields,
            ));
        }
    }
    flush(&mut s, run.take());
    let observations_lost = mine_obs.len() - matched;

    // Events.
    diff_events(
        &current.closures,
        &incoming.closures,
        ItemKey::Closure,
        diff_closure,
        &mut s.closures,
        &mut items,
    );
    diff_events(
        &current.layoffs,
        &incoming.layoffs,
        ItemKey::Layoff,
        diff_layoff,
        &mut s.layoffs,
        &mut items,
    );

    // City warnings (no ids: equal or added).
    for (i, w) in incoming.city_warnings.iter().enumerate() {
        let status = if current.city_warnings.contains(w) {
            Status::Identical
        } else {
            Status::Added
        };
        s.city_warnings.add(status);
        if status == Status::Added {
            items.push(item(ItemKey::CityWarning(i), status, Vec::new()));
        }
    }

    // Special determinations.
    let mine_dets: HashMap<&str, &SpecialDetermination> = current
        .special_determinations
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    for d in &incoming.special_determinations {
        let (status, fields) = match mine_dets.get(d.id.as_str()) {
            Some(m) => diff_determination(m, d),
            None => (Status::Added, Vec::new()),
        };
        s.determinations.add(status);
        if status != Status::Identical {
            items.push(item(ItemKey::Determination(d.id.clone()), status, fields));
        }
    }

    // Streets' own thresholds.
    for (street, t) in &incoming.street_thresholds {
        let status = match current.street_thresholds.get(street) {
            None => Status::Added,
            Some(m) if m == t => Status::Identical,
            Some(_) => Status::Conflicting,
        };
        s.street_thresholds.add(status);
        if status != Status::Identical {
            items.push(item(
                ItemKey::StreetThresholds(street.clone()),
                status,
                Vec::new(),
            ));
        }
    }

    let replace_impact = replace_impact(current, incoming, observations_lost);
    ImportPlan {
        base: current.clone(),
        incoming: incoming.clone(),
        items,
        summary: s,
        replace_impact,
    }
}

fn replace_impact(
    current: &Dataset,
    incoming: &Dataset,
    observations_lost: usize,
) -> ReplaceImpact {
    let ids = |v: Vec<&str>| -> HashSet<String> { v.into_iter().map(str::to_owned).collect() };
    let regions = ids(incoming.regions.iter().map(|r| r.id.as_str()).collect());
    let closures = ids(incoming.closures.iter().map(|e| e.id.as_str()).collect());
    let layoffs = ids(incoming.layoffs.iter().map(|e| e.id.as_str()).collect());
    let dets = ids(incoming
        .special_determinations
        .iter()
        .map(|d| d.id.as_str())
        .collect());
    ReplaceImpact {
        regions: current
            .regions
            .iter()
            .filter(|r| !regions.contains(&r.id))
            .count(),
        observations: observations_lost,
        closures: current
            .closures
            .iter()
            .filter(|e| !closures.contains(&e.id))
            .count(),
        layoffs: current
            .layoffs
            .iter()
            .filter(|e| !layoffs.contains(&e.id))
            .count(),
        city_warnings: current
            .city_warnings
            .iter()
            .filter(|w| !incoming.city_warnings.contains(w))
            .count(),
        determinations: current
            .special_determinations
            .iter()
            .filter(|d| !dets.contains(&d.id))
            .count(),
        street_thresholds: current
            .street_thresholds
            .keys()
            .filter(|k| !incoming.street_thresholds.contains_key(*k))
            .count(),
    }
}

fn region_rank(k: RegionKind) -> u8 {
    match k {
        RegionKind::District => 0,
        RegionKind::Street => 1,
        RegionKind::Community => 2,
    }
}

impl ImportPlan {
    /// Every incoming item that is not identical, in dataset order by kind.
    pub fn items(&self) -> &[ItemDiff] {
        &self.items
    }

    /// The items that need a [`Resolution`].
    pub fn conflicts(&self) -> impl Iterator<Item = &ItemDiff> {
        self.items
            .iter()
            .filter(|i| i.status == Status::Conflicting)
    }

    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// What [`ImportPlan::replace`] would remove.
    pub fn replace_impact(&self) -> &ReplaceImpact {
        &self.replace_impact
    }

    /// Whether merging could change anything.
    pub fn has_changes(&self) -> bool {
        !self.items.is_empty()
    }

    /// Whether `current` is still the dataset this plan was made from. A plan made before an
    /// edit must be made again: merging always starts from the dataset it was made from.
    pub fn is_based_on(&self, current: &Dataset) -> bool {
        self.base == *current
    }

    /// The same resolution for every conflict ("keep all mine" / "take all theirs"); structural
    /// region conflicts always keep mine.
    pub fn resolve_all(&self, r: Resolution) -> Resolutions {
        self.conflicts()
            .map(|i| {
                let r = if i.structural {
                    Resolution::KeepMine
                } else {
                    r
                };
                (i.key.clone(), r)
            })
            .collect()
    }

    /// The incoming dataset as it is (the UI keeps the current one as a backup).
    pub fn replace(&self) -> Dataset {
        self.incoming.clone()
    }

    /// The current dataset with the incoming one merged in, every conflict settled by
    /// `resolutions`. Refused, with nothing changed, while any conflict lacks a resolution.
    pub fn merge(&self, resolutions: &Resolutions) -> Result<Merged, MergeError> {
        let mut unresolved = Vec::new();
        for c in self.conflicts() {
            match resolutions.get(&c.key) {
                None => unresolved.push(c.key.clone()),
                Some(Resolution::TakeTheirs) if c.structural => {
                    return Err(MergeError::CannotTakeTheirs { key: c.key.clone() })
                }
                Some(_) => {}
            }
        }
        if !unresolved.is_empty() {
            return Err(MergeError::Unresolved { keys: unresolved });
        }
        let take = |key: &ItemKey| resolutions.get(key) == Some(&Resolution::TakeTheirs);
        let status: HashMap<&ItemKey, Status> =
            self.items.iter().map(|i| (&i.key, i.status)).collect();
        let wants = |key: &ItemKey| match status.get(key) {
            Some(Status::Added) | Some(Status::Changed) => true,
            Some(Status::Conflicting) => take(key),
            _ => false,
        };
        let (base, inc) = (&self.base, &self.incoming);
        let mut steps: Vec<Edit> = Vec::new();

        // Regions: parents before children; then names.
        let mut added: Vec<&Region> = inc
            .regions
            .iter()
            .filter(|r| status.get(&ItemKey::Region(r.id.clone())) == Some(&Status::Added))
            .collect();
        crate::sort::sort_by_key(&mut added, |r| region_rank(r.kind));
        for r in added {
            steps.push(Edit::AddRegion {
                region: r.clone(),
                at: None,
            });
        }
        for r in &inc.regions {
            let key = ItemKey::Region(r.id.clone());
            let Some(st) = status.get(&key) else { continue };
            let Some(m) = base.region(&r.id) else {
                continue;
            };
            let (name, name_en) = match st {
                Status::Changed => (m.name.clone(), m.name_en.clone().or(r.name_en.clone())),
                Status::Conflicting if take(&key) => {
                    (r.name.clone(), r.name_en.clone().or(m.name_en.clone()))
                }
                _ => continue,
            };
            steps.push(Edit::RenameRegion {
                id: r.id.clone(),
                name,
                name_en,
            });
        }

        // Observations, as cell edits: only the items that are not identical, which the
        // preview lists in order of first appearance of their keys.
        let mine_obs = last_positions(&base.observations);
        let theirs_obs = last_positions(&inc.observations);
        let mut cells = Vec::new();
        for d in &self.items {
            let ItemKey::Observation { region, month } = &d.key else {
                continue;
            };
            if !wants(&d.key) {
                continue;
            }
            let key = (region.as_str(), *month);
            let Some(t) = theirs_obs.get(&key).and_then(|i| inc.observations.get(*i)) else {
                continue;
            };
            let m = mine_obs.get(&key).and_then(|i| base.observations.get(*i));
            let empty = Observation::new(region, *month);
            let mine = m.unwrap_or(&empty);
            let merged = merge_observation(mine, t, take(&d.key));
            for f in Field::ALL {
                let v = f.get(&merged);
                if v != f.get(mine) {
                    cells.push(CellEdit::new(region, *month, f, v));
                }
            }
        }
        if !cells.is_empty() {
            steps.push(Edit::SetCells(cells));
        }

        // Events.
        merge_events::<ClosureEvent>(inc, base, ItemKey::Closure, &mut steps, &wants, &take);
        merge_events::<LayoffEvent>(inc, base, ItemKey::Layoff, &mut steps, &wants, &take);

        let mut dataset = base.clone();
        let edit = Edit::Batch(steps);
        edit.clone().apply(&mut dataset).map_err(MergeError::Edit)?;

        // What edits cannot express: city warnings, determinations, own thresholds.
        let mut beyond_edits = false;
        for (i, w) in inc.city_warnings.iter().enumerate() {
            if wants(&ItemKey::CityWarning(i)) {
                dataset.city_warnings.push(w.clone());
                beyond_edits = true;
            }
        }
        for d in &inc.special_determinations {
            let key = ItemKey::Determination(d.id.clone());
            if !wants(&key) {
                continue;
            }
            beyond_edits = true;
            match dataset
                .special_determinations
                .iter_mut()
                .find(|m| m.id == d.id)
            {
                None => dataset.special_determinations.push(d.clone()),
                Some(slot) => *slot = merge_determination(slot, d, take(&key)),
            }
        }
        for (street, t) in &inc.street_thresholds {
            if wants(&ItemKey::StreetThresholds(street.clone())) {
                beyond_edits = true;
                dataset
                    .street_thresholds
                    .insert(street.clone(), Thresholds::clone(t));
            }
        }
        let edit = (!beyond_edits && !edit.is_noop()).then_some(edit);
        Ok(Merged { dataset, edit })
    }
}

fn merge_determination(
    mine: &SpecialDetermination,
    theirs: &SpecialDetermination,
    take_theirs: bool,
) -> SpecialDetermination {
    let (a, b) = if take_theirs {
        (theirs, mine)
    } else {
        (mine, theirs)
    };
    let mut out = a.clone();
    if out.note.is_empty() {
        out.note = b.note.clone();
    }
    out.hq_consent = a.hq_consent.clone().or(b.hq_consent.clone());
    out.city_approval = a.city_approval.clone().or(b.city_approval.clone());
    out.until = a.until.or(b.until);
    out
}
