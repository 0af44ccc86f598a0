import { describe, expect, it } from 'vitest';
import { buildElements, edgeLabel, nodeSize } from './mapElements';

describe('the map elements', () => {
  it('grows nodes with the level', () => {
    expect(nodeSize({ level: 'unaware' })).toBeLessThan(nodeSize({ level: 'engaged' }));
    expect(nodeSize({ level: 'advocate' })).toBe(56);
  });

  it('draws organisations as rounded squares and people as circles, and drops edges to missing nodes', () => {
    const elements = buildElements({
      nodes: [
        { id: 1, type: 'organisation', name: 'Acme', kind: 'customer', level: 'aware', internal: false },
        { id: 2, type: 'person', name: 'Pat', kind: 'customer', level: 'engaged', internal: false },
      ],
      edges: [
        { source: 2, target: 1, kind: 'affiliation', label: 'CTO' },
        { source: 1, target: 99, kind: 'supplies', label: null },
      ],
      truncated: true,
    });
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.shape)).toEqual(['round-rectangle', 'ellipse']);
    const edges = elements.filter((e) => e.group === 'edges');
    expect(edges).toHaveLength(1);
    expect(edges[0]?.data).toMatchObject({ source: 'n2', target: 'n1', label: 'CTO', affiliation: 1 });
  });

  it('labels relations by their kind when the server sends no label', () => {
    expect(edgeLabel({ source: 1, target: 2, kind: 'invests_in', label: null })).toBe('Invests in');
    expect(edgeLabel({ source: 1, target: 2, kind: 'affiliation', label: null })).toBe('Affiliated with');
  });
});
