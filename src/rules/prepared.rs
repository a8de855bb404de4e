//! The engine prepared once per change of the plan or the dataset, shared by every view.
//!
//! [`Engine`] borrows its plan and dataset, so on its own it cannot outlive the closure that
//! builds it and every view used to build its own. [`Prepared`] owns a copy of both beside the
//! engine built over them (a self-referential pair, kept safe by `self_cell`), behind an `Arc`:
//! cloning it is a pointer copy, and the workspace replaces it once after each change.

use super::engine::Index;
use super::{Engine, Touched};
use crate::model::Dataset;
use crate::plan::Plan;
use std::sync::Arc;

/// What the engine reads: a copy of the workspace's plan and dataset at one revision. The plan
/// is shared: a data edit prepares a new engine over the same plan without copying it.
pub struct Inputs {
    pub plan: Arc<Plan>,
    pub dataset: Dataset,
}

self_cell::self_cell!(
    struct Cell {
        owner: Inputs,
        #[covariant]
        dependent: Engine,
    }
);

/// A plan and dataset with their engine, built once and shared.
#[derive(Clone)]
pub struct Prepared(Arc<Cell>);

impl Prepared {
    /// Indexes `dataset` under `plan` (one [`Engine::new`]).
    pub fn new(plan: Plan, dataset: Dataset) -> Prepared {
        Prepared::with_plan(Arc::new(plan), dataset)
    }

    /// As [`Prepared::new`], with a plan already shared (see [`Prepared::shared_plan`]).
    pub fn with_plan(plan: Arc<Plan>, dataset: Dataset) -> Prepared {
        Prepared(Arc::new(Cell::new(Inputs { plan, dataset }, |i| {
            Engine::new(&i.plan, &i.dataset)
        })))
    }

    /// The preparation after a change of the dataset: `edit` changes the dataset (this
    /// preparation's own, moved rather than copied when nothing else holds this one) and says
    /// what it touched; the engine is then updated where that allows
    /// ([`Engine`]'s indexes carried over, see [`Touched`]) and built afresh otherwise. `None`
    /// when `edit` fails (the caller prepares from its own copy).
    pub fn edited(self, edit: impl FnOnce(&mut Dataset) -> Option<Touched>) -> Option<Prepared> {
        let (plan, mut dataset, index) = match Arc::try_unwrap(self.0) {
            Ok(cell) => {
                let mut cell = cell;
                let index = cell.with_dependent_mut(|_, engine| engine.take_index());
                let Inputs { plan, dataset } = cell.into_owner();
                (plan, dataset, index)
            }
            // A view still holds this preparation: work on copies.
            Err(shared) => {
                let inputs = shared.borrow_owner();
                let index = shared.borrow_dependent().index();
                (Arc::clone(&inputs.plan), inputs.dataset.clone(), index)
            }
        };
        let touched = edit(&mut dataset)?;
        Some(Prepared(Arc::new(Cell::new(
            Inputs { plan, dataset },
            move |i| Engine::updated(&i.plan, &i.dataset, index, &touched),
        ))))
    }

    /// An engine over no data (not counted as a build), to stand in while the real one is
    /// moved into its successor.
    pub(crate) fn placeholder(plan: Arc<Plan>) -> Prepared {
        Prepared(Arc::new(Cell::new(
            Inputs {
                plan,
                dataset: Dataset::default(),
            },
            |i| Engine::assemble(&i.plan, &i.dataset, Index::default()),
        )))
    }

    /// The plan, to prepare the next engine over it when only the data changed.
    pub fn shared_plan(&self) -> Arc<Plan> {
        Arc::clone(&self.0.borrow_owner().plan)
    }

    pub fn engine(&self) -> &Engine<'_> {
        self.0.borrow_dependent()
    }

    pub fn plan(&self) -> &Plan {
        &self.0.borrow_owner().plan
    }

    pub fn dataset(&self) -> &Dataset {
        &self.0.borrow_owner().dataset
    }

    /// Whether both are the same preparation (not merely equal inputs).
    pub fn same(&self, other: &Prepared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("regions", &self.dataset().regions.len())
            .field("observations", &self.dataset().observations.len())
            .finish_non_exhaustive()
    }
}

/// Equal when it is the same preparation: a view re-runs exactly when the workspace prepared
/// a new engine, without comparing plans and datasets.
impl PartialEq for Prepared {
    fn eq(&self, other: &Prepared) -> bool {
        self.same(other)
    }
}
