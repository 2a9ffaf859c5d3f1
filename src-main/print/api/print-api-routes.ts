/**
 * Every route of the local print API, with the scope a caller's token must hold to use it, in
 * one table. The server answers only what is in this table (anything else is 404 or 405), its
 * handlers are keyed by the table's entries, and test/security/print-api.test.ts walks the
 * table: a route added without a declared scope does not compile and does not get served.
 */

/**
 * What a token may do. `status`: read printers and jobs; `layouts`: list and preview layouts;
 * `print`: queue jobs; `drawer`: send bytes that open the cash drawer (always with a reason,
 * written to the audit log; see docs/print-api.md).
 */
export const PRINT_API_SCOPES = ['status', 'layouts', 'print', 'drawer'] as const;
export type PrintApiScope = (typeof PRINT_API_SCOPES)[number];

export interface PrintApiRoute {
  readonly method: 'GET' | 'POST';
  /** Under /v1; `:id` matches one path segment. */
  readonly path: string;
  readonly scope: PrintApiScope;
  readonly summary: string;
}

export const PRINT_API_ROUTES = {
  listPrinters: { method: 'GET', path: '/printers', scope: 'status', summary: 'The printers and their last known status.' },
  listLayouts: { method: 'GET', path: '/layouts', scope: 'layouts', summary: 'The layouts a job may name.' },
  previewLayoutPng: { method: 'GET', path: '/layouts/:id/preview.png', scope: 'layouts', summary: 'A layout drawn with its sample data, as PNG.' },
  previewLayout: { method: 'GET', path: '/layouts/:id/preview', scope: 'layouts', summary: 'The same preview, without the extension.' },
  submitJob: { method: 'POST', path: '/jobs', scope: 'print', summary: 'Queue a layout with data, or raw ESC/POS bytes.' },
  readJob: { method: 'GET', path: '/jobs/:id', scope: 'status', summary: "A job's state." },
} as const satisfies Record<string, PrintApiRoute>;

export type PrintApiRouteName = keyof typeof PRINT_API_ROUTES;

export type RouteMatch =
  | { kind: 'route'; name: PrintApiRouteName; route: PrintApiRoute; id: string | undefined }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Finds the route for a method and the decoded segments after /v1. */
export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
  const allowed: string[] = [];
  for (const [name, route] of Object.entries(PRINT_API_ROUTES) as [PrintApiRouteName, PrintApiRoute][]) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    let id: string | undefined;
    const fits = pattern.every((part, i) => {
      if (part !== ':id') return part === segments[i];
      id = segments[i];
      return true;
    });
    if (!fits) continue;
    if (route.method === method) return { kind: 'route', name, route, id };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}

/** The sentence refusing a token that lacks the route's scope, or null when it holds it. */
export function scopeRefusal(route: PrintApiRoute, granted: ReadonlySet<PrintApiScope>): string | null {
  if (granted.has(route.scope)) return null;
  return `This print API token may not use ${route.method} /v1${route.path}: it needs the '${route.scope}' scope.`;
}
