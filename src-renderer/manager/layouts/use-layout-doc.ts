import { useEffect, useRef, useState } from 'react';
import type { LayoutInfoDto, LayoutProblemDto } from '../../../src-shared/contract/layouts.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { errorText } from '../../kit/error-text.ts';
import { call } from '../../transport/api.ts';
import { elementIndexOf, readDoc, writeDoc, type LayoutDoc } from './layout-doc.ts';

type Fields = OutputOf<'layoutFields'>;
const PREVIEW_DELAY_MS = 300;

/**
 * One layout file being edited: its text (the form and the raw view edit the same text), the fields
 * it may use, the preview redrawn shortly after each change (with sample data or a real order), its
 * problems, and saving, restoring and printing a sample. The editor's components only draw this.
 */
export function useLayoutDoc(layouts: LayoutInfoDto[], onSaved: (id: string) => void) {
  const [layoutId, setLayoutId] = useState<string>('ticket-80mm');
  const [text, setText] = useState<string>('');
  const [loadedText, setLoadedText] = useState<string>('');
  const [mode, setMode] = useState<'form' | 'raw'>('form');
  const [preview, setPreview] = useState<{ png: string; widthDots: number; heightDots: number } | null>(null);
  const [problems, setProblems] = useState<LayoutProblemDto[]>([]);
  const [previewing, setPreviewing] = useState(false);
  const [fields, setFields] = useState<Fields>({ fields: [], lists: [] });
  const [saveAs, setSaveAs] = useState('ticket-80mm');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [addType, setAddType] = useState('text');
  const [printers, setPrinters] = useState<{ id: string; name: string }[]>([]);
  const [printerId, setPrinterId] = useState('');
  const rawRef = useRef<HTMLTextAreaElement>(null);
  // The preview fills with sample data, or with a real order once a reference is typed and shown.
  const [previewWith, setPreviewWith] = useState<'sample' | 'order'>('sample');
  const [orderTyped, setOrderTyped] = useState('');
  const [orderShown, setOrderShown] = useState('');
  const [filledFrom, setFilledFrom] = useState<{ reference: string; what: string } | null>(null);
  const [orderProblem, setOrderProblem] = useState<string | null>(null);
  const orderId = previewWith === 'order' && orderShown ? orderShown : null;

  const parsed = readDoc(text);
  const doc = 'doc' in parsed ? parsed.doc : null;
  // A text that does not parse keeps the fields of the layout's own kind.
  const kind = doc?.kind ?? layouts.find((l) => l.id === layoutId)?.kind ?? 'ticket';

  useEffect(() => {
    let live = true;
    setMessage(null);
    call('getLayoutText', { id: layoutId })
      .then((out) => {
        if (!live) return;
        setText(out.text);
        setLoadedText(out.text);
        setSaveAs(layoutId);
      })
      .catch((e: unknown) => live && setMessage({ ok: false, text: errorText(e) }));
    return () => {
      live = false;
    };
  }, [layoutId]);

  useEffect(() => {
    call('listPrinters', {})
      .then((list) => setPrinters(list.map(({ id, name }) => ({ id, name }))))
      .catch(() => setPrinters([]));
  }, []);

  useEffect(() => {
    call('layoutFields', { kind })
      .then(setFields)
      .catch(() => setFields({ fields: [], lists: [] }));
  }, [kind]);

  // Redraw after a short pause in typing; an answer that arrives after a newer edit is dropped.
  useEffect(() => {
    if (!text) return;
    let live = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      call('previewLayout', orderId ? { text, orderId } : { text })
        .then((out) => {
          if (!live) return;
          setProblems(out.problems);
          setOrderProblem(null);
          setFilledFrom(out.filledFrom ?? null);
          if (out.preview) setPreview(out.preview);
        })
        .catch((e: unknown) => {
          if (!live) return;
          // A wrong reference is the order box's problem, not the layout's.
          if (orderId) setOrderProblem(errorText(e));
          else setProblems([{ id: layoutId, file: '', problem: errorText(e), message: errorText(e) }]);
        })
        .finally(() => live && setPreviewing(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, orderId]);

  const update = (next: LayoutDoc) => setText(writeDoc(next));
  const problem = problems[0] ?? null;
  const problemAt = elementIndexOf(problem?.path);

  async function save() {
    setMessage(null);
    try {
      const saved = await call('saveLayout', { id: saveAs, text });
      setLoadedText(text);
      setMessage({ ok: true, text: `Saved '${saved.name}' as ${saved.id}; the next print uses it.` });
      onSaved(saved.id);
      if (saved.id !== layoutId) setLayoutId(saved.id);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  async function restore() {
    setMessage(null);
    try {
      await call('restoreLayout', { id: layoutId });
      const out = await call('getLayoutText', { id: layoutId });
      setText(out.text);
      setLoadedText(out.text);
      setMessage({ ok: true, text: `Restored the built-in ${layoutId}.` });
      onSaved(layoutId);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  async function printSample() {
    setMessage(null);
    try {
      const job = await call('printLayoutSample', printerId ? { layoutId, printerId } : { layoutId });
      setMessage({ ok: true, text: `${job.label}: ${job.words}` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  function goToProblem(p: LayoutProblemDto) {
    const area = rawRef.current;
    if (!area || p.line === undefined) return;
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < p.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    offset += Math.max(0, (p.column ?? 1) - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
  }

  const dirty = text !== loadedText;

  return {
    layoutId,
    setLayoutId,
    text,
    setText,
    mode,
    setMode,
    preview,
    previewing,
    fields,
    saveAs,
    setSaveAs,
    message,
    addType,
    setAddType,
    printers,
    printerId,
    setPrinterId,
    rawRef,
    previewWith,
    setPreviewWith,
    orderTyped,
    setOrderTyped,
    setOrderShown,
    filledFrom,
    orderProblem,
    parsed,
    doc,
    update,
    problem,
    problemAt,
    dirty,
    save,
    restore,
    printSample,
    goToProblem,
  };
}

export type LayoutDocState = ReturnType<typeof useLayoutDoc>;
