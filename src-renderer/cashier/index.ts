import type { ScreenDef } from '../shell/screen-def.ts';
import { SellScreen } from './sell/SellScreen.tsx';
import { CollectScreen } from './collect/CollectScreen.tsx';
import { OrdersScreen } from './orders/OrdersScreen.tsx';
import { CheckInScreen } from './checkin/CheckInScreen.tsx';
import { CashUpScreen } from './cashup/CashUpScreen.tsx';

/** The counter's screens, in tab order. */
export const cashierScreens: ScreenDef[] = [
  { id: 'sell', label: 'Sell', key: '1', role: 'cashier', component: SellScreen },
  { id: 'collect', label: 'Collect', key: '2', role: 'cashier', component: CollectScreen },
  { id: 'orders', label: 'Orders', key: '3', role: 'cashier', component: OrdersScreen },
  { id: 'checkin', label: 'Check-in', key: '4', role: 'cashier', component: CheckInScreen },
  { id: 'cashup', label: 'Cash-up', key: '5', role: 'cashier', component: CashUpScreen },
];
