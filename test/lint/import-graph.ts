import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The import graph between the folders of a source tree, read from the files themselves (static
 * `import … from`, `export … from` and `import('…')` with a relative path; no TypeScript needed).
 * Type-only imports count too: a type that two folders both need belongs to one of them.
 */
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export type FolderGraph = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string, skip: Set<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : sourceFiles(path, skip);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** folder → folder it imports → the files and specifiers that do it (for the failure message). */
export function folderGraph(root: string, skip: string[] = ['migrations']): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(root, new Set(skip))) {
    const from = relative(root, file).split(sep)[0]!;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(dirname(file), specifier));
      if (target.startsWith('..')) continue;
      const to = target.split(sep)[0]!;
      if (to === from || !target.includes(sep)) continue; // same folder, or a leaf file at the root (paths.ts)
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${relative(root, file)} → ${specifier}`]);
    }
  }
  return graph;
}

/** Every cycle between folders, each as its folders in import order with the first repeated at the end ("orders → print → orders"). */
export function folderCycles(graph: FolderGraph): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const folders = [...graph.keys()].sort();
  // Elementary cycles through each folder, starting from the smallest name in them so each is listed once.
  for (const start of folders) {
    // Only folders that lead back to `start` can be on a cycle through it: the walk stays small.
    const leadsBack = new Set<string>([start]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [from, edges] of graph) {
        if (!leadsBack.has(from) && [...edges.keys()].some((to) => leadsBack.has(to))) {
          leadsBack.add(from);
          grew = true;
        }
      }
    }
    const walk = (at: string, path: string[]) => {
      for (const next of [...(graph.get(at)?.keys() ?? [])].sort()) {
        if (!leadsBack.has(next)) continue;
        if (next === start) {
          const key = path.join('>');
          if (!seen.has(key)) {
            seen.add(key);
            cycles.push([...path, start]);
          }
        } else if (next > start && !path.includes(next)) {
          walk(next, [...path, next]);
        }
      }
    };
    walk(start, [start]);
  }
  return cycles;
}

/** A cycle said in words, with the imports that close it, for the failure message. */
export function describeCycle(graph: FolderGraph, cycle: string[]): string {
  const steps = cycle.slice(1).map((to, i) => `  ${cycle[i]} → ${to}: ${graph.get(cycle[i]!)!.get(to)![0]}`);
  return [`${cycle.join(' → ')}`, ...steps].join('\n');
}
