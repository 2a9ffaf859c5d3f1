/** The core's limit for a logo file (IMAGE_LIMITS.maxBytes in src-main/print/render/render-limits.ts). */
const LOGO_MAX_BYTES = 5 * 1024 * 1024;

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`;
}

/** Why this file cannot be a logo before it is even read, in a manager's words; null if it may be. */
export function logoFileProblem(file: { name: string; size: number }): string | null {
  if (file.size > LOGO_MAX_BYTES) return `This image is ${megabytes(file.size)}; logos can be at most ${megabytes(LOGO_MAX_BYTES)}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}
