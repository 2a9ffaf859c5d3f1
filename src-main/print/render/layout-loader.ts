import type { z } from 'zod';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { describeProblem, type LayoutProblem } from './layout-problem.ts';
import { elementKinds, LayoutFileSchema, type LayoutElement, type LayoutFile } from './layout-schema.ts';
import { JsonSyntaxError, jsonPath, parseJsonWithPositions, type Position } from './json-with-positions.ts';
import { checkFormatters, parseTemplate, TemplateError } from './placeholders.ts';
import { fieldCatalogs, type FieldCatalog, type FieldType } from './print-data.ts';
import { layoutFileProblem } from './render-limits.ts';

/** A layout that passed every check, ready for renderDocument. */
export interface Layout extends LayoutFile {
  id: string;
  source: 'builtin' | 'user';
  /** Shown in problems: 'layouts/ticket-80mm.json' or '<data>/layouts/my-ticket.json'. */
  file: string;
}

export class LayoutInvalidError extends MarqueeError {
  constructor(readonly problem: LayoutProblem) {
    super('LAYOUT_INVALID', problem.message, {
      file: problem.file,
      ...(problem.path !== undefined ? { path: problem.path } : {}),
      ...(problem.line !== undefined ? { line: problem.line, column: problem.column } : {}),
    });
  }
}

export interface LayoutOrigin {
  id: string;
  file: string;
  source: 'builtin' | 'user';
}

/** Parses and checks a layout file's text; throws LayoutInvalidError naming the file, place and problem. */
export function parseLayout(text: string, origin: LayoutOrigin): Layout {
  const fail = (problem: string, path?: string, at?: Position): never => {
    throw new LayoutInvalidError(
      describeProblem({
        id: origin.id,
        file: origin.file,
        ...(path !== undefined ? { path } : {}),
        ...(at ? { line: at.line, column: at.column } : {}),
        problem,
      }),
    );
  };

  let parsed;
  try {
    parsed = parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return fail(`not valid JSON: ${e.problem}`, undefined, e.position);
    throw e;
  }
  const positionOf = (path: string): Position | undefined => {
    // A missing property has no position of its own: point at the nearest enclosing value.
    for (let p = path; ; ) {
      const at = parsed.positions.get(p);
      if (at || p === '') return at;
      p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
  };

  const result = LayoutFileSchema.safeParse(parsed.value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = jsonPath(issue.path);
    return fail(describeIssue(issue, parsed.value), path || undefined, positionOf(path));
  }
  const layout = result.data;
  const catalog = fieldCatalogs[layout.kind];

  const checkTemplate = (template: string, path: string, item?: { name: string; fields: Record<string, FieldType> }) => {
    let parts;
    try {
      parts = parseTemplate(template);
    } catch (e) {
      if (e instanceof TemplateError) return fail(e.message, path, positionOf(path));
      throw e;
    }
    for (const part of parts) {
      if (typeof part === 'string') continue;
      const type = lookupFieldType(part.field, catalog, item);
      if (!type) return fail(unknownFieldMessage(part.field, layout.kind, catalog, item), path, positionOf(path));
      const bad = checkFormatters(part.field, type, part.formatters);
      if (bad) return fail(bad, path, positionOf(path));
    }
  };

  const checkElement = (el: LayoutElement, path: string, item?: { name: string; fields: Record<string, FieldType> }) => {
    switch (el.type) {
      case 'text':
        return checkTemplate(el.text, `${path}.text`, item);
      case 'columns':
        checkTemplate(el.left, `${path}.left`, item);
        return checkTemplate(el.right, `${path}.right`, item);
      case 'qr':
      case 'barcode':
        return checkTemplate(el.data, `${path}.data`, item);
      case 'logo':
        if (el.width !== undefined && el.width > layout.widthDots) {
          fail(`the logo is ${el.width} dots wide but the paper has ${layout.widthDots}`, `${path}.width`, positionOf(`${path}.width`));
        }
        return;
      case 'repeat': {
        const list = catalog.lists[el.over];
        if (!list) {
          const known = Object.keys(catalog.lists);
          fail(
            `a ${layout.kind} has no list called '${el.over}'${known.length ? `; it has ${known.join(', ')}` : '; it has no lists to repeat'}`,
            `${path}.over`,
            positionOf(`${path}.over`),
          );
          return;
        }
        el.elements.forEach((child, k) => checkElement(child, `${path}.elements[${k}]`, { name: list.item, fields: list.fields }));
        return;
      }
      default:
        return;
    }
  };
  layout.elements.forEach((el, k) => checkElement(el, `elements[${k}]`));
  // How much it may draw (QR codes, logos, paper) is part of being valid: a saved layout then
  // prints within the limits without being checked again on every ticket.
  const overLimit = layoutFileProblem(layout);
  if (overLimit) fail(overLimit.message, overLimit.path, overLimit.path === undefined ? undefined : positionOf(overLimit.path));

  return { ...layout, id: origin.id, source: origin.source, file: origin.file };
}

function lookupFieldType(
  field: string,
  catalog: FieldCatalog,
  item?: { name: string; fields: Record<string, FieldType> },
): FieldType | undefined {
  if (item && field.startsWith(`${item.name}.`)) {
    const own = item.fields[field.slice(item.name.length + 1)];
    if (own) return own;
  }
  return catalog.fields[field];
}

function unknownFieldMessage(
  field: string,
  kind: string,
  catalog: FieldCatalog,
  item?: { name: string; fields: Record<string, FieldType> },
): string {
  const known = [...Object.keys(catalog.fields), ...(item ? Object.keys(item.fields).map((f) => `${item.name}.${f}`) : [])];
  const close = known.filter((k) => k.split('.')[0] === field.split('.')[0]);
  return `unknown field {${field}} for a ${kind} layout${item ? ` (inside this repeat the item is '${item.name}')` : ''}; ${
    close.length ? `did you mean one of ${close.join(', ')}?` : `the fields are ${known.join(', ')}`
  }`;
}

function describeIssue(issue: z.core.$ZodIssue, root: unknown): string {
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    const value = valueAt(root, issue.path);
    return value === undefined
      ? `this element has no "type"; it must be one of ${elementKinds.join(', ')}`
      : `unknown element kind ${JSON.stringify(value)}; the kinds are ${elementKinds.join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown ${issue.keys.length > 1 ? 'properties' : 'property'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && valueAt(root, issue.path) === undefined) return `"${String(issue.path.at(-1))}" is missing`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${JSON.stringify(valueAt(root, issue.path))} is not allowed here; use one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}
