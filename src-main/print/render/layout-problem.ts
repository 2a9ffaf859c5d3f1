/** Where and what is wrong in one layout file; `message` is the whole sentence for people. */
export interface LayoutProblem {
  id: string;
  file: string;
  /** JSON path, e.g. elements[3].type; absent for a syntax error. */
  path?: string;
  line?: number;
  column?: number;
  problem: string;
  message: string;
}

export function describeProblem(p: Omit<LayoutProblem, 'message'>): LayoutProblem {
  const where = [p.path ? `at ${p.path}` : '', p.line !== undefined ? `(line ${p.line}, column ${p.column})` : '']
    .filter(Boolean)
    .join(' ');
  return { ...p, message: `${p.file}${where ? ` ${where}` : ''}: ${p.problem}` };
}
