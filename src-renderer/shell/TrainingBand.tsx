import { useEffect, useState } from 'react';
import { call } from '../transport/api.ts';
import './TrainingBand.css';

/** How often a window asks whether the host changed its training mode (a manager may change it from another window). */
const ASK_EVERY_MS = 4_000;

/**
 * The TRAINING band across the top of every screen of a window the host serves from the training
 * box office. The host decides; the window only asks. When the answer changes (a manager turned
 * training on or off for it) the window reloads, so no screen keeps data from the other box office.
 */
export function TrainingBand() {
  const [training, setTraining] = useState<boolean | null>(null);
  useEffect(() => {
    let first: boolean | null = null;
    const ask = () =>
      call('getTrainingState', {}).then(
        (state) => {
          if (first === null) first = state.training;
          else if (state.training !== first) window.location.reload();
          setTraining(state.training);
        },
        () => undefined,
      );
    void ask();
    const timer = setInterval(() => void ask(), ASK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  if (!training) return null;
  return (
    <div className="training-band" role="status" data-testid="training-band">
      TRAINING — this window sells from the training box office: nothing here is real, and its tickets are not valid.
    </div>
  );
}
