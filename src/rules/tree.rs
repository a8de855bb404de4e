//! The region tree, made safe: duplicate ids, unknown parents and parent cycles are resolved
//! deterministically so that every later pass can walk it without recursion.

use crate::model::{Dataset, RegionKind};
use std::collections::HashMap;

/// One region of the tree; `region` indexes `Dataset::regions`.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub region: usize,
    pub parent: Option<u32>,
    pub children: Vec<u32>,
    /// Position in `Tree::post`; the subtree is `post[first..=pos]`.
    pub pos: u32,
    pub first: u32,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    /// Owned ids, so the tree outlives one borrow of the dataset (an incremental update
    /// moves it into the next engine).
    pub by_id: HashMap<String, u32>,
    /// Every node once, children before their parent.
    pub post: Vec<u32>,
    pub district: Option<u32>,
}

impl Tree {
    pub fn new(data: &Dataset) -> Tree {
        let mut by_id: HashMap<String, u32> = HashMap::with_capacity(data.regions.len());
        let mut nodes: Vec<Node> = Vec::new();
        for (i, r) in data.regions.iter().enumerate() {
            if by_id.contains_key(r.id.as_str()) {
                continue; // a repeated id: the first region with it counts
            }
            let Ok(ix) = u32::try_from(nodes.len()) else {
                break;
            };
            by_id.insert(r.id.clone(), ix);
            nodes.push(Node {
                region: i,
                parent: None,
                children: Vec::new(),
                pos: 0,
                first: 0,
            });
        }
        let parents: Vec<Option<u32>> = nodes
            .iter()
            .map(|n| {
                data.regions
                    .get(n.region)
                    .and_then(|r| r.parent.as_deref())
                    .and_then(|p| by_id.get(p).copied())
            })
            .collect();
        for (ix, p) in parents.iter().enumerate() {
            if let (Some(p), Ok(ix)) = (p, u32::try_from(ix)) {
                if *p != ix {
                    if let Some(node) = nodes.get_mut(ix as usize) {
                        node.parent = Some(*p);
                    }
                    if let Some(parent) = nodes.get_mut(*p as usize) {
                        parent.children.push(ix);
                    }
                }
            }
        }
        let mut tree = Tree {
            nodes,
            by_id,
            post: Vec::new(),
            district: None,
        };
        tree.order();
        tree.district = data
            .regions
            .iter()
            .position(|r| r.kind == RegionKind::District)
            .and_then(|i| data.regions.get(i))
            .and_then(|r| tree.by_id.get(r.id.as_str()).copied());
        tree
    }

    /// Post-order from every root; a node not reached (a parent cycle) has its parent link cut
    /// and becomes a root, in index order.
    fn order(&mut self) {
        let n = self.nodes.len();
        let mut visited = vec![false; n];
        let roots: Vec<u32> = (0..n)
            .filter(|&i| self.nodes.get(i).is_some_and(|x| x.parent.is_none()))
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        for r in roots {
            self.walk(r, &mut visited);
        }
        for i in 0..n {
            if visited.get(i).copied().unwrap_or(true) {
                continue;
            }
            let Ok(ix) = u32::try_from(i) else { continue };
            if let Some(p) = self.nodes.get(i).and_then(|x| x.parent) {
                if let Some(parent) = self.nodes.get_mut(p as usize) {
                    parent.children.retain(|c| *c != ix);
                }
            }
            if let Some(node) = self.nodes.get_mut(i) {
                node.parent = None;
            }
            self.walk(ix, &mut visited);
        }
    }

    /// Iterative post-order walk of the subtree of `root`.
    fn walk(&mut self, root: u32, visited: &mut [bool]) {
        // (node, index of the next child to visit)
        let mut stack: Vec<(u32, usize)> = vec![(root, 0)];
        if let Some(v) = visited.get_mut(root as usize) {
            *v = true;
        }
        let mut firsts: Vec<u32> = vec![self.post_len()];
        while let Some((node, next)) = stack.last().copied() {
            let child = self
                .nodes
                .get(node as usize)
                .and_then(|x| x.children.get(next))
                .copied();
            match child {
                Some(c) => {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                    if visited.get(c as usize).copied().unwrap_or(true) {
                        continue;
                    }
                    if let Some(v) = visited.get_mut(c as usize) {
                        *v = true;
                    }
                    stack.push((c, 0));
                    firsts.push(self.post_len());
                }
                None => {
                    stack.pop();
                    let first = firsts.pop().unwrap_or(0);
                    let pos = self.post_len();
                    if let Some(x) = self.nodes.get_mut(node as usize) {
                        x.pos = pos;
                        x.first = first;
                    }
                    self.post.push(node);
                }
            }
        }
    }

    fn post_len(&self) -> u32 {
        u32::try_from(self.post.len()).unwrap_or(u32::MAX)
    }

    pub fn node(&self, ix: u32) -> Option<&Node> {
        self.nodes.get(ix as usize)
    }

    /// The nodes of the subtree of `ix`, children before parents (the node itself last).
    pub fn subtree(&self, ix: u32) -> &[u32] {
        self.node(ix)
            .and_then(|n| self.post.get(n.first as usize..=n.pos as usize))
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Region;

    fn region(id: &str, kind: RegionKind, parent: Option<&str>) -> Region {
        Region::new(id, kind, id, parent)
    }

    #[test]
    fn cycles_and_duplicates_are_cut() {
        let data = Dataset {
            regions: vec![
                region("d", RegionKind::District, None),
                region("a", RegionKind::Street, Some("d")),
                region("b", RegionKind::Street, Some("c")),
                region("c", RegionKind::Street, Some("b")),
                region("a", RegionKind::Street, Some("b")),
                region("s", RegionKind::Street, Some("s")),
                region("x", RegionKind::Community, Some("missing")),
            ],
            ..Dataset::default()
        };
        let t = Tree::new(&data);
        assert_eq!(t.nodes.len(), 6);
        assert_eq!(t.post.len(), 6);
        assert_eq!(t.district, Some(0));
        assert_eq!(t.subtree(0), &[1, 0]);
        // b becomes a root, c its child.
        assert_eq!(t.subtree(2), &[3, 2]);
    }
}
