// The stakeholder map's graph, as Cytoscape elements (pure, so it is tested without a canvas).
import type { ElementDefinition } from 'cytoscape';
import { t } from '../../messages';
import { kindColor, levelStep, relationLabel } from './labels';
import type { MapEdge, MapNode, StakeholderMap } from './types';

/** Node diameter in pixels: grows with the level on the ladder (26 for unaware … 56 for advocate). */
export function nodeSize(node: Pick<MapNode, 'level'>): number {
  return 20 + levelStep(node.level) * 6;
}

/** The words on an edge: the affiliation's title, or the relation's kind. */
export function edgeLabel(edge: MapEdge): string {
  if (edge.kind === 'affiliation') return edge.label || t('stakeholders.mapPage.affiliation');
  return edge.label || relationLabel(edge.kind);
}

export function buildElements(map: StakeholderMap): ElementDefinition[] {
  const ids = new Set(map.nodes.map((n) => n.id));
  const nodes: ElementDefinition[] = map.nodes.map((n) => ({
    group: 'nodes',
    data: {
      id: `n${n.id}`,
      stakeholderId: n.id,
      label: n.name,
      color: kindColor[n.kind] ?? '#868e96',
      size: nodeSize(n),
      shape: n.type === 'organisation' ? 'round-rectangle' : 'ellipse',
    },
  }));
  // An edge to a node the server left out (limit) would make Cytoscape throw.
  const edges: ElementDefinition[] = map.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e, i) => ({
      group: 'edges',
      data: { id: `e${i}`, source: `n${e.source}`, target: `n${e.target}`, label: edgeLabel(e), affiliation: e.kind === 'affiliation' ? 1 : 0 },
    }));
  return [...nodes, ...edges];
}
