import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { describeCycle, folderCycles, folderGraph } from './import-graph.ts';

describe('no import cycles between the folders of src-main', () => {
  it('finds none in the source', () => {
    const graph = folderGraph(join(sourceRoot, 'src-main'));
    // Sanity: the graph is really read (the transports import the API, the API the domain folders).
    expect(graph.get('host')?.has('api')).toBe(true);
    expect(graph.get('api')?.has('sales')).toBe(true);
    const cycles = folderCycles(graph).map((c) => describeCycle(graph, c));
    expect(cycles, `Folders of src-main import each other:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('fails a deliberate cycle and names it with the imports that close it', () => {
    const graph = folderGraph(join(sourceRoot, 'test', 'fixtures', 'lint', 'folder-cycle'));
    const cycles = folderCycles(graph);
    expect(cycles).toEqual([['orders', 'print', 'orders']]);
    const said = describeCycle(graph, cycles[0]!);
    expect(said).toMatch(/^orders → print → orders/);
    expect(said).toContain("orders/find.ts → ../print/reprint.ts");
    expect(said).toContain("print/reprint.ts → ../orders/find.ts");
  });
});
