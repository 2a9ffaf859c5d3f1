import { useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { logoFileProblem } from './logo-file.ts';

type Logo = OutputOf<'listLogos'>[number];
type Dither = 'atkinson' | 'floyd-steinberg';

interface Picked {
  fileName: string;
  base64: string;
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new MarqueeError('IMAGE_INVALID', `Could not read ${file.name}; choose the file again.`));
    reader.readAsDataURL(file);
  });
}

function suggestName(fileName: string): string {
  return (
    fileName
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'logo'
  );
}

/** Add a venue logo by drag and drop or the file dialog, seeing it dithered at the paper width first. */
export function LogosPanel({ onAdded }: { onAdded(): void }) {
  const [logos, setLogos] = useState<Logo[]>([]);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [name, setName] = useState('');
  const [widthDots, setWidthDots] = useState(576);
  const [dither, setDither] = useState<Dither>('atkinson');
  const [preview, setPreview] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const reload = () => void call('listLogos', {}).then(setLogos).catch(() => setLogos([]));
  useEffect(reload, []);

  useEffect(() => {
    if (!picked) return;
    let live = true;
    setMessage(null);
    call('previewLogo', { fileName: picked.fileName, base64: picked.base64, widthDots, dither })
      .then((out) => live && setPreview(out.png))
      .catch((e: unknown) => {
        if (!live) return;
        setPreview(null);
        setMessage({ ok: false, text: errorText(e) });
      });
    return () => {
      live = false;
    };
  }, [picked, widthDots, dither]);

  async function take(file: File | undefined) {
    if (!file) return;
    const problem = logoFileProblem(file);
    if (problem) {
      setPicked(null);
      setPreview(null);
      return setMessage({ ok: false, text: problem });
    }
    try {
      setPicked({ fileName: file.name, base64: await readAsBase64(file) });
      setName(suggestName(file.name));
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  async function add() {
    if (!picked) return;
    try {
      const info = await call('addLogo', { name, fileName: picked.fileName, base64: picked.base64, dither });
      setMessage({ ok: true, text: `Added the logo '${info.name}'. Use it in a layout's Logo element.` });
      setPicked(null);
      setPreview(null);
      reload();
      onAdded();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  return (
    <section className="logos-panel" aria-label="Logos">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="logo-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void take(e.dataTransfer.files[0]);
        }}
      >
        <p>Drop a PNG, JPEG or SVG logo here, or</p>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Choose a file…
        </button>
        <input ref={fileRef} type="file" accept=".png,.jpg,.jpeg,.svg,image/png,image/jpeg,image/svg+xml" hidden onChange={(e) => void take(e.target.files?.[0])} data-testid="logo-file" />
      </div>
      {message && (
        <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="logo-message">
          {message.text}
        </p>
      )}
      {picked && (
        <div className="logo-pending">
          <div className="logo-settings">
            <p>
              <strong>{picked.fileName}</strong> as it will print:
            </p>
            <label>
              Name
              <input value={name} onChange={(e) => setName(e.target.value.toLowerCase())} data-testid="logo-name" />
            </label>
            <label>
              Paper
              <select value={widthDots} onChange={(e) => setWidthDots(Number(e.target.value))}>
                <option value={576}>80 mm (576 dots)</option>
                <option value={384}>58 mm (384 dots)</option>
              </select>
            </label>
            <label>
              Dither
              <select value={dither} onChange={(e) => setDither(e.target.value as Dither)}>
                <option value="atkinson">Atkinson (crisper)</option>
                <option value="floyd-steinberg">Floyd–Steinberg (smoother greys)</option>
              </select>
            </label>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void add()} disabled={!preview} data-testid="logo-add">
                Add logo
              </button>
              <button type="button" onClick={() => setPicked(null)}>
                Cancel
              </button>
            </div>
          </div>
          {preview && <img className="logo-preview" src={`data:image/png;base64,${preview}`} alt="The logo dithered to black and white" data-testid="logo-preview" />}
        </div>
      )}
      <h2>Logos</h2>
      <ul className="logo-list">
        {logos.map((l) => (
          <li key={l.name} data-testid="logo-row">
            <strong>{l.name}</strong> <span className="muted">{l.source === 'builtin' ? 'built-in' : 'venue'} · {l.fileName}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
