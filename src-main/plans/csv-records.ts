/** One CSV record and the line it starts on, so errors can point into the file. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 reading: quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF
 * and LF both end a record; blank lines are skipped. Spreadsheets add a BOM, which is dropped.
 */
export function readCsvRecords(content: string, delimiter = ','): CsvRecord[] {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  let i = 0;

  const endField = () => {
    fields.push(fieldWasQuoted ? field : field.trim());
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      fieldWasQuoted = true;
      field = '';
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
      continue;
    }
    if (fieldWasQuoted) {
      if (ch.trim() !== '') {
        throw new CsvSyntaxError(line, fields.length + 1, 'text follows a closing quote; a quote inside a quoted field must be doubled ("")');
      }
      i++;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, fields.length + 1, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}
