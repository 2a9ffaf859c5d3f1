import { useLayoutEffect, useMemo, useState } from 'react';
import { cashierScreens } from './cashier/index.ts';
import { managerScreens } from './manager/index.ts';
import { PerformanceList } from './screens/PerformanceList.tsx';
import { FirstAdmin } from './shell/FirstAdmin.tsx';
import { PairingGate } from './shell/PairingGate.tsx';
import { JoinBoxOfficeGate } from './shell/JoinBoxOffice.tsx';
import { HostUnreachable } from './shell/HostUnreachable.tsx';
import { canSee, type ScreenDef } from './shell/screen-def.ts';
import { useSession } from './shell/session.ts';
import { SignIn } from './shell/SignIn.tsx';
import { transportKind } from './transport/api.ts';
import { LostRecordsOffer } from './manager/backups/LostRecordsOffer.tsx';
import { RestoreWatch } from './manager/backups/RestoreWatch.tsx';
import { TrainingBand } from './shell/TrainingBand.tsx';

const allScreens = [...cashierScreens, ...managerScreens];

function Tabs({ label, screens, current, onPick, className }: { label: string; screens: ScreenDef[]; current: string | undefined; onPick(id: string): void; className: string }) {
  return (
    <nav className={className} aria-label={label}>
      {screens.map((s) => (
        <button key={s.id} type="button" aria-current={s.id === current ? 'page' : undefined} onClick={() => onPick(s.id)} data-testid={`tab-${s.id}`}>
          {s.label} <kbd>Alt+{s.key.toUpperCase()}</kbd>
        </button>
      ))}
    </nav>
  );
}

/** A host-mode window on another computer sees only the pairing screen until a manager approves it; a desktop terminal, its join screen. */
export function App() {
  return (
    <>
      <HostUnreachable />
      <JoinBoxOfficeGate>
        <PairingGate>
          <Counter />
        </PairingGate>
      </JoinBoxOfficeGate>
    </>
  );
}

function Counter() {
  const session = useSession();
  const { station, staff } = session;
  const screens = useMemo(() => (staff ? allScreens.filter((s) => canSee(staff, s)) : []), [staff]);
  const [screenId, setScreenId] = useState('sell');
  const screen = screens.find((s) => s.id === screenId) ?? screens[0];

  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || !staff) return;
      const key = e.key.toLowerCase();
      if (key === 'l') {
        e.preventDefault();
        void session.signOut();
        return;
      }
      const target = screens.find((s) => s.key === key);
      if (target) {
        e.preventDefault();
        setScreenId(target.id);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screens, staff, session.signOut]);

  return (
    <div className="app">
      <TrainingBand />
      <header className="status-bar">
        <span className="brand">Marquee</span>
        <span data-testid="venue-name">{station?.venueName ?? 'Box office'}</span>
        {staff && (
          <Tabs label="Counter screens" className="tabs" screens={screens.filter((s) => s.role === 'cashier')} current={screen?.id} onPick={setScreenId} />
        )}
        <span className="spacer" />
        <span className="muted" data-testid="station-name">
          {station ? `${station.stationName} · ${transportKind === 'ipc' ? 'desktop' : 'host mode'}` : 'Connecting…'}
        </span>
        {staff && (
          <>
            <RestoreWatch />
            <span data-testid="signed-in-staff">{staff.name}</span>
            <button type="button" className="lock" onClick={() => void session.signOut()} data-testid="lock">
              Lock <kbd>Alt+L</kbd>
            </button>
          </>
        )}
      </header>
      {staff && screens.some((s) => s.role !== 'cashier') && (
        <Tabs label="Manager screens" className="manage-tabs" screens={screens.filter((s) => s.role !== 'cashier')} current={screen?.id} onPick={setScreenId} />
      )}
      {session.error && <p className="error" role="alert">{session.error}</p>}
      <main>
        {station && !staff && station.isEmpty && (
          <PerformanceList onOpen={() => undefined} isEmpty onDemoLoaded={session.refresh} firstStart={<><LostRecordsOffer /><FirstAdmin onSignedIn={() => session.refresh()} /></>} />
        )}
        {station && !staff && !station.isEmpty && <SignIn stationName={station.stationName} notice={session.ended} onSignedIn={() => session.refresh()} />}
        {station && staff && screen && <screen.component station={station} staff={staff} go={setScreenId} />}
      </main>
    </div>
  );
}
