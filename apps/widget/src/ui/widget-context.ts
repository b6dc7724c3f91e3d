import { createContext } from 'preact';
import { useContext, useEffect, useReducer } from 'preact/hooks';
import type { Translate } from '../i18n/locale';
import type { WidgetState } from '../state/widget-state';
import type { WidgetStore } from '../state/widget-store';

export interface WidgetContextValue {
  store: WidgetStore;
  state: WidgetState;
  t: Translate;
}

export const WidgetContext = createContext<WidgetContextValue | null>(null);

export function useWidget(): WidgetContextValue {
  const value = useContext(WidgetContext);
  if (!value) throw new Error('useWidget outside <WidgetContext.Provider>');
  return value;
}

/** The store's current state; re-renders on every change. */
export function useStoreState(store: WidgetStore): WidgetState {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => store.subscribe(() => rerender(undefined)), [store]);
  return store.state;
}
