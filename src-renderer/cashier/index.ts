import type { ScreenDef } from '../shell/screen-def.ts';
import { SellScreen } from './SellScreen.tsx';

/** The counter's screens, in tab order. */
export const cashierScreens: ScreenDef[] = [{ id: 'sell', label: 'Sell', key: '1', role: 'cashier', component: SellScreen }];
